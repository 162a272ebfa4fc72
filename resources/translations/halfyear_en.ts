<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="29"/>
        <source>读写文件时出错：%1。请检查文件是否存在、是否被其他程序占用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="30"/>
        <source>发生了意外错误（%1）。您的数据已保存；请把“详细信息”复制给技术人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="42"/>
        <source>复制详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="60"/>
        <source>出错了</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../desktop/ui/widgets/detail_hint.py" line="11"/>
        <source>在左侧选择报告，在中间选择一项任务或措施，这里显示它的全部内容。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="95"/>
        <source>已办结：督办部门核实后办结；已延期：请在下方登记新的时限和原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="97"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="99"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="238"/>
        <source>牵头领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="99"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="238"/>
        <source>牵头单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="100"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="239"/>
        <source>配合单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="100"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="239"/>
        <source>责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="107"/>
        <source>多个单位用顿号分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="114"/>
        <source>长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="115"/>
        <source>常态化、长期坚持的措施没有完成时限，不会逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="119"/>
        <source>完成时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="127"/>
        <source>原定时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="133"/>
        <source>延期原因（必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="134"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="260"/>
        <source>登记延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="135"/>
        <source>保留原定时限，改用新的时限，状态改为“已延期”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="139"/>
        <source>延期至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="140"/>
        <source>延期原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="143"/>
        <source>进展情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="145"/>
        <source>写下本期进展，离开输入框或停顿片刻后自动保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="160"/>
        <source>原文段落</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="169"/>
        <source>修改记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="197"/>
        <source>（没有记录原文段落）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="212"/>
        <source>（未延期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="234"/>
        <source>修改状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="237"/>
        <source>修改%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="243"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="248"/>
        <source>修改完成时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="256"/>
        <source>请先填写延期原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="265"/>
        <source>填写进展情况</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="30"/>
        <source>搜索（Ctrl+F）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="33"/>
        <source>在任务、内容、单位、责任人、进展中搜索，输入即筛选；多个词用空格分开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="38"/>
        <source>按完成状态筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="39"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="40"/>
        <source>未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="41"/>
        <source>已完成或办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="50"/>
        <source>按牵头或配合单位筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="51"/>
        <source>全部单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="55"/>
        <source>只看逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="56"/>
        <source>只显示已过完成时限仍未完成的措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="62"/>
        <source>到期不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="63"/>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="64"/>
        <source>%1 天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="65"/>
        <source>只显示在这么多天内到期且未完成的措施；0 表示不限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="62"/>
        <source>导入预览：核对后再保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="68"/>
        <source>请核对从每份报告中找到的计划。可双击或按 F2 改名，选中后删除、合并、拆分；计划部分找错了可在“计划部分”中换一个。确认导入前不会保存任何内容。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="95"/>
        <source>报告在列表中显示的名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="97"/>
        <source>报告标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="101"/>
        <source>计划所属年份；“年底前”等时限按这一年计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="107"/>
        <source>计划年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="109"/>
        <source>报告中的一级标题；选择真正的“下一步工作打算”部分，计划会立即重新提取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="111"/>
        <source>计划部分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="132"/>
        <source>改名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="134"/>
        <source>修改选中行的标题（F2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="136"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="138"/>
        <source>删除选中的任务或措施（Delete）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="140"/>
        <source>合并</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="141"/>
        <source>把选中的同级几行合并为一行（Ctrl+M）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="144"/>
        <source>拆分…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="145"/>
        <source>把选中的一行按句子拆成几行（Ctrl+T）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="160"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="206"/>
        <source>报告中没有写明年份，已按今年计算，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="219"/>
        <source>请选择计划所在的一级标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="219"/>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="354"/>
        <source>%1 项任务，%2 条措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="362"/>
        <source>导入 %1 份报告</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemTreeModel</name>
    <message>
        <location filename="../../desktop/ui/models/item_tree.py" line="415"/>
        <source>%1/%2 项完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/item_tree.py" line="427"/>
        <source>长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="93"/>
        <source>半年工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="102"/>
        <location filename="../../desktop/ui/main_window.py" line="410"/>
        <source>正在读取数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118"/>
        <source>报告按计划年份分组；进度条为任务完成比例（一项任务的措施全部完成才算完成）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="384"/>
        <location filename="../../desktop/ui/main_window.py" line="385"/>
        <source>读取数据失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="415"/>
        <source>还没有报告。按 Ctrl+I 或把文件拖到窗口里导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="537"/>
        <source>共 %1 条措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="538"/>
        <source>显示 %1 / 共 %2 条措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="594"/>
        <source>读取修改记录失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="617"/>
        <source>修改%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="641"/>
        <location filename="../../desktop/ui/main_window.py" line="682"/>
        <source>没有保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="648"/>
        <source>别人刚修改过这一条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="649"/>
        <source>这条任务刚被其他人修改过，您的这次修改没有保存。
已为您刷新为最新内容，请核对后再改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="718"/>
        <source>标记完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="718"/>
        <source>取消完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="723"/>
        <source>全部标记完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="723"/>
        <source>全部取消完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="737"/>
        <source>（打开时的状态）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="738"/>
        <source>撤销历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="754"/>
        <source>删除报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="755"/>
        <source>确定删除“%1”及其全部任务和进展记录吗？此操作不能撤销。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="795"/>
        <source>载入示例失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="800"/>
        <source>这些是示例报告，可随意勾选试用。导入自己的报告：按 Ctrl+I 或把文件拖进窗口；示例可在“文件 ▸ 删除示例报告”中删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="891"/>
        <source>请在详情栏下方填写“延期至”的日期和延期原因，再点“登记延期”。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergePreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="62"/>
        <source>……另有 %1 处，见下方修改列表。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="63"/>
        <source>请核实：以下 %1 处完成状态倒退（已完成或已办结的事项被改回）。合并前请与填报单位确认；不合并请按“取消”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="79"/>
        <source>合并台账：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="83"/>
        <source>读取 %1 行；%2 行没有变化；%3 处修改；%4 处与程序中的修改冲突。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="93"/>
        <source>—— 冲突（程序中也改过）——</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="95"/>
        <source>—— 未能使用的行 ——</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="98"/>
        <source>冲突处也采用台账中的内容（覆盖程序中的修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="102"/>
        <source>合并</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="103"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanEditModel</name>
    <message>
        <location filename="../../desktop/ui/models/plan_edit.py" line="271"/>
        <source>长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDelegate</name>
    <message>
        <location filename="../../desktop/ui/widgets/report_delegate.py" line="47"/>
        <source>逾期 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="15"/>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="22"/>
        <source>拆分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="18"/>
        <source>每行一条。已按句子分好，可直接修改、合并或删除行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="23"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop/ui/words.py" line="6"/>
        <source>未启动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="6"/>
        <source>推进中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="7"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="7"/>
        <source>已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="8"/>
        <source>已延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="8"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="38"/>
        <source>半年工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="83"/>
        <source>无法打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../desktop/ui/words.py" line="11"/>
        <source>任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="11"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="11"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="12"/>
        <source>牵头领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="12"/>
        <source>牵头单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="13"/>
        <source>配合单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="13"/>
        <source>责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="14"/>
        <source>完成时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="14"/>
        <source>原定时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="15"/>
        <source>延期原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="15"/>
        <source>进展情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="16"/>
        <source>创建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="16"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="16"/>
        <source>恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="17"/>
        <source>位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/words.py" line="17"/>
        <source>上级</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="34"/>
        <source>&lt;h3&gt;半年工作台账 %1&lt;/h3&gt;&lt;p&gt;把半年工作总结里的“下一步工作打算”变成可勾选、可跟踪的任务台账。&lt;/p&gt;&lt;p&gt;数据位置：&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;&lt;p&gt;每次修改都立即保存；每天首次打开时自动备份数据库（保留最近 10 份）。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="43"/>
        <source>关于半年工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="37"/>
        <source>导出台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="38"/>
        <location filename="../../desktop/ui/export_actions.py" line="47"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="46"/>
        <source>选择各单位填报后的台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="110"/>
        <source>选择要导入的工作总结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="111"/>
        <source>工作总结 (*.docx *.txt);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self._window</name>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="137"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="185"/>
        <source>已取消导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="192"/>
        <source>导入失败</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="148"/>
        <source>正在读取 %1 个文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="157"/>
        <source>正在读取报告…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="157"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="158"/>
        <source>导入报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="206"/>
        <source>导入预览出错</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="209"/>
        <source>没有导入任何报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="220"/>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="230"/>
        <source>文件已导入过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="230"/>
        <source>以下文件以前已经导入过：
%1

仍要再导入一份吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="243"/>
        <source>已导入 %1 份报告，共 %2 条措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="250"/>
        <source>部分报告没有导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="250"/>
        <source>以下文件没有导入：
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="163"/>
        <source>工作任务台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="176"/>
        <source>已导出 %1 行到 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="181"/>
        <source>导出失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="182"/>
        <source>已取消导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="183"/>
        <source>正在导出台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="198"/>
        <source>已合并 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="204"/>
        <source>合并失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="210"/>
        <source>合并台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="210"/>
        <source>这份台账与程序中的内容一致，没有需要合并的修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="219"/>
        <source>正在合并…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="222"/>
        <source>正在读取台账…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

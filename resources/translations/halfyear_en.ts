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
    <name>CarryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="41"/>
        <source>结转未完成措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="47"/>
        <source>新建结转计划(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="51"/>
        <source>未定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="54"/>
        <source> 年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="55"/>
        <source>结转到已有报告(&amp;E)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="71"/>
        <source>结转后的措施保留内容、单位、责任人、进度和进展，并注明来源；原措施保持不变，在修改记录中注明已结转。早于新年度的完成时限改为该年年底。可撤销。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="78"/>
        <source>结转</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/carry_dialog.py" line="79"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarryOfferPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/carry_offer.py" line="27"/>
        <source>导入后把勾选的措施一并结转到这份计划(&amp;B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/carry_offer.py" line="28"/>
        <source>结转的措施保留内容、单位、责任人和进展，注明来源；原措施保持不变</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/carry_offer.py" line="45"/>
        <source>同一单位（%1）的上一份计划《%2》还有 %3 项未完成的措施。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/carry_offer.py" line="53"/>
        <source>（新计划中似已列出）</source>
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
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="94"/>
        <source>已办结：督办部门核实后办结；已延期：请在下方登记新的时限和原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="96"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="98"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="256"/>
        <source>牵头领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="98"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="256"/>
        <source>牵头单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="99"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="257"/>
        <source>配合单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="99"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="257"/>
        <source>责任人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="106"/>
        <source>多个单位用顿号分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="113"/>
        <source>长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="114"/>
        <source>常态化、长期坚持的措施没有完成时限，不会逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="118"/>
        <source>完成时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="126"/>
        <source>原定时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="132"/>
        <source>延期原因（必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="133"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="278"/>
        <source>登记延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="134"/>
        <source>保留原定时限，改用新的时限，状态改为“已延期”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="138"/>
        <source>延期至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="139"/>
        <source>延期原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="142"/>
        <source>进展情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="144"/>
        <source>写下本期进展，离开输入框或停顿片刻后自动保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="161"/>
        <source>原文段落</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="177"/>
        <source>修改记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="180"/>
        <source>进展记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="210"/>
        <source>（没有记录原文段落）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="225"/>
        <source>（未延期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="252"/>
        <source>修改状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="255"/>
        <source>修改%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="261"/>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="266"/>
        <source>修改完成时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="274"/>
        <source>请先填写延期原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/detail_pane.py" line="283"/>
        <source>填写进展情况</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="59"/>
        <source>导出台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="65"/>
        <source>导出范围：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="69"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="72"/>
        <source>按某一天结束时的情况导出(&amp;D)，截至：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="83"/>
        <source>按历史记录还原当日的状态、进展和延期原因；之后才导入或添加的措施不列入，导出后会说明有多少项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="90"/>
        <source>筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="103"/>
        <source>完成状态（不选为全部）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="110"/>
        <source>牵头或配合单位(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="115"/>
        <source>工作表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="117"/>
        <source>每份报告一张工作表(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="118"/>
        <source>全部合为一张工作表(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="125"/>
        <source>加一张“对账”表：每项措施在以下日期的完成状态(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="149"/>
        <source>签字栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="151"/>
        <source>在每张台账下加签字栏(&amp;S)（空着的项留横线手写）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="168"/>
        <source>导出(&amp;X)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="170"/>
        <source>取消</source>
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
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="53"/>
        <source>全部单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="57"/>
        <source>只看逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="58"/>
        <source>只显示已过完成时限仍未完成的措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="64"/>
        <source>到期不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="65"/>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="66"/>
        <source>%1 天内到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/filter_bar.py" line="67"/>
        <source>只显示在这么多天内到期且未完成的措施；0 表示不限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/guide.py" line="21"/>
        <source>使用说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/guide.py" line="33"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="84"/>
        <source>导入预览：核对后再保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="90"/>
        <source>请核对从每份报告中找到的计划。可双击或按 F2 改名，选中后删除、合并、拆分；计划部分找错了可在“计划部分”中换一个。确认导入前不会保存任何内容。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="117"/>
        <source>报告在列表中显示的名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="119"/>
        <source>报告标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="123"/>
        <source>计划所属年份；“年底前”等时限按这一年计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="129"/>
        <source>计划年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="136"/>
        <source>程序对找对计划部分的把握</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="137"/>
        <source>换一个部分…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="139"/>
        <source>列出可能是计划的各个部分，选一个或几个重新提取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="144"/>
        <source>计划部分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="171"/>
        <source>改名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="173"/>
        <source>修改选中行的标题（F2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="175"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="177"/>
        <source>删除选中的任务或措施（Delete）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="179"/>
        <source>合并</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="180"/>
        <source>把选中的同级几行合并为一行（Ctrl+M）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="183"/>
        <source>拆分…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="184"/>
        <source>把选中的一行按句子拆成几行（Ctrl+T）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="199"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="249"/>
        <source>报告中没有写明年份，已按今年计算，请核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="301"/>
        <source>正在重新提取…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="305"/>
        <source>计划分散在 %1 个部分，请勾选要导入的部分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="307"/>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="307"/>
        <source>没有找到，请选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="310"/>
        <source>把握 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="314"/>
        <source>不太确定找对了计划部分（把握 %1）。请核对；如不对，在下面的候选中另选。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="317"/>
        <source>这份报告没有单独的“工作打算”部分，任务分散在下面几个部分中，已全部勾选；可去掉不需要的部分。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="319"/>
        <source>没有找到“下一步工作打算”一类的计划部分。请在下面选择计划所在的部分。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="347"/>
        <source>重新提取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="348"/>
        <source>按所选部分重新提取后，在预览中做的合并和拆分（%1 处）不能保留；改名和删除会尽量保留。

仍要重新提取吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="383"/>
        <source>已保留 %1 处改名或删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="385"/>
        <source>%1 处在新的计划中找不到对应的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="460"/>
        <source>%1 项任务，%2 条措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/import_preview.py" line="469"/>
        <source>导入 %1 份报告</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemTreeModel</name>
    <message>
        <location filename="../../desktop/ui/models/item_tree.py" line="530"/>
        <source>%1/%2 项完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/item_tree.py" line="542"/>
        <source>长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>半年工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="108"/>
        <source>正在读取数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="302"/>
        <source>自动备份没有完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="546"/>
        <source>修改%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editing.py" line="90"/>
        <location filename="../../desktop/ui/editing.py" line="196"/>
        <source>没有保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editing.py" line="244"/>
        <source>请在详情栏下方填写“延期至”的日期和延期原因，再点“登记延期”。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergePreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="55"/>
        <source>合并台账：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="58"/>
        <source>读取 %1 行；%2 行没有变化；%3 处修改；%4 处与程序中的修改冲突。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="84"/>
        <source>冲突处全部采用台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="85"/>
        <source>冲突处全部保留程序中的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="110"/>
        <source>将写入 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="79"/>
        <source>—— 未能使用的行 ——</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="98"/>
        <source>合并</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_preview.py" line="99"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OriginButton</name>
    <message>
        <location filename="../../desktop/ui/widgets/progress_log.py" line="102"/>
        <source>结转自 %1（原条目已删除）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/progress_log.py" line="105"/>
        <source>结转自 %1 ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/progress_log.py" line="107"/>
        <source>%1 由 %2 结转；点击查看原条目</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanEditModel</name>
    <message>
        <location filename="../../desktop/ui/models/plan_edit.py" line="349"/>
        <source>长期坚持</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/plan_edit.py" line="361"/>
        <source>配合单位：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressLogModel</name>
    <message>
        <location filename="../../desktop/ui/widgets/progress_log.py" line="48"/>
        <source>（日期不详）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <location filename="../../desktop/ui/reminders_bar.py" line="32"/>
        <source>查看这些措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_bar.py" line="40"/>
        <source>不再显示（下次启动时再提醒）</source>
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
    <name>ReportListModel</name>
    <message>
        <location filename="../../desktop/ui/models/report_list.py" line="186"/>
        <source>全部报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/report_list.py" line="188"/>
        <source>所有报告的全部措施，共 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="96"/>
        <source>年终对账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="122"/>
        <source>截至(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="137"/>
        <source>对比(&amp;C)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="145"/>
        <source>亮灯规则(&amp;R)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="164"/>
        <source>计划年度(&amp;Y)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="166"/>
        <source>全部报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="168"/>
        <source>%1年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="172"/>
        <source>报告(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="216"/>
        <source>各单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="222"/>
        <source>列出(&amp;L)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="236"/>
        <source>问题清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="249"/>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="385"/>
        <source>前后变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="272"/>
        <source>生成督查通报(&amp;W)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="273"/>
        <source>导出此日台账(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="274"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="363"/>
        <source>请至少勾选一份报告。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="365"/>
        <source>正在统计…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="379"/>
        <source>各单位（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="384"/>
        <source>勾选“对比”并选一个日期，可查看两个日期之间新完成、新增欠进度、新增延期和仍未启动的措施。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="388"/>
        <source>前后变化（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="390"/>
        <source>按历史记录还原%1结束时的情况；共 %2 项措施。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/review_dialog.py" line="405"/>
        <source>问题清单（%1）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionPicker</name>
    <message>
        <location filename="../../desktop/ui/widgets/section_picker.py" line="42"/>
        <source>勾选计划所在的部分（计划分散在几个部分时可勾选多个），然后重新提取。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/section_picker.py" line="46"/>
        <source>按所选部分重新提取</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="67"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="82"/>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="83"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="94"/>
        <source>存放在数据库中：共用这个数据库的同事都一样。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="95"/>
        <source>只保存在这台电脑上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="103"/>
        <source>亮灯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="103"/>
        <source>阈值存放在数据库中：共用这个数据库的同事都一样。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="105"/>
        <source>按完成时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="106"/>
        <source>按序时进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="107"/>
        <source>逾期亮红灯，临近时限亮黄灯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="108"/>
        <source>进度比按时间应完成的比例落后多少亮黄灯、红灯</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="116"/>
        <source>亮灯规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="117"/>
        <source>窗口里的亮灯随即改用此规则（同“查看”菜单）；它也存入数据库，作为命令行对账和督查通报的默认规则。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="122"/>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="123"/>
        <source>黄灯：离完成时限不到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="124"/>
        <location filename="../../desktop/ui/dialogs/settings.py" line="126"/>
        <source> 个百分点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="125"/>
        <source>黄灯：落后序时进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="127"/>
        <source>红灯：落后序时进度超过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="139"/>
        <source>署名与单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="143"/>
        <source>不填则用系统登录名“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="143"/>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="144"/>
        <source>写入每条修改记录的“修改人”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="145"/>
        <source>修改记录署名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="147"/>
        <source>署名只保存在这台电脑上。单位名单存放在数据库中，共用这个数据库的同事都一样。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="151"/>
        <source>本单位的科室和下属单位（每行一个，填写牵头单位、配合单位时可直接选）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="154"/>
        <source>例如：
办公室
组织科
宣传科</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="159"/>
        <source>数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="160"/>
        <source>本机文件（SQLite）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="161"/>
        <source>单位的服务器（PostgreSQL）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="169"/>
        <source>不填则用默认位置：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="170"/>
        <location filename="../../desktop/ui/dialogs/settings.py" line="206"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="181"/>
        <source>测试连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="182"/>
        <source>检查这个数据库能否使用（不做任何修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="190"/>
        <source>按“确定”即切换，无需重新启动（撤销记录会清空）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="201"/>
        <source>备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="205"/>
        <source>数据库文件旁的 backups 文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="210"/>
        <location filename="../../desktop/ui/dialogs/settings.py" line="271"/>
        <source>备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="211"/>
        <source> 份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="212"/>
        <source>保留最近</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="214"/>
        <source>每天第一次打开时自动备份一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="218"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="219"/>
        <source>从备份恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="229"/>
        <source>服务器上的数据库由管理员用 pg_dump 备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="248"/>
        <source>黄灯的落后点数不能大于红灯的：请把黄灯的点数改小，或把红灯的改大。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="265"/>
        <source>数据库文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="265"/>
        <source>数据库文件 (*.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/settings.py" line="289"/>
        <source>正在连接…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="23"/>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="30"/>
        <source>拆分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="26"/>
        <source>每行一条。已按句子分好，可直接修改、合并或删除行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/split_dialog.py" line="31"/>
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
        <location filename="../../desktop/ui/app.py" line="53"/>
        <source>半年工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="155"/>
        <source>无法打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bar</name>
    <message>
        <location filename="../../desktop/ui/reminders_bar.py" line="107"/>
        <source>未完成</source>
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
        <location filename="../../desktop/ui/dialogs/about.py" line="26"/>
        <source>&lt;p&gt;每次修改都立即保存；每天首次打开时自动备份数据库（保留最近 %1 份）。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="27"/>
        <source>&lt;p&gt;每次修改都立即保存到数据库服务器；服务器的备份由其管理员负责。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="29"/>
        <source>&lt;h3&gt;半年工作台账 %1&lt;/h3&gt;&lt;p&gt;把半年工作总结里的“下一步工作打算”变成可勾选、可跟踪的任务台账。&lt;/p&gt;&lt;p&gt;数据位置：&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="37"/>
        <source>关于半年工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="38"/>
        <source>导出台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="39"/>
        <location filename="../../desktop/ui/export_actions.py" line="48"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_actions.py" line="47"/>
        <source>选择各单位填报后的台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="38"/>
        <source>选择要导入的工作总结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="39"/>
        <source>工作总结 (*.docx *.txt);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_history.py" line="62"/>
        <source>撤销历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_history.py" line="65"/>
        <source>本次打开以来的每一步修改。点一步，就撤销（或重做）到那一步为止。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_history.py" line="71"/>
        <source>（打开时的状态）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_history.py" line="76"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_title.py" line="22"/>
        <source>合并后的标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/merge_title.py" line="23"/>
        <source>合并后这一行用哪个标题？（可选一个，也可直接修改）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self._parent</name>
    <message>
        <location filename="../../desktop/ui/progress.py" line="47"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self._window</name>
    <message>
        <location filename="../../desktop/ui/browsing.py" line="65"/>
        <location filename="../../desktop/ui/browsing.py" line="66"/>
        <source>读取数据失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browsing.py" line="95"/>
        <source>正在读取数据…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browsing.py" line="101"/>
        <source>还没有报告。按 Ctrl+I 或把文件拖到窗口里导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reminders_bar.py" line="93"/>
        <source>%1 至 %2 到期且未完成的措施，和已过完成时限仍未完成的措施（不含长期坚持）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="95"/>
        <source>读取修改记录失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="101"/>
        <source>读取进展记录失败：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="81"/>
        <source>载入示例失败</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/ui/views.py" line="49"/>
        <source>报告按计划年份分组；进度条为任务完成比例（一项任务的措施全部完成才算完成）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_actions.py" line="100"/>
        <source>这些是示例报告：往年的真实计划，时限早已过去、又都没有勾选，所以圆点全是红色、计为逾期——程序就是这样提醒逾期的。可随意勾选试用；导入自己的报告请按 Ctrl+I 或把文件拖进窗口。示例可在“文件 ▸ 删除示例报告”中一次删除；“帮助 ▸ 使用说明”有图解。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

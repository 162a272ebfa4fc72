"""Plan finding as ranking: candidates beyond fixed headings, confidence, spread plans, trailing matter."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.errors import NoPlanSectionError, SpreadPlanError
from desktop.core.extract import extract_plan, level1_headings
from desktop.core.reports import split_paragraphs
from desktop.core.sections import is_annex_mark
from desktop.core.types import ReportDocument


def doc(text: str) -> ReportDocument:
    return ReportDocument(source="t.txt", paragraphs=tuple(split_paragraphs(text)), sha256="0")


def titles(plan) -> list[str]:  # noqa: ANN001
    return [i.title for i in plan.items]


def test_heading_without_any_plan_word_is_found_by_its_year_and_body():
    plan = extract_plan(doc("""
一、2023年工作回顾
（一）抓学习。开展了集中学习。
（二）抓服务。走访了企业。
二、2024年的工作
（一）推进项目建设。要确保年底前开工。
（二）优化营商环境。要深化改革。
"""))
    assert plan.section.heading == "二、2024年的工作"
    assert titles(plan) == ["推进项目建设", "优化营商环境"]


def test_list_introduced_by_a_sentence_after_a_review_whose_numbering_restarts():
    plan = extract_plan(doc("""
**村2024年上半年工作总结
一、抓好党建。开展了主题党日活动6次。
二、发展产业。新建了大棚20个。
三、改善环境。清理了垃圾200吨。
下半年，我村将重点做好以下几项工作：
一、抓好秋收。确保颗粒归仓。
二、推进项目。力争10月底前完工。
"""))
    assert plan.section.heading == "下半年，我村将重点做好以下几项工作："
    assert [(i.label, i.title) for i in plan.items] == [("一、", "抓好秋收"), ("二、", "推进项目")]
    assert plan.items[1].children[0].due.month == 10


def test_heading_glued_to_its_first_item_by_a_colon():
    plan = extract_plan(doc("""
一、10月份完成的工作：1、修正了错误。2、发布了新版。
二、11月份的工作计划：1、开发新功能。2、完善文档。
"""))
    assert plan.section.heading == "二、11月份的工作计划"
    assert titles(plan) == ["开发新功能", "完善文档"]


@pytest.mark.parametrize("opening", [
    "下半年，我局将紧盯全年目标任务，重点抓好以下工作：",  # the heading's line break lost when pasted
    "重点抓好以下工作：",
])
def test_a_plan_heading_run_into_its_text_ends_at_its_colon(opening: str):
    plan = extract_plan(doc(f"""
一、上半年工作开展情况
（一）抓好秋粮生产。完成播种面积。
（二）推进农田建设。建成高标准农田。
二、存在的问题
资金缺口较大。
三、下半年工作思路：{opening}一是全力抓好秋粮生产。落实粮食面积。二是加快高标准农田建设。年底前全部完工。
三是着力深化农村改革。稳妥推进宅基地改革。
"""))
    assert plan.section.heading == "三、下半年工作思路"
    assert titles(plan) == ["全力抓好秋粮生产", "加快高标准农田建设", "着力深化农村改革"]
    assert [len(i.children) for i in plan.items] == [1, 1, 1]


def test_confidence_and_alternatives_come_with_the_plan():
    plan = extract_plan(doc("""
一、上半年工作情况
（一）抓学习。开展了集中学习。
二、下半年工作安排
（一）开展调研。年底前完成调研报告。
三、2025年工作设想
（一）谋划项目。力争纳入省级盘子。
"""))
    assert 0 < plan.confidence < 1
    others = [a.heading for a in plan.alternatives]
    assert {"二、下半年工作安排", "三、2025年工作设想"} - {plan.section.heading} <= set(others[:2])
    assert plan.section.heading not in others
    assert all(a.confidence <= plan.confidence for a in plan.alternatives)


def test_a_named_section_is_certain():
    plan = extract_plan(doc("一、工作\n做了。\n二、下步计划\n一是干。二是干好。"), section="二、下步计划")
    assert plan.confidence == 1.0


SPREAD = """
一、2023年工作回顾
过去一年，我们完成了全年目标任务。生产总值增长了6%。
二、2024年工作总体部署
今年是关键之年。做好今年工作，要坚持稳中求进。
三、加快产业转型升级
（一）要培育新兴产业。年内建成两个产业园。
四、持续深化改革开放
（一）要深化国企改革。确保年底前完成改制。
五、切实保障和改善民生
（一）要稳定扩大就业。新增就业1万人。
"""


def test_plan_spread_over_task_sections_is_not_silently_one_of_them():
    with pytest.raises(SpreadPlanError) as err:
        extract_plan(doc(SPREAD))
    assert "三、加快产业转型升级" in err.value.sections and "五、切实保障和改善民生" in err.value.sections
    assert "--section" in str(err.value) and "分散" in str(err.value)
    # the answer carries the level-1 headings the clerk picks from (the preview shows them without reading again)
    assert err.value.headings == tuple(level1_headings(doc(SPREAD)))


def test_a_list_introduced_inside_one_task_section_does_not_hide_the_spread():
    # the list is one task area's measures; the other areas are as much the plan
    inner = """
一、2023年工作回顾
过去一年，我们完成了全年目标任务。生产总值增长了6%。
二、加快产业转型升级
（一）要培育新兴产业。年内建成两个产业园。
三、持续深化改革开放
今后一个时期，要着力抓好以下几项工作：
一是深化国企改革。确保年底前完成改制。
二是扩大对外开放。新引进外资项目五个。
四、切实保障和改善民生
（一）要稳定扩大就业。新增就业1万人。
"""
    with pytest.raises(SpreadPlanError) as err:
        extract_plan(doc(inner))
    assert "三、持续深化改革开放" in err.value.sections


def test_a_list_announced_by_a_sentence_ending_in_a_full_stop():
    # the plan closes a report section by section, without a heading of its own
    plan = extract_plan(doc("""
2024年上半年科协工作情况
一、学会建设不断加强。新成立学会两个。
二、科普活动深入开展。举办科普讲座二十场。
三、存在的问题。基层科普力量薄弱。
下一步，我们将围绕全年目标，重点在以下几个方面下功夫。
一是抓学会建设。年内新成立学会一个。
二是抓科普阵地。9月底前建成科普馆。
三是抓人才举荐。推荐青年人才五名。
"""))
    assert plan.section.heading == "下一步，我们将围绕全年目标，重点在以下几个方面下功夫"
    assert [i.label for i in plan.items] == ["一是", "二是", "三是"]
    assert plan.items[1].children[0].due == date(2024, 9, 30)


def test_several_sections_taken_together_keep_their_numbers_apart():
    plan = extract_plan(doc(SPREAD), section=["五、切实保障和改善民生", "三、加快产业转型升级"])
    assert plan.section.heading == "三、加快产业转型升级；五、切实保障和改善民生"  # document order
    assert [i.label for i in plan.items] == ["三（一）", "五（一）"]


def test_review_only_news_has_no_plan_and_lists_the_headings():
    with pytest.raises(NoPlanSectionError) as err:
        extract_plan(doc("""
一、基本情况
今年以来，我局共办理案件120件，同比增长了8%。
二、主要做法
（一）强化了宣传。发放了资料2000份。
"""))
    assert not isinstance(err.value, SpreadPlanError)
    assert "一、基本情况" in str(err.value)


@pytest.mark.parametrize("tail, kept", [
    ("开发网站：https://www.example.org\n团结奋斗！！\n开发组 某某\n2024-11-05", 2),
    ("欢迎对我们提出宝贵意见。\n联系邮箱：team@example.org", 2),
    ("==========\nMonthly report of the team, plan for next month: release the new version.", 2),
    ("特此报告。\n**县**局\n二〇二四年七月十日", 2),
    ("展望新学期，让我们以更加饱满的热情投入到工作中！", 2),
    ("本作品是中华人民共和国的法律、法规，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件。", 2),
])
def test_trailing_matter_after_the_last_item_is_cut(tail, kept):
    plan = extract_plan(doc(f"""
一、本月工作
1、完成了测试。
二、下月工作计划：
1、发布新版本。
2、完善帮助文档。
{tail}
"""))
    assert len(plan.items) == kept
    assert plan.items[-1].title == "完善帮助文档" and plan.items[-1].children == ()


def test_a_cheer_inside_the_last_item_paragraph_ends_it():
    plan = extract_plan(doc("一、总结\n做了很多。\n二、下一步打算\n1、抓好落实。要确保按时完成。开发论坛：http://bbs.example.org团结奋斗！"))
    assert [c.title for c in plan.items[0].children] == ["要确保按时完成"]


def test_a_paragraph_led_by_a_closing_word_inside_an_earlier_item_is_kept():
    plan = extract_plan(doc("""
一、过去一年的工作
做了很多。
二、今年的工作建议
第一，稳定农业。要抓好粮食生产。
各位代表！巩固农业基础是头等大事。
第二，深化改革。要推进国企改革。
"""))
    assert titles(plan) == ["稳定农业", "深化改革"]
    assert "各位代表！巩固" in plan.items[0].text


def test_no_year_in_the_text_uses_the_callers_default_and_says_so():
    text = "一、上半年工作\n做了。\n二、下半年工作打算\n一是抓落实。年底前完成。"
    plan = extract_plan(doc(text), default_year=2026)
    assert plan.year == 2026 and plan.year_guessed
    assert plan.items[0].children[0].due.isoformat() == "2026-12-31"
    assert not extract_plan(doc(text), year=2025, default_year=2026).year_guessed
    assert extract_plan(doc(text)).year is None


def test_super_long_term_bonds_are_not_ongoing_work():
    plan = extract_plan(doc("一、工作回顾\n做了。\n二、2025年工作安排\n一是用好超长期特别国债。确保项目落地。二是建立长期坚持的学习制度。"))
    first, second = plan.items
    assert not first.ongoing and first.due is not None
    assert second.ongoing and second.due is None


def test_a_given_year_is_not_prefixed_to_a_title_that_names_its_own():
    plan = extract_plan(doc("一、2024年工作回顾\n做了。\n二、2025年政府工作任务\n一是抓项目。"), year=2026)
    assert plan.title == "2025年政府工作任务"


def test_a_dated_target_paragraph_does_not_outrank_the_enumerated_plan_after_it():
    plan = extract_plan(doc("""
**集团2024年工作总结
一、2024年主要工作成效
（一）保障供水。全年供水量增长了3%。
二、存在的问题和不足
管网老化问题依然突出。
三、2025年主要目标
2025年，力争营业收入增长5%以上，全年安全生产责任事故为零。
四、今后工作思路
（一）保障供水安全
加强水源地保护。每季度排查一次。
（二）推进管网改造
年内完成老旧管网改造20公里。
附件：1.主要经营指标完成情况表
"""))
    assert plan.section.heading == "四、今后工作思路"
    assert [i.title for i in plan.items] == ["保障供水安全", "推进管网改造"]
    assert "三、2025年主要目标" in [a.heading for a in plan.alternatives]


def test_a_list_introduced_inline_in_the_review_does_not_cut_the_plan_short():
    plan = extract_plan(doc("""
2024年上半年工作总结
一、上半年工作情况
今年以来，我们抓住重点推进工作，现将有关情况总结如下：一、重点工作开展情况较好。二、群众满意度提高了。
二、存在的问题
一是短板仍在。二是差距明显。
三、下一步工作打算
（一）抓学习。要组织集中学习。
（二）抓落实。要确保年底前完成。
（三）抓作风。要开展作风整治。
"""))
    assert plan.section.heading == "三、下一步工作打算"
    assert titles(plan) == ["抓学习", "抓落实", "抓作风"]


def _report(*sections: tuple[str, str]) -> ReportDocument:
    return doc("\n".join(f"{h}\n{b}" for h, b in sections))


_REVIEW = "过去一年，我们完成了全年目标任务。国内生产总值增长了6%，城镇新增就业1200万人。"
_TARGETS = "今年发展的主要预期目标是：国内生产总值增长5%左右。要坚持稳中求进工作总基调。"
_TASKS = "（一）着力扩大国内需求。要增加居民收入。\n（二）深化重点领域改革。要推进国企改革。\n（三）保障和改善民生。要稳定就业。"
_AREA = "（一）要加大宏观政策实施力度。确保年底前落实。\n（二）要稳定就业。力争新增就业900万人。"


@pytest.mark.parametrize("sections, heading", [
    # review, overall requirements, then the year's tasks (State Council 2019, 2022, 2024)
    ((("一、2018年工作回顾", _REVIEW), ("二、2019年经济社会发展总体要求和政策取向", _TARGETS),
      ("三、2019年政府工作任务", _TASKS)), "三、2019年政府工作任务"),
    # a five-year outlook before the year's work (2016, 2021)
    ((("一、2015年和“十二五”时期发展回顾", _REVIEW), ("二、“十三五”时期主要目标任务和重大举措", _TARGETS),
      ("三、2016年重点工作", _TASKS)), "三、2016年重点工作"),
    # the last report of a government: a review of five years and proposals for this year (2013, 2018, 2023)
    ((("一、过去五年工作回顾", _REVIEW), ("二、对今年政府工作的建议", _TASKS)), "二、对今年政府工作的建议"),
])
def test_government_work_report_skeletons(sections, heading):
    assert extract_plan(_report(*sections)).section.heading == heading


def test_government_report_with_tasks_in_several_sections_is_spread():
    # 2020: review, this year's targets and the overall plan, then four task areas
    with pytest.raises(SpreadPlanError) as err:
        extract_plan(_report(("一、2019年和今年以来工作回顾", _REVIEW),
                             ("二、今年发展主要目标和下一阶段工作总体部署", _TARGETS),
                             ("三、加大宏观政策实施力度，着力稳企业保就业", _AREA),
                             ("四、依靠改革激发市场主体活力，增强发展新动能", _AREA),
                             ("五、扩大内需，推动经济发展方式加快转变", _AREA),
                             ("六、切实保障和改善民生，推动社会事业发展", _AREA)))
    assert "四、依靠改革激发市场主体活力，增强发展新动能" in err.value.sections


def test_an_english_translation_after_a_rule_does_not_continue_the_list():
    plan = extract_plan(doc("""
一、本月完成的工作：
1、发布了测试版。
二、下月工作计划：
1、发布正式版。
2、完善帮助文档。
==========
Monthly report
I. Work done this month:
1. Released the beta.
3. Cleaned up the old branches of the repository.
"""))
    assert titles(plan) == ["发布正式版", "完善帮助文档"]


def test_a_news_items_title_is_no_plan_heading():
    with pytest.raises(NoPlanSectionError):
        extract_plan(doc("""
**县召开2024年一季度重点项目建设推进会
发布时间：2024-04-12　来源：**县发展和改革局
4月11日下午，**县召开推进会，通报了一季度重点项目建设情况。
**强调，各部门要进一步增强责任感。一是要紧盯目标抓进度。二是要压实责任抓落实。
【打印本页】【关闭窗口】
"""))


# A report published with attachments: a list of practical projects numbered on from the main text's
# sections (四、五、), then a glossary. They are another document, not more sections of the plan.
WITH_ANNEX = """
一、2024年工作回顾
过去一年，全市生产总值增长了5%。我们办成了一批实事。
二、“十五五”时期的目标任务
今后五年，要建设现代化产业体系。要持续增进民生福祉。
三、2025年工作安排
（一）扩大有效需求。年内新开工重点项目50个。
（二）培育新兴产业。建成两个产业园。
各位代表！让我们团结奋斗，为完成全年目标任务而努力。
附件1
2025年十件民生实事
一、提高城乡低保标准。
二、新增托育服务机构。
三、改造老旧小区。
四、提升基层医疗服务能力
年内新建社区卫生服务中心10个，力争覆盖全部街道。
五、为劳动者提供就业公共服务
要建成零工市场20个，确保年底前投入使用。
附件2 名词解释
1.新质生产力：……
"""


def test_sections_of_an_attachment_do_not_spread_the_plan():
    plan = extract_plan(doc(WITH_ANNEX))
    assert plan.section.heading == "三、2025年工作安排"
    assert titles(plan) == ["扩大有效需求", "培育新兴产业"]


def test_an_attachment_numbers_its_own_sections():
    # A notice issuing a plan: the main text's 一、二、 and then the plan itself as the attachment, from 一、
    plan = extract_plan(doc("""
关于印发2025年工作要点的通知
一、高度重视。各单位要结合实际抓好落实。
二、加强督查。办公室将定期通报进展。
附件：
2025年工作要点
一、持续深化改革
（一）推进机构改革。年底前完成。
二、着力保障民生
（一）稳定扩大就业。新增就业1万人。
三、2025年工作安排
（一）抓好重点项目。力争全部开工。
"""))
    assert plan.section.heading == "三、2025年工作安排"  # would be dropped as a restarted list without the attachment


@pytest.mark.parametrize(("line", "mark"), [
    ("附件1", True), ("附件：", True), ("附件二：2025年重点项目表", True), ("附 件", True), ("附件2 名词解释", True),
    ("附件材料由各单位报送", False), ("附件1所列项目要在年底前完成。", False), ("附表", False),
])
def test_what_opens_an_attachment(line: str, mark: bool) -> None:
    assert is_annex_mark(line) is mark


def test_requests_to_the_higher_office_and_a_review_sub_heading_are_not_a_plan():
    with pytest.raises(NoPlanSectionError):
        extract_plan(doc("""
关于2024年防汛工作情况的汇报
一、基本情况
今年汛期降雨偏多，全县未发生重大险情。
二、主要工作措施
（一）提前谋划部署。4月份召开了动员会，制定了工作方案，落实了责任人。
（二）加快工程建设。完成了堤防加固五公里。
三、存在的困难
一是资金缺口较大。二是设施老化。
四、意见建议
1.建议市政府进一步加大对水利工程建设的资金支持。
2.建议市水利局继续指导做好水库调度工作。
3.恳请市财政局尽快下达防汛补助资金。
"""))


def test_a_plan_document_is_planned_by_its_tasks_not_by_the_parts_around_them():
    # the last part says what will be done too (要…确保…), but it backs the tasks; it is no task list
    plan = extract_plan(doc("""
**镇2025年安全生产工作要点
（2025年2月）
一、指导思想
以人民为中心，统筹发展和安全，坚决遏制重特大事故发生。
二、工作目标
全年生产安全事故起数和死亡人数实现“双下降”。
三、主要任务
（一）压实安全生产责任。镇村两级签订责任书，逐级分解任务。
（二）开展隐患排查整治。每月组织一次联合检查，建立问题清单。
（三）提升应急处置能力。组建镇级应急救援队伍，开展实战演练。
四、保障措施
（一）加强组织领导。要成立工作专班，确保各项任务落到实处。
（二）严格考核问责。要将安全生产纳入年度考核，确保责任到人。
"""))
    assert plan.section.heading == "三、主要任务"
    assert titles(plan) == ["压实安全生产责任", "开展隐患排查整治", "提升应急处置能力"]


def test_a_report_that_ends_in_a_plan_document_is_not_one():
    plan = extract_plan(doc("""
**中心2024年工作总结和2025年工作计划
一、2024年主要工作
（一）完善制度。修订了管理办法。
（二）优化服务。开通了线上预约。
二、2025年重点任务
（一）推进场馆改造。要在6月底前完成招标。
（二）扩大免费开放。要确保每周开放不少于5天。
三、保障措施
要加强经费保障，确保任务完成。
"""))
    assert plan.section.heading == "二、2025年重点任务"


def test_a_review_of_masked_counts_and_planned_nouns_has_no_plan():
    # nothing looks ahead: 计划 and 准备 are things made, 进一步 tells a result, the counts are masked
    with pytest.raises(NoPlanSectionError):
        extract_plan(doc("""
**县林业局2025年上半年工作情况
今年以来，县林业局围绕生态保护中心工作，扎实推进各项任务。现将有关情况报告如下。
一、森林资源保护
制定年度森林督查工作计划，落实林长巡林制度。上半年共巡查林区**次，查处毁林案件**起。林区防火设施条件进一步改善。
二、国土绿化
组织春季义务植树活动，完成**亩人工造林任务。做好秋冬季造林苗木准备。
三、林业产业
发展林下经济**万亩，荣获省级林下经济示范基地称号。
以上报告，请审阅。
**县林业局
2025年7月2日
"""))


def test_sections_that_each_end_in_their_next_steps_spread_the_plan():
    # only one of the reports reads without a past mark; it is no more the plan than the others
    with pytest.raises(SpreadPlanError):
        extract_plan(doc("""
**区市场监管局2025年上半年工作总结
一、食品安全
上半年抽检食品**批次，立案查处**件。
下一步，将开展校园食品安全专项整治，9月底前完成全覆盖检查。
二、特种设备
全区在用电梯全部纳入智慧监管平台。
下一步，将推进老旧电梯更新改造，年底前完成**台。
三、知识产权
上半年新增发明专利**件，同比增长12%。
下步，我们将加大知识产权保护力度，年内建成维权工作站**个。
四、存在的问题
一是基层执法力量不足；二是检测能力有待提升。
"""))


def test_a_plan_document_of_task_areas_is_planned_as_a_whole():
    # a 要点 states what is to be done in the plain form: no section reads as "will", each is an item
    plan = extract_plan(doc("""
**县文化广电旅游局2026年工作计划
一、繁荣文艺创作
1.排演大型现代戏1部。
2.举办乡村文艺汇演。
二、完善公共文化服务
1.新建城市书房4个。
2.开展送戏下乡120场。
三、推动文旅融合发展
1.创建国家4A级景区1家。
2.举办乡村旅游节。
四、保障措施
加强经费保障，强化督查考核。
"""))
    assert plan.section.heading == "**县文化广电旅游局2026年工作计划"
    assert titles(plan)[:3] == ["繁荣文艺创作", "完善公共文化服务", "推动文旅融合发展"]
    assert [len(i.children) for i in plan.items][:3] == [2, 2, 2]


def test_a_plan_issued_by_a_notice_is_read_under_the_plans_own_title():
    plan = extract_plan(doc("""
**政办发〔2025〕*号
**区人民政府办公室关于印发《**区2025年数字政府建设实施方案》的通知
各街道办事处，区政府各部门：
现将《**区2025年数字政府建设实施方案》印发给你们，请认真组织实施。
**区人民政府办公室
**区2025年数字政府建设实施方案
一、工作目标
到年底，政务服务事项网上可办率达到98%。
二、主要任务
（一）建设一体化数据平台。整合部门数据资源。
（二）推进一网通办。梳理高频事项清单。
三、保障措施
要加强统筹协调，确保各项任务落地见效。
"""))
    assert plan.section.heading == "二、主要任务"
    assert plan.year == 2025 and not plan.year_guessed
    assert titles(plan) == ["建设一体化数据平台", "推进一网通办"]
    assert plan.title == "**区2025年数字政府建设实施方案"  # not the notice's file number
    # the tasks need not read forward; the parts around them are its alternatives, on the same scale
    assert plan.confidence > 0
    assert plan.confidence + sum(a.confidence for a in plan.alternatives) == pytest.approx(1.0, abs=0.01)


def test_a_title_of_both_halves_gives_way_to_the_plan_section_inside_it():
    # the items are unnumbered lines, so the title, which spans the whole report, outranked the section
    plan = extract_plan(doc("""
**区医疗保障局
2025年上半年工作总结和下阶段工作重点
上半年，区医保局围绕群众看病就医需求，扎实推进各项工作。
一、上半年工作情况
（一）基金监管有力。开展专项检查**次。
（二）待遇落实到位。办理异地就医备案**人次。
二、存在的问题
1.经办力量不足。
2.信息化水平不高。
三、下阶段工作重点
下步，我局将重点抓好以下工作：
筑牢基金安全防线
开展打击欺诈骗保专项整治。年底前实现定点机构检查全覆盖。
提升经办服务水平
推进医保服务下沉。9月底前建成村级服务点**个。
**区医疗保障局
2025年7月3日
"""))
    assert plan.section.heading == "三、下阶段工作重点"
    assert titles(plan) == ["筑牢基金安全防线", "提升经办服务水平"]


def test_a_plan_introduced_after_the_problems_of_a_mixed_section():
    plan = extract_plan(doc("""
**镇2024年工作总结
一、主要工作
（一）抓项目。开工建设项目**个。
（二）抓民生。新建养老服务站**个。
二、存在的问题及下一步打算
存在的问题主要有：
1.项目储备不足。
2.财政收支矛盾突出。
2025年，我镇将重点做好以下工作：
（一）强化项目攻坚。全年谋划储备项目**个。
（二）兜牢民生底线。年内完成**户危房改造。
"""))
    assert plan.section.heading == "二、存在的问题及下一步打算"
    assert titles(plan) == ["强化项目攻坚", "兜牢民生底线"]


def test_a_duty_bracket_after_the_last_stop_is_the_items_not_a_measure():
    plan = extract_plan(doc("""
三、下半年工作打算
（一）推进老旧小区改造。完成**个小区改造。同步实施管网更新。（牵头单位：区住建局；配合单位：各街道）
（二）加强物业管理。开展物业服务质量评价。
"""))
    first = plan.items[0]
    assert [c.title for c in first.children] == ["完成**个小区改造", "同步实施管网更新"]
    assert first.duty.lead_unit == "区住建局" and first.duty.co_units == "各街道"


def test_a_notice_asking_for_reports_still_issues_a_plan():
    plan = extract_plan(doc("""
关于印发《**街道2025年社区治理工作要点》的通知
各社区居委会：
请结合实际抓好落实，工作情况于每季度末报告街道党工委。
**街道2025年社区治理工作要点
一、工作目标
年内建成“五好”社区**个。
二、重点任务
（一）健全网格体系。每个网格配备专职网格员。
（二）办好民生实事。为老旧小区加装电梯**部。
三、保障措施
要强化督查考核，确保落到实处。
"""))
    assert plan.section.heading == "二、重点任务"


def test_a_task_area_plans_closing_requirements_are_no_item():
    plan = extract_plan(doc("""
**县2026年农业农村工作要点
一、稳定粮食生产
1.落实耕地保护责任。
2.建设高标准农田2万亩。
二、发展特色产业
1.培育龙头企业3家。
三、改善农村人居环境
1.完成改厕1000户。
四、强化组织推进
1.建立月调度制度，每季度通报一次。
五、工作要求
各乡镇要高度重视，认真抓好落实。
"""))
    assert titles(plan) == ["稳定粮食生产", "发展特色产业", "改善农村人居环境", "强化组织推进"]


def test_a_campaign_plans_main_content_is_its_tasks():
    plan = extract_plan(doc("""
**区2026年燃气安全专项整治方案
一、整治目标
全面排查整治燃气安全隐患。
二、主要内容
1.餐饮场所整治
（1）检查报警装置安装。
（2）更换老化软管。
2.老旧管网整治
（1）排查老旧管网。
三、时间安排
4月至11月分三个阶段推进。
四、工作要求
要压实属地责任，确保整治到位。
"""))
    assert plan.section.heading == "二、主要内容"
    assert titles(plan) == ["餐饮场所整治", "老旧管网整治"]


def test_a_web_pages_footer_glued_to_the_last_item_is_cut():
    plan = extract_plan(doc("""
**镇2025年上半年工作总结
一、上半年工作
（一）抓党建。开展了主题党日。
二、下半年工作打算
（一）抓项目。年底前开工3个项目。
（二）抓民生。新建村级养老站2个。完善服务制度。 【打印本页】【关闭窗口】 相关链接：**镇2024年工作总结 网站标识码：**********
"""))
    assert [c.title for c in plan.items[-1].children] == ["新建村级养老站2个", "完善服务制度"]


def test_a_reports_title_is_not_its_plan_heading():
    plan = extract_plan(doc("""
**镇人民政府
关于2025年上半年工作的汇报
下半年工作计划
一、抓项目建设
年底前开工3个项目。
二、抓民生实事
年内新建养老站2个。
"""))
    assert plan.title == "**镇人民政府关于2025年上半年工作的汇报"  # set over two lines, read as one


def test_an_official_documents_title_comes_after_its_masthead_and_file_number():
    plan = extract_plan(doc("**区市场监督管理局文件\n**市监〔2024〕32号\n**区市场监督管理局关于2024年上半年\n"
                            "工作总结及下半年工作计划的报告\n区委、区政府：\n一、上半年工作\n做了。\n二、下半年工作计划\n"
                            "（一）优化营商环境。压缩开办时间。"))
    assert plan.title == "**区市场监督管理局关于2024年上半年工作总结及下半年工作计划的报告"


def test_a_heading_of_lessons_learnt_is_no_plan_however_it_is_worded():
    with pytest.raises(NoPlanSectionError):
        extract_plan(doc("""
**县推行“一窗通办”的探索与实践
一、主要做法
（一）整合窗口。把全部事项集中到一个大厅。
（二）压缩时限。办理时限压减了一半。
二、几点心得
（一）改革必须以群众需要为出发点。要从群众最不满意的地方改起。
（二）部门协同是成败的关键。要打破各自为政的壁垒。
（三）制度保障必不可少。要把好的做法固化下来。
"""))


def test_points_inside_a_section_of_recommendations_to_others_are_no_plan():
    # a research team's `建议…` points, one of them worded like a plan (`规划`), are asked of others
    with pytest.raises(NoPlanSectionError):
        extract_plan(doc("""
关于全县农村饮水安全情况的调研报告
一、基本情况
全县农村集中供水率达到了90%。
二、存在的问题
（一）管网老化。部分管网已运行二十年。
（二）水质检测不足。乡镇检测点偏少。
三、对策建议
（一）建议编制供水专项规划。由县水利局牵头，统筹城乡供水布局。
（二）建议加大管网改造投入。县财政每年安排专项资金。
（三）建议健全水质检测体系。每个乡镇设立检测点。
"""))


def test_a_closing_rally_after_unnumbered_items_is_not_their_measure():
    plan = extract_plan(doc("""
一、今年工作回顾
完成了各项任务。
二、明年工作打算
明年，我街道将重点抓好以下工作。
做优营商环境
开展企业走访，为企业解决难题。
做细社区服务
新建养老服务站两个。改造老旧小区三个。
明年，我们将以更加饱满的热情、更加扎实的作风，全力推动街道各项工作。
"""))
    assert titles(plan) == ["做优营商环境", "做细社区服务"]
    assert [c.title for c in plan.items[-1].children] == ["新建养老服务站两个", "改造老旧小区三个"]


def test_this_years_figures_in_a_summary_of_the_year_are_no_plan():
    # 全年 and 本年度 point ahead in a half-year report; in a year's summary they are the year looked back on
    with pytest.raises(NoPlanSectionError):
        extract_plan(doc("""
**县图书馆2024年度工作总结
一、主要工作
（一）阅读推广成效明显。全年举办阅读活动**场。
（二）数字化建设稳步推进。建成数字阅览室一个。
二、存在的不足
场馆面积偏小，专业人员不足。
三、本年度主要服务数据
指标
2024年
2023年
到馆人次
**万
**万
"""))


@pytest.mark.parametrize(("text", "year"), [
    # a government work report: last year reviewed, this year's tasks (今年) planned
    ("一、2023年工作回顾\n经济回升向好。\n二、今年政府工作任务\n（一）扩大内需。要促进消费。", 2024),
    ("一、去年工作回顾\n2005年，我国经济平稳较快发展。\n二、今年主要任务\n（一）扩大内需。要促进消费。", 2006),
    ("一、关于过去五年的工作\n做了很多。\n二、关于1 9 9 8 年政府工作的建议\n第一，稳定农业。要抓好粮食生产。", 1998),
    # a half-year plan stays in the year its first half is reviewed in
    ("一、2023年上半年工作回顾\n做了。\n二、下半年工作打算\n一是抓落实。要推进。", 2023),
    ("一、2023年工作回顾\n做了。\n二、下半年工作打算\n一是抓落实。要推进。", 2023),
])
def test_the_plan_year_follows_the_year_reviewed_before_it(text: str, year: int) -> None:
    plan = extract_plan(doc(text), default_year=2026)
    assert plan.year == year and not plan.year_guessed
    assert plan.items[0].due == date(year, 12, 31)


@pytest.mark.parametrize(("text", "year", "dues"), [
    # years as official documents also write them: full-width, or in Chinese numerals under the signature
    ("某局２０２４年上半年工作总结\n一、上半年工作\n推进有力。\n二、下半年工作打算\n（一）抓项目。９月底前开工。",
     2024, ["2024-09-30"]),
    ("某局上半年工作总结\n一、上半年工作\n推进有力。\n二、下半年工作打算\n1、抓项目。\n\n二〇二四年七月五日",
     2024, ["2024-12-31"]),
    # a monthly plan runs to its month's end; a December report's 下月 is January of the next year
    ("志愿服务队12月工作简报\n一、本月工作\n走访老人46户。\n二、下月工作计划\n1、1月20日前完成春节走访。\n2、开展消防宣传。"
     "\n\n2024年12月28日", 2025, ["2025-01-20", "2025-01-31"]),
    ("开发组2002年10月份工作总结\n一、10月份的工作\n发布了新版。\n二、11月份的工作计划\n1、测试现有的代码。\n2、整理公共代码库。",
     2002, ["2002-11-30", "2002-11-30"]),
    ("某科2024年上半年工作总结\n一、上半年工作\n做了。\n二、三季度工作计划\n1、完成调研。\n2、8月底前上报材料。",
     2024, ["2024-09-30", "2024-08-31"]),
    # a leader's report on a whole year, given in the January after it, plans the new year
    ("2024年度个人述职述廉报告\n一、履职情况\n全年完成各项任务。\n二、今后努力方向\n一是加强学习。每月参加集中学习。"
     "\n二是改进作风。\n\n2025年1月10日", 2025, ["2025-12-31", "2025-12-31"]),
    # 明年 counts from the speech's date, not from the year its title already names; and from a plan's year in a
    # measure's deadline (明年3月底前, 明年一季度, 明年底前)
    ("在全县2025年经济工作会议上的讲话\n（2024年12月30日）\n一、今年经济形势\n总体平稳。\n二、抓好明年经济工作\n"
     "第一，扩大有效投资。要加快项目建设。\n第二，提振消费。要办好消费季活动。", 2025, ["2025-12-31", "2025-12-31"]),
    ("某局2024年上半年工作总结\n一、上半年工作\n做了。\n二、下半年工作计划\n（一）保耕地。明年一季度前完成年度任务。\n"
     "（二）推进改革。明年3月底前完成试点。\n（三）抓整治。明年底前全部销号。\n（四）抓培训。3月底前完成。",
     2024, ["2025-03-31", "2025-03-31", "2025-12-31", "2024-03-31"]),
])
def test_plan_years_and_periods_as_documents_write_them(text: str, year: int, dues: list[str]) -> None:
    plan = extract_plan(doc(text), default_year=2026)
    assert plan.year == year and not plan.year_guessed
    assert [(i.children[0] if i.children else i).due.isoformat() for i in plan.items] == dues


def test_a_title_naming_both_parts_is_not_the_plan_heading() -> None:
    plan = extract_plan(doc("县档案馆2024年上半年工作总结及下半年工作计划\n上半年工作总结\n上半年，各项工作有序推进。\n"
                            "下半年工作计划\n一是完成档案扫描。\n二是开展国际档案日宣传活动。"))
    assert plan.section.heading == "下半年工作计划" and plan.section.preamble is None
    assert titles(plan) == ["完成档案扫描", "开展国际档案日宣传活动"]


def test_full_width_item_numbers_and_bulleted_measures_are_markers_not_text() -> None:
    plan = extract_plan(doc("某公司2024年上半年工作总结\n一、上半年工作\n供水平稳。\n二、下半年工作计划\n"
                            "１．加快管网改造。完成改造15公里。\n２．提升水质。每月检测一次。\n"
                            "３．优化服务\n——推行联合报装；\n◆１１月底前上线客服系统；\n- 开展满意度回访。"))
    assert [i.label for i in plan.items] == ["１．", "２．", "３．"]
    assert titles(plan) == ["加快管网改造", "提升水质", "优化服务"]
    assert [m.title for m in plan.items[2].children] == ["推行联合报装", "１１月底前上线客服系统", "开展满意度回访"]
    assert plan.items[2].children[1].due == date(2024, 11, 30)


def test_measures_numbered_on_through_the_plan_keep_their_numbers_as_labels() -> None:
    # a 工作要点 numbers its tasks 1… through the whole plan, under each part's heading
    plan = extract_plan(doc("某局2025年工作要点\n一、强化理论武装\n1.深入学习全会精神。3月底前制定计划。\n2.抓好干部轮训。全年办班6期。\n"
                            "二、建设干部队伍\n3.树立正确导向。完善考核机制。\n4.培养年轻干部。选派30名到基层。\n"
                            "三、人才工作\n5.实施英才计划，全年引进人才500名。"))
    assert [[m.label for m in i.children] for i in plan.items] == [["1.", "2."], ["3.", "4."], ["5."]]
    assert [m.title for m in plan.items[1].children] == ["树立正确导向", "培养年轻干部"]
    assert plan.items[2].children[0].title == "实施英才计划，全年引进人才500名"


def test_a_lone_first_sub_item_keeps_the_list_beneath_it() -> None:
    # three levels: （一） items, 1. sub-items, （1） measures; under （二） there is only a 1.
    plan = extract_plan(doc("某局2025年工作要点\n一、2024年工作回顾\n做了。\n二、2025年重点任务\n（一）建设交通网络\n"
                            "1.推进高速公路建设。\n（1）6月底前建成通车。\n（2）年内开工建设。\n2.提升农村公路。\n（1）新改建200公里。\n"
                            "（二）强化安全监管\n1.开展专项整治。\n（1）加强动态监控。\n（2）每季度检查一次。"))
    assert [[m.label for m in i.children] for i in plan.items] == [["1.", "2."], ["1."]]
    assert plan.items[1].children[0].title == "开展专项整治"
    assert "（2）每季度检查一次" in plan.items[1].children[0].text


def test_a_plan_documents_title_is_not_a_rival_to_its_tasks() -> None:
    # the title and the `制定…计划如下` sentence read as a plan more strongly than the tasks' own heading: the
    # whole document is the plan, so the preview must not call the right answer unsure and offer its title instead
    plan = extract_plan(doc("**市机关事务管理局2025年工作计划\n为全面提升服务保障水平，结合我局实际，制定2025年工作计划如下。\n"
                            "一、指导思想\n坚持节约优先。\n二、目标任务\n能耗下降1.5%。\n三、重点工作\n（一）深化节约型机关建设。开展回头看。\n"
                            "（二）规范公务用车管理。推进平台化管理。\n四、保障措施\n加强组织领导。"))
    assert plan.section.heading == "三、重点工作"
    assert plan.confidence > 0.9
    assert all("工作计划" not in a.heading for a in plan.alternatives)


def test_a_dated_task_section_after_the_review_is_the_plan_though_its_body_is_imperative() -> None:
    # a report to a new congress: its review names no year, its tasks are bare imperatives (实施… 加快…), and the
    # section after them reads forward (新一届政府将…)
    plan = extract_plan(doc("政府工作报告\n——2022年1月6日在**市人民代表大会上\n一、过去五年工作回顾\n"
                            "五年来，地区生产总值年均增长6.8%，累计取消审批事项260项。\n三、2022年重点工作\n重点抓好以下三个方面工作。\n"
                            "（一）坚定不移稳增长\n实施重大项目320个。加快城际铁路建设。开展消费季活动。\n"
                            "（二）坚定不移促转型\n新增规上企业150家。推进技术改造。新建5G基站3000个。\n"
                            "（三）坚定不移惠民生\n新建中小学15所。推进医共体建设。改造老旧小区80个。\n"
                            "四、全面加强政府自身建设\n新一届政府将坚持依法行政，努力建设人民满意的政府。"))
    assert plan.section.heading == "三、2022年重点工作"
    assert titles(plan) == ["坚定不移稳增长", "坚定不移促转型", "坚定不移惠民生"]
    assert [len(i.children) for i in plan.items] == [3, 3, 3]


def test_a_note_after_a_teams_plan_and_an_address_inside_an_item_are_no_measures() -> None:
    plan = extract_plan(doc("前端组本周工作总结\n一、本周工作\n完成了页面开发。\n下周工作计划\n1. 完成核销页面联调。预计周三提测。\n"
                            "2. 组件库升级。先在后台灰度。\n同步更新使用文档。\n3. 调研微前端方案\n需要协调：网关问题请运维组协助排查。\n备注：周五组内分享。"))
    assert [len(i.children) for i in plan.items] == [1, 2, 0]
    speech = extract_plan(doc("政府工作报告\n一、2023年工作回顾\n经济回升。\n二、2024年工作安排\n（一）促进农民增收\n"
                              "各位代表！农业农村工作，增加农民收入是关键。要发展特色产业。要扩大就业。\n（二）扩大内需\n要促进消费。"))
    assert [m.title for m in speech.items[0].children] == ["农业农村工作，增加农民收入是关键", "要发展特色产业", "要扩大就业"]


def test_an_items_number_alone_on_its_line_takes_its_title_from_the_next() -> None:
    plan = extract_plan(doc("某局2024年上半年工作总结\n一、上半年工作\n做了。\n二、下半年工作打算\n（一）\n抓好项目建设。加快园区建设。推进招商。\n"
                            "（二）\n抓好市场监管。开展专项检查。\n（三）\n抓好安全生产。"))
    assert titles(plan) == ["抓好项目建设", "抓好市场监管", "抓好安全生产"]
    assert [len(i.children) for i in plan.items] == [2, 1, 0]


def test_a_heading_set_spaced_out_reads_as_its_words_and_qi_yi_numbers_a_list() -> None:
    plan = extract_plan(doc("某局2024年上半年工作总结\n一 、上 半 年 工 作 情 况\n做了很多。\n二 、存 在 问 题\n人手不足。\n"
                            "三 、下 半 年 工 作 打 算\n（一）抓好项目建设。加快园区建设。\n"
                            "（二）办好人民满意的教育。其一，规范校外培训；其二，落实“双减”政策。"))
    assert plan.section.heading == "三 、下 半 年 工 作 打 算"
    assert [m.label for m in plan.items[1].children] == ["其一，", "其二，"]


def test_a_copy_as_a_clerk_gets_it_by_mail_or_from_an_article() -> None:
    # a mail: the report, then the quoted notice it answers, whose own sample plan is someone else's text
    mail = extract_plan(doc("主题：上半年工作总结\n某镇2024年上半年工作总结\n一、上半年工作\n做了。\n二、下一步工作打算\n"
                            "1.抓好秋粮生产。确保颗粒归仓。做好收购。\n2.推动项目落地。年底前开工。\n-----原始邮件-----\n发件人：县政府办\n"
                            "请按以下格式报送：\n三、下半年工作打算\n1.（工作名称）。具体措施。\n2.（工作名称）。具体措施。"))
    assert mail.section.heading == "二、下一步工作打算" and titles(mail) == ["抓好秋粮生产", "推动项目落地"]
    # an article: ▶ before each number, 01 02 set large over each point, and a rally closing the plan
    article = extract_plan(doc("某街道2024年上半年工作总结\n一、上半年工作\n做了。\n二、下半年工作打算\n▶ 1. 聚焦城市更新。推进改造。\n"
                               "▶ 2. 聚焦民生保障。新增岗位500个。\n三、2025年工作思路\n01\n聚焦产业升级。引进项目10个。\n02\n"
                               "聚焦平安建设。开展专项整治。\n我们将以更加务实的作风，推动街道高质量发展。"), section="三、2025年工作思路")
    assert titles(article) == ["聚焦产业升级", "聚焦平安建设"]
    assert [len(i.children) for i in article.items] == [1, 1]
    first = extract_plan(doc("某街道2024年上半年工作总结\n一、上半年工作\n做了。\n二、下半年工作打算\n▶ 1. 聚焦城市更新。推进改造。\n"
                             "▶ 2. 聚焦民生保障。新增岗位500个。"))
    assert [(i.label, i.title) for i in first.items] == [("1.", "聚焦城市更新"), ("2.", "聚焦民生保障")]

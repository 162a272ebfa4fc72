"""Report shapes beyond the seeds: the parser must follow structure, not the seeds' wording."""

from datetime import date

import pytest

from desktop.core.errors import NoPlanSectionError
from desktop.core.extract import extract_plan, level1_headings
from desktop.core.reports import split_paragraphs
from desktop.core.types import ReportDocument
from tests.core.shapes import SHAPES


def doc(text: str) -> ReportDocument:
    return ReportDocument(source="t.txt", paragraphs=tuple(split_paragraphs(text)), sha256="0")


def shape(plan):
    return [(i.label, i.title, [c.title for c in i.children]) for i in plan.items]


def test_digit_items_with_inner_numbered_measures():
    plan = extract_plan(doc(SHAPES["digit_items"][0]))
    assert plan.section.heading == "二、下一阶段工作重点"
    assert plan.year == 2024
    assert shape(plan) == [
        ("1.", "加强干部教育培训", ["举办培训班两期", "9月底前完成网络学习"]),
        ("2.", "深化基层党建", ["开展星级评定", "年底前完成验收"]),
    ]
    assert plan.items[0].children[1].due == date(2024, 9, 30)


def test_paragraphs_opened_by_a_lead_sentence_are_measured_by_sentence():
    # no inner markers: every 。-sentence is a measure, the short one opening a paragraph too (the corpus's gold
    # counts an item's sentences; a paragraph break is no marker)
    plan = extract_plan(doc(SHAPES["lead_phrases"][0]))
    assert plan.year is None
    assert shape(plan) == [
        ("（一）", "强化干部队伍建设", ["加强干部教育培训", "分层分类举办培训班，提升能力", "全年不少于四期",
                                    "深化干部考核", "完善考核办法，强化结果运用"]),
        ("（二）", "夯实基层基础", ["推进星级创建", "三季度完成评星定级"]),
    ]


def test_unnumbered_plan_heading_with_dun_items_and_closing():
    plan = extract_plan(doc(SHAPES["unnumbered_heading"][0]))
    assert plan.section.heading == "下半年工作打算"
    assert plan.year == 2023
    assert shape(plan) == [
        ("一、", "抓好项目建设", ["全力推进重点项目", "确保8月底前开工"]),
        ("二、", "优化营商环境", ["深化改革"]),
    ]
    assert plan.items[0].children[1].due == date(2023, 8, 31)
    # the item is due when its last measure is: the other one inherits the period end
    assert plan.items[0].due == date(2023, 12, 31)


def test_plan_not_last_section_stops_at_next_heading():
    plan = extract_plan(doc(SHAPES["plan_not_last"][0]))
    assert [i.title for i in plan.items] == ["抓班子建设", "抓作风建设"]


def test_part_headings_and_ordinal_items():
    plan = extract_plan(doc(SHAPES["part_headings"][0]))
    assert plan.section.heading == "第二部分 2023年工作安排"
    assert plan.year == 2023
    assert [(i.label, i.title, len(i.children)) for i in plan.items] == [
        ("第一，", "坚持党建引领", 2), ("第二，", "狠抓队伍建设", 1)]


def test_annual_summary_with_next_year_plan():
    plan = extract_plan(doc(SHAPES["annual_next_year"][0]))
    assert plan.year == 2023
    assert [i.title for i in plan.items] == ["抓项目", "抓民生"]


def test_inline_items_after_a_preamble_colon():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下步打算
下半年，重点抓好以下工作：一是深化改革。推进**改革。二是加强监管。开展检查。
"""))
    assert plan.section.preamble == "下半年，重点抓好以下工作："
    assert [i.title for i in plan.items] == ["深化改革", "加强监管"]


def test_halfwidth_parentheses_and_colon_titles():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作计划
(一)抓学习：一是原原本本学；二是联系实际学。
(二)抓落实。年底前全部完成。
"""))
    assert shape(plan)[0] == ("(一)", "抓学习", ["原原本本学", "联系实际学"])
    assert plan.items[1].children[0].title == "年底前全部完成"


def test_circled_and_paren_digit_measures():
    plan = extract_plan(doc("""
一、工作情况
略。
二、今后工作打算
（一）加强队伍建设。①开展培训。②加强考核。
（二）完善制度。(1)修订办法。(2)建立台账。(3)定期通报。
"""))
    assert [len(i.children) for i in plan.items] == [2, 3]
    assert plan.items[1].children[0].label == "(1)"


def test_section_can_be_forced_and_headings_listed():
    d = doc("""
一、主要工作
（一）抓班子。完善制度。
二、存在问题
（一）班子弱。
""")
    with pytest.raises(NoPlanSectionError) as err:
        extract_plan(d)
    assert err.value.headings == ("一、主要工作", "二、存在问题")
    assert "一、主要工作" in str(err.value) and "--section" in str(err.value)
    assert level1_headings(d) == ["一、主要工作", "二、存在问题"]
    plan = extract_plan(d, section="二、存在问题")
    assert plan.section.heading == "二、存在问题"
    assert [i.title for i in plan.items] == ["班子弱"]
    plan = extract_plan(d, section="主要工作")
    assert plan.items[0].title == "抓班子"


def test_unknown_forced_section_names_the_wanted_heading():
    with pytest.raises(NoPlanSectionError) as err:
        extract_plan(doc("一、工作\n做了。\n二、下步计划\n一是干。"), section="四、不存在")
    assert "四、不存在" in str(err.value)


def test_plan_without_markers_uses_paragraphs():
    plan = extract_plan(doc("""
一、工作情况
略。
二、下一步工作打算
下半年，我们将重点做好以下工作。
持续深化改革，年底前完成方案。
加强队伍建设，开展培训。
"""))
    assert plan.section.preamble == "下半年，我们将重点做好以下工作。"
    assert [i.title for i in plan.items] == ["持续深化改革，年底前完成方案", "加强队伍建设，开展培训"]


def test_past_section_mentioning_a_plan_word_is_not_the_plan():
    plan = extract_plan(doc(SHAPES["past_mentions_plan"][0]))
    assert plan.section.heading == "二、下步工作安排"


def test_mixed_problems_and_plan_section_uses_its_plan_part():
    # the plan part's own sub-heading is the section (four of five probe authors name it so); its items
    # are that part's, not `（一）存在问题` and `（二）下一步工作打算`; the parent is no alternative to it
    plan = extract_plan(doc(SHAPES["mixed_with_sub_heading"][0]))
    assert plan.section.heading == "（二）下一步工作打算"
    assert "二、存在问题及下一步工作打算" not in [a.heading for a in plan.alternatives]
    assert [i.title for i in plan.items] == ["优化班子结构", "加强教育培训"]
    named = extract_plan(doc(SHAPES["mixed_with_sub_heading"][0]), section="二、存在问题及下一步工作打算")
    assert [i.title for i in named.items] == ["优化班子结构", "加强教育培训"]


def test_mixed_section_without_sub_heading_is_still_found():
    plan = extract_plan(doc(SHAPES["mixed_without_sub_heading"][0]))
    assert plan.section.heading == "二、存在的问题和下步打算"
    assert [i.title for i in plan.items] == ["补短板", "强弱项"]


def test_dun_items_restarting_inside_a_numbered_plan_section():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作计划
一、抓学习。深入学习。
二、抓落实。狠抓落实。
"""))
    assert plan.section.heading == "二、下半年工作计划"
    assert [(i.label, i.title) for i in plan.items] == [("一、", "抓学习"), ("二、", "抓落实")]


def test_signature_lines_after_the_last_item_are_not_measures():
    plan = extract_plan(doc("""
2024年上半年财政工作总结
一、上半年工作情况
略。
二、下半年工作打算
1.狠抓收入组织。加强征管。确保年底前完成任务。
2.严格支出管理。压减一般性支出。
**市财政局
2024年7月10日
"""))
    assert [len(i.children) for i in plan.items] == [2, 1]
    assert plan.items[-1].children[-1].title == "压减一般性支出"


def test_signature_after_inner_markers_is_cut():
    plan = extract_plan(doc("""
一、工作情况
略。
二、下一步工作打算
（一）完善制度。（1）修订办法。（2）建立台账。（3）健全谈话制度。
中共**县委办公室
"""))
    assert plan.items[0].children[-1].text == "健全谈话制度。"


def test_speech_with_this_years_work_and_a_date_line():
    plan = extract_plan(doc(SHAPES["speech_this_year"][0]))
    assert plan.section.heading == "二、扎实做好今年重点工作"
    assert plan.year == 2024
    assert plan.title == "在全县乡村振兴工作推进会上的讲话"
    assert [i.label for i in plan.items] == ["一要", "二要"]
    assert plan.items[0].children[0].due == date(2024, 4, 30)


SEQUENCE_WORDS_PLAN = """
2025年秋季学期卫生院工作总结
一、主要工作
首先，门诊服务有改进。门诊量同比增长。
二、下学期工作打算
下学期，我院将围绕以下几方面开展工作：
首先，提升基本医疗服务能力。开展业务培训。年底前新增两个特色科室。
其次，做实公共卫生服务。推进家庭医生签约。
再次，改善就医环境。完成住院楼改造。
最后，加强行风建设。开展廉洁从医教育。
总之，我们将再接再厉。
**镇卫生院
2025年7月2日
"""


def test_sequence_words_number_the_items_and_the_last_is_kept():
    plan = extract_plan(doc(SEQUENCE_WORDS_PLAN))
    assert plan.section.heading == "二、下学期工作打算"
    assert plan.section.preamble == "下学期，我院将围绕以下几方面开展工作："
    assert shape(plan) == [
        ("首先，", "提升基本医疗服务能力", ["开展业务培训", "年底前新增两个特色科室"]),
        ("其次，", "做实公共卫生服务", ["推进家庭医生签约"]),
        ("再次，", "改善就医环境", ["完成住院楼改造"]),
        ("最后，", "加强行风建设", ["开展廉洁从医教育"]),
    ]


def test_a_closing_that_opens_with_zuihou_is_not_an_item():
    plan = extract_plan(doc(SEQUENCE_WORDS_PLAN.replace("最后，加强行风建设。开展廉洁从医教育。",
                                                        "最后，同志们，让我们团结一心。")))
    assert [i.label for i in plan.items] == ["首先，", "其次，", "再次，"]
    assert plan.items[-1].text == "改善就医环境。完成住院楼改造。"


def test_a_lone_shouxian_paragraph_does_not_make_a_list():
    # one 首先 without a 其次 paragraph is prose: the numbered items stay the items
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作安排
首先，要统一思想。各科室要把思想统一到年度目标上来。
（一）抓好项目建设。推进项目开工。
（二）抓好安全生产。开展隐患排查。
"""))
    assert [i.label for i in plan.items] == ["（一）", "（二）"]
    assert plan.section.preamble == "首先，要统一思想。各科室要把思想统一到年度目标上来。"


def test_sequence_words_inside_a_paragraph_are_measures_not_items():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作安排
（一）抓好项目建设。首先，完成项目储备；其次，推进开工；最后，抓好竣工验收。
（二）抓好安全生产。开展隐患排查。
"""))
    assert shape(plan)[0] == ("（一）", "抓好项目建设", ["完成项目储备", "推进开工", "抓好竣工验收"])


def test_a_skipped_measure_number_in_a_later_paragraph_still_cuts():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作安排
（一）抓好项目建设
1.完成项目储备。
2.推进项目开工。
4.抓好竣工验收。
（二）抓好安全生产
1.开展隐患排查。
2.组织应急演练。
"""))
    assert [c.label for c in plan.items[0].children] == ["1.", "2.", "4."]
    assert plan.items[0].children[-1].text == "抓好竣工验收。"


def test_a_month_after_a_digit_label_is_not_a_decimal():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、2025年下半年工作安排
（一）抓好项目建设
1.完成项目储备。
2.9月底前推进项目开工。
3.抓好竣工验收。
"""))
    children = plan.items[0].children
    assert [c.label for c in children] == ["1.", "2.", "3."]
    assert children[1].text == "9月底前推进项目开工。"
    assert children[1].due == date(2025, 9, 30)


def test_unnumbered_title_lines_each_hold_their_paragraphs():
    plan = extract_plan(doc("""
一、上半年工作回顾
略。
二、下步工作打算
下一步，我委将重点抓好以下几项工作。
优化营商环境
推行涉企事项“一次办”，年底前覆盖全部窗口。开展营商环境满意度调查。
压减审批时限，平均办理时间再缩短一成。
做强园区平台
完成园区道路二期工程，引进配套企业三家。

县发展和改革委员会
2025年7月8日
"""))
    assert plan.section.preamble == "下一步，我委将重点抓好以下几项工作。"
    assert [(i.title, len(i.children)) for i in plan.items] == [("优化营商环境", 3), ("做强园区平台", 1)]


def test_short_paragraphs_that_are_sentences_are_not_title_lines():
    plan = extract_plan(doc("""
一、上半年工作回顾
略。
二、下步工作打算
完善制度，修订考勤办法。
开展两次业务培训。
加强值班值守。
"""))
    assert len(plan.items) == 3


def test_a_measure_number_typed_twice_starts_another_measure():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作计划
1.做好宣传引导
（1）办好专题讲座。
（2）编印宣传手册。
（2）开展入户走访。
（3）评选先进典型。
2.加强组织建设
（1）完成换届选举。
"""))
    assert [c.text for c in plan.items[0].children] == ["办好专题讲座。", "编印宣传手册。", "开展入户走访。", "评选先进典型。"]


def test_a_one_sentence_flourish_after_the_last_item_closes_the_report():
    plan = extract_plan(doc("""
一、2024年工作总结
略。
二、2025年工作安排
（一）抓好招商引资
全年引进项目十个。举办推介会两场。
（二）抓好作风建设
开展作风纪律专项整治。落实首问负责制。

站在新的起点上，全局干部职工将凝心聚力、真抓实干，奋力谱写全县商务高质量发展新篇章！
"""))
    assert [c.title for c in plan.items[-1].children] == ["开展作风纪律专项整治", "落实首问负责制"]


def test_the_years_tasks_win_over_its_targets_and_principles():
    plan = extract_plan(doc("""
一、2024年工作回顾
全年完成固定资产投资增长百分之八。
二、2025年总体要求和主要预期目标
主要预期目标是：生产总值增长百分之六左右。做好今年工作，要把握好以下几点：一是坚持稳中求进；二是坚持改革创新；三是坚持民生为本。
三、2025年重点工作
（一）扩大有效投资
谋划储备重大项目一百个。年内开工项目五十个。
（二）壮大实体经济
新增规模以上企业二十家。培育专精特新企业五家。
（三）办好民生实事
新建幼儿园三所。改造老旧小区十个。
"""))
    assert plan.section.heading == "三、2025年重点工作"
    assert [i.title for i in plan.items] == ["扩大有效投资", "壮大实体经济", "办好民生实事"]


def test_an_items_title_runs_to_its_first_full_stop_past_a_colon():
    # the corpus's gold: the title is the text before the first 。, a short phrase and its colon included
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作打算
（一）夯实基础工作。完成台账清理。
（二）健全长效机制：修订考核办法，年底前印发实施。
（三）加强培训，围绕业务重点：开展轮训两期。
"""))
    assert [i.title for i in plan.items] == ["夯实基础工作", "健全长效机制：修订考核办法，年底前印发实施",
                                            "加强培训，围绕业务重点：开展轮训两期"]
    assert [len(i.children) for i in plan.items] == [1, 0, 0]


def test_bulleted_title_lines_of_a_pasted_article_and_its_end_mark():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作打算
下半年，我们将重点抓好以下工作：
● 办好惠民实事
新建社区食堂两个。改造健身广场一处。
● 做实志愿服务
组建服务队十支，开展活动百场。
- END -
来源：**社区
编辑：**
"""))
    assert [(i.title, len(i.children)) for i in plan.items] == [("办好惠民实事", 2), ("做实志愿服务", 1)]


def test_digits_with_a_closing_parenthesis_number_the_items():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作重点
1）推进项目建设
①完成立项审批。
②启动主体施工。
2）优化服务保障
①开通绿色通道。
"""))
    assert [(i.label, i.title, len(i.children)) for i in plan.items] == [
        ("1）", "推进项目建设", 2), ("2）", "优化服务保障", 1)]


def test_a_list_introduced_as_a_request_is_not_the_plan():
    with pytest.raises(NoPlanSectionError):
        extract_plan(doc("""
一、主要做法
今年以来，我们推行了一窗通办，办件量增长两成。
二、存在的问题
部门数据共享不够。
三、意见建议
为持续优化服务，恳请上级部门给予支持：一是建议统一建设数据平台；二是加大资金扶持力度；三是加强业务指导。
"""))


def test_a_title_line_may_join_two_phrases_with_a_comma():
    plan = extract_plan(doc("""
一、上半年工作回顾
略。
二、下步工作打算
夯实监管基础，守牢安全底线
开展特种设备隐患大排查，建立问题清单并逐项销号，确保年底前全部整改到位。
聚焦民生关切，提升服务质量
畅通投诉举报渠道，办结率保持在百分之九十八以上。推行“接诉即办”。
"""))
    assert [(i.title, len(i.children)) for i in plan.items] == [("夯实监管基础，守牢安全底线", 1),
                                                              ("聚焦民生关切，提升服务质量", 2)]


def test_an_unnumbered_heading_line_above_a_list_introduction_is_the_plan_heading():
    plan = extract_plan(doc("""
**县图书馆2024年上半年工作总结
上半年主要工作
1、阅读推广有声有色。举办读书分享会**场。
2、数字服务稳步推进。上线电子书**册。
下半年工作思路
下半年，我馆将围绕全民阅读，着力做好以下几项工作：
1、办好秋季读书节。组织征文比赛。
2、推进分馆建设。新建乡镇分馆**个。
"""))
    assert plan.section.heading == "下半年工作思路"
    assert plan.section.preamble == "下半年，我馆将围绕全民阅读，着力做好以下几项工作："
    assert [i.title for i in plan.items] == ["办好秋季读书节", "推进分馆建设"]


@pytest.mark.parametrize("signature", ["**市实验小学", "**县图书馆", "**银行**支行", "**街道"])
def test_a_school_library_or_bank_signs_its_report_too(signature):
    plan = extract_plan(doc(f"""
一、本学期工作回顾
略。
二、下学期工作打算
第一，抓实教学常规。开展推门听课。
第二，抓好安全教育。每月组织一次演练。
{signature}
2025年1月15日
"""))
    assert [len(i.children) for i in plan.items] == [1, 1]


def test_paragraphs_opening_with_a_sentence_of_clauses_are_not_lead_phrases():
    plan = extract_plan(doc("""
一、上半年工作回顾
略。
二、下半年工作安排
（一）抓好重点项目
盯紧开工节点，压实包保责任，确保项目按期开工。每周调度一次。
10月底前，梳理储备项目清单，做好前期论证。争取专项债券支持。
"""))
    assert len(plan.items[0].children) == 4

"""Copied text gets its paragraphs back: wrapped lines joined, a one-line flattened file split."""

from __future__ import annotations

import pytest

from desktop.core.extract import extract_plan
from desktop.core.reflow import _width, is_flat, reflow, wrap_width
from desktop.core.reports import split_paragraphs
from desktop.core.types import ReportDocument
from tests.conftest import SEEDS


def wrap(paragraphs: list[str], width: int, *, columns: bool = False) -> list[str]:
    """Hard-wrap every paragraph at `width` characters (or display columns), as a PDF copy does."""
    out = []
    for p in paragraphs:
        line = ""
        for ch in p:
            if (_width(line + ch) if columns else len(line + ch)) > width:
                out.append(line)
                line = ""
            line += ch
        out.append(line)
    return out


def seed_paragraphs(k: int) -> list[str]:
    return split_paragraphs(SEEDS[k].read_text(encoding="utf-8"))


def shape(paragraphs: list[str]) -> list[tuple[str, str, int]]:
    plan = extract_plan(ReportDocument("w.txt", tuple(paragraphs), "0"))
    return [(i.label, i.title, len(i.children)) for i in plan.items]


@pytest.mark.parametrize("k", range(5))
@pytest.mark.parametrize("width, columns", [(30, False), (38, False), (72, True)])
def test_wrapped_seed_gives_the_same_plan(k, width, columns):
    original = seed_paragraphs(k)
    wrapped = wrap(original, width, columns=columns)
    assert wrap_width(wrapped) is not None
    assert shape(wrapped) == shape(original)


def test_wrapped_paragraphs_read_back_as_written():
    # A paragraph that happens to end exactly at the edge cannot be told from a wrapped line (it is
    # joined to the next one); these paragraphs all stop short of it.
    original = [p for p in seed_paragraphs(1) + seed_paragraphs(3) if len(p) % 33]
    assert reflow(wrap(original, 33)) == original


def test_ordinary_text_is_left_alone():
    for k in range(5):
        paragraphs = seed_paragraphs(k)
        assert wrap_width(paragraphs) is None and not is_flat(paragraphs)
        assert reflow(paragraphs) == paragraphs


def test_latin_words_keep_their_space_where_the_break_ate_it():
    # wrapped at 20: a word cut at the edge (`CVSTr|ac`) joins as it was; a line one short ended
    # in a space the reader dropped (`Pascal |Script`), which comes back
    filler = ["这是一行正好二十个字符宽的测试文字啊这是"] * 12
    second = "ac以及对于新版的Pascal"
    second = "ac" + "补" * (19 - len(second)) + second[2:]
    lines = [*filler, "我们更新了服务器上的各项服务和CVSTr", second, "Script的支持。"]
    assert [len(line) for line in lines[-3:]] == [20, 19, 10]
    assert reflow(lines) == ["".join(filler) + "我们更新了服务器上的各项服务和CVSTr" + second + " Script的支持。"]


@pytest.mark.parametrize("k", range(5))
def test_flattened_seed_is_split_at_its_numbered_headings(k):
    original = seed_paragraphs(k)
    flat = ["".join(original)]
    assert is_flat(flat)
    plan = extract_plan(ReportDocument("f.txt", tuple(flat), "0"))
    want = extract_plan(ReportDocument("f.txt", tuple(original), "0"))
    assert plan.section.heading == want.section.heading
    assert [i.label for i in plan.items] == [i.label for i in want.items]
    if k != 0:  # seed 000's item headings stand alone without a 。: flattened, nothing marks their end
        assert [i.title for i in plan.items] == [i.title for i in want.items]


def test_page_numbers_of_a_pdf_copy_are_dropped_and_the_page_break_joined():
    original = seed_paragraphs(2)
    wrapped = wrap(original, 34)
    paged = []
    for n, line in enumerate(wrapped, 1):
        paged.append(line)
        if n % 20 == 0:
            paged.append(f"— {n // 20} —" if n % 40 else f"第 {n // 20} 页 共 9 页")
    assert any(line.startswith("— ") for line in paged)
    assert shape(paged) == shape(original)
    assert not any("—" in p and p.strip("— 0123456789") == "" for p in reflow(paged))


def test_a_pdf_copy_indents_each_paragraph_and_repeats_its_header_after_page_numbers():
    original = seed_paragraphs(0)
    lines, leads = [], []
    for p in original:  # each paragraph's first line is indented by two full-width blanks, as printed
        for k, line in enumerate(wrap(["　　" + p], 70, columns=True)):
            lines.append(line.lstrip("　"))
            leads.append("　　" if k == 0 else "")
    paged, paged_leads = [], []
    for n, (line, lead) in enumerate(zip(lines, leads), 1):
        paged.append(line)
        paged_leads.append(lead)
        if n % 12 == 0:
            paged += [f"- {n // 12} -", "**区组织部上半年工作总结"]
            paged_leads += ["", ""]
    assert reflow(paged, paged_leads) == original


def test_a_flattened_copy_keeps_its_indents_as_gaps_between_heading_and_text():
    review = "开展了集中学习，全体干部参加了专题培训，完成了年度学习计划的一半。" * 10
    text = ("**局2024年上半年工作总结    一、上半年工作情况    （一）抓学习。" + review + "    二、存在问题和下步打算"
            "    （一）存在问题 1.基础薄弱。人员不足。    （二）下步打算 下半年，我局将抓好以下工作。"
            "    1.加强队伍建设。年底前完成招聘。    2.完善制度。9月底前出台办法。")
    plan = extract_plan(ReportDocument("f.txt", (text,), "0"))
    assert plan.section.heading == "二、存在问题和下步打算"
    assert [i.title for i in plan.items] == ["加强队伍建设", "完善制度"]


def test_a_table_of_contents_is_not_read_as_the_reports_headings():
    text = reflow([
        "**县水务局2024年工作总结", "目　录", "一、主要工作……………………1", "二、存在问题……………………3",
        "三、明年打算\t4", "一、主要工作", "（一）抓了防汛。建成堤防五公里。", "二、存在问题", "资金不足。",
        "三、明年打算", "（一）抓好供水。年底前完成管网改造。",
    ])
    assert text[:3] == ["**县水务局2024年工作总结", "一、主要工作", "（一）抓了防汛。建成堤防五公里。"]
    plan = extract_plan(ReportDocument(source="t.txt", paragraphs=tuple(text), sha256="0"))
    assert plan.section.heading == "三、明年打算"
    # one line that happens to end in dots and a number is not a table of contents
    assert reflow(["预计完成……3", "一、主要工作"]) == ["预计完成……3", "一、主要工作"]


def test_a_paragraph_broken_by_a_page_footer_is_joined_without_a_wrap_width():
    lines = ["一、主要工作", "（一）抓了防汛。全县共建成堤防五公里，加固病险水库三座，汛期未发生重大险情，群众生命财产",
             "— 2 —", "安全得到有效保障。", "（二）抓了供水。", "二、明年打算", "— 3 —", "（一）抓好供水。"]
    assert reflow(lines) == [
        "一、主要工作",
        "（一）抓了防汛。全县共建成堤防五公里，加固病险水库三座，汛期未发生重大险情，群众生命财产安全得到有效保障。",
        "（二）抓了供水。", "二、明年打算", "（一）抓好供水。"]


def _kinsoku_wrap(paragraphs: list[str], chars: int) -> list[str]:
    """Wrap at `chars` characters the way a word processor does: a line never opens with ，。、；：
    (the mark hangs at the end of the line before)."""
    lines: list[str] = []
    for text in paragraphs:
        while len(text) > chars:
            cut = chars + 1 if text[chars] in "，。、；：" else chars
            lines.append(text[:cut])
            text = text[cut:]
        lines.append(text)
    return lines


def test_hanging_punctuation_and_a_heading_that_fills_its_line():
    heading = "一、聚焦项目建设主战场切实增强抓投资稳增长的紧迫感"  # it fills one line
    body = ("今年以来，全县上下紧紧围绕年度目标，坚持项目为王，扎实推进重点项目建设，一批事关长远的"
            "重大项目落地见效，为全年目标任务完成奠定了坚实基础，各项工作取得明显成效，群众满意度持续提升。") * 2
    plan_heading = "二、下半年工作打算"
    items = [f"（{n}）抓好第{n}项重点任务，确保按期完成" for n in "一二三"]
    item_body = "要倒排工期、挂图作战，确保九月底前全部开工，年底前完成投资任务，形成实物工作量。"
    text = [heading, body, plan_heading] + [p for item in items for p in (item, item_body)]
    lines = _kinsoku_wrap(text, len(heading))
    assert any(len(line) == len(heading) + 1 for line in lines)  # some lines hang a mark
    assert reflow(lines) == text


def test_a_pdf_sets_chinese_quotes_a_full_column_wide():
    import unicodedata

    def columns(text: str) -> int:  # as a Chinese font sets it: “” ‘’ — … are as wide as a character
        return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)

    quoted = ("全面落实“河长制”“林长制”要求，2024年持续开展“清四乱”专项行动**次和“美丽河湖”创建，推动‘一河一策’"
              "在126条河流落地见效，让群众在家门口感受到生态环境的变化——这是我们的承诺……")
    text = ["一、上半年工作", quoted * 2, "二、下半年工作打算", "（一）巩固治理成果", quoted, "（二）加强监督考核", quoted * 3]
    lines = []
    for paragraph in text:
        line = ""
        for ch in paragraph:
            if columns(line + ch) > 60:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    assert reflow(lines) == text


def test_an_inline_title_that_fills_its_line_runs_on_into_the_next():
    review = "上半年，全局上下围绕中心工作，扎实推进各项任务，取得了阶段性成效，群众满意度稳步提升，为全年打下基础。" * 2
    item = ("（一）全力做好防汛抗旱和地质灾害防御工作，确保安全度汛不出",
            "事。严格落实汛期值班值守和领导带班制度，加密会商研判，及时发布预警信息，做好转移避险。")
    text = ["一、上半年工作", review, "二、下半年工作打算", "".join(item), "（二）抓好冬春火灾防控。" + review]
    width = len(item[0])
    lines = wrap(text, width)
    assert item[0] in lines  # the title fills one line exactly, its last character on the next
    assert reflow(lines) == text


def test_a_copy_that_breaks_at_no_one_width_opens_its_paragraphs_indented():
    import random

    rng = random.Random(7)
    body = "围绕年度目标，扎实推进网格化服务管理，累计走访群众*户，解决实际问题*件，群众满意度持续提升。" * 3
    text = ["一、上半年工作", body, "二、下半年工作计划", "（一）深入推进基层治理现代化建设，为全年目标任务圆满完成提供坚强保障",
            body, "（二）持续优化营商环境", body, "**街道办事处"]
    lines, leads = [], []
    for paragraph in text:
        first = True
        while paragraph:
            cut = rng.randint(27, 33)  # a proportional font: each line holds a different count
            lines.append(paragraph[:cut])
            leads.append("\u3000\u3000" if first and paragraph is not text[-1] else "")
            paragraph, first = paragraph[cut:], False
    assert reflow(lines, leads) == text


_PDF_TEXT = [
    "**县交通运输局2024年上半年工作总结",
    "上半年，全局上下紧紧围绕年度目标任务，完成交通固定资产投资12.6亿元，同比增长8.5%，占年度计划的56%，"
    "各项工作取得积极进展。",
    "一、上半年工作开展情况",
    "（一）重点项目加快推进。**快速路完成路基工程量的72%，**大桥主墩全部完工，新改建农村公路186公里。",
    "（二）运输服务持续改善。新开通城乡公交线路6条，建制村通客车率保持100%，完成出租车更新320辆。",
    "二、下半年工作计划",
    "（一）全力抓好项目建设。倒排工期、挂图作战，确保**快速路10月底前主线贯通，**大桥12月底前合龙，"
    "全年完成投资22亿元以上。",
    "（二）持续提升运输服务。推进城乡公交一体化，年底前实现镇村公交全覆盖，新增新能源公交车48辆，"
    "优化调整公交线路9条。",
    "（三）从严抓好安全生产。开展道路运输安全隐患排查整治，9月底前完成全县危桥改造15座，坚决遏制较大以上事故。",
    "**县交通运输局",
    "2024年7月9日",
]


def _pdf_lines(paragraphs: list[str], columns: int) -> list[str]:
    """Each paragraph set indented by two blanks and wrapped at `columns`, then copied without the blanks
    (a PDF's text layer keeps no indent, so each paragraph's first line is short of the edge)."""
    return [line.lstrip("　") for p in paragraphs for line in wrap(["　　" + p], columns, columns=True)]


def test_a_pdf_copy_without_indents_joins_each_paragraphs_short_first_line():
    lines = _pdf_lines(_PDF_TEXT, 56)
    assert reflow(lines) == _PDF_TEXT


def test_a_running_header_beside_one_page_number_is_dropped():
    lines = _pdf_lines(_PDF_TEXT, 56)
    cut = next(k for k, line in enumerate(lines) if line.endswith("，") is False and k > 12
               and line[-1] not in "。：")  # a page break inside a sentence
    for header in (_PDF_TEXT[0], "**县交通运输局文件"):  # the title again, or the office's own line
        paged = [*lines[:cut + 1], "- 1 -", header, *lines[cut + 1:], "- 2 -"]
        assert reflow(paged) == _PDF_TEXT, header
    # a heading that opens the next page after a whole paragraph stays
    whole = next(k for k, line in enumerate(lines) if line == "二、下半年工作计划")
    paged = [*lines[:whole], "- 1 -", *lines[whole:]]
    assert reflow(paged) == _PDF_TEXT


def test_a_short_copy_whose_paragraphs_open_indented_joins_the_lines_at_the_edge():
    text = _PDF_TEXT[2:9]  # seven paragraphs, a line or two each: too few lines to show one wrap width
    lines, leads = [], []
    for p in text:
        for k, line in enumerate(wrap(["　　" + p], 60, columns=True)):
            lines.append(line.lstrip("　"))
            leads.append("　　" if k == 0 else "")
    assert len(lines) < 20 and sum(1 for lead in leads if lead) / len(lines) > 0.5
    assert reflow(lines, leads) == text


def test_no_line_of_chinese_text_opens_with_a_closing_mark():
    # a copy that broke before a mark (the typesetter's rules were not followed): the mark's line runs on
    lines = ["（一）全力抓好项目建设。倒排工期、挂图作战，确保**快速路10月底前主线贯通",
             "，**大桥12月底前合龙。", "（二）持续提升运输服务。"]
    assert reflow(lines) == ["（一）全力抓好项目建设。倒排工期、挂图作战，确保**快速路10月底前主线贯通，**大桥12月底前合龙。",
                             "（二）持续提升运输服务。"]


def test_a_plan_of_short_lines_of_one_length_is_not_a_wrapped_copy():
    # headings stop without punctuation and short measures end in 。: neither is a line cut at an edge
    lines = ["某局2025年工作要点", "一、2024年工作回顾", "做了。", "二、2025年重点任务", "（一）建设交通网络",
             "1.推进高速公路建设。", "（1）6月底前建成通车。", "（2）年内开工建设。", "2.提升农村公路。", "（1）新改建200公里。",
             "（二）强化安全监管", "1.开展专项整治。", "（1）加强动态监控。", "（2）每季度检查一次。"]
    assert reflow(lines) == lines


def test_a_page_of_one_line_is_the_reports_and_a_header_may_carry_its_page_number():
    lines = ["**镇2024年上半年工作总结", "一、上半年工作", "做了很多。", "二、下半年工作打算", "（一）抓好项目建设。加快园区建设。",
             "（二）维护和谐稳定", "深化“枫桥经验”，开展矛盾纠纷大排查。加强重点", "- 5 -",
             "人员管控。严厉打击电信网络诈骗。",  # the only line of its page: between two page numbers, yet text
             "第 6 页 共 8 页", "**镇2024年上半年工作总结 第7页", "（三）抓好民生实事。新建幼儿园1所。"]
    assert reflow(lines) == [
        "**镇2024年上半年工作总结", "一、上半年工作", "做了很多。", "二、下半年工作打算", "（一）抓好项目建设。加快园区建设。",
        "（二）维护和谐稳定", "深化“枫桥经验”，开展矛盾纠纷大排查。加强重点人员管控。严厉打击电信网络诈骗。",
        "（三）抓好民生实事。新建幼儿园1所。"]

"""The same plans come out of each seed re-encoded and converted to .docx."""

from datetime import date

import pytest

from desktop.core.extract import parse_report
from desktop.core.reports import read_report
from tests.conftest import SEEDS
from tests.core.docx_builder import write_docx
from tests.core.expected import assert_matches

ENCODINGS = ["gb18030", "utf-16", "utf-8-sig", "utf-16-le", "utf-16-be"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_reencoded_seed_yields_same_plan(seed_path, encoding, tmp_path):
    text = seed_path.read_text(encoding="utf-8")
    if encoding == "gb18030":
        text = text.replace("\n", "\r\n")  # Windows files come with CRLF too
    target = tmp_path / seed_path.name
    target.write_bytes(text.encode(encoding))
    assert read_report(target).encoding.replace("-", "").lower().startswith(encoding.replace("-", "")[:5])
    assert_matches(parse_report(target), seed_path.name[:3])


def test_seed_as_docx_yields_same_plan(seed_path, tmp_path):
    paragraphs = seed_path.read_text(encoding="utf-8").splitlines()
    target = write_docx(paragraphs, tmp_path / (seed_path.stem + ".docx"))
    assert_matches(parse_report(target), seed_path.name[:3])


@pytest.mark.parametrize("seed", [SEEDS[0], SEEDS[2], SEEDS[3]], ids=["000", "002", "003"])
def test_docx_with_word_automatic_numbering(seed, tmp_path):
    paragraphs = seed.read_text(encoding="utf-8").splitlines()
    target = write_docx(paragraphs, tmp_path / "auto.docx", auto_number=True)
    # the labels are no longer in the paragraph text: only Word's numbering carries them
    import docx

    texts = [p.text for p in docx.Document(target).paragraphs]
    assert not any(t.startswith("（一）") for t in texts)
    assert_matches(parse_report(target), seed.name[:3])


def test_nbsp_fullwidth_spaces_and_blank_lines_are_normalised(tmp_path):
    text = SEEDS[1].read_text(encoding="utf-8")
    noisy = "\n\n".join("\u3000\u3000" + line.replace("，", "，\u00a0") for line in text.splitlines())
    target = tmp_path / "noisy.txt"
    target.write_text(noisy, encoding="utf-8")
    plan = parse_report(target)
    assert_matches(plan, "001")
    assert "\u00a0" not in plan.items[0].text and "\u3000" not in plan.items[0].text


def test_docx_numbering_from_the_list_number_style(tmp_path):
    import docx

    document = docx.Document()
    for text in ["一、上半年工作", "做了很多事。", "二、下半年工作计划"]:
        document.add_paragraph(text)
    for text in ["抓好学习。深入学习。", "狠抓落实。年底前完成。"]:
        document.add_paragraph(text, style="List Number")  # numbering lives in the style only
    path = tmp_path / "styled.docx"
    document.save(path)
    plan = parse_report(path, year=2024)
    assert [(i.label, i.title) for i in plan.items] == [("1.", "抓好学习"), ("2.", "狠抓落实")]
    assert plan.items[1].children[0].title == "年底前完成"


def test_word_headings_over_numbered_lists_are_the_items_and_the_lists_their_measures(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某局2024年上半年工作总结", style="Title")
    document.add_paragraph("上半年工作情况", style="Heading 1")
    document.add_paragraph("接待游客326万人次。")
    document.add_paragraph("下半年工作打算", style="Heading 1")
    for title, measures in (("打造消费新场景", ["推进古街夜游项目，9月底前开街。", "举办音乐节。"]),
                            ("提升公共文化服务", ["新建城市书房3个。", "开展送戏下乡120场。", "完成绩效评估。"])):
        document.add_paragraph(title, style="Heading 2")  # no number typed or set
        for text in measures:
            document.add_paragraph(text, style="List Number 2")  # numbered on through the section: 1. 2. 3. 4. 5.
    path = tmp_path / "styled.docx"
    document.save(path)
    plan = parse_report(path, year=2024)
    assert plan.section.heading == "下半年工作打算"  # a heading over no list keeps its text as it stands
    assert [(i.label, i.title, len(i.children)) for i in plan.items] == [
        ("（一）", "打造消费新场景", 2), ("（二）", "提升公共文化服务", 3)]
    assert plan.items[0].children[0].due == date(2024, 9, 30)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_BOXED = ('<w:r {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
          '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{paras}</w:txbxContent>'
          '</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paras}'
          '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_docx_reads_with_tracked_changes_accepted_and_its_text_boxes_once(tmp_path):
    # a report passed round for comments: a new item only inserted (w:ins), a heading's old words deleted (w:del)
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for text in ["某局2024年上半年工作总结", "一、上半年工作", "做了很多。"]:
        document.add_paragraph(text)
    heading = document.add_paragraph("二、")
    heading._p.append(parse_xml(f'<w:del {_W} w:id="1" w:author="a"><w:r><w:delText>下半年工作思路</w:delText></w:r></w:del>'))
    heading._p.append(parse_xml(f'<w:ins {_W} w:id="2" w:author="a"><w:r><w:t>下一步工作打算</w:t></w:r></w:ins>'))
    document.add_paragraph("（一）抓好排查。开展拉网式排查。")
    inserted = document.add_paragraph()
    inserted._p.append(parse_xml(f'<w:ins {_W} w:id="3" w:author="a"><w:r><w:t>（二）强化演练。组织综合演练。</w:t></w:r></w:ins>'))
    boxed = document.add_paragraph("（三）")  # its title and text sit in a text box anchored to it (DrawingML and VML)
    paras = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in ["做好宣传。", "每月开展一次宣传活动。"])
    boxed._p.append(parse_xml(_BOXED.format(w=_W, paras=paras)))
    path = tmp_path / "tracked.docx"
    document.save(path)
    assert read_report(path).paragraphs[3:] == ("二、下一步工作打算", "（一）抓好排查。开展拉网式排查。",
                                               "（二）强化演练。组织综合演练。", "（三）", "做好宣传。", "每月开展一次宣传活动。")
    plan = parse_report(path, year=2024)
    assert plan.section.heading == "二、下一步工作打算"
    assert [i.title for i in plan.items] == ["抓好排查", "强化演练", "做好宣传"]


def test_every_cell_of_a_docx_table_is_read_and_a_merged_cell_once(tmp_path):
    # a plan kept as a Word table: each row one measure; the first column merged down each item's rows
    import docx

    document = docx.Document()
    document.add_paragraph("三、下半年工作计划")
    table = document.add_table(rows=12, cols=5)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"第{r + 1}行第{c + 1}列"
    table.cell(0, 0).merge(table.cell(2, 0)).text = "合并的事项"
    target = tmp_path / "table.docx"
    document.save(target)
    texts = [p for p in read_report(target).paragraphs if "列" in p or p == "合并的事项"]
    assert texts.count("合并的事项") == 1
    assert len(texts) == 1 + 12 * 5 - 3
    assert texts[-1] == "第12行第5列"

"""The 督查通报 draft (.docx) of the scripted year: its text, tables, page layout and fonts, and LibreOffice's view."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from desktop.core.notice_docx import FALLBACKS, NoticeWriteError, write_notice
from desktop.services.review import build_review
from tests.services.year_history import Year, scripted_year
from tests.soffice import SOFFICE, WRITER

JUNE, DEC = date(2023, 6, 30), date(2023, 12, 31)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from db.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("year") / "halfyear.db"))
    yield scripted_year(store)
    store.close()


@pytest.fixture(scope="module")
def june(year: Year, tmp_path_factory: pytest.TempPathFactory) -> Path:
    review = build_review(year.store, as_of=JUNE, year=2023, rule="deadline")
    return write_notice(tmp_path_factory.mktemp("docx") / "通报.docx", review)


def paragraphs(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_text_follows_the_notice_pattern(june: Path) -> None:
    doc = docx.Document(str(june))
    text = paragraphs(doc)
    assert text[0] == "关于2023年上半年工作任务推进情况的通报"
    assert [t for t in text if t[:2] in ("一、", "二、", "三、", "四、")] == [
        "一、总体情况", "二、各单位推进情况", "三、存在的问题", "四、下一步工作要求"]
    assert ("《2023年组织工作安排》、《2023年下半年工作计划》共明确6项工作任务，细化为19项具体措施。经督查核实"
            "（按完成时限判断，超过完成时限仍未完成的推进中措施为欠进度），截至6月30日，已完成1项，占5.3%；达进度4项，"
            "占21.0%；欠进度1项，占5.3%；未启动11项，占57.9%；已延期1项，占5.3%；已取消1项，占5.2%。") in text
    assert ("6项工作任务中，所属措施已全部完成的0项；超过完成时限仍未完成的措施1项，需重点督办。"
            "另有1项措施在6月30日之后才导入或添加，未纳入本次统计。") in text
    assert "从各牵头单位看，3个单位中，完成率最高的是干部科（16.7%）；欠进度措施较多的是干部科（1项）。各单位推进情况见下表（按完成率排序）。" in text
    problems = text[text.index("三、存在的问题"):text.index("四、下一步工作要求")]
    assert problems[1:3] == ["（一）部分任务进度滞后", "欠进度措施1项，具体是："]
    assert problems[3].startswith("1．干部科：紧紧围绕高质量发展选贤任能") and problems[3].endswith(
        "（《2023年组织工作安排》第1.1项，责任人：李四，完成时限：2023年5月31日，已逾期）。截至6月30日：已制定方案。")
    extended = problems[problems.index("（二）部分任务延期") + 2]
    assert "原定2023年6月15日，延期至2023年10月31日" in extended
    assert extended.endswith("截至6月30日：已开展调研。延期原因：配套资金未到位。")
    assert "尚未启动的措施11项，具体是：" in problems
    assert sum(1 for t in problems if re.match(r"\d+．", t)) == 1 + 1 + 11


def test_placeholders_are_marked_for_the_clerk(june: Path) -> None:
    doc = docx.Document(str(june))
    marked = [p.text for p in doc.paragraphs if any(r.font.highlight_color is not None for r in p.runs)]
    assert marked[0] == "【主送单位】："
    assert marked[1].startswith("【请在此填写下一步工作要求") and "【发文单位】" in marked
    assert "附件：2023年上半年工作任务推进情况表" in paragraphs(doc)


def test_real_tables_unit_ranking_and_the_annex(june: Path) -> None:
    doc = docx.Document(str(june))
    unit, annex = doc.tables
    assert [[c.text for c in row.cells] for row in unit.rows] == [
        ["排名", "牵头单位", "任务数", "已完成", "完成率", "欠进度", "逾期"],
        ["1", "干部科", "6", "1", "16.7%", "1", "1"],
        ["2", "组织科", "7", "0", "0.0%", "0", "0"],
        ["2", "人才办", "4", "0", "0.0%", "0", "0"],
        ["—", "（未明确牵头单位）", "2", "0", "0.0%", "0", "0"],
        ["", "合计", "19", "1", "5.6%", "1", "1"],  # 1 done of 18 not cancelled
    ]
    rows = [[c.text for c in row.cells] for row in annex.rows]
    assert rows[0] == ["序号", "工作任务", "具体措施", "牵头单位", "责任人", "完成时限", "完成情况", "进展情况（截至6月30日）"]
    assert rows[1][0] == "《2023年组织工作安排》" and len(rows) == 1 + 2 + 19  # header, two report rows, measures
    first = rows[2]
    assert first[0] == "1.1" and first[1].startswith("突出能力素质提升") and first[3:] == [
        "干部科", "李四", "2023-05-31", "欠进度（逾期）", "已制定方案"]
    assert rows[3][1] == first[1]  # 工作任务 is one merged cell down its measures
    a31 = next(r for r in rows if r[0] == "3.1" and r[3] == "人才办")
    assert a31[6:] == ["达进度", "6月：完成初稿"]
    header = annex.rows[0]._tr.find(f"{W}trPr")
    assert header.find(f"{W}tblHeader") is not None  # repeated on every page


def test_layout_after_gb_t_9704(june: Path) -> None:
    doc = docx.Document(str(june))
    body, annex = doc.sections
    assert (round(body.page_width.mm), round(body.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (body.top_margin, body.bottom_margin, body.left_margin, body.right_margin)] == [
        37, 35, 28, 26]
    assert annex.page_width > annex.page_height  # the 附件 table on landscape pages
    styles = doc.styles

    def fonts(name: str) -> tuple[str | None, float | None]:
        rpr = styles[name].element.find(f"{W}rPr")
        east = rpr.find(f"{W}rFonts").get(f"{W}eastAsia")
        return east, styles[name].font.size.pt if styles[name].font.size else None

    assert fonts("通报标题") == ("方正小标宋简体", 22.0)  # 2号
    assert fonts("一级标题") == ("黑体", 16.0) and fonts("二级标题") == ("楷体_GB2312", 16.0)
    assert fonts("Normal") == ("仿宋_GB2312", 16.0)  # 3号
    spacing = styles["Normal"].element.find(f"{W}pPr").find(f"{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("580", "exact")  # 22 lines a page
    heading = [p for p in doc.paragraphs if p.text == "一、总体情况"][0]
    assert heading.style.name == "一级标题"
    assert doc.settings.odd_and_even_pages_header_footer
    for footer, side in ((body.footer, "right"), (body.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert p.text.startswith("— ") and p.text.endswith(" —") and p.alignment is not None
        assert "PAGE" in "".join(t.text for t in p._p.iter(f"{W}instrText"))
        assert p._p.find(f"{W}pPr").find(f"{W}jc").get(f"{W}val") == side


def test_fonts_fall_back_and_nothing_is_a_picture(june: Path) -> None:
    with zipfile.ZipFile(june) as z:
        names = z.namelist()
        fonts = z.read("word/fontTable.xml").decode()
        document = z.read("word/document.xml").decode()
        settings = z.read("word/settings.xml").decode()
    for name, alt in FALLBACKS.items():
        assert f'w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>' in fonts
    assert {"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "黑体": "SimHei", "楷体_GB2312": "KaiTi"}.items() <= FALLBACKS.items()
    assert not any(n.startswith(("word/media", "docProps/thumbnail")) for n in names)
    assert "<w:drawing" not in document and "<w:pict" not in document
    assert 'w:eastAsia="zh-CN"' in settings


def test_december_with_the_comparison(year: Year, tmp_path: Path) -> None:
    review = build_review(year.store, as_of=DEC, year=2023, compare=JUNE, rule="deadline")
    text = paragraphs(docx.Document(str(write_notice(tmp_path / "年终.docx", review))))
    assert text[0] == "关于2023年度工作任务推进情况的通报"
    assert ("与6月30日相比，新完成6项；新增欠进度1项；原欠进度的1项中已有1项赶上进度或完成；新增延期1项；"
            "前期尚未启动的11项中，已有4项启动，仍有7项尚未启动；期间新列入措施1项。") in text
    assert any("截至12月31日，已完成7项，占35.0%；达进度2项，占10.0%；欠进度1项，占5.0%；未启动8项，"
               "占40.0%；已延期1项，占5.0%；已取消1项，占5.0%。" in t for t in text)
    assert not any("12月：已完成并验收" in t for t in text[:text.index("附件：2023年度工作任务推进情况表")])
    assert "从各牵头单位看，3个单位中，完成率最高的是组织科（57.1%）；欠进度措施较多的是干部科（1项）。各单位推进情况见下表（按完成率排序）。" in text


def test_one_report_and_nothing_to_report(year: Year, tmp_path: Path) -> None:
    review = build_review(year.store, as_of=date(2023, 1, 9), report_ids=[year.b])
    text = paragraphs(docx.Document(str(write_notice(tmp_path / "空.docx", review, issuer="**县督查室"))))
    assert text[0] == "关于《2023年下半年工作计划》工作任务推进情况的通报"
    assert ("截至2023年1月9日，所选报告尚无纳入统计的具体措施。另有1份报告、5项措施在1月9日之后才导入或添加，"
            "未纳入本次统计。") in text
    assert "**县督查室" in text and "截至1月9日，未发现欠进度、延期或尚未启动的措施。" in text


def test_bad_targets_are_refused_in_chinese(year: Year, tmp_path: Path) -> None:
    review = build_review(year.store, as_of=JUNE, report_ids=[year.b])
    with pytest.raises(NoticeWriteError, match="扩展名不是 .docx"):
        write_notice(tmp_path / "通报.doc", review)
    with pytest.raises(NoticeWriteError, match="不存在"):
        write_notice(tmp_path / "无此文件夹" / "通报.docx", review)
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_notice_is_left_as_it_was_and_leftovers_are_swept(year: Year, tmp_path: Path) -> None:
    """The draft is saved as the ledger is (desktop/core/file_save.py): a clerk's read-only file is refused,
    not replaced, and the hidden half-files of a killed save go with the next one."""
    import os
    import stat
    import time

    review = build_review(year.store, as_of=JUNE, report_ids=[year.b])
    kept = tmp_path / "定稿.docx"
    kept.write_bytes(b"the signed-off notice")
    kept.chmod(0o444)
    with pytest.raises(NoticeWriteError, match="只读"):
        write_notice(kept, review)
    assert kept.read_bytes() == b"the signed-off notice" and stat.S_IMODE(kept.stat().st_mode) == 0o444
    stale = tmp_path / ".~halfyear-killed.docx"
    stale.write_bytes(b"half a notice")
    os.utime(stale, (time.time() - 3600,) * 2)
    write_notice(tmp_path / "通报.docx", review)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["定稿.docx", "通报.docx"]


@pytest.mark.slow
@pytest.mark.skipif(not WRITER, reason="LibreOffice Writer is not installed")
def test_libreoffice_opens_it_as_a4_with_page_numbers(june: Path, tmp_path: Path) -> None:
    profile = tmp_path / "lo-profile"
    subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(june)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "通报.pdf"
    assert pdf.exists()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "595.3" in info and "841.89" in info  # A4 portrait first page
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = text.replace(" ", "").replace("\n", "")
    for words in ("关于2023年上半年工作任务推进情况的通报", "一、总体情况", "占57.9%", "附件", "2023年上半年工作任务推进情况表"):
        assert words in flat, words
    numbers = re.findall(r"—\s*(\d+)\s*—", text)
    assert numbers[:2] == ["1", "2"] and numbers == [str(n) for n in range(1, len(numbers) + 1)]

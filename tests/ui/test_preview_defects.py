"""Import preview defects of issue 16: split from what the clerk sees, merge titles offered, re-picking the
section keeps the edits (or asks), and the same report as .txt and .docx is caught by its plan."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop.services.parser_pool import parse_files
from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from desktop.ui.dialogs.merge_title import MergeTitleDialog, joined
from desktop.ui.dialogs.split_dialog import SplitDialog
from tests.ui.conftest import SEEDS
from tests.ui.test_section_picker import TWO_PLANS


@pytest.fixture
def seed_dialog(qtbot) -> ImportPreviewDialog:  # noqa: ANN001
    dlg = ImportPreviewDialog(parse_files([str(SEEDS[0])]))
    qtbot.addWidget(dlg)
    return dlg


def _all_titles(dlg: ImportPreviewDialog) -> list[str]:
    m = dlg.model
    out = []
    for r in range(m.rowCount()):
        item = m.index(r, 0)
        out.append(m.node(item).title)
        out += [m.node(m.index(c, 0, item)).title for c in range(m.rowCount(item))]
    return out


def test_split_starts_from_the_renamed_title(seed_dialog, monkeypatch) -> None:  # noqa: ANN001
    dlg, m = seed_dialog, seed_dialog.model
    measure = m.index(0, 0, m.index(0, 0))
    m.rename(measure, "第一件事；第二件事")
    offered: list[str] = []
    monkeypatch.setattr(SplitDialog, "ask", classmethod(lambda c, p, text: offered.append(text) or ["第一件事", "第二件事"]))
    dlg.select([measure])
    dlg.split_selected()
    assert offered == ["第一件事；第二件事"]
    assert [m.node(m.index(r, 0, m.index(0, 0))).title for r in range(2)] == ["第一件事", "第二件事"]


def test_splitting_an_item_does_not_repeat_its_measures(seed_dialog, monkeypatch) -> None:  # noqa: ANN001
    dlg, m = seed_dialog, seed_dialog.model
    item = m.index(0, 0)
    node = m.node(item)
    measures = [c.title for c in node.children]
    offered: list[str] = []

    def ask(cls, parent, text):  # noqa: ANN001, ANN202
        offered.append(text)
        return SplitDialog(text, parent).parts()  # what the dialog pre-fills, taken as it is

    monkeypatch.setattr(SplitDialog, "ask", classmethod(ask))
    dlg.select([item])
    dlg.split_selected()
    assert offered == [node.title]  # the item's own heading, not its body (the measures' sentences)
    titles = _all_titles(dlg)
    for title in measures:
        assert titles.count(title) == 1, title  # each measure is still there once, not also as a new item


def test_merge_offers_both_titles_and_keeps_the_chosen_one(seed_dialog, monkeypatch) -> None:  # noqa: ANN001
    dlg, m = seed_dialog, seed_dialog.model
    first, second = m.node(m.index(0, 0)).title, m.node(m.index(1, 0)).title
    offered: list[list[str]] = []
    monkeypatch.setattr(MergeTitleDialog, "ask", classmethod(lambda c, p, titles: offered.append(titles) or titles[1]))
    dlg.select([m.index(0, 0), m.index(1, 0)])
    dlg.merge_selected()
    assert offered == [[first, second]]
    assert m.node(m.index(0, 0)).title == second
    assert joined(["甲。", "乙"]) == "甲；乙"
    # cancelling the question merges nothing
    monkeypatch.setattr(MergeTitleDialog, "ask", classmethod(lambda c, p, titles: None))
    rows = m.rowCount()
    dlg.select([m.index(0, 0), m.index(1, 0)])
    dlg.merge_selected()
    assert m.rowCount() == rows


def _two_plans_dialog(qtbot, tmp_path: Path) -> ImportPreviewDialog:  # noqa: ANN001
    path = tmp_path / "报告.txt"
    path.write_text(TWO_PLANS, encoding="utf-8")
    dlg = ImportPreviewDialog(parse_files([str(path)]))
    qtbot.addWidget(dlg)
    return dlg


def test_repicking_the_section_keeps_renames_and_deletions(qtbot, tmp_path, messages) -> None:  # noqa: ANN001
    dlg = _two_plans_dialog(qtbot, tmp_path)
    first = dlg.state.parsed.plan.section.heading
    other = next(h for h in ("二、下半年工作安排", "三、2025年工作设想") if h != first)
    m = dlg.model
    kept_title = m.node(m.index(0, 0)).title
    m.rename(m.index(0, 0), "改过的名字")
    dlg.select([m.index(1, 0)])
    dlg.delete_selected()
    # both sections taken together: the items of the first are extracted again and find their edits
    with qtbot.waitSignal(dlg.plan_reextracted, timeout=10000):
        dlg.pick_sections([first, other])
    titles = _all_titles(dlg)
    assert "改过的名字" in titles and kept_title not in titles
    assert dlg.model.rowCount() == 3  # 2 + 2 items, one deleted in the preview stays deleted
    assert "已保留 2 处" in dlg.summary.text() and "找不到" not in dlg.summary.text()
    assert not messages  # nothing to ask: every edit could be kept
    # the other section alone: the edited rows are not in it, and the preview says so
    with qtbot.waitSignal(dlg.plan_reextracted, timeout=10000):
        dlg.pick_sections([other])
    assert "2 处在新的计划中找不到对应的行" in dlg.summary.text()


def test_repicking_after_a_merge_asks_first(qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from desktop.ui.errors import Messages

    dlg = _two_plans_dialog(qtbot, tmp_path)
    other = next(h for h in ("二、下半年工作安排", "三、2025年工作设想") if h != dlg.state.parsed.plan.section.heading)
    m = dlg.model
    monkeypatch.setattr(MergeTitleDialog, "ask", classmethod(lambda c, p, titles: titles[0]))
    dlg.select([m.index(0, 0), m.index(1, 0)])
    dlg.merge_selected()
    asked: list[str] = []
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda c, p, title, text: asked.append(text) or False))
    dlg.pick_section(other)
    assert asked and "合并和拆分" in asked[0]
    assert not dlg.state.reextracting and dlg.model.rowCount() == 1  # declined: the merged preview stays


def _docx_copy(src: Path, dest: Path) -> Path:
    """The same report as a Word file (one paragraph a line)."""
    d = docx.Document()
    for line in src.read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(str(dest))
    return dest


def test_same_report_as_docx_is_caught_by_its_plan(qtbot, window, seeded, tmp_path, monkeypatch, messages) -> None:  # noqa: ANN001
    from desktop.ui.errors import Messages

    copy = _docx_copy(SEEDS[0], tmp_path / "同一份报告.docx")  # SEEDS[0] is imported by the fixture as .txt
    monkeypatch.setattr(ImportPreviewDialog, "review",
                        classmethod(lambda cls, parent, parsed: ImportPreviewDialog(parsed, parent).confirmed_plans()))
    asked: list[str] = []
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda c, p, title, text: asked.append(text) or False))
    count = len(seeded.list_reports())
    with qtbot.waitSignal(window.import_finished, timeout=20000) as blocker:
        window.import_files([str(copy)])
    (_name, result), = blocker.args[0]
    assert isinstance(result, Exception) and "计划相同" in str(result)
    assert asked and "同一份报告.docx" in asked[0] and "计划与已导入的" in asked[0]
    assert len(seeded.list_reports()) == count
    assert messages and "没有导入" in messages[0]
    messages.clear()


def test_plan_fingerprint_within_one_batch_and_unlike_plans(seeded, tmp_path) -> None:  # noqa: ANN001
    from desktop.services.importing import ConfirmedPlan, SamePlanError, save_plans

    parsed = parse_files([str(SEEDS[3]), str(_docx_copy(SEEDS[3], tmp_path / "副本.docx")), str(SEEDS[4])])
    plans = [ConfirmedPlan(p.name, p.plan, p.doc) for p in parsed]
    results = save_plans(seeded, plans, who="测试")
    assert not isinstance(results[0][1], Exception)
    assert isinstance(results[1][1], SamePlanError)  # the .docx of the report saved just before
    assert not isinstance(results[2][1], Exception)  # another report is not taken for it
    again = save_plans(seeded, [ConfirmedPlan(parsed[1].name, parsed[1].plan, parsed[1].doc, allow_duplicate=True)],
                       who="测试")
    assert not isinstance(again[0][1], Exception)

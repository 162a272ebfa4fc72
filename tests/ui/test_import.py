"""Import: background parsing, a preview whose edits reach the store exactly, failing files beside good ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from desktop.ui.dialogs.merge_title import MergeTitleDialog
from desktop.ui.dialogs.split_dialog import SplitDialog
from desktop.services.parser_pool import parse_files
from desktop.ui.models.plan_edit import PlanEditModel
from tests.ui.conftest import SEEDS

NO_PLAN = ("2024年上半年工作总结\n一、工作回顾\n（一）抓好学习。开展集中学习。\n二、存在的问题\n（一）学习不深。个别同志学习不够。\n"
           "三、其他事项\n（一）开展调研。形成调研报告。\n（二）完善制度。出台管理办法。\n")  # nothing reads as a plan


def _shown(model: PlanEditModel) -> list[tuple[int, str, str]]:
    """(depth, label, title) of every row as the preview shows it, pre-order."""
    out = []
    for r in range(model.rowCount()):
        item = model.index(r, 0)
        node = model.node(item)
        out.append((0, node.label, node.title))
        for c in range(model.rowCount(item)):
            child = model.node(model.index(c, 0, item))
            out.append((1, child.label, child.title))
    return out


def _stored(store, report_id: int) -> list[tuple[int, str, str]]:  # noqa: ANN001
    return [(r.depth, r.label, r.title) for r in store.item_tree(report_id)]


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    """Two good seeds, an empty file, a broken .docx and a report whose plan heading is unusual."""
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    odd = tmp_path / "其他安排.txt"
    odd.write_text(NO_PLAN, encoding="gb18030")
    return [str(SEEDS[0]), str(empty), str(broken), str(SEEDS[2]), str(odd)]


def test_parse_files_reports_each_failure_in_chinese(files) -> None:
    parsed = parse_files(files)
    assert [p.plan is not None for p in parsed] == [True, False, False, True, False]
    assert "空白.txt" in parsed[1].error
    assert "损坏.docx" in parsed[2].error
    assert parsed[4].headings == ("一、工作回顾", "二、存在的问题", "三、其他事项")
    assert "计划部分" in parsed[4].error  # tells the clerk where to pick the section
    for p in parsed[1:3]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in p.error)


def test_preview_edits_end_up_in_store_exactly(qtbot, window, seeded, files, monkeypatch, qtmodeltester) -> None:
    expected: dict[str, list[tuple[int, str, str]]] = {}

    def review(cls, parent, parsed):  # noqa: ANN001, ANN202
        dlg = ImportPreviewDialog(parsed, parent)
        qtbot.addWidget(dlg)
        # failing files are listed with their reason and cannot be ticked
        dlg.show_file(1)
        assert dlg.stack.currentWidget() is dlg.error_label and "空白.txt" in dlg.error_label.text()
        # file 0 (seed 000): rename, merge two measures, split one, delete one, change the year
        dlg.show_file(0)
        m = dlg.model
        qtmodeltester.check(m)
        item0 = m.index(0, 0)
        m.rename(m.index(0, 0, item0), "强化政治历练（改名）")
        dlg.select([m.index(1, 0, item0), m.index(2, 0, item0)])
        monkeypatch.setattr(MergeTitleDialog, "ask", classmethod(lambda c, p, titles: titles[0]))
        dlg.merge_selected()
        assert m.rowCount(m.index(0, 0)) == 2
        monkeypatch.setattr(SplitDialog, "ask", classmethod(lambda c, p, text: ["第一部分。", "第二部分。", "第三部分。"]))
        dlg.select([m.index(0, 0, m.index(1, 0))])
        dlg.split_selected()
        assert m.rowCount(m.index(1, 0)) == 5 + 2
        dlg.select([m.index(2, 0)])
        dlg.delete_selected()
        assert m.rowCount() == 2
        dlg.set_year(2023)
        dlg.title_edit.setText("改过的标题")
        dlg.title_edit.textEdited.emit("改过的标题")
        qtmodeltester.check(m)
        expected["000"] = _shown(m)
        # file 4: no plan found; the picker is open with the level-1 headings, pick one
        dlg.show_file(4)
        assert dlg.pick_button.isChecked() and not dlg.picker.isHidden()
        assert {"一、工作回顾", "二、存在的问题", "三、其他事项"} <= set(dlg.picker.headings())
        with qtbot.waitSignal(dlg.plan_reextracted, timeout=10000):
            dlg.pick_section("三、其他事项")
        assert dlg.stack.currentWidget() is dlg.tree and dlg.model.rowCount() == 2
        expected["odd"] = _shown(dlg.model)
        # file 3 (seed 002) is left out by the clerk
        dlg.set_included(3, False)
        plans = dlg.confirmed_plans()
        assert [p.name for p in plans] == [Path(files[0]).name, Path(files[4]).name]
        return plans

    monkeypatch.setattr(ImportPreviewDialog, "review", classmethod(review))
    seed0 = next(r for r in seeded.list_reports() if r.source_name == Path(files[0]).name)
    with qtbot.waitSignal(window.reports_loaded, timeout=10000):
        seeded.delete_report(seed0.id)  # so seed 000 is a new file again
        window.reload_reports()
    before = {r.id for r in seeded.list_reports()}
    with qtbot.waitSignal(window.import_finished, timeout=20000) as blocker:
        window.import_files(files)
    results = blocker.args[0]
    assert all(not isinstance(r, Exception) for _n, r in results), results
    new = [r for r in seeded.list_reports() if r.id not in before]
    assert len(new) == 2
    by_name = {r.source_name: r for r in new}
    rep0 = by_name[Path(files[0]).name]
    assert rep0.title == "改过的标题" and rep0.year == 2023
    assert _stored(seeded, rep0.id) == expected["000"]
    assert any(t == "强化政治历练（改名）" for _d, _l, t in expected["000"])
    assert [t for _d, _l, t in expected["000"]].count("第二部分") == 1
    rows = seeded.item_tree(rep0.id)
    assert all(r.due is None or r.due.year == 2023 for r in rows)
    odd = by_name[Path(files[4]).name]
    assert _stored(seeded, odd.id) == expected["odd"] and odd.heading == "三、其他事项"
    qtbot.waitUntil(lambda: window.report_id == rep0.id or window.report_id in {r.id for r in new},
                    timeout=10000)


def test_cancelled_preview_saves_nothing(qtbot, window, seeded, monkeypatch) -> None:
    monkeypatch.setattr(ImportPreviewDialog, "review", classmethod(lambda cls, parent, parsed: None))
    before = len(seeded.list_reports())
    with qtbot.waitSignal(window.import_finished, timeout=20000):
        window.import_files([str(SEEDS[3])])
    assert len(seeded.list_reports()) == before


def test_duplicate_file_asks_before_importing_again(qtbot, window, seeded, monkeypatch, messages) -> None:
    from desktop.ui.errors import Messages

    asked: list[str] = []
    monkeypatch.setattr(ImportPreviewDialog, "review",
                        classmethod(lambda cls, parent, parsed: ImportPreviewDialog(parsed, parent).confirmed_plans()))
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, parent, title, text: asked.append(text) or False))
    with qtbot.waitSignal(window.import_finished, timeout=20000) as blocker:
        window.import_files([str(SEEDS[0])])  # already imported by the fixture
    (_name, result), = blocker.args[0]
    assert isinstance(result, Exception) and asked and "已经导入过" in asked[0]
    assert messages and "没有导入" in messages[0]  # the skipped file is named once more at the end
    messages.clear()
    count = len(seeded.list_reports())
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, parent, title, text: True))
    with qtbot.waitSignal(window.import_finished, timeout=20000) as blocker:
        window.import_files([str(SEEDS[0])])
    (_name, result), = blocker.args[0]
    assert not isinstance(result, Exception)
    assert len(seeded.list_reports()) == count + 1


def test_plan_edit_relabels_after_delete(qtmodeltester) -> None:
    from desktop.core.extract import extract_plan
    from desktop.core.reports import read_report

    plan = extract_plan(read_report(SEEDS[0]))
    m = PlanEditModel()
    m.set_plan(plan)
    qtmodeltester.check(m)
    labels = [m.node(m.index(r, 0)).label for r in range(m.rowCount())]
    m.delete([m.index(0, 0)])
    assert [m.node(m.index(r, 0)).label for r in range(m.rowCount())] == labels[:-1]
    assert m.to_plan(plan, title="t", year=plan.year).measure_count == m.measure_count()

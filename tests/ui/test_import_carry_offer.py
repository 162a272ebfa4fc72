"""Importing the same office's next plan: the preview offers the previous plan's unfinished measures, and the
ones the clerk keeps ticked are carried into the new report (linked to their origins)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.api import ItemFilter, Status
from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from tests.ui.conftest import SEEDS


def _next_plan(tmp_path: Path) -> Path:
    """Seed 001 (*委组织部) written a year later: the same office's next plan, naming the same measures again."""
    text = SEEDS[1].read_text(encoding="utf-8").replace("2023年", "2024年")
    path = tmp_path / "2024年工作总结.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_preview_offers_and_carries_the_ticked_measures(qtbot: Any, window: Any, seeded: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    previous = next(r for r in seeded.list_reports() if r.source_name == SEEDS[1].name)
    done = seeded.items(ItemFilter(report_ids=(previous.id,), measures_only=True))[0]
    seeded.update_item(done.id, {"status": Status.DONE.value}, expected_version=done.version, who="测试")
    open_ids = [m.id for m in seeded.items(ItemFilter(report_ids=(previous.id,), measures_only=True))
                if m.id != done.id]
    seen: dict[str, Any] = {}

    def review(cls: Any, parent: Any, files: Any) -> Any:
        d = cls(files, parent)
        qtbot.waitUntil(lambda: d.carry_panel.isVisibleTo(d), timeout=10000)
        panel = d.carry_panel
        seen["label"] = panel.label.text()
        seen["ids"] = [panel.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(panel.list.count())]
        seen["ticked"] = sorted(panel.chosen())
        seen["texts"] = [panel.list.item(n).text() for n in range(panel.list.count())]
        assert not panel.take.isChecked() and not panel.list.isEnabled()  # offered, not done unasked
        panel.take.setChecked(True)
        for n in range(2):  # two that the new plan seems to name again: the clerk wants them all the same
            panel.list.item(n).setCheckState(Qt.CheckState.Checked)
        panel.list.item(2).setCheckState(Qt.CheckState.Unchecked)
        seen["wanted"] = sorted(panel.chosen())
        return d.confirmed_plans()

    monkeypatch.setattr(ImportPreviewDialog, "review", classmethod(review))
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.import_files([str(_next_plan(tmp_path))])
    [(_name, result)] = blocker.args[0]
    assert not isinstance(result, Exception)
    assert seen["label"] == (f"同一单位（*委组织部）的上一份计划《{previous.title}》还有 {len(open_ids)} 项未完成的措施。")
    assert seen["ids"] == open_ids  # the done one is not offered
    # the new plan repeats seed 001's measures word for word: each is marked and left unticked
    assert all(t.endswith("（新计划中似已列出）") for t in seen["texts"]) and seen["ticked"] == []
    copies = seeded.items(ItemFilter(report_ids=(result.report_id,), measures_only=True))
    origins = seeded.origins(report_ids=[result.report_id])
    carried = sorted(origins[c.id].item_id for c in copies if c.id in origins)
    assert carried == seen["wanted"] and len(carried) == 2
    assert "已结转上期未完成措施 2 项" in window.statusBar().currentMessage()


def test_no_offer_for_another_office(qtbot: Any, window: Any, seeded: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[int] = []

    def review(cls: Any, parent: Any, files: Any) -> Any:
        d = cls(files, parent)
        d.offers_shown.connect(offered.append)
        qtbot.waitUntil(lambda: bool(offered), timeout=10000)
        assert not d.carry_panel.isVisibleTo(d)
        return d.confirmed_plans()

    monkeypatch.setattr(ImportPreviewDialog, "review", classmethod(review))
    with qtbot.waitSignal(window.import_finished, timeout=30000) as blocker:
        window.import_files([str(SEEDS[4])])  # **市委组织部: no earlier plan of that office
    assert offered == [0]
    [(_name, result)] = blocker.args[0]
    assert not seeded.origins(report_ids=[result.report_id])

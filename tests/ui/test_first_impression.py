"""First impression (issue 16 item 5): what a new user sees on the first screen and in the first week."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QTextBrowser, QToolTip

from desktop.data_dirs import resources_dir
from desktop.ui.models.item_tree import Column, RowRole
from desktop.ui.models.report_list import ALL_REPORTS
from tests.ui.helpers import first_measure, idle


def test_sample_hint_says_plainly_why_everything_is_red(qtbot, window) -> None:  # noqa: ANN001
    from desktop.ui.report_actions import sample_hint

    text = sample_hint(window)
    assert "往年" in text and "红色" in text and "逾期" in text and "删除示例报告" in text and "使用说明" in text


def test_first_start_loads_samples_and_shows_the_hint(qtbot, store, settings, tmp_path) -> None:  # noqa: ANN001
    from desktop.data_dirs import seeds_dir
    from desktop.ui.main_window import MainWindow

    w = MainWindow(store, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.offer_samples(seeds_dir())
    w.start()
    qtbot.waitUntil(lambda: w.hint.isVisible() and len(w.report_model.reports()) == 5, timeout=20000)
    assert "往年" in w.hint.text()
    assert w.size().width() == 1280 and w.size().height() == 780  # the default size the other checks use


def test_report_names_cut_in_the_list_have_the_whole_title_as_tooltip(qtbot, window) -> None:  # noqa: ANN001
    view, model = window.views.report_view, window.report_model
    shown = 0
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            idx = model.index(r, 0, group)
            rect = view.visualRect(idx)
            QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, rect.center(),
                                                               view.viewport().mapToGlobal(rect.center())))
            title = idx.data().removeprefix("[示例] ")
            assert QToolTip.text().startswith(title), (title, QToolTip.text())
            QToolTip.hideText()
            shown += 1
    assert shown == 2


def test_last_update_shows_the_year_and_the_time_in_its_tooltip(window) -> None:  # noqa: ANN001
    model = window.tree_model
    idx = model.index(0, Column.UPDATED)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", idx.data())
    from PySide6.QtCore import Qt

    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", idx.data(Qt.ItemDataRole.ToolTipRole))


def test_all_reports_view_names_the_report_of_each_row(qtbot, window, seeded) -> None:  # noqa: ANN001
    assert window.tree.isColumnHidden(Column.REPORT)  # one report's tree needs no such column
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.select_report(ALL_REPORTS)
    table, model = window.table, window.flat_model
    assert not table.isColumnHidden(Column.REPORT)
    assert model.headerData(Column.REPORT, table.horizontalHeader().orientation()) == "报告"
    assert table.horizontalHeader().visualIndex(Column.REPORT) == 1  # beside the title
    titles = {r.id: r.title for r in seeded.list_reports()}
    seen = set()
    for row in range(model.rowCount()):
        r = model.index(row, 0).data(RowRole)
        shown = model.index(row, Column.REPORT).data()
        assert shown == titles[r.report_id]
        seen.add(shown)
    assert len(seen) == 2
    table.sortByColumn(Column.REPORT, table.horizontalHeader().sortIndicatorOrder())  # sortable without error


def test_undo_history_is_a_styled_child_dialog_placed_by_the_window(qtbot, window) -> None:  # noqa: ANN001
    window.move(100, 60)
    window.show_undo_history()
    view = window._undo_view_window  # noqa: SLF001
    dialog = view.window()
    assert isinstance(dialog, QDialog) and dialog.parent() is window and dialog.objectName() == "undoHistory"
    assert dialog.windowTitle() == "撤销历史" and dialog.isVisible()
    assert window.frameGeometry().contains(dialog.geometry().topLeft())  # not at the screen's corner
    assert any(isinstance(b, QAbstractButton) and b.text() == "关闭" for b in dialog.findChildren(QAbstractButton))
    qss = (resources_dir() / "styles" / "light.qss").read_text(encoding="utf-8")
    assert "QMainWindow, QDialog {" in qss  # a dialog gets the window's look (a bare list window did not)


def test_change_history_in_the_detail_pane_has_room(qtbot, window) -> None:  # noqa: ANN001
    m = first_measure(window, done=False)
    assert window.request_changes(m.id, {"note": "很长的进展情况，" * 8}, "修改进展情况")
    idle(qtbot, window)
    window.select_item(m.id)
    pane = window.detail
    qtbot.waitUntil(lambda: pane.history_model.rowCount() > 0, timeout=10000)
    table = pane._history  # noqa: SLF001
    assert table.wordWrap() and pane._tabs.minimumHeight() >= 260  # noqa: SLF001


def test_the_legend_says_what_the_dots_mean_and_follows_the_rule(qtbot, window, seeded) -> None:  # noqa: ANN001
    legend = window.settings_room.legend
    qtbot.waitUntil(lambda: "15 天内到期" in legend.text(), timeout=10000)
    assert legend.isVisible() and "逾期未完成" in legend.text() and legend.text().count("●") == 3
    window.set_light_rule("schedule")
    assert "序时进度" in legend.text() and "超过 30 点" in legend.text()


def _cut_texts(window) -> list[str]:  # noqa: ANN001
    """Column titles and filter choices narrower than their text, and hint lines taller than their label."""
    from PySide6.QtWidgets import QComboBox

    cut = []
    for view in (window.tree, window.table):
        header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
        metrics = header.fontMetrics()
        for col in range(header.count()):
            if header.isSectionHidden(col) or col == Column.TASK:  # the titles stretch; long ones have tooltips
                continue
            text = str(header.model().headerData(col, header.orientation()))
            if header.sectionSize(col) < metrics.horizontalAdvance(text) + 12:
                cut.append(text)
    for combo in window.filter_bar.findChildren(QComboBox):
        if combo.isVisible() and combo.width() < combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30:
            cut.append(combo.currentText())
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.heightForWidth(label.width()) > label.height() + 1:
            cut.append(label.text()[:20])
    return cut


def test_nothing_is_cut_at_the_default_size(qtbot, window) -> None:  # noqa: ANN001
    """At 1280×780 the column titles, the filter choices and the hint read in full."""
    window.show_hint("这些是示例报告。" * 12)
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.select_report(ALL_REPORTS)  # the all-reports table has the most columns
    qtbot.wait(50)
    assert _cut_texts(window) == []
    window.table.setColumnWidth(Column.DUE, 30)  # the check does see a title cut
    assert "完成时限" in _cut_texts(window)


def test_the_guide_walks_through_import_tick_export_merge_with_pictures(qtbot, window) -> None:  # noqa: ANN001
    from desktop.ui.dialogs.guide import GuideDialog

    assert window.window_actions.guide in window.menuBar().actions()[-1].menu().actions()
    window.window_actions.guide.trigger()
    dlg = window.findChild(GuideDialog)
    assert dlg is not None and dlg.isVisible()
    html = Path(resources_dir(), "help", "guide.html").read_text(encoding="utf-8")
    steps = [html.index(word) for word in ("第一步　导入报告", "第二步　逐条勾选", "第三步　导出台账", "第四步　合并各单位")]
    assert steps == sorted(steps)
    images = re.findall(r'<img src="([^"]+)"', html)
    assert len(images) == 4
    for name in images:
        assert (resources_dir() / "help" / name).is_file(), name
    browser = dlg.findChild(QTextBrowser)
    doc = browser.document()
    for name in images:  # the browser found each picture (an empty image is a broken link)
        image = doc.resource(doc.ResourceType.ImageResource, browser.source().resolved(name))
        assert image is not None and not image.isNull(), name

"""Take the README screenshots from a real window: `xvfb-run -a -s "-screen 0 1280x800x24" python -m tests.ui.make_screenshots`."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from db.store import Store
    from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def main() -> int:
    """Seeds in a temp database, the main window with a measure selected, the detail pane, the import preview."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from desktop.services.samples import import_samples
    from db.store import open_store
    from desktop.ui.app import make_app
    from desktop.services.parser_pool import parse_files
    from desktop.ui.dialogs.import_preview import ImportPreviewDialog
    from desktop.ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="halfyear-shots-"))
    app = make_app([])
    store = open_store(f"sqlite:///{tmp / 'h.db'}")
    import_samples(store, ROOT / "seeds")
    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings=settings)
    w.resize(1280, 760)
    w.show()
    loop = QEventLoop()
    w.tree_loaded.connect(loop.quit)
    w.start()
    loop.exec()

    def settle(ms: int = 300) -> None:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def written() -> None:  # edits are written in the background: wait for the store's answers
        while w.jobs.busy:
            settle(20)

    # a measure with some history, so the detail pane shows edits
    rows = [r for r in w.item_model.loaded_rows() if r.is_measure and r.parent_id is not None]
    for r in rows[:2]:
        w.tick(r.id, True)
    target = rows[3]
    w.request_changes(target.id, {"lead_unit": "干部科", "owner": "李明", "note": "已完成第一轮走访，形成问题清单 12 条。"},
                      "填写")
    written()
    w.request_changes(target.id, {"status": "推进中"}, "修改状态")
    written()
    w.select_item(target.id)
    from desktop.ui.report_actions import sample_hint

    w.show_hint(sample_hint(w))
    settle(600)
    DOCS.mkdir(exist_ok=True)
    w.grab().save(str(DOCS / "screenshot-main.png"))
    w.detail.grab().save(str(DOCS / "screenshot-detail.png"))
    _guide_image(w.grab(), "guide-tick.png")

    from desktop.ui.models.report_list import ALL_REPORTS

    w.select_report(ALL_REPORTS)
    w.tree_loaded.connect(loop.quit)
    loop.exec()
    w.filter_bar.search.setText("干部")
    settle(400)
    w.grab().save(str(DOCS / "screenshot-all-reports.png"))
    w.filter_bar.clear()

    from tests.ui.test_section_picker import TWO_PLANS

    bad = tmp / "空白报告.txt"
    bad.write_bytes(b"")
    unsure = tmp / "**镇2024年上半年工作总结.txt"
    unsure.write_text(TWO_PLANS, encoding="utf-8")
    files = parse_files([str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))[:3]] + [str(bad), str(unsure)])
    dlg = ImportPreviewDialog(files, w)
    dlg.show()
    settle(400)
    dlg.grab().save(str(DOCS / "screenshot-import.png"))
    _guide_image(dlg.grab(), "guide-import.png")
    dlg.show_file(3)
    settle(300)
    dlg.grab().save(str(DOCS / "screenshot-import-error.png"))
    dlg.show_file(4)
    settle(300)
    dlg.grab().save(str(DOCS / "screenshot-import-picker.png"))
    dlg.close()
    _merge_preview(w, store, tmp, settle)
    _settings_dialog(w, settle)
    _undo_history(w, settle)
    _guide(w, settle)
    w.close()
    store.close()
    _first_start(tmp, settle)
    from PySide6.QtGui import QPixmap

    _guide_image(QPixmap(str(DOCS / "ledger-print.png")), "guide-export.png")
    review_shots(tmp)
    print("screenshots written to", DOCS, "and", HELP)
    return 0


HELP = ROOT / "resources" / "help"


def _guide_image(pixmap: QPixmap, name: str, width: int = 620) -> None:
    """A smaller copy for the 使用说明 (resources/help/ ships in the wheel and the bundle)."""
    from PySide6.QtCore import Qt

    HELP.mkdir(parents=True, exist_ok=True)
    pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).save(str(HELP / name))


def _merge_preview(w: MainWindow, store: Store, tmp: Path, settle: Callable[[int], None]) -> None:
    """A unit's filled-in ledger with changes and a conflict, as the merge preview shows it."""
    from desktop.services.export import export_ledger
    from desktop.services.merge import preview_merge
    from desktop.ui.dialogs.merge_preview import MergePreviewDialog
    from tests.services.test_merge import Sheet

    rows = [r for r in store.item_tree(store.list_reports()[0].id) if r.is_measure and r.parent_id is not None]
    path = export_ledger(store, tmp / "组织科回报.xlsx", report_ids=[rows[0].report_id]).path
    fresh = store.get_item(rows[5].id)
    store.update_item(fresh.id, {"note": "程序中记录：已召开专题会"}, expected_version=fresh.version, who="文秘")
    sheet = Sheet(path)
    sheet.set(rows[5].uuid, "进展情况", "组织科：已完成专题调研")
    sheet.set(rows[6].uuid, "完成状态", "已完成")
    sheet.set(rows[6].uuid, "责任人", "王**")
    sheet.set(rows[7].uuid, "进展情况", "已召开推进会，形成工作方案")
    sheet.save()
    dlg = MergePreviewDialog(preview_merge(store, path), w)
    dlg.show()
    settle(400)
    dlg.grab().save(str(DOCS / "screenshot-merge.png"))
    _guide_image(dlg.grab(), "guide-merge.png")
    dlg.close()


def _settings_dialog(w: MainWindow, settle: Callable[[int], None]) -> None:
    from desktop.services.tracking import current_user
    from desktop.ui.dialogs.settings import SettingsDialog, SettingsValues

    values = SettingsValues(units=("办公室", "组织科", "宣传科", "统战科", "干部科", "组织员办公室"))
    dlg = SettingsDialog(values, login=current_user(), default_database="/home/文秘/.local/share/halfyear/halfyear.db",
                         is_server=False, jobs=w.jobs, parent=w)
    dlg.show()
    settle(400)
    dlg.grab().save(str(DOCS / "screenshot-settings.png"))
    dlg.close()


def _undo_history(w: MainWindow, settle: Callable[[int], None]) -> None:
    w.show_undo_history()
    settle(400)
    assert w._undo_view_window is not None  # noqa: SLF001
    w._undo_view_window.window().grab().save(str(DOCS / "screenshot-undo-history.png"))  # noqa: SLF001
    w._undo_view_window.window().close()  # noqa: SLF001


def _guide(w: MainWindow, settle: Callable[[int], None]) -> None:
    w.show_guide()
    settle(600)
    from desktop.ui.dialogs.guide import GuideDialog

    dlg = w.findChild(GuideDialog)
    dlg.grab().save(str(DOCS / "screenshot-guide.png"))
    dlg.close()


def _first_start(tmp: Path, settle: Callable[[int], None]) -> None:
    """A new database at the default size: the samples loaded as on a clerk's first start."""
    from PySide6.QtCore import QSettings

    from db.store import open_store
    from desktop.data_dirs import seeds_dir
    from desktop.ui.main_window import MainWindow

    store = open_store(f"sqlite:///{tmp / 'first.db'}")
    settings = QSettings(str(tmp / "first.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings=settings)  # 1280×780, the size of a first start
    w.show()
    w.offer_samples(seeds_dir())
    w.start()
    settle(2500)
    w.grab().save(str(DOCS / "screenshot-first-start.png"))
    w.close()
    store.close()


def review_shots(tmp: Path) -> None:
    """The 对账 view and the export dialog over the scripted year of tests/services/year_history.py."""
    from datetime import date

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from db.store import open_store
    from desktop.ui.app import make_app
    from desktop.ui.dialogs.export_dialog import ExportChoices, ExportDialog
    from desktop.ui.main_window import MainWindow
    from tests.services.year_history import scripted_year

    app = QApplication.instance() or make_app([])
    store = open_store(f"sqlite:///{tmp / 'year.db'}")
    year = scripted_year(store)
    settings = QSettings(str(tmp / "year.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings=settings)
    w.resize(1280, 760)
    w.show()
    loop = QEventLoop()
    w.reports_loaded.connect(loop.quit)
    w.start()
    loop.exec()

    def settle(ms: int = 300) -> None:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    room = w.review_room
    room.review_shown.connect(loop.quit)
    d = room.open()
    loop.exec()
    d.choose_year(2023)
    d.set_as_of(date(2023, 12, 31), date(2023, 6, 30))
    d.ask_now()
    loop.exec()
    d.resize(1240, 760)
    settle(400)
    d.grab().save(str(DOCS / "screenshot-review.png"))
    d.tabs.setCurrentIndex(1)
    settle(200)
    d.grab().save(str(DOCS / "screenshot-review-problems.png"))
    d.close()
    e = ExportDialog(ExportChoices(report_ids=(year.a, year.b), as_of=date(2023, 6, 30),
                                   reconcile_dates=(date(2023, 6, 30), date(2023, 12, 31)), scope="所选的 2 份报告"),
                     units=w.known_units() or ["组织科", "干部科", "人才办"], settings=settings, parent=w)
    e.show()
    settle(300)
    e.grab().save(str(DOCS / "screenshot-export.png"))
    e.close()
    w.close()
    notice_pages(store, tmp)
    store.close()
    app.processEvents()


def notice_pages(store: object, tmp: Path) -> None:
    """The 督查通报 draft of 2023 at 12/31 against 6/30 as PNGs (first page, 附件 page), via LibreOffice and poppler."""
    import shutil
    import subprocess
    from datetime import date

    from desktop.core.notice_docx import write_notice
    from desktop.services.review import build_review

    if not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("pdftotext")):
        print("soffice/pdftoppm missing: the 通报 pages are not rendered")
        return
    review = build_review(store, as_of=date(2023, 12, 31), year=2023, compare=date(2023, 6, 30),  # type: ignore[arg-type]
                          rule="deadline")
    docx = write_notice(tmp / "notice.docx", review, issuer="中共**县委组织部")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx)], check=True,
                   capture_output=True, timeout=180)
    pdf = tmp / "notice.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    annex = next(n for n, page in enumerate(pages, 1) if page.lstrip().startswith("附件\n"))
    for page, name in ((1, "notice-page1"), (annex, "notice-annex")):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                        str(DOCS / name)], check=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["review"]:  # only the year-end shots
        review_shots(Path(tempfile.mkdtemp(prefix="halfyear-shots-")))
        sys.exit(0)
    sys.exit(main())

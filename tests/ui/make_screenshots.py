"""Take the README screenshots from a real window: `xvfb-run -a -s "-screen 0 1280x800x24" python -m tests.ui.make_screenshots`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

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
    w.show_hint(w.tr("这些是示例报告，可随意勾选试用。导入自己的报告：按 Ctrl+I 或把文件拖进窗口；"
                     "示例可在“文件 ▸ 删除示例报告”中删除。"))
    settle(600)
    DOCS.mkdir(exist_ok=True)
    w.grab().save(str(DOCS / "screenshot-main.png"))
    w.detail.grab().save(str(DOCS / "screenshot-detail.png"))

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
    dlg.show_file(3)
    settle(300)
    dlg.grab().save(str(DOCS / "screenshot-import-error.png"))
    dlg.show_file(4)
    settle(300)
    dlg.grab().save(str(DOCS / "screenshot-import-picker.png"))
    dlg.close()
    w.close()
    store.close()
    review_shots(tmp)
    print("screenshots written to", DOCS)
    return 0


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

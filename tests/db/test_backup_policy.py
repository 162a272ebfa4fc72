"""The window's backup settings reach the store: another folder, another number kept; the office's units."""

from __future__ import annotations

from pathlib import Path

from db.backup import BackupPolicy, backup_now, list_backups, restore
from db.store import open_store


def test_backups_go_to_the_chosen_folder_and_only_so_many_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "别处的备份"
    url = f"sqlite:///{tmp_path / 'halfyear.db'}"
    policy = BackupPolicy(folder=folder, keep=3)
    with open_store(url, backups=policy) as store:
        daily = list(folder.glob("*-daily.db"))
        assert daily == [] or len(daily) == 1  # a new file has nothing to back up yet
        made = [backup_now(store) for _ in range(5)]
        assert all(p.parent == folder for p in made)
        kept = list_backups(store)
        assert len(kept) == 3 and kept[0] == made[-1]
        assert not (tmp_path / "backups").exists()
    saved = restore(url, made[-1], policy)
    assert saved is not None and saved.parent == folder


def test_office_units_are_shared_through_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'halfyear.db'}"
    with open_store(url) as store:
        assert store.office_units() == []
        assert store.set_office_units([" 组织科", "", "宣传科", "组织科"]) == ["组织科", "宣传科"]
    with open_store(url) as other:  # another clerk's window on the same database
        assert other.office_units() == ["组织科", "宣传科"]


def test_item_titles_on_both_databases(any_store) -> None:  # noqa: ANN001
    """What an import compares a new plan with: each report's title, file hash and items' titles in order."""
    from datetime import date

    from desktop.core.types import Plan, PlanItem, PlanSection

    items = tuple(PlanItem(label=str(n), title=f"第{n}项", text="", due=date(2024, 12, 31)) for n in (1, 2, 3))
    plan = Plan(source="a.txt", title="甲报告", year=2024, section=PlanSection("三、下一步工作打算"), items=items)
    rid = any_store.import_plan(plan, sha256="a" * 64, original_text="")
    empty = any_store.import_plan(Plan(source="b.txt", title="空报告", year=2024, section=PlanSection("三、打算"),
                                       items=()), sha256="b" * 64, original_text="")
    found = any_store.item_titles()
    assert found[rid.report_id] == ("甲报告", "a" * 64, ["第1项", "第2项", "第3项"])
    assert found[empty.report_id] == ("空报告", "b" * 64, [])

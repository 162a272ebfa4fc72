"""The CLI's writes: one store per command, and one retry on fresh data when another writer saved first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.api import Status
from db.store import Store, open_store
from desktop.cli import main
from tests.db.plans import make_plan


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "h.db"
    with open_store(str(path)) as st:
        st.import_plan(make_plan(items=2, measures=2), sha256="b" * 64, original_text="")
    return path


def _measure(db: Path, n: int = 0):  # type: ignore[no-untyped-def]
    with open_store(str(db)) as st:
        return [r for r in st.item_tree(1) if r.is_measure][n]


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [("done", "{m}"), ("status", "{m}", "推进中", "--note", "x"),
                                  ("status", "{m}", "已延期", "--due", "2024-12-31", "--reason", "r"),
                                  ("done", "{item}", "--note", "y")])
def test_a_command_opens_exactly_one_store(db: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> None:
    # a second store on the same file while the first is open is what let SQLite's locks go (issue 13)
    import desktop.cli.store_cmds as cmds

    opened: list[str] = []

    def counting(url: str | None = None, **kw: object) -> Store:
        opened.append(str(url))
        return open_store(url, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(cmds, "open_store", counting)
    m = _measure(db)
    code, _, err = _run(capsys, db, *(a.format(m=m.id, item=m.parent_id) for a in args))
    assert code == 0, err
    assert len(opened) == 1


@pytest.fixture
def rival(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, object]]]:
    """Changes another clerk saves (through a second store) just before each of the CLI's next writes."""
    pending: list[dict[str, object]] = []
    original = Store.update_item
    other = open_store(str(db))

    def racing(self: Store, item_id: int, changes: object, *, expected_version: int, who: str, **kw: object):  # type: ignore[no-untyped-def]
        if pending and self is not other:
            theirs = pending.pop(0)
            row = other.get_item(item_id)
            original(other, item_id, theirs, expected_version=row.version, who="别人")
        return original(self, item_id, changes, expected_version=expected_version, who=who, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "update_item", racing)
    yield pending
    other.close()


def test_a_conflicting_status_change_is_retried_once_on_fresh_data(
        db: Path, capsys: pytest.CaptureFixture[str], rival: list[dict[str, object]]) -> None:
    m = _measure(db)
    rival.append({"owner": "张三"})
    code, out, err = _run(capsys, db, "status", str(m.id), "推进中", "--note", "已召开推进会")
    assert code == 0, err
    assert "未启动 → 推进中" in out and "已按最新内容重新保存" in out
    row = _measure(db)
    assert (row.status, row.note, row.owner) == (Status.IN_PROGRESS, "已召开推进会", "张三")


def test_a_retried_note_is_appended_to_the_note_someone_else_wrote(
        db: Path, capsys: pytest.CaptureFixture[str], rival: list[dict[str, object]]) -> None:
    m = _measure(db)
    rival.append({"note": "别人写的进展"})
    code, out, err = _run(capsys, db, "done", str(m.id), "--note", "我写的进展")
    assert code == 0, err
    row = _measure(db)
    assert row.status is Status.DONE and row.note == "别人写的进展\n我写的进展"


def test_a_retry_that_is_no_longer_needed_writes_nothing(
        db: Path, capsys: pytest.CaptureFixture[str], rival: list[dict[str, object]]) -> None:
    m = _measure(db)
    rival.append({"status": "推进中"})
    code, out, err = _run(capsys, db, "status", str(m.id), "推进中")
    assert code == 0, err
    assert "没有修改" in out
    with open_store(str(db)) as st:
        assert [h.who for h in st.history(m.id)] == ["别人"]


def test_a_retry_that_no_longer_makes_sense_is_refused(
        db: Path, capsys: pytest.CaptureFixture[str], rival: list[dict[str, object]]) -> None:
    with open_store(str(db)) as st:
        m = _measure(db)
        st.set_status(m.id, Status.DONE, expected_version=m.version, who="")
    rival.append({"status": "推进中"})  # set back while we close it: 已办结 needs 已完成 first
    code, out, err = _run(capsys, db, "status", str(m.id), "已办结")
    assert code == 2 and out == "" and "没有做任何修改" in err and len(err.splitlines()) == 1
    assert _measure(db).status is Status.IN_PROGRESS


def test_a_second_conflict_is_told_as_one_and_saves_nothing(
        db: Path, capsys: pytest.CaptureFixture[str], rival: list[dict[str, object]]) -> None:
    m = _measure(db)
    rival.extend([{"owner": "张三"}, {"owner": "李四"}])
    code, out, err = _run(capsys, db, "status", str(m.id), "推进中", "--note", "x")
    assert code == 2 and "同时修改" in err and "重试一次" in err and len(err.splitlines()) == 1
    row = _measure(db)
    assert (row.status, row.note, row.owner) == (Status.NOT_STARTED, "", "李四")


def test_done_with_a_note_on_a_done_measure_keeps_the_note(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = _measure(db)
    assert _run(capsys, db, "done", str(m.id))[0] == 0
    code, out, _ = _run(capsys, db, "done", str(m.id), "--note", "已验收")
    assert code == 0 and "没有修改" not in out
    row = _measure(db)
    assert (row.status, row.note) == (Status.DONE, "已验收")

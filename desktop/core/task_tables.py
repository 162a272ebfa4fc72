"""A plan typed as a table: which column holds the task, its measures, who answers for it and by when.

Offices often write the plan part as a Word table (序号 | 重点任务 | 具体措施 | 责任单位 | 完成时限), the
same shape as the 台账 it becomes. Read cell by cell, such a table is a list of fragments; read by its
header, each row is a task with its measures, unit and deadline. Only the header's words are used, so a
table whose columns are named some other way is left as text.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from enum import Enum

from desktop.core.types import Duty, TaskPart, TaskRow, TaskTable


class Role(Enum):
    """What a table column holds, as far as the plan is concerned."""

    NUMBER = "number"
    TASK = "task"
    MEASURES = "measures"
    LEADER = "leader"
    UNIT = "unit"
    CO_UNITS = "co_units"
    OWNER = "owner"
    DUE = "due"


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell as read: `key` is the same for every row a merged cell spans."""

    key: Hashable
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.paragraphs).strip()


# Checked in this order: a column named for how far the work got (完成情况, 进展) is a report, not a plan
# column; `牵头领导` and `配合单位` are not the unit, while `责任单位及责任人` is.
_ROLE_WORDS: tuple[tuple[Role | None, re.Pattern[str]], ...] = (
    (None, re.compile(r"情况|进展|进度$|成效|备注|说明|得分|评价")),
    (Role.NUMBER, re.compile(r"^(?:序号?|编号|No\.?)$", re.IGNORECASE)),
    (Role.LEADER, re.compile(r"领导")),
    (Role.CO_UNITS, re.compile(r"配合|协办|协同|参与")),
    (Role.UNIT, re.compile(r"单位|部门|科室|处室|股室|主体|牵头")),
    (Role.OWNER, re.compile(r"责任人|负责人|联系人|经办人")),
    (Role.DUE, re.compile(r"时限|时间|期限|节点|日期|时序|进度安排")),
    (Role.MEASURES, re.compile(r"措施|举措|具体|要求|做法|路径|步骤")),
    (Role.TASK, re.compile(r"任务|事项|项目|重点工作|工作名称")),
)
# Named neither way on their own: the task column when none is named so, else the measures column.
_EITHER = re.compile(r"内容|工作|目标|安排|计划")
# The columns that say who answers for a task, and the Duty field each fills
DUTY_FIELDS = {Role.LEADER: "lead_leader", Role.UNIT: "lead_unit", Role.CO_UNITS: "co_units", Role.OWNER: "owner"}
_HEADER_ROWS = 3  # a title row merged over the table may come before the header
_SPACES = re.compile(r"\s+")
_LABEL = re.compile(r"^[(（]?[0-9一二三四五六七八九十]{1,4}[)）]?$")


def role_of(header: str) -> Role | None:
    """What a column holds, from its header's words (None: not a column the plan needs)."""
    name = _SPACES.sub("", header)
    if not name or len(name) > 12:
        return None
    for role, words in _ROLE_WORDS:
        if words.search(name):
            return role
    return None


def read_task_table(grid: Sequence[Sequence[Cell]]) -> TaskTable | None:
    """The table as tasks, when a header row names a task column and one for measures, unit or deadline."""
    for at, header in enumerate(grid[:_HEADER_ROWS]):
        columns = _columns(header)
        if columns is not None:
            body = grid[at + 1:]
            # a header of two rows (`责任单位` over `牵头` | `配合`): the task cell is merged down into the second
            task_key = header[columns[Role.TASK]].key
            while body and columns[Role.TASK] < len(body[0]) and body[0][columns[Role.TASK]].key == task_key:
                header = _under(header, body[0])
                columns = _columns(header) or columns
                body = body[1:]
            rows = _rows(body, columns, [c.text for c in header])
            if rows:
                return TaskTable(rows=tuple(rows), lines=tuple(_line(r) for r in rows))
            return None
    return None


def _under(header: Sequence[Cell], sub: Sequence[Cell]) -> list[Cell]:
    """The header read with the row below it: a column the lower row names anew takes that name."""
    out = list(header)
    for k, cell in enumerate(sub[:len(out)]):
        if cell.key != out[k].key and cell.text:
            out[k] = cell
    return out


def _columns(header: Sequence[Cell]) -> dict[Role, int] | None:
    columns: dict[Role, int] = {}
    either: list[int] = []
    seen: set[Hashable] = set()
    for k, cell in enumerate(header):
        if cell.key in seen:  # one header cell merged over two columns names the first
            continue
        seen.add(cell.key)
        role = role_of(cell.text)
        if role is None and len(cell.text) <= 12 and _EITHER.search(cell.text):
            either.append(k)
        elif role is not None and role not in columns:
            columns[role] = k
    for k in either:
        for role in (Role.TASK, Role.MEASURES):
            if role not in columns:
                columns[role] = k
                break
    if Role.TASK not in columns:
        return None
    if not any(role in columns for role in (Role.MEASURES, Role.UNIT, Role.DUE)):
        return None
    return columns


def _rows(body: Sequence[Sequence[Cell]], columns: dict[Role, int], names: list[str]) -> list[TaskRow]:
    """Rows in order; a row whose task cell is merged with the row above, or empty, adds a part to that task."""
    out: list[TaskRow] = []
    last_key: Hashable = None
    for cells in body:
        def cell(role: Role, cells: Sequence[Cell] = cells) -> Cell | None:
            k = columns.get(role)
            return cells[k] if k is not None and k < len(cells) else None

        task = cell(Role.TASK)
        if task is None:
            continue
        measures = cell(Role.MEASURES)
        part = TaskPart(
            measures=tuple(p for p in (measures.paragraphs if measures else ()) if p.strip()),
            duty=Duty(**{field: _text(cell(role)) for role, field in DUTY_FIELDS.items()}),
            due_text=_text(cell(Role.DUE)),
        )
        source = "\n".join(f"{names[k]}：{cells[k].text}" for k in sorted(columns.values())
                           if k < len(cells) and cells[k].text and k != columns.get(Role.NUMBER))
        if out and (task.key == last_key or not task.text):
            prev = out[-1]
            out[-1] = TaskRow(prev.label, prev.task, prev.parts + (part,), prev.source + "\n" + source)
            continue
        last_key = task.key
        if not task.text:
            continue
        number = _text(cell(Role.NUMBER)).rstrip(".、．")
        if not _LABEL.match(number):  # a 序号 is a short number; anything else there is not a label
            number = str(len(out) + 1)
        out.append(TaskRow(number, task.text.rstrip("。；;，, "), (part,), source))
    return out


def _text(cell: Cell | None) -> str:
    return cell.text if cell is not None else ""


def _line(row: TaskRow) -> str:
    """The paragraph a task reads as among the report's text: its number and name."""
    return f"{row.label}.{row.task}"


def tab_separated(text: str, clean: Callable[[str], str]) -> TaskTable | None:
    """A table copied from Word into a text file: one row per line, cells split by tabs, a cell of
    several paragraphs in double quotes over several lines (as Word writes it); `clean` normalises
    each paragraph as the rest of the file is."""
    def cells(r: int, row: list[str]) -> list[Cell]:
        return [Cell((r, c), tuple(p for p in map(clean, value.splitlines()) if p)) for c, value in enumerate(row)]

    try:
        rows = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
        head = [cells(r, row) for r, row in enumerate(itertools.islice(rows, _HEADER_ROWS))]
        if not any(_columns(row) is not None for row in head):  # most tab-separated text is no task table
            return None
        grid = head + [cells(r, row) for r, row in enumerate(rows, len(head))]
    except csv.Error:  # a stray quote: not a table Word wrote
        return None
    return read_task_table(grid) if len(grid) >= 2 else None

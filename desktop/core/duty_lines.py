"""Who answers for a task and by when, as a report writes it beside the task in prose.

`责任部门：营销部` and `完成时限：2025年9月底前` on lines of their own under an item, or
`（牵头单位：县发改局；配合单位：县财政局）` after a measure, are the 台账's columns typed out; they
are not measures. The column names are the ones a task table's header uses (task_tables.role_of).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.dates import find_deadline
from desktop.core.task_tables import DUTY_FIELDS, Role, role_of
from desktop.core.types import Duty

# a column name (short: `一是落实责任单位：` is a sentence) opens the text or follows a separator, before a
# colon or in lenticular brackets (`【牵头单位】县政府办`)
_NAME = re.compile(r"(?:^|(?<=[；;，,。\s]))(?:([\u4e00-\u9fff]{2,6})[：:]|【([\u4e00-\u9fff]{2,6})】)")
# `县教育局安全股，2025年7月10日前完成`: a deadline after a comma closes the unit's value
_DUE_TAIL = re.compile(r"[，,]\s*([^，,]{2,20})$")
_DUE_TAIL_YEAR = 2000  # any year will do: only whether the tail names a date or 长期坚持 is asked
_VALUE_STRIP = " \t；;，,。：:"
_VALUE_MAX = {Role.DUE: 30}
_NAME_VALUE_MAX = 80


@dataclass(frozen=True, slots=True)
class Said:
    """What the text said: who answers, and the deadline as written ("" when it names none)."""

    duty: Duty
    due_text: str = ""

    def __bool__(self) -> bool:
        return bool(self.duty) or bool(self.due_text)


def read_duty_line(text: str) -> Said | None:
    """The names and deadline when the whole text is `列名：内容` pairs of such columns, else None."""
    text = text.strip()
    if text[:1] in "（(" and text[-1:] in "）)":  # the whole line in brackets, not a unit's `（农电工作部）`
        text = text[1:-1].strip()
    found = [m for m in _NAME.finditer(text) if _role(m) in (*DUTY_FIELDS, Role.DUE)]
    if not found or found[0].start() != 0:
        return None
    values: dict[str, str] = {}
    due = ""
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else len(text)
        value = text[m.end():stop].strip(_VALUE_STRIP)
        role = _role(m)
        if role is not Role.DUE and (tail := _DUE_TAIL.search(value)) and _names_deadline(tail.group(1)):
            due = due or tail.group(1).strip(_VALUE_STRIP)
            value = value[:tail.start()].strip(_VALUE_STRIP)
        if not value or len(value) > _VALUE_MAX.get(role, _NAME_VALUE_MAX):  # type: ignore[arg-type]
            return None
        if role is Role.DUE:
            due = due or value
        else:
            field = DUTY_FIELDS[role]  # type: ignore[index]
            values.setdefault(field, value)
    return Said(Duty(**values), due)


def _role(m: re.Match[str]) -> Role | None:
    return role_of(m.group(1) or m.group(2))


def _names_deadline(text: str) -> bool:
    due, ongoing = find_deadline(text, _DUE_TAIL_YEAR)
    return due is not None or ongoing


def take_duty(body: list[str]) -> tuple[Said, list[str]]:
    """An item's body without its duty lines, and what they said (the first naming of each wins)."""
    kept: list[str] = []
    said: list[Said] = []
    for paragraph in body:
        found = read_duty_line(paragraph)
        if found is None:
            kept.append(paragraph)
        else:
            said.append(found)
    due = next((s.due_text for s in said if s.due_text), "")
    return Said(Duty.first_named([s.duty for s in said]), due), kept


def trailing_duty(text: str) -> tuple[Said, str]:
    """A measure without its closing `（牵头单位：…）`, and what that said."""
    body = text.rstrip()
    end = body.rstrip("。；;")
    opening = _opening_of_last_bracket(end)
    found = read_duty_line(end[opening + 1:-1]) if opening is not None else None
    if opening is None or found is None:
        return Said(Duty()), text
    return found, end[:opening].rstrip() + body[len(end):]


def _opening_of_last_bracket(text: str) -> int | None:
    """Where the bracket that closes the text opens (brackets may nest: `（牵头单位：县交通局（公路中心））`)."""
    if text[-1:] not in "）)":
        return None
    depth = 0
    for k in range(len(text) - 1, -1, -1):
        if text[k] in "）)":
            depth += 1
        elif text[k] in "（(":
            depth -= 1
            if depth == 0:
                return k
    return None

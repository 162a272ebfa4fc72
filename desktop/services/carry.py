"""Carrying unfinished work forward (结转): into another report, and offered when the same office's next plan comes.

"The same office" is read from words, never guessed from dates: an office name ending in an office
word (组织部, 委员会, 人民政府, 局, 办公室, 系统 …) either at the start of the file name
(`**县委组织部2023年上半年工作总结.docx`) or as the subject of the report's first sentence
(`2023年上半年，*委组织部坚持……`, `今年以来，全区组织系统认真……`). Two reports are of the same office
when these names are equal, masks (`*`) included; a report that names no office is offered nothing.
The previous plan is that office's most recent other report (by plan year, then import time) whose
year is not after the new plan's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from db.api import InvalidChangeError, ItemFilter, ItemRow, ReportSummary
from db.carry import CarryResult, NewReport, is_unfinished
from db.enums import OPEN_STATUSES
from db.store import Store
from desktop.core.types import Plan

_SUFFIX = ("人大常委会|委员会|组织部|宣传部|统战部|政法委|纪委监委|纪委|监委|人民政府|政府|办公室|政协|局|办|委|部|厅|院|"
           "中心|系统")
_NAME = rf"[\u4e00-\u9fff*＊]{{2,20}}?(?:{_SUFFIX})"
# 2023年上半年，*委组织部坚持……: a time phrase, a comma, the office, then the verb its sentence starts with
_OPENING = re.compile(rf"^\s*[^，,。\n]{{0,14}}[，,]\s*(?P<office>{_NAME})"
                      r"(?=坚持|认真|紧紧|紧扣|围绕|在|以|按照|聚焦|全面|深入|积极|始终|牢牢|立足|着力|大力|切实|强化|把|持续|扎实)")
_FILE_CUT = re.compile(r"\d|上半年|下半年|年度|全年|关于|工作|年终|总结|计划|讲话|汇报")
_FILE_NAME = re.compile(rf"{_NAME}")
_OPENING_CHARS = 300
_REPEAT_CHARS = 10  # a carried measure counts as repeated when its first characters appear in the new plan
_PUNCT = re.compile(r"[\s，,。；;：:、“”\"'‘’（）()《》【】！!？?·…—-]+")


def office_of(source_name: str, text: str) -> str:
    """The office a report comes from (module docstring), or "" when it names none."""
    stem = PurePath(source_name).stem.strip()
    cut = _FILE_CUT.search(stem)
    head = stem[: cut.start()] if cut else stem
    found = _FILE_NAME.fullmatch(head.strip())
    if found:
        return found.group(0).replace("＊", "*")
    m = _OPENING.search(text[:_OPENING_CHARS].lstrip("\ufeff"))
    return m.group("office").replace("＊", "*") if m else ""


def new_report_for(report: ReportSummary) -> NewReport:
    """The `…（结转）` plan made for a report's unfinished work: the next year's (结转 happens at year end)."""
    return NewReport(title=f"{report.title}（结转）", year=report.year + 1 if report.year is not None else None)


def unfinished(store: Store, report_id: int) -> list[ItemRow]:
    """A report's measures that are neither done nor cancelled, in ledger order."""
    rows = store.items(ItemFilter(report_ids=(report_id,), statuses=OPEN_STATUSES, measures_only=True))
    return [r for r in rows if is_unfinished(r)]


def carry_unfinished(store: Store, report_id: int, *, target_report_id: int | None = None,
                     new_report: NewReport | None = None, who: str) -> CarryResult:
    """Carry all unfinished measures of a report (into `target_report_id`, or a new `…（结转）` plan by default)."""
    measures = unfinished(store, report_id)
    if not measures:
        raise InvalidChangeError("这份报告没有未完成的措施，不需要结转。")
    if target_report_id is None and new_report is None:
        new_report = new_report_for(store.get_report(report_id))
    return store.carry_forward([m.id for m in measures], target_report_id=target_report_id, new_report=new_report,
                               who=who)


@dataclass(frozen=True)
class CarryOffer:
    """The previous plan of the same office and its unfinished measures, offered when a new plan is imported.

    `repeated` are the measures the new plan seems to name again (their first words appear in it):
    the preview can leave them unticked.
    """

    office: str
    report: ReportSummary
    measures: tuple[ItemRow, ...]
    repeated: frozenset[int]


def carry_offer(store: Store, plan: Plan, *, source_name: str, text: str) -> CarryOffer | None:
    """What to offer to bring along into a newly parsed plan, or None (no office named, none found, nothing open)."""
    return carry_offers(store, [(plan, source_name, text)])[0]


def carry_offers(store: Store, files: Sequence[tuple[Plan, str, str]]) -> list[CarryOffer | None]:
    """`carry_offer` for several previewed files (plan, source name, text) at once: the stored reports and
    the office each one names are read once for all of them, not once per file."""
    wanted = [office_of(name, text) for _plan, name, text in files]
    if not any(wanted):
        return [None] * len(files)
    reports = [(r, office_of(r.source_name, store.report_text(r.id)[:_OPENING_CHARS])) for r in store.list_reports()]
    found: dict[int, CarryOffer | None] = {}  # by the previous report's id: two files of one office share it
    out: list[CarryOffer | None] = []
    for (plan, _name, _text), office in zip(files, wanted):
        same = [r for r, theirs in reports if office and theirs == office
                and (plan.year is None or r.year is None or r.year <= plan.year)]
        if not same:
            out.append(None)
            continue
        previous = max(same, key=lambda r: (r.year or 0, r.imported_at, r.id))
        if previous.id not in found:
            found[previous.id] = _offer_from(store, office, previous)
        offer = found[previous.id]
        out.append(None if offer is None else replace(offer, repeated=_repeated(offer.measures, plan)))
    return out


def _offer_from(store: Store, office: str, previous: ReportSummary) -> CarryOffer | None:
    open_measures = unfinished(store, previous.id)
    carried = store.carried_copies([m.id for m in open_measures]) if open_measures else {}
    measures = tuple(m for m in open_measures if m.id not in carried)
    if not measures:
        return None
    return CarryOffer(office=office, report=previous, measures=measures, repeated=frozenset())


def _repeated(measures: Sequence[ItemRow], plan: Plan) -> frozenset[int]:
    words = _PUNCT.sub("", " ".join(_texts(plan)))
    out = set()
    for m in measures:
        start = _PUNCT.sub("", m.text or m.title)[:_REPEAT_CHARS]
        if len(start) == _REPEAT_CHARS and start in words:
            out.add(m.id)
    return frozenset(out)


def _texts(plan: Plan) -> list[str]:
    out: list[str] = []
    stack = list(plan.items)
    while stack:
        it = stack.pop()
        out.append(it.text or it.title)
        stack.extend(it.children)
    return out

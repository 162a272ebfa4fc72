"""The plan year of a report and the deadline written into a measure (年底前, 8月底前, 三季度 …)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from desktop.core.cues import NEXT_YEAR
from desktop.core.numerals import from_chinese

_CN = "[一二三四五六七八九十]{1,3}"
# The leading lookahead lets the engine skip most characters at once instead of trying
# every alternative at every position (5x faster on long reports).
_DEADLINE = re.compile(
    r"(?=[\d一二三四五六七八九十第上下年全今本当])"
    rf"(?:(?P<ymd>(?P<y1>20\d\d)年(?P<m1>\d{{1,2}})月(?P<d1>\d{{1,2}})日)"
    rf"|(?P<ym>(?P<y2>20\d\d)年(?P<mo2>\d{{1,2}}|{_CN})月(?:份)?(?P<part2>上旬|中旬|下旬|底|末)?)"
    rf"|(?P<yend>(?P<y3>20\d\d)年(?:底|末|年底|年末|内|度内|前))"
    rf"|(?P<md>(?<![\d年])(?P<mo4>\d{{1,2}}|{_CN})月(?P<d4>\d{{1,2}})日)"
    rf"|(?P<mon>(?<![\d个至到\-—~～])(?P<mo5>\d{{1,2}})月(?:份)?(?P<part5>上旬|中旬|下旬|底|末)?)"
    # a bare Chinese month is too often part of a word (一月一排名): it needs 底/份/前 after it
    rf"|(?P<cmon>(?<![一二三四五六七八九十])(?P<mo6>{_CN})月(?:份|(?=前|之前|以前)|(?P<part6>上旬|中旬|下旬|底|末)))"
    r"|(?P<quarter>(?:第)?(?P<q>[一二三四1-4])季度)"
    r"|(?P<half1>上半年)|(?P<half2>下半年)"
    r"|(?P<yearend>年底前?|年末|年内|年度内|今年内|本年度|全年|当年))"
)
# Ongoing work has no deadline; `超长期国债`, `中长期规划` and `长期以来` are not ongoing work.
_ONGOING = re.compile(r"常态化|长效|(?<![超中])长期(?!以来|国债|特别国债|贷款|债券|资金|规划|目标)")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_HALF_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(?:度)?(?:上半年|前半年|1\s*[-—至~～]\s*6\s*月|上半年度)")
_AS_OF = re.compile(r"截至\s*((?:19|20)\d\d)\s*年")
# `2024年度个人述职述廉报告`, `2023年履职情况报告`: a leader's report on a whole year is an annual summary too
_ANNUAL = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(?:度)?(?:全年)?(?:个人|本人)?(?:工作)?(?:总结|述职|履职)")
_TITLE_LINES = 12  # the lines above a plan where a notice and the plan's own title stand
_SHORT_LINE = 60  # a heading or a date line, not body text
# A section reviewing a whole past year (`一、2023年工作回顾`, `一、去年工作回顾` whose text opens `2005年，…`):
# the plan after it is for the next year, as a government work report's `今年` is.
_REVIEW_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]\s*|第[一二三四五六七八九十]{1,3}部分\s*)?"
    r"(?:(?P<year>(?:19|20)\d\d)\s*年(?:度)?|(?P<last>去年|上年|上一年))(?:的)?(?:主要)?工作(?:回顾|总结)$")
_OPENING_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*年")
# Years as an official document may write them: full-width (２０２４年) or in Chinese numerals (二〇二四年七月五日).
_WRITTEN_YEAR = re.compile(r"[０-９]+|[一二][九〇○零][〇○零一二三四五六七八九]{2}(?=\s*年)")
_TO_ASCII = str.maketrans("０１２３４５６７８９〇○零一二三四五六七八九", "0123456789000123456789")


def _ascii_years(text: str) -> str:
    """`text` with full-width digits and Chinese-numeral years in ASCII digits, for matching dates only."""
    return _WRITTEN_YEAR.sub(lambda m: m.group().translate(_TO_ASCII), text)


_PLAN_WORDS = r"(?:的)?(?:主要)?(?:初步)?(?:工作)?(?:计划|安排|打算|重点|任务|要点|思路)"
_MONTH_PLAN = re.compile(rf"(?:(?P<next>下月|下个月|下一个月)|(?<!\d)(?P<month>\d{{1,2}}|{_CN})\s*月份?){_PLAN_WORDS}")
_QUARTER_PLAN = re.compile(rf"(?:第)?(?P<q>[一二三四1-4])季度{_PLAN_WORDS}")
_REPORT_MONTH = re.compile(rf"(?<!\d)(?P<month>\d{{1,2}}|{_CN})\s*月份?(?:的)?(?:工作)?(?:总结|简报|小结|报告|汇报)")
_SAME_YEAR_PLAN = re.compile(r"下半年|[三四]季度")  # after a year's review still the year reviewed
_SPACED_DIGITS = re.compile(r"(?<=\d)[ \u3000]+(?=\d)")
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"  # a date line's month and day: 7月5日 or 七月五日
_DATE_LINE = re.compile(rf"^[（(]?\s*((?:19|20)\d\d)\s*年\s*{_DAY}\s*月(?:\s*{_DAY}\s*日)?\s*[）)]?$")


def period_end(year: int | None) -> date | None:
    """The end of a plan's period: a half-year or annual plan runs to 31 December."""
    return date(year, 12, 31) if year else None


def detect_year(paragraphs: Sequence[str], plan_index: int, heading: str) -> int | None:
    """The year the plan runs in, read from the plan heading, the title lines or `截至…`; None if unknown."""
    # Only the title lines and short lines (headings, date lines) may hold a year written in full width or in
    # Chinese numerals: converting every body paragraph of a long report cost ~15 % of its parse.
    before = [_ascii_years(p) if n < _TITLE_LINES or len(p) <= _SHORT_LINE else p
              for n, p in enumerate(paragraphs[:plan_index] if plan_index > 0 else paragraphs[:1])]
    doc_year, annual = _document_year(before)
    # `关于1 9 9 8 年政府工作的建议`: typeset with spaces between the digits
    m = _YEAR_IN_TEXT.search(_SPACED_DIGITS.sub("", _ascii_years(heading)))
    if m:
        return int(m.group(1))
    if doc_year is None:
        doc_year = _signed_year([_ascii_years(p) for p in paragraphs[-_SIGNATURE_LINES:]])
    if doc_year is None:
        return None
    if NEXT_YEAR.search(heading):
        # 明年 counts from the day the text was given (a speech's date line, the date under the signature):
        # `在全县2025年经济工作会议上的讲话` of 30 December 2024 already names the plan's year in its title
        return (_dated_year(before) or _signed_year([_ascii_years(p) for p in paragraphs[-_SIGNATURE_LINES:]])
                or doc_year) + 1
    if annual and not _SAME_YEAR_PLAN.search(heading):
        return doc_year + 1
    month = _planned_month(paragraphs, plan_index, _ascii_years(heading))
    return doc_year + 1 if month is not None and month[1] else doc_year


_SIGNED = re.compile(rf"^[（(]?\s*((?:19|20)\d\d)\s*(?:年\s*(?P<m1>{_DAY})\s*月(?:\s*{_DAY}\s*日)?"
                     rf"|[-./](?P<m2>\d{{1,2}})[-./]\d{{1,2}})\s*[）)]?$")
_SIGNATURE_LINES = 8  # a report is signed and dated in its last lines


def _signed_year(paragraphs: Sequence[str]) -> int | None:
    """The year of the date under the signature (`2002-04-06`, `2024年7月10日`): a monthly report or a
    letter names its month but not its year anywhere else."""
    signed = _signed(paragraphs)
    return signed[0] if signed else None


def _signed(paragraphs: Sequence[str]) -> tuple[int, int | None] | None:
    """(year, month) of the date under the signature."""
    for paragraph in reversed(paragraphs[-_SIGNATURE_LINES:]):
        m = _SIGNED.match(paragraph.strip())
        if m:
            return int(m.group(1)), _month(m.group("m1") or m.group("m2"))
    return None


def _planned_month(paragraphs: Sequence[str], plan_index: int, heading: str) -> tuple[int, bool] | None:
    """The month a monthly plan (`二、下月工作计划`, `二、11月份的工作计划`) is for, and whether it falls in the
    year after the report's: a December report's 下月 is January."""
    m = _MONTH_PLAN.search(heading)
    if m is None:
        return None
    reported = _report_month(paragraphs[:max(plan_index, 1)], paragraphs)
    if m.group("next"):
        return ((reported % 12) + 1, reported == 12) if reported else None
    month = _month(m.group("month"))
    if month is None:
        return None
    return month, reported is not None and month < reported


def _report_month(before: Sequence[str], paragraphs: Sequence[str]) -> int | None:
    """The month a monthly report looks back on: its title's `12月工作简报`, else its signature date's."""
    for paragraph in before[:2]:
        m = _REPORT_MONTH.search(paragraph)
        if m:
            return _month(m.group("month"))
    signed = _signed([_ascii_years(p) for p in paragraphs[-_SIGNATURE_LINES:]])
    return signed[1] if signed else None


def plan_period_end(paragraphs: Sequence[str], plan_index: int, heading: str, year: int | None) -> date | None:
    """When a plan's undated measures are due: the end of the month or quarter a monthly or quarterly plan
    is for, else the end of the year."""
    if not year:
        return None
    heading = _ascii_years(heading)
    month = _planned_month(paragraphs, plan_index, heading)
    if month is not None:
        return _month_day(year, month[0], None)
    q = _QUARTER_PLAN.search(heading)
    if q is not None:
        quarter = "一二三四".find(q.group("q")) + 1 or int(q.group("q"))
        return _month_day(year, quarter * 3, None)
    return period_end(year)


def _reviewed_year(paragraphs: Sequence[str]) -> int | None:
    """The year a whole-year review section above the plan looks back on, if there is one."""
    for n, paragraph in enumerate(paragraphs):
        if len(paragraph) > _SHORT_LINE:  # a heading, not body text: most paragraphs stop here
            continue
        m = _REVIEW_HEADING.match(paragraph.strip())
        if m is None:
            continue
        if m.group("year"):
            return int(m.group("year"))
        following = paragraphs[n + 1] if n + 1 < len(paragraphs) else ""
        opening = _OPENING_YEAR.match(following)
        if opening:
            return int(opening.group(1))
    return None


def _dated_year(paragraphs: Sequence[str]) -> int | None:
    """The year of a speech's date line under its title: （2024年3月12日）."""
    for paragraph in paragraphs[:4]:
        m = _DATE_LINE.match(paragraph)
        if m:
            return int(m.group(1))
    return None


def _document_year(paragraphs: Sequence[str]) -> tuple[int | None, bool]:
    """The report's own year and whether it is an annual (year-end) summary."""
    head = "\n".join(paragraphs[:2])
    for pattern in (_HALF_YEAR,):
        m = pattern.search(head)
        if m:
            return int(m.group(1)), False
    m = _ANNUAL.search(head)
    if m:
        return int(m.group(1)), True
    for paragraph in paragraphs:
        m = _HALF_YEAR.search(paragraph) or _AS_OF.search(paragraph)
        if m:
            return int(m.group(1)), False
    reviewed = _reviewed_year(paragraphs)
    if reviewed is not None:
        return reviewed, True
    m = _YEAR_IN_TEXT.search(paragraphs[0]) if paragraphs and len(paragraphs[0]) <= 60 else None
    if m:
        return int(m.group(1)), False
    dated = _dated_year(paragraphs)
    if dated is not None:
        return dated, False
    # a plan issued by a notice: its file number line (`**组通〔2024〕*号`) comes first, the title after
    for paragraph in paragraphs[1:_TITLE_LINES]:
        m = _YEAR_IN_TEXT.search(paragraph) if len(paragraph) <= 60 else None
        if m:
            return int(m.group(1)), False
    return None, False


# `明年3月底前`, `次年一季度`, `明年底前`: a date in the plan's next year (a year-end plan's measure running on)
_NEXT_YEAR_WORDS = ("明年", "次年", "来年")


def _in_next_year(text: str, m: re.Match[str]) -> bool:
    start = m.start()
    before = text[max(0, start - 3):start]  # (a slice, not a search back over the whole measure: dates are many)
    if before.endswith(_NEXT_YEAR_WORDS):
        return not before.endswith("以来年")  # `入夏以来年底前…` is no next year
    return before.endswith("明") and m.group("yearend") is not None  # 明年底: the match took 年底 from it


def find_deadline(text: str, year: int | None) -> tuple[date | None, bool]:
    """(deadline, ongoing) for a measure: the latest date it names, or ongoing (长期坚持/常态化)."""
    latest: date | None = None
    text = _ascii_years(text)
    for m in _DEADLINE.finditer(text):
        found = _to_date(m, year + 1 if year and _in_next_year(text, m) else year)
        if found and (latest is None or found > latest):
            latest = found
    if latest is not None:
        return latest, False
    return None, bool(_ONGOING.search(text))


def _month(token: str) -> int | None:
    value = int(token) if token.isdigit() else from_chinese(token)
    return value if value and 1 <= value <= 12 else None


def _month_day(year: int, month: int, part: str | None) -> date:
    if part == "上旬":
        return date(year, month, 10)
    if part == "中旬":
        return date(year, month, 20)
    return date(year, month, calendar.monthrange(year, month)[1])


def _to_date(m: re.Match[str], year: int | None) -> date | None:
    g = m.groupdict()
    try:
        if g["ymd"]:
            return date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
        if g["ym"]:
            month = _month(g["mo2"])
            return _month_day(int(g["y2"]), month, g["part2"]) if month else None
        if g["yend"]:
            return date(int(g["y3"]), 12, 31)
        if year is None:
            return None
        if g["md"]:
            month = _month(g["mo4"])
            return date(year, month, int(g["d4"])) if month else None
        if g["mon"] or g["cmon"]:
            month = _month(g["mo5"] or g["mo6"])
            return _month_day(year, month, g["part5"] or g["part6"]) if month else None
        if g["quarter"]:
            q = "一二三四".find(g["q"]) + 1 or int(g["q"])
            return _month_day(year, q * 3, None)
        if g["half1"]:
            return date(year, 6, 30)
        if g["half2"] or g["yearend"]:
            return date(year, 12, 31)
    except ValueError:  # 2月30日 and other impossible dates are not deadlines
        return None
    return None

"""Language cues of plans and reviews: plan words, time words, tense markers and dates in headings.

Each cue is a family of words a clerk would recognise in any office's report, never a phrase
taken from one document; the ranking (ranking.py) weighs them together with structure.
"""

from __future__ import annotations

import re

from desktop.core.numerals import from_chinese

# Words that name a plan or a proposal; the first group says so outright. `预期目标` names the year's
# targets (figures a government report sets before its tasks), so it counts as a noun, not as a plan.
PLAN_STRONG = re.compile(r"打算|计划|安排|思路|设想|谋划|展望|规划|预期(?!目标)|构想")
# `建议` is weak: `三、意见建议` asks the higher office for support; `关于…工作的建议` proposes a plan.
PLAN_NOUN = r"建议|任务|重点|要点|部署|要求|措施|举措|目标|方向"
# What an item of a report to a higher office opens with when it asks for something rather than plans it.
REQUEST = re.compile(r"(?:建议|恳请|请求|提请|呼吁)")
PLAN_WEAK = re.compile(rf"{PLAN_NOUN}|工作$|的工作|抓好|做好|推进|着力|努力")
# A heading named for what it plans (`（二）重点任务`, `三、2025年重点工作`), not for one task (`（一）推进项目建设`).
PLAN_NAMED = re.compile(rf"(?:{PLAN_STRONG.pattern}|{PLAN_NOUN})(?:和|及|与)?(?:{PLAN_NOUN})?(?:工作)?$")
# Words that point forward in time (a later year or month is found by `heading_date`).
FORWARD = re.compile(
    r"下一步|下步|下一阶段|下阶段|下半年|下半学期|下学期|下一年|下年|下月|下个月|下季度|下一季度|"
    r"今后|明年|来年|新的一年|未来|今年|本年度|全年|近期|新学期|新年度|开局|当前和今后"
)
# Words of a look back or of a problem list; `以来` (今年以来) looks back however forward the rest sounds.
PAST = re.compile(
    r"回顾|情况|成效|成绩|总结|做法|经验|进展|亮点|困难|成果|体会|启示|感悟|心得|完成|以来|过去|去年|上年|上半年|"
    r"问题|不足|差距|教训|取得|开展|已|做了|是如何"
)
PROBLEM = re.compile(r"问题|不足|差距|短板|困难|教训|薄弱")

# Sentence tense: what a plan says it will do, and what a review says was done.
# Each pattern opens with a lookahead on its possible first characters, so the engine skips most
# positions at once instead of trying every alternative there (3x faster on long reports).
_FUTURE_MARK = re.compile(
    r"(?=[要将着确力争抓拟计准下务切进继加全大努坚年月季长常\d一二三四五六七八九十])"
    r"(?:(?<![主重需必首纲摘只概提])要(?![求素点闻害件])|(?<![即])将(?![军近])|着力|确保|力争|争取|抓好|拟|"
    # 计划 and 准备 are nouns before a stop (`制定…工作计划，`, `做好移交准备。`); 进一步 right before a
    # verb that ends the clause tells a result (`保管条件进一步改善。`)
    r"计划(?![，。；、,;）)])|准备(?![，。；、,;）)]|工作)|下一步|下步|务必|力求|切实|"
    r"进一步(?![\u4e00-\u9fff]{2}[，。；,;])|继续|加快|加大|全力|大力|努力|坚决|"
    # a deadline is said of work still to do: 年底前完成, 6月底前, 三季度, 长期坚持
    r"年底前|年内|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|中旬|上旬|下旬)?前|[一二三四]?季度(?:末|前)|"
    r"长期坚持|常态化)"
)
_PAST_MARK = re.compile(
    r"(?=[了已取实完累同比先共达截成圆初显明增下提减一以上荣获被])"
    r"(?:(?<![为除])了(?![解])|(?<![得而])已|取得|实现了|完成了|累计|同比|比上年|比去年|先后|共计|达到了|"
    r"截至|成功|圆满|初步|显著|明显|增长\s*\d|下降\s*\d|提高了|增加了|减少了|一年来|以来|上半年|"
    # a count of what was done (`共走访群众**户`: masked figures `**`, `X` included; not 共同, 共建 …) and honours
    r"共(?![同享建治商识性])[\u4e00-\u9fff]{1,8}?[\d*XxＸ×０-９]|荣获|获评|被评为)"
)

_SPACED_YEAR = r"((?:1\s?9|2\s?0)\s?\d\s?\d)\s*年"
_YEAR = re.compile(_SPACED_YEAR)
_CN_YEAR = re.compile(r"([一二〇零○][〇零○一二三四五六七八九]{3})年")
_MONTH = re.compile(r"(?<![\d一二三四五六七八九十])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份)?")
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


_QUOTED = re.compile(r"《[^《》]*》|“[^“”]*”")


# A blank between two Chinese characters: a heading typeset spaced out (`下 半 年 工 作 打 算`) reads as its words.
_SPACED_OUT = re.compile(r"(?<=[\u4e00-\u9fff、，])[ \u3000]+(?=[\u4e00-\u9fff、])")


def heading_words(title: str) -> str:
    """A heading's own words: the title of another document (《…规划纲要》) or a quoted slogan says nothing
    about what this section is; blanks set between its characters are no part of them."""
    return _QUOTED.sub("", _SPACED_OUT.sub("", title))


def heading_date(text: str) -> tuple[int | None, int | None]:
    """(year, month) a heading names: `2003年11月初步计划` → (2003, 11); `1 9 9 8 年` → 1998; none → None."""
    year = None
    m = _YEAR.search(text)
    if m:
        year = int(re.sub(r"\s", "", m.group(1)))
    else:
        c = _CN_YEAR.search(text)
        if c:
            year = int("".join(str(_CN_DIGITS[ch]) for ch in c.group(1)))
    month = None
    for mm in _MONTH.finditer(text):
        token = mm.group(1)
        value = int(token) if token.isdigit() else from_chinese(token)
        if value and 1 <= value <= 12:
            month = value
            break
    return year, month


_SENTENCE_END = re.compile(r"[。！？!?]+")


def paragraph_tense(paragraph: str) -> tuple[int, int, int]:
    """(sentences, will-do sentences, was-done sentences) of one paragraph.

    A plain split at 。！？ is enough here: a count does not care about a quote split in two. Each
    sentence is searched for its first mark of each family only (placing every hit cost twice as much)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(paragraph)]
    if not ends or ends[-1] < len(paragraph.rstrip()):
        ends.append(len(paragraph))
    future = past = start = 0
    will, was = _FUTURE_MARK.search, _PAST_MARK.search
    for end in ends:
        ahead = will(paragraph, start, end) is not None
        behind = was(paragraph, start, end) is not None
        future += ahead and not behind
        past += behind and not ahead
        start = end
    return len(ends), future, past


# The period a report looks back on, read from its first lines: the plan it ends with is for the
# period after it (a half-year summary plans 下半年, a monthly report the next month).
_HALF = re.compile(r"上半年|前半年|1\s*[-—至~～]\s*6\s*月")
_MONTHLY = re.compile(r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?(?:的)?工作总结")
_ANNUAL = re.compile(r"(?:年度|全年|年终|(?:19|20)\d\d\s*年)(?:工作)?总结")
_NEXT_HALF = re.compile(r"下半年|下一步|下步|下阶段|下一阶段")
# A heading that names the year after the report's (a plan for it); dates.py dates such a plan by it too.
NEXT_YEAR = re.compile(r"明年|来年|新的一年|下一年|下年")
_NEXT_MONTH = re.compile(r"下月|下个月|下一月")


def report_period(first_lines: str) -> tuple[str, int | None]:
    """("half" | "month" | "year" | "", the month or year) the report reviews, from its title lines."""
    m = _MONTHLY.search(first_lines)
    if m:
        token = m.group(1)
        return "month", int(token) if token.isdigit() else from_chinese(token)
    if _HALF.search(first_lines):
        return "half", None
    if _ANNUAL.search(first_lines):
        year, _month = heading_date(first_lines)
        return "year", year
    return "", None


# The year a heading is in: the next period in a half-year report, the one looked back on in a year's summary.
_THIS_YEAR = frozenset(("今年", "本年度", "全年"))


def points_forward(title: str, period: tuple[str, int | None]) -> bool:
    """Whether a heading names a time ahead; in a summary of a year, `全年主要业务指标` is that year's."""
    if period[0] != "year":
        return FORWARD.search(title) is not None
    return any(m.group() not in _THIS_YEAR for m in FORWARD.finditer(title))


def plans_next_period(title: str, period: tuple[str, int | None]) -> bool:
    """Whether a heading names the period right after the one the report reviews."""
    kind, value = period
    year, month = heading_date(title)
    if kind == "half":
        return bool(_NEXT_HALF.search(title))
    if kind == "month":
        return bool(_NEXT_MONTH.search(title)) or (value is not None and month == value % 12 + 1)
    if kind == "year":
        return bool(NEXT_YEAR.search(title)) or (value is not None and year == value + 1)
    return False

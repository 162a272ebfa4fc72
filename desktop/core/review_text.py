"""The Chinese sentences of a review, as 督查通报 write them; shared by the .docx draft and the CLI summary.

Patterns after real notices (domain.md): "明确145项目标任务，细化为222个具体工作内容。经督查核实，欠进度的有17个，
占总任务的7.7%……" and "前期尚未开工的54个项目中，已有15个……开工".
"""

from __future__ import annotations

from datetime import date

from desktop.core import review_model as rm
from desktop.core.review_model import MeasureLine, Review, UnitLine
from desktop.core.shares import percent_text

_NAMED_REPORTS = 3  # reports named one by one in the overview; more are "《A》、《B》等N份"
_PERIODS = {(3, 31): "一季度", (6, 30): "上半年", (9, 30): "前三季度", (12, 31): "度"}
_UNITS_NAMED = 3  # units named in the sentence about the ranking


def day_words(d: date, *, year: bool = False) -> str:
    """6月30日, or 2023年6月30日."""
    return (f"{d.year}年" if year else "") + f"{d.month}月{d.day}日"


def subject(review: Review) -> str:
    """What the notice is about: 《one report》, 2023年上半年 (reports of one year), or nothing."""
    reports = review.chosen or review.reports
    if len(reports) == 1:
        return f"《{reports[0].title}》"
    years = {r.year for r in reports}
    if len(years) == 1 and None not in years:
        year = years.pop()
        period = _PERIODS.get((review.as_of.month, review.as_of.day), "") if review.as_of.year == year else ""
        return f"{year}年{period}"
    return ""


def title(review: Review) -> str:
    """关于…工作任务推进情况的通报."""
    return f"关于{subject(review)}工作任务推进情况的通报"


def attachment_title(review: Review) -> str:
    """The 附件's heading: …工作任务推进情况表."""
    return f"{subject(review)}工作任务推进情况表"


def opening(review: Review) -> str:
    """The paragraph before 一、总体情况."""
    what = f"{subject(review)}确定的" if len(review.chosen or review.reports) == 1 else ""
    return f"为推动各项工作任务落地落实，现将截至{day_words(review.as_of, year=True)}{what}工作任务推进情况通报如下。"


def _reports_phrase(review: Review) -> str:
    names = [f"《{r.title}》" for r in review.reports]
    if len(names) == 1:
        return names[0]
    if len(names) <= _NAMED_REPORTS:
        return "、".join(names) + "共"
    return "、".join(names[:2]) + f"等{len(names)}份工作计划共"


def overview(review: Review) -> list[str]:
    """The paragraphs of 一、总体情况: totals, counts with shares (adding up to 100.0 %), overdue, movement."""
    if not review.reports or review.measures == 0:
        text = f"截至{day_words(review.as_of, year=True)}，所选报告尚无纳入统计的具体措施。"
        return [text + _later_words(review)]
    rule = ("按完成时限判断，超过完成时限仍未完成的推进中措施为欠进度" if review.rule == "deadline" else
            f"按序时进度判断，进度落后序时进度{review.schedule_yellow_points}个百分点及以上的为欠进度")
    parts = [f"{c.name}{c.count}项，占{percent_text(c.share)}" for c in review.by_category if c.count]
    first = (f"{_reports_phrase(review)}明确{review.items}项工作任务，细化为{review.measures}项具体措施。"
             f"经督查核实（{rule}），截至{day_words(review.as_of)}，" + "；".join(parts) + "。")
    done_items = f"{review.items}项工作任务中，所属措施已全部完成的{review.items_done}项"
    overdue = (f"；超过完成时限仍未完成的措施{review.overdue}项，需重点督办。" if review.overdue
               else "；没有超过完成时限仍未完成的措施。")
    out = [first, done_items + overdue + _later_words(review)]
    if review.movement is not None:
        out.append(movement_sentence(review))
    return out


def _later_words(review: Review) -> str:
    bits = []
    if review.reports_later:
        bits.append(f"{review.reports_later}份报告")
    if review.measures_later:
        bits.append(f"{review.measures_later}项措施")
    if not bits:
        return ""
    return f"另有{'、'.join(bits)}在{day_words(review.as_of)}之后才导入或添加，未纳入本次统计。"


def movement_sentence(review: Review) -> str:
    """与3月31日相比，新完成N项……; '' without a comparison."""
    mv = review.movement
    if mv is None:
        return ""
    other = mv.earlier if mv.later == review.as_of else mv.later
    lead = f"与{day_words(other)}相比" if other < review.as_of else f"截至{day_words(other)}（与{day_words(review.as_of)}相比）"
    bits = [f"新完成{len(mv.newly_completed)}项", f"新增欠进度{len(mv.fell_behind)}项"]
    if mv.caught_up:
        bits.append(f"原欠进度的{mv.behind_before}项中已有{len(mv.caught_up)}项赶上进度或完成")
    bits.append(f"新增延期{len(mv.newly_extended)}项")
    if mv.not_started_before:
        bits.append(f"前期尚未启动的{mv.not_started_before}项中，已有{len(mv.newly_started)}项启动，"
                    f"仍有{len(mv.still_not_started)}项尚未启动")
    if mv.added:
        bits.append(f"期间新列入措施{mv.added}项")
    return lead + "，" + "；".join(bits) + "。"


def units_sentence(review: Review) -> str:
    """The sentence above the unit table."""
    named = [u for u in review.units if u.unit != rm.NO_UNIT]
    if not named:
        return "各项措施均未明确牵头单位，暂不能按单位统计；请在台账中补填牵头单位。"
    if len(named) <= _UNITS_NAMED:  # among three or fewer, only the best is worth naming
        best, word = [u for u in named if u.rank == 1], "最高"
    else:
        best, word = named[:_UNITS_NAMED], "较高"
    text = (f"从各牵头单位看，{len(named)}个单位中，完成率{word}的是"
            + "、".join(f"{u.unit}（{percent_text(u.rate)}）" for u in best))
    behind = sorted((u for u in named if u.behind), key=lambda u: (-u.behind, u.unit))[:_UNITS_NAMED]
    if behind:
        text += "；欠进度措施较多的是" + "、".join(f"{u.unit}（{u.behind}项）" for u in behind)
    return text + "。各单位推进情况见下表（按完成率排序）。"


def unit_cells(u: UnitLine) -> list[str]:
    """A unit table row: 排名, 牵头单位, 任务数, 已完成, 完成率, 欠进度, 逾期."""
    return [str(u.rank) if u.rank else "—", u.unit, str(u.tasks), str(u.done), percent_text(u.rate), str(u.behind),
            str(u.overdue)]


UNIT_HEADER = ("排名", "牵头单位", "任务数", "已完成", "完成率", "欠进度", "逾期")


def problem_groups(review: Review) -> list[tuple[str, str, tuple[MeasureLine, ...]]]:
    """三、存在的问题: (level-2 heading, lead sentence, measures) for lagging, extended and not started ones."""
    out: list[tuple[str, str, tuple[MeasureLine, ...]]] = []
    for cat, heading, lead in (
        (rm.BEHIND, "部分任务进度滞后", "欠进度措施{n}项，具体是："),
        (rm.EXTENDED, "部分任务延期", "已批准延期的措施{n}项，具体是："),
        (rm.NOT_STARTED, "部分任务尚未启动", "尚未启动的措施{n}项，具体是："),
    ):
        listed = review.listed(cat)
        if listed:
            out.append((f"（{'一二三'[len(out)]}）{heading}", lead.format(n=len(listed)), listed))
    return out


def no_problems(review: Review) -> str:
    """三、存在的问题 when nothing is lagging, extended or not started."""
    return f"截至{day_words(review.as_of)}，未发现欠进度、延期或尚未启动的措施。"


def problem_line(n: int, m: MeasureLine, review: Review) -> str:
    """One listed measure: unit, text, where it is, owner, deadline, latest progress, delay reason."""
    where = (f"《{m.report_title}》" if len(review.reports) > 1 else "") + f"第{m.number}项"
    facts = [where]
    if m.owner:
        facts.append(f"责任人：{m.owner}")
    if m.category == rm.EXTENDED and m.original_due and m.due:
        facts.append(f"原定{day_words(m.original_due, year=True)}，延期至{day_words(m.due, year=True)}")
    elif m.due:
        facts.append(f"完成时限：{day_words(m.due, year=True)}")
    if m.overdue:
        facts.append("已逾期")
    if review.rule == "schedule" and m.expected is not None and m.category == rm.BEHIND:
        facts.append(f"进度{m.progress}%，序时进度{m.expected}%")
    unit = m.unit or "未明确牵头单位"
    text = f"{n}．{unit}：{m.text.rstrip('。；;')}（{'，'.join(facts)}）。"
    text += f"截至{day_words(review.as_of)}：{latest_words(m)}"
    if m.delay_reason:
        text += f"延期原因：{m.delay_reason.rstrip('。')}。"
    return text


def latest_words(m: MeasureLine) -> str:
    """The latest progress entry as quoted, ending in 。, or 暂无进展情况。."""
    if not m.latest:
        return "暂无进展情况。"
    text = m.latest.strip()
    return text if text.endswith(("。", "！", "？", ".")) else text + "。"


NEXT_STEPS_PLACEHOLDER = ("【请在此填写下一步工作要求，例如：一是……加快推进欠进度任务；二是……落实延期任务的整改措施；"
                          "三是……严格督查问责。填写后删除本段方括号。】")

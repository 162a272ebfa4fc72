"""Property tests: any text and any mutation of a seed gives a plan or the parser's own error."""

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import ReportError
from desktop.core.extract import extract_plan
from desktop.core.reports import read_report_bytes, split_paragraphs
from desktop.core.types import ReportDocument
from tests.conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
# Characters that matter to the parser, so random text often looks like a report.
REPORT_ALPHABET = st.sampled_from(list("一二三四五六七八九十是要、。；：，（）()“”《》①②1234567890.第部分年月底前季度"
                                       "下步计划打算安排工作情况问题\n \u3000\u00a0*同志们总之"))
SETTINGS = settings(max_examples=150, deadline=timedelta(seconds=3),
                    suppress_health_check=[HealthCheck.too_slow])


def parse_text(text: str):
    doc = ReportDocument("p.txt", tuple(split_paragraphs(text)), "0")
    try:
        return extract_plan(doc)
    except ReportError:
        return None


@SETTINGS
@given(st.text())
def test_arbitrary_unicode_never_raises_foreign_errors(text):
    parse_text(text)


@SETTINGS
@given(st.text(REPORT_ALPHABET, max_size=3000))
def test_report_like_text_never_raises_foreign_errors(text):
    plan = parse_text(text)
    if plan is not None:
        for item in plan.items:
            assert item.title is not None and item.label


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_read_or_fail_cleanly(data):
    for name in ("r.txt", "r.docx"):
        try:
            doc = read_report_bytes(data, name)
        except ReportError:
            continue
        parse_text(doc.text)


@SETTINGS
@given(seed=st.sampled_from(SEED_TEXTS), data=st.data())
def test_mutated_seeds_parse_or_fail_cleanly(seed, data):
    text = seed
    for _ in range(data.draw(st.integers(1, 6))):
        kind = data.draw(st.sampled_from(["delete", "insert", "duplicate", "swap-lines"]))
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 400)))
        if kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "insert":
            text = text[:i] + data.draw(st.text(REPORT_ALPHABET, max_size=40)) + text[i:]
        elif kind == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            lines = text.split("\n")
            a, b = data.draw(st.integers(0, len(lines) - 1)), data.draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    parse_text(text)


@settings(max_examples=10, deadline=timedelta(seconds=10))
@given(seed=st.sampled_from(SEED_TEXTS), times=st.integers(20, 60))
def test_large_repetitive_input_does_not_hang(seed, times):
    # hundreds of headings and items: a quadratic step would blow far past the deadline
    parse_text((seed + "\n") * times)

"""Copied text gets its paragraphs back: wrapped lines joined, a one-line flattened file split."""

from __future__ import annotations

import pytest

from desktop.core.extract import extract_plan
from desktop.core.reflow import _width, is_flat, reflow, wrap_width
from desktop.core.reports import split_paragraphs
from desktop.core.types import ReportDocument
from tests.conftest import SEEDS


def wrap(paragraphs: list[str], width: int, *, columns: bool = False) -> list[str]:
    """Hard-wrap every paragraph at `width` characters (or display columns), as a PDF copy does."""
    out = []
    for p in paragraphs:
        line = ""
        for ch in p:
            if (_width(line + ch) if columns else len(line + ch)) > width:
                out.append(line)
                line = ""
            line += ch
        out.append(line)
    return out


def seed_paragraphs(k: int) -> list[str]:
    return split_paragraphs(SEEDS[k].read_text(encoding="utf-8"))


def shape(paragraphs: list[str]) -> list[tuple[str, str, int]]:
    plan = extract_plan(ReportDocument("w.txt", tuple(paragraphs), "0"))
    return [(i.label, i.title, len(i.children)) for i in plan.items]


@pytest.mark.parametrize("k", range(5))
@pytest.mark.parametrize("width, columns", [(30, False), (38, False), (72, True)])
def test_wrapped_seed_gives_the_same_plan(k, width, columns):
    original = seed_paragraphs(k)
    wrapped = wrap(original, width, columns=columns)
    assert wrap_width(wrapped) is not None
    assert shape(wrapped) == shape(original)


def test_wrapped_paragraphs_read_back_as_written():
    # A paragraph that happens to end exactly at the edge cannot be told from a wrapped line (it is
    # joined to the next one); these paragraphs all stop short of it.
    original = [p for p in seed_paragraphs(1) + seed_paragraphs(3) if len(p) % 33]
    assert reflow(wrap(original, 33)) == original


def test_ordinary_text_is_left_alone():
    for k in range(5):
        paragraphs = seed_paragraphs(k)
        assert wrap_width(paragraphs) is None and not is_flat(paragraphs)
        assert reflow(paragraphs) == paragraphs


def test_latin_words_broken_at_the_edge_are_joined_with_a_space():
    lines = ["这是一行被硬换行的文字，里面有英文单词 release"] * 14 + ["notes 结束。"]
    width = len(lines[0])
    joined = reflow(lines)
    assert len(joined) == 1 and "release notes" in joined[0]
    assert wrap_width(lines) == (len, width, 0) or wrap_width(lines)[1] >= width


@pytest.mark.parametrize("k", range(5))
def test_flattened_seed_is_split_at_its_numbered_headings(k):
    original = seed_paragraphs(k)
    flat = ["".join(original)]
    assert is_flat(flat)
    plan = extract_plan(ReportDocument("f.txt", tuple(flat), "0"))
    want = extract_plan(ReportDocument("f.txt", tuple(original), "0"))
    assert plan.section.heading == want.section.heading
    assert [i.label for i in plan.items] == [i.label for i in want.items]
    if k != 0:  # seed 000's item headings stand alone without a 。: flattened, nothing marks their end
        assert [i.title for i in plan.items] == [i.title for i in want.items]

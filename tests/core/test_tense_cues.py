"""Sentence tense: what marks a sentence as planned work or as work done (cues.paragraph_tense)."""

from __future__ import annotations

import pytest

from desktop.core.cues import paragraph_tense


@pytest.mark.parametrize(("sentence", "future", "past"), [
    ("计划于9月召开推进会。", 1, 0),
    ("制定全年培训计划，报局党组审定。", 0, 0),  # a plan made: a noun
    ("准备在年底前开展验收。", 1, 0),
    ("做好迎检准备。", 0, 0),
    ("做好准备工作。", 0, 0),
    ("进一步健全考核机制。", 1, 0),
    ("群众满意度进一步提升。", 0, 0),  # a result told
    ("共走访困难群众**户。", 0, 1),  # a count of what was done, figures masked
    ("年底前完成12个村的道路硬化。", 1, 0),  # a deadline: work still to do
    ("上半年，办理提案**件。", 0, 1),
    ("荣获全省先进集体称号。", 0, 1),
    ("共同推进3个片区改造。", 0, 0),  # together, not a count
    ("上半年完成12个村的道路硬化，年底前全部完成。", 0, 0),  # both: neither
])
def test_what_marks_a_sentence(sentence: str, future: int, past: int) -> None:
    assert paragraph_tense(sentence)[1:] == (future, past)

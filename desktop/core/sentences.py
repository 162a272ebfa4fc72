"""Split Chinese text into sentences without breaking inside quotes or brackets."""

from __future__ import annotations

import re

_ENDS = frozenset("。！？!?")
_OPEN_TO_CLOSE = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉",
                  "（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"}
_CLOSERS = frozenset(_OPEN_TO_CLOSE.values())
# Only a quotation can end the sentence around it: `他说：“……。”` does, but `（……。）` and `《……！》` are asides
# and titles inside a sentence that goes on after them.
_QUOTE_CLOSERS = frozenset("”’」』")
# What a sentence may go on with right after a quotation (`牢固树立“……。”的理念`): never the start of a new one.
_GOES_ON = frozenset("的之等，、；：,;:")
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_ENDS | set(_OPEN_TO_CLOSE) | _CLOSERS))) + "]")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, split after 。！？ (not after ；), never inside “…” or （…）.

    A bracket left open by a typo would swallow the rest of the paragraph, so such a
    paragraph is split again ignoring brackets.
    """
    parts, balanced = _split(paragraph, track_brackets=True)
    if not balanced:
        parts, _ = _split(paragraph, track_brackets=False)
    return _merge_fragments(parts)


def _split(text: str, *, track_brackets: bool) -> tuple[list[str], bool]:
    parts: list[str] = []
    stack: list[str] = []
    start = 0
    n = len(text)
    # Only ends, openers and closers change anything: jump between them (a walk over every
    # character cost a seventh of parsing time).
    found = _SPECIAL.search(text)
    while found:
        i = found.start()
        ch = text[i]
        resume = i + 1
        if track_brackets and ch in _OPEN_TO_CLOSE:
            stack.append(_OPEN_TO_CLOSE[ch])
        elif track_brackets and ch in _CLOSERS:
            if stack and stack[-1] == ch:
                stack.pop()
                # `…。”` closes a quoted sentence: split after the closer when nothing is open.
                if not stack and i > 0 and ch in _QUOTE_CLOSERS and text[i - 1] in _ENDS \
                        and _quotation_ends(text[i - 1], text, i + 1):
                    parts.append(text[start:i + 1])
                    start = i + 1
            # a stray closer is ignored
        elif ch in _ENDS and not stack and not _inside_latin(text, i):
            j = i + 1
            while j < n and (text[j] in _ENDS or text[j] == "…"):
                j += 1
            # Closers nothing open asks for (stray ones, or any when brackets are not tracked) go with the
            # sentence; after a quotation mark it ends as a closed quotation would.
            k = j
            while k < n and text[k] in _CLOSERS:
                k += 1
            resume = k
            quoted = not _QUOTE_CLOSERS.isdisjoint(text[j:k])
            if not quoted or _quotation_ends(text[j - 1], text, k):
                parts.append(text[start:k])
                start = k
        found = _SPECIAL.search(text, resume)
    if start < n:
        parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()], not stack


def _quotation_ends(mark: str, text: str, after: int) -> bool:
    """Whether a quotation closed right after the sentence mark `mark` ends the sentence around it too.

    A quoted `！` or `？` is a slogan's or a campaign's own (`开展“我是安全吹哨人！”主题活动`): only a quoted `。`
    ends the sentence, and only when what follows (from `after`) is not the same sentence going on.
    """
    return after >= len(text) or (mark == "。" and text[after] not in _CLOSERS and text[after] not in _GOES_ON)


def _merge_fragments(parts: list[str]) -> list[str]:
    """Glue stray bits (a lone `”`, `）。`, two characters) onto the sentence before them."""
    out: list[str] = []
    for part in parts:
        if out and len(part.strip("。！？!?”’」』）)】] ")) < 2:
            out[-1] += part
        else:
            out.append(part)
    return out


def _inside_latin(text: str, i: int) -> bool:
    """`?` or `!` inside an address or a word (`task.php?id=1`) ends no sentence."""
    return text[i] in "?!" and i + 1 < len(text) and text[i + 1].isascii() and not text[i + 1].isspace() \
        and text[i + 1] not in "?!\"')"

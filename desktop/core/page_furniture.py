"""What a copy carries that is not the report's text: page numbers and the running headers beside them, a
table of contents, and a mail's quoted earlier message. Found by shape, before any heading is looked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from desktop.core.closing import is_signature
from desktop.core.markers import match_at

SENTENCE_END = "。！？!?；;：:"  # what ends a sentence …
PARAGRAPH_END = "。！？!?；;：:”’）)》」』"  # … and what a paragraph's last line ends with

# A PDF copy's page numbers between its lines (`— 2 —`, `- 3 -`, `第2页 共5页`, `Page 2 of 5`).
_PAGE_NUMBER = re.compile(r"^(?:[—\-－–]\s*\d{1,3}\s*[—\-－–]|第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?"
                          r"|(?:page|Page|PAGE)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$")


# A running header or footer with its page number on the same line (`**局2024年上半年工作总结 第2页`).
_HEADED_PAGE = re.compile(r"^[^。；;！？!?]{2,40}?\s+(?:第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?"
                          r"|[—\-－–]\s*\d{1,3}\s*[—\-－–])$")


# A table of contents' entry: a heading, dot leaders (or a tab) and its page number.
_CONTENTS_ENTRY = re.compile(r"^\S.{0,60}?(?:[.．。…·‥⋯_\-—－]{3,}|\t)\s*\d{1,3}$")
_CONTENTS_TITLE = re.compile(r"^目\s*录$")


# Where a mail's quoted earlier message begins: what follows is someone else's text, plan or notice.
_QUOTED_MAIL = re.compile(r"^(?:[-—_=]{2,}\s*(?:原始邮件|转发邮件|转发的邮件|原邮件|Original Message|Forwarded message)\s*[-—_=]{2,}"
                          r"|在.{2,60}写道[：:]|On .{2,80} wrote:)$", re.IGNORECASE)


def before_quoted_mail(lines: Sequence[str]) -> int:
    """How many lines come before a mail's quoted earlier message (all of them when there is none)."""
    return next((k for k, line in enumerate(lines) if k and _QUOTED_MAIL.match(line.strip())), len(lines))


_RUNNING_MAX = 40  # characters: a running header or footer is a short line


def not_page_furniture(lines: Sequence[str]) -> list[bool]:
    """False for page numbers, and for the running header or footer beside one: a short line that
    stands beside a page number more than once, repeats the document's title, or sits between the two
    halves of a sentence broken by the page."""
    pages = [k for k, line in enumerate(lines) if _PAGE_NUMBER.match(line) or _HEADED_PAGE.match(line)]
    # by place: a page of one line stands beside two page numbers, and is still the report's text
    places = {j for k in pages for j in (k - 1, k + 1) if 0 <= j < len(lines)}
    beside = Counter(lines[j] for j in places if len(lines[j]) <= _RUNNING_MAX and not _PAGE_NUMBER.match(lines[j]))
    running = {line for line, n in beside.items() if n >= 2}
    title = next((line for line in lines if line.strip()), None)
    at_pages = set(pages)
    keep = [k not in at_pages for k in range(len(lines))]
    for k in pages:
        for j, outer in ((k - 1, k - 2), (k + 1, k + 2)):
            if not 0 < j < len(lines) or _PAGE_NUMBER.match(lines[j]):
                continue
            if lines[j] in running or lines[j] == title or _header_inside_sentence(lines, j, outer, k):
                keep[j] = False
    return keep


def _header_inside_sentence(lines: Sequence[str], header: int, outer: int, page: int) -> bool:
    """A short line without a sentence's marks or a number, between a page number and the text, where
    the text before the page break stops mid-sentence and the text after it opens with no number: the
    paragraph runs on across the break, so the short line is the page's, not the report's."""
    line = lines[header]
    if len(line) > _RUNNING_MAX or any(ch in line for ch in SENTENCE_END + "，、") or match_at(line, 0) is not None:
        return False
    before, after = (outer, page + 1) if outer < page else (page - 1, outer)
    if not (0 <= before and after < len(lines)):
        return False
    prose = lines[before]
    return (bool(prose) and prose[-1] not in PARAGRAPH_END and len(prose) > _RUNNING_MAX // 2
            and bool(lines[after]) and match_at(lines[after], 0) is None and not is_signature(lines[after]))


def not_contents(lines: Sequence[str]) -> list[bool]:
    """False for the lines of a table of contents (two entries or more; its `目录` line too): its
    headings would otherwise be read as the report's, and the real ones as a numbering restart."""
    entries = [k for k, line in enumerate(lines) if _CONTENTS_ENTRY.match(line.strip())]
    keep = [True] * len(lines)
    if len(entries) < 2:
        return keep
    for k in entries:
        keep[k] = False
        if k > 0 and _CONTENTS_TITLE.match(lines[k - 1].strip()):
            keep[k - 1] = False
    return keep


def broken_at_furniture(lines: Sequence[str], keep: Sequence[bool]) -> set[int]:
    """Places (in the kept lines) where a paragraph runs on across a dropped page footer or header:
    the line before stops mid-sentence and is a paragraph's text, not a short heading line, and the
    line after opens with no number. Found here, joined after the wrap test (which joins them itself)."""
    out: set[int] = set()
    kept_index = -1
    previous: str | None = None
    dropped = False
    for line, k in zip(lines, keep):
        if not k:
            dropped = previous is not None
            continue
        kept_index += 1
        if dropped and previous and previous[-1] not in SENTENCE_END + "”」』）)" \
                and (len(previous) > _RUNNING_MAX or any(ch in previous for ch in "。；;")) \
                and match_at(line, 0) is None:
            out.add(kept_index)
        previous, dropped = line, False
    return out

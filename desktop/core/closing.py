"""What follows a plan's last item without belonging to it: closing remarks, greetings, link lines,
signatures, dates and web-page footers."""

from __future__ import annotations

import re

from desktop.core.duty_lines import read_duty_line
from desktop.core.markers import match_at, opens_with_bullet
from desktop.core.sentences import split_sentences

# Openings of a speech's or a report's closing (同志们…, 总之…); the first group also ends an item
# when it opens a sentence inside the item's last paragraph.
_CLOSING_WORDS = r"同志们|各位领导|各位代表|各位委员|总之|总而言之|综上所述|让我们|此致|特此|谢谢|欢迎"
_CLOSING_SENTENCE = re.compile(rf"^(?:{_CLOSING_WORDS})")
# … and the notes a team's report puts after its plan: 需要协调：… 备注：… (a request or a remark, no task)
_CLOSING = re.compile(rf"^(?:{_CLOSING_WORDS}|综上|最后[，,]|以上|我们坚信|我们相信|附件|附[：:]|展望|备注[：:]|"
                      r"(?:需要|需|请求)(?:协调|支持|帮助|解决)[^，。：:]{0,8}[：:]|"
                      r"[^。！？]{0,20}[，,](?:让我们|我们坚信|我们相信))")
# A web page's footer and survey block: kept apart because `相关…` or `点击…` may open a real
# sentence; they count only as short lines of their own, or as the footers of copied pages.
_FOOTER_ANY = re.compile(r"^(?:本作品|版权所有|Copyright|©|Public domain|注：.{0,20}(?:维基|版权|作品))", re.IGNORECASE)
_FOOTER_SHORT = re.compile(r"^(?:【|\[|责任编辑|编辑[：:]|来源[：:]|原文|打印|关闭|扫一扫|分享|上一篇|下一篇|相关|您对|"
                           r"满意|投票|留言|评论|点击|阅读|浏览|返回|收藏|字号)")
_FOOTER_MAX = 40
# … and the marks only a web page's footer opens with, which end an item even inside its paragraph
# (a page pasted as one line keeps `【打印本页】【关闭窗口】 相关链接：…` after the last sentence).
_PAGE_FOOTER = re.compile(r"^(?:【\s*(?:打印|关闭|字体|字号|收藏|返回顶部|纠错)|打印本页|关闭窗口|网站标识码|版权所有)")
# The flourish a report's last paragraph ends on (…作出新的更大贡献。…谱写新篇章！): in a paragraph that is
# one sentence, it closes the report; a measure says what will be done, not what it will add up to.
_FLOURISH = re.compile(r"(?:作出(?:新的|应有的?)?(?:更大)?贡献|贡献[*＊\d]*力量|新篇章|新局面|新的更大成绩|满意答卷|新的?辉煌|"
                       r"(?:再|迈)上新台阶|新的?高度|新跨越|新佳绩|(?:努力|不懈|团结|接续|砥砺)奋斗)[。！!]?$"
                       # or the rally that opens it: 以更加昂扬的斗志、更加务实的作风，… / 我们将以更加务实的作风，…
                       r"|以更加[^，。；、]{1,10}、更加[^，。；、]{1,10}，|^[^，。；、]{0,8}以更加[^，。；、]{1,12}[，,]")
_FLOURISH_MAX = 160
_URL = r"(?:https?://|ftp://|www\.|[\w.+-]+@[\w-]+\.[\w.]+)"
# A link line: a short label and a colon before an address, or an address alone.
_LINK = re.compile(rf"^(?:[^，,。；;]{{0,16}}[：:]\s*)?{_URL}", re.IGNORECASE)
_DATE = re.compile(
    r"^[（(]?\s*(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|(?:19|20)\d\d[.．/-]\d{1,2}(?:[.．/-]\d{1,2})?"
    r"|[一二〇零○][〇零○一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)\s*[）)]?$"
)
_OFFICE = re.compile(r"(?:局|委|办公室|办|部|厅|处|科|委员会|政府|党组|党委|支部|中心|院|所|站|会|公司|队|室|组|校|村|社区"
                     r"|中学|小学|大学|幼儿园|馆|银行|支行|分行|集团|厂|街道|法庭)\s*$")
# A rule line (=====, -----) or a paragraph in another script: a letter's end, or its translation.
_RULE = re.compile(r"^[=＝\-－_—*＊~～#.·]{5,}$")
_END_MARK = re.compile(r"^[-—–－_=\s]*(?:END|完|全文完)[-—–－_=\s]*$", re.IGNORECASE)  # a pasted article's `- END -`
_RULE_START = re.compile(r"^[=＝\-－_—*＊~～#]{5,}")  # a rule, maybe with a flattened text glued after it
_LATIN_SHARE = 0.85  # `升级CnWizards V1.1框架` is still Chinese
# What a line with a sentence in it has; a signature or an item's title line has none of them.
SENTENCE_MARKS = "。，,；;：:！!？?"
_EXCLAIM_MAX = 16  # `团结奋斗！！`: a short cheer ends a letter, it is not a task


# A form of address on its own (`各位代表！` opening a paragraph of a speech): said to the hall, not a task.
_ADDRESS = re.compile(r"^(?:同志们|朋友们|同志们、朋友们|各位领导|各位代表|各位委员|各位同事)[！!，,：:。]?$")


def is_address(sentence: str) -> bool:
    """Whether a sentence is only a form of address."""
    return _ADDRESS.match(sentence.strip()) is not None


def is_trailing(paragraph: str) -> bool:
    """Whether a paragraph after the last item is closing matter rather than part of the item."""
    text = paragraph.strip()
    if not text or match_at(text, 0) is not None or read_duty_line(text) is not None:  # `【牵头单位】…` is the item's
        return False
    if _CLOSING.match(text) or _LINK.match(text) or _DATE.match(text) or _FOOTER_ANY.match(text):
        return True
    if _RULE.match(text) or _END_MARK.match(text) or _latin(text):
        return True
    if len(text) <= _FOOTER_MAX and _FOOTER_SHORT.match(text):
        return True
    if len(text) <= _EXCLAIM_MAX and text.endswith(("！", "!")) and not any(ch in text for ch in "，,。"):
        return True
    if len(text) <= _FLOURISH_MAX and _FLOURISH.search(text) and len(split_sentences(text)) == 1:
        return True
    return is_signature(text)


def ends_the_text(paragraph: str) -> bool:
    """A rule line, a link line or a paragraph in another script: whatever follows is no longer the
    report (its translation, the team's addresses), even where numbering seems to go on."""
    text = paragraph.strip()
    return bool(_RULE_START.match(text) or _END_MARK.match(text) or _LINK.match(text)
                or (match_at(text, 0) is None and _latin(text)))


def is_signature(text: str) -> bool:
    """A short line with no sentence punctuation that names an office, or a date."""
    if len(text) > 30 or match_at(text, 0) is not None or any(ch in text for ch in SENTENCE_MARKS):
        return False
    return bool(_DATE.match(text) or _OFFICE.search(text))


def trim_last_item(head: str, body: list[str], *, single_paragraph_items: bool) -> tuple[str, list[str]]:
    """The last item without what follows it: from the first trailing paragraph (or, inside its own
    paragraph, the first trailing sentence after its title) on. When every earlier item was one
    paragraph, the paragraphs after the last item's own are trailing too, but for a bulleted list."""
    head = _trim_sentences(head, keep_first=True)
    kept: list[str] = []
    for paragraph in body:
        # a bulleted list under the last item is its own, however short the items before it were
        if (single_paragraph_items and not opens_with_bullet(paragraph)) or is_trailing(paragraph):
            break
        trimmed = _trim_sentences(paragraph, keep_first=False)
        if trimmed != paragraph:
            if trimmed:
                kept.append(trimmed)
            break
        kept.append(paragraph)
    while kept and is_signature(kept[-1]):
        kept.pop()
    return head, kept


def _trim_sentences(paragraph: str, *, keep_first: bool) -> str:
    """The paragraph up to its first link, cheer or closing sentence (the title sentence is kept)."""
    sentences = split_sentences(paragraph)
    for k, sentence in enumerate(sentences):
        if keep_first and k == 0:
            continue
        if _ends_item(sentence):
            return "".join(sentences[:k]).strip()
    return paragraph


def _ends_item(sentence: str) -> bool:
    """A sentence inside an item's last paragraph that starts its closing matter."""
    text = sentence.strip()
    if _CLOSING_SENTENCE.match(text) or _LINK.match(text) or _DATE.match(text) or _PAGE_FOOTER.match(text):
        return True
    return len(text) <= _EXCLAIM_MAX and text.endswith(("！", "!")) and not any(ch in text for ch in "，,。")


def _latin(text: str) -> bool:
    """Mostly Latin letters: an English translation or a mail footer after a Chinese report."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 20 and sum(ch.isascii() for ch in letters) >= _LATIN_SHARE * len(letters)

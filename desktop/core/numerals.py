"""Chinese numerals as they appear in report numbering (一 … 九十九, 甲乙丙, ①)."""

_DIGITS = "零一二三四五六七八九"
_VALUES = {ch: i for i, ch in enumerate(_DIGITS)} | {"〇": 0, "两": 2}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def to_chinese(n: int) -> str:
    """Write 1…99 the way report numbering does: 一, 十, 十一, 二十三."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def from_chinese(text: str) -> int | None:
    """Read 一 … 九十九 (also 〇/两); None when `text` is not such a numeral."""
    if not text:
        return None
    if "十" in text:
        before, _, after = text.partition("十")
        if "十" in after or len(before) > 1 or len(after) > 1:
            return None
        tens = 1 if not before else _VALUES.get(before)
        ones = 0 if not after else _VALUES.get(after)
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(text) == 1 and text in _VALUES:
        return _VALUES[text] or None
    return None

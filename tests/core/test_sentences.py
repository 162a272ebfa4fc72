"""Sentences inside a measure's paragraph: split after 。！？, never inside quotations, asides or titles."""

from __future__ import annotations

import pytest

from desktop.core.sentences import split_sentences


@pytest.mark.parametrize(("paragraph", "sentences"), [
    # a campaign's or a slogan's own mark is not the end of the sentence that names it
    ("深入开展“我是安全吹哨人！”主题活动，鼓励员工报告隐患。年底前完成评估。",
     ["深入开展“我是安全吹哨人！”主题活动，鼓励员工报告隐患。", "年底前完成评估。"]),
    ("围绕“隐患在哪里？”开展自查，形成清单。", ["围绕“隐患在哪里？”开展自查，形成清单。"]),
    # the sentence goes on after a quoted sentence
    ("牢固树立“隐患就是事故。”的理念，压实责任。", ["牢固树立“隐患就是事故。”的理念，压实责任。"]),
    # asides in brackets and titles in 《》 sit inside a sentence
    ("挂牌督办（清单每月更新一次。），逐项销号。", ["挂牌督办（清单每月更新一次。），逐项销号。"]),
    ("播放警示片《生命重于泰山！》，组织观看。", ["播放警示片《生命重于泰山！》，组织观看。"]),
    # a quoted sentence ends the sentence it closes
    ("他强调：“要抓紧落实。”各单位表示同意。", ["他强调：“要抓紧落实。”", "各单位表示同意。"]),
    ("推行“接诉即办”。开展满意度调查。", ["推行“接诉即办”。", "开展满意度调查。"]),
    # a stray closing mark stays with its sentence, which still ends there
    ("做到人人有责。”鼓励企业参与。", ["做到人人有责。”", "鼓励企业参与。"]),
    ("一是抓好落实。）二是加强督查。", ["一是抓好落实。）", "二是加强督查。"]),
    # a bracket left open: split again without brackets, quotations still kept whole
    ("（未闭合的括号。开展调查。“吹哨人！”主题活动。", ["（未闭合的括号。", "开展调查。", "“吹哨人！”主题活动。"]),
])
def test_sentence_ends(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences

"""The five real reports yield exactly the plans issue 2 lists."""

from datetime import date

from desktop.core.extract import parse_report
from tests.conftest import SEEDS
from tests.core.expected import assert_matches


def test_each_seed_yields_its_expected_plan(seed_path):
    assert_matches(parse_report(seed_path), seed_path.name[:3])


def test_seed_000_preamble_is_kept_whole_and_not_an_item():
    plan = parse_report(SEEDS[0])
    assert plan.section.preamble.endswith("以优异成绩迎接党的二十大胜利召开。")
    assert all(not item.title.startswith("下半年") for item in plan.items)


def test_seed_002_closing_remarks_are_not_an_item():
    plan = parse_report(SEEDS[2])
    last = plan.items[-1]
    assert "同志们" not in last.text
    assert all("同志们" not in child.text for child in last.children)


def test_seed_003_items_of_section_one_are_not_plan_items():
    plan = parse_report(SEEDS[3])
    assert all("着力抓" not in item.title for item in plan.items)


def test_seed_004_deadlines_with_year():
    plan = parse_report(SEEDS[4], year=2023)
    first, second = plan.items[0], plan.items[1]
    assert first.children[0].due == date(2023, 12, 31)  # 年底前
    assert second.children[0].due == date(2023, 8, 31)  # 8月底前
    assert second.due == date(2023, 8, 31)
    # a measure without its own deadline inherits the end of the plan period
    assert plan.items[2].children[0].due == date(2023, 12, 31)


def test_seed_004_without_year_has_no_deadlines():
    plan = parse_report(SEEDS[4])
    assert plan.year is None
    assert all(child.due is None for item in plan.items for child in item.children)


def test_ongoing_measure_has_no_deadline():
    plan = parse_report(SEEDS[1])
    regular = plan.items[1].children[0]  # 继续坚持常态化干部调研…
    assert "常态化" in regular.text
    assert regular.due is None and regular.ongoing
    assert plan.items[1].children[1].due == date(2023, 12, 31)


def test_measures_split_on_sentences_not_semicolons_or_inside_brackets():
    plan = parse_report(SEEDS[4], year=2023)
    five = plan.items[4]
    assert [c.title[:9] for c in five.children] == ["在村（社区）进一步", "在城市小区（楼院）"]
    assert five.children[0].title.endswith("“四星”支部*个（农村*个，社区*个）")
    assert "；在市直机关" in five.children[1].text


def test_masked_numbers_are_kept_verbatim():
    plan = parse_report(SEEDS[4])
    assert "*个（农村*个" in plan.items[4].children[0].text


def test_item_text_contains_its_whole_body():
    plan = parse_report(SEEDS[0])
    item = plan.items[1]
    assert item.text.startswith(item.title)
    assert all(child.text in item.text for child in item.children)


def test_titles_fall_back_from_word_less_file_names_to_year_and_heading(tmp_path):
    assert parse_report(SEEDS[1]).title == "2023年下半年工作计划"
    assert parse_report(SEEDS[2]).title == "2023年组织工作安排"
    assert parse_report(SEEDS[4]).title == "下步计划"
    named = tmp_path / "**县委组织部上半年工作总结.txt"
    named.write_bytes(SEEDS[1].read_bytes())
    assert parse_report(named).title == "**县委组织部上半年工作总结"

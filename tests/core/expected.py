"""What the five seed reports must yield (issue 2): heading, year, preamble, items and measure counts."""

SEEDS = {
    "000": dict(heading="三、下一步工作打算", year=2022, preamble="下半年，按照市委组织部", items=[
        ("（一）", "聚焦高素质干部队伍建设，坚持“严管+厚爱”“激励+约束”，确保各项事业发展“人才辈出”", 3),
        ("（二）", "聚焦高标准基层党组织建设，坚持品牌牵引、提质聚力，为各项事业发展“固本强基”", 5),
        ("（三）", "聚焦高技能人才队伍建设，坚持“招商引资”“招才引智”，为各项事业发展“筑巢引凤”", 3),
    ]),
    "001": dict(heading="三、下半年工作计划", year=2023, preamble=None, items=[
        ("一是", "抓实基层党建工作", 1),
        ("二是", "持续提升选人用人科学化水平", 2),
        ("三是", "充分激发人才创新创造活力", 2),
    ]),
    "002": dict(heading="二、2023年组织工作安排", year=2023, preamble="2023年，是全面贯彻落实党的二十大精神", items=[
        ("（一）", "突出能力素质提升，扎实推进高素质专业化干部队伍建设", 4),
        ("（二）", "突出组织功能提升，持续推动基层党建全面进步全面过硬", 6),
        ("（三）", "突出人才培育提升，充分释放人才创新创造创业活力", 4),
    ]),
    "003": dict(heading="二、下半年工作思路", year=None, preamble=None, items=[
        ("（一）", "抓好党员干部思想理论武装", 1),
        ("（二）", "锻造高素质专业化干部队伍", 2),
        ("（三）", "激励干部新时代新担当新作为", 4),
        ("（四）", "不断提升基层党组织组织力", 6),
        ("（五）", "大力实施人才强县工程", 4),
        ("（六）", "打造忠诚干净担当的组工干部", 3),
    ]),
    "004": dict(heading="三、下步计划", year=None, preamble=None, items=[
        ("一是", "持续推进党的二十大精神大学习大培训行动", 1),
        ("二是", "提前谋划主题教育", 1),
        ("三是", "大力推进年轻干部“荥星历练计划”", 1),
        ("四是", "开展事业单位高层次人才公开招引", 3),
        ("五是", "抓好全域创“五星”工作", 2),
        ("六是", "用心用情做好老干部工作", 3),
    ]),
}


def assert_matches(plan, key: str) -> None:
    """Assert a parsed plan equals the expectation for seed `key` exactly."""
    want = SEEDS[key]
    assert plan.section.heading == want["heading"]
    assert plan.year == want["year"]
    if want["preamble"] is None:
        assert plan.section.preamble is None
    else:
        assert plan.section.preamble.startswith(want["preamble"])
    got = [(item.label, item.title, len(item.children)) for item in plan.items]
    assert got == want["items"]

"""`halfyear parse`: outline, JSON shape, and exit status 2 with one Chinese line for bad inputs."""

import json
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT, SEEDS


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_json_has_the_documented_shape():
    result = run_cli("parse", str(SEEDS[4]), "--year", "2023", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == SEEDS[4].name
    assert data["year"] == 2023
    assert data["section"] == {"heading": "三、下步计划", "preamble": None}
    first = data["items"][0]
    assert set(first) >= {"label", "title", "text", "due", "children"}
    assert first["label"] == "一是" and first["due"] == "2023-12-31"
    assert data["items"][1]["children"][0]["due"] == "2023-08-31"
    assert set(first["children"][0]) >= {"label", "title", "text", "due", "children"}


def test_outline_lists_items_and_measures():
    result = run_cli("parse", str(SEEDS[1]))
    assert result.returncode == 0
    assert "三、下半年工作计划" in result.stdout
    assert "一是抓实基层党建工作" in result.stdout


def _docx_not_zip(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK not really a zip, just a renamed text file")
    return path


def _zip_not_docx(tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    return path


def _binary(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def _empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \r\n\n ")
    return path


def _unsupported(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    return path


def _no_plan(tmp_path):
    path = tmp_path / "summary.txt"
    path.write_text("一、主要工作\n做了很多事。\n二、存在问题\n问题不少。\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make, words", [
    (lambda tmp: tmp / "missing.txt", "找不到文件"),
    (_empty, "空的"),
    (_binary, "不是文本文件"),
    (_docx_not_zip, "不是 Word 文档"),
    (_zip_not_docx, "不是 Word 文档"),
    (_unsupported, "暂不支持"),
    (_no_plan, "一、主要工作；二、存在问题"),
], ids=["missing", "empty", "binary", "docx-not-zip", "zip-not-docx", "unsupported", "no-plan"])
def test_bad_input_exits_2_with_one_chinese_line(tmp_path, make, words):
    path = make(tmp_path)
    result = run_cli("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误：") and words in lines[0]


def test_section_option_forces_the_heading(tmp_path):
    path = _no_plan(tmp_path)
    result = run_cli("parse", str(path), "--section", "二、存在问题", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["section"]["heading"] == "二、存在问题"


def test_bad_year_is_refused():
    result = run_cli("parse", str(SEEDS[0]), "--year", "二〇二三")
    assert result.returncode == 2
    assert "四位数字年份" in result.stderr


@pytest.mark.parametrize("args, words", [
    (["parse"], "缺少参数：FILE"),
    (["parse", "a.txt", "--bogus"], "无法识别的参数：--bogus"),
    (["parse", "a.txt", "--year"], "--year 后面需要一个取值"),
])
def test_usage_errors_are_one_chinese_line(args, words):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith(f"错误：{words}")


def test_outline_labels_are_not_doubled(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一、工作情况\n做了。\n二、下一步打算\n（一）抓落实。1.开展调研。2.完善制度。\n", encoding="utf-8")
    result = run_cli("parse", str(path))
    assert result.returncode == 0, result.stderr
    assert "    1. 开展调研" in result.stdout and "1.." not in result.stdout

"""QA: a mkdocs.yml that is not UTF-8 or not YAML, as every command meets it: one line, exit 2."""

from __future__ import annotations

import json

import pytest
from qakit import handbook, make_project, one_error_line

COMMANDS = [["check"], ["sync"], ["status", "--offline"], ["generate"], ["discord", "plan"]]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_mkdocs_yml_not_utf8_is_one_line(tmp_path, args):
    make_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: Caf\xe9\nplugins:\n  - handbook\n")
    line = one_error_line(handbook(tmp_path, *args), " ".join(args[:2] if args[0] == "discord" else args[:1]))
    assert "mkdocs.yml:1: is not UTF-8 text" in line
    assert "Fix: save the file as UTF-8" in line


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_mkdocs_yml_invalid_yaml_is_one_line_with_its_line(tmp_path, args):
    make_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: QA\nnav: [x\nplugins:\n  - handbook\n", encoding="utf-8")
    line = one_error_line(handbook(tmp_path, *args), " ".join(args[:2] if args[0] == "discord" else args[:1]))
    assert "mkdocs.yml:3:" in line and "is not valid YAML" in line, line


def test_mkdocs_yml_invalid_yaml_as_json(tmp_path):
    make_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: QA\nnav: [x\nplugins:\n  - handbook\n", encoding="utf-8")
    result = handbook(tmp_path, "check", "--format", "json")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["file"] == "mkdocs.yml" and error["line"] == 3 and "\n" not in error["message"]

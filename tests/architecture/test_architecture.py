"""The layout's promises, checked: import contracts, lazy imports, no pointers outside the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

PACKAGE = ROOT / "plugins" / "handbook"
OUTSIDE = re.compile(r"DISCORD\.md|\.\./shared/|(?<![\w./-])/(?:work|root|home)/")  # files only this machine has


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint)] if lint.exists() else [shutil.which("lint-imports") or "lint-imports"]
    result = subprocess.run([*command, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _modules_loaded(*imports: str) -> set[str]:
    code = "import sys\n" + "".join(f"import {m}\n" for m in imports) + "print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def _all_modules(package: str) -> list[str]:
    folder = PACKAGE / package
    return [f"handbook.{package}.{p.stem}" for p in sorted(folder.glob("*.py")) if p.stem != "__init__"]


@pytest.mark.parametrize("package", ["channelmap", "checks"])
def test_pure_packages_load_no_plugin_api_http_or_git(package):
    loaded = _modules_loaded(*_all_modules(package))
    assert not {m for m in loaded if m in {"mkdocs.plugins", "httpx", "git", "jinja2"}}


def test_what_the_build_uses_of_link_health_loads_no_http():
    build_side = [m for m in _all_modules("linkhealth") if m not in {"handbook.linkhealth.http", "handbook.linkhealth.run"}]
    assert not {m for m in _modules_loaded(*build_side) if m in {"mkdocs.plugins", "handbook.linkhealth.http"}
                or m.split(".")[0] in {"httpx", "git"}}
    assert not {m for m in _modules_loaded("handbook.plugin") if m == "handbook.linkhealth.http" or m == "httpx"}


def test_the_command_line_starts_without_git_httpx_or_mkdocs():
    loaded = _modules_loaded("handbook.cli.app")
    assert not {m for m in loaded if m.split(".")[0] in {"git", "httpx", "mkdocs", "ruamel", "markdown"}}


def test_version_and_help_work_without_git_on_path(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path), "GIT_PYTHON_GIT_EXECUTABLE": str(tmp_path / "no-git")}
    for args in (["--version"], ["--help"], ["check", "--help"], ["schema"], ["schema", "communities"],
                 ["links", "check", "--help"]):
        result = subprocess.run([sys.executable, "-m", "handbook", *args], capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


def test_nothing_points_outside_the_repository():
    offenders = []
    for folder in ("plugins", "tests", "benchmarks", "docs"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".py", ".md", ".yml", ".html", ".toml"} or ".venv" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.name != "test_architecture.py":
                offenders += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in OUTSIDE.finditer(text)]
    assert offenders == []


def test_every_subpackage_says_its_job():
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = init.read_text(encoding="utf-8").lstrip()
        assert doc.startswith('"""') and len(doc.split('"""')[1].split()) >= 25, init


@pytest.mark.parametrize("args", [["import", "gitbook", "."], ["discord", "announce", "--since", "HEAD", "--dry-run"]])
def test_commands_that_need_git_say_so_when_it_is_missing(tmp_path, args):
    (tmp_path / "SUMMARY.md").write_text("* [Home](README.md)\n", encoding="utf-8")
    env = {**os.environ, "PATH": str(tmp_path / "bin"), "GIT_PYTHON_REFRESH": "quiet"}
    result = subprocess.run([sys.executable, "-m", "handbook", *args], cwd=tmp_path, capture_output=True,
                            text=True, env=env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


TOP_LEVEL_MAX = 8


def test_few_modules_sit_at_the_top_level():
    """The top level is the plugin, the options, the project and what every layer shares; the
    rest lives in the subpackage whose job it is (at most eight modules besides `__init__`)."""
    top = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert len(top) <= TOP_LEVEL_MAX, top


MODULE_LINES_MAX = 450
DATA_MODULES = ("i18n/languages/",)
"""Words in each language: tables, not logic, as long as the vocabulary is."""


def test_no_module_is_longer_than_one_job():
    lengths = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
               for path in PACKAGE.rglob("*.py")}
    long = {name: lines for name, lines in lengths.items() if lines > MODULE_LINES_MAX
            and not name.startswith(DATA_MODULES)}
    assert long == {}

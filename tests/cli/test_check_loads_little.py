"""`handbook check` loads what the build's navigation needs, and no more (issue 26).

It renders no Markdown and serves nothing, so it never imports a Markdown extension's code,
Pygments or MkDocs' live-reload server; mkdocs.yml is still validated as the build validates it
(the same schema, every plugin's options), and a misspelt extension is still one clear error.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from qakit import MKDOCS_YML, handbook, make_project, one_error_line
from sitekit import GIT_ENV

from handbook.project import load_command_config

EXTENSIONS = """\
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
  - pymdownx.highlight:
      anchor_linenums: true
  - pymdownx.superfences
"""

PROBE = ("import json, sys\n"
         "from handbook.cli import main\n"
         "code = main(['check'])\n"
         "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}))\n")


def modules_after_check(root: Path) -> tuple[int, set[str]]:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1"}, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    return report["code"], set(report["modules"])


def test_check_imports_no_markdown_extension_no_pygments_and_no_live_reload(tmp_path):
    make_project(tmp_path, {"mkdocs.yml": MKDOCS_YML + EXTENSIONS})
    code, modules = modules_after_check(tmp_path)
    assert code in (0, 1)  # findings or none, not bad input
    assert "handbook.navigation" in modules  # it did find the categories in the build's nav
    loaded = sorted(m for m in modules if m.split(".")[0] == "pygments" or m in {
        "pymdownx.superfences", "pymdownx.highlight", "markdown.extensions.admonition",
        "markdown.extensions.attr_list", "markdown.extensions.codehilite", "mkdocs.livereload"})
    assert loaded == []


@pytest.mark.parametrize("name", ["pymdownx.no_such_extension", "no_such_extension", "markdown.extensions.tocc"])
def test_a_misspelt_markdown_extension_is_still_one_error(tmp_path, name):
    make_project(tmp_path, {"mkdocs.yml": MKDOCS_YML + f"markdown_extensions:\n  - admonition\n  - {name}\n"})
    line = one_error_line(handbook(tmp_path, "check"), "check")
    assert "mkdocs.yml" in line and f"Failed to load extension '{name}'" in line, line


def test_a_markdown_extension_list_that_is_not_a_list_is_refused_as_mkdocs_refuses_it(tmp_path):
    make_project(tmp_path, {"mkdocs.yml": MKDOCS_YML + "markdown_extensions: admonition\n"})
    line = one_error_line(handbook(tmp_path, "check"), "check")
    assert "Invalid Markdown Extensions configuration" in line, line


CONFIGS = {
    "list, after INHERIT": "INHERIT: base.yml\nsite_name: Child\n",
    "mapping": MKDOCS_YML + "markdown_extensions:\n  footnotes: {}\n  toc: {toc_depth: 3}\n  pymdownx.highlight:\n"
               "    anchor_linenums: true\n  admonition:\n",
}


@pytest.mark.parametrize("text", CONFIGS.values(), ids=CONFIGS.keys())
def test_plugins_see_the_configuration_mkdocs_loads(tmp_path, text, caplog):
    (tmp_path / "base.yml").write_text(MKDOCS_YML + EXTENSIONS, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    caplog.set_level(logging.ERROR, logger="mkdocs")  # restored after the test: later strict builds count warnings
    built = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    commands = load_command_config(tmp_path / "mkdocs.yml")
    assert commands.markdown_extensions == built.markdown_extensions
    assert commands.mdx_configs == built.mdx_configs and "pymdownx.highlight" in built.mdx_configs
    assert commands.config_file_path == built.config_file_path
    assert {k: v for k, v in commands.items() if k not in ("plugins", "theme")} == \
        {k: v for k, v in built.items() if k not in ("plugins", "theme")}
    assert list(commands.plugins) == list(built.plugins) and commands.theme.name == built.theme.name

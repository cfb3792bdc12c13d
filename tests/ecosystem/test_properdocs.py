"""ProperDocs: `properdocs.yml` is found by the CLI, and an environment with ProperDocs but without
the `mkdocs` package runs both the plugin and the CLI. Each test runs a fresh Python in which
importing `mkdocs` fails, as it does where the package is not installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sitekit
import yaml
from ecosystem_site import CHANNEL_MAP, DOCS

WITHOUT_MKDOCS = """
import sys
class NoMkDocs:
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith("mkdocs."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, NoMkDocs())
"""


def run_without_mkdocs(root: Path, code: str) -> subprocess.CompletedProcess:
    script = WITHOUT_MKDOCS + code
    return subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **sitekit.GIT_ENV})


def properdocs_site(root: Path) -> Path:
    sitekit.write_files(root, {f"docs/{path}": text for path, text in DOCS.items()})
    sitekit.write_files(root, {"channel_map.yml": CHANNEL_MAP})
    cfg = {"site_name": "Test handbook", "theme": {"name": "material"},
           "plugins": ["search", {"handbook": {"history": False}}]}
    (root / "properdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return root


def test_the_blocker_really_hides_mkdocs(tmp_path):
    result = run_without_mkdocs(tmp_path, "import mkdocs.config\n")
    assert result.returncode == 1 and "No module named 'mkdocs" in result.stderr


def test_handbook_check_finds_properdocs_yml_without_the_mkdocs_package(tmp_path):
    properdocs_site(tmp_path)
    result = run_without_mkdocs(tmp_path, "from handbook.cli import main\nsys.exit(main(['check', '--format', 'json']))\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"findings": []}
    assert "Traceback" not in result.stderr


def test_properdocs_build_strict_without_the_mkdocs_package(tmp_path):
    properdocs_site(tmp_path)
    result = run_without_mkdocs(tmp_path, "from properdocs.__main__ import cli\ncli(['build', '--strict'])\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site" / "channels" / "index.html").is_file()
    page = (tmp_path / "site" / "habits" / "tiny" / "index.html").read_text(encoding="utf-8")
    assert "handbook-discuss__channel" in page

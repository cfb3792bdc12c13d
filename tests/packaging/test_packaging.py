"""The wheel people install: metadata, LICENSE, py.typed, templates and schema; and mypy is clean on every module."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from email.parser import Parser

from paths import ROOT

PACKAGE = ROOT / "plugins" / "handbook"


def test_the_wheel_carries_license_types_templates_and_metadata(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "-w", str(tmp_path), str(ROOT)], check=True,
                   capture_output=True, cwd=tmp_path)
    [wheel] = tmp_path.glob("mkdocs_handbook-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [metadata_name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(archive.read(metadata_name).decode("utf-8"))
    assert "handbook/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "handbook/site/templates/partials/source-file.html" in names
    assert any(n.startswith("handbook/channelmap/schema/") and n.endswith(".json") for n in names)
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == ">=3.10"
    assert "Programming Language :: Python :: 3.14" in metadata.get_all("Classifier")
    assert "Source, https://github.com/campfire-practice/handbook" in metadata.get_all("Project-URL")


def test_mypy_is_clean_on_every_module():
    result = subprocess.run([sys.executable, "-m", "mypy", "plugins/handbook"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    modules = len(list(PACKAGE.rglob("*.py")))
    assert f"no issues found in {modules} source files" in result.stdout, result.stdout[-3000:]


def test_no_module_is_exempt_from_mypy():
    """No `ignore_errors` in the config, no file-wide `# mypy: ignore-errors`, and every
    `# type: ignore` names the one error it silences (warn_unused_ignores drops stale ones)."""
    assert "ignore_errors" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        shown = path.relative_to(ROOT).as_posix()
        assert not re.search(r"#\s*mypy:\s*ignore[-_]errors", text), shown
        assert not re.search(r"#\s*type:\s*ignore(?!\[)", text), shown

"""The wheel people install: metadata, LICENSE, py.typed, templates and schema; and mypy is clean."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser

from paths import ROOT


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


def test_mypy_is_clean():
    result = subprocess.run([sys.executable, "-m", "mypy", "plugins/handbook"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]

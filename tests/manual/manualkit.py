"""Building the manual (`manual/mkdocs.yml`) as CI does, strict, into a temporary folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from paths import ROOT

MANUAL = ROOT / "manual"
HOOKS = MANUAL / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))  # the generators the hooks run, for the tests to call too


def build_manual(site_dir: Path, manual: Path = MANUAL) -> Path:
    """A strict build of the manual at `manual` (a warning stops it); returns the site folder."""
    config = load_config(config_file=str(manual / "mkdocs.yml"), site_dir=str(site_dir))
    assert config.strict, "the manual builds strict"
    build(config)
    return site_dir


def copy_manual(target: Path) -> Path:
    """The manual's sources in `target`, for a test that adds a page (its hooks and the code stay)."""
    shutil.copytree(MANUAL, target, ignore=shutil.ignore_patterns("site", "__pycache__"))
    return target


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site_dir: Path) -> list[Path]:
    """Every page of the built manual (the 404 page apart)."""
    return sorted(p for p in site_dir.rglob("index.html") if p.parent.name != "404")

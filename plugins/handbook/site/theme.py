"""The plugin's theme partials, placed so that a user's `custom_dir` still wins over them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

TEMPLATES = Path(__file__).parent / "templates"


def add_templates_dir(config: MkDocsConfig) -> None:
    """Put our partials right after `custom_dir` (or first), once per build."""
    dirs = config.theme.dirs
    if str(TEMPLATES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))

"""One handbook project as the command line sees it: mkdocs.yml, the plugin's options, the docs
files, the channel map, and the checks that join them. The plugin runs the same checks on the
files and nav of a real build, so `handbook check` and `mkdocs build` never disagree.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import get_files

from handbook import channel_map as cm
from handbook import drift as drift_module
from handbook.categories import HandbookCategory, find_categories
from handbook.config import HandbookConfig
from handbook.findings import Finding

log = logging.getLogger("mkdocs.plugins.handbook")


class ProjectError(Exception):
    """mkdocs.yml cannot be used; the message says which file and what to do."""


@dataclass
class Project:
    config: MkDocsConfig
    options: HandbookConfig
    config_file: Path

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def map_path(self) -> Path:
        return self.root / self.options.channel_map

    def categories(self) -> list[HandbookCategory]:
        files = get_files(self.config)
        return find_categories(files, self.docs_dir, self.config.nav, self.options.exclude_categories)


def load_project(config_file: str | os.PathLike | None = None) -> Project:
    path = Path(config_file or "mkdocs.yml")
    if not path.is_file():
        raise ProjectError(f"{path}: no such file. Run handbook in the folder that holds mkdocs.yml, "
                           "or name it with -f path/to/mkdocs.yml")
    # MkDocs logs config warnings itself; keep the command's output to our findings.
    mkdocs_log = logging.getLogger("mkdocs")
    previous = mkdocs_log.level
    mkdocs_log.setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(path))
    except ConfigurationError as err:
        raise ProjectError(f"{path}: {err}") from None
    finally:
        mkdocs_log.setLevel(previous)
    plugin = config.plugins.get("handbook")
    options = plugin.config if plugin is not None else _default_options(path)
    return Project(config=config, options=options, config_file=path.resolve())


def _default_options(path: Path) -> HandbookConfig:
    options = HandbookConfig(config_file_path=str(path))
    options.load_dict({})
    options.validate()
    return options


def display_path(path: Path, root: Path) -> str:
    """A path as people see it in messages: relative to the project when it is inside it."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


def load_map(path: Path) -> cm.ChannelMap | None:
    """The map, or None when there is none; ChannelMapError for a broken one."""
    try:
        return cm.load_channel_map(path)
    except FileNotFoundError:
        return None


def detect_renames(root: Path, docs_dir: Path, categories: list[HandbookCategory],
                   channel_map: cm.ChannelMap) -> dict[str, str]:
    """Ask git only about folders that topic channels still mirror but that are gone."""
    gone = drift_module.orphan_folders(categories, channel_map)
    if not gone:
        return {}
    from handbook.history import find_folder_renames  # git is touched only when needed

    return find_folder_renames(root, docs_dir, gone)


def run_checks(categories: list[HandbookCategory], channel_map: cm.ChannelMap | None,
               renames: dict[str, str], map_display: str, docs_display: str
               ) -> tuple[drift_module.Drift | None, list[Finding], list[Finding]]:
    """(drift, validation findings, drift findings) for one project."""
    if channel_map is None:
        return None, [], [drift_module.missing_map_finding(map_display)]
    validation = cm.validate(channel_map, map_display)
    drift = drift_module.compare(categories, channel_map, renames)
    return drift, validation, drift_module.findings(drift, map_display, docs_display)

"""What every page of one Zensical build shares, read once: the plugin's options, the map, the words.

The options are the handbook plugin's, read from `mkdocs.yml` by the one loader the commands use
(`handbook.project.load_project`, validated by `handbook.config.HandbookConfig`; its defaults
when the file names no `- handbook:` plugin or the build has no `mkdocs.yml`). The extension's
own options (`markdown_extensions: - handbook.site.standalone: {history: false}`) override the
plugin's of the same name and are validated by the same option types.

Bad input stops the build with one line naming the file, the line and the fix (exit 2), as
`mkdocs build` stops on a broken map: a page rendered without the map would show private channel
names as plain text. Under `zensical serve` (a local preview) the line is logged and the pages
are shown without the handbook's additions. A missing map is the plugin's warning, once.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.errors import HandbookError
from handbook.i18n import LANGUAGES, Words
from handbook.site.per_build import LatestBuild
from handbook.site import forum_links

log = logging.getLogger("mkdocs.plugins.handbook")

EXTENSION = "handbook.site.standalone"
OVERRIDABLE = ("channel_map", "channel_directory", "discuss_links", "show_private_names", "history")
"""The plugin's options the extension may set for itself (the manual: how-to/build-with-zensical.md)."""
OWN_OPTIONS = ("language",)
"""Options of the extension alone: `language` is `theme.language` unless it says otherwise."""


class StandaloneError(HandbookError):
    """The build cannot show the handbook's additions; the message says where and how to fix it."""


@dataclass
class BuildSetup:
    """One build's options, map and words (None fields: that part is off or absent)."""

    options: Any
    """The plugin's validated options (`HandbookConfig`), with the extension's overrides."""
    root: Path
    docs_dir: Path
    words: Words
    links: Any = None
    """`ChannelLinks` of the map; None when there is no map."""
    map_file: Path | None = None
    categories: list | None = None
    """The handbook categories as `handbook check` finds them (discuss boxes follow them)."""
    config_name: str = "mkdocs.yml"
    page_posts: Any = None
    """`forum_links.PagePosts` from discussions.yml: each page's own forum post; None without the file."""


_LATEST: LatestBuild[BuildSetup | None] = LatestBuild()


def build_setup(build: dict | None, overrides: dict[str, Any]) -> BuildSetup | None:
    """The setup of the build whose Zensical configuration is `build`, read by its first page;
    None when bad input leaves nothing to show (after the one line that says why)."""
    root = Path(str((build or {}).get("root_dir") or ".")).resolve()
    key = (str(root), tuple(sorted((k, repr(v)) for k, v in overrides.items())))

    def read() -> BuildSetup | None:
        try:
            return _read(build or {}, root, overrides)
        except HandbookError as err:
            stop_build(err)
            return None

    return _LATEST.get(build, key, read)


def _read(build: dict, root: Path, overrides: dict[str, Any]) -> BuildSetup:
    from handbook import project
    from handbook.checks.drift import missing_map_finding
    from handbook.site.links import ChannelLinks

    found = project.find_config_file(root)
    config_file = _as_shown(found or root / "zensical.toml")  # what errors in the options name
    own = {k: v for k, v in overrides.items() if k in OWN_OPTIONS}
    plugin_overrides = {k: v for k, v in overrides.items() if k not in OWN_OPTIONS}
    loaded = project.load_project(config_file) if found is not None else None
    if loaded is not None:
        docs_dir, theme_language = loaded.docs_dir, loaded.config.theme.get("language")
    else:  # zensical.toml: the plugin's defaults
        docs_dir = (root / str(build.get("docs_dir") or "docs")).resolve()
        theme_language = (build.get("theme") or {}).get("language")
    options = _with_overrides(loaded.options if loaded else None, plugin_overrides, config_file)
    language = _language(own.get("language", theme_language), config_file)
    words = Words.for_theme(language)
    setup = BuildSetup(options, root, docs_dir, words, config_name=config_file.name)
    map_path = root / options.channel_map
    shown = project.display_path(map_path, root)
    channel_map = project.load_map(map_path, shown)
    if channel_map is None:
        missing = missing_map_finding(shown)
        level = options.drift.log_level(missing.severity)
        if level is not None:  # the plugin's warning, at the plugin's level
            log.log(level, missing.as_log_line())
        return setup
    setup.map_file = map_path
    setup.links = ChannelLinks(channel_map, directory=options.channel_directory or None,
                               show_private_names=options.show_private_names, words=words)
    if loaded is not None and options.discuss_links:
        setup.categories = loaded.categories()
    try:
        setup.page_posts = forum_links.load_page_posts(map_path)
    except HandbookError as err:  # the discuss boxes link the forums instead
        log.warning(f"Error reading the forum posts: {err}")
    return setup


def _as_shown(path: Path) -> Path:
    """`path` relative to the folder the build runs in, as people name it (`mkdocs.yml`)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _with_overrides(options, overrides: dict[str, Any], config_file: Path):
    """The plugin's options (its defaults when None) with the extension's, each validated by
    the plugin's option type."""
    from mkdocs.config.base import ValidationError

    from handbook.config import HandbookConfig
    from handbook.project import default_options

    if options is None:
        options = default_options(config_file)
    if not overrides:
        return options
    unknown = sorted(set(overrides) - set(OVERRIDABLE))
    if unknown:
        raise StandaloneError(f"`{EXTENSION}` has no option '{unknown[0]}'", file=str(config_file),
                              line=option_line(config_file, unknown[0]),
                              fix=f"use one of {', '.join(OVERRIDABLE + OWN_OPTIONS)}; the plugin's other "
                                  "options go under `plugins: - handbook:`")
    schema = dict(HandbookConfig._schema)
    for key, value in overrides.items():
        try:
            options[key] = schema[key].validate(value)
        except ValidationError as err:
            raise StandaloneError(f"`{EXTENSION}` option '{key}': {err}", file=str(config_file),
                                  line=option_line(config_file, key),
                                  fix=f"give '{key}' a value as the handbook plugin's option of that name takes "
                                      "(the manual's guide \"Build with Zensical\")") from None
    return options


def _language(value: object, config_file: Path) -> object:
    if value is None or isinstance(value, str):
        return value
    raise StandaloneError(f"`{EXTENSION}` option 'language' must be a language code such as de, got {value!r}",
                          file=str(config_file), line=option_line(config_file, "language"),
                          fix=f"write it as theme.language is written ({', '.join(LANGUAGES)}), or leave it out")


def option_line(config_file: Path, key: str) -> int | None:
    """The line of the extension's option `key` in `config_file` (else the extension's own line)."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    listed = re.compile(rf"^(\s*)-\s*{re.escape(EXTENSION)}\b|[\"']{re.escape(EXTENSION)}[\"']")
    start = next((n for n, line in enumerate(lines) if listed.search(line)), None)
    if start is None:
        return None
    indent = len(lines[start]) - len(lines[start].lstrip())
    table = lines[start].lstrip().startswith("[")  # zensical.toml: the options follow, up to the next table
    option = re.compile(rf"^\s*{re.escape(key)}\s*[:=]")
    for n in range(start + 1, len(lines)):
        text = lines[n]
        if option.match(text):
            return n + 1
        if text.strip() and not text.lstrip().startswith("#") and \
                (text.lstrip().startswith("[") if table else len(text) - len(text.lstrip()) <= indent):
            break  # past the extension's options
    return start + 1


def serving() -> bool:
    """Whether this is `zensical serve` (a local preview), not a build that is published."""
    return len(sys.argv) > 1 and "serve" in sys.argv[1:3]


def stop_build(err: HandbookError) -> None:
    """One line, then exit 2 (Zensical would print a traceback for an exception raised here)."""
    if serving():
        log.error(err.one_line())
        return
    sys.stdout.flush()
    print(f"Error: {err.one_line()}", file=sys.stderr, flush=True)
    os._exit(2)

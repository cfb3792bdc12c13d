"""Which pages the site publishes, and what it calls and addresses them: the rules that decide
what an announcement to Discord may mention (`handbook discord announce --since` and `--reviews`).

A page is public when MkDocs publishes it (not excluded, not a draft: its own rules, read from
mkdocs.yml) and it is not in a handbook category whose topic channel is private in the map. Its
title goes through the build's privacy step, so Discord reads it as the site shows it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel, set_exclusions

from handbook.channelmap.model import ChannelMap
from handbook.checks import categories
from handbook.config import HandbookConfig
from handbook.text.secrets import redact_secret_shapes
from handbook.site.privacy import Redactor

DEFAULT_IGNORE = tuple(HandbookConfig.changelog_ignore.default)  # the plugin's default


@dataclass
class Site:
    root: Path
    docs_dir: Path
    site_url: str | None
    config: MkDocsConfig | None = None
    """The loaded mkdocs.yml, which says which pages are published and at what URL."""
    private_folders: frozenset[str] = frozenset()
    ignore: list[str] = field(default_factory=lambda: list(DEFAULT_IGNORE))
    """Commit subjects that are noise (the plugin's `changelog_ignore`)."""
    redact: Callable[[str], str] = redact_secret_shapes
    """The site's privacy step (`handbook.site.privacy.site_redactor`): what Discord is sent of a
    page (its title) reads as the published site shows it."""

    def file(self, path: str) -> File:
        """The page as MkDocs sees it (also for a page that is gone): its URL and inclusion."""
        config = self.config
        file = File(path, src_dir=str(self.docs_dir), dest_dir=str(self.root / "site"),
                    use_directory_urls=config.use_directory_urls if config else True)
        # Without mkdocs.yml, {} stands for "no patterns": set_exclusions only calls config.get.
        set_exclusions([file], config if config is not None else {})  # type: ignore[arg-type]
        return file

    def is_public(self, path: str, old_path: str | None = None) -> bool:
        """Published by MkDocs (not excluded, not a draft: its own rules, so a page under `_notes/`,
        which MkDocs publishes, counts like any other), a page, and neither `path` nor the
        page's `old_path` (before a rename) in a private category."""
        file = self.file(path)
        if not file.is_documentation_page() or file.inclusion.is_excluded() or file.inclusion == InclusionLevel.DRAFT:
            return False
        folders = {PurePosixPath(p).parts[0] for p in (path, old_path) if p}
        return not folders & self.private_folders

    def page_title(self, path: str, *, removed: bool = False) -> str:
        """The page's title as the site shows it (private names redacted); a removed page's from
        its file name."""
        if not removed:
            title = categories.page_title(self.docs_dir / path)
            if title:
                return self.redact(title)
        return self.redact(categories.title_from_path(path))

    def page_url(self, path: str) -> str | None:
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + self.file(path).url


def load_site(config_file: str | Path | None, map_path: Path | None) -> Site:
    """The docs folder, site URL and unpublished pages from the configuration file (the one
    `project.config_file_or_found` gives), and the handbook categories whose topic channel is
    private in the channel map. Without a configuration file: `docs/` and MkDocs' defaults."""
    from handbook.project import load_map, load_project

    root = Path(config_file).resolve().parent if config_file else Path.cwd()
    site = Site(root=root, docs_dir=root / "docs", site_url=None)
    show_private_names = False
    if config_file is not None:
        project = load_project(config_file)
        site.config = project.config
        site.docs_dir = project.docs_dir
        site.site_url = project.config.site_url
        site.ignore = list(project.options.changelog_ignore)
        show_private_names = project.options.show_private_names
        map_path = map_path or project.map_path
    channel_map = load_map(Path(map_path)) if map_path else None
    if channel_map is not None:
        site.private_folders = frozenset(c.category for c in channel_map.topic_channels()
                                         if c.is_private and c.category)
    site.redact = _redactor(site, channel_map, Path(map_path) if map_path else None, show_private_names).redact
    return site


def _redactor(site: Site, channel_map: ChannelMap | None, map_path: Path | None,
              show_private_names: bool) -> Redactor:
    """The build's privacy step for this handbook: the map's private names now and in git."""
    from handbook.history.git import HistoryReader
    from handbook.site import privacy
    from handbook.site.links import public_invite
    from handbook.site.page_history import FETCH_FULL_HISTORY, SHALLOW_PRIVATE_NAMES

    versions: dict[str, bytes] = {}
    if site.docs_dir.is_dir():
        snapshot = HistoryReader().snapshot(site.docs_dir, map_path)
        versions = snapshot.map_versions
        if snapshot.history.shallow:
            print(f"This git clone is shallow, so {SHALLOW_PRIVATE_NAMES}. {FETCH_FULL_HISTORY}", file=sys.stderr)
    pages = privacy.path_words(p.relative_to(site.docs_dir).as_posix() for p in site.docs_dir.rglob("*.md"))
    return privacy.site_redactor(channel_map, versions.values(), pages,
                                 public_invite=public_invite(channel_map.server.invite) if channel_map else None,
                                 show_private_names=show_private_names)

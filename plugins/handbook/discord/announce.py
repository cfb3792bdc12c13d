"""`handbook discord announce --since REF`: tell the community what changed in the handbook.

One webhook message (https://discord.com/developers/docs/resources/webhook#execute-webhook): an embed listing the pages added, updated, renamed and
removed since REF, public pages only, cut to Discord's limits, with `allowed_mentions` empty so
nobody is pinged. The webhook URL comes only from `DISCORD_WEBHOOK_URL` and is never printed.

Git is read by `handbook.history`, as for the changelog.
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
from handbook.errors import HandbookError
from handbook.text.secrets import redact_secret_shapes
from handbook.site.privacy import Redactor
from handbook.text.webhook import embed_message, escape

STATUS_WORD = {"added": "Added", "updated": "Updated", "renamed": "Moved", "removed": "Removed"}
STATUS_ORDER = ("added", "updated", "renamed", "removed")
DEFAULT_IGNORE = tuple(HandbookConfig.changelog_ignore.default)  # the plugin's default


@dataclass
class PageChange:
    path: str
    """Relative to the docs folder, with `/` (e.g. `habits/tiny-habits.md`)."""
    status: str
    """added, updated, renamed or removed."""
    old_path: str | None = None
    title: str | None = None
    url: str | None = None


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


class AnnounceError(HandbookError):
    """The handbook's history or files cannot give an announcement (an unknown ref, no git)."""


# --- what changed: folded from handbook.history's commits -------------------------------------


def page_changes_since(repo_dir: Path, since: str, docs_dir: Path,
                       ignore: list[str] | tuple[str, ...] = ()) -> tuple[list[PageChange], int]:
    """Pages under `docs_dir` changed between `since` and HEAD, folded to one entry per page,
    and the number of commits that count (git is read by `handbook.history.commits_since`).

    Commits whose subject matches a pattern in `ignore` (the plugin's `changelog_ignore`: typo
    and whitespace fixes) do not count: a page only they touched is not "updated"."""
    from handbook.history.changelog import compile_ignore
    from handbook.history.git import NoHistory, commits_since

    try:
        commits = commits_since(repo_dir, docs_dir, since)
    except NoHistory as err:
        raise AnnounceError(f"cannot read the history since `{since}`: {err}") from None
    patterns = compile_ignore(ignore)
    counted = 0
    touched: set[str] = set()
    state: dict[str, PageChange | None] = {}
    for commit in reversed(commits):  # oldest first, so later changes fold over earlier ones
        noise = commit.is_noise(patterns)
        counted += 0 if noise else 1
        for change in commit.changes:
            if not noise:
                touched.update(p for p in (change.path, change.old) if p)
            before = state.get(change.path)
            if change.status == "R" and change.old is not None:
                before = state.pop(change.old, None)
                if before and before.status == "added":
                    state[change.path] = PageChange(change.path, "added")
                else:
                    old_path = (before.old_path if before else None) or change.old
                    state[change.path] = PageChange(change.path, "renamed", old_path=old_path)
            elif change.status == "A":
                state[change.path] = PageChange(change.path, "updated" if before and before.status == "removed"
                                                else "added")
            elif change.status == "D":
                state[change.path] = None if before and before.status == "added" else PageChange(change.path,
                                                                                                 "removed")
            else:
                state.setdefault(change.path, PageChange(change.path, "updated"))
    return [change for change in state.values()
            if change is not None and (change.status != "updated" or change.path in touched)], counted


# --- which pages are public -------------------------------------------------------------------


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


def is_public(change: PageChange, site: Site) -> bool:
    """Published by MkDocs (not excluded, not a draft: its own rules, so a page under `_notes/`,
    which MkDocs publishes, counts like any other), a page, and not in a private category."""
    file = site.file(change.path)
    if not file.is_documentation_page() or file.inclusion.is_excluded() or file.inclusion == InclusionLevel.DRAFT:
        return False
    folders = {PurePosixPath(p).parts[0] for p in (change.path, change.old_path) if p}
    return not folders & site.private_folders


def page_title(site: Site, change: PageChange) -> str:
    """The page's title as the site shows it (private names redacted)."""
    if change.status != "removed":
        title = categories.page_title(site.docs_dir / change.path)
        if title:
            return site.redact(title)
    return site.redact(categories.title_from_path(change.path))


def page_url(site: Site, path: str) -> str | None:
    if not site.site_url:
        return None
    return site.site_url.rstrip("/") + "/" + site.file(path).url


# --- the message ------------------------------------------------------------------------------

def build_message(changes: list[PageChange], since: str, commits: int, site_url: str | None) -> dict:
    lines = []
    for status in STATUS_ORDER:
        for change in sorted((c for c in changes if c.status == status), key=lambda c: c.path):
            title = escape(change.title or change.path)
            shown = f"[{title}]({change.url})" if change.url and status != "removed" else title
            lines.append(f"**{STATUS_WORD[status]}** {shown}")
    footer = f"{len(changes)} page{'s' if len(changes) != 1 else ''} changed in {commits} commit{'s' if commits != 1 else ''}"
    return embed_message(f"Handbook updates since {since}", lines, footer, site_url)

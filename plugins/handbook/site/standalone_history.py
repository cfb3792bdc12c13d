"""Page history for the Markdown extension Zensical runs: one git read per build, for every page.

Zensical makes a new `Markdown` (and so a new extension) for every page, in one process. The
history is read once, the first time a page asks, and kept with the identity of Zensical's
configuration object, which it parses anew for each build: later pages of the same build reuse
it, the next build (`zensical serve` after a change to `mkdocs.yml`) reads again. Git is reached
only through `handbook.history`, which applies `.mailmap`, `Co-authored-by:` and keeps e-mail
addresses out; the build's privacy step is the plugin's (`handbook.site.privacy`).
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from handbook.history.git import HistoryReader, Snapshot
from handbook.history.log import History
from handbook.i18n import Words
from handbook.site import privacy
from handbook.site.history_box import ICONS, REVIEW_ICON
from handbook.site.page_history import history_notice
from handbook.site.per_build import LatestBuild

log = logging.getLogger("mkdocs.plugins.handbook")


@dataclass
class BuildHistory:
    """One build's history and what every page of it shares."""

    snapshot: Snapshot
    redact: Callable[[str], str]
    icons: dict[str, str] = field(default_factory=dict)


_LATEST: LatestBuild[BuildHistory] = LatestBuild()
_READER = HistoryReader()
"""Its own cache by HEAD: a `zensical serve` rebuild with the same HEAD runs no `git log` again."""


def build_history(build: object, docs_dir: Path, map_file: Path | None, links, words: Words,
                  read_git: bool = True) -> BuildHistory:
    """The history of the build `build` (Zensical's configuration object), read on the first call
    and reused by every later page of that build. Without `read_git` (`history: false`) git is not
    run: the privacy step knows the map as it is."""
    def read() -> BuildHistory:
        if read_git:
            snapshot = _READER.snapshot(docs_dir, map_file)
            notice = history_notice(snapshot.history, "on the `handbook.site.standalone` extension")
            if notice is not None:
                log.log(*notice)
        else:
            snapshot = Snapshot(History(problem="`history: false`"), {}, {})
        return BuildHistory(snapshot, _redactor(snapshot, docs_dir, links, words).redact, theme_icons())

    key = (str(docs_dir), str(map_file), links is not None and links.show_private_names, words, read_git)
    return _LATEST.get(build, key, read)


def _redactor(snapshot: Snapshot, docs_dir: Path, links, words: Words) -> privacy.Redactor:
    """The plugin's privacy step: private names of the map, now and in every version in git."""
    current = privacy.spaces_of_map(links.map) if links is not None else []
    versions = [privacy.spaces_of_text(text) for text in snapshot.map_versions.values()]
    published = privacy.path_words(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    return privacy.Redactor(privacy.build_vocabulary(current, versions, published),
                            public_invite=links.invite if links is not None else None,
                            show_private_names=bool(links and links.show_private_names), words=words)


def theme_icons() -> dict[str, str]:
    """The theme's SVGs for the history box: Zensical's own where its package ships them (0.0.x),
    else Material's, whose icon sets Zensical uses ({} when neither is installed)."""
    for package in ("zensical", "material"):
        folder = _icons_folder(package)
        if folder is None:
            continue
        icons = {}
        for key, name in {**ICONS, "reviewed": REVIEW_ICON}.items():
            try:
                icons[key] = (folder / f"{name}.svg").read_text(encoding="utf-8").strip()
            except OSError:
                break
        else:
            return icons
    return {}


def _icons_folder(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"

"""Page history for the Markdown extension Zensical runs: one git read per build, for every page.

Zensical makes a new `Markdown` (and so a new extension) for every page, in one process. The
history is read once, the first time a page asks, and kept with the identity of Zensical's
configuration object, which it parses anew for each build: later pages of the same build reuse
it, the next build (`zensical serve` after a change to `mkdocs.yml`) reads again. Git is reached
only through `handbook.history`, which applies `.mailmap`, `Co-authored-by:` and keeps e-mail
addresses out; the build's privacy step is the plugin's (`handbook.site.privacy`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from handbook.history.git import HistoryReader, Snapshot
from handbook.history.log import History
from handbook.i18n import Words
from handbook.site import privacy
from handbook.site.boxes import Boxes
from handbook.site.page_history import history_notices
from handbook.site.per_build import LatestBuild
from handbook.site.standalone_setup import BuildSetup

log = logging.getLogger("mkdocs.plugins.handbook")


@dataclass
class BuildHistory:
    """One build's history and what every page of it shares."""

    snapshot: Snapshot
    redact: Callable[[str], str]
    boxes: Boxes
    """The plugin's partials, with the theme's icons, in the build's language."""


_LATEST: LatestBuild[BuildHistory] = LatestBuild()
_READER = HistoryReader()
"""Its own cache by HEAD: a `zensical serve` rebuild with the same HEAD runs no `git log` again."""


def build_history(build: object, setup: BuildSetup, theme_dirs: list[str]) -> BuildHistory:
    """The history of the build `build` (Zensical's configuration object), read on the first call
    and reused by every later page of that build. With `history: false` git is not run: the
    privacy step knows the map as it is. The icons are the theme's (`theme_dirs`)."""
    docs_dir, links, words = setup.docs_dir, setup.links, setup.words
    read_git = bool(setup.options.history)

    def read() -> BuildHistory:
        if read_git:
            snapshot = _READER.snapshot(docs_dir, setup.map_file)
            for notice in history_notices(snapshot.history, "on the `handbook.site.standalone` extension"):
                log.log(*notice)
        else:
            snapshot = Snapshot(History(problem="`history: false`"), {}, {})
        return BuildHistory(snapshot, _redactor(snapshot, docs_dir, links, words).redact, Boxes(theme_dirs, words))

    key = (str(docs_dir), str(setup.map_file), links is not None and links.show_private_names, words, read_git,
           tuple(theme_dirs))
    return _LATEST.get(build, key, read)


def _redactor(snapshot: Snapshot, docs_dir: Path, links, words: Words) -> privacy.Redactor:
    """The plugin's privacy step (`privacy.site_redactor`): private names of the map, now and in
    every version in git."""
    published = privacy.path_words(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    return privacy.site_redactor(links.map if links is not None else None, snapshot.map_versions.values(), published,
                                 public_invite=links.invite if links is not None else None,
                                 show_private_names=bool(links and links.show_private_names), words=words)

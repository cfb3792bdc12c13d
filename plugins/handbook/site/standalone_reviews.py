"""Owners and review dates for the Markdown extension Zensical runs: the footer line and banner.

The review options are the handbook plugin's, as the build's setup read them
(`standalone_setup`, once per build); each page's `last_reviewed:` and owner come from its own front
matter, judged by `handbook.reviews` exactly as the plugin and `handbook review` judge them.
Bad front matter is reported by `handbook review` and the MkDocs build; here such a page shows
no footer line, never a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import HandbookError
from handbook.reviews.setup import Setup, prepare
from handbook.reviews.status import PageReview, review_page
from handbook.site.per_build import LatestBuild
from handbook.site.standalone_setup import BuildSetup

log = logging.getLogger("mkdocs.plugins.handbook")


@dataclass(frozen=True)
class ReviewSetup:
    """What every page of one build is judged by."""

    setup: Setup
    banner: bool
    """The plugin's `review_banner`: overdue pages say so under their title."""


_LATEST: LatestBuild[ReviewSetup | None] = LatestBuild()


def review_setup(build: object, setup: BuildSetup) -> ReviewSetup | None:
    """The build's review setup, from the handbook plugin's options (`setup.options`); None
    (after one warning) when they cannot be used."""

    def read() -> ReviewSetup | None:
        options = setup.options
        channel_map = setup.links.map if setup.links is not None else None
        try:
            return ReviewSetup(prepare(options, setup.root, setup.docs_dir, channel_map, config_name=setup.config_name),
                               bool(options.review_banner))
        except HandbookError as err:
            log.warning(f"Review dates are not shown: {err}")
            return None

    return _LATEST.get(build, (str(setup.root), id(setup)), read)


def page_review(reviews: ReviewSetup, src_uri: str, source: Path, title: str) -> PageReview | None:
    """The page's review, from its front matter; None when its file cannot be read."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    s = reviews.setup
    review, _ = review_page(src_uri, src_uri, title, text, s.defaults, s.today, s.due_within)
    return review

"""The handbook's pages read from the docs folder without a build, as MkDocs lists them (its
exclusions; drafts left out, as `mkdocs build` leaves them out): their reviews for `handbook
review`, and the page findings `handbook check` reports.

`handbook check` reports those findings of the build about pages that the files alone give: the
review values (`front-matter-invalid`, `review-owner-invalid`, `review-date-invalid`, ...), the
CODEOWNERS lines GitHub ignores, `review_every_by_category` folders that are no category, a token
or webhook URL in a page, and a `#channel` that starts a line. Each is computed by the function the build calls, so CI's `handbook
check` and `mkdocs build --strict` agree. Not `review-overdue`: it comes with the passing days
and is logged at the `review_overdue` level (`info` by default), so the same commit would start
failing `check` on a later day while the build passes.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import get_files

from handbook.channelmap.model import ChannelMap
from handbook.checks.categories import title_from_path, title_of_text
from handbook.findings import Finding
from handbook.project import Project
from handbook.reviews.dates import Duration
from handbook.reviews.setup import Setup, prepare
from handbook.reviews.status import PageReview, collect
from handbook.site.links import ChannelLinks
from handbook.site.mentions import line_start_findings
from handbook.site.page_secrets import findings as secret_findings

SourcePage = tuple[str, str, str, str]
"""A page on disk: (src_uri, the file as shown, its title, its text)."""


def source_pages(project: Project) -> list[SourcePage]:
    """Every documentation page of the docs folder that the build publishes."""
    pages = []
    for file in get_files(project.config).documentation_pages():
        if file.abs_src_path is None:
            continue  # a file read from the docs folder always has its path; only a generated one has none
        path = Path(file.abs_src_path)
        shown = project.show(path)
        text = project.page_text(path)  # the categories read the index pages with it: each page once
        pages.append((file.src_uri, shown, title_of_text(text) or title_from_path(file.src_uri), text))
    return pages


def project_reviews(project: Project, channel_map: ChannelMap | None, pages: list[SourcePage],
                    due_within: Duration | None = None) -> tuple[list[PageReview], list[Finding], Setup]:
    """The pages' reviews (overdue first), the findings, and the setup they were judged with
    (`due_within` instead of the plugin's `review_due_within` when given)."""
    # the build's categories (its final nav) are worked out only when an option names some
    categories = [c.folder for c in project.categories()] if project.options.review_every_by_category else None
    setup = prepare(project.options, project.root, project.docs_dir, channel_map, categories,
                    project.config_file.name)
    if due_within is not None:
        setup.due_within = due_within
    reviews, findings = collect(pages, setup.defaults, setup.today, setup.due_within)
    return reviews, setup.findings + findings, setup


def check_findings(project: Project, channel_map: ChannelMap | None) -> list[Finding]:
    """The page findings of a build that need no build: review values, CODEOWNERS, review
    categories, a token in a page, and `#channel` at a line's start (with `channel_map`, the one
    `analyse` read)."""
    pages = source_pages(project)
    _, findings, _ = project_reviews(project, channel_map, pages)
    for _, shown, _, text in pages:
        findings += secret_findings(text, shown)
    if channel_map is not None:
        links = ChannelLinks(channel_map, directory=project.options.channel_directory or None,
                             show_private_names=project.options.show_private_names)

        def is_channel(name: str) -> bool:
            return links.lookup(name) is not None

        for _, shown, _, text in pages:
            findings += line_start_findings(text, shown, is_channel)
    return findings

"""Owners and review dates in a MkDocs build: the glue behind plugin.py.

`on_files` reads every page's front matter once (with line numbers) and logs its bad values and,
at the `review_overdue` level, the overdue pages; the reviews page is generated last, so it shows
the pages' final titles. Overdue pages may get a banner (`review_banner`), and every reviewed page
gets `handbook_review` in its context for the footer partial (`partials/handbook-review.html`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import i18n
from handbook.files import PagePaths
from handbook.site import generated
from handbook.site.history_box import REVIEW_ICON
from handbook.site.theme import theme_icon
from handbook.checks.categories import page_title, title_from_path
from handbook.reviews import page as review_page
from handbook.reviews.setup import Setup, prepare, reviews_asked_for, unknown_category_findings
from handbook.reviews.status import OVERDUE, PageReview, collect, overdue_finding

log = get_plugin_logger(__name__)



@dataclass(frozen=True)
class ReviewFooter:
    """What the footer partial gets as `handbook_review`."""

    reviewed: str
    """The page's `last_reviewed:` as the site's language writes a date."""
    reviewed_iso: str
    """The same day as `YYYY-MM-DD`, for `<time datetime>`."""
    owner: str | None
    """The page's owner as the site shows it (after the privacy step), if it has one."""
    icon: Markup = Markup("")
    """The theme's calendar icon as inline SVG (empty when the theme has none)."""


def review_footer(review: PageReview | None, words: i18n.Words, redact: Callable[[str], str],
                  icon: Markup = Markup("")) -> ReviewFooter | None:
    """The footer line's data for `review` (None when the page has no `last_reviewed:`); the
    owner passes the build's privacy step. The Zensical extension shows the same."""
    if review is None or review.last_reviewed is None:
        return None
    owner = redact(review.owner_text) if review.owner_text else None
    return ReviewFooter(words.date(review.last_reviewed), review.last_reviewed.isoformat(), owner, icon)


class SiteReviews:
    def __init__(self, options, config: MkDocsConfig, root: Path, channel_map,
                 redact: Callable[[str], str] | None = None) -> None:
        self.options, self.root, self.channel_map = options, root, channel_map
        self.redact = redact or (lambda text: text)
        """The build's privacy step: titles and owners are what authors wrote, shown on other pages."""
        self.docs_dir = Path(config.docs_dir)
        self.reviews: dict[str, PageReview] = {}
        self.page_uri: str | None = options.review_page or None
        self.setup: Setup | None = None
        self.icon = Markup("")
        self.words = i18n.ENGLISH
        """The site's language, read with the files (mkdocs-static-i18n sets it after on_config)."""

    def add_icon(self, env: jinja2.Environment) -> None:
        self.icon = theme_icon(env, REVIEW_ICON)

    # --- on_files ------------------------------------------------------------------------------
    def read_pages(self, files: Files, config: MkDocsConfig, words: i18n.Words = i18n.ENGLISH) -> Files:
        self.words = words
        self.setup = prepare(self.options, self.root, self.docs_dir, self.channel_map,
                             config_name=Path(config.config_file_path).name)
        for finding in self.setup.findings:
            log.warning(finding.as_log_line())
        pages = []
        paths = PagePaths(self.docs_dir, self.root)
        for file in files.documentation_pages():
            if file.generated_by is not None or not file.abs_src_path:
                continue
            try:
                text = file.content_string
            except (OSError, UnicodeDecodeError):
                continue  # MkDocs reports an unreadable page itself
            shown = paths.display(file.abs_src_path)
            pages.append((file.src_uri, shown, file.src_uri, text))
        reviews, findings = collect(pages, self.setup.defaults, self.setup.today, self.setup.due_within)
        for finding in findings:
            log.warning(finding.as_log_line())
        level = self.options.review_overdue.log_level()
        for review in reviews:
            if review.status == OVERDUE and level is not None:
                log.log(level, overdue_finding(review, review.reviewed_line).as_log_line())
        self.reviews = {r.src_uri: r for r in reviews}
        if not reviews_asked_for(self.options, reviews):
            self.page_uri = None
        return self._add_page(files, config)

    def _add_page(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.page_uri:
            return files
        # One rule for generated pages (a cache file, `render_macros: false`, one warning when taken).
        if generated.add_page(files, config, self.page_uri, f"# {self.words('reviews_title')}\n", option="review_page",
                              what="reviews page") is None:
            self.page_uri = None
        return files

    def is_reviews_page(self, page: Page) -> bool:
        return page.file.src_uri == self.page_uri and page.file.generated_by is not None

    # --- on_nav ---------------------------------------------------------------------------------
    def check_categories(self, categories: list[str], config: MkDocsConfig) -> None:
        """`review_every_by_category` against the categories of the final navigation (the files
        are read before it exists)."""
        for finding in unknown_category_findings(self.options, categories, Path(config.config_file_path).name):
            log.warning(finding.as_log_line())

    # --- on_page_markdown ----------------------------------------------------------------------
    def page_markdown(self, markdown: str, page: Page, files: Files) -> str:
        if self.page_uri is None or self.setup is None or not self.is_reviews_page(page):
            return markdown
        # str(): a front matter `title: 010` or `title: [x]` is not text in YAML; named as MkDocs shows it
        titles = {f.src_uri: str(f.page.title) for f in files.documentation_pages()
                  if f.page is not None and f.page.title}

        def title(src_uri: str) -> str:
            # Rendered pages have their final title; `handbook generate` renders none, so read it.
            return titles.get(src_uri) or page_title(self.docs_dir / src_uri) or title_from_path(src_uri)

        return review_page.render_page(list(self.reviews.values()), self.setup.today, self.setup.due_within,
                                       self.page_uri, title, clean=self.redact, words=self.words)

    # --- on_page_content -----------------------------------------------------------------------
    def page_content(self, html: str, page: Page) -> str:
        review = self.reviews.get(page.file.src_uri)
        if self.options.review_banner and review is not None and review.status == OVERDUE:
            return review_page.add_banner(html, review, clean=self.redact, words=self.words)
        return html

    # --- on_page_context -----------------------------------------------------------------------
    def page_context(self, context: dict, page: Page) -> dict:
        review = self.reviews.get(page.file.src_uri)
        footer = review_footer(review, self.words, self.redact, self.icon) if page.file.generated_by is None else None
        if footer is not None:
            context["handbook_review"] = footer
        return context

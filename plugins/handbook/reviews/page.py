"""What readers see: the generated reviews page (Markdown) and the overdue banner (HTML)."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from datetime import date

from handbook.history.changelog import format_date as history_date
from handbook.markdown_text import inert
from handbook.reviews.dates import Duration
from handbook.reviews.status import DUE_SOON, NEVER, OK, OVERDUE, PageReview


def format_date(day: date) -> str:
    """"March 1, 2024", as the page dates beside it (English month names in every locale)."""
    return history_date(day)


def _day(day: date | None) -> str:
    return format_date(day) if day else "—"


def _cell(text: str) -> str:
    return inert(text)


def render_page(reviews: list[PageReview], today: date, due_within: Duration, page_uri: str,
                titles: Callable[[str], str] | None = None, clean: Callable[[str], str] = str) -> str:
    """The reviews page: overdue, due within the window, never reviewed, then the rest.

    `clean` is the build's privacy step for what authors wrote (titles, owners)."""
    def link(review: PageReview) -> str:
        title = titles(review.src_uri) if titles else review.title
        target = posixpath.relpath(review.src_uri, posixpath.dirname(page_uri) or ".")
        return f"[{_cell(clean(title))}]({target})"

    def owner(review: PageReview) -> str:
        return _cell(clean(review.owner_text)) if review.owner_text else "*no owner*"

    lines = ["# Reviews", "",
             f"Pages due for a re-read, as of {format_date(today)}: overdue first, then those due within "
             f"{due_within}, then pages with no review date. Set `last_reviewed:` in a page's front matter "
             "when you have re-read it.", ""]
    sections = (
        (OVERDUE, "Overdue", "No page is overdue."),
        (DUE_SOON, f"Due within {due_within}", f"No page falls due within {due_within}."),
    )
    for status, heading, empty in sections:
        rows = [r for r in reviews if r.status == status]
        lines += [f"## {heading}", ""]
        if not rows:
            lines += [empty, ""]
            continue
        lines += ["| Page | Owner | Last reviewed | Due |", "|---|---|---|---|"]
        lines += [f"| {link(r)} | {owner(r)} | {_day(r.last_reviewed)} | {_day(r.due)} |" for r in rows]
        lines.append("")
    never = [r for r in reviews if r.status == NEVER]
    lines += ["## Never reviewed", ""]
    if never:
        lines += ["| Page | Owner |", "|---|---|"]
        lines += [f"| {link(r)} | {owner(r)} |" for r in sorted(never, key=lambda r: r.file)]
    else:
        lines.append("Every page has a review date.")
    lines.append("")
    fine = [r for r in reviews if r.status == OK]
    if fine:
        lines += ["## Up to date", ""]
        lines += ["| Page | Owner | Last reviewed | Due |", "|---|---|---|---|"]
        lines += [f"| {link(r)} | {owner(r)} | {_day(r.last_reviewed)} | {_day(r.due)} |"
                  for r in sorted(fine, key=lambda r: r.file)]
        lines.append("")
    return "\n".join(lines)


def banner_html(review: PageReview, clean: Callable[[str], str] = str) -> str:
    """Material's admonition markup, so the theme styles it without any Markdown extension."""
    owner = f" Its owner is {html.escape(clean(review.owner_text))}." if review.owner_text else " It has no owner."
    _, due = review.due_dates()
    return ('<div class="admonition warning handbook-review-banner">'
            '<p class="admonition-title">This page may be out of date</p>'
            f'<p>This page was due for review on <time datetime="{due.isoformat()}">'
            f'{format_date(due)}</time>.{owner}</p></div>\n')


def add_banner(content_html: str, review: PageReview, clean: Callable[[str], str] = str) -> str:
    """The banner right under the page's title (Material adds the title above when the page has none)."""
    end = content_html.find("</h1>")
    if end == -1:
        return banner_html(review, clean) + content_html
    end += len("</h1>")
    return content_html[:end] + "\n" + banner_html(review, clean) + content_html[end:]

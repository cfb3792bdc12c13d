"""What readers see: the generated reviews page (Markdown) and the overdue banner (HTML)."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from datetime import date

from handbook.i18n import ENGLISH, Words
from handbook.text.markdown_text import inert
from handbook.reviews.dates import Duration
from handbook.reviews.status import DUE_SOON, NEVER, OK, OVERDUE, PageReview


def format_date(day: date) -> str:
    """"March 1, 2024": English, for what is not a page (announcements on Discord)."""
    return ENGLISH.date(day)


def _day(day: date | None, words: Words) -> str:
    return words.date(day) if day else "—"


def render_page(reviews: list[PageReview], today: date, due_within: Duration, page_uri: str,
                titles: Callable[[str], str] | None = None, clean: Callable[[str], str] = str,
                words: Words = ENGLISH) -> str:
    """The reviews page, in `words`' language: overdue, due within the window, never reviewed,
    then the rest.

    `clean` is the build's privacy step for what authors wrote (titles, owners)."""
    def link(review: PageReview) -> str:
        title = titles(review.src_uri) if titles else review.title
        target = posixpath.relpath(review.src_uri, posixpath.dirname(page_uri) or ".")
        return f"[{inert(clean(title))}]({target})"

    def owner(review: PageReview) -> str:
        return inert(clean(review.owner_text)) if review.owner_text else f"*{words('no_owner')}*"

    def day(moment: date | None) -> str:
        return _day(moment, words)

    within = words.duration(due_within.count, due_within.unit)
    page, owner_column = words("column_page"), words("column_owner")
    dated = f"| {page} | {owner_column} | {words('column_last_reviewed')} | {words('column_due')} |"
    lines = [f"# {words('reviews_title')}", "", words("reviews_intro", today=day(today), within=within), ""]
    sections = (
        (OVERDUE, words("reviews_overdue"), words("reviews_none_overdue")),
        (DUE_SOON, words("reviews_due_within", within=within), words("reviews_none_due", within=within)),
    )
    for status, heading, empty in sections:
        rows = [r for r in reviews if r.status == status]
        lines += [f"## {heading}", ""]
        if not rows:
            lines += [empty, ""]
            continue
        lines += [dated, "|---|---|---|---|"]
        lines += [f"| {link(r)} | {owner(r)} | {day(r.last_reviewed)} | {day(r.due)} |" for r in rows]
        lines.append("")
    never = [r for r in reviews if r.status == NEVER]
    lines += [f"## {words('reviews_never')}", ""]
    if never:
        lines += [f"| {page} | {owner_column} |", "|---|---|"]
        lines += [f"| {link(r)} | {owner(r)} |" for r in sorted(never, key=lambda r: r.file)]
    else:
        lines.append(words("reviews_all_dated"))
    lines.append("")
    fine = [r for r in reviews if r.status == OK]
    if fine:
        lines += [f"## {words('reviews_up_to_date')}", ""]
        lines += [dated, "|---|---|---|---|"]
        lines += [f"| {link(r)} | {owner(r)} | {day(r.last_reviewed)} | {day(r.due)} |"
                  for r in sorted(fine, key=lambda r: r.file)]
        lines.append("")
    return "\n".join(lines)


def banner_html(review: PageReview, clean: Callable[[str], str] = str, words: Words = ENGLISH) -> str:
    """Material's admonition markup, so the theme styles it without any Markdown extension."""
    owner = (words("banner_owner", owner=html.escape(clean(review.owner_text))) if review.owner_text
             else words("banner_no_owner"))
    _, due_day = review.due_dates()
    due = f'<time datetime="{due_day.isoformat()}">{html.escape(words.date(due_day))}</time>'
    return ('<div class="admonition warning handbook-review-banner">'
            f'<p class="admonition-title">{html.escape(words("banner_title"))}</p>'
            f'<p>{words("banner_due", date=due)} {owner}</p></div>\n')


def add_banner(content_html: str, review: PageReview, clean: Callable[[str], str] = str,
               words: Words = ENGLISH) -> str:
    """The banner right under the page's title (Material adds the title above when the page has none)."""
    banner = banner_html(review, clean, words)
    end = content_html.find("</h1>")
    if end == -1:
        return banner + content_html
    end += len("</h1>")
    return content_html[:end] + "\n" + banner + content_html[end:]

"""Spreading a review storm: new `last_reviewed` dates so due dates fall evenly over the period.

Pages that share a review period and fall due in it are given due dates spaced evenly from today
to today + period, earliest-due first. A review is only ever brought forward, never postponed,
and never invented: overdue pages and pages never reviewed keep what they have (they are due
now). The edit changes the value on the `last_reviewed:` line alone, keeping its quotes, comment
and line ending, so the rest of the file is byte for byte what it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from handbook.reviews import frontmatter
from handbook.reviews.dates import Duration
from handbook.reviews.status import NEVER, OVERDUE, PageReview

_LINE = re.compile(r"^(?P<head>\s*last_reviewed\s*:\s*)(?P<quote>['\"]?)(?P<value>[^'\"#\r\n]*?)(?P=quote)"
                   r"(?P<tail>\s*(?:#[^\r\n]*)?)(?P<end>\r\n|\n|\r)?$")


@dataclass(frozen=True)
class Move:
    review: PageReview
    last_reviewed: date
    """The new review date."""
    due: date
    was_reviewed: date
    """The review date the page has now."""
    was_due: date


def propose(reviews: list[PageReview], today: date) -> list[Move]:
    """The pages whose review date moves, with their new dates."""
    groups: dict[Duration, list[PageReview]] = {}
    for review in reviews:
        if review.every is not None and review.due is not None and review.status not in (OVERDUE, NEVER):
            groups.setdefault(review.every, []).append(review)
    moves = []
    for every, pages in groups.items():
        pages.sort(key=lambda r: (r.due_dates()[1], r.file))
        days = every.days_from(today)
        for index, review in enumerate(pages):
            was_reviewed, was_due = review.due_dates()
            slot = today + timedelta(days=round((index + 1) * days / len(pages)))
            if slot >= was_due:
                continue
            start = every.latest_start(slot)
            moves.append(Move(review, start, every.after(start), was_reviewed, was_due))
    moves.sort(key=lambda m: m.review.file)
    return moves


def rewrite(text: str, new: date) -> str | None:
    """`text` with the front matter's `last_reviewed:` value set to `new`; None when there is no such line."""
    meta = frontmatter.read(text)
    value = meta.get("last_reviewed")
    if value is None:
        return None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = frontmatter.split_lines(text[len(bom):])
    index = value.line - 1
    match = _LINE.match(lines[index])
    if not match:
        return None
    lines[index] = (match["head"] + match["quote"] + new.isoformat() + match["quote"] + match["tail"]
                    + (match["end"] or ""))
    return bom + "".join(lines)

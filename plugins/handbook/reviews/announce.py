"""The webhook message for `handbook discord announce --reviews`: pages due within a window,
grouped by owner, in one message within Discord's limits
(https://discord.com/developers/docs/resources/message#embed-object-embed-limits).

A role of the map with an id is written `<@&id>`, which Discord shows as the role's name. Nobody
is pinged unless asked: `allowed_mentions` is empty, and mentions inside an embed never notify
anyway. With `ping`, the message's text (outside the embed) mentions the owning roles and
`allowed_mentions` lists exactly those role ids
(https://discord.com/developers/docs/resources/message#allowed-mentions-object).
"""

from __future__ import annotations

from collections.abc import Callable

from handbook.text.webhook import embed_message, escape
from handbook.reviews.page import format_date
from handbook.reviews.status import DUE_SOON, OVERDUE, PageReview

CONTENT_MAX = 2000  # a message's own text (the embed's limits are discord.announce's)
NO_OWNER = "No owner"


def due_to_announce(reviews: list[PageReview], is_public: Callable[[str], bool],
                    redact: Callable[[str], str]) -> list[PageReview]:
    """The pages overdue or due soon that the site publishes (`handbook.site.publication`: the
    same rule as the change announcements, so nothing from a private category), each titled as
    the site shows it."""
    due = [r for r in reviews if r.status in (OVERDUE, DUE_SOON) and is_public(r.src_uri)]
    for review in due:
        review.title = redact(review.title)
    return due


def owner_label(review: PageReview) -> tuple[str, list[str]]:
    """The group heading for a page's owners, and the role ids in it."""
    if not review.owners:
        return NO_OWNER, []
    names, ids = [], []
    for owner in review.owners:
        if owner.is_role and owner.role_id:
            names.append(f"<@&{owner.role_id}>")
            ids.append(owner.role_id)
        else:
            names.append(escape(owner.name))
    return ", ".join(names), ids


def _footer(overdue: int, due_soon: int, window: str) -> str:
    """"2 pages overdue, 1 due within 30 days": each page counted once, the noun on the first count."""
    counts = [(n, what) for n, what in ((overdue, "overdue"), (due_soon, f"due within {window}")) if n]
    (first, what), rest = counts[0] if counts else (0, f"due within {window}"), counts[1:]
    return ", ".join([f"{first} page{'s' if first != 1 else ''} {what}", *(f"{n} {w}" for n, w in rest)])


def build_message(reviews: list[PageReview], window: str, urls: dict[str, str] | None = None,
                  site_url: str | None = None, ping: bool = False) -> dict:
    """One message: an embed with a block per owner, overdue pages first in each."""
    urls = urls or {}
    groups: dict[str, list[PageReview]] = {}
    role_ids: list[str] = []
    for review in sorted(reviews, key=lambda r: r.sort_key):
        label, ids = owner_label(review)
        groups.setdefault(label, []).append(review)
        role_ids += [i for i in ids if i not in role_ids]
    order = sorted(groups, key=lambda label: (label == NO_OWNER, label.lower()))
    lines: list[str] = []
    for label in order:
        lines.append(f"**{label}**")
        for review in groups[label]:
            title = escape(review.title)
            shown = f"[{title}]({urls[review.src_uri]})" if review.src_uri in urls else title
            _, due = review.due_dates()  # overdue or due soon, so it has a due date
            when = f"overdue since {format_date(due)}" if review.status == OVERDUE else f"due {format_date(due)}"
            lines.append(f"• {shown}: {when}")
    overdue = sum(r.status == OVERDUE for r in reviews)
    footer = _footer(overdue, len(reviews) - overdue, window)

    def more(rest: list[str]) -> str:
        left = sum(1 for line in rest if line.startswith("• "))
        return f"…and {left} more page{'s' if left != 1 else ''}"

    message = embed_message("Handbook pages due for review", lines, footer, site_url, more)
    if ping and role_ids:
        mentions, kept = "", []
        for role_id in role_ids:
            piece = f"<@&{role_id}> "
            if len(mentions) + len(piece) + 40 > CONTENT_MAX:
                break
            mentions += piece
            kept.append(role_id)
        message["content"] = f"{mentions}pages you own are due for review."
        message["allowed_mentions"] = {"parse": [], "roles": kept}
    return message

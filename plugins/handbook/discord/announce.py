"""`handbook discord announce --since REF`: tell the community what changed in the handbook.

One webhook message (https://discord.com/developers/docs/resources/webhook#execute-webhook): an embed listing the pages added, updated, renamed and
removed since REF, public pages only, cut to Discord's limits, with `allowed_mentions` empty so
nobody is pinged. The webhook URL comes only from `DISCORD_WEBHOOK_URL` and is never printed.

Git is read and folded by `handbook.history.page_changes`; which pages are public, and their
titles and URLs, come from `handbook.site.publication`, as for the reviews announcement.
"""

from __future__ import annotations

from handbook.errors import HandbookError
from handbook.history.page_changes import PageChange, page_changes_since
from handbook.site.publication import Site
from handbook.text.webhook import embed_message, escape

__all__ = ["AnnounceError", "PageChange", "build_message", "changes_to_announce", "escape"]

STATUS_WORD = {"added": "Added", "updated": "Updated", "renamed": "Moved", "removed": "Removed"}
STATUS_ORDER = ("added", "updated", "renamed", "removed")


class AnnounceError(HandbookError):
    """The handbook's history or files cannot give an announcement (an unknown ref, no git)."""


def changes_to_announce(site: Site, since: str) -> tuple[list[PageChange], int]:
    """The public pages changed since `since`, each with its title and URL as the site shows
    them, and the number of commits that count."""
    from handbook.history.git import NoHistory

    try:
        changes, commits = page_changes_since(site.root, since, site.docs_dir, site.ignore)
    except NoHistory as err:
        raise AnnounceError(f"cannot read the history since `{since}`: {err}") from None
    public = [c for c in changes if site.is_public(c.path, c.old_path)]
    for change in public:
        change.title = site.page_title(change.path, removed=change.status == "removed")
        change.url = site.page_url(change.path)
    return public, commits


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

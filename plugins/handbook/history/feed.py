"""The Atom feed (RFC 4287) of handbook changes: the entries it is given (the newest `feed_limit`)."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone

from handbook.history.changelog import Entry, PageRef
from handbook.i18n import ENGLISH, Words

ATOM = "http://www.w3.org/2005/Atom"


def entry_id(sha: str, scope: str = "") -> str:
    """A stable, absolute id for a commit's entry (the same across rebuilds and hosts).

    A commit id is already a unique hex string: its first 128 bits, spelled as a UUID URN. A
    `scope` (`fr`: the French feed of a mkdocs-static-i18n site) gives the entry of another
    language's feed its own id, since it is another text of the same change.
    """
    if scope:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{scope}/{sha}')}"
    if len(sha) < 32 or any(c not in "0123456789abcdef" for c in sha[:32]):
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, sha)}"
    return f"urn:uuid:{sha[:8]}-{sha[8:12]}-{sha[12:16]}-{sha[16:20]}-{sha[20:32]}"


def _iso(d: datetime) -> str:
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return d.isoformat(timespec="seconds")


def render_feed(
    entries: Sequence[Entry],
    *,
    title: str,
    feed_url: str,
    changelog_url: str | None,
    page_url: Callable[[str], str | None],
    site_url: str | None,
    built: datetime,
    titles: Mapping[str, str] | None = None,
    words: Words = ENGLISH,
    scope: str = "",
    entry_url: Callable[[Entry], str | None] | None = None,
) -> bytes:
    """The feed document, in `words`' language. `page_url(docs_path)` gives a page's absolute URL,
    None if it is gone; `entry_url(entry)` the page that lists an entry (default: `changelog_url`;
    the older years have pages of their own). `scope` keeps the ids of one language's feed apart
    (see `entry_id`).

    Written as text with every value escaped (thousands of entries: several times faster than
    building an ElementTree); the tests parse it back.
    """
    x = _xml_escape
    titles = titles or {}
    labels = {kind: html.escape(words("label_then", label=words(f"change_{kind}_label")))  # once, not per entry
              for kind in ("added", "updated", "renamed", "removed", "channels")}

    def link(ref: PageRef) -> str:
        url = page_url(ref.current) if ref.current else None
        if not url:
            return f"<code>{html.escape(ref.path)}</code>"
        name = titles.get(ref.current or "") or ref.current or ref.path
        return f'<a href="{html.escape(url)}">{html.escape(name)}</a>'

    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        f'<feed xmlns="{ATOM}" xml:lang="{x(words.locale)}">\n',
        f"<id>{x(feed_url if site_url else entry_id('feed:' + title, scope))}</id>\n",
        f"<title>{x(words('feed_title', site=title))}</title>\n",
        f"<updated>{_iso(max((e.date for e in entries), default=built))}</updated>\n",
        f'<link rel="self" type="application/atom+xml" href="{x(feed_url)}"/>\n',
    ]
    if changelog_url:
        out.append(f'<link rel="alternate" type="text/html" href="{x(changelog_url)}"/>\n')
    out.append(f"<author><name>{x(title)}</name></author>\n<generator>handbook</generator>\n")
    for e in entries:
        parts = []
        for label, refs in ((labels["added"], e.added), (labels["updated"], e.updated)):
            if refs:
                parts.append(f"<li>{label} {', '.join(link(r) for r in refs)}</li>")
        if e.renamed:
            renamed = ", ".join(f"<code>{html.escape(old)}</code> → {link(r)}" for old, r in e.renamed)
            parts.append(f"<li>{labels['renamed']} {renamed}</li>")
        if e.removed:
            removed = ", ".join(f"<code>{html.escape(r.path)}</code>" for r in e.removed)
            parts.append(f"<li>{labels['removed']} {removed}</li>")
        if e.channels:
            parts.append(f"<li>{labels['channels']} " + "; ".join(html.escape(c) for c in e.channels) + "</li>")
        subject = e.subject or words("no_subject")
        out.append(f"<entry>\n<id>{entry_id(e.sha, scope)}</id>\n<title>{x(subject)}</title>\n")
        out.append(f"<updated>{_iso(e.date)}</updated>\n")
        out.extend(f"<author><name>{x(name)}</name></author>\n" for name in e.authors)
        listed_at = entry_url(e) if entry_url else changelog_url
        if listed_at:
            out.append(f'<link rel="alternate" type="text/html" href="{x(listed_at)}#{e.anchor}"/>\n')
        out.append(f'<content type="html">{x("<ul>" + "".join(parts) + "</ul>")}</content>\n</entry>\n')
    out.append("</feed>\n")
    return "".join(out).encode("utf-8")


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_escape(text: str) -> str:
    """Text for XML content and attributes: markup escaped, characters XML forbids dropped."""
    return _XML_INVALID.sub("", html.escape(text, quote=True))

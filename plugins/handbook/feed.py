"""The Atom feed (RFC 4287) of handbook changes: every changelog entry, not only those shown."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from handbook.changelog import Entry, PageRef

ATOM = "http://www.w3.org/2005/Atom"


def entry_id(sha: str) -> str:
    """A stable, absolute id for a commit's entry (the same across rebuilds and hosts)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'git-commit:' + sha)}"


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
    titles: Mapping[str, str] | None = None,
    site_url: str | None,
    built: datetime,
) -> bytes:
    """The feed document. `page_url(docs_path)` gives a page's absolute URL, None if it is gone."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", feed_url if site_url else entry_id("feed:" + title))
    sub(feed, "title", f"{title}: changes")
    sub(feed, "updated", _iso(max((e.date for e in entries), default=built)))
    sub(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    if changelog_url:
        sub(feed, "link", rel="alternate", href=changelog_url, type="text/html")
    author = sub(feed, "author")
    sub(author, "name", title)
    sub(feed, "generator", "handbook")

    def link(ref: PageRef) -> str:
        url = page_url(ref.current) if ref.current else None
        name = html.escape((titles or {}).get(ref.current or "") or ref.current or ref.path)
        return f'<a href="{html.escape(url)}">{name}</a>' if url else f"<code>{html.escape(ref.path)}</code>"

    for e in entries:
        item = sub(feed, "entry")
        sub(item, "id", entry_id(e.sha))
        sub(item, "title", e.subject or "(no subject)")
        sub(item, "updated", _iso(e.date))
        for name in e.authors:
            sub(sub(item, "author"), "name", name)
        if changelog_url:
            sub(item, "link", rel="alternate", href=f"{changelog_url}#{e.anchor}", type="text/html")
        parts = []
        for label, refs in (("Added", e.added), ("Updated", e.updated)):
            if refs:
                parts.append(f"<li>{label}: {', '.join(link(r) for r in refs)}</li>")
        if e.renamed:
            renamed = ", ".join(f"<code>{html.escape(old)}</code> → {link(r)}" for old, r in e.renamed)
            parts.append(f"<li>Renamed: {renamed}</li>")
        if e.removed:
            parts.append("<li>Removed: " + ", ".join(f"<code>{html.escape(r.path)}</code>" for r in e.removed) + "</li>")
        if e.channels:
            parts.append("<li>Channels: " + "; ".join(html.escape(c) for c in e.channels) + "</li>")
        sub(item, "content", "<ul>" + "".join(parts) + "</ul>", type="html")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)

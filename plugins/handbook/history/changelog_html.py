"""A month's changelog entries as HTML, written by us instead of by Python-Markdown.

The changelog page and its years' pages are Markdown for their headings (ids, table of contents)
and sentences, but their entries are the HTML Python-Markdown made of the Markdown list they
used to be, byte for byte: thousands of entries cost no inline processing (they were most of a
long history's build). The site puts each block in after conversion (`handbook.site.history`).
Links are the pages' URLs (`href`: nobody rewrites links in this HTML) and text is `text(...)` of
the plain text: Markdown-inert text by default (the same characters the Markdown list had), with
channel mentions where the site has them. Pure: no git, no MkDocs.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from handbook.history.changelog import Entry, PageRef
from handbook.i18n import ENGLISH, Words
from handbook.text.markdown_text import inert


def entries_html(entries: Sequence[Entry], *, href: Callable[[str], str | None],
                 pages: dict[str, str] | None = None, text: Callable[[str], str] = inert,
                 words: Words = ENGLISH) -> str:
    """`entries` as the `<ul>` of one month. `href(docs path)` is the URL of a page that exists now
    (in `pages`: docs path -> title) from the changelog page, None when it has none."""
    titles = pages or {}
    out = ["<ul>"]
    for e in entries:
        time = f'<time datetime="{e.date.date().isoformat()}">{html.escape(words.date(e.date))}</time>'
        head = f'<li><a id="{e.anchor}"></a><strong>{time}</strong> · {text(e.subject)}'
        if e.authors:
            head += f" · <em>{', '.join(text(a) for a in e.authors)}</em>"
        out.append(head + "<ul>")

        def link(ref: PageRef) -> str:
            url = href(ref.current) if ref.current is not None and ref.current in titles else None
            if url is not None and ref.current is not None:
                return f'<a href="{html.escape(url)}">{inert(titles[ref.current] or ref.current)}</a>'
            code = f"<code>{html.escape(ref.path)}</code>"
            return f"{code} {html.escape(words('removed_since'))}" if ref.current is None else code

        def item(kind: str, body: str) -> None:
            label = html.escape(words("label_then", label=words(f"change_{kind}_label")))
            out.append(f"<li>{label} {body}</li>")

        if e.added:
            item("added", ", ".join(link(r) for r in e.added))
        if e.updated:
            item("updated", ", ".join(link(r) for r in e.updated))
        if e.renamed:
            item("renamed", ", ".join(f"<code>{html.escape(old)}</code> → {link(r)}" for old, r in e.renamed))
        if e.removed:
            item("removed", ", ".join(f"<code>{html.escape(r.path)}</code>" for r in e.removed))
        if e.channels:
            item("channels", "; ".join(text(c) for c in e.channels))
        out += ["</ul>", "</li>"]
    out.append("</ul>")
    return "\n".join(out)

"""Resolve a link written in a GitBook page and rewrite it for the page's new place under docs/."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from handbook.gitbook.layout import Layout, page_url

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class Resolved:
    """`url` is the rewritten link (None when its target does not exist); `target` the old file path."""

    url: str | None
    target: str | None = None
    external: bool = False


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


def clean_url(url: str) -> str:
    """The URL as GitBook meant it: no `<...>`, no backslash escapes."""
    url = url.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1]
    return _ESCAPED.sub(r"\1", url)


class Links:
    """Rewrites links of the pages of one layout; `touch` records files pages refer to."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.files = layout.files

    def target_of(self, url: str, page_old: str) -> str | None:
        """The old path of the file a relative link points at, or None."""
        return next((c for c in self._candidates(url, page_old) if c in self.files), None)

    def is_link_out(self, url: str, page_old: str) -> bool:
        """Whether a relative link names a symbolic link out of the repository (never to be read)."""
        return any(c in self.layout.links_out for c in self._candidates(url, page_old))

    def _candidates(self, url: str, page_old: str) -> list[str]:
        """The old paths a relative link may mean, the likeliest first."""
        url = clean_url(url)
        if not url or url.startswith("#") or is_external(url):
            return []
        path = unquote(urlsplit(url).path)
        if not path:
            return []
        if path.startswith("/"):
            start = self.layout.root
            path = path.lstrip("/")
        else:
            start = posixpath.dirname(page_old)
        joined = posixpath.normpath(posixpath.join(start, path)) if start else posixpath.normpath(path)
        candidates = [joined]
        if not posixpath.splitext(joined)[1] or path.endswith("/"):
            folder = "" if joined == "." else joined + "/"
            candidates += [f"{joined}.md"] + [f"{folder}{name}" for name in ("README.md", "readme.md", "index.md")]
        return candidates

    def resolve(self, url: str, page_old: str, page_new: str) -> Resolved:
        cleaned = clean_url(url)
        if not cleaned or cleaned.startswith("#") or is_external(cleaned):
            return Resolved(url=url, external=True)
        target = self.target_of(cleaned, page_old)
        if target is None:
            return Resolved(url=None)
        new_target = self.layout.new_path(target)
        if not new_target.startswith("docs/") and not target.lower().endswith((".md", ".markdown")):
            new_target = self.layout.to_docs(target)
        if not new_target.startswith("docs/"):
            return Resolved(url=None, target=target)
        parts = urlsplit(cleaned)
        rel = posixpath.relpath(new_target, posixpath.dirname(page_new) or ".")
        rewritten = quote(rel, safe="/")
        if parts.query:
            rewritten += f"?{parts.query}"
        if parts.fragment:
            rewritten += f"#{parts.fragment}"
        return Resolved(url=rewritten, target=target)

    def site_url(self, url: str, page_old: str, page_new: str) -> str | None:
        """The link as the built site needs it in raw HTML (MkDocs rewrites only Markdown links):
        relative to the page's URL, pages by their URL (`use_directory_urls`)."""
        resolved = self.resolve(url, page_old, page_new)
        if resolved.url is None or resolved.target is None:
            return None
        target = self.layout.new_path(resolved.target)[len("docs/"):]
        if target.lower().endswith((".md", ".markdown")):
            target = page_url(target)
        here = page_url(page_new[len("docs/"):])
        relative = posixpath.relpath(target or ".", here.rstrip("/") or ".")
        if relative == ".":
            relative = "./"
        elif target.endswith("/") or not target:
            relative += "/"
        fragment = urlsplit(clean_url(url)).fragment
        return quote(relative, safe="/") + (f"#{fragment}" if fragment else "")

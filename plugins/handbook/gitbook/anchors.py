"""Make `#anchor` links of converted pages point at anchors MkDocs will really have.

GitBook and MkDocs slug headings differently (non-ASCII letters, punctuation), and the generated
mkdocs.yml validates anchors at `warn`, so a stale fragment would fail `mkdocs build --strict`.
Each page is rendered once with the generated site's Markdown extensions to learn its ids; a
fragment that matches no id but matches a heading by GitBook's slug is rewritten, else dropped
and reported.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import markdown

from handbook.gitbook.links import is_external
from handbook.gitbook.model import ImportNote
from handbook.gitbook.syntax import CODE_SPAN, FENCE, FRONT_MATTER, LINK

_ID = re.compile(r"""\s(?:id|name)="([^"]+)\"""")
_HEADING = re.compile(r"<h[1-6][^>]*\sid=\"([^\"]+)\"[^>]*>(.*?)</h[1-6]>", re.S)
_TAGS = re.compile(r"<[^>]+>")


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    from handbook.gitbook.site import MARKDOWN_EXTENSIONS, PythonName

    names, configs = [], {}
    for extension in MARKDOWN_EXTENSIONS:
        if isinstance(extension, dict):
            (name, config), = extension.items()
            names.append(name)
            configs[name] = {k: v.load() if isinstance(v, PythonName) else v for k, v in config.items()}
        else:
            names.append(extension)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def page_anchors(text: str) -> tuple[set[str], dict[str, str]]:
    """The ids of a page as MkDocs renders it, and {GitBook-style slug of a heading: its id}."""
    match = FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    rendered = _renderer().reset().convert(body)
    ids = set(_ID.findall(rendered))
    by_title: dict[str, str] = {}
    for anchor, inner in _HEADING.findall(rendered):
        title = html.unescape(_TAGS.sub("", inner)).replace("¶", "").strip()
        for slug in (gitbook_slug(title), title.lower()):
            by_title.setdefault(slug, anchor)
    return ids, by_title


def gitbook_slug(title: str) -> str:
    """How GitBook turns a heading into an anchor: lowercase words joined by hyphens, letters kept."""
    text = unicodedata.normalize("NFC", title).lower()
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s_-]+", "-", text).strip("-")


def fix_anchors(pages: dict[str, str]) -> tuple[dict[str, str], list[ImportNote]]:
    """`pages` maps paths inside docs/ to converted text; returns the changed texts and findings
    (named `docs/<path>:<line>` of the converted page)."""
    anchors = {path: page_anchors(text) for path, text in pages.items()}
    changed: dict[str, str] = {}
    findings: list[ImportNote] = []
    for path, text in pages.items():
        name = f"docs/{path}"
        lines = text.split("\n")
        fence = None
        for index, line in enumerate(lines):
            match = FENCE.match(line)
            if fence:
                if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence) \
                        and not match["info"].strip():
                    fence = None
                continue
            if match:
                fence = match["fence"]
                continue
            if "#" not in line:
                continue
            new = _fix_line(line, path, anchors, name, index + 1, findings)
            if new != line:
                lines[index] = new
        new_text = "\n".join(lines)
        if new_text != text:
            changed[path] = new_text
    return changed, findings


def _fix_line(line: str, path: str, anchors: dict, name: str, number: int, findings: list[ImportNote]) -> str:
    spans: list[str] = []

    def mask(match: re.Match) -> str:
        spans.append(match.group(0))
        return f"\x00{len(spans) - 1}\x00"

    def fix(match: re.Match) -> str:
        url = match["url"]
        bare = url[1:-1] if url.startswith("<") else url
        if is_external(bare) or "#" not in bare:
            return match.group(0)
        parts = urlsplit(bare)
        target = path
        if parts.path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path)))
        if target not in anchors or not parts.fragment:
            return match.group(0)
        ids, by_title = anchors[target]
        fragment = unquote(parts.fragment)
        if fragment in ids:
            return match.group(0)
        found = by_title.get(fragment) or by_title.get(gitbook_slug(fragment)) or next(
            (anchor for anchor in ids if anchor.lower() == fragment.lower()), None
        )
        head = bare.split("#", 1)[0]
        if found:
            new_url = f"{head}#{found}"
        else:
            findings.append(ImportNote(name, number, f"link to #{fragment}: {target} has no such heading; "
                                                  "linked to the page instead"))
            new_url = head or "#"
            if not head:  # a self-link to a missing anchor: keep the text only
                return match["text"]
        return f"[{match['text']}]({new_url}{match['title'] or ''})"

    masked = CODE_SPAN.sub(mask, line)
    fixed = LINK.sub(fix, masked)
    return re.sub("\x00(\\d+)\x00", lambda m: spans[int(m.group(1))], fixed)

"""Private names in what an author wrote: front matter, link text, image alt text, code spans.

Prose mentions (`#name`) are the mentions extension's job; these are the places it does not
reach, where a private channel's name would be published as written. Each one is a warning
with file and line; the names found are then removed from everything the page publishes (its
title, description, content, table of contents and the ids of its headings, which links follow). With `show_private_names` the community
chose to publish names, so only ids, private invites and secrets count. Pure functions over text; `handbook.plugin` runs them once per build,
after every page is converted (so old names from git history are known) and before any page is
written or indexed for search.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from handbook.findings import Finding, PRIVATE_NAME
from handbook.site.privacy import Redactor

FRONT_MATTER_KEYS = ("title", "description")
WHERE = {
    "title": "front matter `title:`",
    "description": "front matter `description:`",
    "link": "link text",
    "alt": "image alt text",
    "code": "a code span",
    "mention": "a mention",
    "id": "an id",
}


@dataclass(frozen=True)
class Hit:
    line: int | None
    where: str  # a key of WHERE
    name: str   # as written


def find_private_names(source: str, redactor: Redactor, *, mentions_known: Iterable[str] = ()) -> list[Hit]:
    """Private names in the page file `source` (front matter included), with their lines.

    `mentions_known`: names the mentions extension already warns about (current private
    channels): a `#name` in prose is reported here only when it is an older private name."""
    from mkdocs.utils.meta import get_data

    body, meta = get_data(source)
    hits: list[Hit] = []
    front = source[: len(source) - len(body)] if body else source
    for key in FRONT_MATTER_KEYS:
        value = meta.get(key)
        if isinstance(value, str):
            line = _key_line(front, key)
            hits += [Hit(line, key, name) for name in redactor.private_names_in(value)]
    first_line = source.count("\n", 0, len(source) - len(body)) + 1 if body else 1
    known = {n.lstrip("#").casefold() for n in mentions_known}
    for where, line, text in _inline_texts(body, first_line):
        for name in redactor.private_names_in(text):
            if where == "prose":
                if name.startswith("#") and name[1:].casefold() not in known:
                    hits.append(Hit(line, "mention", name))
            else:
                hits.append(Hit(line, where, name))
    return sorted(set(hits), key=lambda h: (h.line or 0, h.where, h.name))


def worth_a_look(markdown: str, redactor: Redactor, mentions_known: Iterable[str] = ()) -> bool:
    """Whether `markdown` (a page's body) may hold a private name where `find_private_names`
    looks: after an odd number of backticks or an unclosed `[` in its paragraph (a code span,
    link text or alt text), or as an older `#name`. One regular expression search for most
    pages, so only the few that need it are parsed."""
    known = {n.lstrip("#").casefold() for n in mentions_known}
    for m in redactor.matches(markdown):
        if m.group(1) == "#" and m.group(2).casefold() not in known:
            return True
        before = markdown[markdown.rfind("\n\n", 0, m.start()) + 1:m.start()]
        if before.count("`") % 2 or before.rfind("[") > before.rfind("]"):
            return True
    return False


def findings(hits: list[Hit], display: str, redactor: Redactor) -> list[Finding]:
    """One warning per hit; the message says what the published page shows instead."""
    return [PRIVATE_NAME(
                    f"{WHERE[h.where]} names {h.name}, which is private; the published page says "
                    f"\"{redactor.redact_id(h.name) if h.where == 'id' else redactor.redact(h.name)}\" instead",
                    display, h.line, "leave the private name out of what the page publishes")
            for h in hits]


def redact_page(page, redactor: Redactor) -> dict[str, str]:
    """Everything a MkDocs page publishes, in place: title (nav, `<title>`, search), front matter
    title and description (`<meta name="description">`), content, table of contents, and the ids
    of its headings (permalinks, table of contents links and search locations follow them).
    Returns the ids renamed (old → new), for the links of other pages (`follow_renamed_ids`)."""
    for key in FRONT_MATTER_KEYS:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = redactor.redact(page.meta[key])
    if isinstance(page.title, str):
        page.title = redactor.redact(page.title)
    renamed: dict[str, str] = {}
    if page.content:
        page.content = redact_html(page.content, redactor)
        renamed = _renamed_ids(page.content, redactor)
        _apply_renamed_ids(page, renamed)
    redact_toc(page.toc, redactor)
    return renamed


def written_ids(page, source: Callable[[], str], redactor: Redactor) -> tuple[list[Hit], dict[str, str]]:
    """Ids that name a private channel where no text of the page does (`{#mod-log-writers}`, an
    HTML `id=`): each renamed, and a hit at the line of `source()` (the page's file, read only
    then) that wrote it."""
    if not page.content or not redactor.may_name(page.content):
        return [], {}
    found = {value: names for value in _ids(page.content) if (names := redactor.names_in_id(value))}
    if not found:
        return [], {}
    renamed = _renamed_ids(page.content, redactor.restricted(n for names in found.values() for n in names))
    _apply_renamed_ids(page, renamed)
    lines = source().splitlines()
    hits = [Hit(next((i + 1 for i, line in enumerate(lines) if value in line), None), "id", name)
            for value, names in found.items() if value in renamed for name in names]
    return sorted(set(hits), key=lambda h: (h.line or 0, h.name)), renamed


def _apply_renamed_ids(page, renamed: dict[str, str]) -> None:
    """The page's ids, its own links to them, its table of contents and the anchors MkDocs checks
    links against, renamed."""
    if not renamed:
        return
    page.content = _rename_ids(page.content, renamed, lambda url: url == "")
    _rename_toc(page.toc, renamed)
    if page.present_anchor_ids is not None:  # what MkDocs checks `page.md#anchor` links against
        page.present_anchor_ids = {renamed.get(i, i) for i in page.present_anchor_ids}


def follow_renamed_ids(pages, renamed: dict) -> None:
    """Links of other pages to a renamed id (`notes.md#notes-from-mod-log`) point at its new name.
    `renamed` maps a page's File to its renamed ids; MkDocs recorded each page's links to anchors."""
    for page in pages:
        if not page.content or not page.links_to_anchors:
            continue
        for to_file, anchors in page.links_to_anchors.items():
            ids = renamed.get(to_file)
            if not ids or not ids.keys() & anchors.keys():
                continue
            target = "/" + to_file.url

            def points_there(path: str, here: str = "/" + page.url, target: str = target) -> bool:
                return urlsplit(urljoin(here, path)).path == target if path else here == target

            page.content = _rename_ids(page.content, ids, points_there, ids_too=False)
            page.links_to_anchors[to_file] = {ids.get(a, a): link for a, link in anchors.items()}


def _ids(html: str) -> list[str]:
    """The `id` attributes of the tags of `html`, once each, in order."""
    return list(dict.fromkeys(a.group(3) for m in _TAG_OR_TEXT.finditer(html) if m.group(1)
                              for a in _ATTRIBUTE.finditer(m.group(1)) if a.group(2) == "id"))


def _renamed_ids(html: str, redactor: Redactor) -> dict[str, str]:
    """The ids of `html` that name a private name, and their new names (unique on the page)."""
    present = _ids(html)
    taken = set(present)
    renamed = {}
    for old in present:
        new = redactor.redact_id(old)
        if new == old:
            continue
        candidate, number = new, 0
        while candidate in taken:  # as the table of contents makes ids unique
            number += 1
            candidate = f"{new}_{number}"
        taken.add(candidate)
        renamed[old] = candidate
    return renamed


def _rename_ids(html: str, renamed: dict[str, str], points_there: Callable[[str], bool],
                ids_too: bool = True) -> str:
    """`id` attributes (when `ids_too`) and the fragments of `href`s whose path (before the `#`)
    `points_there`, renamed; only inside tags, so the text stays as it is."""
    def attribute(a: re.Match[str]) -> str:
        value = a.group(3)
        if a.group(2) == "id":
            value = renamed.get(value, value) if ids_too else value
        else:
            path, hash_, fragment = value.partition("#")
            if hash_ and fragment in renamed and points_there(path):
                value = f"{path}#{renamed[fragment]}"
        return a.group(1) + value + '"'

    return "".join(_ATTRIBUTE.sub(attribute, m.group(1)) if m.group(1) else m.group(2)
                   for m in _TAG_OR_TEXT.finditer(html))


def redact_html(html: str, redactor: Redactor) -> str:
    """`html` with the redactor applied to its text and its `alt` and `title` attributes only,
    so URLs, ids and markup stay as they are."""
    out = []
    for m in _TAG_OR_TEXT.finditer(html):
        tag, text = m.group(1), m.group(2)
        if text is not None:
            out.append(redactor.redact(text))
        else:
            out.append(_TEXT_ATTRIBUTE.sub(lambda a: a.group(1) + redactor.redact(a.group(2)) + a.group(3), tag))
    return "".join(out)


def redact_toc(items, redactor: Redactor) -> None:
    """Table of contents titles (MkDocs' AnchorLink tree), in place."""
    for item in items:
        item.title = redactor.redact(item.title)
        redact_toc(item.children, redactor)


def _rename_toc(items, renamed: dict[str, str]) -> None:
    """Table of contents ids (their links are `#` + id), in place."""
    for item in items:
        item.id = renamed.get(item.id, item.id)
        _rename_toc(item.children, renamed)


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")
_ATTRIBUTE = re.compile(r'(\s(id|href)=")([^"]*)"')
_TEXT_ATTRIBUTE = re.compile(r"(\b(?:alt|title)=\")([^\"]*)(\")")
_KEY = "^{key}\\s*:"


def _key_line(front: str, key: str) -> int | None:
    m = re.search(_KEY.format(key=re.escape(key)), front, re.MULTILINE)
    return front.count("\n", 0, m.start()) + 1 if m else None


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable(["code", "text_join"])


def _inline_texts(markdown: str, first_line: int):
    """(where, line, text) for every piece of inline text: `prose`, `link`, `alt` or `code`.

    markdown-it-py with `code` disabled, as for mentions: Material's admonitions and tabs
    indent their body, which CommonMark would read as a code block."""
    for token in _parser().parse(markdown):
        if token.type != "inline" or not token.map or not token.children:
            continue
        line = token.map[0] + first_line
        in_link = 0
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            elif child.type == "code_inline":
                yield "code", line, child.content
            elif child.type == "image":
                yield "alt", line, child.content
            elif child.type == "text":
                yield ("link" if in_link else "prose"), line, child.content

"""Handbook categories: the folders directly under `docs_dir`, found from MkDocs' own files and nav.

A folder is a category when MkDocs publishes at least one of its pages in the nav, so
`exclude_docs`, `not_in_nav`, drafts and hidden files behave exactly as MkDocs treats them; with an
explicit `nav:`, a folder none of whose pages it lists is not a category.
Its title comes from the nav section that stands for it (`nav_titles`), else from its index page
(front matter `title`, else the first heading), else from the folder name.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.structure.files import File
from mkdocs.utils import dirname_to_title
from mkdocs.utils.meta import get_data

from handbook.channelmap.rules import channel_name_for, is_usable_name, slug_for_folder
from handbook.checks.channel_setting import (ChannelSetting, front_matter_finding, read_channel_setting,
                                             unusable_name_finding)
from handbook.findings import DUPLICATE_CATEGORY_TITLE, Finding

INDEX_NAMES = ("index.md", "README.md")
INDEX_STEMS = ("index", "README")


@dataclass(frozen=True)
class HandbookCategory:
    folder: str
    title: str
    index_uri: str | None
    """`habits/index.md`, or None when the folder has no index page."""
    channel: str | None = None
    """A channel name the index page asks for with front matter `channel: name`."""
    opted_out: bool = False
    """Front matter `channel: false` on the index page."""
    excluded: bool = False
    """Listed in the plugin's `exclude_categories`."""
    description: str | None = None
    setting: ChannelSetting = ChannelSetting()
    """Front matter `channel:` as written: its line, and what is wrong with a value that asks for nothing."""

    @property
    def wants_channel(self) -> bool:
        return not (self.opted_out or self.excluded)

    @property
    def expected_channel(self) -> str:
        """The topic channel's name: `channel:` as Discord stores it (`Not Normal` -> `not-normal`, so
        sync never writes a name Discord would change), else the folder's slug; never with a
        hyphen or underscore at either end. '' when nothing is left of either."""
        return (channel_name_for(self.channel) if self.channel else None) or slug_for_folder(self.folder)

    @property
    def has_usable_channel_name(self) -> bool:
        """Whether Discord would take `expected_channel` (1 to 100 characters)."""
        return is_usable_name(self.expected_channel)


def without_language(src_uri: str, languages: Collection[str] = ()) -> str:
    """`habits/tiny.md` for `fr/habits/tiny.md` when `fr` is a language folder (mkdocs-static-i18n's
    folder mode): the categories are the folders inside a language, shared by all languages."""
    first, _, rest = src_uri.partition("/")
    return rest if rest and first in languages else src_uri


def category_folders(files: Iterable[File], in_nav: Collection[str] | None = None,
                     languages: Collection[str] = ()) -> dict[str, list[str]]:
    """Folder → the src_uris of its pages in the nav, in file order.

    `in_nav` holds the pages of the final navigation, as nav plugins left it; without it, a page
    counts when MkDocs would put it in the nav.
    """
    folders: dict[str, list[str]] = {}
    for file in files:
        path = without_language(file.src_uri, languages)
        if "/" not in path or not file.is_documentation_page() or file.generated_by:
            continue
        if not (file.inclusion.is_in_nav() if in_nav is None else file.src_uri in in_nav):
            continue
        folders.setdefault(path.split("/", 1)[0], []).append(file.src_uri)
    return folders


def _name_key(text: str) -> str:
    """A title or folder name reduced to its letters and digits (`🐳 Docker Swarm` and
    `docker-swarm` are both `dockerswarm`), to tell a section named after its folder."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text).casefold() if ch.isalnum())


@dataclass(frozen=True)
class _Section:
    title: str
    depth: int
    pages: frozenset[str]


def nav_titles(nav: Any, folders: Iterable[str]) -> dict[str, str]:
    """Titles that a nav (mkdocs.yml's `nav`, or the final navigation as `nav_tree` gives it)
    gives to category folders: the section that stands for the folder, in this order:

    1. the outermost section that holds every page of the folder the nav lists, and either holds
       nothing else or is titled with the folder's name (`⛴ Kubernetes` for `kubernetes/`, even
       when it also holds recipes from another folder); so a sub-section holding part of a
       folder ("Preparation") never names it;
    2. else the section titled with the folder's name that holds most of its pages (a folder
       spread over several sections, one of them named after it);
    3. else, when no section stands for the folder, an explicit title on its index page
       (`- Habits: habits/index.md`). Inside the folder's own section, the index page's label
       (awesome-pages' `- Home: index.md`) names the page, not the folder.

    A section titled '' (one MkDocs made up) leaves the folder to its index page's own title
    (front matter `title`, else its first heading).
    """
    wanted = set(folders)
    index_titles: dict[str, str] = {}
    sections: list[_Section] = []

    def folder_of(page: str) -> str | None:
        return page.split("/", 1)[0] if "/" in page and "://" not in page else None

    def walk(items: Any, depth: int) -> list[str]:
        found: list[str] = []
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        found.append(value)
                        folder, _, name = value.partition("/")
                        if name in INDEX_NAMES and folder in wanted:
                            index_titles.setdefault(folder, str(title))
                    elif isinstance(value, list):
                        pages = walk(value, depth + 1)
                        sections.append(_Section(str(title or ""), depth, frozenset(p for p in pages if "://" not in p)))
                        found.extend(pages)
        return found

    listed: dict[str, set[str]] = {}
    for page in walk(nav, 0) if nav else []:
        folder = folder_of(page)
        if folder in wanted:
            listed.setdefault(folder, set()).add(page)

    titles: dict[str, str | None] = {}
    outermost_first = sorted(sections, key=lambda s: s.depth)  # stable: nav order within a depth
    for folder, pages in listed.items():
        key = _name_key(folder)

        def own(section: _Section) -> set[str]:
            return {p for p in section.pages if folder_of(p) == folder}

        whole = next((s for s in outermost_first if s.pages >= pages and (
            _name_key(s.title) == key or all(folder_of(p) == folder for p in s.pages))), None)
        named = max((s for s in outermost_first if _name_key(s.title) == key and own(s)),
                    key=lambda s: len(own(s)), default=None)
        chosen = whole or named
        if chosen is not None:
            titles[folder] = chosen.title
            index_titles.pop(folder, None)
    return {**index_titles, **{folder: title for folder, title in titles.items() if title}}


def nav_tree(items: Iterable[Any], *, automatic: bool = False, languages: Collection[str] = ()) -> list[Any]:
    """The final navigation (MkDocs' Section, Page and Link objects) in the shape of mkdocs.yml's
    `nav`: `{title: [children]}`, `{title: path}` for a page with a title of its own, `path`.

    With `automatic` (mkdocs.yml has no `nav`), a section titled after its folder's name is the
    one MkDocs made up, and gets the title '' so that the index page's own title counts (inside
    mkdocs-static-i18n's language folders, `fr/habits/` is the folder `habits`). Pages a plugin
    generated are left out, as `category_folders` leaves them out (the commands' nav has none of ours).
    """
    tree: list[Any] = []
    for item in items:
        children = getattr(item, "children", None)
        file = getattr(item, "file", None)
        if getattr(item, "is_section", False) and children is not None:
            subtree = nav_tree(children, automatic=automatic, languages=languages)
            title = str(item.title or "")
            folders = {without_language(page, languages).split("/", 1)[0] for page in nav_pages(subtree)}
            if automatic and len(folders) == 1 and title == dirname_to_title(folders.pop()):
                title = ""
            tree.append({title: subtree})
        elif file is not None and not file.generated_by:  # generated pages are in no category
            explicit = vars(item).get("title")  # set by the nav (or a nav plugin), not from the page
            tree.append({explicit: file.src_uri} if explicit else file.src_uri)
    return tree


def tree_without_language(tree: Any, languages: Collection[str]) -> Any:
    """A nav (config-shaped) with every page path seen from inside its language folder."""
    if not languages:
        return tree
    if isinstance(tree, str):
        return without_language(tree, languages)
    if isinstance(tree, dict):
        return {title: tree_without_language(value, languages) for title, value in tree.items()}
    if isinstance(tree, list):
        return [tree_without_language(item, languages) for item in tree]
    return tree




def duplicate_title_findings(categories: list[HandbookCategory], docs_display: str) -> list[Finding]:
    """Two categories with one title: their channels' topics and the site would confuse people."""
    first: dict[str, HandbookCategory] = {}
    findings = []
    for category in categories:
        key = " ".join(category.title.casefold().split())
        if key not in first:
            first[key] = category
            continue
        other = first[key]
        where = f"{docs_display}/{category.index_uri or category.folder}"
        findings.append(DUPLICATE_CATEGORY_TITLE(
            
            f"the categories {other.folder}/ and {category.folder}/ are both titled {category.title!r}",
            where, None,
            f"give {category.folder}/ a title of its own: in the nav, or as the first heading or front "
            "matter `title` of its index page"))
    return findings


def channel_setting_findings(categories: list[HandbookCategory], docs_display: str) -> list[Finding]:
    """`channel:` values that ask for nothing, and channel names Discord would refuse."""
    findings = []
    for category in categories:
        page = f"{docs_display}/{category.index_uri or category.folder + '/index.md'}"
        bad = front_matter_finding(category.folder, category.setting, page)
        if bad is not None:
            findings.append(bad)
        if category.wants_channel:
            unusable = unusable_name_finding(category.folder, category.expected_channel, bool(category.channel),
                                             page, category.setting.line)
            if unusable is not None:
                findings.append(unusable)
    return findings


def nav_pages(nav: Any) -> set[str]:
    """The docs pages a nav lists (mkdocs.yml's, or a `nav_tree`), as src_uris (`./habits/index.md`
    is `habits/index.md`)."""
    found: set[str] = set()

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                if "://" not in item:
                    found.add(posixpath.normpath(item.strip()).lstrip("/"))
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value)

    walk(nav)
    return found


def read_page(path: Path) -> tuple[dict, str | None]:
    """Front matter and first heading of a Markdown page ({} and None when it cannot be read)."""
    return parse_page(read_page_text(path))


def read_page_text(path: Path) -> str:
    """A page's text ('' when it cannot be read)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def parse_page(text: str) -> tuple[dict, str | None]:
    """Front matter and first heading of a page's text (an old version read from git, say)."""
    markdown, meta = get_data(text.removeprefix("\ufeff"))
    return (meta if isinstance(meta, dict) else {}), _first_heading(markdown)


def title_from_path(src_uri: str) -> str:
    """The title a page gets from its file name alone (`tiny-habits.md` -> "Tiny habits"; an index
    page takes its folder's name), for pages whose text cannot be read."""
    path = PurePosixPath(src_uri)
    stem = (path.parent.name or "Home") if path.stem in INDEX_STEMS else path.stem
    return stem.replace("-", " ").replace("_", " ").capitalize() or "Home"


def category_title(folder: str, nav_title: str | None, meta: dict, heading: str | None) -> str:
    """The title rule in one place: the nav's, else front matter `title`, else the first heading,
    else the folder name."""
    return nav_title or _text(meta.get("title")) or heading or dirname_to_title(folder)


def category_description(meta: dict) -> str | None:
    return _text(meta.get("description"))


def page_title(path: Path) -> str | None:
    """A page's title as MkDocs gives it: front matter `title`, else the first heading."""
    return title_of_text(read_page_text(path))


def title_of_text(text: str) -> str | None:
    """`page_title` of a page's text already read (with any line endings)."""
    meta, heading = parse_page(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _text(meta.get("title")) or heading


def _first_heading(markdown: str) -> str | None:
    fence = None
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
            continue
        if fence is None and stripped.startswith("# "):
            return stripped[2:].strip().rstrip("#").strip() or None
    return None


def find_categories(
    files: Iterable[File], docs_dir: Path, nav: Any = None, exclude: Iterable[str] = (),
    *, in_nav: Collection[str] | None = None, skip: Collection[str] = (), languages: Collection[str] = (),
    read: Callable[[Path], str] | None = None,
) -> list[HandbookCategory]:
    """The handbook categories, in nav order when there is a nav, else by folder name.

    `nav` is mkdocs.yml's `nav` or, in a build, the final navigation as `nav_tree` gives it (with
    its pages as `in_nav`). Folders in `skip` are no categories at all (Material's blog);
    `languages` are mkdocs-static-i18n's language folders, looked inside of. `read` gives an index
    page's text ('' when it cannot be read; `read_page_text` by default), so that a command
    which reads every page anyway reads each once.
    """
    folders = {folder: uris for folder, uris in category_folders(files, in_nav, languages).items()
               if folder not in skip}
    if nav:  # an explicit nav decides: a folder none of whose pages it lists is no category
        listed = nav_pages(nav)
        folders = {folder: uris for folder, uris in folders.items() if any(uri in listed for uri in uris)}
    nav = tree_without_language(nav, languages)
    titles = nav_titles(nav, folders)
    excluded = set(exclude)
    categories = []
    for folder, uris in folders.items():
        index_uri = next((uri for name in INDEX_NAMES for uri in uris
                          if without_language(uri, languages) == f"{folder}/{name}"), None)
        text = (read or read_page_text)(docs_dir / index_uri) if index_uri else ""
        meta, heading = parse_page(text)
        setting = read_channel_setting(meta, text)
        title = category_title(folder, titles.get(folder), meta, heading)
        categories.append(HandbookCategory(
            folder=folder,
            title=title,
            index_uri=index_uri,
            channel=setting.name,
            opted_out=setting.opted_out,
            excluded=folder in excluded,
            description=category_description(meta),
            setting=setting,
        ))
    order = _nav_order(nav)
    categories.sort(key=lambda c: (order.get(c.folder, len(order)), c.folder))
    return categories


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _nav_order(nav: Any) -> dict[str, int]:
    order: dict[str, int] = {}

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str) and "/" in item:
                order.setdefault(item.split("/", 1)[0], len(order))
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value)

    if nav:
        walk(nav)
    return order

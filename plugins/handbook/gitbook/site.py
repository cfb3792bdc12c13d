"""The files an import writes besides the pages: `mkdocs.yml` (with the nav from SUMMARY.md) and
redirect pages for `.gitbook.yaml`'s `redirects`. Pure: text out. (The starter `channel_map.yml`
comes from `handbook.sync`, as `handbook sync` writes it.)"""

from __future__ import annotations

import importlib
import posixpath
import re
from collections.abc import Callable

import yaml

from handbook.config import HandbookConfig
from handbook.gitbook.links import page_url
from handbook.gitbook.model import ImportNote
from handbook.gitbook.summary import Entry

GENERATED_PAGES = ("changelog", "channel_directory", "roles_page", "safety_page")  # options of the handbook plugin


class PythonName(str):
    """A `!!python/name:` value in mkdocs.yml (MkDocs' loader imports it), as Material's emoji
    extension is configured: https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"""

    def load(self) -> object:
        """The object it names, as MkDocs' loader gives it (for rendering as MkDocs does)."""
        module, _, name = self.rpartition(".")
        return getattr(importlib.import_module(module), name)


MARKDOWN_EXTENSIONS: list = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
    {"pymdownx.emoji": {  # GitBook renders `:tada:` shortcodes
        "emoji_index": PythonName("material.extensions.emoji.twemoji"),
        "emoji_generator": PythonName("material.extensions.emoji.to_svg"),
    }},
]


def build_nav(
    entries: list[Entry], page_of: Callable[[str], str | None], findings: list[ImportNote], summary: str,
    depth: int = 0,
) -> list:
    """MkDocs nav from SUMMARY entries; `page_of(old path)` is the page's path inside docs/ or None.

    A folder's index page inside a section gets a section of its own: Material's
    `navigation.indexes` would otherwise make it the index of the enclosing section.
    """
    nav: list = []
    for entry in entries:
        if entry.is_part:
            children = build_nav(entry.children, page_of, findings, summary, depth + 1)
            if children:
                nav.append({entry.title: children})
            continue
        if entry.external:
            item: str | list = entry.target or ""
        else:
            page = page_of(entry.target or "")
            if page is None:
                findings.append(
                    ImportNote(summary, entry.line, f"{entry.target} does not exist; left it out of the nav")
                )
                if entry.children:
                    nav.extend(build_nav(entry.children, page_of, findings, summary, depth + 1))
                continue
            item = [page] if depth and posixpath.basename(page) == "index.md" and not entry.children else page
        if entry.children:
            children = build_nav(entry.children, page_of, findings, summary, depth + 1)
            item = [item, *children] if not entry.external else [{entry.title: item}, *children]
        nav.append({entry.title or "Untitled": item})
    return nav


def nav_pages(nav: list) -> set[str]:
    pages: set[str] = set()
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                pages |= nav_pages(value)
            elif isinstance(value, str) and "://" not in value:
                pages.add(value)
    return pages


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(
    f"tag:yaml.org,2002:python/name:{value}", ""))


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)


def plugin_options(docs_pages: list[str]) -> dict[str, str]:
    """Options for the handbook plugin, so that the pages it generates (changelog, channel directory,
    roles) do not collide with imported pages of the same name."""
    schema = dict(HandbookConfig._schema)
    taken = {page.lower() for page in docs_pages}
    options = {}
    for option in GENERATED_PAGES:
        default = schema[option].default
        if default and default.lower() in taken:
            choice, number = f"handbook-{default}", 2
            while choice.lower() in taken:
                choice, number = f"handbook-{number}-{default}", number + 1
            options[option] = choice
    return options


def mkdocs_yml(
    site_name: str, nav: list | None, not_in_nav: list[str], description: str = "",
    handbook_options: dict[str, str] | None = None,
) -> str:
    config: dict = {"site_name": site_name}
    if description:
        config["site_description"] = description
    config["theme"] = {
        "name": "material",
        "features": ["navigation.sections", "navigation.indexes", "content.tabs.link"],
    }
    config["markdown_extensions"] = MARKDOWN_EXTENSIONS
    config["plugins"] = ["search", {"handbook": handbook_options} if handbook_options else "handbook"]
    config["validation"] = {
        "omitted_files": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
        "anchors": "warn",
    }
    if nav is not None:
        config["nav"] = nav
    if not_in_nav:
        config["not_in_nav"] = "".join(f"/{gitignore_literal(page)}\n" for page in sorted(not_in_nav))
    header = "# Made by `handbook import gitbook` from the GitBook space (SUMMARY.md → nav).\n"
    return header + _dump(config)


def gitignore_literal(path: str) -> str:
    """`not_in_nav` holds gitignore patterns: a file name with `[`, `*` or `?` is escaped to match itself."""
    escaped = re.sub(r"([\[\]*?\\])", r"\\\1", path)
    return escaped[:-1] + "\\ " if escaped.endswith(" ") else escaped


def redirect_page(source_docs_path: str, target_docs_path: str, title: str) -> str:
    """A page at the old address that sends browsers to the new one (no extra plugin needed)."""
    here = page_url(source_docs_path)
    there = page_url(target_docs_path)
    relative = posixpath.relpath(there or ".", here.rstrip("/") or ".")
    url = "./" if relative == "." else relative + "/"
    link = posixpath.relpath(target_docs_path, posixpath.dirname(source_docs_path) or ".")
    safe_title = title.replace('"', "'")
    return (
        "---\n"
        f'title: "Moved: {safe_title}"\n'
        "search:\n  exclude: true\n"
        "---\n\n"
        f'<div class="handbook-redirect">\n<meta http-equiv="refresh" content="0; url={url}">\n</div>\n\n'
        f"This page has moved to [{title}]({link}).\n"
    )

"""Where every file of the GitBook space goes: pages under `docs/`, `README.md` → `index.md`,
`.gitbook/assets/` → `docs/assets/` (names kept). Pure: paths in, moves out."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from handbook.gitbook.model import ImportNote
from handbook.gitbook.source import CONFIG_NAME, Source

DOCS = "docs"
MARKDOWN = (".md", ".markdown")


@dataclass
class Layout:
    """Paths are posix, relative to the folder that holds `.gitbook.yaml` (and will hold mkdocs.yml)."""

    root: str  # the GitBook root ("" for the base folder)
    files: frozenset[str]  # every tracked file of the base folder, before the import
    links_out: frozenset[str] = frozenset()  # tracked links out of the repository: never read, never moved
    moves: dict[str, str] = field(default_factory=dict)  # old → new, only files that move
    pages: list[str] = field(default_factory=list)  # old paths of the Markdown pages
    assets_dir: str = f"{DOCS}/assets"
    findings: list[ImportNote] = field(default_factory=list)

    def new_path(self, old: str) -> str:
        return self.moves.get(old, old)

    def in_root(self, path: str) -> str | None:
        """`path` relative to the GitBook root, or None when it lies outside."""
        if not self.root:
            return path
        prefix = self.root + "/"
        return path[len(prefix):] if path.startswith(prefix) else None

    def to_docs(self, old: str) -> str:
        """Move a file of the GitBook root (an image that pages use) into docs/, keeping its place."""
        rel = self.in_root(old)
        if rel is None:
            return old
        new = f"{DOCS}/{rel}"
        if new != old and new not in set(self.moves.values()):
            self.moves[old] = new
        return self.moves.get(old, old)


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN)


def plan_layout(files: set[str] | frozenset[str], source: Source, links_out: frozenset[str] = frozenset(),
                listed: list[str] | tuple[str, ...] = ()) -> Layout:
    """Where every file goes; `listed`: the files SUMMARY.md lists, in its order."""
    layout = Layout(root=source.root, files=frozenset(files), links_out=links_out)
    summary = _join(source.root, source.summary)
    readme = _join(source.root, source.readme)
    assets_prefixes = tuple(
        {_join(source.root, ".gitbook/assets") + "/", ".gitbook/assets/"}
    )
    taken: set[str] = set()
    wanted: dict[str, str] = {}
    assets: list[str] = []
    for old in sorted(files):
        if old.startswith(assets_prefixes):
            assets.append(old)
            continue
        rel = layout.in_root(old)
        if rel is None or old in (summary, CONFIG_NAME) or not is_markdown(old):
            continue
        if any(part.startswith(".") for part in rel.split("/")):
            continue  # .github/ and friends: not pages
        layout.pages.append(old)
        folder, name = posixpath.split(rel)
        if old == readme:
            folder, name = "", "index.md"
        elif name.lower() in ("readme.md", "readme.markdown"):
            name = "index.md"
        wanted[old] = _join(DOCS, _join(folder, name))
    # plain pages keep their place; READMEs become index.md unless a page already has that name
    def claim_order(item: tuple[str, str]) -> tuple[int, str]:
        # the home page first, then pages that keep their name, then READMEs becoming index.md
        if item[0] == readme:
            return (0, item[0])
        return (1 if posixpath.basename(item[0]) == posixpath.basename(item[1]) else 2, item[0])

    for old, new in sorted(wanted.items(), key=claim_order):
        target = new
        number = 1
        while target in taken:  # MkDocs drops a README.md that sits beside an index.md
            suffix = "" if number == 1 else f"-{number}"
            target = _join(posixpath.dirname(new), f"readme-page{suffix}.md")
            number += 1
        if target != new:
            layout.findings.append(
                ImportNote(old, 1, f"kept as {target}: {new} is taken by another page of the same folder")
            )
        taken.add(target)
        if target != old:
            layout.moves[old] = target
    _one_file_per_url(layout, taken, listed)
    # other files of page folders (a PDF beside its page) move with them; files of the root folder
    # and of folders without pages (LICENSE, tools/) stay; `Links` moves those a page links to
    page_folders = {posixpath.dirname(layout.in_root(page) or "") for page in layout.pages} - {""}
    for old in sorted(files):
        rel = layout.in_root(old)
        if rel is None or old in wanted or old.startswith(assets_prefixes) or is_markdown(old):
            continue
        parts = rel.split("/")
        if any(part.startswith(".") for part in parts):
            continue
        if {"/".join(parts[:i]) for i in range(1, len(parts))} & page_folders and _join(DOCS, rel) != old:
            layout.moves[old] = _join(DOCS, rel)
    pages_assets = f"{DOCS}/assets/"
    if any(new.startswith(pages_assets) for new in taken):
        layout.assets_dir = f"{DOCS}/gitbook-assets"
    for old in assets:
        prefix = next(p for p in assets_prefixes if old.startswith(p))
        layout.moves[old] = f"{layout.assets_dir}/{old[len(prefix):]}"
    return layout


def _one_file_per_url(layout: Layout, taken: set[str], listed: list[str] | tuple[str, ...]) -> None:
    """`habits.md` and `habits/README.md` both build to `habits/`, and MkDocs keeps one silently.
    The one SUMMARY.md lists (first) keeps the URL, else the folder's README; the other moves aside
    (`habits/readme-page.md`, `habits-page.md`) and is reported."""
    order = {old: index for index, old in reversed(list(enumerate(listed)))}
    by_url: dict[str, list[str]] = {}
    for old in layout.pages:
        by_url.setdefault(page_url(_in_docs(layout.new_path(old))), []).append(old)
    for url, olds in sorted(by_url.items()):
        if len(olds) < 2:
            continue
        keep = min(olds, key=lambda old: (order.get(old, len(order)), not _is_index(layout.new_path(old)), old))
        for old in sorted(set(olds) - {keep}):
            new = layout.new_path(old)
            folder = posixpath.dirname(new)
            stem = "readme-page" if _is_index(new) else f"{posixpath.splitext(posixpath.basename(new))[0]}-page"
            target, number = _join(folder, f"{stem}.md"), 2
            while target in taken or page_url(_in_docs(target)) in by_url:
                target, number = _join(folder, f"{stem}-{number}.md"), number + 1
            taken.discard(new)
            taken.add(target)
            layout.moves[old] = target
            why = "SUMMARY.md lists" if keep in order else "neither is in SUMMARY.md; kept"
            layout.findings.append(ImportNote(old, 1, f"kept as {target}: {keep} builds to the same page "
                                                   f"({url or '/'}), and {why} {keep} there"))


def _is_index(path: str) -> bool:
    return posixpath.basename(path) == "index.md"


def _in_docs(path: str) -> str:
    return path[len(DOCS) + 1:] if path.startswith(DOCS + "/") else path


def page_url(docs_path: str) -> str:
    """The URL of a page inside docs/ with MkDocs' default `use_directory_urls`."""
    stem = posixpath.splitext(docs_path)[0]
    folder, name = posixpath.split(stem)
    if name.lower() in ("index", "readme"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def _join(folder: str, name: str) -> str:
    return posixpath.normpath(posixpath.join(folder, name)) if folder else posixpath.normpath(name)

"""Plan an import (reads only: what `--dry-run` prints) and apply it as two git commits:
first the moves alone (pure renames, so `git log --follow` keeps every page's history),
then the conversion with `mkdocs.yml` and the starter `channel_map.yml`."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.channelmap.schema_gen import write_schema_beside
from handbook.checks import sync
from handbook.gitbook import site
from handbook.gitbook.anchors import fix_anchors
from handbook.gitbook.layout import DOCS, Layout, plan_layout
from handbook.gitbook.leftovers import BOOK_JSON, book_title, leftover_findings
from handbook.gitbook.links import Links
from handbook.gitbook.markup import Converter
from handbook.gitbook.model import LINK_OUT_FIX, ImportNote, GitBookError
from handbook.gitbook.source import CONFIG_NAME, AlreadyImported, Source, find_source, not_a_gitbook
from handbook.gitbook.summary import Entry, parse_summary
from handbook.gitbook.syntax import FRONT_MATTER, HEADING
from handbook.gitbook.worktree import WorkTree
from handbook.project import ProjectError, load_project
from handbook.files import write_atomic

MAP_NAME = "channel_map.yml"

RENAME_SUBJECT = "Import from GitBook: move pages into docs/ (renames only)"
CONVERT_SUBJECT = "Import from GitBook: convert Markdown, add mkdocs.yml and channel_map.yml"


@dataclass
class Plan:
    base: Path
    tree: WorkTree
    source: Source
    moves: dict[str, str]  # old → new, relative to base
    writes: dict[str, str] = field(default_factory=dict)  # path relative to base → new content
    created: set[str] = field(default_factory=set)  # the writes that are new files
    deletes: list[str] = field(default_factory=list)
    findings: list[ImportNote] = field(default_factory=list)
    not_in_nav: list[str] = field(default_factory=list)  # inside docs/
    redirects: dict[str, str] = field(default_factory=dict)  # page inside docs/ → target inside docs/
    changes: dict[str, Counter] = field(default_factory=dict)  # path relative to base → what changed
    pages: int = 0
    map_file: str | None = None  # the starter channel map, written once the pages are in place


@dataclass
class Result:
    plan: Plan
    commits: list[str]


def plan_import(path: Path) -> Plan:
    """What the import would do; reads files and git, changes nothing. Raises AlreadyImported."""
    base = path.resolve()
    if not base.is_dir():
        raise GitBookError(str(path), None, "is not a folder", "pass the folder of the GitBook repository")
    tree = WorkTree(base)
    tree.refuse_link_out(CONFIG_NAME)
    try:
        source = find_source(base)
    except AlreadyImported:
        if not tree.has_commit(CONVERT_SUBJECT):  # a MkDocs project, not an earlier import's result
            raise not_a_gitbook(base) from None
        raise
    if (base / "mkdocs.yml").exists():
        raise GitBookError(
            str(base / "mkdocs.yml"), None, "already exists next to a GitBook SUMMARY.md",
            "move it away (or delete it) and run the import again",
        )
    tree.refuse_link_out(_in_root(source, source.summary))
    files = tree.tracked_files()
    links_out = {path: target for path in sorted(files) if (target := tree.link_out(path)) is not None}
    files -= set(links_out)
    entries = _read_summary(base, source)
    layout = plan_layout(files, source, frozenset(links_out), _listed(entries or [], source.root))
    space = _Space(base, source, files, layout, entries)
    plan = Plan(base=base, tree=tree, source=source, moves=layout.moves, pages=len(layout.pages))
    plan.findings.extend(layout.findings)
    plan.findings.extend(
        ImportNote(path, 1, f"is a link to {target}, outside the repository; not imported: {LINK_OUT_FIX}")
        for path, target in links_out.items()
    )
    plan.findings.extend(leftover_findings(space.read_file, ["", source.root]))
    _convert_pages(plan, space)
    _fix_anchors(plan, layout, space.texts)
    _check_targets(layout, files | set(links_out))
    _plan_site(plan, space)
    plan.deletes = [p for p in (space.summary_path, CONFIG_NAME) if p in files]
    plan.findings.sort()
    return plan


class _Space:
    """The GitBook space as read: page texts, SUMMARY.md entries, titles; paths relative to base."""

    def __init__(self, base: Path, source: Source, files: set[str], layout: Layout,
                 entries: list[Entry] | None) -> None:
        self.base, self.source, self.files, self.layout = base, source, files, layout
        self.summary_path = _in_root(source, source.summary)
        self.readme_path = _in_root(source, source.readme)
        self.entries = entries
        self.texts = {old: _read(base, old) for old in layout.pages}
        self.summary_titles = _summary_titles(self.entries or [], source.root)
        self.docs_pages = [layout.new_path(old)[len(DOCS) + 1:] for old in layout.pages]

    def title_of(self, old: str) -> str:
        """A page's title: its own (front matter, first heading), else SUMMARY.md's, else its name."""
        title = page_title(self.texts[old]) if old in self.texts else ""
        stem = posixpath.splitext(posixpath.basename(old))[0]
        return title or self.summary_titles.get(old) or stem.replace("-", " ").title()

    def read(self, old: str) -> str | None:
        """The text of a Markdown file of the space (pages, and `.gitbook/includes/`)."""
        if old in self.texts:
            return self.texts[old]
        return _read(self.base, old) if old in self.files and old.lower().endswith(".md") else None

    def read_file(self, path: str) -> str | None:
        """The text of a tracked file of the space (never through a link out), or None."""
        return _read(self.base, path) if path in self.files else None

    def page_of(self, target: str) -> str | None:
        """The path inside docs/ of the page a SUMMARY.md entry names (relative to the root)."""
        old = posixpath.normpath(_in_root(self.source, target))
        if old not in self.texts and posixpath.splitext(old)[1] == "":
            old = next((c for c in (f"{old}.md", f"{old}/README.md") if c in self.texts), old)
        return self.layout.new_path(old)[len(DOCS) + 1:] if old in self.texts else None


def _read_summary(base: Path, source: Source) -> list[Entry] | None:
    """SUMMARY.md's entries, or None when the space has none."""
    path = _in_root(source, source.summary)
    if not (base / path).is_file():
        return None
    return parse_summary(_read(base, path), str(base / path), posixpath.dirname(source.summary))


def _listed(entries: list[Entry], root: str) -> list[str]:
    """The files SUMMARY.md lists, in its order (paths relative to base, as written: `habits.md`)."""
    listed: list[str] = []
    for entry in entries:
        if entry.target and not entry.external:
            listed.append(posixpath.normpath(posixpath.join(root, entry.target) if root else entry.target))
        listed += _listed(entry.children, root)
    return listed


def _in_root(source: Source, path: str) -> str:
    return posixpath.join(source.root, path) if source.root else path


def _convert_pages(plan: Plan, space: _Space) -> None:
    converter = Converter(Links(space.layout), space.title_of, space.read)
    for old in space.layout.pages:
        new = space.layout.new_path(old)
        converted = converter.convert(space.texts[old], old, new)
        plan.findings.extend(converted.findings)
        if converted.text != space.texts[old]:
            plan.writes[new] = converted.text
            plan.changes[new] = converted.changes


def _plan_site(plan: Plan, space: _Space) -> None:
    """mkdocs.yml with the nav, and redirect pages; the starter channel map comes once they are written."""
    nav = None
    if space.entries is not None:
        nav = site.build_nav(space.entries, space.page_of, plan.findings, space.summary_path)
        in_nav = site.nav_pages(nav)
        plan.not_in_nav = sorted(page for page in space.docs_pages if page not in in_nav)
    _plan_redirects(plan, space.layout, space.texts, space.docs_pages, space.title_of)
    home = space.texts.get(space.readme_path, "")
    # The book's name, not its first page's title (often "Introduction").
    name = next(filter(None, (book_title(space.read_file(_in_root(space.source, BOOK_JSON))),
                              book_title(space.read_file(BOOK_JSON)))), space.base.name)
    description = _front_matter(home).get("description", "")
    _create(plan, "mkdocs.yml", site.mkdocs_yml(
        name, nav, plan.not_in_nav, description if isinstance(description, str) else "",
        site.plugin_options(space.docs_pages + list(plan.redirects)),
    ))
    plan.map_file = None if (space.base / MAP_NAME).exists() else MAP_NAME


def _fix_anchors(plan: Plan, layout: Layout, texts: dict[str, str]) -> None:
    """Point `#anchor` links at the ids MkDocs gives the converted pages."""
    docs = {}
    for old in layout.pages:
        new = layout.new_path(old)
        docs[new[len(DOCS) + 1:]] = plan.writes.get(new, texts[old])
    changed, findings = fix_anchors(docs)
    for path, text in changed.items():
        new = f"{DOCS}/{path}"
        plan.writes[new] = text
        plan.changes.setdefault(new, Counter())["anchors"] += 1
    plan.findings.extend(findings)


def _write_starter_map(root: Path) -> list[str]:
    """The one place the starter channel map is made: exactly as `handbook sync` writes a first map
    (a topic channel per handbook category, found from the new mkdocs.yml and docs/), with its
    JSON Schema beside it. Returns the files written, relative to `root`."""
    try:
        project = load_project(root / "mkdocs.yml")
        result = sync.starter_map(
            project.config.site_name, project.categories(), project.options.topic_channels_category
        )
    except ProjectError as error:
        raise GitBookError(str(root / "mkdocs.yml"), None, f"cannot be read back ({error})",
                           "fix it and run `handbook sync` to write the channel map") from None
    path = project.map_path
    write_atomic(path, result.text)
    written = [path.relative_to(root).as_posix()]
    schema = write_schema_beside(path)
    if schema is not None:
        written.append(schema.relative_to(root).as_posix())
    return written


def _create(plan: Plan, path: str, text: str) -> None:
    plan.writes[path] = text
    plan.created.add(path)


def _plan_redirects(plan: Plan, layout: Layout, texts: dict, docs_pages: list[str], title_of) -> None:
    """Redirect pages for `.gitbook.yaml` redirects, left out of the nav."""
    taken = set(docs_pages)
    config = CONFIG_NAME
    for redirect in plan.source.redirects:
        source = redirect.source.strip().strip("/")
        source = re.sub(r"\.(md|html)$", "", source)
        if not source:
            plan.findings.append(
                ImportNote(config, redirect.line, "a redirect from the home page is not possible; skipped")
            )
            continue
        target_old = posixpath.normpath(
            posixpath.join(plan.source.root, redirect.target) if plan.source.root else redirect.target
        )
        if target_old not in texts:
            plan.findings.append(
                ImportNote(config, redirect.line, f"redirect target {redirect.target} does not exist; skipped")
            )
            continue
        page = f"{source}.md"
        urls = {site.page_url(p) for p in taken}
        if page in taken or site.page_url(page) in urls:
            plan.findings.append(
                ImportNote(config, redirect.line, f"redirect from {redirect.source}: a page already lives there; skipped")
            )
            continue
        target = layout.new_path(target_old)[len(DOCS) + 1:]
        _create(plan, f"{DOCS}/{page}", site.redirect_page(page, target, title_of(target_old)))
        plan.redirects[page] = target
        plan.not_in_nav.append(page)
        taken.add(page)
    plan.not_in_nav.sort()


def _check_targets(layout: Layout, files: set[str]) -> None:
    sources = set(layout.moves)
    for old, new in layout.moves.items():
        if new in files and new not in sources:
            raise GitBookError(
                new, None, f"would be overwritten by {old} (GitBook's files move into {DOCS}/)",
                "rename or move it first, commit, and run the import again",
            )


def _read(base: Path, path: str) -> str:
    try:
        return (base / path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise GitBookError(
            str(base / path), None, f"is not UTF-8 text ({error.reason})", "save it as UTF-8 and commit it"
        ) from None


def _front_matter(text: str) -> dict:
    match = FRONT_MATTER.match(text)
    if not match or not match.group(1):
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def page_title(text: str) -> str:
    """A page's title: front matter `title`, else its first `# ` heading."""
    meta = _front_matter(text)
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"].strip()
    match = FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    in_code = False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        heading = HEADING.match(line) if not in_code and line.startswith("# ") else None
        if heading:
            title = re.sub(r"\s*<a\s[^>]*>\s*</a>\s*", "", heading["title"])
            return re.sub(r"\\(.)", r"\1", title).strip()
    return ""


def _summary_titles(entries: list[Entry], root: str) -> dict[str, str]:
    titles: dict[str, str] = {}
    for entry in entries:
        if entry.target and not entry.external:
            path = posixpath.normpath(posixpath.join(root, entry.target) if root else entry.target)
            titles.setdefault(path, entry.title)
        titles.update({k: v for k, v in _summary_titles(entry.children, root).items() if k not in titles})
    return titles


# --- applying ------------------------------------------------------------------------------------
def apply_import(plan: Plan) -> Result:
    tree = plan.tree
    tree.check_ready()
    _refuse_writes_out(plan)
    commits = []
    if plan.moves:
        _move_all(plan)
        commits.append(tree.commit(RENAME_SUBJECT + "\n\n" + _rename_body(plan)))
    for path, text in plan.writes.items():
        target = plan.base / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    written = list(plan.writes)
    if plan.map_file:
        written += _write_starter_map(plan.base)
    tree.add(written)
    tree.remove(plan.deletes)
    commits.append(tree.commit(CONVERT_SUBJECT + "\n\n" + _convert_body(plan)))
    return Result(plan=plan, commits=commits)


def _refuse_writes_out(plan: Plan) -> None:
    """No new file is written through a link out of the repository (a dangling `mkdocs.yml` link)."""
    moved_to = set(plan.moves.values())
    for path in [*plan.writes, *([plan.map_file] if plan.map_file else [])]:
        if path not in moved_to:
            plan.tree.refuse_link_out(path)


def _move_all(plan: Plan) -> None:
    plan.tree.move(plan.moves)
    _remove_empty_folders(plan.base, {posixpath.dirname(old) for old in plan.moves})


def _remove_empty_folders(base: Path, folders: set[str]) -> None:
    """Folders that the moves emptied (git does not track folders, so nothing else would)."""
    for folder in sorted(folders, key=lambda f: f.count("/"), reverse=True):
        while folder:
            path = base / folder
            if not path.is_dir() or any(path.iterdir()):
                break
            path.rmdir()
            folder = posixpath.dirname(folder)


def _rename_body(plan: Plan) -> str:
    return (
        f"{len(plan.moves)} files moved, contents unchanged, so that `git log --follow` and the handbook's\n"
        "changelog keep following every page: pages into docs/, README.md files to index.md,\n"
        ".gitbook/assets/ to docs/assets/. The conversion is the next commit.\n"
        "\n"
        "Changelog: skip"  # moves are not news for readers: the conversion is the changelog's entry
    )


def _convert_body(plan: Plan) -> str:
    lines = [
        "GitBook's Markdown became Material for MkDocs Markdown (hints → admonitions, tabs → content",
        "tabs, page and content references → links, embeds, files, code titles), SUMMARY.md became the",
        "nav of the new mkdocs.yml, and channel_map.yml lists a topic channel per handbook category.",
    ]
    if plan.deletes:
        lines.append(f"Removed {', '.join(plan.deletes)}: mkdocs.yml holds their information now.")
    if plan.findings:
        lines += ["", "Not converted (file:line):"] + [f"- {finding}" for finding in plan.findings]
    return "\n".join(lines)


__all__ = ["AlreadyImported", "Plan", "Result", "apply_import", "plan_import"]

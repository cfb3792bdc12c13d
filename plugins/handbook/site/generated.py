"""Pages and files the plugin generates, added to MkDocs' `Files` like real ones.

Every generated page is backed by a real file in `.handbook-cache/` beside mkdocs.yml (MkDocs
1.6 allows a generated file with an `abs_src_path`), because other plugins read that path
(mkdocs-static-i18n, mkdocs-rss-plugin, mkdocs-autolinks-plugin) and crash on None. The file
starts with front matter `render_macros: false`, so mkdocs-macros-plugin never renders Jinja in
text that comes from the channel map or from commit messages.

One rule for every output path: a file of the user's at that path wins, and one warning names the
option to change.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from handbook.errors import HandbookError
from handbook.files import write_atomic

log = get_plugin_logger(__name__)

CACHE_DIR = ".handbook-cache"
FRONT_MATTER = "---\nrender_macros: false\n---\n"
"""mkdocs-macros-plugin skips pages whose front matter says so; MkDocs keeps it in `page.meta`."""

EARLY, LATE = 50, -110
"""`on_files` priorities: before mkdocs-redirects (0) reads the pages, after mkdocs-static-i18n (-100)."""

OTHER_PLUGINS_EXCLUDE = ("git-authors",)
"""Plugins with an `exclude` option that read git history of every page: our pages have none."""


_FALLBACKS: dict[Path, Path | None] = {}
"""The cache folder chosen for each mkdocs.yml folder that cannot hold one: chosen (and said) once."""

GITIGNORE = "# Written by the handbook plugin: generated pages, rebuilt on every build.\n*\n"


def cache_dir(config: MkDocsConfig) -> Path | None:
    """`.handbook-cache/` beside mkdocs.yml; where that cannot be written (a read-only checkout
    built with `-d` elsewhere), a folder of the user's cache, else a new temporary folder, said
    once; None when no folder can be written at all (the pages are then kept in memory)."""
    root = Path(config.config_file_path).parent
    if _prepare(root / CACHE_DIR):
        return root / CACHE_DIR
    if root not in _FALLBACKS:
        _FALLBACKS[root] = _fallback(root)
    return _FALLBACKS[root]


def _fallback(root: Path) -> Path | None:
    beside = root / CACHE_DIR
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]  # one folder per checkout
    folder = _user_cache() / "handbook" / key
    if not _prepare(folder):
        try:
            folder = Path(tempfile.mkdtemp(prefix="handbook-cache-"))
            atexit.register(shutil.rmtree, folder, True)  # a fresh one each run: nothing to keep
        except OSError:
            log.warning(f"{beside} cannot be written, nor a cache or temporary folder, so the generated pages "
                        "are kept in memory (plugins that read them from a file may fail). Fix: build where the "
                        "folder of mkdocs.yml can be written, or set XDG_CACHE_HOME to a writable folder")
            return None
        _prepare(folder)
    log.info(f"{beside} cannot be written, so the generated pages are kept in {folder}")
    return folder


def _user_cache() -> Path:
    """`$XDG_CACHE_HOME`, else `~/.cache` (the XDG base directory convention)."""
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder
        return Path(tempfile.gettempdir()) / ".cache"


def _prepare(folder: Path) -> bool:
    """Whether `folder` is (now) there and writable; it ignores itself in git, so nobody commits it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / ".gitignore").is_file():
            write_atomic(folder / ".gitignore", GITIGNORE)
    except (OSError, HandbookError):
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def adds_late(config: MkDocsConfig) -> bool:
    """mkdocs-static-i18n keeps only files inside docs_dir: ours are added after it has run."""
    return config.plugins.get("i18n") is not None


def language_prefix(config: MkDocsConfig) -> str:
    """`fr/` while mkdocs-static-i18n builds its French site, '' for the default language."""
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "is_default_language_build", True):
        return ""
    return f"{getattr(i18n, 'current_language', '')}/".lstrip("/")


def taken(files: Files, uri: str, option: str, what: str, where: str = "docs") -> bool:
    """True (after one warning naming `option`) when a file is already at `uri`."""
    if files.get_file_from_path(uri) is None:
        return False
    log.warning(f"{where}/{uri} exists, so the generated {what} is not written. "
                f"Fix: set `{option}:` of the handbook plugin to another path, or to '' to turn it off")
    return True


def add_page(files: Files, config: MkDocsConfig, uri: str, markdown: str, *, option: str, what: str,
             auto_nav: bool = True) -> File | None:
    """Add a generated Markdown page at `uri`, unless the docs already have one there (then None).

    With an explicit `nav` that does not list it, the page is built but kept out of the nav (and
    out of MkDocs' "not included in the nav" warning): the user chose the nav. `auto_nav` False:
    out of the nav MkDocs makes without `nav` too (a page that another page links to).
    """
    if taken(files, uri, option, what):
        return None
    text = FRONT_MATTER + markdown
    path = _cache_file(config, uri)
    if path is not None and (not path.is_file() or path.read_text(encoding="utf-8") != text):
        write_atomic(path, text)
    listed = (config.nav is None and auto_nav) or uri in nav_paths(config.nav)
    return _register(files, config, uri, path, text,
                     InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV)


MAKER = "handbook"
"""`File.generated_by` of every page this plugin adds (the name it is registered under)."""


def _register(files: Files, config: MkDocsConfig, uri: str, path: Path | None, text: str,
              inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> File:
    """The generated file at `uri`, backed by the cache file `path` (else `text` in memory), in
    this language's folder."""
    # What `File.generated` makes, with its maker set through the public `generated_by`: that
    # helper reads the plugin whose event MkDocs is running, and `handbook generate` runs our
    # events outside a build, where none is.
    file = File(uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls,
                inclusion=inclusion)
    if path is None:
        file.content_string = text
    else:
        file.abs_src_path = str(path)
    file.generated_by = MAKER
    prefix = language_prefix(config)
    if prefix:
        file.dest_uri = prefix + file.dest_uri
    files.append(file)
    return file


def _cache_file(config: MkDocsConfig, uri: str) -> Path | None:
    """The cache file for `uri`, None without a cache folder."""
    folder = cache_dir(config)
    if folder is None:
        return None
    path = folder / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def add_output(files: Files, config: MkDocsConfig, uri: str, *, option: str, what: str) -> File | None:
    """Register a file the plugin writes into the site itself (the feed), so that other plugins
    (mkdocs-htmlproofer-plugin) know it; None, after one warning, when the docs have one there."""
    if taken(files, uri, option, what):
        return None
    path = _cache_file(config, uri)  # an empty placeholder, copied now and filled in on_post_build
    if path is not None and (not path.is_file() or path.stat().st_size):
        write_atomic(path, "")
    return _register(files, config, uri, path, "")


def exclude_from_other_plugins(config: MkDocsConfig, uris: list[str]) -> None:
    """Tell plugins that blame every page in git (git-authors) to skip ours: nothing to blame."""
    for name in OTHER_PLUGINS_EXCLUDE:
        plugin = config.plugins.get(name)
        exclude = getattr(getattr(plugin, "config", None), "exclude", None)
        if isinstance(exclude, list):
            exclude.extend(uri for uri in uris if uri not in exclude)


def nav_paths(nav: object) -> set[str]:
    """Every page path named in a `nav` configuration (nested lists and dicts of strings)."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item.strip("/"))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found

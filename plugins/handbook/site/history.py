"""Page history, the changelog page and the feed in a MkDocs build: the glue behind plugin.py.

One `SiteHistory` lives as long as the plugin object (across `mkdocs serve` rebuilds, because the
plugin defines `on_startup`); `configure()` resets everything that belongs to one build. Git is
read in a background thread started in `on_config`, so it overlaps with Markdown conversion; the
result is first needed for the changelog page, which is generated and therefore read last.

Templates get the data through the page context (`handbook_history`), never through
`page.meta`: Material's nav template looks at every nav entry's meta on every page, and a key
set on all pages slows a large build down measurably.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook.checks.categories import title_from_path
from handbook.history import changelog as cl
from handbook.history.feed import render_feed
from handbook.history.git import HistoryReader, Snapshot
from handbook.history.log import shown_names
from handbook import i18n
from handbook.site import generated
from handbook.site.page_history import PageHistory, history_notice, page_history
from handbook.site.theme import TEMPLATES

log = get_plugin_logger(__name__)


BASE_THEME_PREFIX = "handbook-base-theme"  # `{% include "handbook-base-theme/..." %}`: the theme's own


@dataclass
class _Build:
    """Per-build state."""

    enabled: bool = False
    docs_dir: Path = Path()
    changelog_uri: str | None = None
    feed_path: str | None = None
    ignore: list = field(default_factory=list)
    exclude: list = field(default_factory=list)
    """`contributors_exclude`, compiled: authors never named (bots)."""
    limit: int = 100
    feed_limit: int = 50
    """The newest entries the feed carries; 0 for all."""
    snapshot: Snapshot | None = None
    entries: list[cl.Entry] | None = None
    files: Files | None = None
    feed_file: File | None = None
    words: i18n.Words = i18n.ENGLISH
    """The site's language, given with the files (mkdocs-static-i18n sets it after on_config)."""
    scope: str = ""
    """`fr` while mkdocs-static-i18n builds its French site: that feed's own entry ids."""
    redact: Callable[[str], str] | None = None
    """The privacy step (`handbook.site.privacy`) for every text from git: subjects, names."""
    redacted_names: dict[str, str] = field(default_factory=dict)
    feed_title: str | None = None
    """The feed link's title, escaped: the same on every page of the build."""

    @property
    def feed_uri(self) -> str | None:
        """Where the feed is in the site: `fr/feed.xml` in mkdocs-static-i18n's French build."""
        return self.feed_file.dest_uri if self.feed_file else self.feed_path


class SiteHistory:
    def __init__(self) -> None:
        self.reader = HistoryReader()
        self.build = _Build()

    # --- on_config -----------------------------------------------------------------------------
    def configure(self, options, config: MkDocsConfig, map_file: Path | None,
                  redact: Callable[[str], str] | None = None) -> None:
        self.build = b = _Build(redact=redact)
        if not options.history:
            return
        b.ignore = cl.compile_ignore(options.changelog_ignore)  # checked by the option already
        b.exclude = cl.compile_ignore(options.contributors_exclude)
        b.enabled = True
        b.docs_dir = Path(config.docs_dir)
        b.changelog_uri = options.changelog or None
        b.feed_path = options.feed or None
        b.limit = options.changelog_limit
        b.feed_limit = options.feed_limit
        self.reader.start(b.docs_dir, map_file)

    # --- on_env --------------------------------------------------------------------------------
    def add_loader(self, env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
        """Let our partials include the theme's own version of what they override."""
        # Always: with `history: false` our source-file partial still shows the theme's own.
        dirs = [d for d in config.theme.dirs if d != str(TEMPLATES) and d != config.theme.custom_dir]
        base = jinja2.PrefixLoader({BASE_THEME_PREFIX: jinja2.FileSystemLoader(dirs)})
        env.loader = jinja2.ChoiceLoader([env.loader, base]) if env.loader else base
        return env

    # --- on_files ------------------------------------------------------------------------------
    def add_changelog(self, files: Files, config: MkDocsConfig, words: i18n.Words = i18n.ENGLISH) -> Files:
        b = self.build
        b.files = files
        b.words = words
        b.feed_title = None  # mkdocs-static-i18n's next language: its own words
        b.scope = generated.language_prefix(config).rstrip("/")
        if not b.enabled or not b.changelog_uri:
            return files
        if generated.add_page(files, config, b.changelog_uri, f"# {b.words('changelog_title')}\n", option="changelog",
                              what="changelog page") is None:
            b.changelog_uri = None
        return files

    def add_feed(self, files: Files, config: MkDocsConfig) -> Files:
        b = self.build
        if b.enabled and b.feed_path:
            b.feed_file = generated.add_output(files, config, b.feed_path, option="feed", what="feed")
            if b.feed_file is None:
                b.feed_path = None
        return files

    # --- the history, once per build -----------------------------------------------------------
    def snapshot(self) -> Snapshot:
        b = self.build
        if b.snapshot is None:
            b.snapshot = self.reader.result()
            notice = history_notice(b.snapshot.history)
            if notice is not None:  # once: the snapshot is taken once per build
                log.log(*notice)
        return b.snapshot

    def entries(self) -> list[cl.Entry]:
        b = self.build
        if b.entries is None:
            snap = self.snapshot()
            b.entries = cl.build_entries(
                snap.history.commits,
                snap.map_versions,
                b.ignore,
                shallow=snap.history.shallow,
                skip=lambda path: path == b.changelog_uri,
                private=_changed_by(b.redact),
                words=b.words,
            )
            for entry in b.entries:
                entry.authors = shown_names(entry.authors, b.exclude)
            if b.redact is not None:  # the one redaction step for what git says
                for entry in b.entries:
                    entry.subject = b.redact(entry.subject)
                    entry.authors = tuple(dict.fromkeys(b.redact(a) for a in entry.authors))
                    entry.channels = [b.redact(c) for c in entry.channels]
        return b.entries

    def map_versions(self) -> dict[str, bytes]:
        """Every version of the channel map in git (blob id -> text); {} without history."""
        if not self.build.enabled:
            return {}
        return self.snapshot().map_versions

    # --- on_page_markdown ----------------------------------------------------------------------
    def is_changelog(self, page: Page) -> bool:
        """Whether `page` is the changelog this plugin generates."""
        b = self.build
        return b.enabled and page.file.src_uri == b.changelog_uri and page.file.generated_by is not None

    def changelog_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.is_changelog(page):
            return markdown
        b = self.build
        titles = self._titles(files)
        history = self.snapshot().history
        note = None
        if history.problem:
            note = b.words("changelog_no_git")
        elif history.shallow:
            note = b.words("changelog_shallow")
        feed_url = get_relative_url(b.feed_uri, page.url or ".") if b.feed_uri else None
        return cl.render_markdown(  # is_changelog: the page is at changelog_uri
            self.entries(),
            words=b.words,
            page_path=page.file.src_uri,
            pages=titles,
            limit=b.limit,
            feed_url=feed_url,
            note=note,
        )

    def _titles(self, files: Files) -> dict[str, str]:
        """Page titles as the changelog and feed name them (read before pages are redacted)."""
        titles = _titles(files)
        redact = self.build.redact
        return {path: redact(title) for path, title in titles.items()} if redact else titles

    # --- on_page_context -----------------------------------------------------------------------
    def page_context(self, context: dict, page: Page) -> dict:
        if self.build.enabled:
            context["handbook_history"] = self.page_history(page)
        return context

    def page_history(self, page: Page) -> PageHistory | None:
        file = page.file
        if file.generated_by is not None or not file.abs_src_path:
            return None
        return page_history(self.snapshot(), file.src_uri, file.abs_src_path, self.build.words,
                            self._redact_name if self.build.redact else None, exclude=self.build.exclude)

    def _redact_name(self, name: str) -> str:
        """The privacy step for a contributor's name, once per name and build (names repeat on every page)."""
        names, redact = self.build.redacted_names, self.build.redact
        if name not in names:
            names[name] = redact(name) if redact else name
        return names[name]

    # --- on_post_page --------------------------------------------------------------------------
    def head_link(self, output: str, page: Page, config: MkDocsConfig) -> str:
        link = self.feed_link(page.url, config)
        return add_to_head(output, link) if link else output

    def feed_link(self, page_url: str, config: MkDocsConfig) -> str | None:
        """The `<link>` to this language's feed for the page at `page_url`; None when the feed is off."""
        b = self.build
        if not b.enabled or not b.feed_uri:
            return None
        href = get_relative_url(b.feed_uri, page_url or ".")
        if b.feed_title is None:  # once per build, not once per page
            b.feed_title = html.escape(b.words("feed_title", site=config.site_name))
        return f'<link rel="alternate" type="application/atom+xml" title="{b.feed_title}" href="{href}">'

    # --- on_post_build -------------------------------------------------------------------------
    def write_feed(self, config: MkDocsConfig) -> None:
        document = self.feed_document(config)
        if document is not None:
            b = self.build
            target = Path(b.feed_file.abs_dest_path) if b.feed_file else Path(config.site_dir) / document[0]
            # Our empty placeholder, or an earlier feed, is replaced; a page or the sitemap that this
            # build wrote at the feed's path is not.
            if target.is_file() and target.stat().st_size and not _is_feed(target):
                log.warning(
                    f"The feed is not written: {document[0]} is already a file of the site. "
                    "Set `feed:` under the handbook plugin to another path (feed.xml), or to '' to turn it off."
                )
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(document[1])

    def feed_document(self, config: MkDocsConfig) -> tuple[str, bytes] | None:
        """(site-relative path, Atom document) of the feed, or None when it is off."""
        b = self.build
        if not b.enabled or not b.feed_uri:
            return None
        site_url = config.site_url or ""
        base = site_url if site_url.endswith("/") or not site_url else site_url + "/"
        page_urls = {f.src_uri: f.url for f in (b.files.documentation_pages() if b.files else [])}

        def absolute(url: str) -> str:
            return base + url if base else url

        changelog_url = absolute(page_urls[b.changelog_uri]) if b.changelog_uri in page_urls else None
        entries = self.entries()  # newest first
        data = render_feed(
            entries[:b.feed_limit] if b.feed_limit else entries,
            title=config.site_name,
            feed_url=absolute(b.feed_uri),
            changelog_url=changelog_url,
            page_url=lambda p: absolute(page_urls[p]) if p in page_urls else None,
            titles=self._titles(b.files) if b.files else None,
            site_url=base or None,
            built=datetime.now(timezone.utc),
            words=b.words,
            scope=b.scope,
        )
        return b.feed_uri, data


def add_to_head(output: str, link: str) -> str:
    """`output` with `link` at the end of its `<head>`, once (a second run adds nothing)."""
    head_end = output.find("</head>")
    if head_end == -1 or output.find(link, 0, head_end) != -1:  # no copy of the head to look in
        return output
    return output.replace("</head>", link + "</head>", 1)  # one copy of the page, not three


def _changed_by(redact: Callable[[str], str] | None) -> Callable[[str], bool]:
    """Whether redaction would hide a name: then it is private."""
    if redact is None:
        return lambda name: False
    return lambda name: redact(name) != name


def _titles(files: Files) -> dict[str, str]:
    """docs path -> title of every page (a title made from the file name if not read yet). A
    front matter `title: 010` or `title: [x]` is not text in YAML: it is named as MkDocs shows it."""
    titles = {}
    for f in files.documentation_pages():
        title = f.page.title if f.page is not None and f.page.markdown is not None else None
        if title is not None and not isinstance(title, str):
            title = str(title)
        titles[f.src_uri] = title or title_from_path(f.src_uri)
    return titles


def _is_feed(path: Path) -> bool:
    """Whether `path` is an Atom feed (ours, from an earlier build into the same site_dir)."""
    try:
        with path.open("rb") as f:
            return b"<feed xmlns=\"http://www.w3.org/2005/Atom\"" in f.read(512)
    except OSError:
        return False

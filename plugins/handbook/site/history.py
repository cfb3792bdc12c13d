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
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook.checks.categories import title_from_path
from handbook.history import changelog as cl
from handbook.history.changelog_html import entries_html
from handbook.history.feed import render_feed
from handbook.history.git import HistoryReader, Snapshot
from handbook.history.log import shown_names
from handbook import i18n
from handbook.text.markdown_text import inert
from handbook.site import generate_output, generated
from handbook.site.links import ChannelLinks
from handbook.site.mentions import mentions_html
from handbook.site.page_history import PageHistory, history_notices, page_history
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
    recent_months: int = 12
    """`changelog_recent_months`: 0 puts every month on the changelog page."""
    archives: dict[str, int] = field(default_factory=dict)
    """docs path -> year of each older year's page this build generates."""
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
    entry_blocks: dict[str, list[str]] = field(default_factory=dict)
    """src_uri of a changelog page -> the HTML of its months' entries, put in by `changelog_content`."""
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
        self.markdown_entries = False
        """Write the changelog's entries as a Markdown list, not HTML: `handbook generate`'s pages,
        whose links Zensical makes URLs (it is raw HTML that MkDocs would leave as it is)."""

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
        b.recent_months = options.changelog_recent_months
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
        return self._add_archives(files, config)

    def _add_archives(self, files: Files, config: MkDocsConfig) -> Files:
        """A page for each older year. Which years there are is known only from the history, so
        this waits for git; kept out of the nav (the changelog page links them) unless `nav` lists them."""
        b = self.build
        changelog_uri = b.changelog_uri or ""
        stale = [f for f in files.documentation_pages() if cl.is_archive_uri(changelog_uri, f.src_uri)]
        generate_output.without_generate_output(files, [f.src_uri for f in stale])  # `handbook generate`'s own
        if not b.recent_months:
            return files
        for year, _ in self.pages()[1]:
            uri = cl.archive_uri(changelog_uri, year)
            file = generated.add_page(files, config, uri, f"# {b.words('changelog_year_title', year=year)}\n",
                                      option="changelog", what=f"changelog page of {year}", auto_nav=False)
            if file is not None:
                b.archives[uri] = year
        return files

    def archive_uris(self) -> list[str]:
        """The docs paths of the older years' pages of this build."""
        return list(self.build.archives)

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
            for notice in history_notices(b.snapshot.history):  # once: the snapshot is taken once per build
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
                docs_rel=snap.history.docs_rel,
            )
            for entry in b.entries:
                entry.authors = shown_names(entry.authors, b.exclude)
            if b.redact is not None:  # the one redaction step for what git says
                for entry in b.entries:
                    entry.subject = b.redact(entry.subject)
                    entry.authors = tuple(dict.fromkeys(b.redact(a) for a in entry.authors))
                    entry.channels = [b.redact(c) for c in entry.channels]
        return b.entries

    def pages(self) -> tuple[list[cl.Entry], list[tuple[int, list[cl.Entry]]]]:
        """(the changelog page's entries, [(year, its entries)] of the older years' pages)."""
        b = self.build
        return cl.split_recent(self.entries(), b.recent_months, b.limit)

    def map_versions(self) -> dict[str, bytes]:
        """Every version of the channel map in git (blob id -> text); {} without history."""
        if not self.build.enabled:
            return {}
        return self.snapshot().map_versions

    # --- on_page_markdown ----------------------------------------------------------------------
    def is_changelog(self, page: Page) -> bool:
        """Whether `page` is the changelog this plugin generates."""
        b = self.build
        return (b.enabled and page.file.generated_by is not None
                and (page.file.src_uri == b.changelog_uri or page.file.src_uri in b.archives))

    def changelog_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files,
                           links: ChannelLinks | None = None) -> str:
        """The changelog page or a year's page; `links` when channel mentions are on."""
        if not self.is_changelog(page):
            return markdown
        b = self.build
        titles = self._titles(files)
        block = None
        if not self.markdown_entries:
            blocks = b.entry_blocks[page.file.src_uri] = []
            block = _entries_block(page, files, titles, links, b.words, blocks)
        history = self.snapshot().history
        note = None
        if history.problem:
            note = b.words("changelog_no_git")
        elif history.shallow:
            note = b.words("changelog_shallow")
        feed_url = get_relative_url(b.feed_uri, page.url or ".") if b.feed_uri else None
        if not b.recent_months:
            return cl.render_markdown(self.entries(), words=b.words, page_path=page.file.src_uri, pages=titles,
                                      limit=b.limit, feed_url=feed_url, note=note, entries_block=block)
        recent, archives = self.pages()
        made = set(b.archives.values())  # a year whose path is taken by a page of the docs has none
        archives = [(year, entries) for year, entries in archives if year in made]
        year = b.archives.get(page.file.src_uri)
        if year is not None:
            return cl.render_archive(year, dict(archives)[year], changelog_path=b.changelog_uri or "",
                                     years=[y for y, _ in archives], pages=titles, words=b.words,
                                     entries_block=block)
        return cl.render_markdown(  # is_changelog: the page is at changelog_uri
            recent,
            words=b.words,
            page_path=page.file.src_uri,
            pages=titles,
            limit=None,
            feed_url=feed_url,
            note=note,
            archives=archives,
            month_id=heading_id(config),
            entries_block=block,
        )

    def changelog_content(self, content: str, page: Page) -> str:
        """The page's HTML with its months' entries where the Markdown had their markers."""
        blocks = self.build.entry_blocks.pop(page.file.src_uri, None)
        for number, block in enumerate(blocks or ()):
            content = content.replace(_entries_marker(number), block, 1)
        return content

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
        # An entry on an older year's page links there (the feed's limit is its own: it may reach back so far).
        year_urls = {year: absolute(page_urls[uri]) for uri, year in b.archives.items() if uri in page_urls}
        archived = {e.sha for _, older in self.pages()[1] for e in older} if year_urls else set()
        data = render_feed(
            entries[:b.feed_limit] if b.feed_limit else entries,
            title=config.site_name,
            feed_url=absolute(b.feed_uri),
            changelog_url=changelog_url,
            entry_url=lambda e: year_urls.get(e.date.year, changelog_url) if e.sha in archived else changelog_url,
            page_url=lambda p: absolute(page_urls[p]) if p in page_urls else None,
            titles=self._titles(b.files) if b.files else None,
            site_url=base or None,
            built=datetime.now(timezone.utc),
            words=b.words,
            scope=b.scope,
        )
        return b.feed_uri, data


def _entries_marker(number: int) -> str:
    return f"<!-- handbook-changelog-entries {number} -->"


def _entries_block(page: Page, files: Files, titles: dict[str, str], links: ChannelLinks | None,
                   words: i18n.Words, blocks: list[str]) -> cl.EntriesBlock:
    """The page's months of entries as HTML, with the URLs and mention links MkDocs would have made
    of the Markdown list (it rewrites no link in raw HTML). The Markdown gets a marker for each
    (an HTML comment: Python-Markdown passes it on as one token, where it would parse every tag of
    the block: a third of the page's cost), `blocks` the HTML that `changelog_content` puts there."""
    src_uri = page.file.src_uri

    def url(href: str) -> str | None:
        """A link of the page as MkDocs makes it: a relative `.md` path becomes that page's URL."""
        if "://" in href:
            return href
        path, _, fragment = href.partition("#")
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path))))
        if target is None:
            return None
        return target.url_relative_to(page.file) + (f"#{fragment}" if fragment else "")

    def page_url(docs_path: str) -> str | None:
        target = files.get_file_from_path(docs_path)
        return target.url_relative_to(page.file) if target is not None else None

    def text(plain: str) -> str:
        inert_text = inert(plain)
        return inert_text if links is None else mentions_html(inert_text, links, src_uri, url)

    def block(entries: Sequence[cl.Entry]) -> str:
        blocks.append(entries_html(entries, href=page_url, pages=titles, text=text, words=words))
        return _entries_marker(len(blocks) - 1)

    return block


def add_to_head(output: str, link: str) -> str:
    """`output` with `link` at the end of its `<head>`, once (a second run adds nothing)."""
    head_end = output.find("</head>")
    if head_end == -1 or output.find(link, 0, head_end) != -1:  # no copy of the head to look in
        return output
    return output.replace("</head>", link + "</head>", 1)  # one copy of the page, not three


def heading_id(config: MkDocsConfig) -> Callable[[str], str]:
    """The id Python-Markdown's `toc` gives a heading of this text, with the site's `slugify` and
    `separator` (`markdown_extensions: [toc: {slugify: ...}]`), else its defaults."""
    from markdown.extensions.toc import slugify

    toc = config.mdx_configs.get("toc") or {}
    slug = toc.get("slugify") or slugify
    separator = toc.get("separator") or "-"
    return lambda text: slug(text, separator)


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

"""MkDocs events only: each one hands plain data to the modules that do the work."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook import navigation, project
from handbook import i18n
from handbook.site import generated, links
from handbook.site import generate_output, pages
from handbook.checks.categories import without_language
from handbook.channelmap.model import ChannelMap
from handbook.config import HandbookConfig
from handbook.errors import HandbookError
from handbook.files import PagePaths
from handbook.history.changelog import archive_glob
from handbook.linkhealth import directory as community_directory
from handbook.linkhealth import report as link_report
from handbook.linkhealth.communities import load_communities
from handbook.linkhealth.status import load_status
from handbook.site.mentions import MentionsExtension, line_start_findings, line_start_mentions, mention_findings
from handbook.site import forum_links, page_privacy, page_secrets, privacy
from handbook.site.boxes import ThemeBoxes
from handbook.site.history import SiteHistory
from handbook.site.reviews import SiteReviews
from handbook.site import theme
from handbook.text import secrets

if TYPE_CHECKING:  # `mkdocs serve` alone needs it: the commands load this module without serving
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    channel_map: ChannelMap | None = None
    redactor: privacy.Redactor | None = None
    published_words: frozenset[str] = frozenset()
    languages: set[str] = set()
    words: i18n.Words = i18n.ENGLISH
    """The words of this build's language, set with the files (static-i18n sets it after on_config)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.root = Path(config.config_file_path).parent
        self.map_path = self.root / self.config.channel_map
        self.map_display = project.display_path(self.map_path, self.root)
        self.docs_dir = Path(config.docs_dir)
        self.docs_display = project.display_path(self.docs_dir, self.root)
        self.page_paths = PagePaths(self.docs_dir, self.root)
        try:
            self.channel_map = project.load_map(self.map_path, self.map_display)
        except HandbookError as err:  # a broken map, or one that is a folder or unreadable
            raise PluginError(f"Error reading the channel map:\n{err}") from None
        theme.add_templates_dir(config)
        theme.add_stylesheet(config)
        self.redactor = None
        self._load_link_health()
        self._setup_community_links(config)
        self._history().configure(self.config, config, self.map_path, redact=self._redact_private)
        self.reviews = SiteReviews(self.config, config, self.root, self.channel_map, redact=self._redact_private)
        changelog = ([self.config.changelog, archive_glob(self.config.changelog)]
                     if self.config.history and self.config.changelog else [])
        generated.exclude_from_other_plugins(config, [*self._generated_page_uris(), *changelog])
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that `mkdocs serve` keeps this object, and its history cache, across rebuilds."""
        self.site_history = SiteHistory()

    @event_priority(generated.LATE)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Categories from the final navigation: after every nav plugin (literate-nav, awesome-nav,
        awesome-pages, Material's blog) and mkdocs-static-i18n have built it."""
        self.languages = navigation.language_folders(config)
        self.categories = navigation.categories_of_nav(nav, files, config, self.config.exclude_categories)
        self.discuss_by_folder: dict[tuple[str | None, str | None], links.Discuss | None] = {}
        if not generated.language_prefix(config):  # once per build, not once per language
            self.reviews.check_categories([c.folder for c in self.categories], config)
            self._report(project.analyse(self.root, self.docs_dir, self.map_path, self.channel_map,
                                         self.categories, Path(config.config_file_path)))
        return nav

    def _add_generated(self, files: Files, config: MkDocsConfig) -> Files:
        files = generate_output.without_generate_output(files, (*self._generated_page_uris(), self.config.changelog))
        files = theme.replace_generated_stylesheet(files, config)
        self.words = i18n.Words.for_theme(config.theme.get("language"))
        if self.links is not None:
            self.links.words = self.words
        self.published_words = privacy.path_words(f.src_uri for f in files.documentation_pages())
        self._generate_pages(files, config)
        self._generate_directory(files, config)
        self._report_link_health(link_report.stale_line(self.link_status, self.status_display,
                                                        self.config.link_status_max_age),
                                 self.problem_links.community_findings(self.communities))
        files = self._read_reviews(files, config)
        files = self._history().add_feed(self._history().add_changelog(files, config, self.words), config)
        if self.mentions is not None:  # the older years' pages are the changelog's: commit messages too
            self.mentions.quiet = self.mentions.quiet | frozenset(self._history().archive_uris())
        return files

    def _read_reviews(self, files: Files, config: MkDocsConfig) -> Files:
        """Owners and review dates are read with the files, before the nav exists; the categories
        that `review_every_by_category` names are checked in `on_nav`."""
        try:
            return self.reviews.read_pages(files, config, words=self.words)
        except HandbookError as err:
            raise PluginError(f"Error reading owners and review dates:\n{err}") from None

    @event_priority(generated.EARLY)
    def _on_files_early(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Before other plugins read the files (mkdocs-redirects checks its targets in on_files)."""
        return files if generated.adds_late(config) else self._add_generated(files, config)

    @event_priority(generated.LATE)
    def _on_files_late(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """After mkdocs-static-i18n, which rebuilds `Files` from docs_dir and drops the rest."""
        return self._add_generated(files, config) if generated.adds_late(config) else files

    on_files = CombinedEvent(_on_files_early, _on_files_late)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        # Every page is converted and none is written or indexed yet: the one moment to check and
        # redact what authors wrote, with the full private vocabulary (old names come from git).
        self._protect_pages(files)
        self.reviews.add_icon(env)
        text = i18n.strings(self.words.language)
        env.globals["handbook_text"] = text
        env.globals["handbook_boxes"] = ThemeBoxes(env, config, text, self.words)
        return self._history().add_loader(env, config)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        markdown = self._history().changelog_markdown(markdown, page, config, files,
                                                      self.links if self.mentions is not None else None)
        if not page.file.generated_by:
            markdown = self._remove_secrets(markdown, page)
            if self.problem_links.in_text(markdown):  # the file's own text: its lines count the front matter
                self._report_link_health(None, self.problem_links.page_findings(links.file_source(page.file),
                                                                                self._display(page.file)))
            self._report_line_start_mentions(page, markdown)
        markdown = self.reviews.page_markdown(markdown, page, files)
        if self.mentions is not None:
            self.mentions.begin_page(page.file.src_uri, markdown)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.mentions is not None:
            problems = self.mentions.end_page()
            if problems:
                for finding in mention_findings(problems, links.file_source(page.file), self._display(page.file)):
                    log.warning(finding.as_log_line())
        html = self._history().changelog_content(html, page)
        html = self._remove_rendered_secrets(html, page)  # the changelog's entries too
        html = self.reviews.page_content(html, page)
        generated = self._generated_page_name(page)
        return theme.mark_generated(html, generated) if generated else html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        context["handbook_discuss"] = self._discuss(page)
        context = self.reviews.page_context(context, page)
        return self._history().page_context(context, page)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return self._history().head_link(output, page, config)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._history().write_feed(config)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer | None:
        server.watch(str(self.map_path))
        for path in (self.communities_path, self.status_path):
            if path.exists():
                server.watch(str(path))
        if self.reviews.setup is not None and self.reviews.setup.codeowners_path is not None:
            server.watch(str(self.reviews.setup.codeowners_path))
        return server

    # --- helpers ---------------------------------------------------------------------------

    def _generated_page_uris(self) -> list[str]:
        """Where the pages written from the map and the reviews go (the changelog apart: it
        exists only with history, and its mentions are rendered)."""
        return [uri for uri in (self.config.channel_directory, self.config.roles_page, self.config.safety_page,
                                self.config.community_directory, self.config.review_page) if uri]

    def _report_line_start_mentions(self, page: Page, markdown: str) -> None:
        """`#welcome is where...` at a line's start is a heading to Python-Markdown: said once per line.
        The page's file is read again (for its line numbers) only when its Markdown has one."""
        if self.links is None:
            return
        known = self.links

        def is_channel(name: str) -> bool:
            return known.lookup(name) is not None

        if not line_start_mentions(markdown, is_channel):
            return
        for finding in line_start_findings(links.file_source(page.file), self._display(page.file), is_channel):
            log.warning(finding.as_log_line())

    def _remove_secrets(self, markdown: str, page: Page) -> str:
        """A token or webhook URL in the page's file: a warning at each line, and left out."""
        if not page_secrets.page_holds_secrets(markdown, page.meta):
            return markdown
        for finding in page_secrets.findings(links.file_source(page.file), self._display(page.file)):
            log.warning(finding.as_log_line())
        return page_secrets.clean_page(markdown, page, self.words("token_removed"))

    def _remove_rendered_secrets(self, html: str, page: Page) -> str:
        """What the page's file did not hold (an included file, another plugin's text)."""
        found = secrets.secrets_in(html)
        if not found:
            return html
        log.warning(page_secrets.rendered_finding(self._display(page.file), map(secrets.secret_kind, found))
                    .as_log_line())
        return secrets.remove_secrets(html, self.words("token_removed"))

    def _redact_private(self, text: str) -> str:
        return self._redactor().redact(text)

    def _redactor(self) -> privacy.Redactor:
        """The build's one privacy step, made when first needed: the vocabulary takes every old
        version of the map, which the history read (in the background) brings."""
        if self.redactor is None:
            self.redactor = privacy.site_redactor(self.channel_map, self._history().map_versions().values(),
                                                  self.published_words,
                                                  public_invite=self.links.invite if self.links else None,
                                                  show_private_names=self.config.show_private_names,
                                                  words=self.words)
        return self.redactor

    def _protect_pages(self, files: Files) -> None:
        """Private names in front matter, link text, alt text and code spans: a warning each, and
        those names removed from the page's title, description, content and table of contents."""
        redactor = self._redactor()
        known = [c.name for c in self.channel_map.channels() if c.is_private] if self.mentions and self.channel_map else []
        renamed = {}  # File -> its heading ids that named a private name, old -> new
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.markdown is None or file.generated_by:
                continue
            written = [page.meta[k] for k in page_privacy.FRONT_MATTER_KEYS if isinstance(page.meta.get(k), str)]
            if not (redactor.private_names_in("\n".join(written))
                    or page_privacy.worth_a_look(page.markdown, redactor, known)):
                continue  # the common case: one regular expression search per page
            hits = page_privacy.find_private_names(links.file_source(file), redactor, mentions_known=known)
            if not hits:
                continue
            for finding in page_privacy.findings(hits, self._display(file), redactor):
                log.warning(finding.as_log_line())
            ids = page_privacy.redact_page(page, redactor.restricted(h.name for h in hits))
            if ids:
                renamed[file] = ids
        for file in files.documentation_pages():  # ids an author wrote: `{#mod-log-notes}`
            if file.page is None or file.generated_by:
                continue
            written, ids = page_privacy.written_ids(file.page, functools.partial(links.file_source, file), redactor)
            if ids:
                renamed[file] = {**renamed.get(file, {}), **ids}
            if written:  # the display path only for a warning: most pages have none
                for finding in page_privacy.findings(written, self._display(file), redactor):
                    log.warning(finding.as_log_line())
        if renamed:
            page_privacy.follow_renamed_ids([f.page for f in files.documentation_pages() if f.page], renamed)

    def _history(self) -> SiteHistory:
        if not hasattr(self, "site_history"):  # built without `on_startup` (e.g. a direct build())
            self.site_history = SiteHistory()
        return self.site_history

    def _report(self, analysis) -> None:
        for finding in analysis.validation:
            log.warning(finding.as_log_line())
        for finding in analysis.drift_findings:
            level = self.config.drift.log_level(finding.severity)
            if level is not None:
                log.log(level, finding.as_log_line())

    # --- community links: mentions, "discuss this page", channel directory, roles page --------

    def _setup_community_links(self, config: MkDocsConfig) -> None:
        self.links: links.ChannelLinks | None = None
        self.page_posts: forum_links.PagePosts | None = None
        self.mentions: MentionsExtension | None = None
        self.generated_files: dict[str, File] = {}
        if self.channel_map is None:
            return
        self.links = links.ChannelLinks(self.channel_map, directory=self.config.channel_directory or None,
                                        show_private_names=self.config.show_private_names)
        try:
            self.page_posts = forum_links.load_page_posts(self.channel_map.path)
        except HandbookError as err:
            raise PluginError(f"Error reading the forum posts:\n{err}") from None
        if self.config.mentions:
            # Generated pages write their own links. The changelog's text comes from commit
            # messages, which nobody can fix: its mentions are rendered (private ones hidden) but
            # never warned about.
            skip = frozenset(self._generated_page_uris())
            quiet = frozenset({self.config.changelog} if self.config.changelog else ())
            self.mentions = MentionsExtension(self.links, skip=skip, quiet=quiet)
            config.markdown_extensions.append(self.mentions)  # type: ignore[arg-type]  # MkDocs takes instances too

    def _generate_pages(self, files: Files, config: MkDocsConfig) -> None:
        if self.links is None:
            return
        for option, render in (("channel_directory", pages.channel_directory), ("roles_page", pages.roles_page),
                               ("safety_page", pages.safety_page)):
            uri = self.config[option]
            if not uri:
                continue
            file = generated.add_page(files, config, uri, render(self.links, self.words),
                                      option=option, what=option.replace("_", " "))
            if file is None:
                if option == "channel_directory":
                    self.links.directory = None
                continue
            self.generated_files[option] = file

    # --- link health: the communities directory and the last link check (never a request) ------

    def _load_link_health(self) -> None:
        self.communities_path = self.root / self.config.communities
        self.status_path = self.root / self.config.link_status
        self.status_display = project.display_path(self.status_path, self.root)
        try:
            self.communities = load_communities(self.communities_path,
                                                project.display_path(self.communities_path, self.root))
            self.link_status = load_status(self.status_path, self.status_display)
        except HandbookError as err:
            raise PluginError(f"Error reading the link health files:\n{err}") from None
        self.problem_links = link_report.ProblemLinks(self.link_status)

    def _generate_directory(self, files: Files, config: MkDocsConfig) -> None:
        uri = self.config.community_directory
        if self.communities is None or not uri:
            return
        content = community_directory.directory_page(self.communities, self.link_status, self.words)
        generated.add_page(files, config, uri, content, option="community_directory", what="community directory")

    def _report_link_health(self, stale: str | None, findings) -> None:
        if self.config.link_health.log_level() is None:
            return
        if stale:
            log.info(stale)
        for finding in findings:
            level = self.config.link_health.log_level(finding.severity)
            if level is not None:
                log.log(level, finding.as_log_line())

    def _generated_page_name(self, page: Page) -> str | None:
        """`channels`, `roles`, `safety`, `communities`, `reviews` or `changelog` for the pages this plugin writes, else None."""
        if page.file.generated_by is None:
            return None
        for name, file in self.generated_files.items():
            if file is page.file:
                return {"channel_directory": "channels", "roles_page": "roles", "safety_page": "safety"}[name]
        if self.config.community_directory and page.file.src_uri == self.config.community_directory:
            return "communities"
        if self.reviews.is_reviews_page(page):
            return "reviews"
        return "changelog" if self._history().is_changelog(page) else None

    def _discuss(self, page: Page) -> links.Discuss | None:
        if self.links is None or not self.config.discuss_links:
            return None
        src_uri = without_language(page.file.src_uri, self.languages)
        directory = self.generated_files.get("channel_directory")
        directory_url = get_relative_url(directory.url, page.url) if directory and self.links.directory else None
        post = self.page_posts.post_for(page.file.src_uri, dict(page.meta)) if self.page_posts else None
        if "channel" in page.meta or post is not None:  # a channel of its own, or its own forum post
            return self._discuss_link(self.links, page, src_uri, directory_url, post)
        # The common page: its category's channel, looked up once per folder (and link to the directory).
        key = (links.page_category(src_uri), directory_url)
        if key not in self.discuss_by_folder:
            self.discuss_by_folder[key] = self._discuss_link(self.links, page, src_uri, directory_url)
        return self.discuss_by_folder[key]

    def _discuss_link(self, known: links.ChannelLinks, page: Page, src_uri: str,
                      directory_url: str | None, post: str | None = None) -> links.Discuss | None:
        channel, unknown = known.discuss_channel(src_uri, dict(page.meta), self.categories)
        if unknown is not None:
            log.warning(links.front_matter_finding(known, unknown, page.file, self._display(page.file))
                        .as_log_line())
        if channel is None:
            return None
        if channel.is_private and page.meta.get("channel"):
            log.warning(links.private_discuss_finding(channel, page.file, self._display(page.file)).as_log_line())
        return known.discuss(channel, directory_url, post)

    def _display(self, file: File) -> str:
        """The path people open in an editor: relative to mkdocs.yml when the file is on disk."""
        if file.abs_src_path and not file.generated_by:
            return self.page_paths.display(file.abs_src_path)
        return file.src_uri

"""MkDocs events only: each one hands plain data to the modules that do the work."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook import links as links_mod
from handbook import pages
from handbook.config import HandbookConfig
from handbook.mentions import MentionsExtension, mention_findings

log = get_plugin_logger(__name__)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.config_dir = Path(config.config_file_path).parent
        self.map_path = self.config_dir / self.config.channel_map
        self._setup_community_links(config)
        return config

    # --- community links: mentions, "discuss this page", channel directory, roles page --------

    def _setup_community_links(self, config: MkDocsConfig) -> None:
        self.links: links_mod.ChannelLinks | None = None
        self.mentions: MentionsExtension | None = None
        self.generated_files: dict[str, File] = {}
        channel_map = (self.channel_map if hasattr(self, "channel_map")
                       else links_mod.load_map_or_none(self.map_path))
        if channel_map is None:
            return
        self.links = links_mod.ChannelLinks(channel_map, directory=self.config.channel_directory or None,
                                            show_private_names=self.config.show_private_names)
        if self.config.mentions:
            skip = frozenset(uri for uri in (self.config.channel_directory, self.config.roles_page) if uri)
            self.mentions = MentionsExtension(self.links, skip=skip)
            config.markdown_extensions.append(self.mentions)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.links is None:
            return files
        inclusion = InclusionLevel.UNDEFINED if config.nav is None else InclusionLevel.NOT_IN_NAV
        for option, render in (("channel_directory", pages.channel_directory), ("roles_page", pages.roles_page)):
            uri = self.config[option]
            if not uri:
                continue
            if files.get_file_from_path(uri) is not None:
                log.warning(f"docs/{uri} exists, so the generated {option.replace('_', ' ')} is not written. "
                            f"Fix: set `{option}:` of the handbook plugin to another path, or to '' to turn it off")
                if option == "channel_directory":
                    self.links.directory = None
                continue
            self.generated_files[option] = File.generated(config, uri, content=render(self.links),
                                                          inclusion=inclusion)
            files.append(self.generated_files[option])
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        # Our partials come right after the user's custom_dir, so theirs still win.
        if isinstance(env.loader, FileSystemLoader):
            search = list(env.loader.searchpath)
            custom = config.theme.custom_dir
            at = search.index(custom) + 1 if custom in search else 0
            search.insert(at, str(links_mod.TEMPLATES))
            env.loader.searchpath = search
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.mentions is not None:
            self.mentions.begin_page(page.file.src_uri)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.mentions is not None:
            problems = self.mentions.end_page()
            if problems:
                for finding in mention_findings(problems, links_mod.file_source(page.file),
                                                self._display_path(page.file)):
                    log.warning(finding.as_log_line())
        return html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        context["handbook_discuss"] = None
        if self.links is None or not self.config.discuss_links:
            return context
        channel, unknown = self.links.discuss_channel(page.file.src_uri, page.meta)
        if unknown is not None:
            log.warning(links_mod.front_matter_finding(self.links, unknown, page.file,
                                                       self._display_path(page.file)).as_log_line())
        if channel is None:
            return context
        if channel.is_private and page.meta.get("channel"):
            log.warning(links_mod.private_discuss_finding(channel, page.file, self._display_path(page.file))
                        .as_log_line())
        directory = self.generated_files.get("channel_directory")
        directory_url = get_relative_url(directory.url, page.url) if directory and self.links.directory else None
        context["handbook_discuss"] = self.links.discuss(channel, directory_url)
        return context

    def on_serve(self, server, config: MkDocsConfig, builder):
        if self.map_path.exists():
            server.watch(str(self.map_path))
        return server

    def _display_path(self, file: File) -> str:
        """The path people open in an editor: relative to mkdocs.yml when the file is on disk."""
        if file.abs_src_path and not file.generated_by:
            return os.path.relpath(file.abs_src_path, self.config_dir).replace(os.sep, "/")
        return file.src_uri

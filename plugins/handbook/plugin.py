"""MkDocs events only: each one hands plain data to the modules that do the work."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger

from handbook.config import HandbookConfig
from handbook.site_history import SiteHistory

log = get_plugin_logger(__name__)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.config_dir = Path(config.config_file_path).parent
        self.map_path = self.config_dir / self.config.channel_map
        self._history().configure(self.config, config, self.map_path)
        return config

    # --- page history, changelog and feed (handbook.site_history) --------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that `mkdocs serve` keeps this object, and its history cache, across rebuilds."""
        self.site_history = SiteHistory()

    def on_env(self, env, /, *, config: MkDocsConfig, files):
        return self._history().add_loader(env, config)

    def on_files(self, files, /, *, config: MkDocsConfig):
        return self._history().add_changelog(files, config)

    def on_page_markdown(self, markdown: str, /, *, page, config: MkDocsConfig, files) -> str:
        return self._history().changelog_markdown(markdown, page, config, files)

    def on_page_context(self, context, /, *, page, config: MkDocsConfig, nav):
        return self._history().page_context(context, page)

    def on_post_page(self, output: str, /, *, page, config: MkDocsConfig) -> str:
        return self._history().head_link(output, page, config)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._history().write_feed(config)

    def _history(self) -> SiteHistory:
        if not hasattr(self, "site_history"):  # built without `on_startup` (e.g. a direct build())
            self.site_history = SiteHistory()
        return self.site_history

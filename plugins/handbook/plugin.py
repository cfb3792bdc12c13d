"""MkDocs events only: each one hands plain data to the modules that do the work."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files

from handbook import project
from handbook.categories import find_categories
from handbook.channel_map import ChannelMap, ChannelMapError
from handbook.config import HandbookConfig

log = get_plugin_logger(__name__)

DRIFT_LEVELS = {"warn": logging.WARNING, "info": logging.INFO}


class HandbookPlugin(BasePlugin[HandbookConfig]):
    channel_map: ChannelMap | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.root = Path(config.config_file_path).parent
        self.map_path = self.root / self.config.channel_map
        self.map_display = project.display_path(self.map_path, self.root)
        self.docs_dir = Path(config.docs_dir)
        self.docs_display = project.display_path(self.docs_dir, self.root)
        try:
            self.channel_map = project.load_map(self.map_path)
        except ChannelMapError as err:
            raise PluginError(f"Error reading the channel map:\n{err}") from None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        self.categories = find_categories(files, self.docs_dir, config.nav, self.config.exclude_categories)
        self._report_findings()
        return files

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer | None:
        server.watch(str(self.map_path))
        return server

    # --- helpers ---------------------------------------------------------------------------

    def _report_findings(self) -> None:
        renames = {}
        if self.channel_map is not None:
            renames = project.detect_renames(self.root, self.docs_dir, self.categories, self.channel_map)
        _, validation, drift = project.run_checks(self.categories, self.channel_map, renames,
                                                  self.map_display, self.docs_display)
        for finding in validation:
            log.warning(finding.as_log_line())
        level = DRIFT_LEVELS.get(self.config.drift)
        if level is not None:
            for finding in drift:
                log.log(level, finding.as_log_line())

"""MkDocs events only: each one hands plain data to the modules that do the work."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger

from handbook.config import HandbookConfig

log = get_plugin_logger(__name__)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.config_dir = Path(config.config_file_path).parent
        self.map_path = self.config_dir / self.config.channel_map
        return config

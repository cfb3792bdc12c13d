"""Tokens and webhook URLs in a page, under Zensical (which runs no MkDocs plugin): the page's
Markdown is cleaned before it is rendered and its HTML looked at again, with the same findings
and marker as the plugin (`handbook.site.page_secrets`). Front matter is Zensical's to read; the
findings name its lines too, so the author knows to remove them."""

from __future__ import annotations

import logging
from pathlib import Path

from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from handbook.files import display_path
from handbook.site import page_secrets
from handbook.text.secrets import remove_secrets, secret_kind, secrets_in

log = logging.getLogger("mkdocs.plugins.handbook")


class _CleanMarkdown(Preprocessor):
    def __init__(self, md: Markdown, path: Path, shown: str, marker: str) -> None:
        super().__init__(md)
        self.path, self.shown, self.marker = path, shown, marker

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if not secrets_in(text):
            return lines
        try:
            source = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            source = text  # the lines as Zensical gave them: numbered from the body
        for finding in page_secrets.findings(source, self.shown):
            log.warning(finding.as_log_line())
        return remove_secrets(text, self.marker).split("\n")


class _CleanHtml(Postprocessor):
    def __init__(self, md: Markdown, shown: str, marker: str) -> None:
        super().__init__(md)
        self.shown, self.marker = shown, marker

    def run(self, text: str) -> str:
        found = secrets_in(text)
        if not found:
            return text
        log.warning(page_secrets.rendered_finding(self.shown, map(secret_kind, found)).as_log_line())
        return remove_secrets(text, self.marker)


def register(md: Markdown, root: Path, path: Path, marker: str) -> None:
    """Clean the page at `path` (its Markdown first, its HTML last) for Zensical's build."""
    shown = display_path(path, root)
    md.preprocessors.register(_CleanMarkdown(md, path, shown, marker), "handbook_secrets", 1000)
    md.postprocessors.register(_CleanHtml(md, shown, marker), "handbook_secrets_html", -1000)

"""The handbook without the MkDocs plugin: for site generators that run no MkDocs plugins (Zensical).

Two pieces, so a site built by Zensical still shows what the plugin adds:

- `generate_pages` runs the plugin's own events on the project (no site build) and returns the
  Markdown of the pages it generates (channel directory, roles page, changelog) and the feed;
  `handbook generate` writes them into `docs_dir` as files marked with `GENERATED_KEY` in their
  front matter. When the plugin does run (MkDocs, ProperDocs), it drops files with that mark and
  generates its own, so one tree builds with either.
- `HandbookExtension` (`markdown_extensions: [handbook.site.standalone]`) links `#channel`
  mentions and adds the "Discuss this page" box at the end of each page, reading the page's path
  and front matter from the rendering context Zensical gives Python-Markdown.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

GENERATED_KEY = "handbook_generated"
"""Front matter key of the pages `handbook generate` writes; the plugin replaces such files."""
HEADER = (f"---\n{GENERATED_KEY}: true  # written by `handbook generate`; edits are overwritten\n"
          "render_macros: false\n---\n\n")

log = logging.getLogger("mkdocs.plugins.handbook")


def is_generate_output(path: str | None) -> bool:
    """Whether the file at `path` was written by `handbook generate` (its first lines say so)."""
    if not path:
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(len(HEADER) + 64)
    except OSError:
        return False
    return head.startswith("---") and f"\n{GENERATED_KEY}: true" in head


def without_generate_output(files, uris):
    """`files` less the pages at `uris` (the plugin's output paths) that `handbook generate`
    wrote: the plugin makes its own of them."""
    for uri in uris:
        file = files.get_file_from_path(uri) if uri else None
        if file is not None and is_generate_output(file.abs_src_path):
            files.remove(file)
    return files


# --- handbook generate ------------------------------------------------------------------------


@dataclass
class Generated:
    pages: dict[str, str]
    """docs-relative path -> Markdown (with the generated header)."""
    feed: tuple[str, bytes] | None
    """(site-relative path, Atom document), when the feed is on."""


def generate_pages(config_file: str | None) -> Generated:
    """The plugin's generated pages and feed for the project, through the plugin's own events."""
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from handbook.errors import HandbookError
    from handbook.plugin import HandbookPlugin
    from handbook.project import load_project

    project = load_project(config_file)
    config = project.config
    plugin = config.plugins.get("handbook")
    if not isinstance(plugin, HandbookPlugin):
        raise HandbookError("has no `handbook` plugin, so there is nothing to generate", file=str(project.config_file),
                            fix="add `- handbook` under `plugins:` (its options say which pages to generate)")
    plugin.on_startup(command="build", dirty=False)
    config = plugin.on_config(config) or config
    files = get_files(config)
    config.plugins._current_plugin = "handbook"  # what File.generated records as the page's maker
    try:
        files = plugin.on_files(files, config=config) or files
    finally:
        config.plugins._current_plugin = None
    pages: dict[str, str] = {}
    for file in files:
        if file.generated_by == "handbook" and file.is_documentation_page():
            page = Page(None, file, config)
            markdown = plugin.on_page_markdown(file.content_string, page=page, config=config, files=files)
            pages[file.src_uri] = HEADER + (markdown if markdown is not None else file.content_string)
    feed = plugin.site_history.feed_document(config)
    return Generated(pages, feed)


def write_pages(generated: Generated, out: Path) -> list[str]:
    """Write the pages under `out`, only those whose text changed; the paths written.

    A file that is there and was not written by `handbook generate` is never replaced."""
    from handbook.errors import HandbookError
    from handbook.files import write_atomic

    written = []
    for uri, text in sorted(generated.pages.items()):
        target = out / uri
        if target.exists():
            if not is_generate_output(str(target)):
                raise HandbookError(f"exists and was not written by `handbook generate`, so it is left as it is",
                                    file=str(target), fix="move it, or point the plugin's option for this page elsewhere")
            if target.read_text(encoding="utf-8") == text:
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
        written.append(uri)
    return written


def write_feed(generated: Generated, site_dir: Path) -> str | None:
    if generated.feed is None:
        return None
    path, data = generated.feed
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return path


# --- the Markdown extension -------------------------------------------------------------------

_LINKS_CACHE: dict[tuple, Any] = {}


def _channel_links(map_path: str, directory: str | None, show_private_names: bool):
    """The channel map as links, loaded once per file version (a build makes one Markdown per page)."""
    from handbook.channelmap.loader import load_channel_map
    from handbook.site.links import ChannelLinks

    path = Path(map_path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    key = (str(path.resolve()), stamp, directory, show_private_names)
    if key not in _LINKS_CACHE:
        _LINKS_CACHE.clear()
        _LINKS_CACHE[key] = ChannelLinks(load_channel_map(path), directory=directory,
                                         show_private_names=show_private_names)
    return _LINKS_CACHE[key]


def page_context(md: Markdown) -> tuple[str | None, dict]:
    """The page being rendered (docs-relative path, front matter), from Zensical's context."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if page is not None and hasattr(page, "path"):
            path = str(page.path).replace(os.sep, "/")
            return path, dict(getattr(page, "meta", {}) or {})
    return None, {}


class _DiscussBox(Postprocessor):
    def __init__(self, md: Markdown, html_box: str) -> None:
        super().__init__(md)
        self.html_box = html_box

    def run(self, text: str) -> str:
        return text + self.html_box


def discuss_html(discuss) -> str:
    """The "Discuss this page" box, as the plugin's partial shows it (without the theme's icon)."""
    on = " on Discord" if discuss.on_discord else ""
    parts = [f'<aside class="md-source-file handbook-discuss" data-handbook-discuss>'
             f'<span class="md-source-file__fact"><span>Discuss this page in '
             f'<a class="handbook-discuss__channel" href="{html.escape(discuss.url)}">#{html.escape(discuss.channel)}</a>'
             f'{on}.</span></span>']
    if discuss.invite:
        parts.append(f'<span class="md-source-file__fact"><span>Not a member yet? '
                     f'<a class="handbook-discuss__invite" href="{html.escape(discuss.invite)}">'
                     f'Join {html.escape(discuss.server or "the server")}</a>.</span></span>')
    return "\n" + "".join(parts) + "</aside>\n"


class HandbookExtension(Extension):
    """Mentions and "Discuss this page" where the MkDocs plugin does not run."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "channel_map": ["channel_map.yml", "The channel map, relative to where the build runs"],
            "channel_directory": ["channels.md", "The channel directory page ('' if there is none)"],
            "discuss_links": [True, "Add 'Discuss this page' at the end of every page of a category"],
            "show_private_names": [False, "Name private channels (never their ids)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        from handbook.site.mentions import MentionsExtension

        options = self.getConfigs()
        directory = options["channel_directory"] or None
        links = _channel_links(options["channel_map"], directory, bool(options["show_private_names"]))
        src_uri, meta = page_context(md)
        if links is None or src_uri is None:
            return
        if meta.get(GENERATED_KEY):
            return  # the generated pages write their own links
        mentions = MentionsExtension(links)
        mentions.begin_page(src_uri)
        mentions.extendMarkdown(md)
        if not options["discuss_links"]:
            return
        channel, _ = links.discuss_channel(src_uri, meta)
        if channel is None:
            return
        # A source-relative `.md` link, as in the page's own Markdown: the generator makes it a URL.
        directory_url = posixpath.relpath(directory, posixpath.dirname(src_uri) or ".") if directory else None
        discuss = links.discuss(channel, directory_url)
        if discuss is not None:
            md.postprocessors.register(_DiscussBox(md, discuss_html(discuss)), "handbook_discuss", 0)


def makeExtension(**kwargs: Any) -> HandbookExtension:  # noqa: N802 (Python-Markdown's name)
    return HandbookExtension(**kwargs)

"""`handbook generate`: the pages the plugin generates, as files, for generators that run no plugin.

The pages come from the plugin's own events run on the project without a site build, so they are
the same Markdown a MkDocs build generates (redaction included). Each file starts with the
`handbook_generated` front matter mark (`handbook.site.generate_output`), which tells the plugin to
replace it and tells `handbook generate` that it may overwrite it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.site import generated
from handbook.site.generate_output import CSS_HEADER, HEADER, is_generate_output

if TYPE_CHECKING:
    from handbook.project import Project

log = logging.getLogger("mkdocs.plugins.handbook")


@dataclass
class Generated:
    pages: dict[str, str]
    """docs-relative path -> Markdown (with the generated header), and the stylesheet."""
    feed: tuple[str, bytes] | None
    """(site-relative path, Atom document), when the feed is on."""
    stylesheet_linked: bool = True
    """Whether `extra_css` in mkdocs.yml names the stylesheet (Zensical links only what it lists)."""
    feed_links: dict[str, str] = field(default_factory=dict)
    """Site-relative HTML file of each page -> the `<link>` to the feed for its `<head>`."""
    changelog: str = ""
    """The changelog page's path ('' when off): its years' pages that are not in `pages` are stale."""


def generate_pages(project: Project) -> Generated:
    """The plugin's generated pages and feed for the project, through the plugin's own events."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page
    from mkdocs.utils.meta import get_data

    from handbook.errors import HandbookError
    from handbook.plugin import HandbookPlugin
    from handbook.project import load_map
    from handbook.site import theme

    config = project.config
    plugin = config.plugins.get("handbook")
    if not isinstance(plugin, HandbookPlugin):
        raise HandbookError("has no `handbook` plugin, so there is nothing to generate", file=str(project.config_file),
                            fix="add `- handbook` under `plugins:` (its options say which pages to generate)")
    load_map(project.map_path, project.show(project.map_path))  # a broken map: its file and line, as `check` says
    linked = theme.STYLESHEET in [str(css) for css in config.extra_css]  # before the plugin adds it
    plugin.on_startup(command="build", dirty=False)
    plugin.site_history.markdown_entries = True  # Zensical makes the pages' links URLs
    config = plugin.on_config(config) or config
    files = get_files(config)
    try:
        for on_files in plugin.on_files.methods:  # the plugin's on_files runs at more than one priority
            files = on_files(files, config=config) or files
    except PluginError as err:
        # The plugin tells MkDocs a HandbookError as a PluginError; the command line shows the
        # HandbookError itself (file, line, fix) at its one boundary.
        cause = err.__context__
        raise (cause if isinstance(cause, HandbookError) else HandbookError(str(err))) from None
    pages: dict[str, str] = {}
    for file in files:
        if file.generated_by == generated.MAKER and file.is_documentation_page():
            page = Page(None, file, config)
            source, _ = get_data(file.content_string)  # its front matter is for MkDocs plugins; HEADER is ours
            markdown = plugin.on_page_markdown(source, page=page, config=config, files=files)
            pages[file.src_uri] = HEADER + (markdown if markdown is not None else source)
    own_stylesheet = Path(config.docs_dir) / theme.STYLESHEET
    if own_stylesheet.exists() and not is_generate_output(str(own_stylesheet)):
        # The site's own version: MkDocs uses it in place of the plugin's, and so does Zensical.
        log.warning(f"{project.show(own_stylesheet)} exists and was not written by `handbook generate`, so "
                    "the handbook's stylesheet is not written: yours is used in its place.")
    else:
        pages[theme.STYLESHEET] = CSS_HEADER + theme.stylesheet_text()
    feed = plugin.site_history.feed_document(config)
    links = {}
    for file in files.documentation_pages():
        link = plugin.site_history.feed_link(file.url, config)
        if link is not None:
            links[file.dest_uri] = link
    changelog = plugin.config.changelog if plugin.config.history else ""
    return Generated(pages, feed, linked, links, changelog)


def stale_pages(generated: Generated, out: Path) -> list[str]:
    """Years' pages of the changelog that an earlier `handbook generate` wrote under `out` and this
    one does not (the history or `changelog_recent_months` changed): left, Zensical would build them."""
    from handbook.history.changelog import archive_glob, is_archive_uri

    if not generated.changelog:
        return []
    return sorted(uri for uri in (p.relative_to(out).as_posix() for p in out.glob(archive_glob(generated.changelog)))
                  if uri not in generated.pages and is_archive_uri(generated.changelog, uri)
                  and is_generate_output(str(out / uri)))


def pending_pages(generated: Generated, out: Path) -> list[str]:
    """The pages whose file under `out` is missing, not written by `handbook generate`, or different."""
    return [uri for uri, text in sorted(generated.pages.items())
            if not (out / uri).exists() or not is_generate_output(str(out / uri))
            or (out / uri).read_text(encoding="utf-8") != text]


def write_pages(generated: Generated, out: Path) -> list[str]:
    """Write the pages under `out`, only those whose text changed; the paths written.

    A file that is there and was not written by `handbook generate` is never replaced."""
    from handbook.errors import HandbookError
    from handbook.files import write_atomic

    written = pending_pages(generated, out)
    for uri in written:
        target = out / uri
        _refuse_link_out(target, out)
        if target.exists() and not is_generate_output(str(target)):
            raise HandbookError("exists and was not written by `handbook generate`, so it is left as it is",
                                file=str(target), fix="move it, or point the plugin's option for this page elsewhere")
    for uri in written:
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, generated.pages[uri])
    return written


def remove_stale_pages(generated: Generated, out: Path) -> list[str]:
    """Remove the `stale_pages` (each marked as written by `handbook generate`); the paths removed."""
    removed = stale_pages(generated, out)
    for uri in removed:
        (out / uri).unlink()
    return removed


def write_feed(generated: Generated, site_dir: Path) -> str | None:
    """The feed into the built site, and its link into the `<head>` of every page the site has
    built (as the plugin adds it under MkDocs): the link and the feed arrive together."""
    if generated.feed is None:
        return None
    path, data = generated.feed
    target = site_dir / path
    _refuse_link_out(target, site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    link_feed(generated, site_dir)
    return path


def link_feed(generated: Generated, site_dir: Path) -> None:
    """The feed's `<link>` in each built page's `<head>`; pages that have it already are left alone."""
    from handbook.files import write_atomic
    from handbook.site.history import add_to_head

    for uri, link in generated.feed_links.items():
        page = site_dir / uri
        try:
            text = page.read_bytes().decode("utf-8")  # its line endings as they are
        except (OSError, UnicodeDecodeError):
            continue  # not built (a page Zensical left out), or not ours to read
        linked = add_to_head(text, link)
        if linked != text:
            write_atomic(page, linked)


def _refuse_link_out(target: Path, folder: Path) -> None:
    """A generated file is never written through a symbolic link (of the file or of a folder above it)
    that leads out of the folder it is generated into: that file is not the handbook's to replace."""
    from handbook.errors import HandbookError

    real = target.resolve()
    if not real.is_relative_to(folder.resolve()):
        raise HandbookError(f"is a link to {real}, outside {folder}, so nothing was written", file=str(target),
                            fix="remove the link (a generated file belongs in the folder itself)")

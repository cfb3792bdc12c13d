"""The handbook without the MkDocs plugin: for site generators that run no MkDocs plugins (Zensical).

Two pieces, so a site built by Zensical still shows what the plugin adds:

- `handbook generate` (`handbook.generate`) writes the plugin's generated pages into `docs_dir`
  as files marked with `GENERATED_KEY` in their front matter, and the plugin's stylesheet (marked
  in its first line, `CSS_HEADER`). When the plugin does run (MkDocs,
  ProperDocs), `without_generate_output` drops files with that mark and it generates its own, so
  one tree builds with either.
- `HandbookExtension` (`markdown_extensions: [handbook.site.standalone]`) links `#channel`
  mentions and adds the page's dates and contributors (`standalone_history`, one git read per
  build), its review line and overdue banner (`standalone_reviews`) and the "Discuss this page" box at the end of each page, reading the page's path and
  front matter from the rendering context Zensical gives Python-Markdown.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
from pathlib import Path
from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from handbook.i18n import ENGLISH, Words
from handbook.site.mentions import MentionsExtension
from handbook.site.standalone_setup import OVERRIDABLE, BuildSetup, build_setup

GENERATED_KEY = "handbook_generated"
"""Front matter key of the pages `handbook generate` writes; the plugin replaces such files."""
HEADER = (f"---\n{GENERATED_KEY}: true  # written by `handbook generate`; edits are overwritten\n"
          "render_macros: false\n---\n\n")

CSS_HEADER = f"/* {GENERATED_KEY}: true (written by `handbook generate`; edits are overwritten) */\n"
"""First line of the stylesheet `handbook generate` writes (CSS has no front matter)."""

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
    if head.startswith(CSS_HEADER.split(" (", 1)[0]):
        return True
    return head.startswith("---") and f"\n{GENERATED_KEY}: true" in head


def without_generate_output(files, uris):
    """`files` less the pages at `uris` (the plugin's output paths) that `handbook generate`
    wrote: the plugin makes its own of them."""
    for uri in uris:
        file = files.get_file_from_path(uri) if uri else None
        if file is not None and is_generate_output(file.abs_src_path):
            files.remove(file)
    return files


# --- the Markdown extension -------------------------------------------------------------------


def page_context(md: Markdown) -> tuple[str | None, dict]:
    """The page being rendered (docs-relative path, front matter), from Zensical's context."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if page is not None and hasattr(page, "path"):
            path = str(page.path).replace(os.sep, "/")
            return path, dict(getattr(page, "meta", {}) or {})
    return None, {}


def build_config(md: Markdown) -> dict | None:
    """Zensical's configuration of this build (`root_dir`, `docs_dir`), from its context."""
    for processor in md.preprocessors:
        config = getattr(processor, "config", None)
        if getattr(processor, "page", None) is not None and isinstance(config, dict):
            return config
    return None


def docs_folder(config: dict | None) -> Path:
    """The build's docs_dir (Zensical gives it relative to the folder of mkdocs.yml)."""
    if config is None:
        return Path("docs").resolve()
    return (Path(str(config.get("root_dir") or ".")) / str(config.get("docs_dir") or "docs")).resolve()


class _WholePage(Treeprocessor):
    """Opens the gate for our postprocessors: Python-Markdown's `toc` runs every postprocessor on
    each heading's text (for the table of contents and the heading's id), before this, the last
    treeprocessor, runs; what we add belongs to the page alone."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.open = False

    def run(self, root):
        self.open = True
        return None


class _PageEdit(Postprocessor):
    """An edit of the whole page's HTML (a box at its end, the banner under its title)."""

    def __init__(self, md: Markdown, gate: _WholePage, edit: Callable[[str], str]) -> None:
        super().__init__(md)
        self.gate, self.edit = gate, edit

    def run(self, text: str) -> str:
        return self.edit(text) if self.gate.open else text


def discuss_html(discuss, words: Words = ENGLISH) -> str:
    """The "Discuss this page" box, as the plugin's partial shows it (without the theme's icon)."""
    on = f" {html.escape(words('on_discord'))}" if discuss.on_discord else ""
    parts = [f'<aside class="md-source-file handbook-discuss" data-handbook-discuss>'
             f'<span class="md-source-file__fact"><span>{html.escape(words("discuss_in"))} '
             f'<a class="handbook-discuss__channel" href="{html.escape(discuss.url)}">#{html.escape(discuss.channel)}</a>'
             f'{on}.</span></span>']
    if discuss.invite:
        join = words("join", server=discuss.server) if discuss.server else words("join_the_server")
        parts.append(f'<span class="md-source-file__fact"><span>{html.escape(words("not_a_member"))} '
                     f'<a class="handbook-discuss__invite" href="{html.escape(discuss.invite)}">'
                     f'{html.escape(join)}</a>.</span></span>')
    return "\n" + "".join(parts) + "</aside>\n"


class HandbookExtension(Extension):
    """Mentions, page history, review line and "Discuss this page" where the MkDocs plugin does not
    run. Where it does (MkDocs, ProperDocs: no Zensical rendering context), the plugin does all of
    it and the extension stands aside, so a `mkdocs.yml` may list both."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {key: [None, "the handbook plugin's option of that name"] for key in OVERRIDABLE}
        self.config["language"] = [None, "the words and dates of the boxes (theme.language unless set)"]
        self.given: dict[str, Any] = {}
        super().__init__(**kwargs)

    def setConfig(self, key: str, value: Any) -> None:  # noqa: N802 (Python-Markdown's name)
        # Kept as written: the plugin's option types validate them (Python-Markdown would coerce
        # or refuse by the type of the default, with a traceback).
        self.given[key] = value

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        src_uri, meta = page_context(md)
        if src_uri is None:
            return  # MkDocs or ProperDocs: the plugin renders all of it
        setup = build_setup(build_config(md), self.given)
        if setup is None:
            return  # bad input under `zensical serve`, said once
        options, links = setup.options, setup.links
        generated = bool(meta.get(GENERATED_KEY))
        if generated and src_uri != options.changelog:
            return  # the generated pages write their own links
        gate = _WholePage(md)
        md.treeprocessors.register(gate, "handbook_whole_page", -1000)
        if not generated:
            self._add_page_boxes(md, gate, setup, src_uri, meta)
        if links is None or not options.mentions:
            return
        mentions = MentionsExtension(links)
        mentions.begin_page(src_uri)
        mentions.extendMarkdown(md)
        if generated or not options.discuss_links:
            return  # the changelog: its mentions only, as the plugin renders them
        channel, _ = links.discuss_channel(src_uri, meta, setup.categories)
        if channel is None:
            return
        directory = options.channel_directory or None
        # A source-relative `.md` link, as in the page's own Markdown: the generator makes it a URL.
        directory_url = posixpath.relpath(directory, posixpath.dirname(src_uri) or ".") if directory else None
        discuss = links.discuss(channel, directory_url)
        if discuss is not None:
            box = discuss_html(discuss, setup.words)
            md.postprocessors.register(_PageEdit(md, gate, lambda text: text + box), "handbook_discuss", 0)

    def _add_page_boxes(self, md: Markdown, gate: _WholePage, setup: BuildSetup, src_uri: str, meta: dict) -> None:
        """The page's dates and contributors, its review line and overdue banner, as the plugin
        shows them (the discuss box comes after, at priority 0)."""
        from handbook.reviews.page import add_banner
        from handbook.reviews.status import OVERDUE
        from handbook.site import history_box
        from handbook.site.page_history import page_history
        from handbook.site.standalone_history import build_history
        from handbook.site.standalone_reviews import page_review, review_setup

        config = build_config(md)
        words, docs_dir, history = setup.words, setup.docs_dir, bool(setup.options.history)
        build = build_history(config, setup, theme_dirs(config))
        reviews = review_setup(config, setup)
        review = page_review(reviews, src_uri, docs_dir / src_uri, str(meta.get("title") or src_uri)) if reviews else None
        line = ""
        if review is not None and review.last_reviewed is not None:
            owner = build.redact(review.owner_text) if review.owner_text else None
            line = history_box.review_line_html(review.last_reviewed.isoformat(), words.date(review.last_reviewed),
                                                owner, words, build.icons.get("reviewed", ""))
        if history:
            hb = page_history(build.snapshot, src_uri, str(docs_dir / src_uri), words, build.redact)
            box = history_box.history_html(hb, words, build.icons, extra=line)
        else:
            box = history_box.review_box_html(line) if line else ""
        if box:
            md.postprocessors.register(_PageEdit(md, gate, lambda text: text + box), "handbook_history", 1)
        if reviews is not None and reviews.banner and review is not None and review.status == OVERDUE:
            banner = _PageEdit(md, gate, lambda text: add_banner(text, review, clean=build.redact, words=words))
            md.postprocessors.register(banner, "handbook_review_banner", 2)


def theme_dirs(config: dict | None) -> list[str]:
    """The theme's template folders in Zensical's configuration (the `custom_dir` first)."""
    dirs = (config or {}).get("theme_dirs") or []
    return [str(d) for d in dirs] if isinstance(dirs, list) else []


def makeExtension(**kwargs: Any) -> HandbookExtension:  # noqa: N802 (Python-Markdown's name)
    return HandbookExtension(**kwargs)

"""The handbook without the MkDocs plugin: the Markdown extension Zensical runs (it runs no plugin).

`HandbookExtension` (`markdown_extensions: [handbook.site.standalone]`) links `#channel` mentions
and adds the page's dates and contributors (`standalone_history`, one git read per build), its
review line and overdue banner (`standalone_reviews`) and the "Discuss this page" box at the end
of each page, as the plugin's partials render them (`boxes`), reading the page's path and front
matter from the rendering context Zensical gives Python-Markdown and the plugin's options from
`mkdocs.yml` (`standalone_setup`, once per build). The pages the plugin generates come from
`handbook generate` (`handbook.cli.generate_pages`, `generate_output`).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from handbook.site.generate_output import GENERATED_KEY
from handbook.site import standalone_secrets
from handbook.site.mentions import MentionsExtension
from handbook.site.standalone_history import build_history
from handbook.site.standalone_setup import OVERRIDABLE, BuildSetup, build_setup

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
        from handbook.history.changelog import is_changelog_page

        if not generated:  # as the plugin does: no token reaches the published page
            standalone_secrets.register(md, setup.root, setup.docs_dir / src_uri, setup.words("token_removed"))
        if generated and not is_changelog_page(options.changelog, src_uri):
            return  # the generated pages write their own links
        gate = _WholePage(md)
        md.treeprocessors.register(gate, "handbook_whole_page", -1000)
        if not generated:
            self._add_page_boxes(md, gate, setup, src_uri, meta)
        if links is None:
            return
        if options.mentions:
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
        post = setup.page_posts.post_for(src_uri, meta) if setup.page_posts else None
        discuss = links.discuss(channel, directory_url, post)
        if discuss is not None:
            box = build_history(build_config(md), setup, theme_dirs(build_config(md))).boxes.discuss(discuss)
            md.postprocessors.register(_PageEdit(md, gate, lambda text: text + box), "handbook_discuss", 0)

    def _add_page_boxes(self, md: Markdown, gate: _WholePage, setup: BuildSetup, src_uri: str, meta: dict) -> None:
        """The page's dates and contributors, its review line and overdue banner, as the plugin
        shows them (the discuss box comes after, at priority 0)."""
        from handbook.history.changelog import compile_ignore
        from handbook.reviews.page import add_banner
        from handbook.reviews.status import OVERDUE
        from handbook.site.page_history import page_history
        from handbook.site.reviews import review_footer
        from handbook.site.standalone_reviews import page_review, review_setup

        config = build_config(md)
        words, docs_dir = setup.words, setup.docs_dir
        build = build_history(config, setup, theme_dirs(config))
        reviews = review_setup(config, setup)
        review = page_review(reviews, src_uri, docs_dir / src_uri, str(meta.get("title") or src_uri)) if reviews else None
        footer = review_footer(review, words, build.redact, build.boxes.review_icon)
        hb = page_history(build.snapshot, src_uri, str(docs_dir / src_uri), words, build.redact,
                          exclude=compile_ignore(setup.options.contributors_exclude)) \
            if setup.options.history else None
        box = build.boxes.history(hb, footer, meta)
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

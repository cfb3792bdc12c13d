"""The plugin's theme files: partials placed so that a user's `custom_dir` still wins over them,
and the stylesheet that keeps our boxes and generated pages accessible whatever the palette."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from handbook.site.generate_output import is_generate_output

TEMPLATES = Path(__file__).parent / "templates"

STYLESHEET = "assets/stylesheets/handbook.css"
"""In `templates/`, so MkDocs copies it with the theme's files; linked from every page. Zensical
sites get a copy at the same path in docs_dir from `handbook generate` and link it in `extra_css`."""

GENERATED_CLASS = "handbook-generated"
"""Wraps the content of the pages the plugin writes; the stylesheet underlines links in it."""


def add_templates_dir(config: MkDocsConfig) -> None:
    """Put our partials right after `custom_dir` (or first), once per build."""
    dirs = config.theme.dirs
    if str(TEMPLATES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))


def add_stylesheet(config: MkDocsConfig) -> None:
    """Link our stylesheet before the site's own `extra_css`, so the site's rules win over ours."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)


def replace_generated_stylesheet(files: Files, config: MkDocsConfig) -> Files:
    """The plugin's own stylesheet in place of the copy `handbook generate` wrote into docs_dir
    for Zensical (which MkDocs prefers to the theme's file at the same path): the site ships
    the current one, once."""
    file = files.get_file_from_path(STYLESHEET)
    if file is not None and file.abs_src_path != str(TEMPLATES / STYLESHEET) and is_generate_output(file.abs_src_path):
        files.remove(file)
        files.append(File(STYLESHEET, str(TEMPLATES), config.site_dir, config.use_directory_urls))
    return files


def stylesheet_text() -> str:
    """The stylesheet, for `handbook generate` to write into docs_dir."""
    return (TEMPLATES / STYLESHEET).read_text(encoding="utf-8")


def mark_generated(html: str, page: str) -> str:
    """A generated page's content in a wrapper our stylesheet knows (`page`: e.g. `changelog`)."""
    return f'<div class="{GENERATED_CLASS} {GENERATED_CLASS}--{page}">\n{html}\n</div>'


def theme_icon(env: jinja2.Environment, name: str) -> Markup:
    """The theme's icon `name` (`material/account`) as inline SVG; nothing when the theme has none."""
    try:
        return Markup(env.get_template(f".icons/{name}.svg").render())
    except jinja2.TemplateError:
        return Markup("")

"""The site's final navigation, and the handbook categories it holds.

A build finds the categories in `on_nav`, once every nav plugin (mkdocs-literate-nav,
mkdocs-awesome-nav, mkdocs-awesome-pages-plugin, mkdocs-static-i18n, Material's blog) has had its
say. `handbook check`, `sync` and `status` have no build, so `final_navigation` runs MkDocs' own
steps up to that point (as `mkdocs.commands.build.build` does them, less the theme's static files)
with every plugin but ours: no page is read or rendered and nothing is written to `site_dir`. Both then call
`categories_of_nav`, so the commands and the build always see the same categories and titles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import Files, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation

from handbook.checks.categories import INDEX_NAMES, HandbookCategory, find_categories, nav_pages, nav_tree, read_page
from handbook.config import HandbookConfig
from handbook.errors import HandbookError


class NavigationError(HandbookError):
    """Another plugin stopped before the navigation was built; the message names it."""


def categories_of_nav(nav: Navigation, files: Files, config: MkDocsConfig,
                      exclude: list[str], read: Callable[[Path], str] | None = None) -> list[HandbookCategory]:
    """The handbook categories of a final navigation: the one rule of the build and the commands
    (`read`: how an index page's text is read, see `find_categories`)."""
    languages = language_folders(config)
    tree = nav_tree(nav.items, automatic=config.nav is None, languages=languages)
    return find_categories(files, Path(config.docs_dir), tree, exclude, in_nav=nav_pages(tree),
                           skip=blog_folders(config), languages=languages, read=read)


def final_navigation(config: MkDocsConfig) -> tuple[MkDocsConfig, Files, Navigation]:
    """MkDocs' build up to the final navigation, with every plugin but ours (which would report its
    findings, read git history and write its generated pages; none of them is in a category).

    NavigationError when another plugin stops, naming the plugin and its words.
    """
    others = PluginCollection()
    for key, plugin in config.plugins.items():
        if not isinstance(getattr(plugin, "config", None), HandbookConfig):  # hooks are modules
            others[key] = plugin  # registered in priority order, as MkDocs registered them
    # No on_shutdown here: a build may follow in the same process. The command line ends the
    # plugins at its end (`project.shut_down_plugins`), as `mkdocs build` does.
    try:
        others.on_startup(command="build", dirty=False)
        config = others.on_config(config)
        others.on_pre_build(config=config)
        # The theme's files are left out: MkDocs never takes one for a page (it skips their Markdown),
        # listing Material's takes longer than the rest (its icons), and its privacy plugin would
        # fetch their external assets.
        files = others.on_files(get_files(config), config=config)
        set_exclusions(files, config)  # files plugins added without an inclusion level
        nav = others.on_nav(get_navigation(files, config), config=config, files=files)
    except Exception as err:  # a plugin's own error, or any other: one line, no traceback
        stopped = _stopped(others._current_plugin, err)  # MkDocs names the plugin whose event runs
        others.on_build_error(error=err)
        raise stopped from None
    return config, files, nav


def _stopped(plugin: str | None, error: BaseException) -> NavigationError:
    words = " ".join(str(error).split()) or type(error).__name__
    who = f"the {plugin!r} plugin" if plugin else "MkDocs"
    return NavigationError(f"{who} stopped before the navigation was built: {words}",
                           fix="`mkdocs build` stops the same way; correct what it names, or that plugin's options")


def language_folders(config: MkDocsConfig) -> set[str]:
    """mkdocs-static-i18n's language folders (`en/`, `fr/`) in its folder mode; none otherwise."""
    i18n = config.plugins.get("i18n")
    options = getattr(i18n, "config", None)
    if getattr(options, "docs_structure", None) != "folder":
        return set()
    return {str(language.locale) for language in getattr(options, "languages", None) or ()}


def blog_folders(config: MkDocsConfig) -> set[str]:
    """Top folders of Material's blog plugin instances: posts, not a handbook category, unless the
    blog's index page asks for a channel with front matter `channel: name`."""
    folders = set()
    for plugin in config.plugins.values():
        blog_dir = getattr(getattr(plugin, "config", None), "blog_dir", None)
        if type(plugin).__name__ != "BlogPlugin" or not isinstance(blog_dir, str):
            continue
        folder = blog_dir.strip("/").split("/", 1)[0]
        if folder and folder != "." and not _asks_for_channel(Path(config.docs_dir) / folder):
            folders.add(folder)
    return folders


def _asks_for_channel(folder: Path) -> bool:
    for name in INDEX_NAMES:
        channel = read_page(folder / name)[0].get("channel")
        if isinstance(channel, str) and channel.strip():
            return True
    return False

"""One handbook project as the command line sees it: mkdocs.yml, the plugin's options, the docs
files and the channel map. The plugin runs the same `analyse` on the files and nav of a real
build, so `handbook check` and `mkdocs build` never disagree.
"""

from __future__ import annotations

import importlib.util
import logging
import warnings
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.model import ChannelMap
from handbook.checks import drift as drift_rules
from handbook.checks.drift import RenameLookup
from handbook.checks.analysis import Analysis
from handbook.checks.analysis import analyse as analyse_categories
from handbook.checks.categories import HandbookCategory
from handbook.checks.matching import unlinked_categories
from handbook.config import HandbookConfig
from handbook.errors import HandbookError
from handbook.files import display_path, read_text
from handbook.navigation import NavigationError, categories_of_nav, final_navigation

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
"""Found in this order when no `-f` names one: MkDocs' names, then ProperDocs'."""


def find_config_file(folder: Path | None = None) -> Path | None:
    """The configuration file in `folder` (the current one by default), as `mkdocs` or
    `properdocs` would find it."""
    base = folder or Path()
    return next((base / name for name in CONFIG_NAMES if (base / name).is_file()), None)


def config_file_or_found(config_file: str | os.PathLike | None = None) -> Path | None:
    """The configuration file every command works on: the one `-f` names, else the one found in
    the current folder (None when there is neither). The one lookup, so that no command reads
    `mkdocs.yml` while another reads `mkdocs.yaml`."""
    return Path(config_file) if config_file else find_config_file()


class ProjectError(HandbookError):
    """mkdocs.yml cannot be used; the message says which file and what to do."""


@dataclass
class Project:
    config: MkDocsConfig
    options: HandbookConfig
    config_file: Path
    _categories: list[HandbookCategory] | None = field(default=None, init=False, repr=False)
    _page_texts: dict[Path, str] = field(default_factory=dict, init=False, repr=False)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def map_path(self) -> Path:
        return self.root / self.options.channel_map

    @property
    def state_path(self) -> Path:
        return self.root / self.options.server_state

    def show(self, path: Path) -> str:
        return display_path(path, self.root)

    def categories(self) -> list[HandbookCategory]:
        """The categories `mkdocs build` finds: from the final navigation, after every other plugin
        (nav plugins, mkdocs-static-i18n, Material's blog) has built it. Found once per project."""
        if self._categories is None:
            # other plugins' prints go to stderr: stdout is the command's (`--format json`)
            with _mkdocs_quiet() as errors, redirect_stdout(sys.stderr):
                try:
                    config, files, nav = final_navigation(self.config)
                except NavigationError as err:  # with what MkDocs logged before it stopped
                    message = "; ".join(m.rstrip(".") for m in [*errors.messages, err.message])
                    raise ProjectError(message, file=self.show(self.config_file), fix=err.fix) from None
            self._categories = categories_of_nav(nav, files, config, self.options.exclude_categories,
                                                 read=self._index_text)
        return self._categories

    def page_text(self, path: Path) -> str:
        """A docs page's text, read once per command (`handbook.files.read_text`: a HandbookError
        naming the file when it cannot be read), for everything the command looks at."""
        if path not in self._page_texts:
            self._page_texts[path] = read_text(path, self.show(path))
        return self._page_texts[path]

    def _index_text(self, path: Path) -> str:
        """`page_text` as the categories read an index page: '' when it cannot be read, newlines
        and a byte order mark as `checks.categories.read_page_text` gives them."""
        try:
            text = self.page_text(path)
        except HandbookError:
            return ""
        return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")

    def analyse(self) -> Analysis:
        """The checks `handbook check` reports: categories from the docs files, the map, renames,
        and what categories were called when their topics were written."""
        return analyse(self.root, self.docs_dir, self.map_path, load_map(self.map_path, self.show(self.map_path)),
                       self.categories(), self.config_file)


def load_project(config_file: str | os.PathLike | None = None) -> Project:
    path = config_file_or_found(config_file) or Path(CONFIG_NAMES[0])
    if path.is_dir():
        raise ProjectError("is a folder", file=str(path), fix=f"name the file inside it: -f {path / CONFIG_NAMES[0]}")
    if not path.is_file():
        raise ProjectError("no such file", file=str(path),
                           fix="run handbook in the folder that holds mkdocs.yml (or properdocs.yml), "
                               "or name it with -f path/to/mkdocs.yml")
    # MkDocs logs config warnings itself; keep the command's output to our findings. Its errors
    # (a bad option) are logged, then it aborts: they are caught here and become one ProjectError.
    with _mkdocs_quiet() as errors:
        config = _load_config(path, errors)
    plugin = config.plugins.get("handbook")
    options = plugin.config if plugin is not None else default_options(path)
    return Project(config=config, options=options, config_file=path.resolve())


# --- mkdocs.yml as the commands load it: MkDocs' own loading and validation, less the rendering.
# The commands read the build's navigation (`handbook.navigation`), never a page's HTML. MkDocs'
# `load_config` also proves each Markdown extension by building a Markdown converter with it: it
# imports every extension (Pygments with them) and compiles their patterns, which took longer than
# the rest of `handbook check`'s own work (issue 26). Here the same schema validates the same file
# (INHERIT, `!ENV`, every plugin's options), and each extension is confirmed to be one
# Python-Markdown can find (an installed extension's name or an importable module) without
# importing it, so a misspelt name is still one clear error. Every plugin sees the same
# configuration: MkDocs keeps the names and their options, never the converter. An extension's
# options are judged by the build, the one step that renders.

_config_log = logging.getLogger("mkdocs.config")  # where MkDocs' load_config logs, so callers catch the same records


class _NamedExtensions(config_options.MarkdownExtensions):
    """`markdown_extensions` read as MkDocs reads it (names, then their options in `mdx_configs`),
    each name confirmed without building the extension."""

    def run_validation(self, value: object) -> list[str]:
        self.configdata: dict[str, dict] = {}
        if not isinstance(value, (list, tuple, dict)):
            raise ValidationError("Invalid Markdown Extensions configuration")
        names: list[str] = []
        for item in (value.items() if isinstance(value, dict) else value):
            if isinstance(item, dict):
                if len(item) > 1:
                    raise ValidationError("Invalid Markdown Extensions configuration")
                item = next(iter(item.items()))
            if isinstance(item, tuple):
                name, options = item
                self.validate_ext_cfg(name, options)
                names.append(name)
            elif isinstance(item, str):
                names.append(item)
            else:
                raise ValidationError("Invalid Markdown Extensions configuration")
        names = list(dict.fromkeys(self.builtins + names))  # MkDocs' reduce_list: first of each, in order
        for name in names:
            if not _findable(name):
                module = name.split(":", 1)[0]
                raise ValidationError(f"Failed to load extension '{name}': no module named '{module}' "
                                      "and no installed Markdown extension of that name")
        return names


def _findable(name: str) -> bool:
    """What Python-Markdown's `build_extension` would find: an entry point of that name, else the
    module of `path.to.module` or `path.to.module:ClassName`."""
    module = name.split(":", 1)[0]
    try:
        if module and importlib.util.find_spec(module) is not None:
            return True
    except (ImportError, ValueError):  # a parent package that is missing, or an empty part
        pass
    from markdown.util import get_installed_extensions

    return any(entry.name == name for entry in get_installed_extensions())


def _builtins() -> list[str]:
    option: Any = MkDocsConfig.markdown_extensions  # on the class: the option itself
    return list(option.builtins)


class CommandConfig(MkDocsConfig):
    """MkDocs' configuration schema with `markdown_extensions` confirmed by name."""

    markdown_extensions = _NamedExtensions(builtins=_builtins(), configkey="mdx_configs")


def load_command_config(path: Path) -> MkDocsConfig:
    """mkdocs.yml validated as MkDocs' `load_config` validates it: its warnings and errors logged
    to `mkdocs.config`, then `Abort` on an error (or on a warning with `strict: true`)."""
    absolute = os.path.abspath(path)  # as load_config opens it: plugins read `config_file_path`
    config = CommandConfig(config_file_path=absolute)
    with open(absolute, "rb") as file:
        config.load_file(file)
    failed, warned = config.validate()
    for name, warning in warned:
        _config_log.warning(f"Config value '{name}': {warning}")
    for name, error in failed:
        _config_log.error(f"Config value '{name}': {error}")
    if failed:
        raise Abort("Aborted with a configuration error!")
    if config.strict and warned:
        raise Abort(f"Aborted with {len(warned)} configuration warnings in 'strict' mode!")
    return config


_LOADED: list[MkDocsConfig] = []
"""The configurations loaded in this process whose plugins `shut_down_plugins` has not ended yet."""


def shut_down_plugins() -> None:
    """The end of a command, as the end of `mkdocs build`: each plugin of every configuration
    loaded gets its `on_shutdown` once (Material's blog removes there the temporary folder it made
    when mkdocs.yml was loaded). A plugin whose cleanup fails is passed over: the work is done."""
    ended: list = []
    methods = [m for config in _LOADED for m in config.plugins.events["shutdown"]]
    methods += [plugin.on_shutdown for plugin in _kept_plugins() if hasattr(plugin, "on_shutdown")]
    _LOADED.clear()
    for method in methods:
        if method in ended:  # MkDocs keeps one object of such a plugin for the whole process
            continue
        ended.append(method)
        try:
            method()
        except Exception as err:  # noqa: BLE001 - another plugin's cleanup, after the command's work
            logging.getLogger(__name__).debug(f"a plugin's on_shutdown failed: {err}")


def _kept_plugins() -> list:
    """The plugin objects MkDocs keeps for the process (those with `on_startup` or `on_shutdown`),
    made even when mkdocs.yml then failed to load (a bad option of a later plugin): MkDocs' own
    cache of them, [] if a later MkDocs keeps it elsewhere."""
    option = dict(getattr(MkDocsConfig, "_schema", ())).get("plugins")
    return list(getattr(option, "plugin_cache", {}).values())


def _load_config(path: Path, errors: _ErrorRecords) -> MkDocsConfig:
    try:
        config = load_command_config(path)
        _LOADED.append(config)
        return config
    except ConfigurationError as err:
        yaml_error = _yaml_error(path, err.__context__)
        if yaml_error is not None:
            raise yaml_error from None
        raise ProjectError(str(err).strip() or "the configuration is not valid", file=str(path),
                           fix="correct the option named above; `mkdocs build` reports the same") from None
    except Abort as err:
        message = "; ".join(m.rstrip(".") for m in errors.messages) or str(err)
        raise ProjectError(message, file=str(path), line=_option_line(path, message),
                           fix="correct the option named above; `mkdocs build` reports the same") from None
    except UnicodeDecodeError:
        raise ProjectError("is not UTF-8 text", file=str(path), fix="save the file as UTF-8 in your editor") from None
    except OSError as err:
        raise ProjectError(f"cannot be read: {err.strerror or err}", file=str(path)) from None


@contextmanager
def _mkdocs_quiet() -> Iterator[_ErrorRecords]:
    """MkDocs and other plugins kept below ERROR (the command's output is our findings), and their
    errors kept, to be told once in our words. Their Python warnings too: awesome-pages warns that
    a plugin before it may lose its nav, which is not true of ours (it reads the nav last)."""
    mkdocs_log = logging.getLogger("mkdocs")
    previous = mkdocs_log.level
    mkdocs_log.setLevel(logging.ERROR)
    errors = _ErrorRecords()
    mkdocs_log.addHandler(errors)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield errors
    finally:
        mkdocs_log.setLevel(previous)
        mkdocs_log.removeHandler(errors)


def _yaml_error(path: Path, error: BaseException | None) -> ProjectError | None:
    """MkDocs' "error parsing the configuration file" (several lines, a character offset) as one
    ProjectError naming the file and line: not UTF-8, or not valid YAML."""
    import yaml

    if isinstance(error, yaml.reader.ReaderError):
        shown = error.name if error.name and error.name != "<file>" else str(path)
        line = None
        if isinstance(error.character, int):  # a byte that is not UTF-8: its line, from the bytes
            try:
                data = Path(shown).read_bytes()
                bad = data.decode("utf-8", errors="replace").find("\ufffd")
                line = data.decode("utf-8", errors="replace")[:bad].count("\n") + 1 if bad >= 0 else None
            except OSError:
                pass
        return ProjectError("is not UTF-8 text", file=_shown_config(shown, path), line=line,
                            fix="save the file as UTF-8 in your editor")
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "a YAML syntax error"
        if error.context and error.context_mark is not None and error.context_mark is not mark:
            problem += f" ({error.context} that starts at line {error.context_mark.line + 1})"
        shown = mark.name if mark is not None and mark.name and not mark.name.startswith("<") else str(path)
        return ProjectError(f"is not valid YAML: {problem}", file=_shown_config(shown, path),
                            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
                            fix="correct the YAML at that line (indentation, quotes, brackets)")
    return None


def _shown_config(name: str, path: Path) -> str:
    """The file a YAML error is in, as the command was given it (mkdocs.yml, or an INHERIT parent)."""
    try:
        return str(path) if Path(name).resolve() == path.resolve() else name
    except OSError:
        return name


class _ErrorRecords(logging.Handler):
    """MkDocs' configuration errors, kept to be told once, in our words around its wording."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _option_line(path: Path, message: str) -> int | None:
    """The line of the option MkDocs names (`option 'feed'`, else `Config value 'nav'`)."""
    import re

    m = re.search(r"option '([\w-]+)'", message) or re.search(r"Config value '([\w-]+)'", message)
    if not m:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    key = re.compile(rf"^\s*(?:-\s*)?{re.escape(m.group(1))}\s*:")
    return next((n for n, line in enumerate(lines, 1) if key.match(line)), None)


def default_options(path: Path) -> HandbookConfig:
    """The plugin's options when the configuration names no `- handbook:` (its defaults)."""
    options = HandbookConfig(config_file_path=str(path))
    options.load_dict({})
    options.validate()
    return options


def load_map(path: Path, shown: str | None = None) -> ChannelMap | None:
    """The map, or None when there is none; ChannelMapError (naming it as `shown`) for a broken one."""
    try:
        return load_channel_map(path, shown)
    except FileNotFoundError:
        return None


def detect_renames(root: Path, docs_dir: Path, categories: list[HandbookCategory],
                   channel_map: ChannelMap) -> RenameLookup:
    """Ask git only about folders that topic channels still mirror but that are gone, and only
    when some category has no channel yet (a rename needs somewhere to go)."""
    gone = drift_rules.orphan_folders(categories, channel_map)
    new = [c.folder for c in unlinked_categories(categories, channel_map)]
    if not gone or not new:
        return RenameLookup()
    from handbook.history.renames import look_up_folder_renames  # git is touched only when needed

    return look_up_folder_renames(root, docs_dir, gone, new)


def detect_topic_origins(root: Path, docs_dir: Path, config_file: Path | None, map_path: Path,
                         categories: list[HandbookCategory],
                         channel_map: ChannelMap) -> dict[str, drift_rules.TopicOrigin]:
    """Ask git only about topics that do not name their category's current title: what the
    category was called when each was last written."""
    questions = drift_rules.topic_questions(categories, channel_map)
    if not questions:
        return {}
    from handbook.history.titles import topic_origins  # git is touched only when needed

    return topic_origins(root, docs_dir, config_file, map_path, questions)


def analyse(root: Path, docs_dir: Path, map_path: Path, channel_map: ChannelMap | None,
            categories: list[HandbookCategory], config_file: Path | None = None) -> Analysis:
    """Validation and drift for one project; the plugin and the command line both call this.
    `config_file` is mkdocs.yml (its nav's titles are part of a category's title history)."""
    lookup = detect_renames(root, docs_dir, categories, channel_map) if channel_map else RenameLookup()
    if config_file is None:
        config_file = find_config_file(root)
    origins = detect_topic_origins(root, docs_dir, config_file, map_path, categories, channel_map) \
        if channel_map else {}
    return analyse_categories(categories, channel_map, lookup.renames, display_path(map_path, root),
                              display_path(docs_dir, root), origins, unknown_renames=lookup.unknown)

"""When each asked-about topic was last written, and what its category was called then: git
history for the `stale-topic` check.

Asked only about topic channels whose topic does not name their category's current title (see
`handbook.checks.drift.topic_questions`), so most builds run no git here at all. Cost when asked:
one `git rev-parse` and one `git log` over the channel map, mkdocs.yml and the asked categories'
index pages, then the few old versions needed, through one `git cat-file --batch` process; never
one git call per page.

The topic's last writing is the oldest map version of the newest run of versions whose topic for
that channel (matched by id, else by the folder it mirrors, else by name) is the current one. The
category's title at that commit follows the same rule as today (the nav of mkdocs.yml, else the
index page's front matter `title`, else its first heading, else the folder name). Without a
repository, with a shallow clone, or when the category had no index page or nav entry then, there
is no answer for it, and so no `stale-topic` warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import yaml
from mkdocs.plugins import get_plugin_logger

from handbook.channelmap.changes import Channel as OldChannel
from handbook.channelmap.changes import SAFE_LOADER, read_channels
from handbook.channelmap.model import Channel
from handbook.checks.categories import (HandbookCategory, category_description, category_title, nav_titles,
                                        parse_page)
from handbook.checks.drift import TopicOrigin, topic_line
from handbook.history.git import NoHistory, Repository, blob_reader, open_repository
from handbook.history.log import VERSIONS_FORMAT, parse_versions

log = get_plugin_logger(__name__)

Versions = list[tuple[str, dict[str, str | None]]]


def topic_origins(root: Path, docs_dir: Path, config_file: Path | None, map_path: Path,
                  questions: Iterable[tuple[Channel, HandbookCategory]]) -> dict[str, TopicOrigin]:
    """Docs folder -> the category's title and description when its topic was last written, for
    the asked topic channels that history can answer for; {} without usable history."""
    questions = list(questions)
    if not questions:
        return {}
    try:
        repository = open_repository(Path(root))
        docs_rel = repository.relative(Path(docs_dir))
        map_rel = repository.relative(Path(map_path))
        config_rel = _relative_or_none(repository, config_file)
        shallow, _, head = repository.run("rev-parse", "--is-shallow-repository", "HEAD").strip().partition("\n")
    except NoHistory as e:
        log.info(f"Stale topics are not looked up (no git history: {e}).")
        return {}
    if shallow.strip() == "true":
        log.info("Stale topics are not looked up: this git clone is shallow "
                 "(fetch the full history, e.g. `fetch-depth: 0` in CI).")
        return {}
    if not head.strip() or head.strip() == "HEAD":
        log.info("Stale topics are not looked up: the git repository has no commits yet.")
        return {}

    def index_path(category: HandbookCategory) -> str | None:
        if category.index_uri is None:
            return None
        return f"{docs_rel}/{category.index_uri}" if docs_rel else category.index_uri

    paths = [map_rel, *([config_rel] if config_rel else []),
             *(p for _, category in questions if (p := index_path(category)))]
    try:
        output = repository.run("log", "--no-merges", "--no-renames", "--no-color", "-z", "--raw", "--no-abbrev",
                                f"--format={VERSIONS_FORMAT}", "HEAD", "--", *dict.fromkeys(paths))
    except NoHistory as e:
        log.info(f"Stale topics are not looked up: {e}.")
        return {}
    versions = parse_versions(output)
    try:
        map_lines = Path(map_path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        map_lines = []
    origins: dict[str, TopicOrigin] = {}
    with _Blobs(repository) as blobs:
        for channel, category in questions:
            written = _topic_written(versions, map_rel, channel, _topic_source_line(map_lines, channel), blobs)
            if written is None:
                log.debug(f"The topic of #{channel.name} is not in a commit yet: it was written after any title.")
                origins[category.folder] = TopicOrigin(category.title, category.description)
                continue
            origin = _category_at(versions, written, category, config_rel, index_path(category), blobs)
            if origin is not None:
                origins[category.folder] = origin
    return origins


def _relative_or_none(repository: Repository, path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return repository.relative(Path(path))
    except NoHistory:
        return None


class _Blobs:
    """Old versions of files, each read and parsed at most once."""

    def __init__(self, repository: Repository) -> None:
        self._context = blob_reader(repository)
        self._read: Callable[[str], bytes | None] | None = None
        self._text: dict[str, str | None] = {}
        self._channels: dict[str, list[OldChannel]] = {}
        self._navs: dict[str, object] = {}

    def __enter__(self) -> _Blobs:
        self._read = self._context.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._context.__exit__(*exc)

    def text(self, sha: str) -> str | None:
        if sha not in self._text:
            data = self._read(sha) if self._read else None
            self._text[sha] = data.decode("utf-8", "replace") if data is not None else None
        return self._text[sha]

    def channels(self, sha: str) -> list[OldChannel]:
        if sha not in self._channels:
            self._channels[sha] = read_channels(self.text(sha))
        return self._channels[sha]

    def nav(self, sha: str) -> object:
        if sha not in self._navs:
            self._navs[sha] = _nav_of(self.text(sha))
        return self._navs[sha]


def _topic_written(versions: Versions, map_rel: str, channel: Channel, source_line: str | None,
                   blobs: _Blobs) -> int | None:
    """The index in `versions` of the commit that last wrote the channel's current topic; None
    when the committed map has another topic (it was written in the work tree, just now).

    A version that holds the topic's line exactly once, as it is written today, has that topic
    without being parsed, so a long map history costs a scan per version, not a YAML parse."""
    written = None
    for index, (_, files) in enumerate(versions):
        if map_rel not in files:
            continue
        sha = files[map_rel]
        text = blobs.text(sha) if sha else None
        if sha is None or text is None:
            break
        if source_line is None or sum(_bare(line) == source_line for line in text.splitlines()) != 1:
            old = _same_channel(blobs.channels(sha), channel)
            if old is None or old.topic != channel.topic:
                break
        written = index
    return written


def _topic_source_line(map_lines: list[str], channel: Channel) -> str | None:
    """The map's `topic: ...` line of `channel` when that line alone holds the whole topic and no
    other line of the map reads the same; None otherwise."""
    number = topic_line(channel)
    if not 0 < number <= len(map_lines):
        return None
    line = _bare(map_lines[number - 1])
    if not line.startswith("topic:") or sum(_bare(x) == line for x in map_lines) != 1:
        return None
    try:
        value = yaml.load(line, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError):
        return None
    return line if value == {"topic": channel.topic} else None


def _bare(line: str) -> str:
    return line.strip().removeprefix("- ").strip()


def _same_channel(channels: list[OldChannel], channel: Channel) -> OldChannel | None:
    if channel.has_id:
        found = next((c for c in channels if c.id == channel.id), None)
        if found is not None:
            return found
    if channel.category:
        found = next((c for c in channels if c.kind == "topic" and c.category == channel.category
                      and not c.archived), None)
        if found is not None:
            return found
    return next((c for c in channels if c.name == channel.name), None)


def _category_at(versions: Versions, index: int, category: HandbookCategory, config_rel: str | None,
                 index_rel: str | None, blobs: _Blobs) -> TopicOrigin | None:
    """The category's title and description as of the commit at `index` (after it); None when
    the category had neither its index page nor a nav title then (it was not there yet)."""
    config_sha = _blob_at(versions, index, config_rel) if config_rel else None
    nav_title = nav_titles(blobs.nav(config_sha), [category.folder]).get(category.folder) if config_sha else None
    index_sha = _blob_at(versions, index, index_rel) if index_rel else None
    index_text = blobs.text(index_sha) if index_sha else None
    if index_text is None and nav_title is None:
        return None
    meta, heading = parse_page(index_text) if index_text is not None else ({}, None)
    return TopicOrigin(category_title(category.folder, nav_title, meta, heading), category_description(meta))


def _blob_at(versions: Versions, index: int, path: str) -> str | None:
    """The blob `path` had after the commit at `index` (versions are newest first)."""
    for _, files in versions[index:]:
        if path in files:
            return files[path]
    return None


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: tags such as `!ENV` or `!!python/name:` read as None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_of(text: str | None) -> object:
    if not text:
        return None
    try:
        data = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 - a safe loader that drops tags
    except (yaml.YAMLError, ValueError):
        return None
    return data.get("nav") if isinstance(data, dict) else None

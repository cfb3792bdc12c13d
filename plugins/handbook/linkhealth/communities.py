"""`communities.yml`: the directory of related communities, read with line numbers and validated.

The file is a YAML list; each entry has `name`, `url` and `description`, and may have `platform`,
`invite` (a Discord invite URL), `topics`, `cost`, `language` and `added`. Keys a person adds are
kept (in `extra`) and ignored. Every mistake stops with one `CommunitiesError` naming the file,
line and column, and what to write instead. Pure: no HTTP, no MkDocs build.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from handbook.channelmap.yaml_io import YamlSyntaxError, load_roundtrip, describe_value
from handbook.errors import HandbookError
from handbook.files import read_text
from handbook.linkhealth.addresses import WEB_SCHEMES, address_problem, split
from handbook.linkhealth.invites import invite_code

PLATFORMS = ("discord", "slack", "discourse", "zulip", "forum", "other")
COSTS = ("free", "paid")
KNOWN_KEYS = ("name", "url", "description", "platform", "invite", "topics", "cost", "language", "added")
TOPIC_WORD = re.compile(r"^[\w][\w -]*$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # BCP 47, loosely: en, pt-BR
SCHEMA_NAME = "communities.schema.json"
EXAMPLE = ("- name: Example Forum\n    url: https://forum.example.org/\n"
           "    description: One sentence on what it is for")


class CommunitiesError(HandbookError):
    """communities.yml cannot be used until this is fixed."""


@dataclass
class Community:
    name: str
    url: str
    description: str
    platform: str | None = None
    invite: str | None = None
    topics: list[str] = field(default_factory=list)
    cost: str | None = None
    language: str | None = None
    added: dt.date | None = None
    line: int = 0
    invite_line: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys the handbook does not know: kept, never used."""

    def urls(self) -> list[tuple[str, int]]:
        """The URLs a link check looks at, with the line each is written on."""
        found = [(self.url, self.line)]
        if self.invite:
            found.append((self.invite, self.invite_line or self.line))
        return found


@dataclass
class Communities:
    path: str
    entries: list[Community]


def schema_text() -> str:
    return resources.files("handbook.linkhealth").joinpath("schema").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")


def load_communities(path: Path, shown: str | None = None) -> Communities | None:
    """The directory, or None when the file does not exist (the feature is off)."""
    if not path.exists():
        return None
    shown = shown or str(path)
    text = read_text(path, shown)
    try:
        document = load_roundtrip(path, text)
    except YamlSyntaxError as err:
        raise CommunitiesError(f"invalid YAML: {err.problem}", file=shown, line=err.line, column=err.column,
                               fix=err.syntax_fix) from None
    return parse_communities(document, shown)


def parse_communities(document: Any, shown: str) -> Communities:
    if document is None:
        return Communities(shown, [])
    if not isinstance(document, list):
        raise _fail(shown, _pos(document), f"the file must be a list of communities, not {describe_value(document)}",
                    f"start each community with `- name:`, for example\n{EXAMPLE}")
    entries: list[Community] = []
    for index, node in enumerate(document):
        where = _item_pos(document, index)
        if not isinstance(node, dict):
            raise _fail(shown, where, f"community {index + 1} must be a mapping of keys to values, not {describe_value(node)}",
                        f"write it as\n{EXAMPLE}")
        entries.append(_community(shown, node, index, where))
    _no_duplicates(shown, entries, document)
    return Communities(shown, entries)


def _community(shown: str, node: dict, index: int, where: tuple[int, int]) -> Community:
    label = f"community {index + 1}"
    name = _required_text(shown, node, "name", label)
    what = f"community `{name}`"
    url = _required_text(shown, node, "url", what)
    _check_url(shown, node, "url", what, url)
    description = _required_text(shown, node, "description", what)
    invite = _text(shown, node, "invite", what)
    if invite is not None and invite_code(invite) is None:
        raise _fail(shown, _value_pos(node, "invite"), f"`invite` of {what} is not a Discord invite URL",
                    "write it as https://discord.gg/CODE or https://discord.com/invite/CODE")
    language = _text(shown, node, "language", what)
    if language is not None and not LANGUAGE_TAG.match(language):
        raise _fail(shown, _value_pos(node, "language"), f"`language` of {what} is not a language tag",
                    "write a language code such as `en`, `de` or `pt-BR`")
    return Community(
        name=name, url=url, description=description,
        platform=_text(shown, node, "platform", what, choices=PLATFORMS),
        invite=invite, topics=_topics(shown, node, what),
        cost=_text(shown, node, "cost", what, choices=COSTS), language=language,
        added=_date(shown, node, what), line=where[0] + 1,
        invite_line=_key_pos(node, "invite")[0] + 1 if "invite" in node else 0,
        extra={k: v for k, v in node.items() if k not in KNOWN_KEYS},
    )


def _required_text(shown: str, node: dict, key: str, what: str) -> str:
    value = _text(shown, node, key, what)
    if value is None:
        close = difflib.get_close_matches(key, [k for k in node if isinstance(k, str) and k not in KNOWN_KEYS], n=1)
        hint = f" (is `{close[0]}` meant to be `{key}`?)" if close else ""
        raise _fail(shown, _key_pos(node, key) if key in node else _pos(node),
                    f"{what} has no `{key}`{hint}", f"add `{key}: ...` to {what}")
    return value


def _text(shown: str, node: dict, key: str, what: str, *, choices: tuple[str, ...] | None = None) -> str | None:
    """The value of `key` as text; None when it is absent, null or blank."""
    if key not in node or node[key] is None or (isinstance(node[key], str) and not node[key].strip()):
        return None
    value = node[key]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _fail(shown, _value_pos(node, key), f"`{key}` of {what} must be text, not {describe_value(value)}",
                    f"write `{key}:` followed by text on the same line (in quotes if it has `: ` in it)")
    value = str(value).strip()
    if choices and value not in choices:
        close = difflib.get_close_matches(value.lower(), choices, n=1)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        raise _fail(shown, _value_pos(node, key), f"unknown {key} `{value}` in {what}{hint}",
                    f"write one of: {', '.join(choices)}")
    return value


def _check_url(shown: str, node: dict, key: str, what: str, url: str) -> None:
    problem = address_problem(url)
    if problem:
        parts = split(url)
        # "x.example" needs no explanation; a bad port or an unclosed `[` in a web address does
        why = f" ({problem})" if parts is None or parts.scheme in WEB_SCHEMES else ""
        raise _fail(shown, _value_pos(node, key), f"`{key}` of {what} is not a web address: {url!r}{why}",
                    "write the full address, starting with https://")


def _topics(shown: str, node: dict, what: str) -> list[str]:
    value = node.get("topics")
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]  # `topics: habits` is a fair shorthand
    elif not isinstance(value, list):
        raise _fail(shown, _value_pos(node, "topics"), f"`topics` of {what} must be a list, not {describe_value(value)}",
                    "write `topics: [habits, journaling]`")
    topics: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, str) or not TOPIC_WORD.match(item.strip()):
            where = _item_pos(node["topics"], index) if isinstance(node["topics"], list) else _value_pos(node, "topics")
            raise _fail(shown, where, f"topic {index + 1} of {what} must be a word or two, not {describe_value(item)}"
                        if not isinstance(item, str) else f"topic {item!r} of {what} must be a word or two",
                        "write topics as plain words: `topics: [habits, creative practice]`")
        if item.strip().lower() not in topics:
            topics.append(item.strip().lower())
    return topics


def _date(shown: str, node: dict, what: str) -> dt.date | None:
    value = node.get("added")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(shown, _value_pos(node, "added"), f"`added` of {what} is not a date",
                "write the date as YYYY-MM-DD, for example `added: 2026-05-01`")


def _no_duplicates(shown: str, entries: list[Community], document: list) -> None:
    seen_names: dict[str, Community] = {}
    seen_urls: dict[str, Community] = {}
    for index, entry in enumerate(entries):
        for seen, key, value in ((seen_names, "name", entry.name.casefold()),
                                 (seen_urls, "url", entry.url.rstrip("/").lower())):
            first = seen.get(value)
            if first is not None:
                raise _fail(shown, _value_pos(document[index], key),
                            f"community `{entry.name}` has the same {key} as `{first.name}` (line {first.line})",
                            "keep one entry per community: merge the two or remove one")
            seen[value] = entry


# --- positions and wording -------------------------------------------------------------------

def _fail(shown: str, where: tuple[int, int], message: str, fix: str) -> CommunitiesError:
    return CommunitiesError(message, file=shown, line=where[0] + 1, column=where[1] + 1, fix=fix)


def _pos(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    return (lc.line, lc.col) if lc is not None and lc.line is not None else (0, 0)


def _key_pos(node: Any, key: str) -> tuple[int, int]:
    try:
        return tuple(node.lc.key(key))
    except (AttributeError, KeyError, TypeError):
        return _pos(node)


def _value_pos(node: Any, key: str) -> tuple[int, int]:
    try:
        return tuple(node.lc.value(key))
    except (AttributeError, KeyError, TypeError):
        return _key_pos(node, key)


def _item_pos(seq: Any, index: int) -> tuple[int, int]:
    try:
        return tuple(seq.lc.item(index))
    except (AttributeError, KeyError, TypeError, IndexError):
        return _pos(seq)



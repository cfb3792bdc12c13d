"""`link_status.json`: the results of the last `handbook links check`, read and written.

The file is committed by a scheduled CI job, so builds (which never make a request) can show what
the last check found. Shape: `{"checked_at", "links": [{"url", "status", "code", "final_url",
"checked_at", "where": [{"file", "line"}], "discord": {"members", "online", "expires_at"}}]}`;
`error` says why a link is dead or unreachable. Written atomically, sorted, so diffs stay small.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.errors import HandbookError
from handbook.files import read_text, write_atomic
from handbook.linkhealth import json_lines

STATUSES = ("ok", "redirected", "dead", "unreachable", "unchecked")
ALIVE = ("ok", "redirected")
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Where:
    file: str
    line: int | None


@dataclass
class LinkResult:
    url: str
    status: str
    code: int | None = None
    final_url: str | None = None
    checked_at: str | None = None
    where: list[Where] = field(default_factory=list)
    discord: dict | None = None
    error: str | None = None

    @property
    def is_alive(self) -> bool:
        return self.status in ALIVE

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "status": self.status, "code": self.code, "final_url": self.final_url,
               "checked_at": self.checked_at, "where": [{"file": w.file, "line": w.line} for w in self.where]}
        if self.discord is not None:
            out["discord"] = self.discord
        if self.error:
            out["error"] = self.error
        return out


@dataclass
class LinkStatus:
    checked_at: str | None
    links: dict[str, LinkResult]

    def get(self, url: str) -> LinkResult | None:
        return self.links.get(url)

    def age(self, now: dt.datetime) -> dt.timedelta | None:
        when = parse_time(self.checked_at)
        return now - when if when else None


def now_text(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0).isoformat()


def parse_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def load_status(path: Path, shown: str) -> LinkStatus | None:
    """The last results, or None when there is no file yet (every link is "not checked").

    The file is written by `handbook links check`, but it is committed and may be edited: a value
    of the wrong kind is refused with its line, like any other input, rather than guessed at.
    """
    if not path.exists():
        return None
    text = read_text(path, shown)
    try:
        data = json_lines.load(text)
    except json.JSONDecodeError as err:
        raise HandbookError(f"is not valid JSON: {err.msg}", file=shown, line=err.lineno, column=err.colno,
                            fix=REWRITE) from None
    except RecursionError:
        raise _wrong(shown, 1, "is not a link status file (nested too deeply)") from None
    if not isinstance(data, dict):
        raise _wrong(shown, 1, f"is not a link status file (it must be an object with a `links` list, "
                               f"not {_kind(data)})")
    if not isinstance(data.get("links"), list):
        raise _wrong(shown, _line(data, "links"), "is not a link status file (`links` must be a list, not "
                                                  f"{_kind(data.get('links'))})")
    read = _Reader(shown)
    checked_at = read.time(data, "checked_at", "`checked_at`")
    links: dict[str, LinkResult] = {}
    for index, item in enumerate(data["links"]):
        result = read.result(item, f"entry {index + 1} of `links`", data["links"].lines[index])
        links[result.url] = result
    return LinkStatus(checked_at, links)


REWRITE = "delete it and run `handbook links check` to write it again"
CORRECT = "correct it, or delete the file and run `handbook links check` to write it again"
TIME_FIX = "write a time such as 2026-12-01T09:00:00+00:00, or delete the file and run `handbook links check` to write it again"


class _Reader:
    """Each value of an entry checked for its kind; the first wrong one is a `HandbookError` at its line."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def result(self, item: Any, label: str, line: int) -> LinkResult:
        if not isinstance(item, dict):
            raise _wrong(self.shown, line, f"{label} must be an object, not {_kind(item)}")
        url = item.get("url")
        if not isinstance(url, str):
            raise _wrong(self.shown, _line(item, "url"), f"`url` of {label} must be text, not {_kind(url)}")
        status = item.get("status")
        if status not in STATUSES:
            shown_status = repr(status) if isinstance(status, str) else _kind(status)
            raise _wrong(self.shown, _line(item, "status"),
                         f"`status` of {url} is {shown_status}, not one of {', '.join(STATUSES)}")
        discord = self.optional(item, "discord", dict, url)
        if discord is not None:
            for key, kind in (("members", int), ("online", int), ("expires_at", str)):
                self.optional(discord, key, kind, f"`discord` of {url}")
        return LinkResult(url=url, status=status, code=self.optional(item, "code", int, url),
                          final_url=self.optional(item, "final_url", str, url),
                          checked_at=self.time(item, "checked_at", f"`checked_at` of {url}"),
                          where=self.where(item, url), discord=discord, error=self.optional(item, "error", str, url))

    def optional(self, node: dict, key: str, kind: type, whose: str) -> Any:
        """`node[key]` when it is of `kind` (a bool is no number), None when absent or null."""
        value = node.get(key)
        if value is None or (isinstance(value, kind) and not isinstance(value, bool)):
            return value
        raise _wrong(self.shown, _line(node, key), f"`{key}` of {whose} must be {KINDS[kind]}, not {_kind(value)}")

    def time(self, node: dict, key: str, label: str) -> str | None:
        value = node.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise _wrong(self.shown, _line(node, key), f"{label} must be text (a time), not {_kind(value)}")
        if parse_time(value) is None:
            raise _wrong(self.shown, _line(node, key), f"{label} is not a time: {value!r}",
                         TIME_FIX)
        return value

    def where(self, item: dict, url: str) -> list[Where]:
        places = item.get("where")
        if places is None:
            return []
        if not isinstance(places, list):
            raise _wrong(self.shown, _line(item, "where"), f"`where` of {url} must be a list, not {_kind(places)}")
        found = []
        for index, place in enumerate(places):
            label = f"place {index + 1} in `where` of {url}"
            if not isinstance(place, dict):
                raise _wrong(self.shown, _item_line(places, index), f"{label} must be an object, not {_kind(place)}")
            file = place.get("file")
            if not isinstance(file, str):
                raise _wrong(self.shown, _line(place, "file"), f"`file` of {label} must be text, not {_kind(file)}")
            found.append(Where(file, self.optional(place, "line", int, label)))
        return found


KINDS = {int: "a number", str: "text", dict: "an object", list: "a list"}


def _kind(value: Any) -> str:
    """A JSON value's kind, as a person reads it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    for kind, words in ((int, "a number"), (float, "a number"), (str, "text"), (dict, "an object"), (list, "a list")):
        if isinstance(value, kind):
            return words
    return "a value"


def _line(node: Any, key: str) -> int:
    """The line of `node[key]`'s value (of `node` itself when the key is absent)."""
    lines: dict[str, int] = getattr(node, "lines", {})
    return lines.get(key) or int(getattr(node, "line", 1))


def _item_line(items: Any, index: int) -> int:
    lines: list[int] = getattr(items, "lines", [])
    return lines[index] if index < len(lines) else int(getattr(items, "line", 1))


def _wrong(shown: str, line: int, message: str, fix: str = CORRECT) -> HandbookError:
    return HandbookError(message, file=shown, line=line, fix=fix)


def status_text(checked_at: str, results: list[LinkResult]) -> str:
    ordered = sorted(results, key=lambda r: r.url)
    data = {"version": FORMAT_VERSION, "checked_at": checked_at, "links": [r.as_dict() for r in ordered]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_status(path: Path, checked_at: str, results: list[LinkResult]) -> None:
    write_atomic(path, status_text(checked_at, results))

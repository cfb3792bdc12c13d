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
    """The last results, or None when there is no file yet (every link is "not checked")."""
    if not path.exists():
        return None
    text = read_text(path, shown)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise HandbookError(f"is not valid JSON: {err.msg}", file=shown, line=err.lineno, column=err.colno,
                            fix="delete it and run `handbook links check` to write it again") from None
    if not isinstance(data, dict) or not isinstance(data.get("links"), list):
        raise HandbookError("is not a link status file (no `links` list)", file=shown, line=1,
                            fix="delete it and run `handbook links check` to write it again")
    links: dict[str, LinkResult] = {}
    for index, item in enumerate(data["links"]):
        if not isinstance(item, dict) or not isinstance(item.get("url"), str) or item.get("status") not in STATUSES:
            raise HandbookError(f"entry {index + 1} of `links` is not a link result", file=shown,
                                fix="delete the file and run `handbook links check` to write it again")
        where = [Where(str(w.get("file", "")), w.get("line") if isinstance(w.get("line"), int) else None)
                 for w in item.get("where") or [] if isinstance(w, dict)]
        links[item["url"]] = LinkResult(
            url=item["url"], status=item["status"], code=item.get("code") if isinstance(item.get("code"), int) else None,
            final_url=item.get("final_url"), checked_at=item.get("checked_at"), where=where,
            discord=item.get("discord") if isinstance(item.get("discord"), dict) else None, error=item.get("error"))
    return LinkStatus(data.get("checked_at"), links)


def status_text(checked_at: str, results: list[LinkResult]) -> str:
    ordered = sorted(results, key=lambda r: r.url)
    data = {"version": FORMAT_VERSION, "checked_at": checked_at, "links": [r.as_dict() for r in ordered]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_status(path: Path, checked_at: str, results: list[LinkResult]) -> None:
    write_atomic(path, status_text(checked_at, results))

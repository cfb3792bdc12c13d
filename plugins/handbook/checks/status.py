"""`handbook status`: where a community stands, on one screen, and the next command to run. Pure.

It gathers what the other commands find (the analysis of docs and map, the near names, and,
when the caller could ask the server, the changes `apply` would make) and says it in a few lines
or as JSON; the caller does the reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.checks import matching
from handbook.checks.analysis import Analysis
from handbook.findings import ERROR, EXCLUDED_CATEGORY_CHANNEL, MISSING_CHANNEL, ORPHAN_CHANNEL


@dataclass
class ServerStatus:
    name: str | None
    changes: list[str] = field(default_factory=list)
    """`apply`'s operations, described; empty when the server matches the map."""
    hidden: int = 0


@dataclass
class Status:
    map_file: str
    has_map: bool
    unlinked: list[dict] = field(default_factory=list)
    """Categories without a topic channel: `{folder, title, channel, adopt}` (adopt: the entry sync takes)."""
    orphans: list[dict] = field(default_factory=list)
    """Topic channels whose category is gone or excluded: `{channel, category, line}`."""
    near: list[dict] = field(default_factory=list)
    """`{folder, channel, line, fix}`."""
    errors: int = 0
    other_findings: int = 0
    server: ServerStatus | None = None
    server_note: str | None = None
    """Why the server was not asked (no token, no server id)."""
    next: str = ""

    @property
    def clean(self) -> bool:
        """Nothing left to do: `next` says so."""
        return self.next.startswith("nothing")

    def as_dict(self) -> dict:
        server = None if self.server is None else {"name": self.server.name, "changes": self.server.changes,
                                                   "hidden": self.server.hidden}
        return {"map": self.map_file, "has_map": self.has_map, "categories_without_channels": self.unlinked,
                "channels_without_categories": self.orphans, "near_matches": self.near, "errors": self.errors,
                "other_findings": self.other_findings, "server": server, "server_note": self.server_note,
                "next": self.next}


def gather(analysis: Analysis, map_file: str, *, server: ServerStatus | None = None,
           server_note: str | None = None, token: bool = False) -> Status:
    status = Status(map_file, analysis.channel_map is not None, server=server, server_note=server_note)
    channel_map, drift = analysis.channel_map, analysis.drift
    if channel_map is None:
        status.unlinked = [{"folder": c.folder, "title": c.title, "channel": c.expected_channel, "adopt": None}
                           for c in analysis.categories if c.wants_channel]
        status.next = ("handbook discord pull --guild SERVER_ID   (your server into a new map; then handbook sync)"
                       if token else "handbook sync   (writes a starter channel_map.yml)")
        return status
    missing = drift.missing if drift else []
    for category in missing:
        adopt = matching.adoptable_channel(category, channel_map)
        status.unlinked.append({"folder": category.folder, "title": category.title,
                                "channel": category.expected_channel, "adopt": adopt.name if adopt else None})
    orphans = [*(drift.orphans if drift else []), *(c for c, _ in (drift.unresolved if drift else [])),  # may be renamed
               *(c for c, _ in (drift.excluded if drift else []))]
    status.orphans = [{"channel": c.name, "category": c.category, "line": c.line} for c in orphans]
    status.near = [{"folder": m.category.folder, "channel": m.channel.name, "line": m.channel.line,
                    "fix": m.fix(map_file)} for m in matching.near_matches(missing, channel_map)]
    status.errors = sum(1 for f in analysis.validation if f.severity == ERROR)
    counted = {MISSING_CHANNEL.code, ORPHAN_CHANNEL.code, EXCLUDED_CATEGORY_CHANNEL.code}  # told above
    status.other_findings = sum(1 for f in analysis.findings if f.severity != ERROR and f.code not in counted)
    near_folders = {n["folder"] for n in status.near}
    taken = drift.name_taken if drift else {}  # `yes/` asks for `Yes/`'s #yes: sync adds nothing for it
    syncable = [u for u in status.unlinked if u["folder"] not in near_folders and u["folder"] not in taken] \
        or status.orphans \
        or (drift and (drift.renames or drift.mismatched))
    if status.errors:
        status.next = f"handbook check   ({status.errors} error(s) in {map_file} to fix by hand first)"
    elif syncable:
        status.next = "handbook sync"
    elif status.near:
        status.next = f"edit {map_file}: {status.near[0]['fix']}"
    elif taken:
        folder, holder = next(iter(taken.items()))
        status.next = (f"`{holder}` has the channel name `{folder}` asks for: give `{folder}` another with "
                       "`channel: other-name` in its index.md front matter")
    elif server_note and "pull" in server_note:
        status.next = "handbook discord pull --guild SERVER_ID"
    elif server and server.changes:
        status.next = "handbook discord plan, then handbook discord apply"
    elif status.other_findings:
        status.next = "handbook check   (warnings to look at)"
    else:
        status.next = "nothing: " + ("the docs, the map and the server agree" if server else "the docs and the map agree")
    return status


def render(status: Status) -> str:
    lines = []
    if not status.has_map:
        lines.append(f"No channel map yet ({status.map_file}).")
    if status.unlinked:
        lines.append(f"Categories without a topic channel: {len(status.unlinked)}")
        for item in status.unlinked:
            how = f" (sync adopts #{item['adopt']})" if item["adopt"] else ""
            lines.append(f"  {item['folder']}/  {item['title']}: wants #{item['channel']}{how}")
    if status.orphans:
        lines.append(f"Topic channels without a category: {len(status.orphans)}")
        lines += [f"  #{o['channel']} ({status.map_file}:{o['line']}) mirrors `{o['category']}`, gone or excluded"
                  for o in status.orphans]
    if status.near:
        lines.append(f"Near matches (never linked without you): {len(status.near)}")
        lines += [f"  #{n['channel']} for {n['folder']}/: {n['fix']}" for n in status.near]
    if status.errors:
        lines.append(f"Map errors: {status.errors} (handbook check shows them)")
    if status.other_findings:
        lines.append(f"Other warnings: {status.other_findings} (handbook check shows them)")
    if status.server is not None:
        where = status.server.name or "the server"
        if status.server.changes:
            lines.append(f"Changes not yet applied to {where}: {len(status.server.changes)}")
            lines += [f"  {text}" for text in status.server.changes[:10]]
            if len(status.server.changes) > 10:
                lines.append(f"  ... and {len(status.server.changes) - 10} more (handbook discord plan)")
        else:
            lines.append(f"{where} matches the map.")
    elif status.server_note:
        lines.append(f"Server: {status.server_note}")
    if status.has_map and len(lines) == (1 if status.server or status.server_note else 0):
        lines.insert(0, "Every handbook category has its topic channel.")
    lines.append(f"Next: {status.next}")
    return "\n".join(lines)

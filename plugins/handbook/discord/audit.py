"""`handbook discord audit`: every check of `audit_checks.CHECKS` run on one read of the server. Pure.

The result has one stable shape for people (`render_text`) and for scripts (`as_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.channelmap.model import ChannelMap
from handbook.channelmap.promises import setting
from handbook.discord.audit_checks import CHECKS
from handbook.discord.state import ServerState
from handbook.findings import Finding


@dataclass
class Audit:
    guild_id: str
    server_name: str | None
    findings: list[Finding] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    """One entry per check: its code, `passed`, `failed` or `skipped`, and why it was skipped."""
    not_visible: int = 0
    """Private entries of the map the bot cannot see: not checked."""

    def as_dict(self) -> dict:
        return {"guild_id": self.guild_id, "server": self.server_name, "clean": not self.findings,
                "findings": [f.as_dict() for f in self.findings], "checks": self.checks,
                "not_visible_to_bot": self.not_visible}


def audit(channel_map: ChannelMap, state: ServerState) -> Audit:
    result = Audit(state.guild_id, state.guild_name)
    for entry in CHECKS:
        reason = entry.skip(channel_map, state) if entry.skip else None
        if entry.needs and setting(channel_map, entry.needs) is None:
            reason = f"the map has no `server.settings.{entry.needs}`"
        if reason:
            result.checks.append({"code": entry.code.code, "status": "skipped", "reason": reason})
            continue
        found = list(entry.run(channel_map, state))
        result.findings += found
        result.checks.append({"code": entry.code.code, "status": "failed" if found else "passed"})
    ids = {s.id for s in [*channel_map.discord_categories, *channel_map.channels()] if s.is_private}
    result.not_visible = len(ids & state.hidden)
    return result


def render_text(result: Audit) -> str:
    where = result.server_name or result.guild_id
    lines = [finding.as_text() for finding in result.findings]
    ran = [c for c in result.checks if c["status"] != "skipped"]
    if result.findings:
        lines.append(f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''} on {where} "
                     f"({len(ran)} checks).")
    else:
        lines.append(f"{where} keeps every promise the map makes ({len(ran)} checks).")
    skipped = [c for c in result.checks if c["status"] == "skipped"]
    if skipped:
        lines.append("Skipped: " + "; ".join(f"{c['code']} ({c['reason']})" for c in skipped))
    if result.not_visible:
        lines.append(f"{result.not_visible} private entr{'ies' if result.not_visible != 1 else 'y'} of the map not "
                     "visible to the bot, so not checked: give the bot View Channels there")
    return "\n".join(lines)

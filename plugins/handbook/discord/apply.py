"""Carry out a plan against the server, in order, one step at a time, and say what was done.

Each step is idempotent and the plan is recomputed from the server on every run, so an apply
that stops half-way (a crash, a refused permission, Ctrl-C) is finished by running it again.
A rename that Discord's 2-per-10-minutes sub-limit holds back longer than `--max-wait` is left
*pending* and the other steps go on; every other error stops the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from handbook.channelmap import rules
from handbook.discord.client import DiscordClient, DiscordError, RateLimited
from handbook.discord.plan import Operation, Plan

REASON_PREFIX = "handbook discord apply"


@dataclass
class Outcome:
    done: list[Operation] = field(default_factory=list)
    pending: list[tuple[Operation, str]] = field(default_factory=list)
    failed: tuple[Operation, str] | None = None
    not_started: list[Operation] = field(default_factory=list)
    created: list[dict] = field(default_factory=list)
    """What the map should now record: `{what, map_category, map_name, id, name}`."""

    @property
    def complete(self) -> bool:
        return not self.pending and self.failed is None and not self.not_started


class _Blocked(Exception):
    """A step needs something an earlier step did not create."""


class Applier:
    def __init__(self, client: DiscordClient, guild_id: str,
                 progress: Callable[[int, int, Operation, str], None] | None = None) -> None:
        self.client, self.guild_id = client, guild_id
        self.progress = progress or (lambda *args: None)
        self.refs: dict[str, str] = {}
        self.outcome = Outcome()

    def resolve(self, ref: str | None) -> str | None:
        if ref is None:
            return None
        if rules.is_snowflake(ref):
            return ref
        if ref in self.refs:
            return self.refs[ref]
        raise _Blocked(f"{ref.split(':', 1)[1]} was not created")

    def reason(self, op: Operation) -> str:
        return f"{REASON_PREFIX}: {op.op} {op.name}" + (f" ({op.reason})" if op.reason else "")

    def overwrites_payload(self, changes: list[dict]) -> list[dict]:
        return [{"id": self.resolve(c["ref"]), "type": c["type"], "allow": str(c["allow"]), "deny": str(c["deny"])}
                for c in changes if c["allow"] or c["deny"]]

    def run(self, plan: Plan) -> Outcome:
        ops = plan.operations
        merged: set[int] = set()
        for index, op in enumerate(ops, 1):
            if index - 1 in merged:
                self.outcome.done.append(op)
                self.progress(index, len(ops), op, "done (sent with the step before)")
                continue
            self.progress(index, len(ops), op, "start")
            try:
                extra = self.step(op, ops, index - 1, merged)
            except RateLimited as err:
                self.outcome.pending.append((op, f"Discord asks to wait {err.retry_after:.0f} s"))
                self.progress(index, len(ops), op, f"pending: Discord asks to wait {err.retry_after:.0f} s")
                continue
            except _Blocked as err:
                self.outcome.pending.append((op, str(err)))
                self.progress(index, len(ops), op, f"skipped: {err}")
                continue
            except DiscordError as err:
                self.outcome.failed = (op, str(err))
                self.outcome.not_started = ops[index:]
                self.progress(index, len(ops), op, "failed")
                break
            self.outcome.done.append(op)
            self.progress(index, len(ops), op, extra or "done")
        return self.outcome

    def step(self, op: Operation, ops: list[Operation], position: int, merged: set[int]) -> str | None:
        client, reason, data = self.client, self.reason(op), op.data
        what = f"{op.op} {op.name}"
        if op.op == "create-role":
            role = client.create_role(self.guild_id, data["payload"], reason=reason, what=what)
            self.refs[data["key"]] = role["id"]
            self.outcome.created.append({"what": "role", "map_name": op.name, "id": role["id"], "name": role["name"]})
        elif op.op in ("create-category", "create"):
            payload = dict(data["payload"])
            overwrites = self.overwrites_payload(data.get("overwrites") or [])
            if overwrites:
                payload["permission_overwrites"] = overwrites
            if op.op == "create" and data.get("parent"):
                payload["parent_id"] = self.resolve(data["parent"])
            channel = client.create_channel(self.guild_id, payload, reason=reason, what=what)
            self.refs[data["key"]] = channel["id"]
            self.outcome.created.append({
                "what": "category" if op.op == "create-category" else "channel",
                "map_category": data.get("map_category"), "map_name": data.get("map_name"),
                "old_id": data.get("old_id"), "id": channel["id"], "name": channel["name"]})
            return f"done (id {channel['id']})"
        elif op.op in ("rename-category", "rename", "set-topic"):
            payload = dict(data["payload"])
            # name and topic in one PATCH: both count against the 2-per-10-minutes limit
            for later in range(position + 1, len(ops)):
                other = ops[later]
                if other.id == op.id and other.op in ("rename", "set-topic") and later not in merged:
                    payload.update(other.data["payload"])
                    merged.add(later)
            channel = client.modify_channel(op.id, payload, reason=reason, what=what)
            if "name" in payload:
                self.outcome.created.append({"what": "rename", "id": op.id, "name": channel["name"]})
        elif op.op == "move":
            self.move(op.id, self.resolve(data["parent"]), reason, what)
        elif op.op == "archive":
            if data.get("parent"):
                self.move(op.id, self.resolve(data["parent"]), reason, what)
            self.overwrites(op.id, data["changes"], reason, what)
        elif op.op == "set-permissions":
            self.overwrites(self.resolve(data["ref"]), data["changes"], reason, what)
        elif op.op == "delete":
            client.delete_channel(op.id, reason=reason, what=what)
        elif op.op == "reorder":
            self.reorder(op, reason, what)
        else:  # pragma: no cover - the planner makes only the operations above
            raise ValueError(op.op)
        return None

    def move(self, channel_id: str, parent_id: str | None, reason: str, what: str) -> None:
        # One parent change per call (40009). No lock_permissions: syncing with the new category
        # would replace a private channel's overwrites with the category's (permission overwrites are per channel: https://discord.com/developers/docs/topics/permissions#permission-overwrites).
        self.client.reorder_channels(self.guild_id, [{"id": channel_id, "parent_id": parent_id,
                                                      "lock_permissions": False}], reason=reason, what=what)

    def overwrites(self, channel_id: str, changes: list[dict], reason: str, what: str) -> None:
        for change in changes:
            target = self.resolve(change["ref"])
            if change["allow"] or change["deny"]:
                self.client.put_overwrite(channel_id, target, type=change["type"], allow=change["allow"],
                                          deny=change["deny"], reason=reason, what=what)
            else:
                self.client.delete_overwrite(channel_id, target, reason=reason, what=what)

    def reorder(self, op: Operation, reason: str, what: str) -> None:
        wanted = [self.resolve(ref) for ref in op.data["order"]]
        channels = self.client.channels(self.guild_id)  # fresh: moves and creates came before
        parent = self.resolve(op.data["parent"])
        if parent is None:
            siblings = [c for c in channels if c["type"] == rules.CATEGORY_TYPE]
        else:
            siblings = [c for c in channels if c.get("parent_id") == parent and c["type"] != rules.CATEGORY_TYPE]
        siblings.sort(key=lambda c: (c.get("position") or 0, int(c["id"])))
        rest = [c["id"] for c in siblings if c["id"] not in wanted]
        entries = [{"id": channel_id, "position": index} for index, channel_id in enumerate(wanted + rest)]
        self.client.reorder_channels(self.guild_id, entries, reason=reason, what=what)


def render_outcome(outcome: Outcome) -> str:
    lines = [f"Applied {len(outcome.done)} change{'s' if len(outcome.done) != 1 else ''}."]
    if outcome.pending:
        lines.append(f"{len(outcome.pending)} pending (run `handbook discord apply` again later):")
        lines += [f"  - {op.describe()}: {why}" for op, why in outcome.pending]
    if outcome.failed:
        op, why = outcome.failed
        lines.append(f"Stopped at: {op.describe()}")
        lines.append(f"  {why}")
        if outcome.not_started:
            lines.append(f"{len(outcome.not_started)} more not started; fix the cause and run "
                         "`handbook discord apply` again to finish the rest.")
    return "\n".join(lines)

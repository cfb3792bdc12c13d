"""Carry out a plan against the server, in order, one step at a time, and say what was done.

Each step is idempotent and the plan is recomputed from the server on every run, so an apply
that stops half-way (a crash, a refused permission, Ctrl-C) is finished by running it again.
A rename that Discord's 2-per-10-minutes sub-limit holds back longer than `--max-wait` is left
*pending* and the other steps go on; every other error stops the run. A create whose answer is
lost (a 5xx, a dropped connection) is looked for on the server before it is sent again, so one
apply never makes two channels or roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, overload

from handbook.channelmap import rules
from handbook.discord.client import DiscordClient, DiscordError, RateLimited, UncertainWrite
from handbook.discord.operations import (Archive, Create, CreateCategory, CreateChannel, CreateRole, Delete,
                                         Move, Operation, OverwriteChange, Patch, Recorded, Ref, Reorder,
                                         SetPermissions)
from handbook.discord.apply_server import send_server_operation
from handbook.discord.plan import Plan
from handbook.discord.server_operations import ServerOperation

REASON_PREFIX = "handbook discord apply"


@dataclass
class ApplyOutcome:
    """What a run of `apply` did: each step done, pending (rate-limited or blocked), failed or not started."""

    done: list[Operation] = field(default_factory=list)
    pending: list[tuple[Operation, str]] = field(default_factory=list)
    failed: tuple[Operation, str] | None = None
    not_started: list[Operation] = field(default_factory=list)
    created: list[Recorded] = field(default_factory=list)
    """What the map should now record."""

    def interrupted(self, operations: list[Operation], why: str) -> ApplyOutcome:
        """This outcome of a run stopped from outside (Ctrl-C, a closed output): it stopped at the
        first step not yet handled, and the rest was not started."""
        if self.failed is None:
            handled = len(self.done) + len(self.pending)
            if handled < len(operations):
                self.failed = (operations[handled], why)
                self.not_started = operations[handled + 1:]
        return self


class _Blocked(Exception):
    """A step needs something an earlier step did not create."""


class Applier:
    """Runs a plan's operations in order. `known_ids` are the ids the plan was made from: after a
    create that may or may not have happened, a new object with the right name is the one it made."""

    def __init__(self, client: DiscordClient, guild_id: str,
                 progress: Callable[[int, int, Operation, str], None] | None = None,
                 known_ids: set[str] | None = None) -> None:
        self.client, self.guild_id = client, guild_id
        self.progress = progress or (lambda *args: None)
        self.ids: dict[Create, str] = {}
        """The id each create of this run got."""
        self.known_ids = set(known_ids or ())
        self.outcome = ApplyOutcome()

    @overload
    def resolve(self, ref: Ref) -> str: ...

    @overload
    def resolve(self, ref: None) -> None: ...

    @overload
    def resolve(self, ref: Ref | None) -> str | None: ...

    def resolve(self, ref: Ref | None) -> str | None:
        if ref is None or isinstance(ref, str):
            return ref
        if ref.creator in self.ids:
            return self.ids[ref.creator]
        raise _Blocked(f"{ref} was not created")

    def reason(self, op: Operation) -> str:
        return f"{REASON_PREFIX}: {op.op} {op.name}" + (f" ({op.reason})" if op.reason else "")

    def overwrites_payload(self, changes: list[OverwriteChange]) -> list[dict]:
        return [{"id": self.resolve(c.ref), "type": c.type, "allow": str(c.allow), "deny": str(c.deny)}
                for c in changes if not c.removes]

    def run(self, plan: Plan) -> ApplyOutcome:
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
        client, reason, what = self.client, self.reason(op), f"{op.op} {op.name}"
        if isinstance(op, ServerOperation):  # settings, onboarding, welcome screen, AutoMod
            return send_server_operation(client, self.guild_id, op, resolve=self.resolve, reason=reason,
                                         created=self.outcome.created)
        if isinstance(op, CreateRole):
            new_role = {"name": op.name, "permissions": "0", "mentionable": False}
            role, note = self.create(op, lambda: client.create_role(self.guild_id, new_role, reason=reason, what=what))
            self.outcome.created.append(Recorded("role", role["id"], name=role["name"], map_name=op.name))
            return note
        if isinstance(op, (CreateCategory, CreateChannel)):
            payload: dict[str, Any] = {"name": op.category_name if isinstance(op, CreateCategory) else op.channel_name,
                             "type": rules.CATEGORY_TYPE if isinstance(op, CreateCategory) else op.channel_type}
            if isinstance(op, CreateChannel):
                if op.topic:
                    payload["topic"] = op.topic
                if op.parent is not None:
                    payload["parent_id"] = self.resolve(op.parent)
            overwrites = self.overwrites_payload(op.overwrites)
            if overwrites:
                payload["permission_overwrites"] = overwrites
            channel, note = self.create(op, lambda: client.create_channel(self.guild_id, payload, reason=reason,
                                                                          what=what))
            if isinstance(op, CreateCategory):
                if op.map_category:
                    self.outcome.created.append(Recorded("category", channel["id"], name=channel["name"],
                                                         map_category=op.map_category, old_id=op.old_id))
            else:
                self.outcome.created.append(Recorded("channel", channel["id"], name=channel["name"],
                                                     map_category=op.map_category, map_name=op.map_name,
                                                     old_id=op.old_id))
            return f"{note} (id {channel['id']})" if note != "done" else f"done (id {channel['id']})"
        if isinstance(op, Patch):
            fields = dict(op.payload())
            # name and topic in one PATCH: both count against the 2-per-10-minutes limit
            for later in range(position + 1, len(ops)):
                other = ops[later]
                if other.id == op.id and isinstance(other, Patch) and later not in merged:
                    fields.update(other.payload())
                    merged.add(later)
            channel = client.modify_channel(op.id, fields, reason=reason, what=what)
            if "name" in fields:
                self.outcome.created.append(Recorded("rename", op.id, name=channel["name"]))
        elif isinstance(op, Move):
            self.move(op.id, self.resolve(op.parent), reason, what)
        elif isinstance(op, Archive):
            if op.parent is not None:
                self.move(op.id, self.resolve(op.parent), reason, what)
            self.overwrites(op.id, op.changes, reason, what)
        elif isinstance(op, SetPermissions):
            self.overwrites(op.id, op.changes, reason, what)
        elif isinstance(op, Delete):
            client.delete_channel(op.id, reason=reason, what=what)
        elif isinstance(op, Reorder):
            self.reorder(op, reason, what)
        else:  # pragma: no cover - the planner makes only the operations above
            raise ValueError(op.op)
        return None

    def create(self, op: Create, send: Callable[[], dict]) -> tuple[dict, str]:
        """Send a create; when Discord's answer is lost or a 5xx, look at the server before sending
        it again, so one apply never makes two of anything."""
        attempts = 0
        while True:
            try:
                made = send()
                note = "done"
                break
            except UncertainWrite as err:
                attempts += 1
                found = self.find_created(op)
                if found is not None:
                    made = found
                    note = f"done (Discord answered with an error, but the server shows it was made: {err.status or 'no answer'})"
                    break
                if attempts > self.client.retries:
                    raise DiscordError(f"{err} {attempts} times, and the server shows nothing made; try again later",
                                       status=err.status, method=err.method, route=err.route) from None
                self.client.sleep(self.client.backoff * 2 ** (attempts - 1))
        self.ids[op] = made["id"]
        self.known_ids.add(made["id"])
        return made, note

    def find_created(self, op: Create) -> dict | None:
        """The object `op` would have made, if the server now has one it did not have before."""
        if isinstance(op, CreateRole):
            found = [r for r in self.client.roles(self.guild_id) if r["name"] == op.name]
        else:
            if isinstance(op, CreateCategory):
                kind, name, parent = rules.CATEGORY_TYPE, op.category_name, None
            elif isinstance(op, CreateChannel):
                kind, name, parent = op.channel_type, op.channel_name, self.resolve(op.parent)
            else:  # pragma: no cover - roles, categories and channels are all that is created
                raise ValueError(op.op)
            found = [c for c in self.client.channels(self.guild_id) if c["type"] == kind
                     and c.get("parent_id") == parent
                     and (rules.same_channel_name(c["name"], name, "voice" if kind in rules.VOICE_LIKE_TYPES
                                                  or kind == rules.CATEGORY_TYPE else "prompt"))]
        new = [item for item in found if item["id"] not in self.known_ids]
        return new[0] if new else None

    def move(self, channel_id: str, parent_id: str | None, reason: str, what: str) -> None:
        # One parent change per call (40009). No lock_permissions: syncing with the new category
        # would replace a private channel's overwrites with the category's (permission overwrites are per channel: https://discord.com/developers/docs/topics/permissions#permission-overwrites).
        self.client.reorder_channels(self.guild_id, [{"id": channel_id, "parent_id": parent_id,
                                                      "lock_permissions": False}], reason=reason, what=what)

    def overwrites(self, channel_id: str, changes: list[OverwriteChange], reason: str, what: str) -> None:
        for change in changes:
            target = self.resolve(change.ref)
            if not change.removes:
                self.client.put_overwrite(channel_id, target, type=change.type, allow=change.allow,
                                          deny=change.deny, reason=reason, what=what)
            else:
                self.client.delete_overwrite(channel_id, target, reason=reason, what=what)

    def reorder(self, op: Reorder, reason: str, what: str) -> None:
        wanted = [self.resolve(ref) for ref in op.order]
        channels = self.client.channels(self.guild_id)  # fresh: moves and creates came before
        if op.categories:
            siblings = [c for c in channels if c["type"] == rules.CATEGORY_TYPE]
        else:
            parent = self.resolve(op.parent)
            siblings = [c for c in channels if c.get("parent_id") == parent and c["type"] != rules.CATEGORY_TYPE]
        siblings.sort(key=lambda c: (c.get("position") or 0, int(c["id"])))
        entries = [{"id": channel_id, "position": index}
                   for index, channel_id in enumerate(keep_places([c["id"] for c in siblings], wanted))]
        self.client.reorder_channels(self.guild_id, entries, reason=reason, what=what)


def keep_places(current: list[str], wanted: list[str]) -> list[str]:
    """The new order of siblings: what the map does not list keeps its place, the places of what it
    lists take the map's order, and what is not among them yet is appended."""
    listed, order = set(wanted), iter(wanted)
    placed = [next(order) if item in listed else item for item in current]
    return placed + list(order)


def render_outcome(outcome: ApplyOutcome) -> str:
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

"""The channel map and a server's state in, the ordered operations that make them agree out. Pure.

Identity is the Discord id once the map has it; before the first `pull` a channel is matched by its
normalised name and kind (Discord rewrites text channel names, so bytes are never compared and a name
Discord rewrites never loops). A different name on the same id is a rename (one PATCH), never delete +
create. Order is compared as order, never as position numbers. Channels the bot cannot see are
counted, never changed. Channels on the server but not in the map are kept unless `allow_delete`.

Phases, in this order (roles exist before an overwrite names them, categories before their channels): roles,
categories, channels (renames and topics, then creates), moves and archiving, permissions, deletes, order, then the
server's own settings, onboarding, welcome screen and AutoMod (`plan_server`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from handbook.channelmap import rules
from handbook.channelmap.model import Channel, ChannelMap, DiscordCategory
from handbook.checks.matching import is_near_name
from handbook.discord.access import Access, change_reason, current_access, desired_overwrites
from handbook.discord.operations import (Archive, CreateCategory, CreateChannel, CreateRole, Delete, Move, Operation,
                                         OverwriteChange, Recorded, Ref, Rename, RenameCategory, Reorder, SetPermissions, SetTopic)
from handbook.discord.permissions import BOT_PERMISSIONS
from handbook.discord.plan_server import plan_server
from handbook.discord.state import ServerState

DEFAULT_ARCHIVE = "Archive"
MAPPABLE_TYPES = frozenset({*rules.CHANNEL_TYPES, rules.CATEGORY_TYPE})
"""Channel types a map can describe; any other (directory, media) is never deleted."""
_Op = TypeVar("_Op", bound=Operation)


@dataclass
class Blocked:
    """A step of the plan the bot's current permissions cannot do."""

    step: int
    """Its number in the plan, from 1."""
    operation: Operation
    missing: list[str]

    def describe(self) -> str:
        return f"step {self.step}: {self.operation.op} {self.operation.name}"

    def as_dict(self) -> dict:
        return {"step": self.step, "op": self.operation.op, "name": self.operation.name, "missing": self.missing}


@dataclass
class Plan:
    operations: list[Operation]
    hidden: int = 0
    kept: list[str] = field(default_factory=list)
    """Channels on the server that the map does not list, kept as they are."""
    notes: list[str] = field(default_factory=list)
    """Things the plan cannot do, said once each (a change of channel type, a role rename)."""
    adopted: list[Recorded] = field(default_factory=list)
    """Map entries matched by name, not id: `apply` records their ids so a later rename in the map stays a rename."""
    questions: list[str] = field(default_factory=list)
    """Map entries the plan creates nothing for until the map says which channel they are: the
    server has an unlinked channel of a close name (`#tool` for `#tools`)."""
    blocked: list[Blocked] = field(default_factory=list)
    """Steps the bot's permissions cannot do: `apply` refuses to start while there are any."""
    missing: list[str] = field(default_factory=list)
    """The permissions those steps need and the bot lacks."""
    bot_permissions: int = BOT_PERMISSIONS  # the map's set, more when it manages the server (`plan_server`)

    def as_dict(self) -> dict:
        return {"operations": [op.as_dict() for op in self.operations], "hidden": self.hidden,
                "questions": self.questions, "blocked": [b.as_dict() for b in self.blocked],
                "missing_permissions": self.missing}

    def permission_fix(self) -> str:
        """The one thing to do so that every step can run."""
        return (f"give the bot's role {_and(self.missing)} in Server Settings → Roles (`handbook discord invite` "
                f"lists all {self.bot_permissions.bit_count()} the bot needs: permissions={self.bot_permissions})")

    def permission_problem(self, most: int = 5) -> str:
        """Which permissions the bot lacks, and the steps (up to `most` of them) that need them."""
        shown = ", ".join(b.describe() for b in self.blocked[:most])
        shown += f" and {len(self.blocked) - most} more" if len(self.blocked) > most else ""
        return f"the bot lacks {_and(self.missing)}, which {len(self.blocked)} of these changes need ({shown})"


def _and(names: list[str]) -> str:
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def label(name: str, kind_or_type: str | int) -> str:
    kind = kind_or_type if isinstance(kind_or_type, str) else rules.TYPE_TO_KIND.get(kind_or_type, "prompt")
    return f"#{name}" if rules.is_text_like(kind) else f"🔊{name}"


def archive_category_name(channel_map: ChannelMap) -> str:
    server = (channel_map.document or {}).get("server") or {}
    value = server.get("archive_category") if isinstance(server, dict) else None
    return str(value) if value else DEFAULT_ARCHIVE


# --- planning -------------------------------------------------------------------------------


class _Planner:
    def __init__(self, channel_map: ChannelMap, state: ServerState, allow_delete: bool) -> None:
        self.map, self.state, self.allow_delete = channel_map, state, allow_delete
        self.ops: list[Operation] = []
        self.plan = Plan(operations=self.ops)
        self.claimed: set[str] = set()
        self.role_names = {r["id"]: r["name"] for r in state.roles}
        self.map_roles: dict[str, Ref] = {}
        self.archive_name = archive_category_name(channel_map)
        self.archive_ref: Ref | None = None
        self.cat_ref: dict[str, Ref] = {}
        """Map category name → server id, or the `Pending` creation of it."""
        listed = {c["id"] for c in state.channels}
        self.reserved = {i for i in [cat.id for cat in channel_map.discord_categories]
                         + [ch.id for ch in channel_map.channels()] if i in listed}
        """Server ids some map entry names: never matched to another entry by name."""
        self.entry_by_id = {ch.id: ch for ch in channel_map.channels() if ch.id}

    def add(self, operation: _Op) -> _Op:
        self.ops.append(operation)
        return operation

    # roles: created if missing, matched by id then name, never deleted
    def roles(self) -> None:
        by_id = self.state.role_by_id()
        for role in self.map.roles:
            found = by_id.get(role.id or "") or next((r for r in self.state.roles if r["name"] == role.name), None)
            if found:
                self.map_roles[role.name] = found["id"]
                if role.id != found["id"]:
                    self.plan.adopted.append(Recorded("role", found["id"], map_name=role.name))
                if found["name"] != role.name:
                    self.plan.notes.append(f"role {role.name} is called {found['name']} on the server; "
                                           "handbook never renames roles: rename it in Discord or in the map")
            else:
                create = self.add(CreateRole(name=role.name, reason="listed in the map, not on the server"))
                self.map_roles[role.name] = create.pending

    def access(self, visibility: str, roles: list[str], read_only: int = 0) -> Access:
        return Access(visibility == "private", list(roles) if visibility == "private" else [], read_only)

    def overwrites_for_new(self, access: Access) -> list[OverwriteChange]:
        return desired_overwrites([], self.state.guild_id, access, unlock=False, map_roles=self.map_roles,
                                  bot_id=self.state.bot_user_id)

    def overwrite_changes(self, server: dict, access: Access, *, unlock: bool = False) -> list[OverwriteChange]:
        """What the server channel's permission overwrites must change to give `access`."""
        overwrites = server.get("permission_overwrites") or []
        # The bot sees what it creates (A10), and keeps sight of a channel it makes private;
        # a private channel it already sees (through a role) needs no overwrite of its own.
        becoming_private = access.private and not rules.is_private_overwrites(overwrites, self.state.guild_id)
        return desired_overwrites(overwrites, self.state.guild_id, access, unlock=unlock, map_roles=self.map_roles,
                                  bot_id=self.state.bot_user_id if becoming_private else None)

    def permissions(self, name: str, server: dict, access: Access, *, unlock: bool = False,
                    reason: str = "") -> list[OverwriteChange]:
        overwrites = server.get("permission_overwrites") or []
        changes = self.overwrite_changes(server, access, unlock=unlock)
        if changes:
            before = current_access(overwrites, self.state.guild_id, self.role_names)
            self.add(SetPermissions(name=name, id=server["id"], from_=before.describe(), to=access.describe(),
                                    reason=reason or change_reason(changes), changes=changes))
        return changes

    def match_category(self, cat: DiscordCategory) -> dict | None:
        if cat.id and cat.id in self.state.hidden:
            return None
        found = self.state.channel(cat.id)
        if found and found["type"] == rules.CATEGORY_TYPE:
            return found
        candidates = [c for c in self.state.categories() if c["id"] not in self.claimed | self.reserved]
        return (next((c for c in candidates if c["name"] == cat.name), None)
                or next((c for c in candidates if c["name"].casefold() == cat.name.casefold()), None))

    def match_channel(self, channel: Channel, parent_id: Ref | None) -> dict | None:
        found = self.state.channel(channel.id)
        if found and found["type"] != rules.CATEGORY_TYPE:
            return found
        wanted = rules.normalize_channel_name(channel.name, channel.kind)
        compatible = rules.compatible_types(channel.type_kind)
        candidates = [c for c in self.state.channels if c["id"] not in self.claimed | self.reserved
                      and c["type"] in compatible and c["type"] != rules.CATEGORY_TYPE
                      and rules.normalize_channel_name(c["name"], channel.kind) == wanted]
        return (next((c for c in candidates if parent_id and c.get("parent_id") == parent_id), None)
                or (candidates[0] if candidates else None))

    def categories(self) -> None:
        for cat in self.map.discord_categories:
            if cat.id and cat.id in self.state.hidden:
                self.plan.hidden += 1
                self.cat_ref[cat.name] = cat.id
                continue
            server = self.match_category(cat)
            is_archive = cat.name == self.archive_name
            access = self.access(cat.visibility, cat.roles, rules.read_only_bits(None) if is_archive else 0)
            if server is None:
                if not any(not c.is_archived for c in cat.channels) and not is_archive:
                    continue
                reason = ("its id no longer exists on the server" if cat.id in self.state.deleted
                          else "listed in the map, not on the server")
                create = self.add(CreateCategory(name=f'"{cat.name}"', to=access.describe(), reason=reason,
                                                 category_name=cat.name, overwrites=self.overwrites_for_new(access),
                                                 map_category=cat.name, old_id=cat.id))
                self.cat_ref[cat.name] = create.pending
                continue
            self.claimed.add(server["id"])
            self.cat_ref[cat.name] = server["id"]
            if cat.id != server["id"]:
                self.plan.adopted.append(Recorded("category", server["id"], map_category=cat.name, old_id=cat.id))
            if server["name"] != cat.name:
                self.add(RenameCategory(name=f'"{cat.name}"', id=server["id"], from_=server["name"], to=cat.name,
                                        reason="renamed in the map"))
            self.permissions(f'category "{cat.name}"', server, access)

    def archive_category(self) -> Ref:
        """The archive category's id or pending creation, planned the first time it is needed."""
        if self.archive_ref:
            return self.archive_ref
        if self.archive_name in self.cat_ref:
            self.archive_ref = self.cat_ref[self.archive_name]
            return self.archive_ref
        access = Access(False, [], rules.read_only_bits(None))
        server = next((c for c in self.state.categories() if c["name"] == self.archive_name), None)
        if server:
            self.claimed.add(server["id"])
            self.archive_ref = server["id"]
            self.permissions(f'category "{self.archive_name}"', server, access, reason="the archive is read-only")
        else:
            create = self.add(CreateCategory(name=f'"{self.archive_name}"', to=access.describe(),
                                             reason="archived channels move here", category_name=self.archive_name,
                                             overwrites=self.overwrites_for_new(access)))
            self.archive_ref = create.pending
        self.cat_ref.setdefault(self.archive_name, self.archive_ref)
        return self.archive_ref

    def parent_name(self, parent_id: str | None) -> str | None:
        parent = self.state.channel(parent_id)
        return parent["name"] if parent else None

    def channels(self) -> list[tuple[DiscordCategory, list[tuple[Channel, Ref]]]]:
        """Plan each channel; returns, per category, its active channels with their id or creation."""
        order: list[tuple[DiscordCategory, list[tuple[Channel, Ref]]]] = []
        for cat in self.map.discord_categories:
            in_order: list[tuple[Channel, Ref]] = []
            parent_ref = self.cat_ref.get(cat.name)
            for channel in cat.channels:
                if channel.id and channel.id in self.state.hidden:
                    self.plan.hidden += 1
                    continue
                server = self.match_channel(channel, parent_ref)
                if server:
                    self.claimed.add(server["id"])
                    if channel.id != server["id"]:
                        self.plan.adopted.append(Recorded("channel", server["id"], map_category=cat.name,
                                                          map_name=channel.name, old_id=channel.id))
                if channel.is_archived:
                    if server:
                        self.archive(channel, server)
                    continue
                if server is None:
                    near = self.near_existing(channel) if channel.adopt else None
                    if near is not None:
                        self.ask_about(channel, near)
                        continue
                    in_order.append((channel, self.create(cat, channel, parent_ref).pending))
                else:
                    in_order.append((channel, server["id"]))
                    self.update(cat, channel, server, parent_ref)
            order.append((cat, in_order))
        return order

    def near_existing(self, channel: Channel) -> dict | None:
        """A server channel of a name close to `channel`'s that no handbook category owns (nor the
        archive, nor `adopt: false`): likely the channel the entry means, so creating one would make
        a near-duplicate (`#tools` beside `#tool`)."""
        compatible = rules.compatible_types(channel.type_kind)
        for server in self.state.channels:
            entry = self.entry_by_id.get(server["id"])
            owned = entry is not None and (entry.category or entry.is_archived or not entry.adopt)
            if server["type"] in compatible and not owned and is_near_name(channel.name, server["name"]):
                return server
        return None

    def ask_about(self, channel: Channel, near: dict) -> None:
        wanted = label(rules.normalize_channel_name(channel.name, channel.kind), channel.kind)
        shown = label(near["name"], near["type"])
        entry = self.entry_by_id.get(near["id"])
        own = f" and delete its entry on line {entry.line}" if entry else ""
        self.plan.questions.append(
            f"{wanted} (map line {channel.line}) is not on the server, but {shown} is, with a close name: apply "
            f"creates no {wanted} until the map says which it is. If {shown} is that channel, add "
            f'`id: "{near["id"]}"` to the entry on line {channel.line}{own} (apply then renames {shown}, keeping '
            f"its messages); if it is another channel, add `adopt: false` to the entry on line {channel.line}")

    def create(self, cat: DiscordCategory, channel: Channel, parent_ref: Ref | None) -> CreateChannel:
        name = rules.normalize_channel_name(channel.name, channel.kind)
        access = self.access(channel.visibility, channel.roles)
        channel_type = rules.KIND_TO_TYPE[channel.type_kind]
        reason = ("its id no longer exists on the server" if channel.id in self.state.deleted
                  else "listed in the map, not on the server")
        if channel_type == rules.ANNOUNCEMENT_TYPE and not self.state.has_news:
            channel_type = rules.TEXT_TYPE
            reason += "; as a text channel: announcement channels need a Community server"
            self.plan.notes.append(
                f"#{name} is `kind: announcement` (map line {channel.line}), but announcement channels need "
                f"the server's `{rules.NEWS_FEATURE}` feature (Server Settings → Enable Community); apply "
                "creates a text channel instead, which Discord can turn into an announcement channel later")
        if access.private:
            reason += f"; {access.describe()}, the bot may view"
        topic = channel.topic if channel.topic and channel.kind not in rules.KINDS_WITHOUT_TOPIC else None
        return self.add(CreateChannel(name=label(name, channel.kind), to=cat.name, reason=reason, channel_name=name,
                                      channel_type=channel_type, topic=topic, parent=parent_ref,
                                      overwrites=self.overwrites_for_new(access), map_category=cat.name,
                                      map_name=channel.name, old_id=channel.id))

    def update(self, cat: DiscordCategory, channel: Channel, server: dict, parent_ref: Ref | None) -> None:
        shown = label(server["name"], server["type"])
        if server["type"] not in rules.compatible_types(channel.type_kind):
            self.plan.notes.append(f"{shown} is a {rules.TYPE_TO_KIND.get(server['type'], 'other')} channel on the "
                                   f"server but `kind: {channel.kind}` in the map; Discord cannot change that "
                                   "without deleting the channel and its history, so handbook leaves it")
        wanted = rules.normalize_channel_name(channel.name, channel.kind)
        if not rules.same_channel_name(server["name"], channel.name, channel.kind):
            self.add(Rename(name=shown, id=server["id"], from_=server["name"], to=wanted,
                            reason="same id, new name in the map"))
        if channel.topic is not None and channel.kind not in rules.KINDS_WITHOUT_TOPIC:
            if (server.get("topic") or "") != channel.topic:
                self.add(SetTopic(name=label(wanted, channel.kind), id=server["id"], from_=server.get("topic") or "",
                                  to=channel.topic, reason="topic differs from the map"))
        leaving_archive = False
        if server.get("parent_id") != parent_ref:
            leaving_archive = self.parent_name(server.get("parent_id")) == self.archive_name
            self.add(Move(name=label(wanted, channel.kind), id=server["id"],
                          from_=self.parent_name(server.get("parent_id")), to=cat.name, parent=parent_ref,
                          reason="in another category in the map" + (" (back from the archive)" if leaving_archive
                                                                      else "")))
        self.permissions(label(wanted, channel.kind), server, self.access(channel.visibility, channel.roles),
                         unlock=leaving_archive)

    def archive(self, channel: Channel, server: dict) -> None:
        target = self.archive_category()
        read_only = rules.read_only_bits(server["type"])
        changes = self.overwrite_changes(server, self.access(channel.visibility, channel.roles, read_only))
        moving = server.get("parent_id") != target
        if moving or changes:
            self.add(Archive(name=label(server["name"], server["type"]), id=server["id"],
                             from_=self.parent_name(server.get("parent_id")), to=self.archive_name,
                             reason="status: archived in the map; moved and made read-only, never deleted",
                             parent=target if moving else None, changes=changes, denied=read_only))

    def extras(self) -> None:
        """Channels on the server that the map does not list: kept, or deleted with allow_delete."""
        archive_id = self.archive_ref if isinstance(self.archive_ref, str) else None
        extra = [c for c in self.state.channels if c["id"] not in self.claimed]
        channels = [c for c in extra if c["type"] != rules.CATEGORY_TYPE]
        categories = [c for c in extra if c["type"] == rules.CATEGORY_TYPE
                      and c["name"] != self.archive_name and c["id"] != archive_id]
        for server in channels + categories:
            shown = label(server["name"], server["type"]) if server["type"] != rules.CATEGORY_TYPE \
                else f'category "{server["name"]}"'
            if server["id"] in self.state.protected:
                self.plan.kept.append(f"{shown} (Discord requires it in a Community server)")
            elif server["type"] not in MAPPABLE_TYPES:
                self.plan.kept.append(f"{shown} (a kind of channel the map does not manage)")
            elif self.allow_delete:
                self.add(Delete(name=shown, id=server["id"], from_=self.parent_name(server.get("parent_id")),
                                reason="on the server, not in the map (--allow-delete); this cannot be undone"))
            else:
                self.plan.kept.append(shown)

    def order(self, order: list[tuple[DiscordCategory, list[tuple[Channel, Ref]]]]) -> None:
        def voice_last(pair: tuple[Channel, Ref]) -> bool:
            return rules.KIND_TO_TYPE[pair[0].kind] in rules.VOICE_LIKE_TYPES

        for cat, channels in order:
            parent = self.cat_ref.get(cat.name)
            if parent is None or (parent in self.state.hidden):
                continue
            ordered = sorted(channels, key=voice_last)
            wanted = [ref for _, ref in ordered]
            on_server = self.state.children(parent) if isinstance(parent, str) else []
            current = [c["id"] for c in on_server if c["id"] in wanted]
            if current != wanted:  # a channel created or moved here is missing from `current`
                names = [label(rules.normalize_channel_name(ch.name, ch.kind), ch.kind) for ch, _ in ordered]
                before = [label(c["name"], c["type"]) for c in on_server if c["id"] in wanted]
                self.add(Reorder(name=f'channels of "{cat.name}"', id=parent if isinstance(parent, str) else None,
                                 from_=before, to=names, reason="order differs from the map", parent=parent,
                                 order=wanted))
        shown = [c for c in self.map.discord_categories if c.name in self.cat_ref
                 and self.cat_ref[c.name] not in self.state.hidden]
        wanted_cats = [self.cat_ref[c.name] for c in shown]
        current_cats = [c["id"] for c in self.state.categories() if c["id"] in wanted_cats]
        if current_cats != wanted_cats:
            before = [f'"{c["name"]}"' for c in self.state.categories() if c["id"] in wanted_cats]
            self.add(Reorder(name="categories", from_=before, to=[f'"{c.name}"' for c in shown],
                             reason="order differs from the map", order=wanted_cats, categories=True))


def plan(channel_map: ChannelMap, state: ServerState, *, allow_delete: bool = False) -> Plan:
    """The operations that make the server match the map, in the order they must run."""
    planner = _Planner(channel_map, state, allow_delete)
    planner.roles()
    planner.categories()
    order = planner.channels()
    planner.extras()
    planner.order(order)
    plan_server(planner.plan, channel_map, state, order, planner.map_roles)  # settings, onboarding, AutoMod
    planner.ops.sort(key=lambda op: op.phase)  # stable: keeps map order inside a phase
    check_permissions(planner.plan, state)
    return planner.plan


def check_permissions(result: Plan, state: ServerState) -> None:
    """Find the steps the bot's server-wide permissions cannot do, before anything is sent; say once what they need."""
    needed = 0
    for step, op in enumerate(result.operations, 1):
        missing = state.missing_permissions(op.permissions_needed())
        if missing:
            result.blocked.append(Blocked(step, op, missing))
            needed |= op.permissions_needed()
    result.missing = state.missing_permissions(needed) if result.blocked else []
    if result.blocked:
        result.notes.append(f"{result.permission_problem()}: apply would stop. Fix: {result.permission_fix()}")


def render_text(result: Plan, server_name: str | None = None) -> str:
    lines = []
    where = f" on {server_name}" if server_name else ""
    if result.operations:
        lines.append(f"{len(result.operations)} change{'s' if len(result.operations) != 1 else ''} "
                     f"would make the server match the map{where}:")
        lines += [f"  {index:>3}. {op.describe()}" for index, op in enumerate(result.operations, 1)]
    else:
        lines.append(f"The server matches the map{where}: nothing to change.")
    if result.hidden:
        lines.append(f"{result.hidden} channel{'s' if result.hidden != 1 else ''} not visible to the bot "
                     "(private; left as they are: give the bot View Channels there to manage them)")
    if result.kept:
        lines.append(f"Kept: {len(result.kept)} on the server but not in the map: {', '.join(result.kept)} "
                     "(add them with `handbook discord pull`, or remove them with `apply --allow-delete`)")
    if result.adopted:
        lines.append(f"{len(result.adopted)} map entr{'ies' if len(result.adopted) != 1 else 'y'} matched by name, "
                     "not id: `apply` (or `pull`) records their ids, so that renaming them later keeps the channel")
    lines += [f"Question: {question}" for question in result.questions]
    lines += [f"Note: {note}" for note in result.notes]
    return "\n".join(lines)

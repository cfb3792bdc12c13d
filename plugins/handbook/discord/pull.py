"""Merge a server's state into the channel map's round-trip YAML document. Pure: no I/O.

What the server knows is copied in: ids, the names Discord stores, topics, order, which Discord
category a channel is in, and visibility and roles derived from the permission overwrites.
Everything else a person wrote (comments, `kind`, `category`, `prompt`, `description`, unknown
keys) stays. A channel the bot cannot see is left as it is; one whose id Discord no longer knows
loses its id (and is said so), never its entry.

ruamel's round-trip loader reads every mapping as a `CommentedMap` (which keeps comments and
can `insert` a key in place), so that is what a map entry is tested for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from handbook.channelmap import rules
from handbook.channelmap.writer import header_comment
from handbook.discord.operations import Recorded
from handbook.discord.pull_server import merge_setup, record_automod_id
from handbook.discord.state import ServerState


@dataclass
class PullReport:
    changes: list[str] = field(default_factory=list)
    hidden: int = 0
    skipped: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    """Docs folders whose topic channel this pull linked."""

    def add(self, text: str) -> None:
        self.changes.append(text)


def _id(value: str) -> DoubleQuotedScalarString:
    return DoubleQuotedScalarString(value)


def _is_old_id(node: CommentedMap, item: Recorded) -> bool:
    """Whether `node` is the entry `item` was planned from: no id yet, or the stale id it had."""
    current = node.get("id")
    return rules.is_unset_id(current) or str(current) == str(item.old_id)


def _put_id(node: CommentedMap, value: str, *, after: str) -> None:
    _put_id_key(node, "id", value, after=after)


def _put_id_key(node: CommentedMap, key: str, value: str, *, after: str) -> None:
    if key in node or after not in node:
        node[key] = _id(value)
    else:
        node.insert(list(node).index(after) + 1, key, _id(value))


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def new_document(state: ServerState) -> CommentedMap:
    doc = CommentedMap()
    doc.yaml_set_start_comment(header_comment(state.guild_name or "the Discord server"))
    doc["server"] = CommentedMap([("name", state.guild_name or "Discord server"), ("guild_id", _id(state.guild_id))])
    doc["roles"] = CommentedSeq()
    doc["discord_categories"] = CommentedSeq()
    return doc


def _set(node: CommentedMap, key: str, value: Any, report: PullReport, what: str, *,
         after: str | tuple[str, ...] = ()) -> None:
    """Set `node[key]`; a new key goes right after the first of `after` the node has."""
    old = node.get(key)
    if key in node and _same(old, value):
        return  # keep the value as written, quotes and all
    anchor = next((a for a in ((after,) if isinstance(after, str) else after) if a in node), None)
    if key not in node and anchor is not None:
        node.insert(list(node).index(anchor) + 1, key, value)
    else:
        node[key] = value
    if key == "id":
        report.add(f"{what}: id {value}")
    elif old is None:
        report.add(f"{what}: {key} set")
    else:
        report.add(f"{what}: {key} {_short(old)} → {_short(value)}")


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == str(new)
    if isinstance(old, list) and isinstance(new, list):
        return [str(x) for x in old] == [str(x) for x in new]
    return old == new and type(old) is type(new)


def _in_order_of(names: list[str], like: list[str]) -> list[str]:
    """`names`, those also in `like` first and in its order, so a rewrite keeps a person's order."""
    return [n for n in like if n in names] + [n for n in names if n not in like]


def _drop(node: CommentedMap, key: str, report: PullReport, what: str) -> None:
    if key in node:
        del node[key]
        report.add(f"{what}: {key} removed (as on the server)")


def _short(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _same_channel(node: CommentedMap, server: dict) -> bool:
    """Whether a map entry and a server channel are one channel: the same id, or, while the entry
    has none, the same name as Discord stores it and a type its kind allows."""
    if not rules.is_unset_id(node.get("id")):
        return str(node.get("id")) == server["id"]
    kind = str(node.get("kind"))
    return (kind in rules.KIND_TO_TYPE and server["type"] in _pullable_types(kind)
            and rules.same_channel_name(str(node.get("name", "")), server["name"], kind))


def _pullable_types(kind: str) -> frozenset[int]:
    """The server channel types a map entry of `kind` can stand for: a topic channel may be a forum
    (`discussions: forum`, which pull writes when the server's is one)."""
    return rules.compatible_types(kind) | ({rules.FORUM_TYPE} if kind == "topic" else frozenset())


class _Merger:
    def __init__(self, document: CommentedMap, state: ServerState, archive_name: str,
                 topic_names: dict[str, str] | None = None) -> None:
        self.doc, self.state, self.archive_name = document, state, archive_name
        self.topic_names = dict(topic_names or {})
        """Channel name (normal form) → the handbook category (docs folder) that asks for it and has
        no topic channel in the map yet; a new entry of that name becomes its topic channel."""
        self.report = PullReport()
        self.role_name: dict[str, str] = {}
        """Server role id → the name the map uses."""

    def topic_folder(self, server: dict) -> str | None:
        """The docs folder a channel new to the map mirrors, claimed once."""
        if server["type"] not in rules.compatible_types("topic"):
            return None
        return self.topic_names.pop(rules.normalize_channel_name(server["name"], "topic"), None)

    def seq(self, node: CommentedMap, key: str) -> CommentedSeq:
        if not isinstance(node.get(key), list):
            node[key] = CommentedSeq()
        return node[key]

    def server(self) -> None:
        server = self.doc.get("server")
        if not isinstance(server, CommentedMap):
            server = CommentedMap()
            self.doc.insert(0, "server", server)
        if not server.get("name") and self.state.guild_name:
            _set(server, "name", self.state.guild_name, self.report, "server")
        if rules.is_unset_id(server.get("guild_id")):
            _set(server, "guild_id", _id(self.state.guild_id), self.report, "server")

    def roles(self) -> None:
        roles = self.seq(self.doc, "roles")
        on_server = {r["name"] for r in self.state.roles}
        for index, node in enumerate(list(roles)):
            if isinstance(node, str) and node in on_server:  # `- moderator` gains an id: a mapping now
                roles[index] = CommentedMap([("name", node)])
        nodes = [n for n in roles if isinstance(n, CommentedMap)]
        claimed: set[int] = set()
        server_roles = sorted((r for r in self.state.roles if r["id"] != self.state.guild_id),
                              key=lambda r: -int(r.get("position") or 0))
        renames: dict[str, str] = {}
        for role in server_roles:
            node = next((n for n in nodes if str(n.get("id")) == role["id"]), None) \
                or next((n for n in nodes if id(n) not in claimed and n.get("name") == role["name"]
                         and rules.is_unset_id(n.get("id"))), None)
            if node is None:
                if role.get("managed"):  # a bot's or integration's own role: not the community's
                    continue
                node = CommentedMap([("name", role["name"]), ("id", _id(role["id"]))])
                roles.append(node)
                self.report.add(f"role {role['name']}: added")
            else:
                if node.get("name") != role["name"]:
                    renames[str(node.get("name"))] = role["name"]
                    _set(node, "name", role["name"], self.report, f"role {node.get('name')}")
                _set(node, "id", _id(role["id"]), self.report, f"role {role['name']}", after="name")
            claimed.add(id(node))
            self.role_name[role["id"]] = role["name"]
        if renames:  # keep `roles: [...]` lists pointing at the renamed roles
            for cat in self.seq(self.doc, "discord_categories"):
                for node in [cat, *(cat.get("channels") or [])] if isinstance(cat, CommentedMap) else []:
                    if isinstance(node, CommentedMap) and isinstance(node.get("roles"), list):
                        for i, name in enumerate(node["roles"]):
                            if name in renames:
                                node["roles"][i] = renames[name]

    def access(self, channel: dict) -> tuple[str, list[str]]:
        overwrites = channel.get("permission_overwrites") or []
        if not rules.is_private_overwrites(overwrites, self.state.guild_id):
            return "open", []
        names = [self.role_name[i] for i in rules.roles_allowed_to_view(overwrites, self.state.guild_id)
                 if i in self.role_name]
        return "private", names

    def set_access(self, node: CommentedMap, access: tuple[str, list[str]], inherited: tuple[str, list[str]],
                   what: str) -> None:
        """Write the visibility and roles the overwrites give, only where they differ from what the
        node already says (its own keys, or what it inherits from its category)."""
        visibility, roles = access
        own_roles = [str(r) for r in node.get("roles") or []]
        effective = (str(node.get("visibility") or inherited[0]), own_roles or list(inherited[1]))
        if effective[0] == visibility and (visibility == "open" or set(effective[1]) == set(roles)):
            return
        if visibility != inherited[0]:
            _set(node, "visibility", visibility, self.report, what, after=("topic", "id", "kind", "name"))
        elif "visibility" in node:
            _drop(node, "visibility", self.report, what)
        if visibility == "private" and set(roles) != set(inherited[1] if inherited[0] == "private" else []):
            ordered = _in_order_of(roles, own_roles or list(inherited[1]))
            _set(node, "roles", _flow(ordered), self.report, what, after=("visibility", "topic", "id", "kind", "name"))
        elif own_roles:
            _drop(node, "roles", self.report, what)

    def categories(self) -> None:
        cats = self.seq(self.doc, "discord_categories")
        all_channels = [(cat, ch) for cat in cats if isinstance(cat, CommentedMap)
                        for ch in (cat.get("channels") or []) if isinstance(ch, CommentedMap)]
        order: list[CommentedMap] = []
        matched = self.match_categories(cats)
        for server in self.state.categories():
            node = matched.get(server["id"])
            what = f'category "{server["name"]}"'
            if node is None:
                node = CommentedMap([("name", server["name"]), ("id", _id(server["id"]))])
                node["channels"] = CommentedSeq()
                cats.append(node)
                self.report.add(f"{what}: added")
            else:
                _set(node, "name", server["name"], self.report, f'category "{node.get("name")}"')
                _set(node, "id", _id(server["id"]), self.report, what, after="name")
            order.append(node)
            access = self.access(server)
            self.set_access(node, access, ("open", []), what)
            self.channels(node, server, access, all_channels)
        self._reorder(cats, order)
        for cat in cats:
            if isinstance(cat, CommentedMap):
                self.forget_deleted(cat, f'category "{cat.get("name")}"')
                for ch in cat.get("channels") or []:
                    if isinstance(ch, CommentedMap):
                        self.forget_deleted(ch, f"#{ch.get('name')}")
        loose = [c for c in self.state.channels if c["type"] in rules.CHANNEL_TYPES and not c.get("parent_id")]
        self.report.skipped += [f"#{c['name']}" for c in loose]

    def match_categories(self, cats: CommentedSeq) -> dict[str, CommentedMap]:
        """Server category id → the map's entry for it: by id, then by name, then by the channels
        they share (a starter map's "Handbook Topics" whose channels the server keeps in "Topics"
        is that category), each pass over every category before the next."""
        nodes = [c for c in cats if isinstance(c, CommentedMap)]
        servers = self.state.categories()
        matched: dict[str, CommentedMap] = {}

        def free(node: CommentedMap) -> bool:
            return all(n is not node for n in matched.values()) and rules.is_unset_id(node.get("id"))

        for server in servers:
            node = next((c for c in nodes if str(c.get("id")) == server["id"]), None)
            if node is not None:
                matched[server["id"]] = node
        for server in servers:
            if server["id"] not in matched:
                node = next((c for c in nodes if free(c)
                             and str(c.get("name", "")).casefold() == server["name"].casefold()), None)
                if node is not None:
                    matched[server["id"]] = node
        for server in servers:
            if server["id"] in matched:
                continue
            children = [c for c in self.state.children(server["id"]) if c["type"] in rules.CHANNEL_TYPES]
            scored = [(sum(1 for ch in c.get("channels") or [] if isinstance(ch, CommentedMap)
                           and any(_same_channel(ch, child) for child in children)), index, c)
                      for index, c in enumerate(nodes) if free(c)]
            best = max(scored, key=lambda item: (item[0], -item[1]), default=None)
            if best and best[0] > 0:
                matched[server["id"]] = best[2]
        return matched

    def forget_deleted(self, node: CommentedMap, what: str) -> None:
        value = str(node.get("id") or "")
        if value in self.state.hidden:
            self.report.hidden += 1
        elif value in self.state.deleted:
            del node["id"]
            self.report.add(f"{what}: deleted on the server, id removed (remove the entry, or `apply` creates it again)")

    def channels(self, cat_node: CommentedMap, server_cat: dict, cat_access: tuple[str, list[str]],
                 all_channels: list[tuple[CommentedMap, CommentedMap]]) -> None:
        seq = self.seq(cat_node, "channels")
        archive = server_cat["name"] == self.archive_name
        order: list[CommentedMap] = []
        for server in self.state.children(server_cat["id"]):
            if server["type"] not in rules.CHANNEL_TYPES:
                continue
            kind_from_type = rules.TYPE_TO_KIND[server["type"]]
            found = next(((c, n) for c, n in all_channels if str(n.get("id")) == server["id"]), None) \
                or next(((c, n) for c, n in all_channels if rules.is_unset_id(n.get("id"))
                         and _same_channel(n, server)), None)
            label = f"#{server['name']}"
            if found is None:
                folder = None if archive else self.topic_folder(server)
                node = CommentedMap([("name", server["name"]), ("kind", "topic" if folder else kind_from_type)])
                if folder:
                    node["category"] = folder
                node["id"] = _id(server["id"])
                if server.get("topic"):
                    node["topic"] = server["topic"]
                if archive:
                    node["status"] = "archived"
                seq.append(node)
                all_channels.append((cat_node, node))
                linked = f" as the topic channel of `{folder}`" if folder else ""
                if folder:
                    self.report.linked.append(folder)
                self.report.add(f"{label}: added to \"{server_cat['name']}\"{linked}")
            else:
                old_cat, node = found
                if old_cat is not cat_node and node.get("status") != "archived":
                    old_seq = old_cat["channels"]
                    del old_seq[next(i for i, n in enumerate(old_seq) if n is node)]
                    seq.append(node)
                    all_channels.remove(found)
                    all_channels.append((cat_node, node))
                    self.report.add(f"{label}: moved from \"{old_cat.get('name')}\" to \"{server_cat['name']}\"")
                elif old_cat is not cat_node:
                    continue  # archived in the map, not moved yet: `apply` does that
                _set(node, "name", server["name"], self.report, f"#{node.get('name')}")
                _set(node, "id", _id(server["id"]), self.report, label, after="kind")
                kind = str(node.get("kind"))
                if server["type"] not in _pullable_types(kind):  # a kind a person wrote is kept when it fits
                    _set(node, "kind", kind_from_type, self.report, label)
                elif kind == "topic" and server["type"] == rules.FORUM_TYPE:
                    _set(node, "discussions", "forum", self.report, label)
                if kind_from_type not in rules.KINDS_WITHOUT_TOPIC:
                    if server.get("topic"):
                        _set(node, "topic", server["topic"], self.report, label)
                    elif node.get("topic"):
                        _drop(node, "topic", self.report, label)
                if archive:
                    _set(node, "status", "archived", self.report, label)
            self.set_access(node, self.access(server), cat_access, label)
            order.append(node)
        self._reorder(seq, order)

    @staticmethod
    def _reorder(seq: CommentedSeq, server_order: list[CommentedMap]) -> None:
        """Put the nodes the server knows in its order; every other node stays after the node it
        followed before, and those that followed none (a map written before the server was
        pulled) come after the server's: the server's order is kept, new entries are appended."""
        known = {id(n) for n in server_order}
        anchored: dict[int | None, list[Any]] = {}
        anchor: int | None = None
        for node in seq:
            if id(node) in known:
                anchor = id(node)
            else:
                anchored.setdefault(anchor, []).append(node)
        result: list[Any] = []
        for node in server_order:
            result.append(node)
            result += anchored.get(id(node), [])
        result += anchored.get(None, [])
        if [id(n) for n in result] != [id(n) for n in seq]:
            seq[:] = result


def merge_state(document: Any, state: ServerState, *, archive_name: str = "Archive",
                topic_names: dict[str, str] | None = None) -> tuple[Any, PullReport]:
    """The document with the server's state merged in (a new one when `document` is None).

    `topic_names` (channel name → docs folder, see `handbook.checks.matching.unlinked_topic_names`)
    links channels new to the map to the handbook categories that ask for them.
    """
    if not isinstance(document, CommentedMap):
        document = new_document(state)
    merger = _Merger(document, state, archive_name, topic_names)
    merger.server()
    merger.roles()
    merger.categories()
    merge_setup(document, state, merger.report.add)  # settings, onboarding, welcome screen, AutoMod
    return document, merger.report


def record_applied(document: Any, created: list[Recorded]) -> int:
    """Write the ids (and names Discord stored) of what `apply` created or renamed into the map."""
    changed = 0
    cats = [c for c in (document.get("discord_categories") or []) if isinstance(c, CommentedMap)]
    for item in created:
        if item.what == "server":
            server = document.get("server")
            if not isinstance(server, CommentedMap):
                server = CommentedMap()
                document.insert(0, "server", server)
            if rules.is_unset_id(server.get("guild_id")):
                _put_id_key(server, "guild_id", item.id, after="name")
                changed += 1
        elif item.what == "role":
            roles = document.get("roles") or []
            for index, node in enumerate(roles):
                name = node if isinstance(node, str) else node.get("name")
                if name == item.map_name:
                    if isinstance(node, str):
                        node = roles[index] = CommentedMap([("name", name)])
                    _put_id(node, item.id, after="name")
                    changed += 1
        elif item.what == "category":
            for node in cats:
                if node.get("name") == item.map_category and _is_old_id(node, item):
                    _put_id(node, item.id, after="name")
                    changed += 1
                    break
        elif item.what == "channel":
            for cat in cats:
                if cat.get("name") != item.map_category:
                    continue
                for node in cat.get("channels") or []:
                    if isinstance(node, CommentedMap) and node.get("name") == item.map_name and _is_old_id(node, item):
                        if item.name and item.name != node.get("name"):
                            node["name"] = item.name
                        _put_id(node, item.id, after="kind")
                        changed += 1
                        break
        elif item.what == "automod":
            changed += record_automod_id(document, item)
        elif item.what == "rename":
            for cat in cats:
                for node in cat.get("channels") or []:
                    if isinstance(node, CommentedMap) and str(node.get("id")) == item.id and node.get("name") != item.name:
                        node["name"] = item.name
                        changed += 1
    return changed

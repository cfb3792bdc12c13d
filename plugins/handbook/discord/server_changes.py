"""What changed on the server since its state was recorded, in plain words. Pure.

Both sides are state documents (`recorded_state.state_document`), the live one written with the
same map, so a name the file withholds is compared with nothing: a private channel the map does
not list is "added", "deleted" or "changed", never named. Order is compared as order (the way
the client shows it), never as position numbers.
"""

from __future__ import annotations

from handbook.channelmap import rules
from handbook.discord.plan import label


def _label(channel: dict) -> str:
    if channel.get("name") is None:
        return ("a private category the map does not list" if channel["type"] == rules.CATEGORY_TYPE
                else "a private channel the map does not list")
    if channel["type"] == rules.CATEGORY_TYPE:
        return f'category "{channel["name"]}"'
    return label(channel["name"], channel["type"])


def _where(channel: dict, channels: dict[str, dict]) -> str:
    """`category "Topics"`, or `outside any category`."""
    if not channel.get("parent_id"):
        return "outside any category"
    parent = channels.get(channel["parent_id"])
    return _label(parent) if parent else "a category the bot cannot see"


def _place(channel: dict, channels: dict[str, dict]) -> str:
    where = _where(channel, channels)
    return f" {where}" if where.startswith("outside") else f" in {where}"


def _order(channels: dict[str, dict], parent_id: str | None, among: set[str]) -> list[str]:
    if parent_id == "categories":
        kids = [c for c in channels.values() if c["type"] == rules.CATEGORY_TYPE]
        return [c["id"] for c in sorted(kids, key=lambda c: (c["position"], int(c["id"]))) if c["id"] in among]
    kids = [c for c in channels.values() if c.get("parent_id") == parent_id and c["type"] != rules.CATEGORY_TYPE]
    kids.sort(key=lambda c: (c["type"] in rules.VOICE_LIKE_TYPES, c["position"], int(c["id"])))
    return [c["id"] for c in kids if c["id"] in among]


def _channel_changes(old: dict, new: dict, before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    # a public channel made private keeps the name it had, which was published already
    shown = _label(new) if new.get("name") is not None else _label(old)
    out = []
    named = old.get("name") is not None and new.get("name") is not None
    if named and old["name"] != new["name"]:
        out.append(f"{_label(old)} was renamed to {shown}")
    if named and (old.get("topic") or "") != (new.get("topic") or ""):
        out.append(f"the topic of {shown} changed")
    if old.get("parent_id") != new.get("parent_id"):
        out.append(f"{shown} moved from {_where(old, before)} to {_where(new, after)}")
    if old.get("type") != new.get("type"):
        out.append(f"{shown} became a {rules.TYPE_TO_KIND.get(new['type'], 'other')} channel")
    if old["permission_overwrites"] != new["permission_overwrites"]:
        out.append(f"the permissions of {shown} changed")
    return out


def _role_changes(recorded: list[dict], live: list[dict]) -> list[str]:
    before, after = {r["id"]: r for r in recorded}, {r["id"]: r for r in live}
    out = [f"role {r['name']} was added" for i, r in after.items() if i not in before]
    out += [f"role {r['name']} was deleted" for i, r in before.items() if i not in after]
    for role_id in before.keys() & after.keys():
        old, new = before[role_id], after[role_id]
        if old["name"] != new["name"]:
            out.append(f"role {old['name']} was renamed to {new['name']}")
        if old.get("permissions") != new.get("permissions"):
            out.append(f"the server permissions of role {new['name']} changed")
    return out


def server_changes(recorded: dict, live: dict) -> list[str]:
    """What differs between the recorded and the live state document, one sentence each."""
    before = {c["id"]: c for c in recorded["channels"]}
    after = {c["id"]: c for c in live["channels"]}
    out = _role_changes(recorded["roles"], live["roles"])
    for channel_id, channel in after.items():
        if channel_id not in before:
            out.append(f"{_label(channel)} was added{_place(channel, after)}")
    for channel_id, channel in before.items():
        if channel_id not in after:
            gone = "is no longer visible to the bot" if channel_id in live["hidden_channel_ids"] else "was deleted"
            out.append(f"{_label(channel)} {gone}")
    for channel_id in sorted(before.keys() & after.keys(), key=int):
        out += _channel_changes(before[channel_id], after[channel_id], before, after)
    common = before.keys() & after.keys()
    parents = {c.get("parent_id") for c in after.values() if c["type"] != rules.CATEGORY_TYPE}
    for parent_id in sorted((p for p in parents if p), key=int):
        staying = {i for i in common if before[i].get("parent_id") == parent_id == after[i].get("parent_id")}
        if _order(before, parent_id, staying) != _order(after, parent_id, staying):
            out.append(f"the channels of {_label(after[parent_id]) if parent_id in after else 'a category'} were reordered")
    if _order(before, "categories", set(common)) != _order(after, "categories", set(common)):
        out.append("the categories were reordered")
    if recorded["guild"].get("features") != live["guild"].get("features"):
        out.append("the server's features changed (Community settings)")
    return out

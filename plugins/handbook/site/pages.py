"""Generated pages: the channel directory and the roles page, as Markdown built from the map.

Both are public. A private Discord category or channel appears by its description only
(unless `show_private_names`), never with an id, a link or its topic when its name is hidden.
Every channel entry carries an anchor, so mentions and "discuss" links can point at it.
"""

from __future__ import annotations

import html
import re

from handbook.channelmap import rules
from handbook.channelmap.model import Channel, DiscordCategory
from handbook.site.links import PRIVATE_TEXT, ChannelLinks

EVERY_MEMBER = "every member"
KIND_LABELS = {
    "topic": "topic",
    "prompt": "prompt",
    "announcement": "announcements",
    "voice": "voice",
    "forum": "forum",
}


_WEB_LINK = re.compile(r"\[([^\[\]]*)\]\((https?://[^\s()<>]+)\)")
_LINK_SYNTAX = re.compile(r"([\[\]])")


def _cell(text: str | None) -> str:
    """Text from the map made safe inside a Markdown table cell: HTML escaped, and no active
    link except `[text](https://...)` (a `[x](javascript:...)` stays visible text)."""
    if not text:
        return ""
    text = " ".join(html.escape(text, quote=False).split())
    parts, last = [], 0
    for m in _WEB_LINK.finditer(text):
        parts += [_LINK_SYNTAX.sub(r"\\\1", text[last:m.start()]),
                  f"[{_LINK_SYNTAX.sub(r'', m.group(1))}]({m.group(2)})"]
        last = m.end()
    parts.append(_LINK_SYNTAX.sub(r"\\\1", text[last:]))
    return "".join(parts).replace("|", "\\|")


def _who(roles: list[str]) -> str:
    return ", ".join(f"`{role}`" for role in roles) if roles else "the roles it lists"


def channel_label(channel: Channel) -> str:
    """`#name` for text-like channels; voice channels are shown by their name alone, as Discord does."""
    name = rules.normalize_channel_name(channel.name, channel.kind)
    return f"#{name}" if rules.is_text_like(channel.kind) else name


def _space_roles(category: DiscordCategory) -> list[str]:
    """Who can see some active channel of a private Discord category, in first-listed order."""
    roles = list(category.roles)
    for channel in category.channels:
        if not channel.is_archived:
            roles += [role for role in channel.roles if role not in roles]
    return roles


def _channel_cell(links: ChannelLinks, channel: Channel) -> str:
    name = channel_label(channel)
    if channel.is_private:
        if not links.show_private_names:
            return PRIVATE_TEXT.capitalize()
        return _cell(name)
    anchor = f'<span id="{html.escape(links.anchor(channel))}"></span>'
    url = links.discord_url(channel)
    return f"{anchor}[{_cell(name)}]({url})" if url else f"{anchor}{_cell(name)}"


def _about(links: ChannelLinks, channel: Channel) -> str:
    if channel.is_private and not links.show_private_names:
        return _cell(channel.description)
    parts = []
    text = channel.topic or channel.prompt or channel.description
    if text:
        parts.append(_cell(text))
    if channel.kind == "topic" and channel.category:
        parts.append(f"mirrors the handbook's `{_cell(channel.category)}` pages")
    return "; ".join(parts)


def _space_title(links: ChannelLinks, category: DiscordCategory) -> str:
    if category.is_private and not links.show_private_names:
        return "Private space"
    return _cell(category.name)


def channel_directory(links: ChannelLinks, title: str = "Channels") -> str:
    """The channel directory page's Markdown: Discord categories and their channels in order."""
    server = links.map.server
    out = [f"# {title}", ""]
    intro = f"The spaces of the {_cell(server.name)} Discord server" if server.name else "Our Discord spaces"
    out.append(f"{intro}, in the order Discord shows them, and who can see each one.")
    if links.invite:
        out.append(f"Not a member yet? [Join the server]({links.invite}).")
    out.append("")
    for category in links.map.discord_categories:
        channels = [c for c in category.channels if not c.is_archived]
        if not channels:
            continue
        out += [f"## {_space_title(links, category)}", ""]
        if category.is_private and not links.show_private_names:
            count = f"{len(channels)} channel" + ("s" if len(channels) != 1 else "")
            about = category.description or f"A private space with {count}."
            out += [_cell(about), "", f"Who can see it: {_who(_space_roles(category))}.", ""]
            continue
        if category.description:
            out += [_cell(category.description), ""]
        out += ["| Channel | Kind | What it is for | Who can see it |", "|---|---|---|---|"]
        for channel in channels:
            who = _who(channel.roles) if channel.is_private else EVERY_MEMBER
            out.append(f"| {_channel_cell(links, channel)} | {KIND_LABELS.get(channel.kind, channel.kind)} "
                       f"| {_about(links, channel)} | {who} |")
        out.append("")
    archived = [c for c in links.map.channels() if c.is_archived and not c.is_private]
    if archived:
        out += ["## Archived", "", "Kept read-only for their history:", ""]
        out += [f"- {_channel_cell(links, c)}" for c in archived]
        out.append("")
    return "\n".join(out)


def roles_page(links: ChannelLinks, title: str = "Roles and permissions") -> str:
    """The roles page's Markdown: each role, what it is for, and which spaces it can see."""
    cmap = links.map
    open_spaces = [cat for cat in cmap.discord_categories
                   if not cat.is_private and any(not c.is_private and not c.is_archived for c in cat.channels)]
    out = [f"# {title}", ""]
    if open_spaces:
        names = ", ".join(_cell(cat.name) for cat in open_spaces)
        out += [f"Every member can see the open spaces: {names}. Roles add access to private spaces.", ""]
    out += ["| Role | What it is for | Spaces it can see |", "|---|---|---|"]
    for role in cmap.roles:
        spaces = ["open spaces"] if open_spaces else []
        for category in cmap.discord_categories:
            if category.is_private and role.name in _space_roles(category):
                spaces.append(_private_space_label(links, category))
            for channel in category.channels:
                if (channel.is_private and not category.is_private and not channel.is_archived
                        and role.name in channel.roles):
                    label = channel_label(channel) if links.show_private_names else channel.description or PRIVATE_TEXT
                    spaces.append(_cell(label))
        out.append(f"| `{role.name}` | {_cell(role.description)} | {'; '.join(spaces)} |")
    out.append("")
    return "\n".join(out)


def _private_space_label(links: ChannelLinks, category: DiscordCategory) -> str:
    if links.show_private_names:
        return f"{_cell(category.name)} (private)"
    return _cell(category.description or "a private space")

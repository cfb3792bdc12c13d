"""Generated pages: the channel directory and the roles page, as Markdown built from the map.

Both are public. A private Discord category or channel appears by its description only
(unless `show_private_names`), never with an id, a link or its topic when its name is hidden.
Every channel entry carries an anchor, so mentions and "discuss" links can point at it.
Tables are HTML blocks in the Markdown, so that each has a caption, column headers and a row
header (the channel or role) for screen readers, which Markdown tables cannot give.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from handbook.channelmap import rules
from handbook.channelmap.model import Channel, DiscordCategory
from handbook.markdown_text import inert_brackets
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


def _cell(text: str | None) -> str:
    """Text from the map made safe in Markdown prose and headings: HTML escaped, on one line, pipes
    backslashed, and no active link except `[text](https://...)` (a `[x](javascript:...)` stays
    visible text)."""
    if not text:
        return ""
    text = " ".join(html.escape(text, quote=False).split())
    parts, last = [], 0
    for m in _WEB_LINK.finditer(text):
        parts += [inert_brackets(text[last:m.start()]),
                  f"[{inert_brackets(m.group(1))}]({m.group(2)})"]
        last = m.end()
    parts.append(inert_brackets(text[last:]))
    return "".join(parts).replace("|", "\\|")


def _text(text: str | None, links: bool = False) -> str:
    """Text from the map made safe inside an HTML block: escaped, on one line; with `links`,
    `[text](https://...)` becomes a link, as `_cell` lets it in Markdown (nothing else does)."""
    if not text:
        return ""
    text = " ".join(html.escape(text, quote=False).split())
    if not links:
        return text
    return _WEB_LINK.sub(lambda m: f'<a href="{m.group(2).replace(chr(34), "&quot;")}">{m.group(1)}</a>', text)


def _table(caption: str, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """An HTML table (cells are HTML already): a caption, column headers, each row's first cell
    its row header. One line per row and no blank line, so Markdown keeps it as one HTML block."""
    out = ["<table>", f"<caption>{caption}</caption>",
           "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in headers) + "</tr></thead>", "<tbody>"]
    for first, *rest in rows:
        out.append(f'<tr><th scope="row">{first}</th>' + "".join(f"<td>{cell}</td>" for cell in rest) + "</tr>")
    return [*out, "</tbody>", "</table>", ""]


def _who(roles: list[str], code: bool = False) -> str:
    """The roles as Markdown code spans, or (`code`) as HTML `<code>` for a table cell."""
    if not roles:
        return "the roles it lists"
    return ", ".join(f"<code>{_text(role)}</code>" if code else f"`{role}`" for role in roles)


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
    """The channel's name as HTML: with its anchor, linked to Discord when the ids are known."""
    name = channel_label(channel)
    if channel.is_private:
        if not links.show_private_names:
            return PRIVATE_TEXT.capitalize()
        return _text(name)
    anchor = f'<span id="{html.escape(links.anchor(channel))}"></span>'
    url = links.discord_url(channel)
    return f'{anchor}<a href="{html.escape(url)}">{_text(name)}</a>' if url else f"{anchor}{_text(name)}"


def _about(links: ChannelLinks, channel: Channel) -> str:
    if channel.is_private and not links.show_private_names:
        return _text(channel.description, links=True)
    parts = []
    text = channel.topic or channel.prompt or channel.description
    if text:
        parts.append(_text(text, links=True))
    if channel.kind == "topic" and channel.category:
        parts.append(f"mirrors the handbook's <code>{_text(channel.category)}</code> pages")
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
        rows = [(_channel_cell(links, channel), KIND_LABELS.get(channel.kind, _text(channel.kind)),
                 _about(links, channel), _who(channel.roles, code=True) if channel.is_private else EVERY_MEMBER)
                for channel in channels]
        out += _table(f"Channels in {_text(category.name)}",
                      ("Channel", "Kind", "What it is for", "Who can see it"), rows)
    archived = [c for c in links.map.channels() if c.is_archived and not c.is_private]
    if archived:
        out += ["## Archived", "", "Kept read-only for their history:", ""]
        out += ["<ul>", *(f"<li>{_channel_cell(links, c)}</li>" for c in archived), "</ul>", ""]
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
    rows = []
    for role in cmap.roles:
        spaces = ["open spaces"] if open_spaces else []
        for category in cmap.discord_categories:
            if category.is_private and role.name in _space_roles(category):
                spaces.append(_private_space_label(links, category))
            for channel in category.channels:
                if (channel.is_private and not category.is_private and not channel.is_archived
                        and role.name in channel.roles):
                    label = channel_label(channel) if links.show_private_names else channel.description or PRIVATE_TEXT
                    spaces.append(_text(label))
        rows.append((f"<code>{_text(role.name)}</code>", _text(role.description, links=True), "; ".join(spaces)))
    out += _table("Roles, what each is for and the spaces it can see",
                  ("Role", "What it is for", "Spaces it can see"), rows)
    return "\n".join(out)


def _private_space_label(links: ChannelLinks, category: DiscordCategory) -> str:
    if links.show_private_names:
        return f"{_text(category.name)} (private)"
    return _text(category.description or "a private space")

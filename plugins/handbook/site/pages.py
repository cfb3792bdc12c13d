"""Generated pages: the channel directory, the roles page and the safety page, as Markdown built from the map.

All are public. A private Discord category or channel appears by its description only
(unless `show_private_names`), never with an id, a link or its topic when its name is hidden.
Every channel entry carries an anchor, so mentions and "discuss" links can point at it.
Tables are HTML blocks in the Markdown, so that each has a caption, column headers and a row
header (the channel or role) for screen readers, which Markdown tables cannot give.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from handbook.channelmap import promises, rules
from handbook.channelmap.model import Channel, DiscordCategory
from handbook.i18n import ENGLISH, Words, upper_first
from handbook.text.markdown_text import inert_brackets
from handbook.site.links import ChannelLinks

KINDS = rules.KINDS


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


def _who(roles: list[str], words: Words, code: bool = False) -> str:
    """The roles as Markdown code spans, or (`code`) as HTML `<code>` for a table cell."""
    if not roles:
        return words("the_roles_it_lists")
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


def _channel_cell(links: ChannelLinks, channel: Channel, words: Words) -> str:
    """The channel's name as HTML: with its anchor, linked to Discord when the ids are known."""
    name = channel_label(channel)
    if channel.is_private:
        if not links.show_private_names:
            return upper_first(words("private_channel"))
        return _text(name)
    anchor = f'<span id="{html.escape(links.anchor(channel))}"></span>'
    url = links.discord_url(channel)
    return f'{anchor}<a href="{html.escape(url)}">{_text(name)}</a>' if url else f"{anchor}{_text(name)}"


def _about(links: ChannelLinks, channel: Channel, words: Words) -> str:
    if channel.is_private and not links.show_private_names:
        return _text(channel.description, links=True)
    parts = []
    text = channel.topic or channel.prompt or channel.description
    if text:
        parts.append(_text(text, links=True))
    if channel.kind == "topic" and channel.category:
        parts.append(words("mirrors_pages", category=_text(channel.category)))
    return "; ".join(parts)


def _space_title(links: ChannelLinks, category: DiscordCategory, words: Words) -> str:
    if category.is_private and not links.show_private_names:
        return words("private_space_title")
    return _cell(category.name)


def _kind(channel: Channel, words: Words) -> str:
    return words(f"kind_{channel.kind}") if channel.kind in KINDS else _text(channel.kind)


def channel_directory(links: ChannelLinks, words: Words = ENGLISH) -> str:
    """The channel directory page's Markdown: Discord categories and their channels in order."""
    server = links.map.server
    out = [f"# {words('channels_title')}", ""]
    out.append(words("channels_intro_server", server=_cell(server.name)) if server.name else words("channels_intro"))
    if links.invite:
        out.append(f"{words('not_a_member')} [{words('join_the_server')}]({links.invite}).")
    out.append("")
    for category in links.map.discord_categories:
        channels = [c for c in category.channels if not c.is_archived]
        if not channels:
            continue
        out += [f"## {_space_title(links, category, words)}", ""]
        if category.is_private and not links.show_private_names:
            about = _cell(category.description) or words.count("private_space_with", len(channels))
            out += [about, "", words("who_can_see_it", roles=_who(_space_roles(category), words)), ""]
            continue
        if category.description:
            out += [_cell(category.description), ""]
        rows = [(_channel_cell(links, channel, words), _kind(channel, words), _about(links, channel, words),
                 _who(channel.roles, words, code=True) if channel.is_private else words("every_member"))
                for channel in channels]
        out += _table(words("channels_in", category=_text(category.name)),
                      (words("column_channel"), words("column_kind"), words("column_channel_purpose"),
                       words("column_who_can_see_it")), rows)
    archived = [c for c in links.map.channels() if c.is_archived and not c.is_private]
    if archived:
        out += [f"## {words('archived_title')}", "", words("archived_intro"), ""]
        out += ["<ul>", *(f"<li>{_channel_cell(links, c, words)}</li>" for c in archived), "</ul>", ""]
    return "\n".join(out)


def roles_page(links: ChannelLinks, words: Words = ENGLISH) -> str:
    """The roles page's Markdown: each role, what it is for, and which spaces it can see."""
    cmap = links.map
    open_spaces = [cat for cat in cmap.discord_categories
                   if not cat.is_private and any(not c.is_private and not c.is_archived for c in cat.channels)]
    out = [f"# {words('roles_title')}", ""]
    if open_spaces:
        names = ", ".join(_cell(cat.name) for cat in open_spaces)
        out += [words("roles_intro", spaces=names), ""]
    archived = [c for c in cmap.channels() if c.is_archived and not c.is_private]  # as the directory lists them
    if archived:
        out += [words("roles_archived_open", channels=", ".join(_cell(channel_label(c)) for c in archived)), ""]
    rows, private = [], private_spaces(links, words)
    for role in cmap.roles:
        spaces = [words("open_spaces")] if open_spaces else []
        spaces += [label for label, roles in private if role.name in roles]
        rows.append((f"<code>{_text(role.name)}</code>", _text(role.description, links=True), "; ".join(spaces)))
    out += _table(words("roles_caption"),
                  (words("column_role"), words("column_role_purpose"), words("column_spaces")), rows)
    return "\n".join(out)


def _private_space_label(links: ChannelLinks, category: DiscordCategory, words: Words) -> str:
    if links.show_private_names:
        return words("named_private_space", name=_text(category.name))
    return _text(category.description) or words("a_private_space")


def private_spaces(links: ChannelLinks, words: Words) -> list[tuple[str, list[str]]]:
    """Each private space as the roles page names it (its description, unless `show_private_names`),
    and the roles that can see it, in map order: a private category, then its archived channels; the
    private channels of an open category. An archived channel is marked so: archiving moves it to
    the archive read-only, and the same roles still see it."""
    spaces = []
    for category in links.map.discord_categories:
        if category.is_private:
            spaces.append((_private_space_label(links, category, words), _space_roles(category)))
        for channel in category.channels:
            if channel.is_private and (channel.is_archived or not category.is_private):
                label = (channel_label(channel) if links.show_private_names
                         else channel.description or words("private_channel"))
                label = _text(label)
                spaces.append((words("archived_space", space=label) if channel.is_archived else label,
                               list(channel.roles)))
    return spaces


def safety_page(links: ChannelLinks, words: Words = ENGLISH) -> str:
    """The safety page's Markdown: who can see each private space and, where the map says so, what
    new members can do in their first minutes and what AutoMod blocks."""
    cmap = links.map
    out = [f"# {words('safety_title')}", "",
           words("safety_intro_server", server=_cell(cmap.server.name)) if cmap.server.name else words("safety_intro"),
           "", f"## {words('safety_private_title')}", ""]
    spaces = private_spaces(links, words)
    if spaces:
        out += [words("safety_private_intro"), ""]
        out += _table(words("safety_caption"), (words("column_space"), words("column_who_can_see_it")),
                      [(upper_first(label), _who(roles, words, code=True)) for label, roles in spaces])
    else:
        out += [words("safety_no_private"), ""]
    level, questions = promises.verification_level(cmap), promises.onboarding_questions(cmap)
    if level or questions:
        out += [f"## {words('safety_first_title')}", ""]
        out += [words(f"verification_{level}"), ""] if level else []
        if questions:
            out += [words("safety_onboarding", questions="; ".join(f"“{_cell(q)}”" for q in questions)), ""]
    if promises.setting(cmap, "mfa_required_for_moderation"):
        out += [f"## {words('safety_moderators_title')}", "", words("safety_moderators_mfa"), ""]
    blocked = []
    for trigger, presets, limit in promises.automod_rules(cmap):
        if trigger == "keyword_preset":
            lists = ", ".join(words(f"automod_preset_{p}") for p in presets)
            blocked.append(words("automod_keyword_preset", lists=lists) if lists else words("automod_keywords"))
        elif trigger == "mention_spam":
            blocked.append(words.count("automod_mention_spam", limit) if limit else words("automod_spam"))
        else:
            blocked.append(words(f"automod_{trigger}"))
    if blocked:
        out += [f"## {words('safety_automod_title')}", "", words("safety_automod_intro"), ""]
        out += [f"- {item}" for item in dict.fromkeys(blocked)] + [""]
    return "\n".join(out)

"""What `handbook sync` proposes for a map that manages the server: an onboarding question "What
do you want to practise?" whose answers are the topic channels (titles and descriptions from the
categories' index pages), and a welcome screen from the start pages.

A proposal is written only while its section is absent, in a map that manages the server
(`server.settings` or `server.automod`), and sync says so; from then on the section is the
maintainers' and sync never touches it again. `onboarding: false` or `welcome_screen: false`
asks for no proposal. Limits from https://discord.com/developers/docs/resources/guild#welcome-screen-object
(lengths from discord-userdoccers `pages/resources/guild.mdx`); onboarding's are not documented,
so answers are kept to 100 characters, what the client shows.
"""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from handbook.channelmap import rules
from handbook.channelmap import server_model as sm
from handbook.channelmap.model import Channel, ChannelMap
from handbook.checks.categories import HandbookCategory, read_page_text

QUESTION = "What do you want to practise?"
OPTION_DESCRIPTION_MAX = 100
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def first_paragraph(text: str) -> str:
    """The first paragraph of prose of a Markdown page: after its front matter and headings."""
    body = _FRONT_MATTER.sub("", text.replace("\r\n", "\n").removeprefix("\ufeff"))
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if block and not block.startswith(("#", "!!!", "???", "<", "|", "-", "*", "```", ">", "[")):
            return " ".join(block.split())
    return ""


def shorten(text: str, limit: int) -> str:
    """`text` to at most `limit` characters: its first sentence (or clause) when that fits, else cut
    at a word with an ellipsis."""
    text = " ".join(text.split())
    for pattern in (_SENTENCE_END, re.compile(r"[:;]\s"), re.compile(r",\s")):
        piece = pattern.split(text, maxsplit=1)[0].rstrip(".")
        if len(piece) <= limit and piece.count("(") == piece.count(")"):
            return piece
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _markdown_links(text: str) -> str:
    """Prose without Markdown link targets and emphasis marks (`[the rules](x.md)` → `the rules`)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def propose_server(channel_map: ChannelMap, categories: list[HandbookCategory], docs_dir: Path) -> list[str]:
    """Write the proposals into the map's document; one line per proposal, for sync's output."""
    server = (channel_map.document or {}).get("server")
    if not isinstance(server, CommentedMap) or not ("settings" in server or "automod" in server):
        return []
    changes = []
    if "onboarding" not in server:
        onboarding = _onboarding(channel_map, categories, docs_dir)
        if onboarding is not None:
            server["onboarding"] = onboarding
            changes.append(f"proposed `server.onboarding`: the question \"{QUESTION}\" with "
                           f"{len(onboarding['prompts'][0]['options'])} answers, one per topic channel (a proposal: "
                           "edit it as you like; sync writes it only while the section is absent, and "
                           "`onboarding: false` asks for none)")
    if "welcome_screen" not in server:
        welcome = _welcome(channel_map, docs_dir)
        if welcome is not None:
            server["welcome_screen"] = welcome
            changes.append(f"proposed `server.welcome_screen` from the start pages, with "
                           f"{len(welcome['channels'])} channels (a proposal: edit it as you like; sync writes it "
                           "only while the section is absent, and `welcome_screen: false` asks for none)")
    return changes


def _onboarding(channel_map: ChannelMap, categories: list[HandbookCategory], docs_dir: Path) -> CommentedMap | None:
    options = CommentedSeq()
    for category in categories:
        channel = channel_map.topic_channel_for(category.folder)
        if channel is None or channel.is_private or category.excluded:
            continue
        option = CommentedMap([("title", category.title)])
        page = first_paragraph(read_page_text(docs_dir / category.index_uri)) if category.index_uri else ""
        description = category.description or _markdown_links(page) or (channel.topic or "")
        if description:
            option["description"] = shorten(description, OPTION_DESCRIPTION_MAX)
        option["channels"] = _flow([channel.name])
        options.append(option)
    if not options:
        return None
    prompt = CommentedMap([("title", QUESTION), ("type", "multiple"), ("options", options)])
    defaults = [c.name for c in _open_channels(channel_map) if c.kind != "topic"]
    return CommentedMap([("enabled", True), ("default_channels", _flow(defaults)), ("prompts", CommentedSeq([prompt]))])


def _open_channels(channel_map: ChannelMap) -> list[Channel]:
    return [c for c in channel_map.channels() if not c.is_private and not c.is_archived and rules.is_text_like(c.kind)]


def _start_pages(docs_dir: Path) -> list[Path]:
    """The pages at the top of the docs: the home page first, then the others beside it."""
    pages = sorted(docs_dir.glob("*.md"))
    return sorted(pages, key=lambda p: (p.stem not in ("index", "README"), p.name))


def _welcome(channel_map: ChannelMap, docs_dir: Path) -> CommentedMap | None:
    pages = [read_page_text(p) for p in _start_pages(docs_dir)]
    if not pages:
        return None
    text = "\n".join(pages)
    mentioned = []
    for channel in _open_channels(channel_map):
        if channel.kind == "topic":
            continue  # onboarding offers those
        found = re.search(rf"#{re.escape(channel.name)}(?![\w-])", text)
        if found:
            mentioned.append((found.start(), channel))
    channels = CommentedSeq()
    rules_channel = channel_map.server.setup.settings.channels.get("rules_channel") \
        if channel_map.server.setup.settings else None
    first = [(-1, c) for c in _open_channels(channel_map) if c.name == rules_channel]  # the rules come first
    ordered = first + sorted((pair for pair in mentioned if pair[1].name != rules_channel), key=lambda pair: pair[0])
    for _, channel in ordered[:sm.WELCOME_CHANNELS_MAX]:
        about = channel.prompt or channel.topic
        if about:
            channels.append(CommentedMap([("channel", channel.name),
                                          ("description", shorten(about, sm.WELCOME_CHANNEL_DESCRIPTION_MAX))]))
    description = shorten(_markdown_links(first_paragraph(pages[0])), sm.WELCOME_DESCRIPTION_MAX)
    if not channels and not description:
        return None
    welcome = CommentedMap()
    if description:
        welcome["description"] = description
    welcome["channels"] = channels
    return welcome

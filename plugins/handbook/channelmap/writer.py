"""New channel maps, written one way: `handbook sync`'s starter map and the map `handbook discord
pull` writes for a new server open with the same header, whose first line points editors at the
JSON Schema (`yaml-language-server`). Existing maps are never rewritten here: edits to them go
through `yaml_io.write_roundtrip`, which changes only the lines that change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from handbook.channelmap.scalars import reads_back_as_text
from handbook.channelmap.schema_gen import SCHEMA_NAME

SCHEMA_LINE = f"yaml-language-server: $schema={SCHEMA_NAME}"


def header_lines(community: str) -> list[str]:
    """The header of every new map, as comment text (without the leading `# `)."""
    return [
        SCHEMA_LINE,
        f"The Discord structure of {community}, as data. Edit it freely: `handbook sync` and",
        "`handbook discord pull` keep your comments and any keys you add, and change only the lines",
        "they must. Topic channels mirror the handbook's categories (the folders under docs/);",
        "`handbook check` reports where they drift apart. This file is public if your repository is:",
        "give private channels a `description:` and keep sensitive names out.",
    ]


def header_comment(community: str) -> str:
    """The header for ruamel's `yaml_set_start_comment` (which adds the `# `)."""
    return "\n".join(header_lines(community))


@dataclass(frozen=True)
class TopicEntry:
    name: str
    folder: str
    topic: str


def starter_map_text(community: str, topic_channels: list[TopicEntry], topic_category: str) -> str:
    """A first map of what the docs imply: a topic channel for every category. Roles and hand-kept
    channels are examples in comments only, so nothing made up is created on the server by
    `handbook discord apply` or published on the site until someone writes it in."""
    lines = [f"# {line}" for line in header_lines(community)] + [
        "server:",
        f"  name: {yaml_scalar(community)}",
        "  # guild_id: \"000000000000000000\"   # your server's id; `handbook discord pull` fills it in",
        "  # invite: https://discord.gg/your-invite-code",
        "# The roles your server uses (`handbook discord pull` lists the server's). For example:",
        "#   - name: moderator",
        "#     description: Keeps the community safe and welcoming",
        "roles: []",
        "discord_categories:",
        "  # Channels kept by hand go in Discord categories of their own. Adapt this example:",
        "  # - name: Welcome",
        "  #   channels:",
        "  #     - name: announcements",
        "  #       kind: announcement",
        "  #       topic: News from the hosts",
        "  #     # Prompt channels are kept by hand and never drift:",
        "  #     - name: introductions",
        "  #       kind: prompt",
        "  #       prompt: Tell us who you are and what you practise.",
        f"  - name: {yaml_scalar(topic_category)}",
        "    channels:" if topic_channels else "    channels: []",
    ]
    for entry in topic_channels:
        lines += [
            f"      - name: {yaml_scalar(entry.name)}",
            "        kind: topic",
            f"        category: {yaml_scalar(entry.folder)}",
            f"        topic: {yaml_scalar(entry.topic)}",
        ]
    return "\n".join(lines) + "\n"


_PLAIN = re.compile(r"^[^\W_][\w .,'()/&+!?-]*$")


def yaml_scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when every YAML 1.1 and 1.2 reader reads it back as the same
    text, else double-quoted. Anything starting with a digit is quoted too (`010`, `1e3`)."""
    if _PLAIN.match(text) and reads_back_as_text(text) and not text[0].isdigit() and ": " not in text \
            and not text.endswith(":") and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)

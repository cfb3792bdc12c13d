"""What the manual's written pages say about the code is the code's: the Discord limits page
against the checker's constants, the client's audit-log limit and the webhook message's limits;
the Zensical guide against the options the extension takes."""

from __future__ import annotations

import re

from manualkit import MANUAL

from handbook.channelmap import rules
from handbook.discord import client
from handbook.text import webhook

PAGE = MANUAL / "docs" / "explanation" / "discord-limits.md"


def rows() -> dict[str, str]:
    return {cells[0]: cells[1] for line in PAGE.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| limit") and (cells := [c.strip() for c in line.strip("|").split("|")])}


def test_the_limits_table_is_the_checkers():
    table = rows()
    assert table == {
        "characters in a channel, category or role name": str(rules.NAME_MAX),
        "channels in one Discord category": str(rules.CHANNELS_PER_CATEGORY_MAX),
        "channels in a server, categories included": str(rules.CHANNELS_PER_GUILD_MAX),
        "roles in a server": str(rules.ROLES_PER_GUILD_MAX),
        "characters in a text, prompt or announcement channel's topic": str(rules.TOPIC_MAX["topic"]),
        "characters in a forum's topic (its guidelines)": str(rules.TOPIC_MAX["forum"]),
        "digits in an id (a snowflake)": "17 to 20",
    }
    assert rules.NAME_MAX == rules.ROLE_NAME_MAX
    assert rules.TOPIC_MAX["topic"] == rules.TOPIC_MAX["prompt"] == rules.TOPIC_MAX["announcement"]
    assert rules.SNOWFLAKE_PATTERN == "^[0-9]{17,20}$"


def test_the_prose_numbers_are_the_clients_and_the_webhooks():
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    assert "at most 512 characters once URL-encoded" in text and "at most 512 characters" in client.__doc__
    found = re.search(r"embed title of at most (\d+) characters, a description of at most (\d+), and (\d+) in all", text)
    assert tuple(map(int, found.groups())) == (webhook.EMBED_TITLE_MAX, webhook.EMBED_DESCRIPTION_MAX,
                                               webhook.EMBED_TOTAL_MAX)


def test_the_zensical_guide_names_the_options_the_extension_may_set():
    from handbook.site import standalone_setup

    guide = " ".join((MANUAL / "docs" / "how-to" / "build-with-zensical.md").read_text(encoding="utf-8").split())
    listed = re.search(r"It may set (.*?) for itself", guide).group(1)
    assert re.findall(r"`(\w+)`", listed) == [*standalone_setup.OVERRIDABLE, *standalone_setup.OWN_OPTIONS]

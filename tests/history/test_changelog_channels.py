"""Channel changes between versions of channel_map.yml, read tolerantly; private channels stay unnamed."""

from __future__ import annotations

import pytest

from handbook.channelmap.changes import Channel, ChannelChange, diff_channels, read_channels

OPEN = "discord_categories:\n  - name: Topics\n    channels:\n"


def described(before: str | None, after: str | None) -> list[str]:
    return [c.describe() for c in diff_channels(read_channels(before), read_channels(after))]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (None, OPEN + "      - {name: habits, kind: topic, category: habits}\n", ["topic channel #habits added"]),
        (
            OPEN + "      - {name: habits, kind: topic, category: habits}\n",
            OPEN + "      - {name: habit-building, kind: topic, category: habits}\n",
            ["#habits renamed to #habit-building"],
        ),
        (
            OPEN + "      - {name: a, id: '42'}\n",
            OPEN + "      - {name: b, id: '42'}\n",
            ["#a renamed to #b"],
        ),
        (
            OPEN + "      - {name: focus, kind: topic, category: focus}\n",
            OPEN + "      - {name: focus, kind: topic, category: focus, status: archived}\n",
            ["#focus archived"],
        ),
        (
            OPEN + "      - {name: focus, status: archived}\n",
            OPEN + "      - {name: focus, status: active}\n",
            ["#focus restored"],
        ),
        (OPEN + "      - {name: gone}\n", OPEN, ["#gone removed from the map"]),
        (OPEN + "      - {name: same, topic: x}\n", OPEN + "      - {name: same, topic: y}\n", []),
        # Private by the Discord category, and by the channel's own visibility.
        (
            None,
            "discord_categories:\n  - name: Cohort\n    visibility: private\n    channels:\n"
            "      - {name: spring-cohort, kind: topic, id: '999', topic: secret}\n",
            ["a private topic channel was added"],
        ),
        (
            OPEN + "      - {name: mods, visibility: private, id: '7'}\n",
            OPEN + "      - {name: moderators, visibility: private, id: '7', status: archived}\n",
            ["a private channel was renamed", "a private channel was archived"],
        ),
        # A channel made private keeps its old name private too.
        (
            OPEN + "      - {name: old-public, id: '8'}\n",
            OPEN + "      - {name: new-private, id: '8', visibility: private}\n",
            ["a private channel was renamed"],
        ),
        # Malformed versions never break anything: they read as "no channels".
        ("discord_categories: [unclosed", OPEN + "      - {name: x}\n", ["channel #x added"]),
        (OPEN + "      - just a string\n      - {name: 5}\n", OPEN + "      - {name: 5}\n", []),
        ("- a list at the top\n", "discord_categories: 3\n", []),
        (b"\xff\xfe not yaml", None, []),
    ],
)
def test_channel_changes(before, after, expected) -> None:
    assert described(before, after) == expected


def test_private_descriptions_never_contain_names() -> None:
    change = ChannelChange("renamed", "secret-new", "secret-old", "topic", private=True)
    assert "secret" not in change.describe()


def test_read_channels_visibility_inheritance() -> None:
    text = (
        "discord_categories:\n"
        "  - name: Camp\n    visibility: private\n    channels:\n"
        "      - {name: a}\n      - {name: b, visibility: open}\n"
        "  - name: Open\n    channels:\n      - {name: c}\n      - {name: d, visibility: Private}\n"
    )
    assert [(c.name, c.private) for c in read_channels(text)] == [
        ("a", True), ("b", False), ("c", False), ("d", True),
    ]
    assert read_channels("")[:] == [] and isinstance(read_channels(OPEN + "      - {name: z}\n")[0], Channel)

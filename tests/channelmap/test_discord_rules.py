import pytest

from handbook.channelmap import rules


@pytest.mark.parametrize(
    ("name", "kind", "stored"),
    [
        ("habits", "topic", "habits"),
        ("Show Me", "prompt", "show-me"),
        ("Joey's Cool Channel", "prompt", "joeys-cool-channel"),
        ("v1.2 notes", "topic", "v12-notes"),
        ("a -- b", "topic", "a-b"),
        ("trailing-", "topic", "trailing"),
        ("  padded  ", "topic", "padded"),
        ("📜│rules", "announcement", "📜│rules"),
        ("Über Café", "forum", "über-café"),
        ("Study Hall", "voice", "Study Hall"),
        ("Campfire  ", "voice", "Campfire"),
    ],
)
def test_normalize_channel_name(name, kind, stored):
    assert rules.normalize_channel_name(name, kind) == stored


def test_normal_form_is_stable():
    for name in ("Joey's Cool Channel", "a -- b", "v1.2 notes", "trailing-"):
        once = rules.normalize_channel_name(name, "topic")
        assert rules.normalize_channel_name(once, "topic") == once


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("123456789012345678", True),
        ("12345678901234567", True),
        ("12345678901234567890", True),
        ("1234567890123456", False),
        ("123456789012345678901", False),
        ("000000000000000000", False),
        (123456789012345678, False),
        ("12345678901234567a", False),
        (None, False),
    ],
)
def test_is_snowflake(value, expected):
    assert rules.is_snowflake(value) is expected


def test_folder_slugs_are_already_normal():
    assert rules.slug_for_folder("creative_practice") == "creative-practice"
    assert rules.slug_for_folder("Habits") == "habits"

"""User tokens (`mfa.` tokens) are secrets like bot tokens: kept out of what the site publishes
from git (commit messages in the history, changelog and feed) and out of every error message."""

from __future__ import annotations

import html

import pytest
from links_site import build_site
from test_privacy import site_files

from handbook.text.secrets import redact, redact_secret_shapes

BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB"
USER_TOKEN = "mfa." + "Vd3KbC9_x-ZqT2pL8nW4rF6hJ1sA0eY7uI5oM3kX9cB2vN8gH4jD6fS1aQ0wE7rT5yU3iO9pL2kZ8xC6vB4nM1q_"


@pytest.mark.parametrize("secret", [BOT_TOKEN, USER_TOKEN], ids=["bot token", "mfa. user token"])
def test_tokens_of_both_kinds_are_redacted_from_text_for_the_site(secret):
    assert redact_secret_shapes(f"Log in with {secret}, then post.") == "Log in with [redacted], then post."
    assert redact_secret_shapes(f"token={secret}") == "token=[redacted]"


@pytest.mark.parametrize("secret", [f"Bot {BOT_TOKEN}", USER_TOKEN], ids=["bot token", "mfa. user token"])
def test_tokens_of_both_kinds_are_redacted_from_messages(secret):
    assert USER_TOKEN not in redact(f"Discord refused it (401): Authorization {secret} is not valid")
    assert "[redacted]" in redact(f"Discord refused it (401): Authorization {secret} is not valid")


@pytest.mark.parametrize("secret", [BOT_TOKEN, USER_TOKEN], ids=["bot token", "mfa. user token"])
def test_a_token_in_a_commit_message_never_reaches_the_site(tmp_path, secret):
    docs = {"index.md": "# Home\n\nWelcome.\n", "habits/index.md": "# Habits\n\nTiny routines.\n"}
    site = build_site(tmp_path, docs, git=True, commit_message=f"Stop using the token {secret} for posting",
                      plugin={"history": True})
    files = site_files(site.root / "site")
    assert {"index.html", "changelog/index.html", "feed.xml", "search/search_index.json"} <= set(files)
    assert [name for name, text in files.items() if secret in text or secret[4:40] in text] == []
    assert "Stop using the token [redacted] for posting" in html.unescape(files["changelog/index.html"])
    assert "Stop using the token [redacted] for posting" in html.unescape(files["feed.xml"])


def test_a_user_token_in_an_error_from_discord_is_not_shown(tmp_path, capsys, monkeypatch):
    from fake_discord import FakeDiscord

    from handbook import cli

    fake = FakeDiscord()
    fake.start()
    try:
        monkeypatch.setenv("HANDBOOK_DISCORD_API_URL", fake.api_url)
        monkeypatch.setenv("DISCORD_TOKEN", fake.token)
        fake.fail("GET", r"^/guilds/\d+$", 400, code=50035, message=f"Invalid token {USER_TOKEN}")
        path = tmp_path / "channel_map.yml"
        path.write_text(f'server:\n  guild_id: "{fake.guild_id}"\ndiscord_categories: []\n')
        assert cli.main(["discord", "plan", "--map", str(path)]) == 2
        err = capsys.readouterr().err
        assert "Invalid token [redacted]" in err and USER_TOKEN[4:40] not in err
    finally:
        fake.stop()

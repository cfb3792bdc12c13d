"""Running the `handbook` command line in a test: one call, its exit code and output; the fake
Discord's clock for the Discord client (import `fake_clock` into a module to use it there)."""

from __future__ import annotations

import pytest

from handbook import cli
from handbook.cli import discord as discord_cli


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def fake_clock(fake, monkeypatch):
    """The client waits on the fake's clock, so nothing sleeps."""
    monkeypatch.setattr(discord_cli, "CLIENT_OPTIONS", {"clock": fake.clock, "sleep": fake.clock.sleep})

"""The Discord package's seams: planning without httpx, the log filter, the audit-log reason, typed
operations that the planner and the applier share."""

from __future__ import annotations

import subprocess
import sys
import urllib.parse

import pytest
from fake_discord import fake  # noqa: F401  (fixture)

from handbook.channelmap import rules
from handbook.discord.client import DiscordClient, audit_log_reason
from handbook.discord.operations import CreateCategory, CreateChannel, Pending
from paths import ROOT


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)


def test_plan_and_state_import_no_http_library():
    result = python("import sys, handbook.discord.plan, handbook.discord.state, handbook.discord.operations\n"
                    "print('httpx' in sys.modules, 'httpcore' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_the_log_filter_is_installed_by_a_client_not_by_an_import():
    result = python("import logging\n"
                    "import handbook.discord.client as c\n"
                    "print(len(logging.getLogger('httpx').filters))\n"
                    "c.DiscordClient('t').close(); c.DiscordClient('t').close()\n"
                    "print(len(logging.getLogger('httpx').filters), len(logging.getLogger('httpcore').filters))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "1", "1"]


@pytest.mark.parametrize("reason", [
    "a" * 600,                       # plain: cut at 512
    "é" * 600,                       # each one is %C3%A9 once encoded: 85 fit
    "handbook discord apply: " + "#naïve-ümlaut " * 80,
    "100% " * 200,                   # never cut inside an escape
])
def test_audit_log_reason_is_at_most_512_characters_once_encoded(reason):
    encoded = audit_log_reason(reason)
    assert len(encoded) <= rules.AUDIT_LOG_REASON_MAX
    decoded = urllib.parse.unquote(encoded, errors="strict")
    assert reason.startswith(decoded) and len(decoded) > 0
    next_char = urllib.parse.quote(reason[len(decoded)], safe="/ ")
    assert len(encoded) + len(next_char) > rules.AUDIT_LOG_REASON_MAX  # as much as fits


def test_a_long_reason_reaches_the_server_within_the_limit(fake):
    with DiscordClient(fake.token, clock=fake.clock, sleep=fake.clock.sleep) as client:
        client.create_channel(fake.guild_id, {"name": "x", "type": 0}, reason="ümlaut " * 200)
    header = fake.log[-1].headers["x-audit-log-reason"]
    assert len(header) <= 512 and urllib.parse.unquote(header).startswith("ümlaut ümlaut")


def test_a_pending_reference_names_the_operation_that_creates_it():
    category = CreateCategory(name='"Topics"', category_name="Topics")
    channel = CreateChannel(name="#habits", channel_name="habits", channel_type=0, parent=category.pending)
    assert isinstance(channel.parent, Pending) and channel.parent.creator is category
    assert str(channel.parent) == '"Topics"'
    assert channel.as_dict() == {"op": "create", "id": None, "name": "#habits", "from": None, "to": None,
                                 "reason": ""}
    assert category.phase < channel.phase
    assert channel.permissions_needed() == rules.MANAGE_CHANNELS

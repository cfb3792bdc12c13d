"""`discord plan | apply | pull` and `status` against a real 127.0.0.1 server whose answers are
generated (any status, rate-limit and Retry-After headers of any value, bodies of any shape, a
write carried out or not before its odd answer): never a traceback, only exit 0, 1 or 2, bounded
requests and waits, and nothing on the server made twice, even when apply runs again after.

Time is the fake's clock, shared with the client: nothing sleeps for real."""

from __future__ import annotations

import collections
import dataclasses
import json
import math
import tempfile
from pathlib import Path

from discord_maps import adopted_map
from fake_discord import FakeDiscord, Scripted
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from handbook import cli
from handbook.cli import discord_inputs

MAX_WAIT = 60.0
NUMBERS = st.one_of(st.integers(-5, 10**6).map(str), st.sampled_from(["0", "0.5", "1.25", "nan", "inf", "-inf",
                                                                        "-1", "1e309", "", "soon", "2 ", "0x10"]))
HEADERS = st.dictionaries(
    st.sampled_from(["Retry-After", "X-RateLimit-Remaining", "X-RateLimit-Reset-After", "X-RateLimit-Reset",
                     "X-RateLimit-Limit"]), NUMBERS, max_size=4,
).flatmap(lambda found: st.fixed_dictionaries({
    **{key: st.just(value) for key, value in found.items()},
    **{key: st.sampled_from(values) for key, values in
       {"X-RateLimit-Bucket": ["abc", "abc", "x1"], "X-RateLimit-Global": ["true", "false", "yes"]}.items()},
}) | st.just(found))

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**20) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "name", "type", "position", "parent_id", "code", "message", "retry_after",
                         "global", "roles", "features", "permissions", "permission_overwrites", "errors"]),
        inner, max_size=5),
    max_leaves=10)
BODIES = st.one_of(
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries({"retry_after": st.one_of(st.floats(allow_nan=False), st.integers(-3, 10**9),
                                                    st.text(max_size=4)),
                           "global": st.booleans(), "message": st.just("You are being rate limited.")})
    .map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries({"code": st.sampled_from([0, 10003, 10004, 50001, 50013, 50035, 30013, 40009]),
                           "message": st.text(max_size=10)}).map(lambda value: json.dumps(value).encode()),
    st.sampled_from([b"", b"[", b"{\"id\": ", b"null", b"<html>Bad gateway</html>", b"\xff\xfe"]),
)
STATUSES = st.one_of(st.sampled_from([200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 429, 429, 500, 502, 503]),
                     st.integers(200, 599))
ANSWERS = st.builds(Scripted, status=STATUSES, headers=HEADERS, body=BODIES, instead=st.booleans()).map(
    lambda answer: answer if answer.instead or answer.status < 300 or answer.status >= 500
    else dataclasses.replace(answer, instead=True))
"""One odd answer; `instead`: sent without carrying the request out, else after it (the write happened).
Only a success or a 5xx may follow a write that happened: Discord carries out no request it answers
with a 429 or another 4xx (https://discord.com/developers/docs/topics/rate-limits)."""


def server_and_map(folder: Path) -> tuple[FakeDiscord, Path]:
    fake = FakeDiscord()
    folder.joinpath("docs").mkdir()
    folder.joinpath("docs", "index.md").write_text("# Home\n")
    folder.joinpath("mkdocs.yml").write_text("site_name: Campfire\nplugins:\n  - handbook\n")
    path, _ = adopted_map(fake, folder, """\
  - name: Lounge
    visibility: private
    roles: [moderator]
    channels:
      - name: chat
        kind: prompt
roles:
  - name: moderator
""")
    return fake, path


def command_line(command: str, path: Path) -> list[str]:
    if command == "status":
        return ["status", "-f", str(path.parent / "mkdocs.yml")]
    return ["discord", command, "--map", str(path), *(["--yes"] if command == "apply" else [])]


def made_twice(fake: FakeDiscord) -> list[str]:
    kinds = collections.Counter((c["type"], c["name"], c["parent_id"]) for c in fake.channels.values())
    roles = collections.Counter(r["name"] for r in fake.roles.values())
    return [str(k) for k, n in kinds.items() if n > 1] + [name for name, n in roles.items() if n > 1]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(command=st.sampled_from(["apply", "apply", "plan", "pull", "status"]),
       answers=st.lists(ANSWERS, min_size=1, max_size=10), skip=st.integers(0, 12))
@example(command="plan", answers=[Scripted(429, {"Retry-After": "nan"}, b"{}")], skip=0)  # was slept on: a traceback
@example(command="plan", answers=[Scripted(200, {"X-RateLimit-Bucket": "b", "X-RateLimit-Remaining": "0",
                                                 "X-RateLimit-Reset-After": "nan"}, b"{}")], skip=0)
@example(command="apply", answers=[Scripted(200, {"X-RateLimit-Remaining": "\u00b2", "X-RateLimit-Bucket": "b"},
                                            b"[]", instead=False)], skip=0)
@example(command="apply", answers=[Scripted(200, {}, b"{}")], skip=2)  # the channel list as an object
@example(command="apply", answers=[Scripted(500, {}, b"", instead=False)] * 4, skip=5)  # creates made, answers lost
def test_generated_answers_never_break_the_commands(command, answers, skip, capsys, monkeypatch):
    with tempfile.TemporaryDirectory() as folder:
        fake, path = server_and_map(Path(folder))
        fake.start()
        try:
            monkeypatch.setenv("HANDBOOK_DISCORD_API_URL", fake.api_url)
            monkeypatch.setenv("DISCORD_TOKEN", fake.token)
            monkeypatch.delenv("DISCORD_GUILD_ID", raising=False)
            monkeypatch.setattr(discord_inputs, "CLIENT_OPTIONS", {"clock": fake.clock, "sleep": fake.clock.sleep})
            # the odd answers start after `skip` ordinary ones, so they reach the writes too
            fake.script = list(answers)
            passthrough = skip
            original = fake._next_scripted

            def later(method: str, route: str) -> Scripted | None:
                nonlocal passthrough
                if passthrough > 0:
                    passthrough -= 1
                    return None
                return original(method, route)

            fake._next_scripted = later  # type: ignore[method-assign]
            capsys.readouterr()
            code = cli.main(command_line(command, path))  # anything but a HandbookError would raise here
            out = capsys.readouterr()
            assert code in (0, 1, 2), (code, out)
            assert "Traceback" not in out.out + out.err
            assert fake.token not in out.out + out.err
            if code == 2 and out.err:
                assert len(out.err.strip().splitlines()) <= 12, out.err  # the outcome and one error line
            requests = len(fake.log)
            assert requests <= 60, f"{requests} requests for {len(answers)} odd answers"
            assert all(math.isfinite(s) and 0 < s <= MAX_WAIT for s in fake.clock.sleeps), fake.clock.sleeps
            assert not made_twice(fake), made_twice(fake)
            # whatever happened, a clean apply afterwards finishes without making anything twice
            fake.script.clear()
            fake._next_scripted = original  # type: ignore[method-assign]
            again = cli.main(command_line("apply", path))
            out = capsys.readouterr()
            assert again in (0, 1), (again, out)
            assert not made_twice(fake), made_twice(fake)
        finally:
            fake.stop()

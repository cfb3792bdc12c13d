"""The asynchronous checker against real HTTP servers on 127.0.0.1: one test per case of the issue."""

from __future__ import annotations

import threading
import time

import pytest

from handbook.linkhealth import http
from link_servers import CASES, FakeTime, LinkServer, Reply, invite_routes, redirect, refused_url

FAST = http.Settings(timeout=0.5, retries=1, backoff=0.01, limits=http.HostLimits(concurrency=2, delay=0.0))


def check(urls: list[str], settings: http.Settings = FAST, wall=None, **targets
          ) -> tuple[dict[str, http.LinkOutcome], FakeTime]:
    fake = FakeTime()
    found, _ = http.check_links([http.Target(u) for u in urls] + list(targets.values()), settings,
                                clock=fake.clock, sleep=fake.sleep, **({"wall": wall} if wall else {}))
    return found, fake


@pytest.fixture
def server():
    with LinkServer(dict(CASES)) as running:
        yield running


@pytest.mark.parametrize("path, status, code, final", [
    ("/ok", "ok", 200, None),
    ("/missing", "dead", 404, None),
    ("/gone", "dead", 410, None),
    ("/moved", "redirected", 200, "/ok"),
    ("/moved-dead", "dead", 404, "/missing"),
    ("/perm", "redirected", 200, "/ok"),
    ("/temp", "ok", 200, "/ok"),
])
def test_status_codes_and_redirects(server, path, status, code, final):
    found, _ = check([server.url + path])
    outcome = found[server.url + path]
    assert (outcome.status, outcome.code) == (status, code)
    assert outcome.final_url == (server.url + final if final else None)


def test_head_refused_then_get(server):
    found, _ = check([server.url + "/no-head"])
    assert found[server.url + "/no-head"].status == "ok"
    assert server.count("/no-head", "HEAD") == 1 and server.count("/no-head", "GET") == 1


def test_after_a_refused_head_the_host_is_asked_with_get_only(server):
    settings = http.Settings(timeout=0.5, retries=0, limits=http.HostLimits(concurrency=1))
    found, _ = check([server.url + "/no-head", server.url + "/ok"], settings)
    assert found[server.url + "/ok"].status == "ok"
    assert server.count("/ok", "HEAD") == 0 and server.count("/ok", "GET") == 1


def test_a_slow_server_times_out_after_the_retries(server):
    found, fake = check([server.url + "/slow"])
    outcome = found[server.url + "/slow"]
    assert outcome.status == "unreachable"
    assert outcome.error == "no answer within 0.5 s"
    assert server.count("/slow") == 2  # one try and one retry
    assert fake.sleeps == [0.01]  # the backoff before the retry


def test_429_with_retry_after_pauses_the_host_then_succeeds(server):
    found, fake = check([server.url + "/limited"])
    assert found[server.url + "/limited"].status == "ok"
    assert server.count("/limited") == 2
    assert fake.sleeps == [2.0]  # Retry-After: 2, waited in full before the second request


def test_no_request_to_a_paused_host_before_retry_after_has_passed():
    routes = {"/limited": [Reply(429, {"Retry-After": "30"}), Reply(200)], **{f"/p{i}": [Reply(200)] for i in range(6)}}
    with LinkServer(routes) as server:
        fake = FakeTime()
        seen_at: list[float] = []
        original = server.reply_for

        def record(method, path, raw):
            seen_at.append(fake.now)
            return original(method, path, raw)

        server.reply_for = record
        urls = [server.url + "/limited"] + [server.url + f"/p{i}" for i in range(6)]
        settings = http.Settings(timeout=1, retries=0, limits=http.HostLimits(concurrency=1))
        found, _ = http.check_links([http.Target(u) for u in urls], settings, clock=fake.clock, sleep=fake.sleep)
    assert all(o.status == "ok" for o in found.values())
    assert seen_at[0] == 1000.0 and all(t >= 1030.0 for t in seen_at[1:])


def test_a_429_asking_for_more_than_the_budget_gives_up_without_waiting():
    with LinkServer({"/limited": [Reply(429, {"Retry-After": "3600"})]}) as server:
        found, fake = check([server.url + "/limited"], http.Settings(budget=60, retries=0))
    outcome = found[server.url + "/limited"]
    assert (outcome.status, outcome.code) == ("unreachable", 429)
    assert "rate limited" in outcome.error and fake.sleeps == []


def test_500_then_200_is_retried_with_backoff(server):
    found, fake = check([server.url + "/flaky"], http.Settings(timeout=1, retries=2, backoff=0.25))
    assert found[server.url + "/flaky"].status == "ok"
    assert server.count("/flaky") == 2 and fake.sleeps == [0.25]


def test_a_server_error_that_lasts_is_unreachable_after_each_backoff():
    with LinkServer({"/down": [Reply(503)]}) as server:
        found, fake = check([server.url + "/down"], http.Settings(timeout=1, retries=3, backoff=0.5))
    assert (found[server.url + "/down"].status, found[server.url + "/down"].code) == ("unreachable", 503)
    assert server.count("/down") == 4 and fake.sleeps == [0.5, 1.0, 2.0]


def test_a_redirect_loop_is_dead(server):
    found, _ = check([server.url + "/loop-a"])
    outcome = found[server.url + "/loop-a"]
    assert (outcome.status, outcome.error) == ("dead", "redirect loop")
    assert server.count("/loop-a") + server.count("/loop-b") == 2


def test_too_many_redirects_is_dead():
    routes = {f"/r{i}": [redirect(301, f"/r{i + 1}")] for i in range(5)}
    with LinkServer(routes) as server:
        found, _ = check([server.url + "/r0"], http.Settings(max_redirects=3))
    assert found[server.url + "/r0"].status == "dead"
    assert found[server.url + "/r0"].error == "more than 3 redirects"


def test_a_connection_refused_is_unreachable_after_retries():
    url = refused_url()
    found, fake = check([url], http.Settings(retries=2, backoff=0.1))
    assert (found[url].status, found[url].error) == ("unreachable", "cannot connect: connection refused")
    assert fake.sleeps == [0.1, 0.2]


def test_accepted_status_codes_count_as_alive():
    with LinkServer({"/robots-no": [Reply(403)]}) as server:
        found, _ = check([server.url + "/robots-no"], http.Settings(retries=0, accept=frozenset({403})))
    assert found[server.url + "/robots-no"].status == "ok"


def test_the_time_budget_leaves_later_links_unchecked():
    with LinkServer({f"/p{i}": [Reply(200)] for i in range(5)}) as server:
        settings = http.Settings(budget=2.5, limits=http.HostLimits(concurrency=1, delay=1.0))
        found, _ = check([server.url + f"/p{i}" for i in range(5)], settings)
    statuses = [found[server.url + f"/p{i}"].status for i in range(5)]
    assert statuses == ["ok", "ok", "ok", "unchecked", "unchecked"]
    assert len(server.requests) == 3


def test_the_delay_spaces_the_starts_of_requests_to_one_host():
    with LinkServer({f"/p{i}": [Reply(200)] for i in range(4)}) as server:
        settings = http.Settings(limits=http.HostLimits(concurrency=2, delay=0.75))
        _, fake = check([server.url + f"/p{i}" for i in range(4)], settings)
    assert sum(fake.sleeps) >= 3 * 0.75


def test_per_host_concurrency_is_never_exceeded():
    in_flight, most = 0, 0
    lock = threading.Lock()
    with LinkServer({f"/p{i}": [Reply(200)] for i in range(12)}) as server:
        original = server.reply_for

        def counting(method, path, raw):
            nonlocal in_flight, most
            with lock:
                in_flight += 1
                most = max(most, in_flight)
            time.sleep(0.05)  # hold the request open so overlaps can happen
            with lock:
                in_flight -= 1
            return original(method, path, raw)

        server.reply_for = counting
        settings = http.Settings(hosts={server.url.split("//")[1]: http.HostLimits(concurrency=3)})
        found, _ = check([server.url + f"/p{i}" for i in range(12)], settings)
    assert len(found) == 12 and most == 3


def test_progress_is_reported_once_per_link(server):
    calls: list[tuple[int, int]] = []
    fake = FakeTime()
    http.check_links([http.Target(server.url + p) for p in ("/ok", "/missing", "/gone")], FAST,
                     clock=fake.clock, sleep=fake.sleep, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


# --- Discord invites ---------------------------------------------------------------------------

@pytest.fixture
def discord():
    with LinkServer(invite_routes()) as running:
        yield running


def invite(code: str, server: LinkServer) -> http.Target:
    return http.Target(f"https://discord.gg/{code}", invite_code=code, api_base=server.url + "/api")


def test_an_alive_invite_has_its_counts(discord):
    found, _ = check([], alive=invite("campfire", discord))
    outcome = found["https://discord.gg/campfire"]
    assert outcome.status == "ok"
    assert outcome.discord == {"members": 1234, "online": 56, "expires_at": None}
    assert discord.requests == [("GET", "/api/invites/campfire?with_counts=true")]


def test_an_expired_invite_is_dead(discord):
    found, _ = check([], gone=invite("expired", discord))
    outcome = found["https://discord.gg/expired"]
    assert (outcome.status, outcome.code, outcome.error, outcome.discord) == ("dead", 404, "invite expired", None)


def test_a_rate_limited_invite_waits_for_discords_retry_after(discord):
    found, fake = check([], busy=invite("busy", discord))
    assert found["https://discord.gg/busy"].discord == {"members": 7, "online": 2, "expires_at": None}
    assert fake.sleeps == [1.5] and discord.count("/api/invites/busy") == 2


def test_retry_after_as_an_http_date():
    import email.utils

    now = 1_796_000_000.0  # a fixed wall clock: the wait is the date's distance from it, exactly
    when = email.utils.formatdate(now + 30, usegmt=True)
    with LinkServer({"/limited": [Reply(429, {"Retry-After": when}), Reply(200)]}) as server:
        found, fake = check([server.url + "/limited"], wall=lambda: now)
    assert found[server.url + "/limited"].status == "ok"
    assert len(fake.sleeps) == 1 and 20 <= fake.sleeps[0] <= 30

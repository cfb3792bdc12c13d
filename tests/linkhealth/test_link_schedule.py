"""The link checker's schedule on real local servers: requests in flight counted per host and in
all (never seconds), the order links are handed out in, and a slow host that holds only its own
slots (issue 26)."""

from __future__ import annotations

import threading
import time

from link_servers import FakeTime, LinkServer, Reply

from handbook.linkhealth import http


class InFlight:
    """Counts the requests being answered, per server and in all, across several servers."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: dict[str, int] = {}
        self.most: dict[str, int] = {}
        self.now_total = self.most_total = 0

    def watch(self, server: LinkServer, hold: float = 0.05) -> None:
        original, name = server.reply_for, server.url

        def counting(method, path, raw):
            with self.lock:
                self.now[name] = self.now.get(name, 0) + 1
                self.most[name] = max(self.most.get(name, 0), self.now[name])
                self.now_total += 1
                self.most_total = max(self.most_total, self.now_total)
            time.sleep(hold)  # keep the request open so that overlaps can happen (nothing is timed)
            with self.lock:
                self.now[name] -= 1
                self.now_total -= 1
            return original(method, path, raw)

        server.reply_for = counting


def test_requests_in_flight_stay_within_each_host_and_the_total():
    counts = InFlight()
    servers = [LinkServer({f"/p{i}": [Reply(200)] for i in range(6)}) for _ in range(4)]
    for server in servers:
        server.__enter__()
        counts.watch(server)
    try:
        urls = [server.url + f"/p{i}" for server in servers for i in range(6)]
        settings = http.Settings(timeout=5, retries=0, total_concurrency=3,
                                 limits=http.HostLimits(concurrency=2, delay=0.0))
        found, requests = http.check_links([http.Target(u) for u in urls], settings)
    finally:
        for server in servers:
            server.__exit__(None, None, None)
    assert {found[u].status for u in urls} == {"ok"} and requests == 24
    assert counts.most_total == 3  # the total is reached and never passed
    assert max(counts.most.values()) <= 2 and len(counts.most) == 4


def test_the_host_with_the_most_links_left_goes_first():
    """One link at a time overall and every host's turn come: the longest queue is served first
    (its tail would otherwise be left for the end), and a tie goes to the host listed first."""
    arrivals: list[str] = []
    with LinkServer({}, default=Reply(200)) as small, LinkServer({}, default=Reply(200)) as big:
        for server in (small, big):
            original = server.reply_for
            server.reply_for = lambda method, path, raw, original=original: arrivals.append(path) or \
                original(method, path, raw)
        urls = [small.url + "/s0", big.url + "/b0", big.url + "/b1", big.url + "/b2"]
        fake = FakeTime()
        settings = http.Settings(timeout=5, retries=0, total_concurrency=1,
                                 limits=http.HostLimits(concurrency=1, delay=0.0))
        http.check_links([http.Target(u) for u in urls], settings, clock=fake.clock, sleep=fake.sleep)
    assert arrivals == ["/b0", "/b1", "/s0", "/b2"]  # 3 left to 1, 2 to 1, then 1 each: the first listed


def test_a_slow_host_holds_only_its_own_slot():
    """Two links at a time overall; the slow host (one slot) does not answer until the fast host
    has had every request: the second worker must go on with the fast host meanwhile."""
    fast_done = threading.Event()
    with LinkServer({}, default=Reply(200)) as fast, LinkServer({}, default=Reply(200)) as slow:
        fast_original, slow_original = fast.reply_for, slow.reply_for

        def fast_reply(method, path, raw):
            reply = fast_original(method, path, raw)
            if len(fast.requests) == 6:
                fast_done.set()
            return reply

        def slow_reply(method, path, raw):
            fast_done.wait(timeout=30)  # not a timing: a bound, so that a stuck checker fails the test
            return slow_original(method, path, raw)

        fast.reply_for, slow.reply_for = fast_reply, slow_reply
        urls = [slow.url + f"/s{i}" for i in range(3)] + [fast.url + f"/f{i}" for i in range(6)]
        settings = http.Settings(timeout=60, retries=0, total_concurrency=2,
                                 hosts={slow.url.split("//")[1]: http.HostLimits(concurrency=1)},
                                 limits=http.HostLimits(concurrency=1, delay=0.0))
        found, _ = http.check_links([http.Target(u) for u in urls], settings)
    assert {found[u].status for u in urls} == {"ok"}
    assert fast_done.is_set()
    assert len(slow.requests) == 3  # all answered, the first one only after the fast host's six


def test_the_schedule_hands_out_turns_claimed_in_advance():
    """The pure schedule: each hand-out claims its start, so the next worker sees the host's next
    turn; a host whose slots are all taken is passed over until one is given back."""
    import asyncio

    from handbook.linkhealth.schedule import Host, HostLimits, Schedule

    async def scenario() -> list[tuple[str, float | None]]:
        now = [0.0]
        a = Host(HostLimits(concurrency=2, delay=1.0))
        b = Host(HostLimits(concurrency=1, delay=0.0))
        a.queue.extend(["a1", "a2", "a3"])
        b.queue.append("b1")
        schedule = Schedule([a, b], deadline=10.0, clock=lambda: now[0])
        assert schedule.slots() == 3
        turns = [await schedule.next() for _ in range(3)]  # a1 now; b1 now (a's next turn is at 1); a2 at 1
        waiting = asyncio.ensure_future(schedule.next())  # a has both slots taken: waits
        await asyncio.sleep(0)
        assert not waiting.done()
        schedule.done(turns[0])
        turns.append(await waiting)  # a slot back: a3, at a's next turn
        assert await schedule.next() is None
        return [(t.target, t.start) for t in turns if t is not None]

    assert asyncio.run(scenario()) == [("a1", 0.0), ("b1", 0.0), ("a2", 1.0), ("a3", 2.0)]


def test_a_turn_after_the_deadline_is_handed_out_unchecked():
    import asyncio

    from handbook.linkhealth.schedule import Host, HostLimits, Schedule

    async def scenario() -> list[float | None]:
        host = Host(HostLimits(concurrency=3, delay=2.0))
        host.queue.extend(["x", "y", "z"])
        schedule = Schedule([host], deadline=3.0, clock=lambda: 0.0)
        return [(await schedule.next()).start for _ in range(3)]

    assert asyncio.run(scenario()) == [0.0, 2.0, None]

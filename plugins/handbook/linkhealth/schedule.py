"""The link checker's schedule: which link starts next, and when, under per-host and overall limits.

Each host has its queue of links not yet started, `concurrency` slots, a minimum `delay` between
the starts of two requests and, after a 429, a pause. A fixed number of workers (the overall
limit, never a task per link) each ask `Schedule.next` for a link:

- only hosts with a free slot are considered, so a slow host holds its own slots and no more:
  the workers go on with the other hosts while its answers take their time;
- among the hosts whose turn has come, the one with the most links left (longest work first: no
  host is left with a long queue at the end, when the other workers would have nothing to do);
  when no turn has come yet, the host whose turn comes first;
- the start is claimed when the link is handed out, so two workers never wait for the same turn,
  and a worker waits only for its own.

A link keeps its host's slot until its outcome is known (its retries and redirect hops included).
Hops to another host and retries wait for that host's turn (`Host.turn`), without a slot of its
own: a slot is a link's, and two links redirecting to each other's hosts can never wait for
each other.

The best any schedule can do under these limits (benchmarks/bench_links_check.py measures the
checker against it): no host finishes before its links' latencies shared among its slots, nor
before its last start (`delay` after each other) plus that request's latency; and all the links'
latencies shared among the overall limit.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class HostLimits:
    concurrency: int = 2
    delay: float = 0.0
    """Seconds between the starts of two requests to the host."""


@dataclass(eq=False)
class Host:
    """One host's turn-taking: its links not yet started, its slots, the delay, a pause after a 429."""

    limits: HostLimits
    queue: deque[Any] = field(default_factory=deque)
    next_start: float = -math.inf
    paused_until: float = -math.inf
    head_refused: bool = False
    busy: int = 0
    """Links of this host being checked: each holds a slot from its hand-out to its outcome."""

    @property
    def slots(self) -> int:
        return max(1, self.limits.concurrency)  # a limit of 0 given in code still lets one through, as before

    def earliest(self, now: float) -> float:
        return max(now, self.next_start, self.paused_until)

    async def turn(self, clock: Callable[[], float], sleep: Callable[[float], Awaitable[None]],
                   deadline: float) -> bool:
        """Wait until a request may start (a retry, a redirect hop); False when that would be after the deadline."""
        while True:
            now = clock()
            start = self.earliest(now)
            if start > deadline:
                return False
            if start <= now:  # no await between this check and the claim: no other worker can slip in
                self.next_start = now + self.limits.delay
                return True
            await sleep(start - now)


@dataclass(frozen=True)
class Turn:
    host: Host
    target: Any
    start: float | None
    """When its first request may start (already claimed); None when that would be after the deadline."""


class Schedule:
    def __init__(self, hosts: Iterable[Host], deadline: float, clock: Callable[[], float]) -> None:
        self.waiting = [host for host in hosts if host.queue]
        """Hosts with links not yet handed out."""
        self.deadline, self.clock = deadline, clock
        self._freed = asyncio.Event()

    def slots(self) -> int:
        """Slots that can be busy at once: more workers than this would have nothing to do."""
        return sum(min(host.slots, len(host.queue)) for host in self.waiting)

    async def next(self) -> Turn | None:
        """The next link to check and the start claimed for it; None when every link is handed out."""
        while self.waiting:
            now = self.clock()
            best: Host | None = None
            best_key = (math.inf, 0)
            for host in self.waiting:
                if host.busy >= host.slots:
                    continue
                key = (host.earliest(now), -len(host.queue))  # a turn come (now) first, then the longest queue
                if key < best_key:
                    best, best_key = host, key
            if best is None:  # every host with links left is busy: wait for a slot
                self._freed.clear()
                await self._freed.wait()
                continue
            return self._hand_out(best, best_key[0])
        return None

    def _hand_out(self, host: Host, start: float) -> Turn:
        target = host.queue.popleft()
        if not host.queue:
            self.waiting.remove(host)
        host.busy += 1
        if start > self.deadline:
            return Turn(host, target, None)
        host.next_start = start + host.limits.delay
        return Turn(host, target, start)

    def done(self, turn: Turn) -> None:
        """The link has its outcome: its slot is free for the next one."""
        turn.host.busy -= 1
        self._freed.set()

"""The asynchronous link checker: the only module of `handbook.linkhealth` that speaks HTTP (httpx).

Politeness first, then speed:

- Links are grouped by host (`host:port`); each host has its concurrency limit and a minimum delay
  between the starts of two requests, and no more than `total_concurrency` links are checked at once
  overall. A fixed pool of workers takes the links in the order `handbook.linkhealth.schedule`
  gives them (a free slot, the turn that comes first, the longest queue first), so the work runs
  close to the best schedule those limits allow, and memory does not grow with the links beyond
  their results.
- HEAD first; GET (headers only, the body is never read) when a server refuses HEAD (400, 403,
  405, 406, 501), and from then on GET for that host.
- Redirects are followed hop by hop (each hop waits its host's turn); a chain that starts with a
  permanent redirect (301, 308) and ends at a live page is `redirected`, with the new URL; a loop,
  too many hops or a `Location` that is not a web address (`ftp:`, `mailto:`, a bad port) is
  `dead`. A link that is not a web address itself is `dead` without a request.
- `timeout` is a deadline for each whole answer (a server that drips its headers cannot stretch
  it), cut shorter when the budget has less left; timeouts, connection errors and 5xx answers are
  retried with exponential backoff.
- 429: the host is paused for `Retry-After` (seconds or an HTTP date; Discord also puts
  `retry_after` in its JSON body: https://discord.com/developers/docs/topics/rate-limits), and no
  request starts to that host before the pause is over; without a readable one, the backoff.
- A total time budget: links whose turn would come after it, or whose answer is still coming
  when it ends, are `unchecked`.

Whatever a server answers is a result: a body is read only where it is needed (an invite, a 429)
and only its first `BODY_LIMIT` bytes.

The clock and the sleep are injectable, so tests count waits instead of waiting.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import math
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from handbook.linkhealth import invites
from handbook.linkhealth.addresses import address_problem, split
from handbook.linkhealth.schedule import Host, HostLimits, Schedule, Turn

HEAD_REFUSED = frozenset({400, 403, 405, 406, 501})
PERMANENT = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_429_IN_A_ROW = 5
BODY_LIMIT = 64 * 1024
"""Bytes of a body read at most (an invite's answer, a 429's `retry_after`): a server may send more."""
_LOCATION = "handbook.location"
MAX_CONNECTIONS = 256
"""Open connections at most, idle ones kept for the hosts to come included (file descriptors are finite)."""


@dataclass(frozen=True)
class Settings:
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0
    """Seconds before the first retry; each further retry waits twice as long."""
    budget: float = 600.0
    """Seconds for the whole check; later links stay unchecked."""
    max_redirects: int = 10
    max_retry_after: float = 300.0
    """A 429 asking to wait longer than this leaves the link unreachable (rate limited)."""
    accept: frozenset[int] = frozenset()
    """Status codes counted as alive besides 2xx (for sites that answer robots with 403 or 999)."""
    limits: HostLimits = HostLimits()
    total_concurrency: int = 128
    """Links checked at once over all hosts (each host also has its own `limits.concurrency`)."""
    hosts: dict[str, HostLimits] = field(default_factory=dict)
    """Limits for particular hosts, by host name or `host:port`."""
    user_agent: str = "handbook-link-check"

    def limits_for(self, host_key: str) -> HostLimits:
        return self.hosts.get(host_key) or self.hosts.get(host_key.rsplit(":", 1)[0]) or self.limits


@dataclass(frozen=True)
class Target:
    url: str
    """The link as written (for an invite: the invite URL)."""
    invite_code: str | None = None
    api_base: str | None = None


@dataclass
class LinkOutcome:
    status: str
    code: int | None = None
    final_url: str | None = None
    error: str | None = None
    discord: dict | None = None


@dataclass
class _Answer:
    code: int
    location: str | None
    body: object = None
    """The JSON body, for the answers whose body is read (None when it is not JSON)."""
    headers: httpx.Headers = field(default_factory=httpx.Headers)


@dataclass
class _Failure:
    status: str
    error: str
    code: int | None = None


def host_key(url: str) -> str:
    parts = split(url)
    return (parts.netloc or "").lower() if parts else ""


def retry_after(headers: httpx.Headers, body: object = None, wall: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asks to wait: `Retry-After` (seconds or an HTTP date), or Discord's body.

    None when neither says a usable number (garbage, `nan`): the caller backs off instead.
    """
    header = headers.get("retry-after", "").strip()
    if header:
        seconds: float | None
        try:
            seconds = float(header)
        except ValueError:
            seconds = _seconds_until(header, wall)
        if seconds is not None and math.isfinite(seconds):
            return max(seconds, 0.0)
    value = body.get("retry_after") if isinstance(body, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return max(float(value), 0.0)
    return None


def _seconds_until(date: str, wall: Callable[[], float]) -> float | None:
    try:
        return email.utils.parsedate_to_datetime(date).timestamp() - wall()
    except (TypeError, ValueError, OverflowError, IndexError):  # not a date, or one no clock can hold
        return None


def _json(data: bytes | None) -> object:
    if not data:
        return None
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # not JSON (or not UTF-8), or nested deeper than Python goes
        return None


async def _read_some(response: httpx.Response) -> bytes | None:
    """The first `BODY_LIMIT` bytes of the body; None when it cannot be read (cut short, bad encoding)."""
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= BODY_LIMIT:
                break
    except httpx.HTTPError:
        return None
    return b"".join(chunks)[:BODY_LIMIT]


async def _keep_location(response: httpx.Response) -> None:
    """Put `Location` aside before httpx builds a next request from it (this checker follows
    redirects itself): httpx refuses a malformed one with an error, and the answer would be lost."""
    if "location" in response.headers:
        response.extensions[_LOCATION] = response.headers["location"]
        del response.headers["location"]


class Checker:
    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 progress: Callable[[int, int], None] | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 wall: Callable[[], float] = time.time) -> None:
        self.settings, self.clock, self.sleep, self.progress = settings, clock, sleep, progress
        self.wall = wall
        """Wall-clock seconds, for `Retry-After` given as a date (the `clock` may be monotonic)."""
        self.transport = transport
        self.hosts: dict[str, Host] = {}
        self.requests = 0

    def _host(self, url: str) -> Host:
        key = host_key(url)
        if key not in self.hosts:
            self.hosts[key] = Host(self.settings.limits_for(key))
        return self.hosts[key]

    async def check(self, targets: list[Target]) -> dict[str, LinkOutcome]:
        """Check every target once; the answer maps each target's URL to its outcome."""
        for target in targets:
            self._host(self._request_url(target)).queue.append(target)
        results: dict[str, LinkOutcome] = {}
        total, deadline = len(targets), self.clock() + self.settings.budget
        schedule = Schedule(self.hosts.values(), deadline, self.clock)
        slots = schedule.slots()
        workers = max(1, min(self.settings.total_concurrency, slots))
        # Idle connections are kept for as many host slots as can be (a worker moves from host to
        # host), within what a process may open.
        connections = max(workers, min(slots, MAX_CONNECTIONS))
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        headers = {"User-Agent": self.settings.user_agent}
        async with httpx.AsyncClient(timeout=self.settings.timeout, limits=limits, headers=headers,
                                     follow_redirects=False, transport=self.transport,
                                     event_hooks={"response": [_keep_location]}) as client:

            async def work() -> None:
                while (turn := await schedule.next()) is not None:
                    try:
                        outcome = await self._take(client, turn, deadline)
                    finally:
                        schedule.done(turn)
                    results[turn.target.url] = outcome
                    if self.progress is not None:
                        self.progress(len(results), total)

            await asyncio.gather(*(work() for _ in range(workers)))
        return results

    async def _take(self, client: httpx.AsyncClient, turn: Turn, deadline: float) -> LinkOutcome:
        """One link handed out by the schedule, from the start claimed for it."""
        if turn.start is None:
            return LinkOutcome("unchecked", None, None, "the time budget ran out before its turn")
        wait = turn.start - self.clock()
        if wait > 0:
            await self.sleep(wait)
        return await self._check_one(client, turn.target, deadline, turn_taken=True)

    @staticmethod
    def _request_url(target: Target) -> str:
        return invites.invite_api_url(target.invite_code, target.api_base) if target.invite_code else target.url

    # --- one link ------------------------------------------------------------------------------

    async def _check_one(self, client: httpx.AsyncClient, target: Target, deadline: float,
                         turn_taken: bool = False) -> LinkOutcome:
        """`turn_taken`: the first request's turn at its host is already claimed (by the schedule)."""
        if target.invite_code:
            return await self._check_invite(client, target, deadline, turn_taken)
        problem = address_problem(target.url)
        if problem:
            return LinkOutcome("dead", None, None, f"not a web address: {problem}")
        url, seen, permanent = target.url, {target.url}, None
        for hop in range(self.settings.max_redirects + 1):
            answer = await self._ask(client, url, deadline, turn_taken and hop == 0)
            if isinstance(answer, _Failure):
                return LinkOutcome(answer.status, answer.code, url if url != target.url else None, answer.error)
            code, location = answer.code, answer.location
            final = url if url != target.url else None
            if code in REDIRECTS and location:
                permanent = code in PERMANENT if permanent is None else permanent
                try:
                    url = urljoin(url, location)
                except ValueError:  # urljoin reads the address first (an unclosed `[`): judge it as it came
                    url = location
                problem = address_problem(url)
                if problem:
                    return LinkOutcome("dead", code, final, f"redirects to {_shown(location)}, not a web address: {problem}")
                if url in seen:
                    return LinkOutcome("dead", code, url, "redirect loop")
                seen.add(url)
                continue
            if 200 <= code < 300 or code in self.settings.accept:
                return LinkOutcome("redirected" if permanent else "ok", code, final)
            if code >= 500:
                return LinkOutcome("unreachable", code, final, f"server error {code}")
            return LinkOutcome("dead", code, final, f"HTTP {code}")
        return LinkOutcome("dead", None, url, f"more than {self.settings.max_redirects} redirects")

    async def _ask(self, client: httpx.AsyncClient, url: str, deadline: float,
                   turn_taken: bool = False) -> _Answer | _Failure:
        """One URL's answer (status code and Location), HEAD first; a failure after the retries."""
        host = self._host(url)
        if not host.head_refused:
            answer = await self._send(client, "HEAD", url, deadline, turn_taken=turn_taken)
            if isinstance(answer, _Failure) or answer.code not in HEAD_REFUSED:
                return answer
            host.head_refused = True
            turn_taken = False
        return await self._send(client, "GET", url, deadline, turn_taken=turn_taken)

    async def _check_invite(self, client: httpx.AsyncClient, target: Target, deadline: float,
                            turn_taken: bool = False) -> LinkOutcome:
        answer = await self._send(client, "GET", self._request_url(target), deadline, read_body=True,
                                  turn_taken=turn_taken)
        if isinstance(answer, _Failure):
            return LinkOutcome(answer.status, answer.code, None, answer.error)
        invite = invites.read_answer(answer.code, answer.body)
        return LinkOutcome(invite.status, answer.code, None, invite.error, invite.discord())

    async def _send(self, client: httpx.AsyncClient, method: str, url: str, deadline: float,
                    read_body: bool = False, turn_taken: bool = False) -> _Answer | _Failure:
        """One request with its retries: backoff on 5xx and connection errors, pauses on 429."""
        host, attempt, limited = self._host(url), 0, 0
        while True:
            if turn_taken:  # the first attempt's turn, claimed when the schedule handed the link out
                turn_taken = False
            elif not await host.turn(self.clock, self.sleep, deadline):
                return _Failure("unchecked", "the time budget ran out before its turn")
            self.requests += 1
            problem: _Failure | None  # None: a 5xx answer, retried while attempts are left
            # httpx's timeout is per read: a server that drips its headers a line at a time never
            # trips it. The whole answer gets `timeout`, and no more than the budget has left.
            limit = min(self.settings.timeout, max(deadline - self.clock(), 0.0))
            try:
                answer = await asyncio.wait_for(self._exchange(client, method, url, read_body), limit)
            except (httpx.TimeoutException, asyncio.TimeoutError) as err:
                if not isinstance(err, httpx.TimeoutException) and limit < self.settings.timeout:
                    return _Failure("unchecked", "the time budget ran out before its answer came")
                problem = _Failure("unreachable", f"no answer within {self.settings.timeout:g} s")
            except httpx.TransportError as err:
                problem = _Failure("unreachable", f"cannot connect: {_reason(err)}")
            except httpx.InvalidURL as err:  # address_problem let it through; httpx is stricter (IDNA)
                return _Failure("dead", f"not a web address: it cannot be read: {err}")
            else:
                if answer.code == 429:
                    wait = retry_after(answer.headers, answer.body, self.wall)
                    wait = self.settings.backoff * 2 ** limited if wait is None else wait
                    limited += 1
                    if (wait > self.settings.max_retry_after or limited > MAX_429_IN_A_ROW
                            or self.clock() + wait > deadline):
                        return _Failure("unreachable", f"rate limited (asked to wait {wait:g} s)", 429)
                    host.paused_until = max(host.paused_until, self.clock() + wait)
                    continue
                if answer.code < 500 or attempt >= self.settings.retries:
                    return answer
                problem = None
            if attempt >= self.settings.retries:
                assert problem is not None
                return problem
            await self.sleep(self.settings.backoff * 2 ** attempt)
            attempt += 1

    @staticmethod
    async def _exchange(client: httpx.AsyncClient, method: str, url: str, read_body: bool) -> _Answer:
        """One request and its answer; the body is read only for an invite or a 429 (its `retry_after`)."""
        response = await client.send(client.build_request(method, url), stream=True)
        try:
            body = _json(await _read_some(response)) if read_body or response.status_code == 429 else None
            return _Answer(response.status_code, response.extensions.get(_LOCATION), body, response.headers)
        finally:
            await response.aclose()


def _shown(location: str) -> str:
    """A Location as a message shows it: a hostile server may send a very long one."""
    return location if len(location) <= 200 else location[:200] + "…"


def _reason(err: Exception) -> str:
    """The cause people recognise: "connection refused", a DNS failure, else httpx's words."""
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return "no such host"
        cause = cause.__cause__ or cause.__context__
    return str(err).strip() or type(err).__name__


def check_links(targets: list[Target], settings: Settings, **kwargs) -> tuple[dict[str, LinkOutcome], int]:
    """Run the checker to the end; the outcomes and how many requests it made."""
    checker = Checker(settings, **kwargs)
    results = asyncio.run(checker.check(targets))
    return results, checker.requests

"""The asynchronous link checker: the only module of `handbook.linkhealth` that speaks HTTP (httpx).

Politeness first, then speed:

- Links are grouped by host (`host:port`); each host gets as many workers as its concurrency limit
  and a minimum delay between the starts of two requests, so the work runs at the ideal schedule
  those limits allow, with memory that does not grow with the number of links per host.
- HEAD first; GET (headers only, the body is never read) when a server refuses HEAD (400, 403,
  405, 406, 501), and from then on GET for that host.
- Redirects are followed hop by hop (each hop waits its host's turn); a chain that starts with a
  permanent redirect (301, 308) and ends at a live page is `redirected`, with the new URL; a loop
  or too many hops is `dead`.
- Timeouts, connection errors and 5xx answers are retried with exponential backoff.
- 429: the host is paused for `Retry-After` (seconds or an HTTP date; Discord also puts
  `retry_after` in its JSON body: https://discord.com/developers/docs/topics/rate-limits), and no
  request starts to that host before the pause is over.
- A total time budget: links whose turn would come after it are `unchecked`.

The clock and the sleep are injectable, so tests count waits instead of waiting.
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from handbook.linkhealth import invites

HEAD_REFUSED = frozenset({400, 403, 405, 406, 501})
PERMANENT = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_429_IN_A_ROW = 5


@dataclass(frozen=True)
class HostLimits:
    concurrency: int = 2
    delay: float = 0.0
    """Seconds between the starts of two requests to the host."""


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
class Outcome:
    status: str
    code: int | None = None
    final_url: str | None = None
    error: str | None = None
    discord: dict | None = None


@dataclass
class _Failure:
    status: str
    error: str
    code: int | None = None


class _Host:
    """One host's turn-taking: a delay between request starts and a pause after a 429."""

    def __init__(self, limits: HostLimits) -> None:
        self.limits = limits
        self.next_start = -math.inf
        self.paused_until = -math.inf
        self.head_refused = False

    async def turn(self, clock: Callable[[], float], sleep: Callable[[float], Awaitable[None]],
                   deadline: float) -> bool:
        """Wait until a request may start; False when that would be after the deadline."""
        while True:
            now = clock()
            start = max(now, self.next_start, self.paused_until)
            if start > deadline:
                return False
            if start <= now:  # no await between this check and the claim: no other worker can slip in
                self.next_start = now + self.limits.delay
                return True
            await sleep(start - now)


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc or "").lower()


def retry_after(response: httpx.Response, wall: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asks to wait: `Retry-After` (seconds or an HTTP date), or Discord's body."""
    header = response.headers.get("retry-after")
    if header:
        try:
            return max(float(header), 0.0)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(header)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                return max(when.timestamp() - wall(), 0.0)
    try:
        body = response.json()
    except ValueError:
        return None
    value = body.get("retry_after") if isinstance(body, dict) else None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


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
        self.hosts: dict[str, _Host] = {}
        self.requests = 0

    def _host(self, url: str) -> _Host:
        key = host_key(url)
        if key not in self.hosts:
            self.hosts[key] = _Host(self.settings.limits_for(key))
        return self.hosts[key]

    async def check(self, targets: list[Target]) -> dict[str, Outcome]:
        """Check every target once; the answer maps each target's URL to its outcome."""
        queues: dict[str, deque[Target]] = {}
        for target in targets:
            queues.setdefault(host_key(self._request_url(target)), deque()).append(target)
        results: dict[str, Outcome] = {}
        total, deadline = len(targets), self.clock() + self.settings.budget
        workers = sum(min(self.settings.limits_for(k).concurrency, len(q)) for k, q in queues.items())
        limits = httpx.Limits(max_connections=max(workers, 1), max_keepalive_connections=max(workers, 1))
        headers = {"User-Agent": self.settings.user_agent}
        async with httpx.AsyncClient(timeout=self.settings.timeout, limits=limits, headers=headers,
                                     follow_redirects=False, transport=self.transport) as client:

            async def work(queue: deque[Target]) -> None:
                while queue:
                    target = queue.popleft()
                    results[target.url] = await self._check_one(client, target, deadline)
                    if self.progress is not None:
                        self.progress(len(results), total)

            await asyncio.gather(*(work(queue) for key, queue in queues.items()
                                   for _ in range(max(1, min(self.settings.limits_for(key).concurrency, len(queue))))))
        return results

    @staticmethod
    def _request_url(target: Target) -> str:
        return invites.invite_api_url(target.invite_code, target.api_base) if target.invite_code else target.url

    # --- one link ------------------------------------------------------------------------------

    async def _check_one(self, client: httpx.AsyncClient, target: Target, deadline: float) -> Outcome:
        if target.invite_code:
            return await self._check_invite(client, target, deadline)
        url, seen, permanent = target.url, {target.url}, None
        for _hop in range(self.settings.max_redirects + 1):
            answer = await self._ask(client, url, deadline)
            if isinstance(answer, _Failure):
                return Outcome(answer.status, answer.code, url if url != target.url else None, answer.error)
            code, location = answer
            if code in REDIRECTS and location:
                permanent = code in PERMANENT if permanent is None else permanent
                url = urljoin(url, location)
                if url in seen:
                    return Outcome("dead", code, url, "redirect loop")
                seen.add(url)
                continue
            final = url if url != target.url else None
            if 200 <= code < 300 or code in self.settings.accept:
                return Outcome("redirected" if permanent else "ok", code, final)
            if code >= 500:
                return Outcome("unreachable", code, final, f"server error {code}")
            return Outcome("dead", code, final, f"HTTP {code}")
        return Outcome("dead", None, url, f"more than {self.settings.max_redirects} redirects")

    async def _ask(self, client: httpx.AsyncClient, url: str, deadline: float) -> tuple[int, str | None] | _Failure:
        """One URL's answer (status code and Location), HEAD first; a failure after the retries."""
        host = self._host(url)
        if not host.head_refused:
            answer = await self._send(client, "HEAD", url, deadline)
            if isinstance(answer, _Failure) or answer.status_code not in HEAD_REFUSED:
                return answer if isinstance(answer, _Failure) else (answer.status_code, answer.headers.get("location"))
            host.head_refused = True
        answer = await self._send(client, "GET", url, deadline)
        return answer if isinstance(answer, _Failure) else (answer.status_code, answer.headers.get("location"))

    async def _check_invite(self, client: httpx.AsyncClient, target: Target, deadline: float) -> Outcome:
        answer = await self._send(client, "GET", self._request_url(target), deadline, read_body=True)
        if isinstance(answer, _Failure):
            return Outcome(answer.status, answer.code, None, answer.error)
        try:
            body = answer.json()
        except ValueError:
            body = None
        invite = invites.read_answer(answer.status_code, body)
        return Outcome(invite.status, answer.status_code, None, invite.error, invite.discord())

    async def _send(self, client: httpx.AsyncClient, method: str, url: str, deadline: float,
                    read_body: bool = False) -> httpx.Response | _Failure:
        """One request with its retries: backoff on 5xx and connection errors, pauses on 429."""
        host, attempt, limited = self._host(url), 0, 0
        while True:
            if not await host.turn(self.clock, self.sleep, deadline):
                return _Failure("unchecked", "the time budget ran out before its turn")
            self.requests += 1
            problem: _Failure | None  # None: a 5xx answer, retried while attempts are left
            try:
                response = await client.send(client.build_request(method, url), stream=not read_body)
                await response.aclose()
            except httpx.TimeoutException:
                problem = _Failure("unreachable", f"no answer within {self.settings.timeout:g} s")
            except httpx.TransportError as err:
                problem = _Failure("unreachable", f"cannot connect: {_reason(err)}")
            else:
                if response.status_code == 429:
                    wait = retry_after(response, self.wall)
                    wait = self.settings.backoff * 2 ** limited if wait is None else wait
                    limited += 1
                    if (wait > self.settings.max_retry_after or limited > MAX_429_IN_A_ROW
                            or self.clock() + wait > deadline):
                        return _Failure("unreachable", f"rate limited (asked to wait {wait:g} s)", 429)
                    host.paused_until = max(host.paused_until, self.clock() + wait)
                    continue
                if response.status_code < 500 or attempt >= self.settings.retries:
                    return response
                problem = None
            if attempt >= self.settings.retries:
                assert problem is not None
                return problem
            await self.sleep(self.settings.backoff * 2 ** attempt)
            attempt += 1


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


def check_links(targets: list[Target], settings: Settings, **kwargs) -> tuple[dict[str, Outcome], int]:
    """Run the checker to the end; the outcomes and how many requests it made."""
    checker = Checker(settings, **kwargs)
    results = asyncio.run(checker.check(targets))
    return results, checker.requests

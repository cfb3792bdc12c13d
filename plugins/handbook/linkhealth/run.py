"""One `handbook links check`: which links to check and from where, the cache, and the results.

Targets are every external link of the handbook's pages (`extract`, with file and line) and every
community's url and invite (`communities`, with its line in communities.yml). A result of the last
check younger than the cache age is kept instead of asking again, unless it was unreachable or
unchecked (those are always asked again). The HTTP work is `handbook.linkhealth.http`'s.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from handbook.linkhealth import http, invites
from handbook.linkhealth.communities import Communities
from handbook.linkhealth.extract import external_links, normalise
from handbook.linkhealth.status import LinkResult, LinkStatus, Where, now_text, parse_time

CACHEABLE = ("ok", "redirected", "dead")


@dataclass
class CheckRun:
    results: list[LinkResult]
    checked: int
    """Links asked about this time (the rest came from the cache)."""
    cached: int
    requests: int


def collect(pages: Iterable[tuple[str, str]], communities: Communities | None,
            exclude: list[str]) -> dict[str, list[Where]]:
    """Every link to check, once, with everywhere it is written. `pages`: (file as shown, Markdown)."""
    patterns = [re.compile(p) for p in exclude]
    found: dict[str, list[Where]] = {}

    def add(url: str, where: Where) -> None:
        url = normalise(url.strip())
        if any(p.search(url) for p in patterns):
            return
        places = found.setdefault(url, [])
        if where not in places:
            places.append(where)

    for shown, markdown in pages:
        for link in external_links(markdown):
            add(link.url, Where(shown, link.line))
    if communities is not None:
        for community in communities.entries:
            for url, line in community.urls():
                add(url, Where(communities.path, line))
    return found


def settings_from(options) -> http.Settings:
    """The checker's settings from the plugin's `link_check:` options."""
    hosts = {name: http.HostLimits(concurrency=limits.concurrency, delay=float(limits.delay))
             for name, limits in (options.hosts or {}).items()}
    return http.Settings(timeout=float(options.timeout), retries=options.retries, backoff=float(options.backoff),
                         budget=float(options.budget), accept=frozenset(options.accept),
                         limits=http.HostLimits(concurrency=options.concurrency, delay=float(options.delay)),
                         total_concurrency=options.total_concurrency, hosts=hosts)


def check(found: dict[str, list[Where]], previous: LinkStatus | None, settings: http.Settings,
          cache_age: dt.timedelta, now: dt.datetime | None = None, **checker_options) -> CheckRun:
    now = now or dt.datetime.now(dt.timezone.utc)
    stamp = now_text(now)
    fresh_since = now - cache_age
    results: list[LinkResult] = []
    targets: list[http.Target] = []
    base = invites.api_base()
    for url, where in found.items():
        old = previous.get(url) if previous else None
        old_time = parse_time(old.checked_at) if old else None
        if old is not None and old.status in CACHEABLE and old_time is not None and old_time >= fresh_since:
            results.append(LinkResult(old.url, old.status, old.code, old.final_url, old.checked_at, where,
                                      old.discord, old.error))
            continue
        targets.append(http.Target(url, invite_code=invites.invite_code(url), api_base=base))
    outcomes, requests = http.check_links(targets, settings, **checker_options) if targets else ({}, 0)
    for target in targets:
        outcome = outcomes[target.url]
        results.append(LinkResult(target.url, outcome.status, outcome.code, outcome.final_url, stamp,
                                  found[target.url], outcome.discord, outcome.error))
    return CheckRun(results=sorted(results, key=lambda r: r.url), checked=len(targets),
                    cached=len(results) - len(targets), requests=requests)

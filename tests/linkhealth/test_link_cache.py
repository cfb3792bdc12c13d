"""The cache of `handbook links check`: fresh answers are kept, old and unreachable ones asked again."""

from __future__ import annotations

import datetime as dt

from handbook.linkhealth import http, run
from handbook.linkhealth.status import LinkResult, LinkStatus, Where, now_text
from link_servers import FakeTime, LinkServer, Reply

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone.utc)


def test_fresh_results_are_kept_and_the_rest_asked_again():
    with LinkServer({}, default=Reply(200)) as server:
        urls = {name: f"{server.url}/{name}" for name in ("fresh-ok", "fresh-dead", "old-ok", "fresh-unreachable", "new")}
        fresh, old = now_text(NOW - dt.timedelta(hours=2)), now_text(NOW - dt.timedelta(hours=30))
        previous = LinkStatus(fresh, {
            urls["fresh-ok"]: LinkResult(urls["fresh-ok"], "ok", 200, checked_at=fresh),
            urls["fresh-dead"]: LinkResult(urls["fresh-dead"], "dead", 404, checked_at=fresh, error="HTTP 404"),
            urls["old-ok"]: LinkResult(urls["old-ok"], "ok", 200, checked_at=old),
            urls["fresh-unreachable"]: LinkResult(urls["fresh-unreachable"], "unreachable", checked_at=fresh),
        })
        found = {url: [Where("docs/index.md", i + 1)] for i, url in enumerate(urls.values())}
        fake = FakeTime()
        outcome = run.check(found, previous, http.Settings(retries=0), dt.timedelta(hours=20), now=NOW,
                            clock=fake.clock, sleep=fake.sleep)
    asked = sorted(path for _, path in server.requests)
    assert asked == ["/fresh-unreachable", "/new", "/old-ok"]
    assert (outcome.checked, outcome.cached, outcome.requests) == (3, 2, 3)
    results = {r.url: r for r in outcome.results}
    assert results[urls["fresh-dead"]].status == "dead"  # still dead: kept from the cache
    assert results[urls["fresh-dead"]].where == [Where("docs/index.md", 2)]  # with today's places
    assert results[urls["old-ok"]].checked_at == now_text(NOW)


def test_collect_drops_fragments_and_excluded_links():
    pages = [("docs/a.md", "[x](https://a.example/p#one) and [y](https://a.example/p#two)\n\n"
                           "[local](http://localhost:8000/)\n")]
    found = run.collect(pages, None, [r"^http://localhost[:/]"])
    assert found == {"https://a.example/p": [Where("docs/a.md", 1)]}

"""What a build says about the last link check: findings from `link_status.json`, never a request.

Dead links are `dead-link` findings at the page's file and line (found again in the page as it is
now, so the line is right after edits); permanent redirects are `moved-link` with the new URL;
unreachable links are `unreachable-link` (often a passing outage). A status file older than the
configured age is one line of its own. Pages that contain none of the problem URLs are not parsed.
"""

from __future__ import annotations

import datetime as dt

from handbook.findings import DEAD_LINK, Finding, MOVED_LINK, UNREACHABLE_LINK
from handbook.linkhealth.communities import Communities
from handbook.linkhealth.extract import external_links, normalise
from handbook.linkhealth.status import LinkResult, LinkStatus

RECHECK = "if it works again, run `handbook links check` to update link_status.json"


class ProblemLinks:
    """The links of the last check that need a person: dead, moved or unreachable."""

    def __init__(self, status: LinkStatus | None) -> None:
        self.problems: dict[str, LinkResult] = {}
        if status is not None:
            self.problems = {url: r for url, r in status.links.items()
                             if r.status in ("dead", "redirected", "unreachable")}

    def in_text(self, text: str) -> bool:
        """Whether `text` may hold one of the problem links (a quick look before any parsing)."""
        return bool(self.problems) and any(url in text for url in self.problems)

    def page_findings(self, markdown: str, shown: str) -> list[Finding]:
        """The problem links of a page whose whole text (front matter included, for the lines) is `markdown`."""
        if not self.in_text(markdown):
            return []
        findings = []
        for link in external_links(markdown):
            result = self.problems.get(normalise(link.url))
            if result is not None:
                findings.append(finding(result, link.url, shown, link.line))
        return findings

    def community_findings(self, communities: Communities | None) -> list[Finding]:
        if communities is None or not self.problems:
            return []
        findings = []
        for community in communities.entries:
            for url, line in community.urls():
                result = self.problems.get(normalise(url))
                if result is not None:
                    findings.append(finding(result, url, communities.path, line, community.name))
        return findings


def finding(result: LinkResult, url: str, shown: str, line: int | None, community: str | None = None) -> Finding:
    whose = f" (community `{community}`)" if community else ""
    when = f" on {result.checked_at[:10]}" if result.checked_at else ""
    if result.status == "redirected":
        return MOVED_LINK(f"{url}{whose} moved permanently to {result.final_url}",
                       shown, line, f"link to {result.final_url} instead")
    why = f" ({result.error})" if result.error else ""
    if result.status == "dead":
        fix = "update the link or remove it; " + RECHECK
        if result.error == "invite expired":
            fix = "ask the community for a new invite (one that never expires) and put it here"
        return DEAD_LINK(f"{url}{whose} was dead at the last link check{when}{why}",
                       shown, line, fix)
    return UNREACHABLE_LINK(f"{url}{whose} could not be reached at the last link check{when}{why}",
                   shown, line, "nothing yet if the site is down for a while; " + RECHECK)


def stale_line(status: LinkStatus | None, shown: str, max_age_days: int, now: dt.datetime | None = None) -> str | None:
    """One line when the status file is older than `max_age_days`, else None."""
    if status is None:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    age = status.age(now)
    if age is None or status.checked_at is None or age <= dt.timedelta(days=max_age_days):
        return None
    return (f"{shown}: the last link check was {age.days} days ago ({status.checked_at[:10]}), so link health may be "
            f"out of date. Fix: run `handbook links check` (a weekly CI job does it: see the maintainers' guide)")

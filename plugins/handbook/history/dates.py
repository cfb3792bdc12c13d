"""Commit dates no page should show: after the build, or none git can give.

A clock set wrong when someone committed, or history imported from another tool, can date a
commit in 2100; git cannot print a date before 1970 (its `%aI` stays as written) nor one that
overflows (it prints the epoch). Pages would say "last updated January 1, 2100" or "created
January 1, 1970", and the changelog would start in 2100. So a commit dated after the build is
shown as of the build, and a commit without a usable date takes the date of the commit before it
(the next older in the log), else of the one after it; the build says so once, as info.
Pure: the commits and the build's time in, the commits' dates bounded in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Protocol

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""What the log reader gives a date it cannot read; no real commit is from that moment."""


class Dated(Protocol):
    """A commit as far as its date goes (`handbook.history.log.Commit`, which imports this module)."""

    sha: str
    date: datetime


@dataclass(frozen=True)
class DateFixes:
    """The commits whose dates were changed, newest first (full shas)."""

    future: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.future or self.unknown)


def bound_dates(commits: Sequence[Dated], now: datetime) -> DateFixes:
    """Dates after `now` become `now`; dates at or before the epoch take a neighbour's (see above)."""
    future = [c for c in commits if c.date > now]
    for commit in future:
        commit.date = now
    unknown = [c for c in commits if c.date <= EPOCH]
    if len(unknown) < len(commits):
        older: datetime | None = None  # the date of the nearest older commit that has one
        for commit in reversed(commits):  # commits are newest first: walk from the oldest
            if commit.date > EPOCH:
                older = commit.date
            elif older is not None:
                commit.date = older
        newest_known = next(c.date for c in commits if c.date > EPOCH)
        for commit in commits:  # the oldest ones, with nothing older to take a date from
            if commit.date <= EPOCH:
                commit.date = newest_known
    else:
        for commit in unknown:
            commit.date = now
    return DateFixes(tuple(c.sha for c in future), tuple(c.sha for c in unknown))


def date_notice(fixes: DateFixes) -> str | None:
    """What the build says once (as info) about the dates it changed, or None."""
    if not fixes:
        return None

    def shas(found: tuple[str, ...]) -> str:
        shown = ", ".join(sha[:7] for sha in found[:5])
        return shown + (f" and {len(found) - 5} more" if len(found) > 5 else "")

    parts = []
    if fixes.future:
        parts.append(f"{_count(fixes.future)} dated after this build ({shas(fixes.future)}) {_are(fixes.future)} "
                     "shown as of the build")
    if fixes.unknown:
        parts.append(f"{_count(fixes.unknown)} without a date git can give ({shas(fixes.unknown)}) "
                     f"{_take(fixes.unknown)} the date of the commit before")
    return ("Page history: " + "; ".join(parts) + ". Fix: nothing is needed (a clock was wrong when "
            "they were made); to correct the dates, rewrite those commits with the right date.")


def _count(found: tuple[str, ...]) -> str:
    return "1 commit" if len(found) == 1 else f"{len(found)} commits"


def _are(found: tuple[str, ...]) -> str:
    return "is" if len(found) == 1 else "are"


def _take(found: tuple[str, ...]) -> str:
    return "takes" if len(found) == 1 else "take"

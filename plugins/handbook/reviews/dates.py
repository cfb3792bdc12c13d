"""Durations and dates, pure: "6 months" and "30d", ISO dates, adding months at month ends,
and which day "today" is.

A review date is a calendar date as the reviewer wrote it: `2024-03-01` or a timestamp with its
offset (`2024-03-01T23:30:00-05:00` is still the 1st, the reviewer's day). Adding months keeps the
day of the month and clamps it at the month's end (31 January + 1 month = 29 February in a leap
year), as calendars and people do. "Today" is `HANDBOOK_TODAY` (a date) when set, else the day of
`SOURCE_DATE_EPOCH` (the reproducible-builds convention), else the clock's, in the `timezone`.
"""

from __future__ import annotations

import calendar
import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

TODAY_ENV = "HANDBOOK_TODAY"
EPOCH_ENV = "SOURCE_DATE_EPOCH"

UNITS = {"day": "days", "days": "days", "d": "days",
         "week": "weeks", "weeks": "weeks", "w": "weeks",
         "month": "months", "months": "months", "mo": "months",
         "year": "years", "years": "years", "y": "years", "yr": "years"}
_DURATION = re.compile(r"^\s*(-?\d+)\s*([A-Za-z]+)\s*$")
_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                   r"\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?\s*$")


class DateError(ValueError):
    """A value that is not a duration or a date; `fix` says what to write instead."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message, self.fix = message, fix


@dataclass(frozen=True)
class Duration:
    count: int
    unit: str
    """days, weeks, months or years."""

    def __str__(self) -> str:
        word = self.unit if self.count != 1 else self.unit[:-1]
        return f"{self.count} {word}"

    def after(self, day: date) -> date:
        """`day` plus this duration (months and years clamp at the end of the month)."""
        if self.unit == "days":
            return day + timedelta(days=self.count)
        if self.unit == "weeks":
            return day + timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "years" else 1)
        return add_months(day, months)

    def latest_start(self, due: date) -> date:
        """The latest day from which this duration falls due on or before `due`."""
        start = self.before(due)
        while self.after(start + timedelta(days=1)) <= due:
            start += timedelta(days=1)
        while self.after(start) > due:
            start -= timedelta(days=1)
        return start

    def before(self, day: date) -> date:
        if self.unit in ("days", "weeks"):
            return day - timedelta(days=self.count * (7 if self.unit == "weeks" else 1))
        return add_months(day, -self.count * (12 if self.unit == "years" else 1))

    def days_from(self, day: date) -> int:
        return (self.after(day) - day).days


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_duration(text: object) -> Duration:
    """"90 days", "6 weeks", "6 months", "1 year", "30d": a `Duration`, else a `DateError`."""
    example = "write a number and a unit, e.g. `90 days`, `6 weeks`, `6 months` or `1 year`"
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise DateError(f"{text!r} is not a duration", example)
    if isinstance(text, int):
        raise DateError(f"`{text}` has no unit", f"say which: `{text} days`, `{text} weeks` or `{text} months`")
    match = _DURATION.match(text)
    if not match:
        raise DateError(f"`{text}` is not a duration", example)
    count, word = int(match.group(1)), match.group(2).lower()
    unit = UNITS.get(word)
    if unit is None:
        guess = difflib.get_close_matches(word, list(UNITS), n=1, cutoff=0.6)
        hint = f"did you mean `{Duration(count, UNITS[guess[0]])}`?" if guess else example
        raise DateError(f"`{text}`: `{match.group(2)}` is not a unit of time", hint)
    if count <= 0:
        raise DateError(f"`{text}` is not a period in the future", "use a whole number of at least 1")
    return Duration(count, unit)


def parse_date(text: object) -> date:
    """A review date: `2024-03-01`, or a timestamp whose own calendar day counts (its offset kept)."""
    fix = "write the date as YYYY-MM-DD, e.g. `2024-03-01`"
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        raise DateError(f"{text!r} is not a date", fix)
    match = _DATE.match(text)
    if not match:
        raise DateError(f"`{text}` is not a date", fix)
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    if not 1 <= month <= 12:
        raise DateError(f"`{text}` is not a date: there is no month {month}", fix)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        leap = " (it is not a leap year)" if month == 2 and day == 29 else ""
        raise DateError(f"`{text}` is not a date: {calendar.month_name[month]} {year} has {last} days{leap}",
                        f"the last day of that month is {year:04}-{month:02}-{last:02}")
    if match.group(4) is not None and (int(match.group(4)) > 23 or int(match.group(6) or 0) > 59):
        raise DateError(f"`{text}` is not a time of day", fix)
    return date(year, month, day)


def parse_zone(name: str) -> tzinfo:
    """`UTC`, an offset (`+02:00`) or an IANA zone name (`Europe/Berlin`)."""
    text = name.strip()
    if text.upper() in ("UTC", "Z", ""):
        return timezone.utc
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if match:
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 23 or minutes > 59:
            raise DateError(f"`{name}` is not a UTC offset", "write it as +HH:MM, e.g. +02:00")
        sign = -1 if match.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only for a named zone

    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise DateError(f"`{name}` is not a time zone",
                        "use a name from the tz database (e.g. `Europe/Berlin`), `UTC` or an offset like +02:00") from None


def today(zone: tzinfo = timezone.utc, environ: Mapping[str, str] | None = None,
          now: datetime | None = None) -> date:
    """The day reviews are measured against: `HANDBOOK_TODAY`, else `SOURCE_DATE_EPOCH`'s day, else now."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    fixed = (env.get(TODAY_ENV) or "").strip()
    if fixed:
        try:
            return parse_date(fixed)
        except DateError as err:
            raise DateError(f"{TODAY_ENV}: {err.message}", err.fix) from None
    epoch = (env.get(EPOCH_ENV) or "").strip()
    if epoch:
        if not epoch.isdigit():
            raise DateError(f"{EPOCH_ENV}=`{epoch}` is not a number of seconds", "set it to `git log -1 --format=%ct`")
        now = datetime.fromtimestamp(int(epoch), timezone.utc)
    now = now or datetime.now(timezone.utc)
    return now.astimezone(zone).date()


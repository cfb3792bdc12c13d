"""Durations and dates, pure: "6 months" and "30d", ISO dates, adding months at month ends,
and which day "today" is.

A review date is a calendar date as the reviewer wrote it: `2024-03-01` or a timestamp with its
offset (`2024-03-01T23:30:00-05:00` is still the 1st, the reviewer's day). Adding months keeps the
day of the month and clamps it at the month's end (31 January + 1 month = 29 February in a leap
year), as calendars and people do. "Today" is `HANDBOOK_TODAY` (a date) when set, else the day of
`SOURCE_DATE_EPOCH` (the reproducible-builds convention), else the clock's, in the `timezone`.

Every period and date that comes from a file or the environment is bounded: a period is at most
100 years, a date lies in the years 1900 to 9799, so a date plus a period plus the "due soon"
window is always a date Python can hold (its last is 31 December 9999).
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
_DURATION = re.compile(r"^\s*(-?)(\d+)\s*([A-Za-z]+)\s*$")
LONGEST = {"days": 36524, "weeks": 5217, "months": 1200, "years": 100}
"""The longest period of each unit: 100 years."""
EARLIEST, LATEST = date(1900, 1, 1), date(9799, 12, 31)
"""The review dates (and days "today") that count: LATEST + 100 years + a 100-year window <= 9999."""
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
    text = str(text).strip()
    if text.isdigit() and text.isascii():  # `90` (an int in YAML, or quoted)
        number = text if len(text) <= 6 else "90"
        raise DateError(f"`{text}` has no unit", f"say which: `{number} days`, `{number} weeks` or `{number} months`")
    match = _DURATION.match(text)
    if not match:
        raise DateError(f"`{text}` is not a duration", example)
    sign, digits, word = match.group(1), match.group(2).lstrip("0"), match.group(3).lower()
    unit = UNITS.get(word)
    if unit is None:
        guess = difflib.get_close_matches(word, list(UNITS), n=1, cutoff=0.6)
        short = len(digits) <= 6  # a number too long to be meant gets the example
        hint = f"did you mean `{Duration(int(sign + (digits or '0')), UNITS[guess[0]])}`?" if guess and short else example
        raise DateError(f"`{text}`: `{match.group(3)}` is not a unit of time", hint)
    if sign or not digits:
        raise DateError(f"`{text}` is not a period in the future", "use a whole number of at least 1")
    # Compared by length first: a number of thousands of digits is refused without reading it.
    if len(digits) > len(str(LONGEST[unit])) or int(digits) > LONGEST[unit]:
        most = f"{LONGEST[unit]} {unit}" + (" (100 years)" if unit != "years" else "")
        raise DateError(f"`{text}` is longer than 100 years",
                        f"a period is at most {most}; reviews are usually every few months, e.g. `6 months`")
    return Duration(int(digits), unit)


def parse_date(text: object) -> date:
    """A review date: `2024-03-01`, or a timestamp whose own calendar day counts (its offset kept)."""
    fix = "write the date as YYYY-MM-DD, e.g. `2024-03-01`"
    if isinstance(text, date):
        return _bounded(text.date() if isinstance(text, datetime) else text, str(text))
    if not isinstance(text, str):
        raise DateError(f"{text!r} is not a date", fix)
    match = _DATE.match(text)
    if not match:
        raise DateError(f"`{text}` is not a date", fix)
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    if not EARLIEST.year <= year <= LATEST.year:
        raise _out_of_range(text)
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


def _bounded(day: date, shown: str) -> date:
    if not EARLIEST <= day <= LATEST:
        raise _out_of_range(shown)
    return day


def _out_of_range(shown: str) -> DateError:
    return DateError(f"`{shown}` is not a date of the years {EARLIEST.year} to {LATEST.year}",
                     "write the day as YYYY-MM-DD with its real year, e.g. `2024-03-01`")


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
        fix = "set it to `git log -1 --format=%ct`"
        if not epoch.isdigit():
            raise DateError(f"{EPOCH_ENV}=`{epoch}` is not a number of seconds", fix)
        # The seconds to the end of LATEST; more digits than that are no date either.
        last = int(datetime.combine(LATEST, datetime.max.time(), timezone.utc).timestamp())
        seconds = epoch.lstrip("0") or "0"
        if len(seconds) > len(str(last)) or int(seconds) > last:
            raise DateError(f"{EPOCH_ENV}=`{epoch}` is after {LATEST.isoformat()}", fix)
        now = datetime.fromtimestamp(int(seconds), timezone.utc)
        try:
            return _bounded(now.astimezone(zone).date(), f"{EPOCH_ENV}={epoch}")
        except DateError as err:
            raise DateError(f"{EPOCH_ENV}: {err.message}", fix) from None
    now = now or datetime.now(timezone.utc)
    return now.astimezone(zone).date()


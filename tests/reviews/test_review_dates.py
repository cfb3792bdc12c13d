"""Durations, dates and "today": tables of cases (month ends, leap years, time zones)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from handbook.reviews.dates import DateError, Duration, parse_date, parse_duration, parse_zone, today


@pytest.mark.parametrize("text, expected", [
    ("90 days", Duration(90, "days")),
    ("1 day", Duration(1, "days")),
    ("6 weeks", Duration(6, "weeks")),
    ("6 months", Duration(6, "months")),
    ("1 year", Duration(1, "years")),
    ("2 Years", Duration(2, "years")),
    ("30d", Duration(30, "days")),
    (" 3 mo ", Duration(3, "months")),
    ("2w", Duration(2, "weeks")),
])
def test_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("value, message, fix", [
    ("6 moths", "`moths` is not a unit of time", "did you mean `6 months`?"),
    ("90 dyas", "`dyas` is not a unit of time", "did you mean `90 days`?"),
    ("1 yaer", "`yaer` is not a unit of time", "did you mean `1 year`?"),
    (90, "has no unit", "`90 days`"),
    ("0 days", "not a period in the future", "at least 1"),
    ("-3 weeks", "not a period in the future", "at least 1"),
    ("six months", "is not a duration", "6 months"),
    ("", "is not a duration", "90 days"),
    (True, "is not a duration", "90 days"),
    ("5 fortnights", "`fortnights` is not a unit of time", "e.g. `90 days`"),
    # Bounded: a period longer than 100 years would carry a date past what a calendar holds.
    ("99999 years", "is longer than 100 years", "at most 100 years"),
    ("1201 months", "is longer than 100 years", "at most 1200 months"),
    ("36525 days", "is longer than 100 years", "at most 36524 days"),
    ("5218 weeks", "is longer than 100 years", "at most 5217 weeks"),
    ("9" * 5000 + " days", "is longer than 100 years", "at most 36524 days"),
    ("9" * 5000, "has no unit", "`90 days`"),
    ("9" * 5000 + " dyas", "`dyas` is not a unit of time", "e.g. `90 days`"),
])
def test_bad_durations_say_what_to_write(value, message, fix):
    with pytest.raises(DateError) as caught:
        parse_duration(value)
    assert message in caught.value.message and fix in caught.value.fix


@pytest.mark.parametrize("start, period, due", [
    ("2024-01-31", "1 month", "2024-02-29"),   # leap year: clamped to the month's end
    ("2023-01-31", "1 month", "2023-02-28"),
    ("2024-02-29", "1 year", "2025-02-28"),    # no 29 February in 2025
    ("2024-02-29", "4 years", "2028-02-29"),
    ("2024-08-31", "6 months", "2025-02-28"),
    ("2024-03-31", "1 month", "2024-04-30"),
    ("2024-11-30", "3 months", "2025-02-28"),
    ("2024-12-15", "1 month", "2025-01-15"),   # across the year
    ("2024-02-28", "1 day", "2024-02-29"),
    ("2023-02-28", "1 day", "2023-03-01"),
    ("2024-01-01", "90 days", "2024-03-31"),
    ("2024-12-30", "6 weeks", "2025-02-10"),
    ("1900-02-28", "1 year", "1901-02-28"),
])
def test_due_dates(start, period, due):
    assert parse_duration(period).after(date.fromisoformat(start)) == date.fromisoformat(due)


def test_the_longest_period_and_window_from_the_latest_date_is_still_a_date():
    latest = parse_date("9799-12-31")
    for unit in ("100 years", "1200 months", "5217 weeks", "36524 days", "0000100 years"):
        longest = parse_duration(unit)
        assert longest.after(longest.after(latest)) <= date(9999, 12, 31)
        assert longest.before(parse_date("1900-01-01")) >= date(1799, 12, 31)


@pytest.mark.parametrize("due, period", [
    ("2024-03-30", "1 month"), ("2024-02-29", "1 month"), ("2025-02-28", "1 year"), ("2024-03-31", "1 month"),
    ("2024-05-05", "90 days"), ("2024-07-01", "6 weeks"),
])
def test_latest_start_is_the_last_day_that_falls_due_in_time(due, period):
    every, due = parse_duration(period), date.fromisoformat(due)
    start = every.latest_start(due)
    assert every.after(start) <= due
    assert every.after(date.fromordinal(start.toordinal() + 1)) > due


@pytest.mark.parametrize("text, expected", [
    ("2024-03-01", date(2024, 3, 1)),
    ("2024-3-1", date(2024, 3, 1)),
    ("2024-02-29", date(2024, 2, 29)),
    ("2000-02-29", date(2000, 2, 29)),                     # divisible by 400: a leap year
    # A timestamp counts on the reviewer's own calendar day, whatever the offset.
    ("2024-03-01T23:30:00-05:00", date(2024, 3, 1)),       # already the 2nd in UTC
    ("2024-03-01T00:30:00+09:00", date(2024, 3, 1)),       # still the 29th of February in UTC
    ("2024-03-01 10:00", date(2024, 3, 1)),
    ("2024-03-01T10:00:00Z", date(2024, 3, 1)),
    (date(2024, 3, 1), date(2024, 3, 1)),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, message, fix", [
    ("2024-02-30", "February 2024 has 29 days", "2024-02-29"),
    ("2023-02-29", "February 2023 has 28 days (it is not a leap year)", "2023-02-28"),
    ("1900-02-29", "February 1900 has 28 days (it is not a leap year)", "1900-02-28"),
    ("2024-04-31", "April 2024 has 30 days", "2024-04-30"),
    ("2024-13-01", "there is no month 13", "YYYY-MM-DD"),
    ("2024-00-10", "there is no month 0", "YYYY-MM-DD"),
    ("01/03/2024", "is not a date", "YYYY-MM-DD"),
    ("last week", "is not a date", "YYYY-MM-DD"),
    ("2024-03-01T25:00", "not a time of day", "YYYY-MM-DD"),
    (20240301, "is not a date", "YYYY-MM-DD"),
    # Bounded: year 0 is no date, and a date near 9999 plus a period is past the calendar's end.
    ("0000-01-01", "is not a date of the years 1900 to 9799", "its real year"),
    ("1899-12-31", "is not a date of the years 1900 to 9799", "its real year"),
    ("9800-01-01", "is not a date of the years 1900 to 9799", "its real year"),
    ("9999-12-01", "is not a date of the years 1900 to 9799", "its real year"),
    (date(1, 1, 1), "is not a date of the years 1900 to 9799", "its real year"),
])
def test_impossible_dates(text, message, fix):
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert message in caught.value.message and fix in caught.value.fix


NOW = datetime(2024, 2, 29, 23, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("zone, environ, expected", [
    ("UTC", {}, date(2024, 2, 29)),
    ("+02:00", {}, date(2024, 3, 1)),                      # already tomorrow east of UTC
    ("-05:00", {}, date(2024, 2, 29)),
    ("Pacific/Auckland", {}, date(2024, 3, 1)),
    ("America/Los_Angeles", {}, date(2024, 2, 29)),
    ("UTC", {"HANDBOOK_TODAY": "2031-12-31"}, date(2031, 12, 31)),
    ("+02:00", {"HANDBOOK_TODAY": "2031-12-31"}, date(2031, 12, 31)),   # a fixed day is that day
    ("UTC", {"SOURCE_DATE_EPOCH": "1709251199"}, date(2024, 2, 29)),     # 2024-02-29T23:59:59Z
    ("+01:00", {"SOURCE_DATE_EPOCH": "1709251199"}, date(2024, 3, 1)),
    ("UTC", {"SOURCE_DATE_EPOCH": "0" * 5000 + "1709251199"}, date(2024, 2, 29)),  # too long for int(): read stripped
    ("UTC", {"HANDBOOK_TODAY": "2030-01-01", "SOURCE_DATE_EPOCH": "1709251199"}, date(2030, 1, 1)),
])
def test_today_is_injectable_and_zoned(zone, environ, expected):
    assert today(parse_zone(zone), environ, now=NOW) == expected


@pytest.mark.parametrize("environ, message", [
    ({"HANDBOOK_TODAY": "2024-02-30"}, "HANDBOOK_TODAY: `2024-02-30` is not a date"),
    ({"SOURCE_DATE_EPOCH": "yesterday"}, "SOURCE_DATE_EPOCH=`yesterday` is not a number"),
    ({"HANDBOOK_TODAY": "garbage"}, "HANDBOOK_TODAY: `garbage` is not a date"),
    ({"HANDBOOK_TODAY": "99999-01-01"}, "HANDBOOK_TODAY: `99999-01-01` is not a date"),
    ({"HANDBOOK_TODAY": "0000-01-01"}, "HANDBOOK_TODAY: `0000-01-01` is not a date of the years 1900 to 9799"),
    ({"HANDBOOK_TODAY": "9999-12-31"}, "HANDBOOK_TODAY: `9999-12-31` is not a date of the years 1900 to 9799"),
    ({"SOURCE_DATE_EPOCH": "253402300799"}, "SOURCE_DATE_EPOCH=`253402300799` is after 9799-12-31"),
    ({"SOURCE_DATE_EPOCH": "9" * 400}, "is after 9799-12-31"),
    ({"SOURCE_DATE_EPOCH": "0" * 5000 + "9" * 13}, "is after 9799-12-31"),
])
def test_a_bad_today_is_a_clear_error(environ, message):
    with pytest.raises(DateError) as caught:
        today(timezone.utc, environ, now=NOW)
    assert message in caught.value.message


@pytest.mark.parametrize("name", ["Mars/Olympus", "+25:00"])
def test_unknown_time_zones(name):
    with pytest.raises(DateError):
        parse_zone(name)

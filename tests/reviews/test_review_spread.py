"""Spreading, as properties: a review is only brought forward, due dates land in the period, and the
edit changes the value on one line and nothing else."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from handbook.reviews.dates import Duration
from handbook.reviews.spread import propose, rewrite
from handbook.reviews.status import OK, PageReview

TODAY = date(2024, 7, 2)
periods = st.builds(Duration, st.integers(1, 24), st.sampled_from(["days", "weeks", "months", "years"]))


@settings(max_examples=150, deadline=None)
@given(every=periods, offsets=st.lists(st.integers(0, 400), min_size=1, max_size=30))
@example(every=Duration(1, "days"), offsets=[0, 0])  # two pages, one day: the first slot is today
def test_spread_never_postpones_and_stays_in_the_period(every, offsets):
    reviews = []
    for n, offset in enumerate(offsets):
        last = TODAY - timedelta(days=offset)
        due = every.after(last)
        if due < TODAY:
            continue
        reviews.append(PageReview(f"p{n}.md", f"docs/p{n}.md", "P", last_reviewed=last, every=every, due=due,
                                  status=OK))
    for move in propose(reviews, TODAY):
        assert move.due < move.review.due                      # brought forward, never postponed
        assert TODAY <= move.due <= every.after(TODAY)          # inside the coming period (today included)
        assert every.after(move.last_reviewed) == move.due
        assert move.last_reviewed < move.review.last_reviewed
        assert (move.was_reviewed, move.was_due) == (move.review.last_reviewed, move.review.due)


line_end = st.sampled_from(["\n", "\r\n", "\r"])
quote = st.sampled_from(["", "'", '"'])
comment = st.sampled_from(["", "  # reviewed at the sprint", " #x"])
body = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(end=line_end, q=quote, c=comment, before=body, after=body, bom=st.booleans())
def test_rewrite_changes_only_the_value(end, q, c, before, after, bom):
    head = f"---{end}title: T{end}"
    line = f"last_reviewed: {q}2024-07-01{q}{c}{end}"
    tail = f"---{end}# T{end}{before}{after}"
    text = ("\ufeff" if bom else "") + head + line + tail
    new = rewrite(text, date(2023, 12, 31))
    assert new == ("\ufeff" if bom else "") + head + line.replace("2024-07-01", "2023-12-31") + tail

"""One page's review from its front matter text: lines, owners, defaults and statuses."""

from __future__ import annotations

from datetime import date

import pytest

from handbook.reviews import frontmatter
from handbook.reviews.codeowners import parse
from handbook.reviews.dates import parse_duration
from handbook.reviews.status import Defaults, review_page

TODAY, WINDOW = date(2024, 8, 10), parse_duration("30 days")


def review(text: str, **defaults):
    return review_page("guide/page.md", "docs/guide/page.md", "Page", text, Defaults(**defaults), TODAY, WINDOW)


@pytest.mark.parametrize("text, line", [
    ("---\ntitle: x\nlast_reviewed: 2024-01-01\n---\n", 3),
    ("---\r\ntitle: x\r\n\r\nlast_reviewed: 2024-01-01\r\n---\r\n", 4),
    ("\ufeff---\nlast_reviewed: 2024-01-01\n---\n", 2),
    ("---\n# a comment\nlast_reviewed: 2024-01-01\n...\n", 3),
])
def test_front_matter_lines(text, line):
    assert frontmatter.read(text).get("last_reviewed").line == line


@pytest.mark.parametrize("text", ["# No front matter\nlast_reviewed: 2024-01-01\n",
                                  "---\nlast_reviewed: 2024-01-01\n# never closed\n", ""])
def test_no_front_matter(text):
    assert frontmatter.read(text).values == {} and frontmatter.read(text).problem is None


@pytest.mark.parametrize("text, status, due", [
    ("---\nlast_reviewed: 2024-02-09\nreview_every: 6 months\n---\n", "overdue", date(2024, 8, 9)),
    ("---\nlast_reviewed: 2024-02-10\nreview_every: 6 months\n---\n", "due-soon", date(2024, 8, 10)),  # due today
    ("---\nlast_reviewed: 2024-03-09\nreview_every: 6 months\n---\n", "due-soon", date(2024, 9, 9)),  # 30 days
    ("---\nlast_reviewed: 2024-03-10\nreview_every: 6 months\n---\n", "ok", date(2024, 9, 10)),
    ("---\nlast_reviewed: 2024-03-11\n---\n", "ok", None),                       # no period anywhere
    ("---\nreview_every: 6 months\n---\n", "never", None),
    ("# nothing\n", "never", None),
])
def test_statuses(text, status, due):
    page, findings = review(text)
    assert (page.status, page.due, findings) == (status, due, [])


def test_defaults_page_beats_category_beats_all_pages():
    text = "---\nlast_reviewed: 2024-01-01\n---\n"
    assert review(text, review_every=parse_duration("1 year"))[0].due == date(2025, 1, 1)
    per = {"guide": parse_duration("3 months")}
    assert review(text, review_every=parse_duration("1 year"), per_category=per)[0].due == date(2024, 4, 1)
    own = "---\nlast_reviewed: 2024-01-01\nreview_every: 2 weeks\n---\n"
    assert review(own, per_category=per)[0].due == date(2024, 1, 15)


@pytest.mark.parametrize("owner, roles, shown, role_ids, codes", [
    ('"@moderator"', {"moderator": "111111111111111111"}, "@moderator", ["111111111111111111"], []),
    ('"@moderator"', {"moderator": None}, "@moderator", [None], []),
    ('"@moderator"', None, "@moderator", [None], []),                     # no map: nothing to check against
    ('"@mods"', {"moderator": None}, None, [], ["review-owner-unknown-role"]),
    ("[Ada, '@moderator']", {"moderator": None}, "Ada, @moderator", [None, None], []),
    ('"@campfire/stewards"', {"moderator": None}, "@campfire/stewards", [None], []),  # a git host's team
    ("ada@example.org", {}, None, [], ["review-owner-invalid"]),
    ("{name: Ada}", {}, None, [], ["review-owner-invalid"]),
    # Owners are text: YAML's numbers, nulls, booleans and dates are findings, never shown as "5, null".
    ("[1, Ada]", {}, "Ada", [None], ["review-owner-invalid"]),
    ("[5, null]", {}, None, [], ["review-owner-invalid", "review-owner-invalid"]),
    ("5", {}, None, [], ["review-owner-invalid"]),
    ("true", {}, None, [], ["review-owner-invalid"]),
    ("[Ada, 2024-01-01, ~]", {}, "Ada", [None], ["review-owner-invalid", "review-owner-invalid"]),
    ('["5", Ada]', {}, "5, Ada", [None, None], []),                       # quoted: text
])
def test_owners(owner, roles, shown, role_ids, codes):
    page, findings = review(f"---\nowner: {owner}\n---\n", roles=roles)
    assert page.owner_text == shown and [o.role_id for o in page.owners] == role_ids
    assert [f.code for f in findings] == codes and all(f.line == 2 for f in findings)


def test_an_owner_that_is_not_text_says_what_yaml_read_and_how_to_quote_it():
    page, findings = review("---\ntitle: T\nowner: [5, null]\n---\n")
    assert [(f.line, f.message, f.fix) for f in findings] == [
        (3, "owner: `5` is a number to YAML, not a name", 'quote it (`"5"`), or write the name'),
        (3, "owner: `null` is nothing to YAML, not a name", "remove it from the list, or write the name")]


def test_codeowners_fills_in_only_where_the_page_names_nobody():
    rules = parse("docs/guide/ @guide-team\n", "CODEOWNERS")
    assert review("# x\n", codeowners=rules)[0].owner_text == "@guide-team"
    assert review("---\nowner: Ada\n---\n", codeowners=rules)[0].owner_text == "Ada"
    assert review("# x\n", codeowners=rules, docs_prefix="site/docs")[0].owner_text is None


def test_a_review_date_in_the_future_is_a_finding():
    page, [finding] = review("---\nlast_reviewed: 2024-08-11\n---\n")
    assert (finding.code, finding.line, page.status) == ("review-date-in-future", 2, "never")

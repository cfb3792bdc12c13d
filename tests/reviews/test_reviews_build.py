"""Real builds with pages overdue, due soon and never reviewed: findings, banner, footer, reviews page."""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import pytest
from sitekit import build_site, commit_all, write_files

MAP = """\
    roles:
      - name: moderator
        id: "123456789012345678"
    discord_categories:
      - name: Topics
        channels:
          - name: guidelines
            kind: topic
            category: guidelines
    """

PAGES = {
    "docs/index.md": "# Home\n",
    "docs/guidelines/index.md": "# Guidelines\n",
    "docs/guidelines/reporting.md": """\
        ---
        owner: "@moderator"
        last_reviewed: 2024-01-31
        ---
        # Reporting

        How to report.
        """,
    "docs/guidelines/moderation.md": """\
        ---
        owner: Moderation team
        last_reviewed: 2024-06-01
        review_every: 90 days
        ---
        # Moderation
        """,
    "docs/guidelines/fresh.md": """\
        ---
        last_reviewed: 2024-08-01
        ---
        # Fresh
        """,
}


def config(**options: str) -> str:
    options.setdefault("history", "false")  # no git here unless a test commits
    lines = "".join(f"      {key}: {value}\n" for key, value in options.items())
    return ("site_name: Reviews test\ntheme:\n  name: material\nplugins:\n  - handbook:\n"
            "      review_every: 1 year\n      review_every_by_category:\n        guidelines: 6 months\n" + lines)


class Text(HTMLParser):
    """The visible text of an element found by its class."""

    def __init__(self, cls: str) -> None:
        super().__init__()
        self.cls, self.depth, self.parts = cls, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif self.cls in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str, css: str) -> str:
        parser = cls(css)
        parser.feed(html)
        return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-08-10")
    write_files(tmp_path, {"channel_map.yml": MAP, **PAGES})
    return tmp_path


def test_overdue_due_soon_and_never_reviewed(site):
    (site / "mkdocs.yml").write_text(config(review_banner="true"))
    built = build_site(site)
    assert built.aborted is None and built.warnings == []
    [overdue] = built.handbook_lines(logging.INFO)
    assert overdue == ("handbook: docs/guidelines/reporting.md:3: due for review on 2024-07-31 (last reviewed 2024-01-31, "
                       "every 6 months); its owner is @moderator [review-overdue] Fix: re-read the page, then set "
                       "`last_reviewed:` in its front matter to the day you did")

    reporting = built.html("guidelines/reporting/index.html")
    assert Text.of(reporting, "admonition-title") == "This page may be out of date"
    assert Text.of(reporting, "handbook-review-banner").endswith(
        "This page was due for review on July 31, 2024. Its owner is @moderator.")
    assert reporting.index("handbook-review-banner") > reporting.index("<h1")  # under the title
    assert Text.of(reporting, "handbook-review") == "Reviewed on January 31, 2024 by @moderator"
    assert "123456789012345678" not in reporting  # the role's id is for Discord only
    moderation = built.html("guidelines/moderation/index.html")
    assert "handbook-review-banner" not in moderation  # due soon is not overdue
    assert Text.of(moderation, "handbook-review") == "Reviewed on June 1, 2024 by Moderation team"
    assert Text.of(built.html("guidelines/fresh/index.html"), "handbook-review") == "Reviewed on August 1, 2024"
    assert "handbook-review" not in built.html("index.html")  # never reviewed: no line

    reviews = Text.of(built.html("reviews/index.html"), "md-content")
    assert reviews.index("Overdue") < reviews.index("Reporting") < reviews.index("Due within 30 days")
    assert "Due within 30 days Page Owner Last reviewed Due Moderation Moderation team June 1, 2024 August 30, 2024" in reviews
    assert "Never reviewed Page Owner Guidelines no owner Home no owner" in reviews
    assert "Up to date Page Owner Last reviewed Due Fresh no owner August 1, 2024 February 1, 2025" in reviews
    assert 'href="../guidelines/reporting/"' in built.html("reviews/index.html")


def test_review_overdue_warn_fails_strict_and_ignore_is_silent(site):
    (site / "mkdocs.yml").write_text(config(review_overdue="warn"))
    built = build_site(site)
    assert [w for w in built.warnings if "[review-overdue]" in w] == [
        next(w for w in built.handbook_lines() if w.startswith("handbook: docs/guidelines/reporting.md:3: due for review"))]
    assert "handbook-review-banner" not in built.html("guidelines/reporting/index.html")  # banner is opt-in
    (site / "mkdocs.yml").write_text(config(review_overdue="ignore", review_page="''"))
    built = build_site(site)
    assert built.handbook_lines(logging.INFO) == [] and built.warnings == []
    assert not (site / "site" / "reviews").exists()


def test_the_same_commit_does_not_start_failing_strict_on_a_later_day(site, monkeypatch):
    (site / "mkdocs.yml").write_text(config())
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-08-02")
    early = build_site(site)
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-01-01")
    late = build_site(site)
    assert early.warnings == late.warnings == []
    assert len(early.handbook_lines(logging.INFO)) == 1
    assert len(late.handbook_lines(logging.INFO)) == 3  # everything is overdue by then, at info level


def test_bad_values_are_warnings_with_file_line_and_fix(site):
    write_files(site, {"docs/guidelines/broken.md": """\
        ---
        title: Broken
        last_reviewed: 2023-02-29
        review_every: 6 moths
        owner: "@moderatr"
        ---
        # Broken
        """, "docs/guidelines/unquoted.md": """\
        ---
        owner: @moderator
        ---
        # Unquoted
        """})
    (site / "mkdocs.yml").write_text(config(review_every_by_category="{guidlines: 1 year}"))
    built = build_site(site)
    assert built.handbook_lines() == [
        "handbook: docs/guidelines/broken.md:3: last_reviewed: `2023-02-29` is not a date: February 2023 has 28 days "
        "(it is not a leap year) [review-date-invalid] Fix: the last day of that month is 2023-02-28",
        "handbook: docs/guidelines/broken.md:4: review_every: `6 moths`: `moths` is not a unit of time "
        "[review-period-invalid] Fix: did you mean `6 months`?",
        "handbook: docs/guidelines/broken.md:5: owner: `@moderatr` is not a role of the channel map "
        "[review-owner-unknown-role] Fix: did you mean `@moderator`? (a name without `@` is shown as it is)",
        "handbook: docs/guidelines/unquoted.md:2: the front matter is not valid YAML: found character '@' that cannot "
        "start any token [front-matter-invalid] Fix: correct the YAML between the `---` lines; quote values "
        "that start with `@`, e.g. owner: \"@moderator\"",
        # checked against the final navigation's categories, once it exists
        "handbook: mkdocs.yml: `review_every_by_category` names `guidlines`, which is not a handbook category "
        "[review-category-unknown] Fix: use one of: guidelines",
    ]


def test_bad_options_stop_the_build_with_the_fix(site):
    (site / "mkdocs.yml").write_text(config().replace("review_every: 1 year", "review_every: 6 moths"))
    built = build_site(site)
    assert built.aborted is not None
    assert any("`6 moths`: `moths` is not a unit of time. Fix: did you mean `6 months`?" in e for e in built.errors)


def test_owners_from_codeowners_and_the_footer_beside_the_git_dates(site):
    write_files(site, {"CODEOWNERS": """\
        *               @campfire/stewards
        /docs/guidelines/  @campfire/moderators
        docs/guidelines/fresh.md   steward@example.org
        """})
    (site / "mkdocs.yml").write_text(config(owners_from="CODEOWNERS", history="true"))
    commit_all(site, "start")
    built = build_site(site)
    assert built.warnings == []
    reviews = Text.of(built.html("reviews/index.html"), "md-content")
    assert "Reporting @moderator" in reviews            # the page's own owner wins
    assert "Guidelines @campfire/moderators" in reviews  # the last matching rule
    assert "Home @campfire/stewards" in reviews
    assert "Fresh no owner" in reviews                  # e-mail owners are never published
    assert "example.org" not in built.html("reviews/index.html")
    moderation = built.html("guidelines/moderation/index.html")
    [box] = re.findall(r'<aside class="md-source-file handbook-history.*?</aside>', moderation, re.S)
    box = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box)).strip()
    assert box == "March 1, 2024 March 1, 2024 Ada Lovelace Reviewed on June 1, 2024 by Moderation team"


def test_no_codeowners_file_is_one_clear_error(site):
    (site / "mkdocs.yml").write_text(config(owners_from="CODEOWNERS"))
    built = build_site(site)
    assert built.aborted is not None
    assert any("`owners_from: CODEOWNERS` but there is no CODEOWNERS file" in e and ".github/CODEOWNERS" in e
               for e in built.errors)


def test_a_bad_handbook_today_stops_the_build_with_one_message(site, monkeypatch):
    (site / "mkdocs.yml").write_text(config())
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-02-30")
    built = build_site(site)
    assert built.aborted is not None
    assert any("HANDBOOK_TODAY: `2024-02-30` is not a date: February 2024 has 29 days" in e
               and "Fix: the last day of that month is 2024-02-29" in e for e in built.errors)


OUT_OF_RANGE = {  # each value once made the build a traceback (a date past the calendar's end)
    "docs/guidelines/forever.md": "---\nreview_every: 99999 years\nlast_reviewed: 2024-01-01\n---\n# Forever\n",
    "docs/guidelines/ancient.md": "---\nlast_reviewed: 0000-01-01\n---\n# Ancient\n",
}


def test_out_of_range_periods_and_dates_are_warnings_with_file_line_and_fix(site):
    write_files(site, OUT_OF_RANGE)
    (site / "mkdocs.yml").write_text(config(review_banner="true"))
    built = build_site(site)
    assert built.aborted is None
    lines = built.handbook_lines()
    assert ("handbook: docs/guidelines/forever.md:2: review_every: `99999 years` is longer than 100 years "
            "[review-period-invalid] Fix: a period is at most 100 years; reviews are usually every "
            "few months, e.g. `6 months`") in lines
    assert ("handbook: docs/guidelines/ancient.md:2: last_reviewed: `0000-01-01` is not a date of the years 1900 to "
            "9799 [review-date-invalid] Fix: write the day as YYYY-MM-DD with its real year, e.g. `2024-03-01`") in lines
    assert "Never reviewed Page Owner Ancient no owner Guidelines no owner" in Text.of(
        built.html("reviews/index.html"), "md-content")


@pytest.mark.parametrize("today, message", [
    ("9999-12-31", "HANDBOOK_TODAY: `9999-12-31` is not a date of the years 1900 to 9799"),
    ("99999-01-01", "HANDBOOK_TODAY: `99999-01-01` is not a date"),
    ("garbage", "HANDBOOK_TODAY: `garbage` is not a date"),
])
def test_an_out_of_range_today_stops_the_build_with_one_message(site, monkeypatch, today, message):
    write_files(site, {"docs/guidelines/late.md": "---\nlast_reviewed: 9799-12-01\n---\n# Late\n"})
    (site / "mkdocs.yml").write_text(config())
    monkeypatch.setenv("HANDBOOK_TODAY", today)
    built = build_site(site)
    assert built.aborted is not None
    assert [e for e in built.errors if message in e and "Fix: " in e]

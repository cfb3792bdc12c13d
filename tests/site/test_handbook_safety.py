"""The sample handbook's safety text says what the community can stand behind (issue 27).

Communities copy `docs/` and `channel_map.yml`, so these read the repository's own pages and map:
who reads a report, how long notes are kept, and that the public handbook names roles, not people.
"""

from __future__ import annotations

import re

import pytest

from paths import ROOT

DOCS = ROOT / "docs"


def pages() -> list:
    return sorted(DOCS.rglob("*.md"))


def sentences(path) -> list[str]:
    text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
    return re.split(r"(?<=[.!?])\s+", text)


def test_no_report_goes_to_an_inbox_every_moderator_can_read():
    found = [f"{p.relative_to(ROOT)}: {s}" for p in pages() for s in sentences(p)
             if re.search(r"shared (form )?inbox|team's (shared )?inbox", s, re.I)]
    assert found == []


def test_who_reads_a_report_is_said_once_and_the_safeguarding_pages_link_there():
    reporting = (DOCS / "guidelines/reporting.md").read_text(encoding="utf-8")
    assert reporting.count("## Who sees your report") == 1
    for page in ("guidelines/safeguarding.md",):
        assert "reporting.md#who-sees-your-report" in (DOCS / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("page", ["guidelines/reporting.md", "guidelines/moderation.md"])
def test_notes_are_not_kept_until_a_yearly_review(page):
    """A six-month note deleted "at the yearly review" is kept up to eighteen months."""
    late = [s for s in sentences(DOCS / page) if re.search(r"delet", s, re.I) and re.search(r"yearly|once a year", s, re.I)]
    assert late == []


def test_every_retention_row_gives_a_period_and_serious_incidents_have_one():
    text = (DOCS / "guidelines/reporting.md").read_text(encoding="utf-8")
    table = text[text.index("| What | Kept for |"):]
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    assert rows, "the retention table is missing"
    assert all(re.search(r"\d+ (months|years?)", row) for row in rows), rows
    assert any(row.startswith("| Serious incidents") for row in rows)


def test_the_handbook_names_roles_not_the_people_who_hold_them():
    promises = [f"{p.relative_to(ROOT)}: {s}" for p in pages() for s in sentences(p)
                if re.search(r"who (is on the moderation team|the safeguarding lead and deputy are|"
                             r"the independent contact is)", s, re.I)]
    assert promises == []

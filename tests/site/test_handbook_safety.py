"""The sample handbook's safety text says what the community can stand behind (issue 27).

Communities copy `docs/` and `channel_map.yml`, so these read the repository's own pages and map:
who reads a report, how long notes are kept, and that the public handbook names roles, not people.
"""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml

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


def yaml_blocks(path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


def maps() -> list[tuple[str, dict]]:
    """The repository's map, and every map excerpt the tool's manual and the maintainers' pages show."""
    found = [("channel_map.yml", yaml.safe_load((ROOT / "channel_map.yml").read_text(encoding="utf-8")))]
    for page in [*sorted((ROOT / "manual" / "docs").rglob("*.md")), *sorted((DOCS / "maintaining").glob("*.md"))]:
        for number, block in enumerate(yaml_blocks(page), 1):
            if "discord_categories:" in block:
                found.append((f"{page.relative_to(ROOT)} block {number}", yaml.safe_load(textwrap.dedent(block))))
    return found


def cohort_of(roles: list[str]) -> str | None:
    return next((r for r in roles if r.startswith("cohort-") and not r.endswith("-host")), None)


@pytest.mark.parametrize("where, data", maps(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_cohort_space_is_seen_only_by_its_cohort_its_own_hosts_and_moderators(where, data):
    cohort_channels = 0
    for category in data["discord_categories"]:
        if category["name"] == "Cohorts" and "roles" in category:
            assert category["roles"] == ["moderator"], f"{where}: the Cohorts category opens to {category['roles']}"
        for channel in category.get("channels") or []:
            cohort = cohort_of(channel.get("roles") or [])
            if category["name"] == "Cohorts" or cohort:
                cohort_channels += 1
                assert cohort, f"{where}: {channel['name']} has no cohort role"
                assert sorted(channel["roles"]) == sorted([cohort, f"{cohort}-host", "moderator"]), \
                    f"{where}: {channel['name']} is open to {channel['roles']}"
    assert cohort_channels, f"{where} shows no cohort channel"


def test_every_cohort_role_of_the_map_has_its_host_role():
    roles = [r["name"] for r in yaml.safe_load((ROOT / "channel_map.yml").read_text(encoding="utf-8"))["roles"]]
    cohorts = [r for r in roles if r.startswith("cohort-") and not r.endswith("-host")]
    assert cohorts and all(f"{c}-host" in roles for c in cohorts), roles


def test_every_rule_against_sharing_private_messages_says_reporting_them_is_allowed():
    """The rules forbid passing on DMs and cohort posts; the moderation page asks for them as evidence."""
    missing = []
    for page in pages():
        lines = page.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if re.search(r"don't (share )?screenshot|screenshots from cohort spaces", line, re.I) \
                    and re.search(r"DMs|cohort", line):
                nearby = " ".join(lines[number:number + 2])
                if not re.search(r"report", nearby, re.I):
                    missing.append(f"{page.relative_to(ROOT)}:{number + 1}")
    assert missing == []


def section(page: str, heading: str) -> str:
    text = (DOCS / page).read_text(encoding="utf-8")
    start = text.index(f"## {heading}\n")
    following = text.find("\n## ", start + 1)
    return text[start:following if following != -1 else None]


def test_moderators_are_never_told_to_hide_a_message_or_keep_a_copy():
    """Discord has no hide: a plain delete loses the message, Delete and Report keeps it for Trust & Safety."""
    found = [f"{p.relative_to(ROOT)}: {s}" for p in sorted((DOCS / "guidelines").glob("*.md")) for s in sentences(p)
             if re.search(r"\b(may|will) (delete or )?hide\b|\bor hide\b|, hide it\b|private copy", s, re.I)]
    assert found == []
    assert "Delete and Report" in section("guidelines/runbook.md", "Evidence first")


def test_the_ladder_has_a_temporary_ban_between_a_timeout_and_a_permanent_ban():
    ladder = section("guidelines/moderation.md", "The enforcement ladder")
    steps = re.findall(r"^\| \d\. ([^|]+?) \|", ladder, re.M)
    assert [s for s in steps if "ban" in s.lower() or s == "Timeout"] == ["Timeout", "Temporary ban", "Permanent ban"]


def test_an_appeal_can_go_to_the_independent_contact():
    assert "independent contact" in section("guidelines/moderation.md", "Appeals")


def test_no_moderator_holds_administrator_and_moderation_needs_2fa():
    text = section("guidelines/runbook.md", "What moderators can do on Discord")
    role = next(line for line in text.splitlines() if line.startswith("**The moderator role**"))
    assert "Administrator" not in role and "Manage Messages" in role
    assert "**Nobody holds Administrator.**" in text and "2FA requirement for moderation" in text


NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def test_the_cohorts_a_year_are_the_ones_the_map_has():
    roles = [r["name"] for r in yaml.safe_load((ROOT / "channel_map.yml").read_text(encoding="utf-8"))["roles"]]
    per_year: dict[str, set[str]] = {}
    for role in roles:
        found = re.fullmatch(r"cohort-(\d{4})-(\w+)", role)
        if found:
            per_year.setdefault(found[1], set()).add(found[2])
    stated = re.search(r"We run (\w+) cohorts a year", (DOCS / "cohorts.md").read_text(encoding="utf-8"))
    assert stated and {len(seasons) for seasons in per_year.values()} == {NUMBERS[stated[1]]}


def test_what_the_cohorts_page_says_about_reactions_in_the_archive_is_what_apply_sets():
    """`apply` denies Add Reactions in an archived channel, which stops new reactions only."""
    from handbook.channelmap import rules

    archive = section("cohorts.md", "When a cohort ends")
    assert rules.READ_ONLY_TEXT & rules.ADD_REACTIONS
    assert "reactions on old posts still work" not in archive
    assert re.search(r"add yourself to an emoji reaction that is already on a post, but you can't add a new one", archive)


def test_page_owners_are_roles_and_no_role_holder_is_named():
    """The site shows each page's owner; like the text, it names a role, never a person."""
    roles = {r["name"] for r in yaml.safe_load((ROOT / "channel_map.yml").read_text(encoding="utf-8"))["roles"]}
    owners = {}
    for page in pages():
        found = re.search(r'\A---\n(?:.*\n)*?owner: "?@?([^"\n]+)"?\n(?:.*\n)*?---\n', page.read_text(encoding="utf-8"))
        if found:
            owners[str(page.relative_to(ROOT))] = found[1]
    assert owners and {page: o for page, o in owners.items() if o not in roles} == {}
    named = [f"{p.relative_to(ROOT)}: {s}" for p in pages() for s in sentences(p)
             if re.search(r"\b(moderators?|safeguarding lead|deputy|independent contact|owner|hosts?)"
                          r"( is| are|:|,)? [A-Z][a-z]+ [A-Z][a-z]+", s)]
    assert named == []

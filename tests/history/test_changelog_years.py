"""The changelog page keeps the last 12 months; each older year has a page of its own.

Real strict MkDocs builds (and `handbook generate`) of a real git repository with a commit every
month for three and a half years (tests/changelog_years.py); the HTML MkDocs writes is parsed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
from changelog_years import SPECIALS, Page, make_years_site, months
from cli_run import run
from sitekit import build_site

from handbook.i18n import ENGLISH

ATOM = "{http://www.w3.org/2005/Atom}"
RECENT = months()[-12:]  # July 2024 to June 2025
ARCHIVED = {2024: [m for m in months() if m[0] == 2024 and m not in RECENT],
            2023: [m for m in months() if m[0] == 2023],
            2022: [m for m in months() if m[0] == 2022]}


def newest_first(month_list):
    return sorted(month_list, reverse=True)


def strict(root: Path):
    built = build_site(root, strict=True)
    assert built.aborted is None and built.warnings == [], (built.aborted, built.warnings)
    return built


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    made = make_years_site(tmp_path_factory.mktemp("years") / "handbook")
    return made, strict(made.root)


@pytest.fixture(scope="module")
def one_page(tmp_path_factory):
    """The same history with `changelog_recent_months: 0`: every month on the one page, as before."""
    made = make_years_site(tmp_path_factory.mktemp("one-page") / "handbook",
                           "      changelog_recent_months: 0\n      changelog_limit: 1000\n")
    return made, strict(made.root)


def anchors(made, month_list) -> list[str]:
    return [a for m in newest_first(month_list) for a in made.by_month[m]]


def test_the_changelog_page_holds_only_the_last_twelve_months(years):
    made, built = years
    page = Page(built.site_dir, "changelog/")
    assert page.months == [ENGLISH.month(*m) for m in newest_first(RECENT)] + ["Older changes"]
    assert page.entries == anchors(made, RECENT)


def test_each_year_page_holds_the_months_of_its_year(years):
    made, built = years
    for year, month_list in ARCHIVED.items():
        page = Page(built.site_dir, f"changelog/{year}/")
        assert page.headings[0][:1] + page.headings[0][2:] == ("h1", f"Changelog {year}")
        assert page.months == [ENGLISH.month(*m) for m in newest_first(month_list)]
        assert page.entries == anchors(made, month_list)
    made_years = sorted(p.name for p in (built.site_dir / "changelog").iterdir() if p.is_dir())
    assert made_years == ["2022", "2023", "2024"]  # 2025 is all on the changelog page


def test_the_changelog_page_links_every_year_and_each_year_links_back(years):
    _, built = years
    page = Page(built.site_dir, "changelog/")
    reached = {page.resolve(href)[0] for href, text in page.links if text in {"2024", "2023", "2022"}}
    assert reached == {"changelog/2024/", "changelog/2023/", "changelog/2022/"}
    for year in ARCHIVED:
        archive = Page(built.site_dir, f"changelog/{year}/")
        targets = {text: archive.resolve(href)[0] for href, text in archive.links}
        assert targets["Recent changes"] == "changelog/"
        assert {targets[str(y)] for y in ARCHIVED if y != year} == {f"changelog/{y}/" for y in ARCHIVED if y != year}


def test_an_old_month_address_lands_on_that_month_on_its_year_page(years, one_page):
    _, built = years
    old = Page(one_page[1].site_dir, "changelog/")
    old_ids = {text: heading_id for tag, heading_id, text in old.headings if tag == "h2"}
    page = Page(built.site_dir, "changelog/")
    for year, month_list in ARCHIVED.items():
        archive = Page(built.site_dir, f"changelog/{year}/")
        for month in month_list:
            old_id = old_ids[ENGLISH.month(*month)]  # `changelog/#june-2024` before the yearly pages
            element = page.ids[old_id]
            assert element["<tag>"] == "span" and "data-handbook-archived" in element
            assert page.resolve(page.link_in[old_id]) == (f"changelog/{year}/", old_id)
            assert archive.ids[old_id]["<tag>"] == "h2"
    html = (built.site_dir / "changelog" / "index.html").read_text("utf-8")
    script = html[html.index("<script>(function"):]
    script = script[:script.index("</script>")]
    assert "data-handbook-archived" in script and "location.replace(link.href)" in script and "http" not in script
    assert "src=" not in html[html.index("<script>(function") - 8:][:10]  # inline: nothing is fetched


def test_zero_puts_every_month_on_one_page(one_page):
    made, built = one_page
    page = Page(built.site_dir, "changelog/")
    assert page.months == [ENGLISH.month(*m) for m in newest_first(months())]
    assert page.entries == anchors(made, months())
    assert not [p for p in (built.site_dir / "changelog").iterdir() if p.is_dir()]


def test_year_pages_name_no_address_no_private_channel_and_show_markup_as_written(years):
    made, built = years
    html = (built.site_dir / "changelog" / "2022" / "index.html").read_text("utf-8")
    page = Page(built.site_dir, "changelog/2022/")
    assert set(anchors(made, [(2022, 3)])) <= set(page.entries)
    assert "<b>bold</b>" not in html and "<em>stars</em>" not in html
    shown = unescape(html)  # the text a reader sees: markup shown as written, not obeyed
    assert SPECIALS[1] in shown and "Thanks to eve for the review" in shown
    # A private channel is not named; a mention nobody can fix in a commit is not warned about.
    assert "Plan the a private channel meetup, then ask in #habbits" in shown
    for path in built.site_dir.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "@example.org" not in text and "spring-cohort" not in text, path


def test_the_feed_links_each_change_to_the_page_that_lists_it(years):
    made, built = years
    feed = ET.parse(built.site_dir / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(made.subjects)
    pages: dict[str, Page] = {}
    for entry in entries:
        href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        url, fragment = href.removeprefix("https://handbook.example.org/").split("#")
        page = pages.setdefault(url, Page(built.site_dir, url))
        assert fragment in page.entries, href
    assert set(pages) == {"changelog/", "changelog/2024/", "changelog/2023/", "changelog/2022/"}


def test_year_pages_stay_out_of_the_nav_and_out_of_its_warning(years, tmp_path):
    _, built = years
    index = (built.site_dir / "index.html").read_text("utf-8")
    assert 'href="changelog/"' in index and "changelog/2023/" not in index
    made = make_years_site(tmp_path / "handbook")
    (made.root / "mkdocs.yml").write_text((made.root / "mkdocs.yml").read_text("utf-8")
                                          + "nav:\n  - index.md\n  - notes.md\n  - changelog.md\n", "utf-8")
    listed = strict(made.root)
    assert (listed.site_dir / "changelog" / "2023" / "index.html").is_file()
    assert not [r.getMessage() for r in listed.records if "changelog/20" in r.getMessage()]


def test_the_limit_cuts_the_page_and_the_rest_is_on_its_year_page(tmp_path):
    made = make_years_site(tmp_path / "handbook", "      changelog_limit: 5\n")
    built = strict(made.root)
    page = Page(built.site_dir, "changelog/")
    assert page.entries == anchors(made, RECENT[-5:])
    assert page.link_in["january-2025"] == "2025/#january-2025"
    assert Page(built.site_dir, "changelog/2025/").entries == anchors(made, [(2025, 1)])
    assert Page(built.site_dir, "changelog/2024/").entries == anchors(made, [m for m in months() if m[0] == 2024])


def test_handbook_generate_writes_the_year_pages_the_build_makes(tmp_path, capsys, monkeypatch):
    made = make_years_site(tmp_path / "handbook")
    monkeypatch.chdir(made.root)
    ran = run(capsys, "generate")
    assert ran.code == 0, ran.text
    docs = made.root / "docs"
    for year, month_list in ARCHIVED.items():
        written = (docs / "changelog" / f"{year}.md").read_text("utf-8")
        assert written.startswith("---\nhandbook_generated: true")
        assert f"# Changelog {year}\n" in written
        assert [line[3:] for line in written.splitlines() if line.startswith("## ")] == \
               [ENGLISH.month(*m) for m in newest_first(month_list)]
        assert all(f'<a id="{a}">' in written for a in anchors(made, month_list))
    assert not (docs / "changelog" / "2025.md").exists()
    main = (docs / "changelog.md").read_text("utf-8")
    assert '<span id="november-2023" data-handbook-archived>[November](changelog/2023.md#november-2023)</span>' in main
    assert run(capsys, "generate", "--check").code == 0
    # The plugin replaces what `handbook generate` wrote, and builds the same pages from the tree.
    built = strict(made.root)
    assert Page(built.site_dir, "changelog/2023/").entries == anchors(made, ARCHIVED[2023])


# --- the split and the paths, as plain data -----------------------------------------------------

def _entry(year: int, month: int, day: int = 15):
    from datetime import datetime, timezone

    from handbook.history.changelog import Entry

    return Entry(f"{year:04d}{month:02d}{day:02d}".ljust(40, "0"), datetime(year, month, day, tzinfo=timezone.utc),
                 f"Change {year}-{month}-{day}", ("Ada",))


def test_a_month_cut_by_the_limit_starts_on_the_page_and_goes_on_on_its_year_page():
    from handbook.history.changelog import render_markdown, split_recent

    entries = [_entry(2025, 6, 20), _entry(2025, 6, 10), _entry(2025, 5, 3), _entry(2023, 2, 1)]
    recent, archives = split_recent(entries, 12, 1)
    assert recent == entries[:1]
    assert archives == [(2025, entries[1:3]), (2023, entries[3:])]
    md = render_markdown(recent, page_path="changelog.md", pages={}, limit=None, archives=archives,
                         month_id=lambda text: text.lower().replace(" ", "-"))
    # June 2025 keeps its heading (and its id) here; its link to the rest carries no second id.
    assert ('**[2025](changelog/2025.md)**: [June](changelog/2025.md#june-2025) · '
            '<span id="may-2025" data-handbook-archived>[May](changelog/2025.md#may-2025)</span>') in md
    assert "No changes recorded yet" not in render_markdown([], page_path="changelog.md", pages={}, limit=None,
                                                            archives=archives)
    assert split_recent(entries, 0, 1) == (entries, [])  # 0: one page (the limit is the page's own)
    assert split_recent(entries, 1, 100) == (entries[:2], [(2025, entries[2:3]), (2023, entries[3:])])


@pytest.mark.parametrize(("changelog", "year_page"), [
    ("changelog.md", "changelog/2023.md"),
    ("news/changes.md", "news/changes/2023.md"),
    ("news/index.md", "news/2023.md"),
])
def test_a_year_page_lives_beside_the_changelog_under_its_name(changelog, year_page):
    from handbook.history.changelog import archive_uri, is_archive_uri, is_changelog_page

    assert archive_uri(changelog, 2023) == year_page
    assert is_archive_uri(changelog, year_page) and is_changelog_page(changelog, year_page)
    assert not is_archive_uri(changelog, year_page.replace("2023", "notes"))
    assert not is_changelog_page("", "2023.md")


def test_handbook_generate_removes_the_year_pages_it_wrote_that_the_history_no_longer_has(tmp_path, capsys,
                                                                                          monkeypatch):
    made = make_years_site(tmp_path / "handbook")
    monkeypatch.chdir(made.root)
    assert run(capsys, "generate").code == 0
    docs = made.root / "docs"
    (docs / "changelog" / "2019.md").write_text("# Our own notes of 2019\n", encoding="utf-8")  # someone's page
    mkdocs_yml = made.root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text("utf-8") + "      changelog_recent_months: 0\n", encoding="utf-8")
    check = run(capsys, "generate", "--check")
    assert check.code == 1 and "docs/changelog/2022.md would be removed" in check.out
    ran = run(capsys, "generate")
    assert ran.code == 0
    assert [line for line in ran.out.splitlines() if line.startswith("removed")] == [
        "removed docs/changelog/2022.md", "removed docs/changelog/2023.md", "removed docs/changelog/2024.md"]
    assert sorted(p.name for p in (docs / "changelog").iterdir()) == ["2019.md"]
    assert run(capsys, "generate", "--check").code == 0

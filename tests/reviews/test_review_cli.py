"""`handbook review`: the list as text and JSON, exit codes, and `--spread --write` byte for byte."""

from __future__ import annotations

import json
import re

import pytest
from sitekit import write_files

from handbook import cli

MKDOCS = """\
    site_name: Review CLI
    plugins:
      - handbook:
          history: false
          review_every: 6 months
    """


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-08-10")
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {
        "mkdocs.yml": MKDOCS,
        "docs/index.md": "# Home\n",
        "docs/guide/late.md": "---\nowner: Ada\nlast_reviewed: 2024-01-31\n---\n# Late\n",
        "docs/guide/soon.md": "---\ntitle: Soon enough\nlast_reviewed: 2024-02-20\n---\n# Soon\n",
        "docs/guide/fine.md": "---\nlast_reviewed: 2024-08-01\n---\n# Fine\n",
    })
    return tmp_path


def test_json_lists_every_page_overdue_first_and_exits_1(project, capsys):
    assert cli.main(["review", "--format", "json"]) == 1
    pages = json.loads(capsys.readouterr().out)["pages"]
    assert pages == [
        {"file": "docs/guide/late.md", "title": "Late", "owner": "Ada", "last_reviewed": "2024-01-31",
         "due": "2024-07-31", "status": "overdue"},
        {"file": "docs/guide/soon.md", "title": "Soon enough", "owner": None, "last_reviewed": "2024-02-20",
         "due": "2024-08-20", "status": "due-soon"},
        {"file": "docs/index.md", "title": "Home", "owner": None, "last_reviewed": None, "due": None,
         "status": "never"},
        {"file": "docs/guide/fine.md", "title": "Fine", "owner": None, "last_reviewed": "2024-08-01",
         "due": "2025-02-01", "status": "ok"},
    ]


def test_due_within_and_a_clean_day(project, capsys, monkeypatch):
    assert cli.main(["review", "--due-within", "5d", "--format", "json"]) == 1
    assert [p["status"] for p in json.loads(capsys.readouterr().out)["pages"]] == ["overdue", "never", "ok", "ok"]
    write_files(project, {"docs/guide/late.md": "---\nowner: Ada\nlast_reviewed: 2024-08-09\n---\n# Late\n"})
    assert cli.main(["review"]) == 0
    out = capsys.readouterr().out
    assert "As of 2024-08-10: 0 overdue, 1 due within 30 days, 1 never reviewed, 2 up to date." in out
    assert "docs/guide/late.md" in out and "Ada" in out


def test_bad_input_exits_2_with_file_line_and_fix(project, capsys, monkeypatch):
    assert cli.main(["review", "--due-within", "30 dayz"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("handbook review: error: --due-within: `30 dayz`") and "did you mean `30 days`?" in err
    write_files(project, {"docs/guide/typo.md": "---\nreview_every: 6 moths\n---\n# Typo\n"})
    assert cli.main(["review"]) == 2
    out = capsys.readouterr().out
    assert "docs/guide/typo.md:2: warning: review_every: `6 moths`" in out and "did you mean `6 months`?" in out
    assert cli.main(["review", "--format", "json"]) == 2
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["code"], finding["file"], finding["line"]) == ("review-period-invalid", "docs/guide/typo.md", 2)
    monkeypatch.setenv("HANDBOOK_TODAY", "someday")
    assert cli.main(["review"]) == 2
    assert "HANDBOOK_TODAY: `someday` is not a date" in capsys.readouterr().err
    assert cli.main(["review", "--write"]) == 2
    assert "--write only goes with --spread" in capsys.readouterr().err


@pytest.mark.parametrize("page, line, message", [
    ("---\nreview_every: 99999 years\nlast_reviewed: 2024-01-01\n---\n# Forever\n", 2,
     "review_every: `99999 years` is longer than 100 years"),
    ("---\nreview_every: 1 month\nlast_reviewed: 0000-01-01\n---\n# Year 0\n", 3,
     "last_reviewed: `0000-01-01` is not a date of the years 1900 to 9799"),
    ("---\nlast_reviewed: 9999-12-01\nreview_every: 100 years\n---\n# Far\n", 2,
     "last_reviewed: `9999-12-01` is not a date of the years 1900 to 9799"),
])
def test_out_of_range_values_are_findings_not_tracebacks(project, capsys, monkeypatch, page, line, message):
    monkeypatch.setenv("HANDBOOK_TODAY", "9799-12-31")
    write_files(project, {"docs/guidelines/odd.md": page})
    assert cli.main(["review", "--format", "json"]) == 2
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["file"], f["line"]) for f in findings if message in f["message"]] == [("docs/guidelines/odd.md", line)]
    assert cli.main(["review", "--spread"]) == 2  # the same values stop the spreading
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("today", ["99999-01-01", "garbage", "0000-01-01", "9999-12-31"])
def test_an_out_of_range_today_is_one_error(project, capsys, monkeypatch, today):
    monkeypatch.setenv("HANDBOOK_TODAY", today)
    for command in (["review"], ["generate", "--check"]):
        assert cli.main(command) == 2
        err = capsys.readouterr().err
        assert f"HANDBOOK_TODAY: `{today}` is not a date" in err and "Fix: " in err
    monkeypatch.setenv("HANDBOOK_TODAY", "")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 40)
    assert cli.main(["review"]) == 2
    assert f"SOURCE_DATE_EPOCH=`{'9' * 40}` is after 9799-12-31" in capsys.readouterr().err


DATE = re.compile(rb"\d{4}-\d\d-\d\d(T[\d:+]+)?")
STORM = {  # six pages reviewed on the same day: they would all fall due on 2025-01-01
    f"docs/topic/page-{n}.md": text for n, text in enumerate([
        "---\nlast_reviewed: 2024-07-01\ntitle: Zero\n---\n# Zero\n",
        "---\r\nowner: Ada\r\nlast_reviewed: '2024-07-01'  # bulk import\r\n---\r\n# One\r\nCRLF body\r\n",
        "\ufeff---\nlast_reviewed: \"2024-07-01\"\n---\n# Two, with a BOM\n",
        "---\nlast_reviewed: 2024-07-01\n---\n# Three\n\ntrailing spaces   \n\n\n",
        "---\nlast_reviewed:    2024-07-01T09:00:00+02:00\n---\n# Four\n",
        "---\nlast_reviewed: 2024-07-01\n---\n# Five\nno final newline",
    ])
}


def test_spread_proposes_then_writes_only_the_changed_lines(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-07-02")
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {"mkdocs.yml": MKDOCS})
    for name, text in STORM.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    before = {name: (tmp_path / name).read_bytes() for name in STORM}

    assert cli.main(["review", "--spread", "--format", "json"]) == 0
    moves = json.loads(capsys.readouterr().out)["moves"]
    assert {name: (tmp_path / name).read_bytes() for name in STORM} == before  # a proposal writes nothing
    # Due dates spread evenly over the 184 days ahead (every 30 or 31 days); none is postponed.
    assert sorted(m["new_due"] for m in moves) == ["2024-08-02", "2024-09-01", "2024-10-02", "2024-11-02",
                                                   "2024-12-02"]
    assert all(m["new_due"] < m["due"] == "2025-01-01" for m in moves)

    assert cli.main(["review", "--spread", "--write"]) == 0
    assert "Set 5 review dates." in capsys.readouterr().out
    changed = 0
    for name, old in before.items():
        new = (tmp_path / name).read_bytes()
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        assert len(old_lines) == len(new_lines)
        diff = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
        if diff:
            changed += 1
            [(a, b)] = diff
            assert b"last_reviewed:" in a and b"last_reviewed:" in b
            assert a != b and DATE.sub(b"D", a) == DATE.sub(b"D", b)  # only the value changed
    assert changed == 5
    crlf = (tmp_path / "docs/topic/page-1.md").read_bytes()
    assert crlf.count(b"\r\n") == 6 and b"# bulk import\r\n" in crlf and b"'2024-" in crlf
    assert (tmp_path / "docs/topic/page-2.md").read_bytes().startswith("\ufeff---".encode())

    assert cli.main(["review", "--spread"]) == 0  # spread already: a second run moves nothing
    assert "nothing to move" in capsys.readouterr().out
    assert cli.main(["review", "--format", "json"]) == 0
    dues = sorted(p["due"] for p in json.loads(capsys.readouterr().out)["pages"])
    assert dues == ["2024-08-02", "2024-09-01", "2024-10-02", "2024-11-02", "2024-12-02", "2025-01-01"]


def test_owners_from_a_path_and_bad_options_are_one_line(project, capsys):
    write_files(project, {"owners.txt": "docs/guide/ @guide-team\n/docs/index.md @stewards\n",
                          "mkdocs.yml": MKDOCS.replace("review_every: 6 months", "owners_from: owners.txt")})
    assert cli.main(["review", "--format", "json"]) == 0  # no review period here: nothing is due
    owners = {p["file"]: p["owner"] for p in json.loads(capsys.readouterr().out)["pages"]}
    assert owners == {"docs/guide/late.md": "Ada", "docs/guide/soon.md": "@guide-team",
                      "docs/guide/fine.md": "@guide-team", "docs/index.md": "@stewards"}
    write_files(project, {"mkdocs.yml": MKDOCS.replace("review_every: 6 months", "owners_from: CODEOWNERS")})
    assert cli.main(["review"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("handbook review: error: mkdocs.yml: `owners_from: CODEOWNERS` but there is no "
                          "CODEOWNERS file. Fix: add one at .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS")
    write_files(project, {"mkdocs.yml": MKDOCS.replace("review_every: 6 months", "review_timezone: Mars/Olympus")})
    assert cli.main(["review"]) == 2
    assert "`Mars/Olympus` is not a time zone. Fix: use a name from the tz database" in capsys.readouterr().err
    write_files(project, {"mkdocs.yml": MKDOCS.replace("review_every: 6 months", "review_every: 90")})
    assert cli.main(["review"]) == 2
    assert "`90` has no unit. Fix: say which: `90 days`" in capsys.readouterr().err

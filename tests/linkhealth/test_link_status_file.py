"""A `link_status.json` that is not what `handbook links check` writes: one line with file, line and
the fix, in `links check` and in the build, never a traceback and never a request."""

from __future__ import annotations

import json

import pytest

from handbook.cli.app import main
from link_handbook import page_of_links
from link_servers import LinkServer, Reply
from sitekit import build_site, write_files

URL = "https://a.example/"
FIX = "correct it, or delete the file and run `handbook links check` to write it again"
TIME_FIX = ("write a time such as 2026-12-01T09:00:00+00:00, or delete the file and run `handbook links check` "
            "to write it again")


def entry(**changes) -> dict:
    good = {"url": URL, "status": "ok", "code": 200, "final_url": None, "checked_at": "2026-12-01T09:00:00+00:00",
            "where": [{"file": "docs/index.md", "line": 3}]}
    return {**good, **changes}


def status_text(links: list, checked_at: object = "2026-12-01T09:00:00+00:00") -> str:
    return json.dumps({"version": 1, "checked_at": checked_at, "links": links}, indent=2) + "\n"


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[nth - 1]


CASES = [  # (the file's text, the needle on the line named, the message[, the fix])
    (status_text([entry(checked_at="garbage")]), '"checked_at": "garbage"',
     f"`checked_at` of {URL} is not a time: 'garbage'", TIME_FIX),
    (status_text([entry()], checked_at="garbage"), '"checked_at": "garbage"', "`checked_at` is not a time: 'garbage'",
     TIME_FIX),
    (status_text([entry(checked_at=5)]), '"checked_at": 5', f"`checked_at` of {URL} must be text (a time), not a number"),
    (status_text([entry(), None]), "    null", "entry 2 of `links` must be an object, not nothing"),
    (status_text([["https://b.example/", "ok"]]), "    [", "entry 1 of `links` must be an object, not a list"),
    (status_text([entry(url=5)]), '"url": 5', "`url` of entry 1 of `links` must be text, not a number"),
    (status_text([entry(url=None)]), '"url": null', "`url` of entry 1 of `links` must be text, not nothing"),
    (status_text([entry(status="fine")]), '"status": "fine"',
     f"`status` of {URL} is 'fine', not one of ok, redirected, dead, unreachable, unchecked"),
    (status_text([entry(code="200")]), '"code": "200"', f"`code` of {URL} must be a number, not text"),
    (status_text([entry(final_url=["x"])]), '"final_url": [', f"`final_url` of {URL} must be text, not a list"),
    (status_text([entry(where=5)]), '"where": 5', f"`where` of {URL} must be a list, not a number"),
    (status_text([entry(where={"file": "docs/index.md"})]), '"where": {',
     f"`where` of {URL} must be a list, not an object"),
    (status_text([entry(where=[{"file": None, "line": 3}])]), '"file": null',
     f"`file` of place 1 in `where` of {URL} must be text, not nothing"),
    (status_text([entry(where=[{"file": "docs/index.md", "line": "3"}])]), '"line": "3"',
     f"`line` of place 1 in `where` of {URL} must be a number, not text"),
    (status_text([entry(where=["docs/index.md"])]), '"docs/index.md"',
     f"place 1 in `where` of {URL} must be an object, not text"),
    (status_text([entry(discord=[])]), '"discord": []', f"`discord` of {URL} must be an object, not a list"),
    (status_text([entry(discord={"members": "many", "online": 1, "expires_at": None})]), '"members": "many"',
     f"`members` of `discord` of {URL} must be a number, not text"),
    (status_text([entry(error={"why": "x"})]), '"error": {', f"`error` of {URL} must be text, not an object"),
    (json.dumps({"version": 1, "checked_at": None, "links": {"url": URL}}, indent=2), '"links": {',
     "is not a link status file (`links` must be a list, not an object)"),
    ("[]\n", "[]", "is not a link status file (it must be an object with a `links` list, not a list)"),
    ("[" * 100_000 + "]" * 100_000, "[", "is not a link status file (nested too deeply)"),
]
CASES = [(text, needle, message, *(fix or [FIX])) for text, needle, message, *fix in CASES]
IDS = [message.split(" of ")[0].strip("`") + f"-{i}" for i, (_, _, message, _) in enumerate(CASES)]


@pytest.mark.parametrize("text, needle, message, fix", CASES, ids=IDS)
def test_links_check_refuses_a_wrong_status_file_with_its_line_and_asks_nothing(tmp_path, capsys, text, needle,
                                                                                message, fix):
    with LinkServer({}, default=Reply(200)) as server:
        config = page_of_links(tmp_path, [server.url + "/fine"])
        (config.parent / "link_status.json").write_text(text, encoding="utf-8")
        assert main(["links", "check", "-f", str(config)]) == 2
        assert server.requests == []
    assert capsys.readouterr().err == (f"handbook links check: error: link_status.json:{line_of(text, needle)}: "
                                       f"{message}. Fix: {fix}\n")
    assert (config.parent / "link_status.json").read_text(encoding="utf-8") == text  # nothing lost


@pytest.mark.parametrize("text, needle, message, fix", CASES[:8], ids=IDS[:8])
def test_the_build_stops_at_a_wrong_status_file_with_its_line(tmp_path, text, needle, message, fix):
    write_files(tmp_path, {"mkdocs.yml": "site_name: T\nplugins:\n  - handbook:\n      history: false\n",
                           "docs/index.md": f"# Hi\n\n[a]({URL})\n", "link_status.json": text})
    built = build_site(tmp_path)
    assert built.aborted
    assert any(f"link_status.json:{line_of(text, needle)}: {message}\n" in e and f"Fix: {fix}" in e
               for e in built.errors), built.errors

"""A Discord token or webhook URL an author pasted into a page never reaches the published site:
the page (its title, description, text, code blocks, links, table of contents) and its search
entry say "[token removed]" instead, and the build and `handbook check` both report where it is,
with the fix (revoke it: it is in git history now)."""

from __future__ import annotations

import contextlib
import io
import json
import re

from bs4 import BeautifulSoup
from links_site import build_site
from test_privacy import site_files

from handbook.cli import main

BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB"
USER_TOKEN = "mfa." + "Vd3KbC9_x-ZqT2pL8nW4rF6hJ1sA0eY7uI5oM3kX9cB2vN8gH4jD6fS1aQ0wE7rT5yU3iO9pL2kZ8xC6vB4nM1q_"
WEBHOOK = "https://discord.com/api/webhooks/423456789012345699/Zx9-" + "q" * 60
SECRET_PIECES = (BOT_TOKEN, BOT_TOKEN.split(".")[2], USER_TOKEN[4:40], "Zx9-qqqq", "423456789012345699")
PAGE = f"""\
---
title: Bot setup ({BOT_TOKEN})
description: Posts go to {WEBHOOK}
---
# Bot setup

Our bot logs in with {BOT_TOKEN} for now.

Announcements go to {WEBHOOK} every week.

```yaml
token: "{BOT_TOKEN}"
```

See [the webhook]({WEBHOOK}) and `{USER_TOKEN}`.

## Logging in with {USER_TOKEN}

The end.
"""
FINDING = re.compile(r"^(?P<location>\S+): (?P<message>.*) \[token-in-page\] Fix: (?P<fix>.*)$")
EXPECTED = ["docs/bots/setup.md:2", "docs/bots/setup.md:3", "docs/bots/setup.md:7", "docs/bots/setup.md:9",
            "docs/bots/setup.md:12", "docs/bots/setup.md:15", "docs/bots/setup.md:17"]


def build(tmp_path):
    return build_site(tmp_path, {"index.md": "# Home\n\nWelcome.\n", "bots/setup.md": PAGE})


def test_a_token_in_a_page_is_left_out_of_every_published_file(tmp_path):
    site = build(tmp_path)
    files = site_files(site.site_dir)
    assert {"bots/setup/index.html", "search/search_index.json", "sitemap.xml"} <= set(files)
    assert [(name, piece) for name, text in files.items() for piece in SECRET_PIECES if piece in text] == []
    html = BeautifulSoup(files["bots/setup/index.html"], "html.parser")
    article = html.find("article")
    assert article.h1.get_text(strip=True).startswith("Bot setup")
    assert "Our bot logs in with [token removed] for now." in article.get_text()
    assert "Announcements go to [token removed] every week." in article.get_text()
    assert 'token: "[token removed]"' in article.find("pre").get_text()
    assert "See the webhook ([token removed]) and [token removed]." in article.get_text()
    assert article.find("code", string="[token removed]")
    assert html.title.get_text() == "Bot setup ([token removed]) - Test handbook"
    assert html.find("meta", attrs={"name": "description"})["content"] == "Posts go to [token removed]"
    entries = [e for e in json.loads(files["search/search_index.json"])["docs"] if e["location"].startswith("bots/")]
    assert entries and any("Our bot logs in with [token removed]" in e["text"] for e in entries)
    assert any(e["title"] == "Logging in with [token removed]" for e in entries)


def test_the_build_reports_each_line_with_a_token_and_never_repeats_it(tmp_path):
    site = build(tmp_path)
    lines = [line.removeprefix("WARNING - handbook: ") for line in site.warnings()]
    found = [m for m in map(FINDING.match, lines) if m]
    assert [m["location"] for m in found] == EXPECTED
    assert all("revoke" in m["fix"] and "git history" in m["fix"] for m in found)
    assert "a Discord webhook URL" in found[1]["message"] and "a Discord bot token" in found[0]["message"]
    assert "the page holds a Discord webhook URL and a Discord user token" in found[5]["message"]
    assert [line for line in site.log for piece in SECRET_PIECES if piece in line] == []
    assert [line for line in site.warnings() if "[token-in-page]" not in line] == []  # no link to nowhere


def test_check_reports_the_same_lines_without_building(tmp_path):
    site = build(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--format", "json", "-f", str(site.root / "mkdocs.yml")])
    found = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "token-in-page"]
    assert code == 1
    assert [f"{f['file']}:{f['line']}" for f in found] == EXPECTED
    assert [piece for piece in SECRET_PIECES if piece in out.getvalue()] == []


def test_a_token_an_included_file_brings_is_left_out_of_the_rendered_page(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "hook.md").write_text(f"Post with {WEBHOOK} please.\n", encoding="utf-8")
    snippets = {"pymdownx.snippets": {"base_path": [str(tmp_path / "snippets")]}}
    site = build_site(tmp_path, {"index.md": "# Home\n\n--8<-- \"hook.md\"\n"},
                      config={"markdown_extensions": [snippets]})
    files = site_files(site.site_dir)
    assert [(name, piece) for name, text in files.items() for piece in SECRET_PIECES if piece in text] == []
    assert "Post with [token removed] please." in BeautifulSoup(files["index.html"], "html.parser").article.get_text()
    found = [m for m in map(FINDING.match, (w.removeprefix("WARNING - handbook: ") for w in site.warnings())) if m]
    assert [m["location"] for m in found] == ["docs/index.md"]
    assert "included file" in found[0]["message"] and "a Discord webhook URL" in found[0]["message"]

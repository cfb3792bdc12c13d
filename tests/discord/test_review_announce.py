"""`handbook discord announce --reviews`: the payload against the fake Discord's webhook on 127.0.0.1."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fake_discord import fake  # noqa: F401  (fixture)
from sitekit import write_files

from handbook import cli
from handbook.reviews.announce import build_message
from handbook.reviews.dates import parse_duration
from handbook.reviews.status import DUE_SOON, OVERDUE, Owner, PageReview

ROLE_ID = "223456789012345678"


@pytest.fixture
def handbook(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-08-10")
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {
        "mkdocs.yml": """\
            site_name: Announce reviews
            site_url: https://handbook.example.org/
            plugins:
              - handbook:
                  history: false
                  review_every: 6 months
            """,
        "channel_map.yml": f"""\
            roles:
              - name: moderator
                id: "{ROLE_ID}"
              - name: host
            discord_categories:
              - name: Topics
                channels:
                  - name: guide
                    kind: topic
                    category: guide
              - name: Staff
                visibility: private
                roles: [moderator]
                channels:
                  - name: staff-notes
                    kind: topic
                    category: staff-notes
            """,
        "docs/staff-notes/rota.md": '---\nowner: "@moderator"\nlast_reviewed: 2024-01-01\n---\n# Secret rota\n',
        "docs/index.md": "# Home\n",
        "docs/guide/reporting.md": '---\nowner: "@moderator"\nlast_reviewed: 2024-01-31\n---\n# Reporting *now*\n',
        "docs/guide/moderation.md": '---\nowner: "@moderator"\nlast_reviewed: 2024-02-20\n---\n# Moderation\n',
        "docs/guide/calls.md": '---\nowner: ["@host", Ada]\nlast_reviewed: 2024-02-25\n---\n# Calls\n',
        "docs/guide/orphan.md": "---\nlast_reviewed: 2024-02-01\n---\n# Orphan\n",
        "docs/guide/fresh.md": '---\nowner: "@moderator"\nlast_reviewed: 2024-08-01\n---\n# Fresh\n',
    })
    return tmp_path


def test_pages_due_grouped_by_owner_naming_roles_without_pinging(fake, handbook, monkeypatch, capsys):
    url = fake.add_webhook()
    monkeypatch.setenv("DISCORD_WEBHOOK_URL", url)
    assert cli.main(["discord", "announce", "--reviews"]) == 0
    out, err = capsys.readouterr()
    assert "Announced 4 pages due for review within 30 days." in out and url.rsplit("/", 1)[1] not in out + err
    [message] = next(iter(fake.webhooks.values()))
    assert message["allowed_mentions"] == {"parse": []} and "content" not in message
    assert "rota" not in json.dumps(message).lower()  # a page of a private category is never announced
    embed = message["embeds"][0]
    assert embed["title"] == "Handbook pages due for review"
    assert embed["description"].splitlines() == [
        f"**<@&{ROLE_ID}>**",
        r"• [Reporting \*now\*](https://handbook.example.org/guide/reporting/): overdue since July 31, 2024",
        "• [Moderation](https://handbook.example.org/guide/moderation/): due August 20, 2024",
        r"**\@host, Ada**",  # a role without an id is plain (escaped) text
        "• [Calls](https://handbook.example.org/guide/calls/): due August 25, 2024",
        "**No owner**",
        "• [Orphan](https://handbook.example.org/guide/orphan/): overdue since August 1, 2024",
    ]
    assert embed["footer"]["text"] == "2 pages overdue, 2 due within 30 days"  # each page counted once


def test_ping_mentions_exactly_the_owning_roles(fake, handbook, monkeypatch, capsys):
    url = fake.add_webhook()
    monkeypatch.setenv("DISCORD_WEBHOOK_URL", url)
    assert cli.main(["discord", "announce", "--reviews", "--ping", "--due-within", "5d"]) == 0
    [message] = next(iter(fake.webhooks.values()))
    assert message["content"] == f"<@&{ROLE_ID}> pages you own are due for review."
    assert message["allowed_mentions"] == {"parse": [], "roles": [ROLE_ID]}
    assert message["embeds"][0]["footer"]["text"] == "2 pages overdue"


def test_dry_run_nothing_due_and_bad_input(handbook, monkeypatch, capsys):
    monkeypatch.delenv("DISCORD_WEBHOOK_URL", raising=False)
    assert cli.main(["discord", "announce", "--reviews", "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["allowed_mentions"] == {"parse": []}
    for name in ("reporting", "moderation", "calls", "orphan"):
        (handbook / "docs" / "guide" / f"{name}.md").unlink()
    assert cli.main(["discord", "announce", "--reviews", "--dry-run"]) == 0
    assert "No page is due for review within 30 days: nothing to announce." in capsys.readouterr().out
    assert cli.main(["discord", "announce", "--dry-run"]) == 2
    assert "pass --since REF" in capsys.readouterr().err
    write_files(handbook, {"docs/guide/typo.md": "---\nlast_reviewed: 2024-02-30\n---\n# Typo\n"})
    assert cli.main(["discord", "announce", "--reviews", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "docs/guide/typo.md:2: last_reviewed: `2024-02-30` is not a date" in err and "Traceback" not in err


def test_a_long_list_is_one_message_within_discords_limits(fake):
    reviews = [PageReview(f"topic-{i:03}/a-page-with-a-long-name-{i:03}.md", f"docs/topic-{i:03}/p.md",
                          f"A page with a rather long title, number {i}",
                          owners=(Owner(f"@role-{i % 7}", role_id=f"3{i % 7:017}", is_role=True),),
                          last_reviewed=date(2024, 1, 1), every=parse_duration("6 months"), due=date(2024, 7, 1),
                          status=OVERDUE) for i in range(400)]
    urls = {r.src_uri: f"https://handbook.example.org/{r.src_uri[:-3]}/" for r in reviews}
    message = build_message(reviews, "30 days", urls, ping=True)
    embed = message["embeds"][0]
    assert len(embed["description"]) <= 4096 and embed["description"].endswith("more pages")
    assert len(message["allowed_mentions"]["roles"]) == 7
    from handbook.discord.client import execute_webhook
    posted = execute_webhook(fake.add_webhook(), message)  # the fake refuses what Discord would refuse
    assert posted["embeds"][0]["footer"]["text"] == "400 pages overdue"


@pytest.mark.parametrize("statuses, footer", [
    ([OVERDUE], "1 page overdue"),
    ([DUE_SOON], "1 page due within 30 days"),
    ([OVERDUE, DUE_SOON], "1 page overdue, 1 due within 30 days"),
    ([DUE_SOON, DUE_SOON, OVERDUE], "1 page overdue, 2 due within 30 days"),
    ([DUE_SOON, DUE_SOON], "2 pages due within 30 days"),
])
def test_the_footer_counts_each_page_once(statuses, footer):
    reviews = [PageReview(f"p{i}.md", f"docs/p{i}.md", f"Page {i}", last_reviewed=date(2024, 1, 1),
                          every=parse_duration("6 months"), due=date(2024, 7, 1), status=status)
               for i, status in enumerate(statuses)]
    assert build_message(reviews, "30 days")["embeds"][0]["footer"]["text"] == footer

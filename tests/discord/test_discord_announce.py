"""`handbook discord announce`: a real git repository, the fake Discord's webhook."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import git
import pytest
from fake_discord import fake  # noqa: F401  (fixture)

from handbook import cli
from handbook.discord.announce import PageChange, build_message, escape


def commit(repo: git.Repo, root: Path, files: dict[str, str | None], message: str) -> str:
    for rel, text in files.items():
        path = root / rel
        if text is None:
            repo.index.remove([rel], working_tree=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        repo.index.add([rel])
    return repo.index.commit(message).hexsha


@pytest.fixture
def handbook_repo(tmp_path):
    repo = git.Repo.init(tmp_path)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Test").set_value("user", "email", "test@example.org")
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: Test Handbook
        site_url: https://handbook.example.org/
        exclude_docs: |
          drafts/
        plugins:
          - handbook
        """))
    (tmp_path / "channel_map.yml").write_text(textwrap.dedent("""\
        roles:
          - name: cohort
        discord_categories:
          - name: Topics
            channels:
              - name: habits
                kind: topic
                category: habits
          - name: Cohort
            visibility: private
            roles: [cohort]
            channels:
              - name: cohort-notes
                kind: topic
                category: cohort-notes
        """))
    start = commit(repo, tmp_path, {"mkdocs.yml": (tmp_path / "mkdocs.yml").read_text(),
                                    "docs/index.md": "# Home\n", "docs/habits/old.md": "# Old page\n",
                                    "docs/habits/keep.md": "# Keep\n"}, "start")
    commit(repo, tmp_path, {"docs/habits/tiny-habits.md": "---\ntitle: Tiny habits @everyone\n---\nText\n",
                            "docs/habits/keep.md": "# Keep going\nmore\n",
                            "docs/cohort-notes/week-1.md": "# Week 1 secrets\n",
                            "docs/drafts/idea.md": "# Unpublished idea\n",
                            "docs/habits/old.md": None}, "Add tiny habits")
    commit(repo, tmp_path, {"docs/habits/scratch.md": "# Scratch\n"}, "add scratch")
    commit(repo, tmp_path, {"docs/habits/scratch.md": None}, "remove scratch")
    commit(repo, tmp_path, {"docs/index.md": "# Home\n\n"}, "Fix typo on the home page")  # noise
    return tmp_path, start


def test_announce_posts_public_changes_without_pinging(fake, handbook_repo, capsys, monkeypatch):
    root, start = handbook_repo
    url = fake.add_webhook()
    monkeypatch.setenv("DISCORD_WEBHOOK_URL", url)
    monkeypatch.chdir(root)
    assert cli.main(["discord", "announce", "--since", start]) == 0
    out, err = capsys.readouterr()
    assert "Announced 3 changed pages" in out
    assert url.rsplit("/", 1)[1] not in out + err
    [message] = next(iter(fake.webhooks.values()))
    assert message["allowed_mentions"] == {"parse": []}
    embed = message["embeds"][0]
    assert embed["title"] == f"Handbook updates since {start}"
    assert embed["description"].splitlines() == [
        r"**Added** [Tiny habits \@everyone](https://handbook.example.org/habits/tiny-habits/)",
        "**Updated** [Keep going](https://handbook.example.org/habits/keep/)",
        "**Removed** Old",
    ]
    assert "Week 1" not in json.dumps(message) and "idea" not in json.dumps(message).lower()
    assert embed["footer"]["text"] == "3 pages changed in 3 commits"


def test_announce_dry_run_needs_no_webhook_and_nothing_new_is_quiet(handbook_repo, capsys, monkeypatch):
    root, start = handbook_repo
    monkeypatch.chdir(root)
    monkeypatch.delenv("DISCORD_WEBHOOK_URL", raising=False)
    assert cli.main(["discord", "announce", "--since", start, "--dry-run"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["allowed_mentions"] == {"parse": []}
    assert cli.main(["discord", "announce", "--since", "HEAD", "--dry-run"]) == 0
    assert "nothing to announce" in capsys.readouterr().out
    assert cli.main(["discord", "announce", "--since", start]) == 2
    assert "DISCORD_WEBHOOK_URL is not set" in capsys.readouterr().err
    assert cli.main(["discord", "announce", "--since", "no-such-ref", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "cannot read the history since `no-such-ref`" in err and "Traceback" not in err


def test_a_webhook_that_is_gone_is_one_line_without_its_secret(fake, handbook_repo, capsys, monkeypatch):
    root, start = handbook_repo
    url = fake.add_webhook()
    fake.webhooks.clear()
    monkeypatch.setenv("DISCORD_WEBHOOK_URL", url)
    monkeypatch.chdir(root)
    assert cli.main(["discord", "announce", "--since", start]) == 2
    err = capsys.readouterr().err
    assert "webhook does not exist any more" in err and url.rsplit("/", 1)[1] not in err


def test_long_lists_are_cut_to_discords_limits(fake):
    changes = [PageChange(f"topic-{i:03}/page-with-a-long-name-{i:03}.md", "updated",
                          title=f"A page with a rather long title number {i}",
                          url=f"https://handbook.example.org/topic-{i:03}/page-with-a-long-name-{i:03}/")
               for i in range(400)]
    message = build_message(changes, "v" * 300, 120, "https://handbook.example.org/")
    embed = message["embeds"][0]
    assert len(embed["title"]) <= 256 and len(embed["description"]) <= 4096
    assert embed["description"].endswith("more") and "…and " in embed["description"]
    url = fake.add_webhook()
    from handbook.discord.client import execute_webhook
    assert execute_webhook(url, message)["embeds"][0]["footer"]["text"] == "400 pages changed in 120 commits"


def test_escape_neutralises_markdown_and_mentions():
    assert escape("**bold** <@&123> [x](y)") == r"\*\*bold\*\* \<\@&123\> \[x\]\(y\)"

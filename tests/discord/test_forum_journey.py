"""Issue 29's journey: this repository's handbook with two forum categories, on the fake Discord.

`discord apply` gives each page of #habits and #focus one post; a page renamed in git keeps its
post (renamed, same id); a removed page's post is archived and locked, never deleted; a second plan
is empty; an apply killed half-way and run again makes no second post; the built pages link their
own posts.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from cli_run import run
from discuss_html import discuss_link
from fake_discord import fake  # noqa: F401  (fixture)
from history_gitrepo import GitRepo
from handbook.channelmap.loader import load_channel_map
from handbook.discord.permissions import permissions_for
from paths import ROOT
from sitekit import build_site

from handbook.channelmap.discussions import load_discussions

SITE = "https://handbook.campfire-practice.example/"
FORUM_KEYS = {"habits": "        discussions: forum\n        available_tags: [habits, beginner, tracking]\n",
              "focus": "        discussions: forum\n        available_tags: [focus]\n"}


def discuss(site_dir, page: str) -> dict:
    return discuss_link((site_dir / page / "index.html").read_text(encoding="utf-8"))


def handbook(tmp_path) -> GitRepo:
    """This repository's handbook in a git repository of its own, #habits and #focus as forums."""
    repo = GitRepo(tmp_path / "handbook")
    shutil.copytree(ROOT / "docs", repo.root / "docs")
    for name in ("mkdocs.yml", "channel_map.yml", "channel_map.schema.json"):
        shutil.copy(ROOT / name, repo.root / name)
    text = (repo.root / "channel_map.yml").read_text(encoding="utf-8")
    for folder, keys in FORUM_KEYS.items():
        entry = f"        category: {folder}\n"
        assert text.count(entry) == 1
        text = text.replace(entry, entry + keys)
    (repo.root / "channel_map.yml").write_text(text, encoding="utf-8")
    repo.git("add", "-A")
    repo.commit("The handbook")
    return repo


def posts_by_name(fake) -> Counter:
    return Counter(t["name"] for t in fake.threads.values())


def apply_process(repo: GitRepo) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "handbook", "discord", "apply", "--yes"], cwd=repo.root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_every_page_of_two_forum_categories_keeps_one_post_through_renames_removals_and_a_killed_apply(
        fake, tmp_path, monkeypatch, capsys):
    fake.features[:] = ["COMMUNITY", "NEWS"]  # the owner made it a Community server
    repo = handbook(tmp_path)
    # What the map asks of the bot: its server settings and AutoMod rules need Manage Server too.
    fake.set_bot_permissions(permissions_for(load_channel_map(repo.root / "channel_map.yml")))
    monkeypatch.chdir(repo.root)
    monkeypatch.setenv("DISCORD_GUILD_ID", fake.guild_id)

    planned = run(capsys, "discord", "plan", "--format", "json")
    assert planned.code == 1, planned.text
    creates = [o["name"] for o in json.loads(planned.out)["posts"]["operations"] if o["op"] == "create-post"]
    assert sorted(creates) == ["Deep work sessions", "Handling distractions", "Tiny habits",
                               "Tracking your habits", "When you slip"], creates

    applied = run(capsys, "discord", "apply", "--yes")
    assert applied.code == 0, applied.text
    habits, focus = fake.by_name("habits"), fake.by_name("focus")
    assert habits["type"] == focus["type"] == 15
    assert [t["name"] for t in habits["available_tags"]] == ["habits", "beginner", "tracking"]
    assert posts_by_name(fake) == Counter(creates) and all(n == 1 for n in posts_by_name(fake).values())
    assert {t["parent_id"] for t in fake.threads.values()} == {habits["id"], focus["id"]}
    assert all(t["id"] not in fake.channels for t in fake.threads.values())
    discussions = load_discussions(repo.root / "discussions.yml")
    tiny = discussions.records["habits/tiny-habits.md"]
    first = fake.first_message(tiny.post)["content"]
    assert first.endswith(f"\n{SITE}habits/tiny-habits/") and first.startswith("A tiny habit is a new behaviour")
    assert fake.tag_names(fake.threads[tiny.post]) == ["habits"]
    assert "# The forum post of each handbook page" in (repo.root / "discussions.yml").read_text(encoding="utf-8")

    again = run(capsys, "discord", "plan")
    assert again.code == 0 and "Every page has its forum post (5 pages): nothing to change." in again.out, again.text

    # a page renamed in git (and retitled), a page removed
    tracking = discussions.records["habits/tracking.md"].post
    distractions = discussions.records["focus/distractions.md"].post
    repo.git("mv", "docs/habits/tracking.md", "docs/habits/tracking-progress.md")
    moved = repo.root / "docs/habits/tracking-progress.md"
    moved.write_text(moved.read_text(encoding="utf-8").replace("# Tracking your habits", "# Tracking progress", 1),
                     encoding="utf-8")
    repo.git("rm", "-q", "docs/focus/distractions.md")
    repo.git("add", "-A")
    repo.commit("Tracking progress; distractions are in deep work now")

    planned = run(capsys, "discord", "plan")
    assert planned.code == 1
    assert 'rename post "Tracking your habits" → "Tracking progress"' in planned.out, planned.out
    assert 'archive and lock post "Handling distractions"' in planned.out and "create post" not in planned.out
    assert run(capsys, "discord", "apply", "--yes").code == 0
    assert fake.threads[tracking]["name"] == "Tracking progress"
    assert fake.threads[distractions]["thread_metadata"] | {} == {**fake.threads[distractions]["thread_metadata"],
                                                                  "archived": True, "locked": True}
    discussions = load_discussions(repo.root / "discussions.yml")
    assert discussions.records["habits/tracking.md"].path == "habits/tracking-progress.md"
    assert discussions.records["habits/tracking.md"].post == tracking
    assert discussions.records["focus/distractions.md"].archived
    again = run(capsys, "discord", "plan")
    assert again.code == 0 and "nothing to change" in again.out, again.text

    # an apply killed while Discord makes its second new post, then run again
    for name in ("streaks", "habit-stacking", "cues"):
        repo.write(f"docs/habits/{name}.md", f"# {name.replace('-', ' ').capitalize()}\n\nAbout {name}.\n")
    repo.git("add", "-A")
    repo.commit("Three new habit pages")
    before = len(fake.threads)
    gate = fake.hold("POST", r"^/channels/\d+/threads$", after=1)
    killed = apply_process(repo)
    try:
        assert gate.arrived.wait(120), "apply never reached its second create"
        killed.send_signal(signal.SIGKILL)
        killed.communicate(timeout=60)
    finally:
        gate.release.set()
    for _ in range(600):  # the held create goes through once released, though nobody reads its answer
        if len(fake.threads) == before + 2:
            break
        time.sleep(0.05)
    assert posts_by_name(fake)["Habit stacking"] + posts_by_name(fake)["Cues"] == 2  # one made, one recorded
    finished = run(capsys, "discord", "apply", "--yes")
    assert finished.code == 0, finished.text
    assert "found the post an earlier apply made" in finished.out
    assert all(n == 1 for n in posts_by_name(fake).values()), posts_by_name(fake)
    assert {"Streaks", "Habit stacking", "Cues"} <= set(posts_by_name(fake))
    again = run(capsys, "discord", "plan")
    assert again.code == 0 and "nothing to change" in again.out, again.text

    # the built pages link their own posts; a page without one (the index) links the forum
    built = build_site(repo.root)
    assert built.aborted is None, built.aborted
    discussions = load_discussions(repo.root / "discussions.yml")
    for page_id, path in (("habits/tiny-habits.md", "habits/tiny-habits"),
                          ("habits/tracking.md", "habits/tracking-progress"), ("focus/deep-work-sessions.md",
                                                                               "focus/deep-work-sessions")):
        link = discuss(built.site_dir, path)
        assert link["href"] == f"https://discord.com/channels/{fake.guild_id}/{discussions.records[page_id].post}"
        assert "data-handbook-post" in link
    index = discuss(built.site_dir, "habits")
    assert index["href"] == f"https://discord.com/channels/{fake.guild_id}/{habits['id']}"
    assert "data-handbook-post" not in index
    assert os.environ["DISCORD_GUILD_ID"] == fake.guild_id

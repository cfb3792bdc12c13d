"""Forum posts on the fake Discord, command by command, on a small handbook of its own: `pull`
adopts the posts a server already has (by title or first-message address), `apply` survives a lost
answer, keeps within the rate limits and the 1,000 active threads, creates posts archived when the
community asks, and says what to do when it may not lock a post."""

from __future__ import annotations

import json

import pytest
from cli_run import run
from fake_discord import BOT_DEFAULT, CATEGORY, fake  # noqa: F401  (fixture)
from fake_forum import MANAGE_THREADS
from history_gitrepo import GitRepo, page

from handbook.channelmap.discussions import load_discussions

SITE = "https://handbook.example.org/"


def small_handbook(tmp_path, fake, *, options: str = "", forum_id: str | None = None) -> GitRepo:
    repo = GitRepo(tmp_path / "hb")
    repo.write("mkdocs.yml", f"site_name: Small\nsite_url: {SITE}\nplugins:\n  - handbook:\n      history: false\n"
                             + options)
    repo.write("docs/index.md", "# Home\n\nWelcome.\n")
    repo.write("docs/habits/index.md", "# Habits\n\nAll about habits.\n")
    repo.write("docs/habits/tiny-habits.md", "---\ndescription: Start with two minutes.\n---\n" + page("Tiny habits"))
    repo.write("docs/habits/tracking.md", page("Tracking"))
    id_line = f'        id: "{forum_id}"\n' if forum_id else ""
    repo.write("channel_map.yml", f'server:\n  name: Small\n  guild_id: "{fake.guild_id}"\ndiscord_categories:\n'
                                  "  - name: Topics\n    channels:\n      - name: habits\n        kind: topic\n"
                                  f"{id_line}        category: habits\n        discussions: forum\n"
                                  "        available_tags: [habits]\n")
    repo.commit("small handbook")
    return repo


@pytest.fixture
def hb(fake, tmp_path, monkeypatch):
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_THREADS)
    repo = small_handbook(tmp_path, fake)
    monkeypatch.chdir(repo.root)
    return repo


def names(fake) -> list[str]:
    return sorted(t["name"] for t in fake.threads.values())


def test_pull_links_the_posts_a_server_has_by_title_or_first_message_so_apply_makes_none(fake, tmp_path,
                                                                                         monkeypatch, capsys):
    topics = fake.add_channel("Topics", CATEGORY)
    forum = fake.add_forum("habits", ["habits"], parent_id=topics)
    by_title = fake.add_post(forum, "Tiny habits", "Our thread about tiny habits")
    by_url = fake.add_post(forum, "Keeping score", f"See {SITE}habits/tracking/ for the page", archived=True)
    other = fake.add_post(forum, "Random chat", "hello")
    repo = small_handbook(tmp_path, fake)
    monkeypatch.chdir(repo.root)
    pulled = run(capsys, "discord", "pull")
    assert pulled.code == 0, pulled.text
    assert "Linked 2 existing forum posts to their pages in discussions.yml" in pulled.out, pulled.out
    records = load_discussions(repo.root / "discussions.yml").records
    assert records["habits/tiny-habits.md"].post == by_title and records["habits/tracking.md"].post == by_url
    planned = run(capsys, "discord", "plan", "--format", "json")
    posts = json.loads(planned.out)["posts"]["operations"]
    assert [o["op"] for o in posts] == ["update-post", "update-post"]  # their tag, the page's title; no create
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_THREADS)
    assert run(capsys, "discord", "apply", "--yes").code == 0
    assert names(fake) == ["Random chat", "Tiny habits", "Tracking"]  # the adopted post takes its page's title
    assert fake.threads[other]["thread_metadata"]["locked"] is False  # not the handbook's: left alone
    assert fake.tag_names(fake.threads[by_url]) == ["habits"] and fake.threads[by_url]["thread_metadata"]["archived"]


def test_a_create_whose_answer_is_lost_is_found_on_the_server_not_made_twice(fake, hb, capsys):
    fake.fail("POST", r"^/channels/\d+/threads$", 500, done_first=True)
    applied = run(capsys, "discord", "apply", "--yes")
    assert applied.code == 0, applied.text
    assert names(fake) == ["Tiny habits", "Tracking"]
    first = fake.first_message(load_discussions(hb.root / "discussions.yml").records["habits/tiny-habits.md"].post)
    assert first["content"] == f"Start with two minutes.\n{SITE}habits/tiny-habits/"


def test_many_posts_wait_for_the_rate_limit_and_each_is_made_once(fake, hb, capsys):
    fake.route_limit = 1
    assert run(capsys, "discord", "apply", "--yes").code == 0
    assert names(fake) == ["Tiny habits", "Tracking"] and fake.clock.sleeps  # waited, never failed


def test_posts_are_created_archived_when_the_community_asks(fake, tmp_path, monkeypatch, capsys):
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_THREADS)
    repo = small_handbook(tmp_path, fake, options="      discussion_posts_archived: true\n")
    monkeypatch.chdir(repo.root)
    applied = run(capsys, "discord", "apply", "--yes")
    assert applied.code == 0 and "2 new posts archived after their first message" in applied.out, applied.text
    assert all(t["thread_metadata"]["archived"] for t in fake.threads.values()) and len(fake.threads) == 2
    assert run(capsys, "discord", "plan").code == 0


def test_near_the_active_thread_limit_new_posts_are_archived_so_members_keep_room(fake, hb, capsys):
    lounge = fake.add_forum("lounge")
    for n in range(980):
        fake.add_post(lounge, f"chat {n}", "hi")
    applied = run(capsys, "discord", "apply", "--yes")
    assert applied.code == 0, applied.text
    ours = [t for t in fake.threads.values() if t["parent_id"] != lounge]
    assert len(ours) == 2 and all(t["thread_metadata"]["archived"] for t in ours)
    assert fake._active_count() == 980


def test_without_manage_threads_archiving_a_removed_pages_post_stops_with_the_fix(fake, hb, capsys):
    assert run(capsys, "discord", "apply", "--yes").code == 0
    fake.set_bot_permissions(BOT_DEFAULT)
    hb.rm("docs/habits/tracking.md")
    hb.commit("no tracking")
    stopped = run(capsys, "discord", "apply", "--yes")
    assert stopped.code == 2
    assert "locking a post needs the Manage Threads permission" in stopped.err, stopped.text
    tracking = load_discussions(hb.root / "discussions.yml").records["habits/tracking.md"]
    assert not tracking.archived and not fake.threads[tracking.post]["thread_metadata"]["locked"]

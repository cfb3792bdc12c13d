"""The fake Discord's forums, through the package's forum calls: the limits Discord documents for
posts (name, first message, tags, archive durations), threads kept out of the channel list, the
active and archived lists, Manage Threads for locking, and 1,000 active threads per server."""

from __future__ import annotations

import pytest
from fake_discord import BOT_DEFAULT, FakeDiscord, fake  # noqa: F401  (fixture)
from fake_forum import MANAGE_THREADS

from handbook.discord import forum_client
from handbook.discord.client import DiscordClient, DiscordError


@pytest.fixture
def client(fake):
    with DiscordClient(fake.token, clock=fake.clock, sleep=fake.clock.sleep, max_wait=60) as made:
        yield made


def post(client, forum, name="Tiny habits", content="Two minutes. https://example.org/habits/tiny/", **extra):
    return forum_client.create_post(client, forum, {"name": name, "message": {"content": content}, **extra},
                                    reason="test", what="create a post")


def test_a_post_is_a_thread_with_its_first_message_and_tags_and_never_in_the_channel_list(fake, client):
    forum = fake.add_forum("habits", ["beginner", "habits"])
    tag = {t["name"]: t["id"] for t in fake.channels[forum]["available_tags"]}
    made = post(client, forum, applied_tags=[tag["habits"]], auto_archive_duration=10080)
    assert made["type"] == 11 and made["parent_id"] == forum and made["message"]["id"] == made["id"]
    assert fake.tag_names(fake.threads[made["id"]]) == ["habits"]
    assert made["id"] not in {c["id"] for c in client.channels(fake.guild_id)}
    assert [t["id"] for t in forum_client.active_threads(client, fake.guild_id)] == [made["id"]]
    assert forum_client.first_message(client, made["id"]).endswith("https://example.org/habits/tiny/")


@pytest.mark.parametrize(("extra", "status_code"), [
    ({"name": ""}, 50035), ({"name": "x" * 101}, 50035), ({"content": "x" * 2001}, 50035), ({"content": ""}, 50006),
    ({"auto_archive_duration": 120}, 50035), ({"applied_tags": ["1" * 18]}, 50035),
])
def test_posts_outside_discords_limits_are_refused(fake, client, extra, status_code):
    forum = fake.add_forum("habits", ["a", "b", "c", "d", "e", "f"])
    with pytest.raises(DiscordError) as refused:
        post(client, forum, **extra)
    assert refused.value.code == status_code and fake.threads == {}


def test_six_tags_are_refused_and_a_text_channel_takes_no_post(fake, client):
    forum = fake.add_forum("habits", ["a", "b", "c", "d", "e", "f"])
    six = [t["id"] for t in fake.channels[forum]["available_tags"]]
    with pytest.raises(DiscordError):
        post(client, forum, applied_tags=six)
    text = fake.add_channel("general")
    with pytest.raises(DiscordError) as refused:
        post(client, text)
    assert refused.value.code == 50024


def test_archived_posts_leave_the_active_list_take_no_change_until_woken_and_locking_needs_manage_threads(fake, client):
    forum = fake.add_forum("habits")
    made = post(client, forum)
    forum_client.modify_post(client, made["id"], {"archived": True}, reason="test", what="archive")
    assert forum_client.active_threads(client, fake.guild_id) == []
    assert [t["id"] for t in forum_client.archived_posts(client, forum)] == [made["id"]]
    with pytest.raises(DiscordError) as refused:
        forum_client.modify_post(client, made["id"], {"name": "Renamed"}, reason="test", what="rename")
    assert refused.value.code == 50083
    renamed = forum_client.modify_post(client, made["id"], {"name": "Renamed", "archived": False}, reason="t", what="r")
    assert renamed["name"] == "Renamed" and not renamed["thread_metadata"]["archived"]
    with pytest.raises(DiscordError) as refused:
        forum_client.modify_post(client, made["id"], {"locked": True}, reason="test", what="lock")
    assert refused.value.code == 50013
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_THREADS)
    done = forum_client.modify_post(client, made["id"], {"archived": True, "locked": True}, reason="t", what="lock")
    assert done["thread_metadata"] == {**done["thread_metadata"], "archived": True, "locked": True}


def test_a_server_holds_at_most_the_active_thread_limit_and_archived_posts_do_not_count(fake, client):
    fake.active_threads_max = 2
    forum = fake.add_forum("habits")
    first, _ = post(client, forum, name="one"), post(client, forum, name="two")
    with pytest.raises(DiscordError) as refused:
        post(client, forum, name="three")
    assert refused.value.code == 160006
    forum_client.modify_post(client, first["id"], {"archived": True}, reason="test", what="archive")
    assert post(client, forum, name="three")["name"] == "three"


def test_archived_posts_come_page_by_page_and_forum_tags_keep_their_ids(fake, client):
    forum = fake.add_forum("habits", ["beginner"])
    for n in range(150):
        fake.add_post(forum, f"post {n}", "hello", archived=True)
        fake.clock.sleep(1)
    assert len({t["id"] for t in forum_client.archived_posts(client, forum)}) == 150
    pages = [e for e in fake.log if e.path.endswith("/threads/archived/public")]
    assert len(pages) == 2 and "before" in pages[1].query
    kept = fake.channels[forum]["available_tags"][0]
    out = forum_client.set_forum_tags(client, forum, [{"id": kept["id"], "name": "beginner"}, {"name": "new"}],
                                      reason="test", what="tags")
    assert out["available_tags"][0]["id"] == kept["id"] and [t["name"] for t in out["available_tags"]] == ["beginner", "new"]
    with pytest.raises(DiscordError) as refused:
        forum_client.set_forum_tags(client, forum, [{"name": "x" * 21}], reason="test", what="tags")
    assert refused.value.code == 50035

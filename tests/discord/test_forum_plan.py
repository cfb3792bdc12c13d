"""The forum plan, pure: a page's id (front matter `discussion_id:`, a record's path, git renames),
renames and retags of its post, a page that moves to another forum's category, a page that comes
back, and a removed page's post archived and locked (never deleted)."""

from __future__ import annotations

from pathlib import Path

from handbook.channelmap.discussions import load_discussions
from handbook.channelmap.model import Channel
from handbook.discord.forum_pages import Forum, ForumPage, describe
from handbook.discord.forum_plan import (AddForumTags, ArchivePost, CreatePost, ServerForums, UpdatePost, page_ids,
                                         plan_posts, render_posts)

HABITS, FOCUS = "700000000000000001", "700000000000000002"


def forum(folder: str, channel_id: str, *pages: ForumPage, tags=()) -> Forum:
    channel = Channel(name=folder, kind="topic", discord_category="Topics", category=folder, id=channel_id,
                      discussions="forum", available_tags=list(tags))
    made = Forum(channel, folder, folder.capitalize())
    made.pages.extend(pages)
    return made


def page(path: str, title: str, **extra) -> ForumPage:
    return ForumPage(path=path, folder=path.split("/")[0], title=title, description=f"About {title}.",
                     url=f"https://example.org/{path[:-3]}/", **extra)


def thread(post_id: str, forum_id: str, name: str, tags=(), archived=False, locked=False) -> dict:
    return {"id": post_id, "parent_id": forum_id, "name": name, "applied_tags": list(tags),
            "thread_metadata": {"archived": archived, "locked": locked}}


def server(*posts: dict) -> ServerForums:
    tags = [{"id": "9001", "name": "habits"}, {"id": "9002", "name": "beginner"}]
    return ServerForums({HABITS: {"id": HABITS, "name": "habits", "available_tags": tags},
                         FOCUS: {"id": FOCUS, "name": "focus", "available_tags": []}},
                        {p["id"]: p for p in posts})


def records(tmp_path: Path, text: str = ""):
    path = tmp_path / "discussions.yml"
    if text:
        path.write_text("posts:\n" + text, encoding="utf-8")
    return load_discussions(path)


def test_a_page_without_a_post_gets_one_with_its_category_tag_and_its_own_tags(tmp_path):
    plan = plan_posts([forum("habits", HABITS, page("habits/tiny.md", "Tiny habits", tags=("Beginner", "unknown")),
                             tags=["habits", "beginner", "streaks"])], records(tmp_path), server(), {})
    add, create = plan.changes
    assert isinstance(add, AddForumTags) and add.tags == ["streaks"]
    assert isinstance(create, CreatePost) and create.tags == ["habits", "beginner"] and create.forum_id == HABITS
    assert create.content == "About Tiny habits.\nhttps://example.org/habits/tiny/"
    assert "create post \"Tiny habits\" in #habits [habits, beginner]" in render_posts(plan)


def test_a_page_renamed_in_git_keeps_its_post_which_is_renamed(tmp_path):
    discussions = records(tmp_path, '  habits/tiny.md:\n    post: "800000000000000001"\n    path: habits/tiny.md\n')
    moved = page("habits/small.md", "Small habits")
    plan = plan_posts([forum("habits", HABITS, moved)], discussions,
                      server(thread("800000000000000001", HABITS, "Tiny habits", ["9001"])),
                      {"habits/tiny.md": "habits/small.md"})
    [change] = plan.changes
    assert isinstance(change, UpdatePost) and change.post_id == "800000000000000001"
    assert change.new_name == "Small habits" and change.tags is None and change.page_id == "habits/tiny.md"


def test_a_same_title_rename_only_records_the_new_path(tmp_path):
    discussions = records(tmp_path, '  habits/tiny.md:\n    post: "800000000000000001"\n    path: habits/tiny.md\n'
                                    "    title: Tiny habits\n")
    plan = plan_posts([forum("habits", HABITS, page("habits/small.md", "Tiny habits"))], discussions,
                      server(thread("800000000000000001", HABITS, "Tiny habits", ["9001"])),
                      {"habits/tiny.md": "habits/small.md"})
    assert plan.changes == [] and [(r.page_id, r.values["path"]) for r in plan.records] == [
        ("habits/tiny.md", "habits/small.md")]


def test_discussion_id_in_front_matter_wins_over_paths_and_renames(tmp_path):
    discussions = records(tmp_path, '  tiny:\n    post: "800000000000000001"\n    path: habits/old.md\n'
                                    '  habits/new.md:\n    post: "800000000000000002"\n    path: habits/new.md\n')
    chosen = page("habits/new.md", "New", discussion_id="tiny")
    ids = page_ids([forum("habits", HABITS, chosen)], discussions, {})
    assert ids == {"tiny": chosen}
    plan = plan_posts([forum("habits", HABITS, chosen)], discussions,
                      server(thread("800000000000000001", HABITS, "New", ["9001"]),
                             thread("800000000000000002", HABITS, "New")), {})
    assert [(type(c).__name__, c.page_id) for c in plan.changes] == [("ArchivePost", "habits/new.md")]


def test_a_page_moved_to_another_forums_category_keeps_its_post_and_the_plan_says_why(tmp_path):
    discussions = records(tmp_path, '  habits/tiny.md:\n    post: "800000000000000001"\n    path: habits/tiny.md\n'
                                    "    title: Tiny habits\n")
    plan = plan_posts([forum("habits", HABITS), forum("focus", FOCUS, page("focus/tiny.md", "Tiny habits"))],
                      discussions, server(thread("800000000000000001", HABITS, "Tiny habits", ["9001"])),
                      {"habits/tiny.md": "focus/tiny.md"})
    assert plan.changes == [] and "Discord cannot move a post to another forum" in plan.notes[0]


def test_a_removed_pages_post_is_archived_and_locked_and_a_returning_page_reopens_it(tmp_path):
    discussions = records(tmp_path, '  habits/tiny.md:\n    post: "800000000000000001"\n    path: habits/tiny.md\n')
    plan = plan_posts([forum("habits", HABITS)], discussions,
                      server(thread("800000000000000001", HABITS, "Tiny habits")), {})
    [change] = plan.changes
    assert isinstance(change, ArchivePost) and "never deleted" in change.reason
    back = records(tmp_path, '  habits/tiny.md:\n    post: "800000000000000001"\n    path: habits/tiny.md\n'
                             "    title: Tiny habits\n    archived: true\n")
    plan = plan_posts([forum("habits", HABITS, page("habits/tiny.md", "Tiny habits"))], back,
                      server(thread("800000000000000001", HABITS, "Tiny habits", [], archived=True, locked=True)), {})
    [change] = plan.changes
    assert isinstance(change, UpdatePost) and change.reopen and change.tags == ["habits"]


def test_a_post_deleted_on_discord_is_made_again_and_a_gone_page_whose_post_is_gone_needs_nothing(tmp_path):
    discussions = records(tmp_path, '  habits/tiny.md:\n    post: "800000000000000001"\n    path: habits/tiny.md\n'
                                    '  habits/old.md:\n    post: "800000000000000002"\n    path: habits/old.md\n')
    plan = plan_posts([forum("habits", HABITS, page("habits/tiny.md", "Tiny habits"))], discussions, server(), {})
    [change] = plan.changes
    assert isinstance(change, CreatePost) and change.reason == "its post is no longer on the server"


def test_the_description_is_front_matter_else_the_first_sentence_of_prose():
    assert describe({"description": "  One line.  "}, "# T\n\nOther.") == "One line."
    markdown = "# Tiny habits\n\n!!! note\n\nA **tiny** habit is [small](x.md). It grows.\n\nMore."
    assert describe({}, markdown) == "A tiny habit is small."
    assert describe({}, "# Only a title\n") == ""


def test_a_page_moved_between_two_categories_of_one_forum_keeps_its_post_and_moves_its_tag(tmp_path):
    discussions = records(tmp_path, '  habits/tiny.md:\n    post: "800000000000000001"\n    path: habits/tiny.md\n'
                                    "    title: Tiny habits\n")
    focus = forum("focus", HABITS, page("focus/tiny.md", "Tiny habits"), tags=["habits", "focus"])
    both = [forum("habits", HABITS, tags=["habits", "focus"]), focus]
    focus.channel = both[0].channel  # focus/index.md says `channel: habits`
    plan = plan_posts(both, discussions, server(thread("800000000000000001", HABITS, "Tiny habits", ["9001"])),
                      {"habits/tiny.md": "focus/tiny.md"})
    add, retag = plan.changes
    assert isinstance(add, AddForumTags) and add.tags == ["focus"]  # once, though two categories share it
    assert isinstance(retag, UpdatePost) and retag.old_tags == ["habits"] and retag.tags == ["focus"]
    assert retag.new_name is None and retag.path == "focus/tiny.md" and plan.notes == []

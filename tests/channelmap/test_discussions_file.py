"""discussions.yml: read with its lines, refused with the line and the fix when it is not a list of
posts, and written back changing only the lines of the posts that changed (comments kept)."""

import pytest

from handbook.channelmap.discussions import load_discussions
from handbook.channelmap.model import ChannelMapError

KEPT = """# Our forum posts: reviewed like the map.
posts:
  habits/tiny-habits.md:   # the first page we wrote
    post: "700000000000000042"
    path: habits/tiny-habits.md
    title: Tiny habits
    steward: ada               # a key of our own
"""


def test_a_record_changes_only_its_own_lines_and_keeps_comments_and_keys_people_added(tmp_path):
    path = tmp_path / "discussions.yml"
    path.write_text(KEPT, encoding="utf-8")
    discussions = load_discussions(path)
    assert discussions.records["habits/tiny-habits.md"].post == "700000000000000042"
    discussions.record("habits/tiny-habits.md", path="habits/small-habits.md", title="Small habits")
    discussions.record("focus/distractions.md", post="700000000000000043", path="focus/distractions.md",
                       title="Handling distractions")
    assert discussions.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(KEPT.splitlines()[0] + "\n") and "# the first page we wrote" in text
    assert "steward: ada               # a key of our own" in text
    assert "    path: habits/small-habits.md\n" in text and "  focus/distractions.md:\n" in text
    again = load_discussions(path)
    assert again.records["focus/distractions.md"].post == "700000000000000043"  # an id stays text
    assert not again.save()  # nothing changed: nothing written


def test_a_new_file_starts_with_what_it_is_and_none_is_written_for_no_post(tmp_path):
    path = tmp_path / "discussions.yml"
    empty = load_discussions(path)
    assert not empty.save() and not path.exists()
    empty.record("habits/tiny-habits.md", post="700000000000000042", path="habits/tiny-habits.md", title="Tiny")
    empty.save()
    empty.record("habits/tiny-habits.md", title="Tiny habits")
    empty.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# The forum post of each handbook page") and "title: Tiny habits" in text


@pytest.mark.parametrize(("text", "line", "part"), [
    ("posts:\n  habits/tiny.md:\n    post: 700000000000000042\n", 3, "is not a Discord id"),
    ("posts:\n  habits/tiny.md: 700000000000000042\n", 2, "must be a mapping"),
    ("posts: [a, b]\n", 1, "`posts` must map page ids"),
    ("posts:\n  habits/tiny.md:\n    post: a: b\n", 3, "invalid YAML"),
])
def test_a_file_that_is_no_list_of_posts_is_refused_with_its_line_and_a_fix(tmp_path, text, line, part):
    path = tmp_path / "discussions.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChannelMapError) as refused:
        load_discussions(path)
    assert refused.value.line == line and part in refused.value.message and refused.value.fix

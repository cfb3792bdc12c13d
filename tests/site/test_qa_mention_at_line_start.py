"""QA: `#habits is where...` at the start of a line is a heading to Python-Markdown (CommonMark
needs a space after `#`): the build warns, naming the page, the line and the fix, for names of
the map's channels only, outside fenced code and front matter."""

from __future__ import annotations

from qakit import handbook, make_project
from sitekit import build_site, commit_all

CODE = "mention-at-line-start"

PAGE = """\
---
title: "Guide"
summary: "#habits in front matter"
---
# Guide

#habits is where tiny routines are shared.
Ask in #tools when stuck.
#Title that is no channel
\\#habits escaped, and <span>#habits</span> in HTML.

> #tools answers questions

```
#habits inside code
```

~~~~md
#habits inside a tilde fence
```
#habits still inside
~~~~

- a list item
#tools continues it
"""


def _site(tmp_path):
    root = make_project(tmp_path, {"docs/habits/guide.md": PAGE})
    assert handbook(root, "sync").returncode == 0
    commit_all(root, "map")
    return root


def test_a_known_channel_at_a_line_start_is_a_warning_with_page_line_and_fix(tmp_path):
    root = _site(tmp_path)
    built = build_site(root)
    lines = [m for m in built.handbook_lines() if CODE in m]
    assert [m.split(": ", 2)[1] for m in lines] == [
        "docs/habits/guide.md:7", "docs/habits/guide.md:12", "docs/habits/guide.md:25"]
    assert "#habits, which Python-Markdown makes a heading" in lines[0]
    assert "write `\\#habits` or `<span>#habits</span>`" in lines[0]
    # what the warning is about: Python-Markdown did make it a heading
    assert "<h1" in built.html("habits/guide/index.html").split("tiny routines")[0].rsplit("\n", 1)[-1]


def test_strict_fails_on_it_and_a_fixed_page_builds_clean(tmp_path):
    root = _site(tmp_path)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "strict: true\n", encoding="utf-8")
    assert build_site(root).aborted
    fixed = PAGE.replace("\n#habits is", "\nThe channel #habits is").replace("> #tools", "> Ask #tools") \
        .replace("\n#tools continues", "\nand #tools continues")
    (root / "docs" / "habits" / "guide.md").write_text(fixed, encoding="utf-8")
    built = build_site(root)
    assert built.aborted is None, built.warnings
    assert not [m for m in built.handbook_lines() if CODE in m]


LIST_PAGE = """\
# Lists

- #habits are tiny routines
* #tools help
1. #habits again
12. #tools again
+ #habits with a plus
> - #tools in a quoted list
- - #habits in a nested list
-\t#tools after a tab

Not lists in Python-Markdown, so no heading and no warning:

-#habits without a space
1) #tools with a parenthesis
- [ ] #habits in a task item
"""


def test_a_list_item_that_starts_with_a_mention_is_a_heading_and_a_warning(tmp_path):
    root = _site(tmp_path)
    (root / "docs" / "habits" / "guide.md").write_text(LIST_PAGE, encoding="utf-8")
    built = build_site(root)
    lines = [m.split(": ", 2)[1] for m in built.handbook_lines() if CODE in m]
    assert lines == [f"docs/habits/guide.md:{n}" for n in range(3, 11)]
    # what Python-Markdown really does with them: a heading inside the list item
    html = built.html("habits/guide/index.html")
    items = html.split('<h1 id="lists">', 1)[1].split("Not lists")[0]
    assert items.count("<li>") == 9 and items.count("<h1") == 8
    assert "<li>\n<h1" in items
    rest = html.split("Not lists", 1)[1]
    assert "<h1" not in rest and 'class="handbook-mention"' in rest  # plain mentions, linked

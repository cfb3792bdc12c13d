"""Tables of cases for the pure parts of the GitBook import: SUMMARY.md, markup, escapes, links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from handbook.gitbook.escapes import unescape_line
from handbook.gitbook.layout import plan_layout
from handbook.gitbook.links import Links
from handbook.gitbook.lists import reindent_lists
from handbook.gitbook.markup import Converter
from handbook.gitbook.model import GitBookError
from handbook.gitbook.site import page_url, plugin_options, redirect_page
from handbook.gitbook.source import Source
from handbook.gitbook.summary import parse_summary
from handbook.gitbook.syntax import video_embed
from hypothesis import example, given, settings
from hypothesis import strategies as st

FILES = {
    "README.md", "SUMMARY.md", "guide/README.md", "guide/page.md", "guide/other page.md",
    ".gitbook/assets/shot (1).png", ".gitbook/assets/naïve.png", ".gitbook/assets/a_b.png", "pics/p.png",
    ".gitbook/includes/note.md", ".gitbook/includes/loop.md",
}
INCLUDES = {
    ".gitbook/includes/note.md": (
        "---\ntitle: Note\n---\n\n{% hint style=\"info\" %}\nShared, see [guide](../../guide/page.md).\n"
        "{% endhint %}\n"
    ),
    ".gitbook/includes/loop.md": '{% include "loop.md" %}\n',
}


def convert(text: str, page: str = "guide/page.md"):
    layout = plan_layout(FILES, Source(base=Path("/nowhere")))
    converter = Converter(Links(layout), lambda old: f"Title of {old}", INCLUDES.get)
    return converter.convert(text, page, layout.new_path(page))


# --- SUMMARY.md ----------------------------------------------------------------------------------
def test_summary_parts_nesting_links_and_anchors():
    entries = parse_summary(
        "# Table of contents\n\n* [Home](README.md)\n\n"
        '## Part one <a href="#part-one" id="part-one"></a>\n\n'
        "* [Guide](guide/README.md)\n  * [Page](<guide/other page.md>)\n    * [Deep](guide/page.md#part)\n"
        "- [Site](https://example.org)\n\n## Empty part\n"
    )
    assert [(e.title, e.target, e.line) for e in entries] == [("Home", "README.md", 3), ("Part one", None, 5)]
    guide = entries[1].children[0]
    assert (guide.title, guide.target) == ("Guide", "guide/README.md")
    assert guide.children[0].target == "guide/other page.md"
    deep = guide.children[0].children[0]
    assert (deep.target, deep.fragment) == ("guide/page.md", "part")
    site = entries[1].children[1]
    assert site.external and site.target == "https://example.org"


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("* [A](a.md)\n* plain\n", 2, "has no link"),
        ("Intro only\n", 1, "has no list of pages"),
        ("* [A](a.md)\n  * [B]()\n", 2, "empty target"),
    ],
)
def test_summary_mistakes_name_the_line(text, line, fragment):
    with pytest.raises(GitBookError) as error:
        parse_summary(text, "SUMMARY.md")
    assert f"SUMMARY.md:{line}: " in str(error.value) and fragment in str(error.value)


# --- markup --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "source, expected",
    [
        ('{% hint style="info" %}\nText\n{% endhint %}\n', "!!! info\n\n    Text\n"),
        ('{% hint style="danger" %}\n### Stop\nNo.\n{% endhint %}\n', '!!! danger "Stop"\n\n    No.\n'),
        (
            '{% tabs %}\n{% tab title="A" %}\none\n{% endtab %}\n{% tab title="B" %}\ntwo\n{% endtab %}\n{% endtabs %}\n',
            '=== "A"\n\n    one\n\n=== "B"\n\n    two\n',
        ),
        (
            '{% code title="x.py" lineNumbers="true" %}\n```python\npass\n```\n{% endcode %}\n',
            '```python title="x.py" linenums="1"\npass\n```\n',
        ),
        ('{% code title="plain" %}\n```\nhi\n```\n{% endcode %}\n', '```text title="plain"\nhi\n```\n'),
        ('{% page-ref page="../README.md" %}\n', "[Title of README.md](../index.md)\n"),
        (
            '{% content-ref url="other page.md" %}\n[other page.md](<other page.md>)\n{% endcontent-ref %}\n',
            "[Title of guide/other page.md](other%20page.md)\n",
        ),
        ('{% embed url="https://example.org/x" %}\n', "[https://example.org/x](https://example.org/x)\n"),
        (
            '{% embed url="https://vimeo.com/123" %}\nOur talk\n{% endembed %}\n',
            '<iframe src="https://player.vimeo.com/video/123" title="Our talk" width="640" height="360" '
            'frameborder="0" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>\n\n'
            "[Our talk](https://vimeo.com/123)\n",
        ),
        (
            '{% file src="../.gitbook/assets/shot (1).png" caption="A shot" %}\n',
            '[A shot](../assets/shot%20%281%29.png){ download="shot (1).png" }\n',
        ),
        (
            '{% file src="../.gitbook/assets/a_b.png" %}\nNew style caption\n{% endfile %}\n',
            '[New style caption](../assets/a_b.png){ download="a_b.png" }\n',
        ),
        ("![x](../.gitbook/assets/shot%20%281%29.png)\n", "![x](../assets/shot%20%281%29.png)\n"),
        ("![x](<../.gitbook/assets/shot (1).png>)\n", "![x](../assets/shot%20%281%29.png)\n"),
        ("![x](../.gitbook/assets/a\\_b.png)\n", "![x](../assets/a_b.png)\n"),
        ("![x](../.gitbook/assets/na%C3%AFve.png)\n", "![x](../assets/na%C3%AFve.png)\n"),
        ('<img src="../pics/p.png" alt="P" width="50%">\n', '![P](../pics/p.png){ width="50%" }\n'),
        ("[home](../) and [guide](./)\n", "[home](../index.md) and [guide](index.md)\n"),
        ("[abs](/guide/page.md#x)\n", "[abs](page.md#x)\n"),
        ("[ext](https://example.org/a_b) [top](#top)\n", "[ext](https://example.org/a_b) [top](#top)\n"),
        ("[ref]: ../README.md\n", "[ref]: ../index.md\n"),
        ('## Title <a href="#t" id="t"></a>\n', "## Title { #t }\n"),
        ('## The **problem** <a href="#the-problem" id="the-problem"></a>\n', "## The **problem**\n"),
        ("<details>\n\n<summary>More</summary>\n\nBody\n\n</details>\n",
         '<details markdown="1">\n\n<summary>More</summary>\n\nBody\n\n</details>\n'),
        ("```\n{% hint %}\n```\n", "```\n{% hint %}\n```\n"),
        (
            '<table><tr><td><a href="../README.md">Home</a></td><td><a href="other page.md#x">O</a></td>\n'
            '<td><img src="../.gitbook/assets/a_b.png"></td></tr></table>\n\n[md](../README.md)\n',
            '<table><tr><td><a href="../../">Home</a></td><td><a href="../other%20page/#x">O</a></td>\n'
            '<td><img src="../../assets/a_b.png"></td></tr></table>\n\n[md](../index.md)\n',
        ),
        ("Write `{% hint %}` and `a\\_b` in code.\n", "Write `{% hint %}` and `a\\_b` in code.\n"),
        ("---\ndescription: Keep \\_me\n---\n\nx\\_y\n", "---\ndescription: Keep \\_me\n---\n\nx_y\n"),
        (
            '<pre class="language-js" data-line-numbers><code class="lang-js"><strong>a &#x3C; b\n</strong>c\n'
            "</code></pre>\n",
            '```js linenums="1" hl_lines="1"\na < b\nc\n```\n',
        ),
        (
            "{% stepper %}\n{% step %}\n### One\nFirst\n{% endstep %}\n{% step %}\nTwo\n{% endstep %}\n{% endstepper %}\n",
            "1.  ### One\n    First\n\n2.  Two\n",
        ),
        (
            "{% columns %}\n{% column %}\nA\n{% endcolumn %}\n{% endcolumns %}\n",
            '<div class="grid" markdown>\n\n<div markdown>\n\nA\n\n</div>\n\n</div>\n',
        ),
        ("One\\\nTwo \\\\\n", "One<br>\nTwo \\\\\n"),
        (
            'Before\n\n{% include "../.gitbook/includes/note.md" %}\n\nAfter\n',
            "Before\n\n!!! info\n\n    Shared, see [guide](page.md).\n\nAfter\n",
        ),
        (
            '1. Step\n\n    {% hint style="info" %}\n    Inside\n    {% endhint %}\n',
            "1. Step\n\n    !!! info\n\n        Inside\n",
        ),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else None,
)
def test_markup(source, expected):
    result = convert(source)
    assert result.text == expected
    assert not result.findings


@pytest.mark.parametrize(
    "source, line, fragment, kept",
    [
        ('x\n\n{% swagger method="get" %}\nAPI body\n{% endswagger %}\n', 3, "{% swagger %} has no Material", "API body"),
        ('{% hint style="info" %}\nopen\n', 1, "never closed", "!!! info"),
        ("{% endhint %}\ntext\n", 1, "closes nothing", "text"),
        ("see [gone](gone.md)\n", 1, "link to gone.md: no such file", "see gone"),
        ('{% hint style="weird" %}\nx\n{% endhint %}\n', 1, 'hint style "weird" is unknown', "!!! note"),
        ("inline {% include 'x.md' %} tag\n", 1, "{% include %} inside a line", "inline  tag"),
        ('{% include "../.gitbook/includes/missing.md" %}\nx\n', 1, "{% include %} of ../.gitbook/includes/missing.md: no such file", "x"),
        ('{% include "../.gitbook/includes/loop.md" %}\nx\n', 1, "includes itself", "x"),
        ("Energy $$E = mc^2$$ and `$$`\n", 1, "math ($$) kept as written", "$$E = mc^2$$"),
        ('<div><a href="nope.md">x</a></div>\n', 1, "HTML link to nope.md: no such file", 'href="nope.md"'),
        ('{% content-ref url="nope.md" %}\n[nope](nope.md)\n{% endcontent-ref %}\n', 1, "does not exist", "nope.md"),
    ],
)
def test_what_cannot_be_converted_is_reported_and_kept(source, line, fragment, kept):
    result = convert(source)
    where = ".gitbook/includes/loop.md" if "loop" in source else "guide/page.md"  # the loop is in loop.md
    assert any(f.line == line and fragment in f.message and f.path == where for f in result.findings), \
        result.findings
    assert kept in result.text
    assert "{%" not in result.text


# --- escapes -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line, expected",
    [
        ("f\\(x\\)", "f(x)"),
        ("snake\\_case\\_name", "snake_case_name"),
        ("2 \\* 3", "2 * 3"),
        ("\\*not emphasis\\*", "\\*not emphasis\\*"),
        ("\\_not emphasis\\_", "\\_not emphasis\\_"),
        ("[a]\\(b)", "[a]\\(b)"),
        ("`code \\_ stays`", "`code \\_ stays`"),
        ("a \\# b", "a \\# b"),
        ("no escapes", "no escapes"),
    ],
)
def test_unescape(line, expected):
    assert unescape_line(line) == expected


@pytest.mark.parametrize("line, list_content, expected", [
    ("    \\([see example](a.md)\\)", True, "    ([see example](a.md))"),     # under a list item
    ("    \\([see example](a.md)\\)", False, "    \\([see example](a.md)\\)"),  # an indented code block
    ("        * \\(optional\\) step", True, "        * (optional) step"),
    ("    \\*not emphasis\\*", True, "    \\*not emphasis\\*"),
    ("\\(see [a](b.md)\\)", True, "(see [a](b.md))"),
])
def test_unescape_list_content_is_judged_without_its_indentation(line, list_content, expected):
    assert unescape_line(line, list_content=list_content) == expected


def test_escapes_around_links_in_nested_lists_go():
    source = ("* Steps \\(in order\\):\n"
              "  * first \\([see example](other.md)\\)\n"
              "    \\(a continuation, [with a link](other.md)\\)\n"
              "\n"
              "    after a blank line, still the item \\(yes\\)\n"
              "\n"
              "Plain \\(text\\) again.\n")
    text = convert(source).text
    assert "\\(" not in text and "\\)" not in text, text


@pytest.mark.parametrize(
    "url, player",
    [
        ("https://www.youtube.com/watch?v=abc&t=3", "https://www.youtube-nocookie.com/embed/abc"),
        ("https://youtu.be/xyz", "https://www.youtube-nocookie.com/embed/xyz"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://www.loom.com/share/abc123", "https://www.loom.com/embed/abc123"),
        ("https://example.org/watch?v=abc", None),
        ("https://www.youtube.com/", None),
    ],
)
def test_video_embed(url, player):
    assert video_embed(url) == player


def test_page_urls_and_redirects():
    assert page_url("index.md") == ""
    assert page_url("a/index.md") == "a/"
    assert page_url("a/b.md") == "a/b/"
    text = redirect_page("old/setup.md", "guide/install.md", "Install")
    assert 'content="0; url=../../guide/install/"' in text
    assert "[Install](../guide/install.md)" in text
    assert 'content="0; url=../"' in redirect_page("old.md", "index.md", "Home")


def test_layout_moves():
    layout = plan_layout(FILES | {"guide/index.md", "LICENSE", ".github/workflow.yml"}, Source(base=Path("/x")))
    assert layout.moves["README.md"] == "docs/index.md"
    assert layout.moves["guide/index.md"] == "docs/guide/index.md"
    assert layout.moves["guide/README.md"] == "docs/guide/readme-page.md"
    assert layout.moves[".gitbook/assets/naïve.png"] == "docs/assets/naïve.png"
    assert "LICENSE" not in layout.moves and ".github/workflow.yml" not in layout.moves
    assert "pics/p.png" not in layout.moves  # moves only once a page uses it
    beside = plan_layout({"guide/page.md", "guide/sheet.pdf", "guide/img/a.png", "tools/x.sh"}, Source(base=Path("/x")))
    assert beside.moves == {
        "guide/page.md": "docs/guide/page.md", "guide/sheet.pdf": "docs/guide/sheet.pdf",
        "guide/img/a.png": "docs/guide/img/a.png",
    }


# --- lists ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "source, expected",
    [
        ("* a\n  * b\n    * c\n", "* a\n    * b\n        * c\n"),
        ("1. a\n   * b\n\n   para\n", "1. a\n    * b\n\n    para\n"),
        ("Text\n* a\n* b\n", "Text\n\n* a\n* b\n"),
        ("* a\n  more\n* b\n", "* a\n    more\n\n* b\n"),
        ("1. a\n\n   ```py\n   x = 1\n     y\n   ```\n", "1. a\n\n    ```py\n    x = 1\n      y\n    ```\n"),
        ("> * a\n>   * b\n", "> * a\n>   * b\n"),
        ("    code\n* a\n", "    code\n\n* a\n"),
        ("no lists\n", "no lists\n"),
    ],
)
def test_reindent_lists(source, expected):
    lines, sources = reindent_lists(source)
    assert "\n".join(lines) == expected
    assert len(sources) == len(lines) and sources == sorted(sources)


def test_generated_pages_do_not_collide_with_imported_ones():
    assert plugin_options(["index.md", "habits/changelog.md"]) == {}
    assert plugin_options(["CHANGELOG.md", "roles.md", "handbook-roles.md"]) == {
        "changelog": "handbook-changelog.md", "roles_page": "handbook-2-roles.md",
    }


# --- properties ----------------------------------------------------------------------------------
LINES = [
    '{% hint style="info" %}', "{% endhint %}", "{% tabs %}", '{% tab title="A" %}', "{% endtab %}",
    "{% endtabs %}", '{% code title="x" %}', "{% endcode %}", '{% embed url="https://youtu.be/x" %}',
    "{% endembed %}", '{% content-ref url="other page.md" %}', "{% endcontent-ref %}", "{% stepper %}",
    "{% step %}", "{% endstep %}", "{% endstepper %}", "{% swagger %}", "{% endswagger %}", "{% columns %}",
    "{% column %}", "{% endcolumn %}", "{% endcolumns %}", '{% page-ref page="../README.md" %}',
    '{% include "../.gitbook/includes/note.md" %}', "```", "```python", "~~~", "", "text \\_x\\_ f\\(y\\)",
    "* item", "  * nested", "1. step", "   more", "## Heading", "![i](../.gitbook/assets/a_b.png)",
    '<figure><img src="../pics/p.png" alt=""><figcaption></figcaption></figure>', "<pre><code>x", "</code></pre>",
    "<details>", "</details>", "inline {% weird %} tag", "    {% hint %}", "    indented",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=30))
@example(['{% embed url="https://youtu.be/x" %}', "```", '{% hint style="info" %}', "```", "{% endembed %}"])
def test_any_mix_of_gitbook_lines_converts_without_tags_outside_code(lines):
    result = convert("\n".join(lines) + "\n")
    outside, fence = [], ""
    for line in result.text.split("\n"):
        run = re.match(r"\s*(`{3,}|~{3,})(.*)", line)
        if fence:
            if run and run[1][0] == fence[0] and len(run[1]) >= len(fence) and not run[2].strip():
                fence = ""
            continue
        if run:
            fence = run[1]
            continue
        outside.append(line)
    assert not any("{%" in line for line in outside), result.text
    assert all(f.line >= 1 for f in result.findings)


def test_two_files_for_one_url_keep_the_listed_one_else_the_folder_readme():
    files = {"README.md", "habits.md", "habits/README.md", "tips.md", "tips/index.md"}
    layout = plan_layout(files, Source(base=Path("/x")), listed=["README.md", "tips.md"])
    assert layout.moves["habits/README.md"] == "docs/habits/index.md"  # neither listed: the folder's README
    assert layout.moves["habits.md"] == "docs/habits-page.md"
    assert layout.moves["tips.md"] == "docs/tips.md"  # listed
    assert layout.moves["tips/index.md"] == "docs/tips/readme-page.md"
    urls = [page_url(new[len("docs/"):]) for old, new in layout.moves.items() if old in files]
    assert len(urls) == len(set(urls))
    assert [str(f) for f in layout.findings] == [
        "habits.md:1: kept as docs/habits-page.md: habits/README.md builds to the same page (habits/), "
        "and neither is in SUMMARY.md; kept habits/README.md there",
        "tips/index.md:1: kept as docs/tips/readme-page.md: tips.md builds to the same page (tips/), "
        "and SUMMARY.md lists tips.md there",
    ]


def test_code_in_an_embeds_caption_is_kept_below_it_as_code():
    """A caption is one line of prose: fenced code in an embed's body stays code, below the link."""
    result = convert('{% embed url="https://youtu.be/x" %}\nWatch this\n```\n{% hint %}\n```\n{% endembed %}\n')
    assert 'title="Watch this"' in result.text and "[Watch this](https://youtu.be/x)" in result.text
    assert result.text.split("[Watch this](https://youtu.be/x)")[1].strip().splitlines() == ["```", "{% hint %}", "```"]
    assert any("holds a code block" in note.message for note in result.findings)

"""The mention extension against fixture files: Markdown in, HTML (or warnings) out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.meta import get_data

from handbook.channelmap.loader import load_channel_map
from handbook.site.links import ChannelLinks
from handbook.site.mentions import MentionsExtension, Problem, locate_mentions, mention_findings

from dot_fixtures import Fixtures
from paths import FIXTURES

HERE = FIXTURES / "mentions"
LINKS = Fixtures(HERE / "links.md")
WARNINGS = Fixtures(HERE / "warnings.md")
# The Markdown extensions of the repository's own mkdocs.yml.
EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
              "pymdownx.details", "pymdownx.superfences"]


@pytest.fixture(scope="module")
def links() -> ChannelLinks:
    return ChannelLinks(load_channel_map(HERE / "channel_map.yml"), directory="channels.md")


def render(links: ChannelLinks, text: str, src_uri: str = "habits/index.md",
           extensions: list | None = None) -> tuple[str, Counter[Problem], markdown.Markdown]:
    ext = MentionsExtension(links)
    ext.begin_page(src_uri, text)  # as the plugin does: before MkDocs makes the page's Markdown
    md = markdown.Markdown(extensions=[*(extensions or EXTENSIONS), ext])
    html = md.convert(text)
    return html, ext.end_page(), md


@pytest.mark.parametrize("case", LINKS.cases, ids=lambda c: c.id)
def test_links_fixture(links, case):
    html, _, _ = render(links, case.input)
    LINKS.check(case, html)


@pytest.mark.parametrize("case", LINKS.cases, ids=lambda c: c.id)
def test_negative_cases_render_exactly_as_without_the_extension(links, case):
    if not case.title.startswith("NEGATIVE"):
        assert "handbook-mention" in case.expected or "a private channel" in case.expected
        return
    plain = markdown.Markdown(extensions=EXTENSIONS).convert(case.input)
    html, _, _ = render(links, case.input)
    assert html == plain


@pytest.mark.parametrize("case", WARNINGS.cases, ids=lambda c: c.id)
def test_warnings_fixture(links, case):
    body, _ = get_data(case.input)  # MkDocs renders the page without its front matter
    _, problems, _ = render(links, body, "page.md")
    findings = mention_findings(problems, case.input, "docs/page.md")
    WARNINGS.check(case, "\n".join(f.as_log_line() for f in findings))


def test_heading_toc_entry_and_id_are_those_of_plain_markdown(links):
    text = "# Page\n\n## Talk in #habits\n\n### Ask #mod-room\n"
    _, _, md = render(links, text)
    plain = markdown.Markdown(extensions=EXTENSIONS)
    plain.convert(text)
    talk, plain_talk = md.toc_tokens[0]["children"][0], plain.toc_tokens[0]["children"][0]
    assert talk["id"] == "talk-in-habits"
    assert {k: v for k, v in talk.items() if k != "children"} == {
        k: v for k, v in plain_talk.items() if k != "children"}
    assert talk["children"][0]["name"] == "Ask a private channel"
    assert "handbook-mention" not in md.toc and "mod-room" not in md.toc


def test_pages_outside_any_folder_link_to_the_directory_beside_them(links):
    html, _, _ = render(links, "See #help-desk.", src_uri="index.md")
    assert 'href="channels.md#help-desk"' in html
    html, _, _ = render(links, "See #help-desk.", src_uri="habits/deep/page.md")
    assert 'href="../../channels.md#help-desk"' in html


def test_without_a_directory_unknown_ids_stay_text(links):
    no_directory = ChannelLinks(links.map, directory=None)
    html, _, _ = render(no_directory, "See #help-desk and #show-me.")
    assert "#help-desk" in html and 'href="channels' not in html
    assert "discord.com/channels/123456789012345678/223456789012345671" in html


def test_show_private_names_keeps_the_name_but_never_the_id(links):
    named = ChannelLinks(links.map, directory="channels.md", show_private_names=True)
    html, problems, _ = render(named, "Meet in #spring-lounge.")
    assert "#spring-lounge" in html and "323456789012345670" not in html and "<a" not in html
    assert problems == Counter({Problem("spring-lounge", "private"): 1})


def test_generated_pages_are_skipped(links):
    ext = MentionsExtension(links, skip=frozenset({"channels.md"}))
    ext.begin_page("channels.md", "See #show-me")
    md = markdown.Markdown(extensions=[ext])
    assert md.convert("See #show-me") == "<p>See #show-me</p>"


@pytest.mark.parametrize(("text", "expected"), [
    ("#habits", {"habits": [1]}),
    ("a\nb #habits\n\nc #focus", {"habits": [2], "focus": [4]}),
    ("`#habits` [#habits](x) \\#habits <b title='#habits'>", {}),
    ("| a |\n|---|\n| #focus |", {"focus": [3]}),
    ("!!! note\n    #focus", {"focus": [2]}),
])
def test_locate_mentions(text, expected):
    assert locate_mentions(text) == expected


def test_a_page_without_any_hash_word_gets_no_inline_pattern(links):
    ext = MentionsExtension(links)
    ext.begin_page("a.md", "# Title\n\nNo mentions here, only C# and page#anchor.")
    assert "handbook_mention" not in markdown.Markdown(extensions=[ext]).inlinePatterns
    ext.begin_page("b.md", "# Title\n\nSee #show-me.")
    assert "handbook_mention" in markdown.Markdown(extensions=[ext]).inlinePatterns


def test_suggestions_are_cached_and_bounded(links):
    assert links.suggest("show-mee") == "show-me"
    assert links.suggest("Show-Mee") == "show-me"
    assert links.suggest("habit") == "habits"
    assert links.suggest("introductions-and-more") is None  # too long to be a typo
    assert links.suggest("42") is None
    assert links.suggest("mod-rooms") is None  # private: never suggested
    assert "show-mee" in links._suggestions


# --- properties over generated Markdown -------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "#habits", "#show-me", "#focus", "#help-desk", "#nope", "#show-mee", "#", "##", " ", "\n", "\n\n", "`", "```\n",
    "    ", "[", "]", "(", ")", "<", ">", "{", "}", "\\", "*", "_", "!", ":", "/", "https://x.org/",
    "<a href='#habits'>", "</a>", "<span title=\"#focus\">", "</span>", "&#35;", "a", "word", "- ", "> ", "| ",
    "## ", "!!! note\n    ", "[x](#habits)", "<https://x.org/#focus>", "\u201c",
])
_MENTION_LINK = __import__("re").compile(r'<a class="handbook-mention" href="[^"]*">([^<]*)</a>')


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_only_mentions_change_and_only_into_links_of_their_own_text(links, text):
    """Whatever the Markdown, the extension changes the HTML only by wrapping `#name` in a link
    (open channels only in this map), and every link text is a mention of a channel."""
    open_links = ChannelLinks(_open_only(links.map), directory="channels.md")
    html, problems, _ = render(open_links, text)
    if "{:" in text:  # attr_list gives an inline attribute list to the element just before it,
        return       # a mention link included: see the fixture "attribute list right after a mention"
    plain = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    assert _MENTION_LINK.sub(r"\1", html) == plain
    for name in _MENTION_LINK.findall(html):
        assert open_links.lookup(name[1:]) is not None
    assert all(p.kind == "unknown" for p in problems)


def _open_only(cmap):
    import copy

    cmap = copy.copy(cmap)
    cmap.discord_categories = [c for c in cmap.discord_categories if not c.is_private]
    return cmap


def test_quiet_pages_hide_private_channels_but_never_warn(links):
    ext = MentionsExtension(links, quiet=frozenset({"changelog.md"}))
    text = "Moved #mod-room notes; see #show-mee and #show-me."
    ext.begin_page("changelog.md", text)
    html = markdown.Markdown(extensions=[ext]).convert(text)
    assert ext.end_page() == Counter()
    assert "mod-room" not in html and "a private channel" in html
    assert html.count('class="handbook-mention"') == 1

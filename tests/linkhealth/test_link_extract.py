"""Finding a page's external links with markdown-it-py, and the invite URLs Discord knows."""

from __future__ import annotations

import textwrap

import pytest

from handbook.linkhealth.extract import FoundLink, external_links
from handbook.linkhealth.invites import invite_api_url, invite_code

PAGE = textwrap.dedent("""\
    ---
    title: Links
    ---
    # A page with [a link](https://a.example/x#part)

    Not `https://code-span.example` but [a reference][ref],
    and on the next line <https://auto.example>.

    !!! tip
        Inside an [admonition](https://admonition.example).

    ```
    [in fenced code](https://fenced.example)
    ```

    | where | what |
    |---|---|
    | [table](https://table.example) | ![image](https://img.example/p.png) |

    A [relative link](other.md) and [mail](mailto:someone@example.org).

    [ref]: https://reference.example
    """)


def test_links_have_the_lines_of_the_file():
    assert external_links(PAGE) == [
        FoundLink("https://a.example/x#part", 4),
        FoundLink("https://reference.example", 6),
        FoundLink("https://auto.example", 7),
        FoundLink("https://admonition.example", 10),
        FoundLink("https://table.example", 18),
        FoundLink("https://img.example/p.png", 18),
    ]


def test_a_page_without_front_matter_counts_from_its_first_line():
    assert external_links("text\n\n[x](https://x.example)\n") == [FoundLink("https://x.example", 3)]


@pytest.mark.parametrize("url, code", [
    ("https://discord.gg/campfire", "campfire"),
    ("https://discord.gg/campfire/", "campfire"),
    ("http://www.discord.gg/AbC-12", "AbC-12"),
    ("https://discord.com/invite/campfire", "campfire"),
    ("https://discordapp.com/invite/campfire", "campfire"),
    ("https://discord.com/channels/1/2", None),
    ("https://example.org/invite/campfire", None),
    ("https://discord.gg/", None),
])
def test_invite_codes(url, code):
    assert invite_code(url) == code


def test_the_invite_endpoint_asks_for_counts(monkeypatch):
    monkeypatch.setenv("HANDBOOK_DISCORD_API_URL", "http://127.0.0.1:9/api/")
    assert invite_api_url("campfire") == "http://127.0.0.1:9/api/invites/campfire?with_counts=true"
    monkeypatch.delenv("HANDBOOK_DISCORD_API_URL")
    assert invite_api_url("campfire") == "https://discord.com/api/v10/invites/campfire?with_counts=true"

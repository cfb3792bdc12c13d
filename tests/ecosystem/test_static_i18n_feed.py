"""mkdocs-static-i18n in folder mode (en + fr): each language build has its own generated pages
and its own feed, under its own folder, in its own words, linking to its own pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ecosystem_site import DOCS, build_beside

from handbook.i18n import Words

ATOM = "{http://www.w3.org/2005/Atom}"
FOLDERS = {"i18n": {"docs_structure": "folder", "languages": [
    {"locale": "en", "default": True, "name": "English", "build": True},
    {"locale": "fr", "name": "Français", "build": True},
]}}


def _feed(site, path: str) -> ET.Element:
    return ET.fromstring(site.text(path).encode("utf-8"))


def _links(element: ET.Element) -> dict[str, str]:
    return {link.get("rel", ""): link.get("href", "") for link in element.findall(f"{ATOM}link")}


def test_each_language_has_its_pages_and_its_feed_under_its_folder(tmp_path):
    docs = {**{f"en/{path}": text for path, text in DOCS.items()}, "fr/index.md": "# Bienvenue\n"}
    site = build_beside(tmp_path, ["search", FOLDERS], docs=docs)
    english, french = Words.for_theme("en"), Words.for_theme("fr")

    for prefix, words in (("", english), ("fr/", french)):
        channels = site.html(f"{prefix}channels/index.html")
        assert words("column_who_can_see_it") in channels.text_of("th")
        changelog = site.html(f"{prefix}changelog/index.html")
        assert words("changelog_intro") in changelog.text_of("article")[0]
        assert changelog.text_of("h2")[0] == words.month(2024, 4)
        # the changelog's "follow it" link and every page's <link rel="alternate"> name this language's feed
        assert changelog.select("a", href="../feed.xml")
        head = site.html(f"{prefix}index.html").one("link", type="application/atom+xml")
        assert head.attrs == {**head.attrs, "href": "feed.xml", "title": words("feed_title", site="Test handbook")}

        feed = _feed(site, f"{prefix}feed.xml")
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == words.locale
        assert feed.findtext(f"{ATOM}title") == words("feed_title", site="Test handbook")
        assert _links(feed) == {"self": f"https://handbook.example.org/{prefix}feed.xml",
                                "alternate": f"https://handbook.example.org/{prefix}changelog/"}
        [newest, *_] = feed.findall(f"{ATOM}entry")
        assert _links(newest)["alternate"].startswith(f"https://handbook.example.org/{prefix}changelog/#change-")
        assert f"{words('label_then', label=words('change_added_label'))} " in newest.findtext(f"{ATOM}content", "")

    assert "Salons" not in site.text("channels/index.html")
    assert not site.exists("fr/fr/feed.xml") and not site.exists("en/feed.xml")
    # one change, two texts of it: each language's entry has its own id
    ids = [{e.findtext(f"{ATOM}id") for e in _feed(site, path).findall(f"{ATOM}entry")}
           for path in ("feed.xml", "fr/feed.xml")]
    assert len(ids[0]) == len(ids[1]) == 2 and not ids[0] & ids[1]

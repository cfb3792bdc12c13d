"""The published site holds no private channel id, name, topic, private invite, e-mail or token.

The handbook is a git repository whose commit author has an e-mail address, with history on, so
whatever the site publishes from git (dates, contributors, the changelog, the feed) is scanned too.

Builds a handbook whose pages mention private channels and whose map carries every kind of
secret, then reads every file of the output (HTML, search index, sitemap, assets; `.gz` files
unpacked), so whatever later adds an output file (the feed, the changelog) is covered too.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

import sitekit
from links_site import build_site
from paths import FIXTURES

COMMIT = "Point newcomers to #help-desk and move the rota out of #staff-notes"
PRIVATE_MAP = FIXTURES / "mentions" / "private_map.yml"
FAKE_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB"
DOCS = {
    "index.md": "# Home\n\nSay hi in #show-me. Staff use #staff-notes; cohorts meet in #spring-lounge.\n",
    "habits/index.md": "---\nchannel: mod-room\n---\n# Habits\n\nTalk in #habits, not #mod-room.\n",
    "cohorts/index.md": "# Cohorts\n\nCohort pages are discussed in their own channel.\n\n## In #cohort-notes\n",
}
SECRET_IDS = ("423456789012345670", "423456789012345671", "423456789012345672", "423456789012345673",
              "423456789012345679", "523456789012345670")
SECRET_TEXT = ("SecretCohortInvite", "cohort-lead@campfire.example", "abcdefghijklmnopqrstuvwxyzABCDEF",
               FAKE_TOKEN, sitekit.GIT_ENV["GIT_AUTHOR_EMAIL"])
PRIVATE_NAMES = ("spring-lounge", "cohort-notes", "mod-room", "staff-notes", "Secret Garden", "Backroom",
                 "Where the spring cohort", "Notes about members")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*[a-z]{2,}")
TOKEN = re.compile(r"[MNO][A-Za-z\d_-]{23,27}\.[\w-]{6}\.[\w-]{27,}")
WEBHOOK = re.compile(r"discord(?:app)?\.com/api/webhooks/\d+/[\w-]+")
CHANNEL_URL = re.compile(r"discord\.com/channels/\d+/(\d+)")


def site_files(site_dir: Path) -> dict[str, str]:
    files = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            files[path.relative_to(site_dir).as_posix()] = data.decode("utf-8", errors="replace")
    return files


@pytest.fixture(scope="module", params=[False, True], ids=["names-hidden", "show_private_names"])
def built(request, tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("DISCORD_TOKEN", FAKE_TOKEN)
    root = tmp_path_factory.mktemp("privacy")
    # A git repository whose author has an e-mail address: history, changelog and feed are on.
    # Its commit subject names a private channel: the changelog and feed must not repeat it.
    site = build_site(root, DOCS, channel_map=PRIVATE_MAP, git=True, commit_message=COMMIT,
                      plugin={"show_private_names": request.param, "history": True})
    return request.param, site, site_files(site.site_dir)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_site_has_the_files_we_scan(built):
    _, _, files = built
    assert {"index.html", "channels/index.html", "roles/index.html", "search/search_index.json",
            "sitemap.xml", "sitemap.xml.gz", "habits/index.html", "cohorts/index.html",
            "changelog/index.html", "feed.xml"} <= set(files)


def test_no_private_id_invite_email_or_token_in_any_output_file(built):
    _, _, files = built
    leaks = [(name, secret) for name, text in files.items() for secret in SECRET_IDS + SECRET_TEXT
             if secret in text]
    assert leaks == []
    for name, text in files.items():
        if name.endswith((".html", ".json", ".xml", ".txt")):
            assert not EMAIL.findall(text), name
        assert not TOKEN.findall(text), name
        assert not WEBHOOK.findall(text), name


def test_every_discord_channel_link_is_an_open_channel(built):
    _, _, files = built
    linked = {m for text in files.values() for m in CHANNEL_URL.findall(text)}
    assert linked == {"223456789012345671", "223456789012345672"}


def test_private_names_and_topics_stay_off_the_site_unless_chosen(built):
    show_names, site, files = built
    found = {name: secret for name, text in files.items() for secret in PRIVATE_NAMES if secret in text}
    if not show_names:
        assert found == {}
        return
    # Chosen: names (and topics) appear on the directory and roles pages, and as plain text where
    # an author wrote them (pages, and the commit subject in the changelog and feed), never as
    # links; the search index holds what those pages hold.
    assert set(found) == {"index.html", "habits/index.html", "cohorts/index.html", "channels/index.html",
                          "roles/index.html", "search/search_index.json", "changelog/index.html", "feed.xml"}
    topics = {name for name, text in files.items() if "Where the spring cohort" in text}
    assert topics == {"channels/index.html", "search/search_index.json"}
    for page in ("index.html", "habits/index.html", "channels/index.html"):
        assert not [a for a in site.html(page).select("a")  # (the page's own table of contents aside)
                    if any(n in a.text for n in PRIVATE_NAMES) and not a.attrs["href"].startswith("#")]


def test_pages_of_a_category_with_a_private_topic_channel_get_no_discuss_link(built):
    _, site, _ = built
    assert not site.html("cohorts/index.html").select("aside", "handbook-discuss")
    assert not site.html("habits/index.html").select("aside", "handbook-discuss")  # front matter: private


def test_the_build_says_which_mentions_were_hidden(built):
    _, site, _ = built
    hidden = 'is a private channel; the public site shows it as "a private channel", without a link'
    assert [w.split(" [")[0] for w in site.warnings()] == [
        f"WARNING - handbook: docs/index.md:3: #spring-lounge {hidden}",
        f"WARNING - handbook: docs/index.md:3: #staff-notes {hidden}",
        f"WARNING - handbook: docs/cohorts/index.md:5: #cohort-notes {hidden}",
        f"WARNING - handbook: docs/habits/index.md:6: #mod-room {hidden}",
        "WARNING - handbook: docs/habits/index.md:2: front matter `channel:` names a private channel (#mod-room); "
        "the public site shows no discuss link for it",
    ]


@pytest.mark.parametrize(("text", "hidden", "named"), [
    ("Move the #staff-notes rota to #help-desk", "Move the a private channel rota to #help-desk",
     "Move the #staff-notes rota to #help-desk"),
    ("#mod-room, #spring-lounge and page#mod-room", "a private channel, a private channel and page#mod-room",
     "#mod-room, #spring-lounge and page#mod-room"),
    ("No mentions", "No mentions", "No mentions"),
])
def test_redact_private(text, hidden, named):
    from handbook.channelmap.loader import load_channel_map
    from handbook.site.links import ChannelLinks
    from handbook.site.mentions import redact_private

    cmap = load_channel_map(PRIVATE_MAP)
    assert redact_private(text, ChannelLinks(cmap)) == hidden
    assert redact_private(text, ChannelLinks(cmap, show_private_names=True)) == named

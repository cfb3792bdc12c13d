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

import links_site
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
    assert {"index.html", "channels/index.html", "roles/index.html", "safety/index.html", "search/search_index.json",
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
    # Chosen: names (and topics) appear on the directory, roles and safety pages, and as plain text
    # where an author wrote them (pages, and the commit subject in the changelog and feed), never as
    # links; the search index holds what those pages hold.
    assert set(found) == {"index.html", "habits/index.html", "cohorts/index.html", "channels/index.html",
                          "roles/index.html", "safety/index.html", "search/search_index.json",
                          "changelog/index.html", "feed.xml"}
    topics = {name for name, text in files.items() if "Where the spring cohort" in text}
    assert topics == {"channels/index.html", "search/search_index.json"}
    for page in ("index.html", "habits/index.html", "channels/index.html", "safety/index.html"):
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
    ("#mod-room, #spring-lounge and page#mod-room",
     "a private channel, a private channel and page#a private channel", "#mod-room, #spring-lounge and page#mod-room"),
    ("Rename mod-room, MOD-ROOM and Moderators  Backroom; mod-rooms stays",
     "Rename a private channel, a private channel and a private space; mod-rooms stays",
     "Rename mod-room, MOD-ROOM and Moderators  Backroom; mod-rooms stays"),
    ("Channel 423456789012345679 and https://discord.gg/SecretCohortInvite, not https://discord.gg/campfire",
     "Channel [redacted] and [redacted], not https://discord.gg/campfire",
     "Channel [redacted] and [redacted], not https://discord.gg/campfire"),
    (f"Bot {FAKE_TOKEN} posts to https://discord.com/api/webhooks/1234567890/abc-DEF_ghi",
     "Bot [redacted] posts to [redacted]", "Bot [redacted] posts to [redacted]"),
    ("No mentions", "No mentions", "No mentions"),
])
def test_one_redaction_step(text, hidden, named):
    from handbook.channelmap.loader import load_channel_map
    from handbook.site import privacy

    cmap = load_channel_map(PRIVATE_MAP)
    vocabulary = privacy.build_vocabulary(privacy.spaces_of_map(cmap))
    invite = cmap.server.invite
    assert privacy.Redactor(vocabulary, invite).redact(text) == hidden
    assert privacy.Redactor(vocabulary, invite, show_private_names=True).redact(text) == named


# --- a hostile repository: what git says reaches the changelog, the feed and every page ------

OLD_NAME, NEW_NAME, WAS_OPEN = "mod-old", "mod-team", "staff-room"
HOSTILE_IDS = ("423456789012345680", "423456789012345681", "423456789012345682")
WEBHOOK_URL = "https://discord.com/api/webhooks/423456789012345699/Zx9-" + "q" * 60
HOSTILE_MAP = """\
server:
  name: Hostile Test
  guild_id: "123456789012345678"
  invite: https://discord.gg/hostile-open
roles:
  - name: moderator
discord_categories:
  - name: Base Camp
    channels:
      - {{name: lobby, kind: prompt, id: "223456789012345680"}}
      - name: staff-room
        kind: prompt
        id: "423456789012345682"
{staff_private}
  - name: Handbook Topics
    channels:
      - {{name: habits, kind: topic, category: habits, id: "223456789012345681"}}
  - name: Night Watch Lodge
    id: "423456789012345681"
    visibility: private
    roles: [moderator]
    invite: https://discord.gg/NightWatchSecret
    channels:
      - name: {mod}
        kind: prompt
        id: "423456789012345680"
"""


def hostile_map(mod: str, staff_private: bool) -> str:
    private = "        visibility: private\n        roles: [moderator]" if staff_private else ""
    return HOSTILE_MAP.format(mod=mod, staff_private=private)


def make_hostile_repository(root: Path):
    from history_gitrepo import GitRepo

    repo = GitRepo(root)
    repo.write(".mailmap", "Bo Builder <bo@example.org> Old Bo <bo@old.example>\n")
    repo.write("channel_map.yml", hostile_map(OLD_NAME, staff_private=False))
    repo.write("docs/index.md", "# Home\n\nWelcome. Say hi in #lobby.\n")
    repo.write("docs/habits/index.md", "# Habits\n\nTiny routines.\n")
    repo.commit("Start the handbook and the map")  # "prompt channel #staff-room added": open then
    repo.write("docs/habits/index.md", "# Habits\n\nTiny routines that last.\n")
    repo.commit("Point moderators to #mod-old for reports", name="ivan@example.org", email="ivan@example.org")
    repo.write("channel_map.yml", hostile_map(NEW_NAME, staff_private=False))
    repo.commit("Rename mod-old to mod-team\n\nCo-authored-by: zoe@example.net\n"
                "Co-authored-by: Old Bo <bo@old.example>")
    repo.write("channel_map.yml", hostile_map(NEW_NAME, staff_private=True))
    repo.write("docs/habits/index.md", "# Habits\n\nTiny routines that last a lifetime.\n")
    repo.commit("Make staff-room private; the Night Watch Lodge invite is https://discord.gg/NightWatchSecret",
                name="12345+kim@users.noreply.github.com", email="12345+kim@users.noreply.github.com")
    repo.write("docs/index.md", "# Home\n\nWelcome. Say hi in #lobby, and introduce yourself.\n")
    repo.commit(f"Post updates with {WEBHOOK_URL} and the bot token {FAKE_TOKEN}\n\n"
                "Co-authored-by: <noreply@example.com>")
    repo.write("docs/habits/tiny.md",
               "---\ntitle: Tiny habits for mod-team\ndescription: What 423456789012345680 discusses\n---\n"
               "# Tiny habits\n\nAsk in [#staff-room](https://example.org/) or `mod-old`.\n\n"
               "![Night Watch Lodge](pic.png)\n")
    repo.write("docs/habits/pic.png", "not really a png")
    repo.commit("Add tiny habits, reviewed in #staff-room")
    repo.write("mkdocs.yml", "site_name: Hostile\nsite_url: https://handbook.example.org/\ntheme:\n  name: material\n"
                             "plugins:\n  - search\n  - handbook:\n      drift: ignore\n"
                             "      show_private_names: {show}\n")
    return repo


HOSTILE_NAMES = (OLD_NAME, NEW_NAME, WAS_OPEN, "Night Watch Lodge", "NightWatchSecret")


@pytest.fixture(scope="module", params=[False, True], ids=["names-hidden", "show_private_names"])
def hostile(request, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    repo = make_hostile_repository(root)
    text = (root / "mkdocs.yml").read_text().replace("{show}", "true" if request.param else "false")
    (root / "mkdocs.yml").write_text(text)
    repo.commit("Configure the site")
    built = sitekit.build_site(root)
    assert built.aborted is None, built.aborted
    return request.param, built, site_files(built.site_dir)


def test_hostile_history_leaves_no_secret_in_any_published_file(hostile):
    _, _, files = hostile
    assert {"index.html", "habits/index.html", "habits/tiny/index.html", "changelog/index.html", "feed.xml",
            "search/search_index.json", "sitemap.xml", "404.html"} <= set(files)
    leaks = [(name, secret) for name, text in files.items()
             for secret in (*HOSTILE_IDS, WEBHOOK_URL, FAKE_TOKEN, "NightWatchSecret", "ivan@", "zoe@", "kim@",
                            "bo@", "noreply@", "@example.org", "@example.net", "@example.com", "users.noreply")
             if secret in text]
    assert leaks == []
    for name, text in files.items():
        if name.endswith((".html", ".json", ".xml", ".txt")):
            assert not EMAIL.findall(text), name
        assert not TOKEN.findall(text), name
        assert not WEBHOOK.findall(text), name


def test_hostile_history_names_no_private_space_unless_chosen(hostile):
    show_names, _, files = hostile
    found = {(name, secret) for name, text in files.items() for secret in HOSTILE_NAMES if secret in text}
    if show_names:  # chosen: names may appear; the invite code never does
        assert found and not {secret for _, secret in found} & {"NightWatchSecret"}
        return
    assert found == set()
    changelog = " ".join(links_site.Html.parse(files["changelog/index.html"]).text_of("article"))
    for said in ("Rename a private channel to a private channel",  # no `#`
                 "Point moderators to a private channel for reports",  # an earlier name
                 "a private prompt channel was added; topic channel #habits added",  # open then, private now
                 "Post updates with [redacted] and the bot token [redacted]"):
        assert said in changelog


def test_names_are_never_addresses_and_mailmap_applies_to_co_authors(hostile):
    _, built, files = hostile
    import xml.etree.ElementTree as ET

    feed = ET.fromstring(files["feed.xml"])
    atom = "{http://www.w3.org/2005/Atom}"
    names = [[a.findtext(f"{atom}name") for a in e.findall(f"{atom}author")] for e in feed.findall(f"{atom}entry")]
    assert names == [["Ada Author"], ["Ada Author", "a contributor"], ["kim"], ["Ada Author", "zoe", "Bo Builder"],
                     ["ivan"], ["Ada Author"]]
    contributors = links_site.Html.parse(files["habits/index.html"]).text_of("span", "handbook-history__contributors")
    assert contributors == ["Ada Author, ivan, kim"]
    assert "Bo Builder" in files["changelog/index.html"] and "zoe" in files["changelog/index.html"]


def test_private_names_in_front_matter_link_text_alt_and_code_spans_are_warnings(hostile):
    show_names, built, files = hostile
    lines = sorted(m.removeprefix("handbook: ").split(" [private-name]")[0]
                   for m in built.warnings if "[private-name]" in m)
    ids = ['docs/habits/tiny.md:3: front matter `description:` names 423456789012345680, which is private; '
           'the published page says "[redacted]" instead']
    names = [
        'docs/habits/tiny.md:2: front matter `title:` names mod-team, which is private; '
        'the published page says "a private channel" instead',
        'docs/habits/tiny.md:7: link text names #staff-room, which is private; '
        'the published page says "a private channel" instead',
        'docs/habits/tiny.md:7: a code span names mod-old, which is private; '
        'the published page says "a private channel" instead',
        'docs/habits/tiny.md:9: image alt text names Night Watch Lodge, which is private; '
        'the published page says "a private space" instead',
    ]
    # With show_private_names the community chose to publish names; ids are never published.
    assert lines == sorted(ids if show_names else ids + names)
    page = links_site.Html.parse(files["habits/tiny/index.html"])
    title = page.text_of("title")[0]
    description = page.one("meta", name="description").attrs["content"]
    if not show_names:
        assert title == "Tiny habits for a private channel - Hostile"
        assert description == "What [redacted] discusses"
        assert page.one("img").attrs["alt"] == "a private space"
        nav = [e.text.strip() for e in links_site.Html.parse(files["index.html"]).select("a", "md-nav__link")]
        assert "Tiny habits for a private channel" in nav


def test_handbook_generate_writes_the_same_redacted_pages_and_feed(tmp_path, monkeypatch, capsys):
    from handbook import cli

    repo = make_hostile_repository(tmp_path / "repo")
    text = (repo.root / "mkdocs.yml").read_text().replace("{show}", "false")
    (repo.root / "mkdocs.yml").write_text(text)
    repo.commit("Configure the site")
    monkeypatch.chdir(repo.root)
    assert cli.main(["generate", "--out", str(tmp_path / "out"), "--feed", str(tmp_path / "feed")]) == 0
    capsys.readouterr()
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*") if p.is_file()}
    written.update({p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "feed").rglob("*") if p.is_file()})
    assert {"changelog.md", "channels.md", "roles.md", "feed.xml"} <= set(written)
    assert "Rename a private channel to a private channel" in written["changelog.md"]
    secrets = (*HOSTILE_IDS, WEBHOOK_URL, FAKE_TOKEN, *HOSTILE_NAMES, "@example.org", "@example.net", "users.noreply")
    assert [(name, s) for name, text in written.items() for s in secrets if s in text] == []
    assert not [name for name, text in written.items() if EMAIL.findall(text) or TOKEN.findall(text)]

"""Values from the channel map that reach HTML: only Discord invite URLs become "Join" links, and
text from the map (topics, prompts, descriptions) carries no active link unless it is http(s)."""

from __future__ import annotations

import pytest

from links_site import build_site

MAP = """\
server:
  name: Hostile <b>Community</b>
  guild_id: "123456789012345678"
  invite: {invite}
roles:
  - name: member
    description: "[role](javascript:alert(3)) and [docs](https://example.org/roles)"
discord_categories:
  - name: Base Camp
    description: "<script>alert(4)</script> [cat](data:text/html,x)"
    channels:
      - name: show-me
        kind: prompt
        prompt: "[x](javascript:alert(1)) ![i](javascript:alert(2)) [ok](https://example.org/ok) <javascript:alert(5)>"
  - name: Handbook Topics
    channels:
      - {{name: habits, kind: topic, category: habits, topic: "[y](JavaScript:alert(6))"}}
"""
DOCS = {"index.md": "# Home\n", "habits/index.md": "# Habits\n"}


def _hrefs(site, page):
    html = site.html(page)
    return [e.attrs.get("href") or e.attrs.get("src") for e in html.select("a") + html.select("img")]


@pytest.mark.parametrize("invite", ["javascript:alert(1)", "discord.gg/campfire", "http://discord.gg/campfire",
                                    "https://discord.gg.evil.example/x", "https://evil.example/discord.gg/x"])
def test_an_invite_that_is_not_a_discord_invite_url_is_never_a_link(tmp_path, invite):
    site = build_site(tmp_path, DOCS, channel_map=MAP.format(invite=invite))
    for page in ("index.html", "habits/index.html", "channels/index.html"):
        assert not [h for h in _hrefs(site, page) if h and ("javascript" in h.lower() or "discord.gg" in h)], page
        assert not site.html(page).select("a", "handbook-discuss__invite")
    # One warning for one mistake: the map's own check says what the site does about it.
    assert [w.split(" Fix:")[0] for w in site.warnings() if "invite" in w] == [
        f"WARNING - handbook: channel_map.yml:4: `server.invite` is `{invite}`, which is not a Discord invite "
        'link, so the site shows no "Join" link [invalid-invite]']


@pytest.mark.parametrize("invite", ["https://discord.gg/campfire", "https://discord.com/invite/campfire"])
def test_discord_invite_urls_are_links(tmp_path, invite):
    site = build_site(tmp_path, DOCS, channel_map=MAP.format(invite=invite))
    assert [a.attrs["href"] for a in site.html("habits/index.html").select("a", "handbook-discuss__invite")] == [invite]
    assert invite in _hrefs(site, "channels/index.html")
    assert not [w for w in site.warnings() if "invite" in w]


def test_map_text_has_no_active_link_unless_http(tmp_path):
    site = build_site(tmp_path, DOCS, channel_map=MAP.format(invite="https://discord.gg/campfire"))
    for page in ("channels/index.html", "roles/index.html"):
        hrefs = [h for h in _hrefs(site, page) if h]
        assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))], page
        raw = (site.site_dir / page).read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<b>Community</b>" not in raw
    directory = site.html("channels/index.html")
    assert "https://example.org/ok" in _hrefs(site, "channels/index.html")
    cells = " ".join(directory.text_of("td"))
    assert "[x](javascript:alert(1))" in cells  # shown as the text it is
    assert "https://example.org/roles" in _hrefs(site, "roles/index.html")

"""Archived channels on the roles and safety pages.

`handbook discord apply` archives a channel by moving it to the archive category read-only, with
the same roles able to see it: nobody loses sight of its history. So a role that can read an
archived private channel still lists it, marked archived, and the roles page says that every
member can read the open archived channels (the channel directory lists them under Archived).
"""

from __future__ import annotations

import pytest
from links_site import build_site, rows

MAP = """\
server:
  name: Campfire
roles:
  - {name: host, description: Runs the cohorts}
  - {name: cohort-a}
  - {name: cohort-b}
discord_categories:
  - name: Lobby
    channels:
      - {name: general, kind: prompt}
      - {name: old-news, kind: announcement, status: archived}
      - {name: old-plans, kind: prompt, visibility: private, roles: [host], description: Where hosts planned,
         status: archived}
  - name: Cohorts
    visibility: private
    roles: [host]
    description: A private space for each cohort
    channels:
      - {name: cohort-a, kind: prompt, roles: [cohort-a, host]}
      - {name: cohort-b, kind: prompt, roles: [cohort-b, host], status: archived}
"""
DOCS = {"index.md": "# Home\n"}


@pytest.fixture(scope="module", params=[False, True], ids=["names-hidden", "show_private_names"])
def site(request, tmp_path_factory):
    return request.param, build_site(tmp_path_factory.mktemp("archived"), DOCS, channel_map=MAP,
                                     plugin={"show_private_names": request.param})


def test_a_role_still_sees_the_archived_private_channels_it_could_read(site):
    named, built = site
    table = rows(built.html("roles/index.html"))
    if named:
        assert table[1:] == [
            ["host", "Runs the cohorts", "open spaces; #old-plans (archived, read-only); Cohorts (private); "
                                         "#cohort-b (archived, read-only)"],
            ["cohort-a", "", "open spaces; Cohorts (private)"],
            ["cohort-b", "", "open spaces; #cohort-b (archived, read-only)"],
        ]
        return
    assert table[1:] == [
        ["host", "Runs the cohorts", "open spaces; Where hosts planned (archived, read-only); "
                                     "A private space for each cohort; a private channel (archived, read-only)"],
        ["cohort-a", "", "open spaces; A private space for each cohort"],
        ["cohort-b", "", "open spaces; a private channel (archived, read-only)"],
    ]
    text = (built.site_dir / "roles/index.html").read_text(encoding="utf-8")
    assert "#cohort-b" not in text and "old-plans" not in text  # (cohort-b is also a role: that name is public)


def test_the_roles_page_says_every_member_can_read_the_open_archived_channels(site):
    _, built = site
    paragraphs = built.html("roles/index.html").text_of("p")
    assert ("Archived channels are read-only, and whoever could see one still can: every member can read "
            "#old-news.") in paragraphs
    assert "Every member can see the open spaces: Lobby." in paragraphs[0]


def test_the_safety_page_says_who_can_read_an_archived_private_channel(site):
    named, built = site
    table = rows(built.html("safety/index.html"))
    label = "#old-plans" if named else "Where hosts planned"
    assert [f"{label} (archived, read-only)", "host"] in table
    assert [("#cohort-b" if named else "A private channel") + " (archived, read-only)", "cohort-b, host"] in table

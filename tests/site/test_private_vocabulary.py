"""The private vocabulary: every name and id a private space has had in any version of the map."""

from __future__ import annotations

import pytest

from handbook.site.privacy import Redactor, build_vocabulary, path_words, spaces_of_text


def version(*categories: str) -> str:
    return "discord_categories:\n" + "".join(categories)


def category(name: str, channels: str, private: bool = False, extra: str = "") -> str:
    head = f"  - name: {name}\n" + ("    visibility: private\n    roles: [mod]\n" if private else "") + extra
    return head + "    channels:\n" + channels


def channel(name: str, ident: str | None = None, private: bool | None = None, folder: str | None = None) -> str:
    text = f"      - name: {name}\n        kind: {'topic' if folder else 'prompt'}\n"
    text += f'        id: "{ident}"\n' if ident else ""
    text += f"        category: {folder}\n" if folder else ""
    if private is not None:
        text += f"        visibility: {'private' if private else 'open'}\n"
    return text


OPEN_THEN = version(category("Base", channel("staff-room", "423456789012345682")))
PRIVATE_NOW = version(category("Base", channel("staff-lounge", "423456789012345682", private=True)))
PRIVATE_THEN = version(category("Base", channel("cohort-talk", private=True, folder="cohorts")))
OPEN_NOW = version(category("Base", channel("cohort-chat", folder="cohorts")))


@pytest.mark.parametrize(("history", "current", "channels", "ids"), [
    # private now, open (and called otherwise) then: both names, the id
    ([OPEN_THEN], PRIVATE_NOW, {"staff-room", "staff-lounge"}, {"423456789012345682"}),
    # private then, open now (matched by the folder it mirrors): only the old name
    ([PRIVATE_THEN], OPEN_NOW, {"cohort-talk"}, set()),
    # a channel open all along stays public
    ([OPEN_NOW], OPEN_NOW, set(), set()),
    # an old version that does not parse is ignored
    (["discord_categories: [", "- just a list"], PRIVATE_NOW, {"staff-lounge"}, {"423456789012345682"}),
])
def test_vocabulary_follows_identities_through_history(history, current, channels, ids):
    vocabulary = build_vocabulary(spaces_of_text(current), [spaces_of_text(h) for h in history])
    assert vocabulary.channel_names == channels and vocabulary.ids == ids


def test_private_categories_their_invites_and_names_the_site_publishes_anyway():
    text = version(category("Night Watch", channel("mod-room"), private=True,
                            extra="    invite: https://discord.gg/NightSecret\n"),
                   category("Cohorts", channel("cohort-a"), private=True))
    vocabulary = build_vocabulary(spaces_of_text(text), published=path_words(["cohorts.md", "habits/index.md"]))
    assert vocabulary.category_names == {"Night Watch"}  # "Cohorts" is a page of the site
    assert vocabulary.channel_names == {"mod-room", "cohort-a"} and vocabulary.invite_codes == {"NightSecret"}
    redactor = Redactor(vocabulary)
    assert redactor.redact("Ask Night  Watch via nightsecret in #MOD-room about Cohorts") == \
        "Ask a private space via [redacted] in a private channel about Cohorts"
    # A category's name is matched as capitalised in the map: ordinary words stay.
    assert redactor.redact("the night watch") == "the night watch"
    assert redactor.restricted(["#mod-room"]).redact("night watch, mod-room") == "night watch, a private channel"


@pytest.mark.parametrize(("body", "hits"), [
    ("Ask in `mod-room`.\n", [(4, "code", "mod-room")]),
    ("See [the notes of\nthe mod-room](x.md).\n", [(5, "link", "mod-room")]),
    ("![Night Watch at dusk](a.png)\n", [(4, "alt", "Night Watch")]),
    ("Plain prose about mod-room is left to the author.\n", []),
    ("Ask in #old-room, not #mod-room.\n", [(4, "mention", "#old-room")]),  # #mod-room: the mentions' job
    ("```\nmod-room in a code block\n```\n", []),
])
def test_private_names_where_authors_wrote_them(body, hits):
    from handbook.site.page_privacy import find_private_names, worth_a_look

    text = version(category("Night Watch", channel("mod-room") + channel("old-room"), private=True))
    redactor = Redactor(build_vocabulary(spaces_of_text(text)))
    source = "---\nchannel: false\n---\n" + body
    found = [(h.line, h.where, h.name) for h in find_private_names(source, redactor, mentions_known=["mod-room"])]
    assert found == hits
    # The cheap look never misses a page with a hit; it may look at a few without.
    assert worth_a_look(body, redactor, ["mod-room"]) or not hits
    assert not worth_a_look("Plain prose about mod-room and #mod-room.\n", redactor, ["mod-room"])


def test_a_redactor_restricted_to_some_names_speaks_the_site_language():
    from handbook.i18n import Words

    text = version(category("Night Watch", channel("mod-room"), private=True))
    german = Words("de", "de")
    redactor = Redactor(build_vocabulary(spaces_of_text(text)), words=german)
    said = german("private_channel")
    assert said != Redactor(build_vocabulary(spaces_of_text(text)))("mod-room")  # German, not English
    assert redactor.restricted(["mod-room"]).redact("Ask in mod-room") == f"Ask in {said}"
    assert redactor.restricted(["mod-room"]).redact_id("ask-in-mod-room") == "ask-in-" + said.lower().replace(" ", "-")

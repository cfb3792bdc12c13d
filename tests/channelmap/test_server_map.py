"""The map's `server:` settings, onboarding, welcome screen and AutoMod rules: read with their lines,
checked against Discord's documented limits and the map's own names, and judged alike by the JSON
Schema wherever a schema can say it."""

from __future__ import annotations

import jsonschema
import pytest
from test_schema_agreement import _plain

from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.model import ChannelMapError
from handbook.channelmap.schema_gen import build_schema
from handbook.channelmap.validation import validate
from handbook.channelmap.yaml_io import load_roundtrip

TAIL = """roles:
  - name: member
  - name: moderator
discord_categories:
  - name: Welcome
    channels:
      - name: rules
        kind: prompt
      - name: general
        kind: prompt
  - name: Moderators
    visibility: private
    roles: [moderator]
    channels:
      - name: mod-log
        kind: prompt
"""

GOOD = """server:
  name: Campfire
  settings:
    verification_level: medium
    explicit_content_filter: all_members
    default_message_notifications: only_mentions
    mfa_required_for_moderation: true
    rules_channel: rules
    public_updates_channel: mod-log
    system_channel: general
    system_channel_flags: [suppress_join_notifications]
  onboarding:
    enabled: true
    mode: default
    default_channels: [rules, general]
    prompts:
      - title: What do you want to practise?
        type: multiple
        options:
          - title: Everything
            description: All of it
            channels: [general]
            roles: [member]
            emoji: "🔥"
  welcome_screen:
    description: Practise together.
    channels:
      - channel: rules
        description: Read first
        emoji: "📜"
  automod:
    - name: Invite links
      trigger:
        keywords: {keywords: ["*discord.gg/*"], allow: [campfire]}
      actions:
        - block: {message: Links to other servers are not allowed here.}
        - alert: {channel: mod-log}
        - timeout: {duration: 10m}
      exempt_roles: [moderator]
    - name: Mention spam
      trigger: {mention_spam: {limit: 5, raid_protection: true}}
      actions: [block, {alert: {channel: mod-log}}]
    - name: Spam
      trigger: spam
      actions: [block]
"""


def load(tmp_path, text):
    path = tmp_path / "channel_map.yml"
    path.write_text(text, encoding="utf-8")
    return load_channel_map(path)


def errors(tmp_path, text):
    return [(f.code, f.line) for f in validate(load(tmp_path, text)) if f.severity == "error"]


def test_a_full_server_section_reads_with_its_words_names_and_lines(tmp_path):
    setup = load(tmp_path, GOOD + TAIL).server.setup
    assert setup.asks and setup.settings.verification_level == "medium"
    assert setup.settings.mfa_required_for_moderation is True
    assert setup.settings.channels == {"rules_channel": "rules", "public_updates_channel": "mod-log",
                                       "system_channel": "general"}
    assert setup.onboarding.prompts[0].options[0].roles == ["member"]
    assert setup.welcome_screen.channels[0].line == 28
    invite, mentions, spam = setup.automod
    assert [a.kind for a in invite.actions] == ["block", "alert", "timeout"] and invite.actions[2].duration == 600
    assert (mentions.trigger, mentions.mention_limit, mentions.raid_protection) == ("mention_spam", 5, True)
    assert spam.trigger == "spam"
    assert validate(load(tmp_path, GOOD + TAIL)) == []


def test_a_map_without_the_sections_asks_nothing(tmp_path):
    assert not load(tmp_path, "server:\n  name: X\n" + TAIL).server.setup.asks


@pytest.mark.parametrize(("change", "message"), [
    (("verification_level: medium", "verification_level: highest"), "unknown verification_level `highest`"),
    (("explicit_content_filter: all_members", "explicit_content_filter: everyone"), "unknown explicit_content_filter"),
    (("system_channel_flags: [suppress_join_notifications]", "system_channel_flags: [no_joins]"),
     "unknown system channel flag `no_joins`"),
    (("mfa_required_for_moderation: true", "mfa_required_for_moderation: yes please"), "must be true or false"),
    (("type: multiple", "type: checkboxes"), "unknown type `checkboxes`"),
    (("trigger: spam", "trigger: {spam: null, keywords: null}"), "must be exactly one of"),
    (("trigger: spam", "trigger: links"), "must be exactly one of"),
    (("actions: [block]", "actions: [ban]"), "must be one of block, alert, timeout"),
    (("- timeout: {duration: 10m}", "- timeout: {duration: soon}"), "has no `duration`"),
    (("- alert: {channel: mod-log}\n        - timeout", "- alert\n        - timeout"), "names no channel"),
])
def test_a_wrong_shape_stops_with_its_line_and_fix(tmp_path, change, message):
    text = (GOOD + TAIL).replace(*change)
    assert text != GOOD + TAIL
    with pytest.raises(ChannelMapError) as err:
        load(tmp_path, text)
    assert message in err.value.message and err.value.line and err.value.fix


def _rules(count, trigger="keywords: {keywords: [x]}"):
    return "".join(f"    - name: r{i}\n      trigger: {{{trigger}}}\n      actions: [block]\n" for i in range(count))


@pytest.mark.parametrize(("change", "expected"), [
    (("rules_channel: rules", "rules_channel: rulez"), [("server-unknown-channel", 8)]),
    (("channels: [general]", "channels: [habits]"), [("server-unknown-channel", 20)]),
    (("roles: [member]", "roles: [members]"), [("server-unknown-role", 20)]),
    (("exempt_roles: [moderator]", "exempt_roles: [mods]"), [("server-unknown-role", 32)]),
    (("channel: mod-log}\n        - timeout", "channel: mod-logs}\n        - timeout"), [("server-unknown-channel", 37)]),
    (("description: Practise together.", "description: " + "x" * 141), [("server-over-limit", 25)]),
    (("description: Read first", "description: " + "x" * 51), [("server-over-limit", 28)]),
    (("{limit: 5,", "{limit: 51,"), [("server-over-limit", 40)]),
    (("- timeout: {duration: 10m}", "- timeout: {duration: 5w}"), [("server-over-limit", 38)]),
    (("actions: [block]\n", "actions: [block, {timeout: {duration: 60}}]\n"), [("automod-invalid", 45)]),
    (("keywords: {keywords: [\"*discord.gg/*\"], allow: [campfire]}", "keywords: {allow: [campfire]}"),
     [("automod-invalid", 32)]),
    (("- name: Spam", "- name: Invite links"), [("automod-invalid", 43)]),
    (("      - name: general\n        kind: prompt\n", "      - name: general\n        kind: voice\n"),
     [("server-channel-not-text", 10)]),
    (("    - name: Spam\n      trigger: spam\n      actions: [block]\n", _rules(6)), [("server-over-limit", 58)]),
    (("- block: {message: Links", "- block: {message: " + "x" * 151 + " Links"), [("server-over-limit", 36)]),
])
def test_discords_limits_and_the_maps_names_are_findings_at_their_line(tmp_path, change, expected):
    text = (GOOD + TAIL).replace(*change)
    assert text != GOOD + TAIL
    assert errors(tmp_path, text) == expected
    finding = next(f for f in validate(load(tmp_path, text)) if f.severity == "error")
    assert finding.fix


def test_six_welcome_channels_are_one_too_many(tmp_path):
    extra = "".join(f"      - channel: general\n        description: d{i}\n" for i in range(5))
    text = (GOOD + TAIL).replace("        emoji: \"📜\"\n", "        emoji: \"📜\"\n" + extra)
    assert errors(tmp_path, text) == [("server-over-limit", 39)]


def test_a_private_channel_on_the_welcome_screen_is_a_warning(tmp_path):
    text = (GOOD + TAIL).replace("      - channel: rules\n", "      - channel: mod-log\n")
    findings = validate(load(tmp_path, text))
    assert [(f.code, f.severity, f.line) for f in findings] == [("server-private-channel", "warning", 28)]


@pytest.mark.parametrize(("change", "rejects"), [
    ((), False),
    (("description: Read first", "description: " + "x" * 51), True),
    (("{limit: 5,", "{limit: 51,"), True),
    (("description: Practise together.", "description: " + "x" * 141), True),
    (("- timeout: {duration: 10m}", "- timeout: {duration: 3000000}"), True),
    (("rules_channel: rules", "rules_channel: rulez"), False),  # checker-only: a name of the map
    (("trigger: spam\n      actions: [block]", "trigger: spam\n      actions: [block, {timeout: {duration: 10m}}]"),
     True),  # a timeout only on keyword and mention-spam rules
    (("trigger: spam\n      actions: [block]", "trigger: {member_profile: {keywords: [admin]}}\n"
      "      actions: [{block: {message: Not that name.}}]"), True),  # a profile rule blocks without a message
])
def test_the_schema_agrees_where_it_can(tmp_path, change, rejects):
    text = (GOOD + TAIL).replace(*change) if change else GOOD + TAIL
    validator = jsonschema.Draft7Validator(build_schema())
    path = tmp_path / "channel_map.yml"
    path.write_text(text, encoding="utf-8")
    assert any(validator.iter_errors(_plain(load_roundtrip(path, text)))) == rejects
    assert bool(errors(tmp_path, text)) == (True if change else False)


EVERY_KIND = """server:
  automod:
    - name: Words
      trigger: {keywords: {keywords: ["*discord.gg/*"], regex: ['\\\\d{3}-\\\\d{4}'], allow: [campfire]}}
      actions: [{block: {message: No invites here.}}, {alert: {channel: mod-log}}, {timeout: {duration: 10m}}]
    - name: Presets
      trigger: {keyword_preset: {presets: [slurs], allow: [scunthorpe]}}
      actions: [block]
    - name: Spam
      trigger: {spam: null}
      actions: [{alert: {channel: mod-log}}]
    - name: Mentions
      trigger: {mention_spam: {limit: 5, raid_protection: true}}
      actions: [block, {timeout: {duration: 1h}}]
    - name: Profiles
      trigger: {member_profile: {keywords: [admin], regex: ['mod.?team'], allow: [moderate]}}
      actions: [block, {alert: {channel: mod-log}}]
"""


@pytest.mark.parametrize("change", [
    (),
    ("{spam: null}", "spam"),
    ("{spam: null}", "{spam: true}"),
    ("{spam: null}", "{spam: {}}"),
])
def test_each_trigger_and_action_with_its_own_keys_loads_and_the_schema_accepts_it(tmp_path, change):
    text = (EVERY_KIND + TAIL).replace(*change) if change else EVERY_KIND + TAIL
    rules = load(tmp_path, text).server.setup.automod
    assert [rule.trigger for rule in rules] == ["keywords", "keyword_preset", "spam", "mention_spam", "member_profile"]
    assert errors(tmp_path, text) == []
    validator = jsonschema.Draft7Validator(build_schema())
    assert list(validator.iter_errors(_plain(load_roundtrip(tmp_path / "channel_map.yml", text)))) == []


@pytest.mark.parametrize(("change", "key"), [
    ("{spam: null}", "{spam: {keywords: [buy]}}"),
    ("{spam: null}", "{spam: false}"),
    ("{presets: [slurs], allow", "{presets: [slurs], regex: [x], allow"),
    ("{limit: 5, raid_protection: true}", "{limit: 5, keywords: [everyone]}"),
    ("{keywords: [admin],", "{keywords: [admin], presets: [slurs],"),
    ("{keywords: {keywords:", "{keywords: {limit: 3, keywords:"),
    ("{keywords: {keywords:", "{keywords: {keyword: [oops], keywords:"),
    ("{block: {message: No invites here.}}", "{block: {message: No invites here., channel: mod-log}}"),
    ("{alert: {channel: mod-log}}, {timeout", "{alert: {channel: mod-log, message: Look}}, {timeout"),
    ("{timeout: {duration: 10m}}", "{timeout: {duration: 10m, channel: mod-log}}"),
    ("{timeout: {duration: 1h}}", "{timeout: false}"),
])
def test_a_key_another_trigger_or_action_takes_stops_loading_and_the_schema_rejects_it(tmp_path, change, key):
    text = (EVERY_KIND + TAIL).replace(change, key)
    assert text != EVERY_KIND + TAIL
    with pytest.raises(ChannelMapError) as caught:
        load(tmp_path, text)
    assert "channel_map.yml" in str(caught.value)
    validator = jsonschema.Draft7Validator(build_schema())
    assert list(validator.iter_errors(_plain(load_roundtrip(tmp_path / "channel_map.yml", text))))

"""English: the words the plugin writes into a site, and the model of every translation.

Copy this file as `<code>.py` (the language's code, as Material's `theme.language` writes it:
`sv` for Swedish) and translate each value; the rules are in `handbook/i18n/catalogue.py`.
"""

from __future__ import annotations

NAME = "English"
"""The language's name in itself."""

WORDS: dict[str, str] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": "Discuss this page in",
    "on_discord": "on Discord",
    "not_a_member": "Not a member yet?",
    "join": "Join {server}",
    "join_the_server": "Join the server",
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": "Last update",
    "history_created": "Created",
    "history_contributors": "Contributors",
    "not_committed": "Not yet committed",
    "uncommitted": "Uncommitted changes",
    "shallow_unknown": "History not available in this shallow clone",
    "created_unknown": "Creation date unknown (shallow clone)",
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": "Reviewed",
    "reviewed_on": "Reviewed on",
    "reviewed_by": "by",
    # --- page titles ------------------------------------------------------------------------
    "channels_title": "Channels",
    "roles_title": "Roles and permissions",
    "changelog_title": "Changelog",
    "reviews_title": "Reviews",
    "communities_title": "Related communities",
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": (
        "The spaces of the {server} Discord server, in the order Discord shows them, and who can "
        "see each one."
    ),
    "channels_intro": "Our Discord spaces, in the order Discord shows them, and who can see each one.",
    "private_space_title": "Private space",
    "private_space_with_one": "A private space with {count} channel.",
    "private_space_with_other": "A private space with {count} channels.",
    "who_can_see_it": "Who can see it: {roles}.",
    "the_roles_it_lists": "the roles it lists",
    "every_member": "every member",
    "private_channel": "a private channel",
    "channels_in": "Channels in {category}",
    "column_channel": "Channel",
    "column_kind": "Kind",
    "column_channel_purpose": "What it is for",
    "column_who_can_see_it": "Who can see it",
    "kind_topic": "topic",
    "kind_prompt": "prompt",
    "kind_announcement": "announcements",
    "kind_voice": "voice",
    "kind_forum": "forum",
    "mirrors_pages": "mirrors the handbook's <code>{category}</code> pages",
    "archived_title": "Archived",
    "archived_intro": "Kept read-only for their history:",
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": "Every member can see the open spaces: {spaces}. Roles add access to private spaces.",
    "open_spaces": "open spaces",
    "a_private_space": "a private space",
    "named_private_space": "{name} (private)",
    "roles_caption": "Roles, what each is for and the spaces it can see",
    "column_role": "Role",
    "column_role_purpose": "What it is for",
    "column_spaces": "Spaces it can see",
    # --- the safety page ----------------------------------------------------------------------
    "safety_title": "How we keep you safe",
    "safety_intro_server": (
        "What the {server} Discord server does to keep its members safe, from the handbook's "
        "channel map."
    ),
    "safety_intro": "What our Discord server does to keep its members safe, from the handbook's channel map.",
    "safety_private_title": "Who can see each private space",
    "safety_private_intro": (
        "Every member can see the other spaces. A private space is seen only by the roles listed "
        "here (and by the server's owner, whom Discord lets see everything)."
    ),
    "safety_no_private": "The server has no private spaces: every member can see every channel.",
    "safety_caption": "Private spaces and the roles that can see them",
    "column_space": "Space",
    "safety_first_title": "Your first minutes",
    "verification_none": "You can write as soon as you join.",
    "verification_low": "You can write once your Discord account has a verified e-mail address.",
    "verification_medium": (
        "You can write once your Discord account has a verified e-mail address and is more than "
        "five minutes old."
    ),
    "verification_high": (
        "You can write once your Discord account has a verified e-mail address and is more than "
        "five minutes old, and you have been a member of the server for more than ten minutes."
    ),
    "verification_very_high": "You can write once your Discord account has a verified phone number.",
    "safety_onboarding": (
        "When you join, Discord asks you: {questions}. Your answers choose the channels and roles "
        "you start with."
    ),
    "safety_moderators_title": "Moderators",
    "safety_moderators_mfa": (
        "The server requires moderators to protect their own accounts with two-factor authentication before they can delete messages, time members out or ban anyone."
    ),
    "safety_automod_title": "What AutoMod blocks",
    "safety_automod_intro": "Discord's AutoMod checks every message before anyone sees it, and stops:",
    "automod_keywords": "messages with words or phrases from our blocked list",
    "automod_keyword_preset": "messages with words from Discord's lists of {lists}",
    "automod_preset_profanity": "swearing",
    "automod_preset_sexual_content": "sexual content",
    "automod_preset_slurs": "slurs",
    "automod_spam": "messages that look like spam",
    "automod_mention_spam_one": "messages that mention more than {count} member or role at once",
    "automod_mention_spam_other": "messages that mention more than {count} members or roles at once",
    "automod_member_profile": "names and profiles with words from our blocked list",
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": "What changed in the handbook, newest first, as recorded in git.",
    "changelog_follow": 'Follow it in a feed reader: <a href="{url}">Atom feed</a>.',
    "changelog_empty": "No changes recorded yet.",
    "changelog_no_git": "The changelog is empty: this site was built without git history.",
    "changelog_shallow": "Built from a shallow git clone: older changes are not listed.",
    # The changelog page keeps the recent months; each older year has a page of its own.
    "changelog_older_title": "Older changes",
    "changelog_year_title": "Changelog {year}",
    "changelog_year_intro": "What changed in the handbook in {year}, newest first, as recorded in git.",
    "changelog_recent": "Recent changes",
    "changelog_other_years": "Other years",
    "label_then": "{label}:",
    "change_added_label": "Added",
    "change_updated_label": "Updated",
    "change_renamed_label": "Renamed",
    "change_removed_label": "Removed",
    "change_channels_label": "Channels",
    "removed_since": "(removed since)",
    "older_changes_one": "{count} older change not shown here",
    "older_changes_other": "{count} older changes not shown here",
    "older_in_feed": '{older}; the <a href="{url}">Atom feed</a> has them all.',
    "feed_title": "{site}: changes",
    "no_subject": "(no subject)",
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": "channel",
    "channel_word_topic": "topic channel",
    "channel_word_prompt": "prompt channel",
    "channel_word_announcement": "announcement channel",
    "channel_word_voice": "voice channel",
    "channel_word_forum": "forum channel",
    "channel_added": "{channel} #{name} added",
    "channel_renamed": "#{old} renamed to #{name}",
    "channel_archived": "#{name} archived",
    "channel_restored": "#{name} restored",
    "channel_removed": "#{name} removed from the map",
    "private_channel_added": "a private {channel} was added",
    "private_channel_renamed": "a private {channel} was renamed",
    "private_channel_archived": "a private {channel} was archived",
    "private_channel_restored": "a private {channel} was restored",
    "private_channel_removed": "a private {channel} was removed from the map",
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": (
        "Pages due for a re-read, as of {today}: overdue first, then those due within {within}, "
        "then pages with no review date. Set `last_reviewed:` in a page's front matter when you "
        "have re-read it."
    ),
    "reviews_overdue": "Overdue",
    "reviews_none_overdue": "No page is overdue.",
    "reviews_due_within": "Due within {within}",
    "reviews_none_due": "No page falls due within {within}.",
    "reviews_never": "Never reviewed",
    "reviews_all_dated": "Every page has a review date.",
    "reviews_up_to_date": "Up to date",
    "column_page": "Page",
    "column_owner": "Owner",
    "column_last_reviewed": "Last reviewed",
    "column_due": "Due",
    "no_owner": "no owner",
    "banner_title": "This page may be out of date",
    "banner_due": "This page was due for review on {date}.",
    "banner_owner": "Its owner is {owner}.",
    "banner_no_owner": "It has no owner.",
    "duration_days_one": "{count} day",
    "duration_days_other": "{count} days",
    "duration_weeks_one": "{count} week",
    "duration_weeks_other": "{count} weeks",
    "duration_months_one": "{count} month",
    "duration_months_other": "{count} months",
    "duration_years_one": "{count} year",
    "duration_years_other": "{count} years",
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": "Communities of practice near ours, and whether their links worked at the last check.",
    "communities_checked": "The last link check was on {date}.",
    "communities_unchecked": "These links have not been checked yet.",
    "filter_topic": "Topic",
    "filter_platform": "Platform",
    "filter_all": "all",
    "communities_shown": "{count} shown",
    "other_topic": "Other",
    "other_platform": "other",
    "cost_free": "free",
    "cost_paid": "paid",
    "join_on_discord": "join on Discord",
    "health": "Health: {health}",
    "health_ok": "alive",
    "health_redirected": "moved",
    "health_dead": "dead",
    "health_unreachable": "unreachable",
    "health_unchecked": "not checked",
    "moved_to": "moved to {link}",
    "invite_ok": "invite alive",
    "invite_redirected": "invite moved",
    "invite_dead": "invite expired",
    "invite_unreachable": "invite unreachable",
    "invite_unchecked": "invite not checked",
    "members_one": "{count} member",
    "members_other": "{count} members",
    "online": "{count} online",
    "checked_on": "checked {date}",
    "token_removed": "[token removed]",
    "archived_space": "{space} (archived, read-only)",
    "roles_archived_open": (
        "Archived channels are read-only, and whoever could see one still can: "
        "every member can read {channels}."
    ),
}

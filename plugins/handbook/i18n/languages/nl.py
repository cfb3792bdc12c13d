"""Dutch (Nederlands): the words the plugin writes into a site, translated from
`en.py` key for key; the rules are in `handbook/i18n/catalogue.py`.
"""

from __future__ import annotations

NAME = "Nederlands"
"""The language's name in itself."""

WORDS: dict[str, str] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": "Bespreek deze pagina in",
    "on_discord": "op Discord",
    "not_a_member": "Nog geen lid?",
    "join": "Word lid van {server}",
    "join_the_server": "Word lid van de server",
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": "Laatst geüpdatet",
    "history_created": "Gecreëerd",
    "history_contributors": "Bijdragers",
    "not_committed": "Nog niet gecommit",
    "uncommitted": "Niet-gecommitte wijzigingen",
    "shallow_unknown": "Geschiedenis niet beschikbaar in deze ondiepe kloon",
    "created_unknown": "Aanmaakdatum onbekend (ondiepe kloon)",
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": "Gecontroleerd",
    "reviewed_on": "Gecontroleerd op",
    "reviewed_by": "door",
    # --- page titles ------------------------------------------------------------------------
    "channels_title": "Kanalen",
    "roles_title": "Rollen en rechten",
    "changelog_title": "Wijzigingen",
    "reviews_title": "Controles",
    "communities_title": "Verwante community's",
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": (
        "De ruimtes van de Discord-server {server}, in de volgorde waarin Discord ze toont, en wie "
        "elke ruimte kan zien."
    ),
    "channels_intro": "Onze Discord-ruimtes, in de volgorde waarin Discord ze toont, en wie elke ruimte kan zien.",
    "private_space_title": "Besloten ruimte",
    "private_space_with_one": "Een besloten ruimte met {count} kanaal.",
    "private_space_with_other": "Een besloten ruimte met {count} kanalen.",
    "who_can_see_it": "Zichtbaar voor: {roles}.",
    "the_roles_it_lists": "de rollen die erbij staan",
    "every_member": "alle leden",
    "private_channel": "een besloten kanaal",
    "channels_in": "Kanalen in {category}",
    "column_channel": "Kanaal",
    "column_kind": "Soort",
    "column_channel_purpose": "Waarvoor het is",
    "column_who_can_see_it": "Zichtbaar voor",
    "kind_topic": "onderwerp",
    "kind_prompt": "gesprek",
    "kind_announcement": "aankondigingen",
    "kind_voice": "spraak",
    "kind_forum": "forum",
    "mirrors_pages": "volgt de pagina's <code>{category}</code> van het handboek",
    "archived_title": "Gearchiveerd",
    "archived_intro": "Alleen-lezen bewaard vanwege hun geschiedenis:",
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": "Alle leden zien de open ruimtes: {spaces}. Rollen geven toegang tot besloten ruimtes.",
    "open_spaces": "open ruimtes",
    "a_private_space": "een besloten ruimte",
    "named_private_space": "{name} (besloten)",
    "roles_caption": "Rollen, waarvoor elke rol is en welke ruimtes die ziet",
    "column_role": "Rol",
    "column_role_purpose": "Waarvoor deze is",
    "column_spaces": "Zichtbare ruimtes",
    "safety_title": "Hoe we je veilig houden",
    "safety_intro_server": (
        "Wat de Discord-server {server} doet om zijn leden veilig te houden, volgens de "
        "kanalenkaart van het handboek."
    ),
    "safety_intro": (
        "Wat onze Discord-server doet om zijn leden veilig te houden, volgens de kanalenkaart van "
        "het handboek."
    ),
    "safety_private_title": "Wie elke besloten ruimte kan zien",
    "safety_private_intro": (
        "Alle leden zien de andere ruimtes. Een besloten ruimte wordt alleen gezien door de rollen "
        "die hier staan (en door de eigenaar van de server, aan wie Discord alles toont)."
    ),
    "safety_no_private": "De server heeft geen besloten ruimtes: alle leden zien alle kanalen.",
    "safety_caption": "Besloten ruimtes en de rollen die ze kunnen zien",
    "column_space": "Ruimte",
    "safety_first_title": "Je eerste minuten",
    "verification_none": "Je kunt schrijven zodra je lid bent.",
    "verification_low": "Je kunt schrijven zodra je Discord-account een bevestigd e-mailadres heeft.",
    "verification_medium": (
        "Je kunt schrijven zodra je Discord-account een bevestigd e-mailadres heeft en ouder is dan"
        " vijf minuten."
    ),
    "verification_high": (
        "Je kunt schrijven zodra je Discord-account een bevestigd e-mailadres heeft en ouder is dan"
        " vijf minuten, en je langer dan tien minuten lid bent van de server."
    ),
    "verification_very_high": (
        "Je kunt schrijven zodra je Discord-account een bevestigd telefoonnummer heeft."
    ),
    "safety_onboarding": (
        "Als je lid wordt, vraagt Discord je: {questions}. Je antwoorden kiezen de kanalen en "
        "rollen waarmee je begint."
    ),
    "safety_moderators_title": "Moderatie",
    "safety_moderators_mfa": (
        "De server eist dat moderators hun eigen account met tweestapsverificatie beveiligen voordat ze berichten kunnen verwijderen, leden een time-out kunnen geven of iemand kunnen verbannen."
    ),
    "safety_automod_title": "Wat AutoMod tegenhoudt",
    "safety_automod_intro": (
        "AutoMod van Discord controleert elk bericht voordat iemand het ziet, en houdt tegen:"
    ),
    "automod_keywords": "berichten met woorden of zinnen van onze blokkeerlijst",
    "automod_keyword_preset": "berichten met woorden van de lijsten van Discord: {lists}",
    "automod_preset_profanity": "scheldwoorden",
    "automod_preset_sexual_content": "seksuele inhoud",
    "automod_preset_slurs": "beledigingen",
    "automod_spam": "berichten die op spam lijken",
    "automod_mention_spam_one": "berichten die meer dan {count} lid of rol tegelijk noemen",
    "automod_mention_spam_other": "berichten die meer dan {count} leden of rollen tegelijk noemen",
    "automod_member_profile": "namen en profielen met woorden van onze blokkeerlijst",
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": "Wat er in het handboek is veranderd, nieuwste eerst, zoals vastgelegd in git.",
    "changelog_follow": 'Volg het in een feedlezer: <a href="{url}">Atom-feed</a>.',
    "changelog_empty": "Nog geen wijzigingen vastgelegd.",
    "changelog_no_git": "Het wijzigingenoverzicht is leeg: deze site is gebouwd zonder git-geschiedenis.",
    "changelog_shallow": "Gebouwd vanuit een ondiepe git-kloon: oudere wijzigingen staan er niet bij.",
    "changelog_older_title": "Oudere wijzigingen",
    "changelog_year_title": "Wijzigingen in {year}",
    "changelog_year_intro": "Wat er in {year} in het handboek is veranderd, nieuwste eerst, zoals vastgelegd in git.",
    "changelog_recent": "Recente wijzigingen",
    "changelog_other_years": "Andere jaren",
    "label_then": "{label}:",
    "change_added_label": "Toegevoegd",
    "change_updated_label": "Bijgewerkt",
    "change_renamed_label": "Hernoemd",
    "change_removed_label": "Verwijderd",
    "change_channels_label": "Kanalen",
    "removed_since": "(inmiddels verwijderd)",
    "older_changes_one": "{count} oudere wijziging hier niet getoond",
    "older_changes_other": "{count} oudere wijzigingen hier niet getoond",
    "older_in_feed": '{older}; de <a href="{url}">Atom-feed</a> bevat ze allemaal.',
    "feed_title": "{site}: wijzigingen",
    "no_subject": "(geen onderwerp)",
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": "kanaal",
    "channel_word_topic": "onderwerpkanaal",
    "channel_word_prompt": "gesprekskanaal",
    "channel_word_announcement": "aankondigingskanaal",
    "channel_word_voice": "spraakkanaal",
    "channel_word_forum": "forumkanaal",
    "channel_added": "{channel} #{name} toegevoegd",
    "channel_renamed": "#{old} hernoemd naar #{name}",
    "channel_archived": "#{name} gearchiveerd",
    "channel_restored": "#{name} hersteld",
    "channel_removed": "#{name} uit de kanalenkaart verwijderd",
    "private_channel_added": "een besloten {channel} is toegevoegd",
    "private_channel_renamed": "een besloten {channel} is hernoemd",
    "private_channel_archived": "een besloten {channel} is gearchiveerd",
    "private_channel_restored": "een besloten {channel} is hersteld",
    "private_channel_removed": "een besloten {channel} is uit de kanalenkaart verwijderd",
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": (
        "Pagina's die opnieuw gelezen moeten worden, per {today}: eerst de achterstallige, dan die "
        "binnen {within} aan de beurt zijn, dan pagina's zonder controledatum. Zet "
        "`last_reviewed:` in de front matter van een pagina zodra je die opnieuw hebt gelezen."
    ),
    "reviews_overdue": "Achterstallig",
    "reviews_none_overdue": "Geen enkele pagina is achterstallig.",
    "reviews_due_within": "Binnen {within} aan de beurt",
    "reviews_none_due": "Geen enkele pagina is binnen {within} aan de beurt.",
    "reviews_never": "Nooit gecontroleerd",
    "reviews_all_dated": "Elke pagina heeft een controledatum.",
    "reviews_up_to_date": "Actueel",
    "column_page": "Pagina",
    "column_owner": "Eigenaar",
    "column_last_reviewed": "Laatst gecontroleerd",
    "column_due": "Aan de beurt",
    "no_owner": "geen eigenaar",
    "banner_title": "Deze pagina is mogelijk verouderd",
    "banner_due": "Deze pagina had op {date} gecontroleerd moeten worden.",
    "banner_owner": "De eigenaar is {owner}.",
    "banner_no_owner": "Er is geen eigenaar.",
    "duration_days_one": "{count} dag",
    "duration_days_other": "{count} dagen",
    "duration_weeks_one": "{count} week",
    "duration_weeks_other": "{count} weken",
    "duration_months_one": "{count} maand",
    "duration_months_other": "{count} maanden",
    "duration_years_one": "{count} jaar",
    "duration_years_other": "{count} jaar",
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": "Praktijkgemeenschappen dicht bij de onze, en of hun links werkten bij de laatste controle.",
    "communities_checked": "De laatste linkcontrole was op {date}.",
    "communities_unchecked": "Deze links zijn nog niet gecontroleerd.",
    "filter_topic": "Onderwerp",
    "filter_platform": "Platform",
    "filter_all": "alle",
    "communities_shown": "{count} getoond",
    "other_topic": "Overige",
    "other_platform": "overig",
    "cost_free": "gratis",
    "cost_paid": "betaald",
    "join_on_discord": "lid worden op Discord",
    "health": "Status: {health}",
    "health_ok": "werkt",
    "health_redirected": "verhuisd",
    "health_dead": "dood",
    "health_unreachable": "onbereikbaar",
    "health_unchecked": "niet gecontroleerd",
    "moved_to": "verhuisd naar {link}",
    "invite_ok": "uitnodiging geldig",
    "invite_redirected": "uitnodiging doorgestuurd",
    "invite_dead": "uitnodiging verlopen",
    "invite_unreachable": "uitnodiging onbereikbaar",
    "invite_unchecked": "uitnodiging niet gecontroleerd",
    "members_one": "{count} lid",
    "members_other": "{count} leden",
    "online": "{count} online",
    "checked_on": "gecontroleerd op {date}",
    "token_removed": "[token verwijderd]",
    "archived_space": "{space} (gearchiveerd, alleen-lezen)",
    "roles_archived_open": (
        "Gearchiveerde kanalen zijn alleen-lezen, en wie er een kon zien, ziet het nog steeds: "
        "elk lid kan {channels} lezen."
    ),
}

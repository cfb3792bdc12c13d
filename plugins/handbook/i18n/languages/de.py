"""German (Deutsch): the words the plugin writes into a site, translated from
`en.py` key for key; the rules are in `handbook/i18n/catalogue.py`.
"""

from __future__ import annotations

NAME = "Deutsch"
"""The language's name in itself."""

WORDS: dict[str, str] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": "Diskutiere diese Seite in",
    "on_discord": "auf Discord",
    "not_a_member": "Noch kein Mitglied?",
    "join": "{server} beitreten",
    "join_the_server": "Dem Server beitreten",
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": "Letztes Update",
    "history_created": "Erstellt",
    "history_contributors": "Mitwirkende",
    "not_committed": "Noch nicht eingecheckt",
    "uncommitted": "Nicht eingecheckte Änderungen",
    "shallow_unknown": "Verlauf in diesem flachen Klon nicht verfügbar",
    "created_unknown": "Erstellungsdatum unbekannt (flacher Klon)",
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": "Geprüft",
    "reviewed_on": "Geprüft am",
    "reviewed_by": "von",
    # --- page titles ------------------------------------------------------------------------
    "channels_title": "Kanäle",
    "roles_title": "Rollen und Berechtigungen",
    "changelog_title": "Änderungen",
    "reviews_title": "Überprüfungen",
    "communities_title": "Verwandte Communitys",
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": (
        "Die Bereiche des Discord-Servers {server}, in der Reihenfolge, in der Discord sie zeigt, "
        "und wer welchen sehen kann."
    ),
    "channels_intro": (
        "Unsere Discord-Bereiche, in der Reihenfolge, in der Discord sie zeigt, und wer welchen "
        "sehen kann."
    ),
    "private_space_title": "Privater Bereich",
    "private_space_with_one": "Ein privater Bereich mit {count} Kanal.",
    "private_space_with_other": "Ein privater Bereich mit {count} Kanälen.",
    "who_can_see_it": "Sichtbar für: {roles}.",
    "the_roles_it_lists": "die dort genannten Rollen",
    "every_member": "alle Mitglieder",
    "private_channel": "ein privater Kanal",
    "channels_in": "Kanäle in {category}",
    "column_channel": "Kanal",
    "column_kind": "Art",
    "column_channel_purpose": "Wofür er da ist",
    "column_who_can_see_it": "Sichtbar für",
    "kind_topic": "Thema",
    "kind_prompt": "Gespräch",
    "kind_announcement": "Ankündigungen",
    "kind_voice": "Sprache",
    "kind_forum": "Forum",
    "mirrors_pages": "spiegelt die Seiten <code>{category}</code> des Handbuchs",
    "archived_title": "Archiviert",
    "archived_intro": "Schreibgeschützt aufbewahrt, wegen ihres Verlaufs:",
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": "Alle Mitglieder sehen die offenen Bereiche: {spaces}. Rollen geben Zugang zu privaten Bereichen.",
    "open_spaces": "offene Bereiche",
    "a_private_space": "ein privater Bereich",
    "named_private_space": "{name} (privat)",
    "roles_caption": "Rollen, wofür jede da ist und welche Bereiche sie sieht",
    "column_role": "Rolle",
    "column_role_purpose": "Wofür sie da ist",
    "column_spaces": "Sichtbare Bereiche",
    "safety_title": "Wie wir dich schützen",
    "safety_intro_server": (
        "Was der Discord-Server {server} tut, um seine Mitglieder zu schützen, nach der Kanalkarte "
        "des Handbuchs."
    ),
    "safety_intro": (
        "Was unser Discord-Server tut, um seine Mitglieder zu schützen, nach der Kanalkarte des "
        "Handbuchs."
    ),
    "safety_private_title": "Wer welchen privaten Bereich sehen kann",
    "safety_private_intro": (
        "Alle Mitglieder sehen die übrigen Bereiche. Einen privaten Bereich sehen nur die hier "
        "genannten Rollen (und der Eigentümer des Servers, dem Discord alles zeigt)."
    ),
    "safety_no_private": "Der Server hat keine privaten Bereiche: Alle Mitglieder sehen alle Kanäle.",
    "safety_caption": "Private Bereiche und die Rollen, die sie sehen können",
    "column_space": "Bereich",
    "safety_first_title": "Deine ersten Minuten",
    "verification_none": "Du kannst schreiben, sobald du beigetreten bist.",
    "verification_low": "Du kannst schreiben, sobald dein Discord-Konto eine bestätigte E-Mail-Adresse hat.",
    "verification_medium": (
        "Du kannst schreiben, sobald dein Discord-Konto eine bestätigte E-Mail-Adresse hat und "
        "älter als fünf Minuten ist."
    ),
    "verification_high": (
        "Du kannst schreiben, sobald dein Discord-Konto eine bestätigte E-Mail-Adresse hat und "
        "älter als fünf Minuten ist und du seit mehr als zehn Minuten Mitglied des Servers bist."
    ),
    "verification_very_high": (
        "Du kannst schreiben, sobald dein Discord-Konto eine bestätigte Telefonnummer hat."
    ),
    "safety_onboarding": (
        "Wenn du beitrittst, fragt Discord dich: {questions}. Deine Antworten bestimmen die Kanäle "
        "und Rollen, mit denen du beginnst."
    ),
    "safety_moderators_title": "Moderation",
    "safety_moderators_mfa": (
        "Der Server verlangt, dass Moderatorinnen und Moderatoren ihr eigenes Konto mit Zwei-Faktor-Authentifizierung schützen, bevor sie Nachrichten löschen, Mitglieder stummschalten oder jemanden bannen können."
    ),
    "safety_automod_title": "Was AutoMod blockiert",
    "safety_automod_intro": "Discords AutoMod prüft jede Nachricht, bevor jemand sie sieht, und stoppt:",
    "automod_keywords": "Nachrichten mit Wörtern oder Wendungen aus unserer Sperrliste",
    "automod_keyword_preset": "Nachrichten mit Wörtern aus Discords Listen für {lists}",
    "automod_preset_profanity": "Schimpfwörter",
    "automod_preset_sexual_content": "sexuelle Inhalte",
    "automod_preset_slurs": "Beleidigungen",
    "automod_spam": "Nachrichten, die nach Spam aussehen",
    "automod_mention_spam_one": "Nachrichten, die mehr als {count} Mitglied oder Rolle auf einmal erwähnen",
    "automod_mention_spam_other": (
        "Nachrichten, die mehr als {count} Mitglieder oder Rollen auf einmal erwähnen"
    ),
    "automod_member_profile": "Namen und Profile mit Wörtern aus unserer Sperrliste",
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": "Was sich im Handbuch geändert hat, das Neueste zuerst, wie in git festgehalten.",
    "changelog_follow": 'In einem Feedreader folgen: <a href="{url}">Atom-Feed</a>.',
    "changelog_empty": "Noch keine Änderungen festgehalten.",
    "changelog_no_git": "Das Änderungsprotokoll ist leer: Diese Website wurde ohne git-Verlauf erstellt.",
    "changelog_shallow": "Aus einem flachen git-Klon erstellt: Ältere Änderungen fehlen.",
    "changelog_older_title": "Ältere Änderungen",
    "changelog_year_title": "Änderungen {year}",
    "changelog_year_intro": "Was sich {year} im Handbuch geändert hat, das Neueste zuerst, wie in git festgehalten.",
    "changelog_recent": "Neueste Änderungen",
    "changelog_other_years": "Andere Jahre",
    "label_then": "{label}:",
    "change_added_label": "Hinzugefügt",
    "change_updated_label": "Aktualisiert",
    "change_renamed_label": "Umbenannt",
    "change_removed_label": "Entfernt",
    "change_channels_label": "Kanäle",
    "removed_since": "(inzwischen entfernt)",
    "older_changes_one": "{count} ältere Änderung hier nicht gezeigt",
    "older_changes_other": "{count} ältere Änderungen hier nicht gezeigt",
    "older_in_feed": '{older}; der <a href="{url}">Atom-Feed</a> enthält alle.',
    "feed_title": "{site}: Änderungen",
    "no_subject": "(kein Betreff)",
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": "Kanal",
    "channel_word_topic": "Themenkanal",
    "channel_word_prompt": "Gesprächskanal",
    "channel_word_announcement": "Ankündigungskanal",
    "channel_word_voice": "Sprachkanal",
    "channel_word_forum": "Forumkanal",
    "channel_added": "{channel} #{name} hinzugefügt",
    "channel_renamed": "#{old} in #{name} umbenannt",
    "channel_archived": "#{name} archiviert",
    "channel_restored": "#{name} wiederhergestellt",
    "channel_removed": "#{name} aus der Kanalkarte entfernt",
    "private_channel_added": "ein privater {channel} wurde hinzugefügt",
    "private_channel_renamed": "ein privater {channel} wurde umbenannt",
    "private_channel_archived": "ein privater {channel} wurde archiviert",
    "private_channel_restored": "ein privater {channel} wurde wiederhergestellt",
    "private_channel_removed": "ein privater {channel} wurde aus der Kanalkarte entfernt",
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": (
        "Seiten, die erneut gelesen werden sollten, Stand {today}: zuerst überfällige, dann "
        "solche, die innerhalb von {within} fällig werden, dann Seiten ohne Prüfdatum. Setze "
        "`last_reviewed:` im Front Matter einer Seite, wenn du sie erneut gelesen hast."
    ),
    "reviews_overdue": "Überfällig",
    "reviews_none_overdue": "Keine Seite ist überfällig.",
    "reviews_due_within": "Fällig innerhalb von {within}",
    "reviews_none_due": "Keine Seite wird innerhalb von {within} fällig.",
    "reviews_never": "Nie geprüft",
    "reviews_all_dated": "Jede Seite hat ein Prüfdatum.",
    "reviews_up_to_date": "Aktuell",
    "column_page": "Seite",
    "column_owner": "Verantwortlich",
    "column_last_reviewed": "Zuletzt geprüft",
    "column_due": "Fällig",
    "no_owner": "nicht zugewiesen",
    "banner_title": "Diese Seite ist möglicherweise veraltet",
    "banner_due": "Diese Seite hätte am {date} geprüft werden sollen.",
    "banner_owner": "Verantwortlich ist {owner}.",
    "banner_no_owner": "Niemand ist dafür verantwortlich.",
    "duration_days_one": "{count} Tag",
    "duration_days_other": "{count} Tagen",
    "duration_weeks_one": "{count} Woche",
    "duration_weeks_other": "{count} Wochen",
    "duration_months_one": "{count} Monat",
    "duration_months_other": "{count} Monaten",
    "duration_years_one": "{count} Jahr",
    "duration_years_other": "{count} Jahren",
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": (
        "Praxisgemeinschaften in unserer Nähe, und ob ihre Links bei der letzten Prüfung "
        "funktionierten."
    ),
    "communities_checked": "Die letzte Linkprüfung war am {date}.",
    "communities_unchecked": "Diese Links wurden noch nicht geprüft.",
    "filter_topic": "Thema",
    "filter_platform": "Plattform",
    "filter_all": "alle",
    "communities_shown": "{count} angezeigt",
    "other_topic": "Sonstige",
    "other_platform": "sonstige",
    "cost_free": "kostenlos",
    "cost_paid": "kostenpflichtig",
    "join_on_discord": "auf Discord beitreten",
    "health": "Zustand: {health}",
    "health_ok": "erreichbar",
    "health_redirected": "umgezogen",
    "health_dead": "defekt",
    "health_unreachable": "nicht erreichbar",
    "health_unchecked": "nicht geprüft",
    "moved_to": "umgezogen nach {link}",
    "invite_ok": "Einladung gültig",
    "invite_redirected": "Einladung umgeleitet",
    "invite_dead": "Einladung abgelaufen",
    "invite_unreachable": "Einladung nicht erreichbar",
    "invite_unchecked": "Einladung nicht geprüft",
    "members_one": "{count} Mitglied",
    "members_other": "{count} Mitglieder",
    "online": "{count} online",
    "checked_on": "geprüft am {date}",
    "token_removed": "[Token entfernt]",
    "archived_space": "{space} (archiviert, schreibgeschützt)",
    "roles_archived_open": (
        "Archivierte Kanäle sind schreibgeschützt, und wer einen sehen konnte, sieht ihn weiterhin: "
        "Alle Mitglieder können {channels} lesen."
    ),
}

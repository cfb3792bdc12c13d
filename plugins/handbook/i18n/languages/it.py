"""Italian (Italiano): the words the plugin writes into a site, translated from
`en.py` key for key; the rules are in `handbook/i18n/catalogue.py`.
"""

from __future__ import annotations

NAME = "Italiano"
"""The language's name in itself."""

WORDS: dict[str, str] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": "Discuti questa pagina in",
    "on_discord": "su Discord",
    "not_a_member": "Non sei ancora membro?",
    "join": "Unisciti a {server}",
    "join_the_server": "Unisciti al server",
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": "Ultimo aggiornamento",
    "history_created": "Creata",
    "history_contributors": "Contributori",
    "not_committed": "Non ancora registrato in git",
    "uncommitted": "Modifiche non registrate in git",
    "shallow_unknown": "Cronologia non disponibile in questo clone superficiale",
    "created_unknown": "Data di creazione sconosciuta (clone superficiale)",
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": "Rivisto",
    "reviewed_on": "Rivisto il",
    "reviewed_by": "da",
    # --- page titles ------------------------------------------------------------------------
    "channels_title": "Canali",
    "roles_title": "Ruoli e permessi",
    "changelog_title": "Registro delle modifiche",
    "reviews_title": "Revisioni",
    "communities_title": "Comunità affini",
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": (
        "Gli spazi del server Discord {server}, nell'ordine in cui Discord li mostra, e chi può "
        "vedere ciascuno."
    ),
    "channels_intro": "I nostri spazi Discord, nell'ordine in cui Discord li mostra, e chi può vedere ciascuno.",
    "private_space_title": "Spazio privato",
    "private_space_with_one": "Uno spazio privato con {count} canale.",
    "private_space_with_other": "Uno spazio privato con {count} canali.",
    "who_can_see_it": "Visibile a: {roles}.",
    "the_roles_it_lists": "i ruoli che indica",
    "every_member": "tutti i membri",
    "private_channel": "un canale privato",
    "channels_in": "Canali di {category}",
    "column_channel": "Canale",
    "column_kind": "Tipo",
    "column_channel_purpose": "A cosa serve",
    "column_who_can_see_it": "Visibile a",
    "kind_topic": "argomento",
    "kind_prompt": "conversazione",
    "kind_announcement": "annunci",
    "kind_voice": "vocale",
    "kind_forum": "forum",
    "mirrors_pages": "rispecchia le pagine <code>{category}</code> del manuale",
    "archived_title": "Archiviati",
    "archived_intro": "Conservati in sola lettura per la loro cronologia:",
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": "Tutti i membri vedono gli spazi aperti: {spaces}. I ruoli danno accesso agli spazi privati.",
    "open_spaces": "spazi aperti",
    "a_private_space": "uno spazio privato",
    "named_private_space": "{name} (privato)",
    "roles_caption": "I ruoli, a cosa serve ciascuno e gli spazi che vede",
    "column_role": "Ruolo",
    "column_role_purpose": "A cosa serve",
    "column_spaces": "Spazi visibili",
    "safety_title": "Come ti proteggiamo",
    "safety_intro_server": (
        "Che cosa fa il server Discord {server} per proteggere i suoi membri, secondo la mappa dei "
        "canali del manuale."
    ),
    "safety_intro": (
        "Che cosa fa il nostro server Discord per proteggere i suoi membri, secondo la mappa dei "
        "canali del manuale."
    ),
    "safety_private_title": "Chi può vedere ogni spazio privato",
    "safety_private_intro": (
        "Tutti i membri vedono gli altri spazi. Uno spazio privato è visto solo dai ruoli indicati "
        "qui (e dal proprietario del server, a cui Discord mostra tutto)."
    ),
    "safety_no_private": "Il server non ha spazi privati: tutti i membri vedono tutti i canali.",
    "safety_caption": "Gli spazi privati e i ruoli che possono vederli",
    "column_space": "Spazio",
    "safety_first_title": "I tuoi primi minuti",
    "verification_none": "Puoi scrivere appena ti unisci.",
    "verification_low": "Puoi scrivere quando il tuo account Discord ha un indirizzo e-mail verificato.",
    "verification_medium": (
        "Puoi scrivere quando il tuo account Discord ha un indirizzo e-mail verificato ed esiste da"
        " più di cinque minuti."
    ),
    "verification_high": (
        "Puoi scrivere quando il tuo account Discord ha un indirizzo e-mail verificato ed esiste da"
        " più di cinque minuti, e sei membro del server da più di dieci minuti."
    ),
    "verification_very_high": (
        "Puoi scrivere quando il tuo account Discord ha un numero di telefono verificato."
    ),
    "safety_onboarding": (
        "Quando ti unisci, Discord ti chiede: {questions}. Le tue risposte scelgono i canali e i "
        "ruoli con cui inizi."
    ),
    "safety_moderators_title": "Moderazione",
    "safety_moderators_mfa": (
        "Il server richiede che i moderatori proteggano il proprio account con l’autenticazione a due fattori prima di poter eliminare messaggi, mettere in timeout i membri o bannare qualcuno."
    ),
    "safety_automod_title": "Che cosa blocca AutoMod",
    "safety_automod_intro": (
        "AutoMod, lo strumento di Discord, controlla ogni messaggio prima che qualcuno lo veda, e "
        "ferma:"
    ),
    "automod_keywords": "i messaggi con parole o frasi della nostra lista di blocco",
    "automod_keyword_preset": "i messaggi con parole degli elenchi di Discord: {lists}",
    "automod_preset_profanity": "parolacce",
    "automod_preset_sexual_content": "contenuti sessuali",
    "automod_preset_slurs": "insulti",
    "automod_spam": "i messaggi che sembrano spam",
    "automod_mention_spam_one": "i messaggi che menzionano più di {count} membro o ruolo alla volta",
    "automod_mention_spam_other": "i messaggi che menzionano più di {count} membri o ruoli alla volta",
    "automod_member_profile": "i nomi e i profili con parole della nostra lista di blocco",
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": "Cosa è cambiato nel manuale, a partire dal più recente, come registrato in git.",
    "changelog_follow": 'Seguilo in un lettore di feed: <a href="{url}">feed Atom</a>.',
    "changelog_empty": "Nessuna modifica registrata finora.",
    "changelog_no_git": "Il registro delle modifiche è vuoto: questo sito è stato generato senza la cronologia git.",
    "changelog_shallow": "Generato da un clone git superficiale: le modifiche meno recenti non sono elencate.",
    "changelog_older_title": "Modifiche meno recenti",
    "changelog_year_title": "Registro delle modifiche {year}",
    "changelog_year_intro": "Cosa è cambiato nel manuale nel {year}, a partire dal più recente, come registrato in git.",
    "changelog_recent": "Modifiche recenti",
    "changelog_other_years": "Altri anni",
    "label_then": "{label}:",
    "change_added_label": "Aggiunto",
    "change_updated_label": "Aggiornato",
    "change_renamed_label": "Rinominato",
    "change_removed_label": "Rimosso",
    "change_channels_label": "Canali",
    "removed_since": "(rimossa nel frattempo)",
    "older_changes_one": "{count} modifica meno recente non mostrata qui",
    "older_changes_other": "{count} modifiche meno recenti non mostrate qui",
    "older_in_feed": '{older}; il <a href="{url}">feed Atom</a> le contiene tutte.',
    "feed_title": "{site}: modifiche",
    "no_subject": "(nessun oggetto)",
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": "canale",
    "channel_word_topic": "canale tematico",
    "channel_word_prompt": "canale di conversazione",
    "channel_word_announcement": "canale di annunci",
    "channel_word_voice": "canale vocale",
    "channel_word_forum": "canale forum",
    "channel_added": "{channel} #{name} aggiunto",
    "channel_renamed": "#{old} rinominato in #{name}",
    "channel_archived": "#{name} archiviato",
    "channel_restored": "#{name} ripristinato",
    "channel_removed": "#{name} rimosso dalla mappa dei canali",
    "private_channel_added": "è stato aggiunto un {channel} privato",
    "private_channel_renamed": "è stato rinominato un {channel} privato",
    "private_channel_archived": "è stato archiviato un {channel} privato",
    "private_channel_restored": "è stato ripristinato un {channel} privato",
    "private_channel_removed": "è stato rimosso dalla mappa dei canali un {channel} privato",
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": (
        "Pagine da rileggere, al {today}: prima quelle in ritardo, poi quelle in scadenza entro "
        "{within}, poi le pagine senza data di revisione. Imposta `last_reviewed:` nel front "
        "matter di una pagina quando l'hai riletta."
    ),
    "reviews_overdue": "In ritardo",
    "reviews_none_overdue": "Nessuna pagina è in ritardo.",
    "reviews_due_within": "In scadenza entro {within}",
    "reviews_none_due": "Nessuna pagina scade entro {within}.",
    "reviews_never": "Mai revisionate",
    "reviews_all_dated": "Ogni pagina ha una data di revisione.",
    "reviews_up_to_date": "Aggiornate",
    "column_page": "Pagina",
    "column_owner": "Responsabile",
    "column_last_reviewed": "Ultima revisione",
    "column_due": "Scadenza",
    "no_owner": "nessun responsabile",
    "banner_title": "Questa pagina potrebbe non essere aggiornata",
    "banner_due": "Questa pagina doveva essere rivista il {date}.",
    "banner_owner": "Il responsabile è {owner}.",
    "banner_no_owner": "Non ha un responsabile.",
    "duration_days_one": "{count} giorno",
    "duration_days_other": "{count} giorni",
    "duration_weeks_one": "{count} settimana",
    "duration_weeks_other": "{count} settimane",
    "duration_months_one": "{count} mese",
    "duration_months_other": "{count} mesi",
    "duration_years_one": "{count} anno",
    "duration_years_other": "{count} anni",
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": (
        "Comunità di pratica vicine alla nostra, e se i loro link funzionavano all'ultimo "
        "controllo."
    ),
    "communities_checked": "L'ultimo controllo dei link è stato il {date}.",
    "communities_unchecked": "Questi link non sono ancora stati controllati.",
    "filter_topic": "Argomento",
    "filter_platform": "Piattaforma",
    "filter_all": "tutte",
    "communities_shown": "{count} mostrate",
    "other_topic": "Altre",
    "other_platform": "altra",
    "cost_free": "gratuito",
    "cost_paid": "a pagamento",
    "join_on_discord": "unisciti su Discord",
    "health": "Stato: {health}",
    "health_ok": "attivo",
    "health_redirected": "spostato",
    "health_dead": "non funzionante",
    "health_unreachable": "irraggiungibile",
    "health_unchecked": "non controllato",
    "moved_to": "spostato su {link}",
    "invite_ok": "invito valido",
    "invite_redirected": "invito reindirizzato",
    "invite_dead": "invito scaduto",
    "invite_unreachable": "invito irraggiungibile",
    "invite_unchecked": "invito non controllato",
    "members_one": "{count} membro",
    "members_other": "{count} membri",
    "online": "{count} online",
    "checked_on": "controllato il {date}",
    "token_removed": "[token rimosso]",
    "archived_space": "{space} (archiviato, sola lettura)",
    "roles_archived_open": (
        "I canali archiviati sono di sola lettura e chi poteva vederne uno lo vede ancora: "
        "ogni membro può leggere {channels}."
    ),
}

"""French (Français): the words the plugin writes into a site, translated from
`en.py` key for key; the rules are in `handbook/i18n/catalogue.py`.
"""

from __future__ import annotations

NAME = "Français"
"""The language's name in itself."""

WORDS: dict[str, str] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": "Discuter de cette page dans",
    "on_discord": "sur Discord",
    "not_a_member": "Pas encore membre ?",
    "join": "Rejoindre {server}",
    "join_the_server": "Rejoindre le serveur",
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": "Dernière mise à jour",
    "history_created": "Créé",
    "history_contributors": "Contributeurs",
    "not_committed": "Pas encore enregistré dans git",
    "uncommitted": "Modifications non enregistrées dans git",
    "shallow_unknown": "Historique indisponible dans ce clone superficiel",
    "created_unknown": "Date de création inconnue (clone superficiel)",
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": "Relu",
    "reviewed_on": "Relu le",
    "reviewed_by": "par",
    # --- page titles ------------------------------------------------------------------------
    "channels_title": "Salons",
    "roles_title": "Rôles et permissions",
    "changelog_title": "Journal des modifications",
    "reviews_title": "Relectures",
    "communities_title": "Communautés proches",
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": (
        "Les espaces du serveur Discord {server}, dans l'ordre où Discord les affiche, et qui peut "
        "voir chacun d'eux."
    ),
    "channels_intro": "Nos espaces Discord, dans l'ordre où Discord les affiche, et qui peut voir chacun d'eux.",
    "private_space_title": "Espace privé",
    "private_space_with_one": "Un espace privé avec {count} salon.",
    "private_space_with_other": "Un espace privé avec {count} salons.",
    "who_can_see_it": "Visible par : {roles}.",
    "the_roles_it_lists": "les rôles qu'il indique",
    "every_member": "tous les membres",
    "private_channel": "un salon privé",
    "channels_in": "Salons de {category}",
    "column_channel": "Salon",
    "column_kind": "Type",
    "column_channel_purpose": "À quoi il sert",
    "column_who_can_see_it": "Visible par",
    "kind_topic": "thématique",
    "kind_prompt": "discussion",
    "kind_announcement": "annonces",
    "kind_voice": "vocal",
    "kind_forum": "forum",
    "mirrors_pages": "reflète les pages <code>{category}</code> du manuel",
    "archived_title": "Archivés",
    "archived_intro": "Conservés en lecture seule pour leur historique :",
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": (
        "Tous les membres voient les espaces ouverts : {spaces}. Les rôles donnent accès aux "
        "espaces privés."
    ),
    "open_spaces": "espaces ouverts",
    "a_private_space": "un espace privé",
    "named_private_space": "{name} (privé)",
    "roles_caption": "Les rôles, à quoi chacun sert et les espaces qu'il voit",
    "column_role": "Rôle",
    "column_role_purpose": "À quoi il sert",
    "column_spaces": "Espaces visibles",
    "safety_title": "Comment nous vous protégeons",
    "safety_intro_server": (
        "Ce que fait le serveur Discord {server} pour protéger ses membres, d'après la carte des "
        "salons du manuel."
    ),
    "safety_intro": (
        "Ce que fait notre serveur Discord pour protéger ses membres, d'après la carte des salons "
        "du manuel."
    ),
    "safety_private_title": "Qui peut voir chaque espace privé",
    "safety_private_intro": (
        "Tous les membres voient les autres espaces. Un espace privé n'est vu que par les rôles "
        "indiqués ici (et par le propriétaire du serveur, à qui Discord montre tout)."
    ),
    "safety_no_private": "Le serveur n'a pas d'espace privé : tous les membres voient tous les salons.",
    "safety_caption": "Les espaces privés et les rôles qui peuvent les voir",
    "column_space": "Espace",
    "safety_first_title": "Vos premières minutes",
    "verification_none": "Vous pouvez écrire dès que vous avez rejoint le serveur.",
    "verification_low": "Vous pouvez écrire dès que votre compte Discord a une adresse e-mail vérifiée.",
    "verification_medium": (
        "Vous pouvez écrire dès que votre compte Discord a une adresse e-mail vérifiée et existe "
        "depuis plus de cinq minutes."
    ),
    "verification_high": (
        "Vous pouvez écrire dès que votre compte Discord a une adresse e-mail vérifiée et existe "
        "depuis plus de cinq minutes, et que vous êtes membre du serveur depuis plus de dix "
        "minutes."
    ),
    "verification_very_high": (
        "Vous pouvez écrire dès que votre compte Discord a un numéro de téléphone vérifié."
    ),
    "safety_onboarding": (
        "Quand vous rejoignez le serveur, Discord vous demande : {questions}. Vos réponses "
        "choisissent les salons et les rôles avec lesquels vous commencez."
    ),
    "safety_moderators_title": "Modération",
    "safety_moderators_mfa": (
        "Le serveur exige que les modérateurs protègent leur propre compte par l’authentification à deux facteurs avant de pouvoir supprimer des messages, exclure temporairement des membres ou bannir quelqu’un."
    ),
    "safety_automod_title": "Ce que bloque AutoMod",
    "safety_automod_intro": (
        "AutoMod, l'outil de Discord, vérifie chaque message avant que quiconque le voie, et arrête"
        " :"
    ),
    "automod_keywords": "les messages contenant des mots ou des expressions de notre liste de blocage",
    "automod_keyword_preset": "les messages contenant des mots des listes de Discord : {lists}",
    "automod_preset_profanity": "grossièretés",
    "automod_preset_sexual_content": "contenu sexuel",
    "automod_preset_slurs": "insultes",
    "automod_spam": "les messages qui ressemblent à du spam",
    "automod_mention_spam_one": "les messages qui mentionnent plus de {count} membre ou rôle à la fois",
    "automod_mention_spam_other": "les messages qui mentionnent plus de {count} membres ou rôles à la fois",
    "automod_member_profile": "les noms et profils contenant des mots de notre liste de blocage",
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": "Ce qui a changé dans le manuel, du plus récent au plus ancien, d'après git.",
    "changelog_follow": 'Suivez-le dans un lecteur de flux : <a href="{url}">flux Atom</a>.',
    "changelog_empty": "Aucune modification enregistrée pour l'instant.",
    "changelog_no_git": "Le journal des modifications est vide : ce site a été construit sans l'historique git.",
    "changelog_shallow": (
        "Construit à partir d'un clone git superficiel : les modifications plus anciennes ne sont "
        "pas listées."
    ),
    "changelog_older_title": "Modifications plus anciennes",
    "changelog_year_title": "Journal des modifications {year}",
    "changelog_year_intro": "Ce qui a changé dans le manuel en {year}, du plus récent au plus ancien, d'après git.",
    "changelog_recent": "Modifications récentes",
    "changelog_other_years": "Autres années",
    "label_then": "{label}\xa0:",
    "change_added_label": "Ajouté",
    "change_updated_label": "Mis à jour",
    "change_renamed_label": "Renommé",
    "change_removed_label": "Supprimé",
    "change_channels_label": "Salons",
    "removed_since": "(supprimée depuis)",
    "older_changes_one": "{count} modification plus ancienne non affichée ici",
    "older_changes_other": "{count} modifications plus anciennes non affichées ici",
    "older_in_feed": '{older} ; le <a href="{url}">flux Atom</a> les contient toutes.',
    "feed_title": "{site} : modifications",
    "no_subject": "(sans objet)",
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": "salon",
    "channel_word_topic": "salon thématique",
    "channel_word_prompt": "salon de discussion",
    "channel_word_announcement": "salon d'annonces",
    "channel_word_voice": "salon vocal",
    "channel_word_forum": "salon forum",
    "channel_added": "{channel} #{name} ajouté",
    "channel_renamed": "#{old} renommé en #{name}",
    "channel_archived": "#{name} archivé",
    "channel_restored": "#{name} restauré",
    "channel_removed": "#{name} retiré de la carte des salons",
    "private_channel_added": "un {channel} privé a été ajouté",
    "private_channel_renamed": "un {channel} privé a été renommé",
    "private_channel_archived": "un {channel} privé a été archivé",
    "private_channel_restored": "un {channel} privé a été restauré",
    "private_channel_removed": "un {channel} privé a été retiré de la carte des salons",
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": (
        "Pages à relire, au {today} : d'abord celles en retard, puis celles à relire d'ici "
        "{within}, puis les pages sans date de relecture. Indiquez `last_reviewed:` dans le front "
        "matter d'une page quand vous l'avez relue."
    ),
    "reviews_overdue": "En retard",
    "reviews_none_overdue": "Aucune page n'est en retard.",
    "reviews_due_within": "À relire d'ici {within}",
    "reviews_none_due": "Aucune page n'est à relire d'ici {within}.",
    "reviews_never": "Jamais relues",
    "reviews_all_dated": "Chaque page a une date de relecture.",
    "reviews_up_to_date": "À jour",
    "column_page": "Page",
    "column_owner": "Responsable",
    "column_last_reviewed": "Dernière relecture",
    "column_due": "Échéance",
    "no_owner": "aucun responsable",
    "banner_title": "Cette page n'est peut-être plus à jour",
    "banner_due": "Cette page devait être relue le {date}.",
    "banner_owner": "Son responsable est {owner}.",
    "banner_no_owner": "Elle n'a pas de responsable.",
    "duration_days_one": "{count} jour",
    "duration_days_other": "{count} jours",
    "duration_weeks_one": "{count} semaine",
    "duration_weeks_other": "{count} semaines",
    "duration_months_one": "{count} mois",
    "duration_months_other": "{count} mois",
    "duration_years_one": "{count} an",
    "duration_years_other": "{count} ans",
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": (
        "Des communautés de pratique proches de la nôtre, et si leurs liens fonctionnaient lors de "
        "la dernière vérification."
    ),
    "communities_checked": "La dernière vérification des liens date du {date}.",
    "communities_unchecked": "Ces liens n'ont pas encore été vérifiés.",
    "filter_topic": "Sujet",
    "filter_platform": "Plateforme",
    "filter_all": "toutes",
    "communities_shown": "{count} affichées",
    "other_topic": "Autres",
    "other_platform": "autre",
    "cost_free": "gratuit",
    "cost_paid": "payant",
    "join_on_discord": "rejoindre sur Discord",
    "health": "État : {health}",
    "health_ok": "en ligne",
    "health_redirected": "déplacé",
    "health_dead": "mort",
    "health_unreachable": "injoignable",
    "health_unchecked": "non vérifié",
    "moved_to": "déplacé vers {link}",
    "invite_ok": "invitation valide",
    "invite_redirected": "invitation redirigée",
    "invite_dead": "invitation expirée",
    "invite_unreachable": "invitation injoignable",
    "invite_unchecked": "invitation non vérifiée",
    "members_one": "{count} membre",
    "members_other": "{count} membres",
    "online": "{count} en ligne",
    "checked_on": "vérifié le {date}",
    "token_removed": "[jeton supprimé]",
    "archived_space": "{space} (archivé, en lecture seule)",
    "roles_archived_open": (
        "Les salons archivés sont en lecture seule, et qui pouvait en voir un le voit toujours : "
        "chaque membre peut lire {channels}."
    ),
}

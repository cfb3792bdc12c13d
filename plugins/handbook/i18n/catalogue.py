"""Every word the plugin writes into a site, in every language it speaks.

One entry per text: its key, then one column per language of `LANGUAGES`. To add a language, add
its code to `LANGUAGES` and its column to every entry (tests/site/test_site_languages.py fails
while one is missing). Rules for a translation:

- `{name}` placeholders are filled in by the code (already escaped): keep each one, move it where
  the language wants it.
- Keep the Markdown and HTML exactly as in English (`<a href="{url}">`, backticks, `<code>`).
- Keys ending in `_one` / `_other` are plural forms, chosen with Babel's plural rules for the
  language (French says "0 modification", English "0 changes").
- "Discord", "git", "Atom" and product names stay as they are.
- Duration words (`duration_*`) always follow "within" (German: "innerhalb von"), so German
  uses the dative ("6 Monaten").
"""

from __future__ import annotations

LANGUAGES = ("en", "de", "fr", "es", "nl", "pt", "it")

STRINGS: dict[str, dict[str, str]] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": {
        "en": "Discuss this page in", "de": "Diskutiere diese Seite in", "fr": "Discuter de cette page dans",
        "es": "Comenta esta página en", "nl": "Bespreek deze pagina in", "pt": "Discuta esta página em",
        "it": "Discuti questa pagina in",
    },
    "on_discord": {
        "en": "on Discord", "de": "auf Discord", "fr": "sur Discord", "es": "en Discord", "nl": "op Discord",
        "pt": "no Discord", "it": "su Discord",
    },
    "not_a_member": {
        "en": "Not a member yet?", "de": "Noch kein Mitglied?", "fr": "Pas encore membre ?",
        "es": "¿Aún no eres miembro?", "nl": "Nog geen lid?", "pt": "Ainda não é membro?",
        "it": "Non sei ancora membro?",
    },
    "join": {
        "en": "Join {server}", "de": "{server} beitreten", "fr": "Rejoindre {server}", "es": "Unirse a {server}",
        "nl": "Word lid van {server}", "pt": "Entrar em {server}", "it": "Unisciti a {server}",
    },
    "join_the_server": {
        "en": "Join the server", "de": "Dem Server beitreten", "fr": "Rejoindre le serveur",
        "es": "Unirse al servidor", "nl": "Word lid van de server", "pt": "Entrar no servidor",
        "it": "Unisciti al server",
    },
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": {
        "en": "Last update", "de": "Letztes Update", "fr": "Dernière mise à jour", "es": "Última actualización",
        "nl": "Laatst geüpdatet", "pt": "Última atualização", "it": "Ultimo aggiornamento",
    },
    "history_created": {
        "en": "Created", "de": "Erstellt", "fr": "Créé", "es": "Creado", "nl": "Gecreëerd", "pt": "Criada",
        "it": "Creata",
    },
    "history_contributors": {
        "en": "Contributors", "de": "Mitwirkende", "fr": "Contributeurs", "es": "Contribuidores",
        "nl": "Bijdragers", "pt": "Colaboradores", "it": "Contributori",
    },
    "not_committed": {
        "en": "Not yet committed", "de": "Noch nicht eingecheckt", "fr": "Pas encore enregistré dans git",
        "es": "Aún no confirmado en git", "nl": "Nog niet gecommit", "pt": "Ainda não registrado no git",
        "it": "Non ancora registrato in git",
    },
    "uncommitted": {
        "en": "Uncommitted changes", "de": "Nicht eingecheckte Änderungen",
        "fr": "Modifications non enregistrées dans git", "es": "Cambios sin confirmar",
        "nl": "Niet-gecommitte wijzigingen", "pt": "Alterações não registradas no git",
        "it": "Modifiche non registrate in git",
    },
    "shallow_unknown": {
        "en": "History not available in this shallow clone",
        "de": "Verlauf in diesem flachen Klon nicht verfügbar",
        "fr": "Historique indisponible dans ce clone superficiel",
        "es": "Historial no disponible en este clon superficial",
        "nl": "Geschiedenis niet beschikbaar in deze ondiepe kloon",
        "pt": "Histórico indisponível neste clone raso",
        "it": "Cronologia non disponibile in questo clone superficiale",
    },
    "created_unknown": {
        "en": "Creation date unknown (shallow clone)", "de": "Erstellungsdatum unbekannt (flacher Klon)",
        "fr": "Date de création inconnue (clone superficiel)",
        "es": "Fecha de creación desconocida (clon superficial)", "nl": "Aanmaakdatum onbekend (ondiepe kloon)",
        "pt": "Data de criação desconhecida (clone raso)", "it": "Data di creazione sconosciuta (clone superficiale)",
    },
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": {
        "en": "Reviewed", "de": "Geprüft", "fr": "Relu", "es": "Revisado", "nl": "Gecontroleerd",
        "pt": "Revisado", "it": "Rivisto",
    },
    "reviewed_on": {
        "en": "Reviewed on", "de": "Geprüft am", "fr": "Relu le", "es": "Revisado el", "nl": "Gecontroleerd op",
        "pt": "Revisado em", "it": "Rivisto il",
    },
    "reviewed_by": {
        "en": "by", "de": "von", "fr": "par", "es": "por", "nl": "door", "pt": "por", "it": "da",
    },
    # --- page titles ------------------------------------------------------------------------
    "channels_title": {
        "en": "Channels", "de": "Kanäle", "fr": "Salons", "es": "Canales", "nl": "Kanalen", "pt": "Canais",
        "it": "Canali",
    },
    "roles_title": {
        "en": "Roles and permissions", "de": "Rollen und Berechtigungen", "fr": "Rôles et permissions",
        "es": "Roles y permisos", "nl": "Rollen en rechten", "pt": "Cargos e permissões", "it": "Ruoli e permessi",
    },
    "changelog_title": {
        "en": "Changelog", "de": "Änderungen", "fr": "Journal des modifications", "es": "Registro de cambios",
        "nl": "Wijzigingen", "pt": "Registro de alterações", "it": "Registro delle modifiche",
    },
    "reviews_title": {
        "en": "Reviews", "de": "Überprüfungen", "fr": "Relectures", "es": "Revisiones", "nl": "Controles",
        "pt": "Revisões", "it": "Revisioni",
    },
    "communities_title": {
        "en": "Related communities", "de": "Verwandte Communitys", "fr": "Communautés proches",
        "es": "Comunidades afines", "nl": "Verwante community's", "pt": "Comunidades relacionadas",
        "it": "Comunità affini",
    },
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": {
        "en": "The spaces of the {server} Discord server, in the order Discord shows them, and who can see each one.",
        "de": "Die Bereiche des Discord-Servers {server}, in der Reihenfolge, in der Discord sie zeigt, "
              "und wer welchen sehen kann.",
        "fr": "Les espaces du serveur Discord {server}, dans l'ordre où Discord les affiche, "
              "et qui peut voir chacun d'eux.",
        "es": "Los espacios del servidor de Discord {server}, en el orden en que Discord los muestra, "
              "y quién puede ver cada uno.",
        "nl": "De ruimtes van de Discord-server {server}, in de volgorde waarin Discord ze toont, "
              "en wie elke ruimte kan zien.",
        "pt": "Os espaços do servidor {server} no Discord, na ordem em que o Discord os mostra, "
              "e quem pode ver cada um.",
        "it": "Gli spazi del server Discord {server}, nell'ordine in cui Discord li mostra, "
              "e chi può vedere ciascuno.",
    },
    "channels_intro": {
        "en": "Our Discord spaces, in the order Discord shows them, and who can see each one.",
        "de": "Unsere Discord-Bereiche, in der Reihenfolge, in der Discord sie zeigt, und wer welchen sehen kann.",
        "fr": "Nos espaces Discord, dans l'ordre où Discord les affiche, et qui peut voir chacun d'eux.",
        "es": "Nuestros espacios de Discord, en el orden en que Discord los muestra, y quién puede ver cada uno.",
        "nl": "Onze Discord-ruimtes, in de volgorde waarin Discord ze toont, en wie elke ruimte kan zien.",
        "pt": "Nossos espaços no Discord, na ordem em que o Discord os mostra, e quem pode ver cada um.",
        "it": "I nostri spazi Discord, nell'ordine in cui Discord li mostra, e chi può vedere ciascuno.",
    },
    "private_space_title": {
        "en": "Private space", "de": "Privater Bereich", "fr": "Espace privé", "es": "Espacio privado",
        "nl": "Besloten ruimte", "pt": "Espaço privado", "it": "Spazio privato",
    },
    "private_space_with_one": {
        "en": "A private space with {count} channel.", "de": "Ein privater Bereich mit {count} Kanal.",
        "fr": "Un espace privé avec {count} salon.", "es": "Un espacio privado con {count} canal.",
        "nl": "Een besloten ruimte met {count} kanaal.", "pt": "Um espaço privado com {count} canal.",
        "it": "Uno spazio privato con {count} canale.",
    },
    "private_space_with_other": {
        "en": "A private space with {count} channels.", "de": "Ein privater Bereich mit {count} Kanälen.",
        "fr": "Un espace privé avec {count} salons.", "es": "Un espacio privado con {count} canales.",
        "nl": "Een besloten ruimte met {count} kanalen.", "pt": "Um espaço privado com {count} canais.",
        "it": "Uno spazio privato con {count} canali.",
    },
    "who_can_see_it": {
        "en": "Who can see it: {roles}.", "de": "Sichtbar für: {roles}.", "fr": "Visible par : {roles}.",
        "es": "Visible para: {roles}.", "nl": "Zichtbaar voor: {roles}.", "pt": "Visível para: {roles}.",
        "it": "Visibile a: {roles}.",
    },
    "the_roles_it_lists": {
        "en": "the roles it lists", "de": "die dort genannten Rollen", "fr": "les rôles qu'il indique",
        "es": "los roles que indica", "nl": "de rollen die erbij staan", "pt": "os cargos que indica",
        "it": "i ruoli che indica",
    },
    "every_member": {
        "en": "every member", "de": "alle Mitglieder", "fr": "tous les membres", "es": "todos los miembros",
        "nl": "alle leden", "pt": "todos os membros", "it": "tutti i membri",
    },
    "private_channel": {
        "en": "a private channel", "de": "ein privater Kanal", "fr": "un salon privé", "es": "un canal privado",
        "nl": "een besloten kanaal", "pt": "um canal privado", "it": "un canale privato",
    },
    "channels_in": {
        "en": "Channels in {category}", "de": "Kanäle in {category}", "fr": "Salons de {category}",
        "es": "Canales de {category}", "nl": "Kanalen in {category}", "pt": "Canais de {category}",
        "it": "Canali di {category}",
    },
    "column_channel": {
        "en": "Channel", "de": "Kanal", "fr": "Salon", "es": "Canal", "nl": "Kanaal", "pt": "Canal", "it": "Canale",
    },
    "column_kind": {
        "en": "Kind", "de": "Art", "fr": "Type", "es": "Tipo", "nl": "Soort", "pt": "Tipo", "it": "Tipo",
    },
    "column_channel_purpose": {
        "en": "What it is for", "de": "Wofür er da ist", "fr": "À quoi il sert", "es": "Para qué sirve",
        "nl": "Waarvoor het is", "pt": "Para que serve", "it": "A cosa serve",
    },
    "column_who_can_see_it": {
        "en": "Who can see it", "de": "Sichtbar für", "fr": "Visible par", "es": "Visible para",
        "nl": "Zichtbaar voor", "pt": "Visível para", "it": "Visibile a",
    },
    "kind_topic": {
        "en": "topic", "de": "Thema", "fr": "thématique", "es": "tema", "nl": "onderwerp", "pt": "tópico",
        "it": "argomento",
    },
    "kind_prompt": {
        "en": "prompt", "de": "Gespräch", "fr": "discussion", "es": "conversación", "nl": "gesprek",
        "pt": "conversa", "it": "conversazione",
    },
    "kind_announcement": {
        "en": "announcements", "de": "Ankündigungen", "fr": "annonces", "es": "anuncios", "nl": "aankondigingen",
        "pt": "anúncios", "it": "annunci",
    },
    "kind_voice": {
        "en": "voice", "de": "Sprache", "fr": "vocal", "es": "voz", "nl": "spraak", "pt": "voz", "it": "vocale",
    },
    "kind_forum": {
        "en": "forum", "de": "Forum", "fr": "forum", "es": "foro", "nl": "forum", "pt": "fórum", "it": "forum",
    },
    "mirrors_pages": {
        "en": "mirrors the handbook's <code>{category}</code> pages",
        "de": "spiegelt die Seiten <code>{category}</code> des Handbuchs",
        "fr": "reflète les pages <code>{category}</code> du manuel",
        "es": "refleja las páginas <code>{category}</code> del manual",
        "nl": "volgt de pagina's <code>{category}</code> van het handboek",
        "pt": "espelha as páginas <code>{category}</code> do manual",
        "it": "rispecchia le pagine <code>{category}</code> del manuale",
    },
    "archived_title": {
        "en": "Archived", "de": "Archiviert", "fr": "Archivés", "es": "Archivados", "nl": "Gearchiveerd",
        "pt": "Arquivados", "it": "Archiviati",
    },
    "archived_intro": {
        "en": "Kept read-only for their history:", "de": "Schreibgeschützt aufbewahrt, wegen ihres Verlaufs:",
        "fr": "Conservés en lecture seule pour leur historique :",
        "es": "Se conservan en solo lectura por su historial:",
        "nl": "Alleen-lezen bewaard vanwege hun geschiedenis:", "pt": "Mantidos somente leitura pelo seu histórico:",
        "it": "Conservati in sola lettura per la loro cronologia:",
    },
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": {
        "en": "Every member can see the open spaces: {spaces}. Roles add access to private spaces.",
        "de": "Alle Mitglieder sehen die offenen Bereiche: {spaces}. Rollen geben Zugang zu privaten Bereichen.",
        "fr": "Tous les membres voient les espaces ouverts : {spaces}. Les rôles donnent accès aux espaces privés.",
        "es": "Todos los miembros ven los espacios abiertos: {spaces}. Los roles dan acceso a los espacios privados.",
        "nl": "Alle leden zien de open ruimtes: {spaces}. Rollen geven toegang tot besloten ruimtes.",
        "pt": "Todos os membros veem os espaços abertos: {spaces}. Os cargos dão acesso aos espaços privados.",
        "it": "Tutti i membri vedono gli spazi aperti: {spaces}. I ruoli danno accesso agli spazi privati.",
    },
    "open_spaces": {
        "en": "open spaces", "de": "offene Bereiche", "fr": "espaces ouverts", "es": "espacios abiertos",
        "nl": "open ruimtes", "pt": "espaços abertos", "it": "spazi aperti",
    },
    "a_private_space": {
        "en": "a private space", "de": "ein privater Bereich", "fr": "un espace privé", "es": "un espacio privado",
        "nl": "een besloten ruimte", "pt": "um espaço privado", "it": "uno spazio privato",
    },
    "named_private_space": {
        "en": "{name} (private)", "de": "{name} (privat)", "fr": "{name} (privé)", "es": "{name} (privado)",
        "nl": "{name} (besloten)", "pt": "{name} (privado)", "it": "{name} (privato)",
    },
    "roles_caption": {
        "en": "Roles, what each is for and the spaces it can see",
        "de": "Rollen, wofür jede da ist und welche Bereiche sie sieht",
        "fr": "Les rôles, à quoi chacun sert et les espaces qu'il voit",
        "es": "Los roles, para qué sirve cada uno y los espacios que ve",
        "nl": "Rollen, waarvoor elke rol is en welke ruimtes die ziet",
        "pt": "Os cargos, para que serve cada um e os espaços que vê",
        "it": "I ruoli, a cosa serve ciascuno e gli spazi che vede",
    },
    "column_role": {
        "en": "Role", "de": "Rolle", "fr": "Rôle", "es": "Rol", "nl": "Rol", "pt": "Cargo", "it": "Ruolo",
    },
    "column_role_purpose": {
        "en": "What it is for", "de": "Wofür sie da ist", "fr": "À quoi il sert", "es": "Para qué sirve",
        "nl": "Waarvoor deze is", "pt": "Para que serve", "it": "A cosa serve",
    },
    "column_spaces": {
        "en": "Spaces it can see", "de": "Sichtbare Bereiche", "fr": "Espaces visibles", "es": "Espacios visibles",
        "nl": "Zichtbare ruimtes", "pt": "Espaços visíveis", "it": "Spazi visibili",
    },
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": {
        "en": "What changed in the handbook, newest first, as recorded in git.",
        "de": "Was sich im Handbuch geändert hat, das Neueste zuerst, wie in git festgehalten.",
        "fr": "Ce qui a changé dans le manuel, du plus récent au plus ancien, d'après git.",
        "es": "Lo que cambió en el manual, de lo más reciente a lo más antiguo, según git.",
        "nl": "Wat er in het handboek is veranderd, nieuwste eerst, zoals vastgelegd in git.",
        "pt": "O que mudou no manual, do mais recente ao mais antigo, conforme registrado no git.",
        "it": "Cosa è cambiato nel manuale, a partire dal più recente, come registrato in git.",
    },
    "changelog_follow": {
        "en": 'Follow it in a feed reader: <a href="{url}">Atom feed</a>.',
        "de": 'In einem Feedreader folgen: <a href="{url}">Atom-Feed</a>.',
        "fr": 'Suivez-le dans un lecteur de flux : <a href="{url}">flux Atom</a>.',
        "es": 'Síguelo en un lector de feeds: <a href="{url}">feed Atom</a>.',
        "nl": 'Volg het in een feedlezer: <a href="{url}">Atom-feed</a>.',
        "pt": 'Acompanhe em um leitor de feeds: <a href="{url}">feed Atom</a>.',
        "it": 'Seguilo in un lettore di feed: <a href="{url}">feed Atom</a>.',
    },
    "changelog_empty": {
        "en": "No changes recorded yet.", "de": "Noch keine Änderungen festgehalten.",
        "fr": "Aucune modification enregistrée pour l'instant.", "es": "Aún no hay cambios registrados.",
        "nl": "Nog geen wijzigingen vastgelegd.", "pt": "Nenhuma alteração registrada ainda.",
        "it": "Nessuna modifica registrata finora.",
    },
    "changelog_no_git": {
        "en": "The changelog is empty: this site was built without git history.",
        "de": "Das Änderungsprotokoll ist leer: Diese Website wurde ohne git-Verlauf erstellt.",
        "fr": "Le journal des modifications est vide : ce site a été construit sans l'historique git.",
        "es": "El registro de cambios está vacío: este sitio se generó sin el historial de git.",
        "nl": "Het wijzigingenoverzicht is leeg: deze site is gebouwd zonder git-geschiedenis.",
        "pt": "O registro de alterações está vazio: este site foi gerado sem o histórico do git.",
        "it": "Il registro delle modifiche è vuoto: questo sito è stato generato senza la cronologia git.",
    },
    "changelog_shallow": {
        "en": "Built from a shallow git clone: older changes are not listed.",
        "de": "Aus einem flachen git-Klon erstellt: Ältere Änderungen fehlen.",
        "fr": "Construit à partir d'un clone git superficiel : les modifications plus anciennes ne sont pas listées.",
        "es": "Generado a partir de un clon superficial de git: los cambios anteriores no aparecen.",
        "nl": "Gebouwd vanuit een ondiepe git-kloon: oudere wijzigingen staan er niet bij.",
        "pt": "Gerado a partir de um clone raso do git: as alterações mais antigas não estão listadas.",
        "it": "Generato da un clone git superficiale: le modifiche meno recenti non sono elencate.",
    },
    "label_then": {  # a label before what it labels; French sets a (no-break) space before a colon
        "en": "{label}:", "de": "{label}:", "fr": "{label}\u00a0:", "es": "{label}:", "nl": "{label}:",
        "pt": "{label}:", "it": "{label}:",
    },
    "change_added_label": {
        "en": "Added", "de": "Hinzugefügt", "fr": "Ajouté", "es": "Añadido", "nl": "Toegevoegd",
        "pt": "Adicionado", "it": "Aggiunto",
    },
    "change_updated_label": {
        "en": "Updated", "de": "Aktualisiert", "fr": "Mis à jour", "es": "Actualizado", "nl": "Bijgewerkt",
        "pt": "Atualizado", "it": "Aggiornato",
    },
    "change_renamed_label": {
        "en": "Renamed", "de": "Umbenannt", "fr": "Renommé", "es": "Renombrado", "nl": "Hernoemd",
        "pt": "Renomeado", "it": "Rinominato",
    },
    "change_removed_label": {
        "en": "Removed", "de": "Entfernt", "fr": "Supprimé", "es": "Eliminado", "nl": "Verwijderd",
        "pt": "Removido", "it": "Rimosso",
    },
    "change_channels_label": {
        "en": "Channels", "de": "Kanäle", "fr": "Salons", "es": "Canales", "nl": "Kanalen", "pt": "Canais",
        "it": "Canali",
    },
    "removed_since": {
        "en": "(removed since)", "de": "(inzwischen entfernt)", "fr": "(supprimée depuis)",
        "es": "(eliminada desde entonces)", "nl": "(inmiddels verwijderd)", "pt": "(removida desde então)",
        "it": "(rimossa nel frattempo)",
    },
    "older_changes_one": {
        "en": "{count} older change not shown here", "de": "{count} ältere Änderung hier nicht gezeigt",
        "fr": "{count} modification plus ancienne non affichée ici", "es": "{count} cambio anterior no se muestra aquí",
        "nl": "{count} oudere wijziging hier niet getoond", "pt": "{count} alteração mais antiga não mostrada aqui",
        "it": "{count} modifica meno recente non mostrata qui",
    },
    "older_changes_other": {
        "en": "{count} older changes not shown here", "de": "{count} ältere Änderungen hier nicht gezeigt",
        "fr": "{count} modifications plus anciennes non affichées ici",
        "es": "{count} cambios anteriores no se muestran aquí", "nl": "{count} oudere wijzigingen hier niet getoond",
        "pt": "{count} alterações mais antigas não mostradas aqui",
        "it": "{count} modifiche meno recenti non mostrate qui",
    },
    "older_in_feed": {
        "en": '{older}; the <a href="{url}">Atom feed</a> has them all.',
        "de": '{older}; der <a href="{url}">Atom-Feed</a> enthält alle.',
        "fr": '{older} ; le <a href="{url}">flux Atom</a> les contient toutes.',
        "es": '{older}; el <a href="{url}">feed Atom</a> los tiene todos.',
        "nl": '{older}; de <a href="{url}">Atom-feed</a> bevat ze allemaal.',
        "pt": '{older}; o <a href="{url}">feed Atom</a> tem todas.',
        "it": '{older}; il <a href="{url}">feed Atom</a> le contiene tutte.',
    },
    "feed_title": {
        "en": "{site}: changes", "de": "{site}: Änderungen", "fr": "{site} : modifications", "es": "{site}: cambios",
        "nl": "{site}: wijzigingen", "pt": "{site}: alterações", "it": "{site}: modifiche",
    },
    "no_subject": {
        "en": "(no subject)", "de": "(kein Betreff)", "fr": "(sans objet)", "es": "(sin asunto)",
        "nl": "(geen onderwerp)", "pt": "(sem assunto)", "it": "(nessun oggetto)",
    },
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": {
        "en": "channel", "de": "Kanal", "fr": "salon", "es": "canal", "nl": "kanaal", "pt": "canal", "it": "canale",
    },
    "channel_word_topic": {
        "en": "topic channel", "de": "Themenkanal", "fr": "salon thématique", "es": "canal temático",
        "nl": "onderwerpkanaal", "pt": "canal temático", "it": "canale tematico",
    },
    "channel_word_prompt": {
        "en": "prompt channel", "de": "Gesprächskanal", "fr": "salon de discussion", "es": "canal de conversación",
        "nl": "gesprekskanaal", "pt": "canal de conversa", "it": "canale di conversazione",
    },
    "channel_word_announcement": {
        "en": "announcement channel", "de": "Ankündigungskanal", "fr": "salon d'annonces", "es": "canal de anuncios",
        "nl": "aankondigingskanaal", "pt": "canal de anúncios", "it": "canale di annunci",
    },
    "channel_word_voice": {
        "en": "voice channel", "de": "Sprachkanal", "fr": "salon vocal", "es": "canal de voz", "nl": "spraakkanaal",
        "pt": "canal de voz", "it": "canale vocale",
    },
    "channel_word_forum": {
        "en": "forum channel", "de": "Forumkanal", "fr": "salon forum", "es": "canal de foro", "nl": "forumkanaal",
        "pt": "canal de fórum", "it": "canale forum",
    },
    "channel_added": {
        "en": "{channel} #{name} added", "de": "{channel} #{name} hinzugefügt", "fr": "{channel} #{name} ajouté",
        "es": "{channel} #{name} añadido", "nl": "{channel} #{name} toegevoegd", "pt": "{channel} #{name} adicionado",
        "it": "{channel} #{name} aggiunto",
    },
    "channel_renamed": {
        "en": "#{old} renamed to #{name}", "de": "#{old} in #{name} umbenannt", "fr": "#{old} renommé en #{name}",
        "es": "#{old} renombrado a #{name}", "nl": "#{old} hernoemd naar #{name}",
        "pt": "#{old} renomeado para #{name}", "it": "#{old} rinominato in #{name}",
    },
    "channel_archived": {
        "en": "#{name} archived", "de": "#{name} archiviert", "fr": "#{name} archivé", "es": "#{name} archivado",
        "nl": "#{name} gearchiveerd", "pt": "#{name} arquivado", "it": "#{name} archiviato",
    },
    "channel_restored": {
        "en": "#{name} restored", "de": "#{name} wiederhergestellt", "fr": "#{name} restauré",
        "es": "#{name} restaurado", "nl": "#{name} hersteld", "pt": "#{name} restaurado", "it": "#{name} ripristinato",
    },
    "channel_removed": {
        "en": "#{name} removed from the map", "de": "#{name} aus der Kanalkarte entfernt",
        "fr": "#{name} retiré de la carte des salons", "es": "#{name} eliminado del mapa de canales",
        "nl": "#{name} uit de kanalenkaart verwijderd", "pt": "#{name} removido do mapa de canais",
        "it": "#{name} rimosso dalla mappa dei canali",
    },
    "private_channel_added": {
        "en": "a private {channel} was added", "de": "ein privater {channel} wurde hinzugefügt",
        "fr": "un {channel} privé a été ajouté", "es": "se añadió un {channel} privado",
        "nl": "een besloten {channel} is toegevoegd", "pt": "um {channel} privado foi adicionado",
        "it": "è stato aggiunto un {channel} privato",
    },
    "private_channel_renamed": {
        "en": "a private {channel} was renamed", "de": "ein privater {channel} wurde umbenannt",
        "fr": "un {channel} privé a été renommé", "es": "se renombró un {channel} privado",
        "nl": "een besloten {channel} is hernoemd", "pt": "um {channel} privado foi renomeado",
        "it": "è stato rinominato un {channel} privato",
    },
    "private_channel_archived": {
        "en": "a private {channel} was archived", "de": "ein privater {channel} wurde archiviert",
        "fr": "un {channel} privé a été archivé", "es": "se archivó un {channel} privado",
        "nl": "een besloten {channel} is gearchiveerd", "pt": "um {channel} privado foi arquivado",
        "it": "è stato archiviato un {channel} privato",
    },
    "private_channel_restored": {
        "en": "a private {channel} was restored", "de": "ein privater {channel} wurde wiederhergestellt",
        "fr": "un {channel} privé a été restauré", "es": "se restauró un {channel} privado",
        "nl": "een besloten {channel} is hersteld", "pt": "um {channel} privado foi restaurado",
        "it": "è stato ripristinato un {channel} privato",
    },
    "private_channel_removed": {
        "en": "a private {channel} was removed from the map", "de": "ein privater {channel} wurde aus der Kanalkarte entfernt",
        "fr": "un {channel} privé a été retiré de la carte des salons",
        "es": "se eliminó del mapa de canales un {channel} privado",
        "nl": "een besloten {channel} is uit de kanalenkaart verwijderd",
        "pt": "um {channel} privado foi removido do mapa de canais",
        "it": "è stato rimosso dalla mappa dei canali un {channel} privato",
    },
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": {
        "en": "Pages due for a re-read, as of {today}: overdue first, then those due within {within}, then pages "
              "with no review date. Set `last_reviewed:` in a page's front matter when you have re-read it.",
        "de": "Seiten, die erneut gelesen werden sollten, Stand {today}: zuerst überfällige, dann solche, die "
              "innerhalb von {within} fällig werden, dann Seiten ohne Prüfdatum. Setze `last_reviewed:` im Front "
              "Matter einer Seite, wenn du sie erneut gelesen hast.",
        "fr": "Pages à relire, au {today} : d'abord celles en retard, puis celles à relire d'ici {within}, puis "
              "les pages sans date de relecture. Indiquez `last_reviewed:` dans le front matter d'une page quand "
              "vous l'avez relue.",
        "es": "Páginas pendientes de relectura, a {today}: primero las atrasadas, luego las que vencen en "
              "{within} y después las páginas sin fecha de revisión. Pon `last_reviewed:` en el front matter de "
              "una página cuando la hayas releído.",
        "nl": "Pagina's die opnieuw gelezen moeten worden, per {today}: eerst de achterstallige, dan die binnen "
              "{within} aan de beurt zijn, dan pagina's zonder controledatum. Zet `last_reviewed:` in de front "
              "matter van een pagina zodra je die opnieuw hebt gelezen.",
        "pt": "Páginas que precisam ser relidas, em {today}: primeiro as atrasadas, depois as que vencem em até "
              "{within} e então as páginas sem data de revisão. Defina `last_reviewed:` no front matter de uma "
              "página quando a tiver relido.",
        "it": "Pagine da rileggere, al {today}: prima quelle in ritardo, poi quelle in scadenza entro {within}, "
              "poi le pagine senza data di revisione. Imposta `last_reviewed:` nel front matter di una pagina "
              "quando l'hai riletta.",
    },
    "reviews_overdue": {
        "en": "Overdue", "de": "Überfällig", "fr": "En retard", "es": "Atrasadas", "nl": "Achterstallig",
        "pt": "Atrasadas", "it": "In ritardo",
    },
    "reviews_none_overdue": {
        "en": "No page is overdue.", "de": "Keine Seite ist überfällig.", "fr": "Aucune page n'est en retard.",
        "es": "Ninguna página está atrasada.", "nl": "Geen enkele pagina is achterstallig.",
        "pt": "Nenhuma página está atrasada.", "it": "Nessuna pagina è in ritardo.",
    },
    "reviews_due_within": {
        "en": "Due within {within}", "de": "Fällig innerhalb von {within}", "fr": "À relire d'ici {within}",
        "es": "Vencen en {within}", "nl": "Binnen {within} aan de beurt", "pt": "Vencem em até {within}",
        "it": "In scadenza entro {within}",
    },
    "reviews_none_due": {
        "en": "No page falls due within {within}.", "de": "Keine Seite wird innerhalb von {within} fällig.",
        "fr": "Aucune page n'est à relire d'ici {within}.", "es": "Ninguna página vence en {within}.",
        "nl": "Geen enkele pagina is binnen {within} aan de beurt.", "pt": "Nenhuma página vence em até {within}.",
        "it": "Nessuna pagina scade entro {within}.",
    },
    "reviews_never": {
        "en": "Never reviewed", "de": "Nie geprüft", "fr": "Jamais relues", "es": "Nunca revisadas",
        "nl": "Nooit gecontroleerd", "pt": "Nunca revisadas", "it": "Mai revisionate",
    },
    "reviews_all_dated": {
        "en": "Every page has a review date.", "de": "Jede Seite hat ein Prüfdatum.",
        "fr": "Chaque page a une date de relecture.", "es": "Todas las páginas tienen fecha de revisión.",
        "nl": "Elke pagina heeft een controledatum.", "pt": "Todas as páginas têm data de revisão.",
        "it": "Ogni pagina ha una data di revisione.",
    },
    "reviews_up_to_date": {
        "en": "Up to date", "de": "Aktuell", "fr": "À jour", "es": "Al día", "nl": "Actueel", "pt": "Em dia",
        "it": "Aggiornate",
    },
    "column_page": {
        "en": "Page", "de": "Seite", "fr": "Page", "es": "Página", "nl": "Pagina", "pt": "Página", "it": "Pagina",
    },
    "column_owner": {
        "en": "Owner", "de": "Verantwortlich", "fr": "Responsable", "es": "Responsable", "nl": "Eigenaar",
        "pt": "Responsável", "it": "Responsabile",
    },
    "column_last_reviewed": {
        "en": "Last reviewed", "de": "Zuletzt geprüft", "fr": "Dernière relecture", "es": "Última revisión",
        "nl": "Laatst gecontroleerd", "pt": "Última revisão", "it": "Ultima revisione",
    },
    "column_due": {
        "en": "Due", "de": "Fällig", "fr": "Échéance", "es": "Vence", "nl": "Aan de beurt", "pt": "Vencimento",
        "it": "Scadenza",
    },
    "no_owner": {
        "en": "no owner", "de": "nicht zugewiesen", "fr": "aucun responsable", "es": "sin responsable",
        "nl": "geen eigenaar", "pt": "sem responsável", "it": "nessun responsabile",
    },
    "banner_title": {
        "en": "This page may be out of date", "de": "Diese Seite ist möglicherweise veraltet",
        "fr": "Cette page n'est peut-être plus à jour", "es": "Puede que esta página esté desactualizada",
        "nl": "Deze pagina is mogelijk verouderd", "pt": "Esta página pode estar desatualizada",
        "it": "Questa pagina potrebbe non essere aggiornata",
    },
    "banner_due": {
        "en": "This page was due for review on {date}.", "de": "Diese Seite hätte am {date} geprüft werden sollen.",
        "fr": "Cette page devait être relue le {date}.", "es": "Esta página debía revisarse el {date}.",
        "nl": "Deze pagina had op {date} gecontroleerd moeten worden.",
        "pt": "Esta página deveria ter sido revisada em {date}.", "it": "Questa pagina doveva essere rivista il {date}.",
    },
    "banner_owner": {
        "en": "Its owner is {owner}.", "de": "Verantwortlich ist {owner}.", "fr": "Son responsable est {owner}.",
        "es": "Su responsable es {owner}.", "nl": "De eigenaar is {owner}.", "pt": "O responsável é {owner}.",
        "it": "Il responsabile è {owner}.",
    },
    "banner_no_owner": {
        "en": "It has no owner.", "de": "Niemand ist dafür verantwortlich.", "fr": "Elle n'a pas de responsable.",
        "es": "No tiene responsable.", "nl": "Er is geen eigenaar.", "pt": "Ela não tem responsável.",
        "it": "Non ha un responsabile.",
    },
    "duration_days_one": {
        "en": "{count} day", "de": "{count} Tag", "fr": "{count} jour", "es": "{count} día", "nl": "{count} dag",
        "pt": "{count} dia", "it": "{count} giorno",
    },
    "duration_days_other": {
        "en": "{count} days", "de": "{count} Tagen", "fr": "{count} jours", "es": "{count} días", "nl": "{count} dagen",
        "pt": "{count} dias", "it": "{count} giorni",
    },
    "duration_weeks_one": {
        "en": "{count} week", "de": "{count} Woche", "fr": "{count} semaine", "es": "{count} semana",
        "nl": "{count} week", "pt": "{count} semana", "it": "{count} settimana",
    },
    "duration_weeks_other": {
        "en": "{count} weeks", "de": "{count} Wochen", "fr": "{count} semaines", "es": "{count} semanas",
        "nl": "{count} weken", "pt": "{count} semanas", "it": "{count} settimane",
    },
    "duration_months_one": {
        "en": "{count} month", "de": "{count} Monat", "fr": "{count} mois", "es": "{count} mes",
        "nl": "{count} maand", "pt": "{count} mês", "it": "{count} mese",
    },
    "duration_months_other": {
        "en": "{count} months", "de": "{count} Monaten", "fr": "{count} mois", "es": "{count} meses",
        "nl": "{count} maanden", "pt": "{count} meses", "it": "{count} mesi",
    },
    "duration_years_one": {
        "en": "{count} year", "de": "{count} Jahr", "fr": "{count} an", "es": "{count} año", "nl": "{count} jaar",
        "pt": "{count} ano", "it": "{count} anno",
    },
    "duration_years_other": {
        "en": "{count} years", "de": "{count} Jahren", "fr": "{count} ans", "es": "{count} años", "nl": "{count} jaar",
        "pt": "{count} anos", "it": "{count} anni",
    },
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": {
        "en": "Communities of practice near ours, and whether their links worked at the last check.",
        "de": "Praxisgemeinschaften in unserer Nähe, und ob ihre Links bei der letzten Prüfung funktionierten.",
        "fr": "Des communautés de pratique proches de la nôtre, et si leurs liens fonctionnaient lors de la "
              "dernière vérification.",
        "es": "Comunidades de práctica cercanas a la nuestra, y si sus enlaces funcionaban en la última comprobación.",
        "nl": "Praktijkgemeenschappen dicht bij de onze, en of hun links werkten bij de laatste controle.",
        "pt": "Comunidades de prática próximas da nossa, e se os links delas funcionavam na última verificação.",
        "it": "Comunità di pratica vicine alla nostra, e se i loro link funzionavano all'ultimo controllo.",
    },
    "communities_checked": {
        "en": "The last link check was on {date}.", "de": "Die letzte Linkprüfung war am {date}.",
        "fr": "La dernière vérification des liens date du {date}.",
        "es": "La última comprobación de enlaces fue el {date}.", "nl": "De laatste linkcontrole was op {date}.",
        "pt": "A última verificação de links foi em {date}.", "it": "L'ultimo controllo dei link è stato il {date}.",
    },
    "communities_unchecked": {
        "en": "These links have not been checked yet.", "de": "Diese Links wurden noch nicht geprüft.",
        "fr": "Ces liens n'ont pas encore été vérifiés.", "es": "Estos enlaces aún no se han comprobado.",
        "nl": "Deze links zijn nog niet gecontroleerd.", "pt": "Esses links ainda não foram verificados.",
        "it": "Questi link non sono ancora stati controllati.",
    },
    "filter_topic": {
        "en": "Topic", "de": "Thema", "fr": "Sujet", "es": "Tema", "nl": "Onderwerp", "pt": "Tema", "it": "Argomento",
    },
    "filter_platform": {
        "en": "Platform", "de": "Plattform", "fr": "Plateforme", "es": "Plataforma", "nl": "Platform",
        "pt": "Plataforma", "it": "Piattaforma",
    },
    "filter_all": {
        "en": "all", "de": "alle", "fr": "toutes", "es": "todas", "nl": "alle", "pt": "todas", "it": "tutte",
    },
    "communities_shown": {
        "en": "{count} shown", "de": "{count} angezeigt", "fr": "{count} affichées", "es": "{count} mostradas",
        "nl": "{count} getoond", "pt": "{count} mostradas", "it": "{count} mostrate",
    },
    "other_topic": {
        "en": "Other", "de": "Sonstige", "fr": "Autres", "es": "Otras", "nl": "Overige", "pt": "Outras", "it": "Altre",
    },
    "other_platform": {
        "en": "other", "de": "sonstige", "fr": "autre", "es": "otra", "nl": "overig", "pt": "outra", "it": "altra",
    },
    "cost_free": {
        "en": "free", "de": "kostenlos", "fr": "gratuit", "es": "gratis", "nl": "gratis", "pt": "gratuito",
        "it": "gratuito",
    },
    "cost_paid": {
        "en": "paid", "de": "kostenpflichtig", "fr": "payant", "es": "de pago", "nl": "betaald", "pt": "pago",
        "it": "a pagamento",
    },
    "join_on_discord": {
        "en": "join on Discord", "de": "auf Discord beitreten", "fr": "rejoindre sur Discord",
        "es": "unirse en Discord", "nl": "lid worden op Discord", "pt": "entrar no Discord", "it": "unisciti su Discord",
    },
    "health": {
        "en": "Health: {health}", "de": "Zustand: {health}", "fr": "État : {health}", "es": "Estado: {health}",
        "nl": "Status: {health}", "pt": "Estado: {health}", "it": "Stato: {health}",
    },
    "health_ok": {
        "en": "alive", "de": "erreichbar", "fr": "en ligne", "es": "activo", "nl": "werkt", "pt": "ativo",
        "it": "attivo",
    },
    "health_redirected": {
        "en": "moved", "de": "umgezogen", "fr": "déplacé", "es": "movido", "nl": "verhuisd", "pt": "movido",
        "it": "spostato",
    },
    "health_dead": {
        "en": "dead", "de": "defekt", "fr": "mort", "es": "caído", "nl": "dood", "pt": "quebrado",
        "it": "non funzionante",
    },
    "health_unreachable": {
        "en": "unreachable", "de": "nicht erreichbar", "fr": "injoignable", "es": "inaccesible",
        "nl": "onbereikbaar", "pt": "inacessível", "it": "irraggiungibile",
    },
    "health_unchecked": {
        "en": "not checked", "de": "nicht geprüft", "fr": "non vérifié", "es": "sin comprobar",
        "nl": "niet gecontroleerd", "pt": "não verificado", "it": "non controllato",
    },
    "moved_to": {
        "en": "moved to {link}", "de": "umgezogen nach {link}", "fr": "déplacé vers {link}", "es": "movido a {link}",
        "nl": "verhuisd naar {link}", "pt": "movido para {link}", "it": "spostato su {link}",
    },
    "invite_ok": {
        "en": "invite alive", "de": "Einladung gültig", "fr": "invitation valide", "es": "invitación válida",
        "nl": "uitnodiging geldig", "pt": "convite válido", "it": "invito valido",
    },
    "invite_redirected": {
        "en": "invite moved", "de": "Einladung umgeleitet", "fr": "invitation redirigée",
        "es": "invitación redirigida", "nl": "uitnodiging doorgestuurd", "pt": "convite redirecionado",
        "it": "invito reindirizzato",
    },
    "invite_dead": {
        "en": "invite expired", "de": "Einladung abgelaufen", "fr": "invitation expirée", "es": "invitación caducada",
        "nl": "uitnodiging verlopen", "pt": "convite expirado", "it": "invito scaduto",
    },
    "invite_unreachable": {
        "en": "invite unreachable", "de": "Einladung nicht erreichbar", "fr": "invitation injoignable",
        "es": "invitación inaccesible", "nl": "uitnodiging onbereikbaar", "pt": "convite inacessível",
        "it": "invito irraggiungibile",
    },
    "invite_unchecked": {
        "en": "invite not checked", "de": "Einladung nicht geprüft", "fr": "invitation non vérifiée",
        "es": "invitación sin comprobar", "nl": "uitnodiging niet gecontroleerd", "pt": "convite não verificado",
        "it": "invito non controllato",
    },
    "members_one": {
        "en": "{count} member", "de": "{count} Mitglied", "fr": "{count} membre", "es": "{count} miembro",
        "nl": "{count} lid", "pt": "{count} membro", "it": "{count} membro",
    },
    "members_other": {
        "en": "{count} members", "de": "{count} Mitglieder", "fr": "{count} membres", "es": "{count} miembros",
        "nl": "{count} leden", "pt": "{count} membros", "it": "{count} membri",
    },
    "online": {
        "en": "{count} online", "de": "{count} online", "fr": "{count} en ligne", "es": "{count} en línea",
        "nl": "{count} online", "pt": "{count} online", "it": "{count} online",
    },
    "checked_on": {
        "en": "checked {date}", "de": "geprüft am {date}", "fr": "vérifié le {date}", "es": "comprobado el {date}",
        "nl": "gecontroleerd op {date}", "pt": "verificado em {date}", "it": "controllato il {date}",
    },
}

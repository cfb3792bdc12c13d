"""Spanish (Español): the words the plugin writes into a site, translated from
`en.py` key for key; the rules are in `handbook/i18n/catalogue.py`.
"""

from __future__ import annotations

NAME = "Español"
"""The language's name in itself."""

WORDS: dict[str, str] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": "Comenta esta página en",
    "on_discord": "en Discord",
    "not_a_member": "¿Aún no eres miembro?",
    "join": "Unirse a {server}",
    "join_the_server": "Unirse al servidor",
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": "Última actualización",
    "history_created": "Creado",
    "history_contributors": "Contribuidores",
    "not_committed": "Aún no confirmado en git",
    "uncommitted": "Cambios sin confirmar",
    "shallow_unknown": "Historial no disponible en este clon superficial",
    "created_unknown": "Fecha de creación desconocida (clon superficial)",
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": "Revisado",
    "reviewed_on": "Revisado el",
    "reviewed_by": "por",
    # --- page titles ------------------------------------------------------------------------
    "channels_title": "Canales",
    "roles_title": "Roles y permisos",
    "changelog_title": "Registro de cambios",
    "reviews_title": "Revisiones",
    "communities_title": "Comunidades afines",
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": (
        "Los espacios del servidor de Discord {server}, en el orden en que Discord los muestra, y "
        "quién puede ver cada uno."
    ),
    "channels_intro": (
        "Nuestros espacios de Discord, en el orden en que Discord los muestra, y quién puede ver "
        "cada uno."
    ),
    "private_space_title": "Espacio privado",
    "private_space_with_one": "Un espacio privado con {count} canal.",
    "private_space_with_other": "Un espacio privado con {count} canales.",
    "who_can_see_it": "Visible para: {roles}.",
    "the_roles_it_lists": "los roles que indica",
    "every_member": "todos los miembros",
    "private_channel": "un canal privado",
    "channels_in": "Canales de {category}",
    "column_channel": "Canal",
    "column_kind": "Tipo",
    "column_channel_purpose": "Para qué sirve",
    "column_who_can_see_it": "Visible para",
    "kind_topic": "tema",
    "kind_prompt": "conversación",
    "kind_announcement": "anuncios",
    "kind_voice": "voz",
    "kind_forum": "foro",
    "mirrors_pages": "refleja las páginas <code>{category}</code> del manual",
    "archived_title": "Archivados",
    "archived_intro": "Se conservan en solo lectura por su historial:",
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": (
        "Todos los miembros ven los espacios abiertos: {spaces}. Los roles dan acceso a los "
        "espacios privados."
    ),
    "open_spaces": "espacios abiertos",
    "a_private_space": "un espacio privado",
    "named_private_space": "{name} (privado)",
    "roles_caption": "Los roles, para qué sirve cada uno y los espacios que ve",
    "column_role": "Rol",
    "column_role_purpose": "Para qué sirve",
    "column_spaces": "Espacios visibles",
    "safety_title": "Cómo te protegemos",
    "safety_intro_server": (
        "Lo que hace el servidor de Discord {server} para proteger a sus miembros, según el mapa de"
        " canales del manual."
    ),
    "safety_intro": (
        "Lo que hace nuestro servidor de Discord para proteger a sus miembros, según el mapa de "
        "canales del manual."
    ),
    "safety_private_title": "Quién puede ver cada espacio privado",
    "safety_private_intro": (
        "Todos los miembros ven los demás espacios. Un espacio privado solo lo ven los roles "
        "indicados aquí (y el propietario del servidor, a quien Discord le muestra todo)."
    ),
    "safety_no_private": "El servidor no tiene espacios privados: todos los miembros ven todos los canales.",
    "safety_caption": "Los espacios privados y los roles que pueden verlos",
    "column_space": "Espacio",
    "safety_first_title": "Tus primeros minutos",
    "verification_none": "Puedes escribir en cuanto te unes.",
    "verification_low": "Puedes escribir cuando tu cuenta de Discord tenga un correo electrónico verificado.",
    "verification_medium": (
        "Puedes escribir cuando tu cuenta de Discord tenga un correo electrónico verificado y más "
        "de cinco minutos de antigüedad."
    ),
    "verification_high": (
        "Puedes escribir cuando tu cuenta de Discord tenga un correo electrónico verificado y más "
        "de cinco minutos de antigüedad, y lleves más de diez minutos como miembro del servidor."
    ),
    "verification_very_high": (
        "Puedes escribir cuando tu cuenta de Discord tenga un número de teléfono verificado."
    ),
    "safety_onboarding": (
        "Cuando te unes, Discord te pregunta: {questions}. Tus respuestas eligen los canales y los "
        "roles con los que empiezas."
    ),
    "safety_moderators_title": "Moderación",
    "safety_moderators_mfa": (
        "El servidor exige que quienes moderan protejan su propia cuenta con la autenticación en dos pasos antes de poder borrar mensajes, aislar temporalmente a miembros o expulsar a alguien."
    ),
    "safety_automod_title": "Qué bloquea AutoMod",
    "safety_automod_intro": (
        "AutoMod, la herramienta de Discord, revisa cada mensaje antes de que nadie lo vea, y "
        "detiene:"
    ),
    "automod_keywords": "los mensajes con palabras o frases de nuestra lista de bloqueo",
    "automod_keyword_preset": "los mensajes con palabras de las listas de Discord: {lists}",
    "automod_preset_profanity": "palabrotas",
    "automod_preset_sexual_content": "contenido sexual",
    "automod_preset_slurs": "insultos",
    "automod_spam": "los mensajes que parecen spam",
    "automod_mention_spam_one": "los mensajes que mencionan a más de {count} miembro o rol a la vez",
    "automod_mention_spam_other": "los mensajes que mencionan a más de {count} miembros o roles a la vez",
    "automod_member_profile": "los nombres y perfiles con palabras de nuestra lista de bloqueo",
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": "Lo que cambió en el manual, de lo más reciente a lo más antiguo, según git.",
    "changelog_follow": 'Síguelo en un lector de feeds: <a href="{url}">feed Atom</a>.',
    "changelog_empty": "Aún no hay cambios registrados.",
    "changelog_no_git": "El registro de cambios está vacío: este sitio se generó sin el historial de git.",
    "changelog_shallow": "Generado a partir de un clon superficial de git: los cambios anteriores no aparecen.",
    "changelog_older_title": "Cambios anteriores",
    "changelog_year_title": "Registro de cambios {year}",
    "changelog_year_intro": "Lo que cambió en el manual en {year}, de lo más reciente a lo más antiguo, según git.",
    "changelog_recent": "Cambios recientes",
    "changelog_other_years": "Otros años",
    "label_then": "{label}:",
    "change_added_label": "Añadido",
    "change_updated_label": "Actualizado",
    "change_renamed_label": "Renombrado",
    "change_removed_label": "Eliminado",
    "change_channels_label": "Canales",
    "removed_since": "(eliminada desde entonces)",
    "older_changes_one": "{count} cambio anterior no se muestra aquí",
    "older_changes_other": "{count} cambios anteriores no se muestran aquí",
    "older_in_feed": '{older}; el <a href="{url}">feed Atom</a> los tiene todos.',
    "feed_title": "{site}: cambios",
    "no_subject": "(sin asunto)",
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": "canal",
    "channel_word_topic": "canal temático",
    "channel_word_prompt": "canal de conversación",
    "channel_word_announcement": "canal de anuncios",
    "channel_word_voice": "canal de voz",
    "channel_word_forum": "canal de foro",
    "channel_added": "{channel} #{name} añadido",
    "channel_renamed": "#{old} renombrado a #{name}",
    "channel_archived": "#{name} archivado",
    "channel_restored": "#{name} restaurado",
    "channel_removed": "#{name} eliminado del mapa de canales",
    "private_channel_added": "se añadió un {channel} privado",
    "private_channel_renamed": "se renombró un {channel} privado",
    "private_channel_archived": "se archivó un {channel} privado",
    "private_channel_restored": "se restauró un {channel} privado",
    "private_channel_removed": "se eliminó del mapa de canales un {channel} privado",
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": (
        "Páginas pendientes de relectura, a {today}: primero las atrasadas, luego las que vencen "
        "en {within} y después las páginas sin fecha de revisión. Pon `last_reviewed:` en el front "
        "matter de una página cuando la hayas releído."
    ),
    "reviews_overdue": "Atrasadas",
    "reviews_none_overdue": "Ninguna página está atrasada.",
    "reviews_due_within": "Vencen en {within}",
    "reviews_none_due": "Ninguna página vence en {within}.",
    "reviews_never": "Nunca revisadas",
    "reviews_all_dated": "Todas las páginas tienen fecha de revisión.",
    "reviews_up_to_date": "Al día",
    "column_page": "Página",
    "column_owner": "Responsable",
    "column_last_reviewed": "Última revisión",
    "column_due": "Vence",
    "no_owner": "sin responsable",
    "banner_title": "Puede que esta página esté desactualizada",
    "banner_due": "Esta página debía revisarse el {date}.",
    "banner_owner": "Su responsable es {owner}.",
    "banner_no_owner": "No tiene responsable.",
    "duration_days_one": "{count} día",
    "duration_days_other": "{count} días",
    "duration_weeks_one": "{count} semana",
    "duration_weeks_other": "{count} semanas",
    "duration_months_one": "{count} mes",
    "duration_months_other": "{count} meses",
    "duration_years_one": "{count} año",
    "duration_years_other": "{count} años",
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": (
        "Comunidades de práctica cercanas a la nuestra, y si sus enlaces funcionaban en la última "
        "comprobación."
    ),
    "communities_checked": "La última comprobación de enlaces fue el {date}.",
    "communities_unchecked": "Estos enlaces aún no se han comprobado.",
    "filter_topic": "Tema",
    "filter_platform": "Plataforma",
    "filter_all": "todas",
    "communities_shown": "{count} mostradas",
    "other_topic": "Otras",
    "other_platform": "otra",
    "cost_free": "gratis",
    "cost_paid": "de pago",
    "join_on_discord": "unirse en Discord",
    "health": "Estado: {health}",
    "health_ok": "activo",
    "health_redirected": "movido",
    "health_dead": "caído",
    "health_unreachable": "inaccesible",
    "health_unchecked": "sin comprobar",
    "moved_to": "movido a {link}",
    "invite_ok": "invitación válida",
    "invite_redirected": "invitación redirigida",
    "invite_dead": "invitación caducada",
    "invite_unreachable": "invitación inaccesible",
    "invite_unchecked": "invitación sin comprobar",
    "members_one": "{count} miembro",
    "members_other": "{count} miembros",
    "online": "{count} en línea",
    "checked_on": "comprobado el {date}",
    "token_removed": "[token eliminado]",
    "archived_space": "{space} (archivado, solo lectura)",
    "roles_archived_open": (
        "Los canales archivados son de solo lectura, y quien podía ver uno lo sigue viendo: "
        "todos los miembros pueden leer {channels}."
    ),
}

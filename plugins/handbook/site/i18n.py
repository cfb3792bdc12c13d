"""The words the plugin adds to a site, in the site's language, and dates formatted with Babel.

The language is Material's `theme.language` (which mkdocs-static-i18n sets for each language it
builds): `pt-BR` uses `pt`, and a language without translations here uses English. Babel knows
every locale's month names and date order, so a date reads as people of that language write it.
"""

from __future__ import annotations

from datetime import date, datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date

LANGUAGES = ("en", "de", "fr", "es", "nl", "pt", "it")

STRINGS: dict[str, dict[str, str]] = {
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
}


def site_language(theme_language: object) -> str:
    """`de` for Material's `theme.language: de` (or `de-CH`); `en` when we have no translation."""
    code = str(theme_language or "en").replace("_", "-").split("-", 1)[0].lower()
    return code if code in LANGUAGES else "en"


def text(key: str, language: str) -> str:
    translations = STRINGS[key]
    return translations.get(language, translations["en"])


def strings(language: str) -> dict[str, str]:
    """Every string in one language, for templates (`handbook_text.discuss_in`)."""
    return {key: text(key, language) for key in STRINGS}


def _locale(locale: object) -> Locale:
    try:
        return Locale.parse(str(locale or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_date(moment: datetime, locale: object = "en") -> str:
    """"November 21, 2024", "21. November 2024", "21 novembre 2024": Babel's long date format."""
    return babel_format_date(moment.date(), format="long", locale=_locale(locale))


def format_month(year: int, month: int, locale: object = "en") -> str:
    """"November 2024", "novembre 2024": a month heading of the changelog."""
    return babel_format_date(date(year, month, 1), format="LLLL y", locale=_locale(locale))

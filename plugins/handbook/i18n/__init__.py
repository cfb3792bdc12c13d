"""The words the plugin adds to a site, in the site's language, and dates formatted with Babel.

The language is Material's `theme.language` (which mkdocs-static-i18n sets for each language it
builds): `pt-BR` uses `pt`, and a language without translations here uses English. Babel knows
every locale's month names, date order and plural rules, so a date reads as people of that
language write it. The catalogue is `handbook.i18n.catalogue`; this package sits below every
other one, so the pure layers (history, reviews, link health) take a `Words` as an argument.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

from handbook.i18n.catalogue import LANGUAGES, STRINGS

__all__ = ["ENGLISH", "LANGUAGES", "STRINGS", "Words", "format_date", "format_month", "site_language",
           "strings", "text", "upper_first"]


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


def upper_first(words: str) -> str:
    """"Décembre 2026" for "décembre 2026": the first letter only (`str.title` would make
    "De Diciembre"), as a heading or a sentence starts."""
    return words[:1].upper() + words[1:]


def format_date(moment: date | datetime, locale: object = "en") -> str:
    """"November 21, 2024", "21. November 2024", "21 novembre 2024": Babel's long date format."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return _long_date(day, str(locale or "en"))


@functools.lru_cache(maxsize=4096)
def _long_date(day: date, locale: str) -> str:
    """Once per distinct day and language: Babel takes about 80 calls a date, a build shows
    two dates a page and pages share days."""
    return babel_format_date(day, format="long", locale=_locale(locale))


def format_month(year: int, month: int, locale: object = "en", pattern: str = "LLLL y") -> str:
    """"November 2024", "Novembre 2024": a month heading of the changelog. Babel's standalone month
    name (`LLLL`), which French, Spanish, Dutch, Portuguese and Italian write in lower case, with
    its first letter capitalised, because it starts a heading (`pattern` "LLLL": the name alone)."""
    return upper_first(babel_format_date(date(year, month, 1), format=pattern, locale=_locale(locale)))


@dataclass(frozen=True)
class Words:
    """The catalogue in one language, and Babel's dates and numbers for its locale.

    `language` picks the translations (one of `LANGUAGES`); `locale` is the theme's language as
    written (`pt-BR`), for Babel. Texts are filled in with `str.format`: values go in as given, so
    callers escape them for where they end up (HTML, Markdown).
    """

    language: str = "en"
    locale: str = "en"

    @classmethod
    def for_theme(cls, theme_language: object) -> Words:
        return cls(site_language(theme_language), str(theme_language or "en"))

    def __call__(self, key: str, **values: object) -> str:
        found = text(key, self.language)
        return found.format(**values) if values else found

    def count(self, key: str, count: int, **values: object) -> str:
        """`key_one` or `key_other` by the language's plural rule, with `{count}` as a number."""
        form = _locale(self.language).plural_form(count)  # the rule of the language the text is in
        chosen = f"{key}_{form}" if f"{key}_{form}" in STRINGS else f"{key}_other"
        return self(chosen, **values, count=self.number(count))

    def number(self, count: int) -> str:
        """"1,500" in English, "1.500" in German."""
        return format_decimal(count, locale=_locale(self.locale))

    def date(self, moment: date | datetime) -> str:
        return format_date(moment, self.locale)

    def month(self, year: int, month: int) -> str:
        return format_month(year, month, self.locale)

    def month_name(self, month: int) -> str:
        """"November", "Novembre": a month under its year."""
        return format_month(2000, month, self.locale, "LLLL")

    def duration(self, count: int, unit: str) -> str:
        """"6 months" (unit: days, weeks, months or years), as it follows "within"."""
        return self.count(f"duration_{unit}", count)


ENGLISH = Words()
"""What the pure functions use when they are not told a language (and English sites)."""

"""Every word the plugin writes into a site, in every language it speaks.

One file per language in `languages/`, as Material keeps one partial per language: `en.py` is
the model, and a language is added by copying it as `<code>.py` and translating every value
(the tests fail while a key is missing or extra). The list of languages is the list of files.
Rules for a translation:

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

import importlib
import pkgutil

from handbook.i18n import languages as _languages

SOURCE = "en"
"""The language every other translates, key for key, and the one used for an unknown language."""


def _load() -> dict[str, dict[str, str]]:
    codes = sorted(m.name for m in pkgutil.iter_modules(_languages.__path__) if not m.name.startswith("_"))
    return {code: importlib.import_module(f"{_languages.__name__}.{code}").WORDS for code in codes}


_BY_LANGUAGE = _load()

LANGUAGES: tuple[str, ...] = (SOURCE, *(code for code in _BY_LANGUAGE if code != SOURCE))
"""English first, then the other files of `languages/`, by code."""

STRINGS: dict[str, dict[str, str]] = {
    key: {code: _BY_LANGUAGE[code][key] for code in LANGUAGES if key in _BY_LANGUAGE[code]}
    for key in _BY_LANGUAGE[SOURCE]
}
"""Each text of English, with its translations (a language lacking the key lacks its column)."""

EXTRA_KEYS: dict[str, set[str]] = {
    code: set(words) - set(_BY_LANGUAGE[SOURCE]) for code, words in _BY_LANGUAGE.items()
    if set(words) - set(_BY_LANGUAGE[SOURCE])
}
"""Keys a language has that English does not (a typo, or a text English dropped): a test fails on any."""

"""Our words follow Material's `theme.language`; dates are formatted by Babel for that locale."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from ecosystem_site import build_beside
from paths import ROOT

from handbook import i18n
from handbook.i18n import catalogue
from handbook.channelmap.loader import load_channel_map
from handbook.site.links import ChannelLinks
from handbook.site.boxes import Boxes


def _shape(text: str) -> tuple[list[str], list[str], int]:
    """What a translation must keep of the English: its placeholders, its HTML tags, its backticks."""
    return (sorted(re.findall(r"\{\w+\}", text)), re.findall(r"</?\w+[^>]*>", text), text.count("`"))


def test_every_text_has_every_language_and_nothing_else():
    """A contributor adds a language as one more file: a key it lacks, or has beyond English, fails here."""
    for key, translations in i18n.STRINGS.items():
        assert tuple(translations) == i18n.LANGUAGES, key
        assert all(value.strip() for value in translations.values()), key
    assert catalogue.EXTRA_KEYS == {}


def test_the_languages_are_the_files_of_the_catalogue():
    """No list of languages to keep up: a file in `languages/` is a language, English first."""
    folder = Path(catalogue.__file__).parent / "languages"
    files = {path.stem for path in folder.glob("*.py") if not path.stem.startswith("_")}
    assert set(i18n.LANGUAGES) == files and i18n.LANGUAGES[0] == "en" and len(files) == 7


def test_a_language_is_added_by_copying_one_file(tmp_path):
    """What the manual tells a translator (how-to/translations.md): copy `en.py` as `sv.py`, translate, and Swedish is
    there (the catalogue read in a fresh interpreter, the package copied with the new file)."""
    guide = " ".join((ROOT / "manual" / "docs" / "how-to" / "translations.md").read_text(encoding="utf-8").split())
    assert "Copy `en.py` as `<code>.py`" in guide and "plugins/handbook/i18n/languages" in guide
    assert "nothing else to edit" in guide
    package = tmp_path / "handbook"
    shutil.copytree(Path(i18n.__file__).parents[1], package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    languages = package / "i18n" / "languages"
    english = (languages / "en.py").read_text(encoding="utf-8")
    (languages / "sv.py").write_text(english.replace('"Discuss this page in"', '"Diskutera sidan i"'),
                                     encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from handbook import i18n; print(i18n.LANGUAGES); "
                               "print(i18n.Words.for_theme('sv')('discuss_in'))"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)}, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["('en', 'de', 'es', 'fr', 'it', 'nl', 'pt', 'sv')", "Diskutera sidan i"]


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_translation_keeps_the_placeholders_and_markup_of_the_english(language):
    for key, translations in i18n.STRINGS.items():
        assert _shape(translations[language]) == _shape(translations["en"]), (key, language)


def test_plural_texts_come_in_pairs():
    plural = {key.rsplit("_", 1)[0] for key in i18n.STRINGS if key.endswith(("_one", "_other"))}
    for key in plural:
        assert f"{key}_one" in i18n.STRINGS and f"{key}_other" in i18n.STRINGS, key


@pytest.mark.parametrize(("theme_language", "expected"), [
    ("en", "November 21, 2024"), ("de", "21. November 2024"), ("fr", "21 novembre 2024"),
    ("es", "21 de noviembre de 2024"), ("nl", "21 november 2024"), ("pt-BR", "21 de novembro de 2024"),
    ("it", "21 novembre 2024"), ("tlh", "November 21, 2024"),
])
def test_dates_read_as_people_of_the_language_write_them(theme_language, expected):
    assert i18n.format_date(datetime(2024, 11, 21, 23, 0), theme_language) == expected


def test_site_language_falls_back_to_english():
    assert [i18n.site_language(v) for v in ("de-CH", "pt_BR", "FR", None, "tlh")] == ["de", "pt", "fr", "en", "en"]


def test_a_german_site_says_it_in_german(tmp_path):
    site = build_beside(tmp_path, ["search"], config={"theme": {"name": "material", "language": "de"}})
    page = site.html("habits/tiny/index.html")
    [discuss] = page.text_of("aside", "handbook-discuss")
    assert "Diskutiere diese Seite in #habits" in discuss
    assert "Noch kein Mitglied?" in discuss and "Test Community beitreten" in discuss
    assert page.text_of("span", "handbook-history__updated") == ["2. April 2024"]
    assert site.html("channels/index.html").text_of("h1")[0].startswith("Kanäle")
    changelog = site.html("changelog/index.html")
    assert changelog.text_of("h1")[0].startswith("Änderungen")
    assert any(h.startswith("April 2024") for h in changelog.text_of("h2"))


def test_the_standalone_discuss_box_speaks_the_language_it_is_given(tmp_path):
    """The Zensical extension renders the plugin's discuss partial in the words of the language it is given."""
    (tmp_path / "channel_map.yml").write_text(
        "server:\n  name: Club <b>&amp;</b>\n  invite: https://discord.gg/club\n"
        "discord_categories:\n  - name: Topics\n    channels:\n      - {name: habits, kind: topic, category: habits}\n",
        encoding="utf-8")
    links = ChannelLinks(load_channel_map(tmp_path / "channel_map.yml"), directory="channels.md")
    discuss = links.discuss(links.lookup("habits"), "../channels/")
    box = Boxes([], i18n.Words.for_theme("fr")).discuss(discuss)
    assert "Discuter de cette page dans" in box and "Pas encore membre ?" in box
    assert "Rejoindre Club &lt;b&gt;&amp;amp;&lt;/b&gt;</a>" in box  # the server's name stays text
    assert "Discuss this page in" in Boxes([], i18n.ENGLISH).discuss(discuss)

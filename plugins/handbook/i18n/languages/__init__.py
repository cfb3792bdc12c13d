"""One module per language: `WORDS`, each text of `en.py` translated, and `NAME`."""

"""The manual's reference pages, generated from the code at every build (never written by hand).

Each module makes one page from one source of truth in `plugins/handbook/` and says what it could
not document (`problems()`): an option, code, command, flag, field or variable with no
description, or an entry of the manual's own that names something the code no longer has. The
build fails on any problem (`hooks/reference.py`, through `pages.problems()`), and so does `tests/manual`.
"""

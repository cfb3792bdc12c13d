"""Text from git, the map or page front matter, made inert inside the Markdown we generate.

Backslash escapes are not enough: pymdownx.arithmatex reads `\\(...\\)` and `\\[...\\]` as maths
(a commit "Remove docs (no longer needed)" became a formula), and `$...$` too. Numeric character
references render as the character itself under every Markdown extension, and start no syntax.
"""

from __future__ import annotations

import html
import re

# What starts syntax in the middle of a line: Markdown's emphasis, code, links and escapes, tables'
# pipes, and what pymdownx gives meaning to: maths ($ and backslash), mark (==), caret and tilde
# (^^ ~~), critic and keys ({++ ++}, ++ctrl++), attr_list ({: }). Parentheses, `#`, `-` and `.` start
# nothing mid-line (without `[` or a backslash before them), so they stay as they are, readable
# in the HTML and in searches of it.
_SPECIAL = re.compile(r"[\\`*_{}\[\]|~$=^+]")


def inert(text: str) -> str:
    """`text` as literal Markdown text: HTML escaped, and every syntax character a reference."""
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", html.escape(text, quote=False))


def inert_brackets(text: str) -> str:
    """Only link syntax and maths delimiters made inert, for text that may keep emphasis (a
    channel topic's `*word*`) but must not become a link or a formula."""
    return re.sub(r"[\[\]\\$]", lambda m: f"&#{ord(m.group())};", text)

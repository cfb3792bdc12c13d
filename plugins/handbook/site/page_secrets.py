"""Tokens and webhook URLs an author wrote into a page: reported at their lines, left out of what
the page publishes.

Once committed, a token is in the repository's history for good, so the finding says to revoke it;
the published page (title, description, text, code blocks, links, table of contents, and so its
search entry) says "[token removed]" in the site's language instead. The page's Markdown is cleaned
before it is rendered, so a token split by syntax highlighting is gone too; the rendered HTML is
looked at again for what the Markdown did not hold (an included file, another plugin's text).
`handbook check` reports the same findings from the same function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from handbook.findings import TOKEN_IN_PAGE, Finding
from handbook.text.secrets import remove_secrets, secret_kind, secrets_in


def findings(source: str, display: str) -> list[Finding]:
    """One finding per line of the page file `source` (front matter included) that holds a secret."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        kinds = dict.fromkeys(secret_kind(s) for s in secrets_in(line))
        if kinds:
            found.append(TOKEN_IN_PAGE(f"the page holds {' and '.join(kinds)}; the published page leaves it out",
                                       display, number))
    return found


def rendered_finding(display: str, kinds: Iterable[str]) -> Finding:
    """A secret in the rendered page that its file does not hold (an included file, a plugin)."""
    return TOKEN_IN_PAGE(f"the rendered page holds {' and '.join(dict.fromkeys(kinds))}, though its file does "
                         "not (an included file or another plugin wrote it); the published page "
                         "leaves it out", display, None)


def page_holds_secrets(markdown: str, meta: Mapping) -> bool:
    return bool(secrets_in(markdown)) or any(secrets_in(v) for v in _strings(meta))


def clean_page(markdown: str, page, marker: str) -> str:
    """The page's Markdown without secrets; its front matter values cleaned in place."""
    page.meta = _clean(page.meta, marker)
    markdown = remove_secrets(markdown, marker)
    # A link to a webhook URL is a link to nowhere now: its text, then the marker, as plain text.
    quoted = re.escape(marker)
    markdown = re.sub(rf"(?<!!)\[([^\]\n]*)\]\(\s*<?{quoted}>?\s*\)", lambda m: f"{m.group(1)} ({marker})", markdown)
    return re.sub(rf"<{quoted}>", lambda _: marker, markdown)


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _clean(value, marker: str):
    if isinstance(value, str):
        return remove_secrets(value, marker)
    if isinstance(value, Mapping):
        return {k: _clean(v, marker) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, marker) for v in value]
    return value

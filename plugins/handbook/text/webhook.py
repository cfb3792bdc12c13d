"""A Discord webhook message within Discord's limits, for every announcement the handbook posts.

Pure: the text in, the JSON body out (https://discord.com/developers/docs/resources/webhook#execute-webhook,
embed limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
"""

from __future__ import annotations

import re
from collections.abc import Callable

EMBED_TITLE_MAX, EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX = 256, 4096, 6000


def embed_message(title: str, lines: list[str], footer: str, site_url: str | None,
                  more: Callable[[list[str]], str] = lambda rest: f"…and {len(rest)} more") -> dict:
    """One webhook message: an embed whose description holds as many `lines` as Discord's limits
    allow, then `more(lines left out)`; nobody is pinged (`allowed_mentions` empty)."""
    title = title[:EMBED_TITLE_MAX]
    budget = min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - len(title) - len(footer)) - 40
    description, used = [], 0
    for index, line in enumerate(lines):
        if used + len(line) + 1 > budget:
            description.append(more(lines[index:]))
            break
        description.append(line)
        used += len(line) + 1
    embed: dict = {"title": title, "description": "\n".join(description), "footer": {"text": footer}}
    if site_url:
        embed["url"] = site_url
    return {"username": "Handbook", "embeds": [embed], "allowed_mentions": {"parse": []}}


_MARKDOWN = re.compile(r"([\\`*_~|\[\]()<>#@])")


def escape(text: str) -> str:
    """Plain text for a Discord message: Markdown and mention syntax neutralised."""
    return _MARKDOWN.sub(r"\\\1", text)

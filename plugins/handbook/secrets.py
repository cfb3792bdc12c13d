"""What a secret looks like, so it can be kept out of messages and logs.

Bot tokens and webhook URLs reach the program only through environment variables; any text that
might echo them (an HTTP error, a log line, a message) passes `redact` first.
"""

from __future__ import annotations

import re

SECRET_ENV_VARS = ("DISCORD_TOKEN", "DISCORD_WEBHOOK_URL")

_SECRET_PATTERNS = [
    re.compile(r"(discord(?:app)?\.com/api(?:/v\d+)?/webhooks/\d+/)[\w-]+"),
    re.compile(r"(/webhooks/\d+/)[\w-]+"),
    re.compile(r"(Bot )[\w.-]{20,}"),
]


def redact(text: str, *secrets: str | None) -> str:
    """`text` with the given secrets, bot tokens and webhook tokens replaced by `[redacted]`."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(r"\1[redacted]", text)
    return text

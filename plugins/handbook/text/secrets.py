"""What a secret looks like, so it can be kept out of messages and logs.

Bot tokens, user (`mfa.`) tokens and webhook URLs reach the program only through environment
variables; any text that might echo them (an HTTP error, a log line, a message) passes `redact`
first. Text bound for the
published site (commit messages, names) passes `redact_secret_shapes`: anything shaped like a
token, a webhook URL or an invite that is not the server's public one.
"""

from __future__ import annotations

import re

TOKEN_ENV = "DISCORD_TOKEN"
WEBHOOK_ENV = "DISCORD_WEBHOOK_URL"
GUILD_ENV = "DISCORD_GUILD_ID"
"""Not a secret: the server's id, for commands run on a map without `server.guild_id`."""
SECRET_ENV_VARS = (TOKEN_ENV, WEBHOOK_ENV)
MIN_SECRET_LENGTH = 8
"""Discord's bot tokens are about 70 characters and webhook URLs longer; no real one is shorter."""

_SECRET_PATTERNS = [
    re.compile(r"(discord(?:app)?\.com/api(?:/v\d+)?/webhooks/\d+/)[\w-]+"),
    re.compile(r"(/webhooks/\d+/)[\w-]+"),
    re.compile(r"(Bot )[\w.-]{20,}"),
    re.compile(r"((?<![\w-]))mfa\.[\w-]{20,}"),  # a user token, which has no `Bot ` before it
]


def redact(text: str, *secrets: str | None) -> str:
    """`text` with the given secrets, bot tokens and webhook tokens replaced by `[redacted]`."""
    for secret in secrets:
        # A value too short to be a token or webhook URL (a placeholder such as `x` or `test`) is
        # not searched for: replacing every `x` would make the message unreadable.
        if secret and len(secret.strip()) >= MIN_SECRET_LENGTH:
            text = text.replace(secret, "[redacted]")
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(r"\1[redacted]", text)
    return text


# --- what the published site must never carry ------------------------------------------------
# Shapes, not values: a token or webhook URL pasted into a commit message is caught even though
# the build never saw it. Discord's bot tokens are three base64url parts joined by dots
# (https://discord.com/developers/docs/reference#authentication); webhook URLs carry their token
# in the path (https://discord.com/developers/docs/resources/webhook#execute-webhook); invites
# are discord.gg/CODE or discord.com/invite/CODE (https://support.discord.com/hc/en-us/articles/208866998).

REDACTED = "[redacted]"
TOKEN_SHAPE = re.compile(r"(?<![\w-])(?:[A-Za-z\d_-]{23,28}\.[A-Za-z\d_-]{6,7}\.[A-Za-z\d_-]{27,}|mfa\.[\w-]{20,})")
"""A bot token, or a user account's token with two-factor login (`mfa.` and about 84 base64url
characters: https://discord.com/developers/docs/reference#authentication names bot and bearer
tokens; user tokens are the same secret in another shape, and automating a user account is
against Discord's terms: https://support.discord.com/hc/en-us/articles/115002192352)."""
WEBHOOK_SHAPE = re.compile(
    r"(?:https?://)?(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api(?:/v\d+)?/webhooks/\d+/[\w-]+", re.IGNORECASE
)
INVITE_SHAPE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:discord\.gg|discord(?:app)?\.com/invite)/([\w-]+)", re.IGNORECASE
)


def invite_code(url: str | None) -> str | None:
    """The code of a Discord invite URL (`https://discord.gg/CODE`), or None if `url` is none."""
    m = INVITE_SHAPE.fullmatch(url.strip()) if url else None
    return m.group(1) if m else None


def redact_secret_shapes(text: str, public_invite: str | None = None) -> str:
    """`text` without tokens, webhook URLs and invites other than the public one (`[redacted]`)."""
    if "." not in text and "/" not in text:
        return text  # every shape has a dot or a slash: most commit subjects stop here
    text = WEBHOOK_SHAPE.sub(REDACTED, text)
    text = TOKEN_SHAPE.sub(REDACTED, text)
    public = invite_code(public_invite)
    return INVITE_SHAPE.sub(lambda m: m.group(0) if public and m.group(1) == public else REDACTED, text)


# --- a secret an author wrote into a page ------------------------------------------------------
# Invites are left alone here: a page links to other communities' invites on purpose, and the
# private ones are in the privacy vocabulary.

PAGE_SECRET_SHAPES = (WEBHOOK_SHAPE, TOKEN_SHAPE)


def secret_kind(found: str) -> str:
    """What a secret `secrets_in` found is, for a message that must not repeat it."""
    if WEBHOOK_SHAPE.fullmatch(found):
        return "a Discord webhook URL"
    return "a Discord user token" if found.startswith("mfa.") else "a Discord bot token"


def secrets_in(text: str) -> list[str]:
    """The tokens and webhook URLs in `text`, in order (a webhook's own token counted once)."""
    if "." not in text:
        return []  # every shape has a dot: most lines stop here
    spans: list[tuple[int, str]] = []
    for shape in PAGE_SECRET_SHAPES:
        for m in shape.finditer(text):
            if not any(start <= m.start() < start + len(s) for start, s in spans):
                spans.append((m.start(), m.group(0)))
    return [s for _, s in sorted(spans)]


def remove_secrets(text: str, marker: str) -> str:
    """`text` with every token and webhook URL replaced by `marker`."""
    if "." not in text:
        return text
    for shape in PAGE_SECRET_SHAPES:
        text = shape.sub(lambda _: marker, text)
    return text

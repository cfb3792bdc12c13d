"""Whether a URL is a web address a link check can ask at: pure, shared by the checker and the loader.

A link, a redirect's `Location` and a community's `url` are all judged here, so a page, a server
and communities.yml get the same answer with the same words.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

WEB_SCHEMES = ("http", "https")


def split(url: str) -> SplitResult | None:
    """`urlsplit(url)`, or None for what it cannot read (an unclosed `[`)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def address_problem(url: str) -> str | None:
    """Why `url` cannot be asked over HTTP (not http or https, no host, a bad port), or None."""
    try:
        parts = urlsplit(url)
    except ValueError as err:
        return f"it cannot be read: {err}"
    scheme = parts.scheme.lower()
    if scheme not in WEB_SCHEMES:
        return f"{scheme}: is not http or https" if scheme else "it does not start with http:// or https://"
    if any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        return "it has a space or a control character in it"
    if not parts.hostname:
        return "it has no host name"
    try:
        parts.port
    except ValueError:
        return "its port is not a number up to 65535"
    return None

"""GitBook Markdown syntax shared by the conversion modules: patterns and small pure helpers.

Patterns run over single lines that the callers have already placed outside fenced code, with
inline code masked (`CODE_SPAN`), so they never touch code.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

TAG_LINE = re.compile(r"^(?P<indent>[ \t]*)\{%-?\s*(?P<end>end)?(?P<name>[\w-]+)(?P<args>.*?)\s*-?%\}\s*$")
INLINE_TAG = re.compile(r"\{%-?\s*(?P<end>end)?(?P<name>[\w-]+)(?P<args>.*?)\s*-?%\}")
ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))""")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
IMAGE = re.compile(
    r"!\[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\((?P<url><[^<>\n]*>|(?:[^()\s\\]|\\.|\((?:[^()\s\\]|\\.)*\))*)(?P<title>\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
LINK = re.compile(
    r"(?<!!)\[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\((?P<url><[^<>\n]*>|(?:[^()\s\\]|\\.|\((?:[^()\s\\]|\\.)*\))*)(?P<title>\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
REFERENCE = re.compile(r"^(?P<lead>\s{0,3}\[[^\]]+\]:\s*)(?P<url><[^>]*>|\S+)(?P<rest>.*)$")
HEADING_ANCHOR = re.compile(r'^(?P<heading>#{1,6}\s.*?)\s*<a\s+href="#(?P<id>[^"]+)"\s+id="(?P=id)"\s*>\s*</a>\s*$')
HEADING = re.compile(r"^#{1,6}\s+(?P<title>.*?)\s*#*\s*$")


def parse_attrs(args: str) -> dict[str, str]:
    attrs = {}
    for key, double, single, bare in ATTR.findall(args):
        value = double if double or not (single or bare) else (single or bare)
        attrs[key] = re.sub(r"\\(.)", r"\1", value)
    return attrs


def video_embed(url: str) -> str | None:
    """The player URL for a known video host, or None."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    if host in ("youtube.com", "youtube-nocookie.com"):
        video = parse_qs(parts.query).get("v", [None])[0]
        if not video and len(segments) >= 2 and segments[0] in ("embed", "shorts", "live"):
            video = segments[1]
        return f"https://www.youtube-nocookie.com/embed/{video}" if video else None
    if host == "youtu.be" and segments:
        return f"https://www.youtube-nocookie.com/embed/{segments[0]}"
    if host == "vimeo.com" and segments and segments[-1].isdigit():
        return f"https://player.vimeo.com/video/{segments[-1]}"
    if host == "loom.com" and len(segments) >= 2 and segments[0] == "share":
        return f"https://www.loom.com/embed/{segments[1]}"
    return None


def indent(lines: list[str], by: int = 4) -> list[str]:
    return [(" " * by + line) if line.strip() else "" for line in lines]


def quote(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def escape_text(text: str) -> str:
    """Text safe inside `[...]` of a Markdown link."""
    return text.replace("[", "\\[").replace("]", "\\]")

"""The HTML that GitBook writes into pages, made into Markdown that MkDocs rewrites and Material
styles: `<figure>`s and `<img>`s become Markdown images (so their paths are checked and rewritten),
`<a href>` Markdown links, `<details>` gets `markdown="1"`, `<pre><code>` becomes a fenced block;
URLs inside raw HTML blocks (card tables) get the built site's URLs.
"""

from __future__ import annotations

import html
import re

from handbook.gitbook.links import clean_url, is_external
from handbook.gitbook.syntax import escape_text, quote

HTML_IMG = re.compile(r"<img\s(?P<attrs>[^>]*?)/?>", re.I)
HTML_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
HTML_LINK = re.compile(r"<a\s+href=\"(?P<url>[^\"]*)\"\s*>(?P<text>[^<]*)</a>", re.I)
FIGURE = re.compile(r"^(?P<indent>\s*)<figure>(?P<body>.*)</figure>\s*$", re.I)
FIGCAPTION = re.compile(r"<figcaption>(?P<caption>.*?)</figcaption>", re.I | re.S)
HTML_BLOCK = re.compile(
    r"^\s{0,3}<(table|div|thead|tbody|tr|td|th|ul|ol|li|p|section|blockquote|center|picture|video|dl)\b", re.I
)
HTML_URL = re.compile(r"""(?P<lead>\s(?:href|src)=)(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""", re.I)
PRE_START = re.compile(r"^\s*<pre[\s>]", re.I)
PRE_BLOCK = re.compile(
    r"^\s*<pre(?P<attrs>[^>]*)>\s*<code(?P<code_attrs>[^>]*)>(?P<body>.*)</code>\s*</pre>\s*$", re.I | re.S
)
DETAILS = re.compile(r"^(?P<indent>\s*)<details>\s*$", re.I)


class HtmlRewriter:
    """Works for one page: `page` gives `links`, `old`, `new`, `note()`, `changes` and `rewrite()`."""

    def __init__(self, page) -> None:
        self.page = page

    def attrs(self, attrs: str) -> dict[str, str]:
        return {key.lower(): double or single for key, double, single in HTML_ATTR.findall(attrs)}

    def image(self, match: re.Match, number: int) -> str:
        attrs = self.attrs(match["attrs"])
        src = attrs.pop("src", "")
        if not src or is_external(src) or src.startswith("data:"):
            return match.group(0)
        url = self.page.rewrite(src, number, "image")
        alt = attrs.pop("alt", "")
        if url is None:
            return alt
        self.page.changes["html images"] += 1
        extra = " ".join(f'{k}="{v}"' for k, v in attrs.items() if k in ("width", "height", "title", "align"))
        return f"![{escape_text(alt)}]({url})" + (f"{{ {extra} }}" if extra else "")

    def link(self, match: re.Match, number: int) -> str:
        url = match["url"]
        if not url or url.startswith("#") or is_external(url):
            return match.group(0)
        new = self.page.rewrite(url, number, "link")
        if new is None:
            return match["text"]
        return f"[{match['text']}]({new})"

    def block_line(self, text: str, number: int) -> str:
        """A line of raw HTML (GitBook's card tables): MkDocs leaves its URLs alone, so they get the
        final URLs of the built site."""

        def fix(match: re.Match) -> str:
            url = match["double"] if match["double"] is not None else match["single"]
            if not url or url.startswith(("#", "data:", "mailto:")) or is_external(url):
                return match.group(0)
            site_url = self.page.links.site_url(url, self.page.old, self.page.new)
            if site_url is None:
                self.page.note(number, f"HTML link to {clean_url(url)}: no such file in the GitBook space; left as is")
                return match.group(0)
            self.page.changes["html links"] += 1
            return f'{match["lead"]}"{html.escape(site_url, quote=True)}"'

        return HTML_URL.sub(fix, text)

    def figure(self, match: re.Match, number: int) -> str:
        body = match["body"]
        caption = FIGCAPTION.search(body)
        image = HTML_IMG.search(body)
        if image is None:
            return match.group(0)
        markdown_image = self.image(image, number)
        if not markdown_image.startswith("!["):
            attrs = self.attrs(image["attrs"])
            if not is_external(attrs.get("src", "")):
                return markdown_image  # the image is missing: already reported
            markdown_image = f"![{escape_text(attrs.get('alt', ''))}]({attrs['src']})"
        self.page.changes["figures"] += 1
        indent = match["indent"]
        lines = [f'{indent}<figure markdown="span">', f"{indent}{markdown_image}"]
        if caption:
            text = re.sub(r"</?p>", "", caption["caption"]).strip()
            if text:
                lines.append(f"{indent}<figcaption>{text}</figcaption>")
        lines.append(f"{indent}</figure>")
        return "\n".join(lines)


def pre_to_fence(block: str) -> list[str] | None:
    """GitBook's `<pre class="language-x" data-title=...><code>` (used for highlighted lines, marked
    `<strong>`) as a fenced code block with `title`, `linenums` and `hl_lines`; None if it is not one."""
    match = PRE_BLOCK.match(block)
    if not match:
        return None
    attrs = {k.lower(): v for k, v in re.findall(r"""([\w-]+)(?:=(?:"([^"]*)"|'[^']*'))?""", match["attrs"])}
    classes = (attrs.get("class", "") + " " + _attr(match["code_attrs"], "class")).split()
    language = next((c.split("-", 1)[1] for c in classes if c.startswith(("language-", "lang-"))), "text")
    highlighted, lines = [], []
    for number, raw in enumerate(match["body"].split("\n"), start=1):
        opened = raw.removeprefix("</strong>").startswith("<strong>")
        if opened:
            highlighted.append(str(number))
        lines.append(html.unescape(re.sub(r"</?[a-zA-Z][^>]*>", "", raw)))
    if lines and not lines[-1].strip():
        lines.pop()
    options = []
    if attrs.get("data-title"):
        options.append(f"title={quote(html.unescape(attrs['data-title']))}")
    if "data-line-numbers" in attrs:
        options.append('linenums="1"')
    if highlighted:
        options.append(f'hl_lines="{" ".join(highlighted)}"')
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + language + "".join(" " + o for o in options), *lines, fence]


def _attr(attrs: str, name: str) -> str:
    found = re.search(rf"""\b{name}=(?:"([^"]*)"|'([^']*)')""", attrs)
    return (found.group(1) or found.group(2) or "") if found else ""

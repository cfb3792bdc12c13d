"""GitBook Markdown → Material for MkDocs Markdown, one page at a time.

GitBook's block tags (`{% hint %}`, `{% tabs %}`, ...) stand on lines of their own; they are read
into a tree (never inside fenced code) and written back as admonitions, content tabs, links and
fenced code with a title. Links and images are rewritten for the page's new place. What has no
Material equivalent is reported as a `Finding`, its content kept.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown.extensions.toc import slugify as toc_slugify

from handbook.gitbook.escapes import unescape_line
from handbook.gitbook.links import Links, clean_url
from handbook.gitbook.lists import reindent_lists
from handbook.gitbook.model import LINK_OUT_FIX, Finding
from handbook.gitbook.rawhtml import (
    DETAILS,
    FIGURE,
    HTML_BLOCK,
    HTML_IMG,
    HTML_LINK,
    PRE_START,
    HtmlRewriter,
    pre_to_fence,
)
from handbook.gitbook.syntax import (
    CODE_SPAN,
    FENCE,
    FRONT_MATTER,
    HEADING,
    HEADING_ANCHOR,
    IMAGE,
    INLINE_TAG,
    LINK,
    REFERENCE,
    TAG_LINE,
    escape_text,
    indent,
    parse_attrs,
    quote,
    video_embed,
)

LIST_ITEM = re.compile(r"^[ \t]*(?:[*+-]|\d+[.)])[ \t]")
BLOCK_TAGS = {"hint", "tabs", "tab", "code", "content-ref", "stepper", "step", "columns", "column"}
SELF_CLOSING = {"page-ref", "include"}
HINT_KINDS = {"info": "info", "success": "success", "warning": "warning", "danger": "danger", "tip": "tip"}


@dataclass
class _Line:
    text: str
    number: int
    code: bool = False
    fence_open: bool = False


@dataclass
class _Tag:
    name: str
    attrs: dict[str, str]
    number: int
    indent: str = ""
    end: bool = False
    args: str = ""
    children: list = field(default_factory=list)


@dataclass
class Converted:
    text: str
    findings: list[Finding]
    changes: Counter


class Converter:
    """Converts the pages of one import; `title_of(old_path)` names the pages that links point at."""

    def __init__(
        self, links: Links, title_of: Callable[[str], str], read: Callable[[str], str | None] = lambda old: None
    ) -> None:
        self.links = links
        self.title_of = title_of
        self.read = read  # the text of a file of the space (for `{% include %}`), or None

    def convert(self, text: str, old: str, new: str) -> Converted:
        page = _Page(self, old, new)
        return Converted(page.run(text), page.findings, page.changes)


class _Page:
    def __init__(self, converter: Converter, old: str, new: str, including: tuple[str, ...] = ()) -> None:
        self.converter = converter
        self.including = including  # the pages whose `{% include %}` led here, to stop cycles
        self.links = converter.links
        self.title_of = converter.title_of
        self.old, self.new = old, new
        self.findings: list[Finding] = []
        self.changes: Counter = Counter()
        self.html = HtmlRewriter(self)
        self.in_html = False  # inside a raw HTML block: Markdown is not processed there
        self.math_noted = False
        self.in_list = False  # since a list item, with no unindented paragraph after it

    def note(self, line: int, message: str) -> None:
        self.findings.append(Finding(self.old, line, message))

    # --- reading ---------------------------------------------------------------------------------
    def run(self, text: str) -> str:
        newline_at_end = text.endswith("\n")
        front = ""
        match = FRONT_MATTER.match(text)
        if match:
            front, text = text[: match.end()], text[match.end():]
            if not front.endswith("\n"):
                front += "\n"
        first = front.count("\n") + 1
        lines = text.split("\n")
        if newline_at_end:
            lines.pop()
        lines, sources = reindent_lists("\n".join(lines))
        tree = self._tree(self._events(lines, [first + source for source in sources]))
        out = self._render(tree.children)
        body = "\n".join(out).rstrip("\n")
        return front + body + ("\n" if body or newline_at_end else "")

    def _events(self, lines: list[str], numbers: list[int]) -> list:
        events: list = []
        fence = None
        pre_end: int | None = None  # the last line of a <pre> block already turned into a fence
        for index, text in enumerate(lines):
            number = numbers[index]
            if pre_end is not None:
                if index <= pre_end:
                    continue
                pre_end = None
            if fence:
                events.append(_Line(text, number, code=True))
                match = FENCE.match(text)
                if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                    if not match["info"].strip():
                        fence = None
                continue
            match = FENCE.match(text)
            if match:
                fence = match["fence"]
                events.append(_Line(text, number, code=True, fence_open=True))
                continue
            if PRE_START.match(text):
                end = next((j for j in range(index, len(lines)) if "</pre>" in lines[j]), None)
                fenced = pre_to_fence("\n".join(lines[index:end + 1])) if end is not None else None
                if fenced:
                    pre_end = end
                    indent = text[: len(text) - len(text.lstrip())]
                    self.changes["pre"] += 1
                    events += [
                        _Line(indent + line if line else line, number, code=True, fence_open=not k)
                        for k, line in enumerate(fenced)
                    ]
                    continue
            tag = TAG_LINE.match(text)
            if tag:
                events.append(_Tag(
                    tag["name"], parse_attrs(tag["args"]), number, tag["indent"], end=bool(tag["end"]),
                    args=tag["args"],
                ))
                continue
            events.append(_Line(text, number))
        return events

    def _tree(self, events: list) -> _Tag:
        root = _Tag("", {}, 0)
        stack = [root]
        for index, event in enumerate(events):
            if isinstance(event, _Line):
                stack[-1].children.append(event)
            elif not event.end:
                stack[-1].children.append(event)
                if _is_block(events, index):
                    stack.append(event)
            elif any(open_.name == event.name for open_ in stack[1:]):
                while stack[-1].name != event.name:
                    unclosed = stack.pop()
                    self.note(unclosed.number, f"{{% {unclosed.name} %}} is never closed; closed it here")
                stack.pop()
            else:
                self.note(event.number, f"{{% end{event.name} %}} closes nothing; removed it")
        while len(stack) > 1:
            unclosed = stack.pop()
            self.note(unclosed.number, f"{{% {unclosed.name} %}} is never closed; closed it at the end of the page")
        return root

    # --- writing ---------------------------------------------------------------------------------
    def _render(self, nodes: list) -> list[str]:
        out: list[str] = []
        after_block = False  # a block ends with a blank line: skip the source's own blank after it
        for node in nodes:
            if isinstance(node, _Line):
                if after_block and not node.code and not node.text.strip():
                    after_block = False
                    continue
                after_block = False
                out.extend((node.text if node.code else self.inline(node.text, node.number)).split("\n"))
                continue
            block = self._block(node)
            if not any(line.strip() for line in block):
                continue
            if out and out[-1].strip():
                out.append("")
            out.extend(block)
            out.append("")
            after_block = True
        return out

    def _body(self, tag: _Tag) -> list[str]:
        """The rendered children of a block, without the block's own indentation or edge blank lines."""
        lines = [line[len(tag.indent):] if line.startswith(tag.indent) else line.lstrip()
                 for line in self._render(tag.children)]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        fence = _open_fence(lines)
        if fence:  # a code block left open would swallow everything after the block
            self.note(tag.number, f"a code block in {{% {tag.name} %}} is never closed; closed it at the block's end")
            lines.append(fence)
        return lines

    def _block(self, tag: _Tag) -> list[str]:
        handler = getattr(self, "_tag_" + tag.name.replace("-", "_"), None)
        lines = handler(tag) if handler else self._unknown(tag)
        while lines and not lines[-1].strip():
            lines.pop()
        self.changes[tag.name] += 1
        return [tag.indent + line if line.strip() else "" for line in lines]

    def _tag_hint(self, tag: _Tag) -> list[str]:
        style = tag.attrs.get("style", "info")
        kind = HINT_KINDS.get(style)
        if kind is None:
            kind = "note"
            self.note(tag.number, f'hint style "{style}" is unknown; made it a note')
        body = self._body(tag)
        title = ""
        heading = HEADING.match(body[0]) if body else None
        if heading:
            title = " " + quote(heading["title"])
            body = body[1:]
            while body and not body[0].strip():
                body.pop(0)
        return [f"!!! {kind}{title}", "", *indent(body)]

    def _tag_tabs(self, tag: _Tag) -> list[str]:
        before: list = []
        tabs: list[str] = []
        after: list = []
        for child in tag.children:
            if isinstance(child, _Tag) and child.name == "tab":
                title = child.attrs.get("title") or "Tab"
                tabs += [f"=== {quote(title)}", "", *indent(self._body(child)), ""]
                self.changes["tab"] += 1
            elif isinstance(child, _Tag) or child.text.strip():
                (after if tabs else before).append(child)
        if before or after:
            self.note(tag.number, "content inside {% tabs %} but outside any {% tab %} kept beside the tabs")
        lines = self._render(before) if before else []
        if lines and lines[-1].strip():
            lines.append("")
        return lines + tabs + (self._render(after) if after else [])

    def _tag_tab(self, tag: _Tag) -> list[str]:
        self.note(tag.number, "{% tab %} outside {% tabs %}; made it a single tab")
        return self._tag_tabs(_Tag("tabs", {}, tag.number, children=[tag]))

    def _tag_stepper(self, tag: _Tag) -> list[str]:
        """Steps become an ordered list, each step's content inside its item."""
        lines: list[str] = []
        number = 0
        for child in tag.children:
            if isinstance(child, _Tag) and child.name == "step":
                number += 1
                body = self._body(child) or [""]
                marker = f"{number}.".ljust(4)
                if not re.match(r"[#\w*_\[(]", body[0]):  # a fence, admonition or HTML can't share the marker
                    body = [f"**Step {number}**", "", *body]
                lines += [marker + body[0], *indent(body[1:]), ""]
                self.changes["step"] += 1
            elif isinstance(child, _Tag) or child.text.strip():
                lines += self._render([child])
        return lines

    def _tag_step(self, tag: _Tag) -> list[str]:
        return self._tag_stepper(_Tag("stepper", {}, tag.number, children=[tag]))

    def _tag_columns(self, tag: _Tag) -> list[str]:
        """Columns become a Material grid: one cell per column."""
        lines = ['<div class="grid" markdown>', ""]
        for child in tag.children:
            if isinstance(child, _Tag) and child.name == "column":
                lines += ["<div markdown>", "", *self._body(child), "", "</div>", ""]
                self.changes["column"] += 1
            elif isinstance(child, _Tag) or child.text.strip():
                lines += self._render([child])
        return [*lines, "</div>"]

    def _tag_column(self, tag: _Tag) -> list[str]:
        return self._tag_columns(_Tag("columns", {}, tag.number, children=[tag]))

    def _tag_code(self, tag: _Tag) -> list[str]:
        fence = next((c for c in tag.children if isinstance(c, _Line) and c.fence_open), None)
        if fence is None:
            self.note(tag.number, "{% code %} holds no fenced code block; kept its content")
            return self._body(tag)
        match = FENCE.match(fence.text)
        assert match is not None  # fence_open lines match FENCE
        info = match["info"].strip().split(None, 1)
        language = info[0] if info else "text"
        options = [info[1]] if len(info) > 1 else []
        if tag.attrs.get("title"):
            options.append(f"title={quote(tag.attrs['title'])}")
        if tag.attrs.get("lineNumbers", "").lower() == "true":
            options.append('linenums="1"')
        fence.text = f"{match['indent']}{match['fence']}{language}" + "".join(" " + o for o in options)
        for key in tag.attrs.keys() - {"title", "lineNumbers", "overflow", "fullWidth"}:
            self.note(tag.number, f'{{% code %}} option "{key}" has no Material equivalent; dropped it')
        return self._body(tag)

    def _ref(self, tag: _Tag, url: str | None, inner_text: str = "") -> list[str]:
        if not url:
            self.note(tag.number, f"{{% {tag.name} %}} has no page to link to; removed it")
            return [inner_text] if inner_text else []
        resolved = self.links.resolve(url, self.old, self.new)
        if resolved.external:
            return [f"[{url}]({url})"]
        if resolved.url is None:
            self.note(tag.number, f"{{% {tag.name} %}} points at {url}, which does not exist; kept its name as text")
            return [posixpath.basename(clean_url(url))]
        title = self.title_of(resolved.target) if resolved.target else url
        return [f"[{escape_text(title)}]({resolved.url})"]

    def _tag_content_ref(self, tag: _Tag) -> list[str]:
        return self._ref(tag, tag.attrs.get("url"))

    def _tag_page_ref(self, tag: _Tag) -> list[str]:
        return self._ref(tag, tag.attrs.get("page") or tag.attrs.get("url"))

    def _caption(self, tag: _Tag) -> str:
        caption = tag.attrs.get("caption", "")
        inner = " ".join(" ".join(self._body(tag)).split())
        return inner or caption

    def _tag_embed(self, tag: _Tag) -> list[str]:
        url = tag.attrs.get("url", "")
        caption = self._caption(tag)
        if not url:
            self.note(tag.number, "{% embed %} has no url; removed it")
            return [caption] if caption else []
        player = video_embed(url)
        link = f"[{escape_text(caption) if caption else url}]({url})"
        if player:
            title = html.escape(caption or "Video", quote=True)
            return [
                f'<iframe src="{player}" title="{title}" width="640" height="360" frameborder="0" '
                'allow="fullscreen; picture-in-picture" allowfullscreen></iframe>',
                "",
                link,
            ]
        return [link]

    def _tag_file(self, tag: _Tag) -> list[str]:
        src = tag.attrs.get("src", "")
        caption = self._caption(tag)
        resolved = self.links.resolve(src, self.old, self.new) if src else None
        if resolved is None or (resolved.url is None and not resolved.external):
            self.note(tag.number, f"{{% file %}} points at {src or 'nothing'}, which does not exist; kept the caption")
            return [caption] if caption else []
        name = posixpath.basename(unquote(clean_url(src)))
        text = escape_text(caption or name)
        return [f'[{text}]({resolved.url}){{ download="{html.escape(name, quote=True)}" }}']

    def _tag_include(self, tag: _Tag) -> list[str]:
        """GitBook's reusable content: the included file's converted text, in place."""
        quoted = re.search(r"""["']([^"']+)["']""", tag.args) if tag.args else None
        path = quoted.group(1) if quoted else (tag.args or "").strip()
        target = self.links.target_of(path, self.old) if path else None
        text = self.converter.read(target) if target else None
        if text is None and path and self.links.is_link_out(path, self.old):
            self.note(tag.number, f"{{% include %}} of {path}: a link out of the repository; removed it "
                                  f"({LINK_OUT_FIX})")
            return []
        if text is None:
            self.note(tag.number, f"{{% include %}} of {path or 'nothing'}: no such file; removed it")
            return []
        if target in self.including or target == self.old:
            self.note(tag.number, f"{{% include %}} of {path} includes itself; removed it")
            return []
        match = FRONT_MATTER.match(text)
        assert target is not None  # no text without a target
        inner = _Page(self.converter, target, self.new, (*self.including, self.old))
        converted = inner.run(text[match.end():] if match else text)
        self.findings.extend(inner.findings)
        self.changes.update(inner.changes)
        return converted.strip("\n").split("\n")

    def _unknown(self, tag: _Tag) -> list[str]:
        self.note(
            tag.number,
            f"{{% {tag.name} %}} has no Material equivalent; removed the tag and kept its content",
        )
        return self._body(tag)

    # --- inline ----------------------------------------------------------------------------------
    def inline(self, text: str, number: int) -> str:
        if not text.strip():
            self.in_html = False
            return text
        list_content = self._list_content(text)
        figure = FIGURE.match(text)
        if figure:
            return self.html.figure(figure, number)
        details = DETAILS.match(text)
        if details:
            self.changes["details"] += 1
            return details["indent"] + '<details markdown="1">'
        if self.in_html or HTML_BLOCK.match(text):
            self.in_html = True
            return self.html.block_line(text, number)
        if "$$" in CODE_SPAN.sub("", text) and not self.math_noted:
            self.math_noted = True
            self.note(number, "math ($$) kept as written: add pymdownx.arithmatex and MathJax to typeset it")
        spans: list[str] = []

        def mask(match: re.Match) -> str:
            spans.append(match.group(0))
            return f"\x00{len(spans) - 1}\x00"

        text = CODE_SPAN.sub(mask, text)
        anchor = HEADING_ANCHOR.match(text)
        if anchor:
            heading = HEADING.match(anchor["heading"])
            plain = re.sub(r"[*_`\\]", "", heading["title"]) if heading else ""
            same = plain and toc_slugify(plain, "-") == anchor["id"]  # MkDocs gives it that id anyway
            text = anchor["heading"] if same else f"{anchor['heading']} {{ #{anchor['id']} }}"
            self.changes["heading anchor"] += 1
        text = HTML_IMG.sub(lambda m: self.html.image(m, number), text)
        text = HTML_LINK.sub(lambda m: self.html.link(m, number), text)
        text = IMAGE.sub(lambda m: self._link(m, number, image=True), text)
        text = LINK.sub(lambda m: self._link(m, number, image=False), text)
        reference = REFERENCE.match(text)
        if reference:
            text = self._reference(reference, number)
        text = INLINE_TAG.sub(lambda m: self._inline_tag(m, number), text)
        trailing = len(text) - len(text.rstrip("\\"))
        if trailing % 2 and not text.lstrip().startswith("|"):
            text = text[:-1].rstrip() + "<br>"  # CommonMark's backslash line break
            self.changes["line breaks"] += 1
        text = re.sub("\x00(\\d+)\x00", lambda m: spans[int(m.group(1))], text)
        unescaped = unescape_line(text, list_content=list_content)
        if unescaped != text:
            self.changes["escapes"] += 1
        return unescaped

    def _list_content(self, text: str) -> bool:
        """Whether `text` is indented under a list item (so four spaces are not a code block)."""
        indent = len(text) - len(text.lstrip(" \t"))
        if LIST_ITEM.match(text):
            self.in_list = True
        elif indent == 0:
            self.in_list = False
        return self.in_list and indent >= 4

    def rewrite(self, url: str, number: int, what: str) -> str | None:
        resolved = self.links.resolve(url, self.old, self.new)
        if resolved.external:
            return url
        if resolved.url is None:
            self.note(number, f"{what} to {clean_url(url)}: no such file in the GitBook space; kept the text only")
            return None
        if resolved.url != url:
            self.changes["links"] += 1
        return resolved.url

    def _link(self, match: re.Match, number: int, image: bool) -> str:
        url = self.rewrite(match["url"], number, "image" if image else "link")
        if url is None:
            return match["text"]
        return f"{'!' if image else ''}[{match['text']}]({url}{match['title'] or ''})"

    def _reference(self, match: re.Match, number: int) -> str:
        url = self.rewrite(match["url"], number, "link definition")
        if url is None:
            return match.group(0)
        return f"{match['lead']}{url}{match['rest']}"

    def _inline_tag(self, match: re.Match, number: int) -> str:
        tag = _Tag(match["name"], parse_attrs(match["args"]), number, args=match["args"])
        if match["end"]:
            self.note(number, f"{{% end{tag.name} %}} inside a line; removed it")
            return ""
        if tag.name in ("embed", "page-ref", "content-ref", "file"):
            self.changes[tag.name] += 1
            handler = getattr(self, "_tag_" + tag.name.replace("-", "_"))
            lines = handler(tag)
            return " ".join(line for line in lines if line.strip() and not line.startswith("<iframe")) or ""
        self.note(number, f"{{% {tag.name} %}} inside a line has no Material equivalent; removed it")
        return ""


def _open_fence(lines: list[str]) -> str | None:
    """The closing line a code fence left open at the end of `lines` needs, or None."""
    fence = None
    for line in lines:
        match = FENCE.match(line)
        if not match:
            continue
        if fence is None:
            fence = match
        elif match["fence"][0] == fence["fence"][0] and len(match["fence"]) >= len(fence["fence"]) \
                and not match["info"].strip():
            fence = None
    return fence["indent"] + fence["fence"] if fence else None


def _is_block(events: list, index: int) -> bool:
    name = events[index].name
    if name in BLOCK_TAGS:
        return True
    if name in SELF_CLOSING:
        return False
    for later in events[index + 1:]:
        if isinstance(later, _Tag) and later.name == name:
            return later.end
    return False



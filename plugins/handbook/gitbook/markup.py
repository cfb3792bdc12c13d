"""GitBook Markdown → Material for MkDocs Markdown, one page at a time.

GitBook's block tags (`{% hint %}`, `{% tabs %}`, ...) stand on lines of their own; they are read
into a tree (never inside fenced code) and written back as admonitions, content tabs, links and
fenced code with a title (`blocks` reads the tree, this module writes it). Links and images are
rewritten for the page's new place (`inline`, line by line). What has no Material equivalent is
reported as a `ImportNote`, its content kept.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from handbook.gitbook.blocks import Line, Tag, build_tree, open_fence, read_events
from handbook.gitbook.inline import InlineMarkup
from handbook.gitbook.links import Links, clean_url
from handbook.gitbook.lists import reindent_lists
from handbook.gitbook.model import LINK_OUT_FIX, ImportNote
from handbook.gitbook.rawhtml import HtmlRewriter
from handbook.gitbook.syntax import FENCE, FRONT_MATTER, HEADING, escape_text, indent, quote, video_embed

HINT_KINDS = {"info": "info", "success": "success", "warning": "warning", "danger": "danger", "tip": "tip"}


@dataclass
class Converted:
    text: str
    findings: list[ImportNote]
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


class _Page(InlineMarkup):
    def __init__(self, converter: Converter, old: str, new: str, including: tuple[str, ...] = ()) -> None:
        self.converter = converter
        self.including = including  # the pages whose `{% include %}` led here, to stop cycles
        self.links = converter.links
        self.title_of = converter.title_of
        self.old, self.new = old, new
        self.findings: list[ImportNote] = []
        self.changes: Counter = Counter()
        self.html = HtmlRewriter(self)
        self.in_html = False  # inside a raw HTML block: Markdown is not processed there
        self.math_noted = False
        self.in_list = False  # since a list item, with no unindented paragraph after it

    def note(self, line: int, message: str) -> None:
        self.findings.append(ImportNote(self.old, line, message))

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
        tree = build_tree(read_events(lines, [first + source for source in sources], self.changes), self.note)
        out = self._render(tree.children)
        body = "\n".join(out).rstrip("\n")
        return front + body + ("\n" if body or newline_at_end else "")

    # --- writing ---------------------------------------------------------------------------------
    def _render(self, nodes: list) -> list[str]:
        out: list[str] = []
        after_block = False  # a block ends with a blank line: skip the source's own blank after it
        for node in nodes:
            if isinstance(node, Line):
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

    def _body(self, tag: Tag) -> list[str]:
        """The rendered children of a block, without the block's own indentation or edge blank lines."""
        lines = [line[len(tag.indent):] if line.startswith(tag.indent) else line.lstrip()
                 for line in self._render(tag.children)]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        fence = open_fence(lines)
        if fence:  # a code block left open would swallow everything after the block
            self.note(tag.number, f"a code block in {{% {tag.name} %}} is never closed; closed it at the block's end")
            lines.append(fence)
        return lines

    def _block(self, tag: Tag) -> list[str]:
        handler = getattr(self, "_tag_" + tag.name.replace("-", "_"), None)
        lines = handler(tag) if handler else self._unknown(tag)
        while lines and not lines[-1].strip():
            lines.pop()
        self.changes[tag.name] += 1
        return [tag.indent + line if line.strip() else "" for line in lines]

    def _tag_hint(self, tag: Tag) -> list[str]:
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

    def _tag_tabs(self, tag: Tag) -> list[str]:
        before: list = []
        tabs: list[str] = []
        after: list = []
        for child in tag.children:
            if isinstance(child, Tag) and child.name == "tab":
                title = child.attrs.get("title") or "Tab"
                tabs += [f"=== {quote(title)}", "", *indent(self._body(child)), ""]
                self.changes["tab"] += 1
            elif isinstance(child, Tag) or child.text.strip():
                (after if tabs else before).append(child)
        if before or after:
            self.note(tag.number, "content inside {% tabs %} but outside any {% tab %} kept beside the tabs")
        lines = self._render(before) if before else []
        if lines and lines[-1].strip():
            lines.append("")
        return lines + tabs + (self._render(after) if after else [])

    def _tag_tab(self, tag: Tag) -> list[str]:
        self.note(tag.number, "{% tab %} outside {% tabs %}; made it a single tab")
        return self._tag_tabs(Tag("tabs", {}, tag.number, children=[tag]))

    def _tag_stepper(self, tag: Tag) -> list[str]:
        """Steps become an ordered list, each step's content inside its item."""
        lines: list[str] = []
        number = 0
        for child in tag.children:
            if isinstance(child, Tag) and child.name == "step":
                number += 1
                body = self._body(child) or [""]
                marker = f"{number}.".ljust(4)
                if not re.match(r"[#\w*_\[(]", body[0]):  # a fence, admonition or HTML can't share the marker
                    body = [f"**Step {number}**", "", *body]
                lines += [marker + body[0], *indent(body[1:]), ""]
                self.changes["step"] += 1
            elif isinstance(child, Tag) or child.text.strip():
                lines += self._render([child])
        return lines

    def _tag_step(self, tag: Tag) -> list[str]:
        return self._tag_stepper(Tag("stepper", {}, tag.number, children=[tag]))

    def _tag_columns(self, tag: Tag) -> list[str]:
        """Columns become a Material grid: one cell per column."""
        lines = ['<div class="grid" markdown>', ""]
        for child in tag.children:
            if isinstance(child, Tag) and child.name == "column":
                lines += ["<div markdown>", "", *self._body(child), "", "</div>", ""]
                self.changes["column"] += 1
            elif isinstance(child, Tag) or child.text.strip():
                lines += self._render([child])
        return [*lines, "</div>"]

    def _tag_column(self, tag: Tag) -> list[str]:
        return self._tag_columns(Tag("columns", {}, tag.number, children=[tag]))

    def _tag_code(self, tag: Tag) -> list[str]:
        fence = next((c for c in tag.children if isinstance(c, Line) and c.fence_open), None)
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

    def _ref(self, tag: Tag, url: str | None, inner_text: str = "") -> list[str]:
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

    def _tag_content_ref(self, tag: Tag) -> list[str]:
        return self._ref(tag, tag.attrs.get("url"))

    def _tag_page_ref(self, tag: Tag) -> list[str]:
        return self._ref(tag, tag.attrs.get("page") or tag.attrs.get("url"))

    def _caption(self, tag: Tag) -> str:
        return self._caption_and_code(tag)[0]

    def _caption_and_code(self, tag: Tag) -> tuple[str, list[str]]:
        """The caption an embed or file shows (its body's prose, on one line), and the fenced code
        its body holds, which a caption cannot: that is kept as a block of its own, below."""
        prose: list[str] = []
        code: list[str] = []
        for line in self._body(tag):
            inside = open_fence(code) is not None
            if inside or FENCE.match(line):
                code.append(line)
            else:
                prose.append(line)
        closing = open_fence(code)
        if closing is not None:
            code.append(closing)
        inner = " ".join(" ".join(prose).split())
        return inner or tag.attrs.get("caption", ""), code

    def _below(self, tag: Tag, block: list[str]) -> list[str]:
        """`block` followed by the code the tag's body held, if any (said once)."""
        _, code = self._caption_and_code(tag)
        if not code:
            return block
        self.note(tag.number, f"{{% {tag.name} %}} holds a code block; kept it below, outside the caption")
        return [*block, "", *code]

    def _tag_embed(self, tag: Tag) -> list[str]:
        url = tag.attrs.get("url", "")
        caption = self._caption(tag)
        if not url:
            self.note(tag.number, "{% embed %} has no url; removed it")
            return [caption] if caption else []
        player = video_embed(url)
        link = f"[{escape_text(caption) if caption else url}]({url})"
        if player:
            title = html.escape(caption or "Video", quote=True)
            return self._below(tag, [
                f'<iframe src="{player}" title="{title}" width="640" height="360" frameborder="0" '
                'allow="fullscreen; picture-in-picture" allowfullscreen></iframe>',
                "",
                link,
            ])
        return self._below(tag, [link])

    def _tag_file(self, tag: Tag) -> list[str]:
        src = tag.attrs.get("src", "")
        caption = self._caption(tag)
        resolved = self.links.resolve(src, self.old, self.new) if src else None
        if resolved is None or (resolved.url is None and not resolved.external):
            self.note(tag.number, f"{{% file %}} points at {src or 'nothing'}, which does not exist; kept the caption")
            return [caption] if caption else []
        name = posixpath.basename(unquote(clean_url(src)))
        text = escape_text(caption or name)
        return self._below(tag, [f'[{text}]({resolved.url}){{ download="{html.escape(name, quote=True)}" }}'])

    def _tag_include(self, tag: Tag) -> list[str]:
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

    def _unknown(self, tag: Tag) -> list[str]:
        self.note(
            tag.number,
            f"{{% {tag.name} %}} has no Material equivalent; removed the tag and kept its content",
        )
        return self._body(tag)


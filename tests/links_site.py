"""Real MkDocs builds of small sites in temporary folders, and the HTML they produce, parsed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import sitekit
import yaml
from paths import FIXTURES

MAP = FIXTURES / "mentions" / "channel_map.yml"


@dataclass
class Site:
    root: Path
    log: list[str]

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def warnings(self) -> list[str]:
        return [line for line in self.log if line.startswith("WARNING")]

    def html(self, page: str) -> "Html":
        return Html.parse((self.site_dir / page).read_text(encoding="utf-8"))


def build_site(root: Path, docs: dict[str, str], *, plugin: dict | None = None, channel_map: Path | str | None = MAP,
               config: dict | None = None, git: bool = False, commit_message: str = "Handbook pages") -> Site:
    """Write `docs` (path → text), `mkdocs.yml` and the channel map under `root`; with `git`,
    commit them all to a new repository (author `sitekit.GIT_ENV`); build in-process; return the
    site with every log line at INFO and above as `LEVEL - message`."""
    sitekit.write_files(root, {f"docs/{path}": text for path, text in docs.items()})
    if isinstance(channel_map, Path):
        sitekit.write_files(root, {"channel_map.yml": channel_map.read_text(encoding="utf-8")})
    elif isinstance(channel_map, str):
        sitekit.write_files(root, {"channel_map.yml": channel_map})
    cfg = {
        "site_name": "Test handbook",
        "site_url": "https://handbook.example.org/",
        "theme": {"name": "material"},
        # Drift and history have their own tests; these sites are about links, so both stay quiet
        # unless a test turns them on.
        "plugins": ["search", {"handbook": {"drift": "ignore", "history": False, **(plugin or {})}}],
        "markdown_extensions": ["admonition", "attr_list", {"toc": {"permalink": True}}],
        "validation": {"omitted_files": "warn", "unrecognized_links": "warn", "anchors": "warn"},
        **(config or {}),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    if git:
        sitekit.commit_all(root, commit_message)
    built = sitekit.build_site(root)
    assert built.aborted is None, built.aborted
    return Site(root, [f"{logging.getLevelName(r.levelno)} - {r.getMessage()}" for r in built.records])


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    classes: set[str] = field(default_factory=set)


class Html(HTMLParser):
    """Every element with its attributes and its text content (nested text included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    @classmethod
    def parse(cls, text: str) -> "Html":
        parser = cls()
        parser.feed(text)
        parser.close()
        return parser

    _VOID = {"br", "img", "input", "meta", "link", "hr", "source", "path", "use", "col", "wbr"}

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        element = Element(tag, attributes, classes=set(attributes.get("class", "").split()))
        self.elements.append(element)
        if tag not in self._VOID:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append(Element(tag, attributes, classes=set(attributes.get("class", "").split())))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def select(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [e for e in self.elements
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
                and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.select(tag, cls, **attrs)
        assert len(found) == 1, f"expected one <{tag} class={cls}>, found {len(found)}"
        return found[0]

    @property
    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    def text_of(self, tag: str, cls: str | None = None) -> list[str]:
        return [" ".join(e.text.split()) for e in self.select(tag, cls)]


def rows(html):
    """Each table row's cells as text, tables in page order."""
    out, row = [], None
    for element in html.elements:
        if element.tag == "tr":
            row = []
            out.append(row)
        elif element.tag in ("td", "th") and row is not None:
            row.append(" ".join(element.text.split()))
    return out

"""Find the GitBook space in a folder and read its `.gitbook.yaml`, keeping line numbers for errors."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handbook.gitbook.model import GitBookError

CONFIG_NAME = ".gitbook.yaml"


@dataclass(frozen=True)
class Redirect:
    source: str  # the old URL path, e.g. "previous/page"
    target: str  # a file path relative to the GitBook root, e.g. "new-folder/page.md"
    line: int


@dataclass(frozen=True)
class Source:
    """A GitBook space: `base` holds `.gitbook.yaml`; `root` (relative to it) holds the pages."""

    base: Path
    root: str = ""  # posix path relative to base; "" when the pages sit in base
    readme: str = "README.md"  # relative to root
    summary: str = "SUMMARY.md"  # relative to root
    redirects: tuple[Redirect, ...] = field(default_factory=tuple)
    config_file: str | None = None  # relative to base


class AlreadyImported(Exception):
    """The folder holds a handbook (mkdocs.yml, no SUMMARY.md): made by an earlier import when
    the importer's commit is in its history, else a MkDocs project that never was a GitBook space."""


def find_source(base: Path) -> Source:
    """The GitBook space in `base`, or `GitBookError` / `AlreadyImported`."""
    config = base / CONFIG_NAME
    if config.is_file():
        return _read_config(base, config)
    if (base / "SUMMARY.md").is_file():
        return Source(base=base)
    if (base / "mkdocs.yml").is_file():
        raise AlreadyImported(str(base / "mkdocs.yml"))
    raise not_a_gitbook(base)


def not_a_gitbook(base: Path) -> GitBookError:
    return GitBookError(
        str(base),
        None,
        f"not a GitBook repository (no {CONFIG_NAME} or SUMMARY.md here)",
        "pass the folder that holds them: handbook import gitbook PATH",
    )


def _read_config(base: Path, config: Path) -> Source:
    name = str(config)
    text = config.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise GitBookError(
            name, mark.line + 1 if mark else None, f"{problem}", "fix the YAML syntax (see yaml.org)"
        ) from None
    if data is None:
        return Source(base=base, config_file=CONFIG_NAME)
    if not isinstance(data, dict):
        raise GitBookError(name, 1, "expected a mapping (root:, structure:, redirects:)", "write `root: ./`")
    lines = _key_lines(node)

    root = data.get("root", "./")
    if not isinstance(root, str):
        raise GitBookError(name, lines.get(("root",)), "`root` must be a folder path", "write e.g. `root: ./docs/`")
    root = posixpath.normpath(root.strip()) if root.strip() else "."
    if root.startswith("/"):
        root = root.lstrip("/") or "."
    if root == ".." or root.startswith("../"):
        raise GitBookError(
            name, lines.get(("root",)), f"`root: {data['root']}` points outside {base}",
            "point it at a folder inside, or run the import in the parent folder",
        )
    root = "" if root == "." else root
    if not (base / root).is_dir():
        raise GitBookError(
            name, lines.get(("root",)), f"`root: {data['root']}` is not a folder", "fix the path or remove `root`"
        )

    structure = data.get("structure") or {}
    if not isinstance(structure, dict):
        raise GitBookError(
            name, lines.get(("structure",)), "`structure` must be a mapping",
            "write `structure:` with `readme: README.md` and `summary: SUMMARY.md` under it",
        )
    files = {}
    for key, default in (("readme", "README.md"), ("summary", "SUMMARY.md")):
        value = structure.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise GitBookError(
                name, lines.get(("structure", key)), f"`structure.{key}` must be a file path",
                f"write e.g. `{key}: {default}`",
            )
        files[key] = posixpath.normpath(value.strip())

    redirects_data = data.get("redirects") or {}
    if not isinstance(redirects_data, dict):
        raise GitBookError(
            name, lines.get(("redirects",)), "`redirects` must be a mapping of old paths to files",
            "write e.g. `old/page: new/page.md`",
        )
    redirects = []
    for old, new in redirects_data.items():
        line = lines.get(("redirects", old))
        if not isinstance(new, str) or not new.strip():
            raise GitBookError(
                name, line, f"redirect `{old}` must point at a file", f"write e.g. `{old}: new/page.md`"
            )
        redirects.append(Redirect(source=str(old), target=new.strip(), line=line or 1))
    return Source(
        base=base, root=root, readme=files["readme"], summary=files["summary"],
        redirects=tuple(redirects), config_file=CONFIG_NAME,
    )


def _key_lines(node: yaml.Node | None, prefix: tuple = ()) -> dict[tuple, int]:
    """Line (1-based) of every key path in a composed YAML mapping: {("structure", "readme"): 4}."""
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, key.value)
            lines[path] = key.start_mark.line + 1
            lines.update(_key_lines(value, path))
    return lines

"""The template variables the plugin gives the theme, and the partials it ships (a site's
`custom_dir` overrides them)."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
from pathlib import Path

import handbook
from handbook import i18n
from handbook.site.links import Discuss
from handbook.site.page_history import PageHistory
from handbook.site.reviews import ReviewFooter
from handbook.site.theme import TEMPLATES
from refgen.options import docstrings
from refgen.text import generated_note, paragraph, table

PATH = "reference/6-templates.md"
TITLE = "Template variables and partials"
SOURCE = "plugins/handbook/site/templates/partials/"
EDIT = "manual/hooks/refgen/templates.py"  # the file "Edit this page" opens
PACKAGE = Path(handbook.__file__).parent
PARTIALS = TEMPLATES / "partials"

VARIABLES: dict[str, tuple[type | None, str]] = {
    # name -> (its type, what it is); where it is set is found in the code
    "handbook_discuss": (Discuss, "\"Discuss this page\": the page's channel. Absent on pages without one."),
    "handbook_history": (PageHistory, "The page's dates and contributors from git. None on generated pages and "
                                      "with `history: false`."),
    "handbook_review": (ReviewFooter, "\"Reviewed on ... by ...\": only on pages with `last_reviewed:`."),
    "handbook_text": (None, "Every word the plugin shows, in the site's `theme.language`: "
                            f"a mapping of {len(i18n.STRINGS)} keys (`handbook_text.discuss_in`), "
                            "from `plugins/handbook/i18n/languages/`."),
    "handbook_boxes": (None, "The boxes the partials show, as HTML made in Python (a site's own copy of a "
                             "partial still wins): `handbook_boxes.history(...)`, `handbook_boxes.discuss(...)`, "
                             "`handbook_boxes.review(...)`."),
}


def set_in_code() -> dict[str, str]:
    """`context["handbook_x"] = ...` and `env.globals["handbook_x"] = ...` in the package: name -> file."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store)
                    and isinstance(node.slice, ast.Constant) and str(node.slice.value).startswith("handbook_")):
                found.setdefault(str(node.slice.value), str(path.relative_to(PACKAGE.parent.parent)))
    return found


def partials() -> dict[str, str]:
    """partial -> what its opening comment says (after `handbook:`)."""
    out = {}
    for path in sorted(PARTIALS.glob("*.html")):
        match = re.match(r"\{#-?\s*handbook:(.*?)-?#\}", path.read_text(encoding="utf-8"), re.S)
        out[f"partials/{path.name}"] = paragraph(match.group(1)) if match else ""
    return out


def used_in_partials() -> dict[str, set[str]]:
    """variable -> the attributes the partials read of it (`discuss.channel`, `hb.updated_iso`)."""
    used: dict[str, set[str]] = {}
    for path in PARTIALS.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        aliases = {alias: name for alias, name in re.findall(r"\{%\s*set\s+(\w+)\s*=\s*(handbook_\w+)\s*%\}", text)}
        for name in re.findall(r"\b(handbook_\w+)\b", text):
            used.setdefault(name, set())
        for owner, attribute in re.findall(r"\b(\w+)\.(\w+)", text):
            name = aliases.get(owner, owner)
            if name.startswith("handbook_"):
                used.setdefault(name, set()).add(attribute)
    return used


def attributes(cls: type) -> list[tuple[str, str]]:
    """(name, what it is) of a dataclass's fields and its properties."""
    texts = docstrings(cls)
    rows = [(f.name, texts.get(f.name, "")) for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    rows += [(name, paragraph(inspect.getdoc(value) or "")) for name, value in vars(cls).items()
             if isinstance(value, property)]
    return rows


def render() -> str:
    where = set_in_code()
    out = [f"# {TITLE}\n", generated_note(SOURCE, "and the plugin's page context"),
           "The plugin adds these variables to every page's template context. A theme or a `custom_dir` "
           "override can use them; the plugin's own partials below show how.\n"]
    for name, (cls, text) in VARIABLES.items():
        out.append(f"## `{name}`\n\n{text} Set in `{where.get(name, '?')}`.\n")
        if cls is not None:
            out.append(table(["attribute", "what it is"],
                             [(f"`{name}.{attr}`", about or "") for attr, about in attributes(cls)]))
    out.append("## Partials\n\nMaterial looks for these in your `custom_dir` first, then in the plugin's.\n")
    out.append(table(["partial", "what it does"], [(f"`{p}`", text) for p, text in partials().items()]))
    return "\n".join(out)


def problems() -> list[str]:
    found = []
    in_code = set_in_code()
    found += [f"template variable `{n}`: set in {f}, not in manual/hooks/refgen/templates.py"
              for n, f in in_code.items() if n not in VARIABLES]
    found += [f"templates.py names `{n}`, which the plugin no longer sets" for n in VARIABLES if n not in in_code]
    for name, attrs in used_in_partials().items():
        if name not in VARIABLES:
            found.append(f"a partial uses `{name}`, which templates.py does not document")
            continue
        cls = VARIABLES[name][0]
        known = {attr for attr, _ in attributes(cls)} if cls else None
        found += [f"a partial reads `{name}.{a}`, which {cls.__name__} does not have" for a in sorted(attrs)
                  if known is not None and a not in known]
    for name, (cls, _) in VARIABLES.items():
        found += [f"template variable `{name}.{attr}`: no description in {cls.__name__}'s code"
                  for attr, about in (attributes(cls) if cls else []) if not about.strip()]
    found += [f"{p}: no `handbook:` comment at its top" for p, text in partials().items() if not text]
    return found

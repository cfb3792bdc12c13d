"""The manual's nav in the order a reader needs it, from the folders alone (no `nav:` to edit).

MkDocs makes the nav from the folders (`index.md` first, then by name); this puts the four kinds
of page in the order of the reader's need (learning, doing, looking up, understanding) and names
the sections. A page dropped into `docs/how-to/` or `docs/explanation/` appears with nothing else
to edit; inside a section pages stay in file-name order.
"""

from __future__ import annotations

KINDS = {  # folder (or page) -> the section's title, in the nav's order
    "tutorial": "Tutorial",
    "how-to": "How-to guides",
    "reference": "Reference",
    "explanation": "Explanation",
}


def _key(item) -> str:
    """The folder (or page) an item of the top level stands for."""
    page = getattr(item, "file", None)
    if page is not None:
        return page.src_uri.split("/")[0].rsplit(".", 1)[0]
    children = [child for child in item.children or [] if getattr(child, "file", None) is not None]
    return children[0].file.src_uri.split("/")[0] if children else ""


def on_nav(nav, config, files):
    order = list(KINDS)
    position = {name: index for index, name in enumerate(order)}
    items = list(nav.items)
    nav.items[:] = sorted(items, key=lambda item: (position.get(_key(item), -1 if _key(item) == "index" else len(order)),
                                                 items.index(item)))
    for item in nav.items:
        title = KINDS.get(_key(item))
        if title and getattr(item, "children", None) is not None:
            item.title = title
    return nav

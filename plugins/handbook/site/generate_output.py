"""The files `handbook generate` writes for site generators that run no MkDocs plugin (Zensical).

The plugin's generated pages go into `docs_dir` as files marked with `GENERATED_KEY` in their
front matter, and the plugin's stylesheet marked in its first line (`CSS_HEADER`). When the plugin
does run (MkDocs, ProperDocs), `without_generate_output` drops the files with that mark and it
generates its own, so one tree builds with either.
"""

from __future__ import annotations

GENERATED_KEY = "handbook_generated"
"""Front matter key of the pages `handbook generate` writes; the plugin replaces such files."""
HEADER = (f"---\n{GENERATED_KEY}: true  # written by `handbook generate`; edits are overwritten\n"
          "render_macros: false\n---\n\n")

CSS_HEADER = f"/* {GENERATED_KEY}: true (written by `handbook generate`; edits are overwritten) */\n"
"""First line of the stylesheet `handbook generate` writes (CSS has no front matter)."""


def is_generate_output(path: str | None) -> bool:
    """Whether the file at `path` was written by `handbook generate` (its first lines say so)."""
    if not path:
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(len(HEADER) + 64)
    except OSError:
        return False
    if head.startswith(CSS_HEADER.split(" (", 1)[0]):
        return True
    return head.startswith("---") and f"\n{GENERATED_KEY}: true" in head


def without_generate_output(files, uris):
    """`files` less the pages at `uris` (the plugin's output paths) that `handbook generate`
    wrote: the plugin makes its own of them."""
    for uri in uris:
        file = files.get_file_from_path(uri) if uri else None
        if file is not None and is_generate_output(file.abs_src_path):
            files.remove(file)
    return files

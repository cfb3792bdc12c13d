"""The sample handbook's accessible palette (`docs/stylesheets/palette.css`), served to the manual
as `stylesheets/palette.css`: one copy of the contrast fixes for Material's code colours, footer
and links. The manual's own colours are `stylesheets/manual.css`, linked after it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

import handbook

HANDBOOK_DOCS = Path(handbook.__file__).resolve().parents[2] / "docs"  # the repository's, wherever the manual is
PALETTE = "stylesheets/palette.css"


def on_files(files, config):
    files.append(File(PALETTE, str(HANDBOOK_DOCS), config.site_dir, config.use_directory_urls))
    return files

"""The reference section, generated from the code at every build (see `refgen/`).

Each page is a generated file whose "Edit this page" link opens the code it comes from. Anything
the code has that a page cannot document (no description, a name that is gone) stops the build,
strict or not, with the list.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).parent))  # refgen/, beside this hook

from refgen import pages  # noqa: E402

INDEX = "reference/index.md"


def index() -> str:
    lines = ["# Reference\n",
             "Every page of this section is generated from the code whenever the manual is built: none is "
             "written by hand, so none can fall behind the tool.\n"]
    lines += [f"- [{page.TITLE}]({page.PATH.removeprefix('reference/')})" for page in pages.PAGES]
    return "\n".join(lines) + "\n"


def on_files(files, config):
    problems = pages.problems()
    if problems:
        raise PluginError("the reference cannot document everything the code has:\n  " + "\n  ".join(problems))
    for path, content, edit in [(INDEX, index(), "manual/hooks/refgen/pages.py"),
                                *[(p.PATH, p.render(), p.EDIT) for p in pages.PAGES]]:
        file = File.generated(config, path, content=content)
        file.edit_uri = "../../" + edit  # edit_uri is edit/main/manual/docs/: back to the repository's top
        files.append(file)
    return files

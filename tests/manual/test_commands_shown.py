"""Every `handbook ...` command the manual and the README show is one the tool has: each is parsed
by the tool's own argument parser, with its flags and their choices."""

from __future__ import annotations

import re

from manualkit import MANUAL

from handbook.cli.app import build_parser
from paths import ROOT

INLINE = re.compile(r"`(handbook [^`]+)`")


def shown(text: str) -> list[str]:
    """The commands of the code blocks (a `$ ` prompt and comments dropped) and of inline code."""
    found, fence = [], None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = None if fence is not None else stripped[3:]
        elif fence in ("sh", "console", "bash", "") and stripped.removeprefix("$ ").startswith("handbook "):
            found.append(stripped.removeprefix("$ "))
        elif fence is None:
            found += INLINE.findall(line)
    return [command.split(" #", 1)[0].split(" | ", 1)[0].strip() for command in found]


def argv(command: str) -> list[str]:
    """A usage line as the parser takes it: `[--format text|json]` is `--format text`, `[PATH]` is left out."""
    words = []
    for word in re.sub(r"\[([^\[\]]*)\]", r"\1", command).split()[1:]:
        word = word.split("|", 1)[0]
        if word in ("...", "ID", "PATH") and words and not words[-1].startswith("-"):
            continue
        words.append(word)
    return words


def problems(commands: list[str]) -> list[str]:
    parser = build_parser()
    bad = []
    for command in commands:
        parser.exit = lambda status=0, message=None: (_ for _ in ()).throw(ValueError(message))  # type: ignore[method-assign]
        try:
            parser.parse_args(argv(command))
        except (SystemExit, ValueError) as error:
            bad.append(f"{command}: {error}")
    return bad


def pages() -> dict[str, str]:
    found = {"README.md": (ROOT / "README.md").read_text(encoding="utf-8")}
    found |= {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((MANUAL / "docs").rglob("*.md"))}
    # and the maintainers' guide of the sample handbook, which communities copy with it
    found |= {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
              for p in sorted((ROOT / "docs" / "maintaining").glob("*.md"))}
    return found


def test_every_command_shown_is_one_the_tool_has(capsys):
    commands = {f"{page}: {c}": c for page, text in pages().items() for c in shown(text)}
    assert len(commands) > 60
    bad = [f"{where} ({problem})" for where, command in commands.items() for problem in problems([command])]
    capsys.readouterr()
    assert bad == []


def test_a_command_or_flag_the_tool_lacks_is_caught(capsys):
    assert problems(["handbook sync --dry-run", "handbook discord plan --format json"]) == []
    assert len(problems(["handbook synch", "handbook check --fix", "handbook review --format yaml"])) == 3
    capsys.readouterr()

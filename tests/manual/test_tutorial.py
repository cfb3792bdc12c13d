"""The tutorial, followed literally in a fresh folder: every file it shows is written, every
command it shows is run in order, and what each prints is what the page shows. Its promises are
checked too: the served site links the topic channel, and the CI workflow fails on the drift."""

from __future__ import annotations

from manualkit import MANUAL
from tutorial_runner import INSTALL, ci_steps, matches, run, serve, steps

PAGE = MANUAL / "docs" / "tutorial.md"


def test_the_tutorial_works_as_written(tmp_path):
    cwd = tmp_path
    skipped, ran, served, ci = [], [], {}, {}
    for step in steps(PAGE.read_text(encoding="utf-8")):
        if step.file is not None:
            path = cwd / step.file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(step.text, encoding="utf-8")
            continue
        command = step.command
        if command in INSTALL:
            skipped.append(command)
        elif command.startswith("cd "):
            cwd = cwd / command.removeprefix("cd ").strip()
        elif command == "mkdocs serve":
            served = serve(cwd)
        else:
            result = run(command, cwd)
            assert "Traceback" not in result.stdout, (command, result.stdout)
            assert result.returncode == step.exits, (command, result.stdout)
            assert matches(step.expected, result.stdout), \
                f"$ {command}\n--- the page shows:\n{step.expected}--- it printed:\n{result.stdout}"
            if command.startswith("handbook check") and step.exits == 1 and not ci:
                ci = ci_steps(cwd)  # the drift, as the workflow's steps meet it
        ran.append(command)
    assert skipped == list(INSTALL)
    assert [c for c in ran if c.startswith("handbook")] == [
        "handbook status  # exits 1: there is something to do", "handbook sync", "handbook check",
        "handbook check  # exits 1: CI fails here", "handbook sync", "handbook check"]

    # what the page promises beyond the output
    assert "Our handbook" in served[""] and "Discuss this page in" in served["habits/"]
    assert ci == {"handbook check": 1, "mkdocs build --strict": 1}
    assert ci_steps(cwd) == {"handbook check": 0, "mkdocs build --strict": 0}  # after the fix
    assert "category: events" in (cwd / "channel_map.yml").read_text(encoding="utf-8")
    assert run("git status --porcelain", cwd).stdout == ""  # everything committed, the site ignored


def test_output_is_compared_line_by_line():
    """The comparison can fail: a changed word, a missing line or an extra one is a mismatch."""
    shown = "wrote a starter map with 2 topic channels\n"
    assert matches(shown, "wrote a starter map with 2 topic channels\n")
    assert not matches(shown, "wrote a starter map with 3 topic channels\n")
    assert not matches(shown, "wrote a starter map with 2 topic channels\nand more\n")
    assert matches("...\nINFO    -  Documentation built in ... seconds\n",
                   "banner\nINFO    -  Cleaning\nINFO    -  Documentation built in 0.75 seconds\n")
    assert not matches("...\nDone\n", "Done\nthen an error\n")

"""Follows a manual page literally: writes each file block (```yaml title="mkdocs.yml"```) and runs
each `$ command` of its console blocks, in order, in one folder, comparing the output shown."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

BIN = Path(sys.executable).parent
BLOCK = re.compile(r'^```(\w+)(?: title="([^"]+)")?\n(.*?)^```', re.M | re.S)
EXITS = re.compile(r"\s+# exits (\d+)\b.*$")

INSTALL = ("python3 -m venv .venv", ". .venv/bin/activate", "pip install -q mkdocs-handbook")
"""Not run: the test's own environment has the package, installed from this checkout."""


@dataclass
class Step:
    file: str | None = None
    """A file block's title: the file to write, with `text`."""
    text: str = ""
    command: str | None = None
    expected: str = ""
    exits: int = 0


def steps(page: str) -> list[Step]:
    found = []
    for kind, title, body in BLOCK.findall(page):
        if title:
            found.append(Step(file=title, text=body))
        elif kind == "console":
            for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
                command, _, output = chunk.partition("\n")
                exits = EXITS.search(command)
                found.append(Step(command=command.strip(), expected=output, exits=int(exits.group(1)) if exits else 0))
    return found


def matches(expected: str, actual: str) -> bool:
    """`...` alone on a line stands for any lines; inside a line, for any text."""
    pattern = "".join(r"(?:.*\n)*?" if line == "..." else re.escape(line).replace(r"\.\.\.", ".*?") + r"\n"
                      for line in expected.splitlines())
    shown = "".join(line.rstrip() + "\n" for line in actual.splitlines())
    return re.fullmatch(pattern, shown) is not None


def environment() -> dict[str, str]:
    """A new user's: no bot token yet, git set up; the tool on the PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "HANDBOOK_", "NO_MKDOCS"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    for who in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{who}_NAME"], env[f"GIT_{who}_EMAIL"] = "Ada Reader", "ada@example.org"
    return env


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=environment(), capture_output=False,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def serve(cwd: Path) -> dict[str, str]:
    """`mkdocs serve` on a free port (its one change: `--dev-addr`), until it serves; the home and
    habits pages as it served them."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(["bash", "-c", f"exec mkdocs serve --dev-addr 127.0.0.1:{port}"], cwd=cwd,
                              env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        log = []
        for line in server.stdout:  # type: ignore[union-attr]
            log.append(line)
            if "Serving on" in line:
                break
        assert any("Serving on" in line for line in log), "".join(log)
        return {path: urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}").read().decode()
                for path in ("", "habits/")}
    finally:
        server.terminate()
        server.wait()


def ci_steps(cwd: Path) -> dict[str, int]:
    """The `run:` steps of the page's workflow, in the folder as CI runs them: step -> exit code."""
    workflow = yaml.safe_load((cwd / ".github" / "workflows" / "handbook.yml").read_text(encoding="utf-8"))
    commands = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert commands[0] == "pip install mkdocs-handbook", commands  # installed already, as above
    return {command: run(command, cwd).returncode for command in commands[1:]}

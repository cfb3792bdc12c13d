#!/usr/bin/env python3
"""The README's two commands: `python3 dev.py serve` and `python3 dev.py test`.

Each sets up what it needs by itself: a virtual environment in `.venv` with this package
installed (editable) and its test extra, re-installed whenever `pyproject.toml` changes.
Standard library only, so it runs on a fresh machine with nothing but Python and git.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".handbook-installed"


def ensure_environment() -> None:
    if sys.version_info < (3, 10):
        sys.exit(f"handbook needs Python 3.10 or newer; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing handbook and its test tools into .venv ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "--editable", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


BROWSER_PACKAGES = ("chromium", "chromium-driver")  # Debian's; the browser test drives them


def ensure_browser() -> None:
    """The browser test needs Debian's Chromium and its driver; install them where we can."""
    if shutil.which("chromium") and shutil.which("chromedriver"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Installing Debian's chromium and chromium-driver for the browser test ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *BROWSER_PACKAGES], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        return
    print("The browser test needs Chromium and chromedriver: on Debian or Ubuntu run\n"
          f"  sudo apt-get install {' '.join(BROWSER_PACKAGES)}\n"
          "(the test fails, with this advice, until they are installed)", file=sys.stderr)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "serve":
        ensure_environment()
        return subprocess.call([str(BIN / "mkdocs"), "serve", *rest], cwd=ROOT)  # warnings show; strict is `build`
    if command == "build":
        ensure_environment()
        return subprocess.call([str(BIN / "mkdocs"), "build", "--strict", *rest], cwd=ROOT)
    if command == "test":
        ensure_environment()
        ensure_browser()
        return subprocess.call([str(BIN / "python"), "-m", "pytest", "-n", "auto", *rest], cwd=ROOT)
    print(__doc__.strip())
    print("\nCommands: serve [mkdocs serve options] | build | test [pytest options]")
    return 0 if command in {"help", "-h", "--help"} else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

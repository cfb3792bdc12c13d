#!/usr/bin/env python3
"""The README's two commands, `python3 dev.py serve` and `python3 dev.py test`, and the manual's.

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
MANUAL = ROOT / "manual" / "mkdocs.yml"  # the tool's manual (docs/ is the sample handbook)


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
NODE_PACKAGES = ("nodejs", "npm")  # Debian's; npm installs axe-core for the accessibility check
BROWSER_TOOLS = ROOT / "tests" / "browser"  # package.json + package-lock.json: axe-core, pinned


def _apt_install(packages: list[str]) -> bool:
    """Install Debian packages when we are root on a machine with apt; False when we cannot."""
    if not (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    print(f"Installing Debian's {', '.join(packages)} for the browser test ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return True


def ensure_browser() -> None:
    """The browser test needs Debian's Chromium and its driver, and axe-core from npm."""
    missing = [] if shutil.which("chromium") and shutil.which("chromedriver") else list(BROWSER_PACKAGES)
    if not shutil.which("npm"):
        missing += NODE_PACKAGES
    if missing and not _apt_install(missing):
        print("The browser test needs Chromium, chromedriver and npm: on Debian or Ubuntu run\n"
              f"  sudo apt-get install {' '.join(missing)}\n"
              "(the test fails, with this advice, until they are installed)", file=sys.stderr)
    ensure_axe()


def ensure_axe() -> None:
    """axe-core, the version pinned in tests/browser/package-lock.json (`npm ci`: the lock, exactly)."""
    if (BROWSER_TOOLS / "node_modules" / "axe-core" / "axe.min.js").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        return  # said above; the accessibility test fails with the same advice
    print("Installing axe-core for the accessibility check (npm ci --prefix tests/browser) ...", flush=True)
    subprocess.run([npm, "ci", "--prefix", str(BROWSER_TOOLS), "--no-audit", "--no-fund", "--loglevel=error"],
                   check=True)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "serve":
        ensure_environment()
        return subprocess.call([str(BIN / "mkdocs"), "serve", *rest], cwd=ROOT)  # warnings show; strict is `build`
    if command == "build":
        ensure_environment()
        return subprocess.call([str(BIN / "mkdocs"), "build", "--strict", *rest], cwd=ROOT)
    if command == "manual":
        ensure_environment()
        return subprocess.call([str(BIN / "mkdocs"), "serve", "-f", str(MANUAL), *rest], cwd=ROOT)
    if command == "manual-build":
        ensure_environment()
        return subprocess.call([str(BIN / "mkdocs"), "build", "--strict", "-f", str(MANUAL), *rest], cwd=ROOT)
    if command == "test":
        ensure_environment()
        ensure_browser()
        return subprocess.call([str(BIN / "python"), "-m", "pytest", "-n", "auto", *rest], cwd=ROOT)
    print(__doc__.strip())
    print("\nCommands: serve [mkdocs serve options] | build | test [pytest options] | manual | manual-build")
    return 0 if command in {"help", "-h", "--help"} else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

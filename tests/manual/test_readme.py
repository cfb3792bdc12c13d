"""README.md is the front door, and the package's long description: short, our two commands first,
and every link, image and command it names is there."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from manualkit import MANUAL

from paths import ROOT

README = ROOT / "README.md"
LINK = re.compile(r"\]\((?!https?://)([^)#\s]+)")


def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_the_readme_is_at_most_150_lines_and_is_the_long_description():
    assert len(readme().splitlines()) <= 150
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["readme"] == "README.md"


def test_it_opens_with_the_two_commands_to_try_this_repository_and_ci_runs_the_second():
    first = re.search(r"```sh\n(.*?)```", readme(), re.S).group(1)
    assert [line.split("#")[0].strip() for line in first.splitlines()] == ["python3 dev.py serve", "python3 dev.py test"]
    assert "\npython3 dev.py test\n" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_file_it_links_or_shows_is_in_the_repository():
    targets = LINK.findall(readme())
    assert len(targets) > 20
    assert [t for t in targets if not (ROOT / t).exists()] == []
    image = re.search(r"!\[[^\]]+\]\(([^)]+\.png)\)", readme()).group(1)
    assert (ROOT / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_it_links_every_how_to_guide_and_explanation_of_the_issue():
    linked = set(LINK.findall(readme()))
    for kind in ("how-to", "explanation"):
        wanted = {f"manual/docs/{kind}/{page.name}" for page in (MANUAL / "docs" / kind).glob("*.md")
                  if page.name != "index.md" and page.name not in {"accessibility.md", "community-links.md",
                                                                   "code-layout.md"}}
        assert wanted - linked == set(), kind


def test_every_dev_py_command_in_the_readme_and_the_manual_exists():
    """`python3 dev.py help` lists the commands; every one the docs name is among them."""
    listed = subprocess.run([sys.executable, str(ROOT / "dev.py"), "help"], capture_output=True, text=True, check=True)
    known = set(re.search(r"Commands: (.*)", listed.stdout).group(1).replace("|", " ").split())
    texts = [readme(), *(p.read_text(encoding="utf-8") for p in (MANUAL / "docs").rglob("*.md"))]
    named = {word for text in texts for word in re.findall(r"python3 dev\.py ([a-z-]+)", text)}
    assert {"serve", "test", "build", "manual", "manual-build"} <= named
    assert named - known == set()

"""The Zensical extension (`handbook.site.standalone`) under bad input: a missing, broken or invalid
channel map and bad options. Real `zensical build`s of a small real git repository whose map has
a private channel that a page mentions: a build that went on without the map would publish its
name as plain text, so bad input stops the build with one line (file, line, fix), exit 2, as
`mkdocs build` stops; a missing map gets the plugin's warning and the pages build.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from history_gitrepo import CHANNEL_MAP_V1
from sitekit import build_site, commit_all, write_files

BIN = Path(sys.executable).parent
PRIVATE = "spring-cohort"
MKDOCS_YML = """\
site_name: Test Handbook
markdown_extensions:
  - toc
  - handbook.site.standalone{options}
plugins:
  - handbook:
      drift: ignore
"""
DOCS = {
    "docs/index.md": "# Welcome\n\nSay hello in #habits.\n",
    "docs/habits/index.md": "# Habits\n\nCohort members plan in #spring-cohort.\n",
}


def handbook_tree(root: Path, channel_map: str | None = CHANNEL_MAP_V1, options: str = "") -> Path:
    write_files(root, {**DOCS, "mkdocs.yml": MKDOCS_YML.format(options=options)})
    if channel_map is not None:
        (root / "channel_map.yml").write_text(channel_map, encoding="utf-8")
    commit_all(root, "Import the handbook")
    return root


def zensical(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(BIN / "zensical"), "build", "--clean"], cwd=root, capture_output=True, text=True,
                          env=env)


def published(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html")) \
        if (root / "site").is_dir() else ""


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def assert_stopped(result: subprocess.CompletedProcess, root: Path, where: str, *words: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, output
    assert re.match(rf"Error: {re.escape(where)}(:\d+)?: ", errors[0]), errors
    assert "Fix: " in errors[0], errors
    for word in words:
        assert word in errors[0], errors
    assert PRIVATE not in published(root)


def test_a_good_map_hides_the_private_mention(tmp_path):
    """The healthy build the cases below stand against."""
    root = handbook_tree(tmp_path)
    result = zensical(root)
    assert result.returncode == 0, result.stdout + result.stderr
    habits = (root / "site" / "habits" / "index.html").read_text(encoding="utf-8")
    assert "handbook-discuss__channel" in habits and PRIVATE not in habits


def test_a_broken_yaml_map_stops_the_build_with_its_line(tmp_path):
    broken = CHANNEL_MAP_V1.replace("  - name: cohort\n", "  - name: [cohort\n")
    root = handbook_tree(tmp_path, broken)
    result = zensical(root)
    reported = re.search(r"channel_map\.yml:(\d+)", result.stderr)
    assert reported and int(reported.group(1)) in (4, 5), result.stderr  # the bracket, or where YAML gave up
    assert_stopped(result, root, f"channel_map.yml:{reported.group(1)}", "invalid YAML")


def test_a_map_that_fails_validation_stops_the_build_with_its_line(tmp_path):
    invalid = CHANNEL_MAP_V1.replace("        kind: topic\n        category: habits\n",
                                     "        kind: banana\n        category: habits\n")
    root = handbook_tree(tmp_path, invalid)
    assert_stopped(zensical(root), root, f"channel_map.yml:{line_of(root / 'channel_map.yml', 'banana')}", "banana")


def test_the_plugin_stops_on_the_same_maps(tmp_path):
    """What the extension does is what `mkdocs build` does with these maps."""
    broken = CHANNEL_MAP_V1.replace("        kind: topic\n        category: habits\n",
                                    "        kind: banana\n        category: habits\n")
    built = build_site(handbook_tree(tmp_path, broken))
    assert built.aborted is not None
    assert any("channel_map.yml:" in e and "banana" in e for e in built.errors), built.errors


@pytest.mark.parametrize(("option", "words"), [
    ("history: maybe", ("'history'",)),
    ("discuss_links: 3", ("'discuss_links'",)),
    ("channel_directory: ../outside.md", ("'channel_directory'", "inside docs_dir")),
    ("language: [de]", ("'language'",)),
    ("colour: blue", ("no option 'colour'", "channel_map")),
])
def test_a_bad_option_stops_the_build_with_its_line(tmp_path, option, words):
    root = handbook_tree(tmp_path, options=f":\n      {option}")
    key = option.split(":", 1)[0]
    assert_stopped(zensical(root), root, f"mkdocs.yml:{line_of(root / 'mkdocs.yml', key + ':')}", *words)


def test_a_missing_map_gives_the_plugins_warning_once_and_the_pages_build(tmp_path):
    root = handbook_tree(tmp_path, channel_map=None)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      drift: ignore\n", ""), encoding="utf-8")
    result = zensical(root)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    plugin_says = [w for w in build_site(root, site_dir=tmp_path / "mkdocs-site").warnings if "[missing-map]" in w]
    assert len(plugin_says) == 1
    assert output.count(plugin_says[0].removeprefix("handbook: ")) == 1, output  # MkDocs' logger adds the prefix
    assert "handbook-history" in (root / "site" / "habits" / "index.html").read_text(encoding="utf-8")


def test_zensical_serve_says_it_once_and_keeps_serving(tmp_path):
    """A local preview: the line is logged and the server stays up for the fix."""
    import socket
    import threading

    broken = CHANNEL_MAP_V1.replace("        kind: topic\n        category: habits\n",
                                    "        kind: banana\n        category: habits\n")
    root = handbook_tree(tmp_path, broken)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([str(BIN / "zensical"), "serve", "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    said = threading.Event()

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append(line)
            if "banana" in line:
                said.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert said.wait(120), "".join(lines)
        assert server.poll() is None, "".join(lines)  # still serving
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C, as a person stops it
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    output = "".join(lines)
    assert "Traceback" not in output
    assert [line for line in output.splitlines() if "banana" in line] == \
        [f"channel_map.yml:{line_of(root / 'channel_map.yml', 'banana')}:15: unknown kind `banana` in channel "
         "`habits`. Fix: write one of: topic, prompt, announcement, voice, forum"]


def test_a_zensical_toml_build_takes_the_plugins_defaults_and_names_its_file(tmp_path):
    write_files(tmp_path, {**DOCS, "channel_map.yml": CHANNEL_MAP_V1, "zensical.toml": (
        '[project]\nsite_name = "Test Handbook"\n\n'
        '[project.markdown_extensions."handbook.site.standalone"]\nhistory = false\n')})
    commit_all(tmp_path, "Import the handbook")
    result = zensical(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    habits = (tmp_path / "site" / "habits" / "index.html").read_text(encoding="utf-8")
    assert "handbook-discuss__channel" in habits and "handbook-history" not in habits
    assert PRIVATE not in habits
    toml = tmp_path / "zensical.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("history = false", 'history = "maybe"'),
                    encoding="utf-8")
    assert_stopped(zensical(tmp_path), tmp_path, f"zensical.toml:{line_of(toml, 'history =')}", "'history'")

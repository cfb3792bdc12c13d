"""A command leaves the temporary folder as it found it.

Material's blog plugin makes a temporary folder when MkDocs loads mkdocs.yml and removes it in
`on_shutdown`, which `mkdocs build` calls at its end. Every `handbook` command loads mkdocs.yml
too, so it ends the same way. Each run has its own TMPDIR, so other processes' files do not count.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

import pytest
from ecosystem_site import DOCS, make_site
from qakit import handbook

from handbook import cli

BLOG = {**DOCS, "blog/index.md": "# Blog\n",
        "blog/posts/first.md": "---\ndate: 2024-03-01\ncategories: [News]\n---\n# First post\n\nHello.\n"}


@pytest.fixture
def blog_site(tmp_path):
    return make_site(tmp_path / "blog", ["search", "blog"], docs=BLOG)


@pytest.mark.parametrize("command", [["check"], ["status"], ["sync", "--dry-run"], ["review"], ["generate"],
                                     ["check", "-f", "missing.yml"]])
def test_a_command_leaves_no_temporary_folder(blog_site, tmp_path, command):
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    (private_tmp / "someone-elses-file").write_text("kept\n", encoding="utf-8")
    before = sorted(os.listdir(private_tmp))
    result = handbook(blog_site, *command, env={"TMPDIR": str(private_tmp)})
    assert sorted(os.listdir(private_tmp)) == before, (result.returncode, result.stderr)


def test_a_command_stopped_by_a_bad_option_leaves_no_temporary_folder(blog_site, tmp_path):
    """MkDocs made the blog plugin (and its folder) before it found the handbook's bad option."""
    config = blog_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("drift: warn", "drift: nonsense"), encoding="utf-8")
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    result = handbook(blog_site, "check", env={"TMPDIR": str(private_tmp)})
    assert result.returncode == 2 and "drift" in result.stderr, result.stderr
    assert os.listdir(private_tmp) == []


def test_mkdocs_build_with_the_handbook_leaves_no_temporary_folder(blog_site, tmp_path):
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(private_tmp), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                            cwd=blog_site, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "blog" / "category" / "news" / "index.html").is_file()  # a view from its folder
    assert os.listdir(private_tmp) == []


def test_commands_run_one_after_another_in_one_process(blog_site, capsys):
    """MkDocs keeps one blog plugin object for the whole process: its folder, removed by the first
    command, is no reason for the second to fail."""
    for _ in range(3):
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli.main(["check", "-f", str(blog_site / "mkdocs.yml")]) == 0
    assert "Traceback" not in capsys.readouterr().err

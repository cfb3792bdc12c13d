import os
import subprocess
import sys

import pytest

import handbook
from handbook.cli import main


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"handbook {handbook.__version__}\n"
    assert handbook.__version__ == "0.1.0"
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in ("check", "sync", "schema"):
        assert command in out


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "handbook.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "usage: handbook" in result.stdout


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["chek"])
    assert exited.value.code == 2
    assert "invalid choice: 'chek'" in capsys.readouterr().err


def test_a_closed_pipe_is_no_traceback():
    import subprocess
    import sys

    reader = subprocess.Popen([sys.executable, "-m", "handbook", "schema"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    reader.stdout.close()  # like `handbook schema | head -0`: nobody reads the output
    _, err = reader.communicate()
    assert reader.returncode == 0
    assert b"Traceback" not in err and b"BrokenPipeError" not in err


@pytest.mark.parametrize("args, code", [
    (["check"], 1), (["check", "--format", "json"], 1), (["review"], 1), (["schema"], 0),
])
def test_a_closed_pipe_keeps_the_exit_code(tmp_path, args, code):
    """`handbook check | head -1`: the reader goes away, the command's answer stays (1 with findings)."""
    import subprocess
    import sys
    import textwrap

    (tmp_path / "docs" / "habits").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "habits" / "index.md").write_text("---\nlast_reviewed: 2024-01-01\n---\n# Habits\n",
                                                         encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: Pipe
        plugins:
          - handbook:
              history: false
              review_every: 1 month
        """), encoding="utf-8")
    (tmp_path / "channel_map.yml").write_text("server:\n  name: Pipe\ndiscord_categories: []\n", encoding="utf-8")
    env = {**os.environ, "HANDBOOK_TODAY": "2024-08-10", "NO_MKDOCS_2_WARNING": "1"}
    assert subprocess.run([sys.executable, "-m", "handbook", *args], cwd=tmp_path, env=env,
                          capture_output=True).returncode == code  # what the command answers when read
    reader = subprocess.Popen([sys.executable, "-m", "handbook", *args], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # nobody reads the output any more
    _, err = reader.communicate(timeout=120)
    assert reader.returncode == code, err
    assert b"Traceback" not in err and b"BrokenPipeError" not in err


def test_python_m_handbook_is_the_handbook_command():
    result = subprocess.run([sys.executable, "-m", "handbook", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == f"handbook {handbook.__version__}\n"
    result = subprocess.run([sys.executable, "-m", "handbook", "chek"], capture_output=True, text=True)
    assert result.returncode == 2 and "invalid choice: 'chek'" in result.stderr

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


def test_python_m_handbook_is_the_handbook_command():
    result = subprocess.run([sys.executable, "-m", "handbook", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == f"handbook {handbook.__version__}\n"
    result = subprocess.run([sys.executable, "-m", "handbook", "chek"], capture_output=True, text=True)
    assert result.returncode == 2 and "invalid choice: 'chek'" in result.stderr

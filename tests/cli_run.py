"""Running the `handbook` command line in a test: one call, its exit code and what it printed.
(The fake Discord's clock for the client comes with the `fake` fixture of tests/fake_discord.py.)"""

from __future__ import annotations

from typing import NamedTuple

from handbook import cli


class Ran(NamedTuple):
    """One run of the command line; unpacks as `code, out, err`."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        """Everything it printed, standard output then standard error."""
        return self.out + self.err


def run(capsys, *argv: str) -> Ran:
    """`handbook *argv` in this process; what was printed before the call is not part of it."""
    capsys.readouterr()
    code = cli.main(list(argv))
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err, printed.out + printed.err
    return Ran(code, printed.out, printed.err)

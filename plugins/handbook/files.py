"""Reading and writing the files people edit: clear errors on the way in, atomic writes on the way out."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from handbook.errors import HandbookError


def read_text(path: Path, shown: str | None = None) -> str:
    """The file's text as UTF-8 (a BOM is kept); a `HandbookError` naming the file otherwise.

    Newlines are kept as they are (no universal-newline translation), so a writer can keep them.
    """
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise HandbookError("no such file", file=shown, fix="create it, or point the option that names it elsewhere") from None
    except IsADirectoryError:
        raise HandbookError("is a folder, not a file", file=shown, fix="name the file inside it") from None
    except PermissionError:
        raise HandbookError("cannot be read: permission denied", file=shown,
                            fix="give your user read access to it (chmod u+r)") from None
    except OSError as e:
        raise HandbookError(f"cannot be read: {e.strerror or e}", file=shown) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise HandbookError(f"is not UTF-8 text (byte 0x{data[e.start]:02x})", file=shown, line=line,
                            fix="save the file as UTF-8 in your editor") from None


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old or the new file, never half of one.

    The text is written byte for byte (newlines as given). A symlink is written through to its
    target; a read-only file is refused rather than replaced; the temporary file never outlives
    a failed write.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not os.access(target, os.W_OK):
        raise HandbookError("is read-only, so it was not changed", file=str(path),
                            fix="make it writable (chmod u+w), or run the command where you may write it")
    mode = None
    with contextlib.suppress(OSError):
        mode = target.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

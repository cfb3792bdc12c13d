"""Reading and writing the files people edit: clear errors on the way in, atomic writes on the way out."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from handbook.errors import HandbookError


def read_text(path: Path, shown: str | None = None) -> str:
    """The file's text as UTF-8 (a BOM is kept); a `HandbookError` naming the file otherwise.

    Newlines are kept as they are (no universal-newline translation), so a writer can keep them.
    """
    shown = shown or str(path)
    try:
        data = _read_regular(path, shown)
    except FileNotFoundError:
        if os.path.islink(path):
            raise HandbookError(f"is a symbolic link to {os.readlink(path)}, which does not exist", file=shown,
                                fix="point the link at the file, or replace the link with the file") from None
        raise HandbookError("no such file", file=shown, fix="create it, or point the option that names it elsewhere") from None
    except IsADirectoryError:
        raise HandbookError("is a folder, not a file", file=shown, fix="name the file inside it") from None
    except PermissionError:
        raise HandbookError("cannot be read: permission denied", file=shown,
                            fix="give your user read access to it (chmod u+r)") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise HandbookError("is a symbolic link that leads back to itself, so it cannot be read", file=shown,
                                fix=f"point it at a real file (`ln -sfn FILE {Path(path).name}`), or replace it "
                                    "with the file") from None
        raise HandbookError(f"cannot be read: {e.strerror or e}", file=shown) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise HandbookError(f"is not UTF-8 text (byte 0x{data[e.start]:02x})", file=shown, line=line,
                            fix="save the file as UTF-8 in your editor") from None


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _read_regular(path: Path, shown: str) -> bytes:
    """The bytes of a regular file; anything else is refused before it is read (reading a FIFO
    waits for a writer forever, a device never ends). Opened without blocking, then checked, so
    what is read is what was checked."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            fix = "name the file inside it" if stat.S_ISDIR(mode) else "point the option that names it at a regular file"
            raise HandbookError(f"is {kind}, not a file", file=shown, fix=fix)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read()
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str, shown: str | None = None) -> None:
    """Write `text` to `path` so that readers see the old or the new file, never half of one.

    The text is written byte for byte (newlines as given). A symlink is written through to its
    target; a read-only file is refused rather than replaced. The new content is written to an
    anonymous file (Linux `O_TMPFILE`) that only gets a name once it is complete, so a killed
    process leaves nothing behind; where that is not available, or if a process dies in the
    instant between naming and renaming, the next write removes the leftover `.NAME.PID.tmp`.
    """
    target = _link_target(path, shown or str(path))
    if target.exists() and not os.access(target, os.W_OK):
        raise _read_only(shown or str(path))
    mode = None
    with contextlib.suppress(OSError):
        mode = target.stat().st_mode & 0o7777
    remove_leftovers(target)
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    data = text.encode("utf-8")
    try:
        if not _write_anonymous(target.parent, tmp, data, mode):
            _write_named(tmp, data, mode)
        os.replace(tmp, target)
    except PermissionError:  # the file may be writable, but the new text goes beside it first
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _folder_read_only(target, shown or str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def check_writable(path: Path, shown: str | None = None) -> None:
    """Refuse now what `write_atomic(path, ...)` would refuse later, with the same words.

    For commands that do slow work (a link check's requests) before they write: they learn that
    they cannot write before the work, not after it. Creates the temporary file `write_atomic`
    writes beside the target, then removes it: nothing is left behind.
    """
    shown = shown or str(path)
    target = Path(os.path.realpath(path))
    if target.exists() and not os.access(target, os.W_OK):
        raise _read_only(shown)
    tmp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT, 0o600))
        os.unlink(tmp)
    except PermissionError:
        raise _folder_read_only(target, shown) from None
    except FileNotFoundError:
        raise HandbookError(f"cannot be written: its folder {target.parent} does not exist", file=shown,
                            fix="create the folder, or point the option that names the file elsewhere") from None
    except OSError as err:  # a read-only file system, a full disk
        raise HandbookError(f"cannot be written: {err.strerror or err}", file=shown,
                            fix="run the command where you may write it") from None


def _read_only(shown: str) -> HandbookError:
    return HandbookError("is read-only, so it was not changed", file=shown,
                         fix="make it writable (chmod u+w), or run the command where you may write it")


def _folder_read_only(target: Path, shown: str) -> HandbookError:
    return HandbookError(f"cannot be written: its folder {target.parent} is read-only, so it was not changed",
                         file=shown, fix="make the folder writable (chmod u+w), or run the command where you may "
                                         "write it")


def _link_target(path: Path, shown: str) -> Path:
    """The file a write of `path` goes to: `path`, or the file its symbolic link(s) lead to, even
    one that is not there yet (it is created). A link that leads back to itself, or into a folder
    that does not exist, is refused: writing would replace the link, or fail on a name nobody knows."""
    target = Path(os.path.realpath(path))
    if not os.path.islink(path):
        return target
    if os.path.islink(target):  # realpath stops where the links go round in a circle
        raise HandbookError("is a symbolic link that leads back to itself, so it was not written", file=shown,
                            fix=f"point it at a real file (`ln -sfn FILE {path.name}`), or replace it with the file")
    if not target.parent.is_dir():
        raise HandbookError(f"is a symbolic link to {target}, whose folder does not exist, so it was not written",
                            file=shown, fix=f"create {target.parent}, or point the link at an existing file")
    return target


def _write_all(fd: int, data: bytes, mode: int | None) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    if mode is not None:
        os.fchmod(fd, mode)
    os.fsync(fd)


def _write_anonymous(folder: Path, name: Path, data: bytes, mode: int | None) -> bool:
    """Write to a file with no name, then link it as `name`; False where the system cannot."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError:  # a file system without O_TMPFILE
        return False
    try:
        _write_all(fd, data, mode if mode is not None else 0o644 & ~_umask())
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)  # our own pid's name: a leftover of this very process
        os.link(f"/proc/self/fd/{fd}", name)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _write_named(name: Path, data: bytes, mode: int | None) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        _write_all(fd, data, mode if mode is not None else 0o644 & ~_umask())
    finally:
        os.close(fd)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def remove_leftovers(target: Path) -> list[Path]:
    """Remove `.NAME.PID.tmp` files beside `target` whose writing process is gone."""
    removed = []
    prefix, suffix = f".{target.name}.", ".tmp"
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            pid = entry.name[len(prefix):-len(suffix)] if entry.name.startswith(prefix) and \
                entry.name.endswith(suffix) else ""
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def display_path(path: Path, root: Path) -> str:
    """A path as people see it in messages: relative to the project when it is inside it."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


class PagePaths:
    """The display paths of a build's pages, without `os.path.relpath` for each (some seventy
    calls a page): the docs folder's display path once, then each page's path under it; a file
    outside the docs folder goes through `display_path`."""

    def __init__(self, docs_dir: Path, root: Path) -> None:
        self.root = root
        self.prefix = os.path.join(os.path.abspath(docs_dir), "")
        shown = display_path(docs_dir, root)
        self.docs_prefix = "" if shown == "." else shown + "/"

    def display(self, abs_src_path: str) -> str:
        if abs_src_path.startswith(self.prefix):
            return self.docs_prefix + abs_src_path[len(self.prefix):].replace(os.sep, "/")
        return display_path(Path(abs_src_path), self.root)

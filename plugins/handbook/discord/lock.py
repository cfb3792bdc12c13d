"""One `handbook discord apply` (or map-writing `pull`) at a time for a map and its server.

Two applies at once would both read the server before either created anything, and both would
create every new channel. The lock is the operating system's (`flock` on POSIX, `msvcrt.locking`
on Windows) on a file in `.handbook-cache/` beside the map, so a process that crashes or is
killed never leaves it held: the system lets go with the process. The file names who holds it
(pid, host, start time), for the message the next run prints. A holder the lock outlives (a dead
pid on this host, left by a child process that inherited it) or one older than `STALE_AFTER` is
taken over: the file is replaced, so the old lock guards nothing any more.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from handbook.errors import HandbookError
from handbook.files import write_atomic

LOCK_DIR = ".handbook-cache"
"""Beside the map; the same folder the site build keeps its generated pages in (it ignores itself in git)."""
STALE_AFTER = 24 * 3600.0

WALL_CLOCK: Callable[[], float] = time.time
"""When a lock is taken and how old a held one is: the wall clock (tests fix it)."""
"""No apply runs for a day: Discord's longest waits are minutes and `--max-wait` caps them."""


class LockHeld(HandbookError):
    """Another run holds the lock for this map and server."""


def lock_path(map_path: Path, guild_id: str) -> Path:
    """The lock file for `map_path` and `guild_id`: one per map and server."""
    return map_path.resolve().parent / LOCK_DIR / f"{map_path.name}.{guild_id}.lock"


def _make_folder(folder: Path) -> bool:
    """Make `folder`, ignoring itself in git as the site build's does (a crashed run's lock file is
    never committed); True when this run made it."""
    if folder.is_dir():
        return False
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / ".gitignore", "# Written by handbook: lock files of `handbook discord` runs.\n*\n")
    return True


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> dict:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists (another user's), or we cannot tell: not stale
    return True


def stale_reason(holder: dict, now: float) -> str | None:
    """Why a held lock guards nothing any more, or None while its holder may still be working."""
    pid, host, started = holder.get("pid"), holder.get("host"), holder.get("started")
    if isinstance(pid, int) and host == socket.gethostname() and not _pid_alive(pid):
        return f"its process {pid} is not running"
    if isinstance(started, (int, float)) and now - started > STALE_AFTER:
        return f"it was taken {(now - started) / 3600:.0f} hours ago"
    return None


def _is_same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _started_text(started: object) -> str:
    if not isinstance(started, (int, float)):
        return "an unknown time"
    return datetime.fromtimestamp(started, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


@contextmanager
def map_lock(map_path: Path, guild_id: str, command: str, *, note: Callable[[str], object] = print,
             clock: Callable[[], float] | None = None) -> Iterator[Path]:
    """Hold the lock for `map_path` and `guild_id` while the block runs; `LockHeld` (exit 2) when
    another run has it. `note` is told when a stale lock is taken over."""
    clock = clock or WALL_CLOCK
    path = lock_path(map_path, guild_id)
    created = _make_folder(path.parent)
    for _ in range(5):  # another run may replace the file (or its folder) between our open and our lock
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError:
            continue
        if not _try_lock(fd):
            os.close(fd)
            holder = _holder(path)
            why = stale_reason(holder, clock())
            if why is None:
                raise LockHeld(f"another {holder.get('command') or command} is running for this map and server "
                               f"(pid {holder.get('pid', 'unknown')}, started at {_started_text(holder.get('started'))}); "
                               f"wait for it, or remove {path} if it is not running")
            note(f"Took over the lock {path}: {why}.")
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            continue
        if not _is_same_file(fd, path):  # replaced while we waited for the lock: lock the new one
            os.close(fd)
            continue
        break
    else:
        raise LockHeld(f"cannot take the lock {path}: other runs keep replacing it",
                       fix="wait for the other `handbook discord` runs to finish")
    try:
        record = {"pid": os.getpid(), "host": socket.gethostname(), "started": clock(), "command": command}
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(record).encode())
        yield path
    finally:
        if _is_same_file(fd, path):  # ours still: leave no file behind (a taken-over one is the taker's)
            try:
                path.unlink()
                if created and {p.name for p in path.parent.iterdir()} == {".gitignore"}:
                    (path.parent / ".gitignore").unlink()
                    path.parent.rmdir()  # made for this run and holding nothing else: leave no trace
            except OSError:
                pass
        os.close(fd)

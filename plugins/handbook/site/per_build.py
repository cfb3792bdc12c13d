"""One value per build, for the Markdown extension Zensical runs: it makes a new `Markdown` (and so
a new extension) for every page, in one process, and parses its configuration anew for each build.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class LatestBuild(Generic[T]):
    """The value of the latest build only, computed by its first page and reused by the others.

    A build is known by the identity of Zensical's configuration object (held, so that identity
    cannot be reused) and by `key`, the options its value depends on."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # pages may be rendered from more than one thread
        self._latest: tuple[object, Hashable, T] | None = None

    def get(self, build: object, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if self._latest is not None and self._latest[0] is build and self._latest[1] == key:
                return self._latest[2]
            value = compute()
            self._latest = (build, key, value)
            return value

"""JSON read with the line of every value, so a wrong value in `link_status.json` is named by its line.

`load(text)` is `json.loads(text)`, except that objects are `Object` (a dict with `.line`, where it
starts, and `.lines`, the line of each key's value) and arrays are `Array` (a list with `.line` and
`.lines`, the line of each item). It uses the standard library's own pure-Python scanner with its
object and array parsers wrapped (https://docs.python.org/3/library/json.html); errors are the
usual `json.JSONDecodeError`, and `RecursionError` for nesting deeper than Python goes.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from collections.abc import Callable
from typing import Any

Scan = Callable[[str, int], tuple[Any, int]]
# The standard library's own parsers (public in the modules, though typeshed leaves them out).
_PARSE_OBJECT: Callable[..., tuple[list, int]] = getattr(json.decoder, "JSONObject")
_PARSE_ARRAY: Callable[..., tuple[list, int]] = getattr(json.decoder, "JSONArray")
_MAKE_SCANNER: Callable[[json.JSONDecoder], Scan] = getattr(json.scanner, "py_make_scanner")


class Object(dict):
    line: int = 1
    lines: dict[str, int]


class Array(list):
    line: int = 1
    lines: list[int]


def load(text: str) -> Any:
    return _Decoder(text).decode(text)


class _Decoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__()
        newlines = [i for i, char in enumerate(text) if char == "\n"]

        def line(index: int) -> int:
            return bisect.bisect_left(newlines, index) + 1

        def recording(scan_once: Scan, starts: list[int]) -> Scan:
            def scan(string: str, index: int) -> tuple[Any, int]:
                starts.append(index)
                return scan_once(string, index)
            return scan

        def parse_object(s_and_end: tuple[str, int], strict: bool, scan_once: Scan, object_hook: Any,
                         object_pairs_hook: Any, memo: dict | None = None) -> tuple[Object, int]:
            starts: list[int] = []
            pairs, end = _PARSE_OBJECT(s_and_end, strict, recording(scan_once, starts), None, list, memo)
            found = Object(pairs)
            found.line = line(s_and_end[1] - 1)
            found.lines = {key: line(start) for (key, _), start in zip(pairs, starts)}
            return found, end

        def parse_array(s_and_end: tuple[str, int], scan_once: Scan) -> tuple[Array, int]:
            starts: list[int] = []
            items, end = _PARSE_ARRAY(s_and_end, recording(scan_once, starts))
            found = Array(items)
            found.line = line(s_and_end[1] - 1)
            found.lines = [line(start) for start in starts]
            return found, end

        self.parse_object = parse_object
        self.parse_array = parse_array
        # The pure-Python scanner: the C one never calls the parsers set here.
        self.scan_once = _MAKE_SCANNER(self)

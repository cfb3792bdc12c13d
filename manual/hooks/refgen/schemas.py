"""Every field of `channel_map.yml` and `communities.yml`, from their JSON Schemas (the ones
`handbook schema` prints, made from the checker's own rules)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from handbook.channelmap.schema_gen import build_schema
from handbook.linkhealth.communities import schema_text as communities_schema_text
from refgen.text import generated_note, table

PATH = "reference/5-files.md"
TITLE = "channel_map.yml and communities.yml"
SOURCE = "plugins/handbook/channelmap/schema_gen.py"
EDIT = "plugins/handbook/channelmap/schema_gen.py"  # the file "Edit this page" opens


def schemas() -> dict[str, dict[str, Any]]:
    return {"channel_map.yml": build_schema(), "communities.yml": json.loads(communities_schema_text())}


def _alternatives(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for key in ("anyOf", "oneOf") for s in schema.get(key, []) if isinstance(s, dict)]


def description(schema: dict[str, Any]) -> str:
    return schema.get("description") or next((d for s in _alternatives(schema) if (d := description(s))), "")


def takes(schema: dict[str, Any]) -> str:
    kinds = []
    for s in [schema, *_alternatives(schema)]:
        if "enum" in s:
            kinds.append(" or ".join(f"`{v}`" for v in s["enum"]))
        elif "type" in s and s["type"] != "null":
            kinds += [t for t in ([s["type"]] if isinstance(s["type"], str) else s["type"]) if t != "null"]
    optional = any(s.get("type") == "null" for s in _alternatives(schema))
    words = {"string": "text", "array": "list", "object": "mapping", "boolean": "`true` or `false`",
             "integer": "whole number"}
    shown = ", ".join(dict.fromkeys(words.get(k, k) for k in kinds))
    return shown + (" (optional)" if optional else "")


def fields(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(dotted path, schema, required) of every property, depth first."""
    required = set(schema.get("required", []))
    for name, sub in (schema.get("properties") or {}).items():
        yield f"{path}{name}", sub, name in required
        for inner in [sub, *_alternatives(sub)]:
            yield from fields(inner, f"{path}{name}.")
            if isinstance(inner.get("items"), dict):
                items = inner["items"]
                for element in [items, *_alternatives(items)]:
                    yield from fields(element, f"{path}{name}[].")
    if path == "" and isinstance(schema.get("items"), dict):
        yield from fields(schema["items"], "[].")


def unique_fields(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any], bool]]:
    seen: dict[str, tuple[str, dict[str, Any], bool]] = {}
    for path, sub, required in fields(schema):
        if path not in seen or (not description(seen[path][1]) and description(sub)):
            seen[path] = (path, sub, required)
    return list(seen.values())


def render() -> str:
    out = [f"# {TITLE}\n", generated_note(SOURCE, "and `linkhealth/schema/communities.schema.json`"),
           "The fields of the two files people edit, from the JSON Schemas `handbook schema` prints "
           "(`handbook schema communities` for the second). Keys you add are kept. Rules that compare values "
           "across the file (roles that exist, unique names, 500 channels in all) are `handbook check`'s; "
           "see the [finding codes](2-findings.md).\n"]
    for file, schema in schemas().items():
        out.append(f"## `{file}`\n\n{schema.get('description', '')}\n")
        out.append(table(["field", "takes", "required", "what it is"],
                         [(f"`{path}`", takes(sub), "yes" if required else "", description(sub))
                          for path, sub, required in unique_fields(schema)]))
    return "\n".join(out)


def problems() -> list[str]:
    return [f"{file}: field `{path}` has no description in its schema"
            for file, schema in schemas().items() for path, sub, _ in unique_fields(schema) if not description(sub)]

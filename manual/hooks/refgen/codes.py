"""Every finding code, from the registry (`handbook.findings.CODES`)."""

from __future__ import annotations

import ast
from pathlib import Path

import handbook
from handbook import findings
from refgen.text import generated_note, table

PACKAGE = Path(handbook.__file__).parent

PATH = "reference/2-findings.md"
TITLE = "Finding codes"
SOURCE = "plugins/handbook/findings.py"
EDIT = "plugins/handbook/findings.py"  # the file "Edit this page" opens

WHERE = {
    findings.BUILD: "`mkdocs build` (a log line)",
    findings.CHECK: "`handbook check` (and `sync`, `status`)",
    findings.REVIEW: "`handbook review`",
    findings.AUDIT: "`handbook discord audit` (the live server against the map)",
}
LEVELS = {
    findings.ERROR: "error: Discord would refuse it; `check` exits 1 and a strict build fails",
    findings.WARNING: "warning: drift or a likely mistake; `check` exits 1 and a strict build fails",
    findings.INFO: "info: a hint; never fails `check` or a strict build",
}


def template(node: ast.expr) -> str:
    """A message as the code writes it: its text, with `{expression}` where a value goes."""
    if isinstance(node, ast.Constant):
        return str(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(template(value) for value in node.values)
    if isinstance(node, ast.FormattedValue):
        return "{" + ast.unparse(node.value) + "}"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return template(node.left) + template(node.right)
    return "{" + ast.unparse(node) + "}"


def messages() -> dict[str, list[str]]:
    """code -> the messages the package makes it with: `CODE(message, ...)`, or a helper's
    `add(CODE, message, ...)`, in the order of the files."""
    constants = {name: value.code for name, value in vars(findings).items() if isinstance(value, findings.Code)}
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if called in constants and node.args:
                code, message = constants[called], node.args[0]
            else:
                at = next((i for i, a in enumerate(node.args[:2]) if isinstance(a, ast.Name) and a.id in constants), None)
                if at is None or len(node.args) <= at + 1:
                    continue
                code, message = constants[node.args[at].id], node.args[at + 1]  # type: ignore[attr-defined]
            text = " ".join(template(message).split())
            if text not in found.setdefault(code, []):
                found[code].append(text)
    return found


def render() -> str:
    entries = list(findings.CODES.values())
    out = [f"# {TITLE}\n", generated_note(SOURCE, "`CODES`"),
           f"Every finding has a stable code, {len(entries)} in all. In a build log a finding reads "
           "`FILE:LINE: MESSAGE [code] Fix: FIX`; `handbook check` prints "
           "`FILE:LINE: LEVEL: MESSAGE [code]` and the fix on the next line, and "
           "`--format json` gives each as `{\"code\", \"severity\", \"message\", \"file\", \"line\", \"fix\"}`. "
           "Most findings give a more exact fix than the usual one below.\n",
           table(["code", "level", "reported by", "what it means"],
                 [(f"[`{e.code}`](#{e.code})", e.level, ", ".join(e.reported),
                   e.meaning) for e in entries])]
    examples = messages()
    for e in entries:
        shown = "\n".join(f"FILE:LINE: {m} [{e.code}] Fix: {e.fix}" for m in examples.get(e.code, [])[:2])
        out.append(f"## `{e.code}` {{ #{e.code} }}\n\n"
                   f"- **Level:** {LEVELS[e.level]}\n"
                   f"- **Reported by:** {', '.join(WHERE[w] for w in e.reported)}\n"
                   f"- **Means:** {e.meaning}\n"
                   f"- **Usual fix:** {e.fix}\n\n"
                   "In a build log (the message as the code writes it; `{...}` stands for the case's values):"
                   f"\n\n```text\n{shown}\n```\n")
    return "\n".join(out)


def problems() -> list[str]:
    found = []
    examples = messages()
    for code, entry in findings.CODES.items():
        if not examples.get(code):
            found.append(f"finding code `{code}`: no message in the code makes it (no example to show)")
        if not entry.meaning.strip():
            found.append(f"finding code `{code}`: no meaning in {SOURCE}")
        if not entry.fix.strip():
            found.append(f"finding code `{code}`: no fix in {SOURCE}")
        if entry.level not in LEVELS:
            found.append(f"finding code `{code}`: level {entry.level!r} has no words in manual/hooks/refgen/codes.py")
        found += [f"finding code `{code}`: reported by {w!r}, which has no words in manual/hooks/refgen/codes.py"
                  for w in entry.reported if w not in WHERE]
        if not entry.reported:
            found.append(f"finding code `{code}`: reported nowhere")
    return found

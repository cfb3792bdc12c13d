"""Every finding code, from the registry (`handbook.findings.CODES`)."""

from __future__ import annotations

from handbook import findings
from refgen.text import generated_note, table

PATH = "reference/2-findings.md"
TITLE = "Finding codes"
SOURCE = "plugins/handbook/findings.py"
EDIT = "plugins/handbook/findings.py"  # the file "Edit this page" opens

WHERE = {
    findings.BUILD: "`mkdocs build` (a log line)",
    findings.CHECK: "`handbook check` (and `sync`, `status`)",
    findings.REVIEW: "`handbook review`",
}
LEVELS = {
    findings.ERROR: "error: Discord would refuse it; `check` exits 1 and a strict build fails",
    findings.WARNING: "warning: drift or a likely mistake; `check` exits 1 and a strict build fails",
    findings.INFO: "info: a hint; never fails `check` or a strict build",
}


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
    for e in entries:
        out.append(f"## `{e.code}` {{ #{e.code} }}\n\n"
                   f"- **Level:** {LEVELS[e.level]}\n"
                   f"- **Reported by:** {', '.join(WHERE[w] for w in e.reported)}\n"
                   f"- **Means:** {e.meaning}\n"
                   f"- **Usual fix:** {e.fix}\n\n"
                   f"In a build log:\n\n```text\nFILE:LINE: MESSAGE [{e.code}] Fix: {e.fix}\n```\n")
    return "\n".join(out)


def problems() -> list[str]:
    found = []
    for code, entry in findings.CODES.items():
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

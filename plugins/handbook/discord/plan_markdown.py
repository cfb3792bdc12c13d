"""A plan as a pull-request comment in Markdown. Pure.

The same groups as `plan.render_text`, in the same order: the changes (numbered, in the order
`apply` makes them), channels the bot cannot see, channels kept, entries matched by name,
questions and notes. Every piece of text from the map or the server sits in a code span, so a
channel called `# hi`, `@everyone` or `<b>` is shown as written: no heading, no GitHub mention,
no HTML. The comment starts with `MARKER`, so a workflow finds and updates its own comment.

Names come from the plan as given: plan against `recorded_state.redacted` (or the recorded
state, which is redacted already) so a private channel the map does not list stays unnamed.
"""

from __future__ import annotations

import re

from handbook.discord.plan import Plan
from handbook.text.secrets import redact, redact_secret_shapes

MARKER = "<!-- handbook-plan -->"
"""The hidden line a workflow looks for to update its comment instead of adding one."""


def code(text: str) -> str:
    """`text` as one inline code span, whatever backticks it holds (CommonMark 6.1)."""
    text = " ".join(str(text).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def render_markdown(result: Plan, server_name: str | None = None, *, source: str = "",
                    secrets: tuple[str | None, ...] = ()) -> str:
    """The comment: `MARKER`, a summary line, the groups of `render_text`, and where the plan came from."""
    where = f" on {code(server_name)}" if server_name else ""
    lines = [MARKER]
    count = len(result.operations)
    if count:
        lines.append(f"### Discord: {_plural(count, 'change', 'changes')} would make the server match the map{where}")
    else:
        lines.append(f"### Discord: the server matches the map{where}, nothing to change")
    extras = []
    if result.questions:
        extras.append(_plural(len(result.questions), "question", "questions"))
    if result.blocked:
        extras.append(f"{_plural(len(result.blocked), 'step', 'steps')} the bot's permissions cannot do")
    if extras:
        lines += ["", f"**Also:** {', '.join(extras)} (below)."]
    if count:
        lines += ["", "**Changes**, in the order `handbook discord apply` makes them:", ""]
        lines += [f"{index}. {code(op.describe())}" for index, op in enumerate(result.operations, 1)]
    if result.hidden:
        lines += ["", f"**Not visible to the bot:** {_plural(result.hidden, 'channel', 'channels')} (private; left "
                      "as they are: give the bot View Channels there to manage them)."]
    if result.kept:
        lines += ["", f"**Kept:** {len(result.kept)} on the server but not in the map (add them with "
                      "`handbook discord pull`, or remove them with `apply --allow-delete`):", ""]
        lines += [f"- {code(kept)}" for kept in result.kept]
    if result.adopted:
        lines += ["", f"**Matched by name:** {_plural(len(result.adopted), 'map entry', 'map entries')} matched "
                      "by name, not id: `apply` (or `pull`) records their ids, so that renaming them later keeps "
                      "the channel."]
    for title, items in (("Questions", result.questions), ("Notes", result.notes)):
        if items:
            lines += ["", f"**{title}:**", ""]
            lines += [f"- {code(item)}" for item in items]
    if source:
        lines += ["", f"<sub>{source}</sub>"]
    text = "\n".join(lines) + "\n"
    return redact_secret_shapes(redact(text, *secrets))

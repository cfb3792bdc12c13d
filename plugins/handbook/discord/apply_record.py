"""Apply a plan and record in the map what it made, however the run ends.

An apply stopped from outside (Ctrl-C, or `apply | head` no longer reading) is an outcome like
any other: it stopped at the first step not yet handled, and the rest was not started. Whatever
the run created (also when it stops on an error) has its id written into the map's document, so
the next run finds it by id instead of making it again; once a step is done, so do the entries
the plan matched by name and the server's id.
"""

from __future__ import annotations

from collections.abc import Callable

from handbook.channelmap.model import ChannelMap
from handbook.discord.apply import Applier, ApplyOutcome
from handbook.discord.operations import Recorded
from handbook.discord.plan import Plan
from handbook.discord.pull import record_applied

CTRL_C = "interrupted (Ctrl-C)"
OUTPUT_CLOSED = "interrupted: the output was closed"


def record_adopted(plan: Plan, channel_map: ChannelMap) -> bool:
    """With nothing to apply: the ids of the entries the plan matched by name, written into the
    map's document. True when the document changed (it is then to be saved)."""
    return bool(plan.adopted) and bool(record_applied(channel_map.document, plan.adopted))


def apply_and_record(applier: Applier, plan: Plan, channel_map: ChannelMap, guild_id: str,
                     save: Callable[[], None]) -> ApplyOutcome:
    """Run `plan`; a Ctrl-C (KeyboardInterrupt) or a closed output (BrokenPipeError) ends it as
    interrupted. The ids are recorded in `channel_map.document` before anything else happens,
    and `save` is called when the document changed."""
    try:
        return applier.run(plan)
    except KeyboardInterrupt:
        return applier.outcome.interrupted(plan.operations, CTRL_C)
    except BrokenPipeError:
        return applier.outcome.interrupted(plan.operations, OUTPUT_CLOSED)
    finally:
        outcome = applier.outcome
        if outcome.done:
            outcome.created[:0] = plan.adopted  # matched by name: now known by id
            if not channel_map.server.guild_id:
                outcome.created.insert(0, Recorded("server", guild_id))
        if record_applied(channel_map.document, outcome.created):
            save()

"""One check of a handbook: validation of the map and drift against the categories.

`mkdocs build` (through the plugin) and `handbook check` / `sync` both call `analyse`, so they
report the same findings for the same tree. Renames and topic origins (what a category was called
when its topic was written) come in from the caller (read from git by `handbook.project`), which
keeps this module pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.channelmap.model import ChannelMap
from handbook.channelmap.validation import validate
from handbook.checks import drift as drift_rules
from handbook.checks.categories import HandbookCategory, channel_setting_findings, duplicate_title_findings
from handbook.findings import Finding


@dataclass
class Analysis:
    categories: list[HandbookCategory]
    channel_map: ChannelMap | None
    drift: drift_rules.Drift | None = None
    validation: list[Finding] = field(default_factory=list)
    drift_findings: list[Finding] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return self.validation + self.drift_findings


def analyse(categories: list[HandbookCategory], channel_map: ChannelMap | None, renames: dict[str, str],
            map_display: str, docs_display: str,
            origins: dict[str, drift_rules.TopicOrigin] | None = None,
            unknown_renames: dict[str, str] | None = None) -> Analysis:
    duplicates = channel_setting_findings(categories, docs_display) + duplicate_title_findings(categories, docs_display)
    if channel_map is None:
        return Analysis(categories, None, drift_findings=[drift_rules.missing_map_finding(map_display), *duplicates])
    drift = drift_rules.compare(categories, channel_map, renames, origins, unknown_renames)
    return Analysis(categories, channel_map, drift, validate(channel_map, map_display),
                    drift_rules.findings(drift, map_display, docs_display) + duplicates)

"""What the plugin's work costs a build, counted in function calls (never timed): the boxes
under every page and the dates in them must not grow the build by hundreds of calls a page.
benchmarks/bench_calls.py measures the whole build; these tests hold the per-page parts."""

from __future__ import annotations

import cProfile
import itertools
import pstats
from datetime import date, datetime, timezone

from sitekit import build_site, commit_all, write_files

from handbook import i18n

CHANNEL_MAP = """\
server:
  name: Test Community
  invite: https://discord.gg/test-community
discord_categories:
  - name: Topics
    channels:
      - name: habits
        kind: topic
        category: habits
"""
MKDOCS_YML = """\
site_name: Test Handbook
theme:
  name: material
plugins:
  - handbook:
      drift: ignore
"""
OUR_PARTIALS = ("/handbook/site/templates/partials/source-file.html",
                "/handbook/site/templates/partials/comments.html")
"""The two partials Material includes under every page's content: everything of ours runs inside them."""


def partial_calls(root, pages: int) -> float:
    """Calls made inside the plugin's two page partials in a build of `pages` pages (a profiler
    whose clock ticks once per call and per return: a function's cumulative time is twice the
    calls made inside it)."""
    write_files(root, {"mkdocs.yml": MKDOCS_YML, "channel_map.yml": CHANNEL_MAP,
                       "docs/index.md": "# Welcome\n",
                       "docs/habits/index.md": "# Habits\n\nTalk it over in #habits.\n",
                       **{f"docs/habits/page-{n}.md": f"# Page {n}\n\nA small step, every day.\n"
                          for n in range(pages)}})
    commit_all(root, "Import the handbook")
    profiler = cProfile.Profile(itertools.count().__next__, 0.5)
    built = profiler.runcall(build_site, root, as_command=True)
    assert not built.errors and not built.aborted
    html = built.html("habits/page-0/index.html")
    assert "handbook-history" in html and "data-handbook-discuss" in html  # both boxes are there
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    return sum(inside for (file, _, function), (_, _, _, inside, _) in stats.items()
               if function == "root" and file.replace("\\", "/").endswith(OUR_PARTIALS))


def test_the_boxes_under_a_page_cost_a_few_calls(tmp_path):
    """The history box, the review line and the discuss box are written in Python: each further
    page costs under 250 calls inside the partials, the theme's own box included (about 190),
    where Jinja includes of our partials took some 800."""
    few, more = partial_calls(tmp_path / "few", 4), partial_calls(tmp_path / "more", 24)
    per_page = (more - few) / 20
    assert per_page < 250, f"{per_page:.0f} calls a page inside the plugin's partials"


def test_a_day_is_formatted_once_per_language(monkeypatch):
    """Babel takes about eighty calls a date; the pages of a build share their days."""
    asked = []
    real = i18n.babel_format_date

    def counting(*args, **kwargs):
        asked.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(i18n, "babel_format_date", counting)
    day = date(2031, 5, 17)  # a day no other test formats (the cache lives as long as the process)
    moments = [datetime(2031, 5, 17, hour, tzinfo=timezone.utc) for hour in range(24)]
    english = {i18n.format_date(moment, "en") for moment in moments}
    german = {i18n.format_date(moment, "de") for moment in [*moments, day]}
    assert english == {"May 17, 2031"} and german == {"17. Mai 2031"}
    assert asked == [day, day]  # once in English, once in German

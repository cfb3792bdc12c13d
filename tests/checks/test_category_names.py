"""Which folders are categories, and names: explicit nav, Unicode forms, names mentions must reach.

Real projects in temporary folders, run through `handbook check` / `sync` and real builds.
"""

import re
import unicodedata

from handbook.channelmap.loader import load_channel_map
from cli_run import run
from sitekit import build_site, write_files

NFD_CAFE = unicodedata.normalize("NFD", "café")
NFC_CAFE = unicodedata.normalize("NFC", "café")


MAP = """\
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habits
        kind: topic
        category: habits
        topic: Habits
"""


def test_a_folder_left_out_of_an_explicit_nav_is_not_a_category(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: T\nnav:\n  - index.md\n  - Habits: ./habits/index.md\n"
                      "plugins:\n  - handbook:\n      history: false\n",
        "docs/index.md": "# Home\n",
        "docs/habits/index.md": "# Habits\n",
        "docs/drafts/index.md": "# Drafts, not in the nav\n",
        "channel_map.yml": MAP,
    })
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check") == (0, "No drift: every handbook category has its topic channel.\n", "")
    built = build_site(tmp_path)
    assert built.aborted is None and not [w for w in built.handbook_lines() if "drafts" in w]
    # without the explicit nav, the same folder is a category again
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - handbook:\n      history: false\n")
    code, out, _ = run(capsys, "check")
    assert code == 1 and "the handbook category `drafts`" in out


def test_a_decomposed_folder_name_is_the_same_as_the_composed_name_in_the_map(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: T\nplugins:\n  - handbook:\n      history: false\n",
        "docs/index.md": "# Home\n",
        f"docs/{NFD_CAFE}/index.md": "# Café\n",
        "channel_map.yml": MAP.replace("habits", NFC_CAFE).replace("Habits", "Café"),
    })
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check")[0] == 0
    before = (tmp_path / "channel_map.yml").read_bytes()
    assert run(capsys, "sync") == (0, "channel_map.yml is in step with the docs; nothing to change.\n", "")
    assert (tmp_path / "channel_map.yml").read_bytes() == before


def test_sync_writes_composed_names_for_a_decomposed_folder(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: T\nplugins:\n  - handbook:\n      history: false\n",
        "docs/index.md": "# Home\n",
        f"docs/{NFD_CAFE}/index.md": "# Café\n",
        "channel_map.yml": MAP.replace("habits", "habit").replace("Habits", "Habit"),
    })
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs/habit").mkdir()
    (tmp_path / "docs/habit/index.md").write_text("# Habit\n")
    assert run(capsys, "sync")[0] == 0
    channel = load_channel_map(tmp_path / "channel_map.yml").topic_channels()[-1]
    assert (channel.name, channel.category) == (NFC_CAFE, NFC_CAFE)
    assert run(capsys, "check")[0] == 0


FOLDERS = {"q&a": "q&a", "c++": "c++", "हिन्दी": "हिन्दी", NFD_CAFE: NFC_CAFE, "📜rules": "rules",
           "ask-me!": "ask-me", "Deep_Work": "deep-work"}


def test_mentions_reach_every_name_sync_writes(tmp_path, monkeypatch, capsys):
    files = {"mkdocs.yml": "site_name: T\nplugins:\n  - handbook:\n      history: false\n",
             "docs/index.md": "# Home\n"}
    for folder in FOLDERS:
        files[f"docs/{folder}/index.md"] = f"# {folder}\n"
    write_files(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "sync")[0] == 0
    written = {c.category: c.name for c in load_channel_map(tmp_path / "channel_map.yml").topic_channels()}
    assert written == {unicodedata.normalize("NFC", f): name for f, name in FOLDERS.items()}
    prose = " ".join(f"Talk in #{name}, please." for name in FOLDERS.values())
    (tmp_path / "docs/index.md").write_text(f"# Home\n\n{prose}\n")
    built = build_site(tmp_path)
    assert built.aborted is None
    html = built.html("index.html")
    linked = re.findall(r'<a class="handbook-mention" href="[^"]+">#([^<]+)</a>', html)
    assert sorted(linked) == sorted(n.replace("&", "&amp;") for n in FOLDERS.values())


def test_a_name_yaml_reads_as_a_number_is_one_clear_error_in_check_and_build(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: T\nplugins:\n  - handbook:\n      history: false\n",
        "docs/index.md": "# Home\n",
        "channel_map.yml": "discord_categories:\n  - name: T\n    channels:\n      - name: 0x1F   # hex?\n"
                           "        kind: prompt\n",
    })
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert (code, out) == (2, "")
    assert err == ("handbook check: error: channel_map.yml:4:15: `name` of channel 1 of Discord category `T` is "
                   "`0x1F`, which YAML reads as a number (31), not text. Fix: put it in quotes: name: \"0x1F\"\n")
    built = build_site(tmp_path)
    assert built.aborted and any("`0x1F`, which YAML reads as a number (31)" in e for e in built.errors)

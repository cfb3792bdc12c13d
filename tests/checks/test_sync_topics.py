"""`handbook sync` refreshes the topics it wrote itself when a category's title changes, and
keeps every hand-written topic as it is. Real git repositories, the real command line."""

from __future__ import annotations

from history_gitrepo import GitRepo

from handbook.cli import main

MKDOCS = "site_name: Campfire\nplugins:\n  - handbook\n"


def check(capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["check"])
    return code, capsys.readouterr().out.splitlines()


def test_sync_refreshes_the_topics_it_wrote_and_keeps_hand_written_ones(tmp_path, monkeypatch, capsys):
    r = GitRepo(tmp_path / "site")
    r.write("mkdocs.yml", MKDOCS)
    r.write("docs/index.md", "# Home\n")
    r.write("docs/habits/index.md", "# Habits\n")
    r.write("docs/focus/index.md", "---\ndescription: Deep work, together\n---\n# Focus\n")
    r.write("docs/rest/index.md", "# Rest\n")
    monkeypatch.chdir(r.root)
    assert main(["sync"]) == 0  # the starter map: topics in sync's own form
    path = r.root / "channel_map.yml"
    path.write_text(path.read_text().replace("topic: Rest\n", "topic: Rest and recovery, together  # ours\n"))
    r.commit("Start, with a map from handbook sync")
    r.write("docs/habits/index.md", "# Routines\n")
    r.write("docs/focus/index.md", "---\ndescription: Deep work, together\n---\n# Concentration\n")
    r.write("docs/rest/index.md", "# Sleep\n")
    r.commit("New titles")
    before = path.read_text()
    code, out = check(capsys)
    assert code == 1
    stale = [line for line in out if "[stale-topic]" in line]
    assert [line.split(": warning: ")[1] for line in stale] == [
        'the topic of #focus still names the category\'s old title "Focus"; the title changed to '
        '"Concentration" after the topic was written [stale-topic]',
        'the topic of #habits still names the category\'s old title "Habits"; the title changed to '
        '"Routines" after the topic was written [stale-topic]',
        'the topic of #rest still names the category\'s old title "Rest"; the title changed to '
        '"Sleep" after the topic was written [stale-topic]',
    ]
    fixes = [out[out.index(line) + 1] for line in stale]
    assert [f.startswith("    fix: run `handbook sync` to refresh the topic it wrote") for f in fixes] == [
        True, True, False]

    capsys.readouterr()
    assert main(["sync"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        'channel_map.yml: refreshed the topic of #focus for the title "Concentration" (was "Focus: Deep work, '
        'together")',
        'channel_map.yml: refreshed the topic of #habits for the title "Routines" (was "Habits")',
    ]
    after = path.read_text()
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [('        topic: "Focus: Deep work, together"',
                        '        topic: "Concentration: Deep work, together"'),
                       ("        topic: Habits", "        topic: Routines")]
    assert "topic: Rest and recovery, together  # ours\n" in after
    code, out = check(capsys)
    assert code == 1 and [line for line in out if "[" in line] == [stale[2]]
    capsys.readouterr()
    assert main(["sync"]) == 0
    assert capsys.readouterr().out == "channel_map.yml is in step with the docs; nothing to change.\n"


def test_sync_refreshes_its_own_form_without_history_as_an_info_hint(tmp_path, monkeypatch, capsys):
    root = tmp_path / "plain"
    for name, text in {"mkdocs.yml": MKDOCS, "docs/index.md": "# Home\n",
                       "docs/focus/index.md": "---\ndescription: Deep work, together\n---\n# Concentration\n",
                       "channel_map.yml": "discord_categories:\n  - name: Handbook Topics\n    channels:\n"
                                          "      - name: focus\n        kind: topic\n        category: focus\n"
                                          "        topic: 'Focus: Deep work, together'\n"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    monkeypatch.chdir(root)
    capsys.readouterr()
    assert main(["check", "--format", "json"]) == 0  # a hint never fails the check
    out = capsys.readouterr().out
    assert '"code": "outdated-topic"' in out and '"severity": "info"' in out
    assert main(["sync"]) == 0
    assert "topic: 'Concentration: Deep work, together'\n" in (root / "channel_map.yml").read_text()


def test_a_hint_is_logged_at_info_and_a_strict_build_passes(tmp_path):
    import logging

    from sitekit import build_site, write_files

    write_files(tmp_path, {
        "mkdocs.yml": "site_name: Campfire\nstrict: true\nplugins:\n  - handbook:\n      history: false\n",
        "docs/index.md": "# Home\n",
        "docs/focus/index.md": "---\ndescription: Deep work, together\n---\n# Concentration\n",
        "channel_map.yml": "discord_categories:\n  - name: Handbook Topics\n    channels:\n"
                           "      - name: focus\n        kind: topic\n        category: focus\n"
                           "        topic: 'Focus: Deep work, together'\n",
    })
    built = build_site(tmp_path)
    assert built.aborted is None and built.handbook_lines(logging.WARNING) == []
    assert [line for line in built.handbook_lines(logging.INFO) if "[outdated-topic]" in line] == [
        "handbook: channel_map.yml:7: the topic of #focus is in `handbook sync`'s form for the title "
        "\"Focus\", not the category's title \"Concentration\" (git history does not tell when it changed) "
        "[outdated-topic] Fix: run `handbook sync` to refresh it, or edit `topic:` "
        "on line 7"]

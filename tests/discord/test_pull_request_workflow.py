"""The repository's workflow (`.github/workflows/handbook.yml` and `handbook-comment.yml`), parsed
and run job by job against the fake Discord in a real git repository with a real remote: a merge
applies and commits the state, a pull request gets the offline plan as a comment (the same plan
the live server gives), and a change made by hand on the server comes back as a pull request
with exactly that change. Plus the security properties GitHub documents for pull requests from
forks: no secret in a pull request's job, and the job that comments never runs its code."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from fake_discord import CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from gitbook_repo import isolated_git
from markdown_it import MarkdownIt
from sitekit import commit_all, git, write_files
from workflow_runner import Runner, expressions, fake_gh, load_workflow

from handbook.discord.plan_markdown import MARKER
from handbook.discord.recorded_state import WITHHELD_CHANNEL

SECRET_CHANNEL = "tribunal-of-secrets"
STATE = ".handbook/server-state.json"

FILES = {
    "mkdocs.yml": """\
        site_name: Campfire
        site_url: https://handbook.example.org/
        plugins:
          - handbook:
              history: false
        """,
    "docs/index.md": "# Campfire\n\nWelcome.\n",
    "docs/habits/index.md": "# Habits\n\nSmall routines.\n",
}

MAP = """\
server:
  name: Campfire
  guild_id: "{guild}"
roles:
  - name: moderator
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habits
        kind: topic
        category: habits
        topic: "Habits: small routines"
  - name: Staff
    visibility: private
    roles: [moderator]
    channels:
      - name: mod-team
        kind: prompt
"""

FOCUS_ENTRY = """\
      - name: focus
        kind: topic
        category: focus
        topic: "Focus: deep work"
"""


def sh(repo: Path, *args: str) -> str:
    return git(repo, *args).rstrip("\n")


def checkout_main(repo: Path) -> None:
    """What `actions/checkout` does on a push or a schedule: main as the remote has it, clean."""
    sh(repo, "fetch", "-q", "origin")
    sh(repo, "checkout", "-q", "-f", "-B", "main", "origin/main")
    sh(repo, "clean", "-qfdx")


@pytest.fixture
def repo(fake: FakeDiscord, tmp_path, monkeypatch) -> Path:
    isolated_git(monkeypatch)
    moderator = fake.add_role("moderator")
    # made by hand, outside any category (the map keeps none of those), private
    fake.add_channel(SECRET_CHANNEL, overwrites=fake.private_overwrites(moderator, bot=True), topic="who is next")
    work = tmp_path / "work"
    write_files(work, FILES)
    (work / "channel_map.yml").write_text(MAP.format(guild=fake.guild_id), encoding="utf-8")
    commit_all(work, "Start the handbook")
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(tmp_path / "origin.git")], check=True)
    sh(work, "remote", "add", "origin", str(tmp_path / "origin.git"))
    sh(work, "push", "-q", "origin", "main")
    return work


def runner_for(repo: Path, fake: FakeDiscord, tmp_path: Path) -> Runner:
    return Runner(repo, values={"secrets.DISCORD_TOKEN": fake.token, "vars.DISCORD_GUILD_ID": fake.guild_id,
                                "github.event.pull_request.number": "7", "secrets.GITHUB_TOKEN": "ghs_test_token"},
                  tools=tmp_path / "tools", artifacts=tmp_path / "artifacts")


def handbook(runner: Runner, *args: str, token: bool) -> subprocess.CompletedProcess:
    env = runner.environment({"DISCORD_TOKEN": runner.values["secrets.DISCORD_TOKEN"]} if token else None)
    return subprocess.run(["handbook", *args], cwd=runner.repo, env=env, capture_output=True, text=True)


def state_at(repo: Path, ref: str) -> dict:
    return json.loads(sh(repo, "show", f"{ref}:{STATE}"))


def test_a_pull_request_is_planned_offline_and_a_hand_change_comes_back_as_a_pull_request(
        fake, repo, tmp_path):
    workflow = load_workflow("handbook.yml")
    runner = runner_for(repo, fake, tmp_path)
    gh_log = fake_gh(runner.tools)

    # a merge to main: apply in the protected environment, then the state is committed to main
    runner.run_job(workflow, "apply")
    assert fake.by_name("habits")["topic"] == "Habits: small routines"
    recorded = state_at(repo, "origin/main")
    assert recorded["guild"]["id"] == fake.guild_id and sh(repo, "log", "-1", "--format=%s", "origin/main") \
        == "Record the Discord server's state after apply"
    assert SECRET_CHANNEL not in sh(repo, "show", f"origin/main:{STATE}")

    # a docs change in a pull request: a new handbook category and its topic channel
    checkout_main(repo)
    sh(repo, "switch", "-q", "-c", "add-focus")
    write_files(repo, {"docs/focus/index.md": "# Focus\n\nDeep work.\n"})
    text = (repo / "channel_map.yml").read_text()
    (repo / "channel_map.yml").write_text(text.replace("  - name: Staff\n", FOCUS_ENTRY + "  - name: Staff\n", 1))
    commit_all(repo, "Add a Focus category")
    asked = len(fake.log)
    steps = runner.run_job(workflow, "plan")
    assert len(fake.log) == asked, "the pull request's job asked the server nothing"
    assert steps[-1].name == "Check the handbook"
    comment = (runner.artifacts / "handbook-plan" / "comment.md").read_text(encoding="utf-8")
    assert (runner.artifacts / "handbook-plan" / "number").read_text().strip() == "7"

    # the offline plan is the plan the live server gives (the private channel the map does not
    # list goes unnamed); text and JSON
    for fmt in ("text", "json"):
        live = handbook(runner, "discord", "plan", "--format", fmt, token=True)
        offline = handbook(runner, "discord", "plan", "--offline", "--format", fmt, token=False)
        assert live.returncode == offline.returncode == 1, live.stderr + offline.stderr
        assert offline.stdout == live.stdout.replace(SECRET_CHANNEL, WITHHELD_CHANNEL)
    assert ("create", "#focus") in [(o["op"], o["name"]) for o in json.loads(offline.stdout)["operations"]]

    # the comment renders, says the change, and names neither the token nor the private channel
    html = MarkdownIt("commonmark").render(comment)
    assert comment.startswith(MARKER + "\n") and "<h3>" in html and "<ol>" in html
    assert '<li><code>create #focus in &quot;Handbook Topics&quot;' in html, html
    assert fake.token not in comment and SECRET_CHANNEL not in comment and "who is next" not in comment

    # merged: apply makes the channel and commits the new state
    checkout_main(repo)
    sh(repo, "merge", "-q", "--no-ff", "-m", "Merge add-focus", "add-focus")
    sh(repo, "push", "-q", "origin", "main")
    runner.run_job(workflow, "apply")
    focus = fake.by_name("focus")
    assert focus["id"] in {c["id"] for c in state_at(repo, "origin/main")["channels"]}

    # nobody changed the server: the scheduled pull opens nothing
    checkout_main(repo)
    steps = runner.run_job(workflow, "server-changes")
    assert "nothing to review" in steps[-1].out and not gh_log.exists()

    # someone changes the server by hand: a new topic and a new channel
    habits = fake.by_name("habits")
    habits["topic"] = "Habits: tiny routines, and starting again"
    memes = fake.add_channel("memes", parent_id=habits["parent_id"])
    before_state = state_at(repo, "origin/main")
    checkout_main(repo)
    runner.run_job(workflow, "server-changes")
    branch = "origin/handbook/server-changes"
    assert sh(repo, "log", "-1", "--format=%s", branch).startswith("The Discord server was changed by hand")
    assert sorted(sh(repo, "diff", "--name-only", "origin/main", branch).split()) == [STATE, "channel_map.yml"]
    diff = sh(repo, "diff", "-U0", "origin/main", branch, "--", "channel_map.yml").splitlines()
    removed = [line for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line for line in diff if line.startswith("+") and not line.startswith("+++")]
    assert removed == ['-        topic: "Habits: small routines"']
    assert added == ['+        topic: "Habits: tiny routines, and starting again"',
                     "+      - name: memes", "+        kind: prompt", f'+        id: "{memes}"']
    after_state = state_at(repo, branch)
    changed = {c["id"]: c for c in after_state["channels"] if c not in before_state["channels"]}
    assert set(changed) == {habits["id"], memes}
    assert changed[habits["id"]]["topic"] == "Habits: tiny routines, and starting again"
    assert {k: v for k, v in after_state.items() if k != "channels"} == \
        {k: v for k, v in before_state.items() if k != "channels"}
    calls = gh_log.read_text().splitlines()
    assert calls[0].startswith("pr list --head handbook/server-changes")
    assert calls[1].startswith("pr create --head handbook/server-changes --base main")


def _job_text(job: dict) -> str:
    return json.dumps(job)


def test_no_secret_reaches_a_pull_request_and_the_commenting_job_never_runs_its_code():
    workflow, comment = load_workflow("handbook.yml"), load_workflow("handbook-comment.yml")
    assert set(workflow["on"]) == {"pull_request", "push", "schedule", "workflow_dispatch"}
    assert "pull_request_target" not in workflow["on"] and list(comment["on"]) == ["workflow_run"]
    assert workflow["permissions"] == {"contents": "read"} and comment["permissions"] == {}
    jobs = workflow["jobs"]
    for name, job in jobs.items():
        uses_secret = any(e.startswith("secrets.") for e in expressions(job))
        on_pull_requests = "pull_request" in job["if"]
        assert not (uses_secret and on_pull_requests), name
        assert uses_secret == (name in ("apply", "server-changes")), name
    plan = jobs["plan"]
    assert plan["if"] == "github.event_name == 'pull_request'" and "environment" not in plan
    assert plan["permissions"] == {"contents": "read"}
    checkout = next(s for s in plan["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
    assert jobs["apply"]["if"] == "github.event_name == 'push'" and jobs["apply"]["environment"] == "discord"
    assert workflow["on"]["push"]["branches"] == ["main"]
    posting = comment["jobs"]["comment"]
    assert posting["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert "workflow_run.event == 'pull_request'" in posting["if"]
    assert [s["uses"].split("@")[0] for s in posting["steps"]] == ["actions/download-artifact", "actions/github-script"]
    assert not any("run" in s for s in posting["steps"])  # nothing from the pull request is run
    assert set(expressions(posting)) == {"github.event.workflow_run.id", "github.token"}
    script = posting["steps"][1]["with"]["script"]
    assert MARKER in script and "updateComment" in script and "head_sha" in script
    assert comment["on"]["workflow_run"]["workflows"] == [workflow["name"]]

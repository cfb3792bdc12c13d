"""Running a GitHub Actions workflow's jobs in a test, step by step, in a real git repository.

Each `run:` step runs as GitHub runs it (`bash --noprofile --norc -eo pipefail`), with the job's
and the step's `env:`, and `${{ ... }}` replaced by the values the test gives (an expression the
test gives no value for fails the test, so a new secret in the workflow is noticed). The steps
that `uses:` an action are translated: `actions/checkout` and `actions/setup-python` are the
repository and the Python the test already has, `pip install .` is the installed `handbook`,
`actions/upload-artifact` copies its `path` into the runner's artifacts. A job sees only the
environment it declares, plus the test's plumbing (`PATH`, git's identity, the fake Discord's
address), as on GitHub: no secret reaches a job that does not ask for it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
PLUMBING = ("HOME", "LANG", "LC_ALL", "TMPDIR", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "GIT_AUTHOR_NAME",
            "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "HANDBOOK_DISCORD_API_URL",
            "NO_MKDOCS_2_WARNING", "HANDBOOK_TODAY")
"""What a job's processes get from the test besides what the job declares."""


def load_workflow(name: str) -> dict:
    document = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    if True in document:  # YAML 1.1 reads the key `on` as true
        document["on"] = document.pop(True)
    return document


def expressions(value: object) -> list[str]:
    """Every `${{ ... }}` inside `value` (a step, a job), in order."""
    return EXPRESSION.findall(yaml.safe_dump(value)) if value is not None else []


@dataclass
class StepRun:
    name: str
    code: int
    out: str
    err: str


@dataclass
class Runner:
    repo: Path
    values: dict[str, str]
    """`${{ expression }}` → its value, e.g. `secrets.DISCORD_TOKEN`."""
    tools: Path
    """A folder put first on PATH (fakes of other command-line tools, such as `gh`)."""
    artifacts: Path
    runs: list[StepRun] = field(default_factory=list)

    def substitute(self, text: str) -> str:
        def value(m: re.Match) -> str:
            assert m.group(1) in self.values, f"the test gives no value for ${{{{ {m.group(1)} }}}}"
            return self.values[m.group(1)]

        return EXPRESSION.sub(value, text)

    def environment(self, *declared: dict | None) -> dict[str, str]:
        env = {key: os.environ[key] for key in PLUMBING if key in os.environ}
        env["PATH"] = os.pathsep.join([str(self.tools), str(Path(sys.executable).parent), "/usr/bin", "/bin"])
        for block in declared:
            env.update({key: self.substitute(str(value)) for key, value in (block or {}).items()})
        return env

    def run_job(self, workflow: dict, job_name: str) -> list[StepRun]:
        """Every step of the job in order; a failing step fails the test, as it fails the job."""
        job = workflow["jobs"][job_name]
        done = []
        for index, step in enumerate(job["steps"]):
            name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
            if "uses" in step:
                self._action(step)
                continue
            if step["run"].strip() == "pip install .":
                continue
            env = self.environment(workflow.get("env"), job.get("env"), step.get("env"))
            ran = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                  self.substitute(step["run"])], cwd=self.repo, env=env,
                                 capture_output=True, text=True)
            result = StepRun(name, ran.returncode, ran.stdout, ran.stderr)
            self.runs.append(result)
            done.append(result)
            assert ran.returncode == 0, f"{job_name}, step {index + 1} ({name}) failed:\n{ran.stdout}{ran.stderr}"
            assert "Traceback" not in ran.stdout + ran.stderr, ran.stdout + ran.stderr
        return done

    def _action(self, step: dict) -> None:
        action = step["uses"].split("@")[0]
        if action in ("actions/checkout", "actions/setup-python"):
            return
        if action == "actions/upload-artifact":
            target = self.artifacts / step["with"]["name"]
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(self.repo / step["with"]["path"], target)
            return
        raise AssertionError(f"the runner cannot translate the action {action}")


FAKE_GH = """\
#!/bin/sh
# A stand-in for GitHub's `gh`: records each call; `pr list` finds no open pull request.
printf '%s\\n' "$*" >> "{log}"
exit 0
"""


def fake_gh(tools: Path) -> Path:
    """A `gh` in `tools` that writes its arguments to `gh.log` there; the log's path."""
    tools.mkdir(parents=True, exist_ok=True)
    log = tools / "gh.log"
    script = tools / "gh"
    script.write_text(FAKE_GH.format(log=log), encoding="utf-8")
    script.chmod(0o755)
    return log

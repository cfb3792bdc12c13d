"""An apply stopped half-way (its output closed, Ctrl-C) exits non-zero, says how far it got, and
keeps the ids of what it made in the map: the real command in a subprocess, the fake Discord
holding a create until the test has closed the pipe or sent the signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from discord_maps import creates, new_server_map
from fake_discord import FakeDiscord, fake  # noqa: F401  (fixture)

from handbook.channelmap.loader import load_channel_map

ROOT = Path(__file__).resolve().parents[2]


def apply_process(path: Path, **streams) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "handbook", "discord", "apply", "--map", str(path), "--yes"],
                            cwd=ROOT, stderr=subprocess.PIPE, **streams)


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "PYTHONUNBUFFERED"])
def test_apply_piped_into_head_exits_non_zero_says_how_far_and_records_ids(fake, tmp_path, buffered):
    path = new_server_map(fake, tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED" or not buffered}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    made = 1  # the plan reaches `head` at once; the first create waits until `head` has taken two lines and gone
    gate = fake.hold("POST", r"^/guilds/\d+/channels$")
    apply = apply_process(path, stdout=subprocess.PIPE, env=env)
    head = subprocess.Popen(["head", "-n", "2"], stdin=apply.stdout, stdout=subprocess.PIPE)
    apply.stdout.close()  # only `head` reads the pipe now
    try:
        assert gate.arrived.wait(60), "apply never reached the create the test holds"
        shown, _ = head.communicate(timeout=60)  # `head` printed its two lines and closed the pipe
    finally:
        gate.release.set()
        _, err = apply.communicate(timeout=120)
    err = err.decode()
    assert len(shown.decode().splitlines()) == 2
    assert apply.returncode == 2, err
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert "Applied 1 change." in err and "Stopped at: create category \"Lounge\"" in err, err
    assert "the output was closed" in err and "run `handbook discord apply` again" in err
    categories = load_channel_map(path).discord_categories
    assert [c.id for c in categories[:made]] == [fake.by_name(c.name)["id"] for c in categories[:made]]
    assert creates(fake) == dict(list({"Base Camp": 1, "Lounge": 1}.items())[:made])  # nothing after the close
    again = subprocess.run([sys.executable, "-m", "handbook", "discord", "apply", "--map", str(path), "--yes"],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr
    assert creates(fake) == {"Base Camp": 1, "Lounge": 1, "welcome": 1, "questions": 1, "chat": 1}


def test_apply_whose_output_closes_while_showing_the_plan_changes_nothing(fake, tmp_path):
    path = new_server_map(fake, tmp_path)
    apply = apply_process(path, stdout=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    apply.stdout.close()  # like `apply | head -n 0`: nobody reads even the plan
    _, err = apply.communicate(timeout=120)
    err = err.decode()
    assert apply.returncode == 2, err
    assert "the output was closed before any change was sent: nothing was changed" in err
    assert "Traceback" not in err and fake.writes() == []


def test_apply_stopped_by_ctrl_c_exits_non_zero_says_how_far_and_records_ids(fake, tmp_path):
    path = new_server_map(fake, tmp_path)
    gate = fake.hold("POST", r"^/guilds/\d+/channels$", after=1)
    apply = apply_process(path, stdout=subprocess.PIPE)
    try:
        assert gate.arrived.wait(60), "apply never reached its second create"
        apply.send_signal(signal.SIGINT)
        out, err = apply.communicate(timeout=120)
    finally:
        gate.release.set()
    out, err = out.decode(), err.decode()
    assert apply.returncode not in (0, None), out + err
    assert "Traceback" not in out + err
    assert "Applied 1 change." in out and "Stopped at: create category \"Lounge\"" in out, out + err
    assert "interrupted (Ctrl-C)" in err
    assert load_channel_map(path).discord_categories[0].id == fake.by_name("Base Camp")["id"]
    again = subprocess.run([sys.executable, "-m", "handbook", "discord", "apply", "--map", str(path), "--yes"],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr
    names = [c["name"] for c in fake.channels.values()]
    assert sorted(names) == sorted(set(names)) and len(names) == 5


def test_pull_whose_output_is_closed_still_writes_the_map(fake, tmp_path):
    fake.add_channel("habits", parent_id=fake.add_channel("Topics", 4))
    path = tmp_path / "channel_map.yml"
    pull = subprocess.Popen([sys.executable, "-m", "handbook", "discord", "pull", "--map", str(path),
                             "--guild", fake.guild_id], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pull.stdout.close()  # like `pull | head -n 0`: nobody reads what it says
    _, err = pull.communicate(timeout=120)
    err = err.decode()
    assert pull.returncode == 0, err
    assert "Traceback" not in err and f"Wrote a new channel map {path}" in err  # said where someone reads
    assert load_channel_map(path).channel("habits").id == fake.by_name("habits")["id"]

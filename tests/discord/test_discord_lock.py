"""One `handbook discord apply` (or map-writing `pull`) at a time per map and server: two at once
never create a channel twice, a held lock is one clear line, a stale one is taken over."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from discord_maps import creates, new_server_map
from fake_discord import FakeDiscord, fake  # noqa: F401  (fixture)

from handbook import cli
from handbook.channelmap.loader import load_channel_map
from handbook.discord import lock as lock_module
from handbook.discord.lock import lock_path, map_lock

NOW = 1_790_000_000.0  # a fixed instant (2026-09-21), for the lock's timestamps

ROOT = Path(__file__).resolve().parents[2]


def apply_command(path: Path) -> list[str]:
    return [sys.executable, "-m", "handbook", "discord", "apply", "--map", str(path), "--yes"]


def test_two_applies_at_once_create_each_channel_exactly_once(fake, tmp_path):
    path = new_server_map(fake, tmp_path)
    gate = fake.hold("POST", r"^/guilds/\d+/channels$")  # the first apply stops at its first create
    first = subprocess.Popen(apply_command(path), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert gate.arrived.wait(60), "the first apply never sent its first create"
        second = subprocess.run(apply_command(path), cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        gate.release.set()
        out, err = first.communicate(timeout=120)
    assert first.returncode == 0, out + err
    assert second.returncode == 2, second.stdout + second.stderr
    assert (f"another handbook discord apply is running for this map and server (pid {first.pid}, started at "
            in second.stderr)
    assert "wait for it, or remove" in second.stderr and "Traceback" not in second.stderr
    assert creates(fake) == {"Base Camp": 1, "Lounge": 1, "welcome": 1, "questions": 1, "chat": 1}
    names = [c["name"] for c in fake.channels.values()]
    assert sorted(names) == sorted(set(names))
    assert load_channel_map(path).channel("chat").id == fake.by_name("chat")["id"]
    assert not lock_path(path, fake.guild_id).exists() and not (tmp_path / ".handbook-cache").exists()


def hold_lock(path: Path, holder: dict) -> int:
    """Take the lock file's OS lock here, naming `holder` in it, as another run would."""
    lock = lock_path(path, holder.get("guild", ""))
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.write(fd, json.dumps({k: v for k, v in holder.items() if k != "guild"}).encode())
    return fd


def test_a_held_lock_stops_apply_and_pull_before_any_request(fake, tmp_path, capsys):
    path = new_server_map(fake, tmp_path)
    before = path.read_text()
    with map_lock(path, fake.guild_id, "handbook discord apply"):
        assert (tmp_path / ".handbook-cache" / ".gitignore").read_text().endswith("\n*\n")  # never committed
        capsys.readouterr()
        assert cli.main(["discord", "apply", "--map", str(path), "--yes"]) == 2
        err = capsys.readouterr().err
        assert f"another handbook discord apply is running for this map and server (pid {os.getpid()}" in err
        assert str(lock_path(path, fake.guild_id)) in err
        assert cli.main(["discord", "pull", "--map", str(path)]) == 2
        assert "another handbook discord apply is running" in capsys.readouterr().err
        assert cli.main(["discord", "pull", "--map", str(path), "--check"]) == 0  # writes nothing: no lock
    assert [e for e in fake.log if e.method != "GET"] == []
    assert path.read_text() == before


def test_a_lock_whose_process_is_gone_is_taken_over_with_a_note(fake, tmp_path, capsys):
    path = new_server_map(fake, tmp_path)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    fd = hold_lock(path, {"guild": fake.guild_id, "pid": gone.pid, "host": socket.gethostname(),
                          "started": NOW, "command": "handbook discord apply"})
    try:
        capsys.readouterr()
        assert cli.main(["discord", "apply", "--map", str(path), "--yes"]) == 0
        err = capsys.readouterr().err
        assert f"Took over the lock {lock_path(path, fake.guild_id)}: its process {gone.pid} is not running" in err
    finally:
        os.close(fd)
    assert creates(fake) == {"Base Camp": 1, "Lounge": 1, "welcome": 1, "questions": 1, "chat": 1}


def test_a_lock_older_than_a_day_is_taken_over(fake, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(lock_module, "WALL_CLOCK", lambda: NOW)
    path = new_server_map(fake, tmp_path)
    fd = hold_lock(path, {"guild": fake.guild_id, "pid": os.getpid(), "host": "elsewhere",
                          "started": NOW - 3 * 24 * 3600, "command": "handbook discord pull"})
    try:
        capsys.readouterr()
        assert cli.main(["discord", "apply", "--map", str(path), "--yes"]) == 0
        assert "it was taken 72 hours ago" in capsys.readouterr().err
    finally:
        os.close(fd)


def test_each_map_and_server_has_its_own_lock(fake, tmp_path, capsys):
    path = new_server_map(fake, tmp_path)
    other = tmp_path / "other.yml"
    other.write_text(path.read_text())
    with map_lock(other, fake.guild_id, "handbook discord apply"):
        assert cli.main(["discord", "apply", "--map", str(path), "--yes"]) == 0
    assert lock_path(path, fake.guild_id) != lock_path(path, "700000000000000999")

"""A DISCORD_TOKEN that cannot be a token (a line break, a space, a control character inside it)
is said to be malformed at once, before any request: it was blamed on the network after four tries."""

from __future__ import annotations

import pytest
from fake_discord import fake  # noqa: F401  (fixture)

from handbook import cli


BROKEN = {
    "a line break": "NzkwMTIzNDU2Nzg5MDEyMzQ1.Gabcde\nsecret_part_of_the_token_xyz",
    "a carriage return": "NzkwMTIzNDU2Nzg5MDEyMzQ1.Gabcde\rsecret_part_of_the_token_xyz",
    "a space": "NzkwMTIzNDU2Nzg5MDEyMzQ1.Gabcde secret_part_of_the_token_xyz",
    "a tab": "NzkwMTIzNDU2Nzg5MDEyMzQ1.Gabcde\tsecret_part_of_the_token_xyz",
    "a control character": "NzkwMTIzNDU2Nzg5MDEyMzQ1.Gabcde\x1bsecret_part_of_the_token_xyz",
    "a non-ASCII letter": "NzkwMTIzNDU2Nzg5MDEyMzQ1.Gabcdé.secret_part_of_the_token_xyz",
}


@pytest.mark.parametrize("token", list(BROKEN.values()), ids=list(BROKEN))
@pytest.mark.parametrize("command", ["plan", "apply", "pull"])
def test_a_malformed_token_is_named_at_once_without_a_request(fake, tmp_path, capsys, monkeypatch, command, token):
    path = tmp_path / "channel_map.yml"
    path.write_text(f'server:\n  guild_id: "{fake.guild_id}"\ndiscord_categories: []\n')
    monkeypatch.setenv("DISCORD_TOKEN", token)
    capsys.readouterr()
    code = cli.main(["discord", command, "--map", str(path), *(["--yes"] if command == "apply" else [])])
    out = capsys.readouterr()
    assert code == 2, out
    assert out.err.count("\n") == 1 and "DISCORD_TOKEN is malformed" in out.err, out.err
    assert "network" not in out.err and "cannot reach" not in out.err
    assert "secret_part" not in out.out + out.err and "NzkwMTIz" not in out.out + out.err
    assert fake.log == [] and fake.clock.sleeps == []  # no request, no retry

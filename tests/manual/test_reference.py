"""The reference is complete: every option, finding code, command, flag, JSON output, file field,
template variable, environment variable and exit code has an entry with a description, and no
entry names something the code no longer has. Planted gaps fail it, and fail the manual's build."""

from __future__ import annotations

import argparse

import pytest
from manualkit import build_manual, copy_manual, soup
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort

from handbook import config as handbook_config
from handbook import findings
from refgen import codes, commands, environment, exit_codes, options, outputs, pages, schemas, templates


def ids(site, path: str) -> set[str]:
    return {tag["id"] for tag in soup(site / path / "index.html").select("[id]")}


def text(site, path: str) -> str:
    return soup(site / path / "index.html").select_one("article").get_text(" ")


def test_the_code_has_nothing_the_reference_cannot_document():
    assert pages.problems() == []


def test_every_option_has_its_entry_with_type_default_and_example(site):
    shown = ids(site, "reference/1-options")
    for name, option in handbook_config.HandbookConfig._schema:
        assert name in shown, name
    body = text(site, "reference/1-options")
    for name, _, _ in options.rows(handbook_config.LinkCheckConfig):
        assert name in body, name
    assert body.count("Example:") == len(handbook_config.HandbookConfig._schema)


@pytest.mark.parametrize("name", sorted(handbook_config.EXAMPLES))
def test_each_options_example_is_a_value_the_plugin_accepts(name):
    config = handbook_config.HandbookConfig()
    config.load_dict({name: handbook_config.EXAMPLES[name]})
    failed, _ = config.validate()
    assert failed == [], (name, failed)


def test_every_finding_code_has_its_entry_with_an_example_message(site):
    assert set(findings.CODES) <= ids(site, "reference/2-findings")
    assert codes.messages()["missing-channel"] == [
        "the handbook category `{category.folder}` ({category.title}) has no topic channel"]
    body = text(site, "reference/2-findings")
    for entry in findings.CODES.values():
        assert entry.meaning in " ".join(body.split()) or entry.meaning.split("`")[0].strip() in body, entry.code


def test_every_command_and_flag_has_its_entry(site):
    shown = ids(site, "reference/3-commands")
    body = text(site, "reference/3-commands")
    walked = list(commands.walk())
    assert len(walked) > 15
    for command in walked:
        assert commands.anchor(command) in shown, command.name
        for action in command.arguments:
            assert all(flag in body for flag in action.option_strings), (command.name, action.option_strings)


def test_every_json_output_has_its_entry(site):
    body = text(site, "reference/4-json-output")
    assert outputs.json_commands() and all(f"{name} --format json" in body for name in outputs.json_commands())
    assert "code severity message file line fix" in " ".join(body.replace(",", " ").split())


def test_every_field_of_both_files_has_its_entry(site):
    body = text(site, "reference/5-files")
    for file, schema in schemas.schemas().items():
        for path, _, _ in schemas.unique_fields(schema):
            assert path in body, (file, path)
    assert "discord_categories[].channels[].adopt" in body and "[].invite" in body


def test_every_template_variable_partial_environment_variable_and_exit_code_has_its_entry(site):
    body = text(site, "reference/6-templates")
    assert set(templates.set_in_code()) == set(templates.VARIABLES)
    assert all(name in body for name in templates.VARIABLES) and all(p in body for p in templates.partials())
    assert "handbook_history.updated_iso" in body
    body = text(site, "reference/7-environment")
    assert environment.read_in_code().keys() == environment.ENVIRONMENT.keys()
    assert all(name in body for name in environment.ENVIRONMENT)
    assert {0, 1, 2, 130} <= exit_codes.in_code() and set(exit_codes.EXIT_CODES) == exit_codes.in_code()


# --- planted gaps ---------------------------------------------------------------------------------

def build_fails_on(tmp_path, caplog, name: str) -> None:
    """The manual's build stops, saying what the reference cannot document."""
    with pytest.raises(Abort):
        build_manual(tmp_path / "site", copy_manual(tmp_path / "manual"))
    assert f"the reference cannot document everything the code has:" in caplog.text and name in caplog.text

def test_a_planted_undocumented_option_fails_the_reference_and_the_build(monkeypatch, tmp_path, caplog):
    planted = (*handbook_config.HandbookConfig._schema, ("planted_option", c.Type(str, default="")))
    monkeypatch.setattr(handbook_config.HandbookConfig, "_schema", planted)
    assert options.problems() == [
        "option `planted_option` (HandbookConfig): no description (a docstring under it in plugins/handbook/config.py)",
        "option `planted_option`: no example in config.EXAMPLES",
    ]
    build_fails_on(tmp_path, caplog, "planted_option")


def test_an_option_of_a_type_the_reference_has_no_words_for_fails_it(monkeypatch):
    class Colour(c.Type):
        pass

    monkeypatch.setattr(handbook_config.HandbookConfig, "_schema",
                        (*handbook_config.HandbookConfig._schema, ("drift", Colour(str, default="red"))))
    assert any("its type Colour has no words" in p for p in options.problems())


def test_a_planted_code_without_meaning_or_fix_fails_the_reference_and_the_build(monkeypatch, tmp_path, caplog):
    monkeypatch.setitem(findings.CODES, "planted-code",
                        findings.Code("planted-code", findings.WARNING, (findings.BUILD,), "", ""))
    monkeypatch.setitem(findings.CODES, "planted-elsewhere",
                        findings.Code("planted-elsewhere", findings.INFO, ("deploy",), "meant", "fixed"))
    assert codes_problems() == [
        "finding code `planted-code`: no message in the code makes it (no example to show)",
        "finding code `planted-code`: no meaning in plugins/handbook/findings.py",
        "finding code `planted-code`: no fix in plugins/handbook/findings.py",
        "finding code `planted-elsewhere`: no message in the code makes it (no example to show)",
        "finding code `planted-elsewhere`: reported by 'deploy', which has no words in manual/hooks/refgen/codes.py",
    ]
    build_fails_on(tmp_path, caplog, "planted-code")


def codes_problems() -> list[str]:
    from refgen import codes

    return codes.problems()


def test_a_flag_or_command_without_help_fails_the_reference(monkeypatch):
    real = commands.build_parser

    def planted() -> argparse.ArgumentParser:
        parser = real()
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        subparsers.choices["check"].add_argument("--planted-flag", action="store_true")
        subparsers.add_parser("planted-command")
        return parser

    monkeypatch.setattr(commands, "build_parser", planted)
    assert commands.problems() == ["command `handbook check`: `--planted-flag` has no help text",
                                   "command `handbook planted-command`: no help text in its parser"]


def test_a_json_output_entry_for_a_command_or_key_that_is_gone_fails_the_reference(monkeypatch):
    monkeypatch.setitem(outputs.OUTPUTS, "handbook vanished", ("cli/map.py", {"findings": "x"}))
    monkeypatch.setitem(outputs.OUTPUTS, "handbook check", ("cli/map.py", {"findings": "x", "gone_key": "y"}))
    assert outputs.problems() == [
        "outputs.py OUTPUTS names `handbook vanished`, which has no --format json",
        "`handbook check --format json`: key 'gone_key' is no longer in plugins/handbook/cli/map.py",
    ]
    monkeypatch.delitem(outputs.OUTPUTS, "handbook status")
    assert "`handbook status --format json`: not in manual/hooks/refgen/outputs.py OUTPUTS" in outputs.problems()


def test_a_schema_field_without_description_fails_the_reference(monkeypatch):
    real = schemas.build_schema

    def planted():
        schema = real()
        schema["properties"]["server"]["anyOf"][0]["properties"]["planted"] = {"type": "string"}
        return schema

    monkeypatch.setattr(schemas, "build_schema", planted)
    assert schemas.problems() == ["channel_map.yml: field `server.planted` has no description in its schema"]


def test_a_variable_read_from_the_environment_needs_an_entry_and_an_entry_needs_the_variable(monkeypatch, tmp_path):
    package = tmp_path / "handbook"
    package.mkdir()
    (package / "reader.py").write_text('import os\nLEVEL = os.environ.get("HANDBOOK_PLANTED")\n', encoding="utf-8")
    (package / "other.py").write_text('from os import environ\nPAGER = environ["PAGER"]\n', encoding="utf-8")
    monkeypatch.setattr(environment, "PACKAGE", package)
    monkeypatch.setitem(environment.ENVIRONMENT, "PAGER", "the pager")
    problems = environment.problems()
    assert any(p.startswith("environment variable `HANDBOOK_PLANTED` (read in ") and
               p.endswith("handbook/reader.py): not in manual/hooks/refgen/environment.py") for p in problems), problems
    assert "environment.py names `DISCORD_TOKEN`, which the code no longer reads" in problems
    assert not any("PAGER" in p for p in problems)


def test_a_template_variable_and_an_exit_code_need_their_entries(monkeypatch):
    monkeypatch.delitem(templates.VARIABLES, "handbook_review")
    assert any("`handbook_review`: set in plugins/handbook/site/reviews.py" in p for p in templates.problems())
    monkeypatch.setitem(exit_codes.EXIT_CODES, 3, "a code no command returns")
    monkeypatch.delitem(exit_codes.EXIT_CODES, 130)
    assert exit_codes.problems() == [
        "exit code 130 (in the command line's code): not in manual/hooks/refgen/exit_codes.py",
        "exit_codes.py names 3, which no command returns"]

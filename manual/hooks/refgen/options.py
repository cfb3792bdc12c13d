"""Every option of the plugin, from `HandbookConfig` (its attribute docstrings are the text)."""

from __future__ import annotations

import ast
import inspect

import yaml
from mkdocs.config import config_options as c

from handbook import config as handbook_config
from refgen.text import code, generated_note, paragraph, table

PATH = "reference/1-options.md"
TITLE = "Plugin options"
SOURCE = "plugins/handbook/config.py"
EDIT = "plugins/handbook/config.py"  # the file "Edit this page" opens


def docstrings(cls: type) -> dict[str, str]:
    """`name = option` followed by a string, in the class's source: name -> that text."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    found = {}
    for statement, after in zip(body, body[1:]):
        target = statement.targets[0] if isinstance(statement, ast.Assign) else getattr(statement, "target", None)
        if (isinstance(statement, (ast.Assign, ast.AnnAssign)) and isinstance(target, ast.Name)
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)):
            found[target.id] = inspect.cleandoc(after.value.value)
    return found


def kind(option: c.BaseConfigOption) -> str | None:
    """What an option takes, in words; None for a type this page does not know yet."""
    h = handbook_config
    if isinstance(option, c.Optional):
        inner = kind(option.option)
        return f"{inner}, optional" if inner else None
    if isinstance(option, h.ReportLevel):
        return "`warn`, `info` or `ignore`"
    if isinstance(option, h.Count):
        return f"whole number, at least {option.minimum}"
    if isinstance(option, h.Number):
        return f"number, at least {option.minimum:g}"
    if isinstance(option, h.OutputPath):
        return f"path inside {option.inside}, `''` turns it off"
    if isinstance(option, h.RegexList):
        return "list of regular expressions"
    if isinstance(option, h.StatusCodes):
        return "list of HTTP status codes"
    if isinstance(option, h.ReviewPeriod):
        return "duration (`90 days`, `6 weeks`, `6 months`, `1 year`)" + (", `''` for none" if option.optional else "")
    if isinstance(option, h.ReviewPeriods):
        return "mapping: category folder → duration"
    if isinstance(option, h.TimeZone):
        return "time zone (`UTC`, `+02:00`, `Europe/Berlin`)"
    if isinstance(option, c.Choice):
        return "one of " + ", ".join(f"`{choice}`" for choice in option.choices)
    if isinstance(option, c.SubConfig):
        return "mapping (its keys below)"
    if isinstance(option, c.DictOfItems) and isinstance(option.option_type, c.SubConfig):
        return "mapping: host → `concurrency`, `delay`"
    if isinstance(option, c.ListOfItems) and type(option.option_type) is c.Type:
        return f"list of {_words(option.option_type._type)}"
    if type(option) is c.Type:
        return _words(option._type)
    return None


def _words(python_type: object) -> str | None:
    return {str: "text", bool: "`true` or `false`", int: "whole number"}.get(python_type)  # type: ignore[call-overload]


def rows(cls: type) -> list[tuple[str, c.BaseConfigOption, str]]:
    texts = docstrings(cls)
    return [(name, option, texts.get(name, "")) for name, option in cls._schema]  # type: ignore[attr-defined]


class _Indented(yaml.SafeDumper):
    """Lists indented under their key, as `mkdocs.yml` files are usually written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _example(name: str, value: object) -> str:
    text = yaml.dump({"plugins": [{"handbook": {name: value}}]}, Dumper=_Indented, sort_keys=False, allow_unicode=True)
    return f"```yaml\n{text}```\n"


def render() -> str:
    out = [f"# {TITLE}\n", generated_note(SOURCE, "`HandbookConfig`"),
           "Options go under the plugin in `mkdocs.yml`. `mkdocs build` and every `handbook` command read "
           "them the same way, and a bad value stops both with the option's line (exit code 2).\n",
           table(["option", "takes", "default", "what it does"],
                 [(f"[`{name}`](#{name})", kind(option), code(option.default), text.split("\n\n")[0])
                  for name, option, text in rows(handbook_config.HandbookConfig)])]
    for name, option, text in rows(handbook_config.HandbookConfig):
        out.append(f"## `{name}` {{ #{name} }}\n\n{paragraph(text)}\n\n"
                   f"- **Takes:** {kind(option)}\n- **Default:** {code(option.default)}\n")
        example = handbook_config.EXAMPLES.get(name)
        out.append(f"Example:\n\n{_example(name, example)}")
        if isinstance(option, c.SubConfig):
            sub = option.config_class
            out.append(table(["key", "takes", "default", "what it does"],
                             [(f"`{key}`", kind(o), code(o.default), paragraph(t)) for key, o, t in rows(sub)]))
    return "\n".join(out)


def problems() -> list[str]:
    found = []
    classes = [handbook_config.HandbookConfig, handbook_config.LinkCheckConfig, handbook_config.HostLimitsConfig]
    for cls in classes:
        for name, option, text in rows(cls):
            where = f"option `{name}` ({cls.__name__})"
            if not text.strip():
                found.append(f"{where}: no description (a docstring under it in {SOURCE})")
            if kind(option) is None:
                found.append(f"{where}: its type {type(option).__name__} has no words in manual/hooks/refgen/options.py")
    names = {name for name, _ in handbook_config.HandbookConfig._schema}  # type: ignore[attr-defined]
    found += [f"option `{name}`: no example in config.EXAMPLES" for name in sorted(names - set(handbook_config.EXAMPLES))]
    found += [f"config.EXAMPLES names `{name}`, which is no option" for name in sorted(set(handbook_config.EXAMPLES) - names)]
    return found

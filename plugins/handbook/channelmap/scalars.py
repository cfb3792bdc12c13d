"""Which text can stand unquoted in a YAML file that other tools read too.

The map is read here with ruamel (YAML 1.2), but MkDocs, PyYAML and many editors and CI tools read
YAML 1.1, where `yes`, `off`, `1:20` or `1_000` are no text. A plain scalar is safe only when every
one of those readers takes it back as the same string; anything else is quoted.
"""

from __future__ import annotations

import re

import yaml
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

_TEXT_TAG = "tag:yaml.org,2002:str"
# The YAML 1.1 spec's booleans include the one-letter forms that PyYAML and ruamel leave out
# (https://yaml.org/type/bool.html); some readers (go-yaml v2) follow the spec.
_ONE_LETTER_BOOLS = re.compile(r"^[yYnN]$")
_RUAMEL_READERS = (VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2)))
_PYYAML_READER = yaml.resolver.Resolver()


def reads_back_as_text(text: str) -> bool:
    """Whether `text`, written unquoted, reads back as that same string in YAML 1.1 and 1.2."""
    if not text or _ONE_LETTER_BOOLS.match(text):
        return False
    plain = (True, False)  # resolve as a plain (unquoted) scalar
    if any(str(reader.resolve(ScalarNode, text, plain)) != _TEXT_TAG for reader in _RUAMEL_READERS):
        return False
    return bool(_PYYAML_READER.resolve(yaml.ScalarNode, text, plain) == _TEXT_TAG)

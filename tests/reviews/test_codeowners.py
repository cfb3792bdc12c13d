"""CODEOWNERS rules as GitHub applies them: gitignore-style patterns, the last match wins."""

from __future__ import annotations

import textwrap

import pytest

from handbook.reviews.codeowners import parse

EXAMPLE = textwrap.dedent("""\
    # Default owners for everything
    *                       @campfire/stewards
    *.md                    @docs-team
    docs/                   @handbook-editors
    /docs/guidelines/       @campfire/moderators @ada
    /docs/guidelines/safeguarding.md   @safeguarding   # the named lead
    docs/discord-manual/*   @discord-helpers
    **/drafts               @nobody-in-particular
    /docs/guidelines/archive/
    /docs/rest/sleep.md     lead@example.org
    docs/odd\\ name.md      @spaces
""")


@pytest.mark.parametrize("path, owners", [
    ("README.md", ("@docs-team",)),
    ("mkdocs.yml", ("@campfire/stewards",)),
    ("docs/index.md", ("@handbook-editors",)),                            # docs/ beats *.md: it comes later
    ("site/docs/page.md", ("@handbook-editors",)),                        # docs/ matches at any depth
    ("docs/guidelines/reporting.md", ("@campfire/moderators", "@ada")),
    ("docs/guidelines/safeguarding.md", ("@safeguarding",)),              # a comment after the owners
    ("docs/guidelines/archive/old.md", ()),                               # no owners: unowned again
    ("docs/discord-manual/glossary.md", ("@discord-helpers",)),
    ("docs/discord-manual/images/menu.md", ("@handbook-editors",)),       # docs/* is not nested files
    ("docs/habits/drafts/idea.md", ("@nobody-in-particular",)),           # ** at any depth, a folder
    ("docs/rest/sleep.md", ()),                                           # e-mail owners are never published
    ("docs/odd name.md", ("@spaces",)),                                   # an escaped space
])
def test_last_matching_rule_wins(path, owners):
    assert parse(EXAMPLE, "CODEOWNERS").owners_of(path) == owners


@pytest.mark.parametrize("pattern, path, hit", [
    ("/docs", "docs/a/b.md", True),          # a folder named without a slash covers its files
    ("/docs", "other/docs/a.md", False),     # anchored at the root
    ("docs", "other/docs/a.md", True),       # unanchored: any depth
    ("guidelines/*.md", "docs/guidelines/x.md", False),  # a slash in the middle anchors it
    ("docs/**/index.md", "docs/index.md", True),
    ("docs/**/index.md", "docs/a/b/index.md", True),
    ("docs/g?ide/", "docs/guide/x.md", True),
    ("*.md", "docs/a.markdown", False),
    ("docs/*.md", "docs/a/b.md", False),
    ("/", "anything.md", True),
])
def test_patterns(pattern, path, hit):
    owners = parse(f"{pattern} @owner\n", "CODEOWNERS").owners_of(path)
    assert owners == (("@owner",) if hit else ())


def test_what_github_does_not_support_is_a_finding_with_its_line():
    rules = parse("* @all\n!docs/private.md @nobody\ndocs/[ab]*.md @letters\n[Docs] @section\n", ".github/CODEOWNERS")
    assert [(f.code, f.file, f.line) for f in rules.findings] == [
        ("codeowners-unsupported", ".github/CODEOWNERS", 2), ("codeowners-unsupported", ".github/CODEOWNERS", 3)]
    assert "negation" in rules.findings[0].message and "character range" in rules.findings[1].message
    assert rules.owners_of("docs/private.md") == ("@all",) and rules.owners_of("docs/a.md") == ("@all",)

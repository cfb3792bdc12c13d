"""The private vocabulary and the one redaction step for every text that reaches the site.

The vocabulary is every name and id a private channel or Discord category has ever had in the
channel map: the current map and every version of it in git (old versions are read tolerantly,
like `handbook.channelmap.changes`). A channel that is private now takes its earlier names along,
even from versions where it was open; a channel private once and open now keeps its current
(published) name public and its earlier names private. Invites found in private spaces are
private too. Names in use by an open channel or category today are published anyway, so they
are never redacted.

`Redactor.redact` is the single step: commit subjects and trailers, author names, channel changes
in the changelog and feed, page titles and descriptions all pass it. Pure: no git, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import yaml

from handbook.channelmap.changes import SAFE_LOADER
from handbook.channelmap.model import ChannelMap
from handbook.i18n import ENGLISH, Words
from handbook.text.secrets import INVITE_SHAPE, REDACTED, redact_secret_shapes

_SNOWFLAKE = re.compile(r"^\d{17,20}$")


@dataclass(frozen=True)
class Space:
    """One channel or Discord category as one version of the map describes it."""

    kind: str  # "channel" | "category"
    name: str
    id: str | None
    private: bool
    topic_category: str | None = None  # the docs folder a topic channel mirrors
    invites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    channel_names: frozenset[str] = frozenset()
    category_names: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    invite_codes: frozenset[str] = frozenset()

    @property
    def names(self) -> frozenset[str]:
        return self.channel_names | self.category_names


def spaces_of_map(channel_map: ChannelMap) -> list[Space]:
    """The current map's spaces (visibility already inherited by the loader)."""
    found: list[Space] = []
    for category in channel_map.discord_categories:
        found.append(Space("category", category.name, category.id, category.is_private,
                           invites=_invites_in(category.node) if category.is_private else ()))
        for channel in category.channels:
            found.append(Space("channel", channel.name, channel.id, channel.is_private,
                               channel.category if channel.kind == "topic" else None,
                               _invites_in(channel.node) if channel.is_private else ()))
    return found


def spaces_of_text(text: bytes | str | None) -> list[Space]:
    """The spaces of one old version of the map; [] for anything that does not parse."""
    if not text:
        return []
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader (libyaml's when there is one)
    except (yaml.YAMLError, ValueError):
        return []
    groups = data.get("discord_categories") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        return []
    found: list[Space] = []
    for group in groups:
        if not isinstance(group, dict):
            continue
        group_private = _is_private(group.get("visibility"))
        name = _text(group.get("name"))
        if name:
            found.append(Space("category", name, _text(group.get("id")), group_private,
                               invites=_invites_in(group) if group_private else ()))
        channels = group.get("channels")
        for entry in channels if isinstance(channels, list) else ():
            channel_name = _text(entry.get("name")) if isinstance(entry, dict) else None
            if not isinstance(entry, dict) or channel_name is None:
                continue
            visibility = entry.get("visibility")
            private = _is_private(visibility) if visibility is not None else group_private
            category = entry.get("category") if entry.get("kind") == "topic" else None
            found.append(Space("channel", channel_name, _text(entry.get("id")), private,
                               category if isinstance(category, str) and category else None,
                               _invites_in(entry) if private else ()))
    return found


def _word(name: str) -> str:
    return " ".join(re.split(r"[-_\s]+", name.strip())).casefold()


def build_vocabulary(current: list[Space], history: Iterable[list[Space]] = (),
                     published: Iterable[str] = ()) -> Vocabulary:
    """Every private name and id of `current` and every old version in `history`.

    Spaces of all versions are joined into identities by id, by the docs folder a topic channel
    mirrors and by name; an identity that is private in any version is private in all of them.
    Names the site publishes anyway are left out: those of open channels and categories, and
    `published` (the folder and file names of the handbook's pages, which are in its URLs), so a
    private category called "Cohorts" does not hide the handbook's own Cohorts page."""
    published_words = {_word(p) for p in published if p}
    versions = [*history, current]
    parent: dict[tuple, tuple] = {}

    def find(key: tuple) -> tuple:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: tuple, b: tuple) -> None:
        parent[find(a)] = find(b)

    def keys(space: Space) -> list[tuple]:
        out = [(space.kind, "name", space.name.casefold())]
        if space.id and _SNOWFLAKE.match(space.id):
            out.append((space.kind, "id", space.id))
        if space.topic_category:
            out.append((space.kind, "folder", space.topic_category))
        return out

    for version in versions:
        for space in version:
            first, *rest = keys(space)
            find(first)
            for key in rest:
                union(first, key)
    private_roots = {find(keys(s)[0]) for version in versions for s in version if s.private}
    public_now = {(s.kind, s.name.casefold()) for s in current if not s.private}
    public_ids = {s.id for s in current if not s.private and s.id}
    channels: set[str] = set()
    categories: set[str] = set()
    ids: set[str] = set()
    invites: set[str] = set()
    for version in versions:
        for space in version:
            if find(keys(space)[0]) not in private_roots:
                continue
            invites.update(space.invites)
            if (space.kind, space.name.casefold()) not in public_now and _word(space.name) not in published_words:
                (channels if space.kind == "channel" else categories).add(space.name)
            if space.id and _SNOWFLAKE.match(space.id) and space.id not in public_ids:
                ids.add(space.id)
    return Vocabulary(frozenset(channels), frozenset(categories), frozenset(ids), frozenset(invites))


def path_words(paths: Iterable[str]) -> frozenset[str]:
    """The folder names and file stems of docs pages: published in the site's URLs anyway."""
    words: set[str] = set()
    for path in paths:
        parts = path.split("/")
        words.update(parts[:-1])
        words.add(parts[-1].rsplit(".", 1)[0])
    return frozenset(words - {"index", "README"})


def site_redactor(channel_map: ChannelMap | None, map_versions: Iterable[bytes | str], published: Iterable[str], *,
                  public_invite: str | None, show_private_names: bool, words: Words = ENGLISH) -> Redactor:
    """The site's privacy step, one recipe for every output (the build, and what is posted to
    Discord): the private names of the map now and in every old version (`map_versions`, from
    git), less `published` (`path_words` of the handbook's pages)."""
    current = spaces_of_map(channel_map) if channel_map is not None else []
    history = [spaces_of_text(text) for text in map_versions]
    return Redactor(build_vocabulary(current, history, published), public_invite=public_invite,
                    show_private_names=show_private_names, words=words)


@dataclass
class Redactor:
    """Replaces private names, ids, private invites, tokens and webhook URLs in plain text.

    With `show_private_names` the community chose to publish names: they stay, while ids,
    invites, tokens and webhook URLs are always removed."""

    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    public_invite: str | None = None
    show_private_names: bool = False
    words: Words = ENGLISH
    """The site's language: what a private name becomes ("a private channel")."""

    def __post_init__(self) -> None:
        v = self.vocabulary
        names = [] if self.show_private_names else sorted(v.names, key=len, reverse=True)
        channel, space = self.words("private_channel"), self.words("a_private_space")
        self._spaces = {n.casefold(): (channel if n in v.channel_names else space) for n in names}
        # Channel names are lower-case slugs, so any case is them; a category's name is matched
        # as capitalised in the map, so a private "Moderators" category leaves "moderators" alone.
        words = [_name_pattern(n) if n not in v.channel_names else f"(?i:{_name_pattern(n)})" for n in names]
        words += [re.escape(i) for i in sorted(v.ids)]
        words += [f"(?i:{re.escape(c)})" for c in sorted(v.invite_codes, key=len, reverse=True)]
        # `#name` or the bare name, never inside a longer name (`mod-room` is not in `mod-rooms`).
        self._pattern = re.compile(r"(?<![\w-])(#?)(" + "|".join(words) + r")(?![\w-])") if words else None
        self._ids = v.ids
        self._codes = {c.casefold() for c in v.invite_codes}
        # Substrings every match contains: a C-speed `in` test before the regular expression.
        self._needles = tuple({n.split()[0].casefold() for n in names} | set(v.ids) | self._codes)
        # Heading ids are slugs of their text ("Notes from #mod-log" is `notes-from-mod-log`), so
        # each name is looked for as its slug too, between the slug's separators.
        slugs = {_slug(n): _slug(self._spaces[n.casefold()]) for n in names}
        slugs.update({_slug(x): _slug(REDACTED) for x in (*v.ids, *v.invite_codes)})
        self._slugs = {k: v for k, v in slugs.items() if k}
        # What an id an author wrote may be told to name: a channel (its name is a slug), an id or
        # an invite. A category's name is matched as capitalised, which an id never is.
        self._id_names = {_slug(n): n for n in (*(n for n in names if n in v.channel_names), *v.ids, *v.invite_codes)}
        alternatives = "|".join(re.escape(k) for k in sorted(self._slugs, key=len, reverse=True))
        self._slug_pattern = re.compile(rf"(?i)(?<![^-_])({alternatives})(?![^-_])") if alternatives else None

    def _replace(self, m: re.Match[str]) -> str:
        word = m.group(2)
        if word in self._ids or word.casefold() in self._codes:
            return m.group(1) + REDACTED
        return self._spaces.get(" ".join(word.split()).casefold(), REDACTED)

    def redact(self, text: str) -> str:
        if not text:
            return text
        text = redact_secret_shapes(text, self.public_invite)
        if self._pattern is None or not self._may_match(text):
            return text
        return self._pattern.sub(self._replace, text)

    def redact_id(self, value: str) -> str:
        """An HTML id (a heading's slug) with every private name's slug replaced by the slug of
        what the text says instead: `notes-from-mod-log` becomes `notes-from-a-private-channel`."""
        if self._slug_pattern is None or not value:
            return value
        return self._slug_pattern.sub(lambda m: self._slugs[m.group(1).lower()], value)

    def names_in_id(self, value: str) -> list[str]:
        """The private channel names, ids and invites an HTML id an author wrote names (`mod-log`
        in `mod-log-writers`), as the map spells them."""
        if self._slug_pattern is None or not value:
            return []
        return [self._id_names[m.group(1).lower()] for m in self._slug_pattern.finditer(value)
                if m.group(1).lower() in self._id_names]

    def may_name(self, text: str) -> bool:
        """A quick test: False when `text` cannot hold a private name, id or invite."""
        return self._may_match(text)

    def _may_match(self, text: str) -> bool:
        if not text or self._pattern is None:
            return False
        folded = text.casefold()
        return any(needle in folded for needle in self._needles)

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """Every private name or id in `text`: match objects, `#` (or "") and the name as written."""
        if self._pattern is None or not self._may_match(text):
            return iter(())
        return self._pattern.finditer(text)

    def private_names_in(self, text: str) -> list[str]:
        """The private names and ids `text` contains, as written (for warnings)."""
        return list(dict.fromkeys(m.group(1) + m.group(2) for m in self.matches(text)))

    def restricted(self, found: Iterable[str]) -> "Redactor":
        """A redactor for only the names and ids in `found` (as `private_names_in` gave them):
        a page that names one private channel in a code span is not rewritten for every word
        that happens to be a private category's name elsewhere in its prose."""
        wanted = {" ".join(f.lstrip("#").split()).casefold() for f in found}
        v = self.vocabulary

        def keep(values: frozenset[str]) -> frozenset[str]:
            return frozenset(x for x in values if " ".join(x.split()).casefold() in wanted)

        return Redactor(Vocabulary(keep(v.channel_names), keep(v.category_names), keep(v.ids), keep(v.invite_codes)),
                        self.public_invite, self.show_private_names, self.words)

    __call__ = redact


def _slug(text: str) -> str:
    """`text` as Python-Markdown's table of contents makes a heading's id of it."""
    from markdown.extensions.toc import slugify

    return slugify(text, "-")


def _name_pattern(name: str) -> str:
    """A name, case-insensitively, with any run of white space standing for white space."""
    return r"\s+".join(re.escape(part) for part in name.split())


def _is_private(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower() == "private"


def _text(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value).strip() or None


def _invites_in(node: object) -> tuple[str, ...]:
    """Invite codes in any string value of a private space's own keys (not its channels)."""
    if not isinstance(node, dict):
        return ()
    codes = []
    for key, value in node.items():
        if key != "channels" and isinstance(value, str):
            codes += [m.group(1) for m in INVITE_SHAPE.finditer(value)]
    return tuple(codes)


__all__ = ["Redactor", "Space", "Vocabulary", "build_vocabulary", "path_words", "site_redactor", "spaces_of_map",
           "spaces_of_text"]

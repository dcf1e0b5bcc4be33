"""Gold annotations: the hand-written (or generated) truth that extraction is scored against.

One YAML file per report (format documented in ``tests/gold/README.md``). The corpus gold
files are written by people reading the reports; :mod:`unkg.synth` writes the same format for
synthetic reports. Extraction never reads gold files: only :mod:`unkg.evaluate` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from unkg.errors import UnkgError
from unkg.model import InteractionKind, SpeechAct

GOLD_FORMAT = 1
GROUP_PREFIX = "group:"


class GoldError(UnkgError):
    """A gold annotation file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class GoldPerson:
    """A person as the annotator saw them: canonical name and every full-name form in the text."""

    key: str
    family: str
    given: str | None
    variants: tuple[str, ...] = ()
    gender: str | None = None
    country: str | None = None
    mentioned_only: bool = False  # named but not present: optional in scoring


@dataclass(frozen=True)
class GoldPost:
    """A post; ``organizations`` lists acceptable names of one organization (empty: none named)."""

    person: str
    role: str
    organizations: tuple[str, ...] = ()
    former: bool = False
    optional: bool = False


@dataclass(frozen=True)
class GoldSession:
    """A session heading; ``hosts`` lists acceptable names of the host (empty: none named)."""

    number: int
    title: str
    date: str | None = None
    hosts: tuple[str, ...] = ()
    also_numbered: tuple[int, ...] = ()


@dataclass(frozen=True)
class GoldInteraction:
    """A directed interaction between two gold people."""

    source: str
    target: str
    kind: InteractionKind
    session: int | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldStatement:
    """A statement located by a verbatim ``anchor`` that starts its sentence."""

    speaker: str  # a gold person key or "group:<label>"
    act: SpeechAct
    anchor: str
    optional: bool = False

    @property
    def group_label(self) -> str | None:
        """The label of an unnamed group speaker, or None when the speaker is a person."""
        return self.speaker[len(GROUP_PREFIX) :] if self.speaker.startswith(GROUP_PREFIX) else None


@dataclass(frozen=True)
class GoldReport:
    """Everything annotated for one report."""

    report: str  # the report's file stem
    people: tuple[GoldPerson, ...] = ()
    posts: tuple[GoldPost, ...] = ()
    sessions: tuple[GoldSession, ...] = ()
    interactions: tuple[GoldInteraction, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    event: Mapping[str, str | None] | None = None

    def person(self, key: str) -> GoldPerson:
        """The gold person with this key (KeyError when unknown)."""
        for person in self.people:
            if person.key == key:
                return person
        raise KeyError(key)


# --- reading ------------------------------------------------------------------------------


class _Entry:
    """Reads one mapping of a gold file and names file, section and index in every error."""

    def __init__(self, source: str, section: str, index: int, raw: object) -> None:
        self.where = f"{source}: {section}[{index}]"
        if not isinstance(raw, Mapping):
            raise GoldError(f"{self.where}: expected a mapping, got {type(raw).__name__}")
        self.raw: Mapping[str, Any] = raw

    def text(self, name: str, *, required: bool = True) -> str | None:
        value = self.raw.get(name)
        if value is None:
            if required:
                raise GoldError(f"{self.where}: missing {name!r}")
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise GoldError(f"{self.where}: {name!r} must be text, got {value!r}")
        return str(value)

    def required_text(self, name: str) -> str:
        value = self.text(name)
        assert value is not None
        return value

    def flag(self, name: str) -> bool:
        value = self.raw.get(name, False)
        if not isinstance(value, bool):
            raise GoldError(f"{self.where}: {name!r} must be true or false, got {value!r}")
        return value

    def names(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        raise GoldError(f"{self.where}: {name!r} must be a name or a list of names, got {value!r}")

    def integer(self, name: str) -> int:
        value = self.raw.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise GoldError(f"{self.where}: {name!r} must be a whole number, got {value!r}")
        return value

    def optional_integer(self, name: str) -> int | None:
        return None if self.raw.get(name) is None else self.integer(name)

    def choice(self, name: str, choices: Sequence[str]) -> str:
        value = self.required_text(name)
        if value not in choices:
            raise GoldError(f"{self.where}: {name!r} is {value!r}; choose one of {', '.join(choices)}")
        return value


def _section(data: Mapping[str, Any], source: str, name: str) -> list[Any]:
    value = data.get(name) or []
    if not isinstance(value, list):
        raise GoldError(f"{source}: {name!r} must be a list")
    return value


def _person(entry: _Entry) -> GoldPerson:
    return GoldPerson(
        key=entry.required_text("key"),
        family=entry.required_text("family"),
        given=entry.text("given", required=False),
        variants=entry.names("variants"),
        gender=entry.text("gender", required=False),
        country=entry.text("country", required=False),
        mentioned_only=entry.flag("mentioned_only"),
    )


def _post(entry: _Entry) -> GoldPost:
    return GoldPost(
        person=entry.required_text("person"),
        role=entry.required_text("role"),
        organizations=entry.names("organization"),
        former=entry.flag("former"),
        optional=entry.flag("optional"),
    )


def _session(entry: _Entry) -> GoldSession:
    also = entry.raw.get("also_numbered") or []
    if not isinstance(also, list) or not all(isinstance(n, int) for n in also):
        raise GoldError(f"{entry.where}: 'also_numbered' must be a list of numbers")
    return GoldSession(
        number=entry.integer("number"),
        title=entry.required_text("title"),
        date=entry.text("date", required=False),
        hosts=entry.names("host"),
        also_numbered=tuple(also),
    )


def _interaction(entry: _Entry) -> GoldInteraction:
    return GoldInteraction(
        source=entry.required_text("from"),
        target=entry.required_text("to"),
        kind=InteractionKind(entry.choice("kind", [kind.value for kind in InteractionKind])),
        session=entry.optional_integer("session"),
        optional=entry.flag("optional"),
    )


def _statement(entry: _Entry) -> GoldStatement:
    return GoldStatement(
        speaker=entry.required_text("speaker"),
        act=SpeechAct(entry.choice("act", [act.value for act in SpeechAct])),
        anchor=entry.required_text("anchor"),
        optional=entry.flag("optional"),
    )


def _check_references(gold: GoldReport, source: str) -> None:
    keys = [person.key for person in gold.people]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise GoldError(f"{source}: people: duplicate keys {', '.join(duplicates)}")
    known = set(keys)
    references = [("posts", post.person) for post in gold.posts]
    references += [("interactions", key) for i in gold.interactions for key in (i.source, i.target)]
    references += [("statements", s.speaker) for s in gold.statements if s.group_label is None]
    for section, key in references:
        if key not in known:
            raise GoldError(f"{source}: {section}: unknown person key {key!r} (not in people)")


def parse_gold(data: object, source: str) -> GoldReport:
    """A gold report from parsed YAML; ``source`` names the file in error messages."""
    if not isinstance(data, Mapping):
        raise GoldError(f"{source}: expected a mapping at the top level")
    if data.get("format", GOLD_FORMAT) != GOLD_FORMAT:
        raise GoldError(f"{source}: unsupported format {data.get('format')!r}; expected {GOLD_FORMAT}")
    report = data.get("report")
    if not isinstance(report, str) or not report:
        raise GoldError(f"{source}: missing 'report' (the report's file stem)")

    def entries(name: str) -> list[_Entry]:
        return [_Entry(source, name, i, raw) for i, raw in enumerate(_section(data, source, name))]

    event = data.get("event")
    gold = GoldReport(
        report=report,
        people=tuple(_person(e) for e in entries("people")),
        posts=tuple(_post(e) for e in entries("posts")),
        sessions=tuple(_session(e) for e in entries("sessions")),
        interactions=tuple(_interaction(e) for e in entries("interactions")),
        statements=tuple(_statement(e) for e in entries("statements")),
        event={str(k): None if v is None else str(v) for k, v in event.items()}
        if isinstance(event, Mapping)
        else None,
    )
    _check_references(gold, source)
    return gold


def load_gold(path: Path) -> GoldReport:
    """Read and validate one gold file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldError(f"{path}: cannot read gold file ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise GoldError(f"{path}: not valid YAML ({error})") from error
    gold = parse_gold(data, str(path))
    if gold.report != path.stem:
        raise GoldError(f"{path}: 'report' is {gold.report!r} but the file is named after {path.stem!r}")
    return gold


def load_gold_dir(folder: Path) -> tuple[GoldReport, ...]:
    """Every ``*.yaml`` gold file in a folder, sorted by report id."""
    if not folder.is_dir():
        raise GoldError(f"{folder}: gold folder not found")
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise GoldError(f"{folder}: no gold files (*.yaml) found")
    return tuple(load_gold(path) for path in paths)


# --- writing (synthetic ground truth) --------------------------------------------------------


def _names_value(names: tuple[str, ...]) -> list[str] | None:
    return list(names) if names else None


def gold_to_data(gold: GoldReport) -> dict[str, Any]:
    """The YAML-ready mapping of a gold report (inverse of :func:`parse_gold`)."""
    data: dict[str, Any] = {"format": GOLD_FORMAT, "report": gold.report}
    if gold.event is not None:
        data["event"] = dict(gold.event)
    data["people"] = [
        {"key": p.key, "family": p.family, "given": p.given, "variants": list(p.variants)}
        | ({"gender": p.gender} if p.gender else {})
        | ({"country": p.country} if p.country else {})
        | ({"mentioned_only": True} if p.mentioned_only else {})
        for p in gold.people
    ]
    data["posts"] = [
        {"person": p.person, "role": p.role, "organization": _names_value(p.organizations)}
        | ({"former": True} if p.former else {})
        | ({"optional": True} if p.optional else {})
        for p in gold.posts
    ]
    data["sessions"] = [
        {"number": s.number, "title": s.title, "date": s.date, "host": _names_value(s.hosts)}
        | ({"also_numbered": list(s.also_numbered)} if s.also_numbered else {})
        for s in gold.sessions
    ]
    data["interactions"] = [
        {"from": i.source, "to": i.target, "kind": i.kind.value, "session": i.session}
        | ({"optional": True} if i.optional else {})
        for i in gold.interactions
    ]
    data["statements"] = [
        {"speaker": s.speaker, "act": s.act.value, "anchor": s.anchor}
        | ({"optional": True} if s.optional else {})
        for s in gold.statements
    ]
    return data


def dump_gold(gold: GoldReport) -> str:
    """The gold report as YAML text in the documented format."""
    text: str = yaml.safe_dump(gold_to_data(gold), sort_keys=False, allow_unicode=True, width=110)
    return text

"""Curation: a user's corrections, applied to the extractions after extraction and resolution.

Extraction is automatic and sometimes wrong; ``data/curation.yaml`` lets a user fix it without
touching code: merge two people, split one, rename or correct a person, drop a false person,
add, correct or drop a post. Fixes refer to people by the key the graph shows
(``.../person/<key>``). The file is documented by its own comments; a missing file means no fixes.

Fixes apply in a fixed order: merge, split, rename, drop people, posts. Every fix must still
apply: a key or post it names that no longer exists is an error naming the file and the entry,
so a stale fix never goes unnoticed. The scores of ``unkg eval`` are measured without curation
unless ``--with-curation`` is given.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from unkg.errors import UnkgError
from unkg.model import Extraction, Organization, Person, Post, Span

CURATION_VERSION = 1
SECTIONS = ("merge", "split", "rename", "drop_people", "posts")


class CurationError(UnkgError):
    """The curation file is malformed, or one of its fixes no longer applies."""


# --- the fixes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Merge:
    """The people ``people`` are one person: all become ``into`` (an existing key or a new one)."""

    where: str
    into: str
    people: tuple[str, ...]


@dataclass(frozen=True)
class Split:
    """Mentions with one of the surface forms ``mentions`` belong to another person, ``new_key``."""

    where: str
    person: str
    report: str | None
    new_key: str
    family: str
    given: str | None
    mentions: tuple[str, ...]
    gender: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Rename:
    """Correct a person's name, key, gender, country or honorific."""

    where: str
    person: str
    new_key: str | None = None
    family: str | None = None
    given: str | None = None
    name: str | None = None
    gender: str | None = None
    country: str | None = None
    honorific: str | None = None


@dataclass(frozen=True)
class DropPerson:
    """A false person: removed with their posts, statements, interactions and participations."""

    where: str
    person: str
    report: str | None = None


@dataclass(frozen=True)
class PostFix:
    """Add, drop or correct a post (``set_*``: the corrected values)."""

    where: str
    action: str  # "add", "drop", "correct"
    person: str
    role: str
    report: str | None = None
    organization: str | None = None
    organization_name: str | None = None
    former: bool = False
    set_role: str | None = None
    set_organization: str | None = None
    set_former: bool | None = None


@dataclass(frozen=True)
class Curation:
    """Every fix of one curation file, in the order they apply."""

    source: str = "<no curation>"
    merges: tuple[Merge, ...] = ()
    splits: tuple[Split, ...] = ()
    renames: tuple[Rename, ...] = ()
    drops: tuple[DropPerson, ...] = ()
    posts: tuple[PostFix, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.merges or self.splits or self.renames or self.drops or self.posts)


# --- reading ------------------------------------------------------------------------------


class _Entry:
    """One entry of the file, with its location for error messages."""

    def __init__(self, where: str, raw: object, allowed: Sequence[str]) -> None:
        self.where = where
        if not isinstance(raw, Mapping):
            raise CurationError(f"{where}: expected a mapping, got {raw!r}")
        unknown = sorted(set(map(str, raw)) - set(allowed))
        if unknown:
            raise CurationError(f"{where}: unknown field {unknown[0]!r}; fields are {', '.join(allowed)}")
        self.raw: Mapping[str, Any] = raw

    def text(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise CurationError(f"{self.where}: {name!r} must be non-empty text, got {value!r}")
        return value.strip()

    def required(self, name: str) -> str:
        value = self.text(name)
        if value is None:
            raise CurationError(f"{self.where}: missing {name!r}")
        return value

    def key(self, name: str, *, required: bool = True) -> str | None:
        value = self.required(name) if required else self.text(name)
        if value is not None and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
            raise CurationError(
                f"{self.where}: {name!r} must be a key like 'hasegawa-sukehiro', got {value!r}"
            )
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name)
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise CurationError(f"{self.where}: {name!r} must be a non-empty list of text")
        return tuple(v.strip() for v in value)

    def flag(self, name: str) -> bool | None:
        value = self.raw.get(name)
        if value is not None and not isinstance(value, bool):
            raise CurationError(f"{self.where}: {name!r} must be true or false, got {value!r}")
        return value

    def gender(self) -> str | None:
        value = self.text("gender")
        if value not in (None, "female", "male"):
            raise CurationError(f"{self.where}: 'gender' must be female or male, got {value!r}")
        return value

    def country(self) -> str | None:
        value = self.text("country")
        if value is not None and not re.fullmatch(r"[A-Z]{3}", value):
            raise CurationError(
                f"{self.where}: 'country' must be an ISO alpha-3 code like JPN, got {value!r}"
            )
        return value


def _merge(e: _Entry) -> Merge:
    people = e.texts("people")
    return Merge(e.where, into=e.key("into") or "", people=people)


def _split(e: _Entry) -> Split:
    return Split(
        e.where,
        person=e.key("person") or "",
        report=e.text("report"),
        new_key=e.key("new_key") or "",
        family=e.required("family"),
        given=e.text("given"),
        mentions=e.texts("mentions"),
        gender=e.gender(),
        country=e.country(),
    )


def _rename(e: _Entry) -> Rename:
    rename = Rename(
        e.where,
        person=e.key("person") or "",
        new_key=e.key("new_key", required=False),
        family=e.text("family"),
        given=e.text("given"),
        name=e.text("name"),
        gender=e.gender(),
        country=e.country(),
        honorific=e.text("honorific"),
    )
    if all(
        getattr(rename, f) is None
        for f in ("new_key", "family", "given", "name", "gender", "country", "honorific")
    ):
        raise CurationError(
            f"{e.where}: nothing to change; give new_key, family, given, name, gender, country or honorific"
        )
    return rename


def _drop(e: _Entry) -> DropPerson:
    return DropPerson(e.where, person=e.key("person") or "", report=e.text("report"))


def _post(e: _Entry) -> PostFix:
    action = e.required("action")
    if action not in ("add", "drop", "correct"):
        raise CurationError(f"{e.where}: 'action' is {action!r}; choose add, drop or correct")
    fix = PostFix(
        e.where,
        action=action,
        person=e.key("person") or "",
        role=e.required("role"),
        report=e.text("report"),
        organization=e.key("organization", required=False),
        organization_name=e.text("organization_name"),
        former=bool(e.flag("former")),
        set_role=e.text("set_role"),
        set_organization=e.key("set_organization", required=False),
        set_former=e.flag("set_former"),
    )
    if action == "add" and fix.report is None:
        raise CurationError(f"{e.where}: adding a post needs 'report' (the report the post is stated in)")
    if (
        action == "correct"
        and fix.set_role is None
        and fix.set_organization is None
        and fix.set_former is None
    ):
        raise CurationError(f"{e.where}: 'correct' needs set_role, set_organization or set_former")
    return fix


_FIELDS = {
    "merge": ("into", "people"),
    "split": ("person", "report", "new_key", "family", "given", "mentions", "gender", "country"),
    "rename": ("person", "new_key", "family", "given", "name", "gender", "country", "honorific"),
    "drop_people": ("person", "report"),
    "posts": (
        "action", "person", "role", "report", "organization", "organization_name", "former",
        "set_role", "set_organization", "set_former",
    ),
}  # fmt: skip


def parse_curation(data: object, source: str) -> Curation:
    """A validated curation from parsed YAML; ``source`` names the file in errors."""
    if data is None:
        return Curation(source=source)
    if not isinstance(data, Mapping):
        raise CurationError(f"{source}: expected a mapping of {', '.join(SECTIONS)}")
    unknown = sorted(set(map(str, data)) - {*SECTIONS, "version"})
    if unknown:
        raise CurationError(f"{source}: unknown section {unknown[0]!r}; sections are {', '.join(SECTIONS)}")
    if data.get("version", CURATION_VERSION) != CURATION_VERSION:
        raise CurationError(
            f"{source}: unsupported version {data.get('version')!r}; expected {CURATION_VERSION}"
        )

    def entries(section: str, read: Callable[[_Entry], Any]) -> tuple[Any, ...]:
        raw = data.get(section) or []
        if not isinstance(raw, list):
            raise CurationError(f"{source}: {section!r} must be a list")
        return tuple(
            read(_Entry(f"{source}: {section}[{i}]", item, _FIELDS[section])) for i, item in enumerate(raw)
        )

    return Curation(
        source=source,
        merges=entries("merge", _merge),
        splits=entries("split", _split),
        renames=entries("rename", _rename),
        drops=entries("drop_people", _drop),
        posts=entries("posts", _post),
    )


def load_curation(path: Path) -> Curation:
    """Read and validate a curation file; a missing file is an empty curation."""
    if not path.exists():
        return Curation(source=str(path))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CurationError(f"{path}: cannot read ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise CurationError(f"{path}: not valid YAML ({error})") from error
    return parse_curation(data, str(path))


# --- applying -----------------------------------------------------------------------------


def _display_name(family: str, given: str | None) -> str:
    return f"{given} {family}" if given else family


def _rekey(extraction: Extraction, renames: Mapping[str, str]) -> Extraction:
    """Replace person keys everywhere in one extraction (people themselves included)."""
    if not renames:
        return extraction

    def key(value: str) -> str:
        return renames.get(value, value)

    def optional_key(value: str | None) -> str | None:
        return None if value is None else key(value)

    return dataclasses.replace(
        extraction,
        people=tuple(dataclasses.replace(p, key=key(p.key)) for p in extraction.people),
        posts=tuple(dataclasses.replace(p, person=key(p.person)) for p in extraction.posts),
        statements=tuple(
            dataclasses.replace(s, speaker=key(s.speaker), addressee=optional_key(s.addressee))
            for s in extraction.statements
        ),
        interactions=tuple(
            dataclasses.replace(i, source=key(i.source), target=key(i.target))
            for i in extraction.interactions
        ),
        participations=tuple(dataclasses.replace(p, person=key(p.person)) for p in extraction.participations),
    )


def _combine_people(people: Sequence[Person]) -> tuple[Person, ...]:
    """One person per key: people sharing a key after a merge become one (first one's name wins)."""
    combined: dict[str, Person] = {}
    for person in people:
        first = combined.get(person.key)
        if first is None:
            combined[person.key] = person
            continue
        combined[person.key] = dataclasses.replace(
            first,
            given_name=first.given_name or person.given_name,
            honorific=first.honorific or person.honorific,
            gender=first.gender or person.gender,
            country=first.country or person.country,
            variants=tuple(dict.fromkeys(first.variants + person.variants)),
            mentions=tuple(sorted(set(first.mentions + person.mentions))),
        )
    return tuple(combined.values())


def _all_keys(extractions: Sequence[Extraction]) -> set[str]:
    return {p.key for e in extractions for p in e.people}


def _require_person(
    extractions: Sequence[Extraction], key: str, where: str, report: str | None = None
) -> None:
    scope = [e for e in extractions if report is None or e.document.report_id == report]
    if report is not None and not scope:
        raise CurationError(
            f"{where}: no report {report!r} among {', '.join(e.document.report_id for e in extractions)}"
        )
    if key not in _all_keys(scope):
        place = f"report {report!r}" if report else "any report"
        raise CurationError(f"{where}: no person {key!r} in {place} (the fix no longer applies?)")


def apply_merge(extractions: Sequence[Extraction], merge: Merge) -> tuple[Extraction, ...]:
    for key in merge.people:
        _require_person(extractions, key, merge.where)
    renames = {key: merge.into for key in merge.people if key != merge.into}
    result = []
    for extraction in extractions:
        rekeyed = _rekey(extraction, renames)
        result.append(dataclasses.replace(rekeyed, people=_combine_people(rekeyed.people)))
    return tuple(result)


def _normalize_surface(text: str) -> str:
    return " ".join(text.replace("\n", " ").split()).lower()


def _overlaps(span: Span, spans: Sequence[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


def _split_one(extraction: Extraction, split: Split) -> Extraction:
    old = next((p for p in extraction.people if p.key == split.person), None)
    if old is None:
        return extraction
    forms = {_normalize_surface(m) for m in split.mentions}
    text = extraction.document.text
    moved = tuple(m for m in old.mentions if _normalize_surface(m.text(text)) in forms)
    if not moved:
        return extraction
    kept = tuple(m for m in old.mentions if m not in moved)
    new = Person(
        key=split.new_key,
        name=_display_name(split.family, split.given),
        family_name=split.family,
        given_name=split.given,
        gender=split.gender,
        country=split.country,
        variants=tuple(v for v in old.variants if _normalize_surface(v) in forms),
        mentions=moved,
    )
    old = dataclasses.replace(
        old, mentions=kept, variants=tuple(v for v in old.variants if _normalize_surface(v) not in forms)
    )

    def owner(key: str, span: Span) -> str:
        return split.new_key if key == split.person and _overlaps(span, moved) else key

    return dataclasses.replace(
        extraction,
        people=_combine_people(
            [new if p.key == split.new_key else p for p in extraction.people if p.key != old.key] + [old, new]
        ),
        posts=tuple(dataclasses.replace(p, person=owner(p.person, p.span)) for p in extraction.posts),
        statements=tuple(
            dataclasses.replace(s, speaker=owner(s.speaker, s.span)) for s in extraction.statements
        ),
        interactions=tuple(
            dataclasses.replace(i, source=owner(i.source, i.span), target=owner(i.target, i.span))
            for i in extraction.interactions
        ),
        participations=tuple(
            dataclasses.replace(p, person=owner(p.person, p.span)) for p in extraction.participations
        ),
    )


def apply_split(extractions: Sequence[Extraction], split: Split) -> tuple[Extraction, ...]:
    _require_person(extractions, split.person, split.where, split.report)
    scope = [e for e in extractions if split.report is None or e.document.report_id == split.report]
    result = tuple(_split_one(e, split) if e in scope else e for e in extractions)
    if all(new is old for new, old in zip(result, extractions, strict=True)):
        forms = ", ".join(repr(m) for m in split.mentions)
        raise CurationError(f"{split.where}: no mention of {split.person!r} reads {forms}")
    return result


def apply_rename(extractions: Sequence[Extraction], rename: Rename) -> tuple[Extraction, ...]:
    _require_person(extractions, rename.person, rename.where)
    result = []
    for extraction in extractions:
        people = []
        for person in extraction.people:
            if person.key == rename.person:
                family = rename.family or person.family_name
                given = rename.given if rename.given is not None else person.given_name
                person = dataclasses.replace(
                    person,
                    family_name=family,
                    given_name=given,
                    name=rename.name or _display_name(family, given),
                    gender=rename.gender or person.gender,
                    country=rename.country or person.country,
                    honorific=rename.honorific or person.honorific,
                )
            people.append(person)
        changed = dataclasses.replace(extraction, people=tuple(people))
        if rename.new_key:
            changed = _rekey(changed, {rename.person: rename.new_key})
            changed = dataclasses.replace(changed, people=_combine_people(changed.people))
        result.append(changed)
    return tuple(result)


def _replace_posts(
    extraction: Extraction, dropped: set[int], corrections: Mapping[int, Post] | None = None
) -> Extraction:
    """Drop the posts at ``dropped``, replace those in ``corrections``, and re-point speaker_post."""
    corrections = corrections or {}
    new_posts: list[Post] = []
    index_map: dict[int, int] = {}
    for index, post in enumerate(extraction.posts):
        if index in dropped:
            continue
        index_map[index] = len(new_posts)
        new_posts.append(corrections.get(index, post))
    statements = tuple(
        dataclasses.replace(s, speaker_post=None if s.speaker_post is None else index_map.get(s.speaker_post))
        for s in extraction.statements
    )
    return dataclasses.replace(extraction, posts=tuple(new_posts), statements=statements)


def apply_drop(extractions: Sequence[Extraction], drop: DropPerson) -> tuple[Extraction, ...]:
    _require_person(extractions, drop.person, drop.where, drop.report)
    result = []
    for extraction in extractions:
        if drop.report is not None and extraction.document.report_id != drop.report:
            result.append(extraction)
            continue
        gone = drop.person
        trimmed = _replace_posts(extraction, {i for i, p in enumerate(extraction.posts) if p.person == gone})
        result.append(
            dataclasses.replace(
                trimmed,
                people=tuple(p for p in trimmed.people if p.key != gone),
                statements=tuple(
                    dataclasses.replace(s, addressee=None if s.addressee == gone else s.addressee)
                    for s in trimmed.statements
                    if s.speaker != gone
                ),
                interactions=tuple(i for i in trimmed.interactions if gone not in (i.source, i.target)),
                participations=tuple(p for p in trimmed.participations if p.person != gone),
            )
        )
    return tuple(result)


def _post_matches(post: Post, fix: PostFix) -> bool:
    same_role = _normalize_surface(post.role) == _normalize_surface(fix.role)
    return (
        post.person == fix.person
        and same_role
        and (fix.organization is None or post.organization == fix.organization)
    )


def _with_organization(extraction: Extraction, key: str | None, name: str | None) -> Extraction:
    if key is None or any(o.key == key for o in extraction.organizations):
        return extraction
    organization = Organization(key=key, name=name or key.replace("-", " "))
    return dataclasses.replace(extraction, organizations=(*extraction.organizations, organization))


def apply_post_fix(extractions: Sequence[Extraction], fix: PostFix) -> tuple[Extraction, ...]:
    _require_person(extractions, fix.person, fix.where, fix.report)
    scope = {
        e.document.report_id for e in extractions if fix.report is None or e.document.report_id == fix.report
    }
    result, touched = [], False
    for extraction in extractions:
        if extraction.document.report_id not in scope:
            result.append(extraction)
            continue
        if fix.action == "add":
            person = next((p for p in extraction.people if p.key == fix.person), None)
            if person is None:
                result.append(extraction)
                continue
            span = person.mentions[0] if person.mentions else Span(0, 0)
            post = Post(fix.person, fix.role, fix.organization, span, former=fix.former)
            extraction = _with_organization(extraction, fix.organization, fix.organization_name)
            result.append(dataclasses.replace(extraction, posts=(*extraction.posts, post)))
            touched = True
            continue
        hits = [i for i, p in enumerate(extraction.posts) if _post_matches(p, fix)]
        touched = touched or bool(hits)
        if fix.action == "drop":
            result.append(_replace_posts(extraction, set(hits)))
        else:
            corrected = _with_organization(extraction, fix.set_organization, fix.organization_name)
            result.append(
                _replace_posts(
                    corrected, set(), corrections={i: _correct_post(corrected.posts[i], fix) for i in hits}
                )
            )
    if not touched:
        raise CurationError(f"{fix.where}: no post {fix.role!r} of {fix.person!r} to {fix.action}")
    return tuple(result)


def _correct_post(post: Post, fix: PostFix) -> Post:
    return dataclasses.replace(
        post,
        role=fix.set_role or post.role,
        organization=fix.set_organization or post.organization,
        former=post.former if fix.set_former is None else fix.set_former,
    )


def apply_curation(extractions: Sequence[Extraction], curation: Curation) -> tuple[Extraction, ...]:
    """The extractions with every fix applied, in the documented order."""
    result = tuple(extractions)
    for merge in curation.merges:
        result = apply_merge(result, merge)
    for split in curation.splits:
        result = apply_split(result, split)
    for rename in curation.renames:
        result = apply_rename(result, rename)
    for drop in curation.drops:
        result = apply_drop(result, drop)
    for fix in curation.posts:
        result = apply_post_fix(result, fix)
    return result

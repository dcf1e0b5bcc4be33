"""The extraction model: plain frozen dataclasses that extraction stages return.

Only this model crosses the boundary between text processing (``document``,
``extract``) and RDF (``rdf``). Every extracted fact carries a :class:`Span`:
character offsets into :attr:`Document.text`, so provenance never depends on
copied strings.

Keys (``Person.key``, ``Organization.key`` ...) are stable slugs: the same
entity gets the same key on every run and across reports, and the RDF layer
mints IRIs from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, document_text: str) -> str:
        """The characters this span covers."""
        return document_text[self.start : self.end]


class BlockKind(str, Enum):
    """What a block of text is, as far as layout tells."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CAPTION = "caption"
    BULLET = "bullet"
    FOOTNOTE = "footnote"


@dataclass(frozen=True)
class Block:
    """A paragraph-like unit of a document, after page-break repair."""

    span: Span
    kind: BlockKind = BlockKind.PARAGRAPH
    # True when this block continues the sentence of the last paragraph before it and only
    # a footnote or photo caption (placed at a page break) stands between them.
    continues_previous: bool = False


@dataclass(frozen=True)
class Document:
    """A report as text: its source path, a stable id and its blocks with offsets into ``text``."""

    path: Path
    report_id: str  # file stem, e.g. "geneva-dialogue-2019"
    text: str
    blocks: tuple[Block, ...]
    sha256: str


class OrganizationType(str, Enum):
    """Kinds of organization; the values are local names in the ``orgtype:`` vocabulary."""

    UN_SYSTEM = "un-system-entity"
    INTERGOVERNMENTAL = "intergovernmental-organization"
    UNIVERSITY = "university"
    RESEARCH_INSTITUTE = "research-institute"
    ASSOCIATION = "association"
    GOVERNMENT = "government"
    PERMANENT_MISSION = "permanent-mission"
    ARMED_FORCES = "armed-forces"
    NGO = "ngo"
    COURT = "court"
    MEDIA = "media"
    OTHER = "other"


class SpeechAct(str, Enum):
    """Kinds of speech act; the values are local names in the ``act:`` vocabulary."""

    STATED = "stated"
    ASKED = "asked"
    ANSWERED = "answered"
    PROPOSED = "proposed"
    EXPRESSED_CONCERN = "expressed-concern"
    THANKED = "thanked"
    PRESENTED = "presented"
    COMMENTED = "commented"


class Stance(str, Enum):
    """A speaker's stance on the topics of a statement; values are local names in ``stance:``."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    CONCERNED = "concerned"
    PROPOSES = "proposes"
    QUESTIONS = "questions"
    NEUTRAL = "neutral"


class InteractionKind(str, Enum):
    """How two people met; values are local names in the ``meet:`` vocabulary."""

    ASKED = "asked"
    ANSWERED = "answered"
    THANKED = "thanked"
    HOSTED = "hosted"
    SAME_SESSION = "same-session"
    PICTURED_TOGETHER = "pictured-together"
    MODERATED = "moderated"


@dataclass(frozen=True)
class Country:
    """A country as the text names it, identified by its ISO 3166-1 alpha-3 code."""

    alpha3: str
    name: str


@dataclass(frozen=True)
class Person:
    """One resolved person of a report.

    ``key`` is a stable slug built from the canonical name (family name first),
    e.g. ``hasegawa-sukehiro``. ``variants`` lists every surface form seen.
    """

    key: str
    name: str  # display name, given name first as a Western reader expects: "Sukehiro Hasegawa"
    family_name: str
    given_name: str | None
    honorific: str | None = None  # "Professor", "Ms.", "Ambassador" ...
    gender: str | None = None  # "female" / "male" only where the text shows it
    country: str | None = None  # ISO alpha-3, only from what the text says
    variants: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class GroupSpeaker:
    """A speaker without a name: "the Japanese and Chinese participants", "a scholar from Mongolia"."""

    key: str  # e.g. "group-jpn-chn-participants"
    label: str
    countries: tuple[str, ...] = ()  # ISO alpha-3 codes the text gives
    span: Span | None = None


@dataclass(frozen=True)
class Organization:
    """An organization, resolved across acronyms and long names."""

    key: str  # slug of the canonical name or acronym, e.g. "who"
    name: str
    acronym: str | None = None
    type: OrganizationType = OrganizationType.OTHER
    country: str | None = None  # ISO alpha-3
    variants: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Post:
    """A post held by a person (at an organization when the text names one)."""

    person: str  # Person.key
    role: str  # "Director", "Professor Emeritus"
    organization: str | None  # Organization.key
    span: Span
    former: bool = False


@dataclass(frozen=True)
class Session:
    """A session of the meeting, numbered as the report numbers it (0 for an opening session)."""

    number: int
    title: str
    span: Span
    date: str | None = None  # ISO date, YYYY-MM-DD
    host: str | None = None  # Organization.key
    place: str | None = None


@dataclass(frozen=True)
class Event:
    """The meeting a report records."""

    title: str
    span: Span
    start_date: str | None = None  # ISO date
    end_date: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Statement:
    """A speech act: who said what (to whom), where, on which topics, with which stance."""

    span: Span  # the passage the statement comes from; its text is the quote
    speaker: str  # Person.key or GroupSpeaker.key
    act: SpeechAct
    session: int | None = None  # Session.number
    addressee: str | None = None  # Person.key or GroupSpeaker.key
    topics: tuple[str, ...] = ()  # topic local names in the topic scheme, e.g. "human-rights"
    stance: Stance = Stance.NEUTRAL
    answers: Span | None = None  # span of the statement this one answers
    speaker_post: int | None = None  # index into Extraction.posts of the post held at the meeting


@dataclass(frozen=True)
class Interaction:
    """A directed encounter between two people (or a person and a group)."""

    source: str
    target: str
    kind: InteractionKind
    span: Span
    session: int | None = None


@dataclass(frozen=True)
class Participation:
    """A person present in a session (spoke, asked, was pictured or hosted there)."""

    person: str
    session: int
    span: Span


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one report; the input of the RDF builder."""

    document: Document
    event: Event
    sessions: tuple[Session, ...] = ()
    people: tuple[Person, ...] = ()
    groups: tuple[GroupSpeaker, ...] = ()
    organizations: tuple[Organization, ...] = ()
    countries: tuple[Country, ...] = ()
    posts: tuple[Post, ...] = ()
    statements: tuple[Statement, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    participations: tuple[Participation, ...] = ()
    notes: tuple[str, ...] = field(default=())  # what extraction noticed and could not place

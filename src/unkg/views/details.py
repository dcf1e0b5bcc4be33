"""Side-panel contents: a person's posts, sessions and statements, with quotes and their sources.

Everything here is plain text taken from SPARQL records; the page escapes it when drawing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from unkg.views.catalogue import Catalogue
from unkg.views.model import Item, Section
from unkg.views.results import Record, local_name, readable


@dataclass
class StatementInfo:
    """One statement, with the topics of all its rows gathered."""

    iri: str
    speaker: str
    act: str
    stance: str | None
    quote: str
    addressee: str | None
    session: str | None
    event: str | None
    report: str | None
    start: str | None
    end: str | None
    topics: list[str] = field(default_factory=list)  # topic IRIs
    topic_labels: dict[str, str] = field(default_factory=dict)


def group_statements(records: Iterable[Record]) -> dict[str, StatementInfo]:
    """Statements by IRI from the rows of queries/view_statements.rq (one row per statement and topic)."""
    statements: dict[str, StatementInfo] = {}
    for record in records:
        iri, speaker = record["statement"], record["speaker"]
        if not iri or not speaker:
            continue
        info = statements.get(iri)
        if info is None:
            info = StatementInfo(
                iri=iri,
                speaker=speaker,
                act=record["act"] or "",
                stance=record["stance"],
                quote=record["quote"] or "",
                addressee=record["addressee"],
                session=record["session"],
                event=record["event"],
                report=record["report"],
                start=record["start"],
                end=record["end"],
            )
            statements[iri] = info
        topic = record["topic"]
        if topic and topic not in info.topics:
            info.topics.append(topic)
            info.topic_labels[topic] = record["topicLabel"] or readable(topic)
    return statements


def statement_source(statement: StatementInfo, catalogue: Catalogue) -> str:
    """Where a quote comes from: report, meeting session and character range."""
    parts = [catalogue.report_label(statement.report)]
    if statement.session:
        parts.append(catalogue.session_label(statement.session))
    elif statement.event:
        parts.append(catalogue.event_label(statement.event))
    if statement.start and statement.end:
        parts.append(f"characters {statement.start}–{statement.end}")
    return ", ".join(parts)


def statement_item(
    statement: StatementInfo, catalogue: Catalogue, names: Mapping[str, str], with_speaker: bool = False
) -> Item:
    """A statement as a side-panel line ("asked Greta Lind · concerned · human rights"), quote, source."""
    act = readable(statement.act) if statement.act else "said"
    head = f"{names.get(statement.speaker, local_name(statement.speaker))} {act}" if with_speaker else act
    if statement.addressee:
        head += f" {names.get(statement.addressee, readable(statement.addressee))}"
    extras = []
    if statement.stance:
        extras.append(readable(statement.stance))
    if statement.topics:
        extras.append(", ".join(statement.topic_labels[topic] for topic in statement.topics))
    text = " · ".join([head, *extras])
    return Item(text=text, quote=statement.quote, source=statement_source(statement, catalogue))


def statements_section(
    statements: Iterable[StatementInfo],
    catalogue: Catalogue,
    names: Mapping[str, str],
    title: str = "Statements",
    with_speaker: bool = False,
) -> Section:
    """A "Statements" section in report order."""
    ordered = sorted(statements, key=lambda s: (s.report or "", _int(s.start), s.iri))
    return Section(title, tuple(statement_item(s, catalogue, names, with_speaker) for s in ordered))


def post_item(record: Record, catalogue: Catalogue) -> Item:
    """A post: "Director, World Health Organization (WHO)" (former posts say so), at which meeting."""
    role = record["role"] or "Post"
    org = record["orgName"] or (local_name(record["organization"]) if record["organization"] else "")
    if org and record["acronym"] and record["acronym"] != org:
        org += f" ({record['acronym']})"
    text = f"{role}, {org}" if org else role
    if record["former"] == "true":
        text = f"former {text}"
    return Item(text=text, source=f"as stated for {catalogue.event_label(record['event'])}")


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0

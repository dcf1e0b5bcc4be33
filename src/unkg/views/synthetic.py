"""Synthetic graphs in the documented shape (docs/graph-shape.md), of any size, for benchmarks and tests.

Real reports name a few dozen people; the views must stay usable with thousands. This module
mints invented people, meetings, sessions, posts, statements and interactions with the project's
own IRI minter and vocabularies, so the views see exactly the shape the RDF builder writes.
Deterministic for a given size and seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS
from rdflib.term import Node

from unkg.model import Span
from unkg.rdf.iris import Minter
from unkg.rdf.namespaces import ACT, MEET, OA, ORGTYPE, SCHEMA, STANCE, TOPIC_NS, UNKG
from unkg.store import Store

COUNTRIES = (
    ("CHN", "China"),
    ("JPN", "Japan"),
    ("KOR", "Republic of Korea"),
    ("MNG", "Mongolia"),
    ("USA", "United States of America"),
    ("CHE", "Switzerland"),
    ("FRA", "France"),
    ("IND", "India"),
)
TOPICS = (
    "human-rights",
    "multilateralism",
    "security-council-reform",
    "climate-change",
    "peacekeeping",
    "sustainable-development",
    "global-health",
    "intellectual-property",
    "labour-standards",
    "trade",
)
STANCES = ("supports", "opposes", "concerned", "proposes", "questions", "neutral")
PEOPLE_PER_EVENT = 250
PEOPLE_PER_SESSION = 8
SYLLABLES = (
    "ka",
    "ri",
    "mo",
    "na",
    "to",
    "shi",
    "li",
    "wen",
    "jun",
    "min",
    "so",
    "ha",
    "yu",
    "bat",
    "el",
    "an",
)


@dataclass(frozen=True)
class SyntheticPerson:
    key: str
    name: str
    family: str
    country: str


def _add(graph: Graph, subject: object, predicate: object, value: object) -> None:
    """Add a triple; vocabulary terms (typed ``object`` by DefinedNamespace) become URIRefs."""
    graph.add((_node(subject), _node(predicate), _node(value)))


def _node(term: object) -> Node:
    return term if isinstance(term, URIRef | Literal) else URIRef(str(term))


def _name(rng: random.Random, index: int) -> tuple[str, str]:
    family = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    given = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return given, f"{family}{index}"


def synthetic_graphs(
    people: int, seed: int = 7, base_iri: str = "https://w3id.org/unkg/"
) -> dict[URIRef, Graph]:
    """Named graphs (one per synthetic report, plus vocabulary labels) holding about ``people`` people."""
    rng = random.Random(seed)
    minter = Minter(base_iri)
    graphs: dict[URIRef, Graph] = {minter.vocabulary_graph(): _vocabulary()}
    persons = []
    for index in range(people):
        given, family = _name(rng, index)
        code = rng.choices([c for c, _ in COUNTRIES], weights=[5, 5, 3, 1, 1, 1, 1, 1])[0]
        key = f"{family.lower()}-{given.lower()}"
        persons.append(SyntheticPerson(key, f"{given} {family}", family, code))
    events = max(1, round(people / PEOPLE_PER_EVENT))
    for event_index in range(events):
        members = persons[event_index::events]
        report_id = f"synthetic-{event_index + 1:03d}"
        graphs[minter.graph(report_id)] = _report_graph(minter, report_id, event_index, members, rng)
    return graphs


def _vocabulary() -> Graph:
    graph = Graph()
    for topic in TOPICS:
        _add(graph, TOPIC_NS[topic], RDF.type, SKOS.Concept)
        _add(graph, TOPIC_NS[topic], SKOS.prefLabel, Literal(topic.replace("-", " "), lang="en"))
    return graph


def _report_graph(
    minter: Minter, report_id: str, event_index: int, members: list[SyntheticPerson], rng: random.Random
) -> Graph:
    graph = Graph()
    report, meeting = minter.report(report_id), minter.meeting(report_id)
    year = 2000 + event_index % 25
    _add(graph, report, RDF.type, UNKG.Report)
    _add(graph, report, DCTERMS.title, Literal(f"Synthetic report {event_index + 1}"))
    _add(graph, report, DCTERMS.source, Literal(f"{report_id}.txt"))
    _add(graph, report, UNKG.describes, meeting)
    _add(graph, meeting, RDF.type, UNKG.Meeting)
    _add(graph, meeting, DCTERMS.title, Literal(f"Synthetic meeting {event_index + 1}"))
    _add(graph, meeting, SCHEMA.startDate, Literal(f"{year}-06-01", datatype=XSD.date))
    for code, name in COUNTRIES:
        country = minter.country(code)
        _add(graph, country, RDF.type, UNKG.Country)
        _add(graph, country, UNKG.alpha3, Literal(code))
        _add(graph, country, SKOS.prefLabel, Literal(name))
    organizations = [minter.organization(f"synthetic-org-{i}") for i in range(12)]
    for index, organization in enumerate(organizations):
        _add(graph, organization, RDF.type, ORG.Organization)
        _add(graph, organization, SKOS.prefLabel, Literal(f"Synthetic Organization {index}"))
        _add(graph, organization, UNKG.acronym, Literal(f"SO{index}"))
        _add(graph, organization, ORG.classification, ORGTYPE["un-system-entity"])
    for person in members:
        _add_person(graph, minter, person)
    sessions = max(1, len(members) // PEOPLE_PER_SESSION)
    offset = 0
    for number in range(1, sessions + 1):
        session = minter.session(report_id, number)
        _add(graph, meeting, UNKG.session, session)
        _add(graph, session, RDF.type, UNKG.Session)
        _add(graph, session, UNKG.sessionNumber, Literal(number))
        _add(graph, session, DCTERMS.title, Literal(f"Synthetic session {number}"))
        _add(graph, session, DCTERMS.isPartOf, meeting)
        host = organizations[number % len(organizations)]
        _add(graph, session, UNKG.host, host)
        seated = members[(number - 1) * PEOPLE_PER_SESSION : number * PEOPLE_PER_SESSION]
        if number == sessions:
            seated = members[(number - 1) * PEOPLE_PER_SESSION :]
        seated = seated + rng.sample(members, min(2, len(members)))  # a few people attend twice
        for person in seated:
            _add(graph, minter.person(person.key), UNKG.participatedIn, session)
        offset = _add_session_acts(graph, minter, report_id, meeting, session, seated, host, offset, rng)
    return graph


def _add_person(graph: Graph, minter: Minter, person: SyntheticPerson) -> None:
    iri = minter.person(person.key)
    _add(graph, iri, RDF.type, FOAF.Person)
    _add(graph, iri, FOAF.name, Literal(person.name))
    _add(graph, iri, FOAF.familyName, Literal(person.family))
    _add(graph, iri, UNKG.country, minter.country(person.country))


def _add_session_acts(
    graph: Graph,
    minter: Minter,
    report_id: str,
    meeting: URIRef,
    session: URIRef,
    seated: list[SyntheticPerson],
    host: URIRef,
    offset: int,
    rng: random.Random,
) -> int:
    """Posts, statements and interactions of one session; returns the next free character offset."""
    for person in seated[:2]:
        post = minter.post(report_id, person.key, "Director", str(host).rsplit("/", 1)[-1])
        _add(graph, post, RDF.type, UNKG.Post)
        _add(graph, post, ORG.member, minter.person(person.key))
        _add(graph, post, ORG.role, minter.role("Director"))
        _add(graph, post, ORG.organization, host)
        _add(graph, post, UNKG.atMeeting, meeting)
    _add(graph, minter.role("Director"), SKOS.prefLabel, Literal("Director"))
    for _ in range(max(1, len(seated) // 3)):
        speaker, addressee = rng.sample(seated, 2)
        span = Span(offset, offset + 60)
        offset += 61
        statement = minter.statement(report_id, span)
        passage = minter.passage(report_id, span)
        quote = f"Synthetic statement by {speaker.name} at characters {span.start}-{span.end}."
        _add(graph, statement, RDF.type, UNKG.Statement)
        _add(graph, statement, UNKG.speaker, minter.person(speaker.key))
        _add(graph, statement, UNKG.act, ACT.asked)
        _add(graph, statement, UNKG.addressee, minter.person(addressee.key))
        _add(graph, statement, UNKG.topic, TOPIC_NS[rng.choice(TOPICS)])
        _add(graph, statement, UNKG.stance, STANCE[rng.choice(STANCES)])
        _add(graph, statement, UNKG.quote, Literal(quote))
        _add(graph, statement, UNKG.inSession, session)
        _add(graph, statement, UNKG.atMeeting, meeting)
        _add(graph, statement, PROV.wasDerivedFrom, passage)
        _add(graph, passage, RDF.type, UNKG.Passage)
        _add(graph, passage, UNKG.inReport, minter.report(report_id))
        _add(graph, passage, OA.start, Literal(span.start))
        _add(graph, passage, OA.end, Literal(span.end))
        _add(graph, passage, OA.exact, Literal(quote))
        for kind, source, target in (("asked", speaker, addressee), ("answered", addressee, speaker)):
            interaction = minter.interaction(report_id, kind, source.key, target.key, span)
            _add(graph, interaction, RDF.type, UNKG.Interaction)
            _add(graph, interaction, UNKG.fromAgent, minter.person(source.key))
            _add(graph, interaction, UNKG.toAgent, minter.person(target.key))
            _add(graph, interaction, UNKG.kind, MEET[kind])
            _add(graph, interaction, UNKG.inSession, session)
            _add(graph, interaction, UNKG.atMeeting, meeting)
    _add(graph, minter.role("Director"), RDF.type, ORG.Role)
    _add(graph, minter.role("Director"), RDFS.label, Literal("Director"))
    return offset


def load_synthetic(store: Store, people: int, seed: int = 7) -> None:
    """Put a synthetic graph of about ``people`` people into ``store``."""
    for name, graph in synthetic_graphs(people, seed).items():
        store.replace_graph(name, graph)

"""Model -> RDF: the triples one report contributes, exactly as docs/graph-shape.md describes them.

:func:`build_report_graph` turns an :class:`~unkg.model.Extraction` into the rdflib Graph that goes
into the report's named graph; :func:`vocabulary_graph` loads the ontology and topic scheme.
Output is deterministic: IRIs come from :class:`~unkg.rdf.iris.Minter` keys and offsets, and
no blank nodes are used, so the same extraction always gives the same graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from unkg.config import Settings
from unkg.errors import UnkgError
from unkg.model import (
    Extraction,
    GroupSpeaker,
    Interaction,
    Organization,
    Person,
    Post,
    Session,
    Span,
    Statement,
)
from unkg.rdf.iris import Minter
from unkg.rdf.namespaces import ACT, MEET, OA, ORGTYPE, SCHEMA, STANCE, TOPIC_NS, UNKG

VOCABULARY_FILES = ("unkg.ttl", "topics.ttl")

PREFIXES = {
    "unkg": UNKG._NS,
    "act": ACT._NS,
    "stance": STANCE._NS,
    "meet": MEET._NS,
    "orgtype": ORGTYPE._NS,
    "topic": TOPIC_NS,
    "foaf": FOAF,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "oa": OA,
}


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound (for readable Turtle)."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def vocabulary_graph(settings: Settings) -> Graph:
    """The ontology (``ontology/unkg.ttl``) and, when present, the topic scheme (``ontology/topics.ttl``)."""
    graph = new_graph()
    for name in VOCABULARY_FILES:
        path = settings.ontology_dir / name
        if path.is_file():
            try:
                graph.parse(path, format="turtle")
            except Exception as error:  # rdflib raises several unrelated types for bad Turtle
                raise UnkgError(f"{path}: cannot parse the vocabulary: {error}") from error
        elif name == "unkg.ttl":
            raise UnkgError(f"{path}: the ontology file is missing")
    return graph


def build_report_graph(extraction: Extraction, minter: Minter) -> Graph:
    """Every triple one report contributes (to be stored in the named graph ``minter.graph(report_id)``)."""
    return _ReportGraph(extraction, minter).build()


class _ReportGraph:
    """Writes one extraction's triples; one method per kind of thing, in graph-shape.md order."""

    def __init__(self, extraction: Extraction, minter: Minter) -> None:
        self.extraction = extraction
        self.minter = minter
        self.report_id = extraction.document.report_id
        self.text = extraction.document.text
        self.graph = new_graph()
        self.meeting = minter.meeting(self.report_id)
        self.groups = {group.key for group in extraction.groups}
        self.statement_iris = self._statement_iris()
        self.statements_at: dict[Span, list[URIRef]] = defaultdict(list)
        for statement, iri in zip(extraction.statements, self.statement_iris, strict=True):
            self.statements_at[statement.span].append(iri)

    def _statement_iris(self) -> list[URIRef]:
        """One IRI per statement: by passage, plus the speaker when one passage has several
        statements ("Mr. A and Mr. B stated ..."), so that they are not merged into one node."""
        statements = self.extraction.statements
        per_span = Counter(statement.span for statement in statements)
        seen: Counter[tuple[Span, str]] = Counter()
        iris = []
        for statement in statements:
            if per_span[statement.span] == 1:
                iris.append(self.minter.statement(self.report_id, statement.span))
                continue
            seen[statement.span, statement.speaker] += 1
            count = seen[statement.span, statement.speaker]
            part = statement.speaker if count == 1 else f"{statement.speaker}--{count}"
            iris.append(self.minter.statement(self.report_id, statement.span, part))
        return iris

    def build(self) -> Graph:
        self.add_report()
        self.add_meeting()
        for session in sorted(self.extraction.sessions, key=lambda s: (s.number, s.span)):
            self.add_session(session)
        for person in self.extraction.people:
            self.add_person(person)
        for group in self.extraction.groups:
            self.add_group(group)
        for organization in self.extraction.organizations:
            self.add_organization(organization)
        self.add_countries()
        self.add_posts()
        for statement, iri in zip(self.extraction.statements, self.statement_iris, strict=True):
            self.add_statement(statement, iri)
        for interaction in self.extraction.interactions:
            self.add_interaction(interaction)
        for participation in self.extraction.participations:
            self.add((self.minter.person(participation.person), UNKG["participatedIn"],
                      self.session_iri(participation.session)))
        return self.graph

    # ----- helpers ---------------------------------------------------------------------------

    def add(self, triple: tuple[URIRef, URIRef, URIRef | Literal]) -> None:
        self.graph.add(triple)

    def add_all(self, subject: URIRef, predicate: URIRef, objects: Iterable[URIRef | Literal]) -> None:
        for value in objects:
            self.graph.add((subject, predicate, value))

    def add_optional(self, subject: URIRef, predicate: URIRef, value: URIRef | Literal | None) -> None:
        if value is not None:
            self.graph.add((subject, predicate, value))

    def passage(self, span: Span) -> URIRef:
        """The Passage for ``span`` (added once): its report, offsets and exact text."""
        iri = self.minter.passage(self.report_id, span)
        if (iri, RDF.type, UNKG["Passage"]) not in self.graph:
            self.add((iri, RDF.type, UNKG["Passage"]))
            self.add((iri, UNKG["inReport"], self.minter.report(self.report_id)))
            self.add((iri, OA["start"], Literal(span.start)))
            self.add((iri, OA["end"], Literal(span.end)))
            self.add((iri, OA["exact"], Literal(span.text(self.text))))
        return iri

    def derived_from(self, subject: URIRef, spans: Iterable[Span]) -> None:
        for span in sorted(set(spans)):
            self.add((subject, PROV.wasDerivedFrom, self.passage(span)))

    def session_iri(self, number: int) -> URIRef:
        return self.minter.session(self.report_id, number)

    def agent_iri(self, key: str) -> URIRef:
        """A speaker, addressee or interaction end: a group of this report, else a person."""
        return self.minter.group(self.report_id, key) if key in self.groups else self.minter.person(key)

    def country_iri(self, alpha3: str | None) -> URIRef | None:
        return None if not alpha3 else self.minter.country(alpha3)

    # ----- report, meeting, sessions -----------------------------------------------------------

    def add_report(self) -> None:
        document = self.extraction.document
        report = self.minter.report(self.report_id)
        self.add((report, RDF.type, UNKG["Report"]))
        self.add((report, DCTERMS.title, Literal(self.extraction.event.title)))
        self.add((report, DCTERMS.source, Literal(document.path.name)))
        self.add((report, UNKG["sha256"], Literal(document.sha256)))
        self.add((report, UNKG["describes"], self.meeting))

    def add_meeting(self) -> None:
        event = self.extraction.event
        self.add((self.meeting, RDF.type, UNKG["Meeting"]))
        self.add((self.meeting, DCTERMS.title, Literal(event.title)))
        self.add_optional(self.meeting, SCHEMA["startDate"], _date(event.start_date))
        self.add_optional(self.meeting, SCHEMA["endDate"], _date(event.end_date))
        self.add_optional(self.meeting, SCHEMA["location"], _text(event.place))
        self.derived_from(self.meeting, [event.span])

    def add_session(self, session: Session) -> None:
        iri = self.session_iri(session.number)
        self.add((self.meeting, UNKG["session"], iri))
        self.add((iri, RDF.type, UNKG["Session"]))
        self.add((iri, UNKG["sessionNumber"], Literal(session.number)))
        self.add((iri, DCTERMS.title, Literal(session.title)))
        self.add_optional(iri, DCTERMS.date, _date(session.date))
        self.add_optional(iri, UNKG["host"], self.minter.organization(session.host) if session.host else None)
        self.add_optional(iri, SCHEMA["location"], _text(session.place))
        self.add((iri, DCTERMS.isPartOf, self.meeting))
        self.derived_from(iri, [session.span])

    # ----- agents ------------------------------------------------------------------------------

    def add_person(self, person: Person) -> None:
        iri = self.minter.person(person.key)
        self.add((iri, RDF.type, FOAF.Person))
        self.add((iri, FOAF.name, Literal(person.name)))
        self.add((iri, FOAF.familyName, Literal(person.family_name)))
        self.add_optional(iri, FOAF.givenName, _text(person.given_name))
        self.add_optional(iri, FOAF.title, _text(person.honorific))
        self.add_optional(iri, FOAF.gender, _text(person.gender))
        self.add_optional(iri, UNKG["country"], self.country_iri(person.country))
        self.add_all(iri, SKOS.altLabel, _alt_labels(person.variants, person.name))
        self.derived_from(iri, person.mentions)

    def add_group(self, group: GroupSpeaker) -> None:
        iri = self.minter.group(self.report_id, group.key)
        self.add((iri, RDF.type, UNKG["GroupSpeaker"]))
        self.add((iri, RDFS.label, Literal(group.label)))
        self.add_all(iri, UNKG["country"], (self.minter.country(code) for code in group.countries))
        self.derived_from(iri, [group.span] if group.span else [])

    def add_organization(self, organization: Organization) -> None:
        iri = self.minter.organization(organization.key)
        self.add((iri, RDF.type, ORG.Organization))
        self.add((iri, SKOS.prefLabel, Literal(organization.name)))
        self.add((iri, RDFS.label, Literal(organization.name)))
        surface_forms = [*organization.variants, *([organization.acronym] if organization.acronym else [])]
        self.add_all(iri, SKOS.altLabel, _alt_labels(surface_forms, organization.name))
        self.add_optional(iri, UNKG["acronym"], _text(organization.acronym))
        self.add((iri, ORG.classification, ORGTYPE[organization.type.value]))
        self.add_optional(iri, UNKG["country"], self.country_iri(organization.country))
        self.derived_from(iri, organization.mentions)

    def add_countries(self) -> None:
        """Every country the extraction lists or any person, group or organization refers to."""
        names = {country.alpha3.upper(): country.name for country in self.extraction.countries}
        codes = set(names)
        codes.update(p.country.upper() for p in self.extraction.people if p.country)
        codes.update(o.country.upper() for o in self.extraction.organizations if o.country)
        codes.update(code.upper() for g in self.extraction.groups for code in g.countries)
        for code in sorted(codes):
            iri = self.minter.country(code)
            self.add((iri, RDF.type, UNKG["Country"]))
            self.add((iri, UNKG["alpha3"], Literal(code)))
            if code in names:
                self.add((iri, SKOS.prefLabel, Literal(names[code])))
                self.add((iri, RDFS.label, Literal(names[code])))

    # ----- posts ---------------------------------------------------------------------------------

    def post_iri(self, post: Post) -> URIRef:
        return self.minter.post(self.report_id, post.person, post.role, post.organization)

    def add_posts(self) -> None:
        """Posts, merged by IRI: the same person, role and organization stated twice is one post."""
        by_iri: dict[URIRef, list[Post]] = defaultdict(list)
        for post in self.extraction.posts:
            by_iri[self.post_iri(post)].append(post)
        for iri, posts in sorted(by_iri.items()):
            first = posts[0]
            role = self.minter.role(first.role)
            self.add((iri, RDF.type, UNKG["Post"]))
            self.add((iri, ORG.member, self.minter.person(first.person)))
            self.add((iri, ORG.role, role))
            self.add((role, RDF.type, ORG.Role))
            self.add((role, SKOS.prefLabel, Literal(first.role)))
            if first.organization:
                self.add((iri, ORG.organization, self.minter.organization(first.organization)))
            # unkg:former is functional: a post is former only if every statement of it says so
            self.add((iri, UNKG["former"], Literal(all(post.former for post in posts))))
            self.add((iri, UNKG["atMeeting"], self.meeting))
            self.derived_from(iri, (post.span for post in posts))

    # ----- statements and interactions ---------------------------------------------------------

    def add_statement(self, statement: Statement, iri: URIRef) -> None:
        self.add((iri, RDF.type, UNKG["Statement"]))
        self.add((iri, UNKG["speaker"], self.agent_iri(statement.speaker)))
        self.add((iri, UNKG["act"], ACT[statement.act.value]))
        if statement.addressee:
            self.add((iri, UNKG["addressee"], self.agent_iri(statement.addressee)))
        self.add_all(iri, UNKG["topic"], (TOPIC_NS[topic] for topic in statement.topics))
        self.add((iri, UNKG["stance"], STANCE[statement.stance.value]))
        self.add((iri, UNKG["quote"], Literal(statement.span.text(self.text))))
        if statement.session is not None:
            self.add((iri, UNKG["inSession"], self.session_iri(statement.session)))
        self.add((iri, UNKG["atMeeting"], self.meeting))
        if statement.answers is not None:
            answered = self.statements_at.get(statement.answers) or [
                self.minter.statement(self.report_id, statement.answers)
            ]
            self.add_all(iri, UNKG["answers"], answered)
        if statement.speaker_post is not None and 0 <= statement.speaker_post < len(self.extraction.posts):
            self.add((iri, UNKG["speakerPost"], self.post_iri(self.extraction.posts[statement.speaker_post])))
        self.derived_from(iri, [statement.span])

    def add_interaction(self, interaction: Interaction) -> None:
        iri = self.minter.interaction(
            self.report_id, interaction.kind.value, interaction.source, interaction.target, interaction.span
        )
        self.add((iri, RDF.type, UNKG["Interaction"]))
        self.add((iri, UNKG["fromAgent"], self.agent_iri(interaction.source)))
        self.add((iri, UNKG["toAgent"], self.agent_iri(interaction.target)))
        self.add((iri, UNKG["kind"], MEET[interaction.kind.value]))
        if interaction.session is not None:
            self.add((iri, UNKG["inSession"], self.session_iri(interaction.session)))
        self.add((iri, UNKG["atMeeting"], self.meeting))
        self.add_all(iri, UNKG["viaStatement"], self.via_statements(interaction))
        self.derived_from(iri, [interaction.span])

    def via_statements(self, interaction: Interaction) -> list[URIRef]:
        """Statements whose passage holds the interaction's (by its source, if one passage has several)."""
        holding = [
            (statement, iri)
            for statement, iri in zip(self.extraction.statements, self.statement_iris, strict=True)
            if _contains(statement.span, interaction.span)
        ]
        by_source = [iri for statement, iri in holding if statement.speaker == interaction.source]
        return by_source or [iri for _, iri in holding]


def _contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _date(value: str | None) -> Literal | None:
    return Literal(value, datatype=XSD.date) if value else None


def _text(value: str | None) -> Literal | None:
    return Literal(value) if value else None


def _alt_labels(variants: Iterable[str], name: str) -> list[Literal]:
    """Surface forms other than the display name, once each, in a stable order."""
    return [Literal(variant) for variant in sorted(set(variants)) if variant and variant != name]

"""The work a query worker process does: each job in, one picklable answer out.

Jobs run in a separate process (see :mod:`unkg.serve.workers`) so that the server can kill one
that runs past the time limit. They read the store through :mod:`unkg.store` like every other
reader, and bind request values as terms (never paste them into query text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Identifier, Node

from unkg.config import Settings
from unkg.errors import QueryError, UnkgError
from unkg.serve.sparqltext import query_form
from unkg.store import Row, SelectResult, Store

# ----- jobs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SparqlJob:
    """Any SELECT, ASK, CONSTRUCT or DESCRIBE query sent to /sparql."""

    query: str
    max_results: int


@dataclass(frozen=True)
class NamedQueryJob:
    """A query of queries/ by name, with its parameters, run exactly as `unkg query` runs it."""

    name: str
    params: dict[str, str]
    max_results: int


@dataclass(frozen=True)
class DescribeJob:
    """What the graph says about the first of ``candidates`` (IRIs) that it knows."""

    candidates: tuple[str, ...]
    max_results: int
    page: bool = True  # False: the triples only (for RDF formats), no labels or page sections


@dataclass(frozen=True)
class FileJob:
    """Write a file once (a network view, a dump, the VoID description) for the server to send."""

    kind: str  # "view", "export" or "void"
    name: str  # view name or export format
    out: str
    view_format: str = "html"


Job = SparqlJob | NamedQueryJob | DescribeJob | FileJob

# ----- answers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """SELECT results, cut at the result cap (``truncated`` says whether rows were left out)."""

    variables: tuple[str, ...]
    rows: tuple[Row, ...]
    truncated: bool = False


@dataclass(frozen=True)
class Boolean:
    value: bool


@dataclass(frozen=True)
class Triples:
    """CONSTRUCT or DESCRIBE results as rdflib triples, cut at the result cap."""

    triples: tuple[tuple[Node, Node, Node], ...]
    truncated: bool = False


@dataclass(frozen=True)
class Section:
    """A titled table on an entity page (a person's posts, statements, whom they met ...)."""

    title: str
    table: Table


@dataclass(frozen=True)
class Entity:
    """One resource: its triples in and out, labels of the nodes around it, and page sections."""

    iri: str
    triples: tuple[tuple[Node, Node, Node], ...]
    labels: dict[str, str] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    truncated: bool = False


@dataclass(frozen=True)
class Written:
    path: str


@dataclass(frozen=True)
class Failure:
    """A problem to report to the client with an HTTP status (400 for a bad query ...)."""

    status: int
    message: str


Answer = Table | Boolean | Triples | Entity | Written | Failure | None

# ----- running -------------------------------------------------------------------------------------


def run_job(store: Store, job: Job, settings: Settings) -> Answer:
    """Do one job against an open store; problems a client caused come back as a Failure."""
    try:
        if isinstance(job, SparqlJob):
            return run_sparql(store, job.query, job.max_results)
        if isinstance(job, NamedQueryJob):
            return run_named_query(store, job, settings)
        if isinstance(job, DescribeJob):
            return describe(store, job.candidates, job.max_results, job.page)
        return write_file(store, job, settings)
    except QueryError as error:
        return Failure(400, str(error))
    except UnkgError as error:
        return Failure(500, str(error))


def _cap_rows(rows: tuple[Row, ...], cap: int) -> tuple[tuple[Row, ...], bool]:
    return (rows[:cap], True) if len(rows) > cap else (rows, False)


def run_sparql(store: Store, query: str, max_results: int) -> Answer:
    """Run a query of any form; the form decides the kind of answer."""
    form = query_form(query) or "SELECT"
    if form == "ASK":
        return Boolean(store.ask(query))
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = store.construct(query)
        triples = tuple(sorted(graph))[:max_results]
        return Triples(triples, truncated=len(graph) > max_results)
    result = store.select(query)
    rows, truncated = _cap_rows(result.rows, max_results)
    return Table(result.variables, rows, truncated)


def run_named_query(store: Store, job: NamedQueryJob, settings: Settings) -> Answer:
    from unkg.query import run_query

    result = run_query(store, job.name, job.params, settings=settings)
    rows, truncated = _cap_rows(result.rows, job.max_results)
    return Table(result.variables, rows, truncated)


def write_file(store: Store, job: FileJob, settings: Settings) -> Answer:
    """Write a view, a dump or the VoID description to ``job.out`` (a cache file of the server)."""
    out = Path(job.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if job.kind == "view":
        from unkg.views import write_view

        return Written(str(write_view(store, job.name, out=out, format=job.view_format, settings=settings)))
    if job.kind == "export":
        from unkg.export import export_graph

        export_graph(store, job.name, out=out, settings=settings)
        return Written(str(out))
    if job.kind == "void":
        from unkg.void import void_description

        out.write_text(void_description(store, settings).serialize(format="turtle"), encoding="utf-8")
        return Written(str(out))
    return Failure(404, f"unknown file kind {job.kind!r}")


# ----- describing one resource ---------------------------------------------------------------------

PREFIXES = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX unkg: <https://w3id.org/unkg/ontology#>
"""
# What names a node on a page, best first; a statement or passage is named by its text.
LABEL_PATH = "foaf:name|skos:prefLabel|rdfs:label|dcterms:title|unkg:quote|oa:exact"

EXISTS = PREFIXES + "ASK { { ?this ?p ?o } UNION { ?s ?p ?this } }"
OUTGOING = PREFIXES + "SELECT ?this ?p ?o WHERE { ?this ?p ?o } ORDER BY ?p ?o LIMIT {cap}"
INCOMING = PREFIXES + "SELECT ?this ?s ?p WHERE { ?s ?p ?this } ORDER BY ?p ?s LIMIT {cap}"
NEIGHBOUR_LABELS = (
    PREFIXES
    + """SELECT ?this ?node ?label WHERE {
  { ?this ?node ?x } UNION { ?this ?x ?node } UNION { ?node ?x ?this } UNION { ?x ?node ?this }
  UNION { BIND(?this AS ?node) }
  ?node """
    + LABEL_PATH
    + """ ?label .
}"""
)


def _first_known(store: Store, candidates: tuple[str, ...]) -> URIRef | None:
    for candidate in candidates:
        try:
            iri = URIRef(candidate)
            if store.ask(EXISTS, {"this": iri}):
                return iri
        except (QueryError, ValueError):
            continue  # not a valid IRI: try the next candidate
    return None


def _labels(store: Store, iri: URIRef) -> dict[str, str]:
    """A display label for the resource and every node next to it (English or plain preferred)."""
    labels: dict[str, tuple[int, str]] = {}
    for _, node, label in store.select(NEIGHBOUR_LABELS, {"this": iri}).rows:
        if node is None or not isinstance(label, Literal):
            continue
        rank = 0 if label.language in (None, "en") else 1
        key = str(node)
        if key not in labels or (rank, str(label)) < labels[key]:
            labels[key] = (rank, str(label))
    return {key: text for key, (_, text) in labels.items()}


def describe(store: Store, candidates: tuple[str, ...], max_results: int, page: bool = True) -> Answer:
    """The triples about (and pointing at) the first candidate IRI the graph knows, for a page."""
    iri = _first_known(store, candidates)
    if iri is None:
        return Failure(404, f"nothing is known about {candidates[0]}")
    bindings: dict[str, Identifier] = {"this": iri}
    cap = str(max(1, max_results) + 1)
    outgoing = store.select(OUTGOING.replace("{cap}", cap), bindings).rows
    incoming = store.select(INCOMING.replace("{cap}", cap), bindings).rows
    truncated = len(outgoing) > max_results or len(incoming) > max_results
    triples: list[tuple[Node, Node, Node]] = [
        (iri, p, o) for _, p, o in outgoing[:max_results] if p is not None and o is not None
    ]
    triples += [(s, p, iri) for _, s, p in incoming[:max_results] if s is not None and p is not None]
    if not page:
        return Entity(str(iri), tuple(triples), truncated=truncated)
    types = {str(o) for _, p, o in triples if str(p) == RDF_TYPE}
    sections = tuple(
        Section(title, Table(*_capped(store.select(PREFIXES + query, bindings), max_results)))
        for type_iri, title, query in SECTIONS
        if type_iri in types
    )
    return Entity(str(iri), tuple(triples), _labels(store, iri), sections, truncated)


def _capped(result: SelectResult, cap: int) -> tuple[tuple[str, ...], tuple[Row, ...], bool]:
    rows, truncated = _cap_rows(result.rows, cap)
    return result.variables, rows, truncated


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FOAF_PERSON = "http://xmlns.com/foaf/0.1/Person"
ORG_ORGANIZATION = "http://www.w3.org/ns/org#Organization"
UNKG_NS = "https://w3id.org/unkg/ontology#"
SKOS_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"

# Page sections by the resource's type: (type IRI, title, SELECT query with ?this in the projection).
# A column ?x with a companion ?xLabel is shown as a link to x named by its label.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    (
        FOAF_PERSON,
        "Posts",
        """SELECT ?this ?role ?organization ?organizationLabel ?former ?meeting ?meetingLabel
WHERE { ?post org:member ?this ; org:role/skos:prefLabel ?role .
  OPTIONAL { ?post org:organization ?organization .
             OPTIONAL { ?organization skos:prefLabel ?organizationLabel } }
  OPTIONAL { ?post unkg:former ?former }
  OPTIONAL { ?post unkg:atMeeting ?meeting . OPTIONAL { ?meeting dcterms:title ?meetingLabel } } }
ORDER BY ?meeting ?role""",
    ),
    (
        FOAF_PERSON,
        "Sessions",
        """SELECT ?this ?session ?sessionLabel ?date ?host ?hostLabel
WHERE { ?this unkg:participatedIn ?session .
  OPTIONAL { ?session dcterms:title ?sessionLabel } OPTIONAL { ?session dcterms:date ?date }
  OPTIONAL { ?session unkg:host ?host . OPTIONAL { ?host skos:prefLabel ?hostLabel } } }
ORDER BY ?date ?session""",
    ),
    (
        FOAF_PERSON,
        "Statements",
        """SELECT ?this ?quote ?act ?actLabel ?addressee ?addresseeLabel ?topic ?topicLabel
  ?stance ?stanceLabel ?session ?sessionLabel ?passage ?passageLabel ?statement ?statementLabel
WHERE { ?statement unkg:speaker ?this ; unkg:quote ?quote .
  BIND("details" AS ?statementLabel)
  OPTIONAL { ?statement unkg:act ?act . OPTIONAL { ?act skos:prefLabel ?actLabel } }
  OPTIONAL { ?statement unkg:addressee ?addressee .
             OPTIONAL { ?addressee foaf:name|rdfs:label ?addresseeLabel } }
  OPTIONAL { ?statement unkg:topic ?topic . OPTIONAL { ?topic skos:prefLabel ?topicLabel } }
  OPTIONAL { ?statement unkg:stance ?stance . OPTIONAL { ?stance skos:prefLabel ?stanceLabel } }
  OPTIONAL { ?statement unkg:inSession ?session . OPTIONAL { ?session dcterms:title ?sessionLabel } }
  OPTIONAL { ?statement prov:wasDerivedFrom ?passage . ?passage oa:start ?start ; oa:end ?end ;
             unkg:inReport ?report . ?report dcterms:source ?file }
  BIND(CONCAT(STR(?file), " [", STR(?start), "–", STR(?end), ")") AS ?passageLabel) }
ORDER BY ?session ?statement""",
    ),
    (
        FOAF_PERSON,
        "Met",
        """SELECT DISTINCT ?this ?other ?otherLabel ?how ?howLabel ?session ?sessionLabel
WHERE {
  { ?i unkg:fromAgent ?this ; unkg:toAgent ?other ; unkg:kind ?how . OPTIONAL { ?i unkg:inSession ?session } }
  UNION
  { ?i unkg:toAgent ?this ; unkg:fromAgent ?other ; unkg:kind ?how . OPTIONAL { ?i unkg:inSession ?session } }
  UNION
  { ?this unkg:participatedIn ?session . ?other unkg:participatedIn ?session . FILTER(?other != ?this)
    BIND(<https://w3id.org/unkg/vocab/meet/same-session> AS ?how) }
  OPTIONAL { ?other foaf:name|rdfs:label ?otherLabel } OPTIONAL { ?how skos:prefLabel ?howLabel }
  OPTIONAL { ?session dcterms:title ?sessionLabel } }
ORDER BY ?otherLabel ?how ?session""",
    ),
    (
        ORG_ORGANIZATION,
        "People with posts here",
        """SELECT DISTINCT ?this ?person ?personLabel ?role ?former
WHERE { ?post org:organization ?this ; org:member ?person ; org:role/skos:prefLabel ?role .
  OPTIONAL { ?person foaf:name ?personLabel } OPTIONAL { ?post unkg:former ?former } }
ORDER BY ?personLabel ?role""",
    ),
    (
        ORG_ORGANIZATION,
        "Sessions hosted",
        """SELECT ?this ?session ?sessionLabel ?date
WHERE { ?session unkg:host ?this . OPTIONAL { ?session dcterms:title ?sessionLabel }
  OPTIONAL { ?session dcterms:date ?date } }
ORDER BY ?date""",
    ),
    (
        UNKG_NS + "Session",
        "Participants",
        """SELECT DISTINCT ?this ?person ?personLabel
WHERE { ?person unkg:participatedIn ?this . OPTIONAL { ?person foaf:name|rdfs:label ?personLabel } }
ORDER BY ?personLabel""",
    ),
    (
        UNKG_NS + "Session",
        "Statements",
        """SELECT ?this ?speaker ?speakerLabel ?act ?actLabel ?quote ?statement ?statementLabel
WHERE { ?statement unkg:inSession ?this ; unkg:speaker ?speaker ; unkg:quote ?quote .
  BIND("details" AS ?statementLabel)
  OPTIONAL { ?speaker foaf:name|rdfs:label ?speakerLabel }
  OPTIONAL { ?statement unkg:act ?act . OPTIONAL { ?act skos:prefLabel ?actLabel } }
  OPTIONAL { ?statement prov:wasDerivedFrom/oa:start ?start } }
ORDER BY ?start ?statement""",
    ),
    (
        SKOS_CONCEPT,
        "Statements on this topic",
        """SELECT ?this ?speaker ?speakerLabel ?stance ?stanceLabel ?quote ?meeting ?meetingLabel
  ?statement ?statementLabel
WHERE { ?statement unkg:topic ?this ; unkg:speaker ?speaker ; unkg:quote ?quote .
  BIND("details" AS ?statementLabel)
  OPTIONAL { ?speaker foaf:name|rdfs:label ?speakerLabel }
  OPTIONAL { ?statement unkg:stance ?stance . OPTIONAL { ?stance skos:prefLabel ?stanceLabel } }
  OPTIONAL { ?statement unkg:atMeeting ?meeting . OPTIONAL { ?meeting dcterms:title ?meetingLabel } } }
ORDER BY ?meeting ?speakerLabel""",
    ),
    (
        UNKG_NS + "Statement",
        "Source passage",
        """SELECT ?this ?passage ?report ?reportLabel ?start ?end ?source
WHERE { ?this prov:wasDerivedFrom ?passage . ?passage oa:exact ?source .
  OPTIONAL { ?passage oa:start ?start } OPTIONAL { ?passage oa:end ?end }
  OPTIONAL { ?passage unkg:inReport ?report . OPTIONAL { ?report dcterms:title ?reportLabel } } }""",
    ),
)

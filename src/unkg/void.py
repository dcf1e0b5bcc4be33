"""A VoID and DCAT description of the dataset, so catalogues and crawlers can find and load it.

The description says what the graph holds (reports as subsets with their triple counts, the
vocabularies it uses, its size), where to get it (one download per export format, the SPARQL
endpoint of ``unkg serve``) and under which licence. Everything is read from the store, so the
description always matches the data it describes.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID, XSD

from unkg.config import Settings
from unkg.errors import UnkgError
from unkg.rdf.iris import Minter
from unkg.rdf.namespaces import ONTOLOGY_IRI
from unkg.store import Store

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
IANA_MEDIA = "https://www.iana.org/assignments/media-types/"
DEFAULT_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")

# Vocabularies the graph may use, named by their namespace (void:vocabulary takes the namespace IRI).
KNOWN_VOCABULARIES = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://www.w3.org/2002/07/owl#",
    "http://xmlns.com/foaf/0.1/",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
    "http://schema.org/",
    "http://www.w3.org/ns/oa#",
    ONTOLOGY_IRI + "#",
)

# Export formats: (file extension, media type), as `unkg export` and the server's /dump/ write them.
DISTRIBUTIONS = (
    ("ttl", "text/turtle"),
    ("nt", "application/n-triples"),
    ("nq", "application/n-quads"),
    ("trig", "application/trig"),
    ("jsonld", "application/ld+json"),
    ("rdf", "application/rdf+xml"),
)

PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
USED_TERMS = "SELECT DISTINCT ?term WHERE { { ?s ?term ?o } UNION { ?s a ?term } }"
REPORTS = (
    PREFIXES
    + """SELECT ?g ?report ?title ?source WHERE {
  GRAPH ?g { ?report a unkg:Report . OPTIONAL { ?report dcterms:title ?title }
             OPTIONAL { ?report dcterms:source ?source } } }
ORDER BY ?g"""
)
LICENSE = "SELECT ?license WHERE { ?ontology <http://purl.org/dc/terms/license> ?license } ORDER BY ?license"


def dataset_iri(settings: Settings) -> URIRef:
    """The IRI of the dataset description (``{base}void#dataset``), served at /void."""
    return URIRef(settings.base_iri + "void#dataset")


def _graph_sizes(store: Store) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for graph, count in store.select(GRAPH_SIZES).rows:
        if graph is not None and isinstance(count, Literal):
            sizes[str(graph)] = int(count.toPython())
    return sizes


def _vocabularies(store: Store) -> list[URIRef]:
    used = {str(row[0]) for row in store.select(USED_TERMS).rows if row[0] is not None}
    return [URIRef(ns) for ns in KNOWN_VOCABULARIES if any(term.startswith(ns) for term in used)]


def _license(store: Store) -> URIRef:
    ontology = URIRef(ONTOLOGY_IRI)
    for row in store.select(LICENSE, {"ontology": ontology}).rows:
        if isinstance(row[0], URIRef):
            return row[0]
    return DEFAULT_LICENSE


def _add_reports(
    graph: Graph, store: Store, dataset: URIRef, settings: Settings, sizes: dict[str, int]
) -> None:
    """One void:subset per report's named graph, with its title and triple count."""
    seen: set[str] = set()
    for named, report, title, source in store.select(REPORTS).rows:
        if named is None or str(named) in seen:
            continue
        seen.add(str(named))
        report_id = str(named).rsplit("/", 1)[-1]
        subset = URIRef(settings.base_iri + "void#report-" + report_id)
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, SD.name, named))
        graph.add((subset, VOID.triples, Literal(sizes.get(str(named), 0), datatype=XSD.integer)))
        if report is not None:
            graph.add((subset, DCTERMS.source, report))
        if title is not None:
            graph.add((subset, DCTERMS.title, title))
        if source is not None:
            graph.add((subset, DCTERMS.identifier, source))


def _add_distributions(graph: Graph, dataset: URIRef, settings: Settings) -> None:
    """A dcat:Distribution and void:dataDump per export format, and the SPARQL endpoint as a service."""
    for extension, media in DISTRIBUTIONS:
        download = URIRef(settings.base_iri + f"dump/unkg.{extension}")
        distribution = URIRef(settings.base_iri + f"void#distribution-{extension}")
        graph.add((dataset, VOID.dataDump, download))
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCAT.downloadURL, download))
        graph.add((distribution, DCAT.mediaType, URIRef(IANA_MEDIA + media)))
        graph.add((distribution, DCTERMS.title, Literal(f"unkg.{extension} ({media})")))
    endpoint = URIRef(settings.base_iri + "sparql")
    service = URIRef(settings.base_iri + "void#sparql-service")
    graph.add((dataset, VOID.sparqlEndpoint, endpoint))
    graph.add((service, RDF.type, DCAT.DataService))
    graph.add((service, DCAT.endpointURL, endpoint))
    graph.add((service, DCAT.servesDataset, dataset))
    graph.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))


def void_description(store: Store, settings: Settings) -> Graph:
    """The VoID + DCAT description of the graph in ``store``, under ``settings.base_iri``."""
    graph = Graph()
    for prefix, namespace in (
        ("void", VOID),
        ("dcat", DCAT),
        ("dcterms", DCTERMS),
        ("sd", SD),
        ("foaf", FOAF),
    ):
        graph.bind(prefix, namespace)
    dataset = dataset_iri(settings)
    sizes = _graph_sizes(store)
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add(
        (dataset, DCTERMS.title, Literal("unkg: East Asian engagement with the United Nations", lang="en"))
    )
    graph.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "People, posts, sessions, statements and encounters extracted from UN meeting reports, "
                "each fact traceable to the passage of the report it came from.",
                lang="en",
            ),
        )
    )
    graph.add((dataset, DCTERMS.license, _license(store)))
    graph.add((dataset, VOID.triples, Literal(store.triple_count(), datatype=XSD.integer)))
    graph.add((dataset, VOID.uriSpace, Literal(settings.base_iri)))
    graph.add((dataset, FOAF.homepage, URIRef(settings.base_iri)))
    for vocabulary in _vocabularies(store):
        graph.add((dataset, VOID.vocabulary, vocabulary))
    vocabulary_graph = Minter(settings.base_iri).vocabulary_graph()
    graph.add((dataset, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    if str(vocabulary_graph) in sizes:
        ontology_subset = URIRef(settings.base_iri + "void#vocabulary")
        graph.add((dataset, VOID.subset, ontology_subset))
        graph.add((ontology_subset, RDF.type, VOID.Dataset))
        graph.add((ontology_subset, SD.name, vocabulary_graph))
        graph.add(
            (ontology_subset, DCTERMS.title, Literal("ontology, vocabularies and topic scheme", lang="en"))
        )
        graph.add(
            (ontology_subset, VOID.triples, Literal(sizes[str(vocabulary_graph)], datatype=XSD.integer))
        )
    _add_reports(graph, store, dataset, settings, sizes)
    _add_distributions(graph, dataset, settings)
    return graph


def void_text(store: Store, fmt: str, settings: Settings) -> str:
    """The description as text in an export format (CLI names: turtle, ntriples, nquads, trig, jsonld, xml).

    Quad formats put it in the named graph ``{base}graph/void``.
    """
    from unkg.export import FORMATS, QUAD_FORMATS, jsonld_context

    if fmt not in FORMATS:
        raise UnkgError(f"unknown export format {fmt!r}; available: {', '.join(FORMATS)}")
    graph = void_description(store, settings)
    if fmt in QUAD_FORMATS:
        dataset = Dataset()
        named = dataset.graph(URIRef(settings.base_iri + "graph/void"))
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        for triple in graph:
            named.add(triple)
        return dataset.serialize(format=FORMATS[fmt])
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=jsonld_context(settings))
    return graph.serialize(format=FORMATS[fmt])

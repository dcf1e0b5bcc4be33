"""The VoID + DCAT description matches the store it describes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from unkg.config import Settings, load_settings
from unkg.store import open_store
from unkg.void import void_description, void_text

FIXTURE = Path(__file__).parent / "serve" / "fixtures" / "small.trig"
BASE = "https://w3id.org/unkg/"
UNKG_NS = "https://w3id.org/unkg/ontology#"
SD_NAME = URIRef("http://www.w3.org/ns/sparql-service-description#name")


def _describe(settings: Settings) -> tuple[Graph, int, dict[str, int]]:
    """The description of a store holding the fixture graph and the ontology, with the true counts."""
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig", publicID=BASE)
    with open_store(None) as store:
        sizes = {}
        for graph in dataset.graphs():
            if isinstance(graph.identifier, URIRef) and str(graph.identifier).startswith(BASE):
                store.replace_graph(graph.identifier, graph)
                sizes[str(graph.identifier)] = len(graph)
        ontology = Graph().parse(settings.ontology_dir / "unkg.ttl", format="turtle")
        ontology += dataset.graph(URIRef(BASE + "graph/vocabulary"))
        store.replace_graph(URIRef(BASE + "graph/vocabulary"), ontology)
        sizes[BASE + "graph/vocabulary"] = len(ontology)
        return void_description(store, settings), store.triple_count(), sizes


def test_void_counts_triples_per_report_and_in_total() -> None:
    settings = load_settings().with_base(BASE)
    void, total, sizes = _describe(settings)
    dataset = URIRef(BASE + "void#dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void and (dataset, RDF.type, DCAT.Dataset) in void
    assert (dataset, VOID.triples, Literal(total, datatype=XSD.integer)) in void
    for report in ("alpha-meeting-2020", "beta-dialogue-2021"):
        subset = URIRef(BASE + f"void#report-{report}")
        assert (dataset, VOID.subset, subset) in void
        assert (subset, SD_NAME, URIRef(BASE + f"graph/{report}")) in void
        count = sizes[BASE + f"graph/{report}"]
        assert (subset, VOID.triples, Literal(count, datatype=XSD.integer)) in void
    assert (
        URIRef(BASE + "void#report-alpha-meeting-2020"),
        DCTERMS.title,
        Literal("Report of the Alpha Meeting"),
    ) in void


def test_void_names_vocabularies_licence_endpoint_and_downloads() -> None:
    settings = load_settings().with_base("http://127.0.0.1:8765/")
    void, _, _ = _describe(settings)
    dataset = URIRef("http://127.0.0.1:8765/void#dataset")
    vocabularies = {str(v) for v in void.objects(dataset, VOID.vocabulary)}
    assert {
        "http://xmlns.com/foaf/0.1/",
        "http://www.w3.org/ns/org#",
        "https://w3id.org/unkg/ontology#",
    } <= vocabularies
    assert (dataset, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in void
    assert (dataset, VOID.sparqlEndpoint, URIRef("http://127.0.0.1:8765/sparql")) in void
    assert (dataset, VOID.uriSpace, Literal("http://127.0.0.1:8765/")) in void
    downloads = {str(d) for d in void.objects(None, DCAT.downloadURL)}
    assert downloads == {
        f"http://127.0.0.1:8765/dump/unkg.{ext}" for ext in ("ttl", "nt", "nq", "trig", "jsonld", "rdf")
    }


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [
        ("turtle", "turtle"),
        ("ntriples", "nt"),
        ("jsonld", "json-ld"),
        ("xml", "xml"),
        ("nquads", "nquads"),
        ("trig", "trig"),
    ],
)
def test_void_text_parses_back_in_every_export_format(fmt: str, parser: str) -> None:
    settings = load_settings().with_base(BASE)
    void, _, _ = _describe(settings)
    with open_store(None) as store:
        store.replace_graph(URIRef(BASE + "graph/r"), _one_report())
        text = void_text(store, fmt, settings)
        expected = void_description(store, settings)
    if parser in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(data=text, format=parser)
        parsed = dataset.graph(URIRef(BASE + "graph/void"))
    else:
        parsed = Graph().parse(data=text, format=parser)
    assert len(void) > 0 and isomorphic(parsed, expected)


def _one_report() -> Graph:
    graph = Graph()
    report = URIRef(BASE + "report/r")
    graph.add((report, RDF.type, URIRef(UNKG_NS + "Report")))
    graph.add((report, DCTERMS.title, Literal("R")))
    return graph

"""Standard clients and pages: SPARQLWrapper and rdflib's SPARQLStore, the query catalogue, dumps, VoID."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, VOID
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from serve_support import ROOT, UNKG, Server, as_rows, fetch
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from unkg.store import open_store


def cli_json(server: Server, name: str, *params: str) -> dict[str, Any]:
    """`unkg query NAME --format json` on the server's store."""
    command = [
        UNKG,
        "--base",
        server.base_iri,
        "query",
        name,
        "--format",
        "json",
        "--store",
        str(server.store_dir),
    ]
    for param in params:
        command += ["--param", param]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout
    result: dict[str, Any] = json.loads(output)
    return result


def test_sparqlwrapper_gets_the_same_persons_as_unkg_query(server: Server) -> None:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery((ROOT / "queries" / "persons.rq").read_text(encoding="utf-8"))
    client.setReturnFormat(JSON)
    client.setTimeout(60)
    answer = client.queryAndConvert()
    assert isinstance(answer, dict)
    expected = cli_json(server, "persons")
    assert answer["head"]["vars"] == expected["head"]["vars"]
    assert as_rows(answer) == as_rows(expected)
    assert len(expected["results"]["bindings"]) == 3


def test_sparqlwrapper_posts_and_reads_csv_and_turtle(server: Server) -> None:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setMethod("POST")
    client.setQuery("SELECT ?name WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name")
    client.setReturnFormat(CSV)
    body = client.queryAndConvert()
    assert isinstance(body, bytes) and body.decode().splitlines()[1] == "Hana Tanaka"
    client.setQuery("CONSTRUCT WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name }")
    client.setReturnFormat(TURTLE)
    turtle = client.queryAndConvert()
    assert isinstance(turtle, bytes)
    assert len(Graph().parse(data=turtle, format="turtle")) == 3


def test_rdflib_sparqlstore_sees_the_same_union_graph(server: Server) -> None:
    remote = SPARQLStore(f"{server.url}/sparql", returnFormat="json")
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    (remote_count,) = next(iter(remote.query(query)))  # type: ignore[misc]
    with open_store(server.store_dir, read_only=True) as store:
        assert int(remote_count) == store.triple_count()


def test_query_catalogue_lists_and_runs_queries(server: Server) -> None:
    listing = fetch(f"{server.url}/queries", accept="text/html")
    for name in ("persons", "positions", "who_met_whom"):
        assert f'href="/queries/{name}"' in listing.text
    assert '<form method="get" action="/queries/positions"><label>topic <input name="topic"' in listing.text
    page = fetch(f"{server.url}/queries/persons", accept="text/html")
    assert page.status == 200 and "Hana Tanaka" in page.text and "SELECT ?person" in page.text
    as_json = json.loads(fetch(f"{server.url}/queries/persons?format=json").text)
    assert as_rows(as_json) == as_rows(cli_json(server, "persons"))
    positions = json.loads(fetch(f"{server.url}/queries/positions?topic=human%20rights&format=json").text)
    assert as_rows(positions) == as_rows(cli_json(server, "positions", "topic=human rights"))
    assert len(positions["results"]["bindings"]) == 1
    assert fetch(f"{server.url}/queries/nothing").status == 404


@pytest.mark.parametrize(
    ("ext", "fmt"),
    [
        ("ttl", "turtle"),
        ("nt", "nt"),
        ("jsonld", "json-ld"),
        ("rdf", "xml"),
        ("nq", "nquads"),
        ("trig", "trig"),
    ],
)
def test_dumps_parse_back_into_the_stores_graph(server: Server, ext: str, fmt: str) -> None:
    response = fetch(f"{server.url}/dump/unkg.{ext}")
    assert response.status == 200
    with open_store(server.store_dir, read_only=True) as store:
        expected = store.dataset()
    if fmt in ("nquads", "trig"):
        parsed = Dataset()
        parsed.parse(data=response.text, format=fmt)
        for name in expected.graphs():
            if isinstance(name.identifier, URIRef) and len(name):
                assert isomorphic(parsed.graph(name.identifier), name), name.identifier
    else:
        union = Graph()
        for s, p, o, _ in expected.quads((None, None, None, None)):
            union.add((s, p, o))
        assert isomorphic(Graph().parse(data=response.text, format=fmt), union)


def test_void_describes_reports_sizes_endpoint_and_downloads(server: Server) -> None:
    void = Graph().parse(data=fetch(f"{server.url}/void", accept="text/turtle").text, format="turtle")
    dataset = URIRef(server.iri("void#dataset"))
    assert (dataset, VOID.sparqlEndpoint, URIRef(server.iri("sparql"))) in void
    subsets = set(void.objects(dataset, VOID.subset))
    assert URIRef(server.iri("void#report-alpha-meeting-2020")) in subsets
    assert len(set(void.objects(dataset, DCAT.distribution))) == 6
    html = fetch(f"{server.url}/void", accept="text/html")
    assert html.media_type == "text/html" and "void:triples" in html.text


def test_ontology_is_documented_and_exported(server: Server) -> None:
    page = fetch(f"{server.url}/ontology", accept="text/html")
    assert page.status == 200 and 'id="Statement"' in page.text
    turtle = fetch(f"{server.url}/ontology", accept="text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef("https://w3id.org/unkg/ontology#speaker"), None, None) in graph
    context = fetch(f"{server.url}/context.jsonld")
    assert context.media_type == "application/ld+json" and "@context" in json.loads(context.text)


def test_network_views_are_served(server: Server) -> None:
    listing = fetch(f"{server.url}/views", accept="text/html")
    for name in ("who-met-whom", "positions", "institutions"):
        assert f'href="/views/{name}"' in listing.text
    page = fetch(f"{server.url}/views/who-met-whom")
    assert page.status == 200 and page.media_type == "text/html" and "Hana Tanaka" in page.text
    gexf = fetch(f"{server.url}/views/who-met-whom?format=gexf")
    assert gexf.status == 200 and "<gexf" in gexf.text
    assert fetch(f"{server.url}/views/nothing").status == 404

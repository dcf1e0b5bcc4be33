"""The SPARQL 1.1 Protocol endpoint of a real `unkg serve`, over loopback HTTP."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlencode

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF
from serve_support import Response, Server, fetch

NAMES_QUERY = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?person ?name WHERE { ?person a foaf:Person ; foaf:name ?name } ORDER BY ?name"""
CONSTRUCT_QUERY = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
CONSTRUCT { ?person foaf:name ?name } WHERE { ?person a foaf:Person ; foaf:name ?name }"""
NAMES = ["Hana Tanaka", "John Smith", "Min Lee <script>alert('x')</script>"]
SRX = "{http://www.w3.org/2005/sparql-results#}"


def get_query(server: Server, query: str, accept: str | None = None) -> Response:
    return fetch(f"{server.url}/sparql?query={quote(query)}", accept=accept)


def test_select_as_json_by_default(server: Server) -> None:
    response = get_query(server, NAMES_QUERY)
    assert response.status == 200
    assert response.media_type == "application/sparql-results+json"
    document = json.loads(response.text)
    assert document["head"]["vars"] == ["person", "name"]
    assert [b["name"]["value"] for b in document["results"]["bindings"]] == NAMES
    assert document["results"]["bindings"][0]["person"] == {
        "type": "uri",
        "value": server.iri("person/tanaka-hana"),
    }


def test_select_as_xml_csv_and_tsv_by_accept_header(server: Server) -> None:
    xml = get_query(server, NAMES_QUERY, "application/sparql-results+xml")
    assert xml.media_type == "application/sparql-results+xml"
    root = ET.fromstring(xml.body)
    literals = [e.text for e in root.iter(SRX + "literal")]
    assert literals == NAMES

    table = get_query(server, NAMES_QUERY, "text/csv")
    assert table.media_type == "text/csv"
    rows = list(csv.reader(io.StringIO(table.text)))
    assert rows[0] == ["person", "name"]
    assert [row[1] for row in rows[1:]] == NAMES

    tsv = get_query(server, NAMES_QUERY, "text/tab-separated-values")
    assert tsv.media_type == "text/tab-separated-values"
    lines = tsv.text.splitlines()
    assert lines[0] == "?person\t?name"
    assert lines[1] == f'<{server.iri("person/tanaka-hana")}>\t"Hana Tanaka"'


def test_ask_answers_a_boolean(server: Server) -> None:
    yes = json.loads(get_query(server, "ASK { ?s a <http://xmlns.com/foaf/0.1/Person> }").text)
    no = json.loads(get_query(server, "ASK { ?s a <http://example.org/Nothing> }").text)
    assert (yes["boolean"], no["boolean"]) == (True, False)


def test_construct_as_turtle_and_json_ld_give_the_same_graph(server: Server) -> None:
    turtle = get_query(server, CONSTRUCT_QUERY, "text/turtle")
    jsonld = get_query(server, CONSTRUCT_QUERY, "application/ld+json")
    assert (turtle.media_type, jsonld.media_type) == ("text/turtle", "application/ld+json")
    from_turtle = Graph().parse(data=turtle.text, format="turtle")
    from_jsonld = Graph().parse(data=jsonld.text, format="json-ld")
    assert len(from_turtle) == 3
    assert (URIRef(server.iri("person/smith-john")), FOAF.name, Literal("John Smith")) in from_turtle
    assert isomorphic(from_turtle, from_jsonld)


def test_describe_gives_the_resource_as_turtle(server: Server) -> None:
    response = get_query(server, f"DESCRIBE <{server.iri('organization/example-agency')}>", "text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert (URIRef(server.iri("organization/example-agency")), None, Literal("EXA")) in graph


def test_dataset_parameters_are_refused_rather_than_ignored(server: Server) -> None:
    url = f"{server.url}/sparql?query={quote(NAMES_QUERY)}&default-graph-uri={quote(server.iri('graph/x'))}"
    response = fetch(url)
    assert response.status == 400 and "GRAPH" in response.text


def test_post_as_form_and_as_sparql_query_body(server: Server) -> None:
    form = fetch(
        f"{server.url}/sparql",
        data=urlencode({"query": NAMES_QUERY}).encode(),
        content_type="application/x-www-form-urlencoded",
        accept="text/csv",
    )
    direct = fetch(
        f"{server.url}/sparql",
        data=NAMES_QUERY.encode(),
        content_type="application/sparql-query",
        accept="text/csv",
    )
    assert form.status == direct.status == 200
    assert form.text == direct.text
    assert "John Smith" in form.text


def test_updates_are_refused_with_403(server: Server) -> None:
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    attempts = [
        fetch(
            f"{server.url}/sparql",
            data=urlencode({"update": update}).encode(),
            content_type="application/x-www-form-urlencoded",
        ),
        fetch(f"{server.url}/sparql", data=update.encode(), content_type="application/sparql-update"),
        fetch(f"{server.url}/sparql", data=update.encode(), content_type="application/sparql-query"),
        get_query(server, update),
    ]
    for response in attempts:
        assert response.status == 403
        assert "read-only" in response.text
    assert json.loads(get_query(server, "ASK { <http://example.org/a> ?p ?o }").text)["boolean"] is False


def test_malformed_query_gets_400_with_the_parser_message(server: Server) -> None:
    response = get_query(server, "SELECT ?s WHERE { ?s ?p }")
    assert response.status == 400
    assert "malformed SPARQL" in response.text
    assert "1:" in response.text  # the parser's line:column


def test_federated_queries_are_refused(server: Server) -> None:
    response = get_query(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert response.status == 403
    assert "SERVICE" in response.text


def test_results_are_capped_and_the_cap_is_announced(server: Server) -> None:
    response = get_query(server, "SELECT ?s WHERE { ?s <https://example.org/filler#value> ?v }")
    bindings = json.loads(response.text)["results"]["bindings"]
    assert len(bindings) == 50
    assert response.headers.get("x-result-truncated") == "true"
    small = get_query(server, NAMES_QUERY)
    assert "x-result-truncated" not in small.headers


SLOW_QUERY = """SELECT (COUNT(*) AS ?n) WHERE {
  ?a <https://example.org/filler#value> ?x . ?b <https://example.org/filler#value> ?y .
  ?c <https://example.org/filler#value> ?z . ?d <https://example.org/filler#value> ?w }"""


def test_a_query_past_the_time_limit_is_stopped_while_others_are_served(server: Server) -> None:
    slow: list[Response] = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: slow.append(get_query(server, SLOW_QUERY)))
    thread.start()
    time.sleep(0.3)  # the slow query is running in its worker now
    quick = get_query(server, NAMES_QUERY)
    quick_done = time.monotonic() - started
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert quick.status == 200 and len(json.loads(quick.text)["results"]["bindings"]) == 3
    assert quick_done < 2.0, "the quick query waited for the slow one"
    assert slow[0].status == 503
    assert "time limit" in slow[0].text
    # the killed worker is replaced: the server keeps answering
    for _ in range(3):
        assert get_query(server, NAMES_QUERY).status == 200


def test_sparql_page_for_people_and_html_results_escape_values(server: Server) -> None:
    form = fetch(f"{server.url}/sparql", accept="text/html")
    assert form.status == 200 and "<textarea" in form.text
    results = fetch(f"{server.url}/sparql?format=html&query={quote(NAMES_QUERY)}")
    assert results.media_type == "text/html"
    assert "Min Lee &lt;script&gt;" in results.text
    assert "<script>alert" not in results.text

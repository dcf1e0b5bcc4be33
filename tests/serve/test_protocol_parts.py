"""The endpoint's small parts: recognising updates and query forms, content negotiation, result formats."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from unkg.serve.negotiate import choose
from unkg.serve.results import write_ask, write_select
from unkg.serve.sparqltext import is_update, query_form, uses_service


@pytest.mark.parametrize(
    ("text", "form", "update"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", False),
        ("PREFIX ex: <http://ex.org/select#>\nask { ?s ex:insert ?o }", "ASK", False),
        ("# DELETE everything\nCONSTRUCT WHERE { ?s ?p 'INSERT DATA' }", "CONSTRUCT", False),
        ("BASE <http://x/> DESCRIBE <a>", "DESCRIBE", False),
        ("PREFIX ex: <http://ex.org/>\nINSERT DATA { ex:a ex:b ex:c }", None, True),
        ("  delete where { ?s ?p ?o }", None, True),
        ("LOAD <http://example.org/data.ttl>", None, True),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", None, True),
        ('SELECT ?select WHERE { ?s ?p """a\nDROP ALL""" }', "SELECT", False),
    ],
)
def test_query_forms_and_updates_are_told_apart(text: str, form: str | None, update: bool) -> None:
    assert query_form(text) == form
    assert is_update(text) is update


def test_service_is_found_outside_strings_only() -> None:
    assert uses_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    assert uses_service("select * { service silent ?endpoint { ?s ?p ?o } }")
    assert not uses_service("SELECT * WHERE { ?s ?p 'customer SERVICE desk' }")
    assert not uses_service("SELECT ?service WHERE { ?service ?p ?o }")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "text/turtle"),
        ("*/*", "text/turtle"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("application/ld+json", "application/ld+json"),
        ("application/x-json+ld", "application/ld+json"),
        ("text/*;q=0.3, application/ld+json;q=0.9", "application/ld+json"),
        ("image/png", "text/turtle"),
    ],
)
def test_content_negotiation_follows_accept(accept: str | None, expected: str) -> None:
    assert choose(("text/turtle", "application/ld+json", "text/html"), accept) == expected


def test_format_parameter_wins_when_it_names_an_offered_type() -> None:
    offered = ("application/sparql-results+json", "text/csv", "text/html")
    assert choose(offered, "text/html", ["csv"]) == "text/csv"
    assert choose(offered, "text/html", ["turtle"]) == "text/html"


ROWS = [
    (URIRef("http://ex.org/a"), Literal('tab\there, "quoted"\nnew line')),
    (BNode("b0"), Literal("1", datatype=XSD.integer)),
    (None, Literal("chat", lang="fr")),
]


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_select_results_read_back_with_oxigraphs_parser(fmt: str) -> None:
    text = write_select(fmt, ("x", "y"), ROWS)
    formats = {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    }
    parsed = ox.parse_query_results(io.BytesIO(text.encode()), formats[fmt])
    assert isinstance(parsed, ox.QuerySolutions)
    values = [(s["x"], s["y"]) for s in parsed]
    assert len(values) == 3
    assert values[0][1].value == 'tab\there, "quoted"\nnew line'
    assert values[1] == (ox.BlankNode("b0"), ox.Literal("1", datatype=ox.NamedNode(str(XSD.integer))))
    assert values[2] == (None, ox.Literal("chat", language="fr"))


def test_select_results_as_csv_keep_lexical_values() -> None:
    rows = list(csv.reader(io.StringIO(write_select("csv", ("x", "y"), ROWS), newline="")))
    assert rows == [
        ["x", "y"],
        ["http://ex.org/a", 'tab\there, "quoted"\nnew line'],
        ["_:b0", "1"],
        ["", "chat"],
    ]


def test_ask_results_in_json_and_xml() -> None:
    assert json.loads(write_ask("json", True)) == {"head": {}, "boolean": True}
    parsed = ox.parse_query_results(io.BytesIO(write_ask("xml", False).encode()), ox.QueryResultsFormat.XML)
    assert isinstance(parsed, ox.QueryBoolean) and not bool(parsed)

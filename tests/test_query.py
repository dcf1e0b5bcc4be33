"""The query catalogue: headers, parameters bound as terms, and the four result formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from unkg.config import Settings, load_settings
from unkg.errors import QueryError
from unkg.query import (
    QueryInfo,
    QueryResult,
    format_results,
    list_queries,
    parameter_term,
    parse_header,
    run_query,
)
from unkg.store import Store, open_store

SETTINGS = load_settings()
TOPICS = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix topic: <https://w3id.org/unkg/topic/> .
@prefix unkg: <https://w3id.org/unkg/ontology#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix stance: <https://w3id.org/unkg/vocab/stance/> .
topic:multilateralism a skos:Concept ; skos:prefLabel "multilateralism"@en .
topic:un-reform a skos:Concept ; skos:prefLabel "UN reform"@en .
topic:security-council-reform a skos:Concept ; skos:prefLabel "Security Council reform"@en ;
    skos:broader topic:un-reform .
<https://w3id.org/unkg/person/ueki-chikako> foaf:name "Chikako Ueki" .
<https://w3id.org/unkg/statement/r/1-9> a unkg:Statement ; unkg:topic topic:security-council-reform ;
    unkg:speaker <https://w3id.org/unkg/person/ueki-chikako> ; unkg:stance stance:supports ;
    unkg:quote "She called for reform." .
"""


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    with open_store(None, backend=request.param) as opened:
        graph = Graph().parse(data=TOPICS, format="turtle")
        opened.replace_graph(URIRef("https://w3id.org/unkg/graph/r"), graph)
        yield opened


def test_every_canned_query_declares_description_and_columns() -> None:
    infos = list_queries(SETTINGS)
    assert {"persons", "positions", "who_met_whom"} <= {info.name for info in infos}
    for info in infos:
        assert info.description and not info.description.startswith(info.name), info.name
        assert info.columns, info.name


def test_positions_declares_its_topic_parameter_as_the_topicparam_variable() -> None:
    (info,) = [info for info in list_queries(SETTINGS) if info.name == "positions"]
    (parameter,) = info.parameters
    assert (parameter.name, parameter.variable, parameter.required) == ("topic", "topicParam", True)
    assert "topic label" in parameter.description


def test_header_parameters_may_be_optional_and_default_to_their_own_name() -> None:
    header = "# q: a test.\n# Columns: ?x\n# Parameters: who (an IRI); limit? (optional)\n"
    info = parse_header("q", header + "SELECT ?x WHERE { ?x ?p ?o }")
    assert [(p.name, p.variable, p.required) for p in info.parameters] == [("who", "who", True),
                                                                         ("limit", "limit", False)]


def test_parameter_values_become_iris_or_plain_literals() -> None:
    assert parameter_term("https://w3id.org/unkg/topic/multilateralism") == URIRef(
        "https://w3id.org/unkg/topic/multilateralism"
    )
    assert parameter_term("urn:isbn:123") == URIRef("urn:isbn:123")
    assert parameter_term("human rights") == Literal("human rights")
    assert parameter_term("mailto:someone") == Literal("mailto:someone")


def test_positions_by_label_includes_narrower_topics_and_by_iri(store: Store) -> None:
    by_label = run_query(store, "positions", {"topic": "un reform"}, SETTINGS)
    assert [row["quote"] for row in by_label.as_dicts()] == [Literal("She called for reform.")]
    by_iri = run_query(store, "positions", {"topic": "https://w3id.org/unkg/topic/un-reform"}, SETTINGS)
    assert by_iri.rows == by_label.rows
    assert by_label.variables[:4] == ("country", "person", "personName", "topic")


def test_a_hostile_parameter_is_data_not_query_text(store: Store) -> None:
    result = run_query(store, "positions", {"topic": '") } } SELECT * WHERE { ?s ?p ?o } #'}, SETTINGS)
    assert result.rows == ()


def test_parameter_errors_name_the_choices(store: Store) -> None:
    with pytest.raises(QueryError, match="has no parameter 'country'; its parameters: topic"):
        run_query(store, "positions", {"topic": "x", "country": "JPN"}, SETTINGS)
    with pytest.raises(QueryError, match=r"needs --param topic=VALUE \(a topic label"):
        run_query(store, "positions", {}, SETTINGS)
    with pytest.raises(QueryError, match="it takes no parameters"):
        run_query(store, "persons", {"topic": "x"}, SETTINGS)


def test_unknown_query_lists_the_available_names(store: Store) -> None:
    with pytest.raises(QueryError, match=r"unknown query 'people'; available: .*persons, positions"):
        run_query(store, "people", {}, SETTINGS)


def test_hyphenated_names_and_rq_files_work(store: Store, tmp_path: Path) -> None:
    assert run_query(store, "who-met-whom", {}, SETTINGS).info.name == "who_met_whom"
    query = tmp_path / "count.rq"
    query.write_text("# count: triples.\n# Columns: ?n\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n")
    result = run_query(store, str(query), {}, SETTINGS)
    assert result.variables == ("n",) and result.rows[0][0] == Literal(len(Graph().parse(data=TOPICS)))
    with pytest.raises(QueryError, match="no query file"):
        run_query(store, str(tmp_path / "missing.rq"), {}, SETTINGS)


def _result() -> QueryResult:
    info = QueryInfo("t", "a test", (), ("person", "name", "n"))
    rows = (
        (URIRef("https://w3id.org/unkg/person/ueki-chikako"), Literal('Chikako "C." Ueki', lang="en"),
         Literal(3)),
        (BNode("b0"), Literal("line\tone\nline two"), None),
    )
    return QueryResult(info, ("person", "name", "n"), rows)


def test_table_is_aligned_and_shortens_iris() -> None:
    lines = format_results(_result(), "table").splitlines()
    assert lines[0].split() == ["?person", "?name", "?n"]
    assert lines[2].startswith(":person/ueki-chikako  Chikako \"C.\" Ueki")
    assert lines[0].index("?name") == lines[2].index("Chikako")
    assert lines[-1] == "(2 rows)"


def test_csv_and_tsv_follow_the_sparql_results_formats() -> None:
    rows = list(csv.reader(io.StringIO(format_results(_result(), "csv"))))
    assert rows[0] == ["person", "name", "n"]
    assert rows[1] == ["https://w3id.org/unkg/person/ueki-chikako", 'Chikako "C." Ueki', "3"]
    assert rows[2] == ["_:b0", "line\tone\nline two", ""]
    tsv = format_results(_result(), "tsv").splitlines()
    assert tsv[0] == "?person\t?name\t?n"
    assert tsv[1].split("\t") == [
        "<https://w3id.org/unkg/person/ueki-chikako>", '"Chikako \\"C.\\" Ueki"@en', f'"3"^^<{XSD.integer}>'
    ]
    assert tsv[2].split("\t") == ["_:b0", '"line\\tone\\nline two"', ""]


def test_json_is_sparql_query_results_json() -> None:
    document = json.loads(format_results(_result(), "json"))
    assert document["head"] == {"vars": ["person", "name", "n"]}
    first, second = document["results"]["bindings"]
    assert first["person"] == {"type": "uri", "value": "https://w3id.org/unkg/person/ueki-chikako"}
    assert first["name"] == {"type": "literal", "value": 'Chikako "C." Ueki', "xml:lang": "en"}
    assert first["n"] == {"type": "literal", "value": "3", "datatype": str(XSD.integer)}
    assert second == {"person": {"type": "bnode", "value": "b0"},
                      "name": {"type": "literal", "value": "line\tone\nline two"}}


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(QueryError, match="available: table, csv, tsv, json"):
        format_results(_result(), "xlsx")


def test_queries_dir_follows_settings(tmp_path: Path) -> None:
    (tmp_path / "queries").mkdir()
    query = "# only: the one.\n# Columns: ?s\nSELECT ?s WHERE { ?s ?p ?o }\n"
    (tmp_path / "queries" / "only.rq").write_text(query)
    assert [info.name for info in list_queries(Settings(root=tmp_path))] == ["only"]


QUERY_PARAMS = {"positions": {"topic": "multilateralism"}}


@pytest.mark.parametrize("info", list_queries(SETTINGS), ids=lambda info: info.name)
def test_each_query_returns_the_columns_its_header_promises(mini_store_dir: Path, info: QueryInfo) -> None:
    with open_store(mini_store_dir, read_only=True) as store:
        result = run_query(store, info.name, QUERY_PARAMS.get(info.name, {}), SETTINGS)
    assert result.variables[: len(info.columns)] == info.columns


def test_real_reports_answer_the_canned_queries(built_store_dir: Path) -> None:
    with open_store(built_store_dir, read_only=True) as store:
        persons = run_query(store, "persons", {}, SETTINGS).as_dicts()
        positions = run_query(store, "positions", {"topic": "multilateralism"}, SETTINGS).as_dicts()
        sessions = run_query(store, "sessions", {}, SETTINGS).as_dicts()
    assert len(persons) > 20
    assert len({row["person"] for row in persons}) == len(persons)  # once each
    assert positions and all(row["quote"] for row in positions)
    assert len(sessions) >= 5


@pytest.mark.parametrize("name", ["persons", "positions", "posts", "sessions", "statements", "who_met_whom"])
def test_oxigraph_and_rdflib_give_the_same_answers(mini_store_dir: Path, name: str) -> None:
    params = QUERY_PARAMS.get(name, {})
    with open_store(mini_store_dir, read_only=True) as oxigraph, open_store(None, backend="rdflib") as memory:
        dataset = oxigraph.dataset()
        for graph_name in oxigraph.graph_names():
            memory.replace_graph(graph_name, dataset.graph(graph_name))
        expected = run_query(oxigraph, name, params, SETTINGS)
        actual = run_query(memory, name, params, SETTINGS)
    assert actual.variables == expected.variables
    assert sorted(map(str, actual.rows)) == sorted(map(str, expected.rows))
    assert expected.rows

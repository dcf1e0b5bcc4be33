"""The store contract, run over every backend: what goes in comes out, queries see the union."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, XSD

from unkg.errors import QueryError, StoreError
from unkg.store import (
    BACKENDS,
    OxigraphStore,
    SelectResult,
    SparqlEndpointStore,
    Store,
    ntriples_term,
    open_store,
    substitute_bindings,
)

EX = "http://example.org/"
G1 = URIRef(EX + "graph/one")
G2 = URIRef(EX + "graph/two")


def _graph(turtle: str) -> Graph:
    return Graph().parse(data="@prefix ex: <http://example.org/> .\n" + turtle, format="turtle")


ONE = _graph(
    """ex:ueki a <http://xmlns.com/foaf/0.1/Person> ; <http://xmlns.com/foaf/0.1/name> "Chikako Ueki" ;
         ex:age 60 ; ex:note "line one\\nline \\"two\\""@en ;
         ex:day "2019-09-02"^^<http://www.w3.org/2001/XMLSchema#date> .
       ex:s1 ex:topic ex:multilateralism ."""
)
TWO = _graph(
    """ex:ueki <http://xmlns.com/foaf/0.1/name> "Chikako Ueki" .
       ex:zhang a <http://xmlns.com/foaf/0.1/Person> ; <http://xmlns.com/foaf/0.1/name> "Zhang Yunfei" ."""
)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    with open_store(None, backend=request.param) as opened:
        opened.replace_graph(G1, ONE)
        opened.replace_graph(G2, TWO)
        yield opened


def test_queries_see_the_union_of_named_graphs(store: Store) -> None:
    query = f"SELECT ?name WHERE {{ ?p a <{FOAF.Person}> ; <{FOAF.name}> ?name }} ORDER BY ?name"
    result = store.select(query)
    assert result == SelectResult(("name",), ((Literal("Chikako Ueki"),), (Literal("Zhang Yunfei"),)))
    assert store.graph_names() == [G1, G2]
    assert store.triple_count() == len(ONE) + len(TWO) - 1  # the name of ex:ueki is in both graphs


def test_terms_come_back_as_they_went_in(store: Store) -> None:
    result = store.select(f"SELECT ?p ?o WHERE {{ <{EX}ueki> ?p ?o }} ORDER BY ?p")
    values = {row[0]: row[1] for row in result.rows}
    assert values[URIRef(EX + "age")] == Literal(60)
    assert values[URIRef(EX + "note")] == Literal('line one\nline "two"', lang="en")
    assert values[URIRef(EX + "day")] == Literal("2019-09-02", datatype=XSD.date)
    assert values[FOAF.name] == Literal("Chikako Ueki")  # plain, not ^^xsd:string


def test_bindings_are_terms_even_for_variables_used_only_in_filters(store: Store) -> None:
    query = f"""SELECT ?who WHERE {{ ?who <{FOAF.name}> ?name . FILTER(LCASE(?name) = LCASE(?wanted)) }}"""
    assert store.select(query, {"wanted": Literal("zhang yunfei")}).rows == ((URIRef(EX + "zhang"),),)
    hostile = Literal('x") } DROP ALL #')
    assert store.select(query, {"wanted": hostile}).rows == ()
    by_iri = f"SELECT ?name WHERE {{ ?who <{FOAF.name}> ?name }}"
    assert store.select(by_iri, {"who": URIRef(EX + "zhang")}).rows == ((Literal("Zhang Yunfei"),),)


def test_ask_and_construct(store: Store) -> None:
    assert store.ask(f"ASK {{ <{EX}s1> <{EX}topic> ?t }}")
    assert not store.ask(f"ASK {{ <{EX}s1> <{EX}topic> <{EX}nothing> }}")
    built = store.construct(f"CONSTRUCT {{ ?s <{EX}about> ?t }} WHERE {{ ?s <{EX}topic> ?t }}")
    assert set(built) == {(URIRef(EX + "s1"), URIRef(EX + "about"), URIRef(EX + "multilateralism"))}


def test_replace_graph_replaces_only_that_graph(store: Store) -> None:
    store.replace_graph(G2, _graph("ex:kim a <http://xmlns.com/foaf/0.1/Person> ."))
    people = store.select(f"SELECT ?p WHERE {{ ?p a <{FOAF.Person}> }} ORDER BY ?p").rows
    assert people == ((URIRef(EX + "kim"),), (URIRef(EX + "ueki"),))
    store.remove_graph(G2)
    store.remove_graph(URIRef(EX + "graph/never-loaded"))
    assert store.graph_names() == [G1]


def test_dataset_copies_every_quad(store: Store) -> None:
    dataset = store.dataset()
    assert isomorphic(dataset.graph(G1), ONE)
    assert isomorphic(dataset.graph(G2), TWO)


def test_malformed_sparql_is_a_query_error_with_the_parser_message(store: Store) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL"):
        store.select("SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryError, match="not a SELECT query"):
        store.select("ASK { ?s ?p ?o }")


def test_a_closed_store_says_so(store: Store) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.select("SELECT * WHERE { ?s ?p ?o }")


def test_reading_a_missing_store_tells_the_user_to_build(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*missing: run `unkg build` first"):
        open_store(tmp_path / "missing", read_only=True)


def test_store_on_disk_keeps_graphs_and_read_only_refuses_writes(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        store.replace_graph(G1, ONE)
    with open_store(tmp_path / "store", read_only=True) as store:
        assert isinstance(store, OxigraphStore)
        assert store.graph_names() == [G1]
        assert isomorphic(store.dataset().graph(G1), ONE)
        with pytest.raises(StoreError, match="read-only"):
            store.replace_graph(G2, TWO)


def test_unknown_backend_names_the_choices() -> None:
    with pytest.raises(StoreError, match="available: oxigraph, rdflib"):
        open_store(None, backend="virtuoso")


# ----- the remote SPARQL endpoint backend, against the project's own server -----------------------


def test_substitution_keeps_hostile_values_as_data() -> None:
    query = "SELECT ?who WHERE { ?who <http://xmlns.com/foaf/0.1/name> ?name . FILTER(?name = ?wanted) }"
    hostile = Literal('x" ) } ; DROP ALL ; #\n')
    text = substitute_bindings(query, {"wanted": hostile})
    assert "FILTER(?name = " + ntriples_term(hostile) + ")" in text
    with open_store(None) as store:
        store.replace_graph(G1, ONE)
        assert store.select(text).rows == ()
        named = substitute_bindings(query, {"wanted": Literal("Chikako Ueki")})
        assert store.select(named).rows == ((URIRef(EX + "ueki"),),)


def test_substitution_projects_bound_variables_and_parenthesizes_modifiers() -> None:
    query = "SELECT ?x ?y WHERE { ?x ?p ?y } ORDER BY ?x"
    text = substitute_bindings(query, {"x": URIRef(EX + "ueki")})
    assert text == f"SELECT (<{EX}ueki> AS ?x) ?y WHERE {{ <{EX}ueki> ?p ?y }} ORDER BY (<{EX}ueki>)"


@pytest.fixture(scope="module")
def endpoint(mini_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``unkg serve`` on the fixtures' store (a copy), on a free loopback port; yields the /sparql URL."""
    store_dir = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(mini_store_dir, store_dir)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    unkg = str(Path(sys.executable).parent / "unkg")
    command = [unkg, "serve", "--store", str(store_dir), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_endpoint_store_answers_like_the_local_store(endpoint: str, mini_store_dir: Path) -> None:
    query = "SELECT ?p ?o WHERE { ?who ?p ?o } ORDER BY ?p ?o"
    who = {"who": URIRef("https://w3id.org/unkg/person/tanaka-aiko")}
    with SparqlEndpointStore(endpoint) as remote, open_store(mini_store_dir, read_only=True) as local:
        assert remote.select(query, who) == local.select(query, who)
        assert remote.graph_names() == local.graph_names()
        assert remote.triple_count() == local.triple_count()
        ask = "ASK { ?who a <http://xmlns.com/foaf/0.1/Person> }"
        assert remote.ask(ask, who) and local.ask(ask, who)
        describe = "CONSTRUCT { ?who ?p ?o } WHERE { ?who ?p ?o }"
        assert isomorphic(remote.construct(describe, who), local.construct(describe, who))
        remote_data, local_data = remote.dataset(), local.dataset()
        for name in local.graph_names():
            assert isomorphic(remote_data.graph(name), local_data.graph(name)), name


def test_endpoint_store_errors_are_one_line_and_typed(endpoint: str) -> None:
    with SparqlEndpointStore(endpoint) as remote:
        with pytest.raises(QueryError, match="refused the query"):
            remote.select("SELECT ?x WHERE { ?x ")
        with pytest.raises(StoreError, match="read-only here"):
            remote.replace_graph(G1, ONE)
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint"):
        SparqlEndpointStore("http://127.0.0.1:9/sparql", timeout=5).select("SELECT * WHERE { ?s ?p ?o }")


def test_a_new_store_folder_is_created_with_its_parents(tmp_path: Path) -> None:
    store_dir = tmp_path / "not" / "yet" / "store"
    with open_store(store_dir) as store:
        assert store.triple_count() == 0
    assert store_dir.is_dir()

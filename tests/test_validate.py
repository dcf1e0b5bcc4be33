"""Validation: the fixture graph conforms and is consistent; broken graphs are caught and explained."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, SKOS

from unkg.config import Settings
from unkg.model import Extraction
from unkg.pipeline import report_graphs
from unkg.rdf.build import vocabulary_graph
from unkg.rdf.iris import Minter
from unkg.rdf.namespaces import OA, TOPIC_NS, UNKG
from unkg.reason import OWL_CHECK, PASSAGE_CHECK, SHACL_CHECK, ValidationReport, validate
from unkg.store import Store, open_store

TEST_GRAPH = URIRef("https://w3id.org/unkg/graph/test-extra")
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")


@pytest.fixture
def store(mini_extractions: tuple[Extraction, ...], settings: Settings) -> Iterator[Store]:
    """The mini fixtures and the vocabulary, plus the fixtures' topics should topics.ttl lack them."""
    with open_store(None) as opened:
        opened.replace_graph(Minter(settings.base_iri).vocabulary_graph(), vocabulary_graph(settings))
        for graph_iri, graph in report_graphs(mini_extractions, settings):
            opened.replace_graph(graph_iri, graph)
        topics = Graph()
        for name in ("multilateralism", "human-rights", "peace-and-security"):
            topics.add((TOPIC_NS[name], RDF.type, SKOS.Concept))
        opened.replace_graph(URIRef("https://w3id.org/unkg/graph/test-topics"), topics)
        yield opened


def _check(report: ValidationReport, name: str) -> str:
    (check,) = [check for check in report.checks if check.name == name]
    return check.render()


@needs_java
def test_fixture_graph_conforms_and_is_consistent(store: Store, settings: Settings) -> None:
    report = validate(store, settings)
    assert report.ok, report.render()
    assert report.render().endswith("graph is valid")


def test_shacl_names_the_node_the_property_and_the_problem(store: Store, settings: Settings) -> None:
    statement = URIRef("https://w3id.org/unkg/statement/mini-dialogue-2020/241-333")
    passage = URIRef("https://w3id.org/unkg/passage/mini-dialogue-2020/241-333")
    broken = Graph()
    broken.add((statement, UNKG["stance"], URIRef("https://w3id.org/unkg/vocab/stance/supports")))
    broken.add((passage, OA["start"], Literal("ten")))
    broken.add((URIRef("https://w3id.org/unkg/country/JP"), RDF.type, UNKG["Country"]))
    store.replace_graph(TEST_GRAPH, broken)
    report = validate(store, settings)
    assert not report.ok
    text = _check(report, SHACL_CHECK)
    assert "FAILED" in text
    assert ":statement/mini-dialogue-2020/241-333 unkg:stance" in text  # two stances
    assert ":passage/mini-dialogue-2020/241-333 oa:start" in text  # a word as an offset
    assert ":country/JP unkg:alpha3" in text  # no code


@needs_java
def test_hermit_finds_a_person_who_is_also_an_organization(store: Store, settings: Settings) -> None:
    clash = Graph()
    clash.add((URIRef("https://w3id.org/unkg/person/tanaka-aiko"), RDF.type, ORG.Organization))
    clash.add((URIRef("https://w3id.org/unkg/person/tanaka-aiko"), SKOS.prefLabel, Literal("Tanaka")))
    clash.add((URIRef("https://w3id.org/unkg/person/tanaka-aiko"), ORG.classification,
               URIRef("https://w3id.org/unkg/vocab/orgtype/other")))
    store.replace_graph(TEST_GRAPH, clash)
    report = validate(store, settings)
    assert not report.ok
    assert "inconsistent" in _check(report, OWL_CHECK)
    assert "SHACL shapes: ok" in report.render()
    assert (URIRef("https://w3id.org/unkg/person/tanaka-aiko"), RDF.type, FOAF.Person) in store.dataset()


def test_without_java_the_owl_check_is_skipped_and_says_so(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no java on the PATH
    report = validate(store, settings)
    assert "OWL consistency (HermiT): skipped - java not found on PATH" in report.render()
    assert report.ok  # SHACL passed; a skipped check does not fail the report


def test_passages_must_hold_their_offsets_and_quotes_their_passage(store: Store, settings: Settings) -> None:
    passage = URIRef("https://w3id.org/unkg/passage/mini-forum-2021/0-10")
    statement = URIRef("https://w3id.org/unkg/statement/mini-forum-2021/0-10")
    broken = Graph()
    broken.add((passage, OA["start"], Literal(0)))
    broken.add((passage, OA["end"], Literal(10)))
    broken.add((passage, OA["exact"], Literal("Summary")))  # 7 characters, not 10
    broken.add((statement, UNKG["quote"], Literal("Summary of")))
    broken.add((statement, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), passage))
    store.replace_graph(TEST_GRAPH, broken)
    text = _check(validate(store, settings), PASSAGE_CHECK)
    assert "Passages and quotes: FAILED - 2 violation(s)" in text
    assert ":passage/mini-forum-2021/0-10: exact text longer or shorter than its offsets" in text
    assert ":statement/mini-forum-2021/0-10: quote differs from the exact text of its passage" in text

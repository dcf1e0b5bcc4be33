"""Exports: every format parses back (rdflib) into exactly what the store holds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from unkg.config import Settings
from unkg.errors import UnkgError
from unkg.export import FORMATS, QUAD_FORMATS, export_graph, union_graph
from unkg.store import Store, open_store

RDFLIB_PARSER = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                 "jsonld": "json-ld", "xml": "xml"}


@pytest.fixture(scope="module")
def store(mini_store_dir: Path) -> Iterator[Store]:
    with open_store(mini_store_dir, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_round_trips(store: Store, settings: Settings, fmt: str) -> None:
    _assert_round_trips(store, settings, fmt)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_real_reports_round_trip_in_every_format(
    built_store_dir: Path, settings: Settings, fmt: str
) -> None:
    with open_store(built_store_dir, read_only=True) as store:
        _assert_round_trips(store, settings, fmt)


def _assert_round_trips(store: Store, settings: Settings, fmt: str) -> None:
    text = export_graph(store, fmt, out=None, settings=settings)
    assert text
    expected = store.dataset()
    if fmt in QUAD_FORMATS:
        parsed = Dataset()
        parsed.parse(data=text, format=RDFLIB_PARSER[fmt])
        names = sorted(g.identifier for g in parsed.graphs() if len(g))
        assert names == store.graph_names()
        for name in names:
            assert isomorphic(parsed.graph(name), expected.graph(name)), name
    else:
        parsed_graph = Graph().parse(data=text, format=RDFLIB_PARSER[fmt])
        assert isomorphic(parsed_graph, union_graph(expected))
        assert len(parsed_graph) == store.triple_count()


def test_jsonld_uses_the_project_context(store: Store, settings: Settings) -> None:
    if not (settings.ontology_dir / "context.jsonld").is_file():
        pytest.skip("ontology/context.jsonld not present")
    document = json.loads(export_graph(store, "jsonld", out=None, settings=settings) or "")
    assert "@context" in document
    assert '"speaker"' in json.dumps(document["@graph"])  # short names, not full IRIs


def test_writing_a_file_leaves_no_temporary_files(store: Store, settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "graph.nq"
    assert export_graph(store, "nquads", out=out, settings=settings) is None
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.nq"]
    parsed = Dataset()
    parsed.parse(out, format="nquads")
    assert sorted(g.identifier for g in parsed.graphs() if len(g)) == store.graph_names()


def test_unknown_format_names_the_choices(store: Store, settings: Settings) -> None:
    with pytest.raises(UnkgError, match="available: turtle, ntriples, nquads, trig, jsonld, xml"):
        export_graph(store, "csv", out=None, settings=settings)

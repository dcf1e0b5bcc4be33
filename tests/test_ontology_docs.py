"""The ontology's HTML documentation and exports are generated from its Turtle."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF

from unkg.config import load_settings
from unkg.ontology_docs import ontology_graph, ontology_text, write_ontology_docs

UNKG = "https://w3id.org/unkg/ontology#"


def test_every_class_and_property_of_the_ontology_is_documented(tmp_path: Path) -> None:
    settings = load_settings()
    write_ontology_docs(settings, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    graph = ontology_graph(settings)
    own_terms = {
        str(s)[len(UNKG) :]
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(UNKG)
    }
    assert {"Statement", "Post", "speaker", "quote"} <= own_terms
    anchors = set(re.findall(r'<section id="([^"]+)"', page))
    assert own_terms <= anchors
    assert "Speech acts" in page and "expressed concern" in page  # concept schemes are listed
    assert "<code>foaf:</code>" in page  # vocabularies used


def test_ontology_exports_parse_back_to_the_same_graph(tmp_path: Path) -> None:
    settings = load_settings()
    written = write_ontology_docs(settings, tmp_path)
    assert {p.name for p in written} == {"index.html"} | {
        f"unkg.{ext}" for ext in ("ttl", "nt", "nq", "trig", "jsonld", "rdf")
    }
    expected = ontology_graph(settings)
    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("rdf", "xml")):
        assert isomorphic(Graph().parse(tmp_path / f"unkg.{ext}", format=fmt), expected), ext
    vocabulary = URIRef(settings.base_iri + "graph/vocabulary")
    for ext, fmt in (("nq", "nquads"), ("trig", "trig")):
        dataset = Dataset()
        dataset.parse(tmp_path / f"unkg.{ext}", format=fmt)
        assert isomorphic(dataset.graph(vocabulary), expected), ext


def test_text_from_the_turtle_is_escaped(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "ontology").mkdir(parents=True)
    (root / "ontology" / "unkg.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/unkg/ontology#Odd> a owl:Class ;\n"
        '    rdfs:label "Odd <img src=x onerror=alert(1)>" .\n',
        encoding="utf-8",
    )
    from unkg.config import Settings

    write_ontology_docs(Settings(root=root), tmp_path / "out")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Odd &lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img" not in page


def _pairs_without_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates, f"keys defined twice in context.jsonld: {duplicates}"
    return dict(pairs)


def test_json_ld_context_defines_each_name_once_and_only_ontology_terms() -> None:
    settings = load_settings()
    text = (settings.ontology_dir / "context.jsonld").read_text(encoding="utf-8")
    document = json.loads(text, object_pairs_hook=_pairs_without_duplicates)
    context = document["@context"]
    ontology = ontology_graph(settings)
    for name, definition in context.items():
        target = definition["@id"] if isinstance(definition, dict) else definition
        if isinstance(target, str) and target.startswith("unkg:"):
            term = URIRef(UNKG + target.removeprefix("unkg:"))
            assert (term, None, None) in ontology, f"{name} -> {target} is not in the ontology"


def test_json_ld_with_the_context_round_trips_the_graph_shape() -> None:
    settings = load_settings()
    context = json.loads((settings.ontology_dir / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    graph = Graph().parse(
        Path(__file__).parent / "serve" / "fixtures" / "small.trig",
        format="trig",
        publicID="https://w3id.org/unkg/",
    )
    flat = Graph()
    for triple in graph:
        flat.add(triple)
    compacted = flat.serialize(format="json-ld", context=context)
    assert '"speaker":' in compacted and '"quote":' in compacted  # short names are used
    assert isomorphic(Graph().parse(data=compacted, format="json-ld"), flat)


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("ntriples", "nt"), ("xml", "xml")])
def test_ontology_text_in_export_formats(fmt: str, parser: str) -> None:
    settings = load_settings()
    parsed = Graph().parse(data=ontology_text(fmt, settings), format=parser)
    assert isomorphic(parsed, ontology_graph(settings))

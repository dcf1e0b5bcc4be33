"""Model -> RDF: golden graphs of the hand-written fixtures, the graph shape, stable IRIs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import FOAF, OWL, PROV, RDF, XSD

from unkg.config import Settings
from unkg.model import Extraction
from unkg.query import run_query
from unkg.rdf.build import build_report_graph, vocabulary_graph
from unkg.rdf.iris import Minter
from unkg.rdf.namespaces import ACT, OA, STANCE, TOPIC_NS, UNKG
from unkg.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
MINTER = Minter("https://w3id.org/unkg/")
BASE = "https://w3id.org/unkg/"


def _diff(expected: Graph, actual: Graph) -> str:
    _, missing, unexpected = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {triple}" for triple in sorted(missing)] + [f"+ {triple}" for triple in sorted(unexpected)]
    return "\n".join(lines[:40])


@pytest.mark.parametrize("index", [0, 1], ids=["mini-dialogue-2020", "mini-forum-2021"])
def test_fixture_builds_its_golden_graph(mini_extractions: tuple[Extraction, ...], index: int) -> None:
    extraction = mini_extractions[index]
    expected = Graph().parse(FIXTURES / f"{extraction.document.report_id}.expected.ttl")
    actual = build_report_graph(extraction, MINTER)
    assert isomorphic(expected, actual), _diff(expected, actual)


def test_statement_has_its_quote_passage_and_exact_offsets(mini_extractions: tuple[Extraction, ...]) -> None:
    dialogue = mini_extractions[0]
    graph = build_report_graph(dialogue, MINTER)
    answer = dialogue.statements[1]
    statement = MINTER.statement("mini-dialogue-2020", answer.span)
    quote = dialogue.document.text[answer.span.start : answer.span.end]
    assert graph.value(statement, UNKG["quote"]) == Literal(quote)
    assert graph.value(statement, UNKG["act"]) == ACT["answered"]
    assert graph.value(statement, UNKG["stance"]) == STANCE["supports"]
    topics = {TOPIC_NS["multilateralism"], TOPIC_NS["human-rights"]}
    assert set(graph.objects(statement, UNKG["topic"])) == topics
    assert graph.value(statement, UNKG["answers"]) == MINTER.statement("mini-dialogue-2020",
                                                                      dialogue.statements[0].span)
    passage = graph.value(statement, PROV.wasDerivedFrom)
    assert graph.value(passage, OA["start"]) == Literal(answer.span.start)
    assert graph.value(passage, OA["end"]) == Literal(answer.span.end)
    assert graph.value(passage, OA["exact"]) == Literal(quote)
    assert graph.value(passage, UNKG["inReport"]) == URIRef(BASE + "report/mini-dialogue-2020")


def test_every_passage_is_the_exact_text_at_its_offsets(mini_extractions: tuple[Extraction, ...]) -> None:
    for extraction in mini_extractions:
        graph = build_report_graph(extraction, MINTER)
        passages = list(graph.subjects(RDF.type, UNKG["Passage"]))
        assert len(passages) > 5
        for passage in passages:
            start, end = (int(graph.value(passage, OA[key]).toPython()) for key in ("start", "end"))  # type: ignore[union-attr]
            assert str(graph.value(passage, OA["exact"])) == extraction.document.text[start:end]


def test_group_speakers_are_groups_of_their_report(mini_extractions: tuple[Extraction, ...]) -> None:
    graph = build_report_graph(mini_extractions[0], MINTER)
    group = URIRef(BASE + "group/mini-dialogue-2020/group-kor-participants")
    assert (group, RDF.type, UNKG["GroupSpeaker"]) in graph
    assert (None, UNKG["speaker"], group) in graph
    assert graph.value(group, UNKG["country"]) == URIRef(BASE + "country/KOR")


def test_dates_are_typed_and_numbers_are_integers(mini_extractions: tuple[Extraction, ...]) -> None:
    graph = build_report_graph(mini_extractions[0], MINTER)
    meeting = URIRef(BASE + "meeting/mini-dialogue-2020")
    start = graph.value(meeting, URIRef("http://schema.org/startDate"))
    assert start == Literal("2020-05-05", datatype=XSD.date)
    session = graph.value(meeting, UNKG["session"])
    assert graph.value(session, UNKG["sessionNumber"]) == Literal(1)


def test_building_twice_gives_the_same_triples(mini_extractions: tuple[Extraction, ...]) -> None:
    first = build_report_graph(mini_extractions[0], MINTER)
    second = build_report_graph(mini_extractions[0], MINTER)
    assert set(first) == set(second)  # no blank nodes: equal as sets, not only isomorphic


def test_one_person_in_two_reports_has_one_iri(mini_store_dir: Path, settings: Settings) -> None:
    with open_store(mini_store_dir, read_only=True) as store:
        rows = run_query(store, "persons", {}, settings).as_dicts()
    tanaka = [row for row in rows if row["name"] == Literal("Aiko Tanaka")]
    assert [row["person"] for row in tanaka] == [URIRef(BASE + "person/tanaka-aiko")]
    assert tanaka[0]["reports"] == Literal(2)


def test_iris_follow_the_base_iri(mini_extractions: tuple[Extraction, ...]) -> None:
    graph = build_report_graph(mini_extractions[1], Minter("http://example.org/kg/"))
    assert (URIRef("http://example.org/kg/person/tanaka-aiko"), RDF.type, FOAF.Person) in graph
    assert not any(str(s).startswith(BASE) for s in graph.subjects())


def test_a_statement_by_an_unknown_post_index_has_no_speaker_post(
    mini_extractions: tuple[Extraction, ...],
) -> None:
    dialogue = mini_extractions[0]
    broken = replace(dialogue, statements=(replace(dialogue.statements[1], speaker_post=7),))
    assert (None, UNKG["speakerPost"], None) not in build_report_graph(broken, MINTER)


def test_vocabulary_graph_holds_the_ontology_and_topics(settings: Settings) -> None:
    graph = vocabulary_graph(settings)
    assert (URIRef("https://w3id.org/unkg/ontology"), RDF.type, OWL.Ontology) in graph
    assert (ACT["asked"], RDF.type, UNKG["SpeechAct"]) in graph
    if (settings.ontology_dir / "topics.ttl").is_file():
        assert (TOPIC_NS["multilateralism"], None, None) in graph


def test_the_package_exports_its_entry_points() -> None:
    import unkg
    from unkg import pipeline

    assert unkg.build_graph is build_report_graph
    assert unkg.open_store is open_store
    assert unkg.build is pipeline.build
    assert set(unkg.__all__) >= {"read_report", "extract", "build", "open_store", "run_query", "UnkgError"}
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = unkg.nothing


def test_two_speakers_of_one_passage_are_two_statements(mini_extractions: tuple[Extraction, ...]) -> None:
    dialogue = mini_extractions[0]
    question = dialogue.statements[0]
    joint = replace(question, speaker="berg-lars", addressee=None)
    answer = dialogue.statements[1]
    graph = build_report_graph(replace(dialogue, statements=(question, joint, answer)), MINTER)
    passage = f"{question.span.start}-{question.span.end}"
    by_tanaka = URIRef(f"{BASE}statement/mini-dialogue-2020/{passage}--tanaka-aiko")
    by_berg = URIRef(f"{BASE}statement/mini-dialogue-2020/{passage}--berg-lars")
    assert graph.value(by_tanaka, UNKG["speaker"]) == URIRef(BASE + "person/tanaka-aiko")
    assert graph.value(by_berg, UNKG["speaker"]) == URIRef(BASE + "person/berg-lars")
    assert set(graph.objects(None, UNKG["answers"])) == {by_tanaka, by_berg}
    asked = MINTER.interaction("mini-dialogue-2020", "asked", "tanaka-aiko", "berg-lars", question.span)
    assert list(graph.objects(asked, UNKG["viaStatement"])) == [by_tanaka]  # the asker's, not both


@hypothesis_settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_the_graph_does_not_depend_on_the_order_extraction_lists_things(
    mini_extractions: tuple[Extraction, ...], data: st.DataObject
) -> None:
    dialogue = mini_extractions[0]
    shuffled = replace(
        dialogue,
        people=tuple(data.draw(st.permutations(dialogue.people))),
        organizations=tuple(data.draw(st.permutations(dialogue.organizations))),
        statements=tuple(data.draw(st.permutations(dialogue.statements))),
        interactions=tuple(data.draw(st.permutations(dialogue.interactions))),
        participations=tuple(data.draw(st.permutations(dialogue.participations))),
        countries=tuple(data.draw(st.permutations(dialogue.countries))),
    )
    assert set(build_report_graph(shuffled, MINTER)) == set(build_report_graph(dialogue, MINTER))


@hypothesis_settings(max_examples=25, deadline=None)
@given(host=st.from_regex(r"[a-z]{1,12}\.(org|net|example)", fullmatch=True), slash=st.sampled_from("/#"))
def test_every_minted_iri_is_under_the_base(
    mini_extractions: tuple[Extraction, ...], host: str, slash: str
) -> None:
    base = f"https://{host}/kg{slash}"
    graph = build_report_graph(mini_extractions[0], Minter(base))
    iris = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    minted = {iri for iri in iris if not iri.startswith(("https://w3id.org/unkg/", "http://"))}
    assert len(minted) > 20 and all(iri.startswith(base) for iri in minted)

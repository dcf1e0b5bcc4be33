"""Topic scheme, topic classification and stance classification."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from unkg.extract.reference import ontology_path
from unkg.extract.topics import classify_stance, classify_topics, load_topics, stance_votes, topic_by_slug
from unkg.model import SpeechAct, Stance

TOPIC = "https://w3id.org/unkg/topic/"


def test_scheme_has_the_required_concepts_with_labels_and_hierarchy() -> None:
    slugs = {t.slug for t in load_topics()}
    required = {
        "un-reform", "security-council-reform", "multilateralism", "unilateralism", "sdgs", "human-rights",
        "universal-periodic-review", "gender-equality", "gender-parity", "climate-change",
        "peace-and-security",
        "peace-operations", "peacebuilding", "disarmament", "non-proliferation", "intellectual-property",
        "technology-transfer", "trade", "investment", "health", "ngos-and-civil-society", "rule-of-law",
        "territorial-integrity", "human-security", "development-assistance", "humanitarian-assistance",
        "migration-and-refugees", "un-staff-and-leadership", "regional-cooperation", "sovereignty",
        "hegemony-and-power-politics", "international-solidarity", "global-governance", "digital-technology",
    }  # fmt: skip
    assert required <= slugs
    assert {f"sdg-{n}" for n in range(1, 18)} <= slugs
    reform = topic_by_slug("security-council-reform")
    assert reform is not None and reform.broader == ("un-reform",) and reform.definition
    assert all(t.label and t.definition for t in load_topics())
    assert all(set(t.broader) <= slugs for t in load_topics())


def test_sdgs_link_to_the_un_sdg_iris() -> None:
    for number in range(1, 18):
        goal = topic_by_slug(f"sdg-{number}")
        assert goal is not None
        assert goal.broader == ("sdgs",)
        assert f"http://metadata.un.org/sdg/{number}" in goal.exact_matches


def test_every_concept_is_in_the_scheme_as_skos() -> None:
    graph = Graph().parse(ontology_path("topics.ttl"))
    scheme = URIRef(TOPIC + "scheme")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) == len(load_topics()) >= 60
    assert all((c, SKOS.inScheme, scheme) in graph for c in concepts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She fully supports the UN reform as a process.", ("un-reform",)),
        ("He spoke out for the reform of the Security Council.", ("security-council-reform",)),
        ("Multilateralism will replace unilateralism.", ("multilateralism", "unilateralism")),
        ("Gender parity is a crucial agenda.", ("gender-parity",)),
        ("One SDG (SDG 9) deals with innovation.", ("sdg-9", "sdgs")),
        ("the focus on Goal 16 and SDG5", ("sdg-16", "sdg-5")),
        ("the amount of PKO and ODA provisions", ("development-assistance", "peace-operations")),
        ("technology transfer to developing countries", ("development", "technology-transfer")),
        ("the nuclear non-proliferation regime and arms control", ("disarmament", "non-proliferation")),
        ("The weather was fine and lunch was served.", ()),
    ],
)
def test_topics_of_sample_sentences(sentence: str, expected: tuple[str, ...]) -> None:
    assert classify_topics(sentence) == expected


def test_capital_labels_match_only_in_capitals() -> None:
    assert classify_topics("IP protection in China") == ("intellectual-property",)
    assert classify_topics("an ip address") == ()
    assert classify_topics("AI and the upr") == ("digital-technology",)


@pytest.mark.parametrize(
    ("sentence", "act", "stance"),
    [
        ("ROK strongly supports universal values such as freedom.", SpeechAct.STATED, Stance.SUPPORTS),
        ("China is committed to the path of peaceful development.", SpeechAct.STATED, Stance.SUPPORTS),
        (
            "Hegemonic, bullying and domineering practices should be rejected.",
            SpeechAct.STATED,
            Stance.OPPOSES,
        ),
        ("China opposes hegemonism.", SpeechAct.STATED, Stance.OPPOSES),
        ("The security situation is indeed worrying.", SpeechAct.STATED, Stance.CONCERNED),
        ("She expressed her concern about the participation of NGOs.", SpeechAct.STATED, Stance.CONCERNED),
        ("He suggests that the G20 should be given more legitimacy.", SpeechAct.STATED, Stance.PROPOSES),
        ("She made several recommendations to change the situation.", SpeechAct.STATED, Stance.PROPOSES),
        ("He asked about the success of women empowerment.", SpeechAct.ASKED, Stance.QUESTIONS),
        ("Developed countries do not favor a new regime.", SpeechAct.STATED, Stance.OPPOSES),
        ("This is not a concern for the Office.", SpeechAct.STATED, Stance.NEUTRAL),
        ("The session was held at the Palais des Nations.", SpeechAct.STATED, Stance.NEUTRAL),
        ("It reviewed the proposal in detail.", SpeechAct.PROPOSED, Stance.PROPOSES),
    ],
)
def test_stance_of_crafted_sentences(sentence: str, act: SpeechAct, stance: Stance) -> None:
    assert classify_stance(sentence, act) is stance


def test_longest_cue_is_counted_once() -> None:
    assert stance_votes("Such practices should be rejected.") == {Stance.OPPOSES: 2.0}

"""Clauses that report speech of their own inside one sentence or across paragraphs: semicolon clauses,
lists of people thanked, pronouns that stand for the person a question was put to, hosting."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract
from unkg.model import Document, Extraction, InteractionKind, SpeechAct

MakeDocument = Callable[..., Document]


def _interactions(extraction: Extraction) -> set[tuple[str, str, InteractionKind]]:
    return {(i.source, i.target, i.kind) for i in extraction.interactions}


def _speaker_at(extraction: Extraction, start: str) -> tuple[str, SpeechAct]:
    offset = extraction.document.text.index(start)
    found = max(
        (s for s in extraction.statements if s.span.start <= offset < s.span.end), key=lambda s: s.span.start
    )
    return found.speaker, found.act


SEMICOLONS = (
    "Workshop notes\n\n"
    "Professor Henrik Vallgren of Lund University asked Ms. Teodora Marinescu whether the scheme was "
    "voluntary; Ms. Marinescu replied that it was, although most provinces had joined; Dr. PARK Soo-ah "
    "of Ewha Womans University observed that uptake was uneven; she asked Professor Vallgren how Sweden "
    "measured it. Professor Vallgren responded that municipal audits did so; Mr. Idris Kamaludin asked "
    "Ms. Marinescu whether funds were earmarked; she answered that they were not.\n"
)


def test_semicolon_clauses_report_questions_and_answers_of_their_own(make_document: MakeDocument) -> None:
    extraction = extract(make_document(SEMICOLONS))
    found = _interactions(extraction)
    assert ("vallgren-henrik", "marinescu-teodora", InteractionKind.ASKED) in found
    assert ("marinescu-teodora", "vallgren-henrik", InteractionKind.ANSWERED) in found
    assert ("park-soo-ah", "vallgren-henrik", InteractionKind.ASKED) in found
    assert ("vallgren-henrik", "park-soo-ah", InteractionKind.ANSWERED) in found
    assert ("marinescu-teodora", "kamaludin-idris", InteractionKind.ANSWERED) in found
    assert _speaker_at(extraction, "she answered that they were not") == (
        "marinescu-teodora",
        SpeechAct.ANSWERED,
    )


THANKS_LIST = "\n\n".join(
    [
        "Session 2: Visit to the World Intellectual Property Organization",
        "Professor Liesel Harrowgate of Tartu University opened the session and presented the programme.",
        "Mr. Bruno Castellane remarked that the programme was ambitious.",
        "She proposed that the next visit include a library tour.",
        "Finally, Professor Harrowgate thanked Mirela Dobrescu and Tobias Wendland for drafting the notes, "
        "Mr. Castellane, Rapporteur of the visit, for his summary, as well as Ms. Oyuna Baatar for the "
        "photographs.",
    ]
)


def test_thanks_to_several_people_give_one_interaction_each(make_document: MakeDocument) -> None:
    extraction = extract(make_document(THANKS_LIST))
    thanked = {
        t
        for s, t, k in _interactions(extraction)
        if k is InteractionKind.THANKED and s == "harrowgate-liesel"
    }
    assert thanked == {"dobrescu-mirela", "wendland-tobias", "castellane-bruno", "baatar-oyuna"}
    # a presenter who thanks or proposes after a comment is not answering it
    assert _speaker_at(extraction, "Finally, Professor Harrowgate")[1] is SpeechAct.THANKED
    assert _speaker_at(extraction, "She proposed") == ("harrowgate-liesel", SpeechAct.PROPOSED)

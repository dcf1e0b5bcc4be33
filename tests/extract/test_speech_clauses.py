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

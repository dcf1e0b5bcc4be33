"""Reported speech in Markdown-styled reports: bold speaker names at the start of a paragraph or after a
bullet ("**Dr. X** noted", "- **Ms. Y** asked"), invented reports."""

from __future__ import annotations

from collections.abc import Callable

from speech_support import interactions as _interactions
from speech_support import speaker_at_or_none as _speaker_at

from unkg.extract import extract
from unkg.model import Document, InteractionKind, SpeechAct

MakeDocument = Callable[..., Document]


BOLD = "\n\n".join(
    [
        "Session 1: Water and Cities",
        "**Dr. Tomasz Wierzbicki**, Senior Lecturer at the University of Gdansk, said that river basins "
        "needed joint commissions.",
        "**Ms. Ingrid Solheim** of the Nordic Water Forum noted that most commissions lacked budgets.",
        "- **Dr. Wierzbicki** asked Ms. Solheim whether the Forum funded any of them. Ms. Solheim replied "
        "that it funded two.",
    ]
)


def test_a_bold_name_opening_a_paragraph_speaks_from_the_bold_mark(make_document: MakeDocument) -> None:
    extraction = extract(make_document(BOLD))
    assert _speaker_at(extraction, "**Dr. Tomasz") == ("wierzbicki-tomasz", SpeechAct.STATED)
    assert _speaker_at(extraction, "**Ms. Ingrid") == ("solheim-ingrid", SpeechAct.STATED)


def test_a_bold_name_after_a_bullet_asks(make_document: MakeDocument) -> None:
    extraction = extract(make_document(BOLD))
    assert _speaker_at(extraction, "- **Dr. Wierzbicki") == ("wierzbicki-tomasz", SpeechAct.ASKED)
    found = _interactions(extraction)
    assert ("wierzbicki-tomasz", "solheim-ingrid", InteractionKind.ASKED) in found
    assert ("solheim-ingrid", "wierzbicki-tomasz", InteractionKind.ANSWERED) in found


WEBINAR = "\n\n".join(
    [
        "Session 1: Forests and Finance",
        "The first speaker was Mr. Bartholomew Quayle, Senior Officer in the Forest Finance Unit of a "
        "regional fund. He explained that most pledges had not been disbursed.",
        "Professor Ilse Marchetti of the University of Trieste asked whether the fund tracked disbursement. "
        "The speaker replied that it did so only since last year.",
    ]
)


def test_the_person_named_as_the_next_speaker_is_the_he_that_follows(make_document: MakeDocument) -> None:
    extraction = extract(make_document(WEBINAR))
    assert _speaker_at(extraction, "He explained") == ("quayle-bartholomew", SpeechAct.STATED)


def test_the_speaker_replying_to_a_question_is_the_one_asked_not_the_asker(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(WEBINAR))
    assert _speaker_at(extraction, "The speaker replied") == ("quayle-bartholomew", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("marchetti-ilse", "quayle-bartholomew", InteractionKind.ASKED) in found
    assert ("quayle-bartholomew", "marchetti-ilse", InteractionKind.ANSWERED) in found


CLOSING = "\n\n".join(
    [
        "Session 1: Closing",
        "Dr. Henrike Albers of the University of Kiel reviewed the two days of debate. She proposed a third "
        "meeting in Riga. On behalf of the organisers she thanked Mr. Aurelio Fontana for his support.",
    ]
)


def test_a_pronoun_after_on_behalf_of_without_a_comma_is_the_subject(make_document: MakeDocument) -> None:
    extraction = extract(make_document(CLOSING))
    assert _speaker_at(extraction, "On behalf of the") == ("albers-henrike", SpeechAct.THANKED)
    assert ("albers-henrike", "fontana-aurelio", InteractionKind.THANKED) in _interactions(extraction)


ONLINE = "\n\n".join(
    [
        "Session 1: Oceans Online",
        "Ms. Solveig Ramberg, Programme Officer at a regional seas secretariat, gave an overview of the new "
        "treaty. Dr. Cosimo Ferraro of the University of Bari wrote in the chat that he would like to know "
        "when the treaty would enter into force. Ms. Ramberg replied that it needed sixty ratifications. "
        "Dr. Petra Lindahl intervened to say that her country had already ratified it.",
        "Mr. Anselm Kuypers, Chief of the Survey Section, took the delegation through the new sonar array.",
    ]
)


def test_writing_in_the_chat_that_one_would_like_to_know_asks(make_document: MakeDocument) -> None:
    extraction = extract(make_document(ONLINE))
    assert _speaker_at(extraction, "Dr. Cosimo Ferraro") == ("ferraro-cosimo", SpeechAct.ASKED)
    found = _interactions(extraction)
    assert ("ferraro-cosimo", "ramberg-solveig", InteractionKind.ASKED) in found
    assert ("ramberg-solveig", "ferraro-cosimo", InteractionKind.ANSWERED) in found


def test_intervening_to_say_states(make_document: MakeDocument) -> None:
    extraction = extract(make_document(ONLINE))
    assert _speaker_at(extraction, "Dr. Petra Lindahl") == ("lindahl-petra", SpeechAct.STATED)


def test_taking_the_delegation_through_something_presents(make_document: MakeDocument) -> None:
    extraction = extract(make_document(ONLINE))
    assert _speaker_at(extraction, "Mr. Anselm Kuypers") == ("kuypers-anselm", SpeechAct.PRESENTED)


PANEL = "\n\n".join(
    [
        "Session 1: Panel on Trade",
        "Professor Edmund Harrowgate of the University of Leeds presented a study of port congestion.",
        "Dr. Marisol Quintero, Director of a regional trade observatory, followed. She noted that freight "
        "costs had doubled.",
        "Dr. Lorenz Abegg of the University of Basel disagreed with the study's estimates.",
        "In the afternoon Ms. Tove Engstrand, Senior Officer at a shipping council, briefed the group on "
        "insurance.",
    ]
)


def test_a_person_who_followed_presents_next(make_document: MakeDocument) -> None:
    extraction = extract(make_document(PANEL))
    assert _speaker_at(extraction, "Dr. Marisol Quintero") == ("quintero-marisol", SpeechAct.PRESENTED)
    assert _speaker_at(extraction, "She noted that freight") == ("quintero-marisol", SpeechAct.STATED)


def test_disagreeing_comments(make_document: MakeDocument) -> None:
    extraction = extract(make_document(PANEL))
    assert _speaker_at(extraction, "Dr. Lorenz Abegg") == ("abegg-lorenz", SpeechAct.COMMENTED)


def test_a_time_of_day_before_the_subject_without_a_comma(make_document: MakeDocument) -> None:
    extraction = extract(make_document(PANEL))
    found = _speaker_at(extraction, "In the afternoon Ms.")
    assert found is not None and found[0] == "engstrand-tove"


FOLLOW_UP = "\n\n".join(
    [
        "Session 1: Visit to the Tribunal",
        "Judge Amara Delacroix-Nwosu, Registrar of a regional tribunal, presented its caseload.",
        "Ms. Yolanda Prinsloo followed up with a procedural question: who would pay for the interpreters? "
        "Mr. Rasmus Holmqvist explained that the host State had agreed to cover them.",
    ]
)


def test_another_person_explaining_right_after_a_question_answers_it(make_document: MakeDocument) -> None:
    extraction = extract(make_document(FOLLOW_UP))
    assert _speaker_at(extraction, "Mr. Rasmus") == ("holmqvist-rasmus", SpeechAct.ANSWERED)


GRATEFUL = "\n\n".join(
    [
        "Session 1: Keynote",
        "Dr. Fenella Oyelaran-Marsh, Rector of a maritime academy, gave the keynote address.",
        "I am grateful to the organisers for this invitation. Our academy trains officers from many "
        "coastal States.",
    ]
)


def test_i_am_grateful_to_in_a_talk_thanks(make_document: MakeDocument) -> None:
    extraction = extract(make_document(GRATEFUL))
    assert _speaker_at(extraction, "I am grateful") == ("oyelaran-marsh-fenella", SpeechAct.THANKED)

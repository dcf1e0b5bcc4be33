"""Role-only references ("the Chair", "The Special Envoy", "the Dean") resolved to the person the text
gave that role near the name, whether or not the role was extracted as a post (invented reports)."""

from __future__ import annotations

from collections.abc import Callable

from speech_support import interactions as _interactions
from speech_support import speaker_at as _speaker_at

from unkg.extract import extract
from unkg.model import Document, InteractionKind, SpeechAct

MakeDocument = Callable[..., Document]

PANEL = "\n\n".join(
    [
        "Session 1: Cities and Climate Diplomacy",
        "The roundtable was moderated by Dr. Felix Oyelaran of Uppsala University, who opened the "
        "discussion by observing that cities now sign more climate pledges than States.",
        "Ms. Rasa Kalnina, the Special Envoy for Urban Resilience, presented the findings of her mission.",
        "The Special Envoy cautioned that pledges without budgets would not survive the next election.",
        "As discussant, Professor HAN Jiwoo of Sogang University commented on the findings. Professor Han "
        "asked the Special Envoy whether any city had published its adaptation budget.",
        "The Special Envoy replied that two capitals had done so in 2025.",
        "In closing, the Moderator summarised the main points. He thanked Ms. Kalnina and Professor Han "
        "for their contributions.",
        "Following the session, Professor Ilse Brandvold, Dean of the Faculty of Social Sciences, hosted "
        "the Moderator at a dinner. The Dean noted that the Faculty would publish the proceedings.",
        "Dr. Felix Oyelaran (Moderator), Ms. Rasa Kalnina and Professor HAN Jiwoo",
    ]
)


def test_a_role_named_alone_is_the_person_an_apposition_gave_it(make_document: MakeDocument) -> None:
    extraction = extract(make_document(PANEL))
    assert _speaker_at(extraction, "The Special Envoy cautioned") == (
        "kalnina-rasa",
        SpeechAct.EXPRESSED_CONCERN,
    )
    assert _speaker_at(extraction, "The Special Envoy replied") == ("kalnina-rasa", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("han-jiwoo", "kalnina-rasa", InteractionKind.ASKED) in found  # "asked the Special Envoy"
    assert ("kalnina-rasa", "han-jiwoo", InteractionKind.ANSWERED) in found


def test_a_role_given_by_a_passive_or_a_caption_parenthesis(make_document: MakeDocument) -> None:
    extraction = extract(make_document(PANEL))
    assert _speaker_at(extraction, "In closing, the Moderator summarised")[0] == "oyelaran-felix"
    found = _interactions(extraction)
    assert ("oyelaran-felix", "kalnina-rasa", InteractionKind.THANKED) in found
    assert ("oyelaran-felix", "han-jiwoo", InteractionKind.THANKED) in found


def test_the_dean_hosted_the_moderator(make_document: MakeDocument) -> None:
    extraction = extract(make_document(PANEL))
    assert ("brandvold-ilse", "oyelaran-felix", InteractionKind.HOSTED) in _interactions(extraction)
    assert _speaker_at(extraction, "The Dean noted")[0] == "brandvold-ilse"


def test_genders_from_pronouns_resolved_to_a_role_reference(make_document: MakeDocument) -> None:
    genders = {p.key: p.gender for p in extract(make_document(PANEL)).people}
    assert genders["oyelaran-felix"] == "male"  # "the Moderator summarised ... He thanked"


QUALIFIED = "\n\n".join(
    [
        "Session 2: Visit to the Human Rights Council",
        "Ms. Odile Marchetti, Chair of the Working Group, briefed the participants.",
        "After the remarks of the ambassador, Mr. Tomasz Wielgus commented that the Council was overloaded.",
        "The Chair of the Council had asked States to shorten their statements, Ms. Marchetti added.",
        "Dr. SONG Yerin asked the Ambassador whether the Council would meet online.",
    ]
)


def test_a_role_of_someone_else_or_a_role_nobody_was_given_stays_unresolved(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(QUALIFIED))
    asked = {(i.source, i.target) for i in extraction.interactions if i.kind is InteractionKind.ASKED}
    # "the ambassador, Mr. Wielgus" inside "the remarks of the ambassador" gives him no role
    assert ("song-yerin", "wielgus-tomasz") not in asked
    people = {p.key: p for p in extraction.people}
    text = extraction.document.text
    chair_of_council = text.index("Chair of the Council")
    assert all(m.start != chair_of_council for m in people["marchetti-odile"].mentions)


LOWER_CASE = "\n\n".join(
    [
        "Session 3: Panel on Data Governance",
        "The panel was moderated by Ms. Yusra Haddadin of the University of Jordan. Mr. Elias Brandt of "
        "the Hertie School presented a survey of data trusts.",
        "Professor OGAWA Shun asked the moderator whether the survey covered Asia.",
        "The moderator answered that it covered only Europe, and thanked Mr. Brandt for his presentation.",
    ]
)


def test_a_role_written_in_lower_case(make_document: MakeDocument) -> None:
    extraction = extract(make_document(LOWER_CASE))
    found = _interactions(extraction)
    assert ("ogawa-shun", "haddadin-yusra", InteractionKind.ASKED) in found
    assert ("haddadin-yusra", "ogawa-shun", InteractionKind.ANSWERED) in found


LABELLED = "\n\n".join(
    [
        "Session 4: Visit to the International Labour Organization",
        "Moderator: Dr. Halvard Brekke",
        "Ms. Ama Owusu (ILO) presented the new report on care work.",
        "The moderator then thanked Ms. Owusu for her presentation.",
    ]
)


def test_a_role_given_by_a_label_line(make_document: MakeDocument) -> None:
    extraction = extract(make_document(LABELLED))
    assert ("brekke-halvard", "owusu-ama", InteractionKind.THANKED) in _interactions(extraction)


TITLE_NEARBY = "\n\n".join(
    [
        "Session 5: Dinner at the Residence",
        "After the visit, Ambassador Saule Beisenova of Kazakhstan hosted the participants at her residence. "
        "The Ambassador underlined that her country would chair the regional water forum next year.",
    ]
)


def test_a_title_just_before_gives_the_role(make_document: MakeDocument) -> None:
    extraction = extract(make_document(TITLE_NEARBY))
    assert _speaker_at(extraction, "The Ambassador underlined")[0] == "beisenova-saule"

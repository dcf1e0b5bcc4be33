"""Turn taking in forms unseen reports use: answers that name their askers ("Asked by X, ..."), follow-up
questions, titles standing for a person introduced earlier in a long paragraph (invented reports)."""

from __future__ import annotations

from collections.abc import Callable

from speech_support import interactions as _interactions
from speech_support import speaker_at as _speaker_at

from unkg.extract import extract
from unkg.model import Document, InteractionKind, SpeechAct

MakeDocument = Callable[..., Document]


def _report(*paragraphs: str) -> str:
    return "\n\n".join(["Session 1: Visit to the Mission", *paragraphs])


LUNCH = _report(
    "Ambassador Liesel MARQUARDT, Permanent Representative of Austria to the United Nations in Vienna, "
    "hosted a breakfast for the visitors at the residence. She recalled that the Mission had supported "
    "the regional water initiative since its launch and that the Government would host its next review "
    "meeting. Asked by Mr. Oskar Virtanen, a doctoral candidate at the University of Turku, how the review "
    "would involve the upstream countries that had not signed the framework, the Ambassador explained that "
    "observers would be invited. Mr. Virtanen followed up by asking whether observers could speak. The "
    "Ambassador answered that they could, at the Chair's discretion."
)


def test_an_answer_opening_asked_by_someone_answers_them(make_document: MakeDocument) -> None:
    extraction = extract(make_document(LUNCH))
    assert _speaker_at(extraction, "Asked by Mr. Oskar") == ("marquardt-liesel", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("virtanen-oskar", "marquardt-liesel", InteractionKind.ASKED) in found
    assert ("marquardt-liesel", "virtanen-oskar", InteractionKind.ANSWERED) in found


def test_a_title_stands_for_the_holder_named_earlier_in_the_same_long_paragraph(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(LUNCH))  # "Ambassador X" more than a few lines before "The Ambassador"
    assert _speaker_at(extraction, "The Ambassador answered") == ("marquardt-liesel", SpeechAct.ANSWERED)


def test_following_up_by_asking_is_a_question_of_its_own(make_document: MakeDocument) -> None:
    extraction = extract(make_document(LUNCH))
    assert _speaker_at(extraction, "Mr. Virtanen followed up") == ("virtanen-oskar", SpeechAct.ASKED)


def test_following_something_else_reports_no_speech(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss presented the Mission's work on water. Mr. Tuomas Rinne followed the debate from "
        "the gallery. She added that the Mission would publish a note."
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Mr. Tuomas Rinne followed")[0] == "voss-petra"


def test_an_answer_to_questions_from_two_people_answers_both(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme. Responding to "
        "questions from Ms. Ilona Sarvas and Mr. Tuomas Rinne, Dr. Voss said that funding was secured."
    )
    found = _interactions(extract(make_document(text)))
    for asker in ("sarvas-ilona", "rinne-tuomas"):
        assert ("voss-petra", asker, InteractionKind.ANSWERED) in found
        assert (asker, "voss-petra", InteractionKind.ASKED) in found


def test_a_reply_joined_to_a_question_in_one_sentence_answers_it(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss presented the Office's survey of river basins. Professor Aldo Ferrante also asked "
        "the Office whether the survey could cover the Alpine lakes, and Ms. Sarvas said that this would "
        "depend on funding. Ms. Ilona Sarvas of the Office thanked Professor Ferrante."
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Ms. Sarvas said") == ("sarvas-ilona", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("sarvas-ilona", "ferrante-aldo", InteractionKind.ANSWERED) in found
    assert ("ferrante-aldo", "sarvas-ilona", InteractionKind.ASKED) in found


def test_a_host_styled_his_or_her_excellency_hosts(make_document: MakeDocument) -> None:
    text = _report(
        "H.E. Mr. Bartek NOWICKI, Ambassador and Permanent Representative of Poland to the United Nations "
        "Office at Vienna, hosted Professor Solveig Halvorsen and the delegation at his residence. He "
        "recalled the Mission's support for the programme."
    )
    extraction = extract(make_document(text))
    assert ("nowicki-bartek", "halvorsen-solveig", InteractionKind.HOSTED) in _interactions(extraction)
    assert _speaker_at(extraction, "He recalled")[0] == "nowicki-bartek"


def test_being_briefed_by_someone_is_their_briefing(make_document: MakeDocument) -> None:
    text = _report(
        "At the Agency the visitors were briefed by Dr. Corin Maddox, Head of the Data Unit. He reminded "
        "them that only a third of stations reported daily. Professor Solveig Halvorsen asked whether the "
        "network would grow. Dr. Maddox conceded that the budget was flat."
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "At the Agency") == ("maddox-corin", SpeechAct.PRESENTED)
    assert _speaker_at(extraction, "He reminded them")[0] == "maddox-corin"
    assert _speaker_at(extraction, "Dr. Maddox conceded") == ("maddox-corin", SpeechAct.ANSWERED)
    assert ("maddox-corin", "halvorsen-solveig", InteractionKind.ANSWERED) in _interactions(extraction)


def test_meeting_someone_narrates_and_does_not_go_on_with_the_last_talk(make_document: MakeDocument) -> None:
    text = _report(
        "Ms. Solveig Halvorsen presented the Institute's research on fisheries.",
        "In the afternoon the group met Dr. Corin Maddox, Head of the Data Unit.",
    )
    extraction = extract(make_document(text))
    offset = text.index("In the afternoon")
    assert not any(
        s.span.start <= offset < s.span.end for s in extraction.statements if s.speaker == "halvorsen-solveig"
    )


def test_people_sharing_a_family_name_are_told_apart_by_title(make_document: MakeDocument) -> None:
    text = _report(
        "The delegation was led by Professor Nils BREKKE (University of Bergen). The visit was arranged "
        "by Ms. Sigrid Brekke, an alumna now working at the Office, who is not related to him.",
        "Ms. Sigrid Brekke presented the Office's programme on coastal towns. Professor Brekke asked her "
        "whether towns could apply directly. Ms. Brekke replied that they could. Professor Brekke thanked "
        "her for her answer.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Professor Brekke asked") == ("brekke-nils", SpeechAct.ASKED)
    assert _speaker_at(extraction, "Professor Brekke thanked")[0] == "brekke-nils"
    found = _interactions(extraction)
    assert ("brekke-nils", "brekke-sigrid", InteractionKind.ASKED) in found
    assert ("brekke-sigrid", "brekke-nils", InteractionKind.ANSWERED) in found


def test_a_second_presenter_speaking_right_after_a_question_to_no_one_answers_it(
    make_document: MakeDocument,
) -> None:
    text = _report(
        "Dr. Petra Voss presented the Office's survey of river basins. Mr. Janne Koivisto then spoke about "
        "the pledges made at the last summit.",
        "Professor Aldo Ferrante asked why so few pledges had been met. Mr. Koivisto said that reporting was "
        "voluntary. Ms. Ilona Sarvas noted that her university tracked the pledges.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Mr. Koivisto said") == ("koivisto-janne", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("koivisto-janne", "ferrante-aldo", InteractionKind.ANSWERED) in found
    assert _speaker_at(extraction, "Ms. Ilona Sarvas noted") == ("sarvas-ilona", SpeechAct.STATED)


def test_a_concern_that_ends_in_a_question_waits_for_an_answer(make_document: MakeDocument) -> None:
    text = _report(
        "At the Agency the visitors were briefed by Dr. Corin Maddox, Head of the Data Unit.",
        "Professor Aldo Ferrante cautioned that stations could not replace local observers, and asked how "
        "much of the budget came from donors. Dr. Maddox conceded that donors paid most of it.",
    )
    extraction = extract(make_document(text))
    concern = ("ferrante-aldo", SpeechAct.EXPRESSED_CONCERN)
    assert _speaker_at(extraction, "Professor Aldo Ferrante") == concern
    assert _speaker_at(extraction, "Dr. Maddox conceded") == ("maddox-corin", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("ferrante-aldo", "maddox-corin", InteractionKind.ASKED) in found
    assert ("maddox-corin", "ferrante-aldo", InteractionKind.ANSWERED) in found


def test_thanking_both_speakers_thanks_the_two_who_last_spoke(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss presented the Office's survey of river basins. Mr. Janne Koivisto then spoke about "
        "the pledges made at the last summit.",
        "Professor Aldo Ferrante asked why so few pledges had been met. Mr. Koivisto said that reporting was "
        "voluntary. Professor Ferrante thanked both speakers and invited Dr. Voss to visit Padua.",
    )
    found = _interactions(extract(make_document(text)))
    assert ("ferrante-aldo", "koivisto-janne", InteractionKind.THANKED) in found
    assert ("ferrante-aldo", "voss-petra", InteractionKind.THANKED) in found


def test_a_sentence_may_open_with_an_unnamed_speaker_and_its_article(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss presented the Office's survey of river basins. A doctoral student asked about the "
        "cost of the survey. A representative of a Chilean NGO asked Dr. Voss why the survey left out "
        "the glaciers.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "A doctoral student")[1] is SpeechAct.ASKED
    assert _speaker_at(extraction, "A doctoral student")[0].startswith("group-")
    speaker, act = _speaker_at(extraction, "A representative of")
    assert speaker.startswith("group-") and speaker.endswith("-representative") and act is SpeechAct.ASKED


def test_asking_her_whether_does_not_make_the_asker_a_woman(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss presented the Office's survey of river basins. Professor Kari Haugen asked her "
        "whether the survey would be repeated.",
    )
    people = {p.key: p for p in extract(make_document(text)).people}
    assert people["haugen-kari"].gender != "female"


def test_a_keynote_given_by_someone_and_an_overview_that_follows_are_presentations(
    make_document: MakeDocument,
) -> None:
    text = _report(
        "The keynote lecture was given by Dr. Petra Voss, Head of the Water Division.",
        "Mr. Janne Koivisto, Chief of the Data Section of the Agency, followed with an overview of the river "
        "treaties. In his view the oldest treaty had aged best.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "The keynote lecture") == ("voss-petra", SpeechAct.PRESENTED)
    assert _speaker_at(extraction, "Mr. Janne Koivisto") == ("koivisto-janne", SpeechAct.PRESENTED)
    assert _speaker_at(extraction, "In his view") == ("koivisto-janne", SpeechAct.STATED)


def test_taking_a_view_is_speech_and_taking_part_is_not(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss presented the Office's survey of river basins. Professor Aldo Ferrante took a "
        "different view. He argued that the survey counted the wrong rivers.",
        "Ms. Ilona Sarvas presented her university's tracker. Mr. Janne Koivisto took part in the visit as "
        "an observer. He noted that the tracker was public.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Professor Aldo Ferrante took") == ("ferrante-aldo", SpeechAct.STATED)
    assert _speaker_at(extraction, "Mr. Janne Koivisto took part")[0] == "sarvas-ilona"


def test_describing_right_after_a_briefing_one_gave_goes_on_with_it(make_document: MakeDocument) -> None:
    text = _report(
        "The first briefing was given by Ms. Ilona Sarvas, Programme Officer of the Water Division. "
        "Ms. Sarvas described the state of the river basins after the drought. She said that funding was "
        "short.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Ms. Sarvas described") == ("sarvas-ilona", SpeechAct.PRESENTED)
    assert _speaker_at(extraction, "She said") == ("sarvas-ilona", SpeechAct.STATED)


def test_a_title_after_the_askers_names_is_the_answering_subject_not_their_apposition(
    make_document: MakeDocument,
) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme. Responding to "
        "questions from Ms. Ilona Sarvas and Mr. Tuomas Rinne, the Director said that funding was secured.",
        "Ambassador Liesel MARQUARDT hosted a breakfast for the visitors. Responding to Professor Aldo "
        "Ferrante, the Ambassador explained that observers would be invited.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Responding to questions") == ("voss-petra", SpeechAct.ANSWERED)
    assert _speaker_at(extraction, "Responding to Professor") == ("marquardt-liesel", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    for asker in ("sarvas-ilona", "rinne-tuomas"):
        assert ("voss-petra", asker, InteractionKind.ANSWERED) in found
    assert ("marquardt-liesel", "ferrante-aldo", InteractionKind.ANSWERED) in found


def test_when_asked_by_and_a_possessive_question_name_the_asker(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme.",
        "When asked by Ms. Ilona Sarvas about the glaciers, Dr. Voss said that they were out of scope. "
        "Replying to Professor Aldo Ferrante's question on the budget, Dr. Voss noted that it was flat.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "When asked by") == ("voss-petra", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    for asker in ("sarvas-ilona", "ferrante-aldo"):
        assert ("voss-petra", asker, InteractionKind.ANSWERED) in found
        assert (asker, "voss-petra", InteractionKind.ASKED) in found


def test_a_question_put_to_someone_as_an_object_asks_them(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme.",
        "Ms. Ilona Sarvas posed a question to Dr. Voss about the glaciers. Dr. Voss replied that they were "
        "out of scope. Mr. Tuomas Rinne addressed two questions to Dr. Voss on funding. She answered that "
        "it was flat. Professor Aldo Ferrante directed his question to Dr. Voss. She responded that the "
        "survey would be repeated.",
        "Professor Aldo Ferrante directed the Institute for ten years, Dr. Voss recalled.",
    )
    extraction = extract(make_document(text))
    found = _interactions(extraction)
    for asker in ("sarvas-ilona", "rinne-tuomas", "ferrante-aldo"):
        assert (asker, "voss-petra", InteractionKind.ASKED) in found
        assert ("voss-petra", asker, InteractionKind.ANSWERED) in found
    assert _speaker_at(extraction, "Professor Aldo Ferrante directed the")[0] != "ferrante-aldo"


def test_people_hosted_by_someone_in_the_passive_are_their_guests(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme.",
        "Professor Kari Haugen and Ms. Ilona Sarvas were hosted by Dr. Voss at a dinner. Mr. Tuomas Rinne "
        "was received by the University of Turku.",
    )
    found = _interactions(extract(make_document(text)))
    assert ("voss-petra", "haugen-kari", InteractionKind.HOSTED) in found
    assert ("voss-petra", "sarvas-ilona", InteractionKind.HOSTED) in found
    assert not any(kind is InteractionKind.HOSTED and "rinne-tuomas" in (a, b) for a, b, kind in found)


def test_post_titles_named_alone_in_lower_case_stand_for_their_holders(make_document: MakeDocument) -> None:
    text = _report(
        "Mr. Janne Koivisto, Counsellor at the Permanent Mission of Finland, presented the Mission's "
        "priorities. Professor Aldo Ferrante asked about the budget. The counsellor replied that it was "
        "flat.",
        "Ms. Ilona Sarvas, Deputy Director of the Water Division, spoke next. Dr. Kari Haugen asked "
        "whether the Division was hiring. The deputy director answered that it was not.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "The counsellor replied") == ("koivisto-janne", SpeechAct.ANSWERED)
    assert _speaker_at(extraction, "The deputy director") == ("sarvas-ilona", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("koivisto-janne", "ferrante-aldo", InteractionKind.ANSWERED) in found
    assert ("sarvas-ilona", "haugen-kari", InteractionKind.ANSWERED) in found


def test_replying_to_someone_by_name_answers_them_without_a_question(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme.",
        "Professor Aldo Ferrante commented that the programme ignored the glaciers. Ms. Ilona Sarvas noted "
        "that the glaciers were melting. Dr. Voss responded to Professor Ferrante that glaciers were in the "
        "next plan.",
    )
    found = _interactions(extract(make_document(text)))
    assert ("voss-petra", "ferrante-aldo", InteractionKind.ANSWERED) in found
    assert ("voss-petra", "sarvas-ilona", InteractionKind.ANSWERED) not in found


def test_a_question_answered_by_someone_in_the_passive_names_its_asker(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme.",
        "Professor Aldo Ferrante's question on data was answered by Dr. Voss, who said the data were open.",
    )
    found = _interactions(extract(make_document(text)))
    assert ("voss-petra", "ferrante-aldo", InteractionKind.ANSWERED) in found
    assert ("ferrante-aldo", "voss-petra", InteractionKind.ASKED) in found


def test_in_response_after_the_subject_makes_an_answer(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss, Director of the Water Division, presented the Division's programme.",
        "Professor Aldo Ferrante asked whether the plan covered the Alps. Ms. Ilona Sarvas, in response, "
        "noted that the Alps were covered.",
    )
    extraction = extract(make_document(text))
    assert _speaker_at(extraction, "Ms. Ilona Sarvas, in") == ("sarvas-ilona", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("sarvas-ilona", "ferrante-aldo", InteractionKind.ANSWERED) in found
    assert ("ferrante-aldo", "sarvas-ilona", InteractionKind.ASKED) in found


def test_they_or_both_answering_a_question_to_two_people_are_those_two(make_document: MakeDocument) -> None:
    text = _report(
        "Dr. Petra Voss presented the Division's programme. Mr. Janne Koivisto presented the Mission's view.",
        "Professor Aldo Ferrante asked Dr. Voss and Mr. Koivisto whether the plan covered the Alps. They "
        "replied that it did. Ms. Ilona Sarvas asked the two speakers about funding. Both answered that "
        "funding was flat.",
    )
    found = _interactions(extract(make_document(text)))
    for person in ("voss-petra", "koivisto-janne"):
        assert (person, "ferrante-aldo", InteractionKind.ANSWERED) in found
        assert ("sarvas-ilona", person, InteractionKind.ASKED) in found
        assert (person, "sarvas-ilona", InteractionKind.ANSWERED) in found


def test_thanking_him_or_her_thanks_the_latest_other_speaker_of_that_gender(
    make_document: MakeDocument,
) -> None:
    text = _report(
        "Dr. Petra Voss presented the Division's programme. Mr. Janne Koivisto presented the Mission's view.",
        "Professor Aldo Ferrante asked about the budget. Mr. Koivisto answered that it was flat. Ms. Ilona "
        "Sarvas noted that the budget had been flat for years. Professor Ferrante thanked him for the "
        "answer.",
    )
    found = _interactions(extract(make_document(text)))
    assert ("ferrante-aldo", "koivisto-janne", InteractionKind.THANKED) in found
    assert ("ferrante-aldo", "sarvas-ilona", InteractionKind.THANKED) not in found

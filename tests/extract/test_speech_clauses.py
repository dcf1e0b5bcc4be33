"""Clauses that report speech of their own inside one sentence or across paragraphs: semicolon clauses,
lists of people thanked, pronouns that stand for the person a question was put to, hosting."""

from __future__ import annotations

from collections.abc import Callable

from speech_support import interactions as _interactions
from speech_support import speaker_at as _speaker_at

from unkg.extract import extract
from unkg.model import Document, InteractionKind, SpeechAct

MakeDocument = Callable[..., Document]


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


PRONOUN_ANSWERS = "\n\n".join(
    [
        "Session 3: Visit to the International Telecommunication Union",
        "Ms. Sigrid Halvorsen, Chief, Spectrum Policy Section, ITU, briefed the participants on spectrum.",
        "Professor WEN Bo of Fudan University asked Ms. Halvorsen how satellite slots were shared.",
        "Ms. Halvorsen replied that a filing procedure applied to all Member States.",
        "Associate Professor Kaito ARIMURA of Niigata University urged the Union to publish its data. "
        "He noted that the rules were being revised and wondered whether universities had been consulted.",
        "She answered that a public consultation would open in the spring.",
        "Professor Jun SAKAMOTO asked Mr. Lucas Ferreira whether the Union tracked rural coverage.",
        "He explained that a new index would be published in the autumn.",
    ]
)


def test_a_pronoun_opening_the_paragraph_after_a_question_is_the_person_asked(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(PRONOUN_ANSWERS))
    assert _speaker_at(extraction, "He explained that") == ("ferreira-lucas", SpeechAct.ANSWERED)
    assert ("ferreira-lucas", "sakamoto-jun", InteractionKind.ANSWERED) in _interactions(extraction)


def test_a_pronoun_goes_to_the_only_recent_person_its_gender_fits(make_document: MakeDocument) -> None:
    extraction = extract(make_document(PRONOUN_ANSWERS))
    # "He noted" showed that Arimura is a man: "She answered" is the official asked before, not him
    assert _speaker_at(extraction, "He noted that")[1] is SpeechAct.ASKED
    assert _speaker_at(extraction, "She answered that") == ("halvorsen-sigrid", SpeechAct.ANSWERED)
    assert ("halvorsen-sigrid", "arimura-kaito", InteractionKind.ANSWERED) in _interactions(extraction)


def test_genders_shown_only_by_resolved_pronouns(make_document: MakeDocument) -> None:
    genders = {p.key: p.gender for p in extract(make_document(PRONOUN_ANSWERS)).people}
    assert genders["arimura-kaito"] == "male"  # "He noted", resolved to him
    assert genders["wen-bo"] is None  # no pronoun stood for him: never a gender from the name


VERBS = "\n\n".join(
    [
        "Session 4: Visit to the World Trade Organization",
        "Mr. Arvid Lindqvist-Moe, Counsellor, Trade Policy Division, WTO, briefed the participants on the "
        "dispute settlement system.",
        "He underscored that the Appellate Body had not sat since 2019. He maintained that reform was "
        "possible. He contended that plurilateral deals filled some gaps.",
        "Professor Hina TAKEUCHI of Osaka University invited the Counsellor to compare the two systems.",
        "In closing, Professor Takeuchi summarised the discussion.",
    ]
)


def test_more_reporting_verbs(make_document: MakeDocument) -> None:
    extraction = extract(make_document(VERBS))
    assert _speaker_at(extraction, "Mr. Arvid") == ("lindqvist-moe-arvid", SpeechAct.PRESENTED)
    for start in ("He underscored", "He maintained", "He contended"):
        assert _speaker_at(extraction, start) == ("lindqvist-moe-arvid", SpeechAct.STATED)
    assert _speaker_at(extraction, "Professor Hina") == ("takeuchi-hina", SpeechAct.PROPOSED)
    assert _speaker_at(extraction, "In closing")[0] == "takeuchi-hina"


HOSTS = "\n\n".join(
    [
        "Session 5: Dinner at the Faculty Club",
        "Professor Marisol Ibarra, Dean of the Faculty of Law, hosted Dr. KWON Dae-sung at a dinner.",
        "Ambassador Lotte Brinkmann hosted a lunch for Professor Tadashi Uemura.",
    ]
)


def test_hosted_after_an_apposition_or_with_a_lunch_for(make_document: MakeDocument) -> None:
    hosted = {
        (s, t) for s, t, k in _interactions(extract(make_document(HOSTS))) if k is InteractionKind.HOSTED
    }
    assert hosted == {("ibarra-marisol", "kwon-dae-sung"), ("brinkmann-lotte", "uemura-tadashi")}


ACTS = "\n\n".join(
    [
        "Session 6: Visit to the International Organization for Migration",
        "The session was chaired by Dr. Anneliese Vogt of Leipzig University.",
        "Ms. Farida Osmani, Director of the Labour Mobility Division, opened the meeting and presented the "
        "Organization's data on remittances. She concluded by calling for cheaper transfers.",
        "Professor Kenta MURAKAMI of Chiba University noted that fees had fallen and cautioned against "
        "complacency. He questioned, however, whether the data covered informal channels.",
        "Another participant wondered whether the Organization worked with banks.",
        "Following the session, Professor Odette Ravel, Head of the Migration Lab, hosted Mr. Murakami at a "
        "lunch. She noted that the Lab would host the next meeting.",
    ]
)


def test_acts_from_the_words_around_the_verb(make_document: MakeDocument) -> None:
    extraction = extract(make_document(ACTS))
    assert _speaker_at(extraction, "The session was chaired") == ("vogt-anneliese", SpeechAct.STATED)
    assert _speaker_at(extraction, "She concluded by calling") == ("osmani-farida", SpeechAct.PROPOSED)
    assert _speaker_at(extraction, "Professor Kenta")[1] is SpeechAct.EXPRESSED_CONCERN  # "... and cautioned"
    assert _speaker_at(extraction, "He questioned, however")[1] is not SpeechAct.ASKED  # a doubt


def test_unnamed_another_participant_and_the_subject_of_a_sentence_without_speech(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(ACTS))
    assert _speaker_at(extraction, "Another participant")[0].startswith("group-")
    # "Following the session, Professor Ravel, Head of ..., hosted ...": she is the "She" after
    assert _speaker_at(extraction, "She noted that the Lab") == ("ravel-odette", SpeechAct.STATED)


MORE_VERBS = "\n\n".join(
    [
        "Session 7: Visit to the International Committee of the Red Cross",
        "Ms. Beatriz Okafor-Lindahl, Head of the Legal Division, ICRC, outlined the rules on detention.",
        "Dr. MATSUDA Rie of Tohoku University voiced concern about the treatment of detainees.",
        "Mr. Ganbold Erdene queried whether visits were announced in advance.",
        "Ms. Okafor-Lindahl reiterated that visits were never announced.",
    ]
)


def test_a_broader_set_of_reporting_verbs(make_document: MakeDocument) -> None:
    extraction = extract(make_document(MORE_VERBS))
    assert _speaker_at(extraction, "Ms. Beatriz")[1] is SpeechAct.PRESENTED
    assert _speaker_at(extraction, "Dr. MATSUDA") == ("matsuda-rie", SpeechAct.EXPRESSED_CONCERN)
    assert _speaker_at(extraction, "Mr. Ganbold") == ("erdene-ganbold", SpeechAct.ASKED)
    assert _speaker_at(extraction, "Ms. Okafor-Lindahl reiterated")[0] == "okafor-lindahl-beatriz"


INTRODUCED = "\n\n".join(
    [
        "Session 8: Panel on Ocean Governance",
        "Dr. Marguerite Oyelowo-Baines, Senior Fellow at the Ocean Policy Centre, presented the panel.",
        "Professor NAKAYAMA Sora of Hokkaido University, a former Legal Officer at the International "
        "Seabed Authority, traced the history of deep-sea mining rules. She recalled the 1994 Agreement.",
        "Mr. Pablo Arrieta, Counsellor at the Mission of Chile, joined the panel after the break.",
    ]
)


def test_a_paragraph_opening_with_an_introduced_person_and_an_unknown_verb(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(INTRODUCED))
    assert _speaker_at(extraction, "Professor NAKAYAMA") == ("nakayama-sora", SpeechAct.PRESENTED)
    assert _speaker_at(extraction, "She recalled")[0] == "nakayama-sora"
    # "joined" never reports speech: no statement of his
    assert "arrieta-pablo" not in {s.speaker for s in extraction.statements}


COMMENTS = "\n\n".join(
    [
        "Session 9: Visit to the World Health Organization",
        "Dr. Ingeborg Faller, Unit Head, Health Emergencies Programme, WHO, briefed the participants on "
        "pandemic preparedness. She remarked that financing remained fragile.",
        "As discussant, Professor Li-wen CHOU of National Taiwan University commended the briefing. She "
        "questioned, however, whether the new fund would reach small States.",
    ]
)


def test_comments_by_role_and_remarks_within_a_talk(make_document: MakeDocument) -> None:
    extraction = extract(make_document(COMMENTS))
    assert _speaker_at(extraction, "She remarked") == ("faller-ingeborg", SpeechAct.STATED)
    assert _speaker_at(extraction, "As discussant")[1] is SpeechAct.COMMENTED
    assert _speaker_at(extraction, "She questioned, however") == ("chou-li-wen", SpeechAct.COMMENTED)


TWO_ASKED = "\n\n".join(
    [
        "Session 10: Visit to the Office for Disarmament Affairs",
        "Ms. Greta Sundqvist, Political Affairs Officer, UNODA, and Mr. Ahmed Rashidi, Programme Manager, "
        "UNODA, presented the Office's work on small arms.",
        "Dr. BAEK Min-seo of Kyung Hee University asked Ms. Sundqvist and Mr. Rashidi whether the register "
        "covered drones.",
        "Ms. Sundqvist replied that it did not yet.",
    ]
)


def test_a_question_to_two_named_people_asks_both(make_document: MakeDocument) -> None:
    found = _interactions(extract(make_document(TWO_ASKED)))
    assert ("baek-min-seo", "sundqvist-greta", InteractionKind.ASKED) in found
    assert ("baek-min-seo", "rashidi-ahmed", InteractionKind.ASKED) in found
    assert ("sundqvist-greta", "baek-min-seo", InteractionKind.ANSWERED) in found


ANSWER_FORMS = "\n\n".join(
    [
        "Session 11: Visit to the United Nations Environment Programme",
        "Ms. Wanjiru Mbeki-Strand, Programme Officer, UNEP, presented the Global Peatlands Initiative.",
        "Professor LIANG Hao of Nanjing University asked how peat fires were monitored.",
        "She answered that satellites flagged hot spots every six hours.",
        "Dr. Piotr Zawadzki asked whether the data were public. The question was answered by "
        "Ms. Mbeki-Strand, who said that they were.",
        "Asked about funding, Ms. Mbeki-Strand said that two donors had joined.",
        "According to Professor Liang, the monitoring had improved markedly.",
    ]
)


def test_answers_in_other_forms(make_document: MakeDocument) -> None:
    extraction = extract(make_document(ANSWER_FORMS))
    # "She answered" after a question by a man nobody named the gender of: not the asker
    assert _speaker_at(extraction, "She answered") == ("mbeki-strand-wanjiru", SpeechAct.ANSWERED)
    assert _speaker_at(extraction, "The question was answered") == (
        "mbeki-strand-wanjiru",
        SpeechAct.ANSWERED,
    )
    assert ("mbeki-strand-wanjiru", "zawadzki-piotr", InteractionKind.ANSWERED) in _interactions(extraction)
    assert _speaker_at(extraction, "Asked about funding") == ("mbeki-strand-wanjiru", SpeechAct.ANSWERED)
    assert _speaker_at(extraction, "According to Professor Liang") == ("liang-hao", SpeechAct.STATED)


ASKED_NEXT = "\n\n".join(
    [
        "Session 12: Panel on Migration Data",
        "Professor Ruth Abergel of Tel Aviv University opened the panel. Mr. Kofi Asante, Statistician at "
        "the Migration Data Portal, presented the new dashboard.",
        "Dr. SHIN Yu-na asked Ms. Paula Reinholt, Demographer at the Population Division, whether census "
        "rounds captured return migration.",
        "Ms. Reinholt explained that only a third of countries asked the question.",
        "After the panel, Professor Abergel hosted the speakers at a dinner in the old town.",
    ]
)


def test_the_person_asked_by_name_who_speaks_next_answers(make_document: MakeDocument) -> None:
    extraction = extract(make_document(ASKED_NEXT))
    assert _speaker_at(extraction, "Ms. Reinholt explained") == ("reinholt-paula", SpeechAct.ANSWERED)
    assert ("reinholt-paula", "shin-yu-na", InteractionKind.ANSWERED) in _interactions(extraction)


def test_a_paragraph_narrating_a_dinner_does_not_go_on_with_the_last_talk(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(ASKED_NEXT))
    text = extraction.document.text
    dinner = text.index("After the panel")
    assert not any(s.span.start == dinner for s in extraction.statements)


GOING_ON = "\n\n".join(
    [
        "Session 13: Visit to the World Food Programme",
        "Mr. Henrik Aalto, Deputy Director, WFP, presented the Programme's work in the Sahel.",
        "Professor Jun SAKAI asked Mr. Aalto whether school meals were funded locally.",
        "He also noted that Japan had funded school meals in Cambodia.",
    ]
)


def test_a_pronoun_going_on_after_a_question_is_still_the_asker(make_document: MakeDocument) -> None:
    extraction = extract(make_document(GOING_ON))
    assert _speaker_at(extraction, "He also noted")[0] == "sakai-jun"


MENTIONED = "\n\n".join(
    [
        "Session 14: Visit to the International Trade Centre",
        "Ms. Adaeze Nwankwo, Chief, Trade Facilitation, ITC, presented the Centre's work on small firms. "
        "In 2021, Professor Jin-ho Bae launched a network of trade scholars. She noted that the network "
        "had grown to forty universities.",
    ]
)


def test_a_person_only_mentioned_after_an_opening_phrase_is_no_pronoun_candidate(
    make_document: MakeDocument,
) -> None:
    extraction = extract(make_document(MENTIONED))
    assert _speaker_at(extraction, "She noted that the network")[0] == "nwankwo-adaeze"


NOTED_AND_URGED = "\n\n".join(
    [
        "Session 15: Visit to the World Meteorological Organization",
        "Dr. Sefa Mensah-Bonsu, Chief, Early Warning Unit, WMO, presented the new alert protocol.",
        "Professor Ryota OKADA asked how alerts reached fishing villages.",
        "Dr. Mensah-Bonsu noted that radio remained essential and urged governments to fund community radio.",
    ]
)


def test_a_presenters_reply_that_also_urges_still_answers(make_document: MakeDocument) -> None:
    found = _interactions(extract(make_document(NOTED_AND_URGED)))
    assert ("mensah-bonsu-sefa", "okada-ryota", InteractionKind.ANSWERED) in found


ANSWER_INTROS = "\n\n".join(
    [
        "Session 16: Visit to UNICEF",
        "Ms. Hanna Berggren, Chief, Child Protection, UNICEF, presented the agency's work on birth "
        "registration.",
        "Professor TAN Wei of Fudan University asked whether digital registration reached rural areas, to "
        "which Ms. Berggren replied that coverage was still uneven.",
        "Responding to a question from Ms. Oyun Bold on refugees, Ms. Berggren noted that refugee children "
        "were registered in camps.",
    ]
)


def test_answers_to_which_and_to_a_named_questioner(make_document: MakeDocument) -> None:
    extraction = extract(make_document(ANSWER_INTROS))
    assert _speaker_at(extraction, "Ms. Berggren replied") == ("berggren-hanna", SpeechAct.ANSWERED)
    found = _interactions(extraction)
    assert ("berggren-hanna", "tan-wei", InteractionKind.ANSWERED) in found
    assert ("berggren-hanna", "bold-oyun", InteractionKind.ANSWERED) in found
    assert all(s.addressee != s.speaker for s in extraction.statements)

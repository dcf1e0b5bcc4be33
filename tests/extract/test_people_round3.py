"""People in unseen report shapes, round 3: a Mongolian patronymic initial before the given name,
programme and anniversary phrases that look like names, hyphenated diplomatic titles. Invented text only."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract
from unkg.extract.resolve import introduced_genders
from unkg.model import Document, Extraction, Span

MakeDocument = Callable[..., Document]


def _keys(extraction: Extraction) -> list[str]:
    return [person.key for person in extraction.people]


def test_a_patronymic_initial_before_the_given_name_is_the_person_named_in_full(
    make_document: MakeDocument,
) -> None:
    text = (
        "Dr. D. Oyunchimeg of the Mongolian University of Life Sciences asked about pasture loss.\n\n"
        "Oyunchimeg Davaasuren, Lecturer, Mongolian University of Life Sciences\n\n"
        "Dr. Kh. Altansukh of the Institute of Geography commented on the dust storms.\n\n"
        "KHURELBAATAR Altansukh, Researcher, Institute of Geography\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["davaasuren-oyunchimeg", "khurelbaatar-altansukh"]


def test_a_patronymic_initial_that_fits_no_family_name_stays_apart(make_document: MakeDocument) -> None:
    text = (
        "Dr. T. Oyunchimeg of the Mongolian University of Life Sciences asked about pasture loss.\n\n"
        "Oyunchimeg Davaasuren, Lecturer, Mongolian University of Life Sciences\n"
    )
    extraction = extract(make_document(text))
    assert len(extraction.people) == 2


def test_programmes_and_anniversaries_are_no_people(make_document: MakeDocument) -> None:
    text = (
        "Seminar 3 - 4 May 2023 (online)\n"
        "Land Rights Forty Years after Lusaka\n\n"
        "Professor Ines Valdoro of Kestrel University asked whether Chile's Shared Offset Mechanism "
        "counted the same projects twice.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["valdoro-ines"]


def test_a_hyphenated_diplomatic_title_is_no_part_of_the_name(make_document: MakeDocument) -> None:
    text = (
        "The students met **Minister-Counsellor Seo Min-ju**, Deputy Permanent Representative of the "
        "Republic of Korea in Geneva. She spoke about the mission's work.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["seo-min-ju"]


def _gender(extraction: Extraction, key: str) -> str | None:
    return next(person.gender for person in extraction.people if person.key == key)


def test_a_pronoun_opening_the_next_sentence_shows_the_gender_of_a_lone_person(
    make_document: MakeDocument,
) -> None:
    text = (
        "At the agency we were received by Dr. Tomasz Wierzbicki, Senior Adviser to the Deputy Director. "
        "His subject was the new trade rules.\n\n"
        "The group then met Counsellor Baek Ha-neul, Deputy Head of the Permanent Mission of the Republic "
        "of Korea. She described the mission's work.\n"
    )
    extraction = extract(make_document(text))
    assert _gender(extraction, "wierzbicki-tomasz") == "male"
    assert _gender(extraction, "baek-ha-neul") == "female"


def test_a_relative_clause_or_that_clause_shows_the_gender_of_a_lone_person(
    make_document: MakeDocument,
) -> None:
    text = (
        "The meeting was opened by Professor LIANG Wenbo, Dean of the School of Law of Eastbank University, "
        "who, in his capacity as convener, welcomed the guests.\n\n"
        "Dr. Sato Emiri of Lakeshore University wrote in the chat that she wanted to know more.\n"
    )
    extraction = extract(make_document(text))
    assert _gender(extraction, "liang-wenbo") == "male"
    assert _gender(extraction, "sato-emiri") == "female"


def test_a_pronoun_after_two_people_or_after_a_fragment_shows_no_gender(make_document: MakeDocument) -> None:
    text = (
        "Professor Ilse Marwood of Greyfield University met Dr. Paulo Anstey of the Regional Office. "
        "She asked about the budget.\n\n"
        "and Dr. Rowan Teague, Lecturer, Greyfield University, at the Regional Office. He spoke first.\n"
    )
    extraction = extract(make_document(text))
    assert _gender(extraction, "anstey-paulo") is None
    assert _gender(extraction, "teague-rowan") is None


def test_a_well_known_un_venue_names_its_host(make_document: MakeDocument) -> None:
    text = (
        "Study Visit to Geneva, 3-4 June 2023\n\n"
        "Session 1: Briefing at the Palais des Nations\n\n"
        "Ms. Clara Voss, Chief of Conference Services, welcomed the group. Professor Ito Daichi asked "
        "about the budget.\n\n"
        "Session 2: Morning at the Vienna International Centre\n\n"
        "Mr. Arno Lindqvist, Legal Officer, described the treaty. Professor Ito Daichi thanked him.\n"
    )
    extraction = extract(make_document(text))
    assert [session.host for session in extraction.sessions] == ["unog", "unov"]


def test_an_affiliation_in_a_city_gives_the_country(make_document: MakeDocument) -> None:
    text = (
        "Professor Haruki Ota of Kitano University asked about water, and Mr. Ganzorig Temuulen, a "
        "researcher at the Centre for Grassland Policy in Almaty, asked about housing.\n\n"
        "Ms. Ana Ruiz, a lecturer at the Institute of River Studies in Hanoi, spoke next.\n"
    )
    extraction = extract(make_document(text))
    countries = {person.key: person.country for person in extraction.people}
    assert countries["temuulen-ganzorig"] == "KAZ"
    assert countries["ruiz-ana"] == "VNM"


def test_a_sentence_with_pronouns_of_both_genders_shows_no_gender_to_the_next() -> None:
    first = "Professor MURATA Sho, who taught in Chile before he joined the faculty, asked her about funding."
    second = " She said that funding was short."
    text = first + second
    sentences = [Span(0, len(first)), Span(len(first) + 1, len(text))]
    name = Span(text.index("MURATA"), text.index(","))
    assert introduced_genders(text, sentences, [(name, "murata-sho")]) == {}
    lone = "Professor MURATA Sho spoke on funding."
    text = lone + second
    sentences = [Span(0, len(lone)), Span(len(lone) + 1, len(text))]
    assert introduced_genders(text, sentences, [(name, "murata-sho")]) == {"murata-sho": {"female": 1}}

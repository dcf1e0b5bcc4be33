"""Name forms that are one person or no person: double family names, particles in capitals,
organization names that look like personal names."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract
from unkg.extract.names import tidy_part
from unkg.model import Document, Extraction

MakeDocument = Callable[..., Document]


def _keys(extraction: Extraction) -> list[str]:
    return [person.key for person in extraction.people]


def test_titled_double_family_name_is_the_full_name_person(make_document: MakeDocument) -> None:
    text = (
        "Mr. Rodrigo Valdés Iturbe, Senior Adviser, United Nations Office at Vienna, opened the meeting.\n\n"
        "Professor Hana SEKINE asked Mr. Valdés Iturbe whether the review would be public.\n\n"
        "Mr. Valdés Iturbe replied that the findings would be published in the spring.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["sekine-hana", "valdes-iturbe-rodrigo"]
    person = next(p for p in extraction.people if p.key == "valdes-iturbe-rodrigo")
    assert person.family_name == "Valdés Iturbe"
    assert person.given_name == "Rodrigo"
    answer = next(s for s in extraction.statements if s.act.value == "answered")
    assert answer.speaker == "valdes-iturbe-rodrigo"


def test_first_of_two_family_names_alone_is_the_person(make_document: MakeDocument) -> None:
    text = (
        "Dr. Beatriz Olmedo Carvalho of the Office of Legal Affairs presented the draft.\n\n"
        "Professor Jun-ho BAEK asked Dr. Olmedo whether the text was final.\n\n"
        "Dr. Olmedo answered that two articles were still open.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["baek-jun-ho", "olmedo-carvalho-beatriz"]


def test_two_people_sharing_a_double_family_name_are_not_merged(make_document: MakeDocument) -> None:
    text = (
        "Ms. Lucía Ferrer Amado and Mr. Iñigo Ferrer Amado, both of the Instituto Cervantes, joined.\n\n"
        "Professor Akane MURATA thanked Ms. Ferrer Amado for her remarks.\n"
    )
    extraction = extract(make_document(text))
    assert [k for k in _keys(extraction) if "ferrer" in k] == ["amado-inigo-ferrer", "ferrer-amado-lucia"]
    thanks = [(i.source, i.target) for i in extraction.interactions if i.kind.value == "thanked"]
    assert thanks == [("murata-akane", "ferrer-amado-lucia")]  # "Ms.": the woman of the two


def test_one_name_split_in_two_places_is_one_person(make_document: MakeDocument) -> None:
    text = (
        "Dr. Inés PRADO SOLER, Programme Officer, UNESCO\n\n"
        "Dr. Inés Prado Soler of UNESCO explained the programme.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["prado-soler-ines"]


def test_particles_in_capitals_stay_in_the_family_name(make_document: MakeDocument) -> None:
    text = (
        "Photo: Marie-Claude DE LA FONTAINE, Director, UNHCR, and Bruno DOS REIS, Adviser, WIPO\n\n"
        "Ms. Marie-Claude de la Fontaine welcomed the participants. Mr. dos Reis presented the treaty.\n\n"
        "VAN DEN HOUT Pieter-Jan, Lecturer, Kobe University\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["de-la-fontaine-marie-claude", "dos-reis-bruno", "van-den-hout-pieter-jan"]
    names = {p.key: p.name for p in extraction.people}
    assert names["de-la-fontaine-marie-claude"] == "Marie-Claude de la Fontaine"


def test_tidy_part_lowers_particles_but_not_arabic_articles() -> None:
    assert tidy_part("VAN DER BERG") == "van der Berg"
    assert tidy_part("EL KADY") == "El Kady"
    assert tidy_part("HONG-SHENG") == "Hong-Sheng"


def test_an_east_asian_name_after_of_is_a_person_but_a_place_is_not(make_document: MakeDocument) -> None:
    text = (
        "Professor Ewa MALINOWSKA presented the findings. The notes were taken with the help of "
        "Takumi Nakano.\n\n"
        "The delegation visited the University of Hong Kong and the Department of Operational Support.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["malinowska-ewa", "nakano-takumi"]


def test_organization_names_in_other_languages_are_not_people(make_document: MakeDocument) -> None:
    text = (
        "Ms. Odile MARCHETTI (Agence Française de Développement) and Mr. Lars Ekdahl (Nordische "
        "Gesellschaft für Internationale Entwicklung) joined the roundtable.\n"
    )
    assert _keys(extract(make_document(text))) == ["ekdahl-lars", "marchetti-odile"]


def test_an_acronym_with_a_venue_word_is_a_place_not_a_person(make_document: MakeDocument) -> None:
    text = (
        "Expert meeting on water security, UNICEF House, Dushanbe, Friday 3 April 2026\n\n"
        "Professor Bakhyt ORAZOVA opened the meeting at the Harmony Pavilion.\n"
    )
    assert _keys(extract(make_document(text))) == ["orazova-bakhyt"]


def test_plural_posts_and_body_words_make_a_group_not_a_person(make_document: MakeDocument) -> None:
    text = (
        "Professor Sunil Wickrama recalled that APEC Trade Ministers had endorsed the plan and that "
        "Mekong Rectors met every year.\n"
    )
    assert _keys(extract(make_document(text))) == ["wickrama-sunil"]


def test_english_heads_of_body_names_end_a_person_run(make_document: MakeDocument) -> None:
    text = (
        "Professor Amira Haddad noted that Lindgren Endowment grants and Ferreira Observatory data "
        "were used.\n"
    )
    assert _keys(extract(make_document(text))) == ["haddad-amira"]


def test_family_name_first_of_a_three_part_name_is_the_person(make_document: MakeDocument) -> None:
    text = (
        "Ms. Pham Thu Hien, Researcher, Vietnam Academy of Social Sciences, asked Dr. Lukas Ott about "
        "river data.\n\n"
        "Dr. Ott replied that the data were shared. Ms. Pham thanked Dr. Ott.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["ott-lukas", "pham-thu-hien"]
    thanks = [(i.source, i.target) for i in extraction.interactions if i.kind.value == "thanked"]
    assert thanks == [("pham-thu-hien", "ott-lukas")]


def test_leading_initials_after_a_title_stay_in_the_name(make_document: MakeDocument) -> None:
    text = (
        "Dr. Ch. Oyunbileg of the Mongolian Academy of Sciences asked Dr. R. S. Iyer about glaciers.\n\n"
        "Dr. Iyer answered that the survey was new. Dr. Oyunbileg thanked him.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["iyer-r-s", "oyunbileg-ch"]


def test_a_venue_word_is_still_a_family_name_after_a_title(make_document: MakeDocument) -> None:
    text = "The talks were held at WFP House. Dr. Miriam House asked Professor Jin-ho YANG about food aid.\n"
    assert _keys(extract(make_document(text))) == ["house-miriam", "yang-jin-ho"]


def test_operations_agreements_and_prizes_are_not_people(make_document: MakeDocument) -> None:
    text = (
        "Professor Dilnoza Karimova recalled that Operation Halcyon had ended, that Almaty Water Accord "
        "targets were missed and that Sakharov Prize laureates had spoken.\n"
    )
    assert _keys(extract(make_document(text))) == ["karimova-dilnoza"]


def test_a_family_name_that_is_a_plural_of_a_body_word_stays_a_name(make_document: MakeDocument) -> None:
    text = "Professor Chae-won HAN cited Imogen Banks and Regional Directors on the budget.\n"
    assert _keys(extract(make_document(text))) == ["banks-imogen", "han-chae-won"]


def test_a_family_name_in_capitals_that_is_also_an_acronym_stays_a_name(make_document: MakeDocument) -> None:
    text = (
        "Photo: Harriet CASS, Lecturer, Kobe University, and Kelvin AU, Research Fellow, HKU\n\n"
        "The delegation then visited UN House.\n"
    )
    assert _keys(extract(make_document(text))) == ["au-kelvin", "cass-harriet"]

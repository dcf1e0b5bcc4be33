"""People in unseen report shapes, round 2: shared family names told apart by title, initials,
label lines in Markdown, organization and country names that look like names, countries and genders
from the words around a person. Invented text only."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract
from unkg.model import Document, Extraction

MakeDocument = Callable[..., Document]


def _keys(extraction: Extraction) -> list[str]:
    return [person.key for person in extraction.people]


def _speaker_at(extraction: Extraction, text: str, opening: str) -> str:
    """The speaker of the statement starting with ``opening``."""
    start = text.index(opening)
    return next(s.speaker for s in extraction.statements if s.span.start == start)


def test_a_shared_family_name_goes_to_the_person_with_that_title(make_document: MakeDocument) -> None:
    text = (
        "Professor Haneul JOO of Pusan National University led the group.\n\n"
        "Dr. Joo Eun-bi of the World Food Programme briefed the students on school meals.\n\n"
        "Professor Joo asked whether the programme bought food from local farmers.\n\n"
        "Dr. Joo answered that half of the food was bought locally.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["joo-eun-bi", "joo-haneul"]
    assert _speaker_at(extraction, text, "Professor Joo asked") == "joo-haneul"
    assert _speaker_at(extraction, text, "Dr. Joo answered") == "joo-eun-bi"


def test_initials_before_a_family_name_are_the_person_spelled_out(make_document: MakeDocument) -> None:
    text = (
        "Prof. Galsan Tuvshinjargal, Director of the Institute of Philosophy, Mongolian Academy of Sciences, "
        "opened the seminar.\n\n"
        "Moderator: Prof. G. Tuvshinjargal\n\n"
        "Dr. Orla Kinsella of the World Health Organization presented the survey.\n\n"
        "Prof. Tuvshinjargal asked Dr. Kinsella whether the survey covered herders.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["kinsella-orla", "tuvshinjargal-galsan"]


def test_initials_fitting_two_people_stay_apart(make_document: MakeDocument) -> None:
    text = (
        "Dr. Tomas Reyes and Dr. Teresa Reyes of the Universidad de Chile attended.\n\n"
        "Dr. T. Reyes presented the findings.\n"
    )
    extraction = extract(make_document(text))
    assert "reyes-tomas" in _keys(extraction) and "reyes-teresa" in _keys(extraction)
    assert len([k for k in _keys(extraction) if k.startswith("reyes")]) == 3


def test_a_label_line_of_people_names_them_without_titles(make_document: MakeDocument) -> None:
    text = (
        "# Seminar on Water Security in Central Asia\n\n"
        "**Venue:** Khovd State University, Khovd\n"
        "**Rapporteurs:** Saruul-Erdene Dorjsuren and Haruto Ikeda (Tohoku University)\n"
        "**Language:** English Only\n\n"
        "Ms. Lina Marchetti of UNEP opened the seminar.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["dorjsuren-saruul-erdene", "ikeda-haruto", "marchetti-lina"]


def test_a_title_case_heading_with_a_colon_names_nobody(make_document: MakeDocument) -> None:
    text = "Session 2: Green Bonds Vanguard Funds\n\nMs. Lina Marchetti of UNEP opened the session.\n"
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["marchetti-lina"]


def test_names_of_countries_agreements_and_bodies_are_no_people(make_document: MakeDocument) -> None:
    text = (
        "Dr. Mariam Dosova of the University of Central Asia described cooperation with Costa Rica and "
        "Viet Nam under the Seven-Point Consensus.\n\n"
        "She added that the General Audit Commission had published its findings and that the Admiral "
        "Reef Institute would host the next meeting.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["dosova-mariam"]


def _countries(extraction: Extraction) -> dict[str, str | None]:
    return {person.key: person.country for person in extraction.people}


def test_an_affiliation_after_a_name_in_bold_gives_its_country(make_document: MakeDocument) -> None:
    text = (
        "**Dr. Ito Sayaka** of Hirosaki University described the survey.\n\n"
        "**Prof. Ren Qiuyue** (Xiamen University) presented the second study.\n\n"
        "*Mr. Tae-yang Seo* (Republic of Korea) asked a question.\n"
    )
    extraction = extract(make_document(text))
    assert _countries(extraction) == {"ito-sayaka": "JPN", "ren-qiuyue": "CHN", "seo-tae-yang": "KOR"}


def test_an_acronym_the_report_defines_stands_for_its_organization(make_document: MakeDocument) -> None:
    text = (
        "The seminar was co-organised by the Institute of Arid Land Studies of Mongolia (IALS) and UNEP.\n\n"
        "Ms. Gantulga Sarnai (IALS) presented the drought index.\n\n"
        "Mr. Tobias Ekdahl (UNEP) commented on the index.\n"
    )
    extraction = extract(make_document(text))
    assert _countries(extraction) == {"ekdahl-tobias": None, "sarnai-gantulga": "MNG"}


def test_a_post_held_for_a_country_gives_it_whatever_body_follows(make_document: MakeDocument) -> None:
    text = (
        "Ambassador Rustam Nazarov, Deputy Permanent Representative of Tajikistan to the United Nations, "
        "hosted the group.\n\n"
        "Ms. Aruzhan Serik, Vice Minister of Energy and Water Resources of Kazakhstan, spoke next.\n\n"
        "Dr. Paolo Ferri, Director of the Office of Legal Affairs of the United Nations, closed the day.\n\n"
        "Professor Ilse Vinke, Professor of Korean Studies at Leiden University, asked a question.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["nazarov-rustam"] == "TJK"
    assert countries["serik-aruzhan"] == "KAZ"
    assert countries["ferri-paolo"] is None
    assert countries["vinke-ilse"] == "NLD"


def test_an_affiliation_after_a_comma_and_of_gives_its_country(make_document: MakeDocument) -> None:
    text = "Dr. Tsolmon Baasan, of the Mongolian Academy of Sciences, recalled the drought of 2010.\n"
    assert _countries(extract(make_document(text))) == {"baasan-tsolmon": "MNG"}


def test_a_later_apposition_with_a_demonym_gives_the_nationality(make_document: MakeDocument) -> None:
    text = (
        "The briefing was given by Ms. Dilnoza Karimova, Programme Officer in the Gender Unit of the "
        "Department of Political Affairs, and formerly an Uzbek police officer deployed with UNAMA. "
        "Professor Anders Lind thanked Ms. Karimova, and a Danish student asked a question.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries == {"karimova-dilnoza": "UZB", "lind-anders": None}


def test_a_demonym_in_the_sentence_before_qualifies_no_name(make_document: MakeDocument) -> None:
    text = "Mr. Elias Moreau described scholarships for Sudanese students. Dr. Narangerel Bat thanked him.\n"
    assert _countries(extract(make_document(text)))["bat-narangerel"] is None


def test_an_organization_before_a_list_separator_is_not_the_next_persons(
    make_document: MakeDocument,
) -> None:
    text = (
        "From left: Professor OKADA Mei, Tohoku University (Chair); Professor HUANG Rui, Xiamen University; "
        "Ms. Lina Marchetti, UNEP\n\n"
        "Professor Huang presented the study.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["huang-rui"] == "CHN"
    assert countries["okada-mei"] == "JPN"


def test_the_organization_closing_brackets_after_a_post_gives_its_country(
    make_document: MakeDocument,
) -> None:
    text = (
        "The group was led by Dr. Oyungerel Tseveen (Associate Professor, School of Law, "
        "Mongolian University of Life Sciences), who opened the visit.\n"
    )
    assert _countries(extract(make_document(text)))["tseveen-oyungerel"] == "MNG"


def test_a_former_affiliation_after_a_name_is_weak_evidence(make_document: MakeDocument) -> None:
    text = (
        "Judge SATO Kaori, a former judge of the Supreme Court of Japan, took the floor.\n\n"
        "Ms. Oyun Batbayar, Lecturer at Ewha Womans University and a former adviser of the Mongolian "
        "Academy of Sciences, commented.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["sato-kaori"] == "JPN"
    assert countries["batbayar-oyun"] == "KOR"  # the current post outweighs the former one


def test_whole_names_in_capitals_are_people(make_document: MakeDocument) -> None:
    text = (
        "Participants included CHOI DONG SU of Chonnam National University and Dr. MORI AKANE of "
        "Hokkaido University.\n\n"
        "Ms. TRAN THI MAI, Programme Officer, UNDP, opened the session.\n\n"
        "Professor Choi asked Dr. Mori about the survey. Dr. Mori replied that it was ready.\n\n"
        "OPENING OF THE SEMINAR\n\n"
        "The UN DESA team and the FAO office joined.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["choi-dong-su", "mori-akane", "tran-thi-mai"]
    person = next(p for p in extraction.people if p.key == "tran-thi-mai")
    assert (person.family_name, person.given_name) == ("Tran", "Thi Mai")
    assert _speaker_at(extraction, text, "Dr. Mori replied") == "mori-akane"


def test_a_country_in_an_apposition_after_a_name_gives_it(make_document: MakeDocument) -> None:
    text = (
        "Ms. Odval Namsrai, a delegate from Mongolia, asked about herders.\n\n"
        "Mr. Ito Daiki, Japan, and Ms. Saule Akhmet, a student from Kazakhstan, replied.\n\n"
        "Mr. Paul Okoro, Peru Andes Fund trustee, commented.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["namsrai-odval"] == "MNG"
    assert countries["ito-daiki"] == "JPN"
    assert countries["akhmet-saule"] == "KAZ"
    assert countries["okoro-paul"] is None  # a country opening a longer name is no apposition


def test_features_of_the_land_are_no_people(make_document: MakeDocument) -> None:
    text = (
        "Lake Khuvsgul and Mount Halla were mentioned by Ms. Anna Lake of the Yellow River Commission.\n\n"
        "Dr. Sarah Mount described the Gobi Desert.\n"
    )
    assert _keys(extract(make_document(text))) == ["lake-anna", "mount-sarah"]


def test_a_name_owning_a_body_is_no_person(make_document: MakeDocument) -> None:
    text = (
        "Ms. Mina Cho asked about Hanbit Women's University.\n\n"
        "Mariko Ueno's paper praised Seaview Children's Hospital.\n"
    )
    assert _keys(extract(make_document(text))) == ["cho-mina", "ueno-mariko"]


def test_a_demonym_before_a_title_with_dots_gives_its_country(make_document: MakeDocument) -> None:
    text = "The Peruvian Ambassador, H.E. Mr. Jorge Salas, closed the session.\n"
    assert _countries(extract(make_document(text))) == {"salas-jorge": "PER"}


def test_more_titles_before_names_and_sites_that_are_no_people(make_document: MakeDocument) -> None:
    text = (
        "The delegation visited Amarbayasgalant Monastery and met Governor Tsend Ochir.\n\n"
        "Professor Emerita Noh Seon-mi and Vice-Chancellor Hartley were present, and Chief Justice "
        "Obi Nwosu and Mayor Ines Berg welcomed them.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["berg-ines", "hartley", "noh-seon-mi", "nwosu-obi", "ochir-tsend"]
    noh = next(p for p in extraction.people if p.key == "noh-seon-mi")
    assert noh.gender == "female"


def test_french_courtesy_titles_show_a_woman(make_document: MakeDocument) -> None:
    text = "Mme Odile Marchand of UNESCO commented. Mme. Marchand added that the list was open.\n"
    extraction = extract(make_document(text))
    assert [(p.key, p.gender) for p in extraction.people] == [("marchand-odile", "female")]

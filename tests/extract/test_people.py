"""People found and resolved in crafted texts: one person per name however it is written."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract, resolve_across_reports
from unkg.model import Document, Extraction

MakeDocument = Callable[..., Document]


def _keys(extraction: Extraction) -> list[str]:
    return [person.key for person in extraction.people]


def test_family_first_given_first_and_short_forms_are_one_person(make_document: MakeDocument) -> None:
    text = (
        "Ms. ZHANG Yunfei, Board Member, UN Association of China\n\n"
        "Ms. Zhang Yunfei thanked the organizers. Ms. Zhang noted that dialogue matters.\n\n"
        "Professor Zhang Guihong asked about reform. Mr. Zhang added that funding is short.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["zhang-guihong", "zhang-yunfei"]
    speakers = [(s.speaker, s.act.value) for s in extraction.statements]
    assert ("zhang-yunfei", "stated") in speakers  # "Ms. Zhang noted"
    assert ("zhang-guihong", "stated") in speakers  # "Mr. Zhang added": not the woman of the same family


def test_spelling_variants_merge_when_the_other_part_agrees(make_document: MakeDocument) -> None:
    text = (
        "Colonel Bat-Erdene Bakhtuu of the Armed Forces of Mongolia commented on the gender issue.\n\n"
        "Colonel Bat-Erdene Batkhuu, the Armed Forces of Mongolia\n\n"
        "Ms. Abigail Robinson introduced the concept.\n\n"
        "Keith Krause, Professor, Graduate Institute and Abby Robinson, DCAF\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["batkhuu-bat-erdene", "krause-keith", "robinson-abigail"]
    colonel = next(p for p in extraction.people if p.key == "batkhuu-bat-erdene")
    assert colonel.country == "MNG"  # from the national body he serves, not from his name


def test_untitled_capitalised_words_that_are_things_are_not_people(make_document: MakeDocument) -> None:
    text = (
        "Professor Heung-Soon PARK of Sun Moon University spoke under the Yoon Suk Yeol regime "
        "about the Marrakesh Treaty and the Global Security Initiative.\n"
    )
    assert _keys(extract(make_document(text))) == ["park-heung-soon"]


def test_a_title_alone_resolves_to_the_holder_in_the_session(make_document: MakeDocument) -> None:
    text = (
        "Session 1: Opening with Ms. Anna Berg, Director-General, United Nations Office at Vienna\n\n"
        "Professor Kenji SATO asked the Director-General about the renovation.\n\n"
        "The Director-General answered that the work would end next year.\n"
    )
    extraction = extract(make_document(text))
    answer = next(s for s in extraction.statements if s.act.value == "answered")
    assert answer.speaker == "berg-anna"
    assert answer.addressee == "sato-kenji"


def test_across_reports_same_names_share_a_key_and_family_name_alone_never_merges(
    make_document: MakeDocument,
) -> None:
    first_text = "Mayumi, YAMADA, Assistant Professor\n\nProfessor Sukehiro Hasegawa spoke.\n"
    first = extract(make_document(first_text, "a"))
    second_text = "YAMADA Tetsuya, President, JAUNS\n\nProfessor HASEGAWA Sukehiro closed the session.\n"
    second = extract(make_document(second_text, "b"))
    third = extract(make_document("Professor Sukehiro Hasegava opened the meeting.\n", "c"))
    merged = resolve_across_reports([first, second, third])
    keys = [sorted(_keys(extraction)) for extraction in merged]
    assert keys == [
        ["hasegawa-sukehiro", "yamada-mayumi"],
        ["hasegawa-sukehiro", "yamada-tetsuya"],
        ["hasegawa-sukehiro"],  # "Hasegava": a slip in the family name, the given name agrees
    ]


def test_middle_initials_stay_inside_the_name(make_document: MakeDocument) -> None:
    text = "Mr. John F. Kennedy said that the work is hard. Mr. Kennedy added more.\n"
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["kennedy-john-f"]
    assert [s.speaker for s in extraction.statements] == ["kennedy-john-f", "kennedy-john-f"]


def test_hard_wrapped_lines_do_not_split_names(make_document: MakeDocument) -> None:
    text = (
        "The opening was chaired by Professor Sukehiro\n"
        "Hasegawa. Professor Heung-Soon\nPark explained that the dialogue matters.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["hasegawa-sukehiro", "park-heung-soon"]
    assert [s.speaker for s in extraction.statements] == ["hasegawa-sukehiro", "park-heung-soon"]


def test_family_names_that_are_also_small_words(make_document: MakeDocument) -> None:
    text = (
        "The dialogue opened with remarks by Professor Fang HE, who welcomed the scholars and thanked the "
        "staff of the mission for their work in preparing the meeting.\n\n"
        "Marc HANSEN, Deputy Director, Policy Division and He Fang, Assistant Professor, "
        "Hillcrest University\n\n"
        "Bo He, Deputy Director, Policy Division and Kaori Hayashi, Professor, Northfield University\n\n"
        "Professor He asked Mr. Hansen about funding. He added that time is short.\n"
    )
    extraction = extract(make_document(text))
    assert {"he-fang", "he-bo", "hansen-marc", "hayashi-kaori"} <= set(_keys(extraction))
    posts = {(p.person, p.role) for p in extraction.posts}
    assert ("he-fang", "Assistant Professor") in posts and ("hansen-marc", "Assistant Professor") not in posts
    assert ("he-bo", "Deputy Director") in posts and ("hayashi-kaori", "Deputy Director") not in posts


def test_lower_case_particles_stay_in_the_family_name(make_document: MakeDocument) -> None:
    text = (
        "Professor Pieter van der Molen of Utrecht University, Chair of the panel, opened the meeting.\n\n"
        "Ms. Ana de la Fuente said that reform was overdue. Professor van der Molen thanked her.\n\n"
        "The Universidad de Chile sent two observers.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["de-la-fuente-ana", "van-der-molen-pieter"]
    chair = next(p for p in extraction.people if p.key == "van-der-molen-pieter")
    assert chair.family_name == "van der Molen"
    speakers = {s.speaker for s in extraction.statements}
    assert speakers == {"de-la-fuente-ana", "van-der-molen-pieter"}


def test_numbered_things_and_school_names_are_not_people(make_document: MakeDocument) -> None:
    text = (
        "Phase III of the programme began in May. Chapter VII of the Charter was discussed.\n\n"
        "Mr. LI Qiang, Lecturer, Graduate School of Public Policy, Tohoku University, said that "
        "Title IX had been cited in the debate.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["li-qiang"]
    assert [post.role for post in extraction.posts] == ["Lecturer"]


def test_a_titled_given_name_alone_goes_to_its_only_holder(make_document: MakeDocument) -> None:
    text = (
        "Ms. Altantsetseg Dorjsuren, Researcher at the National University of Mongolia, described the "
        "herders' cooperatives.\n\n"
        "Professor Kenji Mori asked about funding. Ms. Altantsetseg replied that donors had left.\n"
    )
    extraction = extract(make_document(text))
    assert _keys(extraction) == ["dorjsuren-altantsetseg", "mori-kenji"]
    reply = next(
        s
        for s in extraction.statements
        if "donors had left" in extraction.document.text[s.span.start : s.span.end]
    )
    assert reply.speaker == "dorjsuren-altantsetseg"


def test_a_university_named_after_its_city_gives_the_country(make_document: MakeDocument) -> None:
    text = "Professor Anna Visser of Utrecht University said that the Charter was flexible.\n"
    extraction = extract(make_document(text))
    assert [(p.key, p.country) for p in extraction.people] == [("visser-anna", "NLD")]

"""Posts from captions, appositions, "of" phrases and titles."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract
from unkg.model import Document, Extraction

MakeDocument = Callable[..., Document]


def _posts(extraction: Extraction) -> set[tuple[str, str, str | None, bool]]:
    return {(p.person, p.role, p.organization, p.former) for p in extraction.posts}


def test_caption_lists_several_people_with_roles_and_organizations(make_document: MakeDocument) -> None:
    caption = (
        "Mr. Gaudenz Silberschmidt, Director, Health and Multilateral Partnerships and Ms. YANG Yue, "
        "Deputy Director, Institute of Asian Studies, China Foreign Affairs University\n"
    )
    posts = _posts(extract(make_document("Some narrative comes first.\n\n" + caption)))
    assert ("silberschmidt-gaudenz", "Director", "health-and-multilateral-partnerships", False) in posts
    assert ("yang-yue", "Deputy Director", "institute-of-asian-studies", False) in posts


def test_apposition_of_phrase_and_former_posts(make_document: MakeDocument) -> None:
    text = (
        "Dr. Sukehiro Hasegawa, Director of the Tokyo Office of the Academic Council on the United Nations "
        "System and former Senior Official of the UN, spoke first. "
        "Professor Yasuhiro UEKI of Sophia University asked a question.\n"
    )
    posts = _posts(extract(make_document(text)))
    roles = {(person, role, former) for person, role, _, former in posts}
    assert ("hasegawa-sukehiro", "Director", False) in roles
    assert ("hasegawa-sukehiro", "Senior Official", True) in roles
    assert ("ueki-yasuhiro", "Professor", "sophia-university", False) in posts


def test_titles_that_are_posts_and_diplomats_at_their_mission(make_document: MakeDocument) -> None:
    text = (
        "Ambassador and Deputy Permanent Representative of Japan Ken OKANIWA and Minister Masashi NAKAGOM, "
        "Head of Political and Social Affairs Division\n"
    )
    extraction = extract(make_document("Narrative.\n\n" + text))
    posts = _posts(extraction)
    assert ("okaniwa-ken", "Ambassador", "permanent-mission-jpn", False) in posts
    assert ("nakagom-masashi", "Minister", None, False) in posts
    assert any(p[0] == "nakagom-masashi" and p[1] == "Head" for p in posts)
    assert next(p for p in extraction.people if p.key == "okaniwa-ken").country == "JPN"


def test_an_academic_title_alone_is_not_a_post(make_document: MakeDocument) -> None:
    assert extract(make_document("Professor Keith Krause explained his research.\n")).posts == ()


def test_a_caption_closing_of_phrase_is_shared_and_a_qualifier_finds_its_department(
    make_document: MakeDocument,
) -> None:
    text = (
        "The Department of Operational Support (DOS) was set up in 2019.\n\n"
        "Atul Khare, Under-Secretary-General for Operational Support\n\n"
        "Ms. Kathryn Elizabeth HENNESSEY, Programme Management Officer, Mariia Sorokina and Simon Panchaud "
        "of the Political Affairs and Partnerships Section, United Nations Office at Geneva\n"
    )
    posts = {(p.person, p.organization) for p in extract(make_document(text)).posts}
    assert ("khare-atul", "dos") in posts
    assert ("hennessey-kathryn-elizabeth", "political-affairs-and-partnerships-section") in posts


def test_roles_described_by_words_the_role_table_does_not_know(make_document: MakeDocument) -> None:
    text = (
        "Ms. Ines Barros, Climate and Security Adviser of the United Nations Environment Programme, "
        "spoke first. Mr. Tomas Hradil, Third Secretary at the Embassy of Czechia in Tokyo, "
        "said that visas were a problem.\n"
    )
    posts = {(p.person, p.role): p.organization for p in extract(make_document(text)).posts}
    assert posts[("barros-ines", "Climate and Security Adviser")] == "unep"
    assert posts[("hradil-tomas", "Third Secretary")] == "permanent-mission-cze"

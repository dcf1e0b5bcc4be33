"""People's countries from the organizations written beside their names, never from the names."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract
from unkg.model import Document, Extraction

MakeDocument = Callable[..., Document]


def _countries(extraction: Extraction) -> dict[str, str | None]:
    return {person.key: person.country for person in extraction.people}


def test_an_organization_right_after_a_name_gives_its_country(make_document: MakeDocument) -> None:
    text = (
        "Ms. Solongo Ganzorig of the National University of Mongolia asked about winter disasters.\n\n"
        "The notes were taken by Petra Lindahl (Stockholm International Peace Research Institute).\n\n"
        "Mr. Arjun Mehta, a doctoral candidate at Kyoto University, asked a question.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["ganzorig-solongo"] == "MNG"
    assert countries["lindahl-petra"] == "SWE"
    assert countries["mehta-arjun"] == "JPN"


def test_a_caption_organization_and_a_list_of_people_give_their_country(make_document: MakeDocument) -> None:
    text = (
        "The report was drafted by Tomasz Zielinski and Ilse Vermeulen, students of the Graduate Institute "
        "of International and Development Studies.\n\n"
        "Photo: YOSHIDA Kaoru, Waseda University\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["zielinski-tomasz"] == "CHE"
    assert countries["vermeulen-ilse"] == "CHE"
    assert countries["yoshida-kaoru"] == "JPN"


def test_a_former_post_is_weak_evidence_and_a_shared_list_none(make_document: MakeDocument) -> None:
    """A former post at a national body is evidence when nothing current says otherwise (the post
    stage reads "a former researcher at X" as a former post); people listed against a list of
    organizations get no country, since the text does not say who belongs where."""
    text = (
        "Dr. Hamid Qureshi, a former researcher at Seoul National University, spoke for OCHA.\n\n"
        "The minutes were kept by Chen Yiran and Adele Fontana, students of Fudan University and "
        "Keio University.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["qureshi-hamid"] == "KOR"
    assert countries["chen-yiran"] is None
    assert countries["fontana-adele"] is None


def test_an_international_organization_after_a_name_gives_no_country(make_document: MakeDocument) -> None:
    text = "Ms. Ingeborg Halvorsen of the World Food Programme described the pipeline breaks.\n"
    assert _countries(extract(make_document(text)))["halvorsen-ingeborg"] is None


def test_a_capital_after_the_institution_or_a_country_after_an_agency_gives_its_country(
    make_document: MakeDocument,
) -> None:
    text = (
        "The workshop reviewed early warning in mountain regions; Professor Laila Haidari chaired it.\n\n"
        "Rapporteur: Milan Dvorak, Comenius University, Bratislava.\n\n"
        "Participants: Pasang Sherpa (National Disaster Management Agency of Nepal); "
        "Aigerim Bekova (Kazakh Red Crescent Society).\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["dvorak-milan"] == "SVK"
    assert countries["sherpa-pasang"] == "NPL"
    assert countries["bekova-aigerim"] == "KAZ"


def test_organizations_named_in_other_languages_give_their_country(make_document: MakeDocument) -> None:
    text = (
        "The panel was opened by Professor Ruth Oyelaran, who welcomed the guests.\n\n"
        "Participants: Jonas Albrecht (Deutsche Gesellschaft für Osteuropakunde); Margaux Perrin "
        "(Agence Française de Développement); Ana Beatriz Rocha (Fundação Brasileira de Estudos Urbanos).\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["albrecht-jonas"] == "DEU"
    assert countries["perrin-margaux"] == "FRA"
    assert countries["rocha-ana-beatriz"] is None  # a foundation: an NGO says nothing of its members


def test_a_name_is_never_a_country_clue(make_document: MakeDocument) -> None:
    text = "Professor Anton Deutscher of the Institut für Weltwirtschaft spoke.\n"
    countries = _countries(extract(make_document(text)))
    assert countries == {"deutscher-anton": None}  # a German-sounding name and an institute without a place


def test_a_listed_research_university_abroad_gives_its_country(make_document: MakeDocument) -> None:
    text = (
        "Mr. Kwame Asante, a doctoral candidate at Dalhousie University, asked Professor Mei SUZUKI "
        "about the mandate.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["asante-kwame"] == "CAN"


def test_a_country_owning_the_organization_gives_its_country(make_document: MakeDocument) -> None:
    text = "Dr. Rahel Tesfaye of Norway's Fridtjof Research Institute described the new survey.\n"
    assert _countries(extract(make_document(text)))["tesfaye-rahel"] == "NOR"


def test_the_venue_of_a_lunch_is_no_parent_of_a_post(make_document: MakeDocument) -> None:
    text = (
        "Session 2: Lunch\n\n"
        "The Ambassador hosted a lunch for Ms. Oyuna BATBOLD, Research Fellow, Steppe Policy Institute, "
        "at the Permanent Mission of Kazakhstan. She underlined that the region needed data.\n"
    )
    assert _countries(extract(make_document(text)))["batbold-oyuna"] is None


def test_an_organization_qualifying_the_name_from_before_gives_its_country(
    make_document: MakeDocument,
) -> None:
    text = (
        "The session was opened by Sogang University's Professor Yerin Cho. Later, the Nanjing University "
        "scholar Gu Haoran asked questions, and the UNICEF official Tomas Berg answered. Hitotsubashi "
        "University hosted the lunch for Dr. Sven Ahlqvist.\n"
    )
    countries = _countries(extract(make_document(text)))
    assert countries["cho-yerin"] == "KOR"
    assert countries["gu-haoran"] == "CHN"
    assert countries["berg-tomas"] is None
    assert countries["ahlqvist-sven"] is None  # the host of a lunch is no affiliation

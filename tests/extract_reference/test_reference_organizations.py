"""Organizations: listed ones resolved across acronyms, long names and spellings; others typed by pattern."""

from __future__ import annotations

from unkg.config import load_settings
from unkg.extract.countries import country_by_code
from unkg.extract.organizations import (
    find_organizations,
    listed_organizations,
    national_organization,
    organization_by_key,
    organization_for_name,
    organization_wikidata,
)
from unkg.model import OrganizationType

REPORTS = load_settings().reports_dir
GENEVA = (REPORTS / "geneva-dialogue-2019.txt").read_text(encoding="utf-8")
ACUNS = (REPORTS / "acuns-annual-meeting-2023.txt").read_text(encoding="utf-8")


def _keys(text: str) -> list[str]:
    return [m.organization.key for m in find_organizations(text)]


def test_acronyms_long_names_and_variants_resolve_to_one_key() -> None:
    assert _keys("WHO, the World Health Organization and the World Health Organisation") == ["who"] * 3
    assert (
        _keys("UNA-China, the UN Association of China, the United Nations Association of China")
        == ["una-china"] * 3
    )
    assert _keys("UN Office at Geneva, United Nations Office at Geneva, UN Geneva, UNOG") == ["unog"] * 4
    assert _keys("the International Labor Organization (ILO)") == ["ilo", "ilo"]


def test_listed_organization_carries_table_data() -> None:
    (mention,) = find_organizations("She joined the UN Association of China.", offset=50)
    organization = mention.organization
    assert (organization.key, organization.name, organization.acronym) == (
        "una-china",
        "United Nations Association of China",
        "UNA-China",
    )
    assert organization.type is OrganizationType.ASSOCIATION and organization.country == "CHN"
    assert mention.listed and (mention.span.start, mention.span.end) == (65, 88)


def test_longest_name_wins_over_the_acronym_inside_it() -> None:
    assert _keys("the UN Security Council and the UN") == ["unsc", "un"]
    (mention,) = find_organizations("Center for UN Studies")
    assert mention.organization.type is OrganizationType.RESEARCH_INSTITUTE and not mention.listed


def test_organizations_of_the_2019_report() -> None:
    found = {m.organization.key: m.organization for m in find_organizations(GENEVA)}
    assert {
        "who",
        "ilo",
        "wipo",
        "itu",
        "wto",
        "unctad",
        "ohchr",
        "unog",
        "iom",
        "ecosoc",
        "hrc",
        "eaeu",
    } <= set(found)
    assert found["sun-moon-university"].country == "KOR"  # "Sun Moon University, Seoul"
    assert found["china-foreign-affairs-university"].country == "CHN"
    assert found["ritsumeikan-university"].country == "JPN"  # "Ritsumeikan University, Kyoto"
    assert found["armed-forces-mng"].type is OrganizationType.ARMED_FORCES
    assert found["permanent-mission-bra"].country == "BRA"
    assert found["asahi-shimbun"].type is OrganizationType.MEDIA
    assert found["supreme-people-s-court"].type is OrganizationType.COURT


def test_organizations_of_the_2023_report() -> None:
    found = {m.organization.key for m in find_organizations(ACUNS)}
    assert {
        "acuns",
        "jauns",
        "kacuns",
        "una-china",
        "unsc",
        "unga",
        "nato",
        "icc",
        "unesco",
        "unicef",
    } <= found
    assert "usip" in found and not any(key.startswith("united-states-institute") for key in found)


def test_national_missions_one_per_country() -> None:
    mentions = find_organizations(
        "the Japanese and Korean Permanent Missions hosted lunch at the Korean Mission"
    )
    assert [m.organization.key for m in mentions] == [
        "permanent-mission-jpn",
        "permanent-mission-kor",
        "permanent-mission-kor",
    ]
    assert mentions[0].span == mentions[1].span
    assert national_organization(OrganizationType.PERMANENT_MISSION, "KOR") == mentions[2].organization


def test_governments_by_demonym_or_country() -> None:
    assert _keys("the Russian Government and the ROK government") == ["government-rus", "government-kor"]


def test_pattern_names_stop_at_blank_lines_and_shed_posts() -> None:
    text = (
        "Mr. X, Professor, Shanghai University of Political Science and Law Director, OBOR Institute\n\nNext"
    )
    names = [m.organization.name for m in find_organizations(text)]
    assert names == ["Shanghai University of Political Science and Law", "OBOR Institute"]


def test_words_that_are_countries_are_not_organizations() -> None:
    assert _keys("the Russian Federation") == []


def test_organization_for_caption_segments() -> None:
    sun_moon = organization_for_name("Sun Moon University, Seoul")
    assert sun_moon is not None
    assert (sun_moon.key, sun_moon.type, sun_moon.country) == (
        "sun-moon-university",
        OrganizationType.UNIVERSITY,
        "KOR",
    )
    cfau = organization_for_name("China Foreign Affairs University")
    assert cfau is not None and cfau.country == "CHN"
    who = organization_for_name("WHO")
    assert who is not None and who.name == "World Health Organization"
    unog = organization_for_name("the United Nations Office at Geneva")
    assert unog is not None and unog.key == "unog"
    assert organization_for_name("Deputy Director") is None


def test_table_keys_types_and_wikidata() -> None:
    organizations = listed_organizations()
    keys = [o.key for o in organizations]
    assert len(keys) == len(set(keys))
    assert organization_by_key("una-rok") is not None
    assert organization_wikidata("who") == "Q7817"
    assert organization_wikidata("dos") is None
    national = [o for o in organizations if o.country]
    assert all(
        o.type is OrganizationType.ASSOCIATION or o.type is not OrganizationType.UN_SYSTEM for o in national
    )


def test_table_countries_exist_and_types_are_vocabulary_terms() -> None:
    for organization in listed_organizations():
        assert isinstance(organization.type, OrganizationType)
        if organization.country:
            assert country_by_code(organization.country) is not None, organization.key


def test_national_bodies_are_named_with_the_article_where_english_uses_it() -> None:
    korea = national_organization(OrganizationType.PERMANENT_MISSION, "KOR")
    japan = national_organization(OrganizationType.ARMED_FORCES, "JPN")
    assert korea is not None and korea.name == "Permanent Mission of the Republic of Korea"
    assert japan is not None and japan.name == "Armed Forces of Japan"

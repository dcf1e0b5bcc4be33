"""East Asian institutions: listed with their countries and types, one key for each spelling."""

from __future__ import annotations

from collections import Counter

from unkg.extract.countries import country_by_code
from unkg.extract.organizations import find_organizations, organization_for_name, organization_wikidata
from unkg.extract.reference import institution_rows
from unkg.model import OrganizationType


def _facts(name: str) -> tuple[str, str, str | None] | None:
    found = organization_for_name(name)
    return (found.key, found.type.value, found.country) if found else None


def _country(name: str) -> str | None:
    found = organization_for_name(name)
    assert found is not None, name
    return found.country


def test_table_is_broad_and_valid() -> None:
    rows = institution_rows()
    assert len(rows) >= 300
    per_country = Counter(row["country"] for row in rows)
    assert all(per_country[code] >= 5 for code in ("CHN", "JPN", "KOR", "MNG", "PRK", "TWN", "HKG"))
    for row in rows:
        assert country_by_code(row["country"]) is not None, row
        OrganizationType(row["type"])  # raises on an unknown type
        assert row["wikidata"] == "" or row["wikidata"].startswith("Q"), row
    assert len({row["name"] for row in rows}) == len(rows)


def test_affiliations_of_the_reports_have_countries_and_types() -> None:
    assert _facts("Fudan University") == ("fudan-university", "university", "CHN")
    assert _facts("Sophia University") == ("sophia-university", "university", "JPN")
    assert _facts("Tokai University") == ("tokai-university", "university", "JPN")
    assert _facts("Kanda University of International Studies") == (
        "kanda-university-of-international-studies",
        "university",
        "JPN",
    )
    assert _country("Aoyama Gakuin University") == "JPN"
    assert _country("Ritsumeikan University") == "JPN"
    assert _facts("Japan Association of UN Studies") == ("jauns", "association", "JPN")
    assert _facts("Korea Academic Council on the UN System") == ("kacuns", "association", "KOR")


def test_spelling_variants_and_acronyms_resolve_to_one_key() -> None:
    assert {_facts(n) for n in ("Peking University", "Beijing University", "PKU")} == {
        ("peking-university", "university", "CHN")
    }
    keys = [
        m.organization.key for m in find_organizations("Ewha Womans University and Ewha Women's University")
    ]
    assert keys == ["ewha-womans-university"] * 2
    assert _facts("KAIST") == _facts("Korea Advanced Institute of Science and Technology")
    assert organization_wikidata("university-of-tokyo") == "Q7842"


def test_country_or_city_in_an_unlisted_name_gives_its_country() -> None:
    assert _country("Shanghai Ocean University") == "CHN"
    assert _country("Beijing Institute of Global Governance") == "CHN"
    assert _country("Graduate School of International Studies of Korea") == "KOR"
    assert _country("Inner Mongolia Normal University") == "CHN"
    assert _country("Institute of Asian Studies, China Foreign Affairs University") == "CHN"


def test_regions_fields_of_study_and_international_bodies_are_not_countries() -> None:
    assert _country("East Asian Institute") is None
    assert _country("Institute of Asian Studies") is None
    assert _country("Center for Japanese Studies") is None
    assert _facts("Shanghai Cooperation Organisation") == ("sco", "intergovernmental-organization", None)
    assert _country("Asian Development Bank") is None
    assert _country("Chinese Culture University") == "TWN"  # the table beats the rule

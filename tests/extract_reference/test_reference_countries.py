"""Countries and demonyms found in text, and the country table itself."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from unkg.config import load_settings
from unkg.extract.countries import (
    country_by_code,
    country_for,
    country_record,
    country_records,
    find_countries,
)

ACUNS = (load_settings().reports_dir / "acuns-annual-meeting-2023.txt").read_text(encoding="utf-8")


def _codes(text: str) -> list[str]:
    return [m.country.alpha3 for m in find_countries(text)]


def test_countries_of_the_2023_report() -> None:
    found = Counter(m.country.alpha3 for m in find_countries(ACUNS))
    assert {"CHN", "JPN", "KOR", "PRK", "RUS", "UKR", "USA", "GBR", "IRN", "SYR", "PSE", "SAU", "SDN"} <= set(
        found
    )
    assert found["KOR"] > found["PRK"] > 0
    assert found["CHN"] >= 19


def test_spans_point_at_the_form_and_are_shifted_by_offset() -> None:
    text = "Scholars from the Republic of Korea and Mongolia met."
    mentions = find_countries(text, offset=1000)
    assert [(text[m.span.start - 1000 : m.span.end - 1000], m.country.alpha3) for m in mentions] == [
        ("Republic of Korea", "KOR"),
        ("Mongolia", "MNG"),
    ]


def test_korean_is_the_republic_of_korea_and_north_korean_the_dprk() -> None:
    assert _codes("the Korean speakers and the North Korean issue; South Korea; DPRK; Koreans") == [
        "KOR",
        "PRK",
        "KOR",
        "PRK",
        "KOR",
    ]
    assert [m.form for m in find_countries("Korean and Korea")] == ["demonym", "name"]


def test_longest_form_wins_and_words_are_whole() -> None:
    assert _codes("Papua New Guinea, Guinea-Bissau, Guinea, Niger and Nigeria") == [
        "PNG",
        "GNB",
        "GIN",
        "NER",
        "NGA",
    ]
    assert _codes("the People's Republic of China and the PRC") == ["CHN", "CHN"]
    assert _codes("Indiana and Chinatown") == []


def test_ambiguous_forms_need_a_non_name_context() -> None:
    assert _codes("US Khare first noted that the US and the UK agreed.") == ["USA", "GBR"]
    assert _codes("a small country from Latin America") == []
    assert _codes("Michael Jordan visited Jordan.") == ["JOR"]
    assert _codes("The US often engages; U.S: and U.S.A. too") == ["USA", "USA", "USA"]


def test_lower_case_words_are_not_countries() -> None:
    assert _codes("a turkey from china, and a chad of paper") == []


def test_hyphenated_and_possessive_forms() -> None:
    assert _codes("UN-ROK relations, the pro-Soviet bloc, China's position, Russia-Ukraine") == [
        "KOR",
        "SUN",
        "CHN",
        "RUS",
        "UKR",
    ]


def test_country_for_resolves_names_acronyms_demonyms_and_codes() -> None:
    assert (
        country_for("the Republic of Korea")
        == country_for("ROK")
        == country_for("Korean")
        == country_by_code("kor")
    )
    assert country_for("North Korean") == country_by_code("PRK")
    assert country_for("People's Republic of China") == country_for("Chinese") == country_by_code("CHN")
    assert country_for("U.S.") == country_for("United States of America") == country_by_code("USA")
    assert country_for("Russian Federation") == country_for("Russia")
    assert country_for("Atlantis") is None


def test_table_covers_all_un_member_states_with_wikidata_items() -> None:
    records = country_records()
    members = [r for r in records if r.status == "member"]
    assert len(members) == 193
    assert {r.country.alpha3 for r in records if r.status == "observer"} == {"VAT", "PSE"}
    assert all(re.fullmatch(r"[A-Z]{3}", r.country.alpha3) for r in records)
    assert all(r.wikidata and re.fullmatch(r"Q[1-9]\d*", r.wikidata) for r in records)
    assert len({r.wikidata for r in records}) == len(records)
    korea = country_record("KOR")
    assert korea is not None and korea.wikidata == "Q884" and "ROK" in korea.alt_names


_FORMS = sorted({form for r in country_records() for form in (r.country.name, *r.alt_names, *r.demonyms)})


@given(
    st.lists(st.sampled_from(_FORMS), min_size=1, max_size=4),
    st.sampled_from([", ", "; ", " and ", " with "]),
    st.integers(min_value=0, max_value=500),
)
def test_every_mention_span_names_its_country(forms: list[str], joiner: str, offset: int) -> None:
    text = "Delegates from " + joiner.join(forms) + " spoke."
    for mention in find_countries(text, offset=offset):
        surface = text[mention.span.start - offset : mention.span.end - offset]
        assert country_for(surface) == mention.country

"""Personal names: which part is the family name, and one key for every way of writing a name."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from unkg.extract.names import (
    display_name,
    edit_distance,
    person_key,
    same_given_name,
    same_part_spelling,
    split_name,
)

# Name parts as the reports write them: a capital and lower-case letters, sometimes hyphenated
# ("Heung-Soon", "Hong-sheng").
_SYLLABLE = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=6)
_PART = st.builds(
    lambda first, second: (first + ("-" + second if second else "")).capitalize(),
    _SYLLABLE,
    st.one_of(st.none(), _SYLLABLE),
)


def _key_of(tokens: list[str]) -> str:
    parsed = split_name(tokens)
    return person_key(parsed.family, parsed.given)


@given(family=_PART, given_name=_PART)
def test_family_first_capitals_and_given_first_capitals_are_one_key(family: str, given_name: str) -> None:
    family_first = _key_of([family.upper(), given_name])  # "ZHANG Yunfei"
    given_first = _key_of([given_name, family.upper()])  # "Yunfei ZHANG"
    assert family_first == given_first == person_key(family, given_name)


@given(family=_PART, given_name=_PART)
def test_comma_free_given_first_order_puts_the_last_part_as_family(family: str, given_name: str) -> None:
    parsed = split_name([given_name, family])
    if parsed.family == family:  # unless the first part is a common East Asian family name
        assert parsed.given == given_name


@given(family=_PART, given_name=_PART)
def test_display_name_puts_the_given_name_first_in_ordinary_case(family: str, given_name: str) -> None:
    parsed = split_name([family.upper(), given_name])
    shown = display_name(parsed.family, parsed.given)
    assert shown == f"{given_name} {'-'.join(piece.capitalize() for piece in family.split('-'))}"


_WORDS = st.text(alphabet=string.ascii_lowercase, max_size=12)


@given(_WORDS, _WORDS)
def test_edit_distance_is_symmetric_and_zero_only_for_equal_strings(a: str, b: str) -> None:
    assert edit_distance(a, b) == edit_distance(b, a)
    assert (edit_distance(a, b) == 0) == (a == b)


def test_capitals_mark_the_family_name_wherever_it_stands() -> None:
    assert split_name(["ZHANG", "Yunfei"]).family == "ZHANG"
    assert split_name(["Dong", "Ju", "CHOI"]).given == "Dong Ju"
    assert split_name(["Kathryn", "Elizabeth", "HENNESSEY"]).family == "HENNESSEY"


def test_uncapitalised_east_asian_family_name_first_is_read_family_first() -> None:
    assert split_name(["Zhang", "Guihong"]).family == "Zhang"
    assert split_name(["Houlin", "Zhao"]).family == "Zhao"
    assert split_name(["Heung-Soon", "Park"]).family == "Park"


def test_particles_belong_to_the_family_name() -> None:
    parsed = split_name(["Hamed", "El", "Kady"])
    assert (parsed.family, parsed.given) == ("El Kady", "Hamed")
    assert person_key(parsed.family, parsed.given) == person_key("El-Kady", "Hamed") == "el-kady-hamed"


def test_nickname_in_brackets_is_dropped() -> None:
    assert split_name(["Jangkeun(JK)", "Lee"]).given == "Jangkeun"


def test_spelling_slips_in_long_parts_match_but_short_parts_must_be_equal() -> None:
    assert same_part_spelling("Bakhtuu", "Batkhuu")
    assert same_part_spelling("Gammara", "GAMARRA")
    assert same_part_spelling("El-Kady", "EI-Kady")
    assert not same_part_spelling("Lee", "Li")
    assert not same_part_spelling("Yamada", "Hamada")


def test_short_given_names_match_their_full_form() -> None:
    assert same_given_name("Abby", "Abigail")
    assert same_given_name("June", "Juneyong")
    assert same_given_name("Heung Soon", "Heung-Soon")
    assert not same_given_name("Mayumi", "Tetsuya")

"""Person countries come from national affiliations and explicit text, never from a name's look."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from unkg.extract.affiliation import (
    CountryEvidence,
    assign_person_countries,
    country_evidence,
    decide_country,
)
from unkg.extract.organizations import organization_for_name
from unkg.model import (
    Country,
    Document,
    Event,
    Extraction,
    GroupSpeaker,
    Organization,
    OrganizationType,
    Person,
    Post,
    Span,
)


def _span(text: str, phrase: str, nth: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    return Span(starts[nth], starts[nth] + len(phrase))


def _extraction(
    text: str,
    people: Sequence[Person],
    posts: Sequence[Post] = (),
    organizations: Sequence[Organization] = (),
) -> Extraction:
    document = Document(path=Path("crafted.txt"), report_id="crafted", text=text, blocks=(), sha256="0")
    return Extraction(
        document=document,
        event=Event(title="Crafted", span=Span(0, 0)),
        people=tuple(people),
        posts=tuple(posts),
        organizations=tuple(organizations),
    )


def _person(text: str, key: str, family: str, given: str, *phrases: str) -> Person:
    return Person(
        key=key,
        name=f"{given} {family}",
        family_name=family,
        given_name=given,
        mentions=tuple(_span(text, phrase) for phrase in phrases),
    )


def _country(extraction: Extraction, key: str) -> str | None:
    return next(p.country for p in assign_person_countries(extraction).people if p.key == key)


def _org(name: str, mention_text: str = "", text: str = "") -> Organization:
    found = organization_for_name(name)
    assert found is not None
    mentions = (_span(text, mention_text),) if mention_text else ()
    return replace(found, mentions=mentions)


# ----- posts at national bodies -------------------------------------------------------------------


def test_post_at_a_national_university_gives_its_country() -> None:
    text = "Professor Kim Minsu, Professor, Yonsei University, asked a question."
    person = _person(text, "kim-minsu", "Kim", "Minsu", "Professor Kim Minsu")
    university = _org("Yonsei University", "Yonsei University", text)
    post = Post("kim-minsu", "Professor", university.key, _span(text, "Professor, Yonsei University"))
    assert _country(_extraction(text, [person], [post], [university]), "kim-minsu") == "KOR"


def test_un_official_gets_no_country_even_with_a_former_national_post() -> None:
    text = "Ms. Anna Berg, Director-General, UN Office at Geneva, former Professor, Kyoto University."
    person = _person(text, "berg-anna", "Berg", "Anna", "Ms. Anna Berg")
    unog = _org("UN Office at Geneva", "UN Office at Geneva", text)
    kyoto = _org("Kyoto University", "Kyoto University", text)
    posts = [
        Post("berg-anna", "Director-General", unog.key, _span(text, "Director-General, UN Office at Geneva")),
        Post("berg-anna", "Professor", kyoto.key, _span(text, "Professor, Kyoto University"), former=True),
    ]
    extraction = _extraction(text, [person], posts, [unog, kyoto])
    assert unog.type is OrganizationType.UN_SYSTEM
    assert country_evidence(extraction) == []
    assert _country(extraction, "berg-anna") is None


def test_a_unit_takes_the_country_of_the_listed_institution_it_names_first() -> None:
    text = "Mr. Sato Ken, Chief, Asahi Shimbun Seoul Bureau, spoke."
    person = _person(text, "sato-ken", "Sato", "Ken", "Mr. Sato Ken")
    bureau = Organization(key="asahi-shimbun-seoul-bureau", name="Asahi Shimbun Seoul Bureau")
    post = Post("sato-ken", "Chief", bureau.key, _span(text, "Chief, Asahi Shimbun Seoul Bureau"))
    assert _country(_extraction(text, [person], [post], [bureau]), "sato-ken") == "JPN"


def test_conflicting_affiliations_leave_the_country_unset_and_a_dominant_one_wins() -> None:
    text = "Dr. Lin Mei, Professor, Fudan University and Professor, Waseda University."
    person = _person(text, "lin-mei", "Lin", "Mei", "Dr. Lin Mei")
    fudan = _org("Fudan University")
    waseda = _org("Waseda University")
    posts = [
        Post("lin-mei", "Professor", fudan.key, _span(text, "Professor, Fudan University")),
        Post("lin-mei", "Professor", waseda.key, _span(text, "Professor, Waseda University")),
    ]
    assert _country(_extraction(text, [person], posts, [fudan, waseda]), "lin-mei") is None
    posts[1] = replace(posts[1], former=True)  # a current CHN post (2) against a former JPN one (1)
    assert _country(_extraction(text, [person], posts, [fudan, waseda]), "lin-mei") == "CHN"


def test_the_only_or_a_clearly_dominant_country_is_chosen() -> None:
    def evidence(*weights: tuple[str, float]) -> list[CountryEvidence]:
        return [CountryEvidence("p", code, "text", Span(0, 1), weight) for code, weight in weights]

    assert decide_country(evidence(("JPN", 1))) == "JPN"
    assert decide_country(evidence(("JPN", 2), ("KOR", 1))) == "JPN"
    assert decide_country(evidence(("JPN", 2), ("KOR", 1.5))) is None
    assert decide_country(evidence(("CHN", 2), ("JPN", 2))) is None
    assert decide_country([]) is None


# ----- explicit text ------------------------------------------------------------------------------


def test_demonym_before_titles_and_name() -> None:
    text = (
        "The lunch was hosted by the Korean Ambassador Park Jisoo and the Japanese scholar Professor Ito Jun."
    )
    park = _person(text, "park-jisoo", "Park", "Jisoo", "Ambassador Park Jisoo")
    ito = _person(text, "ito-jun", "Ito", "Jun", "Professor Ito Jun")
    extraction = assign_person_countries(_extraction(text, [park, ito]))
    assert [p.country for p in extraction.people] == ["KOR", "JPN"]


def test_country_after_name_from_of_and_parentheses() -> None:
    text = (
        "Colonel Dorj Bat of Mongolia commented. Professor Wang Li from China asked. "
        "Ms. Mori Aki (Japan) answered. Mr. Choi Min, a Korean diplomat, replied."
    )
    people = [
        _person(text, "bat-dorj", "Bat", "Dorj", "Colonel Dorj Bat"),
        _person(text, "wang-li", "Wang", "Li", "Professor Wang Li"),
        _person(text, "mori-aki", "Mori", "Aki", "Ms. Mori Aki"),
        _person(text, "choi-min", "Choi", "Min", "Mr. Choi Min"),
    ]
    extraction = assign_person_countries(_extraction(text, people))
    assert [p.country for p in extraction.people] == ["MNG", "CHN", "JPN", "KOR"]
    assert [c.alpha3 for c in extraction.countries] == ["CHN", "JPN", "KOR", "MNG"]


def test_organization_after_of_or_unrelated_demonyms_are_no_evidence() -> None:
    text = (
        "Professor Zhou Bo of China Foreign Affairs University spoke. The Japanese and Chinese participants "
        "asked Mr. Otto Weber about Korean policy. Ms. Rita Hahn of Japan's delegation left."
    )
    people = [
        _person(text, "zhou-bo", "Zhou", "Bo", "Professor Zhou Bo"),
        _person(text, "weber-otto", "Weber", "Otto", "Mr. Otto Weber"),
        _person(text, "hahn-rita", "Hahn", "Rita", "Ms. Rita Hahn"),
    ]
    extraction = _extraction(text, people)
    assert country_evidence(extraction) == []
    assert [p.country for p in assign_person_countries(extraction).people] == [None, None, None]


def test_stage_is_pure_keeps_groups_and_countries_without_evidence() -> None:
    text = "Mr. Ola Nordmann spoke; the Japanese participants asked."
    person = replace(_person(text, "nordmann-ola", "Nordmann", "Ola", "Mr. Ola Nordmann"), country="NOR")
    group = GroupSpeaker(
        "group-jpn-participants",
        "the Japanese participants",
        ("JPN",),
        _span(text, "the Japanese participants"),
    )
    extraction = replace(_extraction(text, [person]), groups=(group,), countries=(Country("JPN", "Japan"),))
    result = assign_person_countries(extraction)
    assert result.people[0].country == "NOR" and result.groups == (group,)
    assert extraction.people[0] is person  # the input is not changed
    assert assign_person_countries(extraction) == result


# ----- the real reports ---------------------------------------------------------------------------


def _countries_of(extraction: Extraction) -> dict[str, str | None]:
    return {p.key: p.country for p in extraction.people}


def test_2023_report_national_association_leaders(real_with_countries: dict[str, Extraction]) -> None:
    countries = _countries_of(real_with_countries["acuns-annual-meeting-2023"])
    assert countries["yamada-tetsuya"] == "JPN"  # President of the Japan Association of UN Studies
    assert countries["hu-wenli"] == "CHN"  # Vice-President of the UN Association of China
    assert countries["choi-dong-ju"] == "KOR"  # President of the Korea Academic Council on the UN System
    assert countries["baumann-franz"] is None  # ACUNS is international


def test_2019_report_scholars_diplomats_and_un_officials(real_with_countries: dict[str, Extraction]) -> None:
    countries = _countries_of(real_with_countries["geneva-dialogue-2019"])
    expected = {
        "park-heung-soon": "KOR",  # Professor Emeritus at a university in Seoul
        "ueki-yasuhiro": "JPN",  # Sophia University, former UN Spokesperson
        "zhang-guihong": "CHN",  # Center for UN Studies, Fudan University
        "yang-yue": "CHN",  # Institute of Asian Studies, China Foreign Affairs University
        "tanabe-keiichi": "JPN",
        "fujishige-hiromi": "JPN",
        "mizuno-takaaki": "JPN",
        "lee-jangkeun": "KOR",  # Korean Ambassador
        "okaniwa-ken": "JPN",  # Deputy Permanent Representative of Japan
        "batkhuu-bat-erdene": "MNG",  # of the Armed Forces of Mongolia
        "valovaya-tatiana": None,  # Director-General of the UN Office at Geneva
        "natsume-ken": None,  # WIPO staff
        "zhao-houlin": None,  # ITU Secretary-General
    }
    assert {key: countries[key] for key in expected} == expected
    with_country = sum(1 for code in countries.values() if code)
    assert with_country >= 20

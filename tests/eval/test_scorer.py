"""The scorer on hand-made gold and predictions: perfect is 1.0, each mistake costs what it should."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkg.evaluate import (
    Score,
    ScoreTable,
    gold_name_forms,
    organization_names_match,
    predicted_name_forms,
    roles_match,
    score_reports,
)
from unkg.gold import GoldError, GoldPerson, GoldReport, dump_gold, load_gold, load_gold_dir, parse_gold
from unkg.model import (
    Document,
    Event,
    Extraction,
    GroupSpeaker,
    Interaction,
    InteractionKind,
    Organization,
    Person,
    Post,
    Session,
    Span,
    SpeechAct,
    Statement,
)

TEXT = """Day 1: Monday, 7 March

Session 1: Visit to the Example Agency

Professor KIMURA Haruto asked Ms. Li Mei about funding. She answered that budgets had grown.

Professor Kimura thanked her. The Korean participants asked about staff. Ms. Li answered them.
"""

GOLD_DATA = {
    "format": 1,
    "report": "mini",
    "people": [
        {
            "key": "kimura-haruto",
            "family": "Kimura",
            "given": "Haruto",
            "variants": ["KIMURA Haruto"],
            "gender": None,
        },
        {"key": "li-mei", "family": "Li", "given": "Mei", "variants": ["Li Mei"], "gender": "female"},
        {
            "key": "guterres-x",
            "family": "Mentioned",
            "given": "Only",
            "variants": ["Only Mentioned"],
            "mentioned_only": True,
        },
    ],
    "posts": [
        {"person": "li-mei", "role": "Director", "organization": ["Example Agency", "EA"]},
        {"person": "kimura-haruto", "role": "Professor", "organization": None},
    ],
    "sessions": [
        {
            "number": 1,
            "title": "Visit to the Example Agency",
            "date": "2022-03-07",
            "host": ["Example Agency", "EA"],
        }
    ],
    "interactions": [
        {"from": "kimura-haruto", "to": "li-mei", "kind": "asked", "session": 1},
        {"from": "li-mei", "to": "kimura-haruto", "kind": "answered", "session": 1},
        {"from": "kimura-haruto", "to": "li-mei", "kind": "thanked", "session": 1},
    ],
    "statements": [
        {"speaker": "kimura-haruto", "act": "asked", "anchor": "Professor KIMURA Haruto asked"},
        {"speaker": "li-mei", "act": "answered", "anchor": "She answered that budgets"},
        {"speaker": "kimura-haruto", "act": "thanked", "anchor": "Professor Kimura thanked her."},
        {
            "speaker": "group:the Korean participants",
            "act": "asked",
            "anchor": "The Korean participants asked",
        },
        {"speaker": "li-mei", "act": "answered", "anchor": "Ms. Li answered them."},
    ],
}


def _gold() -> GoldReport:
    return parse_gold(GOLD_DATA, "mini.yaml")


def _span(anchor: str) -> Span:
    start = TEXT.index(anchor)
    end = TEXT.index(".", start) + 1
    return Span(start, end)


KIMURA = Person(key="kimura-haruto", name="Haruto Kimura", family_name="Kimura", given_name="Haruto")
LI = Person(key="li-mei", name="Li Mei", family_name="Li", given_name="Mei", gender="female")
AGENCY = Organization(key="ea", name="Example Agency", acronym="EA")
GROUP = GroupSpeaker(key="group-kor-participants", label="the Korean participants", countries=("KOR",))


def _perfect() -> Extraction:
    document = Document(path=Path("mini.txt"), report_id="mini", text=TEXT, blocks=(), sha256="0")
    anchors = [s.anchor for s in _gold().statements]
    speakers = ["kimura-haruto", "li-mei", "kimura-haruto", GROUP.key, "li-mei"]
    acts = [SpeechAct.ASKED, SpeechAct.ANSWERED, SpeechAct.THANKED, SpeechAct.ASKED, SpeechAct.ANSWERED]
    span = Span(0, 10)
    return Extraction(
        document=document,
        event=Event(title="Mini", span=span),
        sessions=(
            Session(number=1, title="Visit to the Example Agency", span=span, date="2022-03-07", host="ea"),
        ),
        people=(KIMURA, LI),
        groups=(GROUP,),
        organizations=(AGENCY,),
        posts=(
            Post(person="li-mei", role="Director", organization="ea", span=span),
            Post(person="kimura-haruto", role="Professor", organization=None, span=span),
        ),
        statements=tuple(
            Statement(span=_span(a), speaker=s, act=act)
            for a, s, act in zip(anchors, speakers, acts, strict=True)
        ),
        interactions=(
            Interaction("kimura-haruto", "li-mei", InteractionKind.ASKED, span, 1),
            Interaction("li-mei", "kimura-haruto", InteractionKind.ANSWERED, span, 1),
            Interaction("kimura-haruto", "li-mei", InteractionKind.THANKED, span, 1),
            Interaction("kimura-haruto", "li-mei", InteractionKind.PICTURED_TOGETHER, span, 1),  # not scored
            Interaction(GROUP.key, "li-mei", InteractionKind.ASKED, span, 1),  # group: not scored
        ),
    )


def _table(extraction: Extraction) -> ScoreTable:
    return score_reports([_gold()], [extraction])


def test_perfect_prediction_scores_one_everywhere() -> None:
    table = _table(_perfect())
    for category in ("people", "posts", "sessions", "session hosts", "interactions", "statement speakers"):
        score = table.get("mini", category)
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), category


def test_name_order_case_and_hyphens_do_not_matter() -> None:
    swapped = dataclasses.replace(KIMURA, family_name="HARUTO", given_name="kimura")
    extraction = dataclasses.replace(_perfect(), people=(swapped, LI))
    assert _table(extraction).get("mini", "people") == Score(tp=2)


def test_split_person_lowers_precision_not_recall() -> None:
    twin = dataclasses.replace(KIMURA, key="kimura-haruto-2")
    extraction = dataclasses.replace(_perfect(), people=(KIMURA, twin, LI))
    people = _table(extraction).get("mini", "people")
    assert people == Score(tp=2, fp=1, fn=0)
    assert people.precision == pytest.approx(2 / 3)


def test_merged_people_lower_recall() -> None:
    extraction = dataclasses.replace(_perfect(), people=(KIMURA,))
    assert _table(extraction).get("mini", "people") == Score(tp=1, fp=0, fn=1)


def test_false_person_is_a_false_positive_and_mentioned_only_is_neither() -> None:
    false_person = Person(
        key="visit-example", name="Example Visit", family_name="Visit", given_name="Example"
    )
    mentioned = Person(key="m", name="Only Mentioned", family_name="Mentioned", given_name="Only")
    assert _table(dataclasses.replace(_perfect(), people=(KIMURA, LI, false_person))).get(
        "mini", "people"
    ) == Score(tp=2, fp=1)
    assert _table(dataclasses.replace(_perfect(), people=(KIMURA, LI, mentioned))).get(
        "mini", "people"
    ) == Score(tp=2)


def test_wrong_speaker_lowers_attribution() -> None:
    perfect = _perfect()
    statements = list(perfect.statements)
    statements[1] = dataclasses.replace(statements[1], speaker="kimura-haruto")  # "She answered" given to him
    table = _table(dataclasses.replace(perfect, statements=tuple(statements)))
    speakers = table.get("mini", "statement speakers")
    assert speakers == Score(tp=4, fp=1, fn=1)
    assert speakers.recall == pytest.approx(0.8)


def test_unlocated_statement_counts_against_attribution_only_as_missed() -> None:
    perfect = _perfect()
    table = _table(dataclasses.replace(perfect, statements=perfect.statements[:4]))
    assert table.get("mini", "statement speakers") == Score(tp=4, fp=0, fn=1)


def test_missing_and_reversed_interactions() -> None:
    perfect = _perfect()
    reversed_thanks = Interaction("li-mei", "kimura-haruto", InteractionKind.THANKED, Span(0, 1), 1)
    interactions = (*perfect.interactions[:2], reversed_thanks)
    score = _table(dataclasses.replace(perfect, interactions=interactions)).get("mini", "interactions")
    assert score == Score(tp=2, fp=1, fn=1)


def test_post_needs_the_right_organization_only_when_gold_names_one() -> None:
    perfect = _perfect()
    other = Organization(key="other-body", name="Other Body")
    posts = (
        Post(person="li-mei", role="Director", organization="other-body", span=Span(0, 1)),
        Post(person="kimura-haruto", role="Professor", organization="other-body", span=Span(0, 1)),
    )
    extraction = dataclasses.replace(perfect, posts=posts, organizations=(AGENCY, other))
    assert _table(extraction).get("mini", "posts") == Score(tp=1, fp=1, fn=1)


def test_duplicate_posts_count_once() -> None:
    perfect = _perfect()
    extraction = dataclasses.replace(perfect, posts=perfect.posts + perfect.posts)
    assert _table(extraction).get("mini", "posts") == Score(tp=2)


def test_session_with_wrong_date_is_wrong() -> None:
    perfect = _perfect()
    sessions = (dataclasses.replace(perfect.sessions[0], date="2022-03-08"),)
    assert _table(dataclasses.replace(perfect, sessions=sessions)).get("mini", "sessions") == Score(
        fp=1, fn=1
    )


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Director", "Director of the Accessions Division", True),
        ("Under-Secretary-General for Operational Support", "USG", True),
        ("Vice President", "Vice-President", True),
        ("Director", "Director-General", False),
        ("Professor Emeritus", "Professor", False),
    ],
)
def test_roles_match(gold: str, predicted: str, expected: bool) -> None:
    assert roles_match(gold, predicted) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("World Health Organization", "WHO", True),
        ("UN Association of China", "United Nations Association of China", True),
        ("Fudan University", "Center for UN Studies, Fudan University", True),
        ("Tokai University", "Sophia University", False),
    ],
)
def test_organization_names_match(gold: str, predicted: str, expected: bool) -> None:
    assert organization_names_match(gold, predicted) is expected


def test_same_person_across_reports_is_scored_pairwise() -> None:
    gold_a = _gold()
    gold_b = dataclasses.replace(gold_a, report="mini-b", statements=(), interactions=(), posts=())
    perfect = _perfect()
    other = dataclasses.replace(perfect, document=dataclasses.replace(perfect.document, report_id="mini-b"))
    assert score_reports([gold_a, gold_b], [perfect, other]).get(
        "all reports", "same person across reports"
    ) == Score(tp=2)
    renamed = dataclasses.replace(other, people=(dataclasses.replace(KIMURA, key="kimura-2"), LI))
    assert score_reports([gold_a, gold_b], [perfect, renamed]).get(
        "all reports", "same person across reports"
    ) == Score(tp=1, fn=1)


def test_render_shows_every_category_and_overall() -> None:
    text = _table(_perfect()).render()
    assert "precision" in text and "overall" in text
    assert "statement speakers" in text and "1.000" in text


def test_gold_round_trips_through_yaml(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(dump_gold(_gold()), encoding="utf-8")
    assert load_gold(path) == _gold()


def test_bad_gold_entry_names_file_and_entry(tmp_path: Path) -> None:
    data = {**GOLD_DATA, "interactions": [{"from": "kimura-haruto", "to": "li-mei", "kind": "waved"}]}
    with pytest.raises(GoldError, match=r"mini.yaml: interactions\[0\]: 'kind' is 'waved'"):
        parse_gold(data, "mini.yaml")
    data = {**GOLD_DATA, "posts": [{"person": "nobody", "role": "Director"}]}
    with pytest.raises(GoldError, match="unknown person key 'nobody'"):
        parse_gold(data, "mini.yaml")


def test_corpus_gold_files_load_and_anchor_into_their_reports() -> None:
    root = Path(__file__).resolve().parents[2]
    golds = load_gold_dir(root / "tests" / "gold")
    assert {g.report for g in golds} == {"geneva-dialogue-2019", "acuns-annual-meeting-2023"}
    for gold in golds:
        text = (root / "data" / "reports" / f"{gold.report}.txt").read_text(encoding="utf-8")
        for statement in gold.statements:
            assert text.count(statement.anchor) == 1, statement.anchor
        for person in gold.people:
            for variant in person.variants:
                assert variant in text, variant


_NAME_PART = st.from_regex(r"[A-Z][a-z]{1,8}(-[a-z]{2,5})?", fullmatch=True)


@given(
    family=_NAME_PART, given_name=_NAME_PART, swap=st.booleans(), upper=st.booleans(), spaced=st.booleans()
)
def test_name_matching_ignores_order_case_and_hyphens(
    family: str, given_name: str, swap: bool, upper: bool, spaced: bool
) -> None:
    gold = GoldPerson(key="k", family=family, given=given_name)
    written_family = family.upper() if upper else family
    written_given = given_name.replace("-", " ") if spaced else given_name
    if swap:
        written_family, written_given = written_given, written_family
    predicted = Person(key="p", name="x", family_name=written_family, given_name=written_given)
    assert predicted_name_forms(predicted) & gold_name_forms(gold)

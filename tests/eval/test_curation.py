"""Curation fixes: each does what data/curation.yaml documents, and stale or malformed fixes fail clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from unkg.curation import Curation, CurationError, apply_curation, load_curation, parse_curation
from unkg.model import (
    Document,
    Event,
    Extraction,
    Interaction,
    InteractionKind,
    Organization,
    Person,
    Post,
    Span,
    SpeechAct,
    Statement,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Ms. WANG Fang, Director, Example Agency, opened the meeting. "
    "Professor Wang asked her about budgets. "
    "Mr. Droj Batbayar commented. Dr. Batbayar Dorj agreed. Example Visit followed."
)


def _span(text: str, occurrence: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(text), TEXT)]
    return Span(starts[occurrence], starts[occurrence] + len(text))


def _extraction(report_id: str = "example-meeting-2024") -> Extraction:
    wang = Person(
        key="wang-fang",
        name="Fang Wang",
        family_name="Wang",
        given_name="Fang",
        gender="female",
        variants=("WANG Fang",),
        mentions=(_span("WANG Fang"), _span("Professor Wang")),
    )
    dorj_a = Person("dorj-batbayar", "Batbayar Dorj", "Dorj", "Batbayar", mentions=(_span("Batbayar Dorj"),))
    dorj_b = Person("droj-batbayar", "Batbayar Droj", "Droj", "Batbayar", mentions=(_span("Droj Batbayar"),))
    false_person = Person(
        "example-visit", "Example Visit", "Visit", "Example", mentions=(_span("Example Visit"),)
    )
    asked = Statement(_span("Professor Wang asked her about budgets."), "wang-fang", SpeechAct.ASKED)
    opened = Statement(
        _span("Ms. WANG Fang, Director, Example Agency, opened the meeting."), "wang-fang", SpeechAct.STATED
    )
    return Extraction(
        document=Document(Path(f"{report_id}.txt"), report_id, TEXT, (), "0"),
        event=Event("Example meeting", Span(0, 1)),
        people=(wang, dorj_a, dorj_b, false_person),
        organizations=(Organization("example-agency", "Example Agency"),),
        posts=(
            Post("wang-fang", "Director", "example-agency", _span("Director")),
            Post("example-visit", "Member", None, _span("Example Visit")),
        ),
        statements=(
            opened,
            asked,
            Statement(_span("Example Visit followed."), "example-visit", SpeechAct.STATED, speaker_post=1),
            Statement(
                _span("Dr. Batbayar Dorj agreed."), "dorj-batbayar", SpeechAct.STATED, speaker_post=None
            ),
        ),
        interactions=(
            Interaction(
                "wang-fang", "dorj-batbayar", InteractionKind.ASKED, _span("Professor Wang asked her")
            ),
            Interaction("example-visit", "wang-fang", InteractionKind.THANKED, _span("Example Visit")),
        ),
    )


def _apply(data: object) -> Extraction:
    (result,) = apply_curation([_extraction()], parse_curation(data, "curation.yaml"))
    return result


def _keys(extraction: Extraction) -> list[str]:
    return sorted(p.key for p in extraction.people)


def test_shipped_curation_file_is_valid_and_empty() -> None:
    curation = load_curation(ROOT / "data" / "curation.yaml")
    assert curation.empty
    assert apply_curation([_extraction()], curation) == (_extraction(),)


def test_commented_examples_in_the_shipped_file_are_valid() -> None:
    lines = []
    for line in (ROOT / "data" / "curation.yaml").read_text(encoding="utf-8").splitlines():
        header = re.match(r"# (merge|split|rename|drop_people|posts): ", line)
        if header:
            lines.append(header.group(1) + ":")
        elif re.match(r"#( {3}- | {5})[a-z_]+: ", line):
            lines.append(line[1:])
    curation = parse_curation(yaml.safe_load("\n".join(lines)), "examples")
    assert (len(curation.merges), len(curation.splits), len(curation.renames)) == (1, 1, 1)
    assert (len(curation.drops), len(curation.posts)) == (1, 3)


def test_missing_file_is_an_empty_curation(tmp_path: Path) -> None:
    assert load_curation(tmp_path / "none.yaml") == Curation(source=str(tmp_path / "none.yaml"))


def test_merge_two_people_into_one() -> None:
    merged = _apply({"merge": [{"into": "dorj-batbayar", "people": ["dorj-batbayar", "droj-batbayar"]}]})
    assert _keys(merged) == ["dorj-batbayar", "example-visit", "wang-fang"]
    dorj = next(p for p in merged.people if p.key == "dorj-batbayar")
    assert len(dorj.mentions) == 2


def test_split_moves_mentions_and_the_statements_they_start() -> None:
    split = _apply(
        {
            "split": [
                {"person": "wang-fang", "new_key": "wang-lei", "family": "Wang", "given": "Lei",
                 "gender": "male", "mentions": ["professor wang"]}
            ]
        }
    )  # fmt: skip
    assert _keys(split) == ["dorj-batbayar", "droj-batbayar", "example-visit", "wang-fang", "wang-lei"]
    speakers = [s.speaker for s in split.statements]
    assert speakers[:2] == ["wang-fang", "wang-lei"]
    assert split.interactions[0].source == "wang-lei"
    assert split.posts[0].person == "wang-fang"


def test_rename_changes_name_and_key_everywhere() -> None:
    renamed = _apply({"rename": [{"person": "wang-fang", "given": "Fang-fang", "new_key": "wang-fang-fang"}]})
    wang = next(p for p in renamed.people if p.key == "wang-fang-fang")
    assert (wang.name, wang.given_name) == ("Fang-fang Wang", "Fang-fang")
    assert renamed.posts[0].person == "wang-fang-fang"
    assert renamed.statements[0].speaker == "wang-fang-fang"


def test_drop_false_person_removes_everything_about_them() -> None:
    dropped = _apply({"drop_people": [{"person": "example-visit"}]})
    assert "example-visit" not in _keys(dropped)
    assert all("example-visit" not in (i.source, i.target) for i in dropped.interactions)
    assert all(s.speaker != "example-visit" for s in dropped.statements)
    assert [p.person for p in dropped.posts] == ["wang-fang"]


def test_post_fixes_add_correct_drop_and_keep_speaker_post_indexes() -> None:
    fixed = _apply(
        {
            "posts": [
                {"action": "drop", "person": "wang-fang", "role": "director"},
                {"action": "add", "report": "example-meeting-2024", "person": "dorj-batbayar",
                 "role": "Colonel", "organization": "armed-forces-example",
                 "organization_name": "Armed Forces of Example"},
                {"action": "correct", "person": "example-visit", "role": "Member", "set_former": True},
            ]
        }
    )  # fmt: skip
    assert [(p.person, p.role, p.former) for p in fixed.posts] == [
        ("example-visit", "Member", True),
        ("dorj-batbayar", "Colonel", False),
    ]
    assert any(o.key == "armed-forces-example" for o in fixed.organizations)
    assert fixed.statements[2].speaker_post == 0  # was 1 before the first post was dropped


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"merge": [{"into": "x", "people": ["nobody-here"]}]}, r"merge\[0\]: no person 'nobody-here'"),
        ({"drop_people": [{"person": "wang-fang", "report": "other"}]},
         r"drop_people\[0\]: no report 'other'"),
        ({"posts": [{"action": "drop", "person": "wang-fang", "role": "Chief"}]},
         r"posts\[0\]: no post 'Chief'"),
        ({"split": [{"person": "wang-fang", "new_key": "w", "family": "W", "mentions": ["Dr. Nobody"]}]},
         r"split\[0\]: no mention of 'wang-fang' reads 'Dr. Nobody'"),
    ],
)  # fmt: skip
def test_stale_fix_is_an_error_naming_file_and_entry(data: object, message: str) -> None:
    with pytest.raises(CurationError, match="curation.yaml: " + message):
        _apply(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"merges": []}, "unknown section 'merges'"),
        ({"rename": [{"person": "wang-fang"}]}, r"rename\[0\]: nothing to change"),
        ({"rename": [{"person": "Wang Fang", "given": "X"}]}, r"rename\[0\]: 'person' must be a key"),
        ({"posts": [{"action": "move", "person": "a", "role": "b"}]}, r"posts\[0\]: 'action' is 'move'"),
        ({"drop_people": [{"person": "a", "colour": "red"}]}, r"drop_people\[0\]: unknown field 'colour'"),
        (
            {"split": [{"person": "a", "new_key": "b", "family": "B", "mentions": "B"}]},
            r"split\[0\]: 'mentions' must",
        ),
    ],
)
def test_malformed_file_is_an_error_naming_file_and_entry(data: object, message: str) -> None:
    with pytest.raises(CurationError, match="curation.yaml: " + message):
        parse_curation(data, "curation.yaml")


def test_bad_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "curation.yaml"
    path.write_text("merge: [\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"curation\.yaml: not valid YAML"):
        load_curation(path)

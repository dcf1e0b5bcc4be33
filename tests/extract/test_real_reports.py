"""Extraction of the two real reports: the people each names, once each, and the scores against gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.evaluate import score_reports
from unkg.extract import extract, resolve_across_reports
from unkg.gold import load_gold_dir
from unkg.model import Extraction

GOLD_DIR = Path(__file__).parents[1] / "gold"


def test_people_of_the_2023_report(real_extractions: dict[str, Extraction]) -> None:
    people = real_extractions["acuns-annual-meeting-2023"].people
    assert [(p.key, p.name) for p in people] == [
        ("baumann-franz", "Franz Baumann"),
        ("choi-dong-ju", "Dong Ju Choi"),
        ("hasegawa-sukehiro", "Sukehiro Hasegawa"),
        ("hu-wenli", "Wenli Hu"),
        ("yamada-tetsuya", "Tetsuya Yamada"),
    ]


def test_people_of_the_2019_report_are_each_found_once(real_extractions: dict[str, Extraction]) -> None:
    people = {p.key: p for p in real_extractions["geneva-dialogue-2019"].people}
    assert len(people) == 48
    assert {"zhang-yunfei", "zhang-guihong", "lee-jangkeun", "lee-juneyong", "yamada-mayumi"} <= set(people)
    assert set(people["park-heung-soon"].variants) >= {"Heung-Soon Park", "Heung Soon PARK", "Professor Park"}
    assert people["gamarra-elizabeth"].variants == (
        "Elizabeth GAMARRA",
        "Elizabeth Gamarra",
        "Elizabeth Gammara",
    )
    assert people["zhang-yunfei"].gender == "female" and people["lee-jangkeun"].country == "KOR"


def test_no_statement_comes_from_a_caption_or_heading(real_extractions: dict[str, Extraction]) -> None:
    for extraction in real_extractions.values():
        shown = [b.span for b in extraction.document.blocks if b.kind.value in ("caption", "heading")]
        for statement in extraction.statements:
            assert not any(span.start <= statement.span.start < span.end for span in shown)


def test_extraction_is_deterministic(real_extractions: dict[str, Extraction]) -> None:
    again = extract(real_extractions["geneva-dialogue-2019"].document)
    assert again == real_extractions["geneva-dialogue-2019"]


def test_scores_against_gold_meet_the_targets(real_extractions: dict[str, Extraction]) -> None:
    golds = load_gold_dir(GOLD_DIR)
    if not golds:
        pytest.skip("no gold annotations")
    extractions = resolve_across_reports([real_extractions[gold.report] for gold in golds])
    table = score_reports(golds, extractions)
    assert table.get("overall", "people").f1 >= 0.95
    assert table.get("overall", "posts").f1 >= 0.85
    assert table.get("overall", "interactions").f1 >= 0.85
    assert table.get("overall", "statement speakers").recall >= 0.90


def test_every_reference_points_at_something_extracted(real_extractions: dict[str, Extraction]) -> None:
    for extraction in real_extractions.values():
        agents = {p.key for p in extraction.people} | {g.key for g in extraction.groups}
        sessions = {s.number for s in extraction.sessions}
        organizations = {o.key for o in extraction.organizations}
        for statement in extraction.statements:
            assert statement.speaker in agents and (
                statement.addressee is None or statement.addressee in agents
            )
            assert statement.session is None or statement.session in sessions
            if statement.speaker_post is not None:
                assert extraction.posts[statement.speaker_post].person == statement.speaker
        assert all(i.source in agents and i.target in agents for i in extraction.interactions)
        assert all(p.organization in organizations for p in extraction.posts if p.organization)
        assert all(s.host in organizations for s in extraction.sessions if s.host)
        assert all(p.person in agents and p.session in sessions for p in extraction.participations)

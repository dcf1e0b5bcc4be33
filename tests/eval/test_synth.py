"""The synthetic report generator: deterministic, varied, and its ground truth agrees with its text."""

from __future__ import annotations

import re
from pathlib import Path

from unkg.evaluate import score_reports
from unkg.gold import GoldReport, load_gold_dir
from unkg.model import (
    Document,
    Event,
    Extraction,
    GroupSpeaker,
    Interaction,
    Organization,
    Person,
    Post,
    Session,
    Span,
    Statement,
)
from unkg.rdf.iris import slugify
from unkg.synth import generate_corpus, generate_report, generate_series, write_corpus

CORPUS = generate_corpus(20, seed=100)


def _perfect_extraction(report_id: str, text: str, gold: GoldReport) -> Extraction:
    """What an extraction that got everything right would return, built from the ground truth."""
    span = Span(0, 1)
    organizations = {}
    for names in [p.organizations for p in gold.posts] + [s.hosts for s in gold.sessions]:
        if names:
            organizations[slugify(names[0])] = Organization(key=slugify(names[0]), name=names[0])
    statements = []
    for statement in gold.statements:
        start = text.index(statement.anchor)
        end = re.compile(r"[.?!]\"?(\s|$)").search(text, start + len(statement.anchor))
        statements.append(
            Statement(Span(start, end.end() if end else len(text)), statement.speaker, statement.act)
        )
    return Extraction(
        document=Document(
            path=Path(f"{report_id}.txt"), report_id=report_id, text=text, blocks=(), sha256="0"
        ),
        event=Event(title="x", span=span),
        people=tuple(
            Person(key=p.key, name=p.key, family_name=p.family, given_name=p.given, gender=p.gender)
            for p in gold.people
        ),
        posts=tuple(
            Post(p.person, p.role, slugify(p.organizations[0]) if p.organizations else None, span)
            for p in gold.posts
        ),
        sessions=tuple(
            Session(s.number, s.title, span, s.date, slugify(s.hosts[0]) if s.hosts else None)
            for s in gold.sessions
        ),
        organizations=tuple(organizations.values()),
        groups=tuple(
            GroupSpeaker(key=s.speaker, label=s.group_label)
            for s in {s.speaker: s for s in gold.statements}.values()
            if s.group_label is not None
        ),
        interactions=tuple(
            Interaction(i.source, i.target, i.kind, span, i.session) for i in gold.interactions
        ),
        statements=tuple(statements),
    )


def test_same_seed_same_report() -> None:
    assert generate_report(7) == generate_report(7)
    assert generate_report(7).text != generate_report(8).text


def test_ground_truth_is_anchored_in_the_text() -> None:
    for report in CORPUS:
        for statement in report.gold.statements:
            assert report.text.count(statement.anchor) == 1, (report.report_id, statement.anchor)
        for person in report.gold.people:
            assert person.variants, person.key
            for variant in person.variants:
                assert variant in report.text, (report.report_id, variant)


def test_ground_truth_round_trips_through_gold_files(tmp_path: Path) -> None:
    _, gold_dir = write_corpus(tmp_path, count=5, seed=100)
    assert load_gold_dir(gold_dir) == tuple(report.gold for report in CORPUS[:5])


def test_perfect_extraction_of_synthetic_reports_scores_one() -> None:
    golds = [report.gold for report in CORPUS]
    extractions = [_perfect_extraction(r.report_id, r.text, r.gold) for r in CORPUS]
    table = score_reports(golds, extractions)
    for category in ("people", "posts", "sessions", "session hosts", "interactions", "statement speakers"):
        score = table.get("overall", category)
        assert (score.precision, score.recall) == (1.0, 1.0), category


def test_corpus_is_varied_like_the_real_reports() -> None:
    text = "\n".join(report.text for report in CORPUS)
    keys = {p.key for report in CORPUS for p in report.gold.people}
    variants = [v for report in CORPUS for p in report.gold.people for v in p.variants]
    assert len(keys) > 150
    assert any(re.fullmatch(r"[A-Z]{2,} [A-Z][a-z-]+", v) for v in variants)  # KIMURA Haruto
    assert any(re.fullmatch(r"[A-Z][a-z-]+ [A-Z]{2,}", v) for v in variants)  # Haruto KIMURA
    assert any(re.fullmatch(r"[A-Z][a-z-]+ [A-Z][a-z-]+", v) for v in variants)  # Haruto Kimura
    kinds = {i.kind.value for report in CORPUS for i in report.gold.interactions}
    assert kinds == {"asked", "answered", "thanked", "hosted"}
    assert re.search(r"[a-z]\n\n[a-z]", text)  # a sentence broken across a page
    assert "¹ " in text and "Session 3 " in text and "Day 1: " in text
    assert "Opening Session with " in text and ", and by " in text  # unnumbered opening; panels of two
    assert any(p.mentioned_only for report in CORPUS for p in report.gold.people)
    assert any(s.group_label for report in CORPUS for s in report.gold.statements)
    families = {p.family for report in CORPUS for p in report.gold.people}
    assert {"Dorj", "Bold", "Purev", "Davaa", "Gombo", "Sodnom", "Ganbaatar", "Tserendorj"} & families
    assert {"Kim", "Lee", "Choi", "Park", "Kang", "Yoon", "Han", "Oh", "Seo", "Shin"} & families


def test_a_series_brings_scholars_back_under_one_key_in_varied_name_forms() -> None:
    series = generate_series(8, seed=40, returning=3)
    keys_per_report = [{p.key for p in report.gold.people} for report in series]
    returning = {
        key for key in set.union(*keys_per_report) if sum(key in keys for keys in keys_per_report) >= 3
    }
    assert len(returning) >= 2
    for key in returning:
        forms = {v for report in series for p in report.gold.people if p.key == key for v in p.variants}
        assert len(forms) >= 2, (key, forms)  # e.g. "KIMURA Haruto" in one report, "Haruto Kimura" in another

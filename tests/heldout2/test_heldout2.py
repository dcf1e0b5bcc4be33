"""Held-out set 2: extraction scored on three invented reports nobody shaped the extraction against.

The reports in ``reports/`` and their gold files in ``gold/`` were written without reading the
extraction code or the first held-out set (see README.md here). The floors sit a little below
the measurement of README.md, or at the project's target where the measurement passed it, so a
regression in people, posts, interactions or speaker attribution on unseen reports fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.config import load_settings
from unkg.evaluate import OVERALL, Score, ScoreTable, evaluate
from unkg.gold import GoldReport, load_gold_dir

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE / "gold"
REPORTS_DIR = HERE / "reports"

# (category of the score table, measure, floor). Targets: people F1 0.95, posts F1 0.85,
# interactions F1 0.85, speaker attribution 0.90; a floor below its target is just below the
# measurement recorded in README.md.
FLOORS: tuple[tuple[str, str, float], ...] = (
    ("people", "f1", 0.88),
    ("posts", "f1", 0.80),
    ("interactions", "f1", 0.40),
    ("statement speakers", "recall", 0.70),  # recall of statement speakers = speaker attribution
)


@pytest.fixture(scope="module")
def table() -> ScoreTable:
    """Extraction of the three held-out reports scored against their gold files (about a second)."""
    return evaluate(GOLD_DIR, load_settings())


def _measure(score: Score, measure: str) -> float:
    value = score.f1 if measure == "f1" else score.recall
    assert value is not None, "the gold files annotate this category, so the score is defined"
    return value


@pytest.mark.parametrize(("category", "measure", "floor"), FLOORS, ids=[row[0] for row in FLOORS])
def test_overall_score_stays_above_its_floor(
    table: ScoreTable, category: str, measure: str, floor: float
) -> None:
    value = _measure(table.get(OVERALL, category), measure)
    assert value >= floor, f"{category} {measure} on held-out set 2 is {value:.3f}, below the floor {floor}"


def test_every_report_is_scored(table: ScoreTable) -> None:
    stems = sorted(path.stem for path in REPORTS_DIR.glob("*.txt"))
    assert len(stems) == 3
    for stem in stems:
        assert table.get(stem, "people").gold > 0, stem


def _golds() -> tuple[GoldReport, ...]:
    return load_gold_dir(GOLD_DIR)


@pytest.mark.parametrize("gold", _golds(), ids=lambda gold: gold.report)
def test_gold_anchors_and_variants_are_verbatim(gold: GoldReport) -> None:
    """Each anchor occurs exactly once in its report and each name variant appears in it."""
    text = (REPORTS_DIR / f"{gold.report}.txt").read_text(encoding="utf-8")
    for statement in gold.statements:
        assert text.count(statement.anchor) == 1, statement.anchor
    for person in gold.people:
        for variant in person.variants:
            assert variant in text, f"{person.key}: {variant}"

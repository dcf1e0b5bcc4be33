"""Extraction measured against gold: the two corpus reports and seeded synthetic reports it has never seen.

On the corpus the thresholds are the project's targets (people F1 >= 0.95, posts and
interactions F1 >= 0.85, statement speaker attribution >= 0.90), and sessions and session hosts stay
at the 1.0 they measure. On synthetic reports
(questions, answers and thanks in more wordings than the corpus has) interactions and speaker
attribution are below target for now: their floors guard against regressions and should rise to
the targets as docs/extraction-errors.md is worked off. `python bench/eval_report.py` prints the
full tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.config import load_settings
from unkg.evaluate import ScoreTable, evaluate, evaluate_synthetic

TARGETS = {"people": 0.95, "posts": 0.85, "interactions": 0.85}
# The corpus reports' sessions and their hosts are all found (measured 23 Nov: 1.0 and 1.0): held there.
CORPUS_FLOORS = {**TARGETS, "sessions": 1.0, "session hosts": 1.0}
SPEAKER_ATTRIBUTION = 0.90
SYNTHETIC_FLOORS = {"people": 0.95, "posts": 0.85, "interactions": 0.78}  # measured 23 Nov: 1.0, 1.0, 0.82
SYNTHETIC_SPEAKER_ATTRIBUTION = 0.85  # measured 23 Nov: 0.88


def _check(
    table: ScoreTable, floors: dict[str, float], attribution_floor: float = SPEAKER_ATTRIBUTION
) -> None:
    failures = table.shortfalls(floors, attribution_floor)
    assert not failures, "\n".join(failures) + "\n" + table.render()


def test_corpus_reports_meet_the_targets_without_curation() -> None:
    settings = load_settings()
    _check(evaluate(settings.root / "tests" / "gold", settings=settings), CORPUS_FLOORS)


@pytest.mark.parametrize("seed", [500, 700])
def test_unseen_synthetic_reports_meet_the_floors(seed: int, tmp_path: Path) -> None:
    _check(evaluate_synthetic(20, seed, tmp_path), SYNTHETIC_FLOORS, SYNTHETIC_SPEAKER_ATTRIBUTION)


def test_scholars_who_come_back_in_a_series_are_one_person_across_reports(tmp_path: Path) -> None:
    table = evaluate_synthetic(12, 4000, tmp_path, series=True)
    across = table.get("all reports", "same person across reports")
    assert across.gold > 20
    assert across.f1 is not None and across.f1 >= 0.95, table.render(per_report=False)

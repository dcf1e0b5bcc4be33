"""Print extraction scores: the corpus gold (as `unkg eval tests/gold`) and synthetic reports.

    .venv/bin/python bench/eval_report.py [--count 20] [--seed 1000]

Figures, not a pass/fail test (tests/eval/ holds the thresholds).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from unkg.config import load_settings
from unkg.evaluate import evaluate, evaluate_synthetic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20, help="synthetic reports")
    parser.add_argument("--seed", type=int, default=1000, help="first seed")
    args = parser.parse_args()
    settings = load_settings()
    started = time.perf_counter()
    print("== corpus (tests/gold), without curation")
    print(evaluate(settings.root / "tests" / "gold", settings=settings).render())
    print(f"({time.perf_counter() - started:.1f} s)\n")
    started = time.perf_counter()
    print(f"== {args.count} synthetic reports")
    with tempfile.TemporaryDirectory() as work:
        print(evaluate_synthetic(args.count, args.seed, Path(work)).render(per_report=False))
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()

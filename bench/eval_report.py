"""Print extraction scores: the corpus gold (as `unkg eval tests/gold`) and synthetic reports.

    .venv/bin/python bench/eval_report.py [--count 20] [--seed 1000] [--explain] [--gold DIR]

`--explain` also lists every error (missed/false people, posts, interactions, wrong speakers)
of the corpus and of the synthetic reports, the input of docs/extraction-errors.md. `--gold DIR`
scores (and explains) another gold folder instead of the corpus, e.g. a held-out set used for
development (`tests/heldout3/gold`); never point it at a set kept for measuring.
Figures, not a pass/fail test (tests/eval/ holds the thresholds).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from unkg.config import Settings, load_settings
from unkg.document import read_report
from unkg.evaluate import evaluate, evaluate_synthetic, explain_report, extract_reports, find_report
from unkg.extract import extract
from unkg.gold import load_gold_dir
from unkg.synth import generate_corpus


def explain_gold(settings: Settings, gold_dir: Path) -> None:
    golds = load_gold_dir(gold_dir)
    paths = [find_report(settings.reports_dir, g.report, gold_dir.parent / "reports") for g in golds]
    extractions = extract_reports(paths, settings)
    for gold, extraction in zip(golds, extractions, strict=True):
        print("\n".join(explain_report(gold, extraction)))


def explain_synthetic(count: int, seed: int, work: Path) -> None:
    for report in generate_corpus(count, seed):
        path = work / f"{report.report_id}.txt"
        path.write_text(report.text, encoding="utf-8")
        print("\n".join(explain_report(report.gold, extract(read_report(path)))))
    print(f"(reports written to {work})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20, help="synthetic reports")
    parser.add_argument("--seed", type=int, default=1000, help="first seed")
    parser.add_argument("--explain", action="store_true", help="list every error too")
    parser.add_argument("--gold", type=Path, help="gold folder to score instead of tests/gold")
    args = parser.parse_args()
    settings = load_settings()
    gold_dir = args.gold or settings.root / "tests" / "gold"
    started = time.perf_counter()
    print(f"== gold ({gold_dir}), without curation")
    print(evaluate(gold_dir, settings=settings).render())
    print(f"({time.perf_counter() - started:.1f} s)\n")
    started = time.perf_counter()
    print(f"== {args.count} synthetic reports")
    with tempfile.TemporaryDirectory() as work:
        print(evaluate_synthetic(args.count, args.seed, Path(work)).render(per_report=False))
    print(f"({time.perf_counter() - started:.1f} s)\n")
    print(f"== a series of {args.count} synthetic reports (scholars come back; resolved across reports)")
    with tempfile.TemporaryDirectory() as work:
        table = evaluate_synthetic(args.count, args.seed, Path(work), series=True)
        print(table.render(per_report=False))
        across = table.get("all reports", "same person across reports")
        print(f"same person across reports: P {across.precision} R {across.recall} F1 {across.f1}")
    if args.explain:
        print(f"\n== errors, gold ({gold_dir})")
        explain_gold(settings, gold_dir)
        print("\n== errors, synthetic")
        explain_synthetic(args.count, args.seed, Path(tempfile.mkdtemp(prefix="unkg-synth-")))


if __name__ == "__main__":
    main()

"""Benchmark: build time of the reports, triples written, median latency of every canned query.

Oxigraph (on disk and in memory) beside the rdflib in-memory store, in the same run, on the same
extractions. Prints markdown tables; not a pass/fail test.

    .venv/bin/python bench/bench_build.py [--repeat 7] [REPORT_OR_FOLDER ...]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from unkg.config import Settings, load_settings
from unkg.model import Extraction
from unkg.pipeline import extract_reports, find_reports, report_graphs
from unkg.query import list_queries, run_query
from unkg.rdf.build import vocabulary_graph
from unkg.rdf.iris import Minter
from unkg.store import Store, open_store

# parameters for the canned queries that require some
QUERY_PARAMS: dict[str, dict[str, str]] = {"positions": {"topic": "multilateralism"}}


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def load(store: Store, extractions: Sequence[Extraction], settings: Settings) -> None:
    """RDF building and loading, as the pipeline does it (vocabulary plus one graph per report)."""
    graphs = [(Minter(settings.base_iri).vocabulary_graph(), vocabulary_graph(settings))]
    graphs += report_graphs(extractions, settings)
    for graph_iri, graph in graphs:
        store.replace_graph(graph_iri, graph)


def query_latencies(store: Store, settings: Settings, repeat: int) -> dict[str, tuple[float, int]]:
    """Median seconds and row count of each canned query."""
    figures = {}
    for info in list_queries(settings):
        params = QUERY_PARAMS.get(info.name, {})
        if any(p.required and p.name not in params for p in info.parameters):
            continue
        rows = len(run_query(store, info.name, params, settings).rows)  # warm-up, and the row count
        run = partial(run_query, store, info.name, params, settings)
        samples = [timed(run) for _ in range(repeat)]
        figures[info.name] = (statistics.median(samples), rows)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=7, help="runs per query (median reported)")
    args = parser.parse_args(argv)
    settings = load_settings()
    files = find_reports(args.paths or [settings.reports_dir])

    started = time.perf_counter()
    extractions = extract_reports(files)
    extract_seconds = time.perf_counter() - started

    backends: dict[str, tuple[float, int, dict[str, tuple[float, int]]]] = {}
    with tempfile.TemporaryDirectory(prefix="unkg-bench-") as folder:
        for label, backend, path in (
            ("oxigraph (disk)", "oxigraph", Path(folder) / "store"),
            ("oxigraph (memory)", "oxigraph", None),
            ("rdflib (memory)", "rdflib", None),
        ):
            with open_store(path, backend=backend) as store:
                load_seconds = timed(partial(load, store, extractions, settings))
                latencies = query_latencies(store, settings, args.repeat)
                backends[label] = (load_seconds, store.triple_count(), latencies)

    print(f"# unkg benchmark: {len(files)} report(s): {', '.join(f.name for f in files)}\n")
    print(f"Python {platform.python_version()} on {platform.machine()}; read + extract + resolve: "
          f"{extract_seconds:.2f} s (same for every store); median of {args.repeat} runs per query.\n")
    labels = list(backends)
    print("| | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    print("| build seconds (extract + RDF + load) | "
          + " | ".join(f"{extract_seconds + backends[b][0]:.2f}" for b in labels) + " |")
    print("| RDF + load seconds | " + " | ".join(f"{backends[b][0]:.2f}" for b in labels) + " |")
    print("| triples | " + " | ".join(str(backends[b][1]) for b in labels) + " |")
    for name in backends[labels[0]][2]:
        rows = backends[labels[0]][2][name][1]
        cells = " | ".join(f"{backends[b][2][name][0] * 1000:.1f} ms" for b in labels)
        print(f"| query `{name}` ({rows} rows) | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

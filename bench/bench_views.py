"""Load-to-stable time of the who-met-whom page in headless Chromium, for 100, 1,000 and 5,000 people.

Builds a synthetic graph of each size (unkg.views.synthetic, the documented graph shape) in an
in-memory store, writes the page, opens it from disk and reads the page's own timer: milliseconds
from navigation start until vis-network's stabilisation finished and physics was switched off.
Pages past 300 people start filtered to the 150 most connected; the second figure is the time to
re-stabilise after unticking that filter (every node drawn).

    .venv/bin/python bench/bench_views.py [SIZES...]

Prints a table; not a pass/fail test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from unkg.config import load_settings
from unkg.store import open_store
from unkg.views import write_view
from unkg.views.headless import CHROMIUM_ARGS, CHROMIUM_PATH, STABLE_JS
from unkg.views.synthetic import load_synthetic

CHROMIUM = CHROMIUM_PATH
STABLE = STABLE_JS


def build_page(people: int, folder: Path) -> tuple[Path, float, int]:
    """Write the who-met-whom page of a synthetic graph; return its path, build seconds and size."""
    settings = load_settings()
    started = time.perf_counter()
    with open_store(None) as store:
        load_synthetic(store, people)
        path = write_view(store, "who-met-whom", folder / f"who-met-whom-{people}.html", "html", settings)
    return path, time.perf_counter() - started, path.stat().st_size


def measure(page: Page, path: Path) -> dict[str, float]:
    """Open the page; time the first stabilisation, then (if filtered) the full network's."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_function(STABLE, timeout=600_000)
    first = page.evaluate("window.unkgView.stats")
    figures = {
        "first_ms": first["stableMs"],
        "first_nodes": first["drawnNodes"],
        "all_ms": float("nan"),
        "all_nodes": first["drawnNodes"],
        "outside_requests": len([u for u in requests if u != path.as_uri()]),
    }
    if page.query_selector("#top"):
        started = page.evaluate("performance.now()")
        page.click("#top")
        page.wait_for_function(STABLE, timeout=600_000)
        figures["all_ms"] = page.evaluate("window.unkgView.stats.lastStableAt") - started
        figures["all_nodes"] = page.evaluate("window.unkgView.drawnNodeCount()")
    return figures


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        print(
            f"{'people':>7} {'edges':>7} {'page MB':>8} {'build s':>8} {'first view':>22} {'every node':>22} "
            f"{'outside req':>11}"
        )
        for people in sizes:
            path, build_seconds, size = build_page(people, Path(tmp))
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            figures = measure(page, path)
            edges = page.evaluate("window.unkgView.drawnEdgeCount()")
            page.close()
            first = f"{figures['first_ms'] / 1000:.1f} s ({figures['first_nodes']:.0f} nodes)"
            every = "(unfiltered from the start)"
            if figures["all_ms"] == figures["all_ms"]:  # not NaN: the page started filtered
                every = f"{figures['all_ms'] / 1000:.1f} s ({figures['all_nodes']:.0f} nodes)"
            print(
                f"{people:>7} {edges:>7} {size / 1e6:>8.1f} {build_seconds:>8.1f} {first:>22} {every:>22} "
                f"{figures['outside_requests']:>11.0f}",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000])

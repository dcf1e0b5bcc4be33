"""``unkg viz NAME --format html|gexf|graphml`` run for real on a store folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from unkg.store import open_store


@pytest.fixture
def store_dir(tmp_path: Path, small_graphs: dict[URIRef, Graph]) -> Path:
    folder = tmp_path / "store"
    with open_store(folder) as store:
        for name, graph in small_graphs.items():
            store.replace_graph(name, graph)
    return folder


def unkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unkg.cli", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("file_format", ["html", "gexf", "graphml"])
def test_viz_writes_each_format(store_dir: Path, tmp_path: Path, file_format: str) -> None:
    out = tmp_path / f"who.{file_format}"
    done = unkg("viz", "who-met-whom", "--store", str(store_dir), "--out", str(out), "--format", file_format)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out}"
    if file_format == "html":
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    else:
        graph = nx.read_gexf(out) if file_format == "gexf" else nx.read_graphml(out)
        assert graph.number_of_nodes() == 7


def test_viz_writes_into_the_build_folder_by_default(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNKG_BUILD_DIR", str(tmp_path / "build"))
    done = unkg("viz", "positions", "--store", str(store_dir))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "build" / "positions.html").is_file()


def test_viz_without_a_store_says_to_build_first(tmp_path: Path) -> None:
    done = unkg("viz", "institutions", "--store", str(tmp_path / "missing"))
    assert done.returncode == 5
    assert "unkg build" in done.stderr

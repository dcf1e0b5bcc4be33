"""The ``unkg`` command end to end, as a user runs it (subprocesses; outputs in temporary folders)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

BUILD_OUTPUTS = ["graph.jsonld", "graph.ttl", "institutions.html", "positions.html", "who-met-whom.html"]

BIN = Path(sys.executable).parent / "unkg"


def unkg(*args: str, out_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run ``unkg ARGS`` with build outputs sent to ``out_dir`` (never the repository's build/)."""
    env = {**os.environ, "UNKG_BUILD_DIR": str(out_dir)}
    command = [str(BIN), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)


@pytest.fixture
def previous_store(mini_store_dir: Path, tmp_path: Path) -> Path:
    """A copy of the fixtures' store, standing for the store of an earlier build."""
    store_dir = tmp_path / "store"
    shutil.copytree(mini_store_dir, store_dir)
    return store_dir


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04 binary", "binary"),
        ("cp1252.txt", "Meeting in Genève “quoted”".encode("cp1252"), "UTF-8"),
    ],
)
def test_bad_report_exits_3_with_one_line_naming_the_file_and_keeps_the_store(
    previous_store: Path, tmp_path: Path, name: str, content: bytes | None, problem: str
) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = unkg("build", str(bad), "--store", str(previous_store), out_dir=tmp_path / "out")
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("unkg: error: ") and str(bad) in line and problem in line
    persons = unkg("query", "persons", "--store", str(previous_store), "--format", "csv", out_dir=tmp_path)
    assert persons.returncode == 0 and "Aiko Tanaka" in persons.stdout


def test_query_formats_and_errors(previous_store: Path, tmp_path: Path) -> None:
    store = ["--store", str(previous_store)]
    table = unkg("query", "persons", *store, out_dir=tmp_path)
    assert table.returncode == 0
    assert table.stdout.splitlines()[0].split()[:3] == ["?person", "?name", "?family"]
    assert ":person/tanaka-aiko" in table.stdout
    document = json.loads(unkg("query", "positions", "--param", "topic=https://w3id.org/unkg/topic/peace-and-security",
                               "--format", "json", *store, out_dir=tmp_path).stdout)
    assert document["head"]["vars"][:3] == ["country", "person", "personName"]
    unknown = unkg("query", "people", *store, out_dir=tmp_path)
    assert unknown.returncode == 4 and "available:" in unknown.stderr
    assert len(unknown.stderr.splitlines()) == 1
    bad_param = unkg("query", "positions", "--param", "topic", *store, out_dir=tmp_path)
    assert bad_param.returncode == 4 and "expected KEY=VALUE" in bad_param.stderr
    no_store = unkg("query", "persons", "--store", str(tmp_path / "nowhere"), out_dir=tmp_path)
    assert no_store.returncode == 5 and "run `unkg build` first" in no_store.stderr


def test_export_to_stdout_and_to_a_file(previous_store: Path, tmp_path: Path) -> None:
    nquads = unkg("export", "--format", "nquads", "--store", str(previous_store), out_dir=tmp_path)
    assert nquads.returncode == 0
    dataset = Dataset()
    dataset.parse(data=nquads.stdout, format="nquads")
    assert len([g for g in dataset.graphs() if len(g)]) == 3  # two reports and the vocabulary
    target = tmp_path / "graph.rdf"
    written = unkg("export", "--format", "xml", "--out", str(target), "--store", str(previous_store),
                   out_dir=tmp_path)
    assert written.returncode == 0 and written.stdout.strip() == f"wrote {target}"
    assert len(Graph().parse(target, format="xml")) > 100


@pytest.fixture(scope="module")
def cli_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """``unkg build`` of data/reports/ into a temporary store, outputs to a temporary build folder."""
    root = tmp_path_factory.mktemp("cli")
    result = unkg("build", "--store", str(root / "store"), out_dir=root / "out")
    return root / "store", root / "out", result


def test_build_prints_a_summary_and_writes_the_outputs(
    cli_build: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    _, out_dir, result = cli_build
    assert result.returncode == 0, result.stderr
    assert "reports read   2 (acuns-annual-meeting-2023, geneva-dialogue-2019)" in result.stdout
    for label in ("people", "organizations", "sessions", "statements", "triples", "seconds"):
        assert f"\n{label}" in result.stdout
    assert sorted(p.name for p in out_dir.iterdir()) == BUILD_OUTPUTS


def test_built_store_answers_queries_and_validates(
    cli_build: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    store_dir, out_dir, _ = cli_build
    persons = unkg("query", "persons", "--store", str(store_dir), "--format", "tsv", out_dir=out_dir)
    assert persons.returncode == 0 and len(persons.stdout.splitlines()) > 10
    positions = unkg("query", "positions", "--param", "topic=multilateralism", "--store", str(store_dir),
                     out_dir=out_dir)
    assert positions.returncode == 0, positions.stderr
    validated = unkg("validate", "--store", str(store_dir), out_dir=out_dir)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "graph is valid" in validated.stdout


def _report_graphs(store_dir: Path, tmp_path: Path) -> list[str]:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    (tmp_path / "graphs.rq").write_text(query)
    options = ("--store", str(store_dir), "--format", "csv")
    result = unkg("query", str(tmp_path / "graphs.rq"), *options, out_dir=tmp_path)
    return [line.rsplit("/", 1)[-1] for line in result.stdout.splitlines()[1:]]


def test_remove_drops_one_report_and_rewrites_the_outputs(previous_store: Path, tmp_path: Path) -> None:
    graphs = _report_graphs(previous_store, tmp_path)
    reports = [g for g in graphs if g != "vocabulary"]
    assert len(reports) == 2
    out_dir = tmp_path / "out"
    removed = unkg("remove", reports[0], "--store", str(previous_store), out_dir=out_dir)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.strip() == f"removed {reports[0]} from {previous_store}"
    assert _report_graphs(previous_store, tmp_path) == sorted([reports[1], "vocabulary"])
    assert sorted(p.name for p in out_dir.iterdir()) == BUILD_OUTPUTS


def test_remove_of_an_unknown_report_names_the_ones_held_and_removes_nothing(
    previous_store: Path, tmp_path: Path
) -> None:
    before = _report_graphs(previous_store, tmp_path)
    result = unkg("remove", "no-such-report", "--store", str(previous_store), out_dir=tmp_path / "out")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "no report no-such-report" in line and all(g in line for g in before if g != "vocabulary")
    assert _report_graphs(previous_store, tmp_path) == before

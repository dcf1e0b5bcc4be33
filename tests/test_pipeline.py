"""The build pipeline: which files it reads, which graphs it replaces, what it writes, and repeatability."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from unkg.config import Settings
from unkg.errors import ReportError
from unkg.export import union_graph
from unkg.model import Extraction
from unkg.pipeline import build, build_from_extractions, curate, find_reports
from unkg.rdf.iris import Minter
from unkg.store import open_store

BUILD_OUTPUTS = ["graph.jsonld", "graph.ttl", "institutions.html", "positions.html", "who-met-whom.html"]

FIXTURES = Path(__file__).parent / "fixtures"


def _statement_count(store_dir: Path) -> int:
    with open_store(store_dir, read_only=True) as store:
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/unkg/ontology#Statement> }"
        rows = store.select(query)
        return int(str(rows.rows[0][0]))


def test_reports_replace_only_their_own_named_graphs(
    mini_extractions: tuple[Extraction, ...], settings: Settings, tmp_path: Path
) -> None:
    dialogue, forum = mini_extractions
    store_dir = tmp_path / "store"
    build_from_extractions([dialogue], settings, store_dir, write_files=False)
    build_from_extractions([forum], settings, store_dir, write_files=False)
    minter = Minter(settings.base_iri)
    with open_store(store_dir, read_only=True) as store:
        assert store.graph_names() == sorted(
            [minter.graph("mini-dialogue-2020"), minter.graph("mini-forum-2021"), minter.vocabulary_graph()]
        )
    assert _statement_count(store_dir) == 5
    build_from_extractions([replace(dialogue, statements=dialogue.statements[:1])], settings, store_dir,
                           write_files=False)
    assert _statement_count(store_dir) == 1 + len(forum.statements)


def test_building_twice_gives_the_same_graph(
    mini_extractions: tuple[Extraction, ...], mini_store_dir: Path, settings: Settings, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    build_from_extractions(mini_extractions, settings, again, write_files=False)
    build_from_extractions(mini_extractions, settings, again, write_files=False)
    with open_store(mini_store_dir, read_only=True) as first, open_store(again, read_only=True) as second:
        assert first.graph_names() == second.graph_names()
        for name in first.graph_names():
            assert isomorphic(first.dataset().graph(name), second.dataset().graph(name)), name


def test_summary_counts_what_the_store_holds(
    mini_extractions: tuple[Extraction, ...], settings: Settings, tmp_path: Path
) -> None:
    summary = build_from_extractions(mini_extractions, settings, tmp_path / "store", write_files=False)
    assert (summary.people, summary.organizations, summary.sessions, summary.statements) == (3, 2, 2, 5)
    text = summary.render()
    expected = (
        "reports read   2 (mini-dialogue-2020, mini-forum-2021)",
        "people         3",
        "organizations  2",
        "sessions       2",
        "statements     5",
        f"triples        {summary.triples}",
    )
    for line in expected:
        assert line in text
    assert "seconds" in text


def test_outputs_are_the_graph_files_and_the_who_met_whom_page(
    mini_extractions: tuple[Extraction, ...], settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = build_from_extractions(mini_extractions, settings, tmp_path / "store", out_dir=out)
    assert sorted(p.name for p in summary.outputs) == BUILD_OUTPUTS
    assert sorted(p.name for p in out.iterdir()) == BUILD_OUTPUTS
    with open_store(tmp_path / "store", read_only=True) as store:
        union = union_graph(store.dataset())
    assert isomorphic(Graph().parse(out / "graph.ttl"), union)
    assert isomorphic(Graph().parse(out / "graph.jsonld", format="json-ld"), union)
    assert "Aiko Tanaka" in (out / "who-met-whom.html").read_text(encoding="utf-8")


def test_folders_expand_to_report_files_sorted_once_each(tmp_path: Path) -> None:
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    for name in ("a/z-report.txt", "a/b-report.md", "a/deeper/c-report.PDF", "a/notes.csv", "d-report.docx",
                 "a/~$b-report.docx", "a/.hidden.txt"):
        (tmp_path / name).write_text("x")
    named_twice = tmp_path / "a" / "deeper" / ".." / "z-report.txt"
    found = find_reports([tmp_path / "a", tmp_path / "d-report.docx", named_twice])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/b-report.md", "a/deeper/c-report.PDF", "a/z-report.txt", "d-report.docx"
    ]


def test_finding_reports_explains_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"missing\.txt: no such file or folder"):
        find_reports([tmp_path / "missing.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReportError, match=r"empty: no report files \(.txt .md .pdf .docx\)"):
        find_reports([tmp_path / "empty"])
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "r.txt").write_text("x")
    (tmp_path / "r.md").write_text("x")
    with pytest.raises(ReportError, match="same report id 'r'"):
        find_reports([tmp_path / "one", tmp_path / "r.md"])


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Réunion à Genève".encode("latin-1"), "UTF-8"),
    ],
)
def test_a_bad_report_leaves_the_previous_store_intact(
    mini_store_dir: Path, settings: Settings, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    store_dir = tmp_path / "store"
    shutil.copytree(mini_store_dir, store_dir)
    before = _statement_count(store_dir)
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(ReportError, match=problem) as caught:
        build([FIXTURES / "mini-forum-2021.txt", bad], settings, store_dir, out_dir=tmp_path / "out")
    assert str(bad) in str(caught.value)
    assert _statement_count(store_dir) == before
    assert not (tmp_path / "out").exists()


def test_the_real_reports_build_the_same_graph_twice(
    built_store_dir: Path, settings: Settings, tmp_path: Path
) -> None:
    build([settings.reports_dir], settings, tmp_path / "store", out_dir=tmp_path / "out")
    with (
        open_store(built_store_dir, read_only=True) as first,
        open_store(tmp_path / "store", read_only=True) as second,
    ):
        assert first.graph_names() == second.graph_names()
        assert first.triple_count() == second.triple_count()
        assert isomorphic(union_graph(first.dataset()), union_graph(second.dataset()))


def test_curation_fixes_apply_before_the_graph_is_built(
    mini_extractions: tuple[Extraction, ...], settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "curation.yaml").write_text(
        "version: 1\nrename:\n  - person: park-min-jun\n    given: Minjun\n", encoding="utf-8"
    )
    curated = curate(mini_extractions, replace(settings, root=tmp_path))
    names = {person.key: person.name for extraction in curated for person in extraction.people}
    assert names["park-min-jun"] == "Minjun Park"


def _write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.replace("\n", " "))
    document.save(str(path))


def _write_pdf(text: str, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in text.split("\n\n"):
        pdf.multi_cell(0, 6, paragraph.replace("\n", " "))
        pdf.ln(4)
    pdf.output(str(path))


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_word_and_pdf_reports_build_like_text(settings: Settings, tmp_path: Path, suffix: str) -> None:
    report = tmp_path / f"mini-dialogue-2020{suffix}"
    text = (FIXTURES / "mini-dialogue-2020.txt").read_text(encoding="utf-8")
    (_write_docx if suffix == ".docx" else _write_pdf)(text, report)
    summary = build([report], settings, tmp_path / "store", out_dir=tmp_path / "out")
    assert summary.reports == ("mini-dialogue-2020",) and summary.people >= 1
    with open_store(tmp_path / "store", read_only=True) as store:
        query = "SELECT ?source WHERE { ?report <http://purl.org/dc/terms/source> ?source }"
        assert [str(row[0]) for row in store.select(query).rows] == [report.name]

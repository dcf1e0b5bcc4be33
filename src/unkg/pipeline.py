"""The build pipeline: report files -> Documents -> Extractions -> RDF -> store -> build/ outputs.

The stages run in the order of :data:`STAGES`. Everything that can fail on bad input (reading,
extraction, RDF) runs for all reports before the store is opened, so a bad file leaves the
previous store untouched. Only the named graphs of the reports given are replaced (graphs of
other reports stay), plus the vocabulary graph.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from unkg.config import Settings
from unkg.errors import ReportError, UnkgError
from unkg.model import Extraction
from unkg.rdf.build import build_report_graph, vocabulary_graph
from unkg.rdf.iris import Minter
from unkg.store import Endpoint, Store, open_store

REPORT_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
GRAPH_OUTPUTS = (("graph.ttl", "turtle"), ("graph.jsonld", "jsonld"))
WHO_MET_WHOM_PAGE = "who-met-whom.html"
# Every network view is written by the build; who-met-whom is the one the README points to.
VIEW_PAGES = ("who-met-whom", "positions", "institutions")


@dataclass(frozen=True)
class Stage:
    """One step of the build: what it takes, what it gives."""

    name: str
    takes: str
    gives: str


STAGES = (
    Stage("find", "paths (files or folders)", "report files"),
    Stage("read", "report file", "Document (unkg.document.read_report)"),
    Stage("extract", "Document", "Extraction (unkg.extract.extract)"),
    Stage("resolve", "Extractions", "Extractions with one key per entity across reports"),
    Stage("curate", "Extractions", "Extractions with the fixes of data/curation.yaml (unkg.curation)"),
    Stage("rdf", "Extraction", "rdflib Graph of one report (unkg.rdf.build)"),
    Stage("store", "Graphs", "named graphs replaced in the store"),
    Stage("outputs", "store", "graph.ttl, graph.jsonld, {who-met-whom,positions,institutions}.html"),
)


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, counted in the store after it (so the figures cover every report in it)."""

    reports: tuple[str, ...]
    people: int
    organizations: int
    sessions: int
    statements: int
    triples: int
    seconds: float
    store_dir: Path | Endpoint
    outputs: tuple[Path, ...] = ()

    def render(self) -> str:
        lines = [
            f"reports read   {len(self.reports)} ({', '.join(self.reports)})",
            f"people         {self.people}",
            f"organizations  {self.organizations}",
            f"sessions       {self.sessions}",
            f"statements     {self.statements}",
            f"triples        {self.triples}",
            f"seconds        {self.seconds:.1f}",
            f"store          {self.store_dir}",
        ]
        lines += [f"wrote          {path}" for path in self.outputs]
        return "\n".join(lines)


def build(
    paths: Sequence[Path], settings: Settings, store_dir: Path | Endpoint, out_dir: str | Path | None = None
) -> BuildSummary:
    """Build the graph of the reports under ``paths`` into the store at ``store_dir`` (a folder, or a
    remote SPARQL server); write outputs.

    Outputs go to ``out_dir`` (default: ``settings.build_dir``): ``graph.ttl``, ``graph.jsonld`` and
    the who-met-whom page.
    """
    started = time.perf_counter()
    extractions = curate(extract_reports(find_reports(paths)), settings)
    return build_from_extractions(extractions, settings, store_dir, out_dir, started=started)


def build_from_extractions(
    extractions: Sequence[Extraction],
    settings: Settings,
    store_dir: Path | Endpoint,
    out_dir: str | Path | None = None,
    write_files: bool = True,
    started: float | None = None,
) -> BuildSummary:
    """The store half of :func:`build`, from extractions already made (``write_files``: the outputs too)."""
    started = time.perf_counter() if started is None else started
    graphs = [(Minter(settings.base_iri).vocabulary_graph(), vocabulary_graph(settings))]
    graphs += report_graphs(extractions, settings)  # built in full before the store changes
    with open_store(store_dir) as store:
        for graph_iri, graph in graphs:
            store.replace_graph(graph_iri, graph)
        directory = Path(out_dir) if out_dir else settings.build_dir
        outputs = write_outputs(store, directory, settings) if write_files else ()
        return summarize(store, extractions, store_dir, outputs, time.perf_counter() - started)


def find_reports(paths: Sequence[Path]) -> list[Path]:
    """The report files named or contained (recursively) in ``paths``, sorted, once each."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_report_file(p))
            if not found:
                raise ReportError(path, f"no report files ({' '.join(REPORT_SUFFIXES)}) in this folder")
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise ReportError(path, "no such file or folder")
    by_real_path: dict[Path, Path] = {}
    for path in files:
        by_real_path.setdefault(path.resolve(), path)  # a file named twice is read once
    unique = [by_real_path[real] for real in sorted(by_real_path)]
    _check_distinct_report_ids(unique)
    return unique


def _is_report_file(path: Path) -> bool:
    """A report in a folder: a known suffix, and not hidden or an editor's lock file ("~$report.docx")."""
    hidden = path.name.startswith((".", "~$"))
    return path.is_file() and not hidden and path.suffix.lower() in REPORT_SUFFIXES


def _check_distinct_report_ids(files: list[Path]) -> None:
    """Two files with one stem would write one named graph: refuse instead of silently mixing them."""
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen:
            raise ReportError(path, f"has the same report id {path.stem!r} as {seen[path.stem]}")
        seen[path.stem] = path


def extract_reports(files: Sequence[Path]) -> tuple[Extraction, ...]:
    """Read every file (so a bad one is reported before any slow work), extract each, then resolve
    entities across reports (one key per person)."""
    from unkg.document import read_report

    documents = [read_report(path) for path in files]
    from unkg.extract import extract
    from unkg.extract.resolve import resolve_across_reports

    extractions = []
    for index, document in enumerate(documents, 1):
        _progress(f"extracting {index}/{len(documents)}: {document.path.name}")
        extractions.append(extract(document))
    _progress("")
    return tuple(resolve_across_reports(extractions))


def curate(extractions: Sequence[Extraction], settings: Settings) -> tuple[Extraction, ...]:
    """Apply the user's fixes in ``data/curation.yaml`` (none when the file is absent)."""
    from unkg.curation import apply_curation, load_curation

    return apply_curation(extractions, load_curation(settings.data_dir / "curation.yaml"))


def report_graphs(extractions: Sequence[Extraction], settings: Settings) -> list[tuple[URIRef, Graph]]:
    """The named graph IRI and triples of each report, plus links out (owl:sameAs) where known."""
    from unkg.rdf.links import link_triples

    minter = Minter(settings.base_iri)
    graphs = []
    for extraction in extractions:
        graph = build_report_graph(extraction, minter)
        graph += link_triples(graph, settings)
        graphs.append((minter.graph(extraction.document.report_id), graph))
    return graphs


def write_outputs(store: Store, out_dir: Path, settings: Settings) -> tuple[Path, ...]:
    """``graph.ttl``, ``graph.jsonld`` and the network view pages (who-met-whom first), in ``out_dir``."""
    from unkg.export import export_files
    from unkg.views import write_view

    written = [out_dir / name for name, _ in GRAPH_OUTPUTS]
    export_files(store, [(fmt, out_dir / name) for name, fmt in GRAPH_OUTPUTS], settings)
    for view in VIEW_PAGES:
        page = out_dir / f"{view}.html"
        written.append(write_view(store, view, out=page, format="html", settings=settings))
    return tuple(written)


COUNTS = {
    "people": "PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
    "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a foaf:Person }",
    "organizations": "PREFIX org: <http://www.w3.org/ns/org#> "
    "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Organization }",
    "sessions": "PREFIX unkg: <https://w3id.org/unkg/ontology#> "
    "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a unkg:Session }",
    "statements": "PREFIX unkg: <https://w3id.org/unkg/ontology#> "
    "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a unkg:Statement }",
}


def remove_reports(
    report_ids: Sequence[str],
    settings: Settings,
    store_dir: Path | Endpoint,
    out_dir: str | Path | None = None,
) -> tuple[str, ...]:
    """Drop what the given reports contributed (their named graphs) and rewrite the outputs.

    A report is named by its id, the file stem (``geneva-dialogue-2019``). An id the store does not
    hold is an error listing those it does, and nothing is removed.
    """
    minter = Minter(settings.base_iri)
    with open_store(store_dir) as store:
        held = {str(name): name for name in store.graph_names()}
        known = sorted(rid for rid in (_report_id(name, minter) for name in held) if rid)
        unknown = [rid for rid in report_ids if str(minter.graph(rid)) not in held]
        if unknown:
            held_ids = ", ".join(known)
            raise UnkgError(f"no report {', '.join(unknown)} in {store_dir}; reports held: {held_ids}")
        for report_id in report_ids:
            store.remove_graph(minter.graph(report_id))
        write_outputs(store, Path(out_dir) if out_dir else settings.build_dir, settings)
    return tuple(report_ids)


def _report_id(graph_name: str, minter: Minter) -> str | None:
    """The report id of a report's named graph (None for the vocabulary graph and others)."""
    prefix = str(minter.graph(""))
    if graph_name == str(minter.vocabulary_graph()) or not graph_name.startswith(prefix):
        return None
    return graph_name[len(prefix) :]


def count(store: Store, what: str) -> int:
    """How many distinct people, organizations, sessions or statements the store holds."""
    rows = store.select(COUNTS[what]).rows
    value = rows[0][0] if rows else None
    return int(str(value)) if value is not None else 0


def summarize(
    store: Store,
    extractions: Sequence[Extraction],
    store_dir: Path | Endpoint,
    outputs: tuple[Path, ...],
    seconds: float,
) -> BuildSummary:
    """Counts of what the store holds after a build (via SPARQL, so they cover every report in it)."""
    return BuildSummary(
        reports=tuple(extraction.document.report_id for extraction in extractions),
        people=count(store, "people"),
        organizations=count(store, "organizations"),
        sessions=count(store, "sessions"),
        statements=count(store, "statements"),
        triples=store.triple_count(),
        seconds=seconds,
        store_dir=store_dir,
        outputs=outputs,
    )


def _progress(message: str) -> None:
    """A progress line on stderr when attached to a terminal; silent in pipes and CI."""
    if sys.stderr.isatty():
        print(f"\r\033[K{message}", end="", file=sys.stderr, flush=True)

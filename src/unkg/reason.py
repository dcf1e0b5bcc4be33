"""Validation of the built graph: SHACL conformance (pySHACL) and OWL consistency (owlready2 + HermiT).

:func:`validate` checks the union of every report graph and the vocabulary graph:

1. SHACL: ``ontology/shapes.ttl`` (every statement has one speaker, act, stance, quote and a passage
   with integer offsets; every person a name and a family name; ...). Warnings are listed, only
   violations fail.
2. Provenance: every passage's exact text is as long as its offsets say, and every statement's
   quote is the exact text of its passage (two SPARQL queries on the store).
3. OWL: the ontology plus the data, in a temporary owlready2 World, checked by HermiT (Java).
   Without ``java`` on the PATH this check is skipped and the report says so.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Identifier

from unkg.config import Settings
from unkg.errors import ValidationError
from unkg.export import union_graph
from unkg.query import shorten
from unkg.store import Store

MAX_LISTED = 15
SHACL_CHECK = "SHACL shapes"
OWL_CHECK = "OWL consistency (HermiT)"
PASSAGE_CHECK = "Passages and quotes"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: passed, failed (with details) or skipped (with the reason)."""

    name: str
    ok: bool
    summary: str
    details: tuple[str, ...] = ()
    skipped: bool = False
    seconds: float = 0.0

    def render(self) -> str:
        status = "skipped" if self.skipped else "ok" if self.ok else "FAILED"
        lines = [f"{self.name}: {status} - {self.summary} ({self.seconds:.1f} s)"]
        lines += [f"  {line}" for line in self.details]
        return "\n".join(lines)


@dataclass(frozen=True)
class ValidationReport:
    """All checks; ``ok`` when none that ran failed."""

    ok: bool
    checks: tuple[CheckResult, ...]

    @classmethod
    def of(cls, checks: tuple[CheckResult, ...]) -> ValidationReport:
        return cls(ok=all(check.ok or check.skipped for check in checks), checks=checks)

    def render(self) -> str:
        verdict = "graph is valid" if self.ok else "graph is NOT valid"
        return "\n".join([check.render() for check in self.checks] + [verdict])


def validate(store: Store, settings: Settings) -> ValidationReport:
    """SHACL conformance, provenance offsets and OWL consistency of everything in ``store``."""
    graph = union_graph(store.dataset())
    checks = (check_shapes(graph, settings), check_passages(store), check_consistency(graph))
    return ValidationReport.of(checks)


# ----- provenance -----------------------------------------------------------------------------------

# Checks SHACL-SPARQL could express but pySHACL would run once per node (minutes); one query each here.
PASSAGE_CHECKS = {
    "exact text longer or shorter than its offsets": """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?node WHERE {
            ?node oa:start ?start ; oa:end ?end ; oa:exact ?exact .
            FILTER(STRLEN(?exact) != ?end - ?start)
        } ORDER BY ?node""",
    "quote differs from the exact text of its passage": """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX unkg: <https://w3id.org/unkg/ontology#>
        SELECT ?node WHERE {
            ?node unkg:quote ?quote .
            FILTER NOT EXISTS { ?node prov:wasDerivedFrom/oa:exact ?quote }
        } ORDER BY ?node""",
}


def check_passages(store: Store) -> CheckResult:
    """Every passage's text is as long as its offsets, every quote is its passage's exact text."""
    started = time.perf_counter()
    details = []
    for problem, query in PASSAGE_CHECKS.items():
        details += [f"Violation: {_short(row[0])}: {problem}" for row in store.select(query).rows]
    summary = f"{len(details)} violation(s)"
    seconds = time.perf_counter() - started
    return CheckResult(PASSAGE_CHECK, not details, summary, _capped(details), seconds=seconds)


# ----- SHACL --------------------------------------------------------------------------------------


def check_shapes(graph: Graph, settings: Settings) -> CheckResult:
    """pySHACL with ``ontology/shapes.ttl`` on ``graph`` (data and vocabulary together)."""
    import pyshacl

    started = time.perf_counter()
    shapes_path = settings.ontology_dir / "shapes.ttl"
    if not shapes_path.is_file():
        raise ValidationError(f"{shapes_path}: the SHACL shapes file is missing")
    shapes = Graph().parse(shapes_path, format="turtle")
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    findings = _shacl_findings(results)
    violations = sum(1 for severity, _ in findings if severity == "Violation")
    warnings = len(findings) - violations
    summary = f"{violations} violation(s), {warnings} warning(s) on {len(graph)} triples"
    return CheckResult(SHACL_CHECK, bool(conforms), summary, _grouped(findings),
                       seconds=time.perf_counter() - started)


def _shacl_findings(results: Graph) -> list[tuple[str, str]]:
    """(severity, "focus path: message") for each validation result."""
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = str(results.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        focus = _short(results.value(result, SH.focusNode))
        path = _short(results.value(result, SH.resultPath))
        message = str(results.value(result, SH.resultMessage) or "")
        value = results.value(result, SH.value)
        shown = f" (value {_short(value)})" if value is not None else ""
        findings.append((severity, f"{focus} {path}: {message}{shown}"))
    return sorted(findings)


def _grouped(findings: list[tuple[str, str]]) -> tuple[str, ...]:
    counts = Counter(findings)
    lines = [f"{severity}: {text}" + (f" (x{n})" if n > 1 else "") for (severity, text), n in counts.items()]
    return _capped(lines)


def _capped(lines: list[str]) -> tuple[str, ...]:
    """At most MAX_LISTED lines, then how many more there are."""
    if len(lines) > MAX_LISTED:
        return (*lines[:MAX_LISTED], f"... and {len(lines) - MAX_LISTED} more")
    return tuple(lines)


def _short(term: object) -> str:
    if term is None:
        return ""
    return shorten(term) if isinstance(term, Identifier) else str(term)


# ----- OWL ----------------------------------------------------------------------------------------


def check_consistency(graph: Graph) -> CheckResult:
    """HermiT, through owlready2, on the ontology plus data; skipped without a Java runtime."""
    started = time.perf_counter()
    if shutil.which("java") is None:
        reason = "java not found on PATH: install a Java runtime to run HermiT; this check was skipped"
        return CheckResult(OWL_CHECK, False, reason, skipped=True)
    inconsistent, unsatisfiable = _run_hermit(graph)
    seconds = time.perf_counter() - started
    if inconsistent:
        return CheckResult(OWL_CHECK, False, "the ontology plus data is inconsistent", seconds=seconds)
    if unsatisfiable:
        summary = f"{len(unsatisfiable)} unsatisfiable class(es)"
        return CheckResult(OWL_CHECK, False, summary, tuple(unsatisfiable[:MAX_LISTED]), seconds=seconds)
    return CheckResult(OWL_CHECK, True, f"consistent ({len(graph)} triples)", seconds=seconds)


def _run_hermit(graph: Graph) -> tuple[bool, list[str]]:
    """(inconsistent?, unsatisfiable class IRIs) for ``graph`` in a fresh, temporary owlready2 World."""
    import owlready2

    with tempfile.TemporaryDirectory(prefix="unkg-owl-") as folder:
        path = Path(folder) / "graph.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            world.get_ontology(path.as_uri()).load()
            # xsd:date is outside the OWL 2 datatype map; HermiT treats such literals as opaque values
            owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
            return False, sorted(entity.iri for entity in world.inconsistent_classes())
        except owlready2.OwlReadyInconsistentOntologyError:
            return True, []
        except owlready2.OwlReadyJavaError as error:
            first_line = next((line for line in str(error).splitlines() if line.strip()), str(error))
            raise ValidationError(f"HermiT failed: {first_line}") from error
        finally:
            world.close()

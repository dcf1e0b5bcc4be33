"""The query catalogue: load ``queries/*.rq``, bind parameters as RDF terms, format results.

Each ``.rq`` file opens with a comment header that this module reads (and a test checks)::

    # NAME: what the query answers (may go on over more comment lines).
    # Columns: ?first ?second (a note on a column) ?third
    # Parameters: none.

or, for a query that takes parameters, entries separated by ``;``::

    # Parameters: topic -> ?topicParam (a topic label or IRI); limit? -> ?max (optional, a number)

``topic -> ?topicParam`` means ``--param topic=...`` binds the query variable ``?topicParam``
(without an arrow the variable has the parameter's name); a trailing ``?`` on the name makes
the parameter optional. A value that looks like an absolute IRI (``http:``, ``https:``, ``urn:``)
is bound as an IRI, anything else as a plain literal; values are passed to the store as
bindings, never pasted into the query text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from unkg.config import DEFAULT_BASE_IRI, Settings
from unkg.errors import QueryError
from unkg.store import Store, ntriples_term

FORMATS = ("table", "csv", "tsv", "json")
TABLE_CELL_WIDTH = 70

# Prefixes used to shorten IRIs in tables (longest namespace wins; the base IRI is ":").
KNOWN_PREFIXES: Mapping[str, str] = {
    "unkg": "https://w3id.org/unkg/ontology#",
    "act": "https://w3id.org/unkg/vocab/act/",
    "stance": "https://w3id.org/unkg/vocab/stance/",
    "meet": "https://w3id.org/unkg/vocab/meet/",
    "orgtype": "https://w3id.org/unkg/vocab/orgtype/",
    "topic": "https://w3id.org/unkg/topic/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "http://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_IRI_VALUE = re.compile(r"^(?:https?://|urn:)\S+$", re.IGNORECASE)
_HEADER_KEY = re.compile(r"^(Columns|Parameters):\s*(.*)$", re.IGNORECASE)
_PARAMETER = re.compile(
    r"^(?P<name>[A-Za-z_][\w-]*)(?P<optional>\?)?\s*(?:->\s*[?$](?P<variable>\w+))?\s*(?:\((?P<help>.*)\))?\.?$"
)


@dataclass(frozen=True)
class QueryParameter:
    """A parameter a query declares: its name on the command line and the variable it binds."""

    name: str
    variable: str
    description: str = ""
    required: bool = True


@dataclass(frozen=True)
class QueryInfo:
    """What a canned query's header promises: description, parameters and first result columns."""

    name: str
    description: str
    parameters: tuple[QueryParameter, ...]
    columns: tuple[str, ...]
    path: Path | None = None


@dataclass(frozen=True)
class QueryResult:
    """Rows a query returned, with the query's header and the base IRI (to shorten entity IRIs)."""

    info: QueryInfo
    variables: tuple[str, ...]
    rows: tuple[tuple[Identifier | None, ...], ...]
    base_iri: str = DEFAULT_BASE_IRI

    def as_dicts(self) -> list[dict[str, Identifier | None]]:
        """Rows as ``{variable: term}`` dictionaries."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


# ----- loading -----------------------------------------------------------------------------------


def parse_header(name: str, text: str, path: Path | None = None) -> QueryInfo:
    """The :class:`QueryInfo` of a query text, read from its leading comment lines."""
    description: list[str] = []
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        content = line.lstrip("#").strip()
        key = _HEADER_KEY.match(content)
        if key:
            fields[key.group(1).lower()] = key.group(2)
        elif "columns" not in fields and "parameters" not in fields:
            description.append(content)
    summary = " ".join(description)
    if summary.lower().startswith(f"{name.lower()}:"):
        summary = summary[len(name) + 1 :].strip()
    columns = tuple(re.findall(r"\?(\w+)", fields.get("columns", "")))
    parameters = _parse_parameters(name, fields.get("parameters", ""))
    return QueryInfo(name, summary, parameters, columns, path)


def _parse_parameters(query_name: str, text: str) -> tuple[QueryParameter, ...]:
    text = text.strip()
    if not text or text.lower().rstrip(".") == "none":
        return ()
    parameters = []
    for entry in text.split(";"):
        match = _PARAMETER.match(entry.strip())
        if match is None:
            raise QueryError(f"query {query_name!r}: cannot read the parameter declaration {entry.strip()!r}")
        parameters.append(
            QueryParameter(
                name=match["name"],
                variable=match["variable"] or match["name"],
                description=(match["help"] or "").strip(),
                required=match["optional"] is None,
            )
        )
    return tuple(parameters)


def list_queries(settings: Settings) -> list[QueryInfo]:
    """Every canned query of ``queries/``, sorted by name."""
    return [
        parse_header(path.stem, path.read_text(encoding="utf-8"), path)
        for path in sorted(settings.queries_dir.glob("*.rq"))
    ]


def load_query(name_or_file: str, settings: Settings) -> tuple[QueryInfo, str]:
    """The header and text of a canned query (by name) or of a ``.rq`` file (by path)."""
    path = _query_path(name_or_file, settings)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read the query file {path}: {error}") from error
    return parse_header(path.stem, text, path), text


def _query_path(name_or_file: str, settings: Settings) -> Path:
    if name_or_file.endswith(".rq") or "/" in name_or_file or "\\" in name_or_file:
        path = Path(name_or_file)
        if not path.is_file():
            raise QueryError(f"no query file {path}")
        return path
    for candidate in (name_or_file, name_or_file.replace("-", "_")):
        path = settings.queries_dir / f"{candidate}.rq"
        if path.is_file():
            return path
    available = ", ".join(info.name for info in list_queries(settings)) or "(none)"
    raise QueryError(f"unknown query {name_or_file!r}; available: {available}")


# ----- running -----------------------------------------------------------------------------------


def bind_parameters(info: QueryInfo, params: Mapping[str, str]) -> dict[str, Identifier]:
    """Variable bindings for ``params``, checked against the parameters the query declares."""
    declared = {parameter.name: parameter for parameter in info.parameters}
    for key in params:
        if key not in declared:
            choices = ", ".join(declared) if declared else "none (it takes no parameters)"
            raise QueryError(f"query {info.name!r} has no parameter {key!r}; its parameters: {choices}")
    for parameter in info.parameters:
        if parameter.required and parameter.name not in params:
            hint = f" ({parameter.description})" if parameter.description else ""
            raise QueryError(f"query {info.name!r} needs --param {parameter.name}=VALUE{hint}")
    return {declared[key].variable: parameter_term(value) for key, value in params.items()}


def parameter_term(value: str) -> Identifier:
    """An absolute IRI for values that look like one (http, https, urn), else a plain literal."""
    return URIRef(value) if _IRI_VALUE.match(value) else Literal(value)


def run_query(store: Store, name_or_file: str, params: Mapping[str, str], settings: Settings) -> QueryResult:
    """Run a canned query (by name) or a ``.rq`` file with ``params`` bound as RDF terms."""
    info, text = load_query(name_or_file, settings)
    result = store.select(text, bind_parameters(info, params))
    return QueryResult(info, result.variables, result.rows, settings.base_iri)


# ----- formatting --------------------------------------------------------------------------------


def format_results(result: QueryResult, fmt: str) -> str:
    """``result`` as an aligned table, CSV, TSV or SPARQL 1.1 Query Results JSON."""
    if fmt == "table":
        return _table(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "json":
        return json.dumps(results_json(result), ensure_ascii=False, indent=1) + "\n"
    raise QueryError(f"unknown result format {fmt!r}; available: {', '.join(FORMATS)}")


def shorten(term: Identifier | None, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """A short, readable form of a term: ``foaf:name``, ``:person/hasegawa-sukehiro``, a literal's text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        namespaces = [(prefix, ns) for prefix, ns in KNOWN_PREFIXES.items() if iri.startswith(ns)]
        if iri.startswith(base_iri):
            namespaces.append(("", base_iri))
        if namespaces:
            prefix, namespace = max(namespaces, key=lambda item: len(item[1]))
            return f"{prefix}:{iri[len(namespace):]}"
        return f"<{iri}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _table(result: QueryResult) -> str:
    cells = [[_cell(shorten(term, result.base_iri)) for term in row] for row in result.rows]
    header = [f"?{name}" for name in result.variables]
    widths = [max([len(header[i])] + [len(row[i]) for row in cells]) for i in range(len(header))]
    lines = ["  ".join(text.ljust(width) for text, width in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(t.ljust(w) for t, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    count = len(result.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


def _csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: the variable names, then each term's plain string (blank nodes as ``_:id``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(term) for term in row])
    return buffer.getvalue()


def _csv_value(term: Identifier | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: ``?variable`` headers, then terms in N-Triples syntax."""
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join(_ntriples_term(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _ntriples_term(term: Identifier | None) -> str:
    return "" if term is None else ntriples_term(term)


def results_json(result: QueryResult) -> dict[str, object]:
    """The SPARQL 1.1 Query Results JSON document for ``result``."""
    bindings = [
        {name: json_term(term) for name, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def json_term(term: Identifier) -> dict[str, str]:
    """One RDF term as a SPARQL 1.1 Results JSON binding (plain strings carry no datatype)."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        value = {"type": "literal", "value": str(term)}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype is not None and str(term.datatype) != XSD_STRING:
            value["datatype"] = str(term.datatype)
        return value
    raise QueryError(f"cannot write {term!r} as SPARQL JSON")

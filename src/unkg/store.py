"""The triple store: the only module that knows pyoxigraph.

A :class:`Store` holds an RDF dataset of named graphs (one per report, one for the
vocabulary) and answers SPARQL over their union. Backends, chosen by name in
:func:`open_store`:

- ``oxigraph`` (:class:`OxigraphStore`, the default): Oxigraph on disk under a folder, or in memory,
  whose default graph is kept as the deduplicated union of the named graphs (see ``_drop_from_union``);
- ``rdflib`` (:class:`RdflibStore`): an rdflib ``Dataset`` in memory (slower; used to compare);
- :class:`SparqlEndpointStore`: a remote SPARQL 1.1 endpoint, for a graph that outgrows one machine.

Every backend takes and returns rdflib terms, binds query parameters as terms
(pyoxigraph ``substitutions``, rdflib ``initBindings``) and never pastes them into
query text, and turns a malformed query into :class:`unkg.errors.QueryError`.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier, Node

from unkg.errors import QueryError, StoreError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
BACKENDS = ("oxigraph", "rdflib")

Bindings = Mapping[str, Identifier]
Row = tuple[Identifier | None, ...]


@dataclass(frozen=True)
class SelectResult:
    """The answer to a SELECT query: variable names (without ``?``) and rows of rdflib terms."""

    variables: tuple[str, ...]
    rows: tuple[Row, ...]


@runtime_checkable
class Store(Protocol):
    """What every backend offers; queries see the union of all named graphs."""

    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        """Run a SELECT query; ``bindings`` maps variable names to the terms they stand for."""
        ...

    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        """Run an ASK query."""
        ...

    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        """Run a CONSTRUCT (or DESCRIBE) query into an rdflib Graph."""
        ...

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Drop the named graph ``graph_iri``, then load ``graph``'s triples into it."""
        ...

    def remove_graph(self, graph_iri: URIRef) -> None:
        """Drop the named graph ``graph_iri`` (no error if it does not exist)."""
        ...

    def graph_names(self) -> list[URIRef]:
        """The named graphs, sorted."""
        ...

    def dataset(self) -> Dataset:
        """A copy of every quad as an rdflib Dataset (for export and small graphs)."""
        ...

    def triple_count(self) -> int:
        """Distinct triples of the union of all graphs (what a query sees)."""
        ...

    def close(self) -> None:
        """Release the store; later calls raise :class:`StoreError`."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


class _ContextManaged:
    """``with`` support shared by the backends: leaving the block closes the store."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# ----- term conversion: rdflib <-> pyoxigraph ---------------------------------------------------

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def to_oxigraph(term: Node) -> OxTerm:
    """The pyoxigraph term for an rdflib term (a plain literal becomes an ``xsd:string``)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store the RDF term {term!r}")


def to_rdflib(term: object) -> Identifier:
    """The rdflib term for a pyoxigraph term (an ``xsd:string`` literal becomes a plain literal)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise StoreError(f"unsupported RDF term in the store: {term!r}")


def _term_or_none(term: object) -> Identifier | None:
    return None if term is None else to_rdflib(term)


def _one_line(error: Exception, limit: int = 300) -> str:
    """A parser message on one line (Oxigraph's lists every expected token over several lines)."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _substitutions(bindings: Bindings | None) -> dict[ox.Variable, OxTerm | ox.Triple] | None:
    if not bindings:
        return None
    substitutions: dict[ox.Variable, OxTerm | ox.Triple] = {
        ox.Variable(name): to_oxigraph(term) for name, term in bindings.items()
    }
    return substitutions


# ----- Oxigraph ----------------------------------------------------------------------------------


class OxigraphStore(_ContextManaged):
    """Oxigraph, on disk under ``path`` (RocksDB) or in memory when ``path`` is None."""

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._store: ox.Store | None = _open_oxigraph(path, read_only)

    @property
    def _db(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store {self.path or '(in memory)'} is closed")
        return self._store

    def _query(self, sparql: str, bindings: Bindings | None) -> object:
        try:
            substitutions = _substitutions(bindings)
            return self._db.query(sparql, substitutions=substitutions)
        except SyntaxError as error:
            raise QueryError(f"malformed SPARQL: {_one_line(error)}") from error
        except OSError as error:
            raise StoreError(f"cannot read the store {self.path}: {error}") from error
        except (RuntimeError, ValueError) as error:  # evaluation errors, e.g. a bad substitution
            raise QueryError(f"query failed: {_one_line(error)}") from error

    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        # Oxigraph substitutes only variables the query projects; a parameter used only in a
        # FILTER (?topicParam of queries/positions.rq) is added to the projection, then dropped.
        unprojected = [name for name in bindings or {} if name not in _projected_variables(sparql)]
        solutions = self._query(_project(sparql, unprojected), bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("not a SELECT query")
        variables = [variable.value for variable in solutions.variables]
        keep = [index for index, name in enumerate(variables) if name not in unprojected]
        rows = tuple(tuple(_term_or_none(solution[i]) for i in keep) for solution in solutions)
        return SelectResult(tuple(variables[i] for i in keep), rows)

    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        answer = self._query(sparql, bindings)
        if not isinstance(answer, ox.QueryBoolean):
            raise QueryError("not an ASK query")
        return bool(answer)

    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        triples = self._query(sparql, bindings)
        if not isinstance(triples, ox.QueryTriples):
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in triples:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        name = ox.NamedNode(str(graph_iri))
        triples = [(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph]
        with self._writing() as db:
            _drop_from_union(db, name)
            db.extend(
                [ox.Quad(s, p, o, name) for s, p, o in triples]  # type: ignore[arg-type]
                + [ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in triples]  # type: ignore[arg-type]
            )

    def remove_graph(self, graph_iri: URIRef) -> None:
        with self._writing() as db:
            _drop_from_union(db, ox.NamedNode(str(graph_iri)))

    @contextmanager
    def _writing(self) -> Iterator[ox.Store]:
        """The database for a write, with OS errors turned into StoreError."""
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")
        try:
            yield self._db
        except OSError as error:
            raise StoreError(f"cannot write the store {self.path}: {error}") from error

    def graph_names(self) -> list[URIRef]:
        names = (to_rdflib(name) for name in self._db.named_graphs())
        return sorted(name for name in names if isinstance(name, URIRef))

    def dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        for quad in self._db.quads_for_pattern(None, None, None, None):
            if not isinstance(quad.graph_name, ox.DefaultGraph):  # the default graph is the derived union
                triple = (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
                dataset.graph(to_rdflib(quad.graph_name)).add(triple)
        return dataset

    def triple_count(self) -> int:
        return _count(self.select(COUNT_TRIPLES))

    def close(self) -> None:
        if self._store is not None and not self.read_only:
            self._store.flush()
        self._store = None


# IRIs, strings and comments, masked before looking for the SELECT keyword ("<http://x#>" is no comment).
_MASKED = re.compile(r"""<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*""")
_SELECT_CLAUSE = re.compile(r"\bSELECT\b(?:\s+(?:DISTINCT|REDUCED)\b)?(?P<projection>.*?)(?=\bWHERE\b|\{)",
                            re.IGNORECASE | re.DOTALL)


def _select_clause(sparql: str) -> re.Match[str] | None:
    masked = _MASKED.sub(lambda match: " " * len(match.group()), sparql)
    return _SELECT_CLAUSE.search(masked)


def _projected_variables(sparql: str) -> set[str]:
    """Variables named in the outermost SELECT clause (``?x`` and ``(... AS ?x)``)."""
    clause = _select_clause(sparql)
    if clause is None:
        return set()
    return set(re.findall(r"[?$](\w+)", clause.group("projection")))


def _project(sparql: str, names: list[str]) -> str:
    """``sparql`` with the variables ``names`` added to its SELECT clause (names only, never values)."""
    clause = _select_clause(sparql)
    if not names or clause is None or clause.group("projection").strip() == "*":
        return sparql
    at = clause.start("projection")
    return sparql[:at] + "".join(f" ?{name}" for name in names if name.isidentifier()) + sparql[at:]


def _drop_from_union(db: ox.Store, name: ox.NamedNode) -> None:
    """Drop a named graph, and from the default graph the triples no other named graph holds.

    The default graph is kept as the deduplicated union of the named graphs: Oxigraph 0.5's own
    union (``use_default_graph_as_union``) repeats a triple once per graph holding it
    (oxigraph#1919), which would double rows for a person named in two reports. ``name`` is a
    validated IRI minted by unkg, written in N-Triples form, never text from a report.
    """
    if not db.contains_named_graph(name):
        return
    db.update(
        f"""DELETE {{ ?s ?p ?o }} WHERE {{
              GRAPH {name} {{ ?s ?p ?o }}
              FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }}
            }} ;
            DROP SILENT GRAPH {name}"""
    )


def _open_oxigraph(path: Path | None, read_only: bool) -> ox.Store:
    """Open (or create) an Oxigraph store, turning every failure into a one-line StoreError."""
    if path is None:
        if read_only:
            raise StoreError("an in-memory store cannot be opened read-only")
        return ox.Store()
    if read_only and not path.is_dir():
        raise StoreError(f"no store at {path}: run `unkg build` first")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)  # Oxigraph creates the store folder, not its parents
        return ox.Store(str(path))
    except OSError as error:
        problem = "it is locked by another process" if "lock" in str(error).lower() else str(error)
        raise StoreError(f"cannot open the store at {path}: {problem}") from error


def _count(result: SelectResult) -> int:
    value = result.rows[0][0] if result.rows else None
    return int(value.toPython()) if isinstance(value, Literal) else 0


# ----- rdflib ------------------------------------------------------------------------------------


class RdflibStore(_ContextManaged):
    """An rdflib ``Dataset`` in memory whose default graph is the union of the named graphs."""

    def __init__(self) -> None:
        self._data: Dataset | None = Dataset(default_union=True)
        self._lock = threading.Lock()

    @property
    def _ds(self) -> Dataset:
        if self._data is None:
            raise StoreError("the store (rdflib, in memory) is closed")
        return self._data

    def _query(self, sparql: str, bindings: Bindings | None) -> object:
        dataset = self._ds
        try:
            with self._lock:
                return dataset.query(sparql, initBindings=dict(bindings or {}))
        except ParseException as error:
            raise QueryError(f"malformed SPARQL: {_one_line(error)}") from error
        except Exception as error:  # rdflib raises plain Exceptions for queries it cannot evaluate
            raise QueryError(f"query failed: {_one_line(error)}") from error

    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        result = self._query(sparql, bindings)
        if getattr(result, "type", None) != "SELECT":
            raise QueryError("not a SELECT query")
        variables = tuple(str(variable) for variable in result.vars or ())  # type: ignore[attr-defined]
        rows = tuple(tuple(_identifier(value) for value in row) for row in result)  # type: ignore[attr-defined]
        return SelectResult(variables, rows)

    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        result = self._query(sparql, bindings)
        if getattr(result, "type", None) != "ASK":
            raise QueryError("not an ASK query")
        return bool(result.askAnswer)  # type: ignore[attr-defined]

    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        result = self._query(sparql, bindings)
        if getattr(result, "type", None) not in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in result.graph:  # type: ignore[attr-defined]
            graph.add(triple)
        return graph

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        with self._lock:
            self._ds.remove_graph(graph_iri)
            target = self._ds.graph(graph_iri)
            for triple in graph:
                target.add(triple)

    def remove_graph(self, graph_iri: URIRef) -> None:
        with self._lock:
            self._ds.remove_graph(graph_iri)

    def graph_names(self) -> list[URIRef]:
        names = (graph.identifier for graph in self._ds.graphs())
        return sorted(n for n in names if isinstance(n, URIRef) and n != DATASET_DEFAULT_GRAPH_ID)

    def dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        for name in self.graph_names():
            target = dataset.graph(name)
            for triple in self._ds.graph(name):
                target.add(triple)
        return dataset

    def triple_count(self) -> int:
        return _count(self.select(COUNT_TRIPLES))

    def close(self) -> None:
        self._data = None


def _identifier(value: object) -> Identifier | None:
    if value is None or isinstance(value, Identifier):
        return value
    raise StoreError(f"unexpected value in a query result: {value!r}")


# ----- remote SPARQL endpoint --------------------------------------------------------------------


SPARQL_QUERY = "application/sparql-query"


class SparqlEndpointStore(_ContextManaged):
    """A remote SPARQL 1.1 endpoint (Protocol for queries, Update for writes), for a graph that
    outgrows one machine; the endpoint's default graph must be the union of its named graphs.

    Bindings are applied by SPARQL substitution (:func:`substitute_bindings`): each bound variable
    is replaced by its term in N-Triples syntax, escaped, so report text stays data.
    """

    PAGE = 5000  # rows per request when copying the dataset (endpoints cap result sizes)

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = 60.0) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.timeout = timeout
        self._closed = False

    def _post(self, url: str, body: str, content_type: str, accept: str) -> tuple[bytes, str]:
        if self._closed:
            raise StoreError(f"the store {self.query_url} is closed")
        request = urllib.request.Request(
            url, data=body.encode("utf-8"), headers={"Content-Type": content_type, "Accept": accept}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            detail = _one_line(Exception(error.read().decode("utf-8", "replace") or error.reason))
            if 400 <= error.code < 500:
                raise QueryError(f"the endpoint {url} refused the query ({error.code}): {detail}") from error
            raise StoreError(f"the endpoint {url} failed ({error.code}): {detail}") from error
        except (urllib.error.URLError, OSError) as error:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {error}") from error

    def _results(self, sparql: str, bindings: Bindings | None) -> dict[str, Any]:
        query = substitute_bindings(sparql, bindings)
        body, _ = self._post(self.query_url, query, SPARQL_QUERY, "application/sparql-results+json")
        try:
            document: dict[str, Any] = json.loads(body)
        except ValueError as error:
            raise StoreError(f"the endpoint {self.query_url} did not answer in SPARQL JSON") from error
        return document

    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        document = self._results(sparql, bindings)
        if "results" not in document:
            raise QueryError("not a SELECT query")
        variables = tuple(document.get("head", {}).get("vars", []))
        rows = tuple(
            tuple(_json_term(row[name]) if name in row else None for name in variables)
            for row in document["results"].get("bindings", [])
        )
        return SelectResult(variables, rows)

    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        document = self._results(sparql, bindings)
        if "boolean" not in document:
            raise QueryError("not an ASK query")
        return bool(document["boolean"])

    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        query = substitute_bindings(sparql, bindings)
        body, media_type = self._post(self.query_url, query, SPARQL_QUERY, "application/n-triples")
        if "sparql-results" in media_type:
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        syntax = "nt" if "n-triples" in media_type else "turtle"
        return Graph().parse(data=body.decode("utf-8"), format=syntax)

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        triples = [" ".join(ntriples_term(term) for term in triple) + " ." for triple in graph]
        name = ntriples_term(graph_iri)
        self._update(f"DROP SILENT GRAPH {name}")
        for start in range(0, len(triples), self.PAGE):
            chunk = "\n".join(triples[start : start + self.PAGE])
            self._update(f"INSERT DATA {{ GRAPH {name} {{\n{chunk}\n}} }}")

    def remove_graph(self, graph_iri: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH {ntriples_term(graph_iri)}")

    def _update(self, update: str) -> None:
        if not self.update_url:
            raise StoreError(f"the endpoint {self.query_url} is read-only here: no update URL was given")
        self._post(self.update_url, update, "application/sparql-update", "*/*")

    def graph_names(self) -> list[URIRef]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return sorted(row[0] for row in rows if isinstance(row[0], URIRef))

    def dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        page = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT %d OFFSET %d"
        for name in self.graph_names():
            target = dataset.graph(name)
            offset = 0
            while True:
                rows = self.select(page % (self.PAGE, offset), {"g": name}).rows
                for s, p, o in rows:
                    if s is not None and p is not None and o is not None:
                        target.add((s, p, o))
                if len(rows) < self.PAGE:
                    break
                offset += self.PAGE
        return dataset

    def triple_count(self) -> int:
        return _count(self.select(COUNT_TRIPLES))

    def close(self) -> None:
        self._closed = True


def _json_term(value: Mapping[str, str]) -> Identifier:
    """An rdflib term from one SPARQL 1.1 Query Results JSON binding."""
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != XSD_STRING:
            return Literal(value["value"], datatype=URIRef(datatype))
        return Literal(value["value"])
    raise StoreError(f"unsupported term in SPARQL JSON results: {value!r}")


_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def ntriples_term(term: Node) -> str:
    """A term in N-Triples syntax, escaped, so it can stand in query or update text as data."""
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(str(term)):
            raise QueryError(f"not a valid IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        escaped = "".join(_ESCAPES.get(char, char) for char in str(term))
        if term.language:
            return f'"{escaped}"@{term.language}'
        if term.datatype is not None:
            return f'"{escaped}"^^{ntriples_term(term.datatype)}'
        return f'"{escaped}"'
    raise QueryError(f"cannot write the RDF term {term!r}")


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_]\w*)")


def substitute_bindings(sparql: str, bindings: Bindings | None) -> str:
    """``sparql`` with each bound variable replaced by its term (SPARQL substitution, as Oxigraph does).

    A bound variable projected as ``?x`` becomes ``(TERM AS ?x)``; after the last ``}`` (ORDER BY,
    GROUP BY) it becomes ``(TERM)``; elsewhere ``TERM``. Strings, IRIs and comments of the query
    are left alone, and terms are escaped N-Triples, so no value can change the query's shape.
    """
    if not bindings:
        return sparql
    masked = _MASKED.sub(lambda match: " " * len(match.group()), sparql)
    clause = _SELECT_CLAUSE.search(masked)
    projection = clause.span("projection") if clause else (0, 0)
    modifiers_from = masked.rfind("}")
    pieces, last = [], 0
    for match in _VARIABLE.finditer(masked):
        name = match.group(1)
        if name not in bindings:
            continue
        start, end = match.span()
        term = ntriples_term(bindings[name])
        if projection[0] <= start < projection[1]:
            before = masked[projection[0] : start]
            if before.count("(") == before.count(")"):
                replacement = f"({term} AS ?{name})"
            elif re.search(r"\bAS\s*$", before, re.IGNORECASE):
                continue  # the variable an expression is assigned to
            else:
                replacement = term
        elif start > modifiers_from:
            replacement = f"({term})"
        else:
            replacement = term
        pieces += [sparql[last:start], replacement]
        last = end
    return "".join([*pieces, sparql[last:]])


# ----- opening -----------------------------------------------------------------------------------


def open_store(path: Path | None, read_only: bool = False, backend: str = "oxigraph") -> Store:
    """Open the store at ``path`` (None: in memory) with the named backend.

    ``read_only`` is for readers (query, export, validate, serve): a missing store is an
    error telling the user to build first, instead of silently creating an empty one.
    """
    if backend == "oxigraph":
        return OxigraphStore(path, read_only=read_only)
    if backend == "rdflib":
        if path is not None:
            raise StoreError("the rdflib backend lives in memory only: pass no store folder")
        return RdflibStore()
    raise StoreError(f"unknown store backend {backend!r}; available: {', '.join(BACKENDS)}")

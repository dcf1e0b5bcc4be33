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
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier, Node

from unkg.errors import QueryError, StoreError, UnkgError

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


# Queries and updates go as HTML forms: Virtuoso 7.2 never answers a POST of application/sparql-query.
FORM = "application/x-www-form-urlencoded; charset=utf-8"
# unkg's bookkeeping graphs on a server, named after the store's graph prefix
BOOKKEEPING_PREFIX = "urn:unkg:"
STAGING_PREFIX = "urn:unkg:staging:"
SD_GRAPH = "http://www.w3.org/ns/sparql-service-description#Graph"
SD_NAMED_GRAPH = "http://www.w3.org/ns/sparql-service-description#NamedGraph"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


@dataclass(frozen=True)
class Endpoint:
    """Where a remote store lives: the SPARQL query URL, the update URL (default: the query URL),
    credentials for HTTP digest or basic authentication, and the IRI prefix of the graphs that
    belong to unkg (a server also holds graphs of its own: Virtuoso's ``virtrdf:`` schema ...)."""

    query_url: str
    update_url: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    graph_prefix: str | None = None

    def __str__(self) -> str:
        return self.query_url


class SparqlEndpointStore(_ContextManaged):
    """A remote SPARQL 1.1 server (Protocol for queries, Update for writes), such as Virtuoso, for a
    graph that outgrows one machine; ``unkg serve`` is one too (read-only).

    Virtuoso, like most servers, answers a query without ``FROM`` from every quad it holds: a triple
    two reports share comes back twice, and the server's own graphs join in. So, as the Oxigraph
    backend does in its default graph, this store keeps the deduplicated union of its graphs in one
    more graph, ``urn:unkg:union:`` + ``graph_prefix``, and the list of its graphs in a catalogue,
    ``urn:unkg:graphs:`` + ``graph_prefix`` (so datasets under two base IRIs can share a server).
    Every query runs on the dataset {default graph: the union; named graphs: the catalogue's},
    sent as the Protocol's ``default-graph-uri`` and ``named-graph-uri``. An endpoint without a
    catalogue (``unkg serve``, which answers from its union already) is queried as it is.

    A graph is written into a staging graph first, then copied over the old one in one request, so
    a write that fails half-way leaves the previous graph. Bindings are applied by SPARQL
    substitution (:func:`substitute_bindings`): terms in escaped N-Triples syntax, so report text
    stays data. Blank nodes are not supported across chunks (unkg mints none).
    """

    PAGE = 5000  # rows per request when copying the dataset (Virtuoso caps results at 10,000 by default)
    # triples per INSERT DATA request: Virtuoso 7.2's parser runs out of memory near 5,000 lines (SP030)
    CHUNK = 1000

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        timeout: float = 60.0,
        *,
        user: str | None = None,
        password: str | None = None,
        graph_prefix: str | None = None,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.timeout = timeout
        self.graph_prefix = graph_prefix
        self.union_graph = URIRef("urn:unkg:union:" + (graph_prefix or ""))
        self.catalogue_graph = URIRef("urn:unkg:graphs:" + (graph_prefix or ""))
        self._opener = _opener(user, password, [url for url in (query_url, update_url) if url])
        self._closed = False

    @classmethod
    def at(cls, endpoint: Endpoint, read_only: bool = False) -> SparqlEndpointStore:
        """The store at ``endpoint``; ``read_only``: without its update URL."""
        update_url = None if read_only else (endpoint.update_url or endpoint.query_url)
        return cls(endpoint.query_url, update_url, user=endpoint.user, password=endpoint.password,
                   graph_prefix=endpoint.graph_prefix)

    # ----- HTTP --------------------------------------------------------------------------------

    def _post(self, url: str, form: str, accept: str, updating: bool = False) -> tuple[bytes, str]:
        """POST an urlencoded form; the answer's body and media type."""
        if self._closed:
            raise StoreError(f"the store {self.query_url} is closed")
        request = urllib.request.Request(
            url, data=form.encode("ascii"), headers={"Content-Type": FORM, "Accept": accept}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                if response.headers.get("X-SPARQL-MaxRows"):  # Virtuoso cut the result short
                    raise StoreError(
                        f"the endpoint {url} returned only the first {response.headers['X-SPARQL-MaxRows']} "
                        "rows (Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)"
                    )
                return response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            raise _http_problem(url, error, updating) from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {reason}") from error

    def _query_body(self, query: str) -> str:
        """The form of a query, with the store's dataset when it has one."""
        fields = [("query", query)]
        dataset = self._dataset_parameters()
        if dataset is not None:
            union, names = dataset
            fields.append(("default-graph-uri", str(union)))
            # no graph yet: name the (empty) union, else GRAPH ?g would see every graph of the server
            fields += [("named-graph-uri", str(name)) for name in names or [union]]
        return urllib.parse.urlencode(fields)

    def _results(self, sparql: str, bindings: Bindings | None) -> dict[str, Any]:
        body = self._query_body(substitute_bindings(sparql, bindings))
        answer, _ = self._post(self.query_url, body, "application/sparql-results+json")
        try:
            document: dict[str, Any] = json.loads(answer)
        except ValueError as error:
            raise StoreError(f"the endpoint {self.query_url} did not answer in SPARQL JSON") from error
        return document

    # ----- queries -----------------------------------------------------------------------------

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
        if "boolean" in document:
            return bool(document["boolean"])
        # Virtuoso with CaseMode 1 (its default without the Debian ini) answers ASK as a SELECT of
        # __ASK_RETVAL: one row with 1 when true, no row when false.
        if [name.lower() for name in document.get("head", {}).get("vars", [])] == ["__ask_retval"]:
            rows = document.get("results", {}).get("bindings", [])
            return any(value.get("value") not in ("0", "false") for row in rows for value in row.values())
        raise QueryError("not an ASK query")

    def construct(self, sparql: str, bindings: Bindings | None = None) -> Graph:
        body = self._query_body(substitute_bindings(sparql, bindings))
        answer, media_type = self._post(self.query_url, body, "application/n-triples")
        if "sparql-results" in media_type:
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        syntax = "nt" if "n-triples" in media_type else "turtle"
        parsed = Graph().parse(data=answer.decode("utf-8"), format=syntax)
        graph = Graph()
        for s, p, o in parsed:
            graph.add((s, p, _canonical(o) if isinstance(o, Literal) else o))
        return graph

    # ----- writes ------------------------------------------------------------------------------

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        if len(graph) == 0:
            self.remove_graph(graph_iri)
            return
        staging = URIRef(STAGING_PREFIX + uuid.uuid4().hex)
        triples = [" ".join(ntriples_term(term) for term in triple) + " ." for triple in graph]
        name, union, stage = (ntriples_term(iri) for iri in (graph_iri, self.union_graph, staging))
        try:
            for start in range(0, len(triples), self.CHUNK):
                chunk = "\n".join(triples[start : start + self.CHUNK])
                self._update(f"INSERT DATA {{ GRAPH {stage} {{\n{chunk}\n}} }}")
            self._update(
                f"{self._drop_from_union(name, stage)} ;\n"
                f"COPY SILENT {stage} TO {name} ;\n"
                f"DROP SILENT GRAPH {stage} ;\n"
                f"INSERT {{ GRAPH {union} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }} ;\n"
                f"{self._catalogue('INSERT', name)}"
            )
        except StoreError:
            with suppress(StoreError):
                self._update(f"DROP SILENT GRAPH {stage}")
            raise

    def remove_graph(self, graph_iri: URIRef) -> None:
        name = ntriples_term(graph_iri)
        self._update(
            f"{self._drop_from_union(name)} ;\nDROP SILENT GRAPH {name} ;\n{self._catalogue('DELETE', name)}"
        )

    def _drop_from_union(self, name: str, *keep_out: str) -> str:
        """SPARQL Update deleting from the union graph the triples of graph ``name`` that no other graph
        holds (the union, the catalogue and the ``keep_out`` graphs, e.g. staging, do not count)."""
        union, catalogue = ntriples_term(self.union_graph), ntriples_term(self.catalogue_graph)
        excluded = ", ".join((name, union, catalogue, *keep_out))
        return (
            f"DELETE {{ GRAPH {union} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other NOT IN ({excluded})) }} }}"
        )

    def _catalogue(self, operation: str, name: str) -> str:
        """SPARQL Update recording (INSERT) or forgetting (DELETE) graph ``name`` in the catalogue,
        which always says that the union graph is kept (so an emptied store stays in union mode)."""
        catalogue, union = ntriples_term(self.catalogue_graph), ntriples_term(self.union_graph)
        kept = f"INSERT DATA {{ GRAPH {catalogue} {{ {union} a <{SD_GRAPH}> }} }}"
        return f"{operation} DATA {{ GRAPH {catalogue} {{ {name} a <{SD_NAMED_GRAPH}> }} }} ;\n{kept}"

    def _update(self, update: str) -> None:
        if not self.update_url:
            raise StoreError(f"the endpoint {self.query_url} is read-only here: no update URL was given")
        self._post(self.update_url, urllib.parse.urlencode({"update": update}), "*/*", updating=True)

    # ----- the dataset -------------------------------------------------------------------------

    def _dataset_parameters(self) -> tuple[URIRef, list[URIRef]] | None:
        """The union graph and the store's graphs, read from the catalogue at every call (another
        client may have written since); None when the endpoint holds no catalogue (``unkg serve``)."""
        query = f"SELECT ?g ?kind WHERE {{ GRAPH <{self.catalogue_graph}> {{ ?g a ?kind }} }}"
        rows = self._bindings_without_dataset(query)
        if not rows:
            return None
        named = (row for row in rows if row.get("kind", {}).get("value") == SD_NAMED_GRAPH)
        names = [URIRef(row["g"]["value"]) for row in named]
        return self.union_graph, self._own(names)

    def _bindings_without_dataset(self, query: str) -> list[dict[str, Any]]:
        answer, _ = self._post(self.query_url, urllib.parse.urlencode({"query": query}),
                               "application/sparql-results+json")
        try:
            rows: list[dict[str, Any]] = json.loads(answer)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as error:
            raise StoreError(f"the endpoint {self.query_url} did not answer in SPARQL JSON") from error
        return rows

    def _own(self, names: list[URIRef]) -> list[URIRef]:
        """The graphs that belong to the store: under ``graph_prefix``, never unkg's bookkeeping graphs."""
        own = (
            name for name in names
            if not str(name).startswith(BOOKKEEPING_PREFIX)
            and (self.graph_prefix is None or name.startswith(self.graph_prefix))
        )
        return sorted(own)

    def graph_names(self) -> list[URIRef]:
        dataset = self._dataset_parameters()
        if dataset is not None:
            return dataset[1]
        rows = self._bindings_without_dataset("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return self._own([URIRef(row["g"]["value"]) for row in rows if row.get("g", {}).get("type") == "uri"])

    def dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        # Sorted in a subquery, paged outside it: Virtuoso refuses ORDER BY with OFFSET + LIMIT past
        # 10,000 rows (error SR353, "use a scrollable cursor"), which a report's graph can reach.
        page = (
            "SELECT ?s ?p ?o WHERE { { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o } }"
            " LIMIT %d OFFSET %d"
        )
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


def _opener(user: str | None, password: str | None, urls: list[str]) -> urllib.request.OpenerDirector:
    """An HTTP opener answering digest (Virtuoso's /sparql-auth) or basic challenges with the credentials."""
    if user is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    for url in urls:
        passwords.add_password(None, url, user, password or "")
    return urllib.request.build_opener(
        urllib.request.HTTPDigestAuthHandler(passwords), urllib.request.HTTPBasicAuthHandler(passwords)
    )


def _http_problem(url: str, error: urllib.error.HTTPError, updating: bool) -> UnkgError:
    """One line for an HTTP error: a refused query is the query's fault, a refused update the store's."""
    text = error.read().decode("utf-8", "replace") or str(error.reason)
    detail = _one_line(Exception(text.split("SPARQL query:")[0]))  # Virtuoso repeats the whole query
    if updating:
        if error.code in (401, 403) or "SECURITY" in text:
            hint = "give the user the SPARQL_UPDATE role (Virtuoso) and check the update URL and credentials"
            return StoreError(f"the endpoint {url} refused the update ({error.code}): {detail}; {hint}")
        return StoreError(f"the endpoint {url} failed the update ({error.code}): {detail}")
    if error.code in (401, 403):
        return StoreError(f"the endpoint {url} refused access ({error.code}): {detail}")
    if 400 <= error.code < 500:
        return QueryError(f"the endpoint {url} refused the query ({error.code}): {detail}")
    return StoreError(f"the endpoint {url} failed ({error.code}): {detail}")


def _json_term(value: Mapping[str, str]) -> Identifier:
    """An rdflib term from one SPARQL 1.1 Query Results JSON binding (Virtuoso's quirks undone)."""
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        return _canonical(Literal(value["value"], datatype=URIRef(datatype) if datatype else None))
    raise StoreError(f"unsupported term in SPARQL JSON results: {value!r}")


def _canonical(literal: Literal) -> Literal:
    """A literal as the other backends give it: ``xsd:string`` as a plain literal, and booleans
    as ``true``/``false`` (Virtuoso answers ``"1"^^xsd:boolean``)."""
    datatype = str(literal.datatype) if literal.datatype is not None else None
    if datatype == XSD_STRING:
        return Literal(str(literal))
    if datatype == XSD_BOOLEAN and str(literal) in ("0", "1"):
        return Literal("true" if str(literal) == "1" else "false", datatype=literal.datatype)
    return literal


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


StoreLocation = Path | Endpoint | None


def open_store(path: StoreLocation, read_only: bool = False, backend: str = "oxigraph") -> Store:
    """Open the store at ``path``: a folder (None: in memory) with the named backend, or a remote
    SPARQL server (:class:`Endpoint`).

    ``read_only`` is for readers (query, export, validate, serve): a missing store is an
    error telling the user to build first, instead of silently creating an empty one.
    """
    if isinstance(path, Endpoint):
        return SparqlEndpointStore.at(path, read_only=read_only)
    if backend == "oxigraph":
        return OxigraphStore(path, read_only=read_only)
    if backend == "rdflib":
        if path is not None:
            raise StoreError("the rdflib backend lives in memory only: pass no store folder")
        return RdflibStore()
    raise StoreError(f"unknown store backend {backend!r}; available: {', '.join(BACKENDS)}")

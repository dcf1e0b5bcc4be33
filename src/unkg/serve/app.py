"""``unkg serve``: a read-only SPARQL 1.1 Protocol endpoint, resolvable entity IRIs and pages.

Routes:
    /sparql                 SPARQL 1.1 Protocol (GET, POST form, POST application/sparql-query);
                            updates refused with 403; bad queries 400; queries past the limit 503
    /queries, /queries/N    the catalogue of queries/ and each one run (parameters as ?key=value)
    /views, /views/N        the network views (who-met-whom, positions, institutions)
    /ontology               the ontology: HTML documentation, or Turtle / JSON-LD / N-Triples / RDF/XML
    /context.jsonld         the JSON-LD @context
    /void                   the VoID + DCAT description of the dataset
    /dump/unkg.EXT          the whole graph (ttl, nt, nq, trig, jsonld, rdf)
    anything else           the resource whose IRI is the base IRI + the path, by content negotiation:
                            Turtle, JSON-LD, N-Triples, RDF/XML or an HTML page

The standard library's ThreadingHTTPServer answers requests; every query goes through a pool
of worker processes (:mod:`unkg.serve.workers`) so that a slow one can be stopped.
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from rdflib import Graph

from unkg.config import DEFAULT_BASE_IRI, Settings
from unkg.errors import StoreError
from unkg.export import jsonld_context
from unkg.query import QueryInfo, list_queries, load_query
from unkg.serve import pages
from unkg.serve.jobs import (
    Boolean,
    DescribeJob,
    Entity,
    Failure,
    FileJob,
    Job,
    NamedQueryJob,
    SparqlJob,
    Table,
    Triples,
    Written,
)
from unkg.serve.negotiate import choose
from unkg.serve.results import RESULT_MEDIA_TYPES, write_ask, write_select
from unkg.serve.sparqltext import is_update, uses_service
from unkg.serve.workers import QueryTimeout, ServerBusy, WorkerPool
from unkg.store import Endpoint

MAX_BODY_BYTES = 1_000_000
FILE_JOB_SECONDS = 120.0  # views and dumps are written once, then served from the cache

TABLE_TYPES = (*RESULT_MEDIA_TYPES.values(), "text/html")
GRAPH_TYPES = (
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "text/html",
)
RDFLIB_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
MEDIA_FORMAT = {media: fmt for fmt, media in RESULT_MEDIA_TYPES.items()}
ENTITY_FORMAT_LINKS = (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples"), ("rdf", "RDF/XML"))
DUMPS = {
    "ttl": ("turtle", "text/turtle"),
    "nt": ("ntriples", "application/n-triples"),
    "nq": ("nquads", "application/n-quads"),
    "trig": ("trig", "application/trig"),
    "jsonld": ("jsonld", "application/ld+json"),
    "rdf": ("xml", "application/rdf+xml"),
}
VIEW_NAMES = ("who-met-whom", "positions", "institutions")
VIEW_FORMATS = {"html": "text/html", "gexf": "application/xml", "graphml": "application/xml"}


class HttpProblem(Exception):
    """Stop handling a request and answer with this status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class ServerState:
    """What every request handler shares: the worker pool, limits, settings and the file cache."""

    pool: WorkerPool
    settings: Settings
    timeout: float
    max_results: int
    cache_dir: Path
    context: dict[str, object]
    catalogue: dict[str, tuple[QueryInfo, str]]  # name -> (header, text)
    cache_lock: threading.Lock

    def run(self, job: Job, timeout: float | None = None) -> object:
        try:
            answer = self.pool.run(job, self.timeout if timeout is None else timeout)
        except QueryTimeout as error:
            raise HttpProblem(HTTPStatus.SERVICE_UNAVAILABLE, str(error)) from error
        except ServerBusy as error:
            raise HttpProblem(HTTPStatus.SERVICE_UNAVAILABLE, str(error)) from error
        if isinstance(answer, Failure):
            raise HttpProblem(answer.status, answer.message)
        return answer


class Handler(BaseHTTPRequestHandler):
    """One request: route by path, negotiate the format, answer; errors become one clear message."""

    server_version = "unkg"
    timeout = 60  # seconds a client may take to send its request (socket timeout)
    state: ServerState  # set on the subclass made by make_server

    # ----- plumbing ---------------------------------------------------------------------------------

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, media_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if media_type.startswith("text/") or "json" in media_type else ""
        self.send_header("Content-Type", media_type + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.send_header("Access-Control-Allow-Origin", "*")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _problem(self, problem: HttpProblem) -> None:
        wants_html = choose(("text/plain", "text/html"), self.headers.get("Accept")) == "text/html"
        if wants_html:
            title = f"{problem.status} {HTTPStatus(problem.status).phrase}"
            self._send(problem.status, "text/html", pages.message_page(title, problem.message))
        else:
            self._send(problem.status, "text/plain", (problem.message + "\n").encode("utf-8"))

    def _params(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query, keep_blank_values=True)

    def _choose(self, offered: tuple[str, ...], params: dict[str, list[str]]) -> str:
        names = [*params.get("format", []), *params.get("output", [])]
        return choose(offered, self.headers.get("Accept"), names)

    def _dispatch(self, routes: Callable[[str], None]) -> None:
        try:
            routes(unquote(urlsplit(self.path).path))
        except HttpProblem as problem:
            self._problem(problem)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away

    def do_GET(self) -> None:
        self._dispatch(self._route_get)

    def do_HEAD(self) -> None:
        self._dispatch(self._route_get)

    def do_POST(self) -> None:
        self._dispatch(self._route_post)

    # ----- routes -----------------------------------------------------------------------------------

    def _route_get(self, path: str) -> None:
        params = self._params()
        if path == "/sparql":
            if "update" in params:
                raise _refuse_update()
            if "query" in params:
                self._answer_query(params["query"][0], params)
            else:
                self._sparql_form(params)
        elif path in ("/", ""):
            self._home()
        elif path in ("/queries", "/queries/"):
            self._query_list()
        elif path.startswith("/queries/"):
            self._named_query(path.removeprefix("/queries/"), params)
        elif path in ("/views", "/views/"):
            self._view_list()
        elif path.startswith("/views/"):
            self._view(path.removeprefix("/views/"), params)
        elif path in ("/ontology", "/ontology/"):
            self._ontology(params)
        elif path == "/context.jsonld":
            self._send(
                200, "application/ld+json", (self.state.settings.ontology_dir / "context.jsonld").read_bytes()
            )
        elif path in ("/void", "/.well-known/void"):
            self._void(params)
        elif path.startswith("/dump/"):
            self._dump(path.removeprefix("/dump/"))
        else:
            self._entity(path, params)

    def _route_post(self, path: str) -> None:
        if path != "/sparql":
            raise HttpProblem(HTTPStatus.METHOD_NOT_ALLOWED, "POST is only accepted at /sparql")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise HttpProblem(HTTPStatus.BAD_REQUEST, "Content-Length is not a number") from None
        if not 0 <= length <= MAX_BODY_BYTES:
            raise HttpProblem(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY_BYTES} bytes"
            )
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = self._params()
        if content_type == "application/sparql-update":
            raise _refuse_update()
        if content_type == "application/sparql-query":
            self._answer_query(body, params)
        elif content_type == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                raise _refuse_update()
            if "query" not in form:
                raise HttpProblem(HTTPStatus.BAD_REQUEST, "no 'query' in the form")
            self._answer_query(form["query"][0], {**params, **form})
        else:
            raise HttpProblem(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST a query as application/sparql-query or application/x-www-form-urlencoded",
            )

    # ----- SPARQL -----------------------------------------------------------------------------------

    def _answer_query(self, query: str, params: dict[str, list[str]]) -> None:
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise HttpProblem(
                HTTPStatus.BAD_REQUEST,
                "default-graph-uri and named-graph-uri are not supported: queries see the union of all "
                "graphs; use GRAPH <...> { } in the query to read one report's graph",
            )
        if is_update(query):
            raise _refuse_update()
        if uses_service(query):
            raise HttpProblem(
                HTTPStatus.FORBIDDEN, "federated queries (SERVICE) are disabled on this endpoint"
            )
        answer = self.state.run(SparqlJob(query, self.state.max_results))
        if isinstance(answer, Triples):
            self._send_graph(answer.triples, params, "CONSTRUCT results", answer.truncated)
        elif isinstance(answer, Table):
            self._send_table(answer, params, "SELECT results", query)
        elif isinstance(answer, Boolean):
            media = self._choose(TABLE_TYPES, params)
            if media == "text/html":
                self._send(200, media, pages.message_page("ASK result", "true" if answer.value else "false"))
            else:
                self._send(200, media, write_ask(MEDIA_FORMAT[media], answer.value).encode("utf-8"))

    def _send_table(self, table: Table, params: dict[str, list[str]], title: str, query: str) -> None:
        media = self._choose(TABLE_TYPES, params)
        headers = _cap_headers(table.truncated, self.state.max_results)
        if media == "text/html":
            body = pages.results_page(title, table, self._linker(), query)
        else:
            body = write_select(MEDIA_FORMAT[media], table.variables, table.rows).encode("utf-8")
        self._send(200, media, body, headers)

    def _send_graph(
        self,
        triples: tuple[tuple[object, ...], ...],
        params: dict[str, list[str]],
        title: str,
        truncated: bool,
    ) -> None:
        graph = Graph()
        for prefix, namespace in _context_prefixes(self.state.context).items():
            graph.bind(prefix, namespace)
        for triple in triples:
            graph.add(triple)  # type: ignore[arg-type]
        media = self._choose(GRAPH_TYPES, params)
        headers = _cap_headers(truncated, self.state.max_results)
        if media == "text/html":
            self._send(200, media, pages.preformatted_page(title, graph.serialize(format="turtle")), headers)
        else:
            self._send(200, media, self._serialize(graph, media), headers)

    def _serialize(self, graph: Graph, media: str) -> bytes:
        fmt = RDFLIB_FORMATS[media]
        if fmt == "json-ld":
            context = self.state.context or None
            return graph.serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8")
        return graph.serialize(format=fmt).encode("utf-8")

    def _sparql_form(self, params: dict[str, list[str]]) -> None:
        examples = [(info.name, text) for info, text in self.state.catalogue.values()]
        default = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 25"
        self._send(200, "text/html", pages.sparql_form_page(params.get("query", [default])[0], examples))

    # ----- catalogue, views, ontology, dataset ------------------------------------------------------

    def _home(self) -> None:
        items = [
            ("/sparql", "SPARQL endpoint", "query the graph (SPARQL 1.1 Protocol, read-only)"),
            ("/queries", "Queries", "the catalogue of ready-made queries, runnable here"),
            ("/views", "Views", "network views: who met whom, positions, institutions"),
            ("/ontology", "Ontology", "classes, properties and vocabularies"),
            ("/void", "Dataset description", "VoID and DCAT: reports, triple counts, vocabularies, licence"),
        ]
        items += [
            (f"/dump/unkg.{ext}", f"unkg.{ext}", f"the whole graph as {media}")
            for ext, (_, media) in DUMPS.items()
        ]
        self._send(200, "text/html", pages.page("unkg", pages.link_list(items)))

    def _query_list(self) -> None:
        queries = [
            (info.name, info.description, [(p.name, p.description) for p in info.parameters])
            for info, _ in self.state.catalogue.values()
        ]
        self._send(200, "text/html", pages.query_list_page(queries))

    def _named_query(self, name: str, params: dict[str, list[str]]) -> None:
        if name not in self.state.catalogue:
            known = ", ".join(self.state.catalogue)
            raise HttpProblem(HTTPStatus.NOT_FOUND, f"no query {name!r}; available: {known}")
        info, text = self.state.catalogue[name]
        bound = {key: values[0] for key, values in params.items() if key not in ("format", "output")}
        answer = self.state.run(NamedQueryJob(name, bound, self.state.max_results))
        if not isinstance(answer, Table):
            raise HttpProblem(HTTPStatus.INTERNAL_SERVER_ERROR, f"query {name} did not give a table")
        self._send_table(answer, params, f"{name}: {info.description}", text)

    def _view_list(self) -> None:
        items = [
            (f"/views/{name}", name, "network view (HTML; also ?format=gexf or graphml)")
            for name in VIEW_NAMES
        ]
        self._send(200, "text/html", pages.page("Views", pages.link_list(items)))

    def _view(self, name: str, params: dict[str, list[str]]) -> None:
        fmt = params.get("format", ["html"])[0]
        if name not in VIEW_NAMES or fmt not in VIEW_FORMATS:
            raise HttpProblem(
                HTTPStatus.NOT_FOUND, f"no view {name!r} in format {fmt!r}; views: {', '.join(VIEW_NAMES)}"
            )
        path = self._cached(f"views/{name}.{fmt}", FileJob("view", name, "", view_format=fmt))
        self._send(200, VIEW_FORMATS[fmt], path.read_bytes())

    def _dump(self, filename: str) -> None:
        stem, _, ext = filename.partition(".")
        if stem != "unkg" or ext not in DUMPS:
            raise HttpProblem(
                HTTPStatus.NOT_FOUND, f"no dump {filename!r}; available: unkg.{{{','.join(DUMPS)}}}"
            )
        fmt, media = DUMPS[ext]
        path = self._cached(f"dump/unkg.{ext}", FileJob("export", fmt, ""))
        self._send(200, media, path.read_bytes())

    def _void(self, params: dict[str, list[str]]) -> None:
        path = self._cached("void.ttl", FileJob("void", "void", ""))
        graph = Graph().parse(path, format="turtle")
        media = self._choose(GRAPH_TYPES, params)
        if media == "text/html":
            body = pages.preformatted_page(
                "Dataset description (VoID, DCAT)", path.read_text(encoding="utf-8")
            )
            self._send(200, media, body)
        else:
            self._send(200, media, self._serialize(graph, media))

    def _ontology(self, params: dict[str, list[str]]) -> None:
        from unkg.ontology_docs import ontology_graph, ontology_html

        media = self._choose(("text/html", *GRAPH_TYPES[:-1]), params)
        if media == "text/html":
            self._send(200, media, ontology_html(self.state.settings).encode("utf-8"))
        else:
            self._send(200, media, self._serialize(ontology_graph(self.state.settings), media))

    def _cached(self, relative: str, job: FileJob) -> Path:
        """The file ``relative`` of the cache, written by a worker on first use."""
        path = self.state.cache_dir / relative
        with self.state.cache_lock:
            if not path.is_file():
                answer = self.state.run(
                    FileJob(job.kind, job.name, str(path), job.view_format),
                    max(self.state.timeout, FILE_JOB_SECONDS),
                )
                if not isinstance(answer, Written):
                    raise HttpProblem(HTTPStatus.INTERNAL_SERVER_ERROR, f"could not write {relative}")
        return path

    # ----- entities ---------------------------------------------------------------------------------

    def _linker(self) -> pages.Linker:
        return pages.Linker(self.state.settings.base_iri, _context_prefixes(self.state.context))

    def _entity(self, path: str, params: dict[str, list[str]]) -> None:
        relative = path.lstrip("/")
        candidates = tuple(
            dict.fromkeys(base + relative for base in (self.state.settings.base_iri, DEFAULT_BASE_IRI))
        )
        media = self._choose(GRAPH_TYPES, params)
        answer = self.state.run(DescribeJob(candidates, self.state.max_results, page=media == "text/html"))
        if not isinstance(answer, Entity):
            raise HttpProblem(HTTPStatus.INTERNAL_SERVER_ERROR, "unexpected answer")
        headers = _cap_headers(answer.truncated, self.state.max_results)
        if media == "text/html":
            self._send(200, media, pages.entity_page(answer, self._linker(), ENTITY_FORMAT_LINKS), headers)
        else:
            self._send_graph(answer.triples, params, answer.iri, answer.truncated)


def _refuse_update() -> HttpProblem:
    return HttpProblem(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")


def _cap_headers(truncated: bool, cap: int) -> dict[str, str]:
    return {"X-Result-Cap": str(cap), "X-Result-Truncated": "true"} if truncated else {}


def _context_prefixes(context: dict[str, object]) -> dict[str, str]:
    """The prefix declarations of the JSON-LD context (term -> namespace IRI ending in / or #)."""
    return {
        key: value
        for key, value in context.items()
        if isinstance(value, str) and not key.startswith("@") and value.endswith(("/", "#"))
    }


def _catalogue(settings: Settings) -> dict[str, tuple[QueryInfo, str]]:
    """The queries of queries/ by name, with their text (shown under results and in the editor)."""
    return {info.name: (info, load_query(info.name, settings)[1]) for info in list_queries(settings)}


def make_server(
    store_dir: Path | Endpoint,
    host: str,
    port: int,
    settings: Settings,
    timeout: float,
    max_results: int,
    workers: int = 3,
) -> ThreadingHTTPServer:
    """A ready server (not yet serving); ``server.state.pool`` must be closed after use."""
    if isinstance(store_dir, Path) and not store_dir.is_dir():
        raise StoreError(f"no store at {store_dir}: run `unkg build` first")
    pool = WorkerPool(store_dir, settings, size=workers)
    state = ServerState(
        pool=pool,
        settings=settings,
        timeout=timeout,
        max_results=max_results,
        cache_dir=Path(tempfile.mkdtemp(prefix="unkg-serve-")),
        context=jsonld_context(settings) or {},
        catalogue=_catalogue(settings),
        cache_lock=threading.Lock(),
    )
    handler = type("BoundHandler", (Handler,), {"state": state})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        pool.close()
        raise StoreError(f"cannot listen on {host}:{port}: {error}") from error
    server.daemon_threads = True
    server.state = state  # type: ignore[attr-defined]
    return server


def _stop_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


def serve(
    store_dir: Path | Endpoint,
    host: str,
    port: int,
    settings: Settings,
    timeout: float,
    max_results: int,
    workers: int = 3,
) -> None:
    """Serve the store at ``store_dir`` (a folder, or a remote SPARQL server) on ``host:port`` until
    interrupted; a query past the time limit is abandoned (a remote server stops it at its own limit)."""
    server = make_server(store_dir, host, port, settings, timeout, max_results, workers)
    state: ServerState = server.state  # type: ignore[attr-defined]
    bound_host, bound_port = server.server_address[:2]
    print(f"unkg: serving http://{bound_host!s}:{bound_port}/ (SPARQL endpoint at /sparql)", flush=True)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_on_signal)  # so the workers are stopped too
    try:
        server.serve_forever()
    finally:
        server.server_close()
        state.pool.close()
        shutil.rmtree(state.cache_dir, ignore_errors=True)

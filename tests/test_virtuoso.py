"""The remote-store backend against a real Virtuoso: what `unkg build --endpoint` writes there answers
every catalogued query with the same rows as the Oxigraph store, exports to the same graph, drops
a removed report, keeps hostile text as data, and fails with one line when the server says no.

A session fixture starts Debian's ``virtuoso-t`` (package virtuoso-opensource) in the foreground
on a throwaway database in a temporary folder, on free loopback ports, and grants SPARQL Update
the way a deployment would: a SQL user with the SPARQL_UPDATE role, writing through the
digest-authenticated ``/sparql-auth``. Without ``virtuoso-t`` the tests are skipped, unless
``UNKG_REQUIRE_VIRTUOSO=1`` (set in CI): then they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from unkg.cli import main
from unkg.config import Settings
from unkg.errors import StoreError
from unkg.export import export_graph
from unkg.query import list_queries, run_query
from unkg.rdf.iris import Minter
from unkg.store import Endpoint, SparqlEndpointStore, Store, open_store

VIRTUOSO = "virtuoso-t"
ISQL = ("isql-vt", "isql")  # Debian names the Virtuoso SQL client isql-vt
USER, PASSWORD = "unkg", "unkg-test-secret"

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
; as in Debian's virtuoso.ini (without it, Virtuoso answers ASK as a SELECT of __ASK_RETVAL)
CaseMode = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {dir}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
; the package's defaults: results stop at 10,000 rows
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running server: its SPARQL URLs and the user allowed to update."""

    query_url: str
    update_url: str
    folder: Path

    def endpoint(self, settings: Settings) -> Endpoint:
        prefix = str(Minter(settings.base_iri).graph(""))
        return Endpoint(self.query_url, self.update_url, USER, PASSWORD, graph_prefix=prefix)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=form), timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A throwaway Virtuoso on free loopback ports, with a user holding SPARQL_UPDATE."""
    server = shutil.which(VIRTUOSO)
    isql = next((found for name in ISQL if (found := shutil.which(name))), None)
    if server is None or isql is None:
        if os.environ.get("UNKG_REQUIRE_VIRTUOSO") == "1":
            pytest.fail(f"UNKG_REQUIRE_VIRTUOSO=1 but {VIRTUOSO} or isql-vt is missing")
        pytest.skip(
            f"{VIRTUOSO} is not installed (apt-get install virtuoso-opensource); "
            "set UNKG_REQUIRE_VIRTUOSO=1 to fail"
        )
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(dir=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    process = subprocess.Popen(
        [server, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        deadline = time.monotonic() + 60
        while not _answers(f"{base}/sparql"):
            if process.poll() is not None or time.monotonic() > deadline:
                log = (folder / "virtuoso.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"virtuoso-t did not start:\n{log}")
            time.sleep(0.3)
        grant = f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}'); GRANT SPARQL_UPDATE TO \"{USER}\";"
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"],
            check=True, capture_output=True, timeout=60,
        )
        yield Virtuoso(f"{base}/sparql", f"{base}/sparql-auth", folder)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _unkg(*argv: str) -> int:
    """Run the CLI in this process, with the Virtuoso user's credentials in the environment."""
    credentials = {"UNKG_ENDPOINT_USER": USER, "UNKG_ENDPOINT_PASSWORD": PASSWORD}
    with mock.patch.dict(os.environ, credentials):
        return main(list(argv))


@pytest.fixture(scope="module")
def remote_out(virtuoso: Virtuoso, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/reports/ built into Virtuoso by `unkg build --endpoint`; the folder of its build/ outputs."""
    out = tmp_path_factory.mktemp("virtuoso-out")
    code = _unkg("build", str(settings.reports_dir), "--endpoint", virtuoso.query_url,
                 "--update-endpoint", virtuoso.update_url, "--out", str(out))
    assert code == 0
    return out


@pytest.fixture(scope="module")
def remote(remote_out: Path, virtuoso: Virtuoso, settings: Settings) -> Iterator[Store]:
    with open_store(virtuoso.endpoint(settings)) as store:
        yield store


@pytest.fixture(scope="module")
def local(built_store_dir: Path) -> Iterator[Store]:
    with open_store(built_store_dir, read_only=True) as store:
        yield store


def _params(name: str) -> dict[str, str]:
    return {"topic": "multilateralism"} if name == "positions" else {}


EX = "http://example.org/"
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
CONTRACT = """@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:ueki <http://xmlns.com/foaf/0.1/name> "Chikako Ueki" ; ex:age 60 ; ex:member true ; ex:note "n"@en-GB ;
    ex:day "2019-09-02"^^xsd:date ; ex:typed "t"^^xsd:string ; ex:topic ex:multilateralism ."""


def test_the_store_contract_holds_on_virtuoso(virtuoso: Virtuoso) -> None:
    """Under its own graph prefix (its own union and catalogue), beside unkg's graphs on the same server:
    a triple two graphs share counts once, terms come back as the other backends give them."""
    one = Graph().parse(data=CONTRACT, format="turtle")
    two = Graph().parse(data=f'<{EX}ueki> <http://xmlns.com/foaf/0.1/name> "Chikako Ueki" .', format="turtle")
    g1, g2 = URIRef(EX + "graph/one"), URIRef(EX + "graph/two")
    endpoint = Endpoint(virtuoso.query_url, virtuoso.update_url, USER, PASSWORD, graph_prefix=EX + "graph/")
    with open_store(endpoint) as store, open_store(None) as oxigraph:
        for name, graph in ((g1, one), (g2, two)):
            store.replace_graph(name, graph)
            oxigraph.replace_graph(name, graph)
        try:
            assert store.graph_names() == [g1, g2]
            assert store.triple_count() == oxigraph.triple_count() == len(one)
            everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?p"
            assert store.select(everything) == oxigraph.select(everything)  # once each, same terms
            in_graphs = f"SELECT ?g ?o WHERE {{ GRAPH ?g {{ ?s <{FOAF_NAME}> ?o }} }} ORDER BY ?g"
            assert store.select(in_graphs) == oxigraph.select(in_graphs)  # no union or system graph
            ask = "ASK { ?s ?p ?topic }"
            assert store.ask(ask, {"topic": URIRef(EX + "multilateralism")})
            assert not store.ask(ask, {"topic": URIRef(EX + "nothing")})
            construct = "CONSTRUCT WHERE { ?s ?p ?o }"
            assert set(store.construct(construct)) == set(oxigraph.construct(construct))
            store.remove_graph(g1)
            assert store.graph_names() == [g2] and store.triple_count() == 1
        finally:
            store.remove_graph(g1)
            store.remove_graph(g2)
        assert store.graph_names() == [] and store.triple_count() == 0


def test_every_catalogued_query_gives_the_same_rows_as_oxigraph(
    remote: Store, local: Store, settings: Settings
) -> None:
    assert remote.graph_names() == local.graph_names()
    assert remote.triple_count() == local.triple_count()
    for info in list_queries(settings):
        expected = run_query(local, info.name, _params(info.name), settings=settings)
        answered = run_query(remote, info.name, _params(info.name), settings=settings)
        assert answered.variables == expected.variables, info.name
        assert sorted(map(repr, answered.rows)) == sorted(map(repr, expected.rows)), info.name
        assert answered.rows, info.name  # a query that finds nothing compares nothing


def test_export_from_virtuoso_is_isomorphic_to_export_from_oxigraph(
    remote: Store, local: Store, settings: Settings
) -> None:
    exported = Dataset().parse(data=export_graph(remote, "nquads", None, settings), format="nquads")
    expected = local.dataset()
    for name in local.graph_names():
        # unkg mints no blank nodes, so isomorphic graphs are equal sets of triples (and this is fast)
        assert not any(isinstance(term, BNode) for triple in expected.graph(name) for term in triple)
        assert set(exported.graph(name)) == set(expected.graph(name)), name
    assert sorted(graph.identifier for graph in exported.graphs() if len(graph)) == local.graph_names()


def test_a_build_into_virtuoso_writes_the_same_outputs(remote_out: Path, built_store_dir: Path) -> None:
    local_out = built_store_dir.parent / "out"
    turtle = [set(Graph().parse(folder / "graph.ttl", format="turtle")) for folder in (remote_out, local_out)]
    assert turtle[0] == turtle[1]
    for page in ("who-met-whom.html", "positions.html", "institutions.html"):
        assert (remote_out / page).read_bytes() == (local_out / page).read_bytes(), page


HOSTILE = 'He said "stop" \\ then\nleft; <script>alert(1)</script> } ; DROP ALL # 東京, Улаанбаатар'


def test_hostile_report_text_and_parameters_stay_data(remote: Store, settings: Settings) -> None:
    graph_iri = Minter(settings.base_iri).graph("hostile-test")
    subject = URIRef(settings.base_iri + "person/hostile")
    name = URIRef("http://xmlns.com/foaf/0.1/name")
    before = remote.triple_count()
    hostile = Graph()
    hostile.add((subject, name, Literal(HOSTILE)))
    hostile.add((subject, URIRef("http://purl.org/dc/terms/title"), Literal(HOSTILE, lang="mn")))
    remote.replace_graph(graph_iri, hostile)
    try:
        found = remote.select("SELECT ?who WHERE { ?who ?p ?text }", {"text": Literal(HOSTILE)})
        assert found.rows == ((subject,),)
        back = remote.select("SELECT ?p ?text WHERE { ?who ?p ?text } ORDER BY ?p", {"who": subject})
        assert set(back.rows) == set(((p, o) for _, p, o in hostile))
        nothing = run_query(remote, "positions", {"topic": HOSTILE}, settings=settings)
        assert nothing.rows == ()
    finally:
        remote.remove_graph(graph_iri)
    assert remote.triple_count() == before
    assert graph_iri not in remote.graph_names()


def test_a_write_the_server_fails_keeps_the_previous_graph(remote: Store, virtuoso: Virtuoso,
                                                            settings: Settings) -> None:
    graph_iri = Minter(settings.base_iri).graph("geneva-dialogue-2019")
    before = remote.triple_count()
    store = SparqlEndpointStore.at(virtuoso.endpoint(settings))
    store.CHUNK = 100_000  # Virtuoso's parser runs out of memory on such a request
    bigger = Graph()
    for index in range(6000):
        bigger.add((URIRef(f"{settings.base_iri}x/{index}"), URIRef(f"{settings.base_iri}p"), Literal(index)))
    with pytest.raises(StoreError, match="failed the update"):
        store.replace_graph(graph_iri, bigger)
    assert remote.triple_count() == before
    assert not [g for g in _server_graphs(virtuoso) if g.startswith("urn:unkg:staging:")]


def _server_graphs(virtuoso: Virtuoso) -> list[str]:
    """Every graph the server holds, unkg's bookkeeping graphs and Virtuoso's own included."""
    form = urllib.parse.urlencode({"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"})
    request = urllib.request.Request(virtuoso.query_url, data=form.encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return [row["g"]["value"] for row in json.load(response)["results"]["bindings"]]


def test_refused_update_and_unreachable_server_are_one_line_with_exit_code_5(
    remote: Store, virtuoso: Virtuoso, capsys: pytest.CaptureFixture[str]
) -> None:
    before = remote.triple_count()
    # /sparql without credentials: Virtuoso's anonymous user may read, not write
    code = main(["remove", "acuns-annual-meeting-2023", "--endpoint", virtuoso.query_url])
    error = capsys.readouterr().err
    assert code == 5 and error.count("\n") == 1
    assert "refused the update" in error and "SPARQL_UPDATE" in error
    assert remote.triple_count() == before
    closed = f"http://127.0.0.1:{_free_port()}/sparql"
    assert main(["query", "persons", "--endpoint", closed]) == 5
    error = capsys.readouterr().err
    assert error.startswith(f"unkg: error: cannot reach the SPARQL endpoint {closed}")
    assert error.count("\n") == 1


def test_results_virtuoso_cuts_short_are_an_error_not_missing_rows(remote: Store) -> None:
    with pytest.raises(StoreError, match="returned only the first 10000 rows"):
        remote.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")


def test_unkg_serve_serves_the_graph_of_a_virtuoso(remote: Store, local: Store, virtuoso: Virtuoso) -> None:
    """`unkg serve --endpoint`: pages and the query catalogue over Virtuoso. --max-results stays below
    10,000: entity pages sort max-results + 1 rows, and Virtuoso sorts at most MaxSortedTopRows (10,000)."""
    port = _free_port()
    unkg = str(Path(sys.executable).parent / "unkg")
    command = [unkg, "serve", "--endpoint", virtuoso.query_url, "--port", str(port), "--max-results", "9999"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _answers(f"{url}/sparql"):
            assert process.poll() is None and time.monotonic() < deadline, "unkg serve did not start"
            time.sleep(0.3)
        with urllib.request.urlopen(f"{url}/queries/persons?format=csv", timeout=30) as response:
            lines = response.read().decode("utf-8").splitlines()
        assert len(lines) == 1 + len(local.select(PERSONS).rows)
        person = "https://w3id.org/unkg/person/hasegawa-sukehiro"
        request = urllib.request.Request(f"{url}/person/hasegawa-sukehiro", headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(request, timeout=30) as response:
            served = Graph().parse(data=response.read().decode("utf-8"), format="turtle")
        expected = local.construct("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }", {"x": URIRef(person)})
        assert set(expected) <= set(served)
    finally:
        process.terminate()
        process.wait(timeout=30)


PERSONS = "SELECT DISTINCT ?p WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }"


def test_remove_drops_a_report(
    remote: Store, local: Store, virtuoso: Virtuoso, settings: Settings, tmp_path: Path
) -> None:
    """Last: it changes the server's graph (and puts the report back for later modules)."""
    gone = Minter(settings.base_iri).graph("acuns-annual-meeting-2023")
    kept = local.dataset()
    try:
        assert _unkg("remove", "acuns-annual-meeting-2023", "--endpoint", virtuoso.query_url,
                     "--update-endpoint", virtuoso.update_url, "--out", str(tmp_path)) == 0
        assert gone not in remote.graph_names()
        with open_store(None) as expected:
            for name in local.graph_names():
                if name != gone:
                    expected.replace_graph(name, kept.graph(name))
            assert remote.triple_count() == expected.triple_count()
            for query in ("persons", "sessions", "view_events"):
                answered = run_query(remote, query, {}, settings=settings).rows
                assert sorted(map(repr, answered)) == sorted(
                    map(repr, run_query(expected, query, {}, settings=settings).rows)
                ), query
    finally:
        remote.replace_graph(gone, kept.graph(gone))


def test_the_endpoint_comes_from_the_environment_and_excludes_store(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No server needed: $UNKG_ENDPOINT points every reader at a server; --store and --endpoint clash."""
    closed = f"http://127.0.0.1:{_free_port()}/sparql"
    with mock.patch.dict(os.environ, {"UNKG_ENDPOINT": closed}):
        assert main(["export", "--format", "nquads"]) == 5
    assert f"cannot reach the SPARQL endpoint {closed}" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "persons", "--store", "x", "--endpoint", closed])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err

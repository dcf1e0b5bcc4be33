"""A store from the hand-written fixture graph and a real `unkg serve` on a free loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from unkg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
UNKG = str(Path(sys.executable).parent / "unkg")
DEFAULT_BASE = "https://w3id.org/unkg/"
FILLER_VALUE = URIRef("https://example.org/filler#value")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def load_fixture_store(store_dir: Path, base_iri: str, extra_triples: int = 0) -> None:
    """Write the fixture graph (IRIs resolved against ``base_iri``) and the ontology into a new store.

    ``extra_triples`` filler triples in their own graph give slow queries something to chew on.
    """
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig", publicID=base_iri)
    with open_store(store_dir) as store:
        for graph in dataset.graphs():
            if isinstance(graph.identifier, URIRef) and graph.identifier != DATASET_DEFAULT_GRAPH_ID:
                store.replace_graph(graph.identifier, graph)
        vocabulary = Graph().parse(ROOT / "ontology" / "unkg.ttl", format="turtle")
        vocabulary += dataset.graph(URIRef(base_iri + "graph/vocabulary"))
        store.replace_graph(URIRef(base_iri + "graph/vocabulary"), vocabulary)
        filler = Graph()
        for i in range(extra_triples):
            filler.add((URIRef(f"https://example.org/filler/{i}"), FILLER_VALUE, Literal(i)))
        store.replace_graph(URIRef(base_iri + "graph/filler"), filler)


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT
    base_iri: str
    store_dir: Path
    process: subprocess.Popen[bytes]

    def iri(self, path: str) -> str:
        return self.base_iri + path


def start_server(store_dir: Path, base_iri: str, *options: str, port: int | None = None) -> Server:
    """Run `unkg --base BASE serve` on a free loopback port; ``{port}`` in ``base_iri`` becomes that port."""
    port = port or free_port()
    base = base_iri.replace("{port}", str(port))
    command = [UNKG, "--base", base, "serve", "--store", str(store_dir), "--port", str(port), *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"unkg serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/", timeout=5):
                return Server(url, base, store_dir, process)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("unkg serve did not start within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()


def fetch(
    url: str,
    accept: str | None = None,
    data: bytes | None = None,
    content_type: str | None = None,
    timeout: float = 60,
) -> Response:
    """One HTTP request (GET, or POST when ``data`` is given); HTTP errors are returned, not raised."""
    request = urllib.request.Request(url, data=data)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return Response(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


def as_rows(document: dict[str, Any]) -> list[tuple[tuple[str, str, str], ...]]:
    """SPARQL JSON results as comparable rows (a plain literal and an xsd:string one are the same)."""
    rows = []
    for binding in document["results"]["bindings"]:
        row = []
        for name in document["head"]["vars"]:
            term = binding.get(name)
            if term is not None:
                kind = "literal" if term["type"] == "typed-literal" else term["type"]
                datatype = term.get("datatype", "http://www.w3.org/2001/XMLSchema#string")
                row.append((name, kind, term["value"] + "|" + (term.get("xml:lang") or datatype)))
        rows.append(tuple(row))
    return rows

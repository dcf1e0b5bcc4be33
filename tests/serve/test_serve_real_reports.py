"""The server over the store built from the real reports of data/reports/."""

from __future__ import annotations

import importlib
import importlib.util
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, RDF
from serve_support import DEFAULT_BASE, UNKG, Server, as_rows, fetch, start_server, stop_server
from SPARQLWrapper import JSON, SPARQLWrapper

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    if importlib.util.find_spec("unkg.extract") is None or not hasattr(
        importlib.import_module("unkg.extract"), "extract"
    ):
        pytest.skip("the extraction stage (unkg.extract.extract) is not in this checkout yet")
    built_store_dir: Path = request.getfixturevalue("built_store_dir")
    running = start_server(built_store_dir, DEFAULT_BASE)
    yield running
    stop_server(running)


def cli_persons(server: Server) -> dict[str, Any]:
    command = [UNKG, "query", "persons", "--format", "json", "--store", str(server.store_dir)]
    result: dict[str, Any] = json.loads(
        subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout
    )
    return result


def test_sparqlwrapper_and_unkg_query_agree_on_the_real_persons(real_server: Server) -> None:
    client = SPARQLWrapper(f"{real_server.url}/sparql")
    client.setQuery((ROOT / "queries" / "persons.rq").read_text(encoding="utf-8"))
    client.setReturnFormat(JSON)
    client.setTimeout(60)
    answer = client.queryAndConvert()
    expected = cli_persons(real_server)
    assert isinstance(answer, dict)
    assert answer["head"]["vars"] == expected["head"]["vars"]
    assert as_rows(answer) == as_rows(expected)


def test_every_real_person_iri_dereferences_in_three_formats(real_server: Server) -> None:
    bindings = cli_persons(real_server)["results"]["bindings"]
    persons = [binding["person"]["value"] for binding in bindings]
    assert persons, "the real reports name people"
    for iri in persons:
        url = real_server.url + "/" + iri.removeprefix(DEFAULT_BASE)
        for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld")):
            response = fetch(url, accept=accept)
            assert response.status == 200, (iri, accept)
            assert (URIRef(iri), RDF.type, FOAF.Person) in Graph().parse(data=response.text, format=fmt)
        page = fetch(url, accept="text/html")
        assert page.status == 200 and page.media_type == "text/html", iri

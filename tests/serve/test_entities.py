"""Entity IRIs resolve on the server: Turtle, JSON-LD and HTML by content negotiation."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, RDF
from serve_support import UNKG, Server, fetch, free_port, load_fixture_store, start_server, stop_server

PERSONS = ("tanaka-hana", "lee-min", "smith-john")


def persons_from_cli(server: Server) -> list[str]:
    """The IRIs `unkg query persons` lists for the server's store."""
    command = [UNKG, "--base", server.base_iri, "query", "persons", "--format", "json"]
    output = subprocess.run(
        [*command, "--store", str(server.store_dir)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return [b["person"]["value"] for b in json.loads(output)["results"]["bindings"]]


def test_every_person_dereferences_as_turtle_json_ld_and_html(server: Server) -> None:
    persons = persons_from_cli(server)
    assert sorted(persons) == sorted(server.iri(f"person/{key}") for key in PERSONS)
    for iri in persons:
        path = iri.removeprefix(server.base_iri)
        for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld")):
            response = fetch(f"{server.url}/{path}", accept=accept)
            assert response.status == 200 and response.media_type == accept
            graph = Graph().parse(data=response.text, format=fmt)
            assert (URIRef(iri), RDF.type, FOAF.Person) in graph
        page = fetch(f"{server.url}/{path}", accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
        assert page.status == 200 and page.media_type == "text/html"
        assert "<h2>Properties</h2>" in page.text


def test_person_page_shows_statements_with_quotes_sources_and_whom_they_met(server: Server) -> None:
    page = fetch(f"{server.url}/person/tanaka-hana", accept="text/html").text
    for section in ("Sessions", "Statements", "Met"):
        assert f"<h2>{section}</h2>" in page
    assert "agency &amp; its partners &lt;b&gt;measure&lt;/b&gt; progress" in page  # quote, escaped
    assert 'href="/person/smith-john"' in page  # whom she asked, linked on this server
    assert 'href="/meeting/alpha-meeting-2020/session/1"' in page


def test_people_who_shared_a_session_have_met(server: Server) -> None:
    page = fetch(f"{server.url}/person/lee-min", accept="text/html").text
    met = page.split("<h2>Met</h2>")[1].split("</table>")[0]
    assert 'href="/person/tanaka-hana"' in met and "same session" in met
    assert ">foaf:name<" in page  # terms of other vocabularies shown by their prefixed names


def test_html_escapes_a_crafted_label(server: Server) -> None:
    page = fetch(f"{server.url}/person/lee-min", accept="text/html").text
    assert "Min Lee &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>" not in page


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("organization/example-agency", "People with posts here"),
        ("meeting/alpha-meeting-2020/session/1", "Participants"),
        ("statement/alpha-meeting-2020/100-180", "Source passage"),
        ("topic/human-rights", "Statements on this topic"),
        ("country/JPN", "Referenced by"),
    ],
)
def test_organizations_sessions_statements_topics_and_countries_have_pages(
    server: Server, path: str, expected: str
) -> None:
    page = fetch(f"{server.url}/{path}", accept="text/html")
    assert page.status == 200
    assert f"<h2>{expected}</h2>" in page.text


def test_format_parameter_and_unknown_iris(server: Server) -> None:
    turtle = fetch(f"{server.url}/organization/example-agency?format=ttl", accept="text/html")
    assert turtle.media_type == "text/turtle"
    assert "Example Agency" in turtle.text
    missing = fetch(f"{server.url}/person/nobody", accept="text/turtle")
    assert missing.status == 404


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A graph minted under http://127.0.0.1:PORT/, so its IRIs are the server's own URLs."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    store_dir = tmp_path_factory.mktemp("local") / "store"
    load_fixture_store(store_dir, base)
    running = start_server(store_dir, base, port=port)
    yield running
    stop_server(running)


def test_with_a_local_base_the_iris_themselves_resolve(local_server: Server) -> None:
    for iri in persons_from_cli(local_server):
        assert iri.startswith(local_server.url + "/")
        response = fetch(iri, accept="text/turtle")
        assert response.status == 200
        assert (URIRef(iri), RDF.type, FOAF.Person) in Graph().parse(data=response.text, format="turtle")
    page = fetch(local_server.iri("person/tanaka-hana"), accept="text/html").text
    assert 'href="/person/smith-john"' in page
    # vocabulary IRIs stay under w3id.org and are still served by path
    topic = fetch(local_server.iri("topic/human-rights"), accept="text/turtle")
    assert topic.status == 200 and "human rights" in topic.text

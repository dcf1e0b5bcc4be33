"""Fixtures of the view tests: stores holding the hand-written fixture graph, and a real headless Chromium.

Browser tests are marked ``browser``. Without /usr/bin/chromium they skip with a reason, unless
``UNKG_REQUIRE_BROWSER=1`` (set in CI): then a missing browser fails them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV

from unkg.rdf.namespaces import ACT, OA, STANCE, TOPIC_NS, UNKG
from unkg.store import Store, open_store
from unkg.views.headless import CHROMIUM_ARGS, CHROMIUM_PATH, STABLE_JS

BASE = "https://w3id.org/unkg/"
FIXTURES = Path(__file__).parent / "fixtures"
OUTPUT = Path(__file__).resolve().parents[1] / "output"
CHROMIUM = Path(CHROMIUM_PATH)
STABLE = STABLE_JS


def fixture_graphs(name: str = "small.trig") -> dict[URIRef, Graph]:
    """The named graphs of a TriG file under tests/views/fixtures/."""
    dataset = Dataset()
    dataset.parse(FIXTURES / name, format="trig")
    graphs: dict[URIRef, Graph] = {}
    for graph in dataset.graphs():
        if isinstance(graph.identifier, URIRef) and len(graph):
            copy = Graph()
            for triple in graph:
                copy.add(triple)
            graphs[graph.identifier] = copy
    return graphs


def load_graphs(store: Store, graphs: dict[URIRef, Graph]) -> Store:
    for name, graph in graphs.items():
        store.replace_graph(name, graph)
    return store


@pytest.fixture
def small_graphs() -> dict[URIRef, Graph]:
    """A fresh copy of the named graphs of tests/views/fixtures/small.trig (tests may add to them)."""
    return fixture_graphs()


@pytest.fixture
def make_store() -> Iterator[Callable[[dict[URIRef, Graph]], Store]]:
    """Build in-memory Oxigraph stores from named graphs; closed after the test."""
    stores: list[Store] = []

    def maker(graphs: dict[URIRef, Graph]) -> Store:
        store = open_store(None)
        stores.append(store)
        return load_graphs(store, graphs)

    yield maker
    for store in stores:
        store.close()


@pytest.fixture
def small_store(
    make_store: Callable[[dict[URIRef, Graph]], Store], small_graphs: dict[URIRef, Graph]
) -> Store:
    """An in-memory Oxigraph store holding tests/views/fixtures/small.trig."""
    return make_store(small_graphs)


CRAFTED_NAME = '</script><script>alert("name")</script> O\'Hara "Q" & <b>Co</b>'
CRAFTED_QUOTE = "<img src=x onerror=alert('quote')> said </script><!-- & \"quoted\" \u2028"


@dataclass(frozen=True)
class Crafted:
    """The fixture graph plus a person whose name and quote are HTML and script."""

    name: str
    quote: str
    person: URIRef
    graphs: dict[URIRef, Graph]


def _iri(term: object) -> URIRef:
    """A vocabulary term (typed ``object`` by rdflib's DefinedNamespace) as a URIRef."""
    return URIRef(str(term))


@pytest.fixture
def crafted() -> Crafted:
    """tests/views/fixtures/small.trig with one more person, named and quoted in HTML and script."""
    graphs = fixture_graphs()
    graph = graphs[URIRef(BASE + "graph/dialogue-a")]
    person = URIRef(BASE + "person/crafted")
    session = URIRef(BASE + "meeting/dialogue-a/session/1")
    graph.add((person, RDF.type, FOAF.Person))
    graph.add((person, FOAF.name, Literal(CRAFTED_NAME)))
    graph.add((person, FOAF.familyName, Literal("Crafted")))
    graph.add((person, _iri(UNKG.country), URIRef(BASE + "country/JPN")))
    graph.add((person, _iri(UNKG.participatedIn), session))
    statement = URIRef(BASE + "statement/dialogue-a/900-950")
    passage = URIRef(BASE + "passage/dialogue-a/900-950")
    for predicate, value in (
        (RDF.type, _iri(UNKG.Statement)),
        (_iri(UNKG.speaker), person),
        (_iri(UNKG.act), _iri(ACT.stated)),
        (_iri(UNKG.topic), _iri(TOPIC_NS["human-rights"])),
        (_iri(UNKG.stance), _iri(STANCE.supports)),
        (_iri(UNKG.quote), Literal(CRAFTED_QUOTE)),
        (_iri(UNKG.inSession), session),
        (_iri(UNKG.atMeeting), URIRef(BASE + "meeting/dialogue-a")),
        (_iri(PROV.wasDerivedFrom), passage),
    ):
        graph.add((statement, predicate, value))
    graph.add((passage, RDF.type, _iri(UNKG.Passage)))
    graph.add((passage, _iri(UNKG.inReport), URIRef(BASE + "report/dialogue-a")))
    graph.add((passage, _iri(OA.start), Literal(900)))
    graph.add((passage, _iri(OA.end), Literal(950)))
    return Crafted(CRAFTED_NAME, CRAFTED_QUOTE, person, graphs)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """tests/output/ (git-ignored): pages and screenshots the test run writes for people to look at."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


@dataclass
class OpenedPage:
    """A page opened in Chromium, with every request it made and every console error it logged."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def console(self, kind: str, text: str) -> None:
        if kind == "error":
            self.errors.append(text)

    def dialog(self, dialog: Any) -> None:
        """An alert() or confirm() opened: record it and close it."""
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    @property
    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium from Debian's package (never downloaded), shared by the session."""
    if not CHROMIUM.exists():
        if os.environ.get("UNKG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"UNKG_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(
            f"{CHROMIUM} is not installed (apt-get install chromium); set UNKG_REQUIRE_BROWSER=1 to fail"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


@pytest.fixture
def open_view(browser: object) -> Iterator[Callable[[Path], OpenedPage]]:
    """Open a written page from disk, wait until its physics has stabilised and stopped."""
    pages: list[object] = []

    def opener(path: Path) -> OpenedPage:
        page = browser.new_page(viewport={"width": 1500, "height": 900})  # type: ignore[attr-defined]
        pages.append(page)
        opened = OpenedPage(page, path.resolve().as_uri())
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda message: opened.console(message.type, message.text))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("dialog", opened.dialog)
        page.goto(opened.url)
        page.wait_for_function(STABLE, timeout=120_000)
        return opened

    yield opener
    for page in pages:
        page.close()  # type: ignore[attr-defined]

"""Links out to the wider web of data: ``owl:sameAs`` from our countries and organizations to Wikidata.

The links come from offline reference files shipped in ``data/`` (``countries.csv`` keyed by ISO
alpha-3 code, ``organizations.csv`` keyed by organization key or acronym), each with a ``wikidata``
column holding a Q-identifier (``Q17``) or a full entity IRI. Nothing is looked up on the network.
A missing file, a missing column or an empty cell simply yields no link.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from unkg.config import Settings
from unkg.rdf.namespaces import UNKG

ORG = "http://www.w3.org/ns/org#"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
COUNTRY_CLASS = URIRef(str(UNKG.Country))
ALPHA3 = URIRef(str(UNKG.alpha3))
ACRONYM = URIRef(str(UNKG.acronym))
_QID = re.compile(r"^Q[1-9][0-9]*$")


def wikidata_iri(cell: str) -> URIRef | None:
    """The Wikidata entity IRI for a cell: ``Q17`` or ``http://www.wikidata.org/entity/Q17``; else None."""
    value = cell.strip()
    if _QID.match(value):
        return URIRef(WIKIDATA_ENTITY + value)
    if value.startswith(("http://www.wikidata.org/entity/", "https://www.wikidata.org/wiki/")):
        qid = value.rstrip("/").rsplit("/", 1)[-1]
        return URIRef(WIKIDATA_ENTITY + qid) if _QID.match(qid) else None
    return None


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a reference CSV as dicts with lower-cased column names; nothing if the file is missing."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}


def _lookup(path: Path, key_columns: tuple[str, ...]) -> dict[str, URIRef]:
    """Map every non-empty key cell (upper-cased) of the file to the row's Wikidata IRI."""
    links: dict[str, URIRef] = {}
    for row in _rows(path):
        target = wikidata_iri(row.get("wikidata", ""))
        if target is None:
            continue
        for column in key_columns:
            key = row.get(column, "")
            if key:
                links.setdefault(key.upper(), target)
    return links


def _literal_keys(graph: Graph, node: URIRef, predicates: tuple[URIRef, ...]) -> list[str]:
    """The string values of ``predicates`` on ``node``, upper-cased and sorted (for stable choice)."""
    return sorted(
        {
            str(value).upper()
            for predicate in predicates
            for value in graph.objects(node, predicate)
            if isinstance(value, Literal)
        }
    )


def link_triples(graph: Graph, settings: Settings) -> Graph:
    """``owl:sameAs`` triples from the graph's countries and organizations to their Wikidata entities.

    Countries (``unkg:Country``) are matched by ``unkg:alpha3``; organizations (``org:Organization``)
    by the last segment of their IRI (their key), then by ``unkg:acronym`` and ``skos:altLabel``.
    """
    links = Graph()
    links.bind("owl", OWL)
    countries = _lookup(settings.data_dir / "countries.csv", ("alpha3", "alpha_3", "iso3", "code"))
    organizations = _lookup(settings.data_dir / "organizations.csv", ("key", "acronym"))
    for country in sorted(s for s in graph.subjects(RDF.type, COUNTRY_CLASS) if isinstance(s, URIRef)):
        for code in _literal_keys(graph, country, (ALPHA3,)):
            if code in countries:
                links.add((country, OWL.sameAs, countries[code]))
                break
    for organization in sorted(
        s for s in graph.subjects(RDF.type, URIRef(ORG + "Organization")) if isinstance(s, URIRef)
    ):
        key = str(organization).rstrip("/").rsplit("/", 1)[-1].upper()
        candidates = [key, *_literal_keys(graph, organization, (ACRONYM, SKOS.altLabel))]
        target = next((organizations[c] for c in candidates if c in organizations), None)
        if target is not None:
            links.add((organization, OWL.sameAs, target))
    return links

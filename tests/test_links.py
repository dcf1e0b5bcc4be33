"""Links out to Wikidata from the offline reference files in data/."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from unkg.config import Settings, load_settings
from unkg.rdf.links import ACRONYM, ALPHA3, COUNTRY_CLASS, link_triples, wikidata_iri

BASE = "https://w3id.org/unkg/"
ORG_ORGANIZATION = URIRef("http://www.w3.org/ns/org#Organization")
WD = "http://www.wikidata.org/entity/"


def _graph() -> Graph:
    graph = Graph()
    japan = URIRef(BASE + "country/JPN")
    graph.add((japan, RDF.type, COUNTRY_CLASS))
    graph.add((japan, ALPHA3, Literal("JPN")))
    mongolia = URIRef(BASE + "country/MNG")
    graph.add((mongolia, RDF.type, COUNTRY_CLASS))
    graph.add((mongolia, ALPHA3, Literal("MNG")))
    who = URIRef(BASE + "organization/who")
    graph.add((who, RDF.type, ORG_ORGANIZATION))
    unu = URIRef(BASE + "organization/united-nations-university")
    graph.add((unu, RDF.type, ORG_ORGANIZATION))
    graph.add((unu, ACRONYM, Literal("UNU")))
    return graph


def _settings(tmp_path: Path, countries: str | None, organizations: str | None) -> Settings:
    (tmp_path / "data").mkdir()
    if countries is not None:
        (tmp_path / "data" / "countries.csv").write_text(countries, encoding="utf-8")
    if organizations is not None:
        (tmp_path / "data" / "organizations.csv").write_text(organizations, encoding="utf-8")
    return Settings(root=tmp_path)


def test_countries_link_by_alpha3_and_organizations_by_key_or_acronym(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path,
        "alpha3,name,wikidata\nJPN,Japan,Q17\nMNG,Mongolia,\n",
        "key,acronym,name,wikidata\nwho,WHO,World Health Organization,http://www.wikidata.org/entity/Q7817\n"
        "unu-other,UNU,United Nations University,Q1narrow\nx,UNU,United Nations University,Q1065\n",
    )
    links = link_triples(_graph(), settings)
    assert set(links) == {
        (URIRef(BASE + "country/JPN"), OWL.sameAs, URIRef(WD + "Q17")),
        (URIRef(BASE + "organization/who"), OWL.sameAs, URIRef(WD + "Q7817")),
        (URIRef(BASE + "organization/united-nations-university"), OWL.sameAs, URIRef(WD + "Q1065")),
    }


def test_missing_files_or_wikidata_column_give_no_links(tmp_path: Path) -> None:
    settings = _settings(tmp_path, "alpha3,name\nJPN,Japan\n", None)
    assert len(link_triples(_graph(), settings)) == 0


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Q17", WD + "Q17"),
        (" Q17 ", WD + "Q17"),
        ("https://www.wikidata.org/wiki/Q17", WD + "Q17"),
        ("http://www.wikidata.org/entity/Q17", WD + "Q17"),
        ("", None),
        ("Japan", None),
        ("Q0", None),
    ],
)
def test_wikidata_cells_become_entity_iris(cell: str, expected: str | None) -> None:
    result = wikidata_iri(cell)
    assert (str(result) if result is not None else None) == expected


def test_shipped_reference_files_link_japan_to_wikidata() -> None:
    settings = load_settings()
    if not (settings.data_dir / "countries.csv").is_file():
        pytest.skip("data/countries.csv is not in this checkout yet")
    links = link_triples(_graph(), settings)
    assert (URIRef(BASE + "country/JPN"), OWL.sameAs, URIRef(WD + "Q17")) in links

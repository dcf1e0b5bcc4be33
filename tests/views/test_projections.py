"""SPARQL results -> networkx: the three views of the hand-written graph tests/views/fixtures/small.trig."""

from __future__ import annotations

import networkx as nx
import pytest

from unkg.config import Settings
from unkg.store import Store
from unkg.views import build_view, write_view
from unkg.views.exports import flat_graph
from unkg.views.results import fetch

BASE = "https://w3id.org/unkg/"
TANAKA, CHEN, LIND, LI, SATO = (
    BASE + f"person/{key}" for key in ("tanaka-aiko", "chen-wei", "lind-greta", "li-na", "sato-hiroshi")
)
WHO = BASE + "organization/who"


def test_who_met_whom_has_one_node_per_person_the_query_returns(
    small_store: Store, settings: Settings
) -> None:
    view = build_view(small_store, "who-met-whom", settings)
    people = fetch(small_store, "view_people", settings).distinct("person")
    assert set(view.networks[0].graph.nodes) == people
    assert len(people) == 7


def test_who_met_whom_counts_encounters_per_kind_and_keeps_direction(
    small_store: Store, settings: Settings
) -> None:
    graph = build_view(small_store, "who-met-whom", settings).networks[0].graph
    assert graph.edges[SATO, LI, "asked"]["weight"] == 2  # two interactions, one edge twice as wide
    assert graph.edges[SATO, LI, "asked"]["directed"] is True
    assert graph.edges[LIND, TANAKA, "answered"]["weight"] == 1
    assert not graph.has_edge(LI, SATO, "asked")
    same = (
        graph.edges[LIND, TANAKA, "same-session"]
        if graph.has_edge(LIND, TANAKA, "same-session")
        else graph.edges[TANAKA, LIND, "same-session"]
    )
    assert same["directed"] is False
    assert same["facets"]["session"] == [BASE + "meeting/dialogue-a/session/2"]


def test_group_speakers_are_not_people_in_who_met_whom(small_store: Store, settings: Settings) -> None:
    graph = build_view(small_store, "who-met-whom", settings).networks[0].graph
    assert not any("/group/" in node for node in graph.nodes)


def test_the_most_connected_person_ranks_first(small_store: Store, settings: Settings) -> None:
    graph = build_view(small_store, "who-met-whom", settings).networks[0].graph
    centrality = nx.degree_centrality(nx.Graph(graph.to_undirected()))
    best = max(centrality, key=lambda node: centrality[node])
    assert best == TANAKA  # met Chen, Kim, Lind in dialogue A and Li, Sato in meeting B
    assert graph.nodes[TANAKA]["rank"] == 0
    assert graph.nodes[TANAKA]["centrality"] == pytest.approx(centrality[TANAKA])


def test_person_facets_list_meetings_sessions_and_country(small_store: Store, settings: Settings) -> None:
    graph = build_view(small_store, "who-met-whom", settings).networks[0].graph
    facets = graph.nodes[TANAKA]["facets"]
    assert facets["country"] == ["JPN"]
    assert facets["event"] == [BASE + "meeting/dialogue-a", BASE + "meeting/meeting-b"]
    assert BASE + "meeting/meeting-b/session/1" in facets["session"]
    assert graph.nodes[BASE + "person/dorj-batu"]["facets"]["country"] == ["none"]


def test_person_details_give_posts_sessions_and_quotes_with_their_source(
    small_store: Store, settings: Settings
) -> None:
    detail = build_view(small_store, "who-met-whom", settings).networks[0].node_details[TANAKA]
    sections = {section.title: section.items for section in detail.sections}
    assert detail.heading == "Aiko Tanaka"
    assert [item.text for item in sections["Posts"]] == ["Professor, North University"]
    assert "Dialogue A (2019) · Session 2: Visit to WHO" in [item.text for item in sections["Sessions"]]
    asked = sections["Statements"][0]
    assert asked.text == "asked Greta Lind · concerned · human rights"
    assert asked.quote == "Professor Tanaka asked the Director how human rights would be protected."
    assert asked.source == (
        "Report of Dialogue A (dialogue-a.txt), Dialogue A (2019) · Session 2: Visit to WHO, "
        "characters 100–180"
    )


def test_former_posts_say_so(small_store: Store, settings: Settings) -> None:
    detail = build_view(small_store, "who-met-whom", settings).networks[0].node_details[CHEN]
    posts = next(section for section in detail.sections if section.title == "Posts")
    assert [item.text for item in posts.items] == ["former Visiting Fellow, World Health Organization (WHO)"]


def test_positions_link_speakers_and_topics_by_stance(small_store: Store, settings: Settings) -> None:
    view = build_view(small_store, "positions", settings)
    people, countries = view.networks
    rows = fetch(small_store, "view_positions", settings)
    assert set(people.graph.nodes) == rows.distinct("speaker") | rows.distinct("topic")
    reform = BASE + "topic/security-council-reform"
    assert people.graph.has_edge(CHEN, reform, "supports")
    assert people.graph.has_edge(BASE + "person/kim-minjun", reform, "opposes")
    group = people.graph.nodes[BASE + "group/dialogue-a/jpn-chn-participants"]
    assert group["kind"] == "group" and group["facets"]["country"] == ["CHN", "JPN"]
    multilateralism = BASE + "topic/multilateralism"
    assert countries.graph.edges["country:CHN", multilateralism, "supports"]["weight"] == 1
    assert countries.graph.edges["country:CHN", multilateralism, "concerned"]["weight"] == 1
    assert countries.graph.edges["country:JPN", multilateralism, "proposes"]["weight"] == 1  # the group
    assert countries.graph.edges["country:JPN", multilateralism, "supports"]["weight"] == 1  # Sato


def test_positions_edge_details_quote_the_statements(small_store: Store, settings: Settings) -> None:
    people = build_view(small_store, "positions", settings).networks[0]
    detail = people.edge_details[
        (BASE + "person/kim-minjun", BASE + "topic/security-council-reform", "opposes")
    ]
    quotes = [item.quote for section in detail.sections for item in section.items]
    assert quotes == ["Professor Kim doubted that enlarging the Council would help."]


def test_institutions_link_people_to_posts_and_visits(small_store: Store, settings: Settings) -> None:
    graph = build_view(small_store, "institutions", settings).networks[0].graph
    assert graph.has_edge(LIND, WHO, "post")
    assert graph.has_edge(LIND, WHO, "visit")  # session 2 was hosted by WHO
    assert graph.has_edge(TANAKA, BASE + "organization/north-university", "post")
    assert graph.nodes[WHO]["label"] == "WHO" and graph.nodes[WHO]["satellite"] is True
    assert BASE + "person/dorj-batu" not in graph  # a post without organization, no visit


def test_a_post_without_organization_is_one_post_not_one_per_organization(
    small_store: Store, settings: Settings
) -> None:
    rows = fetch(small_store, "view_institutions", settings).records
    assert [(r["role"], r["organization"]) for r in rows if r["person"] == BASE + "person/dorj-batu"] == [
        ("Moderator", None)
    ]
    detail = (
        build_view(small_store, "who-met-whom", settings).networks[0].node_details[BASE + "person/dorj-batu"]
    )
    posts = next(section for section in detail.sections if section.title == "Posts")
    assert [item.text for item in posts.items] == ["Moderator"]


@pytest.mark.parametrize("file_format", ["gexf", "graphml"])
@pytest.mark.parametrize("name", ["who-met-whom", "positions", "institutions"])
def test_networks_export_for_gephi_and_read_back(
    small_store: Store, settings: Settings, tmp_path: object, name: str, file_format: str
) -> None:
    from pathlib import Path

    out = write_view(small_store, name, Path(str(tmp_path)) / f"{name}.{file_format}", file_format, settings)
    back = nx.read_gexf(out) if file_format == "gexf" else nx.read_graphml(out)
    expected = flat_graph(build_view(small_store, name, settings))
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    for _, data in back.nodes(data=True):
        assert all(isinstance(value, str | int | float | bool) for value in data.values())


def test_write_view_defaults_to_the_build_folder(
    small_store: Store, settings: Settings, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    monkeypatch.setenv("UNKG_BUILD_DIR", str(tmp_path))
    written = write_view(small_store, "institutions", None, "graphml", settings)
    assert written == Path(str(tmp_path)) / "institutions.graphml" and written.is_file()

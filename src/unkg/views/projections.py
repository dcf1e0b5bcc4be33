"""SPARQL results -> networkx graphs: the three network views of the graph.

- who-met-whom: people, linked by how they met (asked, answered, hosted, same session, pictured together);
- positions: people (or countries) linked to topics by the stance they took;
- institutions: people linked to the organizations they hold posts in or visited.

Only the store's answers to queries/*.rq are used, so a graph from any source of the same shape
(docs/graph-shape.md) draws the same way. Node sizes come from networkx degree centrality.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import networkx as nx

from unkg.config import Settings
from unkg.views.catalogue import Catalogue, load_catalogue
from unkg.views.details import StatementInfo, group_statements, post_item, statements_section
from unkg.views.model import NO_COUNTRY, Detail, Facet, Item, Network, Section, View
from unkg.views.results import QueryRows, Record, Selectable, fetch, local_name, readable

# Interaction kinds in legend order; the undirected ones are drawn without arrows.
MEET_KINDS = ("asked", "answered", "thanked", "hosted", "moderated", "pictured-together", "same-session")
UNDIRECTED_KINDS = frozenset({"same-session", "pictured-together"})
STANCES = ("supports", "opposes", "concerned", "proposes", "questions", "neutral")
RELATIONS = ("post", "visit")
RELATION_LABELS = {"post": "holds (or held) a post at", "visit": "visited (session hosted by)"}
COUNTRY_NOT_STATED = "Country not stated"


@dataclass
class _EdgeTally:
    """What is gathered for one drawn edge before it is added to the graph."""

    items: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    sessions: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


def build_view(store: Selectable, name: str, settings: Settings) -> View:
    """The view ``name`` (who-met-whom, positions, institutions) of the graph in ``store``."""
    builders: dict[str, Callable[[Selectable, Settings], View]] = {
        "who-met-whom": who_met_whom,
        "positions": positions,
        "institutions": institutions,
    }
    return builders[name](store, settings)


# ----- shared helpers ------------------------------------------------------------------------------


def _add_centrality(graph: nx.MultiDiGraph) -> None:
    """Degree centrality over distinct neighbours (edge kinds and directions ignored), and a rank."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    centrality: dict[str, float] = (
        nx.degree_centrality(simple) if len(simple) > 1 else dict.fromkeys(simple, 0.0)
    )
    for node, value in centrality.items():
        graph.nodes[node]["centrality"] = round(value, 6)
        graph.nodes[node]["degree"] = simple.degree(node)
    ranked = sorted(graph.nodes, key=lambda n: (-centrality[n], graph.nodes[n]["label"].lower(), n))
    for rank, node in enumerate(ranked):
        graph.nodes[node]["rank"] = rank


def _country_facet(graph: nx.MultiDiGraph) -> Facet:
    names: dict[str, str] = {}
    for _, data in graph.nodes(data=True):
        for code in data.get("facets", {}).get("country", []):
            names[code] = (
                COUNTRY_NOT_STATED if code == NO_COUNTRY else data.get("countryNames", {}).get(code, code)
            )
    ordered = sorted(names, key=lambda code: (code == NO_COUNTRY, names[code].lower()))
    return Facet("country", "Country", tuple((code, names[code]) for code in ordered))


def _event_facet(catalogue: Catalogue, present: set[str]) -> Facet:
    options = tuple((e, catalogue.event_label(e)) for e in catalogue.sorted_events() if e in present)
    extra = tuple((e, catalogue.event_label(e)) for e in sorted(present - set(catalogue.event_titles)))
    return Facet("event", "Meeting (report)", options + extra)


def _session_facet(catalogue: Catalogue, present: set[str]) -> Facet:
    options = tuple((s, catalogue.session_label(s)) for s in catalogue.sorted_sessions() if s in present)
    parents = {s: catalogue.sessions[s].event for s, _ in options}
    return Facet("session", "Session", options, parents=parents)


def _kind_facet(
    key: str, label: str, order: Iterable[str], present: set[str], labels: dict[str, str] | None = None
) -> Facet:
    known = [kind for kind in order if kind in present]
    others = sorted(present - set(known))
    return Facet(
        key, label, tuple((k, (labels or {}).get(k, k.replace("-", " "))) for k in known + others), multi=True
    )


def _present(graph: nx.MultiDiGraph, key: str) -> set[str]:
    """Every value of facet ``key`` on the graph's nodes and edges."""
    values: set[str] = set()
    for _, data in graph.nodes(data=True):
        values.update(data.get("facets", {}).get(key, []))
    for _, _, data in graph.edges(data=True):
        values.update(data.get("facets", {}).get(key, []))
    return values


def _person_node(
    graph: nx.MultiDiGraph, record: Record, id_key: str, name_key: str, kind: str = "person"
) -> str:
    """Add (or extend) a person node from a record with country columns; return its id."""
    node = record[id_key] or ""
    country = record.get("country") or NO_COUNTRY
    if node not in graph:
        graph.add_node(
            node,
            label=record.get(name_key) or local_name(node),
            kind=kind,
            country=country,
            countryName=record.get("countryName") or (country if country != NO_COUNTRY else ""),
            countryNames={},
            facets={"country": [], "event": [], "session": []},
            satellite=False,
        )
    data = graph.nodes[node]
    if country not in data["facets"]["country"]:
        data["facets"]["country"].append(country)
        data["facets"]["country"].sort()
    if record.get("countryName") and country != NO_COUNTRY:
        data["countryNames"][country] = record["countryName"]
    return node


def _add_facet_value(data: dict[str, object], key: str, value: str | None) -> None:
    if not value:
        return
    facets = data["facets"]
    assert isinstance(facets, dict)
    values = facets.setdefault(key, [])
    if value not in values:
        values.append(value)
        values.sort()


def _sources_line(catalogue: Catalogue) -> tuple[str, ...]:
    return catalogue.source_lines()


# ----- who met whom --------------------------------------------------------------------------------


def who_met_whom(store: Selectable, settings: Settings) -> View:
    """People as nodes, linked by how they met; details list posts, sessions and statements."""
    catalogue = load_catalogue(store, settings)
    people = fetch(store, "view_people", settings)
    graph = nx.MultiDiGraph()
    for record in people.records:
        node = _person_node(graph, record, "person", "name")
        _add_facet_value(graph.nodes[node], "event", record["event"])
    for record in fetch(store, "view_person_sessions", settings).records:
        if record["person"] in graph:
            data = graph.nodes[record["person"]]
            _add_facet_value(data, "session", record["session"])
            _add_facet_value(data, "event", catalogue.session_event(record["session"]))
    tallies = _tally_links(fetch(store, "view_links", settings), graph, catalogue)
    for (source, target, kind), tally in sorted(tallies.items()):
        graph.add_edge(
            source,
            target,
            key=kind,
            kind=kind,
            weight=len(tally.items),
            directed=kind not in UNDIRECTED_KINDS,
            facets={"kind": [kind], "event": sorted(tally.events), "session": sorted(tally.sessions)},
        )
    _add_centrality(graph)
    network = Network("people", "People", graph)
    names = {node: data["label"] for node, data in graph.nodes(data=True)}
    statements = group_statements(fetch(store, "view_statements", settings).records)
    posts = fetch(store, "view_institutions", settings)
    _person_details(network, catalogue, names, statements, posts)
    _link_details(network, catalogue, names, tallies)
    facets = (
        _event_facet(catalogue, _present(graph, "event")),
        _session_facet(catalogue, _present(graph, "session")),
        _country_facet(graph),
        _kind_facet("kind", "How they met", MEET_KINDS, _present(graph, "kind")),
    )
    return View(
        name="who-met-whom",
        title="Who met whom",
        description=(
            f"{graph.number_of_nodes()} people named in the reports, linked by how they met: "
            "who asked or answered whom, who hosted whom, who sat in the same session or was "
            "pictured together. Bigger circles: more people met. Click a person for posts, "
            "sessions and quoted statements."
        ),
        sources=_sources_line(catalogue),
        networks=(network,),
        facets=facets,
        legend_note="Line width: how often. Arrows: who turned to whom (asked, answered, hosted ...).",
    )


def _tally_links(
    links: QueryRows, graph: nx.MultiDiGraph, catalogue: Catalogue
) -> dict[tuple[str, str, str], _EdgeTally]:
    """Count encounters per (from, to, kind); undirected kinds are stored once, in IRI order."""
    tallies: dict[tuple[str, str, str], _EdgeTally] = defaultdict(_EdgeTally)
    for record in links.records:
        source, target, kind_iri = record["a"], record["b"], record["kind"]
        if not source or not target or not kind_iri or source == target:
            continue
        if source not in graph or target not in graph:
            continue
        kind = local_name(kind_iri)
        if kind in UNDIRECTED_KINDS and target < source:
            source, target = target, source
        tally = tallies[(source, target, kind)]
        tally.items.add(record["item"] or f"{source}|{target}|{kind}")
        event = record["event"] or catalogue.session_event(record["session"])
        for node in (source, target):
            _add_facet_value(graph.nodes[node], "event", event)
            _add_facet_value(graph.nodes[node], "session", record["session"])
        if event:
            tally.events.add(event)
        if record["session"]:
            tally.sessions.add(record["session"])
    return tallies


def _person_details(
    network: Network,
    catalogue: Catalogue,
    names: dict[str, str],
    statements: dict[str, StatementInfo],
    posts: QueryRows,
) -> None:
    graph = network.graph
    by_speaker: dict[str, list[StatementInfo]] = defaultdict(list)
    for statement in statements.values():
        by_speaker[statement.speaker].append(statement)
    posts_by_person: dict[str, list[Record]] = defaultdict(list)
    for record in posts.records:
        if record["relation"] == "post" and record["person"]:
            posts_by_person[record["person"]].append(record)
    session_order = {session: index for index, session in enumerate(catalogue.sorted_sessions())}
    for node, data in graph.nodes(data=True):
        sections = []
        if posts_by_person.get(node):
            sections.append(Section("Posts", tuple(post_item(r, catalogue) for r in posts_by_person[node])))
        sessions = data["facets"].get("session", [])
        if sessions:
            ordered = sorted(sessions, key=lambda s: (session_order.get(s, len(session_order)), s))
            sections.append(Section("Sessions", tuple(Item(catalogue.session_label(s)) for s in ordered)))
        if by_speaker.get(node):
            sections.append(statements_section(by_speaker[node], catalogue, names))
        met = _met_items(graph, node, names)
        if met:
            sections.append(Section("Met", met))
        network.node_details[node] = Detail(
            heading=data["label"], subtitle=_person_subtitle(data, catalogue), sections=tuple(sections)
        )


def _person_subtitle(data: dict[str, object], catalogue: Catalogue) -> str:
    country = str(data.get("countryName") or COUNTRY_NOT_STATED)
    facets = data["facets"]
    assert isinstance(facets, dict)
    events = ", ".join(catalogue.event_label(e) for e in facets.get("event", []))
    return f"{country} · {events} · met {data.get('degree', 0)} people"


def _met_items(graph: nx.MultiDiGraph, node: str, names: dict[str, str]) -> tuple[Item, ...]:
    items = []
    for _, target, kind, data in graph.out_edges(node, keys=True, data=True):
        verb = kind.replace("-", " ") if kind not in UNDIRECTED_KINDS else f"{kind.replace('-', ' ')} with"
        items.append((names[target].lower(), Item(f"{verb} {names[target]} ({data['weight']}×)")))
    for source, _, kind, data in graph.in_edges(node, keys=True, data=True):
        if kind in UNDIRECTED_KINDS:
            items.append(
                (
                    names[source].lower(),
                    Item(f"{kind.replace('-', ' ')} with {names[source]} ({data['weight']}×)"),
                )
            )
        else:
            items.append(
                (
                    names[source].lower(),
                    Item(f"was {kind.replace('-', ' ')} by {names[source]} ({data['weight']}×)"),
                )
            )
    return tuple(item for _, item in sorted(items, key=lambda pair: pair[0]))


def _link_details(
    network: Network,
    catalogue: Catalogue,
    names: dict[str, str],
    tallies: dict[tuple[str, str, str], _EdgeTally],
) -> None:
    for (source, target, kind), tally in tallies.items():
        joiner = "and" if kind in UNDIRECTED_KINDS else "→"
        heading = f"{names[source]} {joiner} {names[target]}"
        where = [Item(catalogue.session_label(s)) for s in sorted(tally.sessions)]
        if not where:
            where = [Item(catalogue.event_label(e)) for e in sorted(tally.events)]
        network.edge_details[(source, target, kind)] = Detail(
            heading=heading,
            subtitle=f"{kind.replace('-', ' ')}: {len(tally.items)}×",
            sections=(Section("Where", tuple(where)),),
        )


# ----- positions -----------------------------------------------------------------------------------


def positions(store: Selectable, settings: Settings) -> View:
    """Speakers (or their countries) linked to topics, one edge per stance."""
    catalogue = load_catalogue(store, settings)
    rows = fetch(store, "view_positions", settings)
    statements = group_statements(fetch(store, "view_statements", settings).records)
    people = _positions_network(rows, "people", catalogue, statements)
    countries = _positions_network(rows, "countries", catalogue, statements)
    graph = people.graph
    facets = (
        _event_facet(catalogue, _present(graph, "event")),
        _country_facet(graph),
        _topic_facet(graph),
        _kind_facet("stance", "Stance", STANCES, _present(graph, "stance")),
    )
    speakers = len(rows.distinct("speaker"))
    topics = len(rows.distinct("topic"))
    return View(
        name="positions",
        title="Who stands where",
        description=(
            f"{speakers} speakers and the {topics} topics they took a position on; edge colour is "
            "the stance (supports, opposes, concerned, proposes ...), width how often. Switch to "
            "countries to compare Chinese, Japanese, Korean and other speakers at a glance."
        ),
        sources=_sources_line(catalogue),
        networks=(people, countries),
        facets=facets,
        legend_note="Line width: how many statements took that stance.",
        hide_unlinked=True,
    )


def _topic_facet(graph: nx.MultiDiGraph) -> Facet:
    """Topics by label, so a reader can compare everyone's stance on one of them."""
    topics = sorted(
        ((node, data["label"]) for node, data in graph.nodes(data=True) if data["kind"] == "topic"),
        key=lambda pair: (pair[1].lower(), pair[0]),
    )
    return Facet("topic", "Topic", tuple(topics))


def _positions_network(
    rows: QueryRows, mode: str, catalogue: Catalogue, statements: dict[str, StatementInfo]
) -> Network:
    graph = nx.MultiDiGraph()
    tallies: dict[tuple[str, str, str], _EdgeTally] = defaultdict(_EdgeTally)
    names: dict[str, str] = {}
    for record in rows.records:
        speaker, topic, stance_iri = record["speaker"], record["topic"], record["stance"]
        if not speaker or not topic or not stance_iri:
            continue
        names[speaker] = record["speakerName"] or local_name(speaker)
        source = _positions_source(graph, record, mode)
        if topic not in graph:
            graph.add_node(
                topic,
                label=record["topicLabel"] or readable(topic),
                kind="topic",
                country="",
                countryName="",
                countryNames={},
                facets={},
                satellite=True,
            )
        tally = tallies[(source, topic, local_name(stance_iri))]
        tally.items.add(record["statement"] or "")
        tally.countries.add(record["country"] or NO_COUNTRY)
        if record["event"]:
            tally.events.add(record["event"])
            _add_facet_value(graph.nodes[source], "event", record["event"])
    for (source, topic, stance), tally in sorted(tallies.items()):
        graph.add_edge(
            source,
            topic,
            key=stance,
            kind=stance,
            weight=len(tally.items),
            directed=False,
            facets={
                "stance": [stance],
                "topic": [topic],
                "event": sorted(tally.events),
                "country": sorted(tally.countries),
            },
        )
    _add_centrality(graph)
    network = Network(mode, "People" if mode == "people" else "Countries", graph)
    _positions_details(network, tallies, statements, names, catalogue)
    return network


def _positions_source(graph: nx.MultiDiGraph, record: Record, mode: str) -> str:
    """The node a position row starts from: the speaker, or the speaker's country."""
    if mode == "people":
        kind = "group" if record["isGroup"] == "true" else "person"
        return _person_node(graph, record, "speaker", "speakerName", kind=kind)
    code = record["country"] or NO_COUNTRY
    node = f"country:{code}"
    if node not in graph:
        name = record["countryName"] or code if code != NO_COUNTRY else COUNTRY_NOT_STATED
        graph.add_node(
            node,
            label=name,
            kind="country",
            country=code,
            countryName=name,
            countryNames={code: name},
            facets={"country": [code], "event": []},
            satellite=False,
        )
    return node


def _positions_details(
    network: Network,
    tallies: dict[tuple[str, str, str], _EdgeTally],
    statements: dict[str, StatementInfo],
    names: dict[str, str],
    catalogue: Catalogue,
) -> None:
    graph = network.graph
    node_statements: dict[str, set[str]] = defaultdict(set)
    for (source, topic, stance), tally in tallies.items():
        found = [statements[s] for s in sorted(tally.items) if s in statements]
        node_statements[source].update(tally.items)
        node_statements[topic].update(tally.items)
        network.edge_details[(source, topic, stance)] = Detail(
            heading=f"{graph.nodes[source]['label']} — {graph.nodes[topic]['label']}",
            subtitle=f"{stance}: {len(tally.items)} statement(s)",
            sections=(statements_section(found, catalogue, names, "Quoted", with_speaker=True),),
        )
    for node, data in graph.nodes(data=True):
        found = [statements[s] for s in sorted(node_statements[node]) if s in statements]
        if data["kind"] == "topic":
            subtitle = f"topic · {graph.degree(node)} position(s)"
        else:
            subtitle = str(data.get("countryName") or COUNTRY_NOT_STATED)
            if data["kind"] == "group":
                subtitle = "unnamed group of speakers · " + ", ".join(
                    data["countryNames"].get(c, c)
                    for c in data["facets"].get("country", [])
                    if c != NO_COUNTRY
                )
        network.node_details[node] = Detail(
            heading=data["label"],
            subtitle=subtitle,
            sections=(statements_section(found, catalogue, names, "Positions taken", with_speaker=True),),
        )


# ----- institutions --------------------------------------------------------------------------------


def institutions(store: Selectable, settings: Settings) -> View:
    """People linked to the organizations they hold posts in or visited, by meeting."""
    catalogue = load_catalogue(store, settings)
    rows = fetch(store, "view_institutions", settings)
    graph = nx.MultiDiGraph()
    tallies: dict[tuple[str, str, str], _EdgeTally] = defaultdict(_EdgeTally)
    roles: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for record in rows.records:
        person, organization, relation = record["person"], record["organization"], record["relation"]
        if not person or not organization or relation not in RELATIONS:
            continue
        _person_node(graph, record, "person", "name")
        if organization not in graph:
            label = record["acronym"] or record["orgName"] or local_name(organization)
            graph.add_node(
                organization,
                label=label,
                kind="organization",
                country="",
                countryName="",
                countryNames={},
                facets={},
                satellite=True,
                fullName=record["orgName"] or label,
                orgType=record["orgType"] or "",
            )
        event = record["event"] or catalogue.session_event(record["session"])
        tally = tallies[(person, organization, relation)]
        tally.items.add(f"{record['role']}|{event}|{record['session']}")
        if event:
            tally.events.add(event)
            _add_facet_value(graph.nodes[person], "event", event)
        if record["session"]:
            tally.sessions.add(record["session"])
        roles[(person, organization, relation)].append(record)
    for (person, organization, relation), tally in sorted(tallies.items()):
        graph.add_edge(
            person,
            organization,
            key=relation,
            kind=relation,
            weight=len(tally.items),
            directed=True,
            facets={"relation": [relation], "event": sorted(tally.events)},
        )
    _add_centrality(graph)
    network = Network("people", "People and organizations", graph)
    _institution_details(network, roles, catalogue)
    facets = (
        _event_facet(catalogue, _present(graph, "event")),
        _country_facet(graph),
        _kind_facet("relation", "Link", RELATIONS, _present(graph, "relation"), RELATION_LABELS),
    )
    people = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "person")
    orgs = graph.number_of_nodes() - people
    return View(
        name="institutions",
        title="People and institutions",
        description=(
            f"{people} people and the {orgs} organizations they hold posts in or visited "
            "(WHO, ILO, WIPO ...), by meeting. Click an organization for its people."
        ),
        sources=_sources_line(catalogue),
        networks=(network,),
        facets=facets,
        legend_note="Arrows point from a person to the organization; width: how many posts or visits.",
        hide_unlinked=True,
    )


def _institution_details(
    network: Network, roles: dict[tuple[str, str, str], list[Record]], catalogue: Catalogue
) -> None:
    graph = network.graph
    per_node: dict[str, list[tuple[str, Item]]] = defaultdict(list)
    for (person, organization, relation), records in sorted(roles.items()):
        person_label, org_label = graph.nodes[person]["label"], graph.nodes[organization]["fullName"]
        items = [_institution_item(relation, record, catalogue) for record in records]
        for item in items:
            per_node[person].append((relation, Item(f"{item.text} — {org_label}", source=item.source)))
            per_node[organization].append(
                (relation, Item(f"{person_label}: {item.text}", source=item.source))
            )
        network.edge_details[(person, organization, relation)] = Detail(
            heading=f"{person_label} — {org_label}",
            subtitle=RELATION_LABELS[relation],
            sections=(Section("Details", tuple(items)),),
        )
    for node, data in graph.nodes(data=True):
        posts = tuple(item for relation, item in per_node[node] if relation == "post")
        visits = tuple(item for relation, item in per_node[node] if relation == "visit")
        sections = tuple(s for s in (Section("Posts", posts), Section("Visits", visits)) if s.items)
        if data["kind"] == "organization":
            subtitle = " · ".join(x for x in (data["fullName"], data.get("orgType", "")) if x)
        else:
            subtitle = str(data.get("countryName") or COUNTRY_NOT_STATED)
        network.node_details[node] = Detail(heading=data["label"], subtitle=subtitle, sections=sections)


def _institution_item(relation: str, record: Record, catalogue: Catalogue) -> Item:
    if relation == "post":
        role = record["role"] or "post"
        text = f"former {role}" if record["former"] == "true" else role
        return Item(text, source=f"as stated for {catalogue.event_label(record['event'])}")
    return Item("visited", source=catalogue.session_label(record["session"]))

"""What a network view is, before it is drawn: networkx graphs, side-panel details and filters.

Projections (``projections.py``) build these from SPARQL records; pages (``pages.py``) draw
them with pyvis/vis-network; exports (``exports.py``) write the graphs for Gephi and friends.
All text in here is data from reports: it is escaped where it is written, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

NO_COUNTRY = "none"  # facet value of people whose country the reports do not state


@dataclass(frozen=True)
class Item:
    """One line of a side panel: a sentence, optionally a quoted passage and where it comes from."""

    text: str
    quote: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Section:
    """A titled list in a side panel ("Posts", "Statements" ...)."""

    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Detail:
    """What the side panel shows when a node or an edge is clicked."""

    heading: str
    subtitle: str = ""
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Facet:
    """A filter of the page: a key found in node/edge ``facets`` attributes, and its choices.

    ``multi`` facets are shown as tick boxes in the legend (edge kinds, stances); the others as
    a drop-down with "all" first.
    """

    key: str
    label: str
    options: tuple[tuple[str, str], ...]  # (value, label), in display order
    multi: bool = False
    parents: dict[str, str] = field(default_factory=dict)  # value -> meeting it belongs to (sessions)


@dataclass
class Network:
    """One drawable network: a MultiDiGraph whose nodes and edges carry the attributes below.

    Node attributes: ``label``, ``kind`` (person, group, topic, country, organization), ``country``
    (alpha-3 or ``NO_COUNTRY``), ``countryName``, ``facets`` (dict of facet key -> list of values),
    ``centrality`` (float), ``rank`` (0 = most connected), ``satellite`` (shown only while one of its
    edges is shown: topics, organizations), and view-specific extras.
    Edge attributes: ``kind`` (interaction kind, stance or relation local name), ``weight`` (how often),
    ``directed`` (bool), ``facets``.
    """

    key: str
    label: str
    graph: nx.MultiDiGraph
    node_details: dict[str, Detail] = field(default_factory=dict)
    edge_details: dict[tuple[str, str, str], Detail] = field(default_factory=dict)


@dataclass
class View:
    """A whole page: title, the line saying what it shows and from which reports, networks, filters."""

    name: str
    title: str
    description: str
    sources: tuple[str, ...]
    networks: tuple[Network, ...]
    facets: tuple[Facet, ...]
    legend_note: str = "Line width: how often."
    hide_unlinked: bool = False  # after filtering, drop nodes left without any line (positions, institutions)

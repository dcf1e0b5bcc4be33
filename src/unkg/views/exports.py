"""Write a view's network for Gephi, Cytoscape and other tools (GEXF, GraphML).

Both formats take only strings and numbers as attribute values, so list-valued attributes
(facets: meetings, sessions ...) become ``; ``-joined strings and nested data is left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from unkg.views.model import View

EXPORT_FORMATS = ("gexf", "graphml")


def flat_graph(view: View) -> nx.MultiDiGraph:
    """The view's first network with every attribute a string, int, float or bool."""
    source = view.networks[0].graph
    graph = nx.MultiDiGraph(name=view.title)
    for node, data in source.nodes(data=True):
        graph.add_node(node, **_flat_attributes(data))
    for u, v, key, data in source.edges(keys=True, data=True):
        graph.add_edge(u, v, key=key, **_flat_attributes(data))
    return graph


def _flat_attributes(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    flat: dict[str, str | int | float | bool] = {}
    for name, value in data.items():
        if isinstance(value, bool | int | float | str):
            flat[name] = value
        elif name == "facets" and isinstance(value, dict):
            for key, values in sorted(value.items()):
                flat[key] = "; ".join(str(v) for v in values)
    return flat


def write_network_file(view: View, out: Path, file_format: str) -> Path:
    """Write the view's network as ``gexf`` or ``graphml`` to ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    graph = flat_graph(view)
    if file_format == "gexf":
        nx.write_gexf(graph, out)
    elif file_format == "graphml":
        nx.write_graphml(graph, out)
    else:
        raise ValueError(
            f"unknown network file format {file_format!r}; available: {', '.join(EXPORT_FORMATS)}"
        )
    return out

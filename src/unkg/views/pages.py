"""Draw a :class:`View` as one self-contained HTML page (vis-network, through pyvis's option building).

The page makes no network request at all: vis-network's script and style are read from the
installed pyvis package and inlined, our own script and style too, and a Content-Security-Policy
forbids any fetch. pyvis's own template is not used, because it always loads bootstrap (and, in
"local" mode, vis-network) from CDNs and writes tooltips with innerHTML.

Text from reports is data: the page's HTML is rendered by Jinja2 with autoescaping, and the
network travels as JSON inside a ``<script type="application/json">`` with ``<``, ``>`` and ``&``
escaped, so a name like ``</script><script>alert(1)</script>`` stays text. The page's script
only ever sets ``textContent``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network as PyvisNetwork

from unkg.views.model import NO_COUNTRY, Detail, Network, View

LARGE_NETWORK = 300  # past this many nodes, the page starts filtered ...
TOP_NODES = 150  # ... to the most connected nodes, and says so

# Countries the reports are about get fixed colours, so a reader learns them once across views.
FIXED_COUNTRY_COLOURS = {"CHN": "#d62728", "JPN": "#1f77b4", "KOR": "#2ca02c", "MNG": "#ff7f0e"}
COUNTRY_PALETTE = (
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
)
OTHER_COUNTRY_COLOUR = "#9e9e9e"
NO_COUNTRY_COLOUR = "#d0d0d0"
LEGEND_COUNTRIES = 14

EDGE_COLOURS = {
    # how people met
    "asked": "#1f77b4",
    "answered": "#2ca02c",
    "thanked": "#17becf",
    "hosted": "#ff7f0e",
    "moderated": "#8c564b",
    "pictured-together": "#9467bd",
    "same-session": "#a8a8a8",
    # stances
    "supports": "#2e7d32",
    "opposes": "#c62828",
    "concerned": "#ef6c00",
    "proposes": "#1565c0",
    "questions": "#6a1b9a",
    "neutral": "#9e9e9e",
    # institutions
    "post": "#37474f",
    "visit": "#00897b",
}
DASHED_KINDS = frozenset({"visit"})
FAINT_KINDS = frozenset({"same-session"})  # the most common link: drawn faint so the others stand out
NODE_STYLES = {  # kind -> (shape, legend label)
    "person": ("dot", "person"),
    "group": ("triangle", "unnamed group of speakers"),
    "country": ("dot", "country"),
    "topic": ("box", "topic"),
    "organization": ("box", "organization"),
}
BOX_COLOURS = {"topic": ("#fff4d6", "#c9a227"), "organization": ("#e3eefc", "#3a6db5")}
_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)


class _Network(PyvisNetwork):  # type: ignore[misc]
    """pyvis's Network with O(1) node look-ups (its list scan is quadratic on 5,000-node graphs)."""

    def get_nodes(self) -> Any:
        return self.node_map.keys()


def render_page(view: View) -> str:
    """The complete HTML page of ``view``."""
    colours = country_colours(view)
    payload = {
        "view": view.name,
        "networks": [_network_payload(network, colours) for network in view.networks],
        "facets": [
            {"key": f.key, "label": f.label, "multi": f.multi, "options": [list(o) for o in f.options]}
            for f in view.facets
        ],
        "hideUnlinked": view.hide_unlinked,
        "largeThreshold": LARGE_NETWORK,
        "topLimit": TOP_NODES,
        "options": vis_options(
            max(n.graph.number_of_nodes() for n in view.networks) if view.networks else 0,
            max(n.graph.number_of_edges() for n in view.networks) if view.networks else 0,
        ),
    }
    template = _environment().get_template("page.html")
    return template.render(
        view=view,
        csp=_CSP,
        select_facets=[f for f in view.facets if not f.multi],
        multi_facets=[f for f in view.facets if f.multi],
        edge_colours=EDGE_COLOURS,
        dashed=DASHED_KINDS,
        country_legend=_country_legend(view, colours),
        node_legend=_node_legend(view),
        large=any(_anchor_count(n) > LARGE_NETWORK for n in view.networks),
        top_nodes=TOP_NODES,
        payload=Markup(script_json(payload)),
        vis_css=Markup(_inline_style(_vis_asset("vis-network.css"))),
        vis_js=Markup(_inline_script(_vis_asset("vis-network.min.js"))),
        app_css=Markup(_inline_style(_own_asset("view.css"))),
        app_js=Markup(_inline_script(_own_asset("view.js"))),
    )


def _anchor_count(network: Network) -> int:
    """Nodes shown on their own (people, countries); topics and organizations follow their edges."""
    return sum(1 for _, data in network.graph.nodes(data=True) if not data.get("satellite"))


def write_page(view: View, out: Path) -> Path:
    """Write the page of ``view`` to ``out`` (folders created as needed)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(view), encoding="utf-8")
    return out


# ----- safe embedding ------------------------------------------------------------------------------


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end it or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _inline_script(code: str) -> str:
    """Script text for an inline ``<script>``; refuses text that could end the element early."""
    code = re.sub(r"^//# sourceMappingURL=.*$", "", code, flags=re.MULTILINE)
    if re.search(r"</script|<!--", code, re.IGNORECASE):
        raise ValueError("script text contains '</script' or '<!--' and cannot be inlined safely")
    return code


def _inline_style(css: str) -> str:
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    if re.search(r"</style", css, re.IGNORECASE):
        raise ValueError("style text contains '</style' and cannot be inlined safely")
    if re.search(r"url\((?!\s*['\"]?data:)", css):
        raise ValueError("style text refers to an outside resource")
    return css


@cache
def _vis_asset(name: str) -> str:
    """vis-network's own files, as shipped inside the pyvis wheel (no third-party JS is committed here)."""
    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name
    return path.read_text(encoding="utf-8")


@cache
def _own_asset(name: str) -> str:
    return resources.files("unkg.views").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("unkg.views", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# ----- colours and legends ----------------------------------------------------------------------------


def country_colours(view: View) -> dict[str, str]:
    """A colour per country code: fixed for the East Asian countries, then by how many nodes each has."""
    counts: Counter[str] = Counter()
    for network in view.networks[:1]:
        for _, data in network.graph.nodes(data=True):
            if data["kind"] in ("person", "group", "country"):
                counts.update(data["facets"].get("country", []))
    colours = {NO_COUNTRY: NO_COUNTRY_COLOUR}
    palette = iter(COUNTRY_PALETTE)
    for code, _ in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        if code in colours:
            continue
        colours[code] = FIXED_COUNTRY_COLOURS.get(code) or next(palette, OTHER_COUNTRY_COLOUR)
    return colours


def _country_legend(view: View, colours: dict[str, str]) -> list[tuple[str, str]]:
    """(colour, country name) pairs for the legend; the rest share "other countries"."""
    names = dict(next((f.options for f in view.facets if f.key == "country"), ()))
    entries = [
        (colours[code], names.get(code, code))
        for code in colours
        if code != NO_COUNTRY and code in names and colours[code] != OTHER_COUNTRY_COLOUR
    ]
    entries = sorted(entries, key=lambda e: e[1].lower())[:LEGEND_COUNTRIES]
    if any(colour == OTHER_COUNTRY_COLOUR for colour in colours.values()):
        entries.append((OTHER_COUNTRY_COLOUR, "other countries"))
    if NO_COUNTRY in names:
        entries.append((NO_COUNTRY_COLOUR, names[NO_COUNTRY]))
    return entries


def _node_legend(view: View) -> list[tuple[str, str, str, str]]:
    """(shape, fill, border, label) for each kind of node the view has."""
    kinds = sorted(
        {data["kind"] for network in view.networks for _, data in network.graph.nodes(data=True)},
        key=list(NODE_STYLES).index,
    )
    legend = []
    for kind in kinds:
        shape, label = NODE_STYLES[kind]
        fill, border = BOX_COLOURS.get(kind, ("#ffffff", "#555555"))
        legend.append((shape, fill, border, label))
    return legend


# ----- network -> vis-network data ---------------------------------------------------------------------


def vis_options(node_count: int, edge_count: int) -> dict[str, Any]:
    """vis-network options, built with pyvis: physics that stabilises, then the page switches it off."""
    net = _Network(directed=True)
    # ForceAtlas2's gravity does not weaken with distance: people with no link stay near the rest
    # instead of flying off and shrinking the whole picture when it is fitted to the screen.
    net.force_atlas_2based(
        gravity=-120, central_gravity=0.02, spring_length=150, spring_strength=0.03, damping=0.5, overlap=0.8
    )
    net.toggle_stabilization(True)
    net.set_edge_smooth("continuous")
    options: dict[str, Any] = json.loads(net.options.to_json())
    iterations = 600 if node_count <= 200 else 400 if node_count <= 1500 else 250
    options["physics"]["stabilization"].update(iterations=iterations, updateInterval=25, fit=True)
    options["physics"].update(minVelocity=1.0, maxVelocity=60, timestep=0.5)
    options["edges"].update(
        color={"inherit": False},
        smooth={"enabled": edge_count <= 2000, "type": "continuous", "roundness": 0.2},
        arrows={"to": {"enabled": False, "scaleFactor": 0.6}},
        selectionWidth=2,
        hoverWidth=1,
    )
    options["nodes"] = {
        "shape": "dot",
        "borderWidth": 1,
        "font": {
            "size": 14,
            "face": "system-ui, -apple-system, 'Segoe UI', sans-serif",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "color": "#222222",
        },
    }
    options["interaction"].update(
        hover=True,
        tooltipDelay=150,
        hideEdgesOnDrag=edge_count > 3000,
        navigationButtons=False,
        keyboard=False,
        multiselect=True,
    )
    options["layout"] = {"randomSeed": 7, "improvedLayout": node_count <= 100}
    return options


def _network_payload(network: Network, colours: dict[str, str]) -> dict[str, Any]:
    graph = network.graph
    net = _Network(directed=True)
    max_centrality = max((d.get("centrality", 0.0) for _, d in graph.nodes(data=True)), default=0.0) or 1.0
    for node, data in graph.nodes(data=True):
        net.add_node(node, **_node_options(node, data, colours, max_centrality))
    edge_ids: dict[tuple[str, str, str], str] = {}
    curves = _curve_offsets(graph)
    for index, (source, target, key, data) in enumerate(graph.edges(keys=True, data=True)):
        edge_id = f"e{index}"
        edge_ids[(source, target, key)] = edge_id
        net.add_edge(
            source,
            target,
            **_edge_options(edge_id, graph, source, target, key, data, curves.get((source, target, key))),
        )
    nodes, edges, *_ = net.get_network_data()
    return {
        "key": network.key,
        "label": network.label,
        "nodes": nodes,
        "edges": edges,
        "details": {node: _detail(detail) for node, detail in network.node_details.items() if node in graph},
        "edgeDetails": {edge_ids[k]: _detail(d) for k, d in network.edge_details.items() if k in edge_ids},
    }


def _node_options(
    node: str, data: dict[str, Any], colours: dict[str, str], max_centrality: float
) -> dict[str, Any]:
    kind = data["kind"]
    shape, _ = NODE_STYLES.get(kind, ("dot", kind))
    share = math.sqrt(data.get("centrality", 0.0) / max_centrality)
    options: dict[str, Any] = {
        "label": data["label"],
        "shape": shape,
        "title": _tooltip(data),
        "kind": kind,
        "facets": data.get("facets", {}),
        "rank": data.get("rank", 0),
        "satellite": bool(data.get("satellite")),
    }
    if kind in BOX_COLOURS:
        fill, border = BOX_COLOURS[kind]
        options["color"] = {
            "background": fill,
            "border": border,
            "highlight": {"background": "#ffffff", "border": border},
        }
        options["font"] = {"size": round(13 + 7 * share), "strokeWidth": 0}
        options["margin"] = 6
    else:
        code = (data.get("facets", {}).get("country") or [NO_COUNTRY])[0]
        fill = colours.get(code, OTHER_COUNTRY_COLOUR)
        options["color"] = {
            "background": fill,
            "border": "#333333",
            "highlight": {"background": fill, "border": "#000000"},
        }
        options["size"] = round(8 + 24 * share, 1) if kind != "country" else round(18 + 22 * share, 1)
        if kind == "country":  # few nodes that carry the comparison: large, bold labels
            options["font"] = {"size": 26, "face": "system-ui, sans-serif", "bold": True}
    return options


def _tooltip(data: dict[str, Any]) -> str:
    """Plain-text hover text (vis-network shows strings with innerText, never as HTML)."""
    lines = [data["label"]]
    if data["kind"] in ("person", "group", "country") and data.get("countryName"):
        lines.append(data["countryName"])
    if data["kind"] == "organization" and data.get("fullName") and data["fullName"] != data["label"]:
        lines.append(data["fullName"])
    lines.append("click for details")
    return "\n".join(lines)


def _curve_offsets(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], float]:
    """Bend parallel edges (several kinds between one pair) apart so each stays visible."""
    pairs: dict[frozenset[str], list[tuple[str, str, str]]] = {}
    for source, target, key in graph.edges(keys=True):
        pairs.setdefault(frozenset((source, target)), []).append((source, target, key))
    offsets: dict[tuple[str, str, str], float] = {}
    for keys in pairs.values():
        if len(keys) > 1:
            for index, edge in enumerate(sorted(keys)):
                offsets[edge] = 0.1 + 0.15 * index
    return offsets


def _edge_options(
    edge_id: str,
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    key: str,
    data: dict[str, Any],
    curve: float | None,
) -> dict[str, Any]:
    kind = data["kind"]
    weight = int(data.get("weight", 1))
    source_label, target_label = graph.nodes[source]["label"], graph.nodes[target]["label"]
    verb = kind.replace("-", " ")
    options: dict[str, Any] = {
        "id": edge_id,
        "kind": kind,
        "color": {
            "color": EDGE_COLOURS.get(kind, "#777777"),
            "opacity": 0.45 if kind in FAINT_KINDS else 0.85,
        },
        "width": round(min(1.5 + 1.5 * math.log2(weight), 9), 2),
        "arrows": "to" if data.get("directed") else "",
        "title": f"{source_label} — {verb} — {target_label}\n{weight}×",
        "facets": data.get("facets", {}),
    }
    if kind in DASHED_KINDS:
        options["dashes"] = True
    if curve is not None:
        options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curve}
    return options


def _detail(detail: Detail) -> dict[str, Any]:
    return {
        "heading": detail.heading,
        "subtitle": detail.subtitle,
        "sections": [
            {
                "title": section.title,
                "items": [
                    {k: v for k, v in (("text", i.text), ("quote", i.quote), ("source", i.source)) if v}
                    for i in section.items
                ],
            }
            for section in detail.sections
        ],
    }

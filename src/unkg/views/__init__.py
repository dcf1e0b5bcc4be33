"""Network views of the graph: who met whom, who stands where, people and institutions.

``write_view`` reads the store through SPARQL only (queries/view_*.rq), shapes and measures
the networks with networkx, and writes a self-contained HTML page (vis-network options built
with pyvis, every script inline, no network request) or a GEXF / GraphML file.
"""

from __future__ import annotations

from pathlib import Path

from unkg.config import Settings
from unkg.errors import UnkgError
from unkg.views.exports import write_network_file
from unkg.views.model import View
from unkg.views.pages import render_page, write_page
from unkg.views.projections import build_view
from unkg.views.results import Selectable

VIEW_NAMES = ("who-met-whom", "positions", "institutions")
FORMATS = ("html", "gexf", "graphml")

__all__ = ["FORMATS", "VIEW_NAMES", "View", "build_view", "render_page", "write_view"]


def write_view(store: Selectable, name: str, out: Path | None, format: str, settings: Settings) -> Path:
    """Write the view ``name`` in ``format`` (html, gexf, graphml) to ``out``.

    ``out`` defaults to ``settings.build_dir / f"{name}.{format}"``. Returns the path written.
    """
    if name not in VIEW_NAMES:
        raise UnkgError(f"unknown view {name!r}; available: {', '.join(VIEW_NAMES)}")
    if format not in FORMATS:
        raise UnkgError(f"unknown view format {format!r}; available: {', '.join(FORMATS)}")
    target = out if out is not None else settings.build_dir / f"{name}.{format}"
    view = build_view(store, name, settings)
    if format == "html":
        return write_page(view, target)
    return write_network_file(view, target, format)

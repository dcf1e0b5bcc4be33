"""unkg: a knowledge graph of East Asian engagement with the United Nations, built from meeting reports.

The public surface fits on a screen::

    from unkg import read_report, extract, build_graph, build, open_store, run_query

    document = read_report(path)                 # report file -> Document (text with offsets)
    extraction = extract(document)               # Document -> Extraction (people, posts, statements ...)
    graph = build_graph(extraction, minter)      # Extraction -> rdflib Graph of one report
    summary = build([folder], settings, store_dir)   # all of the above into a store, plus build/ outputs
    with open_store(store_dir, read_only=True) as store:
        result = run_query(store, "positions", {"topic": "multilateralism"}, settings)

Entry points are imported lazily, so ``import unkg`` stays cheap and free of import cycles.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from unkg.errors import UnkgError
from unkg.model import (
    Document,
    Extraction,
    GroupSpeaker,
    Interaction,
    Organization,
    Person,
    Post,
    Session,
    Statement,
)

if TYPE_CHECKING:
    from unkg.config import load_settings
    from unkg.document import read_report
    from unkg.extract import extract
    from unkg.pipeline import build
    from unkg.query import run_query
    from unkg.rdf.build import build_report_graph as build_graph
    from unkg.store import open_store

__version__ = "0.1.0"

# name -> (module, attribute) for the entry points imported on first use
_LAZY: dict[str, tuple[str, str]] = {
    "read_report": ("unkg.document", "read_report"),
    "extract": ("unkg.extract", "extract"),
    "build_graph": ("unkg.rdf.build", "build_report_graph"),
    "build": ("unkg.pipeline", "build"),
    "open_store": ("unkg.store", "open_store"),
    "run_query": ("unkg.query", "run_query"),
    "load_settings": ("unkg.config", "load_settings"),
}

__all__ = [
    "Document",
    "Extraction",
    "GroupSpeaker",
    "Interaction",
    "Organization",
    "Person",
    "Post",
    "Session",
    "Statement",
    "UnkgError",
    "build",
    "build_graph",
    "extract",
    "load_settings",
    "open_store",
    "read_report",
    "run_query",
]


def __getattr__(name: str) -> Any:
    """Import an entry point the first time it is used."""
    if name in _LAZY:
        module_name, attribute = _LAZY[name]
        value = getattr(import_module(module_name), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'unkg' has no attribute {name!r}")

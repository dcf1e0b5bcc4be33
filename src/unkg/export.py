"""Export the whole graph in a standard RDF format.

Quad formats (``nquads``, ``trig``) keep one named graph per report plus the vocabulary graph;
triple formats (``turtle``, ``ntriples``, ``xml``, ``jsonld``) write the union of all graphs.
JSON-LD is compacted with ``ontology/context.jsonld`` when that file exists. Files are written
atomically (a temporary file in the same folder, then a rename), so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from unkg.config import Settings
from unkg.errors import UnkgError
from unkg.rdf.build import new_graph
from unkg.store import Store

# CLI name -> rdflib serializer name
FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "xml": "xml",
}
QUAD_FORMATS = frozenset({"nquads", "trig"})
FILE_SUFFIXES = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld",
                 "xml": ".rdf"}


def export_graph(store: Store, fmt: str, out: Path | None, settings: Settings) -> str | None:
    """Serialize the store in ``fmt``: the text when ``out`` is None, else write ``out`` and return None."""
    if fmt not in FORMATS:
        raise UnkgError(f"unknown export format {fmt!r}; available: {', '.join(FORMATS)}")
    text = serialize(store.dataset(), fmt, settings)
    if out is None:
        return text
    write_atomically(out, text)
    return None


def export_files(store: Store, targets: Sequence[tuple[str, Path]], settings: Settings) -> None:
    """Write several formats, copying the store's quads only once: ``targets`` is (format, file) pairs."""
    for fmt, _ in targets:
        if fmt not in FORMATS:
            raise UnkgError(f"unknown export format {fmt!r}; available: {', '.join(FORMATS)}")
    dataset = store.dataset()
    union = union_graph(dataset) if any(fmt not in QUAD_FORMATS for fmt, _ in targets) else None
    for fmt, out in targets:
        write_atomically(out, serialize(dataset, fmt, settings, union))


def serialize(dataset: Dataset, fmt: str, settings: Settings, union: Graph | None = None) -> str:
    """``dataset`` as text in ``fmt`` (quad formats keep the named graphs, others the union,
    which the caller may pass when it has it already)."""
    if fmt in QUAD_FORMATS:
        for prefix, namespace in new_graph().namespaces():
            dataset.bind(prefix, namespace)
        return dataset.serialize(format=FORMATS[fmt])
    union = union if union is not None else union_graph(dataset)
    if fmt == "jsonld":
        context = jsonld_context(settings)
        if context is not None:
            return union.serialize(format="json-ld", context=context, indent=1)
    return union.serialize(format=FORMATS[fmt])


def union_graph(dataset: Dataset) -> Graph:
    """Every triple of every named graph, once, with the project's prefixes bound."""
    union = new_graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def jsonld_context(settings: Settings) -> dict[str, Any] | None:
    """The ``@context`` object of ``ontology/context.jsonld``, or None when the file is absent."""
    path = settings.ontology_dir / "context.jsonld"
    if not path.is_file():
        return None
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UnkgError(f"{path}: cannot read the JSON-LD context: {error}") from error
    context = document.get("@context") if isinstance(document, dict) else None
    if not isinstance(context, dict):
        raise UnkgError(f"{path}: no @context object")
    return context


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename (readers never see half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as handle:
        temporary = Path(handle.name)
        try:
            handle.write(text)
        except BaseException:
            handle.close()
            temporary.unlink(missing_ok=True)
            raise
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UnkgError(f"cannot write {path}: {error}") from error

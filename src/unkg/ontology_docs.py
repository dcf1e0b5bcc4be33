"""Documentation of the ontology, generated from its Turtle so it cannot drift from it.

:func:`write_ontology_docs` writes ``index.html`` (classes, properties, vocabularies and concept
schemes, each with an anchor named after its local name, so ``/ontology#Statement`` works) and the
ontology plus topic scheme in every RDF format the graph is exported in.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from unkg.config import Settings
from unkg.errors import UnkgError
from unkg.export import jsonld_context
from unkg.rdf.iris import Minter
from unkg.rdf.namespaces import ONTOLOGY_IRI

DCTERMS = "http://purl.org/dc/terms/"
UNKG_NS = ONTOLOGY_IRI + "#"
ONTOLOGY_SOURCES = ("unkg.ttl", "topics.ttl")

# file extension -> rdflib format; quads formats put the ontology in the vocabulary graph.
EXPORTS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "rdf": "xml"}

CSS = """body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
dt{font-weight:600;margin-top:.6rem} dd{margin-left:1.5rem} code{font-family:ui-monospace,monospace}
section{border-top:1px solid #ddd;padding:.3rem 0} .meta{color:#555}"""


def ontology_graph(settings: Settings) -> Graph:
    """The ontology (ontology/unkg.ttl) and topic scheme (ontology/topics.ttl, when present)."""
    graph = Graph(bind_namespaces="core")  # prefixes come from the Turtle (schema: is http:)
    for name in ONTOLOGY_SOURCES:
        path = settings.ontology_dir / name
        if path.is_file():
            graph.parse(path, format="turtle")
    return graph


def write_ontology_docs(settings: Settings, out: Path) -> list[Path]:
    """Write ``out/index.html`` and ``out/unkg.{ttl,nt,nq,trig,jsonld,rdf}``; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    graph = ontology_graph(settings)
    written = [out / "index.html"]
    written[0].write_text(ontology_html(settings, graph), encoding="utf-8")
    for extension, fmt in EXPORTS.items():
        path = out / f"unkg.{extension}"
        path.write_text(serialize_ontology(graph, fmt, settings), encoding="utf-8")
        written.append(path)
    return written


def ontology_text(fmt: str, settings: Settings) -> str:
    """The ontology as text in an export format (CLI names: turtle, ntriples, nquads, trig, jsonld, xml)."""
    from unkg.export import FORMATS

    if fmt not in FORMATS:
        raise UnkgError(f"unknown export format {fmt!r}; available: {', '.join(FORMATS)}")
    return serialize_ontology(ontology_graph(settings), FORMATS[fmt], settings)


def serialize_ontology(graph: Graph, fmt: str, settings: Settings) -> str:
    """The ontology in ``fmt``; N-Quads and TriG hold it in the vocabulary named graph, as the store does."""
    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        named = dataset.graph(Minter(settings.base_iri).vocabulary_graph())
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        for triple in graph:
            named.add(triple)
        return dataset.serialize(format=fmt)
    if fmt == "json-ld":
        context = jsonld_context(settings)
        return graph.serialize(format="json-ld", context=context) if context else graph.serialize(format=fmt)
    return graph.serialize(format=fmt)


# ----- HTML --------------------------------------------------------------------------------------


def _text(graph: Graph, node: Node, *predicates: URIRef) -> str:
    """The first (English or plain) literal of the predicates, in order of preference."""
    for predicate in predicates:
        values = sorted(
            (v for v in graph.objects(node, predicate) if isinstance(v, Literal)),
            key=lambda v: (v.language not in (None, "en"), str(v)),
        )
        if values:
            return str(values[0])
    return ""


def _curie(graph: Graph, node: Node) -> str:
    try:
        return graph.namespace_manager.normalizeUri(node) if isinstance(node, URIRef) else str(node)
    except ValueError:
        return str(node)


def _anchor(node: Node) -> str:
    text = str(node)
    return text[len(UNKG_NS) :] if text.startswith(UNKG_NS) else text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _link(graph: Graph, node: Node) -> str:
    """A term as a link: our own terms to their anchor on this page, others to their IRI."""
    name = escape(_curie(graph, node))
    if (
        str(node).startswith(UNKG_NS)
        or (node, RDF.type, SKOS.Concept) in graph
        or (node, RDF.type, SKOS.ConceptScheme) in graph
    ):
        return f'<a href="#{escape(_anchor(node))}"><code>{name}</code></a>'
    return f'<a href="{escape(str(node))}"><code>{name}</code></a>'


def _links(graph: Graph, nodes: Iterable[Node]) -> str:
    return ", ".join(_link(graph, n) for n in sorted(set(nodes), key=str))


def _term_section(graph: Graph, node: URIRef, rows: list[tuple[str, Iterable[Node]]]) -> str:
    label = _text(graph, node, RDFS.label, SKOS.prefLabel) or _anchor(node)
    comment = _text(graph, node, RDFS.comment, SKOS.definition)
    parts = [
        f'<section id="{escape(_anchor(node))}"><h3>{escape(label)} ',
        f"<code>{escape(_curie(graph, node))}</code></h3>",
        f"<p>{escape(comment)}</p>" if comment else "",
        f'<p class="meta">IRI: <code>{escape(str(node))}</code></p><dl>',
    ]
    for title, values in rows:
        listed = list(values)
        if listed:
            parts.append(f"<dt>{escape(title)}</dt><dd>{_links(graph, listed)}</dd>")
    parts.append("</dl></section>")
    return "".join(parts)


def _own(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(
        (s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(UNKG_NS)),
        key=str,
    )


def _classes_html(graph: Graph) -> str:
    return "".join(
        _term_section(
            graph,
            node,
            [
                ("Subclass of", graph.objects(node, RDFS.subClassOf)),
                (
                    "Disjoint with",
                    [*graph.objects(node, OWL.disjointWith), *graph.subjects(OWL.disjointWith, node)],
                ),
                ("Used as domain of", graph.subjects(RDFS.domain, node)),
                ("Used as range of", graph.subjects(RDFS.range, node)),
            ],
        )
        for node in _own(graph, OWL.Class)
    )


def _properties_html(graph: Graph, kind: URIRef) -> str:
    return "".join(
        _term_section(
            graph,
            node,
            [
                ("Domain", graph.objects(node, RDFS.domain)),
                ("Range", graph.objects(node, RDFS.range)),
                ("Subproperty of", graph.objects(node, RDFS.subPropertyOf)),
                ("Characteristics", [t for t in graph.objects(node, RDF.type) if t not in (kind,)]),
            ],
        )
        for node in _own(graph, kind)
    )


def _schemes_html(graph: Graph) -> str:
    parts = []
    for scheme in sorted(
        (s for s in graph.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)), key=str
    ):
        concepts = sorted(
            (c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)), key=str
        )
        items = []
        for concept in concepts:
            label = _text(graph, concept, SKOS.prefLabel) or _anchor(concept)
            extra = []
            alt = sorted(str(a) for a in graph.objects(concept, SKOS.altLabel))
            if alt:
                extra.append("also: " + escape("; ".join(alt)))
            if broader := list(graph.objects(concept, SKOS.broader)):
                extra.append("broader: " + _links(graph, broader))
            if matches := list(graph.objects(concept, SKOS.exactMatch)):
                extra.append("same as: " + _links(graph, matches))
            items.append(
                f'<li id="{escape(_anchor(concept))}"><code>{escape(_curie(graph, concept))}</code> '
                f"{escape(label)}{' — ' + ' · '.join(extra) if extra else ''}</li>"
            )
        title = _text(graph, scheme, SKOS.prefLabel, RDFS.label) or _anchor(scheme)
        parts.append(
            f'<section id="{escape(_anchor(scheme))}"><h3>{escape(title)} '
            f"<code>{escape(_curie(graph, scheme))}</code></h3><ul>{''.join(items)}</ul></section>"
        )
    return "".join(parts)


def _vocabularies_html(graph: Graph) -> str:
    used = {str(p) for _, p, _ in graph} | {str(o) for o in graph.objects(None, RDF.type)}
    rows = [
        f"<tr><td><code>{escape(prefix)}:</code></td><td><code>{escape(str(namespace))}</code></td></tr>"
        for prefix, namespace in sorted(graph.namespaces())
        if prefix
        and any(term.startswith(str(namespace)) for term in used | {str(s) for s in graph.subjects()})
    ]
    return f"<table>{''.join(rows)}</table>"


def ontology_html(settings: Settings, graph: Graph | None = None) -> str:
    """The documentation page of the ontology, every text from the Turtle escaped."""
    graph = graph if graph is not None else ontology_graph(settings)
    ontology = URIRef(ONTOLOGY_IRI)
    title = _text(graph, ontology, URIRef(DCTERMS + "title"), RDFS.label) or "unkg ontology"
    description = _text(graph, ontology, URIRef(DCTERMS + "description"), RDFS.comment)
    version = _text(graph, ontology, OWL.versionInfo)
    licence = next(iter(graph.objects(ontology, URIRef(DCTERMS + "license"))), None)
    meta = f"<p>{escape(description)}</p><p class='meta'>IRI <code>{escape(ONTOLOGY_IRI)}</code>"
    meta += f" · version {escape(version)}" if version else ""
    meta += f' · licence <a href="{escape(str(licence))}">{escape(str(licence))}</a>' if licence else ""
    meta += " · also as " + " ".join(f'<a href="unkg.{ext}">{ext}</a>' for ext in EXPORTS) + "</p>"
    body = (
        meta
        + "<h2 id='vocabularies'>Vocabularies</h2>"
        + _vocabularies_html(graph)
        + "<h2 id='classes'>Classes</h2>"
        + _classes_html(graph)
        + "<h2 id='object-properties'>Object properties</h2>"
        + _properties_html(graph, OWL.ObjectProperty)
        + "<h2 id='datatype-properties'>Datatype properties</h2>"
        + _properties_html(graph, OWL.DatatypeProperty)
        + "<h2 id='schemes'>Concept schemes</h2>"
        + _schemes_html(graph)
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>\n"
    )

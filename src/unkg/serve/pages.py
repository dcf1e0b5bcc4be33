"""HTML pages for people: every value from the graph or the request is escaped here.

Links to resources of the graph point at this server (their path under the base IRI), so
a reader can follow a person to their organization, sessions and statements.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from rdflib import Literal, URIRef
from rdflib.term import Identifier, Node

from unkg.config import DEFAULT_BASE_IRI
from unkg.serve.jobs import Entity, Table

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3} code,pre,textarea{font-family:ui-monospace,monospace}
pre{background:#f6f6f6;padding:.8rem;overflow:auto} textarea{width:100%}
nav a{margin-right:1rem} td.long{min-width:24rem}
.iri{color:#666;font-size:.9em} blockquote{margin:0;color:#333}
"""

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class Linker:
    """Turns IRIs into hrefs: resources under the base IRI (or the vocabulary's) are served here.

    ``prefixes`` (prefix -> namespace, e.g. from the JSON-LD context) shorten other IRIs for display.
    """

    def __init__(self, base_iri: str, prefixes: dict[str, str] | None = None) -> None:
        self.bases = tuple(dict.fromkeys((base_iri, DEFAULT_BASE_IRI)))
        # longest namespace first, so "unkg:" wins over a shorter namespace it starts with
        self.prefixes = sorted((prefixes or {}).items(), key=lambda item: -len(item[1]))

    def href(self, iri: str) -> str:
        for base in self.bases:
            if iri.startswith(base):
                return "/" + iri[len(base) :]
        return iri

    def short(self, iri: str) -> str:
        """A compact name for an IRI without a label: prefix:name, its path under the base, or the IRI."""
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        for base in self.bases:
            if iri.startswith(base):
                return iri[len(base) :]
        return iri


def page(title: str, body: str) -> bytes:
    """A complete HTML page; ``title`` is escaped, ``body`` must already be safe HTML."""
    nav = (
        '<nav><a href="/">unkg</a><a href="/sparql">SPARQL</a><a href="/queries">Queries</a>'
        '<a href="/views">Views</a><a href="/ontology">Ontology</a><a href="/void">Dataset</a></nav>'
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{nav}<h1>{escape(title)}</h1>\n{body}\n</body></html>\n"
    ).encode()


def term_html(term: Node | None, linker: Linker, label: str | None = None) -> str:
    """One RDF term as HTML: a link for an IRI (named by ``label``), the text of a literal."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = label if label else linker.short(str(term))
        return f'<a href="{escape(linker.href(str(term)))}">{escape(_excerpt(text))}</a>'
    if isinstance(term, Literal):
        suffix = f' <span class="iri">@{escape(term.language)}</span>' if term.language else ""
        return escape(str(term)) + suffix
    return escape(str(term))


def _excerpt(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_html(
    table: Table, linker: Linker, hide: Sequence[str] = ("this",), group_by: str | None = None
) -> str:
    """A result table; a column ``x`` with a companion ``xLabel`` becomes links named by the label.

    With ``group_by``, rows with the same value in that column become one row whose cells list
    every distinct value (a statement with three topics is one row, not three).
    """
    columns = [v for v in table.variables if v not in hide and not _is_label_of(v, table.variables)]
    head = "".join(f"<th>{escape(name)}</th>" for name in columns)
    body = []
    for group in _groups(table, group_by):
        cells = []
        for name in columns:
            values = list(dict.fromkeys((row[name], row.get(name + "Label")) for row in group))
            long = any(isinstance(value, Literal) and len(str(value)) > 80 for value, _ in values)
            text = "<br>".join(
                term_html(value, linker, str(label) if label is not None else None) for value, label in values
            )
            css = ' class="long"' if long else ""
            cells.append(f"<td{css}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    note = "<p>(more rows than the result cap; the rest were left out)</p>" if table.truncated else ""
    return f"<table><tr>{head}</tr>{''.join(body)}</table>{note}"


def _groups(table: Table, group_by: str | None) -> list[list[dict[str, Identifier | None]]]:
    """Rows as dicts, in groups sharing the ``group_by`` value (each row alone without it), in order."""
    rows = [dict(zip(table.variables, row, strict=True)) for row in table.rows]
    if group_by is None or group_by not in table.variables:
        return [[row] for row in rows]
    groups: dict[object, list[dict[str, Identifier | None]]] = {}
    for index, row in enumerate(rows):
        key = row[group_by] if row[group_by] is not None else ("row", index)
        groups.setdefault(key, []).append(row)
    return list(groups.values())


def _is_label_of(name: str, variables: Sequence[str]) -> bool:
    return name.endswith("Label") and name[: -len("Label")] in variables


def entity_page(entity: Entity, linker: Linker, formats: Iterable[tuple[str, str]]) -> bytes:
    """The page of one resource: its types, properties, sections (posts, statements ...) and backlinks."""
    iri = entity.iri
    title = entity.labels.get(iri, linker.short(iri))
    types = [o for s, p, o in entity.triples if str(s) == iri and str(p) == RDF_TYPE]
    parts = [f'<p class="iri"><code>{escape(iri)}</code></p>']
    if types:
        parts.append("<p>A " + ", ".join(_named(t, entity, linker) for t in types) + "</p>")
    links = " · ".join(f'<a href="?format={escape(key)}">{escape(name)}</a>' for key, name in formats)
    parts.append(f"<p>Also as {links}</p>")
    outgoing = [(p, o) for s, p, o in entity.triples if str(s) == iri and str(p) != RDF_TYPE]
    parts.append(_pairs_table("Properties", ("property", "value"), outgoing, entity, linker))
    for section in entity.sections:
        if section.table.rows:
            table = table_html(section.table, linker, group_by="statement")
            parts.append(f"<h2>{escape(section.title)}</h2>" + table)
    incoming = [(s, p) for s, p, o in entity.triples if str(o) == iri and str(s) != iri]
    parts.append(_pairs_table("Referenced by", ("resource", "property"), incoming, entity, linker))
    if entity.truncated:
        parts.append("<p>(more links than the result cap; the rest were left out)</p>")
    return page(title, "\n".join(parts))


def _named(term: Node, entity: Entity, linker: Linker) -> str:
    return term_html(term, linker, entity.labels.get(str(term)))


def _pairs_table(
    title: str, header: tuple[str, str], pairs: list[tuple[Node, Node]], entity: Entity, linker: Linker
) -> str:
    if not pairs:
        return ""
    rows = "".join(
        f"<tr><td>{_named(a, entity, linker)}</td><td>{_named(b, entity, linker)}</td></tr>" for a, b in pairs
    )
    return f"<h2>{escape(title)}</h2><table><tr><th>{header[0]}</th><th>{header[1]}</th></tr>{rows}</table>"


def message_page(title: str, message: str) -> bytes:
    return page(title, f"<p>{escape(message)}</p>")


def preformatted_page(title: str, text: str, intro: str = "") -> bytes:
    """A page showing text as is (a Turtle document, a query)."""
    return page(title, (f"<p>{escape(intro)}</p>" if intro else "") + f"<pre>{escape(text)}</pre>")


def sparql_form_page(query: str, example_queries: Iterable[tuple[str, str]]) -> bytes:
    """The query editor: a form that GETs /sparql, with the catalogue's queries as examples."""
    options = "".join(
        f'<li><a href="/sparql?query={escape(_url_quote(text))}&amp;format=html">{escape(name)}</a></li>'
        for name, text in example_queries
    )
    body = (
        '<form method="get" action="/sparql">'
        f'<textarea name="query" rows="16">{escape(query)}</textarea>'
        '<p>Results as <select name="format"><option>html</option><option>json</option><option>xml</option>'
        "<option>csv</option><option>tsv</option><option>turtle</option><option>jsonld</option></select> "
        '<button type="submit">Run</button></p></form>'
        "<p>The endpoint speaks the SPARQL 1.1 Protocol: GET or POST <code>query</code>; "
        "updates are refused.</p>"
        f"<h2>Examples</h2><ul>{options}</ul>"
    )
    return page("SPARQL", body)


def _url_quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


def results_page(title: str, table: Table, linker: Linker, query_text: str = "") -> bytes:
    """SELECT results as an HTML table, with the query shown below."""
    query_html = f"<h2>Query</h2><pre>{escape(query_text)}</pre>" if query_text else ""
    return page(title, f"<p>{len(table.rows)} rows</p>" + table_html(table, linker, hide=()) + query_html)


def link_list(items: Iterable[tuple[str, str, str]]) -> str:
    """<ul> of (href, name, description)."""
    entries = "".join(
        f'<li><a href="{escape(href)}">{escape(name)}</a> — {escape(description)}</li>'
        for href, name, description in items
    )
    return f"<ul>{entries}</ul>"


def query_list_page(queries: Iterable[tuple[str, str, Sequence[tuple[str, str]]]]) -> bytes:
    """The catalogue: each query (name, description, parameters as (name, help)) with a form to run it."""
    entries = []
    for name, description, parameters in queries:
        inputs = "".join(
            f'<label>{escape(param)} <input name="{escape(param)}" '
            f'placeholder="{escape(help_text)}"></label> '
            for param, help_text in parameters
        )
        formats = "".join(f"<option>{fmt}</option>" for fmt in ("html", "json", "xml", "csv", "tsv"))
        entries.append(
            f'<li><a href="/queries/{escape(name)}">{escape(name)}</a> — {escape(description)}'
            f'<form method="get" action="/queries/{escape(name)}">{inputs}'
            f'<select name="format">{formats}</select> <button type="submit">Run</button></form></li>'
        )
    return page("Queries", f"<ul>{''.join(entries)}</ul>")

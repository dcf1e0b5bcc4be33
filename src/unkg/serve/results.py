"""SPARQL 1.1 query results (SELECT tables and ASK booleans) in the four standard formats.

JSON (https://www.w3.org/TR/sparql11-results-json/), XML (https://www.w3.org/TR/rdf-sparql-XMLres/),
CSV and TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/). The endpoint writes them itself
because it caps the number of rows before writing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from unkg.query import XSD_STRING, json_term

RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}

Row = Sequence[Identifier | None]


def select_json(variables: Sequence[str], rows: Sequence[Row]) -> str:
    bindings = [
        {name: json_term(term) for name, term in zip(variables, row, strict=True) if term is not None}
        for row in rows
    ]
    return json.dumps(
        {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}, ensure_ascii=False
    )


def ask_json(answer: bool) -> str:
    return json.dumps({"head": {}, "boolean": answer})


def _xml_term(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(str(term))}</literal>"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"<literal datatype={quoteattr(str(term.datatype))}>{escape(str(term))}</literal>"
        return f"<literal>{escape(str(term))}</literal>"
    raise TypeError(f"not an RDF term: {term!r}")


_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def select_xml(variables: Sequence[str], rows: Sequence[Row]) -> str:
    parts = [_XML_HEAD, "<head>"]
    parts += [f"<variable name={quoteattr(name)}/>" for name in variables]
    parts.append("</head>\n<results>\n")
    for row in rows:
        parts.append("<result>")
        for name, term in zip(variables, row, strict=True):
            if term is not None:
                parts.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        parts.append("</result>\n")
    parts.append("</results>\n</sparql>\n")
    return "".join(parts)


def ask_xml(answer: bool) -> str:
    return f"{_XML_HEAD}<head/>\n<boolean>{'true' if answer else 'false'}</boolean>\n</sparql>\n"


def select_csv(variables: Sequence[str], rows: Sequence[Row]) -> str:
    """CSV keeps only lexical values (IRIs as is, blank nodes as _:id), CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(
            ["" if t is None else ("_:" + str(t) if isinstance(t, BNode) else str(t)) for t in row]
        )
    return out.getvalue()


def _ntriples_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


def _tsv_term(term: Identifier | None) -> str:
    """A term in N-Triples syntax, as TSV requires (so tabs and newlines inside literals are escaped)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = _ntriples_string(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    raise TypeError(f"not an RDF term: {term!r}")


def select_tsv(variables: Sequence[str], rows: Sequence[Row]) -> str:
    lines = ["\t".join("?" + name for name in variables)]
    lines += ["\t".join(_tsv_term(term) for term in row) for row in rows]
    return "\n".join(lines) + "\n"


def ask_text(answer: bool) -> str:
    """CSV and TSV have no boolean form; endpoints commonly answer ``true`` or ``false``."""
    return "true\n" if answer else "false\n"


def write_select(fmt: str, variables: Sequence[str], rows: Sequence[Row]) -> str:
    """A SELECT table in ``fmt`` (json, xml, csv, tsv)."""
    writers = {"json": select_json, "xml": select_xml, "csv": select_csv, "tsv": select_tsv}
    return writers[fmt](variables, rows)


def write_ask(fmt: str, answer: bool) -> str:
    """An ASK answer in ``fmt`` (json, xml, csv, tsv)."""
    if fmt == "json":
        return ask_json(answer)
    if fmt == "xml":
        return ask_xml(answer)
    return ask_text(answer)

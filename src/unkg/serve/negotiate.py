"""Content negotiation: pick the media type a client prefers among those a resource offers.

Follows the Accept header's q-values (RFC 9110 §12.5.1) with ``type/*`` and ``*/*`` wildcards;
a ``format`` parameter (``?format=ttl``), as browsers and SPARQLWrapper send, takes precedence
when it names one of the offered types. Ties go to the server's order of preference.
"""

from __future__ import annotations

from collections.abc import Sequence

# Short names a client may pass as ?format= (or SPARQLWrapper's format/output parameters).
FORMAT_ALIASES = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "html": "text/html",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdf": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
}

# Media types some clients send for the types we offer.
SYNONYMS = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "application/x-json+ld": "application/ld+json",
    "text/plain": "application/n-triples",
}


def _parse_accept(header: str) -> list[tuple[str, float, int]]:
    """(media range, q, position) for each entry of an Accept header."""
    ranges: list[tuple[str, float, int]] = []
    for position, entry in enumerate(header.split(",")):
        media, *params = (part.strip() for part in entry.split(";"))
        if not media:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media.lower(), quality, position))
    return ranges


def _quality(offered: str, ranges: list[tuple[str, float, int]]) -> tuple[float, int, int]:
    """How much the client wants ``offered``: (q, specificity, -position) of the best matching range."""
    best = (0.0, -1, 0)
    major = offered.split("/")[0]
    for media, quality, position in ranges:
        media = SYNONYMS.get(media, media)
        if media == offered:
            specificity = 2
        elif media == f"{major}/*":
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        candidate = (quality, specificity, -position)
        if candidate[1] > best[1] or (candidate[1] == best[1] and candidate > best):
            best = candidate
    return best


def choose(offered: Sequence[str], accept: str | None, format_names: Sequence[str] = ()) -> str:
    """The offered media type to answer with (the first offered one when nothing matches better)."""
    for name in format_names:
        media = FORMAT_ALIASES.get(name.strip().lower(), name.strip().lower())
        if media in offered:
            return media
    if not accept:
        return offered[0]
    ranges = _parse_accept(accept)
    scored = [(_quality(media, ranges), -index, media) for index, media in enumerate(offered)]
    acceptable = [(q[0], q[2], order, media) for q, order, media in scored if q[0] > 0 and q[1] >= 0]
    if not acceptable:
        return offered[0]
    return max(acceptable)[3]

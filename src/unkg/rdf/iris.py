"""Deterministic IRIs for every entity the graph mints.

The same input always gives the same IRI: people and organizations by their
resolved key (so a person in two reports has one IRI), report-scoped things by
report id and character offsets.
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

from unkg.model import Span


def slugify(text: str) -> str:
    """Lower-case ASCII slug: "Sun Moon University" -> "sun-moon-university"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"


class Minter:
    """Mints IRIs under one base IRI (configurable; ``https://w3id.org/unkg/`` by default)."""

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def report(self, report_id: str) -> URIRef:
        return self._iri("report", report_id)

    def graph(self, report_id: str) -> URIRef:
        """The named graph holding everything one report contributed."""
        return self._iri("graph", report_id)

    def vocabulary_graph(self) -> URIRef:
        """The named graph holding the ontology, vocabularies and topic scheme."""
        return self._iri("graph", "vocabulary")

    def meeting(self, report_id: str) -> URIRef:
        return self._iri("meeting", report_id)

    def session(self, report_id: str, number: int) -> URIRef:
        return self._iri("meeting", report_id, "session", str(number))

    def person(self, key: str) -> URIRef:
        return self._iri("person", key)

    def group(self, report_id: str, key: str) -> URIRef:
        return self._iri("group", report_id, key)

    def organization(self, key: str) -> URIRef:
        return self._iri("organization", key)

    def country(self, alpha3: str) -> URIRef:
        return self._iri("country", alpha3.upper())

    def role(self, title: str) -> URIRef:
        return self._iri("role", slugify(title))

    def post(self, report_id: str, person_key: str, role: str, organization_key: str | None) -> URIRef:
        return self._iri("post", report_id, person_key, slugify(role) + "--" + (organization_key or "none"))

    def passage(self, report_id: str, span: Span) -> URIRef:
        return self._iri("passage", report_id, f"{span.start}-{span.end}")

    def statement(self, report_id: str, span: Span, speaker: str | None = None) -> URIRef:
        """A statement by its passage; ``speaker`` tells apart several speakers of one passage
        ("Mr. A and Mr. B stated ..." is one statement per speaker): ``START-END--speaker-key``."""
        suffix = f"--{speaker}" if speaker else ""
        return self._iri("statement", report_id, f"{span.start}-{span.end}{suffix}")

    def interaction(self, report_id: str, kind: str, source: str, target: str, span: Span) -> URIRef:
        return self._iri("interaction", report_id, f"{kind}--{source}--{target}--{span.start}")

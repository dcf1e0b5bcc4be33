"""Run the views' SPARQL queries (queries/*.rq) on a store and hand back plain Python records.

The views read the graph only through these queries, never through extraction internals:
whatever store holds a graph of the documented shape (docs/graph-shape.md) can be drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from unkg.config import Settings
from unkg.errors import QueryError

Record = dict[str, str | None]


class SelectResultLike(Protocol):
    """What :meth:`unkg.store.Store.select` returns: variable names and rows of rdflib terms."""

    @property
    def variables(self) -> Sequence[str]: ...

    @property
    def rows(self) -> Sequence[Sequence[Identifier | None]]: ...


class Selectable(Protocol):
    """The one store method the views use."""

    def select(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResultLike: ...


@dataclass(frozen=True)
class QueryRows:
    """The records of one query, with its name so that messages and tests can say where they came from."""

    name: str
    records: tuple[Record, ...]

    def distinct(self, column: str) -> set[str]:
        """The distinct non-empty values of one column."""
        return {value for record in self.records if (value := record.get(column))}


def term_text(term: Identifier | None) -> str | None:
    """An IRI or a literal's lexical form as a string; booleans as "true"/"false"; None stays None."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(term)
    if isinstance(term, URIRef):
        return str(term)
    return str(term)


def query_text(name: str, settings: Settings) -> str:
    """The text of ``queries/NAME.rq``; a missing file is a :class:`QueryError` naming the folder."""
    path = settings.queries_dir / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"the views need the query {name!r}, but {path} does not exist")
    return path.read_text(encoding="utf-8")


def fetch(store: Selectable, name: str, settings: Settings) -> QueryRows:
    """Run ``queries/NAME.rq`` on ``store``; each row becomes a dict from variable name to text (or None)."""
    result = store.select(query_text(name, settings))
    variables = list(result.variables)
    records = tuple(
        {variable: term_text(value) for variable, value in zip(variables, row, strict=True)}
        for row in result.rows
    )
    return QueryRows(name, records)


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``.../vocab/meet/same-session`` -> ``same-session``."""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def readable(iri: str) -> str:
    """A vocabulary IRI as words: ``.../vocab/act/expressed-concern`` -> ``expressed concern``."""
    return local_name(iri).replace("-", " ")

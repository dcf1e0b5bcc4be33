"""The few exceptions unkg raises; the CLI catches :class:`UnkgError` once and prints one line."""

from __future__ import annotations


class UnkgError(Exception):
    """Base class: a problem the user can act on. ``str()`` is the one-line message."""

    exit_code = 1


class ReportError(UnkgError):
    """A report file cannot be read: missing, empty, binary, not UTF-8, unsupported format."""

    exit_code = 3

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class QueryError(UnkgError):
    """A query is unknown, malformed, or given a bad parameter."""

    exit_code = 4


class StoreError(UnkgError):
    """The store is missing, locked or unreadable."""

    exit_code = 5


class ValidationError(UnkgError):
    """The graph does not conform to the shapes, or the ontology plus data is inconsistent."""

    exit_code = 6

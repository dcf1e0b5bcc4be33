"""The query catalogue as the server lists it: name, description and parameters from each header.

Every file of ``queries/`` starts with comment lines::

    # persons: every person of the graph, once each.
    # Columns: ?person ?name ...
    # Parameters: none.
"""

from __future__ import annotations

from dataclasses import dataclass

from unkg.config import Settings


@dataclass(frozen=True)
class QueryInfo:
    name: str
    description: str
    parameters: str  # "" when the query takes none
    text: str


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return lines


def read_catalogue(settings: Settings) -> dict[str, QueryInfo]:
    """Every query of ``queries/`` by name (the file stem), sorted by name."""
    catalogue: dict[str, QueryInfo] = {}
    for path in sorted(settings.queries_dir.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = _header(text)
        first = header[0] if header else path.stem
        description = first.partition(":")[2].strip() if first.startswith(path.stem + ":") else first
        parameters = next((h.partition(":")[2].strip() for h in header if h.startswith("Parameters:")), "")
        if parameters.lower().rstrip(".") == "none":
            parameters = ""
        catalogue[path.stem] = QueryInfo(path.stem, description, parameters, text)
    return catalogue

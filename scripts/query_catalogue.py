"""Print the README's query catalogue (a markdown table) from the headers of queries/*.rq."""

from __future__ import annotations

from unkg.config import load_settings
from unkg.query import list_queries


def catalogue() -> str:
    """One table row per query: name, what it answers, parameters, result columns."""
    rows = ["| query | what it answers | parameters | columns |", "|---|---|---|---|"]
    for info in list_queries(load_settings()):
        params = ", ".join(f"`{p.name}`" for p in info.parameters) or "—"
        columns = " ".join(f"?{c}" for c in info.columns)
        description = info.description.replace("|", "\\|")
        rows.append(f"| `{info.name}` | {description} | {params} | {columns} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(catalogue())

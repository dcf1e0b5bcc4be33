"""Helpers shared by the post tests: a crafted report extracted from a file, and its posts as rows."""

from __future__ import annotations

from pathlib import Path

from unkg.document import read_report
from unkg.extract import extract
from unkg.model import Extraction

# (family name, role, organization name or None, former)
PostRow = tuple[str, str, str | None, bool]


def extract_text(tmp_path: Path, text: str, header: str, name: str = "crafted-2030.txt") -> Extraction:
    """Write ``header + text`` as a report file and extract it as the pipeline would."""
    path = tmp_path / name
    path.write_text(header + text, encoding="utf-8")
    return extract(read_report(path))


def post_rows(extraction: Extraction) -> set[PostRow]:
    """The extraction's posts, named by the holder's family name and the organization's name."""
    families = {p.key: p.family_name for p in extraction.people}
    organizations = {o.key: o.name for o in extraction.organizations}
    return {
        (families[p.person], p.role, organizations.get(p.organization) if p.organization else None, p.former)
        for p in extraction.posts
    }

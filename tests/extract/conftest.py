"""Fixtures for extraction tests: small crafted reports read by the real reader, and the real reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from unkg.config import load_settings
from unkg.document import read_report
from unkg.extract import extract
from unkg.model import Document, Extraction

MakeDocument = Callable[..., Document]


@pytest.fixture
def make_document(tmp_path: Path) -> MakeDocument:
    """Write a crafted report to a file and read it as the pipeline would."""

    def make(text: str, name: str = "crafted-report") -> Document:
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        return read_report(path)

    return make


@pytest.fixture(scope="session")
def real_extractions() -> dict[str, Extraction]:
    """The two reports of data/reports/, extracted once per test session."""
    reports = load_settings().reports_dir
    return {path.stem: extract(read_report(path)) for path in sorted(reports.glob("*.txt"))}

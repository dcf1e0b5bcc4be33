"""Fixtures for the affiliation stage: the real reports extracted once, then given countries."""

from __future__ import annotations

import pytest

from unkg.config import load_settings
from unkg.document import read_report
from unkg.extract import extract
from unkg.extract.affiliation import assign_person_countries
from unkg.model import Extraction


@pytest.fixture(scope="session")
def real_with_countries() -> dict[str, Extraction]:
    """The two reports of data/reports/, extracted and passed through :func:`assign_person_countries`."""
    reports = load_settings().reports_dir
    return {
        path.stem: assign_person_countries(extract(read_report(path)))
        for path in sorted(reports.glob("*.txt"))
    }

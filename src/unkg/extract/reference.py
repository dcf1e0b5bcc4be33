"""Loaders for the reference data in ``data/`` and ``ontology/``: read once, cached, returned immutable.

This is the only place where the reference-data stages (document layout, countries,
organizations, topics, stance) touch the file system; everything built on top of it is a
pure function of the loaded rows. The folder comes from :func:`unkg.config.load_settings`
(``$UNKG_HOME`` or the checkout), so users can extend the files without touching code.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

from unkg.config import load_settings
from unkg.errors import UnkgError

Row = Mapping[str, str]


class ReferenceDataError(UnkgError):
    """A reference data file is missing or malformed (a broken checkout or a bad user edit)."""


def data_path(name: str) -> Path:
    """The path of a file in the data folder, e.g. ``data_path("countries.csv")``."""
    return load_settings().data_dir / name


def ontology_path(name: str) -> Path:
    """The path of a file in the ontology folder, e.g. ``ontology_path("topics.ttl")``."""
    return load_settings().ontology_dir / name


@functools.cache
def read_csv(path: Path) -> tuple[Row, ...]:
    """The rows of a UTF-8 CSV file with a header; cells stripped, ``#`` comment lines skipped."""
    if not path.is_file():
        raise ReferenceDataError(f"{path}: reference data file not found")
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    rows = []
    for row in reader:
        cleaned = {(key or "").strip(): (value or "").strip() for key, value in row.items()}
        rows.append(MappingProxyType(cleaned))
    return tuple(rows)


@functools.cache
def read_yaml(path: Path) -> Mapping[str, object]:
    """A YAML mapping file (such as ``data/layout_cues.yaml``)."""
    if not path.is_file():
        raise ReferenceDataError(f"{path}: reference data file not found")
    with path.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    if not isinstance(loaded, dict):
        raise ReferenceDataError(f"{path}: expected a mapping at the top level")
    return MappingProxyType(loaded)


def split_list(cell: str) -> tuple[str, ...]:
    """A ``|``-separated cell as a tuple of non-empty stripped values: "ROK|South Korea"."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def word_list(mapping: Mapping[str, object], key: str) -> frozenset[str]:
    """The lower-cased strings listed under ``key`` of a YAML mapping (empty if absent)."""
    value = mapping.get(key, ())
    if not isinstance(value, list):
        raise ReferenceDataError(f"{key}: expected a list of words")
    return frozenset(str(item).lower() for item in value)


def layout_cues() -> Mapping[str, object]:
    """The layout cue words of ``data/layout_cues.yaml`` used by :mod:`unkg.document`."""
    return read_yaml(data_path("layout_cues.yaml"))


def country_rows() -> tuple[Row, ...]:
    """Rows of ``data/countries.csv``."""
    return read_csv(data_path("countries.csv"))


def organization_rows() -> tuple[Row, ...]:
    """Rows of ``data/organizations.csv``."""
    return read_csv(data_path("organizations.csv"))


def organization_pattern_rows() -> tuple[Row, ...]:
    """Rows of ``data/org_patterns.csv`` (rules that recognise and type unlisted organizations)."""
    return read_csv(data_path("org_patterns.csv"))


def city_rows() -> tuple[Row, ...]:
    """Rows of ``data/cities.csv`` (city -> country alpha-3)."""
    return read_csv(data_path("cities.csv"))


def stance_cue_rows() -> tuple[Row, ...]:
    """Rows of ``data/stance_cues.csv`` (cue phrase -> stance)."""
    return read_csv(data_path("stance_cues.csv"))


def institution_rows() -> tuple[Row, ...]:
    """Rows of ``data/institutions.csv`` (universities, institutes, associations and media of East Asia)."""
    return read_csv(data_path("institutions.csv"))

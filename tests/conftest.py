"""Shared fixtures: stores built once per test session, in temporary folders (never the repo's build/).

- ``built_store_dir``: the two real reports of ``data/reports/`` built by :func:`unkg.pipeline.build`
  (the outputs, graph.ttl, graph.jsonld and the three view pages, are in ``built_store_dir.parent / "out"``).
- ``mini_extractions``: hand-written extractions of two tiny invented reports (tests/fixtures/).
- ``mini_store_dir``: those two extractions built into a store (no outputs written).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from unkg.config import Settings, load_settings
from unkg.model import Extraction

FIXTURES = Path(__file__).parent / "fixtures"


def load_fixture_module(name: str) -> ModuleType:
    """Import ``tests/fixtures/NAME.py`` (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"unkg_test_fixtures_{name}", FIXTURES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def mini_extractions() -> tuple[Extraction, Extraction]:
    module = load_fixture_module("mini_extractions")
    return module.dialogue_extraction(), module.forum_extraction()


@pytest.fixture(scope="session")
def mini_store_dir(
    tmp_path_factory: pytest.TempPathFactory,
    mini_extractions: tuple[Extraction, Extraction],
    settings: Settings,
) -> Path:
    from unkg.pipeline import build_from_extractions

    store_dir = tmp_path_factory.mktemp("mini") / "store"
    build_from_extractions(mini_extractions, settings, store_dir, write_files=False)
    return store_dir


@pytest.fixture(scope="session")
def built_store_dir(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[Path]:
    """The store of data/reports/, built once by the real pipeline; outputs in the sibling ``out/``."""
    from unkg.pipeline import build

    root = tmp_path_factory.mktemp("built")
    build([settings.reports_dir], settings=settings, store_dir=root / "store", out_dir=root / "out")
    yield root / "store"

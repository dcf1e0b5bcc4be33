"""Fixtures of the server tests: a store loaded from the hand-written TriG fixture, and a server on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import DEFAULT_BASE, Server, load_fixture_store, start_server, stop_server


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store_dir = tmp_path_factory.mktemp("serve") / "store"
    load_fixture_store(store_dir, DEFAULT_BASE, extra_triples=2000)
    return store_dir


@pytest.fixture(scope="session")
def server(fixture_store: Path) -> Iterator[Server]:
    """The default base IRI (https://w3id.org/unkg/): /person/x resolves base + person/x."""
    running = start_server(fixture_store, DEFAULT_BASE, "--timeout", "2", "--max-results", "50")
    yield running
    stop_server(running)

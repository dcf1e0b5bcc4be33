"""One settings object: base IRI, paths and limits.

Defaults suit a checkout of the repository; every value can be overridden by an
environment variable (``UNKG_BASE_IRI``, ``UNKG_HOME``, ``UNKG_ENDPOINT`` ...) or a CLI option.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_BASE_IRI = "https://w3id.org/unkg/"


def _project_root() -> Path:
    """The folder holding ontology/, data/ and queries/: $UNKG_HOME, else the checkout this file is in."""
    env = os.environ.get("UNKG_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "ontology" / "unkg.ttl").is_file():
            return parent
    return Path.cwd()


@dataclass(frozen=True)
class Settings:
    """Where things are and how IRIs are minted; ``endpoint``: a remote SPARQL server to use instead
    of the store folder (with its update URL and credentials, for HTTP digest or basic auth)."""

    root: Path
    base_iri: str = DEFAULT_BASE_IRI
    endpoint: str | None = None
    update_endpoint: str | None = None
    endpoint_user: str | None = None
    endpoint_password: str | None = field(default=None, repr=False)

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def build_dir(self) -> Path:
        return Path(os.environ.get("UNKG_BUILD_DIR", self.root / "build"))

    @property
    def store_dir(self) -> Path:
        return self.build_dir / "store"

    def with_base(self, base_iri: str | None) -> Settings:
        """A copy with another base IRI (must end in / or #)."""
        if not base_iri:
            return self
        if not base_iri.endswith(("/", "#")):
            base_iri += "/"
        return replace(self, base_iri=base_iri)


def load_settings() -> Settings:
    """Settings from the environment, falling back to the defaults."""
    return Settings(
        root=_project_root(),
        base_iri=os.environ.get("UNKG_BASE_IRI", DEFAULT_BASE_IRI),
        endpoint=os.environ.get("UNKG_ENDPOINT") or None,
        update_endpoint=os.environ.get("UNKG_UPDATE_ENDPOINT") or None,
        endpoint_user=os.environ.get("UNKG_ENDPOINT_USER") or None,
        endpoint_password=os.environ.get("UNKG_ENDPOINT_PASSWORD") or None,
    )

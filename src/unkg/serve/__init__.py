"""The linked-data server: SPARQL endpoint, resolvable IRIs, query catalogue and views."""

from unkg.serve.app import make_server, serve

__all__ = ["make_server", "serve"]

"""The ``unkg`` command line: each command parses options and calls one library function.

Errors a user can act on (:class:`unkg.errors.UnkgError`) are caught here once and
printed as one line on stderr; ``--debug`` shows the traceback instead.

Exit codes: 0 success; 1 other unkg error; 2 usage error; 3 bad report file;
4 bad query; 5 store problem (also an unreachable SPARQL server or a refused update);
6 graph does not validate.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from unkg.config import Settings, load_settings
from unkg.errors import QueryError, UnkgError
from unkg.store import Endpoint

EXPORT_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "xml")
QUERY_FORMATS = ("table", "csv", "tsv", "json")
VIEW_NAMES = ("who-met-whom", "positions", "institutions")
VIEW_FORMATS = ("html", "gexf", "graphml")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings().with_base(getattr(args, "base", None))


def _store_dir(args: argparse.Namespace, settings: Settings) -> Path | Endpoint:
    """The store folder, or the remote SPARQL server of ``--endpoint`` / ``$UNKG_ENDPOINT``
    (``--store`` wins over the environment variable)."""
    if getattr(args, "store", None):
        return Path(args.store)
    query_url = getattr(args, "endpoint", None) or settings.endpoint
    if not query_url:
        return settings.store_dir
    from unkg.rdf.iris import Minter

    return Endpoint(
        query_url,
        update_url=getattr(args, "update_endpoint", None) or settings.update_endpoint,
        user=settings.endpoint_user,
        password=settings.endpoint_password,
        graph_prefix=str(Minter(settings.base_iri).graph("")),
    )


def cmd_build(args: argparse.Namespace) -> int:
    from unkg.pipeline import build

    settings = _settings(args)
    paths = [Path(p) for p in args.paths] or [settings.reports_dir]
    summary = build(
        paths, settings=settings, store_dir=_store_dir(args, settings), out_dir=args.out
    )
    print(summary.render())
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from unkg.pipeline import remove_reports

    settings = _settings(args)
    store_dir = _store_dir(args, settings)
    for report_id in remove_reports(
        args.report_ids, settings=settings, store_dir=store_dir, out_dir=args.out
    ):
        print(f"removed {report_id} from {store_dir}")
    return 0


def _parse_params(pairs: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {pair!r}: expected KEY=VALUE")
        params[key] = value
    return params


def cmd_query(args: argparse.Namespace) -> int:
    from unkg.query import format_results, run_query
    from unkg.store import open_store

    settings = _settings(args)
    with open_store(_store_dir(args, settings), read_only=True) as store:
        result = run_query(store, args.name, _parse_params(args.param), settings=settings)
        sys.stdout.write(format_results(result, args.format))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from unkg.export import export_graph
    from unkg.store import open_store

    settings = _settings(args)
    out = Path(args.out) if args.out else None
    if args.what == "ontology":
        from unkg.ontology_docs import ontology_text

        return _write_text(ontology_text(args.format, settings), out)
    with open_store(_store_dir(args, settings), read_only=True) as store:
        if args.what == "void":
            from unkg.void import void_text

            return _write_text(void_text(store, args.format, settings), out)
        text = export_graph(store, args.format, out=out, settings=settings)
    if text is not None:
        sys.stdout.write(text)
    else:
        print(f"wrote {args.out}")
    return 0


def _write_text(text: str, out: Path | None) -> int:
    """Write to a file (atomically, via a temporary sibling) or to stdout."""
    if out is None:
        sys.stdout.write(text)
        return 0
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out}")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from unkg.ontology_docs import write_ontology_docs

    settings = _settings(args)
    for path in write_ontology_docs(
        settings, Path(args.out) if args.out else settings.build_dir / "ontology"
    ):
        print(f"wrote {path}")
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from unkg.store import open_store
    from unkg.views import write_view

    settings = _settings(args)
    with open_store(_store_dir(args, settings), read_only=True) as store:
        written = write_view(
            store,
            args.name,
            out=Path(args.out) if args.out else None,
            format=args.format,
            settings=settings,
        )
    print(f"wrote {written}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from unkg.reason import validate
    from unkg.store import open_store

    settings = _settings(args)
    with open_store(_store_dir(args, settings), read_only=True) as store:
        report = validate(store, settings=settings)
    print(report.render())
    return 0 if report.ok else 6


def cmd_serve(args: argparse.Namespace) -> int:
    from unkg.serve import serve

    settings = _settings(args)
    serve(
        _store_dir(args, settings),
        host=args.host,
        port=args.port,
        settings=settings,
        timeout=args.timeout,
        max_results=args.max_results,
    )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from unkg.evaluate import evaluate_many

    settings = _settings(args)
    gold_dirs = [Path(gold_dir) for gold_dir in args.gold_dir]
    table = evaluate_many(gold_dirs, settings=settings, use_curation=args.with_curation)
    print(table.render())
    return 0


def _add_store_options(parser: argparse.ArgumentParser, writes: bool = False) -> None:
    """``--store DIR``, or ``--endpoint URL`` of a SPARQL server; ``--update-endpoint`` for writers."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--store", metavar="DIR", help="store folder (default: build/store)")
    where.add_argument(
        "--endpoint",
        metavar="URL",
        help="a SPARQL server's query URL (e.g. Virtuoso's http://HOST:8890/sparql) to use instead of "
        "the store folder (default: $UNKG_ENDPOINT; credentials: $UNKG_ENDPOINT_USER, "
        "$UNKG_ENDPOINT_PASSWORD)",
    )
    if writes:
        parser.add_argument(
            "--update-endpoint",
            metavar="URL",
            help="the server's SPARQL Update URL (default: $UNKG_UPDATE_ENDPOINT, else the query URL; "
            "Virtuoso: http://HOST:8890/sparql-auth)",
        )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; the README's CLI reference is generated from its help."""
    parser = argparse.ArgumentParser(
        prog="unkg",
        description="unkg: a knowledge graph of East Asian engagement with the United Nations, "
        "built from meeting reports.",
        epilog="Exit codes: 0 ok, 1 error, 2 usage, 3 bad report file, 4 bad query, 5 store, 6 not valid.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument(
        "--base", metavar="IRI", help="base IRI for minted entities (default: $UNKG_BASE_IRI)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add(
        "build", cmd_build, "build the graph from report files or folders and write build/ outputs"
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="report files or folders (default: data/reports/)"
    )
    _add_store_options(p, writes=True)
    p.add_argument("--out", metavar="DIR", help="folder for exports and pages (default: build/)")

    p = add(
        "remove",
        cmd_remove,
        "remove what reports contributed to the store, and rewrite build/ outputs",
    )
    p.add_argument("report_ids", nargs="+", metavar="REPORT", help="report id: the file stem")
    _add_store_options(p, writes=True)
    p.add_argument("--out", metavar="DIR", help="folder for exports and pages (default: build/)")

    p = add("query", cmd_query, "run a query from queries/ (by name) or a .rq file")
    p.add_argument("name", metavar="NAME_OR_FILE")
    p.add_argument(
        "--param", action="append", default=[], metavar="KEY=VALUE", help="bind a parameter"
    )
    p.add_argument("--format", choices=QUERY_FORMATS, default="table")
    _add_store_options(p)

    p = add("export", cmd_export, "write the whole graph in an RDF format")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="turtle")
    p.add_argument(
        "--what",
        choices=("graph", "ontology", "void"),
        default="graph",
        help="the graph (default), the ontology with its vocabularies, or the VoID/DCAT description",
    )
    p.add_argument("--out", metavar="FILE", help="file to write (default: stdout)")
    _add_store_options(p)

    p = add("docs", cmd_docs, "write the ontology's HTML documentation and its RDF exports")
    p.add_argument("--out", metavar="DIR", help="folder to write (default: build/ontology)")

    p = add("viz", cmd_viz, "write a network view")
    p.add_argument("name", choices=VIEW_NAMES)
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--format", choices=VIEW_FORMATS, default="html")
    _add_store_options(p)

    p = add("validate", cmd_validate, "check SHACL conformance and OWL consistency (HermiT)")
    _add_store_options(p)

    p = add("serve", cmd_serve, "serve a SPARQL endpoint, entity pages and views over HTTP")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--timeout", type=float, default=10.0, help="per-query time limit in seconds")
    p.add_argument("--max-results", type=int, default=10000, help="result rows cap per query")
    _add_store_options(p)

    p = add("eval", cmd_eval, "score extraction against gold annotations (precision, recall, F1)")
    p.add_argument(
        "gold_dir",
        metavar="GOLD_DIR",
        nargs="+",
        help="folders of gold files; several are scored as one table whose overall rows pool them",
    )
    p.add_argument(
        "--with-curation", action="store_true", help="apply data/curation.yaml before scoring"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``unkg`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except UnkgError as error:
        if args.debug:
            raise
        print(f"unkg: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("unkg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""Write docs/cli.md: the CLI reference, generated from the parser's --help so it cannot drift.

Run `python scripts/cli_reference.py` after changing a command; tests/test_docs.py fails until you do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unkg.cli import build_parser

TARGET = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def cli_reference() -> str:
    """The markdown text of the CLI reference: the top-level help, then each command's help."""
    parser = build_parser()
    parts = ["# unkg command-line reference", ""]
    parts += ["Generated from `unkg --help` by scripts/cli_reference.py.", ""]
    parts += ["```", parser.format_help().rstrip(), "```", ""]
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        parts += [f"## unkg {name}", "", "```", sub.format_help().rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    import os

    os.environ["COLUMNS"] = "100"
    TARGET.write_text(cli_reference(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")

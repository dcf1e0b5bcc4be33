"""Docs that cannot drift: the README and docs/cli.md are checked against the code."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pytest

from unkg.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`unkg {command}" in README, f"README does not document `unkg {command}`"


@pytest.mark.parametrize("query", sorted(p.stem for p in (ROOT / "queries").glob("*.rq")))
def test_every_query_is_in_the_readme_catalogue(query: str) -> None:
    assert re.search(rf"^\| `{re.escape(query)}` \|", README, re.MULTILINE), f"{query} missing from catalogue"


def test_readme_names_the_two_commands_and_ci_runs_the_test_one() -> None:
    assert "make run" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_cli_reference_is_generated_from_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from cli_reference import cli_reference
    finally:
        sys.path.pop(0)
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == cli_reference(), "docs/cli.md is stale: run `python scripts/cli_reference.py`"


def test_readme_has_no_placeholders_left() -> None:
    assert "REPLACE_WITH" not in README

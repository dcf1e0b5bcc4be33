"""`unkg eval` end to end: the corpus gold, a synthetic gold folder, and a clear error for a bad folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from unkg.cli import main
from unkg.synth import write_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_unkg_eval_prints_the_table_for_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(ROOT / "tests" / "gold")]) == 0
    out = capsys.readouterr().out
    for text in ("geneva-dialogue-2019", "acuns-annual-meeting-2023", "overall", "statement speakers", "F1"):
        assert text in out
    assert "without curation" in out


def test_unkg_eval_with_curation_applies_the_shipped_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(ROOT / "tests" / "gold"), "--with-curation"]) == 0
    assert "curation applied" in capsys.readouterr().out


def test_unkg_eval_reads_a_synthetic_corpus_written_by_synth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, gold_dir = write_corpus(tmp_path, count=2, seed=11)
    assert main(["eval", str(gold_dir)]) == 0
    out = capsys.readouterr().out
    assert "synthetic-0011" in out and "synthetic-0012" in out


def test_unkg_eval_on_a_missing_folder_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(tmp_path / "nothing")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("unkg: error: ") and "gold folder not found" in err and err.count("\n") == 1

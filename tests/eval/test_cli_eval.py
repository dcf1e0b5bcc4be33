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


def test_unkg_eval_pools_several_gold_folders_in_one_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Overall rows sum the folders' reports; a folder given twice is an error naming the report."""
    _, first = write_corpus(tmp_path / "a", count=1, seed=21)
    _, second = write_corpus(tmp_path / "b", count=2, seed=31)
    assert main(["eval", str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert all(stem in out for stem in ("synthetic-0021", "synthetic-0031", "synthetic-0032"))
    per_report = [line.split() for line in out.splitlines() if line.split()[1:2] == ["people"]]
    overall = [row for row in per_report if row[0] == "overall"]
    assert len(per_report) == 4 and len(overall) == 1
    assert int(overall[0][2]) == sum(int(row[2]) for row in per_report if row[0] != "overall") > 0
    assert not [line for line in out.splitlines() if line.startswith("all reports")]
    assert main(["eval", str(first), str(first)]) == 1
    err = capsys.readouterr().err
    assert "synthetic-0021" in err and err.count("\n") == 1

"""Synthetic reports rendered as PDF (fpdf2) and Word (python-docx) score as well as plain text.

Later reports of the series arrive as PDF or Word files: this runs the whole path (reader, page
and line breaks of a real layout, extraction) on them and compares with the .txt scores.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from unkg.document import read_report
from unkg.evaluate import ScoreTable, score_reports
from unkg.extract import extract
from unkg.synth import SyntheticReport, generate_corpus

REPORTS = generate_corpus(6, seed=900)
CATEGORIES = ("people", "posts", "sessions", "interactions", "statement speakers")


def _blocks(text: str) -> list[str]:
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def write_pdf(report: SyntheticReport, path: Path) -> None:
    """A4 pages, wrapped lines and real page breaks (core font: Latin-1 only)."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for block in _blocks(report.text):
        pdf.multi_cell(0, 5, block.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(4)
    pdf.output(str(path))


def write_docx(report: SyntheticReport, path: Path) -> None:
    document = docx.Document()
    for block in _blocks(report.text):
        document.add_paragraph(block)
    document.save(str(path))


def write_txt(report: SyntheticReport, path: Path) -> None:
    path.write_text(report.text, encoding="utf-8")


def _score(tmp_path: Path, suffix: str, write: Callable[[SyntheticReport, Path], None]) -> ScoreTable:
    extractions = []
    for report in REPORTS:
        path = tmp_path / f"{report.report_id}{suffix}"
        write(report, path)
        extractions.append(extract(read_report(path)))
    return score_reports([r.gold for r in REPORTS], extractions, across_reports=False)


@pytest.mark.parametrize(("suffix", "write"), [(".pdf", write_pdf), (".docx", write_docx)])
def test_pdf_and_word_reports_score_like_plain_text(
    suffix: str, write: Callable[[SyntheticReport, Path], None], tmp_path: Path
) -> None:
    plain = _score(tmp_path, ".txt", write_txt)
    other = _score(tmp_path, suffix, write)
    for category in CATEGORIES:
        expected, got = plain.get("overall", category), other.get("overall", category)
        assert got.f1 == pytest.approx(expected.f1, abs=0.02), (category, other.render(per_report=False))
    assert other.get("overall", "people").f1 == pytest.approx(1.0, abs=0.05)

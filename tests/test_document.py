"""Report readers: text, PDF and Word files give the same blocks; bad files give one clear error."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

from unkg.config import load_settings
from unkg.document import read_report, split_blocks
from unkg.errors import ReportError
from unkg.model import BlockKind, Document

REPORTS = load_settings().reports_dir
GENEVA = REPORTS / "geneva-dialogue-2019.txt"
ACUNS = REPORTS / "acuns-annual-meeting-2023.txt"


def _block_texts(document: Document) -> list[tuple[BlockKind, str]]:
    """Kinds and texts of the blocks, whitespace removed (layouts differ only in whitespace)."""
    return [(b.kind, re.sub(r"\s+", "", b.span.text(document.text))) for b in document.blocks]


def _latin1_paragraphs(path: Path) -> list[str]:
    """The report's blank-line separated paragraphs in characters the PDF core fonts can draw."""
    text = path.read_text(encoding="utf-8").replace("–", "-")
    text = text.encode("latin-1", "replace").decode("latin-1")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _write_pdf(paragraphs: list[str], path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph)
        pdf.ln(5)
    pdf.output(str(path))


def _write_docx(paragraphs: list[str], path: Path) -> None:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))


@pytest.mark.parametrize("report", [GENEVA, ACUNS], ids=lambda p: p.stem)
def test_pdf_and_docx_renderings_give_the_blocks_of_the_text_file(report: Path, tmp_path: Path) -> None:
    paragraphs = _latin1_paragraphs(report)
    (tmp_path / "r.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    _write_pdf(paragraphs, tmp_path / "r.pdf")
    _write_docx(paragraphs, tmp_path / "r.docx")
    expected = _block_texts(read_report(tmp_path / "r.txt"))
    assert len(expected) > 40
    assert _block_texts(read_report(tmp_path / "r.pdf")) == expected
    assert _block_texts(read_report(tmp_path / "r.docx")) == expected


def test_text_report_keeps_the_file_content_so_offsets_point_into_it() -> None:
    document = read_report(GENEVA)
    raw = GENEVA.read_text(encoding="utf-8")
    assert document.text == raw
    assert document.report_id == "geneva-dialogue-2019"
    assert len(document.sha256) == 64
    for block in document.blocks:
        assert block.span.text(raw) == raw[block.span.start : block.span.end].strip()
        assert block.span.text(raw) == block.span.text(raw).strip()


def _kind_of(document: Document, start: str) -> BlockKind:
    matches = [b.kind for b in document.blocks if b.span.text(document.text).startswith(start)]
    assert matches, start
    return matches[0]


def test_headings_captions_footnotes_and_bullets_of_the_geneva_report() -> None:
    document = read_report(GENEVA)
    assert _kind_of(document, "Day 1: Monday, 2 September") is BlockKind.HEADING
    assert _kind_of(document, "Session 6: Working Lunch hosted by") is BlockKind.HEADING
    assert _kind_of(document, "Tuesday 3 September") is BlockKind.HEADING
    assert _kind_of(document, "Presentation by Mr. Ken Natsume") is BlockKind.HEADING
    assert _kind_of(document, "Tatiana Valovaya, Director-General") is BlockKind.CAPTION
    assert _kind_of(document, "Mr. Gaudenz Silberschmidt, Director, Health") is BlockKind.CAPTION
    assert _kind_of(document, "Participants from China, Japan") is BlockKind.CAPTION
    assert _kind_of(document, "¹ As of presentation") is BlockKind.FOOTNOTE
    assert _kind_of(document, "- A single entry-point") is BlockKind.BULLET
    assert _kind_of(document, "Ms. Agnes Soucat, Director, Health Systems Governance") is BlockKind.PARAGRAPH
    assert _kind_of(document, "Dr. Hasegawa asked about") is BlockKind.PARAGRAPH


def test_title_lines_before_the_first_paragraph_are_one_heading() -> None:
    document = read_report(GENEVA)
    first = document.blocks[0]
    assert first.kind is BlockKind.HEADING
    assert first.span.text(document.text).startswith("Consolidated Report\n\nof\n\nSecond Geneva Dialogue")


def test_sentences_broken_across_page_breaks_are_one_block() -> None:
    document = read_report(ACUNS)
    texts = [b.span.text(document.text) for b in document.blocks]
    assert any("the UN-\n\nled multilateral system" in t for t in texts)  # hyphenated break
    assert any("peace and\n\nsecurity situation" in t for t in texts)  # lower-case continuation
    assert any("the support of the United\n\nNations, serves" in t for t in texts)  # capitalised word
    assert any("In 1947, the\n\nUN General Assembly" in t for t in texts)
    assert not any(t.startswith("Dear colleagues,\n") for t in texts)


def test_paragraph_cut_by_a_footnote_is_flagged_as_continuing() -> None:
    document = read_report(GENEVA)
    texts = [b.span.text(document.text) for b in document.blocks]
    index = next(i for i, t in enumerate(texts) if t.startswith("cases regarding"))
    assert document.blocks[index].continues_previous
    assert document.blocks[index - 1].kind is BlockKind.FOOTNOTE
    assert sum(b.continues_previous for b in document.blocks) == 1


def test_a_conversion_dash_before_a_continuation_is_not_a_new_bullet() -> None:
    text = "1. On recruitment, DOS held talks to reduce the timeline\n\n- and support managers.\n"
    blocks = split_blocks(text)
    assert len(blocks) == 1
    assert blocks[0].kind is BlockKind.BULLET


def test_numbered_short_titles_are_headings_and_numbered_sentences_bullets() -> None:
    text = "2. Changing Policy Environments for ROK UN Diplomacy\n\n3. The Council has met twice this year.\n"
    assert [b.kind for b in split_blocks(text)] == [BlockKind.HEADING, BlockKind.BULLET]


def test_salutation_line_is_not_a_heading_nor_joined_to_the_next_paragraph() -> None:
    text = "It was a pleasure to take part in this long and fruitful session with all of you today.\n\n"
    text += "Dear colleagues,\n\nAs a responsible country, we act.\n"
    kinds = [b.kind for b in split_blocks(text)]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_markdown_report_is_read_like_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Session 1\n\nProfessor Kim noted that peace matters.\n", encoding="utf-8")
    document = read_report(path)
    assert [b.kind for b in document.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHello there, this is a report.".encode())
    assert read_report(path).text == "Hello there, this is a report."


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "no text found"),
        ("binary.txt", b"abc\x00def", "NUL byte at byte offset 3"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "invalid byte 0xe9 at byte offset 3"),
        ("report.rtf", b"{\\rtf1 hello}", "supported: .docx, .md, .pdf, .txt"),
        ("broken.pdf", b"%PDF-1.4 not really", "not a readable PDF"),
        ("broken.docx", b"PK not a zip", "not a readable Word (.docx) file"),
    ],
)
def test_bad_report_files_raise_report_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportError) as caught:
        read_report(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_missing_file_and_directory_raise_report_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no such file"):
        read_report(tmp_path / "missing.txt")
    with pytest.raises(ReportError, match="is a directory"):
        read_report(tmp_path)


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)  # drawing only, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ReportError, match="no text layer"):
        read_report(path)


def test_word_list_paragraphs_become_bullets(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Session 2: Visit to ILO")
    document.add_paragraph("The Director listed the priorities of the organization for the coming year.")
    document.add_paragraph("Decent work for all workers", style="List Bullet")
    path = tmp_path / "list.docx"
    document.save(str(path))
    kinds = [b.kind for b in read_report(path).blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.BULLET]


class _PagedPdf(FPDF):
    """A PDF with a running header and a page-number footer on every page, like real reports."""

    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, "Consolidated Report of the Dialogue")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Page {self.page_no()}")


def test_pdf_running_headers_and_page_numbers_are_dropped_and_page_breaks_repaired(tmp_path: Path) -> None:
    sentence = "The participants discussed the reform of the organization with the officials in detail. "
    paragraph = sentence * 50 + "It ended"
    pdf = _PagedPdf()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for _ in range(4):
        pdf.multi_cell(0, 5, paragraph)
        pdf.ln(5)
        pdf.multi_cell(0, 5, "well.")
        pdf.ln(5)
    path = tmp_path / "paged.pdf"
    pdf.output(str(path))
    document = read_report(path)
    assert pdf.page_no() >= 3
    assert "Consolidated Report of the Dialogue" not in document.text
    assert "Page 2" not in document.text
    texts = [re.sub(r"\s+", " ", b.span.text(document.text)) for b in document.blocks]
    assert texts == [re.sub(r"\s+", " ", paragraph + " well.")] * 4


def test_windows_line_endings_give_the_same_blocks(tmp_path: Path) -> None:
    text = "Session 1: Opening\n\nThe Director said that the\n\nmeeting was open.\n"
    unix = split_blocks(text)
    windows_text = text.replace("\n", "\r\n")
    windows = split_blocks(windows_text)
    assert [b.kind for b in windows] == [b.kind for b in unix] == [BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert [re.sub(r"\s+", " ", b.span.text(windows_text)) for b in windows] == [
        re.sub(r"\s+", " ", b.span.text(text)) for b in unix
    ]


_LINE = st.text(alphabet=st.sampled_from("aAbB .,-¹•\t"), min_size=0, max_size=30)


@given(st.lists(_LINE, max_size=25))
def test_blocks_are_ordered_disjoint_and_cover_every_non_blank_character(lines: list[str]) -> None:
    text = "\n".join(lines)
    blocks = split_blocks(text)
    covered: set[int] = set()
    previous_end = 0
    for block in blocks:
        assert previous_end <= block.span.start < block.span.end <= len(text)
        assert block.span.text(text) == block.span.text(text).strip()
        covered.update(range(block.span.start, block.span.end))
        previous_end = block.span.end
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered


def test_caption_at_a_page_break_inside_a_sentence_stays_a_caption() -> None:
    text = (
        "Mr. Novak replied that the lessons learned on\n\nParticipants of the dialogue\n\n"
        "the financing of programmes should be shared.\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.PARAGRAPH]
    assert [b.continues_previous for b in blocks] == [False, False, True]


def test_name_and_post_cut_by_a_caption_is_the_start_of_the_resumed_sentence() -> None:
    text = (
        "Professor Kim, Professor Emeritus, Coastal University of Law\n\n\nParticipants of the dialogue\n\n\n"
        "and Politics, thanked Mr. Sato for the presentation.\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.CAPTION, BlockKind.PARAGRAPH]
    assert blocks[2].continues_previous


def test_synthetic_reports_keep_every_statement_in_prose_and_captions_apart() -> None:
    from unkg.synth import generate_report

    for seed in range(12):
        report = generate_report(seed)
        blocks = split_blocks(report.text)
        for statement in report.gold.statements:
            start = report.text.find(statement.anchor)
            kind = next(b.kind for b in blocks if b.span.start <= start < b.span.end)
            assert kind in (BlockKind.PARAGRAPH, BlockKind.BULLET), (seed, statement.anchor)
        captions = [b for b in blocks if "Participants of the dialogue" in b.span.text(report.text)]
        assert all(b.kind is BlockKind.CAPTION for b in captions)


@pytest.mark.parametrize("report", [GENEVA, ACUNS], ids=lambda p: p.stem)
def test_pdf_and_docx_versions_of_a_report_give_the_people_of_its_text_version(
    report: Path, tmp_path: Path
) -> None:
    from unkg.extract import extract

    paragraphs = _latin1_paragraphs(report)
    (tmp_path / "r.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    _write_pdf(paragraphs, tmp_path / "r.pdf")
    _write_docx(paragraphs, tmp_path / "r.docx")

    def people(path: Path) -> list[tuple[str, str]]:
        return sorted((p.key, p.name) for p in extract(read_report(path)).people)

    expected = people(tmp_path / "r.txt")
    assert len(expected) >= 5
    assert people(tmp_path / "r.pdf") == expected
    assert people(tmp_path / "r.docx") == expected

"""Report readers: a .txt, .md, .pdf or .docx file -> :class:`unkg.model.Document` with layout blocks.

The text of a plain-text report is the file's content unchanged (only a leading UTF-8 byte
order mark is dropped), so every character offset points into the original file. PDF and
Word files are rendered to the same shape: one paragraph per stretch of text, paragraphs
separated by a blank line, wrapped lines of a PDF joined.

Blocks are cut at blank lines and then repaired and classified (:func:`split_blocks`):

* page-break repair: a paragraph that stops mid-sentence (no ``.``/``!``/``?`` at its end)
  and a following one that starts in lower case, or a hyphenated break ("UN-" / "led"), or a
  long narrative paragraph broken before a capitalised word ("the United" / "Nations, ..."),
  are one block;
* ``FOOTNOTE``: a line starting with a superscript number ("¹ As of presentation ...");
* ``BULLET``: a line starting with a list marker ("- ", "• ", "2. ");
* ``HEADING``: "Day 1: ...", "Session 4: ...", "Tuesday 3 September", "Presentation by ...",
  short numbered titles ("2. Changing Policy Environments"), the title lines before the first
  narrative paragraph, and other short capitalised lines without a verb;
* ``CAPTION``: a photo caption: a line that lists people with their posts
  ("Ms. X, Director, Y Division, and Professor Z, W University") - it names people (honorifics or
  post words), has almost no lower-case content words and no finite verb;
* ``PARAGRAPH``: everything else. A paragraph cut by a footnote or caption placed at a page
  break is flagged ``continues_previous``.

The cue words (honorifics, post words, finite verbs ...) live in ``data/layout_cues.yaml``.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unkg.errors import ReportError
from unkg.model import Block, BlockKind, Document, Span

SUPPORTED_SUFFIXES = (".docx", ".md", ".pdf", ".txt")

_FOOTNOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
# "- item", "• item", "* item" (not "**bold**"), "2. item", "(a) item", "b) item"
_BULLET_MARK = re.compile(r"(?:[-•◦▪‣–—·]|\*(?!\*))\s+|\(?(?:\d{1,2}|[a-z])[.)]\s+")
_NUMBERED = re.compile(r"\(?(?:\d{1,2}|[a-z])[.)]\s+")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_ABBREVIATION_END = re.compile(r"(?:[A-Za-z]\.){2,}[\"'”’)*]*$")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s+of\s+\d{1,4})?", re.IGNORECASE)
# A text ending in a word that cannot end a sentence: "... In 1947, the" / "UN General Assembly ..."
_OPEN_WORD_END = re.compile(
    r"\b(?:the|a|an|of|and|or|to|in|for|with|by|on|at|from|that|as|its|their|his|her)$"
)
_CLOSERS = "\"'”’)]*_»"
_OPENERS = "\"'“‘«"


# ----- reading files ------------------------------------------------------------------------


def read_report(path: Path) -> Document:
    """Read a report file into a :class:`Document`; raise :class:`ReportError` naming the file if it can't.

    Supported: UTF-8 ``.txt`` and ``.md``, ``.pdf`` with a text layer, ``.docx``.
    """
    path = Path(path)
    data = _read_bytes(path)
    reader = _READERS[path.suffix.lower()]
    text = reader(path, data)
    if not text.strip():
        raise ReportError(path, "no text found (the file holds only whitespace)")
    return Document(
        path=path,
        report_id=path.stem,
        text=text,
        blocks=split_blocks(text),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _read_bytes(path: Path) -> bytes:
    """The file's bytes after the checks every format shares: exists, is a file, known suffix, not empty."""
    if not path.exists():
        raise ReportError(path, "no such file")
    if path.is_dir():
        raise ReportError(path, "is a directory, expected a report file (" + _supported() + ")")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        shown = path.suffix or "(none)"
        raise ReportError(path, f"unsupported file type {shown}; supported: {_supported()}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReportError(path, f"cannot be read ({error.strerror or error})") from error
    if not data:
        raise ReportError(path, "empty file")
    return data


def _supported() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)


def _plain_text(path: Path, data: bytes) -> str:
    """UTF-8 text exactly as stored (minus a byte order mark); binary or mis-encoded files are refused."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReportError(path, f"binary content (NUL byte at byte offset {nul}), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportError(
            path,
            f"not UTF-8 text: invalid byte 0x{data[error.start]:02x} at byte offset {error.start}"
            " (save the file as UTF-8)",
        ) from error
    return text.removeprefix("\ufeff")


def _pdf_text(path: Path, data: bytes) -> str:
    """The text layer of a PDF, one paragraph per blank-line separated stretch."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [_page_lines(page) for page in reader.pages]
    except Exception as error:  # pypdf raises many exception types on damaged files
        raise ReportError(path, f"not a readable PDF ({type(error).__name__}: {error})") from error
    pages = _without_running_lines(pages)
    paragraphs = [_join_wrapped(run) for lines in pages for run in _pdf_runs(lines)]
    if not paragraphs:
        raise ReportError(path, "PDF has no text layer (scanned images?); run OCR on it first")
    return "\n\n".join(paragraphs)


def _page_lines(page: object) -> list[str]:
    """Lines of one PDF page from pypdf's layout mode (which renders vertical gaps as blank lines),
    spaces collapsed and page numbers dropped."""
    extract: Callable[..., str] = page.extract_text  # type: ignore[attr-defined]
    try:
        raw = extract(extraction_mode="layout")
    except Exception:  # layout mode fails on some odd pages; plain mode still gives the words
        raw = extract()
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    return [line for line in lines if not _PAGE_NUMBER.fullmatch(line)]


def _edge_lines(lines: Sequence[str]) -> list[str]:
    """The first and last non-blank line of a page, digits masked ("Report 2019 - page 3" -> "Report #")."""
    content = [line for line in lines if line]
    edges = content[:1] + content[-1:] if len(content) > 1 else content
    return [re.sub(r"\d+", "#", line) for line in edges]


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without running headers and footers: an edge line repeated on at least half of 3+ pages."""
    if len(pages) < 3:
        return pages
    counts: dict[str, int] = {}
    for lines in pages:
        for edge in set(_edge_lines(lines)):
            counts[edge] = counts.get(edge, 0) + 1
    running = {edge for edge, count in counts.items() if count >= max(3, len(pages) // 2)}
    if not running:
        return pages
    cleaned = []
    for lines in pages:
        edges = set(_edge_lines(lines)) & running
        cleaned.append([line for line in lines if re.sub(r"\d+", "#", line) not in edges])
    return cleaned


def _pdf_runs(lines: Sequence[str]) -> Iterator[list[str]]:
    """Groups of wrapped lines forming one paragraph: split at blank lines, list/footnote markers,
    and after a clearly short line that ends a sentence (pages without blank lines between paragraphs)."""
    width = max((len(line) for line in lines), default=0)
    run: list[str] = []
    for line in lines:
        if not line:
            if run:
                yield run
            run = []
            continue
        if run and (_BULLET_MARK.match(line) or _FOOTNOTE_MARK.match(line)):
            yield run
            run = []
        run.append(line)
        if _ends_sentence(line) and len(line) < 0.7 * width:
            yield run
            run = []
    if run:
        yield run


def _join_wrapped(lines: Sequence[str]) -> str:
    """Wrapped lines as one line; a line ending in a hyphen joins the next without a space."""
    joined = lines[0]
    for line in lines[1:]:
        joined += line if re.search(r"\w-$", joined) else " " + line
    return joined


def _docx_text(path: Path, data: bytes) -> str:
    """Paragraphs (and table cells) of a Word file in document order, separated by blank lines."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zipfile, lxml and KeyError failures alike
        raise ReportError(
            path, f"not a readable Word (.docx) file ({type(error).__name__}: {error})"
        ) from error
    paragraphs: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            paragraphs.extend(_docx_paragraph(p) for cell in _unique_cells(item) for p in cell.paragraphs)
        else:
            paragraphs.append(_docx_paragraph(item))
    return "\n\n".join(p for p in paragraphs if p.strip())


def _unique_cells(table: Any) -> list[Any]:
    """Cells of a table once each (merged cells appear repeatedly in python-docx rows)."""
    seen: set[int] = set()
    cells = []
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell)
    return cells


def _docx_paragraph(paragraph: object) -> str:
    """A paragraph's text with tabs as spaces; list-styled paragraphs get a "- " marker."""
    text: str = paragraph.text.replace("\t", " ").strip()  # type: ignore[attr-defined]
    style = getattr(getattr(paragraph, "style", None), "name", "") or ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None  # type: ignore[attr-defined]
    if text and (style.startswith("List") or numbered) and not _BULLET_MARK.match(text):
        text = "- " + text
    return text


_READERS: dict[str, Callable[[Path, bytes], str]] = {
    ".txt": _plain_text,
    ".md": _plain_text,
    ".pdf": _pdf_text,
    ".docx": _docx_text,
}


# ----- layout cues --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    """Word lists of data/layout_cues.yaml, lower-cased."""

    honorifics: frozenset[str]
    post_words: frozenset[str]
    function_words: frozenset[str]
    finite_verbs: frozenset[str]
    not_verbs: frozenset[str]
    heading_start: re.Pattern[str]
    numbered_heading: re.Pattern[str]
    date_heading: re.Pattern[str]


@functools.cache
def _cues() -> _Cues:
    # Imported here so that importing unkg.document never imports the unkg.extract package
    # (whose __init__ may import this module: no import cycle).
    from unkg.extract.reference import layout_cues, word_list

    cues = layout_cues()
    starts = sorted(word_list(cues, "heading_starts"), key=len, reverse=True)
    weekdays = "|".join(sorted(word_list(cues, "weekdays")))
    months = "|".join(sorted(word_list(cues, "months")))
    phrases = "|".join(re.escape(s) for s in starts)
    return _Cues(
        honorifics=frozenset(h.rstrip(".") for h in word_list(cues, "honorifics")),
        post_words=word_list(cues, "post_words"),
        function_words=word_list(cues, "caption_function_words"),
        finite_verbs=word_list(cues, "finite_verbs"),
        not_verbs=word_list(cues, "not_verbs_ending_ed"),
        heading_start=re.compile(rf"(?:#{{1,6}}\s|(?:{phrases})\b)", re.IGNORECASE),
        numbered_heading=re.compile(r"(?:day|session|panel|part)\s+\d+\b", re.IGNORECASE),
        date_heading=re.compile(
            rf"(?:{weekdays}),?\s+(?:\d{{1,2}}\s+(?:{months})|(?:{months})\s+\d{{1,2}})\b", re.IGNORECASE
        ),
    )


def _words(text: str) -> list[str]:
    return [w.rstrip(".'’-") or w for w in _WORD.findall(text)]


def _has_finite_verb(text: str, *, past_participles: bool = True) -> bool:
    """Whether a lower-case word of the text is a finite verb ("is", "asks", and words in -ed such as
    "noted" unless ``past_participles`` is False, for headings like "Working Lunch hosted by ...")."""
    cues = _cues()
    for word in _words(text):
        if not word[0].islower():
            continue
        lower = word.lower()
        if lower in cues.finite_verbs:
            return True
        if (
            past_participles
            and lower.endswith("ed")
            and len(lower) > 3
            and "-" not in lower
            and lower not in cues.not_verbs
        ):
            return True
    return False


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _is_narrative(text: str) -> bool:
    """A stretch of running prose: long enough, with a finite verb or many lower-case words."""
    if len(text) < 80:
        return False
    words = _words(text)
    return _has_finite_verb(text) or len(_lowercase_content_words(text)) >= 0.3 * len(words)


def _lowercase_content_words(text: str) -> list[str]:
    cues = _cues()
    return [w for w in _words(text) if w[0].islower() and w.lower() not in cues.function_words]


def _names_people(text: str) -> bool:
    """Whether the text has an honorific or a post word ("Ms.", "Director", "Participants")."""
    cues = _cues()
    for word in _words(text):
        lower = word.lower().rstrip(".")
        parts = lower.split("-")
        if lower in cues.honorifics or lower in cues.post_words or any(p in cues.post_words for p in parts):
            return True
    return "ph.d" in text.lower()


def _is_caption(text: str) -> bool:
    """A photo caption: people with posts, comma-separated, no finite verb, few lower-case words."""
    stripped = text.strip()
    if stripped[:1] in _OPENERS or _has_finite_verb(stripped):
        return False
    if _ends_sentence(stripped) and not _ABBREVIATION_END.search(stripped):
        return False
    words = _words(stripped)
    if not words or len(words) > 80:
        return False
    lowercase = _lowercase_content_words(stripped)
    return len(lowercase) <= max(2, len(words) // 5) and _names_people(stripped)


def _is_title(text: str, *, lowercase_words: int = 0) -> bool:
    """A short capitalised line without a verb or final full stop: "Tuesday 3 September"."""
    words = _words(text)
    return (
        0 < len(words) <= 15
        and not _ends_sentence(text)
        and not _has_finite_verb(text)
        and len(_lowercase_content_words(text)) <= lowercase_words
        and not text.rstrip().endswith(",")
        and "\n" not in text.strip()
    )


# ----- blocks -------------------------------------------------------------------------------


@dataclass
class _Unit:
    """A stretch of text between blank lines (or a marked line), before repair and classification."""

    start: int
    end: int
    marker: BlockKind | None
    resumed: bool = False  # a later unit resumes its sentence after a caption or footnote


def split_blocks(text: str) -> tuple[Block, ...]:
    """Blocks of a document text: paragraphs split at blank lines, repaired across page breaks, classified."""
    units = _merge_page_breaks(text, list(_raw_units(text)))
    kinds = _classify(text, units)
    blocks = []
    for index, (unit, kind) in enumerate(zip(units, kinds, strict=True)):
        continues = _continues_across_interruption(text, units, kinds, index)
        blocks.append(Block(span=Span(unit.start, unit.end), kind=kind, continues_previous=continues))
    return tuple(blocks)


def _line_marker(line: str) -> BlockKind | None:
    cues = _cues()
    if _FOOTNOTE_MARK.match(line):
        return BlockKind.FOOTNOTE
    if line.startswith("#") and re.match(r"#{1,6}\s", line):
        return BlockKind.HEADING
    if cues.numbered_heading.match(line) and not _has_finite_verb(line, past_participles=False):
        return BlockKind.HEADING
    if (cues.heading_start.match(line) or cues.date_heading.match(line)) and not _has_finite_verb(line):
        return BlockKind.HEADING
    if _BULLET_MARK.match(line):
        return BlockKind.BULLET
    return None


def _raw_units(text: str) -> Iterator[_Unit]:
    """Stretches of non-blank lines; a marked line (bullet, footnote, heading) starts its own unit."""
    offset = 0
    current: _Unit | None = None
    for line in text.splitlines(keepends=True):
        content = line.strip()
        line_start = offset + (len(line) - len(line.lstrip()))
        line_end = line_start + len(content)
        offset += len(line)
        if not content:
            if current:
                yield current
            current = None
            continue
        marker = _line_marker(content)
        if current is None or marker is not None or current.marker is BlockKind.HEADING:
            if current:
                yield current
            current = _Unit(line_start, line_end, marker)
        else:
            current.end = line_end
    if current:
        yield current


def _merge_page_breaks(text: str, units: list[_Unit]) -> list[_Unit]:
    """Join units that one sentence spans across a page break."""
    merged: list[_Unit] = []
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if merged and _continues(text, merged[-1], unit) and _resumes_before_caption(text, merged, unit):
            merged[-2].resumed = True
            merged.append(unit)
        elif merged and _continues(text, merged[-1], unit) and not _interrupts(text, unit, following):
            merged[-1] = _Unit(merged[-1].start, unit.end, merged[-1].marker, merged[-1].resumed)
        else:
            merged.append(unit)
    return merged


def _interrupts(text: str, unit: _Unit, following: _Unit | None) -> bool:
    """A caption placed at a page break inside a sentence: caption-like, and the next unit starts
    in lower case ("... learned on" / "Participants of the dialogue" / "the financing of ...")."""
    if following is None or not _text_of(text, following)[:1].islower():
        return False
    return unit.marker is None and _is_caption(_text_of(text, unit))


def _resumes_before_caption(text: str, merged: Sequence[_Unit], unit: _Unit) -> bool:
    """Whether ``unit`` resumes the open paragraph before a caption that stands between them.

    "... by presenting the work" / "Participants of the dialogue" / "of FAO. He observed ...":
    the last line continues the first, not the caption placed at the page break.
    """
    if len(merged) < 2 or not _is_caption(_text_of(text, merged[-1])):
        return False
    before = _text_of(text, merged[-2])
    if merged[-2].marker is BlockKind.HEADING or _ends_sentence(before):
        return False
    # An open caption-like start ("Professor X, Professor Emeritus, Coastal University of Law") is
    # the start of the sentence when what resumes after the caption has a verb ("and Politics, thanked").
    return not _is_caption(before) or _has_finite_verb(_text_of(text, unit))


def _text_of(text: str, unit: _Unit) -> str:
    return text[unit.start : unit.end]


def _continues(text: str, previous: _Unit, unit: _Unit) -> bool:
    """Whether ``unit`` continues the sentence ``previous`` leaves open."""
    if previous.marker is BlockKind.FOOTNOTE or unit.marker in (BlockKind.FOOTNOTE, BlockKind.HEADING):
        return False
    before = text[previous.start : previous.end]
    after = text[unit.start : unit.end]
    if _ends_sentence(before):
        return False
    if unit.marker is BlockKind.BULLET:
        # "... reduce the timeline" / "- and support hiring managers": a list marker that a
        # conversion put before the rest of a sentence.
        return _BULLET_MARK.sub("", after, count=1)[:1].islower()
    first = after[:1]
    if re.search(r"\w-$", before) and first.isalpha():
        return True
    if first.islower() or _OPEN_WORD_END.search(before):
        return True
    if previous.marker is BlockKind.HEADING:
        return before.endswith(",")
    # A capitalised line after open prose continues it, unless it is a photo caption.
    return (first.isupper() or first.isdigit()) and _is_narrative(before) and not _is_caption(after)


def _classify(text: str, units: Sequence[_Unit]) -> list[BlockKind]:
    kinds: list[BlockKind] = []
    seen_paragraph = False
    for unit in units:
        kind = _kind(text[unit.start : unit.end], unit.marker, before_first_paragraph=not seen_paragraph)
        if unit.resumed and unit.marker is None:
            kind = BlockKind.PARAGRAPH
        seen_paragraph = seen_paragraph or kind is BlockKind.PARAGRAPH
        kinds.append(kind)
    return kinds


def _kind(block_text: str, marker: BlockKind | None, *, before_first_paragraph: bool) -> BlockKind:
    if marker is BlockKind.BULLET:
        title = _NUMBERED.sub("", block_text, count=1)
        numbered_title = _NUMBERED.match(block_text) and _is_title(title, lowercase_words=2)
        return BlockKind.HEADING if numbered_title else BlockKind.BULLET
    if marker is not None:
        return marker
    if before_first_paragraph and not _has_finite_verb(block_text):
        return BlockKind.HEADING  # title lines of the report
    if _is_caption(block_text):
        return BlockKind.CAPTION
    if _is_title(block_text):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _continues_across_interruption(
    text: str, units: Sequence[_Unit], kinds: Sequence[BlockKind], index: int
) -> bool:
    """A paragraph that resumes a sentence after a footnote or caption placed at a page break."""
    if kinds[index] not in (BlockKind.PARAGRAPH, BlockKind.BULLET) or index == 0:
        return False
    interruptions = (BlockKind.FOOTNOTE, BlockKind.CAPTION)
    previous = index - 1
    while previous >= 0 and kinds[previous] in interruptions:
        previous -= 1
    if (
        previous == index - 1
        or previous < 0
        or kinds[previous] not in (BlockKind.PARAGRAPH, BlockKind.BULLET)
    ):
        return False
    before = text[units[previous].start : units[previous].end]
    first = text[units[index].start : units[index].start + 1]
    return not _ends_sentence(before) and (first.islower() or bool(re.search(r"\w-$", before)))

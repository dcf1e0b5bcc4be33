"""The layout of a report: event title, dates and place; days; sessions; which block is prose.

Works on the blocks :func:`unkg.document.read_report` gives (already classified as heading,
caption, paragraph ... and repaired across page breaks) and adds what extraction needs:

* the event: title lines before the first day or session heading, the date range
  ("2-4 September 2019", "June 21 and 22, 2023") and the place written after it;
* days ("Day 1: Monday, 2 September", "Tuesday 3 September") giving each session its date;
* sessions ("Session 5: Visit to WIPO", "Session 3 Visit to WHO", "Summary Record Session 1 ...",
  an "Opening Session" numbered 0) with the organization they visit as host;
* units: every block with the session it belongs to, and prose passages joined where a sentence
  runs on past a footnote or a page break ("... WIPO also deals with" / "cases regarding ...").

A report without recognisable sessions still gets units (session ``None``), so people and
statements are extracted all the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from unkg.model import Block, BlockKind, Document, Event, Session, Span

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
}
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# "2-4 September 2019", "2 – 4 September 2019"
_RANGE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})")
# "June 21 and 22, 2023", "June 21-22, 2023"
_RANGE_MONTH_FIRST = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})\s*(?:and|to|[-–])\s*(\d{{1,2}}),?\s+(\d{{4}})")
# "30 September - 2 October 2019"
_RANGE_TWO_MONTHS = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s*[-–]\s*(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})")
# "2 September 2019", "September 2, 2019"
_SINGLE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})")
_SINGLE_MONTH_FIRST = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})")

# A day heading: "Day 1: Monday, 2 September", "Tuesday 3 September", "Wednesday, 4 September 2019",
# "Day 2: Tuesday, September 3"
_DAY_HEADING = re.compile(
    rf"^(?:Day\s+\d+\s*[:.–-]?\s*)?{_WEEKDAY},?\s+(?:(\d{{1,2}})\s+({_MONTH})|({_MONTH})\s+(\d{{1,2}}))"
    rf"(?:,?\s+(\d{{4}}))?\s*"
)
# "Session 5: Visit to WIPO", "Session 3 Visit to WHO", "Summary Record Session 1 Asian ..."
_SESSION_HEADING = re.compile(r"\bSession\s+(\d{1,3})\b\s*[:.–-]?\s*", re.IGNORECASE)
# "Opening Session with Ms. ...", "Closing Session"
_OPENING_SESSION = re.compile(r"\b(Opening|Inaugural)\s+Session\b", re.IGNORECASE)
_CLOSING_SESSION = re.compile(r"\bClosing\s+Session\b", re.IGNORECASE)
# Words that introduce a report's title rather than the meeting's: "Consolidated Report of ..."
_TITLE_PREFIX = re.compile(
    r"^(?:(?:Consolidated|Final|Summary|Draft)\s+)?(?:Report|Record|Summary)(?:\s+(?:of|on)(?:\s+the)?)?\s+",
    re.IGNORECASE,
)
# Host of a session named in its title: "Visit to WHO", "hosted by the Ambassador of Korea", "(at WTO)"
_HOST_CUE = re.compile(r"\b(?:Visit\s+to|visit\s+to|hosted\s+by|at|with)\s+(?:the\s+)?", re.IGNORECASE)
# A place in brackets after a session title: "Visit to OHCHR (Palais Wilson)"
_PLACE_IN_BRACKETS = re.compile(r"\(([^()]*?)\)\s*$")
# "... issues at Maison de la paix" (not "Office at Geneva", where "at" belongs to a name)
_PLACE_AFTER_AT = re.compile(r"\b[a-z]+\s+at\s+([A-Z][^()]*?)\s*$")

PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.BULLET})
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]*]*\s*$")


@dataclass(frozen=True)
class Unit:
    """A block of the report with the session it belongs to (``None`` before any session)."""

    span: Span
    kind: BlockKind
    session: int | None
    is_session_heading: bool = False


@dataclass(frozen=True)
class Passage:
    """Prose that reads as one paragraph: one block, or blocks a sentence runs across."""

    span: Span
    session: int | None
    parts: tuple[Span, ...]


@dataclass(frozen=True)
class Layout:
    """Everything :func:`read_layout` finds: the event, sessions, units and prose passages."""

    text: str  # the document text with decoration neutralised (same length, same offsets)
    event: Event
    sessions: tuple[Session, ...]
    units: tuple[Unit, ...]
    passages: tuple[Passage, ...]


HostFinder = Callable[[str, int], str | None]


def clean_text(text: str) -> str:
    """The text with markup and typographic variants neutralised, keeping every offset.

    "**Professor HASEGAWA Sukehiro**" -> "  Professor HASEGAWA Sukehiro  ", curly quotes -> straight,
    and a single line break inside a paragraph (hard-wrapped text) -> a space.
    """
    table = str.maketrans(
        {"*": " ", "_": " ", "’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\t": " "}
    )
    return re.sub(r"(?<=\S)[ ]*\n[ ]*(?=\S)", lambda m: " " * len(m.group()), text.translate(table))


def read_layout(document: Document, find_host: HostFinder | None = None) -> Layout:
    """Event, sessions and units of a document; ``find_host(title, offset)`` names a session's host."""
    text = clean_text(document.text)
    blocks = document.blocks or _fallback_blocks(text)
    event = find_event(text, blocks, fallback_title=document.report_id)
    year = int(event.start_date[:4]) if event.start_date else None
    sessions: list[Session] = []
    units: list[Unit] = []
    current_date: str | None = event.start_date if event.start_date == event.end_date else None
    current_session: int | None = None
    for block in blocks:
        block_text = text[block.span.start : block.span.end]
        if block.kind is BlockKind.HEADING or _looks_like_heading(block_text):
            day = parse_day_heading(block_text, year)
            if day is not None:
                current_date = day
            session = parse_session_heading(block_text, block.span, current_date, sessions, find_host)
            if session is not None:
                sessions.append(session)
                current_session = session.number
                units.append(Unit(block.span, BlockKind.HEADING, current_session, is_session_heading=True))
                continue
        units.append(Unit(block.span, block.kind, current_session))
    return Layout(text, event, tuple(sessions), tuple(units), tuple(join_passages(text, units)))


def _looks_like_heading(block_text: str) -> bool:
    """A short block starting like a day or session heading, whatever the reader called it."""
    stripped = block_text.strip()
    return len(stripped) < 300 and bool(_DAY_HEADING.match(stripped) or re.match(r"Session\s+\d", stripped))


def _fallback_blocks(text: str) -> tuple[Block, ...]:
    """Blocks cut at blank lines, all paragraphs: used only for a document built without blocks."""
    blocks = []
    for match in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        blocks.append(Block(Span(match.start(), match.end())))
    return tuple(blocks)


# ----- event ----------------------------------------------------------------------------------


def find_event(text: str, blocks: Sequence[Block], fallback_title: str = "") -> Event:
    """Title, dates and place from the blocks before the first day, session or narrative paragraph;
    ``fallback_title`` (the report id) when the report opens with narrative."""
    head: list[Block] = []
    for block in blocks:
        block_text = text[block.span.start : block.span.end].strip()
        if _DAY_HEADING.match(block_text) or _SESSION_HEADING.match(block_text):
            break
        if block.kind is not BlockKind.HEADING and not parse_date_range(block_text):
            break  # the first narrative paragraph: the title lines are over (or there are none)
        head.append(block)
        if len(head) >= 4:
            break
    if not head:
        return Event(title=fallback_title, span=Span(0, 0))
    title_parts: list[str] = []
    start_date = end_date = place = None
    for block in head:
        block_text = " ".join(text[block.span.start : block.span.end].split())
        dates = parse_date_range(block_text)
        if dates is None:
            title_parts.append(block_text)
            continue
        start_date, end_date, (before, after) = dates
        if before.strip():
            title_parts.append(before.strip())
        place = after.strip(" ,") or None
        break
    title = _TITLE_PREFIX.sub("", " ".join(title_parts).strip())
    title = re.sub(r"^Session\s+\d+.*$", "", title).strip() or " ".join(title_parts)
    span = Span(head[0].span.start, head[-1].span.end)
    return Event(title=title, span=span, start_date=start_date, end_date=end_date, place=place)


def parse_date_range(text: str) -> tuple[str, str, tuple[str, str]] | None:
    """(start ISO date, end ISO date, (text before, text after)) of the first date or date range."""
    match = _RANGE_TWO_MONTHS.search(text)
    if match:
        d1, m1, d2, m2, year = match.groups()
        return _iso(year, m1, d1), _iso(year, m2, d2), _around(text, match)
    match = _RANGE_DAY_FIRST.search(text)
    if match:
        d1, d2, month, year = match.groups()
        return _iso(year, month, d1), _iso(year, month, d2), _around(text, match)
    match = _RANGE_MONTH_FIRST.search(text)
    if match:
        month, d1, d2, year = match.groups()
        return _iso(year, month, d1), _iso(year, month, d2), _around(text, match)
    match = _SINGLE_DAY_FIRST.search(text)
    if match:
        day, month, year = match.groups()
        return _iso(year, month, day), _iso(year, month, day), _around(text, match)
    match = _SINGLE_MONTH_FIRST.search(text)
    if match:
        month, day, year = match.groups()
        return _iso(year, month, day), _iso(year, month, day), _around(text, match)
    return None


def _around(text: str, match: re.Match[str]) -> tuple[str, str]:
    return text[: match.start()], text[match.end() :]


def _iso(year: str | int, month: str, day: str) -> str:
    return f"{int(year):04d}-{MONTHS[month]:02d}-{int(day):02d}"


# ----- days and sessions ------------------------------------------------------------------------


def parse_day_heading(text: str, year: int | None) -> str | None:
    """ISO date of a day heading ("Day 1: Monday, 2 September"), ``None`` when not one or no year."""
    match = _DAY_HEADING.match(text.strip())
    if not match:
        return None
    day, month, month2, day2, written_year = match.groups()
    year_value = int(written_year) if written_year else year
    if year_value is None:
        return None
    return _iso(year_value, month or month2, day or day2)


def parse_session_heading(
    text: str,
    span: Span,
    date: str | None,
    earlier: Sequence[Session],
    find_host: HostFinder | None,
) -> Session | None:
    """A session from a heading block, or ``None`` when the heading names no session."""
    flat = " ".join(text.split())
    number: int | None = None
    title = ""
    match = _SESSION_HEADING.search(flat)
    opening = _OPENING_SESSION.search(flat)
    if match and (not opening or match.start() < opening.start()):
        number = int(match.group(1))
        title = flat[match.end() :].strip()
    elif opening:
        number = 0
        title = flat[opening.start() :].strip()
    elif _CLOSING_SESSION.search(flat):
        number = max((s.number for s in earlier), default=0) + 1
        title = flat[_CLOSING_SESSION.search(flat).start() :].strip()  # type: ignore[union-attr]
    if number is None or any(s.number == number for s in earlier):
        return None
    title = title or f"Session {number}"
    host = find_host(title, span.start) if find_host else None
    return Session(number=number, title=title, span=span, date=date, host=host, place=session_place(title))


def host_phrase(title: str) -> str:
    """The part of a session title that names its host: "Visit to WIPO" -> "WIPO"."""
    match = _HOST_CUE.search(title)
    return title[match.end() :] if match else title


def session_place(title: str) -> str | None:
    """A place a session title names: "Visit to OHCHR (Palais Wilson)", "... at Maison de la paix"."""
    match = _PLACE_IN_BRACKETS.search(title)
    if match and not match.group(1).lower().startswith("at "):
        inner = match.group(1).strip()
        return inner or None
    match = _PLACE_AFTER_AT.search(title)
    return match.group(1) if match else None


# ----- prose passages -------------------------------------------------------------------------


def join_passages(text: str, units: Sequence[Unit]) -> list[Passage]:
    """Prose units as passages, joining a unit that stops mid-sentence with the next prose unit
    that starts in lower case (a footnote or caption may sit between them)."""
    passages: list[Passage] = []
    open_passage: list[Unit] = []
    for unit in units:
        if unit.kind not in PROSE_KINDS:
            continue
        unit_text = text[unit.span.start : unit.span.end].strip()
        if open_passage and _continues(text, open_passage[-1], unit_text):
            open_passage.append(unit)
        else:
            if open_passage:
                passages.append(_passage(open_passage))
            open_passage = [unit]
    if open_passage:
        passages.append(_passage(open_passage))
    return passages


def _continues(text: str, previous: Unit, unit_text: str) -> bool:
    previous_text = text[previous.span.start : previous.span.end].rstrip()
    return not _SENTENCE_END.search(previous_text) and unit_text[:1].islower()


def _passage(units: Sequence[Unit]) -> Passage:
    return Passage(
        span=Span(units[0].span.start, units[-1].span.end),
        session=units[0].session,
        parts=tuple(unit.span for unit in units),
    )

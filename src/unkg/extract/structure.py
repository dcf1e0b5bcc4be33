"""The layout of a report: event title, dates and place; days; sessions; which block is prose.

Works on the blocks :func:`unkg.document.read_report` gives (already classified as heading,
caption, paragraph ... and repaired across page breaks) and adds what extraction needs:

* the event: title lines before the first day or session heading, the date range
  ("2-4 September 2019", "June 21 and 22, 2023") and the place written after it;
* days ("Day 1: Monday, 2 September", "Tuesday 3 September", "DAY ONE — Tuesday 8 September")
  giving each session its date, from above or from a day line right below the session heading;
* sessions ("Session 5: Visit to WIPO", "Session 3 Visit to WHO", "Summary Record Session 1 ...",
  "SESSION II — ...", "Session Three –", "First Session:", "Panel 2.", "Part II:", "Roundtable 1:",
  "Workshop 3 -", "III. Visit to ...", an "Opening Session" or an unnumbered opening heading numbered 0)
  with the organization they visit as host; a report's sessions are the headings of its most specific
  style (panels inside sessions are not sessions);
* units: every block with the session it belongs to, and prose passages joined where a sentence
  runs on past a footnote or a page break ("... WIPO also deals with" / "cases regarding ...").

A report without recognisable sessions still gets units (session ``None``), so people and
statements are extracted all the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from unkg.extract.reference import layout_cues, word_list
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

# Numbers written as words in headings: "DAY ONE", "Session Three", "First Session".
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
        start=1,
    )
}
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ],
        start=1,
    )
}
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# A heading number: "3", "II" (Roman numerals up to 39, in capitals only: "Session in ..." is no
# number, and "Session C" or "Part D" are letters), "Three"
_NUMBER = r"(\d{1,3}|(?-i:[IVX]{1,6})|" + "|".join(_NUMBER_WORDS) + r")"
_ORDINAL = "(" + "|".join(_ORDINAL_WORDS) + ")"
# Between a heading number and its title: "Session 3: ...", "SESSION II — ...", "Panel 2. ..."
_SEPARATOR = r"\s*(?:[:.,–—―-]+\s*)?"
# Hours between a heading number and its title: "Session 2 (14:00-15:30): Visit to ...",
# "Panel 3, 9.30 – 11.00 – Ports"
_TIME_BEFORE_TITLE = re.compile(
    r"^\(?\s*\d{1,2}[:.h]\d{2}\s*(?:[-–—]|to)\s*\d{1,2}[:.h]\d{2}\s*(?:hrs|h)?\s*\)?\s*[:.,–—―-]*\s*"
)
# Markdown heading marks a converted document may keep: "## Session 2"
_MARKDOWN = r"(?:#{1,6}\s*)?"

# A day heading: "Day 1: Monday, 2 September", "Tuesday 3 September", "Wednesday, 4 September 2019",
# "Day 2: Tuesday, September 3", "DAY ONE — Tuesday 8 September", "Day 2 (Wednesday, 4 September)",
# "Day Three: 10 September" (a weekday is needed when no "Day N" stands before the date)
_DAY_PREFIX = rf"Day\s+(?:\d{{1,2}}|(?-i:[IVX]{{1,4}})|{'|'.join(_NUMBER_WORDS)})\b\s*[:.,–—―-]*\s*\(?\s*"
_DAY_DATE = (
    rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b"
    rf"(?:,?\s+(\d{{4}}))?\)?\s*"
)
_DAY_HEADING = re.compile(
    rf"^{_MARKDOWN}(?:{_DAY_PREFIX}(?:{_WEEKDAY},?\s+)?|{_WEEKDAY},?\s+){_DAY_DATE}", re.IGNORECASE
)
# The weekday after the date: "4 September 2024 (Wednesday)", "September 4, Wednesday"
_DAY_HEADING_WEEKDAY_AFTER = re.compile(
    rf"^{_MARKDOWN}{_DAY_DATE}(?:\(\s*{_WEEKDAY}\s*\)|,\s*{_WEEKDAY}\b)", re.IGNORECASE
)
# "Session 5: Visit to WIPO", "Session 3 Visit to WHO", "Summary Record Session 1 Asian ...",
# "SESSION II — Meeting at ...", "Session Three – ..."
_SESSION_HEADING = re.compile(rf"\bSession\s+{_NUMBER}\b{_SEPARATOR}", re.IGNORECASE)
# "First Session: Visit to ...", "Second Panel – ..."
# "Second Roundtable: ..."
_ORDINAL_HEADING = re.compile(
    rf"^{_MARKDOWN}{_ORDINAL}\s+(Session|Panel|Part|Roundtable|Round\s+Table|Workshop|Segment)\b{_SEPARATOR}",
    re.IGNORECASE,
)
# "Panel 2. Title", "Part II: Title", "Roundtable 1: Title", "Workshop 3 - Title", "Segment 1: Title",
# "Visit 2: Title": only at the start, and followed by a separator, a capital or nothing (not the
# caption "Panel 4 speakers, from left: ...")
_PANEL_OR_PART_HEADING = re.compile(
    rf"^{_MARKDOWN}(Panel|Part|Roundtable|Round\s+Table|Workshop|Segment|Visit|Meeting|Webinar)\s+{_NUMBER}"
    rf"(?:\s*[:.,–—―-]+\s*|\s+(?=(?-i:[A-Z\"'(]))|\s*$)",
    re.IGNORECASE,
)
# "III. Visit to the ILO", "2) Meeting with ...": an enumerated heading is a session only when its
# title says that the group met someone (a list item "3. A path ahead" is not)
_ENUMERATED_HEADING = re.compile(r"^(?:#{1,6}\s*)?((?-i:[IVX]{1,6})|\d{1,2})[.)]\s+(?=[A-Z])")
_MEETING_TITLE = re.compile(
    r"\b(?:Visit|Meeting|Briefing|Dialogue|Exchange|Discussion|Lunch|Dinner|Reception)s?\s+"
    r"(?:to|with|at|by|in)\b|\bhosted\s+by\b",
    re.IGNORECASE,
)
# "Opening Session with Ms. ...", "Closing Session"
_OPENING_SESSION = re.compile(r"\b(Opening|Inaugural)\s+Session\b", re.IGNORECASE)
_CLOSING_SESSION = re.compile(r"\bClosing\s+Session\b", re.IGNORECASE)
# A session named by its time of day: "Morning session (10:30-12:30): Title", "Afternoon Session"
# (numbered in order after any opening, in a report whose sessions carry no numbers)
_DAYPART_SESSION = re.compile(r"^(?:Morning|Afternoon|Evening)\s+Session\b", re.IGNORECASE)
# An unnumbered opening heading before numbered sessions: "Opening of the Forum at ...",
# "Official Opening", "Opening Ceremony"
_UNNUMBERED_OPENING = re.compile(
    r"^(?:#{1,6}\s*)?(?:Official\s+|Formal\s+)?(?:Opening|Inaugural)\b", re.IGNORECASE
)
# Session heading styles from the most to the least specific; a report's sessions are the headings
# of its most specific style, so the "Panel" or "Part" headings of a report with "Session" headings
# (panels within sessions, parts grouping them) and its enumerated lists are not sessions.
# Roundtables and workshops are panels' kin: the sessions of a report without "Session" headings.
_STYLE_RANK = (
    "session",
    "panel",
    "roundtable",
    "workshop",
    "segment",
    "numbered visit",
    "webinar",
    "meeting",
    "part",
    "enumerated",
    "visit",
    "slot",
)
# Styles a report mixes in one numbering: a time slot heading and a heading that only names the
# organization visited ("14:30-16:00 | WHO", then "UNHCR" on the next day)
_LOOSE_STYLES = frozenset({"visit", "slot"})
# A heading that is only a time slot, or a slot and a title: "10:00 - 11:30", "14.00-15.30 | Meeting
# with WHO", "09:30 to 11:00: UNHCR" (numbered in order, as the report's last resort style)
_CLOCK = r"\d{1,2}(?:[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"  # "10:00", "9.30 a.m.", "2 pm"
_TIME_SLOT = re.compile(
    rf"^\(?\s*{_CLOCK}\s*(?:[-–—]|to)\s*{_CLOCK}\s*(?:hrs|h)?\s*\)?\s*[:.,|–—―-]*\s*", re.IGNORECASE
)
# Words that introduce a report's title rather than the meeting's: "Consolidated Report of ..."
_TITLE_PREFIX = re.compile(
    r"^(?:(?:Consolidated|Final|Summary|Draft)\s+)?(?:Report|Record|Summary)(?:\s+(?:of|on)(?:\s+the)?)?\s+",
    re.IGNORECASE,
)
# A session's first sentence saying where it was held: "The afternoon sessions took place at the
# Graduate Institute", "The session was held at the ILO", "The group was received at WIPO", "The
# delegation then visited the WMO"
HELD_AT = re.compile(
    r"\b(?:(?:took\s+place|(?:was|were)\s+(?:held|hosted|received|welcomed)|met)\s+(?:at|by|in)|visited)"
    r"\s+(?:the\s+)?"
)
# Host of a session named in its title: "Visit to WHO", "hosted by the Ambassador of Korea", "(at WTO)"
_HOST_CUE = re.compile(r"\b(?:Visit\s+to|visit\s+to|hosted\s+by|at|with)\s+(?:the\s+)?", re.IGNORECASE)
# "Briefing by OHCHR": an organization right after "by" (not "Presentation by Mr. X of ...")
_BY = re.compile(r"\bby\s+(?:the\s+)?")
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
    year = event_year(event)
    headings = [_session_heading_of(text, block, find_host) for block in blocks]
    headings = _introductions_opening(text, blocks, headings)
    style = next((s for s in _STYLE_RANK if any(h is not None and h.style == s for h in headings)), None)
    sessions: list[Session] = []
    units: list[Unit] = []
    current_date: str | None = event.start_date if event.start_date == event.end_date else None
    current_session: int | None = None
    for index, block in enumerate(blocks):
        block_text = text[block.span.start : block.span.end]
        if block.kind is BlockKind.HEADING or _looks_like_heading(block_text):
            day = parse_day_heading(block_text, year)
            if day is not None:
                current_date = day
                if _dates_session_above(units, headings, index, style):
                    # "Session 4: ..." then "Thursday, 27 June 2024": the day line dates the session above
                    sessions[-1] = replace(sessions[-1], date=day)
            heading = headings[index]
            number = _session_number(heading, style, sessions, block.span.start >= event.span.end)
            if heading is not None and number is not None:
                title = heading.title or f"Session {number}"
                host = _find_host(find_host, title, block.span.start)
                for part in heading.aside.split(","):  # "(hybrid, UN University, Tokyo)"
                    if host is None and part.strip():
                        host = _find_host(find_host, part.strip(), block.span.start)
                date = heading.date or current_date
                session = Session(number, title, block.span, date, host, session_place(title))
                sessions.append(session)
                current_session = number
                units.append(Unit(block.span, BlockKind.HEADING, current_session, is_session_heading=True))
                continue
        units.append(Unit(block.span, block.kind, current_session))
    return Layout(text, event, tuple(sessions), tuple(units), tuple(join_passages(text, units)))


# An "Introduction" heading whose first paragraph has someone open the meeting: the opening session
_INTRODUCTION = re.compile(r"^(?:#{1,6}\s*)?Introduction\s*$", re.IGNORECASE)
_OPENED_MEETING = re.compile(
    r"\bopened\s+the\s+(?:meeting|consultation|dialogue|seminar|symposium|roundtable|workshop|forum|"
    r"conference|session|event)\b"
)


def _introductions_opening(
    text: str, blocks: Sequence[Block], headings: Sequence[SessionHeading | None]
) -> list[SessionHeading | None]:
    """Headings, with an "Introduction" heading as the unnumbered opening when one of the two paragraphs
    under it has someone open the meeting ("Ambassador X opened the meeting and welcomed ..."); an
    introduction that only presents the report or the trip is no session."""
    result = list(headings)
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING or result[index] is not None:
            continue
        if not _INTRODUCTION.match(text[block.span.start : block.span.end].strip()):
            continue
        following = blocks[index + 1 : index + 3]
        if any(b.kind is BlockKind.HEADING for b in following[:1]):
            continue
        prose = " ".join(text[b.span.start : b.span.end] for b in following if b.kind in PROSE_KINDS)
        if _OPENED_MEETING.search(prose):
            result[index] = SessionHeading("unnumbered opening", 0, "Introduction")
    return result


def event_year(event: Event) -> int | None:
    """The year day headings without one belong to: the event's, or one its title names ("... 2024")."""
    if event.start_date:
        return int(event.start_date[:4])
    written = re.search(r"\b(19\d\d|20\d\d)\b", event.title)
    return int(written.group(1)) if written else None


def _looks_like_heading(block_text: str) -> bool:
    """A short block starting like a day or session heading, whatever the reader called it."""
    stripped = block_text.strip()
    if len(stripped) < 300 and bool(day_heading_match(stripped) or re.match(r"Session\s+\d", stripped)):
        return True
    if _time_slot_line(stripped):  # "11:30 - 13:00", "14.00-15.30 Visit to WHO"
        return True
    # Other session styles only on a short line that is no sentence ("Panel 2: Trade and Climate")
    heading = parse_session_heading_text(stripped) if len(stripped) < 150 else None
    if heading is None or (heading.style not in _STYLE_RANK and heading.style != "daypart"):
        return False
    # a numbered and dated line over its title may end as a question ("Webinar 1 - 14 May 2024 What Next?")
    return heading.date is not None or not _SENTENCE_END.search(stripped)


def _time_slot_line(text: str) -> bool:
    """A single short line opening with a time slot, no sentence."""
    return (
        "\n" not in text
        and len(text) <= 120
        and bool(_TIME_SLOT.match(text))
        and not _SENTENCE_END.search(_TIME_SLOT.sub("", text) or "-")
    )


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
        unmarked = re.sub(r"^#{1,6}\s*", "", block_text)
        if day_heading_match(block_text) or _starts_session(block_text) or _time_slot_line(unmarked):
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
        block_text = re.sub(r"^#{1,6}\s*", "", " ".join(text[block.span.start : block.span.end].split()))
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


def _starts_session(block_text: str) -> bool:
    """Whether a block opens with a numbered session heading ("Session 1 ...", "SESSION II", "Panel 2:")."""
    heading = parse_session_heading_text(block_text)
    return bool(_SESSION_HEADING.match(block_text)) or (
        heading is not None and heading.style in _STYLE_RANK and heading.style != "session"
    )


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


def day_heading_match(text: str) -> re.Match[str] | None:
    """The day heading a text starts with (groups: day, month, month, day, year), or ``None``."""
    return _DAY_HEADING.match(text) or _DAY_HEADING_WEEKDAY_AFTER.match(text)


def parse_day_heading(text: str, year: int | None) -> str | None:
    """ISO date of a day heading ("Day 1: Monday, 2 September"), ``None`` when not one or no year."""
    match = day_heading_match(text.strip())
    if not match:
        return None
    day, month, month2, day2, written_year = match.groups()
    year_value = int(written_year) if written_year else year
    if year_value is None:
        return None
    return _iso(year_value, (month or month2).capitalize(), day or day2)


@dataclass(frozen=True)
class SessionHeading:
    """What a heading says about a session: its style ("session", "panel", "roundtable", "workshop",
    "part", "enumerated", "opening", "closing" or "unnumbered opening"), its number (``None`` for a
    closing session, which follows the others) and its title."""

    style: str
    number: int | None
    title: str
    date: str | None = None  # a date the heading line gives ("Webinar 2 - 20 March 2024")
    aside: str = ""  # a bracket after that date ("(hybrid, UN University, Tokyo)"), which may name a host


def parse_session_heading_text(text: str) -> SessionHeading | None:
    """The session a heading names, or ``None``: "Session 3: Visit to WHO", "SESSION II — Meeting at
    the ILO", "Session Three – ...", "First Session: ...", "Panel 2. ...", "Part II: ...",
    "Roundtable 1: ...", "III. Visit to ...", "Opening Session with ...", "Opening of the Forum at ...",
    "Closing Session"."""
    flat = re.sub(r"^#{1,6}\s*", "", " ".join(text.split()))
    day = day_heading_match(flat)  # "Day 1: Monday, 2 September Opening of the Forum" (one block)
    flat = flat[day.end() :] if day else flat
    match = _SESSION_HEADING.search(flat)
    number = heading_number(match.group(1)) if match else None
    opening = _OPENING_SESSION.search(flat)
    if match and number is not None and (not opening or match.start() < opening.start()):
        return SessionHeading("session", number, _TIME_BEFORE_TITLE.sub("", flat[match.end() :]).strip())
    if opening:
        return SessionHeading("opening", 0, flat[opening.start() :].strip())
    closing = _CLOSING_SESSION.search(flat)
    if closing:
        return SessionHeading("closing", None, flat[closing.start() :].strip())
    if _DAYPART_SESSION.match(flat) and len(flat) <= 150 and not _SENTENCE_END.search(flat):
        return SessionHeading("daypart", None, flat)
    ordinal = _ORDINAL_HEADING.match(flat)
    if ordinal:
        return SessionHeading(
            _style(ordinal.group(2)), heading_number(ordinal.group(1)), flat[ordinal.end() :].strip()
        )
    panel = _PANEL_OR_PART_HEADING.match(flat)
    number = heading_number(panel.group(2)) if panel else None
    if panel and number is not None:
        return _dated_heading(
            _style(panel.group(1)), number, _TIME_BEFORE_TITLE.sub("", flat[panel.end() :]).strip()
        )
    enumerated = _ENUMERATED_HEADING.match(flat)
    number = heading_number(enumerated.group(1)) if enumerated else None
    if enumerated and number is not None and _MEETING_TITLE.search(flat[enumerated.end() :]):
        return SessionHeading("enumerated", number, flat[enumerated.end() :].strip())
    if _UNNUMBERED_OPENING.match(flat):
        return SessionHeading("unnumbered opening", 0, flat)
    return None


# A date opening a heading's title, then an optional bracket: "14 May 2023 (online) Title"
_LEADING_DATE = re.compile(
    rf"^(?:(\d{{1,2}})\s+({_MONTH})|({_MONTH})\s+(\d{{1,2}}),?)\s+(\d{{4}})\b\s*(?:\(([^()]*)\))?\s*"
)


def _dated_heading(style: str, number: int, title: str) -> SessionHeading:
    """A numbered heading whose title may open with its date ("Webinar 3 - 17 April 2024" over the
    title line): the date dates the session, the words after it are the title."""
    dated = _LEADING_DATE.match(title)
    if dated is None:
        return SessionHeading(style, number, title)
    day = dated.group(1) or dated.group(4)
    month = dated.group(2) or dated.group(3)
    rest = title[dated.end() :].strip(" -–—:")
    return SessionHeading(style, number, rest, _iso(dated.group(5), month, day), dated.group(6) or "")


def _style(word: str) -> str:
    """The style a heading word names: "Panel" -> "panel", "Round Table" -> "roundtable", "Visit" ->
    "numbered visit" (kept apart from the headings that only name the place visited)."""
    style = "".join(word.lower().split())
    return "numbered visit" if style == "visit" else style


def heading_number(token: str) -> int | None:
    """The value of a heading number: "3", "II", "Three", "First"; ``None`` for a non-numeral ("IIII")."""
    if token.isdigit():
        return int(token)
    lowered = token.lower()
    if lowered in _NUMBER_WORDS or lowered in _ORDINAL_WORDS:
        return _NUMBER_WORDS.get(lowered) or _ORDINAL_WORDS[lowered]
    return roman_value(token)


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral in canonical form ("XIV" -> 14), ``None`` otherwise ("IIX", "CIVIL")."""
    if not numeral or any(c not in _ROMAN_DIGITS for c in numeral):
        return None
    values = [_ROMAN_DIGITS[c] for c in numeral]
    total = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    return total if total > 0 and _roman(total) == numeral else None


def _roman(value: int) -> str:
    parts = []
    for unit, symbol in zip(
        (100, 90, 50, 40, 10, 9, 5, 4, 1), ["C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"], strict=True
    ):
        count, value = divmod(value, unit)
        parts.append(symbol * count)
    return "".join(parts)


def _session_heading_of(
    text: str, block: Block, find_host: HostFinder | None = None
) -> SessionHeading | None:
    block_text = text[block.span.start : block.span.end]
    if block.kind is not BlockKind.HEADING and not _looks_like_heading(block_text):
        return None
    heading = parse_session_heading_text(block_text)
    if heading is not None and heading.style == "unnumbered opening" and block.kind is not BlockKind.HEADING:
        return None
    if heading is None:
        heading = _visit_heading(block_text, find_host, block.span.start, block.kind is BlockKind.HEADING)
    return heading


def _visit_heading(
    block_text: str, find_host: HostFinder | None, offset: int, is_heading: bool
) -> SessionHeading | None:
    """A heading line that names a visit by its place alone: an enumerated organization ("### 2. Office
    for Disarmament Affairs", not "2. A path ahead"; only in a heading block), a time slot on a line
    of its own ("10:00-11:30", "14.00-15.30 | WHO", not "12:30-14:00 Lunch break"), or a heading block
    that is only an organization's name ("## UNICEF Headquarters"; numbered in order, as slots are)."""
    flat = re.sub(r"^#{1,6}\s*", "", block_text.strip())
    if "\n" in flat or len(flat) > 120 or _SENTENCE_END.search(_TIME_SLOT.sub("", flat) or "-"):
        return None
    enumerated = _ENUMERATED_HEADING.match(flat)
    number = heading_number(enumerated.group(1)) if enumerated else None
    if enumerated and number is not None and is_heading:
        title = flat[enumerated.end() :].strip()
        host = _find_host(find_host, title, offset)
        return SessionHeading("enumerated", number, title) if host is not None else None
    slot = _TIME_SLOT.match(flat)
    if slot:
        title = flat[slot.end() :].strip()
        plain = title.lower().strip(" .")
        if plain in _pause_titles() or plain.endswith(" break"):
            return None
        return SessionHeading("slot", None, title or flat.strip())
    if is_heading and _only_a_name(flat) and _find_host(find_host, flat, offset) is not None:
        return SessionHeading("visit", None, flat)  # "## World Meteorological Organization"
    return None


def _only_a_name(title: str) -> bool:
    """A short title in capitals or title case with no date: "UNICEF Headquarters", "PALAIS WILSON"."""
    words = title.split()
    small = {"of", "the", "and", "for", "at", "in", "on", "to", "de", "la", "du", "des", "&", "-", "–"}
    return (
        0 < len(words) <= 10
        and all(word[0].isupper() or word[0].isdigit() or word in small for word in words)
        and parse_date_range(title) is None
        and day_heading_match(title) is None
    )


def _pause_titles() -> frozenset[str]:
    """Programme items that are no meeting ("Coffee break", "Registration"), from data/layout_cues.yaml."""
    return word_list(layout_cues(), "pause_items")


def _session_number(
    heading: SessionHeading | None, style: str | None, earlier: Sequence[Session], after_event: bool
) -> int | None:
    """The number a heading's session gets, or ``None`` when the heading is no (new) session: a style
    the report does not number its sessions in, an opening that is not first, a repeated number."""
    if heading is None:
        return None
    loose = heading.style in _LOOSE_STYLES and style in _LOOSE_STYLES
    if heading.style in _STYLE_RANK and heading.style != style and not loose:
        return None
    if heading.style == "unnumbered opening" and (style is None or earlier or not after_event):
        return None
    if heading.style == "visit" and not after_event:
        return None  # a title line naming the host organization
    if heading.style == "daypart" and style is not None and style not in _LOOSE_STYLES:
        return None  # "Afternoon session" between numbered sessions names no session of its own
    number = heading.number
    if heading.style in ("closing", "slot", "visit", "daypart"):
        number = max((s.number for s in earlier), default=0) + 1
    if number is None or any(s.number == number for s in earlier):
        return None
    return number


def _dates_session_above(
    units: Sequence[Unit], headings: Sequence[SessionHeading | None], index: int, style: str | None
) -> bool:
    """Whether a day line right below a session heading dates it (not when the day line itself names
    a session, nor when the next block is a session heading the day line stands above)."""
    if not units or not units[-1].is_session_heading or headings[index] is not None:
        return False
    following = headings[index + 1] if index + 1 < len(headings) else None
    return following is None or _session_number(following, style, (), after_event=True) is None


def _find_host(find_host: HostFinder | None, title: str, offset: int) -> str | None:
    """The host a title names ("Visit to WHO", "Briefing by OHCHR", "Briefing on X (DPO)", "UNHCR: X");
    a title in capitals ("MEETING AT THE WORLD HEALTH ORGANIZATION") is tried as written (for acronyms)
    and in title case (for names)."""
    if find_host is None:
        return None
    host = find_host(title, offset)
    # then an organization opening a part of the title: after "by" ("Briefing by OHCHR"), in a closing
    # bracket ("Briefing on peacekeeping (DPO)"), before a colon or dash ("UNHCR: Protection at sea")
    by = _BY.search(title)
    bracket = re.search(r"\(([^()]+)\)\s*$", title)
    lead = re.match(r"(.+?)\s*(?::|\s[–—-])\s", title)
    for part in (by and title[by.end() :], bracket and bracket.group(1), lead and lead.group(1)):
        if host is None and part:
            host = find_host(part, offset)
    if host is None and title.isupper():
        small = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with"}
        words = title.lower().split(" ")
        cased = [w if w in small and i else w.capitalize() for i, w in enumerate(words)]
        host = find_host(" ".join(cased), offset)
    return host


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

"""Session and day headings in the many styles meeting reports use, and lines that only look like them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from unkg.document import read_report
from unkg.extract import extract
from unkg.extract.structure import (
    parse_day_heading,
    parse_session_heading_text,
    read_layout,
    roman_value,
)
from unkg.model import Document

MakeDocument = Callable[..., Document]


def _sessions(layout_text: str, make_document: MakeDocument) -> list[tuple[int, str, str | None]]:
    layout = read_layout(make_document(layout_text))
    return [(s.number, s.title, s.date) for s in layout.sessions]


def test_roman_numerals_are_read_only_in_canonical_capitals() -> None:
    assert [roman_value(n) for n in ("I", "IV", "IX", "XIV", "XL")] == [1, 4, 9, 14, 40]
    assert roman_value("IIII") is None
    assert roman_value("IC") is None
    assert parse_session_heading_text("Session civil society segment") is None
    assert parse_session_heading_text("SESSION IN BRIEF") is None
    assert parse_session_heading_text("Part C: Background Papers") is None


def test_session_numbers_in_roman_words_and_ordinals_with_any_separator() -> None:
    cases = {
        "SESSION IV — Meeting at the Nordic Water Council": (4, "Meeting at the Nordic Water Council"),
        "Session 3: Visit to the Alpine Observatory": (3, "Visit to the Alpine Observatory"),
        "Session Three – Briefing on Fisheries": (3, "Briefing on Fisheries"),
        "Session VII. Regional Perspectives": (7, "Regional Perspectives"),
        "Second Session: Exchange with Young Diplomats": (2, "Exchange with Young Diplomats"),
        "## Session 5 — Closing Remarks": (5, "Closing Remarks"),
        "Panel 2. Trade, Climate and Coastal Cities": (2, "Trade, Climate and Coastal Cities"),
        "Part II: Visits in the Afternoon": (2, "Visits in the Afternoon"),
        "III. Visit to the Lakeside Institute": (3, "Visit to the Lakeside Institute"),
        "Session 2 (14:00-15:30): Visit to the Harbour Board": (2, "Visit to the Harbour Board"),
        "Panel 3, 9.30 – 11.00 – Ports and Harbours": (3, "Ports and Harbours"),
    }
    cases["Day 2 – Tuesday, 7 April Third Session: Visit to the Harbour Board"] = (
        3,
        "Visit to the Harbour Board",
    )
    for text, (number, title) in cases.items():
        heading = parse_session_heading_text(text)
        assert heading is not None, text
        assert (heading.number, heading.title) == (number, title), text


def test_captions_list_items_and_sentences_are_no_session_headings() -> None:
    assert (
        parse_session_heading_text("Panel 3 speakers, from left: Dr. Ilse Marwick and Mr. Tiago Brandt")
        is None
    )
    assert parse_session_heading_text("2. A Longer Road to Fiscal Reform") is None
    assert parse_session_heading_text("Part of the delegation stayed behind") is None
    assert parse_session_heading_text("Working dinner hosted by the Consul of Peru") is None


def test_day_headings_in_words_brackets_and_capitals() -> None:
    assert parse_day_heading("DAY ONE — Monday 6 April", 2031) == "2031-04-06"
    assert parse_day_heading("Day 2 (Tuesday, 7 April)", 2031) == "2031-04-07"
    assert parse_day_heading("Day Three: 8 April", 2031) == "2031-04-08"
    assert parse_day_heading("THURSDAY 9 APRIL", 2031) == "2031-04-09"
    assert parse_day_heading("Friday, 10 April 2032", 2031) == "2032-04-10"
    assert parse_day_heading("# Day 4 – Saturday, April 11th", 2031) == "2031-04-11"
    assert parse_day_heading("11 April 2031 (Saturday)", None) == "2031-04-11"
    assert parse_day_heading("April 12, Sunday", 2031) == "2031-04-12"
    assert parse_day_heading("12 April, Lugano", 2031) is None
    assert parse_day_heading("Daylight saving began on 8 April", 2031) is None


DAYS_IN_CAPITALS = """Final Report

Third Lakeside Forum of Coastal Scholars

6-8 April 2031, Lugano, Switzerland

DAY ONE — Monday 6 April

Opening of the Forum at the Villa Ceresio

Professor Ilse Marwick welcomed the participants and thanked the hosts.

SESSION II — Meeting at the Nordic Water Council

Dr. Tiago Brandt presented the work of the Council.

Working dinner hosted by the Consul of Peru

The participants were offered dinner at the residence of the Consul.

DAY TWO — Tuesday 7 April

SESSION III — Evaluation and Closing

Professor Ilse Marwick closed the Forum.
"""


def test_an_unnumbered_opening_and_roman_sessions_dated_by_day_headings_above(
    make_document: MakeDocument,
) -> None:
    assert _sessions(DAYS_IN_CAPITALS, make_document) == [
        (0, "Opening of the Forum at the Villa Ceresio", "2031-04-06"),
        (2, "Meeting at the Nordic Water Council", "2031-04-06"),
        (3, "Evaluation and Closing", "2031-04-07"),
    ]


DAY_BELOW = """Annual Conference of the Coastal Studies Network 2031

Panel Summaries

Session 6: Harbours, Deltas and Rising Seas

Wednesday, 16 July

The panel was chaired by Professor Ilse Marwick, who opened the discussion.

Session 7: Fisheries after the Treaty

Thursday, 17 July

Dr. Tiago Brandt presented new data.
"""


def test_a_day_line_below_a_session_heading_dates_that_session_with_the_title_year(
    make_document: MakeDocument,
) -> None:
    assert _sessions(DAY_BELOW, make_document) == [
        (6, "Harbours, Deltas and Rising Seas", "2031-07-16"),
        (7, "Fisheries after the Treaty", "2031-07-17"),
    ]


PANELS_INSIDE_SESSIONS = """Report of the Fifth Delta Dialogue

2-3 May 2030 Rotterdam, Netherlands

Session 1: Ports and Shipping

Panel 1: Automation

Dr. Tiago Brandt presented new data.

Panel 2: Labour

Professor Ilse Marwick asked about dock workers.

Session 2: Visit to the Harbour Authority

Dr. Tiago Brandt closed the visit.
"""


def test_panels_within_sessions_are_not_sessions_of_their_own(make_document: MakeDocument) -> None:
    numbers = [n for n, _, _ in _sessions(PANELS_INSIDE_SESSIONS, make_document)]
    assert numbers == [1, 2]


ENUMERATED = """Report of the Fifth Delta Dialogue

2-3 May 2030 Rotterdam, Netherlands

I. Visit to the Harbour Authority

Dr. Tiago Brandt presented the work of the Authority.

II. Meeting with the Mayor of Rotterdam

Professor Ilse Marwick asked about dykes.
"""


def test_enumerated_headings_that_name_a_visit_are_sessions(make_document: MakeDocument) -> None:
    assert [(n, t) for n, t, _ in _sessions(ENUMERATED, make_document)] == [
        (1, "Visit to the Harbour Authority"),
        (2, "Meeting with the Mayor of Rotterdam"),
    ]


def test_a_capitalised_heading_names_its_host(tmp_path: Path) -> None:
    path = tmp_path / "capitals-2031.txt"
    path.write_text(
        "Report of the Sixth Alpine Dialogue\n\n4-5 June 2031 Geneva, Switzerland\n\n"
        "SESSION I — MEETING AT THE WORLD HEALTH ORGANIZATION\n\n"
        "Dr. Tiago Brandt, Director, World Health Organization, presented the work of the Organization.\n",
        encoding="utf-8",
    )
    extraction = extract(read_report(path))
    assert [s.number for s in extraction.sessions] == [1]
    host = next(o for o in extraction.organizations if o.key == extraction.sessions[0].host)
    assert host.name == "World Health Organization"

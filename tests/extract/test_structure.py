"""Event, days and sessions of a report's layout."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract.structure import parse_date_range, parse_day_heading, read_layout
from unkg.model import Document

MakeDocument = Callable[..., Document]


def test_date_ranges_in_both_orders() -> None:
    assert parse_date_range("2-4 September 2019 Geneva, Switzerland")[:2] == ("2019-09-02", "2019-09-04")
    assert parse_date_range("June 21 and 22, 2023 Washington")[:2] == ("2023-06-21", "2023-06-22")
    assert parse_date_range("30 September - 2 October 2019")[:2] == ("2019-09-30", "2019-10-02")
    assert parse_date_range("no date here") is None


def test_day_headings_give_dates_with_the_event_year() -> None:
    assert parse_day_heading("Day 1: Monday, 2 September Opening Session", 2019) == "2019-09-02"
    assert parse_day_heading("Tuesday 3 September", 2019) == "2019-09-03"
    assert parse_day_heading("Wednesday, September 4", 2020) == "2020-09-04"
    assert parse_day_heading("Session 3: Visit to WHO", 2019) is None


SESSIONS = """Report of the Third Dialogue of Scholars

5-6 March 2024 Vienna, Austria

Day 1: Tuesday, 5 March Opening Session with Ms. Anna Berg, Director-General, United Nations Office at Vienna

Ms. Anna Berg welcomed the participants.

Session 2: Visit to UNIDO

Mr. Karl Weiss explained the work of the organization.

Wednesday, 6 March

Session 3: Working Lunch hosted by the Ambassador of Japan

Professor Kenji SATO thanked the Ambassador.
"""


def test_sessions_are_numbered_dated_and_hosted(make_document: MakeDocument) -> None:
    layout = read_layout(make_document(SESSIONS))
    assert layout.event.title == "Third Dialogue of Scholars"
    assert (layout.event.start_date, layout.event.end_date) == ("2024-03-05", "2024-03-06")
    assert layout.event.place == "Vienna, Austria"
    numbers = [(s.number, s.date) for s in layout.sessions]
    assert numbers == [(0, "2024-03-05"), (2, "2024-03-05"), (3, "2024-03-06")]
    assert layout.sessions[1].title == "Visit to UNIDO"


def test_a_report_without_sessions_still_has_prose(make_document: MakeDocument) -> None:
    layout = read_layout(make_document("Summary\n\nMs. Anna Berg said that the work goes on.\n"))
    assert layout.sessions == ()
    assert [p.session for p in layout.passages] == [None]


def test_a_report_that_opens_with_narrative_is_titled_by_its_id(make_document: MakeDocument) -> None:
    layout = read_layout(make_document("Mr. Ken Sato said that the meeting opened.\n", "notes-2024"))
    assert layout.event.title == "notes-2024"

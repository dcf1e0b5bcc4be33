"""Round 5 of session and post rules, on invented text: "Segment N:", "Visit N:" and time-of-day
session headings; a body's office "in <country>" after a role; a role after a bracketed affiliation;
a plural role after two names; a session title about a body is no host; an "Introduction" where
someone opens the meeting; "on behalf of the Director, Mr. X" gives X no Director post."""

from __future__ import annotations

from pathlib import Path

from post_support import extract_text, post_rows

from unkg.document import read_report
from unkg.extract import extract
from unkg.model import Extraction

_HEADER = "Notes of the Lakeside Forum\n\n3 March 2034, Riverton\n\n"


def _extract(tmp_path: Path, text: str, suffix: str = ".txt") -> Extraction:
    path = tmp_path / f"round5-2034{suffix}"
    path.write_text(text, encoding="utf-8")
    return extract(read_report(path))


def _sessions(extraction: Extraction) -> list[tuple[int, str, str | None, str | None]]:
    return [(s.number, s.title, s.date, s.host) for s in extraction.sessions]


def test_segment_headings_are_sessions(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Note of the Orchard Valley Online Dialogue\n\n"
        "Friday, 3 March 2034, via video link\n\n"
        "Segment 1: Water and Cities\n\n"
        "Ms. Tilda Varnholm, Senior Officer at the Lakeside Institute, opened the segment.\n\n"
        "Segment 2: Oceans and Trade\n\n"
        "Dr. Bram Oosterveld spoke about the fisheries talks.\n",
    )
    assert [(n, t) for n, t, _, _ in _sessions(extraction)] == [
        (1, "Water and Cities"),
        (2, "Oceans and Trade"),
    ]


def test_numbered_visit_headings_under_day_headings_are_sessions_with_hosts(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Report on the Study Trip of the Hillcrest Law Faculty\n\n"
        "8-9 May 2034, Geneva\n\n"
        "Day 1: Monday, 8 May\n\n"
        "Visit 1: World Health Organization\n\n"
        "We were received by Dr. Imre Kallay, Technical Officer.\n\n"
        "Day 2: Tuesday, 9 May\n\n"
        "Visit 2: Meeting with the International Labour Organization\n\n"
        "Ms. Petra Ondrus described the social protection floor.\n",
    )
    assert [(n, d, h) for n, _, d, h in _sessions(extraction)] == [
        (1, "2034-05-08", "who"),
        (2, "2034-05-09", "ilo"),
    ]


def test_a_visit_sentence_is_no_heading(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Note of the Hillcrest Seminar, 8 May 2034\n\n"
        "Visit 2 of the group was cancelled because of the strike at the airport.\n",
    )
    assert extraction.sessions == ()


def test_time_of_day_session_headings_are_numbered_in_order_after_the_opening(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "FRIENDS OF THE UNITED NATIONS OF ORCHARD VALLEY\n\n"
        "Seminar on Rivers and Peace\n\n"
        "Riverton, 14 June 2034\n\n"
        "The seminar brought together students and officials.\n\n"
        "Opening session (09:00-09:30)\n\n"
        "Mr. Osric Dalgaard opened the seminar.\n\n"
        "Morning session (09:45-12:00): Shared Basins\n\n"
        "Ms. Ilse Brandvold spoke on shared basins.\n\n"
        "Afternoon session (13:30-15:00): Dams and Deltas\n\n"
        "Dr. Jonas Fellbeck spoke on deltas. In the afternoon session, students asked questions.\n",
    )
    assert [(n, t.split(":")[-1].strip()) for n, t, _, _ in _sessions(extraction)][1:] == [
        (1, "Shared Basins"),
        (2, "Dams and Deltas"),
    ]


def test_a_time_of_day_line_between_numbered_sessions_is_no_session(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Note of the Orchard Valley Forum\n\n"
        "14 June 2034, Riverton\n\n"
        "Session 1: Shared Basins\n\n"
        "Ms. Ilse Brandvold spoke on shared basins.\n\n"
        "Afternoon session\n\n"
        "Session 2: Dams and Deltas\n\n"
        "Dr. Jonas Fellbeck spoke on deltas.\n",
    )
    assert [n for n, _, _, _ in _sessions(extraction)] == [1, 2]


def test_a_role_of_a_body_in_a_country_is_held_at_the_body(tmp_path: Path) -> None:
    extraction = extract_text(
        tmp_path,
        "**Ms. Orla VENTRISS**, Representative of UNFPA in Peru, delivered the keynote.\n",
        _HEADER,
    )
    assert ("Ventriss", "Representative", "United Nations Population Fund", False) in post_rows(extraction)


def test_a_role_after_a_bracketed_affiliation_is_a_post_too(tmp_path: Path) -> None:
    extraction = extract_text(
        tmp_path,
        "Prof. HALVORSEN Greta (Riverton University), Chair of the Lakeside Society, opened the forum.\n",
        _HEADER,
    )
    rows = post_rows(extraction)
    assert ("Halvorsen", "Chair", "Lakeside Society", False) in rows
    assert ("Halvorsen", "Professor", "Riverton University", False) in rows


def test_a_bracket_followed_by_no_role_adds_no_post(tmp_path: Path) -> None:
    extraction = extract_text(
        tmp_path,
        "Prof. HALVORSEN Greta (Riverton University), who chaired the forum, spoke on lakes.\n",
        _HEADER,
    )
    assert {row[1] for row in post_rows(extraction)} == {"Professor"}


def test_two_names_before_a_plural_role_each_hold_it(tmp_path: Path) -> None:
    extraction = extract_text(
        tmp_path,
        "Ms. Greta Halvorsen spoke.\n\n"
        "Note takers: Tomas Brekke and Ilse Varga, Research Associates, "
        "Lakeside Institute for Policy Studies\n",
        _HEADER,
    )
    rows = post_rows(extraction)
    assert ("Brekke", "Research Associate", "Lakeside Institute for Policy Studies", False) in rows
    assert ("Varga", "Research Associate", "Lakeside Institute for Policy Studies", False) in rows


def test_a_plural_role_after_a_single_name_is_not_read_in_the_singular(tmp_path: Path) -> None:
    extraction = extract_text(
        tmp_path,
        "Mr. Ivo Brekke, Research Associates Network, spoke on lakes.\n",
        _HEADER,
    )
    assert "Research Associate" not in {row[1] for row in post_rows(extraction)}


def test_a_session_title_about_a_body_names_no_host(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Note of the Orchard Valley Roundtable\n\n"
        "Riverton, 3 March 2034\n\n"
        "Session 1: World Health Organization financing\n\n"
        "Ms. Ilse Brandvold spoke on budgets.\n\n"
        "Session 2: World Health Organization\n\n"
        "Dr. Jonas Fellbeck spoke on vaccines.\n",
    )
    assert [(n, h) for n, _, _, h in _sessions(extraction)] == [(1, None), (2, "who")]


_SEGMENTS = (
    "Segment 1: Water and Cities\n\nMs. Tilda Varnholm spoke on cities.\n\n"
    "Segment 2: Oceans and Trade\n\nDr. Bram Oosterveld spoke on fisheries.\n"
)


def test_an_introduction_where_the_meeting_is_opened_is_the_opening_session(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Note of the Orchard Valley Online Dialogue\n\n"
        "Friday, 3 March 2034, via video link\n\n"
        "## Introduction\n\n"
        "The dialogue was organized by the Lakeside Institute.\n\n"
        "Mr. Osric Dalgaard opened the meeting and welcomed the participants.\n\n"
        + _SEGMENTS.replace("Segment", "## Segment"),
        suffix=".md",
    )
    sessions = [(n, t) for n, t, _, _ in _sessions(extraction)]
    assert sessions[:2] == [(0, "Introduction"), (1, "Water and Cities")]


def test_an_introduction_presenting_the_report_is_no_session(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Note of the Orchard Valley Study Trip\n\n"
        "Friday, 3 March 2034, Riverton\n\n"
        "## Introduction\n\n"
        "Every spring our faculty sends students abroad to learn about the lakes.\n\n"
        + _SEGMENTS.replace("Segment", "## Segment"),
        suffix=".md",
    )
    assert [n for n, _, _, _ in _sessions(extraction)] == [1, 2]


def test_a_role_after_on_behalf_of_is_not_the_next_names(tmp_path: Path) -> None:
    extraction = extract_text(
        tmp_path,
        "On behalf of the Director, Mr. Ivo Brekke, Counsellor of the Embassy, thanked the guests. "
        "The Director of the Lakeside Institute, Dr. Ilse Varga, closed the forum.\n",
        _HEADER,
    )
    roles = {(row[0], row[1]) for row in post_rows(extraction)}
    assert ("Brekke", "Director") not in roles
    assert ("Brekke", "Counsellor") in roles
    assert ("Varga", "Director") in roles

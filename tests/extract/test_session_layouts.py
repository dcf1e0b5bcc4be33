"""Session layouts on invented text: numbered Markdown headings that only name the organization
visited, time-slot headings, and a session's host read from its first sentence."""

from __future__ import annotations

from pathlib import Path

from unkg.document import read_report
from unkg.extract import extract
from unkg.model import Extraction


def _extract(tmp_path: Path, text: str, suffix: str = ".md") -> Extraction:
    path = tmp_path / f"layouts-2033{suffix}"
    path.write_text(text, encoding="utf-8")
    return extract(read_report(path))


def _sessions(extraction: Extraction) -> list[tuple[int, str, str | None, str | None]]:
    return [(s.number, s.title, s.date, s.host) for s in extraction.sessions]


def test_numbered_markdown_headings_naming_only_an_organization_are_sessions(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Study Tour of the Riverbend Law School\n\n"
        "## Day 1 - Wednesday, 6 April 2033\n\n"
        "### 1. World Health Organization\n\n"
        "Dr. Imre Kallay, Technical Officer, explained the pandemic accord.\n\n"
        "### 2. International Labour Organization\n\n"
        "Ms. Petra Ondrus described the social protection floor.\n\n"
        "## Day 2 - Thursday, 7 April 2033\n\n"
        "### 3. UNHCR Headquarters\n\n"
        "Mr. Lorcan Teague spoke about resettlement.\n",
    )
    sessions = _sessions(extraction)
    assert [(n, d, h) for n, _, d, h in sessions] == [
        (1, "2033-04-06", "who"),
        (2, "2033-04-06", "ilo"),
        (3, "2033-04-07", "unhcr"),
    ]
    assert sessions[0][1] == "World Health Organization"


def test_a_numbered_heading_naming_no_organization_is_no_session(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Notes of the Riverbend Seminar, 6 April 2033\n\n"
        "### 1. A Longer Road Ahead\n\nThe students discussed the budget.\n\n"
        "### 2. Lessons for Teaching\n\nThe students discussed the syllabus.\n",
    )
    assert extraction.sessions == ()


def test_time_slot_headings_are_sessions_in_order_without_breaks(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Record of the Lakeshore Student Visit\n\n"
        "Tuesday, 12 April 2033\n\n"
        "09:30 - 11:00 Briefing at the World Meteorological Organization\n\n"
        "Dr. Imre Kallay presented the early warning systems.\n\n"
        "11:00 - 11:30 Coffee break\n\n"
        "11:30 - 13:00\n\n"
        "The group was received at the International Labour Organization by Ms. Petra Ondrus, "
        "who presented the decent work agenda.\n",
        suffix=".txt",
    )
    sessions = _sessions(extraction)
    assert [(n, d, h) for n, _, d, h in sessions] == [(1, "2033-04-12", "wmo"), (2, "2033-04-12", "ilo")]
    assert sessions[0][1] == "Briefing at the World Meteorological Organization"


def test_time_slots_inside_numbered_sessions_are_not_sessions(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Record of the Lakeshore Dialogue, 12 April 2033\n\n"
        "Session 1: Visit to the ILO\n\n"
        "10:00 - 11:00 Presentation on skills\n\n"
        "Ms. Petra Ondrus presented the skills agenda.\n\n"
        "Session 2: Visit to WHO\n\n"
        "Dr. Imre Kallay presented the pandemic accord.\n",
        suffix=".txt",
    )
    assert [s.number for s in extraction.sessions] == [1, 2]


def test_a_session_host_from_a_received_at_first_sentence(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Record of the Lakeshore Dialogue, 12 April 2033\n\n"
        "Session 1: Afternoon Exchange\n\n"
        "The delegation was welcomed at the World Intellectual Property Organization by Mr. Lorcan "
        "Teague, who described the patent system.\n",
        suffix=".txt",
    )
    assert [s.host for s in extraction.sessions] == ["wipo"]


def test_unnumbered_headings_that_only_name_an_organization_are_sessions_in_order(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Delegation of the Lakeshore Association to Vienna, 14 April 2033\n\n"
        "Twelve members of the association travelled to Vienna for two meetings.\n\n"
        "## UNIDO Headquarters\n\n"
        "Mr. Lorcan Teague presented industrial policy.\n\n"
        "## International Atomic Energy Agency\n\n"
        "Dr. Imre Kallay described safeguards.\n\n"
        "## Lessons for Our Association\n\n"
        "The delegation agreed to meet again.\n",
    )
    assert [(s.number, s.title, s.host) for s in extraction.sessions] == [
        (1, "UNIDO Headquarters", "unido"),
        (2, "International Atomic Energy Agency", "iaea"),
    ]


def test_a_time_slot_right_after_the_title_ends_the_event_header(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Lakeshore Student Visit\n\n"
        "## 10:00 - 11:30 Meeting with UNHCR\n\n"
        "Mr. Lorcan Teague presented the resettlement figures.\n",
    )
    assert "10:00" not in extraction.event.title
    assert [(s.number, s.host) for s in extraction.sessions] == [(1, "unhcr")]


def test_a_session_title_naming_who_gives_the_briefing_names_the_host(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Record of the Lakeshore Dialogue, 12 April 2033\n\n"
        "Session 1: Briefing by OHCHR\n\n"
        "Mr. Lorcan Teague presented the treaty bodies.\n\n"
        "Session 2: Discussion chaired by Professor Ilona Varga\n\n"
        "The students presented their papers.\n",
        suffix=".txt",
    )
    assert [s.host for s in extraction.sessions] == ["ohchr", None]


def test_time_slots_written_with_am_and_pm(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Record of the Lakeshore Student Visit\n\n"
        "Tuesday, 12 April 2033\n\n"
        "9.30 a.m. – 11.00 a.m.: Meeting at UNICEF\n\n"
        "Ms. Petra Ondrus presented the child protection programme.\n\n"
        "2 pm - 4 pm: Visit to the World Food Programme\n\n"
        "Mr. Lorcan Teague presented school meals.\n",
        suffix=".txt",
    )
    assert [(s.number, s.host) for s in extraction.sessions] == [(1, "unicef"), (2, "wfp")]


def test_a_host_in_a_closing_bracket_or_before_a_colon(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Record of the Lakeshore Dialogue, 12 April 2033\n\n"
        "Session 1: Briefing on peacekeeping (DPO)\n\n"
        "Mr. Lorcan Teague presented the missions.\n\n"
        "Session 2: UNHCR: Protection at sea\n\n"
        "Ms. Petra Ondrus presented the rescue figures.\n\n"
        "Session 3: Discussion (afternoon)\n\n"
        "The students presented their papers.\n",
        suffix=".txt",
    )
    assert [s.host for s in extraction.sessions] == ["dpo", "unhcr", None]


def test_a_session_host_from_a_visited_first_sentence(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Record of the Lakeshore Dialogue, 12 April 2033\n\n"
        "Session 1: Afternoon Programme\n\n"
        "The delegation then visited the World Meteorological Organization, where Dr. Imre Kallay "
        "presented the early warning systems.\n",
        suffix=".txt",
    )
    assert [s.host for s in extraction.sessions] == ["wmo"]

"""Round 4 session layouts and posts on invented text: "Meeting N:" headings, numbered webinars with
their date on the heading line, and time-slot headings mixed with headings that only name the
organization visited."""

from __future__ import annotations

from pathlib import Path

from unkg.document import read_report
from unkg.extract import extract
from unkg.extract.structure import parse_session_heading_text
from unkg.model import Extraction


def _extract(tmp_path: Path, text: str, suffix: str = ".md") -> Extraction:
    path = tmp_path / f"round4-2031{suffix}"
    path.write_text(text, encoding="utf-8")
    return extract(read_report(path))


def _sessions(extraction: Extraction) -> list[tuple[int, str, str | None, str | None]]:
    return [(s.number, s.title, s.date, s.host) for s in extraction.sessions]


def test_meeting_n_headings_are_sessions(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Study Visit of the Lakeside Forum to Vienna\n\n"
        "## Our members\n\n"
        "Ten researchers took part.\n\n"
        "## Meeting 1: United Nations Industrial Development Organization (UNIDO)\n\n"
        "*Monday, 3 March 2031, 09:30*\n\n"
        "Ms. Orsolya Brandl, Industrial Development Officer, described green hydrogen projects.\n\n"
        "## Meeting 2: International Atomic Energy Agency (IAEA)\n\n"
        "*Tuesday, 4 March 2031, 14:00*\n\n"
        "Mr. Teodor Vasko explained the safeguards budget.\n\n"
        "## Conclusions\n\n"
        "The visit was useful.\n",
    )
    assert _sessions(extraction) == [
        (1, "United Nations Industrial Development Organization (UNIDO)", "2031-03-03", "unido"),
        (2, "International Atomic Energy Agency (IAEA)", "2031-03-04", "iaea"),
    ]


def test_a_meeting_word_in_a_sentence_is_no_heading() -> None:
    assert parse_session_heading_text("Meeting 2 of the board was postponed.") is None
    assert parse_session_heading_text("The Meeting 2 minutes were read.") is None
    heading = parse_session_heading_text("Meeting 2: Visit to the Port Authority")
    assert heading is not None and (heading.style, heading.number) == ("meeting", 2)


def test_webinar_heading_with_date_over_its_title(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Pacific Rim Online Seminars on the United Nations 2031\n\n"
        "March - April 2031, online\n\n"
        "Webinar 1 - 12 March 2031\n"
        "Who Pays for Adaptation?\n\n"
        "The speaker was Mr. Arvid Solheim, an economist.\n\n"
        "Webinar 2 - 9 April 2031 (hybrid, World Health Organization, Geneva)\n"
        "Health Systems after the Pandemic\n\n"
        "Dr. Lucia Ferrante spoke about primary care.\n",
        suffix=".txt",
    )
    assert _sessions(extraction) == [
        (1, "Who Pays for Adaptation?", "2031-03-12", None),
        (2, "Health Systems after the Pandemic", "2031-04-09", "who"),
    ]


def test_time_slots_and_an_organization_heading_share_one_numbering(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Geneva Study Days of the Harbour Institute\n\n"
        "3-4 June 2031, Geneva\n\n"
        "Tuesday, 3 June\n\n"
        "10:00-11:30 | Briefing at UNCTAD\n\n"
        "Ms. Ilse Vanhoof described the trade outlook.\n\n"
        "14:00-15:30 | WMO\n\n"
        "Mr. Bruno Castellane explained early warning systems.\n\n"
        "Wednesday, 4 June\n\n"
        "International Labour Organization\n\n"
        "Dr. Kofi Mensah-Arthur spoke about platform work.\n",
        suffix=".txt",
    )
    assert [(n, t, d) for n, t, d, _ in _sessions(extraction)] == [
        (1, "Briefing at UNCTAD", "2031-06-03"),
        (2, "WMO", "2031-06-03"),
        (3, "International Labour Organization", "2031-06-04"),
    ]


def _posts(extraction: Extraction) -> set[tuple[str, str]]:
    return {(p.person, p.role) for p in extraction.posts}


def test_panel_roles_after_our_after_a_qualified_label_and_in_a_who_served_clause(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Harbour Dialogue on the United Nations 2031\n\n"
        "4 May 2031, Lisbon\n\n"
        "Series host: Professor ALVES Marta, Coimbra Institute\n\n"
        "Session 1: Ocean finance\n\n"
        "Our convener, Professor TORRES Ines of the Atlantic University, opened the meeting. "
        "The notes come from Mr. SILVA Rui, a doctoral student at the Porto School, who served as "
        "panel rapporteur.\n\n"
        "Mr. Jonas Berglund spoke about blue bonds.\n",
        suffix=".txt",
    )
    posts = _posts(extraction)
    keys = {p.person for p in extraction.posts}
    torres = next(k for k in keys if "torres" in k)
    silva = next(k for k in keys if "silva" in k)
    assert (torres, "Convener") in posts
    assert (silva, "Rapporteur") in posts
    panel = {"Chair", "Moderator", "Convener", "Rapporteur", "Discussant"}
    assert not [r for k, r in posts if "alves" in k and r in panel]  # "Series host:" names no panel role


def test_series_moderator_label(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Harbour Webinars 2031\n\n"
        "Series moderator: Professor ALVES Marta, Coimbra Institute\n\n"
        "Session 1: Ocean finance\n\n"
        "Mr. Jonas Berglund spoke about blue bonds.\n",
        suffix=".txt",
    )
    alves = next(p.person for p in extraction.posts if "alves" in p.person and p.role == "Moderator")
    assert alves


def test_speaking_as_a_post_gives_the_post(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Harbour Dialogue 2031\n\n"
        "4 May 2031, Lisbon\n\n"
        "Session 1: Ocean finance\n\n"
        "Professor Marta Alves of the Coimbra Institute spoke first.\n\n"
        "Closing the day, Professor Alves, speaking also as President of the Lusophone Society for "
        "International Law, thanked the speakers.\n\n"
        "Professor Rui Gomes, speaking as Chair of the Atlantic Studies Council, thanked them. "
        "Mr. Tiago Reis, speaking about the budget, said it was late.\n",
        suffix=".txt",
    )
    posts = {(p.person, p.role, p.organization) for p in extraction.posts}
    assert ("alves-marta", "President", "lusophone-society-for-international-law") in posts
    assert ("gomes-rui", "Chair", "atlantic-studies-council") in posts
    assert not [p for p in extraction.posts if p.person == "reis-tiago"]


def test_section_and_unit_open_a_role(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Harbour Dialogue 2031\n\n"
        "4 May 2031, Lisbon\n\n"
        "Session 1: Visit to UNIDO\n\n"
        "We were received by Ms. Petra Holm, Section Head in the Office of Budget, and Mr. Aron Vik, "
        "Unit Chief, Energy Division, UNIDO.\n",
        suffix=".txt",
    )
    posts = {(p.person, p.role) for p in extraction.posts}
    assert ("holm-petra", "Section Head") in posts
    assert ("vik-aron", "Unit Chief") in posts


def test_in_his_capacity_as_a_panel_role(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Harbour Dialogue 2031\n\n"
        "4 May 2031, Lisbon\n\n"
        "Session 1: Ocean finance\n\n"
        "The meeting was opened by Professor Duarte Pinto, Dean of the Faculty of Law of the Atlantic "
        "University, who, in his capacity as convener, recalled the first meeting.\n",
        suffix=".txt",
    )
    posts = {(p.person, p.role) for p in extraction.posts}
    assert ("pinto-duarte", "Convener") in posts
    assert ("pinto-duarte", "Dean") in posts


def test_a_former_post_after_a_semicolon_stays_in_the_apposition(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "# Harbour Delegation 2031\n\n"
        "## Members\n\n"
        "- Ambassador (ret.) **ALVES Marta**, President, Lusophone Society for International Law; former "
        "Permanent Representative of Portugal to the International Organizations in Vienna\n"
        "- Dr. **Rui Gomes**, Professor, Atlantic University; adviser to several ministries\n\n"
        "## Meeting 1: UNIDO\n\n"
        "Ms. Petra Holm spoke.\n",
    )
    posts = {(p.person, p.role, p.organization) for p in extraction.posts}
    assert ("alves-marta", "President", "lusophone-society-for-international-law") in posts
    assert ("alves-marta", "Permanent Representative", "permanent-mission-prt") in posts
    assert {p.role for p in extraction.posts if p.person == "gomes-rui"} == {"Professor"}

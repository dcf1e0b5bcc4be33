"""Posts and sessions, third round, on invented text: numbered roundtable and workshop headings, former
posts after "who is also" and "and formerly", a title kept from a former post, a role's field before
where it is held, a body's office in a country, a minister's portfolio cut by commas, and an
apposition's post that a title word spells giving the holder a later "the <post>" refers to."""

from __future__ import annotations

from pathlib import Path

from post_support import PostRow, extract_text, post_rows

from unkg.document import read_report
from unkg.extract import extract
from unkg.model import Extraction, Span


def _extract(tmp_path: Path, text: str, header: str = "Record of the Saltmarsh Colloquy\n\n") -> Extraction:
    return extract_text(tmp_path, text, header, "round3-2034.txt")


def _posts(tmp_path: Path, text: str) -> set[PostRow]:
    return post_rows(_extract(tmp_path, text))


def test_numbered_roundtable_headings_are_the_sessions(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Roundtable 1: Fisheries and the Law of the Sea\n\n"
        "Chair: Professor Elin Brask, University of Tromsø\n\n"
        "Professor Elin Brask opened the roundtable. She invited the speakers to be brief.\n\n"
        "Round Table 2 - Ports and Pandemics\n\n"
        "Dr. Oskar Lindahl explained that ports had reopened slowly.\n",
        header="Saltmarsh Colloquy 2034 May 3-4, 2034 Harbour University, Tromsø\n\n",
    )
    assert [(s.number, s.title) for s in extraction.sessions] == [
        (1, "Fisheries and the Law of the Sea"),
        (2, "Ports and Pandemics"),
    ]


def test_roundtables_inside_numbered_sessions_are_no_sessions(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Session 1: Oceans\n\nDr. Oskar Lindahl explained that ports had reopened slowly.\n\n"
        "Roundtable 1: Ports\n\nMs. Vera Holt noted that shipping had recovered.\n\n"
        "Session 2: Coasts\n\nMs. Vera Holt stressed that dunes were retreating.\n",
        header="Saltmarsh Colloquy 2034 May 3-4, 2034 Harbour University, Tromsø\n\n",
    )
    assert [s.number for s in extraction.sessions] == [1, 2]
    assert [s.title for s in extraction.sessions] == ["Oceans", "Coasts"]


def test_a_former_post_after_who_is_also(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "The second panel was chaired by Professor HIRANO Kei of Tohoku University, who is also a former "
        "member of the UN Committee on Migrant Workers.\n",
    )
    assert ("Hirano", "Professor", "Tohoku University", False) in posts
    assert ("Hirano", "Member", "UN Committee on Migrant Workers", True) in posts


def test_a_former_post_after_and_formerly(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Dr. Erik Vandam, Lead Officer at UNU-IAS and formerly a Senior Adviser in the UNCTAD secretariat, "
        "opened the morning.\n",
    )
    assert ("Vandam", "Lead Officer", "UNU-IAS", False) in posts
    senior = {row for row in posts if row[1] == "Senior Adviser"}
    assert senior == {
        ("Vandam", "Senior Adviser", "United Nations Conference on Trade and Development", True)
    }


def test_a_title_kept_from_a_former_post_is_no_current_post(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Session 1: Visit to UNICEF\n\n"
        "Justice OKADA Rumiko, a former judge of the High Court of Tanzania, took the floor. She asked "
        "whether child marriage laws were enforced.\n\n"
        "Judge Pavel Marek, a former judge of the Constitutional Court of Slovakia, agreed.\n",
    )
    assert {row for row in posts if row[0] == "Okada"} == {("Okada", "Judge", "High Court of Tanzania", True)}
    assert {row for row in posts if row[0] == "Marek"} == {
        ("Marek", "Judge", "Constitutional Court of Slovakia", True)
    }


def test_a_title_with_a_current_post_stays(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ambassador Ilse Korver, a former Director of the Ocean Policy Division of UNEP, hosted a dinner.\n",
    )
    assert any(row[:2] == ("Korver", "Ambassador") and not row[3] for row in posts)
    assert ("Korver", "Director", "United Nations Environment Programme", True) in posts


def test_a_field_before_where_the_role_is_held(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Tuvshin Bat-Erdene, Programme Analyst for Energy at UNDP Mongolia, described the grid.\n",
    )
    assert (
        "Bat-Erdene",
        "Programme Analyst for Energy",
        "United Nations Development Programme",
        False,
    ) in posts


def test_a_ministers_portfolio_cut_by_commas_names_the_ministry(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Solongo Dorj, Vice Minister of Fisheries, Forestry and Water Management of Mongolia, opened "
        "the day. Mr. Aldo Ferrante, Minister of Culture of Italy, replied.\n",
    )
    assert ("Dorj", "Vice Minister", "Ministry of Fisheries, Forestry and Water Management", False) in posts
    assert ("Ferrante", "Minister", "Ministry of Culture", False) in posts


def test_a_ministry_carries_the_country(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path, "Ms. Solongo Dorj, Vice Minister of Fisheries and Water of Mongolia, opened the day.\n"
    )
    organizations = {o.key: o for o in extraction.organizations}
    (post,) = [p for p in extraction.posts if p.role == "Vice Minister"]
    assert post.organization is not None
    assert organizations[post.organization].country == "MNG"


def test_an_apposition_post_spelt_like_a_title_is_referred_to_later(tmp_path: Path) -> None:
    extraction = _extract(
        tmp_path,
        "Session 1: Opening\n\n"
        "Professor Aino Rask welcomed the guests. Ms. Solongo Dorj, Vice Minister of Fisheries and Water "
        "of Mongolia, delivered the opening address. The Vice Minister said that the lakes were shrinking.\n",
    )
    (dorj,) = [p.key for p in extraction.people if p.family_name == "Dorj"]
    assert [p.role for p in extraction.posts if p.person == dorj] == ["Vice Minister"]
    said = [s for s in extraction.statements if "lakes were shrinking" in extraction_text(tmp_path, s.span)]
    assert said and said[0].speaker == dorj


def extraction_text(tmp_path: Path, span: Span) -> str:
    """The report's text at a span (the reader keeps the file's offsets)."""
    return (tmp_path / "round3-2034.txt").read_text(encoding="utf-8")[span.start : span.end]


def test_posts_given_by_a_relative_clause_or_participle(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Dr. Miriam Okonjo, who serves as Director of the Office for Ocean Affairs, welcomed the group. "
        "Ms. Rosa Field, who works as a Legal Officer in the Treaty Section, explained the register. "
        "Mr. Tomas Rook, serving as Deputy Head of the Regional Bureau for Arab States, closed. "
        "Mr. Ivo Brandt, who served as Ambassador of Austria to Chile, replied.\n",
    )
    assert ("Okonjo", "Director", "Office for Ocean Affairs", False) in posts
    assert ("Field", "Legal Officer", "Treaty Section", False) in posts
    assert ("Rook", "Deputy Head", "Regional Bureau for Arab States", False) in posts
    assert ("Brandt", "Ambassador", "Permanent Mission of Austria", True) in posts


def test_a_post_named_by_its_verb(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Professor Tanaka Ryo, who heads the Centre for Maritime Studies, replied. Dr. Ana Pires, who "
        "directs the Institute for Coastal Research, agreed.\n",
    )
    assert ("Tanaka", "Head", "Centre for Maritime Studies", False) in posts
    assert ("Pires", "Director", "Institute for Coastal Research", False) in posts


def test_a_professorship_in_a_field_then_a_second_role(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Dr. Hamid Rashidi, Professor of International Law and Director of the Institute for Peace "
        "Studies, commented.\n",
    )
    assert ("Rashidi", "Director", "Institute for Peace Studies", False) in posts
    professor = [row for row in posts if row[1].startswith("Professor")]
    assert [row[1] for row in professor] == ["Professor of International Law"]


def test_a_programme_tables_header_is_no_role(tmp_path: Path) -> None:
    path = tmp_path / "round3-2034.md"
    path.write_text(
        "# Saltmarsh Forum\n\n## Programme\n\n"
        "| Time | Item | Speaker |\n|---|---|---|\n"
        "| 09:30 | Keynote | Dr. Ilona Weiss, Director, Ocean Governance Unit, UNEP |\n\n"
        "## Session 1: Oceans\n\nDr. Ilona Weiss opened the session.\n",
        encoding="utf-8",
    )
    extraction = extract(read_report(path))
    roles = {p.role for p in extraction.posts}
    assert roles == {"Director"}


def test_team_lead_analyst_and_professor_emerita_are_roles(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Session 1: Visit to WHO\n\n"
        "The group was welcomed by Dr. Nadia Farouk, Team Lead for Health Emergencies. Professor CHOI "
        "Jiwon, Professor Emerita of Sociology at Ewha Womans University, asked a question. Ms. Lise "
        "Amundsen, Senior Data Analyst at UNICEF, answered.\n",
    )
    assert ("Farouk", "Team Lead for Health Emergencies", "World Health Organization", False) in posts
    assert ("Choi", "Professor Emerita", "Ewha Womans University", False) in posts
    assert ("Amundsen", "Senior Data Analyst", "United Nations Children's Fund", False) in posts


def test_a_roles_subject_after_on_is_no_organization(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Omar Haddad, Senior Specialist on Social Dialogue, Labour Standards Department, followed. "
        "Ms. Lise Holm, Policy Specialist on Migration at UNICEF, spoke.\n",
    )
    assert ("Haddad", "Senior Specialist", "Labour Standards Department", False) in posts
    assert ("Holm", "Policy Specialist", "United Nations Children's Fund", False) in posts


def test_a_post_in_ones_capacity_and_an_organizations_post_before_the_name(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Dr. Leo Marsh, in his capacity as Head of the Trade Analysis Unit, answered. UNICEF's Director "
        "of Data, Dr. Maya Kern, joined the discussion.\n",
    )
    assert ("Marsh", "Head", "Trade Analysis Unit", False) in posts
    assert ("Kern", "Director of Data", "United Nations Children's Fund", False) in posts


def test_two_titled_names_joined_by_and_share_the_of_phrase(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Professor Mori Aki and Professor Ueno Sho of Keio University presented a joint paper. Ms. Ada "
        "Lind and Professor Jan Roth of Leiden University agreed.\n",
    )
    assert ("Mori", "Professor", "Keio University", False) in posts
    assert ("Ueno", "Professor", "Keio University", False) in posts
    assert ("Roth", "Professor", "Leiden University", False) in posts
    assert not any(row[0] == "Lind" for row in posts)


def test_a_person_named_before_shares_no_of_phrase(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Professor Ivar Dahl, Professor Emeritus, Fjord Institute, asked a question.\n\n"
        "The Ambassador hosted a lunch for Professor Ivar Dahl and Professor Ruth Eng of Nordhavn "
        "University. Professor Dahl and Dr. Ola Berg of Nordhavn University thanked him.\n",
    )
    assert ("Eng", "Professor", "Nordhavn University", False) in posts
    assert not any(row[0] == "Dahl" and row[2] == "Nordhavn University" for row in posts)

"""Post forms on invented text: diplomats accredited to a body, bracketed appositions, closing
"(moderator)" brackets, labels inside a list, series of unit names and acronyms in brackets."""

from __future__ import annotations

from pathlib import Path

from post_support import PostRow, extract_text, post_rows

from unkg.model import Extraction


def _extract(tmp_path: Path, text: str, header: str = "Record of the Harbourside Exchange\n\n") -> Extraction:
    return extract_text(tmp_path, text, header, "forms-2032.txt")


def _posts(tmp_path: Path, text: str) -> set[PostRow]:
    return post_rows(_extract(tmp_path, text))


def test_a_diplomat_accredited_to_a_body_works_at_the_mission(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Solvei Brandqvist, Ambassador and Permanent Representative of Norway to the United Nations "
        "Office at Geneva, received the scholars at her residence.\n",
    )
    assert ("Brandqvist", "Permanent Representative", "Permanent Mission of Norway", False) in posts
    assert ("Brandqvist", "Ambassador", "Permanent Mission of Norway", False) in posts


def test_a_diplomatic_title_before_the_name_takes_the_mission_of_the_apposition(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ambassador Teodoro Valcarce, Deputy Permanent Representative of Chile to the United Nations, "
        "opened the lunch with a toast.\n",
    )
    assert ("Valcarce", "Deputy Permanent Representative", "Permanent Mission of Chile", False) in posts
    assert ("Valcarce", "Ambassador", "Permanent Mission of Chile", False) in posts


def test_an_apposition_in_brackets_after_a_name(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "The group was led by Professor Ansgar Thorvik (Faculty of Maritime Law, Bergen University), "
        "with Dr. Liesl Marquardt (Senior Lecturer, School of Coastal Studies, Bergen University).\n",
    )
    roles = {(family, role): organization for family, role, organization, _ in posts}
    assert roles.get(("Thorvik", "Professor")) in {"Faculty of Maritime Law", "Bergen University"}
    assert roles.get(("Marquardt", "Senior Lecturer")) in {"School of Coastal Studies", "Bergen University"}


def test_a_country_in_brackets_is_no_post(tmp_path: Path) -> None:
    posts = _posts(tmp_path, "Professor Ansgar Thorvik (Norway) asked about fisheries quotas.\n")
    assert not [row for row in posts if row[0] == "Thorvik"]


def test_a_bracket_closing_a_list_item_gives_a_panel_role(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Speakers\n"
        "- Dr. Orla Brennock, Senior Research Fellow, Fjordline Institute (moderator)\n"
        "- Mr. Kasimir Ulveng, Counsellor, Permanent Mission of Norway\n",
    )
    assert ("Brennock", "Moderator", None, False) in posts
    assert not [row for row in posts if row[0] == "Ulveng" and row[1] == "Moderator"]


def test_a_label_inside_a_block_belongs_to_the_next_name(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Speakers\n"
        "- Professor Edvin Haugland, Institute of Polar Science and Law\n"
        "Rapporteur: Mira Solberg, Polar Studies Office\n",
    )
    assert ("Solberg", "Rapporteur", "Polar Studies Office", False) in posts
    assert not [row for row in posts if row[0] == "Haugland" and row[1] == "Rapporteur"]
    assert ("Haugland", "Professor", "Institute of Polar Science and Law", False) in posts


def test_a_series_of_unit_names_stays_in_the_organization(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "The briefing was given by Mr. Tancredi Olmo, Programme Officer in the Planning, Review and "
        "Outreach Section of the Department of Political and Peacebuilding Affairs (DPPA), who spoke "
        "about mediation.\n",
    )
    rows = [row for row in posts if row[0] == "Olmo"]
    assert [(role, former) for _, role, _, former in rows] == [("Programme Officer", False)]
    assert rows[0][2] is not None


def test_a_student_is_no_post(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Brigitta Solheim, a student from Lakeview University, asked about quotas. Mr. Anselm Korte, "
        "a doctoral student at Riverside University, asked about tariffs.\n",
    )
    assert not [row for row in posts if row[0] in {"Solheim", "Korte"}]


def test_a_staff_post_without_organization_is_at_the_body_the_session_visits(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Session 1: Visit to WIPO\n\n"
        "Mr. Evander Quist, Senior Counsellor, Patents, presented the treaty. Professor Ilona Varga, "
        "Chair, thanked him.\n\n"
        "Session 2: Working Lunch at the Permanent Mission of Chile\n\n"
        "Mr. Matteo Sorrel, Political Coordinator, described the agenda.\n",
    )
    assert ("Quist", "Senior Counsellor", "World Intellectual Property Organization", False) in posts
    assert ("Varga", "Chair", None, False) in posts  # a panel role is a guest's
    assert ("Sorrel", "Political Coordinator", None, False) in posts  # no nationality from a mission


def test_a_described_role_in_a_unit_of_an_organization(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Ottavio Brenna, Human Rights Officer in the Civic Space Section of OHCHR, said that "
        "the section was small.\n",
    )
    roles = {(family, role) for family, role, _, _ in posts}
    assert ("Brenna", "Human Rights Officer") in roles
    assert [org for family, _, org, _ in posts if family == "Brenna"] != [None]


def test_formerly_and_previously_mark_a_former_post(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Felix Amsel, formerly a Legal Officer at the International Court of Justice, said little.\n\n"
        "Ms. Vera Lindahl, previously Head of the Crisis Unit at UNDP, said more.\n",
    )
    assert ("Amsel", "Legal Officer", "International Court of Justice", True) in posts
    assert ("Lindahl", "Head", "United Nations Development Programme", True) in posts


def test_an_adviser_to_an_official_is_not_at_the_official(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Rune Kvist, Senior Adviser to the Under-Secretary-General for Mountain Affairs, explained.\n",
    )
    rows = [row for row in posts if row[0] == "Kvist"]
    assert len(rows) == 1
    assert rows[0][1].startswith("Senior Adviser")
    assert rows[0][2] is None


def test_a_dash_or_colon_between_a_name_and_its_post_in_a_list(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Participants\n"
        "- Ms. Renata Ilic – Programme Officer, UNITAR\n"
        "- Dr. Oskar Wend: Senior Fellow, Institute for Maritime Policy\n",
    )
    assert ("Ilic", "Programme Officer", "United Nations Institute for Training and Research", False) in posts
    assert ("Wend", "Senior Fellow", "Institute for Maritime Policy", False) in posts


def test_a_colon_before_a_sentence_is_no_post(tmp_path: Path) -> None:
    posts = _posts(tmp_path, "Dr. Oskar Wend: The Question of Quotas was raised again.\n")
    assert not [row for row in posts if row[0] == "Wend"]


def test_a_mission_to_a_body_is_the_mission(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Tomasz Nowik, First Secretary, Permanent Mission of Poland to the United Nations Office at "
        "Geneva, described the negotiations.\n",
    )
    assert ("Nowik", "First Secretary", "Permanent Mission of Poland", False) in posts


def test_a_role_with_an_organization(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Ada Quintero, Political Affairs Officer with the Department of Political and Peacebuilding "
        "Affairs, replied. Mr. Egon Voss, Team Leader, Mine Action Unit, UNDP, added a word.\n",
    )
    assert (
        "Quintero",
        "Political Affairs Officer",
        "Department of Political and Peacebuilding Affairs",
        False,
    ) in posts
    assert {role for family, role, _, _ in posts if family == "Voss"} == {"Team Leader"}


def test_with_a_colleague_is_no_organization(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Ada Quintero, Programme Officer, UNITAR, with her colleague Mr. Egon Voss, presented "
        "the course.\n",
    )
    assert (
        "Quintero",
        "Programme Officer",
        "United Nations Institute for Training and Research",
        False,
    ) in posts


def test_who_is_opens_an_apposition(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Anton Reyes, who is the Director of the Liaison Office of UNEP, said that it was fine. "
        "Ms. Dora Kim, who is also a lawyer, asked a question.\n",
    )
    assert ("Reyes", "Director", "United Nations Environment Programme", False) in posts
    assert not [row for row in posts if row[0] == "Kim"]


def test_former_posts_in_other_wordings(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Bea Lund, who was formerly Chief of the Asia Section at OHCHR, replied. Mr. Cai Wen, until "
        "recently Senior Adviser at UNICEF, said that it was fine. Dr. Dora Kim, a retired Ambassador of "
        "Chile, asked a question.\n",
    )
    assert ("Lund", "Chief", "Office of the United Nations High Commissioner for Human Rights", True) in posts
    assert ("Wen", "Senior Adviser", "United Nations Children's Fund", True) in posts
    assert ("Kim", "Ambassador", "Permanent Mission of Chile", True) in posts


def test_a_former_post_then_a_present_one(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Gustav Ek, former Senior Legal Officer of the International Court of Justice and now "
        "Professor at Lakeview University, spoke.\n",
    )
    assert ("Ek", "Senior Legal Officer", "International Court of Justice", True) in posts
    assert ("Ek", "Professor", "Lakeview University", False) in posts


def test_a_post_before_the_name_at_a_sentence_start(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "The former Director of the Liaison Office of UNEP, Mr. Anton Reyes, said that it was fine. "
        "The Deputy Director of the Division of Operations of WFP, Ms. Fiona Hale, opened.\n",
    )
    assert ("Reyes", "Director", "United Nations Environment Programme", True) in posts
    assert ("Hale", "Deputy Director", "World Food Programme", False) in posts


def test_a_field_between_a_modifier_and_a_head_stays_in_the_role(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Hedda Moe, Senior Human Rights Officer, OHCHR, spoke. Mr. Ivar Nes, Chief Technical Adviser, "
        "UNDP, spoke. Ms. Jorunn Vik, Associate Economic Affairs Officer, ESCAP, spoke.\n",
    )
    roles = {(family, role) for family, role, _, _ in posts}
    assert ("Moe", "Senior Human Rights Officer") in roles
    assert ("Nes", "Chief Technical Adviser") in roles
    assert ("Vik", "Associate Economic Affairs Officer") in roles


def test_an_acronym_or_a_place_before_a_head_is_no_field(tmp_path: Path) -> None:
    posts = _posts(tmp_path, "Mr. Ivar Nes, UNDP Programme Officer, spoke.\n")
    assert ("Nes", "Programme Officer", "United Nations Development Programme", False) in posts

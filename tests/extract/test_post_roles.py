"""Panel roles (chair, discussant, rapporteur ...), long UN roles and former posts, on invented text."""

from __future__ import annotations

from pathlib import Path

from post_support import PostRow, extract_text, post_rows

from unkg.model import Extraction


def _roles(tmp_path: Path, text: str) -> set[tuple[str, str]]:
    return {(family, role) for family, role, _, _ in _posts(tmp_path, text)}


def _extract(tmp_path: Path, text: str, header: str = "Summary of the Lakeside Forum\n\n") -> Extraction:
    return extract_text(tmp_path, text, header, "roles-2031.txt")


def _posts(tmp_path: Path, text: str) -> set[PostRow]:
    return post_rows(_extract(tmp_path, text))


def test_chaired_by_and_moderated_the_discussion_give_chair_and_moderator(tmp_path: Path) -> None:
    roles = _roles(
        tmp_path,
        "The morning panel was chaired by Professor Aurelio Brandstetter of the University of Tartu, "
        "who welcomed the speakers.\n\nDr. Ilse Marwick moderated the discussion that followed.\n",
    )
    assert ("Brandstetter", "Chair") in roles
    assert ("Marwick", "Moderator") in roles


def test_as_discussant_and_the_panel_rapporteur_before_a_name(tmp_path: Path) -> None:
    roles = _roles(
        tmp_path,
        "As discussant, Professor Tiago Brandt of Lund University questioned the figures.\n\n"
        "This record was drafted by the session rapporteur, Malin Osterholt, with help from others.\n",
    )
    assert ("Brandt", "Discussant") in roles
    assert ("Osterholt", "Rapporteur") in roles


def test_the_next_chair_is_not_the_chair_nor_a_special_rapporteur_a_rapporteur(tmp_path: Path) -> None:
    roles = _roles(
        tmp_path,
        "The group then met the next chair, Dr. Ilse Marwick, over coffee.\n\n"
        "Professor Zofia Kowalczyk-Rann thanked the Special Rapporteur, Dr. Tiago Brandt, for his report.\n",
    )
    assert ("Marwick", "Chair") not in roles
    assert ("Brandt", "Special Rapporteur") in roles
    assert ("Brandt", "Rapporteur") not in roles


def test_roles_in_brackets_and_labels(tmp_path: Path) -> None:
    roles = _roles(
        tmp_path,
        "Professor Aurelio Brandstetter welcomed the group and Dr. Malin Osterholt took notes.\n\n"
        "Participants: Aurelio Brandstetter (University of Tartu, convener); Ilse Marwick (Lund "
        "University).\n\nRapporteur: Malin Osterholt, Uppsala University, Uppsala.\n\n"
        "Speakers, from left: Dr. Tiago Brandt, Professor Zofia Kowalczyk-Rann (Chair) "
        "and Dr. Ilse Marwick\n",
    )
    assert ("Brandstetter", "Convener") in roles
    assert ("Osterholt", "Rapporteur") in roles
    assert ("Kowalczyk-Rann", "Chair") in roles
    assert ("Marwick", "Convener") not in roles
    assert ("Brandt", "Chair") not in roles


def test_a_resident_coordinator_keeps_the_whole_role_and_the_united_nations(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Ms. Zofia Kowalczyk-Rann, United Nations Resident Coordinator in Peru, opened the meeting.\n",
    )
    assert ("Kowalczyk-Rann", "Resident Coordinator in Peru", "United Nations", False) in posts


def test_a_research_associate_at_an_institute(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Mr. Tiago Brandt, Research Associate at the Nordic Institute of Marine Studies, asked a question.\n",
    )
    assert ("Brandt", "Research Associate", "Nordic Institute of Marine Studies", False) in posts


def test_former_posts_after_an_article_are_marked_former(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Professor Ilse Marwick of Lund University, a former Programme Officer in the United Nations "
        "Development Programme, spoke first.\n\nMr. Aurelio Brandstetter, a former ambassador, replied.\n",
    )
    assert ("Marwick", "Programme Officer", "United Nations Development Programme", True) in posts
    assert ("Brandstetter", "Ambassador", None, True) in posts
    assert ("Marwick", "Professor", "Lund University", False) in posts


def test_ex_posts_and_lower_case_panel_roles_in_appositions(tmp_path: Path) -> None:
    posts = _posts(
        tmp_path,
        "Dr. Tiago Brandt, ex-director of the Nordic Institute of Marine Studies, said it again.\n\n"
        "Dr. Malin Osterholt, co-chair of the working group, closed the meeting.\n",
    )
    assert ("Brandt", "Director", "Nordic Institute of Marine Studies", True) in posts
    assert ("Osterholt", "Co-chair", None, False) in posts


def test_a_role_before_two_joined_names_is_both_of_theirs(tmp_path: Path) -> None:
    roles = _roles(
        tmp_path,
        "The panel was co-chaired by Dr. Tiago Brandt and Professor Zofia Kowalczyk-Rann, who opened it.\n\n"
        "As discussants, Dr. Malin Osterholt and Mr. Jonas Eberle commented on the papers.\n\n"
        "Dr. Ilse Marwick and Dr. Ana Ferreira-Lund spoke next.\n",
    )
    assert {("Brandt", "Co-chair"), ("Kowalczyk-Rann", "Co-chair")} <= roles
    assert {("Osterholt", "Discussant"), ("Eberle", "Discussant")} <= roles
    assert not any(family in {"Marwick", "Ferreira-Lund"} for family, _ in roles)

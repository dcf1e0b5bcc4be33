"""Extraction never fails on text it was not written for: any mix of the genre's words and marks."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unkg.document import split_blocks
from unkg.extract import extract
from unkg.model import Document

_WORDS = st.sampled_from(
    [
        "Mr.", "Ms.", "Professor", "ZHANG", "Yunfei", "said", "that", "the", "Director-General", "asked",
        "He", "She", "They", "answered", ",", ".", "\n\n", "Session", "1:", "Visit", "to", "WHO", "of",
        "and", "Japanese", "participants", "UN", "hosted", "for", "Day", "Monday,", "2", "September",
        "2019", "In", "response,", '"', "I", "think", "should", "Kim", "Lee", "Park", "former", "Chief",
        "—", "¹", "(", ")", "Ambassador", "Korean", "Mayumi,", "YAMADA", "NAM", "F.", "e.g.",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=80))
def test_extraction_of_any_jumble_of_genre_words_succeeds_and_stays_consistent(tokens: list[str]) -> None:
    text = " ".join(tokens) + "\n"
    document = Document(
        path=Path("jumble.txt"), report_id="jumble", text=text, blocks=split_blocks(text), sha256=""
    )
    extraction = extract(document)
    people = {person.key for person in extraction.people}
    groups = {group.key for group in extraction.groups}
    organizations = {organization.key for organization in extraction.organizations}
    assert all(statement.speaker in people | groups for statement in extraction.statements)
    assert all(post.person in people for post in extraction.posts)
    assert all(post.organization in organizations for post in extraction.posts if post.organization)
    assert all(0 <= s.span.start <= s.span.end <= len(text) for s in extraction.statements)

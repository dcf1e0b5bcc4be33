"""Stance on a statement's topics: votes in the sentences that name them; cues that follow the text."""

from __future__ import annotations

import pytest

from unkg.config import load_settings
from unkg.extract.topics import classify_stance, classify_stance_on, classify_topics, split_sentences
from unkg.model import SpeechAct, Stance

GENEVA = (load_settings().reports_dir / "geneva-dialogue-2019.txt").read_text(encoding="utf-8")


def _on(text: str) -> Stance:
    return classify_stance_on(text, classify_topics(text), SpeechAct.STATED)


def test_sentences_naming_the_topic_outvote_the_rest_of_the_passage() -> None:
    text = "He strongly supports human rights. He condemned the delays and rejected the menu of options."
    assert classify_stance(text, SpeechAct.STATED) is Stance.OPPOSES
    assert classify_stance_on(text, ("human-rights",), SpeechAct.STATED) is Stance.SUPPORTS


def test_whole_text_decides_when_the_topical_sentences_carry_no_cue() -> None:
    text = "Human rights were on the agenda. He rejected the plan."
    assert classify_stance_on(text, ("human-rights",), SpeechAct.STATED) is Stance.OPPOSES
    assert classify_stance_on("He rejected the plan.", (), SpeechAct.STATED) is Stance.OPPOSES
    assert classify_stance_on("Human rights matter.", ("human-rights",), SpeechAct.ASKED) is Stance.QUESTIONS


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Those supporting multilateral cooperation should ensure that it delivers.", Stance.SUPPORTS),
        ("Rising unilateralism poses unprecedented threats to multilateralism.", Stance.CONCERNED),
        ("She expressed her confidence that multilateralism will replace unilateralism.", Stance.SUPPORTS),
        ("It is not easy to agree on international conventions on intellectual property.", Stance.NEUTRAL),
        ("Japan not only supports but funds peacekeeping.", Stance.SUPPORTS),
        ("The Committee against Torture reviews human rights reports.", Stance.NEUTRAL),
        ("The Department of Operational Support handles UN reform logistics.", Stance.NEUTRAL),
        ("Trust among states is fragile; there is a lack of confidence in disarmament.", Stance.CONCERNED),
        ("Against this backdrop the engagement with the UPR grew.", Stance.NEUTRAL),
        ("The framework on intellectual property enforcement was not successful.", Stance.CONCERNED),
    ],
)
def test_cues_read_as_the_text_means(sentence: str, stance: Stance) -> None:
    assert _on(sentence) is stance


def test_sentences_are_not_cut_after_titles_abbreviations_or_initials() -> None:
    text = "Mr. Lee met the U.S. delegation. Then J. Smith asked: why? Dr. Kim answered."
    assert split_sentences(text) == [
        "Mr. Lee met the U.S. delegation.",
        "Then J. Smith asked: why?",
        "Dr. Kim answered.",
    ]


def test_real_statements_on_multilateralism() -> None:
    confidence = next(s for s in split_sentences(GENEVA) if "expressed her confidence" in s)
    assert classify_stance_on(confidence, ("multilateralism",), SpeechAct.STATED) is Stance.SUPPORTS
    threats = next(s for s in split_sentences(GENEVA) if "threats to multilateralism" in s)
    assert classify_stance_on(threats, ("multilateralism",), SpeechAct.STATED) is Stance.CONCERNED

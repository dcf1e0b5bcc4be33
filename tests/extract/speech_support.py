"""Helpers shared by the speech tests: the statement at a phrase of the text, and interactions as rows."""

from __future__ import annotations

from unkg.model import Extraction, InteractionKind, SpeechAct


def speaker_at_or_none(extraction: Extraction, start: str) -> tuple[str, SpeechAct] | None:
    """Speaker and act of the innermost statement covering the first occurrence of ``start``, if any."""
    offset = extraction.document.text.index(start)
    containing = [s for s in extraction.statements if s.span.start <= offset < s.span.end]
    if not containing:
        return None
    found = max(containing, key=lambda s: s.span.start)
    return found.speaker, found.act


def speaker_at(extraction: Extraction, start: str) -> tuple[str, SpeechAct]:
    """As :func:`speaker_at_or_none`, for a phrase that a statement must cover."""
    found = speaker_at_or_none(extraction, start)
    assert found is not None, f"no statement covers {start!r}"
    return found


def interactions(extraction: Extraction) -> set[tuple[str, str, InteractionKind]]:
    """The extraction's interactions as (source, target, kind) rows."""
    return {(i.source, i.target, i.kind) for i in extraction.interactions}

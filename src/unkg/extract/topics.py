"""Topics and stance of a statement, from ``ontology/topics.ttl`` and ``data/stance_cues.csv``.

Topics: a statement is about every concept one of whose labels (``skos:prefLabel`` or
``skos:altLabel``) occurs in it - whole words, case-insensitive, except labels written in
capitals only ("UPR", "ODA", "AI"), which match only in capitals. Where labels overlap the
longest wins: "gender parity" counts for ``gender-parity`` and not also for ``gender-equality``
through "gender". Broader topics are not added: queries walk ``skos:broader``.

Stance: the speech act decides first (an ``ASKED`` act questions, ``PROPOSED`` proposes,
``EXPRESSED_CONCERN`` is concerned). Otherwise cue phrases vote, each with a weight
(``data/stance_cues.csv``; a trailing ``*`` matches any word ending: "oppos*" covers "opposes",
"opposition"). Cues are matched longest first without overlap, so "should be rejected" counts
once, for opposes, and not also as "should". The stance with the largest total wins; ties go
to opposes, then concerned, proposes, supports, questions. No cue: neutral.

Negation is deliberately simple: a cue with "not", "no", "never", "n't", "without",
"neither", "nor" or "hardly" among the three words before it is flipped (supports <->
opposes) or, for the other stances, ignored. "do not favor" opposes; "not a concern" is
neutral. A negator followed by a word that makes it no negation of the cue ("not easy to agree",
"not only support", "not least") leaves the cue as it is. Cues with the stance ``neutral`` (weight
0) only mask shorter cues inside them ("Committee against Torture" is no "against").

Stance on topics: a statement often spans several sentences and its stance on its topics is in
the sentences that name them. :func:`classify_stance_on` votes only over the sentences that
mention one of the statement's topics, so cues about other things in the passage do not outvote
them; sentences are cut at ".", "!" or "?" followed by a capital, except after abbreviations such
as "Mr." or "U.S.". When those sentences carry no cue (or no sentence names a topic: no topics, or
a label cut by a sentence end) it votes over the whole text, as :func:`classify_stance` does.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from unkg.extract.reference import ontology_path, stance_cue_rows
from unkg.model import SpeechAct, Stance
from unkg.rdf.namespaces import TOPIC_NS

_NEGATORS = frozenset({"not", "no", "never", "without", "neither", "nor", "hardly", "cannot"})
# Words after a negator that make it no negation of a following cue: "not only support", "not least".
_NOT_NEGATING = frozenset({"only", "just", "merely", "simply", "least"})
# Words after a negator that void the cue: "it is not easy to agree" neither agrees nor disagrees.
_VOIDING = frozenset({"easy", "hard", "difficult", "yet", "clear", "sure", "certain"})
# Abbreviations whose full stop does not end a sentence ("Mr. Lee", "the U.S. Government").
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "ms",
        "mrs",
        "dr",
        "prof",
        "st",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "h.e",
        "ph.d",
        "jr",
    }
)
_TIE_ORDER = (Stance.OPPOSES, Stance.CONCERNED, Stance.PROPOSES, Stance.SUPPORTS, Stance.QUESTIONS)
_FLIPPED = {Stance.SUPPORTS: Stance.OPPOSES, Stance.OPPOSES: Stance.SUPPORTS}
_ACT_STANCES = {
    SpeechAct.ASKED: Stance.QUESTIONS,
    SpeechAct.PROPOSED: Stance.PROPOSES,
    SpeechAct.EXPRESSED_CONCERN: Stance.CONCERNED,
}


@dataclass(frozen=True)
class Topic:
    """A concept of the topic scheme."""

    slug: str  # local name in the topic: namespace, e.g. "human-rights"
    iri: str
    label: str
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()  # slugs
    definition: str | None = None
    exact_matches: tuple[str, ...] = ()  # IRIs, e.g. http://metadata.un.org/sdg/16


# ----- topics -----------------------------------------------------------------------------------


@functools.cache
def load_topics() -> tuple[Topic, ...]:
    """The concepts of ``ontology/topics.ttl``, sorted by slug (parsed once)."""
    graph = Graph().parse(ontology_path("topics.ttl"), format="turtle")
    topics = [_topic(graph, concept) for concept in graph.subjects(RDF.type, SKOS.Concept)]
    return tuple(sorted((t for t in topics if t is not None), key=lambda t: t.slug))


def _slug(iri: object) -> str | None:
    text = str(iri)
    return text[len(str(TOPIC_NS)) :] if text.startswith(str(TOPIC_NS)) else None


def _topic(graph: Graph, concept: object) -> Topic | None:
    if not isinstance(concept, URIRef):
        return None
    slug = _slug(concept)
    if slug is None:
        return None

    def texts(predicate: URIRef) -> list[str]:
        return sorted(str(o) for o in graph.objects(concept, predicate) if isinstance(o, Literal))

    labels = texts(SKOS.prefLabel)
    definitions = texts(SKOS.definition)
    return Topic(
        slug=slug,
        iri=str(concept),
        label=labels[0] if labels else slug,
        alt_labels=tuple(texts(SKOS.altLabel)),
        broader=tuple(sorted(s for s in map(_slug, graph.objects(concept, SKOS.broader)) if s)),
        definition=definitions[0] if definitions else None,
        exact_matches=tuple(sorted(str(o) for o in graph.objects(concept, SKOS.exactMatch))),
    )


def topic_by_slug(slug: str) -> Topic | None:
    """A topic by its local name, or None."""
    return next((t for t in load_topics() if t.slug == slug), None)


def _is_capitals(label: str) -> bool:
    return any(c.isalpha() for c in label) and label == label.upper()


def _label_key(label: str) -> str:
    normal = " ".join(label.split())
    return normal if _is_capitals(normal) else normal.lower()


@functools.cache
def _label_topics() -> dict[str, tuple[str, ...]]:
    """Matching key of each label (lower-cased unless in capitals) -> slugs of the topics it labels."""
    table: dict[str, set[str]] = defaultdict(set)
    for topic in load_topics():
        for label in (topic.label, *topic.alt_labels):
            if label.strip():
                table[_label_key(label)].add(topic.slug)
    return {key: tuple(sorted(slugs)) for key, slugs in table.items()}


@functools.cache
def _topic_matcher() -> re.Pattern[str]:
    labels = sorted(_label_topics(), key=lambda k: (-len(k), k))
    parts = []
    for label in labels:
        body = r"\s+".join(re.escape(word) for word in label.split()).replace("'", "['’]")
        parts.append(body if _is_capitals(label) else f"(?i:{body})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")


def classify_topics(text: str) -> tuple[str, ...]:
    """Slugs of the topics whose labels occur in ``text``, sorted."""
    table = _label_topics()
    found: set[str] = set()
    for match in _topic_matcher().finditer(text):
        key = _label_key(match.group().replace("’", "'"))
        found.update(table.get(key, ()))
    return tuple(sorted(found))


# ----- stance -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    stance: Stance
    weight: float


@functools.cache
def _cues() -> dict[str, _Cue]:
    """Cue phrase (lower-case, ``*`` for any ending) -> stance and weight."""
    return {
        " ".join(row["cue"].lower().split()): _Cue(Stance(row["stance"]), float(row.get("weight") or 1))
        for row in stance_cue_rows()
    }


def _cue_regex(cue: str) -> str:
    body = r"\s+".join(re.escape(word) for word in cue.rstrip("*").split())
    return body + (r"\w*" if cue.endswith("*") else "")


@functools.cache
def _cue_matcher() -> tuple[re.Pattern[str], tuple[str, ...]]:
    cues = sorted(_cues(), key=lambda c: (-len(c.rstrip("*")), c))
    groups = "|".join(f"(?P<c{index}>{_cue_regex(cue)})" for index, cue in enumerate(cues))
    return re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.IGNORECASE), tuple(cues)


def _negation(text: str, start: int) -> str:
    """How the three words before ``start`` affect a cue there: "negated" by a negator, "void" when the
    negator qualifies a difficulty ("not easy to agree"), else "none" (also for "not only")."""
    words = re.findall(r"[\w']+", text[max(0, start - 60) : start].lower())[-3:]
    for index, word in enumerate(words):
        if word in _NEGATORS or word.endswith("n't"):
            following = words[index + 1 :]
            if any(after in _VOIDING for after in following):
                return "void"
            return "none" if any(after in _NOT_NEGATING for after in following) else "negated"
    return "none"


def stance_votes(text: str) -> dict[Stance, float]:
    """The weighted cue votes for each stance in ``text`` (after negation handling)."""
    pattern, cues = _cue_matcher()
    table = _cues()
    votes: dict[Stance, float] = defaultdict(float)
    for match in pattern.finditer(text):
        group = match.lastgroup
        if group is None:
            continue
        cue = table[cues[int(group[1:])]]
        stance = cue.stance
        if stance is Stance.NEUTRAL:  # a mask: the phrase carries no stance
            continue
        negation = _negation(text, match.start())
        if negation == "void":
            continue
        if negation == "negated":
            if stance not in _FLIPPED:
                continue
            stance = _FLIPPED[stance]
        votes[stance] += cue.weight
    return dict(votes)


def classify_stance(text: str, act: SpeechAct) -> Stance:
    """The speaker's stance in a statement of the given act (see the module docstring for the rules)."""
    if act in _ACT_STANCES:
        return _ACT_STANCES[act]
    return _winner(stance_votes(text))


def classify_stance_on(text: str, topics: tuple[str, ...], act: SpeechAct) -> Stance:
    """The speaker's stance on the given topics: votes only over the sentences naming one of them.

    Falls back to the whole text when the sentences naming a topic carry no cue (or none names
    one); the act decides first, as in :func:`classify_stance`.
    """
    if act in _ACT_STANCES:
        return _ACT_STANCES[act]
    wanted = set(topics)
    votes: dict[Stance, float] = defaultdict(float)
    for sentence in split_sentences(text):
        if wanted.intersection(classify_topics(sentence)):
            for stance, weight in stance_votes(sentence).items():
                votes[stance] += weight
    if not any(weight > 0 for weight in votes.values()):
        return classify_stance(text, act)
    return _winner(votes)


def _winner(votes: dict[Stance, float]) -> Stance:
    """The stance with the largest vote (ties in ``_TIE_ORDER``); neutral without votes."""
    positive = {stance: weight for stance, weight in votes.items() if weight > 0}
    if not positive:
        return Stance.NEUTRAL
    best = max(positive.values())
    return next(stance for stance in _TIE_ORDER if positive.get(stance) == best)


_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """The sentences of a passage: cut after ".", "!" or "?" and space before a capital, not after
    an abbreviation ("Mr. Lee", "the U.S. Mission") or an initial ("J. Smith")."""
    sentences = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        last_word = re.search(r"([\w.]+)[.!?]?$", text[start : end.start() + 1])
        word = last_word.group(1).lower().rstrip(".") if last_word else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        sentences.append(text[start : end.end()].strip())
        start = end.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]

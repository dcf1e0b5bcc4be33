"""Reported speech: who said what to whom, in which session, answering which question.

A statement is a sentence whose subject is a speaker and whose main verb reports speech
("Professor Ueki asked the Director-General about ...", "She noted ...", "The Director-General
answered ...", "Mr. Natsume began his presentation by emphasizing ..."). Its passage runs from that
sentence to the next statement (or the end of the paragraph, and on over paragraphs that name no
new speaker). Captions and headings never give statements.

* Subject: a named person, a title standing for one ("the Director-General"), a pronoun (the last
  speaker whose gender fits), or a group ("the Japanese and Chinese participants asking ...").
  The subject may follow an opening phrase ("In her opening remarks, ...") and carry an apposition
  ("Ms. Zhang Yunfei, Board Member of the ..., thanked").
* Act: from the verb (``data/speech_verbs.csv``), refined by what follows a light verb ("made several
  recommendations" -> proposed, "ended the questions by adding" -> asked) and by turn taking: a
  presenter who speaks again after others while a question is pending is answering it.
* Addressee: the person named after an asking or thanking verb; else, for a question, the person
  who answers it (or the session's presenter); for thanks, the last other speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from unkg.extract.countries import find_countries
from unkg.extract.mentions import PersonMention
from unkg.extract.names import reference_rows
from unkg.extract.structure import Passage
from unkg.model import Span, SpeechAct

# Words that may stand between a subject and its verb: "He then asked", "Mr. Emery further stated"
_ADVERBS = frozenset(
    [
        "then",
        "also",
        "further",
        "first",
        "finally",
        "later",
        "again",
        "subsequently",
        "briefly",
        "additionally",
        "kindly",
        "strongly",
        "firmly",
        "fully",
        "particularly",
        "especially",
        "directly",
        "only",
        "once",
        "thus",
        "therefore",
        "next",
        "lastly",
        "last",
        "secondly",
        "thirdly",
        "moreover",
    ]
)
# Lower-case words allowed inside an apposition between a subject and its verb
_APPOSITION_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "to",
        "at",
        "in",
        "on",
        "&",
        "de",
        "la",
        "des",
        "du",
        "member",
        "former",
        "legal",
        "officer",
        "ex",
        "as",
        "well",
    ]
)
_PRONOUNS = {"he": "male", "she": "female", "they": None}
_GROUP_NOUNS = (
    "participants|participant|scholars|scholar|delegates|delegate|speakers|speaker|professors|professor|"
    "students|student|experts|expert|academics|academic|delegations|delegation|panelists|panelist|"
    "discussants|discussant|colleagues|members|researchers|researcher|practitioners|practitioner|"
    "officials|official|diplomats|diplomat|observers|observer|representatives|representative"
)
# "the Japanese and Chinese participants", "a scholar from Mongolia", "the three speakers",
# "the delegates from China, Japan, and the Republic of Korea", "A Danish student", "A representative of
# a Chilean NGO" (a sentence may open with the article)
_GROUP = re.compile(
    r"\b(?:(?i:the|a|an|another|one|two|three|four|five|six|several|some|many|other|all)\s+)?"
    r"(?:(?:[A-Z][a-z]+(?:\s+|,\s*|\s+and\s+|,\s+and\s+))*?)"
    rf"(?:[a-z]+\s+)?(?:{_GROUP_NOUNS})\b"
    r"(?:\s+(?:from|of)\s+(?:the\s+|a\s+|an\s+)?[A-Z][\w'-]*(?:(?:\s+|,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?)"
    r"(?:[A-Z][\w'-]*|of))*)?"
)
_ABBREVIATIONS = frozenset(
    ["Mr", "Ms", "Mrs", "Dr", "Prof", "St", "No", "vs", "etc", "Jr", "Sr", "Col", "Gen", "Rep", "Sen", "Amb"]
)
# Who is thanked without a name: "thanked the organizers", "thanked the hosts for the dinner"
_THANKED_GROUPS = (
    "organi[sz]ers|organi[sz]ing committee|hosts|interpreters|staff|secretariat|team|sponsors|"
    "everyone|all those"
)
_QUESTION_WORDS = re.compile(r"\bquestions?\b", re.IGNORECASE)
# Congratulations are not thanks: "expressed her warmest congratulations to Ms. X for being ..." is stated
_THANKS_WORDS = re.compile(r"\b(?:grateful|gratitude|thank\w*|appreciat\w*)\b", re.IGNORECASE)
_CONCERN_WORDS = re.compile(r"\b(?:concerns?|worr\w*|anxiet\w*|alarm)\b", re.IGNORECASE)
_PROPOSAL_WORDS = re.compile(r"\b(?:recommendations?|proposals?|suggestions?)\b", re.IGNORECASE)
_PRESENTATION_WORDS = re.compile(
    r"\b(?:presentation|remarks|overview|keynote|lecture"
    r"|the following (?:presentation|development|statement|points?))\b",
    re.IGNORECASE,
)
_FOLLOWING_PRESENTATION = re.compile(
    r"\bthe following (?:presentation|development|statement|remarks|points?)\b", re.IGNORECASE
)
_BY_GERUND = re.compile(r"\b(?:by|with|and)\s+(\w+ing)\b")
_TO_VERB = re.compile(r"^\s*(?:on\s+)?(?:to|and)\s+(\w+)")


@dataclass(frozen=True)
class Verb:
    """A reporting verb form: its lemma and the act it reports (``None``: the words after decide)."""

    lemma: str
    act: SpeechAct | None
    asks: bool


@cache
def verb_forms() -> dict[str, Verb]:
    """Every surface form of every reporting verb in ``data/speech_verbs.csv``."""
    forms: dict[str, Verb] = {}
    for row in reference_rows("speech_verbs.csv"):
        if row["act"] == _NOT_SPEECH:
            continue
        lemma = row["lemma"]
        verb = Verb(lemma, SpeechAct(row["act"]) if row["act"] else None, row.get("asks") == "yes")
        for form in {lemma, *_regular_forms(lemma), *row["forms"].split()}:
            forms[form] = verb
    return forms


@cache
def non_speech_verbs() -> frozenset[str]:
    """Surface forms of verbs that never report speech ("hosted", "joined", "based"; act "-" in the file)."""
    forms: set[str] = set()
    for row in reference_rows("speech_verbs.csv"):
        if row["act"] == _NOT_SPEECH:
            forms.update({row["lemma"], *_regular_forms(row["lemma"]), *row["forms"].split()})
    return frozenset(forms)


@cache
def non_speech_past_forms() -> frozenset[str]:
    """The past forms of :func:`non_speech_verbs` ("hosted", "born"), which cannot be nouns ("work")."""
    forms: set[str] = set()
    for row in reference_rows("speech_verbs.csv"):
        if row["act"] == _NOT_SPEECH:
            forms.update({_regular_forms(row["lemma"])[1], *row["forms"].split()})
    return frozenset(forms)


_NOT_SPEECH = "-"


def _regular_forms(lemma: str) -> list[str]:
    """ "note" -> notes noted noting; "reply" -> replies replied replying; "stress" -> stresses ..."""
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if re.search(r"[^aeiou]y$", lemma):
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if re.search(r"(?:s|sh|ch|x|o)$", lemma):
        return [lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma + "s", lemma + "ed", lemma + "ing"]


def _finite(form: str) -> bool:
    """A verb form that can be a sentence's main verb (not "asking", "asked" is fine)."""
    return not form.endswith("ing")


# ----- sentences --------------------------------------------------------------------------------


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of ``text[start:end]``: cut after . ! ? before a capital, not after "Mr." or "U.S."."""
    spans: list[Span] = []
    sentence_start = start
    for match in re.finditer(r"[.!?][\"')\]]*\s+(?=[\"(]?[A-Z0-9])", text[start:end]):
        cut = start + match.start()
        word = re.search(r"(\w+)\.?$", text[sentence_start : cut + 1])
        previous = word.group(1) if word else ""
        if previous in _ABBREVIATIONS or (len(previous) == 1 and previous.isupper() and previous != "I"):
            continue
        if re.search(r"\b(?:e\.g|i\.e|cf|etc)\.$", text[sentence_start : cut + 1]):
            continue
        spans.append(Span(sentence_start, start + match.end()))
        sentence_start = start + match.end()
    if sentence_start < end and text[sentence_start:end].strip():
        spans.append(Span(sentence_start, end))
    return [_trim(text, span) for span in spans]


def _trim(text: str, span: Span) -> Span:
    chunk = text[span.start : span.end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    return Span(span.start + left, span.start + max(left, right))


# ----- one sentence ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """Who a sentence says spoke: person keys, a pronoun to resolve, or a group."""

    start: int
    end: int
    people: tuple[str, ...] = ()
    pronoun: str | None = None  # "he" / "she" / "they"
    group_label: str | None = None
    group_countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    """A reporting clause found in a sentence: subject, verb and the act it reports."""

    subject: Subject
    verb_start: int
    verb_end: int
    act: SpeechAct
    explicit_act: bool  # the verb itself says answered/asked (not only turn taking)


@dataclass(frozen=True)
class KeyedMention:
    """A person mention with the key it was resolved to."""

    mention: PersonMention
    key: str


def read_clause(text: str, sentence: Span, mentions: Sequence[KeyedMention]) -> Clause | None:
    """The reporting clause of a sentence, if it has one."""
    according = _ACCORDING_TO.match(text, sentence.start, sentence.end)
    if according:  # "According to Professor X, the plan ...": what X said
        for keyed in mentions:
            if keyed.mention.span.start == according.end() and text.startswith(",", keyed.mention.span.end):
                holder = Subject(sentence.start, keyed.mention.span.end, (keyed.key,))
                return Clause(holder, according.start(), according.end(), SpeechAct.STATED, False)
    opinion = _OPINION.match(text, sentence.start, sentence.end)
    if opinion:  # "In her view, ..." reports what she said
        pronoun = _POSSESSIVE_TO_SUBJECT[opinion.group(1).lower()]
        holder = Subject(sentence.start, opinion.end(), pronoun=pronoun)
        return Clause(holder, opinion.start(1), opinion.end(1), SpeechAct.STATED, False)
    for subject_start in _subject_positions(text, sentence):
        subject = _subject_at(text, subject_start, sentence, mentions)
        if subject is None:
            continue
        verb = _verb_after(text, subject.end, sentence.end, direct=subject.group_label is not None)
        if verb is None:
            continue
        start, end, form = verb
        act, explicit = _act(text, form, end, sentence.end)
        answer_intro = _ANSWER_INTRO.match(text, sentence.start, subject.start + 1)
        # "In response, Mr. Zhou explained that ...", "Ms. X, in reply, noted that ..."
        if (answer_intro or _INLINE_ANSWER.match(text, subject.end, start)) and act is not SpeechAct.ASKED:
            act, explicit = SpeechAct.ANSWERED, True
        return Clause(subject, start, end, act, explicit)
    return _passive_clause(text, sentence, mentions) or _group_clause(text, sentence)


def introduced_speaker_clause(text: str, sentence: Span, mentions: Sequence[KeyedMention]) -> Clause | None:
    """A paragraph opening with a person introduced by an apposition and a verb the list does not know:
    "Professor X of Y University, a former officer of Z, approached the question from ..." opens X's
    talk (verbs that never report speech, such as "hosted" or "joined", excepted)."""
    subject = _subject_at(text, sentence.start, sentence, mentions)
    if subject is None or len(subject.people) != 1 or subject.start != sentence.start:
        return None
    after_of = _OF_PHRASE.match(text, subject.end, sentence.end)
    position = after_of.end() if after_of else subject.end
    if not text.startswith(",", position):
        return None  # no apposition: not an introduction
    for comma in re.finditer(r",", text[position : min(sentence.end, position + 250)]):
        word = _PAST_VERB.match(text, position + comma.end(), sentence.end)
        if word is None:
            continue
        form = word.group(1)
        if form in non_speech_verbs() or form in verb_forms():
            return None
        return Clause(subject, word.start(1), word.end(1), SpeechAct.PRESENTED, False)
    return None


# "of Keio University" after a name, before its apposition
_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][^,;]{0,80}?(?=,)")
# "approached", "then shifted": a past-tense verb right after an apposition's closing comma
_PAST_VERB = re.compile(r"\s+(?:(?:then|also|further|first|briefly)\s+)?([a-z]{3,}ed)\b(?!\s+by\b)")


# "In response, ...", "Answering the question, ...", "Responding to Professor X, ...", "In reply, ...",
# "Asked about the budget, ..."
_ANSWER_INTRO = re.compile(
    r"(?:In\s+(?:response|reply|answer)|Answering|Responding|Replying"
    r"|(?:When\s+)?[Aa]sked\s+(?:about|whether|how|why|what|if|by))"
    r"\b[^,]{0,140},\s*"
)
# An answer's opening that names who asked: "Asked by Ms. X, ...", "When asked by X, ...", "Responding to
# questions from Dr. A and Ms. B, ...", "Replying to Dr. X's question, ..." (the people named before the
# subject asked)
# "X's question", "X's follow-up question": the person whose question it was
_QUESTION_OF = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?questions?\b")
_ASKED_BY_INTRO = re.compile(
    r"(?:When\s+)?[Aa]sked\s+by\b|[^,]{0,60}\bquestions?\s+(?:\w+\s+)?(?:from|by)\b"
    r"|[^,]{0,80}['’]s\s+(?:\w+\s+)?questions?\b"  # "Replying to Dr. X's question on ..."
)


# "Ms. X, in response, noted ...", "Dr. Y, in reply to the question, said ..."
_INLINE_ANSWER = re.compile(r"\s*,\s*in\s+(?:response|reply|answer)\b[^,]{0,80},")
_ACCORDING_TO = re.compile(r"According\s+to\s+(?:the\s+)?")
_POSSESSIVE_TO_SUBJECT = {"her": "she", "his": "he", "their": "they"}
# "In her view, ...", "In his opinion, ..."
_OPINION = re.compile(
    r"(?:In|From)\s+(his|her|their)\s+(?:view|opinion|words|perspective)(?:\s*,\s*|\s+)", re.IGNORECASE
)
# "The session was opened by Mr. Christophe Perrin", "The session was led by Ms. Maika Oshikawa"
# (a session's opener presents; "The dialogue was opened by the Convener" welcomes: stated)
_PASSIVE_AGENT = re.compile(
    r"\b(?:(session|panel|presentation|discussion|briefing|address|keynote|lecture|talk|speech)|\w+)"
    r"\s+(?:was|were)\s+"
    r"(opened|led|chaired|introduced|presented|given|delivered|answered|briefed)\s+by\s+(?:the\s+)?"
)


def _passive_clause(text: str, sentence: Span, mentions: Sequence[KeyedMention]) -> Clause | None:
    """A session or presentation given "by" a named person: the person presented."""
    for match in _PASSIVE_AGENT.finditer(text, sentence.start, sentence.end):
        for keyed in mentions:
            if keyed.mention.span.start == match.end():
                subject = _with_coordinated(
                    text, Subject(match.start(), keyed.mention.span.end, (keyed.key,)), mentions
                )
                verb = match.group(2)
                if verb == "answered":  # "The question was answered by Ms. X"
                    return Clause(subject, match.start(), match.end(), SpeechAct.ANSWERED, True)
                # "The panel was chaired by X": chairing, not presenting
                # "The participants were briefed by Dr. X": a briefing, as "X briefed the participants"
                presents = (match.group(1) is not None and verb != "chaired") or verb == "briefed"
                act = SpeechAct.PRESENTED if presents else SpeechAct.STATED
                return Clause(subject, match.start(), match.end(), act, False)
    return None


def _subject_positions(text: str, sentence: Span) -> list[int]:
    """Where a subject may start: the sentence start, after an opening phrase without a comma ("In his
    closing remarks he ..."), and after up to three opening phrases ending in a comma or in ", where"."""
    positions = [sentence.start]
    remarks = (
        _REMARKS_OPENING.match(text, sentence.start, sentence.end)
        or _BEHALF_OPENING.match(text, sentence.start, sentence.end)
        or _TIME_OPENING.match(text, sentence.start, sentence.end)
    )
    if remarks:
        positions.append(remarks.end())
    # an answer's long opening ("Asked by Ms. X, a student from Y, how Z viewed ..., the Ambassador said")
    reach = 260 if _ANSWER_INTRO.match(text, sentence.start, sentence.end) else 160
    window = text[sentence.start : min(sentence.end, sentence.start + reach)]
    for match in re.finditer(r",\s+(?:where\s+|when\s+)?", window):
        positions.append(sentence.start + match.end())
        if len(positions) > 4:
            break
    return positions


# "In his concluding remarks he ...", "During her presentation she ..."
_REMARKS_OPENING = re.compile(
    r"(?:In|During|Throughout|With)\s+(?:his|her|their)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:remarks|statement|presentation|address|speech|intervention|reply|response|words|talk)\s+(?=[a-z])"
)


# "On behalf of the organisers she thanked ...": a pronoun subject after the phrase, without a comma
_BEHALF_OPENING = re.compile(r"On\s+behalf\s+of\s+(?:[\w'-]+\s+){1,6}?(?=(?:he|she|they)\s+[a-z])")


# "In the afternoon Ms. X briefed ...": a time of day before the subject, without a comma
_TIME_OPENING = re.compile(
    r"(?:In|During)\s+the\s+(?:morning|afternoon|evening)(?:\s+session)?\s+(?=[A-Z](?!he\b|hey\b))"
)


# Words before a name or a role that stands for a person: "the Chair", "H.E. Ms. X", "His Excellency Mr. X",
# after a Markdown bullet and bold mark ("- **Ms. X** asked", "**H.E. Mr. Y**, Minister of Z, said")
_SUBJECT_LEAD = re.compile(
    r"(?:[-*\u2022]\s+)?(?:\*\*|__)?(?:[Tt]he\s+|H\.\s?E\.\s+|(?:His|Her)\s+Excellency\s+)?"
)
# "the speaker" standing for one person, as a pronoun of either gender (not "the speakers", "speaker's")
_THE_SPEAKER = re.compile(r"[Tt]he\s+speaker\b(?![s'\u2019-])")
# "The first speaker was", "The final speaker of the day was": the person named next is to speak
_SPEAKER_WAS = re.compile(
    r"(?:The|Our)\s+(?:first|second|third|next|final|last|opening|closing|keynote|main|guest)\s+"
    r"speaker\s+(?:[a-z]+\s+(?:the\s+)?[a-z]+\s+)?(?:was|is)\s+"
)
# the bold mark closing a name: "**Dr. X** observed"
_BOLD_CLOSE = re.compile(r"\*\*|__")


def _subject_at(text: str, position: int, sentence: Span, mentions: Sequence[KeyedMention]) -> Subject | None:
    """A person, title, pronoun or group starting at ``position``."""
    lead = _SUBJECT_LEAD.match(text, position)
    for keyed in mentions:
        if keyed.mention.span.start in (position, lead.end() if lead else position):
            end = keyed.mention.span.end
            closing = _BOLD_CLOSE.match(text, end)
            if closing:
                end = closing.end()
            return _with_coordinated(text, Subject(position, end, (keyed.key,)), mentions)
    pronoun = re.match(r"(He|She|They|he|she|they)\b", text[position : sentence.end])
    if pronoun:
        return Subject(position, position + pronoun.end(), pronoun=pronoun.group(1).lower())
    speaker = _THE_SPEAKER.match(text, position, sentence.end)
    if speaker:  # "The speaker replied ...": the last speaker (after a question, the one asked), any gender
        return Subject(position, speaker.end(), pronoun="speaker")
    both = re.match(r"(?:Both|both)(?=\s+(?:then\s+|also\s+)?[a-z]+ed\b)", text[position : sentence.end])
    if both:  # "Both replied that ...": the two people just named, as "they"
        return Subject(position, position + both.end(), pronoun="they")
    group = _GROUP.match(text, position, sentence.end)
    if group and _is_group(group.group()):
        return _group_subject(group)
    return None


def _with_coordinated(text: str, subject: Subject, mentions: Sequence[KeyedMention]) -> Subject:
    """ "Mr. Mungoven and Mr. Magazzeni then echoed": both speak."""
    for keyed in mentions:
        between = text[subject.end : keyed.mention.span.start]
        if keyed.mention.span.start >= subject.end and re.fullmatch(r"\s+and\s+", between):
            people = (*subject.people, keyed.key)
            return Subject(subject.start, keyed.mention.span.end, people)
    return subject


def _is_group(phrase: str) -> bool:
    """A group speaker names countries or a number ("the three speakers"), not just "the participants"."""
    return bool(find_countries(phrase)) or bool(
        re.search(
            r"\b(?:a|an|another|one|two|three|four|five|six|several|some|many|all)\b", phrase, re.IGNORECASE
        )
    )


def _group_subject(match: re.Match[str]) -> Subject:
    countries = tuple(sorted({m.country.alpha3 for m in find_countries(match.group())}))
    return Subject(match.start(), match.end(), group_label=match.group(), group_countries=countries)


def _verb_after(text: str, position: int, limit: int, direct: bool = False) -> tuple[int, int, str] | None:
    """The reporting verb after a subject, over adverbs and an apposition ("Ms. X, Member of Y, said").

    ``direct``: only adverbs may come between (a group subject has no apposition).
    """
    relative = re.match(r"\s*,\s*(?:who|which)\b[^,]*,", text[position:limit])
    if relative:
        position += relative.end()
    if not direct and re.match(r"\s*(?:,|of\s+(?:the\s+)?[A-Z])", text[position:limit]):
        # "Professor X of Y University, Moderator of the session, thanked": the "of" phrase, then commas
        # an apposition between commas: "Professor HASEGAWA Sukehiro, Moderator of the session, highlighted"
        for comma in re.finditer(r",\s*", text[position : min(limit, position + 250)]):
            found = _verb_here(text, position + comma.end(), limit)
            if found is not None:
                return found
    return _verb_here(text, position, limit, skip_apposition=not direct)


def _verb_here(
    text: str, position: int, limit: int, skip_apposition: bool = False
) -> tuple[int, int, str] | None:
    """The first lower-case word from ``position`` if it is a finite reporting verb, over adverbs
    (and, with ``skip_apposition``, over capitalised words and the small words of names and posts)."""
    for count, word in enumerate(re.finditer(r"[^\W\d_][\w'-]*", text[position:limit])):
        if count > 60:
            return None
        token = word.group()
        if not token[0].islower():
            if skip_apposition:
                continue
            return None
        verb = verb_forms().get(token)
        if verb is not None and _finite(token) and _reports_here(text, verb, position + word.end()):
            return position + word.start(), position + word.end(), token
        if token in _ADVERBS or (skip_apposition and token in _APPOSITION_WORDS):
            continue
        return None
    return None


# "a question to", "his first question to", "several questions to": a question put to someone
_QUESTION_OBJECT = re.compile(r"\s+(?:[\w-]+\s+){0,3}?questions?\s+to\b")
_QUESTION_TO = re.compile(r"\s+(?:[\w-]+\s+){0,3}?questions?\s+to\s+(?:the\s+)?")
# Verbs that report speech only with the words after them: "followed up by asking", "followed with a
# question" (not "followed the debate"), "took a different view"
_ONLY_BEFORE = {
    # "Dr. X, Director of Y, followed.": the next speaker
    "follow": re.compile(r"\s+(?:up\b|with\b|by\s+\w+ing\b)|\s*\.(?:\s|$)"),
    # "posed a question to X", "put a further question to her", "directed his question to X"
    "pose": _QUESTION_OBJECT,
    "put": _QUESTION_OBJECT,
    "direct": _QUESTION_OBJECT,
    # "took a different view", "took the floor" (not "took part", "took place")
    "take": re.compile(
        r"\s+(?:(?:a|an|the)\s+(?:\w+\s+)?(?:view|position|stance|line|approach)|the\s+floor)\b"
        r"|\s+(?:the\s+)?(?:delegation|participants|group|visitors|audience|students|us)\s+through\b"
    ),
    # "intervened to say", "intervened to ask" (the verb after it decides the act)
    "intervene": re.compile(r"\s+(?:briefly\s+)?to\s+[a-z]+\b"),
    # "wrote in the chat that ..." (not "wrote a book")
    "write": re.compile(r"\s+in\s+the\s+chat\b"),
}


def _reports_here(text: str, verb: Verb, verb_end: int) -> bool:
    """Whether a verb that reports speech only in some phrases is in one of them here."""
    phrase = _ONLY_BEFORE.get(verb.lemma)
    return phrase is None or phrase.match(text, verb_end) is not None


def reporting_verb_follows(text: str, position: int) -> bool:
    """Whether a reporting verb comes right after ``position`` (over adverbs): in "Responding to Mr. X,
    the Director said ...", "the Director" is the subject of "said", not an apposition giving X the post."""
    limit = min(len(text), position + 60)
    return bool(re.match(r"\s+[a-z]", text[position:limit])) and _verb_here(text, position, limit) is not None


def _act(text: str, form: str, verb_end: int, limit: int) -> tuple[SpeechAct, bool]:
    """The act a verb reports, refined by the words after it; True when the verb names it outright."""
    verb = verb_forms()[form]
    after = text[verb_end : min(limit, verb_end + 90)]
    if _QUESTION_OBJECT.match(after):
        return SpeechAct.ASKED, True  # "addressed a question to X", "posed two questions to X"
    clause = re.split(r"\b(?:that|whether|how|if)\b", after, maxsplit=1)[0]
    if verb.lemma in _WANT_VERBS and re.match(r"\s+to\s+(?:know|learn|understand|hear)\b", after):
        return SpeechAct.ASKED, True  # "wanted to know whether ..."
    if verb.lemma == "seek" and re.match(r"\s+(?:\w+\s+)?(?:clarification|views?|information|advice)", after):
        return SpeechAct.ASKED, True  # "sought clarification from Dr. Xu on ..."
    if verb.lemma == "question" and _DOUBT.match(after):
        return SpeechAct.STATED, False  # "questioned whether the plan was funded": a doubt, not a question
    if verb.lemma == "open" and _OPENED_MEETING.match(after):
        return SpeechAct.STATED, False  # "opened the floor for discussion", "opened the meeting": chairing
    if _CHAT_QUESTION.match(after):
        return SpeechAct.ASKED, True  # "wrote in the chat that she would like to know how ..."
    if verb.lemma == "follow" and re.match(r"\s*\.", after):
        return SpeechAct.PRESENTED, False  # "Dr. X, Director of Y, followed.": the next presentation
    if verb.lemma == "take" and _TAKE_THROUGH.match(after):
        return SpeechAct.PRESENTED, True  # "took the delegation through the monitoring system"
    if verb.lemma in {"go", "proceed", "intervene"}:
        follow = _TO_VERB.match(after) or _BY_GERUND.search(clause)
        if follow and follow.group(1) in verb_forms():
            return _act(text, follow.group(1), verb_end + follow.end(), limit)
    gerund = _BY_GERUND.search(clause)
    if verb.act is None and _QUESTION_WORDS.search(clause):
        return SpeechAct.ASKED, True  # "ended the questions by adding", "raised some questions"
    if _FOLLOWING_PRESENTATION.search(clause):
        return SpeechAct.PRESENTED, True  # "explained the following development"
    if verb.lemma == "express" or verb.act is None:
        refined = _act_from_object(clause, light=verb.act is None)
        if refined is not None:
            return refined, True
    inner_verb = verb_forms().get(gerund.group(1)) if gerund else None
    if inner_verb is not None and inner_verb.act is SpeechAct.ASKED:
        return SpeechAct.ASKED, True  # "added to this question by asking", "started off by asking"
    if gerund and inner_verb is not None and verb.act in (None, SpeechAct.PRESENTED):
        inner = inner_verb.act
        if verb.act is SpeechAct.PRESENTED:
            return SpeechAct.PRESENTED, True
        return inner or SpeechAct.STATED, True
    if verb.act in (SpeechAct.STATED, None) and _THANKS_WORDS.search(after[:60]):
        return SpeechAct.THANKED, True
    if verb.lemma in _OPINION_VERBS and re.search(r"\bshould\b", text[verb_end:limit]):
        return SpeechAct.PROPOSED, False  # "I think that our three countries should use the platform"
    if verb.act is None:
        return (SpeechAct.PRESENTED if _PRESENTATION_WORDS.search(clause) else SpeechAct.STATED), False
    explicit = verb.act in (SpeechAct.ASKED, SpeechAct.ANSWERED, SpeechAct.THANKED, SpeechAct.PRESENTED)
    return verb.act, explicit


# "opened the floor", "opened the meeting": chairing or welcoming, not presenting (a session may be
# opened by its presenter: "opened the session" is left to the words after)
_OPENED_MEETING = re.compile(
    r"\s+the\s+(?:floor|meeting|dialogue|conference|roundtable|workshop|seminar|symposium|event|proceedings)\b",
    re.IGNORECASE,
)
# "(wrote in the chat) that she would like to know how ...": a question
_CHAT_QUESTION = re.compile(
    r"(?:\s+in\s+the\s+chat)?\s+that\s+(?:he|she|they)\s+(?:would\s+like|wanted|wished)\s+to\s+"
    r"(?:know|learn|ask)\b"
)
# "took the delegation through ...", "took us through ...": a presentation
_TAKE_THROUGH = re.compile(
    r"\s+(?:the\s+)?(?:delegation|participants|group|visitors|audience|students|us)\s+through\b"
)
# "questioned whether", "questioned, however, whether": a doubt
_DOUBT = re.compile(
    r"(?:\s*,\s*(?:however|though|also|further|moreover)\s*,)?\s+(?:whether|if|the|how|why)\b"
)


def _act_from_object(clause: str, light: bool) -> SpeechAct | None:
    """ "expressed her concern" -> concern, "expressed her appreciation" -> thanks, "made recommendations"."""
    if _CONCERN_WORDS.search(clause):
        return SpeechAct.EXPRESSED_CONCERN
    if _THANKS_WORDS.search(clause):
        return SpeechAct.THANKED
    if _PROPOSAL_WORDS.search(clause):
        return SpeechAct.PROPOSED
    if light and _PRESENTATION_WORDS.search(clause):
        return SpeechAct.PRESENTED  # "made the following presentation", not "expressed ... presentation"
    return None


def _group_clause(text: str, sentence: Span) -> Clause | None:
    """A group speaking anywhere in a sentence: "... came from the Japanese participants asking"."""
    for match in _GROUP.finditer(text, sentence.start, sentence.end):
        if not _is_group(match.group()):
            continue
        verb = re.match(r"\s+(?:then\s+|also\s+)?([a-z]+)\b", text[match.end() : sentence.end])
        if verb is None or verb.group(1) not in verb_forms():
            continue
        before = text[max(sentence.start, match.start() - 12) : match.start()]
        if re.search(r"\b(?:were|was|to|encouraged|asked|called|upon)\s*$", before):
            continue
        act, explicit = _act(text, verb.group(1), match.end() + verb.end(), sentence.end)
        verb_start = match.end() + verb.start(1)
        return Clause(_group_subject(match), verb_start, verb_start + len(verb.group(1)), act, explicit)
    return None


def explicit_addressees(
    text: str, clause: Clause, sentence: Span, mentions: Sequence[KeyedMention]
) -> tuple[list[str], bool]:
    """People a clause addresses by name, and whether it addresses a group instead ("asking participants")."""
    verb = verb_forms().get(text[clause.verb_start : clause.verb_end])
    asks = verb is not None and verb.asks
    window_end = sentence.end
    if clause.act is not SpeechAct.THANKED:
        window_end = min(sentence.end, clause.verb_end + 60)
    window = text[clause.verb_end : window_end]
    stop = re.search(r"\b(?:that|whether|how|if)\b", window)
    if stop and clause.act is not SpeechAct.THANKED:
        window_end = clause.verb_end + stop.start()
    found = []
    joined_from = -1  # where an addressee ended: "asked Ms. A and Mr. B whether" addresses both
    for keyed in mentions:
        start = keyed.mention.span.start
        if not clause.verb_end <= start < window_end:
            continue
        gap = text[clause.verb_end : start]
        possessive = text[keyed.mention.span.end : keyed.mention.span.end + 2] == "'s"
        direct = re.fullmatch(r"\s*(?:the\s+|to\s+(?:the\s+)?|about\s+)?", gap) is not None
        if clause.act is SpeechAct.ASKED and _QUESTION_TO.fullmatch(gap):
            direct = True  # "posed a question to Dr. X", "addressed two questions to the Director"
        joined = joined_from >= 0 and _JOINED.fullmatch(text, joined_from, start) is not None
        if clause.act is SpeechAct.THANKED or direct or joined or (possessive and asks):
            found.append(keyed.key)
            joined_from = keyed.mention.span.end if not possessive else -1
    group_object = re.match(rf"\s*(?:\w+\s+){{0,3}}?(?:{_GROUP_NOUNS})\b", window) is not None
    if clause.act is SpeechAct.THANKED:  # thanks "to colleagues", "to ACUNS", "the organizers": no person
        group_object = bool(
            re.search(rf"\b(?:{_GROUP_NOUNS}|{_THANKED_GROUPS})\b|\bto\s+(?:the\s+)?[A-Z]", window)
        )
    return list(dict.fromkeys(found)), group_object and not found


# Between two people addressed together: "Ms. A and Mr. B", "Ms. A, Mr. B and Dr. C", "the Chair and the"
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:the\s+)?")


# ----- statements of a report -----------------------------------------------------------------------


@dataclass
class DraftStatement:
    """A statement being assembled (speakers resolved, act and addressee settled by turn taking)."""

    span: Span
    speakers: tuple[str, ...]  # person keys or one group key
    act: SpeechAct
    session: int | None
    passage_index: int
    first_in_passage: bool
    explicit_act: bool
    addressees: list[str] = field(default_factory=list)
    group_object: bool = False
    answers: Span | None = None
    answered_askers: list[str] = field(default_factory=list)
    questioners: list[str] = field(default_factory=list)  # "Asked by X, ...": X asked the speaker
    two_addressed: bool = False  # "thanked both speakers", "asked the two panellists": the last two others
    also_asks: bool = False  # "cautioned that ..., and asked how ...": a concern that ends in a question
    commenting: bool = False  # "observed", "remarked", "As a discussant, ...": a comment if it opens a turn
    discussant: bool = False  # "As discussant, X ...": a comment by role
    pronoun_gender: str | None = None  # the gender of the "he"/"she" that stood for the speaker
    presents_if_named: bool = False  # "described ...": a presentation only from a presenter headings name


@dataclass(frozen=True)
class GroupDraft:
    key: str
    label: str
    countries: tuple[str, ...]
    span: Span


GenderOf = Callable[[str], str | None]


def find_statements(
    text: str,
    passages: Sequence[Passage],
    mentions: Sequence[KeyedMention],
    gender_of: GenderOf,
) -> tuple[list[DraftStatement], list[GroupDraft]]:
    """Statements of every passage, with speakers resolved (pronouns to the last fitting speaker).

    A "he" or "she" resolved to a person also shows that person's gender to the pronouns after it
    ("He noted ... She answered": she is not the man who just spoke), when the names did not."""
    statements: list[DraftStatement] = []
    groups: dict[str, GroupDraft] = {}
    recent: list[tuple[str, ...]] = []  # speakers and subjects of earlier sentences in the session
    history: list[DraftStatement] = []  # statements of the session so far
    learned: dict[str, str] = {}  # genders shown by the pronouns resolved so far

    def known_gender(key: str) -> str | None:
        return gender_of(key) or learned.get(key)

    session: int | None = None
    for index, passage in enumerate(passages):
        if passage.session != session:
            session, recent, history = passage.session, [], []
        inside = [k for k in mentions if passage.span.start <= k.mention.span.start < passage.span.end]
        last_speakers = history[-1].speakers if history else None
        context = _Context(recent, history, known_gender, groups)
        found = _passage_statements(text, passage, index, inside, context)
        opens_with_clause = bool(found) and found[0].first_in_passage
        if not opens_with_clause and last_speakers and _continues_speech(text, passage):
            # a paragraph of the last speaker's talk: "It is a great pleasure to meet with friends ..."
            found.insert(
                0, _draft(passage.span, last_speakers, SpeechAct.STATED, passage, index, True, False)
            )
        for draft in found:
            if (
                draft.pronoun_gender
                and len(draft.speakers) == 1
                and not draft.speakers[0].startswith("group-")
            ):
                learned.setdefault(draft.speakers[0], draft.pronoun_gender)
        statements.extend(found)
        history.extend(found)
    _cut_spans(text, statements, passages)
    return statements, sorted(groups.values(), key=lambda g: g.key)


@dataclass(frozen=True)
class _Context:
    """What the statements of a session so far tell the next one."""

    recent: list[tuple[str, ...]]  # speakers and sentence subjects, latest last (grows)
    history: list[DraftStatement]  # the session's statements before the passage
    gender_of: GenderOf  # genders shown by titles or by pronouns resolved earlier
    groups: dict[str, GroupDraft]


def _passage_statements(
    text: str, passage: Passage, index: int, inside: Sequence[KeyedMention], context: _Context
) -> list[DraftStatement]:
    """Statements of one passage (``context.recent`` grows with their speakers and subjects)."""
    found: list[DraftStatement] = []
    recent = context.recent
    for position, sentence in enumerate(clause_units(text, passage.span, inside)):
        clause = read_clause(text, sentence, inside) or _first_person_clause(text, sentence)
        if clause is None and position == 0:
            clause = introduced_speaker_clause(text, sentence, inside)
        if clause is None:
            # "Ambassador X hosted a lunch ... She underlined", "Following the session, Professor X, Dean of
            # Y, hosted ... She noted": the subject of a sentence that reports no speech is a candidate too;
            # so is the person a sentence names as a speaker ("The next speaker was Dr. X, ... He noted")
            named = _SPEAKER_WAS.match(text, sentence.start, sentence.end)
            starts = [named.end()] if named else _subject_positions(text, sentence)
            for subject_start in starts:
                subject = _subject_at(text, subject_start, sentence, inside)
                if subject is not None and subject.people:
                    opening = subject_start == sentence.start or named is not None
                    if opening or _acts_after(text, subject.end, sentence.end):
                        recent.append(subject.people)
                    break
            continue
        clauses = [(sentence, clause), *_coordinated_clauses(text, sentence, clause, inside)]
        for part, (span, found_clause) in enumerate(clauses):
            opens = position == 0 and part == 0
            draft = _clause_draft(text, span, found_clause, passage, index, opens, inside)
            history = [*context.history, *found]
            going_on = bool(_GOING_ON.search(text, found_clause.subject.end, found_clause.verb_start))
            speakers = _answerer(found_clause, opens and not going_on, history, context.gender_of)
            if speakers and draft.act is not SpeechAct.ANSWERED:
                draft.act, draft.explicit_act = (
                    SpeechAct.ANSWERED,
                    True,
                )  # "He explained ..." after the question
            speakers = speakers or _speakers(found_clause.subject, recent, context.gender_of, context.groups)
            if not speakers:
                continue
            recent.append(speakers)
            draft.speakers = speakers
            draft.addressees = [a for a in draft.addressees if a not in speakers]
            if part > 0 and found:
                _reply_in_sentence(found[-1], draft)
            if draft.act is SpeechAct.THANKED and not draft.addressees and not draft.group_object:
                draft.addressees = _thanked_pronoun(
                    text, found_clause, [*context.history, *found], draft, context
                )
            found.append(draft)
    return found


def _thanked_pronoun(
    text: str, clause: Clause, history: Sequence[DraftStatement], draft: DraftStatement, context: _Context
) -> list[str]:
    """ "thanked him for ...": the latest other person in the session whose gender fits "him"/"her"."""
    pronoun = re.match(
        r"\s+(him|her)\b(?!\s+(?:own|colleagues?|hosts?)\b)", text[clause.verb_end : clause.verb_end + 20]
    )
    if pronoun is None:
        return []
    wanted = "male" if pronoun.group(1) == "him" else "female"
    for earlier in reversed(history):
        for person in earlier.speakers:
            other = person not in draft.speakers and not person.startswith("group-")
            if other and context.gender_of(person) == wanted:
                return [person]
    return []


def _reply_in_sentence(question: DraftStatement, reply: DraftStatement) -> None:
    """ "Professor X asked the Office whether ..., and Ms. Y said that ...": another person's statement
    joined to a question in the same sentence answers it (and the question was put to them, when it
    named no one)."""
    if question.act is not SpeechAct.ASKED or reply.act not in _MAY_ANSWER:
        return
    if len(reply.speakers) != 1 or reply.speakers[0].startswith("group-"):
        return
    others = [a for a in question.addressees if a not in reply.speakers]
    if set(reply.speakers) & set(question.speakers) or others:
        return
    reply.act, reply.explicit_act = SpeechAct.ANSWERED, True
    reply.answered_askers = [s for s in question.speakers if not s.startswith("group-")]
    question.addressees = list(reply.speakers)
    question.group_object = False


def _acts_after(text: str, position: int, limit: int) -> bool:
    """Whether a non-speech verb follows a subject, over an apposition: "Professor X, Dean of Y, hosted"
    (a subject after an opening phrase counts for later pronouns only when it acts like this)."""
    after_of = _OF_PHRASE.match(text, position, limit)
    position = after_of.end() if after_of else position
    starts = [position] + [
        position + m.end() for m in re.finditer(r",", text[position : min(limit, position + 250)])
    ]
    return any(
        (word := re.match(r"\s+([a-z]+)\b", text[start:limit])) is not None
        and word.group(1) in non_speech_past_forms()
        for start in starts
    )


def clause_units(text: str, span: Span, mentions: Sequence[KeyedMention]) -> list[Span]:
    """Sentences of ``span``, each cut again after a semicolon that a new subject follows: in "Ms. X asked
    Ms. Y whether ...; Ms. Y replied that ...; she added ..." every clause reports speech of its own."""
    units = []
    starts = {k.mention.span.start for k in mentions}
    for sentence in split_sentences(text, span.start, span.end):
        start = sentence.start
        for match in _SEMICOLON.finditer(text, sentence.start, sentence.end):
            after = match.end()
            lead = re.match(r"(?:[Tt]he\s+)?", text[after : after + 4])
            named = after in starts or after + (lead.end() if lead else 0) in starts
            if named or _PRONOUN_SUBJECT.match(text, after, sentence.end):
                units.append(Span(start, match.start()))
                start = after
        units.append(Span(start, sentence.end))
    return units


# "...; Ms. Kim replied", "...; and she answered", "...; while he added"
_SEMICOLON = re.compile(r";\s*(?:(?:and|while|whereas|but)\s+)?")
_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they)\s+(?:\w+\s+)?[a-z]+", re.IGNORECASE)


# "Dr. Wennmann detailed current trends, while Professor Krause explained his research", "Professor X
# asked whether ..., to which Ms. Y replied that ..."
_COORDINATION = re.compile(r"(?:,\s*|\s+)(?:while|whereas|and|but|to\s+which)\s+")


def _coordinated_clauses(
    text: str, sentence: Span, clause: Clause, mentions: Sequence[KeyedMention]
) -> list[tuple[Span, Clause]]:
    """A second clause joined to the first one in the same sentence: another speaker's ("while Professor
    X explained"), or the same speaker's by pronoun ("..., and she thanked the hosts, A and B")."""
    found = []
    for match in _COORDINATION.finditer(text, clause.verb_end, sentence.end):
        start = match.end()
        named = any(k.mention.span.start == start for k in mentions)
        if not named and not re.match(r"(?:he|she)\s", text[start : start + 4]):
            continue
        part = Span(start, sentence.end)
        second = read_clause(text, part, mentions)
        if second is not None and second.subject.start == start and (second.subject.people or not named):
            found.append((part, second))
            break
    return found


def _clause_draft(
    text: str,
    span: Span,
    clause: Clause,
    passage: Passage,
    index: int,
    first: bool,
    mentions: Sequence[KeyedMention],
) -> DraftStatement:
    """The statement a reporting clause makes (speakers are set by the caller)."""
    draft = _draft(span, (), clause.act, passage, index, first, clause.explicit_act)
    draft.addressees, draft.group_object = explicit_addressees(text, clause, span, mentions)
    if clause.act is SpeechAct.ANSWERED and _ANSWER_INTRO.match(text, span.start, clause.subject.start + 1):
        # "Responding to a question from Ms. X, ...", "In reply to Professor Y, ...": the asker is named
        draft.answered_askers = [
            k.key for k in mentions if span.start <= k.mention.span.start < clause.subject.start
        ]
        if _ASKED_BY_INTRO.match(text, span.start, clause.subject.start):
            draft.questioners = list(draft.answered_askers)
    elif clause.act is SpeechAct.ANSWERED:  # "Professor X's question on data was answered by Dr. Y"
        draft.answered_askers = [
            k.key
            for k in mentions
            if span.start <= k.mention.span.start < clause.verb_start
            and _QUESTION_OF.match(text, k.mention.span.end, clause.verb_start)
        ]
        draft.questioners = list(draft.answered_askers)
    verb = verb_forms().get(text[clause.verb_start : clause.verb_end])
    if draft.act in (SpeechAct.STATED, SpeechAct.COMMENTED) and _AND_ASKED.search(
        text, clause.verb_end, span.end
    ):
        draft.act, draft.explicit_act = SpeechAct.ASKED, True  # "noted that ... and wondered whether ..."
    elif draft.act is SpeechAct.EXPRESSED_CONCERN and _AND_ASKED.search(text, clause.verb_end, span.end):
        # "cautioned that ..., and asked how ...": the concern stays, the question waits for an answer
        draft.also_asks = True
    elif draft.act is SpeechAct.STATED and not draft.explicit_act:
        draft.act = _coordinated_act(text, clause.verb_end, span.end) or draft.act
    if verb is not None and verb.lemma in _PRESENTER_VERBS and draft.act is SpeechAct.PRESENTED:
        draft.act, draft.presents_if_named = SpeechAct.STATED, True
    if draft.act in (SpeechAct.THANKED, SpeechAct.ASKED):  # the two, not a person named later in a thanks
        draft.two_addressed = bool(_BOTH_SPEAKERS.match(text, clause.verb_end, span.end))
        if draft.two_addressed and draft.act is SpeechAct.ASKED:
            draft.group_object = False
    draft.discussant = bool(_DISCUSSANT.match(text, span.start, span.end))
    draft.commenting = (verb is not None and verb.lemma in _COMMENT_VERBS) or draft.discussant
    if draft.discussant and draft.act is SpeechAct.STATED:
        draft.act = SpeechAct.COMMENTED  # "As discussant, X commended ...": whoever the presenters are
    if clause.subject.pronoun in ("he", "she"):
        draft.pronoun_gender = _PRONOUNS[clause.subject.pronoun]
    elif clause.subject.people and len(clause.subject.people) == 1:
        # "Professor Krause explained his current research": the speaker's own possessive
        possessive = _POSSESSIVE.match(text, clause.verb_end, span.end)
        if possessive:
            word = possessive.group(1) or possessive.group(2)
            draft.pronoun_gender = "male" if word in ("his", "he") else "female"
    return draft


# "thanked both speakers", "expressed thanks to the two panellists"
_BOTH_SPEAKERS = re.compile(
    r"[^.;]{0,40}?\b(?:both|the\s+two)\s+(?:speakers|presenters|panell?ists|briefers|officials|guests)\b"
)
# A question the same subject goes on to ask: "He noted that the scheme had changed and wondered whether
# the Office had been consulted", "..., and asked whether ..."
_AND_ASKED = re.compile(
    r",?\s+and\s+(?:then\s+|also\s+)?(?:asked|wondered|inquired|enquired)\s+(?:whether|if|how|why|what|when)\b"
)


# A verb the same subject goes on with: "noted that ... and cautioned against ..."
_AND_VERB = re.compile(r",?\s+and\s+(?:then\s+|also\s+|further\s+)?([a-z]+ed)\b")
# Acts a second verb gives a plain statement: a warning says more than the noting before it. Not a
# proposal: "noted ... and urged ..." may answer a question, which a proposal never does in turn taking
_STRONGER_ACTS = frozenset({SpeechAct.EXPRESSED_CONCERN})


def _coordinated_act(text: str, start: int, end: int) -> SpeechAct | None:
    """The act of a concern verb coordinated with a statement's own verb."""
    for match in _AND_VERB.finditer(text, start, end):
        verb = verb_forms().get(match.group(1))
        if verb is not None and verb.act in _STRONGER_ACTS:
            return verb.act
    return None


# "explained his current research", "commented that her office ...": in reported speech the
# speaker's own pronoun (not the object of a question: "asked her whether ...")
_POSSESSIVE = re.compile(
    r"\s+(?:(his|her)\s+(?!(?:for|to|about|on|in|with|at|by|that|and|whether|if|how|why|what|when|where|who)\b)"
    r"[a-z]|that\s+(he|she|his|her)\b)"
)


def _draft(
    span: Span,
    speakers: tuple[str, ...],
    act: SpeechAct,
    passage: Passage,
    index: int,
    first: bool,
    explicit: bool,
) -> DraftStatement:
    return DraftStatement(
        span=Span(span.start, passage.span.end),
        speakers=speakers,
        act=act,
        session=passage.session,
        passage_index=index,
        first_in_passage=first,
        explicit_act=explicit,
    )


_WANT_VERBS = frozenset({"want", "wish"})
_OPINION_VERBS = frozenset({"think", "believe"})
_COMMENT_VERBS = frozenset({"observe", "remark", "comment", "question"})
# Verbs that report a presentation only from the presenter a session's headings name: a participant who
# "described the winters at home" states; "Presentation by Mr. X ... Mr. X described" presents
_PRESENTER_VERBS = frozenset({"describe"})
# "As a discussant, Ms. Zhang Yunfei ... recalled": a discussant comments
_DISCUSSANT = re.compile(r"As (?:(?:a|the)\s+)?discussant\b")
# "I would like to share", "I'd like to raise", "I have to point out", "I think", "We must"
_FIRST_PERSON = re.compile(
    r"(?:[A-Z][^,]{0,60},\s+)?(I|We)(?:'d|\s+would|\s+should|\s+must|\s+can|\s+will|\s+have|\s+want|\s+wish)?"
    r"(?:\s+like)?(?:\s+to)?\s+(?:also\s+|first\s+)?([a-z]+)\b"
)
# "Thank you, Madam Chair.", "Thank you very much." opening a sentence of a talk (not "Thank you to X");
# "I am grateful to X", "We are deeply grateful to the hosts"
_THANK_YOU = re.compile(
    r"Thank you(?:\s+(?:very|so)\s+much)?(?=\s*[,.!])"
    r"|(?:I|We)\s+(?:am|are)\s+(?:\w+ly\s+)?(?:grateful|thankful)\s+(?=to\b)"
)
# A paragraph that narrates rather than reports a talk: "The next session was held at ..."
_NARRATIVE = re.compile(r"\b(?:was|were|had been|took place|gathered|was followed)\b")


def _first_person_clause(text: str, sentence: Span) -> Clause | None:
    """A speaker's own words in a talk the report gives in the first person: "I would like to share ..."."""
    thanks = _THANK_YOU.match(text, sentence.start, sentence.end)
    if thanks is not None:  # "Thank you, Madam Chair.": a speaker's own thanks
        subject = Subject(thanks.start(), thanks.start(), pronoun="i")
        return Clause(subject, thanks.start(), thanks.end(), SpeechAct.THANKED, True)
    match = _FIRST_PERSON.match(text, sentence.start, sentence.end)
    if match is None:
        return None
    form = match.group(2)
    verb = verb_forms().get(form) or verb_forms().get(form + "e")
    if verb is None:
        return None
    act, _ = _act(text, form if form in verb_forms() else form + "e", match.end(2), sentence.end)
    if act in (SpeechAct.ASKED, SpeechAct.ANSWERED):
        act = SpeechAct.STATED  # questions a speaker raises in a talk are rhetorical
    subject = Subject(match.start(1), match.end(1), pronoun="i")
    return Clause(subject, match.start(2), match.end(2), act, False)


def _continues_speech(text: str, passage: Passage) -> bool:
    """Whether a paragraph without a reporting clause goes on with the last speaker's talk (it does not
    narrate the meeting: "was held", "hosted the participants at a dinner")."""
    sentences = split_sentences(text, passage.span.start, passage.span.end)
    if not sentences:
        return False
    first = text[sentences[0].start : sentences[0].end]
    whole = text[passage.span.start : passage.span.end].strip()
    if whole[:1] in "\"'" and whole[-1:] in "\"'":
        return False  # a line in quotes: the organizers' thanks, a motto, not the speaker's talk
    words = set(re.findall(r"[a-z]+", first))
    return not _NARRATIVE.search(first) and not words & non_speech_past_forms()


def _speakers(
    subject: Subject,
    recent: Sequence[tuple[str, ...]],
    gender_of: GenderOf,
    groups: dict[str, GroupDraft],
) -> tuple[str, ...]:
    if subject.people:
        return subject.people
    if subject.group_label is not None:
        key = group_key(subject.group_label, subject.group_countries)
        groups.setdefault(
            key,
            GroupDraft(key, subject.group_label, subject.group_countries, Span(subject.start, subject.end)),
        )
        return (key,)
    if subject.pronoun == "they":
        for speakers in reversed(recent):
            if len(speakers) > 1 or (speakers[0].startswith("group-") and speakers[0].endswith("s")):
                return speakers  # several people, or a group named in the plural ("the three speakers")
        return ()
    if subject.pronoun == "i":
        for speakers in reversed(recent):
            if len(speakers) == 1 and not speakers[0].startswith("group-"):
                return speakers
        return ()
    wanted = _PRONOUNS.get(subject.pronoun or "")
    for speakers in reversed(recent):
        if len(speakers) == 1 and not speakers[0].startswith("group-"):
            gender = gender_of(speakers[0])
            if subject.pronoun == "speaker" or gender in (None, wanted):
                return speakers
    return ()


def _answerer(
    clause: Clause, opens_paragraph: bool, history: Sequence[DraftStatement], gender_of: GenderOf
) -> tuple[str, ...]:
    """The person a "he"/"she" answering a question stands for (not the asker), when the gender fits.

    "Ms. X asked Mr. Y whether ... [new paragraph] He explained that ...": a pronoun that answers, or
    opens the paragraph after a question put to one named person, is that person. "He wondered whether
    the Office was consulted. She answered that ...": an answer to a question put to nobody by name
    comes from the latest person who answered or was asked in the session.
    """
    if not history or history[-1].act is not SpeechAct.ASKED:
        return ()
    if clause.subject.pronoun == "they" and clause.act is SpeechAct.ANSWERED:
        # "Ms. X asked Dr. A and Mr. B whether ... They replied ...": the people asked
        asked = tuple(a for a in history[-1].addressees if not a.startswith("group-"))
        return asked if len(asked) > 1 else ()
    if clause.subject.pronoun not in ("he", "she", "speaker"):
        return ()
    answers = clause.act is SpeechAct.ANSWERED
    if not answers and not (opens_paragraph and clause.act in _MAY_ANSWER):
        return ()
    wanted = _PRONOUNS.get(clause.subject.pronoun)  # None: "the speaker", of either gender
    question = history[-1]

    def fits(person: str) -> bool:
        return (
            not person.startswith("group-")
            and person not in question.speakers
            and (wanted is None or gender_of(person) in (None, wanted))
        )

    if len(question.addressees) == 1:
        return (question.addressees[0],) if fits(question.addressees[0]) else ()
    if not answers or question.addressees:
        return ()
    for earlier in reversed(history[:-1]):
        people: Sequence[str] = earlier.speakers if earlier.act is SpeechAct.ANSWERED else ()
        people = earlier.addressees if earlier.act is SpeechAct.ASKED else people
        if len(people) == 1 and fits(people[0]) and (wanted is None or gender_of(people[0]) == wanted):
            return (people[0],)
    for earlier in reversed(history[:-1]):  # else the latest other speaker: an answer is not the asker's
        if len(earlier.speakers) == 1 and fits(earlier.speakers[0]):
            return earlier.speakers
    return ()


# "He also noted", "She further asked": the same speaker going on, not someone new answering
_GOING_ON = re.compile(r"\b(?:also|further|again|additionally)\b")
# Acts of a pronoun opening the paragraph after a question that make it the answer: "He explained ..."
_MAY_ANSWER = frozenset({SpeechAct.STATED, SpeechAct.COMMENTED})


def group_key(label: str, countries: Sequence[str]) -> str:
    """ "the Japanese and Chinese participants" -> "group-chn-jpn-participants"."""
    noun = re.search(rf"\b({_GROUP_NOUNS})\b", label)
    parts = ["group", *(c.lower() for c in sorted(countries)), noun.group(1) if noun else "speakers"]
    if not countries:
        number = re.search(
            r"\b(one|two|three|four|five|six|several|some|many|all|a|an)\b", label, re.IGNORECASE
        )
        if number:
            parts.insert(1, number.group(1).lower())
    return "-".join(parts)


def _cut_spans(text: str, statements: list[DraftStatement], passages: Sequence[Passage]) -> None:
    """Each statement runs to the next statement of its passage, or to the end of the passage
    (without the blank space or the "while" that joins it to the next). A statement opening its
    passage starts with it, over the blanked markup before the first word ("**Dr. X** said")."""
    for index, statement in enumerate(statements):
        passage_start = passages[statement.passage_index].span.start
        if passage_start < statement.span.start and not text[passage_start : statement.span.start].strip():
            statement.span = Span(passage_start, statement.span.end)
        following = statements[index + 1] if index + 1 < len(statements) else None
        end = passages[statement.passage_index].span.end
        if following is not None and following.passage_index == statement.passage_index:
            end = following.span.start
        tail = re.search(r"(?:,?\s+(?:while|whereas|and|but))?\s*$", text[statement.span.start : end])
        if tail:
            end = statement.span.start + tail.start()
        statement.span = Span(statement.span.start, max(statement.span.start, end))


# ----- turn taking: answers and addressees -------------------------------------------------------------


def settle_turns(statements: list[DraftStatement], presenters: dict[int | None, list[str]]) -> None:
    """Mark answers, link each answer to the questions it answers, and fill in missing addressees.

    A presenter of a session (named in its headings, else its first speaker) who speaks again after
    others answers the questions asked since; so does anyone whose verb says so ("replied").
    """
    by_session: dict[int | None, list[DraftStatement]] = {}
    for statement in statements:
        by_session.setdefault(statement.session, []).append(statement)
    for session, items in by_session.items():
        hosts = presenters.get(session) or ([items[0].speakers[0]] if items else [])
        _settle_session(items, hosts, named=presenters.get(session, []))


def _settle_session(items: list[DraftStatement], presenters: list[str], named: Sequence[str] = ()) -> None:
    """Turn taking in one session; ``presenters`` include its first speaker, ``named`` only those its
    headings name."""
    pending: list[DraftStatement] = []  # questions not yet answered
    spoken: set[str] = set()
    presented: set[str] = set()  # who gave a presentation in the session so far
    previous: DraftStatement | None = None
    answering: set[str] = set()
    for statement in items:
        speaker = statement.speakers[0]
        introduced = (  # "The first briefing was given by Ms. X. Ms. X described ...": her briefing goes on
            previous is not None
            and previous.act is SpeechAct.PRESENTED
            and previous.speakers == statement.speakers
        )
        if statement.presents_if_named and ((speaker in named and speaker not in spoken) or introduced):
            statement.act = SpeechAct.PRESENTED
        new_turn = previous is None or set(previous.speakers) != set(statement.speakers)
        if new_turn:
            answering = set()
        others_spoke = previous is not None and not set(previous.speakers) & set(statement.speakers)
        is_question = statement.act is SpeechAct.ASKED or statement.also_asks
        may_answer = not is_question and statement.act not in _NOT_ANSWERS
        presenter_again = speaker in presenters and speaker in spoken and others_spoke
        # another presenter of the session ("Mr. Y spoke about ...") speaking right after a question put to
        # no one: the answer (only to such a question, not to a comment as the session's presenter)
        later_presenter = (
            speaker in presented
            and speaker not in presenters
            and others_spoke
            and any(not q.addressees for q in pending[-1:])
            and previous is pending[-1]
        )
        asked_in_turn = new_turn and any(speaker in q.addressees for q in pending[-1:])
        # "Dr. X followed up with a question: ...? Mr. Y explained that ...": someone else explaining or
        # saying something in the very next sentence of the question's paragraph answers it
        next_sentence = (
            others_spoke
            and statement.act is SpeechAct.STATED
            and not statement.first_in_passage
            and previous is not None
            and bool(pending)
            and previous is pending[-1]
            and not previous.addressees
            and previous.passage_index == statement.passage_index
        )
        if (
            may_answer
            and (
                (presenter_again and _answer_due(speaker, pending, previous))
                or asked_in_turn
                or later_presenter
                or next_sentence
            )
        ) or (
            statement.act is SpeechAct.ANSWERED and statement.explicit_act
        ):  # a presenter speaking again, the person just asked by name speaking next, or "replied"
            answering = set(statement.speakers)
            named_only = not (presenter_again or later_presenter) and statement.act is not SpeechAct.ANSWERED
            _answer(statement, speaker, pending, previous, named_only)
        elif speaker in answering and statement.first_in_passage and may_answer:
            statement.act = SpeechAct.ANSWERED
            if previous is not None:
                statement.answers = previous.answers
                statement.addressees = statement.addressees or list(previous.addressees)
        going_on = previous is not None and not new_turn and previous.act is SpeechAct.COMMENTED
        if (
            statement.act is SpeechAct.STATED
            and statement.commenting
            and ((new_turn and speaker not in presenters) or going_on)
        ):  # a comment opening a turn, or going on with one ("As discussant, X ... He questioned whether")
            statement.act = SpeechAct.COMMENTED
        elif (
            statement.act is SpeechAct.COMMENTED
            and previous is not None
            and not new_turn
            and previous.act in (SpeechAct.PRESENTED, SpeechAct.STATED)
            and not statement.discussant
        ):
            statement.act = (
                SpeechAct.STATED
            )  # "Ms. X briefed ... She remarked that ...": her own talk goes on
        if statement.two_addressed and statement.act in (SpeechAct.THANKED, SpeechAct.ASKED):
            statement.addressees = _last_other_speakers(items, statement, 2)
        if is_question:
            pending.append(statement)
        if statement.act is SpeechAct.THANKED and not statement.addressees and not statement.group_object:
            other = _last_other_speaker(items, statement)
            if other is not None:
                statement.addressees = [other]
        spoken.update(statement.speakers)
        if statement.act is SpeechAct.PRESENTED:
            presented.update(statement.speakers)
        previous = statement
    _default_question_addressees(items, presenters)


# Acts a verb names that turn taking leaves alone: "Finally, Professor X thanked ...", "She proposed ..."
_NOT_ANSWERS = frozenset({SpeechAct.THANKED, SpeechAct.PROPOSED})


def _answer_due(speaker: str, pending: Sequence[DraftStatement], previous: DraftStatement | None) -> bool:
    """A questions is waiting for ``speaker``, or someone commented after ``speaker`` last spoke."""
    waiting = [q for q in pending if not q.addressees or speaker in q.addressees]
    if waiting:
        return True
    return previous is not None and previous.act in (
        SpeechAct.COMMENTED,
        SpeechAct.STATED,
        SpeechAct.PROPOSED,
    )


def _answer(
    statement: DraftStatement,
    speaker: str,
    pending: list[DraftStatement],
    previous: DraftStatement | None,
    named_only: bool = False,
) -> None:
    """Turn a statement into the answer to the questions waiting for its speaker (``named_only``: only
    those put to the speaker by name, for someone who answers because the question named them)."""
    waiting = [q for q in pending if (not q.addressees and not named_only) or speaker in q.addressees]
    statement.act = SpeechAct.ANSWERED
    named = statement.answered_askers  # askers the answer itself names ("Responding to Ms. X, ...")
    if named:  # only their questions: "Asked by X, ..." answers X, not a question waiting from someone else
        waiting = [q for q in pending if set(q.speakers) & set(named)]
    if waiting:
        statement.answers = waiting[-1].span
        askers = [s for q in waiting for s in q.speakers]
        statement.answered_askers = list(dict.fromkeys([*named, *askers] if named else askers))
        statement.addressees = statement.addressees or [waiting[-1].speakers[0]]
        for question in waiting:
            if not question.addressees:
                question.addressees = [speaker]
            pending.remove(question)
    elif named:
        statement.addressees = statement.addressees or [named[0]]
    elif statement.explicit_act and statement.addressees:  # "Dr. Y responded to Professor X that ..."
        statement.answered_askers = [a for a in statement.addressees if not a.startswith("group-")]
    elif previous is not None and not statement.addressees and previous.speakers[0] != speaker:
        statement.addressees = [previous.speakers[0]]


def _last_other_speakers(items: Sequence[DraftStatement], statement: DraftStatement, count: int) -> list[str]:
    """The ``count`` people other than the statement's speakers who spoke last before it in the session."""
    found: list[str] = []
    for earlier in reversed(items[: items.index(statement)]):
        for speaker in earlier.speakers:
            if (
                speaker not in statement.speakers
                and not speaker.startswith("group-")
                and speaker not in found
            ):
                found.append(speaker)
        if len(found) >= count:
            return found[:count]
    return found


def _last_other_speaker(items: Sequence[DraftStatement], statement: DraftStatement) -> str | None:
    index = items.index(statement)
    for earlier in reversed(items[:index]):
        others = [s for s in earlier.speakers if s not in statement.speakers and not s.startswith("group-")]
        if others:
            return others[0]
    return None


def _default_question_addressees(items: Sequence[DraftStatement], presenters: list[str]) -> None:
    """A question nobody answered is addressed to the session's presenter."""
    for statement in items:
        asks = statement.act is SpeechAct.ASKED or statement.also_asks
        if not asks or statement.addressees or statement.group_object:
            continue
        target = next((p for p in presenters if p not in statement.speakers), None)
        if target is not None:
            statement.addressees = [target]


# "Ambassador X of the Republic of Korea hosted ...": the "of" phrase after a host's name
_OF_COUNTRY = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of|the|[A-Z][\w'-]*))*)?")
# "Ambassador Shuang CAO of China hosted a lunch for Mr. Ito and Prof. Nakamura"
_HOSTED = re.compile(r"\s+(?:\w+\s+)?(?:hosted|hosts|welcomed|received)\b")


def _hosting_verb(text: str, position: int, limit: int) -> re.Match[str] | None:
    """ "hosted" right after the host's name, or after an apposition between commas: "Professor X, Dean
    of the School of Public Policy, hosted ..."."""
    verb = _HOSTED.match(text, position, limit)
    if verb is not None or not text.startswith(",", position):
        return verb
    for comma in re.finditer(r",", text[position + 1 : min(limit, position + 250)]):
        verb = _HOSTED.match(text, position + 1 + comma.end(), limit)
        if verb is not None:
            return verb
    return None


@dataclass(frozen=True)
class Hosting:
    """A person hosting others, as a sentence says."""

    host: str
    guests: tuple[str, ...]
    span: Span
    session: int | None


def find_hostings(text: str, passages: Sequence[Passage], mentions: Sequence[KeyedMention]) -> list[Hosting]:
    """Sentences whose subject hosted people named after the verb."""
    found = []
    for passage in passages:
        inside = [k for k in mentions if passage.span.start <= k.mention.span.start < passage.span.end]
        for sentence in split_sentences(text, passage.span.start, passage.span.end):
            for position in _subject_positions(text, sentence):
                subject = _subject_at(text, position, sentence, inside)
                if subject is None or len(subject.people) != 1:
                    continue
                after_name = _OF_COUNTRY.match(text, subject.end)  # "Ambassador X of the Republic of Korea"
                verb = _hosting_verb(text, after_name.end() if after_name else subject.end, sentence.end)
                if verb is None:
                    continue
                guests = tuple(
                    k.key
                    for k in inside
                    if verb.end() <= k.mention.span.start < sentence.end and k.key != subject.people[0]
                )
                if guests:
                    found.append(
                        Hosting(subject.people[0], tuple(dict.fromkeys(guests)), sentence, passage.session)
                    )
                break
            else:
                found.extend(_passive_hosting(text, sentence, inside, passage.session))
    return found


# "Professor X and Dr. Y were hosted by Ambassador Z", "Ms. X was welcomed by the Dean"
_HOSTED_BY = re.compile(r"\s+(?:was|were)\s+(?:\w+\s+)?(?:hosted|received|welcomed)\s+by\s+(?:the\s+)?")


def _passive_hosting(
    text: str, sentence: Span, mentions: Sequence[KeyedMention], session: int | None
) -> list[Hosting]:
    """People the subject of a sentence names, hosted by the person named after "hosted by"."""
    subject = _subject_at(text, sentence.start, sentence, mentions)
    if subject is None or not subject.people:
        return []
    verb = _HOSTED_BY.match(text, subject.end, sentence.end)
    if verb is None:
        return []
    host = next((k.key for k in mentions if k.mention.span.start == verb.end()), None)
    guests = tuple(p for p in subject.people if p != host)
    return [Hosting(host, guests, sentence, session)] if host is not None and guests else []

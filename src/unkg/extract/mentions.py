"""Person mentions: every place a report names a person, or refers to one by title alone.

A mention is found in a *run*: capitalised words separated by single spaces on one line
("Director-General Tatiana Valovaya", "Professor Heung-Soon PARK", "Keiichi TANABE Associate
Professor"). A run is read left to right:

1. titles ("Ms.", "Professor", "Korean Ambassador", "USG"; see ``data/honorifics.csv``);
2. the name: capitalised parts up to a word that belongs to an organization, place, date or role
   ("Yushi Torigoe Chief" -> "Yushi Torigoe"), at most four parts;
3. a run with titles and no name after "the" is a role reference ("The Director-General answered").

A name without a title must show that it is one: a part in capitals that is not an acronym
("ZHANG Yunfei", "Sejeong JEON"), or two to four capitalised parts none of which the report uses
as an ordinary word, not after "the"/"a" and not followed by an organization word ("Simon
Panchaud", but not "Sun Moon University" nor "the Yoon Suk Yeol regime"). Words of body names
never make an untitled name, even beside capitals: organization vocabulary in English and other
languages ("Defence", "Gesellschaft"), plurals of posts ("Ministers"), venue words
("House") and known organization acronyms that are no family name ("UN House"). Particles in
capitals stay in the family name ("Anna-Maria VAN DER BERG").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from unkg.extract.countries import country_for
from unkg.extract.names import (
    LOWER_PARTICLES,
    Honorific,
    ParsedName,
    east_asian_family_names,
    fold,
    honorifics,
    is_capitals,
    is_initial,
    non_name_words,
    role_words,
    split_name,
)
from unkg.extract.organizations import organization_for_name
from unkg.model import BlockKind, OrganizationType, Span

# A word of a run: "Heung-Soon", "O'Brien", "ZHANG", "Jangkeun(JK)", "Ms" (its "." is read apart).
# "'s" is not part of a name ("Natsume's").
_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:[-'][^\W\d_]{2,}|-[^\W\d_])*(?:\([A-Z]{1,4}\))?")
# "Mayumi, YAMADA, Assistant Professor": a given name, a comma, the family name in capitals
_COMMA_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]+), ([A-Z]{2,}(?:-[A-Z]{2,})?)(?=\s*(?:,|$))", re.MULTILINE)
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "if",
        "so",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "there",
        "here",
        "when",
        "while",
        "since",
        "after",
        "before",
        "during",
        "following",
        "first",
        "second",
        "third",
        "finally",
        "also",
        "then",
        "however",
        "thus",
        "therefore",
        "moreover",
        "furthermore",
        "indeed",
        "yet",
        "dear",
        "thank",
        "thanks",
        "left",
        "right",
        "moderator",
        "photo",
        "participants",
        "speakers",
        "scholars",
        "ms",
        "mr",
        "dr",
    ]
)
# Words before a run that make it a thing, not a person: "the Yoon Suk Yeol regime",
# "Department of Operational Support", "Under-Secretary-General for Operational Support"
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "our",
        "this",
        "that",
        "his",
        "her",
        "whose",
        "of",
        "for",
        "on",
        "in",
        "at",
    }
)
MAX_NAME_PARTS = 4


@dataclass(frozen=True)
class PersonMention:
    """A personal name (or a title standing for a person) at a place in the text."""

    span: Span  # titles and name
    name_span: Span  # the name alone (equals span for a role reference)
    name: ParsedName | None  # None for a role reference ("the Director-General")
    surface: str  # the name as written, without titles: "ZHANG Yunfei"
    titles: tuple[Honorific, ...] = ()
    country: str | None = None  # from a demonym before the title: "Korean Ambassador"
    weak: bool = False  # ambiguous ("US Khare", a name in a title-case heading): kept if the person is known

    @property
    def is_role_reference(self) -> bool:
        return self.name is None

    @property
    def gender(self) -> str | None:
        genders = {title.gender for title in self.titles if title.gender}
        return genders.pop() if len(genders) == 1 else None

    @property
    def name_order_shown(self) -> bool:
        """True when capitals (or a comma) showed the family name: a name whatever the context."""
        return self.name is not None and self.name.order_evidence

    @property
    def has_full_name(self) -> bool:
        return self.name is not None and self.name.given is not None


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    dot: bool  # a "." follows directly: "Ms." "Dr."


@dataclass(frozen=True)
class Vocabulary:
    """What one report tells about its words: which are ordinary words, which are acronyms."""

    lower_words: frozenset[str]  # words the report writes in lower case somewhere
    acronyms: frozenset[str]  # capitals the report uses alone ("WIPO"), never beside a name part


def report_vocabulary(text: str) -> Vocabulary:
    """Ordinary words and acronyms of a report (see :class:`Vocabulary`).

    A word in capitals is an acronym when it stands alone somewhere ("WIPO"), or when it is a known
    organization's acronym ("UNDP") and no neighbour is clearly a name part ("UNDP Young
    Professionals", but "NAM Young Hee": "Hee" is a name part).
    """
    lower = frozenset(re.findall(r"(?<![\w'-])[a-z][a-z'-]+\b", text))
    acronyms: set[str] = set()
    names_in_capitals = _names_in_capitals(text)
    for match in re.finditer(r"\b[A-Z]{2,}(?:-[A-Z]{2,})?\b", text):
        if _capital_particle_before_name(text, match):
            continue  # "DE VRIES", "VAN DER BERG": a particle in capitals, part of the family name
        if any(start <= match.start() < end for start, end in names_in_capitals):
            continue  # "Ms. KANG HYE WON": a whole name in capitals
        neighbours = _name_neighbours(text, match.start(), match.end())
        alone = not any(_name_like(word, frozenset()) for word in neighbours)
        known = _known_organization(match.group())
        if alone or (known and not any(_name_like(word, lower) for word in neighbours)):
            acronyms.add(match.group())
    return Vocabulary(lower_words=lower, acronyms=frozenset(acronyms))


# Two to four words in capitals on their own ("Dr. KANG HYE WON of ...", "CHOI DONG SU (KAIST)")
_CAPITALS_RUN = re.compile(r"(?<![\w-])[A-Z]{2,}(?:-[A-Z]{2,})?(?: [A-Z]{2,}(?:-[A-Z]{2,})?){1,3}(?![\w-])")


def _names_in_capitals(text: str) -> list[tuple[int, int]]:
    """Whole names written in capitals: a run of two to four words in capitals, outside a line in
    capitals, whose first or last word is a common East Asian family name, no word a known
    organization or a word of body names ("OPENING SESSION", "UN HOUSE" are none)."""
    found = []
    for match in _CAPITALS_RUN.finditer(text):
        words = match.group().split()
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not re.search(r"[a-z]", line):
            continue  # a heading in capitals
        if _capitals_name(words):
            found.append((match.start(), match.end()))
    return found


def _capitals_name(words: Sequence[str]) -> bool:
    """Two to four words in capitals that read as a whole name: the first or last a common East Asian
    family name, none a known organization or a word of body names."""
    families = east_asian_family_names()
    if not 2 <= len(words) <= 4 or (fold(words[0]) not in families and fold(words[-1]) not in families):
        return False
    return not any(_known_organization(w) or w.title() in non_name_words() for w in words)


# Name particles as captions write them, in capitals: "Jean DE LA CROIX", "Luis DA SILVA".
_CAPITAL_PARTICLES = "(?:" + "|".join(sorted(p.upper() for p in LOWER_PARTICLES)) + ")"


def _capital_particle_before_name(text: str, match: re.Match[str]) -> bool:
    """A particle in capitals followed by more of a family name in capitals: "DE" in "DE LA CROIX"."""
    if re.fullmatch(_CAPITAL_PARTICLES, match.group()) is None:
        return False
    following = text[match.end() : match.end() + 20]
    return re.match(rf"(?: {_CAPITAL_PARTICLES})* [A-Z]{{2}}", following) is not None


_CAPITALS_WORD = r"[A-Z]{2,}(?:-[A-Z]{2,})?"


def _name_neighbours(text: str, start: int, end: int) -> list[str]:
    """The mixed-case words beside a word in capitals, reached over other words in capitals that are
    no known organization: "Inés" for "SOLER" in "Inés PRADO SOLER", "Pieter" for "HOUT" in
    "VAN DEN HOUT Pieter" (a family name of several words in capitals), and up to two after it."""
    before = re.search(
        rf"\b([A-Z][a-z][\w-]*),? ((?:{_CAPITALS_WORD} ){{0,3}})$", text[max(0, start - 60) : start]
    )
    after = re.match(
        rf" ((?:{_CAPITALS_WORD} ){{0,3}})([A-Z][a-z][\w-]*)(?: ([A-Z][a-z][\w-]*))?", text[end : end + 60]
    )
    neighbours = []
    if before and _unknown_capitals(before.group(2)):
        neighbours.append(before.group(1))
    if after and _unknown_capitals(after.group(1)):
        neighbours += [word for word in after.group(2, 3) if word]
    return neighbours


def _unknown_capitals(chain: str) -> bool:
    """Words in capitals between a word and its neighbour that leave them in one name: particles and
    words that are no known organization ("UN" in "Geneva UN ESCAP" is one)."""
    return all(
        re.fullmatch(_CAPITAL_PARTICLES, word) or not _known_organization(word) for word in chain.split()
    )


@cache
def _known_organization(word: str) -> bool:
    return organization_for_name(word) is not None


@cache
def _international_acronym(word: str) -> bool:
    """The acronym of a UN or intergovernmental body ("UN", "ASEAN"); national institutes' acronyms are
    left out, as some are family names in capitals too ("CASS", "SASS")."""
    organization = organization_for_name(word)
    return organization is not None and organization.type in (
        OrganizationType.UN_SYSTEM,
        OrganizationType.INTERGOVERNMENTAL,
    )


def country_word(word: str, codes: bool = True) -> str | None:
    """Alpha-3 code of a country name or demonym written as one word ("Korean", "Japan", "ROK").

    A three-letter word in ordinary case is not read as a country code ("Ken" is not Kenya), nor,
    with ``codes=False`` (where a name may stand), one in capitals ("NAM Sang-min" is not Namibia;
    a code the report uses as a word, "ROK", is an acronym of the report anyway).
    """
    if len(word) <= 3 and (not word.isupper() or not codes):
        return None
    country = country_for(word)
    return country.alpha3 if country else None


def _stopword_in_name(word: str, titled: bool, inside: bool = False) -> bool:
    """A small word that ends a name: not a family name in capitals ("Tao HE"), nor a family name
    after a title ("Professor He") or after a given name ("Bo He")."""
    if word.lower() not in _STOPWORDS or is_capitals(word):
        return False
    return not ((titled or inside) and fold(word) in east_asian_family_names())


def _name_like(word: str, lower_words: frozenset[str]) -> bool:
    """A capitalised word that may be part of a personal name in this report."""
    return (
        word.lower() not in lower_words
        and word.lower() not in _STOPWORDS
        and word not in non_name_words()
        and word not in role_words()["head"]
        and country_word(word) is None
    )


@cache
def _title_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Title forms as word tuples by their first word, longest first: {"Associate": (("Associate",
    "Professor"),), "Ms.": (("Ms.",),) ...}."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in honorifics():
        words = tuple(form.split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(forms, key=lambda w: (-len(w), w))) for first, forms in by_first.items()}


def find_person_mentions(
    text: str, blocks: Iterable[tuple[Span, BlockKind]], vocabulary: Vocabulary
) -> list[PersonMention]:
    """Every person mention inside the given blocks of the text, in text order.

    Headings are written in title case, so there a name needs a title or capitals.
    """
    mentions: list[PersonMention] = []
    for span, kind in blocks:
        mentions.extend(_comma_form_mentions(text, span, vocabulary))
        taken = [m.span for m in mentions]
        title_case = _title_case(text, span, kind)
        listed = _people_label_spans(text, span) if title_case else []
        for run in _runs(text, span):
            in_list = any(s.start <= run[0].start < s.end for s in listed)
            for mention in _read_run(text, run, vocabulary, title_case=title_case and not in_list):
                if not any(_overlaps(mention.span, other) for other in taken):
                    mentions.append(mention)
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end))


def _title_case(text: str, span: Span, kind: BlockKind) -> bool:
    """A heading in title case, where capitals prove nothing; a line that is only a name ("Ryo
    Kobayashi", a photo caption read as a heading) is not one."""
    if kind is not BlockKind.HEADING:
        return False
    words = text[span.start : span.end].split()
    return not (2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][\w'-]+", word) for word in words))


# "Rapporteurs: X and Y", "Moderator: X", "Venue: ...": a label and its colon, in a heading or a
# block of front-matter lines
_LABEL = re.compile(r"(?:^|(?<=\s))([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*:(?=\s)")
_PEOPLE_LABELS = frozenset({"Participants", "Presenters", "Attendees", "Delegates"})


def _people_label_spans(text: str, span: Span) -> list[Span]:
    """The stretches of a heading after a label of a part people play ("Rapporteurs:", "Chair:",
    "Participants:") up to the next label: lists of people, whose capitals are names as in running text,
    not the title case of a heading."""
    labels = list(_LABEL.finditer(text, span.start, span.end))
    found = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else span.end
        if _people_label(label.group(1)):
            found.append(Span(label.end(), end))
    return found


def _people_label(label: str) -> bool:
    head = label.split()[-1]
    roles = role_words()
    words = (head, *_singulars(head))
    return head in _PEOPLE_LABELS or any(w in roles["head"] or w in roles.get("panel", ()) for w in words)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _comma_form_mentions(text: str, span: Span, vocabulary: Vocabulary) -> list[PersonMention]:
    """ "Mayumi, YAMADA" (given name, comma, family name in capitals), as captions write it."""
    found = []
    for match in _COMMA_NAME.finditer(text, span.start, span.end):
        given, family = match.group(1), match.group(2)
        if (
            given in _title_words()
            or not _name_like(given, vocabulary.lower_words)
            or family in vocabulary.acronyms
        ):
            continue
        if re.search(r"[A-Z][\w-]* $", text[max(0, match.start() - 30) : match.start()]):
            continue  # "Abby Robinson, DCAF": the end of a name, then an organization
        if organization_for_name(family) is not None:
            continue
        name = ParsedName(family=family, given=given, order_evidence=True)
        found_span = Span(match.start(), match.end())
        found.append(PersonMention(found_span, found_span, name, match.group()))
    return found


@cache
def _title_words() -> frozenset[str]:
    return frozenset(word.rstrip(".") for form in honorifics() for word in form.split())


def _runs(text: str, span: Span) -> list[list[_Token]]:
    """Runs of capitalised words (and title abbreviations with their dot) separated by spaces."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    previous_end = -1
    for match in _WORD.finditer(text, span.start, span.end):
        word = match.group()
        dot = text[match.end() : match.end() + 1] == "."
        token = _Token(word, match.start(), match.end() + (1 if dot and _is_abbreviation(word) else 0), dot)
        gap = text[previous_end : match.start()] if current else ""
        joined = bool(current) and re.fullmatch(r" +", gap) is not None
        if not word[0].isupper():
            if joined and _particle_joins(text, match.end(), span.end):
                current.append(token)  # "Pieter van Dam": the particle stays inside the name
                previous_end = token.end
                continue
            if current:
                runs.append(current)
            current = []
            previous_end = token.end
            continue
        if current and not joined:
            runs.append(current)
            current = []
        current.append(token)
        previous_end = token.end
        if dot and not _is_abbreviation(word):
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _particle_joins(text: str, end: int, limit: int) -> bool:
    """Whether the lower-case word ending at ``end`` is a name particle ("van", "de", "bin") that a
    single space joins to a following capitalised word or another particle: "van Dam", "van der Berg"."""
    word = re.search(r"[^\W\d_]+$", text[max(0, end - 8) : end])
    if word is None or word.group() not in LOWER_PARTICLES:
        return False
    return (
        re.match(r" (?:[A-Z]|(?:" + "|".join(sorted(LOWER_PARTICLES)) + r") )", text[end:limit]) is not None
    )


def _is_abbreviation(word: str) -> bool:
    """A title written with a dot: "Ms.", "Dr.", "Prof.", or an initial: "John F. Kennedy", "Ts. Enkhbat"."""
    return f"{word}." in honorifics() or word in {"St", "Jr", "Sr"} or is_initial(word)


def _written(token: _Token) -> str:
    """A word as a title table writes it: "Ms." with its dot, "Professor" without."""
    return token.text + ("." if token.dot and _is_abbreviation(token.text) else "")


def _match_title(tokens: Sequence[_Token], index: int) -> tuple[Honorific, int] | None:
    """The longest title starting at ``tokens[index]``, with the number of words it takes."""
    table = honorifics()
    for words in _title_forms().get(_written(tokens[index]), ()):
        end = index + len(words)
        if end > len(tokens):
            continue
        if tuple(_written(token) for token in tokens[index:end]) == words:
            return table[" ".join(words)], len(words)
    return None


def _read_run(
    text: str, run: list[_Token], vocabulary: Vocabulary, title_case: bool = False
) -> list[PersonMention]:
    """The mentions in one run (usually none or one)."""
    found: list[PersonMention] = []
    index = 0
    while index < len(run):
        mention, index = _read_mention(text, run, index, vocabulary)
        if mention is not None and title_case and not mention.titles and not mention.name_order_shown:
            # title case: "by Michael Emery" counts only as a person the report names elsewhere
            mention = replace(mention, weak=True)
        if mention is not None:
            found.append(mention)
    return found


def _read_mention(
    text: str, run: list[_Token], start: int, vocabulary: Vocabulary
) -> tuple[PersonMention | None, int]:
    """Read titles then a name from ``run[start:]``; return the mention and where to go on."""
    index = start
    titles: list[Honorific] = []
    country: str | None = None
    first_title_index: int | None = None
    while index < len(run):
        title = _match_title(run, index)
        if title is not None:
            if first_title_index is None:
                first_title_index = index
            titles.append(title[0])
            index += title[1]
            continue
        demonym = country_word(run[index].text) if index + 1 < len(run) else None
        if demonym is not None and not titles and _match_title(run, index + 1) is not None:
            country = demonym  # "Korean Ambassador Jangkeun Lee": the mention starts at "Korean"
            first_title_index = index
            index += 1
            continue
        following = run[index + 1].text if index + 1 < len(run) else None
        if (
            not titles
            and _skippable(run[index].text, vocabulary)
            and not _family_before_name(run[index].text, following, vocabulary)
        ):
            index += 1
            start = index
            continue
        break
    if index >= len(run) and not titles:
        return None, len(run)
    name_end = _name_end(run, index, vocabulary, titled=bool(titles))
    name_tokens = run[index:name_end]
    begin = (
        run[first_title_index].start
        if first_title_index is not None
        else (name_tokens or run[start:])[0].start
    )
    if not name_tokens:
        return _role_reference(text, run, titles, begin, index), max(index, start + 1)
    if titles and name_end < len(run) and non_name_words().get(run[name_end].text) == "org":
        return None, name_end + 1  # "the General Election Commission": a title word opening a body's name
    mention = _named_mention(text, run, titles, country, begin, name_tokens, name_end, vocabulary)
    return mention, max(name_end, start + 1)


def _family_before_name(word: str, following: str | None, vocabulary: Vocabulary) -> bool:
    """ "He Fang, Assistant Professor": a family name that is also a small word, before a given name."""
    return (
        following is not None
        and fold(word) in east_asian_family_names()
        and word.lower() in _STOPWORDS
        and _name_like(following, vocabulary.lower_words)
    )


def _skippable(word: str, vocabulary: Vocabulary) -> bool:
    """A capitalised word before a name that is not part of it: "Following Atul Khare"."""
    return (
        word.lower() in _STOPWORDS
        or word.lower() in vocabulary.lower_words
        or word in non_name_words()
        or word in vocabulary.acronyms
        or country_word(word, codes=False) is not None
    )


def _name_end(run: list[_Token], index: int, vocabulary: Vocabulary, titled: bool) -> int:
    """Where the name starting at ``run[index]`` stops: before a title, role, organization or place word.

    After a title a month or weekday name is a given name ("Dr. June Lee").
    """
    end = index
    roles = role_words()
    while end < len(run) and _capitalised_parts(run[index:end]) < MAX_NAME_PARTS:
        token = run[end]
        word = token.text
        if not word[0].isupper():
            end += 1  # a particle: "van", "de la" (trailing ones are dropped below)
            continue
        kind = non_name_words().get(word)
        stops = kind is not None and kind != "common" and not (titled and kind == "time" and end == index)
        if stops or word in roles["head"]:
            break
        if _match_title(run, end) is not None:
            break
        if word in roles["modifier"] and end + 1 < len(run) and run[end + 1].text in roles["head"]:
            break
        if is_capitals(word) and word in vocabulary.acronyms:
            break
        # an initial inside a name ("John F. Kennedy"), or leading one after a title ("Dr. A. K. Sharma")
        if is_initial(word) and token.dot and (end > index or titled) and end + 1 < len(run):
            end += 1
            continue
        following = run[end + 1].text if end + 1 < len(run) else None
        leading_family = end == index and _family_before_name(word, following, vocabulary)
        if country_word(word, codes=False) is not None or (
            _stopword_in_name(word, titled, inside=end > index) and not leading_family
        ):
            break
        if len(word.strip("()")) < 2:
            break
        end += 1
        if token.dot:
            break
    while end > index and not run[end - 1].text[0].isupper():
        end -= 1
    return end


def _capitalised_parts(tokens: Sequence[_Token]) -> int:
    """Name parts counted against :data:`MAX_NAME_PARTS` (particles do not count)."""
    return sum(1 for token in tokens if token.text[0].isupper())


def _role_reference(
    text: str, run: list[_Token], titles: list[Honorific], begin: int, index: int
) -> PersonMention | None:
    """ "The Director-General", "the Ambassador": a post title after "the" with no name."""
    if not titles or titles[-1].kind != "post" or titles[-1].needs_known_name:
        return None
    before = text[max(0, begin - 4) : begin].lower()
    if not before.endswith("the "):
        return None
    end = run[index - 1].end
    span = Span(begin, end)
    return PersonMention(span, span, None, text[begin:end], tuple(titles))


def _named_mention(
    text: str,
    run: list[_Token],
    titles: list[Honorific],
    country: str | None,
    begin: int,
    name_tokens: list[_Token],
    name_end: int,
    vocabulary: Vocabulary,
) -> PersonMention | None:
    parts = [token.text for token in name_tokens]
    if not titles and not _plausible_untitled_name(text, run, name_tokens, name_end, vocabulary):
        return None
    weak = bool(titles) and all(title.needs_known_name for title in titles)
    if weak and len(parts) > 1:
        return None
    name = split_name(parts)
    name_span = Span(name_tokens[0].start, name_tokens[-1].end)
    surface = text[name_span.start : name_span.end]
    return PersonMention(Span(begin, name_span.end), name_span, name, surface, tuple(titles), country, weak)


def _plausible_untitled_name(
    text: str, run: list[_Token], name_tokens: list[_Token], name_end: int, vocabulary: Vocabulary
) -> bool:
    """Whether capitalised words without a title are a personal name (see the module docstring)."""
    if len(name_tokens) < 2:
        return False
    rest = run[name_end:]
    if any(non_name_words().get(token.text) in ("org", "place", "document", "other") for token in rest):
        return False  # "Sun Moon University", "OBOR Judicial Research Institute"
    owned = re.match(r"['’]s\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)", text[name_tokens[-1].end :])
    if owned and any(non_name_words().get(word) == "org" for word in owned.group(1).split()):
        return False  # "Hanbit Women's University", "Seaview Children's Hospital": a body's name
    if country_for(" ".join(token.text for token in name_tokens)) is not None:
        return False  # "Viet Nam", "Costa Rica": a country written in two words
    if any(_roman_numeral(token.text) for token in name_tokens):
        return False  # "Phase III", "Title IX": a numbered thing
    if any(_body_word(token.text) for token in name_tokens):
        return False  # "ASEAN Defence Ministers", "Internationale Zusammenarbeit": words of a body's name
    capitals = [is_capitals(token.text) for token in name_tokens]
    if any(capitals) and not all(capitals):
        return True
    if any(capitals):
        # a whole name in capitals the vocabulary kept from acronyms ("PARK MIN JUN of ...")
        words = [token.text for token in name_tokens]
        return _capitals_name(words) and not any(w in vocabulary.acronyms for w in words)
    for first in (run[0], name_tokens[0]):
        before = text[max(0, first.start - 12) : first.start].split()
        after_preposition = bool(before) and before[-1] in ("of", "for")
        if (
            before
            and before[-1].lower() in _DETERMINERS
            and not (after_preposition and _east_asian_pair(run, name_tokens, vocabulary))
            and not (before[-1] == "that" and _clause_follows(text, run[-1].end))
        ):
            return False
    return not any(
        _ordinary_word(token.text, vocabulary)
        and not (token.text.lower() in _STOPWORDS and fold(token.text) in east_asian_family_names())
        and not (position > 0 and token.text in LOWER_PARTICLES)
        for position, token in enumerate(name_tokens)
    )


def _body_word(word: str) -> bool:
    """A word that makes an untitled run a body, not a person: a word of organization names (even in a
    run with capitals, "ASEAN Defence"), the plural of a post ("Ministers", "Secretaries"),
    or a UN or intergovernmental acronym that is no family name ("UN House", not "NAM Young Hee")."""
    if non_name_words().get(word) not in (None, "time"):
        return True
    if is_capitals(word):
        ordinary = fold(word) not in east_asian_family_names() and word.lower() not in LOWER_PARTICLES
        return ordinary and _international_acronym(word)  # "DOS" in "Bruno DOS REIS" is a particle
    # plurals of posts only: plurals of body words are family names too ("Tyra Banks", "Margaret Courts")
    return any(singular in role_words()["head"] for singular in _singulars(word))


def _singulars(word: str) -> list[str]:
    """Possible singulars of an English plural: "Ministers" -> "Minister", "Secretaries" -> "Secretary"."""
    if not word.endswith("s") or word.endswith("ss"):
        return []
    forms = [word[:-1]]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    return forms


# Words that go on a clause after its subject: "announced that Kenji Sato would ...", "... of Kobe University"
_CLAUSE_WORDS = frozenset(
    "of from and would will had has have was is were are should could might may can did who".split()  # noqa: SIM905
)


def _clause_follows(text: str, end: int) -> bool:
    """Whether the run ending at ``end`` is the subject of a clause ("that Kenji Sato would"), so "that"
    is a conjunction, not a determiner ("that Sun Moon initiative")."""
    following = re.match(r"\s*([,.;:(]|[a-z]+\b)", text[end : end + 20])
    return following is not None and (not following.group(1).isalpha() or following.group(1) in _CLAUSE_WORDS)


def _east_asian_pair(run: list[_Token], name_tokens: list[_Token], vocabulary: Vocabulary) -> bool:
    """ "with the assistance of Kenji Mori": after "of"/"for", a whole run of two parts, exactly one of
    them a common East Asian family name and neither an ordinary word, is a name ("of Hong Kong",
    both family names, and "of Operational Support" are not)."""
    if len(name_tokens) != 2 or len(run) != 2:
        return False
    families = [fold(token.text) in east_asian_family_names() for token in name_tokens]
    return sum(families) == 1 and not any(_ordinary_word(token.text, vocabulary) for token in name_tokens)


_ROMAN = re.compile(r"M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")


def _roman_numeral(word: str) -> bool:
    """A Roman numeral in capitals ("VIII", "IV"), unless it is a family name ("LI", "XI")."""
    return (
        len(word) >= 2 and _ROMAN.fullmatch(word) is not None and fold(word) not in east_asian_family_names()
    )


def _ordinary_word(word: str, vocabulary: Vocabulary) -> bool:
    lowered = word.lower()
    return (
        lowered in vocabulary.lower_words
        or lowered in _STOPWORDS
        or word in non_name_words()
        or word in role_words()["head"]
        or word in role_words()["modifier"]
    )

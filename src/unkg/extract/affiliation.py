"""People's countries, from what the text says about them - never from the look of a name.

:func:`assign_person_countries` is a pure stage over a finished :class:`~unkg.model.Extraction`.
It collects evidence for each person and sets :attr:`Person.country` from it:

* **Posts at national bodies** - a post's organization of a national type (university,
  research institute, association, government, permanent mission, armed forces, court, media;
  the list is ``national_types`` in ``data/affiliation_cues.yaml``) with a country gives that
  country: "Professor, Sophia University" -> JPN. An organization without a country of its own
  takes the one of the listed organization its name starts with ("Asahi Shimbun New York Bureau"
  -> Asahi Shimbun -> JPN). Other organizations named inside the post's phrase count a little
  ("Research Fellow, Institute of Asian Studies, China Foreign Affairs University"). UN system
  and intergovernmental entities never give a country: their staff are international civil
  servants. Someone whose current post is at such an entity keeps no country from former
  national posts either.
* **An organization written right after a name** - "Ms. X of the National University of Mongolia",
  "X (Mongolian Red Cross Society)", a caption's "X, Waseda University", "X, a doctoral candidate at
  Y", "X and Y, students of Z", and one qualifying the name from before ("Keio University's
  Professor X", "the Peking University scholar X"): the person's current affiliation, weighted as
  a current post (a former one, ", a former judge of X", as a former post; none when a list of people
  meets a list of organizations).
* **Explicit text around a mention** - a demonym (or "Japan's") qualifying the name through
  titles and person nouns only ("Korean Ambassador X", "the Chinese scholar Professor X"); a
  country right after it ("Colonel X of Mongolia", "Professor X from China", "X (Japan)", "the
  Ambassador of Korea" when that title stands for the person); an apposition ("X, a Japanese
  diplomat"). "of China Foreign Affairs University" is an organization, not a country.

Each piece of evidence has a weight (``weights`` in the cue file: a current post 2, a former post
1, an organization inside a post phrase 1, explicit text 2; an affiliation after a name as a current
post). A person gets the country with
evidence when it is the only one, or when its total is at least ``dominance`` (2) times the next
country's; otherwise - conflicting evidence - the country is left unset. A person without any
evidence keeps the country the earlier stages gave (if any). Group speakers are left as the speech
stage made them.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from unkg.extract.countries import CountryMention, country_by_code, country_for, find_countries
from unkg.extract.organizations import organization_for_name
from unkg.extract.reference import data_path, layout_cues, read_yaml, word_list
from unkg.model import Country, Extraction, Organization, OrganizationType, Person, Post, Span

_WINDOW = 80  # characters looked at before and after a mention
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class CountryEvidence:
    """One reason to think a person belongs to a country, with where the text says it."""

    person: str  # Person.key
    country: str  # ISO alpha-3
    kind: str  # "current_post", "former_post", "parent_in_post", "affiliation", "former_affiliation", "text"
    span: Span
    weight: float


@dataclass(frozen=True)
class _Cues:
    national_types: frozenset[OrganizationType]
    qualifier_words: frozenset[str]  # titles, post words and person nouns, lower-case
    weights: Mapping[str, float]
    dominance: float


@functools.cache
def _cues() -> _Cues:
    data = read_yaml(data_path("affiliation_cues.yaml"))
    layout = layout_cues()
    weights = data.get("weights", {})
    if not isinstance(weights, dict):
        weights = {}
    return _Cues(
        national_types=frozenset(OrganizationType(t) for t in word_list(data, "national_types")),
        qualifier_words=word_list(data, "person_nouns")
        | word_list(layout, "honorifics")
        | word_list(layout, "post_words"),
        weights={str(kind): float(value) for kind, value in weights.items()},
        dominance=float(str(data.get("dominance", 2))),
    )


# ----- public API -------------------------------------------------------------------------------


def assign_person_countries(extraction: Extraction) -> Extraction:
    """The extraction with every person's country set from the evidence (see the module docstring)."""
    evidence = country_evidence(extraction)
    by_person: dict[str, list[CountryEvidence]] = defaultdict(list)
    for item in evidence:
        by_person[item.person].append(item)
    people = tuple(_with_country(person, by_person.get(person.key, [])) for person in extraction.people)
    return replace(extraction, people=people, countries=_with_people_countries(extraction.countries, people))


def country_evidence(extraction: Extraction) -> list[CountryEvidence]:
    """Every piece of country evidence for the extraction's people, in person then text order."""
    organizations = {o.key: o for o in extraction.organizations}
    found: list[CountryEvidence] = []
    for person in extraction.people:
        posts = [p for p in extraction.posts if p.person == person.key]
        found += _post_evidence(person.key, posts, organizations, extraction)
        found += _affiliation_evidence(person, posts, extraction)
        others = [span for other in extraction.people if other.key != person.key for span in other.mentions]
        found += _text_evidence(person, extraction.document.text, others)
    return found


def decide_country(evidence: Sequence[CountryEvidence]) -> str | None:
    """The country the evidence points to: the only one, or one at least ``dominance`` times the next."""
    totals: dict[str, float] = defaultdict(float)
    for item in evidence:
        totals[item.country] += item.weight
    if not totals:
        return None
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) == 1 or ranked[0][1] >= _cues().dominance * ranked[1][1]:
        return ranked[0][0]
    return None


def _with_country(person: Person, evidence: Sequence[CountryEvidence]) -> Person:
    if not evidence:
        return person
    return replace(person, country=decide_country(evidence))


def _with_people_countries(countries: Sequence[Country], people: Iterable[Person]) -> tuple[Country, ...]:
    """The extraction's countries plus those its people now have, sorted by code."""
    found = {c.alpha3: c for c in countries}
    for person in people:
        country = country_by_code(person.country) if person.country else None
        if country is not None:
            found.setdefault(country.alpha3, country)
    return tuple(sorted(found.values(), key=lambda c: c.alpha3))


# ----- posts ------------------------------------------------------------------------------------


def _is_international(organization: Organization | None) -> bool:
    return organization is not None and organization.type in (
        OrganizationType.UN_SYSTEM,
        OrganizationType.INTERGOVERNMENTAL,
    )


def national_country(organization: Organization) -> str | None:
    """The country an organization affiliates its members with, or None (international or unknown).

    An organization without a country takes the one of the listed national organization its
    name starts with ("Asahi Shimbun New York Bureau" -> the Asahi Shimbun's JPN).
    """
    national_types = _cues().national_types
    if _is_international(organization):
        return None
    if organization.country and organization.type in national_types:
        return organization.country
    resolved = organization_for_name(organization.name)
    if resolved is not None and resolved.country and resolved.type in national_types:
        return resolved.country
    return None


def _post_evidence(
    person: str,
    posts: Sequence[Post],
    organizations: Mapping[str, Organization],
    extraction: Extraction,
) -> list[CountryEvidence]:
    """Evidence from the organizations of a person's posts and those named inside the post phrases."""
    weights = _cues().weights
    text = extraction.document.text
    current_international = _current_international(posts, organizations, text)
    found: dict[tuple[str, str], CountryEvidence] = {}  # one vote per organization and kind
    for post in posts:
        if post.former and current_international:
            continue
        kind = "former_post" if post.former else "current_post"
        represented = represented_country(post, text)
        if represented is not None:  # the UN body after it is where the post is accredited
            _keep_strongest(found, "", CountryEvidence(person, represented, kind, post.span, weights[kind]))
            continue
        organization = organizations.get(post.organization or "")
        if _is_international(organization):
            continue
        if organization is not None:
            code = national_country(organization)
            if code is not None:
                _keep_strongest(
                    found, organization.key, CountryEvidence(person, code, kind, post.span, weights[kind])
                )
        for other in extraction.organizations:
            if other.key == post.organization or not _parent_inside(other, post.span, text):
                continue
            code = national_country(other)
            if code is not None:
                weight = weights["parent_in_post"]
                _keep_strongest(
                    found, other.key, CountryEvidence(person, code, "parent_in_post", post.span, weight)
                )
    return sorted(found.values(), key=lambda e: (e.span.start, e.country, e.kind))


def _current_international(
    posts: Sequence[Post], organizations: Mapping[str, Organization], text: str
) -> bool:
    """Whether the person now works for a UN or intergovernmental entity (not as a state's delegate)."""
    return any(
        not p.former
        and _is_international(organizations.get(p.organization or ""))
        and represented_country(p, text) is None
        for p in posts
    )


# A title word then "of" before the country a post serves: "Permanent Representative of X to ...",
# "Vice Minister of Health of X", "Ambassador of the Republic of X"
_SERVES = re.compile(r"\b[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$")


# "..., at the Permanent Mission of X": a venue, not what the post serves
_VENUE = re.compile(
    r"\b(?:at|in|to|with|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:of\s+|and\s+)?)+of\s+(?:the\s+)?$"
)


def represented_country(post: Post, text: str) -> str | None:
    """The country a post is held for, named right after "of" in its phrase and closing a part of it
    ("Deputy Permanent Representative of X to the United Nations", "Minister of Labour of X,"): a
    state's delegate or official, whatever international body the phrase goes on to name. Not a country
    opening a longer name ("Director of China Foreign Affairs University") nor a demonym ("Professor of
    Korean Studies")."""
    phrase = text[post.span.start : post.span.end]
    for country in find_countries(phrase):
        before = phrase[: country.span.start]
        if country.form == "demonym" or not _SERVES.search(before) or _VENUE.search(before):
            continue
        rest = phrase[country.span.end :]
        if re.match(r"\s*(?:$|[,;)]|\.(?:\s|$)|\s+(?:to|at|in|and)\s)", rest):
            return country.country.alpha3
    return None


def _keep_strongest(found: dict[tuple[str, str], CountryEvidence], key: str, item: CountryEvidence) -> None:
    """Keep one piece of evidence per organization: the heaviest (a current post over a former one)."""
    slot = (key, item.country)
    kept = found.get(slot)
    if kept is None or item.weight > kept.weight:
        found[slot] = item


def _named_inside(organization: Organization, span: Span) -> bool:
    return any(span.start <= m.start and m.end <= span.end for m in organization.mentions)


def _parent_inside(organization: Organization, span: Span, text: str) -> bool:
    """An organization named inside a post phrase as the unit's parent ("Research Fellow, Institute of
    Asian Studies, China Foreign Affairs University"), not as the place where something happened
    ("..., Research Fellow, Coastal University, at the Permanent Mission of Mongolia")."""
    return any(
        span.start <= m.start
        and m.end <= span.end
        and re.search(r"\b(?:at|in)\s+(?:the\s+)?$", text[max(span.start, m.start - 10) : m.start]) is None
        for m in organization.mentions
    )


# ----- organizations written right after a name -------------------------------------------------

# What may stand between a name and the organization it belongs to (NAME is another person, for
# "X and Y, students of the Graduate Institute"): "X of the ...", "X from ...", "X (...", a caption's
# "X, <organization>", and a lower-case apposition "X, a doctoral candidate at ...", "X, students of ...";
# a possessive may name the owner before the organization ("X of Korea's Sejong Institute").
_AFFILIATION_GAP = re.compile(
    r"(?:(?:,\s+|\s+and\s+)NAME)*"
    r"(?:,?\s+(?:of|from)\s+(?:the\s+)?"
    r"|[ \t]*\([ \t]*(?:the\s+)?"
    r"|,[ \t]+(?:the\s+)?"
    r"|,\s+(?:(?:a|an)\s+)?(?:[a-z][\w-]*\s+){1,3}(?:of|at|from|with|in)\s+(?:the\s+)?)"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?"  # "of Japan's National Institute ...": the owner
)
_MAX_GAP = 120
# "X (Associate Professor, School of Law, <organization>)": a post and units before the organization
# that closes the brackets after a name
_BRACKETED = re.compile(r"[ \t]*\([ \t]*(?:[A-Z][^(),;\n]*,\s+){1,3}(?:the\s+)?")


def _closes_brackets(text: str, gap: str, organization: Organization, start: int) -> bool:
    """Whether the organization at ``start`` ends the brackets opened right after the name, after a post
    and units written capitalised between commas."""
    if not _BRACKETED.fullmatch(gap) or "NAME" in gap:
        return False
    end = next((m.end for m in organization.mentions if m.start == start), None)
    return end is not None and re.match(r"[ \t]*\)", text[end:]) is not None


def _affiliation_evidence(
    person: Person, posts: Sequence[Post], extraction: Extraction
) -> list[CountryEvidence]:
    """Evidence from a national organization named right after the person's name ("Ms. X of the National
    University of Mongolia", "X (Mongolian Red Cross Society)", "X, a doctoral candidate at Y") or
    qualifying it from before ("Keio University's Professor X", "the Peking University scholar X"): the
    person's current affiliation, weighted as a current post. Organizations of the person's posts are
    counted there already; a former affiliation ("a former researcher at") and anyone whose current post
    is at an international entity take nothing from it."""
    organizations = {o.key: o for o in extraction.organizations}
    if _current_international(posts, organizations, extraction.document.text):
        return []
    counted = {p.organization for p in posts if p.organization}
    counted |= {o.key for o in extraction.organizations for p in posts if _named_inside(o, p.span)}
    text = extraction.document.text
    others = [span for other in extraction.people if other.key != person.key for span in other.mentions]
    weight = _cues().weights["current_post"]
    former_weight = _cues().weights["former_post"]
    found: dict[str, CountryEvidence] = {}
    for mention in person.mentions:
        nearby = _organizations_after(mention.end, extraction.organizations)
        nearby += _organizations_before(text, mention, extraction.organizations)
        for organization, start in nearby:
            if organization.key in counted or organization.key in found:
                continue
            after = start >= mention.end  # else "Keio University's Professor X", checked already
            former = after and "former" in text[mention.end : start]
            if after and not _affiliated(
                text, mention, organization, start, others, extraction.organizations
            ):
                continue
            code = national_country(organization)
            if code is not None:
                found[organization.key] = CountryEvidence(
                    person.key,
                    code,
                    "former_affiliation" if former else "affiliation",
                    Span(min(mention.start, start), max(mention.end, start)),
                    former_weight if former else weight,
                )
    return sorted(found.values(), key=lambda e: (e.span.start, e.country))


def _affiliated(
    text: str,
    mention: Span,
    organization: Organization,
    start: int,
    others: Sequence[Span],
    organizations: Sequence[Organization],
) -> bool:
    """Whether the organization named at ``start`` is an affiliation of the name at ``mention``: only an
    :data:`_AFFILIATION_GAP` between them (a former one, ", a former judge of", counts as a former post),
    and not a list of people before a list of organizations ("X and Y, students of A and B": which of
    them belongs where is not said)."""
    gap = _with_names_marked(text, _past_markup(text, mention.end), start, others)
    gap = re.sub(r"\bformer\s+", "", gap, count=1)
    if "\n\n" in gap:
        return False
    if not _AFFILIATION_GAP.fullmatch(gap) and not _closes_brackets(text, gap, organization, start):
        return False
    before = _with_names_marked(text, max(0, mention.start - 80), mention.start, others)
    coordinated = "NAME" in gap or re.search(r"NAME(?:,?\s+and|,)\s+$", before) is not None
    return not (coordinated and _listed_with_another(text, organization, start, organizations))


def _organizations_before(
    text: str, mention: Span, organizations: Sequence[Organization]
) -> list[tuple[Organization, int]]:
    """Organizations that qualify the name from before it: a possessive ("Keio University's Professor
    X") or titles and person nouns only ("the Peking University scholar Zhou Jianping")."""
    qualifiers = _cues().qualifier_words
    found = []
    for organization in organizations:
        for span in organization.mentions:
            if not mention.start - _WINDOW <= span.end <= mention.start:
                continue
            rest = text[span.end : mention.start]
            possessive = re.match(r"['’]s\s", rest)
            words = [
                w.lower().strip(".,")
                for w in re.findall(r"[\w.'’-]+", rest[possessive.end() if possessive else 0 :])
            ]
            if (
                "\n" in rest
                or re.search(r"[;,:()]", rest)
                or not (possessive or (words and rest[:1].isspace()))
            ):
                continue  # not across a list's separator ("Y University (Chair); Professor X, ...")
            if all(_qualifies(w, qualifiers) for w in words):
                found.append((organization, span.start))
    return found


def _qualifies(word: str, qualifiers: frozenset[str]) -> bool:
    """A title or person noun, its dot stripped or not ("h.e" of "H.E.", "mr" of "Mr.")."""
    return word in qualifiers or f"{word}." in qualifiers


def _listed_with_another(
    text: str, organization: Organization, start: int, organizations: Sequence[Organization]
) -> bool:
    """Whether the organization named at ``start`` is followed by "and"/"," and another organization."""
    end = next((span.end for span in organization.mentions if span.start == start), start)
    joined = re.match(r",?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?", text[end : end + 12])
    return joined is not None and any(
        span.start == end + joined.end() for other in organizations for span in other.mentions
    )


def _organizations_after(
    position: int, organizations: Sequence[Organization]
) -> list[tuple[Organization, int]]:
    """Organizations named within :data:`_MAX_GAP` characters after ``position``, nearest first."""
    found = [
        (organization, span.start)
        for organization in organizations
        for span in organization.mentions
        if position <= span.start <= position + _MAX_GAP
    ]
    return sorted(found, key=lambda item: (item[1], item[0].key))


def _past_markup(text: str, end: int) -> int:
    """Where the text goes on after the Markdown emphasis closing a name ("**Dr. X** of Y", "*X* (Japan)")."""
    markup = _MARKUP.match(text, end)
    return markup.end() if markup else end


_MARKUP = re.compile(r"[*_]{1,3}(?![\w*_])")


def _with_names_marked(text: str, start: int, end: int, names: Sequence[Span]) -> str:
    """``text[start:end]`` with every other person's mention inside it replaced by ``NAME``."""
    inside = sorted(span for span in names if start <= span.start and span.end <= end)
    pieces, position = [], start
    for span in inside:
        if span.start < position:
            continue
        pieces += [text[position : span.start], "NAME"]
        position = span.end
    pieces.append(text[position:end])
    return "".join(pieces)


# ----- explicit text ----------------------------------------------------------------------------


def _text_evidence(person: Person, text: str, others: Sequence[Span] = ()) -> list[CountryEvidence]:
    """Evidence from demonyms and countries written next to the person's mentions."""
    weight = _cues().weights["text"]
    name_words = _name_words(person)
    found: dict[tuple[str, int], CountryEvidence] = {}
    for mention in person.mentions:
        codes = _countries_around(text, mention, name_words)
        codes |= _apposition_countries(text, mention, others)
        for code in sorted(codes):
            found.setdefault(
                (code, mention.start), CountryEvidence(person.key, code, "text", mention, weight)
            )
    return sorted(found.values(), key=lambda e: (e.span.start, e.country))


# A later apposition of the same sentence describing the person by nationality: ", and formerly a Korean
# police officer", ", once a Mongolian diplomat" ("and" only with such an adverb: ", and a Danish student
# asked" opens a new clause)
_APPOSITION = re.compile(
    r",\s+(?:(?:and\s+)?(?:formerly|previously|once|herself|himself)\s+)?(?:a|an)\s+"
    r"([A-Z][\w-]*)((?:\s+[a-z][\w-]*){1,3})"
)
_SENTENCE_END = re.compile(r"[a-z\d)\"”][.!?](?:\s|$)|\n")


def _apposition_countries(text: str, mention: Span, others: Sequence[Span]) -> set[str]:
    """ "Ms. X, Political Affairs Officer in Y, and formerly a Korean police officer deployed with Z":
    a demonym qualifying a person noun in an apposition later in the name's sentence, with no other
    person named in between. A nationality: counted even when the apposition is former."""
    end = _past_markup(text, mention.end)
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    sentence = text[end : stop.start() + 1 if stop else min(len(text), end + 300)]
    qualifiers = _cues().qualifier_words
    found = set()
    for match in _APPOSITION.finditer(sentence):
        if "NAME" in _with_names_marked(text, end, end + match.start(), others):
            break
        country = country_for(match.group(1))
        nouns = match.group(2).split()
        if (
            country is not None
            and any(noun in qualifiers for noun in nouns)
            and match.group(1) != country.name
        ):
            found.add(country.alpha3)
    return found


def _name_words(person: Person) -> frozenset[str]:
    names = [person.name, person.family_name, person.given_name or "", *person.variants]
    return frozenset(word.lower() for name in names for word in re.split(r"[\s,]+", name) if word)


def _countries_around(text: str, mention: Span, name_words: frozenset[str]) -> set[str]:
    codes = set()
    before = _country_before(text, mention, name_words)
    if before is not None:
        codes.add(before)
    after = _country_after(text, mention.end)
    if after is not None:
        codes.add(after)
    return codes


def _country_before(text: str, mention: Span, name_words: frozenset[str]) -> str | None:
    """ "Korean Ambassador X", "the Chinese scholar Professor X", "Japan's Ambassador X": a demonym (or a
    country with 's) followed by nothing but titles, person nouns and the person's name."""
    start = max(0, mention.start - _WINDOW)
    window = text[start : mention.end]
    qualifiers = _cues().qualifier_words
    for country in reversed(find_countries(window)):
        rest = window[country.span.end :]
        possessive = re.match(r"['’]s\b", rest)
        if country.form != "demonym" and not possessive:
            continue
        rest = rest[possessive.end() :] if possessive else rest
        if not re.match(r"\s", rest) or "\n\n" in rest or re.search(r"\b[a-z]{2,}[.!?]\s", rest):
            return None  # not across a sentence end ("... for Syrian students. Dr. X thanked ...")
        words = [w.lower().strip(".,") for w in re.findall(r"[\w.'’-]+", rest)]
        if words and all(_qualifies(w, qualifiers) or w in name_words or w in _ARTICLES for w in words):
            return country.country.alpha3
        return None
    return None


# After a name: "(Japan)", " from China", " of the Republic of Korea", ", a Japanese diplomat".
_AFTER_LEAD = re.compile(
    r"[ \t]*\([ \t]*|\s+(?:from|of)\s+(?:the\s+)?"
    r"|,\s+(?:a|an)\s+(?:[a-z][\w-]*\s+){1,2}from\s+(?:the\s+)?"  # ", a delegate from X"
    r"|,\s+(?:a|an|the)\s+|,[ \t]+(?=[A-Z])"
)


def _country_after(text: str, end: int) -> str | None:
    end = _past_markup(text, end)
    after = text[end : end + _WINDOW]
    lead = _AFTER_LEAD.match(after)
    if lead is None:
        return None
    country = next((c for c in find_countries(after) if c.span.start >= lead.end()), None)
    if country is None or country.span.start != lead.end():
        return None
    rest = after[country.span.end :]
    return country.country.alpha3 if _closes_lead(lead.group(), country, rest) else None


def _closes_lead(lead: str, country: CountryMention, rest: str) -> bool:
    """Whether what follows the country completes the lead: ")" after "(", a person noun after ", a
    Japanese", and after "of"/"from" anything but more of a name ("of China Foreign Affairs University")."""
    if "(" in lead:
        return re.match(r"[ \t]*\)", rest) is not None
    if re.fullmatch(r",[ \t]+", lead):  # "Mr. X, Japan, asked", a caption's "Professor X, Mongolia"
        return country.form == "name" and re.match(r"[ \t]*(?:[,;)]|$|\n)", rest) is not None
    if lead.lstrip().startswith(",") and not lead.rstrip().endswith("from"):
        noun = re.match(r"\s+([\w-]+)", rest)
        return (
            country.form == "demonym"
            and noun is not None
            and noun.group(1).lower() in _cues().qualifier_words
        )
    return re.match(r"['’]s\b|\s*-|[ \t]+[A-Z]", rest) is None

"""Organizations in text: listed ones resolved across their names, and unlisted ones recognised by pattern.

Two sources, both plain data files a user can extend:

* ``data/organizations.csv`` - the UN system (principal organs, Secretariat departments,
  funds, programmes, specialized agencies, offices, missions), other intergovernmental
  organizations, courts, UN associations and UN-studies bodies. Each row has a stable ``key``
  (the acronym slug when there is one: ``who``), a name, an acronym and ``|``-separated other
  names. Every form is also matched in its spelling variants ("United Nations" / "UN",
  "Organization" / "Organisation", "Labour" / "Labor", "Centre" / "Center" ...), so "WHO",
  "World Health Organization" and "World Health Organisation" are one organization, as are
  "UNA-China", "UN Association of China" and "United Nations Association of China".
* ``data/institutions.csv`` - universities, research institutes and think tanks, learned and UN
  associations, national agencies and media of China, Japan, the Republic of Korea, Mongolia, the
  DPRK, Taiwan, Hong Kong and Macao, and the members of five research-university groups elsewhere
  (U15, Ivy League, Russell Group, Group of Eight, LERU), with type and country ("Fudan University"
  -> CHN, "PKU" and "Beijing University" -> Peking University, "McGill University" -> CAN). Rows
  are keyed by the slug of their name (as an unlisted organization of that name would be);
  ``data/organizations.csv`` wins a shared form.
* ``data/org_patterns.csv`` - regular expressions that recognise and type organizations never
  listed: "X University" / "University of X", "Institute of ...", "... Center", "... Association",
  "Permanent Mission of X" / "the Korean Mission", "Armed Forces of X", "the Russian Government",
  "Ministry of ...", "... Court", newspapers. ``{W}`` in a pattern stands for a capitalised word and
  ``{N}`` for a name (capitalised words joined by "of", "for", "and", "the" ...); a group named
  ``country`` names the country ("Korean" -> KOR, "Japanese and Korean" -> two missions).

Where both match, the longer span wins (ties go to the listed organization). The country of
an unlisted organization comes from the text: a country or city in its name ("China Foreign
Affairs University", "University of Tokyo"), right after it ("Sun Moon University, Seoul";
cities, regions and national capitals in ``data/cities.csv``), a country after "of" that the
pattern left outside the name ("National Emergency Management Agency of Mongolia"), a possessive
before it ("China's Supreme People's Court"), a place after "in" ("Centre for X in Hanoi"), else the
one country named anywhere in it, unless
as a field of study ("Institute of Japanese Studies" has none; "Asian" and "East Asian" are no
countries), else the listed parent written after a comma ("Institute of Asian Studies, China
Foreign Affairs University" -> CHN).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from unkg.extract.countries import country_by_code, country_for, find_countries
from unkg.extract.reference import (
    Row,
    city_rows,
    institution_rows,
    layout_cues,
    organization_pattern_rows,
    organization_rows,
    split_list,
    word_list,
)
from unkg.model import Country, Organization, OrganizationType, Span
from unkg.rdf.iris import slugify

_WORD = r"(?:[A-Z][\w'’&-]*)"
_JOINER = r"(?:of|for|on|and|the|de|du|des|la|&)"
_NAME = rf"{_WORD}(?:\s+(?:{_JOINER}\s+)*{_WORD})*"
# Spelling variants a listed name is also matched in (both directions).
_SPELLINGS = (
    ("United Nations", "UN"),
    ("Organization", "Organisation"),
    ("Labour", "Labor"),
    ("Centre", "Center"),
    ("Programme", "Program"),
    ("Defence", "Defense"),
)
_LEADING_WORDS = frozenset(
    "the a an at in on for from by with of and as to while during following since after before regarding"  # noqa: SIM905
    " according both".split()
)
_NATIONAL_TYPES = (
    OrganizationType.PERMANENT_MISSION,
    OrganizationType.ARMED_FORCES,
    OrganizationType.GOVERNMENT,
)


@dataclass(frozen=True)
class OrganizationMention:
    """An organization named in a text; ``listed`` is False for one recognised by a pattern rule."""

    span: Span
    organization: Organization
    listed: bool = True


@dataclass(frozen=True)
class _Rule:
    type: OrganizationType
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    organization: Organization
    listed: bool
    rank: int  # lower wins among candidates of equal length


# ----- listed organizations -------------------------------------------------------------------


@functools.cache
def listed_organizations() -> tuple[Organization, ...]:
    """Every organization of ``data/organizations.csv`` then ``data/institutions.csv``, with its listed
    forms as ``variants``. Institutions are keyed by the slug of their name, as an unlisted
    organization of that name would be, so listing one never changes its key."""
    organizations = [
        _listed(row, row.get("key") or slugify(row.get("acronym") or row["name"]))
        for row in organization_rows()
    ]
    organizations += [_listed(row, slugify(_key_text(row["name"]))) for row in institution_rows()]
    return tuple(organizations)


def _listed(row: Row, key: str) -> Organization:
    acronym = row.get("acronym") or None
    alt_names = split_list(row.get("alt_names", ""))
    forms = tuple(dict.fromkeys(f for f in (row["name"], acronym, *alt_names) if f))
    return Organization(
        key=key,
        name=row["name"],
        acronym=acronym,
        type=OrganizationType(row.get("type") or OrganizationType.OTHER.value),
        country=(row.get("country") or "").upper() or None,
        variants=forms,
    )


def organization_by_key(key: str) -> Organization | None:
    """A listed organization by its key ("who", "una-china"), or None."""
    return next((o for o in listed_organizations() if o.key == key), None)


def organization_wikidata(key: str) -> str | None:
    """The Wikidata QID of a listed organization, where the table gives one."""
    for row in organization_rows():
        if row.get("key") == key:
            return row.get("wikidata") or None
    for row in institution_rows():
        if slugify(_key_text(row["name"])) == key:
            return row.get("wikidata") or None
    return None


def _spelling_variants(form: str) -> set[str]:
    """A form in all combinations of the spelling pairs ("UN Office at Geneva" <-> "United Nations ...")."""
    variants = {form}
    for long_form, short_form in _SPELLINGS:
        for variant in list(variants):
            variants.add(re.sub(rf"\b{re.escape(long_form)}\b", short_form, variant))
            variants.add(re.sub(rf"\b{re.escape(short_form)}\b", long_form, variant))
    return variants


@functools.cache
def _listed_forms() -> dict[str, Organization]:
    """Surface form -> listed organization; earlier rows win when two rows share a form."""
    forms: dict[str, Organization] = {}
    for organization in listed_organizations():
        for form in organization.variants:
            for variant in sorted(_spelling_variants(form)):
                forms.setdefault(variant, organization)
    return forms


def _form_regex(form: str) -> str:
    return r"\s+".join(re.escape(word) for word in form.split()).replace("'", "['’]")


@functools.cache
def _listed_matcher() -> re.Pattern[str]:
    forms = sorted(_listed_forms(), key=lambda f: (-len(f), f))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(_form_regex(f) for f in forms)})(?![\w]|-\w)")


def _normal(text: str) -> str:
    return " ".join(text.split()).replace("’", "'")


def _listed_candidates(text: str) -> list[_Candidate]:
    forms = _listed_forms()
    candidates = []
    for match in _listed_matcher().finditer(text):
        organization = forms.get(_normal(match.group()))
        if organization is not None:
            candidates.append(_Candidate(match.start(), match.end(), organization, True, 0))
    return candidates


# ----- organizations recognised by pattern --------------------------------------------------


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for row in organization_pattern_rows():
        source = row["pattern"].replace("{N}", _NAME).replace("{W}", _WORD)
        rules.append(_Rule(OrganizationType(row["type"]), re.compile(rf"(?<![\w-]){source}")))
    return tuple(rules)


@functools.cache
def _cities() -> dict[str, str]:
    return {_normal(row["city"]): row["country"].upper() for row in city_rows()}


@functools.cache
def _stop_words() -> frozenset[str]:
    """Words trimmed from the ends of a pattern match: honorifics and posts ("Professor", "Director")."""
    cues = layout_cues()
    return word_list(cues, "honorifics") | word_list(cues, "post_words") | _LEADING_WORDS


def _place_country(place: str) -> str | None:
    """The alpha-3 code of a country or city name, or None."""
    place = _normal(place)
    country = country_for(place)
    if country is not None:
        return country.alpha3
    return _cities().get(place)


def _countries_in(group: str) -> list[Country] | None:
    """Countries of a "Japanese and Korean" group; None if any part is not a country."""
    parts = [p for p in re.split(r"\s*,\s*|\s+and\s+", group.strip()) if p]
    countries = [country_for(p) for p in parts]
    if not countries or any(c is None for c in countries):
        return None
    return [c for c in countries if c is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading and trailing stop words (honorifics, posts, function words) from a match."""
    stop = _stop_words()
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and words[0].group().lower().rstrip(".,") in stop:
        words.pop(0)
    while words and words[-1].group().lower().rstrip(".,") in stop:
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def _context_country(text: str, start: int, end: int, name: str) -> str | None:
    """Country of an unlisted organization from its name, the place after it or a possessive before it."""
    first_words = re.match(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)", name)
    tail = re.search(r".*\bof\s+(?:the\s+)?([A-Z][\w'’ -]*)$", name)
    after = re.match(r"[ \t]*,[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)", text[end:])
    before = re.search(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)['’]s\s+$", text[max(0, start - 60) : start])
    # "National Emergency Management Agency of Mongolia": a country the pattern left outside the name
    of_after = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)", text[end:])
    candidates: list[str] = []
    if first_words:
        candidates += [first_words.group(1), first_words.group(1).split()[0]]
    # a sentence's full stop is not part of the place: "Charles University, Prague."
    candidates += [m.group(1).rstrip(".") for m in (tail, after, before) if m]
    if of_after and country_for(of_after.group(1)) is not None:
        candidates.append(of_after.group(1))
    # "a researcher at the Centre for Policy Research in Hanoi": the city or country it is in
    in_after = re.match(r"[ \t]+in[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)", text[end:])
    if in_after:
        candidates += [in_after.group(1), in_after.group(1).split()[0]]
    for place in candidates:
        code = _place_country(place)
        if code is not None:
            return code
    return _country_named_in(name) or (_parent_country(after.group(1)) if after else None)


# A demonym or country naming a field of study, not the organization's country:
# "Institute of Japanese Studies", "Center for Korean Language and Culture".
_FIELD_WORDS = re.compile(
    r"\s+(?:and\s+[A-Z]\w+\s+)?(?:Studies|Language|Literature|History|Culture|Affairs|Politics|Law)\b"
)


def _country_named_in(name: str) -> str | None:
    """The one country a name names anywhere ("Development Research Center of China's State Council"),
    or None when it names none, several, or only as a field of study. "Asian" and "East Asian" are
    not countries, so "Institute of Asian Studies" has none."""
    codes = {
        mention.country.alpha3
        for mention in find_countries(name)
        if not _FIELD_WORDS.match(name, mention.span.end)
    }
    return codes.pop() if len(codes) == 1 else None


def _parent_country(after: str) -> str | None:
    """The country of a listed parent institution written after a unit: "Institute of Asian Studies,
    China Foreign Affairs University" is in the university's country."""
    parent = _lookup_listed(after)
    if parent is None:
        found = [m for m in _listed_candidates(after) if m.start == 0]
        parent = found[0].organization if found else None
    return parent.country if parent is not None else None


# Country names said with "the": "Permanent Mission of the Republic of Korea".
_ARTICLE_FIRST_WORDS = frozenset(
    {"Republic", "Democratic", "United", "Kingdom", "State", "Federated", "Plurinational", "Islamic", "Holy",
     "Central", "Dominican", "Czech", "Lao"}
)  # fmt: skip
_ARTICLE_NAMES = frozenset(
    {"Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Gambia", "Congo"}
)


def _with_article(country_name: str) -> str:
    """A country name as it follows "of": "the Republic of Korea", "the Philippines", "Japan"."""
    words = country_name.split()
    needs_article = words[0] in _ARTICLE_FIRST_WORDS or country_name in _ARTICLE_NAMES
    needs_article = needs_article or country_name.endswith(" Islands")
    return "the " + country_name if needs_article else country_name


def _national_organization(kind: OrganizationType, country: Country) -> Organization:
    """A permanent mission, armed forces or government of a country, keyed by its code."""
    names = {
        OrganizationType.PERMANENT_MISSION: ("permanent-mission", "Permanent Mission of {}"),
        OrganizationType.ARMED_FORCES: ("armed-forces", "Armed Forces of {}"),
        OrganizationType.GOVERNMENT: ("government", "Government of {}"),
    }
    prefix, template = names[kind]
    return Organization(
        key=f"{prefix}-{country.alpha3.lower()}",
        name=template.format(_with_article(country.name)),
        type=kind,
        country=country.alpha3,
    )


_KEY_SPELLINGS = (
    ("UN", "United Nations"),
    ("Organisation", "Organization"),
    ("Centre", "Center"),
    ("Labour", "Labor"),
    ("Programme", "Program"),
    ("Defence", "Defense"),
)


def _key_text(name: str) -> str:
    """The name used for a key: "UN" spelt out, British spellings folded, so variants share a key."""
    for variant, canonical in _KEY_SPELLINGS:
        name = re.sub(rf"\b{variant}\b", canonical, name)
    return name


def _pattern_candidates(text: str) -> list[_Candidate]:
    candidates = []
    for rank, rule in enumerate(_rules(), start=1):
        for match in rule.pattern.finditer(text):
            candidates.extend(_candidates_from_match(text, rule, match, rank))
    return candidates


def _candidates_from_match(text: str, rule: _Rule, match: re.Match[str], rank: int) -> list[_Candidate]:
    start, end = _trim(text, match.start(), _before_blank_line(text, match.start(), match.end()))
    owner = re.match(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+", text[start:end])
    if owner:  # "China's Supreme People's Court": the owner is context, not part of the name
        start += owner.end()
    name = _normal(text[start:end])
    if not name or country_for(name) is not None or not _keeps_keyword(rule, name):
        return []
    group = match.groupdict().get("country")
    if rule.type in _NATIONAL_TYPES and group is not None:
        countries = _countries_in(group)
        if countries is None:
            return []
        return [
            _Candidate(start, end, _national_organization(rule.type, country), False, rank)
            for country in countries
        ]
    if rule.type in _NATIONAL_TYPES and rule.type is not OrganizationType.GOVERNMENT:
        return []
    country = _place_country(group) if group else _context_country(text, start, end, name)
    organization = Organization(key=slugify(_key_text(name)), name=name, type=rule.type, country=country)
    return [_Candidate(start, end, organization, False, rank)]


def _before_blank_line(text: str, start: int, end: int) -> int:
    """The end of a match cut at the first blank line (a name does not run into the next block)."""
    blank = re.search(r"\n[ \t]*\n", text[start:end])
    return start + blank.start() if blank else end


def _keeps_keyword(rule: _Rule, name: str) -> bool:
    """Whether the trimmed name still matches the rule (trimming may have cut the keyword off)."""
    return rule.pattern.search(name) is not None


# ----- public API -----------------------------------------------------------------------------


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first (listed before pattern, then rule order); in text order."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start, c.organization.key))
    for candidate in ordered:
        if candidate.end <= candidate.start:
            continue
        overlaps = any(candidate.start < e and s < candidate.end for s, e in taken)
        same_span = any(c.start == candidate.start and c.end == candidate.end for c in chosen)
        if overlaps and not (same_span and candidate.rank == _rank_at(chosen, candidate)):
            continue
        chosen.append(candidate)
        taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: (c.start, c.end, c.organization.key))


def _rank_at(chosen: list[_Candidate], candidate: _Candidate) -> int:
    """The rank of the candidate already chosen for exactly this span (for "X and Y Missions")."""
    same = [c.rank for c in chosen if c.start == candidate.start and c.end == candidate.end]
    return same[0] if same else -1


def find_organizations(
    text: str, offset: int = 0, acronyms: Mapping[str, Organization] | None = None
) -> list[OrganizationMention]:
    """Organizations named in ``text``, in order; spans are shifted by ``offset``.

    Listed organizations come with their table data (key, name, acronym, type, country);
    unlisted ones are typed by the first pattern rule that matches and keyed by the slug of
    their name, so the same name gives the same key in every report. ``acronyms`` are those the
    report defines (:func:`report_acronyms`), read wherever they stand alone.
    """
    listed = _listed_candidates(text)
    listed_starts = {c.start for c in listed}
    # A listed name wins over a pattern match starting at the same place: the pattern only ran on
    # ("United States Institute of Peace Washington" is the listed USIP plus a city).
    patterns = [c for c in _pattern_candidates(text) if c.start not in listed_starts]
    defined = _acronym_candidates(text, acronyms or {}, len(_rules()) + 1)
    candidates = _choose(listed + patterns + defined)
    mentions = []
    for candidate in candidates:
        organization = candidate.organization
        if candidate.listed:
            organization = _bare(organization)
        span = Span(candidate.start + offset, candidate.end + offset)
        mentions.append(OrganizationMention(span=span, organization=organization, listed=candidate.listed))
    return mentions


# "National Institute of Fisheries (NIF)": an acronym in brackets right after the organization's name
_DEFINED_ACRONYM = re.compile(r"[ \t]*\([ \t]*([A-Z][A-Za-z]{1,9})[ \t]*\)")


def report_acronyms(text: str) -> dict[str, Organization]:
    """Acronyms a report defines for organizations no table lists under them: "Institute of Desert
    Studies (IDS)", "National University of Oruro (NUO)", so that "IDS" alone later is that institute
    (and gives its country). An acronym must start with the name's first capital, take its other
    letters from the name's capitals in order, and name nothing the tables list; one defined for two
    organizations is dropped."""
    found: dict[str, Organization] = {}
    clashes: set[str] = set()
    for mention in find_organizations(text):
        defined = _DEFINED_ACRONYM.match(text, mention.span.end)
        if defined is None:
            continue
        acronym = defined.group(1)
        if not _initials_fit(acronym, mention.organization.name) or _normal(acronym) in _listed_forms():
            continue
        if acronym in found and found[acronym].key != mention.organization.key:
            clashes.add(acronym)
        found.setdefault(acronym, mention.organization)
    return {acronym: organization for acronym, organization in found.items() if acronym not in clashes}


def _initials_fit(acronym: str, name: str) -> bool:
    """The acronym's capitals are initials of the name's capitalised words, in order, the first first."""
    initials = "".join(word[0] for word in re.findall(r"[A-Z][\w'’-]*", name))
    letters = [c for c in acronym if c.isupper()]
    if not initials or not letters or letters[0] != initials[0]:
        return False
    position = 1
    for letter in letters[1:]:
        position = initials.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _acronym_candidates(text: str, acronyms: Mapping[str, Organization], rank: int) -> list[_Candidate]:
    if not acronyms:
        return []
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True)) + r")\b"
    )
    return [
        _Candidate(match.start(), match.end(), acronyms[match.group()], False, rank)
        for match in pattern.finditer(text)
    ]


def _bare(organization: Organization) -> Organization:
    """A listed organization as a mention carries it: without the table's variant list."""
    return Organization(
        key=organization.key,
        name=organization.name,
        acronym=organization.acronym,
        type=organization.type,
        country=organization.country,
    )


def organization_for_name(name: str) -> Organization | None:
    """The organization a name or caption segment stands for, or None.

    "WHO", "United Nations Office at Geneva" -> the listed entries; "Sun Moon University, Seoul"
    -> a university in KOR; "China Foreign Affairs University" -> a university in CHN;
    "Deputy Director" -> None.
    """
    text = _normal(name)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    listed = _lookup_listed(text) or _lookup_listed(text.split(",")[0].strip())
    if listed is not None:
        return _bare(listed)
    mentions = [m for m in find_organizations(text) if m.span.start == 0]
    if not mentions:
        return None
    return max(mentions, key=lambda m: m.span.end - m.span.start).organization


@functools.cache
def _listed_lookup() -> dict[str, Organization]:
    return {form.lower(): organization for form, organization in _listed_forms().items()}


def _lookup_listed(text: str) -> Organization | None:
    return _listed_lookup().get(text.lower())


def national_organization(kind: OrganizationType, alpha3: str) -> Organization | None:
    """The permanent mission, armed forces or government of a country code, as patterns key them."""
    country = country_by_code(alpha3)
    if country is None or kind not in _NATIONAL_TYPES:
        return None
    return _national_organization(kind, country)


__all__ = [
    "OrganizationMention",
    "find_organizations",
    "listed_organizations",
    "national_organization",
    "organization_by_key",
    "organization_for_name",
    "organization_wikidata",
    "report_acronyms",
]

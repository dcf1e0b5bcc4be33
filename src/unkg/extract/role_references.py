"""Role-only references: "the Chair", "The Special Rapporteur", "the Dean" standing for a person.

A report introduces a person with a role once, near the name, and later names only the role:
"The panel was chaired by Professor X ... In closing, the Chair summarised ...", "Dr. Y, the Special
Rapporteur on ..., shifted the focus ... The Special Rapporteur warned ...". The evidence is read from
the words around the name, so it works whether or not the role was extracted as a post:

* an apposition after the name: "X, the Special Rapporteur on ...", "X of Z University, Convener of ...";
* a parenthesis, as in captions: "X (Chair)";
* a passive: "chaired by X", "moderated by X" (the verbs of ``data/role_references.csv``);
* a lead-in: "As discussant, X", "the panel rapporteur, X"; a label: "Moderator: X";
* weaker: a title before a name ("Ambassador X"), only within a paragraph's length before the reference
  (a title far away may name someone only mentioned), and to rule out a person as the report's one holder.

A reference goes to the holder of the same role in the same session (the nearest before it, else the
nearest after), else to the only person the whole report gives that role. Roles, their spellings and
their passive verbs are listed in ``data/role_references.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from unkg.extract.mentions import PersonMention
from unkg.extract.names import fold, reference_rows
from unkg.extract.speech import KeyedMention, reporting_verb_follows
from unkg.extract.structure import Unit
from unkg.model import BlockKind, Span


@dataclass(frozen=True)
class RoleEvidence:
    """Text that gives a person a role at a place in the report."""

    role: str  # canonical role: "Chair", "Special Rapporteur"
    person: str
    position: int
    session: int | None
    strong: bool  # said near the name (apposition, parenthesis, passive, lead-in), not a title only
    paragraph: int = -1  # where the paragraph that says it starts


@dataclass(frozen=True)
class _Roles:
    canonical: dict[str, str]  # every spelling, lower-cased -> canonical role
    by_verbs: dict[str, str]  # passive verb -> canonical role
    alternation: str  # a regular expression matching any spelling, longest first


@cache
def _roles() -> _Roles:
    canonical: dict[str, str] = {}
    by_verbs: dict[str, str] = {}
    spellings: set[str] = set()
    for row in reference_rows("role_references.csv"):
        role = row["role"].strip()
        for spelling in (role, *(row.get("variants") or "").split()):
            canonical[spelling.lower()] = role
            spellings.add(spelling)
        for verb in (row.get("by_verbs") or "").split():
            by_verbs[verb.lower()] = role
    # longest first, so that "Chairperson" is read whole and not as "Chair"
    alternation = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return _Roles(canonical, by_verbs, alternation)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    roles = _roles().alternation
    verbs = "|".join(re.escape(v) for v in sorted(_roles().by_verbs, key=len, reverse=True))
    return {
        # after the name: ", the Special Rapporteur on ...", " of Keio University, Convener of the Dialogue",
        # ", United Nations Resident Coordinator in ..." (capitalised words may precede the role)
        "apposition": re.compile(
            rf"(?:\s+of\s+(?:the\s+)?[A-Z][^,;()]{{0,80}}?)?,\s+(?:the\s+|a\s+|an\s+)?(?P<former>former\s+)?"
            rf"(?:[A-Z][\w'.-]*\s+){{0,4}}?(?P<role>{roles})\b(?!-)"
        ),
        # a caption's "(Chair)"
        "parenthesis": re.compile(rf"\s*\((?:the\s+)?(?P<role>{roles})\)", re.IGNORECASE),
        # before the name: "chaired by ", "moderated by the "
        "passive": re.compile(rf"\b(?P<verb>{verbs or '(?!)'})\s+by\s+(?:the\s+)?$", re.IGNORECASE),
        # before the name: "As discussant, ", "the panel rapporteur, ", "The Chair, "
        "lead_in": re.compile(
            rf"\b(?:[Aa]s|[Tt]he|[Oo]ur)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<role>{roles})\s*,\s*$", re.IGNORECASE
        ),
        # before the name, a label opening the line: "Moderator: ", "Chairs: ", "Rapporteur: "
        "label": re.compile(rf"(?:^|\n)[ \t]*(?P<role>{roles})s?[ \t]*:[ \t]*$", re.IGNORECASE),
        # a reference: "the Chair", "The Special Rapporteur" (capitalised as a role is)
        "reference": re.compile(rf"\b[Tt]he\s+(?P<role>{roles})\b(?!-)"),
        # the same in lower case, as many reports write panel roles: "the chair then opened the floor"
        "lower_reference": re.compile(rf"\b[Tt]he\s+(?P<role>{roles.lower()})\b(?!-)"),
    }


def role_evidence(text: str, units: Sequence[Unit], keyed: Sequence[KeyedMention]) -> list[RoleEvidence]:
    """Every role the text gives a named person near the name, in text order."""
    patterns = _patterns()
    canonical = _roles().canonical
    found: list[RoleEvidence] = []
    for item in keyed:
        mention = item.mention
        if mention.is_role_reference:
            continue
        roles: list[tuple[str, bool]] = []
        apposition = patterns["apposition"].match(text, mention.span.end)
        # "Responding to Mr. X, the Ambassador said": the subject of "said", not X's apposition
        if (
            apposition
            and not apposition.group("former")
            and not reporting_verb_follows(text, apposition.end())
        ):
            roles.append((canonical[apposition.group("role").lower()], True))
        parenthesis = patterns["parenthesis"].match(text, mention.span.end)
        if parenthesis:
            roles.append((canonical[parenthesis.group("role").lower()], True))
        before = text[max(0, mention.span.start - 60) : mention.span.start]
        passive = patterns["passive"].search(before)
        if passive:
            roles.append((_roles().by_verbs[passive.group("verb").lower()], True))
        label = patterns["label"].search(before)
        if label:
            roles.append((canonical[label.group("role").lower()], True))
        lead_in = patterns["lead_in"].search(before)
        if lead_in and (
            _CLAUSE_START.search(before[: lead_in.start()]) or _NAME_ENDS.match(text, mention.span.end)
        ):
            roles.append((canonical[lead_in.group("role").lower()], True))
        for title in mention.titles:
            if title.kind == "post" and title.canonical.lower() in canonical:
                roles.append((canonical[title.canonical.lower()], False))
        unit = _unit_at(units, mention.span.start)
        session, paragraph = (unit.session, unit.span.start) if unit else (None, -1)
        found.extend(
            RoleEvidence(r, item.key, mention.span.start, session, strong, paragraph) for r, strong in roles
        )
    return sorted(found, key=lambda e: e.position)


def resolve_role_words(text: str, units: Sequence[Unit], keyed: Sequence[KeyedMention]) -> list[KeyedMention]:
    """ "the Chair", "The Special Rapporteur" as the person the report gave that role (see the module
    docstring); places already read as a mention are left alone."""
    evidence = role_evidence(text, units, keyed)
    canonical = _roles().canonical
    taken = [k.mention.span for k in keyed]
    starts = {span.start for span in taken}
    found: list[KeyedMention] = []
    for unit in units:
        if unit.kind is BlockKind.FOOTNOTE:
            continue
        references = [
            match
            for kind in ("reference", "lower_reference")
            for match in _patterns()[kind].finditer(text, unit.span.start, unit.span.end)
        ]
        for match in references:
            start, end = match.start("role"), match.end("role")
            if any(span.start <= start < span.end for span in taken) or _qualified(text, end, starts):
                continue
            if _INSIDE_NAME.search(text, max(0, match.start() - 40), match.start()):
                continue
            role = canonical[match.group("role").lower()]
            key = holder_of(role, start, unit.session, evidence, paragraph=unit.span.start)
            if key is not None:
                span = Span(start, end)
                found.append(KeyedMention(PersonMention(span, span, None, match.group("role")), key))
    return found


# Where a lead-in may start: the start of a sentence or clause ("As discussant, X", "..., the panel
# rapporteur, X"), not inside a phrase ("the presentation of the ambassador, X") or a list after a colon
_CLAUSE_START = re.compile(r"(?:^|[.;,]\s*|\n\s*)$")
# ... or the name closes the lead-in's phrase: "prepared by the panel rapporteur, X." (but in "After the
# talk of the ambassador, X commented", X is the next clause's subject)
_NAME_ENDS = re.compile(r"\s*[,.;)]")
# "the Office of the Director-General": a role inside an organization's name, not a reference
_INSIDE_NAME = re.compile(r"[A-Z][\w-]*\s+of\s+$")


# "the Chair of the Committee", "the Special Rapporteur on torture": perhaps someone else's role
_QUALIFIED = re.compile(r"\s+(?:of|on)\s")
# "the Chair, Professor X": the lead-in of a name, not a reference
_BEFORE_NAME = re.compile(r",?\s*")


def _qualified(text: str, end: int, mention_starts: set[int]) -> bool:
    """Whether the role after "the" is qualified ("of the Committee") or leads into a name."""
    if _QUALIFIED.match(text, end):
        return True
    gap = _BEFORE_NAME.match(text, end)
    return gap is not None and gap.end() in mention_starts


# How far before a reference a title alone ("Ambassador X") still gives the role (about a paragraph)
_NEARBY = 400


def holder_of(
    role: str, position: int, session: int | None, evidence: Sequence[RoleEvidence], paragraph: int = -1
) -> str | None:
    """Who holds ``role`` for a reference at ``position``, by strong evidence: in the session the nearest
    holder before (else after); else the one person the whole report gives the role, if no title gives
    it to anyone else. A title before a name in prose ("Secretary-General X launched ...") may name
    someone only mentioned, so it only stands in the way; a title counts about a paragraph before the
    reference, or anywhere before it in the same paragraph (``paragraph``: where that one starts)."""
    nearby = [  # "Ambassador X of Y hosted a dinner. The Ambassador underlined ...": a title just before
        e
        for e in evidence
        if e.role == role
        and not e.strong
        and e.session == session
        and e.position <= position
        and (position - e.position <= _NEARBY or (paragraph >= 0 and e.paragraph == paragraph))
    ]
    pool = [e for e in evidence if e.role == role and e.strong]
    in_session = [e for e in pool if e.session == session] or nearby
    if in_session:
        before = [e for e in in_session if e.position <= position]
        if before:
            return max(before, key=lambda e: e.position).person
        return min(in_session, key=lambda e: e.position).person
    people = {e.person for e in evidence if e.role == role}
    return people.pop() if len(people) == 1 and pool else None


def _unit_at(units: Sequence[Unit], position: int) -> Unit | None:
    for unit in units:
        if unit.span.start <= position < unit.span.end:
            return unit
    return None


# ----- titles that tell apart people with one family name -----------------------------------------------


def retitle_family_names(keyed: Sequence[KeyedMention]) -> list[KeyedMention]:
    """ "Professor Brekke" is Professor Nils Brekke, not Ms. Sigrid Brekke named just before: when people
    share a family name, a short form with a title that is not a courtesy title (Professor, Dr.,
    Ambassador) goes to the one person introduced with that title, unless its own person was too.

    Why here: the family-name resolution picks the nearest person whose gender fits, and a title such as
    "Professor" shows no gender, so two people sharing a name are told apart by the title alone."""
    full: dict[str, set[str]] = {}  # folded family name -> people introduced with it in full
    titled: dict[tuple[str, str], set[str]] = {}  # (family, title) -> people introduced with that title
    genders: dict[str, set[str]] = {}
    for item in keyed:
        mention = item.mention
        if mention.name is None or not mention.has_full_name:
            continue
        family = fold(mention.name.family)
        full.setdefault(family, set()).add(item.key)
        for title in mention.titles:
            if title.kind != "courtesy":
                titled.setdefault((family, title.canonical), set()).add(item.key)
        if mention.gender:
            genders.setdefault(item.key, set()).add(mention.gender)
    found = []
    for item in keyed:
        mention = item.mention
        key = item.key
        if (
            mention.name is not None
            and not mention.has_full_name
            and len(full.get(fold(mention.name.family), ())) > 1
        ):
            family = fold(mention.name.family)
            for title in mention.titles:
                holders = titled.get((family, title.canonical), set())
                if title.kind == "courtesy" or key in holders or len(holders) != 1:
                    continue
                other = next(iter(holders))
                if mention.gender is None or genders.get(other, {mention.gender}) == {mention.gender}:
                    key = other
                    break
        found.append(KeyedMention(mention, key) if key != item.key else item)
    return found

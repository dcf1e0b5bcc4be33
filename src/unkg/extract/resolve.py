"""Which mentions are the same person, within one report and across reports.

Within a report:

* full names (family and given) are one person when both parts agree, in either order, allowing
  a spelling slip in one part while the other matches ("Bat-Erdene Bakhtuu" / "Bat-Erdene Batkhuu",
  "Elizabeth Gammara" / "Elizabeth GAMARRA"), a short given name ("Abby" / "Abigail", "June" /
  "Juneyong"), and never across a gender shown by titles ("Mr." / "Ms.");
* a titled short form that is the tail of one longer full name is that person with a double family
  name ("Mr. García Márquez" after "José García Márquez": family "García Márquez"), and a titled
  first family name alone ("Ms. García") goes to that person too;
* a family name alone ("Ms. Zhang", "Professor Park", "USG Khare") goes to the person of that
  family name whose shown gender fits, and among several to the one named nearest before it; a titled
  short form that is no one's family name but one person's given name goes to that person;
* a title alone ("the Director-General") goes to the person holding that post nearest in the
  same session (:func:`resolve_role_reference`).

Across reports (:func:`resolve_across_reports`) the same rules give one key per person; a family
name alone is never enough.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from unkg.extract.mentions import PersonMention
from unkg.extract.names import (
    display_name,
    east_asian_family_names,
    fold,
    is_capitals,
    person_key,
    same_given_name,
    same_part_spelling,
    tidy_part,
)
from unkg.model import Extraction, Person, Span


@dataclass
class PersonRecord:
    """A person being assembled from mentions (mutable while resolving, frozen into :class:`Person`)."""

    family: str
    given: str | None
    mentions: list[PersonMention] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)

    @property
    def key(self) -> str:
        return person_key(self.family, self.given)

    @property
    def gender(self) -> str | None:
        """The gender titles show ("Mr." / "Ms."), when they agree."""
        shown = {m.gender for m in self.mentions if m.gender}
        return shown.pop() if len(shown) == 1 else None

    @property
    def first_position(self) -> int:
        return min(m.span.start for m in self.mentions)


@dataclass(frozen=True)
class Resolution:
    """People of one report and the person key of every resolved mention."""

    records: tuple[PersonRecord, ...]
    mention_keys: tuple[tuple[PersonMention, str], ...]

    def key_at(self, start: int) -> str | None:
        """The person key of the mention starting at ``start``."""
        for mention, key in self.mention_keys:
            if mention.span.start == start:
                return key
        return None


# ----- within one report ----------------------------------------------------------------------

# Short name words -> the words of the one longer name they end ("garcia", "marquez") -> ("jose", ...)
_Tails = dict[tuple[str, ...], tuple[str, ...]]


def same_person_names(family_a: str, given_a: str | None, family_b: str, given_b: str | None) -> bool:
    """Two full names of one person: one part may be misspelt or shortened while the other agrees,
    and the order of the parts may be swapped ("DONG Liang" / "Liang Dong")."""
    if given_a is None or given_b is None:
        return False
    if fold(f"{given_a}{family_a}") == fold(f"{given_b}{family_b}"):
        return True  # one name split in two places: "José García Márquez" / "José GARCÍA MÁRQUEZ"
    return _parts_agree(family_a, given_a, family_b, given_b) or _parts_agree(
        given_a, family_a, family_b, given_b
    )


def _parts_agree(family_a: str, given_a: str, family_b: str, given_b: str) -> bool:
    if fold(family_a) == fold(family_b):
        return same_given_name(given_a, given_b) or same_part_spelling(given_a, given_b)
    return same_part_spelling(family_a, family_b) and fold(given_a) == fold(given_b)


def resolve_people(mentions: Sequence[PersonMention], preferred_spans: Sequence[Span] = ()) -> Resolution:
    """Group a report's mentions into people; ``preferred_spans`` (captions, headings) give the spelling
    of a name written two ways when capitals do not decide."""
    named = [m for m in mentions if m.has_full_name and not m.weak and not _initials(m)]
    records = _cluster_full_names(named, preferred_spans, _family_tails(named))
    unmatched = []
    for mention in (m for m in mentions if m.has_full_name and not m.weak and _initials(m)):
        spelled = [r for r in records if _initials_fit(mention, r)]
        if len(spelled) == 1:
            spelled[0].mentions.append(mention)
        else:
            unmatched.append(mention)
    records.extend(_cluster_full_names(unmatched, preferred_spans))
    for mention in (m for m in mentions if m.has_full_name and m.weak):
        assert mention.name is not None
        name = mention.name
        known = [r for r in records if same_person_names(r.family, r.given, name.family, name.given)]
        if len(known) == 1:
            known[0].mentions.append(mention)
    for mention in sorted((m for m in mentions if m.name is not None and not m.has_full_name), key=_start):
        found = _record_for_family_name(mention, records)
        if found is None:
            if mention.weak or mention.name is None:
                continue
            found = PersonRecord(family=tidy_part(mention.name.family), given=None)
            records.append(found)
        found.mentions.append(mention)
    for record in records:
        record.countries.update(m.country for m in record.mentions if m.country)
    records.sort(key=lambda r: r.key)
    keys = [(m, record.key) for record in records for m in record.mentions]
    return Resolution(tuple(records), tuple(sorted(keys, key=lambda item: _start(item[0]))))


_INITIAL = re.compile(r"[A-Z][a-z]?\.")


def _initials(mention: PersonMention) -> tuple[str, ...]:
    """The folded initials a name gives instead of its given name ("B. Tuvshin" -> ("b",), "Ch. Dolgor" ->
    ("ch",), "R. J. Okafor" -> ("r", "j")), or () when the given name is spelled out."""
    if mention.name is None or mention.name.given is None:
        return ()
    words = mention.surface.replace(".", ". ").split()
    family = {fold(word) for word in mention.name.family.split()}
    rest = [word for word in words if fold(word) not in family]
    if not rest or not all(_INITIAL.fullmatch(word) for word in rest):
        return ()
    return tuple(fold(word) for word in rest)


def _initials_fit(mention: PersonMention, record: PersonRecord) -> bool:
    """A name with initials is the person of that family name whose given names begin with them
    ("Prof. B. Tuvshin" for Prof. Bayar Tuvshin), and whose shown gender does not differ."""
    assert mention.name is not None
    if not record.given or (mention.gender and record.gender and mention.gender != record.gender):
        return False
    initials = _initials(mention)
    if not same_part_spelling(record.family, mention.name.family):
        return _patronymic_initial_fits(initials, mention.name.family, record)
    given = [fold(word) for word in re.split(r"[\s-]+", record.given) if fold(word)]
    return len(initials) <= len(given) and all(g.startswith(i) for i, g in zip(initials, given, strict=False))


def _patronymic_initial_fits(initials: tuple[str, ...], word: str, record: PersonRecord) -> bool:
    """Mongolian usage: one initial of the patronymic (family name) before the given name ("D. Oyunchimeg",
    "Kh. Altansukh") names the person written in full as "Oyunchimeg Davaasuren" or "KHURELBAATAR
    Altansukh"; the word after the initial is then that person's given name, not a family name."""
    assert record.given is not None
    return (
        len(initials) == 1
        and same_part_spelling(record.given, word)
        and fold(record.family).startswith(initials[0])
    )


def _start(mention: PersonMention) -> int:
    return mention.span.start


def name_words(family: str, given: str | None) -> tuple[str, ...]:
    """The folded words of a name in given-then-family order: ("jose", "garcia", "marquez")."""
    return tuple(folded for word in f"{given or ''} {family}".split() if (folded := fold(word)))


def _mention_words(mention: PersonMention) -> tuple[str, ...]:
    assert mention.name is not None
    return name_words(mention.name.family, mention.name.given)


def _family_tails(named: Sequence[PersonMention]) -> _Tails:
    """Titled short forms that are the tail of one longer full name: a double family name.

    "Mr. García Márquez" after "José García Márquez" (Spanish and Portuguese names carry two family
    names without a hyphen) reads like "Mr. John Smith", but a title before the last words of a longer
    name is that person by the family name. Kept only when one longer name ends with those words, the
    short form never shows its own name order (capitals) and the genders shown agree ("Ms. Ferrer Amado"
    is the woman of two siblings of that name).
    Returns short words -> the longer name's words.
    """
    by_words: dict[tuple[str, ...], list[PersonMention]] = {}
    for mention in named:
        by_words.setdefault(_mention_words(mention), []).append(mention)
    tails: _Tails = {}
    for words, group in by_words.items():
        if len(words) < 2 or not any(m.titles for m in group):
            continue
        if any(m.name is not None and m.name.order_evidence for m in group):
            continue
        longer = [
            other
            for other in sorted(by_words)
            if len(other) > len(words)
            and other[-len(words) :] == words
            and len({m.gender for m in (*group, *by_words[other]) if m.gender}) <= 1
        ]
        if len(longer) == 1:
            tails[words] = longer[0]
    return tails


def _cluster_full_names(
    named: Sequence[PersonMention],
    preferred_spans: Sequence[Span],
    tails: _Tails | None = None,
) -> list[PersonRecord]:
    """Union of full-name mentions that name one person (see :func:`same_person_names`), and of
    double-family-name tails with their full name (see :func:`_family_tails`).

    Mentions written alike (same folded parts and shown gender) are compared once.
    """
    tails = tails or {}
    alike: dict[tuple[str, str, str | None], list[PersonMention]] = {}
    for mention in named:
        assert mention.name is not None
        alike.setdefault(
            (fold(mention.name.family), fold(mention.name.given or ""), mention.gender), []
        ).append(mention)
    representatives = [group[0] for group in alike.values()]
    members = {id(group[0]): group for group in alike.values()}
    parent = list(range(len(representatives)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, a in enumerate(representatives):
        for j in range(i):
            b = representatives[j]
            tail = _is_tail_of(a, b, tails) or _is_tail_of(b, a, tails)
            if (tail or _compatible(a, b)) and _cluster_genders_fit(find(i), find(j), representatives, find):
                parent[find(i)] = find(j)
    groups: dict[int, list[PersonMention]] = {}
    for index, representative in enumerate(representatives):
        groups.setdefault(find(index), []).extend(members[id(representative)])
    records = [_record_from(sorted(group, key=_start), preferred_spans) for group in groups.values()]
    for record in records:
        _split_at_tail(record, tails)
    return records


def _is_tail_of(short: PersonMention, full: PersonMention, tails: _Tails) -> bool:
    return tails.get(_mention_words(short)) == _mention_words(full)


def _split_at_tail(record: PersonRecord, tails: _Tails) -> None:
    """Give a person the double family name a titled tail showed ("José" + "García Márquez"), unless
    capitals showed where the family name starts."""
    if any(m.name is not None and m.name.order_evidence for m in record.mentions):
        return
    lengths = [len(words) for m in record.mentions if (words := _mention_words(m)) in tails]
    if not lengths:
        return
    _split_family_at(record, len(record_words(record)) - max(lengths))


def record_words(record: PersonRecord) -> list[str]:
    """The person's name words as written, given name first."""
    return f"{record.given or ''} {record.family}".split()


def _split_family_at(record: PersonRecord, index: int) -> None:
    """Make ``record_words(record)[index:]`` the family name and the words before it the given name."""
    words = record_words(record)
    if 0 < index < len(words):
        record.given, record.family = " ".join(words[:index]), " ".join(words[index:])


def _compatible(a: PersonMention, b: PersonMention) -> bool:
    assert a.name is not None and b.name is not None
    if a.gender and b.gender and a.gender != b.gender:
        return False
    return same_person_names(a.name.family, a.name.given, b.name.family, b.name.given)


def _cluster_genders_fit(
    root_a: int, root_b: int, named: Sequence[PersonMention], find: Callable[[int], int]
) -> bool:
    genders = {m.gender for i, m in enumerate(named) if find(i) in (root_a, root_b) and m.gender}
    return len(genders) <= 1


def _record_from(group: Sequence[PersonMention], preferred_spans: Sequence[Span]) -> PersonRecord:
    """A person from a group of full-name mentions: the best attested spelling of each part."""

    def rank(mention: PersonMention) -> tuple[int, int, int]:
        assert mention.name is not None
        preferred = any(s.start <= mention.span.start < s.end for s in preferred_spans)
        return (0 if mention.name.order_evidence else 1, 0 if preferred else 1, mention.span.start)

    ordered = sorted(group, key=rank)
    best = ordered[0].name
    assert best is not None
    family_counts = Counter(fold(m.name.family) for m in group if m.name)
    family = best.family
    if not best.order_evidence and not any(s.start <= ordered[0].span.start < s.end for s in preferred_spans):
        # no capitals and no caption: the spelling written most often, then the earliest
        most = max(family_counts.values())
        family = next(
            m.name.family
            for m in sorted(group, key=_start)
            if m.name and family_counts[fold(m.name.family)] == most
        )
    # only names split where the best one is: "Inés Prado" of "Inés Prado Soler" is no longer "Inés"
    split_alike = [m for m in group if m.name and same_part_spelling(m.name.family, best.family)]
    given = _longest_given(split_alike, best.given or "")
    if fold(family) != fold(best.family) and fold(family) == fold(given):
        given = best.family  # the written order was swapped
    return PersonRecord(family=tidy_part(family), given=_tidy_given(given), mentions=list(group))


def _longest_given(group: Sequence[PersonMention], default: str) -> str:
    """The full form of the given name: "Abigail" over "Abby", "Juneyong" over "June"."""
    best = default
    for mention in group:
        assert mention.name is not None
        given = mention.name.given or ""
        if fold(given) != fold(best) and len(fold(given)) > len(fold(best)) and same_given_name(given, best):
            best = given
    return best


def _tidy_given(given: str) -> str:
    """A given name in ordinary case, word by word: no particles in a given name ("VAN AN" -> "Van An")."""
    if not is_capitals(given.replace(" ", "")):
        return given
    return " ".join(tidy_part(word) for word in given.split())


def _record_for_family_name(mention: PersonMention, records: Sequence[PersonRecord]) -> PersonRecord | None:
    """The person a family name alone stands for: gender fits, nearest named before it."""
    assert mention.name is not None
    candidates = [r for r in records if r.given and _has_family(r, mention.name.family)]
    if not candidates:
        # "Mr. Zhou" after "Mr. Zhou Tao" read in English order: the short form shows the family name
        family = fold(mention.name.family)
        swapped = [
            r
            for r in records
            if r.given and _order_open(r) and fold(r.given) == family and family in east_asian_family_names()
        ]
        for record in swapped:
            record.family, record.given = tidy_part(record.given or ""), record.family
        candidates = (
            swapped
            or _records_for_given_name(mention, records)
            or _records_for_leading_family(mention, records)
        )
    if mention.gender:
        candidates = [r for r in candidates if r.gender in (None, mention.gender)]
        exact = [r for r in candidates if r.gender == mention.gender]
        candidates = exact or candidates
    candidates = _same_title_first(mention, candidates)
    if not candidates:
        return None
    return min(candidates, key=lambda r: _distance_before(r, mention.span.start))


def _same_title_first(mention: PersonMention, candidates: list[PersonRecord]) -> list[PersonRecord]:
    """Of several people sharing a family name, those the text already gave the short form's own title
    ("Professor Lee" for Professor LEE Dong-hyun rather than Dr. Lee Mi-ra named nearer), when the title
    tells them apart: some have it and some do not. Courtesy titles tell only the gender, used before."""
    titles = {title.canonical for title in mention.titles if title.kind != "courtesy"}
    if len(candidates) < 2 or not titles:
        return candidates
    titled = [
        record
        for record in candidates
        if any(title.canonical in titles for m in record.mentions for title in m.titles)
    ]
    return titled or candidates


def _records_for_given_name(mention: PersonMention, records: Sequence[PersonRecord]) -> list[PersonRecord]:
    """ "Ms. Altantsetseg" for Altantsetseg Dorj: a titled short form that is no one's family name but the
    given name of exactly one person (Mongolians, among others, are referred to by given name)."""
    assert mention.name is not None
    part = fold(mention.name.family)
    if not mention.titles or part in east_asian_family_names():
        return []
    found = [r for r in records if r.given and fold(r.given) == part]
    if found:
        return found if len(found) == 1 else []
    return _records_for_inner_word(part, records)


def _records_for_leading_family(
    mention: PersonMention, records: Sequence[PersonRecord]
) -> list[PersonRecord]:
    """ "Ms. Nguyen" for Nguyen Thi Lan, "Mr. Kim" for Kim Young Sam: a titled common East Asian family name
    that is the first of three or more words of exactly one person's name, read in English order
    without capitals to show otherwise. The name is then turned round: family name first."""
    assert mention.name is not None
    part = fold(mention.name.family)
    if not mention.titles or part not in east_asian_family_names():
        return []
    found = [
        r
        for r in records
        if r.given and _order_open(r) and len(words := record_words(r)) >= 3 and fold(words[0]) == part
    ]
    if len(found) != 1:
        return []
    record = found[0]
    words = record_words(record)
    record.family, record.given = words[0], " ".join(words[1:])
    return [record]


def _records_for_inner_word(part: str, records: Sequence[PersonRecord]) -> list[PersonRecord]:
    """ "Ms. García" for José García Márquez: a titled word that is a later word of exactly one person's
    given names is the first of a double family name; the person's family name then starts there."""
    found = [
        (record, position)
        for record in records
        if record.given
        for position, word in enumerate(record_words(record)[:-1])
        if position > 0 and word[0].isupper() and fold(word) == part
    ]
    if len(found) != 1 or not _order_open(found[0][0]):
        return []
    record, position = found[0]
    _split_family_at(record, position)
    return [record]


def _has_family(record: PersonRecord, family: str) -> bool:
    """The person's family name, or the family name one of its full mentions was read with, is ``family``;
    a short form that names the other part turns the person's name around ("Ms. Zheng" for "Lei Zehng")."""
    if same_part_spelling(record.family, family):
        return True
    family_words = [w for w in record.family.split() if w[0].isupper()]
    if len(family_words) > 1 and same_part_spelling(family_words[0], family):
        return True  # "Mr. García" for José García Márquez: the first of two family names
    written = any(
        m.name is not None and m.name.given and same_part_spelling(m.name.family, family)
        for m in record.mentions
    )
    if written and record.given and same_part_spelling(record.given, family):
        record.family, record.given = tidy_part(record.given), record.family
    return written


def _order_open(record: PersonRecord) -> bool:
    """No mention of the person showed which part is the family name (capitals or a comma)."""
    return not any(m.name is not None and m.name.order_evidence for m in record.mentions)


def _distance_before(record: PersonRecord, position: int) -> tuple[int, int]:
    """Sort key: named before ``position`` (nearest first), then named after (nearest first)."""
    before = [m.span.start for m in record.mentions if m.span.start < position]
    if before:
        return (0, position - max(before))
    return (1, min(m.span.start for m in record.mentions) - position)


# ----- role references ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleHolder:
    """Evidence that a person holds a post title at a place in the text."""

    role: str  # canonical title or post role: "Director-General", "Ambassador"
    person: str
    position: int
    session: int | None


def resolve_role_reference(
    role: str, position: int, session: int | None, holders: Iterable[RoleHolder]
) -> str | None:
    """The person a title alone ("the Director-General") stands for: a holder of that role in the
    same session (nearest before, else nearest after); ``None`` when the session shows no holder."""
    matching = [h for h in holders if _role_head(h.role) == _role_head(role)]
    pool = [h for h in matching if h.session == session]
    if not pool:
        return None
    before = [h for h in pool if h.position <= position]
    if before:
        return max(before, key=lambda h: h.position).person
    return min(pool, key=lambda h: h.position).person


def _role_head(role: str) -> str:
    """ "Director-General, United Nations Office" -> "director general"."""
    head = role.split(",")[0]
    for joiner in (" of ", " for ", " at "):
        head = head.split(joiner)[0]
    return " ".join(fold(word) for word in head.replace("-", " ").split())


# ----- building Person values -------------------------------------------------------------------


def person_from_record(record: PersonRecord, gender: str | None = None, country: str | None = None) -> Person:
    """The frozen :class:`Person` of a record; ``gender``/``country`` fill what titles did not show."""
    academic = Counter(
        t.canonical for m in record.mentions for t in m.titles if t.kind in ("academic", "military")
    )
    courtesy = Counter(t.canonical for m in record.mentions for t in m.titles if t.kind == "courtesy")
    honorific = (academic or courtesy).most_common(1)[0][0] if (academic or courtesy) else None
    variants = sorted({m.surface for m in record.mentions if m.has_full_name} | _titled_short_forms(record))
    return Person(
        key=record.key,
        name=display_name(record.family, record.given),
        family_name=record.family,
        given_name=record.given,
        honorific=honorific,
        gender=record.gender or gender,
        country=(record.countries.most_common(1)[0][0] if record.countries else None) or country,
        variants=tuple(variants),
        mentions=tuple(sorted({m.span for m in record.mentions})),
    )


def _titled_short_forms(record: PersonRecord) -> set[str]:
    """ "Dr. Hasegawa", "Ms. Zhang": how the report refers to the person by family name."""
    forms = set()
    for mention in record.mentions:
        if not mention.has_full_name and mention.titles:
            forms.add(f"{mention.titles[-1].form} {mention.surface}")
    return forms


# ----- across reports -------------------------------------------------------------------------------


def resolve_across_reports(extractions: Sequence[Extraction]) -> tuple[Extraction, ...]:
    """The extractions with one key per person across reports (same rules as within a report).

    Keys change only where two reports name one person differently ("Bakhtuu" / "Batkhuu");
    the key kept is the one most reports use, then the alphabetically first.
    """
    people = [(index, person) for index, extraction in enumerate(extractions) for person in extraction.people]
    renames = _cross_report_renames([person for _, person in people])
    if not renames:
        return tuple(extractions)
    return tuple(_rekey(extraction, renames) for extraction in extractions)


def _cross_report_renames(people: Sequence[Person]) -> dict[str, str]:
    """Old key -> kept key for people who are one person under different keys."""
    keys = sorted({p.key for p in people})
    by_key: dict[str, Person] = {}
    for person in people:
        by_key.setdefault(person.key, person)
    parent = {key: key for key in keys}

    def find(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for i, a in enumerate(keys):
        for b in keys[:i]:
            pa, pb = by_key[a], by_key[b]
            if pa.gender and pb.gender and pa.gender != pb.gender:
                continue
            if same_person_names(pa.family_name, pa.given_name, pb.family_name, pb.given_name):
                parent[find(a)] = find(b)
    report_counts = Counter(p.key for p in people)
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(find(key), []).append(key)
    renames: dict[str, str] = {}
    for members in groups.values():
        kept = min(members, key=lambda k: (-report_counts[k], k))
        renames.update({member: kept for member in members if member != kept})
    return renames


def _rekey(extraction: Extraction, renames: dict[str, str]) -> Extraction:
    def new(key: str) -> str:
        return renames.get(key, key)

    def new_optional(key: str | None) -> str | None:
        return None if key is None else new(key)

    merged: dict[str, Person] = {}
    for person in extraction.people:
        key = new(person.key)
        if key in merged:
            other = merged[key]
            person = replace(
                other,
                variants=tuple(sorted(set(other.variants) | set(person.variants))),
                mentions=tuple(sorted(set(other.mentions) | set(person.mentions))),
            )
        merged[key] = replace(person, key=key)
    return replace(
        extraction,
        people=tuple(sorted(merged.values(), key=lambda p: p.key)),
        posts=tuple(replace(p, person=new(p.person)) for p in extraction.posts),
        statements=tuple(
            replace(s, speaker=new(s.speaker), addressee=new_optional(s.addressee))
            for s in extraction.statements
        ),
        interactions=tuple(
            replace(i, source=new(i.source), target=new(i.target)) for i in extraction.interactions
        ),
        participations=tuple(replace(p, person=new(p.person)) for p in extraction.participations),
    )


# "X, Dean of Y, who, in his capacity as convener, ...": a pronoun in the relative clause after the name
_WHO_POSSESSIVE = re.compile(r",\s+who,?\s+(?:in\s+|as\s+)?(his|her|he|she)\b")
# "X wrote in the chat that she would like ...", "..., recalling that he had ...": the subject's own pronoun
_THAT_PRONOUN = re.compile(r"\b(?:that|whether)\s+(he|she)\b")
# the next sentence opens with the pronoun: "... X, Deputy Representative. She briefed ...", "His subject was"
_OPENING_PRONOUN = re.compile(r"[\"'*(]*(He|She|His|Her)\b")
_PRONOUN_GENDER = {
    "he": "male",
    "his": "male",
    "him": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
}
_ANY_PRONOUN = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)


def introduced_genders(
    text: str, sentences: Sequence[Span], keyed: Sequence[tuple[Span, str]]
) -> dict[str, Counter[str]]:
    """Genders the pronouns next to a lone named person show, counted per person key.

    Only a sentence opening with a capital and naming exactly one person counts: its ", who, in his
    capacity" clause, a "that she" after the name, or a "He"/"She"/"His"/"Her" opening the next sentence
    (unless the sentence's own pronouns after the name show both genders: someone else is in play).
    Titles and the pronouns of statements are read elsewhere; these add evidence for people introduced
    without either.
    """
    counts: dict[str, Counter[str]] = {}
    for index, sentence in enumerate(sentences):
        inside = [(span, key) for span, key in keyed if sentence.start <= span.start < sentence.end]
        if (
            len({key for _, key in inside}) != 1
            or not text[sentence.start : sentence.end].lstrip("*\"'(")[:1].isupper()
        ):
            continue  # several people, or a fragment of a broken paragraph ("and Dr. X ..."): subject unknown
        key = inside[0][1]
        after = max(span.end for span, _ in inside)
        words = [m.group(1).lower() for m in _WHO_POSSESSIVE.finditer(text, after, sentence.end)]
        words += [m.group(1).lower() for m in _THAT_PRONOUN.finditer(text, after, sentence.end)]
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        shown = {
            _PRONOUN_GENDER[m.group(1).lower()] for m in _ANY_PRONOUN.finditer(text, after, sentence.end)
        }
        # "X, who ... before he joined, asked her ... . She said": someone else is in play for the next one
        if following is not None and text[sentence.end : following.start].count("\n") < 2 and len(shown) < 2:
            opening = _OPENING_PRONOUN.match(text, following.start, following.end)
            if opening:
                words.append(opening.group(1).lower())
        genders = {_PRONOUN_GENDER[word] for word in words}
        if len(genders) == 1:
            counts.setdefault(key, Counter())[genders.pop()] += 1
    return counts

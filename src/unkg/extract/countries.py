"""Countries and demonyms in text, from the table in ``data/countries.csv``.

Every UN Member State and observer State is listed (plus a few territories and the Soviet
Union), with its UN short name, other names and acronyms ("ROK", "PRC", "U.S.") and demonyms
("Korean"). By UN usage "Korea" and "Korean" mean the Republic of Korea; "North Korea(n)" and
"DPRK" the Democratic People's Republic of Korea.

Matching is case-sensitive (so "chad" or "turkey" in lower case are not countries), on whole
words, longest form first ("Papua New Guinea" before "Guinea", "North Korean" before "Korean").
Forms listed as ambiguous in the table ("US", "America", "Jordan", "Chad", "Georgia") count only
outside name contexts: not next to another capitalised word ("the US" is a country, "US Khare"
- an Under-Secretary - and "Latin America" are not).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from unkg.extract.reference import country_rows, split_list
from unkg.model import Country, Span

CountryForm = Literal["name", "demonym"]

# Capitalised words that may stand before an ambiguous form without making it part of a name.
_SENTENCE_WORDS = frozenset(
    "The In Of For And By With To From As On At But Or While When If Since Both Neither Nor Even".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class CountryMention:
    """A country named in a text: where, which, and whether by a name or a demonym."""

    span: Span
    country: Country
    form: CountryForm


@dataclass(frozen=True)
class CountryRecord:
    """One row of the country table."""

    country: Country
    un_short_name: str
    alt_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    wikidata: str | None
    status: str
    ambiguous_forms: frozenset[str]


@dataclass(frozen=True)
class _Form:
    record: CountryRecord
    kind: CountryForm
    ambiguous: bool


@functools.cache
def country_records() -> tuple[CountryRecord, ...]:
    """All rows of ``data/countries.csv``, in file order."""
    records = []
    for row in country_rows():
        records.append(
            CountryRecord(
                country=Country(alpha3=row["alpha3"].upper(), name=row["name"]),
                un_short_name=row.get("un_short_name", ""),
                alt_names=split_list(row.get("alt_names", "")),
                demonyms=split_list(row.get("demonyms", "")),
                wikidata=row.get("wikidata") or None,
                status=row.get("status", ""),
                ambiguous_forms=frozenset(split_list(row.get("ambiguous_forms", ""))),
            )
        )
    return tuple(records)


def _plural(demonym: str) -> str | None:
    """ "Korean" -> "Koreans", "Saudi" -> "Saudis"; None for "Chinese", "Swiss", "British"."""
    if demonym.endswith(("an", "i", "ot", "er", "ite")):
        return demonym + "s"
    return None


def _names_of(record: CountryRecord) -> list[str]:
    names = [record.country.name, *record.alt_names]
    if record.un_short_name and "(" not in record.un_short_name:
        names.append(record.un_short_name)
    return names


@functools.cache
def _forms() -> dict[str, _Form]:
    """Every surface form (and its all-capitals spelling) -> its country; earlier rows win ties."""
    forms: dict[str, _Form] = {}
    for record in country_records():
        demonyms = [d for demonym in record.demonyms for d in (demonym, _plural(demonym)) if d]
        kinds: tuple[tuple[CountryForm, list[str]], ...] = (
            ("name", _names_of(record)),
            ("demonym", demonyms),
        )
        for kind, surfaces in kinds:
            for surface in surfaces:
                form = _Form(record, kind, surface in record.ambiguous_forms)
                forms.setdefault(surface, form)
                if len(surface) >= 4 and not surface.isupper():
                    forms.setdefault(surface.upper(), form)
    return forms


def _form_pattern(surface: str) -> str:
    """A regex for a surface form: any whitespace between words, either apostrophe."""
    parts = [re.escape(word) for word in surface.split()]
    return r"\s+".join(parts).replace("'", "['’]")


@functools.cache
def _matcher() -> re.Pattern[str]:
    surfaces = sorted(_forms(), key=lambda s: (-len(s), s))
    alternatives = "|".join(_form_pattern(s) for s in surfaces)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


def _canonical_surface(matched: str) -> str:
    return " ".join(matched.split()).replace("’", "'")


def _in_name_context(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands right before or after (ignoring spaces) the match."""
    after = re.match(r"\s+([A-Z][\w'’-]*)", text[end:])
    if after and after.group(1) != "I":
        return True
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, start - 40) : start])
    return bool(before and before.group(1) not in _SENTENCE_WORDS)


def find_countries(text: str, offset: int = 0) -> list[CountryMention]:
    """Countries named in ``text``, in order; spans are shifted by ``offset`` (the text's position)."""
    forms = _forms()
    mentions = []
    for match in _matcher().finditer(text):
        form = forms.get(_canonical_surface(match.group()))
        if form is None:
            continue
        if form.ambiguous and _in_name_context(text, match.start(), match.end()):
            continue
        span = Span(match.start() + offset, match.end() + offset)
        mentions.append(CountryMention(span=span, country=form.record.country, form=form.kind))
    return mentions


@functools.cache
def _lookup() -> dict[str, Country]:
    table: dict[str, Country] = {}
    for surface, form in _forms().items():
        table.setdefault(surface.lower(), form.record.country)
    for record in country_records():
        if record.un_short_name:
            table.setdefault(record.un_short_name.lower(), record.country)
    return table


def country_for(name_or_demonym: str) -> Country | None:
    """The country a name, acronym, demonym (case-insensitive) or upper-case alpha-3 code stands for.

    "the Republic of Korea", "ROK", "South Korean", "Korean" -> KOR; "North Korean" -> PRK.
    """
    key = " ".join(name_or_demonym.split()).replace("’", "'")
    key = re.sub(r"^the\s+", "", key, flags=re.IGNORECASE)
    key = re.sub(r"'s$", "", key)
    if re.fullmatch(r"[A-Z]{3}", key):
        code = country_by_code(key)
        if code is not None:
            return code
    return _lookup().get(key.lower())


def country_by_code(alpha3: str) -> Country | None:
    """The country with this ISO alpha-3 code (case-insensitive), or None."""
    return next((r.country for r in country_records() if r.country.alpha3 == alpha3.upper()), None)


def country_record(alpha3: str) -> CountryRecord | None:
    """The full table row (UN short name, Wikidata QID ...) of a country code, or None."""
    return next((r for r in country_records() if r.country.alpha3 == alpha3.upper()), None)

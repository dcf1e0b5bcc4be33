"""Personal names: which part is the family name, titles before a name, stable person keys.

Reports in this genre write names in several orders:

* family name first, in capitals: ``ZHANG Yunfei``, ``HASEGAWA Sukehiro``, ``Mayumi, YAMADA``;
* given name first: ``Sukehiro Hasegawa``, ``Heung-Soon Park``, ``Dong Ju CHOI``;
* family name first without capitals: ``Zhang Guihong`` (told apart from ``Houlin Zhao`` with a
  general list of common East Asian family names, ``data/names/family_names.csv``).

A part written in capitals is the family name wherever it stands. Otherwise a two-part name whose
first part alone is a common East Asian family name is family-first; every other name is taken as
written in English order (given names first). The person key is the slug of "family given", so the
same person gets the same key from every order: ``hasegawa-sukehiro``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from unkg.config import load_settings
from unkg.rdf.iris import slugify

# Lower-case particles that belong to the family name that follows them: "Pieter van Dam" -> family
# "van Dam", "Ana de la Rosa" -> "de la Rosa". Reports write them in lower case inside a name.
LOWER_PARTICLES = frozenset(
    [
        "al",
        "el",
        "van",
        "von",
        "de",
        "da",
        "di",
        "du",
        "der",
        "den",
        "del",
        "della",
        "dos",
        "das",
        "ter",
        "ten",
        "la",
        "le",
        "bin",
        "ibn",
        "zu",
    ]
)
# Initials of two letters: Mongolian names give the father's name as an initial written in Latin
# letters with a Cyrillic digraph ("Ts. Enkhbat", "Kh. Bolormaa"), like "J." in "J. Smith".
DIGRAPH_INITIALS = frozenset({"Ts", "Ch", "Sh", "Kh", "Zh"})


def is_initial(word: str) -> bool:
    """An initial (written with a dot after it): "J", "K", or a digraph such as "Ts"."""
    return (len(word) == 1 and word.isupper()) or word in DIGRAPH_INITIALS


# Particles that belong to the family name that follows them: "Hamed El Kady" -> family "El Kady".
FAMILY_PARTICLES = LOWER_PARTICLES | frozenset({"El", "Al", "Le", "La"})


@dataclass(frozen=True)
class Honorific:
    """A title that may stand before a personal name (a row of ``data/honorifics.csv``)."""

    form: str
    canonical: str
    kind: str  # courtesy / academic / military / post
    gender: str | None
    needs_known_name: bool


@dataclass(frozen=True)
class ParsedName:
    """A personal name split into family and given parts, as written (case kept)."""

    family: str
    given: str | None
    order_evidence: bool = False  # True when capitals (or a comma) showed which part is the family name

    @property
    def key(self) -> str:
        return person_key(self.family, self.given)


def data_dir() -> Path:
    """The folder of reference data (``data/``)."""
    return load_settings().data_dir


def reference_rows(relative: str) -> list[dict[str, str]]:
    """Rows of a CSV reference file under ``data/`` (callers cache what they build from them);
    lines starting with ``#`` are comments."""
    path = data_dir() / relative
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [dict(row) for row in csv.DictReader(lines)]


@cache
def honorifics() -> dict[str, Honorific]:
    """Titles by written form, from ``data/honorifics.csv``."""
    table: dict[str, Honorific] = {}
    for row in reference_rows("honorifics.csv"):
        table[row["form"]] = Honorific(
            form=row["form"],
            canonical=row["canonical"],
            kind=row["kind"],
            gender=row["gender"] or None,
            needs_known_name=row.get("needs_known_name", "") == "yes",
        )
    return table


@cache
def east_asian_family_names() -> frozenset[str]:
    """Common Chinese, Japanese and Korean family names, folded (see :func:`fold`)."""
    return frozenset(fold(row["name"]) for row in reference_rows("names/family_names.csv"))


@cache
def nickname_pairs() -> frozenset[tuple[str, str]]:
    """(short, full) given-name pairs such as ("abby", "abigail"), folded."""
    return frozenset((fold(row["short"]), fold(row["full"])) for row in reference_rows("names/nicknames.csv"))


@cache
def non_name_words() -> dict[str, str]:
    """Capitalised words that make a run an organization, place or date, with their kind."""
    return {row["word"]: row["kind"] for row in reference_rows("names/non_name_words.csv")}


@cache
def role_words() -> dict[str, frozenset[str]]:
    """Role vocabulary: ``{"head": {...}, "modifier": {...}}`` from ``data/roles.csv``."""
    kinds: dict[str, set[str]] = {"head": set(), "modifier": set()}
    for row in reference_rows("roles.csv"):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return {kind: frozenset(words) for kind, words in kinds.items()}


def fold(text: str) -> str:
    """Compare form of a name part: no accents, no case, no hyphens or spaces ("Heung-Soon" = "heungsoon")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]", "", ascii_text.lower())


def is_capitals(token: str) -> bool:
    """True for a name part written in capitals: "ZHANG", "HONG-SHENG" (at least two letters)."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def tidy_part(text: str) -> str:
    """A name part in ordinary case: "ZHANG" -> "Zhang", "HONG-SHENG" -> "Hong-Sheng"; "El-Kady" kept.

    Particles before another word go to lower case, as written inside a name: "VAN DER BERG" -> "van der
    Berg"; Arabic "El"/"Al" are usually written capitalised ("EL KADY" -> "El Kady").
    """
    if not is_capitals(text):
        return text
    words = text.split(" ")
    return " ".join(
        word.lower()
        if word.lower() in LOWER_PARTICLES - {"el", "al"} and index < len(words) - 1
        else "-".join(piece.capitalize() for piece in word.split("-"))
        for index, word in enumerate(words)
    )


def strip_nickname(token: str) -> str:
    """Drop a parenthesised short form glued to a name part: "Jangkeun(JK)" -> "Jangkeun"."""
    return re.sub(r"\(.*?\)$", "", token)


def split_name(tokens: list[str]) -> ParsedName:
    """Split the parts of a personal name (titles already removed) into family and given names.

    >>> split_name(["ZHANG", "Yunfei"]).family
    'ZHANG'
    >>> split_name(["Heung-Soon", "Park"]).family
    'Park'
    """
    parts = [strip_nickname(t) for t in tokens if strip_nickname(t)]
    if not parts:
        raise ValueError("empty name")
    if len(parts) == 1:
        return ParsedName(family=parts[0], given=None, order_evidence=is_capitals(parts[0]))
    capitals = [is_capitals(p) for p in parts]
    if any(capitals) and not all(capitals):
        return _split_by_capitals(parts, capitals)
    if len(parts) == 2 and _looks_family_first(parts):
        return ParsedName(family=parts[0], given=parts[1])
    if all(capitals) and fold(parts[0]) in east_asian_family_names():
        # "NGUYEN VAN AN", "KANG HYE WON": a whole name in capitals, family name first
        return ParsedName(family=parts[0], given=" ".join(parts[1:]))
    return _split_given_first(parts)


def _split_by_capitals(parts: list[str], capitals: list[bool]) -> ParsedName:
    """Capitals mark the family name: "Dong Ju CHOI", "YAMADA Tetsuya", "Kathryn Elizabeth HENNESSEY"."""
    if capitals[0]:
        end = capitals.index(False)
        return ParsedName(family=" ".join(parts[:end]), given=" ".join(parts[end:]), order_evidence=True)
    start = capitals.index(True)
    # particles just before the capitals belong to the family name ("Hamed El KADY")
    while start > 1 and parts[start - 1] in FAMILY_PARTICLES:
        start -= 1
    return ParsedName(family=" ".join(parts[start:]), given=" ".join(parts[:start]), order_evidence=True)


def _looks_family_first(parts: list[str]) -> bool:
    """ "Zhang Guihong": first part a common East Asian family name, the second not one."""
    known = east_asian_family_names()
    return fold(parts[0]) in known and fold(parts[1]) not in known


def _split_given_first(parts: list[str]) -> ParsedName:
    """English order: the last part (with any particles before it) is the family name.

    A name that starts with a lower-case particle is a family name alone: "Professor van Dam".
    """
    start = len(parts) - 1
    while start > 1 and parts[start - 1] in FAMILY_PARTICLES:
        start -= 1
    if all(part in LOWER_PARTICLES for part in parts[:start]):
        return ParsedName(family=" ".join(parts), given=None)
    return ParsedName(family=" ".join(parts[start:]), given=" ".join(parts[:start]))


def person_key(family: str, given: str | None) -> str:
    """Stable person key: slug of "family given" ("hasegawa-sukehiro"); family alone when no given name."""
    return slugify(f"{family} {given or ''}")


def display_name(family: str, given: str | None) -> str:
    """The name as a Western reader expects it, given name first, in ordinary case: "Sukehiro Hasegawa"."""
    family_text = tidy_part(family)
    if not given:
        return family_text
    return f"{tidy_part(given)} {family_text}"


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def same_part_spelling(a: str, b: str) -> bool:
    """Two spellings of one name part: equal when folded, or a small slip in a long part.

    "Bakhtuu"/"Batkhuu" and "Gammara"/"GAMARRA" (distance 2, seven letters) and "El-Kady"/"EI-Kady"
    (an OCR slip) pass; "Lee"/"Li" do not: short parts must match exactly.
    """
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 5 or fa[0] != fb[0]:
        return False
    limit = 1 if min(len(fa), len(fb)) < 7 else 2
    return edit_distance(fa, fb) <= limit


def same_given_name(a: str, b: str) -> bool:
    """Given names of one person: same spelling, a known short form ("Abby"/"Abigail"),
    or one a prefix of the other of at least four letters ("June"/"Juneyong")."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if (fa, fb) in nickname_pairs() or (fb, fa) in nickname_pairs():
        return True
    shorter, longer = sorted((fa, fb), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)

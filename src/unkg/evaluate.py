"""Score extraction against gold annotations: precision, recall and F1 per category.

``unkg eval GOLD_DIR`` calls :func:`evaluate`: it reads every gold file (:mod:`unkg.gold`),
runs the real pipeline (read, extract, resolve across reports, and curation only when asked)
on the matching report in ``data/reports/`` and compares. :func:`score_reports` is the pure
part, used as well on hand-made and synthetic extractions.

Matching rules (documented for annotators in ``tests/gold/README.md``):

* people: family + given name equal to the gold name or a variant, ignoring order, case,
  accents, hyphens and spaces; one-to-one, so a split person costs precision;
* posts: person + role (normalised; the head before "of"/"for" may match) + organization
  when gold names one (any listed name; containment either way or acronym);
* interactions: sets of (from, to, kind) of the scored kinds between people;
* statements: the predicted statement whose span contains the gold anchor's offset (the one
  starting last) must have the gold speaker; the score's recall is the speaker attribution.

Optional gold items (borderline ones, and everything about merely mentioned people) are
neither false negatives when missed nor false positives when predicted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from unkg.config import Settings
from unkg.gold import GoldError, GoldPerson, GoldReport, load_gold_dir
from unkg.model import Extraction, InteractionKind, Organization, Person

SCORED_INTERACTION_KINDS = frozenset(
    {InteractionKind.ASKED, InteractionKind.ANSWERED, InteractionKind.THANKED, InteractionKind.HOSTED}
)
CATEGORIES = (
    "people",
    "posts",
    "sessions",
    "session hosts",
    "interactions",
    "statement speakers",
    "statement acts",
    "genders",
    "countries",
    "same person across reports",
)
OVERALL = "overall"


# --- scores ---------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class Score:
    """Counts of one category in one report: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@dataclass(frozen=True)
class ScoreTable:
    """Scores per (report, category), with micro-averaged ``overall`` rows."""

    scores: Mapping[tuple[str, str], Score]
    notes: tuple[str, ...] = ()

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(sorted({report for report, _ in self.scores if report != OVERALL}))

    def get(self, report: str, category: str) -> Score:
        """The score of one category in one report, or overall (``report="overall"``)."""
        if report == OVERALL:
            return sum((s for (r, c), s in self.scores.items() if c == category and r != OVERALL), Score())
        return self.scores.get((report, category), Score())

    def shortfalls(self, f1_floors: Mapping[str, float], attribution_floor: float) -> list[str]:
        """What falls below the floors overall: F1 per category, and speaker attribution (recall)."""
        failures = []
        for category, floor in f1_floors.items():
            f1 = self.get(OVERALL, category).f1
            if f1 is None or f1 < floor:
                failures.append(f"{category} F1 {f1} < {floor}")
        attribution = self.get(OVERALL, "statement speakers").recall
        if attribution is None or attribution < attribution_floor:
            failures.append(f"speaker attribution {attribution} < {attribution_floor}")
        return failures

    def render(self, per_report: bool = True) -> str:
        """A fixed-width table: one row per report and category (unless not ``per_report``), then overall."""
        header = ("report", "category", "gold", "pred", "match", "precision", "recall", "F1")
        rows: list[tuple[str, ...]] = [header]
        for report in (*(self.reports if per_report else ()), OVERALL):
            for category in CATEGORIES:
                if report != OVERALL and (report, category) not in self.scores:
                    continue
                s = self.get(report, category)
                counts = (str(s.gold), str(s.predicted), str(s.tp))
                rows.append((report, category, *counts, _cell(s.precision), _cell(s.recall), _cell(s.f1)))
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = []
        for index, row in enumerate(rows):
            cells = [cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(row)]
            lines.append("  ".join(cells).rstrip())
            if index == 0:
                lines.append("  ".join("-" * width for width in widths))
        lines.append("")
        lines.append(
            "statement speakers: recall = speaker attribution (gold statements with the right speaker);"
        )
        lines.append("precision = right speaker among the gold statements extraction located.")
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


# --- normalisation --------------------------------------------------------------------------


def _ascii_lower(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def name_tokens(text: str) -> tuple[str, ...]:
    """Lower-case ASCII tokens of a personal name: "Heung-Soon PARK" -> ("heung", "soon", "park")."""
    return tuple(re.findall(r"[a-z0-9]+", _ascii_lower(text)))


def _name_forms(parts: Sequence[str]) -> set[str]:
    """Order-free forms of a name given as parts (family, given): sorted tokens and both squashes."""
    parts = [part for part in parts if part]
    tokens = [token for part in parts for token in name_tokens(part)]
    forms = {" ".join(sorted(tokens))}
    squashed = ["".join(name_tokens(part)) for part in parts]
    forms.update({"#" + "".join(squashed), "#" + "".join(reversed(squashed))})
    return forms


def gold_name_forms(person: GoldPerson) -> set[str]:
    """Every form under which a predicted name matches this gold person."""
    forms = _name_forms([person.family, person.given or ""])
    for variant in person.variants:
        forms.update({" ".join(sorted(name_tokens(variant))), "#" + "".join(name_tokens(variant))})
    return forms


def predicted_name_forms(person: Person) -> set[str]:
    """The forms of a predicted person's family + given name."""
    return _name_forms([person.family_name, person.given_name or ""])


_ROLE_ABBREVIATIONS = {
    "prof": "professor",
    "usg": "under secretary general",
    "asg": "assistant secretary general",
    "sg": "secretary general",
    "dg": "director general",
}
_ROLE_DROP = {"the", "former", "ex", "a", "an"}


def normalize_role(role: str) -> str:
    """Lower-case words of a role, abbreviations expanded: "Vice-President" -> "vice president"."""
    words = re.findall(r"[a-z0-9]+", _ascii_lower(role))
    expanded = [_ROLE_ABBREVIATIONS.get(word, word) for word in words if word not in _ROLE_DROP]
    return " ".join(expanded)


def role_head(role: str) -> str:
    """The role before its qualifier: "Director of Human Resources" -> "director"."""
    normalized = normalize_role(role)
    return re.split(r" (?:of|for|at|in|on) ", normalized, maxsplit=1)[0]


def roles_match(gold_role: str, predicted_role: str) -> bool:
    """Equal normalised roles, or equal heads ("Chief" ~ "Chief for Asia Pacific Section")."""
    gold, predicted = normalize_role(gold_role), normalize_role(predicted_role)
    return bool(gold) and (gold == predicted or role_head(gold_role) == role_head(predicted_role))


_ORG_STOPWORDS = {"the", "of", "and", "for", "on", "in", "at", "to"}


def normalize_organization(name: str) -> str:
    """Lower-case words of an organization name, "UN" spelt out, "&" as "and"."""
    text = _ascii_lower(name).replace("&", " and ")
    words = ["united nations" if word == "un" else word for word in re.findall(r"[a-z0-9]+", text)]
    return " ".join(word for word in " ".join(words).split() if word != "the")


def _initials(normalized: str) -> str:
    return "".join(word[0] for word in normalized.split() if word not in _ORG_STOPWORDS)


def organization_names_match(gold_name: str, predicted_name: str) -> bool:
    """Equal, contained one in the other (whole words), or one the acronym of the other."""
    gold, predicted = normalize_organization(gold_name), normalize_organization(predicted_name)
    if not gold or not predicted:
        return False
    if gold == predicted or f" {gold} " in f" {predicted} " or f" {predicted} " in f" {gold} ":
        return True
    compact_gold, compact_predicted = gold.replace(" ", ""), predicted.replace(" ", "")
    return (len(compact_gold) >= 2 and compact_gold == _initials(predicted)) or (
        len(compact_predicted) >= 2 and compact_predicted == _initials(gold)
    )


def organization_names(organization: Organization | None, key: str) -> tuple[str, ...]:
    """Every name a predicted organization is known by (the key alone when it is unknown)."""
    names = [key.replace("-", " ")]
    if organization is not None:
        names += [organization.name, *organization.variants]
        if organization.acronym:
            names.append(organization.acronym)
    return tuple(names)


def organization_matches(gold_names: Sequence[str], predicted_names: Sequence[str]) -> bool:
    """True when any acceptable gold name matches any predicted name."""
    return any(organization_names_match(g, p) for g in gold_names for p in predicted_names)


# --- one-to-one matching --------------------------------------------------------------------

L = TypeVar("L", bound=Hashable)
R = TypeVar("R", bound=Hashable)


def maximum_matching(left: Sequence[L], right: Sequence[R], compatible: Callable[[L, R], bool]) -> dict[L, R]:
    """A maximum one-to-one matching (Kuhn's augmenting paths), deterministic in input order."""
    edges = {item: [j for j, other in enumerate(right) if compatible(item, other)] for item in left}
    owner: dict[int, L] = {}

    def augment(item: L, seen: set[int]) -> bool:
        for j in edges[item]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = item
                return True
        return False

    for item in left:
        augment(item, set())
    return {item: right[j] for j, item in owner.items()}


# --- scoring one report ---------------------------------------------------------------------


@dataclass
class _Alignment:
    """Which predicted person is which gold person in one report."""

    aligned: dict[str, str] = field(default_factory=dict)  # predicted key -> gold key (one-to-one)
    by_name: dict[str, set[str]] = field(default_factory=dict)  # predicted key -> gold keys by name

    def gold_key(self, predicted_key: str) -> str | None:
        """The gold person a predicted person stands for: aligned, else the only one by name."""
        if predicted_key in self.aligned:
            return self.aligned[predicted_key]
        candidates = self.by_name.get(predicted_key, set())
        return next(iter(candidates)) if len(candidates) == 1 else None


def align_people(gold: GoldReport, extraction: Extraction) -> _Alignment:
    """Match predicted people to gold people by name, one to one."""
    gold_forms = {person.key: gold_name_forms(person) for person in gold.people}
    predicted = sorted(extraction.people, key=lambda p: p.key)
    by_name = {
        p.key: {key for key, forms in gold_forms.items() if predicted_name_forms(p) & forms}
        for p in predicted
    }
    matching = maximum_matching(
        [p.key for p in predicted],
        [person.key for person in gold.people],
        lambda pk, gk: gk in by_name[pk],
    )
    return _Alignment(aligned=matching, by_name=by_name)


def score_people(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> Score:
    """Required gold people found; a predicted person matched to no gold person is a false positive."""
    required = [p.key for p in gold.people if not p.mentioned_only]
    matched = set(alignment.aligned.values())
    tp = sum(1 for key in required if key in matched)
    fp = sum(1 for p in extraction.people if p.key not in alignment.aligned)
    return Score(tp=tp, fp=fp, fn=len(required) - tp)


def _optional_people(gold: GoldReport) -> set[str]:
    return {p.key for p in gold.people if p.mentioned_only}


def score_posts(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> Score:
    organizations = {o.key: o for o in extraction.organizations}
    predicted: dict[tuple[str | None, str, str | None], tuple[str, ...]] = {}
    for post in extraction.posts:  # one post per (person, role, organization), as the graph keys them
        identity = (
            alignment.gold_key(post.person) or "?" + post.person,
            normalize_role(post.role),
            post.organization,
        )
        if identity not in predicted:
            names = (
                ()
                if post.organization is None
                else organization_names(organizations.get(post.organization), post.organization)
            )
            predicted[identity] = names
    items = list(predicted.items())
    optional_people = _optional_people(gold)

    def compatible(gold_index: int, predicted_index: int) -> bool:
        gold_post = gold.posts[gold_index]
        (person, role, _), names = items[predicted_index]
        if person != gold_post.person or not roles_match(gold_post.role, role):
            return False
        return not gold_post.organizations or organization_matches(gold_post.organizations, names)

    matching = maximum_matching(list(range(len(gold.posts))), list(range(len(items))), compatible)
    is_optional = [p.optional or p.person in optional_people for p in gold.posts]
    tp = sum(1 for g in matching if not is_optional[g])
    fn = sum(1 for g in range(len(gold.posts)) if not is_optional[g] and g not in matching)
    matched_predicted = set(matching.values())
    fp = sum(
        1
        for index, ((person, _, _), _) in enumerate(items)
        if index not in matched_predicted and person not in optional_people
    )
    return Score(tp=tp, fp=fp, fn=fn)


def _titles_match(gold_title: str, predicted_title: str) -> bool:
    gold, predicted = set(name_tokens(gold_title)), set(name_tokens(predicted_title))
    if not gold or not predicted:
        return False
    return gold <= predicted or predicted <= gold or len(gold & predicted) / len(gold | predicted) >= 0.5


def score_sessions(gold: GoldReport, extraction: Extraction) -> tuple[Score, Score]:
    """Sessions (number, date, title) and session hosts."""
    by_number = {session.number: session for session in extraction.sessions}
    organizations = {o.key: o for o in extraction.organizations}
    session_score, host_score = Score(), Score()
    used: set[int] = set()
    for gold_session in gold.sessions:
        numbers = (gold_session.number, *gold_session.also_numbered)
        found = next((by_number[n] for n in numbers if n in by_number and n not in used), None)
        if found is None:
            session_score += Score(fn=1)
            host_score += Score(fn=1 if gold_session.hosts else 0)
            continue
        used.add(found.number)
        right = _titles_match(gold_session.title, found.title) and (
            gold_session.date is None or gold_session.date == found.date
        )
        session_score += Score(tp=1) if right else Score(fp=1, fn=1)
        host_names = (
            () if found.host is None else organization_names(organizations.get(found.host), found.host)
        )
        if gold_session.hosts and host_names and organization_matches(gold_session.hosts, host_names):
            host_score += Score(tp=1)
        else:
            host_score += Score(fn=1 if gold_session.hosts else 0, fp=1 if host_names else 0)
    for session in extraction.sessions:
        if session.number not in used:
            session_score += Score(fp=1)
            host_score += Score(fp=1 if session.host else 0)
    return session_score, host_score


def score_interactions(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> Score:
    groups = {group.key for group in extraction.groups}
    predicted: set[tuple[str, str, InteractionKind]] = set()
    for interaction in extraction.interactions:
        if interaction.kind not in SCORED_INTERACTION_KINDS:
            continue
        if interaction.source in groups or interaction.target in groups:
            continue
        source = alignment.gold_key(interaction.source) or "?" + interaction.source
        target = alignment.gold_key(interaction.target) or "?" + interaction.target
        predicted.add((source, target, interaction.kind))
    optional_people = _optional_people(gold)
    required: set[tuple[str, str, InteractionKind]] = set()
    optional: set[tuple[str, str, InteractionKind]] = set()
    for item in gold.interactions:
        triple = (item.source, item.target, item.kind)
        is_optional = item.optional or item.source in optional_people or item.target in optional_people
        (optional if is_optional else required).add(triple)
    optional -= required
    predicted = {t for t in predicted if t[0] not in optional_people and t[1] not in optional_people}
    return Score(
        tp=len(predicted & required), fp=len(predicted - required - optional), fn=len(required - predicted)
    )


def _group_labels_match(gold_label: str, predicted_label: str) -> bool:
    stop = {"the", "and", "of", "a", "from", "participants", "participant"}
    gold = set(name_tokens(gold_label)) - stop
    predicted = set(name_tokens(predicted_label)) - stop
    return bool(gold & predicted) or (not gold and not predicted)


def locate_anchor(text: str, anchor: str, report: str) -> int:
    """Where a statement anchor starts: verbatim, else with any whitespace between its words.

    The second form finds anchors in text read from PDF or Word, where a line or page break
    may fall inside the anchor.
    """
    offset = text.find(anchor)
    if offset >= 0:
        return offset
    pattern = r"\s+".join(re.escape(word) for word in anchor.split())
    found = re.search(pattern, text)
    if found is None:
        raise GoldError(f"{report}: statement anchor not found in the report text: {anchor!r}")
    return found.start()


def score_statements(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> tuple[Score, Score]:
    """Statement speakers and statement acts, over the gold statements' anchors."""
    text = extraction.document.text
    groups = {group.key: group for group in extraction.groups}
    speakers, acts = Score(), Score()
    for statement in gold.statements:
        offset = locate_anchor(text, statement.anchor, gold.report)
        containing = [s for s in extraction.statements if s.span.start <= offset < s.span.end]
        if not containing:
            speakers += Score(fn=0 if statement.optional else 1)
            acts += Score(fn=0 if statement.optional else 1)
            continue
        found = max(containing, key=lambda s: (s.span.start, -s.span.end))
        label = statement.group_label
        if label is not None:
            group = groups.get(found.speaker)
            right_speaker = group is not None and _group_labels_match(label, group.label)
        else:
            right_speaker = alignment.gold_key(found.speaker) == statement.speaker
        if statement.optional:
            continue
        speakers += Score(tp=1) if right_speaker else Score(fp=1, fn=1)
        acts += Score(tp=1) if found.act == statement.act else Score(fp=1, fn=1)
    return speakers, acts


def _score_attribute(
    gold: GoldReport, extraction: Extraction, alignment: _Alignment, attribute: Callable[[object], str | None]
) -> Score:
    predicted = {p.key: p for p in extraction.people}
    gold_people = {p.key: p for p in gold.people}
    score = Score()
    for predicted_key, gold_key in alignment.aligned.items():
        expected, got = attribute(gold_people[gold_key]), attribute(predicted[predicted_key])
        if expected is not None and got == expected:
            score += Score(tp=1)
        else:
            score += Score(fn=1 if expected is not None else 0, fp=1 if got is not None else 0)
    return score


def _gender(person: object) -> str | None:
    value = getattr(person, "gender", None)
    return value if isinstance(value, str) else None


def _country(person: object) -> str | None:
    value = getattr(person, "country", None)
    return value.upper() if isinstance(value, str) else None


def score_report(gold: GoldReport, extraction: Extraction) -> dict[str, Score]:
    """All per-report categories for one report."""
    alignment = align_people(gold, extraction)
    sessions, hosts = score_sessions(gold, extraction)
    speakers, acts = score_statements(gold, extraction, alignment)
    return {
        "people": score_people(gold, extraction, alignment),
        "posts": score_posts(gold, extraction, alignment),
        "sessions": sessions,
        "session hosts": hosts,
        "interactions": score_interactions(gold, extraction, alignment),
        "statement speakers": speakers,
        "statement acts": acts,
        "genders": _score_attribute(gold, extraction, alignment, _gender),
        "countries": _score_attribute(gold, extraction, alignment, _country),
    }


def score_across_reports(golds: Sequence[GoldReport], extractions: Sequence[Extraction]) -> Score:
    """Pairs of people in two different reports: same person in gold (same key) vs same predicted key."""
    aligned: list[tuple[int, str, str]] = []  # (report index, gold key, predicted key)
    for index, (gold, extraction) in enumerate(zip(golds, extractions, strict=True)):
        alignment = align_people(gold, extraction)
        aligned += [(index, g, p) for p, g in sorted(alignment.aligned.items())]
    score = Score()
    for i, (report_a, gold_a, predicted_a) in enumerate(aligned):
        for report_b, gold_b, predicted_b in aligned[i + 1 :]:
            if report_a == report_b:
                continue
            same_gold, same_predicted = gold_a == gold_b, predicted_a == predicted_b
            if same_gold and same_predicted:
                score += Score(tp=1)
            elif same_gold:
                score += Score(fn=1)
            elif same_predicted:
                score += Score(fp=1)
    return score


def score_reports(
    golds: Sequence[GoldReport],
    extractions: Sequence[Extraction],
    notes: Iterable[str] = (),
    across_reports: bool = True,
) -> ScoreTable:
    """Score extractions against their gold reports (paired by report id).

    ``across_reports`` adds the pairwise "same person across reports" score (a gold key in two
    files is one person); independent synthetic reports turn it off.
    """
    by_report = {extraction.document.report_id: extraction for extraction in extractions}
    paired = []
    for gold in golds:
        if gold.report not in by_report:
            raise GoldError(f"no extraction for gold report {gold.report!r}")
        paired.append(by_report[gold.report])
    scores: dict[tuple[str, str], Score] = {}
    for gold, extraction in zip(golds, paired, strict=True):
        for category, score in score_report(gold, extraction).items():
            scores[(gold.report, category)] = score
    if across_reports and len(golds) > 1:
        scores[("all reports", "same person across reports")] = score_across_reports(golds, paired)
    return ScoreTable(scores=scores, notes=tuple(notes))


# --- explaining the errors -------------------------------------------------------------------


def explain_report(gold: GoldReport, extraction: Extraction) -> list[str]:
    """One line per error of one report (missed, false or wrong items), for people fixing extraction."""
    alignment = align_people(gold, extraction)
    lines = [f"{gold.report}: missed person {p.key}" for p in gold.people if not p.mentioned_only]
    matched = set(alignment.aligned.values())
    lines = [line for line in lines if line.rsplit(" ", 1)[1] not in matched]
    for person in extraction.people:
        if person.key not in alignment.aligned:
            same = sorted(alignment.by_name.get(person.key, set()))
            why = f" (a split of {', '.join(same)})" if same else ""
            variants = "; ".join(person.variants[:4])
            lines.append(f"{gold.report}: false person {person.key} [{variants}]{why}")
    lines += _explain_sessions(gold, extraction)
    lines += _explain_attributes(gold, extraction, alignment)
    lines += _explain_posts(gold, extraction, alignment)
    lines += _explain_interactions(gold, extraction, alignment)
    lines += _explain_statements(gold, extraction, alignment)
    return lines


def _explain_sessions(gold: GoldReport, extraction: Extraction) -> list[str]:
    by_number = {session.number: session for session in extraction.sessions}
    organizations = {o.key: o for o in extraction.organizations}
    lines = []
    for expected in gold.sessions:
        found = next(
            (by_number[n] for n in (expected.number, *expected.also_numbered) if n in by_number), None
        )
        if found is None:
            lines.append(f"{gold.report}: missed session {expected.number} {expected.title!r}")
            continue
        if not _titles_match(expected.title, found.title) or expected.date not in (None, found.date):
            lines.append(f"{gold.report}: session {found.number} is {found.title!r} on {found.date}")
        names = () if found.host is None else organization_names(organizations.get(found.host), found.host)
        if bool(expected.hosts) != bool(names) or (names and not organization_matches(expected.hosts, names)):
            lines.append(
                f"{gold.report}: host of session {found.number} is {found.host}, gold {expected.hosts}"
            )
    return lines


def _explain_attributes(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> list[str]:
    predicted = {p.key: p for p in extraction.people}
    lines = []
    for predicted_key, gold_key in sorted(alignment.aligned.items()):
        expected, got = gold.person(gold_key), predicted[predicted_key]
        for name, want, have in (
            ("gender", expected.gender, got.gender),
            ("country", expected.country, got.country),
        ):
            if want != have:
                lines.append(f"{gold.report}: {name} of {gold_key} is {have}, gold {want}")
    return lines


def _explain_posts(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> list[str]:
    organizations = {o.key: o for o in extraction.organizations}
    predicted = []
    for post in extraction.posts:
        names = (
            ()
            if post.organization is None
            else organization_names(organizations.get(post.organization), post.organization)
        )
        predicted.append((alignment.gold_key(post.person) or "?" + post.person, post, names))
    lines, used = [], set()
    optional_people = _optional_people(gold)
    for gold_post in gold.posts:
        hit = next(
            (
                i
                for i, (person, post, names) in enumerate(predicted)
                if person == gold_post.person
                and roles_match(gold_post.role, post.role)
                and (not gold_post.organizations or organization_matches(gold_post.organizations, names))
            ),
            None,
        )
        if hit is None:
            if not (gold_post.optional or gold_post.person in optional_people):
                organization = gold_post.organizations[0] if gold_post.organizations else "-"
                lines.append(
                    f"{gold.report}: missed post {gold_post.person}: {gold_post.role} @ {organization}"
                )
        else:
            used.add(hit)
    seen = set()
    for i, (person, post, _) in enumerate(predicted):
        identity = (person, normalize_role(post.role), post.organization)
        if i not in used and identity not in seen and person not in optional_people:
            lines.append(f"{gold.report}: false post {person}: {post.role} @ {post.organization}")
        seen.add(identity)
    return lines


def _explain_interactions(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> list[str]:
    groups = {group.key for group in extraction.groups}
    predicted = {
        (
            alignment.gold_key(i.source) or "?" + i.source,
            alignment.gold_key(i.target) or "?" + i.target,
            i.kind,
        )
        for i in extraction.interactions
        if i.kind in SCORED_INTERACTION_KINDS and i.source not in groups and i.target not in groups
    }
    required = {(i.source, i.target, i.kind) for i in gold.interactions if not i.optional}
    every = {(i.source, i.target, i.kind) for i in gold.interactions}
    lines = [
        f"{gold.report}: missed interaction {s} {k.value} {t}" for s, t, k in sorted(required - predicted)
    ]
    lines += [f"{gold.report}: false interaction {s} {k.value} {t}" for s, t, k in sorted(predicted - every)]
    return lines


def _explain_statements(gold: GoldReport, extraction: Extraction, alignment: _Alignment) -> list[str]:
    text = extraction.document.text
    groups = {group.key: group for group in extraction.groups}
    lines = []
    for statement in gold.statements:
        offset = locate_anchor(text, statement.anchor, gold.report)
        containing = [s for s in extraction.statements if s.span.start <= offset < s.span.end]
        if not containing:
            lines.append(
                f"{gold.report}: no statement at {statement.anchor!r} (gold speaker {statement.speaker})"
            )
            continue
        found = max(containing, key=lambda s: (s.span.start, -s.span.end))
        label = statement.group_label
        if label is not None:
            group = groups.get(found.speaker)
            if group is None or not _group_labels_match(label, group.label):
                lines.append(f"{gold.report}: speaker {found.speaker} at {statement.anchor!r}, gold {label}")
        elif alignment.gold_key(found.speaker) != statement.speaker:
            lines.append(
                f"{gold.report}: speaker {found.speaker} at {statement.anchor!r}, gold {statement.speaker}"
            )
        elif found.act != statement.act:
            lines.append(
                f"{gold.report}: act {found.act.value} at {statement.anchor!r}, gold {statement.act.value}"
            )
    return lines


# --- running the pipeline -------------------------------------------------------------------

REPORT_SUFFIXES = (".txt", ".pdf", ".docx", ".md")


def find_report(reports_dir: Path, report_id: str, *more_dirs: Path) -> Path:
    """The report file ``<report_id>.*`` for a gold file, in the first folder that has one."""
    candidates: list[Path] = []
    for folder in (*more_dirs, reports_dir):
        candidates = sorted(p for p in folder.glob(f"{report_id}.*") if p.suffix.lower() in REPORT_SUFFIXES)
        if candidates:
            break
    if not candidates:
        raise GoldError(
            f"{reports_dir}: no report file named {report_id}.* for the gold file {report_id}.yaml"
        )
    return candidates[0]


def extract_reports(
    paths: Sequence[Path], settings: Settings, use_curation: bool = False
) -> tuple[Extraction, ...]:
    """Read, extract and resolve across reports, as the build does; curation only when asked."""
    from unkg.document import read_report
    from unkg.extract import extract
    from unkg.extract.resolve import resolve_across_reports

    extractions = tuple(extract(read_report(path)) for path in paths)
    resolved = tuple(resolve_across_reports(extractions))
    if use_curation:
        from unkg.curation import apply_curation, load_curation

        resolved = apply_curation(resolved, load_curation(settings.data_dir / "curation.yaml"))
    return resolved


def evaluate(gold_dir: Path, settings: Settings, use_curation: bool = False) -> ScoreTable:
    """Run extraction on every report that has a gold file in ``gold_dir`` and score it.

    Reports are looked up in a ``reports/`` folder next to ``gold_dir`` first (the layout
    ``python -m unkg.synth OUT`` writes), then in ``data/reports/``.
    """
    golds, extractions = _extract_gold_dir(gold_dir, settings, use_curation)
    return score_reports(golds, extractions, notes=_curation_notes(use_curation))


def evaluate_many(gold_dirs: Sequence[Path], settings: Settings, use_curation: bool = False) -> ScoreTable:
    """Score several gold folders as one table, whose overall rows pool every report.

    Each folder is extracted on its own, as :func:`evaluate` does. Folders are independent sets
    (a gold key means one person only within its folder), so the table has no "same person across
    reports" row when there is more than one; report ids must differ between folders.
    """
    if len(gold_dirs) == 1:
        return evaluate(gold_dirs[0], settings, use_curation)
    golds: list[GoldReport] = []
    extractions: list[Extraction] = []
    seen: dict[str, Path] = {}
    for gold_dir in gold_dirs:
        dir_golds, dir_extractions = _extract_gold_dir(gold_dir, settings, use_curation)
        for gold in dir_golds:
            if gold.report in seen:
                raise GoldError(f"{gold_dir}: report {gold.report!r} is also in {seen[gold.report]}")
            seen[gold.report] = gold_dir
        golds += dir_golds
        extractions += dir_extractions
    return score_reports(golds, extractions, notes=_curation_notes(use_curation), across_reports=False)


def _extract_gold_dir(
    gold_dir: Path, settings: Settings, use_curation: bool
) -> tuple[tuple[GoldReport, ...], list[Extraction]]:
    golds = load_gold_dir(gold_dir)
    paths = [find_report(settings.reports_dir, gold.report, gold_dir.parent / "reports") for gold in golds]
    return golds, list(extract_reports(paths, settings, use_curation=use_curation))


def _curation_notes(use_curation: bool) -> list[str]:
    return ["curation applied (data/curation.yaml)" if use_curation else "without curation"]


def evaluate_synthetic(count: int, seed: int, work_dir: Path, series: bool = False) -> ScoreTable:
    """Generate ``count`` synthetic reports (seeds ``seed``...), extract each from its file, score.

    Reports are written to ``work_dir`` and read back with the real reader, so page breaks and
    layout go through the same code as real reports. Independent reports are extracted each on
    its own; a ``series`` (scholars who come back, :func:`unkg.synth.generate_series`) is also
    resolved across reports and scored on "same person across reports".
    """
    from unkg.document import read_report
    from unkg.extract import extract
    from unkg.extract.resolve import resolve_across_reports
    from unkg.synth import generate_corpus, generate_series

    work_dir.mkdir(parents=True, exist_ok=True)
    reports = generate_series(count, seed) if series else generate_corpus(count, seed)
    extractions = []
    for report in reports:
        path = work_dir / f"{report.report_id}.txt"
        path.write_text(report.text, encoding="utf-8")
        extractions.append(extract(read_report(path)))
    if series:
        extractions = list(resolve_across_reports(extractions))
    kind = "synthetic reports of one series" if series else "synthetic reports"
    notes = [f"{count} {kind}, seeds {seed}..{seed + count - 1} (unkg.synth)"]
    return score_reports([r.gold for r in reports], extractions, notes=notes, across_reports=series)

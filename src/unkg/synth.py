"""Synthetic meeting reports of the corpus's genre, with their ground truth in the gold format.

Reports never seen matter more than the two in ``data/reports/``: this seeded generator writes
varied reports (day and session headings, presentations, questions and answers in reported
speech, pronoun follow-ups, photo captions, page breaks inside sentences, footnotes) about
invented people with Chinese, Japanese, Korean, Mongolian and Western names in both orders,
and returns what a perfect extraction would find (:class:`unkg.gold.GoldReport`).

The pools (names, invented institutions, general UN entities, topics) are in
``data/synth.yaml``; nothing of the corpus is used. The same seed always gives the same report.

    python -m unkg.synth OUT_DIR --count 20 --seed 1   # writes OUT_DIR/reports/*.txt and OUT_DIR/gold/*.yaml
"""

from __future__ import annotations

import argparse
import datetime
import functools
import random
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from unkg.config import load_settings
from unkg.errors import UnkgError
from unkg.gold import GoldInteraction, GoldPerson, GoldPost, GoldReport, GoldSession, GoldStatement, dump_gold
from unkg.model import InteractionKind, SpeechAct

FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹"
ANCHOR_WORDS = 6


@dataclass(frozen=True)
class SyntheticReport:
    """A generated report: its id, its text and its ground truth."""

    report_id: str
    text: str
    gold: GoldReport


@dataclass(frozen=True)
class Scholar:
    """A scholar who comes back in several reports of a series (same name, culture, gender, post)."""

    family: str
    given: str
    culture: str
    gender: str
    role: str
    academy: str


@functools.cache
def load_pools(path: Path | None = None) -> Mapping[str, Any]:
    """The generator's pools (``data/synth.yaml`` by default)."""
    path = path or load_settings().data_dir / "synth.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise UnkgError(f"{path}: cannot read the synthetic report pools ({error})") from error
    if not isinstance(data, Mapping):
        raise UnkgError(f"{path}: expected a mapping")
    return data


# --- people -----------------------------------------------------------------------------------


@dataclass
class _Human:
    """A generated person and what the text has shown of them so far."""

    key: str
    family: str
    given: str
    culture: str
    gender: str
    honorific: str
    orders: Sequence[str]
    country: str | None = None
    mentioned_only: bool = False
    shared_family: bool = False
    variants: set[str] = field(default_factory=set)
    gender_shown: bool = False
    introduced: bool = False
    posts: list[GoldPost] = field(default_factory=list)  # posts the person holds
    shown_posts: list[GoldPost] = field(default_factory=list)  # those the text has stated

    def name(self, order: str, spaced_given: bool = False) -> str:
        """The name in one of the orders, recorded as a variant seen in the text.

        ``spaced_given`` writes a hyphenated given name with a space ("Min-jun" -> "Min Jun"),
        a spelling variant the reports use for Korean names.
        """
        family, given = self.family, self.given
        if spaced_given:
            given = " ".join(part.capitalize() for part in given.split("-"))
        forms = {
            "family-caps": f"{family.upper()} {given}",
            "family-first": f"{family} {given}",
            "given-first": f"{given} {family}",
            "given-caps": f"{given} {family.upper()}",
        }
        text = forms[order]
        self.variants.add(text)
        return text

    def show_honorific(self) -> str:
        if self.honorific in ("Mr.", "Ms."):
            self.gender_shown = True
        return self.honorific

    def pronoun(self, capital: bool = True) -> str:
        """He/She (his/her with ``capital=False``), which shows the gender."""
        self.gender_shown = True
        if capital:
            return "He" if self.gender == "male" else "She"
        return "his" if self.gender == "male" else "her"

    def add_post(self, role: str, organizations: Sequence[str], former: bool = False) -> None:
        post = GoldPost(self.key, role, tuple(organizations), former=former, optional=self.mentioned_only)
        if post not in self.posts:
            self.posts.append(post)

    def show_post(self, post: GoldPost) -> GoldPost:
        """Record that the text states this post."""
        if post not in self.shown_posts:
            self.shown_posts.append(post)
        return post

    def to_gold(self) -> GoldPerson:
        return GoldPerson(
            key=self.key,
            family=self.family,
            given=self.given,
            variants=tuple(sorted(self.variants)),
            gender=self.gender if self.gender_shown else None,
            country=self.country,
            mentioned_only=self.mentioned_only,
        )


@dataclass
class _Sentence:
    """A sentence of a paragraph; ``speaker`` and ``act`` when it is an annotated statement."""

    text: str
    speaker: str | None = None
    act: SpeechAct | None = None


@dataclass
class _Block:
    kind: str  # "heading", "paragraph", "caption", "plain"
    sentences: list[_Sentence]


def _listing(people: Sequence[_Human]) -> str:
    """Names listed as "A, B and C", given name first, as reports list drafters and students."""
    names = [person.name("given-first") for person in people]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# --- the generator ----------------------------------------------------------------------------


class _Generator:
    """Writes one report; every method appends blocks and records ground truth as it goes."""

    def __init__(
        self, seed: int, report_id: str, pools: Mapping[str, Any], returning: Sequence[Scholar] = ()
    ) -> None:
        self.rng = random.Random(seed)
        self.returning = list(returning)
        self.report_id = report_id
        self.pools = pools
        self.blocks: list[_Block] = []
        self.people: list[_Human] = []
        self.interactions: list[GoldInteraction] = []
        self.sessions: list[GoldSession] = []
        self.session_number = 0
        self.used_names: set[tuple[str, str]] = set()

    # -- helpers

    def pick(self, items: Sequence[Any]) -> Any:
        return items[self.rng.randrange(len(items))]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def clause(self, person: _Human) -> str:
        template: str = self.pick(self.pools["clauses"])
        possessive = person.pronoun(capital=False) if "{pos}" in template else ""
        return template.format(topic=self.pick(self.pools["topics"]), pos=possessive)

    def paragraph(self, *sentences: _Sentence) -> None:
        self.blocks.append(_Block("paragraph", list(sentences)))

    def line(self, kind: str, text: str) -> None:
        self.blocks.append(_Block(kind, [_Sentence(text)]))

    def new_person(
        self,
        culture: str,
        honorific: str | None = None,
        gender: str | None = None,
        name: tuple[str, str] | None = None,
    ) -> _Human:
        pool = self.pools["names"][culture]
        gender = gender or self.pick(["female", "male"])
        given_pool = pool.get(f"given_{gender}") or pool["given"]
        family, given = name or (self.pick(pool["family"]), self.pick(given_pool))
        for _ in range(200):
            if (family, given) not in self.used_names and not any(
                r.family == family and r.given == given for r in self.returning if name is None
            ):
                break
            family, given = self.pick(pool["family"]), self.pick(given_pool)
        self.used_names.add((family, given))
        honorific = honorific or ("Ms." if gender == "female" else "Mr.")
        key = re.sub(r"[^a-z0-9]+", "-", f"{family} {given}".lower()).strip("-")
        person = _Human(key, family, given, culture, gender, honorific, pool["orders"])
        shared = [p for p in self.people if p.family == family]
        if shared:
            person.shared_family = True
            for other in shared:
                other.shared_family = True
        self.people.append(person)
        return person

    def full(self, person: _Human) -> str:
        """Honorific and full name, in one of the person's name orders."""
        return f"{person.show_honorific()} {person.name(self.pick(person.orders))}"

    def short(self, person: _Human) -> str:
        """The usual later reference: "Professor Kimura" (full name when a family name is shared)."""
        if person.shared_family:
            return self.full(person)
        honorific = person.show_honorific()
        if honorific == "Professor" and self.chance(0.2):
            honorific = "Prof."
        return f"{honorific} {person.family}"

    def ref(self, person: _Human) -> str:
        """First reference with affiliation, later references short."""
        if person.introduced:
            return self.short(person)
        person.introduced = True
        post = person.posts[0] if person.posts else None
        if post is None or not post.organizations:
            return self.full(person)
        if self.chance(0.5) and (person.honorific != "Professor" or post.role == "Professor"):
            full = self.full(person)
            if person.honorific == "Professor" and post.role == "Professor":
                person.show_post(post)  # "Professor Haruto Kimura of Northfield University"
            return f"{full} of {post.organizations[0]}"
        person.show_post(post)
        return f"{self.full(person)}, {post.role}, {post.organizations[0]},"

    def caption_name(self, person: _Human) -> str:
        """A caption entry: name (sometimes with honorific), role and organization."""
        order = self.pick(person.orders)
        name = person.name(order, spaced_given="-" in person.given and self.chance(0.3))
        if self.chance(0.3):
            name = f"{person.show_honorific()} {name}"
        post = next((p for p in person.posts if p.organizations and not p.former), None)
        if post is None:
            return name
        person.show_post(post)
        return f"{name}, {post.role}, {post.organizations[0]}"

    # -- people of the meeting

    def scholars(self, count: int) -> list[_Human]:
        people = [self.returning_scholar(scholar) for scholar in self.returning]
        for _ in range(count - len(people)):
            country = self.pick(self.pools["countries"])
            role: str = self.pick(self.pools["scholar_roles"])
            gender = self.pick(["female", "male"])
            if self.chance(0.3):
                honorific = "Ms." if gender == "female" else "Mr."
            else:
                honorific = "Professor" if "Professor" in role else "Dr."
            person = self.new_person(country["culture"], honorific, gender)
            person.add_post(role, [self.pick(self.pools["academies"])])
            people.append(person)
        return people

    def returning_scholar(self, scholar: Scholar) -> _Human:
        if self.chance(0.3):
            honorific = "Ms." if scholar.gender == "female" else "Mr."
        else:
            honorific = "Professor" if "Professor" in scholar.role else "Dr."
        person = self.new_person(scholar.culture, honorific, scholar.gender, (scholar.family, scholar.given))
        person.add_post(scholar.role, [scholar.academy])
        return person

    def official(self, host: Mapping[str, str]) -> _Human:
        culture = self.pick(["western", "western", "chinese", "japanese", "korean"])
        honorific = "Dr." if self.chance(0.2) else None
        person = self.new_person(culture, honorific)
        unit: str = self.pick(self.pools["units"])
        person.add_post(self.pick(self.pools["official_roles"]), [unit, host["name"], host["acronym"]])
        return person

    # -- sections

    def header(self, title: str, dates: Sequence[datetime.date], city: str) -> None:
        self.line("plain", title)
        first, last = dates[0], dates[-1]
        self.line("plain", f"{first.day}-{last.day} {last:%B} {last.year} {city}")

    def opening(self, convener: _Human, helpers: Sequence[_Human], scholars: Sequence[_Human]) -> None:
        convener.add_post("Convener", [])
        convener.show_post(convener.posts[-1])
        countries = sorted({p.culture for p in scholars})
        self.paragraph(
            _Sentence(
                f"The dialogue was opened by {self.full(convener)}, Convener of the Dialogue, who welcomed "
                f"{len(scholars)} scholars from {len(countries)} countries.",
                convener.key,
                SpeechAct.STATED,
            ),
            _Sentence(
                f"{convener.pronoun()} explained that the report would be compiled by {_listing(helpers)}.",
                convener.key,
                SpeechAct.STATED,
            ),
        )
        convener.introduced = True

    def day_heading(self, index: int, day: datetime.date) -> None:
        styles = [f"Day {index}: {day:%A}, {day.day} {day:%B}", f"{day:%A} {day.day} {day:%B}"]
        styles.append(f"{day:%A}, {day.day} {day:%B}")
        self.line("heading", self.pick(styles))

    def session_heading(self, title: str) -> None:
        self.session_number += 1
        separator = self.pick([": ", ": ", " "])
        self.line("heading", f"Session {self.session_number}{separator}{title}")

    def interaction(self, source: _Human, target: _Human, kind: InteractionKind) -> None:
        optional = source.mentioned_only or target.mentioned_only
        item = GoldInteraction(source.key, target.key, kind, self.session_number, optional)
        if item not in self.interactions:
            self.interactions.append(item)

    def visit(self, day: datetime.date, scholars: Sequence[_Human]) -> None:
        """A visit: one presenter, or a panel of two from the same host; questions, answers, thanks."""
        host: Mapping[str, str] = self.pick(self.pools["hosts"])
        presenters = [self.official(host) for _ in range(2 if self.chance(0.3) else 1)]
        title = self.pick([f"Visit to {host['acronym']}", f"Meeting at {host['acronym']}"])
        self.session_heading(title)
        self.sessions.append(
            GoldSession(self.session_number, title, day.isoformat(), (host["name"], host["acronym"]))
        )
        if self.chance(0.6):
            self.presentation_line(presenters)
        for presenter in presenters:
            self.presentation(presenter, host)
        if self.chance(0.6):
            self.caption(presenters[0], self.pick(scholars))
        self.questions(scholars, presenters)

    def presentation_line(self, presenters: Sequence[_Human]) -> None:
        """ "Presentation by Ms. X, Director, Policy Division, and by Mr. Y, Chief, ..." """
        entries = []
        for presenter in presenters:
            post = presenter.show_post(presenter.posts[0])
            entries.append(f"{self.full(presenter)}, {post.role}, {post.organizations[0]}")
            presenter.introduced = True
        self.line("caption", "Presentation by " + ", and by ".join(entries))

    def questions(self, scholars: Sequence[_Human], presenters: Sequence[_Human]) -> None:
        askers = self.rng.sample(list(scholars), k=min(len(scholars), self.rng.randint(1, 3)))
        for asker in askers:
            self.question_and_answer(asker, self.pick(presenters), presenters)
        if self.chance(0.5):
            self.thanks(self.pick(scholars), self.pick(presenters))
        if self.chance(0.3):
            self.group_question(self.pick(presenters))
        if self.chance(0.4):
            commenter = self.pick(scholars)
            self.paragraph(
                _Sentence(
                    f"{self.ref(commenter)} commented that {self.clause(commenter)}.",
                    commenter.key,
                    SpeechAct.COMMENTED,
                )
            )

    def opening_session(
        self, day: datetime.date, convener: _Human, helpers: Sequence[_Human], scholars: Sequence[_Human]
    ) -> None:
        """An unnumbered "Opening Session with ..." (number 0, or 1: the next heading is Session 2)."""
        host: Mapping[str, str] = self.pick(self.pools["hosts"])
        official = self.official(host)
        post = official.show_post(official.posts[0])
        title = f"Opening Session with {self.full(official)}, {post.role}, {host['acronym']}"
        self.line("heading", title)
        self.sessions.append(
            GoldSession(0, title, day.isoformat(), (host["name"], host["acronym"]), also_numbered=(1,))
        )
        self.session_number = 1
        self.opening(convener, helpers, scholars)
        official.introduced = True
        self.presentation(official, host)
        self.questions(scholars, [official])

    def presentation(self, presenter: _Human, host: Mapping[str, str]) -> None:
        if presenter.introduced:
            opening = (
                f"{self.short(presenter)} opened the session by presenting the work of {host['acronym']}."
            )
        else:
            post = presenter.show_post(presenter.posts[0])
            opening = (
                f"The session was opened by {self.full(presenter)}, {post.role} of the "
                f"{post.organizations[0]}, who presented the work of {host['acronym']}."
            )
            presenter.introduced = True
        sentences = [_Sentence(opening, presenter.key, SpeechAct.PRESENTED)]
        sentences += [self.follow_up(presenter, SpeechAct.STATED) for _ in range(self.rng.randint(1, 3))]
        self.paragraph(*sentences)

    def caption(self, *people: _Human) -> None:
        self.line("caption", " and ".join(self.caption_name(p) for p in people))

    def fill(self, template: str, **values: Callable[[], str]) -> str:
        """Fill a sentence form, calling only the value makers it uses, in order; capitalise it."""
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        filled = template.format(**{name: values[name]() for name in names})
        return filled[0].upper() + filled[1:]

    def presenter_ref(self, presenter: _Human, panel: Sequence[_Human] = ()) -> str:
        """The presenter as an answer names them: "Ms. Keller", sometimes by title ("the Chief")."""
        role = presenter.posts[0].role
        unique = all(other is presenter or other.posts[0].role != role for other in panel)
        if presenter.introduced and unique and self.chance(0.2):
            return f"the {role}"
        return self.short(presenter)

    def follow_up(self, person: _Human, act: SpeechAct) -> _Sentence:
        verb = self.pick(self.pools["follow_verbs"])
        return _Sentence(f"{person.pronoun()} {verb} that {self.clause(person)}.", person.key, act)

    def question_and_answer(self, asker: _Human, presenter: _Human, panel: Sequence[_Human] = ()) -> None:
        question = self.fill(
            self.pick(self.pools["ask_forms"]),
            asker=lambda: self.ref(asker),
            presenter=lambda: self.short(presenter),
            topic=lambda: str(self.pick(self.pools["topics"])),
            clause=lambda: self.clause(asker),
        )
        sentences = [_Sentence(question, asker.key, SpeechAct.ASKED)]
        if self.chance(0.4):
            sentences.append(
                _Sentence(
                    f"{asker.pronoun()} also asked whether {self.clause(asker)}.", asker.key, SpeechAct.ASKED
                )
            )
        self.paragraph(*sentences)
        self.interaction(asker, presenter, InteractionKind.ASKED)
        answer = self.fill(
            self.pick(self.pools["answer_forms"]),
            presenter=lambda: self.presenter_ref(presenter, panel),
            clause=lambda: self.clause(presenter),
        )
        sentences = [_Sentence(answer, presenter.key, SpeechAct.ANSWERED)]
        if self.chance(0.5):
            sentences.append(self.follow_up(presenter, SpeechAct.STATED))
        self.paragraph(*sentences)
        self.interaction(presenter, asker, InteractionKind.ANSWERED)

    def thanks(self, speaker: _Human, presenter: _Human) -> None:
        sentence = self.fill(
            self.pick(self.pools["thank_forms"]),
            speaker=lambda: self.ref(speaker),
            presenter=lambda: self.short(presenter),
        )
        self.paragraph(_Sentence(sentence, speaker.key, SpeechAct.THANKED))
        self.interaction(speaker, presenter, InteractionKind.THANKED)

    def group_question(self, presenter: _Human) -> None:
        country = self.pick(self.pools["countries"])
        label = f"the {country['adjective']} participants"
        self.paragraph(
            _Sentence(
                f"The {country['adjective']} participants asked about {self.pick(self.pools['topics'])}.",
                "group:" + label,
                SpeechAct.ASKED,
            ),
            _Sentence(
                f"{self.short(presenter)} answered that {self.clause(presenter)}.",
                presenter.key,
                SpeechAct.ANSWERED,
            ),
        )

    def lunch(self, day: datetime.date, scholars: Sequence[_Human]) -> None:
        country = self.pick(self.pools["countries"])
        title = f"Working Lunch hosted by the Ambassador of {country['name'].removeprefix('the ')}"
        self.session_heading(title)
        country_name = country["name"].removeprefix("the ")
        mission = f"Permanent Mission of {country_name}"
        self.sessions.append(
            GoldSession(self.session_number, title, day.isoformat(), (mission, country_name))
        )
        ambassador = self.new_person(country["culture"], "Ambassador")
        ambassador.country = country["alpha3"]
        ambassador.add_post("Ambassador", [mission, country_name])
        ambassador.show_post(ambassador.posts[-1])
        guests = self.rng.sample(list(scholars), k=min(2, len(scholars)))
        guest_names = " and ".join(self.ref(g) for g in guests)
        name = ambassador.name(self.pick(ambassador.orders))
        host = self.pick(
            [f"Ambassador {name} of {country['name']}", f"The {country['adjective']} Ambassador {name}"]
        )
        self.paragraph(
            _Sentence(f"{host} hosted a lunch for {guest_names} at the {mission}."),
            _Sentence(
                f"{ambassador.pronoun()} underlined that {self.clause(ambassador)}.",
                ambassador.key,
                SpeechAct.STATED,
            ),
        )
        ambassador.introduced = True
        for guest in guests:
            self.interaction(ambassador, guest, InteractionKind.HOSTED)
        self.paragraph(
            _Sentence(
                f"{self.short(guests[0])} thanked the Ambassador for "
                f"{ambassador.pronoun(capital=False)} hospitality.",
                guests[0].key,
                SpeechAct.THANKED,
            )
        )
        self.interaction(guests[0], ambassador, InteractionKind.THANKED)

    def mention(self, scholars: Sequence[_Human]) -> None:
        """A person only mentioned (not present), in a scholar's remark."""
        mentioned = self.new_person("western")
        mentioned.mentioned_only = True
        mentioned.add_post("Secretary-General", [])
        mentioned.show_post(mentioned.posts[-1])
        speaker = self.pick(scholars)
        self.paragraph(
            _Sentence(
                f"{self.ref(speaker)} recalled the reform agenda of Secretary-General "
                f"{mentioned.name('given-first')} and its effect on {self.pick(self.pools['topics'])}.",
                speaker.key,
                SpeechAct.STATED,
            )
        )

    def closing(self, helpers: Sequence[_Human]) -> None:
        names = ", ".join(h.name("given-first") for h in helpers)
        self.line("plain", f'"Thank you {names} for your assistance."')

    def misspell_once(self, person: _Human) -> None:
        """A caption with a misspelt family name (two letters swapped), as reports sometimes have."""
        family = person.family
        if len(family) < 5:
            return
        i = self.rng.randrange(1, len(family) - 2)
        wrong = family[:i] + family[i + 1] + family[i] + family[i + 2 :]
        if wrong == family:
            return
        variant = f"{person.given} {wrong}"
        person.variants.add(variant)
        self.line("caption", variant)


# --- assembling text ----------------------------------------------------------------------


def _break_point(rng: random.Random, sentence: str) -> int | None:
    """A space inside a sentence, after its anchor words, between two lower-case words."""
    spaces = [m.start() for m in re.finditer(" ", sentence)]
    candidates = [
        s
        for n, s in enumerate(spaces)
        if n >= ANCHOR_WORDS + 2
        and sentence[s - 1].islower()
        and s + 1 < len(sentence)
        and sentence[s + 1].islower()
    ]
    return rng.choice(candidates) if candidates else None


Piece = tuple["_Sentence | None", str]  # a sentence (or None for other text) and the characters written


def _join(pieces: Sequence[Piece]) -> list[Piece]:
    """Pieces of one block, with the separating spaces as pieces of their own."""
    joined: list[Piece] = []
    for index, piece in enumerate(pieces):
        if index:
            joined.append((None, " "))
        joined.append(piece)
    return joined


def _assemble(generator: _Generator) -> tuple[str, dict[int, int]]:
    """Join blocks with blank lines; break some paragraphs across a page (blank lines, footnote, caption).

    Returns the text and where each sentence starts (by ``id`` of the sentence).
    """
    rng = generator.rng
    parts: list[list[Piece]] = []
    footnotes = 0
    for block in generator.blocks:
        pieces: list[Piece] = [(s, s.text) for s in block.sentences]
        if block.kind == "caption":
            parts.append([(None, "\n" + pieces[0][1] + "\n")])
            continue
        index = rng.randrange(len(pieces))
        point = (
            _break_point(rng, pieces[index][1]) if block.kind == "paragraph" and rng.random() < 0.35 else None
        )
        if point is None:
            parts.append(_join(pieces))
            continue
        sentence, words = pieces[index]
        before = [*pieces[:index], (sentence, words[:point])]
        after: list[Piece] = [(None, words[point + 1 :]), *pieces[index + 1 :]]
        interruption = rng.choice(["", "footnote", "caption"])
        if interruption == "footnote" and index > 0 and footnotes < len(FOOTNOTE_MARKS):
            mark = FOOTNOTE_MARKS[footnotes]
            footnotes += 1
            previous, previous_text = before[index - 1]
            before[index - 1] = (previous, previous_text[:-1] + mark + ".")
            parts += [_join(before), [(None, f"{mark} Figures as of the date of the meeting.")], _join(after)]
        elif interruption == "caption":
            parts += [_join(before), [(None, "\nParticipants of the dialogue\n")], _join(after)]
        else:
            parts += [_join(before), _join(after)]
    text, starts = "", {}
    for number, part in enumerate(parts):
        if number:
            text += "\n\n"
        for sentence, characters in part:
            if sentence is not None and id(sentence) not in starts:
                starts[id(sentence)] = len(text)
            text += characters
    return text + "\n", starts


def _anchor(text: str, sentence: str, start: int) -> str | None:
    """The shortest run of the sentence's first words (at least six) found exactly once, at its start."""
    words = sentence.split(" ")
    for count in range(min(ANCHOR_WORDS, len(words)), len(words) + 1):
        anchor = " ".join(words[:count])
        if not text.startswith(anchor, start):
            return None
        if text.count(anchor) == 1:
            return anchor
    return None


def _statements(generator: _Generator, text: str, starts: Mapping[int, int]) -> tuple[GoldStatement, ...]:
    statements = []
    for block in generator.blocks:
        for sentence in block.sentences:
            if sentence.speaker is None or sentence.act is None:
                continue
            anchor = _anchor(text, sentence.text, starts[id(sentence)])
            if anchor is not None:
                statements.append(GoldStatement(sentence.speaker, sentence.act, anchor))
    return tuple(statements)


# --- the public entry points ----------------------------------------------------------------

ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth")


def generate_report(
    seed: int,
    report_id: str | None = None,
    pools: Mapping[str, Any] | None = None,
    returning: Sequence[Scholar] = (),
) -> SyntheticReport:
    """One synthetic report and its ground truth; the same seed gives the same report.

    ``returning`` scholars take part under their own names (in whichever name order the report
    picks): a series of reports shares them, and their gold keys are the same in every report.
    """
    pools = pools or load_pools()
    report_id = report_id or f"synthetic-{seed:04d}"
    g = _Generator(seed, report_id, pools, returning)
    start = datetime.date(g.rng.randint(2015, 2030), g.rng.randint(1, 12), g.rng.randint(1, 25))
    dates = [start + datetime.timedelta(days=i) for i in range(g.rng.randint(2, 3))]
    city: str = g.pick(pools["cities"])
    title = f"Report of the {g.pick(ORDINALS)} Dialogue of East Asian Scholars with International Officials"
    g.header(title, dates, city)
    scholars = g.scholars(g.rng.randint(4, 8))
    helpers = [g.new_person(g.pick(["western", "japanese"])) for _ in range(g.rng.randint(2, 3))]
    opening_session = g.chance(0.4)
    if not opening_session:
        g.opening(scholars[0], helpers, scholars)
    lunch_done = False
    for index, day in enumerate(dates, start=1):
        g.day_heading(index, day)
        if index == 1 and opening_session:
            g.opening_session(day, scholars[0], helpers, scholars)
        for _ in range(g.rng.randint(1, 3)):
            if not lunch_done and g.chance(0.25):
                g.lunch(day, scholars)
                lunch_done = True
            else:
                g.visit(day, scholars)
            if g.chance(0.2):
                g.mention(scholars)
    if g.chance(0.3):
        g.misspell_once(g.pick(scholars))
    g.closing(helpers)
    text, starts = _assemble(g)
    gold = GoldReport(
        report=report_id,
        people=tuple(p.to_gold() for p in g.people if p.variants),
        posts=tuple(post for p in g.people if p.variants for post in p.shown_posts),
        sessions=tuple(g.sessions),
        interactions=tuple(g.interactions),
        statements=_statements(g, text, starts),
        event={
            "title": title,
            "start_date": dates[0].isoformat(),
            "end_date": dates[-1].isoformat(),
            "place": city,
        },
    )
    return SyntheticReport(report_id, text, gold)


def generate_corpus(count: int, seed: int = 0) -> tuple[SyntheticReport, ...]:
    """``count`` independent reports with seeds ``seed``, ``seed + 1`` ..."""
    return tuple(generate_report(seed + i) for i in range(count))


def _series_scholars(rng: random.Random, pools: Mapping[str, Any], count: int) -> list[Scholar]:
    scholars: list[Scholar] = []
    while len(scholars) < count:
        country = rng.choice(pools["countries"])
        names = pools["names"][country["culture"]]
        gender = rng.choice(["female", "male"])
        given = rng.choice(names.get(f"given_{gender}") or names["given"])
        family = rng.choice(names["family"])
        if any(s.family == family and s.given == given for s in scholars):
            continue
        role, academy = rng.choice(pools["scholar_roles"]), rng.choice(pools["academies"])
        scholars.append(Scholar(family, given, country["culture"], gender, role, academy))
    return scholars


def generate_series(count: int, seed: int = 0, returning: int = 4) -> tuple[SyntheticReport, ...]:
    """``count`` reports of one series: ``returning`` scholars come back, two or three per report.

    Scores "same person across reports" after resolution: a returning scholar has one gold key in
    every report, whatever name order or honorific each report uses; everyone else is new.
    """
    pools = load_pools()
    rng = random.Random(f"series-{seed}")
    pool = _series_scholars(rng, pools, returning)
    reports = []
    for index in range(count):
        present = rng.sample(pool, k=min(len(pool), rng.randint(2, 3)))
        reports.append(generate_report(seed + index, f"series-{seed + index:04d}", pools, present))
    return tuple(reports)


def write_corpus(out_dir: Path, count: int, seed: int = 0) -> tuple[Path, Path]:
    """Write ``out_dir/reports/<id>.txt`` and ``out_dir/gold/<id>.yaml``; returns both folders."""
    reports, gold = out_dir / "reports", out_dir / "gold"
    reports.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    for report in generate_corpus(count, seed):
        (reports / f"{report.report_id}.txt").write_text(report.text, encoding="utf-8")
        (gold / f"{report.report_id}.yaml").write_text(dump_gold(report.gold), encoding="utf-8")
    return reports, gold


def main(argv: Sequence[str] | None = None) -> int:
    """Write a synthetic corpus with its gold files (for ``unkg eval`` with ``UNKG_HOME`` or by hand)."""
    parser = argparse.ArgumentParser(prog="python -m unkg.synth", description=main.__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    reports, gold = write_corpus(args.out_dir, args.count, args.seed)
    print(f"wrote {args.count} reports to {reports} and their gold files to {gold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

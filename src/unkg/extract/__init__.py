"""Extraction: a :class:`~unkg.model.Document` in, an :class:`~unkg.model.Extraction` out.

:func:`extract` is a pure function of the document; reference data (titles, family names,
reporting verbs, organizations, countries, topics) is read once from ``data/`` and cached.
Stages, in order:

1. :mod:`.structure` - event, days, sessions, prose passages;
2. :mod:`.mentions` - person mentions; :mod:`.resolve` - mentions to people;
3. :mod:`.posts` - posts from captions, headings and appositions; titles alone resolved to holders;
4. :mod:`.speech` - statements, acts, addressees, answers; then interactions and participation.

:func:`resolve_across_reports` gives one key per person across several extractions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from unkg.extract.affiliation import assign_person_countries
from unkg.extract.countries import country_by_code, find_countries
from unkg.extract.mentions import PersonMention, find_person_mentions, report_vocabulary
from unkg.extract.names import honorifics
from unkg.extract.organizations import (
    find_organizations,
    national_organization,
    organization_by_key,
    report_acronyms,
)
from unkg.extract.posts import PostDraft, find_posts, is_post_phrase, panel_roles
from unkg.extract.resolve import (
    PersonRecord,
    RoleHolder,
    introduced_genders,
    person_from_record,
    resolve_across_reports,
    resolve_people,
    resolve_role_reference,
)
from unkg.extract.role_references import resolve_role_words, retitle_family_names
from unkg.extract.speech import (
    DraftStatement,
    GroupDraft,
    Hosting,
    KeyedMention,
    find_hostings,
    find_statements,
    reporting_verb_follows,
    settle_turns,
    split_sentences,
)
from unkg.extract.structure import HELD_AT, Layout, Unit, host_phrase, read_layout
from unkg.extract.topics import classify_stance_on, classify_topics
from unkg.model import (
    BlockKind,
    Country,
    Document,
    Extraction,
    GroupSpeaker,
    Interaction,
    InteractionKind,
    Organization,
    OrganizationType,
    Participation,
    Person,
    Post,
    Span,
    SpeechAct,
    Statement,
)

__all__ = ["extract", "resolve_across_reports"]

_SHOWN_KINDS = (BlockKind.CAPTION, BlockKind.HEADING)
# add(source, target, kind, span, session): records one interaction
_Adder = Callable[[str, str, InteractionKind, Span, int | None], None]
_DIPLOMATIC_TITLE = re.compile(r"\b(?:Ambassador|Permanent Representative|Mission)\s+of\s+(?:the\s+)?(.+)$")


def extract(document: Document) -> Extraction:
    """Everything one report says about people, posts, sessions and who said what to whom."""
    layout = _with_hosts_from_prose(read_layout(document, find_host=session_host))
    text = layout.text
    vocabulary = report_vocabulary(text)
    blocks = [(u.span, u.kind) for u in layout.units if u.kind is not BlockKind.FOOTNOTE]
    mentions = find_person_mentions(text, blocks, vocabulary)
    preferred = [u.span for u in layout.units if u.kind in _SHOWN_KINDS]
    resolution = resolve_people(mentions, preferred)
    keyed = retitle_family_names([KeyedMention(m, k) for m, k in resolution.mention_keys])
    drafts = find_posts(text, layout.units, resolution.mention_keys, _session_hosts(layout))
    holders = _role_holders(layout, drafts, keyed)
    keyed += _resolved_role_references(mentions, layout, holders)
    keyed += _post_title_references(layout, holders, keyed)
    keyed += resolve_role_words(text, layout.units, keyed)
    keyed.sort(key=lambda k: k.mention.span.start)
    records = {r.key: r for r in resolution.records}
    statements, groups = find_statements(text, layout.passages, keyed, lambda key: _gender(records, key))
    settle_turns(statements, _presenters(layout, keyed))
    hostings = find_hostings(text, layout.passages, keyed)
    extraction = _assemble(document, layout, records, keyed, drafts, statements, groups, hostings)
    # Countries last: they are read from the posts and mentions the stages above resolved.
    return assign_person_countries(extraction)


# ----- sessions and titles --------------------------------------------------------------------------


def session_host(title: str, offset: int) -> str | None:
    """The organization a session title says hosts it: "Visit to WHO", "hosted by the Ambassador of Korea"."""
    phrase = host_phrase(title)
    found = find_organizations(phrase)
    if phrase == title:
        # the title opens with the body; a lower-case word after it makes a topic ("Security Council reform")
        found = [m for m in found if m.span.start == 0 and not re.match(r"\s+[a-z]", title[m.span.end :])]
    if found:
        return found[0].organization.key
    diplomatic = _DIPLOMATIC_TITLE.search(phrase)
    if diplomatic:
        countries = find_countries(diplomatic.group(1))
        if countries:
            mission = national_organization(OrganizationType.PERMANENT_MISSION, countries[0].country.alpha3)
            return mission.key if mission else None
    return None


def _with_hosts_from_prose(layout: Layout) -> Layout:
    """A session whose title names no host takes the organization its first paragraph says it was held at."""
    sessions = []
    for session in layout.sessions:
        if session.host is None:
            first = next((p for p in layout.passages if p.session == session.number), None)
            if first is not None:
                chunk = layout.text[first.span.start : first.span.end]
                held = HELD_AT.search(chunk)
                found = find_organizations(chunk[held.end() :]) if held else []
                if found and found[0].span.start <= 4:
                    session = replace(session, host=found[0].organization.key)
        sessions.append(session)
    return replace(layout, sessions=tuple(sessions))


def _session_hosts(layout: Layout) -> dict[int, Organization]:
    """The organization each session with a known host visits, by session number."""
    hosts = {}
    for session in layout.sessions:
        organization = _organization_by_key(session.host) if session.host else None
        if organization is not None:
            hosts[session.number] = organization
    return hosts


def _unit_at(layout: Layout, position: int) -> Unit | None:
    for unit in layout.units:
        if unit.span.start <= position < unit.span.end:
            return unit
    return None


def _role_holders(
    layout: Layout, drafts: Sequence[PostDraft], keyed: Sequence[KeyedMention]
) -> list[RoleHolder]:
    """Who holds which post, by evidence in captions, headings and appositions (where posts are stated)."""
    holders = []
    first_posts: dict[tuple[str, int], PostDraft] = {}
    titles = honorifics()
    titled_names = {k.mention.span.start for k in keyed if k.mention.titles}
    for post in drafts:  # a person's first post in a block is the one a bare title refers to
        unit = _unit_at(layout, post.span.start)
        if unit is None:
            continue
        # in prose, a title before a name ("Secretary-General Antonio Guterres") may be someone only
        # mentioned: only captions and headings, or posts stated in an apposition ("X, Vice Minister of
        # Y", which starts after the name; not a panel role, which role references read themselves),
        # make a holder
        stated = post.span.start not in titled_names and post.role.lower() not in panel_roles()
        if unit.kind in _SHOWN_KINDS or post.role not in titles or stated:
            kept = first_posts.setdefault((post.person, unit.span.start), post)
            if post.span.start < kept.span.start:
                first_posts[(post.person, unit.span.start)] = post
    for post in first_posts.values():
        unit = _unit_at(layout, post.span.start)
        if unit is not None:
            holders.append(RoleHolder(post.role, post.person, post.span.start, unit.session))
    for item in keyed:
        unit = _unit_at(layout, item.mention.span.start)
        if unit is None or unit.kind not in _SHOWN_KINDS:
            continue
        for title in item.mention.titles:
            if title.kind == "post":
                holders.append(RoleHolder(title.canonical, item.key, item.mention.span.start, unit.session))
    return holders


def _resolved_role_references(
    mentions: Sequence[PersonMention], layout: Layout, holders: Sequence[RoleHolder]
) -> list[KeyedMention]:
    """ "The Director-General" as the person holding that post in the session."""
    resolved = []
    for mention in mentions:
        if not mention.is_role_reference:
            continue
        unit = _unit_at(layout, mention.span.start)
        session = unit.session if unit else None
        key = resolve_role_reference(mention.titles[-1].canonical, mention.span.start, session, holders)
        if key is not None:
            resolved.append(KeyedMention(mention, key))
    return resolved


# "The Programme Officer answered", "the Senior Adviser": a post named with "the" and no name
_THE_POST = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)")


def _post_title_references(
    layout: Layout, holders: Sequence[RoleHolder], keyed: Sequence[KeyedMention]
) -> list[KeyedMention]:
    """Posts used as names in prose ("The Programme Officer answered"), resolved to the person who
    holds that post in the session; titles already read as mentions are left alone."""
    taken = {k.mention.span.start for k in keyed}
    found = []
    for passage in layout.passages:
        chunk = layout.text[passage.span.start : passage.span.end]
        for match in _THE_POST.finditer(chunk):
            start, end = passage.span.start + match.start(1), passage.span.start + match.end(1)
            if start in taken or not is_post_phrase(match.group(1)):
                continue
            pool = holders
            if reporting_verb_follows(layout.text, end):  # "..., the Director said": not X's apposition
                pool = [h for h in holders if h.position != start]
            key = resolve_role_reference(match.group(1), start, passage.session, pool)
            if key is not None:
                span = Span(start, end)
                found.append(KeyedMention(PersonMention(span, span, None, match.group(1)), key))
    return found


def _presenters(layout: Layout, keyed: Sequence[KeyedMention]) -> dict[int | None, list[str]]:
    """People a session's headings name ("Presentation by Mr. X"), in order: the session's presenters."""
    presenters: dict[int | None, list[str]] = {}
    for item in keyed:
        unit = _unit_at(layout, item.mention.span.start)
        if unit is not None and unit.kind is BlockKind.HEADING and unit.session is not None:
            names = presenters.setdefault(unit.session, [])
            if item.key not in names:
                names.append(item.key)
    return presenters


def _gender(records: dict[str, PersonRecord], key: str) -> str | None:
    record = records.get(key)
    return record.gender if record else None


# ----- assembling the extraction ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    document: Document
    layout: Layout
    organizations: dict[str, Organization]


def _assemble(
    document: Document,
    layout: Layout,
    records: dict[str, PersonRecord],
    keyed: Sequence[KeyedMention],
    drafts: Sequence[PostDraft],
    statements: Sequence[DraftStatement],
    groups: Sequence[GroupDraft],
    hostings: Sequence[Hosting],
) -> Extraction:
    organizations = _organizations(layout, drafts)
    posts = tuple(
        Post(d.person, d.role, d.organization.key if d.organization else None, d.span, d.former)
        for d in drafts
    )
    people = _people(layout.text, records, keyed, drafts, statements)
    model_statements = _statements(layout.text, statements, posts)
    return Extraction(
        document=document,
        event=layout.event,
        sessions=layout.sessions,
        people=people,
        groups=tuple(GroupSpeaker(g.key, g.label, g.countries, g.span) for g in groups),
        organizations=tuple(sorted(organizations.values(), key=lambda o: o.key)),
        countries=_countries(layout, people, groups),
        posts=posts,
        statements=model_statements,
        interactions=_interactions(layout, keyed, statements, drafts, hostings),
        participations=_participations(layout, keyed, statements, hostings),
    )


def _organizations(layout: Layout, drafts: Sequence[PostDraft]) -> dict[str, Organization]:
    """Every organization the report names, with its surface forms and mentions, plus post organizations."""
    forms: dict[str, set[str]] = {}
    spans: dict[str, list[Span]] = {}
    found: dict[str, Organization] = {}
    acronyms = report_acronyms(layout.text)  # "... (NUO)" once, then "NUO" alone anywhere
    for unit in layout.units:
        if unit.kind is BlockKind.FOOTNOTE:
            continue
        chunk = layout.text[unit.span.start : unit.span.end]
        for mention in find_organizations(chunk, unit.span.start, acronyms):
            key = mention.organization.key
            found.setdefault(key, mention.organization)
            forms.setdefault(key, set()).add(layout.text[mention.span.start : mention.span.end])
            spans.setdefault(key, []).append(mention.span)
    for draft in drafts:
        if draft.organization is not None:
            found.setdefault(draft.organization.key, draft.organization)
    for session in layout.sessions:
        if session.host and session.host not in found:
            organization = _organization_by_key(session.host)
            if organization is not None:
                found[session.host] = organization
    return {
        key: Organization(
            key=org.key,
            name=org.name,
            acronym=org.acronym,
            type=org.type,
            country=org.country,
            variants=tuple(sorted(forms.get(key, set()) - {org.name})),
            mentions=tuple(sorted(set(spans.get(key, [])))),
        )
        for key, org in found.items()
    }


def _organization_by_key(key: str) -> Organization | None:
    """A listed organization, or a country's mission or government, by its key."""
    organization = organization_by_key(key)
    if organization is not None:
        return organization
    for suffix_kind in (OrganizationType.PERMANENT_MISSION, OrganizationType.GOVERNMENT):
        code = key.rsplit("-", 1)[-1].upper()
        national = national_organization(suffix_kind, code) if len(code) == 3 else None
        if national is not None and national.key == key:
            return national
    return None


_NATIONAL_TYPES = (
    OrganizationType.PERMANENT_MISSION,
    OrganizationType.ARMED_FORCES,
    OrganizationType.GOVERNMENT,
)


def _people(
    text: str,
    records: dict[str, PersonRecord],
    keyed: Sequence[KeyedMention],
    drafts: Sequence[PostDraft],
    statements: Sequence[DraftStatement],
) -> tuple[Person, ...]:
    """People with gender shown by titles or by the pronouns that stood for them, and country from
    a national post ("of the Armed Forces of Mongolia") or a demonym title ("Korean Ambassador")."""
    paragraphs = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text)]
    sentences = [s for p in paragraphs for s in split_sentences(text, p.start, p.end)]
    near = introduced_genders(text, sentences, [(k.mention.span, k.key) for k in keyed])
    pronoun_genders = _pronoun_genders(statements, near)
    people = []
    for key, record in sorted(records.items()):
        national = [
            d.organization.country
            for d in drafts
            if d.person == key and d.organization and d.organization.type in _NATIONAL_TYPES
        ]
        country = next((c for c in national if c), None)
        person = person_from_record(record, gender=pronoun_genders.get(key), country=country)
        extra = sorted({k.mention.span for k in keyed if k.key == key} - set(person.mentions))
        if extra:
            person = Person(**{**person.__dict__, "mentions": tuple(sorted({*person.mentions, *extra}))})
        people.append(person)
    return tuple(people)


def _pronoun_genders(statements: Sequence[DraftStatement], near: dict[str, Counter[str]]) -> dict[str, str]:
    """Genders shown by the "he"/"she" that stood for a person, or by the pronouns next to a lone mention
    (``near``), when they agree at least three to one."""
    counts: dict[str, Counter[str]] = {key: Counter(counter) for key, counter in near.items()}
    for statement in statements:
        if statement.pronoun_gender and len(statement.speakers) == 1:
            counts.setdefault(statement.speakers[0], Counter())[statement.pronoun_gender] += 1
    genders = {}
    for person, counter in counts.items():
        (gender, most), *rest = counter.most_common()
        if not rest or most >= 3 * rest[0][1]:
            genders[person] = gender
    return genders


def _statements(text: str, drafts: Sequence[DraftStatement], posts: Sequence[Post]) -> tuple[Statement, ...]:
    """Model statements, one per speaker, with topics, stance and the speaker's post."""
    result = []
    for draft in drafts:
        quote = text[draft.span.start : draft.span.end]
        topics = classify_topics(quote)
        stance = classify_stance_on(quote, topics, draft.act)
        for speaker in draft.speakers:
            result.append(
                Statement(
                    span=draft.span,
                    speaker=speaker,
                    act=draft.act,
                    session=draft.session,
                    addressee=draft.addressees[0] if draft.addressees else None,
                    topics=topics,
                    stance=stance,
                    answers=draft.answers,
                    speaker_post=_speaker_post(speaker, draft, posts),
                )
            )
    return tuple(result)


def _speaker_post(speaker: str, draft: DraftStatement, posts: Sequence[Post]) -> int | None:
    """The post the speaker held at the meeting: a current one, the nearest stated before the statement."""
    candidates = [(i, p) for i, p in enumerate(posts) if p.person == speaker]
    if not candidates:
        return None
    current = [(i, p) for i, p in candidates if not p.former] or candidates
    before = [(i, p) for i, p in current if p.span.start <= draft.span.start]
    chosen = max(before, key=lambda item: item[1].span.start) if before else current[0]
    return chosen[0]


def _interactions(
    layout: Layout,
    keyed: Sequence[KeyedMention],
    statements: Sequence[DraftStatement],
    drafts: Sequence[PostDraft],
    hostings: Sequence[Hosting],
) -> tuple[Interaction, ...]:
    found: dict[tuple[str, str, InteractionKind, int | None], Interaction] = {}

    def add(source: str, target: str, kind: InteractionKind, span: Span, session: int | None) -> None:
        if source != target:
            found.setdefault(
                (source, target, kind, session), Interaction(source, target, kind, span, session)
            )

    for statement in statements:
        for speaker in statement.speakers:
            _statement_interactions(statement, speaker, add)
    for unit in layout.units:
        if unit.kind is BlockKind.CAPTION:
            shown = sorted({k.key for k in keyed if unit.span.start <= k.mention.span.start < unit.span.end})
            for index, first in enumerate(shown):
                for second in shown[index + 1 :]:
                    add(first, second, InteractionKind.PICTURED_TOGETHER, unit.span, unit.session)
    _moderations(layout, statements, drafts, add)
    for hosting in hostings:
        for guest in hosting.guests:
            add(hosting.host, guest, InteractionKind.HOSTED, hosting.span, hosting.session)
    return tuple(sorted(found.values(), key=lambda i: (i.span.start, i.kind.value, i.source, i.target)))


def _statement_interactions(statement: DraftStatement, speaker: str, add: _Adder) -> None:
    people_only = [a for a in statement.addressees if not a.startswith("group-")]
    if statement.act is SpeechAct.ASKED or statement.also_asks:  # also "cautioned ..., and asked how"
        for target in people_only:
            add(speaker, target, InteractionKind.ASKED, statement.span, statement.session)
    elif statement.act is SpeechAct.ANSWERED:
        for asker in statement.answered_askers:
            add(speaker, asker, InteractionKind.ANSWERED, statement.span, statement.session)
        for asker in statement.questioners:  # "Asked by X, the Ambassador explained ...": X asked too
            add(asker, speaker, InteractionKind.ASKED, statement.span, statement.session)
    elif statement.act is SpeechAct.THANKED:
        for target in people_only:
            add(speaker, target, InteractionKind.THANKED, statement.span, statement.session)


def _moderations(
    layout: Layout, statements: Sequence[DraftStatement], drafts: Sequence[PostDraft], add: _Adder
) -> None:
    """A session's moderator (a "Moderator" post stated in it) moderated its other speakers."""
    for draft in drafts:
        if not draft.role.lower().startswith("moderator"):
            continue
        unit = _unit_at(layout, draft.span.start)
        session = unit.session if unit else None
        speakers = sorted({s for st in statements if st.session == session for s in st.speakers})
        for speaker in speakers:
            if not speaker.startswith("group-"):
                add(draft.person, speaker, InteractionKind.MODERATED, draft.span, session)


def _participations(
    layout: Layout,
    keyed: Sequence[KeyedMention],
    statements: Sequence[DraftStatement],
    hostings: Sequence[Hosting],
) -> tuple[Participation, ...]:
    """People present in a session: they spoke, were addressed, pictured or named in its headings."""
    found: dict[tuple[str, int], Span] = {}

    def add(person: str, session: int | None, span: Span) -> None:
        if session is not None and not person.startswith("group-"):
            key = (person, session)
            if key not in found or span.start < found[key].start:
                found[key] = span

    for statement in statements:
        for person in (*statement.speakers, *statement.addressees):
            add(person, statement.session, statement.span)
    for hosting in hostings:
        for person in (hosting.host, *hosting.guests):
            add(person, hosting.session, hosting.span)
    for item in keyed:
        unit = _unit_at(layout, item.mention.span.start)
        if unit is not None and unit.kind in _SHOWN_KINDS:
            add(item.key, unit.session, unit.span)
    return tuple(Participation(p, s, span) for (p, s), span in sorted(found.items(), key=lambda kv: kv[0]))


def _countries(layout: Layout, people: Iterable[Person], groups: Iterable[GroupDraft]) -> tuple[Country, ...]:
    """Countries the report names, and those of its people and groups."""
    found: dict[str, Country] = {}
    for unit in layout.units:
        chunk = layout.text[unit.span.start : unit.span.end]
        for mention in find_countries(chunk, unit.span.start):
            found.setdefault(mention.country.alpha3, mention.country)
    codes = [p.country for p in people if p.country] + [c for g in groups for c in g.countries]
    for code in codes:
        country = country_by_code(code)
        if country is not None:
            found.setdefault(code, country)
    return tuple(sorted(found.values(), key=lambda c: c.alpha3))

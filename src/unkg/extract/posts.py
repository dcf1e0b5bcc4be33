"""Posts people hold, read from captions, headings and appositions next to their names.

The phrase after a name is cut into comma-separated segments, each a role or an organization:

* caption or heading: "Ms. ZHANG Yunfei, Board Member, UN Association of China, and ..."
  (everything up to the next person named in the block);
* apposition in prose: "Dr. Liang Dong, Research Fellow, Institute of Asian Studies, ..., explained"
  (up to the first lower-case word that is not part of a name or post);
* an "of" phrase after a titled name: "Professor Yasuhiro UEKI of Sophia University" (the title is
  the role: Professor);
* titles before a name that are posts: "Minister Masashi NAKAGOM", "Korean Ambassador Jangkeun Lee"
  (the country's permanent mission is the organization);
* panel roles (chair, discussant, rapporteur, convener, moderator ... in ``data/roles.csv``):
  "chaired by X", "X moderated the discussion", "As discussant, X", "the panel rapporteur, X",
  "X (Chair)", "X (University of Y, convener)", "Rapporteur: X".

An apposition may open with an article (", a former Political Affairs Officer in the ...", ", a former
ambassador"), a relative clause or participle (", who is also a former member of X", ", who serves as
Director of Y", ", serving as Z", ", who heads the W Centre") or go on after "and formerly a ..."; "in"
then names the organization (never a government). A minister of a portfolio works at its ministry
("Vice Minister of Fisheries, Forestry and Water of X"); a role's field or subject is no organization
("Professor of International Law", "Specialist on Migration at UNICEF": UNICEF is). A title before the
name that the apposition gives as a former post ("Judge X, a former judge of the Y Court") is no current
post. A role takes the best
organization that follows it before the next role (or, for the phrase's first role, the one written
before it: "United Nations Resident Coordinator in X"): one the organization module knows, else one
with an organization word, else none. "former ..." and "Ex- ..." mark a
former post. A segment ending in a role after an organization ("Shanghai University of Political
Science and Law Director") closes the open roles with that organization and opens a new one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from unkg.extract.mentions import PersonMention, country_word
from unkg.extract.names import non_name_words, role_words
from unkg.extract.organizations import (
    find_organizations,
    national_organization,
)
from unkg.extract.speech import reporting_verb_follows
from unkg.extract.structure import PROSE_KINDS, Unit
from unkg.model import Organization, OrganizationType, Span
from unkg.rdf.iris import slugify

# Academic titles, folded as role_head folds them: a guest's standing, never a host's staff post
_ACADEMIC_HEADS = frozenset(
    {"professor", "associate professor", "assistant professor", "professor emeritus", "dr.", "lecturer"}
)
# Lower-case words allowed inside a name's apposition ("member of the Board of Directors of the UN ...")
_APPOSITION_WORDS = frozenset(
    {"of", "the", "and", "for", "to", "at", "in", "on", "with", "de", "la", "des", "du", "&"}
)
_LOWER_ROLE_WORDS = frozenset({"member", "former", "officer", "legal", "senior", "director", "ex"})
# "Ph.D.", "PhD", "MA": degrees after a name are not posts
_DEGREE = re.compile(r"^(?:Ph\.?\s?D\.?|M\.?A\.?|LL\.?M\.?|MBA)$")
# "former Senior Official", "Ex- United Nations Expert", "Former United Nations Spokesperson"
# "formerly a Legal Officer at X", "previously Head of Y"
_FORMER = re.compile(
    r"^(?:(?:former|Former|retired|Retired)\s+|(?:formerly|Formerly|previously|Previously|until\s+recently)\s+"
    r"(?:an?\s+|the\s+)?|(?:ex|Ex)\s*-\s*|Ex\s+)"
)
# "member of the Board of Directors of X" is the post "Board Member" of X
_BOARD_MEMBER = re.compile(r"^[Mm]ember of the Board(?: of (?:Directors|Trustees|Governors))?(?= of |$)")
# Split a segment where a second role starts: "Professor and Director", "Vice President & Secretary-General"
_ROLE_JOIN = re.compile(r"\s+(?:and|&)\s+")
# "Officer in the Department of ...": "in" names an organization, never a country's government
_ROLE_QUALIFIER = re.compile(r"\s+(of|for|to|at|in|with)\s+(?:the\s+)?")


@dataclass(frozen=True)
class PostDraft:
    """A post found in the text, before posts are numbered into the extraction."""

    person: str
    role: str
    organization: Organization | None
    span: Span
    former: bool = False


@dataclass
class _Segment:
    text: str
    start: int  # offset in the document text
    former: bool = False
    group: int = 0  # segments split from one comma-separated part share a group


@dataclass
class _OpenRole:
    role: str
    start: int
    former: bool
    organizations: list[tuple[int, Organization]] = field(default_factory=list)
    group: int = -1


# A label closing the text before the next name: "Rapporteur:", "Moderator :"
_LABEL_AT_END = re.compile(r"(?<![\w-])[A-Z][\w-]*\s*:\s*$")
# A dash or colon between a name and its post in a list: "Ms. X – Programme Officer, Y"
_DASH_OR_COLON = re.compile(r"\s+[–—-]\s+|\s*:\s+")
# An apposition in brackets right after a name: "Dr. X (Associate Professor, School of Y, Z University)"
_BRACKET_AFTER_NAME = re.compile(r"\s*\(([^()]{2,200})\)")


def phrase_after(text: str, mention: PersonMention, limit: int, in_prose: bool) -> tuple[int, int]:
    """Where the post phrase after a name runs: up to ``limit`` (the next name or the block end) and,
    in prose, up to the first word that ends an apposition."""
    start = mention.name_span.end
    end = limit
    label = _LABEL_AT_END.search(text, start, limit)
    if label is not None:  # "..., Science and Law Rapporteur: Yuna X": the label is the next name's
        end = limit = label.start()
    if in_prose:
        following = text[start:limit]
        bracket = _BRACKET_AFTER_NAME.match(following)
        if bracket:  # "Professor X (Graduate School of Law, Y University), head of ..."
            return start + bracket.start(1), start + bracket.end(1)
        dash = _DASH_OR_COLON.match(following)  # "- Ms. X – Programme Officer, Y", "Dr. X: Senior Fellow"
        if not re.match(r"\s*(?:,|of\b)", following) and not (
            dash and _starts_with_role(re.sub(r"[,;:]", " ", following[dash.end() :]))
        ):
            return start, start
        end = _apposition_end(text, start, limit)
    return start, end


def _apposition_end(text: str, start: int, limit: int) -> int:
    """Where a prose apposition starting at ``start`` ends: the first word that ends it, or the sentence."""
    following = text[start:limit]
    end = limit
    previous = ""
    for word in re.finditer(r"[^\W\d_][\w'-]*", following):
        token = word.group()
        if token[0].islower() and not _continues_apposition(token, previous, following[: word.start()]):
            end = start + word.start()
            break
        previous = token
    # a semicolon before a former post does not end the apposition: "X, President, Y; former Z of W"
    sentence_end = re.search(r"(?:\.|;(?!\s+former\s))(?:\s|$)(?<!\b[A-Z]\.)", following)
    if sentence_end and start + sentence_end.start() < end:
        end = start + sentence_end.start()
    return end


def phrase_after_bracket(text: str, mention: PersonMention, limit: int) -> tuple[int, int] | None:
    """The apposition after a bracket that follows a name in prose, when it opens with a role: "Prof. X
    (Y University), Chair of the Z Society, opened ..." -> "Chair of the Z Society"; ``None`` otherwise."""
    start = mention.name_span.end
    bracket = _BRACKET_AFTER_NAME.match(text[start:limit])
    if bracket is None:
        return None
    comma = re.match(r",\s*", text[start + bracket.end() : limit])
    if comma is None:
        return None
    opens = start + bracket.end() + comma.end()
    if not _starts_with_role(re.sub(r"[,;:]", " ", text[opens:limit])):
        return None
    return opens, _apposition_end(text, opens, limit)


_SERVING = frozenset({"serves", "works", "acts", "served", "worked", "serving", "working", "acting"})


def _continues_apposition(token: str, previous: str, before: str) -> bool:
    """Whether a lower-case word stays inside a name's apposition: a name or post particle ("of",
    "member"), an article opening it (", a former ..."), a panel role opening it (", chair of ..."),
    or a role word after an article or "former" (", a former ambassador", ", ex-ambassador of X",
    ", an associate professor at ...")."""
    if token in _APPOSITION_WORDS or token in _LOWER_ROLE_WORDS:
        return True
    opens = before.rstrip().endswith(",")
    if token in {"formerly", "previously"}:  # ", formerly a Legal Officer at X", "... and formerly a Y"
        return opens or previous in {"was", "and", "also"}
    if token in {"who", "until"}:  # ", who is ...", ", until recently ..."
        return opens or previous == "was"
    if token in {"is", "was"}:  # ", who is the Director of X", ", who was formerly ..."
        return previous == "who"
    # ", who serves as Director of X", ", serving as Y", ", who heads the Z Unit"
    if token in {"serves", "works", "acts", "served", "worked", "heads", "chairs", "directs"}:
        return previous == "who"
    if token in {"serving", "working", "acting", "speaking"}:  # ", speaking also as President of X"
        return opens
    if token == "as":
        return (
            previous in _SERVING or previous in {"capacity", "speaking"} or before.endswith("speaking also ")
        )
    if token in {"his", "her", "their"}:  # ", in her capacity as Head of Y"
        return previous == "in" and before.rstrip().endswith(", in")
    if token == "capacity":
        return previous in {"his", "her", "their"}
    if token == "also":  # ", who is also a former member of X", ", speaking also as Y"
        return previous in {"is", "was", "speaking"}
    if token == "recently":  # ", until recently Senior Adviser at X"
        return previous == "until"
    if token in {"now", "currently"}:  # "..., and now Professor at X"
        return previous == "and" or opens
    if token == "retired":  # ", a retired Ambassador of X"
        return previous in {"a", "an"}
    if token in {"a", "an"}:
        return opens or previous in {"formerly", "previously", "is", "also", "as"}
    if token.startswith("ex-"):  # ", ex-ambassador of X"
        token, previous = token[3:], "former"
    if opens and token.lower() in panel_roles():  # ", co-chair of the working group"
        return True
    roles = role_words()
    capitalised = token[:1].upper() + token[1:]
    is_role_word = capitalised in roles["head"] or capitalised in roles["modifier"]
    return is_role_word and (previous in {"a", "an", "former"} or _lower_role_word(previous))


def _lower_role_word(token: str) -> bool:
    roles = role_words()
    capitalised = token[:1].upper() + token[1:]
    return token[:1].islower() and (capitalised in roles["head"] or capitalised in roles["modifier"])


def posts_for_mention(
    text: str,
    mention: PersonMention,
    person: str,
    phrase: tuple[int, int],
    before: tuple[int, int] | None,
    plural: bool = False,
) -> list[PostDraft]:
    """Posts of one person from the phrase after the name, the titles and a caption's words before it;
    ``plural``: the phrase is shared with another name, so its plural role is read in the singular."""
    segments = _segments(text, *phrase, plural=plural)
    open_roles: list[_OpenRole] = []
    posts: list[PostDraft] = []
    # An academic title is the post only when the phrase names no role of its own:
    # "Professor Yasuhiro UEKI of Sophia University", not "Professor X, Professor Emeritus, ...".
    own_role_first = bool(segments) and _role_prefix(segments[0].text.split()) > 0
    for title in mention.titles:
        if title.kind in ("post", "military") or (
            title.kind == "academic" and title.canonical != "Dr." and segments and not own_role_first
        ):
            open_roles.append(_OpenRole(title.canonical, mention.span.start, False))
    if before is not None:
        open_roles = _segments_to_posts(_segments(text, *before), [], posts, person) + open_roles
    if mention.country and any(title.kind == "post" for title in mention.titles):
        mission = national_organization(OrganizationType.PERMANENT_MISSION, mention.country)
        for role in open_roles:
            if mission is not None:
                role.organizations.append((mention.span.start, mission))
    remaining = _segments_to_posts(segments, open_roles, posts, person)
    for role in remaining:
        if (
            role.role in {"Professor", "Associate Professor", "Assistant Professor", "Dr."}
            and not role.organizations
        ):
            continue  # an academic title alone is not a post
        posts.append(_close(role, person, phrase[1]))
    return _diplomats_at_mission(_titles_kept_from_former_posts(posts, mention))


# Titles a former holder keeps, by the head of the post they come from: "Justice X, a former judge of Y"
_TITLE_OF_POST = {"justice": "judge"}


def _titles_kept_from_former_posts(posts: list[PostDraft], mention: PersonMention) -> list[PostDraft]:
    """ "Judge X, a former judge of the Y Court", "Ambassador X, a former Ambassador of Y to Z": a title
    before the name that the apposition gives as a former post is kept from that post, not held now."""
    former_heads = {role_head(post.role) for post in posts if post.former}
    titles = {title.canonical for title in mention.titles if title.kind in ("post", "military")}

    def kept_title(post: PostDraft) -> bool:
        head = role_head(post.role)
        return (
            post.role in titles
            and not post.former
            and post.organization is None
            and _TITLE_OF_POST.get(head, head) in former_heads
        )

    return [post for post in posts if not kept_title(post)]


def _diplomats_at_mission(posts: list[PostDraft]) -> list[PostDraft]:
    """ "Ambassador X, Deputy Permanent Representative of Japan to ...": a diplomatic title with no
    organization of its own is held at the mission the person's other diplomatic post names."""
    mission = next(
        (
            p.organization
            for p in posts
            if p.organization is not None and p.organization.type is OrganizationType.PERMANENT_MISSION
        ),
        None,
    )
    if mission is None:
        return posts
    return [
        replace(p, organization=mission) if p.organization is None and _diplomatic(p.role) else p
        for p in posts
    ]


# ", who serves as Director of X", ", serving as Deputy Head of Y", ", who served as Z" (then former)
# ", in her capacity as Head of Y", ", speaking also as President of Z"
_SERVES_AS = re.compile(
    r"^\s*(?:who\s+(?:(serves|works|acts)|(served|worked))|serving|working|acting|speaking(?:\s+also)?"
    r"|in\s+(?:his|her|their)\s+capacity)\s+as\s+(?:the\s+|an?\s+)?"
)
# ", who heads the X Division": the verb of a post names it ("Head of the X Division")
_HEADS = re.compile(r"^\s*who\s+(heads|chairs|directs)\s+(?=the\s+[A-Z])")
_POST_OF_VERB = {"heads": "Head of ", "chairs": "Chair of ", "directs": "Director of "}


def _as_role_phrase(piece: str) -> str:
    """A relative clause or participle giving a post, as the post phrase it states: ", who serves as a
    Legal Officer in X" -> "Legal Officer in X", ", who served as Y" -> "former Y", ", who heads the Z
    Unit" -> "Head of the Z Unit" (same length or shorter, so offsets after it stay usable)."""
    serves = _SERVES_AS.match(piece)
    if serves:
        return ("former " if serves.group(2) else "") + piece[serves.end() :]
    heads = _HEADS.match(piece)
    if heads:
        return _POST_OF_VERB[heads.group(1)] + piece[heads.end() :]
    return piece


def _segments(text: str, start: int, end: int, plural: bool = False) -> list[_Segment]:
    """Comma-separated parts of a phrase, split again where a second role is joined by "and"."""
    segments: list[_Segment] = []
    for group, (raw, offset) in enumerate(_comma_parts(text, start, end)):
        for piece, piece_offset in _split_roles(raw, offset):
            # ", who is the Director of X", ", who was formerly Chief of Y" (then a former post)
            relative = re.match(
                r"\s*who\s+(?:is|was(?=\s+(?:also\s+)?(?:formerly|previously|an?\s+former)\b))\s+(?:also\s+)?"
                r"(?:the\s+|an?\s+)?",
                piece,
            )
            if relative:
                piece, piece_offset = piece[relative.end() :], piece_offset + relative.end()
            piece = _as_role_phrase(piece)
            cleaned = re.sub(r"^\s*(?:and|as well as|of|the|a|an|now|currently)\s+", "", piece).strip(
                " \n\t-–"
            )
            cleaned = re.sub(r"(?:\s+(?:and|of|the|for|to|at|in|on|with))+$", "", cleaned)
            if not cleaned or _DEGREE.match(cleaned):
                continue
            former = bool(_FORMER.match(cleaned))
            cleaned = _FORMER.sub("", cleaned).strip()
            cleaned = _BOARD_MEMBER.sub("Board Member", cleaned)
            cleaned = singular_role(cleaned) if plural and group == 0 else cleaned
            position = piece_offset + max(0, piece.find(cleaned[:3]))
            segments.append(_Segment(" ".join(cleaned.split()), position, former, group))
    return segments


# A role's qualifier cut by the comma of a series: "Officer in the Policy, Evaluation and Training Division"
_SERIES_START = re.compile(r"\b(?:in|of|for)\s+the\s+((?:[A-Z][\w-]*\s*){1,3})$")
_SERIES_ITEM = re.compile(r"\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s*")
_SERIES_LAST = re.compile(r"\s*(?:[A-Z][\w-]*\s+)+and\s+[A-Z]")


# A minister's portfolio cut by the comma of a series: "Vice Minister of Family, Labour and Social Welfare"
_PORTFOLIO_START = re.compile(r"\bMinister\s+(?:of|for)\s+((?:[A-Z][\w-]*\s*){1,3})$")


def _comma_parts(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """(part, offset) of a phrase cut at commas, semicolons and colons, keeping a series of names
    that ends one unit's name whole: "Officer in the Policy, Evaluation and Training Division of X",
    "Minister of Fisheries, Forestry and Water of Y"."""
    found = re.finditer(r"[^,;:]+", text[start:end])
    parts = [(m.group(), start + m.start(), start + m.end()) for m in found]
    merged: list[tuple[str, int]] = []
    index = 0
    while index < len(parts):
        raw, first, last = parts[index]
        portfolio = _PORTFOLIO_START.search(raw)
        if portfolio and country_word(portfolio.group(1).strip()) is None:
            following = index + 1
            while following < len(parts) and _SERIES_ITEM.fullmatch(parts[following][0]):
                following += 1
            if (
                following < len(parts)
                and _SERIES_LAST.match(parts[following][0])
                and text[parts[following - 1][2] : parts[following][1]].strip() == ","
            ):
                merged.append((text[first : parts[following][2]], first))
                index = following + 1
                continue
        series = _SERIES_START.search(raw)
        if series and _organization(series.group(1)) is None:
            following = index + 1
            while following < len(parts) and _SERIES_ITEM.fullmatch(parts[following][0]):
                following += 1  # "Policy, Planning, Evaluation and Training Division"
            if (
                following < len(parts)
                and _SERIES_LAST.match(parts[following][0])
                and text[parts[following - 1][2] : parts[following][1]].strip() == ","
                and _organization(re.split(r"\s+of\s+", parts[following][0])[0]) is not None
            ):
                last = parts[following][2]
                index = following
        merged.append((text[first:last], first))
        index += 1
    return merged


def _split_roles(raw: str, offset: int) -> list[tuple[str, int]]:
    """ "Professor and Director" -> two roles; "Science and Law" stays one name."""
    pieces: list[tuple[str, int]] = []
    position = 0
    for join in _ROLE_JOIN.finditer(raw):
        right = raw[join.end() :]
        left = raw[position : join.start()].split()
        now = re.sub(r"^(?:now|currently)\s+", "", right)  # "former X of Y and now Professor at Z"
        # "Professor of International Law and Director of X": a role with its field, then a second role
        after_role = _ends_with_role(left) or now != right or _role_prefix(left) > 0
        if _FORMER.match(right) or (_starts_with_role(now) and after_role):
            pieces.append((raw[position : join.start()], offset + position))
            position = join.end()
    pieces.append((raw[position:], offset + position))
    return pieces


def singular_role(phrase: str) -> str:
    """A plural role shared by several names in the singular each holds: "Research Associates, X" ->
    "Research Associate, X" (only when the plural word's singular is a role head and the phrase is
    no role as written)."""
    words = phrase.split(" ")
    if _role_prefix(words) or not words:
        return phrase
    for index, word in enumerate(words[:4]):
        bare = word.rstrip(",")
        if bare.endswith("s") and bare[:-1] in role_words()["head"]:
            singular = [*words[:index], bare[:-1] + word[len(bare) :], *words[index + 1 :]]
            if _role_prefix(singular):
                return " ".join(singular)
    return phrase


def plural_role_after(text: str, position: int, end: int) -> bool:
    """Whether the apposition from ``position`` opens with a plural role ("Research Associates")."""
    opening = re.match(r"\s*,\s*([^,;.]+)", text[position:end])
    if opening is None:
        return False
    phrase = opening.group(1).strip()
    return singular_role(phrase) != phrase


def _starts_with_role(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    roles = role_words()
    first = words[0]
    return first in roles["head"] or (
        first in roles["modifier"] and any(w in roles["head"] for w in words[:4])
    )


def _ends_with_role(words: list[str]) -> bool:
    """ "Professor" or "Vice President" before "and Director": a role, so the "and" joins two roles
    ("Peace and Development Adviser" is one role)."""
    return bool(words) and words[-1] in role_words()["head"]


def _role_prefix(words: list[str]) -> int:
    """How many leading words form a role: modifiers then heads, ending on a head ("Research Fellow"),
    with up to three words naming a field before a head ("Senior Human Rights Officer", "Chief
    Technical Adviser", "Peace and Development Adviser")."""
    roles = role_words()
    last_head = 0
    index = 0
    while index < len(words):
        bare = words[index].rstrip(",")
        if bare in roles["head"] or bare.capitalize() in roles["head"]:
            last_head = index + 1
        elif not (bare in roles["modifier"] or bare.capitalize() in roles["modifier"]):
            field = _field_words(words, index)
            if not field:
                break
            index += field
            continue
        index += 1
    return last_head


def _field_words(words: list[str], index: int) -> int:
    """How many words from ``index`` name a field right before a role's head ("Human Rights" in "Human
    Rights Officer", "Economic Affairs" in "Associate Economic Affairs Officer"): capitalised, no acronym,
    no organization, place or country word unless a role modifier; 0 when none."""
    roles = role_words()
    for count in (1, 2, 3):
        field = words[index : index + count]
        if len(field) < count or index + count >= len(words) or any(w.endswith(",") for w in field):
            return 0  # the segment or the role ends first
        if words[index + count].rstrip(",") not in roles["head"]:
            continue
        plain = [word for word in field if word not in {"and", "&"} and word not in roles["modifier"]]
        if (
            field[0][:1].isupper()
            and all(word[:1].isupper() and not word.isupper() and word.isalpha() for word in plain)
            and not any(non_name_words().get(word) in ("org", "place") for word in plain)
            and not any(country_word(word) is not None for word in plain)
        ):
            return count
        return 0
    return 0


def is_post_phrase(phrase: str) -> bool:
    """Whether a phrase is a post and nothing else: "Programme Officer", "Senior Adviser"."""
    words = phrase.split()
    return bool(words) and _role_prefix(words) == len(words)


def _segments_to_posts(
    segments: Sequence[_Segment], open_roles: list[_OpenRole], posts: list[PostDraft], person: str
) -> list[_OpenRole]:
    """Walk segments: roles open, organizations attach to open roles; returns roles still open."""
    for segment in segments:
        words = segment.text.split()
        prefix = _role_prefix(words)
        if prefix:
            open_roles = _close_with_organizations(open_roles, posts, person, segment.start)
            opened = _role_from_segment(segment, words, prefix)
            for role in open_roles:  # "Vice President and President-elect of ACUNS": both of ACUNS
                if role.group == segment.group and not role.organizations:
                    role.organizations.extend(opened.organizations)
            open_roles.append(opened)
            continue
        qualified = _described_role(words)
        if qualified is not None:
            open_roles = _close_with_organizations(open_roles, posts, person, segment.start)
            described, at = qualified
            opened = _OpenRole(described, segment.start, segment.former, group=segment.group)
            opened.organizations.append((segment.start, at))
            open_roles.append(opened)
            continue
        trailing = _trailing_role(words)
        if trailing:
            organization = _organization(" ".join(words[: len(words) - trailing]))
            if organization is not None:
                for role in open_roles:
                    role.organizations.append((segment.start, organization))
            first_role = not open_roles and not posts
            open_roles = _close_with_organizations(open_roles, posts, person, segment.start)
            role_text = " ".join(words[len(words) - trailing :])
            open_roles.append(_OpenRole(role_text, segment.start, segment.former))
            # "United Nations Resident Coordinator in X" (the phrase's first role): the organization
            # written before the role is its own
            if organization is not None and (segment.former or first_role):
                open_roles[-1].organizations.append((segment.start, organization))
            continue
        organization = _organization(segment.text)
        for role in open_roles:
            found = organization or _national_body(role.role, segment.text, diplomats_only=True)
            if found is not None:
                role.organizations.append((segment.start, found))
    return open_roles


def _described_role(words: list[str]) -> tuple[str, Organization] | None:
    """A role whose head follows words the role table does not know, then names its organization:
    "Second Secretary at the Embassy of X", "Climate and Security Adviser of the United Nations ...",
    "Human Rights Officer in the Rule of Law Section of OHCHR".

    The words before the head must be capitalised (or "and"/"&") and none an organization or place word,
    and the phrase after "of"/"at"/"for"/"in" must be an organization.
    """
    roles = role_words()
    for index, word in enumerate(words):
        if word not in roles["head"]:
            continue
        described = words[:index]
        if not described or not _descriptive(described):
            return None
        qualifier = words[index + 1 : index + 2]
        if qualifier not in (["of"], ["at"], ["for"], ["in"]):
            return None
        rest = words[index + 2 :]
        if rest[:1] == ["the"]:
            rest = rest[1:]
        organization = _organization(" ".join(rest)) if rest else None
        if organization is None:
            return None
        return " ".join(words[: index + 1]), organization
    return None


def _descriptive(words: list[str]) -> bool:
    """Capitalised words (joined by "and") that are not an organization's or a place's name."""
    return (
        words[0][0].isupper()
        and all(word[0].isupper() or word in {"and", "&"} for word in words)
        and not any(non_name_words().get(word) in ("org", "place") for word in words)
        and not any(country_word(word) is not None for word in words)
    )


def _trailing_role(words: list[str]) -> int:
    """Words at the end of an organization-first segment that form a role: "... Law Director" -> 1,
    "United Nations Expert on Mission" -> 3."""
    roles = role_words()
    for index, word in enumerate(words):
        if index > 0 and word in roles["head"] and words[index - 1] not in _APPOSITION_WORDS:
            start = index
            while start > 1 and words[start - 1] in roles["modifier"]:
                start -= 1
            return len(words) - start
    return 0


def _role_from_segment(segment: _Segment, words: list[str], prefix: int) -> _OpenRole:
    """A role segment, with the organization its "of"/"for"/"to" phrase names ("Chief of UPR Branch")."""
    # "ambassador" -> "Ambassador" ("Peace and Development Adviser" keeps its "and")
    role = " ".join(word if word in {"and", "&"} else word[:1].upper() + word[1:] for word in words[:prefix])
    rest = " ".join(words[prefix:])
    opened = _OpenRole(role, segment.start, segment.former, group=segment.group)
    qualifier = _ROLE_QUALIFIER.match(" " + rest) if rest else None
    subject = re.match(r"on\s", rest)
    if subject:  # "Senior Specialist on Social Dialogue": a subject, no organization (but "... at UNICEF")
        where = re.search(r"\s+(?:at|in|with)\s+(?:the\s+)?(?=[A-Z])", rest)
        organization = _organization(rest[where.end() :]) if where else None
        if organization is not None:
            opened.organizations.append((segment.start, organization))
        return opened
    if rest and qualifier is None:
        organization = _organization(rest)  # "Research Fellow Research Department of ..."
        if organization is not None:
            opened.organizations.append((segment.start, organization))
        return opened
    if qualifier is not None:
        named = (" " + rest)[qualifier.end() :]
        if _role_prefix(named.split()):  # "Senior Adviser to the Under-Secretary-General for X": a person
            opened.role = f"{role} {rest}"
            return opened
        if role.split()[-1] in {"Professor", "Lecturer"} and not find_organizations(named):
            opened.role = f"{role} {rest}"  # "Professor of International Law": a field, no organization
            return opened
        organization = _accredited_mission(role, named)
        if organization is None and qualifier.group(1) in ("of", "for"):
            organization = _ministry(role, named)
        organization = organization or _organization(named)
        if organization is None and qualifier.group(1) not in ("in", "with"):
            organization = _national_body(role, named)
        if organization is not None:
            opened.organizations.append((segment.start, organization))
            return opened
        opened.role = f"{role} {rest}"  # "Director of Human Resources", "Moderator of the session"
        # "Programme Analyst for Energy at UNDP Mongolia": a field, then where the role is held
        where = re.search(r"\s+(?:at|in|with)\s+(?:the\s+)?(?=[A-Z])", rest)
        organization = _organization(rest[where.end() :]) if where else None
        if where is not None and organization is not None:
            opened.role = f"{role} {rest[: where.start()]}"
            opened.organizations.append((segment.start, organization))
    return opened


# "of Mongolia to the United Nations Office at Geneva": the country a diplomat represents, then where
_ACCREDITED = re.compile(r"^(?:the\s+)?(.+?)\s+to\s+(?:the\s+)?\S")


def _accredited_mission(role: str, named: str) -> Organization | None:
    """ "Permanent Representative of Japan to the United Nations": a diplomat accredited to a body
    works at the country's permanent mission, not at the body."""
    accredited = _ACCREDITED.match(named.strip())
    if accredited is None or not _diplomatic(role):
        return None
    alpha3 = country_word(accredited.group(1).strip())
    return national_organization(OrganizationType.PERMANENT_MISSION, alpha3) if alpha3 else None


def _diplomatic(role: str) -> bool:
    return any(word in role for word in ("Ambassador", "Representative", "Counsellor", "Envoy"))


def _national_body(role: str, place: str, diplomats_only: bool = False) -> Organization | None:
    """ "Deputy Permanent Representative of Japan": a diplomat's post is at the country's mission;
    "Minister of Japan": another national post is in its government."""
    alpha3 = country_word(place.strip())
    if alpha3 is None:
        return None
    diplomatic = _diplomatic(role)
    if diplomats_only and not diplomatic:
        return None
    kind = OrganizationType.PERMANENT_MISSION if diplomatic else OrganizationType.GOVERNMENT
    return national_organization(kind, alpha3)


def _ministry(role: str, portfolio: str) -> Organization | None:
    """ "Vice Minister of Family, Labour and Social Welfare of X": a minister of a portfolio works at the
    ministry of that portfolio (of the country named after it)."""
    if role.split()[-1] != "Minister":
        return None
    words = portfolio.strip().split()
    country = re.search(r"\s+of\s+(?:the\s+)?([^,]+)$", portfolio)
    alpha3 = country_word(country.group(1).strip()) if country else None
    if alpha3 is not None and country is not None:
        words = portfolio[: country.start()].strip().split()
    if not words or not _descriptive([word.rstrip(",") for word in words]):
        return None
    name = "Ministry of " + " ".join(words)
    return Organization(key=slugify(name), name=name, type=OrganizationType.GOVERNMENT, country=alpha3)


def _names_organization(text: str) -> bool:
    """Whether a phrase is an organization's name rather than a field ("Human Resources")."""
    words = text.split()
    org_words = {word for word, kind in non_name_words().items() if kind == "org"}
    return (
        any(word in org_words for word in words)
        or any(w.isupper() and len(w) >= 2 for w in words)
        or country_word(text.strip()) is not None
    )


def _close_with_organizations(
    open_roles: list[_OpenRole], posts: list[PostDraft], person: str, position: int
) -> list[_OpenRole]:
    """Roles that already have an organization become posts; the others stay open."""
    still_open = []
    for role in open_roles:
        if role.organizations:
            posts.append(_close(role, person, position))
        else:
            still_open.append(role)
    return still_open


def _close(role: _OpenRole, person: str, end: int) -> PostDraft:
    organization = _best_organization(role.organizations)
    return PostDraft(
        person=person,
        role=role.role,
        organization=organization,
        span=Span(role.start, max(end, role.start)),
        former=role.former,
    )


def _best_organization(found: Sequence[tuple[int, Organization]]) -> Organization | None:
    """The organization a role is at: a listed one first, then the first named."""
    if not found:
        return None
    ranked = sorted(found, key=lambda item: (0 if item[1].type is not OrganizationType.OTHER else 1, item[0]))
    return ranked[0][1]


def _organization(name: str) -> Organization | None:
    """The organization a segment names: the longest organization the organization module finds in it."""
    name = name.strip(" ,.")
    if not name or country_word(name) is not None or non_name_words().get(name) == "place":
        return None
    mentions = find_organizations(name)
    if not mentions:
        return _unlisted_organization(name)
    first = mentions[0]
    if first.span.start == 0 and re.match(r"\s+to\s", name[first.span.end :]):
        return first.organization  # "Permanent Mission of X to the United Nations Office at Geneva"
    longest = max(mentions, key=lambda m: (m.span.end - m.span.start, -m.span.start))
    # "UNDP Mongolia", "UNICEF Viet Nam", "UNFPA in Peru": the body's office in a country
    after = re.sub(r"^in\s+(?:the\s+)?", "", name[longest.span.end :].strip())
    if longest.span.start == 0 and country_word(after) is not None:
        return longest.organization
    covers = (longest.span.end - longest.span.start) / len(name)
    # "... Division of the Department of Peace Operations (DPO)": an acronym in brackets ends the name
    ends = longest.span.end >= len(name.rstrip(" )")) or bool(
        re.fullmatch(r"\s*\([^()]*\)\s*", name[longest.span.end :])
    )
    if covers < 0.5 and not ends:
        # "UN Studies", "Presentation about UN Competencies": words around an acronym, not the body
        return _unlisted_organization(name)
    return longest.organization


def _unlisted_organization(name: str) -> Organization | None:
    """A unit the organization tables do not know, named with an organization word or as an acronym:
    "Accessions Division", "UPR Branch", "SPM"."""
    org_words = {word for word, kind in non_name_words().items() if kind == "org"}
    words = name.split()
    acronym = len(words) == 1 and name.isupper() and 2 <= len(name) <= 8
    if not acronym and not (words[-1] in org_words or any(word in org_words for word in words[:3])):
        return None
    if not all(word[0].isupper() or word in _APPOSITION_WORDS for word in words):
        return None
    return Organization(key=slugify(name), name=name, acronym=name if acronym else None)


def find_posts(
    text: str,
    units: Sequence[Unit],
    keyed: Sequence[tuple[PersonMention, str]],
    hosts: Mapping[int, Organization] | None = None,
) -> list[PostDraft]:
    """Posts of every named person in every block, one per person and role (the best attested).

    A student is no office (the gold choice: "a student from X" is no post). ``hosts`` (session number
    -> the organization it visits) gives a staff post stated without organization in a session's prose
    the organization hosting it ("At X, where Mr. Y, Senior Adviser, Immunization, ...").
    """
    posts: list[PostDraft] = []
    first_seen: dict[str, int] = {}  # where each person is first named
    for mention, key in keyed:
        first_seen[key] = min(first_seen.get(key, mention.span.start), mention.span.start)
    for unit in units:
        inside = [(m, k) for m, k in keyed if unit.span.start <= m.span.start < unit.span.end]
        in_prose = unit.kind in PROSE_KINDS
        found: list[PostDraft] = []
        for index, (mention, key) in enumerate(inside):
            limit = inside[index + 1][0].span.start if index + 1 < len(inside) else unit.span.end
            phrase = phrase_after(text, mention, limit, in_prose)
            introduced = first_seen.get(key, mention.span.start) >= mention.span.start
            if in_prose and phrase[0] == phrase[1] and index + 1 < len(inside) and introduced:
                phrase = _shared_of_phrase(text, mention, inside, index, unit.span.end) or phrase
            shared = _shared_plural_phrase(text, mention, inside, index, unit.span.end, in_prose)
            plural = shared is not None or (index > 0 and _joined_before_plural(text, inside, index, limit))
            phrase = shared or phrase
            if in_prose:
                before = role_before_name(text, unit.span.start, mention.span.start)
            else:
                before = (_line_or_cell_start(text, unit.span.start, mention.span.start), mention.span.start)
                before = before if index == 0 else None
            found.extend(posts_for_mention(text, mention, key, phrase, before, plural))
            after_bracket = phrase_after_bracket(text, mention, limit) if in_prose else None
            if after_bracket is not None:
                found.extend(posts_for_mention(text, mention, key, after_bracket, None))
        if not in_prose and inside:
            found = _share_caption_affiliation(text, found, inside[-1][0], unit.span.end)
        found.extend(panel_role_posts(text, unit, inside))
        posts.extend(found)
    named = [m.organization for m in find_organizations(text)]
    posts = [_organization_from_qualifier(post, named) for post in posts if not _is_study(post.role)]
    posts = deduplicate_posts(_posts_at_hosts(posts, units, hosts or {}))
    return [post for post in posts if not _subject_of_a_reporting_verb(text, post.span)]


def _subject_of_a_reporting_verb(text: str, span: Span) -> bool:
    """Whether a post was read from "X, the Director said ...": there the title is the subject of the
    reporting verb ("Responding to Mr. X, the Ambassador explained"), not an apposition giving X the post."""
    before = text[max(0, span.start - 6) : span.start].lower()
    end = span.start + len(text[span.start : span.end].rstrip())
    return before.endswith(", the ") and reporting_verb_follows(text, end)


def _shared_of_phrase(
    text: str, mention: PersonMention, inside: Sequence[tuple[PersonMention, str]], index: int, end: int
) -> tuple[int, int] | None:
    """ "Professor X and Professor Y of Z University": two full names joined by "and" share the "of"
    phrase after the second, when both carry the same academic or post title (not "Professor X and
    Dr. Y of Z", nor a short "Professor X"). Only where the first is introduced (named for the first
    time): a person named before may be from elsewhere."""
    following = inside[index + 1][0]
    if not re.fullmatch(r"\s+and\s+", text[mention.name_span.end : following.span.start]):
        return None
    titles = [{t.canonical for t in m.titles if t.kind in ("academic", "post")} for m in (mention, following)]
    if (
        not titles[0]
        or titles[0] != titles[1]
        or not (mention.has_full_name and following.has_full_name)
        or not re.match(r"\s+of\s", text[following.name_span.end : end])
    ):
        return None
    limit = inside[index + 2][0].span.start if index + 2 < len(inside) else end
    phrase = phrase_after(text, following, limit, True)
    return phrase if phrase[0] < phrase[1] else None


def _shared_plural_phrase(
    text: str,
    mention: PersonMention,
    inside: Sequence[tuple[PersonMention, str]],
    index: int,
    end: int,
    in_prose: bool,
) -> tuple[int, int] | None:
    """ "X and Y, Research Associates, Z Institute": two names joined by "and" before a plural role
    share the apposition after the second (each holds the role in the singular)."""
    if index + 1 >= len(inside) or _same_person_twice(inside, index):
        return None
    following = inside[index + 1][0]
    if not re.fullmatch(r"\s+and\s+", text[mention.name_span.end : following.span.start]):
        return None
    limit = inside[index + 2][0].span.start if index + 2 < len(inside) else end
    if not plural_role_after(text, following.name_span.end, limit):
        return None
    phrase = phrase_after(text, following, limit, in_prose)
    return phrase if phrase[0] < phrase[1] else None


def _same_person_twice(inside: Sequence[tuple[PersonMention, str]], index: int) -> bool:
    """Whether the two names at ``index`` and after are one person named twice."""
    return inside[index][1] == inside[index + 1][1]


def _joined_before_plural(
    text: str, inside: Sequence[tuple[PersonMention, str]], index: int, limit: int
) -> bool:
    """ "X and Y, Research Associates": the second name, joined by "and", before a plural role."""
    previous = inside[index - 1][0]
    mention = inside[index][0]
    return bool(re.fullmatch(r"\s+and\s+", text[previous.name_span.end : mention.span.start])) and (
        plural_role_after(text, mention.name_span.end, limit)
    )


def _line_or_cell_start(text: str, block_start: int, name_start: int) -> int:
    """Where the words before a block's first name start: after the last line break or table cell
    border before it, so a programme table's header ("| Time | Item | Speaker |") is no role."""
    cut = max(text.rfind("\n", block_start, name_start), text.rfind("|", block_start, name_start))
    return block_start if cut < 0 else cut + 1


def _is_study(role: str) -> bool:
    """ "Student", "Doctoral Student", "Master's Student": studying, not an office."""
    return role.split()[-1].lower() in {"student", "students"}


def _posts_at_hosts(
    posts: Sequence[PostDraft], units: Sequence[Unit], hosts: Mapping[int, Organization]
) -> list[PostDraft]:
    """A staff post without organization, of a person with no post at any organization, stated in the
    prose of a session that visits an international body: the post is at that body. Not a panel role
    or an academic title (guests hold those), nor at a country's mission or government (that would
    give the person a nationality)."""
    placed = {post.person for post in posts if post.organization is not None}
    national = (
        OrganizationType.PERMANENT_MISSION,
        OrganizationType.GOVERNMENT,
        OrganizationType.ARMED_FORCES,
    )
    result = []
    for post in posts:
        unit = next((u for u in units if u.span.start <= post.span.start < u.span.end), None)
        host = hosts.get(unit.session) if unit is not None and unit.session is not None else None
        if (
            host is not None
            and post.organization is None
            and post.person not in placed
            and unit is not None
            and unit.kind in PROSE_KINDS
            and host.type not in national
            and post.role.lower() not in panel_roles()
            and role_head(post.role) not in _ACADEMIC_HEADS
            and not post.former
        ):
            post = replace(post, organization=host)
        result.append(post)
    return result


def _share_caption_affiliation(
    text: str, posts: list[PostDraft], last: PersonMention, end: int
) -> list[PostDraft]:
    """ "Ms. X, Programme Officer, Y and Z of the Political Affairs Section, UNOG": a caption's closing
    "of" phrase is the affiliation of every role in it that names none."""
    closing = re.match(r"\s+of\s+(?:the\s+)?([^,]+)", text[last.name_span.end : end])
    organization = _organization(closing.group(1)) if closing else None
    if organization is None:
        return posts
    return [replace(p, organization=organization) if p.organization is None else p for p in posts]


# "Under-Secretary-General for Operational Support" heads the "Department of Operational Support"
_QUALIFIED_ROLE = re.compile(r"\s(?:for|of)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*)+)$")


def _organization_from_qualifier(post: PostDraft, named: Sequence[Organization]) -> PostDraft:
    """A post without organization whose qualifier ends the name of an organization the report names."""
    qualifier = _QUALIFIED_ROLE.search(post.role) if post.organization is None else None
    if qualifier is None:
        return post
    ending = qualifier.group(1).lower()
    for organization in named:
        if organization.name.lower().endswith(" " + ending):
            return replace(post, organization=organization)
    return post


# "the Director of the Peacebuilding Platform, Dr. Achim Wennmann": a post named just before the name
# (also "The former Director of the X Office of Y, Mr. Z": a sentence's first word, "former", qualifiers)
_ROLE_BEFORE_NAME = re.compile(
    r"\b[Tt]he\s+((?:former\s+)?(?:[A-Z][\w-]*\s+)*?[A-Z][\w-]*"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)*),\s*$"
)

# "on behalf of", "in the absence of", "in place of": the role after it is not the next name's
_FOR_ANOTHER = re.compile(r"\b(?:behalf|absence|place)\s+of\s+$", re.IGNORECASE)

# "UNCTAD's Director of Technology, Dr. X": an organization's post before the name
_ORGANIZATION_ROLE_BEFORE_NAME = re.compile(
    r"\b((?:[A-Z][\w&-]*\s+){0,6}?[A-Z][\w&-]*)'s\s+((?:[A-Z][\w-]*\s+)*?[A-Z][\w-]*"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)*),\s*$"
)


def role_before_name(text: str, block_start: int, name_start: int) -> tuple[int, int] | None:
    """The span of a post phrase written just before a name in prose, if there is one: "the Director
    of X, Dr. Y", or an organization's post "X's Director of Technology, Dr. Y" (organization first)."""
    window_start = max(block_start, name_start - 160)
    match = _ROLE_BEFORE_NAME.search(text, window_start, name_start)
    # "On behalf of the Ambassador, Mr. X": the role is someone else's, X speaks for its holder
    for_another = match is not None and _FOR_ANOTHER.search(text, window_start, match.start())
    if match is not None and not for_another and _role_prefix(match.group(1).split()):
        return match.start(1), match.end(1)
    owned = _ORGANIZATION_ROLE_BEFORE_NAME.search(text, window_start, name_start)
    if owned is not None and _role_prefix(owned.group(2).split()) and _organization(owned.group(1)):
        return owned.start(1), owned.end(2)
    return None


# ----- parts in a meeting's programme: chair, discussant, rapporteur ... ---------------------------


@cache
def panel_roles() -> dict[str, str]:
    """Panel roles by their lower-case form: {"chair": "Chair", "discussant": "Discussant", ...}."""
    return {word.lower(): word for word in sorted(role_words().get("panel", frozenset()), reverse=True)}


def _panel_pattern() -> str:
    return "(" + "|".join(re.escape(word) for word in sorted(panel_roles(), key=len, reverse=True)) + ")"


@cache
def _participles() -> dict[str, str]:
    """ "chaired" -> "Chair", "moderated" -> "Moderator", "convened" -> "Convener": the verb a role's
    holder does, for roles ending in -chair, -or or -er."""
    verbs = {}
    for lower, role in panel_roles().items():
        if lower.endswith("chair"):
            verbs[lower + "ed"] = role
        elif lower.endswith(("or", "er")):
            verbs[lower[:-2] + "ed"] = role
    return verbs


# Between two names of one list: " and ", ", ", ", and "
_JOINED_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


@dataclass(frozen=True)
class _PanelPatterns:
    by_verb: re.Pattern[str]  # "chaired by " before a name
    as_role: re.Pattern[str]  # "As discussant, " before a name
    the_role: re.Pattern[str]  # "the panel rapporteur, " before a name
    verb_after: re.Pattern[str]  # " chaired the ..." after a name
    label: re.Pattern[str]  # "Rapporteur:" starting a block
    qualified_label: re.Pattern[str]  # "Series moderator:" starting a block (a capitalised word, the role)
    served_as: re.Pattern[str]  # ", who served as panel rapporteur", ", who, in his capacity as convener"
    label_before: re.Pattern[str]  # "Rapporteur: " right before a name, inside a block


@cache
def _panel_patterns() -> _PanelPatterns:
    roles = _panel_pattern()
    verbs = "(" + "|".join(sorted(_participles(), key=len, reverse=True)) + ")" if _participles() else "(?!)"
    return _PanelPatterns(
        by_verb=re.compile(rf"\b{verbs}\s+by\s+$", re.IGNORECASE),
        as_role=re.compile(rf"\b[Aa]s\s+(?:the\s+)?{roles}s?\s*,\s*$", re.IGNORECASE),
        # a lower-case word between: "the panel rapporteur, X" (not "the Special Rapporteur, X")
        # "Our convener, X" as well
        the_role=re.compile(
            rf"\b(?-i:[Tt]he|[Oo]ur)\s+(?:((?-i:[a-z]+))\s+)?{roles}s?\s*,\s*$", re.IGNORECASE
        ),
        verb_after=re.compile(rf"\s+{verbs}\s+(?:the|this|that)\b", re.IGNORECASE),
        label=re.compile(rf"\s*{roles}(s?)\s*:", re.IGNORECASE),
        # the role in lower case: "Series moderator:", "Panel chair:" (not "Special Rapporteur:")
        qualified_label=re.compile(rf"\s*[A-Z][a-z]+\s+{roles}(s?)\s*:"),
        served_as=re.compile(
            rf"[^.;!?]*?,\s*(?:who\s+(?:served|serves|acted|acts)|(?:who,\s*)?in\s+(?:his|her|their)\s+capacity)"
            rf"\s+as\s+(?:the\s+)?(?:(?-i:[a-z]+)\s+)?{roles}\b",
            re.IGNORECASE,
        ),
        label_before=re.compile(rf"(?<![\w-]){roles}s?\s*:\s*$", re.IGNORECASE),
    )


def panel_role_posts(text: str, unit: Unit, inside: Sequence[tuple[PersonMention, str]]) -> list[PostDraft]:
    """Panel roles stated around a name in any block (organization ``None``, but for a label's role,
    which takes an apposition that is only an organization: "Rapporteur: X, Y Office"):

    * "The session was chaired by Dr. X", "moderated by X"; "Dr. X chaired the panel";
    * "As discussant, Professor X ...", "the panel rapporteur, X", "the former chair, X";
    * "Dr. X (Chair)", "X (University of Y, convener)";
    * a label starting the block: "Rapporteur: X" (the first name), "Discussants: X and Y" (every name),
      or inside it, capitalised, right before a name ("... Law\nRapporteur: X");
    * a name joined by "and" to one of the forms before a name: "co-chaired by X and Y".
    """
    patterns = _panel_patterns()
    labelled = patterns.label.match(text, unit.span.start, unit.span.end) or patterns.qualified_label.match(
        text, unit.span.start, unit.span.end
    )
    posts: list[PostDraft] = []
    shared: list[tuple[str, int, bool]] = []  # roles written before the previous name
    for index, (mention, key) in enumerate(inside):
        before = _panel_roles_before(text, unit, mention)
        if (
            not before
            and index
            and _JOINED_NAMES.fullmatch(text, inside[index - 1][0].span.end, mention.span.start)
        ):
            before = shared  # "co-chaired by Dr. X and Dr. Y", "As discussants, X and Y"
        shared = before
        limit = inside[index + 1][0].span.start if index + 1 < len(inside) else unit.span.end
        found = before + _panel_roles_after(text, unit, mention, limit)
        if labelled and (index == 0 or labelled.group(2)):
            found.append((panel_roles()[labelled.group(1).lower()], labelled.start(1), False))
        for role, start, former in found:
            # a label's role is held where the name's apposition says: "Rapporteur: X, Y Office"
            label = re.match(r"[\w-]+\s*:", text[start : start + 40])
            organization = _affiliation_after(text, mention, limit) if label else None
            span = Span(start, max(start, mention.span.end))
            posts.append(PostDraft(key, role, organization, span, former))
    return posts


def _affiliation_after(text: str, mention: PersonMention, limit: int) -> Organization | None:
    """The organization a name's apposition names when it names no role: "X, ACUNS Tokyo Office"."""
    part = re.match(r"\s*,\s*([^,;()]+?)\s*(?:[,;.]|$)", text[mention.name_span.end : limit])
    if part is None or _role_prefix(part.group(1).split()):
        return None
    return _organization(part.group(1))


def _panel_roles_before(text: str, unit: Unit, mention: PersonMention) -> list[tuple[str, int, bool]]:
    """(role, start, former) of "chaired by X", "As discussant, X", "the panel rapporteur, X"."""
    patterns = _panel_patterns()
    window = max(unit.span.start, mention.span.start - 60)
    before = text[window : mention.span.start]
    found: list[tuple[str, int, bool]] = []
    for pattern, table in ((patterns.by_verb, _participles()), (patterns.as_role, panel_roles())):
        match = pattern.search(before)
        if match:
            found.append((table[match.group(1).lower()], window + match.start(), False))
    label = patterns.label_before.search(before)
    # capitalised, inside the block (a label opening the block is read apart, for every name it lists)
    if label and label.group(1)[0].isupper() and text[unit.span.start : window + label.start(1)].strip():
        found.append((panel_roles()[label.group(1).lower()], window + label.start(1), False))
    match = patterns.the_role.search(before)
    qualifier = (match.group(1) or "").lower() if match else ""
    if match and qualifier not in {"then", "next", "incoming"}:  # "the next chair, X" is not one yet
        found.append((panel_roles()[match.group(2).lower()], window + match.start(), qualifier == "former"))
    return found


# A bracket ending a name's apposition, before the sentence ends: ", Geneva Academy (moderator)"
_CLOSING_BRACKET = re.compile(r"[^().!?;]*?\(([^()]{1,40})\)\s*(?=[,;.]|$)")


def _panel_roles_after(
    text: str, unit: Unit, mention: PersonMention, limit: int
) -> list[tuple[str, int, bool]]:
    """(role, start, former) of "X chaired the session" and "X (Chair)", "X (University of Y, convener)",
    and of a bracket closing the name's apposition: "X, Senior Fellow, Y Institute (moderator)"."""
    found: list[tuple[str, int, bool]] = []
    match = _panel_patterns().verb_after.match(text, mention.name_span.end, unit.span.end)
    if match:
        found.append((_participles()[match.group(1).lower()], match.start(1), False))
    served = _panel_patterns().served_as.match(text, mention.name_span.end, limit)
    if served:  # "X, a doctoral candidate at Y, who served as panel rapporteur", ", in her capacity as chair"
        found.append((panel_roles()[served.group(1).lower()], served.start(1), False))
    bracket = re.compile(r"\s*\(([^()]{1,100})\)").match(text, mention.name_span.end, unit.span.end)
    if bracket is None:
        bracket = _CLOSING_BRACKET.match(text, mention.name_span.end, limit)
    if bracket:
        for part in bracket.group(1).split(","):
            role = panel_roles().get(part.strip().lower())
            if role is not None:
                found.append((role, bracket.start(1), False))
    return found


def role_head(role: str) -> str:
    """The role before its qualifier, folded: "Director of Human Resources" -> "director"."""
    head = re.split(r"\s+(?:of|for|to|at|in|on)\s+", role, maxsplit=1)[0]
    return " ".join(head.lower().replace("-", " ").split())


def deduplicate_posts(posts: Sequence[PostDraft]) -> list[PostDraft]:
    """One post per person and role head: the one at a listed organization, else with one, else the first."""
    best: dict[tuple[str, str], PostDraft] = {}
    for post in posts:
        key = (post.person, role_head(post.role))
        kept = best.get(key)
        if kept is None or _post_rank(post) < _post_rank(kept):
            best[key] = post
    return sorted(best.values(), key=lambda p: (p.person, p.span.start, p.role))


def _post_rank(post: PostDraft) -> tuple[int, int]:
    if post.organization is None:
        return (2, post.span.start)
    return (0 if post.organization.type is not OrganizationType.OTHER else 1, post.span.start)

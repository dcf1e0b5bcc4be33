"""Reported speech on crafted texts: speakers, acts, addressees, answers, groups, captions."""

from __future__ import annotations

from collections.abc import Callable

from unkg.extract import extract
from unkg.model import Document, Extraction, InteractionKind, SpeechAct

MakeDocument = Callable[..., Document]

QA = "\n\n".join(
    [
        "Session 5: Visit to WIPO",
        "Presentation by Mr. Ken Natsume, Director, PCT International Cooperation Division",
        "Mr. Natsume began his presentation by emphasizing that WIPO is a specialized agency. "
        "He then touched upon its five pillars.",
        CAPTION := "Mr. Ken Natsume, Director, PCT International Cooperation Division, WIPO",
        "Professor Takaaki MIZUNO remarked that WIPO is very technology-oriented. "
        "He asked where lies the fair balance between sharing knowledge and rewarding pioneers.",
        "Ms. Hiromi FUJISHIGE asked about the funding of the organization.",
        "Mr. Natsume replied that the balance depends on Member States. "
        "She was told that fees pay most of the budget.",
        "Professor Mizuno thanked Mr. Natsume for his answers.",
    ]
)


def _statement(extraction: Extraction, start: str) -> tuple[str, SpeechAct, str | None]:
    offset = extraction.document.text.index(start)
    found = max(
        (s for s in extraction.statements if s.span.start <= offset < s.span.end), key=lambda s: s.span.start
    )
    return found.speaker, found.act, found.addressee


def test_questions_answers_and_thanks_in_a_session(make_document: MakeDocument) -> None:
    extraction = extract(make_document(QA))
    assert _statement(extraction, "Mr. Natsume began") == ("natsume-ken", SpeechAct.PRESENTED, None)
    assert _statement(extraction, "He then touched")[:2] == ("natsume-ken", SpeechAct.STATED)
    assert _statement(extraction, "Professor Takaaki MIZUNO")[:2] == ("mizuno-takaaki", SpeechAct.COMMENTED)
    assert _statement(extraction, "He asked where") == ("mizuno-takaaki", SpeechAct.ASKED, "natsume-ken")
    assert _statement(extraction, "Mr. Natsume replied")[:2] == ("natsume-ken", SpeechAct.ANSWERED)
    interactions = {(i.source, i.target, i.kind) for i in extraction.interactions}
    assert ("natsume-ken", "mizuno-takaaki", InteractionKind.ANSWERED) in interactions
    assert ("natsume-ken", "fujishige-hiromi", InteractionKind.ANSWERED) in interactions
    assert ("mizuno-takaaki", "natsume-ken", InteractionKind.THANKED) in interactions
    answer = next(s for s in extraction.statements if s.act is SpeechAct.ANSWERED)
    question = next(s for s in extraction.statements if s.span == answer.answers)
    assert question.speaker == "fujishige-hiromi"  # the latest question the answer takes up
    assert all(s.session == 5 for s in extraction.statements)


def test_captions_give_no_statements_but_participation(make_document: MakeDocument) -> None:
    extraction = extract(make_document(QA))
    caption_start = extraction.document.text.index(
        "Mr. Ken Natsume, Director, PCT International Cooperation Division, WIPO"
    )
    assert not any(s.span.start == caption_start for s in extraction.statements)
    assert {(p.person, p.session) for p in extraction.participations} >= {
        ("natsume-ken", 5),
        ("mizuno-takaaki", 5),
        ("fujishige-hiromi", 5),
    }


def test_group_speakers_are_groups_with_countries_not_people(make_document: MakeDocument) -> None:
    text = (
        "Mr. Michael Emery spoke on leadership in the United Nations.\n\n"
        "The comments following his words came from the Japanese and Chinese participants "
        "asking his thoughts on leadership. "
        "Mr. Emery stated that representation does not guarantee equality.\n"
    )
    extraction = extract(make_document(text))
    (group,) = extraction.groups
    assert group.label == "the Japanese and Chinese participants"
    assert group.countries == ("CHN", "JPN")
    assert _statement(extraction, "The comments following")[:2] == (group.key, SpeechAct.ASKED)
    assert _statement(extraction, "Mr. Emery stated")[:2] == ("emery-michael", SpeechAct.ANSWERED)
    assert [p.key for p in extraction.people] == ["emery-michael"]


def test_sentences_running_over_a_page_break_stay_one_statement(make_document: MakeDocument) -> None:
    text = (
        "Ms. Tatiana Valovaya noted that the world might expect more refugees and that humanity "
        "lives much better\n\nthan before. She added that the library is open to scholars.\n"
    )
    extraction = extract(make_document(text))
    assert [(s.speaker, s.act) for s in extraction.statements] == [
        ("valovaya-tatiana", SpeechAct.STATED),
        ("valovaya-tatiana", SpeechAct.STATED),
    ]
    assert extraction.statements[0].span.end > extraction.document.text.index("than before")


def test_thanks_in_a_second_clause_reach_every_person_listed(make_document: MakeDocument) -> None:
    text = (
        "Ms. Hanna Kivela, Director, Nordic Peace Office, opened the seminar.\n\n"
        "Professor Tomoko ARAI concluded that the week had shown how much the regional offices rely on "
        "academic partners, and she thanked the three "
        "volunteers, Park Ji-won, Guo Xinyi and Sven Holm, for their help.\n"
    )
    extraction = extract(make_document(text))
    thanked = {i.target for i in extraction.interactions if i.kind is InteractionKind.THANKED}
    assert thanked == {"park-ji-won", "guo-xinyi", "holm-sven"}
    assert all(
        i.source == "arai-tomoko" for i in extraction.interactions if i.kind is InteractionKind.THANKED
    )


def test_subjects_after_an_of_phrase_a_where_clause_and_an_opening_without_comma(
    make_document: MakeDocument,
) -> None:
    text = (
        "Ms. Lena Sorensen of Aarhus University, Chair of the panel, thanked the speakers.\n\n"
        "In the evening the group visited UNFPA, where Mr. Omar Haddad, Senior Adviser, explained "
        "how the census works. He noted that funding had fallen.\n\n"
        "In her closing remarks she recalled that the census was due in two years.\n"
    )
    extraction = extract(make_document(text))
    assert _statement(extraction, "Ms. Lena Sorensen")[0] == "sorensen-lena"
    assert _statement(extraction, "explained how the census")[0] == "haddad-omar"
    assert _statement(extraction, "He noted that funding")[0] == "haddad-omar"
    assert _statement(extraction, "she recalled")[0] == "sorensen-lena"


def test_a_group_subject_at_a_sentence_start_is_a_group_not_the_last_speaker(
    make_document: MakeDocument,
) -> None:
    text = (
        "Dr. Ana Ruiz, Programme Officer, UNDP, presented the project.\n\n"
        "Several young researchers expressed concern that funding was short. "
        "Some participants asked about visas.\n"
    )
    extraction = extract(make_document(text))
    groups = {group.key: group for group in extraction.groups}
    concern = _statement(extraction, "Several young researchers")
    assert concern[:2] == ("group-several-researchers", SpeechAct.EXPRESSED_CONCERN)
    assert groups[concern[0]].label == "Several young researchers"
    assert _statement(extraction, "Some participants asked")[0] == "group-some-participants"


def test_a_pronoun_that_answers_stands_for_the_person_asked(make_document: MakeDocument) -> None:
    text = (
        "Session 2: Visit to UNFPA\n\n"
        "Ms. Greta Holm, Director, Technical Division, presented the work of the division.\n\n"
        "Ms. KANG Min-ji asked Ms. Holm how the census would be financed. "
        "She replied that two donors had agreed to pay.\n"
    )
    extraction = extract(make_document(text))
    assert _statement(extraction, "She replied") == ("holm-greta", SpeechAct.ANSWERED, "kang-min-ji")
    interactions = {(i.source, i.target, i.kind) for i in extraction.interactions}
    assert ("holm-greta", "kang-min-ji", InteractionKind.ANSWERED) in interactions


def test_thanks_to_the_organizers_go_to_no_person(make_document: MakeDocument) -> None:
    text = (
        "Ms. Greta Holm, Director, Technical Division, presented the work of the division.\n\n"
        "Mr. Ivan Petrov thanked the organizers for the visit. "
        "Ms. Holm thanked the hosts and Mr. Petrov for their questions.\n"
    )
    extraction = extract(make_document(text))
    thanks = {(i.source, i.target) for i in extraction.interactions if i.kind is InteractionKind.THANKED}
    assert thanks == {("holm-greta", "petrov-ivan")}


def test_welcoming_is_not_thanking_and_questioning_whether_is_a_doubt(make_document: MakeDocument) -> None:
    text = (
        "Session 1: Opening\n\n"
        "Dr. Rafael Moreno, Rector, Andes University, welcomed the delegates to the campus and recalled "
        "the history of the exchange programme between the two regions.\n\n"
        "Professor Mei ISHIDA questioned whether the programme could survive the budget cuts. "
        "Ms. Olga Marek questioned Dr. Moreno about the fees.\n"
    )
    extraction = extract(make_document(text))
    assert _statement(extraction, "Dr. Rafael Moreno")[:2] == ("moreno-rafael", SpeechAct.STATED)
    assert _statement(extraction, "Professor Mei ISHIDA")[:2] == ("ishida-mei", SpeechAct.COMMENTED)
    assert _statement(extraction, "Ms. Olga Marek") == ("marek-olga", SpeechAct.ASKED, "moreno-rafael")


def test_describing_presents_only_for_the_presenter_a_heading_names(make_document: MakeDocument) -> None:
    text = (
        "Session 3: Presentation by Ms. Sara Lindqvist, Chief, Climate Services Branch\n\n"
        "Ms. Lindqvist described how the early warning network was built.\n\n"
        "Mr. Chen Jialin, Researcher, Fudan University, described the floods in his province. "
        "He asked whether the network covered rivers.\n"
    )
    extraction = extract(make_document(text))
    assert _statement(extraction, "Ms. Lindqvist described")[:2] == ("lindqvist-sara", SpeechAct.PRESENTED)
    assert _statement(extraction, "Mr. Chen Jialin")[:2] == ("chen-jialin", SpeechAct.STATED)


def test_thank_you_opening_a_talk_is_the_speakers_thanks(make_document: MakeDocument) -> None:
    text = (
        "Session 2: Keynote\n\n"
        "Ms. Karin Weber, Chair, opened the session. Ambassador LIM Jae-ho, Senior Fellow, Seoul Peace "
        "Institute, made the following presentation.\n\n"
        "Thank you, Madam Chair. I would like to speak about maritime security in the region.\n\n"
        '"Thank you to Ms. Karin Weber for chairing."\n'
    )
    extraction = extract(make_document(text))
    assert _statement(extraction, "Thank you, Madam")[:2] == ("lim-jae-ho", SpeechAct.THANKED)
    assert _statement(extraction, "I would like to speak")[0] == "lim-jae-ho"

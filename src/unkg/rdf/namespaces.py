"""Closed vocabulary namespaces: a typo in a term raises instead of minting a wrong IRI."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/unkg/ontology"
TOPIC_NS = Namespace("https://w3id.org/unkg/topic/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("http://schema.org/")


class UNKG(DefinedNamespace):
    """Terms of ontology/unkg.ttl."""

    _NS = Namespace("https://w3id.org/unkg/ontology#")
    _fail = True

    # classes
    Report: object
    Passage: object
    Meeting: object
    Session: object
    GroupSpeaker: object
    Country: object
    Post: object
    Statement: object
    Interaction: object
    SpeechAct: object
    Stance: object
    InteractionKind: object
    OrganizationType: object
    # object properties
    describes: object
    session: object
    host: object
    country: object
    participatedIn: object
    speaker: object
    addressee: object
    inSession: object
    atMeeting: object
    act: object
    topic: object
    stance: object
    answers: object
    speakerPost: object
    fromAgent: object
    toAgent: object
    kind: object
    viaStatement: object
    inReport: object
    # datatype properties
    alpha3: object
    sessionNumber: object
    quote: object
    former: object
    acronym: object
    sha256: object
    # concept schemes
    SpeechActs: object
    Stances: object
    InteractionKinds: object
    OrganizationTypes: object


class _Vocabulary(DefinedNamespace):
    """Concepts whose local names contain hyphens are reached with ``VOCAB["local-name"]``."""

    _fail = True
    _underscore_num = True


class ACT(_Vocabulary):
    _NS = Namespace("https://w3id.org/unkg/vocab/act/")
    _extras = ["stated", "asked", "answered", "proposed", "expressed-concern", "thanked", "presented",
               "commented"]


class STANCE(_Vocabulary):
    _NS = Namespace("https://w3id.org/unkg/vocab/stance/")
    _extras = ["supports", "opposes", "concerned", "proposes", "questions", "neutral"]


class MEET(_Vocabulary):
    _NS = Namespace("https://w3id.org/unkg/vocab/meet/")
    _extras = ["asked", "answered", "thanked", "hosted", "same-session", "pictured-together", "moderated"]


class ORGTYPE(_Vocabulary):
    _NS = Namespace("https://w3id.org/unkg/vocab/orgtype/")
    _extras = ["un-system-entity", "intergovernmental-organization", "university", "research-institute",
               "association", "government", "permanent-mission", "armed-forces", "ngo", "court", "media",
               "other"]

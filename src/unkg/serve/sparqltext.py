"""Just enough lexing of SPARQL text to route a request before any store sees it.

The endpoint must tell an update (refused: read-only) from a query, know a query's form
(SELECT and ASK give result tables, CONSTRUCT and DESCRIBE give graphs) and refuse ``SERVICE``
(federated queries would make the server fetch other hosts). Strings, IRIs and comments are
blanked first so that a keyword inside a literal (``"please SELECT me"``) is never mistaken for one.
The parser of the store still has the last word on whether a query is well formed.
"""

from __future__ import annotations

import re

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

# Long strings first ("""...""" may contain a lone "), then short strings, IRIs (<...>: no spaces,
# so "?a < ?b && ?c > 1" is not an IRI), then comments (# to the end of the line).
_BLANKABLE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
# A keyword is a bare word: not part of a prefixed name (ex:select), a variable (?select) or a longer word.
_KEYWORD = re.compile(
    r"(?<![\w:?$])(" + "|".join((*QUERY_FORMS, *UPDATE_KEYWORDS, "SERVICE")) + r")(?![\w:])",
    re.IGNORECASE,
)


def blank_literals(text: str) -> str:
    """The text with strings, IRIs and comments replaced by spaces (same length, same offsets)."""
    return _BLANKABLE.sub(lambda match: " " * len(match.group(0)), text)


def _keywords(text: str) -> list[str]:
    return [match.group(1).upper() for match in _KEYWORD.finditer(blank_literals(text))]


def operation_keyword(text: str) -> str | None:
    """The first query-form or update keyword (``SELECT`` ... ``INSERT``, ``LOAD`` ...), or None."""
    for keyword in _keywords(text):
        if keyword != "SERVICE":
            return keyword
    return None


def query_form(text: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` if the text starts like such a query."""
    keyword = operation_keyword(text)
    return keyword if keyword in QUERY_FORMS else None


def is_update(text: str) -> bool:
    """True when the text is a SPARQL Update request (``INSERT DATA``, ``DELETE WHERE``, ``LOAD`` ...)."""
    keyword = operation_keyword(text)
    return keyword is not None and keyword in UPDATE_KEYWORDS


def uses_service(text: str) -> bool:
    """True when the text contains a ``SERVICE`` clause (a federated query)."""
    return "SERVICE" in _keywords(text)

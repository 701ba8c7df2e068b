"""Turn what a person types into a safe FTS5 MATCH expression (raw syntax only on request).

Plain queries understand what FTS5 users expect and nothing can make them fail:

- words (every word must match), ``"a phrase"``, ``prefix*``;
- ``AND``, ``OR``, ``NOT`` in capitals *between two terms*, and ``( ... )`` to group them;
  one left dangling at the end is dropped, one with nothing before it is an ordinary word,
  and unmatched parentheses are ignored;
- ``title:word`` / ``body:word`` (or ``title:"a phrase"``) limit a term to one column;
- every other character (a stray ``"``, ``-``, ``:``, ``^``, ``+`` ...) only separates words.

The output is built from quoted strings only, so SQLite never sees user syntax it could reject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

MAX_QUERY_CHARS = 2000
MAX_TERMS = 64
COLUMNS = ("title", "body")
OPERATORS = ("AND", "OR", "NOT")

_WORD = r"\w+(?:[-'’.]\w+)*"
_TOKEN = re.compile(_WORD + r"\*?", re.UNICODE)
_LEX = re.compile(
    rf"""
    (?P<column>(?:{"|".join(COLUMNS)}):(?=["\w]))   # a column filter glued to its term
  | "(?P<phrase>[^"]*)"(?P<pstar>\*?)             # a balanced "phrase", maybe a prefix
  | (?P<word>{_WORD})(?P<wstar>\*?)                # a word, maybe a prefix
  | (?P<open>\() | (?P<close>\))
    """,
    re.UNICODE | re.VERBOSE,
)


HIGHLIGHT = ("\x02", "\x03")
"""How the store marks matches inside snippets; renderers turn them into markers or colour."""


def mark_snippet(snippet: str | None, start: str = "[", end: str = "]") -> str | None:
    """Replace the store's match markers with visible ones."""
    if snippet is None:
        return None
    return snippet.replace(HIGHLIGHT[0], start).replace(HIGHLIGHT[1], end)


class QueryError(ValueError):
    """A query that cannot be searched; the message says why."""


@dataclass(frozen=True)
class _Tok:
    kind: str  # "term", "op", "open", "close"
    text: str


def _quote(words: list[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def _lex(query: str) -> list[_Tok]:
    """Split plain input into terms (already valid FTS5 strings), operators and parentheses."""
    tokens: list[_Tok] = []
    column = ""
    for m in _LEX.finditer(query):
        if m.group("column"):
            column = m.group("column")[:-1]
            continue
        if m.group("phrase") is not None:
            words = [w.rstrip("*") for w in _TOKEN.findall(m.group("phrase"))]
            words = [w for w in words if w]
            if words:
                term = _quote(words) + ("*" if m.group("pstar") else "")
                tokens.append(_Tok("term", f"{column} : {term}" if column else term))
        elif m.group("word"):
            word = m.group("word")
            if word in OPERATORS and not column:
                tokens.append(_Tok("op", word))
            else:
                term = _quote([word]) + ("*" if m.group("wstar") else "")
                tokens.append(_Tok("term", f"{column} : {term}" if column else term))
        elif m.group("open"):
            tokens.append(_Tok("open", "("))
        elif m.group("close"):
            tokens.append(_Tok("close", ")"))
        column = ""
    return _balance(tokens)


def _balance(tokens: list[_Tok]) -> list[_Tok]:
    """Drop unmatched parentheses and empty groups."""
    keep = [True] * len(tokens)
    stack: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "open":
            stack.append(i)
        elif tok.kind == "close":
            if stack:
                start = stack.pop()
                if not any(t.kind == "term" for t in tokens[start + 1 : i]):
                    keep[start] = keep[i] = False
            else:
                keep[i] = False
    for i in stack:
        keep[i] = False
    return [t for t, k in zip(tokens, keep, strict=True) if k]


class _Parser:
    """Recursive descent over FTS5's grammar: OR < AND (or nothing) < NOT < term | ( group ).

    An operator without a term on both sides is read as the word it spells.
    """

    def __init__(self, tokens: list[_Tok]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.terms = 0

    def peek(self, offset: int = 0) -> _Tok | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def at_op(self, name: str) -> bool:
        """The next token is the operator ``name``, used as one."""
        tok = self.peek()
        return tok is not None and tok.kind == "op" and tok.text == name and self.is_operator()

    def is_operator(self) -> bool:
        """The next token is an operator with a term or group right after it."""
        tok, nxt = self.peek(), self.peek(1)
        return (
            tok is not None
            and tok.kind == "op"
            and nxt is not None
            and (nxt.kind in ("term", "open") or (nxt.kind == "op" and self._op_as_word(1)))
        )

    def _op_as_word(self, offset: int) -> bool:
        """An operator token at ``offset`` followed by nothing usable is just a word."""
        nxt = self.peek(offset + 1)
        return nxt is None or nxt.kind == "close" or nxt.kind == "op"

    def parse(self) -> str:
        parts: list[str] = []
        while self.pos < len(self.tokens):
            expr = self.or_expr()
            if expr:
                parts.append(expr)
            elif self.peek() is not None:
                self.pos += 1  # a stray ")" or operator: skip it
        return _and(parts)

    def or_expr(self) -> str:
        left = self.and_expr()
        while left and self.at_op("OR"):
            self.pos += 1
            right = self.and_expr()
            if right:
                left = f"{left} OR {right}"
        return left

    def and_expr(self) -> str:
        left = self.not_expr()
        while left:
            tok = self.peek()
            if tok is None or tok.kind == "close":
                break
            nxt = self.peek(1)
            if tok.kind == "op" and (nxt is None or nxt.kind == "close"):
                self.pos += 1  # a dangling operator at the end ("harbour OR"): drop it
                continue
            if tok.kind == "op" and self.is_operator():
                if tok.text != "AND":
                    break
                self.pos += 1
            right = self.not_expr()
            if not right:
                break
            left = f"{left} AND {right}"
        return left

    def not_expr(self) -> str:
        left = self.primary()
        while left:
            if not self.at_op("NOT"):
                break
            self.pos += 1
            right = self.primary()
            if right:
                left = f"({left} NOT {right})"
        return left

    def primary(self) -> str:
        tok = self.peek()
        if tok is None or self.terms >= MAX_TERMS:
            return ""
        if tok.kind in ("term", "op"):  # nothing on the left: an operator here is a word
            self.pos += 1
            self.terms += 1
            return tok.text if tok.kind == "term" else _quote([tok.text])
        if tok.kind == "open":
            self.pos += 1
            parts = []
            while (nxt := self.peek()) is not None and nxt.kind != "close":
                more = self.or_expr()
                if more:
                    parts.append(more)
                else:
                    self.pos += 1
            self.pos += 1  # the matching ")" (balanced by _balance)
            inner = _and(parts)
            return f"({inner})" if inner else ""
        return ""


def _and(parts: list[str]) -> str:
    """Join expressions with AND; one with a top-level OR gets parentheses (AND binds tighter)."""
    if len(parts) == 1:
        return parts[0]
    return " AND ".join(f"({p})" if " OR " in p else p for p in parts)


def build_match(query: str, *, raw: bool = False) -> str:
    """What a person typed -> an FTS5 MATCH expression that SQLite always accepts.

    See the module docstring for the syntax. With ``raw=True`` the query is passed through
    as FTS5 syntax (errors then come from SQLite and become ``SearchSyntaxError``).
    """
    query = query.strip()
    if not query:
        raise QueryError("empty search query")
    if raw:
        return query
    if query.startswith("NOT ") and not query[4:].lstrip().startswith(("AND", "OR", "NOT")):
        raise QueryError(
            "NOT needs a term on each side (FTS5 has no \"everything but\"): try 'council NOT budget'"
        )
    match = _Parser(_lex(query[:MAX_QUERY_CHARS])).parse()
    if not match:
        raise QueryError(f"no searchable words in {short(query)}")
    return match


def short(text: str, limit: int = 60) -> str:
    """``repr`` of a possibly huge user string, cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


# -- dates ----------------------------------------------------------------------------------------
def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_when(text: str, *, end: bool = False) -> str:
    """``--since`` / ``--until`` value -> the UTC bound the store compares ``published_utc`` to.

    Accepts a date (``2024-01-31``) or an ISO datetime with an offset (``2024-01-31T10:00+01:00``,
    ``...Z``; no offset = UTC). For ``end=True`` the bound is exclusive: a date means the whole
    day (UTC), a datetime includes that second.
    """
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            moment = datetime.combine(day + timedelta(days=1) if end else day, time(), UTC)
            return _utc_text(moment)
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date or datetime: use 2024-01-31 or 2024-01-31T10:00:00+01:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.replace(microsecond=0)
    if end:
        moment += timedelta(seconds=1)
    return _utc_text(moment)

"""Turn what a person types into a safe FTS5 MATCH expression (raw syntax only on request)."""

from __future__ import annotations

import re

MAX_QUERY_CHARS = 2000
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\*?", re.UNICODE)


HIGHLIGHT = ("\x02", "\x03")
"""How the store marks matches inside snippets; renderers turn them into markers or colour."""


def mark_snippet(snippet: str | None, start: str = "[", end: str = "]") -> str | None:
    """Replace the store's match markers with visible ones."""
    if snippet is None:
        return None
    return snippet.replace(HIGHLIGHT[0], start).replace(HIGHLIGHT[1], end)


class QueryError(ValueError):
    """A query that cannot be searched; the message says why."""


def build_match(query: str, *, raw: bool = False) -> str:
    """Plain input -> every word must match (each quoted, so ``"``, ``-``, ``:`` are harmless).

    A trailing ``*`` on a word keeps prefix search. With ``raw=True`` the query is passed
    through as FTS5 syntax (errors then come from SQLite).
    """
    query = query.strip()
    if not query:
        raise QueryError("empty search query")
    if raw:
        return query
    words = _TOKEN.findall(query[:MAX_QUERY_CHARS])
    if not words:
        raise QueryError(f"no searchable words in {query[:80]!r}")
    terms = []
    for word in words[:64]:
        prefix = word.endswith("*")
        word = word.rstrip("*")
        quoted = '"' + word.replace('"', '""') + '"'
        terms.append(quoted + ("*" if prefix else ""))
    return " ".join(terms)

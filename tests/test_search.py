"""Query building (plain input never errors), --since/--until parsing, and store.search filters."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.search import MAX_QUERY_CHARS, QueryError, build_match, parse_when
from archive.store import ArchiveStore, SearchSyntaxError
from tests.search_data import build_archive


@pytest.mark.parametrize(
    ("query", "match"),
    [
        ("harbour council", '"harbour" AND "council"'),
        ('"harbour council"', '"harbour council"'),
        ("harb*", '"harb"*'),
        ('"council elec"*', '"council elec"*'),
        ("harbour OR budget", '"harbour" OR "budget"'),
        ("harbour AND budget", '"harbour" AND "budget"'),
        ("harbour NOT budget", '("harbour" NOT "budget")'),
        ("(harbour OR ferry) council", '("harbour" OR "ferry") AND "council"'),
        ("a OR b c", '"a" OR "b" AND "c"'),  # FTS5: AND binds tighter than OR
        ("title:harbour", 'title : "harbour"'),
        ('body:"city budget"', 'body : "city budget"'),
        ("well-known", '"well-known"'),
        ("harbour or budget", '"harbour" AND "or" AND "budget"'),  # lower case: words
        ("OR", '"OR"'),
        ("harbour AND", '"harbour"'),
        ("harbour OR budget OR", '"harbour" OR "budget"'),
        ("(harbour OR) budget", '("harbour") AND "budget"'),
        ("AND OR NOT", '"AND" OR "NOT"'),
        ('"unbalanced phrase', '"unbalanced" AND "phrase"'),
        ("((harbour", '"harbour"'),
        ("harbour))", '"harbour"'),
        ("NEAR(a b, 3)", '"NEAR" AND ("a" AND "b" AND "3")'),
        ("col:x", '"col" AND "x"'),
        ("-budget +harbour ^x ~y", '"budget" AND "harbour" AND "x" AND "y"'),
        ("café", '"café"'),
    ],
)
def test_plain_queries_become_safe_fts5(query: str, match: str) -> None:
    assert build_match(query) == match


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty search query"),
        ("   ", "empty search query"),
        ('"', "no searchable words in '\"'"),
        ("-", "no searchable words in '-'"),
        ("*", "no searchable words"),
        ("()", "no searchable words"),
        ("NOT budget", "NOT needs a term on each side"),
    ],
)
def test_queries_without_terms_say_why(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(")):
        build_match(query)


def test_raw_passes_through() -> None:
    assert build_match(' NEAR(a b) ', raw=True) == "NEAR(a b)"


def test_long_input_is_cut_and_many_terms_are_capped() -> None:
    assert len(build_match("a" * 10_000)) == MAX_QUERY_CHARS + 2
    assert build_match(" ".join(f"w{i}" for i in range(500))).count(" AND ") == 63


def test_random_plain_input_is_always_valid_fts5() -> None:
    """Fuzz: whatever the mix of operators, quotes, parentheses and colons, SQLite accepts it."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(title, body)")
    db.execute("INSERT INTO f VALUES ('harbour vote', 'the council voted')")
    pieces = ["harbour", "OR", "AND", "NOT", "(", ")", '"', ":", "title:", "body:", "*", "-",
              " ", "NEAR", "^", "x*", "é", "'", ",", "col:"]
    rng = random.Random(5)
    checked = 0
    for _ in range(3000):
        query = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12)))
        try:
            match = build_match(query)
        except QueryError:
            continue
        db.execute("SELECT count(*) FROM f WHERE f MATCH ?", [match]).fetchone()
        checked += 1
    assert checked > 2000


@pytest.mark.parametrize(
    ("text", "end", "bound"),
    [
        ("2024-01-31", False, "2024-01-31T00:00:00Z"),
        ("2024-01-31", True, "2024-02-01T00:00:00Z"),  # a date-only --until covers that day
        ("2024-01-31T10:00:00+01:00", False, "2024-01-31T09:00:00Z"),
        ("2024-01-31T10:00+05:30", False, "2024-01-31T04:30:00Z"),
        ("2024-01-31T10:00:00Z", True, "2024-01-31T10:00:01Z"),  # inclusive of that second
        ("2024-01-31 23:30:00-05:00", False, "2024-02-01T04:30:00Z"),
        ("2024-01-31T10:00", False, "2024-01-31T10:00:00Z"),  # no offset: UTC
    ],
)
def test_parse_when(text: str, end: bool, bound: str) -> None:
    assert parse_when(text, end=end) == bound


@pytest.mark.parametrize("text", ["yesterday", "2024-13-01", "31/01/2024", ""])
def test_parse_when_rejects_with_an_example(text: str) -> None:
    with pytest.raises(ValueError, match="use 2024-01-31 or 2024-01-31T10:00:00"):
        parse_when(text)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ArchiveStore]:
    with ArchiveStore.open(build_archive(tmp_path / "a.db")) as s:
        yield s


def ids(rows: list[dict[str, object]]) -> list[object]:
    return [r["id"] for r in rows]


def test_title_weighs_more_than_body(store: ArchiveStore) -> None:
    rows = store.search(build_match("harbour"))
    assert ids(rows) == [1, 2]
    assert rows[0]["rank"] < rows[1]["rank"]  # bm25: lower is better
    assert rows[1]["snippet"].endswith("The \x02harbour\x03 fees stay.")


def test_diacritics_fold_both_ways_and_words_are_not_stemmed(store: ArchiveStore) -> None:
    assert set(ids(store.search(build_match("cafe")))) == {2, 3}
    assert set(ids(store.search(build_match("CAFÉ")))) == {2, 3}
    assert ids(store.search(build_match("councillors"))) == [7]
    assert 7 not in ids(store.search(build_match("councillor")))
    assert 7 in ids(store.search(build_match("councillor*")))
    assert ids(store.search(build_match("совет"))) == [5]


def test_filters(store: ArchiveStore) -> None:
    council = build_match("council")
    assert set(ids(store.search(council))) == {1, 2, 4, 7}
    assert set(ids(store.search(council, sites=["courier"]))) == {4}
    assert set(ids(store.search(council, sites=["courier", "wire"]))) == {4}
    assert set(ids(store.search(build_match("cafe"), languages=["fr"]))) == {3}
    assert set(ids(store.search(council, sections=["politics"]))) == {1, 7}
    # article 1 is Jan 31 local time but Feb 1 in UTC
    assert set(ids(store.search(council, since=parse_when("2024-02-01")))) == {1, 7}
    assert set(ids(store.search(council, until=parse_when("2024-01-31", end=True)))) == {2, 4}
    edge = parse_when("2024-02-01T04:30:00Z", end=True)
    assert 1 in ids(store.search(council, until=edge))
    assert 1 not in ids(store.search(council, since=parse_when("2024-02-01T04:30:01Z")))
    # a date-only article counts by its day; an undated one never passes a date filter
    cafe = build_match("cafe")
    assert 3 in ids(store.search(cafe, since=parse_when("2024-01-15"),
                                 until=parse_when("2024-01-15", end=True)))
    assert 3 not in ids(store.search(cafe, since=parse_when("2024-01-16")))
    assert ids(store.search(build_match("ferry"))) == [6]
    assert ids(store.search(build_match("ferry"), since=parse_when("2000-01-01"))) == []


def test_sort_limit_offset(store: ArchiveStore) -> None:
    council = build_match("council")
    assert ids(store.search(council, sort="newest")) == [7, 1, 2, 4]
    assert ids(store.search(council, sort="oldest")) == [4, 2, 1, 7]
    assert ids(store.search(council, sort="newest", limit=2, offset=1)) == [1, 2]
    page = store.search(council, sort="oldest", limit=1)
    assert page[0]["snippet"].startswith("A well-known club asked the \x02council\x03")
    with pytest.raises(ValueError, match="sort must be one of"):
        store.search(council, sort="random")


def test_raw_syntax_errors_are_search_syntax_errors(store: ArchiveStore) -> None:
    assert ids(store.search("harbour NOT budget")) == [1]
    assert set(ids(store.search("title : council"))) == {1, 7}
    with pytest.raises(SearchSyntaxError, match="unterminated string"):
        store.search('"unbalanced')
    with pytest.raises(SearchSyntaxError, match="no such column: col"):
        store.search("col:x")


def test_very_common_queries_rank_the_newest_matches(store: ArchiveStore) -> None:
    council = build_match("council")
    full = ids(store.search(council, rank_window=None))
    assert set(full) == {1, 2, 4, 7}
    assert set(ids(store.search(council, limit=2, rank_window=2))) == {7, 4}  # newest two
    # filters or paging that leave too few in the window fall back to ranking every match
    assert ids(store.search(council, limit=3, rank_window=2)) == full[:3]
    assert ids(store.search(council, sites=["gazette"], limit=2, rank_window=2)) == [
        i for i in full if i in (1, 2, 7)][:2]

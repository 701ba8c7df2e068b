"""`search`, `show`, `stats`, `export` and `serve` through click's CliRunner: exit codes, output."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import _cell, main
from archive.export import metadata_path_for
from tests.search_data import build_archive


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback would be a bug: fail with it
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "news.db")


def search(db: Path, *args: str) -> list[dict[str, object]]:
    code, out = run("search", *args, "--db", str(db), "--format", "json")
    assert code == 0, out
    return list(json.loads(out))


def titles(rows: list[dict[str, object]]) -> list[object]:
    return [r["title"] for r in rows]


# -- search ------------------------------------------------------------------------------------
def test_search_ranks_title_above_body_and_marks_matches(db: Path) -> None:
    rows = search(db, "harbour")
    assert titles(rows) == ["Harbour council approves the breakwater", "Budget talks stall"]
    assert rows[1]["snippet"] == (
        "Café owners discuss the city budget with the council. The [harbour] fees stay."
    )
    for key in ("id", "url", "site", "published", "published_utc", "language", "section", "rank"):
        assert key in rows[0]


def test_search_table_colours_matches(db: Path) -> None:
    code, out = run("search", "harbour", "--db", str(db))
    assert code == 0
    assert "2 result(s) for 'harbour'" in out
    assert "Budget" in out and "[harbour]" not in out and "\x02" not in out
    cell = _cell("The \x02harbour\x03 fees")
    assert cell.plain == "The harbour fees"
    assert [(cell.plain[s.start:s.end], s.style) for s in cell.spans] == [("harbour", "bold yellow")]


def test_search_jsonl_and_csv(db: Path) -> None:
    code, out = run("search", "council", "--db", str(db), "--format", "jsonl", "--sort", "newest")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [7, 1, 2, 4]
    code, out = run("search", "cafe", "--db", str(db), "--format", "csv", "--lang", "fr")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "published", "site", "title", "snippet", "url"]
    assert [r["title"] for r in rows] == ["Le café de la gare rouvre"]
    assert rows[0]["snippet"].startswith("Le [café] historique")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["council", "--site", "courier"], ["Stadium vote delayed"]),
        (["council", "--site", "courier", "--site", "gazette", "--sort", "oldest"],
         ["Stadium vote delayed", "Budget talks stall", "Harbour council approves the breakwater",
          "Council election results"]),
        (["council", "--section", "politics", "--sort", "newest"],
         ["Council election results", "Harbour council approves the breakwater"]),
        (["cafe", "--lang", "en"], ["Budget talks stall"]),
        (["council", "--since", "2024-02-01", "--sort", "oldest"],
         ["Harbour council approves the breakwater", "Council election results"]),
        (["council", "--until", "2024-01-31", "--sort", "oldest"],
         ["Stadium vote delayed", "Budget talks stall"]),
        (["council", "--since", "2024-01-31T23:00:00-05:00", "--until", "2024-02-01T04:30:00Z"],
         ["Harbour council approves the breakwater"]),
        (["council", "--since", "2024-02-01T05:00:00+00:00", "--until", "2024-02-20"],
         ["Council election results"]),
        (["council", "--sort", "newest", "--limit", "2", "--offset", "1"],
         ["Harbour council approves the breakwater", "Budget talks stall"]),
        (['"council election"'], ["Council election results"]),
        (["counc* NOT harbour", "--sort", "newest"],
         ["Council election results", "Stadium vote delayed"]),
        (["ferry OR stadium", "--sort", "oldest"], ["Stadium vote delayed", "Ferry timetable changes"]),
        (["(ferry OR stadium) AND spring"], ["Stadium vote delayed"]),
        (["title:council", "--sort", "newest"],
         ["Council election results", "Harbour council approves the breakwater"]),
        (['well-known club: "delay'], ["Stadium vote delayed"]),
        (["совет"], ["Совет одобрил бюджет"]),
    ],
)
def test_search_options(db: Path, args: list[str], expected: list[str]) -> None:
    assert titles(search(db, *args)) == expected


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        ('"', 2, "no searchable words in '\"'"),
        ("-", 2, "no searchable words in '-'"),
        ("NEAR(", 0, "No articles match 'NEAR('."),
        ("col:", 0, "No articles match 'col:'."),
        ("a" * 10_000, 0, "No articles match 'aaaa"),
        ("title:harbour", 0, "1 result(s) for 'title:harbour'"),
        ("*", 2, "no searchable words"),
        ("NOT harbour", 2, "NOT needs a term on each side"),
        ("harbour)) OR ((", 0, "2 result(s)"),
        ("'; DROP TABLE articles; --", 0, "No articles match"),
    ],
)
def test_hostile_queries_get_a_sentence_not_a_traceback(
    db: Path, query: str, code: int, message: str
) -> None:
    result = CliRunner().invoke(main, ["search", query, "--db", str(db)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output) < 4000  # a huge query is not echoed back whole


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unbalanced', "FTS5 syntax error in '\"unbalanced': unterminated string"),
        ("col:x", "FTS5 syntax error in 'col:x': no such column: col"),
        ("NEAR(", "FTS5 syntax error in 'NEAR(':"),
        ("a" * 10_000 + '"', "FTS5 syntax error in 'aaaaaaaa"),
    ],
)
def test_raw_syntax_errors_are_one_sentence_exit_2(db: Path, query: str, message: str) -> None:
    code, out = run("search", query, "--raw", "--db", str(db))
    assert code == 2
    assert message in out
    assert "without --raw every word is searched as typed" in out
    assert len(out) < 1000


def test_raw_fts5_syntax_works(db: Path) -> None:
    assert titles(search(db, "--raw", "NEAR(council voted, 2)")) == [
        "Harbour council approves the breakwater"]
    assert titles(search(db, "--raw", "body:harbour")) == ["Budget talks stall"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "Invalid value for --since: 'yesterday' is not a date"),
        (["--until", "2024-02-30"], "Invalid value for --until"),
        (["--sort", "best"], "Invalid value for '--sort'"),
        (["--limit", "0"], "Invalid value for '--limit'"),
        (["--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_search_option_errors_exit_2(db: Path, args: list[str], message: str) -> None:
    code, out = run("search", "council", "--db", str(db), *args)
    assert code == 2 and message in out


def test_search_needs_an_archive(tmp_path: Path) -> None:
    code, out = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no archive at" in out


# -- show --------------------------------------------------------------------------------------
def test_show_by_id_url_and_alias(db: Path) -> None:
    code, out = run("show", "1", "--db", str(db))
    assert code == 0
    assert out.startswith("Harbour council approves the breakwater\n")
    lines = [" ".join(line.split()) for line in out.splitlines()]
    for line in ("published 2024-01-31T23:30:00-05:00", "published UTC 2024-02-01T04:30:00Z",
                 "date from text, precision minute",
                 "date as printed January 31, 2024 11:30 pm EST"):
        assert line in lines
    assert "https://gazette.example/politics/breakwater?utm_source=rss" in out  # also at
    assert "1: https://gazette.example/ at " in out  # the crawl that wrote it
    assert out.rstrip().endswith("approve the northern breakwater plan.")
    for key in ("https://wire.example/world/ferry", "6"):
        code, out = run("show", key, "--db", str(db), "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert data["title"] == "Ferry timetable changes" and data["published"] is None
    code, out = run("show", "https://gazette.example/politics/breakwater?utm_source=rss",
                    "--db", str(db), "--format", "json")
    data = json.loads(out)
    assert data["id"] == 1 and data["tags"] == ["harbour", "council"]
    assert data["urls"] == ["https://gazette.example/politics/breakwater",
                            "https://gazette.example/politics/breakwater?utm_source=rss"]
    assert data["crawl"]["target"] == "https://gazette.example/"
    assert data["published_source"] == "text" and data["body"].startswith("The council voted")


def test_show_unknown_article(db: Path) -> None:
    code, out = run("show", "999", "--db", str(db))
    assert code == 1 and "no article with id or URL '999'" in out
    code, out = run("show", "https://nowhere.example/", "--db", str(db))
    assert code == 1 and "no article with id or URL" in out


# -- stats -------------------------------------------------------------------------------------
def test_stats(db: Path) -> None:
    code, out = run("stats", "--db", str(db), "--format", "json")
    assert code == 0
    data = json.loads(out)
    sites = {r["site"]: r for r in data["sites"]}
    assert [r["site"] for r in data["sites"]] == ["gazette", "courier", "wire"]
    assert (sites["gazette"]["articles"], sites["gazette"]["date_found_rate"]) == (3, 1.0)
    assert (sites["wire"]["articles"], sites["wire"]["date_found_rate"]) == (2, 0.5)
    assert sites["courier"]["first_published"] == "2023-12-31T22:00:00Z"
    archive = data["archive"]
    assert archive["articles"] == 7 and archive["sites"] == 3
    assert archive["date_found_rate"] == round(6 / 7, 4)
    assert archive["first_published"] == "2023-12-31T22:00:00Z"
    assert archive["last_published"] == "2024-02-15T09:00:00Z"
    assert archive["bytes"] >= db.stat().st_size > 0
    code, out = run("stats", "--db", str(db))
    assert code == 0
    assert "gazette" in out and "50.0%" in out
    assert "7 articles from 3 site(s); dated 85.7%" in out and "on disk" in out


# -- export and serve --------------------------------------------------------------------------
def test_export_writes_snapshot_and_metadata(db: Path, tmp_path: Path) -> None:
    snap = tmp_path / "snap.db"
    code, out = run("export", str(snap), "--db", str(db))
    assert code == 0, out
    assert f"Wrote {snap}: 7 articles from 3 site(s)" in out
    assert f"newsarchive serve {snap}" in out
    meta = json.loads(metadata_path_for(snap).read_text(encoding="utf-8"))
    assert meta["databases"]["snap"]["tables"]["articles"]["sort_desc"] == "published_utc"
    code, out = run("search", "harbour", "--db", str(snap), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2


def test_export_filters(db: Path, tmp_path: Path) -> None:
    snap = tmp_path / "snap.db"
    code, out = run("export", str(snap), "--db", str(db), "--site", "gazette", "--site", "wire",
                    "--since", "2024-01-25", "--until", "2024-02-10")
    assert code == 0, out
    with sqlite3.connect(snap) as conn:
        got = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")]
    assert got == ["Harbour council approves the breakwater", "Совет одобрил бюджет"]
    assert "2 articles from 2 site(s)" in out


def test_export_refuses_to_overwrite(db: Path, tmp_path: Path) -> None:
    snap = tmp_path / "snap.db"
    snap.write_bytes(b"precious")
    code, out = run("export", str(snap), "--db", str(db))
    assert code == 2 and f"{snap} exists: pass --force to replace it" in out
    assert snap.read_bytes() == b"precious"
    code, out = run("export", str(snap), "--db", str(db), "--force")
    assert code == 0 and snap.read_bytes().startswith(b"SQLite format 3")


def test_export_never_writes_over_the_live_archive(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    for target in (str(db), f"{db}-wal", str(tmp_path / "." / db.name)):
        code, out = run("export", target, "--db", str(db), "--force")
        assert code == 2 and "is the live archive" in out
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--since", "soon"], 2, "Invalid value for --since"),
        (["--db", "none.db"], 1, "no archive at"),
    ],
)
def test_export_errors(db: Path, tmp_path: Path, args: list[str], code: int, message: str) -> None:
    full = ["export", str(tmp_path / "snap.db"), "--db", str(db), *args]
    if "--db" in args:
        full = ["export", str(tmp_path / "snap.db"), *args[:1], str(tmp_path / args[1])]
    got, out = run(*full)
    assert got == code and message in out
    assert not (tmp_path / "snap.db").exists()


def test_export_into_missing_folder(db: Path, tmp_path: Path) -> None:
    code, out = run("export", str(tmp_path / "nope" / "snap.db"), "--db", str(db))
    assert code == 2 and "does not exist" in out


def test_serve_refuses_what_it_cannot_serve(db: Path, tmp_path: Path) -> None:
    code, out = run("serve", str(tmp_path / "missing.db"))
    assert code == 1 and "no snapshot at" in out and "newsarchive export" in out
    code, out = run("serve", str(db))  # the live archive: WAL mode
    assert code == 1 and "is in WAL mode, like a live archive" in out
    (tmp_path / "junk.db").write_text("not a database")
    code, out = run("serve", str(tmp_path / "junk.db"))
    assert code == 1 and "is not an SQLite database" in out
    snap = tmp_path / "snap.db"
    run("export", str(snap), "--db", str(db))
    code, out = run("serve", str(snap), "--metadata", str(tmp_path / "none.json"))
    assert code == 2 and "no file" in out

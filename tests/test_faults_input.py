"""Hostile input at our own interfaces: one clear sentence, the right exit code, never a traceback.

FTS queries, export paths, sites.toml mistakes and manifest lines that are not JSON: each exits
2 (a usage error) with a sentence that says what to do, and the archive is untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from archive.cli import main
from archive.store import ArchiveStore
from tests.faultkit import integrity


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    db = tmp_path / "live.db"
    with ArchiveStore.open(db) as store:
        store.save_articles([{
            "url": "http://e.com/2024/01/02/council-votes", "site": "e.com",
            "title": "Council votes on the budget",
            "body": "The council voted on the budget on Tuesday evening. " * 8,
            "fetched_at": "2024-01-02T10:00:00Z", "urls": ["http://e.com/2024/01/02/council-votes"],
        }])
    return db


# -- FTS queries ------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ['"', "*", "", "   ", "^", '""""', "((("])
def test_queries_with_nothing_to_search_are_usage_errors(archive: Path, query: str) -> None:
    result = invoke("search", query, "--db", str(archive))
    no_traceback(result)
    assert result.exit_code == 2
    assert "no searchable words" in result.output or "empty search query" in result.output


@pytest.mark.parametrize("query", ["NEAR(", "a OR", "title:x", "council AND", "-council", "x*y", "c'est"])
def test_fts_syntax_is_escaped_by_default(archive: Path, query: str) -> None:
    result = invoke("search", "--db", str(archive), "--", query)
    no_traceback(result)
    assert result.exit_code == 0


@pytest.mark.parametrize("query", ["NEAR(", '"unbalanced', "council AND", "((("])
def test_raw_fts_syntax_errors_are_one_sentence_and_exit_2(archive: Path, query: str) -> None:
    result = invoke("search", query, "--raw", "--db", str(archive))
    no_traceback(result)
    assert result.exit_code == 2
    assert "FTS5 syntax error in" in result.output


# -- export paths -----------------------------------------------------------------------------
def _unchanged(archive: Path) -> None:
    assert integrity(archive) == []
    conn = sqlite3.connect(archive)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        conn.close()


def test_export_over_an_existing_file_needs_force(archive: Path, tmp_path: Path) -> None:
    existing = tmp_path / "mine.db"
    existing.write_bytes(b"my own data")
    result = invoke("export", str(existing), "--db", str(archive))
    no_traceback(result)
    assert result.exit_code == 2
    assert f"{existing} exists: pass --force to replace it" in result.output
    assert existing.read_bytes() == b"my own data"


@pytest.mark.parametrize("force", [False, True])
def test_export_onto_the_live_archive_is_refused(archive: Path, force: bool) -> None:
    result = invoke("export", str(archive), "--db", str(archive), *(["--force"] if force else []))
    no_traceback(result)
    assert result.exit_code == 2
    assert "is the live archive" in result.output
    _unchanged(archive)


def test_export_onto_the_live_archives_wal_is_refused(archive: Path) -> None:
    result = invoke("export", f"{archive}-wal", "--db", str(archive), "--force")
    no_traceback(result)
    assert result.exit_code == 2 and "is the live archive" in result.output
    _unchanged(archive)


def test_export_into_a_directory_is_a_usage_error(archive: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    result = invoke("export", str(folder), "--db", str(archive))
    no_traceback(result)
    assert result.exit_code == 2 and "is a directory" in result.output


# -- sites.toml mistakes ----------------------------------------------------------------------
CONFIG_MISTAKES = [
    ('schedule = "61 * * * *"', "line 3: [sites.a] schedule:"),
    ('schedule = "every day"', "is not a 5-field cron expression"),
    ('timezone = "Europe/Berln"', "unknown timezone 'Europe/Berln': use an IANA name like Europe/Berlin"),
    ('colour = "red"', "unknown key 'colour' (allowed: "),
    ('max_articles = "ten"', "max_articles must be a int, not str 'ten'"),
    ("allow_private = 1", "allow_private must be a bool, not int 1"),
    ('every = "soon"', "every: 'soon' is not an interval like '30s', '15m', '2h' or '1d'"),
    ('article_pattern = "(unclosed"', "article_pattern is not a valid regex"),
]


@pytest.mark.parametrize(("line", "message"), CONFIG_MISTAKES)
@pytest.mark.parametrize("command", ["sites", "schedule", "crawl"])
def test_sites_toml_mistakes_exit_2_with_file_line_and_key(
    tmp_path: Path, line: str, message: str, command: str
) -> None:
    config = tmp_path / "sites.toml"
    config.write_text(f'[sites.a]\nstart_urls = ["http://127.0.0.1:9/"]\n{line}\n', encoding="utf-8")
    args = {"sites": ["sites"], "schedule": ["schedule", "--list"], "crawl": ["crawl", "a"]}[command]
    result = invoke(*args, "--config", str(config), "--db", str(tmp_path / "a.db"))
    no_traceback(result)
    assert result.exit_code == 2, result.output
    assert str(config) in result.output and message in result.output
    assert not (tmp_path / "a.db").exists() or command == "schedule"


def test_sites_toml_that_is_not_toml_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "sites.toml"
    config.write_text("[sites.a\nstart_urls = [", encoding="utf-8")
    result = invoke("sites", "--config", str(config))
    no_traceback(result)
    assert result.exit_code == 2 and "not valid TOML" in result.output


# -- extract --manifest -----------------------------------------------------------------------
def test_manifest_lines_that_are_not_json_exit_2_and_the_rest_goes_on(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>T</title></head><body><p>Hello there.</p></body></html>",
                    encoding="utf-8")
    manifest = tmp_path / "pages.jsonl"
    manifest.write_text(f'{{"path": "{page}"}}\nnot json at all\n[1, 2]\n{{"path": "{page}"}}\n',
                        encoding="utf-8")
    result = invoke("extract", "--manifest", str(manifest), "--format", "jsonl")
    no_traceback(result)
    assert result.exit_code == 2
    assert "manifest line 2 is not JSON" in result.output
    assert 'manifest line 3 has no \\"path\\" string' in result.output
    assert result.output.count('"title": "T"') == 2

"""The CLI through click's CliRunner: exact exit codes and output."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import main
from archive.store import ArchiveStore
from tests.test_store import record

SEED_URL = "https://coastline.example/news/harbour-breakwater-plan"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.output


def test_version_and_help() -> None:
    code, out = run("--version")
    assert code == 0 and out.startswith("newsarchive, version ")
    for command in ("portal", "crawl", "extract", "search", "sites", "demo"):
        code, out = run(command, "-h")
        assert code == 0 and "Usage: main " + command in out.replace("newsarchive", "main")


def test_extract_seed_page(fixtures: Path) -> None:
    code, out = run("extract", str(fixtures / "seed_article.html"), "--url", SEED_URL,
                    "--fetched-at", "2024-09-09T08:00:00Z")
    assert code == 0, out
    data = json.loads(out)
    assert data["published"] == "2021-07-22T16:25:00+04:00"
    assert data["published_utc"] == "2021-07-22T12:25:00Z"
    assert data["timezone"] == "+04:00"
    assert data["published_source"] == "text"
    assert data["published_precision"] == "minute"
    assert data["published_raw"] == "22 July 2021 16:25 (UTC+04:00)"
    assert data["body"].startswith("The harbour authority voted on Thursday")
    assert data["body"].endswith("during the works on the eastern quay.")
    assert "On May 19, 2021" in data["body"]
    for junk in ("See more", "Monday September 9 2024", "cookies", "Ferry timetable"):
        assert junk not in data["body"]
    assert data["authors"] == ["Mirela Vostok"]


def test_extract_gzip_stdin_and_text(fixtures: Path, tmp_path: Path) -> None:
    page = (fixtures / "seed_article.html").read_bytes()
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(page))
    code, out = run("extract", str(gz), "--url", SEED_URL)
    assert code == 0 and json.loads(out)["title"].startswith("Harbour authority")
    code, out = run("extract", "-", "--url", SEED_URL, "--format", "text", input=page)
    assert code == 0
    assert out.startswith("# Harbour authority approves the northern breakwater plan\n")
    assert "published: 2021-07-22T16:25:00+04:00 (text)" in out


def test_extract_manifest_keeps_order_and_goes_on(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7 \x00\x01 binary")
    manifest = tmp_path / "m.jsonl"
    lines = [
        json.dumps({"path": str(fixtures / "seed_article.html"), "url": SEED_URL,
                    "fetched_at": "2024-09-09T08:00:00Z", "timezone": "Asia/Dubai"}),
        json.dumps({"path": str(tmp_path / "empty.html")}),
        json.dumps({"path": str(tmp_path / "missing.html")}),
        json.dumps({"path": str(tmp_path / "doc.pdf")}),
    ]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run("extract", "--manifest", str(manifest), "--format", "jsonl")
    assert code == 0, out
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(rows) == 4
    assert rows[0]["published"] == "2021-07-22T16:25:00+04:00"
    for key in ("url", "title", "body", "authors", "published", "published_utc", "timezone",
                "modified", "modified_utc", "published_source"):
        assert key in rows[0]
    assert rows[1] == {"path": str(tmp_path / "empty.html"), "error": "empty document"}
    assert rows[2]["error"].startswith("cannot read: No such file")
    assert rows[3]["error"] == "not an HTML page: looks like a PDF document"


def test_extract_manifest_bad_line_exits_2(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('not json\n{"url": "x"}\n', encoding="utf-8")
    code, out = run("extract", "--manifest", str(manifest), "--format", "jsonl")
    assert code == 2
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert rows[0]["line"] == 1 and rows[0]["error"].startswith("manifest line 1 is not JSON")
    assert rows[1] == {"line": 2, "error": 'manifest line 2 has no "path" string'}


def test_extract_usage_errors() -> None:
    code, out = run("extract")
    assert code == 2 and "give at least one SOURCE or --manifest FILE" in out


@pytest.fixture
def archive_db(tmp_path: Path) -> Path:
    db = tmp_path / "a.db"
    with ArchiveStore.open(db) as store:
        store.save_articles([
            record("http://e.com/1", title="Harbour vote", body="The harbour council voted."),
            record("http://e.com/2", title="Budget", body="Café owners discuss the budget."),
        ])
    return db


def test_search_formats(archive_db: Path) -> None:
    code, out = run("search", "harbour", "--db", str(archive_db), "--format", "json")
    assert code == 0
    hits = json.loads(out)
    assert [h["url"] for h in hits] == ["http://e.com/1"]
    assert hits[0]["snippet"] == "The [harbour] council voted."
    code, out = run("search", "cafe", "--db", str(archive_db), "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "id,published,site,title,snippet,url"
    assert "http://e.com/2" in out
    code, out = run("search", "nothing-like-this", "--db", str(archive_db))
    assert code == 0 and "No articles match 'nothing-like-this'." in out


@pytest.mark.parametrize("query", ['"', "-", "NEAR(", "col:", "a" * 10_000, "title:harbour", "*"])
def test_hostile_queries_never_trace_back(archive_db: Path, query: str) -> None:
    result = CliRunner().invoke(main, ["search", query, "--db", str(archive_db)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 2)
    assert "Traceback" not in result.output


def test_raw_syntax_error_is_one_sentence(archive_db: Path) -> None:
    code, out = run("search", '"unbalanced', "--raw", "--db", str(archive_db))
    assert code == 2
    assert "FTS5 syntax error in '\"unbalanced'" in out


def test_search_needs_an_archive(tmp_path: Path) -> None:
    code, out = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no archive at" in out


def test_db_from_environment(archive_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_DB", str(archive_db))
    code, out = run("search", "budget", "--format", "json")
    assert code == 0 and json.loads(out)[0]["url"] == "http://e.com/2"


def test_sites_lists_profiles_and_reports_mistakes(tmp_path: Path) -> None:
    config = tmp_path / "sites.toml"
    config.write_text('[sites.gazette]\nstart_urls = ["http://127.0.0.1:9/"]\n'
                      'timezone = "Europe/Berlin"\nevery = "15m"\n', encoding="utf-8")
    code, out = run("sites", "--config", str(config), "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["name"] == "gazette"
    assert json.loads(out)[0]["schedule"] == "every 15m"
    config.write_text('[sites.gazette]\nstart_urls = ["http://127.0.0.1:9/"]\ntimezone = "Berlin"\n',
                      encoding="utf-8")
    code, out = run("sites", "--config", str(config))
    assert code == 2  # a config mistake is a usage error
    assert "line 3: [sites.gazette] unknown timezone 'Berlin'" in out


def test_crawl_rejects_bad_input_before_starting(tmp_path: Path) -> None:
    code, out = run("crawl", "http://127.0.0.1:9/", "--timezone", "Mars/Base",
                    "--db", str(tmp_path / "a.db"))
    assert code == 2 and "unknown timezone 'Mars/Base'" in out
    code, out = run("crawl", "nosuchsite", "--config", str(tmp_path / "none.toml"))
    assert code == 2 and "no such file" in out
    assert not (tmp_path / "a.db").exists()


def test_crawl_of_a_dead_server_is_recorded_as_failed(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    code, out = run("crawl", "http://127.0.0.1:9/", "--db", str(db), "--format", "json",
                    "-s", "RETRY_TIMES=0")
    row = json.loads(out[: out.rindex("}") + 1])
    assert row["errors"] >= 1
    assert "ConnectionRefusedError" in row["error_summary"]
    assert code == 0 and row["status"] == "finished"


def test_demo_runs_end_to_end(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "archive.cli", "demo", "--articles", "30", "--db",
         str(tmp_path / "demo.db")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "newsarchive search 'council'" in proc.stdout
    assert "articles new" in proc.stdout
    with ArchiveStore.open(tmp_path / "demo.db") as store:
        assert store.count_articles() == 30

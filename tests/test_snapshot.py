"""Snapshots: a consistent copy during a crawl, what Datasette serves from it, and the page in Chromium."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archive.export import ExportError, datasette_command, export_snapshot, metadata_path_for
from archive.store import SNAPSHOT_INDEXES, ArchiveStore
from tests.browser import Chromium
from tests.search_data import TITLES, build_archive

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys, time
from pathlib import Path
from archive.store import ArchiveStore
from tests.test_store import record
db, stop = Path(sys.argv[1]), Path(sys.argv[2])
deadline = time.monotonic() + 20
n = 0
with ArchiveStore.open(db) as store:
    while not stop.exists() and time.monotonic() < deadline:
        batch = [record(f"https://w.example/{n + i}", title=f"Live story {n + i}",
                        body=f"Crawl text {n + i} about the harbour " * 20) for i in range(20)]
        store.save_articles(batch)
        if n == 0:
            print("writing", flush=True)
        n += 20
print(n, flush=True)
"""


def _article_count(path: Path) -> int:
    with ArchiveStore.open(path) as store:
        return store.count_articles()


# -- export, library level ---------------------------------------------------------------------
def test_export_is_consistent_while_a_crawl_writes(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "live.db")
    with ArchiveStore.open(db) as store:  # enough pages for many backup steps
        from tests.test_store import record

        store.save_articles([record(f"https://b.example/{i}", title=f"Base {i}",
                                    body=f"Base text {i} " * 200) for i in range(600)])
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(stop)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        before = _article_count(db)
        steps: list[tuple[str, int, int | None]] = []
        with ArchiveStore.open(db) as store:
            copied: list[int] = []
            store.backup_to(tmp_path / "raw.db", step_pages=8,
                            progress=lambda done, total: copied.append(done))
        assert len(copied) > 10 and copied == sorted(copied)  # many steps, never restarted
        result = export_snapshot(db, tmp_path / "snap.db",
                                 progress=lambda *step: steps.append(step))
        after = _article_count(db)
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=30)
    assert writer.returncode == 0 and int(out.split()[-1]) > 0
    assert before < after, "the writer did not write during the export"
    assert before <= result.articles <= after
    with ArchiveStore.open(tmp_path / "raw.db") as raw:
        assert raw.integrity_problems() == []
    phases = [s[0] for s in steps]
    assert phases[0] == "copy" and phases[-1] == "done" and "index" in phases
    copy = [s for s in steps if s[0] == "copy"]
    assert copy[-1][1] == copy[-1][2]  # the bar reaches its total


def test_snapshot_is_search_ready(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "live.db")
    result = export_snapshot(db, tmp_path / "snap.db", sites=["gazette", "courier"])
    assert (result.articles, result.removed, result.sites) == (5, 2, ["gazette", "courier"])
    header = (tmp_path / "snap.db").read_bytes()[:20]
    assert header[18] == header[19] == 1  # rollback journal, not WAL: one self-contained file
    assert not Path(f"{tmp_path / 'snap.db'}-wal").exists()
    assert not list(tmp_path.glob(".*partial*"))
    with ArchiveStore.open(tmp_path / "snap.db") as snap:
        assert snap.integrity_problems() == []
        indexes = {r[0] for r in snap.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert set(SNAPSHOT_INDEXES) <= indexes
        assert snap.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 5
        assert snap.db.execute("SELECT count(*) FROM article_urls WHERE article_id NOT IN "
                               "(SELECT id FROM articles)").fetchone()[0] == 0
        assert [r["id"] for r in snap.search('"harbour"')] == [1, 2]
        assert snap.search('"ferry"') == []  # wire was filtered out, from the index too
    with ArchiveStore.open(db) as live:  # the live archive is untouched
        assert live.count_articles() == 7


def test_metadata_for_datasette(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "live.db")
    result = export_snapshot(db, tmp_path / "news-2024.db", since="2024-01-01T00:00:00Z")
    assert result.metadata_path == tmp_path / "news-2024.metadata.json"
    meta = json.loads(result.metadata_path.read_text(encoding="utf-8"))
    assert meta["title"] == "News archive: gazette, courier, wire"
    assert meta["description"].startswith("5 news articles from 3 site(s), published 2024-01-15")
    assert "since 2024-01-01T00:00:00Z" in meta["description"]
    assert meta["source"] == "Crawled from https://gazette.example/"
    assert "their publishers" in meta["license"]
    database = meta["databases"]["news-2024"]
    articles = database["tables"]["articles"]
    assert articles["facets"] == ["site", "section", "language", {"date": "published_utc"}]
    assert articles["sort_desc"] == "published_utc"
    assert (articles["fts_table"], articles["fts_pk"]) == ("articles_fts", "id")
    intro = articles["description_html"]
    assert "<dt><code>published_utc</code></dt><dd>Publish time in UTC" in intro
    assert intro.count("<dt>") >= 28 and "<details>" in intro and 'href="search"' in intro
    hidden = {name for name, t in database["tables"].items() if t.get("hidden")}
    assert {"_sqlite_migrations", "articles_fts", "articles_fts_data", "articles_fts_idx",
            "articles_fts_docsize", "articles_fts_config"} <= hidden
    assert not hidden & {"articles", "article_urls", "crawls"}
    query = database["queries"]["search"]
    assert ":q" in query["sql"] and "snippet(" in query["sql"] and "ORDER BY" in query["sql"]


def test_export_refusals(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "live.db")
    with pytest.raises(ExportError, match="is the live archive"):
        export_snapshot(db, db, force=True)
    with pytest.raises(ExportError, match="is a directory"):
        export_snapshot(db, tmp_path, force=True)
    (tmp_path / "s.db").write_text("keep me")
    with pytest.raises(ExportError, match="exists: pass --force"):
        export_snapshot(db, tmp_path / "s.db")
    assert (tmp_path / "s.db").read_text() == "keep me"


# -- Datasette, a real process -----------------------------------------------------------------
class Served:
    def __init__(self, base: str, db_name: str) -> None:
        self.base = base
        self.db = db_name

    def get_json(self, path: str, **params: str) -> Any:
        url = f"{self.base}/{self.db}{path}?{urllib.parse.urlencode(params)}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)


def _read_lines(stream: Any, lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`newsarchive serve` on an exported snapshot, port 0; stopped at the end of the module."""
    folder = tmp_path_factory.mktemp("served")
    db = build_archive(folder / "live.db")
    export_snapshot(db, folder / "snap.db")
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "serve", str(folder / "snap.db"), "--port", "0"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        lines: queue.Queue[str] = queue.Queue()
        assert proc.stderr is not None
        reader = threading.Thread(target=_read_lines, args=(proc.stderr, lines), daemon=True)
        reader.start()
        base = ""
        deadline = time.monotonic() + 30
        seen = []
        while not base and time.monotonic() < deadline and proc.poll() is None:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if "Uvicorn running on " in line:
                base = line.split("Uvicorn running on ")[1].split()[0].rstrip("/")
        assert base, f"datasette did not start: {''.join(seen)}"
        while time.monotonic() < deadline:  # ready when it answers
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail("datasette never answered")
        yield Served(base, "snap")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        reader.join(timeout=10)
        assert proc.stderr is not None
        proc.stderr.close()


def test_serve_command_line(tmp_path: Path) -> None:
    command = datasette_command(tmp_path / "s.db", metadata=metadata_path_for(tmp_path / "s.db"),
                                port=0)
    assert command[:5] == [sys.executable, "-m", "datasette", "serve", "--immutable"]
    assert command[command.index("--metadata") + 1] == str(tmp_path / "s.metadata.json")


def test_datasette_search_api_finds_articles(served: Served) -> None:
    data = served.get_json("/articles.json", _search="breakwater", _shape="objects")
    assert [r["title"] for r in data["rows"]] == ["Harbour council approves the breakwater"]
    data = served.get_json("/articles.json", _search="cafe", _shape="objects")
    assert {r["title"] for r in data["rows"]} == {"Budget talks stall", "Le café de la gare rouvre"}
    data = served.get_json("/articles.json", _search='well-known "delay', _shape="objects")
    assert [r["title"] for r in data["rows"]] == ["Stadium vote delayed"]


def test_datasette_table_defaults_facets_and_hidden_tables(served: Served) -> None:
    data = served.get_json("/articles.json", _shape="objects")
    published = [r["published_utc"] for r in data["rows"] if r["published_utc"]]
    assert published == sorted(published, reverse=True)  # newest first by default
    facets = data["facet_results"]
    assert {"site", "section", "language", "published_utc"} <= set(facets)
    sites = {f["value"]: f["count"] for f in facets["site"]["results"]}
    assert sites == {"gazette": 3, "courier": 2, "wire": 2}
    assert {f["value"] for f in facets["language"]["results"]} == {"en", "fr", "ru"}
    assert facets["published_utc"]["type"] == "date"
    tables = {t["name"]: t for t in served.get_json(".json")["tables"]}
    assert not tables["articles"]["hidden"] and tables["articles"]["fts_table"] == "articles_fts"
    for name in ("_sqlite_migrations", "articles_fts_data", "articles_fts"):
        assert tables[name]["hidden"], name


def test_datasette_stored_query_ranks_with_snippets(served: Served) -> None:
    rows = served.get_json("/search.json", q="harbour", _shape="array")
    assert [r["title"] for r in rows] == ["Harbour council approves the breakwater",
                                          "Budget talks stall"]
    assert rows[0]["score"] > rows[1]["score"]
    assert rows[1]["snippet"].endswith("The [harbour] fees stay.")
    assert served.get_json("/search.json", q="", _shape="array") == []
    assert served.get_json("/search.json", q='"', _shape="array") == []
    assert [r["title"] for r in served.get_json("/search.json", q="cafe gare", _shape="array")] == [
        "Le café de la gare rouvre"]


# -- the page a person sees ------------------------------------------------------------------
def test_browser_searches_the_table_page(served: Served, tmp_path: Path) -> None:
    with Chromium() as browser:
        browser.goto(f"{served.base}/{served.db}/articles")
        assert browser.evaluate("document.title").startswith("snap: articles")
        browser.type_text("#_search", "council")
        browser.press_enter()
        assert "_search=council" in browser.evaluate("location.href")
        shown = browser.evaluate(
            "Array.from(document.querySelectorAll('td.col-title')).map(td => td.innerText.trim())"
        )
        text = browser.evaluate("document.body.innerText")
        shot = browser.screenshot(tmp_path / "search.png", full_page=True)
    matching = ["Council election results", "Harbour council approves the breakwater",
                "Budget talks stall", "Stadium vote delayed"]
    assert shown == matching  # newest first, every match, nothing else
    assert 'where search matches "council"' in text
    for title in set(TITLES) - set(matching):
        assert title not in text
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")

"""Readers during a write: search, the search CLI and export in a loop while a crawl commits.

Zero "database is locked" (or any other) errors, and every read sees one consistent state:
the full-text index covers exactly the rows, every row has its canonical URL in article_urls,
every search hit is a real row, counts never go back, and each snapshot passes its checks.
"""

from __future__ import annotations

import sqlite3
import threading
import traceback
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from archive.cli import main
from archive.export import export_snapshot
from archive.portal.content import PortalConfig
from archive.portal.server import running_portal
from archive.store import ArchiveStore
from scraper.run import CrawlJob, CrawlOutcome, run_crawl
from tests.faultkit import FAST, integrity, wait_until

MAX_LOOPS = 400


def _consistent_view(db: Path) -> tuple[int, list[str]]:
    """Article count and problems, all read inside one read transaction."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    problems: list[str] = []
    try:
        conn.execute("BEGIN")
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        if articles != indexed:
            problems.append(f"{articles} articles but {indexed} indexed")
        orphans = conn.execute(
            "SELECT count(*) FROM articles a LEFT JOIN article_urls u "
            "ON u.url = a.url AND u.article_id = a.id WHERE u.url IS NULL"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} articles without their canonical URL in article_urls")
        empty = conn.execute(
            "SELECT count(*) FROM articles WHERE coalesce(title, '') = '' OR coalesce(body, '') = ''"
        ).fetchone()[0]
        if empty:
            problems.append(f"{empty} half-written articles")
        conn.execute("COMMIT")
        return articles, problems
    finally:
        conn.close()


def test_search_and_export_while_a_crawl_writes(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    with ArchiveStore.open(db):
        pass  # the schema exists before the first reader comes
    errors: list[str] = []
    counts: list[int] = []
    snapshots: list[int] = []
    outcome: list[CrawlOutcome] = []
    with running_portal(PortalConfig(articles=40)) as url:
        crawl = threading.Thread(target=lambda: outcome.append(run_crawl(CrawlJob(
            db=db, url=url, timeout=120, settings={**FAST, "ARCHIVE_BATCH_SIZE": "3"}))))
        crawl.start()
        loops = 0
        try:
            while crawl.is_alive() and loops < MAX_LOOPS:
                loops += 1
                try:
                    count, problems = _consistent_view(db)
                    errors += problems
                    if counts and count < counts[-1]:
                        errors.append(f"article count went back from {counts[-1]} to {count}")
                    counts.append(count)
                    with ArchiveStore.open(db) as store:
                        for hit in store.search("the", limit=50):
                            article: dict[str, Any] | None = store.article(hit["url"])
                            if article is None or article["title"] != hit["title"]:
                                errors.append(f"search hit {hit['url']} is not a stored row")
                    result = CliRunner().invoke(main, ["search", "council", "--db", str(db),
                                                       "--format", "json"])
                    if result.exit_code != 0:
                        errors.append(f"search CLI exit {result.exit_code}: {result.output}")
                    if loops % 4 == 1:
                        snap = tmp_path / f"snap-{loops}.db"
                        exported = export_snapshot(db, snap)
                        snapshots.append(exported.articles)
                        errors += [f"snapshot: {p}" for p in integrity(snap)]
                except Exception:
                    errors.append(traceback.format_exc())
        finally:
            crawl.join(timeout=150)
    assert outcome and outcome[0].ok, outcome
    assert errors == []
    assert not any("locked" in e for e in errors)
    final, problems = _consistent_view(db)
    assert problems == [] and final == 40
    assert loops >= 5
    assert any(0 < c < final for c in counts), counts  # the readers really ran during the writes
    assert snapshots and all(0 <= s <= final for s in snapshots)
    wait_until("the crawl thread to end", lambda: not crawl.is_alive(), 10)

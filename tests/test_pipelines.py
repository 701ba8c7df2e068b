"""Pipelines built from a crawler's settings, the way Scrapy builds them."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, IgnoreRequest, NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from archive.store import Alias, ArchiveStore
from pipelines.canonical import CanonicalUrlPipeline
from pipelines.dedup import DedupPipeline
from pipelines.store import StorePipeline, item_to_record
from pipelines.validate import ValidatePipeline
from scraper import signals
from scraper.items import ArticleItem, content_hash

BODY = " ".join(f"word{i}" for i in range(80))


def item(url: str, body: str = BODY, canonical: str | None = None, title: str = "T") -> ArticleItem:
    record: dict[str, Any] = {"title": title, "body": body, "authors": [], "published": None}
    return ArticleItem(
        url=url, fetched_url=url, site="demo", fetched_at="2026-01-01T00:00:00Z", record=record,
        canonical_hint=canonical, urls=[url], content_hash=content_hash(title, body),
    )


def test_validate_drops_short_and_untitled() -> None:
    crawler = get_crawler(settings_dict={"VALIDATE_MIN_WORDS": 50})
    pipe = build_from_crawler(ValidatePipeline, crawler)
    assert pipe.process_item(item("http://e.com/a")).url == "http://e.com/a"
    with pytest.raises(DropItem, match="short body 3 words < 50"):
        pipe.process_item(item("http://e.com/b", body="only three words"))
    with pytest.raises(DropItem, match="no title"):
        pipe.process_item(item("http://e.com/c", title=""))
    assert crawler.stats is not None
    assert crawler.stats.get_value("validate/dropped_short_body") == 1
    assert crawler.stats.get_value("validate/dropped_no_title") == 1


@pytest.mark.parametrize(("words", "kept"), [(49, False), (50, True), (51, True), (500, True)])
def test_validate_counts_words_up_to_the_minimum(words: int, kept: bool) -> None:
    """The count stops at the minimum (a body is not split whole on the reactor): the bounds."""
    pipe = build_from_crawler(ValidatePipeline, get_crawler(settings_dict={"VALIDATE_MIN_WORDS": 50}))
    body = "\n ".join(f"w{i}" for i in range(words)) + "  "
    if kept:
        assert pipe.process_item(item("http://e.com/a", body=body)).url == "http://e.com/a"
    else:
        with pytest.raises(DropItem, match="short body 49 words < 50"):
            pipe.process_item(item("http://e.com/a", body=body))


def test_canonical_trusts_same_site_only() -> None:
    crawler = get_crawler(settings_dict={"CANONICAL_TRACKING_PARAMS": ["ref_id"]})
    pipe = build_from_crawler(CanonicalUrlPipeline, crawler)
    same = pipe.process_item(item("http://e.com/print/1?utm_source=x", canonical="http://e.com/a/1"))
    assert same.url == "http://e.com/a/1"
    assert same.urls == ["http://e.com/a/1", "http://e.com/print/1?utm_source=x"]
    other = pipe.process_item(item("http://e.com/b?ref_id=4#c", canonical="https://wire.org/b"))
    assert other.url == "http://e.com/b"


def test_dedup_drops_copies_and_signals_aliases() -> None:
    crawler = get_crawler()
    pipe = build_from_crawler(DedupPipeline, crawler)
    seen: list[tuple[str, str]] = []
    crawler.signals.connect(lambda alias: seen.append((alias.url, alias.canonical)),
                            signal=signals.url_alias, weak=False)
    pipe.process_item(item("http://e.com/a"))
    second = item("http://e.com/a")
    second.urls = ["http://e.com/a", "http://e.com/world/a"]
    with pytest.raises(DropItem, match="duplicate \\(url\\)"):
        pipe.process_item(second)
    with pytest.raises(DropItem, match="duplicate \\(content\\)"):
        pipe.process_item(item("http://e.com/print/a"))
    assert seen == [("http://e.com/world/a", "http://e.com/a"), ("http://e.com/print/a", "http://e.com/a")]
    with pytest.raises(NotConfigured):
        build_from_crawler(DedupPipeline, get_crawler(settings_dict={"DEDUP_ENABLED": False}))


def test_dedup_remembers_recent_articles_and_the_store_merges_older_copies(tmp_path: Path) -> None:
    """With DEDUP_RECENT=2 the crawl forgets the oldest article: its later copies pass the
    pipeline, and the store merges them (same URL: one article; same body: an alias)."""
    from scraper.fingerprint import body_hash

    def hashed(url: str, body: str) -> ArticleItem:  # with its body hash, as workers give it
        made = item(url, body)
        made.body_hash = body_hash(body)
        return made

    crawler = get_crawler(settings_dict={"DEDUP_RECENT": 2, "DEDUP_NEAR_THRESHOLD": 0})
    pipe = build_from_crawler(DedupPipeline, crawler)
    firsts = [hashed(f"http://e.com/{n}", body=f"{BODY} {n}") for n in range(3)]
    for first in firsts:
        pipe.process_item(first)
    with pytest.raises(DropItem):  # the last two are remembered
        pipe.process_item(hashed("http://e.com/print/2", body=f"{BODY} 2"))
    late = [pipe.process_item(hashed("http://e.com/0", body=f"{BODY} 0")),  # forgotten: passes
            pipe.process_item(hashed("http://e.com/print/1", body=f"{BODY} 1"))]  # forgotten now
    assert len(pipe.by_url) == len(pipe.by_hash) == 2
    with ArchiveStore.open(tmp_path / "a.db") as store:
        store.save_articles([item_to_record(f) for f in firsts])
        counts = store.save_articles([item_to_record(copy) for copy in late])
        assert store.count_articles() == 3
        assert store.article("http://e.com/print/1")["url"] == "http://e.com/1"  # type: ignore[index]
    assert (counts.new, counts.unchanged, counts.duplicates) == (0, 1, 1)
    with pytest.raises(NotConfigured, match="DEDUP_RECENT"):
        build_from_crawler(DedupPipeline, get_crawler(settings_dict={"DEDUP_RECENT": 0}))


def open_store_pipeline(db: Path, batch_size: int) -> tuple[Crawler, StorePipeline]:
    """A StorePipeline on ``db`` for a crawl of http://e.com/ (site "demo"), opened."""
    crawler = get_crawler(settings_dict={"ARCHIVE_DB": str(db), "ARCHIVE_BATCH_SIZE": batch_size})
    crawler.spider = type("S", (), {"start_urls": ["http://e.com/"], "site_name": "demo"})()
    pipe = build_from_crawler(StorePipeline, crawler)
    pipe.open_spider()
    return crawler, pipe


def test_store_pipeline_batches_and_closes_crawl(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    crawler, pipe = open_store_pipeline(db, 2)
    asyncio.run(pipe.process_item(item("http://e.com/1", body=BODY + " one")))
    with ArchiveStore.open(db) as store:
        assert store.count_articles() == 0  # still buffered
    asyncio.run(pipe.process_item(item("http://e.com/2", body=BODY + " two")))
    assert not pipe.pending  # handed to the writer thread
    pipe.drain()
    with ArchiveStore.open(db) as store:
        assert store.count_articles() == 2  # one batch committed
    asyncio.run(pipe.process_item(item("http://e.com/3", body=BODY + " three")))
    pipe.on_alias(Alias("http://e.com/world/3", "http://e.com/3", "2026-01-01T00:00:00Z", '"v1"'))
    pipe.close_spider()
    assert crawler.stats is not None
    crawler.stats.set_value("response_received_count", 5)
    crawler.stats.inc_value("crawl/errors/http_404")
    pipe.on_closed("finished")
    with ArchiveStore.open(db) as store:
        assert store.count_articles() == 3
        assert store.article("http://e.com/world/3") is not None
        entry = store.frontier_entry("http://e.com/world/3")
        assert entry is not None and entry[0] == '"v1"'
        row = store.crawls()[0]
        assert (row["status"], row["pages"], row["articles_new"], row["errors"]) == ("finished", 5, 3, 1)
    with pytest.raises(NotConfigured, match="ARCHIVE_BATCH_SIZE"):
        build_from_crawler(
            StorePipeline, get_crawler(settings_dict={"ARCHIVE_DB": str(db), "ARCHIVE_BATCH_SIZE": 0})
        )


def test_store_pipeline_stops_at_the_first_failed_write_and_says_so(tmp_path: Path) -> None:
    """A full disk (SQLite's max_page_count reached: a real SQLITE_FULL) fails the batch: the
    error is counted, later batches are not attempted, and the crawl record says archive_error."""
    db = tmp_path / "a.db"
    crawler, pipe = open_store_pipeline(db, 1)
    asyncio.run(pipe.process_item(item("http://e.com/1", body=BODY + " one")))
    pipe.drain()
    assert pipe.store is not None
    pages = pipe.store.db.execute("PRAGMA page_count").fetchone()[0]
    pipe.store.db.execute(f"PRAGMA max_page_count = {pages}")
    asyncio.run(pipe.process_item(item("http://e.com/2", body=BODY * 40 + " two")))
    pipe.drain()
    assert pipe.failed
    asyncio.run(pipe.process_item(item("http://e.com/3", body=BODY + " three")))
    assert crawler.stats is not None
    assert crawler.stats.get_value("archive/write_errors") == 1
    assert crawler.stats.get_value("archive/not_written") == 2  # the failed batch, then item 3
    assert crawler.stats.get_value("archive/new") == 1
    pipe.store.db.execute(f"PRAGMA max_page_count = {pages * 100}")  # room for the crawl record
    pipe.on_closed("finished")
    with ArchiveStore.open(db) as store:
        assert store.count_articles() == 1
        assert store.crawls()[0]["status"] == "archive_error"


def test_store_pipeline_back_pressure_holds_for_concurrent_items(tmp_path: Path) -> None:
    """Scrapy runs several responses' items at once: however many arrive together, at most
    MAX_BATCHES_IN_FLIGHT batches wait for the writer, and every item is stored."""
    from pipelines.store import MAX_BATCHES_IN_FLIGHT

    db = tmp_path / "a.db"
    _crawler, pipe = open_store_pipeline(db, 1)
    assert pipe.store is not None
    save, peak = pipe.store.save_articles, 0

    def slow_save(*args: Any, **kwargs: Any) -> Any:
        nonlocal peak
        peak = max(peak, len(pipe._in_flight))
        time.sleep(0.03)  # a slow disk
        return save(*args, **kwargs)

    pipe.store.save_articles = slow_save  # type: ignore[method-assign]

    async def run() -> list[Any]:
        return await asyncio.gather(
            *(pipe.process_item(item(f"http://e.com/{n}", body=f"{BODY} {n}")) for n in range(12)))

    done = asyncio.run(run())
    pipe.drain()
    assert len(done) == 12 and 1 <= peak <= MAX_BATCHES_IN_FLIGHT
    with ArchiveStore.open(db) as store:
        assert store.count_articles() == 12


def test_a_failed_write_does_not_raise_out_of_other_items(tmp_path: Path) -> None:
    """Items already handed over come back; the failure is reported once, by the pipeline."""
    _crawler, pipe = open_store_pipeline(tmp_path / "a.db", 1)
    assert pipe.store is not None

    def failing_save(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.05)
        raise sqlite3.OperationalError("disk I/O error")

    pipe.store.save_articles = failing_save  # type: ignore[method-assign]

    async def run() -> list[Any]:
        return await asyncio.gather(
            *(pipe.process_item(item(f"http://e.com/{n}", body=f"{BODY} {n}")) for n in range(4)),
            return_exceptions=True)

    results = asyncio.run(run())
    pipe.drain()
    assert not [r for r in results if isinstance(r, BaseException)]
    assert pipe.failed


def test_frontier_middleware_skips_known_urls_and_survives_an_unreadable_frontier(
    tmp_path: Path,
) -> None:
    from scrapy import Request

    from scraper.frontier import FrontierMiddleware

    db = tmp_path / "a.db"
    crawler, pipe = open_store_pipeline(db, 1)
    asyncio.run(pipe.process_item(item("http://e.com/1", body=BODY + " one")))
    pipe.on_closed("finished")
    crawler = get_crawler(settings_dict={"ARCHIVE_DB": str(db), "FRONTIER_MODE": "new"})
    assert crawler.stats is not None
    crawler.stats.open_spider()
    mw = build_from_crawler(FrontierMiddleware, crawler)
    mw.spider_opened()
    with pytest.raises(IgnoreRequest, match="already archived"):
        mw.process_request(Request("http://e.com/1"))
    mw.process_request(Request("http://e.com/2"))  # never seen: no IgnoreRequest, fetched
    assert mw.store is not None
    mw.store.db.conn.close()  # the frontier can no longer be read
    mw.process_request(Request("http://e.com/1"))  # no IgnoreRequest: fetched as new, not lost
    assert crawler.stats.get_value("frontier/lookup_errors") == 1
    mw.spider_closed()

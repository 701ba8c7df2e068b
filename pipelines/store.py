"""Write articles to the archive in batches, one transaction each, off the reactor; keep the crawl record."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals as scrapy_signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro

from archive.store import DEFAULT_REVISIT_TIERS, Alias, ArchiveStore, SaveCounts
from scraper import signals
from scraper.fingerprint import lsh_params
from scraper.frontier import parse_tiers
from scraper.items import ArticleItem

logger = logging.getLogger(__name__)

_FROM_RECORD = {
    "title": "title", "body": "body", "authors": "authors", "language": "language",
    "section": "section", "tags": "tags", "image": "image", "description": "description",
    "published": "published", "published_utc": "published_utc", "timezone": "published_offset",
    "published_zone": "published_zone", "published_source": "published_source",
    "published_raw": "published_raw", "published_precision": "published_precision",
    "modified": "modified", "modified_utc": "modified_utc", "modified_source": "modified_source",
    "modified_raw": "modified_raw", "modified_precision": "modified_precision",
    "body_source": "body_source",
}


def item_to_record(item: ArticleItem) -> dict[str, Any]:
    """The store's record for an item: archive columns plus every URL it was seen under."""
    record = {column: item.record.get(key) for column, key in _FROM_RECORD.items()}
    record.update(
        url=item.url,
        site=item.site,
        fetched_at=item.fetched_at,
        content_hash=item.content_hash,
        body_hash=item.body_hash,
        etag=item.etag,
        last_modified=item.last_modified,
        minhash=item.minhash,
        band_keys=list(item.band_keys),
        urls=list(item.urls),
    )
    return record


MAX_BATCHES_IN_FLIGHT = 2
"""Batches handed to the writer thread and not yet committed; an item that would complete
another batch waits (back-pressure: the crawl slows to the archive's pace instead of
buffering without end)."""


@dataclass
class _Batch:
    """What one write transaction commits."""

    records: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    not_modified: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.records or self.aliases or self.not_modified)


class StorePipeline:
    """Buffers items and writes ARCHIVE_BATCH_SIZE at a time; stats ``archive/<outcome>``.

    Writes run in one writer thread, in order, one transaction per batch: SQLite does its work
    (FTS indexing, B-trees, the WAL) without the GIL while the reactor goes on downloading and
    parsing. At most MAX_BATCHES_IN_FLIGHT batches wait for their commit; a kill loses only
    those (the frontier fetches them again on the next run).
    """

    def __init__(
        self,
        crawler: Crawler,
        stats: StatsCollector,
        db_path: str,
        batch_size: int,
        crawl_id: int,
        near_threshold: float | None = None,
        revisit_tiers: tuple[int, ...] = DEFAULT_REVISIT_TIERS,
    ) -> None:
        self.crawler = crawler
        self.near_threshold = near_threshold
        self.revisit_tiers = revisit_tiers
        self.not_modified: list[tuple[str, str]] = []
        self.failed = False
        self.stats = stats
        self.db_path = db_path
        self.batch_size = batch_size
        self.crawl_id = crawl_id
        self.store: ArchiveStore | None = None
        self.pending: list[dict[str, Any]] = []
        self.aliases: list[Alias] = []
        self.totals = SaveCounts()
        self._writer: ThreadPoolExecutor | None = None
        self._in_flight: deque[tuple[Future[SaveCounts], int]] = deque()  # (commit, articles)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        db_path = settings.get("ARCHIVE_DB")
        if not db_path:
            raise NotConfigured("ARCHIVE_DB is empty: no archive to write to")
        batch_size = settings.getint("ARCHIVE_BATCH_SIZE", 50)
        if batch_size < 1:
            raise NotConfigured("ARCHIVE_BATCH_SIZE must be at least 1")
        try:
            tiers = parse_tiers(settings.get("FRONTIER_TIERS", "1h,6h,1d,7d"))
        except ValueError as exc:
            raise NotConfigured(f"FRONTIER_TIERS: {exc}") from exc
        threshold: float | None = settings.getfloat("DEDUP_NEAR_THRESHOLD", 0.6)
        try:
            lsh_params(threshold) if threshold and threshold > 0 else None
        except ValueError:
            threshold = None  # DedupPipeline reports the bad value and computes no signatures
        assert crawler.stats is not None
        pipeline = cls(
            crawler, crawler.stats, str(db_path), batch_size, settings.getint("ARCHIVE_CRAWL_ID", 0),
            near_threshold=threshold if threshold and threshold > 0 else None, revisit_tiers=tiers,
        )
        crawler.signals.connect(pipeline.on_alias, signal=signals.url_alias)
        crawler.signals.connect(pipeline.on_not_modified, signal=signals.not_modified)
        crawler.signals.connect(pipeline.on_idle, signal=scrapy_signals.spider_idle)
        crawler.signals.connect(pipeline.on_closed, signal=scrapy_signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.store = ArchiveStore.open(self.db_path)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="archive-writer")
        spider = self.crawler.spider
        site = getattr(spider, "site_name", None)
        if not self.crawl_id:
            target = ",".join(getattr(spider, "start_urls", []) or [])
            self.crawl_id = self.store.start_crawl(target, site)
        elif site:
            self.store.name_crawl_site(self.crawl_id, site)
        if self.near_threshold is not None:
            rebanded = self.store.ensure_band_layout(lsh_params(self.near_threshold))
            if rebanded:
                self.stats.set_value("archive/rebanded", rebanded)
                logger.info("Near-duplicate threshold changed: re-banded %d articles", rebanded)
        self.stats.set_value("archive/crawl_id", self.crawl_id)

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        record = item_to_record(item)
        if len(self.pending) + 1 >= self.batch_size:
            # This item completes a batch: wait for room first. Scrapy runs several responses'
            # items at once, so the check is repeated after every wait, and nothing awaits
            # between the last check and the flush below.
            while len(self._in_flight) >= MAX_BATCHES_IN_FLIGHT and not self.failed:
                waiter = asyncio.wrap_future(self._in_flight[0][0])
                await asyncio.wait([waiter])
                if not waiter.cancelled():
                    waiter.exception()  # retrieved here, reported once by _reap
                self._reap()
        self.pending.append(record)
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def on_alias(self, alias: Alias) -> None:
        self.aliases.append(alias)

    def on_not_modified(self, url: str, fetched_at: str) -> None:
        self.not_modified.append((url, fetched_at))
        if len(self.not_modified) >= self.batch_size:
            self.flush()

    def on_idle(self) -> None:
        """Commit what is buffered whenever the crawl waits: a kill then loses only what is in flight."""
        self.flush()

    def flush(self) -> None:
        """Hand what is buffered to the writer thread (it commits batches in order)."""
        self._reap()
        if self.store is None or self._writer is None:
            return
        batch = _Batch(self.pending, self.aliases, self.not_modified)
        if not batch:
            return
        self.pending, self.aliases, self.not_modified = [], [], []
        if self.failed:  # the archive refused a write: count what cannot be stored now
            self.stats.inc_value("archive/not_written", len(batch.records))
            return
        self._in_flight.append((self._writer.submit(self._write, batch), len(batch.records)))

    def drain(self) -> None:
        """Wait until every batch handed to the writer is committed (or has failed)."""
        self.flush()
        while self._in_flight:
            self._in_flight[0][0].exception()  # waits; _reap reports a failure
            self._reap()

    def _reap(self) -> None:
        """Account for committed batches, in order. A failed one stops the crawl: the error is
        logged, ``archive/write_errors`` and ``archive/not_written`` (articles) counted, the
        crawl ends ``archive_error``; articles still buffered are counted as not written too."""
        while self._in_flight and self._in_flight[0][0].done():
            done, articles = self._in_flight.popleft()
            error = done.exception()
            if error is None:
                self.totals.add(done.result())
                for name in ("new", "updated", "unchanged", "duplicates", "near"):
                    self.stats.set_value(f"archive/{name}", getattr(self.totals, name))
                continue
            self.stats.inc_value("archive/write_errors")
            self.stats.inc_value("archive/not_written", articles)
            if not self.failed:
                self.failed = True
                logger.error("Cannot write to the archive %s; stopping the crawl", self.db_path,
                             exc_info=error)
                self._stop_crawl()

    def _stop_crawl(self) -> None:
        try:
            engine = self.crawler.engine
        except RuntimeError:  # no crawl running (the pipeline used on its own)
            return
        if engine is not None and engine.running:
            deferred_from_coro(engine.close_spider_async(reason="archive_error"))

    def _write(self, batch: _Batch) -> SaveCounts:
        """One batch, one transaction per kind (in the writer thread: it touches no Scrapy
        object; _reap accounts for the result on the reactor)."""
        assert self.store is not None
        counts = SaveCounts()
        if batch.records:
            counts = self.store.save_articles(
                batch.records, crawl_id=self.crawl_id, near_threshold=self.near_threshold,
                revisit_tiers=self.revisit_tiers,
            )
        if batch.aliases:
            self.store.add_aliases(batch.aliases, revisit_tiers=self.revisit_tiers)
        if batch.not_modified:
            self.store.record_not_modified(
                batch.not_modified, crawl_id=self.crawl_id, revisit_tiers=self.revisit_tiers
            )
        return counts

    def close_spider(self) -> None:
        """Commit the last batch; the crawl record is closed on ``spider_closed`` (it has the reason)."""
        self.drain()

    def on_closed(self, reason: str) -> None:
        if self.store is None:
            return
        try:
            self.drain()
            stats = self.stats.get_stats()
            if self.failed:
                reason = "archive_error"
            status = "finished" if reason in ("finished", "closespider_itemcount") else reason
            errors = {
                key.removeprefix("crawl/errors/"): int(value)
                for key, value in stats.items()
                if key.startswith("crawl/errors/")
            }
            for key in ("extract/failed", "extract/crashed", "discovery/bad_listing"):
                if stats.get(key):
                    errors[key.replace("/", "_")] = int(stats[key])
            self.store.finish_crawl(
                self.crawl_id,
                status=status,
                pages=int(stats.get("response_received_count", 0)),
                errors=sum(errors.values()),
                error_summary=errors,
                stats={k: v for k, v in stats.items() if isinstance(v, int | float | str)},
                dropped={
                    "url": int(stats.get("dedup/dropped_url", 0)),
                    "content": int(stats.get("dedup/dropped_content", 0)),
                    "skipped_not_due": int(stats.get("frontier/skipped_not_due", 0)),
                },
            )
        finally:
            if self._writer is not None:
                self._writer.shutdown(wait=True)
                self._writer = None
            self.store.close()
            self.store = None

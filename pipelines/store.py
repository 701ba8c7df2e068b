"""Write articles to the archive in batches, one transaction each; keep the crawl record."""

from __future__ import annotations

from typing import Any

from scrapy import signals as scrapy_signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector

from archive.store import ArchiveStore, SaveCounts
from pipelines import signals
from scraper.items import ArticleItem

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
        urls=list(item.urls),
    )
    return record


class StorePipeline:
    """Buffers items and writes ARCHIVE_BATCH_SIZE at a time; stats ``archive/<outcome>``."""

    def __init__(
        self, crawler: Crawler, stats: StatsCollector, db_path: str, batch_size: int, crawl_id: int
    ) -> None:
        self.crawler = crawler
        self.stats = stats
        self.db_path = db_path
        self.batch_size = batch_size
        self.crawl_id = crawl_id
        self.store: ArchiveStore | None = None
        self.pending: list[dict[str, Any]] = []
        self.aliases: list[tuple[str, str]] = []
        self.totals = SaveCounts()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        db_path = settings.get("ARCHIVE_DB")
        if not db_path:
            raise NotConfigured("ARCHIVE_DB is empty: no archive to write to")
        batch_size = settings.getint("ARCHIVE_BATCH_SIZE", 50)
        if batch_size < 1:
            raise NotConfigured("ARCHIVE_BATCH_SIZE must be at least 1")
        assert crawler.stats is not None
        pipeline = cls(crawler, crawler.stats, str(db_path), batch_size,
                       settings.getint("ARCHIVE_CRAWL_ID", 0))
        crawler.signals.connect(pipeline.on_alias, signal=signals.url_alias)
        crawler.signals.connect(pipeline.on_idle, signal=scrapy_signals.spider_idle)
        crawler.signals.connect(pipeline.on_closed, signal=scrapy_signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.store = ArchiveStore.open(self.db_path)
        if not self.crawl_id:
            spider = self.crawler.spider
            target = ",".join(getattr(spider, "start_urls", []) or [])
            self.crawl_id = self.store.start_crawl(target, getattr(spider, "site_name", None))
        self.stats.set_value("archive/crawl_id", self.crawl_id)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        self.pending.append(item_to_record(item))
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def on_alias(self, alias: str, canonical: str) -> None:
        self.aliases.append((alias, canonical))

    def on_idle(self) -> None:
        """Commit what is buffered whenever the crawl waits: a kill then loses at most a batch."""
        self.flush()

    def flush(self) -> None:
        if self.store is None:
            return
        if self.pending:
            counts = self.store.save_articles(self.pending, crawl_id=self.crawl_id)
            self.pending = []
            self.totals.add(counts)
            for name in ("new", "updated", "unchanged", "duplicates"):
                self.stats.set_value(f"archive/{name}", getattr(self.totals, name))
        if self.aliases:
            self.store.add_aliases(self.aliases)
            self.aliases = []

    def close_spider(self) -> None:
        """Commit the last batch; the crawl record is closed on ``spider_closed`` (it has the reason)."""
        self.flush()

    def on_closed(self, reason: str) -> None:
        if self.store is None:
            return
        try:
            self.flush()
            stats = self.stats.get_stats()
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
                extra_duplicates=sum(
                    int(v) for k, v in stats.items() if k.startswith("dedup/dropped_")
                ),
            )
        finally:
            self.store.close()
            self.store = None

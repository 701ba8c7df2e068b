"""Drop second copies within a crawl (same canonical URL or same content) and report aliases."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import StatsCollector

from pipelines import signals
from scraper.items import ArticleItem


class DedupPipeline:
    """Keeps the first copy; later copies become aliases (signal ``url_alias``) and are dropped.

    Copies across crawls are resolved by the store (same URL = same article; same content
    hash on the same site = an alias).
    """

    def __init__(self, stats: StatsCollector, signal_manager: SignalManager) -> None:
        self.stats = stats
        self.signals = signal_manager
        self.by_url: set[str] = set()
        self.by_hash: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        if not crawler.settings.getbool("DEDUP_ENABLED", True):
            raise NotConfigured("DEDUP_ENABLED is off")
        assert crawler.stats is not None
        return cls(crawler.stats, crawler.signals)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if item.url in self.by_url:
            self._alias(item, item.url, "url")
        first = self.by_hash.get(item.content_hash)
        if first is not None:
            self._alias(item, first, "content")
        self.by_url.add(item.url)
        self.by_hash[item.content_hash] = item.url
        return item

    def _alias(self, item: ArticleItem, canonical: str, kind: str) -> None:
        for url in item.urls:
            if url != canonical:
                self.signals.send_catch_log(signals.url_alias, alias=url, canonical=canonical)
        self.stats.inc_value(f"dedup/dropped_{kind}")
        raise DropItem(f"duplicate ({kind}) of {canonical}: {item.fetched_url}", log_level="INFO")

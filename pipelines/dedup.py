"""Drop second copies within a crawl (same URL or same body), report aliases, sign for near copies."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import StatsCollector

from archive.store import Alias
from scraper import signals
from scraper.fingerprint import LshParams, band_keys, lsh_params, signature
from scraper.items import ArticleItem


class DedupPipeline:
    """Keeps the first copy; later copies become aliases (signal ``url_alias``) and are dropped.

    Copies across crawls are resolved by the store (same URL = same article; same normalised
    body = an alias). With DEDUP_NEAR_THRESHOLD > 0 each item also gets a MinHash signature
    and its LSH band keys, so the store can cluster near-duplicates (syndicated copies).
    """

    def __init__(
        self, stats: StatsCollector, signal_manager: SignalManager, lsh: LshParams | None
    ) -> None:
        self.stats = stats
        self.signals = signal_manager
        self.lsh = lsh
        self.by_url: set[str] = set()
        self.by_hash: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        if not crawler.settings.getbool("DEDUP_ENABLED", True):
            raise NotConfigured("DEDUP_ENABLED is off")
        threshold = crawler.settings.getfloat("DEDUP_NEAR_THRESHOLD", 0.6)
        try:
            lsh = lsh_params(threshold) if threshold > 0 else None
        except ValueError as exc:
            raise NotConfigured(f"DEDUP_NEAR_THRESHOLD: {exc}") from exc
        assert crawler.stats is not None
        return cls(crawler.stats, crawler.signals, lsh)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if item.url in self.by_url:
            self._alias(item, item.url, "url")
        key = item.body_hash or item.content_hash
        first = self.by_hash.get(key)
        if first is not None:
            self._alias(item, first, "content")
        self.by_url.add(item.url)
        self.by_hash[key] = item.url
        if self.lsh is not None and not (item.minhash and item.band_keys):
            sig = item.minhash  # the extraction worker signs and bands when it was asked to
            if sig is None:
                sig = signature(item.record.get("body") or "")
            if sig is not None:
                item.minhash = sig
                item.band_keys = band_keys(sig, self.lsh)
        return item

    def _alias(self, item: ArticleItem, canonical: str, kind: str) -> None:
        for url in item.urls:
            if url != canonical:
                fetched = url == item.fetched_url
                self.signals.send_catch_log(
                    signals.url_alias,
                    alias=Alias(
                        url, canonical,
                        fetched_at=item.fetched_at if fetched else None,
                        etag=item.etag if fetched else None,
                        last_modified=item.last_modified if fetched else None,
                    ),
                )
        self.stats.inc_value(f"dedup/dropped_{kind}")
        raise DropItem(f"duplicate ({kind}) of {canonical}: {item.fetched_url}", log_level="INFO")

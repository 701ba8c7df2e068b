"""Drop second copies within a crawl (same URL or same body), report aliases, sign for near copies."""

from __future__ import annotations

from collections import deque

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

    It remembers the last DEDUP_RECENT articles (URL and body hash); copies further apart are
    resolved by the store, as across crawls.

    Copies across crawls are resolved by the store (same URL = same article; same normalised
    body = an alias). With DEDUP_NEAR_THRESHOLD > 0 each item also gets a MinHash signature
    and its LSH band keys, so the store can cluster near-duplicates (syndicated copies).
    """

    def __init__(
        self, stats: StatsCollector, signal_manager: SignalManager, lsh: LshParams | None,
        recent: int = 20_000,
    ) -> None:
        self.stats = stats
        self.signals = signal_manager
        self.lsh = lsh
        self.recent = recent
        self.by_url: set[str] = set()
        self.by_hash: dict[str, str] = {}
        self._order: deque[tuple[str, str]] = deque()  # (url, hash key), oldest first

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        if not crawler.settings.getbool("DEDUP_ENABLED", True):
            raise NotConfigured("DEDUP_ENABLED is off")
        threshold = crawler.settings.getfloat("DEDUP_NEAR_THRESHOLD", 0.6)
        try:
            lsh = lsh_params(threshold) if threshold > 0 else None
        except ValueError as exc:
            raise NotConfigured(f"DEDUP_NEAR_THRESHOLD: {exc}") from exc
        recent = crawler.settings.getint("DEDUP_RECENT", 20_000)
        if recent < 1:
            raise NotConfigured(f"DEDUP_RECENT must be at least 1, not {recent}")
        assert crawler.stats is not None
        return cls(crawler.stats, crawler.signals, lsh, recent)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if item.url in self.by_url:
            self._alias(item, item.url, "url")
        key = item.body_hash or item.content_hash
        first = self.by_hash.get(key)
        if first is not None:
            self._alias(item, first, "content")
        self._remember(item.url, key)
        if self.lsh is not None and not (item.minhash and item.band_keys):
            sig = item.minhash  # the extraction worker signs and bands when it was asked to
            if sig is None:
                sig = signature(item.record.get("body") or "")
            if sig is not None:
                item.minhash = sig
                item.band_keys = band_keys(sig, self.lsh)
        return item

    def _remember(self, url: str, key: str) -> None:
        """Keep the last ``recent`` articles' URL and body hash: memory stays flat over a long
        crawl. An older copy is caught by the store instead (same URL: the same article; same
        body on the same site: an alias), counted there as a duplicate."""
        self.by_url.add(url)
        self.by_hash[key] = url
        self._order.append((url, key))
        while len(self._order) > self.recent:
            old_url, old_key = self._order.popleft()
            self.by_url.discard(old_url)
            if self.by_hash.get(old_key) == old_url:
                del self.by_hash[old_key]

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

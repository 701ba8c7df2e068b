"""Drop items that are not usable articles (no title, too little body) with a counted reason."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector

from scraper.items import ArticleItem


class ValidatePipeline:
    """Checks title and body length; stats ``validate/dropped_<reason>``."""

    def __init__(self, stats: StatsCollector, min_words: int) -> None:
        self.stats = stats
        self.min_words = min_words

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        min_words = crawler.settings.getint("VALIDATE_MIN_WORDS", 30)
        if min_words < 0:
            raise NotConfigured("VALIDATE_MIN_WORDS must be >= 0")
        assert crawler.stats is not None
        return cls(crawler.stats, min_words)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        record = item.record
        if not (record.get("title") or "").strip():
            self._drop("no_title", item)
        # counted as far as the minimum: a body is read once more here, on the reactor
        words = len((record.get("body") or "").split(maxsplit=self.min_words))
        if words < self.min_words:
            self._drop("short_body", item, f"{words} words < {self.min_words}")
        return item

    def _drop(self, reason: str, item: ArticleItem, detail: str = "") -> None:
        self.stats.inc_value(f"validate/dropped_{reason}")
        raise DropItem(f"{reason.replace('_', ' ')} {detail}: {item.fetched_url}".strip())

"""Give each item its canonical URL: same-site rel=canonical / og:url, minus tracking noise."""

from __future__ import annotations

from collections.abc import Sequence

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from scraper.items import ArticleItem
from scraper.urls import (
    DEFAULT_TRACKING_PARAMS,
    canonicalize_url,
    same_site,
    strip_variants,
    strip_www,
)


class CanonicalUrlPipeline:
    """Sets ``item.url``; records the fetched URL among ``item.urls``.

    The page's declared canonical URL is trusted only on the same site (a syndicated copy
    pointing at the original publisher stays an article of this site). Without one, AMP and
    print variants are folded into the plain URL; CANONICAL_STRIP_WWW drops a ``www.``.
    """

    def __init__(self, stats: StatsCollector, tracking: Sequence[str], no_www: bool = False) -> None:
        self.stats = stats
        self.tracking = tuple(tracking)
        self.no_www = no_www

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CanonicalUrlPipeline:
        extra = crawler.settings.getlist("CANONICAL_TRACKING_PARAMS")
        assert crawler.stats is not None
        return cls(
            crawler.stats,
            (*DEFAULT_TRACKING_PARAMS, *extra),
            crawler.settings.getbool("CANONICAL_STRIP_WWW", False),
        )

    def process_item(self, item: ArticleItem) -> ArticleItem:
        fetched = canonicalize_url(item.fetched_url, self.tracking)
        declared = item.canonical_hint
        if declared and declared.startswith(("http://", "https://")) and same_site(declared, fetched):
            item.url = canonicalize_url(declared, self.tracking)
            if item.url != fetched:
                self.stats.inc_value("canonical/declared")
        else:
            item.url = strip_variants(fetched)
            if declared:
                self.stats.inc_value("canonical/offsite_ignored")
        if self.no_www:
            item.url = strip_www(item.url)
        item.urls = list(dict.fromkeys([item.url, item.fetched_url, *item.urls]))
        return item

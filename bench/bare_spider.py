"""The crawl ceiling for bench/crawl.py: a bare Scrapy spider that fetches every sitemap URL and discards it.

Run by bench/crawl.py as its own ``scrapy runspider`` subprocess::

    python -m scrapy runspider bench/bare_spider.py -a url=http://127.42.0.1/ \\
        -s AUTOTHROTTLE_ENABLED=0 -s CONCURRENT_REQUESTS=16 -s CONCURRENT_REQUESTS_PER_DOMAIN=8

It discovers pages the way the news spider does with ``follow_links=0`` (robots.txt ->
sitemap index -> sitemaps -> page URLs) and does nothing with the bodies: no parsing, no
items, no pipelines. Its rate is what Scrapy itself manages against the portal on this
machine; ``bare/pages`` in its stats counts the pages it received and ``bare/articles`` those
listed in ``-a truth=FILE`` (one URL a line: the portal's articles).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from scrapy.http import Response
from scrapy.spiders import SitemapSpider


class BareSpider(SitemapSpider):
    """Fetch every URL the site's sitemaps list; keep nothing."""

    name = "bare"

    def __init__(self, url: str = "", truth: str = "", **kwargs: Any) -> None:
        if not url:
            raise ValueError("the bare spider needs -a url=START_URL")
        self.sitemap_urls = [urljoin(url, "/robots.txt")]
        self.truth = set(Path(truth).read_text("utf-8").split()) if truth else set()
        super().__init__(**kwargs)

    def parse(self, response: Response) -> Iterator[Any]:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("bare/pages")
        stats.inc_value("bare/bytes", len(response.body))
        if response.url in self.truth:
            stats.inc_value("bare/articles")
        return iter(())

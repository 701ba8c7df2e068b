"""Spider callbacks on hand-built responses: discovery requests, items, error accounting."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from scrapy import Request, signals
from scrapy.http import HtmlResponse, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from scraper.items import ArticleItem
from scraper.spiders.news import NewsSpider


def collect(results: AsyncIterator[Any]) -> list[Any]:
    async def run() -> list[Any]:
        return [r async for r in results]

    return asyncio.run(run())


def make_spider(**kwargs: str) -> NewsSpider:
    crawler = get_crawler(NewsSpider, settings_dict={"EXTRACT_WORKERS": 0})
    spider = NewsSpider.from_crawler(crawler, url="http://news.test/", **kwargs)
    assert crawler.stats is not None
    crawler.stats.open_spider()
    return spider


def test_robots_sitemaps_are_followed() -> None:
    spider = make_spider()
    response = TextResponse(
        "http://news.test/robots.txt",
        body=b"User-agent: *\nDisallow: /search\nSitemap: http://news.test/sitemap_index.xml\n",
    )
    requests = list(spider.parse_robots(response))
    assert [r.url for r in requests] == ["http://news.test/sitemap_index.xml"]


def test_sitemap_entries_become_article_requests_with_hints() -> None:
    spider = make_spider()
    body = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        b"<url><loc>http://news.test/a.html?utm_source=x</loc><news:news>"
        b"<news:publication_date>2021-07-22T16:25:00+04:00</news:publication_date></news:news></url>"
        b"<url><loc>http://elsewhere.test/b.html</loc></url></urlset>"
    )
    requests = list(spider.parse_listing(XmlResponse("http://news.test/s.xml", body=body)))
    assert len(requests) == 1
    request = requests[0]
    assert isinstance(request, Request)
    assert request.url == "http://news.test/a.html"
    assert request.cb_kwargs["via"] == "sitemap"
    hint = request.cb_kwargs["hints"][0]
    assert (hint.value, hint.source, hint.role) == ("2021-07-22T16:25:00+04:00", "sitemap", "published")


def test_bad_sitemap_is_counted_not_fatal() -> None:
    spider = make_spider()
    assert list(spider.parse_listing(XmlResponse("http://news.test/s.xml", body=b"<html/>"))) == []
    assert spider.crawler.stats is not None
    assert spider.crawler.stats.get_value("discovery/bad_listing") == 1


def test_article_page_yields_item_and_follows_links(fixtures: Path) -> None:
    spider = make_spider()
    body = (fixtures / "seed_article.html").read_bytes()
    response = HtmlResponse("http://news.test/news/harbour", body=body,
                            headers={"Content-Type": "text/html; charset=utf-8"})
    out = collect(spider.parse_page(response, via="sitemap"))
    items = [o for o in out if isinstance(o, ArticleItem)]
    assert len(items) == 1
    record = items[0].record
    assert record["title"] == "Harbour authority approves the northern breakwater plan"
    assert record["body"].startswith("The harbour authority voted on Thursday")
    assert "See more" not in record["body"]
    assert items[0].canonical_hint == "https://coastline.example/news/harbour-breakwater-plan"
    followed = {o.url for o in out if isinstance(o, Request)}
    assert "http://news.test/news/a" in followed
    assert "http://news.test/latest" in followed


def test_non_html_and_binary_pages_are_skipped() -> None:
    spider = make_spider()
    pdf = HtmlResponse("http://news.test/x.html", body=b"%PDF-1.4 binary",
                       headers={"Content-Type": "text/html"})
    assert collect(spider.parse_page(pdf)) == []
    assert spider.crawler.stats is not None
    assert spider.crawler.stats.get_value("extract/failed") == 1


def test_article_pattern_limits_items(fixtures: Path) -> None:
    spider = make_spider(article_pattern=r"/\d{4}/\d{2}/")
    body = (fixtures / "seed_article.html").read_bytes()
    response = HtmlResponse("http://news.test/news/harbour", body=body)
    assert not [o for o in collect(spider.parse_page(response)) if isinstance(o, ArticleItem)]


def test_extraction_runs_in_worker_processes(fixtures: Path) -> None:
    """With EXTRACT_WORKERS=2 the page is analysed in another process, with the same result."""
    import os

    from scraper.workers import ExtractorPool

    body = (fixtures / "seed_article.html").read_bytes()
    pool = ExtractorPool(2, timeout=60)

    async def run() -> tuple[Any, Any]:
        inline = await ExtractorPool(0, 60).analyse(body, "http://news.test/a", None,
                                                    "2024-09-09T08:00:00Z", None)
        remote = await pool.analyse(body, "http://news.test/a", None, "2024-09-09T08:00:00Z", None)
        return (inline, remote), pool.pids()

    try:
        (inline, remote), pid = asyncio.run(run())
    finally:
        pool.close()
    assert pid and os.getpid() not in pid
    assert remote.article is not None and inline.article is not None
    assert remote.article.to_dict() == inline.article.to_dict()
    assert remote.links == inline.links


def test_workers_start_when_the_spider_is_built_inside_the_event_loop() -> None:
    """`scrapy crawl` builds the spider inside the running loop: the workers start right then,
    so they import the extraction code while the engine sets up. Built outside a loop (as
    CrawlerProcess does before the reactor runs), nothing starts until the first request."""
    outside = NewsSpider.from_crawler(
        get_crawler(NewsSpider, settings_dict={"EXTRACT_WORKERS": 1}), url="http://news.test/"
    )
    assert outside.pool.pids() == []

    async def build() -> list[int]:
        crawler = get_crawler(NewsSpider, settings_dict={"EXTRACT_WORKERS": 1})
        spider = NewsSpider.from_crawler(crawler, url="http://news.test/")
        try:
            return spider.pool.pids()
        finally:
            spider.pool.close()

    pids = asyncio.run(build())
    assert len(pids) == 1


def test_workers_of_a_crawl_that_never_opened_the_spider_stop_with_its_task() -> None:
    """A crawl that fails after building the spider (a bad setting, a component that cannot
    load) never sends spider_closed: the end of the task that built the spider stops the
    workers. A spider the engine opened keeps them (spider_closed stops those)."""
    import multiprocessing

    def spider_in_task(opened: bool) -> NewsSpider:
        async def build() -> NewsSpider:
            crawler = get_crawler(NewsSpider, settings_dict={"EXTRACT_WORKERS": 1})
            spider = NewsSpider.from_crawler(crawler, url="http://news.test/")
            assert len(spider.pool.pids()) == 1
            if opened:
                crawler.signals.send_catch_log(signals.spider_opened, spider=spider)
            return spider

        async def run() -> NewsSpider:
            spider = await asyncio.create_task(build())
            await asyncio.sleep(0)  # the task's done callbacks run
            return spider

        return asyncio.run(run())

    failed = spider_in_task(opened=False)
    assert failed.pool.pids() == []
    assert multiprocessing.active_children() == []

    opened = spider_in_task(opened=True)
    try:
        assert len(opened.pool.pids()) == 1
    finally:
        opened.pool.close()
    assert multiprocessing.active_children() == []

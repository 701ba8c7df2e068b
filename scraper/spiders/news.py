"""The news spider: robots.txt -> sitemaps / feeds / section links -> article pages."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.discovery import DiscoveryError, Entry, parse_listing, rfc822_to_iso, robots_sitemaps
from scraper.extract import DateHint, check_timezone
from scraper.fingerprint import lsh_params
from scraper.guard import Refused
from scraper.items import ArticleItem
from scraper.signals import not_modified as not_modified_signal
from scraper.sites import SiteProfile, load_sites
from scraper.urls import DEFAULT_TRACKING_PARAMS, canonicalize_url, looks_like_page
from scraper.workers import ExtractorPool, PageTimeout

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_XML_TYPES = re.compile(rb"xml|rss|atom", re.IGNORECASE)


def _current_task() -> asyncio.Task[Any] | None:
    """The asyncio task this runs in, if any (no running loop: None)."""
    try:
        return asyncio.current_task()
    except RuntimeError:
        return None


def _utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())  # (datetime's is 3x slower)


class NewsSpider(Spider):
    """Crawl one news site: discover articles through robots.txt sitemaps, feeds and links.

    Arguments (``-a``): ``url`` (start URL) or ``site`` (a name from sites.toml, read from the
    SITES_CONFIG setting); ``timezone`` (IANA, the site's default zone); ``article_pattern``
    (regex an article URL must match); ``follow_links`` (``0`` to use sitemaps and feeds only).
    """

    name = "news"

    def __init__(
        self,
        url: str | None = None,
        site: str | None = None,
        timezone: str | None = None,
        article_pattern: str | None = None,
        follow_links: str = "1",
        profile: SiteProfile | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if profile is None:
            if not url:
                raise ValueError("the news spider needs -a url=START_URL or -a site=NAME")
            profile = SiteProfile(name=site or _site_name(url), start_urls=(url,))
        self.profile = profile
        self.site_name = profile.name
        self.start_urls = list(profile.start_urls)
        self.allowed_domains = list(profile.allowed_domains) or sorted(
            {_host(u) for u in self.start_urls}
        )
        self.timezone = check_timezone(timezone or profile.timezone)
        pattern = article_pattern or profile.article_pattern
        self.article_re = re.compile(pattern) if pattern else None
        self.follow_links = str(follow_links).lower() not in ("0", "false", "no")
        self.tracking = (*DEFAULT_TRACKING_PARAMS, *profile.tracking_params)
        self._sitemaps_seen: set[str] = set()
        self.pool = ExtractorPool(0, 30.0)  # replaced in from_crawler from the settings
        self.was_opened = False  # the engine opened this spider (spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        site = kwargs.get("site")
        if site and not kwargs.get("url"):
            config = load_sites(crawler.settings.get("SITES_CONFIG", "sites.toml"))
            kwargs["profile"] = config.get(site)
        spider = super().from_crawler(crawler, *args, **kwargs)
        assert isinstance(spider, NewsSpider)
        settings = crawler.settings
        workers = settings.getint("EXTRACT_WORKERS", -1)
        threshold = settings.getfloat("DEDUP_NEAR_THRESHOLD", 0.6)
        lsh = None
        if settings.getbool("DEDUP_ENABLED", True) and threshold > 0:
            with contextlib.suppress(ValueError):  # DedupPipeline reports a bad threshold
                lsh = lsh_params(threshold)
        spider.pool = ExtractorPool(
            ExtractorPool.default_workers() if workers < 0 else workers,
            settings.getfloat("EXTRACT_TIMEOUT", 30.0),
            lsh=lsh,  # the worker signs each article and bands it: DedupPipeline needn't, on the reactor
        )
        crawler.signals.connect(spider.pool.close, signal=signals.spider_closed)
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        task = _current_task()
        if task is not None:
            # `scrapy crawl` builds the spider inside the task that runs the whole crawl: the
            # workers can import the extraction code now, while the engine loads its
            # middlewares and the pipelines open the archive (a quarter second), instead of
            # after. Should the crawl fail before the engine opens the spider (a bad setting, a
            # component that cannot load), spider_closed never comes: the task's end stops
            # them. Outside a task (CrawlerProcess before the reactor runs) start() below does it.
            spider.pool.start()
            task.add_done_callback(spider._close_unopened_pool)
        return spider

    def _opened(self) -> None:
        self.was_opened = True

    def _close_unopened_pool(self, _task: asyncio.Task[Any]) -> None:
        """Stop the workers of a spider the engine never opened (its crawl failed to start).

        Harmless if the task ends while the crawl still runs: before the spider opens no page
        is in the pool, and start() spawns the workers again."""
        if not self.was_opened:
            self.pool.close()

    # -- discovery ---------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        self.pool.start()  # the workers load while robots.txt and the sitemaps download
        roots: list[str] = []
        for url in self.start_urls:
            parts = urlsplit(url)
            root = f"{parts.scheme}://{parts.netloc}/"
            if root not in roots:
                roots.append(root)
                yield self._request(urljoin(root, "/robots.txt"), self.parse_robots, priority=10)
            yield self._request(url, self.parse_page, via="start", priority=5)

    def _request(
        self,
        url: str,
        callback: Any,
        *,
        via: str | None = None,
        hints: Iterable[DateHint] = (),
        priority: int = 0,
    ) -> Request:
        cb_kwargs: dict[str, Any] = {}
        if via is not None:
            cb_kwargs = {"via": via, "hints": tuple(hints)}
        return Request(
            url, callback=callback, errback=self.on_error, cb_kwargs=cb_kwargs, priority=priority
        )

    def parse_robots(self, response: Response) -> Iterator[Request]:
        text = response.text if isinstance(response, TextResponse) else ""
        sitemaps = robots_sitemaps(text)
        if not sitemaps:
            sitemaps = [urljoin(response.url, "/sitemap.xml")]
        for url in sitemaps:
            if url not in self._sitemaps_seen:
                self._sitemaps_seen.add(url)
                yield self._request(url, self.parse_listing, priority=8)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        """A sitemap (index, urlset, Google News) or a feed."""
        stats = self.crawler.stats
        assert stats is not None
        try:
            listing = parse_listing(response.body)
        except DiscoveryError as exc:
            stats.inc_value("discovery/bad_listing")
            self.logger.warning("Skipping unreadable sitemap or feed %s: %s", response.url, exc)
            return
        stats.inc_value(f"discovery/{listing.kind}")
        if listing.kind == "sitemapindex":
            # The index's sitemaps come after the pages already queued: the scheduler then holds
            # a few sitemaps' URLs at a time, not the whole site's (100k queued requests ~ 400 MB).
            for entry in listing.entries:
                if entry.url not in self._sitemaps_seen and self._allowed(entry.url):
                    self._sitemaps_seen.add(entry.url)
                    yield self._request(entry.url, self.parse_listing, priority=-10)
            return
        if listing.truncated:
            stats.inc_value("discovery/truncated")
            self.logger.warning("%s lists more than %d URLs: the rest is ignored",
                                response.url, len(listing.entries))
        via = "sitemap" if listing.kind == "urlset" else "feed"
        for entry in listing.entries:
            url = self._canonical(entry.url)
            if url and self._allowed(url) and looks_like_page(url):
                stats.inc_value(f"discovery/{via}_urls")
                yield self._request(url, self.parse_page, via=via, hints=_hints(entry, via))

    # -- pages -------------------------------------------------------------------------------
    async def parse_page(
        self, response: Response, via: str = "link", hints: tuple[DateHint, ...] = ()
    ) -> AsyncIterator[Request | ArticleItem]:
        stats = self.crawler.stats
        assert stats is not None
        if response.status == 304:
            self.crawler.signals.send_catch_log(
                not_modified_signal, url=response.url, fetched_at=_utc_now()
            )
            return
        content_type = response.headers.get(b"Content-Type", b"") or b""
        if not isinstance(response, TextResponse) or (
            _XML_TYPES.search(content_type) and b"html" not in content_type
        ):
            stats.inc_value("pages/not_html")
            self.logger.info("Not an HTML page, skipped: %s (%s)", response.url, content_type)
            return
        try:
            result = await self.pool.analyse(
                response.body, response.url, content_type.decode("latin-1"), _utc_now(),
                self.timezone, hints, links=self.follow_links or via == "start",
            )
        except PageTimeout as exc:
            stats.inc_value("extract/timeout")
            self.logger.warning("Skipped %s: %s", response.url, exc)
            return
        stats.inc_value("extract/milliseconds", int(result.seconds * 1000))
        if result.error is not None:
            kind = "crashed" if result.error.startswith("extraction crashed") else "failed"
            stats.inc_value(f"extract/{kind}")
            self.logger.warning("Cannot extract %s: %s", response.url, result.error)
            return
        article = result.article
        assert article is not None
        stats.inc_value("pages/html")
        if self._is_article(response.url, article.is_article, article.canonical_url):
            stats.inc_value("extract/articles")
            yield ArticleItem.from_article(
                article, fetched_url=response.url, site=self.site_name, fetched_at=_utc_now(),
                via=via, etag=_header(response, b"ETag"),
                last_modified=_header(response, b"Last-Modified"), hashes=result.fingerprints,
                band_keys=result.band_keys,
            )
        if self.follow_links or via == "start":
            for request in self._follow(result.links):
                yield request
            for feed in result.feeds:
                if feed not in self._sitemaps_seen and self._allowed(feed):
                    self._sitemaps_seen.add(feed)
                    yield self._request(feed, self.parse_listing, priority=8)

    def _is_article(self, url: str, looks_like: bool, canonical: str | None) -> bool:
        if self.article_re is None:
            return looks_like
        return bool(self.article_re.search(url) or (canonical and self.article_re.search(canonical)))

    def _follow(self, links: list[str]) -> Iterator[Request]:
        seen: set[str] = set()
        for link in links:
            url = self._canonical(link)
            if not url or url in seen or not looks_like_page(url) or not self._allowed(url):
                continue
            seen.add(url)
            yield self._request(url, self.parse_page, via="link")

    def _canonical(self, url: str) -> str | None:
        """The canonical form of a discovered URL; None (counted) when it cannot be parsed."""
        try:
            return canonicalize_url(url, self.tracking)
        except ValueError:
            stats = self.crawler.stats
            assert stats is not None
            stats.inc_value("discovery/bad_url")
            self.logger.debug("Ignored an unparseable URL: %r", url[:200])
            return None

    def _allowed(self, url: str) -> bool:
        host = _host(url)
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    # -- failures ----------------------------------------------------------------------------
    def on_error(self, failure: Failure) -> None:
        """Count and log every request that did not give a response, with a reason a person reads."""
        stats = self.crawler.stats
        assert stats is not None
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        if failure.check(Refused):
            assert isinstance(failure.value, Refused)
            kind, reason = failure.value.kind, failure.value.reason
        elif failure.check(IgnoreRequest) and not failure.check(HttpError):
            message = failure.getErrorMessage()
            stats.inc_value("crawl/ignored")
            if "DOWNLOAD_MAXSIZE" in message:  # a compressed body inflating past the cap
                kind, reason = "too_large", f"inflates past DOWNLOAD_MAXSIZE (gzip bomb?): {message}"
            else:
                level = logging.INFO if "robots.txt" in message else logging.DEBUG
                self.logger.log(level, "Skipped %s: %s", url, message)
                return
        elif failure.check(HttpError):
            assert isinstance(failure.value, HttpError)
            status = failure.value.response.status
            kind = f"http_{status}"
            reason = f"HTTP {status}"
            retries = request.meta.get("retry_times", 0) if request is not None else 0
            if retries:
                reason += f" (given up after {retries} retries)"
        elif failure.check(DownloadCancelledError):
            limit = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
            kind, reason = "too_large", f"body larger than DOWNLOAD_MAXSIZE ({limit} bytes): cancelled"
        else:
            kind = failure.type.__name__ if failure.type else "error"
            reason = _REASONS.get(kind) or failure.getErrorMessage() or kind
            retries = request.meta.get("retry_times", 0) if request is not None else 0
            if retries:
                reason += f" (given up after {retries} retries)"
        stats.inc_value("crawl/errors")
        stats.inc_value(f"crawl/errors/{kind}")
        self.logger.warning("Failed to fetch %s: %s", url, reason)


_REASONS = {
    "DownloadFailedError": "the server reset or closed the connection before a complete answer",
    "ResponseDataLossError": "the server closed the connection before the whole body it announced",
    "DownloadConnectionRefusedError": "connection refused (nothing listens there)",
    "CannotResolveHostError": "the host name does not resolve (DNS)",
}
"""Plain-language reasons for download failures whose own messages are for programmers."""


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1").strip() if value else None


def _site_name(url: str) -> str:
    """A site crawled by URL is named by its host, with the port when it is not the default."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return f"{host}:{parts.port}" if parts.port and parts.port not in (80, 443) else host


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _hints(entry: Entry, via: str) -> list[DateHint]:
    source = "sitemap" if via == "sitemap" else "feed"
    hints: list[DateHint] = []
    for value, role in ((entry.published, "published"), (entry.modified, "modified")):
        if not value:
            continue
        if source == "feed" and not value[:4].isdigit():
            value = rfc822_to_iso(value) or value
        hints.append(DateHint(value=value, source=source, role=role))  # type: ignore[arg-type]
    return hints

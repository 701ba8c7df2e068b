"""Incremental recrawls: skip known article URLs until due, revisit them with conditional requests."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector

from archive.store import ArchiveStore, StoreError
from scraper.sites import parse_every

logger = logging.getLogger(__name__)

MODES = ("due", "all", "new")
"""due: revisit known articles when their backoff tier says so; all: revisit every known
article now; new: fetch only URLs the archive has never seen (``crawl --only-new``)."""


def parse_tiers(value: str | Sequence[str]) -> tuple[int, ...]:
    """'1h,6h,1d,7d' -> (3600, 21600, 86400, 604800)."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    tiers = tuple(parse_every(p) for p in parts if p.strip())
    if not tiers:
        raise ValueError("FRONTIER_TIERS needs at least one interval")
    return tiers


class FrontierMiddleware:
    """Downloader middleware over the archive's frontier table.

    Each article request is looked up by URL (a primary-key read on the middleware's own
    connection; WAL lets it read while the store pipeline writes), so memory does not grow
    with the archive. Only URLs known when the crawl opened count: one first seen during
    this crawl (after its first second) is never skipped by it.

    Stats: ``frontier/conditional`` (revisits sent with validators), ``frontier/skipped_not_due``,
    ``frontier/skipped_known`` (mode new). Non-article pages are never in the frontier, so home,
    section, feed and sitemap pages are always fetched.
    """

    def __init__(self, stats: StatsCollector, db_path: str, mode: str) -> None:
        self.stats = stats
        self.db_path = db_path
        self.mode = mode
        self.store: ArchiveStore | None = None
        self.opened_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierMiddleware:
        settings = crawler.settings
        if not settings.getbool("FRONTIER_ENABLED", True):
            raise NotConfigured("FRONTIER_ENABLED is off")
        mode = settings.get("FRONTIER_MODE", "due")
        if mode not in MODES:
            raise NotConfigured(f"FRONTIER_MODE must be one of {', '.join(MODES)}, not {mode!r}")
        db_path = settings.get("ARCHIVE_DB")
        if not db_path:
            raise NotConfigured("ARCHIVE_DB is empty: no frontier to read")
        assert crawler.stats is not None
        middleware = cls(crawler.stats, str(db_path), mode)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        self.opened_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            self.store = ArchiveStore.open(self.db_path)
            known = self.store.count_frontier()
        except StoreError:
            self.store, known = None, 0
        self.stats.set_value("frontier/known_urls", known)

    def spider_closed(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_request(self, request: Request) -> None:
        if self.store is None or request.meta.get("frontier") is False:
            return
        try:
            entry = self.store.frontier_entry(request.url, known_before=self.opened_at)
        except sqlite3.Error as exc:  # an unreadable frontier must not cost the page
            self.stats.inc_value("frontier/lookup_errors")
            logger.warning("Cannot read the frontier for %s (%s): fetched as new", request.url, exc)
            return
        if entry is None:
            return
        etag, last_modified, next_due = entry
        if self.mode == "new":
            self.stats.inc_value("frontier/skipped_known")
            raise IgnoreRequest(f"already archived (--only-new): {request.url}")
        if self.mode == "due" and (next_due is None or next_due > self.opened_at):
            self.stats.inc_value("frontier/skipped_not_due")
            raise IgnoreRequest(f"not due for a revisit until {next_due or 'never'}: {request.url}")
        if etag:
            request.headers.setdefault(b"If-None-Match", etag.encode("latin-1", "replace"))
        if last_modified:
            request.headers.setdefault(b"If-Modified-Since", last_modified.encode("latin-1", "replace"))
        if etag or last_modified:
            statuses = list(request.meta.get("handle_httpstatus_list", []))
            request.meta["handle_httpstatus_list"] = [*statuses, 304]
            self.stats.inc_value("frontier/conditional")

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status == 304:
            self.stats.inc_value("frontier/not_modified")
        return response

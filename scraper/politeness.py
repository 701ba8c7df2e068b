"""Do what a site asks, within limits: wait out Retry-After on 429/503, keep robots.txt Crawl-delay.

Scrapy retries 429 and 503 at once and ignores Crawl-delay. This downloader middleware sits just
before RetryMiddleware: a 429/503 with a ``Retry-After`` up to POLITE_RETRY_AFTER_MAX seconds is
waited out before the retry (the retry budget, RETRY_TIMES, is Scrapy's); a longer one skips the
URL at once (``crawl/errors/retry_after_too_long``). A robots.txt ``Crawl-delay`` becomes the
host's minimum download delay (capped at POLITE_CRAWL_DELAY_MAX; AutoThrottle cannot go below it).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from protego import Protego
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector

from scraper.guard import Refused

logger = logging.getLogger(__name__)

RETRY_AFTER_STATUSES = frozenset({429, 503})


def parse_retry_after(value: str, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or an HTTP date); None if unreadable."""
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class PolitenessMiddleware:
    """Retry-After and Crawl-delay; stats ``polite/retry_after_waits``, ``polite/crawl_delay``."""

    def __init__(
        self, crawler: Crawler, stats: StatsCollector, retry_after_max: float,
        crawl_delay_max: float, retry_times: int, user_agent: str,
    ) -> None:
        self.crawler = crawler
        self.stats = stats
        self.retry_after_max = retry_after_max
        self.crawl_delay_max = crawl_delay_max
        self.retry_times = retry_times
        self.user_agent = user_agent
        self.floors: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessMiddleware:
        settings = crawler.settings
        if not settings.getbool("POLITE_ENABLED", True):
            raise NotConfigured("POLITE_ENABLED is off")
        retry_after_max = settings.getfloat("POLITE_RETRY_AFTER_MAX", 60.0)
        crawl_delay_max = settings.getfloat("POLITE_CRAWL_DELAY_MAX", 30.0)
        if retry_after_max < 0 or crawl_delay_max < 0:
            raise NotConfigured("POLITE_RETRY_AFTER_MAX and POLITE_CRAWL_DELAY_MAX must be >= 0")
        assert crawler.stats is not None
        return cls(
            crawler, crawler.stats, retry_after_max, crawl_delay_max,
            settings.getint("RETRY_TIMES", 2), str(settings.get("USER_AGENT") or "*"),
        )

    async def process_response(self, request: Request, response: Response) -> Response:
        if response.status in RETRY_AFTER_STATUSES and response.headers.get(b"Retry-After"):
            await self._retry_after(request, response)
        elif response.status == 200 and urlsplit(request.url).path == "/robots.txt":
            self._crawl_delay(request, response)
        self._keep_floor(request)
        return response

    async def _retry_after(self, request: Request, response: Response) -> None:
        raw = (response.headers.get(b"Retry-After") or b"").decode("latin-1")
        delay = parse_retry_after(raw)
        if delay is None or request.meta.get("dont_retry"):
            return
        if delay > self.retry_after_max:
            self.stats.inc_value("polite/retry_after_too_long")
            raise Refused(
                "retry_after_too_long",
                f"HTTP {response.status} asks to come back in {delay:g}s (Retry-After: {raw}), more "
                f"than POLITE_RETRY_AFTER_MAX={self.retry_after_max:g}s: skipped",
            )
        if request.meta.get("retry_times", 0) >= self.retry_times:
            return  # no retry left: waiting would only delay the give-up
        self.stats.inc_value("polite/retry_after_waits")
        logger.info("HTTP %s for %s: waiting %gs (Retry-After) before retrying",
                    response.status, request.url, delay)
        await asyncio.sleep(delay)

    def _slot(self, request: Request) -> tuple[str, object | None]:
        engine = self.crawler.engine
        if engine is None:
            return "", None
        downloader = engine.downloader
        key = downloader.get_slot_key(request)
        return key, downloader.slots.get(key)

    def _crawl_delay(self, request: Request, response: Response) -> None:
        try:
            text = response.body.decode("utf-8", "replace")
            delay = Protego.parse(text).crawl_delay(self.user_agent)
        except Exception:  # an unparseable robots.txt has no Crawl-delay for us
            return
        if not delay or delay <= 0:
            return
        applied = min(float(delay), self.crawl_delay_max)
        key, _slot = self._slot(request)
        if not key or self.floors.get(key) == applied:
            return
        self.floors[key] = applied
        self.stats.set_value("polite/crawl_delay", applied)
        logger.info("robots.txt of %s asks for Crawl-delay: %g; using %gs between requests",
                    key, delay, applied)

    def _keep_floor(self, request: Request) -> None:
        if not self.floors:
            return
        key, slot = self._slot(request)
        floor = self.floors.get(key)
        if floor is not None and slot is not None and getattr(slot, "delay", floor) < floor:
            slot.delay = floor  # type: ignore[attr-defined]
            if hasattr(slot, "jitter"):
                slot.jitter = 0.0  # Crawl-delay is a minimum, not an average

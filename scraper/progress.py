"""Progress lines for the parent process: JSON on stdout every few seconds and at the end."""

from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

PREFIX = "@@newsarchive "
"""Every progress line starts with this, so the parent can tell them from anything else."""


def progress_snapshot(stats: dict[str, Any], elapsed: float) -> dict[str, Any]:
    """The counters a person watching a crawl cares about."""
    pages = int(stats.get("response_received_count", 0))
    return {
        "pages": pages,
        "articles": int(stats.get("item_scraped_count", 0)),
        "new": int(stats.get("archive/new", 0)),
        "errors": int(stats.get("crawl/errors", 0))
        + int(stats.get("extract/failed", 0))
        + int(stats.get("extract/crashed", 0)),
        "rate": round(pages / elapsed, 1) if elapsed > 0 else 0.0,
        "elapsed": round(elapsed, 1),
    }


class ProgressExtension:
    """Writes ``@@newsarchive {json}`` lines; enabled by PROGRESS_ENABLED (the CLI sets it)."""

    def __init__(self, stats: StatsCollector, interval: float, out: TextIO) -> None:
        self.stats = stats
        self.interval = interval
        self.out = out
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        if not crawler.settings.getbool("PROGRESS_ENABLED"):
            raise NotConfigured("PROGRESS_ENABLED is off")
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL", 1.0)
        if interval <= 0:
            raise NotConfigured("PROGRESS_INTERVAL must be positive")
        assert crawler.stats is not None
        ext = cls(crawler.stats, interval, sys.stdout)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def emit(self, event: str, **extra: Any) -> None:
        snapshot = progress_snapshot(self.stats.get_stats(), time.monotonic() - self.started)
        line = json.dumps({"event": event, **snapshot, **extra}, default=str)
        self.out.write(f"{PREFIX}{line}\n")
        self.out.flush()

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.emit, "progress")
        self.loop.start(self.interval, now=True)

    def spider_closed(self, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        stats = self.stats.get_stats()
        self.emit(
            "closed",
            reason=reason,
            crawl_id=stats.get("archive/crawl_id"),
            error_kinds={
                k.removeprefix("crawl/errors/"): v
                for k, v in stats.items()
                if k.startswith("crawl/errors/")
            },
        )

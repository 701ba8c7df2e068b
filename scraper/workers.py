"""CPU-heavy page analysis off the reactor: a process pool with a per-page time budget."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from urllib.parse import urljoin

from scraper.extract import Article, DateHint, ExtractionError, extract_from_tree
from scraper.extract.html import load_html

logger = logging.getLogger(__name__)

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_SKIP_HREF = ("#", "mailto:", "javascript:", "tel:", "data:")
MAX_LINKS = 5000


@dataclass
class PageResult:
    """What one HTML page gave: the article (if it reads as one), its links and feeds."""

    article: Article | None = None
    error: str | None = None
    links: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    seconds: float = 0.0


def analyse_page(
    body: bytes,
    url: str,
    content_type: str | None,
    fetched_at: str,
    timezone: str | None,
    hints: Sequence[DateHint] = (),
) -> PageResult:
    """Parse once, extract the article, collect absolute link and feed URLs. Never raises."""
    started = time.perf_counter()
    result = PageResult()
    try:
        tree = load_html(body, content_type)
        result.article = extract_from_tree(
            tree, url, fetched_at=fetched_at, timezone=timezone, hints=hints
        )
        for anchor in tree.iterfind(".//a"):
            href = (anchor.get("href") or "").strip()
            if href and not href.startswith(_SKIP_HREF):
                try:
                    result.links.append(urljoin(url, href))
                except ValueError:  # a broken link (bad IPv6 literal...) must not cost the page
                    continue
                if len(result.links) >= MAX_LINKS:
                    break
        for link in tree.iterfind(".//link"):
            rel = (link.get("rel") or "").lower()
            kind = (link.get("type") or "").lower()
            href = (link.get("href") or "").strip()
            if "alternate" in rel and kind in _FEED_TYPES and href:
                with contextlib.suppress(ValueError):
                    result.feeds.append(urljoin(url, href))
    except ExtractionError as exc:
        result.error = str(exc)
    except RecursionError:
        result.error = "page too deeply nested to analyse"
    except Exception as exc:  # a bug or a pathological page must never stop the crawl
        logger.exception("Extraction crashed on %s", url)
        result.error = f"extraction crashed: {type(exc).__name__}: {exc}"
    result.seconds = time.perf_counter() - started
    return result


class PageTimeout(RuntimeError):
    """A page took longer than the per-page budget; its worker was replaced."""


class ExtractorPool:
    """Runs analyse_page in worker processes (``workers=0``: inline, in the crawl process).

    A page that overruns ``timeout`` seconds raises PageTimeout; the pool is then rebuilt so a
    stuck worker cannot hold a slot for ever.
    """

    def __init__(self, workers: int, timeout: float) -> None:
        self.workers = workers
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None

    @staticmethod
    def default_workers() -> int:
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return max(1, os.cpu_count() or 1)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool

    async def analyse(
        self,
        body: bytes,
        url: str,
        content_type: str | None,
        fetched_at: str,
        timezone: str | None,
        hints: Sequence[DateHint] = (),
    ) -> PageResult:
        args = (body, url, content_type, fetched_at, timezone, tuple(hints))
        if self.workers <= 0:
            return analyse_page(*args)
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor(), analyse_page, *args)
            return await asyncio.wait_for(future, timeout=self.timeout)
        except TimeoutError as exc:
            self._rebuild()
            raise PageTimeout(f"page took longer than {self.timeout:g}s to analyse") from exc
        except BrokenProcessPool as exc:
            self._rebuild()
            raise PageTimeout(f"a worker process died while analysing the page: {exc}") from exc

    def _rebuild(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

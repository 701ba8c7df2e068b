"""CPU-heavy page analysis off the reactor: worker processes on pipes, with a per-page time budget."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import re
import signal
import socket
import sys
import time
import types
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from urllib.parse import urljoin

from scraper.extract import Article, DateHint, ExtractionError, extract_from_tree
from scraper.extract.html import load_html
from scraper.fingerprint import Fingerprints, LshParams, band_keys, fingerprints

logger = logging.getLogger(__name__)

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_SKIP_HREF = ("#", "mailto:", "javascript:", "tel:", "data:")
MAX_LINKS = 5000


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_JOINED: dict[tuple[str, str], str] = {}
_JOINED_MAX = 20000


def absolute_url(url: str, href: str) -> str:
    """``urljoin(url, href)``, remembered per site for the links that do not depend on the
    page's own path (``/path``, ``//host/path``, ``scheme://host/path``): a site repeats its
    navigation and footer links on every page, and urljoin is a tenth of a page's analysis.
    Raises ValueError as urljoin does."""
    if not _site_only(href):
        return urljoin(url, href)  # relative to the page's path (or query)
    slash = url.find("/", url.find("//") + 2)
    key = (url if slash < 0 else url[:slash], href)  # what the result can depend on
    joined = _JOINED.get(key)
    if joined is None:
        if len(_JOINED) >= _JOINED_MAX:
            _JOINED.clear()
        joined = _JOINED[key] = urljoin(url, href)
    return joined


def _site_only(href: str) -> bool:
    """Whether urljoin(url, href) depends on url's scheme and host alone: a path from the root
    ("/a"), or a host of its own ("//h/a", "https://h/a"). Not "//", "https://?q" or "//#x"
    (no host and no path keep the page's path), nor hrefs with tabs or line breaks, which
    urlsplit deletes ("/\n/" is "//")."""
    if "\t" in href or "\n" in href or "\r" in href:
        return False
    if href.startswith("//"):
        rest = href[2:]
    elif href.startswith("/"):
        return True
    else:
        scheme = _SCHEME.match(href)
        if scheme is None:
            return False
        rest = href[scheme.end() :]
    return bool(rest) and rest[0] not in "/?#"


@dataclass
class PageResult:
    """What one HTML page gave: the article (if it reads as one), its links and feeds."""

    article: Article | None = None
    error: str | None = None
    links: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    fingerprints: Fingerprints | None = None  # of the article, hashed here to spare the reactor
    band_keys: list[int] = field(default_factory=list)  # of its MinHash signature, when asked
    seconds: float = 0.0


def analyse_page(
    body: bytes,
    url: str,
    content_type: str | None,
    fetched_at: str,
    timezone: str | None,
    hints: Sequence[DateHint] = (),
    lsh: LshParams | None = None,
    links: bool = True,
) -> PageResult:
    """Parse once, extract the article and its fingerprints (with the MinHash signature and
    its LSH band keys when ``lsh`` is given), collect absolute link and feed URLs (unless
    ``links`` is false). Never raises."""
    started = time.perf_counter()
    result = PageResult()
    try:
        tree = load_html(body, content_type)
        article = result.article = extract_from_tree(
            tree, url, fetched_at=fetched_at, timezone=timezone, hints=hints
        )
        hashes = result.fingerprints = fingerprints(article.title, article.body, minhash=lsh is not None)
        if lsh is not None and hashes.minhash is not None:
            result.band_keys = band_keys(hashes.minhash, lsh)
        for anchor in tree.iterfind(".//a") if links else ():
            href = (anchor.get("href") or "").strip()
            if href and not href.startswith(_SKIP_HREF):
                try:
                    result.links.append(absolute_url(url, href))
                except ValueError:  # a broken link (bad IPv6 literal...) must not cost the page
                    continue
                if len(result.links) >= MAX_LINKS:
                    break
        for link in tree.iterfind(".//link") if links else ():
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


def warm_up() -> None:
    """Import everything analyse_page needs (scraper.extract imports its extractors lazily)."""
    from scraper.extract import body, dates, jsonld, metadata  # noqa: F401


class PageTimeout(RuntimeError):
    """A page took longer than the per-page budget; its worker was replaced."""


class _Worker:
    """One extraction process, the parent's end of its pipe, and the pages sent to it.

    ``tasks`` holds the page being analysed first, then at most one small page waiting in
    the pipe; ``timer`` is the budget of the first one.
    """

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.tasks: deque[_Task] = deque()
        self.timer: asyncio.TimerHandle | None = None
        self.prefetch = prefetch_limit(conn)


_Task = tuple[bytes, "asyncio.Future[PageResult]"]

CLOSE_GRACE = 10.0
"""Seconds close() gives the workers to finish the pages in hand before it kills them."""

PREFETCH_BYTES = 64 * 1024
"""A page this small (pickled) may wait in a busy worker's pipe, so the worker starts it the
moment it sends its last result, without a round trip through the crawl's event loop. Larger
pages wait for an idle worker: writing them to a busy one could block the reactor. Where the
pipe's socket buffer is smaller (macOS: 8 KiB), the limit is half of it (prefetch_limit)."""


def prefetch_limit(conn: Connection) -> int:
    """The largest page that fits in ``conn``'s socket buffer twice over, at most PREFETCH_BYTES."""
    try:
        with socket.socket(fileno=os.dup(conn.fileno())) as sock:
            buffer = sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)
    except OSError:
        return 0  # not a socket we can ask: never prefetch
    return min(PREFETCH_BYTES, buffer // 2)


def _serve(conn: Connection) -> None:
    """A worker's loop: a pickled analyse_page call in, its pickled PageResult out; EOF ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the crawl decides
    warm_up()  # import the extractors now, not within the first page's time budget
    while True:
        try:
            args = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        result = pickle.dumps(analyse_page(*args), pickle.HIGHEST_PROTOCOL)
        try:
            conn.send_bytes(result)
        except OSError:  # the crawl closed the pool meanwhile
            return


def _worker_main(conn: Connection) -> None:
    """A worker process: serve pages until EOF, then leave without the interpreter's teardown.

    A worker holds nothing to clean up (no files, no threads, no logging handlers of its own;
    every result was sent before the next page was read), while tearing down trafilatura, lxml
    and numpy took 40 ms at the end of every crawl. What os._exit skips: atexit handlers and
    finalizers (none of ours run in a worker); a tool that collects data in them, such as
    coverage's multiprocessing support, gets nothing from the workers."""
    _serve(conn)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


class ExtractorPool:
    """Runs analyse_page in worker processes (``workers=0``: inline, in the crawl process).

    Each worker is a spawned process with a pipe that the event loop watches (``add_reader``):
    no helper threads in the crawl process, so the reactor never waits for the GIL behind
    them. A page goes to an idle worker, or (when small) waits in the pipe of a busy one so
    no worker idles while the reactor is busy elsewhere; the rest wait in a queue. A page
    that overruns ``timeout`` seconds on its worker raises PageTimeout, and that worker is
    killed and replaced (the page queued behind it goes to another worker), so a stuck page
    cannot hold a slot for ever; a worker that dies does the same.
    ``lsh``: also compute each article's MinHash signature and band keys (near-duplicates) in
    the worker.
    """

    def __init__(self, workers: int, timeout: float, *, lsh: LshParams | None = None) -> None:
        self.workers = workers
        self.timeout = timeout
        self.lsh = lsh
        self._all: list[_Worker] = []
        self._waiting: deque[_Task] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None

    @staticmethod
    def default_workers() -> int:
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return max(1, os.cpu_count() or 1)

    def start(self) -> None:
        """Start the workers now, in the running event loop (else the first page starts them):
        they import the extraction code while robots.txt and the sitemaps download."""
        if self.workers <= 0:
            return
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self.close()
            self._loop = loop
            for _ in range(self.workers):
                self._spawn()

    def pids(self) -> list[int]:
        """Process ids of the running workers."""
        return [w.process.pid for w in self._all if w.process.pid is not None]

    async def analyse(
        self,
        body: bytes,
        url: str,
        content_type: str | None,
        fetched_at: str,
        timezone: str | None,
        hints: Sequence[DateHint] = (),
        *,
        links: bool = True,
    ) -> PageResult:
        args = (body, url, content_type, fetched_at, timezone, tuple(hints), self.lsh, links)
        if self.workers <= 0:
            return analyse_page(*args)
        self.start()
        assert self._loop is not None
        future: asyncio.Future[PageResult] = self._loop.create_future()
        self._waiting.append((pickle.dumps(args, pickle.HIGHEST_PROTOCOL), future))
        self._dispatch()
        return await future

    def _spawn(self) -> None:
        assert self._loop is not None
        parent, child = multiprocessing.Pipe()
        process = _CONTEXT.Process(target=_worker_main, args=(child,), daemon=True, name="extractor")
        with _main_not_reimported():
            process.start()
        child.close()
        worker = _Worker(process, parent)
        self._all.append(worker)
        self._loop.add_reader(parent.fileno(), self._on_result, worker)

    def _next_worker(self, size: int) -> _Worker | None:
        """An idle worker, else (for a small page) a busy one with nothing queued behind."""
        for worker in self._all:
            if not worker.tasks:
                return worker
        for worker in self._all:
            if len(worker.tasks) == 1 and max(size, len(worker.tasks[0][0])) <= worker.prefetch:
                return worker
        return None

    def _dispatch(self) -> None:
        while self._waiting:
            payload, future = self._waiting[0]
            if future.cancelled():
                self._waiting.popleft()
                continue
            worker = self._next_worker(len(payload))
            if worker is None:
                return
            self._waiting.popleft()
            worker.tasks.append((payload, future))
            if len(worker.tasks) == 1:
                self._start_timer(worker)
            try:
                worker.conn.send_bytes(payload)
            except OSError as exc:  # it died meanwhile
                self._fail(worker, f"a worker process died before analysing the page: {exc}")
                return  # _fail dispatched again

    def _start_timer(self, worker: _Worker) -> None:
        assert self._loop is not None
        worker.timer = self._loop.call_later(self.timeout, self._expire, worker)

    def _on_result(self, worker: _Worker) -> None:
        try:
            result: PageResult = pickle.loads(worker.conn.recv_bytes())
        except (EOFError, OSError) as exc:
            self._fail(worker, f"a worker process died while analysing the page: {exc!r}")
            return
        future = self._take_current(worker)
        if future is not None:
            future.set_result(result)
        if worker.tasks:  # the page waiting in the pipe has started
            self._start_timer(worker)
        self._dispatch()

    @staticmethod
    def _take_current(worker: _Worker) -> asyncio.Future[PageResult] | None:
        """Stop the clock of the page ``worker`` is on and take it off the worker: its future,
        unless the caller gave up on it meanwhile."""
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None
        if not worker.tasks:
            return None
        _payload, future = worker.tasks.popleft()
        return None if future.done() else future

    def _expire(self, worker: _Worker) -> None:
        self._fail(worker, f"page took longer than {self.timeout:g}s to analyse")

    def _fail(self, worker: _Worker, reason: str) -> None:
        """Kill ``worker``, fail its current page with PageTimeout, queue the page waiting
        behind it again, start a replacement."""
        self._kill(worker)
        future = self._take_current(worker)
        if future is not None:
            future.set_exception(PageTimeout(reason))
        self._waiting.extendleft(reversed(worker.tasks))
        worker.tasks.clear()
        self._spawn()
        self._dispatch()

    def _kill(self, worker: _Worker) -> None:
        """Kill ``worker`` now (its page overran, or it died) and wait for it."""
        self._detach(worker, kill=True)
        worker.process.join()

    def _detach(self, worker: _Worker, *, kill: bool) -> None:
        """Stop watching ``worker`` and close our end of its pipe: it reads EOF and exits."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.remove_reader(worker.conn.fileno())
        if worker in self._all:
            self._all.remove(worker)
        worker.conn.close()
        if kill:
            worker.process.kill()

    @staticmethod
    def _reap(worker: _Worker, deadline: float) -> None:
        """Give a detached worker until ``deadline`` (time.monotonic()) to finish the page in
        hand and exit, then kill it."""
        worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()

    def close(self) -> None:
        """Stop every worker (each finishes its page first) and fail what still waits.

        Every worker is told first, then each is waited for, so they exit side by side."""
        pending: list[asyncio.Future[PageResult]] = []
        workers = list(self._all)
        for worker in workers:
            if worker.timer is not None:
                worker.timer.cancel()
                worker.timer = None
            pending += [future for _payload, future in worker.tasks]
            worker.tasks.clear()
            self._detach(worker, kill=False)
        deadline = time.monotonic() + CLOSE_GRACE  # one grace period for all, not one each
        for worker in workers:
            self._reap(worker, deadline)
        self._abandon(pending)
        self._abandon([future for _payload, future in self._waiting])
        self._waiting.clear()
        self._loop = None

    @staticmethod
    def _abandon(futures: list[asyncio.Future[PageResult]]) -> None:
        for future in futures:
            if not future.done() and not future.get_loop().is_closed():
                future.set_exception(PageTimeout("the extraction pool was closed"))


@contextlib.contextmanager
def _main_not_reimported() -> Iterator[None]:
    """Spawn a worker without re-importing the parent's ``__main__`` in it.

    multiprocessing's spawn runs the parent's main module again in the child (as
    ``__mp_main__``) so that functions defined there can be unpickled. ``python -m scrapy``
    is spared (a package's ``__main__`` is skipped), but a crawl started by a runner module
    (scrapyd's ``scrapyd.runner``, a user's script) made every worker import that module,
    with all of Scrapy and Twisted: 24 MB of resident memory a worker, measured. The worker's
    entry point lives in this module, so the child needs nothing from ``__main__``; while the
    process starts, multiprocessing sees an empty one.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
        else:
            del sys.modules["__main__"]


_CONTEXT = multiprocessing.get_context("spawn")

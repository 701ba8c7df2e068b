"""CPU-heavy page analysis off the reactor: worker processes on pipes, with a per-page time budget.

What a worker runs is scraper.analysis (analyse_page, and the process's loop ``worker_main``);
this module is the crawl's side: the pool that spawns, feeds, times and replaces the workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import socket
import sys
import time
import types
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from scraper.analysis import PageResult, analyse_page, worker_main
from scraper.extract import DateHint
from scraper.fingerprint import LshParams

logger = logging.getLogger(__name__)


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
        process = _CONTEXT.Process(target=worker_main, args=(child,), daemon=True, name="extractor")
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
    entry point lives in scraper.analysis, so the child needs nothing from ``__main__``; while the
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

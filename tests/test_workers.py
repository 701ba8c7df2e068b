"""scraper.workers: the extraction pool keeps workers fed, and a dying worker loses one page only."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.analysis import PageResult
from scraper.workers import PREFETCH_BYTES, ExtractorPool, PageTimeout

FETCHED = "2024-09-09T08:00:00Z"


def test_small_page_waits_in_a_busy_workers_pipe_large_one_does_not(fixtures: Path) -> None:
    """A small page is written behind the one a worker is busy with; a large one waits in the
    pool's queue (writing it into a busy worker's pipe could block the crawl's event loop)."""
    seed = (fixtures / "seed_article.html").read_bytes()
    large = b"<html><body><p>" + b"word " * (PREFETCH_BYTES // 4) + b"</p></body></html>"
    pool = ExtractorPool(1, timeout=60)

    async def run() -> tuple[list[int], int, list[PageResult]]:
        pages = [
            asyncio.ensure_future(pool.analyse(body, f"http://news.test/{n}", None, FETCHED, None))
            for n, body in enumerate((seed, seed, large))
        ]
        await asyncio.sleep(0)  # every analyse() call has queued or sent its page
        sent = [len(w.tasks) for w in pool._all]
        queued = len(pool._waiting)
        return sent, queued, list(await asyncio.gather(*pages))

    try:
        sent, queued, results = asyncio.run(run())
    finally:
        pool.close()
    assert sent == [2]  # the page in progress and one small page behind it
    assert queued == 1  # the large page
    assert [r.error for r in results] == [None, None, None]
    assert results[0].article is not None and results[0].article.title == results[1].article.title  # type: ignore[union-attr]


def test_a_dead_worker_fails_its_page_and_the_page_behind_it_goes_to_a_new_worker(
    fixtures: Path,
) -> None:
    seed = (fixtures / "seed_article.html").read_bytes()
    pool = ExtractorPool(1, timeout=60)

    async def run() -> tuple[BaseException | PageResult, BaseException | PageResult, int, list[int]]:
        pool.start()
        first_pid = pool.pids()[0]
        pages = [
            asyncio.ensure_future(pool.analyse(seed, f"http://news.test/{n}", None, FETCHED, None))
            for n in range(2)
        ]
        await asyncio.sleep(0)
        assert [len(w.tasks) for w in pool._all] == [2]
        os.kill(first_pid, signal.SIGKILL)
        first, second = await asyncio.gather(*pages, return_exceptions=True)
        return first, second, first_pid, pool.pids()

    try:
        first, second, dead, now = asyncio.run(run())
    finally:
        pool.close()
    assert isinstance(first, PageTimeout) and "died while analysing" in str(first)
    assert isinstance(second, PageResult) and second.error is None
    assert second.article is not None and second.article.published is not None
    assert second.article.published.local == "2021-07-22T16:25:00+04:00"
    assert len(now) == 1 and now != [dead]


@pytest.mark.parametrize("workers", [0, 2])
def test_pool_gives_every_page_its_own_result(fixtures: Path, workers: int) -> None:
    """Twenty pages through two pipelined workers come back each to its own caller."""
    seed = (fixtures / "seed_article.html").read_bytes().decode("utf-8")
    bodies = [seed.replace("22 July 2021", f"{day} July 2021").encode() for day in range(1, 21)]
    pool = ExtractorPool(workers, timeout=60)

    async def run() -> list[PageResult]:
        return list(await asyncio.gather(*(
            pool.analyse(body, f"http://news.test/{n}", None, FETCHED, None) for n, body in enumerate(bodies)
        )))

    try:
        results = asyncio.run(run())
    finally:
        pool.close()
    days = [r.article.published.local[:10] if r.article and r.article.published else None for r in results]
    assert days == [f"2021-07-{day:02d}" for day in range(1, 21)]


def test_close_tells_every_worker_before_waiting_and_each_exits_cleanly(
    fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """close() closes every worker's pipe before it waits for any (they exit side by side),
    and each leaves with exit code 0 (a worker ends with os._exit)."""
    body = (fixtures / "seed_article.html").read_bytes()
    pool = ExtractorPool(2, timeout=60)
    closed_at_first_wait: list[bool] = []
    reap = ExtractorPool._reap

    def watched_reap(worker: Any, deadline: float) -> None:
        if not closed_at_first_wait:
            closed_at_first_wait.extend(w.conn.closed for w in workers)
        reap(worker, deadline)

    async def run() -> list[Any]:
        await asyncio.gather(*(pool.analyse(body, f"http://news.test/{n}", None, FETCHED, None)
                               for n in range(4)))
        return list(pool._all)

    try:
        workers = asyncio.run(run())
        monkeypatch.setattr(ExtractorPool, "_reap", staticmethod(watched_reap))
    finally:
        pool.close()
    assert closed_at_first_wait == [True, True]
    assert [worker.process.exitcode for worker in workers] == [0, 0]
    assert pool.pids() == []


def test_workers_do_not_import_the_crawls_main_module() -> None:
    """spawn re-runs the parent's __main__ in each child (for a crawl: scrapy.__main__, so all
    of Scrapy and Twisted, 24 MB a worker); the pool starts its workers without it."""
    from multiprocessing import spawn

    from scraper.workers import _main_not_reimported

    assert {"init_main_from_name", "init_main_from_path"} & spawn.get_preparation_data("x").keys()
    with _main_not_reimported():
        data = spawn.get_preparation_data("extractor")
    assert not {"init_main_from_name", "init_main_from_path"} & data.keys()
    assert sys.modules["__main__"].__dict__.get("__spec__") is not None or hasattr(
        sys.modules["__main__"], "__file__"
    )  # the real main module is back


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc/PID/maps")
def test_a_working_worker_has_not_loaded_asyncio(fixtures: Path) -> None:
    """A worker imports scraper.analysis, not the pool's module with its asyncio plumbing (22 ms
    of every worker's start-up): asyncio's C half is not mapped into the worker after a page."""
    import _asyncio

    import lxml.etree

    pool = ExtractorPool(1, timeout=60)
    body = (fixtures / "seed_article.html").read_bytes()
    try:
        result = asyncio.run(pool.analyse(body, "http://news.test/a", None, FETCHED, None))
        maps = Path(f"/proc/{pool.pids()[0]}/maps").read_text()
    finally:
        pool.close()
    assert result.article is not None and result.article.title
    assert Path(lxml.etree.__file__).name in maps  # what a worker does load is seen there
    assert Path(_asyncio.__file__).name not in maps


def test_worker_signs_and_bands_the_article_for_near_duplicate_detection(fixtures: Path) -> None:
    from scraper.fingerprint import band_keys, lsh_params, signature

    seed = (fixtures / "seed_article.html").read_bytes()
    params = lsh_params(0.6)
    pool = ExtractorPool(1, timeout=60, lsh=params)

    async def run() -> PageResult:
        return await pool.analyse(seed, "http://news.test/a", None, FETCHED, None)

    try:
        result = asyncio.run(run())
    finally:
        pool.close()
    assert result.article is not None and result.fingerprints is not None
    assert result.fingerprints.minhash == signature(result.article.body)
    assert result.band_keys == band_keys(result.fingerprints.minhash, params)
    assert len(result.band_keys) == params.bands == 25


def test_prefetch_fits_the_pipes_socket_buffer() -> None:
    """Only a page that fits twice in the pipe's buffer may wait behind a busy worker's page
    (writing a larger one would block the event loop); a non-socket pipe never prefetches."""
    import multiprocessing
    import socket

    from scraper.workers import prefetch_limit

    parent, child = multiprocessing.Pipe()
    reader, writer = multiprocessing.Pipe(duplex=False)
    try:
        with socket.socket(fileno=os.dup(parent.fileno())) as sock:
            default = sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)
            assert prefetch_limit(parent) == min(PREFETCH_BYTES, default // 2)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)  # a macOS-sized buffer
            small = sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)
        assert prefetch_limit(parent) == small // 2 < PREFETCH_BYTES
        assert prefetch_limit(writer) == 0
    finally:
        for conn in (parent, child, reader, writer):
            conn.close()


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("http://news.test/world/story.html", "/politics/"),
        ("http://news.test/world/story.html", "/politics/../sport/x.html"),
        ("http://news.test/world/story.html", "//cdn.test/a.js"),
        ("http://news.test/world/story.html", "https://other.test/b/../c"),
        ("http://news.test/world/story.html", "http:relative.html"),  # same scheme: relative
        ("http://news.test/world/story.html", "next.html"),
        ("http://news.test/world/story.html", "../up.html"),
        ("http://news.test/world/story.html", "?page=2"),
        ("http://news.test", "/a"),
        ("http://news.test?x=1", "/a"),
        ("https://news.test:8443/a/b", "/c"),
        # no host and no path: the page's own path (and query) stays, so never shared
        ("http://news.test/x/y?q=1", "//"),
        ("http://news.test/x/y?q=1", "//?page=2"),
        ("http://news.test/x/y?q=1", "//#top"),
        ("http://news.test/x/y?q=1", "http://"),
        ("https://news.test/x/y?q=1", "https://?page=2"),
        ("https://news.test/x/y", "https://#"),
        ("http://news.test/x/y", "HTTP://?x"),
        ("http://news.test/x/y", "/\n/"),
        ("http://news.test/x/y", "///triple"),
    ],
)
def test_absolute_url_is_urljoin_for_every_kind_of_link(url: str, href: str) -> None:
    """Remembered per site, and still exactly urljoin, on a first call and a repeated one, and
    for the same href on another site or another page of the same site."""
    from urllib.parse import urljoin

    from scraper.analysis import absolute_url

    for base in (url, url.replace("news.test", "other.test"), url + "/deeper/page",
                 url.split("?")[0] + "/elsewhere?other=2"):
        assert absolute_url(base, href) == urljoin(base, href)
        assert absolute_url(base, href) == urljoin(base, href)


def test_absolute_url_raises_like_urljoin_on_a_broken_link() -> None:
    from scraper.analysis import absolute_url

    with pytest.raises(ValueError):
        absolute_url("http://news.test/a", "http://[::1/broken")


def test_close_gives_all_workers_one_grace_period_not_one_each() -> None:
    """Workers still busy when close()'s grace period has run out are killed at once: N stuck
    workers cost one CLOSE_GRACE, not N."""
    import time
    from types import SimpleNamespace

    class StuckProcess:
        def __init__(self) -> None:
            self.timeouts: list[float | None] = []
            self.killed = False

        def join(self, timeout: float | None = None) -> None:
            self.timeouts.append(timeout)

        def is_alive(self) -> bool:
            return not self.killed

        def kill(self) -> None:
            self.killed = True

    stuck = [StuckProcess(), StuckProcess()]
    deadline = time.monotonic() - 1  # the shared grace period is over
    for process in stuck:
        ExtractorPool._reap(SimpleNamespace(process=process), deadline)  # type: ignore[arg-type]
    assert [p.timeouts[0] for p in stuck] == [0.0, 0.0]
    assert all(p.killed for p in stuck)

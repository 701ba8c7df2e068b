"""One page's analysis, as an extraction worker runs it: parse once, extract the article, hash
it, collect its links; and the worker process's loop.

Kept apart from the pool (scraper.workers) so that a worker process imports only what
analysing a page needs: not asyncio, which the pool's event-loop plumbing uses (22 ms of each
worker's start-up, while the crawl's first pages wait for it)."""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import re
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
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


def serve(conn: Connection) -> None:
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


def worker_main(conn: Connection) -> None:
    """A worker process: serve pages until EOF, then leave without the interpreter's teardown.

    A worker holds nothing to clean up (no files, no threads, no logging handlers of its own;
    every result was sent before the next page was read), while tearing down trafilatura, lxml
    and numpy took 40 ms at the end of every crawl. What os._exit skips: atexit handlers and
    finalizers (none of ours run in a worker); a tool that collects data in them, such as
    coverage's multiprocessing support, gets nothing from the workers."""
    serve(conn)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)

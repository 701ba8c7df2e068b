"""The demo portal's HTTP server (stdlib ThreadingHTTPServer), with request counters for tests."""

from __future__ import annotations

import json
import logging
import re
import signal
import socket
import threading
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType
from typing import Any, TextIO
from urllib.parse import parse_qs, urlsplit

from archive.portal import feeds, render
from archive.portal.content import (
    ERROR_PATH,
    SECTIONS,
    TRUNCATED_PATH,
    Portal,
    PortalConfig,
)

logger = logging.getLogger(__name__)

REQUEST_LOG_SIZE = 100_000
DISALLOWED_PREFIXES = ("/search", "/private/")
HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
XML = "application/xml; charset=utf-8"
_HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
_ARTICLE_ID = re.compile(r"-(\d{1,9})(?:\.html)?$")
_SITEMAP = re.compile(r"^/sitemaps/articles-(\d{1,7})\.xml$")
_PRINT = re.compile(r"^/print/(\d{1,9})$")
# Cached article pages are rendered for this origin and day; the request's own origin and day are
# put in on the way out (render.py writes the origin only as the verbatim prefix of absolute URLs,
# and the day only in the top bar).
_CACHE_ORIGIN = "http://portal.invalid"
_CACHE_DAY = date(1900, 1, 1)
_CACHE_TOPBAR = f'<div class="topbar">{render.topbar_date(_CACHE_DAY)}</div>'
PRERENDER_MAX = 200_000
"""Most articles ``--prerender`` keeps in memory (about 10 KB a page)."""


class PortalServer(ThreadingHTTPServer):
    """Serves one Portal; counts what crawlers fetch (internal /__*__ endpoints excluded)."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], portal: Portal, page_cache: bool = False) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PortalHandler)
        self.host = address[0]
        self.portal = portal
        self.lock = threading.Lock()
        self.disallowed_hits = 0
        self.request_count = 0
        self.request_log: deque[str] = deque(maxlen=REQUEST_LOG_SIZE)
        self.status_counts: Counter[int] = Counter()
        self.conditional_requests = 0  # article requests that carried a validator
        self.conditional_hits = 0  # ... answered 304 Not Modified
        self.connections_opened = 0  # TCP connections accepted (keep-alive reuse shows here)
        self._connections: set[socket.socket] = set()
        # (article, print version) -> rendered page, and its ETag; None = render (and hash) on
        # every request
        self.pages: dict[tuple[int, bool], str] | None = {} if page_cache else None
        self.etags: dict[tuple[int, bool], str] | None = {} if page_cache else None

    def prerender(self) -> int:
        """Render every article page and its ETag into the page cache (no-op without one); how
        many pages.

        The crawl benchmark's portal does this before any crawler starts: it shares the
        machine's cores with the crawler measured, and a real site's server is elsewhere.
        """
        if self.pages is None:
            return 0
        if self.portal.total > PRERENDER_MAX:
            raise ValueError(
                f"--prerender keeps at most {PRERENDER_MAX:,} articles in memory, "
                f"not {self.portal.total:,}"
            )
        for i in range(self.portal.total):
            self.page(i, printed=False, today=_CACHE_DAY)
            self.etag(i, printed=False)
        return self.portal.total

    def etag(self, i: int, printed: bool) -> str:
        """Article i's ETag (Portal.etag), kept with the page cache."""
        if self.etags is None:
            return self.portal.etag(i, printed=printed)
        tag = self.etags.get((i, printed))
        if tag is None:
            tag = self.etags[i, printed] = self.portal.etag(i, printed=printed)
        return tag

    def page(self, i: int, printed: bool, today: date, origin: str = _CACHE_ORIGIN) -> str:
        """Article i's page (or its print version) as served to ``origin`` on ``today``."""
        if self.pages is None:
            return self._render(i, printed, today, origin)
        page = self.pages.get((i, printed))
        if page is None:  # (two threads may both render it: the same text)
            page = self.pages[i, printed] = self._render(i, printed, _CACHE_DAY, _CACHE_ORIGIN)
        if today != _CACHE_DAY:
            topbar = f'<div class="topbar">{render.topbar_date(today)}</div>'
            page = page.replace(_CACHE_TOPBAR, topbar, 1)
        return page if origin == _CACHE_ORIGIN else page.replace(_CACHE_ORIGIN, origin)

    def _render(self, i: int, printed: bool, today: date, origin: str) -> str:
        art = self.portal.article(i)
        if printed:
            return render.print_page(self.portal, art, origin, today)
        return render.article_page(self.portal, art, origin, today)

    @property
    def base_url(self) -> str:
        """The host as given and the bound port, e.g. "http://127.0.0.1:8123/"."""
        host, port = self.host, self.server_address[1]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def record(self, target: str, path: str) -> None:
        """Count one crawler request (target = path plus query)."""
        with self.lock:
            self.request_count += 1
            self.request_log.append(target)
            if path.startswith(DISALLOWED_PREFIXES):
                self.disallowed_hits += 1

    def record_status(self, status: int) -> None:
        """Count one response status."""
        with self.lock:
            self.status_counts[status] += 1

    def record_conditional(self, hit: bool) -> None:
        """Count one conditional article request and whether it was answered 304."""
        with self.lock:
            self.conditional_requests += 1
            self.conditional_hits += hit

    def stats(self) -> dict[str, Any]:
        """Counters as JSON-ready data."""
        with self.lock:
            return {
                "requests": self.request_count,
                "disallowed_hits": self.disallowed_hits,
                "conditional_requests": self.conditional_requests,
                "conditional_hits": self.conditional_hits,
                "connections": self.connections_opened,
                "status": {str(k): v for k, v in sorted(self.status_counts.items())},
            }

    def track(self, conn: socket.socket, alive: bool) -> None:
        """Remember open client connections so server_close can end idle keep-alives."""
        with self.lock:
            if alive:
                self.connections_opened += 1
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def server_close(self) -> None:
        """Close the listening socket and every open client connection."""
        super().server_close()
        with self.lock:
            conns = list(self._connections)
        for conn in conns:
            with suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Client disconnects are routine for a crawl target: log, don't print tracebacks."""
        logger.debug("error while serving %s", client_address, exc_info=True)


class PortalHandler(BaseHTTPRequestHandler):
    """Routes every URL of the demo portal."""

    server: PortalServer
    protocol_version = "HTTP/1.1"
    server_version = "DemoPortal/1.0"
    disable_nagle_algorithm = True
    timeout = 60

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch(head_only=False)

    def do_HEAD(self) -> None:
        self._dispatch(head_only=True)

    # -- plumbing -------------------------------------------------------------------------

    _counted = False

    def _record_status(self, status: int) -> None:
        if self._counted:
            self.server.record_status(status)

    @property
    def origin(self) -> str:
        """Scheme and authority from the Host header, e.g. "http://127.0.0.1:8123"."""
        host = self.headers.get("Host", "")
        if not _HOST.match(host):
            host = self.server.base_url.removeprefix("http://").rstrip("/")
        return f"http://{host}"

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        head_only: bool,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self._record_status(status)  # before the client can see the answer
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def _html(
        self, status: int, page: str, head_only: bool, headers: dict[str, str] | None = None
    ) -> None:
        self._send(status, page.encode("utf-8"), HTML, head_only, headers)

    def _not_modified(self, etag: str, last_modified: datetime) -> bool:
        """Whether the request's validators still match (If-None-Match wins over -Since)."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since is None:
            return False
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return since >= last_modified

    def _not_found(self, head_only: bool) -> None:
        page = render.error_page(self.server.portal, 404, "Page not found", date.today())
        self._html(404, page, head_only)

    # -- routing --------------------------------------------------------------------------

    def _dispatch(self, head_only: bool) -> None:
        split = urlsplit(self.path)
        path = split.path
        self._counted = not path.startswith("/__")
        if self._counted:
            self.server.record(self.path, path)
        try:
            self._route(path, split.query, head_only)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:
            logger.exception("demo portal failed on %s", self.path)
            self.close_connection = True
            with suppress(OSError):
                self._send(500, b"internal error\n", TEXT, head_only)

    def _route(self, path: str, query: str, head_only: bool) -> None:
        portal, origin, today = self.server.portal, self.origin, date.today()
        if path == "/":
            self._html(200, render.home_page(portal, origin, today), head_only)
        elif path == "/robots.txt":
            self._send(200, feeds.robots_txt(origin).encode(), TEXT, head_only)
        elif path in ("/sitemap_index.xml", "/sitemaps/sections.xml", "/news-sitemap.xml"):
            xml = {
                "/sitemap_index.xml": feeds.sitemap_index,
                "/news-sitemap.xml": feeds.news_sitemap,
            }.get(path, lambda _portal, o: feeds.sections_sitemap(o))(portal, origin)
            self._send(200, xml.encode(), XML, head_only)
        elif match := _SITEMAP.match(path):
            sitemap = feeds.articles_sitemap(portal, int(match.group(1)), origin)
            if sitemap is None:
                self._not_found(head_only)
            else:
                self._send(200, sitemap.encode(), XML, head_only)
        elif path == "/feeds/rss.xml":
            rss = feeds.rss_feed(portal, origin).encode()
            self._send(200, rss, "application/rss+xml; charset=utf-8", head_only)
        elif path == "/feeds/atom.xml":
            atom = feeds.atom_feed(portal, origin).encode()
            self._send(200, atom, "application/atom+xml; charset=utf-8", head_only)
        elif path.startswith("/__"):
            self._internal(path, origin, head_only)
        elif path == ERROR_PATH:
            page = render.error_page(portal, 500, "Internal Server Error", today)
            self._html(500, page, head_only)
        elif path == TRUNCATED_PATH:
            self._truncated(head_only)
        elif path.startswith(DISALLOWED_PREFIXES):
            target = path + (f"?{query}" if query else "")
            self._html(200, render.decoy_page(portal, target, origin, today), head_only)
        elif match := _PRINT.match(path):
            self._article(int(match.group(1)), None, head_only)
        elif path.strip("/") in SECTIONS:
            self._section(path, query, head_only)
        elif match := _ARTICLE_ID.search(path):
            self._article(int(match.group(1)), path, head_only)
        else:
            self._not_found(head_only)

    def _section(self, path: str, query: str, head_only: bool) -> None:
        section = path.strip("/")
        if not path.endswith("/"):
            self._send(301, b"", HTML, head_only, {"Location": f"/{section}/"})
            return
        pages = parse_qs(query).get("page", ["1"])
        page = int(pages[0]) if pages[0].isdigit() else 0
        listing = None
        if page >= 1:
            portal = self.server.portal
            listing = render.section_page(portal, section, page, self.origin, date.today())
        if listing is None:
            self._not_found(head_only)
        else:
            self._html(200, listing, head_only)

    def _article(self, i: int, path: str | None, head_only: bool) -> None:
        """Article i at `path` (None = its print version); 404 unless the path is one of its own."""
        portal = self.server.portal
        if not 0 <= i < portal.total:
            self._not_found(head_only)
            return
        head = portal.headline(i)
        if path is not None and path not in (head.path, head.second_path):
            self._not_found(head_only)
            return
        etag, modified = self.server.etag(i, printed=path is None), portal.last_modified(i)
        validators = {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True)}
        if "If-None-Match" in self.headers or "If-Modified-Since" in self.headers:
            hit = self._not_modified(etag, modified)
            self.server.record_conditional(hit)
            if hit:  # no body, no Content-Length: a 304 describes the cached copy
                self.send_response(304)
                for name, value in validators.items():
                    self.send_header(name, value)
                self._record_status(304)
                self.end_headers()
                return
        page = self.server.page(i, printed=path is None, today=date.today(), origin=self.origin)
        encoding = head.stub.encoding
        if encoding == "utf-8":
            self._html(200, page, head_only, validators)
        else:  # legacy charset: declared only inside the document, not in the header
            body = page.encode(encoding, errors="xmlcharrefreplace")
            self._send(200, body, "text/html", head_only, validators)

    def _truncated(self, head_only: bool) -> None:
        """Promise the whole page in Content-Length, send 40% of it, drop the connection."""
        portal = self.server.portal
        page = render.decoy_page(portal, TRUNCATED_PATH, self.origin, date.today()).encode()
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Connection", "close")
        self.end_headers()
        self._record_status(200)
        self.close_connection = True
        if not head_only:
            self.wfile.write(page[: len(page) * 2 // 5])
            self.wfile.flush()
            with suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

    def _internal(self, path: str, origin: str, head_only: bool) -> None:
        portal = self.server.portal
        if path == "/__truth__.jsonl":
            self._stream_truth(origin, head_only)
        elif path == "/__broken__.json":
            body = json.dumps(portal.broken(origin), indent=1).encode()
            self._send(200, body, "application/json", head_only)
        elif path == "/__stats__.json":
            body = json.dumps(self.server.stats(), indent=1).encode()
            self._send(200, body, "application/json", head_only, {"Cache-Control": "no-store"})
        else:
            self._not_found(head_only)

    def _stream_truth(self, origin: str, head_only: bool) -> None:
        """One JSON object per article, generated and sent in batches; ends by closing."""
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Connection", "close")
        self.end_headers()
        self._record_status(200)
        self.close_connection = True
        if head_only:
            return
        batch: list[str] = []
        for record in self.server.portal.iter_truth(origin):
            batch.append(json.dumps(record, ensure_ascii=False))
            if len(batch) == 200:
                self.wfile.write(("\n".join(batch) + "\n").encode())
                batch = []
        if batch:
            self.wfile.write(("\n".join(batch) + "\n").encode())


def make_server(
    host: str, port: int, config: PortalConfig, page_cache: bool = False
) -> PortalServer:
    """A bound, not yet serving, portal server (port 0 = ephemeral; daemon handler threads);
    ``page_cache`` keeps every article page it renders."""
    return PortalServer((host, port), Portal(config), page_cache)


class PortalURL(str):
    """The base URL yielded by running_portal; `.server` gives the counters."""

    server: PortalServer

    def __new__(cls, url: str, server: PortalServer) -> PortalURL:
        obj = super().__new__(cls, url)
        obj.server = server
        return obj


@contextmanager
def serving(server: PortalServer, name: str = "demo-portal") -> Iterator[str]:
    """Serve a bound server in a background thread; yield its base URL (a str with .server)."""
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=name, daemon=True
    )
    thread.start()
    try:
        yield PortalURL(server.base_url, server)
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@contextmanager
def running_portal(
    config: PortalConfig | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[str]:
    """Serve in a background thread; yield "http://127.0.0.1:PORT/" (a str with .server).

    ``port=0`` picks a free port; pass an earlier portal's port to serve another edition of
    the same site at the same address.
    """
    with serving(make_server(host, port, config or PortalConfig())) as url:
        yield url


def serve_forever(
    host: str, port: int, config: PortalConfig, out: TextIO, prerender: bool = False
) -> None:
    """Announce "Serving demo portal at URL" on `out`, serve until Ctrl-C or SIGTERM, close.

    ``prerender``: render every article page before announcing, and serve them from memory.
    """
    server = make_server(host, port, config, page_cache=prerender)
    server.prerender()

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous: Any = None
    installed = False
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, stop)
        installed = True
    try:
        out.write(f"Serving demo portal at {server.base_url}\n")
        out.flush()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if installed:
            signal.signal(signal.SIGTERM, previous)

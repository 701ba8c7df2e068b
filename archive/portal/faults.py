"""Fault mode of the demo portal: the hostile web (slow, broken, huge, lying, trapping) around real news.

``running_fault_portal(PortalConfig(...), FaultConfig(...))`` serves everything the normal demo
portal serves (same articles, same ``/__truth__.jsonl``) plus the faults listed in ``KINDS``:
robots.txt names extra sitemaps and feeds, ``/faults/sitemap.xml`` lists every fault page, and
some real articles misbehave before they answer (5xx storms, 429, connection resets). The fault
articles (``FAULT_ARTICLES``) are well-formed stories that only a robust crawler archives; their
truth is at ``/__faults__.json`` together with the server's per-path hit counters.
"""

from __future__ import annotations

import gzip
import json
import random
import signal
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from types import FrameType
from typing import Any, TextIO
from xml.sax.saxutils import escape

from archive.portal.content import Portal, PortalConfig
from archive.portal.server import HTML, TEXT, XML, PortalHandler, PortalServer, serving

FAULT_PREFIX = "/faults/"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

KINDS: dict[str, str] = {
    "slow": "a page that answers after a pause shorter than DOWNLOAD_TIMEOUT",
    "tarpit": "a page that trickles one byte a second",
    "reset": "a connection reset (TCP RST) before any byte",
    "flaky_reset": "real articles whose first request is reset, later ones answer",
    "storm": "real articles that answer 503 a few times, then recover",
    "storm_down": "a page that answers 503 for ever",
    "throttled": "real articles that answer 429 with a short Retry-After first",
    "throttled_long": "a page that answers 429 with Retry-After: 3600",
    "redirect_loop": "two URLs that redirect to each other",
    "redirect_chain": "a redirect chain longer than REDIRECT_MAX_TIMES",
    "redirect_short": "a redirect chain of 3 hops that ends at an article",
    "oversize": "a body over DOWNLOAD_MAXSIZE, announced in Content-Length",
    "oversize_stream": "a body over DOWNLOAD_MAXSIZE without Content-Length",
    "gzip_bomb": "a page whose Content-Encoding: gzip body inflates far past the size cap",
    "binary": "random bytes labelled text/html",
    "pdf": "a PDF document labelled text/html",
    "charset": "articles whose charset declarations lie",
    "nested": "100,000 nested <div> tags",
    "calendar": "an infinite calendar (every month links to the next)",
    "session": "a page linking to itself under a new session id on every visit",
    "robots_disallow": "an article listed in the sitemap but disallowed by robots.txt",
    "crawl_delay": "robots.txt Crawl-delay (when FaultConfig.crawl_delay is set)",
    "xxe": "a feed and a sitemap declaring external entities (file:// and http://)",
    "billion_laughs": "a sitemap with nested entity expansions",
    "malformed_xml": "a truncated sitemap",
    "not_xml": "an HTML page listed as a sitemap",
    "big_sitemap": "a sitemap of more than 50,000 URLs",
    "gzip_sitemap": "a gzip-compressed sitemap (.xml.gz)",
    "gzip_sitemap_bomb": "a .xml.gz sitemap that inflates past 50 MB",
    "private_redirect": "redirects to 10.0.0.1, 169.254.169.254, localhost and [::1] (opt-in)",
}
"""Every fault this mode serves, by the name the tests and docs/reliability.md use."""


@dataclass(frozen=True)
class FaultConfig:
    """Knobs of the fault mode (all small by default so a test crawl stays quick)."""

    slow_seconds: float = 1.0
    tarpit_bytes: int = 120  # the tarpit gives up after this many bytes (or when the client goes)
    storm_failures: int = 2  # a storming article answers 503 this many times, then 200
    storm_every: int = 10  # real articles with id % storm_every == 4 storm
    throttle_every: int = 10  # ... id % throttle_every == 6 answer 429 once
    reset_every: int = 10  # ... id % reset_every == 8 reset their first connection
    retry_after: int = 1
    crawl_delay: float | None = None
    big_sitemap_urls: int = 50_010
    oversize_bytes: int = 20 * 1024 * 1024
    bomb_bytes: int = 64 * 1024 * 1024
    sitemap_bomb_bytes: int = 60 * 1024 * 1024
    nested_depth: int = 100_000
    long_chain: int = 15
    private_redirects: bool = False
    full: bool = True  # False: robots.txt and the fault sitemap list only the opt-in faults
    misbehave: bool = True  # real articles storm, throttle and reset first


@dataclass(frozen=True)
class FaultArticle:
    """A well-formed story served under /faults/ that a robust crawl must archive."""

    slug: str
    kind: str
    title: str
    encoding: str = "utf-8"
    published: str = "2024-03-04T09:30:00+01:00"

    @property
    def path(self) -> str:
        return f"{FAULT_PREFIX}2024/03/04/{self.slug}.html"


FAULT_ARTICLES: tuple[FaultArticle, ...] = (
    FaultArticle("slow-story", "slow", "Harbour ferries resume after the long winter pause"),
    FaultArticle("short-chain-story", "redirect_short", "Orchard growers count a record apple harvest"),
    FaultArticle("gz-only-story", "gzip_sitemap", "Observatory volunteers map a faint comet tail"),
    FaultArticle("feed-only-story", "xxe", "Village bakery wins the regional bread contest"),
    FaultArticle("laughs-story", "billion_laughs", "Library extends evening hours for exam season"),
    FaultArticle("broken-xml-story", "malformed_xml", "Cyclists welcome the new riverside lane"),
    FaultArticle("charset-header-lies", "charset", "Городской совет утвердил новый бюджет",
                 encoding="windows-1251"),
    FaultArticle("charset-latin1-header", "charset", "Zürich café owners debate longer opening hours"),
    FaultArticle("charset-meta-lies", "charset", "Señora Núñez opens a ceramics studio downtown",
                 encoding="cp1252"),
)
"""Fault articles that must end up in the archive, each exactly once."""

FORBIDDEN = FaultArticle("forbidden-story", "robots_disallow", "A story robots.txt keeps private")

_WORD_TEXT = (
    "council river market season museum station weather bridge teacher harvest garden tram "
    "festival report budget vote bakery library lane orchard volunteer comet ferry studio "
    "square evening winter summer district neighbour project repair funding plan meeting "
    "resident morning workshop concert gallery archive survey farmer coast valley hill"
)
_WORDS = tuple(_WORD_TEXT.split())
_CYRILLIC_TEXT = (
    "город совет бюджет школа улица парк мост рынок жители план работа район театр музей "
    "вечер утро зима лето праздник выставка решение вопрос проект ремонт"
)
_CYRILLIC = tuple(_CYRILLIC_TEXT.split())


def _paragraphs(article: FaultArticle) -> list[str]:
    rng = random.Random(article.slug)
    words = _CYRILLIC if article.encoding == "windows-1251" else _WORDS
    extra = " Zürich Señora Núñez café" if article.encoding != "windows-1251" else ""
    paragraphs = []
    for n in range(4):
        sentences = []
        for _ in range(3):
            chosen = [rng.choice(words) for _ in range(rng.randint(8, 12))]
            sentences.append(" ".join(chosen).capitalize() + ".")
        if n == 0:
            sentences.insert(0, f"{article.title}.{extra}")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def fault_article_html(article: FaultArticle, origin: str, meta_charset: str | None) -> str:
    """The page of one fault article (JSON-LD NewsArticle, a dated byline, four paragraphs)."""
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
        "datePublished": article.published, "author": {"@type": "Person", "name": "Faye Ultman"},
        "mainEntityOfPage": origin + article.path,
    }
    meta = f'<meta charset="{meta_charset}">' if meta_charset else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in _paragraphs(article))
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head>{meta}<title>{escape(article.title)}</title>"
        f'<link rel="canonical" href="{escape(origin + article.path)}">'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        f"</head><body><article><h1>{escape(article.title)}</h1>"
        f'<p class="byline">By Faye Ultman, <time datetime="{article.published}">4 March 2024</time></p>'
        f"{body}</article></body></html>"
    )


def fault_truth(origin: str) -> list[dict[str, Any]]:
    """What the archive must hold for each fault article."""
    return [
        {"url": origin + a.path, "kind": a.kind, "title": a.title,
         "first_sentence": _paragraphs(a)[0].split(". ")[0]}
        for a in FAULT_ARTICLES
    ]


def _urlset(urls: list[str]) -> str:
    body = "\n".join(f"<url><loc>{escape(u)}</loc></url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n{body}\n</urlset>\n'


def _gzip_zeros(size: int) -> bytes:
    """gzip data that inflates to ``size`` zero bytes, built without holding them in memory."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(compressor.flush())
    return b"".join(parts)


class FaultServer(PortalServer):
    """A PortalServer whose handler adds the fault routes; counts hits per path."""

    def __init__(self, address: tuple[str, int], portal: Portal, faults: FaultConfig) -> None:
        super().__init__(address, portal)
        self.RequestHandlerClass = FaultHandler
        self.faults = faults
        self.stopping = threading.Event()
        self.hits: Counter[str] = Counter()
        self.times: dict[str, list[float]] = {}
        self.all_times: list[float] = []
        self._blobs: dict[str, bytes] = {}
        self.enabled = True

    def set_enabled(self, enabled: bool) -> None:
        """Serve faults (True) or behave exactly like the plain portal (False); clears counters."""
        with self.lock:
            self.enabled = enabled
            self.hits.clear()
            self.times.clear()
            self.all_times.clear()

    def hit(self, path: str) -> int:
        """Count a request for ``path`` (query excluded); returns how many there were so far."""
        now = time.monotonic()
        with self.lock:
            self.hits[path] += 1
            self.times.setdefault(path, []).append(now)
            self.all_times.append(now)
            return self.hits[path]

    def blob(self, name: str) -> bytes:
        """Big generated bodies (gzip bombs), built once."""
        with self.lock:
            blob = self._blobs.get(name)
        if blob is None:  # built outside the lock: other requests go on meanwhile
            size = self.faults.bomb_bytes if name == "bomb" else self.faults.sitemap_bomb_bytes
            blob = _gzip_zeros(size)
            with self.lock:
                blob = self._blobs.setdefault(name, blob)
        return blob

    def fault_stats(self) -> dict[str, Any]:
        with self.lock:
            return {"hits": dict(self.hits), "times": {k: list(v) for k, v in self.times.items()}}

    def shutdown(self) -> None:
        self.stopping.set()
        super().shutdown()


def _real_article_id(path: str) -> int | None:
    tail = path.rsplit("-", 1)[-1].removesuffix(".html")
    return int(tail) if tail.isdigit() and not path.startswith(("/print/", FAULT_PREFIX)) else None


class FaultHandler(PortalHandler):
    """The demo portal's routes, plus the fault routes under /faults/ and misbehaving articles."""

    server: FaultServer

    def _route(self, path: str, query: str, head_only: bool) -> None:
        if path.startswith("/__"):
            if path == "/__faults__.json":
                data = {"articles": fault_truth(self.origin), "config": asdict(self.server.faults),
                        **self.server.fault_stats()}
                self._send(200, json.dumps(data).encode(), "application/json", head_only)
                return
            super()._route(path, query, head_only)
            return
        if not self.server.enabled:
            super()._route(path, query, head_only)
            return
        count = self.server.hit(path)
        if path == "/robots.txt":
            self._send(200, self._robots().encode(), TEXT, head_only)
        elif path.startswith(FAULT_PREFIX):
            self._fault(path.removeprefix(FAULT_PREFIX), query, count, head_only)
        elif not self._misbehave(path, count, head_only):
            super()._route(path, query, head_only)

    # -- real articles that misbehave first ------------------------------------------------
    def _misbehave(self, path: str, count: int, head_only: bool) -> bool:
        faults, i = self.server.faults, _real_article_id(path)
        if i is None or not faults.misbehave:
            return False
        if i % faults.storm_every == 4 and count <= faults.storm_failures:
            self._send(503, b"Service Unavailable: storm\n", TEXT, head_only)
            return True
        if i % faults.throttle_every == 6 and count == 1:
            self._send(429, b"Too Many Requests\n", TEXT, head_only,
                       {"Retry-After": str(faults.retry_after)})
            return True
        if i % faults.reset_every == 8 and count == 1:
            self._reset()
            return True
        return False

    # -- /faults/... ------------------------------------------------------------------------
    def _robots(self) -> str:
        origin, faults = self.origin, self.server.faults
        lines = ["User-agent: *", "Disallow: /search", "Disallow: /private/",
                 "Disallow: /faults/forbidden/"]
        if faults.crawl_delay is not None:
            lines.append(f"Crawl-delay: {faults.crawl_delay:g}")
        lines.append("")
        names = ["sitemap_index.xml", "news-sitemap.xml", "faults/sitemap.xml"]
        if faults.full:
            names += ["faults/xxe-feed.xml", "faults/xxe-sitemap.xml", "faults/laughs-sitemap.xml",
                      "faults/broken-sitemap.xml", "faults/not-a-sitemap.xml",
                      "faults/big-sitemap.xml", "faults/sitemap-gz.xml.gz",
                      "faults/sitemap-bomb.xml.gz"]
        lines += [f"Sitemap: {origin}/{name}" for name in names]
        return "\n".join(lines) + "\n"

    def _fault_sitemap(self) -> str:
        o, faults = self.origin + FAULT_PREFIX, self.server.faults
        names = [] if not faults.full else [
            "2024/03/04/slow-story.html", "tarpit.html", "reset.html", "storm-down.html",
            "throttled-long.html", "loop/a", f"longchain/{faults.long_chain}", "shortchain/3",
            "oversize.html", "oversize-stream.html", "gzip-bomb.html", "binary.html",
            "report.html", "nested.html", "calendar/2024/01/", "session/?sid=0f0f0f0f",
            "forbidden/2024/03/04/forbidden-story.html",
            *(a.path.removeprefix(FAULT_PREFIX) for a in FAULT_ARTICLES if a.kind == "charset"),
        ]
        if faults.private_redirects:
            names += ["redirect/private", "redirect/metadata", "redirect/localhost", "redirect/ipv6"]
        return _urlset([o + n for n in names])

    def _fault(self, name: str, query: str, count: int, head_only: bool) -> None:
        faults, origin = self.server.faults, self.origin
        articles = {a.path.removeprefix(FAULT_PREFIX): a for a in (*FAULT_ARTICLES, FORBIDDEN)}
        forbidden = FORBIDDEN.path.removeprefix(FAULT_PREFIX)
        articles["forbidden/" + forbidden] = articles.pop(forbidden)
        if name == "sitemap.xml":
            self._send(200, self._fault_sitemap().encode(), XML, head_only)
        elif name in articles:
            self._fault_article(articles[name], head_only)
        elif name == "tarpit.html":
            self._tarpit()
        elif name == "reset.html":
            self._reset()
        elif name == "storm-down.html":
            self._send(503, b"Service Unavailable\n", TEXT, head_only)
        elif name == "throttled-long.html":
            self._send(429, b"Too Many Requests\n", TEXT, head_only, {"Retry-After": "3600"})
        elif name.startswith("loop/"):
            other = "b" if name == "loop/a" else "a"
            self._redirect(f"{FAULT_PREFIX}loop/{other}", head_only)
        elif name.startswith(("longchain/", "shortchain/")):
            kind, _, n = name.partition("/")
            step = int(n) if n.isdigit() else 0
            hop = (f"{FAULT_PREFIX}{kind}/{step - 1}" if step > 0 else
                   FAULT_ARTICLES[1].path if kind == "shortchain" else "/")
            self._redirect(hop, head_only)
        elif name.startswith("redirect/") and faults.private_redirects:
            port = self.server.server_address[1]
            target = {
                "redirect/private": f"http://10.0.0.1:{port}/faults/2024/03/04/slow-story.html",
                "redirect/metadata": "http://169.254.169.254/latest/meta-data/",
                "redirect/localhost": f"http://localhost:{port}/faults/2024/03/04/slow-story.html",
                "redirect/ipv6": f"http://[::1]:{port}/faults/2024/03/04/slow-story.html",
            }.get(name)
            if target is None:
                self._not_found(head_only)
            else:
                self._redirect(target, head_only)
        elif name in ("oversize.html", "oversize-stream.html"):
            self._oversize(announce=name == "oversize.html", head_only=head_only)
        elif name == "gzip-bomb.html":
            self._send(200, self.server.blob("bomb"), HTML, head_only, {"Content-Encoding": "gzip"})
        elif name == "binary.html":
            self._send(200, random.Random(7).randbytes(20_000), HTML, head_only)
        elif name == "report.html":
            pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 40
            self._send(200, pdf + b"\n%%EOF\n", HTML, head_only)
        elif name == "nested.html":
            depth = faults.nested_depth
            page = b"<html><body>" + b"<div>" * depth + b"<p>deep</p>" + b"</div>" * depth
            self._send(200, page + b"</body></html>", HTML, head_only)
        elif name.startswith("calendar/"):
            self._calendar(name, head_only)
        elif name.startswith("session/"):
            sid = f"{random.getrandbits(64):016x}"
            members = (f"<html><body><h1>Members area</h1><p>Visit {count}</p>"
                    f'<a href="{FAULT_PREFIX}session/?sid={sid}">Continue</a>'
                    f'<a href="{FAULT_PREFIX}session/?PHPSESSID={sid}">Again</a>'
                       '<a href="http://127.0.0.1:99999/bad-port.html">Bad port</a>'
                       '<a href="http://[::1/broken-ipv6.html">Broken</a></body></html>')
            self._html(200, members, head_only)
        elif name == "xxe-feed.xml":
            self._send(200, self._xxe_feed(origin).encode(), "application/rss+xml", head_only)
        elif name == "xxe-sitemap.xml":
            doc = (f'<?xml version="1.0"?>\n<!DOCTYPE urlset [\n'
                   f'<!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
                   f'<!ENTITY probe SYSTEM "{origin}{FAULT_PREFIX}xxe-probe">\n]>\n'
                   f'<urlset xmlns="{SITEMAP_NS}"><url><loc>{origin}/&xxe;</loc></url>'
                   f"<url><loc>&probe;</loc></url></urlset>\n")
            self._send(200, doc.encode(), XML, head_only)
        elif name == "xxe-probe":
            self._send(200, b"probe fetched: an entity was resolved\n", TEXT, head_only)
        elif name == "laughs-sitemap.xml":
            self._send(200, self._laughs(origin).encode(), XML, head_only)
        elif name == "broken-sitemap.xml":
            loc = escape(origin + FAULT_ARTICLES[5].path)
            doc = (f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}"><url><loc>{loc}</loc></url>'
                   f"<url><loc>{origin}/faults/unfinished")
            self._send(200, doc.encode(), XML, head_only)
        elif name == "not-a-sitemap.xml":
            self._send(200, b"<html><body><p>Nothing to see here.</p></body></html>", XML, head_only)
        elif name == "big-sitemap.xml":
            self._big_sitemap(head_only)
        elif name == "sitemap-gz.xml.gz":
            body = gzip.compress(_urlset([origin + FAULT_ARTICLES[2].path]).encode(), mtime=0)
            self._send(200, body, "application/x-gzip", head_only)
        elif name == "sitemap-bomb.xml.gz":
            self._send(200, self.server.blob("sitemap-bomb"), "application/x-gzip", head_only)
        else:
            self._not_found(head_only)

    def _fault_article(self, article: FaultArticle, head_only: bool) -> None:
        if article.kind == "slow":
            self.server.stopping.wait(self.server.faults.slow_seconds)
        slug = article.slug
        if slug == "charset-header-lies":  # header says UTF-8, bytes and <meta> are windows-1251
            page = fault_article_html(article, self.origin, "windows-1251")
            self._send(200, page.encode("windows-1251"), "text/html; charset=utf-8", head_only)
        elif slug == "charset-latin1-header":  # header says ISO-8859-1, bytes are UTF-8
            page = fault_article_html(article, self.origin, None)
            self._send(200, page.encode("utf-8"), "text/html; charset=iso-8859-1", head_only)
        elif slug == "charset-meta-lies":  # <meta> says UTF-8, bytes are windows-1252
            page = fault_article_html(article, self.origin, "utf-8")
            self._send(200, page.encode("cp1252"), "text/html", head_only)
        else:
            self._html(200, fault_article_html(article, self.origin, "utf-8"), head_only)

    def _redirect(self, location: str, head_only: bool) -> None:
        self._send(302, b"", HTML, head_only, {"Location": location})

    def _reset(self) -> None:
        """Abort the connection with a TCP RST before sending anything."""
        self.close_connection = True
        with suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()

    def _tarpit(self) -> None:
        """Send a valid response one byte a second until the client leaves (or a byte cap)."""
        self.close_connection = True
        response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                    + b"<html><body>" + b"z" * 1000)
        for i in range(min(self.server.faults.tarpit_bytes, len(response))):
            try:
                self.connection.sendall(response[i:i + 1])
            except OSError:
                return
            if self.server.stopping.wait(1.0):
                return

    def _oversize(self, announce: bool, head_only: bool) -> None:
        size = self.server.faults.oversize_bytes
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        if announce:
            self.send_header("Content-Length", str(size))
        self.send_header("Connection", "close")
        self.end_headers()
        self._record_status(200)
        if head_only:
            return
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        sent = 0
        with suppress(OSError):
            self.wfile.write(b"<html><body>")
            while sent < size and not self.server.stopping.is_set():
                self.wfile.write(chunk)
                sent += len(chunk)

    def _calendar(self, name: str, head_only: bool) -> None:
        parts = [p for p in name.split("/") if p]
        year, month = (int(parts[1]), int(parts[2])) if len(parts) >= 3 and parts[1].isdigit() \
            and parts[2].isdigit() else (2024, 1)
        nxt = (year + (month == 12), month % 12 + 1)
        prev = (year - (month == 1), (month - 2) % 12 + 1)
        page = (f"<html><body><h1>Events {year}-{month:02d}</h1><p>No events this month.</p>"
                f'<a href="{FAULT_PREFIX}calendar/{nxt[0]}/{nxt[1]:02d}/">Next month</a>'
                f'<a href="{FAULT_PREFIX}calendar/{prev[0]}/{prev[1]:02d}/">Previous month</a>'
                "</body></html>")
        self._html(200, page, head_only)

    def _xxe_feed(self, origin: str) -> str:
        story = escape(origin + FAULT_ARTICLES[3].path)
        return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
                f'<!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
                f'<!ENTITY probe SYSTEM "{origin}{FAULT_PREFIX}xxe-probe">\n]>\n'
                f'<rss version="2.0"><channel><title>&xxe;</title>'
                f"<item><title>&xxe;</title><link>{story}</link><description>&probe;</description>"
                f"</item><item><title>Leak</title><link>{origin}/faults/leak-&xxe;.html</link></item>"
                f"</channel></rss>\n")

    def _laughs(self, origin: str) -> str:
        entities = ['<!ENTITY lol0 "lol">']
        for n in range(1, 10):
            entities.append(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">')
        story = escape(origin + FAULT_ARTICLES[4].path)
        return ('<?xml version="1.0"?>\n<!DOCTYPE urlset [\n' + "\n".join(entities) + "\n]>\n"
                f'<urlset xmlns="{SITEMAP_NS}"><url><loc>{story}</loc></url>'
                f"<url><loc>{origin}/&lol9;</loc></url></urlset>\n")

    def _big_sitemap(self, head_only: bool) -> None:
        """More than 50,000 URLs: the real articles again and again, with tracking parameters."""
        portal, origin = self.server.portal, self.origin
        paths = [portal.headline(i).path for i in range(portal.total)]
        urls = [f"{origin}{paths[n % len(paths)]}?utm_source=big&amp;utm_term={n}"
                for n in range(self.server.faults.big_sitemap_urls)]
        body = "\n".join(f"<url><loc>{u}</loc></url>" for u in urls)
        doc = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n{body}\n</urlset>\n'
        self._send(200, doc.encode(), XML, head_only)


def make_fault_server(host: str, port: int, config: PortalConfig, faults: FaultConfig) -> FaultServer:
    """A bound, not yet serving, fault-mode portal server (port 0 = ephemeral)."""
    return FaultServer((host, port), Portal(config), faults)


@contextmanager
def running_fault_portal(
    config: PortalConfig | None = None, faults: FaultConfig | None = None, host: str = "127.0.0.1"
) -> Iterator[str]:
    """Serve the fault mode in a background thread; yield its base URL (a str with .server)."""
    server = make_fault_server(host, 0, config or PortalConfig(), faults or FaultConfig())
    with serving(server, name="fault-portal") as url:
        yield url


def serve_faults_forever(
    host: str, port: int, config: PortalConfig, out: TextIO, faults: FaultConfig | None = None
) -> None:
    """Announce "Serving demo portal (fault mode) at URL" on ``out``, serve until Ctrl-C."""
    server = make_fault_server(host, port, config, faults or FaultConfig())

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous: Any = None
    installed = threading.current_thread() is threading.main_thread()
    if installed:
        previous = signal.signal(signal.SIGTERM, stop)
    try:
        out.write(f"Serving demo portal (fault mode) at {server.base_url}\n")
        out.flush()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stopping.set()
        server.server_close()
        if installed:
            signal.signal(signal.SIGTERM, previous)

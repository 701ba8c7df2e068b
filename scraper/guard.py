"""Where a crawl may go: no private addresses from a public site, no redirect loops or endless chains.

The rule (docs/reliability.md): the crawl's start hosts are always allowed (the user asked for
them). Any other host, reached by a redirect or a link, must resolve to public (globally
routable) addresses unless private ones are allowed: ``GUARD_ALLOW_PRIVATE = "auto"`` allows
them exactly when a start host is itself loopback or private (the demo portal on 127.0.0.1) or
the site profile says ``allow_private = true``; ``"1"``/``"0"`` force the decision. Refusals
happen before any connection is made, are counted (``crawl/errors/private_address``) and
logged with the reason.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urljoin, urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from w3lib.url import safe_url_string

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
Resolver = Callable[[str], Awaitable[list[str]]]


class Refused(IgnoreRequest):
    """A request the crawl will not make (or follow); ``kind`` names the rule, the text says why."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def address_problem(address: str) -> str | None:
    """Why ``address`` (an IP literal) is not a public address, or None when it is one."""
    try:
        ip = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for label, flag in (
        ("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
        ("private", ip.is_private), ("reserved", ip.is_reserved),
    ):
        if flag:
            return f"a {label} address"
    if not ip.is_global:
        return "not a globally routable address"
    return None


def host_problem(host: str) -> str | None:
    """Like address_problem for a host without DNS: None for names (they need resolving)."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "a loopback name"
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None
    return address_problem(host)


def is_private_host(host: str) -> bool:
    """A start host that is loopback/private by itself (an IP literal or ``localhost``)."""
    return host_problem(host) is not None


def parse_allow_private(value: object) -> bool | None:
    """GUARD_ALLOW_PRIVATE: "auto" -> None; true/false words -> bool; else ValueError."""
    text = str(value).strip().lower()
    if text in ("auto", ""):
        return None
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"GUARD_ALLOW_PRIVATE must be auto, true or false, not {value!r}")


async def _resolve(host: str) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


class GuardMiddleware:
    """Downloader middleware: refuses private addresses (per the rule above), redirect loops and
    redirect chains longer than REDIRECT_MAX_TIMES, all before any connection.

    Registered after RedirectMiddleware (number > 600) so it sees a 3xx response before the
    redirect is built; its ``process_request`` sees every request, robots.txt fetches included.
    """

    def __init__(
        self, stats: StatsCollector, allow_private: bool | None, max_redirects: int,
        resolver: Resolver = _resolve,
    ) -> None:
        self.stats = stats
        self.mode = allow_private
        self.allow_private = bool(allow_private)
        self.max_redirects = max_redirects
        self.resolver = resolver
        self.start_hosts: set[str] = set()
        self._resolved: dict[str, str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        settings = crawler.settings
        if not settings.getbool("GUARD_ENABLED", True):
            raise NotConfigured("GUARD_ENABLED is off")
        try:
            mode = parse_allow_private(settings.get("GUARD_ALLOW_PRIVATE", "auto"))
        except ValueError as exc:
            raise NotConfigured(str(exc)) from exc
        assert crawler.stats is not None
        middleware = cls(crawler.stats, mode, settings.getint("REDIRECT_MAX_TIMES", 10))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: object) -> None:
        profile = getattr(spider, "profile", None)
        self.configure(getattr(spider, "start_urls", []) or [],
                       bool(getattr(profile, "allow_private", False)))

    def configure(self, start_urls: Iterable[str], profile_allows: bool) -> None:
        """Learn the start hosts and decide whether private addresses are allowed."""
        self.start_hosts = {(urlsplit(u).hostname or "").lower() for u in start_urls} - {""}
        if self.mode is None:
            self.allow_private = profile_allows or any(is_private_host(h) for h in self.start_hosts)
        self.stats.set_value("guard/allow_private", int(self.allow_private))

    async def problem(self, url: str) -> str | None:
        """Why a request to ``url`` must not be made, or None."""
        host = (urlsplit(url).hostname or "").lower()
        if self.allow_private or not host or host in self.start_hosts:
            return None
        problem = host_problem(host)
        if problem is not None:
            return f"{host} is {problem}"
        if host not in self._resolved:
            try:
                addresses = await self.resolver(host)
            except (OSError, UnicodeError):
                addresses = []  # the download itself will fail and say why
            bad = [(a, p) for a in addresses if (p := address_problem(a)) is not None]
            self._resolved[host] = f"{host} resolves to {bad[0][0]}, {bad[0][1]}" if bad else None
        return self._resolved[host]

    def _refuse(self, kind: str, reason: str) -> Refused:
        self.stats.inc_value(f"guard/refused/{kind}")
        return Refused(kind, reason)

    async def process_request(self, request: Request) -> None:
        problem = await self.problem(request.url)
        if problem:
            raise self._refuse(
                "private_address", f"{problem}; a public site may not send the crawl there"
            )

    async def process_response(self, request: Request, response: Response) -> Response:
        if (
            response.status not in REDIRECT_STATUSES
            or request.meta.get("dont_redirect")
            or response.status in request.meta.get("handle_httpstatus_list", ())
            or not response.headers.get(b"Location")
        ):
            return response
        location = (response.headers.get(b"Location") or b"").decode("latin-1")
        target = safe_url_string(urljoin(request.url, location)).split("#", 1)[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            loop = " -> ".join([*chain[chain.index(target):], target])
            raise self._refuse("redirect_loop", f"redirect loop: {loop}")
        if len(chain) > self.max_redirects:
            raise self._refuse(
                "redirect_chain",
                f"more than {self.max_redirects} redirects in a row (REDIRECT_MAX_TIMES) from "
                f"{chain[0]}",
            )
        problem = await self.problem(target)
        if problem:
            raise self._refuse(
                "private_address",
                f"redirect to {target} refused: {problem}; a public site may not send the crawl there",
            )
        return response

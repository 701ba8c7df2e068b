"""The redirect guard: the address rule as a pure decision, the middleware, and a crawl it guards.

No test sends a packet anywhere but 127.0.0.1: the decision is made before connecting, DNS is
replaced by a fake resolver, and the end-to-end crawl only ever connects to the portal.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from archive.portal.content import PortalConfig
from archive.portal.faults import FaultConfig, running_fault_portal
from archive.store import ArchiveStore
from scraper.guard import GuardMiddleware, Refused, address_problem, host_problem
from scraper.run import CrawlJob, run_crawl
from scraper.spiders.news import NewsSpider
from tests.faultkit import FAST, fetch_json


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
     "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "fc00::1", "::",
     "::ffff:10.0.0.1", "::ffff:127.0.0.1", "[::1]"],
)
def test_private_loopback_link_local_and_reserved_addresses_are_refused(address: str) -> None:
    assert address_problem(address) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(address) is None


def test_host_names_need_dns_except_localhost() -> None:
    assert host_problem("localhost") == "a loopback name"
    assert host_problem("api.localhost.") == "a loopback name"
    assert host_problem("news.example") is None  # decided after resolving
    assert host_problem("169.254.169.254") == "a link-local address"


def _guard(mode: object = "auto", resolved: dict[str, list[str]] | None = None) -> GuardMiddleware:
    crawler = get_crawler(NewsSpider, {"GUARD_ALLOW_PRIVATE": mode, "REDIRECT_MAX_TIMES": 3})
    guard = GuardMiddleware.from_crawler(crawler)
    table = resolved or {}

    async def fake_resolve(host: str) -> list[str]:
        if host not in table:
            raise OSError("no such host")
        return table[host]

    guard.resolver = fake_resolve
    return guard


def _problem(guard: GuardMiddleware, url: str) -> str | None:
    return asyncio.run(guard.problem(url))


def test_a_public_start_refuses_private_targets_and_allows_public_ones() -> None:
    guard = _guard(resolved={"intranet.example": ["10.1.2.3"], "cdn.example": ["93.184.216.34"],
                             "news.example": ["10.9.9.9"]})
    guard.configure(["https://news.example/"], profile_allows=False)
    assert not guard.allow_private
    assert _problem(guard, "https://news.example/a") is None  # the start host: the user asked
    assert _problem(guard, "http://cdn.example/x") is None
    assert _problem(guard, "http://intranet.example/") == (
        "intranet.example resolves to 10.1.2.3, a private address"
    )
    assert _problem(guard, "http://127.0.0.1:8080/") == "127.0.0.1 is a loopback address"
    assert _problem(guard, "http://169.254.169.254/latest/") == "169.254.169.254 is a link-local address"
    assert _problem(guard, "http://unknown.example/") is None  # DNS fails: the download says why


def test_a_private_start_allows_private_targets() -> None:
    guard = _guard()
    guard.configure(["http://127.0.0.1:8123/"], profile_allows=False)
    assert guard.allow_private
    assert _problem(guard, "http://10.0.0.1/") is None


def test_the_profile_and_the_setting_decide_explicitly() -> None:
    guard = _guard()
    guard.configure(["https://news.example/"], profile_allows=True)
    assert guard.allow_private
    forced_off = _guard(mode="0")
    forced_off.configure(["http://127.0.0.1:8123/"], profile_allows=True)
    assert not forced_off.allow_private
    assert _problem(forced_off, "http://127.0.0.1:8123/a") is None  # still the start host
    assert _problem(forced_off, "http://10.0.0.1/") is not None
    forced_on = _guard(mode="true")
    forced_on.configure(["https://news.example/"], profile_allows=False)
    assert forced_on.allow_private


def test_a_bad_setting_disables_nothing_silently() -> None:
    with pytest.raises(NotConfigured, match="GUARD_ALLOW_PRIVATE must be auto, true or false"):
        GuardMiddleware.from_crawler(get_crawler(NewsSpider, {"GUARD_ALLOW_PRIVATE": "maybe"}))


def _redirect(guard: GuardMiddleware, url: str, location: str, chain: list[str]) -> Response:
    request = Request(url, meta={"redirect_urls": chain})
    response = Response(url, status=302, headers={"Location": location}, request=request)
    result = asyncio.run(guard.process_response(request, response))
    assert isinstance(result, Response)
    return result


def test_redirect_loops_chains_and_private_targets_are_refused_before_following() -> None:
    guard = _guard(mode="0")
    guard.configure(["http://127.0.0.1:1/"], profile_allows=False)
    assert _redirect(guard, "http://127.0.0.1:1/a", "/b", []).status == 302
    with pytest.raises(Refused, match=r"redirect loop: http://127.0.0.1:1/a -> http://127.0.0.1:1/b -> http://127.0.0.1:1/a"):
        _redirect(guard, "http://127.0.0.1:1/b", "/a", ["http://127.0.0.1:1/a"])
    chain = [f"http://127.0.0.1:1/{n}" for n in range(3)]
    with pytest.raises(Refused, match="more than 3 redirects in a row"):
        _redirect(guard, "http://127.0.0.1:1/3", "/4", chain)
    refusal = re.escape("redirect to http://10.0.0.1/x refused: 10.0.0.1 is a private address")
    with pytest.raises(Refused, match=refusal):
        _redirect(guard, "http://127.0.0.1:1/a", "http://10.0.0.1/x", [])
    stats = guard.stats.get_stats()
    assert stats["guard/refused/redirect_loop"] == stats["guard/refused/redirect_chain"] == 1
    assert stats["guard/refused/private_address"] == 1


def test_a_crawl_treated_as_public_refuses_redirects_to_private_addresses(tmp_path: Path) -> None:
    """The portal redirects to 10.0.0.1, 169.254.169.254, localhost and [::1]; nothing connects."""
    faults = FaultConfig(full=False, misbehave=False, private_redirects=True)
    with running_fault_portal(PortalConfig(articles=3), faults) as url:
        outcome = run_crawl(CrawlJob(db=tmp_path / "a.db", url=url, timeout=90, settings={
            **FAST, "GUARD_ALLOW_PRIVATE": "0"}))
        hits = fetch_json(f"{url}__faults__.json")["hits"]
    assert outcome.ok
    with ArchiveStore.open(tmp_path / "a.db") as store:
        row = store.crawl(outcome.crawl_id) or {}
        assert store.count_articles() == 3  # the site itself was crawled
    errors = json.loads(row["error_summary"])
    stats = json.loads(row["stats"])
    assert errors["private_address"] == 4
    assert stats["guard/refused/private_address"] == 4
    for name in ("private", "metadata", "localhost", "ipv6"):
        assert hits[f"/faults/redirect/{name}"] == 1
    assert "/faults/2024/03/04/slow-story.html" not in hits  # no redirect was followed, even to us
    log = outcome.log_file.read_text(encoding="utf-8")
    assert "redirect to http://10.0.0.1:" in log and "10.0.0.1 is a private address" in log
    assert "169.254.169.254 is a link-local address; a public site may not send the crawl there" in log

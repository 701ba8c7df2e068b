"""The hostile web: one crawl of the fault-mode portal, then one test per fault kind.

Every test reads the same crawl (a module fixture): an archive that already holds another
site's articles, then a crawl of a 30-article portal whose server stalls, resets, storms,
throttles, loops, bloats, lies and traps (archive/portal/faults.py). Each test shows that the
crawl went on, that the resource was retried or skipped per docs/reliability.md, that the
failure is in the crawl's stats and log with a readable reason, and that nothing was lost.
"""

from __future__ import annotations

import itertools
import json
import resource
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archive.portal.content import PortalConfig
from archive.portal.faults import FAULT_ARTICLES, FaultConfig, running_fault_portal
from archive.portal.server import running_portal
from archive.store import ArchiveStore
from scraper.run import CrawlJob, run_crawl
from tests.faultkit import FAST, fetch_json, fetch_json_lines, integrity, read_rows

RETRY_TIMES = 2
MEMORY_BOUND_MB = 600
MAX_SIZE = 8 * 1024 * 1024
CRAWL = {**FAST, "DOWNLOAD_MAXSIZE": str(MAX_SIZE)}


@dataclass
class FaultCrawl:
    url: str
    db: Path
    truth: list[dict[str, Any]]
    fault_truth: list[dict[str, Any]]
    hits: dict[str, int]
    times: dict[str, list[float]]
    row: dict[str, Any]
    stats: dict[str, Any]
    errors: dict[str, int]
    log: str
    before: list[dict[str, Any]]
    returncode: int

    def hits_of(self, suffix: str) -> int:
        return sum(n for path, n in self.hits.items() if path.endswith(suffix))

    def rows(self) -> dict[str, dict[str, Any]]:
        return {r["url"]: r for r in read_rows(self.db)}


@pytest.fixture(scope="module")
def faulted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultCrawl]:
    db = tmp_path_factory.mktemp("faults") / "news.db"
    # 1. the archive already holds another site's articles
    with running_portal(PortalConfig(articles=8, seed=5)) as other:
        first = run_crawl(CrawlJob(db=db, url=other, timeout=120, settings=dict(FAST)))
        assert first.ok, first.log_file.read_text()
    before = read_rows(db)
    assert len(before) == 8
    # 2. a crawl of the hostile site into the same archive
    with running_fault_portal(PortalConfig(articles=30), FaultConfig()) as url:
        truth = fetch_json_lines(f"{url}__truth__.jsonl")
        outcome = run_crawl(CrawlJob(db=db, url=url, timeout=150, settings=dict(CRAWL)))
        faults = fetch_json(f"{url}__faults__.json")
    with ArchiveStore.open(db) as store:
        row = store.crawl(outcome.crawl_id) or {}
    yield FaultCrawl(
        url=url, db=db, truth=truth, fault_truth=faults["articles"], hits=faults["hits"],
        times=faults["times"], row=row, stats=json.loads(row.get("stats") or "{}"),
        errors=json.loads(row.get("error_summary") or "{}"),
        log=outcome.log_file.read_text(encoding="utf-8", errors="replace"), before=before,
        returncode=outcome.returncode,
    )


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# -- the crawl as a whole ---------------------------------------------------------------------
def test_the_crawl_goes_on_to_a_normal_finish(faulted: FaultCrawl) -> None:
    assert faulted.returncode == 0
    assert faulted.row["status"] == "finished"
    assert faulted.stats["finish_reason"] == "finished"
    assert faulted.row["errors"] == sum(faulted.errors.values()) > 10


def test_every_truth_and_fault_article_exactly_once(faulted: FaultCrawl) -> None:
    urls = [r["url"] for r in read_rows(faulted.db) if r["url"].startswith(faulted.url)]
    expected = [t["url"] for t in faulted.truth] + [t["url"] for t in faulted.fault_truth]
    assert sorted(urls) == sorted(expected)
    assert len(urls) == len(set(urls)) == 39


def test_nothing_archived_before_is_lost_or_changed(faulted: FaultCrawl) -> None:
    rows = faulted.rows()
    for old in faulted.before:
        assert rows[old["url"]] == old


def test_archive_passes_integrity_checks(faulted: FaultCrawl) -> None:
    assert integrity(faulted.db) == []


def test_memory_stays_bounded(faulted: FaultCrawl) -> None:
    """The crawl process (Scrapy's memusage) and every process it started (extraction workers)."""
    assert faulted.stats["memusage/max"] < MEMORY_BOUND_MB * 1024 * 1024
    children_peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert children_peak_kb < MEMORY_BOUND_MB * 1024


# -- slow, stalled and broken connections ------------------------------------------------------
def test_slow_page_is_waited_for_and_archived(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/slow-story.html") == 1
    assert any(u.endswith("/slow-story.html") for u in faulted.rows())


def test_tarpit_times_out_is_retried_then_skipped(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/tarpit.html") == 1 + RETRY_TIMES
    assert faulted.errors["DownloadTimeoutError"] == 1
    assert "tarpit.html: Getting" in faulted.log and "took longer than 3.0 seconds" in faulted.log


def test_connection_reset_is_retried_then_skipped(faulted: FaultCrawl) -> None:
    # Twisted itself re-sends once when a reused keep-alive connection dies: up to 2 per attempt
    assert 1 + RETRY_TIMES <= faulted.hits_of("/faults/reset.html") <= 2 * (1 + RETRY_TIMES)
    assert faulted.errors["DownloadFailedError"] == 1
    assert "reset.html: the server reset or closed the connection" in faulted.log


def test_articles_whose_first_connection_is_reset_are_archived(faulted: FaultCrawl) -> None:
    rows = faulted.rows()
    flaky = [t for t in faulted.truth if t["id"] % 10 == 8]
    assert flaky
    for t in flaky:
        assert faulted.hits[path_of(t["url"])] >= 2
        assert t["url"] in rows


# -- 5xx storms and 429 ------------------------------------------------------------------------
def test_5xx_storm_articles_recover_by_retrying(faulted: FaultCrawl) -> None:
    rows = faulted.rows()
    storming = [t for t in faulted.truth if t["id"] % 10 == 4]
    assert storming
    for t in storming:
        assert faulted.hits[path_of(t["url"])] == 3  # 503, 503, 200
        assert rows[t["url"]]["title"] == t["title"]
    assert faulted.stats["retry/reason_count/503 Service Unavailable"] >= 2 * len(storming)


def test_permanent_503_is_given_up_after_the_retry_budget(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/storm-down.html") == 1 + RETRY_TIMES
    assert faulted.errors["http_503"] == 1
    assert "storm-down.html: HTTP 503 (given up after 2 retries)" in faulted.log


def test_429_retry_after_is_waited_out_then_retried(faulted: FaultCrawl) -> None:
    rows = faulted.rows()
    throttled = [t for t in faulted.truth if t["id"] % 10 == 6]
    assert throttled
    for t in throttled:
        times = faulted.times[path_of(t["url"])]
        assert len(times) >= 2
        assert times[1] - times[0] >= 0.9  # Retry-After: 1
        assert t["url"] in rows
    assert faulted.stats["polite/retry_after_waits"] >= len(throttled)
    assert "waiting 1s (Retry-After) before retrying" in faulted.log


def test_429_with_a_retry_after_beyond_the_cap_is_skipped_at_once(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/throttled-long.html") == 1
    assert faulted.errors["retry_after_too_long"] == 1
    assert "come back in 3600s (Retry-After: 3600), more than POLITE_RETRY_AFTER_MAX" in faulted.log


# -- redirects ---------------------------------------------------------------------------------
def test_redirect_loop_is_refused_at_the_first_repeat(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/loop/a") == 1
    assert faulted.hits_of("/faults/loop/b") == 1
    assert faulted.errors["redirect_loop"] == 1
    assert "redirect loop: " in faulted.log and "/faults/loop/a -> " in faulted.log


def test_redirect_chain_longer_than_the_limit_is_refused(faulted: FaultCrawl) -> None:
    chain_hits = sum(n for p, n in faulted.hits.items() if p.startswith("/faults/longchain/"))
    assert chain_hits == 11  # the start and 10 redirects (REDIRECT_MAX_TIMES), no more
    assert faulted.errors["redirect_chain"] == 1
    assert "more than 10 redirects in a row (REDIRECT_MAX_TIMES)" in faulted.log


def test_short_redirect_chain_is_followed_to_its_article(faulted: FaultCrawl) -> None:
    assert any(u.endswith("/short-chain-story.html") for u in faulted.rows())


# -- too big -----------------------------------------------------------------------------------
def test_body_announced_over_the_size_cap_is_cancelled(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/oversize.html") == 1  # not retried
    assert f"oversize.html: body larger than DOWNLOAD_MAXSIZE ({MAX_SIZE} bytes)" in faulted.log


def test_streamed_body_over_the_size_cap_is_cancelled(faulted: FaultCrawl) -> None:
    # cancelled at the cap; a slow stream may time out first, and that is retried
    assert 1 <= faulted.hits_of("/faults/oversize-stream.html") <= 1 + RETRY_TIMES
    assert "oversize-stream.html: body larger than DOWNLOAD_MAXSIZE" in faulted.log
    assert faulted.errors["too_large"] == 3  # the two above and the gzip bomb


def test_gzip_bomb_page_is_dropped_while_inflating(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/gzip-bomb.html") == 1
    assert "gzip-bomb.html: inflates past DOWNLOAD_MAXSIZE (gzip bomb?)" in faulted.log


# -- not what it says it is --------------------------------------------------------------------
def test_binary_labelled_html_is_skipped(faulted: FaultCrawl) -> None:
    assert "binary.html: not an HTML page: looks like binary data" in faulted.log


def test_pdf_labelled_html_is_skipped(faulted: FaultCrawl) -> None:
    assert "report.html: not an HTML page: looks like a PDF document" in faulted.log
    assert faulted.errors["extract_failed"] == 2  # the binary page and the PDF


@pytest.mark.parametrize("slug", ["charset-header-lies", "charset-latin1-header", "charset-meta-lies"])
def test_lying_charset_is_decoded_right(faulted: FaultCrawl, slug: str) -> None:
    truth = next(t for t in faulted.fault_truth if t["url"].endswith(f"/{slug}.html"))
    row = faulted.rows()[truth["url"]]
    assert row["title"] == truth["title"]
    assert truth["first_sentence"] in row["body"]
    assert "\ufffd" not in row["body"] and "Ã" not in row["body"]


def test_100k_nested_tags_do_not_stop_the_crawl(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/nested.html") == 1
    assert "extract_crashed" not in faulted.errors
    assert faulted.stats.get("extract/timeout", 0) == 0


def test_unparseable_links_do_not_cost_the_page(faulted: FaultCrawl) -> None:
    """The session page links to a bad port and a broken IPv6 literal; its other links count."""
    assert "extract_crashed" not in faulted.errors
    assert faulted.stats["discovery/bad_url"] >= 1


# -- traps and robots.txt ----------------------------------------------------------------------
def test_calendar_trap_ends_at_the_depth_limit(faulted: FaultCrawl) -> None:
    months = [p for p in faulted.hits if p.startswith("/faults/calendar/")]
    assert 3 <= len(months) <= 2 * 6  # both directions, at most DEPTH_LIMIT (6) hops deep
    assert faulted.stats["depth/request_ignored_count"] >= 1


def test_session_id_trap_collapses_to_one_url(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/session/") == 1  # every ?sid= / ?PHPSESSID= link is the same page


def test_robots_disallow_is_obeyed(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/forbidden-story.html") == 0
    assert faulted.stats["robotstxt/forbidden"] >= 1
    assert "forbidden-story.html: Forbidden by robots.txt" in faulted.log


# -- sitemaps and feeds ------------------------------------------------------------------------
def test_external_entities_in_a_feed_are_never_resolved(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/xxe-feed.xml") == 1
    assert faulted.hits_of("/faults/xxe-probe") == 0  # the http:// entity was never fetched
    assert any(u.endswith("/feed-only-story.html") for u in faulted.rows())  # the feed still counts
    conn = sqlite3.connect(faulted.db)
    try:
        assert conn.execute("SELECT count(*) FROM articles WHERE body LIKE '%root:%'").fetchone()[0] == 0
    finally:
        conn.close()


def test_external_entities_in_a_sitemap_are_never_resolved(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/xxe-sitemap.xml") == 1
    assert faulted.hits_of("/faults/xxe-probe") == 0
    assert not any("passwd" in p or "root:" in p for p in faulted.hits)


def test_billion_laughs_sitemap_is_not_expanded(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/laughs-sitemap.xml") == 1
    assert any(u.endswith("/laughs-story.html") for u in faulted.rows())
    assert not any("lol" in p for p in faulted.hits)


def test_malformed_sitemap_gives_what_it_can(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/broken-sitemap.xml") == 1
    assert any(u.endswith("/broken-xml-story.html") for u in faulted.rows())


def test_html_listed_as_a_sitemap_is_counted_and_skipped(faulted: FaultCrawl) -> None:
    assert "not-a-sitemap.xml: neither a sitemap nor a feed (root element <html>)" in faulted.log
    assert faulted.errors["discovery_bad_listing"] == 2  # this one and the gzip bomb sitemap


def test_sitemap_over_50000_urls_is_read_up_to_the_limit(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/big-sitemap.xml") >= 1
    assert faulted.stats["discovery/truncated"] == 1
    assert "big-sitemap.xml lists more than 50000 URLs: the rest is ignored" in faulted.log
    # 50,000 links to 30 articles under tracking parameters: one request each
    assert faulted.stats["dupefilter/filtered"] >= 49_000


def test_gzipped_sitemap_is_read(faulted: FaultCrawl) -> None:
    assert faulted.hits_of("/faults/sitemap-gz.xml.gz") == 1
    assert any(u.endswith("/gz-only-story.html") for u in faulted.rows())


def test_gzipped_sitemap_bomb_is_refused(faulted: FaultCrawl) -> None:
    assert "sitemap-bomb.xml.gz: decompresses to more than 52428800 bytes (gzip bomb?)" in faulted.log


def test_every_fault_article_has_a_test_path() -> None:
    kinds = {a.kind for a in FAULT_ARTICLES}
    assert kinds <= {"slow", "redirect_short", "gzip_sitemap", "xxe", "billion_laughs",
                     "malformed_xml", "charset"}


# -- robots.txt Crawl-delay: its own, short crawl ----------------------------------------------
def test_crawl_delay_is_honoured(tmp_path: Path) -> None:
    delay = 0.4
    faults = FaultConfig(crawl_delay=delay, full=False, misbehave=False)
    with running_fault_portal(PortalConfig(articles=4), faults) as url:
        outcome = run_crawl(CrawlJob(db=tmp_path / "a.db", url=url, timeout=90, settings={
            **FAST, "CLOSESPIDER_PAGECOUNT": "8"}))
        data = fetch_json(f"{url}__faults__.json")
    assert outcome.returncode == 0
    times = sorted(t for path, ts in data["times"].items() for t in ts)
    gaps = [b - a for a, b in itertools.pairwise(times[2:])]  # after both robots.txt fetches
    assert len(gaps) >= 4
    assert min(gaps) >= delay * 0.9
    log = outcome.log_file.read_text(encoding="utf-8")
    assert "asks for Crawl-delay: 0.4; using 0.4s between requests" in log


def test_the_portal_command_serves_the_fault_mode() -> None:
    """`newsarchive portal --faults`: what users run to see the hostile web for themselves."""
    import subprocess
    import sys
    import urllib.request

    command = [sys.executable, "-m", "archive.cli", "portal", "--faults", "--articles", "3"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()  # blocks until the server announces itself
            assert line.startswith("Serving demo portal (fault mode) at http://127.0.0.1:")
            url = line.rsplit(" ", 1)[1].strip()
            with urllib.request.urlopen(f"{url}robots.txt", timeout=10) as resp:
                robots = resp.read().decode()
            assert "Disallow: /faults/forbidden/" in robots
            assert f"Sitemap: {url}faults/big-sitemap.xml" in robots
        finally:
            proc.terminate()
            assert proc.wait(timeout=20) == 0


def test_reliability_doc_links_only_tests_that_exist() -> None:
    import re

    root = Path(__file__).resolve().parent.parent
    doc = (root / "docs" / "reliability.md").read_text(encoding="utf-8")
    links = re.findall(r"\[(test_\w+)\]\(\.\./(tests/\w+\.py)\)", doc)
    assert len(links) >= 30
    for name, path in links:
        assert f"def {name}(" in (root / path).read_text(encoding="utf-8"), (name, path)

"""Tests for the demo news portal: determinism, truth consistency, sitemaps, feeds, traps."""

from __future__ import annotations

import email.utils
import hashlib
import html
import http.client
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from archive.portal import PortalConfig, running_portal
from archive.portal.content import Portal
from archive.portal.render import topbar_date
from archive.portal.server import PortalURL, make_server, serving

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]  # fmt: skip
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
TOPBAR = re.compile(rb'<div class="topbar">[^<]*</div>')
ASIDE = re.compile(rb"<aside\b.*?</aside>", re.DOTALL)
TRUTH_KEYS = {
    "id", "url", "urls", "title", "authors", "published", "published_utc", "modified",
    "modified_utc", "timezone", "section", "sections", "template", "encoding", "body",
    "first_sentence", "last_sentence", "changed_in_edition", "new_in_edition",
    "cosmetic_in_edition", "wire_story", "wire_edits",
}  # fmt: skip
NEW_KEYS = {"cosmetic_in_edition", "wire_story", "wire_edits"}
# sha256 of the truth (without NEW_KEYS, origin "http://h") before wire stories and validators
# existed: wire_share=0 must keep every outlet byte-identical to it.
GOLDEN_TRUTH = {
    PortalConfig(): "b3436aad9c022807c24b79180a149401b271789062660cd65c3ff8d6e5cb8cb5",
    PortalConfig(articles=60, seed=4, edition=2): (
        "a155f858bf9b5240f3d14ea702cba0dfdd98c3cf8104a268dc6bb8667abd666e"
    ),
}
SENTENCE_END = re.compile(r"(?<=[.?!]) (?=[A-Z])")
NOTE = re.compile(rb'\n<(div|span) class="page-note">[^<]*</\1>')


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    """Status, headers and body; HTTP errors (and 304) are returned, not raised."""
    try:
        request = urllib.request.Request(url, headers=headers or {})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read()


def get_text(url: str) -> str:
    status, _, body = fetch(url)
    assert status == 200, url
    return body.decode("utf-8")


def load_truth(base: str) -> list[dict[str, Any]]:
    status, headers, body = fetch(base + "__truth__.jsonl")
    assert status == 200
    assert headers["Content-Type"] == "application/x-ndjson"
    return [json.loads(line) for line in body.decode("utf-8").splitlines()]


def truth_digest(records: list[dict[str, Any]], origin: str) -> str:
    """The GOLDEN_TRUTH hash of truth records served at `origin` (no trailing slash)."""
    old = [{k: v for k, v in rec.items() if k not in NEW_KEYS} for rec in records]
    text = json.dumps(old, ensure_ascii=False).replace(origin, "http://h")
    return hashlib.sha256(text.encode()).hexdigest()


def sentences(body: str) -> set[str]:
    """The sentences of a truth body."""
    return {s for para in body.split("\n\n") for s in SENTENCE_END.split(para)}


def normalise(page: bytes, base: str) -> bytes:
    """Drop the crawl-day header and the server's port."""
    return TOPBAR.sub(b"", page).replace(base.encode(), b"BASE/")


def last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def expected_stamp(template: str, iso: str) -> str:
    """The published time as the template prints it, derived independently from the truth."""
    moment = datetime.fromisoformat(iso)
    month = MONTHS[moment.month - 1]
    if template == "atlas":
        return f"{moment.day} {month} {moment.year} {moment:%H:%M} (UTC{iso[-6:]})"
    if template == "beacon":
        return f"Published {moment:%d.%m.%Y, %H:%M}"
    hour = moment.hour % 12 or 12
    half = "a.m." if moment.hour < 12 else "p.m."
    return f"{month} {moment.day}, {moment.year}, {hour}:{moment:%M} {half}"


@pytest.fixture(scope="module")
def portal() -> Iterator[str]:
    with running_portal(PortalConfig()) as base:
        yield base


@pytest.fixture(scope="module")
def truth(portal: str) -> list[dict[str, Any]]:
    return load_truth(portal)


def test_truth_schema_and_timeline(truth: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in truth] == list(range(200))
    now = datetime.now(UTC)
    previous = None
    for rec in truth:
        assert set(rec) == TRUTH_KEYS
        published = datetime.fromisoformat(rec["published"])
        assert published.second == 0 and published < now
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d", rec["published"])
        assert rec["published_utc"] == published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert rec["timezone"] == rec["published"][-6:]
        if rec["modified"] is not None:
            modified = datetime.fromisoformat(rec["modified"])
            assert modified > published and modified.second == 0
            assert rec["modified_utc"] == modified.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            assert rec["modified_utc"] is None
        if previous is not None:
            assert published >= previous  # monotonic in id
        previous = published
        paragraphs = rec["body"].split("\n\n")
        assert 4 <= len(paragraphs) <= 14
        assert paragraphs[0].startswith(rec["first_sentence"])
        assert paragraphs[-1].endswith(rec["last_sentence"])
        assert 1 <= len(rec["authors"]) <= 3
        assert rec["section"] == rec["sections"][0] and rec["url"] == rec["urls"][0]
        assert rec["changed_in_edition"] is None and rec["new_in_edition"] is None
        assert rec["cosmetic_in_edition"] is None
        assert rec["wire_story"] is None and rec["wire_edits"] == []
    templates = {r["template"] for r in truth}
    assert templates == {"atlas", "beacon", "courier"}
    berlin = {r["timezone"] for r in truth if r["template"] != "atlas"}
    assert berlin == {"+01:00", "+02:00"}
    assert len({r["timezone"] for r in truth if r["template"] == "atlas"}) >= 5
    assert 10 <= sum(r["modified"] is not None for r in truth) <= 70
    assert 5 <= sum(len(r["sections"]) == 2 for r in truth) <= 45
    words = [len(r["body"].split()) for r in truth]
    assert min(words) < 200 and max(words) > 1000
    switch_days = {last_sunday(y, m) for y in range(2019, 2025) for m in (3, 10)}
    on_switch = [r for r in truth if datetime.fromisoformat(r["published"]).date() in switch_days]
    assert len(on_switch) >= 10 and any(r["template"] != "atlas" for r in on_switch)
    assert len({r["first_sentence"] for r in truth}) == len(truth)


def test_bodies_mention_only_earlier_dates(truth: list[dict[str, Any]]) -> None:
    pattern = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})")
    mentions = 0
    for rec in truth:
        day = datetime.fromisoformat(rec["published"]).date()
        for month, dom, year in pattern.findall(rec["body"]):
            mentions += 1
            assert date(int(year), MONTHS.index(month) + 1, int(dom)) < day
    assert mentions >= 20


def test_every_truth_url_serves_the_article(portal: str, truth: list[dict[str, Any]]) -> None:
    jobs = [(rec, url) for rec in truth for url in rec["urls"]]
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda job: fetch(job[1]), jobs))
    for (rec, url), (status, headers, body) in zip(jobs, results, strict=True):
        assert status == 200, url
        page = body.decode(rec["encoding"])
        assert "<h1" in page and html.escape(rec["title"], quote=False) in page
        assert f"<title>{html.escape(rec['title'], quote=False)} | Demo Gazette</title>" in page
        assert rec["first_sentence"] in page and rec["last_sentence"] in page
        assert f'<link rel="canonical" href="{rec["url"]}">' in page
        assert f'<meta property="og:url" content="{rec["url"]}">' in page
        assert '<meta property="og:type" content="article">' in page
        assert expected_stamp(rec["template"], rec["published"]) in page
        if rec["encoding"] == "utf-8":
            assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_article_page_traps_and_templates(portal: str, truth: list[dict[str, Any]]) -> None:
    seen_variants = set()
    for rec in truth[:60]:
        page = get_text(rec["url"]) if rec["encoding"] == "utf-8" else None
        if page is None:
            continue
        names = rec["authors"]
        assert re.search(r'<div class="topbar">\w+day \w+ \d{1,2} \d{4}</div>', page)
        assert "We use cookies" in page and "Accept all" in page
        assert "© 2019–2024 Demo Gazette. All rights reserved." in page
        assert re.search(r"<h2[^>]*>Latest</h2>", page) or "<h3>Latest</h3>" in page
        assert "See more</a>" in page
        assert "?utm_source=twitter&amp;utm_medium=social" in page
        assert f'href="/print/{rec["id"]}"' in page
        assert 'href="/search?q=' in page and 'href="/private/' in page
        plain = re.sub(r"<[^>]+>", "", page)
        expected = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        assert f"By {expected}" in plain
        comment_tag = {"atlas": '<div class="comment">', "beacon": '<li class="comment">'}
        assert 2 <= page.count(comment_tag.get(rec["template"], "<dt>")) <= 4
        times = re.findall(r'<time datetime="([^"]+)"', page)
        published = datetime.fromisoformat(rec["published"])
        newer = [datetime.fromisoformat(t) for t in times if t != rec["published"]]
        if rec["id"] < 190:
            assert len(newer) >= 4 and all(t >= published for t in newer)
        if rec["template"] == "atlas":
            assert "ld+json" not in page and "article:published_time" not in page
            assert rec["published"] not in page
        elif rec["template"] == "beacon":
            assert f'"datePublished": "{rec["published"]}"' in page
            assert f'<meta property="article:published_time" content="{rec["published"]}">' in page
            if rec["modified"]:
                assert f'"dateModified": "{rec["modified"]}"' in page
            else:
                assert "dateModified" not in page and "article:modified_time" not in page
        else:
            assert "ld+json" not in page and "article:published_time" not in page
            variant = rec["published"] in page
            seen_variants.add(variant)
            if variant:
                stamp = expected_stamp("courier", rec["published"])
                assert f'<time datetime="{rec["published"]}">{stamp}</time>' in page
        if rec["modified"]:
            assert "Updated " in page
    assert seen_variants == {True, False}


def test_determinism(portal: str, truth: list[dict[str, Any]]) -> None:
    with running_portal(PortalConfig()) as other:
        again = load_truth(other)
        assert json.dumps(again).replace(other, "BASE/") == json.dumps(truth).replace(
            portal, "BASE/"
        )
        for rec in truth[:12] + truth[-3:]:
            path = rec["url"].removeprefix(portal)
            first, second = fetch(portal + path)[2], fetch(other + path)[2]
            assert normalise(first, portal) == normalise(second, other)
            assert TOPBAR.search(first)
    with running_portal(PortalConfig(seed=2)) as reseeded:
        assert load_truth(reseeded)[10]["title"] != truth[10]["title"]


def test_without_wire_share_output_is_unchanged(portal: str, truth: list[dict[str, Any]]) -> None:
    assert truth_digest(truth, portal[:-1]) == GOLDEN_TRUTH[PortalConfig()]
    for config, digest in GOLDEN_TRUTH.items():
        records = list(Portal(config).iter_truth("http://h"))
        assert truth_digest(records, "http://h") == digest
    with running_portal(PortalConfig(wire_seed=7)) as other:  # the wire seed alone changes nothing
        assert truth_digest(load_truth(other), other[:-1]) == GOLDEN_TRUTH[PortalConfig()]
        for rec in truth[:20]:
            path = rec["url"].removeprefix(portal)
            assert normalise(fetch(portal + path)[2], portal) == normalise(
                fetch(other + path)[2], other
            )
    for bad in (-0.1, 1.5):
        with pytest.raises(ValueError, match="wire_share"):
            PortalConfig(wire_share=bad)


def test_robots_txt(portal: str) -> None:
    status, headers, body = fetch(portal + "robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    lines = body.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /search" in lines and "Disallow: /private/" in lines
    assert f"Sitemap: {portal}sitemap_index.xml" in lines
    assert f"Sitemap: {portal}news-sitemap.xml" in lines


def test_sitemaps_list_exactly_the_canonical_urls(portal: str, truth: list[dict[str, Any]]) -> None:
    index = ET.fromstring(get_text(portal + "sitemap_index.xml"))
    children = [e.findtext(f"{SM}loc") for e in index.iter(f"{SM}sitemap")]
    assert f"{portal}sitemaps/sections.xml" in children
    by_url = {r["url"]: r for r in truth}
    listed: list[str] = []
    for child in children:
        assert child is not None
        root = ET.fromstring(get_text(child))
        for entry in root.iter(f"{SM}url"):
            loc = entry.findtext(f"{SM}loc")
            assert loc is not None
            lastmod = entry.findtext(f"{SM}lastmod")
            if loc in by_url:
                listed.append(loc)
                assert lastmod == (by_url[loc]["modified"] or by_url[loc]["published"])
                assert lastmod is not None and re.search(r"[+-]\d\d:\d\d$", lastmod)
    assert sorted(listed) == sorted(by_url)
    assert fetch(portal + "sitemaps/articles-2.xml")[0] == 404


def test_news_sitemap(portal: str, truth: list[dict[str, Any]]) -> None:
    status, headers, body = fetch(portal + "news-sitemap.xml")
    assert status == 200 and "xml" in headers["Content-Type"]
    assert b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' in body
    root = ET.fromstring(body)
    by_url = {r["url"]: r for r in truth}
    entries = list(root.iter(f"{SM}url"))
    assert len(entries) == 100
    for entry in entries:
        rec = by_url[entry.findtext(f"{SM}loc") or ""]
        news = entry.find(f"{NEWS}news")
        assert news is not None
        assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Demo Gazette"
        assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
        stamp = news.findtext(f"{NEWS}publication_date") or ""
        assert datetime.fromisoformat(stamp) == datetime.fromisoformat(rec["published"])
        assert stamp == rec["published"]
        assert news.findtext(f"{NEWS}title") == rec["title"]
    assert {r["id"] for r in truth[-100:]} == {
        by_url[e.findtext(f"{SM}loc") or ""]["id"] for e in entries
    }


def test_rss_and_atom(portal: str, truth: list[dict[str, Any]]) -> None:
    by_url = {r["url"]: r for r in truth}
    status, headers, body = fetch(portal + "feeds/rss.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(body).findall("channel/item")
    assert len(items) == 50
    for item in items:
        link = item.findtext("link") or ""
        assert link.endswith("?utm_source=rss&utm_medium=feed")
        rec = by_url[link.split("?")[0]]
        assert link in rec["urls"]
        pub = email.utils.parsedate_to_datetime(item.findtext("pubDate") or "")
        assert pub == datetime.fromisoformat(rec["published"])
        assert item.findtext("title") == rec["title"]
    status, headers, body = fetch(portal + "feeds/atom.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(body).findall(f"{ATOM}entry")
    assert len(entries) == 50
    for entry in entries:
        alternate = entry.find(f"{ATOM}link")
        assert alternate is not None and "utm_source=rss" in alternate.get("href", "")
        rec = by_url[entry.findtext(f"{ATOM}id") or ""]
        assert entry.findtext(f"{ATOM}published") == rec["published"]
        assert entry.findtext(f"{ATOM}updated") == (rec["modified"] or rec["published"])
    home = get_text(portal)
    assert '<link rel="alternate" type="application/rss+xml" href="/feeds/rss.xml">' in home
    assert '<link rel="alternate" type="application/atom+xml" href="/feeds/atom.xml">' in home


def test_sections_paginate_newest_first(portal: str, truth: list[dict[str, Any]]) -> None:
    home = get_text(portal)
    sections = re.findall(r'<a href="/(\w+)/">', home)
    assert len(set(sections)) >= 5
    for section in sorted(set(sections)):
        url: str | None = f"{portal}{section}/"
        listed: list[str] = []
        pages = 0
        while url:
            page = get_text(url)
            links = re.findall(r'<li class="teaser"><a href="([^"]+)"', page)
            assert len(links) <= 20
            listed.extend(links)
            pages += 1
            nxt = re.search(r'<a rel="next" href="([^"]+)">Next page</a>', page)
            url = portal + nxt.group(1).lstrip("/") if nxt else None
            if url:
                assert len(links) == 20
        expected = []
        for rec in reversed(truth):
            if section in rec["sections"]:
                path = rec["urls"][rec["sections"].index(section)].removeprefix(portal[:-1])
                expected.append(path)
        assert listed == expected and pages >= 2
    assert fetch(portal + "world/?page=999")[0] == 404
    status, _, _ = fetch(portal + "sport/?page=2")
    assert status == 200


def test_legacy_encodings(portal: str, truth: list[dict[str, Any]]) -> None:
    broken = json.loads(get_text(portal + "__broken__.json"))
    by_url = {r["url"]: r for r in truth}
    cp1251 = by_url[broken["encodings"]["windows-1251"]]
    latin1 = by_url[broken["encodings"]["iso-8859-1"]]
    assert (cp1251["id"], latin1["id"]) == (3, 7)
    for rec, marker in (
        (cp1251, b'<meta charset="windows-1251">'),
        (latin1, b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
    ):
        status, headers, body = fetch(rec["url"])
        assert status == 200 and headers["Content-Type"] == "text/html"
        assert rec["encoding"] in ("windows-1251", "iso-8859-1")
        assert marker in body[:600]
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        page = body.decode(rec["encoding"])
        assert rec["title"] in page
        for paragraph in rec["body"].split("\n\n"):
            assert paragraph in page
    assert re.search(r"[а-яё]{4}", cp1251["body"]) and cp1251["body"].isascii() is False
    assert re.search(r"[éèüöäçñåø]", latin1["body"]) and re.search(r"[éèüöäçñåø]", latin1["title"])
    assert latin1["title"] not in fetch(latin1["url"])[2].decode("windows-1251")
    assert cp1251["title"] not in fetch(cp1251["url"])[2].decode("iso-8859-1")


def test_broken_pages(portal: str) -> None:
    broken = json.loads(get_text(portal + "__broken__.json"))
    home = get_text(portal)
    linked = set(re.findall(r'href="([^"]+)"', home))
    for section in ("world", "politics", "business"):
        linked |= set(re.findall(r'href="([^"]+)"', get_text(f"{portal}{section}/")))
    for key in ("404", "500", "truncated"):
        for url in broken[key]:
            assert url.removeprefix(portal[:-1]) in linked
    assert fetch(broken["404"][0])[0] == 404
    assert fetch(broken["500"][0])[0] == 500
    with urllib.request.urlopen(broken["truncated"][0], timeout=30) as response:
        promised = int(response.headers["Content-Length"])
        with pytest.raises(http.client.IncompleteRead) as caught:
            response.read()
    assert 0 < len(caught.value.partial) < promised
    assert fetch(portal + "world/2021/01/01/not-a-story-999999.html")[0] == 404
    assert fetch(portal + "world/wrong-slug-5")[0] == 404
    assert fetch(portal + "print/200")[0] == 404
    assert fetch(portal + "world")[0] == 200  # redirected to /world/


def test_disallowed_hits_are_counted(portal: str) -> None:
    assert isinstance(portal, PortalURL)
    server = portal.server
    before = server.disallowed_hits
    for path in ("search?q=election", "private/login"):
        status, _, body = fetch(portal + path)
        assert status == 200 and b'<meta property="og:type" content="article">' in body
    assert server.disallowed_hits == before + 2
    assert "/search?q=election" in server.request_log
    stats = json.loads(get_text(portal + "__stats__.json"))
    assert stats["disallowed_hits"] == server.disallowed_hits
    assert "/__stats__.json" not in server.request_log


def test_edition_two(portal: str, truth: list[dict[str, Any]]) -> None:
    with running_portal(PortalConfig(edition=2)) as later:
        truth2 = load_truth(later)
        assert len(truth2) == 210
        for old, new in zip(truth, truth2[:200], strict=True):
            changed = old["id"] % 10 == 5
            assert new["changed_in_edition"] == (2 if changed else None)
            assert new["new_in_edition"] is None
            if changed:
                assert new["body"] != old["body"]
                assert len(new["body"].split("\n\n")) == len(old["body"].split("\n\n")) + 1
                before = datetime.fromisoformat(old["modified"] or old["published"])
                assert datetime.fromisoformat(new["modified"]) > before
                assert new["published"] == old["published"] and new["title"] == old["title"]
            else:
                for key in TRUTH_KEYS - {"url", "urls", "cosmetic_in_edition"}:
                    assert new[key] == old[key], key
        newest = datetime.fromisoformat(truth[-1]["published"])
        for rec in truth2[200:]:
            assert rec["new_in_edition"] == 2 and rec["changed_in_edition"] is None
            assert datetime.fromisoformat(rec["published"]) > newest
        cosmetic = [r["id"] for r in truth2 if r["cosmetic_in_edition"] == 2]
        assert 6 <= len(cosmetic) <= 18  # about 5%, never a changed or new article
        assert all(i % 10 != 5 and i < 200 for i in cosmetic)
        for rec in truth[:60]:
            path = rec["url"].removeprefix(portal)
            one, two = fetch(portal + path)[2], fetch(later + path)[2]
            if rec["id"] % 10 == 5:
                assert one != two
            else:
                if rec["id"] in cosmetic:  # only the note is new: "1,234 views" or "Updated at"
                    note = NOTE.search(two)
                    assert note and re.search(rb">(\d{1,3}(,\d{3})* views|Updated at \d\d:\d\d)<", note[0])
                    assert not NOTE.search(one)
                    two = NOTE.sub(b"", two)
                one, two = ASIDE.sub(b"", one), ASIDE.sub(b"", two)
                assert normalise(one, portal) == normalise(two, later)
        changed = truth2[15]
        page = get_text(changed["url"])
        assert changed["body"].split("\n\n")[-2] in page and "Updated" in page


def test_hundred_thousand_articles_start_instantly() -> None:
    started = time.perf_counter()
    with running_portal(PortalConfig(articles=100_000)) as big:
        status, _, body = fetch(big + "feeds/rss.xml")
        assert time.perf_counter() - started < 3
        assert status == 200
        newest = ET.fromstring(body).findall("channel/item")[0]
        link = (newest.findtext("link") or "").split("?")[0]
        assert link.endswith("-99999") or link.endswith("-99999.html")
        page = get_text(link)
        assert "<h1" in page and (newest.findtext("title") or "?") in html.unescape(page)
        index = ET.fromstring(get_text(big + "sitemap_index.xml"))
        assert len(list(index.iter(f"{SM}sitemap"))) == 101
        last = ET.fromstring(get_text(big + "sitemaps/articles-100.xml"))
        locs = [e.findtext(f"{SM}loc") for e in last.iter(f"{SM}url")]
        assert len(locs) == 1000 and locs[-1] == link
        assert time.perf_counter() - started < 10


def test_serve_forever_announces_and_stops_on_sigterm(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from archive.portal import PortalConfig, serve_forever\n"
        "serve_forever('127.0.0.1', 0, PortalConfig(articles=20), sys.stdout)\n"
    )
    root = Path(__file__).resolve().parent.parent
    with subprocess.Popen(
        [sys.executable, "-c", code], cwd=root, stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.fullmatch(r"Serving demo portal at (http://127\.0\.0\.1:\d+/)\n", line)
        assert match, line
        assert fetch(match.group(1) + "robots.txt")[0] == 200
        proc.terminate()
        assert proc.wait(timeout=10) == 0


def validators(base: str, truth: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """ETag and Last-Modified of every article page and print page (HEAD requests)."""
    urls = [url for rec in truth for url in (rec["url"], f"{base}print/{rec['id']}")]

    def head(url: str) -> tuple[str, str]:
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers["ETag"], response.headers["Last-Modified"]

    with ThreadPoolExecutor(max_workers=16) as pool:
        return dict(zip(urls, pool.map(head, urls), strict=True))


def test_conditional_get(portal: str, truth: list[dict[str, Any]]) -> None:
    assert isinstance(portal, PortalURL)
    server = portal.server
    rec = next(r for r in truth if len(r["sections"]) == 2)
    status, headers, body = fetch(rec["url"])
    etag, stamp = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and re.fullmatch(r'"a\d+-[0-9a-f]{24}"', etag)  # strong, quoted
    lastmod = datetime.fromisoformat(rec["modified"] or rec["published"]).astimezone(UTC)
    assert email.utils.parsedate_to_datetime(stamp) == lastmod and stamp.endswith(" GMT")
    assert fetch(rec["urls"][1])[1]["ETag"] == etag  # second-section URL: same page
    print_etag = fetch(f"{portal}print/{rec['id']}")[1]["ETag"]
    assert print_etag.startswith('"p') and print_etag != etag
    hits, statuses = server.conditional_hits, server.status_counts[304]
    later = email.utils.format_datetime(lastmod + timedelta(days=1), usegmt=True)
    earlier = email.utils.format_datetime(lastmod - timedelta(seconds=1), usegmt=True)
    for conditions, expected in (
        ({"If-None-Match": etag}, 304),
        ({"If-None-Match": f'"other", W/{etag}'}, 304),  # weak comparison, lists
        ({"If-None-Match": "*"}, 304),
        ({"If-Modified-Since": stamp}, 304),
        ({"If-Modified-Since": later}, 304),
        ({"If-Modified-Since": earlier}, 200),
        ({"If-Modified-Since": "not a date"}, 200),
        ({"If-None-Match": '"other"', "If-Modified-Since": stamp}, 200),  # the tag wins
    ):
        status, headers, body = fetch(rec["url"], conditions)
        assert status == expected, conditions
        assert headers["ETag"] == etag and headers["Last-Modified"] == stamp
        assert (body == b"") == (expected == 304)
        if expected == 304:
            assert headers["Content-Length"] is None
    assert fetch(f"{portal}print/{rec['id']}", {"If-None-Match": print_etag})[0] == 304
    assert server.conditional_hits == hits + 6 and server.status_counts[304] == statuses + 6
    stats = json.loads(get_text(portal + "__stats__.json"))
    assert stats["conditional_hits"] == server.conditional_hits
    assert stats["conditional_requests"] == server.conditional_requests
    assert stats["status"]["304"] == server.status_counts[304]
    legacy = next(r for r in truth if r["encoding"] != "utf-8")
    legacy_etag = fetch(legacy["url"])[1]["ETag"]
    assert fetch(legacy["url"], {"If-None-Match": legacy_etag})[0] == 304
    with running_portal(PortalConfig()) as again:  # the tag depends on content, not on the run
        assert fetch(again + rec["url"].removeprefix(portal))[1]["ETag"] == etag


def test_edition_two_validators(portal: str, truth: list[dict[str, Any]]) -> None:
    one = validators(portal, truth)
    with running_portal(PortalConfig(edition=2)) as later:
        assert isinstance(later, PortalURL)
        truth2 = load_truth(later)[:200]
        two = validators(later, truth2)
        moved = {url.removeprefix(portal): value for url, value in one.items()}
        kept = 0
        for old, new in zip(truth, truth2, strict=True):
            article, printed = new["url"].removeprefix(later), f"print/{new['id']}"
            etag1, stamp1 = moved[article]
            etag2, stamp2 = two[later + article]
            if new["changed_in_edition"] == 2:
                assert etag2 != etag1 and moved[printed][0] != two[later + printed][0]
                parse = email.utils.parsedate_to_datetime
                assert parse(stamp2) > parse(stamp1)
                continue
            assert stamp2 == stamp1 and moved[printed] == two[later + printed]
            if new["cosmetic_in_edition"] == 2:  # the page note changed, the text did not
                assert etag2 != etag1
                assert new["body"] == old["body"] and new["modified"] == old["modified"]
            else:
                assert etag2 == etag1
                kept += 1
        # a crawl of edition 2 that revalidates what it fetched from edition 1
        server = later.server
        before = server.conditional_hits
        results = {}
        for rec in truth2:
            path = rec["url"].removeprefix(later)
            results[rec["id"]] = fetch(later + path, {"If-None-Match": moved[path][0]})[0]
        assert server.conditional_hits == before + kept
        for rec in truth2:
            unchanged = rec["changed_in_edition"] is None and rec["cosmetic_in_edition"] is None
            assert results[rec["id"]] == (304 if unchanged else 200)
        assert kept >= 160


def wire_outlets() -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]], str, str]]:
    """Two outlets on one wire: truth and base URL of each."""
    first = PortalConfig(seed=11, name="Northern Post", wire_share=0.3, wire_seed=5)
    second = PortalConfig(seed=12, name="Southern Herald", wire_share=0.3, wire_seed=5)
    with running_portal(first) as one, running_portal(second) as two:
        yield load_truth(one), load_truth(two), one, two


def test_wire_stories_shared_by_two_outlets() -> None:
    for truth_a, truth_b, base_a, _ in wire_outlets():
        copies_a = {r["wire_story"]: r for r in truth_a if r["wire_story"] is not None}
        copies_b = {r["wire_story"]: r for r in truth_b if r["wire_story"] is not None}
        assert 40 <= len(copies_a) <= 75 and 40 <= len(copies_b) <= 75  # about 30% of 200
        assert all(len(r["wire_edits"]) == 0 for r in truth_a if r["wire_story"] is None)
        shared = copies_a.keys() & copies_b.keys()
        assert len(shared) >= 0.7 * len(copies_a.keys() | copies_b.keys())
        edits_seen: set[str] = set()
        differ = 0
        for w in shared:
            a, b = copies_a[w], copies_b[w]
            edits_seen.update(a["wire_edits"], b["wire_edits"])
            differ += a["wire_edits"] != b["wire_edits"]
            delta = datetime.fromisoformat(a["published"]) - datetime.fromisoformat(b["published"])
            assert abs(delta) <= timedelta(hours=6)
            if "headline" in a["wire_edits"] or "headline" in b["wire_edits"]:
                assert a["title"] != b["title"]
            else:
                assert a["title"] == b["title"]
            filed = []  # each outlet's text of the wire story, intro removed
            for rec in (a, b):
                paragraphs = rec["body"].split("\n\n")
                assert 4 <= len(paragraphs) <= 14
                assert paragraphs[0].startswith(rec["first_sentence"])
                assert paragraphs[-1].endswith(rec["last_sentence"])
                if "intro" in rec["wire_edits"]:
                    intro = paragraphs.pop(0)
                    assert len(SENTENCE_END.split(intro)) == 1 and len(intro.split()) < 30
                    other = b if rec is a else a
                    assert intro not in other["body"]
                filed.append(paragraphs)
            trimmed = ["trim_last" in rec["wire_edits"] for rec in (a, b)]
            if trimmed[0] == trimmed[1]:
                assert filed[0] == filed[1]
            else:
                short, full = filed if trimmed[0] else filed[::-1]
                assert short == full[:-1] or (
                    short[:-1] == full[:-1] and full[-1].startswith(short[-1] + " ")
                )
            common = sentences(a["body"]) & sentences(b["body"])
            assert len(common) >= 0.6 * max(len(sentences(a["body"])), len(sentences(b["body"])))
        assert edits_seen == {"headline", "trim_last", "intro"} and differ >= len(shared) // 3
        # nothing else is shared: no long sentence outside copies of the same story
        owners: dict[str, set[int | None]] = {}
        for rec in truth_b:
            for sentence in sentences(rec["body"]):
                owners.setdefault(sentence, set()).add(rec["wire_story"])
        for rec in truth_a:
            for sentence in sentences(rec["body"]):
                if len(sentence.split()) >= 8 and sentence in owners:
                    assert owners[sentence] == {rec["wire_story"]} != {None}, sentence
        for rec in list(copies_a.values())[:5]:  # the copies are served like any article
            page = get_text(rec["url"]).replace("&#x27;", "'")
            assert html.escape(rec["title"], quote=False) in page
            assert f"<title>{html.escape(rec['title'], quote=False)} | Northern Post" in page
            assert rec["first_sentence"] in page and rec["last_sentence"] in page
            assert rec["url"].startswith(base_a)


def test_page_cache_serves_the_same_bytes(portal: str, truth: list[dict[str, Any]]) -> None:
    """A pre-rendered portal (the crawl benchmark's) answers byte for byte what a live one does,
    for every article page and print page, legacy charsets and another Host header included."""
    server = make_server("127.0.0.1", 0, PortalConfig(), page_cache=True)
    assert server.prerender() == len(truth)
    assert server.pages is not None and len(server.pages) == len(truth)
    assert server.etags is not None and len(server.etags) == len(truth)
    assert all(not printed for _, printed in server.pages)
    # the day is put in on the way out: any day's page is the live page of that day
    live_server = make_server("127.0.0.1", 0, PortalConfig())
    try:
        for day in (date(2030, 5, 6), date(2031, 12, 31)):
            page = server.page(0, False, day, "http://h")
            assert page == live_server.page(0, False, day, "http://h")
            assert f'<div class="topbar">{topbar_date(day)}</div>' in page  # (no print page's)
            assert server.page(7, True, day, "http://h") == live_server.page(7, True, day, "http://h")
    finally:
        live_server.server_close()
        server.pages.pop((7, True), None)
    with serving(server) as cached:
        port = cached.rsplit(":", 1)[1].rstrip("/")
        for rec in truth:
            for path in (rec["url"].removeprefix(portal), f"print/{rec['id']}"):
                _, live_headers, live = fetch(portal + path)
                status, headers, body = fetch(cached + path)
                assert (status, headers["Content-Type"]) == (200, live_headers["Content-Type"])
                assert headers["ETag"] == live_headers["ETag"]
                assert headers["Last-Modified"] == live_headers["Last-Modified"]
                assert body.replace(cached.encode(), portal.encode()) == live, path
                assert body.count(cached.encode()) >= 1
                assert b"portal.invalid" not in body
        other = f"http://localhost:{port}/"
        status, _, body = fetch(cached + truth[0]["url"].removeprefix(portal), {"Host": f"localhost:{port}"})
        assert status == 200 and other.encode() in body and cached.encode() not in body
    # print pages (and their tags) were cached as they were asked for
    assert len(server.pages) == len(server.etags) == 2 * len(truth)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--faults"], "--prerender serves the plain portal"),
        (["--articles", "200001"], "--prerender keeps at most 200,000 articles in memory"),
    ],
)
def test_prerender_refuses(args: list[str], message: str) -> None:
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run(
        [sys.executable, "-m", "archive.cli", "portal", "--prerender", *args],
        cwd=root, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 2
    assert message in proc.stderr

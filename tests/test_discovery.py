"""Sitemaps, feeds and robots.txt parsing, including hostile XML."""

from __future__ import annotations

import gzip

import pytest

from scraper.discovery import DiscoveryError, parse_listing, rfc822_to_iso, robots_sitemaps

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>http://e.com/a.html</loc><lastmod>2021-07-23T09:10:00+04:00</lastmod>
    <news:news><news:publication><news:name>E</news:name><news:language>en</news:language>
    </news:publication><news:publication_date>2021-07-22T16:25:00+04:00</news:publication_date>
    <news:title>A story</news:title></news:news></url>
  <url><loc>http://e.com/b.html</loc></url>
</urlset>"""


def test_news_sitemap_entries_carry_dates() -> None:
    listing = parse_listing(NEWS_SITEMAP)
    assert listing.kind == "urlset"
    first, second = listing.entries
    assert first.url == "http://e.com/a.html"
    assert first.published == "2021-07-22T16:25:00+04:00"
    assert first.modified == "2021-07-23T09:10:00+04:00"
    assert first.title == "A story"
    assert second.published is None and second.modified is None


def test_gzipped_sitemap_index() -> None:
    body = gzip.compress(
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>http://e.com/s1.xml</loc></sitemap></sitemapindex>"
    )
    listing = parse_listing(body)
    assert listing.kind == "sitemapindex"
    assert [e.url for e in listing.entries] == ["http://e.com/s1.xml"]


def test_rss_and_atom() -> None:
    rss = parse_listing(
        b"<rss version='2.0'><channel><item><title>T</title><link>http://e.com/x?utm_source=rss"
        b"</link><pubDate>Thu, 22 Jul 2021 16:25:00 +0400</pubDate></item></channel></rss>"
    )
    assert rss.kind == "rss"
    assert rss.entries[0].url == "http://e.com/x?utm_source=rss"
    assert rfc822_to_iso(rss.entries[0].published or "") == "2021-07-22T16:25:00+04:00"
    atom = parse_listing(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>'
        b'<link rel="alternate" href="http://e.com/y"/><published>2021-07-22T16:25:00Z</published>'
        b"<updated>2021-07-23T00:00:00Z</updated></entry></feed>"
    )
    assert atom.kind == "atom"
    assert atom.entries[0].url == "http://e.com/y"
    assert atom.entries[0].modified == "2021-07-23T00:00:00Z"


def test_billion_laughs_is_not_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" if i > 1 else "&lol;"}'.encode()
            + b"&lol;" * 9 + b'">'
            for i in range(1, 10)
        )
        + b']><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://e.com/&lol9;</loc></url></urlset>"
    )
    listing = parse_listing(bomb)
    assert all(len(e.url) < 100 for e in listing.entries)


def test_external_entity_is_not_read() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://e.com/&x;'
        b"</loc></url></urlset>"
    )
    listing = parse_listing(xxe)
    assert all("root:" not in e.url for e in listing.entries)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b"<html><body>hi</body></html>", "neither a sitemap nor a feed"),
        (b"\x1f\x8b\x08\x00garbage", "broken gzip"),
    ],
)
def test_bad_listings_raise_clear_errors(body: bytes, message: str) -> None:
    with pytest.raises(DiscoveryError, match=message):
        parse_listing(body)


def test_gzip_bomb_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    import scraper.discovery as discovery

    monkeypatch.setattr(discovery, "MAX_XML_BYTES", 1000)
    with pytest.raises(DiscoveryError, match="gzip bomb"):
        parse_listing(gzip.compress(b"<urlset>" + b" " * 5000 + b"</urlset>"))


def test_robots_sitemaps() -> None:
    text = "User-agent: *\nDisallow: /search\nSitemap: http://e.com/a.xml\nsitemap: http://e.com/b.xml # x\n"
    assert robots_sitemaps(text) == ["http://e.com/a.xml", "http://e.com/b.xml"]

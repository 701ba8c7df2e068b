"""Machine-readable files of the demo portal: robots.txt, sitemaps, news sitemap, RSS, Atom."""

from __future__ import annotations

import math
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from archive.portal.content import (
    FEED_SIZE,
    FEED_UTM,
    NEWS_SITEMAP_SIZE,
    SECTIONS,
    SITEMAP_SIZE,
    Portal,
    iso,
)

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
ATOM_NS = "http://www.w3.org/2005/Atom"


def robots_txt(origin: str) -> str:
    """robots.txt: search and private areas are off limits; both sitemaps, absolute."""
    return (
        "User-agent: *\n"
        "Disallow: /search\n"
        "Disallow: /private/\n"
        "\n"
        f"Sitemap: {origin}/sitemap_index.xml\n"
        f"Sitemap: {origin}/news-sitemap.xml\n"
    )


def sitemap_count(portal: Portal) -> int:
    """How many /sitemaps/articles-{n}.xml files exist (n = 1..count)."""
    return math.ceil(portal.total / SITEMAP_SIZE)


def sitemap_index(portal: Portal, origin: str) -> str:
    """The index: one sitemap per 1,000 articles plus the sections sitemap."""
    entries = [f"<sitemap><loc>{escape(origin)}/sitemaps/sections.xml</loc></sitemap>"]
    for n in range(1, sitemap_count(portal) + 1):
        entries.append(
            f"<sitemap><loc>{escape(origin)}/sitemaps/articles-{n}.xml</loc>"
            f"<lastmod>{iso(portal.chunk_lastmod(n))}</lastmod></sitemap>"
        )
    body = "\n".join(entries)
    return f'{XML_DECL}<sitemapindex xmlns="{SITEMAP_NS}">\n{body}\n</sitemapindex>\n'


def articles_sitemap(portal: Portal, n: int, origin: str) -> str | None:
    """Canonical URLs of articles (n-1)*1000 .. n*1000-1 with lastmod (None if out of range)."""
    if not 1 <= n <= sitemap_count(portal):
        return None
    ids = range((n - 1) * SITEMAP_SIZE, min(n * SITEMAP_SIZE, portal.total))
    body = "\n".join(
        f"<url><loc>{escape(origin + portal.headline(i).path)}</loc>"
        f"<lastmod>{iso(portal.lastmod(i))}</lastmod></url>"
        for i in ids
    )
    return f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}">\n{body}\n</urlset>\n'


def sections_sitemap(origin: str) -> str:
    """The home page and the section fronts."""
    paths = ["/"] + [f"/{s}/" for s in SECTIONS]
    body = "\n".join(f"<url><loc>{escape(origin + p)}</loc></url>" for p in paths)
    return f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}">\n{body}\n</urlset>\n'


def news_sitemap(portal: Portal, origin: str) -> str:
    """Google News sitemap of the newest 100 articles."""
    name = escape(portal.config.name)
    entries = []
    for i in portal.newest(NEWS_SITEMAP_SIZE):
        head = portal.headline(i)
        language = "ru" if head.stub.language == "ru" else "en"
        entries.append(
            f"<url><loc>{escape(origin + head.path)}</loc><news:news>"
            f"<news:publication><news:name>{name}</news:name>"
            f"<news:language>{language}</news:language></news:publication>"
            f"<news:publication_date>{iso(head.stub.published)}</news:publication_date>"
            f"<news:title>{escape(head.title)}</news:title></news:news></url>"
        )
    body = "\n".join(entries)
    return f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n{body}\n</urlset>\n'


def rss_feed(portal: Portal, origin: str) -> str:
    """RSS 2.0 of the newest 50; links carry utm parameters, guids are canonical."""
    newest = portal.newest(FEED_SIZE)
    items = []
    for i in newest:
        art = portal.article(i)
        head, stub = art.head, art.stub
        url = origin + head.path
        creators = "".join(f"<dc:creator>{escape(a)}</dc:creator>" for a in head.authors)
        items.append(
            f"<item><title>{escape(head.title)}</title>"
            f"<link>{escape(url + FEED_UTM)}</link>"
            f'<guid isPermaLink="true">{escape(url)}</guid>'
            f"<pubDate>{format_datetime(stub.published)}</pubDate>{creators}"
            f"<category>{stub.section.capitalize()}</category>"
            f"<description>{escape(art.paragraphs[0][0])}</description></item>"
        )
    built = max(portal.lastmod(i) for i in newest)
    name = escape(portal.config.name)
    body = "\n".join(items)
    return f"""{XML_DECL}<rss version="2.0" xmlns:atom="{ATOM_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{name}</title>
<link>{escape(origin)}/</link>
<description>Latest news from {name}</description>
<language>en</language>
<lastBuildDate>{format_datetime(built)}</lastBuildDate>
<atom:link href={quoteattr(origin + "/feeds/rss.xml")} rel="self" type="application/rss+xml"/>
{body}
</channel>
</rss>
"""


def atom_feed(portal: Portal, origin: str) -> str:
    """Atom 1.0 of the newest 50 with published and updated."""
    newest = portal.newest(FEED_SIZE)
    entries = []
    for i in newest:
        art = portal.article(i)
        head, stub = art.head, art.stub
        url = origin + head.path
        authors = "".join(f"<author><name>{escape(a)}</name></author>" for a in head.authors)
        entries.append(
            f"<entry><title>{escape(head.title)}</title>"
            f'<link rel="alternate" href={quoteattr(url + FEED_UTM)}/>'
            f"<id>{escape(url)}</id>"
            f"<published>{iso(stub.published)}</published>"
            f"<updated>{iso(portal.lastmod(i))}</updated>{authors}"
            f"<category term={quoteattr(stub.section)}/>"
            f"<summary>{escape(art.paragraphs[0][0])}</summary></entry>"
        )
    updated = max(portal.lastmod(i) for i in newest)
    body = "\n".join(entries)
    return f"""{XML_DECL}<feed xmlns="{ATOM_NS}">
<title>{escape(portal.config.name)}</title>
<id>{escape(origin)}/</id>
<updated>{iso(updated)}</updated>
<link rel="self" href={quoteattr(origin + "/feeds/atom.xml")}/>
<link rel="alternate" href={quoteattr(origin + "/")}/>
{body}
</feed>
"""

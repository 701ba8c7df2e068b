"""Where article URLs come from: robots.txt Sitemap lines, sitemaps (incl. Google News), feeds."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Literal

from lxml import etree

MAX_XML_BYTES = 50 * 1024 * 1024
"""Decompressed size cap for sitemaps and feeds (the sitemap protocol's own limit is 50 MB)."""

MAX_ENTRIES = 50_000
"""At most this many URLs are read from one sitemap (the protocol's limit)."""


class DiscoveryError(ValueError):
    """A sitemap or feed that cannot be read; the message says why."""


@dataclass(frozen=True)
class Entry:
    """One URL found in a sitemap or feed, with the dates it was listed with."""

    url: str
    published: str | None = None  # news:publication_date, feed pubDate/published
    modified: str | None = None  # lastmod, atom updated
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    """A parsed sitemap or feed."""

    kind: Literal["sitemapindex", "urlset", "rss", "atom"]
    entries: tuple[Entry, ...]
    truncated: bool = False  # more than MAX_ENTRIES were listed; the rest was not read


def _parser() -> etree.XMLParser:
    # No entity expansion, no DTD, no network: XXE and billion-laughs documents stay inert.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True,
        remove_comments=True, remove_pis=True,
    )


def maybe_gunzip(body: bytes) -> bytes:
    """Decompress gzip data with a size cap; other bytes pass through."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            data = fh.read(MAX_XML_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise DiscoveryError(f"broken gzip data: {exc}") from exc
    if len(data) > MAX_XML_BYTES:
        raise DiscoveryError(f"decompresses to more than {MAX_XML_BYTES} bytes (gzip bomb?)")
    return data


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(el: etree._Element, name: str) -> str | None:
    for child in el:
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None


def _find_desc_text(el: etree._Element, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            if text:
                return text
    return None


def parse_listing(body: bytes) -> Listing:
    """Parse a sitemap (index or urlset), an RSS 2.0 / RDF feed or an Atom feed."""
    data = maybe_gunzip(body)
    if len(data) > MAX_XML_BYTES:
        raise DiscoveryError(f"larger than {MAX_XML_BYTES} bytes")
    if not data.strip():
        raise DiscoveryError("empty document")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"not well-formed XML: {exc}") from exc
    if root is None:
        raise DiscoveryError("not XML (no root element)")
    kind = _local(root.tag)
    entries: list[Entry] = []
    truncated = False
    if kind in ("sitemapindex", "urlset"):
        item_tag = "sitemap" if kind == "sitemapindex" else "url"
        for el in root:
            if _local(el.tag) != item_tag:
                continue
            loc = _child_text(el, "loc")
            if loc:
                entries.append(
                    Entry(
                        url=loc,
                        published=_find_desc_text(el, "publication_date"),
                        modified=_child_text(el, "lastmod"),
                        title=_find_desc_text(el, "title"),
                    )
                )
            if len(entries) >= MAX_ENTRIES:
                truncated = any(_local(e.tag) == item_tag for e in el.itersiblings())
                break
        return Listing(kind, tuple(entries), truncated)  # type: ignore[arg-type]
    if kind in ("rss", "rdf"):
        for el in root.iter():
            if _local(el.tag) != "item":
                continue
            link = _child_text(el, "link") or _child_text(el, "guid")
            if link and link.startswith(("http://", "https://")):
                entries.append(
                    Entry(
                        url=link,
                        published=_child_text(el, "pubdate") or _child_text(el, "date"),
                        modified=_child_text(el, "updated"),
                        title=_child_text(el, "title"),
                    )
                )
            if len(entries) >= MAX_ENTRIES:
                break
        return Listing("rss", tuple(entries))
    if kind == "feed":
        for el in root:
            if _local(el.tag) != "entry":
                continue
            href = None
            for child in el:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    href = child.get("href")
                    break
            if href:
                entries.append(
                    Entry(
                        url=href.strip(),
                        published=_child_text(el, "published"),
                        modified=_child_text(el, "updated"),
                        title=_child_text(el, "title"),
                    )
                )
            if len(entries) >= MAX_ENTRIES:
                break
        return Listing("atom", tuple(entries))
    raise DiscoveryError(f"neither a sitemap nor a feed (root element <{kind}>)")


def robots_sitemaps(text: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, in order, without duplicates."""
    out: list[str] = []
    for line in text.splitlines()[:10_000]:
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            url = value.strip().split("#", 1)[0].strip()
            if url not in out:
                out.append(url)
    return out


def rfc822_to_iso(value: str) -> str | None:
    """'Thu, 22 Jul 2021 16:25:00 +0400' -> '2021-07-22T16:25:00+04:00' (None when unparseable)."""
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if dt is None:
        return None
    return dt.isoformat()

"""Title, authors, language, section, tags, image and canonical URL from metadata and markup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import lxml.html

from .jsonld import types_of

_SPACE = re.compile(r"\s+")
_BY = re.compile(r"^\s*(by|von|par|por|di|от|автор)\s*[:\-]?\s+", re.IGNORECASE)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\be\b|&|\bи\b)\s*")


@dataclass
class Metadata:
    """Descriptive fields of an article page."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    og_type: str | None = None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def meta_values(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """``<meta>`` name/property -> content (first one wins), names lower-cased."""
    out: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content is not None:
            out.setdefault(key.strip().lower(), content.strip())
    return out


def _person_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            if types_of(item) & {"Organization", "NewsMediaOrganization"}:
                continue
            name = _clean(item.get("name"))
        else:
            name = _clean(item)
        if name:
            names.extend(split_authors(name))
    return names


def split_authors(text: str) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']."""
    text = _BY.sub("", _SPACE.sub(" ", text).strip())
    parts = [p.strip(" .|·-") for p in _SPLIT_AUTHORS.split(text)]
    return [p for p in parts if p and len(p) <= 80 and not p.startswith("http")]


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def extract_metadata(
    tree: lxml.html.HtmlElement, url: str, *, article_objects: list[dict[str, Any]]
) -> Metadata:
    """Read the page's metadata: JSON-LD first, then OpenGraph/meta, then markup."""
    meta = meta_values(tree)
    ld = article_objects[0] if article_objects else {}
    md = Metadata(og_type=meta.get("og:type"))

    h1 = tree.find(".//h1")
    h1_text = _clean(h1.text_content()) if h1 is not None else None
    md.title = (
        _clean(ld.get("headline"))
        or _clean(meta.get("og:title"))
        or h1_text
        or _clean(tree.findtext(".//title"))
    )

    authors = _person_names(ld.get("author")) if ld else []
    if not authors:
        for key in ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author"):
            value = meta.get(key)
            if value and not value.startswith("http"):
                authors = split_authors(value)
                break
    if not authors:
        for el in tree.xpath(
            './/*[@rel="author" or @itemprop="author" or contains(@class, "byline__name")'
            ' or contains(@class, "author-name")]'
        ):
            name = _clean(el.text_content())
            if name:
                authors.extend(split_authors(name))
    if not authors:
        for el in tree.xpath('.//*[contains(@class, "byline")]'):
            text = _clean(el.text_content())
            if text and _BY.match(text):
                authors = split_authors(text.split("\n")[0])
                break
    md.authors = _dedupe(authors)[:10]

    lang = tree.get("lang") or meta.get("og:locale") or meta.get("content-language")
    if lang:
        md.language = lang.replace("_", "-").split("-")[0].lower()[:3] or None

    md.section = _clean(ld.get("articleSection")) if ld else None
    if isinstance(ld.get("articleSection"), list) and ld["articleSection"]:
        md.section = _clean(ld["articleSection"][0])
    md.section = md.section or _clean(meta.get("article:section"))

    keywords = (ld.get("keywords") if ld else None) or meta.get("keywords") or meta.get("news_keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    if isinstance(keywords, list):
        md.tags = [k for k in (_clean(str(k)) for k in keywords) if k][:30]

    image = meta.get("og:image")
    md.image = urljoin(url, image) if image else None

    canonical = None
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            canonical = urljoin(url, link.get("href", "").strip())
            break
    md.canonical_url = canonical or (urljoin(url, meta["og:url"]) if meta.get("og:url") else None)
    md.site_name = _clean(meta.get("og:site_name"))
    md.description = _clean(meta.get("og:description") or meta.get("description"))
    return md

"""The Article item that spiders yield and pipelines pass on (never a Response inside)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from scraper.extract.model import Article

_WS = re.compile(r"\s+")


def content_hash(title: str | None, body: str) -> str:
    """SHA-256 of the normalised title and body: whitespace and case do not count."""
    text = _WS.sub(" ", f"{title or ''}\n{body}").strip().casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ArticleItem:
    """One extracted article as it travels through the pipelines."""

    url: str  # canonical URL once CanonicalUrlPipeline ran
    fetched_url: str
    site: str
    fetched_at: str  # UTC, "2026-11-29T02:10:00Z"
    record: dict[str, Any]  # Article.to_dict() output
    canonical_hint: str | None = None  # rel=canonical / og:url as the page declared it
    discovered_via: str = "link"  # sitemap | feed | link | start
    urls: list[str] = field(default_factory=list)  # every URL this article was seen under
    content_hash: str = ""

    @classmethod
    def from_article(
        cls, article: Article, *, fetched_url: str, site: str, fetched_at: str, via: str
    ) -> ArticleItem:
        record = article.to_dict()
        return cls(
            url=fetched_url,
            fetched_url=fetched_url,
            site=site,
            fetched_at=fetched_at,
            record=record,
            canonical_hint=article.canonical_url,
            discovered_via=via,
            urls=[fetched_url],
            content_hash=content_hash(article.title, article.body),
        )

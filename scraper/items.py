"""The Article item that spiders yield and pipelines pass on (never a Response inside)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scraper.extract.model import Article
from scraper.fingerprint import Fingerprints, content_hash, fingerprints

__all__ = ["ArticleItem", "content_hash"]


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
    body_hash: str | None = None
    etag: str | None = None  # validators of the response, for conditional revisits
    last_modified: str | None = None
    minhash: bytes | None = None  # near-duplicate detection: from the worker, else DedupPipeline
    band_keys: list[int] = field(default_factory=list)

    @classmethod
    def from_article(
        cls,
        article: Article,
        *,
        fetched_url: str,
        site: str,
        fetched_at: str,
        via: str,
        etag: str | None = None,
        last_modified: str | None = None,
        hashes: Fingerprints | None = None,
        band_keys: list[int] | None = None,
    ) -> ArticleItem:
        """The item for an extracted article; ``hashes`` = its fingerprints if already computed
        (and ``band_keys`` those of its MinHash signature)."""
        record = article.to_dict()
        if hashes is None:
            hashes = fingerprints(article.title, article.body, minhash=False)
        return cls(
            url=fetched_url,
            fetched_url=fetched_url,
            site=site,
            fetched_at=fetched_at,
            record=record,
            canonical_hint=article.canonical_url,
            discovered_via=via,
            urls=[fetched_url],
            content_hash=hashes.content_hash,
            body_hash=hashes.body_hash,
            etag=etag,
            last_modified=last_modified,
            minhash=hashes.minhash,
            band_keys=list(band_keys or ()),
        )

"""Result types of the extraction library: dated values with provenance, hints, the Article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DateSource = Literal["jsonld", "microdata", "meta", "time", "text", "url", "feed", "sitemap"]
Precision = Literal["date", "minute", "second"]
Role = Literal["published", "modified"]


@dataclass(frozen=True)
class DateValue:
    """One resolved timestamp and where it came from.

    ``local`` is ISO 8601: ``2021-07-22T16:25:00+04:00`` when the offset is known,
    ``2021-07-22T16:25:00`` when the page gives a time but no offset and no zone is known,
    ``2021-07-22`` when only the day is known (never an invented midnight).
    """

    local: str
    utc: str | None  # "2021-07-22T12:25:00Z" when the offset is known (and precision is not date)
    offset: str | None  # "+04:00"
    zone: str | None  # IANA name when known ("Europe/Berlin")
    precision: Precision
    source: DateSource
    raw: str  # the string it was read from


_DATE_FIELDS = ("local", "utc", "offset", "zone", "precision", "source", "raw")
"""DateValue's fields, as Article.to_dict() flattens them (``published``, ``published_utc``...)."""


@dataclass(frozen=True)
class DateHint:
    """A date the crawl knows from outside the page (a feed item, a sitemap entry)."""

    value: str  # as written in the feed/sitemap (ISO 8601 or RFC 822)
    source: Literal["feed", "sitemap"]
    role: Role = "published"


@dataclass
class Article:
    """Everything extracted from one article page."""

    url: str
    title: str | None = None
    body: str = ""
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    published: DateValue | None = None
    modified: DateValue | None = None
    body_source: str | None = None
    is_article: bool = False  # page looks like a single article (vs a list, a home page)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Flat JSON-ready record: the CLI's and the store's shape."""
        data: dict[str, Any] = {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "body": self.body,
            "authors": list(self.authors),
            "language": self.language,
            "section": self.section,
            "tags": list(self.tags),
            "image": self.image,
            "site_name": self.site_name,
            "description": self.description,
            "body_source": self.body_source,
        }
        for role in ("published", "modified"):
            value: DateValue | None = getattr(self, role)
            for name in _DATE_FIELDS:  # attribute reads: dataclasses.asdict deep-copies
                data[role if name == "local" else f"{role}_{name}"] = (
                    getattr(value, name) if value else None
                )
        data["timezone"] = self.published.offset if self.published else None
        return data

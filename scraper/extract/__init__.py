"""Article extraction: raw page -> body, metadata, dates with provenance. Pure, no Scrapy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html

from .density import link_text_share
from .html import ExtractionError, load_html
from .model import Article, DateHint, DateValue

# The extractors (trafilatura, the date grammars of a dozen languages, hundreds of compiled
# patterns) are imported by extract_from_tree, not here: a crawl process imports this
# package for its types and never extracts (its workers do), and saves their memory and
# their start-up time.

__all__ = [
    "Article",
    "DateHint",
    "DateValue",
    "ExtractionError",
    "check_timezone",
    "extract_article",
    "extract_from_tree",
    "parse_fetched_at",
]

MIN_ARTICLE_WORDS = 60
"""A page with fewer body words than this is never classified as an article."""


def parse_fetched_at(value: datetime | str | None) -> datetime | None:
    """Accept a datetime or an ISO 8601 string; naive values are taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00").replace(" ", "T", 1)
        try:
            value = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"fetched_at is not an ISO 8601 timestamp: {value!r}") from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def check_timezone(name: str | None) -> str | None:
    """Validate an IANA zone name; raise ValueError with a clear message when unknown."""
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown timezone {name!r}: use an IANA name like Europe/Berlin") from exc
    return name


ARTICLE_OG_TYPES = frozenset({"article", "news", "newsarticle", "blogposting", "news_article"})


def classify_page(
    tree: lxml.html.HtmlElement, has_ld_article: bool, og_type: str | None, dated: bool, body: str
) -> bool:
    """Is this page one article (not a home, section, tag or search page)?

    Structured data decides when the page declares it (a JSON-LD article; an og:type that is
    or is not an article). Otherwise a dated page with enough text counts when most of its
    visible text is not link text.
    """
    from .blocks import count_words  # words of Chinese and Japanese text too

    if count_words(body) < MIN_ARTICLE_WORDS:
        return False
    if has_ld_article:
        return True
    og = (og_type or "").strip().lower()
    if og:
        return og in ARTICLE_OG_TYPES
    return dated and link_text_share(tree) < 0.5


def extract_article(
    html: bytes | str,
    url: str,
    *,
    fetched_at: datetime | str | None = None,
    timezone: str | None = None,
    content_type: str | None = None,
    hints: Sequence[DateHint] = (),
) -> Article:
    """Extract one article from raw HTML (bytes are decoded like a browser would).

    Raises ExtractionError when the input is not an HTML page at all (empty, binary, ...).
    """
    tree = load_html(html, content_type)
    return extract_from_tree(tree, url, fetched_at=fetched_at, timezone=timezone, hints=hints)


def extract_from_tree(
    tree: lxml.html.HtmlElement,
    url: str,
    *,
    fetched_at: datetime | str | None = None,
    timezone: str | None = None,
    hints: Sequence[DateHint] = (),
) -> Article:
    """The same as extract_article, on an already parsed tree."""
    from .blocks import BodyResult
    from .body import extract_body, without_signature
    from .dates import extract_dates
    from .jsonld import article_objects, jsonld_objects
    from .metadata import extract_metadata, meta_values

    fetched = parse_fetched_at(fetched_at)
    zone = check_timezone(timezone)
    objects = jsonld_objects(tree)  # read once, for metadata, dates and body
    articles = article_objects(objects)
    meta = meta_values(tree)
    md = extract_metadata(tree, url, article_objects=articles, meta=meta)
    published, modified = extract_dates(
        tree, url, fetched_at=fetched, timezone=zone, language=md.language, hints=hints,
        meta=meta, objects=objects, credited=bool(md.authors),
    )
    body = extract_body(tree, url, article_objects=articles)
    if md.signature:
        body = BodyResult(without_signature(body.text, md.signature), body.source)
    is_article = classify_page(tree, bool(articles), md.og_type, published is not None, body.text)
    article = Article(
        url=url,
        title=md.title,
        body=body.text,
        authors=md.authors,
        language=md.language,
        section=md.section,
        tags=md.tags,
        image=md.image,
        canonical_url=md.canonical_url,
        site_name=md.site_name,
        description=md.description,
        published=published,
        modified=modified,
        body_source=body.source,
        is_article=is_article,
    )
    if not body.text:
        article.warnings.append("no body text found")
    return article

"""Hostile input to extract_article: it gives a result (or ExtractionError for no page at all),
never another exception, whatever a page holds. Cases found by fuzzing real pages."""

from __future__ import annotations

from scraper.extract import extract_article

URL = "https://www.example.com/news/2024/03/12/harbour-ferry"
PROSE = "<p>" + "The harbour ferry returned to service on Monday after winter repairs. " * 5 + "</p>"


def test_a_control_character_in_a_wrapped_paragraph_is_dropped() -> None:
    """A form feed or a vertical tab in a paragraph whose source wraps: the parser keeps it,
    lxml refuses it back when the line break is unwrapped."""
    html = (f"<html><body><h1>Ferry back</h1><p>Hello\x0c world\nagain\x0b and again</p>{PROSE}"
            "</body></html>")
    article = extract_article(html.encode(), URL)
    assert "Hello world again and again" in article.body


def test_json_ld_nested_deeper_than_the_json_reader_goes_is_skipped() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    html = ("<html><head><meta property='article:published_time' content='2024-03-12T18:05:00"
            f"+01:00'><script type='application/ld+json'>{deep}</script></head><body>"
            f"<h1>Ferry back</h1>{PROSE}</body></html>")
    article = extract_article(html, URL)
    assert article.published is not None
    assert article.published.local == "2024-03-12T18:05:00+01:00"

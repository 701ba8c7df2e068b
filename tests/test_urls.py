"""URL canonicalisation and same-site rules."""

from __future__ import annotations

import pytest

from scraper.urls import canonicalize_url, looks_like_page, same_site


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM:80/a/b.html?utm_source=rss&utm_medium=feed#top",
         "http://example.com/a/b.html"),
        ("https://example.com:443/x?id=3&fbclid=abc&gclid=1", "https://example.com/x?id=3"),
        ("http://127.0.0.1:8123/world/story-1?page=2", "http://127.0.0.1:8123/world/story-1?page=2"),
        ("http://example.com", "http://example.com/"),
        ("http://example.com/a?b=2&a=1", "http://example.com/a?b=2&a=1"),
    ],
)
def test_canonicalize_url(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_custom_tracking_parameters() -> None:
    assert canonicalize_url("http://e.com/a?x=1&sessionid=9", ("sessionid",)) == "http://e.com/a?x=1"


def test_same_site_ignores_www_but_not_port() -> None:
    assert same_site("https://www.e.com/a", "https://e.com/b")
    assert not same_site("http://127.0.0.1:8000/a", "http://127.0.0.1:8001/a")
    assert not same_site("https://other.org/a", "https://e.com/a")


def test_looks_like_page() -> None:
    assert looks_like_page("http://e.com/news/story.html")
    assert not looks_like_page("http://e.com/logo.png")
    assert not looks_like_page("mailto:a@b.c")

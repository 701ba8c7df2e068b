"""Body extraction on pages we wrote: first and last sentences in, boilerplate out."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
import pytest

from scraper.extract.body import BodyResult, extract_body
from scraper.extract.html import load_html
from scraper.extract.jsonld import article_objects, jsonld_objects

FIXTURES = Path(__file__).parent / "fixtures" / "body"
URL = "https://news.example.org/story"


def body_of(name: str, **kwargs: object) -> BodyResult:
    tree = load_html((FIXTURES / name).read_bytes())
    objects = article_objects(jsonld_objects(tree))
    return extract_body(tree, URL, article_objects=objects, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def news() -> BodyResult:
    return body_of("news_article.html")


def test_first_and_last_sentences_are_in(news: BodyResult) -> None:
    assert news.text.startswith("The little blue ferry that links the old quay")
    assert news.text.endswith("with every seat taken and a brass band playing on the quay.")
    assert "Fares will stay at last year's level" in news.text  # prose after the inline box


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Tuesday, 14 May 2024",  # header date bar
        "See more",  # sidebar
        "Market square to host food festival",  # sidebar "Latest" list
        "Island school gets a new roof",  # inline "Read more" list
        "Bridge closed for inspections",  # related list
        "I have missed the ferry all winter",  # comments
        "We use cookies",  # cookie banner
        "Sign up for our free newsletter",  # newsletter box
        "Share on Facebook",  # share links
        "Print this article",
        "Photo: Harbour Trust",  # caption credit
        "By Jane Doe",  # byline
        "All rights reserved",  # footer
        "Harbour ferry returns after winter repairs",  # the title is not repeated
    ],
)
def test_boilerplate_is_out(news: BodyResult, boilerplate: str) -> None:
    assert boilerplate not in news.text


def test_paragraphs_are_blank_line_separated(news: BodyResult) -> None:
    paragraphs = news.text.split("\n\n")
    assert len(paragraphs) >= 6
    assert all(p == p.strip() and "  " not in p and "\n" not in p for p in paragraphs)
    assert "A longer timetable for the summer" in paragraphs  # subheadings are kept as blocks


def test_complete_jsonld_body_is_preferred_and_filters_promos() -> None:
    result = body_of("jsonld_complete.html")
    assert result.source in ("jsonld", "trafilatura+jsonld")
    assert result.text.startswith("Orchard growers across the valley expect")
    assert result.text.endswith("continue until the end of October.")
    assert "become a Valley News member" not in result.text
    assert len(result.text.split("\n\n")) >= 4  # still split into the page's paragraphs


def test_teaser_jsonld_body_is_rejected() -> None:
    result = body_of("jsonld_teaser.html")
    assert result.source == "trafilatura"
    assert result.text.startswith("Die Stadtbibliothek öffnet künftig")
    assert result.text.endswith("ob sie dauerhaft beibehalten werden.")


def test_selectors_pick_the_story() -> None:
    result = body_of("selectors.html", selectors=["div.story-text", "div.missing >>> bad"])
    assert result.source == "selectors"
    assert result.text.startswith("Night buses will run on weekdays")
    assert result.text.endswith("between midnight and five in the morning.")
    assert "travel guide" not in result.text


def test_without_selectors_the_page_still_gives_a_body() -> None:
    assert "Night buses will run" in body_of("selectors.html").text


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<html><body><p>Too short.</p></body></html>",
        "<html><body>" + "<div>" * 5000 + "deep text " * 30 + "</div>" * 5000 + "</body></html>",
        "<html><body>" + "<p>para</p>" * 20000 + "</body></html>",
    ],
)
def test_bad_input_never_raises(html: str) -> None:
    tree = lxml.html.document_fromstring(html)
    start = time.perf_counter()
    result = extract_body(tree, URL, article_objects=[{"articleBody": 5}, {}])
    assert isinstance(result, BodyResult)
    assert time.perf_counter() - start < 10


def test_tree_is_not_mutated() -> None:
    tree = load_html((FIXTURES / "news_article.html").read_bytes())
    before = lxml.html.tostring(tree)
    extract_body(tree, URL, article_objects=[])
    assert lxml.html.tostring(tree) == before


def test_slow_trafilatura_pass_only_for_short_results(monkeypatch: pytest.MonkeyPatch) -> None:
    from scraper.extract import body as body_module

    calls: list[bool] = []
    real = body_module.trafilatura_blocks

    def spy(tree: lxml.html.HtmlElement, url: str, *, fast: bool = True) -> list[body_module.Block]:
        calls.append(fast)
        return real(tree, url, fast=fast)

    monkeypatch.setattr(body_module, "trafilatura_blocks", spy)
    body_of("news_article.html")
    assert calls == [True]  # a full article: the fast pass is enough
    calls.clear()
    short = "<html><body><h1>Note</h1><p>" + "A short note with a few words. " * 3 + "</p></body></html>"
    tree = load_html(short)
    extract_body(tree, "https://example.org/note", article_objects=[])
    assert calls == [True, False]  # a short result: trafilatura's fallback comparison is asked

"""Hostile input to extract_article: it gives a result (or ExtractionError for no page at all),
never another exception, whatever a page holds. Cases found by fuzzing real pages."""

from __future__ import annotations

from typing import Any

import pytest

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


def test_a_noncharacter_in_a_wrapped_paragraph_is_dropped() -> None:
    article = extract_article(f"<h1>Ferry back</h1><p>a\uffff\nb<b>x</b>c\ufffe\nd</p>{PROSE}".encode(),
                              URL)
    assert article.body.startswith("a bxc d\n")


def test_a_paragraph_of_a_thousand_wrapped_links_is_unwrapped_in_one_pass() -> None:
    """Each link's tail holds a source line break: every one is a space (and the paragraph's
    children are read once, not once a tail)."""
    from scraper.extract.html import load_html

    tree = load_html("<p>" + "tag <a href='/t'>cloud</a>\n" * 1000 + "</p>")
    paragraph = tree.find(".//p")
    assert paragraph is not None
    assert "\n" not in "".join(paragraph.itertext())


def test_a_paragraph_holding_blocks_keeps_its_line_breaks() -> None:
    from scraper.extract.html import load_html

    tree = load_html("<p>one\ntwo<br>three\nfour</p><p>five\nsix</p>")
    assert [t for t in tree.itertext() if "\n" in t] == ["one\ntwo", "three\nfour"]


def test_an_author_field_of_a_page_of_letters_credits_no_one() -> None:
    """A credit is read as far as CREDIT_CHARS: 20,000 letters are no name (and cost no more
    than a line's worth of pattern matching)."""
    from scraper.extract.authornames import CREDIT_CHARS, split_authors

    assert split_authors("z" * 20_000) == []
    assert split_authors("By Jane Doe " + "z" * 20_000) == split_authors(
        ("By Jane Doe " + "z" * 20_000)[:CREDIT_CHARS])


@pytest.mark.parametrize("block", ["<p>H{i}</p>", "<th>H{i}</th>", "H{i}<br><br>"])
def test_a_short_article_among_thousands_of_short_blocks_keeps_its_text(
        block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura's slower pass (justext's comparison walks the short blocks once each) is
    not asked on a page of more than SLOW_MAX_BLOCKS of what justext reads as paragraphs
    (its paragraph tags, a pair of <br>s): the fast result stands."""
    from scraper.extract import body
    from scraper.extract.body import SLOW_MAX_BLOCKS

    passes: list[bool] = []
    fast_or_slow = body._trafilatura

    def recorded(*args: Any, fast: bool) -> Any:
        passes.append(fast)
        return fast_or_slow(*args, fast=fast)

    monkeypatch.setattr(body, "_trafilatura", recorded)

    words = " ".join(f"word{i}" for i in range(40))
    html = (f"<html><body><article><h1>Ferry back</h1><p>{words}</p></article><div>"
            + "".join(block.format(i=i) for i in range(SLOW_MAX_BLOCKS + 1000))
            + "</div></body></html>")
    article = extract_article(html, URL)
    assert article.body.startswith("word0 word1") and "H3999" not in article.body
    assert passes == [True]


def test_every_paragraph_of_a_long_page_is_unwrapped() -> None:
    from scraper.extract.html import load_html

    tree = load_html("<body>" + "<p>one\ntwo <a href='/x'>three</a>\nfour</p>\n" * 3000 + "</body>")
    assert {" ".join(p.itertext()) for p in tree.iter("p")} == {"one two  three  four"}


def test_a_bold_tag_left_open_over_a_megabyte_is_no_headline() -> None:
    # (fuzzing found the bold-headline search reading such a tag's whole text 200 times)
    from scraper.extract.dateplaces import HEADLINE_CHARS
    from scraper.extract.html import load_html, short_text

    giant = "word " * 200_000
    tree = load_html(f"<html><body><b>Harbour ferry returns<br>{giant}</body></html>")
    bold = next(tree.iter("b"))
    assert short_text(bold, HEADLINE_CHARS) is None
    page = ("<html><head><title>Harbour ferry returns after repairs</title></head><body>"
            f"<p class='date'>Published 12 March 2024</p><b>{giant}</body></html>")
    art = extract_article(page.encode(), "https://news.example.org/ferry")
    assert art.published is not None and art.published.local == "2024-03-12"


def test_commented_rdf_blocks_are_read_in_one_pass() -> None:
    """A page of a thousand unclosed "<!-- <rdf:RDF" comments, then a real trackback block:
    the one real block is kept (as an inert RDF script in the <head>), the rest are not, and
    nothing of them reaches the text."""
    from scraper.extract.html import RDF_SCRIPT_TYPE, parse_html

    block = ('<!--\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
             'rdf:about="https://blog.example.org/2008/03/04/rally/" dc:date="2008-03-04T14:15:22-05:00"'
             " /></rdf:RDF>\n-->")
    page = ("<html><head><title>Rally</title></head><body>" + "<!-- <rdf:RDF x -->" * 1000
            + f"<p>Workers rallied.</p>{block}</body></html>")
    root = parse_html(page)
    scripts = [s for s in root.find("head") if s.get("type") == RDF_SCRIPT_TYPE]
    assert [s.text[:8] for s in scripts] == ["<rdf:RDF"]
    assert 'dc:date="2008-03-04T14:15:22-05:00"' in scripts[0].text
    assert root.find("body").text_content().strip() == "Workers rallied."

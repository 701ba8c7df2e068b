"""Article body: trafilatura on the shared tree, cleaned block by block, checked against rivals.

The rivals are the publisher's JSON-LD ``articleBody`` (used when it is complete and visible
on the page), site-profile CSS selectors, and a text-density method of our own that runs only
when trafilatura's result looks wrong (empty or much shorter than the page's paragraphs).
trafilatura runs in its fast mode; its slower comparison with readability/justext is asked
for only when the fast result is short or the density method finds much more text. When the
page holds far more prose than a short result, the containers that continue the result's own
(same tag and class, later under the same headline: an article split by ad slots) are added
first; the slower pass then has to find half as much again to replace that. A standfirst
that the layout sets apart from the article's container (a class naming an intro, lead, teaser or
summary, between the headline and the first paragraph and close to it) is put back in front of
the body (lead.py); not on the site-profile path, whose selectors say what the body is. The
blocks' cleaning and the page's hints it uses are in blocks.py. When the DOM gives
no body (a client-rendered page), the article's HTML is looked for in the scripts' data
(embedded.py).
"""

from __future__ import annotations

import copy
import functools
import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from .blocks import (
    Block,
    BodyResult,
    PageHints,
    _collapse,
    _key,
    _overlap,
    _shingles,
    clean_blocks,
    count_words,
    jsonld_text,
    normalise_text,
    page_hints,
    segment,
    visible_text,
)
from .density import continuation_blocks, density_blocks, link_text_share, selector_blocks
from .lead import with_lead

# Always pruned from trafilatura's copy of the tree before it looks for the body: captions,
# asides/footers/dialogs by ARIA role, and hidden parts that neither are nor hold paragraphs
# (sites mark the paragraphs behind a soft paywall aria-hidden, text and all). One expression, so
# libxml2 walks the tree once (each walk costs ~0.3 ms on a real news page); the attribute
# tests are guarded by their attribute's presence, which libxml2 checks much faster. (Not a
# union of attribute-node paths ("//*/@role[...]/.."), faster on a news page: libxml2 2.14
# merges such node sets in quadratic time, 6 s for a page of 100,000 hidden icons.)
PRUNE_XPATH = [
    "//*[self::figcaption"
    " or @role and (@role='complementary' or @role='contentinfo' or @role='dialog'"
    " or @role='alertdialog')"
    " or @aria-hidden and @aria-hidden='true' and not(self::p or .//p)]",
]

MIN_WORDS = 25
"""Below this many words a trafilatura result is treated as a miss and the rivals are asked."""

LIST_PAGE_LINK_SHARE = 0.5
"""A page with at least this share of its visible text in links is a home, section or tag page."""

SLOW_WORDS = 250
"""Below this many words trafilatura's fast result is checked against the density method (and,
when short or outdone by it, against trafilatura's own slower fallback comparison)."""

CONTINUED_MARGIN = 1.5
"""How many times the words of a continued result the slower pass must give to replace it."""

TRUNCATED_SHARE = 3.0
"""A short fast result is also checked against the slower pass when the page's prose paragraphs
hold this many times its characters."""


# --------------------------------------------------------------------------- trafilatura


def _element_text(el: etree._Element) -> str:
    for lb in el.iter("lb"):
        lb.text = "\n"
    return "".join(el.itertext())


_OUT_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "code", "div", "graphic"})


def _unwrap_containers(body: etree._Element) -> None:
    """Lift the blocks out of a ``<div>`` that holds them (trafilatura's slower pass hands back
    readability's container whole): its paragraphs must stay paragraphs, not run together.

    Loose text in the container (before, between or after its blocks, inline markup and all)
    becomes a paragraph of its own.
    """
    containers = [div for div in body.iter("div")
                  if any(isinstance(c.tag, str) and c.tag in _OUT_BLOCKS for c in div)]
    if not containers:
        return
    for div in containers:
        loose: etree._Element | None = None
        if div.text and div.text.strip():
            loose = etree.Element("p")
            loose.text = div.text
        div.text = None
        for child in list(div):
            if isinstance(child.tag, str) and child.tag in _OUT_BLOCKS:
                if loose is not None:
                    child.addprevious(loose)
                    loose = None
                if child.tail and child.tail.strip():
                    loose = etree.Element("p")
                    loose.text = child.tail
                child.tail = None
            else:  # inline markup: part of the loose text around it (moved with its tail)
                if loose is None:
                    loose = etree.Element("p")
                loose.append(child)
        if loose is not None:
            div.append(loose)
        if div.tail and div.tail.strip():
            after = etree.Element("p")
            after.text, div.tail = div.tail, None
            div.addnext(after)
        div.tag = "unwrap"
    etree.strip_tags(body, "unwrap")


LAYOUT_CELL_WORDS = 80
"""A table cell of trafilatura's output with this many words is a layout table's text cell."""
LAYOUT_SHARE = 0.5
"""... when such cells hold this share of the output's words: the page is laid out by tables."""


def _lay_out_tables(body: etree._Element) -> None:
    """Keep only the text cells of a page laid out by tables. On a template older than CSS the
    whole page is a table, and trafilatura (tables on) hands back every row of it: the site's
    menu ("Home | SBC | Missions | …"), the edition's line, the footer, each a row of short cells
    around the one cell that holds the article. When long cells (LAYOUT_CELL_WORDS) hold most of
    the output (LAYOUT_SHARE), each top-level table gives only its long cells (the innermost,
    as blocks of their own), and a table without one is dropped: its rows are the layout's.
    A data table inside the text's cell stays with it."""
    cells = [cell for cell in body.iter("cell") if _word_count(cell) >= LAYOUT_CELL_WORDS]
    if not cells:
        return
    cells = [cell for cell in cells if not any(
        other is not cell and any(a is cell for a in other.iterancestors()) for other in cells)]
    if sum(map(_word_count, cells)) < LAYOUT_SHARE * _word_count(body):
        return
    for table in [child for child in body if child.tag == "table"]:
        for cell in [cell for cell in cells if any(a is table for a in cell.iterancestors())]:
            cell.tag = "div"
            cell.tail = None
            table.addprevious(cell)
        body.remove(table)


def _word_count(el: etree._Element) -> int:
    return len("".join(el.itertext()).split())


def _blocks_from_xml(body: etree._Element) -> list[Block]:
    """trafilatura's output tree (p, head, list/item, quote, table/row, code) -> blocks."""
    _lay_out_tables(body)
    _unwrap_containers(body)
    out: list[Block] = []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        hint = f"{child.get('class') or ''} {child.get('itemprop') or ''}".strip()
        if tag == "list":
            items = [c for c in child.iter("item")] or [child]
            texts = [_element_text(item) for item in items]
            hint = "item"
        elif tag == "table":
            hint = "row"  # cells joined by " | ": not a bar of links
            texts = [
                " | ".join(_collapse("".join(cell.itertext())).strip() for cell in row)
                for row in child.iter("row")
            ]
        elif tag == "graphic":
            continue
        else:
            texts = [_element_text(child)]
        kind = "head" if tag == "head" else "p"
        for text in texts:
            for line in text.split("\n"):
                line = _collapse(line).strip()
                if line:
                    out.append(Block(kind, line, hint))
    return out


@functools.cache
def _extractor(fast: bool) -> Extractor:
    """trafilatura's options, built once (building them reads its config file's values)."""
    # output_format "txt": bare_extraction then skips serialising a text we never read
    return Extractor(
        output_format="txt", fast=fast, comments=False, tables=True, with_metadata=False, dedup=False
    )


def trafilatura_blocks(tree: lxml.html.HtmlElement, url: str, *, fast: bool = True) -> list[Block]:
    """trafilatura's main text (no comments) as blocks; trafilatura works on its own copy.

    ``fast`` skips trafilatura's comparison with readability/justext; the caller asks for
    that slower pass only when the fast result looks like a miss.
    """
    options = copy.copy(_extractor(fast))  # the per-page URL is only used in its log lines
    options.url = options.source = url
    doc: Any = trafilatura.bare_extraction(tree, url=url, prune_xpath=PRUNE_XPATH, options=options)
    if doc is None or getattr(doc, "body", None) is None:
        return []
    return _blocks_from_xml(doc.body)


# --------------------------------------------------------------------------- the decision


def _join(blocks: Iterable[Block]) -> str:
    return normalise_text("\n".join(b.text for b in blocks))


def _finish(text: str, source: str) -> BodyResult:
    # soft hyphens are the page's hyphenation hints, invisible unless a line breaks there;
    # kept, they cut words in two for search ("die\xadsem" is not "diesem" to FTS5)
    text = unicodedata.normalize("NFC", text.replace("\xad", "") if "\xad" in text else text)
    return BodyResult(text, source) if text else BodyResult("", None)


SIGNATURE_PARAGRAPHS = 4  # the text's first paragraphs, where a line signing it may stand


def without_signature(text: str, line: str) -> str:
    """The text without the line that signs it ("Mohloai Mpesi" above its first paragraph,
    which metadata read as the byline): the writer's name, not the article's words."""
    paragraphs = text.split("\n\n")
    for i, paragraph in enumerate(paragraphs[:SIGNATURE_PARAGRAPHS]):
        if " ".join(paragraph.split()) == line:
            return "\n\n".join(paragraphs[:i] + paragraphs[i + 1:])
    return text


def extract_body(
    tree: lxml.html.HtmlElement,
    url: str,
    *,
    article_objects: list[dict[str, Any]],
    selectors: Sequence[str] = (),
) -> BodyResult:
    """Main text of the page, without navigation, sidebars, comments or banners.

    Never raises: a page where every method fails gives an empty result.
    """
    try:
        if isinstance(tree, etree._ElementTree):  # lxml.html.parse(...) rather than its root
            tree = tree.getroot()
        return _extract_body(tree, url, article_objects, selectors)
    except Exception:  # extraction must not break a crawl; an empty body is reported upstream
        return BodyResult("", None)


def _extract_body(
    tree: lxml.html.HtmlElement,
    url: str,
    article_objects: list[dict[str, Any]],
    selectors: Sequence[str],
) -> BodyResult:
    hints = page_hints(tree, article_objects, url)
    if selectors:
        # no standfirst is put back here: a site profile's selectors name the blocks that make
        # the site's body, its standfirst among them when the profile wants it

        picked = clean_blocks([Block(k, t) for k, t in selector_blocks(tree, selectors)], hints)
        if _words(picked) >= MIN_WORDS:
            return _finish(_join(picked), "selectors")

    blocks = _trafilatura(tree, url, hints, fast=True)
    words = _words(blocks)
    dense: list[Block] | None = None
    dense_words = 0
    truncated = continued = False
    if words < SLOW_WORDS:
        density = density_blocks(tree)
        dense = clean_blocks([Block(k, t) for k, t in density.blocks], hints)
        dense_words = _words(dense)
        # the page holds far more prose than the result: an article split into containers
        # (say by an ad slot), of which trafilatura's first pass took the first
        truncated = density.prose_chars > TRUNCATED_SHARE * sum(len(b.text) for b in blocks)
        if truncated and blocks:
            more = _continuation(tree, blocks, hints)
            if more:
                blocks, continued = blocks + more, True
                words = _words(blocks)
    if (dense is not None and (words < 4 * MIN_WORDS or dense_words > 1.5 * words or truncated)
            and link_text_share(tree) < LIST_PAGE_LINK_SHARE and _few_blocks(tree)):
        # the fast result looks short: let trafilatura compare itself with readability/justext
        # (not on a home or section page: no fallback makes a list of links an article, and
        # justext's all-language stoplist costs ~50 ms and ~30 MB of memory churn a call)
        slow = _trafilatura(tree, url, hints, fast=False)
        slow_words = _words(slow)
        # against a continued result the slower pass must find much more: it also reads on
        # into the next story of an endless page, which the continuation stops at
        if slow_words > (CONTINUED_MARGIN * words if continued else words):
            blocks, words = slow, slow_words
    source = "trafilatura"

    ld = normalise_text(jsonld_text(article_objects))
    ld_words = count_words(ld) if ld else 0
    if ld_words >= MIN_WORDS:
        decided = _with_jsonld(tree, blocks, ld, hints)
        if decided is not None:
            return decided
        if words < 2 * MIN_WORDS and dense_words < 2 * MIN_WORDS and ld_words >= max(
                4 * MIN_WORDS, 3 * words):
            # a client-rendered page: its DOM holds a caption, the publisher's articleBody the
            # story (rendered from the scripts' data, so no visible text has it); only the
            # page's own article object (its headline is the page's), never a related one's
            own = normalise_text(jsonld_text(
                [o for o in article_objects if _headline_key(o) in hints.titles]))
            if count_words(own) >= max(4 * MIN_WORDS, 3 * words):
                pieces = [Block("p", t) for t in segment(own, tree)]
                return _finish(_join(with_lead(tree, clean_blocks(pieces, hints), hints)),
                               "jsonld")

    if words < 4 * MIN_WORDS and dense is not None and dense_words > max(2 * words, MIN_WORDS):
        blocks, source = dense, "density"  # trafilatura missed the article
    if _words(blocks) < MIN_WORDS:
        # no article in the DOM: a client-rendered page may hold it in its scripts' data
        from .embedded import embedded_blocks  # (it builds on this module's cleaning)

        embedded = embedded_blocks(tree, hints)
        if embedded:
            return _finish(_join(embedded), "embedded")
    return _finish(_join(with_lead(tree, blocks, hints)), source)


def _headline_key(obj: dict[str, Any]) -> str:
    headline = obj.get("headline") or obj.get("name")
    return _key(headline) if isinstance(headline, str) else ""


def _continuation(
    tree: lxml.html.HtmlElement, blocks: list[Block], hints: PageHints
) -> list[Block]:
    """The blocks of the containers that continue the article after trafilatura's last block."""
    last = next((b for b in reversed(blocks) if b.kind == "p"), None)
    if last is None:
        return []
    seen = {b.text for b in blocks}
    more = clean_blocks([Block(k, t) for k, t in continuation_blocks(tree, last.text)], hints)
    return [b for b in more if b.text not in seen]


SLOW_MAX_BLOCKS = 3_000
"""Paragraph-like elements of a page above which trafilatura's slower pass is not asked:
justext, which it compares with, walks a run of short paragraphs for each of them (8 s for
10,000 on one page)."""


def _few_blocks(tree: lxml.html.HtmlElement) -> bool:
    return sum(1 for _ in itertools.islice(tree.iter(_SLOW_BLOCK_TAGS), SLOW_MAX_BLOCKS + 1)
               ) <= SLOW_MAX_BLOCKS


# (the tags justext starts a paragraph at, justext.core.PARAGRAPH_TAGS, and <br>: a pair of
# them is one too)
_SLOW_BLOCK_TAGS = ("p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dd",
                    "dt", "dl", "ul", "blockquote", "pre", "br", "table", "thead", "tfoot",
                    "caption", "center", "col", "colgroup", "fieldset", "form", "legend",
                    "optgroup", "option", "textarea")


def _words(blocks: list[Block]) -> int:
    return sum(count_words(b.text) for b in blocks)


def _trafilatura(
    tree: lxml.html.HtmlElement, url: str, hints: PageHints, *, fast: bool
) -> list[Block]:
    try:
        return clean_blocks(trafilatura_blocks(tree, url, fast=fast), hints)
    except Exception:  # trafilatura failing on a page leaves the rivals
        return []


def _with_jsonld(
    tree: lxml.html.HtmlElement, blocks: list[Block], ld: str, hints: PageHints
) -> BodyResult | None:
    """Use the publisher's articleBody to check trafilatura, or instead of it."""
    ld_sh = _shingles(ld)
    page_sh = _shingles(visible_text(tree))
    if _overlap(ld_sh, page_sh) < 0.8:
        return None  # not what readers see (a hidden full text, another article, markup)
    traf_sh = _shingles(_join(blocks))
    traf_total = sum(traf_sh.values())
    ld_total = sum(ld_sh.values())
    if traf_total and ld_total < 0.6 * traf_total and _overlap(traf_sh, ld_sh) < 0.7:
        return None  # a teaser or summary
    if traf_total and _overlap(ld_sh, traf_sh) >= 0.9:
        # trafilatura holds the whole article: keep its blocks that belong to it
        kept = [b for b in blocks if _overlap(_shingles(b.text), ld_sh) >= 0.3]
        return _finish(_join(with_lead(tree, kept, hints)), "trafilatura+jsonld")
    # trafilatura is truncated or wrong: the publisher's text, split into the page's paragraphs
    pieces = [Block("p", t) for t in segment(ld, tree)]
    return _finish(_join(with_lead(tree, clean_blocks(pieces, hints), hints)), "jsonld")

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
the body; not on the site-profile path, whose selectors say what the body is. When the DOM gives
no body (a client-rendered page), the article's HTML is looked for in the scripts' data
(embedded.py).
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import functools
import html as htmllib
import itertools
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urldefrag, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from . import boilerplate as bp
from .density import continuation_blocks, density_blocks, link_text_share, selector_blocks
from .html import own_addresses, resolve_href

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WS_ODD = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")  # _WS's but the space
_TOKEN = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]{0,400}>")
_BLOCK_TAG = re.compile(r"<\s*(?:/p|br\s*/?|/h\d|/li|/div|/blockquote)\s*>", re.IGNORECASE)
_NORM = re.compile(r"[\W_]+")
# Chinese and Japanese write words without spaces: two of these characters count as one word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = frozenset(".!?\"”“»«'’)…")

# Class hints of trafilatura's kept elements that mark a non-body block.
_JUNK_CLASS = re.compile(
    r"caption|credit|copyright|byline|author|dateline|timestamp|date|meta|kicker|breadcrumb|"
    r"share|social|related|newsletter|promo|ad-|advert|cookie|consent|disclaimer",
    re.IGNORECASE,
)

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


@dataclass(frozen=True)
class BodyResult:
    """The body text (paragraphs separated by blank lines) and which method produced it."""

    text: str
    # "trafilatura" | "trafilatura+jsonld" (checked against articleBody) | "jsonld" |
    # "selectors" | "density" | "embedded" (script data) | None when nothing was found
    source: str | None


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of extracted text."""

    kind: str  # "p" (paragraph, list item, quote, table row) or "head" (a subheading)
    text: str
    hint: str = ""  # class/itemprop of the source element when trafilatura kept it


def _collapse(text: str) -> str:
    """``_WS.sub(" ", text)``: runs of spaces made one space. Most texts hold single spaces
    only, which it would leave as they are: two scans find that at a quarter of its cost (of
    ASCII, _WS_ODD's only character is the tab: a text's flag says so, with no scan)."""
    if "  " in text or ("\t" in text if text.isascii() else _WS_ODD.search(text)):
        return _WS.sub(" ", text)
    return text


def normalise_text(text: str) -> str:
    """Collapse runs of spaces, strip lines, keep paragraph breaks as one blank line."""
    lines = [_collapse(line).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def count_words(text: str) -> int:
    """Words of a text: runs between spaces, plus one per two Chinese or Japanese characters."""
    words = len(text.split())
    if not text.isascii():
        words += len(_CJK.findall(text)) // 2
    return words


def _key(text: str) -> str:
    """The text folded for comparison: case and everything but letters and digits dropped."""
    return _short_key(text) if len(text) <= 120 else _fold(text)


@functools.lru_cache(maxsize=8192)  # a site's menu and link texts recur on every page
def _short_key(text: str) -> str:
    return _fold(text)


# What _NORM drops of ASCII (all but letters and digits) and casefold does to it, for
# bytes.translate: UTF-8's multi-byte sequences hold no ASCII byte, so it can work on those.
_ASCII_DROP = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_LOWER = bytes.maketrans(string.ascii_uppercase.encode(), string.ascii_lowercase.encode())


def _fold(text: str) -> str:
    """``_NORM.sub("", text.casefold())``. The ASCII characters go in one pass of
    bytes.translate (six times faster than the pattern); only text that has others left
    (accents, typographic quotes, dashes) is searched for them."""
    if text.isascii():
        return text.encode().translate(_ASCII_LOWER, _ASCII_DROP).decode()
    try:
        folded = text.casefold().encode().translate(None, _ASCII_DROP).decode()
    except UnicodeEncodeError:  # a lone surrogate (JSON-LD's "\ud800"): UTF-8 has none
        folded = "".join(text.casefold().split())  # str.split's white space is all \W
    return folded if folded.isalnum() else _NORM.sub("", folded)


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def _overlap(part: Counter[tuple[str, ...]], whole: Counter[tuple[str, ...]]) -> float:
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


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


def _blocks_from_xml(body: etree._Element) -> list[Block]:
    """trafilatura's output tree (p, head, list/item, quote, table/row, code) -> blocks."""
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


# --------------------------------------------------------------------------- cleaning


@dataclass(frozen=True)
class PageHints:
    """Strings of the page that tell the body's blocks from the rest (all folded by ``_key``):
    headlines are not repeated in the body; the description is not read by the cleaning (kept
    for callers and tests that build hints by hand)."""

    titles: tuple[str, ...]
    description: str
    labels: AbstractSet[str] = frozenset()  # short link texts and section names: kicker candidates
    authors: frozenset[str] = frozenset()  # the article's author names: a byline line alone
    links: frozenset[str] = frozenset()  # texts (4+ words) of links to other pages: teaser headlines
    short_links: AbstractSet[str] = frozenset()  # texts (1-4 words) of links: parts of a link bar
    named: tuple[str, ...] = ()  # the titles the page gives outside its first <h1>
    # texts (16+ words) of links to other pages: a teaser card that is one link, summary and all
    card_links: tuple[str, ...] = ()
    # computes card_texts when a link-list heading asks for them (most pages never do)
    card_source: Callable[[], frozenset[str]] | None = dataclasses.field(default=None, compare=False)
    # the page's first <h1> elements (at most 10) as page_hints' walk met them, for
    # ``_headline``; None when the hints were built by hand (``_headline`` then looks itself)
    h1s: tuple[etree._Element, ...] | None = dataclasses.field(default=None, compare=False)

    @cached_property
    def sorted_links(self) -> list[str]:
        """``links`` in order, for prefix look-ups (``starts_a_link``)."""
        return sorted(self.links)

    def starts_a_link(self, key: str) -> bool:
        """A link's text (key) begins with ``key``."""
        links = self.sorted_links
        at = bisect.bisect_left(links, key)
        return at < len(links) and links[at].startswith(key)

    @cached_property
    def card_texts(self) -> frozenset[str]:
        """Texts beside a linked h2/h3 in a small box: the summaries of teaser cards."""
        return self.card_source() if self.card_source is not None else frozenset()


_HEADLINES = 10
"""The <h1> elements of a page looked at for its headline (a page of hundreds is a list)."""


def page_hints(
    tree: lxml.html.HtmlElement, article_objects: list[dict[str, Any]], url: str = ""
) -> PageHints:
    titles: list[str] = []
    names: list[str] = []
    sections: list[str] = []
    description = ""
    title: str | None = None
    h1s: list[etree._Element] = []
    short_texts: set[str] = set()
    link_texts: set[str] = set()
    long_links: list[tuple[str, str]] = []
    anchors = 0
    # one walk for the four tags: each iterfind(".//tag") walks the whole tree again
    for el in tree.iterdescendants("a", "meta", "title", "h1"):
        tag = el.tag
        if tag == "a":
            anchors += 1
            if anchors > 2000:
                continue  # the page's metas are still read
            # most links hold bare text: no need to walk their descendants
            text = ((el.text or "") if len(el) == 0 else " ".join(el.itertext())).strip()
            if not text:
                continue
            words = len(text.split())
            if words <= 4:
                short_texts.add(text)
            if words < 4 or "://" in text or "www." in text:
                continue
            # a link to another page, not to a part of one: a table of contents names the
            # subheadings
            href = (el.get("href") or "").strip()
            if href and "#" not in href:
                link_texts.add(text)
                if words >= CARD_LINK_WORDS:
                    long_links.append((text, href))
        elif tag == "meta":
            key = (el.get("property") or el.get("name") or "").lower()
            content = el.get("content") or ""
            if key in ("og:title", "twitter:title"):
                titles.append(content)
            elif key in ("og:description", "description", "twitter:description"):
                if not description:
                    description = content
            elif key in ("author", "article:author"):
                if content and "/" not in content:
                    names.append(content)
            elif key == "article:section":
                sections.append(content)
        elif tag == "title":
            if title is None:
                title = el.text or ""
        elif len(h1s) < _HEADLINES:
            h1s.append(el)
    for obj in article_objects[:1]:
        for field in ("headline", "name", "alternativeHeadline"):
            if isinstance(obj.get(field), str):
                titles.append(obj[field])
        if not description and isinstance(obj.get("description"), str):
            description = obj["description"]
        names.extend(_person_names(obj.get("author")))
        section = obj.get("articleSection")
        sections.extend(s for s in (section if isinstance(section, list) else [section])
                        if isinstance(s, str))
    if title:
        titles.append(title)
    named = tuple(k for k in dict.fromkeys(_key(t) for t in titles) if len(k) >= 8)
    if h1s:
        titles.append(" ".join(h1s[0].itertext()))
    keys = tuple(k for k in dict.fromkeys(_key(t) for t in titles) if len(k) >= 8)
    authors = frozenset(k for k in (_key(n) for n in names) if len(k) >= 4)
    links = frozenset(_key(t) for t in link_texts)
    card_links: tuple[str, ...] = ()
    if long_links:  # not a card of this article (its own address, or its headline in the card)
        own = {_page_key(u) for u in _own_urls(tree, url)}
        targets = ((t, resolve_href(url, href) if url else href) for t, href in long_links)
        cards = (_key(t) for t, target in targets if target and _page_key(target) not in own)
        card_links = tuple(itertools.islice(
            (c for c in cards if not any(k in c for k in keys)), CARD_LINKS_MAX))
    # short link texts and section names are the kicker candidates
    labels = _Keys([*short_texts, *sections])
    return PageHints(keys, _key(description), labels, authors, links, _Keys(short_texts), named,
                     card_links, functools.partial(_card_texts, tree, url), tuple(h1s))


class _Keys(AbstractSet[str]):
    """The keys (``_key``, the empty one left out) of some texts, folded when first looked up:
    most pages never look at their short link texts (``PageHints.labels``, ``short_links``),
    a hundred keys of a typical page's menus."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts: Iterable[str] | None = texts
        self._keys: frozenset[str] = frozenset()

    def _folded(self) -> frozenset[str]:
        if self._texts is not None:
            self._keys = frozenset(k for k in map(_key, self._texts) if k)
            self._texts = None
        return self._keys

    def __contains__(self, key: object) -> bool:
        return key in self._folded()

    def __iter__(self) -> Iterator[str]:
        return iter(self._folded())

    def __len__(self) -> int:
        return len(self._folded())

    def __hash__(self) -> int:
        return hash(self._folded())

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        """``keys | other`` and the like: a frozenset of what is given, as the frozenset of keys
        these were before gave (the Set mixins would fold the other set's texts again)."""
        return frozenset(it)

_CARD_LINKED_HEAD = etree.XPath(
    "(//h2|//h3|//h4)[.//a[@href and not(starts-with(@href, '#'))]"
    " or ancestor::a[@href and not(starts-with(@href, '#'))]][position() <= 300]"
)
CARD_TEXT_MAX = 400
"""Most characters of a card's summary; longer text beside a linked heading is not one."""
CARD_LINKS_MAX = 100
"""Most such links kept (each block is looked for in each: bounded on pages of thousands)."""
CARD_LINK_WORDS = 16
"""Words of a link's text from which it may wrap a whole teaser card (headline and summary)."""


TEXT_UPTO_ELEMENTS = 2_000


def _text_upto(el: etree._Element, limit: int) -> str | None:
    """``el``'s text, white space collapsed, or None when it is longer than ``limit``
    characters: read only that far (a box holding the rest of the page is not read to its end)."""
    if sum(1 for _ in itertools.islice(el.iter(), TEXT_UPTO_ELEMENTS + 1)) > TEXT_UPTO_ELEMENTS:
        return None  # a box of thousands of elements is no card's summary (and costs a walk)
    parts: list[str] = []
    size = raw = 0
    for chunk in el.itertext():
        raw += len(chunk)
        stripped = " ".join(chunk[: 4 * limit].split())  # a text of megabytes: its start
        if stripped:
            parts.append(stripped)
            size += len(stripped) + 1
        if size > limit + 1 or raw > 20 * limit:
            return None
    return " ".join(parts)


_NOT_THE_PAGE = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|mc_cid|mc_eid|ref|ref_src|src|source|cmp|ito|at_\w+|"
    r"page|pg|amp|output|outputtype|view|print|share",
    re.IGNORECASE,
)
"""Query parameters that track a visit or choose a page, a print or an AMP view of a story."""


def _page_key(address: str) -> str:
    """An address as a story: host without "www.", path without an "amp" segment or trailing
    slash, the query without tracking or paging parameters (``_NOT_THE_PAGE``), no fragment: a
    tracking link, "?page=2" and the AMP copy are the same story; "?p=959" and "?p=960" not."""
    try:
        parts = urlsplit(address)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # an unreadable host ("http://[oops/x")
        return address
    path = "/".join(s for s in parts.path.split("/") if s and s.lower() != "amp")
    query = "&".join(sorted(
        pair for pair in parts.query.split("&")
        if pair and not _NOT_THE_PAGE.fullmatch(pair.partition("=")[0])
    ))
    return f"{host}/{path.removesuffix('.amp')}?{query}"


def _own_urls(tree: lxml.html.HtmlElement, url: str) -> set[str]:
    """The page's own addresses (its URL, canonical and og:url), without fragments."""
    own = {urldefrag(u)[0] for u in (url, *own_addresses(tree, url)) if u}
    own.discard("")
    return own


def _card_link(head: etree._Element, url: str, own: set[str]) -> bool:
    """The heading is a link to another page: its link (inside it or around it) holds most of
    its text and points neither to a part of a page (a permalink "¶") nor to this page."""
    outer = next((a for a in head.iterancestors("a")), None)
    if outer is not None:
        anchors = [outer]
    else:
        anchors = [a for a in itertools.islice(head.iter("a"), 10) if a.get("href")]
    text = _text_upto(head, CARD_TEXT_MAX)
    if not text:
        return False
    for a in anchors:
        href = (a.get("href") or "").strip()
        if not href or "#" in href:
            continue  # a part of a page: a heading's permalink, a table of contents
        if a is not outer and 2 * len(_text_upto(a, CARD_TEXT_MAX) or "") < len(text):
            continue  # a link beside the heading's words, not the heading
        target = resolve_href(url, href) if url else href
        if target and urldefrag(target)[0] not in own:
            return True
    return False


def _card_texts(tree: lxml.html.HtmlElement, url: str = "") -> frozenset[str]:
    """Texts (keys) of paragraphs that sit beside a linked h2/h3/h4 in the same small box: the
    summaries of teaser cards (a "Related" box of one card is still a card). A card is a box of
    at most six children holding the heading and exactly one other text (30-400 characters);
    the heading is a link to another page (``_card_link``). A section of an article (its
    subheading then several paragraphs) is no card."""
    out: set[str] = set()
    own = _own_urls(tree, url)
    for head in _CARD_LINKED_HEAD(tree):
        top = head
        box = head.getparent()
        while box is not None and box.tag == "a":
            top, box = box, box.getparent()
        if box is None or len(box) > 6 or box.tag in ("main", "body", "html"):
            continue
        texts = []
        for sib in box:
            if sib is top or not isinstance(sib.tag, str) or sib.tag in _INVISIBLE:
                continue
            text = _text_upto(sib, CARD_TEXT_MAX)
            if text is None or text:
                texts.append((sib, text))
        if len(texts) != 1 or (box.text or "").strip():
            continue
        sib, text = texts[0]
        if (sib.tag in ("p", "div", "span") and text and len(text) >= 30
                and _card_link(head, url, own)):
            out.add(_key(text))
    return frozenset(out)


def _person_names(value: Any) -> list[str]:
    """Names in a JSON-LD ``author`` value (a string, a Person, or a list of them)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:10]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.append(item)
    return names


def _is_title(key: str, hints: PageHints) -> bool:
    for title in hints.titles:
        if key == title:
            return True
        if len(key) >= 12 and key in title and len(key) >= 0.5 * len(title):
            return True  # the <title> holds the headline plus " | Site"
        if title in key and len(key) <= len(title) + 40:
            return True  # a kicker glued to the headline
    return False


def _prose(text: str) -> bool:
    return len(text) >= 200 or (len(text) >= 80 and text[-1:] in _SENTENCE_END)


_CONTACT_BIT = re.compile(
    r"\S+@\S+\.\w+|\+?\d[\d ()/.-]{6,}\d|\b\d{4,5} [A-ZÄÖÜ][a-zäöüß]+|www\.|https?://"
)


def _contact_lines(text: str) -> bool:
    """A block rich in phone numbers, e-mail addresses, postcodes or web addresses: one every
    80 characters, or any in a block that ends no sentence."""
    found = len(_CONTACT_BIT.findall(text))
    return found * 80 >= len(text) or (found > 0 and text.rstrip()[-1:] not in _SENTENCE_END)


def _prose_follows(blocks: list[Block], start: int) -> bool:
    """Article prose right after a contact heading: in the next two blocks, before the next
    heading, not counting contact lines (what follows further on, "About Example GmbH" and its
    boilerplate, does not cancel the cut)."""
    for b in blocks[start : start + 2]:
        if b.kind == "head":
            break
        if _prose(b.text) and not _contact_lines(b.text):
            return True
    return False


LAST_PARAGRAPH_CHARS = 200
"""Characters of a lone paragraph after a link-list box for it to be the article's last one."""


def _inline_box(rest: list[Block], hints: PageHints) -> bool:
    """True when article prose follows a link-list heading: the list was a box inside the text.

    List items are not article prose. When the blocks show teaser cards (two or more headlines,
    each a link to another page or shown twice, with a line under it), the line right under a
    headline is a card's summary ("dek"), not article prose.
    Only the blocks up to the next link-list heading are looked at (headings right under this
    one, a box's sub-heading, are passed over). A paragraph the page sets beside a linked
    headline in a small box (``PageHints.card_texts``) is a card's summary too.
    """
    lead = 0
    while lead < len(rest) and bp.soft_end(rest[lead].text):
        lead += 1
    for end in range(lead, len(rest)):
        if bp.soft_end(rest[end].text):
            rest = rest[lead:end]  # the next link list gets its own decision (end > lead)
            break
    chars = sum(len(b.text) for b in rest)
    headline = [
        b.hint != "item" and len(b.text) <= 200
        and (_key(b.text) in hints.links or bp.doubled_block(b.text))
        for b in rest
    ]
    cards = sum(1 for i, h in enumerate(headline[:-1]) if h and rest[i + 1].kind == "p")
    prose: list[Block] = []
    for i, block in enumerate(rest):
        if block.kind != "p" or block.hint == "item" or not _prose(block.text):
            continue
        if cards >= 2 and i and headline[i - 1]:
            continue  # a teaser card's summary
        if _key(block.text) in hints.card_texts:
            continue  # the page sets it beside a linked headline: a card's summary
        prose.append(block)
    if len(prose) == 1 and len(prose[0].text) >= LAST_PARAGRAPH_CHARS:
        # one long paragraph after the box, and then the article's end: an author's or agency's
        # sign-off, "(dmk)" (a lone paragraph ending the page is as often an author's bio)
        after = rest[rest.index(prose[0]) + 1 :]
        return (bool(after) and all(bp.source_block(b.text) for b in after)
                and len(prose[0].text) >= 0.5 * chars)
    return len(prose) >= 2 and sum(len(b.text) for b in prose) >= 0.5 * chars


def _link_bar(block: Block, hints: PageHints) -> bool:
    """A line of link texts joined by bars ("Profiles: Jane Doe | John Roe"), an optional label
    before a colon: every part is the text of a link on the page. A table row (its cells are
    joined by the same bars) is never one."""
    text = block.text
    if block.hint == "row" or " | " not in text or len(text) > 300:
        return False
    parts = text.split(" | ")
    head, colon, first = parts[0].partition(": ")
    if colon and len(head.split()) <= 4:
        parts[0] = first
    return all(
        (k := _key(part)) and (k in hints.short_links or k in hints.links) for part in parts
    )


def clean_blocks(blocks: list[Block], hints: PageHints, *, headings: bool = True) -> list[Block]:
    """Drop title repeats, captions, credits, bylines, UI strings, promos, teaser links,
    duplicates and the tail after the article's end."""
    out: list[Block] = []
    seen: set[str] = set()
    total = sum(len(b.text) for b in blocks) or 1
    done = 0
    started = False  # a real paragraph has been seen
    bar_open = False  # the last block was a share/follow bar line ending with a joiner
    in_box = False  # after the heading of a link box inside the text, before prose resumes
    for i, block in enumerate(blocks):
        text, key = block.text, _key(block.text)
        before = done
        done += len(text)
        if not key:
            continue
        after_bar, bar_open = bar_open, bp.open_network_bar(text)
        if after_bar and bp.network_name(text):
            continue  # "Facebook," / "Instagram und" / "WhatsApp": the bar's last button
        if started and before >= 0.3 * total and bp.hard_end(text):
            break
        if (started and before >= 0.5 * total and bp.contact_head(text)
                and not _prose_follows(blocks, i + 1)):
            break  # a press release's contact details: names, phone numbers, addresses
        if bp.soft_end(text):
            if started and not _inline_box(blocks[i + 1 :], hints):
                break
            in_box = started
            continue
        if in_box:
            if _prose(text):
                in_box = False
            elif len(key) >= 12 and hints.starts_a_link(key):
                continue  # the box's teaser: a link's text begins with it ("... heise Security")
        if key in seen and (len(key) > 3 or block.kind == "head"):
            continue
        seen.add(key)
        if _is_title(key, hints) or bp.junk_block(text):
            continue
        if key in hints.authors and len(text.split()) <= 6:
            continue  # the author's name on a line of its own
        if _link_bar(block, hints):
            continue  # "Series: Part one | Part two": a bar of links to other pages
        if key in hints.links and block.hint != "item":
            continue  # a headline linking to another page: a teaser (list items may be content)
        if len(key) >= 40 and any(key in card for card in hints.card_links):
            continue  # the summary of a teaser card that is one link to another page
        if not started and len(text.split()) <= 4 and key in hints.labels:
            continue  # a section label or kicker above the headline
        if block.hint and _JUNK_CLASS.search(block.hint) and len(text) < 300:
            continue
        if block.kind == "head" and not headings:
            continue
        if _prose(text) or (len(text.split()) >= 8 and text[-1:] in _SENTENCE_END):
            started = True
        out.append(block)
    while out and out[-1].kind == "head":
        out.pop()  # a heading with nothing after it heads a box that was cut or is empty
    return out


# --------------------------------------------------------------------------- the standfirst

# Elements whose class names a standfirst: the one to three sentences between headline and text,
# which layouts often set apart from the article's container (so trafilatura misses them).
_LEAD_TAGS = frozenset({"div", "p", "h2"})
_LEAD_WORDS = ("intro", "lead", "lede", "teaser", "standfirst", "summary", "abstract", "dek",
               "description", "subtitle", "subline", "chapo", "chapeau")
# a cheap test before a class's tokens are split (most classes fail it): a lead word not
# followed by a small letter ("leading-7" fails) unless by a suffix ("leadtext"), or begun
# with a capital in camelCase ("articleLead")
_LEAD_SUFFIX = "text|txt|paragraph|copy|content|inner|wrapper"
_LEAD_HINT = re.compile(
    rf"(?:(?<![a-z])(?:{'|'.join(_LEAD_WORDS)})|(?:{'|'.join(w.title() for w in _LEAD_WORDS)}))"
    rf"(?![a-z])|(?:{'|'.join(_LEAD_WORDS)})(?:{_LEAD_SUFFIX})"
)
# a class token's name (see _class_words), lower-cased and hyphenated: "story-intro", "lede",
# "teaser-text", "article-leadtext"; never "leading-7" (a word must be whole)
_LEAD_SEGMENT = re.compile(
    rf"(?:[a-z0-9]+-)*(?:{'|'.join(_LEAD_WORDS)})(?:-?(?:{_LEAD_SUFFIX}))?"
)
# words of an ancestor's class that mark a part of the page holding no standfirst
_LEAD_NOT_AROUND = frozenset({
    "card", "related", "nav", "menu", "footer", "sidebar", "comment", "author", "caption",
    "gallery", "cookie", "modal", "popup", "newsletter", "promo", "share", "search", "hidden",
    "paywall", "login", "hero", "player", "audio", "media", "signup", "subscribe", "branding",
    "masthead", "site", "byline", "bio", "contributor", "podcast", "disclosure", "note", "tts",
    "listen", "speech", "aloud",
})
# words of the element's own class that mark anything but the article's standfirst; layouts
# name wrappers "frame-type-list", "a-layout__item", "ct-header-small-img": not said of ancestors
_LEAD_NOT = _LEAD_NOT_AROUND | {
    "list", "item", "meta", "date", "image", "img", "photo", "video",
}
# a standfirst's own elements, ancestors that hold no standfirst, headings of a teaser card
_LEAD_INSIDE = etree.XPath("boolean(.//h1 or .//h2 or .//h3 or .//figure or .//form)")
# (no <header>: only what follows the headline is looked at, and articles set their standfirst
# in <header> elements that need not hold the <h1>)
_LEAD_OUTSIDE = frozenset({"figure", "figcaption", "a", "nav", "aside", "footer"})
# ancestors whose classes are the CMS's words for the story (WordPress: "tag-video")
_LEAD_CONTAINERS = frozenset({"article", "main", "body", "html"})
_CARD_HEAD = etree.XPath(
    "boolean(*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][.//a]"
    " or a[.//h2 or .//h3 or .//h4])"
)
_MEDIA_TAGS = frozenset({"img", "picture", "video", "audio", "iframe"})
_VIDEO_EMBED = re.compile(r"youtube|youtu\.be|vimeo|dailymotion|video|player|podcast|audio",
                          re.IGNORECASE)
_NOT_CONTENT_MEDIA = re.compile(r"share|social|icon|logo|sponsor|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|"
                                r"pixel|tracking|avatar|badge", re.IGNORECASE)


def _content_media(node: etree._Element) -> bool:
    """A picture, video, audio or video embed of the story (what a caption describes), not an
    icon, a logo, a tracking pixel, a linked image or an ad frame."""
    if node.tag in ("picture", "video", "audio"):
        return True
    if node.tag == "iframe":
        return bool(_VIDEO_EMBED.search(node.get("src") or node.get("data-src") or ""))
    for size in (node.get("width"), node.get("height")):
        if size and size.strip().rstrip("px").isdigit() and int(size.strip().rstrip("px")) <= 2:
            return False  # a tracking pixel
    for i, anc in enumerate(itertools.chain((node,), node.iterancestors())):
        if i > 3:
            break
        if anc.tag == "a" or _NOT_CONTENT_MEDIA.search(
            f"{anc.get('class') or ''} {anc.get('id') or ''} {anc.get('alt') or ''}"
        ):
            return False
    return True
# ARIA roles of boxes beside the article: like <aside>, <footer> and dialogs, no standfirst
_OUTSIDE_ROLES = frozenset({"complementary", "contentinfo", "dialog", "alertdialog"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_IN_STORY = etree.XPath("boolean(ancestor::article or ancestor::main)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_HASH = re.compile(r"(?=[a-z_-]*[0-9A-Z])[A-Za-z0-9_-]{3,10}")  # a CSS module's: "cngn3", "wd_PA"
LEAD_GAP = 400
"""Most characters of other text between a standfirst and the body's first paragraph."""
LEAD_SPAN = 1500
"""Most characters of text in a standfirst (150 words); longer elements are not read."""
LEAD_SCAN_CHARS = 8000
"""Characters of text after the headline searched for the body's first paragraph."""
LEAD_SCAN_ELEMENTS = 2000
"""Elements after the headline searched for the body's first paragraph."""

_INVISIBLE = frozenset({"script", "style", "template", "noscript"})
_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
    "blockquote", "section", "article", "header", "footer", "aside", "nav", "main", "figure",
    "figcaption", "table", "tr", "td", "th", "form", "pre", "address",
})


@functools.lru_cache(maxsize=4096)
def _class_words(token: str) -> tuple[str, tuple[str, ...]]:
    """A class token's name to match lead words against, lower-cased and hyphenated, and all
    its words. A BEM modifier ("--big") is left out; a CSS module's class
    ("ArticleModuleTeaser_sourceOrigin__cngn3") is named by its last segment before the hash
    ("source-origin"); otherwise the whole token is ("article__lede", "teaser_text")."""
    token = token.split("--", 1)[0] or token
    name, sep, tail = token.rpartition("__")
    if sep and name and _HASH.fullmatch(tail):
        token = name.rpartition("_")[2]
    words = tuple(w for w in _CAMEL.sub("-", token).lower().replace("_", "-").split("-") if w)
    return "-".join(words), words


def _not_lead(token: str, words: frozenset[str] = _LEAD_NOT) -> bool:
    return any(w in words or w[:-1] in words for w in _class_words(token)[1])


@functools.lru_cache(maxsize=4096)
def _lead_class(cls: str) -> bool:
    """True when a class names a standfirst and nothing that rules one out."""
    if not _LEAD_HINT.search(cls):
        return False
    tokens = cls.split()
    if any(_not_lead(t) for t in tokens):
        return False
    return any(
        _LEAD_SEGMENT.fullmatch(_class_words(part)[0])
        for t in tokens for part in t.split("--")[:2]  # "ce-news--teaser": a modifier's word
    )


# a class token that states a condition of the page, not what the box is: "has-sidebar",
# "menu-closed", "comments-open", "hidden-print", "js-share-enabled"
_STATE_TOKEN = re.compile(r"(?:has|is|js|hidden)-.*|.*-(?:open|opened|closed|enabled|disabled|active)")


@functools.lru_cache(maxsize=4096)
def _bad_ancestor_class(cls: str) -> bool:
    return any(
        not _STATE_TOKEN.fullmatch(t.lower()) and _not_lead(t, _LEAD_NOT_AROUND) for t in cls.split()
    )


_START, _END, _TEXT = 0, 1, 2


def _hidden(el: etree._Element) -> bool:
    """An element readers do not see: ``hidden``, ``aria-hidden="true"``, or an inline style of
    ``display: none`` or ``visibility: hidden``."""
    if el.get("hidden") is not None:
        return True
    aria = el.get("aria-hidden")  # absent on most elements: no string work then
    if aria and aria.strip().lower() == "true":
        return True
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _walk(el: etree._Element) -> Iterable[tuple[int, Any]]:
    """``el``'s subtree in reading order, without its tail: element starts and ends and texts
    (non-empty ones).
    Scripts, styles, templates, noscript and hidden elements (``_hidden``) are left out with
    everything in them."""
    # empty texts are not yielded: every caller skips them (a fifth of the events)
    walker = etree.iterwalk(el, events=("start", "end", "comment"))
    skipped: set[etree._Element] = set()
    for event, node in walker:
        if event == "start":
            if node.tag in _INVISIBLE or _hidden(node):
                skipped.add(node)
                walker.skip_subtree()
                continue
            yield _START, node
            text = node.text
            if text:
                yield _TEXT, text
        elif event == "end":
            if node not in skipped:
                yield _END, node
            if node is not el and (tail := node.tail):
                yield _TEXT, tail
        elif tail := node.tail:  # a comment
            yield _TEXT, tail


def _following(el: etree._Element) -> Iterable[tuple[int, Any]]:
    """What follows ``el`` in the page, in reading order (lazily: callers stop early); like
    ``_walk``, no empty texts."""
    node: etree._Element | None = el
    while node is not None:
        if tail := node.tail:
            yield _TEXT, tail
        for sib in node.itersiblings():
            yield from _walk(sib)
            if tail := sib.tail:
                yield _TEXT, tail
        node = node.getparent()
        if node is not None:
            yield _END, node


def _lead_element_text(el: etree._Element) -> str:
    """``el``'s visible text, one line per block (paragraph, list item); a line break (<br>)
    starts a new line only after the end of a sentence, elsewhere it is a space."""
    parts: list[str] = []
    for kind, value in _walk(el):
        if kind == _TEXT:
            parts.append(value)
        elif value.tag == "br":
            if kind == _START:
                parts.append("\x01")
        elif value.tag in _BLOCKS:
            parts.append("\x00")  # the source's own line breaks are white space
    lines: list[str] = []
    for chunk in "".join(parts).split("\x00"):
        line = ""
        for piece in chunk.split("\x01"):
            piece = " ".join(piece.split())
            if not piece:
                continue
            if line and line[-1] in _SENTENCE_END:
                lines.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
        if line:
            lines.append(line)
    return "\n".join(lines)


class _Flat:
    """Text with its runs of white space collapsed, built chunk by chunk."""

    def __init__(self) -> None:
        self.text = ""
        self._space = False

    def add(self, chunk: str) -> None:
        words = chunk.split()
        if not words:
            self._space = self._space or bool(chunk)
            return
        text = " ".join(words)
        # one concatenation: each copies the text so far
        self.text += f" {text}" if self.text and (self._space or chunk[0].isspace()) else text
        self._space = chunk[-1].isspace()

    def gap(self) -> None:
        """``add(" ")``: the next words are set apart from those before."""
        self._space = True


def _lead_ok(
    el: etree._Element, h1: etree._Element | None, body_el: etree._Element | None = None
) -> bool:
    """The candidate's place in the page: not in a figure, link, navigation, box or teaser card
    (a box beside it, not the headline's own, holding a heading that is a link), not right
    after an image, video or audio (a caption); on a page without an <h1>, not in a <header>
    either (the site's). Ancestors are read up to the first that also holds the headline or
    the body's first paragraph: a box around both is the page's layout, not a box."""
    h1_ancestors = set(h1.iterancestors()) if h1 is not None else set()
    stop = h1_ancestors | (set(body_el.iterancestors()) | {body_el} if body_el is not None else set())
    for anc in el.iterancestors():
        if anc in stop:
            break
        if anc.tag in _LEAD_OUTSIDE or _hidden(anc):
            return False
        cls = anc.get("class")
        if cls and anc.tag not in _LEAD_CONTAINERS and _bad_ancestor_class(cls):
            return False
    if el.get("role") in _OUTSIDE_ROLES:
        return False
    for anc in el.iterancestors():  # these rule a standfirst out wherever they stand
        if anc.tag in _LEAD_OUTSIDE or anc.get("role") in _OUTSIDE_ROLES:
            return False
        if h1 is None and anc.tag == "header" and not _IN_STORY(anc):
            return False  # the site's header (an article's own <header> may hold its standfirst)
    if _LEAD_INSIDE(el):
        return False
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and any(
        _content_media(m) for m in itertools.islice(prev.iter(*_MEDIA_TAGS), 50)
    ):
        return False  # a caption under a picture, a player's description
    parent = el.getparent()
    for box in (parent, parent.getparent() if parent is not None else None):
        if box is not None and box not in h1_ancestors and _CARD_HEAD(box):
            return False
    return True


def _headline(tree: lxml.html.HtmlElement, hints: PageHints) -> etree._Element | None:
    """The page's <h1> that names the article (not a dialog's, a menu's or the logo's)."""
    # page_hints met them on its walk; hints built by hand (or from another tree) did not
    # (no <h1> in the hints cannot show which tree they came from: look again)
    met = hints.h1s or ()
    mine = bool(met) and met[0].getroottree().getroot() is tree.getroottree().getroot()
    found = met if mine else itertools.islice(tree.iter("h1"), _HEADLINES)
    h1s = list(found)
    if not h1s:
        return None
    # page_hints counts the first <h1> among the titles: leave it out of the comparison
    own = _key(" ".join(h1s[0].itertext()))
    others = PageHints(hints.named or tuple(t for t in hints.titles if t != own), "")
    if not others.titles:
        return h1s[0]  # nothing to check it against (no <title>, no meta, no JSON-LD)
    # no <h1> naming the article (a lone one is the site's logo): as if there were none
    return next((h for h in h1s if _is_title(_key(" ".join(h.itertext())), others)), None)


def _link_share(el: etree._Element, chars: int) -> float:
    """Share of ``el``'s text (without its tail) in links."""
    linked = sum(len(" ".join("".join(a.itertext()).split())) for a in el.iter("a"))
    return linked / chars if chars else 0.0


def with_lead(tree: lxml.html.HtmlElement, blocks: list[Block], hints: PageHints) -> list[Block]:
    """The body with the page's standfirst in front when the extraction left it out.

    A standfirst is an element after the page's headline (its <h1>; without one, anywhere
    before the body outside a <header>) whose class names one (intro, lead, teaser, summary,
    ...), that holds sentences rather than links, that stands in no figure, navigation, box
    (an ARIA complementary, contentinfo or dialog role too), hidden element or teaser card nor
    right after a picture, video or embed (no text between them, at any level), and that ends
    at most LEAD_GAP characters of other text before the body's first paragraph. Adjacent
    siblings of the same class are one standfirst of several paragraphs; a class found in
    separate places marks a list of teasers. An element holding another candidate, or more
    than LEAD_SPAN characters, is none. Of several, one ending a sentence wins, then the
    closest to the headline (without one, to the body). Only LEAD_SCAN_CHARS characters and
    LEAD_SCAN_ELEMENTS elements after the headline are read: past them, no standfirst.
    """
    firsts = [b for b in blocks if b.kind == "p" and len(b.text) >= 30]
    if not firsts:
        return blocks
    h1 = _headline(tree, hints)
    if h1 is not None:
        events = _following(h1)
    else:  # no headline element: the page from its top
        top = tree.find("body")
        events = _walk(top if top is not None else tree)
    first = " ".join(firsts[0].text.split())[:40].rstrip()
    flat = _Flat()
    open_: list[tuple[etree._Element, int]] = []
    # candidates: element, where it starts and ends in ``flat``, and whether it holds another
    closed: list[tuple[etree._Element, int, int, bool]] = []
    found = -1
    elements = 0
    last: etree._Element | None = None  # the element whose text was read last
    media_at = -1  # where in ``flat`` the last picture, video, audio or embed began
    captions: set[etree._Element] = set()  # candidates with no text since a media element
    for kind, value in events:
        if kind == _TEXT:
            before = len(flat.text)
            flat.add(value)
            if len(flat.text) == before:
                continue  # white space (the indentation between tags): nothing new to search
            found = flat.text.find(first, max(0, before - len(first)))
            if found >= 0 or len(flat.text) > LEAD_SCAN_CHARS:
                break
            continue
        tag = value.tag
        if tag in _BLOCKS:
            flat.gap()  # a block's edge: no words glued across it
        if kind == _START:
            last = value
            elements += 1
            if elements > LEAD_SCAN_ELEMENTS:
                break
            if tag in _MEDIA_TAGS and _content_media(value):
                media_at = len(flat.text)
            cls = value.get("class") if tag in _LEAD_TAGS else None
            if cls and _lead_class(cls):
                open_.append((value, len(flat.text)))
                if media_at == len(flat.text):
                    captions.add(value)  # a caption or a player's description
        elif open_ and open_[-1][0] is value:
            start = open_.pop()[1]
            # candidates nest: the last one closed, if it began after this one, is inside it
            holds = (bool(closed) and closed[-1][1] >= start
                     and any(a is value for a in closed[-1][0].iterancestors()))
            closed.append((value, start, len(flat.text), holds))
    if found < 0:
        return blocks
    groups = _lead_groups(closed)
    # a class found in separate places marks a list of teasers, not the standfirst
    shared = Counter(group[0][0].get("class") for group in groups)
    body_el = last
    candidates = []
    for group in groups:
        el, start, end = group[0][0], group[0][1], group[-1][2]
        if found - end > LEAD_GAP or end - start > LEAD_SPAN or any(g[3] for g in group):
            continue  # far from the body, too long, or a box around another candidate
        if shared[el.get("class")] > 1 or el in captions:
            continue
        candidates.append((group, start, found - end))
    if not candidates:
        return blocks
    body_text = " ".join(b.text for b in blocks)
    body_key = _key(body_text)
    body_sh = _shingles(body_text)
    best: tuple[bool, int, str] | None = None
    for group, start, gap in candidates:
        text = "\n".join(_lead_element_text(g[0]) for g in group)
        line = " ".join(text.split())
        words = count_words(line)
        if not 8 <= words <= 150 or first in line:
            continue
        sentence = line[-1:] in _SENTENCE_END
        if not sentence and words < 12:
            continue  # a headline or a label, not sentences
        key = _key(line)
        if key in body_key or _is_title(key, hints) or key in hints.links:
            continue
        if _overlap(_shingles(line), body_sh) >= 0.8:
            continue  # the body repeats it, edited a little
        linked = sum(_link_share(g[0], 1) for g in group)
        if linked > 0.3 * len(line) or not _lead_ok(group[0][0], h1, body_el):
            continue
        rank = (not sentence, start if h1 is not None else gap, text)
        if best is None or rank[:2] < best[:2]:
            best = rank
    if best is None:
        return blocks
    lead = clean_blocks([Block("p", line) for line in best[2].split("\n") if line], hints)
    return lead + blocks if lead else blocks


def _lead_groups(
    closed: list[tuple[etree._Element, int, int, bool]],
) -> list[list[tuple[etree._Element, int, int, bool]]]:
    """Candidates in page order, adjacent siblings of the same class (nothing but white space
    between them) grouped: one standfirst set in several paragraphs."""
    groups: list[list[tuple[etree._Element, int, int, bool]]] = []
    for cand in sorted(closed, key=lambda c: c[1]):
        el = cand[0]
        prev = el.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if (groups and prev is not None and groups[-1][-1][0] is prev
                and prev.get("class") == el.get("class") and not (prev.tail or "").strip()):
            groups[-1].append(cand)
        else:
            groups.append([cand])
    return groups


# --------------------------------------------------------------------------- JSON-LD articleBody


_NO_JS_PLAYER = re.compile(
    r"To view this video please enable JavaScript,?\s+and\s+consider\s+upgrading\s+to\s+a\s+web"
    r"\s+browser\s+that\s+supports\s+HTML5\s+video\.?",
    re.IGNORECASE,
)
"""video.js's no-script notice, which CMSs copy into ``articleBody`` with the template's line
breaks in it (so no single line of it looks like the notice)."""


def jsonld_text(article_objects: list[dict[str, Any]]) -> str:
    """The longest ``articleBody`` of the page's article objects, HTML stripped."""
    best = ""
    for obj in article_objects:
        value = obj.get("articleBody")
        if isinstance(value, list):
            value = "\n".join(v for v in value if isinstance(v, str))
        if isinstance(value, str) and len(value) > len(best):
            best = value
    if not best:
        return ""
    if "<" in best:
        best = _TAG.sub(" ", _BLOCK_TAG.sub("\n", best))
    best = htmllib.unescape(best)
    if "HTML5" in best:
        best = _NO_JS_PLAYER.sub("\n", best)
    return best


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """The page's text outside scripts and styles (iterative, bounded by the tree's size)."""
    parts: list[str] = []
    body = tree.find("body")
    root = body if body is not None else tree
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if el.text and tag not in ("script", "style", "noscript", "template") and tag:
            parts.append(el.text)
        if el.tail and el is not root:
            parts.append(el.tail)
    return " ".join(parts)


def segment(text: str, tree: lxml.html.HtmlElement) -> list[str]:
    """Split a run-on ``articleBody`` into the page's paragraphs where they can be found."""
    text = _WS.sub(" ", text)
    lines = [line.strip() for line in re.split(r"\s*\n\s*", text) if line.strip()]
    if len(lines) > 1:
        return lines
    cuts: set[int] = set()
    for p in tree.iter("p", "h2", "h3", "li", "blockquote"):
        ptext = _collapse("".join(p.itertext())).strip()
        if len(ptext) < 30:
            continue
        at = text.find(ptext)
        if at >= 0:
            cuts.add(at)
            cuts.add(at + len(ptext))
    bounds = sorted(c for c in cuts if 0 < c < len(text))
    pieces, start = [], 0
    for cut in bounds:
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


# --------------------------------------------------------------------------- the decision


def _join(blocks: Iterable[Block]) -> str:
    return normalise_text("\n".join(b.text for b in blocks))


def _finish(text: str, source: str) -> BodyResult:
    # soft hyphens are the page's hyphenation hints, invisible unless a line breaks there;
    # kept, they cut words in two for search ("die\xadsem" is not "diesem" to FTS5)
    text = unicodedata.normalize("NFC", text.replace("\xad", "") if "\xad" in text else text)
    return BodyResult(text, source) if text else BodyResult("", None)


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
            and link_text_share(tree) < LIST_PAGE_LINK_SHARE):
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
    if ld and count_words(ld) >= MIN_WORDS:
        decided = _with_jsonld(tree, blocks, ld, hints)
        if decided is not None:
            return decided

    if words < 4 * MIN_WORDS and dense is not None and dense_words > max(2 * words, MIN_WORDS):
        blocks, source = dense, "density"  # trafilatura missed the article
    if _words(blocks) < MIN_WORDS:
        # no article in the DOM: a client-rendered page may hold it in its scripts' data
        from .embedded import embedded_blocks  # (it builds on this module's cleaning)

        embedded = embedded_blocks(tree, hints)
        if embedded:
            return _finish(_join(embedded), "embedded")
    return _finish(_join(with_lead(tree, blocks, hints)), source)


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

"""Blocks of a body and the page's hints that tell the article's blocks from the rest.

The text primitives (keys, word counts, shingles), ``PageHints`` (titles, authors, link texts,
teaser cards), ``clean_blocks`` (title repeats, captions, bylines, promos, teasers, the tail
after the article's end) and the JSON-LD ``articleBody`` text: shared by body.py (the methods
and the decision), lead.py (the standfirst) and embedded.py (script data).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import html as htmllib
import itertools
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlsplit

import lxml.html
from lxml import etree

from ..urls import canonicalize_url, host_of, strip_variants, strip_www
from . import boilerplate as bp
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
_INVISIBLE = frozenset({"script", "style", "template", "noscript"})

# Class hints of trafilatura's kept elements that mark a non-body block.
_JUNK_CLASS = re.compile(
    r"caption|credit|copyright|byline|author|dateline|timestamp|date|meta|kicker|breadcrumb|"
    r"share|social|related|newsletter|promo|ad-|advert|cookie|consent|disclaimer",
    re.IGNORECASE,
)


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
    # the texts of ``links`` whose address is on the page's own site (a relative one, or its
    # host): a teaser box links inside the site, a list of sources mostly out of it
    site_links: frozenset[str] = frozenset()

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


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"})


def _brand(host: str) -> str:
    """The name a host's site goes by: ``news.bbc.co.uk`` and ``www.bbc.com`` -> ``bbc``."""
    labels = host.split(".")[:-1]  # without the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else host


def _on_site(href: str, own_brand: str, known: dict[str, bool]) -> bool:
    """A relative address, or one on the page's site, under any of its domains (bbc.com and
    bbc.co.uk); an unreadable address is neither. ``known``: the answers for the authorities
    ("https://www.bbc.com") seen before on the page, most links sharing a few."""
    if "://" not in href and not href.startswith("//"):
        return True
    authority = _AUTHORITY.match(href)
    key = authority.group() if authority is not None else href
    if key not in known:
        try:
            known[key] = bool(own_brand) and _brand(host_of(href)) == own_brand
        except ValueError:  # "http://[oops/x"
            known[key] = False
    return known[key]


_AUTHORITY = re.compile(r"[^/?#]*//[^/?#]*")  # an address up to its path: the host decides


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
    site_texts: set[str] = set()
    own_brand = _brand(host_of(url)) if url else ""
    hosts: dict[str, bool] = {}  # whether an address's authority is the site's
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
                if _on_site(href, own_brand, hosts):
                    site_texts.add(text)
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
        own = [p for p in map(_page_parts, _own_urls(tree, url)) if p is not None]
        targets = ((t, resolve_href(url, href) if url else href) for t, href in long_links)
        cards = (_key(t) for t, target in targets if target and not _same_story(target, own))
        card_links = tuple(itertools.islice(
            (c for c in cards if not any(k in c for k in keys)), CARD_LINKS_MAX))
    # short link texts and section names are the kicker candidates
    labels = _Keys([*short_texts, *sections])
    return PageHints(keys, _key(description), labels, authors, links, _Keys(short_texts), named,
                     card_links, functools.partial(_card_texts, tree, url), tuple(h1s),
                     frozenset(_key(t) for t in site_texts))


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


_NOT_THE_STORY = re.compile(r"page|pg|src|source|at_\w+|view|output|outputtype|print",
                            re.IGNORECASE)
"""Query parameters that choose a page or a view of a story, or say where a reader came from,
beyond the tracking, session, AMP and print ones ``scraper.urls`` drops."""


_PagePart = tuple[str, str, frozenset[tuple[str, str]]]


def _page_parts(address: str) -> _PagePart | None:
    """An address as a story: canonical (``scraper.urls``: no tracking or session parameters,
    no AMP or print variant, no "www."), host, path without an "amp" segment, an index file or
    a trailing slash, and the query's other parameters (names lower-cased, paging left out);
    None for an unreadable address."""
    try:
        try:
            parts = urlsplit(strip_www(strip_variants(canonicalize_url(address))))
        except ValueError:  # a bad port: the address as it is
            parts = urlsplit(strip_www(address))
        parts.hostname  # noqa: B018 (an unreadable host raises here: "http://[oops/x")
    except ValueError:
        return None
    path = "/".join(s for s in parts.path.split(";")[0].split("/") if s and s.lower() != "amp")
    path = re.sub(r"(?:^|/)index\.(?:html?|php|aspx?)$", "", path)
    params = frozenset((name.lower(), value)
                       for name, value in parse_qsl(parts.query, keep_blank_values=True)
                       if not _NOT_THE_STORY.fullmatch(name))
    return parts.hostname or "", path, params


def _same_story(address: str, own: list[_PagePart]) -> bool:
    """``address`` is one of the page's own (``_page_parts``), whatever other parameters it adds:
    a tracking link ("?mod=most_read", "?xtor=RSS-3"), "?page=2" and the AMP copy are the same
    story; "?p=959" and "?p=960" are not."""
    parts = _page_parts(address)
    return parts is not None and any(
        parts[0] == host and parts[1] == path and params <= parts[2] for host, path, params in own)


def _own_urls(tree: lxml.html.HtmlElement, url: str) -> set[str]:
    """The page's own addresses (its URL, canonical and og:url), without fragments."""
    own = {urldefrag(u)[0] for u in (url, *own_addresses(tree, url)) if u}
    own.discard("")
    return own


def links_elsewhere(
    head: etree._Element, url: str = "", own: AbstractSet[str] = frozenset()
) -> bool:
    """The heading is a link to another page: its link (around it, or inside it holding most of
    its text; a picture's link for a heading without text) points neither to a part of this
    page (a permalink "#why") nor to the page itself."""
    outer = next((a for a in head.iterancestors("a") if a.get("href")), None)
    if outer is not None:
        anchors = [outer]
    else:
        anchors = [a for a in itertools.islice(head.iter("a"), 30) if a.get("href")]
    text = _text_upto(head, CARD_TEXT_MAX)
    if text is None:
        return False  # too long for a headline
    for a in anchors:
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue  # a part of this page: a heading's permalink, a table of contents
        if a is not outer and text and 2 * len(_text_upto(a, CARD_TEXT_MAX) or "") < len(text):
            continue  # a link beside the heading's words, not the heading
        target = resolve_href(url, href) if url else href
        if target and urldefrag(target)[0] not in own:
            return True
    return False


def _card_texts(tree: lxml.html.HtmlElement, url: str = "") -> frozenset[str]:
    """Texts (keys) of paragraphs that sit beside a linked h2/h3/h4 in the same small box: the
    summaries of teaser cards (a "Related" box of one card is still a card). A card is a box of
    at most six children holding the heading and exactly one other text (30-400 characters);
    the heading is a link to another page (``links_elsewhere``). A section of an article (its
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
                and links_elsewhere(head, url, own)):
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


KICKER_WORDS = 6  # "ADHS bei Erwachsenen:" before a linked headline
_NOT_KICKER = re.compile(r"[\d,]")


def _kicker_link(block: Block, hints: PageHints) -> bool:
    """A list item "Kicker: Linked headline" whose part after a colon is the whole text of a
    link (4+ words) to another page of the site: an entry of a box of teasers. A kicker is a
    few words without digits or commas: "Rose, J. D. (2010): Title" is a reference, "11
    décembre 2019 : Title" a dated press list, both content; a list of sources links out."""
    if block.hint != "item" or len(block.text) > 300 or not hints.site_links:
        return False
    text, at = block.text, 0
    for _ in range(3):
        at = text.find(": ", at) + 2
        if at < 2 or len(text[:at].split()) > KICKER_WORDS or _NOT_KICKER.search(text, 0, at):
            return False
        if _key(text[at:]) in hints.site_links:
            return True
    return False


_CADENCE = re.compile(
    r"\b(?:every|each|daily|weekly|monthly|free|inbox|jeden|jede|täglich|wöchentlich|monatlich"
    r"|kostenlos|gratis|postfach|chaque|gratuit|cada|ogni|settimanal)", re.IGNORECASE)


def _pitch_blurb(blocks: list[Block], start: int) -> bool:
    """A newsletter box's blurb at ``start``: a short paragraph that ends no sentence and tells
    when or for what it arrives ("Jeden Montag die Topstorys der Woche")."""
    if start >= len(blocks):
        return False
    block = blocks[start]
    return (block.kind == "p" and block.hint != "item" and len(block.text.split()) <= 25
            and block.text[-1:] not in _SENTENCE_END and bool(_CADENCE.search(block.text)))


def _kicker_lists(blocks: list[Block], hints: PageHints) -> set[int]:
    """The indexes of "Kicker: Linked headline" items with a neighbour of the same shape."""
    if not hints.site_links:
        return set()
    kicks = [_kicker_link(b, hints) for b in blocks]
    return {i for i, k in enumerate(kicks)
            if k and ((i > 0 and kicks[i - 1]) or (i + 1 < len(kicks) and kicks[i + 1]))}


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
    kicker_items = _kicker_lists(blocks, hints)
    after_pitch = False  # the block before was a newsletter box's title
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
        if after_pitch:
            after_pitch = False
            continue  # the blurb under a newsletter box's title
        if block.kind == "head" and bp.newsletter_title(text) and _pitch_blurb(blocks, i + 1):
            after_pitch = True
            continue
        if _is_title(key, hints) or bp.junk_block(text):
            continue
        if bp.label_line(text) and block.hint != "item" and not (
                block.kind == "head" and _prose_follows(blocks, i + 1)):
            continue  # "Kategorien" over a widget's list, "Reklama" over an ad slot
        if key in hints.authors and len(text.split()) <= 6:
            continue  # the author's name on a line of its own
        if _link_bar(block, hints):
            continue  # "Series: Part one | Part two": a bar of links to other pages
        if key in hints.links and block.hint != "item":
            continue  # a headline linking to another page: a teaser (list items may be content)
        if i in kicker_items:
            continue  # "Demenz: Ab wann Gedächtnislücken besorgniserregend sind", linked, listed
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

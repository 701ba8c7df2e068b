"""Article body: trafilatura on the shared tree, cleaned block by block, checked against rivals.

The rivals are the publisher's JSON-LD ``articleBody`` (used when it is complete and visible
on the page), site-profile CSS selectors, and a text-density method of our own that runs only
when trafilatura's result looks wrong (empty or much shorter than the page's paragraphs).
trafilatura runs in its fast mode; its slower comparison with readability/justext is asked
for only when the fast result is short or the density method finds much more text. A standfirst
that the layout sets apart from the article's container (a class naming an intro, lead, teaser or
summary, right before the first paragraph) is put back in front of the body.
"""

from __future__ import annotations

import copy
import functools
import html as htmllib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from . import boilerplate as bp
from .density import density_blocks, link_text_share, selector_blocks

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
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
_LEAD_CLASS = re.compile(r"intro|teaser|standfirst|summary|sub-?title|sub-?head|dek\b|"
                         r"description|abstract|lede|lead", re.IGNORECASE)

# Always pruned from trafilatura's copy of the tree before it looks for the body: captions,
# asides/footers/dialogs by ARIA role, and hidden parts without paragraphs. One expression, so
# libxml2 walks the tree once (each walk costs ~0.3 ms on a real news page); the attribute
# tests are guarded by their attribute's presence, which libxml2 checks much faster.
PRUNE_XPATH = [
    "//*[self::figcaption"
    " or @role and (@role='complementary' or @role='contentinfo' or @role='dialog'"
    " or @role='alertdialog')"
    " or @aria-hidden and @aria-hidden='true' and not(.//p)]",
]

MIN_WORDS = 25
"""Below this many words a trafilatura result is treated as a miss and the rivals are asked."""

LIST_PAGE_LINK_SHARE = 0.5
"""A page with at least this share of its visible text in links is a home, section or tag page."""

SLOW_WORDS = 250
"""Below this many words trafilatura's fast result is checked against the density method (and,
when short or outdone by it, against trafilatura's own slower fallback comparison)."""


@dataclass(frozen=True)
class BodyResult:
    """The body text (paragraphs separated by blank lines) and which method produced it."""

    text: str
    # "trafilatura" | "trafilatura+jsonld" (checked against articleBody) | "jsonld" |
    # "selectors" | "density" | None when nothing was found
    source: str | None


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of extracted text."""

    kind: str  # "p" (paragraph, list item, quote, table row) or "head" (a subheading)
    text: str
    hint: str = ""  # class/itemprop of the source element when trafilatura kept it


def normalise_text(text: str) -> str:
    """Collapse runs of spaces, strip lines, keep paragraph breaks as one blank line."""
    lines = [_WS.sub(" ", line).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def count_words(text: str) -> int:
    """Words of a text: runs between spaces, plus one per two Chinese or Japanese characters."""
    words = len(text.split())
    if not text.isascii():
        words += len(_CJK.findall(text)) // 2
    return words


def _key(text: str) -> str:
    """The text folded for comparison: case and everything but letters and digits dropped."""
    return _short_key(text) if len(text) <= 120 else _NORM.sub("", text.casefold())


@functools.lru_cache(maxsize=8192)  # a site's menu and link texts recur on every page
def _short_key(text: str) -> str:
    return _NORM.sub("", text.casefold())


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


def _blocks_from_xml(body: etree._Element) -> list[Block]:
    """trafilatura's output tree (p, head, list/item, quote, table/row, code) -> blocks."""
    out: list[Block] = []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        hint = f"{child.get('class') or ''} {child.get('itemprop') or ''}".strip()
        if tag == "list":
            items = [c for c in child.iter("item")] or [child]
            texts = [_element_text(item) for item in items]
            hint = "item"
        elif tag == "table":
            texts = [
                " | ".join(_WS.sub(" ", "".join(cell.itertext())).strip() for cell in row)
                for row in child.iter("row")
            ]
        elif tag == "graphic":
            continue
        else:
            texts = [_element_text(child)]
        kind = "head" if tag == "head" else "p"
        for text in texts:
            for line in text.split("\n"):
                line = _WS.sub(" ", line).strip()
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
    """Strings of the page that must not be repeated in the body (title, standfirst)."""

    titles: tuple[str, ...]
    description: str
    labels: frozenset[str] = frozenset()  # short link texts and section names: kicker candidates
    authors: frozenset[str] = frozenset()  # the article's author names: a byline line alone
    links: frozenset[str] = frozenset()  # texts (4+ words) of links to other pages: teaser headlines


def page_hints(tree: lxml.html.HtmlElement, article_objects: list[dict[str, Any]]) -> PageHints:
    titles: list[str] = []
    names: list[str] = []
    description = ""
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        content = meta.get("content") or ""
        if key in ("og:title", "twitter:title"):
            titles.append(content)
        elif key in ("og:description", "description", "twitter:description") and not description:
            description = content
        elif key in ("author", "article:author") and content and "/" not in content:
            names.append(content)
    for obj in article_objects[:1]:
        for field in ("headline", "name", "alternativeHeadline"):
            if isinstance(obj.get(field), str):
                titles.append(obj[field])
        if not description and isinstance(obj.get("description"), str):
            description = obj["description"]
        names.extend(_person_names(obj.get("author")))
    h1 = tree.find(".//h1")
    if h1 is not None:
        titles.append(" ".join(h1.itertext()))
    title = tree.findtext(".//title")
    if title:
        titles.append(title)
    keys = tuple(k for k in dict.fromkeys(_key(t) for t in titles) if len(k) >= 8)
    labels: set[str] = set()
    links: set[str] = set()
    for i, anchor in enumerate(tree.iterfind(".//a")):
        if i >= 2000:
            break
        # most links hold bare text: no need to walk their descendants
        text = ((anchor.text or "") if len(anchor) == 0 else " ".join(anchor.itertext())).strip()
        if not text:
            continue
        words = len(text.split())
        if words <= 4:
            labels.add(_key(text))
        if words < 4 or "://" in text or "www." in text:
            continue
        # a link to another page, not to a part of one: a table of contents names the subheadings
        href = (anchor.get("href") or "").strip()
        if href and "#" not in href:
            links.add(_key(text))
    for meta in tree.iterfind(".//meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "article:section":
            labels.add(_key(meta.get("content") or ""))
    for obj in article_objects[:1]:
        section = obj.get("articleSection")
        for name in section if isinstance(section, list) else [section]:
            if isinstance(name, str):
                labels.add(_key(name))
    labels.discard("")
    authors = frozenset(k for k in (_key(n) for n in names) if len(k) >= 4)
    return PageHints(keys, _key(description), frozenset(labels), authors, frozenset(links))


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


def _inline_box(rest: list[Block], hints: PageHints) -> bool:
    """True when article prose follows a link-list heading: the list was a box inside the text.

    List items are not article prose, and neither is the line right under a teaser's headline
    (a link to another page, or a card showing its headline twice): a teaser card's summary
    ("dek") reads like prose.
    Only the blocks up to the next link-list heading are looked at.
    """
    for end, block in enumerate(rest):
        if bp.soft_end(block.text):
            rest = rest[:end]  # the next link list gets its own decision
            break
    chars = sum(len(b.text) for b in rest)
    prose: list[Block] = []
    after_headline = False
    for block in rest:
        if block.kind == "p" and block.hint != "item" and not after_headline and _prose(block.text):
            prose.append(block)
        after_headline = block.hint != "item" and len(block.text) <= 200 and (
            _key(block.text) in hints.links or bp.doubled_block(block.text)
        )
    return len(prose) >= 2 and sum(len(b.text) for b in prose) >= 0.5 * chars


def _link_bar(text: str, hints: PageHints) -> bool:
    """A line of link texts joined by bars ("Profiles: Jane Doe | John Roe"), an optional label
    before a colon: every part is the text of a link on the page."""
    if " | " not in text or len(text) > 300:
        return False
    parts = text.split(" | ")
    head, colon, first = parts[0].partition(": ")
    if colon and len(head.split()) <= 4:
        parts[0] = first
    return all((k := _key(part)) and (k in hints.labels or k in hints.links) for part in parts)


def clean_blocks(blocks: list[Block], hints: PageHints, *, headings: bool = True) -> list[Block]:
    """Drop title repeats, captions, credits, bylines, UI strings, promos, teaser links,
    duplicates and the tail after the article's end."""
    out: list[Block] = []
    seen: set[str] = set()
    total = sum(len(b.text) for b in blocks) or 1
    done = 0
    started = False  # a real paragraph has been seen
    bar_open = False  # the last block was a share/follow bar line ending with a joiner
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
        if started and before >= 0.5 * total and bp.contact_head(text):
            break  # a press release's contact details: names, phone numbers, addresses
        if bp.soft_end(text):
            if started and not _inline_box(blocks[i + 1 :], hints):
                break
            continue
        if key in seen and (len(key) > 3 or block.kind == "head"):
            continue
        seen.add(key)
        if _is_title(key, hints) or bp.junk_block(text):
            continue
        if key in hints.authors and len(text.split()) <= 6:
            continue  # the author's name on a line of its own
        if _link_bar(text, hints):
            continue  # "Series: Part one | Part two": a bar of links to other pages
        if key in hints.links and block.hint != "item":
            continue  # a headline linking to another page: a teaser (list items may be content)
        if not started and key in hints.labels and len(text.split()) <= 4:
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
_LEAD_TAGS = ("div", "p", "h2")
# tested on the lower-cased class: six times faster than an IGNORECASE pattern
_LEAD_HINT = re.compile(r"intro|lead|teaser|standfirst|summary|abstract|dek|description|subtitle|"
                        r"subline")
_LEAD_INSIDE = etree.XPath("boolean(.//h1 or .//h2 or .//h3 or .//figure or .//form)")
_LEAD_WORD = re.compile(
    r"(?:^|[\s_-])(?:[\w-]*?(?:intro|lead|lede|teaser|standfirst|summary|abstract|dek|description|"
    r"subtitle|subline)(?:[-_]?(?:text|txt|paragraph|copy|content|inner|wrapper))?)(?:$|[\s_-])",
    re.IGNORECASE,
)
_LEAD_NOT = re.compile(r"list|item|card|related|nav|menu|footer|sidebar|comment|"
                       r"author|caption|meta|date|image|img|photo|video|gallery|cookie|modal|"
                       r"popup|newsletter|promo|share|search", re.IGNORECASE)
LEAD_GAP = 400
"""Most characters of other text between a standfirst and the body's first paragraph."""


_INVISIBLE = frozenset({"script", "style", "template", "noscript"})


def _visible_texts(el: etree._Element) -> Iterable[str]:
    """The texts under ``el`` in reading order, scripts and styles left out."""
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if isinstance(node.tag, str) and node.tag not in _INVISIBLE:
                yield node.text or ""
        elif node is not el:
            yield node.tail or ""


def _lead_element_text(el: etree._Element) -> str:
    return " ".join("".join(_visible_texts(el)).split())


def _followed_by(el: etree._Element, first: str) -> bool:
    """True when ``first`` (the body's first words) follows the end of ``el`` in the page with
    at most LEAD_GAP characters of other text in between."""
    seen = ""
    node: etree._Element | None = el
    while node is not None:
        chunks: list[str] = [node.tail or ""]
        parent = node.getparent()
        for sib in node.itersiblings():
            chunks.extend(_visible_texts(sib))
            chunks.append(sib.tail or "")
        for chunk in chunks:
            if not chunk.strip():
                continue
            seen = f"{seen} {_WS.sub(' ', chunk).strip()}"
            if first in seen:
                return True
            if len(seen) > LEAD_GAP + 2 * len(first):
                return False
        node = parent
    return False


def with_lead(tree: lxml.html.HtmlElement, blocks: list[Block], hints: PageHints) -> list[Block]:
    """The body with the page's standfirst in front when the extraction left it out.

    A standfirst is an element whose class names one (intro, lead, teaser, summary, ...), that
    holds sentences rather than links, and that the body's first paragraph follows closely in
    the page (nothing but a headline, a date line or a share bar in between).
    """
    firsts = [b for b in blocks if b.kind == "p" and len(b.text) >= 30]
    if not firsts:
        return blocks
    first = _WS.sub(" ", firsts[0].text[:40]).strip()
    body_key = ""
    opening = first[:20]
    for el in tree.iter(*_LEAD_TAGS):  # ~0.15 ms; an XPath testing the classes takes ~1 ms
        if el.tag == "p" and el.text and el.text.lstrip().startswith(opening):
            break  # the body's first paragraph: a standfirst comes before it
        hint = el.get("class")
        if not hint or not _LEAD_HINT.search(hint.lower()):
            continue
        if not _LEAD_WORD.search(hint) or _LEAD_NOT.search(hint):
            continue
        text = _lead_element_text(el)
        words = count_words(text)
        if not 8 <= words <= 150 or first in text or _LEAD_INSIDE(el):
            continue
        key = _key(text)
        body_key = body_key or _key(" ".join(b.text for b in blocks))
        if key in body_key or _is_title(key, hints) or key in hints.links:
            continue
        if text[-1:] not in _SENTENCE_END and words < 12:
            continue  # a headline or a label, not sentences
        if link_text_share(el) > 0.3 or not _followed_by(el, first):
            continue
        lead = clean_blocks([Block("p", text)], hints)
        return lead + blocks if lead else blocks
    return blocks


# --------------------------------------------------------------------------- JSON-LD articleBody


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
    return htmllib.unescape(best)


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
        ptext = _WS.sub(" ", "".join(p.itertext())).strip()
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
    text = unicodedata.normalize("NFC", text)
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
        return _extract_body(tree, url, article_objects, selectors)
    except Exception:  # extraction must not break a crawl; an empty body is reported upstream
        return BodyResult("", None)


def _extract_body(
    tree: lxml.html.HtmlElement,
    url: str,
    article_objects: list[dict[str, Any]],
    selectors: Sequence[str],
) -> BodyResult:
    hints = page_hints(tree, article_objects)
    if selectors:
        picked = clean_blocks([Block(k, t) for k, t in selector_blocks(tree, selectors)], hints)
        if _words(picked) >= MIN_WORDS:
            return _finish(_join(picked), "selectors")

    blocks = _trafilatura(tree, url, hints, fast=True)
    words = _words(blocks)
    dense: list[Block] | None = None
    if words < SLOW_WORDS:
        dense = clean_blocks([Block(k, t) for k, t in density_blocks(tree)], hints)
    if (dense is not None and (words < 4 * MIN_WORDS or _words(dense) > 1.5 * words)
            and link_text_share(tree) < LIST_PAGE_LINK_SHARE):
        # the fast result looks short: let trafilatura compare itself with readability/justext
        # (not on a home or section page: no fallback makes a list of links an article, and
        # justext's all-language stoplist costs ~50 ms and ~30 MB of memory churn a call)
        slow = _trafilatura(tree, url, hints, fast=False)
        if _words(slow) > words:
            blocks, words = slow, _words(slow)
    source = "trafilatura"

    ld = normalise_text(jsonld_text(article_objects))
    if ld and count_words(ld) >= MIN_WORDS:
        decided = _with_jsonld(tree, blocks, ld, hints)
        if decided is not None:
            return decided

    if words < 4 * MIN_WORDS and dense is not None and _words(dense) > max(2 * words, MIN_WORDS):
        blocks, source = dense, "density"  # trafilatura missed the article
    return _finish(_join(with_lead(tree, blocks, hints)), source)


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

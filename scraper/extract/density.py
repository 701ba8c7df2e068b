"""A second body method over the same tree: text-density scoring of containers, CSS selectors, link share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import lxml.html
from lxml import etree

from . import boilerplate as bp
from .blocks import links_elsewhere

BLOCK_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption"}
)
HEAD_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
        "select", "option", "iframe", "svg", "figure", "figcaption", "header", "menu", "dialog",
        "input", "textarea", "label", "object", "embed", "video", "audio", "canvas", "picture",
    }
)
NEGATIVE = re.compile(
    r"comment|share|sharing|social|related|sidebar|side-bar|footer|\bnav|menu|promo|newsletter|"
    r"cookie|consent|caption|credit|subscribe|paywall|teaser-list|recommend|outbrain|taboola|"
    r"\bad[s_-]|advert|banner|breadcrumb|byline|author|\bmeta\b|dateline|timestamp|tags?\b|"
    r"popup|modal|widget|toolbar|print|most-?read|trending|more-?stories|read-?more|also-?read",
    re.IGNORECASE,
)


def _hint(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"


def _excluded(el: etree._Element) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or not tag:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    hint = _hint(el)
    return bool(hint.strip()) and bool(NEGATIVE.search(hint))


def _collapse(text: str) -> str:
    """``re.sub(r"\\s+", " ", text).strip()``: str.split's white space is ``\\s``'s, and
    splitting and joining is twice as fast as the substitution."""
    return " ".join(text.split())


def _text(el: etree._Element) -> str:
    return _collapse("".join(el.itertext()))


def _link_chars(el: etree._Element) -> int:
    return sum(len(_collapse("".join(a.itertext()))) for a in el.iter("a"))


def blocks_under(roots: Iterable[etree._Element]) -> list[tuple[str, str]]:
    """(kind, text) of the block elements under ``roots`` in document order, boilerplate skipped.

    Iterative walk; a block's text is taken whole and its descendants are not visited again.
    """
    out: list[tuple[str, str]] = []
    seen: set[int] = set()
    for root in roots:
        if id(root) in seen:
            continue
        stack: list[etree._Element] = [root]
        while stack:
            el = stack.pop()
            seen.add(id(el))
            if el is not root and _excluded(el):
                continue
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in BLOCK_TAGS:
                text = _text(el)
                if text and _link_chars(el) <= 0.5 * len(text):
                    out.append(("head" if tag in HEAD_TAGS else "p", text))
                continue
            children = [c for c in el if isinstance(c.tag, str)]
            if not children or (el.text and el.text.strip() and tag == "div"):
                # a div holding text directly is a paragraph of its own
                text = _text(el)
                if text and len(text) > 40 and _link_chars(el) <= 0.3 * len(text):
                    out.append(("p", text))
                continue
            stack.extend(reversed(children))
    return out


@dataclass(frozen=True)
class Density:
    """The density method's result, and how much prose the whole page holds."""

    blocks: list[tuple[str, str]]
    """Blocks of the container holding the most paragraph text."""
    prose_chars: int
    """Characters of every prose paragraph of the page (25 characters or more, at most half
    links), wherever it sits: more of it than a result holds says the result is truncated."""


def density_blocks(tree: lxml.html.HtmlElement, max_nodes: int = 200_000) -> Density:
    """Blocks of the container holding the most paragraph text (a readability-style score)."""
    scores: dict[etree._Element, float] = {}
    prose = 0
    excluded: dict[etree._Element, bool] = {}  # paragraphs share their ancestors: test each once
    for count, p in enumerate(tree.iter("p", "pre", "blockquote")):
        if count > max_nodes:
            break
        text = _text(p)
        if len(text) < 25:
            continue
        links = _link_chars(p)
        if links > 0.5 * len(text):
            continue
        prose += len(text)
        score = 1 + min(len(text), 600) / 100 + text.count(",") * 0.5
        parent = p.getparent()
        weight = 1.0
        depth = 0
        while parent is not None and depth < 3:
            skip = excluded.get(parent)
            if skip is None:
                skip = excluded[parent] = _excluded(parent)
            if not skip:
                scores[parent] = scores.get(parent, 0.0) + score * weight
            weight /= 2
            depth += 1
            parent = parent.getparent()
    if not scores:
        return Density([], prose)
    best = max(scores, key=lambda el: scores[el])
    return Density(blocks_under([best]), prose)


_ANCHOR = etree.XPath(
    "//*[self::p or self::li][contains(normalize-space(translate(., '\u00a0', ' ')), $head)]"
)
# one walk over what follows the container: the candidates and the headings between them
_AFTER = etree.XPath(
    "following::*[@class = $cls or self::h1 or self::h2 or self::h3][position() <= 2000]"
)
_ARTICLE = etree.XPath("ancestor::article[1]")
# the words of a soft paywall's wrapper, which hides the article's text, not a box's
_PAYWALL = re.compile(r"\S*(?:paywall|premium|locked|subscriber)\S*", re.IGNORECASE)


def _box(el: etree._Element) -> bool:
    """A part of the page beside the article (comments, an aside, a related box, an ad slot);
    not a soft paywall's wrapper, which only hides the article's text."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or not tag:
        return True
    hint = _hint(el)
    return bool(hint.strip()) and bool(NEGATIVE.search(_PAYWALL.sub(" ", hint)))


def continuation_blocks(
    tree: lxml.html.HtmlElement, last_text: str, max_containers: int = 20
) -> list[tuple[str, str]]:
    """Blocks of the containers that carry an article on after the one ending in ``last_text``.

    Pages split an article into several containers of one class with ad slots or boxes between
    them; extractors take the first. A continuation has the paragraph's container's tag and
    class, comes later in the same ``<article>`` (if any), and is not inside a part of the page
    the article's container is not in: a box (comments, an aside, a related box: ``_box``), or
    a wrapper of its own under a box's heading (a "Read also" section; a chapter's is none). The next story
    of an endless page ends the article: an ``<h1>``, or a linked h2/h3, in between (a plain
    subheading between the containers, or any heading inside a box, does not).
    """
    head = " ".join(last_text.split())[:60]
    if len(head) < 20:
        return []
    found = _ANCHOR(tree, head=head)
    outer = {a for m in found for a in m.iterancestors()}
    found = [m for m in found if m not in outer]  # the innermost: a <p> rather than its <li>
    if len(found) != 1:
        return []  # not found, or a text the page repeats: no safe anchor
    container = found[0].getparent()
    if found[0].tag == "li" and container is not None:
        container = container.getparent()  # the list's container
    cls = container.get("class") if container is not None else None
    if container is None or not cls or not cls.strip():
        return []
    article = _ARTICLE(container)
    lineage = set(container.iterancestors())
    kinds = {(a.tag, a.get("class")) for a in lineage}
    boxes: dict[etree._Element, bool] = {}

    def own(el: etree._Element) -> list[etree._Element]:  # its ancestors the container lacks
        return [a for a in el.iterancestors()
                if a not in lineage and (a.tag, a.get("class")) not in kinds]

    def beside(el: etree._Element) -> bool:  # inside a box the container is not in
        return any(boxes[a] if a in boxes else boxes.setdefault(a, _box(a)) for a in own(el))

    listed: dict[etree._Element, set[etree._Element]] = {}

    def after_list_heading(wrapper: etree._Element) -> set[etree._Element]:
        """What follows the wrapper's first heading when that heading is a link list's ("Read
        also", "Related", "Mehr zum Thema"; a chapter's title is none): the following siblings
        of the heading and of its parents up to the wrapper. Worked out once a wrapper."""
        if wrapper not in listed:
            found: set[etree._Element] = set()
            head = next(wrapper.iter("h1", "h2", "h3"), None)
            if head is not None and bp.soft_end(_text(head)):
                node: etree._Element | None = head
                while node is not None and node is not wrapper:
                    found.update(node.itersiblings())
                    node = node.getparent()
            listed[wrapper] = found
        return listed[wrapper]

    def headed(el: etree._Element) -> bool:  # in a wrapper of its own under a box's heading
        chain = {el, *el.iterancestors()}
        return any(not chain.isdisjoint(after_list_heading(w)) for w in own(el))

    inside = {container}
    roots: list[etree._Element] = []
    for el in _AFTER(container, cls=cls):
        if not inside.isdisjoint(el.iterancestors()):
            continue  # inside the article's text: its own subheadings, nested blocks
        if el.tag in ("h1", "h2", "h3") and el.get("class") != cls:
            if beside(el):
                continue  # a box's title, an ad label
            if el.tag == "h1" or links_elsewhere(el) or _ARTICLE(el) != article:
                break  # the next story
            continue  # a subheading set between the containers
        if el.tag != container.tag or _ARTICLE(el) != article or beside(el) or headed(el):
            continue
        roots.append(el)
        inside.add(el)
        if len(roots) >= max_containers:
            break
    return blocks_under(roots)


def selector_blocks(tree: lxml.html.HtmlElement, selectors: Sequence[str]) -> list[tuple[str, str]]:
    """Blocks under the elements matching a site profile's CSS selectors (bad selectors skipped)."""
    roots: list[etree._Element] = []
    for selector in selectors:
        try:
            roots.extend(tree.cssselect(selector))
        except Exception:  # cssselect raises its own SelectorError family on a bad selector
            continue
    # drop roots nested inside another root: their blocks come with the outer one
    ids = {id(r) for r in roots}
    outer = []
    for root in roots:
        parent = root.getparent()
        nested = False
        while parent is not None:
            if id(parent) in ids:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            outer.append(root)
    return blocks_under(outer)


def link_text_share(tree: lxml.html.HtmlElement, limit: int = 200_000) -> float:
    """Share of the page's visible text that sits inside links (high on home and list pages)."""
    body = tree.find("body")
    root = body if body is not None else tree
    total = linked = 0
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str) or tag in ("script", "style", "noscript", "template"):
            continue
        # tag, text, tail and parent read once each: lxml builds a new object on every read
        text = el.text
        size = len(text.strip()) if text else 0
        if size:
            total += size
            if tag == "a" or _inside_link(el):
                linked += size
        tail = el.tail
        size = len(tail.strip()) if tail else 0
        if size:
            total += size
            parent = el.getparent()
            if parent is not None and _inside_link(parent):
                linked += size
        if total > limit:
            break
    return linked / total if total else 0.0


def _inside_link(el: lxml.html.HtmlElement) -> bool:
    depth = 0
    node: lxml.html.HtmlElement | None = el
    while node is not None and depth < 6:
        if node.tag == "a":
            return True
        node = node.getparent()
        depth += 1
    return False

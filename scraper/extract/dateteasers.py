"""Teasers of the page itself in lists of stories: their dates are the page's; the same place in
the list's other entries holds other stories' dates (datepage.py's visible candidates)."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from ..urls import canonicalize_url

if TYPE_CHECKING:
    from .datecands import Cand



def _class_of(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _self_teasers(owned: list[tuple[Cand, Any]], teasers: dict[Any, tuple[Any, Any] | None],
                  keep: set[Any]) -> None:
    """A list of stories that holds a teaser of this very page: its date is the page's (a
    labelled byline date's weight, "published" unless labelled otherwise), and the same kind
    of element in the list's other entries holds other stories' dates, mere mentions. Nothing
    outside those entries is touched: not the headline's own byline, even in the same markup."""
    own = [cand for cand, el in owned if _in_teaser(el, teasers)]
    mine = {id(cand) for cand in own}
    groups = {cand.group for cand in own if cand.group}
    lists = {found[0]: found[1] for found in teasers.values() if found is not None}
    if groups and lists:
        for cand, el in owned:
            if cand.group in groups and id(cand) not in mine and _other_entry(el, lists, keep):
                cand.weight = min(cand.weight, 1.0)
                cand.near = False
    for cand in own:
        cand.weight = SELF_TEASER_WEIGHT
        cand.near = True
        if cand.role == "any":
            cand.role = "published"


MAX_SELF_LINKS = 30
# a labelled byline date's weight (4 + 1.5 for a date class + 2.5 for the label + 2 near the
# headline), below a structured timestamp with a time (10.5): the page's own metadata wins
SELF_TEASER_WEIGHT = 10.0
TEASER_CHARS = 600
_TEASER_TAGS = {"article", "li"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DATE_CLASS = re.compile(r"date|time|stamp|datum|fecha|zeit|publish|posted", re.IGNORECASE)
_URLISH = re.compile(r"\s*(?:https?:|www\.)", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _page_key(href: str, base: str = "") -> tuple[str, str] | None:
    """Host (without "www.") and path with query of an address, trailing slash dropped and
    tracking parameters (utm_*, fbclid...) left out; None for a site's root (every page links
    to it) or an unreadable address."""
    try:
        parts = urlsplit(urljoin(base, href.strip()) if base else href.strip())
        query = parts.query
        if query:  # rare on links: only then is the query rewritten without tracking
            query = urlsplit(canonicalize_url(parts.geturl())).query
    except ValueError:
        return None
    path = parts.path.rstrip("/")
    if not path:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return host, path + ("?" + query if query else "")


def _self_addresses(tree: lxml.html.HtmlElement, meta: dict[str, str], url: str) -> list[str]:
    """The page's own addresses: its URL, and its canonical address (og:url, else the
    ``<link rel=canonical>``; the two rarely differ, and og:url is at hand)."""
    if not url:
        return []
    canonical = meta.get("og:url")
    head = tree.find("head") if not canonical else None
    if head is not None:
        for link in head.iterchildren("link"):
            if link.get("href") and (link.get("rel") or "").strip().lower() == "canonical":
                canonical = link.get("href")
                break
    canonical = canonical.strip() if canonical else ""
    if not canonical or canonical == url:
        return [url]
    return [url, canonical if canonical.startswith(("http://", "https://")) else urljoin(
        url, canonical)]


def _address_tail(address: str) -> str:
    """The end a link to an absolute address must have (see _tail_of); "" for a site's root."""
    if "?" in address or "#" in address:  # the key decides what of the query counts
        key = _page_key(address)
        return _tail_of(key[1]) if key is not None else ""
    path = address.partition("//")[2].partition("/")[2].rstrip("/")
    return _tail_of("/" + path) if path else ""


def _tail_of(path: str) -> str:
    """The end a link to an address must have: its last step, with the steps before it while
    that is short ("/forum/thread/3/1" -> "thread/3/1": many links end with "/1")."""
    cut = path.rfind("/")
    while cut > 0 and len(path) - cut - 1 < MIN_TAIL:
        cut = path.rfind("/", 0, cut)
    return path[cut + 1:]


MIN_TAIL = 8


def _links_to(href: str, keys: set[tuple[str, str]], tails: tuple[str, ...], base: str) -> bool:
    """A link to the page itself: its address ends with the last step of one of the page's
    own, a whole step (a share, print or tracking link merely holds the address: no address
    is resolved for it), and is no link to a fragment (a comment's permalink)."""
    if "#" in href:
        return False
    end = href.rstrip(_HREF_END)
    for tail in tails:
        if end.endswith(tail) and (len(end) == len(tail) or end[-len(tail) - 1] == "/"):
            return _page_key(end, base) in keys
    return False


_HREF_END = "/ \t\r\n"


def _teaser_of(link: Any, keep: set[Any], title_words: set[str]) -> Any:
    """The story teaser (``<article>``/``<li>`` of a list, short) holding a link to the page
    itself that reads like its title (at least half the title's words), unless it is the
    article around the headline; a "cite this page" box showing the address or "Link" is none."""
    text = (link.text_content() or "").strip() or link.get("title") or ""
    if not title_words or _URLISH.match(text):
        return None
    if 2 * len(title_words.intersection(_WORD.findall(text.lower()))) < len(title_words):
        return None
    for i, anc in enumerate(link.iterancestors()):
        if i >= 6 or anc in keep:
            return None
        if anc.tag in _TEASER_TAGS:
            return anc if len(anc.text_content() or "") <= TEASER_CHARS else None
    return None


def _list_of(teaser: Any, keep: set[Any]) -> tuple[Any, Any] | None:
    """The list holding a teaser and the teaser's entry in it: the first ancestor with other
    elements beside the way up (an entry may wrap its teaser: ``<div class="slide"><article>``),
    None when that is an element around the headline."""
    entry = teaser
    for _ in range(4):
        parent = entry.getparent()
        if parent is None or parent in keep:
            return None
        if _has_sibling(entry):
            return parent, entry
        entry = parent
    return None


def _has_sibling(el: Any) -> bool:
    for sibling in itertools.chain(el.itersiblings(), el.itersiblings(preceding=True)):
        if isinstance(sibling.tag, str):
            return True
    return False


def _other_entry(el: Any, lists: dict[Any, Any], keep: set[Any]) -> bool:
    """The element sits in another entry of a list holding a teaser of the page (not the
    teaser's own entry, nor one around the headline)."""
    node = el
    for _ in range(12):
        parent = node.getparent()
        if parent is None:
            return False
        entry = lists.get(parent)
        if entry is not None:
            return node is not entry and node not in keep
        node = parent
    return False


def _in_teaser(el: Any, teasers: dict[Any, Any]) -> bool:
    """A date element (a ``<time>``, or one whose class names a date, not merely an entry or
    its meta) inside a teaser of this page, not inside its headline."""
    if el.tag != "time" and not _DATE_CLASS.search(_class_of(el)):
        return False
    node = el
    for _ in range(8):
        if node is None or node.tag in _HEADING_TAGS:
            return False
        if node in teasers:
            return True
        node = node.getparent()
    return False

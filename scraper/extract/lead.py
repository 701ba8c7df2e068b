"""The standfirst: the one to three sentences between headline and text that layouts often set
apart from the article's container (so trafilatura misses them), put back in front of the body."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import lxml.html
from lxml import etree

from .blocks import (
    _HEADLINES,
    _INVISIBLE,
    _SENTENCE_END,
    Block,
    PageHints,
    _is_title,
    _key,
    _overlap,
    _shingles,
    clean_blocks,
    count_words,
)

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

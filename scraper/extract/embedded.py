"""Article HTML that client-rendered pages hold only in script data (Next.js, Nuxt, Fusion, app state).

body.py asks for it only when the DOM gives no body (under MIN_WORDS words); a home or section
page (most of its text in links, more than a bare menu and footer) gets none. The page's
scripts (not JSON-LD, which body.py reads) are searched for string literals: JSON values where
a script is JSON or holds some (``X = {...}``, ``f([1,"..."])``), else the literals alone.
A string holding paragraph markup is a candidate; so is a list holding one text in paragraphs
(strings, or objects each holding one prose string in the same field, like Fusion's
``content_elements``). A string that is itself data (JSON in a string, React Server Components
flight rows) is decoded once more, never a third time. Scripts that are one call with one string
argument (``self.__next_f.push([1,"..."])``) feed one stream cut into chunks: the chunks of the
same call are joined before they are read. Each candidate's blocks are cleaned like the DOM's; a
list of short items (teasers), a text under MIN_WORDS words, or one of one or two paragraphs
under SHORT_WORDS (a caption, a bio) is refused, and the one with the most words wins.

Work is bounded: MAX_SCRIPT_CHARS characters of script data are read (decoded levels included),
MAX_NODES JSON values and tokens visited, and the longest MAX_CANDIDATES candidates parsed, at
most MAX_CANDIDATE_CHARS characters each. The patterns cannot backtrack (possessive repeats, and
an unclosed literal runs to the end of the text), so a page of megabytes of quotes and
backslashes costs one linear scan.
"""

from __future__ import annotations

import html as htmllib
import itertools
import json
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from .blocks import Block, PageHints, _key, clean_blocks, count_words, visible_text
from .body import LIST_PAGE_LINK_SHARE, MIN_WORDS
from .density import blocks_under, link_text_share

MAX_SCRIPT_CHARS = 4_000_000
"""Characters of script data read on a page, strings decoded from it included."""
MAX_NODES = 200_000
"""JSON values (objects, lists, strings...) visited and tokens (literals, brackets) read on a page."""
MAX_CANDIDATES = 20
"""Candidates parsed as HTML on a page: the longest."""
MAX_CANDIDATE_CHARS = 1_000_000
"""Characters of one candidate parsed (its start)."""
MAX_RUN_ITEMS = 2_000
"""Items of a list read for a text in parts."""
LEVELS = 2
"""Times a string is decoded: a literal in a script, then a literal in that literal's text."""
SHELL_WORDS = 4 * MIN_WORDS
"""Visible words of a page below which its share of link text does not make it a list page: a
client-rendered page shows its menu and footer alone."""
SHORT_WORDS = 4 * MIN_WORDS
"""Fewest words of a candidate of one or two blocks (a picture's caption, an author's bio, a
notice are such texts more often than an article is)."""
TEASER_WORDS = 15
"""A candidate of three blocks or more whose median block is shorter is a list of teasers."""
_MIN_CHARS = 50  # shorter strings hold no MIN_WORDS words of prose with their markup

_DECODER = json.JSONDecoder(strict=False)
# a literal (an unclosed one runs to the end: no second attempt from inside it) or a bracket
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"?|[\[\]{}]', re.DOTALL)
_PARAGRAPH = re.compile(r"<p[\s>/]", re.IGNORECASE)
_ESCAPED_PARAGRAPH = re.compile(r"&lt;p[\s&/]", re.IGNORECASE)
_FLIGHT = re.compile(r"[0-9a-f]{0,8}:\S")  # a React Server Components row: "1a:[...]", ":HL[...]"
_FLIGHT_TEXT = re.compile(rb"[0-9a-f]{1,8}:T([0-9a-f]{1,8}),")  # a text row and its length in bytes
_LINK = re.compile(r"(?:https?:)?//|/[\w-]|www\.|mailto:", re.IGNORECASE)
# the types of scripts of code or data (not HTML templates: "text/x-handlebars-template")
_DATA_TYPE = re.compile(r"module|(?:text|application)/(?:x-)?(?:javascript|ecmascript|json|[\w.-]+\+json)")
_NO_TEXT = ("script", "style", "template", "noscript", "iframe", "svg")
# keys of a page's state that hold other texts than the article: comments, the next or related
# stories, recommendations ("nextArticle", "related_content", "comments", "mostRead"). Only
# identifier-like keys, read as words (camelCase and snake_case split): a key that is a URL, a
# cache id or serialised arguments ("getArticle({...})", "/api/article/prevent-floods") is data.
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$-]{0,60}")
_KEY_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_OTHER_WORDS = frozenset({
    "comment", "comments", "related", "recommended", "recommendation", "recommendations",
    "teaser", "teasers", "popular", "trending", "sidebar", "footer", "promo", "promos", "similar",
    "playlist", "suggested", "suggestions",
})
_OTHER_PAIRS = frozenset({("most", "read"), ("most", "viewed"), ("more", "stories"),
                          ("read", "more"), ("up", "next"), ("next", "up"), ("also", "read"),
                          ("read", "also")})
# the same words run together in a lower-case key ("mostread", "relatedcontent", "nextup")
_OTHER_RUN = re.compile(r"^(?:related|mostread|mostviewed|morestories|readmore|nextup|upnext|"
                        r"alsoread|readalso|recommended|comments?$)")
_SEQUEL = frozenset({"article", "articles", "story", "stories", "post", "posts", "item", "items"})
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_TITLE_PARTS = re.compile(r"\s+[|\u2013\u2014-]\s+|\s*[|｜]\s*")
TITLE_SHARE = 0.25
"""Share of the headline's words (or, in Chinese, Japanese and Korean, character pairs) a
candidate must hold: a page can preload another story in full under a neutral key."""


def other_content(key: object) -> bool:
    """A state key naming other texts than the article (see ``_OTHER_WORDS``)."""
    if not isinstance(key, str) or not _IDENTIFIER.fullmatch(key):
        return False
    if "-" in key and (key.count("-") >= 3 or any(c.isdigit() for c in key)):
        return False  # a slug ("most-read-books-of-2024"), not a name ("related-stories")
    if key.islower() and _OTHER_RUN.match(key):
        return True
    words = [w.lower() for w in _KEY_WORD.findall(key)]
    if any(w in _OTHER_WORDS for w in words) or any(p in _OTHER_PAIRS for p in itertools.pairwise(words)):
        return True
    # "next", "nextArticle", "previousStory": not "nextData" or "prevPage"
    for at, word in enumerate(words):
        if word in ("next", "prev", "previous"):
            rest = words[at + 1 :]
            return not rest or rest[0] in _SEQUEL
    return False


_SENTENCE_END = frozenset(".!?\"”“»«'’)…。！？」』")


@dataclass
class _Scan:
    """What the reading of a page's scripts found, and what is left of its budget."""

    chars: int = MAX_SCRIPT_CHARS
    nodes: int = MAX_NODES
    texts: dict[str, None] = field(default_factory=dict)  # HTML with paragraphs, in page order
    runs: list[list[str]] = field(default_factory=list)  # texts in parts

    def spent(self) -> bool:
        return self.chars <= 0 or self.nodes <= 0

    def take(self, text: str) -> str:
        """``text`` cut to what the budget still allows, which it then no longer does."""
        text = text[: max(self.chars, 0)]
        self.chars -= len(text)
        return text


def embedded_blocks(tree: lxml.html.HtmlElement, hints: PageHints) -> list[Block]:
    """The article's blocks from the page's script data, cleaned like the DOM's; [] on a home or
    section page, or when no candidate holds MIN_WORDS words of prose (SHORT_WORDS in one or two
    blocks) in blocks that are not mostly short (teasers). Of candidates close in length (within
    a fifth), one that opens like the page's description wins (a page can preload the next
    article)."""
    if list_page(tree):
        return []
    titles = _title_terms(tree)
    scored: list[tuple[int, bool, list[Block]]] = []
    for candidate in embedded_candidates(tree):
        blocks = clean_blocks([Block(kind, text) for kind, text in candidate], hints)
        if titles and not _about(blocks, titles):
            continue  # another story than the page's
        words = [count_words(b.text) for b in blocks]
        if sum(words) < (MIN_WORDS if len(words) >= 3 else SHORT_WORDS):
            continue  # too short; one or two paragraphs: a caption, a bio, a notice
        if len(words) >= 3 and statistics.median(words) < TEASER_WORDS:
            continue  # a list of headlines and snippets
        scored.append((sum(words), _opens_like(blocks, hints), blocks))
    if not scored:
        return []
    most = max(words for words, _, _ in scored)
    close = [s for s in scored if s[0] >= 0.8 * most]
    return max(close, key=lambda s: (s[1], s[0]))[2]


def _title_terms(tree: lxml.html.HtmlElement) -> list[set[str]]:
    """The terms of each part of the page's titles (<title>, og:title; parts between separators:
    "Headline | Section | Site"), as word stems (the first four letters of words of four or more)
    or, in scripts written without spaces, character pairs; the site's name (og:site_name) is
    no part. Parts of under three terms are left out (a section's name, "Local News", tells
    no story apart); the headline is one of the parts, wherever it is."""
    texts = [tree.findtext(".//title") or ""]
    texts += [m.get("content") or "" for m in tree.iterfind(".//meta[@property='og:title']")]
    sites = {" ".join((m.get("content") or "").casefold().split())
             for m in tree.iterfind(".//meta[@property='og:site_name']")}
    parts = (_terms(part) for text in texts for part in _TITLE_PARTS.split(text.strip())
             if " ".join(part.casefold().split()) not in sites)
    return [terms for terms in parts if len(terms) >= 3]


def _terms(text: str) -> set[str]:
    text = text.casefold()
    pairs = {a + b for a, b in itertools.pairwise(text) if _CJK.match(a) and _CJK.match(b)}
    return pairs | {w[:4] for w in _WORD.findall(text) if len(w) > 3 and not _CJK.match(w)}


def _about(blocks: list[Block], titles: list[set[str]]) -> bool:
    """The text holds TITLE_SHARE of the terms of one part of the page's titles, and two at
    least (one shared stem, "issu", says nothing)."""
    terms = _terms(" ".join(b.text for b in blocks[:40]))
    return any(len(title & terms) >= max(2, math.ceil(TITLE_SHARE * len(title)))
               for title in titles)


def list_page(tree: lxml.html.HtmlElement) -> bool:
    """A home, section or tag page: most of its visible text is in links, and there is more of
    it than a client-rendered page's bare header, menu and footer (SHELL_WORDS words)."""
    return (link_text_share(tree) >= LIST_PAGE_LINK_SHARE
            and count_words(visible_text(tree)) >= SHELL_WORDS)


def _opens_like(blocks: list[Block], hints: PageHints) -> bool:
    """The text's start holds the start of the page's description (its first words)."""
    start = hints.description[:16]
    return len(start) == 16 and start in _key(" ".join(b.text for b in blocks[:3]))


def embedded_candidates(tree: lxml.html.HtmlElement) -> list[list[tuple[str, str]]]:
    """(kind, text) blocks of each text the scripts hold that may be the article, longest first."""
    scan = _Scan()
    streams: dict[tuple[str, str], list[str]] = {}
    for script in tree.iter("script"):
        if scan.spent():
            break
        text = script.text
        if not text or not _data_script(script.get("type") or ""):
            continue
        text = scan.take(text)
        chunk = _chunk(text)
        if chunk is not None:
            streams.setdefault(chunk[0], []).append(chunk[1])
            continue
        for value in _values(text, scan):
            _walk(value, 1, scan)
    for parts in streams.values():
        if scan.spent():
            break
        _string("".join(parts), 1, scan)
    return _blocks_of(scan)


def _data_script(kind: str) -> bool:
    """A script of code or data by its type; not JSON-LD, which body.py reads."""
    kind = kind.partition(";")[0].strip().lower()
    return not kind or (kind != "application/ld+json" and _DATA_TYPE.fullmatch(kind) is not None)


def _chunk(text: str) -> tuple[tuple[str, str], str] | None:
    """The script is one call with one string argument (or one assignment of a string): the
    code around the string, which names the stream it feeds, and the string decoded."""
    start, end = text.find('"'), text.rfind('"')
    if not 0 < start < end or start > 100 or len(text) - end > 20:
        return None
    head, tail = text[:start].strip(), text[end + 1 :].strip()
    if not head.endswith(("(", "[", ",", "=")):
        return None
    try:
        value = json.loads(text[start : end + 1], strict=False)
    except (ValueError, RecursionError):
        return None  # two literals, or not JSON's escapes
    return ((head, tail), value) if isinstance(value, str) else None


def _values(text: str, scan: _Scan) -> Iterator[Any]:
    """The JSON values of a script's text: the whole text when it is JSON or assigns JSON
    (``X = {...};``), else each bracketed value in it, else the long literals of one that is not
    JSON (a JavaScript object), and the literals outside brackets. Each literal and bracket read
    costs a node of the budget."""
    stripped = text.strip().rstrip(";").rstrip()
    at = min((i for i in (stripped.find("{"), stripped.find("[")) if i >= 0), default=-1)
    if 0 <= at <= 200:
        try:
            value, end = _DECODER.raw_decode(stripped, at)
        except (ValueError, RecursionError):
            pass
        else:
            if end == len(stripped):
                yield value
                return
    depth = start = 0
    loose: list[tuple[int, int]] = []  # long literals since the last value began, or outside one
    for match in _TOKEN.finditer(text):
        scan.nodes -= 1
        if scan.nodes <= 0:
            break
        at, end = match.span()
        char = text[at]
        if char == '"':
            if end - at >= _MIN_CHARS:
                loose.append((at, end))
        elif char in "[{":
            if depth == 0:
                yield from _literals(text, loose)
                loose, start = [], at
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and end - start >= _MIN_CHARS:
                try:
                    yield json.loads(text[start:end], strict=False)
                except (ValueError, RecursionError):
                    yield from _literals(text, loose)
                loose = []
    yield from _literals(text, loose)


def _literals(text: str, spans: list[tuple[int, int]]) -> Iterator[str]:
    for at, end in spans:
        try:
            value = json.loads(text[at:end], strict=False)
        except (ValueError, RecursionError):
            continue  # unclosed, or escapes JSON does not know ("\x3c")
        if isinstance(value, str):
            yield value


def _walk(value: Any, level: int, scan: _Scan) -> None:
    """Note the strings and the lists of text parts of a JSON value (iteratively, in order)."""
    stack = [value]
    while stack and scan.nodes > 0:  # the characters were paid when the script was read
        item = stack.pop()
        scan.nodes -= 1
        if isinstance(item, str):
            _string(item, level, scan)
        elif isinstance(item, dict):
            stack.extend(reversed([v for k, v in item.items() if not other_content(k)]))
        elif isinstance(item, list):
            run = _run(item)
            if run:
                scan.runs.append(run)
            stack.extend(reversed(item))


def _string(text: str, level: int, scan: _Scan) -> None:
    """A string decoded ``level`` times: HTML with paragraphs is a candidate; data (JSON, a
    string literal, flight rows) is read once more when it was decoded only once."""
    if len(text) < _MIN_CHARS:
        return
    first = text.lstrip()[:1]
    flight = first != "<" and _FLIGHT.match(text) is not None
    if not flight and first not in ("{", "[", '"'):
        if not _PARAGRAPH.search(text) and _ESCAPED_PARAGRAPH.search(text):
            text = htmllib.unescape(text)
        # a ">" before the first "<": a piece cut out of markup by quotes out of step
        if _PARAGRAPH.search(text) and not 0 <= text.find(">") < text.find("<"):
            scan.texts[text] = None
        return
    if level >= LEVELS:
        return
    text = scan.take(text)
    if flight:
        text, parts = _flight(text)
        for part in parts:
            _string(part, level, scan)  # a text row is the flight's own string: not decoded again
    for value in _values(text, scan):
        _walk(value, level + 1, scan)


def _flight(stream: str) -> tuple[str, list[str]]:
    """React Server Components flight rows: the rows of data (``1a:[...]``, a line each), and the
    strings of its text rows (``24:T1b7b,`` then so many bytes of UTF-8, no line end)."""
    data = stream.encode("utf-8", "surrogatepass")
    rows: list[bytes] = []
    texts: list[str] = []
    pos = 0
    while pos < len(data):
        head = _FLIGHT_TEXT.match(data, pos)
        if head is not None:
            end = head.end() + int(head.group(1), 16)
            texts.append(data[head.end() : end].decode("utf-8", "replace"))
            pos = end
            continue
        line_end = data.find(b"\n", pos)
        line_end = len(data) if line_end < 0 else line_end
        rows.append(data[pos:line_end])
        pos = line_end + 1
    return b"\n".join(rows).decode("utf-8", "replace"), texts


def _run(items: list[Any]) -> list[str] | None:
    """The items' texts when a list holds one text in paragraphs: at least two of its items, and
    at least half, are prose strings, or objects holding one prose string and no link (the same
    field in all: Fusion's ``{"type": "text", "content": "..."}``), and most of them end a
    sentence. A teaser card holds a headline and a summary, or a link: no part of a text."""
    if len(items) < 2:
        return None
    parts: list[tuple[str, str]] = []
    for item in items[:MAX_RUN_ITEMS]:
        if isinstance(item, str):
            if _prose(item):
                parts.append(("", item))
        elif isinstance(item, dict):
            strings = [(k, v) for k, v in item.items() if isinstance(v, str)]
            prose = [(k, v) for k, v in strings if _prose(v)]
            if len(prose) == 1 and not any(_LINK.match(v) for _, v in strings):
                parts.append(prose[0])
    if len(parts) < 2 or 2 * len(parts) < min(len(items), MAX_RUN_ITEMS):
        return None
    name = Counter(k for k, _ in parts).most_common(1)[0][0]
    run = [text for k, text in parts if k == name]
    # most parts end a sentence: paragraphs, not the pieces of one around its links
    ends = sum(1 for text in run if _last_char(text) in _SENTENCE_END)
    return run if len(run) >= 2 and 2 * ends > len(run) else None


def _last_char(text: str) -> str:
    """The last character of a text's words, closing tags left out ("end.</b></p>": ".")."""
    text = text.rstrip()
    while text.endswith(">") and (at := text.rfind("<")) >= 0:
        text = text[:at].rstrip()
    return text[-1:]


def _prose(text: str) -> bool:
    """Words, not a name, an id, a date or an address: a space inside, or letters beyond ASCII."""
    text = text.strip()
    return len(text) >= 4 and (" " in text or not text.isascii()) and not _LINK.match(text)


def _blocks_of(scan: _Scan) -> list[list[tuple[str, str]]]:
    """The candidates' blocks: the longest MAX_CANDIDATES texts and runs."""
    candidates: list[tuple[int, str | list[str]]] = [(len(t), t) for t in scan.texts]
    candidates.extend((sum(map(len, run)), run) for run in scan.runs)
    candidates.sort(key=lambda c: -c[0])  # stable: page order among equals
    out = []
    for _, candidate in candidates[:MAX_CANDIDATES]:
        if isinstance(candidate, str):
            blocks = html_blocks(candidate[:MAX_CANDIDATE_CHARS])
        else:
            blocks = [b for part in candidate for b in html_blocks(part, whole=True)]
        if blocks:
            out.append(blocks)
    return out


def html_blocks(markup: str, *, whole: bool = False) -> list[tuple[str, str]]:
    """(kind, text) of the blocks of an HTML fragment (paragraphs, subheadings, list items,
    quotes) in order, boilerplate boxes and link lists skipped. ``whole``: a fragment with no
    blocks (a paragraph's text with inline markup) is one paragraph."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):  # no content, or characters XML cannot hold
        return []
    blocks = blocks_under([root])
    if blocks or not whole:
        return blocks
    etree.strip_elements(root, *_NO_TEXT, with_tail=False)
    text = " ".join(root.text_content().split())
    return [("p", text)] if text else []

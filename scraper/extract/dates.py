"""Publish and modified timestamps with timezone and provenance, decided from every date on a page.

Decision rules
--------------
1. Candidates come from JSON-LD (article objects first), microdata, ``<meta>``, ``<time>``,
   visible text, the URL and feed/sitemap hints. Each has a role (published, modified or
   unlabelled) read from its key, its class/itemprop or a label just before it ("Updated",
   "Aktualisiert", "mis à jour", ...), and a weight.
2. Place decides visible dates: dates inside site chrome (header/nav/footer/aside outside the
   article, sidebars, related/latest/most-read lists, comments) are ignored; dates next to the
   headline or in a byline/date element weigh most; dates inside running prose are mentions
   and weigh least; dates far above the headline (a header's "today") are discounted.
3. Impossible dates are dropped: later than ``fetched_at`` (+5 min with a known offset,
   +1 day for a date-only or zone-less value), before 1990. A structured timestamp within
   10 minutes of ``fetched_at`` is a render-time stamp and only counts if other evidence
   agrees. Copyright years are never dates (a full day is required).
4. The publish day is the candidate with the highest weight plus agreement: a candidate
   gains from every *other* family (structured data, visible page, URL, feed/sitemap) that
   names the same day. Among unlabelled dates next to the headline the earliest is the
   publish date and later ones are modification candidates.
5. The representation of that moment is the most precise consistent one: a structured
   timestamp with an offset is kept verbatim, unless the visible byline shows the same wall
   clock with a different explicit offset (the visible offset wins) or with no offset on a
   site whose profile zone disagrees (the profile zone wins); then a visible time with an
   explicit offset or zone abbreviation; then a feed/sitemap time; then a zone-less time,
   read in the profile zone. A zone-less structured time that equals the visible byline's
   time converted to UTC was UTC: the byline's local time is kept. With no zone, a zone-less
   time borrows the offset of a same-day structured/feed instant if the two differ by a
   whole quarter-hour; otherwise it stays zone-less. Only a day known -> precision "date".
6. Zone rules: explicit offsets win; abbreviations are read in context (IST is India unless
   the page is Hebrew/.il or Irish; CST is China on Chinese pages; BST is Bangladesh on
   Bengali pages); generic names (ET, PT) follow DST; a specific name used in the wrong
   season (EST in July) keeps its stated offset and drops the IANA zone. Wall-clock times
   in a profile zone use zoneinfo: an ambiguous time (autumn fold) is its first occurrence,
   a time in the spring gap is read with the offset before the gap (02:30 -> 03:30+02:00).
7. Numeric dates like 07/08/2021: a part above 12 decides; otherwise the page's other
   unambiguous numeric dates, then its language/TLD/zone (English outside the
   Commonwealth and American zones -> month first; dotted dates are always day first).
8. Modified is the best modification candidate not earlier than the publish date, or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html
from lxml import etree

from .datetext import (
    PUBLISHED_WORDS,
    UPDATED_WORDS,
    Parsed,
    find_dates,
    find_relative,
    localize,
    normalize_digits,
    numeric_order_votes,
    parse_machine,
)
from .jsonld import ARTICLE_TYPES, jsonld_objects, types_of
from .metadata import meta_values
from .model import DateHint, DateSource, DateValue

LOCAL_DAY_RULE = 2
MAX_TEXT_CHARS = 250_000
MAX_ELEMENTS = 150_000
MAX_CANDIDATES = 400
NEAR_AFTER = 1200  # characters after the headline that still count as its byline area
NEAR_BEFORE = 400

_PUBLISHED_META = {
    "article:published_time": 9, "og:article:published_time": 9, "article:published": 8,
    "og:published_time": 8, "published_time": 8, "published-date": 7, "published_date": 7,
    "parsely-pub-date": 9, "sailthru.date": 7, "dc.date.issued": 8, "dcterms.issued": 8,
    "dc.date.created": 7, "dcterms.created": 7, "pubdate": 8, "publishdate": 8,
    "publish-date": 8, "publish_date": 8, "pub_date": 7, "publication_date": 7,
    "date.published": 7, "article.published": 7, "originalpublicationdate": 7,
    "cxenseparse:recs:publishtime": 7, "bt:pubdate": 7, "rnews:datepublished": 7,
    "citation_publication_date": 6, "citation_date": 6, "prism.publicationdate": 6,
    "article_date_original": 7, "datecreated": 6, "date_published": 7, "og:pubdate": 7,
    "article.created": 7, "datepublished": 8, "nv:date": 6, "date": 5, "dc.date": 6, "dcterms.date": 6,
    "dc:date": 6, "release_date": 5, "displaydate": 6, "created": 5, "timestamp": 4,
}
_MODIFIED_META = {
    "article:modified_time": 9, "og:updated_time": 8, "article:modified": 8,
    "modified_time": 7, "dc.date.modified": 7, "dcterms.modified": 7, "last-modified": 6,
    "lastmod": 6, "article.updated": 7, "date.updated": 7, "updated_time": 7,
    "parsely-updated-date": 7, "article:updated_time": 8, "revised": 5, "datemodified": 8,
}
_META_DATE_KEY = re.compile(r"date|time|publish|created|upload|release|issued", re.IGNORECASE)
_META_SKIP_KEY = re.compile(r"expir|valid|birth|event|start|end|copyright|viewport|refresh"
                            r"|image|width|height|duration|tz|zone|format", re.IGNORECASE)
_LD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
_PAGE_TYPES = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "MediaObject",
               "VideoObject", "ImageObject", "Event", "Recipe", "Product", "QAPage"}

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "select", "option", "head",
              "iframe", "textarea", "button", "math"}
_BLOCK_TAGS = {"p", "div", "li", "td", "th", "section", "article", "blockquote", "dd", "dt",
               "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "main",
               "figure", "figcaption", "ul", "ol", "table", "tr", "body", "span", "time"}
_PAGE_CHROME_TAGS = {"header", "footer", "aside"}
_MENTION_TAGS = {"figcaption", "caption", "blockquote", "q", "figure", "table", "pre", "code"}
_CHROME_ROLES = {"navigation", "complementary", "contentinfo", "banner", "menu", "menubar"}
_CHROME_WORDS = re.compile(
    r"^(?:sidebar|side-bar|related|recommend\w*|most-?read|most-?popular|popular|latest"
    r"|trending|comments?|commentlist|disqus|navbar|menu|masthead|topbar|top-bar|breadcrumbs?"
    r"|newsletter|outbrain|taboola|ticker|more-?stories|read-?more|see-?also"
    r"|also-?read|dont-?miss|next-?article|prev-?article|site-?header|site-?footer|header-?top"
    r"|cookie|promo|livefeed|rail|carousel|pagination|pager)(?:$|[_-])"
    r"|[_-](?:sidebar|related|recommended|most-?read|popular|latest|trending|comments?"
    r"|menu|breadcrumbs?|carousel)$",
    re.IGNORECASE,
)
_PAGE_CHROME_WORDS = re.compile(
    r"^(?:header|footer|nav|navigation|site-?nav|page-?header|page-?footer|global-?header"
    r"|global-?footer|main-?header|main-?footer|top-?nav|main-?nav)$", re.IGNORECASE,
)
_NOT_CHROME = re.compile(r"date|time|meta|byline|author|count|link|icon|button|info|stamp",
                         re.IGNORECASE)
_CHROME_CACHE: dict[str, tuple[bool, bool]] = {}


def _chrome_class(cls: str) -> tuple[bool, bool]:
    """(always chrome, chrome outside an article) for a class/id string, by whole names."""
    hit = _CHROME_CACHE.get(cls)
    if hit is None:
        always = page = False
        names = cls.split()
        if not any(_NOT_CHROME.search(name) for name in names):
            for name in names:
                always = always or bool(_CHROME_WORDS.search(name))
                page = page or bool(_PAGE_CHROME_WORDS.search(name))
        hit = (always, page)
        if len(_CHROME_CACHE) < 20_000:
            _CHROME_CACHE[cls] = hit
    return hit


_ARTICLE_CLASS = re.compile(
    r"(?:^|\s)(hentry|h-entry|post|entry|article|type-post|blog-post|single-post|post-\d+"
    r"|post-body|entry-content|article-body|story)(?:$|\s)", re.IGNORECASE,
)
_DATEISH_CLASS = re.compile(
    r"date|time|byline|meta|publish|posted|stamp|dateline|author|info|entry-|post-|article-head"
    r"|datum|fecha|data|zeit", re.IGNORECASE,
)
_MOD_CLASS = re.compile(
    r"modif|last-?updat|updated?[-_]?(?:date|time|at|on)|date-?updated|edited|revis|aktualisiert",
    re.IGNORECASE,
)
_PUB_CLASS = re.compile(r"publish|posted|created|pubdate|date-?pub|entry-date", re.IGNORECASE)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2]|[1-9])\2(0[1-9]|[12]\d|3[01]|[1-9])(?!\d)"
)
_URL_DMY = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])([-_.])(0[1-9]|1[0-2])\2((?:19|20)\d{2})(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
_URL_LOCALE = re.compile(r"^/([a-z]{2})[-_]([a-z]{2})(?:/|$)", re.IGNORECASE)
_COMMONWEALTH = {"uk", "au", "nz", "ie", "in", "za", "ng", "ke", "pk", "sg", "my", "gh", "ug",
                 "tz", "zw", "na", "ls", "bw", "lk", "bd", "mt", "cy", "jm", "hk", "ph", "eu"}
_WORDS_EN = re.compile(r"\b(the|and|of|to|in|is|that|for)\b")


@dataclass
class Cand:
    """One date found somewhere on the page."""

    when: datetime  # wall clock, naive; midnight when only the day is known
    has_time: bool
    has_seconds: bool
    offset: int | None  # minutes east of UTC
    zone: str | None
    role: str  # "published" | "modified" | "any"
    source: DateSource
    family: str  # "struct" | "visible" | "url" | "hint"
    weight: float
    raw: str
    pos: int = -1  # text position for visible dates
    near: bool = False  # in the headline/byline area

    @property
    def day(self) -> date:
        return self.when.date()

    def instant(self) -> datetime | None:
        if self.offset is None or not self.has_time:
            return None
        return (self.when - timedelta(minutes=self.offset)).replace(tzinfo=UTC)

    def clock(self) -> tuple[date, int, int]:
        return self.day, self.when.hour, self.when.minute


class ExtractedDates(NamedTuple):
    """The decided publish and modification timestamps (None when the page gives none)."""

    published: DateValue | None
    modified: DateValue | None


@dataclass
class _Page:
    """What the page tells about how to read its dates."""

    context: str  # "lang tld" for zone abbreviations
    day_first: bool
    zone: ZoneInfo | None
    zone_name: str | None
    fetched: datetime | None  # aware UTC
    now_local: datetime | None  # fetched_at as a wall clock in the site's zone (naive)


# --------------------------------------------------------------------------- helpers


def _zoneinfo(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _cand(parsed: Parsed, *, role: str, source: DateSource, family: str, weight: float,
          raw: str, pos: int = -1) -> Cand:
    has_time = parsed.hour is not None
    when = datetime(parsed.day.year, parsed.day.month, parsed.day.day,
                    parsed.hour or 0, parsed.minute or 0, parsed.second or 0)
    offset = parsed.offset if has_time else None
    return Cand(when, has_time, parsed.second is not None, offset, parsed.zone if has_time
                else None, role, source, family, weight, raw.strip()[:200], pos)


def _class_of(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _text_sample(tree: lxml.html.HtmlElement) -> str:
    body = tree.find("body")
    node = body if body is not None else tree
    out: list[str] = []
    size = 0
    for text in node.itertext():
        out.append(text)
        size += len(text)
        if size > 3000:
            break
    return " ".join(out)


def _guess_language(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    lang = tree.get("lang") or meta.get("og:locale") or meta.get("content-language")
    if lang:
        return lang.replace("_", "-").split("-")[0].lower()[:3] or None
    sample = _text_sample(tree)
    for pattern, code in ((r"[\uac00-\ud7a3]", "ko"), (r"[\u3040-\u30ff]", "ja"),
                          (r"[\u4e00-\u9fff]", "zh"), (r"[\u0400-\u04ff]", "ru"),
                          (r"[\u0600-\u06ff]", "ar"), (r"[\u0590-\u05ff]", "he")):
        if len(re.findall(pattern, sample)) > 20:
            return code
    return "en" if len(_WORDS_EN.findall(sample.lower())) > 15 else None


def _page_info(tree: lxml.html.HtmlElement, url: str, meta: dict[str, str],
               language: str | None, timezone: str | None,
               fetched_at: datetime | None) -> _Page:
    host = (urlsplit(url).hostname or "") if url else ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    lang = (language or _guess_language(tree, meta) or "").lower()
    region = (tree.get("lang") or meta.get("og:locale") or "").replace("_", "-").lower()
    in_path = _URL_LOCALE.match(urlsplit(url).path if url else "")
    if in_path and (not region or "-" not in region):
        region = f"{in_path.group(1)}-{in_path.group(2)}".lower()
    if "-" in region and region.split("-")[0] == lang:
        tld = region.split("-")[1][:2].replace("gb", "uk") or tld
    sample = normalize_digits(_text_sample(tree))
    dmy, mdy = numeric_order_votes(sample)
    if dmy != mdy:
        day_first = dmy > mdy
    else:
        american = (timezone or "").startswith("America/") or tld in {"us", "gov", "edu", "mil"}
        day_first = not (lang == "en" and (american or tld not in _COMMONWEALTH))
    zone = _zoneinfo(timezone)
    fetched = None
    now_local = None
    if fetched_at is not None:
        fetched = (fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC))
        fetched = fetched.astimezone(UTC)
        now_local = fetched.astimezone(zone).replace(tzinfo=None) if zone else fetched.replace(
            tzinfo=None)
    return _Page(f"{lang} {tld}", day_first, zone, timezone if zone else None, fetched,
                 now_local)


# --------------------------------------------------------------------------- structured data


def _structured(tree: lxml.html.HtmlElement, meta: dict[str, str], page: _Page) -> list[Cand]:
    out: list[Cand] = []

    def add(value: Any, role: str, source: DateSource, weight: float) -> None:
        if not isinstance(value, str | int) or isinstance(value, bool):
            return
        parsed = parse_machine(str(value), page.context)
        if parsed is not None:
            bonus = 1.5 if parsed.hour is not None else 0.0
            out.append(_cand(parsed, role=role, source=source, family="struct",
                             weight=weight + bonus, raw=str(value)))

    first_article = True
    for obj in jsonld_objects(tree)[:60]:
        types = types_of(obj)
        if types & ARTICLE_TYPES:
            weight = 10.0 if first_article else 6.0
            first_article = False
        elif types & _PAGE_TYPES:
            weight = 7.0
        else:
            continue
        for key in _LD_PUBLISHED:
            add(obj.get(key), "published", "jsonld", weight - (1 if key != "datePublished" else 0))
        add(obj.get("dateModified"), "modified", "jsonld", weight)
    for key, weight in _PUBLISHED_META.items():
        if key in meta:
            add(meta[key], "published", "meta", weight)
    for key, weight in _MODIFIED_META.items():
        if key in meta:
            add(meta[key], "modified", "meta", weight)
    for key, value in meta.items():  # any other dated meta: weak evidence
        if key in _PUBLISHED_META or key in _MODIFIED_META or not _META_DATE_KEY.search(key):
            continue
        if _META_SKIP_KEY.search(key) or len(value) > 40 or not value[:4].isdigit():
            continue
        role = "modified" if _MOD_CLASS.search(key) or "updat" in key else "published"
        add(value, role, "meta", 4.0)
    count = 0
    for el in tree.iterfind(".//*[@itemprop]"):
        prop = (el.get("itemprop") or "").strip()
        role = {"datePublished": "published", "dateCreated": "published",
                "dateModified": "modified", "uploadDate": "published"}.get(prop)
        if role is None:
            continue
        value = el.get("content") or el.get("datetime") or (el.text_content() or "")[:80]
        add(value, role, "microdata", 9.0)
        count += 1
        if count > 20:
            break
    return out


# --------------------------------------------------------------------------- the visible page


def _headline(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> Any:
    """The article's headline element: the h1 closest to the page title, else a titled h2/h3."""
    title = (meta.get("og:title") or tree.findtext(".//title") or "").strip().lower()
    words = set(re.findall(r"\w+", title))
    best = None
    best_score = -1.0
    for level in ("h1", "h2", "h3"):
        for i, head in enumerate(tree.iter(level)):
            if i > 30:
                break
            text = (head.text_content() or "").strip().lower()
            if not text:
                continue
            hw = set(re.findall(r"\w+", text))
            score = len(hw & words) / (len(hw) or 1) if words else 0.0
            if level != "h1":
                titled = bool(re.search(r"title|headline", _class_of(head), re.IGNORECASE))
                if score < 0.6 and not titled:
                    continue
            if score > best_score + 0.05:
                best, best_score = head, score
        if best is not None:
            return best
    return best


def _visible(tree: lxml.html.HtmlElement, meta: dict[str, str], page: _Page) -> list[Cand]:
    body = tree.find("body")
    root = body if body is not None else tree
    headline = _headline(tree, meta)
    keep: set[Any] = set()
    if headline is not None:
        keep.update(headline.iterancestors())
        keep.add(headline)
    parts: list[str] = []
    seg_pos: list[int] = []
    seg_info: list[tuple[bool, int, Any, bool]] = []  # chrome, block id, owner, mention
    block_len: dict[int, int] = {}
    block_start: dict[int, int] = {}
    time_cands: list[Cand] = []
    size = 0
    head_pos = -1
    # stack entries: (chrome, in_article, block id, mention context, skip)
    stack: list[tuple[bool, bool, int, bool, bool]] = [(False, False, 0, False, False)]
    block_counter = 0

    def push_text(text: str | None, owner: Any) -> None:
        nonlocal size
        if not text or size > MAX_TEXT_CHARS:
            return
        chrome, _, block, mention, skip = stack[-1]
        if skip or not text.strip():
            return
        seg_pos.append(size)
        seg_info.append((chrome, block, owner, mention))
        block_start.setdefault(block, size)
        parts.append(text)
        parts.append(" ")
        size += len(text) + 1
        block_len[block] = block_len.get(block, 0) + len(text.strip())

    n = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        n += 1
        if n > MAX_ELEMENTS or size > MAX_TEXT_CHARS:
            break
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            chrome, in_article, block, mention, skip = stack[-1]
            if not tag or tag in _SKIP_TAGS:
                stack.append((chrome, in_article, block, mention, True))
                continue
            if el is headline:
                head_pos = size
            cls = _class_of(el)
            if not chrome and el not in keep:
                role_attr = (el.get("role") or "").lower()
                always, page_only = _chrome_class(cls) if cls.strip() else (False, False)
                if (tag == "nav" or role_attr in _CHROME_ROLES or always
                        or (not in_article and (tag in _PAGE_CHROME_TAGS or page_only))):
                    chrome = True
            if (tag in ("article", "main") or _ARTICLE_CLASS.search(cls)
                    or (el.get("itemprop") or "") in ("articleBody", "blogPost")):
                in_article = True
            if tag in _BLOCK_TAGS:
                block_counter += 1
                block = block_counter
            stack.append((chrome, in_article, block, mention or tag in _MENTION_TAGS, False))
            if tag == "time" and not chrome:
                value = el.get("datetime") or el.get("data-datetime")
                parsed = parse_machine(value, page.context) if value else None
                if parsed is not None:
                    cand = _cand(parsed, role=_role_from_classes(el), source="time",
                                 family="visible", weight=6.0, raw=value or "", pos=size)
                    time_cands.append(cand)
            push_text(el.text, el)
        else:
            stack.pop()
            if len(stack) > 1 or tag:
                parent = el.getparent()
                push_text(el.tail, parent if parent is not None else el)
    full = normalize_digits("".join(parts))
    cands = list(time_cands)
    default_year = page.now_local.year if page.now_local else None
    import bisect

    def seg_of(pos: int) -> int:
        return max(0, bisect.bisect_right(seg_pos, pos) - 1)

    prev_end = 0
    for parsed in find_dates(full, day_first=page.day_first, context=page.context,
                             default_year=default_year):
        if len(cands) > MAX_CANDIDATES:
            break
        idx = seg_of(parsed.start)
        chrome, block, owner, mention = seg_info[idx] if seg_info else (False, 0, None, False)
        if chrome:
            prev_end = parsed.end
            continue
        if parsed.yearless and page.now_local is not None and parsed.day > (
                page.now_local.date() + timedelta(days=1)):
            try:
                parsed = replace(parsed, day=parsed.day.replace(year=parsed.day.year - 1))
            except ValueError:
                continue
        label = full[max(prev_end, parsed.start - 60):parsed.start]
        role = _role_from_label(label)
        if role == "any" and owner is not None:
            role = _role_from_classes(owner)
        raw = full[parsed.start:parsed.end]
        weight = 4.0
        words_before = full[block_start.get(block, parsed.start):parsed.start].count(" ")
        blen = block_len.get(block, 0)
        if (mention and (words_before > 3 or blen > 120)) or blen > 250 or words_before > 14:
            weight = 1.0  # a mention inside running prose, a caption or a quote
        elif owner is not None and _DATEISH_CLASS.search(_class_of(owner)):
            weight += 1.5
        cand = _cand(parsed, role=role, source="text", family="visible", weight=weight,
                     raw=raw, pos=parsed.start)
        if parsed.numeric_ambiguous:
            cand.weight -= 0.5
        if parsed.yearless:
            cand.weight -= 1.0
        if role == "published" and weight > 1:
            cand.weight += 2.0
        cands.append(cand)
        prev_end = parsed.end
    if page.now_local is not None:
        for when, has_time, start, end in find_relative(full[:MAX_TEXT_CHARS], page.now_local):
            idx = seg_of(start)
            if seg_info and seg_info[idx][0]:
                continue
            value = when.replace(second=0, microsecond=0)
            if not has_time:
                value = value.replace(hour=0, minute=0)
            cands.append(Cand(value, has_time, False, None, None, "any", "text", "visible",
                              2.5, full[start:end], start))
            if len(cands) > MAX_CANDIDATES:
                break
    _place(cands, head_pos)
    return cands


def _role_from_label(label: str) -> str:
    upd = None
    for m in UPDATED_WORDS.finditer(label):
        upd = m.end()
    pub = None
    for m in PUBLISHED_WORDS.finditer(label):
        pub = m.end()
    if upd is None and pub is None:
        return "any"
    if pub is None or (upd is not None and upd > pub):
        return "modified"
    return "published"


def _role_from_classes(el: Any) -> str:
    node = el
    for _ in range(3):
        if node is None:
            break
        cls = f"{_class_of(node)} {node.get('itemprop') or ''}"
        if _MOD_CLASS.search(cls):
            return "modified"
        if _PUB_CLASS.search(cls) or node.get("pubdate") is not None:
            return "published"
        node = node.getparent()
    return "any"


def _place(cands: list[Cand], head_pos: int) -> None:
    """Weigh visible dates by their distance to the headline."""
    if head_pos < 0:
        return
    for c in cands:
        d = c.pos - head_pos
        if c.weight < 2:
            continue  # a mention in prose stays a mention wherever it is
        if 0 <= d <= NEAR_AFTER:
            c.weight += 5.0 * (1 - d / NEAR_AFTER) + 1.0
            c.near = True
        elif -NEAR_BEFORE <= d < 0:
            c.weight += 3.0 * (1 + d / NEAR_BEFORE) + 0.5
            c.near = True
        elif d < -NEAR_BEFORE and c.role == "any":
            c.weight -= 2.0
    # two unlabelled timestamps side by side in the byline: the later one is an update
    near_any = sorted((c for c in cands if c.near and c.role == "any" and c.weight > 2
                       and c.has_time and c.source == "text"), key=lambda c: c.pos)
    for a, b in zip(near_any, near_any[1:], strict=False):
        if 0 < b.pos - a.pos < 150:
            later = b if b.when > a.when else a if a.when > b.when else None
            if later is not None:
                later.role = "modified_or_any"


# --------------------------------------------------------------------------- URL and hints


def _url_cands(url: str) -> tuple[list[Cand], tuple[int, int] | None]:
    path = urlsplit(url).path if url else ""
    out: list[Cand] = []
    for m in _URL_DATE.finditer(path):
        sep = m.group(2)
        if not sep and len(m.group(0)) != 8:
            continue
        try:
            day = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
        out.append(Cand(datetime(day.year, day.month, day.day), False, False, None, None,
                        "published", "url", "url", 3.0, m.group(0)))
        break
    if not out:
        for m in _URL_DMY.finditer(path):
            try:
                day = date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
            except ValueError:
                continue
            out.append(Cand(datetime(day.year, day.month, day.day), False, False, None, None,
                            "published", "url", "url", 3.0, m.group(0)))
            break
    month = _URL_MONTH.search(path)
    return out, (int(month.group(1)), int(month.group(2))) if month else None


def _hint_cands(hints: Sequence[DateHint], page: _Page) -> list[Cand]:
    out: list[Cand] = []
    for hint in list(hints)[:10]:
        parsed = parse_machine(hint.value or "", page.context)
        if parsed is not None:
            out.append(_cand(parsed, role=hint.role, source=hint.source, family="hint",
                             weight=3.5, raw=hint.value))
    return out


# --------------------------------------------------------------------------- the decision


def _possible(c: Cand, page: _Page) -> bool:
    if not 1990 <= c.day.year <= 2099:
        return False
    if page.fetched is None or page.now_local is None:
        return True
    inst = c.instant()
    if inst is not None:
        return inst <= page.fetched + timedelta(minutes=5)
    return c.when <= page.now_local + timedelta(days=1)


def _agree(a: Cand, b: Cand) -> bool:
    if a.day == b.day:
        return True
    ia, ib = a.instant(), b.instant()
    if ia is not None and ib is not None:
        return ia.date() == ib.date() or abs(ia - ib) < timedelta(minutes=1)
    if a.has_time and b.has_time:
        return abs(a.when - b.when) <= timedelta(hours=14)
    return False


def _same_clock(a: Cand, b: Cand) -> bool:
    return a.has_time and b.has_time and a.clock() == b.clock()


def _offset_of(zone: ZoneInfo, when: datetime) -> int:
    aware = localize(when, zone)
    off = aware.utcoffset()
    return int(off.total_seconds() // 60) if off is not None else 0


def _best(cands: list[Cand], url_month: tuple[int, int] | None) -> Cand | None:
    best = None
    best_key: tuple[float, float, int] = (-1e9, -1e9, 0)
    by_family: dict[str, list[Cand]] = {}
    for c in cands:
        by_family.setdefault(c.family, []).append(c)
    # each family votes once: only its strongest members (within 1.5 of its best) lend support
    voters = {f: [d for d in m if d.weight >= max(x.weight for x in m) - 1.5]
              for f, m in by_family.items()}
    for c in cands:
        score = c.weight
        for family, members in voters.items():
            if family == c.family:
                continue
            support = max((d.weight for d in members if _agree(c, d)), default=0.0)
            score += 0.6 * support
        if url_month and (c.day.year, c.day.month) == url_month:
            score += 1.0
        key = (score, c.weight, -c.pos if c.pos >= 0 else 0)
        if key > best_key:
            best, best_key = c, key
    return best


def _same_moment(a: Cand, b: Cand) -> bool:
    """Two timed candidates naming one moment: same instant, same wall clock, or a zone-less
    wall clock that differs from the other's UTC instant by a plausible offset."""
    if not (a.has_time and b.has_time):
        return False
    if _same_clock(a, b):
        return True
    ia, ib = a.instant(), b.instant()
    if ia is not None and ib is not None:
        return abs(ia - ib) < timedelta(minutes=1)
    if ia is None and ib is None:
        return False
    naive, inst = (a, ib) if ia is None else (b, ia)
    other = b if ia is None else a
    assert inst is not None
    if naive.has_seconds and other.has_seconds and naive.when.second != other.when.second:
        return False
    diff = naive.when.replace(second=0) - inst.replace(tzinfo=None, second=0)
    minutes = int(diff.total_seconds() // 60)
    return minutes % 15 == 0 and abs(minutes) <= 14 * 60


def _represent(winner: Cand, cands: list[Cand], page: _Page) -> Cand:
    """The most precise consistent representation of the winning moment (rule 5)."""
    anchors = [c for c in cands if c.family == "struct" and c.role == "published"
               and c.has_time and _agree(c, winner)]
    if anchors:
        winner = max(anchors, key=lambda c: c.weight)
    consistent = [
        c for c in cands
        if c is winner
        or (winner.has_time and _same_moment(winner, c))
        or (not winner.has_time and c.day == winner.day)
    ]
    timed = [c for c in consistent if c.has_time]
    if not timed:
        return winner
    struct_off = [c for c in timed if c.family == "struct" and c.offset is not None]
    vis_off = [c for c in timed if c.family == "visible" and c.offset is not None]
    vis_naive = [c for c in timed if c.family == "visible" and c.offset is None]
    if struct_off:
        s = max(struct_off, key=lambda c: c.weight)
        for v in sorted(vis_off, key=lambda c: -c.weight):
            if _same_clock(s, v) and v.offset != s.offset and v.source == "text":
                return v
        if page.zone is not None:
            for v in vis_naive:
                if _same_clock(s, v) and _offset_of(page.zone, s.when) != s.offset:
                    return replace(v, offset=None, zone=None)
        s_inst = s.instant()
        if s.offset == 0 and s_inst is not None:
            # rule 5: a UTC stamp whose calendar day differs from the page's own local view
            for v in sorted(timed, key=lambda c: -c.weight):
                inst = v.instant()
                if (v.offset and inst is not None and abs(inst - s_inst) < timedelta(minutes=1)
                        and v.day != s.day):
                    return replace(s, when=s.when + timedelta(minutes=v.offset),
                                   offset=v.offset, zone=v.zone)
        return s
    if vis_off:
        return max(vis_off, key=lambda c: c.weight)
    hint_off = [c for c in timed if c.family == "hint" and c.offset is not None]
    if hint_off:
        return max(hint_off, key=lambda c: c.weight)
    naive = max(timed, key=lambda c: (c.family == "struct", c.weight))
    if naive.family == "struct" and page.zone is not None:
        # rule 5: a zone-less structured time equal to the byline's time in UTC was UTC
        for v in cands:
            if v.family == "visible" and v.has_time and v.offset is None and v.near:
                local = localize(v.when, page.zone)
                utc = local.astimezone(UTC).replace(tzinfo=None)
                if utc.replace(second=0) == naive.when.replace(second=0) and v.when != naive.when:
                    return v
    if page.zone is None:
        for other in cands:
            inst = other.instant()
            if other.family in ("struct", "hint") and inst is not None and other.role in (
                    "published", naive.role):
                diff = naive.when.replace(second=0) - inst.replace(tzinfo=None, second=0)
                minutes = int(diff.total_seconds() // 60)
                if minutes % 15 == 0 and abs(minutes) <= 14 * 60 and abs(
                        (naive.day - other.day).days) <= 1:
                    return replace(naive, offset=minutes, zone=None)
    return naive


def _value(c: Cand, page: _Page) -> DateValue:
    if not c.has_time:
        return DateValue(c.day.isoformat(), None, None, None, "date", c.source, c.raw)
    when, offset, zone = c.when, c.offset, c.zone
    if offset is None and page.zone is not None:
        aware = localize(when, page.zone)
        when = aware.replace(tzinfo=None)
        offset = _offset_of(page.zone, c.when)
        zone = page.zone_name
    elif offset is not None and zone is None and page.zone is not None:
        inst = (when - timedelta(minutes=offset)).replace(tzinfo=UTC)
        real = inst.astimezone(page.zone).utcoffset()
        if real is not None and int(real.total_seconds() // 60) == offset:
            zone = page.zone_name
    precision = "second" if c.has_seconds else "minute"
    local = when.replace(microsecond=0).isoformat()
    if offset is None:
        return DateValue(local, None, None, None, precision, c.source, c.raw)
    sign = "-" if offset < 0 else "+"
    off_text = f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    utc = (when - timedelta(minutes=offset)).replace(microsecond=0)
    return DateValue(local + off_text, utc.isoformat() + "Z", off_text, zone, precision,
                     c.source, c.raw)


def _not_before(mod: Cand, pub: Cand) -> bool:
    a, b = mod.instant(), pub.instant()
    if a is not None and b is not None:
        return a >= b
    if mod.has_time and pub.has_time and (mod.offset is None) == (pub.offset is None):
        return mod.when >= pub.when
    return mod.day >= pub.day


def _decide(cands: list[Cand], url_month: tuple[int, int] | None,
            page: _Page) -> tuple[Cand | None, Cand | None]:
    cands = [c for c in cands if _possible(c, page)]
    if page.fetched is not None:
        for c in cands:
            inst = c.instant()
            if c.family == "struct" and inst is not None and abs(
                    inst - page.fetched) < timedelta(minutes=10):
                c.weight = min(c.weight, 3.0)  # rule 3: a render-time stamp
    pub_pool = [c for c in cands if c.role in ("published", "any", "modified_or_any")]
    for c in pub_pool:
        if c.role == "modified_or_any":
            c.weight -= 3.0
    winner = _best(pub_pool, url_month)
    published = _represent(winner, pub_pool, page) if winner else None
    mod_pool = [c for c in cands if c.role in ("modified", "modified_or_any")]
    if published is not None:
        mod_pool = [c for c in mod_pool if _not_before(c, published)]
    mod_winner = _best(mod_pool, None)
    modified = _represent(mod_winner, mod_pool, page) if mod_winner else None
    return published, modified


def extract_dates(
    tree: lxml.html.HtmlElement,
    url: str,
    *,
    fetched_at: datetime | None = None,
    timezone: str | None = None,
    language: str | None = None,
    hints: Sequence[DateHint] = (),
) -> ExtractedDates:
    """Decide the page's publish and modified timestamps (see the decision rules above)."""
    try:
        meta = meta_values(tree)
        page = _page_info(tree, url, meta, language, timezone, fetched_at)
        cands = _structured(tree, meta, page)
        cands += _visible(tree, meta, page)
        url_cands, url_month = _url_cands(url)
        cands += url_cands + _hint_cands(hints, page)
        pub, mod = _decide(cands, url_month, page)
        return ExtractedDates(_value(pub, page) if pub else None,
                              _value(mod, page) if mod else None)
    except (ValueError, TypeError, OverflowError, RecursionError, AttributeError):
        return ExtractedDates(None, None)

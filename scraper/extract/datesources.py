"""Date candidates outside the visible text: JSON-LD, meta tags, microdata, inline script
state, the URL, and the feed or sitemap entries the crawl found the page in."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from .datecands import Cand, PageInfo, _cand
from .dateplaces import _MOD_CLASS, _title_text
from .datetext import find_dates, normalize_digits, parse_machine
from .embedded import other_content
from .jsonld import ARTICLE_TYPES, jsonld_objects, types_of
from .model import DateHint, DateSource

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
                            r"|image|width|height|duration|tz|zone|format"
                            # the moment the page was served or built, not written
                            # ("confluence-request-time", "build-time", "cache-date")
                            r"|(?<![a-z])(?:request|fetch|crawl|render|cache|build|served"
                            r"|server)",  # (not "observer:publish_date")
                            re.IGNORECASE)

_LD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")

_PAGE_TYPES = {"WebPage", "ItemPage", "AboutPage", "CollectionPage", "MediaObject",
               "VideoObject", "ImageObject", "Event", "Recipe", "Product", "QAPage", "HowTo",
               "Review", "CreativeWork", "AudioObject", "PodcastEpisode", "Book", "Course",
               "Guide", "Dataset", "Thing"}

# publish keys of a page's inline JSON state (not JSON-LD), with a string value or a Unix time
# in seconds or milliseconds (Omni's "published":1712641680000); a headless WordPress's
# "post_date_gmt" (its "post_date" is a wall clock in no stated zone)
_SCRIPT_KEYS = (r"datePublished|publishedDate|publishDate|published_at|publishedAt|firstPublishedAt"
                r"|publicationDate|pubDate|post_date_gmt|date_gmt|publishedTime|publishTime"
                r"|publish_time|dateCreated|createdAt|created_at|published"
                # Arc XP's Fusion.globalContent: "first_publish_date" (its "publish_date" is the
                # latest republication)
                r"|first_publish_date")
_SCRIPT_VALUE = r'\s*:\s*(?:"(?P<value>[^"]{8,40})"|(?P<epoch>1\d{9}(?:\d{3})?)(?![\d.]))'
_SCRIPT_DATE = re.compile(r'"(?P<key>' + _SCRIPT_KEYS + r')"' + _SCRIPT_VALUE)
# ... and bare, as in the JavaScript object of Nuxt's payload ("__NUXT__={…,publishedAt:
# "2024-06-12T23:05:00.000Z"", read only there: a pattern without the quote to start from
# costs twenty times as much)
_SCRIPT_DATE_BARE = re.compile(r'(?<![\w$.])"?(?P<key>' + _SCRIPT_KEYS + r')"?' + _SCRIPT_VALUE)

# a short inline script that prints a stamp where it stands: udn's
# <script>showDate("2020/04/17 01:43:09")</script>, document.write("2020-04-17 01:43")
# (a function that prints a date, or document.write: not a header clock's "showTime(…)" or
# "serverDate(…)" printing the server's now, a quote widget's "writeQuoteTime(…)", a countdown's
# "CountDownTimer(…)", "countUpFromDate(…)" nor an offer's "setExpireDate(…)")
_RENDER_CALL = re.compile(
    r"(?<![\w.])(?:document\.write(?:ln)?|(?:show|write|print|display|put|out)_?[dD]ate)\s*\("
    r"\s*[\"'](\d{4}[/.-]\d{1,2}[/.-]\d{1,2}[ T]\d{1,2}:\d\d(?::\d\d)?)")

_MAX_RENDER_SCRIPT = 300

_NOT_WORKS = {"Comment", "Answer", "Person", "Organization", "NewsMediaOrganization"}

_SCRIPT_CREATED = {"dateCreated", "createdAt", "created_at"}

_MAX_SCRIPT_CHARS = 300_000

_TRAILING_COMMA = re.compile(r",\s*([}\]])")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2]|[1-9])\2(0[1-9]|[12]\d|3[01]|[1-9])(?!\d)"
)

_ID_PREFIX = re.compile(r"/\d{1,3}-$")  # (an id's short first number: "/a/74-", no year's "2024-")
_URL_DMY = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])([-_.])(0[1-9]|1[0-2])\2((?:19|20)\d{2})(?!\d)")

_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")

_URL_YM_D = re.compile(r"/((?:19|20)\d{2})-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")



def structured_candidates(
    tree: lxml.html.HtmlElement, meta: dict[str, str], page: PageInfo,
    objects: list[dict[str, Any]] | None = None,
) -> list[Cand]:
    """Dates of JSON-LD objects, ``<meta>`` tags and a date appended to the page title
    (``objects``: jsonld_objects(tree), when the caller has them)."""
    out: list[Cand] = []

    def add(value: Any, role: str, source: DateSource, weight: float) -> None:
        if not isinstance(value, str | int) or isinstance(value, bool):
            return
        parsed = parse_machine(str(value), page.context, day_first=page.day_first)
        if parsed is not None:
            bonus = 1.5 if parsed.hour is not None else 0.0
            out.append(_cand(parsed, role=role, source=source, family="struct",
                             weight=weight + bonus, raw=str(value)))

    first_article = True
    for obj in (jsonld_objects(tree) if objects is None else objects)[:60]:
        types = types_of(obj)
        if types & ARTICLE_TYPES:
            weight = 10.0 if first_article else 6.0
            first_article = False
        elif types & _PAGE_TYPES:
            weight = 7.0
        elif "datePublished" in obj and not types & _NOT_WORKS:
            weight = 5.0
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
    for title in (meta.get("og:title"), _title_text(tree)):
        # a date the site appends to its titles ("Headline | Site | 28.04.2023"), not one
        # that is part of the headline itself
        text = normalize_digits((title or "").strip()[:300])
        for parsed in find_dates(text, day_first=page.day_first, context=page.context):
            before, after = text[:parsed.start].rstrip(), text[parsed.end:].strip()
            if (not after and before[-1:] in "|-–—·:/") or (not before and after[:1] in "|-–—·:"):
                out.append(_cand(parsed, role="any", source="meta", family="struct",
                                 weight=6.0, raw=title or ""))
                break
    if not any(c.role == "published" for c in out):
        out += _script_candidates(tree, page)
    for key in ("og:image", "twitter:image"):
        # an upload path like /files/2016/05/04/x.png: a weak last resort
        cands, _ = url_candidates(meta.get(key) or "")
        out += [replace(c, role="any", source="meta", family="image", weight=0.5)
                for c in cands]
    return out



def _broken_jsonld(text: str) -> bool:
    """A JSON-LD block that does not parse even leniently (its objects were never read)."""
    body = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        json.loads(_TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", body)), strict=False)
    except (ValueError, RecursionError):
        return True
    return False



_MAX_SCRIPT_KEYS = 20  # publish keys of one script tried: the first not in another story's data
# a string literal (an unclosed one runs to the end), a bare key (a JavaScript object's) or a
# bracket
_STATE_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"?|(?<![\w$.])[A-Za-z_$][\w$]*+(?=\s*:)|[\[\]{}]')
_KEY_COLON = re.compile(r"\s*:")


def _own_key(pattern: re.Pattern[str], text: str, first: re.Match[str]) -> re.Match[str] | None:
    """The first of a script's publish keys (from ``first`` on, up to _MAX_SCRIPT_KEYS) that no
    open JSON object or list named for other content holds: a "publishTime" under "related"
    is another story's. One scan of the tokens up to it, keeping the keys of the containers
    still open."""
    stack: list[str | None] = []
    key: str | None = None
    at = 0
    for m in itertools.islice(pattern.finditer(text, first.start(), _MAX_SCRIPT_CHARS),
                              _MAX_SCRIPT_KEYS):
        for token in _STATE_TOKEN.finditer(text, at, m.start()):
            char = token.group()[0]
            if char == '"':
                key = token.group()[1:-1] if _KEY_COLON.match(text, token.end()) else None
            elif char not in "[]{}":
                key = token.group()
            elif char in "[{":
                stack.append(key)
                key = None
            elif stack:
                stack.pop()
        at = m.start()
        if not any(map(other_content, stack)):
            return m
    return None


def _epoch_iso(value: str) -> str:
    """A Unix time in seconds or milliseconds as an ISO 8601 UTC stamp."""
    seconds = int(value) / 1000 if len(value) > 10 else int(value)
    return datetime.fromtimestamp(seconds, UTC).isoformat()


def _script_candidates(tree: lxml.html.HtmlElement, page: PageInfo) -> list[Cand]:
    """The first publish date of the page's inline JSON state (``"publishedDate": ...``,
    ``"created_at": ...`` in a non-JSON-LD script), when no structured data names one. A
    JSON-LD block too broken to parse (an extra brace) is read the same way, with the weight
    of a JSON-LD page object. Failing both, a short script that prints a day and a clock
    where it stands (``<script>showDate("2020/04/17 01:43:09")</script>``) is a weak one."""
    seen = 0
    rendered: str | None = None
    for script in tree.iter("script"):
        kind = (script.get("type") or "").lower()
        text = script.text
        if not text or seen > _MAX_SCRIPT_CHARS:
            continue
        seen += len(text)
        pattern = _SCRIPT_DATE_BARE if "__NUXT__" in text else _SCRIPT_DATE
        first = pattern.search(text, 0, _MAX_SCRIPT_CHARS)
        if first is None:
            if rendered is None and len(text) <= _MAX_RENDER_SCRIPT and not kind:
                call = _RENDER_CALL.search(text)
                rendered = call.group(1) if call else None
            continue
        is_ld = "ld+json" in kind
        if is_ld and not _broken_jsonld(text):
            continue  # read as JSON-LD already
        m = _own_key(pattern, text, first)
        if m is None:
            continue
        raw = m.group("value") or _epoch_iso(m.group("epoch"))
        parsed = parse_machine(raw, page.context, day_first=page.day_first)
        if parsed is None:
            continue
        if m.group("key").endswith("_gmt") and parsed.offset is None and parsed.hour is not None:
            parsed = replace(parsed, offset=0)  # WordPress's "2024-03-12 18:05:00" in UTC
        weight = 7.5 if is_ld else 2.5 if m.group("key") in _SCRIPT_CREATED else 3.5
        return [_cand(parsed, role="published", source="jsonld" if is_ld else "meta",
                      family="script", weight=weight + (parsed.hour is not None) * 0.5,
                      raw=m.group("value") or m.group("epoch"))]
    parsed = parse_machine(rendered, page.context, day_first=page.day_first) if rendered else None
    if parsed is None or rendered is None or (page.now_local is not None and (
            page.now_local.date() - parsed.day) < timedelta(days=2)):
        return []  # (nor a stamp of the fetch's day or the day before: the clock of the page's
        # rendering, in a zone the crawler does not know)
    return [_cand(parsed, role="any", source="text", family="script", weight=2.0, raw=rendered)]



def url_candidates(url: str) -> tuple[list[Cand], tuple[int, int] | None]:
    """The day written in the URL path (/2021/07/22/, 2021-07-22, 20210722, 22-07-2021) and
    the year/month of a /2021/07/ path, which lends a little support to dates of that month."""
    path = urlsplit(url).path if url else ""
    out: list[Cand] = []
    for m in _URL_DATE.finditer(path):
        sep = m.group(2)
        if not sep and (len(m.group(0)) != 8 or _ID_PREFIX.search(path, 0, m.start())):
            continue  # (nor an id's second number: Yle's "/a/74-20070123")
        if sep == "/" and path[m.end():m.end() + 1] not in ("", "/", ".", "_"):
            continue  # /2023/10/3-questions: the "3" starts a slug
        parts = (m.group(1), m.group(3), m.group(4))
        if m.group(0) == "20090101" and "newsml" in path[max(0, m.start() - 30):m.start()].lower():
            # a dpa URN ("urn-newsml-dpa-com-20090101-250314-99-123456") starts with a fixed
            # 20090101; the story's day follows it as YYMMDD
            code = _URN_DAY.match(path, m.end())
            if code is None:
                continue
            parts = ("20" + code.group(1), code.group(2), code.group(3))
        try:
            day = date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            continue
        out.append(Cand(datetime(day.year, day.month, day.day), False, False, None, None,
                        "published", "url", "url", 3.0, m.group(0)))
        break
    if not out:
        for m in itertools.chain(_URL_YM_D.finditer(path), _URL_DMY.finditer(path)):
            parts = (m.group(1), m.group(2), m.group(3)) if m.re is _URL_YM_D else (
                m.group(4), m.group(3), m.group(1))
            try:
                day = date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                continue
            out.append(Cand(datetime(day.year, day.month, day.day), False, False, None, None,
                            "published", "url", "url", 3.0, m.group(0)))
            break
    month = _URL_MONTH.search(path)
    return out, (int(month.group(1)), int(month.group(2))) if month else None



_URN_DAY = re.compile(r"[-:](\d\d)(\d\d)(\d\d)[-:]")


def hint_candidates(hints: Sequence[DateHint], page: PageInfo) -> list[Cand]:
    """Feed and sitemap dates the crawler knew (ISO 8601 or RFC 822)."""
    out: list[Cand] = []
    for hint in list(hints)[:10]:
        parsed = parse_machine(hint.value or "", page.context)
        if parsed is not None:
            out.append(_cand(parsed, role=hint.role, source=hint.source, family="hint",
                             weight=3.5, raw=hint.value))
    return out

"""Date candidates of one page in its visible text, weighed by their place (headline, byline, chrome)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html
from lxml import etree

from .dateteasers import (
    _HREF_END,
    MAX_SELF_LINKS,
    _address_tail,
    _class_of,
    _links_to,
    _list_of,
    _page_key,
    _self_addresses,
    _self_teasers,
    _teaser_of,
)
from .datetext import (
    ACCESS_WORDS,
    BYLINE_LEAD_WORDS,
    CJK_PUBLISHED_AFTER,
    CJK_UPDATED_AFTER,
    DOCUMENT_WORDS,
    EMBARGO_WORDS,
    LABEL_STEMS,
    PROFILE_WORDS,
    PUBLISHED_WORDS,
    RANGE_END,
    RANGE_GAP,
    RELATIVE_RE,
    UPDATED_WORDS,
    VALIDITY_WORDS,
    WEEKDAY_BEFORE,
    Parsed,
    ascii_stems,
    digit_windows,
    find_dates,
    find_day_words,
    find_relative,
    lacks_stems,
    normalize_digits,
    numeric_dates,
    numeric_order_votes,
    parse_machine,
    to_24h,
)
from .html import short_text
from .model import DateSource

MAX_TEXT_CHARS = 100_000
MAX_ELEMENTS = 150_000
CUT_MARGIN = 40  # a date ending this close to where the text cap cut a piece is not read
MAX_CANDIDATES = 400
MAX_TIME_ELEMENTS = 150
MAX_MICRO_VALUES = 40  # itemprop date values collected in the walk ...
MAX_MICRO_DATES = 20  # ... of which this many readable ones are kept
AFTER_HEADLINE_CHARS = 30_000  # text read past the headline; the byline is near it
NEAR_AFTER = 1200  # characters after the headline that still count as its byline area
NEAR_BEFORE = 400

_ITEMPROP_ROLES = {"datePublished": "published", "dateCreated": "published",
                   "dateModified": "modified", "uploadDate": "published"}
# RDFa in the page's body, read like microdata: Drupal 7's '<span property="dc:date
# dc:created" content="2024-03-12T18:05:00-04:00" datatype="xsd:dateTime">'
_RDFA_ROLES = {"dc:created": "published", "dcterms:created": "published",
               "dc:issued": "published", "dcterms:issued": "published",
               "schema:datePublished": "published", "dc:modified": "modified",
               "dcterms:modified": "modified", "schema:dateModified": "modified"}

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "select", "option", "head",
              "iframe", "textarea", "button", "math"}
_BLOCK_TAGS = {"p", "div", "li", "td", "th", "section", "article", "blockquote", "dd", "dt",
               "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "main",
               "figure", "figcaption", "ul", "ol", "table", "tr", "body", "span", "time"}
_HARD_TAGS = _BLOCK_TAGS - {"span", "time"}
_PAGE_CHROME_TAGS = {"header", "footer", "aside"}
_LIST_HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6"}
_BOLD_TAGS = {"b", "strong"}
_LIST_HEADING = re.compile(  # the heading of a box of other stories or of comments
    r"(?:related|latest|more (?:news|stories|from|on|coverage|articles|in|to read)|most (?:read"
    r"|popular|viewed|shared)|recommended|see also|also read|read more|you may also like"
    r"|top stories|trending|popular|comments?\b|\d+ comments?|weitere|mehr (?:zum thema|aus|news)"
    r"|meistgelesen|lesen sie auch|das könnte|kommentare|à lire aussi|lire aussi|les plus lus"
    r"|commentaires|relacionad|más leíd|lo más|comentarios|leia também|mais lidas"
    r"|коментари|комментарии|коментарі|komentari|komentarze|kommentarer|kommentit|σχόλια|yorumlar"
    r"|comentarii|meer nieuws|ander nieuws|gerelateerd"
    r"|potrebbe interessarti|più lett|leggi anche|читайте также|похожие|ещё по теме"
    r"|ilgili haberler|en çok okunan|czytaj także|zobacz też|najczęściej|baca juga"
    r"|berita terkait|terpopuler|相关|推荐|热门|関連|人気|관련|많이 본|اقرأ أيضا|الأكثر"
    # ranking boxes and related lists in more of the big news markets' languages
    r"|ランキング|おすすめ|注目の記事|注目記事|注目ニュース|ピックアップ|相關|推薦|熱門|排行|인기|추천"
    r"|新着情報|新着記事|最新情報|最新記事|最新ニュース|最新新闻|最新消息|최신 ?뉴스|최신 ?기사"
    r"|많이 읽은|xem nhiều|đọc nhiều|tin liên quan"
    r"|הכי נקראים|כתבות נוספות|पढ़ी गई|यह भी पढ़ें|সর্বাধিক পঠিত|আরও পড়ুন|پربازدید|پربیننده"
    r"|مطالب مرتبط|زیادہ پڑھی|ยอดนิยม|ข่าวที่เกี่ยวข้อง|paling banyak dibaca|berita populer"
    # (these only as the whole heading: "Главное — вовремя обратиться к врачу" is a section)
    # ("Aktuelles" and "Главное" also head a news section's page or an article's key points)
    r"|(?:aktualności|najnowsze|lo último|últimas noticias|ultime notizie"
    r"|dernières (?:infos|actualités|nouvelles)|самое читаемое|последние новости"
    r"|популярное|популярные(?: материалы| новости| статьи)?|популярні(?: новини)?"
    # WordPress's "Recent Posts" widget in its translations, "related" in more languages
    r"|recent posts|posts? recentes|entradas recientes|articoli recenti|ultimi articoli"
    r"|articles récents|neueste beiträge|recente berichten|najnowsze wpisy|свежие записи"
    r"|son yazılar|pos-pos terbaru|artigos recentes|últimos artigos|últimas entradas"
    r"|últimos posts|(?:articoli|notizie|artigos|notícias|matérias) correlat[aeios]+"
    r"|(?:أخبار |مقالات |مواضيع )?ذات صلة|gerelateerd(?: nieuws)?|relaterat|relateret|relaterte"
    r"(?: saker)?|aiheeseen liittyvät|související(?: články)?|kapcsolódó(?: cikkek)?"
    r"|articole similare|схожі новини|читайте також|संबंधित (?:खबरें|ख़बरें|लेख|समाचार)"
    r"|sur le même sujet"
    # "other news"
    r"|other (?:news|stories)|другие (?:новости|материалы)|інші новини|autres actualités"
    r"|otras noticias|altre notizie|outras notícias|inne wiadomości|diğer haberler"
    r"|berita lainnya|tin khác|أخبار أخرى|andere nieuws|andere nachrichten)\s*:?\s*$)",
    re.IGNORECASE,
)
# the next and previous stories' box: a heading only above a link (an article's own section
# may be called "Next article": a help page's on its app's button)
_NEXT_HEADING = re.compile(r"(?:(?:next|previous|older|newer) (?:article|story|post)s?\s*:?\s*$"
                           r"|次の記事|前の記事|다음 기사|이전 기사|下一篇|上一篇|下一则|上一则)",
                           re.IGNORECASE)
NEXT_BOX_CHARS = 300  # a next story's box: its link and date, no paragraph of text
_HEADING_MARKS = " \t\n・■□●○▶▷►»›>|-–—"  # bullets and arrows that lead a box's heading
_CAPTION_LABEL = re.compile(
    r"\s*(?:abbildung|abb\.|bild|foto|fotos|photo|photos|image|picture|credit|grafik|karte"
    r"|illustration|légende|photographie|imagen|immagine|фото)\s*:", re.IGNORECASE)
# a caption's class: "wp-caption-text", "image-caption", German "Bildunterschrift", "Bildtext",
# French "légende", Italian "didascalia", Spanish "pie de foto"
_CAPTION_CLASS = re.compile(r"caption|bildunterschrift|bildtext|l[ée]gende|didascalia"
                            r"|pie-?de-?foto|piefoto", re.IGNORECASE)
_MENTION_TAGS = {"figcaption", "caption", "blockquote", "q", "figure", "table", "pre", "code"}
SCHEDULE_ROWS = 3  # a table's rows with a date each: a schedule's, a list's


def _table_row(owner: Any) -> Any:
    """The row of a table or of a list that holds a date (a cell or an item, or an element in
    it)."""
    for node in itertools.islice(itertools.chain((owner,), owner.iterancestors()), 3):
        if node.tag in ("td", "th"):
            row = node.getparent()
            return row if row is not None and row.tag == "tr" else None
        if node.tag == "li":
            return node
    return None


def _schedule_rows(in_rows: list[tuple[Cand, Any]]) -> None:
    """Unlabelled dates in three rows or more of one table or list are its data (a collection
    schedule, a list of holidays, of meetings or of releases), not the page's stamp: they weigh
    as mentions (and still date a page that has no other date)."""
    rows_of: dict[Any, set[Any]] = {}
    for _, row in in_rows:
        rows_of.setdefault(row.getparent(), set()).add(row)
    for cand, row in in_rows:
        if len(rows_of[row.getparent()]) >= SCHEDULE_ROWS:
            cand.weight = min(cand.weight, 1.0)


_CHROME_ROLES = {"navigation", "complementary", "contentinfo", "banner", "menu", "menubar",
                 "dialog", "alertdialog"}  # (a consent wall's dialog with its policy's date)
_CHROME_WORDS = re.compile(
    r"^(?:sidebar|side-bar|related|recommend\w*|most-?read|most-?popular|popular|latest"
    r"|trending|comments?|commentlist|talkbacks?|disqus|webmentions?|navbar|menu|masthead|topbar"
    # (readers' comments named in the site's language)
    r"|kommentare|commentaires|comentarios|comentarii|komentar[ie]|komentarze|kommentarer|kommentit"
    r"|reacties|yorumlar|gerelateerd"
    r"|top-bar"
    r"|breadcrumbs?"
    r"|newsletter|outbrain|taboola|ticker|more-?stories|read-?more|see-?also|consent|gdpr"
    # a consent platform's box ("cmp-wall", "cmp-app_gdpr", "cmp__banner", id "cmp-root"), not
    # Adobe's Core Components, all named "cmp-…" ("cmp-text", "cmp-title": the article itself
    # on an AEM site), except those that show other pages ("cmp-teaser", "cmp-list")
    r"|cmp(?=$)|cmp[_-]{1,2}(?:wall|banner|popup|app|box|dialog|modal|overlay|consent|notice"
    r"|layer|message|ui|gdpr|root|wrapper)|cmp-(?:teaser|list|carousel)"
    r"|also-?read|dont-?miss|next-?article|prev-?article|site-?header|site-?footer|header-?top"
    r"|cookie|promo|livefeed|rail|carousel|pagination|pager|teaser-?list)"
    r"(?:$|[_-])"
    # a ranking box ("ranking", "ranking-list"), not a listicle's "ranking-article"
    r"|^ranking(?:[_-]?(?:list|box|widget|area|wrap|news))?$"
    r"|[_-](?:sidebar|related|recommend(?:ed|ations?)?|most-?read|popular|latest|trending|comments?|ranking"
    r"|menu|breadcrumbs?|carousel)$",
    re.IGNORECASE,
)
_PAGE_CHROME_WORDS = re.compile(
    r"^(?:header|footer|nav|navigation|site-?nav|page-?header|page-?footer|global-?header"
    r"|global-?footer|main-?header|main-?footer|top-?nav|main-?nav)$", re.IGNORECASE,
)
_NOT_CHROME = re.compile(r"date|time|meta|byline|author|count|link|icon|button|info|stamp",
                         re.IGNORECASE)
_ARTICLE_NAME = re.compile(
    r"^(?:hentry|h-entry|post|entry|article|type-post|blog-post|single-post|post-\d+|post-body"
    r"|entry-content|article-body|story)$", re.IGNORECASE,
)
_ALWAYS, _PAGE, _DATEISH, _ARTICLE = 1, 2, 4, 8
_NAME_PATTERNS = (_ARTICLE_NAME, _NOT_CHROME, _CHROME_WORDS, _PAGE_CHROME_WORDS)
# The same patterns, case-sensitive, for a lower-cased ASCII name (most are): for ASCII text
# that is what IGNORECASE means (the patterns' letters are lower-case ASCII), and the re
# module's case-insensitive matching is ~4 times slower.
_ASCII_NAME_PATTERNS = tuple(re.compile(p.pattern) for p in _NAME_PATTERNS)
# The caches are least-recently-used: a crawl meets new names (ids, per-post classes) all
# the time, and one site's names repeat from page to page.
NAME_CACHE_SIZE = 25_000


CACHED_NAME_CHARS = 200
"""Longer names and class attributes are read each time, not kept: the caches hold at most
NAME_CACHE_SIZE short strings, not pages' worth of giant attributes."""


def _name_bits(name: str) -> int:
    return _cached_name_bits(name) if len(name) <= CACHED_NAME_CHARS else _read_name_bits(name)


def _read_name_bits(name: str) -> int:
    if name.isascii():
        article, not_chrome, chrome, page_chrome = _ASCII_NAME_PATTERNS
        name = name.lower()
    else:
        article, not_chrome, chrome, page_chrome = _NAME_PATTERNS
    bits = _ARTICLE if article.search(name) else 0
    if not_chrome.search(name):
        bits |= _DATEISH
    else:
        bits |= (_ALWAYS if chrome.search(name) else 0) | (
            _PAGE if page_chrome.search(name) else 0)
    return bits


_cached_name_bits = functools.lru_cache(maxsize=NAME_CACHE_SIZE)(_read_name_bits)


def class_bits(cls: str) -> int:
    """Chrome/article/date bits of a class attribute, from its whole names (cached)."""
    return _cached_class_bits(cls) if len(cls) <= CACHED_NAME_CHARS else _read_class_bits(cls)


def _read_class_bits(cls: str) -> int:
    bits = 0
    for name in cls.split():
        bits |= _name_bits(name)
    return bits


_cached_class_bits = functools.lru_cache(maxsize=NAME_CACHE_SIZE)(_read_class_bits)


_DATEISH_CLASS = re.compile(
    r"date|time|byline|meta|publish|posted|stamp|dateline|author|info|entry-|post-|article-head"
    r"|datum|fecha|data|zeit", re.IGNORECASE,
)
_AGENDA_BOX = re.compile(r"agenda|termin|whats-?on|event|calendar|schedule|guide|listing|card"
                         r"|discussion|comment|forum|program|airdate|fixture|match", re.IGNORECASE)
_LABEL_CLASS = re.compile(r"label|tab|filter|toggle|nav|menu|picker", re.IGNORECASE)
_DAY_WORD_ALONE = re.compile(r"\s*(?:[^\W\d]+\s*){1,3}[.,:]?\s*")  # "вчера", "hari ini"
# a sentence about the page itself ("This entry was posted on …", "Dieser Beitrag wurde am …")
_SELF_REFERENCE = re.compile(
    r"(?<!\w)(?:the\s+(?:story|post|entry)\s+(?:was|has\s+been)"
    r"|(?:this|these)\s+(?:entry|entries|post|article|story|page|piece|item|report"
    r"|blog)|dies(?:er|es)\s+(?:beitrag|artikel|eintrag|text)|(?:cet|ce)\s+(?:article|billet"
    r"|post)|(?:este|esta)\s+(?:artículo|artigo|entrada|nota|post|texto)|quest[oa]\s+(?:articolo"
    r"|post)|(?:deze?|dit)\s+(?:artikel|bericht)|ten\s+(?:wpis|artykuł)|tento\s+(?:článek|příspěvek)"
    r"|эт[аот]\s+(?:запись|статья|материал|новость)|bu\s+(?:yazı|haber)|appeared in print)(?!\w)"
    r"|本文|该文|此文|本报|本報|この記事"
    r"|이 기사",
    re.IGNORECASE)
# a box of a game, a match or an event ("GameInfo", "match-header__kickoff", "event-date"):
# its day and time are the event's
_EVENT_BOX = re.compile(r"game|match(?!ing)|fixture|kick-?off|venue|event[-_]?(?:date|time|info)"
                        r"|veranstaltung|premi[eè]re|premiéra|vernissage", re.IGNORECASE)
# a list of events, or a match's box, around a date element ("<div class=veranstaltungen-
# teaser-list><span>", "<div class=ficha-jogo><span class=info>… 28 jan, 20h30"), or a share
# price's
_EVENT_LIST = re.compile(r"veranstaltung|events?[-_]?(?:list|teaser|calendar)|scoreboard"
                         r"|match[-_]?(?:info|box|header|card)|(?<![a-z])(?:jogo|partid[oa]"
                         r"|partita|spiel|wedstrijd|mecz)(?![a-z])"
                         # a share price's box and its "as of" stamp ("stock-quote-box")
                         r"|(?<![a-z])(?:stock|share|quote)[-_]?(?:quote|price|box|bar|widget)"
                         r"|market[-_]?data", re.IGNORECASE)
# a class that names a date or a time itself (not a byline's, a post's or an info box's)
_DATE_NAMED = re.compile(r"date|time|stamp|datum|fecha|data|zeit", re.IGNORECASE)
# ... but not a duration's, a live blog entry's or a match's ("video-duration", "entry-time",
# "reading-time", "kickoff-time")
# an element that holds a length alone: '<span class="video-duration">22:47</span>'
_DURATION_WORD = re.compile(r"duration|length|runtime|dauer|laufzeit|dur[ée]e|duraci[oó]n"
                            r"|dura[cç][aã]o|durata|duur|czas", re.IGNORECASE)
_DURATION_CLOCK = re.compile(r"\s*(?:\d{1,2}:)?\d{1,2}:\d\d\s*")
_CLASS_WORDS = re.compile(r"[\s_-]+")
_NOT_STAMP_CLASS = re.compile(r"entry|duration|length|runtime|count|kick|read|lese|match|event|result|score",
                              re.IGNORECASE)


_WRAPPER_TAGS = frozenset({"font", "b", "strong", "i", "em", "small", "span"})


def _stamp_class(el: Any) -> bool:
    """The element's class names a date or a time stamp ("date", "timestamp", "zeit"), not a
    duration, an entry's, a match's or a reading time."""
    cls = _class_of(el)
    return bool(_DATE_NAMED.search(cls)) and not _NOT_STAMP_CLASS.search(cls)


_MOD_CLASS = re.compile(
    r"modif|last-?updat|updated?[-_]?(?:date|time|at|on)|date-?updated|edited|revis|aktualisiert",
    re.IGNORECASE,
)
_HATOM_TOKEN = re.compile(r"(?:^|\s)(?:dt-)?(published|updated)(?=\s|$)", re.IGNORECASE)
# (not WordPress's post-state class on every post's <article>: "status-publish")
_PUB_CLASS = re.compile(r"(?<!status-)publish|posted|created|pubdate|date-?pub|entry-date",
                        re.IGNORECASE)
_URL_LOCALE = re.compile(r"^/([a-z]{2})[-_]([a-z]{2})(?:/|$)", re.IGNORECASE)
_COMMONWEALTH = {"uk", "au", "nz", "ie", "in", "za", "ng", "ke", "pk", "sg", "my", "gh", "ug",
                 "tz", "zw", "na", "ls", "bw", "lk", "bd", "mt", "cy", "jm", "hk", "eu",
                 # the Crown dependencies and Gibraltar, and smaller Commonwealth countries
                 "im", "je", "gg", "gi", "fj", "tt", "bb", "bs", "zm", "mw", "rw", "sl", "gm", "mu",
                 "pg", "gy", "sc", "sz"}
_WORDS_EN = re.compile(r"\b(the|and|of|to|in|is|that|for)\b")
_SCRIPTS = [(re.compile(p), code) for p, code in (
    (r"[\uac00-\ud7a3]", "ko"), (r"[\u3040-\u30ff]", "ja"), (r"[\u4e00-\u9fff]", "zh"),
    (r"[\u0400-\u04ff]", "ru"), (r"[\u0600-\u06ff]", "ar"), (r"[\u0590-\u05ff]", "he"))]


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
    group: str = ""  # tag and classes of the element holding a visible date (list entries)
    inside: bool = False  # a visible date inside a sentence of running prose
    unlabelled: bool = False  # a day without a year, read as its date element's text alone
    dateline: bool = False  # a press release's dateline opening its text (weighed as is)
    then_updated: bool = False  # an update label follows it ("January 19, 2020 / 12:25 PM /
    # Updated 8 hours ago")
    relative: bool = False  # counted from the fetch ("3 hours ago"): its offset is the fetch's
    footer: bool = False  # a footer's "Last updated" line: it only dates a page with no other
    other: bool = False  # another thing's date by its label: a judgment's ("Urteil vom …"), an
    # embargo's lift ("EMBARGOED UNTIL 00:01 GMT 13 March 2024"): never the page's clock

    @property
    def day(self) -> date:
        return self.when.date()

    def instant(self) -> datetime | None:
        if self.offset is None or not self.has_time:
            return None
        return (self.when - timedelta(minutes=self.offset)).replace(tzinfo=UTC)

    def clock(self) -> tuple[date, int, int]:
        return self.day, self.when.hour, self.when.minute


class _Block:
    """A block's own text (not its nested blocks'): where it starts, its length without
    surrounding spaces, its words (up to a few more than a sentence needs) and its last
    piece of text, which tells whether it ends like a sentence: the pieces are joined by a
    space, so a sentence's last word and its stop are always in one piece."""

    __slots__ = ("chars", "last", "start", "words")

    def __init__(self, start: int) -> None:
        self.start = start
        self.chars = 0
        self.words = 0
        self.last = ""


@dataclass
class PageInfo:
    """What the page tells about how to read its dates."""

    context: str  # "lang tld" (and the profile zone) for zone abbreviations
    day_first: bool
    zone: ZoneInfo | None
    zone_name: str | None
    fetched: datetime | None  # aware UTC
    now_local: datetime | None  # fetched_at as a wall clock in the site's zone (naive)
    lang: str = ""
    tld: str = ""
    url: str = ""  # the page's own address (a teaser linking to it carries its date)
    url_year: int | None = None  # the year of the day in the URL: a date without one is of it
    article: bool = False  # the page declares itself one article (og:type, JSON-LD type)


# --------------------------------------------------------------------------- helpers


def zoneinfo(name: str | None) -> ZoneInfo | None:
    """The IANA zone of that name, or None when it is missing or unknown."""
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



def _guess_language(sample: str) -> str | None:
    for pattern, code in _SCRIPTS:
        if len(pattern.findall(sample)) > 20:
            return code
    return "en" if len(_WORDS_EN.findall(sample.lower())) > 15 else None


_MONTH_FIRST_ZONES = ("America/", "US/", "Canada/", "Asia/Manila", "Pacific/Honolulu",
                      "Pacific/Guam", "Pacific/Saipan", "Pacific/Pago_Pago", "Pacific/Majuro",
                      "Pacific/Kwajalein", "Pacific/Midway", "Pacific/Wake", "Pacific/Palau",
                      "Pacific/Chuuk", "Pacific/Pohnpei", "Pacific/Kosrae")
_NO_COUNTRY_ZONES = ("UTC", "Etc/", "GMT", "Universal", "Zulu")


def _default_day_first(lang: str, tld: str, timezone: str | None) -> bool:
    """English is month first in the Americas, the Philippines and on a .com without a
    profile zone that names another country; day first in the Commonwealth and under a
    profile zone of a day-first country (an Indian .com under Asia/Kolkata)."""
    zone = timezone or ""
    american = zone.startswith(_MONTH_FIRST_ZONES) or tld in {"us", "gov", "edu", "mil", "ph"}
    elsewhere = bool(zone) and not zone.startswith(_NO_COUNTRY_ZONES)
    return not (lang == "en" and (american or (not elsewhere and tld not in _COMMONWEALTH)))


def page_info(tree: lxml.html.HtmlElement, url: str, meta: dict[str, str],
              language: str | None, timezone: str | None,
              fetched_at: datetime | None) -> PageInfo:
    """How to read the page's dates: language/country context, day order, zone, fetch time."""
    host = (urlsplit(url).hostname or "") if url else ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    declared = tree.get("lang") or meta.get("og:locale") or meta.get("content-language") or ""
    lang = (language or declared.replace("_", "-").split("-")[0][:3]).lower()
    region = declared.replace("_", "-").lower()
    in_path = _URL_LOCALE.match(urlsplit(url).path if url else "")
    if in_path and "-" not in region:
        region = f"{in_path.group(1)}-{in_path.group(2)}".lower()
    if "-" in region and (not lang or region.split("-")[0] == lang):
        lang = lang or region.split("-")[0]
        declared_country = region.split("-")[1][:2].replace("gb", "uk")
        if not (declared_country == "us" and tld in _COUNTRY_TLDS):
            # (a CMS's default "en-US" on an Australian or a British site is no country)
            tld = declared_country or tld
    zone = zoneinfo(timezone)
    fetched = None
    now_local = None
    if fetched_at is not None:
        fetched = (fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC))
        fetched = fetched.astimezone(UTC)
        now_local = fetched.astimezone(zone).replace(tzinfo=None) if zone else fetched.replace(
            tzinfo=None)
    zone_name = timezone if zone else None
    return PageInfo(_context(lang, tld, zone_name), _default_day_first(lang, tld, timezone), zone,
                    zone_name, fetched, now_local, lang, tld, url or "")


# country domains that are no generic ones in disguise (.io, .co, .tv, .me, .fm, .ly ...)
_COUNTRY_TLDS = {"au", "uk", "nz", "ie", "in", "za", "ng", "ke", "pk", "sg", "my", "gh", "ph",
                 "ca", "de", "at", "ch", "fr", "be", "nl", "es", "pt", "it", "br", "ar", "mx",
                 "cl", "pe", "se", "no", "dk", "fi", "pl", "cz", "sk", "hu", "ro", "bg", "gr",
                 "tr", "ru", "ua", "il", "jp", "kr", "cn", "tw", "hk", "id", "th", "vn", "lk",
                 "bd", "np", "ae", "sa", "eg", "ma", "jm", "mt", "cy", "lu", "si", "hr", "rs",
                 "ee", "lv", "lt", "is"}


def _context(lang: str, tld: str, zone_name: str | None) -> str:
    """The page context the text parsers read: 'lang tld', and the profile's zone when given
    (whose own abbreviations it reads: "IST" on an Israeli site)."""
    return f"{lang} {tld} {zone_name}" if zone_name else f"{lang} {tld}"


def _settle_reading(page: PageInfo, full: str, numeric: list[re.Match[str]]) -> None:
    """Complete the page context from its visible text: language if unknown, day order
    (``numeric``: numeric_dates(full, digit_windows(full)))."""
    if not page.lang:
        page.lang = _guess_language(full[:3000]) or ""
        page.context = _context(page.lang, page.tld, page.zone_name)
        page.day_first = _default_day_first(page.lang, page.tld, page.zone_name)
    dmy, mdy = numeric_order_votes(full, numeric=numeric)
    if dmy != mdy:
        page.day_first = dmy > mdy


# --------------------------------------------------------------------------- the visible page


def _title_text(tree: lxml.html.HtmlElement) -> str | None:
    head = tree.find("head")
    return head.findtext("title") if head is not None else None


_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—‹›«»:·•/]{1,2}\s+")


def _title_words(title: str) -> set[str]:
    """Words of the page title without the site's name: "Headline | Site" -> the longest part."""
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    main = max(parts, key=lambda p: len(p.split())) if len(parts) > 1 else title
    return set(re.findall(r"\w+", main))


def _headline(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> Any:
    """The article's headline element: the heading closest to the page title.

    An h1 wins unless it shares little with the title while an h2/h3 matches it (the h1 is
    then the site's name or a section label); a heading merely classed "title" (a widget's
    title) counts only when no heading matches the title.
    """
    title = (meta.get("og:title") or _title_text(tree) or "").strip().lower()
    words = _title_words(title)
    heads: dict[str, list[Any]] = {"h1": [], "h2": [], "h3": []}
    for head in tree.iter("h1", "h2", "h3"):  # one walk; headings are scored when needed
        if len(heads[head.tag]) <= 30:
            heads[head.tag].append(head)
    h1_score, h1 = _best_heading(heads["h1"], words, sub=False)
    if h1 is not None and h1_score >= 0.5:
        return h1
    sub_score, sub = _best_heading(heads["h2"] + heads["h3"], words, sub=True)
    if sub is not None and sub_score >= 0.6 and sub_score > h1_score:
        return sub
    if h1 is not None:
        return h1
    titled = [h for h in heads["h2"] + heads["h3"]
              if re.search(r"title|headline", _class_of(h), re.IGNORECASE)]
    if titled:
        return _best_heading(titled, words, sub=True)[1]
    if words:  # no heading element: a div/span whose class names the title (<div class="h-title">)
        for i, el in enumerate(tree.xpath(_TITLE_CLASS_XPATH)):
            if i > 30:
                break
            hw = set(re.findall(r"\w+", (el.text_content() or "").strip().lower()))
            if hw and len(hw & words) / len(hw) >= 0.6:
                return el
        # a template older than CSS: the headline a bold line in a <font> ("<font size=5><b>
        # Headline</b></font>"), the first one that covers most of the title
        body = tree.find("body")
        for el in itertools.islice((body if body is not None else tree).iter("b", "strong"),
                                   MAX_BOLD_HEADLINES):
            line = short_text(el, HEADLINE_CHARS) if len(el) <= 2 else None
            if line is None:
                continue  # (a bold block, not a line)
            hw = set(re.findall(r"\w+", line.lower()))
            if len(hw) >= 3 and len(hw & words) / len(hw) >= 0.6 and len(
                    hw & words) / len(words) >= 0.6:
                return el
    return None


MAX_BOLD_HEADLINES = 200  # bold elements read for a headline on a page without headings
HEADLINE_CHARS = 300


def _bold_line(el: Any) -> bool:
    """A bold line of its own, a heading in a template older than CSS: "<b>Weitere Meldungen
    </b><br>…"."""
    after = el.getnext()
    return after is not None and after.tag == "br" and not (el.tail or "").strip()


def _best_heading(heads: list[Any], words: set[str], *, sub: bool) -> tuple[float, Any]:
    """The heading whose words are most in the title (a sub-heading must also cover most of
    the title); the first of equals."""
    best: tuple[float, Any] = (-1.0, None)
    for head in heads:
        hw = set(re.findall(r"\w+", (head.text_content() or "").strip().lower()))
        if not hw:
            continue
        score = len(hw & words) / len(hw) if words else 0.0
        if sub:
            score = min(score, len(hw & words) / len(words)) if words else 0.0
        if score > best[0] + 0.05:
            best = (score, head)
    return best


_TITLE_CLASS_XPATH = ("//body//*[self::div or self::span or self::p][contains(@class, 'title') or "
                      "contains(@class, 'headline')]")


def visible_candidates(
    tree: lxml.html.HtmlElement, meta: dict[str, str], page: PageInfo
) -> list[Cand]:
    """Dates of the visible page (text, ``<time>``, microdata) weighed by place (rule 2).

    One iterative walk in document order; subtrees of site chrome and scripts are skipped,
    the text is capped, and the walk stops some way past the headline. Also settles the
    page's language (if unknown) and day/month order from its own text.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    headline = _headline(tree, meta)
    keep: set[Any] = set()
    if headline is not None:
        keep.update(headline.iterancestors())
        keep.add(headline)
    parts: list[str] = []
    seg_pos: list[int] = []
    seg_info: list[tuple[int, Any, bool]] = []  # block id, owner element, mention context
    blocks: dict[int, _Block] = {}  # block id -> its own text (not its nested blocks')
    time_values: list[tuple[Any, str, int]] = []  # <time>/hAtom: element, value, position
    micro_values: list[tuple[str, str]] = []  # itemprop dates: value, role
    size = 0
    head_pos = -1
    # stack entries: (in_article: 0, IN_ARTICLE_AREA or IN_ARTICLE_TAG, block id, mention
    # context, hard block id, ignored);
    # chrome subtrees are skipped, and so is the rest of a box headed "Related", "Latest"...
    stack: list[tuple[int, int, bool, int, bool]] = [(0, 0, False, 0, False)]
    block_counter = 0
    last_hard = 0
    cut_at: int | None = None  # where a piece cut at the text cap ends in the text
    limit = MAX_TEXT_CHARS
    self_addresses = _self_addresses(tree, meta, page.url)
    # a link to the page ends with one of these; the addresses are resolved at the first
    self_tails = tuple(filter(None, (_address_tail(a) for a in self_addresses)))
    self_keys: set[tuple[str, str]] | None = None
    title_words: set[str] | None = None  # of the page title, read at the first self link
    teasers: dict[Any, tuple[Any, Any] | None] = {}  # teasers of this very page -> list, entry
    self_links = 0
    owned: list[tuple[Cand, Any]] = []  # dated candidates and their elements
    in_rows: list[tuple[Cand, Any]] = []  # unlabelled dates in table rows, and their rows
    footers: list[Any] = []  # the page's footers, skipped as chrome
    line_break = False  # a <br> since the last piece of text
    walker = etree.iterwalk(root, events=("start", "end"))
    # The loop runs for every element and every piece of text of a page (~600 events, ~500
    # pieces of text), so it is written flat: the text of a "start" (the element's text) and
    # of an "end" (its tail, in its parent's block) is added by the code at the bottom of the
    # loop, not by a helper called per piece.
    # The caps: MAX_ELEMENTS events (islice), and the text stops once it is longer than the
    # limit (checked where it grows; size <= limit <= MAX_TEXT_CHARS everywhere else).
    for event, el in itertools.islice(walker, MAX_ELEMENTS):
        if event == "end":
            stack.pop()
            if el.tag == "br":
                line_break = True
            text = el.tail
            if not text or el is root:
                continue
            _, block, mention, hard, ignored = stack[-1]
            if ignored:
                continue
            owner = None  # the parent, looked up below only for text that is kept
        else:
            tag = el.tag
            in_article, block, mention, hard, ignored = state = stack[-1]
            if ignored or tag in _SKIP_TAGS or not isinstance(tag, str) or (
                    tag == "code" and el.getparent().tag == "pre"):
                # (a comment's tag is no str; a code block's timestamps, '"expires": "2023-11-06
                # T10:00:00Z"', are no dates of the page: an inline <code> may hold one)
                stack.append(state)
                walker.skip_subtree()
                continue
            cls = el.get("class")
            ident = el.get("id")
            # (class_bits and _name_bits written out: a call less for each element)
            bits = 0 if not cls else _cached_class_bits(cls) if len(
                cls) <= CACHED_NAME_CHARS else _read_class_bits(cls)
            if ident:
                bits |= _cached_name_bits(ident) if len(
                    ident) <= CACHED_NAME_CHARS else _read_name_bits(ident)
            if bits & _DATEISH:  # an element that also carries a date/meta/byline name
                bits &= ~(_ALWAYS | _PAGE)
            # site furniture whose dates are never the article's (rule 2), written out here
            # as it is asked of every element; a role="complementary" box named "meta" or
            # "byline" is the byline
            if el not in keep and (
                    (bits & _ALWAYS and not (in_article == IN_ARTICLE_TAG and tag in ("div", "ul", "p")
                                             and (_holds_publish_stamp(el)
                                                  or _holds_headline_copy(el, headline))))
                    or (tag == "nav" and not (
                        # a byline list that a template marks up as <nav> inside the article
                        # (NDTV's "<nav class=pst-by><ul><li>Written by …<li>Updated: …")
                        in_article == IN_ARTICLE_TAG and el.find(".//a") is None))
                    or (not in_article and (bits & _PAGE or tag in _PAGE_CHROME_TAGS))
                    # an <aside> of links to other stories inside <main> or a container named
                    # "article", but outside the <article> itself, is the page's sidebar (a
                    # post-info column or a byline aside is not)
                    or (tag == "aside" and in_article < IN_ARTICLE_TAG and not bits & _DATEISH
                        and (_link_list(el) or (head_pos >= 0 and _item_list(el))))
                    or (not bits & _DATEISH and (role := el.get("role"))
                        and role.lower() in _CHROME_ROLES)):
                if len(footers) < MAX_FOOTERS and (tag == "footer" or (
                        "footer" in f"{cls} {ident}".lower()) or el.get("role") == "contentinfo"):
                    footers.append(el)  # (read for the page's "Last updated" line below)
                stack.append(state)
                walker.skip_subtree()
                continue
            if (tag in _LIST_HEADING_TAGS or (tag in _BOLD_TAGS and _bold_line(el))) and len(
                    stack) > 1 and el.getparent() not in keep:
                heading = (el.text_content() or "")[:60].strip(_HEADING_MARKS)
                if len(heading) <= 40 and (_LIST_HEADING.match(heading) or (
                        _NEXT_HEADING.match(heading) and _story_link_after(el))):
                    stack[-1] = (in_article, block, mention, hard, True)
                    # a heading alone in its wrapper ("<div class=box-head><h3>Related</h3>
                    # </div><ul>..."): when a list of links follows the wrapper, the box is
                    # the wrapper's parent (two levels at most)
                    box, level = el.getparent(), -1  # stack[level]: box's children
                    while (level > -3 and len(stack) + level > 2 and len(box) == 1
                           and not (box.text or "").strip()):
                        parent = box.getparent()
                        if parent is None or parent in keep:
                            break
                        after = _next_box(box)
                        if after is not None:
                            if _link_list(after):  # the rest of the parent is the list
                                stack[level - 1] = (*stack[level - 1][:4], True)
                            break
                        box, level = parent, level - 1  # a wrapper of the wrapper
                    stack.append(stack[-1])
                    walker.skip_subtree()
                    continue
            if tag == "a" and self_tails and self_links < MAX_SELF_LINKS:
                href = el.get("href")
                if href and href.rstrip(_HREF_END).endswith(self_tails):
                    self_links += 1  # addresses resolved (a bound on the cost)
                    if self_keys is None:
                        self_keys = {k for k in map(_page_key, self_addresses) if k is not None}
                    if _links_to(href, self_keys, self_tails, page.url):
                        if title_words is None:
                            title_words = _title_words(
                                (meta.get("og:title") or _title_text(tree) or "").strip().lower())
                        box = _teaser_of(el, keep, title_words)
                        if box is not None and box not in teasers:
                            teasers[box] = _list_of(box, keep)
            if el is headline:
                head_pos = size
                limit = min(MAX_TEXT_CHARS, size + AFTER_HEADLINE_CHARS)
            itemprop = el.get("itemprop")
            if itemprop:
                prop_role = _ITEMPROP_ROLES.get(itemprop.strip())
                if prop_role is not None and len(micro_values) < MAX_MICRO_VALUES:
                    value = el.get("content") or el.get("datetime") or (
                        el.text_content() or "")[:80]
                    micro_values.append((value, prop_role))  # read once the day order is settled
                elif itemprop in ("articleBody", "blogPost"):
                    in_article = IN_ARTICLE_TAG
            elif (rdfa := el.get("property")) and (value := el.get("content")) and len(
                    micro_values) < MAX_MICRO_VALUES and tag != "meta":
                prop_role = next((_RDFA_ROLES[p] for p in rdfa.split() if p in _RDFA_ROLES), None)
                if prop_role is not None and _rdfa_of_page(el, page.url):
                    micro_values.append((value, prop_role))
            if tag == "article":
                in_article = IN_ARTICLE_TAG
            elif (bits & _ARTICLE or tag == "main") and not in_article:
                in_article = IN_ARTICLE_AREA
            if tag in _BLOCK_TAGS:
                block_counter += 1
                block = block_counter
                if tag in _HARD_TAGS:
                    hard = block
            # (a table that holds the headline lays the page out, as templates older than
            # CSS do: its cells are no data table's)
            mention = mention or (tag in _MENTION_TAGS and not (tag == "table" and el in keep))
            stack.append((in_article, block, mention, hard, False))
            if len(time_values) < MAX_TIME_ELEMENTS and (tag in _MACHINE_TAGS or (
                    # an element named like a date, or printing a number first, may keep its
                    # stamp in an attribute (a tooltip, data-date): those alone are read, and
                    # one whose tooltip starts with a year ('<span class="age" title="2024-03-12
                    # T14:22:01"><a>3 hours ago</a>': Hacker News)
                    tag in _STAMP_ATTR_TAGS and (bits & _DATEISH or (el.text or " ")[:1].isdigit()
                                                 or (cls is not None and "value-title" in cls)
                                                 or (el.get("title") or "")[:2] in _CENTURIES))):
                value = _machine_value(el, tag, cls)
                if value:
                    time_values.append((el, value, size))  # read once the day order is settled
            text = el.text
            if not text:
                continue
            owner = el
        # the piece of text, in the block (and mention context) it sits in; one huge text node
        # (a 9 MB <pre>) is read as far as the cap: the cap stops the walk after a piece, and
        # the scans after the walk cost time and memory by the length of the whole text
        cut = False
        if len(text) > MAX_TEXT_CHARS:
            text = text.lstrip()  # (a node of 100k blanks and then text keeps its text)
            cut = len(text) > MAX_TEXT_CHARS
            text = text[:MAX_TEXT_CHARS]
        stripped = text.strip()
        if not stripped:
            continue
        if owner is None:
            parent = el.getparent()
            owner = parent if parent is not None else el
        if hard != last_hard or line_break:
            # a line break between blocks keeps labels in their own block; a <br>'s is a line
            # of the block ("…<br><br>Bregenz (VLK), 20.11.2009 – Die …")
            parts.append("\n")
            size += 1
            last_hard, line_break = hard, False
        seg_pos.append(size)
        seg_info.append((block, owner, mention))
        own = blocks.get(block)
        if own is None:
            own = blocks[block] = _Block(size)
        parts.append(text)
        parts.append(" ")
        size += len(text) + 1
        if cut:  # where the cut piece ends: a date there may be cut in two ("2019-03-1")
            cut_at = size - 1
        own.chars += len(stripped)
        if own.words <= PROSE_WORDS:  # counted as far as it matters (inline: every segment)
            own.words += len(stripped.split(None, PROSE_WORDS))
            if own.words <= PROSE_WORDS + 4 and not stripped.isascii():
                own.words += _cjk_words(stripped)
        own.last = stripped
        if size > limit:
            break
    full = normalize_digits("".join(parts))
    runs: list[list[tuple[int, int]]] = []
    windows = digit_windows(full, runs=runs)
    numeric = numeric_dates(full, windows, runs)
    _settle_reading(page, full, numeric)
    micro: list[Cand] = []
    for value, prop_role in micro_values:
        parsed = parse_machine(value, page.context, day_first=page.day_first)
        if parsed is not None:
            micro.append(_cand(parsed, role=prop_role, source="microdata", family="struct",
                               weight=9.0 + (parsed.hour is not None) * 1.5, raw=value))
            if len(micro) >= MAX_MICRO_DATES:
                break
    cands: list[Cand] = []
    pairs: dict[Any, bool] = {}  # element -> an hAtom "updated" beside a "published"
    for el, value, pos in time_values:
        cand = _machine_time(el, value, page, pos, pairs)
        if cand is not None:
            if cand.role == "any":  # "Updated <time datetime=…>20:22, 12 MAR 2024</time>"
                label = _label_in_parent(el)
                cand.role = _role_from_label(label, near=LABEL_GAP)
                if cand.role == "any" and el.text:  # "<time datetime=…>Updated Mar 13, 2024"
                    own_label = el.text[:40]
                    cand.role = _role_from_label(own_label[:_first_digit(own_label)],
                                                 near=LABEL_GAP)
                parent = el.getparent()
                if cand.role == "any" and not label and parent is not None and (
                        parent.tag in _LABEL_UP):
                    # one level up: "<dt>Updated</dt><dd><time>", "Updated: <strong><time>"
                    cand.role = _role_from_label(_label_in_parent(parent), near=LABEL_GAP)
            cands.append(cand)
            owned.append((cand, el))
    default_year = page.now_local.year if page.now_local else None
    if default_year is not None and page.url_year is not None and page.url_year < default_year:
        default_year = page.url_year  # "Updated: 13th March" on a page of /2023/03/12/

    def seg_of(pos: int) -> int:
        return max(0, bisect.bisect_right(seg_pos, pos) - 1)

    prose: dict[int, bool] = {}  # block id -> running prose (judged once a block)

    def is_prose(block: int) -> bool:
        judged = prose.get(block)
        if judged is None:
            own = blocks.get(block)
            judged = prose[block] = own is not None and _is_sentence(own.words, own.last)
        return judged

    def stamp_at(pos: int) -> bool:  # the text there is a <time>'s or a date box's own
        owner = seg_info[seg_of(pos)][1] if seg_info else None
        if owner is not None and owner.tag in _WRAPPER_TAGS and not owner.get("class"):
            # a class-less <font> or <b> in a cell named for the time ('<td class=newstime>
            # <font size=1>18:05</font></td>')
            parent = owner.getparent()
            owner = parent if parent is not None and len(parent) == 1 else owner
        return owner is not None and (owner.tag == "time" or _stamp_class(owner) or bool(
            _DATE_NAMED.search(owner.get("data-testid") or "")))  # (Medium's storyPublishDate)

    prev_end = 0
    validity_end = -1  # where the last date of a validity window ("gültig von: …") ends
    datelines = 0
    found = list(find_dates(full, day_first=page.day_first, context=page.context,
                            default_year=default_year, windows=windows, numeric=numeric,
                            runs=runs, stamp_at=stamp_at))
    for i, parsed in enumerate(found):
        if len(cands) > MAX_CANDIDATES:
            break
        if cut_at is not None and parsed.end > cut_at - CUT_MARGIN:
            continue  # maybe a date the cap cut in two ("2019-03-1", "12.03.20")
        idx = seg_of(parsed.start)
        block, owner, mention = seg_info[idx] if seg_info else (0, None, False)
        if parsed.hour is not None and owner is not None and _DURATION_CLOCK.fullmatch(
                owner.text_content() or "") and any(
                _DURATION_WORD.fullmatch(word) for word in _CLASS_WORDS.split(_class_of(owner))):
            # a clock read before the date is a video's or an audio's length in its own
            # element ('<span class="video-duration">22:47</span> <span>21.03.2024</span>')
            parsed = replace(parsed, hour=None, minute=None, second=None, offset=None, zone=None)
        if parsed.yearless and page.now_local is not None and parsed.day > (
                page.now_local.date() + timedelta(days=1)):
            if parsed.unlabelled:
                continue  # a coming day in a date element: an event's, not last year's stamp
            if is_prose(block):
                continue  # ... or in a sentence ("scheduled for March 21 at 6 p.m.", "The next
                # update comes on March 20")
            try:
                parsed = replace(parsed, day=parsed.day.replace(year=parsed.day.year - 1))
            except ValueError:
                continue
        if parsed.hour is None and (((0 <= parsed.start < head_pos or (
                # (no headline found: the top of the page's text is the header's)
                head_pos < 0 and parsed.start < HEADLESS_TOP_CHARS)) and _header_today(
                full, parsed, owner, page, headline, head_pos)) or _TODAY_LABEL.search(
                full, max(0, parsed.start - TODAY_LABEL_CHARS), parsed.start)):
            continue  # (or a day the page calls today: "Heute ist Donnerstag, 6. März 2025")
        label = _label_before(full, max(prev_end, parsed.start - 80), parsed.start)
        if _CLOCK_LABEL.search(label):
            continue  # a page's render stamp or a site's clock, not the story's
        if parsed.numeric_ambiguous and page.now_local is not None and parsed.day > (
                page.now_local.date() + timedelta(days=1)) and parsed.day.day <= 12 and (
                _role_from_label(label) != "any"):
            # "First published on: 12-03-2024", read month first, is December, after the
            # fetch: it is 12 March (an unlabelled "04/02/2024" may be a coming meeting's)
            swapped = parsed.day.replace(month=parsed.day.day, day=parsed.day.month)
            if swapped > page.now_local.date() + timedelta(days=1):
                continue
            parsed = replace(parsed, day=swapped)
        if validity_end >= 0 and _VALIDITY_END.fullmatch(
                " ".join(full[validity_end:parsed.start].split()) + " "):
            validity_end = parsed.end
            continue  # its "bis: Montag, 22.01.24 06:00 Uhr"
        if VALIDITY_WORDS.search(" ".join(full[max(0, parsed.start - 40):parsed.start].split())
                                 + " "):
            validity_end = parsed.end
            continue  # "gültig von: Sonntag, 21.01.24 18:00 Uhr": a warning's or an offer's
            # window, no stamp
        if PROFILE_WORDS.search(label) or ACCESS_WORDS.search(label, len(label) - 40):
            continue  # "Registered: 18.09.2008": a member's join date beside a forum post;
            # "abgerufen am 9. März 2020", "Retrieved 5 March": a citation's access date
        # "Urteil vom 20. Februar 2024": the judgment's date, not the press release's (a
        # mention: a judgments database's page has no other); an embargo line's date (and any
        # in a box named for the embargo): when the media may report, not the page's moment
        document = DOCUMENT_WORDS.search(label, len(label) - 40) is not None or (
            EMBARGO_WORDS.search(label, len(label) - 60) is not None) or (
            owner is not None and any("embargo" in _class_of(node).lower() for node in (
                itertools.islice(itertools.chain((owner,), owner.iterancestors()), 2))))
        # the label leads to the date ("Aktualisiert am Montag, 12.03."), it is no word of a
        # sentence about another thing ("La modifica entra in vigore il 13 marzo 2024")
        role = label_role = _role_from_label(label, near=LABEL_GAP)
        if label_role != "any" and _label_word_in_link(
                full, label, parsed.start, seg_info, seg_pos, owner):
            role = label_role = "any"  # a teaser's headline "… route map updated</a> March 13"
        after = _CJK_ROLE_AFTER.match(full, parsed.end, parsed.end + 8)
        if after is not None and (label_role == "any" or (i > 0 and _CJK_ROLE_AFTER.match(
                full, found[i - 1].end, found[i - 1].end + 8) and (
                    parsed.start - found[i - 1].end <= CJK_AFTER_GAP))):
            # Japanese, Chinese and Korean label after the stamp: "2024年03月06日 09時12分 公開",
            # "[… 11時40分 更新]" (the label before it, "公開", is the previous stamp's; a label
            # of its own before it, "公開日：", stays)
            role = label_role = "published" if after.group(1) else "modified"
        if role == "any" and owner is not None:
            role = _role_from_classes(owner, pairs)
            if role == "modified" and i + 1 < len(found) and _update_follows(
                    full, parsed, found[i + 1]):
                role = "any"  # a box named for its update holds the publish date too: "12 marzo
                # 2024 (modifica il 13 marzo 2024 | 07:12)", "2024/3/12 18:05（3/12 20:41 更新）"
        raw = full[parsed.start:parsed.end]
        weight, short = 4.0, False
        own = blocks.get(block)
        start, blen = (own.start, own.chars) if own is not None else (parsed.start, 0)
        words_before = _word_count(full[start:parsed.start])
        dateline = False
        # (the dateline opens its block, or a line of it: a text between <br>s in a cell
        # under the headline's lines, "…<br><br>Bregenz (VLK), 20.11.2009 – Die …")
        line = max(start, full.rfind("\n", start, parsed.start) + 1)
        if not datelines and role == "any" and not mention and not (
                owner is not None and _DATEISH_CLASS.search(_class_of(owner))) and (
                _DATELINE_LEAD.fullmatch(full, start, parsed.start) or (
                    line > start and _DATELINE_LEAD.fullmatch(full, line, parsed.start))) and (
                _word_count(full[line:parsed.start]) <= 6) and _DATELINE_TAIL.match(
                full, parsed.end):
            # a press release's dateline opening its text: "Karlsruhe, (12.11.2021).
            # Traditionell …", "BERLIN, 12. März 2024 – Die …": the page's first only, and it
            # weighs less than any stamp (no weight for its place: an anniversary feature's
            # "Fukushima, 11. März 2011. Die Erde bebte …" is no stamp of the page's)
            weight, dateline = 3.0, True
            datelines += 1
        elif (mention and (words_before > 3 or blen > 120)) or blen > 250 or (
                words_before > 14 and not _BYLINE_BLOCK.match(full, start)) or (
                (blen > 60 or (blen > 30 and _CJK_CHARS.search(full, start, start + blen)))
                and role == "any" and is_prose(block)):
            weight = 1.0  # a mention inside running prose, a caption or a quote
        elif role != "any" and words_before and is_prose(block) and (
                blen > 60 or (blen > 30 and _CJK_CHARS.search(full, start, start + blen))) and (
                not _SELF_REFERENCE.search(full, start, start + blen)) and not (
                _verb_leads(full, start, parsed.start)
                and _BY_WORD.search(full, parsed.end, start + blen)):
            weight = 1.0  # ... even after a label, when the sentence is about another thing
            # ("Rust 1.0 发布于 2015 年 5 月 15 日。", "The report, published on May 15, 2015,
            # found …"); not "This entry was posted on …", nor a byline's line that its stamp
            # verb opens and a "by" follows ("Published March 12, 2024 at 6:05 p.m. by Anna Berg
            # (text) and …"; "Publicado el 3 de marzo de 2021, el informe halló …" is prose)
        elif _CAPTION_LABEL.match(full, start, parsed.start) or (
                owner is not None and _CAPTION_CLASS.search(_class_of(owner))):
            weight = 1.0  # "Foto: ... vom 31.05.2021": a caption or credit outside <figcaption>
            # (or named as one: '<p class="Bildunterschrift">… Leipzig-Connewitz (27.2.2024)')
        elif RANGE_END.search(full, max(0, parsed.start - 30), parsed.start) or _in_span(
                full, found, i):
            weight = 1.0  # a span of days ("5. bis 11. Februar 2022", "1.3.-30.4.2022"): an event
        elif owner is not None and (_EVENT_BOX.search(_class_of(owner)) or any(
                node not in keep and any(_EVENT_LIST.search(word) for word in _class_of(
                    node).split() if "__" not in word)
                for node in itertools.islice(owner.iterancestors(), 2))):
            # (a box two levels up, named as a whole for a match or a list of events, that is
            # not the article's own: "ficha-jogo", not "cronica-partido" holding the headline)
            weight = 1.0  # a game's, a match's or an event's box: its kick-off, not the post's
        elif owner is not None and _DATEISH_CLASS.search(_class_of(owner)):
            weight += 1.5
        elif role == "any" and words_before > 3 and own is not None and _short_sentence(
                full[start:parsed.start], own.last):
            weight, short = 1.0, True  # a short paragraph of one sentence ("The law was passed
            # on July 13, 2021."): it weighs as a mention (but dates a page that has no other date)
        elif role == "any" and own is not None and _CJK_CHARS.search(full, start, start + blen) and (
                full.startswith(("，", "、"), parsed.end)) and _is_sentence(
                PROSE_WORDS + 1, own.last) and _goes_on(full, parsed.end, start + blen):
            weight, short = 1.0, True  # ... or a Chinese or Japanese one that goes on after its
            # date ("2023年3月13日，十四届全国人大一次会议闭幕。")
        if document:
            weight = 1.0
        if weight <= 1.0 and label_role != "any":
            # in a sentence the label must lead to the date ("updated on 13 March"), not be a
            # word of it ("La modifica entra in vigore il 13 marzo 2024")
            role = _role_from_label(label, near=MENTION_LABEL_GAP)
        cand = _cand(parsed, role=role, source="text", family="visible", weight=weight,
                     raw=raw, pos=parsed.start)
        cand.dateline = dateline
        cand.other = document
        if parsed.hour is not None and role != "modified":
            cand.then_updated = _UPDATE_NEXT.match(full, parsed.end, parsed.end + 30) is not None
        if weight <= 1.0 and not short and words_before and is_prose(block):
            # a mention inside a sentence: more than three words before it on its line ("…<br>
            # Hamburg, den 02. Dezember 2022" is a dateline), or a word or more before it and
            # the sentence going on after it ("On 2 January 2020, a fire burned …"), in a
            # sentence that does not say it is the post's date ("This entry was posted on …",
            # "Dieser Beitrag wurde am … veröffentlicht"), nor a press release's dateline
            # ("SALT LAKE CITY, Utah, March 12, 2024 /PRNewswire/ --")
            line = max(start, full.rfind("\n", start, parsed.start))
            before_line = full[line:parsed.start]
            cand.inside = (_word_count(before_line) > 3 or (
                _SENTENCE_WORDS.search(before_line) is not None and "," not in before_line
                and _goes_on(full, parsed.end, start + blen))) and not (
                _DATELINE_END.match(full, parsed.end) or (_in_stamp_sentence(
                    full, parsed.start, parsed.end, start, start + blen)
                    and not _SPAN_WORD.search(full, max(start, parsed.start - 12), parsed.start)))
        if owner is not None and weight > 1:
            cand.group = _group_of(owner)
        if parsed.numeric_ambiguous:
            cand.weight -= 0.5
        if parsed.yearless:
            cand.weight -= 1.0 + parsed.unlabelled  # (without a label it yields to a stamp)
            cand.unlabelled = parsed.unlabelled
            if parsed.unlabelled and parsed.hour is None and owner is not None and any(
                    _AGENDA_BOX.search(_class_of(node))
                    for node in itertools.islice(itertools.chain((owner,), owner.iterancestors()), 4)):
                continue  # an agenda's, a discussion's or a TV guide's day ("Mar 9 Farmers market")
        if role == "published" and weight > 1:
            cand.weight += 2.5
        elif role == "any":
            cand.weight -= 0.5
        cands.append(cand)
        if role == "any" and weight > 1 and owner is not None and (
                row := _table_row(owner)) is not None:
            in_rows.append((cand, row))
        if teasers and owner is not None and weight > 1:
            owned.append((cand, owner))
        prev_end = parsed.end
        if weight > 1:
            nxt = found[i + 1].start if i + 1 < len(found) else len(full)
            other = _other_clock(full, parsed.end, min(nxt, parsed.end + OTHER_CLOCK_CHARS), cand,
                                 owner is not None and _stamp_class(owner))
            if other is not None:
                cands.append(other)
    _schedule_rows(in_rows)
    if page.now_local is not None:
        lo, hi = (max(0, head_pos - 200), head_pos + 600) if head_pos >= 0 else (0, 3000)
        for when, has_time, start, end in find_relative(full, page.now_local, lo, hi, page.lang):
            value = when.replace(second=0, microsecond=0)
            if not has_time:
                value = value.replace(hour=0, minute=0)
            block, owner, _ = seg_info[seg_of(start)] if seg_info else (0, None, False)
            own = blocks.get(block)
            if own is not None and is_prose(block) and (_word_count(
                    full[max(own.start, full.rfind("\n", own.start, start)):start]) > 3
                    or not _DIGIT.search(full, start, end)):
                continue  # "2 days before the election" in a sentence: no stamp (nor, anywhere
                # in a sentence, a unit's word alone: "נערכו לפני שבוע, והתוצאות")
            # "Aktualisiert vor 2 Std.", "Updated 2 hours ago": the label names the role
            role = _role_from_label(_label_before(full, max(0, start - 80), start))
            # "3 hours ago" is an instant, counted back from the fetch (a UTC clock without a
            # profile zone); "yesterday, 23:40" is the page's own wall clock
            ago = has_time and RELATIVE_RE.match(full, start) is not None
            offset = 0 if ago and page.zone is None else None
            zone_name = None
            if ago and page.zone is not None and page.fetched is not None:
                # counted back from the fetch's instant, not its wall clock: "vor 3 Stunden" at
                # 04:30 CET on the night summer time ends is 02:30 CEST, not 01:30
                moment = (page.fetched - (page.now_local - when)).astimezone(page.zone)
                value = moment.replace(tzinfo=None, second=0, microsecond=0)
                shift = moment.utcoffset()
                if shift is not None:
                    offset, zone_name = int(shift.total_seconds() // 60), page.zone_name
            # (in an element named like a date it weighs as much as a date written there)
            weight = 2.5 + 1.5 * (owner is not None and _stamp_class(owner))
            cand = Cand(value, has_time, False, offset, zone_name, role, "text", "visible", weight,
                        full[start:end].strip(), start, relative=True)
            cands.append(cand)
            if has_time and offset is None:  # "Publié aujourd'hui à 06h12, modifié à 09h55"
                other = _other_clock(full, end, min(len(full), end + OTHER_CLOCK_CHARS), cand)
                if other is not None:
                    cands.append(other)
            if len(cands) > MAX_CANDIDATES:
                break
        for day, start, end in find_day_words(full, page.now_local, lo, hi, page.lang):
            # a day word alone in a stamp element ('<span class="date">вчера</span>'): its day
            block, owner, _ = seg_info[seg_of(start)] if seg_info else (0, None, False)
            if owner is None or not (owner.tag == "time" or _stamp_class(owner)) or (
                    _DAY_WORD_ALONE.fullmatch(owner.text_content() or "") is None) or (
                    _LABEL_CLASS.search(_class_of(owner))):
                continue  # (a "date-label" tab of a strip of links is no stamp)
            cands.append(Cand(datetime(day.year, day.month, day.day), False, False, None, None,
                              _role_from_label(_label_before(full, max(0, start - 80), start)),
                              "text", "visible", 4.0, full[start:end], start))
    _place(cands, head_pos)
    footer_texts = [(f, (f.text_content() or "")[:FOOTER_CHARS]) for f in footers]
    cands += _wiki_last_edit(root, page) or _footer_last_edit(footer_texts, page)
    stated = _stated_offset(full, [text for _, text in footer_texts]) if _forum_page(
        page.url, meta) else None
    if stated is not None and page.fetched is not None:
        # a forum's "All times are GMT +1": the offset of its bare clocks, as it is when the
        # page is rendered (phpBB's "UTC+02:00" in summer): not across a daylight-saving switch
        fetched = page.fetched.astimezone(UTC).replace(tzinfo=None)
        for c in cands:
            if c.has_time and c.offset is None and not c.relative and not switch_between(
                    replace(c, offset=stated), fetched):
                c.offset = stated
    # a day without a year, label or clock counts only beside the headline (a what's-on box's
    # "Mar 9" further down is an event's)
    cands = [c for c in cands if c.has_time or not c.unlabelled or (
        head_pos >= 0 and -NEAR_BEFORE <= c.pos - head_pos <= NEAR_AFTER)]
    if teasers:
        _self_teasers(owned, teasers, keep)
    return cands + micro



_STAMP_VERBS = [
    "posted", "published", "written", "filed", "reported", "submitted", "appeared",
    "veröffentlicht", "erstellt", "geschrieben", "eingestellt", "erschien(?:en)?", "publié", "rédigé",
    "publicad[oa]", "escrit[oa]", "pubblicat[oa]", "scritt[oa]", "opublikowan[oy]", "gepubliceerd",
    "geplaatst", "geschreven", "verscheen", "zveřejněn[oa]?", "publicat[ăa]?", "добавлен[оа]?",
    "опубликован[оа]?"]
_STAMP_VERB = re.compile(r"(?<![\w-])(?:" + "|".join(_STAMP_VERBS) + r")(?![\w-])", re.IGNORECASE)
_STAMP_VERB_STEMS = ascii_stems(_STAMP_VERBS)
# where one sentence ends and the next begins: after a word of two letters or more and its
# stop, before a capital ("… in June. The road …"; not "Jan. 1" nor "Sept. 5")
_BREAK_CHAR = re.compile(r"[.!?。！？\n]")  # what a sentence break starts after (or at: "\n")
_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[\"“‘(]?[A-ZÀ-ÞА-Я])|(?<=[。！？])|\n")


# a date after one of these words bounds a span of time ("Claims filed after Jan. 1, 2023"): no
# stamp verb makes it the post's
_SPAN_WORD = re.compile(r"(?<!\w)(?:after|before|since|until|till|through|from|between|nach|vor"
                        r"|seit|bis|après|avant|depuis|desde|hasta|antes|después|dopo|prima)\s+$",
                        re.IGNORECASE)


_ABBREVIATION = re.compile(r"(?<![^\W\d_])[A-Z][a-z]{0,3}\.$")  # "Prof.", "Dr.", "Sen."


_WIKI_LASTMOD_XPATH = "//li[@id='footer-info-lastmod' or @id='footer-lastmod']"


def _wiki_last_edit(root: Any, page: PageInfo) -> list[Cand]:
    """MediaWiki's footer line "This page was last edited on 7 April 2020, at 05:33" (in the
    wiki's language): the wiki page's own update stamp, which dates a page that has no other
    (rule 8b). The footer is chrome, and far below the text, so it is read here."""
    if "mediawiki" not in (root.get("class") or ""):
        return []  # (MediaWiki classes its <body> "mediawiki": the look-up costs nothing else)
    for li in root.xpath(_WIKI_LASTMOD_XPATH)[:1]:
        text = " ".join((li.text_content() or "").split())[:300]
        for parsed in find_dates(text, day_first=page.day_first, context=page.context):
            if parsed.hour is not None or not parsed.yearless:
                return [_cand(parsed, role="modified", source="text", family="visible",
                              weight=4.0, raw=text[parsed.start:parsed.end])]
    return []


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
MAX_FOOTERS = 3
FOOTER_CHARS = 4000  # of a footer's text, read for its "Last updated" line and its zone
STATEMENT_CHARS = 3000  # of the text's start and end, read for a forum's statement of its zone
FOOTER_LINE_CHARS = 120  # a footer's "Last updated" line, not a paragraph about updates


def _footer_last_edit(footers: list[tuple[Any, str]], page: PageInfo) -> list[Cand]:
    """A footer's line that labels the page's last change: "Last updated on Jan 30, 2024"
    (Sphinx), "Zuletzt geändert: 08.11.2023" (TYPO3), "Laatst bijgewerkt: 14 februari 2024"
    (Joomla): the page's update stamp, which dates a page that has no other (rule 8b), the
    way MediaWiki's is read. A short element with a full date after an update label, not one
    of the days around the fetch's (a footer that prints the day it was rendered, in a zone
    the crawler does not know), nor the line of another thing's update ("Site last updated",
    "Privacy Policy (last updated …)", "Exchange rates last updated"). The stamp only dates a
    page that has no other date (rule 8b): a footer's update line is too often another
    thing's to be the update of an article that has its own dates."""
    for footer, text in footers:
        if not any(UPDATED_WORDS.search(text, max(0, m.start() - 60), m.start())
                   for m in itertools.islice(_YEAR.finditer(text), 12)):
            continue  # (an update label shortly before a year, before the footer's lines)
        for el in footer.iter():
            if not isinstance(el.tag, str) or len(el) > 2:
                continue  # (a line, not a box of lines)
            text = " ".join((el.text_content() or "").split())
            if not text or len(text) > FOOTER_LINE_CHARS or not UPDATED_WORDS.search(text) or (
                    el.find(".//a") is not None):
                continue  # (a line that links elsewhere is another page's: "<a>VAT guide</a> —
                # Updated Jan 30, 2024")
            for parsed in find_dates(text, day_first=page.day_first, context=page.context):
                label = text[:parsed.start]
                if parsed.yearless or not _PAGE_UPDATE_LABEL.search(label):
                    continue
                if page.now_local is not None and (
                        parsed.day >= page.now_local.date() - timedelta(days=1)):
                    continue
                cand = _cand(parsed, role="modified", source="text", family="visible",
                             weight=4.0, raw=text[parsed.start:parsed.end])
                cand.footer = True
                return [cand]
    return []


# the label of the page's own update, alone on its line: "Last updated on", "This page was last
# modified on", "Zuletzt geändert:", "Laatst bijgewerkt:", "Dernière mise à jour :"; not
# another thing's ("App last updated", "Fahrplandaten zuletzt aktualisiert", "Site last …")
_PAGE_UPDATE_LABEL = re.compile(
    r"(?:^|[|·•©.]\s*)(?:(?:this\s+)?(?:page|article|post|document|content)\s+(?:was\s+)?"
    r"|(?:diese\s+)?seite\s+(?:wurde\s+)?|deze\s+pagina\s+(?:is\s+)?)?"
    r"(?:last\s+|zuletzt\s+|laatst\s+|letzte\s+|dernière\s+|última\s+|ultima\s+|ostatnia\s+)?"
    r"(?:updated|modified|changed|edited|geändert|aktualisiert|bearbeitet|änderung|aktualisierung"
    r"|bijgewerkt|gewijzigd|wijziging|mise\s+à\s+jour|modification|actualización|modificación"
    r"|modifica|aggiornamento|zmiana|modyfikacja)"
    r"(?:\s+(?:on|am|le|el|il|op|at))?\s*:?\s*$", re.IGNORECASE)


# a forum's statement of the zone of every time it prints (vBulletin, phpBB, XenForo): "All
# times are GMT +1. The time now is 10:31.", "Alle Zeitangaben in WEZ +1", "All times are
# UTC+01:00"
_ZONE_STATEMENT = re.compile(
    r"(?:all times are|alle zeitangaben in|alle zeiten sind|toutes les heures sont(?: au format)?"
    r"|todas las horas son|alle tijden zijn|tutti gli orari sono)\s+(?:in\s+)?(?:GMT|UTC|WEZ)"
    r"(?:\s*([+-])\s*(\d{1,2})(?::?(\d\d))?)?(?![\w:+-])", re.IGNORECASE)


# a forum's address or software: only a forum's statement is about every time on its page (a
# sports page's fixtures end "All times are GMT" too)
_FORUM_URL = re.compile(  # (its software's paths, not a story's words: "world-economic-forum")
    r"//forums?\.|/forums?/|/board/|viewtopic\.php|showthread\.php|showpost\.php|/threads/"
    r"|/t/[^/]+/\d|[?&](?:topic|t)=\d|/topic/\d|/discussions?/\d|/community/t/", re.IGNORECASE)
_FORUM_SOFTWARE = re.compile(r"vbulletin|phpbb|xenforo|discourse|mybb|simple machines|invision"
                             r"|vanilla|nodebb|flarum|woltlab|burning board", re.IGNORECASE)


def _forum_page(url: str, meta: dict[str, str]) -> bool:
    return bool(_FORUM_URL.search(url) or _FORUM_SOFTWARE.search(meta.get("generator") or ""))


_ZONE_STATEMENT_WORDS = ("imes are", "IMES ARE", "eitangaben", "eiten sind", "eures sont",
                         "oras son", "ijden zijn", "rari sono")


def _stated_offset(full: str, footers: list[str]) -> int | None:
    """The offset a page states for all its times: in its text's first or last lines (a
    forum's top bar or its footer line) or in its footers."""
    for text in (full[:STATEMENT_CHARS], full[-STATEMENT_CHARS:], *footers):
        if not any(word in text for word in _ZONE_STATEMENT_WORDS):
            continue  # (a few substring tests, not a case-blind regex over the page)
        m = _ZONE_STATEMENT.search(text)
        if m is not None:
            sign, hours, minutes = m.groups()
            offset = int(hours or 0) * 60 + int(minutes or 0)
            return -offset if sign == "-" else offset
    return None


# zones that switch to and from daylight saving time, one for each offset they use
DST_ZONES = tuple(ZoneInfo(name) for name in (
    "America/St_Johns", "America/Halifax", "America/New_York", "America/Chicago",
    "America/Denver", "America/Los_Angeles", "America/Anchorage", "America/Santiago",
    "America/Asuncion", "America/Havana", "Atlantic/Azores", "Europe/London", "Europe/Berlin",
    "Europe/Athens", "Asia/Jerusalem", "Asia/Beirut", "Africa/Cairo", "Australia/Adelaide",
    "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham"))


def switch_between(stamp: Cand, later: datetime) -> bool:
    """Whether a zone that has the stamp's offset at its moment switches it before ``later``
    (a naive UTC time): then the offset alone cannot be carried to the later clock."""
    start = stamp.instant()
    if start is None or stamp.offset is None:
        return False
    end = later.replace(tzinfo=UTC)
    for zone in DST_ZONES:
        before, after = start.astimezone(zone).utcoffset(), end.astimezone(zone).utcoffset()
        if before == timedelta(minutes=stamp.offset) and after != before:
            return True
    return False


def _verb_leads(full: str, start: int, end: int) -> bool:
    """A stamp verb opens the text: "Published March 12, 2024 at 6:05 p.m. by …"."""
    lead = full[start:end]
    return _STAMP_VERB.match(full, start + len(lead) - len(lead.lstrip())) is not None


def _page_stamp_sentence(full: str, begin: int, end: int) -> bool:
    """A sentence that gives the post's own date: a stamp verb that leads it ("Posted on …",
    "Reported by the newsroom staff on …", "Publicado el …"), a byline's ("By Jane Roe,
    published …") or a sentence about the page itself ("This entry was posted on …"); not
    "La norma fue publicada en el Diario Oficial el 12 de abril de 2019"."""
    verb = _STAMP_VERB.search(full, begin, end)
    if verb is None:
        return False
    lead = full[begin:verb.start()].strip()
    return _word_count(lead) <= 1 or bool(_BYLINE_LEAD.match(lead)) or bool(
        _SELF_REFERENCE.search(full, begin, end))


# a byline's own sentence: "By Jane Roe, published March 12, 2024 at 6:05 pm", "Von Jane Roe,
# veröffentlicht am …", "Par Jeanne Roux, publié le …"
_BYLINE_LEAD = re.compile(r"(?:" + BYLINE_LEAD_WORDS + r")\s", re.IGNORECASE)
# a block that is a byline: "By: Reina C. Tolentino - Reporter / @ReinaTINQ<br>Philippine Daily
# Inquirer / 05:42 AM July 23, 2024" (its many words before the date make no sentence)
_BYLINE_BLOCK = re.compile(r"\s*(?:" + BYLINE_LEAD_WORDS + r")(?::|\s)", re.IGNORECASE)


def _in_stamp_sentence(full: str, start: int, end: int, lo: int, hi: int) -> bool:
    """``full[start:end]`` is in a sentence that gives the post's own date
    (_page_stamp_sentence of _own_sentence's bounds). Most mentions have no stamp verb near:
    one search of the widest bounds rules those out before the sentence is looked for."""
    lo_window, hi_window = max(lo, start - SENTENCE_CHARS), min(hi, end + SENTENCE_CHARS)
    if lacks_stems(full[lo_window:hi_window], _STAMP_VERB_STEMS) or _STAMP_VERB.search(
            full, lo_window, hi_window) is None:
        return False
    return _page_stamp_sentence(full, *_own_sentence(full, start, end, lo, hi))


SENTENCE_CHARS = 300  # how far from a date its sentence is looked for, either side


def _own_sentence(full: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The bounds of the sentence that holds ``full[start:end]``, within ``lo`` and ``hi`` and
    at most SENTENCE_CHARS either side."""
    lo, hi = max(lo, start - SENTENCE_CHARS), min(hi, end + SENTENCE_CHARS)
    breaks = [(b, e) for b, e in _sentence_breaks(full, lo, hi) if not _ABBREVIATION.search(
        full, max(0, b - 6), b)]  # (not after "Prof." nor "Dr.")
    begin = max((e for _, e in breaks if e <= start), default=lo)
    stop = next((b for b, _ in breaks if b >= end), hi)
    return begin, stop


def _sentence_breaks(full: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE_BREAK.finditer(full, lo, hi)``. A break starts just after a
    stop or at a line break: the pattern is tried there only (searched for, its lookbehinds
    are tried at every character, most of the cost of a date's sentence)."""
    spans: list[tuple[int, int]] = []
    last = lo  # where the previous break ends (no break starts inside one)
    for c in _BREAK_CHAR.finditer(full, max(0, lo - 1), hi):  # (a stop just before lo)
        at = c.start() if c.group() == "\n" else c.end()
        if spans and at == spans[-1][0]:  # "。\n": the empty break after the stop, then
            if spans[-1][1] == at and c.group() == "\n":  # the line break's own
                spans.append((at, at + 1))
                last = at + 1
            continue
        if at < last:
            continue
        m = _SENTENCE_BREAK.match(full, at, hi)
        if m is not None:
            spans.append((at, m.end()))
            last = m.end()
    return spans


# a dateline's place before its date, and the stop or dash after it
_DATELINE_LEAD = re.compile(r"\s*(?:[^\W\d_][\w.'-]*(?:[ -][^\W\d_][\w.'-]*){0,3}\s*(?:\([^()]{2,20}\))?"
                            r"\s*,\s*){1,2}(?:den\s+|le\s+|el\s+|am\s+)?\(?\s*")
_DATELINE_TAIL = re.compile(r"\s*\)?\s*(?:[.:]\s|–|—|--|-\s|/[^/\n]{2,40}/"
                            r"|\([^()\n]{2,40}\)\s*(?:--|—|–|-\s))")
# between the two ends of a validity window: "18:00 Uhr bis: Montag, ", " to ", " – "
_VALIDITY_END = re.compile(r"\W{0,3}(?:uhr\s*)?(?:bis|until|till|to|au|jusqu'?(?:au|à)|hasta|al"
                           r"|fino al|tot|till|til|asti|[-–—])\W{0,3}(?:[^\W\d_]{2,12}\.?,?\s*)?",
                           re.IGNORECASE)
_DATELINE_END = re.compile(r"\s*(?:/[^/\n]{2,40}/|\([^()\n]{2,40}\))?\s*(?:--|—|–|-\s)")
MENTION_LABEL_GAP = 12
_DIGIT = re.compile(r"\d")


def _first_digit(text: str) -> int:
    """Where the first digit of ``text`` is (its length when it has none)."""
    m = _DIGIT.search(text)
    return m.start() if m else len(text)


_BY_SOMEONE_ON = re.compile(r"\s*(?:by|von|par|por|di|door)\s[^\n.]{1,40}?\s(?:on|am|le|el|il|em|op)"
                            r"(?:\s+[^\W\d_]+,?)?\s*", re.IGNORECASE)
LABEL_GAP = 16
_CLOCK_LEAD = re.compile(r"(?<!\w)(?:à|a las|às|at|um|alle|om|kl|klo|o)(?!\w)", re.IGNORECASE)
_UHR = re.compile(r"\s*uhr\b", re.IGNORECASE)
OTHER_CLOCK_CHARS = 100
_CLOCK_AFTER_LABEL = (r"\s*[:,]?\s*(?:à|a las|às|at|um|alle|om|kl\.?|o)?\s*"
                      r"(\d{1,2})[:h.](\d{2})(?!\d|[./-]\d)(?!(?<=\.\d\d)\.)"
                      r"\s*(a\.?\s?m\.?|p\.?\s?m\.?)?")
_CJK_ROLE_AFTER = re.compile(r"\s*[)\]）】]?\s*(?:(" + CJK_PUBLISHED_AFTER + ")"
                             r"|(" + CJK_UPDATED_AFTER + r"))(?![日時时]|\s*[:：]|\s*\d)")  # (not the next
# stamp's label, "更新日：", "更新时间：", "수정: 2023/11/08", nor a list entry's "更新：新マップ")
CJK_AFTER_GAP = 12
STORY_DATE_GAP = 200  # characters between a date and the headline below it that may be theirs
NAV_LOOKUP = 300  # elements looked at between a date and the headline


def _nav_between(el: Any, headline: Any) -> bool:
    """A site's navigation (a <nav>, a <header>, a logo link home) between ``el`` and the
    headline below it (or more than NAV_LOOKUP elements)."""
    node: Any = el
    seen = 0
    while node is not None:
        for sib in node.itersiblings():
            for x in itertools.chain((sib,), sib.iterdescendants()):
                if x is headline:
                    return False
                seen += 1
                if seen > NAV_LOOKUP or x.tag in ("nav", "header") or (
                        x.get("role") or "") in ("navigation", "banner"):
                    return True
        node = node.getparent()
    return True
_UPDATE_NEXT = re.compile(r"[\s/|·•,–—-]*(?:(?:last|zuletzt)\s+)?(?:" + UPDATED_WORDS.pattern + r")",
                          re.IGNORECASE)
_UPDATE_CLOCK = re.compile(r"(?:" + UPDATED_WORDS.pattern + r")" + _CLOCK_AFTER_LABEL,
                           re.IGNORECASE)
# "24. окт 2023, 18:05 -> 20:41": an arrow from the stamp's clock to its update's
_ARROW_CLOCK = re.compile(r"(\s*(?:-+>|→|⇒))" + _CLOCK_AFTER_LABEL)
_PUBLISH_CLOCK = re.compile(
    r"(?<![\w-])(first\s+published|published|posted|publié|veröffentlicht|publicado|pubblicato)"
    + _CLOCK_AFTER_LABEL, re.IGNORECASE)


def _other_clock(full: str, after: int, end: int, stamp: Cand, arrow: bool = False
                 ) -> Cand | None:
    """The other stamp written as a clock only, after a dated one: an update ("Publié le 12 mars
    2024 à 18h05, modifié à 20h14", "(mis à jour à 20h14)", "18:05 -> 20:41" in an element
    named like a date (``arrow``), "Updated 8:22 a.m. ET": the stamp's
    day, the next one when the clock is earlier) or the first publication ("Updated March 12,
    2024 — 8.22pm, first published at 6.05pm": the previous day when the clock is later), in
    the stamp's offset."""
    update = stamp.role != "modified"
    line_end = full.find("\n", after, end)  # on the stamp's own line
    m = (_UPDATE_CLOCK if update else _PUBLISH_CLOCK).search(
        full, after, end if line_end < 0 else line_end)
    if m is None and update and arrow:  # (only in a date element: no timetable's "18:05 → 20:41")
        m = _ARROW_CLOCK.match(full, after, end if line_end < 0 else line_end)
    if m is None:
        return None
    marker = m.group(4)
    hour, minute = to_24h(int(m.group(2)), marker), int(m.group(3))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    if full[m.end(2)] == "." and not marker and not _CLOCK_LEAD.search(
            full, m.end(1), m.start(2)) and not _UHR.match(full, m.end()):
        return None  # "Update 23.10 patch notes": a version; "um 20.14 Uhr" is a clock
    when = stamp.when.replace(hour=hour, minute=minute, second=0)
    if stamp.has_time and update and when <= stamp.when:
        when += timedelta(days=1)
    elif stamp.has_time and not update and when >= stamp.when:
        when -= timedelta(days=1)
    return replace(stamp, when=when, has_time=True, has_seconds=False,
                   role="modified" if update else "published", raw=m.group(0), pos=m.start(),
                   group="")


IN_ARTICLE_AREA, IN_ARTICLE_TAG = 1, 2  # inside <main> or a container named "article"; an <article>
LINK_LIST_NODES = 300  # elements of a box read to tell a list of links
HEADLINE_LINK_WORDS = 3  # a teaser's link is a headline; an author's link is a name
_PERSON_LINK = re.compile(r"/(?:authors?|autor(?:en|in)?|profiles?|profil|people|staff|team)/",
                          re.IGNORECASE)


def _link_list(el: Any) -> bool:
    """Two or more links that read like headlines (3+ words, not to an author's page) making
    most of the box's text (read as far as LINK_LIST_NODES elements), in a box not named like
    a byline or a date: the teasers under a wrapped "Related" heading, not the key points of a
    live blog or a byline of two author links."""
    if el is None or not isinstance(el.tag, str):
        return False
    if class_bits(f"{el.get('class') or ''} {el.get('id') or ''}") & _DATEISH:
        return False
    headlines = linked = chars = 0
    for node in itertools.islice(el.iter(), LINK_LIST_NODES):
        if not isinstance(node.tag, str):
            continue
        chars += len((node.text or "").strip())
        if node is not el:
            chars += len((node.tail or "").strip())
        if node.tag == "a":
            text = " ".join(node.itertext()).strip()
            linked += len(text)
            headlines += len(text.split()) >= HEADLINE_LINK_WORDS and node.get(
                "rel") != "author" and not _PERSON_LINK.search(node.get("href") or "")
    return headlines >= 2 and linked >= 0.6 * max(chars, 1)


LIST_ITEM_WORDS = 3  # an entry of a list of other stories: a headline, not a byline's part
# a publish or update label that starts an entry ("Last updated …", "Zuletzt aktualisiert …"),
# not a headline's word ("Nevada Gold Mines update")
_LEADING_LABEL = re.compile(r"^.{0,14}?(?:" + PUBLISHED_WORDS.pattern + "|"
                            + UPDATED_WORDS.pattern + ")", re.IGNORECASE | re.DOTALL)


def _item_list(el: Any) -> bool:
    """A list (``<ul>``/``<ol>``) of two or more entries of a few words each in the box (read as
    far as LINK_LIST_NODES elements): an aside of other stories after the headline whose
    entries link nowhere ("<li>13.03.2024 21:40 Storm hits the coast</li>"); not one holding
    a ``<time>``, a "By …" entry or a publish or update label (the article's details)."""
    lists = []
    for node in itertools.islice(el.iter(), LINK_LIST_NODES):
        if node.tag == "time":
            return False  # the article's own details ("<li>By Jane Doe</li><li><time>…")
        if node.tag in ("ul", "ol"):
            lists.append(node)
    for node in lists[:3]:
        texts = [" ".join(itertools.islice(li.itertext(), 8)).strip()
                 for li in itertools.islice(node.iterchildren("li"), 10)]
        if any(_BY_WORD.match(text) or _LEADING_LABEL.search(text) for text in texts):
            return False  # a byline's or a details box's entries: "By …", "Published …"
        if sum(len(text.split()) >= LIST_ITEM_WORDS for text in texts) >= 2:
            return True
    return False


def _story_link_after(el: Any) -> bool:
    """The box after a heading is another story's link with little else: its headline linked,
    its date ("<p><a href=…>AI生成楽曲がチャート上位に</a> - 2024年08月22日 14時30分</p>")."""
    box = _next_box(el)
    if box is None or len("".join(itertools.islice(box.itertext(), 40))) > NEXT_BOX_CHARS:
        return False
    return any(len("".join(a.itertext()).strip()) >= 8 for a in box.iter("a"))


def _next_box(el: Any) -> Any:
    """The next sibling element that holds any text (an empty ad slot is stepped over)."""
    for sib in itertools.islice(el.itersiblings(), 3):
        if isinstance(sib.tag, str) and "".join(itertools.islice(sib.itertext(), 20)).strip():
            return sib
    return None


def _in_span(full: str, found: list[Parsed], i: int) -> bool:
    """The i-th date is joined to the one before or after it by "-", "bis", "to"..."""
    before = i > 0 and RANGE_GAP.fullmatch(full, found[i - 1].end, found[i].start)
    after = i + 1 < len(found) and RANGE_GAP.fullmatch(full, found[i].end, found[i + 1].start)
    return bool(before or after)


_LABEL_UP = {"dd", "strong", "b", "em", "i", "span", "small", "font"}  # not a list item's


def _label_in_parent(el: Any) -> str:
    """The text before an element in its parent ("Updated <time>", "<span>Aktualisiert am
    </span><time>"), not a link's (a teaser's headline "… route map updated</a> <time>") nor
    another list item's."""
    parent = el.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for sib in itertools.islice(parent, 20):
        if sib is el:
            return " ".join(" ".join(parts).split())[-80:]
        if isinstance(sib.tag, str) and sib.tag != "a":
            parts.append(" ".join(itertools.islice(sib.itertext(), 10)))
        parts.append(sib.tail or "")
    return ""


def _holds_publish_stamp(el: Any) -> bool:
    """A box inside the <article> named like chrome ("breadcrumb") that holds an element named
    for the publish stamp (Clarín's '<div class="breadcrumb"><span class="publishedDate">'):
    its dates are read (the first few dozen elements looked at)."""
    return any(_PUBLISH_STAMP_CLASS.search(node.get("class") or "")
               for node in itertools.islice(el.iter(), STAMP_CHILD_NODES) if isinstance(node.tag, str))


STAMP_CHILD_NODES = 40
LIST_ENTRIES = 3  # stamps in one kind of element that make a list of other things
_HEADING_CLASS = re.compile(r"(?:^|\s)(?:h1|headline)(?:$|\s)", re.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3"})
OTHER_STORY_LINKS = 3  # links to stories in a box that make it a list of other stories
STORY_LINK_WORDS = 4


def _holds_headline_copy(el: Any, headline: Any) -> bool:
    """A box inside the <article> named like chrome that repeats the headline in a heading or
    an element classed as one (Falstaff's '<div class="sidebar"><p class="h1">Headline</p>…
    <time>'): the article's own header column beside the text, not a sidebar of other
    stories (a "reading now" box that repeats the title beside teasers is one)."""
    if headline is None:
        return False
    words = _plain_words(headline)
    if len(words) < 12:
        return False
    copy = links = 0
    for node in itertools.islice(el.iter(), STAMP_CHILD_NODES):
        if not isinstance(node.tag, str) or node is headline:
            continue
        if node.tag == "a" and len((node.text_content() or "").split()) >= STORY_LINK_WORDS:
            links += 1  # (a teaser's headline, not a tag's or a share button's link)
        elif not copy and (node.tag in _HEADINGS or _HEADING_CLASS.search(node.get("class") or "")
                           ) and _plain_words(node) == words:
            copy = 1
    return bool(copy) and links < OTHER_STORY_LINKS


_PUBLISH_STAMP_CLASS = re.compile(r"publish|timestamp|date-?time|post-?date|article-?date",
                                  re.IGNORECASE)


def _plain_words(el: Any) -> str:
    """An element's words, one space apart, without soft hyphens ("Burgen&shy;land<br>Best")."""
    return " ".join(" ".join(el.itertext()).replace("\u00ad", "").split())


_MACHINE_TAGS = frozenset({"time", "abbr", "bsp-timestamp"})
_EPOCH_MS = re.compile(r"1\d{12}")


def _machine_value(el: Any, tag: str, cls: str | None) -> str | None:
    """The value of a ``<time datetime>``, or of an hAtom ``<abbr class="published"
    title="2021-07-22T16:25">``, or of Brightspot's ``<bsp-timestamp data-timestamp=
    "1718311500000">`` (a Unix time in milliseconds, printed by a script)."""
    if tag == "bsp-timestamp":
        epoch = el.get("data-timestamp") or ""
        return datetime.fromtimestamp(int(epoch) / 1000, UTC).isoformat() if (
            _EPOCH_MS.fullmatch(epoch)) else None
    if tag == "time":
        # (or its tooltip, when the text is short: vc.ru's <time title="12.03.2024 12:44:21">
        # 12 марта</time>)
        value = el.get("datetime") or el.get("data-datetime")
        title = el.get("title")
        return value or (title if title and _FULL_STAMP.match(title) else None)
    title = el.get("title") or ""
    if _ISO_STAMP.match(title) and (_DATE_NAMED.search(cls or "") or _TOOLTIP_CLASS.search(cls or "")
                                    or _tooltip_text(el.text_content()[:80])):
        # a "timeago" element's tooltip: <span class="timeago" title="2024-…">March 13, 2024
        # </span> (an element named for a date, or whose text is one; not a photo link's,
        # a view counter's or a comments link's)
        return title
    if tag != "abbr":
        # a stamp kept in a data attribute of the element that prints it: El País's
        # <a data-date="2024-03-12T18:05:22+01:00">, Naver's data-date-time, ynet's
        # data-wcmdate (an ISO day and clock, not an epoch nor a day alone)
        return next((v for k, v in el.attrib.items() if k.startswith("data-")
                     and _STAMP_ATTR.search(k) and _ISO_STAMP.match(v)), None)
    value = title if cls and _HATOM_TOKEN.search(cls) else None
    return value if (value or "")[:4].isdigit() else None


# a relative time's element ("timeago") and microformats' value-class pattern ('<span
# class="updated"><span class="value-title" title="2014-02-02T14:42">')
_TOOLTIP_CLASS = re.compile(r"ago|value-title", re.IGNORECASE)
_TOOLTIP_TEXT = re.compile(r"\bago\b|\d{1,2}:\d\d|today|yesterday", re.IGNORECASE)


def _tooltip_text(text: str) -> bool:
    """The text shown over a stamp's tooltip is a date, a clock or a relative time ("March 13,
    2024", "3 hours ago"), not a year in another thing's words ("Contributor since 2015")."""
    return bool(_TOOLTIP_TEXT.search(text)) or next(find_dates(text), None) is not None
_STAMP_ATTR_TAGS = {"span", "div", "a", "p", "li", "em", "strong", "small"}
_CENTURIES = ("19", "20")  # a tooltip's first digits when it starts with a year
_STAMP_ATTR = re.compile(r"date|time|publish|modif|updat", re.IGNORECASE)
_ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d")
_FULL_STAMP = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}[ T,]+\d{1,2}:\d\d")  # a day and a clock


def _machine_time(el: Any, value: str, page: PageInfo, pos: int,
                  pairs: dict[Any, bool] | None = None) -> Cand | None:
    """A ``<time>``/hAtom value, read in the page's day order (settled by then)."""
    parsed = parse_machine(value, page.context, day_first=page.day_first)
    if parsed is None:
        return None
    cand = _cand(parsed, role=_role_from_classes(el, pairs), source="time", family="visible",
                 weight=6.0, raw=value, pos=pos)
    cand.group = _group_of(el)
    return cand


def _group_of(el: Any) -> str:
    """What repeats from one entry of a list to the next: tag and classes of the element and
    of its parent ("span.date < div.teaser")."""
    parent = el.getparent()
    up = f"{parent.tag}.{parent.get('class') or ''}" if parent is not None else ""
    return f"{el.tag}.{el.get('class') or ''}<{up}"


# (a word of two letters, not a capital's abbreviation: "tăng lên 8-10 làn xe.", "… cut it.")
_SENTENCE_END = re.compile(r"(?:\w{3,}[.!?]|(?<!\w)(?![A-Z])[^\W\d_]{2}[.!?]|[。！？][」』）]?|\w।"
                           r"|\w[)\]\"”»][.!?]|\w{3,}[.!?][\"”»’])$")  # "…B4).", "…said.""
PROSE_WORDS = 10  # running prose has more words than this
# Chinese and Japanese write no spaces between words: two characters count as a word
_CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _cjk_words(text: str) -> int:
    """Chinese and Japanese words in (the first 200 characters of) ``text``, two characters a
    word (max() is a C loop: most non-ASCII text holds no character as high as kana)."""
    return len(_CJK_CHARS.findall(text, 0, 200)) // 2 if max(text[:200]) >= "\u3040" else 0


def _word_count(text: str) -> int:
    """The spaces in ``text`` and its Chinese and Japanese words, as far as PROSE_WORDS needs."""
    words = text.count(" ")
    if words <= PROSE_WORDS + 4 and not text.isascii():
        words += _cjk_words(text)
    return words


def _is_sentence(words: int, last: str) -> bool:
    """A block of running prose, from its own text only (not its nested blocks' nor the
    next block's): more than ten words, the last piece ending like a sentence."""
    return words > PROSE_WORDS and bool(_SENTENCE_END.search(last[-TAIL_CHARS:]))


TAIL_CHARS = 60
SHORT_SENTENCE_WORDS = 3  # lower-case words before a date that make a short block a sentence
SHORT_SENTENCE_CJK = 6  # ... or Chinese and Japanese characters


SENTENCE_GOES_ON = 4  # words after a date, before its sentence ends, that make it prose
# a lower-case word before the date that is no dateline's article ("A fire on 2 January 2020",
# not "Paris, le 12 mars 2024," nor "New Delhi, March 12, 2024:")
_SENTENCE_WORDS = re.compile(r"(?<!\w)(?!(?:le|la|den|der|el|il|am|à|de|del|du)\b)[^\W\d_A-Z]"
                             r"[^\W\d_]*|^\s*(?:On|In|Since|Until|After|Before|Am|Seit|Le|El|Il|Em"
                             r"|Op|Dal|Desde)\s")


def _goes_on(full: str, end: int, block_end: int) -> bool:
    """The sentence goes on after the date: four words or more before its end."""
    rest = _SENTENCE_STOP.split(full[end:min(block_end, end + 160)], maxsplit=1)[0]
    return _word_count(rest) >= SENTENCE_GOES_ON


_SENTENCE_STOP = re.compile(r"[.!?。！？\n|–—]")  # (or a dateline's dash or bar)


def _short_sentence(before: str, last: str) -> bool:
    """A block too short to be running prose that still reads as a sentence about a date: it
    ends like one, and the words before the date hold three lower-case ones and no stamp verb
    ("The law was passed on July 13, 2021.", not "por Juan Pérez el 12 de marzo de 2024.",
    "Written by Jo Bloggs on 12 March 2024.", "This article appeared in print on …")."""
    if not _SENTENCE_END.search(last[-TAIL_CHARS:]) or _STAMP_VERB.search(before) or (
            _BY_WORD.search(before)):
        return False
    if not before.isascii() and len(_CJK_CHARS.findall(before)) >= SHORT_SENTENCE_CJK:
        return True  # Chinese and Japanese: "市電のループ化は2015年12月20日に完成しています。"
    return sum(word[:1].islower() for word in before.split()) >= SHORT_SENTENCE_WORDS


# who wrote it: "Reported by the newsroom staff on …", "Escrito por la redacción el …"
_BY_WORD = re.compile(r"(?<![\w-])(?:by|von|par|por|door|da|di|af|av|od|от|przez|tarafından)(?![\w-])",
                      re.IGNORECASE)


def _label_before(full: str, lo: int, start: int) -> str:
    """The text just before a date in its own block, or a short label line right above it."""
    lines = full[lo:start].split("\n")
    if lines[-1].strip() or len(lines) < 2:
        return lines[-1]
    above = lines[-2].strip()
    return above if len(above) <= 30 else ""


_EFFECTIVE = re.compile(r"(?:\s+(?:met\s+ingang\s+van|with\s+effect\s+from|effective(?:\s+from)?"
                        r"|ab|zum|à\s+compter\s+du|a\s+partir\s+del?|a\s+partire\s+dal)"
                        # Dutch "per" (Norwegian "oppdatert per" is "updated as of", a stamp)
                        r"|(?<=aangepast|gewijzigd)\s+per)\s*", re.IGNORECASE)


# a weekday that ends a label, and the brackets or the "on" before it
_WEEKDAY_LAST = re.compile(r"\s*(?:[(\[]\s*|on\s+|le\s+|am\s+|el\s+)?" + WEEKDAY_BEFORE.pattern,
                           re.IGNORECASE)


def _role_from_label(label: str, near: int | None = None) -> str:
    """published/modified from the last label word before a date (``near``: only a word that
    ends at most this many characters before it)."""
    if lacks_stems(label, LABEL_STEMS):
        return "any"  # (most labels: a byline, a place, a headline's end)
    upd = None
    for m in UPDATED_WORDS.finditer(label):
        if not _EFFECTIVE.fullmatch(label, m.end()):  # "aangepast per 13 maart": in force from
            upd = m.end()
    pub = None
    for m in PUBLISHED_WORDS.finditer(label):
        pub = m.end()
    if upd is None and pub is None:
        return "any"
    last = max(upd or 0, pub or 0)
    # (a weekday before the date is the date's: "Last Updated ( Wednesday, 18 November 2009")
    end = len(label) if near is None or (weekday := _WEEKDAY_LAST.search(
        label, last)) is None else weekday.start()
    if near is not None and end - last > near and not _BY_SOMEONE_ON.fullmatch(
            label, last):
        return "any"  # ("Last updated by the Health Desk team on March 13" leads to its date)
    if pub is None or (upd is not None and upd > pub):
        return "modified"
    return "published"


FOLLOW_CHARS = 40  # how far after a date the next one may start and be its own update


def _update_follows(full: str, parsed: Parsed, after: Parsed) -> bool:
    """The next date, on the same line right after this one and later, is labelled as the
    update."""
    between = full[parsed.end:after.start]
    later = (after.day, after.hour or 0, after.minute or 0) > (
        parsed.day, parsed.hour or 0, parsed.minute or 0)
    return later and len(between) <= FOLLOW_CHARS and "\n" not in between and (
        _role_from_label(between) == "modified" or bool(_CJK_UPDATE_AFTER.match(full, after.end)))


_CJK_UPDATE_AFTER = re.compile(r"\s*(?:更新|수정)")  # "（3/12 20:41 更新）"


RDFA_LEVELS = 30  # how far up an RDFa value's subject (its "about") is looked for


def _rdfa_of_page(el: Any, url: str) -> bool:
    """An RDFa value about the page itself: its subject (the nearest ``about``) is the page's
    address or the node that holds the headline, not a teaser's, a comment's or a letter's."""
    for node in itertools.islice(itertools.chain((el,), el.iterancestors()), RDFA_LEVELS):
        about = node.get("about")
        if about is None:
            continue
        try:
            same = urlsplit(urljoin(url, about)).path.rstrip("/") == urlsplit(url).path.rstrip("/")
        except ValueError:
            return False
        return same or node.find(".//h1") is not None
    return False


HEADLESS_TOP_CHARS = 200  # on a page with no headline found, the text where the header's today is


def _header_today(full: str, parsed: Parsed, owner: Any, page: PageInfo, headline: Any,
                  head_pos: int) -> bool:
    """A day with its weekday above the headline, outside any ``<article>`` and ``<main>`` and
    in no element named like a date or a byline, that is the fetch's own day: the site
    header's "today" ("Thursday, March 14, 2024" in a toolbar), never the article's date."""
    if page.now_local is None or owner is None or parsed.day != page.now_local.date():
        return False
    nodes = list(itertools.chain((owner,), owner.iterancestors()))
    if any(node.tag in ("article", "main") for node in nodes):
        return False  # a dated kicker or byline of the article's own
    today = dateish = False
    for node in nodes[:3]:
        cls = _class_of(node)
        today = today or any(_TODAY_WORD.match(word) for word in cls.lower().split()[:12])
        dateish = dateish or bool(_DATEISH_CLASS.search(cls))
    if not today and not WEEKDAY_BEFORE.search(full, max(0, parsed.start - 24), parsed.start):
        # without its weekday, only in the site's own banner: a <header> that holds the
        # site's navigation and no headline ("<header><a class=logo>…<span class=fecha>
        # 13.03.2024</span><nav>"), not an article's header; or in an element named for
        # today ('<span class="today">2024年10月14日 星期一</span>': its weekday after it)
        return any(node.tag == "header" and node.find(".//nav") is not None
                   and node.find(".//h1") is None and not _ARTICLE_HEAD.search(_class_of(node))
                   for node in nodes[1:])
    if headline is not None and not today:
        # the date and the headline in one box, two levels up at most from each: the story's
        # own dateline ("<div class=sida><span>torsdag 14 mars 2024</span><h1>…")
        parent = headline.getparent()
        boxes = {parent, parent.getparent()} if parent is not None else set()
        if any(node in boxes and node.tag not in ("body", "html") for node in nodes[1:3]):
            return False
        if 0 <= head_pos - parsed.end <= STORY_DATE_GAP and not any(
                a.tag in ("article", "main") for a in headline.iterancestors()) and (
                not _nav_between(owner, headline)):
            return False  # right above a headline that no <article> holds either, with no
            # navigation between: the story's own line ("<div class=rubrika><span>Колумна
            # </span> <span>четвртак, 14. март 2024.</span>"; not a toolbar above <article>)
    if today:
        # a date element that names itself the bar's ("jeg_top_date"), unless it shares its
        # box with the headline ("<div class=story-header><span class=header-date>")
        return not any(node.find(".//h1") is not None for node in nodes[:2]
                       if node.tag not in ("body", "html"))
    return not dateish


# the label of a page's render stamp ("Deze pagina is gegenereerd op 14-10-2024 om 10:02",
# "This page was generated on …") or of a site's clock ("Philippine Standard Time: Wednesday,
# August 23, 2023, 9:00:00 AM", "Current time:", "Hora local:")
_CLOCK_LABEL = re.compile(
    r"(?i:(?:gegenereerd|generated|generiert|erzeugt|générée?|generada|generata|gerada|rendered)"
    r"(?:\s+(?:on|op|am|le|el|il|em|at|um))?"
    r"|(?:standard|local|current|server)\s+time|hora\s+(?:local|actual|oficial)|heure\s+locale"
    r"|ora\s+(?:locale|attuale)|aktuelle\s+(?:zeit|uhrzeit))\s*:?\s*(?:[^\W\d_]+,?\s*)?$")
TODAY_LABEL_CHARS = 40
# "today is" before a day (and its weekday): a header's line, never a story's date
_TODAY_LABEL = re.compile(
    r"(?i:\b(?:heute\s+ist|today\s+is|hoy\s+es|aujourd'hui\s+(?:nous\s+sommes|c'est)|oggi\s+è"
    r"|hoje\s+é|vandaag\s+is|dziś\s+jest|dnes\s+je|ma\s+van|idag\s+är|i\s+dag\s+er)"
    r"|сегодня|今日は|오늘은)\s*:?\s*(?:[^\W\d_]+\.?,?\s*)?$")


_ARTICLE_HEAD = re.compile(r"article|entry|story|post|artikel|single|content|headline",
                           re.IGNORECASE)
# a date element named for the site's bar or for today, one class word: "jeg_top_date",
# "topbar-date", "top-strip__date", "header-date", "current-date", "date-today", "fecha-hoy"; not an article's
# own ("entry-header-date", "story-header-date", "is-today")
_TODAY_WORD = re.compile(
    r"^(?:(?!article|entry|story|post|artikel|news|single|content|is|has|dateline)[a-z0-9]{1,8}"
    r"[-_]{1,2})?(?:top[-_]?(?:(?:bar|strip)[-_]{0,2})?date|topbar|top[-_]?strip"
    r"|header[-_]?date|current[-_]?date"
    r"|date[-_]?today|today[-_]?date|today|fecha[-_]?(?:hoy|actual)|data[-_]?(?:hoje|oggi))$")


def _label_word_in_link(full: str, label: str, start: int, seg_info: list[tuple[int, Any, bool]],
                        seg_pos: list[int], owner: Any) -> bool:
    """Whether the label word before a date (at ``start``) is a word of a link the date is not
    in: a teaser's headline ("<a>Bus timetable: route map updated</a> March 13")."""
    lo = start - len(label)
    if lo < 0 or full[lo:start] != label:
        return False  # a label line above the date's own
    word = max((m for pattern in (UPDATED_WORDS, PUBLISHED_WORDS)
                for m in pattern.finditer(label)), key=lambda m: m.end(), default=None)
    if word is None or not seg_info:
        return False
    word_owner = seg_info[max(0, bisect.bisect_right(seg_pos, lo + word.end() - 1) - 1)][1]
    link = next((node for node in itertools.chain((word_owner,), itertools.islice(
        word_owner.iterancestors(), 2)) if node.tag == "a"), None) if word_owner is not None else None
    if link is None:
        return False
    # a headline, not a label that is a link itself ("<a href=#history>Last updated</a> 13
    # March 2024", a link to the revision history)
    rest = " ".join(itertools.islice(link.itertext(), 20)).replace(word.group(), "", 1)
    if len(rest.strip()) < LINK_HEADLINE_CHARS:
        return False
    return owner is None or not (owner is link or any(a is link for a in owner.iterancestors()))


LINK_HEADLINE_CHARS = 12  # a link's text beside its label word that makes it a headline


def _role_from_classes(el: Any, pairs: dict[Any, bool] | None = None) -> str:
    """published/modified from the classes or itemprop of the element and two ancestors.

    An hAtom "updated" beside a sibling classed "published" (WordPress's ``<time class="entry-date
    published">`` + ``<time class="updated">``) is the update, whatever the wrapper's name
    ("posted-on"); alone, "updated" is what many themes call their only, publish, date.
    ``pairs`` keeps that answer per element for the page (a wrapper is asked once per date)."""
    node = el
    for _ in range(3):
        if node is None:
            break
        cls = f"{_class_of(node)} {node.get('itemprop') or ''}"
        beside = pairs.get(node) if pairs is not None else None
        if beside is None:
            beside = _updated_beside_published(node, cls)
            if pairs is not None:
                pairs[node] = beside
        if beside:
            return "modified"
        if _MOD_CLASS.search(cls):
            return "modified"
        if _hatom_tokens(cls) == {"updated"}:
            if "hidden" in cls.lower():
                # hidden for search engines beside the visible date (Avada's "updated
                # rich-snippet-hidden"): the update, or the publish moment when never updated
                return "modified_or_any"
            # alone, either stamp (tagDiv's "entry-date updated td-module-date"): the wrapper
            # may still say which ("date-modified")
        elif _PUB_CLASS.search(cls) or node.get("pubdate") is not None:
            return "published"
        node = node.getparent()
    return "any"


def _hatom_tokens(cls: str) -> set[str]:
    return {m.group(1).lower() for m in _HATOM_TOKEN.finditer(cls)}


def _updated_beside_published(node: Any, cls: str) -> bool:
    if _hatom_tokens(cls) != {"updated"}:
        return False
    near = itertools.chain(itertools.islice(node.itersiblings(preceding=True), 3),
                           itertools.islice(node.itersiblings(), 3))
    return any("published" in _hatom_tokens((sib.get("class") or "")[:CACHED_NAME_CHARS])
               for sib in near)


def _place(cands: list[Cand], head_pos: int) -> None:
    """Weigh visible dates by their distance to the headline."""
    if head_pos < 0:
        return
    for c in cands:
        d = c.pos - head_pos
        if c.weight < 2 or c.dateline:
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
                       and c.has_time and c.source == "text" and not c.unlabelled),
                      key=lambda c: c.pos)
    sizes = Counter(c.group for c in cands if c.group)
    for a, b in itertools.pairwise(near_any):
        if 0 < b.pos - a.pos < 150 and not (a.group == b.group and sizes[a.group] >= LIST_ENTRIES):
            # (not two entries of a list of posts: "Dernier message le 12/03/2024 à 22:14")
            later = b if b.when > a.when else a if a.when > b.when else None
            if later is not None:
                later.role = "modified_or_any"

"""Where a date sits: the headline, tables, lists and boxes, its element's classes and machine values."""

from __future__ import annotations

import functools
import itertools
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from .datecands import Cand, PageInfo, _cand
from .datepatterns import _DATE_LABEL_WORDS, PUBLISHED_WORDS, UPDATED_WORDS
from .datesentences import _BY_WORD, _PERSON_LINK, HEADLINE_LINK_WORDS, LINK_LIST_NODES, RDFA_LEVELS
from .dateteasers import _class_of, _page_key
from .datetext import find_dates, parse_machine
from .html import short_text

NEXT_BOX_CHARS = 300  # a next story's box: its link and date, no paragraph of text
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
    r"|trending|comments?|commentlist|commentbox|cmts?|talkbacks?|disqus|webmentions?|navbar|menu"
    r"|masthead|topbar"
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
    r"|menu|breadcrumbs?|carousel|ticker)$",
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
_AGENDA_BOX = re.compile(r"agenda|termin|whats-?on|event|calendar|schedule|guide|listing|card"
                         r"|discussion|comment|forum|program|airdate|fixture|match", re.IGNORECASE)
_LABEL_CLASS = re.compile(r"label|tab|filter|toggle|nav|menu|picker", re.IGNORECASE)
_DAY_WORD_ALONE = re.compile(r"\s*(?:[^\W\d]+\s*){1,3}[.,:]?\s*")  # "вчера", "hari ini"
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

# a forum's address or software: only a forum's statement is about every time on its page (a
# sports page's fixtures end "All times are GMT" too)
_FORUM_URL = re.compile(  # (its software's paths, not a story's words: "world-economic-forum")
    r"//forums?\.|/forums?/|/board/|viewtopic\.php|showthread\.php|showpost\.php|/threads/"
    r"|/t/[^/]+/\d|[?&](?:topic|t)=\d|/topic/\d|/discussions?/\d|/community/t/", re.IGNORECASE)
_FORUM_SOFTWARE = re.compile(r"vbulletin|phpbb|xenforo|discourse|mybb|simple machines|invision"
                             r"|vanilla|nodebb|flarum|woltlab|burning board", re.IGNORECASE)


def _forum_page(url: str, meta: dict[str, str]) -> bool:
    return bool(_FORUM_URL.search(url) or _FORUM_SOFTWARE.search(meta.get("generator") or ""))


_UPDATE_NEXT = re.compile(r"[\s/|·•,–—-]*(?:(?:last|zuletzt)\s+)?(?:" + UPDATED_WORDS.pattern + r")",
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
    """A box inside the <article> named like chrome ("breadcrumb", "sidebar") that holds an
    element named for the publish stamp (Clarín's '<div class="breadcrumb"><span
    class="publishedDate">') or one that is a publish label alone (a details column's
    '<p class="title">Mise en ligne</p><p class="content">23 mai 2019</p>'): its dates are read
    (the first few dozen elements looked at)."""
    return any(_PUBLISH_STAMP_CLASS.search(node.get("class") or "") or _publish_label(node.text)
               for node in itertools.islice(el.iter(), STAMP_CHILD_NODES) if isinstance(node.tag, str))


LABEL_CHARS = 30
_LABEL_REST = re.compile(r"[\s:]*(?:(?:le|am|on|el|em|il|op|dnia)\b[\s:]*)?", re.IGNORECASE)


def _publish_label(text: str | None) -> bool:
    """An element's own text that is a publish label and nothing else ("Published", "Mise en
    ligne", "Veröffentlicht am:"), not a heading that starts with one ("Publications") nor a
    bare "Date:" (an event's box has one)."""
    if not text or len(text) > LABEL_CHARS:
        return False
    text = text.strip()
    m = PUBLISHED_WORDS.match(text)
    return m is not None and m.start() == 0 and _LABEL_REST.fullmatch(text, m.end()) is not None and (
        m.group().strip(" :").lower() not in _DATE_LABEL_WORDS)


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


_RDF_DESCRIPTION = re.compile(r"<rdf:Description\b([^>]{0,4000})>", re.IGNORECASE)
_RDF_ATTRIBUTE = re.compile(r'\b(rdf:about|dc:identifier|dc:date)\s*=\s*"([^"]{1,300})"',
                            re.IGNORECASE)


def _rdf_dates(notes: list[str], self_addresses: list[str]) -> list[str]:
    """The dc:date of a trackback RDF block (Movable Type's, in an HTML comment) that describes
    this very page (its rdf:about or dc:identifier is the page's address): the entry's own
    timestamp, to the second and with its offset. An index page's blocks describe other
    entries."""
    own = {key for key in map(_page_key, self_addresses) if key is not None}
    out = []
    for note in notes:
        for block in _RDF_DESCRIPTION.finditer(note):
            found = {name.lower(): value for name, value in _RDF_ATTRIBUTE.findall(block.group(1))}
            date = found.get("dc:date")
            if date and any(_page_key(found.get(name, "")) in own
                            for name in ("rdf:about", "dc:identifier")):
                out.append(date)
    return out

"""Date candidates of one page in its visible text, weighed by their place (headline, byline, chrome)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import lxml.html
from lxml import etree

from .datecands import Cand, PageInfo, _cand, _settle_reading
from .datepatterns import (
    ACCESS_WORDS,
    DOCUMENT_WORDS,
    EMBARGO_WORDS,
    PROFILE_WORDS,
    RANGE_END,
    RELATIVE_RE,
    VALIDITY_WORDS,
)
from .dateplaces import (
    _AGENDA_BOX,
    _ALWAYS,
    _ARTICLE,
    _CENTURIES,
    _CHROME_ROLES,
    _CLASS_WORDS,
    _DATE_NAMED,
    _DATEISH,
    _DAY_WORD_ALONE,
    _DURATION_CLOCK,
    _DURATION_WORD,
    _EVENT_BOX,
    _EVENT_LIST,
    _LABEL_CLASS,
    _MACHINE_TAGS,
    _PAGE,
    _STAMP_ATTR_TAGS,
    _UPDATE_NEXT,
    _WRAPPER_TAGS,
    CACHED_NAME_CHARS,
    FOOTER_CHARS,
    HEADLESS_TOP_CHARS,
    LIST_ENTRIES,
    MAX_FOOTERS,
    _bold_line,
    _cached_class_bits,
    _cached_name_bits,
    _footer_last_edit,
    _forum_page,
    _group_of,
    _headline,
    _holds_headline_copy,
    _holds_publish_stamp,
    _item_list,
    _label_in_parent,
    _link_list,
    _machine_time,
    _machine_value,
    _next_box,
    _rdf_dates,
    _rdfa_of_page,
    _read_class_bits,
    _read_name_bits,
    _role_from_classes,
    _schedule_rows,
    _stamp_class,
    _story_link_after,
    _table_row,
    _title_text,
    _title_words,
    _wiki_last_edit,
)
from .datesentences import (
    _BY_WORD,
    _BYLINE_BLOCK,
    _CJK_CHARS,
    _CJK_ROLE_AFTER,
    _CLOCK_LABEL,
    _DATEISH_CLASS,
    _DATELINE_END,
    _DATELINE_LEAD,
    _DATELINE_TAIL,
    _DIGIT,
    _LABEL_UP,
    _SELF_REFERENCE,
    _SENTENCE_WORDS,
    _TODAY_LABEL,
    _VALIDITY_END,
    CJK_AFTER_GAP,
    IN_ARTICLE_AREA,
    IN_ARTICLE_TAG,
    LABEL_GAP,
    MENTION_LABEL_GAP,
    OTHER_CLOCK_CHARS,
    PROSE_WORDS,
    TODAY_LABEL_CHARS,
    _cjk_words,
    _first_digit,
    _goes_on,
    _header_today,
    _in_span,
    _in_stamp_sentence,
    _is_sentence,
    _label_before,
    _label_word_in_link,
    _other_clock,
    _own_clock,
    _role_from_label,
    _short_sentence,
    _stated_offset,
    _update_follows,
    _verb_leads,
    _word_count,
    switch_between,
)
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
    digit_windows,
    find_dates,
    find_day_words,
    find_relative,
    normalize_digits,
    numeric_dates,
    parse_machine,
)
from .html import RDF_SCRIPT_TYPE

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
_HEADING_MARKS = " \t\n・■□●○▶▷►»›>|-–—"  # bullets and arrows that lead a box's heading
_CAPTION_LABEL = re.compile(
    r"\s*(?:abbildung|abb\.|bild|foto|fotos|photo|photos|image|picture|credit|grafik|karte"
    r"|illustration|légende|photographie|imagen|immagine|фото)\s*:", re.IGNORECASE)
# a caption's class: "wp-caption-text", "image-caption", German "Bildunterschrift", "Bildtext",
# French "légende", Italian "didascalia", Spanish "pie de foto"
_CAPTION_CLASS = re.compile(r"caption|bildunterschrift|bildtext|l[ée]gende|didascalia"
                            r"|pie-?de-?foto|piefoto", re.IGNORECASE)
_MENTION_TAGS = {"figcaption", "caption", "blockquote", "q", "figure", "table", "pre", "code"}


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
    # a blog engine's trackback RDF, kept by load_html from the comment that hid it (Movable
    # Type's: "<rdf:Description rdf:about=… dc:date="2008-03-04T14:15:22-05:00" />")
    head = tree.find("head")
    rdf_notes = [node.text for node in head.iterchildren("script")
                 if node.get("type") == RDF_SCRIPT_TYPE and node.text] if head is not None else []
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
    if rdf_notes:
        micro_values.extend((value, "published") for value in _rdf_dates(rdf_notes, self_addresses))
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
            # (not after a bar or a bullet: a masthead's issue line, "Harvard University
            # Gazette | April 13, 2006", is no sentence)
            cand.inside = ((_word_count(before_line) > 3 and not _AFTER_BAR.search(before_line)) or (
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
            stop = min(nxt, parsed.end + OTHER_CLOCK_CHARS)
            after, stamp = parsed.end, cand
            if (own_clock := _own_clock(full, after, stop, cand)) is not None:
                stamp, after = own_clock
                cands.append(stamp)  # ("… 2024 | Publicado a las 18:05")
            other = _other_clock(full, after, stop, stamp, owner is not None and _stamp_class(owner))
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
            if not c.has_time or c.offset is not None:
                continue  # ("3 hours ago" is an instant, counted back from the fetch)
            if c.relative and page.now_local is not None:
                # a day word's clock ("Today, 09:14 AM") is a wall clock of that offset, on the
                # day the word names there
                day = (fetched + timedelta(minutes=stated)).date() + (
                    c.when.date() - page.now_local.date())
                c.when = c.when.replace(year=day.year, month=day.month, day=day.day)
            if not switch_between(replace(c, offset=stated), fetched):
                c.offset = stated
    # a day without a year, label or clock counts only beside the headline (a what's-on box's
    # "Mar 9" further down is an event's)
    cands = [c for c in cands if c.has_time or not c.unlabelled or (
        head_pos >= 0 and -NEAR_BEFORE <= c.pos - head_pos <= NEAR_AFTER)]
    if teasers:
        _self_teasers(owned, teasers, keep)
    return cands + micro


_AFTER_BAR = re.compile(r"\s[|·•]\s*$")
# a date after one of these words bounds a span of time ("Claims filed after Jan. 1, 2023"): no
# stamp verb makes it the post's
_SPAN_WORD = re.compile(r"(?<!\w)(?:after|before|since|until|till|through|from|between|nach|vor"
                        r"|seit|bis|après|avant|depuis|desde|hasta|antes|después|dopo|prima)\s+$",
                        re.IGNORECASE)


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

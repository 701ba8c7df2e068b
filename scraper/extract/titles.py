"""The article's title: the page's <title> without the site's name, else its printed headline."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from .authornames import (
    _CJK_CHAR,
    _GLUED_SITE,
    _GLUED_TAIL,
    _KICKER_SEP,
    _TITLE_SEPARATORS,
    _WORDS,
    HEADLINE_WORDS,
    KICKER_WORDS,
    _clean,
    _is_site_part,
    _norm,
)
from .authorplaces import (
    _INDEX_PAGE,
    _NO_SPACE_SCRIPT,
    _big_font,
    _hidden_heading,
    _other_column,
    _own_line,
    _site_furniture,
    _span_size,
    _TextStart,
)
from .html import short_text


def _home_link_heading(el: lxml.html.HtmlElement, url: str) -> bool:
    """A heading outside the article that is a link to the site's home page and nothing else:
    the site's name (block themes' '<h1 class="wp-block-site-title"><a href="https://site/"
    rel="home">'). Not a headline that links to its post ("?p=123", "#", "") nor to another
    site."""
    links = el.findall(".//a")
    if len(links) != 1 or (el.text or "").strip() or (links[0].tail or "").strip():
        return False
    if any(node.tag in ("article", "main") for node in el.iterancestors()):
        return False
    href = (links[0].get("href") or "").strip()
    if "home" in (links[0].get("rel") or "").split():
        return True
    try:
        link, page = urlsplit(href), urlsplit(url)
    except ValueError:
        return False
    root = link.path.rstrip("/")
    if _INDEX_PAGE.fullmatch(root):
        root = ""  # the home page's own file: Joomla's "/index.php", IIS's "/default.aspx"
    if not href or "#" in href or _POST_QUERY.search(link.query) or (root and not (
            # a blog's home on a platform: "/yuka-nail-diary/" above ".../entry-1284.html",
            # or on a university's server: "/~myl/languagelog/"
            link.path.endswith("/") and page.path.startswith(link.path)
            and len(page.path) > len(link.path))):
        return False  # (WordPress's plain permalinks: "/?p=123"; a "/?locale=de-DE" is home)
    home, here = link.netloc.lower().removeprefix("www."), page.netloc.lower().removeprefix("www.")
    # (or the home of the domain the page's host is under: "//slashdot.org" on
    # news.slashdot.org)
    return not home or home == here or here.endswith("." + home)


SITE_NAME_WORDS = 4
_BRACKETED_TAIL = re.compile(r"\s*\[([^\[\]]{2,80})\]\s*$")  # DokuWiki's "page [Site]"


def _site_heading(el: lxml.html.HtmlElement, title: str | None, site_name: str | None) -> bool:
    """A first <h1> that is the site's name: the og:site_name, or the part of the <title> a
    site's name takes after the headline ("Nitritpeak … – was tun? - Aquaristik-Treff" over
    phpBB's "<h1>Aquaristik-Treff</h1>", DokuWiki's "howto:nextcloud [LUG Nordheide Wiki]").
    The caller also asks that it stand in the page's header or before another <h1> (an
    event's own page is headed by its name, "Kieler Woche", the site's too)."""
    said = _norm(" ".join(el.itertext()))
    if not said:
        return False
    if site_name and said == _norm(site_name):
        return True
    if not title:
        return False
    bracketed = _BRACKETED_TAIL.search(title)
    if bracketed is not None and _norm(bracketed.group(1)) == said:
        return True
    parts = _TITLE_SEPARATORS.split(title)
    # (a name's few words after the headline's more, not "Aktuelles - <the headline>")
    return len(parts) > 1 and _norm(parts[-1]) == said and len(parts[-1].split()) <= (
        SITE_NAME_WORDS) and len(parts[-1]) < len(" ".join(parts[:-1]))


_POST_QUERY = re.compile(r"(?:^|&)(?:p|page_id|post|id|article|story|s)=", re.IGNORECASE)


def _without_kicker(title: str, social: str) -> str:
    """The title without a kicker of a few words before it when the page's social title is
    the rest alone: German outlets write "Neue Leipziger Schule: Judy Lybke, ganz und gar
    nicht eigenartig" as the JSON-LD headline and the <h1>, "Judy Lybke, ganz und gar nicht
    eigenartig" as og:title. (Where og:title keeps the kicker, so does the title: an <h1>
    that sets it apart in a span of its own still shows it.)"""
    key = _norm(social)
    for sep in _KICKER_SEP.finditer(title):
        kicker = title[:sep.start()]
        if len(kicker.split()) > KICKER_WORDS:
            break
        rest = title[sep.end():]
        if len(rest.split()) >= HEADLINE_WORDS and _norm(rest) == key and _norm(kicker):
            return rest
    return title


def clean_title(title: str | None, site_keys: set[str], others: list[str],
                headings: Sequence[str] = (), h1: str | None = None) -> str | None:
    """Cut a trailing (or leading) site name: 'Headline | Site' -> 'Headline'. ``headings``
    (a page's <h2>s when it has no <h1>) count like ``others`` only where what they keep reads
    as a headline: three words or more, not the site's name (not "Lakeside Gazette", nor a
    section's "Opinion")."""
    if not title:
        return None
    glued = _GLUED_SITE.search(title)
    if glued is not None and _is_site_part(glued.group(1), site_keys):
        title = title[:glued.start()]  # "…hot spring towns:The Asahi Shimbun"
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    for other in others:
        # another candidate is the title without a short tail ("…커졌다-정치ㅣ한국일보")
        if other and title.startswith(other) and _GLUED_TAIL.fullmatch(title[len(other):]):
            return other
    other_keys = {_norm(o) for o in others if o}
    heading_keys = {_norm(h) for h in headings if h}
    # (not when the <h1> is the whole title: a shorter social title is the headline's first
    # clause, "Gallup: SDP rises to 25 percent – the Finns fall on")
    for end in range(len(parts) - 1, 0, -1) if not h1 or _norm(title) != _norm(h1) else ():
        # another candidate (the h1) equals the title without its last parts
        said = " ".join(parts[:end])
        kept = _norm(said)
        if kept in other_keys or (kept in heading_keys and len(said.split()) >= HEADLINE_WORDS
                                  and not _is_site_part(said, site_keys)):
            parts = parts[:end]
            break
    while len(parts) > 1 and _is_site_part(parts[-1], site_keys):
        parts.pop()
    while len(parts) > 1 and _is_site_part(parts[0], site_keys, leading=True):
        parts.pop(0)
    cut = title
    # rebuild with the original separators: find the kept span in the original title
    first, last = parts[0], parts[-1]
    start = title.find(first)
    stop = title.rfind(last) + len(last)
    if 0 <= start < stop:
        cut = title[start:stop]
    return cut.strip() or title


MAX_PRINTED_ELEMENTS = 3000  # elements of a page read for the <title>'s printed part
PRINTED_TITLE_CHARS = 300
PRINTED_TITLE_CHILDREN = 5  # of a heading read whole (a few inline tags without children)
_TITLE_PART_ENDS = "|-–—:_·•»/.~>ㅣ｜："
_TITLE_DATE_END = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")  # "TamilNet: 07.06.10 …"
_NOT_PRINTED = frozenset({"script", "style", "noscript", "template", "title", "option", "textarea"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_CLASS = re.compile(r"title|headline|heading|subject", re.IGNORECASE)


def _printed_title(tree: lxml.html.HtmlElement, page_title: str, site_keys: set[str]
                   ) -> str | None:
    """The part of a <title> that the page prints as a piece of its own text: "Site :: Headline",
    "Headline_Site", "Site / News / Headline" beside "<td class=title><b>Headline</b>",
    "<font size=5><b>Headline</b></font>", a blog's "<h3 class=post-title>" under the blog's
    name. The longest such part that stands between the title's separators (or after a date:
    "TamilNet: 07.06.10 Headline"), is as long as any other part of it and reads as
    a headline, not the site's name, outside the page's chrome; for pages whose metadata
    names no headline (templates older than OpenGraph)."""
    whole = " ".join(page_title.split())
    body = tree.find("body")
    if body is None or len(whole) < 8:
        return None
    best: str | None = None
    for el in itertools.islice(body.iter(lxml.etree.Element), MAX_PRINTED_ELEMENTS):
        if el.tag in _NOT_PRINTED:
            continue
        texts = [el.text, el.tail]
        if (el.tag in _HEADING_TAGS or _TITLE_CLASS.search(el.get("class") or "")) and len(
                el) <= PRINTED_TITLE_CHILDREN and not any(len(child) for child in el):
            texts.append(el.text_content())  # ("<h3><a>News</a>: Headline</h3>")
        for text in texts:
            if not text or len(text) > PRINTED_TITLE_CHARS:
                continue
            said = " ".join(text.split()).strip(" " + _TITLE_PART_ENDS)
            if len(said) < 6 or said == whole or (best is not None and len(said) <= len(best)):
                continue
            at = whole.find(said)
            if at < 0:
                continue
            before, after = whole[:at].rstrip(), whole[at + len(said):].lstrip()
            if (before and before[-1] not in _TITLE_PART_ENDS
                    and _TITLE_DATE_END.search(before) is None) or (
                    after and after[0] not in _TITLE_PART_ENDS) or (
                    len(said) < max(map(len, _TITLE_SEPARATORS.split(f"{before} {after}")))):
                continue  # (the title's longest stretch: not a column's name before the
                # headline, "Kolumne: Queer Royal – Über Dragqueens und …")
            if (len(said.split()) >= HEADLINE_WORDS or (len(said) >= 8 and (
                    _CJK_CHAR.search(said) or _NO_SPACE_SCRIPT.search(said)))) and not _is_site_part(
                    said, site_keys) and not _site_furniture(el):
                best = said
    return best


LEAD_CHILDREN = 6  # a <br>-text block's first elements read for its heading
HEADING_ELEMENTS = 40  # elements above the text read for its heading (the first one wins:
# a deck may stand between it and the text)
HEADING_CHARS = 160  # a headline, not a lead paragraph set in bold
_OTHERS_HEADING = re.compile(r"(?:other|more|related|latest|see also|weitere|andere|autres|otras"
                             r"|altre|outras|inne|další|другие|ещё)\b", re.IGNORECASE)
# a class word of a headline, also as a part of a camel-case name ("titoloArticolo", "haberBaslik")
_HEADING_CLASS = re.compile(r"(?:^|[\s_-]|(?<=[a-z])(?=[A-Z]))(?:[Hh]eadline|[Tt]itle|[Tt]it|[Ss]ubject"
                            r"|[Hh]eading|[Tt]itulo|[Tt]itolo|[Tt]itre|[Tt]itel|[Bb]aslik|[Nn]aslov"
                            r"|[Nn]adpis|[Tt]itlu|[Zz]aglavie|[Tt]ytul|[Tt]itulek|[Oo]tsikko"
                            # (Joomla 1.0's article title, its section's is "componentheading")
                            r"|contentheading)"
                            r"(?:$|[\s_-]|(?<=[a-z])(?=[A-Z]))")
# a line of the paper's edition, no headline: "La Habana. Miércoles 9 de julio de 2008. Año 12 /
# Número 191", "Czwartek, 20 listopada 2008, Nr 271 (3317)"
# (not "No 10", Downing Street in a headline, nor "Año 2024")
_EDITION_LINE = re.compile(r"(?<!\w)(?:nr|n°|núm(?:ero)?|numero|número|numéro|номер|broj|ausgabe|jahrgang)"
                           r"\.?\s*\d", re.IGNORECASE)
_TITLE_PART_SPLIT = re.compile(_TITLE_SEPARATORS.pattern + r"|\s*(?:——|｜|：|:)\s*|,\s+")


def _heading_above_text(start: _TextStart, page_title: str) -> str | None:
    """The headline a page prints above its text when its <title> names only the site and the
    section ("News Releases", "Kanton St.Gallen - Medienmitteilungen", "中国经济网——国家经济门户"):
    the first heading-like element of those just above the text's first paragraph (an <h2>-<h4>, an element
    classed as a title, a <font size=4> or a bold line of its own), outside the site's chrome,
    of more words than any part of the <title> and sharing few of its words."""
    parts = [part for part in _TITLE_PART_SPLIT.split(page_title) if part and part.strip()]
    longest = max((_span_size(part) for part in parts), default=0)
    title_words = set(_WORDS.findall(page_title.casefold()))
    first = start.first_paragraph()
    text_cell = None if first is None else next(
        (cell for cell in itertools.chain((first,), first.iterancestors()) if cell.tag == "td"), None)
    above = start.just_above(HEADING_ELEMENTS)
    if first is not None and first.tag != "p":
        # a text of lines between <br>s: the block's own first elements stand above its first
        # line ('<td><span class=titulo>Headline</span><br><span class=subtitulo>…<br>Text …')
        above += itertools.islice((el for el in first.iterchildren() if isinstance(el.tag, str)),
                                  LEAD_CHILDREN)
    for el in above:
        if not (
                el.tag in ("h2", "h3", "h4") or _HEADING_CLASS.search(el.get("class") or "")
                or (el.tag == "font" and _big_font(el.get("size") or ""))
                or (el.tag in ("b", "strong") and _own_line(el))):
            continue
        said = _clean(short_text(el, HEADING_CHARS * 2))
        if not said or len(said) > HEADING_CHARS or _hidden_heading(el.get("class") or "") or any(
                a.get("href") for a in el.iter("a")) or (
                el.getparent() is not None and el.getparent().tag == "a") or (
                _OTHERS_HEADING.match(said)) or _EDITION_LINE.search(said) or (
                _other_column(el, text_cell)):
            continue  # (a teaser's link, a section's link, a box's "Other stories in Punjab", the
            # edition's date and number, a sidebar's box in the layout's other column)
        words = set(_WORDS.findall(said.casefold()))
        size = _span_size(said)
        if (size > max(longest, HEADLINE_WORDS) or (size >= HEADLINE_WORDS and size >= longest and (
                _HEADING_CLASS.search(el.get("class") or "")))) and len(
                words & title_words) <= len(words) * 0.3 and not _site_furniture(el):
            return said
    return None

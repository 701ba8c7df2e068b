"""Where credits sit: where an article's text starts, and which boxes around it are other things'."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html

from .authornames import _CJK_CHAR, _NOT_BYLINE_PLACES, MAX_LEAD_WORDS, _clean, _name_like, split_authors


def _in_chrome(el: lxml.html.HtmlElement, *, header_ok: bool = False) -> bool:
    """Inside navigation, a footer (not an <article>'s own), an aside, a form, the site's header
    (an article's own <header>, within <article> or <main>, is fine; any header with
    ``header_ok``) or a comment section."""
    ancestors = list(el.iterancestors())
    for i, node in enumerate(ancestors):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "header":
            if not header_ok and not any(a.tag in ("article", "main") for a in ancestors[i + 1:]):
                return True
        elif tag == "footer":
            # the article's own footer holds its byline in some themes (WordPress's Twenty
            # Sixteen: "<article>…<h1>…<footer class=entry-footer><span class=byline>"), not a
            # teaser card's
            article = next((a for a in ancestors[i + 1:] if a.tag == "article"), None)
            if article is None or article.find(".//h1") is None or _in_others_box(el):
                return True  # (nor its "Next: <a>…</a> by Jane Roe" box)
        elif tag in _NOT_BYLINE_PLACES and not (tag == "form" and _page_form(node)) and not (
                # an aside named for the authors is their byline column (Chatham House's
                # '<aside class="authors-sidebar"><div class="person-teaser"><a>Dr …</a>')
                tag == "aside" and _MARKUP_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}")):
            return True
        if _comment_box(node) or _menu_box(node):
            return True
    return False


def _page_form(form: lxml.html.HtmlElement) -> bool:
    """A form that wraps the whole page, not a search box or a comment form: ASP.NET WebForms'
    '<body><form id="aspnetForm">', Lotus Domino's '<body><form name="_Dokument">'."""
    parent = form.getparent()
    return parent is not None and parent.tag == "body"


_MENU_WORD = re.compile(r"^(?:[a-z0-9]+[-_]{1,2})*(?:menu|offcanvas|navbar|mega-?menu)"
                        r"(?:[-_]{1,2}[a-z0-9]+)*$")


def _named(node: lxml.html.HtmlElement, word: re.Pattern[str]) -> bool:
    """Whether one word of the element's class or id (a whole word, in lower case) matches."""
    names = f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()
    return any(word.match(name) for name in names[:CLASS_WORDS])


def _menu_box(node: lxml.html.HtmlElement) -> bool:
    """A menu outside <nav> ("responsive-menu-container", "offcanvas")."""
    return node.tag not in ("body", "html") and _named(node, _MENU_WORD)


# a comment section's class or id, one word of it: "comments", "comment-list", "wp-block-comments",
# "commentlist", "disqus_thread", "respond" (WordPress's reply form), "responses" (Medium); not
# "commentary", "correspondent", nor a post's category, tag or section ("category-comment",
# "section-comment")
_COMMENT_WORD = re.compile(
    r"^(?!(?:category|cat|tag|section|node|type|topic|format|single|post|page)[-_])"
    r"(?:[a-z0-9]+[-_]{1,2})*(?:comments?|commentlist|replies|reply|disqus|respond|responses?)"
    r"(?:[-_]{1,2}[a-z0-9]+)*$"
    # Israeli sites' name for comments: the box itself ("talkback", "talkbacks-list"), not a
    # byline bar that links to them ("author-talkback-bar")
    r"|^talkbacks?(?:[-_]{1,2}(?:list|item|box|wrapper|container|section|area))?$")


def _comment_box(node: lxml.html.HtmlElement) -> bool:
    """An element that is a comment section or a comment (its class or id says so, or it is a
    schema.org Comment); the page's <body> and <html> describe the page, never a comment."""
    if node.tag in ("body", "html"):
        return False
    return (node.get("itemtype") or "").endswith("/Comment") or (
        _named(node, _COMMENT_WORD) and node.find(".//h1") is None)  # (a radio show's


    # "<section class='program talkback'>" holding the story is no comment box)


CLASS_WORDS = 12  # the class and id words of an element read for a comment section's


def _author_markup(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Every element that author markup can be on, in document order: one scan of the page
    serves the fallbacks that read them (_marked_authors, _bylines, _signed, _credited).

    A class with "yline" (byline, Byline), "uthor" (author, Author), "autor" ...; rel and
    itemprop "author", Drupal's foaf:name; and React's parts named for tests and components:
    data-testid="byline" (Nine), data-component="Byline" (ABC), data-testid="authorName"
    (Medium). (A loop with one regex a class: faster than the XPath engine's six contains()
    tests an element; and no union of attribute-node paths, quadratic in libxml2 2.14 on a
    page of many bylines: see PRUNE_XPATH in body.py.)"""
    out = []
    search = _MARKUP_CLASS.search
    for el in tree.iter(lxml.etree.Element):
        # (an element's attributes read in one call: a get() a name costs more, and most
        # elements have one attribute or none)
        for name, value in el.items():
            if name == "class":
                if not search(value):
                    continue
            elif name not in _MARKUP_ATTRIBUTES or not (
                    value == "author" if name in ("rel", "itemprop")
                    else value == "foaf:name" if name == "property"
                    else "yline" in value or (name == "data-testid" and "uthorName" in value)):
                continue
            if el is not tree:
                out.append(el)
            break
    return out


_MARKUP_CLASS = re.compile("yline|uthor|autor|auteur|szerzo|muhabir|journalist_name|writer|reporter"
                           # the word in Nordic, Finnish, Basque, Welsh, Turkish, Indonesian and
                           # Slovene templates ("forfattar", "tekija", "egileak", "awdur")
                           "|forfatt|skribent|tekija|kirjoittaja|egile|awdur|yazar|penulis|avtor")
_MARKUP_ATTRIBUTES = frozenset({"rel", "itemprop", "property", "data-testid", "data-component"})

# ``tree.find(".//h1")`` and ``tree.findtext(".//title")`` as lists of at most one: lxml's
# iterator looks for the match after the one it returns, a walk of the whole page for a page's
# only <h1> or <title>; libxml2 stops at the first (the <title>: a microsecond, not 0.1 ms)
_FIRST_H1 = lxml.etree.XPath("descendant::h1[1]")
_LATER_H1S = lxml.etree.XPath("following::h1")
_NEXT_H1 = lxml.etree.XPath("following::h1[1]")

_INDEX_PAGE = re.compile(r"/(?:index|default|home)\.(?:php\d?|s?html?|aspx?|jsp|cfm|cgi|pl)",
                         re.IGNORECASE)

# a class word of a heading for screen readers only (not Tailwind's "overflow-hidden", nor
# "hidden md:block", shown on wider screens)
_HIDDEN_WORD = re.compile(r"sr-only|visually-?hidden|screen-?reader(?:-text)?|hidden|invisible"
                          r"|offscreen|a11y|aural|element-invisible|[\w-]*skip[\w-]*",
                          re.IGNORECASE)


def _hidden_heading(cls: str) -> bool:
    words = cls.split()
    return not any(":" in word for word in words) and any(
        _HIDDEN_WORD.fullmatch(word) for word in words)


_FIRST_TITLE = lxml.etree.XPath("descendant::title[1]")
_FIRST_H2S = lxml.etree.XPath("(descendant::h2)[position() <= 5]")
_META_CONTENTS = lxml.etree.XPath(
    "descendant::meta[translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    " = $key or translate(@property, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    " = $key]/@content")
MAX_AUTHOR_TAGS = 6


def _meta_contents(tree: lxml.html.HtmlElement, key: str) -> list[str]:
    """The contents of every ``<meta>`` named ``key`` (lower-case; by name or property, not a
    microdata itemprop), in order: the head's children (a look at fifty elements, not a walk
    of the page), or the whole page's when the head has none (a tag in the body)."""
    head = tree.find("head")
    found = [] if head is None else [
        content for meta in head.iterchildren("meta")
        if (meta.get("name") or meta.get("property") or "").strip().lower() == key
        and (content := meta.get("content")) is not None]
    return found or [str(v) for v in _META_CONTENTS(tree, key=key)]


# the meta tags that name a page's author, the generic one first: Open Graph's, Parse.ly's,
# Dublin Core's, Sailthru's, Cxense's and Kompas Gramedia's ("content_author")
_AUTHOR_META_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author",
                     "cxenseparse:author", "content_author")


def _author_meta(meta: dict[str, str], key: str) -> str | None:
    """An author meta tag's value, unless it names the software (the generator tag's value) or
    the copyright holder when that is no person's name: a CMS's default that names its maker
    in both (eZ Publish's '<meta name="author" content="eZ Systems"><meta name="copyright"
    content="eZ Systems">'), a publisher's name with its town ("SPIEGEL ONLINE, Hamburg,
    Germany"). A blogger who holds the copyright of the blog stays its author."""
    value = meta.get(key)
    if not value:
        return None
    folded = value.strip().casefold()
    if folded == meta.get("generator", "").strip().casefold() or (
            folded == meta.get("copyright", "").strip().casefold() and not _name_like(value.strip())):
        return None
    return value


class _TextStart:
    """Where a page's article text starts: its first paragraph of MAX_LEAD_WORDS words (read
    once, when a byline form that may also mark other things' names needs it).

    The page's elements are numbered in document order as far as a question needs: most ask
    about elements above the text, so the rest of the page is seldom walked."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        self.tree = tree
        self.order: dict[Any, int] = {}  # element -> its number, as far as the walk went
        self.walk: Iterator[Any] | None = None  # the numbering walk, None once it has ended
        self.start = -1
        self.first: lxml.html.HtmlElement | None = None  # the text's first paragraph
        self.nodes: list[Any] = []  # the numbered elements, in order

    def _ready(self) -> None:
        """Number the elements up to the text's first paragraph (the first time asked)."""
        if self.walk is None and not self.order:
            self.walk = enumerate(self.tree.iter())
            self._number(None)

    def _number(self, el: lxml.html.HtmlElement | None) -> None:
        """Walk on up to ``el`` (None: to the text's first paragraph), or to the end."""
        if self.walk is None:
            return
        order, nodes = self.order, self.nodes
        for i, node in self.walk:
            order[node] = i
            nodes.append(node)
            if self.start < 0 and node.tag == "p" and _lead_words(node) >= MAX_LEAD_WORDS:
                self.start, self.first = i, node
                if el is None:
                    return
            if node is el:
                return
        self.walk = None
        if self.start < 0:
            # no long <p> in the whole page: the text is a block's own lines between <br>s
            # (a table cell's, a <font>'s, e107's "news_body" div)
            self.start, self.first = next(
                ((i, node) for i, node in enumerate(nodes) if node.tag in _TEXT_BLOCK_TAGS
                 and _own_words(node) >= MAX_LEAD_WORDS and not _in_chrome(node)), (-1, None))

    def above(self, el: lxml.html.HtmlElement) -> bool:
        """The element comes before the article text (or the page has no long paragraph)."""
        self._ready()
        return self.start < 0 or self.order.get(el, self.start) < self.start

    def first_paragraph(self) -> lxml.html.HtmlElement | None:
        """The text's first paragraph (None on a page without a long one)."""
        self._ready()
        return self.first

    def after(self, el: lxml.html.HtmlElement, other: lxml.html.HtmlElement) -> bool:
        """The element comes after the other one in the page."""
        self._ready()
        for node in (el, other):
            if node not in self.order:
                self._number(node)
        return self.order.get(el, -1) > self.order.get(other, -1)

    def before_text(self, el: lxml.html.HtmlElement) -> bool:
        """The element comes before the article text, and the page has one."""
        return self.above(el) and self.start >= 0

    def just_above(self, count: int) -> list[lxml.html.HtmlElement]:
        """The ``count`` elements right above the text's first paragraph, in document order,
        without the boxes that hold the text (those come before it in order too)."""
        first = self.first_paragraph()
        if first is None:
            return []
        holders = set(first.iterancestors())
        at = self.order[first]
        return [el for el in self.nodes[max(0, at - count):at]
                if isinstance(el.tag, str) and el not in holders]


_TEXT_BLOCK_TAGS = frozenset({"div", "td", "font", "span", "section", "article", "blockquote"})


def _own_words(el: lxml.html.HtmlElement) -> int:
    """The words of an element's own text, outside its child elements (Chinese and Japanese:
    two characters a word): a text written between <br>s."""
    said = " ".join(filter(None, [el.text, *(child.tail for child in el)]))
    return len(said.split()) + len(_CJK_CHAR.findall(said)) // 2


FOOT_LEVELS = 3  # the text's container and two above it, whose later elements are read
FOOT_REGION_LEVELS = (2, 4)  # the boxes around the text's first paragraph where its last is
# looked for
FOOT_CREDIT_CHARS = 200  # a credit's element: a line or three, not a paragraph of the text
TEASER_LINK_WORDS = 4  # a link's words that make it another story's headline
# a labelled credit of the writer: "Autorin: Julia Brenner", "Reporter: Andi Firdaus<br>Editor:
# …", Agerpres' "AGERPRES/(AS - autor: Ioana Marin, editor: …)"
_FOOT_CREDIT = re.compile(
    r"(?:^|[\s(/,;–-])(?:autor(?:in|a)?|author|auteur|autore|autrice|reporter|repórter|reportero"
    r"|text|texto|testo|tekst|verfasser(?:in)?|written\s+by|автор(?:ка)?(?:\s+материала)?|текст"
    r"|imeandikwa\s+na|imeandaliwa\s+na)"  # (Swahili's "written by", "prepared by")
    r"\s*:\s*([^,;:()\n|]{3,60})",
    re.IGNORECASE)
_CREDIT_TAGS = frozenset({"p", "div", "span", "footer", "address", "small"})


def _lead_words(el: lxml.html.HtmlElement) -> int:
    """The words of a paragraph (Chinese and Japanese: two characters a word)."""
    said = " ".join(el.itertext())
    return len(said.split()) + len(_CJK_CHAR.findall(said)) // 2


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")  # (Medium's data-testid="authorName")
_NAME_PART = re.compile(r"(?:byline|author)(?:__|-)name|journalist_name")  # "author__name",


# "author-name", Naver's "media_end_head_journalist_name"


def _in_comment(el: lxml.html.HtmlElement) -> bool:
    return any(_comment_box(node) for node in itertools.chain((el,), el.iterancestors()))


# an author box: "author", "article__author", "post-author", "field-name-author" ...
_AUTHOR_TOKEN = re.compile(r"(?:^|\s)(?:[a-z0-9]+[-_]{1,2})*author(?:\s|$)", re.IGNORECASE)
# ... but not a quote's, an image's, a book's, a podcast's or a teaser's
_OTHERS_AUTHOR = re.compile(
    r"quote|image|img|photo|picture|foto|book|podcast|caption|credit|comment|cite|testimonial"
    r"|teaser|card|related|listing", re.IGNORECASE)

# an icon font's element, whose ligature is a word ("<i class="material-icons">person</i>")
_ICON_CLASS = re.compile(r"material-(?:icons|symbols)|(?:^|\s)(?:fa[srlb]?|icon|glyphicon)(?:\s|$)")


def _pieces(el: lxml.html.HtmlElement, lines: bool) -> list[str]:
    """An element's pieces of text, without an icon font's ligatures ("<i class=material-
    icons>person</i>"); with ``lines``, a "\n" where a <br> or a block inside it starts one."""
    out: list[str] = []
    skip: Any = None  # the icon element whose text is skipped
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if skip is None and node is not el and isinstance(node.tag, str):
                if _ICON_CLASS.search(node.get("class") or ""):
                    skip = node
                elif lines and node.tag in _LINE_BREAKS:
                    out.append("\n")
            if skip is None and isinstance(node.text, str):
                out.append(node.text)
        else:
            if node is skip:
                skip = None
            if skip is None and node is not el and isinstance(node.tail, str):
                out.append(node.tail)
    return out


def _said(el: lxml.html.HtmlElement) -> str:
    """An element's words, inline tags separating them, without an icon font's ligatures
    ("person Par Julie Martin" is "Par Julie Martin")."""
    return " ".join(_pieces(el, lines=False))


def _text_lines(el: lxml.html.HtmlElement) -> list[str]:
    """An element's text in its lines (a <br>, or a block inside it, starts a line)."""
    return [line.strip() for line in "".join(_pieces(el, lines=True)).split("\n") if line.strip()]


# a CMS login in an author meta tag (Plone's DC.creator "mvandijk"), not the name it shows
_LOGIN = re.compile(r"[a-z][a-z0-9._-]{2,30}")
_META_BOXES = lxml.etree.XPath('descendant::*[contains(@class, "meta") or contains(@class, "info")]')
META_BOXES = 20
META_LINE_CHARS = 200
# the lead word after a stamp's clock or day ("10:30 von", "09.04.2024 von"), not after a
# version ("124.0.1 von Mozilla"; an item with "©" is a picture's credit)
_BY_AFTER_STAMP = re.compile(r"(?:\d{1,2}[:.]\d{2}(?:\s*uhr)?|\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})"
                             r"|(?<![\d.])(?:19|20)\d{2})\s+((?:by|von|par|por|door|af|av|di)\s)",
                             re.IGNORECASE)
_NOT_POST_INFO = re.compile(r"(?:img|image|foto|photo|bild|media|product|produkt|app|spiel|game"
                            r"|file|download|price|preis)[-_]?(?:meta|info)$", re.IGNORECASE)
_META_SEPARATOR = re.compile(r"\s+[·|•]\s+|\s{3,}")

META_LINE_LEVELS = 3  # the headline's box and the two around it, where its details stand

# a class word that names the author: "author", "article__author", "authorName", "author_single"
# and in other languages "autor" (es, pt, de, pl, cs), "auteur", "szerzo"; a whole word, not
# "autoridad", "authority", "autorefresh" or the compound "buchautor"
# (also glued to the article's word in old templates: "artauthor", "newsauthor", "postautor")
_NAME_CLASS_WORD = re.compile(r"^(?:art|article|post|entry|news|story|item)?"
                              r"(?:authors?|autor(?:es|in|en|s|ius)?|auteurs?|autore|autori|szerzo"
                              r"|authorship|muhabir|writers?|reporters?|forfatt(?:er|ar|are)|skribent"
                              r"|tekija|kirjoittaja|egile(?:a|ak)?|awdur(?:on)?|yazar|penulis|avtor(?:ji)?)"
                              r"(?:name)?$")
_CLASS_PARTS = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")
# boxes that hold other things' authors, read on the element's ancestors
_OTHERS_BOX = re.compile(
    r"quote|caption|book|libro|livre|buch|recipe|podcast|episode|video|player|review|widget"
    r"|sidebar|related|teaser|(?:more|top)-?stories|more-?from|most-?read|popular|trending|listing"
    r"|ficha|excerpt|next-?post|prev(?:ious)?-?post|post-?nav"
    r"|lectores|readers|promo(?!ted(?![\w-]))|rail", re.IGNORECASE)  # (not Drupal's "node--promoted")
_OTHERS_TAGS = frozenset({"figure", "figcaption", "blockquote", "q"})
UNSIGNED_BOX_LEVELS = 8  # the ancestors read for another thing's box
CREDIT_WORDS = 3  # an agency's or a desk's credit beside names ("EFE", "Europa Press")
# a part of a byline that is no name: "<span class="author__affiliation">Stanford
# University</span>", "…__location", "…-role"
_NOT_NAME_PART = re.compile(r"org|affil|role|job|title|position|location|local\b|place|city|dateline"
                            r"|ort\b|lieu|ciudad|date|time", re.IGNORECASE)


def _name_class(cls: str) -> bool:
    return any(_NAME_CLASS_WORD.match(part.lower()) for part in _CLASS_PARTS.split(cls) if part)


def _in_others_box(el: lxml.html.HtmlElement) -> bool:
    """Inside a quote, a caption, a book's or a recipe's box, a sidebar widget, a list of other
    stories ... (the element's ancestors, as far as UNSIGNED_BOX_LEVELS)."""
    for node in itertools.islice(el.iterancestors(), UNSIGNED_BOX_LEVELS):
        if node.tag == "body":
            break  # (Drupal's body classes say the page has a sidebar: "one-sidebar sidebar-right")
        if node.tag in _OTHERS_TAGS or _OTHERS_BOX.search(
                f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


_PICTURE_TAGS = frozenset({"img", "svg", "picture"})


def _leaf_names(el: lxml.html.HtmlElement) -> list[str]:
    """The names of a nested author element, one per piece ("<span>Ana Pérez</span><span>Luis
    Gil</span>"): every piece split like a byline (a role, "Chefredakteur", gives none), not
    a label ("Автор:") nor a part named as no name (an affiliation, a location). A picture's
    piece is the text after it: an avatar before the name ("<a><img> Layla Haddad</a>"), and
    so is an icon's ('<span class=author><i class="fa fa-user"></i> Д.Батбаяр</span>')."""
    texts = (_clean((leaf.tail if leaf.tag in _PICTURE_TAGS or (
                not leaf.text and _ICON_CLASS.search(leaf.get("class") or "")) else leaf.text) or "")
             for leaf in el.iter()
             if isinstance(leaf.tag, str) and len(leaf) == 0
             and not _NOT_NAME_PART.search(leaf.get("class") or ""))
    return [name for text in texts if text and not _AUTHOR_LABEL.match(text)
            for name in split_authors(text)]


BYLINE_LINE_CHARS = 120
_PICTURE_CREDIT = re.compile(
    r"\s*(?:photos?|photograph(?:s|y)?|pictures?|images?|illustrations?|video|graphics?|fotos?"
    r"|bilder?|grafik|fotografía|fotografia|photographie)\b", re.IGNORECASE)


def _byline_line(parent: Any, names: list[lxml.html.HtmlElement]) -> bool:
    """An element that is a line of names (a byline), not a list or a box of teasers: its
    only links are the names' own ('<a class="writer">', '<span class="writer"><a>')."""
    if parent is None or parent.tag in ("ul", "ol") or len(
            " ".join((parent.text_content() or "").split())) > BYLINE_LINE_CHARS:
        return False
    own = {id(node) for el in names for node in el.iter()}
    return all(id(a) in own for a in parent.iter("a"))


def _is_credit(text: str) -> bool:
    """An agency's or a desk's credit, not a person: "EFE", "Europa Press", "Agencias" (up to
    CREDIT_WORDS capitalised words, one alone or words that read as a role or a desk)."""
    words = text.split()
    return len(words) <= CREDIT_WORDS and text.replace(" ", "").isalpha() and not any(
        w[:1].islower() for w in words) and (len(words) == 1 or not split_authors(text))


# a writer's label ("Autorin/Autor", "Penulis", "Written by") ...
_WRITER_WORDS = (r"author|autor|autorin|autor(?:in)?/autor(?:in)?|autors|autorius|auteur|autore"
                 r"|автор|аутор|yazar|penulis|autoría|autoria|written by")
# ... or a credit's that names the writer on most pages ("Text", "Texto")
_AUTHOR_LABEL = re.compile(r"^\s*(?:" + _WRITER_WORDS + r"|text|texto|testo)\s*:?\s*$",
                           re.IGNORECASE)

_LINE_BREAKS = frozenset({"br", "p", "div", "li"})
BYLINE_LINE_CHARS = 100  # a byline's line, not a sentence


def _teaser_links(box: lxml.html.HtmlElement) -> bool:
    """A box that links another story by its headline (a link of four words or more)."""
    return any(len(" ".join(a.itertext()).split()) >= TEASER_LINK_WORDS for a in box.iter("a"))


def _other_column(el: lxml.html.HtmlElement, text_cell: lxml.html.HtmlElement | None) -> bool:
    """The element stands in another cell of the layout table's row that holds the text (a
    sidebar's column: l'Unità's "<td class=colsx>…<b>Il giornale di oggi</b>")."""
    if text_cell is None:
        return False
    cell = next(el.iterancestors("td"), None)
    return cell is not None and cell is not text_cell and cell.getparent() is text_cell.getparent()


def _span_size(text: str) -> int:
    """Words, or for a script without spaces two characters a word."""
    return max(len(text.split()), len(_CJK_CHAR.findall(text)) // 2 + len(
        _NO_SPACE_SCRIPT.findall(text)) // 4)


_NO_SPACE_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # Thai, Lao, Burmese, Khmer


def _big_font(size: str) -> bool:
    """A <font> size of a heading: 4 and up, or "+1" and up."""
    size = size.strip()
    return (size.startswith("+") and size[1:].isdigit()) or (size.isdigit() and int(size) >= 4)


def _own_line(el: lxml.html.HtmlElement) -> bool:
    """An element that is a line of its own: alone in its parent, or followed by a <br>."""
    after = el.getnext()
    parent = el.getparent()
    return not (el.tail or "").strip() and (
        (after is not None and after.tag == "br") or (
            parent is not None and len(parent) == 1 and not (parent.text or "").strip()))


_FURNITURE_TAGS = frozenset({"header", "nav", "footer", "aside"})
_FURNITURE_ROLES = frozenset({"banner", "navigation", "contentinfo", "complementary"})
# (a site's "header", "site-header"; not an entry's "entry-header")
_FURNITURE_NAME = re.compile(r"(?:^|\s)(?:(?:site|page|main|global|top)[-_]?)?header(?:$|\s)"
                             r"|logo|banner|masthead|\bnav|menu|footer", re.IGNORECASE)


def _site_furniture(el: lxml.html.HtmlElement) -> bool:
    """In the site's header, navigation, footer or a sidebar, by tag, role or name (a page
    that a form wraps whole, Lotus Domino's, is not in chrome for that)."""
    return any(
        node.tag in _FURNITURE_TAGS or node.get("role") in _FURNITURE_ROLES
        or _FURNITURE_NAME.search(f"{node.get('class') or ''} {node.get('id') or ''}")
        for node in itertools.chain((el,), el.iterancestors()))

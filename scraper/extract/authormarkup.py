"""Authors from byline markup: author links and classes, labels, bylines under the headline, signatures."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from .authorlines import _AGENCY, _DECK_CLASS
from .authornames import (
    _ACCOUNT_NAMES,
    _AUTHOR_PATH,
    _BY,
    _BYLINE_CLASS,
    _COMMENTS,
    _OTHERS_BYLINE,
    _PLAIN_BYLINE,
    _SOURCE_WORD,
    _SPLIT_AUTHORS,
    MAX_LEAD_WORDS,
    _clean,
    _dedupe,
    _ld_names,
    _name_like,
    _norm,
    _people,
    split_authors,
)
from .authorplaces import (
    _AUTHOR_LABEL,
    _AUTHOR_META_KEYS,
    _AUTHOR_TOKEN,
    _BY_AFTER_STAMP,
    _CAMEL,
    _LINE_BREAKS,
    _META_BOXES,
    _META_SEPARATOR,
    _NAME_CLASS_WORD,
    _NAME_PART,
    _NOT_POST_INFO,
    _OTHERS_AUTHOR,
    _OTHERS_BOX,
    _PICTURE_CREDIT,
    _WRITER_WORDS,
    BYLINE_LINE_CHARS,
    META_BOXES,
    META_LINE_CHARS,
    META_LINE_LEVELS,
    UNSIGNED_BOX_LEVELS,
    _author_meta,
    _byline_line,
    _in_chrome,
    _in_comment,
    _in_others_box,
    _is_credit,
    _lead_words,
    _leaf_names,
    _name_class,
    _named,
    _said,
    _teaser_links,
    _TextStart,
)


def _byline_people(marked: list[lxml.html.HtmlElement], start: _TextStart,
                   site_keys: set[str]) -> list[str]:
    """The people a byline element signs with "By" (the first such byline; an agency's or a
    press word's name beside them left out)."""
    for el in _bylines(marked, start):
        text = _clean(_said(el))
        if text and _BY.match(text) and not _PICTURE_CREDIT.match(text):
            names = [n for n in _people(split_authors(_first_line(el) or text), site_keys)
                     if not _SOURCE_WORD.search(n)]
            if names and all(_name_like(n) and len(n.split()) >= 2 for n in names):
                return names
            return []
    return []


def _marked_authors(marked: list[lxml.html.HtmlElement], start: _TextStart
                    ) -> list[lxml.html.HtmlElement]:
    """``rel=author`` / ``itemprop=author`` elements and byline__name / author-name classes,
    not a comment's (WordPress marks its commenters ``itemprop=author``, block themes class
    them "wp-block-comment-author-name")."""
    return [
        el for el in marked
        if (el.get("rel") == "author" or el.get("itemprop") == "author"
            # Drupal's "Submitted by <span property="foaf:name">": an account's name, only
            # when it reads as a person's ("comunicacion" is a desk's login)
            or (el.get("property") == "foaf:name" and _name_like(el.text_content().strip()))
            or _named_name(el, start))
        and not _in_comment(el)
    ]


def _named_name(el: lxml.html.HtmlElement, start: _TextStart) -> bool:
    """An element named as an author's name: "byline__name", "author-name" (a class word, not
    a quote's or a related card's), and BEM's "author__name" or Medium's data-testid
    "authorName" outside others' boxes (a book's, a teaser's, a pull quote's) and above the
    article text (below it: cards of other stories, a newsletter's promotion)."""
    classes = (el.get("class") or "").split()
    named = [word for word in [*classes, _CAMEL.sub("-", el.get("data-testid") or "").lower()]
             if _NAME_PART.search(word)]
    if not named or any(_OTHERS_AUTHOR.search(word) for word in named):
        return False
    old = any("byline__name" in word or "author-name" in word for word in classes)
    return old or (not _in_others_box(el) and start.above(el))


def _bylines(marked: list[lxml.html.HtmlElement], start: _TextStart
             ) -> list[lxml.html.HtmlElement]:
    """Byline elements: a class that names a byline, no headline inside, not in page chrome
    or comments (an article's own <header> is fine)."""
    out = []
    for el in marked:
        names = [name for name in (el.get("class") or "", el.get("data-testid") or "",
                                   el.get("data-component") or "")
                 if ("byline" in name or "Byline" in name) and _BYLINE_CLASS.search(name)]
        if not names or el.find(".//h1") is not None or _COMMENTS.search(el.get("class") or "") or (
                _in_chrome(el, header_ok=True) or _in_credit(el)):
            continue
        if not _PLAIN_BYLINE.search(el.get("class") or "") and (
                any(_OTHERS_BYLINE.search(name) for name in names) or _in_others_box(el)
                or _in_comment(el) or not (start.above(el) or _under_deck(el, start))):
            continue  # a card's, a teaser's, a picture's or a recipe's "…__byline", or one
            # below the text (a React component reused in cards of other stories)
        out.append(el)
    return out


def _under_deck(el: lxml.html.HtmlElement, start: _TextStart) -> bool:
    """The element stands right under the text's first long paragraph, which is its deck
    ('<p class="sds_ingress">…</p><div class="sds_byline">'): the byline under a standfirst."""
    first = start.first_paragraph()
    return first is not None and bool(_STANDFIRST_CLASS.search(first.get("class") or "")) and (
        el in itertools.islice(first.itersiblings(), DECK_NEXT))


# a deck's class, and the Nordic "ingress", the Czech and Slovak "perex", Italian "sommario"
# (a short "ingress" may hold the byline itself: "<p class=ingress>Av Karin Ek</p>")
_STANDFIRST_CLASS = re.compile(_DECK_CLASS.pattern + r"|ingress|perex|sommario", re.IGNORECASE)


def _meta_line(anchor: lxml.html.HtmlElement, start: _TextStart,
               h1: lxml.html.HtmlElement | None) -> list[str]:
    """The names in a post's line of details by its headline (``anchor``: the headline, or the
    text's first paragraph), after the headline and above the text, one item of which is its
    byline: "Geplaatst op: za 28 okt 2023 21:40 · Door: Kees Bakker · Categorie: Senioren" (an
    "entry-meta", "news-info" box; not one of several alike, a list's entries)."""
    region = anchor
    for node in itertools.islice(anchor.iterancestors(), META_LINE_LEVELS):
        region = node
        if node.tag in ("article", "main", "body"):
            break
    boxes = [el for el in itertools.islice(_META_BOXES(region), META_BOXES)
             if start.before_text(el)]
    classes = Counter(el.get("class") for el in boxes)  # (above the text: a slider's entries)
    for el in boxes:
        cls = el.get("class") or ""
        if classes[cls] > 1 or not any(word.endswith(("meta", "info")) and not _NOT_POST_INFO.match(
                word) for word in cls.split()):
            continue  # (a picture's, a product's or a game's box: "img-info", "app-info")
        said = _clean(_said(el))
        if not said or len(said) > META_LINE_CHARS or "©" in said or _in_chrome(
                el, header_ok=True) or _in_comment(el) or _in_others_box(el) or not (
                start.before_text(el)) or (h1 is not None and not start.after(el, h1)):
            continue
        for item in _META_SEPARATOR.split(said):
            # "Door: Kees Bakker", or after the stamp: Contao's "09.04.2024 10:30 von Sabine
            # Krüger"
            lead = _BY_AFTER_STAMP.search(item)
            byline = item[lead.start(1):] if lead is not None else item
            if _BY.match(byline) and (names := split_authors(byline)) and all(
                    map(_name_like, names)):
                return names
    return []


def _signed(marked: list[lxml.html.HtmlElement]) -> list[str]:
    """Names from an element classed as the article's author ("author", "article__author",
    "post-author") whose text signs it: "Von Seb Dumitru, Lille", "By Jane Doe". An author
    box's biography or an "authors" index does not start with "By"."""
    found: list[list[str]] = []
    for el in [el for el in marked if "author" in (el.get("class") or "")][:20]:
        cls = el.get("class") or ""
        token = _AUTHOR_TOKEN.search(cls)
        if token is None or _OTHERS_AUTHOR.search(token.group()) or _COMMENTS.search(cls) or (
                _in_chrome(el, header_ok=True)):
            continue
        text = _clean(_said(el))
        if text and len(text) <= 120 and _BY.match(text):
            names = split_authors(text)
            if names:
                found.append(names)
    # signed boxes that name different people are a list (teasers, forum posts), not a byline
    return max(found, key=len) if found and len({_norm(names[0]) for names in found}) == 1 else []


# ... nor the author of another thing: a book's, a recipe's, a review's, an editor's or
# reviewer's, a translator's, a player's ("autor-libro", "recipe-author", "author-reviewer")
_OTHERS_NAME = re.compile(
    _OTHERS_AUTHOR.pattern + r"|recipe|review|video|episode|excerpt|ficha|libro|livre|buch|widget"
    r"|featured|editor|translat|traduc|lector|reader|user|player|product|site-|list"
    r"|[-_]title", re.IGNORECASE)  # ("author-title": the author's job, "ავტორის სვეტი")
UNSIGNED_CHARS = 60  # an unsigned name element holds a name or two, not a biography
_AGENCY_TAIL = re.compile(r"\s*[-–—/|(]\s*[A-ZÀ-Ý]{2,6}\)?\s*$")


def _unsigned(marked: list[lxml.html.HtmlElement], start: _TextStart) -> list[str]:
    """Names alone in an element classed as the author's ("<span class="author">Jane Smith
    </span>", "<div class="autor">Ana Pérez</div>"), without "By": most bylines outside
    English print none. Only names (two to four capitalised words each; every piece of a
    nested element's text a name or a role), from an element whose class names the author as
    a whole word, in no page chrome (the site's header included), comments or another thing's
    box (a quote, a caption, a book's or a recipe's box, a sidebar widget, a list of other
    stories: the element's own class and its ancestors'). Elements that credit different
    people, or a person and an agency ("EFE"), are a list of other stories, not a byline."""
    found: list[list[str]] = []
    parents: set[Any] = set()  # of the elements that gave names
    named: list[lxml.html.HtmlElement] = []  # ... and those elements
    credits: set[str] = set()
    read: set[lxml.html.HtmlElement] = set()  # elements read whole (their parts are not again)
    for el in marked[:40]:
        cls = el.get("class") or ""
        if not _name_class(cls) or _OTHERS_NAME.search(cls) or _COMMENTS.search(cls) or any(
                node in read for node in el.iterancestors()):
            continue
        text = _clean(" ".join(el.itertext()))
        if not text or len(text) > UNSIGNED_CHARS or _in_chrome(el) or _in_others_box(el):
            continue
        cjk = _cjk_byline(text)
        names = [cjk] if cjk else _leaf_names(el) if len(el) else split_authors(
            _AGENCY_TAIL.sub("", text))
        names = [n for n in names if not _AGENCY.match(n)]  # "<span>Jane Doe</span><span>AFP"
        if names and (cjk or all(_name_like(n) for n in names)):
            found.append(names[:6])
            parents.add(el.getparent())
            named.append(el)
            read.add(el)
        elif _is_credit(text):
            credits.add(_norm(text))
            read.add(el)
        # (else its parts may name the author: Index's "szerzo-info" box holds the date too,
        # its "szerzo" link the name)
    people = {_norm(names[0]) for names in found}
    if len(people) > 1 and len(parents) == 1 and len(found) <= 6 and not credits and (
            _byline_line(next(iter(parents)), named)) and start.above(named[0]):
        # sibling elements of one byline, one name each, above the text: co-authors ('<p><span
        # class="writer">이도윤</span><span class="writer">김서연</span> 기자</p>'), not a list's
        # items, a box of other stories' headlines and writers nor a strip of columnists
        return _dedupe([name for names in found for name in names])
    return found[0] if len(people) == 1 and not credits else []


_LABEL_TAGS = ("strong", "b", "dt", "span", "h6", "div", "td")  # (a table's "Autor:" cell)
_FIELD_LABELS = frozenset({"field-label", "field__label"})  # Drupal's labelled fields
LABEL_CHARS = 40
MAX_LABELS = 50


def _writer_labels(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The page's labels of a writer's field ("Autorin/Autor", "Penulis", "Written by", "Text"),
    in document order: the own short text of the few kinds of elements a label is. (A loop
    here, not an XPath: the XPath that tested the same in libxml2 took 0.9 ms a page of the
    bench, this 0.2 ms.)"""
    out = []
    for el in tree.iter(_LABEL_TAGS):
        text = el.text
        if text and len(text) < LABEL_CHARS and _AUTHOR_LABEL.match(text) and (
                el.tag != "div" or el.get("class") in _FIELD_LABELS):
            out.append(el)
            if len(out) >= MAX_LABELS:
                break
    return out


def _details_of_article(field: lxml.html.HtmlElement) -> bool:
    """A labelled author field is the article's when its element is classed as the author's,
    or its list of fields also gives a full date (DW's "Datum 28.04.2023 / Autorin/Autor ..."):
    a book's or a film's facts box gives a year at most."""
    if "author" in (field.get("class") or "").lower():
        return True
    box = field.getparent() if field.tag in ("li", "dt", "dd") else field
    if box is None or any(a.tag in ("table", "figure", "blockquote") for a in box.iterancestors()):
        return False
    if _FULL_DATE.search(" ".join(box.itertext())[:600]):
        return True
    # "<p><b>Author:</b> Jane Doe</p><p><b>Date:</b> March 12, 2024</p>": a field beside it
    near = [*itertools.islice(field.itersiblings(preceding=True), 2),
            *itertools.islice(field.itersiblings(), 2)]
    return field.tag == "p" and any(
        isinstance(sib.tag, str) and _FULL_DATE.search(" ".join(sib.itertext())[:200])
        for sib in near)


_FULL_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b"
    r"|\b\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+(?:19|20)\d\d\b|\b[^\W\d_]{3,}\.?\s+\d{1,2},\s+(?:19|20)\d\d\b")

_WRITER_WORD_LABEL = re.compile(r"^\s*(?:" + _WRITER_WORDS + r")\s*:?\s*$", re.IGNORECASE)
_DRUPAL_FIELD = re.compile(r"field-{1,2}name-field-([\w-]+)")
_AUTHOR_FIELD = re.compile(  # the field's whole name ("autoria"; not "book-author")
    r"(?:autor\w*|author\w*|autoria|byline|writers?|penulis|redakt\w*|verfasser\w*|firma)",
    re.IGNORECASE)


def _field_of_author(field: lxml.html.HtmlElement) -> bool:
    """A Drupal field named for the author ("field-name-field-autoria"), or no named field."""
    named = _DRUPAL_FIELD.search(field.get("class") or "")
    return named is None or _AUTHOR_FIELD.fullmatch(named.group(1)) is not None


def _labelled(tree: lxml.html.HtmlElement, start: _TextStart) -> list[str]:
    """A details list's labelled field: "<li><strong>Autorin/Autor</strong> Roman
    Goncharenko</li>", "<dt>Author</dt><dd>Jane Doe</dd>", Kompas's "<div><h6>Penulis</h6><a>
    Irfan Kamil Sitompul</a></div>": the name after the label, in the label's element or the
    next one, when it reads as a person's name."""
    for label in _writer_labels(tree):
        if _in_chrome(label):
            continue
        parent, after = label.getparent(), label.getnext()
        if parent is None or (label.tag in ("h6", "div") and not (
                _WRITER_WORD_LABEL.match(label.text or "") and _field_of_author(parent))):
            continue  # (a small heading or a Drupal field's label names the writer only: not a
            # play's "Text" credit nor a speaker's field labelled "Autor" on an event page)
        if label.tag == "dt" and after is not None:
            text = " ".join(after.itertext())
        elif not (parent.text or "").strip() and parent[0] is label:
            text = " ".join(parent.itertext()).replace(label.text or "", "", 1)
        else:
            continue  # a label starts its field: "Marie Arana, <span>author</span>" is a role
        text = _clean(text) or ""
        if len(text) > 80:
            continue  # a field holds a name or two, not a list of signatories
        names = [n for n in split_authors(text) if _name_like(n)]
        if names and (_details_of_article(parent) or (
                start.before_text(parent) and not _in_others_box(parent))):
            return names  # (not a book's, a film's or a product's facts box, in the text or
            # beside it; a field above the article's first paragraph is the article's own)
    return []


def _first_line(el: lxml.html.HtmlElement) -> str | None:
    """The element's text up to its first line break (a <br>, or a block after some text), and
    on over breaks where a list of names goes on: "By Jane Doe and<br>John Roe", "Von Anna
    Schmidt,<br>Jonas Weber und Lea Fischer", "By Jane Doe, John Roe<br>and Mary Poe"."""
    lines: list[list[str]] = [[el.text or ""]]

    def walk(node: lxml.html.HtmlElement, depth: int) -> bool:  # False: enough lines
        for child in node:
            if isinstance(child.tag, str):  # (a comment's text is none, its tail is)
                if child.tag in _LINE_BREAKS and "".join(lines[-1]).strip():
                    if len(lines) == FIRST_LINES:
                        return False
                    lines.append([])
                lines[-1].append(child.text or "")
                if depth < FIRST_LINE_DEPTH and not walk(child, depth + 1):
                    return False
            lines[-1].append(child.tail or "")
        return True

    walk(el, 0)
    texts = [_clean(" ".join(parts)) or "" for parts in lines]
    line = texts[0]
    for after in texts[1:]:
        if not (_LIST_GOES_ON.search(line) or _LIST_GOES_ON_AFTER.match(after)):
            break
        line = f"{line} {after}"
    return line or None


FIRST_LINES = 3  # a byline's first line and the two that may go on with its list of names
_LIST_GOES_ON = re.compile(r"(?:,|&|\b(?:and|und|et|y|e|en|og|och|и|i))\s*$", re.IGNORECASE)
_LIST_GOES_ON_AFTER = re.compile(r"\s*(?:&|(?:and|und|et|y|e|en|og|och|и|i)\s)", re.IGNORECASE)
FIRST_LINE_DEPTH = 12  # a byline's nesting, far below the parser's

_LINE_TAGS = frozenset({"p", "div", "span", "address", "small"})
LINES_UNDER_HEADLINE = 24  # elements looked at after the headline
_INLINE_LEADS = frozenset({"a", "span", "strong", "b", "em", "i", "small"})  # "<span>By</span> …"
_PICTURES = frozenset({"img", "picture", "svg", "br"})  # (an author's photo before "Von …")


def _after(el: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements after ``el`` in document order (its own subtree excluded)."""
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        for sib in node.itersiblings():
            yield sib
            yield from sib.iterdescendants()
        node = node.getparent()


def _line_under_headline(h1: lxml.html.HtmlElement) -> list[str]:
    """The names of a signed line between the headline and the text, in an element named for
    nothing ("<p class="print-meta">Von Katharina Seidl-Brunner · 12.04.2023 um 18:15",
    "<div class="storySource">Аутор: Милош Јовановић<br>Извор: РТС", "<p>本报记者 王明远</p>"):
    names only (two to five capitalised words), up to the first paragraph of text."""
    lines = (el for el in _after(h1) if el.tag in _LINE_TAGS)
    for el in itertools.islice(lines, LINES_UNDER_HEADLINE):
        if el.tag == "p" and _lead_words(el) >= MAX_LEAD_WORDS:
            break  # the text has started
        if not (el.text or "").strip() and next(
                (c.tag for c in el if c.tag not in _PICTURES), None) not in _INLINE_LEADS:
            continue  # a box whose first line is its children's (they are looked at)
        line = _first_line(el)
        cjk = _cjk_byline(line) if line and len(line) <= 20 else None
        if cjk and not (_in_chrome(el) or _in_others_box(el) or _in_comment(el)
                        or _OTHERS_BOX.search(el.get("class") or "")):
            return [cjk]  # "本报记者 王明远"
        if not line or len(line) > BYLINE_LINE_CHARS or not _BY.match(line) or (
                _in_chrome(el) or _in_others_box(el) or _in_comment(el)
                or _OTHERS_BOX.search(el.get("class") or "")):
            continue
        cls = el.get("class") or ""
        if _DECK_CLASS.search(cls) and not _BYLINE_WORDS.search(cls) and not _LABEL_LEAD.match(line):
            continue  # a deck, a series' label or a kicker that starts like a byline ("<p
            # class=standfirst>By Tuesday Evening Labour Had Won", "<div class=series-label>By
            # Royal Appointment", "<p class=rubrik-unter>Von Mensch zu Mensch")
        names = split_authors(line)
        if names and len(names) <= 3 and all(_name_like(n) for n in names):
            return names
    return []


def _avatar_byline(h1: lxml.html.HtmlElement) -> list[str]:
    """A name beside its picture between the headline and the text, the picture's alt text
    the same name ('<img alt="Kevin Tran" src="/authors/kevin.jpeg"><div>Kevin Tran</div>':
    Next.js' blog starter, many a blog theme): a byline without "By"."""
    for el in itertools.islice(_after(h1), AVATAR_ELEMENTS):
        if el.tag == "p" and _lead_words(el) >= MAX_LEAD_WORDS:
            break  # the text has started
        if el.tag != "img":
            continue
        alt = _clean(el.get("alt"))
        after = el.getnext()
        if alt and after is not None and len(alt.split()) >= 2 and _name_like(alt) and _clean(
                " ".join(after.itertext())) == alt and not (
                _in_chrome(el) or _in_others_box(el) or _in_comment(el)):
            return [alt]
    return []


AVATAR_ELEMENTS = 40  # elements looked at after the headline for a name beside its picture

# a clock or a numeric date: no name holds one ("17:52", "2023-10-17", "17.10.2023")
_STAMP = re.compile(r"\d{1,2}:\d{2}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_LABEL_LEAD = re.compile(r"\s*[^\W\d_]{3,12}\s*:")  # "Аутор:", "Autor:", "Text:"
_BYLINE_WORDS = re.compile(r"meta|byline|auth|autor|credit", re.IGNORECASE)


def _name_leaves(el: lxml.html.HtmlElement) -> list[str]:
    """Names in a byline's innermost elements, one each ("By" and roles dropped); not a
    labelled stamp's element ("<span class=date>입력 : 2023-10-17 17:52:11</span>")."""
    names: list[str] = []
    for leaf in el.iter():
        if isinstance(leaf.tag, str) and len(leaf) == 0:
            text = _clean(leaf.text or "")
            if text and _STAMP.search(text):
                continue
            cjk = _cjk_byline(text) if text else None
            if cjk:
                names.append(cjk)
            elif text:
                names += [n for n in split_authors(text) if _name_like(n)]
    return names[:6]


# a Korean, Japanese or Chinese name with its reporter's role, the way their bylines print a
# name without "By": "김민정 기자", "山田太郎記者", "记者 张三" (a name is two to four characters)
_CJK_BYLINE = re.compile(
    r"^(?:(?:本报|本報|新华社|新華社)?(?:记者|記者)\s*([\u4e00-\u9fff]{2,4})|([\uac00-\ud7a3]{2,4}|[\u4e00-\u9fff]{2,4})\s*"
    r"(?:(?:선임|수석|객원|전문)?기자|특파원|記者|特派員|记者))(?:\s+\S+@\S+)?$")

_CJK_ONE = r"(?:[\uac00-\ud7a3]{2,4}|[\u4e00-\u9fff]{2,4})"
_CJK_JOINER = re.compile(r"\s*[·・、,，]\s*")
_CJK_CO_BYLINE = re.compile(rf"^({_CJK_ONE}(?:{_CJK_JOINER.pattern}{_CJK_ONE})+)\s*"
                            r"(?:기자|記者|记者|特派員|특파원)(?:\s+\S+@\S+)?$")


def _cjk_byline(text: str) -> str | None:
    """The name of a CJK byline (an e-mail address after it allowed), else None."""
    m = _CJK_BYLINE.match(_CJK_DESK.sub("", text))
    return (m.group(1) or m.group(2)) if m else None


# "王明远 北京报道", "記者陳怡君／臺北報導": reports from
_CJK_DESK = re.compile(r"(?:\s+|\s*[／/]\s*)[\u4e00-\u9fff]{2,4}(?:报道|報導)$")

DECK_NEXT = 2  # the elements after a long standfirst where its byline may stand


def _author_links(tree: lxml.html.HtmlElement) -> list[str]:
    """Name-like texts of links to an author's page (``/author/jane-doe/``) above the article
    text: a byline of links with no byline class. Links in navigation, asides, footers and
    comments, and any after the first long paragraph, don't count; on a page without such a
    paragraph, those above the first of three paragraphs of a dozen words in one box, else
    none (a list of teasers' byline area cannot be told apart)."""
    names: list[str] = []
    # each box's paragraphs of a dozen words, and the names found above its first
    boxes: dict[Any, tuple[int, int]] = {}
    under_deck: list[lxml.html.HtmlElement] = []  # the elements right under a long standfirst
    body = tree.find("body")
    for el in (body if body is not None else tree).iter("a", "p"):
        if el.tag == "p":
            words = _lead_words(el)
            if words >= MAX_LEAD_WORDS:
                if under_deck or not _DECK_CLASS.search(el.get("class") or ""):
                    return names[:6]  # the text's first paragraph
                # a long standfirst ("chapo", "article__intro"): the byline may stand right
                # under it, in its next element or the one after
                under_deck = list(itertools.islice(el.itersiblings(), DECK_NEXT))
                continue
            if words >= SHORT_LEAD_WORDS and not (
                    _in_chrome(el) or _in_others_box(el) or _in_comment(el)):
                box = el.getparent()
                if box is not None and len(box) == 1:  # each paragraph in its own wrapper
                    box = box.getparent()
                count, above = boxes.get(box, (0, len(names)))
                boxes[box] = (count + 1, above)
            continue
        href = el.get("href") or ""
        path = _AUTHOR_PATH.search(href)
        if not path:
            continue  # (most links: their text is never read)
        text = _clean(" ".join(el.itertext()))
        text = _cjk_byline(text) or text if text else text  # "김지현 기자": the name, its role off
        if not text or not _name_like(text) or _in_chrome(el) or _in_credit(el) or any(
                _TEASER_BOX.search(f"{node.get('class') or ''} {node.get('id') or ''}")
                for node in itertools.islice(el.iterancestors(), UNSIGNED_BOX_LEVELS)):
            continue  # (a box of other stories: "top-stories", "more-from", "related")
        if under_deck and not any(node in under_deck and not _teaser_links(node)
                                  for node in itertools.chain((el,), itertools.islice(
                                      el.iterancestors(), UNSIGNED_BOX_LEVELS))):
            continue  # (below a standfirst, elsewhere than right under it, or in a teaser
            # there: "Lees ook <a>Waarom de fiets altijd wint</a> door <a>Sanne Jansen</a>")
        if _STAFF_PATH.match(path.group()) and not _slug_names(href, text):
            continue  # a /staff/ page is also a desk's, a directory's or a contact's
        if path.group().startswith("/by/") and not _path_of(href).startswith("/by/"):
            continue  # /by/ leads the site's own path ("/by/matt-o-sullivan-hvf1u"), not a
            # licence's ("creativecommons.org/licenses/by/4.0/") nor a browse page's
        names.append(text)
    # a story of short paragraphs: the first box of three of a dozen words or more is its text
    lead = next((above for count, above in boxes.values() if count >= SHORT_LEAD_PARAGRAPHS), 0)
    return names[:min(lead, 6)]


SHORT_LEAD_WORDS = 12
SHORT_LEAD_PARAGRAPHS = 3
# (and a breadcrumb's trail: "/people/real-life", a section named for people, is no person)
_TEASER_BOX = re.compile(r"(?:more|top)-?stories|more-?from|related|most-?read|crumb",
                         re.IGNORECASE)
_STAFF_PATH = re.compile(r"/(?:staff|colunas)/", re.IGNORECASE)  # (a column's: "/colunas/painel/")
# a picture's caption or credit, a contact box: one class or id word of it ("wp-caption",
# "photo-credit", "media-contact"), not "referencia-fotodestacada" nor a post's category
_CREDIT_WORD = re.compile(
    r"^(?!(?:category|cat|tag|section|node|type|topic|format)[-_])(?:[a-z0-9]+[-_]{1,2})*"
    r"(?:caption|credits?|contact|kontakt|photo|photos|foto|fotos|bildtext|art|asset|image|img"
    r"|hero|gallery)(?:[-_]{1,2}[a-z0-9]+)*$")  # (a lead picture's box: "lead-art", "asset-meta")
CREDIT_LEVELS = 4  # the ancestors of an author link read for a picture's or a contact's box

CO_AUTHOR_LEVELS = 3  # the ancestors of the credited author's link read for a byline of links
CO_AUTHOR_PARAGRAPHS = 1  # long paragraphs before it (a standfirst), or it is in the text


def _co_authors(tree: lxml.html.HtmlElement, name: str) -> list[str]:
    """The names of a byline of author links that holds the one author the structured data
    credits, and others: Yoast's graph and Ghost's JSON-LD name a post's first author only
    ('<h4 class="author-name"><a href="/author/priya/">Priya Raman</a>, <a
    href="/author/tom/">Tom Akers</a></h4>', WordPress's Co-Authors Plus "by <a>…</a> and
    <a>…</a>"). The byline is the nearest ancestor of one of the name's links above the text
    (not in a menu) with more author links that holds nothing but their names, "by",
    separators and roles ("By <a>Jane Doe</a>, edited by <a>John Roe</a>" is no list of
    authors); [] when the page has none."""
    body = tree.find("body")
    long_paragraphs = 0
    for link in (body if body is not None else tree).iter("a", "p"):
        if link.tag == "p":
            if _lead_words(link) >= MAX_LEAD_WORDS:
                long_paragraphs += 1
                if long_paragraphs > CO_AUTHOR_PARAGRAPHS:
                    break  # into the text: bylines stand above it (or under a standfirst)
            continue
        if not _AUTHOR_PATH.search(link.get("href") or "") or _clean(
                " ".join(link.itertext())) != name or _in_chrome(link):
            continue
        for box in itertools.islice(link.iterancestors(), CO_AUTHOR_LEVELS):
            names = _dedupe([text for a in box.iter("a") if _AUTHOR_PATH.search(
                a.get("href") or "") and (text := _clean(" ".join(a.itertext())))])
            if len(names) < 2:
                continue
            said = _clean(" ".join(box.itertext())) or ""
            rest = said
            for each in names:
                rest = rest.replace(each, " ")
            # (nothing but the names, "by" and separators; or roles after them, "Ava Brooks,
            # News Editor and Marcus Lee, Staff Writer", that the byline reader drops)
            if len(names) > 6 or not all(map(_name_like, names)) or (_SPLIT_AUTHORS.sub(
                    "", _BY.sub("", rest + " ")).strip(" .:·•|–—-") and set(
                    split_authors(said)) != set(names)):
                break  # (a box of more than the byline: a hidden copy's header; the byline
                # may follow)
            return names
        # (a link alone in its box: an author box's or an avatar's)
    return []


def _in_credit(el: lxml.html.HtmlElement) -> bool:
    """A link in a picture's caption or credit, or in a contact box ("Photo by <a
    href=/staff/jane-roe>", "Media contact: <a …>"); not the author's own box that also holds
    the author's picture (Geo's "author_title_img")."""
    for node in itertools.islice(el.iterancestors(), CREDIT_LEVELS):
        if node.tag in ("figure", "figcaption") or (_named(node, _CREDIT_WORD) and not (
                _author_picture_box(node.get("class") or ""))):
            return True
    return False


_PERMALINK_MARKS = frozenset({"¶", "#", "§", "🔗"})


def _heading_words(h1: lxml.html.HtmlElement) -> list[str]:
    """A heading's text without its permalink's mark (Sphinx's and MkDocs' '<h1>Title<a
    class="headerlink" href="#title">¶</a>'; not a title's own "C#")."""
    last = h1[-1] if len(h1) else None
    if last is not None and last.tag == "a" and (last.text or "").strip() in _PERMALINK_MARKS and (
            not (last.tail or "").strip()) and len(last) == 0:
        return [h1.text or "", *itertools.chain.from_iterable(
            (*child.itertext(), child.tail or "") for child in h1[:-1])]
    return list(h1.itertext())


_PICTURE_PART = re.compile(r"^(?:img|image|photo|foto|picture|pic|avatar)s?$")


def _author_picture_box(cls: str) -> bool:
    """A class naming the author's box and then its picture ("author_title_img", "author-photo"),
    not a picture's credit naming its author ("foto-autor", "image-author")."""
    for word in cls.lower().split():
        parts = [part for part in re.split(r"[-_]+", word) if part]
        author = next((i for i, part in enumerate(parts) if _NAME_CLASS_WORD.match(part)), None)
        picture = next((i for i, part in enumerate(parts) if _PICTURE_PART.match(part)), None)
        if author is not None and picture is not None and author < picture:
            return True
    return False


def _path_of(href: str) -> str:
    try:
        return urlsplit(href).path
    except ValueError:
        return ""


def _slug_names(href: str, text: str) -> bool:
    """The address's last word is the link's name: /staff/2648123001/priya-raman/ for
    "Priya Raman"."""
    slug = [part for part in href.split("?")[0].split("#")[0].split("/") if part]
    return bool(slug) and _norm(slug[-1]) == _norm(text)


def _credited(
    ld: dict[str, Any], meta: dict[str, str], marked: list[lxml.html.HtmlElement]
) -> list[str]:
    """The byline as the page credits it when it names no person: an agency ("Associated
    Press"), a desk ("MND Staff") or the publication itself ("Les Echos"), from the first of
    JSON-LD ``author`` (any type), the author meta tags and ``rel/itemprop=author`` markup that
    has one. Never the ``publisher`` field: a credit must come from an author field."""
    if ld:
        values = ld.get("author")
        names: list[str] = []
        for item in values if isinstance(values, list) else [values]:
            for name in _ld_names(item) if isinstance(item, dict) else filter(None, [_clean(item)]):
                names.extend(split_authors(name, keep_roles=True))
        if names:
            return names
    for key in _AUTHOR_META_KEYS:
        value = _author_meta(meta, key)
        if value and not value.startswith("http"):
            # (a CMS account's default name credits nobody: content_author="admin")
            names = [n for n in split_authors(value, keep_roles=True)
                     if n.casefold() not in _ACCOUNT_NAMES]
            if names:
                return names
    for el in marked:
        if (el.get("rel") != "author" and el.get("itemprop") != "author") or _in_comment(el):
            continue  # (a comment's own schema.org author is its commenter)
        said = _clean(" ".join(el.itertext()))
        if said:
            names = split_authors(said, keep_roles=True)
            if names:
                return names
    return []


def _site_keys(url: str, site_name: str | None, ld: dict[str, Any]) -> set[str]:
    """Names of the publisher (site name, JSON-LD publisher, domain label), normalised."""
    keys = set()
    if site_name:
        keys.add(_norm(site_name))
    publisher = ld.get("publisher") if ld else None
    for pub in publisher if isinstance(publisher, list) else [publisher]:
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            keys.add(_norm(pub["name"]))
    host = (urlsplit(url).hostname or "").lower()
    labels = [lab for lab in host.split(".") if lab not in ("m", "amp", "de", "com")
              and not _WWW.fullmatch(lab)]
    if labels:
        keys.add(_norm(max(labels, key=len)))
    # the domain's own name, before its public suffix ("wdr" in www1.wdr.de, "cnn" in
    # edition.cnn.com, "iol" in www.iol.co.za)
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        parts = parts[:-1]
    if len(parts) >= 2 and len(parts[-2]) >= 3:
        keys.add(_norm(parts[-2]))
    return {k for k in keys if len(k) >= 2}


_WWW = re.compile(r"www\d*")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gob",
                           "gv", "nic"})

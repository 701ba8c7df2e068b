"""Credit lines around an article's text: above it, in its first and last paragraphs, below it."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html

from .authornames import (
    _BY,
    _CJK_ROLE,
    _ROLE,
    _WRITER_LABEL,
    MAX_LEAD_WORDS,
    _clean,
    _name_like,
    split_authors,
)
from .authorplaces import (
    _CREDIT_TAGS,
    _FOOT_CREDIT,
    _OTHERS_BOX,
    FOOT_CREDIT_CHARS,
    FOOT_LEVELS,
    FOOT_REGION_LEVELS,
    _comment_box,
    _in_chrome,
    _in_comment,
    _in_others_box,
    _is_credit,
    _lead_words,
    _own_line,
    _teaser_links,
    _text_lines,
    _TextStart,
)
from .html import short_text

BY_LINE_ELEMENTS = 30  # elements above the text read for its "By" line
BY_LINE_CHARS = 100


def _by_line(start: _TextStart) -> list[str]:
    """The names of a line above the article text that signs it with "By", "Written by",
    "Posted by … on …", "Von", "Par" …, in an element of no byline class (Joomla 1.5's "<span
    class=small>Written by Moses Kanairara</span>", "<font><i>by Maria Olivero</i></font>",
    e107's "Posted by <a>Alastair Reid</a> on Saturday …"): the nearest such line above it,
    outside the page's chrome, comments and others' boxes. Read only when nothing else names a
    person."""
    first = start.first_paragraph()
    if first is None:
        return []
    # (the line and the text in one box: not a slider's "By Jane Roe" above the post)
    boxes = set(itertools.islice(first.iterancestors(), BY_LINE_LEVELS))
    for el in reversed(start.just_above(BY_LINE_ELEMENTS)):
        if el.tag in _HEADLINE_TAGS:
            break  # (a line above the headline: another story's, a slider's "By Jane Roe")
        if el.tag in _NOT_BY_LINE_TAGS or _DECK_CLASS.search(el.get("class") or "") or (
                _OTHERS_BOX.search(f"{el.get('class') or ''} {el.get('id') or ''}")) or (
                el.find(".//p") is not None):
            continue  # (a paragraph's "By Tuesday Evening Labour Had Won" is a deck's, and so
            # is a series' label: "By Royal Appointment")
        said = _clean(short_text(el, BY_LINE_CHARS * 2))
        if not said or len(said) > BY_LINE_CHARS or not _BY_WORD.match(said):
            continue
        names = split_authors(said)
        if names and len(names) <= 4 and all(
                _name_like(n) and len(n.split()) <= BY_LINE_NAME_WORDS for n in names) and (
                boxes.intersection(el.iterancestors())) and not (
                _in_chrome(el) or _in_comment(el) or _in_others_box(el)):
            return names
    return []


BLOCK_CREDIT_NAMES = 4  # names a credit line of a text block gives at most


def _block_credit(start: _TextStart) -> tuple[list[str], str]:
    """The names of a credit line in a text written between <br>s (a table cell's, a
    <font>'s, a <div>'s own lines, no <p>), as templates older than CSS sign it: its first
    line "By Hannah Whitfield", "Von Christoph Lindner", "Piše: Ivana Horvat", a bold "<b>Karl
    Azzopardi</b>", "Selin KAYA / İstanbul" (the place after a slash), China Times'
    "【王小明、李大華／台北報導】"; or its last, a bold signature ("<b>Светла Георгиева</b>"), in
    the block or in a bold element right after it. Gives the names and the line (the text
    drops a first line that signs it). Read only when nothing else names a person."""
    first = start.first_paragraph()
    if first is None or first.tag == "p" or _in_chrome(first) or _in_others_box(first):
        return [], ""
    lines = _block_lines(first)
    if len(lines) < 2:
        return [], ""
    text, bold = lines[0]
    if len(text) <= BY_LINE_CHARS:
        names = _credit_line_names(text, bold)
        if names:
            return names, text
    after = first.getnext()
    while after is not None and after.tag == "br" and not (after.tail or "").strip():
        after = after.getnext()
    tails = [lines[-1]]
    if after is not None and isinstance(after.tag, str) and not (first.tail or "").strip() and (
            after.tag in _BOLD or _all_in(after, _BOLD) or (
                len(after) == 1 and after[0].tag in _BOLD and _all_in(after, _BOLD | _ITALIC))):
        tails.append((_clean(" ".join(after.itertext())) or "", True))  # "<font><b><i>Zenon …"
    last = first[-1] if len(first) else None
    if last is not None and isinstance(last.tag, str) and _SIGNATURE_CLASS.search(
            last.get("class") or "") and (signed := _text_lines(last)):
        tails.append((signed[0], True))  # '<span class="assinatura"><b>Paulo …</b><br>Repórter'
    for text, bold in tails:
        if bold and len(text) <= BY_LINE_CHARS:
            names = _credit_line_names(text, bold, signed=False)
            if names:
                return names, ""
    return [], ""


def _block_lines(block: lxml.html.HtmlElement) -> list[tuple[str, bool]]:
    """A block's lines between <br>s, each with whether all of its text is bold (in <b> or
    <strong>, or in an element that holds only those: "<font><b>…</b></font>")."""
    lines: list[tuple[str, bool]] = []
    pieces: list[tuple[str, bool]] = []

    def close() -> None:
        said = _clean(" ".join(text for text, _ in pieces))
        if said:
            lines.append((said, all(bold for text, bold in pieces if text.strip())))
        pieces.clear()

    pieces.append((block.text or "", False))
    for child in block:
        if child.tag == "br":
            close()
        elif isinstance(child.tag, str):
            if child.tag in ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4"):
                close()  # (a block inside the block is a line of its own)
            bold = child.tag in _BOLD or (len(child) == 1 and not (child.text or "").strip() and (
                child[0].tag in _BOLD) and not (child[0].tail or "").strip())
            pieces.append((" ".join(child.itertext()), bold))
        pieces.append((child.tail or "", False))
    close()
    return lines


# "Selin KAYA / İstanbul": a name and the place it was filed from
_NAME_SLASH_PLACE = re.compile(r"^(.{4,60}?)\s+/\s+([^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*)?)$")
# "【王小明、李大華／台北報導】", "【中央日報網路報╱記者王大明╱桃園報導】": the reporters, the place
_CJK_BRACKET_CREDIT = re.compile(r"^[【\[]([^】\]]{2,40})[】\]]$")
_CJK_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _credit_line_names(text: str, bold: bool, *, signed: bool = True) -> list[str]:
    """The names a line of a text block credits: led by a byline word or a writer's label, a
    bold line of names alone, a name with its place after a slash, a CJK bracketed credit
    (``signed``: the forms with a lead or a label too; else only a bold line of names)."""
    names: list[str] = []
    if (signed and (_BY.match(text) or _WRITER_LABEL.match(text))) or (
            bold and not text.endswith(":") and not any(c.isdigit() for c in text)):
        names = split_authors(text)
    elif signed and (slash := _NAME_SLASH_PLACE.match(text)) is not None and all(
            word[:1].isupper() for word in slash.group(2).split()):
        names = split_authors(slash.group(1))
    elif signed and (bracket := _CJK_BRACKET_CREDIT.match(text)) is not None:
        parts = re.split(r"[／/╱]", bracket.group(1))
        if len(parts) >= 2 and parts[-1].endswith(("報導", "报道", "綜合報導", "電")):
            names = [name for part in parts[:-1]
                     for name in re.split(r"[、，,]", _CJK_ROLE.sub("", part.strip()))
                     if _CJK_HAN_NAME.fullmatch(name)]
            return names[:BLOCK_CREDIT_NAMES]
    if 0 < len(names) <= BLOCK_CREDIT_NAMES and all(
            _name_like(n) and len(n.split()) <= BY_LINE_NAME_WORDS for n in names):
        return names
    return []


_SOURCE_CLASS = re.compile(r"(?:^|[\s_-])(?:source|sources|quelle|bron|lahde|lähde|kalla|källa"
                           r"|fonte|fuente|zdroj|zrodlo|izvor|forras|kaynak|kilde"
                           r"|ajans|agency|agencia|agenzia|agentur)"
                           r"(?:$|[\s_-])", re.IGNORECASE)
SOURCE_CHARS = 40


def _source_credit(start: _TextStart) -> list[str]:
    """An agency credited alone in an element classed as the story's source, above its text:
    '<span class="source">TASR</span>', Finnish '<div class="lahde">STT</div>', Dutch '<span
    class="bron">ANP</span>', Turkish '<td class="ajans">DHA</td>', or right below it with its
    label ('<td class="source_article">Source : MAP</td>') (read only when nothing else names
    anyone: a credit of a desk or an agency alone is the story's credit)."""
    for el in itertools.chain(start.just_above(BY_LINE_ELEMENTS), _just_below(start)):
        if not _SOURCE_CLASS.search(el.get("class") or ""):
            continue
        said = _clean(short_text(el, SOURCE_CHARS * 2)) or ""
        label = _SOURCE_LABEL.match(said)
        if label is not None:  # "bron: belga", "Forrás: MTI", "Izvor: Tanjug"
            said = said[label.end():]
        if said and len(said) <= SOURCE_CHARS and (
                _is_credit(said) or _AGENCY.match(said) or (label is not None and said.isalpha())
        ) and not (_in_chrome(el) or _in_others_box(el) or _in_comment(el)):
            return [said]
    return []


BELOW_TEXT_ELEMENTS = 12  # elements right after the text's box read for its source line


def _just_below(start: _TextStart) -> Iterator[lxml.html.HtmlElement]:
    """The elements right after the text's first paragraph's box and the box around it (the
    next rows of a layout table), at most BELOW_TEXT_ELEMENTS."""
    first = start.first_paragraph()
    if first is None:
        return iter(())
    boxes = [first, *itertools.islice(first.iterancestors(), 2)]
    following = (el for box in boxes for sibling in box.itersiblings() for el in sibling.iter()
                 if isinstance(el.tag, str))
    return itertools.islice(following, BELOW_TEXT_ELEMENTS)


# a source's label before its name (the element's class names it a source already)
_SOURCE_LABEL = re.compile(r"(?:source|quelle|bron|izvor|извор|forrás|fonte|fuente|kaynak|zdroj"
                           r"|źródło|lähde|källa|kilde|πηγή|источник|джерело)\s*:\s*",
                           re.IGNORECASE)


def _desk_line(start: _TextStart) -> list[str]:
    """A desk's credit in a bold line of its own at the head of the text, as papers of print
    origin sign agency and desk copy: Daily Times' "<b>Staff Report</b><br><br>LAHORE: …", The
    Tribune's "<b>Tribune News Service</b>", "<p><strong>Special Correspondent</strong></p>"
    (words of a desk or a role, no name: a person's name there is read by _name_line)."""
    first = start.first_paragraph()
    if first is None:
        return []
    lead = first[0] if len(first) and not (first.text or "").strip() else None
    before = first.getprevious()
    for el in (lead, before):
        if el is None or not isinstance(el.tag, str):
            continue
        bold = el if el.tag in _BOLD else (
            el[0] if len(el) == 1 and el[0].tag in _BOLD and _all_in(el, _BOLD) else None)
        if bold is None or (el is lead and not _own_line(bold)):
            continue
        said = _clean(" ".join(bold.itertext()))
        if said and len(said) <= SOURCE_CHARS and _ROLE.search(said) and not any(
                c.isdigit() for c in said) and not said.endswith((".", ":")):
            return [said]
    return []


BY_LINE_LEVELS = 3  # of the text's first paragraph, one of which holds the "By" line too
BY_LINE_NAME_WORDS = 3
_NOT_BY_LINE_TAGS = frozenset({"p", "a", "script", "style", "h4", "li"})
_HEADLINE_TAGS = frozenset({"h1", "h2", "h3"})
# the lead words of a signature, not a label ("Autor:", "Text" head a book's or a play's
# facts): "By", "Written by", "Posted by", "Von", "Par", "Por", "Di", "Door"
_BY_WORD = re.compile(r"\s*(?:(?:written|posted|reported)\s+)?by\s|\s*(?:von|par|por|di|door)\s"
                      r"|\s*(?:(?:scritto|inviato)\s+da|escrito\s+por|écrit\s+par"
                      r"|geschrieben\s+von|skrevet\s+af|skrivet\s+av|geschreven\s+door)\s",
                      re.IGNORECASE)

NAME_LINE_PARAGRAPHS = 3  # the paragraphs read above the text's first: a deck's lines, names
DECK_LINE_WORDS = 12
_BOLD = frozenset({"strong", "b"})
_ITALIC = frozenset({"em", "i"})


def _all_in(par: lxml.html.HtmlElement, tags: frozenset[str]) -> bool:
    """All of a paragraph's text is in elements of these tags ("<p><em>…as </em><em>foul</em>
    </p>")."""
    return len(par) > 0 and not (par.text or "").strip() and all(
        child.tag in tags and not (child.tail or "").strip() for child in par)


def _name_line(start: _TextStart) -> tuple[list[str], str]:
    """The names of a bold line just above the article text's first paragraph, as papers of
    print origin sign in the text ("<p><strong>Mohloai Mpesi</strong></p>", "Mathatisi
    Sebusi/Mohalenyane Phakela", "MTHOBISI SITHOLE"); above it at most a deck's short lines.
    Read only when nothing else names a person. Gives the names and the line's text."""
    first = start.first_paragraph()
    if first is None:
        return [], ""
    found: tuple[list[str], str] = ([], "")
    for par in itertools.islice(first.itersiblings(preceding=True), NAME_LINE_PARAGRAPHS):
        if par.tag != "p":
            break
        text = _clean(" ".join(par.itertext()))
        if not text:
            continue
        if found[0]:
            # above the names, only a deck's lines in italics ("…as villagers cry foul"): not
            # an intro's plain sentences over a bold heading
            if not _all_in(par, _ITALIC) or _lead_words(par) > DECK_LINE_WORDS:
                return [], ""
            continue
        if not _all_in(par, _BOLD) or text.endswith(":"):
            return [], ""  # (a transcript's "DAVID GREENE:")
        names = split_authors(text)  # ("Staff Reporter" names no one)
        if not (0 < len(names) <= 4 and all(map(_name_like, names))):
            return [], ""
        found = (names, text)
    return found


# an element named as the text's signature (not German "Firma", a company)
_SIGNATURE_CLASS = re.compile(r"(?:^|[\s_-])(?:signature|signatur|podpis|potpis|assinatura|unterschrift"
                              r"|allekirjoitus|imza)(?:$|[\s_-])"
                              # ("<p class=sign><b>Name</b>": the word alone, no "sign-in" form)
                              r"|(?:^|\s)sign(?:$|\s)", re.IGNORECASE)
_POSTED_BY = re.compile(r"\s*(?:[-–—]+\s*)?(?:posted\s+|written\s+|submitted\s+)?by\s+"
                        r"([^\W\d_][^|,;:()\n]{2,60}?)\s*(?:\s(?:on|at|in)\s|\||,|$)",
                        re.IGNORECASE)
_RIGHT = re.compile(r"text-align\s*:\s*right|^\s*right\s*$", re.IGNORECASE)
# a source's or a greeting's line set right in bold, no writer's ("Theo Tuổi Trẻ": after Tuổi
# Trẻ; "Frohe Ostern")
_NOT_SIGNATURE = re.compile(r"(?:theo|nguồn|quelle|source|according|via|frohe|fröhliche|happy|merry"
                            r"|ihr|ihre|chúc|joyeux|joyeuses|feliz|felices|buon|buona)\b",
                            re.IGNORECASE)
_ANY_LABEL = re.compile(r"(?:^|[\s(/,;–-])((?:edited|written|translated)\s+by|editor\s+online"
                        r"|imeandikwa\s+na|imeandaliwa\s+na"
                        r"|автор\s+материала"
                        r"|[^\W\d_]+)\s*:(?!\d)", re.IGNORECASE)
# the labels a credit line holds beside its writer's: an editor's, a picture's, a source's
_CREDIT_LABELS = frozenset({
    "autor", "autorin", "autora", "author", "auteur", "autore", "autrice", "reporter",
    "repórter", "reportero", "text", "texto", "testo", "tekst", "verfasser", "verfasserin",
    "written by", "imeandikwa na", "imeandaliwa na", "editor", "editor online", "edited by",
    "editing", "redaktion", "redakteur",
    "redakteurin", "redaktor", "redacción", "rédaction", "fotos", "foto", "photo", "photos",
    "bild", "bilder", "grafik", "video", "kamera", "illustration", "quelle", "source", "fuente",
    "fonte", "copyright", "mitarbeit", "übersetzung", "translation", "translated by",
    "producer", "produktion", "edição", "edición", "revisão", "edition",
    "автор", "автор материала", "текст", "фото", "источник", "редактор", "джерело",
    "авторка", "редакторка",  # (Ukrainian's feminine forms)
    # a post's details beside its credit
    "datum", "date", "stand", "tags", "tag", "schlagwörter", "kategorie", "kategorien",
    "category", "categories", "rubrik", "veröffentlicht", "published", "aktualisiert",
    "updated"})


def _foot_credit(start: _TextStart) -> list[str]:
    """The names of a labelled credit after the article text, in its container (WDR's
    "<p class=autor>Autorin: Julia Brenner</p>" at the text's end, Antara's "Reporter: …"):
    read only when nothing else names a person."""
    first = start.first_paragraph()
    if first is None:
        return []
    # after the text's last long paragraph in the box around its first (VnExpress' standfirst
    # is its first long paragraph, the text a box after it), then in a wider box (a portal's
    # portlets: one for the lead, one for the text)
    if names := _credit_after(first):
        return names
    seen: set[Any] = {first}
    words: dict[Any, int] = {}  # (the wider box reads the narrower one's paragraphs again)
    text_box: dict[Any, bool] = {}  # a paragraph's box -> not a comment's, another's, chrome
    for levels in FOOT_REGION_LEVELS:
        region = first
        for region in itertools.islice(first.iterancestors(), levels):
            if region.tag in ("article", "main", "body"):
                break
        node, past = first, False
        runs: Counter[Any] = Counter()  # the long paragraphs of each box
        for par in region.iter("p"):
            if par is first:
                past = True
                continue
            if not past:
                continue
            if par not in words:
                words[par] = _lead_words(par)
            if words[par] < MAX_LEAD_WORDS:
                continue
            box = par.getparent()
            if box not in text_box:  # (asked once a box: its paragraphs share the answer)
                text_box[box] = not (
                    _in_comment(box) or _in_others_box(par) or _in_chrome(par))
            if text_box[box] and not _comment_box(par):
                runs[box] += 1
                if runs[box] >= 2:  # (the text's run, not a quote's or a box's one)
                    node = par
        if node not in seen:
            seen.add(node)
            if names := _credit_after(node) or _closing_reporters(node):
                return names
    return []


# a Japanese paper's reporters in brackets closing its text, after the last sentence or on a
# line of their own: "…平年の梅雨明けは7月19日ごろ。（原田遼、宮畑譲）" (Tokyo Shimbun, Chunichi),
# a bureau before them: "（ワシントン・岡村正樹）", "（大阪＝山田太郎）"
_CLOSING_REPORTERS = re.compile(
    r"(?:[。」]|^)[\s\u3000]*[（(](?:[\u30a0-\u30ff]{2,10}[・＝=]|[\u4e00-\u9fff]{2,6}[＝=])?"
    r"([\u4e00-\u9fff々]{2,5}(?:[、・][\u4e00-\u9fff々]{2,5}){0,4})[）)][\s\u3000]*$")
# what else closes a text in brackets: "titles omitted", an agency, "end", "continued"
_NOT_REPORTERS = frozenset({"敬称略", "文中敬称略", "一部敬称略", "共同", "時事", "共同通信", "時事通信",
                            "終わり", "了", "完", "続く", "写真", "新華社", "新华社", "记者"})

CLOSING_SIBLINGS = 3  # the short paragraphs after the text's last long one read for them


def _closing_reporters(node: lxml.html.HtmlElement) -> list[str]:
    """The reporters named in brackets at the end of the text's last long paragraph (``node``)
    or of one of the next few short ones (read only when nothing else names a person)."""
    for el in itertools.chain((node,), itertools.islice(node.itersiblings(), CLOSING_SIBLINGS)):
        if el.tag not in _CREDIT_TAGS:
            continue
        m = _CLOSING_REPORTERS.search(" ".join(el.itertext())[-60:].strip())
        if m is not None:
            names = re.split(r"[、・]", m.group(1))
            if any(name in _NOT_REPORTERS for name in names):
                return []
            # the reporter's desk before the name ("（社会部・新垣綾子）"): the person, else the desk
            return [name for name in names if not name.endswith(_DESK_ENDS)] or names
    return []


_DESK_ENDS = ("部", "局", "支社", "本社", "班")  # a department, a bureau, an office, a team

# a Chinese dateline's reporters at the head of the text: "新华社北京3月5日电（记者孙少龙、高蕾）",
# "中新网北京9月29日电 (记者 张素)", "新京报讯（记者王俊 吴采倩）", "〔記者王小明／台北報導〕"
_DATELINE_REPORTERS = re.compile(
    r"[\s\u3000]*[^\s（(〔【]{0,20}?\s?[（(〔【]\s*(?:本报|本報)?(?:记者|記者)\s*"
    r"([\u4e00-\u9fff]{2,4}(?:[、，,\s\u3000]+[\u4e00-\u9fff]{2,4}){0,5})"
    r"\s*(?:[／/|｜][^）)〕】]{0,12})?[）)〕】]")

# ... and a Korean paper's at the head of its text: "[머니투데이 김철수기자]", "[서울=뉴시스]홍길동 기자 ="
_KOREAN_HEAD_REPORTER = re.compile(
    r"[\s\u3000]*\[[^\]\s]{1,12}(?:\s*=\s*[^\]\s]{1,12})?\s+([\uac00-\ud7a3]{2,4})\s?기자\]")


def _dateline_reporters(start: _TextStart) -> list[str]:
    """The reporters a Chinese wire story names in its dateline, or a Korean story in its
    bracket, at the head of its text's first paragraph (read only when nothing else names a
    person)."""
    first = start.first_paragraph()
    if first is None:
        return []
    head = " ".join(itertools.islice(first.itertext(), 3))[:80]
    if (korean := _KOREAN_HEAD_REPORTER.match(head)) is not None:
        return [korean.group(1)]
    m = _DATELINE_REPORTERS.match(head)
    return re.split(r"[、，,\s\u3000]+", m.group(1)) if m else []


# a dateline that names the agency the story comes from: "ANKARA (ANKA) - ", "BRIDGETOWN,
# Barbados (CMC):", "Berlin (dpa) -"
_DATELINE_AGENCY = re.compile(r"\s*[^\W\d_][\w.'’-]*(?:[ ,]+[^\W\d_][\w.'’-]*){0,3}\s*"
                              r"\(([A-Z]{2,6}|dpa|afp|apa|sda|ats|epd|kna)\)\s*(?:[-–—:]|--)")


def _dateline_agency(start: _TextStart) -> list[str]:
    """The agency a story's dateline names, when nothing else credits anyone: the credit of a
    desk's copy of agency news (read at the head of the text's first paragraph)."""
    first = start.first_paragraph()
    if first is None:
        return []
    m = _DATELINE_AGENCY.match(" ".join(itertools.islice(first.itertext(), 3))[:80])
    return [m.group(1)] if m else []


def _credit_after(node: lxml.html.HtmlElement) -> list[str]:
    """The names of a labelled credit (or a bold one set right) after the paragraph, in its
    box or up to two boxes above."""
    for _ in range(FOOT_LEVELS):
        after = list(node.itersiblings())
        # (below the text's last long paragraph: a study's "Autorin: …" inside the text
        # credits the study)
        last = max((i for i, el in enumerate(after) if el.tag == "p" and (
            _lead_words(el) >= MAX_LEAD_WORDS)), default=-1)
        for el in after[last + 1:]:
            tail = (el.tail or "").strip()
            if tail and len(tail) <= FOOT_CREDIT_CHARS and (
                    credit := _FOOT_CREDIT.match(tail)) is not None:
                # a credit in loose text between line breaks (1C-Bitrix's news detail:
                # "<br>Автор:&nbsp;Ирина Сомова<br>Источник:&nbsp;…")
                names = split_authors(credit.group(1))
                if names and len(names) <= 4 and all(map(_name_like, names)):
                    return names
            if el.tag not in _CREDIT_TAGS:
                continue
            if el.tag == "p" and _all_in(el, _BOLD) and _RIGHT.search(
                    f"{el.get('style') or ''} {el.get('align') or ''}"):
                # the writer's name set right in bold under the text (VnExpress' "<p
                # style="text-align:right;"><strong>Hoàng Phương</strong></p>")
                line = _clean(" ".join(el.itertext())) or ""
                names = split_authors(line)
                if 0 < len(names) <= 4 and all(map(_name_like, names)) and not (
                        _NOT_SIGNATURE.match(line) or line.endswith("!")):
                    return names
                continue
            if _SIGNATURE_CLASS.search(el.get("class") or "") and not (
                    _in_chrome(el) or _in_comment(el) or _in_others_box(el)):
                # the text's signature in an element named for it: Czech '<p class="podpis"><b>
                # Jiří Hořejší</b></p>', '<span class="assinatura"><b>Paulo Sérgio Silva</b><br>
                # Repórter</span>' (its first line; the role under it is no name)
                lines = _text_lines(el)
                names = split_authors(lines[0]) if lines and len(lines[0]) <= BY_LINE_CHARS else []
                if names and len(names) <= 4 and all(map(_name_like, names)):
                    return names
            said = short_text(el, FOOT_CREDIT_CHARS)
            if said is not None and (post := _POSTED_BY.match(said)) is not None and not (
                    _in_chrome(el) or _in_comment(el) or _in_others_box(el)):
                # a blog post's footer: "Posted by Rachel Dunmore on May 12, 2008 at 04:37 PM",
                # Blogger's "posted by Helen Marsh at 6:05 PM", "-- By Laura Feldman | May 12"
                names = split_authors(post.group(1))
                if names and len(names) <= 4 and all(map(_name_like, names)):
                    return names
            if said is None or _FOOT_CREDIT.search(said) is None or _in_chrome(el) or (
                    _in_comment(el) or _in_others_box(el)) or _teaser_links(el) or any(
                    " ".join(label.group(1).casefold().split()) not in _CREDIT_LABELS
                    for label in _ANY_LABEL.finditer(said)):
                continue  # (a teaser's link to another story; a song's or a book's fact box:
                # "Titel: …, Musik: …, Testo: …")
            for line in _text_lines(el):
                for m in _FOOT_CREDIT.finditer(line):
                    names = split_authors(m.group(1))
                    if names and len(names) <= 4 and all(map(_name_like, names)):
                        return names
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            break
        node = parent
    return []


_AGENCY = re.compile(r"^[A-ZÀ-Ý]{2,6}$")  # an agency's acronym beside a name: AFP, TTXVN, EFE
_DECK_CLASS = re.compile(r"standfirst|\bdek\b|deck|subtitle|sub-?head|summary|lead|teaser|intro"
                         r"|kicker|label|series|tagline|strap|unter|sous-?titre|entradilla"
                         r"|sottotitolo|occhiello|chapo|chapeau", re.IGNORECASE)

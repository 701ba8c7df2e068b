"""Title, authors, language, section, tags, image and canonical URL from metadata and markup."""

from __future__ import annotations

import html as htmllib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from .html import own_addresses, resolve_href, short_text
from .jsonld import types_of

_SPACE = re.compile(r"\s+")
# a byline's lead word: "By", "Von", Danish "Af", Swedish "Av", Dutch "Door", Czech "Napsal",
# Polish "Napisał", "Text:", Arabic "كتب" (wrote) ...
_BY = re.compile(r"^\s*((?:written\s+|posted\s+|reported\s+|submitted\s+)?by"
                 # ("written by" in the languages of Joomla's and Mambo's templates)
                 r"|(?:scritto|inviato)\s+da|escrito\s+por|écrit\s+par|geschrieben\s+von"
                 r"|skrevet\s+af|skrivet\s+av|geschreven\s+door|συντάκτ(?:ης|ρια)"
                 # (a column's or an analysis' own lead: "Eine Kolumne von")
                 r"|(?:eine?\s+(?:kolumne|analyse|glosse|kommentar|reportage|beitrag|gastbeitrag)\s+)?von"
                 r"|par|por|(?:a\s+cura\s+)?di|af|av|door|teksti(?:\s+ja\s+kuvat)?|"
                 r"napsal[ai]?|napisał[a]?|text|texto|testo|tekst|текст|от|автор|كتب"
                 r"|autor(?:/in|\*in|:in|in)?|autors|autorius|аутор|müəllif|muallif"
                 # (a screen reader's label: WordPress's "<span class=screen-reader-text>Auteur
                 # </span> <a>Henk de Vries</a>")
                 r"|auteur|author|autore|autrice"
                 # (Hebrew's "by", Arabic's "by the pen of", Khmer's "by" and its colon "៖")
                 r"|מאת|بقلم|ដោយ)\s*[:\-៖]?\s+",
                 re.IGNORECASE)
_GLUED_BY = re.compile(r"^[Nn]gu(?=[A-Z])")  # Zulu and Xhosa "by", glued: "nguZanele Ngcobo"
_INITIAL_END = re.compile(r"(?:^|[\s.])[^\W\d_]\.\s*$")  # a part ending in an initial: "K. Ž."
_OUTLET_AFTER = re.compile(r"\s*\([^().:/]{2,40}\)\s*$")  # (not an address: "(www.dw.com)")
# where the writer filed from, or the section a byline names after the name: "Shaun Walker in
# Kyiv", "Michael Larabel in Linux Storage" (a name of two to four words before it)
_IN_PLACE = re.compile(r"^([^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3}?)\s+in\s+(?=[^\W\d_a-z])")
_ROLE_BEFORE = re.compile(
    r"^(?:[a-z]+\s+){0,3}(?:reporter|correspondent|editor|writer|columnist|journalist)\s+"
    r"(?=[A-Z])")
_HONORIFIC = re.compile(r"(?:Rev|Reverend|Hon|Honorable|Honourable|Right|Very|Most|Rt)\b")
# a label of one word before a name (or a writer's label of a few: "Verfasst von:", "Tác giả:",
# Japanese "この記事を書いた人：" with its wide colon)
_LABEL_WORD = re.compile(r"^[^\W\d_]{2,20}(?:\s[^\W\d_]{2,12}){0,2}\s*(?::\s+|：\s*)")
_WRITER_LABEL = re.compile(r"(?:text|texte|texto|testo|tekst|текст|interview|intervista|entrevista"
                           r"|reportage|words|story|autor|autorin|author|auteur|autore|napsal[ai]?"
                           r"|reporter|bericht|piše|pise|pisze|píše|автор(?:ка)?|avtor|szerző|yazar|yazan"
                           r"|escrito|scritto|geschrieben|kirjoittaja|skrevet|teksti(?:\s+ja\s+kuvat)?"
                           r"|autors|autorius|verfasst\s+von|geschrieben\s+von|tác\s+giả|người\s+viết"
                           # (the plural label of several: "Autorzy: Jadwiga Pitoń, Marek Kwiatkowski")
                           r"|autorzy|autoři|autori|autores|authors|auteurs|autoren"
                           r"|この記事を書いた人|執筆者?|筆者|著者|ライター|글쓴이|작성자"
                           # (Swahili's "written by", "prepared by")
                           r"|imeandikwa\s+na|imeandaliwa\s+na)\s*[:：]",
                           re.IGNORECASE)
_SPLIT_AUTHORS = re.compile(
    r"\s*(?:,|;|\||/|(?<=\s)[·•](?=\s)|\band\b|\bund\b|\bet\b|\by\b|\be\b(?!\.\s?V\.?(?!\w))|&|\bи\b"
    r"|\bog\b|\boch\b|\ben\b"
    r"|\bდა\b|、)\s*"
)
# zero-width spaces, direction marks, word joiners, byte-order marks and soft hyphens; not the
# zero-width (non-)joiners, which are letters' shapes in Persian and Indic words ("رئیس‌جمهور")
_ZERO_WIDTH = re.compile(r"[\u00ad\u200b\u200e\u200f\u2060\ufeff]")
# Job titles and roles that bylines glue to names ("Jane Doe, Staff Writer").
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|editorial|(?:chef)?redakteur(?:in)?|redaktion|"
    r"korrespondent(?:in)?|journalist(?:in)?|columnist|contributor|contributing|photographer|"
    r"fotograf(?:in)?|senior|chief|head of|producer|analyst|intern|freelance|autor(?:in)?|"
    r"author|team|desk|newsroom|agency|agentur|rédaction|redacción|redazione|press|presse|"
    r"news|nachrichten|online|media|medien|zeitung|times|post|daily|magazine|magazin|"
    r"wire|service|updated|published|aktualisiert|veröffentlicht)\b",
    re.IGNORECASE,
)
# ... in the scripts of South Asia and the Middle East (reporter, correspondent, bureau, editor:
# Prothom Alo's "নিজস্ব প্রতিবেদক", the staff reporter; no \b after a Devanagari vowel sign)
_ROLE_SCRIPTS = re.compile(r"(?<!\w)(?:প্রতিবেদক|সংবাদদাতা|संवाददाता|ब्यूरो|रिपोर्टर|نمائندہ|رپورٹر"
                           r"|مراسل|محرر|خبرنگار)")
# Korean, Japanese and Chinese bylines glue the role to the name, without a space or after
# one: "신현주 기자", "山田太郎記者", "记者 张三" (reporter, correspondent, editorial writer, editor)
_CJK_ROLE = re.compile(
    r"^(?:本报|本報|新华社|新華社)?(?:记者|記者|编辑|編輯)\s*"
    r"|^[\u4e00-\u9fff]{2,8}(?:记者|記者)\s+"  # an outlet's reporter: "澎湃新闻记者 陈斯达"
    r"|\s*(?:(?:선임|수석|객원|전문)?기자|특파원|논설위원|"
    r"記者|特派員|编辑|編輯|记者)$"
    r"|\s+(?:รายงาน|ผู้สื่อข่าว)$"  # (Thai: "ภัสสร ทองคำ รายงาน", "… reports")
)
_DATE_PART = (
    r"[\s,|·•-]*(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?\w+\.?,?\s+(?:de\s+)?\d{4}|"
    r"\w+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}:\d{2}).*$")
_DATE_TAIL = re.compile(
    # a weekday or a preposition may lead the date: "Jane Doe Fr, 18. Oktober 2019",
    # "lupa am 26/10/13"
    # (German two-letter weekdays only before a dotted day: "Anh Do, March 12" keeps "Do")
    # and a stamp's label the weekday: "By Olivia Dee Posted Tue 12 Mar 2024"
    # ("Von Nadine Sellerberg und Tim Reichert Veröffentlicht am 23.08.24 um 06:12 Uhr")
    r"(?:[\s,|·•-]+(?:Posted|Published|Updated|Last\s+updated|First\s+posted|Veröffentlicht"
    r"|Aktualisiert|Erstellt|Stand|Publié|Mis\s+à\s+jour|Publicado|Actualizado|Pubblicato"
    r"|Aggiornato):?(?=\s))?"
    # (or both: e107's "Posted by Alastair Reid on Saturday 05 September 2009")
    r"(?:[\s,|·•-]+(?:(?:on|am|le|el|il|em)\s+)?(?:(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day),?(?=\s)"
    r"|(?i:mon|tue|tues|wed|thu|thurs|fri|sat|lun|jeu|ven|mié|jue|vie|gio)(?:[.,]|(?=\s+\d))"
    r"|(?:Mo|Di|Mi|Do|Fr|Sa|So)[.,](?=\s*\d{1,2}\.)|(?:am|on|le|el|il|em)(?=\s)))?"
    + _DATE_PART
)
# ... and the date alone, when cutting the weekday too leaves one word: "Emmanuel Sunday,
# March 12, 2024", "Minh Thu 12/03/2024" (Sunday, Monday, Friday, Thu are names too)
_DATE_ALONE_TAIL = re.compile(_DATE_PART)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+|\s*[|ㅣ｜]\s*")


@dataclass
class Metadata:
    """Descriptive fields of an article page."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    og_type: str | None = None
    signature: str | None = None  # a line of the text that signs it: not the text's own


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = htmllib.unescape(value)
    value = _SPACE.sub(_one_space, _ZERO_WIDTH.sub("", value)).strip()
    return value or None


def _one_space(run: re.Match[str]) -> str:
    """A run of white space as one space; the ideographic space that separates a Chinese or
    Japanese headline's clauses stays one ("増税へ　政府が方針")."""
    return "\u3000" if run.group().strip(" ") == "\u3000" else " "


def meta_values(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """``<meta>`` name/property -> content (first one wins), names lower-cased."""
    out: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content is not None:
            out.setdefault(key.strip().lower(), content.strip())
    return out


_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def _ld_names(item: dict[str, Any]) -> list[str]:
    """The names of a JSON-LD person or organisation: several in one object (NPR's {"@type":
    "Person", "name": ["Jane Doe", "John Roe"]}), a Drupal field rendered as markup ('<span
    class="username" …>Jane Doe</span>') read as its text."""
    value = item.get("name")
    texts = filter(None, map(_clean, value if isinstance(value, list) else [value]))
    return [name for name in (_TAG.sub("", text).strip() if "<" in text else text
                              for text in texts) if name]


def _person_names(value: Any) -> list[str]:
    """Names in JSON-LD ``author``. Its objects are explicit credits, so an agency beside a
    reporter stays when typed as the reporter is ("Deutsche Presse-Agentur" as a Person; the
    caller drops the publisher itself); an object the page types as an organisation beside a
    person's name is the story's source ("SID", "Europa Press"), no author. Roles glued to a
    name are dropped."""
    items = value if isinstance(value, list) else [value]
    if len(items) > 1 and any(_ld_person(item) for item in items):
        items = [item for item in items if not (isinstance(item, dict) and _ld_organisation(item))]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            for name in _ld_names(item):
                # "Jane Doe, Senior Editor" -> Jane Doe; a name that is all agency or desk
                # ("Deutsche Presse-Agentur") stays as credited
                names.extend(split_authors(name) or split_authors(name, keep_roles=True))
        elif plain := _clean(item):
            names.extend(split_authors(plain))
    return names


def _organisations_only(value: Any) -> bool:
    """JSON-LD ``author`` holds organisations only (no Person, no plain name)."""
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(
        isinstance(item, dict) and "Person" not in (types := types_of(item))
        and any("Organization" in k for k in types) for item in items)


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


def _ld_person(item: Any) -> bool:
    """A JSON-LD author typed Person whose name reads as a person's (two words at least)."""
    return isinstance(item, dict) and "Person" in types_of(item) and any(
        len(name.split()) > 1 and _name_like(name) for name in _ld_names(item))


def _ld_organisation(item: dict[str, Any]) -> bool:
    """A JSON-LD author typed as an organisation and named like a story's source: an acronym
    ("SID", "APA") or a press or agency word ("Europa Press"); not a co-author a CMS typed
    wrong ("Tobias Brandt" as an Organization)."""
    return "Person" not in (types := types_of(item)) and any(
        "Organization" in k for k in types) and any(
        (name.isalpha() and name.isupper() and len(name) <= 6) or _SOURCE_WORD.search(name)
        for name in _ld_names(item))  # (an acronym in any script: "ČTK", "АП")


_SOURCE_WORD = re.compile(r"(?<!\w)(?:press[e]?|prensa|presse|agen(?:cy|cia|ce|tur|zia|cja)|"
                          r"wire|news|nachrichten|noticias|notizie|nouvelles|reuters|bloomberg"
                          r"|dpa|efe|ansa|afp|ap)(?!\w)", re.IGNORECASE)


_SECTION_SEGMENT = re.compile(r"^[^\W\d_]{3,24}(?:-[^\W\d_]{2,24})?$")
_NOT_SECTIONS = frozenset({
    "news", "article", "articles", "story", "stories", "post", "posts", "blog", "amp", "print",
    "www", "content", "index", "html", "page", "pages", "item", "items", "id", "node", "mobile",
    "en", "de",
    "fr", "es", "it", "pt", "ru", "tr", "pl", "ar", "zh", "ja", "ko",
})


def _same_site(a: str, b: str) -> bool:
    """The same host, give or take a "www.", "m." or "amp." in front."""
    try:
        hosts = [urlsplit(u).hostname or "" for u in (a, b)]
    except ValueError:
        return False
    bare = [re.sub(r"^(?:www|m|amp)\.", "", host) for host in hosts]
    return bool(bare[0]) and bare[0] == bare[1]


def section_from_url(url: str) -> str | None:
    """'/politics/2021/07/22/story.html' -> 'Politics' (a word-like first segment, not the slug)."""
    segments = [seg for seg in urlsplit(url).path.split("/") if seg]
    if len(segments) < 2:
        return None
    first = segments[0].lower()
    if first in _NOT_SECTIONS or not _SECTION_SEGMENT.match(first):
        return None
    return first.replace("-", " ").capitalize()


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}")  # "cleveland.com", not "St.Pierre"


# a Chinese or Japanese writer's label: "作者：远洋", "文／山田太郎" (after a source's credit:
# "来源：人民网　作者：远洋"), and a photographer's or an editor's credit after the name ("文/张三
# 图/李四")
_CJK_WRITER = re.compile(r"^(?:作者|撰文|文|记者|記者|筆者)\s*[:：／/|｜]\s*")
_CJK_WRITER_LABEL = re.compile(r"(?<=\s)(?:作者|撰文|筆者)\s*[:：／/]\s*")
# a picture's or a graphic's credit after the writer's name, in the same line
_OTHER_CREDIT = re.compile(r"\s+(?:fotos?|photos?|bild(?:er)?|kuvat?|zdjęci[ae]|fotograf[íi]as?"
                           r"|grafik|illustration|video)\s*:", re.IGNORECASE)
_CJK_OTHER_CREDIT = re.compile(
    r"\s+(?:图|圖|摄影|攝影|写真|编辑|編輯|责编|責編|校对|校對)(?:\s*[:：／/]|\s+(?=[\u4e00-\u9fff]))")
# a description after a dash, from its lower-case words: "Jane Roe — Journaliste cinéma et
# séries", "Ana Pérez – corresponsal en Bruselas"
_DASH_ROLE = re.compile(r"\s+[—–]\s+(?=[^\W\d_]+(?:\s+[^\W\d_]+)*\s+[a-zà-ÿ])")


CREDIT_CHARS = 400  # of a byline's or an author field's text, read for names


def split_authors(text: str, *, keep_roles: bool = False) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']; roles and dates dropped
    (``keep_roles``: parts that read as a role, desk or agency are kept, as credited)."""
    # (a credit is a line: the date patterns below cost the square of a run of letters, and a
    # "name" of 20,000 of them took half a minute)
    text = _SPACE.sub(" ", text[:CREDIT_CHARS]).strip()
    if (writer := _CJK_WRITER_LABEL.search(text)) is not None:
        text = text[writer.end():]  # "来源：人民网　作者：远洋"
    text = _BY.sub("", _CJK_WRITER.sub("", _CJK_OTHER_CREDIT.split(text)[0]))
    text = _OTHER_CREDIT.split(text, 1)[0]  # "Lena Björklund Foto: Ulf Karlström"
    if "://" in text or text.startswith("www."):
        return []
    if (dash := _DASH_ROLE.search(text)) is not None and len(text[:dash.start()].split()) >= 2 and (
            any(w[:1].islower() and w not in _NAME_PARTICLES for w in text[dash.end():].split())):
        text = text[:dash.start()]  # "Par Corentin Lefèvre — Journaliste cinéma et séries"
        # (a name's words before it: not "L-MAG – Das Magazin für Lesben")
    cut = _DATE_TAIL.sub("", text)
    if len(cut.split()) < 2 <= len(_DATE_ALONE_TAIL.sub("", text).split()):
        cut = _DATE_ALONE_TAIL.sub("", text)
    text = cut
    out: list[str] = []
    for part in _SPLIT_AUTHORS.split(text):
        # "Jānis Bērziņš (Latvijas Radio)": the outlet in brackets after the name;
        # "political reporter Jake Evans": the role before it
        stripped = _OUTLET_AFTER.sub("", part).strip(" .|·-–—:()[]")
        if _INITIAL_END.search(part) and not stripped.endswith("."):
            stripped += "."  # a credit in initials keeps its last dot ("K. Ž.")
        part = _GLUED_BY.sub("", _BY.sub("", stripped))
        if not out:  # (at the byline's start: "By Anna Berg and picture editor Tom Ek")
            part = _ROLE_BEFORE.sub("", part)
        if " in " in part and (place := _IN_PLACE.match(part)) is not None:
            part = place.group(1)
        # a label of one word before a name: the writer's ("Text und Interview: Harald
        # Willenbrock", "Autor: Georg Holzer") is dropped; any other credit ("Fotos: Jan Berg",
        # "Redaktion: Peter Kurz", "Illustratör: Moa Ek") is no author
        if label := _LABEL_WORD.match(part):
            if _WRITER_LABEL.match(label.group()):
                part = part[label.end():]
            elif " " not in label.group().rstrip(" :："):
                continue  # (a label of words that names no writer is left to the rules below)
        if part and not part.isascii():
            part = _CJK_ROLE.sub("", part)
        if not part or len(part) > 60 or len(part.split()) > 5 or (
                (lead := _BY.match(part + " ")) and lead.end() > len(part)):
            continue  # (a lead word alone: "<p>By&nbsp;</p><p>Daniel Wood</p>")
        if "http" in part or "www." in part or "@" in part or (any(
                c.isdigit() for c in part) and not (keep_roles and _BRAND_DIGITS.fullmatch(part))):
            continue  # (a credit's brand may hold digits: "BR24 Redaktion", "News24 Wire")
        if not keep_roles and (_ROLE.search(part) or (
                not part.isascii() and _ROLE_SCRIPTS.search(part))):
            continue
        out.append(part)
    if len(out) > 1 and out[-1].startswith("The ") and not _HONORIFIC.match(out[-1], 4):
        out.pop()  # "By Laura Patel, The Conversation": the outlet credited after the names
    if any(not _DOMAIN.fullmatch(part) for part in out):
        # an outlet's domain beside a name ("By Mike Rutledge, cleveland.com"); alone, it is
        # the credit as the page gives it
        out = [part for part in out if not _DOMAIN.fullmatch(part)]
    return out


# a brand whose digits follow letters, then a desk's word: "BR24 Redaktion", "News4Max Staff";
# not "Mai 2024", "1. FC", nor a login alone ("freeman1984", "Redakteur2")
_BRAND_DIGITS = re.compile(r"[^\W\d_a-z][^\W_]*(?:\s+[^\W\d_][^\W_]*){1,3}")
_AUTHOR_PATH = re.compile(  # an author's own page: /author/jane-doe/, not the /authors/ index
    r"/(?:authors?|autor(?:en|es|i|e)?|auteurs?|journalist(?:en|s)?|reporters?|"
    r"writers?|columnists?|contributors?|redakteur(?:e|in)?|staff(?:_name)?|colunas|by|users/profile"
    r"|profil(?:e|es)?/(?:author|journalist))/[^/?#]+",
    re.IGNORECASE,
)
_BYLINE_CLASS = re.compile(  # a byline element's own class, not has-byline / comment-byline
    # ("tnt-byline", "article__details--byline", Drupal's "field--name-field-byline")
    r"(?:^|\s)(?:(?!(?:has|no|with|without|show|hide|comments?|reply|replies)[-_])"
    r"[a-z0-9]+(?:[-_]{1,2}[a-z0-9]+)*[-_]{1,2})?byline(?:[-_]{1,2}[a-z]+)?(?:\s|$)",
    re.IGNORECASE,
)
# the byline classes read before any prefix was ("story-byline", "c-byline"): no box test
_PLAIN_BYLINE = re.compile(
    r"(?:^|\s)(?:(?:article|post|story|entry|news|c|o|m|field(?:--name-field)?)[-_])?byline"
    r"(?:[-_]{1,2}[a-z]+)?(?:\s|$)", re.IGNORECASE)
# the byline of another thing than the article: a card's, a picture's, a sponsor's ...
_OTHERS_BYLINE = re.compile(
    r"quote|image|img|photo|picture|video|book|podcast|recipe|review|caption|cutline|credit|card"
    r"|teaser|tile|promo|sponsor|related|most-?read|user|comment|listing|feed|rail",
    re.IGNORECASE)
_NOT_BYLINE_PLACES = frozenset({"nav", "footer", "aside", "form"})
# an element's own class naming a comment's part ("comment-byline", "reply-author")
_COMMENTS = re.compile(r"comment|reply|replies|discuss|responses", re.IGNORECASE)
MAX_LEAD_WORDS = 25
"""A paragraph this long marks the start of the article text: bylines sit above it."""


_UI_WORDS = frozenset({
    "share", "read", "more", "follow", "subscribe", "comment", "comments", "print", "email",
    "facebook", "twitter", "whatsapp", "linkedin", "copy", "link", "menu", "home", "sign",
    "login", "log", "search", "newsletter", "updated", "today", "news", "all", "view", "our",
    "meet", "contact", "about", "teilen", "mehr", "lesen", "partager", "compartir",
    # a contributors' section's links ("Guest Contributors", "Submit an Op-Ed")
    "contributor", "contributors", "guidelines", "submit", "guest",
    # an author box's heading ("Über Steffi", "À propos de …") and a sponsor's credit
    "über", "propos", "sobre", "acerca", "sponsored", "gesponserte", "gesponsert", "inhalte",
    "content", "anzeige", "werbung",
    # an author box's link to the author's other posts ("Alle Beiträge", "All Posts")
    "beiträge", "posts", "artikel", "articles",
    "menü", "navigation", "navigación",
    # a desk's credit in scripts without capitals ("ویب ڈیسک": web desk; "डेस्क", "ब्यूरो")
    "ڈیسک", "ویب", "ويب", "ديسك", "محرر", "المحرر", "डेस्क", "ब्यूरो", "वेब", "দেস্ক", "ডেস্ক",
})


def _phrase(text: str) -> bool:
    """Words of a link, not a name: three words or more, two of them lower-case and no name's
    particles (Blogger's '<a rel="author">View my complete profile</a>'; not a name written
    in lower case, "marcos lópez")."""
    words = text.split()
    return len(words) >= 3 and sum(w[:1].islower() and w not in _NAME_PARTICLES
                                   for w in words) >= 2


def _name_like(text: str) -> bool:
    """'Anna Giulia Fink': two to five words, each capitalised (or a surname's particle
    between them: "Erik van der Walle"), no digits or punctuation, none a word of the page's
    furniture ("Share On Facebook", "Read More")."""
    if _CJK_NAME.fullmatch(text):
        return True  # "张宇", "井上輝一", "김민서": a name written without spaces
    words = _GLUED_INITIAL.sub(r"\1. ", text).split()  # "Б.Ганчимэг": "Б. Ганчимэг"
    return 2 <= len(words) <= 5 and len(text) <= 40 and all(
        # (a script without case, Arabic or Hindi, has no capitals: not lower case is enough)
        (not w[0].islower() or _CASELESS_LOWER.match(w) is not None
         or (0 < i < len(words) - 1 and w in _NAME_PARTICLES)
         or (i > 0 and _IRISH_MUTATION.match(w) is not None))
        and _letters(w.replace("-", "").replace("'", "").replace(".", ""))
        and w.casefold() not in _UI_WORDS
        for i, w in enumerate(words)
    ) and (not words[0][0].islower() or _CASELESS_LOWER.match(words[0]) is not None)


# an initial glued to the name after it, as Mongolian bylines write the father's initial
_GLUED_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_])\.(?=[^\W\d_]{2})")


def _letters(word: str) -> bool:
    """Letters only, with the vowel signs and viramas of the Indic and Southeast Asian scripts
    (combining marks, no letters to str.isalpha: "शर्मा", "অমিত", "චමින්ද")."""
    return word.isalpha() or (bool(word) and word[0].isalpha() and all(
        c.isalpha() or unicodedata.category(c) in ("Mn", "Mc") for c in word))


# Georgian names are written in Mkhedruli, lower-case letters to Unicode since it gave the
# script capitals (Mtavruli) that names do not use: "ნინო ბერიძე"
_CASELESS_LOWER = re.compile("[\u10d0-\u10ff]")


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\uac00-\ud7a3]{2,4}")
_NAME_PARTICLES = frozenset({"van", "der", "den", "de", "da", "di", "del", "della", "dos", "das",
                             "do", "du", "von", "zu", "le", "la", "al", "bin", "ibn", "ter", "ten",
                             "an"})  # (Irish "Mac an tSíthigh")
# an Irish surname's initial mutation, written before its capital: "tSíthigh", "bhFionnáin"
_IRISH_MUTATION = re.compile(r"(?:t|n|h|bh|mb|gc|nd|ng|dt|bp|bhf)[A-ZÁÉÍÓÚ][a-záéíóú]")


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
        elif tag in _NOT_BYLINE_PLACES and not (tag == "form" and _page_form(node)):
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


# a class word of a heading for screen readers only (not Tailwind's "overflow-hidden", nor
# "hidden md:block", shown on wider screens)
_HIDDEN_WORD = re.compile(r"sr-only|visually-?hidden|screen-?reader(?:-text)?|hidden|invisible"
                          r"|offscreen|a11y|aural|element-invisible|[\w-]*skip[\w-]*",
                          re.IGNORECASE)


def _hidden_heading(cls: str) -> bool:
    words = cls.split()
    return not any(":" in word for word in words) and any(
        _HIDDEN_WORD.fullmatch(word) for word in words)
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
# an element named as the text's signature (not German "Firma", a company)
_SIGNATURE_CLASS = re.compile(r"(?:^|[\s_-])(?:signature|signatur|podpis|potpis|assinatura|unterschrift"
                              r"|allekirjoitus|imza)(?:$|[\s_-])", re.IGNORECASE)
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
            return [] if any(name in _NOT_REPORTERS for name in names) else names
    return []


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


def _lead_words(el: lxml.html.HtmlElement) -> int:
    """The words of a paragraph (Chinese and Japanese: two characters a word)."""
    said = " ".join(el.itertext())
    return len(said.split()) + len(_CJK_CHAR.findall(said)) // 2


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


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")  # (Medium's data-testid="authorName")
_NAME_PART = re.compile(r"(?:byline|author)(?:__|-)name|journalist_name")  # "author__name",
# "author-name", Naver's "media_end_head_journalist_name"


def _in_comment(el: lxml.html.HtmlElement) -> bool:
    return any(_comment_box(node) for node in itertools.chain((el,), el.iterancestors()))


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
                or _in_comment(el) or not start.above(el)):
            continue  # a card's, a teaser's, a picture's or a recipe's "…__byline", or one
            # below the text (a React component reused in cards of other stories)
        out.append(el)
    return out


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


# a class word that names the author: "author", "article__author", "authorName", "author_single"
# and in other languages "autor" (es, pt, de, pl, cs), "auteur", "szerzo"; a whole word, not
# "autoridad", "authority", "autorefresh" or the compound "buchautor"
_NAME_CLASS_WORD = re.compile(r"^(?:authors?|autor(?:es|in|en|s|ius)?|auteurs?|autore|autori|szerzo"
                              r"|authorship|muhabir|writers?|reporters?|forfatt(?:er|ar|are)|skribent"
                              r"|tekija|kirjoittaja|egile(?:a|ak)?|awdur(?:on)?|yazar|penulis|avtor(?:ji)?)"
                              r"(?:name)?$")
_CLASS_PARTS = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")
# ... nor the author of another thing: a book's, a recipe's, a review's, an editor's or
# reviewer's, a translator's, a player's ("autor-libro", "recipe-author", "author-reviewer")
_OTHERS_NAME = re.compile(
    _OTHERS_AUTHOR.pattern + r"|recipe|review|video|episode|excerpt|ficha|libro|livre|buch|widget"
    r"|featured|editor|translat|traduc|lector|reader|user|player|product|site-|list"
    r"|[-_]title", re.IGNORECASE)  # ("author-title": the author's job, "ავტორის სვეტი")
# boxes that hold other things' authors, read on the element's ancestors
_OTHERS_BOX = re.compile(
    r"quote|caption|book|libro|livre|buch|recipe|podcast|episode|video|player|review|widget"
    r"|sidebar|related|teaser|(?:more|top)-?stories|more-?from|most-?read|popular|trending|listing"
    r"|ficha|excerpt|next-?post|prev(?:ious)?-?post|post-?nav"
    r"|lectores|readers|promo(?!ted(?![\w-]))|rail", re.IGNORECASE)  # (not Drupal's "node--promoted")
_OTHERS_TAGS = frozenset({"figure", "figcaption", "blockquote", "q"})
UNSIGNED_CHARS = 60  # an unsigned name element holds a name or two, not a biography
UNSIGNED_BOX_LEVELS = 8  # the ancestors read for another thing's box
CREDIT_WORDS = 3  # an agency's or a desk's credit beside names ("EFE", "Europa Press")
# a part of a byline that is no name: "<span class="author__affiliation">Stanford
# University</span>", "…__location", "…-role"
_NOT_NAME_PART = re.compile(r"org|affil|role|job|title|position|location|local\b|place|city|dateline"
                            r"|ort\b|lieu|ciudad|date|time", re.IGNORECASE)
_AGENCY = re.compile(r"^[A-ZÀ-Ý]{2,6}$")  # an agency's acronym beside a name: AFP, TTXVN, EFE
_AGENCY_TAIL = re.compile(r"\s*[-–—/|(]\s*[A-ZÀ-Ý]{2,6}\)?\s*$")


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
    piece is the text after it: an avatar before the name ("<a><img> Layla Haddad</a>")."""
    texts = (_clean((leaf.tail if leaf.tag in _PICTURE_TAGS else leaf.text) or "")
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


# a writer's label ("Autorin/Autor", "Penulis", "Written by") ...
_WRITER_WORDS = (r"author|autor|autorin|autor(?:in)?/autor(?:in)?|autors|autorius|auteur|autore"
                 r"|автор|аутор|yazar|penulis|autoría|autoria|written by")
# ... or a credit's that names the writer on most pages ("Text", "Texto")
_AUTHOR_LABEL = re.compile(r"^\s*(?:" + _WRITER_WORDS + r"|text|texto|testo)\s*:?\s*$",
                           re.IGNORECASE)

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


_LINE_BREAKS = frozenset({"br", "p", "div", "li"})


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
BYLINE_LINE_CHARS = 100  # a byline's line, not a sentence
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
_DECK_CLASS = re.compile(r"standfirst|\bdek\b|deck|subtitle|sub-?head|summary|lead|teaser|intro"
                         r"|kicker|label|series|tagline|strap|unter|sous-?titre|entradilla"
                         r"|sottotitolo|occhiello|chapo|chapeau", re.IGNORECASE)


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


_CJK_DESK = re.compile(r"\s+[\u4e00-\u9fff]{2,4}(?:报道|報導)$")  # "王明远 北京报道": reports from


DECK_NEXT = 2  # the elements after a long standfirst where its byline may stand


def _teaser_links(box: lxml.html.HtmlElement) -> bool:
    """A box that links another story by its headline (a link of four words or more)."""
    return any(len(" ".join(a.itertext()).split()) >= TEASER_LINK_WORDS for a in box.iter("a"))


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
_TEASER_BOX = re.compile(r"(?:more|top)-?stories|more-?from|related|most-?read",
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
        value = meta.get(key)
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


_NOT_ASCII_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def _norm(text: str) -> str:
    """Letters and digits in one case, without accents: "El Sol de México" is the
    elsoldemexico.com.mx site's name."""
    if text.isascii():  # (no accents to take off: the same, a fifth of the time)
        return _NOT_ASCII_ALNUM.sub("", text).lower()
    folded = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(ch for ch in folded if not unicodedata.combining(ch)))


def _is_publisher(name: str, site_keys: set[str]) -> bool:
    """The name is the publisher's, or starts a word with it ("WDR aktuell" at wdr.de,
    "Deutscher Caritasverband" at caritas.de, "Vegolosi.it"), or is part of its name; not a
    name that merely holds it inside a word ("Ainhoa Etxeberria" at Berria)."""
    key = _norm(name)
    if key in site_keys:
        return True
    words = [_norm(w) for w in _WORDS.findall(name)]
    runs = ["".join(words[i:]) for i in range(len(words))]  # (a key may span words: "ICI Radio")
    return any(key in k or any(run.startswith(k) for run in runs)
               for k in site_keys if len(k) >= 3)


_WORDS = re.compile(r"[^\W_]+")


HEADLINE_WORDS = 3
_GLUED_SITE = re.compile(r"(?<=[^\s:]):(?=[^\s:\d])([^:]{2,60})$")  # a site's name after a bare colon
# a section glued to a headline, before the site's name: "…커졌다-정치ㅣ한국일보"
_GLUED_TAIL = re.compile(r"[-–—|ㅣ·]\S+(?:\s+\S+)?\s*(?:[|ㅣ]\s*\S.{0,40})?")


_CLAUSE_BREAKS = frozenset(";,:")
# a kicker before a headline ("Bahnstreik: GDL kündigt …", "LIVE | Storm Ciarán …")
_KICKER_SEP = re.compile(r"\s?:\s+|\s+[-–—|]\s+")
KICKER_WORDS = 6


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


HEADING_ELEMENTS = 40  # elements above the text read for its heading (the first one wins:
# a deck may stand between it and the text)
HEADING_CHARS = 160  # a headline, not a lead paragraph set in bold
_OTHERS_HEADING = re.compile(r"(?:other|more|related|latest|see also|weitere|andere|autres|otras"
                             r"|altre|outras|inne|další|другие|ещё)\b", re.IGNORECASE)
# a class word of a headline, also as a part of a camel-case name ("titoloArticolo", "haberBaslik")
_HEADING_CLASS = re.compile(r"(?:^|[\s_-]|(?<=[a-z])(?=[A-Z]))(?:[Hh]eadline|[Tt]itle|[Tt]it|[Ss]ubject"
                            r"|[Hh]eading|[Tt]itulo|[Tt]itolo|[Tt]itre|[Tt]itel|[Bb]aslik|[Nn]aslov"
                            r"|[Nn]adpis|[Tt]itlu|[Zz]aglavie|[Tt]ytul|[Tt]itulek|[Oo]tsikko)"
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
    for el in start.just_above(HEADING_ELEMENTS):
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


# a CMS account's default name, no person's: WordPress's "admin" as a JSON-LD Person
_ACCOUNT_NAMES = frozenset({"admin", "administrator", "webmaster", "root", "user", "superuser",
                            "super user", "site admin", "administrador", "administrateur",
                            "amministratore", "administrátor", "администратор"})


def _people(names: list[str], site_keys: set[str]) -> list[str]:
    return [n for n in names if not _is_publisher(n, site_keys)
            and n.casefold() not in _ACCOUNT_NAMES]


def _site_named(name: str, site_keys: set[str]) -> bool:
    """An account named for the publication: a word of four letters or more that starts a
    key of the site's ("Ilanga D" on ilanganews.co.za)."""
    return any(len(key := _norm(word)) >= 4 and any(k.startswith(key) for k in site_keys)
               for word in name.split())


def _is_site_part(part: str, site_keys: set[str], *, leading: bool = False) -> bool:
    key = _norm(part)
    if not key:
        return True
    if re.fullmatch(r"[\d.\s/-]+", part.strip()):
        return True  # a date glued to the title: "| 28.04.2023"
    if key in site_keys:
        return True
    if len(part) > 40:
        return False
    if any(len(k) >= 3 and (k in key or key in k)
           for k in site_keys if not k.startswith(_SECTION_KEY)):
        return True
    # a section's name, word for word, in a label-like part (no lower-case word: "Yoga" in
    # "33 Tage Yoga Challenge", "Sport-News" under "sport", "World" under "World News"), not
    # inside a word ("Markt" in "Kassamärkte ziehen nach") nor in a clause ("Mehr Sport für
    # alle Kinder")
    if any(w[:1].islower() and w not in _LINK_WORDS for w in part.split()):
        return False
    words = {w for w in _WORDS.findall(part.casefold()) if len(w) >= 3}
    for k in site_keys:
        if k.startswith(_SECTION_KEY):
            section = {w for w in k[1:].split() if len(w) >= 3}
            if section and words and (words <= section or (
                    not leading and section <= words and len(words - section) <= 1)):
                return True  # (a headline's clause that names the section among its words,
                # "Stammstrecke München: S-Bahn-Sperrung" under "München", is no label; nor,
                # leading the title, is its subject: "Berlin-Marathon – Äthiopier …")
    return False


_WORDS = re.compile(r"[^\W\d_]+")
# small words a label may have ("Ferienvilla in Florida", "News & Politics")
_LINK_WORDS = _NAME_PARTICLES | {"in", "im", "am", "of", "on", "at", "for", "für", "and", "und",
                                 "et", "y", "e", "en", "&", "the", "à", "и", "i"}


_SECTION_KEY = "\x00"  # marks a title key that is a section's name (matched whole only)


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def extract_metadata(
    tree: lxml.html.HtmlElement, url: str, *, article_objects: list[dict[str, Any]],
    meta: dict[str, str] | None = None,
) -> Metadata:
    """Read the page's metadata: JSON-LD first, then OpenGraph/meta, then markup (``meta``:
    meta_values(tree), when the caller has it; it is only read).

    Never raises: a page whose metadata cannot be read gives an empty Metadata.
    """
    try:
        return _extract_metadata(tree, url, article_objects, meta_values(tree) if meta is None else meta)
    except Exception:  # odd markup must not break a crawl; missing fields are reported upstream
        return Metadata()


def _extract_metadata(
    tree: lxml.html.HtmlElement, url: str, article_objects: list[dict[str, Any]],
    meta: dict[str, str],
) -> Metadata:
    ld = article_objects[0] if article_objects and isinstance(article_objects[0], dict) else {}
    md = Metadata(og_type=meta.get("og:type"))

    md.site_name = _clean(meta.get("og:site_name"))
    section = ld.get("articleSection") if ld else None
    if isinstance(section, list):
        section = section[0] if section else None
    canonical, og_url = own_addresses(tree, url)
    md.canonical_url = canonical or og_url
    # an article listed in two sections has one address per section: its canonical one names
    # its home section, whichever address the crawl fetched first (the fetched one when the
    # canonical one names none: a slug at the root, a date path, an article id)
    home = [u for u in (canonical, og_url) if u and _same_site(u, url)]
    md.section = (
        _clean(section) or _clean(meta.get("article:section"))
        or next((s for s in map(section_from_url, home) if s), None) or section_from_url(url)
    )
    site_keys = _site_keys(url, md.site_name, ld)
    title_keys = site_keys | ({_SECTION_KEY + " ".join(_WORDS.findall(md.section.casefold()))}
                              if md.section else set())

    h1 = _FIRST_H1(tree)
    title = _FIRST_TITLE(tree)
    if h1 and _hidden_heading(h1[0].get("class") or ""):
        h1 = _NEXT_H1(h1[0])  # a screen reader's heading ("<h1 class=navSkip>Navigation und
        # Service</h1>", federal German sites)
    title_key = _norm(title[0].text or "") if title else ""
    first_words = " ".join(h1[0].itertext()) if h1 else ""
    if h1 and title_key:
        # of a page's several <h1>s (a section's, then the story's: federal German sites'
        # "Fachmeldungen", "Verkündung des …gesetzes"), the one the <title> names, when the
        # first is not in it or is a label of a word or two beside the title's longest part;
        # never one in the page's chrome (an aside's, a footer's), nor the site's name
        parts = [_norm(part) for part in _TITLE_SEPARATORS.split(title[0].text or "")]
        longest = max(parts, key=len)
        for later in itertools.islice(_LATER_H1S(h1[0]), 3):
            words = " ".join(later.itertext())
            heading = _norm(words)
            if len(words.split()) >= HEADLINE_WORDS and heading in title_key and (
                    _norm(first_words) not in title_key or (
                        len(first_words.split()) < HEADLINE_WORDS and heading == longest)) and (
                    heading == longest or heading not in (parts[0], parts[-1])) and not (
                    _in_chrome(later)):
                h1 = [later]
                break
    top = h1  # (the page's first heading: a line under it may still be the byline)
    if h1 and (_home_link_heading(h1[0], url) or (_site_heading(
            h1[0], _clean(title[0].text or "") if title else None, md.site_name) and (
            _in_chrome(h1[0]) or _NEXT_H1(h1[0]) or not any(
                node.tag in ("article", "main") for node in h1[0].iterancestors())))):
        h1 = _NEXT_H1(h1[0])  # the site's name first, then the headline (not a menu's)
        if h1 and "".join(h1[0].itertext()).strip().casefold() in _UI_WORDS:
            h1 = []
    h1_text = _clean(" ".join(_heading_words(h1[0]))) if h1 else None
    candidates = [
        _clean(ld.get("headline")),
        _clean(meta.get("og:title")),
        _clean(meta.get("twitter:title")),
        h1_text,
        _clean(title[0].text or "") if title else None,
    ]
    present = [c for c in candidates if c]
    # a headline meta tag only cuts a title's tail (Korean outlets' og:title "…커졌다-정치ㅣ한국일보"
    # beside <meta name="headline" content="…커졌다">): some sites fill it with other text
    others = [*present[1:], *filter(None, [_clean(meta.get("headline"))])]
    # without an <h1>, a page's headline is often its first <h2>s' ("<h2 class=news_ttl>"): the
    # title without its site's name equals one of them
    headings = [] if h1 else [_clean(" ".join(h.itertext())) for h in _FIRST_H2S(tree)]
    md.title = clean_title(present[0], title_keys, others,
                           [h for h in headings if h], h1_text) if present else None
    page_title = _clean(title[0].text or "") if title else None
    start = _TextStart(tree)  # (read once, when a byline form asks where the text starts)
    if page_title and not (candidates[0] or candidates[1] or candidates[2]) and h1_text is None:
        # no metadata nor <h1> names the headline: the part of the <title> the page prints,
        # or, under a <title> of the site's and the section's names only, the heading that
        # the page prints above its text
        printed = _printed_title(tree, page_title, title_keys)
        md.title = printed or _heading_above_text(start, page_title) or md.title
    if md.title and (social := _clean(meta.get("og:title"))):
        social = clean_title(social, title_keys, others) or social
        md.title = _without_kicker(md.title, social)
        if (len(social) > len(md.title) and social.startswith(md.title)
                and social[len(md.title):len(md.title) + 1] in _CLAUSE_BREAKS):
            # a JSON-LD headline cut to fit a length (Google's 110 characters) at a clause:
            # News18's "… INDIA Bloc Surprises in UP" of og:title's "…; BJP Short of 272 On Its Own"
            md.title = social

    authors = _people(_person_names(ld.get("author")) if ld else [], site_keys)
    if authors and ld and (_organisations_only(ld.get("author")) or all(
            _SOURCE_WORD.search(name) for name in authors)):
        # an agency or a desk the structured data credits (typed as an organisation, or named
        # as an agency), while the visible byline names a person: "By <a>Hannah Kessler</a> |
        # The Associated Press" under JSON-LD's "The Associated Press"
        authors = _byline_people(_author_markup(tree), start, site_keys) or authors
    if len(authors) <= 1:
        for key in _AUTHOR_META_KEYS:
            if not meta.get(key):
                continue
            # every tag of the key: one a co-author ('<meta name="parsely-author" content="A">
            # <meta name="parsely-author" content="B">'), or the publication's own first and
            # then the writer's; beside JSON-LD's one author, tags that name it and others
            # (Yoast's graph names a post's first author only); not an address, which
            # article:author often is ("https://facebook.com/…", "/christopherlwood")
            tagged = _people([name for value in _meta_contents(tree, key)[:MAX_AUTHOR_TAGS]
                              if not value.startswith(("http", "/")) and not _LOGIN.fullmatch(
                                  value.strip()) for name in split_authors(value)], site_keys)
            if not authors or (len(tagged) > 1 and authors[0] in tagged and all(
                    len(name.split()) > 1 for name in tagged)):  # (not an initials' "TK")
                authors = tagged or authors
            if authors:
                break
    if len(authors) == 1:
        authors = _people(_co_authors(tree, authors[0]), site_keys) or authors
    marked: list[lxml.html.HtmlElement] = [] if authors else _author_markup(tree)
    if not authors:
        for el in _marked_authors(marked, start):
            name = _clean(" ".join(el.itertext()))
            if name:
                authors.extend(_people([n for n in split_authors(name) if not _phrase(n)],
                                       site_keys))
    if not authors:
        # the first byline that names someone: "By Jane Doe and John Roe", or without "By"
        # one name per element (a later signed one is another story's, in a box of others)
        for el in _bylines(marked, start):
            text = _clean(_said(el))  # (inline tags still separate words)
            if text and _PICTURE_CREDIT.match(text):
                continue  # "Photos by Sam Ito" in a byline's place
            if text and _BY.match(text):
                # the byline's first line: "By Karen Holloway<br>Staff Writer"
                authors = _people(split_authors(_first_line(el) or text), site_keys)
            elif text and (cjk := _cjk_byline(text)):
                # the whole byline a name with its role, the name the element's own text
                # ('<span class=byline>김한수 기자 <a href="mailto:…">…</a></span>')
                authors = _people([cjk], site_keys)
            elif text and (joined := _CJK_CO_BYLINE.match(text)):
                # co-authors before one role: Seoul Shinmun's "김주연·이정수 기자"
                authors = _people(_CJK_JOINER.split(joined.group(1)), site_keys)
            if not authors:
                authors = _people(_name_leaves(el), site_keys)
            if authors:
                break
    if not authors:
        linked = _people(_author_links(tree), site_keys)
        signed = _people(_signed(marked), site_keys)
        # a signed box that names the linked authors and more ("By <a>Jane Doe</a> and Mark
        # Lee") is the byline; links alone may be an editor's or a photographer's
        authors = signed if signed and set(linked) <= set(signed) else linked or signed
    if not authors:
        authors = _people(_labelled(tree, start), site_keys)
    if not authors:
        # (nor the site's name a "reporter" field prints alone, the <title>'s last part:
        # '<span class="reporter">新京报</span>' under "北京今冬首场降雪… | 新京报")
        tail = _TITLE_SEPARATORS.split(page_title or "")
        authors = _people(_unsigned(marked, start),
                          site_keys | {_norm(tail[-1])} if len(tail) > 1 else site_keys)
    if not authors and (h1 or top):
        authors = _people(_meta_line((h1 or top)[0], start, (h1 or top)[0]), site_keys)
    if not authors and (first := start.first_paragraph()) is not None:
        # (Drupal's node header stands with the text, the page title's block elsewhere)
        authors = _people(_meta_line(first, start, (h1 or top or [None])[0]), site_keys)
    if not authors and (h1 or top):
        authors = _people(_line_under_headline((h1 or top)[0]) or _avatar_byline(
            (h1 or top)[0]), site_keys)
    if (not authors and _credited(ld, meta, marked)) or (authors and all(
            _site_named(n, site_keys) or not _name_like(n) for n in authors)):
        # a bold line of names above the text signs it when the byline credits only the
        # publication ("Lesotho Times") or an account named for it ("Ilanga D" at
        # /author/admin/); a page that credits no one may well print bold headings there
        names, line = _name_line(start)
        if names := _people(names, site_keys):
            authors, md.signature = names, line
    if not authors:
        authors = _people(_foot_credit(start), site_keys)
    if not authors:
        authors = _people(_by_line(start), site_keys)
    if not authors:
        names, line = _block_credit(start)
        if names := _people(names, site_keys):
            authors, md.signature = names, line or md.signature
    if not authors:
        authors = _people(_source_credit(start) or _desk_line(start), site_keys)
    if not authors:
        authors = _people(_dateline_reporters(start), site_keys)
    if not authors:
        authors = _people(_dateline_agency(start), site_keys)  # (not the site's own: OTS at ots.at)
    if not authors:
        authors = _credited(ld, meta, marked)
    # (whatever path credited it, a CMS account's default name is no one's: "Posted by admin",
    # Joomla's "Super User", K2's "Administrator")
    md.authors = [a for a in _dedupe(authors) if a.casefold() not in _ACCOUNT_NAMES][:10]

    lang = tree.get("lang") or meta.get("og:locale") or meta.get("content-language")
    if lang:
        md.language = lang.replace("_", "-").split("-")[0].lower()[:3] or None


    keywords = (ld.get("keywords") if ld else None) or meta.get("keywords") or meta.get("news_keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    if isinstance(keywords, list):
        md.tags = [k for k in (_clean(str(k)) for k in keywords) if k][:30]

    image = meta.get("og:image")
    md.image = resolve_href(url, image)

    md.description = _clean(meta.get("og:description") or meta.get("description"))
    return md

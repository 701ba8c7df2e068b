"""Author names: a credit split into people, a name told from a phrase, a role, a desk or the site."""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from typing import Any

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
                 # (Hungarian, Turkish and Indonesian "author": "Szerző: Horváth Zsolt")
                 r"|szerző|yazar|penulis"
                 # (Hebrew's "by", Arabic's "by the pen of", Khmer's "by" and its colon "៖")
                 r"|מאת|بقلم|ដោយ)\s*[:\-៖]?\s+",
                 re.IGNORECASE)
_GLUED_BY = re.compile(r"^[Nn]gu(?=[A-Z])")  # Zulu and Xhosa "by", glued: "nguZanele Ngcobo"
# a part ending in an initial: "K. Ž.", also an Indic syllable's ("ವಿಜಯಕುಮಾರ್ ಎಸ್.ಕೆ.": its vowel
# sign or virama is no letter)
_INITIAL_END = re.compile(r"(?:^|[\s.])[^\W\d_][\u0900-\u0dff]{0,3}\.\s*$")
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
    # (think tanks' and universities' people: Chatham House's "/about-us/our-people/…",
    # Brookings' "/people/…", "/experts/…")
    r"|(?:our-)?people|experts?"
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


def undoubled(name: str) -> str:
    """A name read twice over, once for the eye and once for a screen reader ('<a>Kristen
    Falc'hon<span class="u-screen-reader-text">Kristen Falc'hon</span></a>'), once."""
    words = name.split()
    half = len(words) // 2
    if half >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out

"""Recognise boilerplate blocks in extracted article text: captions, credits, UI strings, end markers."""

from __future__ import annotations

import re

# Whole-block UI strings (matched case-insensitively on the block with trailing punctuation cut).
_UI_BLOCK = re.compile(
    r"^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklame|"
    r"article content|story continues below|continue reading|read more|read also|see also|"
    r"see more|more|more on this|more from|related|related articles?|related stories|"
    r"recommended|recommended videos?|most read|most popular|latest|latest news|latest videos?|"
    r"trending|watch|listen|share|share this|share this article|share this with|share on|"
    r"print|email|e-mail|comments?|kommentare?|comment|kommentieren|kommentar abgeben|"
    r"lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|das könnte sie auch "
    r"interessieren|weitere artikel|weitere nachrichten|ähnliche artikel|ähnliche|themen|"
    r"zum thema|teilen|drucken|artikel teilen|mehr infos|schlagworte|tags|topics|"
    r"lire aussi|à lire aussi|voir aussi|leer más|lee también|ver también|leggi anche|"
    r"läs också|les også|læs også|článek|čtěte také|"
    r"follow us|subscribe|sign up|newsletter|sign up for our newsletter|"
    r"open image in gallery|view image in fullscreen|enlarge|zoom|image|photo|foto|video|"
    r"bildergalerie|galerie|gallery|audio|podcast|"
    r"(?:kommentare|comments)\s*\(\d+\)|lesedauer:?\s*\d+\s*min(?:uten|utes|\.)?|"
    r"\d+\s*min(?:ute)?s?\s*(?:read|lesezeit|lesedauer)|reading time:?\s*\d+\s*min(?:utes)?)$",
    re.IGNORECASE,
)

# Picture captions and credits: "Photo: AFP", "Foto: dpa/Name", "Image: GCIS", "© Reuters".
_CREDIT = re.compile(
    r"^(?:\(?(?:photo|photos|foto|fotos|bild|image|images|picture|credit|credits|"
    r"photo credit|bildquelle|quelle|source|fuente|crédit|crédits|illustration|grafik|"
    r"video|copyright)\s*:\s*\S.{0,120}\)?|©.{0,120}|\(c\)\s.{0,120})$",
    re.IGNORECASE,
)
# Credit lines naming a photo agency: "STR/AFP via Getty Images", "Felix Zahn/imago".
_AGENCY_TAIL = re.compile(
    r"(?:getty\s*images?|/\s*afp|\bafp\b|/\s*dpa|picture[- ]alliance|imago(?:\s+images)?|"
    r"shutterstock|reuters|\bap photo\b|associated press|istock(?:photo)?|epa(?:-efe)?|"
    r"keystone|alamy|unsplash|pexels|ddp|xinhua|anadolu|sipa|zuma|bloomberg)\W*$",
    re.IGNORECASE,
)
# A short block that is only a date or a date and a time ("05.08.2024, 20:59 Uhr").
_DATE_ONLY = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag)\w*,?\s*)?(?:published|updated|veröffentlicht|aktualisiert|stand|posted|"
    r"publié|publicado|pubblicato)?:?\s*"
    r"(?:\d{1,4}[./-]\s*\d{1,2}[./-]\s*\d{2,4}|\d{1,2}\.?\s+[^\W\d]{3,12}\.?\s+\d{4}|"
    r"[^\W\d]{3,12}\.?\s+\d{1,2},?\s+\d{4}|\d{4}年\d{1,2}月\d{1,2}日)"
    r"(?:,?\s*(?:um|at|à|a las|-|\|)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:uhr|am|pm|h)?"
    r"(?:\s*\(?[A-Z]{2,5}\)?)?)?\s*"
    r"(?:\(.*\))?$",
    re.IGNORECASE,
)
# A byline block: "By Jane Doe", "Von Karim Natour", "Kommentar von".
_BYLINE = re.compile(
    r"^(?:by|von|par|por|di|av|af|door|от|text|texte|text und fotos|kommentar von|ein kommentar "
    r"von|eine analyse von|analyse von|written by|reporting by|autor|autorin|author)\s*:?\s*"
    r"(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*\s*(?:,|and|und|&|et|y|e)?\s*){0,8}$",
)
# Source and agency tags at the end of a story: "(dmk)", "Quelle: ntv.de", "(APA/dpa)".
_SOURCE_TAG = re.compile(
    r"^(?:\(\s*[\w/ ,.-]{1,30}\s*\)|(?:quelle|source|fuente|mit material von|with reporting "
    r"by)\s*:\s*.{1,60}|[\w/,. -]{1,25}/(?:dpa|afp|apa|ap|sda|kna|epd|reuters)[\w/ ]*)$",
    re.IGNORECASE,
)

# Blocks after which the article is over, whatever follows (comment forms, corrections, promos).
_HARD_END = re.compile(
    r"^(?:would you like to comment|comments? (?:are|is) closed|join the conversation|"
    r"leave a (?:comment|reply)|post a comment|add a comment|show comments|view comments|"
    r"you must (?:be logged in|log in|confirm)|"
    r"got a story\?|for more stories like this|"
    r"fehler (?:auf [\w.]+ )?entdeckt|inhaltliches feedback|kommentar abgeben|"
    r"du musst dich einloggen|wie hat ihnen (?:dieser|der) artikel gefallen|"
    r"unabhängiger journalismus braucht|"
    r"postmedia is committed to maintaining|please read our comment policy|"
    r"sign up \(it's quick and free\))",
    re.IGNORECASE,
)
# Headings of link lists: the end when only headlines follow, an inline box when prose follows.
_SOFT_END = re.compile(
    r"^(?:read more|more stories|more from|more on this story|related(?: articles| stories|"
    r" content| coverage| posts| topics)?|you may also like|you might also like|"
    r"recommended(?: for you)?|most read|most popular|trending(?: now)?|"
    r"latest (?:news|stories|videos)|share this (?:article|story)|"
    r"ähnliche artikel|ähnliche|weitere artikel|mehr zum thema|mehr aus|"
    r"das könnte sie auch interessieren|lesen sie (?:auch|mehr)|auch interessant|"
    r"kommentare|empfehlungen der redaktion|"
    r"lire aussi|à lire aussi|sur le même sujet|leer más|lee también|te puede interesar|"
    r"noticias relacionadas|leggi anche|articoli correlati|relaterte saker|läs mer|"
    r"relaterade artiklar|související články|関連記事|関連キーワード|おすすめ情報|"
    r"관련 기사|相關新聞|相关新闻)\b",
    re.IGNORECASE,
)

_TRAIL = " \t.:;!?…|·•-–—»›>"


def ui_block(text: str) -> bool:
    """A short interface string that is never article text ("Advertisement", "Share")."""
    return len(text) <= 80 and bool(_UI_BLOCK.match(text.strip(_TRAIL)))


def credit_block(text: str) -> bool:
    """A picture caption credit or a photo-agency line."""
    if len(text) > 160:
        return False
    if _CREDIT.match(text):
        return True
    return len(text.split()) <= 12 and bool(_AGENCY_TAIL.search(text)) and not text.endswith(".")


def date_block(text: str) -> bool:
    """A block that only holds a date (and maybe a time), like a header date bar."""
    return len(text) <= 60 and bool(_DATE_ONLY.match(text.strip()))


def byline_block(text: str) -> bool:
    """A short "By Jane Doe" line."""
    return len(text) <= 80 and bool(_BYLINE.match(text.strip(" .:")))


def source_block(text: str) -> bool:
    """An agency or source tag line, "(dmk)" or "Quelle: ntv.de"."""
    return len(text) <= 70 and bool(_SOURCE_TAG.match(text.strip()))


def hard_end(text: str) -> bool:
    """A block after which only boilerplate follows (comment forms, corrections, promos)."""
    return len(text) <= 200 and bool(_HARD_END.match(text.strip(" \t>»›-–—|:")))


def soft_end(text: str) -> bool:
    """The heading of a link list ("Read more", "Most read in Sport", "À lire aussi ...")."""
    return len(text) <= 80 and bool(_SOFT_END.match(text.strip(" \t>»›-–—|:")))


def junk_block(text: str) -> bool:
    """Any single block that is not article text."""
    return (
        ui_block(text)
        or credit_block(text)
        or date_block(text)
        or byline_block(text)
        or source_block(text)
    )

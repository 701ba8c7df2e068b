"""How the text around a date reads: labels and roles, stamp verbs, prose or byline, the header's today."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .datecands import Cand, PageInfo
from .datepatterns import (
    LABEL_STEMS,
    PUBLISHED_WORDS,
    RANGE_GAP,
    UPDATED_WORDS,
    WEEKDAY_BEFORE,
    ascii_stems,
    lacks_stems,
)
from .dateteasers import _class_of
from .datetext import BYLINE_LEAD_WORDS, CJK_PUBLISHED_AFTER, CJK_UPDATED_AFTER, Parsed, to_24h

_DATEISH_CLASS = re.compile(
    r"date|time|byline|meta|publish|posted|stamp|dateline|author|info|entry-|post-|article-head"
    r"|datum|fecha|data|zeit", re.IGNORECASE,
)
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

_ABBREVIATION = re.compile(r"(?<![^\W\d_])[A-Z][a-z]{0,3}\.$")  # "Prof.", "Dr.", "Sen."
STATEMENT_CHARS = 3000  # of the text's start and end, read for a forum's statement of its zone

# a forum's statement of the zone of every time it prints (vBulletin, phpBB, XenForo): "All
# times are GMT +1. The time now is 10:31.", "Alle Zeitangaben in WEZ +1", "All times are
# UTC+01:00"
_ZONE_STATEMENT = re.compile(
    r"(?:all times are|alle zeitangaben in|alle zeiten sind|toutes les heures sont(?: au format)?"
    r"|todas las horas son|alle tijden zijn|tutti gli orari sono)\s+(?:in\s+)?(?:GMT|UTC|WEZ)"
    r"(?:\s*([+-])\s*(\d{1,2})(?::?(\d\d))?)?(?![\w:+-])", re.IGNORECASE)

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


_UPDATE_CLOCK = re.compile(r"(?:" + UPDATED_WORDS.pattern + r")" + _CLOCK_AFTER_LABEL,
                           re.IGNORECASE)
# "24. окт 2023, 18:05 -> 20:41": an arrow from the stamp's clock to its update's
_ARROW_CLOCK = re.compile(r"(\s*(?:-+>|→|⇒))" + _CLOCK_AFTER_LABEL)
_PUBLISH_CLOCK = re.compile(
    r"(?<![\w-])(first\s+published|published|posted|publié|veröffentlicht|publicado|pubblicato)"
    + _CLOCK_AFTER_LABEL, re.IGNORECASE)


_LINE_SEPARATORS = frozenset("|·•/-–—")


def _line_stop(full: str, after: int, end: int) -> int:
    """Where the line that goes on at ``after`` ends (``end`` at most). A line break in the
    markup's own white space after a separator is none: the line goes on in the next element
    ("<span>20 de febrero de 2024</span> |⏎<span>Publicado a las 18:05</span> |⏎<span>…")."""
    pos = after
    while (line_end := full.find("\n", pos, end)) >= 0:
        piece = full[pos:line_end].strip()
        if not piece or not set(piece) <= _LINE_SEPARATORS:
            return line_end
        pos = line_end + 1
    return end


def _other_clock(full: str, after: int, end: int, stamp: Cand, arrow: bool = False
                 ) -> Cand | None:
    """The other stamp written as a clock only, after a dated one: an update ("Publié le 12 mars
    2024 à 18h05, modifié à 20h14", "(mis à jour à 20h14)", "18:05 -> 20:41" in an element
    named like a date (``arrow``), "Updated 8:22 a.m. ET": the stamp's
    day, the next one when the clock is earlier) or the first publication ("Updated March 12,
    2024 — 8.22pm, first published at 6.05pm": the previous day when the clock is later), in
    the stamp's offset."""
    update = stamp.role != "modified"
    stop = _line_stop(full, after, end)  # on the stamp's own line
    m = (_UPDATE_CLOCK if update else _PUBLISH_CLOCK).search(full, after, stop)
    if m is None and update and arrow:  # (only in a date element: no timetable's "18:05 → 20:41")
        m = _ARROW_CLOCK.match(full, after, stop)
    clock = None if m is None else _label_clock(full, m)
    if m is None or clock is None:
        return None
    when = stamp.when.replace(hour=clock[0], minute=clock[1], second=0)
    if stamp.has_time and update and when <= stamp.when:
        when += timedelta(days=1)
    elif stamp.has_time and not update and when >= stamp.when:
        when -= timedelta(days=1)
    return replace(stamp, when=when, has_time=True, has_seconds=False,
                   role="modified" if update else "published", raw=m.group(0), pos=m.start(),
                   group="")


def _own_clock(full: str, after: int, end: int, stamp: Cand) -> tuple[Cand, int] | None:
    """A day without a clock whose publication clock follows it on its line, labelled
    ("Martes 20 de febrero de 2024 | Publicado a las 18:05 | Actualizada a las 19:12"): the
    stamp with that clock, and where the clock ends (an update clock may follow it)."""
    if stamp.has_time or stamp.role == "modified":
        return None
    stop = _line_stop(full, after, end)
    m = _PUBLISH_CLOCK.search(full, after, stop)
    if m is None or (
            (u := _UPDATE_CLOCK.search(full, after, stop)) is not None and u.start() < m.start()):
        return None
    clock = _label_clock(full, m)
    if clock is None:
        return None
    when = stamp.when.replace(hour=clock[0], minute=clock[1], second=0)
    return replace(stamp, when=when, has_time=True, has_seconds=False, role="published",
                   raw=f"{stamp.raw} {m.group(0).strip()}"), m.end()


def _label_clock(full: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The hour and minute of a labelled clock (_UPDATE_CLOCK, _PUBLISH_CLOCK, _ARROW_CLOCK), on
    the 24-hour clock; None for no clock: "Update 23.10 patch notes" is a version, "um 20.14
    Uhr" and "a las 18.05" are clocks."""
    marker = m.group(4)
    hour, minute = to_24h(int(m.group(2)), marker), int(m.group(3))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    if full[m.end(2)] == "." and not marker and not _CLOCK_LEAD.search(
            full, m.end(1), m.start(2)) and not _UHR.match(full, m.end()):
        return None
    return hour, minute


IN_ARTICLE_AREA, IN_ARTICLE_TAG = 1, 2  # inside <main> or a container named "article"; an <article>
LINK_LIST_NODES = 300  # elements of a box read to tell a list of links
HEADLINE_LINK_WORDS = 3  # a teaser's link is a headline; an author's link is a name
_PERSON_LINK = re.compile(r"/(?:authors?|autor(?:en|in)?|profiles?|profil|people|staff|team)/",
                          re.IGNORECASE)


def _in_span(full: str, found: list[Parsed], i: int) -> bool:
    """The i-th date is joined to the one before or after it by "-", "bis", "to"..."""
    before = i > 0 and RANGE_GAP.fullmatch(full, found[i - 1].end, found[i].start)
    after = i + 1 < len(found) and RANGE_GAP.fullmatch(full, found[i].end, found[i + 1].start)
    return bool(before or after)


_LABEL_UP = {"dd", "strong", "b", "em", "i", "span", "small", "font"}  # not a list item's

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
    r"|header[-_]{0,2}date|current[-_]?date"
    r"|date[-_]?today|today[-_]?date|today|fecha[-_]?(?:hoy|actual)|data[-_]?(?:hoje|oggi)"
    # (the top bar's date: "datatopo", Portuguese "topo", "date-top")
    r"|(?:data|date|fecha)[-_]?topo?)$")


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

"""Dates, clocks, zones and relative dates read from short strings, in many languages."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .datepatterns import (
    _AGO_OR_BEFORE,
    _AGO_WORDS,
    _ASCII_FOLD,
    _BEFORE_OR_AGO,
    _BEFORE_WORDS,
    _CJK,
    _CJK_LANGS,
    _DAY_WORD_LANGS,
    _DAY_WORDS,
    _DIGIT_ZEROS,
    _DIGITS,
    _DM_DOTTED,
    _DMY_TEXT,
    _ERA_BASE,
    _ERA_CJK,
    _HOUR_AFTER,
    _MD_CJK,
    _MDY_TEXT,
    _MINGUO,
    _MN,
    _NUM,
    _PHRASE_END,
    _REL_UNITS,
    _TIME_AFTER,
    _TIME_BEFORE,
    _TIME_ONLY,
    _VI,
    _WORD_COUNTS,
    _Y_MD_CJK,
    _YDM_LV,
    _YEAR_DOT_SPACE,
    _YESTERDAY,
    _YMD,
    _YMD_SPACED,
    _YMD_TEXT,
    DAY_WORD_RE,
    ISO_RE,
    PUBLISHED_WORDS,
    RELATIVE_RE,
    UPDATED_WORDS,
)
from .datewords import _DAY_FIRST_ONLY, MAX_YEAR, MIN_YEAR, MONTHS, _month_in
from .datezones import _zone_at, abbr_zone, parse_offset


@dataclass(frozen=True)
class Parsed:
    """A date read from text: wall-clock fields, optional time and offset, and where it lay."""

    day: date
    hour: int | None
    minute: int | None
    second: int | None
    offset: int | None  # minutes east of UTC
    zone: str | None
    start: int
    end: int
    numeric_ambiguous: bool = False  # a 07/08/2021 read with the page's day/month order
    yearless: bool = False  # "22 July, 16:25": the year was supplied by the caller
    unlabelled: bool = False  # a numeric day without a year read as a stamp's own element's text

    @property
    def has_time(self) -> bool:
        return self.hour is not None


def _written_year(text: str, reference: int | None) -> int:
    """A year after a month name: "2012", "'2012", or "'12" / "’12" -> 2012, "'99" -> 1999 (the
    century that puts the year at most one year after the reference year: the crawl's, else
    this one)."""
    digits = text.lstrip("'’")
    if len(digits) != 2:
        return int(digits)
    ref = reference if reference is not None else date.today().year
    year = ref // 100 * 100 + int(digits)
    return year - 100 if year > ref + 1 else year


BUDDHIST_ERA = 543  # Thai years: 2567 BE is 2024 CE


def _mkdate(year: int, month: int, day: int) -> date | None:
    if month > 200:  # an Ethiopian month (MONTHS)
        return _from_ethiopian(year, month - 200, day)
    if month > 100:  # a Solar Hijri month (MONTHS)
        return _from_jalali(year, month - 100, day)
    if year < 100:
        year += 2000 if year < 70 else 1900
    elif MIN_YEAR + BUDDHIST_ERA <= year <= MAX_YEAR + BUDDHIST_ERA:
        year -= BUDDHIST_ERA  # no Gregorian year of the archive's range is this late
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


JALALI_YEARS = (1369, 1478)  # the Solar Hijri years of MIN_YEAR..MAX_YEAR


def _solar_hijri_page(context: str) -> bool:
    """A page in Persian or Pashto, or from Iran or Afghanistan: its numeric dates may be Solar
    Hijri ones (only there: the lunar Hijri years of Arab pages, 1410-1525 for the same span,
    overlap them)."""
    keys = context.split()
    return bool(keys) and (keys[0] in ("fa", "ps") or (len(keys) > 1 and keys[1] in ("ir", "af")))


_JALALI_EPOCH = date(622, 3, 21).toordinal()  # 1 Farvardin 1, counted back by the same cycle


def _from_jalali(year: int, month: int, day: int) -> date | None:
    """A Solar Hijri date ("22 اسفند 1402") as a Gregorian one (2024-03-12), by the 33-year
    arithmetic cycle Iran's calendar follows over 1244-1530 SH (1865-2151 CE): a year is leap
    when (25 * year + 11) mod 33 < 8."""
    if not 1369 <= year <= 1478 or not 1 <= month <= 12:  # the archive's years, 1990-2099
        return None
    leap = (25 * year + 11) % 33 < 8
    if not 1 <= day <= (31 if month <= 6 else 30 if month <= 11 or leap else 29):
        return None
    years = year - 1
    days = 365 * years + (8 * years + 29) // 33  # leap days before this year
    days += (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return date.fromordinal(_JALALI_EPOCH + days + day - 1)


_ETHIOPIAN_EPOCH = 1724220  # the Julian day of 1 Meskerem 1 (Amete Mihret), less 1


def _from_ethiopian(year: int, month: int, day: int) -> date | None:
    """An Ethiopian date ("መጋቢት 4 ቀን 2016": 4 Megabit 2016) as a Gregorian one (2024-03-13):
    twelve months of 30 days and a thirteenth of 5 (6 in the year before a Julian leap
    year), every fourth year (year mod 4 == 3) a leap year."""
    if not 1982 <= year <= 2092 or not 1 <= month <= 13:  # the archive's years, 1990-2099
        return None
    if not 1 <= day <= (30 if month < 13 else 6 if year % 4 == 3 else 5):
        return None
    julian_day = _ETHIOPIAN_EPOCH + 365 * (year - 1) + year // 4 + 30 * (month - 1) + day
    return date.fromordinal(julian_day - 1721425)


def to_24h(hour: int, marker: str | None) -> int:
    """A 12-hour clock's hour with its am/pm marker ("pm", "a.m.") on the 24-hour clock."""
    marker = (marker or "").lower()
    if marker.startswith(_PM_MARKERS) and hour < 12:
        return hour + 12
    if marker.startswith(_AM_MARKERS) and hour == 12:
        return 0
    return hour


# the starts of after-noon and before-noon markers: "pm", "오후", "午後", "下午", Arabic "م"
# ("مساء"), Hindi "अपराह्न", Greek "μ.μ.", Sinhala "ප.ව.", Khmer "ល្ងាច"; "am", "오전", ...
_PM_MARKERS = ("p", "오후", "午後", "下午", "م", "अपराह्न", "μ", "ප.ව", "រសៀល", "ល្ងាច")
_AM_MARKERS = ("a", "오전", "午前", "上午", "ص", "पूर्वाह्न", "π", "පෙ.ව", "ព្រឹក")


def _valid_time(hour: int, minute: int, second: int | None) -> bool:
    return 0 <= hour <= 23 and 0 <= minute <= 59 and (second is None or 0 <= second <= 59)


def _read_time(text: str, pos: int, day: date, context: str,
               stamp_at: Callable[[int], bool] | None = None) -> tuple[
    int | None, int | None, int | None, int | None, str | None, int
]:
    """Time (and zone) right after a date; returns hour, minute, second, offset, zone, end
    (``stamp_at``: see find_dates)."""
    m = _TIME_AFTER.match(text, pos, min(len(text), pos + 60))
    if not m or m.start(2) - pos > 24:
        hour_only = _HOUR_AFTER.match(text, pos, min(len(text), pos + 30))
        if hour_only and not ("." not in (marker := hour_only.group(2)) and marker.islower()
                              and not context.startswith(("en ", " "))):
            # "March 12, 2024, 6 PM ET": the hour alone, with its am/pm (a bare lower-case
            # "am" only on an English page: "12. März 2024 1 am Tag" is German)
            hour = int(hour_only.group(1)) % 12
            hour += 12 if hour_only.group(2).lower().startswith("p") else 0
            off, zone, end = _zone_at(text, hour_only.end(), day, context)
            return hour, 0, None, off, zone, end if off is not None else hour_only.end()
        off, zone, end = _zone_at(text, pos, day, context)
        if off is None:
            return None, None, None, None, None, pos
        clock = _ZONED_CLOCK.match(text, end, min(len(text), end + 12))
        if clock:  # a zone between the date and its clock: "2024-03-12 HKT 18:05"
            hour, minute = int(clock.group(1)), int(clock.group(2))
            second = int(clock.group(3)) if clock.group(3) else None
            if _valid_time(hour, minute, second):
                return hour, minute, second, off, zone, clock.end()
        return None, None, None, off, zone, end
    hour, minute = int(m.group(2)), int(m.group(3))
    second = int(m.group(4)) if m.group(4) else None
    marker = (m.group(1) or m.group(5) or "").replace(" ", "")
    hour = to_24h(hour, marker)
    if not _valid_time(hour, minute, second):
        return None, None, None, None, None, pos
    sep = text[m.start(3) - 1] if m.start(3) > 0 else ":"
    if sep == "." and not marker and not m.group(1) and m.start(2) == pos:
        # "22.07.2021 16.25" is a time; "2021.16.25" is not - demand a separator before it
        return None, None, None, None, None, pos
    if sep == "." and not marker and text[pos:m.start(2)].strip(" \t.") in (",", "،") and (
            _WORD_AFTER.match(text, m.end())):
        # "12 March 2024, 10.50 million shares": after a comma, a decimal, not a clock
        return None, None, None, None, None, pos
    off, zone, end = _zone_at(text, m.end(), day, context)
    end = end if off is not None else m.end()
    if "\n" in text[pos:m.start(2)]:
        # a clock on the next line is the date's only when it stands alone there ("12.03.2024
        # \n18:05 Uhr"), not the start of a sentence ("12 березня 2024 \nО 10:30 у Києві ...")
        # (read from where the match ends, which may be past the clock's line; a clock in an
        # element of its own named like a time, "<div class=time>18:05</div>", "<time>6:05 PM
        # MYT</time>", from its own end)
        stop = end
        if stamp_at is not None and stamp_at(m.start(2)):
            stop = pos + len(text[pos:end].rstrip()) if off is not None else m.end(
                5) if m.group(5) else m.end(4) if m.group(4) else m.end(3)
        line_end = text.find("\n", stop)
        rest = text[stop:len(text) if line_end < 0 else line_end].strip()
        if len(rest) > CLOCK_LINE_REST and rest[0] not in "|·•-–—/(":  # "18:05 Uhr | Lesezeit"
            return None, None, None, None, None, pos
    return hour, minute, second, off, zone, end


_WORD_AFTER = re.compile(r"[ \t]*[^\W\d_]")
_ZONED_CLOCK = re.compile(r"[ \t]*(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
CLOCK_LINE_REST = 6  # characters a clock's own line may hold after it ("Uhr", "| 5 min")


def _time_before(text: str, lo: int, start: int, day: date, context: str
                 ) -> tuple[int, int, int | None, int | None, str | None, int] | None:
    """The time (and its zone) written just before a date, on its line: hour, minute, second,
    offset, zone, and where the time starts."""
    window = text[lo:start].rsplit("\n", 1)[-1]
    m = _TIME_BEFORE.search(window)
    if not m:
        return None
    hour, minute = to_24h(int(m.group(1)), m.group(4)), int(m.group(2))
    second = int(m.group(3)) if m.group(3) else None
    if not _valid_time(hour, minute, second):
        return None
    found = abbr_zone(m.group(5), day, context) if m.group(5) else None
    return hour, minute, second, *(found or (None, None)), start - len(window) + m.start()


_HEBREW_PREFIX = re.compile(r"(?<=[\u05d0-\u05ea])-(?=\d)")
# Khmer's words for day, month and year glued to their parts: "ទី១៦ ខែមេសា ឆ្នាំ២០២៤"
_KHMER_LABELS = re.compile("ទី(?=[0-9\u17e0-\u17e9])|ខែ|ឆ្នាំ")
_OTHER_DIGITS = re.compile("[" + "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _DIGIT_ZEROS)
                           + "：]")


def normalize_digits(text: str) -> str:
    """Non-ASCII decimal digits (Arabic-Indic, Persian, Indic, Thai, Khmer, full-width ...) to
    ASCII (same length, so positions survive)."""
    # (those digits are not ASCII: an ASCII text, most are, needs no search)
    if text.isascii():
        return text
    if _HEBREW_PREFIX.search(text):  # "ב-13.03.2024" (on 13.03.2024): the date stands alone
        text = _HEBREW_PREFIX.sub(" ", text)
    if "ខ" in text or "ឆ" in text or "ទ" in text:  # (blanks of the labels' length: "16 មេសា 2024")
        text = _KHMER_LABELS.sub(lambda m: " " * len(m.group()), text)
    return text if not _OTHER_DIGITS.search(text) else text.translate(_DIGITS)


_DIGIT_RUN = re.compile(r"\d\d*")  # not "\d+": led by a digit, it is searched for at digits only


def digit_windows(text: str, before: int = 40, after: int = 40,
                  runs: list[list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """Merged spans around digit runs: every date has a digit, so only these are scanned.
    ``runs``: a list that gets the digit runs (start, end) of each window, a list a window."""
    out: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        start, end = max(0, m.start() - before), m.end() + after
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
            if runs is not None:
                runs[-1].append(m.span())
        else:
            out.append((start, end))
            if runs is not None:
                runs.append([m.span()])
    return out


def _runs_of(text: str, windows: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in _DIGIT_RUN.finditer(text, start, end)] for start, end in windows]


def _scan(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[
        re.Match[str]]:
    last = -1
    for start, end in windows:
        for m in pattern.finditer(text, start, end):
            if m.start() >= last:
                last = m.end()
                yield m


# Which windows each pattern can match in, told by their digit runs (a pattern scanned in a
# window it cannot match in costs as much as one that matches): every match starts at a
# digit run or, for _MDY_TEXT, ends with one, and needs
#   ISO_RE: a run of four digits before "-"; _YMD (and _YMD_SPACED): four before "." or "/";
#   _YMD_TEXT: four before "." or white space; _NUM: one or two before ".", "/" or "-";
#   _DMY_TEXT: a match at a run of one or two digits (tried there: cheaper than the scan);
#   _MDY_TEXT: a run of one or two digits after "<word>.? *" (see _month_before).
def _num_windows(text: str, windows: list[tuple[int, int]],
                 runs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    out = []
    for window, spans in zip(windows, runs, strict=True):
        for start, end in spans:
            if end - start <= 2 and (text[end:end + 1] in _NUM_SEPS or _BAR_SEP.match(
                    text, end)):  # ("26 | 01 | 2024")
                out.append(window)
                break
    return out


_NUM_SEPS = {".", "/", "-", "·"}
_BAR_SEP = re.compile(r"[ \xa0]\|[ \xa0]")


def _pattern_windows(text: str, windows: list[tuple[int, int]],
                     runs: list[list[tuple[int, int]]]) -> tuple[list[tuple[int, int]], ...]:
    """The windows of ISO_RE, _YMD, _YMD_TEXT, _DMY_TEXT, _MDY_TEXT and _DM_DOTTED (see
    above)."""
    iso, ymd, ymd_text, dmy, mdy, dm = [], [], [], [], [], []
    for window, spans in zip(windows, runs, strict=True):
        w_iso = w_ymd = w_ymd_text = w_dmy = w_mdy = w_dm = False
        for start, end in spans:
            size = end - start
            if size == 4:
                after = text[end:end + 1]
                if after == "-":
                    w_iso = True
                elif after == ".":
                    w_ymd = w_ymd_text = True
                elif after == "/":
                    w_ymd = True
                elif after.isspace():
                    w_ymd_text = True
            elif size <= 2:
                if not w_dm and text[end:end + 1] == "." and (
                        text[end + 1:end + 3].strip()[:1].isdigit()):
                    w_dm = True  # "12.3.", "13. 3."
                if not w_dmy and _DMY_TEXT.match(text, start, window[1]):
                    w_dmy = True
                if not w_mdy and _month_before(text, window[0], start):
                    w_mdy = True
        if w_iso:
            iso.append(window)
        if w_ymd:
            ymd.append(window)
        if w_ymd_text:
            ymd_text.append(window)
        if w_dmy:
            dmy.append(window)
        if w_mdy:
            mdy.append(window)
        if w_dm:
            dm.append(window)
    return iso, ymd, ymd_text, dmy, mdy, dm


def _month_before(text: str, start: int, day: int) -> bool:
    r"""Whether a _MDY_TEXT match (from ``start`` on) may end with the day at ``day``: its month
    is the word before ``\.?\s*`` (a month's last word; its letters, at most 12, start after
    no word character), so an ASCII word must be one (ignoring case); another is not judged."""
    end = day
    if end > start and text[end - 1].isspace():
        end -= 1
        while end > start and text[end - 1].isspace():  # by pieces: a run's spaces, once
            piece = max(start, end - 64)
            end = piece + len(text[piece:end].rstrip())
    if end > start and text[end - 1] == ".":
        end -= 1
    word = _LAST_LETTERS.search(text, max(start, end - 13), end)  # 13 letters: no month
    if word is None:  # a vowel sign ends a word ("মে"), a Thai abbreviation its dot ("ก.ย."):
        # a word in a script with marks is not judged
        last = text[end - 2] if end - 1 > start and text[end - 1] == "." else text[end - 1:end]
        return bool(last) and not last.isascii() and not last.isspace()
    name = word.group()
    return not name.isascii() or name.lower() in _ASCII_MONTH_ENDS


_LAST_LETTERS = re.compile(r"[^\W\d_]++\Z")
# month names read as they match ASCII ignoring case (_ASCII_FOLD)
_ASCII_MONTH_ENDS = {end for end in (m.lower().rsplit(" ", 1)[-1].translate(_ASCII_FOLD)
                                     for m in MONTHS) if end.isascii()}


def _ascii_words(words: list[str]) -> list[str]:
    """The words (lower-cased) that can match ASCII text ignoring case, as ASCII."""
    return [w for w in (word.lower().translate(_ASCII_FOLD) for word in words) if w.isascii()]


def find_dates(
    text: str, *, day_first: bool = True, context: str = "", default_year: int | None = None,
    limit: int = 500, windows: list[tuple[int, int]] | None = None,
    numeric: list[re.Match[str]] | None = None, runs: list[list[tuple[int, int]]] | None = None,
    stamp_at: Callable[[int], bool] | None = None,
) -> Iterator[Parsed]:
    """Every absolute date (with time and zone when written next to it) in ``text``, in order.

    ``windows``: digit_windows(text, runs=runs), and ``numeric``: numeric_dates(text, windows,
    runs), when the caller has them already. ``stamp_at(position)``: whether the text there
    is a stamp's own element (a ``<time>``, a box named "date"), where a numeric day without
    a year and with a clock needs no label ("<time>12.3. 18:05</time>") on a page that has no
    stamp with a year and a clock."""
    found: list[Parsed] = []
    covered = bytearray(len(text) + 1)
    if windows is None:
        runs = []
        windows = digit_windows(text, runs=runs)
    elif runs is None:
        runs = _runs_of(text, windows)
    iso_windows, ymd_windows, ymd_text_windows, dmy_windows, mdy_windows, dm_windows = (
        _pattern_windows(text, windows, runs))

    def add(day: date | None, start: int, end: int, ambiguous: bool = False,
            yearless: bool = False) -> None:
        if day is None or len(found) >= limit or any(covered[start:end]):
            return
        hour, minute, second, offset, zone, stop = _read_time(text, end, day, context, stamp_at)
        covered[start:stop] = b"\x01" * (stop - start)
        found.append(
            Parsed(day, hour, minute, second, offset, zone, start, stop, ambiguous, yearless)
        )

    for m in _scan(ISO_RE, text, iso_windows):
        if len(found) >= limit:
            break
        day = _mkdate(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is None:
            continue
        if m.group(4) is not None:
            hour, minute = int(m.group(4)), int(m.group(5))
            second = int(m.group(6)) if m.group(6) else None
            if not _valid_time(hour, minute, second):
                continue
            off = parse_offset(m.group(7)) if m.group(7) else None
            zone = None
            end = m.end()
            if off is None:
                off, zone, end = _zone_at(text, m.end(), day, context)
            if len(found) < limit:
                covered[m.start():end] = b"\x01" * (end - m.start())
                found.append(Parsed(day, hour, minute, second, off, zone, m.start(), end))
        else:
            add(day, m.start(), m.end())
    # the CJK, Vietnamese and Mongolian forms need a word most texts lack (年 or 년, "tháng",
    # "сарын"): not scanned for then; (groups of year, month, day)
    for pattern, present, (yg, mg, dg) in (
            (_CJK, "年" in text or "년" in text, (1, 2, 3)), (_VI, "tháng" in text, (3, 2, 1)),
            (_MN, "сарын" in text, (1, 2, 3))):
        for m in _scan(pattern, text, windows) if present else ():
            if len(found) >= limit:
                break
            add(_mkdate(int(m.group(yg)), int(m.group(mg)), int(m.group(dg))), m.start(), m.end())
    for m in _ERA_CJK.finditer(text) if "年" in text else ():
        if len(found) >= limit:
            break
        year = 1 if m.group(2) == "元" else int(m.group(2))
        add(_mkdate(_ERA_BASE[m.group(1)] + year, int(m.group(3)), int(m.group(4))), m.start(),
            m.end())
    for m in _scan(_MINGUO, text, windows) if context.startswith("zh ") else ():
        if len(found) >= limit:
            break
        month_day = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(6))
        add(_mkdate(1911 + int(m.group(1)), int(month_day[0]), int(month_day[1])), m.start(),
            m.end())
    solar = _solar_hijri_page(context)
    for m in _scan(_YMD, text, ymd_windows):
        if len(found) >= limit:
            break
        year, number = int(m.group(1)), int(m.group(3))
        if solar and JALALI_YEARS[0] <= year <= JALALI_YEARS[1] and 1 <= number <= 12:
            number += 100  # "۱۴۰۲/۱۲/۲۲": a Solar Hijri date on an Iranian or Afghan page
        add(_mkdate(year, number, int(m.group(4))), m.start(), m.end())
    # the spaced form needs "<year>. <digit>", which most texts lack: not scanned for then
    for m in _scan(_YMD_SPACED, text, ymd_windows) if _YEAR_DOT_SPACE.search(text) else ():
        if len(found) >= limit:
            break
        add(_mkdate(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.start(), m.end())
    # (before the day-month forms: "2023. gada 12. martā 18:05" holds "12. martā 18:05")
    for m in _scan(_YDM_LV, text, windows) if "gada" in text else ():
        if len(found) >= limit:
            break
        month = MONTHS.get(m.group(3).lower())
        if month:
            add(_mkdate(int(m.group(1)), month, int(m.group(2))), m.start(), m.end())
    for m in _scan(_DMY_TEXT, text, dmy_windows):
        if len(found) >= limit:
            break
        year_text = m.group(3)
        if year_text:
            year = _written_year(year_text, default_year)
        elif default_year is not None and (m.group(4) is None or _label_ends(text, m.start()) or (
                stamp_at is not None and stamp_at(m.start()))):
            year = default_year  # ("Published: 12th March"; not "publicado até 30 de abril")
        else:
            continue
        month = _month_in(m.group(2), context, text, m.start())
        if month:
            add(_mkdate(year, month, int(m.group(1))), m.start(), m.end(), False, not year_text)
    for m in _scan(_YMD_TEXT, text, ymd_text_windows):
        if len(found) >= limit:
            break
        if "\n" in text[m.end(1):m.start(2)] and text[
                text.rfind("\n", 0, m.start()) + 1:m.start()].strip():
            continue  # a year ending a line of words is no year of the month and day on the
            # next ("Vogel des Jahres 2021\nJan 04 09:34"; a badge's "2021\nJan 04" is one)
        month = _month_in(m.group(2), context, text, m.start())
        if month and m.group(2).lower() not in _DAY_FIRST_ONLY:
            add(_mkdate(int(m.group(1)), month, int(m.group(3))), m.start(), m.end())
    for m in _scan(_MDY_TEXT, text, mdy_windows):
        if len(found) >= limit:
            break
        month = _month_in(m.group(1), context, text, m.start())
        if not month or m.group(1).lower() in _DAY_FIRST_ONLY:
            continue
        if m.group(3):
            year = _written_year(m.group(3), default_year)
        elif default_year is not None and len(m.group(1)) > 2:
            year = default_year
        else:
            continue
        add(_mkdate(year, month, int(m.group(2))), m.start(), m.end(), False, not m.group(3))
    for m in numeric_dates(text, windows, runs) if numeric is None else numeric:
        if len(found) >= limit:
            break
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        sep = m.group(2)
        if sep in ".·" and context.startswith(_CJK_LANGS) and (
                len(m.group(1)) == len(m.group(3)) == len(m.group(4)) == 2) and (
                default_year is None or 2000 + a <= default_year) and (
                year_first := _mkdate(a, b, year)) is not None:
            # Korean and Japanese two-digit years come first: OhmyNews' "24.05.17 18:10",
            # "24·03·12" (not a year after the page's: a European template's "28.03.24")
            add(year_first, m.start(), m.end(), False)
            continue
        if sep == "·" and context.startswith(_CJK_LANGS):
            continue  # (no Korean day comes first)
        if "|" in sep and (not (len(m.group(1)) == len(m.group(3)) == 2 and len(m.group(4)) == 4)
                           or "|" in text[text.rfind("\n", 0, max(0, text.rfind(
                               "\n", 0, m.start()))) + 1:m.start()]):
            continue  # (a bar between the parts: "26 | 01 | 2024", two digits, two, four; not
            # a row of figures under a row of labels, "Einsätze | Tore | seit" above "24 | 11 |
            # 2019")
        if len(m.group(4)) == 2 and (sep == "-" or len(m.group(1)) + len(m.group(3)) < 4) and not (
                sep == "-" and len(m.group(1)) + len(m.group(3)) == 4 and _clock_at(text, m.end())
        ) and not (_line_ends(text, m.end()) and (_label_ends(text, m.start()) or (
                _signed_before(text, m.start())))):
            continue  # "2.7.13" is a version number, not a date ("12-03-24, 18:05" is one,
            # and so is a byline's or a label's "von Jane Roe, 8.5.12", "Posted: 8.5.12", at
            # the end of its line: not "Update: 1.4.12 fixes the login bug")
        if a > 12 and b <= 12:
            day_val, month, amb = a, b, False
        elif b > 12 and a <= 12:
            day_val, month, amb = b, a, False
        else:
            first = day_first or sep in ".·"
            day_val, month, amb = (a, b, a != b) if first else (b, a, a != b)
        add(_mkdate(year, month, day_val), m.start(), m.end(), amb)
    # a numeric day without a year is a stamp only beside a publish or update label: an
    # event's "Termin: Mo., 18.3., 19:00 Uhr" or "公演日：3/18(月) 19:00" is none
    numeric_yearless: set[int] = set()
    for m in _Y_MD_CJK.finditer(text) if context.startswith(_CJK_LANGS) else ():
        if len(found) >= limit:
            break
        add(_mkdate(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.start(), m.end())
    if default_year is not None and context.startswith(_CJK_LANGS):
        for m in _MD_CJK.finditer(text):
            if len(found) >= limit:
                break
            numeric_yearless.add(m.start())
            add(_mkdate(default_year, int(m.group(1)), int(m.group(2))), m.start(), m.end(),
                False, True)
    if default_year is not None:
        for m in _scan(_DM_DOTTED, text, dm_windows):
            if len(found) >= limit:
                break
            if _clock_at(text, m.end()):
                numeric_yearless.add(m.start())
                add(_mkdate(default_year, int(m.group(2)), int(m.group(1))), m.start(), m.end(),
                    False, True)
    found.sort(key=lambda p: p.start)
    # a stamp with a year and a clock elsewhere is the page's: then a day without a year in a
    # date element is another thing's (a fixture's "<time>16.3. 15:30</time>")
    dated_clock = bool(numeric_yearless) and any(
        p.hour is not None and not p.yearless for p in found)
    dated_stamp = _dated_stamp_test(found, stamp_at)
    prev_stop = 0
    for p in found:
        if p.hour is None and p.offset is None:
            # "16:25, 22 July 2021": a time just before, on the same line, used by no other date
            before = _time_before(text, max(prev_stop, p.start - 40), p.start, p.day, context)
            if before:
                hour, minute, second, offset, zone, begin = before
                p = replace(p, hour=hour, minute=minute, second=second, offset=offset, zone=zone,
                            start=begin)
        prev_stop = p.end
        if p.start in numeric_yearless and not (
                _after_label(text, p.start) or _CJK_LABEL_AFTER.match(text, p.end)):
            if dated_clock or stamp_at is None or not stamp_at(p.start):
                continue
            p = replace(p, unlabelled=True)
        if not (p.yearless and p.hour is None) or _after_label(text, p.start):
            yield p
        elif stamp_at is not None and stamp_at(p.start) and not dated_stamp():
            # a day without a year alone in a date element ('<span class="date">Mar 12</span>',
            # Substack's, Medium's current year) on a page whose date elements show no year
            yield replace(p, unlabelled=True)


def _dated_stamp_test(found: list[Parsed], stamp_at: Callable[[int], bool] | None
                    ) -> Callable[[], bool]:
    """Whether a date with its year lies in a date element (asked once, when needed)."""
    memo: list[bool] = []

    def dated() -> bool:
        if not memo:
            memo.append(stamp_at is not None and any(
                not p.yearless and stamp_at(p.start) for p in found))
        return memo[0]
    return dated


# Japanese, Chinese and Korean publish and update labels written after their stamp
CJK_PUBLISHED_AFTER = "配信|公開|掲載|発表|发布|發布|입력|송고"
CJK_UPDATED_AFTER = "更新|수정|修正"
_CJK_LABEL_AFTER = re.compile(r"\s*(?:" + CJK_PUBLISHED_AFTER + "|" + CJK_UPDATED_AFTER + ")")


def _after_label(text: str, start: int) -> bool:
    """A publish or update label right before ``start``, on its line ("Last Updated: March
    13", "Published Mar 12"): a date without a year or a time is read after one."""
    before = text[max(0, start - 24):start].rsplit("\n", 1)[-1]
    if UPDATED_WORDS.search(before):
        return True
    published = PUBLISHED_WORDS.search(before)  # a publish verb, not an event box's "Datum:"
    return published is not None and not _DATE_WORD.fullmatch(published.group(1).strip(" :"))


_DATE_WORD = re.compile(r"datum|date|fecha|data|dato|tarih|дата|日期|날짜|tanggal", re.IGNORECASE)


def _label_ends(text: str, start: int) -> bool:
    """A publish or update label ends right before ``start``: nothing but a colon, a dash or
    "on" between them ("Updated: 13th March", "Published on 12 March")."""
    before = text[max(0, start - 24):start].rsplit("\n", 1)[-1]
    word = max((m for pattern in (UPDATED_WORDS, PUBLISHED_WORDS) for m in pattern.finditer(before)),
               key=lambda m: m.end(), default=None)
    return word is not None and _LABEL_TAIL.fullmatch(before, word.end()) is not None


_LABEL_TAIL = re.compile(r"[\s:|\-–—]*(?:on|am|le|el|em|il|op|den)?[\s:]*", re.IGNORECASE)

# a byline's name and comma right before a date: "von Klaus-Peter Schöppner, 8.5.12"
# a byline's name (and role) right before a date, from the start of its line: "von
# Klaus-Peter Schöppner, 8.5.12", "Posted by Dave Miller on 5/8/12", "By Jane Roe, Staff
# Writer, 5/8/12"; not "Testato con la versione di Python, 2.7.13"
BYLINE_LEAD_WORDS = r"by|von|par|por|di|door|av|af|od|от"  # a byline's first word
_BYLINE_NAME_BEFORE = re.compile(
    r"\s*(?:(?:posted|written|geschrieben)\s+)?(?:" + BYLINE_LEAD_WORDS + r")\s+"
    r"(?:[^\W\d_][\w'.-]*\s+){0,3}[^\W\d_][\w'.-]*"
    r"(?:\s*,\s*[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,2})?"
    r"(?:\s*,|\s+(?:on|am|le|el|il|op))\s*", re.IGNORECASE)
SIGNED_LINE_CHARS = 70


def _signed_before(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return start - line <= SIGNED_LINE_CHARS and _BYLINE_NAME_BEFORE.fullmatch(
        text, line, start) is not None


def _line_ends(text: str, end: int) -> bool:
    """Nothing but a separator or a clock follows on the line ("8.5.12", "8.5.12 | 18:05")."""
    rest = text[end:end + 30].split("\n", 1)[0].strip(" \t\xa0,|·•–—-")
    return not rest or rest[:1].isdigit()


def _clock_at(text: str, pos: int) -> bool:
    """A clock right after ``pos`` (", 18:05", " klo 18.05", " um 14:00")."""
    m = _TIME_AFTER.match(text, pos, min(len(text), pos + 30))
    return m is not None and m.start(2) - pos <= 6


def numeric_dates(text: str, windows: list[tuple[int, int]],
                  runs: list[list[tuple[int, int]]] | None = None) -> list[re.Match[str]]:
    """The numeric dates (22/07/2021, 7.22.21) in the digit windows of ``text``, unread: a page
    reads them twice, to settle its day order and as dates (``runs``: see digit_windows)."""
    if runs is None:
        runs = _runs_of(text, windows)
    return list(_scan(_NUM, text, _num_windows(text, windows, runs)))


def numeric_order_votes(
    text: str, windows: list[tuple[int, int]] | None = None,
    numeric: list[re.Match[str]] | None = None,
) -> tuple[int, int]:
    """(day-first, month-first) counts of unambiguous numeric dates like 22/07/2021.

    Only the digit windows are searched (``windows``: digit_windows(text) when the caller has
    them): a numeric date is shorter than a window's margin, so none is missed. ``numeric``:
    numeric_dates(text, windows), when the caller has them already."""
    dmy = mdy = 0
    if numeric is None:
        numeric = numeric_dates(text, digit_windows(text) if windows is None else windows)
    for m in numeric:
        a, b = int(m.group(1)), int(m.group(3))
        if m.group(2) in ".·":
            continue
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
    return dmy, mdy


# Cheap tests for ASCII text, in lower case: a relative date needs one of RELATIVE_RE's words
# that can match ASCII text ignoring case (after an "ago" word no word character, after a
# "before" word white space); a day word a clock (_TIME_ONLY: "\d[:h.]\d\d" starting at most 16
# characters after it) with its last word ("hari ini" -> "ini") at most _DAY_END_CHARS before
# that. Words are read as the re module folds them (_ASCII_FOLD): "ı" may match "i".
_ASCII_RELATIVE = re.compile("|".join(  # flat, so the engine skips to the first letters
    [w.replace("_", r"\s+") + r"(?!\w)" for w in _ascii_words(_AGO_WORDS + _AGO_OR_BEFORE)]
    + [w.replace("_", r"\s+") + r"\s" for w in _ascii_words(_BEFORE_WORDS)]))
_ASCII_DAY_ENDS = [word.rsplit("_", 1)[-1] for word in _ascii_words(_DAY_WORDS)]
_ASCII_DAY_END = re.compile("|".join(  # two-letter words ("ma") as whole words only
    re.escape(w) if len(w) > 2 else rf"(?<![a-z]){re.escape(w)}(?![a-z])" for w in _ASCII_DAY_ENDS))
# a day word as a word of lower-case ASCII text: DAY_WORD_RE's test of ASCII text at 40% of its
# cost (its word bound is a character matched here, not a lookbehind tried at every position)
_ASCII_DAY_WORD = re.compile(r"(?:^|[^a-z0-9_])(?:" + "|".join(
    re.escape(w).replace("_", r"\s+") for w in _ascii_words(_DAY_WORDS)) + r")(?![a-z0-9_])")
_CLOCK = re.compile(r"\d(?=[:h.]\d\d)")  # one character: every start is found
_CLOCK_AFTER = 20
_DAY_END_CHARS = max(map(len, _ASCII_DAY_ENDS)) + _CLOCK_AFTER - 4


# Thai "in", "during", "throughout", "within" before "N hours that have passed": a span
_THAI_SPAN = re.compile(r"(?:ใน|ช่วง|ตลอด|ภายใน|รอบ)\s*$")


def _relative(text: str, now_local: datetime, start: int, end: int
              ) -> Iterator[tuple[datetime, bool, int, int]]:
    for m in RELATIVE_RE.finditer(text, start, end):
        if m.group(1) is not None and text[m.start():m.start() + 6].split(None, 1)[0].lower() in (
                _BEFORE_OR_AGO) and not _PHRASE_END.match(text, m.end()):
            continue  # "prije 2 dana od izbora": two days before the elections
        if m.group(0).endswith("ที่ผ่านมา") and _THAI_SPAN.search(text, max(0, m.start() - 12),
                                                            m.start()):
            continue  # "ในช่วง 24 ชั่วโมงที่ผ่านมา": in the past 24 hours, a span of time
        num_text = (m.group(1) or m.group(3) or "").lower()
        unit_text = (m.group(2) or m.group(4) or "").lower()
        num = int(num_text) if num_text.isdigit() else 1
        unit = _REL_UNITS.get(unit_text)
        if m.group(5) is not None:
            num, unit = _WORD_COUNTS[m.group(5)]
        if unit is None or num > 400:
            continue
        if unit == "m":
            yield now_local - timedelta(minutes=num), True, m.start(), m.end()
        elif unit == "h":
            yield now_local - timedelta(hours=num), True, m.start(), m.end()
        elif unit == "d":
            yield now_local - timedelta(days=num), False, m.start(), m.end()
        else:
            yield now_local - timedelta(weeks=num), False, m.start(), m.end()


def find_relative(text: str, now_local: datetime, start: int = 0, end: int | None = None,
                  lang: str = "") -> Iterator[tuple[datetime, bool, int, int]]:
    """Relative dates ('2 hours ago', 'gestern, 23:40') -> (local datetime, has_time, start, end).

    A day word ('yesterday', 'heute') counts only with a time after it: alone it is too often
    a menu item or an ordinary word in another language ('hier' is French and German: it
    counts only on a page in French or in an unknown language, ``lang``). The time is a
    clock time, not the start of a date ('hier 12.03.2024' is no 12:03).
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)  # as finditer reads it (a slice would count a negative from the end)
    # on ASCII text two cheap tests rule the scans out (see _ASCII_RELATIVE)
    window = text[start:end + _CLOCK_AFTER]
    low = window.lower() if window.isascii() else None
    if low is None or _ASCII_RELATIVE.search(low, 0, end - start):
        yield from _relative(text, now_local, start, end)
    if low is not None and not any(_ASCII_DAY_END.search(low, max(0, c.start() - _DAY_END_CHARS),
                                                         c.start()) for c in _CLOCK.finditer(low)):
        return
    for m in DAY_WORD_RE.finditer(text, start, end):
        word = " ".join(m.group(1).lower().split())
        if lang not in _DAY_WORD_LANGS.get(word, (lang,)):
            continue
        base = now_local - timedelta(days=1) if word in _YESTERDAY else now_local
        t = _TIME_ONLY.match(text, m.end(), min(len(text), m.end() + 24))
        if t:
            hour, minute = to_24h(int(t.group(1)), t.group(3)), int(t.group(2))
            if _valid_time(hour, minute, None):
                value = base.replace(hour=hour, minute=minute, second=0, microsecond=0)
                yield value, True, m.start(), t.end()


def find_day_words(text: str, now_local: datetime, start: int, end: int, lang: str = ""
                   ) -> Iterator[tuple[date, int, int]]:
    """Day words with no clock after them ("вчера", "Yesterday") -> (day, start, end): the
    caller reads them only where a stamp element holds nothing else."""
    start, end = max(0, start), min(end, len(text))
    window = text[start:end]
    if window.isascii() and not _ASCII_DAY_WORD.search(window.lower()):
        return
    for m in DAY_WORD_RE.finditer(text, start, end):
        word = " ".join(m.group(1).lower().split())
        if lang not in _DAY_WORD_LANGS.get(word, (lang,)) or _TIME_ONLY.match(
                text, m.end(), min(len(text), m.end() + 24)):
            continue
        base = now_local - timedelta(days=1) if word in _YESTERDAY else now_local
        yield base.date(), m.start(), m.end()


def parse_machine(value: str, context: str = "", *, day_first: bool = True) -> Parsed | None:
    """A machine-readable timestamp (ISO 8601, RFC 822, '2021/07/22 16:25') -> Parsed.

    ``day_first``: the page's reading of an ambiguous numeric date ('01/10/2017': 1 October
    when True, 10 January when False); a dotted date is always day first."""
    return _parse_machine(normalize_digits(value.strip())[:80], context, day_first)


_BASIC_ISO = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)?(Z|[+-]\d\d:?\d\d)?")


# A page names its timestamp in several places (JSON-LD, meta, microdata, <time>): the same
# value is read two or three times a page. The result is immutable (a frozen Parsed).
@functools.lru_cache(maxsize=1024)
def _parse_machine(value: str, context: str, day_first: bool) -> Parsed | None:
    if not value:
        return None
    basic = _BASIC_ISO.fullmatch(value)
    if basic is not None:  # ISO 8601's basic format: RIA's "20231219T1435+0300"
        y, mo, d, h, mi, sec, zone = basic.groups()
        value = f"{y}-{mo}-{d}T{h}:{mi}" + (f":{sec}" if sec else "") + (
            "" if not zone else "Z" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}")
    m = ISO_RE.search(value)
    if m and m.start() < 4:
        return next(find_dates(value, context=context), None)
    if value.isdigit() and len(value) in (10, 13):  # epoch seconds / milliseconds
        try:
            stamp = datetime.fromtimestamp(int(value[:10]), tz=ZoneInfo("UTC"))
        except (OverflowError, OSError, ValueError):
            return None
        if not MIN_YEAR <= stamp.year <= MAX_YEAR:
            return None
        return Parsed(stamp.date(), stamp.hour, stamp.minute, stamp.second, 0, None, 0, len(value))
    if len(value) == 14 and value.isdigit() and value[:2] in ("19", "20"):
        # a compact stamp, "20240227183211" (Daum's og:regDate): ISO's basic form, all digits
        value = f"{value[:4]}-{value[4:6]}-{value[6:8]}T{value[8:10]}:{value[10:12]}:{value[12:]}"
        return next(find_dates(value, context=context), None)
    if len(value) == 8 and value.isdigit():
        day = _mkdate(int(value[:4]), int(value[4:6]), int(value[6:]))
        return Parsed(day, None, None, None, None, None, 0, 8) if day else None
    return next(find_dates(value, day_first=day_first, context=context), None)

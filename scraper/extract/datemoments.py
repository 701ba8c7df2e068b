"""How a decided moment is written (rule 5 of dates.py): which stamp's clock, offset and precision."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html

from .datecands import Cand, PageInfo
from .datepatterns import RELATIVE_RE
from .datesentences import switch_between
from .datewords import ZONE_ABBR
from .datezones import localize
from .model import DateValue, Precision

_EUROPE = frozenset({1, 2, 3})
# Whole-hour offsets east of UTC where a language's news is mostly written (standard and
# summer time); a language missing here (English, Spanish, Arabic...) may be anywhere.
_EAST_HOURS: dict[str, frozenset[int]] = {
    **dict.fromkeys(("de", "fr", "it", "nl", "pl", "cs", "sk", "hu", "ro", "hr", "sl", "sr",
                     "bs", "sv", "da", "no", "nb", "nn", "fi", "et", "lv", "lt", "el", "bg",
                     "uk", "be", "tr", "lb", "ca", "eu", "gl"), _EUROPE),
    "ja": frozenset({9}), "ko": frozenset({9}), "zh": frozenset({8}), "th": frozenset({7}),
    "vi": frozenset({7}), "id": frozenset({7, 8, 9}), "ms": frozenset({8}),
    "he": frozenset({2, 3}), "fa": frozenset({3, 4}), "ru": frozenset(range(2, 13)),
}
_EAST_HOURS_BY_TLD: dict[str, frozenset[int]] = {
    "au": frozenset({8, 9, 10, 11}), "nz": frozenset({12, 13}), "sg": frozenset({8}),
    "my": frozenset({8}), "ph": frozenset({8}), "hk": frozenset({8}), "jp": frozenset({9}),
    "kr": frozenset({9}), "cn": frozenset({8}), "tw": frozenset({8}), "id": frozenset({7, 8, 9}),
    "th": frozenset({7}), "vn": frozenset({7}), "fj": frozenset({12}),
}

# the offsets that are no whole hour, by a page's country code or language: India's and Sri
# Lanka's +05:30, Nepal's +05:45, Iran's +03:30, Myanmar's +06:30, Afghanistan's +04:30
_ODD_BY_TLD = {"in": 330, "lk": 330, "np": 345, "ir": 210, "mm": 390, "af": 270}
_ODD_BY_LANG = {**dict.fromkeys(("hi", "mr", "ta", "te", "ml", "kn", "gu", "pa", "or", "as", "si"),
                                330), "ne": 345, "fa": 210, "my": 390, "ps": 270}


def _plausible_offset(minutes: int, lang: str) -> bool:
    """An offset where the page's language is written (any, for a language not in the table)."""
    hours = _EAST_HOURS.get(lang)
    return hours is None or (minutes % 60 == 0 and minutes // 60 in hours)


def _eastern_midnight(stamp: Cand, day: date, lang: str = "", tld: str = "") -> bool:
    """A UTC stamp on a whole hour from 10:00 that is ``day``'s midnight east of UTC
    ("2021-11-04T23:00Z" for a page dated 5 November in Berlin), at an offset where the
    page's language is written: a date-only value that a CMS stored as its local midnight
    and printed in UTC. English is written on every side of UTC, mostly west of it: only
    the offsets of the country the address names (Australia's "2024-01-16T14:00Z" for 17
    January on a .com.au; on a .com, 14:00 UTC is a review's release time, 9 a.m. in New
    York, beside the product's release date of the 17th)."""
    if not (stamp.offset == 0 and stamp.has_time and stamp.when.hour >= 10
            and stamp.when.minute == 0 and stamp.when.second == 0
            and day == stamp.day + timedelta(days=1)):
        return False
    hours = _EAST_HOURS.get(lang) if lang != "en" else _EAST_HOURS_BY_TLD.get(tld, frozenset())
    return hours is None or 24 - stamp.when.hour in hours


def _local_midnight(stamp: Cand, day: date, page: PageInfo) -> bool:
    """The UTC stamp is ``day``'s midnight: in the profile zone when there is one, else in
    some zone east of UTC."""
    if page.zone is None:
        return _eastern_midnight(stamp, day, page.lang, page.tld)
    inst = stamp.instant()
    midnight = localize(datetime(day.year, day.month, day.day), page.zone)
    return inst is not None and midnight.astimezone(UTC) == inst


def _byline(cands: list[Cand]) -> Cand | None:
    """The page's own date-only byline: the strongest publish date near the headline, when
    it gives only a day."""
    near = [c for c in cands if c.family == "visible" and c.near and c.role != "modified"]
    top = max(near, key=lambda c: c.weight, default=None)
    return top if top is not None and not top.has_time else None


def _agree(a: Cand, b: Cand) -> bool:
    if a.day == b.day:
        return True
    ia, ib = a.instant(), b.instant()
    if ia is not None and ib is not None:
        return ia.date() == ib.date() or abs(ia - ib) < timedelta(minutes=1)
    if a.has_time and b.has_time:
        return abs(a.when - b.when) <= timedelta(hours=14)
    return False


def _same_clock(a: Cand, b: Cand) -> bool:
    return a.has_time and b.has_time and a.clock() == b.clock()


_ABBR = re.compile(r"\b[A-Z]{2,5}\b")
# where an abbreviation without a zone of its own is used for the local time, its season
# checked there: British pages print "GMT" all year round
_ABBR_HOME = {"GMT": "Europe/London"}


def _out_of_season(v: Cand, s: Cand) -> bool:
    """The visible time's zone abbreviation is out of season where it is used ("CST" in July,
    "GMT" in a British summer) while the structured stamp has that place's real offset: the
    label is loose and the stamp right (rule 5)."""
    for abbr in _ABBR.findall(v.raw):
        entry = ZONE_ABBR.get(abbr)
        home = _ABBR_HOME.get(abbr) or (entry[1] if entry else None)
        if entry is None or home is None or entry[0] != v.offset:
            continue
        real = _offset_of(ZoneInfo(home), s.when)
        if real != v.offset and real == s.offset:
            return True
    return False


def _in_site_time(stamp: Cand, page: PageInfo, cands: list[Cand]) -> Cand:
    """A UTC machine stamp on a site with a profile zone, written in the site's own time; not
    a UTC midnight (a day stored as a midnight), nor a stamp whose day the byline shows when the
    site's time would move it to another day."""
    instant = stamp.instant()
    if page.zone is None or instant is None or stamp.when.time() == time(0):
        return stamp
    local = instant.astimezone(page.zone)
    byline = _byline(cands)
    if local.date() != stamp.day and byline is not None and byline.day == stamp.day:
        return stamp
    shift = local.utcoffset()
    return replace(stamp, when=local.replace(tzinfo=None), zone=page.zone_name,
                   offset=int(shift.total_seconds() // 60) if shift else 0)


def _in_offset_of(relative: Cand, other: Cand) -> Cand:
    """A relative stamp ("Updated 3 hours ago"), an instant counted back from the fetch in UTC,
    written in the offset (or zone) of the page's other stamp ("6:05 PM EDT")."""
    if relative.offset != 0 or not other.offset or not RELATIVE_RE.match(relative.raw):
        return relative
    instant = relative.when.replace(tzinfo=UTC)
    if other.zone:
        local = instant.astimezone(ZoneInfo(other.zone))
        shift = local.utcoffset()
        offset = int(shift.total_seconds() // 60) if shift is not None else other.offset
    else:
        offset = other.offset
        local = instant + timedelta(minutes=offset)
    return replace(relative, when=local.replace(tzinfo=None), offset=offset, zone=other.zone)


_STATED_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})\s*$")  # a machine stamp's own zone


def _in_zone_of(stamp: Cand, other: Cand, cands: list[Cand]) -> Cand:
    """A zone-less visible update stamp ("Updated 8:30pm") on a page whose visible publish
    stamp has a zone ("7:12pm AEDT", or one its machine stamp implies), or whose publish
    stamp with an offset the page shows as its zone-less clock: the page's clocks are in one
    zone; so are a zone-less structured update's and publication's of one source when the
    byline's zone placed the publication. With the zone's name the offset is the zone's on
    the update's day; with an offset alone only within a day of the publication (a
    daylight-saving switch between them would make it wrong)."""
    if (stamp.offset is not None or not stamp.has_time or other.offset is None
            or not other.has_time):
        return stamp
    if stamp.family == "struct":
        # a zone-less structured update beside a zone-less structured publication of the same
        # source that the byline's zone placed (Suara's JSON-LD "2024-08-17T08:35:12" and
        # "…T11:02:40" under "08:35 WIB"): the same source's clocks are in one zone
        if other.family != "struct" or other.source != stamp.source or _STATED_OFFSET.search(
                other.raw):
            return stamp
    elif stamp.family != "visible":
        return stamp
    elif other.source != "text" and not any(
            c.family == "visible" and c.offset is None and _same_clock(c, other) for c in cands):
        return stamp  # (a <time>'s UTC beside a local byline says nothing of the page's clocks)
    if other.zone:
        try:
            zone = ZoneInfo(other.zone)
        except (ValueError, ZoneInfoNotFoundError):
            return stamp
        return replace(stamp, offset=_offset_of(zone, stamp.when), zone=other.zone)
    if timedelta(0) <= stamp.when - other.when <= timedelta(days=1) and not switch_between(
            other, stamp.when - timedelta(minutes=other.offset)):
        return replace(stamp, offset=other.offset)
    return stamp


def _offset_of(zone: ZoneInfo, when: datetime) -> int:
    aware = localize(when, zone)
    off = aware.utcoffset()
    return int(off.total_seconds() // 60) if off is not None else 0


def _same_instant(a: Cand, b: Cand) -> bool:
    ia, ib = a.instant(), b.instant()
    return ia is not None and ib is not None and abs(ia - ib) < timedelta(minutes=1)


def _same_moment(a: Cand, b: Cand, odd: int | None = None) -> bool:
    """Two timed candidates naming one moment: same instant, same wall clock, or a zone-less
    wall clock that differs from the other's UTC instant by a plausible offset (``odd``: the
    page's own offset that is no whole hour, India's +05:30, believed without seconds)."""
    if not (a.has_time and b.has_time):
        return False
    if _same_clock(a, b):
        return True
    ia, ib = a.instant(), b.instant()
    if ia is not None and ib is not None:
        return abs(ia - ib) < timedelta(minutes=1)
    if ia is None and ib is None:
        return False
    naive, inst = (a, ib) if ia is None else (b, ia)
    other = b if ia is None else a
    assert inst is not None
    exact = naive.has_seconds and other.has_seconds
    if exact and naive.when.second != other.when.second:
        return False
    diff = naive.when.replace(second=0) - inst.replace(tzinfo=None, second=0)
    minutes = int(diff.total_seconds() // 60)
    step = 15 if exact else 60  # a :30/:45 zone needs matching seconds to be believed
    return (minutes % step == 0 or minutes == odd) and abs(minutes) <= 14 * 60


_AMBIGUOUS_ZONE = re.compile(r"\b(?:IST|BST|CST|AST|ADT|GST|SST)\b")
# the places each of those abbreviations names (each read with its offset of the day)
_ZONE_READINGS: dict[str, tuple[ZoneInfo, ...]] = {
    abbr: tuple(ZoneInfo(name) for name in names) for abbr, names in {
        "IST": ("Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"),
        "BST": ("Europe/London", "Asia/Dhaka"),
        "CST": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
        "AST": ("America/Halifax", "Asia/Riyadh"), "ADT": ("America/Halifax",),
        "GST": ("Asia/Dubai",), "SST": ("Pacific/Pago_Pago", "Asia/Singapore"),
    }.items()}

_NUMERIC_DAY = re.compile(r"\s*(\d{1,2})([./-])(\d{1,2})\2\d{2,4}(?!\d)")


def _another_moment(stamp: Cand, byline: Cand) -> bool:
    a, b = stamp.instant(), byline.instant()
    if a is None or b is None:
        return False
    minutes = abs(int((a.replace(second=0) - b.replace(second=0)).total_seconds() // 60))
    return minutes >= 60 and minutes % 60 != 0


def _whole_hours_apart(a: Cand, b: Cand) -> bool:
    minutes = int((a.when.replace(second=0) - b.when.replace(second=0)).total_seconds() // 60)
    return minutes != 0 and minutes % 60 == 0 and abs(minutes) <= 14 * 60


def _same_stamp(modified: Cand, published: Cand) -> bool:
    """The update stamp names the publish moment. Two clocks of the page's own text are in
    one zone: when only one of them says which, the same wall clock is the same moment (a
    zone-less "Updated 26 March, 11:00" is no "25 March, 22:00 GMT" 13 hours before)."""
    if modified.source == published.source == "text" and (
            (modified.offset is None) != (published.offset is None)) and (
            modified.when >= published.when):
        return _same_clock(modified, published)
    return _same_moment(modified, published)  # (an update clock before the publish clock is


    # the same moment in another zone: "18:05 Uhr" and "Zuletzt aktualisiert: 17:05 UTC")


_SOURCE_RANK = {"jsonld": 3, "meta": 2, "microdata": 1}


def _strength(c: Cand) -> tuple[float, int]:
    """Weight, then JSON-LD over meta over microdata: ties never depend on page order."""
    return c.weight, _SOURCE_RANK.get(c.source, 0)


def _local_view(s: Cand, timed: list[Cand], odd: int | None) -> Cand | None:
    """Rule 5: a UTC stamp whose calendar day differs from the page's own local view of that
    instant, written as that view (the day is the publisher's); None when there is none."""
    s_inst = s.instant()
    if s_inst is None:
        return None
    for v in sorted(timed, key=lambda c: -c.weight):
        if v.day == s.day or v.family == "url":
            continue
        inst = v.instant()
        if v.offset and inst is not None and abs(inst - s_inst) < timedelta(minutes=1):
            return replace(s, when=s.when + timedelta(minutes=v.offset),
                           offset=v.offset, zone=v.zone)
        if v.offset is None and v.family == "visible" and v.near and _same_moment(v, s, odd):
            shift = v.when.replace(second=0) - s.when.replace(second=0)
            minutes = int(shift.total_seconds() // 60)
            return replace(s, when=s.when + shift, offset=minutes, zone=None)
    return None


def _stamp_of_relative(winner: Cand, cands: list[Cand], fetched: datetime, role: str) -> Cand:
    """A byline's "4 hours ago" counted back from the fetch is a moment within the hour before
    that count: a machine stamp in that hour (an app state's, a feed's) is the same moment,
    to the minute. (Under an hour ago, minutes are counted: nothing to refine.)"""
    counted = winner.instant()
    if counted is None or fetched - counted < timedelta(hours=1):
        return winner
    stamps = [c for c in cands if c.family in ("struct", "script", "hint") and c.has_time
              and c.role in (role, "any") and (inst := c.instant()) is not None
              and timedelta(0) <= counted - inst < timedelta(hours=1)]
    return max(stamps, key=_strength) if stamps else winner


def _represent(winner: Cand, cands: list[Cand], page: PageInfo, role: str) -> Cand:
    """The most precise consistent representation of the winning moment (rule 5)."""
    if winner.relative and winner.has_time and page.fetched is not None:
        winner = _stamp_of_relative(winner, cands, page.fetched, role)
    anchors = [c for c in cands if c.family == "struct" and c.role == role
               and c.has_time and _agree(c, winner)]
    if (winner.source == "text" and winner.role == "published" and winner.has_time
            and winner.offset is not None and not _AMBIGUOUS_ZONE.search(winner.raw)):
        # a byline labelled as the publication that states its zone names its own moment: a
        # structured stamp an hour or more from it, and not a whole number of hours (a zone
        # written wrong), is another moment (a CMS's creation time), not its better writing.
        # (Not an unlabelled byline, which may show the last edit or an event's time; not an
        # abbreviation with readings hours apart: IST is India's, Israel's or Ireland's.)
        anchors = [c for c in anchors if not _another_moment(c, winner)]
    if anchors:
        winner = max(anchors, key=_strength)
    if winner.family == "struct" and winner.has_time and winner.offset and (
            winner.when.time() == time(0)):
        # rule 5: a local midnight beside a byline of that day with a time is a day a CMS
        # stored as its midnight: the byline's time, in the stamp's offset (beside a byline of
        # the day alone the stamp is kept, as the publisher wrote it)
        near = [c for c in cands if c.family == "visible" and c.near and c.role != "modified"
                and c.day == winner.day]
        top = max(near, key=lambda c: c.weight, default=None)
        if top is not None and top.has_time and top.when.time() != time(0):
            if top.offset is not None:
                return top
            # (the profile zone's offset at that time: a day of a daylight-saving switch)
            return replace(top, offset=_offset_of(page.zone, top.when) if page.zone else (
                winner.offset))
    odd = _ODD_BY_TLD.get(page.tld) or _ODD_BY_LANG.get(page.lang)
    consistent = [
        c for c in cands
        if c is winner
        or (winner.has_time and _same_moment(winner, c, odd))
        # (not an entry of a list of other things that shows other days too: a forum box's
        # "Dernier message le 05/09/2023 à 22:14" further down)
        or (not winner.has_time and c.day == winner.day and not (
            c.family == "visible" and c.source == "text" and c.group and any(
                o.group == c.group and (o.day != c.day or (
                    # (or other clocks of that day: a box of posts or of other stories,
                    # "12.03.09 09:41", "12.03.09 10:15" in a sidebar's "span.klein")
                    o.has_time and c.has_time and o.when != c.when)) for o in cands)) and not (
            c.family == "visible" and (c.inside or c.other)))
        # (nor a sentence's time of that day: "will host a conference call today, June 4,
        # 2024, at 1:30 p.m. Pacific Time", nor an embargo line's "EMBARGOED UNTIL 00:01 GMT
        # 13 March 2024")
    ]
    timed = [c for c in consistent if c.has_time]
    if not timed:
        return winner
    struct_off = [c for c in timed if c.family == "struct" and c.offset is not None]
    vis_off = [c for c in timed if c.family == "visible" and c.offset is not None]
    vis_naive = [c for c in timed if c.family == "visible" and c.offset is None]
    if struct_off:
        s = max(struct_off, key=_strength)
        for v in sorted(vis_off, key=lambda c: -c.weight):
            if _same_clock(s, v) and v.offset != s.offset and v.source == "text" and not (
                    _out_of_season(v, s)):
                return v
            if s.offset and v.offset and v.offset != s.offset and v.source == "text" and v.near and (
                    v.role in ("any", role)) and _same_instant(s, v) and not (
                    _AMBIGUOUS_ZONE.search(v.raw) or v.relative):
                # the same instant in the CMS's own zone (Madrid's +01:00 for El País's Mexico
                # edition): the byline's zone is the publisher's (a UTC stamp stays as written;
                # "13 hours ago", counted back from the fetch in UTC, states no zone; nor does a
                # byline's "Update: 05:07 GMT" beside a stamp in the site's own +05:30)
                return v
        if page.zone is not None:
            for v in vis_naive:
                if _same_clock(s, v) and _offset_of(page.zone, s.when) != s.offset:
                    return replace(v, offset=None, zone=None)
        s_inst = s.instant()
        if s.offset == 0 and s_inst is not None:
            byline = _byline(cands)  # rule 5: a local midnight in UTC beside the byline's day
            if byline is not None and _local_midnight(s, byline.day, page):
                return byline
            if page.zone is not None:
                return _in_site_time(s, page, cands)
            return _local_view(s, timed, odd) or s
        return s
    if vis_off:
        v = max(vis_off, key=lambda c: c.weight)
        # the same minute in the same offset, to the second: a <time>'s own datetime
        finer = [c for c in vis_off if c.has_seconds and c.offset == v.offset
                 and _same_clock(c, v)]
        if finer and not v.has_seconds:
            v = max(finer, key=lambda c: c.weight)
        if not v.has_seconds:
            # ... or a zone-less structured stamp of that wall clock, to the second: its value in
            # the zone the byline states (Kompas's "2024-02-14 21:34:56" beside "21:34 WIB")
            naive_finer = [c for c in timed if c.family == "struct" and c.offset is None
                           and c.has_seconds and _same_clock(c, v) and c.role in (role, "any")]
            if naive_finer:
                return replace(max(naive_finer, key=lambda c: c.weight), offset=v.offset,
                               zone=v.zone)
        if v.source == "time" and v.offset == 0:
            # a <time>'s UTC datetime: in the site's zone, or as the clock it prints shows it
            # when that falls on another day ('<time datetime="2024-04-13T23:15:00.000Z">
            # 14.04.24 | 02:15</time>')
            return _in_site_time(v, page, cands) if page.zone is not None else (
                _local_view(v, timed, odd) or v)
        return v
    hint_off = [c for c in timed if c.family in ("hint", "script") and c.offset is not None]
    if hint_off:
        h = max(hint_off, key=lambda c: c.weight)
        h_inst = h.instant()
        for v in vis_naive:
            if h_inst is None or not _same_moment(v, h):
                continue
            if page.zone is None:
                # the byline's wall clock, with the offset the feed's instant implies
                shift = v.when.replace(second=0) - h_inst.replace(tzinfo=None, second=0)
                minutes = int(shift.total_seconds() // 60)
                if h.family == "script" and (h.when.time() == time(0) or not _plausible_offset(
                        minutes, page.lang)):
                    continue  # a page script's day stored as midnight, or its local time
                    # marked "Z" (+00:00 on a German page)
                return replace(v, offset=minutes, zone=None)
            if localize(v.when, page.zone).astimezone(UTC).replace(second=0) == h_inst.replace(
                    second=0):
                return v  # the page's own time, read in the profile zone, agrees with the feed
        if h.family == "hint":
            return h
    naive = max(timed, key=lambda c: (c.family == "struct", c.weight))
    finer = [c for c in timed if c.has_seconds and c.offset is None and _same_clock(c, naive)]
    if finer and not naive.has_seconds:  # the same minute, to the second: a stamp's own value
        naive = max(finer, key=lambda c: c.weight)
    if naive.source == "time":
        # a zone-less <time datetime> a whole number of hours off the clock printed beside it
        # was UTC: the printed clock is the page's own ('<time datetime="2024-03-23 16:58:00">
        # 23. März 2024, 17:58 Uhr')
        for v in cands:
            if (v.source == "text" and v.offset is None and v.has_time and v.near
                    and v.group == naive.group and v.role != "modified"
                    and _whole_hours_apart(v, naive)):  # (the <time>'s own text)
                return v
    if naive.family == "struct" and page.zone is not None:
        # rule 5: a zone-less structured time equal to the byline's time in UTC was UTC
        for v in cands:
            if v.family == "visible" and v.has_time and v.offset is None and v.near:
                local = localize(v.when, page.zone)
                utc = local.astimezone(UTC).replace(tzinfo=None)
                if utc.replace(second=0) == naive.when.replace(second=0) and v.when != naive.when:
                    return v
    return naive


MAX_PERMALINKS = 1000  # links read for a permalink's clock
_BARE_CLOCK = re.compile(r"\s*(\d{1,2}):(\d{2})\s*(?:([AaPp])\.?\s*[Mm]\.?)?\s*")


def _with_permalink_clock(tree: lxml.html.HtmlElement, url: str, pub: Cand) -> Cand:
    """A day written in the text, with the clock that a link to the page itself prints:
    Blogger's classic templates head a post with its day ("<h2 class=date-header>Monday,
    November 19, 2007") and sign it "posted by … at <a href=(the post)>9:48 AM</a>"."""
    try:
        here = urlsplit(url)
    except ValueError:
        return pub
    for link in itertools.islice(tree.iter("a"), MAX_PERMALINKS):
        clock = _BARE_CLOCK.fullmatch(link.text_content() or "")
        if clock is None or len(link):
            continue
        try:
            there = urlsplit(link.get("href") or "")
        except ValueError:
            continue
        if there.path != here.path or not here.path.strip("/") or there.query or there.fragment or (
                there.netloc and there.netloc.removeprefix("www.") != here.netloc.removeprefix("www.")):
            continue  # (nor a comment's link: "…html?showComment=1381172401460#c42…">21:00</a>")
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if clock.group(3):
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if clock.group(3) in "Pp" else 0)
        if hour > 23 or minute > 59:
            continue
        return replace(pub, when=datetime.combine(pub.when.date(), time(hour, minute)),
                       has_time=True, raw=f"{pub.raw} {clock.group().strip()}")
    return pub


def _value(c: Cand, page: PageInfo) -> DateValue:
    if not c.has_time:
        return DateValue(c.day.isoformat(), None, None, None, "date", c.source, c.raw)
    when, offset, zone = c.when, c.offset, c.zone
    if offset is None and page.zone is not None:
        aware = localize(when, page.zone)
        when = aware.replace(tzinfo=None)
        offset = _offset_of(page.zone, c.when)
        zone = page.zone_name
    elif offset is not None and zone is None and page.zone is not None:
        inst = (when - timedelta(minutes=offset)).replace(tzinfo=UTC)
        real = inst.astimezone(page.zone).utcoffset()
        if real is not None and int(real.total_seconds() // 60) == offset:
            zone = page.zone_name
    precision: Precision = "second" if c.has_seconds else "minute"
    local = when.replace(microsecond=0).isoformat()
    if offset is None:
        return DateValue(local, None, None, None, precision, c.source, c.raw)
    sign = "-" if offset < 0 else "+"
    off_text = f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    utc = (when - timedelta(minutes=offset)).replace(microsecond=0)
    return DateValue(local + off_text, utc.isoformat() + "Z", off_text, zone, precision,
                     c.source, c.raw)

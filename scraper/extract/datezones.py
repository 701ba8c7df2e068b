"""Zones: offsets, abbreviations read in context, profile zones, and local times made aware."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from .datepatterns import _ZONE_AFTER
from .datewords import _BST_ALT, _CANADIAN_FRENCH, _CST_ALT, _IST_ALT, _ZONE_NAMES, ZONE_ABBR


def parse_offset(text: str) -> int | None:
    """'+04:00', '+0400', '-05', 'Z' -> minutes east of UTC."""
    text = text.strip().replace("−", "-")
    if text in ("Z", "z"):
        return 0
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?|([+-])(\d):(\d{2})", text)
    if m and m.group(4):  # "+5:30"
        value = int(m.group(5)) * 60 + int(m.group(6))
        return -value if m.group(4) == "-" else value
    if not m:
        return None
    value = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return None if value > 14 * 60 else (-value if m.group(1) == "-" else value)


def abbr_zone(abbr: str, day: date, context: str) -> tuple[int, str | None] | None:
    """Offset and zone of an abbreviation on a day; ``context`` is 'lang tld' of the page."""
    entry = _ZONE_NAMES.get(abbr) or ZONE_ABBR.get(abbr.upper())
    if entry is None or (abbr.upper() in _CANADIAN_FRENCH and "ca" not in context.split()):
        return None  # (HAC is Le Havre's football club in France)
    offset, zone, generic = entry
    keys = context.split()
    if generic:
        for key in keys:  # "MT" on an Arizona site: the profile's zone of that standard time
            if "/" in key and (standard := _same_standard(key, offset, day)) is not None:
                return standard
            if "/" in key and abbr.upper() in ("AT", "NT"):
                return None  # a site of another zone: "NT" is its territory (Yellowknife's)
    for table, name in ((_IST_ALT, "IST"), (_CST_ALT, "CST"), (_BST_ALT, "BST")):
        if abbr.upper() == name:
            for key in keys:
                if key in table:
                    offset, zone = table[key]
                    generic = False
    for key in keys:
        if "/" in key:  # the site profile's zone names its own abbreviations: Israel's "IST"
            own = _profile_abbr(key, abbr.upper(), day)
            if own is not None:
                return own
    if zone is not None:
        real = ZoneInfo(zone).utcoffset(datetime(day.year, day.month, day.day, 12))
        real_min = int(real.total_seconds() // 60) if real is not None else offset
        if generic:
            offset = real_min
        elif real_min != offset:
            zone = None  # "EST" written in July: keep the stated offset, drop the zone
    return offset, zone


@functools.lru_cache(maxsize=256)
def _same_standard(name: str, offset: int, day: date) -> tuple[int, str] | None:
    """The offset of the zone ``name`` on ``day`` and its name, if its standard time (the
    lesser of its January and July offsets) is ``offset``."""
    try:
        zone = ZoneInfo(name)
    except (ValueError, OSError):
        return None
    offsets = [zone.utcoffset(datetime(day.year, month, 15, 12)) for month in (1, 7)]
    if min(int(o.total_seconds() // 60) for o in offsets if o is not None) != offset:
        return None
    real = zone.utcoffset(datetime(day.year, day.month, day.day, 12))
    return (int(real.total_seconds() // 60), name) if real is not None else None


@functools.lru_cache(maxsize=256)
def _profile_abbr(name: str, abbr: str, day: date) -> tuple[int, str | None] | None:
    """Offset and zone of an abbreviation that the zone ``name`` uses: on ``day`` (the zone),
    or in the other season (its offset then, without the zone: "IST" written in an Israeli
    summer)."""
    try:
        zone = ZoneInfo(name)
    except (ValueError, OSError):
        return None
    for when, own in ((datetime(day.year, day.month, day.day, 12), True),
                      (datetime(day.year, 1, 15, 12), False), (datetime(day.year, 7, 15, 12), False)):
        if zone.tzname(when) == abbr:
            real = zone.utcoffset(when)
            if real is not None:
                return int(real.total_seconds() // 60), name if own else None
    return None


def _zone_at(text: str, pos: int, day: date, context: str) -> tuple[int | None, str | None, int]:
    m = _ZONE_AFTER.match(text, pos)
    if not m:
        uk = _UK_TIME.match(text, pos)
        if uk:  # Sky's "22:49, UK": the UK's own time, GMT or BST by the day
            real = ZoneInfo("Europe/London").utcoffset(datetime(day.year, day.month, day.day, 12))
            if real is not None:
                return int(real.total_seconds() // 60), "Europe/London", uk.end()
        return None, None, pos
    if m.group(1):
        sign = -1 if m.group(2) in "-−–" else 1
        hours = int(m.group(3))
        if hours > 14:
            return None, None, pos
        return sign * (hours * 60 + int(m.group(4) or 0)), None, m.end()
    if m.group(5):
        off = parse_offset(f"{m.group(5)}{m.group(6)}:{m.group(7)}")
        return (off, None, m.end()) if off is not None else (None, None, pos)
    abbr = m.group(8)
    if abbr == "Z":
        return 0, None, m.end()
    if abbr in _WORD_ZONES and ("\n" in m.group(0) or not _ZONE_END.match(text, m.end())):
        return None, None, pos  # "6:05 p.m.\nAT THE LEGISLATURE", "18:05 PET bottles …": a
        # kicker's or a sentence's first word, not a zone
    found = abbr_zone(abbr, day, context)
    if found is None:
        return None, None, pos
    return found[0], found[1], m.end()


# zone abbreviations that are words too: read only where the phrase ends after them
_WORD_ZONES = frozenset({"AT", "NT", "PET", "VET", "BOT", "ECT", "COT", "PYT"})
_ZONE_END = re.compile(r"\s*(?:$|[,.;:|)\]·•/–—-]|\s\d)")
_UK_TIME = re.compile(r",?\s*UK(?:\s+time(?![\w+-])|(?=\s*(?:$|[\n|,.;)\]·•])))")  # (not "UK officials")


def localize(naive: datetime, zone: tzinfo) -> datetime:
    """Wall-clock time in a zone: ambiguous -> first occurrence, gap -> read with the old offset."""
    aware = naive.replace(tzinfo=zone, fold=0)
    return aware.astimezone(ZoneInfo("UTC")).astimezone(zone)

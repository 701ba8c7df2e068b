"""A page's date candidates, and what is known of the page: its language, day order and zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html

from .datetext import Parsed, numeric_order_votes
from .model import DateSource

_URL_LOCALE = re.compile(r"^/([a-z]{2})[-_]([a-z]{2})(?:/|$)", re.IGNORECASE)
_COMMONWEALTH = {"uk", "au", "nz", "ie", "in", "za", "ng", "ke", "pk", "sg", "my", "gh", "ug",
                 "tz", "zw", "na", "ls", "bw", "lk", "bd", "mt", "cy", "jm", "hk", "eu",
                 # the Crown dependencies and Gibraltar, and smaller Commonwealth countries
                 "im", "je", "gg", "gi", "fj", "tt", "bb", "bs", "zm", "mw", "rw", "sl", "gm", "mu",
                 "pg", "gy", "sc", "sz"}
_WORDS_EN = re.compile(r"\b(the|and|of|to|in|is|that|for)\b")
_SCRIPTS = [(re.compile(p), code) for p, code in (
    (r"[\uac00-\ud7a3]", "ko"), (r"[\u3040-\u30ff]", "ja"), (r"[\u4e00-\u9fff]", "zh"),
    (r"[\u0400-\u04ff]", "ru"), (r"[\u0600-\u06ff]", "ar"), (r"[\u0590-\u05ff]", "he"))]


@dataclass
class Cand:
    """One date found somewhere on the page."""

    when: datetime  # wall clock, naive; midnight when only the day is known
    has_time: bool
    has_seconds: bool
    offset: int | None  # minutes east of UTC
    zone: str | None
    role: str  # "published" | "modified" | "any"
    source: DateSource
    family: str  # "struct" | "visible" | "url" | "hint"
    weight: float
    raw: str
    pos: int = -1  # text position for visible dates
    near: bool = False  # in the headline/byline area
    group: str = ""  # tag and classes of the element holding a visible date (list entries)
    inside: bool = False  # a visible date inside a sentence of running prose
    unlabelled: bool = False  # a day without a year, read as its date element's text alone
    dateline: bool = False  # a press release's dateline opening its text (weighed as is)
    then_updated: bool = False  # an update label follows it ("January 19, 2020 / 12:25 PM /
    # Updated 8 hours ago")
    relative: bool = False  # counted from the fetch ("3 hours ago"): its offset is the fetch's
    footer: bool = False  # a footer's "Last updated" line: it only dates a page with no other
    other: bool = False  # another thing's date by its label: a judgment's ("Urteil vom …"), an
    # embargo's lift ("EMBARGOED UNTIL 00:01 GMT 13 March 2024"): never the page's clock

    @property
    def day(self) -> date:
        return self.when.date()

    def instant(self) -> datetime | None:
        if self.offset is None or not self.has_time:
            return None
        return (self.when - timedelta(minutes=self.offset)).replace(tzinfo=UTC)

    def clock(self) -> tuple[date, int, int]:
        return self.day, self.when.hour, self.when.minute


@dataclass
class PageInfo:
    """What the page tells about how to read its dates."""

    context: str  # "lang tld" (and the profile zone) for zone abbreviations
    day_first: bool
    zone: ZoneInfo | None
    zone_name: str | None
    fetched: datetime | None  # aware UTC
    now_local: datetime | None  # fetched_at as a wall clock in the site's zone (naive)
    lang: str = ""
    tld: str = ""
    url: str = ""  # the page's own address (a teaser linking to it carries its date)
    url_year: int | None = None  # the year of the day in the URL: a date without one is of it
    article: bool = False  # the page declares itself one article (og:type, JSON-LD type)



def zoneinfo(name: str | None) -> ZoneInfo | None:
    """The IANA zone of that name, or None when it is missing or unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _cand(parsed: Parsed, *, role: str, source: DateSource, family: str, weight: float,
          raw: str, pos: int = -1) -> Cand:
    has_time = parsed.hour is not None
    when = datetime(parsed.day.year, parsed.day.month, parsed.day.day,
                    parsed.hour or 0, parsed.minute or 0, parsed.second or 0)
    offset = parsed.offset if has_time else None
    return Cand(when, has_time, parsed.second is not None, offset, parsed.zone if has_time
                else None, role, source, family, weight, raw.strip()[:200], pos)


def _guess_language(sample: str) -> str | None:
    for pattern, code in _SCRIPTS:
        if len(pattern.findall(sample)) > 20:
            return code
    return "en" if len(_WORDS_EN.findall(sample.lower())) > 15 else None


_MONTH_FIRST_ZONES = ("America/", "US/", "Canada/", "Asia/Manila", "Pacific/Honolulu",
                      "Pacific/Guam", "Pacific/Saipan", "Pacific/Pago_Pago", "Pacific/Majuro",
                      "Pacific/Kwajalein", "Pacific/Midway", "Pacific/Wake", "Pacific/Palau",
                      "Pacific/Chuuk", "Pacific/Pohnpei", "Pacific/Kosrae")
_NO_COUNTRY_ZONES = ("UTC", "Etc/", "GMT", "Universal", "Zulu")


def _default_day_first(lang: str, tld: str, timezone: str | None) -> bool:
    """English is month first in the Americas, the Philippines and on a .com without a
    profile zone that names another country; day first in the Commonwealth and under a
    profile zone of a day-first country (an Indian .com under Asia/Kolkata)."""
    zone = timezone or ""
    american = zone.startswith(_MONTH_FIRST_ZONES) or tld in {"us", "gov", "edu", "mil", "ph"}
    elsewhere = bool(zone) and not zone.startswith(_NO_COUNTRY_ZONES)
    return not (lang == "en" and (american or (not elsewhere and tld not in _COMMONWEALTH)))


def page_info(tree: lxml.html.HtmlElement, url: str, meta: dict[str, str],
              language: str | None, timezone: str | None,
              fetched_at: datetime | None) -> PageInfo:
    """How to read the page's dates: language/country context, day order, zone, fetch time."""
    host = (urlsplit(url).hostname or "") if url else ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    declared = tree.get("lang") or meta.get("og:locale") or meta.get("content-language") or ""
    lang = (language or declared.replace("_", "-").split("-")[0][:3]).lower()
    region = declared.replace("_", "-").lower()
    in_path = _URL_LOCALE.match(urlsplit(url).path if url else "")
    if in_path and "-" not in region:
        region = f"{in_path.group(1)}-{in_path.group(2)}".lower()
    if "-" in region and (not lang or region.split("-")[0] == lang):
        lang = lang or region.split("-")[0]
        declared_country = region.split("-")[1][:2].replace("gb", "uk")
        if not (declared_country == "us" and tld in _COUNTRY_TLDS):
            # (a CMS's default "en-US" on an Australian or a British site is no country)
            tld = declared_country or tld
    zone = zoneinfo(timezone)
    fetched = None
    now_local = None
    if fetched_at is not None:
        fetched = (fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC))
        fetched = fetched.astimezone(UTC)
        now_local = fetched.astimezone(zone).replace(tzinfo=None) if zone else fetched.replace(
            tzinfo=None)
    zone_name = timezone if zone else None
    return PageInfo(_context(lang, tld, zone_name), _default_day_first(lang, tld, timezone), zone,
                    zone_name, fetched, now_local, lang, tld, url or "")


# country domains that are no generic ones in disguise (.io, .co, .tv, .me, .fm, .ly ...)
_COUNTRY_TLDS = {"au", "uk", "nz", "ie", "in", "za", "ng", "ke", "pk", "sg", "my", "gh", "ph",
                 "ca", "de", "at", "ch", "fr", "be", "nl", "es", "pt", "it", "br", "ar", "mx",
                 "cl", "pe", "se", "no", "dk", "fi", "pl", "cz", "sk", "hu", "ro", "bg", "gr",
                 "tr", "ru", "ua", "il", "jp", "kr", "cn", "tw", "hk", "id", "th", "vn", "lk",
                 "bd", "np", "ae", "sa", "eg", "ma", "jm", "mt", "cy", "lu", "si", "hr", "rs",
                 "ee", "lv", "lt", "is"}


def _context(lang: str, tld: str, zone_name: str | None) -> str:
    """The page context the text parsers read: 'lang tld', and the profile's zone when given
    (whose own abbreviations it reads: "IST" on an Israeli site)."""
    return f"{lang} {tld} {zone_name}" if zone_name else f"{lang} {tld}"


def _settle_reading(page: PageInfo, full: str, numeric: list[re.Match[str]]) -> None:
    """Complete the page context from its visible text: language if unknown, day order
    (``numeric``: numeric_dates(full, digit_windows(full)))."""
    if not page.lang:
        page.lang = _guess_language(full[:3000]) or ""
        page.context = _context(page.lang, page.tld, page.zone_name)
        page.day_first = _default_day_first(page.lang, page.tld, page.zone_name)
    dmy, mdy = numeric_order_votes(full, numeric=numeric)
    if dmy != mdy:
        page.day_first = dmy > mdy

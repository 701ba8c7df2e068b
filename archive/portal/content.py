"""The demo portal's site model: config, a fixed article timeline, lazy articles and the truth."""

from __future__ import annotations

import hashlib
import json
import math
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from archive.portal import wire
from archive.portal.text import EnglishText, RussianText, body_paragraphs, generator, mix, slugify

SECTIONS = ("world", "politics", "business", "science", "culture", "sport")
TEMPLATES = ("atlas", "beacon", "courier")
# Wire-service bureaus of the "atlas" template print their own UTC offset (minutes).
ATLAS_OFFSETS = (240, 330, -300, 0, 60, 180, -180)
PER_PAGE = 20
SITEMAP_SIZE = 1000
FEED_SIZE = 50
NEWS_SITEMAP_SIZE = 100
HOME_SIZE = 30
LATEST_SIZE = 5
RELATED_SIZE = 4
# The edition-1 timeline: article 0 near START, article articles-1 near END (fixed, not "now").
START = datetime(2019, 1, 7, 7, 0, tzinfo=UTC)
END = datetime(2024, 6, 28, 17, 0, tzinfo=UTC)
COPYRIGHT_YEARS = "2019–2024"
# Articles served in a legacy charset (when the site has more than 7 articles).
ENCODED_ARTICLES = {3: "windows-1251", 7: "iso-8859-1"}
CHANGE_EVERY = 10  # edition 2 rewrites articles with id % CHANGE_EVERY == CHANGE_REMAINDER
CHANGE_REMAINDER = 5
COSMETIC_EVERY = 18  # edition 2 touches only a page note of 1 in 18 of the other old articles
FEED_UTM = "?utm_source=rss&utm_medium=feed"
DEAD_PATH = "/world/2023/01/01/this-story-was-removed.html"
ERROR_PATH = "/politics/server-error-story.html"
TRUNCATED_PATH = "/business/truncated-story.html"

_SPAN_MINUTES = int((END - START).total_seconds() // 60)


def offset_text(moment: datetime) -> str:
    """The UTC offset of an aware datetime as "+HH:MM"."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def iso(moment: datetime) -> str:
    """W3C/ISO 8601 with a colon offset, e.g. 2021-07-22T16:25:00+04:00."""
    return moment.isoformat(timespec="seconds")


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, e.g. 2021-07-22T12:25:00Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)
    return last - timedelta(days=(last.weekday() + 1) % 7)


@lru_cache(maxsize=1)
def author_pool() -> tuple[str, ...]:
    """The site's staff: 48 made-up names, the same for every seed."""
    english = generator("en")
    assert isinstance(english, EnglishText)
    rng = random.Random("demo-portal-staff")
    names: list[str] = []
    while len(names) < 48:
        name = english.person(rng)
        if name not in names:
            names.append(name)
    return tuple(names)


@dataclass(frozen=True)
class PortalConfig:
    """What the demo portal serves: size, seed, edition, name and the site's zone."""

    articles: int = 200
    seed: int = 1
    edition: int = 1  # 2 = a later state of the same site
    name: str = "Demo Gazette"
    timezone: str = "Europe/Berlin"  # IANA zone; pages that print only local time use it
    wire_share: float = 0.0  # fraction of articles that are copies of shared wire stories
    wire_seed: int = 0  # the wire pool: outlets with the same wire_seed share stories

    def __post_init__(self) -> None:
        if self.articles < 1:
            raise ValueError("articles must be at least 1")
        if not 0.0 <= self.wire_share <= 1.0:
            raise ValueError("wire_share must be between 0 and 1")
        if self.edition not in (1, 2):
            raise ValueError("edition must be 1 or 2")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {self.timezone!r}") from exc


@dataclass(frozen=True, slots=True)
class Stub:
    """The facts of article i that need no text: section, template, zone and times."""

    id: int
    section: str
    second_section: str | None
    template: str
    time_element: bool  # "courier" variant with <time datetime> in the byline
    encoding: str
    published: datetime  # aware, in the zone the page displays
    modified: datetime | None
    changed: bool  # rewritten in edition 2
    new: bool  # added in edition 2
    wire: int | None = None  # the wire story this article republishes
    wire_edits: tuple[str, ...] = ()  # the outlet's edits to the wire copy (wire.EDITS kinds)
    cosmetic: bool = False  # edition 2 changed only a page note (views, "Updated at")

    @property
    def language(self) -> str:
        """The text generator's language: "en", "latin1" or "ru"."""
        return {"windows-1251": "ru", "iso-8859-1": "latin1"}.get(self.encoding, "en")

    @property
    def sections(self) -> tuple[str, ...]:
        """Primary section, then the second one if any."""
        return (
            (self.section,) if self.second_section is None else (self.section, self.second_section)
        )


@dataclass(frozen=True, slots=True)
class Headline:
    """What listings need: the stub plus title, authors and URL paths."""

    stub: Stub
    title: str
    authors: tuple[str, ...]
    path: str  # the canonical (primary) path
    second_path: str | None

    @property
    def id(self) -> int:
        """The article id."""
        return self.stub.id

    def path_in(self, section: str) -> str:
        """The path under which `section` lists this article."""
        if section == self.stub.second_section and self.second_path is not None:
            return self.second_path
        return self.path


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment under an article."""

    author: str
    posted: datetime
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """A whole article: headline, paragraphs, comments and related ids."""

    head: Headline
    paragraphs: tuple[tuple[str, ...], ...]
    comments: tuple[Comment, ...]
    related: tuple[int, ...]

    @property
    def stub(self) -> Stub:
        """Shortcut to the stub."""
        return self.head.stub

    @property
    def texts(self) -> list[str]:
        """The paragraphs as strings."""
        return [" ".join(p) for p in self.paragraphs]

    @property
    def body(self) -> str:
        """Paragraphs joined by blank lines (the truth's body)."""
        return "\n\n".join(self.texts)


class Portal:
    """One site state: every article is derived lazily from (seed, id); nothing is precomputed."""

    def __init__(self, config: PortalConfig) -> None:
        self.config = config
        self.zone = ZoneInfo(config.timezone)
        self.new_count = max(1, config.articles // 20) if config.edition >= 2 else 0
        self.total = config.articles + self.new_count
        self._step = _SPAN_MINUTES / config.articles
        self._dst_slots = self._dst_targets()
        self._index: dict[str, list[int]] | None = None
        self._index_lock = threading.Lock()
        self.stub: Callable[[int], Stub] = lru_cache(maxsize=1 << 16)(self._make_stub)
        self.headline: Callable[[int], Headline] = lru_cache(maxsize=1 << 14)(self._make_headline)
        self.article: Callable[[int], Article] = lru_cache(maxsize=1024)(self._make_article)
        self.chunk_lastmod: Callable[[int], datetime] = lru_cache(maxsize=None)(self._chunk_lastmod)
        self.wire_of: Callable[[int], int | None] = lru_cache(maxsize=1 << 16)(self._wire_of)

    # -- timeline -------------------------------------------------------------------------

    def _slot(self, i: int) -> tuple[int, int]:
        return math.floor(i * self._step), math.floor((i + 1) * self._step)

    def _dst_targets(self) -> dict[int, datetime]:
        """Slots that get a time on a European DST switch day (the first target claims it)."""
        slots: dict[int, datetime] = {}
        for year in range(START.year, END.year + 2):
            for month in (3, 10):
                day = _last_sunday(year, month)
                switch = datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)
                for delta in (timedelta(minutes=90), timedelta(hours=11), timedelta(hours=-2)):
                    target = switch + delta
                    minute = int((target - START).total_seconds() // 60)
                    guess = int(minute // self._step)
                    for i in (guess - 1, guess, guess + 1):
                        lo, hi = self._slot(i)
                        if i >= 0 and lo <= minute < hi:
                            slots.setdefault(i, target)
        return slots

    def _unambiguous(self, moment: datetime) -> datetime:
        """Move a UTC instant past any repeated local hour of the site's zone."""
        for _ in range(24 * 60):
            local = moment.astimezone(self.zone)
            if local.replace(fold=1 - local.fold).utcoffset() == local.utcoffset():
                return moment
            moment += timedelta(minutes=1)
        return moment

    def published_utc(self, i: int) -> datetime:
        """Publication instant of article i (UTC, whole minutes, non-decreasing in i)."""
        target = self._dst_slots.get(i)
        if target is None:
            lo, hi = self._slot(i)
            w = self.wire_of(i)
            if w is None:
                minute = lo + mix(self.config.seed, i, 1) % max(1, hi - lo)
            else:  # a wire copy runs minutes to hours after the wire filed it, within the slot
                filed = wire.story_minute(self.config.wire_seed, w)
                minute = filed + wire.delay(self.config.seed, w, hi - filed)
            target = START + timedelta(minutes=minute)
        return self._unambiguous(target)

    def _wire_of(self, i: int) -> int | None:
        """The wire story article i republishes, if any (never a legacy-charset article)."""
        config = self.config
        if config.wire_share <= 0 or (config.articles > 7 and i in ENCODED_ARTICLES):
            return None
        lo, hi = self._slot(i)
        target = self._dst_slots.get(i)
        if target is not None:  # the copy keeps the DST-day time: a story filed shortly before
            hi = int((target - START).total_seconds() // 60) + 1
            lo = max(lo, hi - 1 - wire.MAX_DELAY)
        return wire.pick(config.wire_seed, config.seed, config.wire_share, lo, hi)

    def wire_filed(self, w: int) -> datetime:
        """When the wire filed story w (UTC)."""
        return START + timedelta(minutes=wire.story_minute(self.config.wire_seed, w))

    # -- per-article facts ------------------------------------------------------------------

    def sections_of(self, i: int) -> tuple[str, str | None]:
        """Primary and optional second section of article i (hash only, very cheap)."""
        seed = self.config.seed
        first = mix(seed, i, 5) % len(SECTIONS)
        if mix(seed, i, 6) % 10 != 0:
            return SECTIONS[first], None
        second = (first + 1 + mix(seed, i, 7) % (len(SECTIONS) - 1)) % len(SECTIONS)
        return SECTIONS[first], SECTIONS[second]

    def _make_stub(self, i: int) -> Stub:
        if not 0 <= i < self.total:
            raise IndexError(i)
        seed, articles = self.config.seed, self.config.articles
        section, second = self.sections_of(i)
        template = TEMPLATES[i] if i < len(TEMPLATES) else TEMPLATES[mix(seed, i, 8) % 3]
        zone: tzinfo = self.zone
        if template == "atlas":
            zone = timezone(
                timedelta(minutes=ATLAS_OFFSETS[mix(seed, i, 10) % len(ATLAS_OFFSETS)])
            )
        published = self.published_utc(i)
        modified: datetime | None = None
        if mix(seed, i, 2) % 5 == 0:
            modified = published + timedelta(minutes=25 + mix(seed, i, 3) % (3 * 1440))
        changed = self.config.edition >= 2 and i < articles and i % CHANGE_EVERY == CHANGE_REMAINDER
        if changed:
            later = timedelta(minutes=2 * 1440 + mix(seed, i, 4) % (40 * 1440))
            modified = (modified or published) + later
        if modified is not None:
            modified = self._unambiguous(modified).astimezone(zone)
        encoding = ENCODED_ARTICLES.get(i, "utf-8") if articles > 7 else "utf-8"
        w = self.wire_of(i)
        cosmetic = (
            self.config.edition >= 2
            and i < articles
            and not changed
            and mix(seed, i, 11) % COSMETIC_EVERY == 0
        )
        return Stub(
            id=i,
            section=section,
            second_section=second,
            template=template,
            time_element=template == "courier" and i > 2 and mix(seed, i, 9) % 2 == 1,
            encoding=encoding,
            published=published.astimezone(zone),
            modified=modified,
            changed=changed,
            new=i >= articles,
            wire=w,
            wire_edits=() if w is None else wire.edits(seed, w),
            cosmetic=cosmetic,
        )

    def _draw_headline(self, rng: random.Random, stub: Stub) -> Headline:
        gen = generator(stub.language)
        title = gen.title(rng)
        while stub.language != "en" and title.isascii():  # keep legacy-charset titles non-ASCII
            title = gen.title(rng)
        if stub.wire is not None:  # the wire's headline, or the outlet's own
            wire_title = wire.title(self.config.wire_seed, stub.wire)
            while "headline" in stub.wire_edits and title == wire_title:
                title = gen.title(rng)
            if "headline" not in stub.wire_edits:
                title = wire_title
        pool = author_pool()
        count = 1 + (rng.random() < 0.3) + (rng.random() < 0.25)
        authors: list[str] = []
        while len(authors) < count:
            name = pool[min(len(pool) - 1, int(rng.expovariate(1 / 12)))]
            if name not in authors:
                authors.append(name)
        slug = slugify(title)
        if stub.template == "atlas":  # wire copy: no date in the URL
            rest = f"/{slug}-{stub.id}"
        else:
            rest = f"/{stub.published:%Y/%m/%d}/{slug}-{stub.id}.html"
        second = None if stub.second_section is None else f"/{stub.second_section}{rest}"
        return Headline(stub, title, tuple(authors), f"/{stub.section}{rest}", second)

    def _make_headline(self, i: int) -> Headline:
        return self._draw_headline(random.Random(f"{self.config.seed}:{i}"), self.stub(i))

    def _make_article(self, i: int) -> Article:
        stub = self.stub(i)
        rng = random.Random(f"{self.config.seed}:{i}")
        head = self._draw_headline(rng, stub)
        gen = generator(stub.language)
        if stub.wire is not None:
            return self._wire_copy(i, rng, head)
        kind = rng.random()
        if kind < 0.15:
            words, paragraphs = rng.randint(110, 170), rng.randint(4, 5)
        elif kind < 0.75:
            words, paragraphs = rng.randint(280, 700), rng.randint(5, 9)
        else:
            words, paragraphs = rng.randint(800, 1300), rng.randint(9, 14)
        when = stub.published.date()
        seen: set[str] = set()
        body = body_paragraphs(gen, rng, words, paragraphs, when, seen)
        comments = self._comments(rng, gen, stub)
        if stub.changed:
            body = self._rewrite(i, body, gen, when, seen)
        return Article(head, tuple(tuple(p) for p in body), comments, self._related(i))

    def _wire_copy(self, i: int, rng: random.Random, head: Headline) -> Article:
        """The outlet's copy of a wire story: the filed text with the outlet's edits."""
        stub = head.stub
        assert stub.wire is not None
        gen = generator(stub.language)
        filed = self.wire_filed(stub.wire).date()
        story = wire.story(self.config.wire_seed, stub.wire, filed)
        body = [list(p) for p in story.paragraphs]
        seen = {sentence for p in body for sentence in p}
        if "trim_last" in stub.wire_edits:
            wire.trim_last(body)
        when = stub.published.date()
        if "intro" in stub.wire_edits:  # a short local line of the outlet's own
            body.insert(0, body_paragraphs(gen, rng, 14, 1, when, seen)[0])
        comments = self._comments(rng, gen, stub)
        if stub.changed:
            body = self._rewrite(i, body, gen, when, seen)
        return Article(head, tuple(tuple(p) for p in body), comments, self._related(i))

    def _comments(
        self, rng: random.Random, gen: EnglishText | RussianText, stub: Stub
    ) -> tuple[Comment, ...]:
        english = generator("en")
        assert isinstance(english, EnglishText)
        posted = stub.published
        comments = []
        for _ in range(rng.randint(2, 4)):
            posted += timedelta(minutes=rng.randint(7, 900))
            author = f"{english.first_names.pick(rng)} {english.surnames.pick(rng)[0]}."
            comments.append(Comment(author, posted, gen.comment(rng)))
        return tuple(comments)

    def _rewrite(
        self,
        i: int,
        body: list[list[str]],
        gen: EnglishText | RussianText,
        when: date,
        seen: set[str],
    ) -> list[list[str]]:
        """Edition 2: rewrite one middle paragraph and add one before the last."""
        rng = random.Random(f"{self.config.seed}:{i}:edition2")
        index = rng.randint(1, len(body) - 2)
        words = 14 * max(2, len(body[index]))
        body = list(body)
        body[index] = body_paragraphs(gen, rng, words, 1, when, seen)[0]
        body.insert(
            len(body) - 1, body_paragraphs(gen, rng, 14 * rng.randint(2, 4), 1, when, seen)[0]
        )
        return body

    def _related(self, i: int) -> tuple[int, ...]:
        """Up to four other articles, newer ones (higher ids) when they exist."""
        rng = random.Random(f"{self.config.seed}:{i}:related")
        newer = range(i + 1, min(i + 40, self.total))
        if len(newer) >= RELATED_SIZE:
            return tuple(sorted(rng.sample(newer, RELATED_SIZE), reverse=True))
        older = [j for j in range(i - 1, -1, -1)][: RELATED_SIZE - len(newer)]
        return tuple(reversed(newer)) + tuple(older)

    # -- listings ---------------------------------------------------------------------------

    def newest(self, count: int, exclude: int | None = None) -> list[int]:
        """The `count` newest article ids, newest first."""
        ids: list[int] = []
        for j in range(self.total - 1, -1, -1):
            if len(ids) == count:
                break
            if j != exclude:
                ids.append(j)
        return ids

    def section_ids(self, section: str) -> list[int]:
        """Ids listed in a section (primary or second), ascending; built once, on first use."""
        with self._index_lock:
            if self._index is None:
                index: dict[str, list[int]] = {name: [] for name in SECTIONS}
                for j in range(self.total):
                    first, second = self.sections_of(j)
                    index[first].append(j)
                    if second is not None:
                        index[second].append(j)
                self._index = index
        return self._index[section]

    def section_page(self, section: str, page: int) -> tuple[list[int], int]:
        """Ids on page `page` (1-based, newest first) and the number of pages."""
        ids = self.section_ids(section)
        pages = max(1, math.ceil(len(ids) / PER_PAGE))
        end = len(ids) - (page - 1) * PER_PAGE
        return ids[max(0, end - PER_PAGE) : max(0, end)][::-1], pages

    def in_feed(self, i: int) -> bool:
        """Whether article i is among the feeds' newest FEED_SIZE."""
        return i >= self.total - FEED_SIZE

    def lastmod(self, i: int) -> datetime:
        """Modified, else published."""
        stub = self.stub(i)
        return stub.modified or stub.published

    def cosmetic_note(self, i: int) -> str | None:
        """Edition 2's only change to a cosmetic article: a view count or an "Updated at" clock."""
        if not self.stub(i).cosmetic:
            return None
        h = mix(self.config.seed, i, 12)
        if h % 2:
            return f"{1000 + (h >> 1) % 98_000:,} views"
        return f"Updated at {(h >> 1) % 24:02d}:{(h >> 8) % 60:02d}"

    def etag(self, i: int, printed: bool = False) -> str:
        """Strong validator of article i's page (or print page): a hash of its own content.

        Chrome (the crawl day, Latest, related links) is left out, so the tag changes only with
        the article: its edition-2 rewrite, or the cosmetic note (article page only).
        """
        art = self.article(i)
        stub, config = art.stub, self.config
        content = [
            config.seed,
            i,
            config.name,
            art.head.title,
            list(art.head.authors),
            iso(stub.published),
            None if stub.modified is None else iso(stub.modified),
            stub.template,
            stub.encoding,
            art.body,
            None if printed else self.cosmetic_note(i),
        ]
        data = json.dumps(content, ensure_ascii=False).encode()
        digest = hashlib.blake2b(data, digest_size=12).hexdigest()
        return f'"{"p" if printed else "a"}{i}-{digest}"'

    def last_modified(self, i: int) -> datetime:
        """The Last-Modified instant of article i (modified, else published), in UTC."""
        return self.lastmod(i).astimezone(UTC)

    def _chunk_lastmod(self, n: int) -> datetime:
        """Newest lastmod among the articles of sitemap n (1-based)."""
        ids = range((n - 1) * SITEMAP_SIZE, min(n * SITEMAP_SIZE, self.total))
        return max((self.lastmod(i) for i in ids), key=lambda moment: moment.astimezone(UTC))

    # -- ground truth -----------------------------------------------------------------------

    def truth(self, i: int, origin: str) -> dict[str, Any]:
        """The truth record of article i; `origin` is e.g. "http://127.0.0.1:8000"."""
        art = self.article(i)
        head, stub = art.head, art.stub
        url = origin + head.path
        urls = [url]
        if head.second_path is not None:
            urls.append(origin + head.second_path)
        urls.append(f"{origin}/print/{i}")
        if self.in_feed(i):
            urls.append(url + FEED_UTM)
        return {
            "id": i,
            "url": url,
            "urls": urls,
            "title": head.title,
            "authors": list(head.authors),
            "published": iso(stub.published),
            "published_utc": iso_utc(stub.published),
            "modified": None if stub.modified is None else iso(stub.modified),
            "modified_utc": None if stub.modified is None else iso_utc(stub.modified),
            "timezone": offset_text(stub.published),
            "section": stub.section,
            "sections": list(stub.sections),
            "template": stub.template,
            "encoding": stub.encoding,
            "body": art.body,
            "first_sentence": art.paragraphs[0][0],
            "last_sentence": art.paragraphs[-1][-1],
            "changed_in_edition": 2 if stub.changed else None,
            "new_in_edition": 2 if stub.new else None,
            "cosmetic_in_edition": 2 if stub.cosmetic else None,
            "wire_story": stub.wire,
            "wire_edits": list(stub.wire_edits),
        }

    def iter_truth(self, origin: str) -> Iterator[dict[str, Any]]:
        """Every truth record in id order, generated one at a time."""
        for i in range(self.total):
            yield self.truth(i, origin)

    def broken(self, origin: str) -> dict[str, Any]:
        """The deliberately broken URLs (none of them is in the truth)."""
        encodings = {}
        for i, charset in ENCODED_ARTICLES.items():
            if self.config.articles > 7:
                encodings[charset] = origin + self.headline(i).path
        return {
            "404": [origin + DEAD_PATH],
            "500": [origin + ERROR_PATH],
            "truncated": [origin + TRUNCATED_PATH],
            "encodings": encodings,
        }

"""ArchiveStore: the only code that knows table names or writes SQL (WAL, migrations, batches)."""

from __future__ import annotations

import difflib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from sqlite_utils import Database

from scraper.fingerprint import best_match, body_hash, content_hash

from .migrations import migrations

BUSY_TIMEOUT_S = 30.0

ARTICLE_COLUMNS: tuple[str, ...] = (
    "url", "site", "title", "body", "authors", "language", "section", "tags", "image",
    "description", "published", "published_utc", "timezone", "published_zone",
    "published_source", "published_raw", "published_precision", "modified", "modified_utc",
    "modified_source", "modified_raw", "modified_precision", "body_source", "fetched_at",
    "content_hash", "body_hash", "etag", "last_modified",
)
"""Columns a saved article record provides (the store adds id, first_seen and crawl_id)."""

CRAWL_COUNTERS = ("pages", "articles_new", "articles_updated", "articles_unchanged",
                  "duplicates", "errors")


class StoreError(RuntimeError):
    """The archive cannot be opened or used; the message says what to do."""


class SearchSyntaxError(ValueError):
    """A raw FTS5 query that SQLite rejects."""


SEARCH_SORTS = ("relevance", "newest", "oldest")
RANK_FUNCTION = "bm25(5.0, 1.0)"
"""FTS5 ranking: bm25 with a title match worth five body matches."""
RANK_WINDOW = 5_000
"""Relevance search ranks at most this many matches, the newest: bm25 costs about a
microsecond per match, so this keeps a very common word under ~50 ms at any archive size."""
PUBLIC_TABLES = ("articles", "article_urls", "crawls", "revisions")
"""Tables a published snapshot shows; every other table (migrations, FTS shadow tables,
the frontier, MinHash state, ...) is internal and hidden."""
SNAPSHOT_INDEXES = {
    "idx_articles_published_utc": "published_utc",
    "idx_articles_site_published_utc": "site, published_utc",
    "idx_articles_section": "section",
    "idx_articles_language": "language",
}
"""Indexes a snapshot has for its default sort and its facets (the first two exist already)."""


def _article_filters(
    sites: Sequence[str], since: str | None, until: str | None,
    languages: Sequence[str], sections: Sequence[str],
) -> tuple[list[str], list[Any]]:
    """WHERE conditions over ``articles a`` for the search and export filters."""
    where: list[str] = []
    params: list[Any] = []
    for column, values in (("site", sites), ("language", languages), ("section", sections)):
        if values:
            where.append(f"a.{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    # An article without a UTC instant (a date only, or no known offset) counts by its day.
    if since:
        where.append("(a.published_utc >= ? OR (a.published_utc IS NULL "
                     "AND substr(a.published, 1, 10) >= substr(?, 1, 10)))")
        params += [since, since]
    if until:
        where.append("(a.published_utc < ? OR (a.published_utc IS NULL "
                     "AND substr(a.published, 1, 10) || 'T00:00:00Z' < ?))")
        params += [until, until]
    return where, params


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string with a Z, to the second."""
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


DEFAULT_REVISIT_TIERS: tuple[int, ...] = (3600, 6 * 3600, 86400, 7 * 86400)
"""Seconds until the next revisit after 0, 1, 2, 3 unchanged fetches; then no more revisits."""


class Alias(NamedTuple):
    """Another address of an archived article (a print page, a second section, a tracking URL)."""

    url: str
    canonical: str
    fetched_at: str | None = None  # set when this address itself was fetched
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class SaveCounts:
    """What one batch did to the archive.

    ``duplicates`` counts copies merged into an existing article (same URL seen again under
    another address, or the same body); ``near`` counts new articles that joined a cluster of
    near-duplicates (they are stored, and grouped).
    """

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    near: int = 0
    not_modified: int = 0

    def add(self, other: SaveCounts) -> None:
        for name in ("new", "updated", "unchanged", "duplicates", "near", "not_modified"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _parse_utc(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _iso_utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def diff_chars(old: str, new: str) -> int:
    """Characters on the added and removed lines of a line diff of two texts."""
    return sum(
        len(line) - 1
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )


def _record_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {col: record.get(col) for col in ARTICLE_COLUMNS}
    for col in ("authors", "tags"):
        value = row[col]
        row[col] = json.dumps(list(value or []), ensure_ascii=False)
    row["body"] = row["body"] or ""
    if not row["content_hash"]:
        row["content_hash"] = content_hash(row["title"], row["body"])
    if "body_hash" not in record:
        row["body_hash"] = body_hash(row["body"])
    return row


class ArchiveStore:
    """The archive database. Open with ``ArchiveStore.open(path)``; use as a context manager."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    # -- lifecycle ---------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        A plain BEGIN starts as a reader and upgrades at the first write; if another process
        committed in between, SQLite refuses at once with "database is locked" instead of
        waiting out the busy timeout. Taking the lock first makes concurrent writers (two
        crawls, a crawl and the scheduler) queue instead. Nested calls become savepoints.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> ArchiveStore:
        """Open (or create) the archive: WAL, busy timeout, pending migrations applied."""
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"{p} is a directory, not an archive database file")
        if not create and not p.exists():
            raise StoreError(f"no archive at {p}: run a crawl first or pass --db")
        if create and not p.parent.exists():
            raise StoreError(f"folder {p.parent} does not exist")
        try:
            conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            db = Database(conn)
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if db.journal_mode != "wal":
                db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open archive {p}: {exc}") from exc
        return cls(db, p)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ArchiveStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- crawls --------------------------------------------------------------------------------
    def start_crawl(self, target: str, site: str | None = None) -> int:
        """Record a crawl as running and return its id."""
        with self.write():
            cur = self.db.execute(
                "INSERT INTO crawls (target, site, started_at, status) VALUES (?, ?, ?, 'running')",
                [target, site, utc_now()],
            )
        assert cur.lastrowid is not None
        return int(cur.lastrowid)

    def add_crawl_counts(self, crawl_id: int, counts: SaveCounts) -> None:
        """Add a batch's counts to the crawl's running totals."""
        self.db.execute(
            "UPDATE crawls SET articles_new = articles_new + ?, "
            "articles_updated = articles_updated + ?, "
            "articles_unchanged = articles_unchanged + ?, duplicates = duplicates + ?, "
            "duplicates_content = duplicates_content + ?, duplicates_near = duplicates_near + ?, "
            "not_modified = not_modified + ? WHERE id = ?",
            [counts.new, counts.updated, counts.unchanged, counts.duplicates, counts.duplicates,
             counts.near, counts.not_modified, crawl_id],
        )

    def finish_crawl(
        self,
        crawl_id: int,
        *,
        status: str,
        pages: int | None = None,
        errors: int | None = None,
        error_summary: dict[str, int] | None = None,
        stats: dict[str, Any] | None = None,
        dropped: dict[str, int] | None = None,
    ) -> None:
        """Close a crawl record with its final status and counters (None keeps a value).

        ``dropped`` adds what never reached the store: in-crawl copies by kind (``url``,
        ``content``) and ``skipped_not_due`` (known URLs not yet due for a revisit).
        """
        dropped = dropped or {}
        by_url, by_content = dropped.get("url", 0), dropped.get("content", 0)
        with self.write():
            self.db.execute(
                "UPDATE crawls SET finished_at = ?, status = ?, pages = coalesce(?, pages), "
                "errors = coalesce(?, errors), error_summary = coalesce(?, error_summary), "
                "stats = coalesce(?, stats), duplicates = duplicates + ?, "
                "duplicates_url = duplicates_url + ?, duplicates_content = duplicates_content + ?, "
                "skipped_not_due = skipped_not_due + ? WHERE id = ?",
                [
                    utc_now(),
                    status,
                    pages,
                    errors,
                    json.dumps(error_summary, sort_keys=True) if error_summary is not None else None,
                    json.dumps(stats, sort_keys=True, default=str) if stats is not None else None,
                    by_url + by_content,
                    by_url,
                    by_content,
                    dropped.get("skipped_not_due", 0),
                    crawl_id,
                ],
            )

    def crawl(self, crawl_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM crawls WHERE id = ?", [crawl_id]))
        return rows[0] if rows else None

    def crawls(self, *, limit: int = 20, site: str | None = None) -> list[dict[str, Any]]:
        """Most recent crawls first."""
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        return list(
            self.db.query(f"SELECT * FROM crawls {where} ORDER BY id DESC LIMIT ?", [*params, limit])
        )

    # -- articles ----------------------------------------------------------------------------
    def save_articles(
        self,
        records: Sequence[dict[str, Any]],
        *,
        crawl_id: int | None = None,
        near_threshold: float | None = None,
        revisit_tiers: Sequence[int] = DEFAULT_REVISIT_TIERS,
    ) -> SaveCounts:
        """Insert new articles, revise changed ones, leave unchanged ones alone; one transaction.

        Each record has the ARTICLE_COLUMNS and optionally ``urls`` (every URL it was seen
        under), ``minhash`` and ``band_keys`` (see scraper.fingerprint). A known URL whose
        content hash differs gets a new revision; a new URL whose normalised body is already
        archived for the same site becomes an alias of that article (another site's identical
        copy is a separate article in the same cluster); a new article whose MinHash signature is at
        least ``near_threshold`` similar to an archived one joins that one's cluster.
        """
        counts = SaveCounts()
        if not records:
            return counts
        now = utc_now()
        with self.write():
            for record in records:
                row = _record_row(record)
                article_id, changed = self._save_one(
                    row, record, crawl_id, now, counts, near_threshold
                )
                for url in dict.fromkeys([row["url"], *record.get("urls", ())]):
                    self._upsert_url(url, article_id, now)
                    self._touch_frontier(
                        url, article_id, row["fetched_at"], changed=changed,
                        etag=row["etag"], last_modified=row["last_modified"], tiers=revisit_tiers,
                    )
            if crawl_id is not None:
                self.add_crawl_counts(crawl_id, counts)
        return counts

    def _find_article(self, url: str) -> sqlite3.Row | None:
        cur = self.db.conn.cursor()
        cur.row_factory = sqlite3.Row
        found: sqlite3.Row | None = cur.execute(
            "SELECT id, content_hash, title, body, modified, fetched_at, revision, crawl_id "
            "FROM articles WHERE url = ? UNION ALL "
            "SELECT a.id, a.content_hash, a.title, a.body, a.modified, a.fetched_at, a.revision, "
            "a.crawl_id FROM article_urls u JOIN articles a ON a.id = u.article_id "
            "WHERE u.url = ? LIMIT 1",
            [url, url],
        ).fetchone()
        return found

    def _save_one(
        self,
        row: dict[str, Any],
        record: dict[str, Any],
        crawl_id: int | None,
        now: str,
        counts: SaveCounts,
        near_threshold: float | None,
    ) -> tuple[int, bool]:
        """Returns (article id, whether the archive's text changed)."""
        found = self._find_article(row["url"])
        if found is not None:
            article_id = int(found["id"])
            if found["content_hash"] == row["content_hash"]:
                counts.unchanged += 1
                return article_id, False
            self._add_revision(found, row, crawl_id)
            update_cols = [c for c in ARTICLE_COLUMNS if c != "url"]
            self.db.execute(
                f"UPDATE articles SET {', '.join(f'{c} = ?' for c in update_cols)}, crawl_id = ?, "
                "revision = revision + 1 WHERE id = ?",
                [row[c] for c in update_cols] + [crawl_id, article_id],
            )
            counts.updated += 1
            return article_id, True
        if row["body_hash"]:  # the same text at another address of the same site: one article
            same = self.db.execute(
                "SELECT id FROM articles WHERE body_hash = ? AND site = ? ORDER BY id LIMIT 1",
                [row["body_hash"], row["site"]],
            ).fetchone()
            if same is not None:
                counts.duplicates += 1
                return int(same[0]), False
        cols = [*ARTICLE_COLUMNS, "first_seen", "crawl_id"]
        cur = self.db.execute(
            f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in ARTICLE_COLUMNS] + [now, crawl_id],
        )
        assert cur.lastrowid is not None
        article_id = int(cur.lastrowid)
        counts.new += 1
        cluster_id, score = article_id, None
        sig, keys = record.get("minhash"), record.get("band_keys")
        if sig and keys:
            if near_threshold is not None:
                match = self._near_match(sig, keys, near_threshold)
                if match is not None:
                    cluster_id, score = match
                    counts.near += 1
            self.db.execute(
                "INSERT INTO minhash (article_id, signature) VALUES (?, ?)", [article_id, sig]
            )
            self.db.conn.executemany(
                "INSERT INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
                [(key, article_id) for key in keys],
            )
        self.db.execute(
            "UPDATE articles SET cluster_id = ?, similarity = ? WHERE id = ?",
            [cluster_id, score, article_id],
        )
        return article_id, True

    def _near_match(
        self, sig: bytes, keys: Sequence[int], threshold: float
    ) -> tuple[int, float] | None:
        """(cluster id, similarity) of the most similar archived article, via the band index."""
        marks = ", ".join("?" * len(keys))
        candidates = [
            (int(r[0]), bytes(r[1]))
            for r in self.db.execute(
                "SELECT m.article_id, m.signature FROM minhash m WHERE m.article_id IN "
                f"(SELECT article_id FROM minhash_bands WHERE band_key IN ({marks}) LIMIT 200)",
                list(keys),
            ).fetchall()
        ]
        match = best_match(sig, candidates, threshold)
        if match is None:
            return None
        cluster = self.db.execute(
            "SELECT coalesce(cluster_id, id) FROM articles WHERE id = ?", [match[0]]
        ).fetchone()
        return int(cluster[0]), round(match[1], 3)

    def _add_revision(self, old: sqlite3.Row, new: dict[str, Any], crawl_id: int | None) -> None:
        article_id = int(old["id"])
        has_any = self.db.execute(
            "SELECT count(*) FROM revisions WHERE article_id = ?", [article_id]
        ).fetchone()[0]
        insert = (
            "INSERT INTO revisions (article_id, revision, title, body, modified, fetched_at, "
            "content_hash, diff_chars, crawl_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        if not has_any:  # keep the original text the first time it changes
            self.db.execute(
                insert,
                [article_id, old["revision"], old["title"], old["body"], old["modified"],
                 old["fetched_at"], old["content_hash"], 0, old["crawl_id"]],
            )
        self.db.execute(
            insert,
            [article_id, old["revision"] + 1, new["title"], new["body"], new["modified"],
             new["fetched_at"], new["content_hash"], diff_chars(old["body"], new["body"]),
             crawl_id],
        )

    def revisions(self, article_id: int) -> list[dict[str, Any]]:
        """Every stored version of an article, oldest first (empty when it never changed)."""
        return list(
            self.db.query(
                "SELECT * FROM revisions WHERE article_id = ? ORDER BY revision", [article_id]
            )
        )

    def _upsert_url(self, url: str, article_id: int, now: str) -> None:
        self.db.execute(
            "INSERT INTO article_urls (url, article_id, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET last_seen = excluded.last_seen",
            [url, article_id, now, now],
        )

    def add_aliases(
        self, aliases: Sequence[Alias], *, revisit_tiers: Sequence[int] = DEFAULT_REVISIT_TIERS
    ) -> int:
        """Record other addresses of archived articles; returns how many were recorded.

        An alias that was fetched (``fetched_at`` set) also enters the frontier with its own
        validators, so the next crawl revisits it conditionally instead of refetching it.
        """
        now = utc_now()
        added = 0
        with self.write():
            for alias in aliases:
                found = self.db.execute(
                    "SELECT id FROM articles WHERE url = ?", [alias.canonical]
                ).fetchone()
                if found is None:
                    continue
                self._upsert_url(alias.url, int(found[0]), now)
                if alias.fetched_at:
                    self._touch_frontier(
                        alias.url, int(found[0]), alias.fetched_at, changed=False,
                        etag=alias.etag, last_modified=alias.last_modified, tiers=revisit_tiers,
                    )
                added += 1
        return added

    # -- frontier ----------------------------------------------------------------------------
    def _touch_frontier(
        self,
        url: str,
        article_id: int | None,
        fetched_at: str,
        *,
        changed: bool,
        etag: str | None = None,
        last_modified: str | None = None,
        tiers: Sequence[int] = DEFAULT_REVISIT_TIERS,
    ) -> None:
        """Record a fetch of ``url`` and when it is next due (backing off while it stays the same)."""
        old = self.db.execute(
            "SELECT unchanged_streak FROM frontier WHERE url = ?", [url]
        ).fetchone()
        streak = 0 if changed or old is None else int(old[0]) + 1
        next_due = (
            _iso_utc(_parse_utc(fetched_at) + timedelta(seconds=tiers[streak]))
            if streak < len(tiers)
            else None
        )
        self.db.execute(
            "INSERT INTO frontier (url, article_id, first_seen, last_fetched, last_changed, etag, "
            "last_modified, next_due, fetches, unchanged_streak) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT(url) DO UPDATE SET "
            "article_id = coalesce(excluded.article_id, article_id), "
            "last_fetched = excluded.last_fetched, "
            "last_changed = coalesce(excluded.last_changed, last_changed), "
            "etag = coalesce(excluded.etag, etag), "
            "last_modified = coalesce(excluded.last_modified, last_modified), "
            "next_due = excluded.next_due, fetches = fetches + 1, "
            "unchanged_streak = excluded.unchanged_streak",
            [url, article_id, fetched_at, fetched_at, fetched_at if changed else None, etag,
             last_modified, next_due, streak],
        )

    def record_not_modified(
        self,
        urls: Sequence[tuple[str, str]],
        *,
        crawl_id: int | None = None,
        revisit_tiers: Sequence[int] = DEFAULT_REVISIT_TIERS,
    ) -> int:
        """Record (url, fetched_at) pairs answered 304 Not Modified; returns how many."""
        if not urls:
            return 0
        with self.write():
            for url, fetched_at in urls:
                self._touch_frontier(url, None, fetched_at, changed=False, tiers=revisit_tiers)
            if crawl_id is not None:
                self.add_crawl_counts(crawl_id, SaveCounts(not_modified=len(urls)))
        return len(urls)

    def frontier_snapshot(self) -> dict[str, tuple[str | None, str | None, str | None]]:
        """url -> (etag, last_modified, next_due) for every known article URL."""
        return {
            str(r[0]): (r[1], r[2], r[3])
            for r in self.db.execute(
                "SELECT url, etag, last_modified, next_due FROM frontier"
            ).fetchall()
        }

    def article(self, key: int | str) -> dict[str, Any] | None:
        """One article by id or by any URL it was seen under."""
        if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
            rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [int(key)]))
        else:
            rows = list(
                self.db.query(
                    "SELECT a.* FROM articles a WHERE a.url = ? UNION "
                    "SELECT a.* FROM articles a JOIN article_urls u ON u.article_id = a.id "
                    "WHERE u.url = ? LIMIT 1",
                    [key, key],
                )
            )
        if not rows:
            return None
        row = rows[0]
        row["urls"] = [
            r["url"]
            for r in self.db.query(
                "SELECT url FROM article_urls WHERE article_id = ? ORDER BY first_seen, url",
                [row["id"]],
            )
        ]
        return row

    def iter_articles(self, *, site: str | None = None) -> Iterator[dict[str, Any]]:
        """Every article, oldest id first."""
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        yield from self.db.query(f"SELECT * FROM articles {where} ORDER BY id", params)

    def count_articles(self, *, site: str | None = None) -> int:
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        return int(self.db.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0])

    def url_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM article_urls").fetchone()[0])

    # -- search --------------------------------------------------------------------------------
    def search(
        self,
        match: str,
        *,
        sites: Sequence[str] = (),
        since: str | None = None,
        until: str | None = None,
        languages: Sequence[str] = (),
        sections: Sequence[str] = (),
        sort: str = "relevance",
        limit: int = 10,
        offset: int = 0,
        rank_window: int | None = RANK_WINDOW,
    ) -> list[dict[str, Any]]:
        """Articles matching an FTS5 MATCH expression, filtered, best (or newest/oldest) first.

        Relevance is bm25 with the title weighted 5x the body; when more than ``rank_window``
        articles match, the newest ``rank_window`` of them are ranked (None: all). ``since`` (inclusive) and
        ``until`` (exclusive) are UTC bounds like ``2024-01-31T00:00:00Z`` (see
        ``archive.search.parse_when``); an article without a UTC time is compared by its day.
        Matches in ``snippet`` are wrapped in \\x02 ... \\x03 (see archive.search.HIGHLIGHT).
        """
        if sort not in SEARCH_SORTS:
            raise ValueError(f"sort must be one of {', '.join(SEARCH_SORTS)}")
        where, params = _article_filters(sites, since, until, languages, sections)
        columns = (
            "a.id, a.url, a.site, a.title, a.published, a.published_utc, a.language, a.section"
        )
        conditions = " ".join(f"AND {w}" for w in where)
        try:
            if sort == "relevance":
                # FTS5 sorts by its rank column itself, so the join, the filters and snippet()
                # run only for the rows that are returned. Scoring costs ~1 µs per match, so
                # a query matching more than rank_window articles ranks the newest
                # rank_window of them (found cheaply in rowid order), unless the filters
                # leave too few there.
                sql = (
                    f"SELECT {columns}, snippet(articles_fts, 1, char(2), char(3), '…', 16) "
                    "AS snippet, articles_fts.rank AS rank "
                    "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                    f"WHERE articles_fts MATCH ? AND articles_fts.rank MATCH '{RANK_FUNCTION}' "
                    f"AND articles_fts.rowid > ? {conditions} "
                    "ORDER BY articles_fts.rank LIMIT ? OFFSET ?"
                )
                cutoff = None
                if rank_window:
                    found = self.db.execute(
                        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
                        "ORDER BY rowid DESC LIMIT 1 OFFSET ?", [match, rank_window]
                    ).fetchone()
                    cutoff = found[0] if found else None
                rows = list(self.db.query(sql, [match, cutoff or 0, *params, limit, offset]))
                if cutoff is not None and len(rows) < limit:
                    rows = list(self.db.query(sql, [match, 0, *params, limit, offset]))
                return rows
            direction = "DESC" if sort == "newest" else "ASC"
            sql = (
                f"SELECT {columns} FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? {conditions} "
                f"ORDER BY coalesce(a.published_utc, a.published) {direction} NULLS LAST, "
                f"a.id {direction} LIMIT ? OFFSET ?"
            )
            rows = list(self.db.query(sql, [match, *params, limit, offset]))
            # snippets for the page only, not for every match that was sorted
            snippets = {
                r[0]: r[1]
                for r in self.db.execute(
                    "SELECT rowid, snippet(articles_fts, 1, char(2), char(3), '…', 16) "
                    "FROM articles_fts WHERE articles_fts MATCH ? "
                    "AND rowid IN (SELECT value FROM json_each(?))",
                    [match, json.dumps([r["id"] for r in rows])],
                )
            }
            for row in rows:
                row["snippet"] = snippets.get(row["id"])
            return rows
        except sqlite3.OperationalError as exc:
            raise SearchSyntaxError(str(exc).removeprefix("fts5: ")) from exc

    # -- reports ----------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """Articles, sites, sections, date range and the date-found rate of the archive."""
        row = self.db.execute(
            "SELECT count(*), min(published_utc), max(published_utc), "
            "sum(published IS NOT NULL), count(DISTINCT site) FROM articles"
        ).fetchone()
        sections = [
            (r["section"], r["n"])
            for r in self.db.query(
                "SELECT coalesce(section, '(none)') AS section, count(*) AS n FROM articles "
                "GROUP BY 1 ORDER BY n DESC, section"
            )
        ]
        return {
            "articles": row[0],
            "first_published_utc": row[1],
            "last_published_utc": row[2],
            "with_published": row[3] or 0,
            "sites": row[4],
            "sections": sections,
            "urls": self.url_count(),
        }

    def integrity_problems(self) -> list[str]:
        """Problems found by SQLite's integrity check and FTS5's; empty when all is well."""
        problems = [
            str(r[0]) for r in self.db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"
        ]
        try:
            self.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"articles_fts: {exc}")
        return problems

    # -- crawl history and health (issue 6) ------------------------------------------------------
    def crawl_history(self, *, limit: int = 20, site: str | None = None) -> list[dict[str, Any]]:
        """Most recent crawls first, with ``duration_s`` (None while a crawl is still running)."""
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        return list(
            self.db.query(
                "SELECT id, site, target, started_at, finished_at, "
                "CAST(round((julianday(finished_at) - julianday(started_at)) * 86400) AS INTEGER) "
                "AS duration_s, status, pages, articles_new, articles_updated, articles_unchanged, "
                f"duplicates, errors, error_summary FROM crawls {where} ORDER BY id DESC LIMIT ?",
                [*params, limit],
            )
        )

    def set_crawl_status(self, crawl_id: int, status: str) -> None:
        """Replace a crawl's status, e.g. a finished crawl that reached no page is a failure."""
        with self.write():
            self.db.execute("UPDATE crawls SET status = ? WHERE id = ?", [status, crawl_id])

    def close_abandoned_crawls(self, site: str, *, started_before: str, status: str) -> int:
        """Close the site's crawls still marked running that started before ``started_before``.

        For crawls whose process died with the machine: nothing else will ever close them.
        """
        with self.write():
            cur = self.db.execute(
                "UPDATE crawls SET status = ?, finished_at = ? "
                "WHERE site = ? AND status = 'running' AND started_at < ?",
                [status, utc_now(), site, started_before],
            )
        return int(cur.rowcount)

    def failure_streak(self, site: str, *, limit: int = 64) -> tuple[int, str | None]:
        """How many of the site's latest crawls failed in a row, and when the last one ended.

        Crawls still running and crawls stopped on request (``shutdown``) are not counted.
        """
        rows = self.db.execute(
            "SELECT status, finished_at FROM crawls WHERE site = ? "
            "AND status NOT IN ('running', 'shutdown') ORDER BY id DESC LIMIT ?",
            [site, limit],
        ).fetchall()
        streak = 0
        for status, _finished in rows:
            if not str(status).startswith("failed"):
                break
            streak += 1
        return streak, (rows[0][1] if streak else None)

    def site_health(
        self, *, runs: int = 10, sites: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Per site over its last ``runs`` closed crawls: success, yield, dates and errors.

        Rates are fractions (None when there is nothing to divide by). ``date_found_rate`` is
        the share of the articles those crawls wrote with a ``published`` date;
        ``blocked_rate`` and ``error_rate`` are shares of requests (responses received plus
        requests that got none) answered with 403/429/503, or failed (HTTP error or no answer).
        """
        recent = list(
            self.db.query(
                "SELECT * FROM (SELECT id, site, status, started_at, pages, articles_new, "
                "articles_updated, articles_unchanged, error_summary, row_number() OVER "
                "(PARTITION BY site ORDER BY id DESC) AS rn FROM crawls WHERE site IS NOT NULL "
                "AND status NOT IN ('running', 'shutdown')) WHERE rn <= ? ORDER BY site, id DESC",
                [runs],
            )
        )
        dated = {
            r["site"]: (r["written"], r["with_date"])
            for r in self.db.query(
                "SELECT c.site AS site, count(a.id) AS written, "
                "sum(a.published IS NOT NULL) AS with_date FROM articles a "
                "JOIN (SELECT * FROM (SELECT id, site, row_number() OVER (PARTITION BY site "
                "ORDER BY id DESC) AS rn FROM crawls WHERE site IS NOT NULL "
                "AND status NOT IN ('running', 'shutdown')) WHERE rn <= ?) c ON a.crawl_id = c.id "
                "GROUP BY c.site",
                [runs],
            )
        }
        last_errors = {
            r["site"]: r
            for r in self.db.query(
                "SELECT site, status, finished_at FROM crawls WHERE id IN (SELECT max(id) "
                "FROM crawls WHERE site IS NOT NULL AND status LIKE 'failed%' GROUP BY site)"
            )
        }
        by_site: dict[str, list[dict[str, Any]]] = {name: [] for name in sites or ()}
        for row in recent:
            if sites is None or row["site"] in by_site:
                by_site.setdefault(row["site"], []).append(row)
        report = []
        for name in sorted(by_site):
            rows = by_site[name]
            streak, _ = self.failure_streak(name)
            report.append(
                self._health_row(name, rows, dated.get(name, (0, 0)), last_errors.get(name), streak)
            )
        return report


    _BLOCK_KINDS = frozenset({"http_403", "http_429", "http_503"})
    _PROCESSING_KINDS = frozenset({"extract_failed", "extract_crashed", "discovery_bad_listing"})

    @staticmethod
    def _health_row(
        site: str,
        rows: list[dict[str, Any]],
        dated: tuple[int, int],
        last_error: dict[str, Any] | None,
        streak: int,
    ) -> dict[str, Any]:
        """One site's health from its recent crawls rows (newest first)."""
        requests = failed = blocked = 0
        for row in rows:
            kinds: dict[str, int] = json.loads(row["error_summary"] or "{}")
            no_answer = sum(v for k, v in kinds.items()
                            if not k.startswith("http_") and k not in ArchiveStore._PROCESSING_KINDS)
            requests += (row["pages"] or 0) + no_answer
            failed += no_answer + sum(v for k, v in kinds.items() if k.startswith("http_"))
            blocked += sum(v for k, v in kinds.items() if k in ArchiveStore._BLOCK_KINDS)
        n = len(rows)
        succeeded = sum(r["status"] == "finished" for r in rows)
        found = sum(r["articles_new"] + r["articles_updated"] + r["articles_unchanged"] for r in rows)

        def ratio(part: float, whole: float) -> float | None:
            return round(part / whole, 3) if whole else None

        return {
            "site": site,
            "runs": n,
            "succeeded": succeeded,
            "success_rate": ratio(succeeded, n),
            "articles_per_run": round(found / n, 1) if n else None,
            "new_per_run": round(sum(r["articles_new"] for r in rows) / n, 1) if n else None,
            "date_found_rate": ratio(dated[1] or 0, dated[0] or 0),
            "blocked_rate": ratio(blocked, requests),
            "error_rate": ratio(failed, requests),
            "failure_streak": streak,
            "last_run": rows[0]["started_at"] if rows else None,
            "last_status": rows[0]["status"] if rows else None,
            "last_error": last_error["status"] if last_error else None,
            "last_error_at": last_error["finished_at"] if last_error else None,
        }

    # -- search, reports and snapshots (issue 5) -----------------------------------------------
    def site_stats(self) -> list[dict[str, Any]]:
        """Per site: articles, how many have a date (and a UTC time), first/last date, last fetch."""
        rows = list(
            self.db.query(
                "SELECT site, count(*) AS articles, sum(published IS NOT NULL) AS dated, "
                "sum(published_utc IS NOT NULL) AS dated_utc, "
                "min(coalesce(published_utc, published)) AS first_published, "
                "max(coalesce(published_utc, published)) AS last_published, "
                "max(fetched_at) AS last_fetched FROM articles GROUP BY site "
                "ORDER BY articles DESC, site"
            )
        )
        for row in rows:
            row["date_found_rate"] = round(row["dated"] / row["articles"], 4)
        return rows

    def size_report(self) -> dict[str, Any]:
        """Bytes on disk (database plus write-ahead log), pages and free pages."""
        page_size = int(self.db.execute("PRAGMA page_size").fetchone()[0])
        pages = int(self.db.execute("PRAGMA page_count").fetchone()[0])
        free = int(self.db.execute("PRAGMA freelist_count").fetchone()[0])
        wal = Path(f"{self.path}-wal")
        return {
            "path": str(self.path),
            "file_bytes": self.path.stat().st_size if self.path.exists() else page_size * pages,
            "wal_bytes": wal.stat().st_size if wal.exists() else 0,
            "page_size": page_size,
            "pages": pages,
            "free_pages": free,
        }

    def backup_to(
        self,
        dest: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        step_pages: int = 2048,
    ) -> None:
        """Copy the archive into ``dest`` with SQLite's backup API, ``step_pages`` at a time.

        The copy runs inside one read transaction, so it is one consistent state even while a
        crawl keeps writing (WAL readers are not blocked, and the backup never restarts).
        ``progress(done_pages, total_pages)`` is called after each step.
        """
        target = sqlite3.connect(str(dest))
        try:
            self.db.execute("BEGIN")
            try:
                self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # pin the snapshot
                self.db.conn.backup(
                    target,
                    pages=step_pages,
                    progress=None if progress is None
                    else lambda _status, remaining, total: progress(total - remaining, total),
                )
            finally:
                self.db.execute("ROLLBACK")
        finally:
            target.close()

    def keep_only(
        self, *, sites: Sequence[str] = (), since: str | None = None, until: str | None = None
    ) -> int:
        """Delete the articles outside the filters, and every row that points at them.

        For snapshot copies only: the FTS triggers are suspended, so call
        ``prepare_snapshot`` (which rebuilds the index) afterwards. Returns articles removed.
        """
        where, params = _article_filters(sites, since, until, (), ())
        if not where:
            return 0
        triggers = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'"
        ).fetchall()
        linked = [
            table
            for table in self.db.table_names()
            if table != "articles"
            and any(col[1] == "article_id" for col in self.db.execute(f"PRAGMA table_info([{table}])"))
        ]
        self.db.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.write():
                for name, _sql in triggers:
                    self.db.execute(f"DROP TRIGGER [{name}]")
                cur = self.db.execute(
                    "DELETE FROM articles WHERE id NOT IN "
                    f"(SELECT a.id FROM articles a WHERE {' AND '.join(where)})",
                    params,
                )
                removed = cur.rowcount
                for table in linked:
                    self.db.execute(
                        f"DELETE FROM [{table}] WHERE article_id IS NOT NULL "
                        "AND article_id NOT IN (SELECT id FROM articles)"
                    )
                for _name, sql in triggers:
                    self.db.execute(sql)
        finally:
            self.db.execute("PRAGMA foreign_keys = ON")
        return int(removed)

    def prepare_snapshot(self, *, tick: Callable[[], None] | None = None) -> None:
        """Make this copy a read-only snapshot: FTS rebuilt, indexes for sorting and facets,
        statistics for the planner, one compact file without a write-ahead log.

        ``tick()`` is called now and then during the long steps (for a progress display).
        """
        step = tick or (lambda: None)
        self.db.conn.set_progress_handler(lambda: step() or 0, 200_000)
        try:
            with self.write():
                step()
                self.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
                step()
                for name, columns in SNAPSHOT_INDEXES.items():
                    self.db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON articles ({columns})")
            step()
            self.db.execute("ANALYZE")
            self.db.execute("PRAGMA journal_mode = DELETE")
            step()
            self.db.execute("VACUUM")
        finally:
            self.db.conn.set_progress_handler(None, 0)

    def table_kinds(self) -> dict[str, str]:
        """Every table: "public" (shown in a snapshot) or "internal" (hidden)."""
        return {
            name: "public" if name in PUBLIC_TABLES else "internal"
            for name in self.db.table_names()
        }

    def crawl_targets(self) -> list[str]:
        """The distinct start points this archive was crawled from."""
        return [
            r[0] for r in self.db.execute("SELECT DISTINCT target FROM crawls ORDER BY target")
        ]

    @staticmethod
    def snapshot_search_sql(limit: int = 100) -> str:
        """SQL of the snapshot's stored search query (Datasette: ``:q``, words escaped)."""
        return (
            "SELECT a.id, a.title, a.published, a.site, a.section, a.url,\n"
            "  snippet(articles_fts, 1, '[', ']', ' … ', 24) AS snippet,\n"
            "  round(-articles_fts.rank, 6) AS score\n"
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid\n"
            "WHERE articles_fts MATCH coalesce(nullif(escape_fts(:q), ''), '\"\"')\n"
            f"  AND articles_fts.rank MATCH '{RANK_FUNCTION}'\n"
            f"ORDER BY articles_fts.rank LIMIT {int(limit)}"
        )

    def bulk_insert_articles(
        self, rows: Iterable[Sequence[Any]], columns: Sequence[str], *, index: bool = True
    ) -> int:
        """Insert many new articles fast (imports, benchmarks): one transaction, executemany.

        No dedup, aliases or revisions. With ``index=False`` the FTS triggers are off for this
        insert, so the search index is stale until ``rebuild_search_index()`` (faster for big
        loads: one pass instead of row by row).
        """
        bad = set(columns) - set(ARTICLE_COLUMNS) - {"first_seen", "crawl_id"}
        if bad:
            raise ValueError(f"not article columns: {', '.join(sorted(bad))}")
        triggers = [] if index else self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'"
        ).fetchall()
        with self.write():
            for name, _sql in triggers:
                self.db.execute(f"DROP TRIGGER [{name}]")
            cur = self.db.conn.executemany(
                f"INSERT INTO articles ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                rows,
            )
            for _name, sql in triggers:
                self.db.execute(sql)
        return int(cur.rowcount)

    def rebuild_search_index(self, *, optimize: bool = True) -> None:
        """Rebuild the FTS index from the articles table (and merge it into one b-tree)."""
        with self.write():
            self.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
            if optimize:
                self.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")

    def match_count(self, match: str) -> int:
        """How many articles an FTS5 MATCH expression finds."""
        try:
            return int(self.db.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [match]
            ).fetchone()[0])
        except sqlite3.OperationalError as exc:
            raise SearchSyntaxError(str(exc).removeprefix("fts5: ")) from exc

    def search_index_bytes(self) -> int | None:
        """Bytes used by the FTS index (None when SQLite lacks the dbstat table)."""
        try:
            row = self.db.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'"
            ).fetchone()
        except sqlite3.OperationalError:
            return None
        return int(row[0] or 0)

"""ArchiveStore: the only code that knows table names or writes SQL (WAL, migrations, batches)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from .migrations import migrations

BUSY_TIMEOUT_S = 30.0

ARTICLE_COLUMNS: tuple[str, ...] = (
    "url", "site", "title", "body", "authors", "language", "section", "tags", "image",
    "description", "published", "published_utc", "timezone", "published_zone",
    "published_source", "published_raw", "published_precision", "modified", "modified_utc",
    "modified_source", "modified_raw", "modified_precision", "body_source", "fetched_at",
    "content_hash",
)
"""Columns a saved article record provides (the store adds id, first_seen and crawl_id)."""

CRAWL_COUNTERS = ("pages", "articles_new", "articles_updated", "articles_unchanged",
                  "duplicates", "errors")


class StoreError(RuntimeError):
    """The archive cannot be opened or used; the message says what to do."""


class SearchSyntaxError(ValueError):
    """A raw FTS5 query that SQLite rejects."""


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string with a Z, to the second."""
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class SaveCounts:
    """What one batch did to the archive."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0

    def add(self, other: SaveCounts) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.duplicates += other.duplicates


def _record_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {col: record.get(col) for col in ARTICLE_COLUMNS}
    for col in ("authors", "tags"):
        value = row[col]
        row[col] = json.dumps(list(value or []), ensure_ascii=False)
    row["body"] = row["body"] or ""
    return row


class ArchiveStore:
    """The archive database. Open with ``ArchiveStore.open(path)``; use as a context manager."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    # -- lifecycle ---------------------------------------------------------------------------
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
        with self.db.atomic():
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
            "articles_unchanged = articles_unchanged + ?, duplicates = duplicates + ? "
            "WHERE id = ?",
            [counts.new, counts.updated, counts.unchanged, counts.duplicates, crawl_id],
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
        extra_duplicates: int = 0,
    ) -> None:
        """Close a crawl record with its final status and counters (None keeps a value).

        ``extra_duplicates`` adds copies that were dropped before reaching the store.
        """
        with self.db.atomic():
            self.db.execute(
                "UPDATE crawls SET finished_at = ?, status = ?, pages = coalesce(?, pages), "
                "errors = coalesce(?, errors), error_summary = coalesce(?, error_summary), "
                "stats = coalesce(?, stats), duplicates = duplicates + ? WHERE id = ?",
                [
                    utc_now(),
                    status,
                    pages,
                    errors,
                    json.dumps(error_summary, sort_keys=True) if error_summary is not None else None,
                    json.dumps(stats, sort_keys=True, default=str) if stats is not None else None,
                    extra_duplicates,
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
        self, records: Sequence[dict[str, Any]], *, crawl_id: int | None = None
    ) -> SaveCounts:
        """Insert new articles, update changed ones, skip unchanged ones; one transaction.

        Each record has the ARTICLE_COLUMNS and optionally ``urls`` (every URL it was seen
        under). A record whose exact content is already archived under another URL becomes
        an alias of that article instead of a copy.
        """
        counts = SaveCounts()
        if not records:
            return counts
        now = utc_now()
        with self.db.atomic():
            for record in records:
                row = _record_row(record)
                article_id = self._save_one(row, crawl_id, now, counts)
                for url in {row["url"], *record.get("urls", ())}:
                    self._upsert_url(url, article_id, now)
            if crawl_id is not None:
                self.add_crawl_counts(crawl_id, counts)
        return counts

    def _save_one(
        self, row: dict[str, Any], crawl_id: int | None, now: str, counts: SaveCounts
    ) -> int:
        found = self.db.execute(
            "SELECT id, content_hash FROM articles WHERE url = ?", [row["url"]]
        ).fetchone()
        if found is None:
            alias = self.db.execute(
                "SELECT a.id FROM article_urls u JOIN articles a ON a.id = u.article_id "
                "WHERE u.url = ?",
                [row["url"]],
            ).fetchone() or self.db.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND site = ? LIMIT 1",
                [row["content_hash"], row["site"]],
            ).fetchone()
            if alias is not None:
                counts.duplicates += 1
                return int(alias[0])
            cols = [*ARTICLE_COLUMNS, "first_seen", "crawl_id"]
            values = [row[c] for c in ARTICLE_COLUMNS] + [now, crawl_id]
            cur = self.db.execute(
                f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                values,
            )
            counts.new += 1
            assert cur.lastrowid is not None
            return int(cur.lastrowid)
        article_id, old_hash = int(found[0]), found[1]
        if old_hash == row["content_hash"]:
            counts.unchanged += 1
            return article_id
        update_cols = [c for c in ARTICLE_COLUMNS if c != "url"]
        self.db.execute(
            f"UPDATE articles SET {', '.join(f'{c} = ?' for c in update_cols)}, crawl_id = ? "
            "WHERE id = ?",
            [row[c] for c in update_cols] + [crawl_id, article_id],
        )
        counts.updated += 1
        return article_id

    def _upsert_url(self, url: str, article_id: int, now: str) -> None:
        self.db.execute(
            "INSERT INTO article_urls (url, article_id, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET last_seen = excluded.last_seen",
            [url, article_id, now, now],
        )

    def add_aliases(self, pairs: Sequence[tuple[str, str]]) -> int:
        """Record (alias URL, canonical URL) pairs for archived articles; returns how many."""
        now = utc_now()
        added = 0
        with self.db.atomic():
            for alias, canonical in pairs:
                found = self.db.execute(
                    "SELECT id FROM articles WHERE url = ?", [canonical]
                ).fetchone()
                if found is not None:
                    self._upsert_url(alias, int(found[0]), now)
                    added += 1
        return added

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
    def search(self, match: str, *, limit: int = 10, offset: int = 0) -> list[dict[str, Any]]:
        """Articles matching an FTS5 MATCH expression, best first (bm25, title weighted 5x).

        Matches in ``snippet`` are wrapped in \\x02 ... \\x03 (see archive.search.HIGHLIGHT).
        """
        sql = (
            "SELECT a.id, a.url, a.site, a.title, a.published, a.published_utc, a.section, "
            "snippet(articles_fts, 1, char(2), char(3), '…', 16) AS snippet, "
            "bm25(articles_fts, 5.0, 1.0) AS rank "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?"
        )
        try:
            return list(self.db.query(sql, [match, limit, offset]))
        except sqlite3.OperationalError as exc:
            raise SearchSyntaxError(str(exc)) from exc

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

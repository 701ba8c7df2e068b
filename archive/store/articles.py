"""Articles: saving batches (new, revised, aliases, near-duplicate clusters) and the frontier."""

from __future__ import annotations

import difflib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import timedelta
from typing import Any, NamedTuple

from scraper.fingerprint import LshParams, band_keys, best_match, body_hash, content_hash

from .base import _iso_utc, _parse_utc, utc_now
from .crawls import CrawlsPart, SaveCounts

ARTICLE_COLUMNS: tuple[str, ...] = (
    "url", "site", "title", "body", "authors", "language", "section", "tags", "image",
    "description", "published", "published_utc", "timezone", "published_zone",
    "published_source", "published_raw", "published_precision", "modified", "modified_utc",
    "modified_source", "modified_raw", "modified_precision", "body_source", "fetched_at",
    "content_hash", "body_hash", "etag", "last_modified",
)
"""Columns a saved article record provides (the store adds id, first_seen and crawl_id)."""

DEFAULT_REVISIT_TIERS: tuple[int, ...] = (3600, 6 * 3600, 86400, 7 * 86400)
"""Seconds until the next revisit after 0, 1, 2, 3 unchanged fetches; then no more revisits."""


class Alias(NamedTuple):
    """Another address of an archived article (a print page, a second section, a tracking URL)."""

    url: str
    canonical: str
    fetched_at: str | None = None  # set when this address itself was fetched
    etag: str | None = None
    last_modified: str | None = None




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
    body: str = row["body"] or ""
    row["body"] = body
    if not row["content_hash"]:
        row["content_hash"] = content_hash(row["title"], body)
    if "body_hash" not in record:
        row["body_hash"] = body_hash(body)
    return row




class ArticlesPart(CrawlsPart):
    """Writing and reading articles, their URLs, revisions and the crawl frontier."""

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
        # The cluster is known before the row is written, so the INSERT carries it: a later
        # UPDATE of the row would make the FTS triggers index the whole article a second time.
        # The id is the one SQLite would pick (largest rowid + 1; we hold the write lock).
        article_id = int(self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0])
        cluster_id, score = article_id, None
        sig, keys = record.get("minhash"), record.get("band_keys")
        if sig and keys and near_threshold is not None:
            match = self._near_match(sig, keys, near_threshold)
            if match is not None:
                cluster_id, score = match
                counts.near += 1
        cols = ["id", *ARTICLE_COLUMNS, "first_seen", "crawl_id", "cluster_id", "similarity"]
        self.db.execute(
            f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [article_id, *(row[c] for c in ARTICLE_COLUMNS), now, crawl_id, cluster_id, score],
        )
        counts.new += 1
        if sig and keys:
            self.db.execute(
                "INSERT INTO minhash (article_id, signature) VALUES (?, ?)", [article_id, sig]
            )
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
                [(key, article_id) for key in keys],
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

    def ensure_band_layout(self, params: LshParams) -> int:
        """Make the LSH band index match ``params``; returns how many articles were re-banded.

        Band keys depend on how signatures are cut (bands x rows, from the near-duplicate
        threshold). When the threshold changes, the stored signatures are cut anew, so older
        articles stay findable; the first time, the current layout is just recorded.
        """
        layout = f"{params.bands}x{params.rows}"
        found = self.db.execute(
            "SELECT value FROM archive_meta WHERE key = 'lsh_layout'"
        ).fetchone()
        if found is not None and found[0] == layout:
            return 0
        rebanded = 0
        with self.write():
            if found is not None:
                self.db.execute("DELETE FROM minhash_bands")
                rows = self.db.execute("SELECT article_id, signature FROM minhash").fetchall()
                for article_id, sig in rows:
                    self.db.conn.executemany(
                        "INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
                        [(key, article_id) for key in band_keys(bytes(sig), params)],
                    )
                rebanded = len(rows)
            self.db.execute(
                "INSERT INTO archive_meta (key, value) VALUES ('lsh_layout', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [layout],
            )
        return rebanded

    def cluster_members(self, article: dict[str, Any]) -> list[dict[str, Any]]:
        """The other articles in an article's cluster of near-duplicates, oldest first."""
        cluster = article.get("cluster_id")
        if cluster is None:
            return []
        return list(
            self.db.query(
                "SELECT id, site, url, title, published, similarity FROM articles "
                "WHERE cluster_id = ? AND id != ? ORDER BY id",
                [cluster, article["id"]],
            )
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

    def frontier_entry(
        self, url: str, *, known_before: str | None = None
    ) -> tuple[str | None, str | None, str | None] | None:
        """(etag, last_modified, next_due) of one known article URL (first seen at or before
        ``known_before``, an ISO UTC time, when given); None for a URL the archive never saw.

        One primary-key lookup: a crawl consults the frontier per request instead of loading
        it whole (400 bytes a URL in memory: 400 MB for a million-article archive).
        """
        sql = "SELECT etag, last_modified, next_due FROM frontier WHERE url = ?"
        params: list[str] = [url]
        if known_before is not None:
            sql += " AND first_seen <= ?"
            params.append(known_before)
        row = self.db.execute(sql, params).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def count_frontier(self) -> int:
        """How many article URLs the frontier knows."""
        return int(self.db.execute("SELECT count(*) FROM frontier").fetchone()[0])

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


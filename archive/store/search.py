"""Search, reports and snapshots: FTS5 queries with filters, statistics, export preparation."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .articles import ARTICLE_COLUMNS, ArticlesPart
from .base import SearchSyntaxError

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
    languages: Sequence[str], sections: Sequence[str], cluster: int | None = None,
) -> tuple[list[str], list[Any]]:
    """WHERE conditions over ``articles a`` for the search and export filters."""
    where: list[str] = []
    params: list[Any] = []
    if cluster is not None:
        where.append("a.cluster_id = ?")
        params.append(cluster)
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




class SearchPart(ArticlesPart):
    """Reading the archive: full-text search, summaries, snapshot preparation."""

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
        cluster: int | None = None,
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
        where, params = _article_filters(sites, since, until, languages, sections, cluster)
        columns = (
            "a.id, a.url, a.site, a.title, a.published, a.published_utc, a.language, a.section, "
            "a.cluster_id"
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

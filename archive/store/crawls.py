"""Crawls: the crawl records, their counters, history and per-site health."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .base import StoreBase, utc_now

CRAWL_COUNTERS = ("pages", "articles_new", "articles_updated", "articles_unchanged",
                  "duplicates", "errors")




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


class CrawlsPart(StoreBase):
    """The ``crawls`` table: one row per crawl."""

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

    def name_crawl_site(self, crawl_id: int, site: str) -> None:
        """Give a crawl started by URL the site name the spider derived (when it has none)."""
        with self.write():
            self.db.execute(
                "UPDATE crawls SET site = ? WHERE id = ? AND site IS NULL", [site, crawl_id]
            )

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
                            if not k.startswith("http_") and k not in CrawlsPart._PROCESSING_KINDS)
            requests += (row["pages"] or 0) + no_answer
            failed += no_answer + sum(v for k, v in kinds.items() if k.startswith("http_"))
            blocked += sum(v for k, v in kinds.items() if k in CrawlsPart._BLOCK_KINDS)
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


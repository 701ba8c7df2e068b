"""Helpers shared by the fault, crash and concurrency tests: crawl settings, truth, archive reads."""

from __future__ import annotations

import json
import sqlite3
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive.store import ArchiveStore

FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_TIMEOUT": "3",
    "EXTRACT_TIMEOUT": "10",
    "POLITE_RETRY_AFTER_MAX": "10",
    "MEMUSAGE_CHECK_INTERVAL_SECONDS": "0.5",
    "MEMUSAGE_LIMIT_MB": "900",
}
"""Settings of every test crawl: no AutoThrottle, short timeouts, memory watched (and capped)."""


def fetch_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def fetch_json_lines(url: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return [json.loads(line) for line in resp.read().decode("utf-8").splitlines() if line]


def read_rows(db: Path, sql: str = "SELECT * FROM articles", params: tuple[Any, ...] = ()) -> list[
        dict[str, Any]]:
    """Rows from a fresh read-only connection (closed before returning)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def article_urls(db: Path) -> list[str]:
    return [r["url"] for r in read_rows(db, "SELECT url FROM articles")]


def integrity(db: Path) -> list[str]:
    """SQLite's integrity_check and FTS5's integrity-check (via the store); empty when both pass."""
    with ArchiveStore.open(db, create=False) as store:
        return store.integrity_problems()


def wait_until(what: str, check: Callable[[], bool], timeout: float, step: float = 0.05) -> None:
    """Poll ``check`` until it holds; AssertionError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g}s waiting for {what}")
        time.sleep(step)

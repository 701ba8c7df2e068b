"""ArchiveStore: the only code that knows table names or writes SQL (WAL, migrations, batches).

One class, built up in layers by concern: ``base`` (opening, transactions) <- ``crawls`` (crawl
records, history, health) <- ``articles`` (saving, revisions, aliases, clusters, frontier) <-
``search`` (FTS5 search, reports, snapshots) <- ArchiveStore.
"""

from __future__ import annotations

from .articles import ARTICLE_COLUMNS, DEFAULT_REVISIT_TIERS, Alias, diff_chars
from .base import BUSY_TIMEOUT_S, SearchSyntaxError, StoreError, utc_now
from .crawls import CRAWL_COUNTERS, SaveCounts
from .search import (
    PUBLIC_TABLES,
    RANK_FUNCTION,
    RANK_WINDOW,
    SEARCH_SORTS,
    SNAPSHOT_INDEXES,
    SearchPart,
)

__all__ = [
    "ARTICLE_COLUMNS",
    "BUSY_TIMEOUT_S",
    "CRAWL_COUNTERS",
    "DEFAULT_REVISIT_TIERS",
    "PUBLIC_TABLES",
    "RANK_FUNCTION",
    "RANK_WINDOW",
    "SEARCH_SORTS",
    "SNAPSHOT_INDEXES",
    "Alias",
    "ArchiveStore",
    "SaveCounts",
    "SearchSyntaxError",
    "StoreError",
    "diff_chars",
    "utc_now",
]


class ArchiveStore(SearchPart):
    """The archive database. Open with ``ArchiveStore.open(path)``; use as a context manager."""

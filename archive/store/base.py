"""The store's foundation: opening the archive (WAL, busy timeout, migrations), write transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlite_utils import Database

from ..migrations import migrations

BUSY_TIMEOUT_S = 30.0
CACHE_KIB = 16 * 1024
"""Page cache per connection (SQLite's default is 2 MiB): a batch of articles dirties index
pages all over (URLs, frontier, MinHash bands), and they should stay in memory until commit."""
WAL_AUTOCHECKPOINT_PAGES = 10_000
"""Checkpoint the WAL at ~40 MB instead of SQLite's ~4 MB: with the default, nearly every batch
commit of a crawl triggered a checkpoint (a copy back and an fsync); see bench/README.md."""

class StoreError(RuntimeError):
    """The archive cannot be opened or used; the message says what to do."""


class SearchSyntaxError(ValueError):
    """A raw FTS5 query that SQLite rejects."""


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string with a Z, to the second."""
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_utc(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _iso_utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")



class StoreBase:
    """The connection and its lifecycle; the other parts of ArchiveStore build on it."""

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
    def open(cls, path: str | Path, *, create: bool = True) -> Self:
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
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            db.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
            db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open archive {p}: {exc}") from exc
        return cls(db, p)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


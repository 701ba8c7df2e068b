"""Schema history of the archive database (sqlite-utils Migrations); FTS is created here too."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsarchive")

FTS_TOKENIZER = "unicode61 remove_diacritics 2"
"""Unicode-aware word splitting with diacritics folded (café = cafe); no stemming, since the
archive is multilingual and an English-only stemmer would mangle other languages."""


@migrations()
def m001_initial(db: Database) -> None:
    """Articles, the URLs they were seen under, crawls, and the FTS5 index over title and body."""
    db["crawls"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "target": str,
            "site": str,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "pages": int,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "duplicates": int,
            "errors": int,
            "error_summary": str,
            "stats": str,
        },
        pk="id",
        not_null={"target", "started_at", "status"},
        defaults={
            "status": "running",
            "pages": 0,
            "articles_new": 0,
            "articles_updated": 0,
            "articles_unchanged": 0,
            "duplicates": 0,
            "errors": 0,
        },
    )
    db["articles"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "url": str,
            "site": str,
            "title": str,
            "body": str,
            "authors": str,
            "language": str,
            "section": str,
            "tags": str,
            "image": str,
            "description": str,
            "published": str,
            "published_utc": str,
            "timezone": str,
            "published_zone": str,
            "published_source": str,
            "published_raw": str,
            "published_precision": str,
            "modified": str,
            "modified_utc": str,
            "modified_source": str,
            "modified_raw": str,
            "modified_precision": str,
            "body_source": str,
            "fetched_at": str,
            "first_seen": str,
            "content_hash": str,
            "crawl_id": int,
        },
        pk="id",
        not_null={"url", "site", "body", "fetched_at", "content_hash"},
        foreign_keys=[("crawl_id", "crawls", "id")],
    )
    db["articles"].create_index(["url"], unique=True)  # type: ignore[union-attr]
    db["articles"].create_index(["content_hash"])  # type: ignore[union-attr]
    db["articles"].create_index(["published_utc"])  # type: ignore[union-attr]
    db["articles"].create_index(["site", "published_utc"])  # type: ignore[union-attr]
    db["article_urls"].create(  # type: ignore[union-attr]
        {"url": str, "article_id": int, "first_seen": str, "last_seen": str},
        pk="url",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_urls"].create_index(["article_id"])  # type: ignore[union-attr]
    db["articles"].enable_fts(  # type: ignore[union-attr]
        ["title", "body"], create_triggers=True, tokenize=FTS_TOKENIZER
    )


@migrations()
def m002_revisions_frontier_clusters(db: Database) -> None:
    """Revisions, the crawl frontier, near-duplicate clusters (MinHash LSH) and per-kind counts."""
    articles = db["articles"]
    articles.add_column("body_hash", str)  # type: ignore[union-attr]
    articles.add_column("cluster_id", int)  # type: ignore[union-attr]
    articles.add_column("similarity", float)  # type: ignore[union-attr]
    articles.add_column("revision", int, not_null_default=1)  # type: ignore[union-attr]
    articles.add_column("etag", str)  # type: ignore[union-attr]
    articles.add_column("last_modified", str)  # type: ignore[union-attr]
    db.execute("UPDATE articles SET cluster_id = id WHERE cluster_id IS NULL")
    articles.create_index(["body_hash"])  # type: ignore[union-attr]
    articles.create_index(["cluster_id"])  # type: ignore[union-attr]
    db["revisions"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "article_id": int,
            "revision": int,
            "title": str,
            "body": str,
            "modified": str,
            "fetched_at": str,
            "content_hash": str,
            "diff_chars": int,
            "crawl_id": int,
        },
        pk="id",
        not_null={"article_id", "revision", "body", "fetched_at"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["revisions"].create_index(["article_id", "revision"], unique=True)  # type: ignore[union-attr]
    db["frontier"].create(  # type: ignore[union-attr]
        {
            "url": str,
            "article_id": int,
            "first_seen": str,
            "last_fetched": str,
            "last_changed": str,
            "etag": str,
            "last_modified": str,
            "next_due": str,
            "fetches": int,
            "unchanged_streak": int,
        },
        pk="url",
        defaults={"fetches": 0, "unchanged_streak": 0},
    )
    db["frontier"].create_index(["next_due"])  # type: ignore[union-attr]
    db["minhash"].create(  # type: ignore[union-attr]
        {"article_id": int, "signature": bytes}, pk="article_id"
    )
    db["minhash_bands"].create(  # type: ignore[union-attr]
        {"band_key": int, "article_id": int}
    )
    db["minhash_bands"].create_index(["band_key"])  # type: ignore[union-attr]
    crawls = db["crawls"]
    for column in ("duplicates_url", "duplicates_content", "duplicates_near", "not_modified",
                   "skipped_not_due"):
        crawls.add_column(column, int, not_null_default=0)  # type: ignore[union-attr]


@migrations()
def m003_crawl_history_indexes(db: Database) -> None:
    """Indexes for crawl history and site health: a site's crawls, the articles a crawl wrote."""
    db["crawls"].create_index(["site", "id"], if_not_exists=True)  # type: ignore[union-attr]
    db["articles"].create_index(["crawl_id"], if_not_exists=True)  # type: ignore[union-attr]


@migrations()
def m004_band_index_without_rowid(db: Database) -> None:
    """The LSH band index as one clustered B-tree (band_key, article_id), not a table + index.

    Band keys are random 64-bit values, so every insert lands on a random page; keeping one tree
    instead of two halves that work, and a lookup reads the article ids from the same pages.
    """
    db.execute(
        "CREATE TABLE minhash_bands_new (band_key INTEGER NOT NULL, article_id INTEGER NOT NULL, "
        "PRIMARY KEY (band_key, article_id)) WITHOUT ROWID"
    )
    db.execute(
        "INSERT OR IGNORE INTO minhash_bands_new (band_key, article_id) "
        "SELECT band_key, article_id FROM minhash_bands"
    )
    db.execute("DROP TABLE minhash_bands")
    db.execute("ALTER TABLE minhash_bands_new RENAME TO minhash_bands")


@migrations()
def m005_archive_meta(db: Database) -> None:
    """Key/value facts about the archive itself (e.g. how the LSH band index is cut)."""
    db["archive_meta"].create({"key": str, "value": str}, pk="key")  # type: ignore[union-attr]


@migrations()
def m006_text_without_soft_hyphens(db: Database) -> None:
    """Articles archived with soft hyphens (U+00AD), as extraction gives them since it drops them.

    The hints sat inside words, so full-text search could not find those words, and the next
    fetch of the article (without them) would have counted as a new revision. Title and body
    lose them (the search index follows by its triggers); content hash, body hash, MinHash
    signature and band keys are computed again. Revisions keep the text they recorded. Done
    in batches of ids, so an archive of any size fits in memory.
    """
    from scraper.fingerprint import LshParams, band_keys, body_hash, content_hash, signature

    layout = db.execute("SELECT value FROM archive_meta WHERE key = 'lsh_layout'").fetchone()
    bands, _, rows = (layout[0] if layout else "").partition("x")
    params = LshParams(0.0, int(bands), int(rows)) if bands.isdigit() and rows.isdigit() else None
    ids = [row[0] for row in db.execute(
        "SELECT id FROM articles "
        "WHERE instr(body, char(173)) > 0 OR instr(coalesce(title, ''), char(173)) > 0"
    ).fetchall()]
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        marks = ", ".join("?" * len(batch))
        for article_id, title, body in db.execute(
            f"SELECT id, title, body FROM articles WHERE id IN ({marks})", batch
        ).fetchall():
            title = title.replace("\xad", "") if title else title
            body = (body or "").replace("\xad", "")
            db.execute(
                "UPDATE articles SET title = ?, body = ?, content_hash = ?, body_hash = ? "
                "WHERE id = ?",
                [title, body, content_hash(title, body), body_hash(body), article_id],
            )
            old = db.execute(
                "SELECT signature FROM minhash WHERE article_id = ?", [article_id]
            ).fetchone()
            if old is None or params is None:
                # no layout recorded (an archive older than archive_meta): the band keys cannot
                # be computed, so signature and bands stay as they are, consistent together
                continue
            db.conn.executemany(  # the old keys, by the table's primary key
                "DELETE FROM minhash_bands WHERE band_key = ? AND article_id = ?",
                [(key, article_id) for key in band_keys(bytes(old[0]), params)],
            )
            sig = signature(body)
            if sig is None:
                db.execute("DELETE FROM minhash WHERE article_id = ?", [article_id])
                continue
            db.execute("UPDATE minhash SET signature = ? WHERE article_id = ?", [sig, article_id])
            db.conn.executemany(
                "INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
                [(key, article_id) for key in band_keys(sig, params)],
            )

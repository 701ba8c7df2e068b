"""ArchiveStore: migrations, WAL, batched saves with new/updated/unchanged/duplicate outcomes, FTS."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from archive.search import QueryError, build_match
from archive.store import ArchiveStore, SearchSyntaxError, StoreError

LONG = " ".join(f"Sentence number {i} of a long story about the harbour." for i in range(12))


def record(url: str, body: str = "The council met on Thursday to vote.", **extra: Any) -> dict[str, Any]:
    from scraper.items import content_hash

    data = {
        "url": url, "site": "demo", "title": "Council vote", "body": body, "authors": ["A B"],
        "published": "2021-07-22T16:25:00+04:00", "published_utc": "2021-07-22T12:25:00Z",
        "timezone": "+04:00", "fetched_at": "2026-01-01T00:00:00Z",
    }
    data.update(extra)
    data["content_hash"] = content_hash(data["title"], data["body"])
    return data


def test_open_sets_wal_and_applies_migrations(tmp_path: Path) -> None:
    with ArchiveStore.open(tmp_path / "a.db") as store:
        assert store.db.journal_mode == "wal"
        assert {"articles", "crawls", "article_urls", "articles_fts"} <= set(store.db.table_names())
    with ArchiveStore.open(tmp_path / "a.db") as store:  # reopening applies nothing twice
        from archive.migrations import migrations

        applied = store.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert applied == len(migrations.applied(store.db)) == len(migrations._migrations)
        assert migrations.pending(store.db) == []


def test_open_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        ArchiveStore.open(tmp_path)
    with pytest.raises(StoreError, match="no archive at"):
        ArchiveStore.open(tmp_path / "missing.db", create=False)
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open archive"):
        ArchiveStore.open(tmp_path / "junk.db")


def test_save_outcomes_and_crawl_counts(tmp_path: Path) -> None:
    with ArchiveStore.open(tmp_path / "a.db") as store:
        crawl = store.start_crawl("http://e.com/", "demo")
        first = store.save_articles(
            [record("http://e.com/1", urls=["http://e.com/1?utm_source=x"])], crawl_id=crawl
        )
        assert (first.new, first.updated, first.unchanged) == (1, 0, 0)
        again = store.save_articles([record("http://e.com/1")], crawl_id=crawl)
        assert (again.new, again.unchanged) == (0, 1)
        changed = store.save_articles([record("http://e.com/1", body=LONG)], crawl_id=crawl)
        assert changed.updated == 1
        copy = store.save_articles([record("http://e.com/print/1", body=LONG)], crawl_id=crawl)
        assert copy.duplicates == 1
        assert store.count_articles() == 1
        article = store.article("http://e.com/print/1")
        assert article is not None and article["body"] == LONG
        assert article["revision"] == 2
        assert [r["revision"] for r in store.revisions(article["id"])] == [1, 2]
        assert article["urls"] == ["http://e.com/1", "http://e.com/1?utm_source=x", "http://e.com/print/1"]
        row = store.crawl(crawl)
        assert row is not None
        assert (row["articles_new"], row["articles_updated"], row["articles_unchanged"],
                row["duplicates"]) == (1, 1, 1, 1)
        store.finish_crawl(crawl, status="finished", pages=7, errors=2, error_summary={"http_404": 2})
        row = store.crawl(crawl)
        assert row is not None and (row["status"], row["pages"], row["errors"]) == ("finished", 7, 2)
        assert store.integrity_problems() == []


def test_unchanged_article_is_not_rewritten(tmp_path: Path) -> None:
    with ArchiveStore.open(tmp_path / "a.db") as store:
        store.save_articles([record("http://e.com/1")])
        row_before = store.article("http://e.com/1")
        before = store.db.execute("SELECT total_changes()").fetchone()[0]
        store.save_articles([record("http://e.com/1", body="The  council met on Thursday to vote. ")])
        after = store.db.execute("SELECT total_changes()").fetchone()[0]
        # only bookkeeping rows change: article_urls.last_seen and the frontier entry
        assert after - before == 2
        assert store.article("http://e.com/1") == row_before
        assert store.revisions(row_before["id"] if row_before else 0) == []


def test_search_escapes_and_ranks_title_higher(tmp_path: Path) -> None:
    with ArchiveStore.open(tmp_path / "a.db") as store:
        store.save_articles([
            record("http://e.com/1", title="Harbour news", body="The harbour council met. " * 3),
            record("http://e.com/2", title="Budget", body="Café owners and the harbour budget."),
        ])
        hits = store.search(build_match("harbour"))
        assert [h["url"] for h in hits] == ["http://e.com/1", "http://e.com/2"]
        assert "\x02harbour\x03" in hits[0]["snippet"].lower()
        assert [h["url"] for h in store.search(build_match("cafe"))] == ["http://e.com/2"]
        assert [h["url"] for h in store.search(build_match('"harb*'))] == ["http://e.com/1",
                                                                           "http://e.com/2"]
        for hostile in ('"', "-", "NEAR(", "title:", "a" * 10_000, "AND OR NOT"):
            try:
                match = build_match(hostile)
            except QueryError:
                continue
            assert isinstance(store.search(match), list)
        with pytest.raises(SearchSyntaxError):
            store.search(build_match('"unbalanced', raw=True))


def test_readers_see_committed_rows_while_a_writer_is_open(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with ArchiveStore.open(path) as writer:
        writer.save_articles([record("http://e.com/1")])
        writer.db.execute("BEGIN")
        writer.db.execute("UPDATE articles SET title = 'uncommitted'")
        reader = sqlite3.connect(path)
        assert reader.execute("SELECT title FROM articles").fetchone()[0] == "Council vote"
        reader.close()
        writer.db.conn.rollback()


def test_concurrent_writers_queue_instead_of_failing(tmp_path: Path) -> None:
    """Two connections saving batches at once (read-then-write transactions) never see
    'database is locked': BEGIN IMMEDIATE makes the second writer wait its turn."""
    import threading

    path = tmp_path / "a.db"
    ArchiveStore.open(path).close()
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            with ArchiveStore.open(path) as store:
                for batch in range(15):
                    store.save_articles([
                        record(f"http://{name}.com/{batch}/{i}", body=f"{name} {batch} {i} " + LONG)
                        for i in range(10)
                    ])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with ArchiveStore.open(path) as store:
        assert store.count_articles() == 3 * 15 * 10
        assert store.integrity_problems() == []


def test_changing_the_near_duplicate_threshold_rebands_the_archive(tmp_path: Path) -> None:
    from scraper.fingerprint import band_keys, lsh_params, signature

    old, new = lsh_params(0.6), lsh_params(0.8)
    assert (old.bands, old.rows) != (new.bands, new.rows)
    with ArchiveStore.open(tmp_path / "a.db") as store:
        assert store.ensure_band_layout(old) == 0  # first time: the layout is recorded
        records = []
        for i in range(3):
            body = f"Story {i}: " + LONG.replace("harbour", f"harbour{i}")
            sig = signature(body)
            assert sig is not None
            records.append(record(f"http://e.com/{i}", body=body, title=f"T{i}", minhash=sig,
                                  band_keys=band_keys(sig, old)))
        store.save_articles(records, near_threshold=0.6)
        assert store.ensure_band_layout(old) == 0  # unchanged: nothing to do
        assert store.ensure_band_layout(new) == 3
        bands = store.db.execute("SELECT count(*) FROM minhash_bands").fetchone()[0]
        assert bands == 3 * new.bands
        # an exact copy of story 1 on another site is found with the new layout
        body = records[1]["body"]
        sig = signature(body)
        assert sig is not None
        copy = record("http://other.org/1", body=body, title="T1 elsewhere", site="other",
                      minhash=sig, band_keys=band_keys(sig, new))
        store.save_articles([copy], near_threshold=0.8)
        first, again = store.article("http://e.com/1"), store.article("http://other.org/1")
        assert first is not None and again is not None
        assert again["cluster_id"] == first["cluster_id"]


def test_frontier_entry_is_one_lookup_of_urls_known_before_a_time(tmp_path: Path) -> None:
    with ArchiveStore.open(tmp_path / "a.db") as store:
        store.save_articles([record("http://e.com/1", etag='"v1"', urls=["http://e.com/print/1"])])
        first_seen = store.db.execute(
            "SELECT first_seen FROM frontier WHERE url = 'http://e.com/1'").fetchone()[0]
        entry = store.frontier_entry("http://e.com/1")
        assert entry is not None and entry[0] == '"v1"' and entry[2] is not None  # next_due set
        assert store.frontier_entry("http://e.com/print/1", known_before=first_seen) is not None
        assert store.frontier_entry("http://e.com/1", known_before="2000-01-01T00:00:00Z") is None
        assert store.frontier_entry("http://e.com/unknown") is None
        assert store.count_frontier() == 2


def test_soft_hyphens_alone_make_no_new_revision(tmp_path: Path) -> None:
    """An article archived with soft hyphens (before extraction dropped them), fetched again
    without them: the same content, even for an archive whose hashes predate the change; the
    migration also makes its words findable and its MinHash that of the text without them."""
    from archive.migrations import m006_text_without_soft_hyphens
    from scraper.fingerprint import band_keys, lsh_params, signature

    shy = LONG.replace("harbour", "har\u00adbour")
    params = lsh_params(0.6)
    old_sig = signature(shy)
    assert old_sig is not None
    with ArchiveStore.open(tmp_path / "a.db") as store:
        store.save_articles([record("http://e.com/1", body=shy)])
        again = store.save_articles([record("http://e.com/1", body=LONG)])
        assert (again.updated, again.unchanged) == (0, 1)
        # as an older version stored it: its hashes and MinHash of the text with the hints
        article = store.article("http://e.com/1")
        assert article is not None
        store.db.execute("UPDATE articles SET content_hash = 'old', body_hash = 'old'")
        store.db.execute("DELETE FROM minhash_bands")
        store.db.execute("INSERT OR REPLACE INTO minhash (article_id, signature) VALUES (?, ?)",
                         [article["id"], old_sig])
        store.db.conn.executemany(
            "INSERT INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
            [(key, article["id"]) for key in band_keys(old_sig, params)])
        store.db.execute("INSERT OR REPLACE INTO archive_meta (key, value) VALUES "
                         "('lsh_layout', ?)", [f"{params.bands}x{params.rows}"])
        assert store.search("harbour") == []  # FTS5 keeps the hint inside the token
        m006_text_without_soft_hyphens(store.db)
        article = store.article("http://e.com/1")
        assert article is not None and article["body"] == LONG
        assert [hit["url"] for hit in store.search("harbour")] == ["http://e.com/1"]
        new_sig = signature(LONG)
        assert new_sig is not None
        assert bytes(store.db.execute("SELECT signature FROM minhash").fetchone()[0]) == new_sig
        keys = {row[0] for row in store.db.execute("SELECT band_key FROM minhash_bands")}
        assert keys == set(band_keys(new_sig, params))
        later = store.save_articles([record("http://e.com/1", body=LONG)])
        assert (later.updated, later.unchanged) == (0, 1)
        assert store.revisions(article["id"]) == []


def test_soft_hyphen_migration_leaves_the_near_duplicate_index_of_an_archive_without_a_layout(
    tmp_path: Path,
) -> None:
    """An archive written before the band layout was recorded: the text and hashes are fixed,
    the signature and its band keys stay together as they were (they cannot be recomputed)."""
    from archive.migrations import m006_text_without_soft_hyphens
    from scraper.fingerprint import band_keys, lsh_params
    from scraper.fingerprint import signature as minhash

    shy = LONG.replace("harbour", "har\u00adbour")
    sig = minhash(shy)
    assert sig is not None
    with ArchiveStore.open(tmp_path / "a.db") as store:
        store.save_articles([record("http://e.com/1", body=shy)])
        article_id = store.db.execute("SELECT id FROM articles").fetchone()[0]
        store.db.execute("INSERT OR REPLACE INTO minhash (article_id, signature) VALUES (?, ?)",
                         [article_id, sig])
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO minhash_bands (band_key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in band_keys(sig, lsh_params(0.6))])
        store.db.execute("DELETE FROM archive_meta WHERE key = 'lsh_layout'")
        before = store.db.execute("SELECT * FROM minhash_bands ORDER BY band_key").fetchall()
        signature = store.db.execute("SELECT signature FROM minhash").fetchall()
        assert before and signature
        m006_text_without_soft_hyphens(store.db)
        assert store.db.execute("SELECT * FROM minhash_bands ORDER BY band_key").fetchall() == before
        assert store.db.execute("SELECT signature FROM minhash").fetchall() == signature
        article = store.article("http://e.com/1")
        assert article is not None and article["body"] == LONG

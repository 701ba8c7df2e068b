"""Archive ingest rate: ArchiveStore.save_articles (FTS, dedup, clusters) vs raw sqlite3 executemany.

Usage (from the repository root)::

    python bench/store.py [--articles 20000] [--batch 50] [--repeat 3] [--out bench/results/store.md]

Records are the articles of two demo portals (generated in process) that share wire stories
(20% of each are edited wire copies, so near-duplicate clusters form), shaped as
``pipelines.store.StorePipeline`` hands them to the store: every archive column, the URLs the
article was seen under, its MinHash signature and LSH band keys (computed beforehand, as the
crawl's extraction workers and DedupPipeline do).

- ``ArchiveStore``: ``save_articles(batch, near_threshold=0.6)`` per batch, as the store
  pipeline calls it: per article a lookup by URL, the same-body check, the insert (FTS5
  triggers), the near-duplicate lookup through the band index, the MinHash rows, the URL and
  frontier upserts; crawl counters per batch; one BEGIN IMMEDIATE transaction per batch.
- ``raw sqlite3``: the same archive schema (created by ArchiveStore, so the same FTS5 table and
  triggers), the same PRAGMAs, then ``executemany`` of the article rows alone, one transaction
  per batch: the ceiling of inserting these rows into this schema from Python.

Each variant writes a fresh file; the rate is articles per second of wall time over all
batches (the best of ``--repeat`` runs, each side by side).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from archive.portal.content import Portal, PortalConfig
from archive.store import ARTICLE_COLUMNS, ArchiveStore
from scraper.fingerprint import band_keys, fingerprints, lsh_params

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD = 0.6
ORIGIN = "http://bench.example"
INSERT_COLUMNS = [*ARTICLE_COLUMNS, "first_seen", "crawl_id"]


def make_records(count: int) -> list[dict[str, Any]]:
    """``count`` article records as the store pipeline builds them (hashes included)."""
    half = (count + 1) // 2
    outlets = [Portal(PortalConfig(articles=half, seed=seed, wire_share=0.2, wire_seed=3))
               for seed in (1, 2)]  # two outlets that share wire stories: near-duplicates
    lsh = lsh_params(THRESHOLD)
    records = []
    for i in range(count):
        t = outlets[i % 2].truth(i // 2, f"{ORIGIN}/{i % 2}")
        fp = fingerprints(t["title"], t["body"], minhash=True)
        records.append({
            "url": t["url"], "site": f"outlet{i % 2}", "title": t["title"], "body": t["body"],
            "authors": t["authors"], "language": "en", "section": t["section"], "tags": [],
            "image": None, "description": t["first_sentence"], "published": t["published"],
            "published_utc": t["published_utc"], "timezone": t["timezone"],
            "published_zone": "Europe/Berlin", "published_source": "jsonld",
            "published_raw": t["published"], "published_precision": "second",
            "modified": t["modified"], "modified_utc": t["modified_utc"],
            "modified_source": "jsonld" if t["modified"] else None,
            "modified_raw": t["modified"], "modified_precision": "second" if t["modified"] else None,
            "body_source": "trafilatura", "fetched_at": "2026-11-29T03:00:00Z",
            "content_hash": fp.content_hash, "body_hash": fp.body_hash, "etag": f'"e{i}"',
            "last_modified": "Sun, 29 Nov 2026 03:00:00 GMT",
            "minhash": fp.minhash, "band_keys": band_keys(fp.minhash, lsh) if fp.minhash else [],
            "urls": t["urls"][:2],
        })
    return records


def batches(records: Sequence[dict[str, Any]], size: int) -> list[Sequence[dict[str, Any]]]:
    return [records[i : i + size] for i in range(0, len(records), size)]


def run_store(path: Path, records: Sequence[dict[str, Any]], size: int,
              near: float | None) -> tuple[float, dict[str, int]]:
    """Seconds to save every batch through ArchiveStore, and what the store counted."""
    with ArchiveStore.open(path) as store:
        crawl_id = store.start_crawl(ORIGIN)
        totals: dict[str, int] = {}
        started = time.perf_counter()
        for batch in batches(records, size):
            counts = store.save_articles(batch, crawl_id=crawl_id, near_threshold=near)
            for name in ("new", "duplicates", "near"):
                totals[name] = totals.get(name, 0) + getattr(counts, name)
        seconds = time.perf_counter() - started
    return seconds, totals


def raw_rows(records: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The article rows as ArchiveStore writes them (authors/tags as JSON), prepared untimed."""
    now = "2026-11-29T03:00:00Z"
    rows = []
    for r in records:
        row = {c: r.get(c) for c in ARTICLE_COLUMNS}
        row["authors"] = json.dumps(list(r["authors"] or []), ensure_ascii=False)
        row["tags"] = json.dumps(list(r["tags"] or []), ensure_ascii=False)
        rows.append((*[row[c] for c in ARTICLE_COLUMNS], now, 1))
    return rows


def run_raw(path: Path, records: Sequence[dict[str, Any]], size: int) -> tuple[float, dict[str, int]]:
    """Seconds to executemany the article rows into the same schema, one transaction a batch."""
    with ArchiveStore.open(path) as store:  # the schema, FTS5 table and triggers; its PRAGMAs
        store.start_crawl(ORIGIN)
        pragmas = {name: store.db.execute(f"PRAGMA {name}").fetchone()[0]
                   for name in ("synchronous", "cache_size", "wal_autocheckpoint")}
    rows = raw_rows(records)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = wal")
        for name, value in pragmas.items():
            conn.execute(f"PRAGMA {name} = {value}")
        sql = (f"INSERT INTO articles ({', '.join(INSERT_COLUMNS)}) "
               f"VALUES ({', '.join('?' * len(INSERT_COLUMNS))})")
        started = time.perf_counter()
        for i in range(0, len(rows), size):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(sql, rows[i : i + size])
            conn.execute("COMMIT")
        seconds = time.perf_counter() - started
    finally:
        conn.close()
    return seconds, {"new": len(rows)}


def fts_ok(path: Path, expected: int) -> bool:
    """The FTS index holds every article and passes FTS5's integrity check."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        return int(conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]) == expected
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=50, help="articles per transaction "
                        "(ARCHIVE_BATCH_SIZE's default)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best is reported")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "store.md",
                        help="markdown results (- = print only)")
    args = parser.parse_args(argv)

    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"generating {args.articles} records ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    records = make_records(args.articles)
    print(f"  {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    variants: dict[str, Callable[[Path], tuple[float, dict[str, int]]]] = {
        "ArchiveStore (FTS, dedup, near-dup clusters)":
            lambda p: run_store(p, records, args.batch, THRESHOLD),
        "ArchiveStore (FTS, dedup, no near-dup)": lambda p: run_store(p, records, args.batch, None),
        "raw sqlite3 executemany (same schema + FTS triggers)": lambda p: run_raw(p, records, args.batch),
    }
    best: dict[str, float] = {}
    counted: dict[str, dict[str, int]] = {}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        for round_ in range(1, args.repeat + 1):
            for n, (name, fn) in enumerate(variants.items()):
                path = Path(tmp) / f"v{n}-r{round_}.db"
                seconds, counts = fn(path)
                if not fts_ok(path, counts["new"]):
                    raise SystemExit(f"{name}: the FTS index does not match the articles table")
                best[name] = min(seconds, best.get(name, seconds))
                counted[name] = counts
                sizes[name] = sum(p.stat().st_size for p in Path(tmp).glob(f"{path.name}*"))
                print(f"round {round_}: {name}: {args.articles / seconds:,.0f} articles/s",
                      file=sys.stderr, flush=True)
    raw_name = list(variants)[-1]
    header = ["variant", "articles/s", "ms/article", "vs raw", "new", "duplicates", "near", "file MB"]
    rows = []
    for name, seconds in best.items():
        c = counted[name]
        rows.append([
            name, f"{args.articles / seconds:,.0f}", f"{1000 * seconds / args.articles:.3f}",
            f"{best[raw_name] / seconds:.2f}x", str(c.get("new", 0)), str(c.get("duplicates", "-")),
            str(c.get("near", "-")), f"{sizes[name] / 2**20:.0f}",
        ])
    ratio = best[raw_name] / best[next(iter(variants))]
    verdict = "met" if ratio >= 0.5 else "NOT met"
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        "# Store ingest benchmark (`bench/store.py`)",
        "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; machine: {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"sqlite-utils {version('sqlite-utils')}",
        f"- {args.articles:,} articles of two demo portals sharing wire copy (20%), "
        f"{args.batch} per transaction, best of {args.repeat}; "
        f"load average before {load_before}, after {load_after}",
        "",
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
        *("| " + " | ".join(r) + " |" for r in rows),
        "",
        f"- ArchiveStore with FTS and dedup / raw executemany: {ratio:.2f}x (goal >= 0.5x: {verdict})",
    ]
    print("\n".join(lines[5:]))
    if args.out and str(args.out) != "-":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

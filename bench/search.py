"""Search latency on synthetic archives (10k / 100k / 1M articles), ours next to sqlite-utils.

    python bench/search.py [--sizes 10000,100000] [--queries 40] [--data DIR] [--load triggers|rebuild]
        [--out bench/results/search.md]

Articles are generated text whose words follow a Zipf law (s = 1.0 over a 200,000-word
vocabulary, the shape of word frequencies in news text), 6-12 word titles and 40-600 word
bodies. Each archive is a real ArchiveStore file (same schema, FTS5 index and tokenizer); it is
kept in --data and reused when it already has the right size.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

from archive.search import build_match
from archive.store import RANK_WINDOW, ArchiveStore

ROOT = Path(__file__).resolve().parent.parent

VOCABULARY = 200_000
ZIPF_S = 1.0
FUNCTION_WORDS = [
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "said", "with", "was",
    "as", "at", "by", "it", "from", "he", "be", "has", "his", "have", "are", "an", "its",
    "will", "were", "but", "not", "which", "they", "this", "been", "had", "their", "who",
    "more", "after", "also", "would", "about",
]  # fmt: skip
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
CLASSES = ("common word", "one word", "two words", "phrase", "rare word")
SEED = 20240131


def vocabulary() -> list[str]:
    """Rank-ordered words: English function words first, then distinct made-up words."""
    rng = random.Random(SEED)
    words = list(FUNCTION_WORDS)
    seen = set(words)
    while len(words) < VOCABULARY:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def zipf_weights() -> list[float]:
    return list(accumulate(1.0 / (rank ** ZIPF_S) for rank in range(1, VOCABULARY + 1)))


COLUMNS = ("url", "site", "title", "body", "language", "section", "published", "published_utc",
           "fetched_at", "content_hash")


def articles(n: int, words: list[str], cum: list[float]) -> Iterator[tuple[Any, ...]]:
    """n synthetic article rows (COLUMNS order), deterministic for (n, SEED)."""
    rng = random.Random(SEED + n)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    sections = ("world", "politics", "business", "science", "culture", "sport")
    for i in range(n):
        title = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(6, 12))).capitalize()
        length = min(600, max(40, int(rng.lognormvariate(5.4, 0.5))))  # median ~220 words
        tokens = rng.choices(words, cum_weights=cum, k=length)
        body = "\n\n".join(
            " ".join(tokens[j : j + 60]).capitalize() + "." for j in range(0, length, 60)
        )
        when = start + timedelta(minutes=i * 2_600_000 // max(n, 1))
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        yield (f"https://site{i % 5}.example/{sections[i % 6]}/{i}", f"site{i % 5}", title, body,
               "en", sections[i % 6], stamp.replace("Z", "+00:00"), stamp, stamp, f"{i:064x}")


def build(path: Path, n: int, load: str, words: list[str], cum: list[float]) -> float:
    """Create the archive file; returns seconds taken."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with ArchiveStore.open(path) as store:
        batch = 50_000
        rows = articles(n, words, cum)
        done = 0
        while done < n:
            chunk = [row for _, row in zip(range(min(batch, n - done)), rows, strict=False)]
            store.bulk_insert_articles(chunk, COLUMNS, index=load == "triggers")
            done += len(chunk)
            print(f"  {path.name}: {done:,}/{n:,} articles, {time.perf_counter() - started:.0f}s",
                  file=sys.stderr, flush=True)
        if load == "rebuild":
            store.rebuild_search_index()
    return time.perf_counter() - started


def queries(path: Path, words: list[str], count: int) -> dict[str, list[tuple[str, str]]]:
    """Per class: (our plain query, the same as FTS5 syntax for sqlite-utils)."""
    rng = random.Random(SEED)
    very_common = words[10:100]  # ranks 11-100: in 15-80% of articles ("said", "council")
    content = words[100:5000]  # ranks 101-5,000: what people search for
    rare = words[50_000:]
    rank_of = {w: i for i, w in enumerate(words)}
    with ArchiveStore.open(path, create=False) as store:
        total = store.count_articles()
        bodies: list[str] = [
            str((store.article(rng.randint(1, total)) or {}).get("body") or "")
            for _ in range(count * 5)
        ]
    pairs = []
    for body in bodies:  # adjacent content words of a real article (none may exist in one)
        tokens = body.replace(".", "").lower().split()
        pairs += [(a, b) for a, b in pairwise(tokens)
                  if rank_of.get(a, 0) >= 100 and rank_of.get(b, 0) >= 100]
    out: dict[str, list[tuple[str, str]]] = {c: [] for c in CLASSES}
    for _ in range(count):
        word = rng.choice(very_common)
        out["common word"].append((word, word))
        word = rng.choice(content)
        out["one word"].append((word, word))
        two = f"{rng.choice(content)} {rng.choice(content)}"
        out["two words"].append((two, two))
        a, b = rng.choice(pairs)
        out["phrase"].append((f'"{a} {b}"', f'"{a} {b}"'))
        word = rng.choice(rare)
        out["rare word"].append((word, word))
    return out


def timed(run: Callable[[], Any], repeat: int) -> list[float]:
    run()  # warm the page cache for this query
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def _their_search(table: Any, query: str) -> list[dict[str, Any]]:
    return list(table.search(query, limit=10))


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 \
        else values[0]


def measure(path: Path, words: list[str], count: int, repeat: int) -> dict[str, Any]:
    from sqlite_utils import Database

    qs = queries(path, words, count)
    result: dict[str, Any] = {}
    with ArchiveStore.open(path, create=False) as store:
        table = Database(str(path))["articles"]
        n = store.count_articles()
        for cls in CLASSES:
            ours: list[float] = []
            exhaustive: list[float] = []
            theirs: list[float] = []
            hits: list[int] = []
            for plain, fts in qs[cls]:
                match = build_match(plain)
                hits.append(store.match_count(match))
                ours += timed(partial(store.search, match, limit=10), repeat)
                exhaustive += timed(partial(store.search, match, limit=10, rank_window=None), 1)
                theirs += timed(partial(_their_search, table, fts), repeat)
            result[cls] = {
                "ours_p50": p(ours, 50), "ours_p95": p(ours, 95), "all_p95": p(exhaustive, 95),
                "su_p50": p(theirs, 50), "su_p95": p(theirs, 95),
                "median_hits": statistics.median(hits), "max_hits": max(hits),
            }
        index_bytes = store.search_index_bytes()
    table.db.close()
    on_disk = path.stat().st_size  # both closed: the WAL is checkpointed into the file
    result["_size"] = {"bytes": on_disk, "per_article": on_disk / n,
                       "fts_per_article": (index_bytes / n) if index_bytes else None}
    return result


def report(results: dict[int, dict[str, Any]], builds: dict[int, float], args: argparse.Namespace,
           ) -> str:
    import sqlite3
    from importlib.metadata import version

    lines = [
        "# Search benchmark (`bench/search.py`)",
        "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; machine: {platform.machine()}, "
        f"{_cpus()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"sqlite-utils {version('sqlite-utils')}",
        f"- corpus: Zipf(s={ZIPF_S}) over {VOCABULARY:,} words, titles 6-12 words, bodies "
        "40-600 words (median ~220); load: " + args.load,
        f"- {args.queries} queries per class, each run {args.repeat}x after one warm-up; "
        "LIMIT 10; times in ms. ours = `ArchiveStore.search(build_match(q))` (bm25 title 5x, "
        "snippet); sqlite-utils = `table.search(q, limit=10)` (its default rank order, all columns).",
        "- common word: frequency rank 11-100 (in 15-80% of articles); one word / two words: "
        "rank 101-5,000; phrase: two adjacent rank > 100 words from a real article; rare word: "
        f"rank > 50,000. ours ranks the newest {RANK_WINDOW:,} matches when more match "
        "(`RANK_WINDOW`); `ours, all` ranks every match (`rank_window=None`).",
        "",
        "| articles | class | median hits | ours p50 | ours p95 | ours, all p95 | sqlite-utils p50 "
        "| sqlite-utils p95 |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, res in results.items():
        for cls in CLASSES:
            r = res[cls]
            lines.append(
                f"| {n:,} | {cls} | {r['median_hits']:,.0f} | {r['ours_p50']:.1f} | "
                f"{r['ours_p95']:.1f} | {r['all_p95']:.1f} | {r['su_p50']:.1f} | {r['su_p95']:.1f} |"
            )
    lines += ["", "| articles | file | bytes/article | of which FTS | build (s) |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    for n, res in results.items():
        s = res["_size"]
        fts = f"{s['fts_per_article']:,.0f}" if s["fts_per_article"] else "-"
        build = f"{builds[n]:.0f}" if n in builds else "(reused)"
        lines.append(f"| {n:,} | {s['bytes'] / 1e6:,.0f} MB | {s['per_article']:,.0f} | {fts} | "
                     f"{build} |")
    sizes = sorted(results)
    if len(sizes) > 1:
        lines += ["", "Growth of ours p95 from the smallest to the largest archive "
                  f"({sizes[-1] // sizes[0]}x the articles):"]
        for cls in CLASSES:
            lo, hi = results[sizes[0]][cls]["ours_p95"], results[sizes[-1]][cls]["ours_p95"]
            lines.append(f"- {cls}: {hi / lo:.1f}x")
    return "\n".join(lines) + "\n"


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=40, help="Queries per class.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path("/tmp/newsarchive-bench"))
    parser.add_argument("--load", choices=("triggers", "rebuild"), default="rebuild",
                        help="Keep FTS current per row, or rebuild it once after loading.")
    parser.add_argument("--rebuild-data", action="store_true", help="Regenerate archives.")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "search.md",
                        help="markdown results (- = print only)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.data.mkdir(parents=True, exist_ok=True)
    words = vocabulary()
    cum = zipf_weights()
    builds: dict[int, float] = {}
    results: dict[int, dict[str, Any]] = {}
    for n in sizes:
        path = args.data / f"search-{n}.db"
        fresh = args.rebuild_data or not path.exists()
        if not fresh:
            with ArchiveStore.open(path) as store:
                fresh = store.count_articles() != n
        if fresh:
            builds[n] = build(path, n, args.load, words, cum)
        print(f"measuring {n:,} articles", file=sys.stderr, flush=True)
        results[n] = measure(path, words, args.queries, args.repeat)
    text = report(results, builds, args)
    print(text)
    if str(args.out) != "-":  # "-": print only
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

"""Near-duplicate detection: precision/recall against the portal truth, and cost per item at scale.

    python bench/dedup.py [--outlets 3] [--articles 300] [--sizes 10000,100000]
        [--out bench/results/dedup.md]

Quality: several demo portals share a pool of wire stories (each outlet edits its copies);
each is crawled for real into one archive, and the clusters the archive ends with are scored
pairwise against the truth's ``wire_story`` marks. Scale: a synthetic corpus (Zipf-distributed
vocabulary, 5% edited copies) is saved through ArchiveStore with the crawl's MinHash/LSH
settings; we report the save cost per article at each size (flat = an index, not pairwise
comparison), the same cost with clustering off (the baseline, side by side), and how long a
reopened archive takes to answer its first near-duplicate lookup (no index to load).
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import random
import tempfile
import time
import urllib.request
from collections import defaultdict
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from archive.portal.content import PortalConfig
from archive.portal.server import running_portal
from archive.store import ArchiveStore
from scraper.fingerprint import band_keys, lsh_params, signature
from scraper.run import CrawlJob, run_crawl

THRESHOLD = 0.6


def crawl_outlets(outlets: int, articles: int, workdir: Path) -> dict[str, float]:
    """Crawl `outlets` portals sharing wire copy into one archive; pairwise P/R of clusters."""
    db = workdir / "outlets.db"
    truth: list[dict[str, Any]] = []
    for n in range(outlets):
        config = PortalConfig(articles=articles, seed=100 + n, name=f"Outlet {n}",
                              wire_share=0.35, wire_seed=9)
        with running_portal(config) as url:
            with urllib.request.urlopen(f"{url}__truth__.jsonl", timeout=120) as resp:
                truth += [json.loads(line) for line in resp.read().decode().splitlines() if line]
            outcome = run_crawl(CrawlJob(db=db, url=url, timezone="Europe/Berlin",
                                         settings={"AUTOTHROTTLE_ENABLED": "0"}))
            if not outcome.ok:
                raise SystemExit(f"crawl of {url} failed: {outcome.reason} (see {outcome.log_file})")
    with ArchiveStore.open(db) as store:
        cluster = {a["url"]: a["cluster_id"] for a in store.iter_articles()}
    missing = [t["url"] for t in truth if t["url"] not in cluster]
    if missing:
        raise SystemExit(f"{len(missing)} truth articles were not archived, e.g. {missing[0]}")
    true_pairs: set[tuple[str, str]] = set()
    by_story: dict[int, list[str]] = defaultdict(list)
    by_cluster: dict[int, list[str]] = defaultdict(list)
    for t in truth:
        if t["wire_story"] is not None:
            by_story[t["wire_story"]].append(t["url"])
        by_cluster[cluster[t["url"]]].append(t["url"])
    for group in by_story.values():
        true_pairs.update(tuple(sorted(p)) for p in itertools.combinations(group, 2))  # type: ignore[misc]
    found: set[tuple[str, str]] = set()
    for group in by_cluster.values():
        found.update(tuple(sorted(p)) for p in itertools.combinations(group, 2))  # type: ignore[misc]
    hits = len(true_pairs & found)
    return {
        "articles": len(truth),
        "copies": sum(len(g) for g in by_story.values()),
        "true_pairs": len(true_pairs),
        "found_pairs": len(found),
        "precision": hits / len(found) if found else 1.0,
        "recall": hits / len(true_pairs) if true_pairs else 1.0,
    }


class Corpus:
    """Deterministic synthetic articles with a Zipf vocabulary; some are edited copies."""

    def __init__(self, seed: int = 7, vocabulary: int = 50_000) -> None:
        self.rng = random.Random(seed)
        self.words = [f"w{i}" for i in range(vocabulary)]
        self.weights = [1.0 / (rank + 1) for rank in range(vocabulary)]
        self.recent: list[str] = []

    def body(self) -> str:
        if self.recent and self.rng.random() < 0.05:  # an edited copy of a recent story
            words = self.rng.choice(self.recent).split()
            cut = self.rng.randint(0, len(words) // 10)
            return " ".join(["Local", "intro", "line.", *words[: len(words) - cut]])
        words = self.rng.choices(self.words, self.weights, k=self.rng.randint(120, 400))
        text = " ".join(words)
        self.recent = [*self.recent[-200:], text]
        return text


def save_rate(sizes: list[int], workdir: Path, *, cluster: bool) -> dict[int, float]:
    """Microseconds per saved article (MinHash included) around each size mark."""
    params = lsh_params(THRESHOLD)
    corpus = Corpus()
    marks: dict[int, float] = {}
    db = workdir / f"scale-{'on' if cluster else 'off'}.db"
    batch, window = 500, 2000
    with ArchiveStore.open(db) as store:
        done = 0
        started = time.perf_counter()
        window_start = (0, started)
        while done < max(sizes):
            records = []
            for i in range(batch):
                body = corpus.body()
                sig = signature(body) if cluster else None
                record: dict[str, Any] = {
                    "url": f"https://site{(done + i) % 5}.example/a/{done + i}",
                    "site": f"site{(done + i) % 5}", "title": f"Story {done + i}", "body": body,
                    "fetched_at": "2026-01-01T00:00:00Z", "content_hash": "",
                }
                if sig is not None:
                    record.update(minhash=sig, band_keys=band_keys(sig, params))
                records.append(record)
            store.save_articles(records, near_threshold=THRESHOLD if cluster else None)
            done += batch
            for size in sizes:
                if done == size:
                    count, t0 = window_start
                    marks[size] = (time.perf_counter() - t0) / (done - count) * 1e6
            if done % window == 0:
                window_start = (done, time.perf_counter())
    return marks


def first_lookup_seconds(db: Path) -> float:
    """Open a large archive and answer one near-duplicate lookup: the index is the table."""
    params = lsh_params(THRESHOLD)
    sig = signature(" ".join(f"w{i}" for i in range(300)))
    assert sig is not None
    started = time.perf_counter()
    with ArchiveStore.open(db) as store:
        store._near_match(sig, band_keys(sig, params), THRESHOLD)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--outlets", type=int, default=3)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "dedup.md",
                        help="markdown results (- = print only)")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    lines = [
        "# Near-duplicate benchmark",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, Python "
        f"{platform.python_version()}, datasketch {version('datasketch')}, "
        f"threshold {THRESHOLD}, {lsh_params(THRESHOLD).bands} bands x "
        f"{lsh_params(THRESHOLD).rows} rows",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_quality:
            q = crawl_outlets(args.outlets, args.articles, work)
            lines += [
                f"## Quality: {args.outlets} outlets x {args.articles} articles, real crawls",
                "",
                "| articles | wire copies | true pairs | found pairs | precision | recall |",
                "|---|---|---|---|---|---|",
                f"| {q['articles']} | {q['copies']} | {q['true_pairs']} | {q['found_pairs']} "
                f"| {q['precision']:.3f} | {q['recall']:.3f} |",
                "",
            ]
            print("\n".join(lines[-6:]), flush=True)
        on = save_rate(sizes, work, cluster=True)
        off = save_rate(sizes, work, cluster=False)
        lookup = first_lookup_seconds(work / "scale-on.db")
    lines += [
        "## Cost per saved article (signature + LSH lookup + insert), side by side",
        "",
        "| archive size | with clustering (µs) | without (µs) | clustering overhead (µs) |",
        "|---|---|---|---|",
    ]
    for size in sizes:
        lines.append(f"| {size:,} | {on[size]:.0f} | {off[size]:.0f} | {on[size] - off[size]:.0f} |")
    lines += [
        "",
        f"Growth of the per-article cost from {sizes[0]:,} to {sizes[-1]:,} articles: "
        f"{on[sizes[-1]] / on[sizes[0]]:.2f}x with clustering, "
        f"{off[sizes[-1]] / off[sizes[0]]:.2f}x without.",
        "",
        f"Reopening the {sizes[-1]:,}-article archive and answering the first near-duplicate "
        f"lookup: {lookup * 1000:.1f} ms (the LSH index is an indexed table, nothing is loaded).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if str(args.out) != "-":  # "-": print only
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

"""Crash safety: SIGKILL crawls at seeded random points and check the archive after each kill.

Usage (from the repository root)::

    python bench/crash.py [--kills 20] [--seed 1] [--articles 30]

Each kill: a fresh archive, a crawl of the demo portal (batches of 5 articles) killed with
SIGKILL (its whole process group, extraction workers included) after a random number of
committed articles or a random time; then ``PRAGMA integrity_check``, FTS5 ``integrity-check``,
every article seen committed before the kill still there, and a plain rerun that must end with
every truth article exactly once. Prints one line per kill and the tally; exit 1 on any failure.
``tests/test_crash.py`` runs the same with 3 kills.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from archive.portal.content import PortalConfig
from archive.portal.server import running_portal
from archive.store import ArchiveStore
from scraper.run import CrawlJob, build_command, run_crawl

SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "0",
    "ARCHIVE_BATCH_SIZE": "5",
    "DOWNLOAD_TIMEOUT": "10",
}
KILL_WAIT_S = 60.0


@dataclass
class KillResult:
    """What one kill found."""

    number: int
    trigger: str
    committed_before: int
    after_kill: int
    integrity: list[str]
    lost: list[str]
    rerun_missing: list[str] = field(default_factory=list)
    rerun_extra: list[str] = field(default_factory=list)
    rerun_duplicates: int = 0
    rerun_integrity: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.lost or self.rerun_missing or self.rerun_extra
                    or self.rerun_duplicates or self.rerun_integrity)


def _urls(db: Path) -> list[str]:
    if not db.exists():
        return []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return [r[0] for r in conn.execute("SELECT url FROM articles")]
    except sqlite3.OperationalError:  # schema not created yet
        return []
    finally:
        conn.close()


def check_integrity(db: Path) -> list[str]:
    """SQLite's integrity_check and FTS5's integrity-check (via the store); empty when both pass."""
    with ArchiveStore.open(db, create=False) as store:
        return store.integrity_problems()


def kill_crawl(url: str, db: Path, trigger: tuple[str, float], timeout: float = KILL_WAIT_S) -> set[str]:
    """Start a crawl, SIGKILL its process group when ``trigger`` fires; the URLs seen committed."""
    with ArchiveStore.open(db) as store:
        crawl_id = store.start_crawl(url)
    log = db.with_suffix(f".kill{crawl_id}.log")
    job = CrawlJob(db=db, url=url, settings=dict(SETTINGS))
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="scraper.settings", PYTHONUNBUFFERED="1")
    kind, value = trigger
    committed: set[str] = set()
    with subprocess.Popen(
        build_command(job, crawl_id, log), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL, env=env, start_new_session=True,
    ) as proc:
        started = time.monotonic()
        try:
            while proc.poll() is None and time.monotonic() - started < timeout:
                committed = set(_urls(db))
                if (kind == "articles" and len(committed) >= value) or (
                    kind == "seconds" and time.monotonic() - started >= value
                ):
                    break
                time.sleep(0.02)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
    return committed


def crash_once(number: int, url: str, truth: list[str], workdir: Path, rng: random.Random) -> KillResult:
    """One kill at a random point, the checks, a rerun and its checks."""
    db = workdir / f"kill-{number}.db"
    if rng.random() < 0.7:
        trigger: tuple[str, float] = ("articles", rng.randint(1, max(1, len(truth) - 1)))
    else:
        trigger = ("seconds", round(rng.uniform(0.5, 4.0), 2))
    committed = kill_crawl(url, db, trigger)
    after = set(_urls(db))
    result = KillResult(
        number, f"{trigger[0]}>={trigger[1]:g}", len(committed), len(after),
        check_integrity(db) if db.exists() else [], sorted(committed - after),
    )
    outcome = run_crawl(CrawlJob(db=db, url=url, timeout=120, settings=dict(SETTINGS)))
    if not outcome.ok:
        result.rerun_integrity.append(f"rerun ended {outcome.reason}")
    rows = _urls(db)
    result.rerun_missing = sorted(set(truth) - set(rows))
    result.rerun_extra = sorted(set(rows) - set(truth))
    result.rerun_duplicates = len(rows) - len(set(rows))
    result.rerun_integrity += check_integrity(db)
    return result


def run(kills: int, seed: int, articles: int, workdir: Path) -> list[KillResult]:
    """``kills`` kills against one demo portal; each result is also printed as it comes."""
    rng = random.Random(seed)
    results = []
    with running_portal(PortalConfig(articles=articles)) as url:
        with urllib.request.urlopen(f"{url}__truth__.jsonl", timeout=30) as resp:
            truth = [json.loads(line)["url"] for line in resp.read().decode().splitlines() if line]
        for number in range(1, kills + 1):
            result = crash_once(number, url, truth, workdir, rng)
            results.append(result)
            checked = "ok" if not result.integrity else "BAD"
            print(f"kill {number:2d}: {result.trigger:<14} committed {result.committed_before:3d} "
                  f"-> {result.after_kill:3d} after kill; integrity {checked}; "
                  f"lost {len(result.lost)}; rerun {'complete' if result.ok else 'FAILED'}", flush=True)
    return results


def tally(results: list[KillResult]) -> str:
    """The one-paragraph summary printed at the end."""
    n = len(results)
    return (
        f"{n} kills: integrity+FTS ok {sum(not r.integrity for r in results)}/{n}, "
        f"committed articles lost {sum(len(r.lost) for r in results)}, "
        f"reruns complete and exactly-once {sum(r.ok for r in results)}/{n}, "
        f"kills with articles committed before the kill {sum(r.committed_before > 0 for r in results)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsarchive-crash-") as tmp:
        results = run(args.kills, args.seed, args.articles, Path(tmp))
    print(tally(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Crash safety: SIGKILL a crawl at 3 seeded random points (bench/crash.py runs 20).

After each kill: SQLite's integrity_check and FTS5's integrity-check pass, every article seen
committed before the kill is still there, and a plain rerun (no --resume needed: the frontier
and unique canonical URLs make it pick up what is missing) ends with every truth article once.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

from archive.portal.content import PortalConfig
from archive.portal.server import running_portal
from tests.faultkit import fetch_json_lines

ROOT = Path(__file__).resolve().parent.parent


def _crash_module() -> ModuleType:
    """bench/crash.py (not a package), loaded once; dataclasses need it in sys.modules."""
    if "bench_crash" in sys.modules:
        return sys.modules["bench_crash"]
    spec = importlib.util.spec_from_file_location("bench_crash", ROOT / "bench" / "crash.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_crash"] = module
    spec.loader.exec_module(module)
    return module


def test_sigkill_at_random_points_loses_nothing_and_a_rerun_completes(tmp_path: Path) -> None:
    crash = _crash_module()
    rng = random.Random(20240304)
    with running_portal(PortalConfig(articles=20)) as url:
        truth = [t["url"] for t in fetch_json_lines(f"{url}__truth__.jsonl")]
        results = [crash.crash_once(n, url, truth, tmp_path, rng) for n in range(1, 4)]
    for result in results:
        assert result.integrity == [], result
        assert result.lost == [], result
        assert result.rerun_missing == [] and result.rerun_extra == [], result
        assert result.rerun_duplicates == 0, result
        assert result.rerun_integrity == [], result
    assert any(r.committed_before > 0 for r in results)  # some kills hit a crawl that had written


def test_the_tally_reads_plainly() -> None:
    crash = _crash_module()
    good = crash.KillResult(1, "articles>=3", 5, 5, [], [])
    bad = crash.KillResult(2, "seconds>=1", 2, 1, [], ["http://x/a"])
    assert crash.tally([good, bad]) == (
        "2 kills: integrity+FTS ok 2/2, committed articles lost 1, reruns complete and "
        "exactly-once 1/2, kills with articles committed before the kill 2"
    )

"""The crawl process's garbage-collector tuning: applied while the engine runs, undone after."""

from __future__ import annotations

import atexit
import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from scraper.gctune import GcTuneExtension


@pytest.fixture(autouse=True)
def _gc_state() -> Iterator[None]:
    """Each test starts with nothing frozen and CPython's thresholds, and leaves them so."""
    saved = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield
    gc.unfreeze()
    gc.set_threshold(*saved)
    GcTuneExtension._active, GcTuneExtension._saved, GcTuneExtension._froze = 0, None, False
    if GcTuneExtension._exit_hooked:  # not pytest's own exit: no hook left behind
        atexit.unregister(gc.freeze)
        GcTuneExtension._exit_hooked = False


def build(**settings: object) -> GcTuneExtension:
    return GcTuneExtension.from_crawler(get_crawler(settings_dict=settings))


def test_engine_start_freezes_and_raises_the_young_threshold_and_stop_undoes_both() -> None:
    ext = build(GC_TUNE_THRESHOLD=12_345)
    ext.engine_started()
    assert gc.get_threshold() == (12_345, 10, 10)
    assert gc.get_freeze_count() > 1000  # the imported modules' objects
    ext.engine_stopped()
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_a_lower_setting_never_lowers_the_process_threshold() -> None:
    gc.set_threshold(50_000, 20, 5)
    ext = build(GC_TUNE_THRESHOLD=1000)
    ext.engine_started()
    assert gc.get_threshold() == (50_000, 20, 5)
    ext.engine_stopped()
    assert gc.get_threshold() == (50_000, 20, 5)


def test_two_engines_in_one_process_restore_after_the_last_stops() -> None:
    first, second = build(GC_TUNE_THRESHOLD=9000), build(GC_TUNE_THRESHOLD=9000)
    first.engine_started()
    second.engine_started()
    first.engine_stopped()
    assert gc.get_threshold() == (9000, 10, 10)
    assert gc.get_freeze_count() > 0
    first.engine_stopped()  # a second stop of the same engine changes nothing
    assert gc.get_threshold() == (9000, 10, 10)
    second.engine_stopped()
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_a_second_start_of_the_same_engine_counts_once() -> None:
    ext = build(GC_TUNE_THRESHOLD=9000)
    ext.engine_started()
    ext.engine_started()
    ext.engine_stopped()
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_a_crawl_starting_while_another_runs_freezes_nothing_more() -> None:
    """The running crawl's live objects must stay collectable once it ends."""
    first, second = build(), build()
    first.engine_started()
    frozen = gc.get_freeze_count()
    live = [[n] for n in range(1000)]  # the first crawl's objects, made after its start
    second.engine_started()
    assert gc.get_freeze_count() == frozen
    assert len(live) == 1000
    second.engine_stopped()
    first.engine_stopped()
    assert gc.get_freeze_count() == 0


def test_a_host_that_froze_objects_gets_the_threshold_only() -> None:
    gc.freeze()
    before = gc.get_freeze_count()
    ext = build(GC_TUNE_THRESHOLD=9000)
    ext.engine_started()
    assert gc.get_freeze_count() == before  # nothing of the host's run frozen by us
    assert gc.get_threshold() == (9000, 10, 10)
    ext.engine_stopped()
    assert gc.get_freeze_count() == before  # and the host's own freeze kept
    assert gc.get_threshold() == (700, 10, 10)


def test_collections_still_run_on_their_own_while_tuned() -> None:
    """Tuned, not disabled: allocating past the threshold starts a collection by itself."""
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            runs.append(info["generation"])

    ext = build(GC_TUNE_THRESHOLD=1000)
    ext.engine_started()
    gc.callbacks.append(count)
    try:
        kept = [[] for _ in range(5000)]  # tracked containers that stay alive
        assert runs, "no automatic collection after 5,000 allocations with a threshold of 1,000"
        assert len(kept) == 5000
    finally:
        gc.callbacks.remove(count)
        ext.engine_stopped()


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({"GC_TUNE_ENABLED": False}, "GC_TUNE_ENABLED is off"),
        ({"GC_TUNE_THRESHOLD": 0}, "GC_TUNE_THRESHOLD must be a whole number of 1 or more, not 0"),
        ({"GC_TUNE_THRESHOLD": "abc"}, "GC_TUNE_THRESHOLD must be a whole number of 1 or more, not 'abc'"),
    ],
)
def test_off_or_misconfigured_is_not_configured(settings: dict[str, object], reason: str) -> None:
    with pytest.raises(NotConfigured, match=reason):
        build(**settings)
    assert gc.get_threshold() == (700, 10, 10)


EXIT_SCRIPT = """
import atexit, gc, sys
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs last
from scrapy.utils.test import get_crawler
from scrapy.exceptions import NotConfigured
from scraper.gctune import GcTuneExtension
hooks = atexit._ncallbacks()
try:
    engines = [GcTuneExtension.from_crawler(get_crawler(settings_dict={"GC_TUNE_ENABLED": %s}))
               for _ in range(2)]
except NotConfigured:
    engines = []
for ext in engines:
    ext.engine_started()
for ext in engines:
    ext.engine_stopped()
print("hooks added:", atexit._ncallbacks() - hooks)
print("frozen after the crawls:", gc.get_freeze_count())
"""


@pytest.mark.parametrize(("enabled", "hooks", "frozen"), [(True, 1, "True"), (False, 0, "False")])
def test_a_process_that_crawled_freezes_at_exit(enabled: bool, hooks: int, frozen: str) -> None:
    """The teardown's full collections skip the crawl's objects: everything is frozen at exit
    (after the crawls had unfrozen), by one hook however many crawls ran; not when tuning is off."""
    out = subprocess.run(
        [sys.executable, "-c", EXIT_SCRIPT % enabled], capture_output=True, text=True,
        check=True, timeout=60,
    ).stdout.splitlines()
    assert out == [f"hooks added: {hooks}", "frozen after the crawls: 0", f"frozen at exit: {frozen}"]

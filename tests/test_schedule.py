"""The scheduler: real APScheduler, a real daemon subprocess and real crawls of demo portals."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from archive.cli import main
from archive.portal.content import PortalConfig
from archive.portal.server import running_portal
from archive.store import ArchiveStore
from scraper.schedule import (
    JobSpec,
    ScheduleError,
    ScheduleOptions,
    Scheduler,
    backoff_delay,
    job_specs,
    jobstore_path,
    list_jobs,
    run_failure,
)
from scraper.sites import load_sites
from tests.test_store import record


def query(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    with contextlib.closing(sqlite3.connect(db, timeout=30)) as conn:
        conn.row_factory = sqlite3.Row
        return list(conn.execute(sql, params))


def wait_for(what: str, check: Callable[[], bool], timeout: float, proc: subprocess.Popen[bytes]
             | None = None) -> None:
    """Poll ``check`` until it holds; fail after ``timeout`` seconds or if ``proc`` died."""
    deadline = time.monotonic() + timeout
    while not check():
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the scheduler exited ({proc.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.2)


# -- pieces -------------------------------------------------------------------------------------
def test_job_specs_backoff_and_failure_classification(tmp_path: Path) -> None:
    config = tmp_path / "sites.toml"
    config.write_text(
        '[sites.cron]\nstart_urls = ["http://127.0.0.1:9/"]\nschedule = "*/30 * * * *"\n'
        '[sites.fast]\nstart_urls = ["http://127.0.0.1:9/"]\nevery = "15m"\n'
        '[sites.manual]\nstart_urls = ["http://127.0.0.1:9/"]\n', encoding="utf-8")
    specs = job_specs(load_sites(config))
    assert sorted(specs) == ["crawl:cron", "crawl:fast"]
    now = datetime.now().astimezone()
    assert specs["crawl:cron"].interval_seconds(now) == 1800
    assert specs["crawl:fast"] == JobSpec("fast", "every", "15m", 900)
    assert specs["crawl:fast"].name == "fast: every 15m"
    assert [backoff_delay(n, 900, 6 * 3600) for n in range(5)] == [0, 0, 900, 2700, 6300]
    assert backoff_delay(40, 900, 6 * 3600) == 6 * 3600
    dead = {"status": "finished", "errors": 1, "stats": "{}",
            "error_summary": '{"ConnectionRefusedError": 1}'}
    assert run_failure(dead) == "site down or blocked: no page answered (ConnectionRefusedError x1)"
    blocked = dict(dead, error_summary='{"http_403": 3}', stats=json.dumps({
        "downloader/response_status_count/200": 1, "robotstxt/response_status_count/200": 1,
        "downloader/response_status_count/403": 3}))
    assert run_failure(blocked) == "site down or blocked: no page answered (http_403 x3)"
    fine = dict(blocked, stats=json.dumps({"downloader/response_status_count/200": 9}))
    assert run_failure(fine) is None
    assert run_failure(dict(dead, status="failed: exit 1")) is None


def _crawl_row(store: ArchiveStore, site: str, status: str, **counts: Any) -> int:
    crawl_id = store.start_crawl(f"http://{site}.example/", site)
    store.finish_crawl(crawl_id, status=status, pages=counts.pop("pages", 10),
                       errors=counts.pop("errors", 0), error_summary=counts.pop("kinds", {}))
    return crawl_id


def test_history_health_and_failure_streak(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with ArchiveStore.open(db) as store:
        first = _crawl_row(store, "gazette", "finished", pages=10, errors=2,
                           kinds={"http_403": 1, "ConnectionRefusedError": 1})
        store.save_articles([
            record("http://gazette.example/1", site="gazette"),
            record("http://gazette.example/2", site="gazette", body="Other words entirely here.",
                   published=None, published_utc=None),
        ], crawl_id=first)
        _crawl_row(store, "gazette", "failed: exit 1", pages=0)
        _crawl_row(store, "gazette", "shutdown", pages=3)  # stopped on request: not counted
        _crawl_row(store, "gazette", "failed: timeout after 60s", pages=0)
        store.start_crawl("http://gazette.example/", "gazette")  # still running: not counted
        assert store.failure_streak("gazette")[0] == 2
        assert store.failure_streak("nosuch") == (0, None)
        history = store.crawl_history(limit=10, site="gazette")
        assert [r["status"] for r in history][:2] == ["running", "failed: timeout after 60s"]
        assert history[0]["duration_s"] is None and history[1]["duration_s"] >= 0
        health = store.site_health(runs=10, sites=["gazette", "idle"])
        assert [h["site"] for h in health] == ["gazette", "idle"]
        gazette, idle = health
        assert gazette["runs"] == 3 and gazette["succeeded"] == 1
        assert gazette["success_rate"] == 0.333
        assert gazette["articles_per_run"] == 0.7 and gazette["new_per_run"] == 0.7
        assert gazette["date_found_rate"] == 0.5
        assert gazette["blocked_rate"] == round(1 / 11, 3)  # 10 pages + 1 request without answer
        assert gazette["error_rate"] == round(2 / 11, 3)
        assert gazette["failure_streak"] == 2
        assert gazette["last_error"] == "failed: timeout after 60s"
        assert idle["runs"] == 0 and idle["success_rate"] is None
        assert store.site_health(runs=1)[0]["success_rate"] == 0.0


def test_cli_crawls_and_site_health(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with ArchiveStore.open(db) as store:
        _crawl_row(store, "gazette", "finished", pages=12)
        _crawl_row(store, "wire", "failed: exit 1", pages=0)
    runner = CliRunner()
    result = runner.invoke(main, ["crawls", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["site"], r["status"], r["pages"]) for r in rows] == [
        ("wire", "failed: exit 1", 0), ("gazette", "finished", 12)]
    result = runner.invoke(main, ["crawls", "--db", str(db), "--site", "gazette", "--format", "csv"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == ("id,site,target,started_at,finished_at,duration_s,status,pages,"
                        "articles_new,articles_updated,articles_unchanged,errors")
    assert len(lines) == 2 and ",finished,12," in lines[1]
    result = runner.invoke(main, ["crawls", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "failed: exit 1" in result.output
    result = runner.invoke(main, ["crawls", "--db", str(db), "--site", "none"])
    assert result.exit_code == 0 and result.output == "No crawls of none yet.\n"
    result = runner.invoke(main, ["sites", "--health", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    health = {h["site"]: h for h in json.loads(result.output)}
    assert health["gazette"]["success_rate"] == 1.0 and health["wire"]["success_rate"] == 0.0
    assert health["wire"]["last_error"] == "failed: exit 1"
    result = runner.invoke(main, ["sites", "--health", "--db", str(db), "--runs", "5"])
    assert result.exit_code == 0 and "Site health over the last 5 runs" in result.output
    result = runner.invoke(main, ["crawls", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no archive at" in result.output


@pytest.mark.parametrize(("text", "message"), [
    ('schedule = "*/61 * * * *"', "line 3: [sites.x] schedule:"),
    ('every = "soon"', "line 3: [sites.x] every: 'soon' is not an interval"),
    ('timezone = "Mars/Base"', "line 3: [sites.x] unknown timezone 'Mars/Base'"),
    ('colour = "red"', "line 3: [sites.x] unknown key 'colour'"),
    ("every = 15", "line 3: [sites.x] every must be a str, not int 15"),
])
def test_schedule_config_mistakes_exit_2(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "sites.toml"
    config.write_text(f'[sites.x]\nstart_urls = ["http://127.0.0.1:9/"]\n{text}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["schedule", "--config", str(config),
                                       "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "a.db").exists() and not jobstore_path(tmp_path / "a.db").exists()


def _write_cron_config(path: Path, sites: dict[str, str]) -> None:
    path.write_text("".join(
        f'[sites.{name}]\nstart_urls = ["http://127.0.0.1:9/"]\nschedule = "{cron}"\n'
        for name, cron in sites.items()), encoding="utf-8")


def test_jobs_persist_and_follow_the_config(tmp_path: Path) -> None:
    """A real BackgroundScheduler with its SQLAlchemy job store (cron jobs due far ahead)."""
    config, db = tmp_path / "sites.toml", tmp_path / "news.db"
    _write_cron_config(config, {"gazette": "0 3 * * *", "wire": "30 4 1 * *"})
    options = ScheduleOptions(db=db, config=config, watch_interval=0)
    with Scheduler(options) as daemon:
        jobs = {job.id: job for job in daemon.scheduler.get_jobs()}
        assert sorted(jobs) == ["crawl:gazette", "crawl:wire"]
        next_gazette = jobs["crawl:gazette"].next_run_time
        assert (next_gazette.hour, next_gazette.minute) == (3, 0)
        assert jobs["crawl:wire"].max_instances == 1 and jobs["crawl:wire"].coalesce
        assert jobs["crawl:wire"].misfire_grace_time == 900
        with pytest.raises(ScheduleError, match="a scheduler already runs on"):
            Scheduler(options).open()
        # the config changes: one job removed, one rescheduled, one added
        _write_cron_config(config, {"gazette": "15 3 * * *", "ledger": "0 12 * * 1"})
        assert daemon.reload("test")
        jobs = {job.id: job for job in daemon.scheduler.get_jobs()}
        assert sorted(jobs) == ["crawl:gazette", "crawl:ledger"]
        assert jobs["crawl:gazette"].next_run_time.minute == 15
        assert jobs["crawl:gazette"].name == "gazette: cron 15 3 * * *"
        config.write_text("[sites.broken\n", encoding="utf-8")
        assert not daemon.reload("test")  # a broken config keeps the jobs
        assert len(daemon.scheduler.get_jobs()) == 2
    assert jobstore_path(db).is_file()
    _write_cron_config(config, {"gazette": "15 3 * * *", "ledger": "0 12 * * 1"})
    listed = {r["job"]: r for r in list_jobs(db, load_sites(config))}
    assert listed["crawl:gazette"]["state"] == "scheduled"
    assert listed["crawl:gazette"]["schedule"] == "cron 15 3 * * *"
    # a restart keeps the stored jobs (same next run), never duplicates them
    with Scheduler(ScheduleOptions(db=db, config=config, watch_interval=0)) as daemon:
        jobs = {job.id: job for job in daemon.scheduler.get_jobs()}
        assert sorted(jobs) == ["crawl:gazette", "crawl:ledger"]
        assert jobs["crawl:gazette"].next_run_time == datetime.fromisoformat(
            listed["crawl:gazette"]["next_run"])
    result = CliRunner().invoke(main, ["schedule", "--list", "--config", str(config),
                                       "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "scheduler: not running" in result.output
    rows = json.loads(result.output[result.output.index("["):])
    assert [(r["job"], r["state"]) for r in rows] == [
        ("crawl:gazette", "scheduled"), ("crawl:ledger", "scheduled")]


# -- the daemon, end to end ---------------------------------------------------------------------
SLOW_DELAY = "0.2"  # the slow site's DOWNLOAD_DELAY: ~150 requests, ~30 s, far over its 2 s interval


@dataclass
class Daemon:
    proc: subprocess.Popen[bytes]
    stderr: Path
    started: datetime


@dataclass
class Scenario:
    db: Path
    config: Path
    log: Path
    first_log: str = ""
    second_log: str = ""
    exit_codes: list[int] = field(default_factory=list)
    killed_crawl: dict[str, Any] = field(default_factory=dict)
    killed_articles: int = 0
    integrity: list[str] = field(default_factory=list)
    listed: list[dict[str, Any]] = field(default_factory=list)
    restarted_at: datetime = field(default_factory=lambda: datetime.now().astimezone())


def _site(name: str, url: str, every: str, **settings: str) -> str:
    extra = {"AUTOTHROTTLE_ENABLED": "false", "RETRY_TIMES": "0", **settings}
    table = ", ".join(f'{k} = "{v}"' for k, v in extra.items())
    return (f'[sites.{name}]\nstart_urls = ["{url}"]\nevery = "{every}"\n'
            f'timezone = "Europe/Berlin"\nsettings = {{ {table} }}\n\n')


def _start(tmp_path: Path, scenario: Scenario, tag: str) -> Daemon:
    stderr = tmp_path / f"daemon-{tag}.err"
    with stderr.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-W", "error::DeprecationWarning", "-W", "error::ResourceWarning",
             "-m", "archive.cli", "schedule", "--config", str(scenario.config),
             "--db", str(scenario.db), "--log-file", str(scenario.log), "--watch", "0.5",
             "--grace", "10", "--misfire-grace", "120"],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL,
        )
    return Daemon(proc, stderr, datetime.now().astimezone())


def _stop(daemon: Daemon, sig: int = signal.SIGTERM) -> int:
    if daemon.proc.poll() is None:
        daemon.proc.send_signal(sig)
    try:
        return daemon.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        daemon.proc.kill()
        daemon.proc.wait(timeout=10)
        pytest.fail(f"the scheduler did not stop; stderr: {daemon.stderr.read_text()[-2000:]}")


def _count(db: Path, site: str, status: str = "finished") -> int:
    if not db.exists():
        return 0
    try:
        return int(query(db, "SELECT count(*) FROM crawls WHERE site = ? AND status LIKE ?",
                         (site, status))[0][0])
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):  # the file is there, the daemon is creating the schema
            return 0
        raise


def _slow_crawl_committed(db: Path) -> bool:
    rows = query(db, "SELECT c.id, count(a.id) FROM crawls c LEFT JOIN articles a "
                     "ON a.crawl_id = c.id WHERE c.site = 'slow' AND c.status = 'running' "
                     "GROUP BY c.id")
    return bool(rows) and rows[0][1] >= 2


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    """Two sites and a crashing one; a stop, a pause, a restart; a config change adding a slow
    site; SIGTERM while it crawls. Every wait is a bounded poll of the archive or the log."""
    tmp_path = tmp_path_factory.mktemp("schedule")
    scn = Scenario(db=tmp_path / "news.db", config=tmp_path / "sites.toml",
                   log=tmp_path / "schedule.log")
    with running_portal(PortalConfig(articles=8, seed=11, name="Alpha")) as alpha, \
            running_portal(PortalConfig(articles=8, seed=12, name="Beta")) as beta, \
            running_portal(PortalConfig(articles=60, seed=13, name="Slow")) as slow:
        scn.config.write_text(
            _site("alpha", alpha, "2s") + _site("beta", beta, "3s")
            # a crawl process that dies at start-up: its spider module does not exist
            + _site("crash", alpha, "2s", SPIDER_MODULES="newsarchive_no_such_spiders"),
            encoding="utf-8")
        daemon = _start(tmp_path, scn, "first")
        try:
            for site in ("alpha", "beta"):
                wait_for(f"two finished crawls of {site}", lambda s=site: _count(scn.db, s) >= 2,
                         60, daemon.proc)
            wait_for("two failed crawls of crash",
                     lambda: _count(scn.db, "crash", "failed%") >= 2, 30, daemon.proc)
        finally:
            scn.exit_codes.append(_stop(daemon, signal.SIGINT))  # what Ctrl-C sends
        stopped_at = time.monotonic()
        scn.first_log = scn.log.read_text(encoding="utf-8")
        result = CliRunner().invoke(main, ["schedule", "--list", "--config", str(scn.config),
                                           "--db", str(scn.db), "--format", "json"])
        assert result.exit_code == 0, result.output
        scn.listed = json.loads(result.output[result.output.index("["):])
        # stopped long enough for alpha (every 2 s) to miss at least two runs
        time.sleep(max(0.0, 5.0 - (time.monotonic() - stopped_at)))
        offset = len(scn.first_log)
        daemon = _start(tmp_path, scn, "second")
        scn.restarted_at = daemon.started
        try:
            before = _count(scn.db, "alpha")
            wait_for("alpha's crawl after the restart", lambda: _count(scn.db, "alpha") > before,
                     40, daemon.proc)
            # the config changes while it runs: crash removed, beta slower, a slow site added
            scn.config.write_text(
                _site("alpha", alpha, "2s") + _site("beta", beta, "1h")
                + _site("slow", slow, "2s", DOWNLOAD_DELAY=SLOW_DELAY, ARCHIVE_BATCH_SIZE="2",
                        RANDOMIZE_DOWNLOAD_DELAY="false"), encoding="utf-8")
            wait_for("the reload", lambda: "added crawl:slow" in scn.log.read_text(), 15,
                     daemon.proc)
            wait_for("the slow crawl to commit articles", lambda: _slow_crawl_committed(scn.db),
                     40, daemon.proc)
            daemon.proc.send_signal(signal.SIGHUP)
            wait_for("the SIGHUP reload", lambda: "(SIGHUP)" in scn.log.read_text(), 15,
                     daemon.proc)
            wait_for("a skipped run of the slow site",
                     lambda: "crawl of slow still running" in scn.log.read_text(), 15, daemon.proc)
            running = query(scn.db, "SELECT id FROM crawls WHERE site = 'slow'")
            assert len(running) == 1
        finally:
            scn.exit_codes.append(_stop(daemon))
        scn.second_log = scn.log.read_text(encoding="utf-8")[offset:]
        with ArchiveStore.open(scn.db) as store:
            scn.integrity = store.integrity_problems()
            scn.killed_crawl = store.crawl(running[0]["id"]) or {}
        scn.killed_articles = query(scn.db, "SELECT count(*) FROM articles WHERE crawl_id = ?",
                                    (running[0]["id"],))[0][0]
        yield scn


def test_two_sites_on_different_schedules_each_crawl_twice(scenario: Scenario) -> None:
    for site, every in (("alpha", "2s"), ("beta", "3s")):
        rows = query(scenario.db, "SELECT * FROM crawls WHERE site = ? AND status = 'finished' "
                                  "ORDER BY id", (site,))
        assert len(rows) >= 2
        assert rows[0]["pages"] > 20 and rows[0]["articles_new"] == 8
        assert f"added crawl:{site} (every {every})" in scenario.first_log
    assert query(scenario.db, "SELECT count(DISTINCT site) FROM articles")[0][0] == 3
    assert scenario.exit_codes == [0, 0]
    assert "SIGINT received: stopping" in scenario.first_log


def test_a_crawl_longer_than_its_interval_never_runs_twice_at_once(scenario: Scenario) -> None:
    rows = query(scenario.db, "SELECT * FROM crawls WHERE site = 'slow'")
    assert len(rows) == 1  # it ran through several of its 2 s intervals: no second run
    assert re.search(r"crawl of slow still running or waiting: the run due at \S+ is skipped",
                     scenario.second_log)
    for site in ("alpha", "beta"):  # runs of one site never overlap
        spans = query(scenario.db, "SELECT started_at, finished_at FROM crawls WHERE site = ? "
                                   "ORDER BY id", (site,))
        for earlier, later in itertools.pairwise(spans):
            assert later["started_at"] >= earlier["finished_at"]


def test_a_crashing_crawl_is_recorded_and_the_next_run_still_happens(scenario: Scenario) -> None:
    rows = query(scenario.db, "SELECT * FROM crawls WHERE site = 'crash' ORDER BY id")
    assert len(rows) >= 2
    assert {r["status"] for r in rows} <= {"failed: exit 1", "shutdown"}
    assert sum(r["status"] == "failed: exit 1" for r in rows) >= 2
    assert all(r["finished_at"] for r in rows)
    assert re.search(r"crawl \d+ of crash: failed: exit 1 in", scenario.first_log)


def test_sigterm_during_a_crawl_leaves_the_archive_consistent(scenario: Scenario) -> None:
    assert scenario.integrity == []
    killed = scenario.killed_crawl
    assert killed["status"] == "shutdown" and killed["finished_at"]
    assert scenario.killed_articles >= 2  # what it had committed is kept ...
    assert killed["articles_new"] == scenario.killed_articles  # ... and its counters agree
    assert "SIGTERM received: stopping" in scenario.second_log
    assert "scheduler stopped" in scenario.second_log
    assert query(scenario.db, "SELECT count(*) FROM crawls WHERE status = 'running'")[0][0] == 0
    for log in (scenario.first_log, scenario.second_log):  # both stops were clean
        assert "Traceback" not in log and " ERROR " not in log


def test_a_restart_keeps_the_jobs_and_runs_missed_ones_once(scenario: Scenario) -> None:
    listed = {r["job"]: r for r in scenario.listed}
    assert sorted(listed) == ["crawl:alpha", "crawl:beta", "crawl:crash"]
    assert all(r["state"] == "scheduled" and r["next_run"] for r in listed.values())
    log = scenario.second_log
    assert "added crawl:alpha" not in log  # found in the job store, not re-created
    assert "job crawl:alpha (alpha: every 2s): next run" in log
    # alpha missed two runs or more while stopped: it runs once at start, nothing is replayed
    restart = scenario.restarted_at - timedelta(seconds=1)
    stale = [due for due in re.findall(r"crawl of alpha still running or waiting: the run due "
                                       r"at (\S+)", log)
             if datetime.fromisoformat(due) < restart]
    assert stale == []
    assert "missed by more than" not in log
    since = restart.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert query(scenario.db, "SELECT count(*) FROM crawls WHERE site = 'alpha' AND started_at >= ?",
                 (since,))[0][0] >= 1
    # the back-off of the crashing site survived the restart (it is kept in the archive)
    assert "skipping crash:" in log or "removed crawl:crash" in log


def test_config_changes_apply_without_a_restart(scenario: Scenario) -> None:
    log = scenario.second_log
    assert "reloading" in log and "(config file changed)" in log
    assert "removed crawl:crash" in log
    assert "rescheduled crawl:beta: beta: every 3s -> every 1h" in log
    assert "added crawl:slow (every 2s)" in log
    assert "reloading" in log.split("(SIGHUP)")[0].splitlines()[-1]


def test_a_dead_site_fails_and_backs_off(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A real crawl of a closed port is a failed run; after two failures the site waits."""
    config, db = tmp_path / "sites.toml", tmp_path / "news.db"
    _write_cron_config(config, {"gazette": "0 3 * * *"})
    options = ScheduleOptions(db=db, config=config, watch_interval=0,
                              settings={"RETRY_TIMES": "0"})
    caplog.set_level("INFO", logger="newsarchive")
    with Scheduler(options) as daemon:
        daemon.run_site("gazette")
        rows = query(db, "SELECT * FROM crawls")
        assert len(rows) == 1
        assert rows[0]["status"].startswith("failed: site down or blocked: no page answered (")
        assert "ConnectionRefusedError" in rows[0]["status"]
        daemon.run_site("nosuch")  # a job whose site left the config does nothing
        with ArchiveStore.open(db) as store:
            _crawl_row(store, "gazette", "failed: exit 1", pages=0)
        daemon.run_site("gazette")  # two failures in a row: the daily site waits a day
        assert len(query(db, "SELECT * FROM crawls")) == 2
    assert "skipping gazette: 2 failed runs in a row, backing off until" in caplog.text
    assert "job for nosuch fired, but the site is no longer in the config" in caplog.text


def test_second_daemon_is_refused_while_one_runs(tmp_path: Path) -> None:
    config, db = tmp_path / "sites.toml", tmp_path / "news.db"
    _write_cron_config(config, {"gazette": "0 3 * * *"})
    with Scheduler(ScheduleOptions(db=db, config=config, watch_interval=0)):
        result = CliRunner().invoke(main, ["schedule", "--config", str(config), "--db", str(db),
                                           "--log-file", str(tmp_path / "s.log")])
        assert result.exit_code == 1
        assert f"a scheduler already runs on {db} (pid {os.getpid()}): stop it first" in result.output
        result = CliRunner().invoke(main, ["schedule", "--list", "--config", str(config),
                                           "--db", str(db)])
        assert result.exit_code == 0 and f"scheduler: running (pid {os.getpid()})" in result.output

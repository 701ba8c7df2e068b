"""The scheduling daemon: APScheduler runs one crawl job per site profile, each through run.py."""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import logging.handlers
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobExecutionEvent,
    JobSubmissionEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from archive.store import ArchiveStore, StoreError
from scraper.run import DEFAULT_TIMEOUT_S, GRACE_S, CrawlJob, run_crawl
from scraper.sites import ConfigError, SitesConfig, load_sites

JOB_PREFIX = "crawl:"
DEFAULT_MISFIRE_GRACE_S = 900
DEFAULT_MAX_BACKOFF_S = 6 * 3600
DEFAULT_MAX_PARALLEL = 1
"""Crawls at once: SQLite has one writer, and crawls of several sites contend for it."""
DEFAULT_WATCH_S = 2.0
DEFAULT_KEEP_LOGS_DAYS = 30
LOG_MAX_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5
TICK_S = 0.2
PRUNE_EVERY_S = 6 * 3600
STOP_SLACK_S = 30.0
"""How long after the crawls' grace period shutdown still waits for their rows to be closed."""

log = logging.getLogger("newsarchive.schedule")

_DAEMONS: dict[str, Scheduler] = {}
"""Running schedulers by job store path: how a stored job (a plain function) finds its daemon."""


class ScheduleError(RuntimeError):
    """The scheduler cannot start or run; the message says what to do."""


def jobstore_path(db: Path) -> Path:
    """The job store of an archive: its own SQLite file beside it, never the archive itself."""
    return db.parent / f"{db.stem}.jobs.db"


def lock_path(db: Path) -> Path:
    return db.parent / f"{db.stem}.schedule.lock"


def default_log_file(db: Path) -> Path:
    return db.parent / f"{db.stem}.logs" / "schedule.log"


@dataclass(frozen=True)
class JobSpec:
    """When one site is crawled: a cron expression or a fixed interval."""

    site: str
    kind: Literal["cron", "every"]
    expr: str
    seconds: int = 0  # the interval, for "every"

    @property
    def id(self) -> str:
        return f"{JOB_PREFIX}{self.site}"

    @property
    def label(self) -> str:
        return f"{self.kind} {self.expr}"

    @property
    def name(self) -> str:
        """The job's name: site and schedule, so a changed schedule shows as a changed name."""
        return f"{self.site}: {self.label}"

    def trigger(self) -> BaseTrigger:
        if self.kind == "cron":
            return CronTrigger.from_crontab(self.expr)
        return IntervalTrigger(seconds=self.seconds)

    def interval_seconds(self, now: datetime) -> float:
        """The time between two runs (for cron: between the next two), for backoff."""
        if self.kind == "every":
            return float(self.seconds)
        trigger = self.trigger()
        first = trigger.get_next_fire_time(None, now)
        second = trigger.get_next_fire_time(first, first + timedelta(seconds=1)) if first else None
        return (second - first).total_seconds() if first and second else 3600.0


def job_specs(config: SitesConfig) -> dict[str, JobSpec]:
    """One spec per site with a ``schedule`` or ``every`` key, by job id."""
    specs: dict[str, JobSpec] = {}
    for profile in config.sites.values():
        if profile.schedule:
            spec = JobSpec(profile.name, "cron", profile.schedule)
        elif profile.every and profile.every_seconds:
            spec = JobSpec(profile.name, "every", profile.every, profile.every_seconds)
        else:
            continue
        specs[spec.id] = spec
    return specs


def backoff_delay(failures: int, interval: float, cap: float) -> float:
    """Seconds to wait after the last of ``failures`` failed runs in a row before trying again.

    The first failure does not delay the next run (a glitch); after that the wait doubles
    with every failure, in units of the site's interval: 1, 3, 7, 15... intervals, at most
    ``cap`` seconds. A dead site every 15 minutes is thus tried after 15 m, 45 m, 1 h 45 m...
    """
    if failures <= 1:
        return 0.0
    return min(interval * (2 ** min(failures - 1, 32) - 1), cap)


def run_failure(row: dict[str, Any]) -> str | None:
    """Why a crawl that ended normally still failed: no page but robots.txt was answered.

    A site that refuses connections, times out, or answers every page with an error
    (403, 429, 503...) "finishes" in Scrapy's terms; for the scheduler it is down or blocked.
    """
    if row.get("status") != "finished" or not row.get("errors"):
        return None
    stats: dict[str, Any] = json.loads(row.get("stats") or "{}")
    answered = sum(
        int(value) for key, value in stats.items()
        if key.startswith("downloader/response_status_count/")
        and (key.endswith("/304") or key.rpartition("/")[2].startswith("2"))
    ) - sum(int(v) for k, v in stats.items() if k.startswith("robotstxt/response_status_count/2"))
    if answered > 0:
        return None
    kinds: dict[str, int] = json.loads(row.get("error_summary") or "{}")
    detail = ", ".join(f"{kind} x{count}" for kind, count in sorted(kinds.items()))
    return f"site down or blocked: no page answered ({detail or 'no response'})"


def run_site_job(daemon: str, site: str) -> None:
    """The function every stored job calls: find the running scheduler and crawl the site."""
    scheduler = _DAEMONS.get(daemon)
    if scheduler is None:
        log.error("job for %s fired, but no scheduler runs for job store %s", site, daemon)
        return
    scheduler.run_site(site)


def setup_logging(log_file: Path, *, level: int = logging.INFO) -> list[logging.Handler]:
    """Scheduler and APScheduler messages to stderr and a rotating file; returns the handlers."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        ),
        logging.StreamHandler(sys.stderr),
    ]
    for handler in handlers:
        handler.setFormatter(formatter)
    for name in ("newsarchive", "apscheduler"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.propagate = False
        for handler in handlers:
            logger.addHandler(handler)
    return handlers


def remove_logging(handlers: list[logging.Handler]) -> None:
    for name in ("newsarchive", "apscheduler"):
        for handler in handlers:
            logging.getLogger(name).removeHandler(handler)
    for handler in handlers:
        handler.close()


def prune_crawl_logs(log_dir: Path, keep_days: float) -> int:
    """Delete crawl-*.log files older than ``keep_days``; returns how many."""
    if keep_days <= 0 or not log_dir.is_dir():
        return 0
    cutoff = time.time() - keep_days * 86400
    removed = 0
    for path in log_dir.glob("crawl-*.log"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
    return removed


def scheduler_pid(db: Path) -> int | None:
    """The pid of the scheduler running on this archive, or None."""
    path = lock_path(db)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        text = os.read(fd, 32).decode("ascii", "replace").strip()
        return int(text) if text.isdigit() else -1
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _jobstore(path: Path) -> SQLAlchemyJobStore:
    return SQLAlchemyJobStore(
        url=f"sqlite:///{path}", engine_options={"connect_args": {"timeout": 30}}
    )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def list_jobs(db: Path, config: SitesConfig) -> list[dict[str, Any]]:
    """The stored jobs and the configured schedules, with next run times (no scheduler needed)."""
    db = db.resolve()
    specs = job_specs(config)
    stored: dict[str, Job] = {}
    path = jobstore_path(db)
    if path.exists():
        store = _jobstore(path)
        store.start(BackgroundScheduler(), "default")
        try:
            stored = {job.id: job for job in store.get_all_jobs()}
        finally:
            store.shutdown()
    rows = []
    for job_id in sorted(set(specs) | {i for i in stored if i.startswith(JOB_PREFIX)}):
        spec, job = specs.get(job_id), stored.get(job_id)
        if job is None:
            state = "not scheduled yet (starts with the scheduler)"
        elif spec is None:
            state = "not in the config any more (removed on reload)"
        elif spec.name != job.name:
            state = f"changes to {spec.label} on reload"
        else:
            state = "scheduled"
        rows.append({
            "job": job_id,
            "site": job_id.removeprefix(JOB_PREFIX),
            "schedule": job.name.partition(": ")[2] if job is not None else spec.label if spec else None,
            "next_run": _iso(job.next_run_time) if job is not None else None,
            "state": state,
        })
    return rows


@dataclass
class ScheduleOptions:
    """How the daemon runs; the CLI fills it from its options."""

    db: Path
    config: Path
    misfire_grace: float = DEFAULT_MISFIRE_GRACE_S
    grace: float = GRACE_S
    timeout: float = DEFAULT_TIMEOUT_S
    max_parallel: int = DEFAULT_MAX_PARALLEL
    max_backoff: float = DEFAULT_MAX_BACKOFF_S
    watch_interval: float = DEFAULT_WATCH_S  # 0: reload on SIGHUP only
    keep_logs_days: float = DEFAULT_KEEP_LOGS_DAYS
    settings: dict[str, str] = field(default_factory=dict)


class Scheduler:
    """The daemon: a BackgroundScheduler with a persistent job store, kept in sync with sites.toml.

    ``open()`` takes the archive's scheduler lock, loads the config and syncs the jobs;
    ``serve()`` runs until SIGTERM/SIGINT; ``close()`` stops the running crawls and the scheduler.
    """

    def __init__(self, options: ScheduleOptions) -> None:
        self.options = options
        self.db = options.db.resolve()
        self.config_path = options.config.resolve()
        self.key = str(jobstore_path(self.db))
        self.config = SitesConfig(path=self.config_path)
        self.specs: dict[str, JobSpec] = {}
        self.stopping = threading.Event()
        self._running: set[str] = set()
        self._running_changed = threading.Condition()
        self._lock_fd: int | None = None
        self._config_stamp: tuple[int, int] | None = None
        self._scheduler: BackgroundScheduler | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def open(self) -> Scheduler:
        """Validate the config, take the lock, start the scheduler paused, sync jobs, resume."""
        if not self.db.parent.is_dir():
            raise ScheduleError(f"folder {self.db.parent} does not exist")
        config = load_sites(self.config_path)  # ConfigError: nothing started yet
        self._config_stamp = self._stamp()
        self._take_lock()
        try:
            with ArchiveStore.open(self.db):
                pass  # creates the archive and applies migrations before any crawl
            self._scheduler = BackgroundScheduler(
                jobstores={"default": _jobstore(jobstore_path(self.db))},
                executors={"default": ThreadPoolExecutor(max_workers=self.options.max_parallel)},
                job_defaults={
                    "coalesce": True,
                    "max_instances": 1,
                    "misfire_grace_time": int(self.options.misfire_grace),
                },
            )
            self._scheduler.add_listener(
                self._on_event, EVENT_JOB_MAX_INSTANCES | EVENT_JOB_MISSED | EVENT_JOB_ERROR
            )
            _DAEMONS[self.key] = self
            self._scheduler.start(paused=True)
            self.apply_config(config)
            self._close_abandoned()
            self._scheduler.resume()
        except BaseException:
            self.close()
            raise
        log.info("scheduler started: archive %s, config %s, job store %s, pid %d",
                 self.db, self.config_path, self.key, os.getpid())
        return self

    def __enter__(self) -> Scheduler:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def scheduler(self) -> BackgroundScheduler:
        if self._scheduler is None:
            raise ScheduleError("the scheduler is not open")
        return self._scheduler

    def serve(self) -> str:
        """Run until SIGTERM or SIGINT (returns its name); SIGHUP or a config change reloads."""
        received: list[int] = []

        def on_signal(signum: int, _frame: object) -> None:
            received.append(signum)

        previous = {s: signal.signal(s, on_signal)
                    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
        watch = self.options.watch_interval
        next_watch = time.monotonic() + watch
        next_prune = time.monotonic()
        try:
            while True:
                time.sleep(TICK_S)
                while received:
                    signum = received.pop(0)
                    if signum != signal.SIGHUP:
                        name = signal.Signals(signum).name
                        log.info("%s received: stopping", name)
                        return name
                    self.reload("SIGHUP")
                now = time.monotonic()
                if watch > 0 and now >= next_watch:
                    next_watch = now + watch
                    if self._stamp() != self._config_stamp:
                        self.reload("config file changed")
                if now >= next_prune:
                    next_prune = now + PRUNE_EVERY_S
                    removed = prune_crawl_logs(self.db.parent / f"{self.db.stem}.logs",
                                               self.options.keep_logs_days)
                    if removed:
                        log.info("removed %d crawl log(s) older than %g days", removed,
                                 self.options.keep_logs_days)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def close(self) -> None:
        """Stop: no new runs, running crawls get SIGTERM then SIGKILL after the grace period."""
        self.stopping.set()
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.pause()
            running = self._wait_for_crawls(self.options.grace + STOP_SLACK_S)
            if running:
                log.error("crawls of %s did not end in time; leaving them", ", ".join(running))
            # Detach the job store first (its jobs stay in the file): APScheduler 3's thread
            # wakes up on shutdown() and would process due jobs once more, moving their next
            # run times on and submitting them to a stopped executor.
            self._scheduler.remove_jobstore("default")
            self._scheduler.shutdown(wait=not running)
            log.info("scheduler stopped")
        self._scheduler = None
        _DAEMONS.pop(self.key, None)
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the flock
            self._lock_fd = None

    def _wait_for_crawls(self, timeout: float) -> list[str]:
        deadline = time.monotonic() + timeout
        with self._running_changed:
            if self._running:
                log.info("waiting for the crawls of %s to stop", ", ".join(sorted(self._running)))
            while self._running and time.monotonic() < deadline:
                self._running_changed.wait(deadline - time.monotonic())
            return sorted(self._running)

    def _take_lock(self) -> None:
        path = lock_path(self.db)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            text = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            raise ScheduleError(
                f"a scheduler already runs on {self.db} (pid {text or '?'}): stop it first"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock_fd = fd

    # -- config ------------------------------------------------------------------------------
    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = self.config_path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def reload(self, why: str) -> bool:
        """Re-read the config and sync the jobs; a broken config keeps the current jobs."""
        self._config_stamp = self._stamp()
        try:
            config = load_sites(self.config_path)
        except ConfigError as exc:
            log.error("reload (%s) failed, keeping the current jobs: %s", why, exc)
            return False
        log.info("reloading %s (%s)", self.config_path, why)
        self.apply_config(config)
        return True

    def apply_config(self, config: SitesConfig) -> list[str]:
        """Add, remove and reschedule jobs so they match the config; returns what changed."""
        scheduler = self.scheduler
        specs = job_specs(config)
        self.config, self.specs = config, specs
        grace = int(self.options.misfire_grace)
        changes: list[str] = []
        existing = {job.id: job for job in scheduler.get_jobs() if job.id.startswith(JOB_PREFIX)}
        for job_id in sorted(set(existing) - set(specs)):
            scheduler.remove_job(job_id)
            changes.append(f"removed {job_id}")
        for job_id, spec in sorted(specs.items()):
            job = existing.get(job_id)
            kwargs = {"daemon": self.key, "site": spec.site}
            if job is None:
                first: dict[str, Any] = {}
                if spec.kind == "every":  # a new interval job crawls right away, then every N
                    first["next_run_time"] = datetime.now().astimezone()
                scheduler.add_job(
                    run_site_job, spec.trigger(), id=job_id, name=spec.name, kwargs=kwargs,
                    replace_existing=True, coalesce=True, max_instances=1,
                    misfire_grace_time=grace, **first,
                )
                changes.append(f"added {job_id} ({spec.label})")
                continue
            if job.name != spec.name:
                scheduler.reschedule_job(job_id, trigger=spec.trigger())
                changes.append(f"rescheduled {job_id}: {job.name} -> {spec.label}")
            if (job.name, job.kwargs, job.misfire_grace_time) != (spec.name, kwargs, grace) or (
                job.coalesce, job.max_instances) != (True, 1):
                scheduler.modify_job(job_id, name=spec.name, kwargs=kwargs, coalesce=True,
                                     max_instances=1, misfire_grace_time=grace)
        for site in sorted(set(config.sites) - {s.site for s in specs.values()}):
            log.info("site %s has no schedule or every key: not scheduled", site)
        for change in changes:
            log.info("%s", change)
        for job in scheduler.get_jobs():
            log.info("job %s (%s): next run %s", job.id, job.name, _iso(job.next_run_time))
        if not specs:
            log.warning("no site in %s has a schedule: waiting for the config to change",
                        self.config_path)
        return changes

    def _close_abandoned(self) -> None:
        """Close crawls rows left running by a scheduler that died (power loss, SIGKILL)."""
        with ArchiveStore.open(self.db) as store:
            for spec in self.specs.values():
                profile = self.config.sites[spec.site]
                limit = (profile.timeout_seconds or self.options.timeout) + self.options.grace + 60
                cutoff = datetime.now(UTC) - timedelta(seconds=limit)
                stamp = cutoff.strftime("%Y-%m-%dT%H:%M:%SZ")
                closed = store.close_abandoned_crawls(
                    spec.site, started_before=stamp, status="failed: abandoned (process gone)"
                )
                if closed:
                    log.warning("closed %d abandoned crawl(s) of %s", closed, spec.site)

    # -- runs --------------------------------------------------------------------------------
    def _on_event(self, event: JobSubmissionEvent | JobExecutionEvent) -> None:
        site = event.job_id.removeprefix(JOB_PREFIX)
        if event.code == EVENT_JOB_MAX_INSTANCES:
            log.warning("crawl of %s still running or waiting: the run due at %s is skipped", site,
                        _iso(event.scheduled_run_times[-1]))
        elif event.code == EVENT_JOB_MISSED:
            log.warning("run of %s due at %s missed by more than %gs (misfire grace): skipped",
                        site, _iso(event.scheduled_run_time), self.options.misfire_grace)
        elif event.code == EVENT_JOB_ERROR:
            log.error("job of %s raised %r", site, event.exception)

    def _backing_off(self, site: str, spec: JobSpec | None) -> str | None:
        with ArchiveStore.open(self.db) as store:
            failures, last_end = store.failure_streak(site)
        if not failures or not last_end or spec is None:
            return None
        now = datetime.now().astimezone()
        delay = backoff_delay(failures, spec.interval_seconds(now), self.options.max_backoff)
        resume = datetime.fromisoformat(last_end) + timedelta(seconds=delay)
        if now >= resume:
            return None
        return f"{failures} failed runs in a row, backing off until {_iso(resume.astimezone())}"

    def run_site(self, site: str) -> None:
        """One scheduled run: back off after failures, crawl, record why a run failed."""
        if self.stopping.is_set():
            return
        profile = self.config.sites.get(site)
        if profile is None:
            log.warning("job for %s fired, but the site is no longer in the config", site)
            return
        with self._running_changed:
            self._running.add(site)
        try:
            self._run_site(site, profile.timeout_seconds, profile.max_articles,
                           dict(profile.settings))
        except (StoreError, OSError) as exc:
            log.error("crawl of %s could not run: %s", site, exc)
        finally:
            with self._running_changed:
                self._running.discard(site)
                self._running_changed.notify_all()

    def _run_site(self, site: str, timeout: int | None, max_articles: int | None,
                  settings: dict[str, str]) -> None:
        why = self._backing_off(site, self.specs.get(f"{JOB_PREFIX}{site}"))
        if why:
            log.warning("skipping %s: %s", site, why)
            return
        job = CrawlJob(
            db=self.db, site=site, config=self.config_path,
            timeout=float(timeout or self.options.timeout), max_articles=max_articles,
            settings={**self.options.settings, **settings},
        )
        log.info("crawl of %s starting", site)
        started = time.monotonic()
        outcome = run_crawl(job, stop=self.stopping, grace=self.options.grace, own_session=True)
        with ArchiveStore.open(self.db) as store:
            row = store.crawl(outcome.crawl_id) or {}
            failure = run_failure(row)
            if failure:
                row["status"] = f"failed: {failure}"
                store.set_crawl_status(outcome.crawl_id, row["status"])
        status = str(row.get("status"))
        level = logging.INFO if status in ("finished", "shutdown") else logging.WARNING
        log.log(
            level, "crawl %s of %s: %s in %.1fs, %s pages, %s new, %s updated, %s errors (log %s)",
            outcome.crawl_id, site, status, time.monotonic() - started, row.get("pages"),
            row.get("articles_new"), row.get("articles_updated"), row.get("errors"),
            outcome.log_file,
        )

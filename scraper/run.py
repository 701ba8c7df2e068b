"""Run one crawl as a `python -m scrapy crawl` subprocess with a hard timeout and progress."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.store import ArchiveStore
from scraper.progress import PREFIX

DEFAULT_TIMEOUT_S = 6 * 3600
GRACE_S = 20.0


@dataclass
class CrawlJob:
    """What to crawl and where to store it."""

    db: Path
    url: str | None = None  # a start URL ...
    site: str | None = None  # ... or a site name from the config
    config: Path | None = None
    timezone: str | None = None
    max_articles: int | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    settings: dict[str, str] = field(default_factory=dict)
    log_file: Path | None = None

    @property
    def target(self) -> str:
        return self.url or self.site or "?"


@dataclass
class CrawlOutcome:
    """How a crawl subprocess ended."""

    crawl_id: int
    returncode: int
    reason: str
    progress: dict[str, Any]
    log_file: Path
    timed_out: bool = False
    stopped: bool = False  # stopped on request (the ``stop`` event), not by its own end

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and self.reason in ("finished", "closespider_itemcount")


def build_command(job: CrawlJob, crawl_id: int, log_file: Path) -> list[str]:
    """The scrapy command line for a job (also what `scrapy crawl` users would type)."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news"]
    if job.url:
        cmd += ["-a", f"url={job.url}"]
    if job.site:
        cmd += ["-a", f"site={job.site}"]
    if job.timezone:
        cmd += ["-a", f"timezone={job.timezone}"]
    settings: dict[str, str] = {
        "ARCHIVE_DB": str(job.db),
        "ARCHIVE_CRAWL_ID": str(crawl_id),
        "PROGRESS_ENABLED": "1",
        "LOG_FILE": str(log_file),
        "CLOSESPIDER_TIMEOUT": str(max(1, int(job.timeout - GRACE_S))),
    }
    if job.config:
        settings["SITES_CONFIG"] = str(job.config)
    if job.max_articles:
        settings["CLOSESPIDER_ITEMCOUNT"] = str(job.max_articles)
    settings.update(job.settings)
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    return cmd


def _reader(stream: Any, on_line: Callable[[dict[str, Any]], None], last: dict[str, Any]) -> None:
    for raw in stream:
        line = raw.rstrip("\n")
        if not line.startswith(PREFIX):
            continue
        try:
            data = json.loads(line[len(PREFIX):])
        except ValueError:
            continue
        last.clear()
        last.update(data)
        on_line(data)


def _wait(proc: subprocess.Popen[str], timeout: float, stop: threading.Event | None) -> str | None:
    """Wait for the child to end: None when it did, "timeout" or "stop" when it must be stopped."""
    if stop is None:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout"
        return None
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if stop.is_set():
            return "stop"
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return "timeout"
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=min(remaining, 0.25))
    return None


def run_crawl(
    job: CrawlJob,
    on_progress: Callable[[dict[str, Any]], None] | None = None,
    *,
    stop: threading.Event | None = None,
    grace: float = GRACE_S,
    own_session: bool = False,
) -> CrawlOutcome:
    """Run the crawl to its end (or timeout) and make sure its crawls row is closed.

    Setting ``stop`` (from another thread) stops the crawl like a timeout does: SIGTERM, then
    SIGKILL after ``grace`` seconds; its row is closed as ``shutdown``. ``own_session`` starts
    the crawl in its own session, so a Ctrl-C meant for a daemon does not reach it directly
    (a second signal would make Scrapy stop uncleanly); the daemon then stops it.
    """
    job.db = job.db.resolve()
    with ArchiveStore.open(job.db) as store:
        crawl_id = store.start_crawl(job.target, job.site)
    log_file = job.log_file or job.db.parent / f"{job.db.stem}.logs" / f"crawl-{crawl_id}.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="scraper.settings", PYTHONUNBUFFERED="1")
    last: dict[str, Any] = {}
    interrupted: str | None = None
    with open(log_file, "ab") as stderr, subprocess.Popen(
        build_command(job, crawl_id, log_file),
        stdout=subprocess.PIPE,
        stderr=stderr,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=own_session,
    ) as proc:
        reader = threading.Thread(
            target=_reader,
            args=(proc.stdout, on_progress or (lambda _d: None), last),
            daemon=True,
        )
        reader.start()
        try:
            interrupted = _wait(proc, job.timeout, stop)
            if interrupted:
                stop_process(proc, grace)
        except KeyboardInterrupt:
            stop_process(proc)
            raise
        finally:
            reader.join(timeout=5)
    if interrupted == "timeout":
        reason = f"timeout after {job.timeout:g}s"
    elif interrupted == "stop":
        reason = "shutdown"
    else:
        reason = str(last.get("reason") or f"exit {proc.returncode}")
    outcome = CrawlOutcome(crawl_id, proc.returncode, reason, last, log_file,
                           timed_out=interrupted == "timeout", stopped=interrupted == "stop")
    with ArchiveStore.open(job.db) as store:
        row = store.crawl(crawl_id)
        if row is not None and (row["status"] == "running" or not outcome.ok):
            status = "finished" if outcome.ok else "shutdown" if outcome.stopped else f"failed: {reason}"
            store.finish_crawl(crawl_id, status=status)
    return outcome


def stop_process(proc: subprocess.Popen[str], grace: float = GRACE_S) -> None:
    """SIGTERM (Scrapy's graceful stop), then SIGKILL after ``grace`` seconds."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)

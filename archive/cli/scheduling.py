"""Commands for unattended use: site profiles and their health, the scheduler, crawl history."""

from __future__ import annotations

from pathlib import Path

import click

from archive.store import StoreError

from .app import (
    CONTEXT,
    ConfigProblem,
    config_option,
    db_option,
    err_console,
    format_option,
    open_store,
    render_rows,
)
from .crawling import parse_settings


# -- sites ------------------------------------------------------------------------------------
def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"

def _site_health(db_path: Path, config_path: Path, runs: int, fmt: str) -> None:
    """Per-site health over the last RUNS crawls (sites of the config, or of the archive)."""
    from scraper.sites import ConfigError, load_sites

    names: list[str] | None = None
    if config_path.exists():
        try:
            names = sorted(load_sites(config_path).sites)
        except ConfigError as exc:
            raise click.ClickException(str(exc)) from exc
    with open_store(db_path) as store:
        rows = store.site_health(runs=runs, sites=names)
    if fmt == "json":
        render_rows(rows, fmt, [])
        return
    table_rows = [
        {
            "site": r["site"],
            "runs": r["runs"],
            "success": _percent(r["success_rate"]),
            "articles/run": r["articles_per_run"],
            "new/run": r["new_per_run"],
            "dates found": _percent(r["date_found_rate"]),
            "blocked": _percent(r["blocked_rate"]),
            "errors": _percent(r["error_rate"]),
            "failing": r["failure_streak"] or "",
            "last run": r["last_run"],
            "last error": f"{r['last_error']} ({r['last_error_at']})" if r["last_error"] else "",
        }
        for r in rows
    ]
    columns = ["site", "runs", "success", "articles/run", "new/run", "dates found", "blocked",
               "errors", "failing", "last run", "last error"]
    render_rows(table_rows, fmt, columns, title=f"Site health over the last {runs} runs")

@click.command(context_settings=CONTEXT)
@config_option
@db_option
@click.option("--health", is_flag=True,
              help="Per site over its last runs: success rate, articles per run, share with a "
                   "publish date, blocked and error rates, last error (needs --db).")
@click.option("--runs", default=10, show_default=True, type=click.IntRange(1, 10_000),
              help="How many recent runs --health looks at.")
@format_option("table", "json")
def sites(config_path: Path, db_path: Path, health: bool, runs: int, fmt: str) -> None:
    """List the site profiles of sites.toml, or their crawl health (--health)."""
    from scraper.sites import ConfigError, load_sites

    if health:
        _site_health(db_path, config_path, runs, fmt)
        return
    try:
        config = load_sites(config_path)
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from exc
    rows = [
        {
            "name": p.name,
            "start_urls": " ".join(p.start_urls),
            "timezone": p.timezone,
            "schedule": p.schedule or (f"every {p.every}" if p.every else None),
            "article_pattern": p.article_pattern,
            "allowed_domains": " ".join(p.allowed_domains),
        }
        for p in config.sites.values()
    ]
    render_rows(rows, fmt, ["name", "start_urls", "timezone", "schedule", "article_pattern"],
                title=str(config.path))

def _duration(seconds: int | None, status: str) -> str:
    if seconds is None:
        return "running" if status == "running" else ""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"

@click.command(context_settings=CONTEXT)
@config_option
@db_option
@click.option("--list", "list_only", is_flag=True,
              help="Show the jobs and their next run times, then exit.")
@click.option("--misfire-grace", default=900.0, show_default=True, type=click.FloatRange(1),
              help="Seconds a run may start late (scheduler down or busy); later ones are skipped.")
@click.option("--timeout", default=6 * 3600.0, show_default=True, type=click.FloatRange(5),
              help="Hard limit of one crawl in seconds, unless its profile sets timeout.")
@click.option("--grace", default=20.0, show_default=True, type=click.FloatRange(0),
              help="On stop, seconds a running crawl gets after SIGTERM before SIGKILL.")
@click.option("--max-parallel", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Crawls of different sites that may run at the same time (they share "
                   "SQLite's one writer).")
@click.option("--max-backoff", default="6h", show_default=True,
              help="Longest pause of a site after failed runs in a row (30m, 6h, 1d).")
@click.option("--watch", default=2.0, show_default=True, type=click.FloatRange(0),
              help="Seconds between checks of the config file for changes (0: SIGHUP only).")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Rotating log file (default: DB.logs/schedule.log beside the archive).")
@click.option("--keep-logs", default=30.0, show_default=True, type=click.FloatRange(0),
              help="Delete crawl logs older than this many days (0 keeps them all).")
@click.option("-s", "--setting", "settings", multiple=True, metavar="KEY=VALUE",
              help="Scrapy setting for every crawl (repeatable); a profile's settings win.")
@format_option("table", "json")
def schedule(
    config_path: Path, db_path: Path, list_only: bool, misfire_grace: float, timeout: float,
    grace: float, max_parallel: int, max_backoff: str, watch: float, log_file: Path | None,
    keep_logs: float, settings: tuple[str, ...], fmt: str,
) -> None:
    """Crawl every site with a schedule or every key in sites.toml on time, until stopped.

    Jobs live in DB.jobs.db beside the archive, so a restart keeps them; a run missed while
    stopped runs once on start if within --misfire-grace. A run still going when the next
    is due makes that one skip. SIGHUP or saving sites.toml reloads it; SIGTERM or Ctrl-C
    stops, giving a running crawl --grace seconds. Config mistakes exit with code 2.
    """
    from scraper.schedule import (
        ScheduleError,
        ScheduleOptions,
        Scheduler,
        default_log_file,
        list_jobs,
        remove_logging,
        scheduler_pid,
        setup_logging,
    )
    from scraper.sites import ConfigError, load_sites, parse_every

    try:
        backoff = parse_every(max_backoff)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--max-backoff") from exc
    try:
        config = load_sites(config_path)
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from exc
    db = db_path.resolve()
    if not db.parent.is_dir():
        raise click.ClickException(f"folder {db.parent} does not exist")
    if list_only:
        pid = scheduler_pid(db)
        err_console.print(f"scheduler: running (pid {pid})" if pid else "scheduler: not running")
        render_rows(list_jobs(db, config), fmt, ["job", "schedule", "next_run", "state"],
                    title=f"Jobs of {db}")
        return
    options = ScheduleOptions(
        db=db, config=config_path, misfire_grace=misfire_grace, grace=grace, timeout=timeout,
        max_parallel=max_parallel, max_backoff=backoff, watch_interval=watch,
        keep_logs_days=keep_logs, settings=parse_settings(settings),
    )
    handlers = setup_logging(log_file or default_log_file(db))
    try:
        daemon = Scheduler(options)
        try:
            daemon.open()
        except ConfigError as exc:
            raise ConfigProblem(str(exc)) from exc
        except (ScheduleError, StoreError) as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            daemon.serve()
        finally:
            daemon.close()
    finally:
        remove_logging(handlers)

@click.command(context_settings=CONTEXT)
@db_option
@click.option("--site", help="Only the crawls of this site.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1_000_000))
@format_option("table", "json", "csv")
def crawls(db_path: Path, site: str | None, limit: int, fmt: str) -> None:
    """Crawl history, newest first: start, duration, status, pages, new, updated, errors."""
    with open_store(db_path) as store:
        rows = store.crawl_history(limit=limit, site=site)
    if fmt != "table":
        render_rows(rows, fmt, ["id", "site", "target", "started_at", "finished_at", "duration_s",
                                "status", "pages", "articles_new", "articles_updated",
                                "articles_unchanged", "errors"])
        return
    if not rows:
        click.echo("No crawls yet." if not site else f"No crawls of {site} yet.")
        return
    table_rows = [
        {
            "id": r["id"], "site": r["site"] or r["target"], "started": r["started_at"],
            "duration": _duration(r["duration_s"], r["status"]), "status": r["status"],
            "pages": r["pages"], "new": r["articles_new"], "updated": r["articles_updated"],
            "errors": r["errors"],
        }
        for r in rows
    ]
    render_rows(table_rows, fmt, ["id", "site", "started", "duration", "status", "pages", "new",
                                  "updated", "errors"], title="Crawls")

"""Commands that fetch: the demo portal, crawls, extraction of saved pages, the demo."""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table

from archive.search import build_match

from .app import (
    CONTEXT,
    DEFAULT_CONFIG,
    ConfigProblem,
    config_option,
    db_option,
    err_console,
    format_option,
    open_store,
    render_rows,
)


# -- portal -----------------------------------------------------------------------------------
@click.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=0, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0 picks a free one).")
@click.option("--articles", default=200, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--seed", default=1, show_default=True, type=int, help="Changes all generated text.")
@click.option("--edition", default=1, show_default=True, type=click.IntRange(1, 2),
              help="2 = a later state of the site: changed and new articles.")
@click.option("--name", default="Demo Gazette", show_default=True, help="The outlet's name.")
@click.option("--wire-share", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Share of articles that are edited copies of shared wire stories.")
@click.option("--wire-seed", default=0, show_default=True, type=int,
              help="Outlets with the same wire seed share the same wire stories.")
@click.option("--faults", is_flag=True,
              help="Fault mode: also serve the hostile web (tarpits, resets, 5xx storms, bombs, "
                   "traps...; see docs/reliability.md).")
@click.option("--prerender", is_flag=True,
              help="Render every article page before serving and keep them in memory (the crawl "
                   "benchmark's portal: less of the machine's CPU goes to the server).")
def portal(
    host: str, port: int, articles: int, seed: int, edition: int, name: str, wire_share: float,
    wire_seed: int, faults: bool, prerender: bool,
) -> None:
    """Serve the built-in demo news portal (a synthetic news site) until stopped."""
    from archive.portal.content import PortalConfig
    from archive.portal.server import PRERENDER_MAX, serve_forever

    config = PortalConfig(articles=articles, seed=seed, edition=edition, name=name,
                          wire_share=wire_share, wire_seed=wire_seed)
    if faults and prerender:
        raise click.UsageError("--prerender serves the plain portal; it cannot go with --faults")
    if prerender and articles > PRERENDER_MAX:
        raise click.UsageError(f"--prerender keeps at most {PRERENDER_MAX:,} articles in memory")
    try:
        if faults:
            from archive.portal.faults import serve_faults_forever

            serve_faults_forever(host, port, config, sys.stdout)
            return
        serve_forever(host, port, config, sys.stdout, prerender=prerender)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc

# -- crawl ------------------------------------------------------------------------------------
def _progress_table(data: dict[str, Any], target: str) -> Table:
    table = Table(title=f"Crawling {target}", show_header=True)
    for col in ("pages", "articles", "new", "errors", "pages/s", "elapsed"):
        table.add_column(col, justify="right")
    table.add_row(
        str(data.get("pages", 0)), str(data.get("articles", 0)), str(data.get("new", 0)),
        str(data.get("errors", 0)), str(data.get("rate", 0)), f"{data.get('elapsed', 0)}s",
    )
    return table

def parse_settings(pairs: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--setting")
        out[key.strip()] = value
    return out

def run_crawl_command(
    target: str,
    db_path: Path,
    config_path: Path,
    *,
    max_articles: int | None,
    timezone: str | None,
    timeout: float,
    settings: dict[str, str],
    quiet: bool,
) -> dict[str, Any]:
    """Resolve TARGET, run the crawl subprocess with a live display, return the crawls row."""
    from scraper.extract import check_timezone
    from scraper.run import CrawlJob, run_crawl
    from scraper.sites import ConfigError, load_sites

    try:
        check_timezone(timezone)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--timezone") from exc
    job = CrawlJob(db=db_path, timezone=timezone, max_articles=max_articles, timeout=timeout,
                   settings=settings)
    if target.startswith(("http://", "https://")):
        job.url = target
    else:
        try:
            profile = load_sites(config_path).get(target)
        except ConfigError as exc:
            raise ConfigProblem(str(exc)) from exc
        job.site, job.config = profile.name, config_path.resolve()
        job.max_articles = max_articles or profile.max_articles
    if not db_path.resolve().parent.is_dir():
        raise click.ClickException(f"folder {db_path.resolve().parent} does not exist")
    if quiet:
        outcome = run_crawl(job)
    else:
        with Live(_progress_table({}, target), console=err_console, refresh_per_second=4) as live:
            outcome = run_crawl(job, lambda d: live.update(_progress_table(d, target)))
    with open_store(db_path) as store:
        row = store.crawl(outcome.crawl_id) or {}
    row["log_file"] = str(outcome.log_file)
    row["ok"] = outcome.ok
    return row

def _print_crawl_summary(row: dict[str, Any]) -> None:
    table = Table(title=f"Crawl {row.get('id')} — {row.get('status')}", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    for key in ("pages", "articles_new", "articles_updated", "articles_unchanged", "duplicates",
                "duplicates_near", "not_modified", "skipped_not_due", "errors"):
        table.add_row(key.replace("_", " "), str(row.get(key, 0)))
    kinds = json.loads(row.get("error_summary") or "{}")
    if kinds:
        table.add_row("errors by kind", ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))
    table.add_row("log", str(row.get("log_file", "")))
    Console().print(table)

@click.command(context_settings=CONTEXT)
@click.argument("target")
@db_option
@config_option
@click.option("--max-articles", type=click.IntRange(1), help="Stop after this many articles.")
@click.option("--timezone", help="The site's IANA zone, for pages that print local times only.")
@click.option("--timeout", default=6 * 3600.0, show_default=True, type=click.FloatRange(5),
              help="Hard limit in seconds; the crawl is stopped gracefully, then killed.")
@click.option("-s", "--setting", "settings", multiple=True, metavar="KEY=VALUE",
              help="Extra Scrapy setting (repeatable), e.g. -s DOWNLOAD_DELAY=1.")
@click.option("--only-new", is_flag=True,
              help="Fetch only article URLs the archive has never seen (no revisits).")
@click.option("--revisit-all", is_flag=True,
              help="Revisit every known article now (conditional requests), not only due ones.")
@click.option("-q", "--quiet", is_flag=True, help="No live progress display.")
@format_option("table", "json")
def crawl(
    target: str, db_path: Path, config_path: Path, max_articles: int | None,
    timezone: str | None, timeout: float, settings: tuple[str, ...], only_new: bool,
    revisit_all: bool, quiet: bool, fmt: str,
) -> None:
    """Crawl TARGET (a start URL or a site name from sites.toml) into the archive.

    Known articles are revisited when due (after 1h, 6h, 1d and 7d without change, then no
    more; FRONTIER_TIERS changes this) with If-None-Match / If-Modified-Since.
    """
    if only_new and revisit_all:
        raise click.UsageError("--only-new and --revisit-all exclude each other")
    extra = parse_settings(settings)
    if only_new or revisit_all:
        extra.setdefault("FRONTIER_MODE", "new" if only_new else "all")
    row = run_crawl_command(
        target, db_path, config_path, max_articles=max_articles, timezone=timezone,
        timeout=timeout, settings=extra, quiet=quiet or fmt == "json",
    )
    if fmt == "json":
        click.echo(json.dumps(row, ensure_ascii=False, indent=2))
    else:
        _print_crawl_summary(row)
    if not row["ok"]:
        raise click.ClickException(f"crawl {row.get('id')} ended: {row.get('status')}")

# -- extract ----------------------------------------------------------------------------------
def _read_source(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    data = Path(source).read_bytes()
    if source.endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data

def _manifest_jobs(manifest: Path) -> Iterator[dict[str, Any]]:
    try:
        handle = manifest.open(encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot read manifest {manifest}: {exc.strerror}") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                job = json.loads(line)
            except ValueError as exc:
                yield {"line": number, "error": f"manifest line {number} is not JSON: {exc}"}
                continue
            if not isinstance(job, dict) or not isinstance(job.get("path"), str):
                yield {"line": number, "error": f"manifest line {number} has no \"path\" string"}
                continue
            yield job

def extract_one(
    path: str, url: str | None, timezone: str | None, fetched_at: str | None
) -> dict[str, Any]:
    """Extract one file; failures come back as ``{"path", "error"}``."""
    from scraper.extract import ExtractionError, extract_article

    try:
        data = _read_source(path)
        article = extract_article(
            data, url or (f"file://{Path(path).resolve()}" if path != "-" else "stdin:"),
            fetched_at=fetched_at, timezone=timezone,
        )
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return {"path": path, "error": f"cannot read: {getattr(exc, 'strerror', None) or exc}"}
    except (ExtractionError, ValueError) as exc:
        return {"path": path, "error": str(exc)}
    return {"path": path, **article.to_dict()}

@click.command(context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path),
              help='JSON lines: {"path", "url", "fetched_at", "timezone"} (all but path optional).')
@click.option("--url", help="The page's address (URLs carry dates and site identity).")
@click.option("--timezone", help="IANA zone for pages that print local times only.")
@click.option("--fetched-at", help="When the page was fetched (ISO 8601), for relative dates.")
@format_option("json", "jsonl", "text", default="json")
def extract(
    sources: tuple[str, ...], manifest: Path | None, url: str | None, timezone: str | None,
    fetched_at: str | None, fmt: str,
) -> None:
    """Extract articles from saved pages (SOURCE: a file, .gz too, or - for stdin)."""
    if not sources and manifest is None:
        raise click.UsageError("give at least one SOURCE or --manifest FILE")
    if sources and manifest is not None:
        raise click.UsageError("give SOURCEs or --manifest, not both")
    if manifest is not None:
        jobs: Iterable[dict[str, Any]] = _manifest_jobs(manifest)
    else:
        jobs = ({"path": s, "url": url, "timezone": timezone, "fetched_at": fetched_at}
                for s in sources)
    results: list[dict[str, Any]] = []
    failed = bad_lines = 0
    for job in jobs:
        if "error" in job:
            result = job
            bad_lines += 1
        else:
            result = extract_one(job["path"], job.get("url"), job.get("timezone"),
                                 job.get("fetched_at"))
            failed += "error" in result
        if fmt == "jsonl" or (fmt == "json" and manifest is not None):
            click.echo(json.dumps(result, ensure_ascii=False))
        else:
            results.append(result)
    if fmt == "json" and manifest is None:
        payload: Any = results[0] if len(results) == 1 else results
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "text":
        for result in results:
            if "error" in result:
                click.echo(f"# {result['path']}: {result['error']}\n")
                continue
            click.echo(f"# {result.get('title') or '(no title)'}")
            click.echo(f"published: {result.get('published')} ({result.get('published_source')})")
            click.echo(f"authors: {', '.join(result.get('authors') or [])}\n")
            click.echo(f"{result.get('body')}\n")
    if failed:
        err_console.print(f"{failed} page(s) could not be extracted (see their error field)")
    if bad_lines:
        raise click.exceptions.Exit(2)

# -- demo -------------------------------------------------------------------------------------
@click.command(context_settings=CONTEXT)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              default="demo.db", show_default=True, help="Archive to (re)create.")
@click.option("--articles", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--query", default="council", show_default=True, help="The sample search.")
def demo(db_path: Path, articles: int, query: str) -> None:
    """Start the demo portal, crawl it into a fresh archive, summarise, search, stop."""
    from archive.portal.content import PortalConfig
    from archive.portal.server import running_portal

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    config = PortalConfig(articles=articles)
    started = time.monotonic()
    with running_portal(config) as base_url:
        err_console.print(f"Demo portal ({articles} articles) at {base_url}")
        row = run_crawl_command(
            base_url, db_path, Path(DEFAULT_CONFIG), max_articles=None, timezone=config.timezone,
            timeout=1800, settings={}, quiet=False,
        )
    _print_crawl_summary(row)
    with open_store(db_path) as store:
        summary = store.summary()
        hits = store.search(build_match(query), limit=5)
    table = Table(title=f"Archive {db_path}", show_header=False)
    table.add_column("what")
    table.add_column("value")
    table.add_row("articles", str(summary["articles"]))
    table.add_row("with a publish date", str(summary["with_published"]))
    table.add_row("published", f"{summary['first_published_utc']} … {summary['last_published_utc']}")
    table.add_row("sections", ", ".join(f"{s} ({n})" for s, n in summary["sections"]))
    table.add_row("URLs known", str(summary["urls"]))
    table.add_row("took", f"{time.monotonic() - started:.1f}s")
    Console().print(table)
    render_rows(hits, "table", ["published", "title", "snippet"],
                title=f"newsarchive search {query!r} --db {db_path}")
    if not row["ok"]:
        raise click.ClickException(f"demo crawl ended: {row.get('status')}")

"""The `newsarchive` command: each command parses its options, calls the library, renders."""

from __future__ import annotations

import contextlib
import csv
import difflib
import gzip
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.live import Live
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from archive.search import HIGHLIGHT, QueryError, build_match, mark_snippet, parse_when, short
from archive.store import SEARCH_SORTS, ArchiveStore, SearchSyntaxError, StoreError

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_DB = "archive.db"
DEFAULT_CONFIG = "sites.toml"

err_console = Console(stderr=True)


def db_option(func: F) -> F:
    """``--db`` with the NEWSARCHIVE_DB fallback, shared by every command that opens the archive."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB,
        envvar="NEWSARCHIVE_DB",
        show_default=True,
        show_envvar=True,
        help="Archive database file.",
    )(func)


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_CONFIG,
        envvar="NEWSARCHIVE_CONFIG",
        show_default=True,
        show_envvar=True,
        help="Site profiles (TOML).",
    )(func)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format: a table for people, JSON/CSV for programs.",
        )(func)

    return decorate


def open_store(db_path: Path, *, create: bool = False) -> ArchiveStore:
    try:
        return ArchiveStore.open(db_path, create=create)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _cell(value: Any) -> Text:
    """A table cell: plain text (never rich markup), with highlighted matches in colour."""
    if value is None:
        return Text("")
    text = str(value)
    if HIGHLIGHT[0] not in text:
        return Text(text)
    cell = Text()
    for i, part in enumerate(text.replace(HIGHLIGHT[1], HIGHLIGHT[0]).split(HIGHLIGHT[0])):
        cell.append(part, style="bold yellow" if i % 2 else "")
    return cell


def render_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str = "") -> None:
    """Print rows as a rich table, JSON array, JSON lines or CSV (snippet markers: [ ])."""
    if fmt != "table":
        rows = [
            {k: mark_snippet(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows
        ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        table = Table(title=title or None, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)


@click.group(context_settings=CONTEXT)
@click.version_option(package_version("newsarchive"), "--version", prog_name="newsarchive")
def main() -> None:
    """newsarchive: crawl news sites into a searchable SQLite archive.

    Articles keep their publish and modified timestamps with timezone and provenance.
    """


# -- portal -----------------------------------------------------------------------------------
@main.command(context_settings=CONTEXT)
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
def portal(
    host: str, port: int, articles: int, seed: int, edition: int, name: str, wire_share: float,
    wire_seed: int, faults: bool,
) -> None:
    """Serve the built-in demo news portal (a synthetic news site) until stopped."""
    from archive.portal.content import PortalConfig
    from archive.portal.server import serve_forever

    config = PortalConfig(articles=articles, seed=seed, edition=edition, name=name,
                          wire_share=wire_share, wire_seed=wire_seed)
    try:
        if faults:
            from archive.portal.faults import serve_faults_forever

            serve_faults_forever(host, port, config, sys.stdout)
            return
        serve_forever(host, port, config, sys.stdout)
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


def _parse_settings(pairs: Iterable[str]) -> dict[str, str]:
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


@main.command(context_settings=CONTEXT)
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
    extra = _parse_settings(settings)
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


@main.command(context_settings=CONTEXT)
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


# -- search, show, stats ------------------------------------------------------------------------
def _when(value: str | None, option: str, *, end: bool = False) -> str | None:
    """A --since/--until value as a UTC bound, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return parse_when(value, end=end)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from exc


def date_filter_options(func: F) -> F:
    """``--since`` / ``--until``, shared by search and export."""
    func = click.option(
        "--until", metavar="WHEN",
        help="Published at or before WHEN; a date includes that whole day (UTC).",
    )(func)
    return click.option(
        "--since", metavar="WHEN",
        help="Published at or after WHEN: 2024-01-31, 2024-01-31T10:00:00+01:00 or ...Z "
             "(compared in UTC; no offset means UTC).",
    )(func)


@main.command(context_settings=CONTEXT)
@click.argument("query")
@db_option
@click.option("--site", "sites", multiple=True, help="Only this site (repeatable).")
@date_filter_options
@click.option("--lang", "languages", multiple=True, help="Only this language, e.g. en (repeatable).")
@click.option("--section", "sections", multiple=True, help="Only this section (repeatable).")
@click.option("--cluster", type=click.IntRange(1),
              help="Only this cluster of near-duplicates (its id: see `show` or JSON output).")
@click.option("--sort", type=click.Choice(SEARCH_SORTS), default="relevance", show_default=True,
              help="Best matches first, or by publish time.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--raw", is_flag=True, help="Pass QUERY through as FTS5 syntax (NEAR, col:, ^...).")
@format_option("table", "json", "jsonl", "csv")
def search(
    query: str, db_path: Path, sites: tuple[str, ...], since: str | None, until: str | None,
    languages: tuple[str, ...], sections: tuple[str, ...], cluster: int | None, sort: str,
    limit: int, offset: int, raw: bool, fmt: str,
) -> None:
    """Full-text search over titles and bodies, best matches first.

    Words must all match; "a phrase", prefix*, AND / OR / NOT (in capitals, between two
    terms), ( ) and title:word work as in FTS5. Other punctuation only separates words.
    Accents are ignored (cafe finds café); words are not stemmed (vote does not find votes:
    use vote*).
    """
    try:
        match = build_match(query, raw=raw)
    except QueryError as exc:
        raise click.UsageError(str(exc)) from exc
    with open_store(db_path) as store:
        try:
            rows = store.search(match, sites=sites, languages=languages, sections=sections,
                                sort=sort, limit=limit, offset=offset, cluster=cluster,
                                since=_when(since, "--since"),
                                until=_when(until, "--until", end=True))
        except SearchSyntaxError as exc:
            hint = " (without --raw every word is searched as typed)" if raw else ""
            raise click.UsageError(f"FTS5 syntax error in {short(query)}: {exc}{hint}") from exc
    columns = ["id", "published", "site", "title", "snippet", "url"]
    if fmt == "table" and not rows:
        click.echo(f"No articles match {short(query)}.")
        return
    render_rows(rows, fmt, columns, title=f"{len(rows)} result(s) for {short(query)}")


def load_article(store: ArchiveStore, key: str) -> dict[str, Any]:
    """The article ``show`` prints: its row, URLs, decoded lists and the crawl that wrote it."""
    article = store.article(key)
    if article is None:
        raise click.ClickException(f"no article with id or URL {short(key, 200)}")
    for column in ("authors", "tags"):
        with contextlib.suppress(ValueError):
            article[column] = json.loads(article.get(column) or "[]")
    crawl_id = article.get("crawl_id")
    article["crawl"] = store.crawl(int(crawl_id)) if crawl_id is not None else None
    return article


def print_article(article: dict[str, Any]) -> None:
    """Title, a metadata and provenance table, then the body."""
    console = Console()
    console.print(Text(article.get("title") or "(no title)", style="bold"))
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("field", style="dim")
    table.add_column("value", overflow="fold")

    def provenance(prefix: str) -> str:
        """"text, precision minute, zone Europe/Berlin" for published/modified."""
        parts = [article.get(f"{prefix}_source")]
        if article.get(f"{prefix}_precision"):
            parts.append(f"precision {article[f'{prefix}_precision']}")
        if article.get(f"{prefix}_zone"):
            parts.append(f"zone {article[f'{prefix}_zone']}")
        return ", ".join(p for p in parts if p) if article.get(prefix) else ""

    crawl = article.get("crawl") or {}
    fields = [
        ("id", article.get("id")),
        ("url", article.get("url")),
        ("site", article.get("site")),
        ("section", article.get("section")),
        ("language", article.get("language")),
        ("authors", ", ".join(article.get("authors") or [])),
        ("tags", ", ".join(article.get("tags") or [])),
        ("published", article.get("published")),
        ("published UTC", article.get("published_utc")),
        ("date from", provenance("published")),
        ("date as printed", article.get("published_raw")),
        ("modified", article.get("modified")),
        ("modified UTC", article.get("modified_utc")),
        ("update from", provenance("modified")),
        ("update as printed", article.get("modified_raw")),
        ("fetched", article.get("fetched_at")),
        ("first seen", article.get("first_seen")),
        ("body from", article.get("body_source")),
        ("crawl", f"{crawl['id']}: {crawl.get('target')} at {crawl.get('started_at')}"
         if crawl else None),
        ("content hash", article.get("content_hash")),
        ("revision", f"{article.get('revision')} (show --revisions)"
         if (article.get("revision") or 1) > 1 else None),
        ("near-duplicates", "\n".join(
            f"{m['id']}: {m['site']}: {m['title']} (similarity {m['similarity'] or '-'})"
            for m in article.get("cluster") or [])),
        ("also at", "\n".join(u for u in article.get("urls") or [] if u != article.get("url"))),
    ]
    for name, value in fields:
        if value not in (None, ""):
            table.add_row(name, Text(str(value)))
    console.print(table)
    console.print()
    console.print(Text(article.get("body") or ""))


def revision_diff(revisions: list[dict[str, Any]], number: int, article_id: int) -> str:
    """Unified diff of revision ``number`` against the one before it (title line, then body)."""
    by_number = {r["revision"]: r for r in revisions}
    if not revisions:
        raise click.BadParameter(f"article {article_id} has never changed: no revisions to diff",
                                 param_hint="--diff")
    first, last = min(by_number), max(by_number)
    if number not in by_number or number - 1 not in by_number:
        raise click.BadParameter(
            f"article {article_id} has revisions {first} to {last}: --diff takes "
            f"{first + 1} to {last} (the change from N-1 to N)", param_hint="--diff")
    old, new = by_number[number - 1], by_number[number]

    def lines(rev: dict[str, Any]) -> list[str]:
        return [f"# {rev.get('title') or ''}", "", *(rev.get("body") or "").splitlines()]

    return "\n".join(difflib.unified_diff(
        lines(old), lines(new), lineterm="",
        fromfile=f"revision {number - 1} ({old['fetched_at']})",
        tofile=f"revision {number} ({new['fetched_at']})",
    ))


@main.command(context_settings=CONTEXT)
@click.argument("key", metavar="ID|URL")
@db_option
@click.option("--revisions", "list_revisions", is_flag=True,
              help="List the stored versions of the article instead.")
@click.option("--diff", "diff_number", type=click.IntRange(2), metavar="N",
              help="Print what changed from revision N-1 to N (unified diff).")
@format_option("text", "json", default="text")
def show(key: str, db_path: Path, list_revisions: bool, diff_number: int | None, fmt: str) -> None:
    """One article: metadata, date provenance, where it was seen, near-duplicates, and its body."""
    with open_store(db_path) as store:
        article = load_article(store, key)
        revisions = store.revisions(article["id"])
        article["cluster"] = store.cluster_members(article)
    if diff_number is not None:
        click.echo(revision_diff(revisions, diff_number, article["id"]))
        return
    if list_revisions:
        rows = [{k: r[k] for k in ("revision", "fetched_at", "modified", "diff_chars", "title")}
                for r in revisions] or [{"revision": article.get("revision", 1),
                                          "fetched_at": article["fetched_at"],
                                          "modified": article.get("modified"), "diff_chars": 0,
                                          "title": article.get("title")}]
        render_rows(rows, "json" if fmt == "json" else "table",
                    ["revision", "fetched_at", "modified", "diff_chars", "title"],
                    title=f"Revisions of article {article['id']}")
        return
    if fmt == "json":
        click.echo(json.dumps(article, ensure_ascii=False, indent=2))
    else:
        print_article(article)


def _human_bytes(size: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


@main.command(context_settings=CONTEXT)
@db_option
@format_option("table", "json")
def stats(db_path: Path, fmt: str) -> None:
    """Articles per site, date range, date-found rate per site, archive size."""
    with open_store(db_path) as store:
        sites = store.site_stats()
        size = store.size_report()
    total = sum(r["articles"] for r in sites)
    dated = sum(r["dated"] for r in sites)
    on_disk = size["file_bytes"] + size["wal_bytes"]
    summary = {
        "articles": total,
        "sites": len(sites),
        "first_published": min((r["first_published"] for r in sites if r["first_published"]),
                               default=None),
        "last_published": max((r["last_published"] for r in sites if r["last_published"]),
                              default=None),
        "date_found_rate": round(dated / total, 4) if total else None,
        "bytes": on_disk,
        "bytes_per_article": round(on_disk / total) if total else None,
        **size,
    }
    if fmt == "json":
        click.echo(json.dumps({"archive": summary, "sites": sites}, ensure_ascii=False, indent=2))
        return
    rows = [
        {**r, "date_found": f"{r['date_found_rate']:.1%}",
         "published": f"{(r['first_published'] or '')[:10]} … {(r['last_published'] or '')[:10]}"}
        for r in sites
    ]
    render_rows(rows, "table", ["site", "articles", "date_found", "published", "last_fetched"],
                title=f"Archive {db_path}")
    rate = f"{summary['date_found_rate']:.1%}" if total else "-"
    click.echo(
        f"{total} articles from {len(sites)} site(s); dated {rate}; published "
        f"{summary['first_published'] or '-'} … {summary['last_published'] or '-'}; "
        f"{_human_bytes(on_disk)} on disk"
        + (f" ({_human_bytes(on_disk / total)} per article)" if total else "")
    )


# -- snapshots ----------------------------------------------------------------------------------
class _ExportProgress:
    """A rich progress bar on stderr for `export` (copy pages, then indexing)."""

    def __init__(self, enabled: bool) -> None:
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
            TimeElapsedColumn(), console=err_console, transient=True, disable=not enabled,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> _ExportProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        labels = {"copy": "Copying pages", "filter": "Filtering", "index": "Indexing, compacting"}
        if phase == "done":
            for task in self.tasks.values():
                self.progress.update(task, completed=1, total=1)
            return
        for previous, task in self.tasks.items():
            if previous != phase:
                self.progress.update(task, completed=1, total=1)
        if phase not in self.tasks:
            self.tasks[phase] = self.progress.add_task(labels.get(phase, phase), total=total)
        self.progress.update(self.tasks[phase], completed=done, total=total)


@main.command(context_settings=CONTEXT)
@click.argument("snapshot", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--site", "sites", multiple=True, help="Only this site (repeatable).")
@date_filter_options
@click.option("--force", is_flag=True, help="Replace SNAPSHOT if it exists (never the live archive).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def export(
    snapshot: Path, db_path: Path, sites: tuple[str, ...], since: str | None,
    until: str | None, force: bool, quiet: bool,
) -> None:
    """Write a search-ready snapshot of the archive for Datasette (and SNAPSHOT.metadata.json).

    Safe while a crawl is writing: the copy is one consistent state (SQLite backup API),
    then filtered, its full-text index rebuilt, and compacted.
    """
    from archive.export import DestinationError, ExportError, export_snapshot

    bounds = {"since": _when(since, "--since"), "until": _when(until, "--until", end=True)}
    try:
        with _ExportProgress(enabled=not quiet and err_console.is_terminal) as progress:
            result = export_snapshot(db_path, snapshot, sites=sites, force=force,
                                     progress=progress, **bounds)
    except DestinationError as exc:  # a mistake in the command line: usage error, exit 2
        raise click.BadParameter(str(exc), param_hint="SNAPSHOT") from exc
    except (ExportError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"Wrote {result.path}: {result.articles} articles from {len(result.sites)} site(s), "
        f"{_human_bytes(result.bytes)}, in {result.seconds:.1f}s; metadata in "
        f"{result.metadata_path}.\nExplore it: newsarchive serve {result.path}"
    )


@main.command(context_settings=CONTEXT)
@click.argument("snapshot", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0 picks a free one).")
@click.option("--metadata", type=click.Path(dir_okay=False, path_type=Path),
              help="Datasette metadata  [default: SNAPSHOT.metadata.json beside it]")
def serve(snapshot: Path, host: str, port: int, metadata: Path | None) -> None:
    """Explore a snapshot in Datasette (read-only, immutable) until stopped."""
    from archive.export import ExportError, check_snapshot, datasette_command, metadata_path_for

    try:
        check_snapshot(snapshot)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    if metadata is None and metadata_path_for(snapshot).exists():
        metadata = metadata_path_for(snapshot)
    if metadata is not None and not metadata.is_file():
        raise click.BadParameter(f"no file {metadata}", param_hint="--metadata")
    if metadata is None:
        err_console.print(f"No {metadata_path_for(snapshot)}: serving without metadata")
    command = datasette_command(snapshot, metadata=metadata, host=host, port=port)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)  # the server replaces this process: Ctrl-C and kill reach it


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


@main.command(context_settings=CONTEXT)
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


# -- schedule, crawls ---------------------------------------------------------------------------
class ConfigProblem(click.ClickException):
    """A mistake in sites.toml found before the scheduler starts: exit code 2, like usage errors."""

    exit_code = 2


def _duration(seconds: int | None, status: str) -> str:
    if seconds is None:
        return "running" if status == "running" else ""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


@main.command(context_settings=CONTEXT)
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
        keep_logs_days=keep_logs, settings=_parse_settings(settings),
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


@main.command(context_settings=CONTEXT)
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


# -- demo -------------------------------------------------------------------------------------
@main.command(context_settings=CONTEXT)
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


if __name__ == "__main__":  # pragma: no cover
    main()

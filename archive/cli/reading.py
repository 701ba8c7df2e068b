"""Commands that read the archive: search, show, stats, export and serve."""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
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

from archive.search import QueryError, build_match, short
from archive.store import SEARCH_SORTS, ArchiveStore, SearchSyntaxError, StoreError

from .app import (
    CONTEXT,
    _when,
    date_filter_options,
    db_option,
    err_console,
    format_option,
    open_store,
    render_rows,
)


@click.command(context_settings=CONTEXT)
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

@click.command(context_settings=CONTEXT)
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

@click.command(context_settings=CONTEXT)
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

@click.command(context_settings=CONTEXT)
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

@click.command(context_settings=CONTEXT)
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

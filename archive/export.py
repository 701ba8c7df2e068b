"""Snapshots of the archive for Datasette: a consistent filtered copy plus its metadata.json."""

from __future__ import annotations

import html
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.store import RANK_FUNCTION, ArchiveStore, utc_now

Progress = Callable[[str, int, int | None], None]
"""``progress(phase, done, total)``: phases "copy" (pages), "filter", "index" (ticks), "done"."""

SQLITE_HEADER = b"SQLite format 3\x00"

ARTICLE_COLUMNS = {
    "id": "Article number (also the full-text index rowid).",
    "url": "Canonical URL of the story, without tracking parameters.",
    "site": "Site profile name, or the host when crawled by URL.",
    "title": "Headline.",
    "body": "Article text; paragraphs are separated by a blank line.",
    "authors": "JSON list of bylines.",
    "language": "Language from the page's metadata (e.g. en).",
    "section": "Section of the site (politics, sport, ...).",
    "tags": "JSON list of the page's keywords.",
    "image": "Lead image URL.",
    "description": "The page's own summary.",
    "published": "Publish time as the page gave it, local time with its UTC offset "
                 "(or a date only when only the day is known).",
    "published_utc": "Publish time in UTC (sort and filter on this); empty when the offset "
                     "is unknown.",
    "timezone": "UTC offset of the publish time, e.g. +04:00.",
    "published_zone": "IANA time zone, when known (Europe/Berlin).",
    "published_source": "Where the publish date was read: jsonld, microdata, meta, time, "
                        "text, url, feed or sitemap.",
    "published_raw": "The exact text the publish date was read from.",
    "published_precision": "How precise the publish date is: date, minute or second.",
    "modified": "Last update, local time with offset.",
    "modified_utc": "Last update in UTC.",
    "modified_source": "Where the update time was read.",
    "modified_raw": "The exact text the update time was read from.",
    "modified_precision": "How precise the update time is.",
    "body_source": "Which extractor produced the body.",
    "fetched_at": "When this version was fetched (UTC).",
    "first_seen": "When the article was first archived (UTC).",
    "content_hash": "SHA-256 of the normalised title and body: equal hashes, same text.",
    "crawl_id": "The crawl that wrote this version (see crawls).",
    "body_hash": "SHA-256 of the normalised body alone.",
    "cluster_id": "Near-duplicate cluster: articles with the same value tell the same story.",
    "similarity": "Estimated similarity to the cluster's first article (0-1).",
    "revision": "How many versions of the article have been archived (see revisions).",
    "etag": "HTTP ETag of the last fetch.",
    "last_modified": "HTTP Last-Modified of the last fetch.",
}
OTHER_TABLES = {
    "article_urls": (
        "Every address an article was seen under (tracking variants, print pages, sections).",
        {"url": "An address of the story.", "article_id": "The article (see articles).",
         "first_seen": "First time seen (UTC).", "last_seen": "Last time seen (UTC)."},
    ),
    "crawls": (
        "One row per crawl: when, what, and what it found.",
        {"target": "Start URL or site name.", "status": "finished, failed: <reason>, ...",
         "pages": "Responses received.", "error_summary": "JSON: errors by kind."},
    ),
    "revisions": (
        "Earlier and later versions of articles that changed after publication.",
        {"article_id": "The article (see articles).", "revision": "Version number, 1 first.",
         "diff_chars": "Characters changed since the previous version."},
    ),
}


class ExportError(RuntimeError):
    """A snapshot cannot be written or served; the message says what to do."""


class DestinationError(ExportError):
    """The snapshot path the user gave is unusable (the live archive, a folder, an existing file)."""


@dataclass
class ExportResult:
    """What an export wrote."""

    path: Path
    metadata_path: Path
    articles: int
    removed: int
    bytes: int
    seconds: float
    sites: list[str] = field(default_factory=list)


def metadata_path_for(snapshot: Path) -> Path:
    """``news.db`` -> ``news.metadata.json`` (beside it)."""
    return snapshot.with_name(f"{snapshot.stem}.metadata.json")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_destination(source: Path, dest: Path, *, force: bool) -> None:
    """Refuse to write over the live archive (ever) or an existing file (without ``force``)."""
    live = [source, Path(f"{source}-wal"), Path(f"{source}-shm")]
    if any(_same_file(dest, p) or _same_file(metadata_path_for(dest), p) for p in live):
        raise DestinationError(f"{dest} is the live archive {source}: choose another snapshot file")
    if dest.is_dir():
        raise DestinationError(f"{dest} is a directory: give a snapshot file name, e.g. snapshot.db")
    if not dest.parent.resolve().is_dir():
        raise DestinationError(f"folder {dest.parent} does not exist")
    if dest.exists() and not force:
        raise DestinationError(f"{dest} exists: pass --force to replace it")


def export_snapshot(
    source: Path,
    dest: Path,
    *,
    sites: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write a consistent, filtered, search-ready copy of the archive and its Datasette metadata.

    The copy is taken with SQLite's backup API inside one read transaction (a crawl may keep
    writing), filtered, given a rebuilt FTS index and snapshot indexes, and compacted; it is
    built beside ``dest`` and moved into place only when complete. ``since``/``until`` are UTC
    bounds as made by ``archive.search.parse_when``.
    """
    started = time.monotonic()
    check_destination(source, dest, force=force)
    report: Progress = progress or (lambda _phase, _done, _total: None)
    partial = dest.with_name(f".{dest.name}.partial")
    _remove_db(partial)
    try:
        with ArchiveStore.open(source, create=False) as live:
            live.backup_to(partial, progress=lambda done, total: report("copy", done, total))
        ticks = 0

        def tick() -> None:
            nonlocal ticks
            ticks += 1
            report("index", ticks, None)

        with ArchiveStore.open(partial) as snap:
            report("filter", 0, None)
            removed = snap.keep_only(sites=sites, since=since, until=until)
            snap.prepare_snapshot(tick=tick)
            metadata = build_metadata(snap, dest, sites=sites, since=since, until=until)
            articles = snap.count_articles()
            site_names = [row["site"] for row in snap.site_stats()]
        _remove_db(dest)
        os.replace(partial, dest)
    except BaseException:
        _remove_db(partial)
        raise
    meta_path = metadata_path_for(dest)
    tmp = meta_path.with_name(f".{meta_path.name}.partial")
    tmp.write_text(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, meta_path)
    report("done", 1, 1)
    return ExportResult(dest, meta_path, articles, removed, dest.stat().st_size,
                        time.monotonic() - started, site_names)


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_metadata(
    snap: ArchiveStore,
    dest: Path,
    *,
    sites: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Datasette 0.65 metadata: descriptions, facets, default sort, stored search, hidden tables."""
    stats = snap.site_stats()
    names = [row["site"] for row in stats]
    first = min((r["first_published"] for r in stats if r["first_published"]), default=None)
    last = max((r["last_published"] for r in stats if r["last_published"]), default=None)
    span = f", published {first[:10]} to {last[:10]}" if first and last else ""
    filters = ", ".join(
        part for part in (
            f"sites {', '.join(sites)}" if sites else "",
            f"since {since}" if since else "",
            f"until {until} (exclusive)" if until else "",
        ) if part
    )
    description = (
        f"{sum(r['articles'] for r in stats)} news articles from {len(names)} site(s){span}, archived with "
        f"newsarchive and exported {utc_now()}"
        + (f" ({filters})" if filters else "")
        + ". Search titles and bodies with the box on the articles table (every word must "
        "match; accents are ignored), or use the ranked search query for the best matches "
        "first, with highlighted snippets."
    )
    tables: dict[str, Any] = {}
    for table, kind in snap.table_kinds().items():
        if kind == "internal":
            tables[table] = {"hidden": True}
    columns = set(snap.db["articles"].columns_dict)
    tables["articles"] = {
        "title": "Articles",
        "description_html": _articles_intro(
            {k: v for k, v in ARTICLE_COLUMNS.items() if k in columns}
        ),
        "facets": ["site", "section", "language", {"date": "published_utc"}],
        "sort_desc": "published_utc",
        "fts_table": "articles_fts",
        "fts_pk": "id",
        "label_column": "title",
    }
    for table, (text, cols) in OTHER_TABLES.items():
        if table in snap.table_kinds():
            tables[table] = {"description": text, "columns": cols}
    return {
        "title": f"News archive: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}",
        "description": description,
        "source": "Crawled from " + (", ".join(snap.crawl_targets()[:10]) or ", ".join(names)),
        "license": "Articles © their publishers; archived for research, not for republication",
        "databases": {
            dest.stem: {
                "tables": tables,
                "queries": {
                    "search": {
                        "title": "Ranked search",
                        "description": "Articles matching every word of q, best first (bm25, "
                                       f"{RANK_FUNCTION}: a title match counts five times a body "
                                       "match), with the matches in [brackets].",
                        "sql": snap.snapshot_search_sql(),
                        "hide_sql": True,
                    },
                },
            },
        },
    }


def _articles_intro(columns: dict[str, str]) -> str:
    """The articles page's description: one sentence, then the column meanings folded away
    (Datasette 0.65 prints a ``columns`` list above the table, which pushes it off screen)."""
    items = "".join(
        f"<dt><code>{html.escape(name)}</code></dt><dd>{html.escape(text)}</dd>"
        for name, text in columns.items()
    )
    return (
        "<p>One row per story, newest first. The search box finds articles containing every "
        "word in the title or body (accents ignored); for the best matches first, with the "
        'matching words in context, use the <a href="search">ranked search</a>.</p>'
        f"<details><summary>What the columns mean</summary><dl>{items}</dl></details>"
    )


# -- serving ------------------------------------------------------------------------------------
def check_snapshot(path: Path) -> None:
    """A readable SQLite file that is not in WAL mode (a live archive is served only as a copy)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise ExportError(f"no snapshot at {path}: run `newsarchive export {path}` first") from None
    except OSError as exc:
        raise ExportError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not header.startswith(SQLITE_HEADER):
        raise ExportError(f"{path} is not an SQLite database")
    if header[18] == 2 or header[19] == 2:
        raise ExportError(
            f"{path} is in WAL mode, like a live archive: serve a snapshot made by "
            f"`newsarchive export` instead"
        )


def datasette_command(
    snapshot: Path, *, metadata: Path | None, host: str = "127.0.0.1", port: int = 8001
) -> list[str]:
    """The command line that serves ``snapshot`` read-only (immutable) with its metadata."""
    command = [
        sys.executable, "-m", "datasette", "serve", "--immutable", str(snapshot),
        "--host", host, "--port", str(port),
        "--setting", "truncate_cells_html", "300",
        "--setting", "facet_time_limit_ms", "1000",
        "--setting", "sql_time_limit_ms", "3000",
    ]
    if metadata is not None:
        command += ["--metadata", str(metadata)]
    return command

"""The `newsarchive` click group and what its commands share: options, the store, output."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from archive.search import HIGHLIGHT, mark_snippet, parse_when
from archive.store import ArchiveStore, StoreError

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

# -- schedule, crawls ---------------------------------------------------------------------------
class ConfigProblem(click.ClickException):
    """A mistake in sites.toml found before the scheduler starts: exit code 2, like usage errors."""

    exit_code = 2

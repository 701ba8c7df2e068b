"""Every `newsarchive ...` command shown in the README and docs parses with today's CLI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from archive.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```(?:sh|bash|console)?\n(.*?)```", re.DOTALL)


def documented_commands() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in DOCS:
        if path.name == "cli.md":  # generated from --help itself
            continue
        for block in _BLOCK.findall(path.read_text(encoding="utf-8")):
            for line in block.splitlines():
                line = line.strip().removeprefix("$ ")
                if line.startswith("newsarchive "):
                    command = line.split("  #", 1)[0].split(" # ", 1)[0].rstrip(" &")
                    found.append((path.name, command))
    return found


COMMANDS = documented_commands()


def test_the_docs_show_commands() -> None:
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize(("doc", "command"), COMMANDS, ids=[c for _, c in COMMANDS])
def test_documented_command_parses(doc: str, command: str) -> None:
    name, *rest = shlex.split(command)[1:]
    assert isinstance(main, click.Group)
    with main.make_context("newsarchive", [], resilient_parsing=True) as ctx:
        sub = main.get_command(ctx, name)
        assert sub is not None, f"{doc}: unknown command in {command!r}"
        try:
            sub.make_context(name, rest, parent=ctx)
        except click.BadParameter as exc:  # values are checked later (e.g. files must exist)
            assert "does not exist" in str(exc), f"{doc}: {command!r}: {exc}"

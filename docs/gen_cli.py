"""Print docs/cli.md: the --help of every newsarchive command (run by `make docs`)."""

from __future__ import annotations

import click
from click.testing import CliRunner

from archive.cli import main


def render() -> str:
    runner = CliRunner()
    parts = [
        "# CLI reference\n",
        "Generated from `--help` by `make docs`; a test keeps it in sync with the code.\n",
    ]
    commands = ["", *sorted(main.commands)] if isinstance(main, click.Group) else [""]
    for name in commands:
        args = [name, "--help"] if name else ["--help"]
        result = runner.invoke(main, args, prog_name="newsarchive", terminal_width=100)
        title = f"newsarchive {name}".strip()
        parts.append(f"## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")

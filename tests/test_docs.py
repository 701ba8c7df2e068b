"""Docs that nothing else checks: the CLI reference and the settings table stay true."""

from __future__ import annotations

import re
from pathlib import Path

import scraper.settings as settings

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_current() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_cli", ROOT / "docs" / "gen_cli.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.render(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_every_own_setting_is_documented() -> None:
    prefixes = "ARCHIVE|DEDUP|CANONICAL|VALIDATE|PROGRESS|SITES|FRONTIER|EXTRACT|GUARD|POLITE|KEEPALIVE"
    ours = [name for name in dir(settings) if re.match(rf"^({prefixes})_", name)]
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert len(ours) >= 9
    missing = [name for name in ours if f"`{name}`" not in doc]
    assert missing == []


def test_readme_first_screen_has_the_two_commands() -> None:
    head = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:30])
    assert "make demo" in head and "make test" in head

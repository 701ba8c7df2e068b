"""Shared fixtures: the default archive lives in tmp_path; a demo portal on an ephemeral port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch ./archive.db or ./sites.toml of the developer's checkout."""
    monkeypatch.setenv("NEWSARCHIVE_DB", str(tmp_path / "archive.db"))
    monkeypatch.setenv("NEWSARCHIVE_CONFIG", str(tmp_path / "sites.toml"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def portal_url() -> Iterator[str]:
    """A 200-article demo portal shared by the read-only tests of a session."""
    from archive.portal.content import PortalConfig
    from archive.portal.server import running_portal

    with running_portal(PortalConfig(articles=200)) as url:
        yield url

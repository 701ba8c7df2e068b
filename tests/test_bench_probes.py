"""bench/probes.py: how probe pages are scored (the sets themselves live in bench/probes/)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.benchload import bench_module


def _probes() -> ModuleType:
    return bench_module("probes")


@pytest.mark.parametrize(("expected", "got", "same"), [
    ("2024-03-12T18:05+01:00", "2024-03-12T18:05:22+01:00", True),  # to the expected minute
    ("2024-03-12T18:05:22+01:00", "2024-03-12T18:05:00+01:00", False),
    ("2024-03-12T17:05:22Z", "2024-03-12T17:05:22+00:00", True),
    ("2024-03-12T18:05", "2024-03-12T18:05:00+01:00", False),  # no offset expected
    ("2024-03-12", "2024-03-12T18:05:00", False),
    (None, None, True),
    (None, "2024-03-12", False),
])
def test_stamps_are_compared_to_the_precision_they_are_written_in(
        expected: str | None, got: str | None, same: bool) -> None:
    assert _probes().same_stamp(expected, got) is same


def test_a_probe_set_is_scored_page_by_page(tmp_path: Path) -> None:
    probes = _probes()
    folder = tmp_path / "mini"
    (folder / "pages").mkdir(parents=True)
    page = ("<html lang='en'><head><title>Bridge reopens | Courier</title></head><body><h1>Bridge "
            "reopens</h1><p class='byline'>By Jane Roe</p><p class='date'>Published March 12, "
            "2024</p><p>" + "The bridge reopened on Monday after months of repairs. " * 6
            + "</p></body></html>")
    (folder / "pages" / "001.html.gz").write_bytes(gzip.compress(page.encode()))
    (folder / "pages" / "002.html.gz").write_bytes(gzip.compress(b"\x00\x01binary"))
    rows = [{"id": "001", "file": "pages/001.html.gz", "url": "https://www.example.com/bridge",
             "fetched_at": "2024-03-14T09:30:00Z", "timezone": None, "published": "2024-03-12",
             "modified": None, "title": "Bridge reopens", "authors": ["Jane Roe"]},
            {"id": "002", "file": "pages/002.html.gz", "url": "https://www.example.com/x",
             "fetched_at": "2024-03-14T09:30:00Z", "timezone": None, "published": None,
             "modified": None, "title": "X", "authors": []}]
    (folder / "expected.json").write_text(json.dumps(rows), "utf-8")
    score = probes.run_set(folder)
    assert (score.pages, score.dates, score.authors, score.titles) == (2, 1, 1, 1)
    assert len(score.misses) == 1 and score.misses[0].startswith("002: ")

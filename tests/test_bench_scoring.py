"""bench/extraction.py: how a timestamp is scored against a news-dev truth."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.benchload import bench_module


def _extraction() -> ModuleType:
    return bench_module("extraction")


@pytest.mark.parametrize(("truth", "got", "expected"), [
    # date, instant, offset, exact
    ("2021-07-22T16:25:00+04:00", "2021-07-22T16:25:41+04:00", (True, True, True, True)),
    ("2021-07-22T16:25:00+04:00", "2021-07-22T12:25:00+00:00", (True, True, False, False)),
    ("2021-07-22T16:25:00+04:00", "2021-07-22T16:25:00", (True, False, False, False)),
    ("2021-07-22T16:25:00+04:00", "2021-07-22", (True, False, False, False)),
    ("2021-07-22T02:25:00+04:00", "2021-07-21T22:25:00Z", (False, True, False, False)),
    # a truth with no offset is read as UTC; "no offset" matches "no offset"
    ("2024-04-24T22:58:49", "2024-04-24T22:58:49", (True, True, True, True)),
    ("2024-04-24T22:58:49", "2024-04-24T22:58:49Z", (True, True, False, False)),
    ("2024-04-24T22:58:49", "2024-04-24T22:58:49+02:00", (True, False, False, False)),
    # a naive midnight is a day written as a time, on either side
    ("2024-04-30T00:00:00", "2024-04-30T00:00:00", (True, False, False, False)),
    ("2024-04-30T00:00:00", "2024-04-30", (True, False, False, False)),
    ("2024-04-30T00:00:00+02:00", "2024-04-30T00:00:00+02:00", (True, True, True, True)),
    (None, None, (True, True, True, True)),
    (None, "2024-04-30", (False, False, False, False)),
    ("2024-04-30", None, (False, False, False, False)),
])
def test_a_timestamp_is_scored_as_the_bench_readme_baselines_are(
        truth: str | None, got: str | None, expected: tuple[bool, bool, bool, bool]) -> None:
    scores = _extraction().stamp_scores(truth, got)
    assert (scores["date"], scores["instant"], scores["offset"], scores["exact"]) == expected


def test_only_a_time_with_an_offset_counts_among_the_truths_with_an_offset() -> None:
    parse = _extraction().parse_stamp
    assert [parse(v).has_offset for v in (
        "2024-04-24T22:58:49+02:00", "2024-04-24T22:58:49Z", "2024-04-24T22:58:49",
        "2024-04-24")] == [True, True, False, False]

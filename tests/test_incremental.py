"""Acceptance for dedup and revisions: two outlets sharing wire copy, then a later edition."""

from __future__ import annotations

import json
import sqlite3
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from archive.cli import main
from archive.portal.content import PortalConfig
from archive.portal.server import running_portal
from archive.store import ArchiveStore

OUTLET_A = PortalConfig(articles=120, seed=11, name="Northern Ledger", wire_share=0.35, wire_seed=5)
OUTLET_B = PortalConfig(articles=120, seed=12, name="Harbour Post", wire_share=0.35, wire_seed=5)


def truth(url: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(f"{url}__truth__.jsonl", timeout=60) as resp:
        return [json.loads(line) for line in resp.read().decode().splitlines() if line]


def crawl(url: str, db: Path, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        main, ["crawl", url, "--db", str(db), "--timezone", "Europe/Berlin", "--format", "json",
               "-s", "AUTOTHROTTLE_ENABLED=0", *extra],
    )
    assert result.exit_code == 0, result.output
    row: dict[str, Any] = json.loads(result.output)
    return row


def rows(db: Path, sql: str, *params: Any) -> list[dict[str, Any]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    out = [dict(r) for r in conn.execute(sql, params)]
    conn.close()
    return out


@dataclass
class History:
    db: Path
    truth_a1: list[dict[str, Any]]
    truth_a2: list[dict[str, Any]]
    truth_b: list[dict[str, Any]]
    first_a: dict[str, Any]
    second_a: dict[str, Any]
    third_a: dict[str, Any]
    new_only: dict[str, Any]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    db = tmp_path_factory.mktemp("incremental") / "news.db"
    with running_portal(OUTLET_B) as url_b:
        truth_b = truth(url_b)
        crawl(url_b, db)
    with running_portal(OUTLET_A) as url_a:
        port = urlsplit(url_a).port
        truth_a1 = truth(url_a)
        first_a = crawl(url_a, db)
    assert port is not None
    edition2 = PortalConfig(**{**OUTLET_A.__dict__, "edition": 2})
    with running_portal(edition2, port=port) as url_a2:
        assert url_a2 == url_a
        truth_a2 = truth(url_a2)
        second_a = crawl(url_a2, db, "--revisit-all")
        third_a = crawl(url_a2, db, "--revisit-all")
        new_only = crawl(url_a2, db, "--only-new")
    yield History(db, truth_a1, truth_a2, truth_b, first_a, second_a, third_a, new_only)


def test_syndicated_copies_end_in_one_cluster(history: History) -> None:
    archived = {r["url"]: r for r in rows(history.db, "SELECT url, cluster_id FROM articles")}
    by_story: dict[int, set[int]] = defaultdict(set)
    copies = 0
    for t in [*history.truth_a1, *history.truth_b]:
        if t["wire_story"] is not None:
            by_story[t["wire_story"]].add(archived[t["url"]]["cluster_id"])
            copies += 1
    shared = [s for s in by_story.values()]
    assert copies >= 40
    # every wire story's copies (in both outlets) share one cluster
    assert all(len(clusters) == 1 for clusters in shared)
    # and no cluster mixes different stories or own reporting
    story_of_cluster: dict[int, set[Any]] = defaultdict(set)
    for t in [*history.truth_a1, *history.truth_b]:
        story_of_cluster[archived[t["url"]]["cluster_id"]].add(t["wire_story"] or ("own", t["url"]))
    assert all(len(stories) == 1 for stories in story_of_cluster.values())


def test_edition_two_revises_exactly_the_changed_articles(history: History) -> None:
    changed = {t["url"] for t in history.truth_a2 if t["changed_in_edition"] == 2}
    cosmetic = {t["url"] for t in history.truth_a2 if t["cosmetic_in_edition"] == 2}
    new = {t["url"] for t in history.truth_a2 if t["new_in_edition"] == 2}
    assert changed and cosmetic and new
    revised = {
        r["url"]
        for r in rows(history.db, "SELECT DISTINCT a.url FROM revisions r JOIN articles a "
                                  "ON a.id = r.article_id")
    }
    assert revised == changed
    assert history.second_a["articles_updated"] == len(changed)
    assert history.second_a["articles_new"] == len(new)
    by_url = {r["url"]: r for r in rows(history.db, "SELECT * FROM articles")}
    for t in history.truth_a2:
        row = by_url[t["url"]]
        assert t["last_sentence"] in row["body"]
        if t["url"] in changed:
            assert row["revision"] == 2
            assert row["modified"] == t["modified"]
        elif t["url"] not in new:
            # unchanged and cosmetic-only articles were not rewritten
            assert row["crawl_id"] == history.first_a["id"], t["url"]
            assert row["revision"] == 1


def test_revision_history_and_diff(history: History) -> None:
    changed = next(t for t in history.truth_a2 if t["changed_in_edition"] == 2)
    with ArchiveStore.open(history.db) as store:
        article = store.article(changed["url"])
        assert article is not None
        revisions = store.revisions(article["id"])
    assert [r["revision"] for r in revisions] == [1, 2]
    assert revisions[1]["body"] == article["body"]
    assert revisions[0]["body"] != revisions[1]["body"]
    assert revisions[1]["diff_chars"] > 0


def test_repeat_crawl_is_conditional_and_stores_nothing(history: History) -> None:
    third = history.third_a
    assert (third["articles_new"], third["articles_updated"]) == (0, 0)
    assert third["not_modified"] >= len(history.truth_a2)
    assert third["articles_unchanged"] == 0


def test_only_new_skips_every_known_article(history: History) -> None:
    run = history.new_only
    assert run["articles_new"] == 0
    assert run["not_modified"] == 0
    assert run["articles_unchanged"] == 0
    stats = json.loads(run["stats"])
    assert stats["frontier/skipped_known"] >= len(history.truth_a2)


def test_every_article_once_across_outlets(history: History) -> None:
    urls = [r["url"] for r in rows(history.db, "SELECT url FROM articles")]
    expected = {t["url"] for t in [*history.truth_a2, *history.truth_b]}
    assert sorted(urls) == sorted(expected)
    with ArchiveStore.open(history.db) as store:
        assert store.integrity_problems() == []


def test_show_lists_revisions_and_diffs_them(history: History) -> None:
    changed = next(t for t in history.truth_a2 if t["changed_in_edition"] == 2)
    listed = CliRunner().invoke(main, ["show", changed["url"], "--db", str(history.db),
                                       "--revisions", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    revisions = json.loads(listed.output)
    assert [r["revision"] for r in revisions] == [1, 2]
    assert revisions[0]["diff_chars"] == 0 and revisions[1]["diff_chars"] > 0
    diff = CliRunner().invoke(main, ["show", changed["url"], "--db", str(history.db), "--diff", "2"])
    assert diff.exit_code == 0, diff.output
    lines = diff.output.splitlines()
    assert lines[0].startswith("--- revision 1 (") and lines[1].startswith("+++ revision 2 (")
    added = [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in lines if line.startswith("-") and not line.startswith("---")]
    assert added and removed
    assert all(line in changed["body"] or line.startswith("# ") or not line for line in added)
    bad = CliRunner().invoke(main, ["show", changed["url"], "--db", str(history.db), "--diff", "3"])
    assert bad.exit_code == 2 and "has revisions 1 to 2: --diff takes 2 to 2" in bad.output
    same = next(t for t in history.truth_a2 if t["changed_in_edition"] is None
                and t["new_in_edition"] is None)
    never = CliRunner().invoke(main, ["show", same["url"], "--db", str(history.db), "--diff", "2"])
    assert never.exit_code == 2 and "has never changed" in never.output


def test_show_and_search_expose_clusters(history: History) -> None:
    copy_a = next(t for t in history.truth_a1 if t["wire_story"] is not None
                  and any(b["wire_story"] == t["wire_story"] for b in history.truth_b))
    copy_b = next(b for b in history.truth_b if b["wire_story"] == copy_a["wire_story"])
    shown = CliRunner().invoke(main, ["show", copy_a["url"], "--db", str(history.db),
                                      "--format", "json"])
    assert shown.exit_code == 0
    article = json.loads(shown.output)
    assert copy_b["url"] in [m["url"] for m in article["cluster"]]
    word = max(copy_b["last_sentence"].split(), key=len).strip(".,;:")
    found = CliRunner().invoke(main, ["search", word, "--db", str(history.db), "--cluster",
                                      str(article["cluster_id"]), "--format", "json"])
    assert found.exit_code == 0, found.output
    hits = json.loads(found.output)
    assert {h["cluster_id"] for h in hits} == {article["cluster_id"]}
    assert copy_b["url"] in [h["url"] for h in hits]

"""A small multilingual archive for the search, export and snapshot tests (saved via the store)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archive.store import ArchiveStore
from tests.test_store import record

ARTICLES: list[dict[str, Any]] = [
    # 1: "harbour" in the title; local date Jan 31, UTC Feb 1
    dict(url="https://gazette.example/politics/breakwater", site="gazette", language="en",
         section="politics", title="Harbour council approves the breakwater",
         body="The council voted on Thursday to approve the northern breakwater plan.",
         published="2024-01-31T23:30:00-05:00", published_utc="2024-02-01T04:30:00Z",
         timezone="-05:00", published_source="text", published_precision="minute",
         published_raw="January 31, 2024 11:30 pm EST", tags=["harbour", "council"],
         urls=["https://gazette.example/politics/breakwater?utm_source=rss"]),
    # 2: "harbour" once in the body; "café" with its accent
    dict(url="https://gazette.example/business/budget", site="gazette", language="en",
         section="business", title="Budget talks stall",
         body="Café owners discuss the city budget with the council. The harbour fees stay.",
         published="2024-01-20T09:00:00+01:00", published_utc="2024-01-20T08:00:00Z",
         timezone="+01:00", published_source="jsonld", published_precision="second"),
    # 3: French, date only (no UTC instant)
    dict(url="https://courier.example/culture/cafe-gare", site="courier", language="fr",
         section="culture", title="Le café de la gare rouvre",
         body="Le café historique rouvre ses portes après deux ans de travaux.",
         published="2024-01-15", published_utc=None, timezone=None,
         published_source="url", published_precision="date"),
    # 4: hyphens, colons and quotes in the text
    dict(url="https://courier.example/sport/stadium", site="courier", language="en",
         section="sport", title="Stadium vote delayed",
         body='A well-known club asked the council: "delay the stadium vote" until spring.',
         published="2023-12-31T22:00:00+00:00", published_utc="2023-12-31T22:00:00Z",
         timezone="+00:00", published_source="meta", published_precision="second"),
    # 5: Russian
    dict(url="https://wire.example/world/sovet", site="wire", language="ru", section="world",
         title="Совет одобрил бюджет", body="Городской совет одобрил бюджет в четверг.",
         published="2024-02-10T12:00:00+03:00", published_utc="2024-02-10T09:00:00Z",
         timezone="+03:00", published_source="time", published_precision="minute"),
    # 6: no date at all
    dict(url="https://wire.example/world/ferry", site="wire", language="en", section="world",
         title="Ferry timetable changes",
         body="The ferry timetable changes next month, port staff said.",
         published=None, published_utc=None, timezone=None),
    # 7: the newest
    dict(url="https://gazette.example/politics/election", site="gazette", language="en",
         section="politics", title="Council election results",
         body="Turnout at the council election rose. Councillors elected a new mayor.",
         published="2024-02-15T10:00:00+01:00", published_utc="2024-02-15T09:00:00Z",
         timezone="+01:00", published_source="jsonld", published_precision="second"),
]

TITLES = [a["title"] for a in ARTICLES]


def build_archive(path: Path) -> Path:
    """Save ARTICLES (ids 1..7, in order) through a crawl record; returns the path."""
    with ArchiveStore.open(path) as store:
        crawl = store.start_crawl("https://gazette.example/", "gazette")
        for article in ARTICLES:
            fields = dict(article)
            store.save_articles([record(fields.pop("url"), **fields)], crawl_id=crawl)
        store.finish_crawl(crawl, status="finished", pages=7)
        assert store.count_articles() == len(ARTICLES)
    return path

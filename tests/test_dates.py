"""Publish/modified timestamp extraction on pages we wrote ourselves (tests/fixtures/dates)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from scraper.extract.dates import ExtractedDates, extract_dates
from scraper.extract.html import load_html
from scraper.extract.model import DateHint, DateValue

FIXTURES = Path(__file__).parent / "fixtures" / "dates"
FETCHED = datetime(2024, 9, 9, 10, 0, tzinfo=UTC)
URL = "https://news.example.com/city/story"


def run(
    name: str,
    *,
    url: str = URL,
    fetched_at: datetime | None = FETCHED,
    timezone: str | None = None,
    hints: tuple[DateHint, ...] = (),
    fill: dict[str, str] | None = None,
) -> ExtractedDates:
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    for key, value in (fill or {}).items():
        html = html.replace("{" + key + "}", value)
    tree = load_html(html.encode("utf-8"))
    return extract_dates(tree, url, fetched_at=fetched_at, timezone=timezone, hints=hints)


def check(value: DateValue | None, local: str | None, precision: str | None = None,
          source: str | None = None, **fields: Any) -> None:
    if local is None:
        assert value is None
        return
    assert value is not None, f"expected {local}, got None"
    assert value.local == local
    if precision is not None:
        assert value.precision == precision
    if source is not None:
        assert value.source == source
    for key, expected in fields.items():
        assert getattr(value, key) == expected, key


# --- the seed trap and the demo portal's templates ----------------------------------------


def test_seed_trap_header_today_body_date_and_latest_sidebar() -> None:
    got = run("atlas_seed")
    check(got.published, "2021-07-22T16:25:00+04:00", "minute", "text",
          utc="2021-07-22T12:25:00Z", offset="+04:00", zone=None)
    assert got.published is not None and got.published.raw.startswith("22 July 2021 16:25")
    check(got.modified, None)


def test_atlas_updated_related_comments_and_footer() -> None:
    got = run("atlas_full")
    check(got.published, "2021-07-22T16:25:00+04:00", "minute", "text")
    check(got.modified, "2021-07-23T09:10:00+04:00", "minute", "text",
          utc="2021-07-23T05:10:00Z")


def test_beacon_jsonld_with_offset_and_visible_byline() -> None:
    got = run("beacon", timezone="Europe/Berlin")
    check(got.published, "2021-07-22T16:25:00+02:00", "second", "jsonld",
          utc="2021-07-22T14:25:00Z", zone="Europe/Berlin")
    check(got.modified, "2021-07-22T18:40:00+02:00", "second", "jsonld")


def test_courier_visible_time_in_profile_zone() -> None:
    got = run("courier_text", timezone="Europe/Berlin")
    check(got.published, "2021-07-22T16:25:00+02:00", "minute", "text",
          utc="2021-07-22T14:25:00Z", offset="+02:00", zone="Europe/Berlin")


def test_courier_time_element_in_byline() -> None:
    got = run("courier_time", timezone="Europe/Berlin")
    check(got.published, "2021-07-22T16:25:00+02:00", "second", "time", zone="Europe/Berlin")


def test_time_without_offset_and_without_zone_stays_zoneless() -> None:
    got = run("courier_text")
    check(got.published, "2021-07-22T16:25:00", "minute", "text", utc=None, offset=None,
          zone=None)


# --- languages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "timezone", "local", "zone"),
    [
        ("lang_de", "Europe/Berlin", "2021-07-22T16:25:00+02:00", "Europe/Berlin"),
        ("lang_fr", "Europe/Paris", "2021-07-22T16:25:00+02:00", "Europe/Paris"),
        ("lang_es", None, "2021-07-22T16:25:00+02:00", None),  # CEST
        ("lang_pt", "America/Sao_Paulo", "2021-07-22T16:25:00-03:00", "America/Sao_Paulo"),
        ("lang_it", "Europe/Rome", "2021-07-22T16:25:00+02:00", "Europe/Rome"),
        ("lang_ru", "Europe/Moscow", "2021-07-22T16:25:00+03:00", "Europe/Moscow"),
        ("lang_tr", "Europe/Istanbul", "2021-07-22T16:25:00+03:00", "Europe/Istanbul"),
        ("lang_pl", "Europe/Warsaw", "2021-07-22T16:25:00+02:00", "Europe/Warsaw"),
        ("lang_ar", "Africa/Cairo", "2021-07-22T16:25:00+02:00", "Africa/Cairo"),
        ("lang_zh", "Asia/Shanghai", "2021-07-22T16:25:00+08:00", "Asia/Shanghai"),
        ("lang_ja", "Asia/Tokyo", "2021-07-22T16:25:00+09:00", "Asia/Tokyo"),
        ("lang_ko", "Asia/Seoul", "2021-07-22T16:25:00+09:00", "Asia/Seoul"),
        ("lang_id", None, "2021-07-22T16:25:00+07:00", "Asia/Jakarta"),  # WIB
        ("lang_nl", "Europe/Amsterdam", "2021-07-22T16:25:00+02:00", "Europe/Amsterdam"),
        ("lang_no", "Europe/Oslo", "2021-07-22T16:25:00+02:00", "Europe/Oslo"),
        ("lang_ro", "Europe/Bucharest", "2021-07-22T16:25:00+03:00", "Europe/Bucharest"),
        ("lang_hu", "Europe/Budapest", "2021-07-22T16:25:00+02:00", "Europe/Budapest"),
        ("lang_el", "Europe/Athens", "2021-07-22T16:25:00+03:00", "Europe/Athens"),
        ("lang_uk", "Europe/Kyiv", "2021-07-22T16:25:00+03:00", "Europe/Kyiv"),
        ("lang_fi", "Europe/Helsinki", "2021-07-22T16:25:00+03:00", "Europe/Helsinki"),
        ("lang_hr", "Europe/Zagreb", "2021-07-22T16:25:00+02:00", "Europe/Zagreb"),
    ],
)
def test_languages_month_names_and_header_today(name: str, timezone: str | None, local: str,
                                                zone: str | None) -> None:
    got = run(name, timezone=timezone)
    check(got.published, local, "minute", "text", zone=zone)
    check(got.modified, None)


# --- zones ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "url", "local", "zone"),
    [
        ("zone_edt", URL, "2021-07-22T16:25:00-04:00", "America/New_York"),
        ("zone_et", URL, "2021-07-22T16:25:00-04:00", "America/New_York"),
        # a specific abbreviation in the wrong season keeps its offset and drops the zone
        ("zone_pst_summer", URL, "2021-07-22T16:25:00-08:00", None),
        ("zone_ist_india", "https://news.example.in/city/story", "2021-07-22T16:25:00+05:30",
         "Asia/Kolkata"),
        ("zone_ist_israel", "https://news.example.co.il/city/story",
         "2021-01-22T16:25:00+02:00", "Asia/Jerusalem"),
        ("zone_aest", "https://news.example.com.au/city/story", "2021-07-22T16:25:00+10:00",
         "Australia/Sydney"),
        ("zone_gmt_plus", URL, "2021-07-22T16:25:00+03:00", None),
        ("zone_numeric", URL, "2021-07-22T16:25:00+05:30", None),
    ],
)
def test_zone_abbreviations_and_offsets(name: str, url: str, local: str,
                                        zone: str | None) -> None:
    got = run(name, url=url)
    check(got.published, local, "minute", "text", zone=zone)


@pytest.mark.parametrize(
    ("timezone", "when", "local"),
    [
        ("Europe/Berlin", "28.03.2021, 01:30", "2021-03-28T01:30:00+01:00"),
        ("Europe/Berlin", "28.03.2021, 02:30", "2021-03-28T03:30:00+02:00"),  # in the gap
        ("Europe/Berlin", "28.03.2021, 03:30", "2021-03-28T03:30:00+02:00"),
        ("Europe/Berlin", "31.10.2021, 02:30", "2021-10-31T02:30:00+02:00"),  # first of two
        ("Europe/Berlin", "31.10.2021, 03:30", "2021-10-31T03:30:00+01:00"),
        ("America/New_York", "March 14, 2021 1:30 am", "2021-03-14T01:30:00-05:00"),
        ("America/New_York", "March 14, 2021 2:30 am", "2021-03-14T03:30:00-04:00"),
        ("America/New_York", "November 7, 2021 1:30 am", "2021-11-07T01:30:00-04:00"),
        ("America/New_York", "November 7, 2021 3:00 pm", "2021-11-07T15:00:00-05:00"),
    ],
)
def test_dst_switch_days(timezone: str, when: str, local: str) -> None:
    got = run("dst_template", timezone=timezone, fill={"when": when})
    check(got.published, local, "minute", "text", zone=timezone)


# --- roles, live blogs, lists -------------------------------------------------------------------


def test_published_and_updated_in_one_block() -> None:
    got = run("published_updated", timezone="Europe/London")
    check(got.published, "2023-05-03T10:00:00+01:00", "minute", "text")
    check(got.modified, "2023-05-04T12:30:00+01:00", "minute", "text")


def test_live_blog_publish_is_the_post_not_the_latest_entry() -> None:
    got = run("liveblog_jsonld")
    check(got.published, "2023-05-03T18:00:00+02:00", "second", "jsonld")
    check(got.modified, "2023-05-04T01:15:00+02:00", "second", "jsonld")


def test_live_blog_without_metadata_uses_the_byline_time() -> None:
    got = run("liveblog_visible")
    check(got.published, "2023-04-16T07:30:00+01:00", "second", "time")


def test_live_blog_entries_yield_to_the_header_stamp() -> None:
    """Each entry's <time> (newest first) is a post; the header's zoned line is the blog's."""
    entries = "".join(f'<div class="block"><p class="block-time"><time datetime="2024-06-12T'
                      f'{utc}:00.000Z">{bst} BST</time></p><p>Entry text number {n}.</p></div>'
                      for n, (utc, bst) in enumerate([("17:40", "18.40"), ("15:27", "16.27"),
                                                      ("12:10", "13.10"), ("08:02", "09.02")]))
    html = ('<html lang="en"><head><title>Debate – as it happened</title></head><body><main>'
            "<h1>Debate – as it happened</h1><details><summary><span>Wed 12 Jun 2024 09.02 BST"
            "</span></summary><span>Last modified on Wed 12 Jun 2024 18.40 BST</span></details>"
            f"{entries}</main></body></html>")
    got = extract_dates(load_html(html.encode()), "https://www.example.co.uk/politics/live/2024/"
                        "jun/12/debate", fetched_at=datetime(2024, 6, 13, 9, 0, tzinfo=UTC))
    check(got.published, "2024-06-12T09:02:00+01:00", "minute", "text")
    check(got.modified, "2024-06-12T18:40:00+01:00", "minute", "text")


def test_time_pubdate_in_entry_meta_and_sidebar_ignored() -> None:
    got = run("time_pubdate", fetched_at=None)
    check(got.published, "2019-09-28T11:00:00-05:00", "second", "time")
    check(got.modified, None)


def test_microdata_published_and_modified() -> None:
    got = run("microdata")
    check(got.published, "2021-07-22T16:25:00+02:00", "second", "microdata")
    check(got.modified, "2021-07-23T08:00:00+02:00", "second", "microdata")


def test_update_word_in_the_headline_is_not_a_label() -> None:
    got = run("headline_label")
    check(got.published, "2021-07-22T16:25:00+01:00", "minute", "text")
    check(got.modified, None)


def test_boxes_headed_related_and_comments_without_class_names() -> None:
    got = run("unmarked_boxes")
    check(got.published, "2021-07-22T16:25:00+01:00", "minute", "text")
    check(got.modified, None)


def test_time_before_the_date_belongs_to_that_date_only() -> None:
    got = run("time_first", timezone="Europe/Warsaw")
    check(got.published, "2021-07-22T16:25:00+02:00", "minute", "text")


# --- relative dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("timezone", "when", "local", "precision"),
    [
        ("Europe/Berlin", "2 hours ago", "2024-05-03T12:00:00+02:00", "minute"),
        ("Europe/Berlin", "yesterday, 23:40", "2024-05-02T23:40:00+02:00", "minute"),
        ("Europe/Moscow", "Сегодня, 14:05", "2024-05-03T14:05:00+03:00", "minute"),
        ("Europe/Berlin", "vor 3 Stunden", "2024-05-03T11:00:00+02:00", "minute"),
        ("Europe/Madrid", "hace 2 días", "2024-05-01", "date"),
    ],
)
def test_relative_dates_resolved_in_the_site_zone(timezone: str, when: str, local: str,
                                                  precision: str) -> None:
    fetched = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
    got = run("relative_template", fetched_at=fetched, timezone=timezone, fill={"when": when})
    check(got.published, local, precision, "text")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Updated 5 minutes ago", ["5 minutes ago"]),
        ("an hour ago", ["an hour ago"]),
        ("3時間前", ["3時間前"]),
        ("Vor 2 Stunden", ["Vor 2 Stunden"]),
        ("prije 2 sata", ["prije 2 sata"]),  # Bosnian, Croatian, Serbian
        ("pred 3 hodinami", ["pred 3 hodinami"]),  # Slovak
        ("prieš 3 valandas", ["prieš 3 valandas"]),  # Lithuanian
        ("3 કલાક પહેલા", ["3 કલાક પહેલા"]),  # Gujarati
        ("ومنذ 3 ساعات", ["منذ 3 ساعات"]),  # Arabic "and since": the prefix is written on
        ("the data minutes ago", []),  # "a" inside "data" is not "a (minute) ago"
        ("Aha 2 Stunden", []),  # nor "ha" inside "Aha" Portuguese "há"
        ("built 2024 days ago", []),  # a number is read whole, not from its last digits
        # smaller markets: Estonian, Bulgarian, Latvian, Albanian, Azerbaijani, Uzbek, Kazakh,
        # Hungarian
        ("3 tundi tagasi", ["3 tundi tagasi"]),
        ("преди 3 часа", ["преди 3 часа"]),
        ("pirms 3 stundām", ["pirms 3 stundām"]),
        ("3 orë më parë", ["3 orë më parë"]),
        ("3 saat əvvəl", ["3 saat əvvəl"]),
        ("3 soat oldin", ["3 soat oldin"]),
        ("3 сағат бұрын", ["3 сағат бұрын"]),
        ("3 órával ezelőtt", ["3 órával ezelőtt"]),
        ("преди 2 дни от изборите", []),  # "before": read only where the phrase ends
        ("Seçkidən 3 gün əvvəl keçirilən mitinq", []),
        ("قبل 8 ساعات", ["قبل 8 ساعات"]),  # Arabic "before" as "ago", where the phrase ends
        ("قبل 8 ساعات من الانتخابات", []),
        # one and two of a unit said by its word alone (singular, dual), where the phrase ends
        ("نشر منذ ساعتين | الرياض", ["منذ ساعتين"]),
        ("ومنذ دقيقة.", ["منذ دقيقة"]),
        ("עודכן לפני שעתיים", ["לפני שעתיים"]),
        ("منذ ساعة مبكرة", []),  # "since an early hour"
        ("قبل يومين من الانتخابات", []),  # two days before the elections
    ],
)
def test_relative_phrases_start_at_a_word(text: str, found: list[str]) -> None:
    from scraper.extract.datetext import find_relative

    now = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
    assert [text[start:end] for _, _, start, end in find_relative(text, now)] == found


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Publié hier à 18h05", "fr", [(datetime(2024, 5, 2, 18, 5), "hier à 18h05")]),
        ("Publié hier, 18:05", "", [(datetime(2024, 5, 2, 18, 5), "hier, 18:05")]),
        # German and Dutch "here": no French "yesterday" on a German page
        ("Treffpunkt ist hier um 18:00 Uhr", "de", []),
        ("Gestern, 23:40 Uhr", "de", [(datetime(2024, 5, 2, 23, 40), "Gestern, 23:40")]),
        # an upper-case marker too
        ("Yesterday at 2:05 PM", "en", [(datetime(2024, 5, 2, 14, 5), "Yesterday at 2:05 PM")]),
        # a dotted date after a day word is no clock time ("hier 12.03.2024" is no 12:03)
        ("Ein Titel hier\n12.03.2024, 18:05 Uhr", "", []),
        ("heute 12.03.", "de", []),
        ("i går 12.03", "no", [(datetime(2024, 5, 2, 12, 3), "i går 12.03")]),
        ("gestern 12:03:45", "de", [(datetime(2024, 5, 2, 12, 3), "gestern 12:03")]),
        # smaller markets' words, some only on pages in their language
        ("Danas, 10:05", "hr", [(datetime(2024, 5, 3, 10, 5), "Danas, 10:05")]),
        ("Јуче 18:05", "sr", [(datetime(2024, 5, 2, 18, 5), "Јуче 18:05")]),
        ("Днес, 10:05", "bg", [(datetime(2024, 5, 3, 10, 5), "Днес, 10:05")]),
        ("täna, 10:05", "et", [(datetime(2024, 5, 3, 10, 5), "täna, 10:05")]),
        ("Šodien, 10:05", "lv", [(datetime(2024, 5, 3, 10, 5), "Šodien, 10:05")]),
        ("Í dag kl. 10:05", "is", [(datetime(2024, 5, 3, 10, 5), "Í dag kl. 10:05")]),
        # short words that are other words too are not read ("A mérkőzés ma 18:05-kor
        # kezdődik": a coming match; "Leo", "Jana" are names)
        ("ma, 10:05", "hu", []),
        ("Leo 10:05", "sw", []),
        ("Jana 10:05", "de", []),
    ],
)
def test_day_word_with_a_clock_time(text: str, lang: str, found: list[tuple[datetime, str]]
                                    ) -> None:
    from scraper.extract.datetext import find_relative

    now = datetime(2024, 5, 3, 12, 0)
    got = [(when, text[start:end].strip()) for when, _, start, end
           in find_relative(text, now, lang=lang)]
    assert got == found


def test_numeric_order_votes_count_every_unambiguous_date() -> None:
    """Counted in digit windows only, yet none missed: far apart, back to back, in prose."""
    from scraper.extract.datetext import numeric_order_votes

    filler = " words" * 40
    text = f"22/07/2021{filler} 07/22/2021, 23/07/2021{filler} 1.2.2021 and 05/06/2021 13/01/2020"
    assert numeric_order_votes(text) == (3, 1)


@pytest.mark.parametrize(
    ("text", "ago", "has_time"),
    [
        ("منذ ساعتين", timedelta(hours=2), True),
        ("منذ دقيقتين", timedelta(minutes=2), True),
        ("منذ يومين", timedelta(days=2), False),
        ("قبل أسبوع", timedelta(weeks=1), False),
        ("לפני שעה", timedelta(hours=1), True),
        ("לפני יומיים", timedelta(days=2), False),
    ],
)
def test_singular_and_dual_unit_words_count(text: str, ago: timedelta, has_time: bool) -> None:
    from scraper.extract.datetext import find_relative

    now = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)
    assert [(value, timed) for value, timed, _, _ in find_relative(text, now)] == [
        (now - ago, has_time)]


@pytest.mark.parametrize(("fetched", "zone", "ago", "local"), [
    # counted back from the fetch's instant across a daylight-saving switch, not on its wall
    # clock: 04:30 CET on the night summer time ends, three hours back, is 02:30 CEST
    ("2024-10-27T03:30:00+00:00", "Europe/Berlin", "vor 3 Stunden", "2024-10-27T02:30:00+02:00"),
    ("2024-03-31T02:30:00+00:00", "Europe/Berlin", "vor 3 Stunden", "2024-03-31T00:30:00+01:00"),
    ("2024-11-03T07:30:00+00:00", "America/New_York", "3 hours ago", "2024-11-03T00:30:00-04:00"),
])
def test_hours_ago_across_a_daylight_saving_switch(fetched: str, zone: str, ago: str,
                                                  local: str) -> None:
    html = (f'<html lang="de"><head><title>Sturm</title></head><body><article><h1>Sturm</h1><p '
            f'class="date">{ago}</p><p>Der Sturm hat in der Nacht mehrere Bäume entwurzelt.</p>'
            "</article></body></html>")
    got = extract_dates(load_html(html.encode()), "https://www.example.de/lokales/sturm-1.html",
                        fetched_at=datetime.fromisoformat(fetched), timezone=zone)
    check(got.published, local, "minute", "text")


@pytest.mark.parametrize(("line", "published"), [
    ('<span class="date">вчера</span>', ("2024-03-13", "date", "text")),
    ('<time class="post-date">Yesterday</time>', ("2024-03-13", "date", "text")),
    ('<span class="date">Today</span>', ("2024-03-14", "date", "text")),
    # not in a sentence, nor in an element that holds more than the day word
    ("<p>Yesterday</p>", (None, None, None)),
    ('<div class="strip"><span class="date-label">Today</span> <a href="/top">Top stories</a>'
     "</div>", (None, None, None)),  # a tab's label
    ('<span class="date">Yesterday the council met again</span>', (None, None, None)),
])
def test_a_day_word_alone_in_a_stamp_element(line: str, published: tuple[str | None, ...]) -> None:
    got = _html_dates(f'<html lang="en"><head><title>Storm</title></head><body><article><h1>Storm'
                      f"</h1>{line}<p>The storm uprooted several trees in the park overnight.</p>"
                      "</article></body></html>", "https://www.example.com/news/storm-damage")
    check(got.published, *published)


def test_relative_date_needs_fetched_at() -> None:
    got = run("relative_template", fetched_at=None, fill={"when": "2 hours ago"})
    check(got.published, None)


# --- date-only, none, URL, hints ----------------------------------------------------------------


def test_date_only_page_gives_the_day_without_a_time() -> None:
    got = run("date_only", timezone="Europe/London")
    check(got.published, "2021-07-22", "date", "text", utc=None, offset=None, zone=None)


def test_page_without_a_date_gives_none() -> None:
    assert run("no_date") == ExtractedDates(None, None)


def test_copyright_footer_only_gives_none() -> None:
    assert run("copyright_only") == ExtractedDates(None, None)


def test_url_date_only() -> None:
    got = run("url_only", url="https://news.example.com/2021/07/22/bakery-wins-award")
    check(got.published, "2021-07-22", "date", "url", raw="2021/07/22")


def test_feed_hint_supplies_the_time_of_a_date_only_page() -> None:
    hint = DateHint("2021-07-22T16:25:00+02:00", "feed")
    got = run("feed_hint", hints=(hint,))
    check(got.published, "2021-07-22T16:25:00+02:00", "second", "feed")


def test_rfc822_sitemap_hint_gives_the_byline_its_offset() -> None:
    hint = DateHint("Thu, 22 Jul 2021 14:25:00 +0000", "sitemap")
    got = run("courier_text", hints=(hint,))
    check(got.published, "2021-07-22T16:25:00+02:00", "minute", "text", utc="2021-07-22T14:25:00Z")


def test_lastmod_hint_alone_is_not_a_modification() -> None:
    hints = (
        DateHint("2021-07-22T16:25:00+02:00", "feed"),
        DateHint("2021-07-25T09:00:00+02:00", "sitemap", role="modified"),
    )
    got = run("courier_text", timezone="Europe/Berlin", hints=hints)
    check(got.published, "2021-07-22T16:25:00+02:00", "minute", "text")
    check(got.modified, None)


def test_date_modified_equal_to_date_published_means_unmodified() -> None:
    got = run("jsonld_unmodified")
    check(got.published, "2022-03-01T08:00:00+01:00", "second", "jsonld")
    check(got.modified, None)


# --- metadata against the page ------------------------------------------------------------------


def test_visible_explicit_offset_beats_a_wrong_jsonld_offset() -> None:
    got = run("jsonld_wrong_offset")
    check(got.published, "2021-07-22T16:25:00+04:00", "minute", "text")


def test_zoneless_meta_time_that_is_really_utc() -> None:
    got = run("meta_utc_naive", timezone="Europe/Berlin")
    check(got.published, "2021-07-22T16:25:00+02:00", "minute", "text", zone="Europe/Berlin")


def test_jsonld_that_is_only_the_crawl_time_loses_to_byline_and_url() -> None:
    got = run("jsonld_crawl_date", url="https://news.example.co.uk/2021/07/20/bridge-inspection")
    check(got.published, "2021-07-20T10:00:00+01:00", "minute", "text", zone="Europe/London")


def test_future_date_is_rejected() -> None:
    got = run("future_date")
    check(got.published, "2024-09-02", "date", "text")


@pytest.mark.parametrize(
    ("name", "url", "local"),
    [
        ("numeric_order", URL, "2021-07-08"),  # English .com: month first
        ("numeric_order", "https://news.example.co.uk/city/story", "2021-08-07"),
        ("numeric_order_vote", URL, "2021-08-07"),  # 13/07/2021 elsewhere: day first
    ],
)
def test_numeric_day_month_order(name: str, url: str, local: str) -> None:
    got = run(name, url=url)
    check(got.published, local, "date", "text")


@pytest.mark.parametrize(("lang", "url", "local"), [
    ("en-US", "https://www.example.com.au/news/story", "2024-03-02"),  # a CMS's default
    ("en-US", "https://www.example.co.uk/news/story", "2024-03-02"),
    ("en-US", "https://www.example.io/news/story", "2024-02-03"),  # .io is no country
    ("en-US", "https://www.example.com/news/story", "2024-02-03"),
    ("en-GB", "https://www.example.com/news/story", "2024-03-02"),  # a declared country
    ("en-US", "https://www.example.com.ph/news/story", "2024-02-03"),  # month first there
    ("en", "https://www.example.com.ph/news/story", "2024-02-03"),
])
def test_a_cms_default_en_us_does_not_hide_a_country_domain(lang: str, url: str,
                                                             local: str) -> None:
    html = (f"<html lang='{lang}'><body><h1>Council votes</h1><p class='date'>02/03/2024</p>"
            f"{_PROSE}</body></html>")
    check(_html_dates(html, url).published, local, "date", "text")


# --- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>",
        "<html><body><time datetime='99999-99-99T99:99'>?</time><time datetime='2021-13-45'>"
        "</time><meta name='date' content='yesterday-ish'><p>31.02.2021 25:61</p></body></html>",
        "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
        "\"datePublished\": [1, {\"x\": null}], \"dateModified\": 1e400}</script></head>"
        "<body><h1></h1></body></html>",
    ],
)
def test_garbage_never_raises(html: str) -> None:
    got = extract_dates(load_html(html), "not a url", fetched_at=FETCHED, timezone="Nowhere/Zone")
    assert isinstance(got, ExtractedDates)


def test_large_page_is_bounded() -> None:
    row = "<li><a href='/x'>Story</a> <span class='date'>22.07.2021 16:25</span></li>"
    html = "<html><body><h1>Archive</h1><ul>" + row * 60_000 + "</ul></body></html>"
    tree = load_html(html)
    start = time.perf_counter()
    got = extract_dates(tree, URL, fetched_at=FETCHED)
    assert time.perf_counter() - start < 2.0
    check(got.published, "2021-07-22T16:25:00", "minute", "text")


def test_tree_is_not_mutated() -> None:
    html = (FIXTURES / "atlas_full.html").read_bytes()
    tree = load_html(html)
    before = len(list(tree.iter()))
    text_before = tree.text_content()
    extract_dates(tree, URL, fetched_at=FETCHED)
    assert len(list(tree.iter())) == before
    assert tree.text_content() == text_before


# --- fallbacks and URL agreement ----------------------------------------------------------


def _dates(html: str, url: str = URL) -> ExtractedDates:
    return extract_dates(load_html(html), url, fetched_at=FETCHED)


_PROSE = "<p>" + "Plain words of a story with no date in them at all. " * 6 + "</p>"


def test_slug_digit_is_not_a_url_day() -> None:
    html = f"<html><body><h1>Three questions</h1>{_PROSE}</body></html>"
    assert _dates(html, "https://blog.example.org/2023/10/3-questions-for-tina/").published is None
    got = _dates(html, "https://news.example.cn/local/2020-02/19/c_1125597921.htm")
    check(got.published, "2020-02-19", "date", "url")


def test_a_dpa_urn_in_the_url_gives_its_own_day_not_its_fixed_20090101() -> None:
    html = ("<html lang='de'><body><h1>Ostern am Flughafen</h1><p class='date'>"
            "<time datetime='2025-03-14 15:47:13'>14. März 2025, 15:47 Uhr</time></p>"
            f"{_PROSE}</body></html>")
    url = ("https://www.example.de/bayern/flughafen-ostern-dpa.urn-newsml-dpa-com-20090101-"
           "250314-930-401234")
    fetched = datetime(2025, 3, 14, 16, 20, tzinfo=UTC)
    got = extract_dates(load_html(html), url, fetched_at=fetched)
    check(got.published, "2025-03-14T15:47:13", "second", "time")
    bare = load_html(f"<html lang='de'><body><h1>Ostern am Flughafen</h1>{_PROSE}</body></html>")
    check(extract_dates(bare, url, fetched_at=fetched).published, "2025-03-14", "date", "url")
    other = url.replace("-250314-", "-x-")
    assert extract_dates(bare, other, fetched_at=fetched).published is None
    afp = "https://www.example.fr/monde/afp-urn-newsml-afp-com-20240312-doc-34lx9a7"
    check(extract_dates(bare, afp, fetched_at=fetched).published, "2024-03-12", "date", "url")


def test_inline_json_state_date_when_no_structured_date() -> None:
    html = ("<html><head><title>A review</title></head><body><h1>A review</h1>"
            "<script type='application/json'>{\"publishedDate\":\"2016-11-04T20:37:27Z\","
            f"\"updatedDate\":\"2016-11-05T10:00:00Z\"}}</script>{_PROSE}</body></html>")
    check(_dates(html).published, "2016-11-04T20:37:27+00:00", "second", "meta")
    with_ld = html.replace("</head>", "<meta property='article:published_time' "
                           "content='2016-11-01T08:00:00Z'></head>")
    check(_dates(with_ld).published, "2016-11-01T08:00:00+00:00")


def test_a_script_printing_a_stamp_in_place_dates_a_page_with_nothing_else() -> None:
    html = ("<html lang='zh-TW'><body><h1>夜市巡禮</h1><table><tr><td class='main-text'>"
            "<script>showDate(\"2020/04/17 01:43:09\")</script>　瀏覽<strong>7</strong></td>"
            f"</tr></table>{_PROSE}</body></html>")
    check(_dates(html).published, "2020-04-17T01:43:09", "second", "text")
    # a countdown's target, a long script, or a page with a date of its own: not that
    assert _dates(html.replace("showDate(", "var end = new Date(")).published is None
    assert _dates(html.replace("<script>", "<script>" + "var a = 1; " * 40)).published is None
    dated = html.replace("<h1>夜市巡禮</h1>", "<h1>夜市巡禮</h1><p class='date'>2020-04-16 22:10</p>")
    check(_dates(dated).published, "2020-04-16T22:10:00", "minute", "text")


def test_image_path_day_is_a_last_resort() -> None:
    html = ("<html><head><meta property='og:image' content='https://example.org/files/2016/05/"
            f"04/report.png'></head><body><h1>Annual report</h1>{_PROSE}</body></html>")
    check(_dates(html).published, "2016-05-04", "date")
    dated = html.replace("<h1>Annual report</h1>", "<h1>Annual report</h1><p class='date'>"
                         "12 June 2016</p>")
    check(_dates(dated).published, "2016-06-12", "date", "text")


def test_utc_stamp_near_midnight_takes_the_url_day() -> None:
    html = ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2023-11-01T23:01:00Z\"}</script></head><body><h1>Live</h1>"
            f"{_PROSE}</body></html>")
    got = _dates(html, "https://news.example.it/esteri/2023/11/02/diretta/live")
    check(got.published, "2023-11-02T00:01:00+01:00", utc="2023-11-01T23:01:00Z")
    # far from midnight, or no URL day: the stamp is kept as it is
    check(_dates(html, URL).published, "2023-11-01T23:01:00+00:00")
    noon = html.replace("23:01:00Z", "11:01:00Z")
    check(_dates(noon, "https://news.example.it/2023/11/02/x").published,
          "2023-11-01T11:01:00+00:00")


def test_a_utc_stamp_takes_the_url_day_in_the_zone_the_page_states_for_its_update() -> None:
    # CNN: "Z" stamps, a /2024/10/01/ address and only the update shown, in EDT: the
    # publication is shown in EDT too (-04:00), not at a guessed whole-hour offset (-02:00)
    html = ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2024-10-02T01:05:12Z\", \"dateModified\": "
            "\"2024-10-02T02:41:30Z\"}</script></head><body><h1>Storm makes landfall</h1>"
            "<div class='timestamp'>Updated 10:41 PM EDT, Tue October 1, 2024</div>"
            f"{_PROSE}</body></html>")
    got = extract_dates(load_html(html), "https://edition.example.com/2024/10/01/us/storm",
                        fetched_at=datetime(2024, 10, 2, 6, 0, tzinfo=UTC))
    check(got.published, "2024-10-01T21:05:12-04:00", "second", "jsonld",
          utc="2024-10-02T01:05:12Z")
    check(got.modified, "2024-10-01T22:41:30-04:00")


def test_a_consent_dialogs_policy_date_is_no_stamp() -> None:
    html = ("<html lang='es'><body><div id='cmp-wall' class='cmp-wall' role='dialog'><p class="
            "'cmp-wall__small'>Última actualización de la política de cookies: 12/01/2024.</p>"
            f"</div><h1>Guía para elegir colchón</h1>{_PROSE}</body></html>")
    assert _dates(html, "https://www.example.es/guias/colchon").published is None


def test_restamped_structured_date_yields_to_the_url_day() -> None:
    html = ("<html><head><script type='application/ld+json'>{\"@type\": \"BlogPosting\", "
            "\"datePublished\": \"2019-06-17T18:28:00+02:00\"}</script></head><body>"
            f"<h1>Montauk</h1>{_PROSE}</body></html>")
    got = _dates(html, "https://www.example.de/home/2017/7/12/unter-uns-montauk")
    check(got.published, "2017-07-12", "date", "url")


def test_last_edited_stamp_dates_a_page_without_other_dates() -> None:
    html = ("<html><body><h1>Beginners guide</h1>" + _PROSE + "<p id='pageinfo' class='info'>"
            "BeginnersGuide (last edited 2019-11-10 13:28:18 by Someone)</p></body></html>")
    check(_dates(html).published, "2019-11-10T13:28:18", "second", "text")


def test_a_wikis_footer_line_of_its_last_edit_dates_the_page() -> None:
    # MediaWiki's footer (chrome, far below the text) holds the page's only stamp
    footer = ("<div id='footer' role='contentinfo'><ul id='footer-info'>"
              "<li id='footer-info-lastmod'> Diese Seite wurde zuletzt am 29. Januar 2020 um "
              "13:22 Uhr geändert.</li><li id='footer-info-viewcount'>Diese Seite wurde bisher "
              "2.383-mal abgerufen.</li></ul></div>")
    html = ("<html lang='de'><body class='mediawiki ltr'><div id='content'>"
            f"<h1>Stammtisch</h1>{_PROSE}"
            "<p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr im Ratskeller "
            f"statt, wie jeden ersten Mittwoch im Monat.</p></div>{footer}</body></html>")
    check(_dates(html, "https://wiki.example.de/Kassel/Stammtisch").published,
          "2020-01-29T13:22:00", "minute", "text")
    # beside an article's own stamp it is only the last edit
    dated = html.replace("<h1>Stammtisch</h1>", "<h1>Stammtisch</h1><p class='date'>"
                         "12.12.2019</p>")
    got = _dates(dated, "https://wiki.example.de/Kassel/Stammtisch")
    check(got.published, "2019-12-12", "date", "text")
    check(got.modified, "2020-01-29T13:22:00", "minute", "text")
    # the same words in any other footer are chrome
    other = html.replace("footer-info-lastmod", "footer-note")
    assert _dates(other, "https://wiki.example.de/Kassel/Stammtisch").published is None


@pytest.mark.parametrize(("lang", "line", "published"), [
    ("de", "von <a href='/author/kp/' rel='author'>Klaus-Peter Schöppner</a>, 8.5.12",
     "2012-05-08"),
    ("en", "By Jane Roe, 5/8/12", "2012-05-08"),
    ("de", "Veröffentlicht: 8.5.12", "2012-05-08"),
    ("de", "Das Update auf Version 2.7.13 steht bereit", None),
    ("de", "Mit Jane Roe, 8.5.12", None),
    ("en", "Posted by Dave Miller on 5/8/12", "2012-05-08"),
    ("en", "By Jane Roe, Staff Writer, 5/8/12", "2012-05-08"),
    # a version number after "di" (of) or "von" inside a line, or after an update label with
    # words after it
    ("it", "Testato con la versione di Python, 2.7.13", None),
    ("de", "Servlet-Container: Tomcat von Apache, 8.5.12", None),
    ("en", "Update: 1.4.12 fixes the login bug", None),
])
def test_a_short_date_after_a_byline_name_or_a_label(lang: str, line: str,
                                                      published: str | None) -> None:
    # "8.5.12" is a version number anywhere else
    html = (f"<html lang='{lang}'><body><h1>Der neue Trend</h1><p class='byline'>{line}</p>"
            f"{_PROSE}</body></html>")
    check(_dates(html, "https://blog.example.com/der-neue-trend/").published, published,
          "date" if published else None)


def test_round_14_stamps() -> None:
    fetched = datetime(2024, 3, 21, 20, 0, tzinfo=UTC)

    def dates(body: str, lang: str = "en", url: str = "https://www.example.com/a/story"
              ) -> ExtractedDates:
        html = f"<html lang='{lang}'><body><h1>Story</h1>{body}{_PROSE}</body></html>"
        return extract_dates(load_html(html), url, fetched_at=fetched)

    # Bangladesh's "BdST"
    got = dates("<p class='date'>Published: 18 Mar 2024 06:05 PM BdST</p>", url=(
        "https://bdnews24.example.com/bangladesh/a1b2"))
    check(got.published, "2024-03-18T18:05:00+06:00", "minute", "text", zone="Asia/Dhaka")
    # Japanese labels after their stamps: the label before the update is the publication's
    got = dates("<div class='inner'><span class='arrow'>2024年03月06日 09時12分 公開</span>"
                "<span class='update'>[2024年03月06日 11時40分 更新]</span></div>", "ja")
    check(got.published, "2024-03-06T09:12:00", "minute", "text")
    check(got.modified, "2024-03-06T11:40:00", "minute", "text")
    # ... but Korean labels come before theirs
    got = dates("<div class='info'><span>입력 :2023/11/08 10:45</span> <span>수정: 2023/11/08 "
                "13:20</span></div>", "ko")
    check(got.published, "2023-11-08T10:45:00", "minute", "text")
    check(got.modified, "2023-11-08T13:20:00", "minute", "text")
    # a video's length before the video's date is no clock of that day
    got = dates("<p class='info-date'>21.03.2024 um 17:00 Uhr</p><p class='video-caption'>Test-"
                "Video <span class='video-duration'>22:47</span> <span class='video-date'>"
                "21.03.2024</span></p>", "de")
    check(got.published, "2024-03-21T17:00:00", "minute", "text")
    assert got.modified is None
    # a match's box (Portuguese "jogo") holds the kick-off, not the story's stamp
    got = dates("<div class='autor-data'><span class='data'>21 mar 2024 • 21:47</span></div>"
                "<div class='ficha-jogo'><span class='info'>Liga · 19.ª jornada · 21 mar, 20h30"
                "</span></div>", "pt", "https://www.example.pt/futebol/detalhe/benfica-goleia")
    check(got.published, "2024-03-21T21:47:00", "minute", "text")
    assert got.modified is None
    # a share price's box and its stamp ("the price on 10/03/2024 - 03:10 pm") beside the story's
    got = dates("<div class='article-info'><span class='date'>10/03/2024 07:52 ص</span></div>"
                "<div class='stock-quote-box'><b>أرامكو السعودية</b> 32.15 ريال <small>السعر "
                "بتاريخ 10/03/2024 - 03:10 م</small></div>", "ar",
                "https://www.example.com/ar/article/articledetail/id/1712345")
    check(got.published, "2024-03-10T07:52:00", "minute", "text")
    assert got.modified is None
    # a day-only stamp takes no clock from a list of forum posts of that day
    got = dates("<div class='dt-date'>Publié le 21 mars 2024</div><section class='dt-forum'><ul>"
                "<li><a href='/f1'>Insomnie</a> <span class='date'>Dernier message le 21/03/2024 "
                "à 19:14</span></li><li><a href='/f2'>Mélatonine</a> <span class='date'>Dernier "
                "message le 19/03/2024 à 08:47</span></li></ul></section>", "fr",
                "https://www.example.fr/sante/sommeil")
    check(got.published, "2024-03-21", "date", "text")


@pytest.mark.parametrize(("body", "lang", "published", "modified"), [
    # labels before their stamps, with a CJK word after them ("更新日：", "更新时间："), stay theirs
    ("<p class='date'>公開日：2024年3月6日 更新日：2024年3月7日</p>", "ja", "2024-03-06",
     "2024-03-07"),
    ("<div class='info'>发布时间：2024-03-12 18:05　更新时间：2024-03-13 08:00</div>", "zh",
     "2024-03-12T18:05:00", "2024-03-13T08:00:00"),
    # a match report's own byline in the report's BEM block ("cronica-partido__meta")
    ("<div class='cronica-partido'><div class='cronica-partido__meta'>Por Javier Ortega | "
     "10/03/2024 21:04</div><div class='cronica-partido__ficha'>Inicio: 18:30</div></div>", "es",
     "2024-03-10T21:04:00", None),
    # a clock beside a reading time or in an element whose class names a length, with the day
    ("<p class='article-header__meta article-header__meta--lesedauer'>12.03.2024, 18:05 Uhr · "
     "Lesedauer: 4 Minuten</p>", "de", "2024-03-12T18:05:00", None),
    ("<p><span class='laufzeit-info'>12.03.2024, 18:05</span></p>", "de", "2024-03-12T18:05:00",
     None),
    # a list of forum posts near a day-only stamp: neither its clock nor its update
    ("<p class='date'>Publié le 12 mars 2024</p><ul class='forum'>" + "".join(
        f"<li><a href='/f{i}'>Sujet {i}</a> <span class='last'>{d} à {t}</span></li>"
        for i, (d, t) in enumerate([("12/03/2024", "22:14"), ("11/03/2024", "09:02"),
                                    ("08/03/2024", "17:40")])) + "</ul>", "fr", "2024-03-12",
     None),
])
def test_review_two_lookalikes(body: str, lang: str, published: str, modified: str | None
                               ) -> None:
    html = f"<html lang='{lang}'><body><h1>Story</h1>{body}{_PROSE}</body></html>"
    got = _html_dates(html, "https://www.example.com/a/story")
    assert got.published is not None and got.published.local == published
    assert (got.modified.local if got.modified else None) == modified


def test_a_weekday_date_right_above_a_headline_without_an_article_is_the_storys() -> None:
    html = ("<html lang='sr'><body><header><a href='/'>Новине</a><nav><a href='/v'>Вести</a>"
            "</nav></header><div class='strana'><div class='rubrika'><span>Колумна</span> "
            "<span>четвртак, 14. март 2024.</span></div><div class='naslov'><div><h1>Град и "
            f"река</h1></div></div>{_PROSE}</div></body></html>")
    check(_html_dates(html, "https://www.example.rs/kolumne/grad-i-reka").published,
          "2024-03-14", "date", "text")


def test_a_warnings_validity_window_is_no_stamp() -> None:
    rows = ("<tr><th>gültig von:</th><td>Sonntag, 21.01.24 18:00 Uhr</td></tr>"
            "<tr><th>bis:</th><td>Montag, 22.01.24 06:00 Uhr</td></tr>"
            "<tr><th>ausgegeben vom Deutschen Wetterdienst</th><td>am: Sonntag, 21.01.24 "
            "10:37 Uhr</td></tr>")
    html = (f"<html lang='de'><body><h1>Amtliche Unwetterwarnung vor Orkanböen</h1><table>{rows}"
            f"</table>{_PROSE}</body></html>")
    got = extract_dates(load_html(html), "https://www.example.de/warnungen?ort=Winterberg",
                        fetched_at=datetime(2024, 1, 21, 11, 15, tzinfo=UTC))
    check(got.published, "2024-01-21T10:37:00", "minute", "text")
    assert got.modified is None
    offer = ("<html><body><h1>Spring sale</h1><p class='meta'>Posted March 1, 2024</p><p>Valid "
             f"until: March 31, 2024</p>{_PROSE}</body></html>")
    check(_html_dates(offer, "https://shop.example.com/news/spring-sale").published,
          "2024-03-01", "date", "text")


@pytest.mark.parametrize(("headline", "line"), [
    ("Old parking fines were not valid", "Published March 12, 2024"),
    ("Alte Tickets bleiben gültig", "<span class='date'>12.03.2024</span>"),
    ("Er passet ditt fortsatt gyldig?", "Publisert 12.03.2024"),
])
def test_a_validity_word_ending_the_headline_is_no_window(headline: str, line: str) -> None:
    html = (f"<html><body><h1>{headline}</h1><p class='meta'>{line}</p>{_PROSE}</body></html>")
    check(_html_dates(html, "https://www.example.com/news/story").published, "2024-03-12", "date")


def test_a_date_with_bars_between_its_parts() -> None:
    html = ("<html lang='de'><body><h1>Winterhechte</h1><table class='subline'><tr>"
            "<td>26 | 01 | 2022 </td><td class='categories'>Schweiz | Praxis</td></tr></table>"
            f"{_PROSE}<p>Seite 1 | 2 | 2022</p></body></html>")
    check(_dates(html, "https://www.example.ch/de/winterhechte--1026").published,
          "2022-01-26", "date", "text")
    short = html.replace("26 | 01 | 2022", "6 | 1 | 22")
    assert _dates(short, "https://www.example.ch/de/winterhechte--1026").published is None
    spaced = html.replace("26 | 01 | 2022", "26&nbsp;|&nbsp;01&nbsp;|&nbsp;2022")
    check(_dates(spaced, "https://www.example.ch/de/winterhechte--1026").published,
          "2022-01-26", "date", "text")
    # figures under a row of labels with the same bars
    stats = ("<html lang='de'><body><h1>Unser Kapitän</h1><div class='stats'><p>Einsätze | Tore "
             f"| im Verein seit</p><p>24 | 11 | 2019</p></div>{_PROSE}</body></html>")
    assert _dates(stats, "https://www.example.ch/de/kapitaen").published is None


def test_a_press_releases_dateline_outweighs_an_events_box() -> None:
    events = "".join(f"<div class='veranstaltungen-teaser-list-item'><span>{d}.11.2021</span> "
                     f"<a href='/e{d}'>Gottesdienst</a></div>" for d in (13, 14, 15))
    html = ("<html lang='de'><body><h1>Trauern digital am Ewigkeitssonntag</h1><div class='text'>"
            "<strong>Karlsruhe, (12.11.2021). Traditionell gedenken evangelische Christinnen und "
            "Christen am Ewigkeitssonntag ihrer Verstorbenen, in diesem Jahr am 21. November "
            "2021, auch digital.</strong> " + "Mehr Worte ohne ein Datum in diesem Absatz. " * 8
            + f"</div><div class='box'><h3>Termine</h3>{events}</div></body></html>")
    check(_dates(html, "https://www.example.de/nachricht/35204-trauern").published,
          "2021-11-12", "date", "text")


@pytest.mark.parametrize(("head", "text", "published"), [
    # an anniversary feature opening with the day it remembers: the page's stamp wins
    ('<meta name="date" content="2024-03-11T06:00:00+01:00">',
     "<p>Fukushima, 11. März 2011. Die Erde bebt vor der Küste, dann kommt die Welle. "
     "Dreizehn Jahre später ist vieles anders.</p>", "2024-03-11T06:00:00+01:00"),
    # a chronology's entries each open with a place and a day: the byline's stamp wins
    ("", "<p class='byline'>Veröffentlicht am 12.03.2024, 14:20 Uhr</p>"
     + "".join(f"<p>Frankfurt, {d}. März 2024: Die Gewerkschaft ruft zum Streik auf und die "
               "Bahn reagiert mit einem Notfahrplan.</p>" for d in (4, 6, 8)),
     "2024-03-12T14:20:00"),
    # a date box that starts with a place keeps a date box's weight
    ("", "<p class='datum'>Wien, 12.03.2024.</p><ul><li>14.03.2024 <a href='/t'>Termin</a></li>"
     "</ul>", "2024-03-12"),
])
def test_a_dateline_weighs_less_than_a_stamp(head: str, text: str, published: str) -> None:
    html = (f"<html lang='de'><head><title>Chronik</title>{head}</head><body><article>"
            f"<h1>Chronik</h1>{text}{_PROSE}</article></body></html>")
    got = _html_dates(html, "https://www.example.de/chronik")
    assert got.published is not None and got.published.local == published


def test_a_year_ending_the_headline_is_no_year_of_the_date_below_it() -> None:
    # "Vogel des Jahres 2021" above "Jan 04 09:34": not 4 January 2021 (the stamp has no year,
    # and this page has no label for it)
    html = ("<html lang='de'><body><div class='article-header'><h1>Vogel des Jahres 2021</h1>"
            f"<span>Jan 04 09:34</span></div>{_PROSE}</body></html>")
    got = _dates(html, "https://www.example.ch/aktuell/vogeldesjahres.html").published
    assert got is None or not got.local.startswith("2021-01-04")
    # a calendar badge's year alone on its line is the year of the day below it
    badge = ("<html lang='de'><body><h1>Der Steinkauz</h1><div class='post-date'><div class="
             "'post-date__year'>2021</div><div class='post-date__day'>Jan 04</div></div>"
             f"{_PROSE}</body></html>")
    check(_dates(badge, "https://www.example.ch/aktuell/steinkauz.html").published,
          "2021-01-04", "date", "text")


def test_a_chrome_named_column_that_repeats_the_headline_is_the_articles_header() -> None:
    column = ("<div class='sidebar js-copypaste'><div class='sidebar__item sidebar__item--header'>"
              "<p class='h1'>Burgenland: Best of Ruster Ausbruch DAC</p><p class='teaser'>Auf "
              "einen Blick.</p><div><p class='time'><time datetime='2022-01-28'>28. Januar 2022"
              "</time></p></div></div></div>")
    html = ("<html lang='de'><head><title>Burgenland: Best of Ruster Ausbruch DAC - Falstaff"
            "</title></head><body><main><article><div class='header-image'><div class='text'>"
            "<h1>Burgenland: Best of Ruster Ausbruch DAC</h1></div></div><div class='row'>"
            f"{column}<div class='content'>{_PROSE}</div></div></article></main></body></html>")
    url = "https://www.example.de/nd/burgenland-best-of-ruster-ausbruch-dac/"
    check(_dates(html, url).published, "2022-01-28", "date", "time")
    # a sidebar of other stories stays chrome, and so does a "reading now" box that repeats
    # the headline beside teasers of other stories
    other = html.replace("Burgenland: Best of Ruster Ausbruch DAC</p>", "Die besten Weine</p>")
    assert _dates(other, url).published is None
    teasers = "".join(f"<li><a href='/s{i}'>Die besten Weine des Jahres {i}</a></li>"
                      for i in range(3))
    reading = html.replace("<p class='teaser'>", f"<ul>{teasers}</ul><p class='teaser'>")
    assert _dates(reading, url).published is None


@pytest.mark.parametrize(("line", "published", "modified"), [
    # the CMS wrote its last update into published_time too: the byline keeps the publication
    ("January 19, 2020 / 12:25 PM / Updated 8 hours ago", ("2020-01-19T12:25:00", "minute"),
     ("2020-01-20T09:49:32+00:00", "second")),
    # the same instant, or a byline without "Updated" after it: the stamps as written
    ("January 20, 2020 / 9:49 AM / Updated 8 hours ago", ("2020-01-20T09:49:32+00:00", "second"),
     (None, None)),
    ("January 19, 2020 / 12:25 PM", ("2020-01-20T09:49:32+00:00", "second"), (None, None)),
])
def test_a_published_time_that_is_the_last_update(line: str, published: tuple[str, str],
                                                  modified: tuple[str | None, str | None]
                                                  ) -> None:
    head = ('<meta property="article:published_time" content="2020-01-20T09:49:32+0000">'
            '<meta property="article:modified_time" content="2020-01-20T09:49:32+0000">')
    html = (f"<html><head><title>Parasite scores upset</title>{head}</head><body><div class="
            f"'ArticleHeader_content'><div class='ArticleHeader_date'>{line}</div><h1>Parasite "
            f"scores upset</h1></div>{_PROSE}</body></html>")
    got = extract_dates(load_html(html), "https://www.example.com/article/parasite-idUSKBN1",
                        fetched_at=datetime(2020, 1, 20, 17, 50, tzinfo=UTC))
    check(got.published, *published)
    check(got.modified, *modified)


def test_title_classed_div_is_the_headline() -> None:
    html = ("<html><head><title>The sound of Wuhan</title></head><body><div class='header'>"
            "<div class='h-title'>The sound of Wuhan</div><div class='h-info'>"
            "<span class='h-time'>2020-02-19 20:29:58</span></div></div>" + _PROSE
            + "</body></html>")
    check(_dates(html).published, "2020-02-19T20:29:58", "second", "text")


# --- page structure: headline choice, bylines in odd places, lists -------------------------


def test_byline_in_an_aside_named_meta_is_not_a_sidebar() -> None:
    got = run("aside_meta")
    check(got.published, "2021-07-22T16:25:00", "minute", "text", offset=None, zone=None)


def test_site_name_h1_yields_to_the_heading_that_matches_the_title() -> None:
    # the h1 is the site's name; the post (inside an unclosed sidebar) has the title's heading
    got = run("headline_site_h1")
    check(got.published, "2010-12-08T09:43:00", "minute", "text")


def test_widget_title_is_not_the_headline() -> None:
    got = run("headline_widget_title")
    check(got.published, "2016-09-27", "date", "text", utc=None, zone=None)


def test_member_join_date_beside_a_forum_post_is_ignored() -> None:
    got = run("forum_post")
    check(got.published, "2009-01-21T05:42:00", "minute", "text")
    check(got.modified, None)


def test_end_of_a_span_of_days_is_an_event_not_the_publish_date() -> None:
    got = run("event_range")
    check(got.published, "2022-02-03", "date", "text")


def test_both_dates_of_a_span_are_an_event_not_the_publish_date() -> None:
    got = run("event_span")  # "01.03.2022 – 30.04.2022" right under the headline
    check(got.published, "2022-02-14", "date", "text")


def test_unparsable_jsonld_block_is_still_read_for_its_publish_date() -> None:
    got = run("jsonld_broken")
    check(got.published, "2020-10-26T18:10:00+01:00", "second", "jsonld",
          utc="2020-10-26T17:10:00Z")


def test_list_page_is_dated_by_its_top_entry() -> None:
    # three teasers dated in <span class="date">; the labelled "Publication" one is not the page's
    got = run("list_page")
    check(got.published, "2017-04-28", "date", "text", utc=None, offset=None)


@pytest.mark.parametrize(("updated", "updated_text", "published", "modified"), [
    # a scheduled post: its draft was last saved the evening before it went out
    ("2019-02-09T23:00:55+01:00", "9. Februar 2019", "2019-02-10T09:30:10+01:00", None),
    ("2019-02-12T08:00:00+01:00", "12. Februar 2019", "2019-02-10T09:30:10+01:00",
     "2019-02-12T08:00:00+01:00"),
])
def test_wordpress_updated_time_beside_the_published_one_is_the_update(
        updated: str, updated_text: str, published: str, modified: str | None) -> None:
    # <time class="entry-date published"> + <time class="updated"> under "posted-on"
    got = run("wp_published_updated", fill={"published": "entry-date published",
                                           "updated": updated, "updated_text": updated_text})
    check(got.published, published, "second", "time")
    check(got.modified, modified)


def test_a_theme_calling_its_only_date_updated_gives_the_publish_date() -> None:
    got = run("theme_updated_only", url="https://autonews.example.ch/?p=31228")
    check(got.published, "2021-11-05", "date", "text")
    check(got.modified, None)


@pytest.mark.parametrize(("stamp", "local", "source"), [
    # 23:00Z / 22:00Z are 5 November's midnight in Berlin: a date stored as local midnight
    ("2021-11-04T23:00Z", "2021-11-05", "text"),
    ("2021-11-04T22:00:00+00:00", "2021-11-05", "text"),
    # a real evening time, or the byline's own day in UTC, stays the publisher's stamp
    ("2021-11-04T21:17Z", "2021-11-04T21:17:00+00:00", "meta"),
    ("2021-11-05T09:30Z", "2021-11-05T09:30:00+00:00", "meta"),
    # an explicit local offset is no UTC artefact
    ("2021-11-04T23:00:00+01:00", "2021-11-04T23:00:00+01:00", "meta"),
])
def test_utc_stamp_of_a_local_midnight_gives_the_bylines_day(
        stamp: str, local: str, source: str) -> None:
    got = run("utc_local_midnight", url="https://www.example.de/laenderberichte/wahlen",
              fill={"stamp": stamp, "byline": "5. November 2021", "event": ""})
    check(got.published, local, None, source)


@pytest.mark.parametrize(("stamp", "byline", "event", "timezone", "local"), [
    # 15:00Z is midnight only at +09:00, where German is not written: a print edition's date
    ("2021-11-04T15:00Z", "DIE ZEIT Nr. 45/2021, 5. November 2021", "", None,
     "2021-11-04T15:00:00+00:00"),
    # the byline agrees with the stamp; the next day above the headline is an event's
    ("2021-11-04T22:00Z", "4. November 2021", "5. November 2021", None,
     "2021-11-04T22:00:00+00:00"),
    # a profile zone decides where midnight is (and a UTC stamp is written in its time)
    ("2021-11-04T23:00Z", "5. November 2021", "", "Europe/Berlin", "2021-11-05"),
    ("2021-11-04T23:00Z", "5. November 2021", "", "Asia/Tokyo", "2021-11-05T08:00:00+09:00"),
])
def test_utc_stamp_beside_another_next_day_keeps_its_time(
        stamp: str, byline: str, event: str, timezone: str | None, local: str) -> None:
    got = run("utc_local_midnight", url="https://www.example.de/laenderberichte/wahlen",
              timezone=timezone, fill={"stamp": stamp, "byline": byline, "event": event})
    check(got.published, local)


@pytest.mark.parametrize(("url", "local"), [
    # 14:00 UTC is a review's release time in New York; the product's release date beside it
    # is the next day's
    ("https://www.example.com/reviews/aurora-x2", "2024-01-16T14:00:00+00:00"),
    # ... on an Australian address, 14:00 UTC is the local midnight a CMS stores for a day
    ("https://www.example.com.au/reviews/aurora-x2", "2024-01-17"),
])
def test_english_utc_stamp_of_a_midnight_east_of_utc_only_where_the_address_is(
        url: str, local: str) -> None:
    got = run("review_release_date", url=url,
              fill={"stamp": "2024-01-16T14:00:00+00:00", "release": "January 17, 2024"})
    check(got.published, local)


@pytest.mark.parametrize(("name", "local"), [
    ("wrapped_heading_author_links", "2021-07-22T16:25:00"),  # a byline of two author links
    ("wrapped_heading_key_points", "2021-07-22T16:25:00"),  # a live blog's <ol> of key points
])
def test_wrapped_list_heading_before_a_byline_box_leaves_it(name: str, local: str) -> None:
    got = run(name, url="https://example.com/news/2024/tram-line")
    check(got.published, local)


def test_wrapped_list_heading_before_the_byline_leaves_the_byline() -> None:
    # <div class=cc><h3>Comments (3)</h3></div> and then the byline, not a list of links: the
    # skip stays inside the wrapper (a later box's "3 September 2024" is no date of the page)
    got = run("wrapped_heading_before_byline")
    check(got.published, "2021-07-22T16:25:00", "minute", "text")


@pytest.mark.parametrize(("byline", "local"), [
    ("Text: Redaktion, 14. Mai 2023", "2023-05-14"),
    ("", None),  # the box's teasers are no dates of the page
])
def test_list_heading_wrapped_in_its_own_box_still_skips_the_list(
        byline: str, local: str | None) -> None:
    # <div class=box-head><div class=box-title><h3>Mehr zum Thema</h3></div></div><ul>...</ul>:
    # the list follows the heading's wrappers, not the heading
    got = run("wrapped_list_heading", url="https://www.example.de/wein/suesswein-rust",
              fill={"byline": byline})
    check(got.published, local)


def test_hatom_abbr_title_gives_the_timestamp() -> None:
    got = run("hatom_abbr")
    check(got.published, "2016-12-23T05:11:00-05:00", "second", "time",
          utc="2016-12-23T10:11:00Z")


def test_caption_date_is_a_mention_and_the_edit_stamp_dates_the_page() -> None:
    # "Image: ... of 31.05.2021" outside <figcaption> is a caption; with only mentions left,
    # the page's "Last change" stamp dates it (rule 8b)
    got = run("caption_label")
    check(got.published, "2022-01-14T09:25:00", "minute", "text")
    check(got.modified, None)


def test_month_name_date_with_an_apostrophe_year() -> None:
    # "Posted May 8, '12": a two-digit year after an apostrophe (also "8 May '12")
    got = run("apostrophe_year")
    check(got.published, "2012-05-08", "date", "text", raw="May 8, '12")


@pytest.mark.parametrize(
    ("body", "published", "modified"),
    [
        # WordPress's pair of <time> elements side by side, month first: no "2024 March 13"
        ('<span class="posted-on"><time class="entry-date published" datetime="2024-03-12T18:05:00-05:00">'
         'March 12, 2024</time><time class="updated" datetime="2024-03-13T08:22:00-05:00">March 13, '
         "2024</time></span>", "2024-03-12T18:05:00-05:00", "2024-03-13T08:22:00-05:00"),
        # a zone between the clock and the date; a weekday before the date
        ("<p><span>Published:</span> <time>18:05 GMT, 12 March 2024</time></p>",
         "2024-03-12T18:05:00+00:00", None),
        ("<p>Published 6:05 PM EDT, Tue March 12, 2024</p>", "2024-03-12T18:05:00-04:00", None),
        ("<p>6.05pm, 4 Mar 2024</p>", "2024-03-04T18:05:00", None),
        # an hour alone, with its am/pm
        ("<p>March 12, 2024, 6 PM ET</p>", "2024-03-12T18:00:00-04:00", None),
        ("<p>Updated March 12, 2024 at 6 p.m.</p>", "2024-03-12T18:00:00", None),
        ("<p>March 12, 2024, 6 people were hurt.</p>", "2024-03-12", None),
        # words between the date and the clock
        ("<p>2024. március 12., kedd 18:05</p>", "2024-03-12T18:05:00", None),
        ("<p>12 Mart 2024 Salı 18:05</p>", "2024-03-12T18:05:00", None),
        ("<p>12·03·24 | 18:05</p>", "2024-03-12T18:05:00", None),  # middle dots, day first
        ("<p>March 12, 2024, Tuesday // 18:05</p>", "2024-03-12T18:05:00", None),
        ("<p>12.mar.2024 (terça-feira) - 18h05</p>", "2024-03-12T18:05:00", None),
        # Tamil's and Malayalam's month abbreviations
        ("<p>பதிவு செய்த நாள்: மார் 12,2024 18:05</p>", "2024-03-12T18:05:00", None),
        ("<p>12 മാർ 2024, 18:05</p>", "2024-03-12T18:05:00", None),
        ("<p>12 марта 2024 г., 18:05</p>", "2024-03-12T18:05:00", None),
        ("<p>12 marca 2024 r., godz. 18:05</p>", "2024-03-12T18:05:00", None),
        ("<p>12. 3. 2024 v 18:05</p>", "2024-03-12T18:05:00", None),
        # a date without a year or a clock is read after a label: this year's
        ('<div>Posted: <time>Mar 12, 2024 6:05 PM EDT</time> | Last Updated: March 13</div>',
         "2024-03-12T18:05:00-04:00", "2024-03-13"),
        ('<div class="date">Published Mar 12</div>', "2024-03-12", None),
        ('<div class="date">Published: 12th March | Updated: 13th March</div>', "2024-03-12",
         "2024-03-13"),  # day first, right after its label
        ("<p>O edital deve ser publicado até 30 de abril, segundo o secretário.</p>", None, None),
        # a day without a year alone in a date element is this year's, unless a date element
        # shows a year (then it is another thing's: a fixture's, a teaser's)
        ('<div class="date">Mar 12</div>', "2024-03-12", None),
        ('<div class="date">12th March</div>', "2024-03-12", None),
        ('<div class="ab"><span data-testid="storyReadTime">5 min read</span><span>·</span><span '
         'data-testid="storyPublishDate">Mar 12</span></div>', "2024-03-12", None),
        ('<div class="date">12 March 2023</div><div class="date">Mar 10</div>', "2023-03-12",
         None),
        # ... near the headline, not an agenda's far below, nor one in an event's box
        ('<div class="whats-on"><ul><li><span class="date">Mar 9</span> Farmers market</li></ul>'
         "</div>", None, None),
        ("<p>" + "The council met on Monday and talked about the plant for hours. " * 25 + "</p>"
         '<div><span class="date">Mar 9</span></div>', None, None),  # (1,200 characters on)
        # a tooltip's stamp: a photo link's or a member's is no stamp of the page
        ('<p>March 12, 2024</p><a class="lightbox" href="/p.jpg" title="2019-06-01 14:22:10">photo'
         "</a>", "2024-03-12", None),
        ('<span class="member-since" title="2015-09-01T00:00:00Z">Contributor since 2015</span>',
         None, None),
        # a byline's sentence and a story's own sentence keep their stamp verb
        ("<p>By Jane Roe, published March 12, 2024 at 6:05 pm and updated March 13, 2024 at 9:55"
         " am.</p>", "2024-03-12T18:05:00", "2024-03-13T09:55:00"),
        ("<p>Text and photos by Jane Doe. The story was posted on March 12, 2024 at 6:05 pm.</p>",
         "2024-03-12T18:05:00", None),
        # zones that are words too, where a phrase goes on after them
        ('<p class="date">12 March 2024 18:05</p><p>PET bottles are piling up at the depot.</p>',
         "2024-03-12T18:05:00", None),
        # a same-day update with a time after a date-only publication is an update
        ("<p>Published March 12, 2024</p><p>Updated March 12, 2024 at 8:22 PM</p>", "2024-03-12",
         "2024-03-12T20:22:00"),
        # DPG Media's dashed two-digit year, read with a clock after it (alone: a version)
        ('<div class="meta"><time>12-03-24, 18:05</time> Laatste update: 13-03-24, 08:22</div>',
         "2024-03-12T18:05:00", "2024-03-13T08:22:00"),
        # a dotted day and month without a year, with a clock: this year's
        ("<div>Julkaistu: 12.3. 18:05 | Päivitetty: 13.3. 8:22</div>", "2024-03-12T18:05:00",
         "2024-03-13T08:22:00"),
        ("<div>12. března 2024 18:05, aktualizováno 13. 3. 8:22</div>", "2024-03-12T18:05:00",
         "2024-03-13T08:22:00"),
        ("<div>Mac 12, 2024 @ 6:05pm</div>", "2024-03-12T18:05:00", None),
        # the next line's "13.03." is a day and month, not a clock
        ('<div class="pm-date">12.03.2024</div><p>13.03. – Die Stadtwerke beginnen am Mittwoch.</p>',
         "2024-03-12", None),
        # a relative update takes its role from its label
        ('<div class="date">Publiziert 12. März 2024, 18:05</div><div>Aktualisiert vor 2 Std.</div>',
         "2024-03-12T18:05:00", "2024-03-14T07:00:00+00:00"),
        ("<p>Published March 12, 2024 6:05 PM</p><p>Updated 2 hours ago</p>",
         "2024-03-12T18:05:00", "2024-03-14T07:00:00+00:00"),
        ('<div class="date">Publiceret 12. mar. 2024 kl. 18.05</div><div>Opdateret for 3 timer siden'
         "</div>", "2024-03-12T18:05:00", "2024-03-14T06:00:00+00:00"),
        # "2 hours ago" is an instant: written in the offset of the page's own stamp
        ("<p>Published March 13, 2024 6:05 PM EDT</p><p>Updated 2 hours ago</p>",
         "2024-03-13T18:05:00-04:00", "2024-03-14T03:00:00-04:00"),
        ("<p>12 marzo 2024 (modifica il 13 marzo 2024 | 08:22)</p>", "2024-03-12",
         "2024-03-13T08:22:00"),
        # a label before a <time> element names its role; its datetime gives the offset
        ('<ul><li><time datetime="2024-03-12T18:05:00Z">18:05, 12 MAR 2024</time></li><li>Updated '
         '<time datetime="2024-03-12T20:22:31Z">20:22, 12 MAR 2024</time></li></ul>',
         "2024-03-12T18:05:00+00:00", "2024-03-12T20:22:31+00:00"),
        # ... or before its parent: "<dt>Updated</dt><dd><time>", "Last updated: <strong><time>"
        ('<p><time datetime="2024-03-12T09:00:00Z">12 March</time></p><dl><dt>Updated</dt><dd><time '
         'datetime="2024-03-13T15:00:00Z">13 March 2024</time></dd></dl>', "2024-03-12T09:00:00+00:00",
         "2024-03-13T15:00:00+00:00"),
        ('<p><time datetime="2024-03-12T09:00:00Z">12 March</time></p><p>Last updated: <strong><time '
         'datetime="2024-03-13T15:00:00Z">13 March 2024</time></strong></p>',
         "2024-03-12T09:00:00+00:00", "2024-03-13T15:00:00+00:00"),
        # ... but not another list item's words: a live blog's key events
        ('<p><time datetime="2024-03-12T08:00:00Z">12 March</time></p><ul class="key-events"><li><time '
         'datetime="2024-03-12T08:40:00Z">08:40</time> Casualty figures revised</li><li><time '
         'datetime="2024-03-12T09:15:00Z">09:15</time> Minister speaks</li></ul>',
         "2024-03-12T08:00:00+00:00", None),
        # a clock on the next line followed by a separator is still the date's
        ("<div>12.03.2024</div><div>18:05 Uhr | Lesezeit 3 Min.</div>", "2024-03-12T18:05:00", None),
        # FAZ's only stamp reads "Aktualisiert am": still the publication, with its offset
        ('<div><span>Aktualisiert am </span><time datetime="2020-01-28T15:49:07+0100">28.01.2020 - '
         "15:49</time></div>", "2020-01-28T15:49:07+01:00", None),
        # more update labels, before a clock only
        ("<p>Martedì 12 Marzo 2024, 18:05 - Ultimo agg. 20:22</p>", "2024-03-12T18:05:00",
         "2024-03-12T20:22:00"),
        ("<p>12.3.2024 18:05 | Uppfært 20:22</p>", "2024-03-12T18:05:00", "2024-03-12T20:22:00"),
        # the other stamp as a clock only: the dated stamp's day (the next or previous one when
        # the clock says so), in its offset
        ('<p class="meta">Publié le 12 mars 2024 à 18h05, modifié à 20h14</p>',
         "2024-03-12T18:05:00", "2024-03-12T20:14:00"),
        ("<p>publié le 12 mars 2024 à 18h05 (mis à jour à 20h14)</p>",
         "2024-03-12T18:05:00", "2024-03-12T20:14:00"),
        ("<p>Published March 12, 2024 6:05 p.m. ET Updated 8:22 a.m. ET</p>",
         "2024-03-12T18:05:00-04:00", "2024-03-13T08:22:00-04:00"),
        ("<p>Updated March 12, 2024 — 8.22pm, first published at 6.05pm</p>",
         "2024-03-12T18:05:00", "2024-03-12T20:22:00"),
        ("<p>Updated March 12, 2024 — 0.22am, first published at 11.05pm</p>",
         "2024-03-11T23:05:00", "2024-03-12T00:22:00"),
        # Daily Mail prints "GMT" in a British summer beside a stamp at +01:00: the stamp is right
        ('<p><time datetime="2020-09-26T22:00:27+0100"> 22:00 GMT, 26 September 2020 </time></p>',
         "2020-09-26T22:00:27+01:00", None),
        # "CST" in July beside a stamp at the Central summer offset
        ('<p><time datetime="2023-07-04T18:05:00-05:00">Jul 4, 2023 / 06:05 PM CST</time></p>',
         "2023-07-04T18:05:00-05:00", None),
    ],
)
def test_date_lines_of_more_publishers(body: str, published: str, modified: str | None) -> None:
    html = (f"<html><head><title>Council approves water plant</title></head><body><article>"
            f"<h1>Council approves water plant</h1>{body}<p>The council met on Monday.</p>"
            "</article></body></html>")
    got = extract_dates(load_html(html.encode("utf-8")), "https://www.example.com/news/water-plant",
                        fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, published)
    check(got.modified, modified)


SIDE_LINKS = ('<aside><h3>Neuigkeiten</h3><p><a href="/a">Neue Studie zu Gasheizungen erschienen</a> '
              '12.03.2024</p><p><a href="/b">Aktivisten protestieren vor dem Kanzleramt</a> '
              "11.03.2024</p></aside>")


@pytest.mark.parametrize(
    ("page", "published"),
    [
        # an <aside> inside <main> but outside the <article> is the page's sidebar
        ('<main><article><h1>Forests</h1><p>We work to protect the last rainforests.</p></article>'
         + SIDE_LINKS + "</main>", None),
        ('<div class="article"><h1>Forests</h1><p>We work to protect the last rainforests.</p>'
         + SIDE_LINKS + "</div>", None),
        # ... a post-info column or a byline aside is the article's
        ('<main><div class="post type-post"><h1>Forests</h1><aside class="post-side">Posted on '
         "March 12, 2024</aside><p>We work to protect the last rainforests.</p></div></main>",
         "2024-03-12"),
        ('<main><h1>Forests</h1><aside><p class="byline">By Jane Doe</p><time datetime="2024-03-12T'
         '09:30:00-05:00">March 12</time></aside><p>We work to protect the rainforests.</p></main>',
         "2024-03-12T09:30:00-05:00"),
        # ... one inside the <article> is the article's, and so is one named like a byline
        ('<main><article><h1>Forests</h1><aside class="info">Veröffentlicht am 12.03.2024</aside>'
         "<p>We work to protect the last rainforests.</p></article></main>", "2024-03-12"),
        ('<main><h1>Forests</h1><aside class="meta">Veröffentlicht am 12.03.2024</aside>'
         "<p>We work to protect the last rainforests.</p></main>", "2024-03-12"),
    ],
)
def test_a_sidebar_inside_main(page: str, published: str | None) -> None:
    """(SIDE_LINKS: a sidebar box of two links to other stories.)"""
    html = f"<html><head><title>Forests</title></head><body>{page}</body></html>"
    got = extract_dates(load_html(html.encode("utf-8")), "https://www.example.org/forests",
                        fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, published)


def test_a_time_elements_label_is_in_its_parent() -> None:
    """"Updated <time>" names the update; a word at the end of another list item or inside a
    teaser's link does not."""
    from scraper.extract.dateplaces import _label_in_parent

    tree = load_html(
        b'<ul><li>Updated <time id="a">x</time></li><li><span>3/13 08:00\xe6\x9b\xb4\xe6\x96\xb0'
        b'</span></li><li><time id="b">y</time></li><li><a>Route map updated</a> <time id="c">z'
        b'</time></li><li><span>Aktualisiert am </span>\n\t <time id="d">w</time></li></ul>')
    labels = [_label_in_parent(tree.get_element_by_id(i)) for i in "abcd"]
    assert labels == ["Updated", "", "", "Aktualisiert am"]


@pytest.mark.parametrize(
    ("body", "published", "modified"),
    [
        # an event's day and clock without a year is no stamp beside an unlabelled byline
        ('<p class="meta">12.03.2024, 18:05 Uhr</p><div class="infobox"><p>Termin: Mo., 18.3., '
         "19:00 Uhr, Stadthalle</p></div>", "2024-03-12T18:05:00", None),
        ("<p>2024/3/12 18:05</p><div><p>公演日：3/18(月) 19:00開演</p></div>", "2024-03-12T18:05:00",
         None),
        # ... nor a version after "Update" on the stamp's line, nor a figure after a date's colon
        ('<div class="meta"><span class="date">March 12, 2024</span> · <span>Update 23.10 patch '
         "notes</span></div>", "2024-03-12", None),
        ("<p>Euro to dollar exchange rate, March 12, 2024: 1.09</p>", "2024-03-12", None),
        # ... nor a word of a sentence about another thing
        ('<p class="date">12 marzo 2024</p><p>Approvata la riforma.</p><p>La modifica entra in '
         "vigore il 13 marzo 2024.</p>", "2024-03-12", None),
        # ... nor "two days before the election"
        ("<p>चुनाव से 2 दिन पहले मुख्यमंत्री ने नई योजना की घोषणा की।</p>", None, None),
        ("<p>Chỉ 2 ngày trước cuộc bầu cử, thủ tướng công bố kế hoạch mới.</p>", None, None),
        # a clock on the next line that starts a sentence is no time of the date
        ('<p class="date">12 березня 2024</p><p>О 10:30 у Києві оголосили тривогу, яка тривала '
         "дві години.</p>", "2024-03-12", None),
        ('<p class="date">12. März 2024</p><p>Um 10.30 Uhr begann die Sitzung des Stadtrats.</p>',
         "2024-03-12", None),
        # an event box's "Datum:" does not make a day without a year a stamp
        ('<div class="infobox"><p>Datum: 13.3., 18:00 Uhr</p><p>Ort: Rathaus</p></div>', None, None),
        # "aggiornamento" alone is a refresher course; an update label leads through "by … on"
        ('<p class="date">12 marzo 2024</p><p>Corso di aggiornamento 13 marzo 2024, ore 15:00</p>',
         "2024-03-12", None),
        ('<p class="date">March 12, 2024</p><p>Last updated by the Health Desk team on March 13, '
         "2024</p>", "2024-03-12", "2024-03-13"),
        # a section of the article's own under such a word is no box of other stories
        ('<div class="article__text"><h2>Главное — вовремя обратиться к врачу</h2><p>Врачи советуют '
         "не откладывать визит.</p><p>Дата публикации: 12.03.2024</p></div>", "2024-03-12", None),
        # boxes of other stories inside <main> under a heading in more languages
        ('<p class="date">12.03.2024</p><div class="box"><h3>Ultime notizie</h3><ul><li><a href="/a">'
         'Neue Kampagne startet</a> <span class="date">13.03.2024, 09:30</span></li></ul></div>',
         "2024-03-12", None),
        # "Aktuelles" heads a club's news section, its date in the same box
        ('<div class="page-head"><h2>Aktuelles</h2><span class="date">12.03.2024</span></div>',
         "2024-03-12", None),
        ('<p class="date">12 марта 2024</p><div class="box"><h3>Самое читаемое</h3><ul><li><a href="'
         '/a">Новость дня</a> <span>13 марта 2024, 09:30</span></li></ul></div>', "2024-03-12",
         None),
        # a listicle's container named "ranking-article" is no ranking box
        ('<div class="ranking-article"><p class="date">March 12, 2024</p></div>', "2024-03-12", None),
    ],
)
def test_what_the_new_forms_leave_alone(body: str, published: str | None,
                                        modified: str | None) -> None:
    html = (f"<html><head><title>Plan</title></head><body><article><h1>Plan</h1>{body}"
            "</article></body></html>")
    got = extract_dates(load_html(html.encode("utf-8")), "https://www.example.com/news/plan",
                        fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, published)
    check(got.modified, modified)


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # a date inside a sentence of the text is a mention, even with no other date
        ("<p>The plant was cited by state regulators on Nov. 14, 2023, after a pump failure left "
         "about 11,000 households under a boil-water notice for three days.</p>", None),
        ("<p>Eine Studie der Charité vom 15. Juni 2021 zeigte, dass bereits 30 Minuten "
         "Bildschirmpause vor dem Zubettgehen die Einschlafzeit verkürzen.</p>", None),
        # a stamp verb about another thing, at the end of the sentence
        ("<p>La reforma a la ley de transparencia fue publicada en el Diario Oficial de la "
         "Federación el 12 de abril de 2019.</p>", None),
        # ... but a blog's sentence that says it is the post's date is a stamp
        ('<p class="postmetadata">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner '
         "veröffentlicht und unter Arduino abgelegt.</p>", "2015-12-14T14:48:00"),
        ("<p>This entry was posted on Monday, December 14th, 2015 at 2:48 pm and is filed under "
         "Arduino projects and tutorials.</p>", "2015-12-14T14:48:00"),
        # ... and so is a press release's dateline
        ("<p>RESEARCH TRIANGLE PARK, N.C., March 12, 2024 (GLOBE NEWSWIRE) -- Beta Labs today "
         "announced the appointment of Jane Roe as its new Chief Financial Officer.</p>", "2024-03-12"),
        ("<p>SALT LAKE CITY, Utah, March 12, 2024 /PRNewswire/ -- Acme Corp today announced its "
         "results for the fourth quarter and the full year.</p>", "2024-03-12"),
        ("<p>Dit bericht werd geplaatst op 12 maart 2024 door de redactie en valt onder nieuws en "
         "achtergronden.</p>", "2024-03-12"),
        ("<p>Dieser Artikel erschien am 12. März 2024 in der gedruckten Ausgabe unserer Zeitung "
         "und im Netz.</p>", "2024-03-12"),
        ("<p>Veröffentlichung und Nachdruck honorarfrei, ein Belegexemplar an die Pressestelle "
         "erbeten.<br>Hamburg, den 02. Dezember 2022</p>", "2022-12-02"),
    ],
)
def test_a_page_with_only_prose_dates(body: str, published: str | None) -> None:
    html = (f"<html><head><title>Water plant</title></head><body><article><h1>Water plant</h1>"
            f"{body}</article></body></html>")
    got = extract_dates(load_html(html.encode("utf-8")), "https://www.example.com/news/water-plant",
                        fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, published)


@pytest.mark.parametrize(
    ("body", "timezone", "published"),
    [
        # an English .com under a profile zone outside the Americas reads day first
        ("<div>First published on: 12-03-2024 at 18:05 IST</div>", "Asia/Kolkata",
         "2024-03-12T18:05:00+05:30"),
        # ... and without one, a month-first reading after the fetch is the day-first one
        ("<div>First published on: 12-03-2024 at 18:05 IST</div>", None, "2024-03-12T18:05:00+05:30"),
        ("<div>Posted 03/04/2024 6:05 PM</div>", None, "2024-03-04T18:05:00"),
        # American, Philippine and country-less zones keep English month first
        ("<div>Posted 03/02/2024 6:05 pm</div>", "US/Eastern", "2024-03-02T18:05:00-05:00"),
        ("<div>Posted 03/02/2024 6:05 pm</div>", "Asia/Manila", "2024-03-02T18:05:00+08:00"),
        ("<div>Posted 03/02/2024 6:05 pm</div>", "UTC", "2024-03-02T18:05:00+00:00"),
        ("<div>Posted 03/02/2024 6:05 pm</div>", "Pacific/Saipan", "2024-03-02T18:05:00+10:00"),
        # an unlabelled date after the fetch is not turned round (a coming meeting's)
        ("<div>Next meeting: 04/02/2024 6:00 PM</div>", None, None),
        # a UTC midnight is a day, not moved into the site's zone
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
         '"2024-03-12T00:00:00Z"}</script><p>March 12, 2024</p>', "America/New_York",
         "2024-03-12T00:00:00+00:00"),
        # a UTC stamp on a site with a profile zone is written in the site's time
        ('<p><time datetime="2024-03-12T17:05:00.000Z">Publié le 12/03/2024 à 18:05</time></p>',
         "Europe/Paris", "2024-03-12T18:05:00+01:00"),
        ('<p><time datetime="2024-03-12T17:05:00.000Z">Publié le 12/03/2024 à 18:05</time></p>',
         None, "2024-03-12T17:05:00+00:00"),
    ],
)
def test_day_order_and_zone_of_a_profile(body: str, timezone: str | None,
                                         published: str | None) -> None:
    html = (f"<html lang='en'><head><title>Series win</title></head><body><article>"
            f"<h1>Series win</h1>{body}</article></body></html>")
    got = extract_dates(load_html(html.encode("utf-8")),
                        "https://www.example.com/article/sports/series-9210000/",
                        fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=UTC), timezone=timezone)
    check(got.published, published)


FETCHED_MARCH_14 = "2024-03-14T09:00:00+00:00"


def _page_dates(lang: str, body: str, url: str, fetched_at: str = FETCHED_MARCH_14
                ) -> ExtractedDates:
    html = (f'<html lang="{lang}"><head><title>見出し</title></head><body><main><article>'
            f"<h1>見出し</h1>{body}</article></main></body></html>")
    return extract_dates(load_html(html.encode("utf-8")), url,
                         fetched_at=datetime.fromisoformat(fetched_at))


def _html_dates(html: str, url: str, timezone: str | None = None) -> ExtractedDates:
    """The dates of a whole page, fetched on 14 March 2024 at 09:00 UTC."""
    return extract_dates(load_html(html.encode("utf-8")), url,
                         fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=UTC), timezone=timezone)


RANKING = ('<aside class="ranking"><h2>{heading}</h2><ol><li><a href="/a">日銀、マイナス金利解除を'
           '決定へ</a> <span class="time">2024年3月13日 21時40分</span></li><li><a href="/b">春闘 '
           '大手企業の回答相次ぐ</a> <span class="time">2024/03/13 18:30</span></li></ol></aside>')


@pytest.mark.parametrize("heading", ["アクセスランキング", "熱門新聞", "Xem nhiều nhất", "הכי נקראים"])
def test_a_ranking_box_under_a_short_article_lends_no_date(heading: str) -> None:
    got = _page_dates("ja", '<p class="date">2024/03/12 18:05</p><p>政府は12日、予備費の追加支出を'
                      "閣議決定した。</p>" + RANKING.format(heading=heading),
                      "https://www.example.jp/politics/20240312-OYT1T50210/")
    check(got.published, "2024-03-12T18:05:00", "minute", "text")
    assert got.modified is None


def test_a_date_in_chinese_prose_is_a_mention() -> None:
    """No spaces between words: two characters count as one, and "。" ends a sentence."""
    got = _page_dates("zh", "<p>国家统计局2024年2月20日发布的数据显示，工业增加值同比增长7.0%。</p>",
                      "http://www.example.cn/fortune/20240312/0a1b2c3d/c.html")
    check(got.published, "2024-03-12", "date", "url")


def test_a_yearless_chinese_update_after_the_stamp() -> None:
    got = _page_dates("zh", '<div class="date"><span>2024/3/12 18:05（3/13 08:22 更新）</span></div>',
                      "https://www.example.tw/news/aipl/202403120123.aspx")
    check(got.published, "2024-03-12T18:05:00", "minute", "text")
    check(got.modified, "2024-03-13T08:22:00", "minute", "text")


@pytest.mark.parametrize(("context", "offset"), [("fr ca", -240), ("fr fr", None)])
def test_canadian_french_zones_on_canadian_pages(context: str, offset: int | None) -> None:
    """HAE is heure avancée de l'Est in Canada; in France, HAC is Le Havre's football club."""
    from scraper.extract.datetext import find_dates

    found = next(find_dates("12 mars 2024 à 18 h 05 HAE", context=context))
    assert (found.hour, found.minute, found.offset) == (18, 5, offset)


@pytest.mark.parametrize(("text", "context", "offset", "zone"), [
    # zones written out in full (Business Wire), with their season
    ("March 12, 2024 08:30 AM Eastern Daylight Time", "en", -240, "America/New_York"),
    ("March 12, 2024 08:30 AM Eastern Time", "en", -240, "America/New_York"),
    ("January 12, 2024 08:30 AM Pacific Time", "en", -480, "America/Los_Angeles"),
    ("12 March 2024 18:05 India Standard Time", "en", 330, "Asia/Kolkata"),
    ("12 March 2024 18:05 Israel Standard Time", "en", 120, "Asia/Jerusalem"),
    # South America's own zones
    ("Martes 12 de marzo de 2024 | 18:05 CLST", "es cl", -180, "America/Santiago"),
    ("12 de marzo de 2024 - 06:05 p. m. COT", "es co", -300, "America/Bogota"),
    ("2024-03-13T19:32:00+5:30", "en", 330, None),  # an offset's hour of one digit
    # Sky's "UK": the UK's own time, by the season; not "UK officials"
    ("Tuesday 12 March 2024 22:49, UK", "en", 0, "Europe/London"),
    ("Wednesday 12 June 2024 22:49, UK", "en", 60, "Europe/London"),
    ("12 March 2024 18:05, UK officials said", "en", None, None),
    # English Canada's Atlantic and Newfoundland times, on Canadian pages only; not a kicker's
    # first word on the next line, nor "NT" on a site of another zone (the Northwest
    # Territories)
    ("Mar 12, 2024 5:42 PM AT", "en ca", -180, "America/Halifax"),
    ("Mar 12, 2024 5:42 PM NT", "en ca", -150, "America/St_Johns"),
    ("Mar 12, 2024 5:42 PM AT", "en au", None, None),
    ("Mar 12, 2024 5:42 PM\nAT THE LEGISLATURE", "en ca", None, None),
    ("Mar 12, 2024 5:42 PM NT", "en ca America/Yellowknife", None, None),
    ("Mar 12, 2024 5:42 PM NDT", "en", -150, "America/St_Johns"),
    # a generic zone is the profile's zone of that standard time, when the profile has one:
    # Arizona keeps no daylight saving time, Saskatchewan neither
    ("5:42 p.m. MT March 12, 2024", "en us America/Phoenix", -420, "America/Phoenix"),
    ("5:42 p.m. MT March 12, 2024", "en us", -360, "America/Denver"),
    ("Mar 12, 2024 5:42 PM CT", "en ca America/Regina", -360, "America/Regina"),
    ("Mar 12, 2024 5:42 PM CT", "en us Europe/Berlin", -300, "America/Chicago"),
])
def test_zone_names_canadian_times_and_profile_zones(text: str, context: str, offset: int | None,
                                                     zone: str | None) -> None:
    from scraper.extract.datetext import find_dates

    found = next(find_dates(text, context=context))
    assert (found.offset, found.zone) == (offset, zone)


@pytest.mark.parametrize(("context", "day"), [("en us", None), ("ms my", date(2023, 3, 14)),
                                             ("", date(2023, 3, 14))])
def test_malay_mac_is_march_only_on_malay_pages(context: str, day: date | None) -> None:
    from scraper.extract.datetext import find_dates

    found = [p.day for p in find_dates("Spesifikasi: Mac 14, 2023 model", context=context)]
    assert found == ([day] if day else [])


def test_an_update_label_outside_the_link_still_names_the_role() -> None:
    got = _page_dates("en", '<p class="date">Published March 12, 2024 6:05 PM EDT. '
                      '<a href="/desk">Metro desk</a> updated March 13, 2024 8:10 AM EDT</p>',
                      "https://www.example.com/news/transit-plan")
    check(got.modified, "2024-03-13T08:10:00-04:00", "minute", "text")


@pytest.mark.parametrize("said", ["De regels zijn aangepast per 13 maart 2024.",
                                  "Die Gebühren werden geändert ab 13. März 2024."])
def test_a_change_in_force_from_a_day_is_no_update_stamp(said: str) -> None:
    got = _page_dates("nl", f'<p class="date">12 maart 2024</p><p>{said}</p>',
                      "https://www.example.nl/binnenland/regels")
    check(got.published, "2024-03-12", "date", "text")
    assert got.modified is None


def test_a_devanagari_month_is_not_the_start_of_a_longer_word() -> None:
    """Marathi "मे" (May) is no date in Hindi "में" ("in"): a vowel sign continues the word."""
    from scraper.extract.datetext import find_dates

    assert [p.day for p in find_dates("12 मे 2024")] == [date(2024, 5, 12)]
    assert list(find_dates("12 में 2024")) == []


@pytest.mark.parametrize(("text", "context", "offset"), [
    ("Mar 12, 2024 6:05 pm IST", "en com", 330),  # India's, unless the page says otherwise
    ("Mar 12, 2024 6:05 pm IST", "en com Asia/Jerusalem", 120),  # the site profile's zone
    ("Jul 12, 2024 6:05 pm IDT", "en com", 180),
    ("Jul 12, 2024 6:05 pm IST", "en com Asia/Jerusalem", 120),  # winter's name in summer
    ("Mar 12, 2024 6:05 pm CST", "en com Asia/Shanghai", 480),
    ("Mar 12, 2024 6:05 pm NPT", "en com", 345),
])
def test_a_zone_abbreviation_is_read_as_the_profile_zone_names_it(text: str, context: str,
                                                                    offset: int) -> None:
    from scraper.extract.datetext import find_dates

    assert next(find_dates(text, context=context)).offset == offset


def test_a_profile_zone_reads_israeli_ist_on_a_page() -> None:
    html = ('<html lang="en"><head><title>War cabinet convenes</title></head><body><article>'
            "<h1>War cabinet convenes</h1><time>Mar 12, 2024 6:05 pm IST</time> | <span>Updated:"
            " 9:40 pm</span><p>The cabinet met late into the night.</p></article></body></html>")
    got = _html_dates(html, "https://www.example.com/israel-news/a", "Asia/Jerusalem")
    check(got.published, "2024-03-12T18:05:00+02:00", "minute", "text")
    check(got.modified, "2024-03-12T21:40:00+02:00", "minute", "text")


@pytest.mark.parametrize("sentence", [
    "The original law was passed on July 13, 2021.",
    "Boluarte asumió la presidencia el 7 de diciembre de 2022.",
])
def test_a_date_in_a_short_one_sentence_paragraph_is_a_mention(sentence: str) -> None:
    got = _page_dates("en", f'<span class="date">3 hours ago</span><p>{sentence}</p>',
                      "https://www.example.com/news/story")
    check(got.published, "2024-03-14T06:00:00+00:00", "minute", "text")


def test_a_short_byline_with_its_date_is_no_sentence() -> None:
    got = _page_dates("es", "<p>por Juan Pérez el 12 de marzo de 2024.</p><p>El consejo aprobó "
                      "el plan.</p>", "https://www.example.pe/politica/plan")
    check(got.published, "2024-03-12", "date", "text")


def test_a_yearless_stamp_in_its_own_time_element_needs_no_label() -> None:
    got = extract_dates(load_html('<html lang="fi"><body><article><h1>Otsikko</h1><div class="'
                                  'article__date"><time>12.3. 18:05</time> • <span>Päivitetty 12.3.'
                                  " 20:41</span></div><p>Teksti.</p></article></body></html>".encode()),
                        "https://www.example.fi/uutiset/3-12345",
                        fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=UTC), timezone="Europe/Helsinki")
    check(got.published, "2024-03-12T18:05:00+02:00", "minute", "text")
    check(got.modified, "2024-03-12T20:41:00+02:00", "minute", "text")


def test_an_aside_list_of_other_stories_without_links_lends_no_date() -> None:
    got = _page_dates("en", '<div class="byline"><span class="date">March 12, 2024 18:05</span>'
                      "</div><p>The council approved the budget.</p></article><aside><h3>Nejčtenější"
                      "</h3><ul><li>13.03.2024 21:40 Storm hits the coast</li><li>11.03.2024 08:10 "
                      "Fares rise in April</li></ul></aside><article>",
                      "https://www.example.com/news/budget")
    check(got.published, "2024-03-12T18:05:00", "minute", "text")
    assert got.modified is None


@pytest.mark.parametrize(("context", "day"), [("fa ir", date(2024, 3, 12)), ("fa com", date(2024, 3, 12)),
                                             ("ar sa", None), ("", None)])
def test_numeric_solar_hijri_dates_on_iranian_pages(context: str, day: date | None) -> None:
    from scraper.extract.datetext import find_dates, normalize_digits

    found = [p.day for p in find_dates(normalize_digits("۱۴۰۲/۱۲/۲۲ - ۱۸:۰۵"), context=context)]
    assert found == ([day] if day else [])


@pytest.mark.parametrize(("toolbar", "published"), [
    ("Thursday, March 14, 2024", None),  # the fetch's day with its weekday: the header's today
    ("March 14, 2024", "2024-03-14"),  # no weekday: maybe the article's own
    ("Tuesday, March 12, 2024", "2024-03-12"),  # another day
])
def test_the_header_today_above_the_article_is_never_its_date(toolbar: str,
                                                              published: str | None) -> None:
    html = (f'<html lang="en"><head><title>Loan approved</title></head><body><div class="toolbar">'
            f"{toolbar}</div><article><h1>Loan approved</h1><p>Author: Kofi Mensah</p><p>The "
            "committee met on Tuesday and discussed the budget in detail with officials.</p>"
            "</article></body></html>")
    got = _html_dates(html, "https://www.example.com.gh/news/a.html")
    check(got.published, published, "date" if published else None, "text" if published else None)


@pytest.mark.parametrize(("header", "published", "modified"), [
    # the site's banner (its navigation, no headline) shows today without a weekday
    ('<header class="header"><a class="logo" href="/">MILENIO</a><span class="fecha">14.03.2024'
     '</span><nav><a href="/politica">Política</a></nav></header>',
     ("2024-03-12T18:05:00", "second", "text"), ("2024-03-12T19:30:00", "second", "text")),
    # an article's own header, or one without the site's navigation, may hold its date
    ('<header class="article-header"><span class="fecha">14.03.2024</span><nav><a href="/">Inicio'
     "</a></nav></header>", ("2024-03-14", "date", "text"), (None, None, None)),
    ('<header class="header"><span class="fecha">14.03.2024</span></header>',
     ("2024-03-14", "date", "text"), (None, None, None)),
])
def test_the_site_banners_today_needs_no_weekday(header: str, published: tuple[str, str, str],
                                                 modified: tuple[str | None, ...]) -> None:
    html = (f'<html lang="es"><head><title>Tren llegará a Observatorio</title></head><body class="'
            f'article">{header}<main><article><h1>Tren llegará a Observatorio</h1><h2>La SICT '
            "confirmó que el tramo final estará listo antes de las elecciones</h2><div><span class"
            '="author">Alejandro Domínguez</span></div><div class="content-date"><span class="place'
            '">Ciudad de México /</span> <time>12.03.2024 18:05:00</time> <span class="updated">'
            'Actualizado: 12.03.2024 19:30:00</span></div><div class="media-container news"><p>El '
            "tramo Santa Fe-Observatorio del Tren Interurbano abrirá en abril, informó la "
            "Secretaría de Infraestructura.</p></div></article></main></body></html>")
    got = _html_dates(html, "https://www.example.com.mx/politica/tren-llegara-a-observatorio")
    check(got.published, *published)
    check(got.modified, *modified)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("vi", "Trước đó, ngày 25-12-2023, Bộ Giao thông vận tải đã đồng ý chủ trương mở rộng cao tốc"
     " lên 8-10 làn xe."),
    ("en", "Back then, on 25-12-2023, the transport ministry said the road would be widened, and"
     " that was it."),
])
def test_a_sentence_may_end_with_a_two_letter_word(lang: str, sentence: str) -> None:
    got = _html_dates(
        f'<html lang="{lang}"><head><title>Đường song hành</title></head><body><main><div class="'
        'detail-top"><div class="detail-time"><div>13/03/2024 05:30 GMT+7</div></div></div><h1>'
        'Đường song hành cao tốc Long Thành</h1><div class="detail-content"><p>Sở Giao thông vận '
        "tải TP.HCM vừa đề xuất xây dựng tuyến đường song hành dài khoảng 4,5km.</p><p>"
        f'{sentence}</p></div><div class="detail-author"><a class="name" href="/tac-gia/np.htm">'
        "NGỌC PHƯỢNG</a></div></main></body></html>",
        "https://www.example.vn/duong-song-hanh-20240313053012345.htm")
    check(got.published, "2024-03-13T05:30:00+07:00", "minute", "text")


@pytest.mark.parametrize("sentence", [
    "The report, published on May 15, 2015, found that the river had been polluted for years by"
    " the old plant upstream.",
    "Rust 1.0 发布于 2015 年 5 月 15 日。到今天已经快九年了，它连续八年被评为最受喜爱的语言。",
])
def test_a_labelled_date_in_a_sentence_about_another_thing_is_a_mention(sentence: str) -> None:
    got = _html_dates(
        "<html lang='en'><head><title>Report</title></head><body><article><h1>Report</h1><div "
        f"class='byline'>By Jane Roe · March 12, 2024</div><p>{sentence}</p><p>Some ordinary "
        "sentence about the local council budget and the people who came to the meeting.</p>"
        "</article></body></html>", "https://www.example.com/news/report")
    check(got.published, "2024-03-12", "date", "text")


def test_a_relative_stamp_in_a_date_element_beats_a_short_paragraph_date() -> None:
    html = ('<html lang="gu"><head><title>વરસાદ</title></head><body><main><h1>વરસાદ</h1><div>'
            '<span class="time">3 કલાક પહેલા</span></div><p>ગયા વર્ષે 20 માર્ચ 2023ના રોજ વરસાદ'
            " પડ્યો હતો.</p></main></body></html>")
    got = _html_dates(html, "https://www.example.com/local/gujarat/a", "Asia/Kolkata")
    check(got.published, "2024-03-14T11:30:00+05:30", "minute", "text")


@pytest.mark.parametrize(("lang", "line", "modified"), [
    # a label that is a link of its own (to the revision history) still labels its date
    ("en", '<a href="#history">Last updated</a> 13 March 2024, 08:10', "2024-03-13T08:10:00"),
    ("de", '<a href="/faq">Aktualisiert</a> am 13.03.2024, 08:10 Uhr', "2024-03-13T08:10:00"),
    ("no", "Sist oppdatert per 13. mars 2024 kl. 08.10", "2024-03-13T08:10:00"),  # "as of"
])
def test_update_labels_the_new_rules_leave_alone(lang: str, line: str, modified: str) -> None:
    got = _page_dates(lang, f'<p class="meta">Published 12 March 2024</p><p class="meta">{line}'
                      "</p><p>Text of the story follows here.</p>", "https://www.example.com/news/a")
    check(got.published, "2024-03-12", "date", "text")
    check(got.modified, modified, "minute", "text")


def test_malay_mac_after_a_malay_word_on_a_page_declared_english() -> None:
    got = _page_dates("en-US", "<p>Diterbitkan pada 12 Mac 2024</p><p>Kerajaan mengumumkan.</p>",
                      "https://www.example.my/berita/a")
    check(got.published, "2024-03-12", "date", "text")


@pytest.mark.parametrize("line", [
    "Reported by the newsroom staff on March 12, 2024.",
    "Escrito por la redacción el 12 de marzo de 2024.",
    "This article appeared in print on March 12, 2024.",
    "San Pedro de las Colonias, Coahuila, a 12 de marzo de 2024.",
])
def test_a_short_byline_ending_with_a_period_still_dates_the_page(line: str) -> None:
    got = _page_dates("en", f"<p>{line}</p><p>The food bank opened a new site.</p>",
                      "https://www.example.com/news/a")
    check(got.published, "2024-03-12", "date", "text")


@pytest.mark.parametrize("aside", [
    "<aside><ul><li>By Jane Doe</li><li>Published 12 March 2024</li></ul></aside>",
    '<aside class="story-details"><ul><li>Jane Doe, city desk</li><li><time>12 March 2024'
    "</time> in Local News</li></ul></aside>",
])
def test_a_details_aside_between_the_headline_and_the_article_is_read(aside: str) -> None:
    html = ('<html lang="en"><head><title>Bridge opens</title></head><body><main><h1>Bridge opens'
            f"</h1>{aside}<article><p>The bridge opened on Tuesday.</p></article></main></body></html>")
    got = _html_dates(html, "https://www.example.com/news/bridge")
    check(got.published, "2024-03-12", "date")


@pytest.mark.parametrize("kicker", [
    "<main><p>Thursday, March 14, 2024</p>",  # inside <main>: the article's own
    '<div class="dateline">Thursday, March 14, 2024</div><main>',  # named like a date
])
def test_a_dated_kicker_above_the_headline_is_no_header_today(kicker: str) -> None:
    html = (f'<html lang="en"><head><title>Loan approved</title></head><body>{kicker}<h1>Loan '
            "approved</h1><p>The committee met and discussed the budget in detail.</p></main>"
            "</body></html>")
    got = _html_dates(html, "https://www.example.com/news/a.html")
    check(got.published, "2024-03-14", "date", "text")


def test_a_relative_stamp_in_an_info_widget_gets_no_date_weight() -> None:
    got = _page_dates("en", '<p>March 13, 2024</p><p><span class="comment-info">12 comments, last 5'
                      " minutes ago</span></p><p>The council met.</p>",
                      "https://www.example.com/news/a")
    check(got.published, "2024-03-13", "date", "text")


@pytest.mark.parametrize(("byline", "published"), [
    ('<p class="date">12.03.2024, 22:41 Uhr</p>', "2024-03-12T22:41:00+01:00"),
    ('<p class="date">vor 3 Stunden</p>', "2024-03-14T07:00:00+01:00"),
])
def test_an_event_day_without_a_year_in_a_date_element_is_no_stamp(byline: str,
                                                                    published: str) -> None:
    html = ('<html lang="de"><head><title>Derby</title></head><body><article><h1>Derby</h1>'
            f'{byline}<p>Nächstes Spiel: <time>16.3. 15:30</time></p><p><span class="event-date">'
            "9.3. 19:30</span> Rathaus</p><p>Der Verein gewann.</p></article></body></html>")
    got = _html_dates(html, "https://www.example.de/sport/derby", "Europe/Berlin")
    check(got.published, published, "minute", "text")
    assert got.modified is None


def test_a_timetable_arrow_is_no_update() -> None:
    got = _page_dates("de", '<p class="date">12.03.2024, 10:12 Uhr</p><ul class="info"><li>ICE 571:'
                      " 12.03.2024, 18:05 → 20:41</li></ul><p>Die Bahn meldet Verspätungen.</p>",
                      "https://www.example.de/reise/bahn")
    check(got.published, "2024-03-12T10:12:00", "minute", "text")
    assert got.modified is not None and "20:41" not in got.modified.raw  # (the arrow's clock)


@pytest.mark.parametrize(("text", "context", "days"), [
    ("Marta 12, 2023", "en us", []),  # a name; "12. marta 2024" is Serbian
    ("12. marta 2024", "sr rs", [date(2024, 3, 12)]),
    ("ΝΟΕ 3 2022 έδρες", "el gr", []),  # a party's acronym
    ("12.03.2024 ΣΕΠ 12 2023 ψήφοι", "el gr", [date(2024, 3, 12)]),  # no year taken from a date
    ("साल 2023 मे 12 लोगों", "hi in", []),  # Hindi "में" misspelt, not Marathi May
    ("12 मे 2024", "mr in", [date(2024, 5, 12)]),
])
def test_month_words_that_are_other_words(text: str, context: str, days: list[date]) -> None:
    from scraper.extract.datetext import find_dates

    assert [p.day for p in find_dates(text, context=context)] == days


@pytest.mark.parametrize("text", ["الثلاثاء 12 مارس 2024، 10.50 مليون سهم",
                                  "12 March 2024, 10.50 points"])
def test_a_decimal_after_a_date_and_a_comma_is_no_clock(text: str) -> None:
    from scraper.extract.datetext import find_dates

    found = next(find_dates(text, context=""))
    assert (found.day, found.hour) == (date(2024, 3, 12), None)


def test_before_words_that_also_mean_before_need_the_phrase_to_end() -> None:
    from scraper.extract.datetext import find_relative

    now = datetime(2024, 3, 14, 12, 0)
    assert list(find_relative("prije 2 dana od izbora", now)) == []
    assert [w for w, _, _, _ in find_relative("Objavljeno prije 2 sata", now)] == [
        datetime(2024, 3, 14, 10, 0)]


@pytest.mark.parametrize(("body", "modified"), [
    ('<p class="is-last-update">12 marzo 2024 (modifica il 13 marzo 2024 | 07:12)</p>',
     "2024-03-13T07:12:00"),  # a box named for its update holds the publish date too
    ("<p>12 Μαρτίου 2024, 18:05 | ΤΕΛΕΥΤΑΙΑ ΕΝΗΜΕΡΩΣΗ: 19:40</p>", "2024-03-12T19:40:00"),
])
def test_an_update_beside_its_publish_date(body: str, modified: str) -> None:
    got = _page_dates("it", f"{body}<p>Il consiglio ha approvato il piano.</p>",
                      "https://www.example.it/cronaca/24_marzo_12/piano.shtml")
    assert got.published is not None and got.published.local.startswith("2024-03-12")
    check(got.modified, modified, "minute", "text")


def test_a_structured_midnight_beside_a_timed_byline_of_that_day() -> None:
    """A CMS's date-only field stored as local midnight: the byline's time, in its offset."""
    html = ('<html lang="de"><head><title>Rat</title><script type="application/ld+json">{"@type": '
            '"NewsArticle", "headline": "Rat", "datePublished": "2024-03-12T00:00:00+01:00"}'
            '</script></head><body><article><h1>Rat</h1><p class="date">12.03.2024, 18:05 Uhr</p>'
            "<p>Der Rat tagte.</p></article></body></html>")
    got = _html_dates(html, "https://www.example.de/koeln/rat-123")
    check(got.published, "2024-03-12T18:05:00+01:00", "minute", "text")


@pytest.mark.parametrize(("clock", "published"), [
    ('<div class="time">18:05</div>', "2024-03-05T18:05:00"),  # a time element of its own
    ('<time class="timestamp">6:05 PM MYT</time>', "2024-03-05T18:05:00+08:00"),
    ('<div class="video-duration">3:45</div>', "2024-03-05"),  # not the date's time
    ('<div class="entry-time">21:40</div>', "2024-03-05"),
])
def test_a_clock_in_the_block_after_a_date(clock: str, published: str) -> None:
    got = _page_dates("en", f'<p class="date">Tuesday, 05 Mar 2024</p>{clock}<p>The minister '
                      "spoke to reporters on Tuesday.</p><p>More text follows here.</p>",
                      "https://www.example.com.my/news/nation/x")
    check(got.published, published)


def test_a_date_in_a_short_japanese_sentence_is_a_mention() -> None:
    html = ('<html lang="ja"><head><title>市電の新路線</title></head><body><article><h1>市電の新路線'
            '</h1><p class="date">3/12(火) 18:05</p><p>市電のループ化は2015年12月20日に完成しています。'
            "</p><p>市は新たな路線の計画を発表した。</p></article></body></html>")
    got = _html_dates(html, "https://www.example.jp/news/a", "Asia/Tokyo")
    check(got.published, "2024-03-12T18:05:00+09:00", "minute", "text")


def test_a_mention_years_before_the_urls_day_yields_to_a_date_of_that_day() -> None:
    html = ('<html lang="ru"><head><title>Выборы</title></head><body><div class="article__header">'
            '<div class="article__info-date"><a href="/20240312/">18:05 12.03.2024</a></div>'
            '<h1>Выборы</h1></div><div class="article__text">Предыдущие выборы состоялись 18 марта '
            "2018 года.</div><div class=\"article__text\">ЦИК подвел итоги.</div></body></html>")
    got = _html_dates(html, "https://www.example.ru/20240312/vybory-1932345678.html")
    check(got.published, "2024-03-12T18:05:00", "minute", "text")


# pages of one pattern each: the published and modified values they must give
PAGE_PATTERNS = [
    pytest.param(
        "en",
        '<p class="date">Published March 12, 2024 6:05 PM EDT</p>'
        "<p>The council approved the plan.</p><div class=\"read-next\"><p>"
        '<a href="/a">Bus timetable: route map updated</a> <span>March 13</span>'
        "</p></div>",
        "https://www.example.com/news/transit-plan", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00-04:00", "minute", "text"),
        None,
        id="teaser-link-word"),
    pytest.param(
        "ja",
        '<p class="date">2024年3月12日 18時05分</p><p>市議会は計画を可決した。</p>'
        '<section><h2>注目の記事</h2><ul><li><a href="/a/1">予算審議が再び停滞</a>'
        " <span>3/13 08:00更新</span></li></ul></section>",
        "https://www.example.jp/articles/ASS3C5XYZ", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="japanese-featured-list"),
    pytest.param(
        "en",
        '<div class="meta"><time datetime="2024-03-12T18:05:00-05:00">Mar 12,'
        ' 2024</time> <time datetime="2024-03-13T07:12:00-05:00">Updated Mar 13, 2024'
        "</time></div><p>The city council met on Tuesday night.</p>",
        "https://www.example.com/news/local/article_0a1b.html", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00-05:00", "second", "time"),
        ("2024-03-13T07:12:00-05:00", "second", "time"),
        id="label-inside-time"),
    pytest.param(
        "sw",
        '<div class="tarehe"><span>Imechapishwa: Machi 12, 2024</span> '
        "<span>Imesasishwa: Machi 13, 2024</span></div><p>Wakulima walalamika.</p>",
        "https://www.example.co.ke/habari/a", FETCHED_MARCH_14,
        ("2024-03-12", "date", "text"),
        ("2024-03-13", "date", "text"),
        id="swahili-labels"),
    pytest.param(
        "sr",
        '<div class="date">уторак, 24. окт 2023, 18:05 -> 20:41</div><p>Текст.'
        "</p>",
        "https://www.example.rs/ci/story/1/politika/5301234/vest.html", "2023-10-25T09:00:00+00:00",
        ("2023-10-24T18:05:00", "minute", "text"),
        ("2023-10-24T20:41:00", "minute", "text"),
        id="arrow-to-update-clock"),
    pytest.param(
        "fr",
        '<span class="metas"><span class="pub-date"><time datetime="2024-03-12T'
        '18:05:22+01:00">Publié le 12/03/2024 à 18:05</time></span><span class="maj">'
        '<time datetime="2024-03-12T20:11:40+01:00">, mis à jour le 12/03/2024 à 20:11'
        "</time></span></span><p>Le gouvernement a présenté son plan.</p>",
        "https://www.example.fr/politique/plan-20240312", FETCHED_MARCH_14,
        ("2024-03-12T18:05:22+01:00", "second", "time"),
        ("2024-03-12T20:11:40+01:00", "second", "time"),
        id="own-label-beats-parent"),
    pytest.param(
        "en",
        '<p class="byline-section"><span class="article-timestamp"><span>Published:</span>'
        ' <time datetime="2024-03-12T18:05:22+0000">18:05 GMT, 12 March 2024</time></span> |'
        ' <span class="article-timestamp"><span>Updated:</span> <time datetime="2024-03-12T'
        '20:11:40+0000">20:11 GMT, 12 March 2024</time></span></p><p>Ministers met.</p>',
        "https://www.example.co.uk/news/article-13193711/ministers.html", FETCHED_MARCH_14,
        ("2024-03-12T18:05:22+00:00", "second", "time"),
        ("2024-03-12T20:11:40+00:00", "second", "time"),
        id="time-datetime-to-the-second"),
    pytest.param(
        "en",
        '<p class="date">March 13, 2024 — 7:12pm</p><p class="updated">Updated: March 13, 2024'
        ' — 8:30pm</p><p>The council voted on the harbour plan.</p><script id="__NEXT_DATA__"'
        ' type="application/json">{"props":{"pageProps":{"article":{"publishedAt":'
        '"2024-03-13T08:12:00.000Z"}}}}</script>',
        "https://www.example.com.au/news/2024/03/13/harbour-plan", FETCHED_MARCH_14,
        ("2024-03-13T19:12:00+11:00", "minute", "text"),
        ("2024-03-13T20:30:00+11:00", "minute", "text"),
        id="inline-state-instant-lends-offset"),
    pytest.param(
        # "4 hours ago" is a moment in the hour before 05:00 UTC: the app state's Unix time in
        # that hour is the same moment, to the second
        "sv",
        '<p class="byline">4 timmar sedan</p><p>Riksbanken väntas sänka räntan i maj.</p><script '
        'id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"article":{'
        '"published":1710390900000}}}}</script>',
        "https://www.example.se/riksbanken-vantas-sanka-rantan/a/Qw7nLp", FETCHED_MARCH_14,
        ("2024-03-14T04:35:00+00:00", "second", "meta"), None,
        id="app-state-time-refines-hours-ago"),
    pytest.param(
        # a headless WordPress's GMT stamp beside a day printed "12/MAR/2024"
        "en",
        '<p class="author-block"><a href="/author/a">Aniket Deshmane</a> <span class="date">'
        '12/MAR/2024</span></p><p>Farmers in Solapur watch the tankers.</p><script id="__NEXT_'
        'DATA__" type="application/json">{"props":{"pageProps":{"article":{"post_date_gmt":'
        '"2024-03-12T12:50:11.000Z"}}}}</script>',
        "https://www.example.in/agriculture/sugar-belt-water", FETCHED_MARCH_14,
        ("2024-03-12T12:50:11+00:00", "second", "meta"), None,
        id="headless-wordpress-gmt-state"),
    pytest.param(
        # ... whose "_gmt" value written without a zone is UTC all the same
        "en",
        '<p class="author-block"><a href="/author/a">Aniket Deshmane</a></p><p>Farmers in '
        'Solapur watch the tankers.</p><script id="__NEXT_DATA__" type="application/json">{"props":'
        '{"pageProps":{"post":{"post_date":"2024-03-12 23:35:00","post_date_gmt":"2024-03-12 '
        '18:05:00"}}}}</script>',
        "https://www.example.in/agriculture/sugar-belt-water", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00+00:00", "second", "meta"), None,
        id="headless-wordpress-gmt-state-without-zone"),
    pytest.param(
        # an aggregator's state that dates only the related stories: no date of the page's
        "en",
        '<p class="source">The Statesman</p><p>Chennai airport suspended operations.</p><script>'
        'window.__INITIAL_STATE__={"story":{"id":"n562198734","title":"Cyclone Michaung"},'
        '"related":[{"id":"n562144210","title":"Landfall near Bapatla","publishTime":'
        '1710393300000}]};</script>',
        "https://m.example.in/news/india/english/cyclone-michaung-newsid-n562198734",
        FETCHED_MARCH_14, None, None, id="app-state-dates-of-related-stories-only"),
    pytest.param(
        # Nuxt's payload is a JavaScript object (bare keys): its UTC publication of the evening
        # before gives the byline's zone-less "3/14(木) 8:05" its +09:00
        "ja",
        '<p class="source">日テレNEWS NNN</p><time class="article__time">3/14(木) 8:05</time>'
        '<p>新紙幣の発行まで3週間となった。</p><script>window.__NUXT__={layout:"default",data:[{'
        'article:{id:"k3m9x2",publisher:{name:"日テレNEWS NNN"},publishedAt:"2024-03-13T23:05:00'
        '.000Z"},related:[{id:"p8r2w5",publishedAt:"2024-03-11T10:40:00.000Z"}]}]};</script>',
        "https://news.example.jp/article/k3m9x2", FETCHED_MARCH_14,
        ("2024-03-14T08:05:00+09:00", "minute", "text"), None, id="nuxt-payload-bare-keys"),
    pytest.param(
        "en",
        '<p class="byline">Posted: Mar 9, 2024 / 06:05 PM EST</p><p class="updated">Updated: '
        "Mar 10, 2024 / 11:40 AM</p><p>The storm moved east overnight.</p>",
        "https://www.example.com/news/storm-moves-east/", FETCHED_MARCH_14,
        ("2024-03-09T18:05:00-05:00", "minute", "text"),
        ("2024-03-10T11:40:00-04:00", "minute", "text"),
        id="update-in-the-publish-line-zone"),
    pytest.param(
        "nl",
        '<div class="post status-publish hentry"><div class="post-content"><p>De oude toestellen'
        " waren sinds 2021 afgekeurd. Na een inspraakavond op 14 november 2022 mochten kinderen"
        ' meedenken.</p></div><div class="fusion-meta-info">Door <span class="vcard"><span'
        ' class="fn">Redactie</span></span> | <span class="updated rich-snippet-hidden">2024-03-'
        "13T10:15:31+01:00</span><span>12 maart 2024</span></div></div>",
        "https://www.example.nl/nieuws/nieuwe-speeltuin-geopend/", FETCHED_MARCH_14,
        ("2024-03-12", "date", "text"),
        ("2024-03-13T10:15:31+01:00", "second", "text"),
        id="hidden-hatom-update-and-wordpress-post-state"),
    pytest.param(
        "pt",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2024-03-11T21:30:00+00:00", "dateModified": "2024-03-13T10:02:00+00:00"}</script>'
        '<div class="td-post-date"><time class="entry-date updated td-module-date" datetime='
        '"2024-03-13T10:02:00+00:00">13 Março, 2024</time></div><p>A ponte vai estar'
        " condicionada.</p>",
        "https://www.example.pt/regiao/ponte-condicionada/", FETCHED_MARCH_14,
        ("2024-03-11T21:30:00+00:00", "second", "jsonld"),
        ("2024-03-13T10:02:00+00:00", "second", "jsonld"),
        id="byline-shows-the-modified-stamp"),
    pytest.param(
        "en",
        '<div about="/news/town-meeting-results" typeof="sioc:Item foaf:Document"><div class="'
        'submitted"><span property="dc:date dc:created" content="2024-03-12T18:05:00-04:00" '
        'datatype="xsd:dateTime">Submitted by <span class="username">clerk</span> on Tue, '
        "03/12/2024 - 18:05</span></div><p>The town meeting approved the budget.</p></div>"
        '<div class="view-series"><div about="/news/budget-hearing" typeof="sioc:Item foaf:'
        'Document"><h2><a href="/news/budget-hearing">Budget hearing</a></h2><span property="dc:'
        'date dc:created" content="2024-03-13T09:00:00-04:00"></span></div></div>',
        "https://www.example.gov/news/town-meeting-results", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00-04:00", "second", "microdata"),
        None,
        id="drupal-rdfa-created"),
    pytest.param(
        "en",
        '<p>The town meeting approved the budget.</p><div class="view-series"><div about="/news/'
        'budget-hearing" typeof="sioc:Item foaf:Document"><h2><a href="/news/budget-hearing">'
        'Budget hearing</a></h2><span property="dc:date dc:created" content="2024-02-20T09:00:'
        '00-05:00"></span></div></div>',
        "https://www.example.gov/news/town-meeting-results", FETCHED_MARCH_14,
        None,
        None,
        id="rdfa-of-another-node"),
    pytest.param(
        "en",
        '<div class="meta"><span class="post-date">March 12, 2024</span><span class="updated '
        'hidden">2024-03-12T18:05:00-04:00</span></div><p>The town meeting approved the budget.'
        '</p><div class="meta-item date-modified"><time class="updated" datetime="2024-03-13T09:'
        '12:00-04:00">March 13, 2024</time></div>',
        "https://www.example.com/news/town-meeting-results", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00-04:00", "second", "text"),
        ("2024-03-13T09:12:00-04:00", "second", "time"),
        id="hidden-hatom-stamp-of-the-publish-day"),
    pytest.param(
        "it",
        "<p>Dal prossimo lunedì la biblioteca comunale cambia orario.</p><div class="
        '"wp-block-group"><h2 class="wp-block-heading">Ultimi articoli</h2><ul class="wp-block-'
        'latest-posts__list has-dates"><li><a href="/2024/03/13/sagra/">Torna la sagra</a><time'
        ' datetime="2024-03-13T11:00:00+01:00">13 Marzo 2024</time></li></ul></div>',
        "https://www.example.it/2024/03/12/nuovo-orario-della-biblioteca/", FETCHED_MARCH_14,
        ("2024-03-12", "date", "url"),
        None,
        id="recent-posts-widget-in-italian"),
    pytest.param(
        "ar",
        '<div class="jeg_meta_date"><a href="#">الثلاثاء، ١٢ مارس ٢٠٢٤ ٠٦:٠٥ م</a></div><p>تفقد'
        ' المحافظ أعمال التطوير.</p><div class="jnews_related_post_container"><div class="jeg_bl'
        'ock_heading"><h3><span>أخبار ذات صلة</span></h3></div><div class="jeg_posts"><div><h3>'
        '<a href="/news/2024/3/13/31902">رفع مخلفات</a></h3><div class="jeg_meta_date"><a href="#">'
        "الأربعاء، ١٣ مارس ٢٠٢٤ ١١:٢٠ ص</a></div></div><div><h3><a href=\"/news/2024/3/7/31700\">"
        'افتتاح معرض</a></h3><div class="jeg_meta_date"><a href="#">الخميس، ٠٧ مارس ٢٠٢٤ ٠٢:٠٠ م'
        "</a></div></div></div></div>",
        "https://www.example.com/news/2024/3/12/31877", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="arabic-related-news-heading"),
    pytest.param(
        "ar",
        '<p class="date">الثلاثاء 12 آذار / مارس 2024. 06:05 مساءً</p><p>قال الوزير إن الخطة'
        " ستنفذ.</p>",
        "https://www.example.jo/article/825076", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="levantine-and-egyptian-month-names"),
    pytest.param(
        "pl",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2024-03-13T14:22:00+01:00"}</script><div class="info"><span>13.03.2024, 14:22</span> |'
        " <span>Aktualizacja: 13.03.2024, 16:05</span></div><p>Rząd przyjął projekt ustawy.</p>",
        "https://www.example.pl/polityka/76312345/projekt-ustawy", FETCHED_MARCH_14,
        ("2024-03-13T14:22:00+01:00", "second", "jsonld"),
        ("2024-03-13T16:05:00+01:00", "minute", "text"),
        id="update-clock-in-the-zone-the-page-shows"),
    pytest.param(
        "en",
        '<div class="entry-content"><p>The council met on Tuesday to debate the new budget for'
        " the coming year.</p><h2>Correlation, not causation</h2><p>Analysts disagree about the"
        ' causes of the deficit.</p><p class="post-meta">Posted March 12, 2024 · Updated March'
        " 13, 2024 at 4:10 pm</p></div>",
        "https://www.example.com/blog/correlation", FETCHED_MARCH_14,
        ("2024-03-12", "date", "text"),
        ("2024-03-13T16:10:00", "minute", "text"),
        id="a-heading-that-starts-like-a-box-title"),
    pytest.param(
        "ru",
        '<p class="byline">Текст: Сергей Орлов, редактировал Павел Зуев, 12 марта 2024, 18:05'
        "</p><p>Мост закрыт на ремонт.</p>",
        "https://www.example.ru/2024/03/12/most/", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="an-editors-credit-is-no-update"),
    pytest.param(
        "de",
        '<p class="date">12.03.2024, 18:05 Uhr</p><p>Der Stadtrat tagte.</p><script>window.'
        'dataLayer = [{"publishDate": "2024-03-12T18:05:00Z"}];</script>',
        "https://www.example.de/lokales/stadtrat-tagte-123456", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="inline-state-local-time-marked-z"),
    pytest.param(
        "en",
        '<p class="date">March 9, 2024, 11:30 PM</p><p class="updated">Updated March 10, 2024, '
        '8:15 PM</p><p>The storm moved east.</p><script id="__NEXT_DATA__" type="application/json">'
        '{"props":{"article":{"publishedAt":"2024-03-10T04:30:00.000Z"}}}</script>',
        "https://www.example.com/news/storm-moves-east", FETCHED_MARCH_14,
        ("2024-03-09T23:30:00-05:00", "minute", "text"),
        ("2024-03-10T20:15:00", "minute", "text"),
        id="no-offset-carried-across-a-dst-switch"),
    pytest.param(
        "hi",
        '<nav class="pst-by"><ul><li>Written by: राहुल शर्मा</li><li><span>अपडेटेड: मार्च 12,'
        ' 2024 6:05 pm IST</span></li></ul></nav><p>चुनाव आयोग ने मंगलवार को कहा कि तारीखों का'
        " ऐलान जल्द किया जाएगा।</p>",
        "https://www.example.in/india/lok-sabha-chunav-2024-5201234", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00+05:30", "minute", "text"),
        None,
        id="a-byline-list-marked-up-as-nav"),
    pytest.param(
        "ru",
        '<span class="news-date-time">12.03.2024 18:05</span><p>Гордума утвердила проект'
        ' набережной.</p><div class="news-list"><h3>Другие новости</h3><p class="news-item"><span'
        ' class="news-date-time">13.03.2024 21:40</span><a href="/a1/">Открылся парк</a></p><p '
        'class="news-item"><span class="news-date-time">13.03.2024 10:15</span><a href="/a2/">'
        "Ремонт дорог</a></p></div>",
        "https://www.example.ru/news/gorduma-naberezhnaya/", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="other-news-box"),
    pytest.param(
        "en",
        '<p class="byline">Published 25 March 2023, 22:00 GMT</p><p class="updated">Updated 26 '
        "March 2023, 11:00</p><p>Clocks went forward overnight.</p>",
        "https://www.example.co.uk/news/clocks-forward", "2023-03-27T09:00:00+00:00",
        ("2023-03-25T22:00:00+00:00", "minute", "text"),
        ("2023-03-26T11:00:00", "minute", "text"),
        id="a-zone-less-update-whole-hours-later-is-an-update"),
    pytest.param(
        "en",
        "<p>A fire on 2 January 2020 burned much of the surrounding bushland, and the trail"
        " closed for months while rangers rebuilt the bridges.</p><p>On 14 June 2016, a storm"
        " toppled the old lookout tower near the summit and the path was moved east.</p>",
        "https://www.example.com/places/bushland-trail", FETCHED_MARCH_14,
        None,
        None,
        id="early-dates-in-sentences-date-no-page"),
    pytest.param(
        "en",
        "<p>Claims filed after Jan. 1, 2023 are handled by the Law Department and take about six"
        " weeks.</p><p>The man was reported missing last year. The park reopened on March 1,"
        " 2023 after repairs to the boardwalk and the old pier.</p>",
        "https://www.example.com/explainers/how-to-file-a-claim", FETCHED_MARCH_14,
        None,
        None,
        id="a-stamp-verb-of-another-sentence-or-before-a-span-word"),
    pytest.param(
        "en",
        "<p>This story was filed on March 1, 2023 by the city desk and checked by the editors.</p>"
        "<p>The park reopened after repairs to the boardwalk and the old pier last winter.</p>",
        "https://www.example.com/local/park-reopens", FETCHED_MARCH_14,
        ("2023-03-01", "date", "text"),
        None,
        id="a-stamp-verb-in-the-dates-own-sentence"),
    pytest.param(
        "en",
        "<p>The city will hold a public information session on the new bus routes.</p><p>The "
        "session is scheduled for March 21 at 6 p.m. at the Eastside Community Center, and the"
        " full proposal is posted on the city's website.</p>",
        "https://www.example.com/local/bus-routes", FETCHED_MARCH_14,
        None,
        None,
        id="a-coming-day-without-a-year-in-a-sentence-is-no-last-years-stamp"),
    pytest.param(
        "en",
        "<p>The shop has been closed for a while and will reopen soon with new stock.</p><p>The "
        "next shop update is planned for April 6, with new prints and a few restocked items.</p>",
        "https://www.example.com/post/741234/shop-news", FETCHED_MARCH_14,
        None,
        None,
        id="a-coming-day-after-an-update-word-in-a-sentence"),
    pytest.param(
        "he",
        "<p>הבחירות המקומיות נערכו לפני שבוע, והתוצאות הסופיות פורסמו רק אתמול בערב.</p>",
        "https://www.example.co.il/news/2024/03/12/elections-results", FETCHED_MARCH_14,
        ("2024-03-12", "date", "url"),
        None,
        id="a-units-word-alone-in-a-sentence-is-no-stamp"),
    pytest.param(
        "en",
        "<p>Published by Prof. Mark Lee on March 12, 2024 at 6:05 pm for the science desk of the"
        " Gazette.</p><p>The telescope found the comet's tail longer than any measured before.</p>",
        "https://www.example.com/science/comet-tail", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="a-sentence-goes-on-after-an-honorifics-stop"),
    pytest.param(
        "zh",
        "<p>本报记者王明、李华综合报道，发布于2024年3月12日 18:05，来源：人民日报客户端。</p><p>国家统计局"
        "今天发布的数据显示，工业增加值同比增长7%。</p>",
        "https://www.example.cn/n1/content_30012345.html", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="a-papers-own-info-line-is-about-the-page"),
    pytest.param(
        "en",
        '<p class="meta">Published: 12 March 2023</p><p class="meta">Updated: 13th March</p><p>The '
        "council met again on Monday to discuss the budget.</p>",
        "https://www.example.co.uk/news/2023/03/12/council-budget/", FETCHED_MARCH_14,
        ("2023-03-12", "date", "text"),
        ("2023-03-13", "date", "text"),
        id="a-day-without-a-year-is-of-the-urls-year"),
    pytest.param(
        "fr",
        '<p class="meta__date">Publié aujourd’hui à 06h12, modifié à 09h55</p><p>Suivez les '
        "dernières informations sur la grève des contrôleurs aériens.</p>",
        "https://www.example.fr/international/live/2024/03/14/greve_6217.html",
        "2024-03-14T10:00:00+00:00",
        ("2024-03-14T06:12:00", "minute", "text"),
        ("2024-03-14T09:55:00", "minute", "text"),
        id="an-update-clock-after-a-relative-day"),
    pytest.param(
        "en",
        '<div class="GameInfo">Reale Arena, San Sebastián · 3:00 PM, March 5, 2024</div><div class='
        '"Byline"><div>Julien Laurens</div><span class="timestamp">Mar 5, 2024, 05:55 PM ET</span>'
        "</div><p>Kylian Mbappé scored twice as Paris Saint-Germain beat Real Sociedad.</p>",
        "https://www.example.com/soccer/report/_/gameId/692611", "2024-03-06T10:00:00+00:00",
        ("2024-03-05T17:55:00-05:00", "minute", "text"),
        None,
        id="a-games-kick-off-is-no-stamp"),
    pytest.param(
        "de",
        "<p>Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit mit dem"
        " Welternährungsprogramm stand im Mittelpunkt eines Gesprächs der Ministerin.</p>",
        "https://www.example.de/de/aktuelles/zusammenarbeit-wfp", FETCHED_MARCH_14,
        ("2022-01-25", "date", "text"),
        None,
        id="a-press-releases-dateline-in-its-first-sentence"),
    pytest.param(
        "en",
        '<div>Posted <time datetime="2024-03-12T18:02:00.000Z">Wed 13 Mar 2024 at 5:02am</time>'
        "</div><p>The federal government's cap on gas prices should be extended.</p>",
        "https://www.example.net.au/news/2024-03-13/gas-price-cap/103575122", FETCHED_MARCH_14,
        ("2024-03-13T05:02:00+11:00", "second", "time"),
        None,
        id="the-urls-day-in-the-pages-own-clock"),
    pytest.param(
        "de",
        '<time datetime="2024-03-12 16:58:00">12. März 2024, 17:58 Uhr</time><p>Maurizio Pollini'
        " ist in Mailand gestorben.</p>",
        "https://www.example.de/kultur/nachruf-pollini-1.6432109", FETCHED_MARCH_14,
        ("2024-03-12T17:58:00", "minute", "text"),
        None,
        id="a-zone-less-time-datetime-in-utc"),
    pytest.param(
        "en",
        "<p>New Delhi, March 12, 2024: Acme Motors today announced the launch of its new electric"
        " SUV for the Indian market.</p>",
        "https://www.example.com/press/acme-launches-electric-suv", FETCHED_MARCH_14,
        ("2024-03-12", "date", "text"),
        None,
        id="a-place-before-a-press-releases-date"),
    pytest.param(
        "de",
        '<time datetime="2024-03-12T10:00:00">12.03.2024</time><div class="event-box"><p>Beginn:'
        " 12.03.2024, 19:00 Uhr</p></div><p>Das Konzert findet im Stadtpark statt.</p>",
        "https://www.example.de/kultur/konzert-im-stadtpark-123", FETCHED_MARCH_14,
        ("2024-03-12T10:00:00", "second", "time"),
        None,
        id="a-zone-less-time-beside-an-events-clock"),
    pytest.param(
        "de",
        '<p class="date">12.03.2024, 18:05 Uhr</p><p>Der Stadtrat tagte.</p><p class="last-updated">'
        "Zuletzt aktualisiert: 12.03.2024, 17:05 UTC</p>",
        "https://www.example.de/lokales/stadtrat-123456", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00", "minute", "text"),
        None,
        id="an-update-in-utc-of-the-publish-moment"),
    pytest.param(
        "en",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2024-03-12T10:15:00-05:00"}</script><p class="byline">Posted: 6:05 PM CDT Tuesday, Mar.'
        " 12, 2024</p><p>City council approved the budget.</p>",
        "https://www.example.com/local/2024/03/12/council-budget", FETCHED_MARCH_14,
        ("2024-03-12T18:05:00-05:00", "minute", "text"),
        None,
        id="a-zoned-byline-hours-from-the-structured-stamp"),
    pytest.param(
        "en",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2024-03-12T16:48:41Z"}</script><p class="byline">9:53 am PDT, Tuesday, March 12, 2024'
        "</p><p>City council approved the budget.</p>",
        "https://www.example.com/news/council-budget/", FETCHED_MARCH_14,
        ("2024-03-12T16:48:41+00:00", "second", "jsonld"),
        None,
        id="a-zoned-byline-minutes-from-the-structured-stamp"),
    pytest.param(
        "en",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2024-03-12T16:05:00Z"}</script><p class="byline">Published: March 12, 2024, 6:05 pm IST'
        "</p><p>The cabinet met in Jerusalem.</p>",
        "https://www.example.com/israel-news/cabinet-meets", FETCHED_MARCH_14,
        ("2024-03-12T16:05:00+00:00", "second", "jsonld"),
        None,
        id="an-ambiguous-zone-keeps-the-structured-stamp"),
]


@pytest.mark.parametrize(("lang", "body", "url", "fetched_at", "published", "modified"),
                         PAGE_PATTERNS)
def test_page_patterns(lang: str, body: str, url: str, fetched_at: str,
                       published: tuple[str, str, str] | None,
                       modified: tuple[str, str, str] | None) -> None:
    got = _page_dates(lang, body, url, fetched_at)
    if published is None:
        assert got.published is None
    else:
        check(got.published, *published)
    if modified is None:
        assert got.modified is None
    else:
        check(got.modified, *modified)


def test_a_top_bar_date_named_as_such_is_todays_not_a_relative_bylines() -> None:
    # 03:00 in Mexico City: "5 hours ago" is yesterday, the bar's date is today's
    got = _html_dates(
        '<html lang="es-MX"><head><title>Cierran bulevar por obras</title></head><body><div class='
        '"jeg_topbar"><div class="jeg_top_date">jueves, marzo 14, 2024</div></div><div class="entr'
        'y-header"><h1>Cierran bulevar por obras</h1><div class="jeg_post_meta"><div class="jeg_me'
        'ta_author">por <a href="/author/fernanda/">Fernanda Ríos</a></div><div class="jeg_meta_da'
        'te"><a href="#">hace 5 horas</a></div></div></div><div class="entry-content"><p>A partir '
        "de esta noche quedará cerrado el bulevar en su cruce con el bulevar Delta.</p></div>"
        "</body></html>",
        "https://www.example.mx/leon/cierran-bulevar/", timezone="America/Mexico_City")
    check(got.published, "2024-03-13T22:00:00-06:00", "minute", "text")


def test_a_weekday_date_in_the_headlines_own_box_is_the_storys() -> None:
    # no <article> or <main>: the day above the headline, in the headline's box, is its date
    html = ("<html lang='sv'><body><header><a href='/'>Tidningen</a><nav><a href='/n'>Nyheter"
            "</a></nav></header><div class='sida'><span>torsdag 14 mars 2024</span><h1>Ny bro "
            f"invigs</h1>{_PROSE}</div></body></html>")
    check(_html_dates(html, "https://www.example.se/nyheter/ny-bro").published, "2024-03-14",
          "date", "text")


@pytest.mark.parametrize(("lang", "today"), [
    ("lv", "Ceturtdiena, 2024. gada 14. marts"),
    ("fi", "Torstai 14.3.2024"),
    ("nl", "donderdag 14 maart 2024"),
    ("el", "Πέμπτη, 14 Μαρτίου 2024"),
    ("ro", "Joi, 14 martie 2024"),
    ("da", "torsdag den 14. marts 2024"),
    ("sr", "Четвртак, 14. март 2024."),
    ("id", "Kamis, 14 Maret 2024"),
])
def test_a_top_strips_today_in_more_languages(lang: str, today: str) -> None:
    # a bar named "top-strip" above the site header; the story itself shows no date
    html = (f'<html lang="{lang}"><body><div class="top-strip"><span class="top-strip__date">'
            f'{today}</span><span class="top-strip__weather">+4 °C</span></div><header>'
            '<a href="/" class="logo">Avīze</a><nav><a href="/zinas">Ziņas</a></nav></header>'
            f"<main><h1>Kalna ielas pārbūve</h1>{_PROSE}</main></body></html>")
    assert _html_dates(html, f"https://www.example.{lang}/zinas/kalna-iela").published is None


@pytest.mark.parametrize("header", [
    '<div class="story-header"><span class="story-header-date">Thursday, March 14, 2024</span>'
    "<h1>Storm closes schools</h1></div>",
    '<div class="lead-in"><p class="dateline is-today">Thursday, March 14, 2024</p></div>'
    "<h1>Storm closes schools</h1>",
])
def test_an_articles_own_date_named_for_today_is_its_date(header: str) -> None:
    got = _html_dates(
        f'<html lang="en"><head><title>Storm closes schools</title></head><body>{header}<p>'
        "Schools across the county closed on Thursday as the storm moved in from the coast.</p>"
        "</body></html>", "https://www.example.com/news/storm-closes-schools")
    check(got.published, "2024-03-14", "date", "text")


def test_an_unlabelled_zoned_byline_may_be_the_last_edit() -> None:
    got = _html_dates(
        '<html lang="en"><head><meta property="article:published_time" content="2024-03-12T10:'
        '15:00-05:00"><title>Council approves budget</title></head><body><article><h1>Council'
        ' approves budget</h1><span class="date">6:05 PM CDT March 12, 2024</span><p>The city'
        " council approved the budget on Tuesday after a long debate.</p></article></body></html>",
        "https://www.example.com/local/council-approves-budget")
    check(got.published, "2024-03-12T10:15:00-05:00", "second", "meta")


@pytest.mark.parametrize(("html", "url", "timezone", "published", "modified"), [
    pytest.param(
        '<html lang="uk"><head><title>У Житомирі відновлять трамвайну лінію</title></head><body>'
        '<div class="full-story"><h1>У Житомирі відновлять трамвайну лінію</h1><div class="fs-me'
        'ta"><span class="fs-date">12-03-2024, 18:05</span></div><div class="fs-text"><p>Житомирсь'
        "ке трамвайно-тролейбусне управління розпочинає відновлення трамвайної лінії на вулиці"
        " Перемоги, рух якою припинено з листопада 2022 року."
        '</p></div><div class="fs-edit"><i>Новину відредагував: <b>admin</b> - 13-03-2024, 09:15'
        "</i><br><i>Причина: уточнено дату</i></div></div></body></html>",
        "https://www.example.com.ua/suspilstvo/8842-tramvay.html", "Europe/Kyiv",
        ("2024-03-12T18:05:00+02:00", "minute", "text"),
        ("2024-03-13T09:15:00+02:00", "minute", "text"),
        id="datalife-engine-edit-note"),
    pytest.param(
        # "<time>12h ago</time><span>12 hours ago</span>" reads "ago 12": Spanish "ago" is August
        '<html lang="en"><head><title>Evacuation orders lifted</title></head><body><article><h1>'
        'Evacuation orders lifted</h1><div class="ArticleTimestamp"><p><span>Posted </span><time>'
        "12h ago</time><span>12 hours ago</span>, <span>updated </span><time>3h ago</time><span>3"
        " hours ago</span></p></div><p>Severe storms swept the region.</p></article></body></html>",
        "https://www.example.net.au/news/2024-03-14/evacuation/103580000", "Australia/Sydney",
        ("2024-03-14T08:00:00+11:00", "minute", "text"),
        ("2024-03-14T17:00:00+11:00", "minute", "text"),
        id="english-ago-is-no-august"),
    pytest.param(
        # the URL's day is the draft's; the byline states the instant with its zone
        '<html lang="en"><head><script type="application/ld+json">{"@type": "NewsArticle", "dat'
        'ePublished": "2024-03-12T05:15:00Z"}</script><title>Overnight fire closes bakery</title>'
        '</head><body><article><h1>Overnight fire closes bakery</h1><div class="gnt_ar_dt">Publi'
        "shed 12:15 a.m. CT March 12, 2024</div><p>A fire broke out at the bakery late on Monday"
        " and crews worked through the night.</p></article></body></html>",
        "https://www.example.com/story/news/local/2024/03/11/overnight-fire-bakery/72912345007/",
        None, ("2024-03-12T05:15:00+00:00", "second", "jsonld"), (None, None, None),
        id="a-zoned-byline-keeps-a-utc-stamp-off-the-urls-draft-day"),
    pytest.param(
        # the full stamp is the <time>'s tooltip; a "Popular" box's times are other stories'
        '<html lang="ru"><head><title>Как мы выросли</title></head><body><div class="content-hea'
        'der"><a href="/u/1234567-oleg-smirnov">Олег Смирнов</a><time class="time" title="12.03.'
        '2024 12:44:21">12 марта</time><h1>Как мы выросли с 0 до 10 млн рублей</h1></div><div><p>'
        "Мы запустили магазин свечей ручной работы и первый месяц продали на 38 тысяч рублей.</p>"
        '</div><div class="feed"><h3>Популярное</h3><div class="feed__item"><a href="/story/1">'
        'Почему мы закрыли кофейню</a><time title="08.03.2024 12:08:08">8 марта</time></div></div>'
        "</body></html>",
        "https://www.example.ru/story/1111-kak-my-vyrosli", "Europe/Moscow",
        ("2024-03-12T12:44:21+03:00", "second", "time"), (None, None, None),
        id="a-time-elements-tooltip-holds-the-full-stamp"),
    pytest.param(
        # the stamp kept in a data attribute of the element that prints the date
        '<html lang="es"><head><title>Sube el paro</title></head><body><article><h1>Sube el paro'
        '</h1><div class="a_md_f"><a data-date="2024-03-12T18:05:22+01:00" href="#">12 mar 2024 -'
        ' 18:05 CET</a> <span>Actualizado: <a data-date="2024-03-12T20:11:40+01:00" href="#">12 '
        "mar 2024 - 20:11 CET</a></span></div><p>El paro registrado subió en febrero en 12.000 "
        "personas según los datos publicados hoy por el ministerio.</p></article></body></html>",
        "https://www.example.es/economia/2024-03-12/sube-el-paro.html", None,
        ("2024-03-12T18:05:22+01:00", "second", "time"),
        ("2024-03-12T20:11:40+01:00", "second", "time"),
        id="a-data-attribute-holds-the-stamp-to-the-second"),
    pytest.param(
        # a "timeago" element's tooltip holds the ISO stamp
        '<html lang="en"><head><title>Load-shedding</title></head><body><article><h1>Load-shed'
        'ding schedule revised</h1><div class="story__time"><span class="timeago" title="2024-03-'
        '13T22:45:07+05:00">March 13, 2024</span></div><p>The power distribution company revised'
        " the schedule for the city on Wednesday night.</p></article></body></html>",
        "https://www.example.com.pk/news/1820345/load-shedding-schedule-revised", None,
        ("2024-03-13T22:45:07+05:00", "second", "time"), (None, None, None),
        id="a-timeago-tooltip-holds-the-stamp"),
    pytest.param(
        # a UTC stamp on the day before the byline's zone-less clock, +05:30 away on an Indian
        # language's page: the publisher's day and offset
        '<html lang="ta"><head><meta property="article:published_time" content="2024-03-12T23:'
        '42:34.000Z"><title>மதுரை</title></head><body><article><h1>மதுரை எய்ம்ஸ் கட்டுமானம்</h1><div'
        '><span>Published on: </span><span>13 மார்ச் 2024, 5:12 am</span></div><p>மதுரை எய்ம்ஸ் '
        "மருத்துவமனை கட்டுமானப் பணிகள் ஏப்ரல் மாதம் தொடங்கும் என அதிகாரிகள் தெரிவித்தனர்.</p></article>"
        "</body></html>",
        "https://www.example.com/tamilnadu/2024/Mar/13/madurai-aiims", None,
        ("2024-03-13T05:12:34+05:30", "second", "meta"), (None, None, None),
        id="a-half-hour-offset-where-the-language-is-written"),
    pytest.param(
        # the same instant in the CMS's own zone (Madrid's) beside the edition's zoned byline
        '<html lang="es-AR"><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-13T02:30:00+01:00"}</script><title>Milei</title></head><body>'
        '<article><h1>Milei firma el decreto</h1><div class="a_md_f">12 mar 2024 - 22:30 ART</div>'
        "<p>El presidente firmó el decreto tras la reunión de gabinete en la Casa Rosada.</p>"
        "</article></body></html>",
        "https://www.example.com/argentina/2024-03-13/milei-firma-el-decreto.html", None,
        ("2024-03-12T22:30:00-03:00", "minute", "text"), (None, None, None),
        id="the-bylines-zone-over-the-cms-zone-for-one-instant"),
    pytest.param(
        # JSON-LD stamped at render time, published and modified alike: no update
        '<html lang="hi"><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-14T14:29:58+05:30", "dateModified": "2024-03-14T14:29:58+05:'
        '30"}</script><title>खबर</title></head><body><article><h1>चुनाव की तारीखों का एलान</h1><p '
        'class="date">Published at : 13 Mar 2024 08:41 PM (IST)</p><p>चुनाव आयोग ने आज लोकसभा '
        "चुनाव की तारीखों का एलान कर दिया है और सात चरणों में मतदान होगा।</p></article></body></html>",
        "https://www.example.com/news/india/election-dates-2612345", None,
        ("2024-03-13T20:41:00+05:30", "minute", "text"), (None, None, None),
        id="a-render-time-modified-stamp-is-no-update"),
    pytest.param(
        # a dateModified stamped at render time beside an earlier datePublished: no update ...
        '<html lang="en"><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-13T10:02:11Z", "dateModified": "2024-03-14T08:59:58Z"}'
        "</script><title>Remote workers</title></head><body><article><h1>Remote workers move "
        "back</h1><p>Remote workers are moving back to the big cities, new data from the census "
        "bureau show.</p></article></body></html>",
        "https://www.example.com/remote-workers-moving-back-2024-3", None,
        ("2024-03-13T10:02:11+00:00", "second", "jsonld"), (None, None, None),
        id="a-render-time-modified-stamp-alone-is-no-update"),
    pytest.param(
        # ... unless the page shows that moment as its update (a live blog's)
        '<html lang="en"><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-13T10:02:11Z", "dateModified": "2024-03-14T08:58:00Z"}'
        "</script><title>Live</title></head><body><article><h1>Storm live: latest updates</h1>"
        '<p class="updated">Updated <time datetime="2024-03-14T08:58:00Z">08:58 GMT</time></p>'
        "<p>The storm made landfall on the coast overnight, the weather service said.</p>"
        "</article></body></html>",
        "https://www.example.com/storm-live-2024-3", None,
        ("2024-03-13T10:02:11+00:00", "second", "jsonld"),
        ("2024-03-14T08:58:00+00:00", "second", "jsonld"),
        id="a-render-time-update-the-page-shows-is-one"),
    pytest.param(
        # zone-less JSON-LD stamps whose publication the byline's zone places: the update too
        '<html lang="id"><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-03-13T08:35:12", "dateModified": "2024-03-13T11:02:40"}</script>'
        '<title>Upacara</title></head><body><article><h1>Upacara berlangsung khidmat</h1><div '
        'class="writer"><span class="date">13 Maret 2024 | 08:35 WIB</span></div><p>Upacara '
        "peringatan berlangsung khidmat di halaman istana dan diikuti ribuan peserta.</p>"
        "</article></body></html>",
        "https://www.example.com/news/2024/03/13/083512/upacara", None,
        ("2024-03-13T08:35:12+07:00", "second", "jsonld"),
        ("2024-03-13T11:02:40+07:00", "second", "jsonld"),
        id="a-zone-less-structured-update-in-the-publications-zone"),
    pytest.param(
        # a numeric byline that reads both ways, read as the JSON-LD's wall clock says (an
        # "en" page of a .com reads month first)
        '<html lang="en"><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-02-03T22:15:11+00:00", "dateModified": "2024-02-03T23:40:29+00:'
        '00"}</script><title>Exit poll</title></head><body><article><h1>Exit poll predicts a '
        'landslide</h1><span class="date">Published: 03/02/2024 - 22:15</span> <span class="'
        'date-modified">Updated: 03/02/2024 - 23:40</span><p>The exit poll put the opposition on '
        "course for a large majority when polls closed.</p></article></body></html>",
        "https://www.example.com/politics/exit-poll-landslide", None,
        ("2024-02-03T22:15:11+00:00", "second", "jsonld"),
        ("2024-02-03T23:40:29+00:00", "second", "jsonld"),
        id="a-numeric-byline-read-in-the-order-the-structured-data-shows"),
    pytest.param(
        # a breadcrumb bar inside the article that holds the publish stamp
        '<html lang="es-AR"><head><title>Congreso</title></head><body><article><h1>El Senado '
        'aprobó la ley</h1><div class="breadcrumb"><a href="/politica">Política</a> <span class'
        '="publishedDate">12/03/2024 22:30</span></div><p>El pleno del Senado aprobó el dictamen'
        " con 68 votos a favor y 41 en contra tras seis horas de debate.</p></article></body>"
        "</html>",
        "https://www.example.com.ar/politica/senado-aprobo-ley_0_AbCdEf.html", None,
        ("2024-03-12T22:30:00", "minute", "text"), (None, None, None),
        id="a-publish-stamp-in-the-articles-breadcrumb"),
    pytest.param(
        '<html lang="ko"><head><title>기사</title></head><body><article><h1>기사 제목입니다</h1><div>'
        '<span>입력</span><span class="info_datestamp_time _ARTICLE_DATE_TIME" data-date-time="20'
        '24-03-12 18:05:22">2024.03.12. 오후 6:05</span></div><p>정부는 12일 새로운 부동산 대책을 '
        "발표하고 다음 달부터 시행한다고 밝혔다.</p></article></body></html>",
        "https://www.example.co.kr/article/001/0014567890", "Asia/Seoul",
        ("2024-03-12T18:05:22+09:00", "second", "time"), (None, None, None),
        id="a-zone-less-data-attribute-to-the-second"),
])
def test_whole_pages(html: str, url: str, timezone: str, published: tuple[str, str, str],
                     modified: tuple[str, str, str]) -> None:
    got = _html_dates(html, url, timezone)
    check(got.published, *published)
    check(got.modified, *modified)


@pytest.mark.parametrize(("context", "found"), [
    ("zh cn", [("2024-03-12", 18)]),  # Xinhua's year, month/day and clock in spans of their own
    ("en", []),  # read on Chinese, Japanese and Korean pages only
])
def test_a_year_then_month_and_day_with_a_clock(context: str, found: list[tuple[str, int]]) -> None:
    from scraper.extract.datetext import find_dates

    text = "\n 2024  03 / 12  18:05:32 \n来源:新华网"
    assert [(p.day.isoformat(), p.hour) for p in find_dates(text, context=context)] == found


def test_a_short_chinese_sentence_that_goes_on_after_its_date_is_a_mention() -> None:
    got = _html_dates(
        '<html lang="zh-CN"><head><title>全国人大闭幕</title></head><body><div class="header domPC">'
        '<div class="header-time left"><span class="year"><em> 2024</em></span><span class="day">'
        '<em> 03</em>/<em>12</em></span><span class="time"> 18:05:22</span></div><div class="sou'
        'rce">来源：新华网</div><h1>十四届全国人大二次会议闭幕</h1></div><div id="detail"><p>十四届全国'
        "人大二次会议于3月11日下午在北京人民大会堂闭幕。</p><p>2023年3月13日，十四届全国人大一次会议闭幕。"
        "</p></div></body></html>", "http://www.example.cn/politics/abc123def456/c.html")
    check(got.published, "2024-03-12T18:05:22", "second", "text")


def test_a_korean_two_digit_year_comes_first() -> None:
    """OhmyNews' "24.05.17 18:10", "24·03·12": year, month, day (a German "24.05.17" is a day
    first)."""
    from scraper.extract.datetext import find_dates

    assert [p.day for p in find_dates("24·03·12 18:05", context="ko kr")] == [date(2024, 3, 12)]
    assert [p.day for p in find_dates("24.05.17 18:10", context="ko kr")] == [date(2024, 5, 17)]
    assert [p.day for p in find_dates("24.05.17 18:10", context="de de")] == [date(2017, 5, 24)]
    # ... unless that year is after the page's: a European template's "28.03.24" on a Korean page
    assert [p.day for p in find_dates("28.03.24 10:15", context="ko kr", default_year=2024)] == [
        date(2024, 3, 28)]


def test_german_am_is_no_ante_meridiem() -> None:
    from scraper.extract.datetext import find_dates

    found = next(find_dates("12. März 2024 1 am Tag", context="de de"))
    assert (found.day.isoformat(), found.hour) == ("2024-03-12", None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("8 May '12", "2012-05-08"),
        ("May 8, ’12", "2012-05-08"),  # WordPress's curly apostrophe
        ("May 8, '99", "1999-05-08"),
        ("1. Mai '68", None),  # 1968, not 2068: before MIN_YEAR, so no date at all
        ("May 8, '25", "2025-05-08"),  # at most a year after the crawl's (a future date is dropped later)
        ("May 8, '26", None),  # 1926 (two years ahead would be a future date): no date
    ],
)
def test_apostrophe_years_take_the_century_of_the_crawl_year(text: str, day: str | None) -> None:
    from scraper.extract import datetext

    found = list(datetext.find_dates(text, day_first=True, default_year=2024))
    assert [p.day.isoformat() for p in found] == ([day] if day else [])


def test_spaced_year_month_day_with_dots() -> None:
    # "2012. 05. 08. 10:30": Hungarian (and Korean) numeric dates, a space after each dot
    got = run("ymd_spaced")
    check(got.published, "2012-05-08T10:30:00", "minute", "text", offset=None)


def test_month_names_fit_the_month_first_lookahead() -> None:
    """_MDY_TEXT's lookahead assumes every month name is letters, at most two words of at most
    12 letters each, or starts in an Indic script, Thai or Khmer (their vowel signs are no letters):
    a new name that is neither would silently never match month-first."""
    import re

    from scraper.extract.datewords import MONTHS

    shape = re.compile(r"[^\W\d_]{1,12}(?: [^\W\d_]{1,12})?|[\u0900-\u0e7f\u1780-\u17ff].*")
    assert [name for name in MONTHS if not shape.fullmatch(name)] == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("अपडेटेड: मार्च 12, 2024 6:05 pm IST", "2024-03-12T18:05+05:30"),  # Hindi, month first
        ("प्रकाशित: मंगलवार, १२ मार्च २०२४ ०६:०५ अपराह्न (IST)", "2024-03-12T18:05+05:30"),
        ("শেষ আপডেট: ১২ মার্চ ২০২৪ ১৮:০৫", "2024-03-12T18:05"),  # Bengali digits
        ("12 มี.ค. 2567 เวลา 18:05 น.", "2024-03-12T18:05"),  # Thai, Buddhist Era year
        ("12 Mac 2024, 6:05 pm", "2024-03-12T18:05"),  # Malay
        ("Mac 12, 2024 @ 6:05pm", "2024-03-12T18:05"),
        ("12 مارچ ، 2024", "2024-03-12"),  # Urdu, the Arabic comma
        ("2024 m. kovo 12 d. 18:05", "2024-03-12T18:05"),  # Lithuanian
        ("2024. gada 12. martā 18:05", "2024-03-12T18:05"),  # Latvian
        ("2023. gada 12. martā 18:05", "2023-03-12T18:05"),
        ("12. märts 2024 18:05", "2024-03-12T18:05"),  # Estonian
        ("12 сакавіка 2024, 18:05", "2024-03-12T18:05"),  # Belarusian
        ("Marso 12, 2024 | 6:05pm", "2024-03-12T18:05"),  # Tagalog
        ("Machi 12, 2024", "2024-03-12"),  # Swahili
        ("Publié le 12 Mar 24 à 18:05", "2024-03-12T18:05"),  # a two-digit year before a clock
        ("12 במרץ 2024", "2024-03-12"),  # Hebrew, "in March"
        ("วันที่ 12 มีนาคม พ.ศ. 2567 - 18:05 น.", "2024-03-12T18:05"),  # Thai, the era's mark
        ("torek, 12. marca 2024 ob 18.05", "2024-03-12T18:05"),  # Slovenian
        ("12. 03. 2024. у 18:05", "2024-03-12T18:05"),  # Serbian
        ("شائع 12 مارچ 2024 06:05pm", "2024-03-12T18:05"),  # Urdu
        ("۲۲ اسفند ۱۴۰۲ - ۱۸:۰۵", "2024-03-12T18:05"),  # Persian, Solar Hijri
        ("1 فروردين 1403", "2024-03-20"),  # the Arabic yeh; Nowruz of a leap year
        ("עודכן ב-13.03.2024 08:22", "2024-03-13T08:22"),  # Hebrew "on" glued to the date
        ("نشر في: 12 مارس ,2024: 06:05 م KSA", "2024-03-12T18:05+03:00"),
        ("12 مارس 2024 - 18:05 بتوقيت أبوظبي", "2024-03-12T18:05+04:00"),
        ("2024年3月12日(火) 18:05", "2024-03-12T18:05"),  # a weekday in brackets
        ("2024年03月12日(星期二) 18:05", "2024-03-12T18:05"),
        ("[2024年3月12日18時5分]", "2024-03-12T18:05"),  # a one-digit minute
        ("March 12, 2024, 6 PM ET", "2024-03-12T18:00-04:00"),  # an hour alone, with am/pm
        ("2024年3月13日 06時00分 \n13日 14時20分", "2024-03-13T06:00"),  # no seconds from 13日
        ("12 மார்ச் 2024 18:05", "2024-03-12T18:05"),  # Tamil
        ("12 మార్చి 2024 18:05", "2024-03-12T18:05"),  # Telugu
        ("2024 മാർച്ച് 12", "2024-03-12"),  # Malayalam, year first
        ("12 માર્ચ 2024", "2024-03-12"),  # Gujarati
        ("මාර්තු 12, 2024", "2024-03-12"),  # Sinhala
        ("12 მარტს, 2024 18:05", "2024-03-12T18:05"),  # Georgian
        ("12 մարտի 2024 թ. 18:05", "2024-03-12T18:05"),  # Armenian, the year's "թ."
        ("12 наурыз 2024 ж. 18:05", "2024-03-12T18:05"),  # Kazakh
        ("12 prill 2024", "2024-04-12"),  # Albanian
        ("12 ΜΑΡ 2024 18:05", "2024-03-12T18:05"),  # a Greek abbreviation
        ("Thứ ba, ngày 12 tháng 03 năm 2024 lúc 18:05", "2024-03-12T18:05"),  # Vietnamese
        ("12 tháng 3, 2024 | 18:05", "2024-03-12T18:05"),
        ("2024 оны 3 сарын 12 18:05", "2024-03-12T18:05"),  # Mongolian
        ("۲۲ اسفند ۱۴۰۲، ۱۸:۰۵", "2024-03-12T18:05"),  # the Arabic comma before the time
        ("12 مارس 2024، 06:05 م", "2024-03-12T18:05"),
        ("30/01/2024 - 2:55 μ.μ.", "2024-01-30T14:55"),  # Greek "after noon"
        ("2024-03-12 HKT 18:05", "2024-03-12T18:05+08:00"),  # the zone before the clock
        ("12 March 2024 GMT 18:05", "2024-03-12T18:05+00:00"),
        ("22.07.2021 16.25", "2021-07-22T16:25"),  # a dotted clock
        ("Date: 12/03/2024 Time: 18:05", "2024-03-12T18:05"),  # the clock's own label
        ("آخر تحديث: 7/3/202421:40 (بتوقيت مكة)", "2024-03-07T21:40+03:00"),  # a glued clock
        ("March 8, 2024 18:05 GMT+700", "2024-03-08T18:05+07:00"),  # the hour's one digit
        ("12. marta 2024. u 18.05", "2024-03-12T18:05"),  # Serbian and Bosnian genitive
        ("23. avgusta 2023", "2023-08-23"),  # Slovenian
        ("12. јануара 2024.", "2024-01-12"),  # Serbian Cyrillic
        ("06:05 م الثلاثاء 12 مارس 2024", "2024-03-12T18:05"),  # Arabic, the clock first
        ("12/APR/2024", "2024-04-12"),  # slashes around the month's name
    ],
)
def test_dates_in_more_scripts_and_calendars(text: str, day: str) -> None:
    from scraper.extract.datetext import find_dates, normalize_digits

    found = next(find_dates(normalize_digits(text), context=""))  # a page of unknown language
    value = found.day.isoformat()
    if found.hour is not None:
        value += f"T{found.hour:02d}:{found.minute:02d}"
        assert found.second is None
    if found.offset is not None:
        hours, minutes = divmod(abs(found.offset), 60)
        value += f"{'+' if found.offset >= 0 else '-'}{hours:02d}:{minutes:02d}"
    assert value == day


def test_teaser_linking_to_the_page_itself_gives_its_date() -> None:
    # no byline date; a list of stories holds a teaser of this very page (href = its path):
    # that teaser's date is the page's, the other teasers' dates are other stories'; a
    # "cite this page" box showing the bare address with an access date is no teaser
    got = run("self_teaser")
    check(got.published, "2020-03-18", "date", "text", utc=None, offset=None)
    assert got.published is not None and got.published.raw == "18. März 2020"
    check(got.modified, None)


def test_sentence_right_before_another_block_is_prose() -> None:
    # the paragraph naming "2. Januar 2020" is running prose even though the next block
    # follows without a break: its own end decides, not the next block's first words
    got = run("prose_date")
    check(got.published, "2020-03-14", "date", "text", utc=None, offset=None)
    assert got.published is not None and got.published.raw == "14.03.2020"


@pytest.mark.parametrize(("lang", "local"), [("en-US", "2017-01-10"), ("en-GB", "2017-10-01"),
                                             ("de-DE", "2017-10-01")])
def test_numeric_structured_date_follows_the_page_day_order(lang: str, local: str) -> None:
    # an itemprop value "01/10/2017" is read like the page's own numeric dates: month first on
    # an American English page, day first elsewhere
    got = run("microdata_numeric", url="https://www.example.com/recipes/cake", fill={"lang": lang})
    check(got.published, local, "date", "microdata", utc=None, offset=None)


@pytest.mark.parametrize(("lang", "local"), [("en-US", "2021-03-04"), ("en-GB", "2021-04-03")])
def test_numeric_meta_date_follows_the_page_day_order(lang: str, local: str) -> None:
    got = run("meta_numeric", url="https://www.example.com/news/cleanup", fill={"lang": lang})
    check(got.published, local, "date", "meta", utc=None, offset=None)


def test_self_teaser_never_outranks_a_timed_structured_date() -> None:
    # the page's own article:published_time (with a time) beats the date its teaser shows in
    # a list on the page, which weighs like a labelled byline date (here the UTC day)
    got = run("self_teaser_meta")
    check(got.published, "2020-01-02T23:30:00-05:00", "second", "meta", offset="-05:00")


def test_self_teaser_leaves_a_header_byline_of_the_same_markup() -> None:
    # the header's byline uses the list entries' markup (div.meta > span.date): only the
    # other entries of the teaser's own list are other stories' dates
    got = run("self_teaser_byline")
    check(got.published, "2020-01-02", "date", "text", utc=None, offset=None)
    assert got.published is not None and got.published.raw == "02.01.2020"


def test_cite_box_link_with_words_is_no_teaser() -> None:
    # a "cite this page" box links to the page with words ("Link zum Artikel") and shows the
    # access date: only a link whose text resembles the page title makes a teaser
    got = run("cite_box")
    check(got.published, "2020-01-02", "date", "text", utc=None, offset=None)
    assert got.published is not None and got.published.raw == "02.01.2020"


@pytest.mark.parametrize(("lang", "local"), [("en-US", "2021-03-04"), ("en-GB", "2021-04-03")])
def test_numeric_time_datetime_follows_the_page_day_order(lang: str, local: str) -> None:
    # a <time datetime="03/04/2021"> is read once the page's day order is settled, like meta
    got = run("time_numeric", url="https://www.example.com/news/cleanup", fill={"lang": lang})
    check(got.published, local, "date", "time", utc=None, offset=None)


def test_prose_is_judged_on_the_block_own_words_not_a_nested_block() -> None:
    # the dateline's own text (short, around a nested note) is no running prose, although
    # its text from first to last word spans the note's sentence
    got = run("prose_nested")
    check(got.published, "2020-03-14", "date", "text", utc=None, offset=None)
    assert got.published is not None and got.published.raw == "14.03.2020"


def _links(href: str = "/city/story",
           canonical: str = "https://news.example.com/city/story") -> dict[str, str]:
    return {"href": href, "canonical": canonical}


def test_share_links_are_not_resolved_as_teaser_links(monkeypatch: pytest.MonkeyPatch) -> None:
    # share, tracking and print links only contain the page's address: they are passed over
    # before any address is resolved; the list entry's link is the one teaser
    from scraper.extract import dateteasers

    resolved: list[str] = []
    real = dateteasers._page_key

    def spy(href: str, base: str = "") -> tuple[str, str] | None:
        if base:
            resolved.append(href)
        return real(href, base)

    monkeypatch.setattr(dateteasers, "_page_key", spy)
    got = run("self_teaser_links", fill=_links())
    assert resolved == ["/city/story"]
    check(got.published, "2020-03-18", "date", "text")


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://news.example.com/city/story?utm_source=feed&utm_medium=rss",
     "https://news.example.com/other"),
    ("https://news.example.com/city/12345", "https://news.example.com/city/story"),
])
def test_self_teaser_found_through_tracking_query_or_canonical(url: str, canonical: str) -> None:
    # a tracking query on the page's address is no part of it; the canonical address is the
    # page's too
    got = run("self_teaser_links", url=url, fill=_links(canonical=canonical))
    check(got.published, "2020-03-18", "date", "text", utc=None, offset=None)
    assert got.published is not None and got.published.raw == "18. März 2020"


def test_comment_permalink_is_no_teaser() -> None:
    # a link to a fragment of the page (a comment) is no teaser: the list is then only a
    # list, dated by its top entry
    got = run("self_teaser_links", fill=_links(href="/city/story#kommentare"))
    check(got.published, "2020-02-26", "date", "text", utc=None, offset=None)


def test_self_teaser_demotes_the_other_entries_of_its_list() -> None:
    from scraper.extract.datecands import page_info
    from scraper.extract.datepage import visible_candidates
    from scraper.extract.metadata import meta_values

    html = (FIXTURES / "self_teaser_byline.html").read_text(encoding="utf-8")
    tree = load_html(html.encode("utf-8"))
    meta = meta_values(tree)
    page = page_info(tree, URL, meta, None, None, FETCHED)
    weights = {c.raw: (c.weight, c.role) for c in visible_candidates(tree, meta, page)}
    assert weights["18.03.2020"] == (10.0, "published")  # the page's own teaser
    assert weights["14.03.2020"][0] == 1.0 and weights["21.03.2020"][0] == 1.0  # other stories
    assert weights["02.01.2020"][0] > 10.0  # the header's byline, right under the headline


def test_day_words_nest_like_a_flat_list() -> None:
    # DAY_WORD_RE nests the words by prefix: every word is still read whole, also one that
    # starts another ("juče" and "jučer", "eile" and "eilen")
    from scraper.extract.datepatterns import _DAY_WORDS, DAY_WORD_RE

    for word in _DAY_WORDS:
        written = word.replace("_", " ")
        assert [m.group(1) for m in DAY_WORD_RE.finditer(f"x {written}, 10:00")] == [written]
    text = "Heute, 10:00 · i  går 11.00 · hari ini · Aujourd'hui · xheute · idag · jučer · juče"
    assert [m.group(1) for m in DAY_WORD_RE.finditer(text)] == [
        "Heute", "i  går", "hari ini", "Aujourd'hui", "idag", "jučer", "juče"]


def test_digit_first_patterns_match_like_their_lookbehind_forms() -> None:
    """The date patterns start with a digit (fast to search for) where they were written with
    a look-behind first, and repeats are possessive where giving back never matched: the same
    matches, also at a window's edge (the look-behind sees before ``pos``)."""
    import re

    from scraper.extract import datepatterns as dpat
    from scraper.extract import datewords as dw

    month = dw._MONTH_ALT
    reference = {  # the plain forms
        dpat.ISO_RE: (dpat.ISO_RE.pattern.replace(r"(\d(?<!\d\d)(?<![^\W\d_]-\d)(?<!\w_\d)\d{3})",
                                              r"(?<!\d)(?<![^\W\d_]-)(?<!\w_)(\d{4})", 1), 0),
        dpat._YMD: (r"(?<![\d.])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d/])\.?", 0),
        dpat._YMD_SPACED: (r"(?<![\d.])(\d{4})\. (\d{1,2})\. (\d{1,2})\.(?!\d)", 0),
        dpat._NUM: (r"(?<![\d.,/:·-])(\d{1,2})([./·-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})"
                  r"(?![\d:]|\.\d|/\d)", 0),
        dpat._DMY_TEXT: (r"(?<![\w:])(\d{1,2})(?:st|nd|rd|th|er|e|º|°|\.)?[\s\-]*(?:de\s+|of\s+)?("
                       + month + r")(?!\w)\.?\s?[,،]?[\s\-]*(?:de\s+|del\s+|พ\.ศ\.\s*|ค\.ศ\.\s*)?("
                       r"'?\d{4}|['’]\d{2}(?!\d)|\d{2}(?!\d)(?=\s*(?:à|at|um|,)?\s*\d{1,2}[:h]\d{2})"
                       r"|(?=\s*(?:\d{1,2}[:h.]\d{2}|um|à|at|в|a las))|(?![\s,]*\d)())", re.IGNORECASE),
        dpat._YMD_TEXT: (r"(?<!\d)(?<!\d, )(?<!\d,)(?<!\d )(\d{4})\.?\s+(?:m\.\s*)?(" + month
                       + r")(?!\w)\.?\s+(\d{1,2})(?!\d)",
                       re.IGNORECASE),
        dpat._MDY_TEXT: (r"(?<!\w)(?=[^\W\d_]{1,12}(?: [^\W\d_]{1,12})?\.?\s*\d)(" + month
                       + r")(?!\w)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d|[./-]\d)"
                       r"(?:,?\s*(\d{4}|['’]\d{2})(?!\d))?",
                       re.IGNORECASE),
    }
    texts = [
        "2021-07-22T16:25:00+02:00 12021-07-22 x2021-07-22 .2021.07.22 2021/7/22/ 1.2021/07/22",
        "report-2024-02-29.html IMG_2024-02-29 1-2024-02-29 _2024-02-29 2024-02-29.pdf -2024-03-01",
        "22/07/2021 3/4/21 1.22.07.2021 122/07/2021 :22/07/2021 -22-07-2021 2.7.13 22.07.2021",
        "22 July 2021, 1st of March 2020, 12er mars 2019 a22 June 2021 :5 May 2020 5- de mayo 2021",
        "3 décembre 2021 à 10h, 333 May 2020, 5 dec 2021, 5 de 2021, 15 kasım 2020, 1 Μαΐου 2021",
        "2021. július 22. 12021 July 22, 2021 July 22, July 22, 2021 June 3rd 2020 Sept. 5",
        "12 مارس ,2024: 06:05 March 12, 2024March 13, 2024 Mar 12 2024 Mar 13 2024 2024 Mar 14",
        "Publié le 12 Mar 24 à 18:05, 12 Mar 24 people, 3 May 10:30, 12 mars 2024 à 18 h 05 HAE",
        "on Tuesday March 3, 2020 In the early September 11 2001; Jan    5 2020 May5, 2019 Maylong 5",
        "8 May '12, May 8, ’12 and 8 May '123, 5 June '9 x2012. 05. 08. 2012. 5. 8. 2012. 5. 88.",
    ]
    for pattern, (plain, flags) in reference.items():
        assert plain != pattern.pattern  # (the ISO form is derived by a replace: it must apply)
        old = re.compile(plain, flags)
        for text in texts:
            for pos in range(0, len(text), 7):  # windows starting inside a word or a number
                got = [(m.span(), m.groups()) for m in pattern.finditer(text, pos, pos + 50)]
                want = [(m.span(), m.groups()) for m in old.finditer(text, pos, pos + 50)]
                assert got == want, (pattern.pattern[:30], text, pos)


def test_name_bits_read_ascii_names_like_ignorecase() -> None:
    """Class and id names are read lower-cased with case-sensitive patterns when ASCII: the
    same bits as the case-insensitive patterns (which other names still use)."""
    from scraper.extract import dateplaces as dp

    def plain(name: str) -> int:
        bits = dp._ARTICLE if dp._ARTICLE_NAME.search(name) else 0
        if dp._NOT_CHROME.search(name):
            return bits | dp._DATEISH
        return bits | (dp._ALWAYS if dp._CHROME_WORDS.search(name) else 0) | (
            dp._PAGE if dp._PAGE_CHROME_WORDS.search(name) else 0)

    names = ["SIDEBAR", "Sidebar\n", "x-MENU", "Post-12", "post-١٢", "HEADER", "site-Nav",
             "Entry-Content", "recommendedStories", "ſidebar", "İnfo", "\u212Aomments", "Date",
             "NAVBAR-top", "most-Read", "c-Related", "promo_box", "footer-links", "ads"]
    for name in names:
        assert dp._name_bits(name) == plain(name), name


@pytest.mark.parametrize("name", ["jsonld_wrong_offset.html", "meta_utc_naive.html", "beacon.html"])
def test_meta_and_jsonld_read_once_by_the_caller(name: str) -> None:
    """extract_from_tree reads the meta tags and JSON-LD once and hands them to extract_dates:
    the same answer as extract_dates reading them itself, and they are left as they were."""
    from scraper.extract.jsonld import jsonld_objects
    from scraper.extract.metadata import meta_values

    tree = load_html((FIXTURES / name).read_bytes())
    url = "https://news.example.com/2021/07/22/story.html"
    fetched = datetime(2024, 9, 9, 12, 0, tzinfo=UTC)
    meta, objects = meta_values(tree), jsonld_objects(tree)
    before = (dict(meta), repr(objects))
    alone = extract_dates(tree, url, fetched_at=fetched)
    given = extract_dates(tree, url, fetched_at=fetched, meta=meta, objects=objects)
    assert given == alone and alone.published is not None
    assert (dict(meta), repr(objects)) == before


def test_extract_article_dates_from_every_jsonld_object_and_meta() -> None:
    """extract_from_tree hands extract_dates the page's JSON-LD objects (all of them, not only
    the article ones) and its meta tags: a WebPage's datePublished and a meta modified time
    still date the article."""
    from scraper.extract import extract_article

    html = """<html lang="en"><head><title>Harbour plan approved</title>
    <meta property="article:modified_time" content="2021-07-23T09:00:00+02:00">
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebPage",
     "name": "Harbour plan approved", "datePublished": "2021-07-22T16:25:00+02:00"}</script>
    </head><body><h1>Harbour plan approved</h1>
    <p>The council approved the harbour plan after a long debate about costs and timing.</p>
    </body></html>"""
    article = extract_article(html, "https://news.example.com/harbour-plan",
                              fetched_at="2024-09-09T12:00:00+00:00")
    assert article.published is not None and article.modified is not None
    assert (article.published.local, article.published.source) == ("2021-07-22T16:25:00+02:00", "jsonld")
    assert (article.modified.local, article.modified.source) == ("2021-07-23T09:00:00+02:00", "meta")


def test_one_huge_text_node_is_read_only_as_far_as_the_cap() -> None:
    """The text cap holds inside a single text node too: a 2 MB <pre> is not scanned whole
    (before, one such node took ~10 s and all its dates were read)."""
    from scraper.extract.datepage import MAX_TEXT_CHARS

    filler = "data row " * (MAX_TEXT_CHARS // 9 + 1000)
    html = (f"<html><body><h1>Log</h1><pre>{filler} Published 22 July 2021 16:25 (UTC+04:00)"
            f"</pre></body></html>")
    result = extract_dates(load_html(html), "https://x.example.com/log", fetched_at=FETCHED)
    assert result == ExtractedDates(None, None)
    short = html.replace(filler, "data row ")
    published = extract_dates(load_html(short), "https://x.example.com/log", fetched_at=FETCHED).published
    assert published is not None and published.local == "2021-07-22T16:25:00+04:00"


def test_long_class_and_id_values_are_read_but_not_cached() -> None:
    """The class/id caches keep short strings only: a page of 100 KB class attributes must
    not stay in a crawl worker's memory (and still reads right)."""
    from scraper.extract import dateplaces as dp

    long_cls = "x" * (dp.CACHED_NAME_CHARS + 1) + " sidebar"
    size = dp._cached_class_bits.cache_info().currsize
    names = dp._cached_name_bits.cache_info().currsize
    assert dp.class_bits(long_cls) & dp._ALWAYS
    assert dp._name_bits("y" * 300 + "-sidebar") == dp._name_bits("y-sidebar")
    assert dp._cached_class_bits.cache_info().currsize == size
    assert dp._cached_name_bits.cache_info().currsize <= names + 2  # "sidebar", "y-sidebar"
    tree = load_html(f"<html><body><div class='{long_cls}'><p>Published 22 July 2021</p></div>"
                     "<h1>Story</h1><p>Posted 3 August 2021</p></body></html>")
    published = extract_dates(tree, "https://x.example.com/story", fetched_at=FETCHED).published
    assert published is not None and published.local == "2021-08-03"  # the sidebar's is not
    assert dp._cached_class_bits.cache_info().currsize == size


@pytest.mark.parametrize("written", ["2019-03-12", "2019/03/12", "12.03.2019", "12/03/2019",
                                     "12 March 2019 at 10:45"])
@pytest.mark.parametrize("before_cap", [3, 6, 9])
def test_a_date_cut_in_two_by_the_text_cap_is_not_read(written: str, before_cap: int) -> None:
    """A text node cut at the cap may end inside a date ("2019-03-1", "12.03.20"): dates that
    close to the cut are not read, so no wrong date comes out of the half."""
    from scraper.extract.datepage import MAX_TEXT_CHARS

    filler = ("word " * (MAX_TEXT_CHARS // 5))[: MAX_TEXT_CHARS - before_cap]
    html = (f"<html><body><article><h1>Log</h1><div>{filler}{written} and more text after it"
            f"</div></article></body></html>")
    result = extract_dates(load_html(html), "https://x.example.com/log", fetched_at=FETCHED)
    assert result == ExtractedDates(None, None)


# --------------------------------------------------------------------------- scan filters
# find_dates scans each date pattern only in the digit windows where it can match, and
# find_relative skips its scans on ASCII text without the words they need: these properties
# say the skipped scans would have found nothing, on random texts of date-like pieces.

def _date_texts(seed: int, count: int) -> list[str]:
    import random

    from scraper.extract import datewords as dw

    rng = random.Random(seed)
    months = list(dw.MONTHS)
    pieces = [
        '2021-07-22T16:25:00+02:00', '22.07.2021', '7/22/21', '2021/07/22', '2012. 05. 08.',
        '2021年7月22日', '16:25', '10h30', '22 July 2021', 'July 22, 2021', '’12', "'99", 'the', 'at',
        'of', 'de', 'Uhr', 'pm', 'Posted', 'ago', 'vor', 'hace', 'il y a', 'hours', 'minutes',
        'days', 'yesterday', 'today', 'heute', 'hari ini', 'i dag', '2', '3', '12'
    ]
    seps = [" ", "", ", ", "\n", "-", ".", "/", "  ", ". ", "\u00a0", " " * 45]
    texts = []
    for _ in range(count):
        out = []
        for _ in range(rng.randint(1, 30)):
            r = rng.random()
            if r < 0.25:
                word = rng.choice(months)
                word = word.upper() if rng.random() < 0.2 else word
                if rng.random() < 0.05:  # what IGNORECASE also lets match ASCII letters
                    word = word.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a")
            elif r < 0.55:
                word = "".join(rng.choice("0123456789") for _ in range(rng.choice([1, 2, 2, 4, 4, 3])))
            else:
                word = rng.choice(pieces)
            out.append(word + rng.choice(seps))
        texts.append("".join(out))
    return texts


def test_each_date_pattern_is_skipped_only_where_it_cannot_match() -> None:
    from scraper.extract import datepatterns as dpat
    from scraper.extract import datetext as dt

    matched = 0
    for text in _date_texts(seed=3, count=1500):
        runs: list[list[tuple[int, int]]] = []
        windows = dt.digit_windows(text, runs=runs)
        chosen = dt._pattern_windows(text, windows, runs)
        patterns = (dpat.ISO_RE, dpat._YMD, dpat._YMD_TEXT, dpat._DMY_TEXT, dpat._MDY_TEXT, dpat._DM_DOTTED)
        for pattern, kept in [*zip(patterns, chosen, strict=True),
                              (dpat._NUM, dt._num_windows(text, windows, runs)),
                              (dpat._YMD_SPACED, chosen[1])]:
            for window in windows:
                found = next(pattern.finditer(text, *window), None)
                if window not in kept:
                    assert found is None, (pattern.pattern[:40], text[window[0]:window[1]])
                matched += found is not None
    assert matched > 1000  # the texts do hold dates of every form


def test_relative_scans_are_skipped_only_where_they_cannot_match() -> None:
    import random

    from scraper.extract import datepatterns as dpat
    from scraper.extract import datetext as dt

    rng = random.Random(4)
    pieces = [
        '2', '3', '12', 'an', 'a', 'one', 'hours', 'hour', 'minutes', 'mins', 'days', 'weeks',
        'ago', 'AGO', 'fa', 'temu', 'lalu', 'yang', 'geleden', 'siden', 'sedan', 'vor', 'hace',
        'ha', 'il', 'y', 'a', 'Stunden', 'horas', 'yesterday', 'Today', 'gestern', 'heute', 'hier',
        'hoy', 'ieri', 'hari', 'ini', 'i', 'dag', 'idag', '23:40', '9.30', '10h15', 'at', 'um', ',',
        'the', 'news', 'said', 'Chicago'
    ]
    texts = ["".join(rng.choice(pieces) + rng.choice([" ", "", ", ", "  ", "\n", " " * 12])
                     for _ in range(rng.randint(1, 25))) for _ in range(3000)]
    now = datetime(2024, 9, 9, 12, 0)
    found = 0
    for text in texts:
        for start, end in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
            low = text[start:end + dt._CLOCK_AFTER].lower()
            if not low.isascii():
                continue
            relative = next(dpat.RELATIVE_RE.finditer(text, start, end), None)
            if not dt._ASCII_RELATIVE.search(low, 0, end - start):
                assert relative is None, text
            day_words = [m for m in dpat.DAY_WORD_RE.finditer(text, start, end)
                         if dpat._TIME_ONLY.match(text, m.end(), min(len(text), m.end() + 20))]
            if not any(dt._ASCII_DAY_END.search(low, max(0, c.start() - dt._DAY_END_CHARS), c.start())
                       for c in dt._CLOCK.finditer(low)):
                assert not day_words, text
            found += bool(relative or day_words)
    assert found > 300  # the texts do hold relative dates and day words with a clock
    assert [when for when, *_ in dt.find_relative("updated 2 hours AGO, yesterday at 23:40", now)] \
        == [datetime(2024, 9, 9, 10, 0), datetime(2024, 9, 8, 23, 40)]


def test_the_ascii_shortcuts_know_every_letter_that_matches_ascii_ignoring_case() -> None:
    """The ASCII pre-checks read the patterns' words lower-cased, with ı, ſ and the Kelvin sign
    as i, s and k (_ASCII_FOLD): no other letter of theirs may match an ASCII letter."""
    import re as re_

    from scraper.extract import datepatterns as dpat

    letters = {ch for pattern in (dpat.RELATIVE_RE, dpat.DAY_WORD_RE, dpat._MDY_TEXT)
               for ch in pattern.pattern if ch.isalpha()}
    for ch in letters:
        folded = ch.translate(dpat._ASCII_FOLD).lower()
        for code in range(128):
            c = chr(code)
            hit = re_.fullmatch(re_.escape(ch), c, re_.IGNORECASE) is not None
            assert hit == (folded.isascii() and folded == c.lower()), (ch, c)


def test_find_relative_reads_a_negative_start_as_the_text_start() -> None:
    from scraper.extract.datetext import find_relative

    now = datetime(2024, 9, 9, 12, 0)
    for text, start in (("posted 2 hours ago by the desk ......", -5), ("yesterday at 10:30 ok", -4)):
        assert list(find_relative(text, now, start)) == list(find_relative(text, now, 0))
        assert len(list(find_relative(text, now, start))) == 1


# --- held-out round 16 (Asia and the Middle East, the general web) ------------------------


def _on(html: str, url: str, fetched: datetime) -> ExtractedDates:
    """The dates of a page fetched at ``fetched``."""
    return extract_dates(load_html(html), url, fetched_at=fetched)


def test_a_byline_block_of_many_words_keeps_its_date_on_the_line_after_a_break() -> None:
    html = ("<html lang='en-US'><body><div id='art-head-wrap'><h1>Marcos bans Pogos in Sona</h1>"
            "<div id='art_plat'>By: <a href='/byline/reina'>Reina C. Tolentino</a> - Reporter / "
            "<a href='https://x.com/r'>@ReinaTINQ</a><br>Philippine Daily Inquirer / 05:42 AM "
            f"July 23, 2024</div></div>{_PROSE}<div id='cmr-info'><p>Read Next</p><a href="
            "'/1962301/sara-duterte'>Sara Duterte skips Sona</a><span>July 22, 2024</span></div>"
            "</body></html>")
    got = _on(html, "https://newsinfo.example.net/1962345/pogo-ban", datetime(2024, 7, 23, 4, 0, tzinfo=UTC))
    check(got.published, "2024-07-23T05:42:00", "minute", "text")
    # as many words before it that no byline word leads weigh as a mention's
    prose = html.replace("By: <a href='/byline/reina'>", "The senators who met <a href='/x'>")
    got = _on(prose, "https://newsinfo.example.net/1962345/pogo-ban", datetime(2024, 7, 23, 4, 0, tzinfo=UTC))
    check(got.published, "2024-07-22", "date", "text")


def test_a_byline_clock_with_its_zone_takes_the_seconds_of_a_zone_less_stamp() -> None:
    html = ("<html lang='id'><head><meta name='content_PublishedDate' content='2024-02-14 21:34:56'>"
            "</head><body><h1>Hasil quick count</h1><div class='read__time'>Kompas.com - "
            f"14/02/2024, 21:34 WIB</div>{_PROSE}</body></html>")
    got = _on(html, "https://nasional.example.com/read/2024/02/14/x", datetime(2024, 2, 15, 2, 0, tzinfo=UTC))
    check(got.published, "2024-02-14T21:34:56+07:00", "second", "meta", zone="Asia/Jakarta")
    # without the stamp, the byline as it is
    alone = html.replace("2024-02-14 21:34:56", "")
    got = _on(alone, "https://nasional.example.com/read/2024/02/14/x",
              datetime(2024, 2, 15, 2, 0, tzinfo=UTC))
    check(got.published, "2024-02-14T21:34:00+07:00", "minute", "text")


def test_a_time_counted_back_from_the_fetch_states_no_zone_for_a_stamp() -> None:
    html = ("<html lang='hi'><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\","
            " \"datePublished\": \"2024-03-12T06:00:12+05:30\"}</script></head><body><h1>सीएए के"
            f" नियम लागू</h1><div class='story-date'>13 घंटे पहले</div>{_PROSE}</body></html>")
    got = _on(html, "https://www.example.com/national/news/caa-132712345.html",
              datetime(2024, 3, 12, 13, 30, tzinfo=UTC))
    check(got.published, "2024-03-12T06:00:12+05:30", "second", "jsonld")


def test_an_abbreviation_of_several_places_is_read_as_the_pages_stamp_says() -> None:
    html = ("<html lang='en'><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\","
            " \"datePublished\": \"2024-03-11T23:15:40Z\"}</script></head><body><article><h1>As "
            "Ramadan begins, officials warn</h1><div class='article-meta'><time class='article-time'"
            f">Mar 12, 2024 1:15 am IST</time></div>{_PROSE}</article></body></html>")
    url = "https://www.example.com/israel-news/2024-03-12/ty-article/ramadan/0000018e"
    got = _on(html, url, datetime(2024, 3, 12, 10, 0, tzinfo=UTC))
    # Israel's 01:15 is the stamp's instant (India's would be 19:45 UTC); it falls on the
    # publisher's next day, so the local view is kept
    check(got.published, "2024-03-12T01:15:40+02:00", "second", "jsonld",
          utc="2024-03-11T23:15:40Z")
    # without a stamp to say which, IST stays India's on an English .com page
    alone = html.replace("2024-03-11T23:15:40Z", "")
    got = _on(alone, url, datetime(2024, 3, 12, 10, 0, tzinfo=UTC))
    check(got.published, "2024-03-12T01:15:00+05:30", "minute", "text")


def test_a_time_elements_utc_value_takes_the_day_of_the_clock_it_prints() -> None:
    html = ("<html lang='he'><body><article><h1>המתקפה האיראנית</h1><div class='authorAndDate'>"
            "<span class='DateDisplay'><time datetime='2024-04-13T23:15:00.000Z'>14.04.24 | 02:15"
            f"</time></span></div></article>{_PROSE}</body></html>")
    got = _on(html, "https://www.example.co.il/news/article/hjk00q2ee",
              datetime(2024, 4, 14, 5, 30, tzinfo=UTC))
    check(got.published, "2024-04-14T02:15:00+03:00", "second", "time",
          utc="2024-04-13T23:15:00Z")
    # the same day in UTC: the value as written
    same = html.replace("2024-04-13T23:15:00.000Z", "2024-04-14T05:15:00.000Z").replace(
        "02:15", "08:15")
    got = _on(same, "https://www.example.co.il/news/article/hjk00q2ee",
              datetime(2024, 4, 14, 9, 30, tzinfo=UTC))
    check(got.published, "2024-04-14T05:15:00+00:00", "second", "time")


def test_a_bylines_day_that_is_the_urls_takes_the_utc_stamp_of_the_evening_before() -> None:
    html = ("<html lang='en'><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\","
            " \"datePublished\": \"2024-03-10T20:05:10Z\", \"dateModified\": \"2024-03-11T11:18:40Z"
            "\"}</script></head><body><article><h1>UAE residents begin first day of fasting</h1>"
            f"<div class='byline-date'><span class='date'>Mar 11, 2024</span></div>{_PROSE}"
            "</article></body></html>")
    url = "https://www.example.com/uae/2024/03/11/ramadan-2024-first-day/"
    got = _on(html, url, datetime(2024, 3, 11, 14, 0, tzinfo=UTC))
    check(got.published, "2024-03-11T00:05:10+04:00", "second", "jsonld",
          utc="2024-03-10T20:05:10Z")
    check(got.modified, "2024-03-11T11:18:40+00:00", "second", "jsonld")
    # under no URL day the stamp stays as it is written
    got = _on(html, "https://www.example.com/uae/ramadan-2024-first-day/",
              datetime(2024, 3, 11, 14, 0, tzinfo=UTC))
    check(got.published, "2024-03-10T20:05:10+00:00", "second", "jsonld")


def test_adobe_core_components_are_the_page_not_a_consent_platform() -> None:
    html = ("<html lang='en'><body><main class='container'><div class='cmp-pressrelease-header'>"
            "<span class='cmp-pressrelease-header__type'>Press Release</span><div>November 29, "
            "2022</div></div><div class='cmp-title'><h1 class='cmp-title__text'>Veridian announces "
            f"results</h1></div><div class='cmp-text'>{_PROSE}</div><div class='cmp-wall'><p>"
            "Cookie policy of 12/01/2024.</p></div></main></body></html>")
    got = _on(html, "https://www.example.com/en/newsroom/2022/vrd.html",
              datetime(2023, 4, 18, 12, 0, tzinfo=UTC))
    check(got.published, "2022-11-29", "date", "text")


def test_a_sentence_ending_after_a_bracket_is_prose() -> None:
    html = ("<html lang='de'><body><main><h1>Antragstellung</h1><div class='article'><p>"
            "Rechtsgrundlage ist die Richtlinie zur Förderung effizienter Wärmenetze vom 15. "
            f"Dezember 2021 (BAnz AT 22.12.2021 B4).</p>{_PROSE}<p><span class='dateOfIssue'>"
            "Stand: 21.04.2022</span></p></div></main></body></html>")
    got = _on(html, "https://www.example.bund.de/DE/antrag_node.html",
              datetime(2022, 6, 1, 10, 0, tzinfo=UTC))
    check(got.published, "2022-04-21", "date", "text")


def test_a_footers_last_updated_line_dates_a_page_that_has_no_other() -> None:
    html = ("<html lang='en'><body><div class='document'><h1>Reading data</h1>{prose}</div>"
            "<footer><div role='contentinfo'><p>© Copyright 2016-2024, The Developers. <span "
            "class='lastupdated'>Last updated on Jan 30, 2024.</span></p></div></footer>"
            "</body></html>")
    fetched = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
    got = _on(html.format(prose=_PROSE), "https://docs.example.org/io.html", fetched)
    check(got.published, "2024-01-30", "date", "text")
    # on a page with a date of its own it is no update of it: too often another thing's
    dated = html.format(prose="<p class='date'>Posted on 3 December 2023</p>" + _PROSE)
    got = _on(dated, "https://docs.example.org/io.html", fetched)
    check(got.published, "2023-12-03", "date", "text")
    check(got.modified, None)
    # the day of the fetch or the day before (a render's), another thing's update, or no
    # update label: nothing
    for footer in ("Last updated on May 31, 2024.", "Site last updated on Jan 30, 2024.",
                   "Privacy Policy (last updated Jan 30, 2024)", "Site launched on Jan 30, 2024."):
        page = html.replace("Last updated on Jan 30, 2024.", footer).format(prose=_PROSE)
        got = _on(page, "https://docs.example.org/io.html", fetched)
        assert got.published is None, footer


def test_a_forums_statement_of_its_zone_gives_its_bare_clocks_their_offset() -> None:
    html = ("<html lang='de'><body><h1>Kupplung rutscht nach Ölwechsel</h1><div class='postdetails'>"
            "<span class='date'>12.03.2024, 21:47</span></div>{prose}<div id='footer_time'>Alle "
            "Zeitangaben in WEZ +1. Es ist jetzt <span class='time'>10:31</span> Uhr.</div>"
            "</body></html>")
    url = "https://www.example.de/forum/showthread.php?88412-Kupplung"
    got = _on(html.format(prose=_PROSE), url, datetime(2024, 3, 14, 9, 31, tzinfo=UTC))
    check(got.published, "2024-03-12T21:47:00+01:00", "minute", "text")
    # phpBB's "UTC+02:00" is the summer's: not the offset of a winter post; nor without one
    summer = html.replace("Alle Zeitangaben in WEZ +1", "Alle Zeiten sind UTC+02:00")
    got = _on(summer.format(prose=_PROSE), url, datetime(2024, 7, 14, 9, 31, tzinfo=UTC))
    check(got.published, "2024-03-12T21:47:00", "minute", "text")
    english = html.replace("Alle Zeitangaben in WEZ +1. Es ist jetzt", "All times are GMT -5. "
                           "The time now is")
    got = _on(english.format(prose=_PROSE), url, datetime(2024, 3, 14, 9, 31, tzinfo=UTC))
    check(got.published, "2024-03-12T21:47:00-05:00", "minute", "text")


def test_a_code_samples_timestamps_are_no_dates_of_the_page() -> None:
    html = ("<html lang='nl'><body><article><h1>Authenticatie met OAuth 2.0</h1><pre><code>{"
            "<span class='s2'>\"expires\"</span>: <span class='s2'>\"2023-11-06T10:00:00Z\"</span>}"
            f"</code></pre>{_PROSE}<aside class='md-source-file'><span>14 oktober 2022</span>"
            "</aside></article>"
            "</body></html>")
    got = _on(html, "https://docs.example.nl/api/authenticatie/", datetime(2024, 3, 14, 9, 30, tzinfo=UTC))
    check(got.published, "2022-10-14", "date", "text")


def test_a_polish_public_registers_details_table_names_its_publication() -> None:
    html = ("<html lang='pl'><body><article><h1>Ogłoszenie o przetargu</h1>" + _PROSE
            + "<h2>Metryczka</h2><table><tr><th scope='row'>Data wytworzenia informacji:</th>"
            "<td>2023-05-10</td></tr><tr><th scope='row'>Data opublikowania informacji:</th><td>"
            "2023-05-11 12:03</td></tr><tr><th scope='row'>Data ostatniej zmiany:</th><td>"
            "2023-05-15 08:47</td></tr></table></article></body></html>")
    got = _on(html, "https://bip.example.pl/artykul/412/ogloszenie", datetime(2023, 6, 2, 7, 30, tzinfo=UTC))
    check(got.published, "2023-05-11T12:03:00", "minute", "text")


# --- review 3: the round-16 rules where they must not fire ---------------------------------


def test_an_ambiguous_zone_is_reread_only_by_a_stamp_of_its_own_role() -> None:
    html = ("<html lang='en'><head><meta property='article:modified_time' content='2024-03-12T"
            "14:00:00+05:30'></head><body><article><h1>Budget session opens</h1><div class="
            "'byline'>Published on Mar 12, 2024 10:30 AM IST | Updated on Mar 12, 2024 02:00 PM "
            f"IST</div>{_PROSE}</article></body></html>")
    got = _on(html, "https://www.example.in/news/budget-session", datetime(2024, 3, 12, 12, 0, tzinfo=UTC))
    check(got.published, "2024-03-12T10:30:00+05:30", "minute", "text")
    check(got.modified, "2024-03-12T14:00:00+05:30", "second", "meta")


@pytest.mark.parametrize("box", [
    # an AEM teaser of another page, a consent platform's root and its BEM banner
    "<div class='cmp-teaser'><div class='cmp-teaser__description'><p>12 March 2024 – Nordwater"
    " reduced its emissions</p></div></div>",
    "<div id='cmp-root' class='cmp-container'><p class='cmp-meta'>Datenschutzhinweise zuletzt "
    "aktualisiert: 11.03.2024</p></div>",
    "<div class='cmp-wrapper'><div class='cmp__banner'><p>Last updated: March 13, 2024</p></div>"
    "</div>",
])
def test_aem_teasers_and_consent_boxes_stay_chrome(box: str) -> None:
    html = (f"<html lang='en'><body><main>{box}<div class='cmp-title'><h1>Our water</h1></div>"
            f"<div class='cmp-text'>{_PROSE}</div></main></body></html>")
    got = _on(html, "https://www.example.com/en/our-water.html", datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    assert got.published is None and got.modified is None


def test_a_byline_that_its_stamp_verb_opens_is_no_sentence_about_another_thing() -> None:
    html = ("<html lang='en'><body><article><h1>Council delays vote</h1><p class='dateline'>"
            "Published March 12, 2024 at 6:05 p.m. by Anna Berg (text) and Jonas Klein (photos)."
            f"</p>{_PROSE}<div class='story-callout'><a href='/x'>Council delays cycle lane vote</a>"
            " <span class='story-callout__date'>March 10, 2024</span></div></article></body></html>")
    got = _on(html, "https://www.example.com/local/council-vote", datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-12T18:05:00", "minute", "text")


def test_a_schedules_all_times_line_on_a_news_page_gives_no_offset() -> None:
    html = ("<html lang='en'><body><article><h1>Super Eagles name squad</h1><p class='date'>"
            f"March 12, 2024 6:05 pm</p>{_PROSE}<ul><li>Mar 21: Nigeria v Ghana, 19:00</li></ul>"
            "<p><em>All times are GMT</em></p></article></body></html>")
    got = _on(html, "https://www.example.com.ng/sports/super-eagles-squad",
              datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-12T18:05:00", "minute", "text")


def test_an_inline_codes_date_is_read_a_code_blocks_is_not() -> None:
    html = ("<html lang='en'><body><article><h1>Notes on caching</h1><p><em>Posted <code>"
            f"2024-03-12</code> by Sam Keller</em></p>{_PROSE}</article></body></html>")
    got = _on(html, "https://sam.example.net/notes/caching.html", datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-12", "date", "text")


@pytest.mark.parametrize("script", [
    "showTime(\"2024/03/14 08:59:58\");",  # a header clock: the server's now
    "writeQuoteTime(\"2024/03/12 16:00:00\");",  # a quote widget
    "CountDownTimer(\"2024/03/12 22:00:00\", \"countdown\");",  # a countdown
    "showDate(\"2024/03/14 08:59:58\");",  # a date of the fetch's own day: its rendering
])
def test_scripts_that_print_another_things_time_date_no_page(script: str) -> None:
    html = (f"<html lang='en'><body><h1>Election special</h1><div><script>{script}</script></div>"
            f"{_PROSE}</body></html>")
    got = _on(html, "https://www.example.com/special/election", datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    assert got.published is None


def test_iso_8601s_basic_format_is_read() -> None:
    html = ("<html lang='ru'><head><meta property='article:published_time' content='20231219T1435"
            "+0300'><meta property='article:modified_time' content='20231219T1502+0300'></head>"
            f"<body><h1>Выставка к 90-летию метро</h1><div class='article__info-date'>14:35 "
            f"19.12.2023</div>{_PROSE}</body></html>")
    got = _on(html, "https://ria.example.ru/20231219/vystavka-1916812345.html",
              datetime(2023, 12, 19, 14, 0, tzinfo=UTC))
    check(got.published, "2023-12-19T14:35:00+03:00", "minute", "meta")
    check(got.modified, "2023-12-19T15:02:00+03:00", "minute", "meta")


def test_a_compact_fourteen_digit_stamp_is_read() -> None:
    html = ("<html lang='ko'><head><meta property='og:regDate' content='20240227183211'></head>"
            f"<body><h1>의대 증원 갈등</h1><span class='num_date'>2024. 2. 27. 18:32</span>{_PROSE}"
            "</body></html>")
    got = _on(html, "https://v.example.net/v/20240227183211234", datetime(2024, 2, 28, 0, 0, tzinfo=UTC))
    check(got.published, "2024-02-27T18:32:11", "second", "meta")


# --- review 4 -----------------------------------------------------------------------------


@pytest.mark.parametrize("footer", [
    "<ul><li><a href='/tax/vat/'>VAT registration explained</a> — Updated Jan 30, 2024</li></ul>",
    "<p class='footer__app-meta'>App last updated Feb 20, 2024 · Version 5.2</p>",
    "<p>Fahrplandaten zuletzt aktualisiert: 03.02.2024</p>",
])
def test_a_footers_update_of_another_thing_dates_no_page(footer: str) -> None:
    html = (f"<html lang='en'><body><main><h1>Guides</h1>{_PROSE}</main><footer role='contentinfo'>"
            f"{footer}</footer></body></html>")
    got = _on(html, "https://www.example.gov/guides/", datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    assert got.published is None


def test_a_storys_words_in_its_address_make_no_forum() -> None:
    html = ("<html lang='en'><body><article><h1>Kenya at Davos</h1><p class='date'>January 17, "
            f"2024 6:05 pm</p>{_PROSE}<div class='schedule'><p>Thu: plenary, 10:00</p><p class="
            "'small'>All times are GMT+1 (Davos local time).</p></div></article></body></html>")
    got = _on(html, "https://www.example.co.ke/business/world-economic-forum"
                        "-davos-kenya/", datetime(2024, 1, 18, 9, 0, tzinfo=UTC))
    check(got.published, "2024-01-17T18:05:00", "minute", "text")


@pytest.mark.parametrize("script", [
    "serverDate(\"2024/03/13 19:10:05\");",  # the render's clock, in the site's zone
    "countUpFromDate(\"2023/01/09 12:00:00\", \"days-in-office\");",
    "setExpireDate(\"2024/03/10 23:59:59\");",
])
def test_scripts_that_count_or_expire_date_no_page(script: str) -> None:
    html = (f"<html lang='en'><body><h1>Special</h1><div><script>{script}</script></div>{_PROSE}"
            "</body></html>")
    got = _on(html, "https://www.example.com/special/", datetime(2024, 3, 14, 0, 10, tzinfo=UTC))
    assert got.published is None


def test_a_sentence_its_stamp_verb_opens_without_a_by_is_still_prose() -> None:
    html = ("<html lang='es'><body><article><h1>Auditoría del puerto</h1><p class='firma'>Por "
            "<span class='autor'>Andrés Pazos</span> | 12/03/2024</p><p>Publicado el 3 de marzo "
            f"de 2021, el informe halló 41 irregularidades en la terminal.</p>{_PROSE}</article>"
            "</body></html>")
    got = _on(html, "https://www.example.es/galicia/auditoria-puerto",
              datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-12", "date", "text")


@pytest.mark.parametrize("rows", [
    # a collection schedule's table, a list of meetings: their dates are data, not the page's
    "<table><tr><td>Neujahr</td><td>01.01.2024</td></tr><tr><td>Karfreitag</td><td>29.03.2024"
    "</td></tr><tr><td>Ostermontag</td><td>01.04.2024</td></tr></table>",
    "<ul><li><div class='li'>12.03.2024, 19:30 Uhr – Stammtisch</div></li><li><div class='li'>"
    "09.04.2024, 19:30 Uhr – Btrfs-Snapshots</div></li><li><div class='li'>27.04.2024 – "
    "Linux-Presentation-Day</div></li></ul>",
])
def test_dates_in_three_rows_of_a_table_or_list_are_its_data(rows: str) -> None:
    html = (f"<html lang='de'><body><h1>Abfuhrtermine 2024</h1>{rows}<p>BERLIN, 12. Januar 2024 "
            f"– Der Landkreis stellt die Termine vor.</p>{_PROSE}</body></html>")
    fetched = datetime(2024, 5, 20, 9, 0, tzinfo=UTC)
    check(_on(html, "https://www.example.de/abfall/termine", fetched).published, "2024-01-12",
          "date", "text")
    # a page with no other date is still dated by them
    alone = html.replace("BERLIN, 12. Januar 2024 – ", "")
    assert _on(alone, "https://www.example.de/abfall/termine", fetched).published is not None


def test_the_moment_a_page_was_served_is_no_date_of_its_own() -> None:
    html = ("<html lang='en'><head><meta name='confluence-request-time' content='1709553600000'>"
            "<meta name='build-time' content='2024-03-04T12:00:00Z'></head><body><h1>Onboarding"
            f"</h1>{_PROSE}</body></html>")
    got = _on(html, "https://wiki.example.io/display/ENG/Onboarding",
              datetime(2024, 3, 4, 12, 0, tzinfo=UTC))
    assert got.published is None and got.modified is None


def test_a_date_in_a_files_name_is_no_date_of_the_page() -> None:
    html = ("<html lang='en'><body><h1>Configuration</h1><dl><dt>name</dt><dd><p>Default: <code>"
            "report-2024-02-29.html</code></p></dd><dt>image</dt><dd><p>IMG_2023-10-04</p></dd>"
            f"</dl>{_PROSE}<footer><p>Last updated on Mar 01, 2024.</p></footer></body></html>")
    got = _on(html, "https://docs.example.dev/configuration.html",
              datetime(2024, 3, 12, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-01", "date", "text")  # (the page's only stamp: rule 8b)


def test_wordpress_one_time_classed_published_updated_that_is_the_update() -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          '"BlogPosting", "datePublished": "2024-02-10T10:00:00+00:00", "dateModified": '
          '"2024-03-03T07:45:10+00:00"}</script>')
    html = (f"<html lang='es'><head>{ld}</head><body><article><h1>Tortilla</h1><span class="
            "'posted-on'><time class='entry-date published updated' datetime='2024-03-03T08:45:"
            f"10+01:00'>03/03/2024</time></span>{_PROSE}</article></body></html>")
    got = _on(html, "https://www.example.es/tortilla/", datetime(2024, 3, 9, 21, 30, tzinfo=UTC))
    check(got.published, "2024-02-10T10:00:00+00:00", "second", "jsonld")
    check(got.modified, "2024-03-03T07:45:10+00:00", "second", "jsonld")


def test_a_meta_tags_name_holding_server_as_a_word_part_is_still_read() -> None:
    html = ("<html lang='en'><head><meta name='observer:publish_date' content='2024-03-11T14:00:"
            f"00+00:00'></head><body><h1>Budget</h1>{_PROSE}</body></html>")
    got = _on(html, "https://www.observer.example/budget", datetime(2024, 3, 12, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-11T14:00:00+00:00", "second", "meta")


def test_an_ids_second_number_in_the_address_is_no_day() -> None:
    html = ("<html lang='fi'><body><h1>Myrsky</h1><time class='date--published' datetime="
            f"'2024-01-23T17:12:46+02:00'>Julkaistu 23.1. 17:12</time>{_PROSE}</body></html>")
    got = _on(html, "https://yle.fi/a/74-20070123", datetime(2024, 1, 23, 19, 0, tzinfo=UTC))
    check(got.published, "2024-01-23T17:12:46+02:00", "second", "time")


def test_a_boxes_two_labelled_stamps_in_definition_lists() -> None:
    html = ("<html lang='pl'><body><h1>Ruszają konsultacje</h1>" + _PROSE + "<div class='publica"
            "tion-info'><dl class='publication-info__details'><dt>Pierwsza publikacja:</dt><dd>"
            "21.03.2024 10:30</dd><dt>Ostatnia aktualizacja:</dt><dd>22.03.2024 14:05</dd></dl>"
            "</div></body></html>")
    got = _on(html, "https://www.gov.pl/web/klimat/konsultacje",
              datetime(2024, 3, 25, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-21T10:30:00", "minute", "text")
    check(got.modified, "2024-03-22T14:05:00", "minute", "text")


@pytest.mark.parametrize(("other", "expected"), [
    # a judgment's date is the judgment's, not the court's press release's
    ("<p class='pmUrteil'>Urteil vom 20. Februar 2024 – VI ZR 118/23</p>", "2024-02-27"),
    ("<p>Judgment of 20 February 2024, case C-118/23</p>", "2024-02-27"),
])
def test_a_documents_date_after_its_name_is_not_the_pages(other: str, expected: str) -> None:
    html = ("<html lang='de'><body><div class='pmHeader'><p>Nr. 045/2024</p><p>vom 27.02.2024</p>"
            f"</div><h1>Haftung des Betreibers einer Ladestation</h1>{other}{_PROSE}</body></html>")
    got = _on(html, "https://www.bundesgerichtshof.de/SharedDocs/Pressemitteilungen/DE/2024/"
                    "2024045.html", datetime(2024, 2, 28, 7, 10, tzinfo=UTC))
    check(got.published, expected, "date", "text")


def test_a_results_publication_in_a_schedule_is_no_publish_label() -> None:
    html = ("<html lang='pl'><body><h1>Konkurs szkolny</h1><p class='date'>12.03.2024</p><p>"
            "Harmonogram: zgłoszenia do 1 marca 2024 r.</p><p>Publikacja wyników: 8 marca 2024 r."
            f"</p>{_PROSE}</body></html>")
    got = _on(html, "https://szkola.example.pl/aktualnosci/konkurs",
              datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-12", "date", "text")


def test_a_years_prefix_before_an_address_date_keeps_the_date() -> None:
    html = f"<html lang='de'><body><h1>Hochwasserschutz</h1>{_PROSE}</body></html>"
    got = _on(html, "https://www.example.de/presse/2024-20240312-hochwasserschutz-deiche",
              datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, "2024-03-12", "date", "url")


def test_a_judgments_own_page_is_dated_by_it() -> None:
    html = ("<html lang='de'><body><h1>BAG, Urteil vom 20.02.2024 – 9 AZR 123/23</h1><p>Die "
            f"Vorinstanz (Urteil vom 12.05.2023) hatte anders entschieden.</p>{_PROSE}</body></html>")
    got = _on(html, "https://urteile.example.de/bag/9-azr-123-23",
              datetime(2024, 3, 14, 9, 0, tzinfo=UTC))
    check(got.published, "2024-02-20", "date", "text")


def test_a_sentences_clock_of_the_pages_day_lends_it_no_time() -> None:
    html = ("<html lang='en'><body><h1>Quantel Reports Fourth Quarter Results</h1><div class="
            "'module_date'><span class='module_date-text'>06/04/2024</span></div><p>Quantel will "
            "host a conference call today, June 4, 2024, at 1:30 p.m. Pacific Time (4:30 p.m. "
            f"Eastern Time) to discuss the results.</p>{_PROSE}</body></html>")
    got = _on(html, "https://investors.example.com/news/2024/quantel-q4",
              datetime(2024, 6, 5, 9, 0, tzinfo=UTC))
    check(got.published, "2024-06-04", "date", "text")


# pages of the held-out rounds 22 and 23, one rule each: (page, address, fetched, published,
# precision, source)
HELD_OUT_PAGES = [
    pytest.param(
        "<html lang='pl'><body><h1>Wzmacniacz nie włącza się po burzy</h1><div class='post-meta'>"
        "<a href='#p1'>#1</a> <span class='post-date'>20 Lut 2024 14:22</span></div>{prose}"
        "</body></html>", "https://forum.example.pl/viewtopic.php?t=3981",
        datetime(2024, 2, 21, 9, 0, tzinfo=UTC), "2024-02-20T14:22:00", "minute", "text",
        id="a Polish forum's abbreviated month"),
    pytest.param(
        # an obituary's life under its name; the notice's own date at its foot
        "<html lang='en'><body><main><section class='ObituaryHeader'><h1>Eleanor Mae Doucette "
        "Obituary</h1><p class='ObituaryHeader__Dates'>June 2, 1938 &ndash; March 6, 2024</p>"
        "</section><section class='ObituaryText'><div>{prose}{prose}{prose}</div><p class="
        "'ObituaryText__PublishedBy'>Published by Hartford Courant on Mar. 10, 2024.</p>"
        "</section></main></body></html>", "https://www.example.com/obituaries/eleanor-doucette",
        datetime(2024, 3, 12, 9, 0, tzinfo=UTC), "2024-03-10", "date", "text",
        id="a span of full dates ends in no publish date"),
    pytest.param(
        "<html lang='en'><body><table><tr><td class='title'><span class='titleline'><a href="
        "'item?id=1'>Ask HN: How do you keep a side project maintainable?</a></span></td></tr>"
        "<tr><td class='subtext'><a href='user?id=quietgarden' class='hnuser'>quietgarden</a> "
        "<span class='age' title='2024-03-12T14:22:01'><a href='item?id=1'>3 hours ago</a>"
        "</span></td></tr></table>{prose}</body></html>", "https://news.example.com/item?id=1",
        datetime(2024, 3, 12, 17, 31, tzinfo=UTC), "2024-03-12T14:22:01", "second", "time",
        id="a relative time's tooltip that starts with a year"),
    pytest.param(
        "<html lang='en'><body><article><h1>Coasters, tents and a long weekend</h1>{prose}"
        "</article><section class='webmentions'><ol><li class='webmention'><a href="
        "'https://social.example/@tk/1'>Tomás K.</a> replied on <time datetime="
        "'2024-03-10T09:12:44+00:00'>March 10, 2024</time></li></ol></section></body></html>",
        "https://lena.example.net/blog/2024/03/09/coasters/",
        datetime(2024, 3, 12, 9, 0, tzinfo=UTC), "2024-03-09", "date", "url",
        id="webmentions are replies, not the post's date"),
    pytest.param(
        # a print view: the issue's day above the headline, a picture's day in its caption
        "<html lang='de'><body><div id='kopf'><div class='ausgabe'>Aus: Ausgabe vom "
        "13.03.2024, Seite 5 / Inland</div></div><h1>Verdrängung mit Ansage</h1><div class="
        "'Autor'>Von Kristin Lehmann, Leipzig</div><p class='Bildunterschrift'>Sanierte "
        "Häuser in Leipzig-Connewitz (27.2.2024)<br>Foto: Jan Woitas/dpa</p>{prose}</body></html>",
        "https://www.example.de/artikel/470123.verdraengung.html?print",
        datetime(2024, 3, 13, 9, 0, tzinfo=UTC), "2024-03-13", "date", "text",
        id="a date in an element named as a caption is a mention"),
]


@pytest.mark.parametrize(
    ("html", "url", "fetched", "published", "precision", "source"), HELD_OUT_PAGES)
def test_held_out_pages(html: str, url: str, fetched: datetime, published: str,
                        precision: str, source: str) -> None:
    got = _on(html.format(prose=_PROSE), url, fetched)
    check(got.published, published, precision, source)


EVENT_PAGE = ("<html lang='ru'><head><script type='application/ld+json'>{{\"@context\": "
              "\"https://schema.org\", \"@type\": \"{kind}\", \"name\": \"Сплин\", \"startDate\": "
              "\"2024-03-23T19:00:00+03:00\"}}</script></head><body><h1>Сплин. Концерт</h1><p>"
              "{label}<span class='date'>18 февраля 2024</span></p>{prose}</body></html>")


@pytest.mark.parametrize(
    ("kind", "label", "credited", "expected"),
    [
        # an event's page: its dates (a review's, the tickets') are none of the page's
        ("MusicEvent", "", False, None),
        # ... unless one is labelled as the page's publication
        ("MusicEvent", "Опубликовано: ", False, "2024-02-18"),
        # ... or the page is signed: a concert's review, a match report
        ("MusicEvent", "", True, "2024-02-18"),
        # a page about something else keeps its date
        ("Organization", "", False, "2024-02-18"),
    ],
)
def test_an_event_pages_unlabelled_dates_are_the_events(
        kind: str, label: str, credited: bool, expected: str | None) -> None:
    html = EVENT_PAGE.format(kind=kind, label=label, prose=_PROSE)
    got = extract_dates(load_html(html), "https://www.example.ru/concert/1234",
                        fetched_at=datetime(2024, 3, 1, 9, 0, tzinfo=UTC), credited=credited)
    check(got.published, expected)


def test_a_signed_report_of_an_event_keeps_its_byline_date() -> None:
    # the page's only JSON-LD is the match's; its byline signs and dates the report
    html = ("<html lang='en'><head><script type='application/ld+json'>{\"@context\": \"https://"
            "schema.org\", \"@type\": \"SportsEvent\", \"name\": \"Rovers v United\", "
            "\"startDate\": \"2024-03-10T15:00:00+00:00\"}</script></head><body><article><h1>"
            "Rovers come from behind to beat United</h1><p class='byline'>By Tom Price</p><p "
            f"class='date'>10 March 2024, 18:42</p>{_PROSE}</article></body></html>")
    from scraper.extract import extract_article

    art = extract_article(html, "https://www.example.co.uk/sport/rovers-united",
                          fetched_at="2024-03-11T09:00:00Z")
    assert art.authors == ["Tom Price"]
    check(art.published, "2024-03-10T18:42:00", "minute", "text")


@pytest.mark.parametrize(
    ("lang", "stamp", "expected"),
    [
        # Khmer: its digits, its words for day, month and year glued to them, "evening"
        ("km", "ថ្ងៃអង្គារ ទី១២ ខែមីនា ឆ្នាំ២០២៤ ម៉ោង ០៦:០៥ ល្ងាច", "2024-03-12T18:05:00"),
        ("km", "ថ្ងៃអង្គារ ទី១២ ខែមីនា ឆ្នាំ២០២៤ ម៉ោង ០៩:១០ ព្រឹក", "2024-03-12T09:10:00"),
        # Sinhala: the after-noon mark before the clock
        ("si", "2024 මාර්තු 12 ප.ව. 06:05", "2024-03-12T18:05:00"),
        ("si", "2024 මාර්තු 12 පෙ.ව. 06:05", "2024-03-12T06:05:00"),
        # Myanmar and Lao digits
        ("my", "၁၂.၀၃.၂၀၂၄ ၁၈:၀၅", "2024-03-12T18:05:00"),
        ("lo", "໑໒.໐໓.໒໐໒໔ ໑໘:໐໕", "2024-03-12T18:05:00"),
        # "listopad" is October in Croatian, November in Polish and Czech; "lis." and "lip." are
        # October and June in Croatian, November and July in Polish
        ("hr", "14. lis. 2023. 10:15", "2023-10-14T10:15:00"),
        ("hr", "14. listopada 2023. u 10:15", "2023-10-14T10:15:00"),
        ("hr", "3. lip. 2023. 10:15", "2023-06-03T10:15:00"),
        ("pl", "14 lis 2023, 10:15", "2023-11-14T10:15:00"),
        ("pl", "14 listopada 2023, 10:15", "2023-11-14T10:15:00"),
        ("pl", "3 lip 2023, 10:15", "2023-07-03T10:15:00"),
        ("cs", "14. listopadu 2023 10:15", "2023-11-14T10:15:00"),
        ("en", "14 lis 2023, 10:15", None),  # in no other language a month
        # Japan's eras: Reiwa 6 is 2024, its first year ("元年") 2019; Heisei 31 is 2019
        ("ja", "令和6年3月12日 18時05分 公開", "2024-03-12T18:05:00"),
        ("ja", "令和元年5月1日 09時00分", "2019-05-01T09:00:00"),
        ("ja", "平成31年4月30日", "2019-04-30"),
        # Taiwan's Minguo years: the Republic's 113th year is 2024, with or without its name
        ("zh", "中華民國113年3月12日 18:05", "2024-03-12T18:05:00"),
        ("zh", "發布日期：113年3月12日", "2024-03-12"),
        ("zh", "發布日期：113/03/12", "2024-03-12"),
        # not on a page in another language: a bare year of three digits is no year there
        ("en", "Posted: 113/03/12", None),
    ],
)
def test_dates_in_other_scripts_languages_and_calendars(lang: str, stamp: str,
                                                       expected: str | None) -> None:
    got = _page_dates(lang, f"<p class='date'>{stamp}</p>{_PROSE}", "https://www.example.org/news/1")
    if expected is None:
        check(got.published, None)
    else:
        check(got.published, expected, "minute" if "T" in expected else "date", "text")


def test_the_digit_table_holds_every_decimal_digit_of_the_basic_plane() -> None:
    import unicodedata

    from scraper.extract.datepatterns import _DIGIT_ZEROS
    from scraper.extract.datetext import normalize_digits

    zeros = [cp for cp in range(0x80, 0x10000) if unicodedata.decimal(chr(cp), None) == 0]
    assert list(_DIGIT_ZEROS) == zeros
    assert normalize_digits("".join(chr(zero + 7) for zero in zeros)) == "7" * len(zeros)


@pytest.mark.parametrize(("lang", "stamp", "embargo", "expected", "precision"), [
    # the release's day; its embargo line's clock is when the media may report, not the page's
    ("en", "<span class='date'>13 March 2024</span>",
     "<p class='embargo'><strong>EMBARGOED UNTIL 00:01 GMT 13 MARCH 2024</strong></p>",
     "2024-03-13", "date"),
    ("en", "<span class='date'>13 March 2024</span>",
     "<p><strong>Embargoed until 00:01 GMT Wednesday 13 March 2024</strong></p>",
     "2024-03-13", "date"),
    ("de", "<p class='datum'>13.03.2024</p>", "<p>Sperrfrist: 13.03.2024, 11:00 Uhr</p>",
     "2024-03-13", "date"),
    ("fr", "<span class='date'>13 mars 2024</span>",
     "<div class='press-release__embargo'><p>13 mars 2024, 17h00</p></div>", "2024-03-13", "date"),
    # a Korean ministry's "time of reporting" (the morning papers of the 13th) above its own day
    ("ko", "", "<table><tr><th>보도시점</th><td>2024. 3. 13.(수) 조간</td><th>배포</th><td>2024. 3. "
     "12.(화)</td></tr></table>", "2024-03-12", "date"),
    # a release whose embargo line is its only date is still dated by it
    ("en", "", "<p><strong>EMBARGOED UNTIL 00:01 GMT 13 MARCH 2024</strong></p>",
     "2024-03-13T00:01:00+00:00", "minute"),
])
def test_an_embargo_line_gives_no_clock_to_the_release(lang: str, stamp: str, embargo: str,
                                                       expected: str, precision: str) -> None:
    got = _page_dates(lang, f"{stamp}{embargo}{_PROSE}", "https://www.example.org/press/1")
    check(got.published, expected, precision, "text")


@pytest.mark.parametrize("heading", ["新着情報", "最新新闻", "최신 뉴스"])
def test_a_latest_box_named_only_by_its_heading_lends_no_date(heading: str) -> None:
    box = RANKING.replace('<aside class="ranking">', '<div class="box">').replace(
        "</aside>", "</div>").format(heading=heading)
    got = _page_dates("ja", '<p class="date">2024/03/12 18:05</p><p>政府は12日、予備費の追加支出を'
                      "閣議決定した。</p>" + box, "https://www.example.jp/politics/20240312-OYT1T50210/")
    check(got.published, "2024-03-12T18:05:00", "minute", "text")
    assert got.modified is None


@pytest.mark.parametrize("heading", ["・次の記事", "Next article", "■ 다음 기사"])
def test_the_next_articles_box_lends_no_update(heading: str) -> None:
    box = (f'<div class="headline-list"><h2>{heading}</h2><p><a href="/news/20240312-next/">'
           "AI生成楽曲がストリーミングチャート上位に</a> - 2024年03月12日 18時30分</p></div>")
    got = _page_dates("ja", '<p class="date"><time>2024年03月12日 18時05分</time></p>'
                      "<p>政府は12日、予備費の追加支出を閣議決定した。</p>" + box,
                      "https://www.example.jp/news/20240312-budget/")
    check(got.published, "2024-03-12T18:05:00", "minute", "text")
    assert got.modified is None


def test_a_section_of_the_text_called_next_article_is_the_articles() -> None:
    # a help page's section on the app's "Next article" button holds the page's own dates
    body = ('<div class="b-article-body"><p>We have rebuilt the app from the ground up. Here is '
            "what is new.</p><h2>Audio</h2><p>All our podcasts now live in a single Listen tab.</p>"
            "<h2>Next article</h2><p>When you reach the end of a story, swipe left to move to the "
            "next article in the same section.</p><p><em>This article was first published on 12 "
            "March 2024 and updated on 13 March 2024 to add details of offline reading.</em></p>"
            "</div>")
    got = _page_dates("en", body, "https://www.example.com/help/app-next-article")
    check(got.published, "2024-03-12", "date", "text")
    check(got.modified, "2024-03-13", "date", "text")


_CARDS = ("<section><div class='nt-card'><a href='/1'>Zakopane zimą</a><span class='nt-card__meta'>"
          "14 lutego 2025</span></div><div class='nt-card'><a href='/2'>Ferie w górach</a><span "
          "class='nt-card__meta'>10 lutego 2025</span></div><div class='nt-card'><a href='/3'>"
          "Narty w Alpach</a><span class='nt-card__meta'>31 stycznia 2025</span></div></section>")


@pytest.mark.parametrize(("og_type", "published"), [
    # a page that declares itself an article and shows no date of its own: the cards below it
    # are other stories'
    ("article", None),
    # a page that does not (a section page): dated by its list's top entry
    ("website", "2025-02-14"),
])
def test_an_article_dated_only_by_other_stories_cards_has_no_date(
        og_type: str, published: str | None) -> None:
    html = (f"<html lang='pl'><head><meta property='og:type' content='{og_type}'></head><body>"
            "<h1>Ferie zimowe 2025: 5 miejsc, które zimą wyglądają jak z bajki</h1><p>Materiał "
            "partnera</p>" + "<p>Zima w Polsce potrafi zaskoczyć pięknem krajobrazów, a ferie to "
            "najlepszy czas, by je zobaczyć na własne oczy, z rodziną lub z przyjaciółmi.</p>" * 12
            + _CARDS + "</body></html>")
    got = extract_dates(load_html(html.encode()), "https://natemat.pl/592817,ferie-zimowe",
                        fetched_at=datetime(2025, 2, 18, 10, 0, tzinfo=UTC))
    if published is None:
        assert got.published is None
    else:
        check(got.published, published, "date", "text")


# --- templates older than CSS: table layouts, <font> headlines, text between <br>s ------------

_LEGACY = (
    '<html><head><title>Landeskorrespondenz - Neue Radwegverbindung zwischen Dornbirn und '
    'Lustenau</title></head><body><table width="100%"><tr><td><img alt="Land"></td><td><font '
    'size="2">&nbsp;{today}</font></td></tr></table><table width="100%"><tr><td><font size="2">'
    '<a href="/1">Land &amp; Politik</a><br><a href="/2">Verkehr</a></font></td><td><font '
    'size="2">Landeskorrespondenz &gt; Verkehr</font><br><br><font size="4"><b>Neue '
    "Radwegverbindung zwischen Dornbirn und Lustenau</b></font><br><br><font size=\"2\">"
    "{dateline} Die Radwegverbindung zwischen Dornbirn und Lustenau wird ausgebaut. Das Land "
    "übernimmt 60 Prozent der Kosten.<br><br>" + "Die Bauarbeiten sollen im Frühjahr beginnen und "
    "bis Herbst abgeschlossen sein; während der Bauzeit ist mit Behinderungen zu rechnen. " * 10 +
    '</font><br><br><table><tr><td><font size="2"><b>Weitere Meldungen</b><br>19.11.2009 '
    '<a href="/3">Landesbudget beschlossen</a><br>18.11.2009 <a href="/4">Neue Buslinie</a>'
    "</font></td></tr></table></td></tr></table></body></html>")


def test_a_dateline_opening_a_line_of_a_layout_table_dates_the_page() -> None:
    got = _dates(_LEGACY.format(today="Heute ist Montag, 9. September 2024",
                                dateline="Bregenz (VLK), 20.11.2009 &#8211;"))
    check(got.published, "2009-11-20", "date", "text")


def test_a_day_the_page_calls_today_is_never_the_publish_date() -> None:
    got = _dates(_LEGACY.format(today="Heute ist Montag, 9. September 2024", dateline=""))
    assert got.published is None or got.published.local != "2024-09-09"


@pytest.mark.parametrize(("text", "hour"), [
    ("الموافق 12/03/2024 م 06:05 م", 18),  # the Gregorian era "م" after the date, PM after the clock
    ("12/03/2024 م 09:10", 9),
])
def test_an_arabic_era_mark_between_a_date_and_its_clock(text: str, hour: int) -> None:
    from scraper.extract.datetext import find_dates

    found = next(find_dates(text))
    assert (found.day.isoformat(), found.hour) == ("2024-03-12", hour)


def test_brightspots_timestamp_elements_date_the_page() -> None:
    html = ("<html><body><h1>Fargo council approves new budget</h1><div class=\"Page-datePublished\">"
            '<span>Published </span><bsp-timestamp data-timestamp="1718311500000"></bsp-timestamp>'
            '</div><div class="Page-dateModified"><span>Updated </span><bsp-timestamp '
            f'data-timestamp="1718374200000"></bsp-timestamp></div>{_PROSE}</body></html>')
    got = _dates(html, "https://www.inforum.com/news/fargo/fargo-council-approves-new-budget")
    check(got.published, "2024-06-13T20:45:00+00:00", "second")
    check(got.modified, "2024-06-14T14:10:00+00:00", "second")


def test_arc_xps_first_publish_date_gives_the_byline_its_offset() -> None:
    html = ('<html><head><script>Fusion.globalContent={"_id":"5WQ","display_date":'
            '"2024-08-08T23:12:40.312Z","first_publish_date":"2024-08-08T23:12:40.312Z",'
            '"last_updated_date":"2024-08-08T23:58:02.447Z"};</script></head><body>'
            "<h1>BCR recorta la tasa de referencia</h1><p class=\"byline\">08/08/2024 18:12</p>"
            f"{_PROSE}</body></html>")
    got = _dates(html, "https://gestion.pe/economia/bcr-recorta-la-tasa-noticia/")
    assert got.published is not None and got.published.utc == "2024-08-08T23:12:00Z"


@pytest.mark.parametrize("line", [
    "Deze pagina is gegenereerd op 09-09-2024 om 11:58 uur",
    "Philippine Standard Time: Monday, September 9, 2024, 6:00:00 PM",
])
def test_a_render_stamp_or_a_site_clock_is_no_date_of_the_story(line: str) -> None:
    html = f"<html><body><div class='top'>{line}</div><h1>Ferry back</h1>{_PROSE}</body></html>"
    assert _dates(html).published is None and _dates(html).modified is None


_BLOGGER = ('<html><body><h1><a href="http://brockley.blogspot.com/">Brockley Central</a></h1>'
            '<h2 class="date-header">Monday, November 19, 2007</h2><div class="post"><h3 '
            'class="post-title">Cafe kiosk gets go-ahead</h3>' + _PROSE + '<p class="post-footer">'
            "<em>posted by Brockley Nick at <a href=\"{permalink}\" title=\"permanent link\">9:48 AM"
            '</a></em></p></div><div class="comments"><a href="http://brockley.blogspot.com/2007/'
            '11/cafe.html?showComment=1#c1">11:12</a></div></body></html>')


@pytest.mark.parametrize(("permalink", "expected", "precision"), [
    ("http://brockley.blogspot.com/2007/11/cafe.html", "2007-11-19T09:48:00", "minute"),
    # a link elsewhere, or a comment's link, lends no clock
    ("http://brockley.blogspot.com/2007/11/other-post.html", "2007-11-19", "date"),
])
def test_a_blogger_posts_clock_in_its_permalink(permalink: str, expected: str,
                                                 precision: str) -> None:
    got = _dates(_BLOGGER.format(permalink=permalink),
                 "http://brockley.blogspot.com/2007/11/cafe.html")
    check(got.published, expected, precision, "text")


@pytest.mark.parametrize("text", [
    "By Ann Lee. Published March 12, 2024. The council met.",
    "Prof. Ann Lee said. The next",  # an abbreviation's stop: the pattern decides, as before
    "会員登録が必要です。\n\t\t次の記事。\nA",  # "。\n": the empty break, then the line break's
    "ab!  \"Cd", "ab.。C", "。。", "ab?\n", "\n\n", "ab. c. D", "ab.\t“Q", "。\n\n。\nA",
])
def test_sentence_breaks_are_the_patterns_matches(text: str) -> None:
    """_sentence_breaks tries _SENTENCE_BREAK only after a stop or at a line break: it finds
    exactly what a search of every window finds, a window that starts just after a stop too."""
    from scraper.extract.datesentences import _SENTENCE_BREAK, _sentence_breaks

    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            want = [(m.start(), m.end()) for m in _SENTENCE_BREAK.finditer(text, lo, hi)]
            assert _sentence_breaks(text, lo, hi) == want, (lo, hi)


def test_day_words_in_ascii_text_found_as_before() -> None:
    """find_day_words' quick test of lower-case ASCII text must not rule out a day word the
    full pattern reads: "TODAY", "Hari  ini" (two spaces), "Aujourd'hui"."""
    from scraper.extract.datetext import find_day_words

    now = datetime(2024, 3, 12, 15, 0)
    for text, day in [("Updated TODAY", date(2024, 3, 12)), ("Diperbarui Hari  ini", date(2024, 3, 12)),
                      ("Mis à jour Aujourd'hui", date(2024, 3, 12)), ("Posted Yesterday", date(2024, 3, 11))]:
        assert [d for d, _, _ in find_day_words(text, now, 0, len(text))] == [day], text
    assert list(find_day_words("Updated on Tuesday", now, 0, 18)) == []


def test_ascii_stems_read_each_alternative() -> None:
    """The stems are what an alternative must start with in ASCII text: the optional letter
    of "updated?" is not part of it, a folded letter is ("ı" matches "i"), a word that only
    non-ASCII text can hold has none, and a string of several alternatives is refused."""
    from scraper.extract.datepatterns import ascii_stems

    assert ascii_stems(["updated?", r"last\s+change", "publicad[oa]", "erschien(?:en)?",
                        "yayınlanma", "publié", r"ostatni(?:a|ej)\s+zmian"]) == (
        "update", "last", "publicad", "erschien", "yayinlanma", "ostatni")
    with pytest.raises(ValueError):
        ascii_stems(["posted|published"])
    with pytest.raises(ValueError):
        ascii_stems([r"(?:von|vom)\s+"])


@pytest.mark.parametrize(("label", "role"), [
    ("UPDATED: ", "modified"), ("Last Change ", "modified"), ("Posted on ", "published"),
    ("YAYINLANMA: ", "published"), ("Datum: ", "published"), ("By Ann Lee and Bo Chan ", "any"),
    ("Mis à jour le ", "modified"), ("Publié le ", "published"),
])
def test_label_roles_past_the_quick_test(label: str, role: str) -> None:
    """_role_from_label rules a label out by LABEL_STEMS first: the labels that name a role,
    in any case and with a folded letter, still get it."""
    from scraper.extract.datesentences import _role_from_label

    assert _role_from_label(label) == role


def test_a_headerless_page_s_today_at_its_top_is_no_stamp() -> None:
    """A legacy page whose headline no rule finds: the header's today (the fetch's day) at the
    top of its text, with its weekday or in an element named for today, is not its date."""
    day = FETCHED.date()
    for today in (f'<span class="today">{day.year}年{day.month}月{day.day}日 星期一</span>',
                  f"<font size=1>{day.strftime('%A, %d %B %Y')}</font>"):
        html = (f"<table><tr><td>{today}</td></tr><tr><td><div class='source'>2008.10.06 中國時報"
                f"</div><font size=4><b>Ferry fares rise again</b></font><br>{_PROSE}</td></tr>"
                "</table>")
        check(_dates(html).published, "2008-10-06", "date")


def test_a_clock_on_its_own_line_under_the_date_before_a_byline_line() -> None:
    """"Monday, 12 May 2008 \\n18:05 \\nKarl Azzopardi": the clock in the next table cell, named
    for the time (the class on the cell, the clock in a class-less <font> inside it), is the
    date's, though a line of text follows it. A bare clock on a line before text is not
    (test_a_clock_in_the_block_after_a_date)."""
    html = ('<table><tr><td class="newsdate"><font size="1">Monday, 12 May 2008</font></td>'
            '<td class="newstime"><font size="1">18:05</font></td></tr><tr><td class="newstext">'
            f"<font size=2><b>Karl Azzopardi</b><br><br>{_PROSE}</font></td></tr></table>")
    check(extract_dates(load_html(html), "https://www.independent.com.mt/news.asp?newsitemid=1",
                        fetched_at=FETCHED).published, "2008-05-12T18:05:00", "minute")


@pytest.mark.parametrize(("text", "expected"), [
    ("14/04/08 - 14u35", (date(2008, 4, 14), 14, 35)),  # Flemish "u" between hour and minutes
    ("Modificato il: 18.10.07 alle ore 20.31", (date(2007, 10, 18), 20, 31)),
    ("le 23/03/2006 à 17:45 TU", (date(2006, 3, 23), 17, 45)),
])
def test_clocks_of_legacy_templates(text: str, expected: tuple[date, int, int]) -> None:
    from scraper.extract.datetext import find_dates

    found = list(find_dates(text))
    assert [(d.day, d.hour, d.minute) for d in found] == [expected]
    if text.endswith("TU"):
        assert found[0].offset == 0  # "temps universel"


@pytest.mark.parametrize(("label", "role"), [
    ("Last Updated ( Wednesday, ", "modified"),  # the weekday is the date's, no gap
    ("Dernière mise à jour le ", "modified"),  # the noun, as the participle "mis à jour"
    ("La modifica entra in vigore il ", "any"),
])
def test_label_roles_across_a_weekday(label: str, role: str) -> None:
    from scraper.extract.datesentences import MENTION_LABEL_GAP, _role_from_label

    assert _role_from_label(label, near=MENTION_LABEL_GAP) == role


def test_an_isle_of_man_page_reads_day_first() -> None:
    html = (f'<h2>Bus timetable review</h2><div class="newsmeta"><span>Issued:</span> <span>12/05/2009'
            f" 14:30</span></div>{_PROSE}")
    check(extract_dates(load_html(html), "http://www.gov.im/lib/news/transport/review.xml",
                        fetched_at=FETCHED).published, "2009-05-12T14:30:00", "minute")


@pytest.mark.parametrize("box", [
    '<div class="komentari"><b>Коментари (2)</b><div class="k"><b>Иван</b> <span>21.04.2009 10:14</span>'
    "</div></div>",
    '<div class="comentarii"><b>Comentarii (3)</b><div class="com">postat de <b>ion</b> la 21.04.2009 '
    "10:14</div></div>",
    '<div class="pkn-gerelateerd"><h3>Meer nieuws</h3><ul><li><span class="datum">21-04-2009 10:14</span> '
    '<a href="/b">Biddag</a></li></ul></div>',
])
def test_readers_comments_and_other_news_named_in_other_languages(box: str) -> None:
    """Dates of readers' comments and of a list of other news, their boxes named in Bulgarian,
    Romanian or Dutch, are not the page's (its own is a date alone)."""
    html = f'<table><tr><td class="broi">21.04.2009</td></tr></table><h2>Pensions</h2>{_PROSE}{box}'
    check(_dates(html).published, "2009-04-21", "date")


def test_a_day_alone_takes_no_clock_from_a_box_of_that_days_posts() -> None:
    """The page's own day is printed alone; a box beside it lists posts of that same day at
    several clocks ("12.03.09 09:41", "12.03.09 10:15"): none of them is the page's time."""
    box = "".join(f'<div><a href="/f/{i}">Post {i}</a> <span class="klein">12.03.09 {t}</span></div>'
                  for i, t in enumerate(["09:41", "10:15", "13:58"]))
    html = (f'<h2>Klimaforschung</h2><p class="datum">12.03.2009</p>{_PROSE}'
            f'<div class="box"><b>Forum</b>{box}</div>')
    check(_dates(html).published, "2009-03-12", "date")



def _article(lang: str, inner: str, *, ld: str = "", before: str = "", after: str = "") -> str:
    """A page in ``lang`` whose <main><article> holds ``inner`` (the page's JSON-LD in its <head>,
    and chrome before or after the <main>): the shape most of the tests below share."""
    head = f'<head><script type="application/ld+json">{ld}</script></head>' if ld else ""
    return (f'<html lang="{lang}">{head}<body>{before}<main><article>{inner}</article>{after}</main>'
            "</body></html>")


def _dates_at(html: str, url: str, fetched: datetime) -> ExtractedDates:
    return extract_dates(load_html(html), url, fetched_at=fetched)

def test_a_publish_label_in_the_articles_details_column_dates_it() -> None:
    """A podcast page's own details column inside its <article>, named "sidebar", labels the
    day it went online ("Mise en ligne") in one element and gives it in the next: the page's
    date. The same column labelled "Date" (an event's box) stays unread, as any sidebar."""
    def column(label: str) -> str:
        return (f'<html lang="fr"><body><main><article class="podcast-description"><h1>La voix '
                f'des nuls</h1>{_PROSE}<div class="podcast-description__sidebar"><ul><li><p '
                f'class="title">Un documentaire</p><p class="content">de Kristen Falc\'hon</p></li>'
                f'<li><p class="title">{label}</p><p class="content">23 mai 2019</p></li></ul></div>'
                "</article></main></body></html>")

    check(_dates(column("Mise en ligne")).published, "2019-05-23", "date", "text")
    check(_dates(column("Publié le")).published, "2019-05-23", "date", "text")
    assert _dates(column("Date")).published is None


def test_a_day_then_its_publication_and_update_clocks_in_spans_of_their_own() -> None:
    """A regional Chilean site prints the day, then "Publicado a las 18:05", then "Actualizada
    a las 19:12", each in a span of its own with bars between them and the markup's line
    breaks after the bars: one line on the page, so the day takes the publication clock and
    the update is that day's. No zone is stated: none is invented."""
    html = _article("es", '<h1>Habilitan nuevo punto de atención</h1><div class="nota-fecha">\n '
                    '<span class="dia">Martes 20 de febrero de 2024</span> |\n <span class="hora">'
                    'Publicado a las 18:05</span> |\n <span class="actualizada">Actualizada a las '
                    f"19:12</span>\n</div>{_PROSE}")
    got = _dates_at(html, "https://www.soychile.cl/Valparaiso/Sociedad/2024/02/20/848123/nuevo.html",
                    datetime(2024, 2, 21, 14, 0, tzinfo=UTC))
    check(got.published, "2024-02-20T18:05:00", "minute", "text", offset=None)
    check(got.modified, "2024-02-20T19:12:00", "minute", "text", offset=None)


def test_thai_past_hours_in_a_sentence_are_a_span_not_a_stamp() -> None:
    """Thai "ในช่วง 24 ชั่วโมงที่ผ่านมา" is "in the past 24 hours" (a span of time in the
    report), not "24 hours ago"; "2 ชั่วโมงที่ผ่านมา" alone still counts back from the fetch."""
    from scraper.extract.datetext import find_relative

    now = datetime(2024, 3, 14, 13, 0)
    assert list(find_relative("รายงานว่า ในช่วง 24 ชั่วโมงที่ผ่านมา ตรวจพบจุดความร้อน", now)) == []
    assert list(find_relative("ตลอด 3 วันที่ผ่านมา", now)) == []
    assert [when for when, *_ in find_relative("อัปเดต 2 ชั่วโมงที่ผ่านมา", now)] == [
        datetime(2024, 3, 14, 11, 0)]
    html = _article("th", "<h1>ไฟป่าเชียงใหม่</h1><p>สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงใหม่"
                    "รายงานว่า ในช่วง 24 ชั่วโมงที่ผ่านมา ตรวจพบจุดความร้อนกว่า 200 จุด</p>")
    got = _dates_at(html, "https://www.chiangmainews.co.th/page/archives/2461234/",
                    datetime(2024, 3, 14, 6, 0, tzinfo=UTC))
    assert got.published is None


def test_a_movable_type_entry_is_dated_by_its_trackback_rdf() -> None:
    """Movable Type hides the entry's timestamp, to the second and with its offset, in a
    trackback RDF block inside an HTML comment; the page prints "Posted by jparks at 2:15 PM"
    under a date header. The RDF that describes this very page dates it; one that describes
    another entry (an index page's) does not, and the RDF never reaches the body."""
    from scraper.extract import extract_article

    def page(about: str) -> bytes:
        return ('<html><head><title>AFL-CIO NOW BLOG: Workers Rally</title>\n<!--\n<rdf:RDF xmlns:rdf'
                '="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements'
                f'/1.1/">\n<rdf:Description rdf:about="{about}" dc:title="Workers Rally" '
                f'dc:identifier="{about}" dc:creator="jparks" dc:date="2008-03-04T14:15:22-05:00" />\n'
                '</rdf:RDF>\n--></head><body><h2 class="date-header">Tuesday, March 4, 2008</h2><div '
                f'class="entry"><h3 class="entry-header">Workers Rally</h3>{_PROSE}<p class="entry-footer">'
                "Posted by jparks at 2:15 PM</p></div></body></html>").encode()

    url = "http://blog.aflcio.org/2008/03/04/workers-rally/"
    art = extract_article(page(url), url, fetched_at="2008-03-06T15:00:00Z")
    check(art.published, "2008-03-04T14:15:22-05:00", "second", "microdata", offset="-05:00")
    assert "rdf" not in art.body and "jparks" not in art.body
    other = extract_article(page("http://blog.aflcio.org/2008/03/03/nurses/"), url,
                            fetched_at="2008-03-06T15:00:00Z")
    check(other.published, "2008-03-04", "date", "text")


def test_a_forums_day_word_clocks_are_in_the_offset_its_footer_states() -> None:
    """A vBulletin thread prints "Yesterday, 06:05 PM" and states "All times are GMT -5" in its
    footer: the clock is that offset's, and "yesterday" is the day before the fetch's day
    there (the fetch at 03:30 UTC on March 13 is 22:30 on March 12 at -05:00)."""
    html = ('<html><head><meta name="generator" content="vBulletin 3.8.7"></head><body><table>'
            '<tr><td class="thead">Yesterday, 06:05 PM</td></tr><tr><td><div class="smallfont">'
            f'<strong>Ice storm closes county roads</strong></div>{_PROSE}</td></tr></table><div '
            'class="smallfont" align="center">All times are GMT -5. The time now is 10:30 PM.</div>'
            "</body></html>")
    got = extract_dates(load_html(html), "https://forums.example.com/showthread.php?t=48213",
                        fetched_at=datetime(2024, 3, 13, 3, 30, tzinfo=UTC))
    check(got.published, "2024-03-11T18:05:00-05:00", "minute", "text", offset="-05:00")


@pytest.mark.parametrize(("text", "clock"), [
    ("12/03/2009 15.42.12", (15, 42, 12)),  # a dotted clock's seconds, dotted too
    ("12/03/2009 15.42", (15, 42, None)),
    ("12/03/2009 18:05:33", (18, 5, 33)),
])
def test_a_dotted_clock_may_carry_dotted_seconds(text: str, clock: tuple[int, int, int | None]
                                                 ) -> None:
    from scraper.extract.datetext import find_dates

    found = list(find_dates(text, day_first=True, default_year=2009))
    assert [(p.day, p.hour, p.minute, p.second) for p in found] == [(date(2009, 3, 12), *clock)]


def test_a_dotted_day_after_a_date_is_no_clock() -> None:
    """ "12.03.2009 10.05.2024" is two days, not a day at 10:05 with 20 seconds."""
    from scraper.extract.datetext import find_dates

    found = list(find_dates("12.03.2009 10.05.2024", day_first=True, default_year=2009))
    assert [(p.day, p.hour) for p in found] == [(date(2009, 3, 12), None), (date(2024, 5, 10), None)]


def test_a_mastheads_issue_line_above_a_font_headline_dates_the_page() -> None:
    """A 2006 university paper's template prints "Harvard University Gazette | April 13, 2006"
    in a <font> line above the <font> headline, in a cell of <br>-separated lines: the words
    before the bar are the paper's name, not a sentence, so its day dates the page (a day the
    text mentions, "Aug. 9, 2001", does not)."""
    html = ('<html><body><table><tr><td><font size="2"><b>Harvard University Gazette &nbsp;|&nbsp; '
            'April 13, 2006</b></font><br><br><font size="5">Stem cell institute names first '
            'faculty fellows</font><br><br><font size="3">The institute has named its first class '
            "of fellows, who will receive three years of funding to pursue research that agencies "
            "might consider too risky.<p>The program was first proposed on Aug. 9, 2001, when the "
            "founders met in Cambridge to plan it.<p>" + "Its fellows work in many labs. " * 8
            + "</font></td></tr></table></body></html>")
    got = extract_dates(load_html(html), "http://www.news.harvard.edu/gazette/2006/04.13/05-stemcell"
                        ".html", fetched_at=datetime(2006, 4, 20, 8, 0, tzinfo=UTC))
    check(got.published, "2006-04-13", "date", "text")


def test_a_top_bars_date_cell_named_datatopo_is_todays_date() -> None:
    """A 2010 Brazilian paper prints the fetch's day in its top bar's "datatopo" cell
    ("Fortaleza, Domingo, 14 de Março de 2010") and the story's own day in "(12/3/2010)"
    beside the section's name: the story's day is the page's."""
    html = ('<html><body><table><tr><td class="datatopo">Fortaleza, Domingo, 14 de Março de 2010'
            '</td></tr><tr><td class="menu"><a href="/c">Cidade</a> | <a href="/n">Negócios</a></td>'
            '</tr><tr><td><span class="editoria">NEGÓCIOS</span> <span class="datamateria">(12/3/2010)'
            '</span><br><span class="titulo">Porto do Pecém amplia movimentação de cargas</span><br>'
            + "O terminal movimentou 612 mil toneladas de cargas em janeiro e fevereiro.<br>" * 4
            + "</td></tr></table></body></html>")
    got = extract_dates(load_html(html), "http://diariodonordeste.globo.com/materia.asp?codigo=765432",
                        fetched_at=datetime(2010, 3, 14, 10, 0, tzinfo=UTC))
    check(got.published, "2010-03-12", "date", "text")


def test_azerbaijani_today_with_a_clock_is_the_fetchs_day() -> None:
    """Oxu.az prints "Bu gün, 10:25" (Azerbaijani "today"): the fetch's day at that clock, no
    zone invented; "bu gün" in a sentence without a clock is no stamp."""
    html = _article("az", '<h1>COP29 Bakıda başladı</h1><div class="when"><span class="date">Bu gün'
                    '</span>, <span class="time">10:25</span></div><p>Konfrans bu gün Bakı Olimpiya '
                    f"Stadionunda işə başlayıb.</p>{_PROSE}")
    got = _dates_at(html, "https://oxu.az/politics/cop29-bakida-basladi",
                    datetime(2024, 11, 11, 9, 0, tzinfo=UTC))
    check(got.published, "2024-11-11T10:25:00", "minute", "text", offset=None)


def test_an_update_clock_in_gmt_keeps_the_structured_update_in_the_sites_offset() -> None:
    """A Tamil paper's byline says "Update: 2024-11-27 05:07 GMT" while its JSON-LD gives the
    same moment as "2024-11-27T10:37:12+05:30": the structured stamp (to the second, in the
    site's own offset) is kept; GMT in a byline is no zone of the publisher's."""
    ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Heavy rain alert",'
          '"datePublished":"2024-11-27T10:25:41+05:30","dateModified":"2024-11-27T10:37:12+05:30"}')
    html = _article("ta", '<h1>Heavy rain alert</h1><div class="story-published-date">நவம்பர் 27, '
                    '2024 10:25 AM IST</div><div class="story-updated-date">Update: 2024-11-27 05:07 '
                    f"GMT</div>{_PROSE}", ld=ld)
    got = _dates_at(html, "https://www.dailythanthi.com/news/rain-1130245",
                    datetime(2024, 11, 27, 8, 12, tzinfo=UTC))
    check(got.modified, "2024-11-27T10:37:12+05:30", "second", "jsonld", offset="+05:30")


def test_readers_comments_in_a_box_named_commentbox_or_cmt_are_not_updates() -> None:
    comments = ('<div class="commentBox"><h4>网友评论</h4><div class="cmt"><span class="t">2025-01-21 '
                '08:02</span><p>值得关注。</p></div><div class="cmt"><span class="t">2025-01-21 08:15'
                "</span><p>签了很多。</p></div></div>")
    html = _article("zh", f'<h1>特朗普签署行政令</h1><p class="time">2025-01-21 07:45</p>{_PROSE}',
                    after=comments)
    got = _dates_at(html, "https://world.huanqiu.com/article/4LBdX2kQp8m",
                    datetime(2025, 1, 21, 2, 30, tzinfo=UTC))
    check(got.published, "2025-01-21T07:45:00", "minute", "text")
    assert got.modified is None


@pytest.mark.parametrize(("text", "lang"), [
    ("2024年3月6日 水曜 午前8:12", "ja"),  # the weekday without brackets, its 曜 written
    ("2024年3月6日 水曜日 8:12", "ja"),
    ("2024년 3월 6일 수요일 오전 8:12", "ko"),
    ("2024年3月6日 星期三 08:12", "zh"),
])
def test_a_cjk_weekday_without_brackets_between_a_date_and_its_clock(text: str, lang: str) -> None:
    from scraper.extract.datetext import find_dates

    found = list(find_dates(text, day_first=False, default_year=2024, context=f"{lang} "))
    assert [(p.day, p.hour, p.minute) for p in found] == [(date(2024, 3, 6), 8, 12)]


def test_fnns_utc_stamp_is_written_as_the_local_morning_its_byline_shows() -> None:
    """FNN's JSON-LD gives "2024-03-05T23:12:00.000Z"; its byline "2024年3月6日 水曜 午前8:12" is
    the same moment on the next local day: the byline's day, at +09:00."""
    ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"都心で積雪",'
          '"datePublished":"2024-03-05T23:12:00.000Z"}')
    html = _article("ja", '<h1>都心で積雪</h1><p class="article-header-info__time">2024年3月6日 水曜 '
                    f"午前8:12</p>{_PROSE}", ld=ld)
    got = _dates_at(html, "https://www.fnn.jp/articles/-/667123", datetime(2024, 3, 6, 2, 0, tzinfo=UTC))
    check(got.published, "2024-03-06T08:12:00+09:00", "second", "jsonld", offset="+09:00")


def test_a_bengali_danda_between_a_date_and_its_clock() -> None:
    """Samakal prints "প্রকাশ: ০৫ মার্চ ২০২৪ । ২৩:৪০" and "আপডেট: ০৬ মার্চ ২০২৪ । ০০:১৫" in
    Bengali digits, a danda between the day and the clock, no zone anywhere."""
    html = _article("bn", '<h1>ঢাকায় তাপমাত্রা বাড়ছে</h1><div class="time-info"><p class="published">'
                    'প্রকাশ: ০৫ মার্চ ২০২৪ । ২৩:৪০</p><p class="updated">আপডেট: ০৬ মার্চ ২০২৪ । ০০:১৫</p>'
                    f"</div>{_PROSE}")
    got = _dates_at(html, "https://samakal.com/bangladesh/article/227654/x",
                    datetime(2024, 3, 6, 5, 0, tzinfo=UTC))
    check(got.published, "2024-03-05T23:40:00", "minute", "text", offset=None)
    check(got.modified, "2024-03-06T00:15:00", "minute", "text", offset=None)


def test_a_breaking_tickers_relative_stamp_is_no_clock_of_the_page() -> None:
    """A print story dated "March 05, 2024" under a "breaking_ticker" bar whose item says "18
    mins ago": the ticker is the site's, and the story keeps its day alone."""
    ticker = ('<header><a href="/">The News</a></header><div class="breaking_ticker"><span>Breaking'
              '</span> <a href="/latest/1">PSX gains over 600 points</a> <em>18 mins ago</em></div>')
    html = _article("en", '<h1>Sindh notifies Ramazan timings</h1><div class="category-date">March '
                    f"05, 2024</div>{_PROSE}", before=ticker)
    got = _dates_at(html, "https://www.thenews.com.pk/print/1164212-sindh-timings",
                    datetime(2024, 3, 5, 14, 10, tzinfo=UTC))
    check(got.published, "2024-03-05", "date", "text")


def test_a_bem_header_date_is_the_bars_today() -> None:
    """Finansavisen's top bar prints the fetch's day in "fa-header__date" (a BEM name, two
    underscores); its paywalled teaser shows no date of its own: the page has none."""
    bar = ('<div class="fa-header"><div class="fa-header__top"><span class="fa-header__date">Tirsdag '
           '5. mars 2024</span><a href="/eavis">eAvis</a></div></div>')
    html = _article("nb", '<h1>Oljefondet kutter i kinesiske eiendomsaksjer</h1><p class="byline">Av '
                    f"Kari Holm</p>{_PROSE}", before=bar)
    got = _dates_at(html, "https://www.finansavisen.no/finans/8112345/oljefondet",
                    datetime(2024, 3, 5, 12, 10, tzinfo=UTC))
    assert got.published is None


@pytest.mark.parametrize(("year", "month", "day", "gregorian"), [
    (2016, 7, 4, date(2024, 3, 13)),  # 4 Megabit 2016
    (2016, 1, 1, date(2023, 9, 12)),  # Enkutatash before a Gregorian leap year
    (2015, 13, 6, date(2023, 9, 11)),  # the sixth day of Pagume in a leap year
    (2017, 4, 29, date(2025, 1, 7)),  # Genna, 29 Tahsas
    (2016, 13, 6, None),  # Pagume has five days in a common year
])
def test_ethiopian_dates_are_converted(year: int, month: int, day: int, gregorian: date | None
                                       ) -> None:
    from scraper.extract.datetext import _from_ethiopian

    assert _from_ethiopian(year, month, day) == gregorian


def test_an_amharic_page_dated_in_the_ethiopian_calendar() -> None:
    """The Ethiopian Reporter dates its story "መጋቢት 4 ቀን 2016" (4 Megabit 2016, the Ethiopian
    calendar's, "ቀን" being "day"), under a header that shows the fetch's day in the same
    calendar with its weekday: the story's day, converted, is 2024-03-13."""
    header = '<header><span class="et-date">ሐሙስ፣ መጋቢት 5 ቀን 2016 ዓ.ም.</span></header>'
    html = _article("am", '<h1>ብሔራዊ ባንኩ የወለድ ምጣኔን ከለሰ</h1><div class="entry-meta"><span '
                    f'class="date">መጋቢት 4 ቀን 2016</span></div>{_PROSE}', before=header)
    got = _dates_at(html, "https://www.ethiopianreporter.com/128140/",
                    datetime(2024, 3, 14, 6, 0, tzinfo=UTC))
    check(got.published, "2024-03-13", "date", "text")


def test_a_print_issues_date_yields_to_the_storys_own_stamp() -> None:
    """A Ukrainian paper prints its story's "12.03.2010 | 10:42" above the headline and the
    print issue it ran in, "Номер 45 (4795) від 13.03.2010", right below: the issue's day (the
    next one) is the edition's, not the story's."""
    html = ('<html lang="uk"><body><div class="article"><div class="adate">12.03.2010 | 10:42</div>'
            '<h1>Посівна під загрозою</h1><div class="issue">Номер 45 (4795) від 13.03.2010</div>'
            f"{_PROSE}</div></body></html>")
    got = extract_dates(load_html(html), "http://www.golos.com.ua/article/12345",
                        fetched_at=datetime(2010, 3, 14, 8, 0, tzinfo=UTC))
    check(got.published, "2010-03-12T10:42:00", "minute", "text", offset=None)

"""Publish and modified timestamps with timezone and provenance, decided from every date on a page.

Decision rules
--------------
1. Candidates come from JSON-LD (article objects first, then pages and other creative works
   with a datePublished), microdata, ``<meta>``, ``<time>``, visible text, the URL
   (/2021/07/22/, /2021-07/22/, 2021-07-22, 20210722, 22-07-2021; a one-digit "day" that
   starts a slug is not a day; a dpa URN's fixed "newsml-dpa-com-20090101-" is followed by the
   story's YYMMDD; another NewsML URN's day is its own) and feed/sitemap hints. When no
   structured publish date
   exists, the first publish key of the page's inline JSON state (``"publishedDate"``,
   ``"created_at"``, a headless WordPress's ``"post_date_gmt"``, a Unix time in seconds or
   milliseconds: ``"published":1712641680000``, bare keys in Nuxt's JavaScript payload... in a
   non-JSON-LD script; not one inside another story's data, under "related", "sidebar") is a weak
   candidate, a JSON-LD block too
   broken to parse (an extra brace) is read the same way with a JSON-LD page object's weight,
   failing both a short script that prints a day and a clock in place
   (``<script>showDate("2020/04/17 01:43:09")</script>``, document.write; not a clock's
   "serverDate", a countdown's or an offer's expiry, nor the fetch's day or the day before) is
   a weak one, and a day in the og:image path is a weaker last resort. RDFa in the body (Drupal's
   ``<span property="dc:date dc:created" content=…>``) counts as microdata when its subject
   (the nearest ``about``) is the page's address or the node holding the headline, not a
   teaser's or a comment's; so does a blog engine's trackback RDF, hidden in an HTML comment,
   that describes the page itself (Movable Type's ``<rdf:Description rdf:about=…
   dc:date="2008-03-04T14:15:22-05:00"/>``; an index page's blocks describe others). An hAtom
   ``<abbr class="published" title="2021-07-22T16:25:00+02:00">`` counts like a ``<time>``,
   and so does an ISO day and clock kept in an element's ``title`` (a "timeago" tooltip, also
   over a link's "3 hours ago" when the tooltip starts with a year: Hacker News's "age") or
   in a data attribute named for a date or time (``data-date``, ``data-date-time``), and a
   ``<time>``'s tooltip holding a day and a clock ("12.03.2024 12:44:21").
   The headline is the h1 closest to the page title (without the site's name: "Headline |
   Site" -> "Headline") unless it shares little with it while an h2/h3 covers the title (the
   h1 is then the site's name); a heading merely classed "title" (a widget's) counts only
   when no heading matches, and a title-classed div/span stands in for a missing heading.
   Each candidate has a role (published, modified or unlabelled) read from its key, its
   class/itemprop or a label just before it ("Updated", "Aktualisiert", "mis à jour", ...;
   a Japanese or Chinese label after its stamp names it ("… 09時12分 公開", "[… 11時40分 更新]":
   not one that leads the next stamp, "10:45 수정: 2023/11/08 13:20", "更新日：…", and not over
   a label of its own before it, "公開日：");
   a label leads to its date, at most 16 characters after the word, and also names the role
   of a ``<time>`` element after it or starting its text: "<time …>Updated Mar 13, 2024";
   a label word inside a headline-length link names no date after the link, a teaser's
   "… route map updated</a> March 13" (a link that is the label alone, "<a>Last updated</a>",
   still does); an update word before "ab", "zum", "effective", Dutch "per" ... dates when a
   change comes into force), and a weight. Classes: an hAtom "updated" beside a "published"
   is the update; hidden for search engines ("updated rich-snippet-hidden") it is the update
   or, on the publish day, the publish moment (it weighs 3 less as a publish date); alone it
   is either stamp (tagDiv's "entry-date updated"), and its wrapper may say which
   ("date-modified"); WordPress's "status-publish" on every post's ``<article>`` is no role.
2. Place decides visible dates: dates inside site chrome (header/nav/footer/aside outside the
   article; a consent wall's dialog, "cmp-wall", not Adobe's Core Components named "cmp-text";
   a box inside the ``<article>`` named like chrome, a
   breadcrumb, is read when it
   holds an element named for the publish stamp or repeats the headline in an element named
   like one, the article's header column ('<div class="sidebar"><p class="h1">Headline');
   code samples ('"expires": "2023-11-06T10:00:00Z"' in a <code>); an
   aside inside <main> but outside the
   <article> element holding a list of links or, after the headline, a list of entries of a few
   words each (not one holding a ``<time>`` or entries that start "By …", "Published …": the
   article's details), sidebars, related/latest/most-read/"other news" lists, comments and
   webmentions; a
   ``<nav>``, unless it is a byline list inside the <article> that holds no link) are ignored;
   dates next to the headline or in a byline/date element weigh most; dates inside running prose
   are mentions and weigh least; dates far above the headline (a header's "today") are
   discounted, and a day with its weekday above the headline, outside any <article> and <main>,
   in no element named like a date or byline (unless a class word names the bar or today,
   "jeg_top_date", "current-date", and the element shares no box with the headline; an article's
   own "entry-header-date" or "is-today" does not), that is the fetch's own day ("Thursday,
   March 14, 2024" in a toolbar) is the header's "today" and no date, unless it shares a box
   with the headline (two levels up from each: "<div class=sida><span>torsdag 14 mars 2024
   </span><h1>") or stands right above a headline that no <article> holds either, with no
   navigation between. A box with
   role="complementary" that is named like a byline ("meta", "date") is not a sidebar. Captions
   outside ``<figcaption>`` ("Foto: ...", "Image: ...") and the end of a span of days ("5. bis
   11. Februar 2022", "9-23 Feb 2017": an event; "June 2, 1938 – March 6, 2024": a life) and
   dates in a game's or an event's box
   ("kick-off", "Veranstaltungen", a match sheet two levels up that does not hold the
   headline: "ficha-jogo", not "cronica-partido"; a share price's box and its "as of" stamp,
   "stock-quote-box") weigh as mentions, and so do a document's
   date ("Urteil vom 20. Februar 2024"), a print issue's ("Номер 45 (4795) від 13.03.2010")
   and an embargo line's ("EMBARGOED UNTIL 00:01 GMT 13
   March 2024", "Sperrfrist", "보도시점", or in a box named for the embargo), none of which
   lends its clock to the page's own stamp of that day; a clock alone in an
   element named for a length ("<span class=video-duration>22:47</span>") is no clock of the
   date after it; a member's join date beside
   a forum post ("Registered:", "Mitglied seit"), a citation's access date ("abgerufen am",
   "Retrieved", "consulté le") and a validity window ("gültig von: … bis: …", "Valid until";
   a preposition or a colon after the word: not a headline's "… bleiben gültig" above the
   date) are no candidates.
   Whether a block is running prose is judged on its own text (more than ten words, ending
   like a sentence, also after a bracket or a quote: "… (BAnz AT 22.12.2021 B4)."), never on
   a nested block's words or the first words of the block after it; a byline's block ("By:
   Jane Roe - Reporter / @jroe<br>Daily Inquirer / 05:42 AM July 23, 2024") is no sentence,
   however many words stand before its date, nor is a masthead's issue line, its date after a
   bar or a bullet ("Harvard University Gazette | April 13, 2006"); a date in a shorter block ending like a
   sentence, after three lower-case words (or six Chinese or Japanese characters) and no
   stamp verb nor "by" word, weighs as a mention too ("The law was passed on July 13,
   2021.") but still dates a page that has no other date. A teaser of the page
   itself in a list of stories (a short ``<article>``/``<li>`` away
   from the headline whose link goes to the page's own address, its URL without tracking
   parameters or its canonical address, not to a fragment of it, and reads like the page
   title: a "cite this page" box is none) dates it: its date element (a ``<time>`` or one
   classed as a date) weighs like a labelled byline date, below a structured timestamp with
   a time, and the same kind of element in the list's other entries holds other stories'
   dates (mentions); nothing outside those entries (the headline's own byline in the same
   markup) is touched. On a page whose JSON-LD describes an event (a type ending in "Event":
   a concert, a conference, a course) and no article, and that credits no author (a match
   report or a review does), the visible dates without a publish or update label are dropped:
   they are the event's, its tickets', its reviews'.
3. Impossible dates are dropped: later than ``fetched_at`` (+5 min with a known offset,
   +1 day for a date-only or zone-less value), before 1990. A structured timestamp within
   10 minutes of ``fetched_at`` is a render-time stamp and only counts if other evidence
   agrees (a render-time dateModified equal to a render-time datePublished is no update).
   Copyright years are never dates (a full day is required).
4. The publish day is the candidate with the highest weight plus agreement: a candidate
   gains from every *other* family (structured data, visible page, URL, feed/sitemap) whose
   strongest members name the same day (each family votes once). A date appended to the
   page title ("Headline | Site | 28.04.2023") counts as metadata. Two unlabelled timestamps
   side by side in one byline: the later one is the update. An unlabelled page date that
   repeats the structured dateModified (and not datePublished) is the update stamp; a day
   alone, when it is dateModified's and more than a day from datePublished's (a theme that
   prints the modified date in the byline). A structured datePublished equal to dateModified
   is the last update when the byline shows a publication more than 14 hours (the widest
   offset) earlier with "Updated" right after it ("January 19, 2020 / 12:25 PM / Updated 8
   hours ago"): a CMS that writes its update time into both.
4b. The URL's day is written when the story is created: a publish date more than 30 days
   after it is a re-stamp (the URL's day wins); a visible one more than a year before it is
   a mention that outweighed the date line (a date within a day of the URL's wins). A UTC
   stamp within 6 hours of midnight whose neighbouring day is the URL's day (no profile
   zone) is shown with the offset its own printed clock of that day implies ("<time
   datetime=…18:02Z>Wed 13 Mar 2024 at 5:02am" under /2024-03-13/: +11:00), else with the
   offset the page states for its update (near the headline) or in another structured stamp
   when that puts it on the URL's day, else with the
   smallest whole-hour offset that puts the same instant on the URL's day (not when the page
   states that instant with a zone of its own: "12:15 a.m. CT March 12" under /2024/03/11/).
   So is a UTC stamp of the evening before a byline that shows the URL's day alone (The
   National's "Mar 11, 2024" beside "2024-03-10T20:05:10Z" under /2024/03/11/).
4c. A list page: when the winner is a visible date away from any headline, with no structured,
   URL or feed date, and it repeats in the same kind of element (tag and classes, with its
   parent's) with two or more other days, it is one entry of a list (a home or section page);
   the page is dated by the list's top entry, which lists lead with their newest; but a page
   that declares itself one article (og:type "article", a JSON-LD article) and has no other
   date than such a list's (teaser cards, a table of dates, comments' stamps) has none of its
   own: the list's are other things'. A live
   blog's or a thread's entries (three or more unlabelled times in one kind of element, on a
   page with another date) are posts: all but the earliest weigh 3 less, and the earliest too
   when the page prints its moment elsewhere (the blog's header line).
5. The representation of that moment is the most precise consistent one (same instant, same
   wall clock, or a zone-less clock a whole number of hours off a UTC instant): a structured
   timestamp with an offset is kept verbatim (a day alone takes its clock only from a stamp
   of that day that is no entry of a list showing other days: not a forum box's "Dernier
   message le 05/09/2023 à 22:14") (a UTC one is written in the profile zone's time
   when the site has one; and it does not stand in for a byline labelled as the publication
   with a stated zone, not an ambiguous one like IST, an hour or more away and not a whole
   number of hours: that is another moment, a CMS's creation time), unless the visible byline
   shows the same wall
   clock with a different explicit offset (the visible offset wins, but not a zone
   abbreviation out of season where it is used, "CST" in July or "GMT" in a British summer,
   beside a stamp at that place's real offset), or the same instant with a stated zone
   while the stamp is in another non-UTC offset (the CMS's own, Madrid's for a Buenos Aires
   edition: the byline's zone wins; not an ambiguous abbreviation, nor "13 hours ago",
   counted back from the fetch in UTC), or with no offset on a
   site whose profile zone disagrees (the profile zone wins), or it is UTC and the page's own
   view of that instant (a visible/``<time>`` local time) falls on another calendar day (the
   local view is used, so the day is the publisher's; a zone-less clock :30 or :45 off the
   instant counts where the page's country or language has that offset, India's +05:30,
   Nepal's +05:45, Iran's +03:30); a UTC stamp on a whole hour that is the
   next day's midnight east of UTC (in the profile zone when there is one, else at an offset
   where the page's language is written: +1..+3 for German, +9 for Japanese; for English,
   written on every side of UTC, only the offsets of the country its address names, +8..+11
   on a .au), beside a byline
   (the strongest publish date near the headline) showing only that next day, was a date-only
   value stored as local midnight: the byline's day is kept (precision "date"); a structured
   local midnight (any offset) beside a byline of that day that shows another time was a
   date-only field: the byline's time, in the stamp's offset. Then a visible
   time with an explicit offset or zone abbreviation (a ``<time>``'s own datetime when it is
   the same minute to the second, else a zone-less structured stamp of that wall clock, to
   the second, in the byline's zone: Kompas's "2024-02-14 21:34:56" beside "21:34 WIB"; a
   ``<time>``'s UTC datetime whose printed clock falls on another day is written as that
   clock shows it, as a structured UTC stamp is); then a feed/sitemap or inline-JSON time (the byline's
   zone-less clock takes the offset that instant implies; from inline JSON not a midnight,
   nor an offset where the page's language is not written: a German page's local time marked
   "Z"); then a zone-less time, read
   in the profile zone, or in the offset a forum (its address's paths, "/threads/",
   "viewtopic.php", or its generator) states for all its times ("All times are GMT +1", "Alle
   Zeiten sind UTC+02:00": the offset when the page was rendered, so not for a time across a
   daylight-saving switch from the fetch; a day word's clock too, "Yesterday, 06:05 PM", on
   the day the word names in that offset). A zone-less structured time that equals
   the byline's time converted to
   UTC was UTC: the byline's local time is kept; so is the printed clock beside a zone-less
   ``<time datetime>`` a whole number of hours off it. Without a zone it stays zone-less. Only a day
   -> "date".
6. Zone rules: explicit offsets win; an abbreviation of several places (IST: India, Israel or
   Ireland) takes the reading that puts its clock on a structured stamp's instant (Haaretz's
   English "1:15 am IST" beside "…23:15:40Z": Israel's), else abbreviations are read in
   context: as the site
   profile's zone names itself when it has one (IST on an Asia/Jerusalem site is Israel's),
   else IST is India unless the page is Hebrew/.il or Irish, CST is China on Chinese pages,
   BST is Bangladesh on Bengali pages (bdnews24's "BdST" everywhere); a zone may stand
   between the date and its clock
   ("2024-03-12 HKT 18:05"). Arabic zones by their city ("بتوقيت مكة", KSA); zones written out
   ("Eastern Daylight Time", "India Standard Time"); South America's (CLT/CLST, COT, PET ...);
   Sky's ", UK" (GMT or BST by the day); English Canada's AT and NT on Canadian pages only,
   on the clock's line and not on a site of another zone (NT is also the Northwest
   Territories); generic names (ET, PT) follow DST, in the profile's zone when its standard
   time is theirs (MT on an Arizona site); a specific name used in the wrong
   season (EST in July) keeps its stated offset and drops the IANA zone. Wall-clock times
   in a profile zone use zoneinfo: an ambiguous time (autumn fold) is its first occurrence,
   a time in the spring gap is read with the offset before the gap (02:30 -> 03:30+02:00).
7. Numeric dates like 07/08/2021: a part above 12 decides; otherwise the page's other
   unambiguous numeric dates, then its language/TLD/zone (English is month first in the
   Americas, the Philippines and on a .com without a profile zone naming another country;
   dotted dates are always day first, but on Korean, Japanese and Chinese pages a two-digit
   year comes first, OhmyNews' "24.05.17", "24·03·12"; a declared "en-US", many CMSes' default, does not hide
   a country's domain: .com.au is day first, .com.ph month first); a labelled one that
   would lie after the fetch is
   read the other way round. A day without a year ("12.3. 18:05", "3/13 08:22", "March 13")
   is this year's (the previous one's when later than the fetch) only after a publish or
   update label (or before a CJK one: "（3/13 08:22 更新）"), or, with a clock, as the text
   of a ``<time>`` or of a box named like a date on a page with no stamp that has a year
   and a clock, or, without one ("Mar 12", "12th March"), as such a text on a page whose
   ``<time>``s and date boxes show no year (then it weighs less, and a coming day is an
   event's, not last year's; a coming day in a sentence is an event's too, and a page whose
   URL has an earlier year than the fetch's gives its days that year);
   "22 July, 16:25" with its time. Month words that are other words are read only where
   they are months: Malay "Mac" on Malay pages or after a Malay word, Marathi "मे" not on
   Hindi pages, "ago" (August) not on English ones ("12h ago"), South Slavic genitives
   ("marta") and Greek abbreviations after the day; "listopad" is October on Croatian and
   Bosnian pages, November elsewhere, and "lis"/"lip" are read only on Croatian, Bosnian and
   Polish pages (October/June, November/July). The Levantine and the Egyptian month names
   side by side ("12 آذار / مارس 2024") are one month.
   Solar Hijri dates are converted (numeric ones, "۱۴۰۲/۱۲/۲۲", on a Persian or Pashto page or
   one from Iran or Afghanistan only), Thai Buddhist Era years (2567) are 543 years ahead,
   Japan's era years ("令和6年3月12日", "平成31年") and Taiwan's Minguo years ("民國113年3月12日";
   bare, "113/03/12", on Chinese pages only) are counted from their eras' starts. A
   numeric value in ``<meta>``, microdata, ``<time datetime>`` or inline JSON ("01/10/2017")
   is read in that same order; ISO 8601's basic format ("20231219T1435+0300", RIA's; all
   digits, "20240227183211", Daum's) is read as the extended one. A short numeric date with a
   two-digit year ("2.7.13") is taken for a version number, never read, except at the end of
   its line right after a publish label or a line's byline ("von Jane Roe, 8.5.12", "Posted by Dave Miller on
   5/8/12"; not "Update: 1.4.12 fixes …" nor "Tomcat von Apache, 8.5.12"). Bars between a
   two-digit day and month and a four-digit year ("26 | 01 | 2022") make a date, not under a
   row of labels with bars. A year ending a line of words is no year of a month and day on
   the next ("Vogel des Jahres 2021" above "Jan 04 09:34"; a badge's "2021" above "Jan 04"
   is). "May 8, '12" (the century that puts the year at
   most a year after the crawl's) and the Hungarian and Korean "2012. 05. 08." are dates.
8. A stamp's other half written as a clock only ("Publié le 12 mars 2024 à 18h05, modifié à
   20h14", "18:05 -> 20:41" in a date element, "Updated … 8.22pm, first published at 6.05pm")
   takes the stamp's day (the next day for an update clock earlier than the stamp's, the
   previous one for a publish clock later) and its offset. "3 hours ago" is an instant
   counted back from the fetch (also in the smaller markets' languages: "3 tundi tagasi",
   "преди 3 часа", "Danas, 18:05", "Šodien, 18:05"; not short day words that are other words
   too, Swahili "Leo", Hungarian "ma"): in UTC without a profile zone, written
   in the offset of the page's other stamp when it has one; a machine stamp (structured, app
   state, feed) in the hour before "N hours ago" counted back is that moment, to the minute; in
   an element whose class names a
   date or a time it weighs like a date written there. "prije 2 sata" (South Slavic "ago" and "before") is
   read only where the phrase ends: "prije 2 dana od izbora" is before the elections.
   A zone-less visible update clock on a page whose visible publish stamp has a zone (stated
   or implied), or whose publish stamp with an offset the page shows as a zone-less clock, is
   in that zone: its offset on the update's day when the zone is named, the publish stamp's
   offset when the update is within a day of it and no zone with that offset switches to or
   from daylight saving time in between.
   Modified is the best modification candidate later than the publish moment, or None (two
   clocks printed in the page's text are one zone's: a zone-less update 13 hours after a
   "22:00 GMT" is no same moment): a
   dateModified equal to datePublished (or on its day, when one has no time) means never
   modified, except a visible update stamp with a time on the day of a date-only
   publication; a feed/sitemap "updated" hint alone (a lastmod also moves for cosmetic
   changes) only supports the page's own.
   A visible update stamp away from the headline in a kind of element that shows another
   day elsewhere on the page is an entry of a list of other posts. A page whose only dates
   are visible "last edited" stamps (a wiki page; MediaWiki's footer line "This page was
   last edited on …" is read though the footer is chrome, and so is any footer's short line,
   without a link, that the page's own update label opens before a full date, "Last updated
   on Jan 30, 2024", "Zuletzt geändert: 08.11.2023", not one of the days around the fetch's
   nor another thing's, "Site last updated", "App last updated", "Fahrplandaten zuletzt
   aktualisiert"; unlike MediaWiki's, that line is no update of a page that has other
   dates), besides dates mentioned in its prose or captions, is dated by them. A page with no
   other date is not dated by one inside a sentence of its prose ("cited by regulators on
   Nov. 14, 2023, after …", "A fire on 2 January 2020 burned …": a sentence's word before
   it, no comma, and four words after it; not "New Delhi, March 12, 2024: Acme …" nor "Paris,
   le 12 mars 2024, le groupe …"): null, unless the
   sentence says it is the post's ("This entry was posted on …", "Dieser Artikel wurde am …
   veröffentlicht") or the date starts its line (a press release's "Hamburg, den 2. Dezember
   2022"). The page's first press-release dateline opening a text block ("Karlsruhe,
   (12.11.2021). Traditionell …", "AUSTIN, Texas, March 12, 2024 (GLOBE NEWSWIRE) --")
   weighs 3, whatever its place (an anniversary feature's "Fukushima, 11. März 2011. …" is no
   stamp), more than mentions and events, less than any stamp; in a date box it is a date
   box's.
9. Bounds: at most 100k characters of visible text (30k past the headline), 150k elements,
   500 parsed dates and 150 ``<time>`` elements are looked at; chrome subtrees are skipped;
   the walk is iterative. Garbage never raises: it gives (None, None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

import lxml.html

from .datecands import Cand, PageInfo, page_info
from .datemoments import (
    _AMBIGUOUS_ZONE,
    _NUMERIC_DAY,
    _ZONE_READINGS,
    _agree,
    _in_offset_of,
    _in_zone_of,
    _offset_of,
    _represent,
    _same_instant,
    _same_moment,
    _same_stamp,
    _strength,
    _value,
    _with_permalink_clock,
)
from .datepage import visible_candidates
from .datesources import hint_candidates, structured_candidates, url_candidates
from .jsonld import ARTICLE_TYPES, jsonld_objects, types_of
from .metadata import meta_values
from .model import DateHint, DateValue


class ExtractedDates(NamedTuple):
    """The decided publish and modification timestamps (None when the page gives none)."""

    published: DateValue | None
    modified: DateValue | None


# --------------------------------------------------------------------------- the decision


def _possible(c: Cand, page: PageInfo) -> bool:
    if not 1990 <= c.day.year <= 2099:
        return False
    if page.fetched is None or page.now_local is None:
        return True
    inst = c.instant()
    if inst is not None:
        return inst <= page.fetched + timedelta(minutes=5)
    return c.when <= page.now_local + timedelta(days=1)


def _best(cands: list[Cand], url_month: tuple[int, int] | None) -> Cand | None:
    best = None
    best_key: tuple[float, float, int] = (-1e9, -1e9, 0)
    by_family: dict[str, list[Cand]] = {}
    for c in cands:
        by_family.setdefault(c.family, []).append(c)
    # each family votes once: only its strongest members (within 1.5 of its best) lend support
    voters: dict[str, list[Cand]] = {}
    for family, members in by_family.items():
        floor = max(d.weight for d in members) - 1.5  # once a family, not once a member
        voters[family] = [d for d in members if d.weight >= floor]
    for c in cands:
        score = c.weight
        for family, members in voters.items():
            if family == c.family:
                continue
            support = max((d.weight for d in members if _agree(c, d)), default=0.0)
            score += 0.6 * support
        if url_month and (c.day.year, c.day.month) == url_month:
            score += 1.0
        key = (score, c.weight, -c.pos if c.pos >= 0 else 0)
        if key > best_key:
            best, best_key = c, key
    return best


LIST_ENTRIES = 3
LIVE_ENTRIES = 3  # a live blog's entries, each with its own time
URL_YEARS_BEFORE = 365  # days a visible date may lie before the URL's own day


def _list_entry(winner: Cand, cands: list[Cand]) -> Cand:
    """Rule 4c: a winning visible date away from any headline that repeats, in the same kind
    of element, with two or more other dates is one entry of a list (a home or section page):
    the list is dated by its top entry (lists lead with their newest)."""
    if winner.family != "visible" or winner.near or not winner.group:
        return winner
    if any(c.family in ("struct", "url", "script", "hint") for c in cands):
        return winner
    entries = [c for c in cands if c.group == winner.group and c.family == "visible"
               and not c.near]
    if len({c.day for c in entries}) < LIST_ENTRIES:
        return winner
    return min(entries, key=lambda c: c.pos)


def _others_entry(winner: Cand, cands: list[Cand]) -> bool:
    """On a page that declares itself one article, a winning date away from the headline that
    is one entry of a list (three days or more in one kind of element: teaser cards of other
    stories) and that nothing else on the page dates: the article's page shows no date of its
    own (a sponsored piece, an evergreen guide), the list's are other stories'."""
    if winner.family != "visible" or winner.near or not winner.group:
        return False
    if any(c.family != "visible" or c.near for c in cands if c.weight > 1.0):
        return False
    entries = {c.day for c in cands if c.group == winner.group and c.family == "visible"}
    return len(entries) >= LIST_ENTRIES


def _numeric_swapped(c: Cand) -> Cand | None:
    """A visible numeric date that reads both ways ("04/07/2024") with its day and month
    swapped; None for any other candidate."""
    m = _NUMERIC_DAY.match(c.raw) if c.family == "visible" and c.source == "text" else None
    if m is None or m.group(1) == m.group(3) or int(m.group(1)) > 12 or int(m.group(3)) > 12:
        return None
    try:
        return replace(c, when=c.when.replace(month=c.when.day, day=c.when.month))
    except ValueError:
        return None


def _reread_numeric_order(cands: list[Cand]) -> None:
    """The page's numeric dates read the other way round when one of them, so read, is the
    wall clock of a structured stamp and, as read, is none: GB News' "Published: 04/07/2024 -
    22:15" beside JSON-LD "2024-07-04T22:15:11+01:00" on an "en" page of a .com, which reads
    month first."""
    clocks = {(c.day, c.when.hour, c.when.minute) if c.has_time else (c.day,)
              for c in cands if c.family == "struct"}
    if not clocks:
        return
    swaps = {i: swapped for i, c in enumerate(cands) if (swapped := _numeric_swapped(c))}

    def stated(c: Cand) -> bool:
        return ((c.day, c.when.hour, c.when.minute) if c.has_time else (c.day,)) in clocks

    if any(stated(swaps[i]) and not stated(cands[i]) for i in swaps) and not any(
            stated(cands[i]) and not stated(swaps[i]) for i in swaps):
        for i, swapped in swaps.items():
            cands[i] = swapped


def _reread_ambiguous(cands: list[Cand]) -> None:
    """A visible clock with an abbreviation that names several places ("1:15 am IST": India,
    Israel or Ireland) takes the reading that puts it on the instant of a structured stamp of
    its role (published or not, modified) on the page (Haaretz's English edition:
    "2024-03-11T23:15:40Z" is Israel's 01:15, not India's), when the reading chosen from the
    page's language and domain does not."""
    by_role: dict[bool, list[datetime]] = {True: [], False: []}  # an update's / another's
    for c in cands:
        if c.family == "struct" and c.has_time and (t := c.instant()) is not None:
            by_role[c.role == "modified"].append(t)
    if not by_role[True] and not by_role[False]:
        return
    for i, v in enumerate(cands):
        if v.family != "visible" or not v.has_time or v.offset is None or v.relative:
            continue
        abbr = _AMBIGUOUS_ZONE.search(v.raw)
        inst = v.instant()
        # (a stamp of the same role only: an Indian page's "Published … 10:30 AM IST" is not
        # its dateModified's instant read in Israel)
        stamps = by_role[v.role == "modified"]
        if abbr is None or inst is None or not stamps or any(
                abs(inst - t) < timedelta(minutes=1) for t in stamps):
            continue
        for zone in _ZONE_READINGS[abbr.group()]:
            offset = _offset_of(zone, v.when)
            moment = (v.when - timedelta(minutes=offset)).replace(tzinfo=UTC)
            if offset != v.offset and any(abs(moment - t) < timedelta(minutes=1) for t in stamps):
                cands[i] = replace(v, offset=offset, zone=str(zone.key))
                break


def _url_agreement(pub: Cand, url: Cand, pool: list[Cand], page: PageInfo,
                   others: Sequence[Cand] = ()) -> Cand:
    """Rule 4b: the URL's day is written when the story is created. A publish date more than
    30 days after it is a re-stamp (a migration, a republication): the URL's day wins, with
    the best candidate of that day. A UTC stamp within 6 hours of midnight whose neighbouring
    day is the URL's was published on the URL's day in the publisher's zone: the same instant
    is shown with the smallest whole-hour offset that puts it on that day."""
    if (pub.day - url.day).days > 30:
        same = [c for c in pool if c.day == url.day]
        return max(same, key=lambda c: (c.has_time, c.weight))
    if pub.family == "visible" and (url.day - pub.day).days > URL_YEARS_BEFORE:
        # a page's text dated years before its own URL's day is a mention that outweighed a
        # date line (a short sentence's "18 марта 2018"): a date of the URL's day wins
        agree = [c for c in pool if c.family != "url" and abs((c.day - url.day).days) <= 1]
        if agree:
            return max(agree, key=lambda c: (c.weight, c.has_time))
    if pub.offset != 0 or not pub.has_time or page.zone is not None:
        return pub
    instant = pub.instant()
    for c in pool:  # the page prints that moment on the URL's day: its clock says the offset
        if (instant is not None and c.source == "text" and c.offset is None and c.has_time
                and c.day == url.day and c.day != pub.day and _same_moment(c, pub)):
            shift = c.when.replace(second=0) - instant.replace(tzinfo=None, second=0)
            return replace(pub, when=pub.when + shift, offset=int(shift.total_seconds() // 60),
                           zone=None)
    if any(c.offset not in (None, 0) and (other := c.instant()) is not None and instant is not None
           and abs(other - instant) < timedelta(minutes=1) for c in pool):
        return pub  # the page states that moment with its zone ("12:15 a.m. CT March 12" under
        # a /2024/03/11/ draft day): no offset of the URL's day stands in for it
    for c in sorted(others, key=lambda c: c.family != "visible") if pub.day != url.day else ():
        # the zone the page states for another of its moments (the update's "10:41 PM EDT")
        # that puts this instant on the URL's day: the publisher's own offset, not a guess
        if c.offset not in (None, 0) and c.has_time and (c.family == "struct" or (
                c.family == "visible" and c.near and c.role == "modified")) and (
                (pub.when + timedelta(minutes=c.offset or 0)).date() == url.day):
            return replace(pub, when=pub.when + timedelta(minutes=c.offset or 0),
                           offset=c.offset, zone=c.zone)
    if url.day == pub.day + timedelta(days=1) and pub.when.hour >= 18:
        hours = 24 - pub.when.hour
    elif url.day == pub.day - timedelta(days=1) and pub.when.hour < 6:
        hours = -(pub.when.hour + 1)
    else:
        return pub
    return replace(pub, when=pub.when + timedelta(hours=hours), offset=hours * 60, zone=None)


def _list_stamps(mod_pool: list[Cand], cands: list[Cand]) -> list[Cand]:
    """The modification candidates without list entries: a visible date away from the
    headline whose kind of element (``_group_of``) shows another day elsewhere on the page
    is an entry of a list of other posts, each printing its own "updated" time."""
    days: dict[str, set[date]] = {}
    for c in cands:
        if c.group and c.role != "published":  # (a box of the post's own two stamps, each
            # labelled: "Pierwsza publikacja: … Ostatnia aktualizacja: …" in <dd>s)
            days.setdefault(c.group, set()).add(c.day)
    return [c for c in mod_pool if c.family != "visible" or c.near or not c.group
            or len(days[c.group]) < 2]


def _not_before(mod: Cand, pub: Cand) -> bool:
    a, b = mod.instant(), pub.instant()
    if a is not None and b is not None:
        return a >= b
    if mod.has_time and pub.has_time and (mod.offset is None) == (pub.offset is None):
        return mod.when >= pub.when
    return mod.day >= pub.day


MAX_OFFSET_HOURS = 14  # the widest offset from UTC (Kiribati's +14:00)

_BOTH_ROLES = re.compile(r"\bpublished\b.*\bupdated\b|\bupdated\b.*\bpublished\b")


def _decide(cands: list[Cand], url_month: tuple[int, int] | None,
            page: PageInfo) -> tuple[Cand | None, Cand | None]:
    cands = [c for c in cands if _possible(c, page)]
    _reread_ambiguous(cands)
    _reread_numeric_order(cands)
    if page.fetched is not None:
        rendered = []
        for c in cands:
            inst = c.instant()
            if c.family == "struct" and inst is not None and abs(
                    inst - page.fetched) < timedelta(minutes=10):
                c.weight = min(c.weight, 3.0)  # rule 3: a render-time stamp
                rendered.append(c)
        # a render-time dateModified is no update unless the page shows that moment elsewhere
        # (a live blog's "Updated 2 minutes ago"), and never when it equals a render-time
        # datePublished
        drop = [c for c in rendered if c.role == "modified" and (any(
            p.role == "published" and _same_instant(c, p) for p in rendered) or not any(
            o is not c and not any(o is r for r in rendered) and _same_instant(c, o)
            for o in cands))]
        cands = [c for c in cands if not any(c is d for d in drop)]
    # a live blog's entries: three or more unlabelled times in one kind of element are its
    # posts, and all but the first (a live blog's or a thread's opening) are no publication
    # when the page has another date (its byline, its header)
    groups: dict[str, list[Cand]] = {}
    for c in cands:
        if c.family == "visible" and c.group and c.has_time and c.role == "any":
            groups.setdefault(c.group, []).append(c)
    for group, members in groups.items():
        if len({m.when for m in members}) >= LIVE_ENTRIES and any(
                c.group != group and c.weight > 2 and c.role != "modified"
                and c.family in ("visible", "struct") for c in cands):
            first = min(members, key=lambda m: m.when)
            opening = any(c.group != group and c.family == "visible" and _same_moment(c, first)
                          for c in cands)  # the header's own line of the opening post's moment
            for m in members:
                if m.when != first.when or opening:
                    m.weight -= 3.0
    # an unlabelled page date that repeats the structured dateModified is the update stamp
    struct_mod = [c for c in cands if c.family == "struct" and c.role == "modified"
                  and c.has_time]
    struct_pub = [c for c in cands if c.family == "struct" and c.role == "published"
                  and c.has_time]
    for c in cands:
        # (WordPress's one <time class="entry-date published updated">: a theme may print the
        # update there, the published class says nothing then)
        if c.family != "visible" or (c.role != "any" and not (
                c.role == "published" and _BOTH_ROLES.search(c.group.partition("<")[0]))):
            continue
        if c.has_time:
            if any(_same_moment(c, m) for m in struct_mod) and not any(
                    _same_moment(c, p) for p in struct_pub):
                c.role = "modified"
        elif struct_pub and any(c.day == m.day for m in struct_mod) and all(
                abs(c.day - p.day) > timedelta(days=1) for p in struct_pub):
            c.role = "modified"  # the day of dateModified, days after datePublished's
    # a CMS that writes its last update into datePublished too (the two equal) beside a
    # byline that shows an earlier publication, then "Updated …" (Reuters' "January 19, 2020
    # / 12:25 PM / Updated 8 hours ago" under a published_time of the next morning): the
    # structured stamp is the update. (Earlier by more than any zone's offset: not a local
    # view of the same moment.)
    for pub in [c for c in struct_pub if any(_same_instant(c, m) for m in struct_mod)]:
        if any(v.then_updated and v.near and v.weight > 2 and v.has_time
               and v.when < pub.when - timedelta(hours=MAX_OFFSET_HOURS) for v in cands):
            pub.role = "modified"
    pub_pool = [c for c in cands if c.role in ("published", "any", "modified_or_any")]
    if all(c.family == "visible" and c.weight <= 1.0 for c in pub_pool):
        # rule 8b: a page whose only visible date is its "last edited" stamp (a wiki page),
        # besides dates mentioned in its prose or captions
        stamps = [replace(c, role="any") for c in cands
                  if c.role == "modified" and c.family == "visible" and c.weight > 2]
        pub_pool = stamps or [c for c in pub_pool if not c.inside]
    for c in pub_pool:
        if c.role == "modified_or_any":
            c.weight -= 3.0
    winner = _best(pub_pool, url_month)
    if winner is not None and page.article and _others_entry(winner, pub_pool):
        winner = None
    if winner is not None:
        winner = _list_entry(winner, pub_pool)
    # (a machine stamp of the same moment labelled as the update still lends its offset:
    # FAZ's only stamp reads "Aktualisiert am <time datetime=…+0100>")
    published = _represent(winner, pub_pool + [c for c in cands if c.role == "modified"
                                               and c.source == "time"], page, "published") if (
        winner) else None
    url_day = next((c for c in pub_pool if c.family == "url"), None)
    if published is not None and url_day is not None:
        if not published.has_time and published.day == url_day.day:
            # a byline's day that is the URL's, beside a UTC stamp of the evening before: the
            # stamp's moment on that day (rule 4b; The National's "Mar 11, 2024" and
            # "2024-03-10T20:05:10Z" under /2024/03/11/)
            evening = [c for c in pub_pool if c.family == "struct" and c.role == "published"
                       and c.offset == 0 and c.has_time
                       and abs((c.day - published.day).days) == 1]
            if evening:
                moved = _url_agreement(max(evening, key=_strength), url_day, pub_pool, page, cands)
                if moved.day == published.day:
                    published = moved
        published = _url_agreement(published, url_day, pub_pool, page, cands)
    mod_pool = [c for c in cands if c.role in ("modified", "modified_or_any") and not c.footer]
    mod_pool = _list_stamps(mod_pool, cands)
    if published is not None:
        mod_pool = [c for c in mod_pool if _not_before(c, published)]
    if all(c.family == "hint" for c in mod_pool):
        return published, None  # a sitemap lastmod alone also moves for cosmetic changes
    mod_winner = _best(mod_pool, None)
    modified = _represent(mod_winner, mod_pool, page, "modified") if mod_winner else None
    if modified is not None and published is not None:
        modified = _in_offset_of(modified, published)
        modified = _in_zone_of(modified, published, cands)
    if modified is not None and published is not None and (
            _same_stamp(modified, published)
            or (modified.day == published.day and not (modified.has_time and published.has_time)
                and not (modified.has_time and modified.family == "visible"))):
        modified = None  # "modified" at the moment of publication: never modified (a visible
        # update stamp with a time, on the day of a date-only publication, is an update)
    return published, modified


def _event_page(objects: list[dict[str, Any]]) -> bool:
    """A page whose structured data describes an event (a concert, a conference, a course)
    and no article: unless a byline credits someone (a match report, a concert's review), the
    dates it shows unlabelled are the event's, its tickets', its reviews' (rule 2), never the
    page's publication."""
    types = set().union(*map(types_of, objects)) if objects else set()
    return any(t.endswith("Event") for t in types) and not types & ARTICLE_TYPES


def extract_dates(
    tree: lxml.html.HtmlElement,
    url: str,
    *,
    fetched_at: datetime | None = None,
    timezone: str | None = None,
    language: str | None = None,
    hints: Sequence[DateHint] = (),
    meta: dict[str, str] | None = None,
    objects: list[dict[str, Any]] | None = None,
    credited: bool = False,
) -> ExtractedDates:
    """Decide the page's publish and modified timestamps (see the decision rules above).

    ``meta`` (meta_values(tree)) and ``objects`` (jsonld_objects(tree)): the page's meta tags
    and JSON-LD when the caller has read them already; they are only read here. ``credited``:
    the page names its author (metadata's authors), as a report or a review does."""
    try:
        meta = meta_values(tree) if meta is None else meta
        page = page_info(tree, url, meta, language, timezone, fetched_at)
        url_cands, url_month = url_candidates(url)
        if url_cands:
            page = replace(page, url_year=url_cands[0].when.year)
        cands = visible_candidates(tree, meta, page)  # settles language and day order first
        objects = jsonld_objects(tree) if objects is None else objects
        if not credited and _event_page(objects):
            cands = [c for c in cands if c.role != "any"]
        if (meta.get("og:type") or "").strip().lower() == "article" or any(
                types_of(o) & ARTICLE_TYPES for o in objects):
            page = replace(page, article=True)
        cands += structured_candidates(tree, meta, page, objects)
        cands += url_cands + hint_candidates(hints, page)
        pub, mod = _decide(cands, url_month, page)
        if pub is not None and not pub.has_time and pub.source == "text":
            pub = _with_permalink_clock(tree, url, pub)
        return ExtractedDates(_value(pub, page) if pub else None,
                              _value(mod, page) if mod else None)
    except Exception:  # garbage in, no dates out: a page must never break a crawl
        return ExtractedDates(None, None)

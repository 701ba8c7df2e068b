"""HTML pages of the demo portal: three article templates (atlas, beacon, courier) and listings."""

from __future__ import annotations

import json
import random
from datetime import date, datetime
from html import escape

from archive.portal.content import (
    COPYRIGHT_YEARS,
    DEAD_PATH,
    ERROR_PATH,
    HOME_SIZE,
    LATEST_SIZE,
    SECTIONS,
    TRUNCATED_PATH,
    Article,
    Headline,
    Portal,
    iso,
    offset_text,
)
from archive.portal.text import MONTHS, WEEKDAYS, EnglishText, generator

SHARES = (
    ("Twitter", "twitter", "social"),
    ("Facebook", "facebook", "social"),
    ("Email", "newsletter", "email"),
)


def text(value: str) -> str:
    """Escape for an HTML text node."""
    return escape(value, quote=False)


def attr(value: str) -> str:
    """Escape for a double-quoted HTML attribute."""
    return escape(value, quote=True)


# -- date formats (the truth is the article's local time and offset) ------------------------


def atlas_time(moment: datetime) -> str:
    """'22 July 2021 16:25 (UTC+04:00)'."""
    month = MONTHS[moment.month - 1]
    return f"{moment.day} {month} {moment.year} {moment:%H:%M} (UTC{offset_text(moment)})"


def beacon_time(moment: datetime) -> str:
    """'22.07.2021, 16:25'."""
    return f"{moment:%d.%m.%Y, %H:%M}"


def courier_time(moment: datetime) -> str:
    """'July 22, 2021, 4:25 p.m.'."""
    hour = moment.hour % 12 or 12
    half = "a.m." if moment.hour < 12 else "p.m."
    return f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}, {hour}:{moment:%M} {half}"


def day_text(moment: datetime) -> str:
    """'July 22, 2021'."""
    return f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}"


def template_time(template: str, moment: datetime) -> str:
    """A time as the template prints it (without any 'Published'/'Updated' label)."""
    if template == "atlas":
        return atlas_time(moment)
    if template == "beacon":
        return beacon_time(moment)
    return courier_time(moment)


def topbar_date(today: date) -> str:
    """'Monday September 9 2024' (the crawl day, the only non-deterministic text)."""
    return f"{WEEKDAYS[today.weekday()]} {MONTHS[today.month - 1]} {today.day} {today.year}"


def byline(authors: tuple[str, ...], wrap: str = "") -> str:
    """'By A', 'By A and B', 'By A, B and C' (names optionally wrapped in a tag)."""
    names = [f"<{wrap}>{text(a)}</{wrap.split()[0]}>" if wrap else text(a) for a in authors]
    if len(names) == 1:
        return f"By {names[0]}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


# -- shared chrome -----------------------------------------------------------------------------


def charset_meta(encoding: str) -> str:
    """The in-document charset declaration (the only one for the legacy-charset pages)."""
    if encoding == "windows-1251":
        return '<meta charset="windows-1251">'
    if encoding == "iso-8859-1":
        return '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    return '<meta charset="utf-8">'


def alternates() -> str:
    """Feed discovery links."""
    return (
        '<link rel="alternate" type="application/rss+xml" href="/feeds/rss.xml">\n'
        '<link rel="alternate" type="application/atom+xml" href="/feeds/atom.xml">'
    )


def og_tags(title: str, url: str, site: str, kind: str = "article") -> str:
    """Open Graph basics."""
    return (
        f'<meta property="og:type" content="{kind}">\n'
        f'<meta property="og:title" content="{attr(title)}">\n'
        f'<meta property="og:url" content="{attr(url)}">\n'
        f'<meta property="og:site_name" content="{attr(site)}">'
    )


def nav_links() -> str:
    """Section links plus a search link (disallowed by robots.txt)."""
    items = "".join(f'<li><a href="/{s}/">{s.capitalize()}</a></li>' for s in SECTIONS)
    return f'{items}<li><a href="/search?q=latest">Search</a></li>'


def cookie_banner(style: str) -> str:
    """The consent banner every page carries."""
    return (
        f'<div class="{style}"><p>We use cookies to personalise content and to analyse our '
        'traffic. <a href="/private/consent">Manage preferences</a> '
        '<button type="button">Accept all</button></p></div>'
    )


def footer_text(site: str) -> str:
    """The copyright line."""
    return f"© {COPYRIGHT_YEARS} {text(site)}. All rights reserved."


def share_links(url: str, print_path: str) -> str:
    """Share links to the same article with utm parameters, and the print link."""
    links = [
        f'<a class="share-{source}" href="{attr(url)}?utm_source={source}&amp;utm_medium={medium}">'
        f"{label}</a>"
        for label, source, medium in SHARES
    ]
    links.append(f'<a class="print" href="{print_path}">Print</a>')
    return " ".join(links)


def paragraphs_html(art: Article, ad_after: int | None = None) -> str:
    """The body paragraphs, optionally with an advertisement slot in between."""
    parts = []
    for k, para in enumerate(art.texts):
        parts.append(f"<p>{text(para)}</p>")
        if ad_after is not None and k == ad_after:
            parts.append('<div class="ad-slot">Advertisement</div>')
    return "\n".join(parts)


# -- article templates -------------------------------------------------------------------------


class ArticlePage:
    """Everything an article template needs, resolved once."""

    def __init__(self, portal: Portal, art: Article, origin: str, today: date) -> None:
        self.portal = portal
        self.art = art
        self.head = art.head
        self.stub = art.stub
        self.site = portal.config.name
        self.url = origin + self.head.path
        self.title = self.head.title
        self.today = today
        self.lang = "ru" if self.stub.language == "ru" else "en"
        self.latest = [portal.headline(j) for j in portal.newest(LATEST_SIZE, exclude=self.stub.id)]
        self.related = [portal.headline(j) for j in art.related]
        self.note = portal.cosmetic_note(self.stub.id)

    def page_note(self, tag: str) -> str:
        """Edition 2's cosmetic note (a view count or a clock) on its own line, else nothing."""
        if self.note is None:
            return ""
        return f'\n<{tag} class="page-note">{text(self.note)}</{tag}>'

    def head_common(self) -> str:
        """Charset, title, canonical, Open Graph and feed links."""
        return "\n".join(
            (
                charset_meta(self.stub.encoding),
                f"<title>{text(self.title)} | {text(self.site)}</title>",
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f'<link rel="canonical" href="{attr(self.url)}">',
                og_tags(self.title, self.url, self.site),
                alternates(),
            )
        )

    def search_link(self) -> str:
        """A 'more on this topic' link into the disallowed search."""
        word = self.title.split()[0].lower()
        return f'<a class="topic" href="/search?q={attr(word)}">More on this topic</a>'

    def render(self) -> str:
        """The page for the article's template."""
        if self.stub.template == "atlas":
            return self.atlas()
        if self.stub.template == "beacon":
            return self.beacon()
        return self.courier()

    # atlas: a wire service; div soup, no date metadata, local time with a printed offset
    def atlas(self) -> str:
        stub, head = self.stub, self.head
        updated = ""
        if stub.modified is not None:
            updated = f'\n<div class="updated">Updated {atlas_time(stub.modified)}</div>'
        related = "\n".join(
            f'<li><a href="{h.path}">{text(h.title)}</a> '
            f'<time datetime="{iso(h.stub.published)}">{atlas_time(h.stub.published)}</time></li>'
            for h in self.related
        )
        latest = "\n".join(
            f'<li><a href="{h.path}">{text(h.title)}</a> '
            f'<span class="stamp">{atlas_time(h.stub.published)}</span></li>'
            for h in self.latest
        )
        comments = "\n".join(
            f'<div class="comment"><span class="comment-author">{text(c.author)}</span> '
            f'<span class="comment-date">{atlas_time(c.posted)}</span><p>{text(c.text)}</p></div>'
            for c in self.art.comments
        )
        return f"""<!DOCTYPE html>
<html lang="{self.lang}">
<head>
{self.head_common()}
<style>body{{font-family:sans-serif}} .sidebar{{float:right;width:30%}}</style>
</head>
<body class="atlas">
<div class="topbar">{topbar_date(self.today)}</div>
{cookie_banner("cookie-banner")}
<div id="masthead"><a class="brand" href="/">{text(self.site)}</a>
<ul class="menu">{nav_links()}</ul></div>
<div id="page">
<div id="main">
<div class="wire-story">
<div class="kicker"><a href="/{stub.section}/">{stub.section.capitalize()}</a></div>
<h1 class="headline">{text(self.title)}</h1>
<div class="byline-block">
<div class="byline">{byline(head.authors)}</div>
<div class="dateline">{atlas_time(stub.published)}</div>{updated}{self.page_note("div")}
</div>
<div class="story-text">
{paragraphs_html(self.art)}
</div>
<div class="story-tools"><span>Share:</span> {share_links(self.url, f"/print/{stub.id}")}</div>
</div>
<div class="more-coverage"><h3>Related coverage</h3>
<ul>
{related}
</ul></div>
<div class="reader-comments"><h3>Comments ({len(self.art.comments)})</h3>
{comments}
</div>
</div>
<aside class="sidebar"><h2>Latest</h2>
<ul>
{latest}
</ul>
<a class="more" href="/">See more</a></aside>
</div>
<div class="footer"><p>{footer_text(self.site)}</p>
<p>{self.search_link()} <a href="/private/login">Staff login</a></p></div>
</body>
</html>
"""

    def jsonld(self) -> str:
        """schema.org NewsArticle (ASCII-only JSON, safe in any charset)."""
        stub, head = self.stub, self.head
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "mainEntityOfPage": self.url,
            "articleSection": stub.section.capitalize(),
            "author": [{"@type": "Person", "name": a} for a in head.authors],
            "datePublished": iso(stub.published),
        }
        if stub.modified is not None:
            data["dateModified"] = iso(stub.modified)
        data["publisher"] = {"@type": "Organization", "name": self.site}
        return json.dumps(data, ensure_ascii=True, indent=1).replace("</", "<\\/")

    def article_meta(self) -> str:
        """article:published_time / article:modified_time meta tags."""
        stub = self.stub
        tags = [
            f'<meta property="article:published_time" content="{iso(stub.published)}">',
            f'<meta property="article:section" content="{stub.section.capitalize()}">',
        ]
        if stub.modified is not None:
            tags.append(f'<meta property="article:modified_time" content="{iso(stub.modified)}">')
        return "\n".join(tags)

    # beacon: a modern CMS; JSON-LD and article:* metadata in the site's zone
    def beacon(self) -> str:
        stub, head = self.stub, self.head
        updated = ""
        if stub.modified is not None:
            updated = f'\n<span class="updated-on">Updated {beacon_time(stub.modified)}</span>'
        related = "\n".join(
            f'<article class="related-post"><a href="{h.path}"><h3>{text(h.title)}</h3></a>'
            f'<time datetime="{iso(h.stub.published)}">{beacon_time(h.stub.published)}</time>'
            "</article>"
            for h in self.related
        )
        latest = "\n".join(
            f'<li><a href="{h.path}">{text(h.title)}</a> '
            f'<span class="post-date">{beacon_time(h.stub.published)}</span></li>'
            for h in self.latest
        )
        comments = "\n".join(
            f'<li class="comment"><div class="comment-meta"><b class="fn">{text(c.author)}</b> '
            f'<span class="says">{beacon_time(c.posted)}</span></div>'
            f'<div class="comment-content"><p>{text(c.text)}</p></div></li>'
            for c in self.art.comments
        )
        return f"""<!DOCTYPE html>
<html lang="{self.lang}">
<head>
{self.head_common()}
{self.article_meta()}
<script type="application/ld+json">
{self.jsonld()}
</script>
</head>
<body class="single single-post">
<header class="site-header">
<div class="topbar">{topbar_date(self.today)}</div>
<a class="site-title" href="/">{text(self.site)}</a>
<nav class="primary-nav"><ul>{nav_links()}</ul></nav>
</header>
{cookie_banner("consent-banner")}
<main class="site-main">
<article class="post" id="post-{stub.id}">
<header class="entry-header">
<ul class="post-categories"><li><a href="/{stub.section}/">{stub.section.capitalize()}</a></li></ul>
<h1 class="entry-title">{text(self.title)}</h1>
<div class="entry-meta">
<span class="byline">{byline(head.authors, 'span class="author vcard"')}</span>
<span class="posted-on">Published {beacon_time(stub.published)}</span>{updated}{self.page_note("span")}
</div>
</header>
<div class="entry-content">
{paragraphs_html(self.art)}
</div>
<footer class="entry-footer">
<div class="share-buttons">{share_links(self.url, f"/print/{stub.id}")}</div>
{self.search_link()}</footer>
</article>
<section class="related-posts"><h2>You may also like</h2>
{related}
</section>
<section id="comments" class="comments-area"><h2>{len(self.art.comments)} comments</h2>
<ol class="comment-list">
{comments}
</ol></section>
</main>
<aside class="widget-area"><section class="widget widget_recent_entries">
<h2 class="widget-title">Latest</h2>
<ul>
{latest}
</ul>
<a href="/">See more</a></section></aside>
<footer class="site-footer"><p class="copyright">{footer_text(self.site)}</p>
<p><a href="/private/login">Staff login</a></p></footer>
</body>
</html>
"""

    # courier: a legacy table layout; wall time in the site's zone, no offset anywhere
    def courier(self) -> str:
        stub, head = self.stub, self.head
        stamp = courier_time(stub.published)
        if stub.time_element:
            when = f'<time datetime="{iso(stub.published)}">{stamp}</time>'
        else:
            when = f'<span class="timestamp">{stamp}</span>'
        if stub.modified is not None:
            when += f'<br><span class="updated">Updated {courier_time(stub.modified)}</span>'
        related = "\n".join(
            f'<tr><td><a href="{h.path}">{text(h.title)}</a> '
            f'<time datetime="{iso(h.stub.published)}">{courier_time(h.stub.published)}</time>'
            "</td></tr>"
            for h in self.related
        )
        latest = "\n".join(
            f'<li><a href="{h.path}">{text(h.title)}</a><br>'
            f"<small>{courier_time(h.stub.published)}</small></li>"
            for h in self.latest
        )
        comments = "\n".join(
            f"<dt>{text(c.author)}, {courier_time(c.posted)}</dt><dd>{text(c.text)}</dd>"
            for c in self.art.comments
        )
        nav = (
            " | ".join(f'<a href="/{s}/">{s.capitalize()}</a>' for s in SECTIONS)
            + ' | <a href="/search?q=latest">Search</a>'
        )
        return f"""<!DOCTYPE html>
<html lang="{self.lang}">
<head>
{self.head_common()}
</head>
<body bgcolor="#ffffff">
<div class="topbar">{topbar_date(self.today)}</div>
{cookie_banner("cookieNotice")}
<table width="100%" class="masthead"><tr><td><a href="/"><b>{text(self.site)}</b></a></td>
<td class="nav">{nav}</td></tr></table>
<table width="100%" class="layout"><tr>
<td valign="top" class="maincol">
<div id="article">
<span class="section-label">{stub.section.capitalize()}</span>
<h1 class="headline">{text(self.title)}</h1>
<p class="byline">{byline(head.authors, "b")}<br>{when}</p>{self.page_note("div")}
<div id="articleText">
{paragraphs_html(self.art, ad_after=1)}
</div>
<p class="tools">Share: {share_links(self.url, f"/print/{stub.id}")}</p>
</div>
<table class="related" width="100%"><tr><th>Related stories</th></tr>
{related}
</table>
<div id="comments"><h4>Reader comments</h4>
<dl>
{comments}
</dl></div>
</td>
<td valign="top" class="sidecol" width="30%"><aside class="latest"><h3>Latest</h3>
<ul>
{latest}
</ul>
<a href="/">See more</a></aside></td>
</tr></table>
<div id="footer">{footer_text(self.site)} {self.search_link()}
<a href="/private/login">Staff login</a></div>
</body>
</html>
"""

    def print_version(self) -> str:
        """Plain print layout: the same text, canonical to the primary URL, no page chrome."""
        stub, head = self.stub, self.head
        meta = "\n" + self.article_meta() if stub.template == "beacon" else ""
        label = "Published " if stub.template == "beacon" else ""
        updated = ""
        if stub.modified is not None:
            updated = (
                f'\n<p class="updated">Updated {template_time(stub.template, stub.modified)}</p>'
            )
        return f"""<!DOCTYPE html>
<html lang="{self.lang}">
<head>
{charset_meta(stub.encoding)}
<title>{text(self.title)} | {text(self.site)}</title>
<link rel="canonical" href="{attr(self.url)}">
{og_tags(self.title, self.url, self.site)}{meta}
</head>
<body class="print">
<p class="site">{text(self.site)}</p>
<h1>{text(self.title)}</h1>
<p class="byline">{byline(head.authors)}</p>
<p class="date">{label}{template_time(stub.template, stub.published)}</p>{updated}
<div class="text">
{paragraphs_html(self.art)}
</div>
<p class="source">{text(self.url)}</p>
</body>
</html>
"""


def article_page(portal: Portal, art: Article, origin: str, today: date) -> str:
    """The article in its template."""
    return ArticlePage(portal, art, origin, today).render()


def print_page(portal: Portal, art: Article, origin: str, today: date) -> str:
    """The print version of an article."""
    return ArticlePage(portal, art, origin, today).print_version()


# -- listings and other pages ----------------------------------------------------------------


def _frame(
    portal: Portal,
    title: str,
    url: str | None,
    today: date,
    main: str,
    extra: str = "",
    kind: str = "website",
) -> str:
    site = portal.config.name
    meta = ""
    if url is not None:
        meta = f'<link rel="canonical" href="{attr(url)}">\n{og_tags(title, url, site, kind)}\n'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{text(title)}</title>
{meta}{alternates()}{extra}
</head>
<body>
<div class="topbar">{topbar_date(today)}</div>
{cookie_banner("cookie-banner")}
<header><a class="brand" href="/">{text(site)}</a>
<nav><ul>{nav_links()}</ul></nav></header>
<main>
{main}
</main>
<footer><p>{footer_text(site)}</p><p><a href="/private/login">Staff login</a></p></footer>
</body>
</html>
"""


def _teaser(head: Headline, path: str) -> str:
    return (
        f'<li class="teaser"><a href="{path}">{text(head.title)}</a> '
        f'<span class="date">{day_text(head.stub.published)}</span> '
        f'<span class="by">{byline(head.authors)}</span></li>'
    )


def home_page(portal: Portal, origin: str, today: date) -> str:
    """Front page: sections, the newest stories, notices (with the broken links), search."""
    teasers = "\n".join(
        _teaser(h, h.path) for h in (portal.headline(j) for j in portal.newest(HOME_SIZE))
    )
    sections = "\n".join(f'<li><a href="/{s}/">{s.capitalize()}</a></li>' for s in SECTIONS)
    main = f"""<h1>{text(portal.config.name)}</h1>
<section class="sections"><h2>Sections</h2>
<ul>
{sections}
</ul></section>
<section class="top-stories"><h2>Latest news</h2>
<ul>
{teasers}
</ul></section>
<section class="notices"><h2>Notices</h2>
<ul>
<li><a href="{DEAD_PATH}">This story was removed</a></li>
<li><a href="{ERROR_PATH}">Server error story</a></li>
<li><a href="{TRUNCATED_PATH}">Truncated story</a></li>
</ul></section>
<form action="/search" method="get"><input type="text" name="q"><button>Search</button></form>"""
    return _frame(portal, f"{portal.config.name} | News", origin + "/", today, main)


SECTION_BROKEN = {"world": DEAD_PATH, "politics": ERROR_PATH, "business": TRUNCATED_PATH}


def section_page(portal: Portal, section: str, page: int, origin: str, today: date) -> str | None:
    """Page `page` of a section, newest first (None past the last page)."""
    ids, pages = portal.section_page(section, page)
    if page > pages:
        return None
    name = section.capitalize()
    teasers = "\n".join(_teaser(h, h.path_in(section)) for h in map(portal.headline, ids))
    links, extra = [], ""
    if page > 1:
        prev = f"/{section}/" if page == 2 else f"/{section}/?page={page - 1}"
        links.append(f'<a rel="prev" href="{prev}">Previous page</a>')
        extra += f'\n<link rel="prev" href="{prev}">'
    if page < pages:
        nxt = f"/{section}/?page={page + 1}"
        links.append(f'<a rel="next" href="{nxt}">Next page</a>')
        extra += f'\n<link rel="next" href="{nxt}">'
    broken = ""
    if page == 1 and section in SECTION_BROKEN:
        note = f'<a href="{SECTION_BROKEN[section]}">From the archive</a>'
        broken = f'\n<p class="editor-note">{note}</p>'
    main = f"""<h1>{name}</h1>
<ul class="teasers">
{teasers}
</ul>{broken}
<nav class="pagination">{" ".join(links)}</nav>"""
    path = f"/{section}/" if page == 1 else f"/{section}/?page={page}"
    title = f"{name} | {portal.config.name}" + (f" | Page {page}" if page > 1 else "")
    return _frame(portal, title, origin + path, today, main, extra)


def decoy_page(portal: Portal, path: str, origin: str, today: date) -> str:
    """What /search and /private/ answer: looks like an article, is in no truth."""
    gen = generator("en")
    assert isinstance(gen, EnglishText)
    rng = random.Random(f"decoy:{path}")
    title = gen.title(rng)
    paras = "\n".join(
        f"<p>{text(' '.join(gen.sentence(rng, None) for _ in range(3)))}</p>" for _ in range(5)
    )
    main = f"""<article><h1>{text(title)}</h1>
<p class="byline">By {text(gen.person(rng))}</p>
{paras}
</article>"""
    return _frame(
        portal, f"{title} | {portal.config.name}", origin + path, today, main, kind="article"
    )


def error_page(portal: Portal, status: int, message: str, today: date) -> str:
    """A plain error page."""
    main = f"<h1>{status} {text(message)}</h1>\n<p>Sorry, something went wrong.</p>"
    return _frame(portal, f"{message} | {portal.config.name}", None, today, main)

"""Title, authors, language, section, tags, image and canonical URL from metadata and markup."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from .authorlines import (
    _block_credit,
    _by_line,
    _dateline_agency,
    _dateline_reporters,
    _desk_line,
    _foot_credit,
    _name_line,
    _source_credit,
)
from .authormarkup import (
    _CJK_CO_BYLINE,
    _CJK_JOINER,
    _author_links,
    _avatar_byline,
    _byline_people,
    _bylines,
    _cjk_byline,
    _co_authors,
    _credited,
    _first_line,
    _heading_words,
    _labelled,
    _line_under_headline,
    _marked_authors,
    _meta_line,
    _name_leaves,
    _signed,
    _site_keys,
    _unsigned,
)
from .authornames import (
    _ACCOUNT_NAMES,
    _BY,
    _CLAUSE_BREAKS,
    _SECTION_KEY,
    _SOURCE_WORD,
    _TITLE_SEPARATORS,
    _UI_WORDS,
    _WORDS,
    HEADLINE_WORDS,
    _clean,
    _dedupe,
    _name_like,
    _norm,
    _organisations_only,
    _people,
    _person_names,
    _phrase,
    _site_named,
    split_authors,
    undoubled,
)
from .authorplaces import (
    _AUTHOR_META_KEYS,
    _FIRST_H1,
    _FIRST_H2S,
    _FIRST_TITLE,
    _LATER_H1S,
    _LOGIN,
    _NEXT_H1,
    _PICTURE_CREDIT,
    MAX_AUTHOR_TAGS,
    _author_markup,
    _author_meta,
    _hidden_heading,
    _in_chrome,
    _meta_contents,
    _said,
    _TextStart,
)
from .html import own_addresses, resolve_href
from .titles import (
    _heading_above_text,
    _home_link_heading,
    _printed_title,
    _site_heading,
    _without_kicker,
    clean_title,
)


@dataclass
class Metadata:
    """Descriptive fields of an article page."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    description: str | None = None
    og_type: str | None = None
    signature: str | None = None  # a line of the text that signs it: not the text's own


def meta_values(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """``<meta>`` name/property -> content (first one wins), names lower-cased."""
    out: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content is not None:
            out.setdefault(key.strip().lower(), content.strip())
    return out


_SECTION_SEGMENT = re.compile(r"^[^\W\d_]{3,24}(?:-[^\W\d_]{2,24})?$")
_NOT_SECTIONS = frozenset({
    "news", "article", "articles", "story", "stories", "post", "posts", "blog", "amp", "print",
    "www", "content", "index", "html", "page", "pages", "item", "items", "id", "node", "mobile",
    "en", "de",
    "fr", "es", "it", "pt", "ru", "tr", "pl", "ar", "zh", "ja", "ko",
})


def _same_site(a: str, b: str) -> bool:
    """The same host, give or take a "www.", "m." or "amp." in front."""
    try:
        hosts = [urlsplit(u).hostname or "" for u in (a, b)]
    except ValueError:
        return False
    bare = [re.sub(r"^(?:www|m|amp)\.", "", host) for host in hosts]
    return bool(bare[0]) and bare[0] == bare[1]


def section_from_url(url: str) -> str | None:
    """'/politics/2021/07/22/story.html' -> 'Politics' (a word-like first segment, not the slug)."""
    segments = [seg for seg in urlsplit(url).path.split("/") if seg]
    if len(segments) < 2:
        return None
    first = segments[0].lower()
    if first in _NOT_SECTIONS or not _SECTION_SEGMENT.match(first):
        return None
    return first.replace("-", " ").capitalize()


def extract_metadata(
    tree: lxml.html.HtmlElement, url: str, *, article_objects: list[dict[str, Any]],
    meta: dict[str, str] | None = None,
) -> Metadata:
    """Read the page's metadata: JSON-LD first, then OpenGraph/meta, then markup (``meta``:
    meta_values(tree), when the caller has it; it is only read).

    Never raises: a page whose metadata cannot be read gives an empty Metadata.
    """
    try:
        return _extract_metadata(tree, url, article_objects, meta_values(tree) if meta is None else meta)
    except Exception:  # odd markup must not break a crawl; missing fields are reported upstream
        return Metadata()


def _extract_metadata(
    tree: lxml.html.HtmlElement, url: str, article_objects: list[dict[str, Any]],
    meta: dict[str, str],
) -> Metadata:
    ld = article_objects[0] if article_objects and isinstance(article_objects[0], dict) else {}
    md = Metadata(og_type=meta.get("og:type"))

    md.site_name = _clean(meta.get("og:site_name"))
    section = ld.get("articleSection") if ld else None
    if isinstance(section, list):
        section = section[0] if section else None
    canonical, og_url = own_addresses(tree, url)
    md.canonical_url = canonical or og_url
    # an article listed in two sections has one address per section: its canonical one names
    # its home section, whichever address the crawl fetched first (the fetched one when the
    # canonical one names none: a slug at the root, a date path, an article id)
    home = [u for u in (canonical, og_url) if u and _same_site(u, url)]
    md.section = (
        _clean(section) or _clean(meta.get("article:section"))
        or next((s for s in map(section_from_url, home) if s), None) or section_from_url(url)
    )
    site_keys = _site_keys(url, md.site_name, ld)
    title_keys = site_keys | ({_SECTION_KEY + " ".join(_WORDS.findall(md.section.casefold()))}
                              if md.section else set())

    h1 = _FIRST_H1(tree)
    title = _FIRST_TITLE(tree)
    if h1 and _hidden_heading(h1[0].get("class") or ""):
        h1 = _NEXT_H1(h1[0])  # a screen reader's heading ("<h1 class=navSkip>Navigation und
        # Service</h1>", federal German sites)
    title_key = _norm(title[0].text or "") if title else ""
    first_words = " ".join(h1[0].itertext()) if h1 else ""
    if h1 and title_key:
        # of a page's several <h1>s (a section's, then the story's: federal German sites'
        # "Fachmeldungen", "Verkündung des …gesetzes"), the one the <title> names, when the
        # first is not in it or is a label of a word or two beside the title's longest part;
        # never one in the page's chrome (an aside's, a footer's), nor the site's name
        parts = [_norm(part) for part in _TITLE_SEPARATORS.split(title[0].text or "")]
        longest = max(parts, key=len)
        for later in itertools.islice(_LATER_H1S(h1[0]), 3):
            words = " ".join(later.itertext())
            heading = _norm(words)
            if len(words.split()) >= HEADLINE_WORDS and heading in title_key and (
                    _norm(first_words) not in title_key or (
                        len(first_words.split()) < HEADLINE_WORDS and heading == longest)) and (
                    heading == longest or heading not in (parts[0], parts[-1])) and not (
                    _in_chrome(later)):
                h1 = [later]
                break
    top = h1  # (the page's first heading: a line under it may still be the byline)
    if h1 and (_home_link_heading(h1[0], url) or (_site_heading(
            h1[0], _clean(title[0].text or "") if title else None, md.site_name) and (
            _in_chrome(h1[0]) or _NEXT_H1(h1[0]) or not any(
                node.tag in ("article", "main") for node in h1[0].iterancestors())))):
        h1 = _NEXT_H1(h1[0])  # the site's name first, then the headline (not a menu's)
        if h1 and "".join(h1[0].itertext()).strip().casefold() in _UI_WORDS:
            h1 = []
    h1_text = _clean(" ".join(_heading_words(h1[0]))) if h1 else None
    candidates = [
        _clean(ld.get("headline")),
        _clean(meta.get("og:title")),
        _clean(meta.get("twitter:title")),
        h1_text,
        _clean(title[0].text or "") if title else None,
    ]
    present = [c for c in candidates if c]
    # a headline meta tag only cuts a title's tail (Korean outlets' og:title "…커졌다-정치ㅣ한국일보"
    # beside <meta name="headline" content="…커졌다">): some sites fill it with other text
    others = [*present[1:], *filter(None, [_clean(meta.get("headline"))])]
    # without an <h1>, a page's headline is often its first <h2>s' ("<h2 class=news_ttl>"): the
    # title without its site's name equals one of them
    headings = [] if h1 else [_clean(" ".join(h.itertext())) for h in _FIRST_H2S(tree)]
    md.title = clean_title(present[0], title_keys, others,
                           [h for h in headings if h], h1_text) if present else None
    page_title = _clean(title[0].text or "") if title else None
    start = _TextStart(tree)  # (read once, when a byline form asks where the text starts)
    if page_title and not (candidates[0] or candidates[1] or candidates[2]) and h1_text is None:
        # no metadata nor <h1> names the headline: the part of the <title> the page prints,
        # or, under a <title> of the site's and the section's names only, the heading that
        # the page prints above its text
        printed = _printed_title(tree, page_title, title_keys)
        md.title = printed or _heading_above_text(start, page_title) or md.title
    if md.title and (social := _clean(meta.get("og:title"))):
        social = clean_title(social, title_keys, others) or social
        md.title = _without_kicker(md.title, social)
        if (len(social) > len(md.title) and social.startswith(md.title)
                and social[len(md.title):len(md.title) + 1] in _CLAUSE_BREAKS):
            # a JSON-LD headline cut to fit a length (Google's 110 characters) at a clause:
            # News18's "… INDIA Bloc Surprises in UP" of og:title's "…; BJP Short of 272 On Its Own"
            md.title = social

    authors = _people(_person_names(ld.get("author")) if ld else [], site_keys)
    if authors and ld and (_organisations_only(ld.get("author")) or all(
            _SOURCE_WORD.search(name) for name in authors)):
        # an agency or a desk the structured data credits (typed as an organisation, or named
        # as an agency), while the visible byline names a person: "By <a>Hannah Kessler</a> |
        # The Associated Press" under JSON-LD's "The Associated Press"
        authors = _byline_people(_author_markup(tree), start, site_keys) or authors
    if len(authors) <= 1:
        for key in _AUTHOR_META_KEYS:
            if not _author_meta(meta, key):
                continue
            # every tag of the key: one a co-author ('<meta name="parsely-author" content="A">
            # <meta name="parsely-author" content="B">'), or the publication's own first and
            # then the writer's; beside JSON-LD's one author, tags that name it and others
            # (Yoast's graph names a post's first author only); not an address, which
            # article:author often is ("https://facebook.com/…", "/christopherlwood")
            tagged = _people([name for value in _meta_contents(tree, key)[:MAX_AUTHOR_TAGS]
                              if not value.startswith(("http", "/")) and not _LOGIN.fullmatch(
                                  value.strip()) for name in split_authors(value)], site_keys)
            if not authors or (len(tagged) > 1 and authors[0] in tagged and all(
                    len(name.split()) > 1 for name in tagged)):  # (not an initials' "TK")
                authors = tagged or authors
            if authors:
                break
    if len(authors) == 1:
        authors = _people(_co_authors(tree, authors[0]), site_keys) or authors
    marked: list[lxml.html.HtmlElement] = [] if authors else _author_markup(tree)
    if not authors:
        for el in _marked_authors(marked, start):
            name = _clean(" ".join(el.itertext()))
            if name:
                authors.extend(_people([n for n in split_authors(name) if not _phrase(n)],
                                       site_keys))
    if not authors:
        # the first byline that names someone: "By Jane Doe and John Roe", or without "By"
        # one name per element (a later signed one is another story's, in a box of others)
        for el in _bylines(marked, start):
            text = _clean(_said(el))  # (inline tags still separate words)
            if text and _PICTURE_CREDIT.match(text):
                continue  # "Photos by Sam Ito" in a byline's place
            if text and _BY.match(text):
                # the byline's first line: "By Karen Holloway<br>Staff Writer"
                authors = _people(split_authors(_first_line(el) or text), site_keys)
            elif text and (cjk := _cjk_byline(text)):
                # the whole byline a name with its role, the name the element's own text
                # ('<span class=byline>김한수 기자 <a href="mailto:…">…</a></span>')
                authors = _people([cjk], site_keys)
            elif text and (joined := _CJK_CO_BYLINE.match(text)):
                # co-authors before one role: Seoul Shinmun's "김주연·이정수 기자"
                authors = _people(_CJK_JOINER.split(joined.group(1)), site_keys)
            if not authors:
                authors = _people(_name_leaves(el), site_keys)
            if authors:
                break
    if not authors:
        linked = _people(_author_links(tree), site_keys)
        signed = _people(_signed(marked), site_keys)
        # a signed box that names the linked authors and more ("By <a>Jane Doe</a> and Mark
        # Lee") is the byline; links alone may be an editor's or a photographer's
        authors = signed if signed and set(linked) <= set(signed) else linked or signed
    if not authors:
        authors = _people(_labelled(tree, start), site_keys)
    if not authors:
        # (nor the site's name a "reporter" field prints alone, the <title>'s last part:
        # '<span class="reporter">新京报</span>' under "北京今冬首场降雪… | 新京报")
        tail = _TITLE_SEPARATORS.split(page_title or "")
        authors = _people(_unsigned(marked, start),
                          site_keys | {_norm(tail[-1])} if len(tail) > 1 else site_keys)
    if not authors and (h1 or top):
        authors = _people(_meta_line((h1 or top)[0], start, (h1 or top)[0]), site_keys)
    if not authors and (first := start.first_paragraph()) is not None:
        # (Drupal's node header stands with the text, the page title's block elsewhere)
        authors = _people(_meta_line(first, start, (h1 or top or [None])[0]), site_keys)
    if not authors and (h1 or top):
        authors = _people(_line_under_headline((h1 or top)[0]) or _avatar_byline(
            (h1 or top)[0]), site_keys)
    if (not authors and _credited(ld, meta, marked)) or (authors and all(
            _site_named(n, site_keys) or not _name_like(n) for n in authors)):
        # a bold line of names above the text signs it when the byline credits only the
        # publication ("Lesotho Times") or an account named for it ("Ilanga D" at
        # /author/admin/); a page that credits no one may well print bold headings there
        names, line = _name_line(start)
        if names := _people(names, site_keys):
            authors, md.signature = names, line
    if not authors:
        authors = _people(_foot_credit(start), site_keys)
    if not authors:
        authors = _people(_by_line(start), site_keys)
    if not authors:
        names, line = _block_credit(start)
        if names := _people(names, site_keys):
            authors, md.signature = names, line or md.signature
    if not authors:
        authors = _people(_source_credit(start) or _desk_line(start), site_keys)
    if not authors:
        authors = _people(_dateline_reporters(start), site_keys)
    if not authors:
        authors = _people(_dateline_agency(start), site_keys)  # (not the site's own: OTS at ots.at)
    if not authors:
        authors = _credited(ld, meta, marked)
    # (whatever path credited it, a CMS account's default name is no one's: "Posted by admin",
    # Joomla's "Super User", K2's "Administrator")
    authors = _dedupe([undoubled(a) for a in authors])
    md.authors = [a for a in authors if a.casefold() not in _ACCOUNT_NAMES][:10]

    lang = tree.get("lang") or meta.get("og:locale") or meta.get("content-language")
    if lang:
        md.language = lang.replace("_", "-").split("-")[0].lower()[:3] or None


    keywords = (ld.get("keywords") if ld else None) or meta.get("keywords") or meta.get("news_keywords")
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    if isinstance(keywords, list):
        md.tags = [k for k in (_clean(str(k)) for k in keywords) if k][:30]

    image = meta.get("og:image")
    md.image = resolve_href(url, image)

    md.description = _clean(meta.get("og:description") or meta.get("description"))
    return md

"""Metadata on pages we wrote: titles without site suffixes, people as authors, page fields."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from scraper.extract.authornames import split_authors
from scraper.extract.html import load_html
from scraper.extract.jsonld import article_objects, jsonld_objects
from scraper.extract.metadata import Metadata, extract_metadata

FIXTURES = Path(__file__).parent / "fixtures" / "body"
URL = "https://daily.example.org/local/harbour-ferry-returns?ref=rss"


def meta_of(name: str) -> Metadata:
    tree = load_html((FIXTURES / name).read_bytes())
    return extract_metadata(tree, URL, article_objects=article_objects(jsonld_objects(tree)))


def page(head: str, body: str = "") -> Metadata:
    tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return extract_metadata(tree, URL, article_objects=article_objects(jsonld_objects(tree)))


def test_news_page_fields() -> None:
    md = meta_of("news_article.html")
    assert md.title == "Harbour ferry returns after winter repairs"
    assert md.authors == ["Jane Doe", "John Roe"]
    assert md.language == "en"
    assert md.site_name == "The Daily Example"
    assert md.canonical_url == "https://daily.example.org/local/harbour-ferry-returns"
    assert md.image == "https://daily.example.org/img/ferry.jpg"
    assert md.tags == ["ferries", "harbour", "transport"]
    assert md.description and md.description.startswith("The town's only ferry")
    assert md.og_type == "article"


def test_jsonld_people_without_organisations() -> None:
    md = meta_of("jsonld_complete.html")
    assert md.title == "Orchard growers expect a record apple harvest"
    assert md.authors == ["Mara Field"]
    assert md.section == "Business"
    assert md.tags == ["farming", "apples"]


def test_meta_author_with_job_title_and_dash_suffix() -> None:
    md = meta_of("jsonld_teaser.html")
    assert md.authors == ["Lena Berg"]
    assert md.title == "Stadtbibliothek verlängert ihre Öffnungszeiten"
    assert md.language == "de"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Rates stay on hold | Example Times", "Example Times", "Rates stay on hold"),
        ("Rates stay on hold - Example Times", "Example Times", "Rates stay on hold"),
        ("Rates stay on hold – Politics – Example Times", "Example Times", "Rates stay on hold – Politics"),
        ("Example Times | Rates stay on hold", "Example Times", "Rates stay on hold"),
        ("Rates stay on hold | EXT | 28.04.2023", "EXT", "Rates stay on hold"),
        ("Q&amp;A: what the rate decision means", "Example Times", "Q&A: what the rate decision means"),
        ("Left - right - centre: a guide", "Example Times", "Left - right - centre: a guide"),
    ],
)
def test_title_site_suffixes(title: str, site: str, expected: str) -> None:
    md = page(f'<title>{title}</title><meta property="og:site_name" content="{site}">')
    assert md.title == expected


def test_title_keeps_the_zero_width_joiners_of_persian_and_indic_words() -> None:
    president = "\u0631\u0626\u06cc\u0633\u200c\u062c\u0645\u0647\u0648\u0631"  # a ZWNJ inside
    md = page(f"<title>{president} \u06af\u0641\u062a\u200b</title>")  # a zero-width space after
    assert md.title == f"{president} \u06af\u0641\u062a"


def test_title_falls_back_to_h1_prefix() -> None:
    md = page("<title>Storm closes coast road | Weather</title>", "<h1>Storm closes coast road</h1>")
    assert md.title == "Storm closes coast road"


@pytest.mark.parametrize(("under", "expected"), [
    ('<p class="print-meta">Von Katharina Seidl-Brunner · 12.04.2023 um 18:15</p>',
     ["Katharina Seidl-Brunner"]),
    ('<div class="storySource">Аутор: Милош Јовановић<br>Извор: РТС, Танјуг</div>',
     ["Милош Јовановић"]),
    ('<p style="text-indent: 2em">本报记者 王明远</p>', ["王明远"]),
    ('<p style="text-indent: 2em">本报记者 王明远 北京报道</p>', ["王明远"]),
    ('<p class="rubric-textblock"><img src="/autorin.jpg"> <i>Von Jennifer Patt</i></p>',
     ["Jennifer Patt"]),
    # a dek that starts like a byline, a sentence, a signed line inside a box of other stories
    ("<p class='dek'>Von der Leyen fordert mehr Geld für die Verteidigung</p>", []),
    ("<p>By the numbers: what the budget means for you</p>", []),
    ("<div class='related'><p>Von Anna Berg</p></div>", []),
    # decks, series labels and kickers that start like a byline
    ("<p class='rubrik-unter'>Von Mensch zu Mensch</p>", []),
    ("<div class='series-label'>By Royal Appointment</div>", []),
    ("<p class='standfirst'>By Tuesday Evening Labour Had Won</p>", []),
    ("<span class='hero__meta-label'>von Alexander Rosenkranz</span>", ["Alexander Rosenkranz"]),
])
def test_a_signed_line_between_the_headline_and_the_text(under: str, expected: list[str]
                                                         ) -> None:
    long = " ".join(["The harbour ferry returned to service on Monday after repairs."] * 4)
    md = page("", f"<h1>Ferry back</h1>{under}<p>{long}</p><p>Von Jane Roe</p>")
    assert md.authors == expected


@pytest.mark.parametrize(("title", "section", "expected"), [
    ("Floods force thousands from homes | World", "World News", "Floods force thousands from homes"),
    ("Bayern verliert in Rom | Sport-News", "sport", "Bayern verliert in Rom"),
    ("Vegane Rezepte für den Frühling | Lifestyle", "Lifestyle & Genuss",
     "Vegane Rezepte für den Frühling"),
    ("Strompreise – EU einigt sich", "EU", "Strompreise – EU einigt sich"),  # two letters
    ("Schulen – Mehr Sport für alle Kinder", "sport", "Schulen – Mehr Sport für alle Kinder"),
    # a clause of capitalised nouns that names the section among others is the headline's
    ("Stammstrecke München: S-Bahn-Sperrung – diese Linien sind betroffen", "München",
     "Stammstrecke München: S-Bahn-Sperrung – diese Linien sind betroffen"),
    # ... and a first part that adds a word to the section's name is the story's subject
    ("Berlin-Marathon – Äthiopier Mengesha gewinnt im Schlusssprint", "Berlin",
     "Berlin-Marathon – Äthiopier Mengesha gewinnt im Schlusssprint"),
])
def test_title_parts_named_for_the_section(title: str, section: str, expected: str) -> None:
    head = (f'<meta property="og:title" content="{title}"><meta property="article:section" '
            f'content="{section}">')
    assert page(head, "<h1>Site</h1>").title == expected


def test_a_sections_name_cuts_a_title_part_only_as_a_word_of_it() -> None:
    title = "Weizenpreise: Matif legt zu – Kassamärkte ziehen nach"
    head = (f'<meta property="og:title" content="{title}"><meta property="article:section" '
            'content="Markt">')
    assert page(head, f"<h1>{title}</h1>").title == title
    tagline = head.replace(title, "Energy Rising – 33 Tage Markt Challenge")
    assert page(tagline, "<h1>Energy Rising</h1>").title == "Energy Rising"


def test_a_shorter_social_title_does_not_cut_the_headline_the_h1_confirms() -> None:
    headline = "HS-gallup: SDP:n kannatus nousi yli 25 prosenttiin – perussuomalaiset laskee"
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            f'"{headline}"}}</script><meta property="og:title" content="HS-gallup: SDP:n '
            'kannatus nousi yli 25 prosenttiin">')
    assert page(head, f"<h1>{headline}</h1>").title == headline
    # without the h1's word, the social title still tells where the site's name begins
    short = head.replace(" – perussuomalaiset laskee", " – Helsingin Sanomat")
    assert page(short, "<h1>Gallup</h1>").title == "HS-gallup: SDP:n kannatus nousi yli 25 prosenttiin"


@pytest.mark.parametrize(("body", "expected"), [
    # no <h1>: the headline is an <h2>
    ('<div class="news_title_wrap"><h2 class="news_ttl">삼성전자, HBM3E 공급 초읽기</h2></div>',
     "삼성전자, HBM3E 공급 초읽기"),
    ("<h2>많이 본 뉴스</h2>", "삼성전자, HBM3E 공급 초읽기 - 매일경제"),  # another heading
])
def test_title_without_an_h1_falls_back_to_an_h2(body: str, expected: str) -> None:
    md = page("<title>삼성전자, HBM3E 공급 초읽기 - 매일경제</title>", body)
    assert md.title == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Von Anna Schmidt und Peter Klein", ["Anna Schmidt", "Peter Klein"]),
        ("By Jane Doe | May 3, 2024", ["Jane Doe"]),
        ("Jane Doe 12.03.2024", ["Jane Doe"]),
        # a weekday or a preposition before the date goes with it
        ("Von Tomas Spahn Fr, 18. Oktober 2019", ["Tomas Spahn"]),
        ("von Anna Schmidt am 18.10.2019", ["Anna Schmidt"]),
        ("By Jane Doe on March 12, 2024", ["Jane Doe"]),
        ("Por Laura Jordán / Javier Urbina 22 de Abril de 2022", ["Laura Jordán", "Javier Urbina"]),
        # ... but a surname that reads like one stays
        ("Thanh Le, 12 March 2024", ["Thanh Le"]),
        ("By Anh Do, March 12, 2024", ["Anh Do"]),
        ("Jane Mar, 12 March 2024", ["Jane Mar"]),
        # Korean, Japanese and Chinese roles are glued to the name
        ("신현주 기자", ["신현주"]),
        ("山田太郎記者", ["山田太郎"]),
        ("记者 张三", ["张三"]),
        ("https://example.org/people/jane", []),
        # the outlet a syndicated story credits beside the writer; alone it is the credit
        ("By Laura Patel, The Conversation", ["Laura Patel"]),
        ("The Economist", ["The Economist"]),
        # lead words of bylines in more languages, and one-word labels before a name
        ("Af Ritzau", ["Ritzau"]),
        ("Napsal: Lenka Dvořáková", ["Lenka Dvořáková"]),
        ("Текст: Алексей Зуев", ["Алексей Зуев"]),
        ("كتب محمود عبد الرحيم", ["محمود عبد الرحيم"]),
        ("Text und Interview: Harald Willenbrock", ["Harald Willenbrock"]),
        ("Text: Anna Muster, Fotos: Jan Berg", ["Anna Muster"]),
        ("Фото: Алексей Меринов, Дмитрий Попов", ["Дмитрий Попов"]),
        ("By Jane Whitaker | Photographer: Carlos Mendes", ["Jane Whitaker"]),
        ("Von Anna Berg | Redaktion: Peter Kurz", ["Anna Berg"]),
        ("Autor/in: Korinna Hennig", ["Korinna Hennig"]),
        ("Piše: P. Mucović", ["P. Mucović"]),
        ("By The Rev. John Smith and Mary Jones", ["The Rev. John Smith", "Mary Jones"]),
        ("By political reporter Jake Evans", ["Jake Evans"]),
        ("Kate Dubinski · CBC News", ["Kate Dubinski"]),
        ("Jānis Bērziņš (Latvijas Radio)", ["Jānis Bērziņš"]),
        ("Аутор: Марко Петровић", ["Марко Петровић"]),
        ("Deutsche Welle (www.dw.com)", []),  # an address is no name
        ("Gemma Col·lell", ["Gemma Col·lell"]),  # a middle dot inside a word is a letter's
        ("阿卜杜勒·拉希德", ["阿卜杜勒·拉希德"]),
        ("By Anna Berg and picture editor Tom Ek", ["Anna Berg"]),
        # an outlet's domain beside a name is dropped; alone it is the credit as given
        ("By Mike Rutledge, cleveland.com", ["Mike Rutledge"]),
        ("sportschau.de", ["sportschau.de"]),
        ("By J.R. Stone", ["J.R. Stone"]),
        ("By Seán Mac an tSíthigh", ["Seán Mac an tSíthigh"]),  # an Irish surname's mutation
        ("Eine Kolumne von Anna Kleinschmidt", ["Anna Kleinschmidt"]),
        # a weekday that is a name stays when cutting it would leave one word
        ("By Emmanuel Sunday, March 12, 2024", ["Emmanuel Sunday"]),
        ("Minh Thu 12/03/2024", ["Minh Thu"]),
        ("By", []),  # a lead word alone
        # a stamp after the name, with its label or a weekday written out
        ("By Olivia Dee Posted Tue 12 Mar 2024 at 5:42pm", ["Olivia Dee"]),
        ("By Alex Bozarjian Thursday, November 9, 2023 4:41AM", ["Alex Bozarjian"]),
        # Finnish "text and pictures", Latvian and Lithuanian labels, Italian "edited by", a
        # Chinese paper's "our reporter"
        ("Teksti ja kuvat: Tiina Virtanen", ["Tiina Virtanen"]),
        ("Autors: Ilze Ruņģe", ["Ilze Ruņģe"]),
        ("Autorius: Tomas Jonaitis", ["Tomas Jonaitis"]),
        ("a cura di Giulia Marchetti", ["Giulia Marchetti"]),
        ("本报记者 王明远", ["王明远"]),
        ("本报记者 王明远、李华", ["王明远", "李华"]),
        ("作者：远洋", ["远洋"]),
        ("来源：人民网　作者：远洋", ["远洋"]),
        ("文/张三 图/李四", ["张三"]),  # the photographer's credit after the writer's
        ("Door Jan Visser – Pieter de Vries", []),  # a name's particle is no description
        # a description after a dash; an outlet's tagline is no name's description
        ("Par Corentin Lefèvre — Journaliste cinéma et séries", ["Corentin Lefèvre"]),
        ("Ana Pérez – corresponsal en Bruselas", ["Ana Pérez"]),
        ("L-MAG – Das Magazin für Lesben", []),
        # initials keep their last dot; a German association's "e. V." is no second name
        ("K. Ž.", ["K. Ž."]),
        ("Von Joe S.", ["Joe S."]),
        ("Hanns-Seidel-Stiftung e. V.", ["Hanns-Seidel-Stiftung e. V."]),
        ("Maria e Paolo", ["Maria", "Paolo"]),
        ("ภัสสร ทองคำ รายงาน", ["ภัสสร ทองคำ"]),  # Thai: "… reports"
        ("NguZanele Ngcobo", ["Zanele Ngcobo"]),  # Zulu's "by", glued to the name
        ("Nguyen Van An", ["Nguyen Van An"]),
        # a writer's label of a few words, and Japanese's wide colon
        ("Verfasst von: Jane Doe", ["Jane Doe"]),
        ("Tác giả: Minh Anh", ["Minh Anh"]),
        ("この記事を書いた人：田中ひろし", ["田中ひろし"]),
        ("글쓴이: 김민지", ["김민지"]),
        ("ライター：高橋祐介", ["高橋祐介"]),
        # where the writer filed from, or the section, after the name
        ("Shaun Walker in Kyiv and Pjotr Sauer", ["Shaun Walker", "Pjotr Sauer"]),
        ("Written by Michael Larabel in Linux Storage on 12 March 2024 at 06:05 PM EDT.",
         ["Michael Larabel"]),
        # a preposition and a weekday before the date; a plural writers' label
        ("Posted by Alastair Reid on Saturday 05 September 2009 - 18:05:22", ["Alastair Reid"]),
        ("Autorzy: Jadwiga Pitoń, Marek Kwiatkowski", ["Jadwiga Pitoń", "Marek Kwiatkowski"]),
        ("Ein Beitrag von Lisa Krämer", ["Lisa Krämer"]),
    ],
)
def test_split_authors(text: str, names: list[str]) -> None:
    assert split_authors(text) == names


def test_byline_markup_and_dedupe() -> None:
    md = page(
        '<meta name="author" content="https://example.org/jane">',
        '<span class="byline">By Jane Doe and JANE DOE</span><p>text</p>',
    )
    assert md.authors == ["Jane Doe"]


def test_publisher_is_not_an_author() -> None:
    md = page(
        '<meta property="og:site_name" content="Daily Example">'
        '<meta name="author" content="Daily Example">',
        '<a rel="author" href="/p/amy">Amy Lee</a>',
    )
    assert md.authors == ["Amy Lee"]


@pytest.mark.parametrize(("name", "publisher", "kept"), [
    ("Ainhoa Etxeberria", "Berria", True),  # the publisher's name inside a word of hers
    ("Deutscher Caritasverband", "Caritas", False),  # a word that starts with it
    ("Vegolosi.it", "Vegolosi", False),
    ("WDR aktuell", "WDR", False),
])
def test_a_name_that_holds_the_publishers_inside_a_word_is_a_persons(name: str, publisher: str,
                                                                      kept: bool) -> None:
    import json

    head = ('<script type="application/ld+json">' + json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Emaitza",
        "author": [{"@type": "Person", "name": name}, {"@type": "Person", "name": "Jon Olano"}],
        "publisher": {"@type": "Organization", "name": publisher}}) + "</script>")
    assert page(head, "<h1>Emaitza</h1>").authors == ([name, "Jon Olano"] if kept else ["Jon Olano"])


def test_a_signed_box_that_names_the_linked_author_and_more() -> None:
    md = page(
        '<meta property="og:site_name" content="Daily Example">',
        '<article><h1>Review</h1><div class="article__author">By <a href="/author/jane-doe">Jane '
        "Doe</a> and Mark Lee</div><p>The ferry is back.</p></article>",
    )
    assert md.authors == ["Jane Doe", "Mark Lee"]


def test_an_author_link_beats_a_facts_box() -> None:
    md = page(
        '<meta property="og:site_name" content="Daily Example">',
        '<article><h1>Review</h1><div class="byline"><a href="/author/jane-doe">Jane Doe</a></div>'
        '<div class="book__facts"><p class="book__author">by Colson Whitehead</p><dl><dt>Date</dt>'
        "<dd>March 12, 2024</dd><dt>Author</dt><dd>Colson Whitehead</dd></dl></div></article>",
    )
    assert md.authors == ["Jane Doe"]


def test_a_second_author_tag_after_the_publications_own() -> None:
    md = page(
        '<meta property="og:site_name" content="Daily Example">'
        '<meta name="author" content="Daily Example"><meta name="author" content="신현주 기자">'
    )
    assert md.authors == ["신현주"]


SIGNED = '<div class="{cls}">Von {name}, Lille</div>'


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an element classed as the article's author that signs it: read before the
        # publication's own credit
        (SIGNED.format(cls="article__author", name="Seb Dumitru"), ["Seb Dumitru", "Lille"]),
        (SIGNED.format(cls="post-author vcard", name="Seb Dumitru"), ["Seb Dumitru", "Lille"]),
        # the same name twice (a mobile and a desktop byline) is one byline
        (SIGNED.format(cls="author", name="Ana Lima") + SIGNED.format(cls="m-author", name="Ana Lima"),
         ["Ana Lima", "Lille"]),
        # boxes naming different people are teasers or forum posts: the credit stays
        (SIGNED.format(cls="listing__author", name="Petra Basler")
         + SIGNED.format(cls="listing__author", name="Thomas Hanstein"), ["Daily Example"]),
        # an author box that does not sign ("About the author") is no byline
        ('<div class="author-box">About Jane Doe, who writes on farming</div>', ["Daily Example"]),
        # a labelled field in the article's details list (one that also gives its date)
        ("<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Roman "
         "Goncharenko</li></ul>", ["Roman Goncharenko"]),
        ("<dl><dt>Date</dt><dd>March 12, 2024</dd><dt>Author</dt><dd>Jane Doe</dd></dl>", ["Jane Doe"]),
        # ... not a book's, a film's or a product's facts box, nor a table
        ("<dl><dt>Author</dt><dd>Colson Whitehead</dd><dt>Published</dt><dd>2023</dd></dl>",
         ["Daily Example"]),
        ("<ul><li><strong>Written by</strong> Greta Gerwig, Noah Baumbach</li></ul>", ["Daily Example"]),
        ("<table><tr><th>Author</th><td>John Developer</td></tr><tr><td>12.03.2024</td></tr></table>",
         ["Daily Example"]),
        # a film review's own author box is the article's
        ('<p class="review-author">By Peter Critic</p>', ["Peter Critic"]),
        # a labelled field beside a dated one
        ("<p><strong>Author:</strong> Jane Doe</p><p><strong>Date:</strong> March 12, 2024</p>",
         ["Jane Doe"]),
        # ... in capitals too
        ("<p><strong>PENULIS:</strong> Irfan Kamil</p><p><strong>TANGGAL:</strong> 12.03.2024</p>",
         ["Irfan Kamil"]),
        # a quote's, an image's or a book's author box is not the article's
        ('<p class="quote-author">By Mayor Tom Jones</p>', ["Daily Example"]),
        ('<figure><figcaption><span class="image-author">By Mark Lens</span></figcaption></figure>',
         ["Daily Example"]),
        ('<p class="book__author">by Colson Whitehead</p>', ["Daily Example"]),
        ('<div class="author"><b>Written by:</b> Charnele Henry</div>', ["Charnele Henry"]),
        # a role in a list of signatories is no label
        ("<p>Elliot Ackerman, <span>author</span> Martin Amis, <span>writer</span> Anne Applebaum</p>",
         ["Daily Example"]),
        # nor a label in the footer
        ("<footer><p><b>Author:</b> Web Team Lead</p></footer>", ["Daily Example"]),
    ],
)
def test_signed_and_labelled_bylines(body: str, expected: list[str]) -> None:
    md = page(
        '<meta property="og:site_name" content="Daily Example">'
        '<meta name="author" content="Daily Example">',
        f"<article><h1>Harbour ferry returns</h1>{body}<p>The ferry is back.</p></article>",
    )
    assert md.authors == expected


def test_language_from_og_locale() -> None:
    assert page('<meta property="og:locale" content="pt_BR">').language == "pt"


def test_empty_and_odd_pages_never_raise() -> None:
    tree = lxml.html.document_fromstring("<html></html>")
    md = extract_metadata(tree, URL, article_objects=[{"headline": 5, "author": {"name": None}}])
    assert isinstance(md, Metadata)
    assert md.title is None and md.authors == []


def test_section_from_url_when_the_page_declares_none() -> None:
    from scraper.extract.metadata import section_from_url

    assert section_from_url("https://e.com/politics/2021/07/22/story.html") == "Politics"
    assert section_from_url("https://e.com/real-estate/big-house-sold-12") == "Real estate"
    assert section_from_url("https://e.com/story.html") is None  # no section segment
    assert section_from_url("https://e.com/2021/07/22/story") is None  # a date, not a word
    assert section_from_url("https://e.com/news/story-12") is None  # too generic to be one
    assert section_from_url("https://e.com/en/politics/story") is None  # a language prefix


@pytest.mark.parametrize(
    ("head", "section"),
    [
        ('<link rel="canonical" href="/business/market-story-88">', "Business"),
        ('<meta property="og:url" content="https://e.com/business/market-story-88">', "Business"),
        ("", "Sport"),  # no canonical address: the fetched one
        ('<link rel="canonical" href="https://other.example/business/market-story-88">', "Sport"),
        ('<link rel="canonical" href="http://[::1/business/x">', "Sport"),  # unreadable
        ('<link rel="canonical" href="https://www.e.com/business/market-story-88">', "Business"),
        # a canonical address that names no section: the fetched one still does
        ('<link rel="canonical" href="/">', "Sport"),
        ('<link rel="canonical" href="/market-story-88">', "Sport"),
        ('<link rel="canonical" href="/2024/05/03/market-story-88">', "Sport"),
        ('<link rel="canonical" href="/article.php?id=88">', "Sport"),
        ('<link rel="canonical" href="/amp/business/market-story-88">', "Sport"),
        ('<link rel="canonical" href="/mobile/business/market-story-88">', "Sport"),
        # a canonical on another host, a same-site og:url
        ('<link rel="canonical" href="https://partner.example/x/y-1">'
         '<meta property="og:url" content="/business/market-story-88">', "Business"),
    ],
)
def test_section_from_the_canonical_address(head: str, section: str) -> None:
    """A story listed in two sections is fetched under either address first; the section is
    the one its canonical address names."""
    tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body><h1>T</h1></body></html>")
    md = extract_metadata(tree, "https://e.com/sport/market-story-88", article_objects=[])
    assert md.section == section


def test_to_dict_flattens_every_date_field() -> None:
    """Article.to_dict() lists DateValue's fields by name: a new field must be flattened too."""
    from dataclasses import fields

    from scraper.extract.model import _DATE_FIELDS, Article, DateValue

    assert tuple(f.name for f in fields(DateValue)) == _DATE_FIELDS
    value = DateValue("2021-07-22T16:25:00+04:00", "2021-07-22T12:25:00Z", "+04:00", None,
                      "minute", "text", "22 July 2021 16:25 (UTC+04:00)")
    record = Article(url="http://e.com/a", published=value).to_dict()
    assert record["published"] == "2021-07-22T16:25:00+04:00"
    assert record["published_raw"] == "22 July 2021 16:25 (UTC+04:00)"
    assert record["modified_precision"] is None and record["timezone"] == "+04:00"


def _ld(authors: str) -> str:
    return (
        '<meta property="og:site_name" content="Daily Example">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry back",'
        f' "author": {authors}, "publisher": {{"@type": "Organization", "name": "Daily Example"}}}}'
        "</script>"
    )


def test_agency_credited_beside_a_reporter_stays_the_publisher_does_not() -> None:
    # (20 Minuten types the agency as a Person, as it does its reporter)
    md = page(_ld('[{"@type": "Person", "name": "Konstantin Furrer"},'
                  ' {"@type": "Person", "name": "Deutsche Presse-Agentur"},'
                  ' {"@type": "Person", "name": "Daily Example"}]'))
    assert md.authors == ["Konstantin Furrer", "Deutsche Presse-Agentur"]


def test_an_organisation_beside_a_person_in_the_authors_is_the_source() -> None:
    """The page types the agency an organisation beside a named reporter: the story's source
    ("Christopher Michel, SID" in the byline); typed a Person, as above, it is credited."""
    md = page(_ld('[{"@type": "Person", "name": "Christopher Michel"},'
                  ' {"@type": "Organization", "name": "SID"}]'))
    assert md.authors == ["Christopher Michel"]
    # a co-author a CMS typed as an organisation is still a co-author: only a source's name
    # (an acronym, a press or agency word) is dropped
    md = page(_ld('[{"@type": "Person", "name": "Sarah Klein"},'
                  ' {"@type": "Organization", "name": "Tobias Brandt"},'
                  ' {"@type": "Organization", "name": "Europa Press"}]'))
    assert md.authors == ["Sarah Klein", "Tobias Brandt"]
    # beside a desk's name rather than a person's, both are the credit
    md = page(_ld('[{"@type": "Organization", "name": "Deutsche Presse-Agentur"},'
                  ' {"@type": "Person", "name": "MM-Redaktion"}]'))
    assert md.authors == ["Deutsche Presse-Agentur", "MM-Redaktion"]


@pytest.mark.parametrize("key", ["content_author", "cXenseParse:author", "parsely-author"])
def test_the_author_meta_tags_of_analytics_and_cms_vendors(key: str) -> None:
    assert page(f'<meta name="{key}" content="Rina Kusumawati">').authors == ["Rina Kusumawati"]
    assert page(f'<meta name="{key}" content="admin">').authors == []  # a CMS account


def test_a_page_that_names_no_person_is_credited_as_it_says() -> None:
    """An agency, a desk or the publication itself, from an author field (never from
    ``publisher``), when no person is named anywhere."""
    assert page(_ld('{"@type": "Organization", "name": "Associated Press"}')).authors == [
        "Associated Press"]
    assert page('<meta name="author" content="MND Staff">').authors == ["MND Staff"]
    assert page('<meta property="og:site_name" content="Daily Example">'
                '<meta name="author" content="Daily Example">').authors == ["Daily Example"]
    assert page(_ld("[]")).authors == []  # the publisher field alone credits nobody
    # a desk's brand may hold digits; a date or a login does not credit anyone
    assert page(_ld('{"@type": "Person", "name": "BR24 Redaktion"}')).authors == [
        "BR24 Redaktion"]
    assert page('<meta name="author" content="News4Max Staff">').authors == ["News4Max Staff"]
    assert page('<meta name="author" content="freeman1984">').authors == []
    assert page(_ld('{"@type": "Person", "name": "Redakteur2"}')).authors == []
    assert page('<meta name="author" content="Mai 2024">').authors == []


def test_byline_of_name_elements_without_by() -> None:
    md = page("", '<h1>Ferry back</h1><div class="article-byline"><div class="origins">'
                  '<span class="simple">Birgit Baumann</span> <span class="simple">Anna Giulia Fink'
                  '</span></div><time>3.5.2024</time></div><p>The ferry is back.</p>')
    assert md.authors == ["Birgit Baumann", "Anna Giulia Fink"]


@pytest.mark.parametrize(("byline", "expected"), [
    ('<span class="author">Jane Smith</span>', ["Jane Smith"]),
    ('<div class="autor">Ana Pérez</div>', ["Ana Pérez"]),
    ('<div class="signature-author"><span>Mateusz Gniazdowski</span><span>Martyna Wasiuta</span>'
     "</div>", ["Mateusz Gniazdowski", "Martyna Wasiuta"]),
    ('<div class="author-box"><span class="author">Über Steffi</span></div>', []),
    ('<span class="author">Gesponserte Inhalte</span>', []),
    ('<span class="author"><span>Christoph Hein</span> <span>Chefredakteur</span></span>',
     ["Christoph Hein"]),  # a role beside the name
    ('<div class="author_article_block"><p class="author_p">Автор:</p> <span>Олеся Жуковень'
     "</span></div>", ["Олеся Жуковень"]),  # a label in an element of its own
    ('<div class="author"><span class="author__name">Jane Smith</span> <span class="author__'
     'affiliation">Stanford University</span></div>', ["Jane Smith"]),
    ('<div class="detail-author">Ngọc Tú - TTXVN</div>', ["Ngọc Tú"]),  # an agency beside her
    ('<span class="article-byline__author">김민정 기자</span>', ["김민정"]),  # CJK: the role
    ('<p class="byline"><span>박지훈 기자 jhpark@example.com</span></p>', ["박지훈"]),
    ('<span class="author">山田太郎記者</span>', ["山田太郎"]),
    # scripts whose vowel signs are no letters to str.isalpha (Devanagari, Sinhala, Bengali)
    ('<span class="author"><a href="/author/kamal-subedi">कमल सुवेदी</a></span>', ["कमल सुवेदी"]),
    ('<span class="author">චමින්ද සිල්වා</span>', ["චමින්ද සිල්වා"]),
    ('<span class="author">অমিত শাহ</span>', ["অমিত শাহ"]),
    ('<span class="author">ដោយ៖ សុខ ចាន់ថា</span>', ["សុខ ចាន់ថា"]),  # Khmer's "By:"
    ('<td class="author">מאת: אבי כהן</td>', ["אבי כהן"]),  # Hebrew's "By:"
    ('<div class="author">بقلم: محمد الشهري</div>', ["محمد الشهري"]),  # Arabic's "by the pen of"
    ('<span class="author">Б.Ганчимэг</span>', ["Б.Ганчимэг"]),  # an initial glued to the name
    # the name the byline's own text, its e-mail a link; a stamp's label beside it no name
    ('<div class="byline_info"><span class="byline">김한수 기자 <a href="mailto:hskim@example.com">'
     'hskim@example.com</a></span> <span class="date">입력 : 2023-10-17 17:52:11</span> '
     '<span class="date">수정 : 2023-10-17 19:40:02</span></div>', ["김한수"]),
    # another thing's author, or no author at all
    ('<div class="autor-libro">Javier Cercas</div>', []),
    ('<div class="fiche-livre"><span class="auteur">Annie Ernaux</span></div>', []),
    ('<blockquote class="pullquote"><p>We must act.</p><span class="author">Jane Goodall</span>'
     "</blockquote>", []),
    ('<figure><img src="a.jpg"><figcaption>The site. <span class="author">John Locher</span>'
     "</figcaption></figure>", []),
    ('<div class="field-autoridad">Luis Planas Puchades</div>', []),  # "autoridad": no author
    ('<div class="scorebox autorefresh"><span>Real Madrid</span> 2 - 1 <span>Atlético Madrid'
     "</span></div>", []),
    ('<div class="author-reviewer"><span>Medically reviewed by</span> <a>Emily Chen</a></div>', []),
    ('<div class="authors-list"><span>Rachel Adams</span><span>Tom Jenkins</span></div>', []),
])
def test_a_name_alone_in_an_element_classed_as_the_author(byline: str, expected: list[str]) -> None:
    md = page("", f"<article><h1>Ferry back</h1>{byline}<p>{_LEAD}</p></article>")
    assert md.authors == expected


def test_unsigned_names_beside_agency_credits_are_a_list_of_stories() -> None:
    items = "".join(f'<li><a href="/{i}">Story {i} of the day</a> <span class="autor">{who}</span>'
                    "</li>" for i, who in enumerate(["EFE", "Europa Press", "María López Gil"]))
    md = page("", f'<article><h1>Ferry back</h1><span class="autor">EFE</span><p>{_LEAD}</p>'
                  f'</article><div class="lo-mas"><ul>{items}</ul></div>')
    assert md.authors == []


def test_unsigned_names_of_different_people_are_a_list_of_stories() -> None:
    md = page("", f"<article><h1>Ferry back</h1><p>{_LEAD}</p></article><div class=\"more\"><div>"
                  '<a href="/a">Bridge reopens</a><span class="author">Jane Smith</span></div><div>'
                  '<a href="/b">Fares rise</a><span class="author">John Roe</span></div></div>')
    assert md.authors == []


def test_links_to_author_pages_above_the_text_are_the_byline() -> None:
    long = " ".join(["The harbour ferry returned to service on Monday after repairs."] * 4)
    md = page("", '<h1>Ferry back</h1><ul class="meta"><li><a href="/author/nflakin/">'
                  f'Nathaniel Flakin</a></li></ul><p>{long}</p>'
                  '<aside><a href="/author/other/">Other Writer</a></aside>')
    assert md.authors == ["Nathaniel Flakin"]


def test_links_to_reporters_pages_drop_the_reporters_role() -> None:
    long = "정부가 내년 예산안을 국회에 제출했다. " * 8
    md = page("", '<h1>예산안 제출</h1><span class="report"><a href="https://www.example.kr/news/'
                  'reporter/kimjh">김지현 기자</a>, <a href="https://www.example.kr/news/reporter/'
                  f'parkhs">박훈상 기자</a></span><p>{long}</p>')
    assert md.authors == ["김지현", "박훈상"]


@pytest.mark.parametrize(("dateline", "expected"), [
    ("新华社北京3月5日电（记者孙少龙、高蕾）", ["孙少龙", "高蕾"]),
    ("中新网北京9月29日电 (记者 张素)", ["张素"]),
    ("新京报讯（记者王俊 吴采倩）", ["王俊", "吴采倩"]),
    ("〔記者王小明／台北報導〕", ["王小明"]),
    # a source's words in brackets, no reporter's
    ("据新华社北京3月5日电（国务院新闻办公室）", []),
])
def test_a_chinese_datelines_reporters_sign_the_story(dateline: str, expected: list[str]) -> None:
    text = "十四届全国人大二次会议审议的政府工作报告提出今年发展主要预期目标" * 3
    md = page("", f"<h1>政府工作报告提出今年发展主要预期目标</h1><p>{dateline}{text}</p>")
    assert md.authors == expected


@pytest.mark.parametrize(("body", "expected"), [
    # WordPress marks commenters itemprop=author; "wp-embed-responsive" on <body> is no comment
    # section ("respon")
    ('<article><h1>Spring planting</h1><span class="byline">by <span class="author vcard" '
     'itemprop="author"><a class="fn" href="/author/helen/">Helen Carter</a></span></span><p>'
     'Text.</p></article><ol class="comment-list"><li><article class="comment-body" itemtype='
     '"https://schema.org/Comment" itemscope><div class="comment-author vcard" itemprop="author">'
     '<cite class="fn">Margaret Price</cite></div></article></li></ol><div class="wp-block-'
     'comments"><div class="wp-block-comment-author-name">Nagy Péter</div></div>',
     ["Helen Carter"]),
    # a block theme's author name
    ('<main><h1>Elhunyt Kovács Imre</h1><p>Gyászolja felesége.</p><div class="wp-block-post-'
     'author-name">Tóth Erzsébet</div></main>', ["Tóth Erzsébet"]),
])
def test_authors_on_a_responsive_wordpress_page(body: str, expected: list[str]) -> None:
    tree = lxml.html.document_fromstring(
        f'<html><body class="single wp-embed-responsive">{body}</body></html>')
    assert extract_metadata(tree, URL, article_objects=[]).authors == expected


def test_an_ideographic_space_between_a_headlines_clauses_stays() -> None:
    md = page("<title>増税へ\u3000政府が方針 - 例新聞</title>", "<h1>増税へ\u3000政府が方針</h1>")
    assert md.title == "増税へ\u3000政府が方針"


def test_a_heading_that_links_home_is_the_sites_name_not_the_headline() -> None:
    md = page("<title>Elhunyt Kovács Imre &#8211; Szentesi Hírek</title>",
              '<header><h1 class="wp-block-site-title"><a href="https://www.szentesihirek.hu" '
              'rel="home">Szentesi Hírek</a></h1></header><main><h1 class="wp-block-post-title">'
              "Elhunyt Kovács Imre</h1><p>Gyászolja felesége.</p></main>")
    assert md.title == "Elhunyt Kovács Imre"


@pytest.mark.parametrize(("href", "title"), [
    ("/index.php", "Verkehrsunfall auf der St2050"),  # Joomla's home page file
    ("/Default.aspx", "Verkehrsunfall auf der St2050"),
    ("/index.php/einsaetze", "Freiwillige Feuerwehr Markt Indersdorf"),  # a section: a heading
])
def test_a_heading_that_links_to_the_home_page_file_is_the_sites_name(href: str, title: str) -> None:
    md = page("<title>Verkehrsunfall auf der St2050</title>",
              f'<h1 class="logo"><a href="{href}"><span>Freiwillige Feuerwehr Markt Indersdorf</span>'
              f'</a></h1><h2 class="contentheading">Verkehrsunfall auf der St2050</h2><p>{_LEAD}</p>')
    assert md.title == title


@pytest.mark.parametrize(("home", "title"), [
    # a blog's home on a platform, one path segment above the post
    ("https://ameblo.jp/yuka-nail-diary/", "春の新作ネイル"),
    ("https://ameblo.jp/other-diary/", "ゆかのネイル日記"),  # another blog's
    ("https://ameblo.jp/yuka-nail-diary/theme/", "ゆかのネイル日記"),  # a deeper page
])
def test_a_heading_that_links_to_the_blogs_home_is_its_name(home: str, title: str) -> None:
    tree = lxml.html.document_fromstring(
        '<html><head><title>春の新作ネイル｜ゆかのネイル日記</title></head><body><header><h1><a '
        f'href="{home}">ゆかのネイル日記</a></h1></header><main><article><h1><a href="https://ameblo'
        '.jp/yuka-nail-diary/entry-12843211987.html">春の新作ネイル</a></h1><p>今日は春の新作です。'
        "</p></article></main></body></html>")
    md = extract_metadata(tree, "https://ameblo.jp/yuka-nail-diary/entry-12843211987.html",
                          article_objects=[])
    assert md.title == title


@pytest.mark.parametrize(("byline", "expected"), [
    # Drupal 7: the account's name in RDFa, when it reads as a person's
    ('<div class="submitted"><span property="dc:date dc:created" content="2024-03-12T18:05:00-04:'
     '00">Submitted by <span class="username" property="foaf:name">Karen Whitfield</span> on Tue,'
     " 03/12/2024 - 18:05</span></div>", ["Karen Whitfield"]),
    ('<div class="submitted"><span>Enviado por <span class="username" property="foaf:name">'
     "comunicacion</span> el 12/03/2024</span></div>", []),
    # Drupal 10's byline field
    ('<div class="node__byline"><div class="field field--name-field-byline">By Jessica Albrecht'
     "</div></div>", ["Jessica Albrecht"]),
    # a link to the author's page in a script without capitals
    ('<p class="post-meta"><span class="post-meta-author"><a href="/archives/author/ahmed-salah">'
     "أحمد صلاح </a></span></p>", ["أحمد صلاح"]),
    ('<p class="post-meta"><a href="/author/web-desk/">ویب ڈیسک</a></p>', []),
    # a surname's particles, and a Turkish reporter's class
    ('<p class="post-meta"><a href="/auteur/erik-van-der-walle/">Erik van der Walle</a></p>',
     ["Erik van der Walle"]),
    ('<div class="yazar-tarih"><span class="muhabir">Ayşe Yıldız</span></div>', ["Ayşe Yıldız"]),
    # byline classes with any prefix (BLOX, Advance's BEM), and React's test ids
    ('<ul class="list-inline"><li><span class="tnt-byline">By <a href="/users/profile/swatson">'
     "Sarah Watson</a></span></li></ul>", ["Sarah Watson"]),
    ('<div class="article__details"><span class="article__details--byline">By <a href="/staff/'
     'mrutledge/">Mike Rutledge</a>, cleveland.com</span></div>', ["Mike Rutledge"]),
    ('<div class="_2HJOG"><span data-testid="byline"><span class="_1Gp2W">By <a href="/by/matt-o-'
     "sullivan-hvf1u\">Matt O'Sullivan</a></span></span></div>", ["Matt O'Sullivan"]),
    ('<div data-component="Byline"><p>By <a href="/news/adam-langenberg/7613418">Adam Langenberg'
     "</a></p><p>Posted Tue 12 Mar 2024 at 5:42pm</p></div>", ["Adam Langenberg"]),
    ('<div class="byline"><div class="authors">By <a href="/news/olivia-dee/1234567">Olivia Dee'
     "</a></div><div>Posted Tue 12 Mar 2024 at 5:42pm</div></div>", ["Olivia Dee"]),
    ('<div data-testid="prism-byline"><span>By</span><span><a href="/about/newsteam/alex-b">Alex '
     "Bozarjian</a></span><div>Thursday, November 9, 2023 4:41AM</div></div>", ["Alex Bozarjian"]),
    # an Irish name, and a contributor's page, linked above the text
    ('<div class="byline"><span class="name">By <a href="/news/authors/1234-sean-mac-an-tsithigh/">'
     'Seán Mac an tSíthigh</a></span><span class="role"> Regional Correspondent</span></div>',
     ["Seán Mac an tSíthigh"]),
    ('<div class="contentSectionDetails">By <a href="/members/contributors/50379512">Ambar Warrick'
     "</a></div>", ["Ambar Warrick"]),
    # Medium's test id; a Brazilian column's page named for its columnist
    ('<div class="speechify-ignore ab cp"><a data-testid="authorName" href="https://medium.com/@s'
     'ofiamarchetti">Sofia Marchetti</a><span>·</span><button>Follow</button></div>',
     ["Sofia Marchetti"]),
    ('<div class="c-columnist-avatar"><a href="/colunas/helenaprado/">Helena Prado</a><p>Economis'
     "ta, professora da FGV</p></div>", ["Helena Prado"]),
    ('<div class="c-columnist-avatar"><a href="/colunas/painel/">Painel Econômico</a></div>', []),
    # a Chinese name (no spaces) linked to its author page
    ('<div class="artInfo">文｜财新 <a href="/author/zhangyu">张宇</a><br>2024年03月12日 18:05</div>',
     ["张宇"]),
    # the BEM author name (but not a quote's or a related story's)
    ('<div class="article__byline"><span class="author__name"><a href="/author/sandra-conchie/">'
     'Sandra Conchie</a></span><span class="author__role">Reporter</span></div>',
     ["Sandra Conchie"]),
    ('<p class="quote-source"><span class="quote-source-name quote-author-name">Mark L Goldberg'
     "</span></p>", []),
    # a picture's byline is the photographer's
    ('<figure><img src="/a.jpg"><div class="cutline-byline-container"><span class="cutline-text">'
     'Juan Orlando Hernández, en Nueva York.</span><span class="byline-image">Fotos: AFP</span>'
     "</div></figure>", []),
    # Drupal's field labelled in Latvian; a Georgian name (Mkhedruli has no capitals in use)
    ('<div class="field field--name-field-autors"><span class="field__label">Autors:</span> '
     '<span class="field__item">Ilze Ruņģe</span></div>', ["Ilze Ruņģe"]),
    ('<div class="article-meta"><span class="article-author">ნინო ბერიძე</span></div>',
     ["ნინო ბერიძე"]),
    # a role on the byline's next line
    ('<div class="field field-name-field-byline"><div class="field-item even">By Karen Holloway'
     "<br />Staff Writer</div></div>", ["Karen Holloway"]),
    ('<div class="byline">By <a href="/people/jane-doe">Jane Doe</a><!-- author --> and John Roe'
     "<br>Special to the Courier</div>", ["Jane Doe", "John Roe"]),
    # ... but a list of names goes on over a break
    ('<div class="byline">By Jane Doe and<br>John Roe</div>', ["Jane Doe", "John Roe"]),
    ('<div class="byline">Von <a href="/a/as">Anna Schmidt</a>,<br><a href="/a/jw">Jonas Weber'
     '</a> und <a href="/a/lf">Lea Fischer</a></div>', ["Anna Schmidt", "Jonas Weber",
                                                        "Lea Fischer"]),
    # Naver's journalist name
    ('<div class="media_end_head_journalist"><em class="media_end_head_journalist_name">이지은 기자'
     "</em></div>", ["이지은"]),
    # a Georgian "author's column" label in the author box names nobody; "და" is "and"
    ('<div class="article-author"><span class="author-title">ავტორის სვეტი</span></div>', []),
    ('<div class="article-meta"><span class="article-author">ნინო ბერიძე და გიორგი კაპანაძე</span>'
     "</div>", ["ნინო ბერიძე", "გიორგი კაპანაძე"]),
])
def test_bylines_of_cms_templates(byline: str, expected: list[str]) -> None:
    long = " ".join(["The harbour ferry returned to service on Monday after repairs."] * 4)
    md = page("", f"<article><h1>Ferry back</h1>{byline}<p>{long}</p></article>")
    assert md.authors == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a post's section or category named "comment", a correspondent's box: no comment section
    ('<article class="post category-comment"><h1>Budget</h1><div class="story-correspondent">'
     '<span class="author-name">Lyse Doucet</span></div><p>Text.</p></article>', ["Lyse Doucet"]),
    # a menu outside <nav> holds columnists' links, not the byline
    ('<div id="responsive-menu-container"><a href="/columnist/margaret-hale/">Margaret Hale</a>'
     '</div><article><h1>Budget</h1><span class="author">By Tom Reilly</span><p>{long}</p>'
     "</article>", ["Tom Reilly"]),
    # a picture's credit and a press contact link to /staff/ pages
    ('<article><h1>Budget</h1><figure><img src="/a.jpg"><figcaption>Photo by <a href="/staff/'
     'jane-roe">Jane Roe</a></figcaption></figure><p>Media contact: <a href="/staff/desk/">Sarah'
     ' King</a></p><p>{long}</p></article>', []),
    # a surname that is a French word
    ('<article><h1>Budget</h1><p>Por <a href="/autor/albert-tous/">Albert Tous</a></p><p>{long}'
     "</p></article>", ["Albert Tous"]),
])
def test_boxes_that_hold_other_names(body: str, expected: list[str]) -> None:
    long = " ".join(["The harbour ferry returned to service on Monday after repairs."] * 4)
    tree = lxml.html.document_fromstring(
        f'<html><body class="section-comment">{body.replace("{long}", long)}</body></html>')
    assert extract_metadata(tree, URL, article_objects=[]).authors == expected


@pytest.mark.parametrize(("h1", "title"), [
    # a post's headline that links to its plain permalink, or to nowhere
    ('<h1 class="entry-title"><a href="https://www.example.org/?p=123">Planting tomatoes</a></h1>',
     "Planting tomatoes"),
    ('<h1><a href="#">Planting tomatoes</a></h1>', "Planting tomatoes"),
    ('<h1><a name="top">Planting tomatoes</a></h1>', "Planting tomatoes"),
    # a link a script broke: no crash, the heading is the headline
    ('<h1><a href="https://[object Object]/">Planting tomatoes</a></h1>', "Planting tomatoes"),
])
def test_headlines_that_are_links_are_not_the_sites_name(h1: str, title: str) -> None:
    md = page("", f"{h1}<p>Text.</p><aside><h1 class=\"widget-title\">Recent Posts</h1></aside>")
    assert md.title == title


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # a local story of short paragraphs, in one box: the links above them are the byline
    (["The council voted on Tuesday to close the old library on Main Street next year."] * 3,
     ["Liz Monteiro"]),
    # teasers' summaries, each in its own box, are no article text
    (["The council voted on Tuesday to close the old library on Main Street next year."], []),
])
@pytest.mark.parametrize("standfirst", [
    "", '<p class="sub">The council approves the plan, which will cost 1.4 million and run from'
    " June to September</p>",  # a standfirst of a dozen words above the byline, in its own box
])
def test_author_links_above_a_story_of_short_paragraphs(paragraphs: list[str],
                                                        expected: list[str], standfirst: str) -> None:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    md = page("", f'<main><h1>Library to close</h1>{standfirst}<div class="meta">By <a href="/aut'
              f'hors/liz-monteiro">Liz Monteiro</a> Record Reporter</div><div class="text">{text}'
              '</div><div class="teaser"><p>Another story of the week about the harbour ferry and'
              " the new timetable.</p></div></main>")
    assert md.authors == expected


LONG_TEXT = " ".join(["The harbour ferry returned to service on Monday after repairs."] * 4)


@pytest.mark.parametrize(("body", "expected"), [
    # the same byline component reused in cards of other stories, below the text
    (f'<article><h1>Budget</h1><div class="entry-author">By Jane Doe</div><p>{LONG_TEXT}</p>'
     '</article><div class="css-rel"><a href="/n/1">Port strike ends</a><div data-component="By'
     'line">By Sam Lee</div></div>', ["Jane Doe"]),
    (f'<article><h1>Budget</h1><div class="meta">By <a href="/author/jane-doe">Jane Doe</a></div>'
     f'<p>{LONG_TEXT}</p></article><section class="more-stories"><p class="card__byline">By Sam '
     "Lee</p></section>", ["Jane Doe"]),
    (f'<article><h1>Budget</h1><div class="pw-author"><p data-testid="authorName">Jane Doe</p>'
     f'</div><p>{LONG_TEXT}</p></article><div class="css-recs"><p data-testid="authorName">Sam '
     "Lee</p></div>", ["Jane Doe"]),
    # a licence's /by/ path and a contributors' section are no author pages
    ('<article><h1>Budget</h1><div class="hero"><a href="https://creativecommons.org/licenses/by'
     '/4.0/">Creative Commons Attribution</a></div><div class="author">By Jane Doe</div>'
     f"<p>{LONG_TEXT}</p></article>", ["Jane Doe"]),
    ('<article><h1>Budget</h1><div class="kicker"><a href="/contributors/submit">Submit an Op-Ed'
     f'</a></div><div class="author">By Jane Doe</div><p>{LONG_TEXT}</p></article>', ["Jane Doe"]),
    # a box of top stories above the article is no byline
    ('<section class="top-stories"><a href="/author/sam-lee">Sam Lee</a><p>Dock workers returned'
     " on Monday after a deal that raises pay by eight percent.</p></section><article><h1>Budget"
     '</h1><div class="author">By Jane Doe</div><div class="body"><p>The council approved the '
     "revised budget on Tuesday night after a long and heated debate.</p><p>Road repairs on the "
     "east side will get most of the new money, officials said.</p><p>Two building projects will"
     " be delayed to pay for the plan, according to the finance office.</p></div></article>",
     ["Jane Doe"]),
])
def test_other_things_bylines_are_not_the_articles(body: str, expected: list[str]) -> None:
    assert page("", body).authors == expected


def test_a_site_title_h2_does_not_cut_the_title_to_the_sites_name() -> None:
    md = page("<title>Lakeside Gazette | Council approves budget for roads</title>",
              '<h2 class="site-title">Lakeside Gazette</h2><h2>Council approves budget for roads'
              "</h2><p>Text.</p>")
    # (the headline the page prints, not the site's name its other <h2> prints)
    assert md.title == "Council approves budget for roads"


def test_author_links_above_chinese_text_written_without_spaces() -> None:
    long = "宁德时代发布2023年年报，全年实现营业收入4009亿元，同比增长22%，净利润441亿元，同比增长43.6%。" * 2
    md = page("", f'<article><h1>宁德时代2023年净利润441亿元</h1><div><a href="/author/zhangyu">张宇</a>'
              f"</div><p>{long}</p></article>")
    assert md.authors == ["张宇"]


def test_links_to_staff_pages_above_the_text_are_the_byline() -> None:
    long = " ".join(["The harbour ferry returned to service on Monday after repairs."] * 4)
    md = page("", '<h1>Ferry back</h1><div class="gnt_ar_by"><a href="/staff/2648123001/priya-'
                  f'raman/">Priya Raman</a><div>Detroit Free Press</div></div><p>{long}</p>')
    assert md.authors == ["Priya Raman"]


_LEAD = " ".join(["The harbour ferry returned to service on Monday after repairs."] * 4)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a role beside the name, share buttons and section links in a byline are not authors
        (f'<h1>T</h1><div class="byline"><span>Jane Doe</span><span>Staff Writer</span></div><p>{_LEAD}</p>',
         ["Jane Doe"]),
        (f'<h1>T</h1><div class="article-byline"><a class="share" href="#">Share On Facebook</a>'
         f'<a href="#">Read More</a></div><p>{_LEAD}</p>', []),
        (f'<h1>T</h1><div class="byline-meta"><a href="/world/">World News</a> <span>Updated Today'
         f'</span></div><p>{_LEAD}</p>', []),
        # a wrapper that merely has a byline inside, and a comment's byline
        (f'<header class="post-header with-byline"><h1>Storm Hits Coast</h1><div class="byline">'
         f'By Jane Doe</div></header><p>{_LEAD}</p>', ["Jane Doe"]),
        (f'<h1>T</h1><p>{_LEAD}</p><div class="comments"><div class="comment-byline"><span>Mike '
         f'Jones</span></div></div>', []),
        # author links in navigation, to the authors index, or below the article text
        (f'<nav><a href="/authors/">Our Authors</a><a href="/columnists/maria-lopez/">Maria Lopez'
         f'</a></nav><h1>T</h1><p>{_LEAD}</p>', []),
        (f'<h1>T</h1><div class="content">{_LEAD}<br>{_LEAD}</div><aside><a href="/author/bob-smith/">'
         f'Bob Smith</a></aside>', []),
    ],
)
def test_no_page_furniture_or_comment_authors_in_the_byline(body: str, expected: list[str]) -> None:
    assert page("", body).authors == expected


def test_jsonld_person_name_with_a_role_gives_the_name() -> None:
    assert page(_ld('{"@type": "Person", "name": "Jane Doe, Senior Editor"}')).authors == ["Jane Doe"]


def test_unreadable_addresses_lose_only_themselves() -> None:
    """A broken og:image or canonical address (bad IPv6 literal) is None; the title stays."""
    tree = lxml.html.document_fromstring(
        '<html><head><meta property="og:image" content="http://[::1/i.jpg">'
        '<link rel="canonical" href="http://[::1/x"><title>Harbour reopens</title></head>'
        "<body><h1>Harbour reopens</h1></body></html>"
    )
    md = extract_metadata(tree, "https://e.com/sport/harbour-1", article_objects=[])
    assert (md.image, md.canonical_url, md.title) == (None, None, "Harbour reopens")


def test_first_headline_and_title_match_find() -> None:
    """_FIRST_H1/_FIRST_TITLE stop at the first match: the elements find() gives."""
    from scraper.extract import metadata

    tree = load_html(
        '<html class="byline"><head><title>T</title></head><body class="x-byline">'
        '<a rel="author" class="author-name">A</a><span itemprop="author">B</span>'
        '<div class="ArticleByline"><h1>H</h1><svg><title>S</title></svg></div>'
        '<a rel="nofollow author">C</a><h1 class="author">H2</h1></body></html>'
    )
    assert metadata._FIRST_H1(tree) == [tree.find(".//h1")]
    assert [t.text for t in metadata._FIRST_TITLE(tree)] == [tree.findtext(".//title")]
    assert metadata._FIRST_H1(tree.find("head")) == []


def test_soft_hyphens_are_not_kept_in_the_title() -> None:
    from scraper.extract.html import load_html as _load
    from scraper.extract.metadata import extract_metadata as _meta

    tree = _load("<html><head><title>Wehr\u00adanlage öff\u00adnet</title></head><body></body></html>")
    assert _meta(tree, "https://example.org/a", article_objects=[]).title == "Wehranlage öffnet"


_LEAD = "<p>" + "The council met on the harbour front to hear the ferry plans again today. " * 3 + "</p>"


@pytest.mark.parametrize(("body", "expected"), [
    # Israeli sites call their comments talkbacks: their writers are no authors
    ("<span class='authors'><a href='/topics/x'>אלישע בן-עמי</a></span>" + _LEAD
     + "<div class='talkback'><span class='talkbackAuthor'>דני כהן</span><p>תודה</p></div>",
     ["אלישע בן-עמי"]),
    # the author's box that also holds the author's picture is no picture credit
    ("<div class='author_title_img'><p class='byline'><a href='/author/rizwan-ahmed'>رضوان احمد"
     "</a></p><div class='share'><a>شیئر</a></div></div>" + _LEAD, ["رضوان احمد"]),
    # a label in a small heading or in Drupal's field label, above the article's text
    ("<div class='credit-title-name'><h6>Penulis</h6><a href='/penulis/irfan'>Irfan Kamil "
     "Sitompul</a></div><div class='credit-title-name'><h6>Editor</h6><a>Bagus Santosa</a></div>"
     + _LEAD, ["Irfan Kamil Sitompul"]),
    ("<div class='field field-name-field-autoria'><div class='field-label'>Autoría:&nbsp;</div>"
     "<div class='field-items'><div class='field-item'>Laura Gómez y Fatou Diallo</div></div></div>"
     + _LEAD, ["Laura Gómez", "Fatou Diallo"]),
    # ... not a book's facts further down
    (_LEAD + "<dl><dt>Author</dt><dd>Colson Whitehead</dd><dt>Pages</dt><dd>320</dd></dl>",
     ["Daily Example"]),
    # co-authors, one element each, side by side
    ("<p class='txt-desc'><span class='writer'>이도윤</span><span class='writer'>김서연</span> 기자"
     "</p>" + _LEAD, ["이도윤", "김서연"]),
    # an outlet's reporter: "澎湃新闻记者 陈斯达"
    ("<div><span class='index_author__Xn8p1'>澎湃新闻记者 陈斯达</span></div>" + _LEAD, ["陈斯达"]),
    # a role in Bengali after the name
    ("<p class='byline'>By মো. আবদুল করিম, প্রতিবেদক</p>" + _LEAD, ["মো. আবদুল করিম"]),
    # an article's own footer holds the byline (Twenty Sixteen), a screen reader's label first
    (_LEAD + "<footer class='entry-footer'><span class='byline'><span class='author vcard'>"
     "<span class='screen-reader-text'>Auteur </span> <a class='url fn n' href='/author/henk/'>"
     "Henk de Vries</a></span></span></footer>", ["Henk de Vries"]),
    # a profile link's words are no name
    ("<a rel='author' href='https://www.blogger.com/profile/0812'>View my complete profile</a>"
     + _LEAD, ["Daily Example"]),
])
def test_bylines_of_round_16(body: str, expected: list[str]) -> None:
    md = page('<meta property="og:site_name" content="Daily Example">'
              '<meta name="author" content="Daily Example">',
              f"<article><h1>Harbour ferry returns</h1>{body}</article>")
    assert md.authors == expected


def test_a_permalinks_pilcrow_is_no_part_of_the_title() -> None:
    md = page("<title>Authenticatie met OAuth 2.0 - Docs</title>",
              "<h1>Authenticatie met OAuth 2.0<a class='headerlink' href='#auth'>¶</a></h1>")
    assert md.title == "Authenticatie met OAuth 2.0"


@pytest.mark.parametrize(("body", "expected"), [
    # a byline bar that links to the talkbacks is no comment box
    ("<div class='author-talkback-bar'><span class='author-name'>דנה כהן</span> | <a class="
     "'talkbacks-count' href='#tb'>12 תגובות</a></div>" + _LEAD, ["דנה כהן"]),
    # a photo's credit naming its author ("foto-autor") stays a credit
    ("<p>Text: <a href='/autor/petra-dvorakova'>Petra Dvořáková</a></p><p><img src='/a.jpg'>"
     "<span class='foto-autor'>"
     "Foto: <a href='/autor/jan-novak'>Jan Novák</a></span></p>" + _LEAD, ["Petra Dvořáková"]),
    # a speaker's field labelled "Autor" and a play's "Text" credit above the text are no bylines
    ("<div class='field field--name-field-ponente'><div class='field__label'>Autor</div><div "
     "class='field__item'>Joaquín Araya Pizarro</div></div>" + _LEAD, ["Daily Example"]),
    ("<div class='credit-row'><h6>Text</h6><span>Elfriede Jelinek</span></div>" + _LEAD,
     ["Daily Example"]),
    # a list of columnists, and a box of other stories' writers, are no co-authors
    ("<ul><li class='writer'>Ana Pérez</li><li class='writer'>Luis Gil</li></ul>" + _LEAD,
     ["Daily Example"]),
    ("<p class='reporter'>홍길동 기자</p>" + _LEAD + "<div class='hot-news'><a href='/n/1'>창원 시내"
     "버스 노선 개편안 확정</a><span class='writer'>박지훈 기자</span><a href='/n/2'>도청 앞 집회"
     "</a><span class='writer'>이수민 기자</span></div>", ["홍길동"]),
    # a photographer's line in the byline's place, and a teaser card's footer
    ("<p>By <a href='/author/lena-park/'>Lena Park</a></p>" + _LEAD + "<footer class='entry-"
     "footer'><span class='byline'>Photos by <a href='/author/sam-ito/'>Sam Ito</a></span>"
     "</footer>", ["Lena Park"]),
    # a Chinese byline's editor and proof-reader after the reporter
    ("<p class='author'>澎湃新闻记者 周雨桐 编辑 刘洋 校对 赵琳</p>" + _LEAD, ["周雨桐"]),
])
def test_bylines_where_round_16s_rules_must_not_fire(body: str, expected: list[str]) -> None:
    md = page('<meta property="og:site_name" content="Daily Example">'
              '<meta name="author" content="Daily Example">',
              f"<article><h1>Harbour ferry returns</h1>{body}</article>")
    assert md.authors == expected


def test_a_teaser_cards_footer_byline_is_not_the_pages() -> None:
    md = page('<meta property="og:site_name" content="Daily Example">'
              '<meta name="author" content="Daily Example">',
              "<main><h1>Our view: the ferry must run</h1>" + _LEAD + "<article class='card'><h3>"
              "Ferry fares rise</h3><footer class='card__footer'><span class='byline'>By Nora "
              "Quinn</span></footer></article></main>")
    assert md.authors == ["Daily Example"]


def test_a_titles_own_hash_is_kept() -> None:
    assert page("", "<h1>Why we rewrote our billing service in C#</h1>").title == (
        "Why we rewrote our billing service in C#")


@pytest.mark.parametrize(("body", "after", "expected"), [
    # a strip of columnists below the text is no list of co-authors
    ("", "<div class='columnists-strip'>Our columnists: <a class='writer' href='/c/ray/'>Ray "
     "Booker</a> · <a class='writer' href='/c/lin/'>Lin Cho</a></div>", ["Daily Example"]),
    # a Drupal field of a book's author is no byline
    ("<div class='field field--name-field-book-author'><div class='field__label'>Author</div>"
     "<div class='field__item'>Toni Morrison</div></div>", "", ["Daily Example"]),
    # a radio show's "talkback" section holding the story is no comment box
    ("<p>By <span class='author'>Kate Hollis</span></p>", "", ["Kate Hollis"]),
    # the next post's byline in the article's own footer
    ("", "<footer class='post-footer'><div class='next-post'>Next: <a href='/news/library/'>"
     "Library extends Saturday hours</a> <span class='byline'>by Marjorie Tate</span></div>"
     "</footer>", ["Daily Example"]),
])
def test_bylines_of_review_4(body: str, after: str, expected: list[str]) -> None:
    wrapper = "<section class='program talkback'>{}</section>" if "Kate" in body else "{}"
    md = page('<meta property="og:site_name" content="Daily Example">'
              '<meta name="author" content="Daily Example">',
              wrapper.format(f"<article><h1>Harbour ferry returns</h1>{body}{_LEAD}{after}"
                             "</article>"))
    assert md.authors == expected


def test_jsonld_authors_given_by_reference_are_the_graphs_people() -> None:
    graph = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
             '{"@type": "NewsArticle", "headline": "Fuel scarcity", "author": [{"@id": '
             '"https://punch.example.com/#/schema/person/a6e1"}, {"@id": '
             '"https://punch.example.com/#/schema/person/b92f"}]}, {"@type": "Person", "@id": '
             '"https://punch.example.com/#/schema/person/a6e1", "name": "Tunde Ajaja"}, {"@type": '
             '"Person", "@id": "https://punch.example.com/#/schema/person/b92f", "name": '
             '"Deborah Sanusi"}]}</script><meta name="author" content="Tunde Ajaja">')
    assert page(graph, "<h1>Fuel scarcity</h1>").authors == ["Tunde Ajaja", "Deborah Sanusi"]
    # a CMS account's default name is no person's: the byline is read instead
    admin = graph.replace("Tunde Ajaja", "admin").replace("Deborah Sanusi", "Administrator")
    md = page(admin.replace('<meta name="author" content="admin">', ""),
              "<h1>Fuel scarcity</h1><p class='byline'>By Tobias Kuske</p>")
    assert md.authors == ["Tobias Kuske"]


_SIGNED_HEAD = ('<meta property="og:site_name" content="Lesotho Times">'
                '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
                '"NewsArticle", "headline": "Mining blasts shatter homes", "author": {"@type": '
                '"Person", "name": "Lesotho Times"}}</script>')
_TEXT = ("<p>A Chinese-owned crusher and quarry company has come under heavy criticism from five "
         "villages who claim its blasting has cracked their homes and scattered their herds.</p>"
         "<p>Residents say the explosions began in March.</p>")


@pytest.mark.parametrize(("above", "expected", "line"), [
    # print-origin papers sign in the text: a bold line of names above its first paragraph
    ("<p><strong>Mohloai Mpesi</strong></p>", ["Mohloai Mpesi"], "Mohloai Mpesi"),
    ("<p><em>…as villages cry foul</em></p><p><em>…accuse chiefs of taking bribes</em></p>"
     "<p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p>",
     ["Mathatisi Sebusi", "Mohalenyane Phakela"], "Mathatisi Sebusi/Mohalenyane Phakela"),
    ("<p>&nbsp;</p><p><b>MTHOBISI SITHOLE&nbsp;</b></p>", ["MTHOBISI SITHOLE"],
     "MTHOBISI SITHOLE"),
    # not a line of names, not bold, not right above the text, or a desk's: the credit stays
    ("<p><strong>Words of wisdom</strong></p>", ["Lesotho Times"], None),
    ("<p>Mohloai Mpesi</p>", ["Lesotho Times"], None),
    ("<p><strong>Mohloai Mpesi</strong></p><p>Villagers in three districts told the paper "
     "on Tuesday that nobody had consulted them before the works began.</p>", ["Lesotho Times"],
     None),
    # a desk's bold line: the desk is the credit, not the publication the JSON-LD names
    ("<p><strong>Staff Reporter</strong></p>", ["Staff Reporter"], None),
    # a transcript's speaker, a heading under an intro's plain lines
    ("<p><strong>DAVID GREENE:</strong></p>", ["Lesotho Times"], None),
    ("<p>Our series on the drought.</p><p><strong>Climate Change</strong></p>",
     ["Lesotho Times"], None),
])
def test_a_bold_line_of_names_above_the_text_signs_it(above: str, expected: list[str],
                                                      line: str | None) -> None:
    md = page(_SIGNED_HEAD, f"<h1>Mining blasts shatter homes</h1><div class='entry-content'>"
                            f"{above}{_TEXT}</div>")
    assert (md.authors, md.signature) == (expected, line)


def test_a_bold_line_on_a_page_that_credits_no_one_is_a_heading() -> None:
    md = page("", f"<h1>Storm</h1><div class='entry-content'><p><strong>NEW YORK</strong></p>"
                  f"{_TEXT}</div>")
    assert (md.authors, md.signature) == ([], None)


def test_a_signing_line_is_read_over_an_account_not_over_a_byline() -> None:
    def authors(body: str) -> list[str]:
        tree = lxml.html.document_fromstring(f"<html><body><h1>Goats</h1>{body}</body></html>")
        return extract_metadata(tree, "https://ilanganews.example.co.za/goats/",
                                article_objects=[]).authors

    account = ("<p class='meta'>by <a href='/author/admin/' rel='author'>Ilanga D</a> | 5 "
               "November 2024</p>")
    signed = "<div><p><strong>MTHOBISI SITHOLE</strong></p>" + _TEXT + "</div>"
    # an account named for the site gives way to the line that signs the text (with or
    # without rel=author)
    assert authors(account + signed) == ["MTHOBISI SITHOLE"]
    assert authors(account.replace(" rel='author'", "") + signed) == ["MTHOBISI SITHOLE"]
    # without one, the account's name is all the page credits
    assert authors(f"{account}<div>{_TEXT}</div>") == ["Ilanga D"]
    # a byline naming a person is the byline, also when the person writes as the admin account
    byline = "<p class='byline'>By <a href='/author/jane-doe/'>Jane Doe</a></p>"
    assert authors(byline + signed) == ["Jane Doe"]
    assert authors(account.replace("Ilanga D", "Thandiwe Nkosi") + signed) == ["Thandiwe Nkosi"]


@pytest.mark.parametrize(("og_title", "headline", "expected"), [
    # a section glued to the headline before the site's name; the headline meta tag says so
    ("부담 커졌다-정치ㅣ한국일보", "부담 커졌다", "부담 커졌다"),
    # a headline meta tag that is no prefix, or cuts the headline's own clause, is not read
    ("Tote Hummeln unter Linden: Die Erklärung | Daily Example", "Tote Hummeln unter Linden",
     "Tote Hummeln unter Linden: Die Erklärung"),
    ("Ferry returns after repairs-Local | Daily Example", "Shear NH. Anticonvulsant syndrome",
     "Ferry returns after repairs-Local"),
])
def test_a_headline_meta_tag_only_cuts_a_glued_tail(og_title: str, headline: str,
                                                    expected: str) -> None:
    md = page(f'<meta property="og:site_name" content="Daily Example">'
              f'<meta property="og:title" content="{og_title}">'
              f'<meta name="headline" content="{headline}">')
    assert md.title == expected


def test_author_links_under_a_standfirst_are_not_a_teasers() -> None:
    intro = ("De gemeente trekt de komende vier jaar ruim twaalf miljoen euro extra uit voor "
             "nieuwe fietsenstallingen rond het station en in de wijken, zo maakte de wethouder "
             "bekend.")
    md = page("", f"<article><h1>Fietsenstallingen</h1><p class='intro'>{intro}</p><div class="
                  "'lees-ook'><span>Lees ook</span> <a href='/opinie/fiets'>Waarom de fiets "
                  "altijd wint</a> <span>door <a href='/auteur/sanne-jansen/'>Sanne Jansen</a>"
                  f"</span></div>{_LEAD}</article>")
    assert md.authors == []


def test_author_links_under_a_long_standfirst_are_the_byline() -> None:
    chapo = ("Une nouvelle panne a interrompu le trafic sur la ligne b du métro rennais ce jeudi "
             "en fin de journée. Des bus relais ont été mis en place entre les deux terminus.")
    md = page('<meta property="og:site_name" content="Ouest-France">',
              f"<article><h1>La ligne b à l’arrêt</h1><p class='chapo'>{chapo}</p><div class="
              "'article-info'><span class='signature'>Ouest-France <a href='https://www.ouest-"
              "france.fr/auteur/gwenaelle-le-bihan/'>Gwenaëlle Le Bihan</a>.</span></div>"
              f"{_LEAD}</article>")
    assert md.authors == ["Gwenaëlle Le Bihan"]
    # a long paragraph of the text itself still ends the byline's place
    text = page("", f"<article><h1>La ligne b</h1><p>{chapo}</p><p><a href='/auteur/jean-dupont/'>"
                    f"Jean Dupont</a></p>{_LEAD}</article>")
    assert text.authors == []


@pytest.mark.parametrize(("foot", "expected"), [
    ("<p class='autor'>Autorin: Julia Brenner</p>", ["Julia Brenner"]),
    ("<p class='text-muted'>Reporter: Andi Firdaus<br>Editor: Rahmad Nasution<br>Copyright © "
     "ANTARA 2024</p>", ["Andi Firdaus"]),
    ("<p class='semnatura'>AGERPRES/(AS - autor: Ioana Marin, editor: Mihai Simionescu)</p>",
     ["Ioana Marin"]),
    # Russian: DataLife Engine's extra field, 1C-Bitrix's loose lines between breaks
    ("<p class='xf-author'><b>Автор материала:</b> Светлана Кравец</p>", ["Светлана Кравец"]),
    ("<br>Автор:&nbsp;Ирина Сомова<br>Источник:&nbsp;администрация города<br>", ["Ирина Сомова"]),
    # a picture's credit, an editor's: no writer's
    ("<p>Fotos: Helmut Elstrodt</p><p>Edited by: Petar Iliev</p>", ["WDR"]),
    # another story's teaser, a song's fact box
    ("<div class='mehr'><p>Mehr zum Thema</p><p><a href='/radwege-2023'>Wie die Stadt ihre "
     "Radwege plant</a><br>\nAutorin: Lena Graf</p></div>", ["WDR"]),
    ("<div class='scheda'><p>Titolo: Dio è morto<br>\nMusica: Francesco Guccini<br>\nTesto: "
     "Francesco Guccini</p></div>", ["WDR"]),
])
def test_a_labelled_credit_after_the_text_names_its_writer(foot: str, expected: list[str]) -> None:
    md = page('<meta property="og:site_name" content="WDR"><script type="application/ld+json">'
              '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Brücke", '
              '"author": {"@type": "Organization", "name": "WDR"}}</script>',
              f"<h1>Brücke</h1><div class='text'>{_LEAD}<p>Die Stadt fordert "
              f"eine Entlastung.</p>{foot}</div>")
    assert md.authors == expected


def test_a_labelled_credit_inside_the_text_is_another_works() -> None:
    study = "<p>Autorin: Sylvia Grossgasteiger, IFZ, Oktober 2008</p>"
    md = page('<meta name="DC.Creator" content="proPellets Austria">',
              f"<h1>Pelletkaminofen</h1><article>{_LEAD}{study}{_LEAD}</article>")
    assert md.authors == ["proPellets Austria"]


def test_a_numbered_www_host_is_the_sites_name() -> None:
    # www1.wdr.de is WDR's: its JSON-LD author "WDR" is the publication, the byline the person
    tree = lxml.html.document_fromstring("<html><body><h1>Brücke</h1><p class='byline'>Von "
                                         "Julia Brenner</p></body></html>")
    md = extract_metadata(tree, "https://www1.wdr.de/nachrichten/bruecke-100.html",
                          article_objects=[{"@type": "NewsArticle", "author": {
                              "@type": "Organization", "name": "WDR"}}])
    assert md.authors == ["Julia Brenner"]


@pytest.mark.parametrize(("head", "body", "expected"), [
    # phpBB: the board's name in the first <h1>, the topic's title in an <h2>
    ("<title>Nitritpeak nach Filterreinigung – was tun? - Aquaristik-Treff</title>",
     "<div class='headerbar'><h1>Aquaristik-Treff</h1></div><h2 class='topic-title'><a href="
     "'./viewtopic.php?t=41877'>Nitritpeak nach Filterreinigung – was tun?</a></h2>",
     "Nitritpeak nach Filterreinigung – was tun?"),
    # DokuWiki: the logo's <h1> is the wiki's name, bracketed after the page's id in the title
    ("<title>howto:nextcloud_debian12 [LUG Nordheide Wiki]</title>",
     "<h1 class='logo'><a href='/doku.php?id=start'><span>LUG Nordheide Wiki</span></a></h1>"
     "<h1 id='nextcloud'>Nextcloud auf Debian 12 installieren</h1>",
     "Nextcloud auf Debian 12 installieren"),
    # a section's name before the headline is no site's name after it
    ("<title>Aktuelles - Illegale Migration aus Belarus über Polen nach Deutschland</title>",
     "<h1>Illegale Migration aus Belarus über Polen nach Deutschland</h1>",
     "Illegale Migration aus Belarus über Polen nach Deutschland"),
    # an <h1> in the article with no other after it is the headline, whatever the title says
    ("<title>Lokalnachrichten aus Kiel und Umgebung | Hafen wegen Sturm gesperrt</title>",
     "<main><h1>Hafen wegen Sturm gesperrt</h1><h2>Fähren fallen aus</h2></main>",
     "Hafen wegen Sturm gesperrt"),
    ('<meta property="og:site_name" content="Kieler Woche"><title>Kieler Woche | Das Segelfest '
     "im Norden</title>", "<main><article><h1>Kieler Woche</h1></article></main>",
     "Kieler Woche"),
])
def test_a_first_heading_that_is_the_sites_name_is_no_headline(head: str, body: str,
                                                               expected: str) -> None:
    assert page(head, body).title == expected


def test_a_byline_under_the_sites_heading_when_no_headline_is_an_h1() -> None:
    md = page('<meta property="og:site_name" content="Daum 뉴스">',
              "<h1 class='tit_daumnews'><a href='https://news.daum.net/'>Daum</a> <a href='https:"
              "//news.daum.net/'>뉴스</a></h1><h3 class='tit_view'>전공의 집단사직 일주일</h3><span "
              "class='txt_info'>박서연 기자</span>")
    assert md.authors == ["박서연"]


def test_an_icon_fonts_word_does_not_hide_a_byline() -> None:
    md = page("", "<h1>Choisir son vin</h1><div class='post-meta'><span class='post-author'><i "
                  "class='material-icons'>person</i> Par Julie Martin</span></div>" + _LEAD)
    assert md.authors == ["Julie Martin"]


@pytest.mark.parametrize(("line", "expected"), [
    ("Geplaatst op: za 28 okt 2023 21:40 · Door: Kees Bakker · Categorie: <a href='/c/s'>"
     "Senioren</a>", ["Kees Bakker"]),
    ("<a href='/'>Accueil</a> | Par <span class='vcard'><a href='auteur/loic-le-clerc'>Loïc Le "
     "Clerc</a></span> | 30 septembre 2018", ["Loïc Le Clerc"]),
    # an item that is no byline
    ("Geplaatst op: 28 okt 2023 · Categorie: Door de week", []),
])
def test_the_byline_item_of_a_line_of_post_details(line: str, expected: list[str]) -> None:
    md = page("", f"<h1>Senioren winnen</h1><div class='news-meta'>{line}</div>{_LEAD}")
    assert md.authors == expected


def test_a_name_link_inside_an_author_box_that_also_holds_the_date() -> None:
    md = page("", "<main><h1>Hónapokra lezárják a metró szakaszát</h1><div class='szerzo-info'>"
                  "<div class='szerzok'><a class='szerzo' href='/szerzo/kovacs_bence/'>Kovács "
                  "Bence</a></div><div class='datum-info'><span class='datum'>2025.03.14. 18:05"
                  "</span> <span class='modositva'>Módosítva: 2025.03.14. 19:30</span></div>"
                  f"</div>{_LEAD}</main>")
    assert md.authors == ["Kovács Bence"]


def test_the_writers_name_set_right_in_bold_under_the_text() -> None:
    deck = ("Xe tải trên 1,25 tấn bị cấm vào nội đô Hà Nội từ 6h đến 9h và 16h đến 20h, áp "
            "dụng từ ngày 1/11 theo quyết định vừa được thành phố ban hành hôm nay.")
    body = (f"<h1>Hà Nội cấm xe tải</h1><p class='description'>{deck}</p><article class="
            f"'fck_detail'>{_LEAD}{_LEAD}<p>Thành phố lấy ý kiến.</p><p class='Normal' style="
            "'text-align:right;'><strong>Hoàng Phương</strong></p></article>")
    assert page("", body).authors == ["Hoàng Phương"]
    # not set right: a closing bold line of the text
    assert page("", body.replace(" style='text-align:right;'", "")).authors == []


@pytest.mark.parametrize(("body", "expected"), [
    # a screen reader's first <h1>; then a section's <h1> before the story's, which the
    # <title> names
    ("<h1 class='navSkip'>Navigation und Service</h1><h1>Fachmeldungen</h1><h1 class="
     "'isFirstInSlot'>Verkündung des Tabaksteuermodernisierungsgesetzes</h1>",
     "Verkündung des Tabaksteuermodernisierungsgesetzes"),
    ("<h1 class='aural'>Zoll</h1><h1>Verkündung des Tabaksteuermodernisierungsgesetzes</h1>",
     "Verkündung des Tabaksteuermodernisierungsgesetzes"),
])
def test_the_h1_a_reader_sees_and_the_title_names(body: str, expected: str) -> None:
    head = "<title>Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes</title>"
    assert page(head, body).title == expected


def test_a_login_in_an_author_meta_tag_is_not_the_name_it_shows() -> None:
    md = page('<meta name="DC.creator" content="mvandijk">',
              "<h1>Nieuwe vleugel</h1><span class='documentAuthor'>door <a href='/author/"
              f"mvandijk'>Marloes van Dijk</a></span>{_LEAD}")
    assert md.authors == ["Marloes van Dijk"]


@pytest.mark.parametrize("body", [
    # Contao: the writer after the stamp in the post's info line
    "<h1>Meisterfeier</h1><p class='info'><time datetime='2024-04-09T10:30:00+02:00'>09.04.2024 "
    f"10:30</time> von Sabine Krüger</p>{_LEAD}",
    # Drupal: the node's header with the text (a promoted node is no promotion box), the page
    # title in a block of its own
    "<div class='block-page-title-block'><h1>Cardiac rehabilitation</h1></div><article class="
    "'node node--promoted'><header><div class='node__meta'><span>By <span class='field--name-"
    "uid'><span>Sabine Krüger</span></span></span><span class='node__meta-date'>12 March, "
    f"2024</span></div></header><div class='node__content'>{_LEAD}</div></article>",
])
def test_the_writer_in_a_posts_info_line(body: str) -> None:
    assert page("", body).authors == ["Sabine Krüger"]


def test_a_credit_after_the_text_in_a_portal_of_portlets() -> None:
    lead = "<p class='normal'>" + "Efter de stora bränderna har halterna ökat i grundvattnet. " * 3
    text = "<p class='normal'>" + "Forskarna har följt brunnar i fem år efter branden nu. " * 3
    md = page('<meta property="og:site_name" content="Mittuniversitetet">'
              '<meta name="author" content="Mittuniversitetet">',
              f"<h1>Skogsbränder</h1><div class='sv-layout'><div class='sv-portlet'><div>{lead}"
              f"</p></div></div><div class='sv-portlet'><div>{text}</p>{text}</p><p class='normal "
              "mu-byline'>Text: Karin Lindqvist</p></div></div></div>")
    assert md.authors == ["Karin Lindqvist"]


@pytest.mark.parametrize("body", [
    # a sponsored box after an unsigned story ("promoted-content" is no Drupal node class)
    f"<h1>Harbour works</h1>{_LEAD}<div class='promoted-content'><span class='author'>Lisa Grant"
    "</span></div>",
    # a quote of the day after the text, its author credited
    f"<h1>Bibliothek öffnet länger</h1><div>{_LEAD}{_LEAD}<div class='zitat-des-tages'><p>"
    + "Wer immer strebend sich bemüht, den können wir erlösen, sagte der Dichter einst. " * 3
    + "</p><p>Autor: Johann Wolfgang von Goethe</p></div></div>",
    # a greeting and a source set right in bold under the text
    f"<h1>Rathaus</h1><div>{_LEAD}{_LEAD}<p style='text-align: right;'><strong>Frohe Ostern"
    "</strong></p></div>",
    f"<h1>Tin công ty</h1><div>{_LEAD}{_LEAD}<p style='text-align:right'><strong>Theo Tuổi Trẻ"
    "</strong></p></div>",
    # a picture's info box, a download's, a slider of other posts above the post
    "<h1>Stadtfest</h1><div class='img-info'>Foto: © 2024 by Lukas Brenner</div>" + _LEAD,
    "<h1>Firefox 124</h1><div class='app-info'>Firefox 124.0.1 von Mozilla Foundation | Lizenz: "
    "MPL</div>" + _LEAD,
    "<div class='slider'><div class='slide'><h2>Old news</h2><div class='post-info'>By Jane Roe · "
    "March 11, 2024</div></div><div class='slide'><h2>Older</h2><div class='post-info'>By Tim "
    f"Fox · March 10, 2024</div></div></div><h1>Unsigned post</h1>{_LEAD}",
])
def test_no_writer_in_others_boxes_greetings_or_pictures_info(body: str) -> None:
    assert page("", body).authors == []


@pytest.mark.parametrize(("head", "body", "expected"), [
    # Tailwind's "overflow-hidden" is no screen reader's heading
    ("<title>Why our city needs more night buses</title>",
     "<h1 class='text-3xl overflow-hidden text-ellipsis'>Why our city needs more night buses</h1>"
     "<aside><h1>Get Transit Notes in your inbox</h1></aside>",
     "Why our city needs more night buses"),
    # a short headline in the title, an aside's <h1> the title also holds
    ("<title>Brexit chaos | Week in Westminster | The Northern Courier</title>",
     "<main><h1>Brexit chaos</h1></main><aside><h1>Week in Westminster</h1></aside>",
     "Brexit chaos"),
    # an SEO title without the headline, a footer's <h1> with the site's name
    ("<title>Council approves £4m cycle lane plan | Harbourside Daily News</title>",
     "<main><h1>Councillors back cycle lane scheme after long debate</h1></main><footer><h1 "
     "class='footer-logo'>Harbourside Daily News</h1></footer>",
     "Councillors back cycle lane scheme after long debate"),
])
def test_the_headline_stays_when_other_h1s_are_chrome(head: str, body: str, expected: str) -> None:
    assert page(head, body).title == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Ryokan struggle to hire staff:The Asahi Shimbun", "Ryokan struggle to hire staff"),
    # a colon in the headline, or a clock's, stays
    ("Kicker:Headline of the day", "Kicker:Headline of the day"),
    ("Ferry leaves at 10:30 today", "Ferry leaves at 10:30 today"),
])
def test_a_sites_name_glued_after_a_colon(title: str, expected: str) -> None:
    md = page(f'<meta property="og:site_name" content="The Asahi Shimbun"><title>{title}</title>')
    assert md.title == expected


def _one_author_head(name: object) -> str:
    import json

    return ('<script type="application/ld+json">' + json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Heat pumps",
        "author": {"@type": "Person", "name": name}}) + "</script>")


def test_a_drupal_account_in_markup_credits_no_one() -> None:
    name = ('<span class="username" xml:lang="" about="/user/1" typeof="sioc:UserAccount" '
            'property="foaf:name" datatype="">admin</span>')
    assert page(_one_author_head(name), "<h1>Heat pumps</h1>").authors == []


def test_jsonld_author_names_given_as_a_list_or_as_markup() -> None:
    # NPR: several names in one Person's "name"; Drupal: the name field rendered as a link
    assert page(_one_author_head(["Maya Lindqvist", "Jonah Ferreira"]),
                "<h1>Heat pumps</h1>").authors == ["Maya Lindqvist", "Jonah Ferreira"]
    assert page(_one_author_head(['<a href="/pl/eksperci/jan-nowak" hreflang="pl">Jan Nowak</a>']),
                "<h1>Heat pumps</h1>").authors == ["Jan Nowak"]


@pytest.mark.parametrize(("byline", "expected"), [
    # Ghost's JSON-LD and Yoast's graph credit the first author; the byline links them all
    ('<h4 class="author-name"><a href="/author/priya/">Priya Raman</a>, '
     '<a href="/author/tom/">Tom Akers</a></h4>', ["Priya Raman", "Tom Akers"]),
    ('<div class="jeg_meta_author coauthor"><span>by</span> <a href="/author/priya-raman">Priya '
     'Raman</a> and <a href="/author/tom-akers">Tom Akers</a></div>', ["Priya Raman", "Tom Akers"]),
    # one name per box, the boxes side by side
    ('<div class="authors"><div><img alt="Priya Raman" src="/p.png"><a href="/author/priya/">Priya '
     'Raman</a></div><div><img alt="Tom Akers" src="/t.png"><a href="/author/tom/">Tom Akers</a>'
     '</div></div>', ["Priya Raman", "Tom Akers"]),
    # an editor linked beside the author is no co-author
    ('<p class="meta">By <a href="/author/priya/">Priya Raman</a>, edited by '
     '<a href="/author/tom/">Tom Akers</a></p>', ["Priya Raman"]),
    # nor is another story's author in a list of links
    ('<p class="meta">By <a href="/author/priya/">Priya Raman</a></p><ul><li><a href="/author/'
     'tom/">Tom Akers</a>: Why the grid needs storage</li></ul>', ["Priya Raman"]),
    # roles after the names (SNO Sites' student papers), a hidden copy of the byline above it
    ('<div class="hidden"><span>by <a href="/author/priya/">Priya Raman</a></span> March 4</div>'
     '<span class="byline"><span><a href="/staff_name/priya-raman/">Priya Raman</a>, News Editor'
     '</span> and <span><a href="/staff_name/tom-akers/">Tom Akers</a>, Staff Writer</span></span>',
     ["Priya Raman", "Tom Akers"]),
])
def test_the_byline_names_co_authors_the_structured_data_leaves_out(byline: str,
                                                                     expected: list[str]) -> None:
    body = f"<h1>Heat pumps</h1>{byline}<p>{'Heat pumps kept homes warm all winter. ' * 5}</p>"
    assert page(_one_author_head("Priya Raman"), body).authors == expected


def test_co_authors_are_not_read_from_other_stories_after_the_text() -> None:
    text = f"<p>{'Heat pumps kept homes warm all winter. ' * 5}</p>" * 3
    teaser = ('<div class="more"><p class="author"><a href="/author/tom/">Tom Akers</a> / <a '
              'href="/author/priya/">Priya Raman</a></p></div>')
    md = page(_one_author_head("Priya Raman"), f"<h1>Heat pumps</h1>{text}{teaser}")
    assert md.authors == ["Priya Raman"]


@pytest.mark.parametrize("account", ["admin", "Super User", "Administrator"])
def test_a_cms_account_is_credited_by_no_path(account: str) -> None:
    # (a JSON-LD author, the last fallback's, or a byline's)
    assert page(_one_author_head(account), "<h1>Heat pumps</h1>").authors == []
    md = page("", f"<h1>Heat pumps</h1><p class='byline'>Written by <a rel='author' href='/u/1'>"
              f"{account}</a></p><p>{'Heat pumps kept homes warm all winter. ' * 5}</p>")
    assert md.authors == []


_JA_TEXT = ("<p>東京都内は9日、高気圧に覆われて気温が上がり、練馬区で36.8度を観測するなど各地で最高気温が"
            "35度以上の猛暑日となった。都内で猛暑日となるのは今年初めて。</p><p>気象庁によると、都心の最高"
            "気温は34.9度で、猛暑日にはわずかに届かなかった。八王子市で36.2度、青梅市で36.0度を観測した。</p>"
            "<p>東京消防庁によると、同日午後3時までに、熱中症の疑いで10～90代の男女120人が救急搬送された。"
            "うち3人が重症で、病院で手当てを受けている。</p>")


@pytest.mark.parametrize(("closing", "expected"), [
    # a Japanese paper's reporters in brackets at the end of the text (Tokyo Shimbun, Chunichi)
    ("<p>関東甲信地方は6月21日ごろに梅雨入りしたとみられる。（原田遼、宮畑譲）</p>", ["原田遼", "宮畑譲"]),
    ("<p>関東甲信地方は6月21日ごろに梅雨入りしたとみられる。</p><p>（原田遼）</p>", ["原田遼"]),
    # a bureau before the name
    ("<p>関東甲信地方は6月21日ごろに梅雨入りしたとみられる。</p><p>（ワシントン・岡村正樹）</p>",
     ["岡村正樹"]),
    ("<p>関東甲信地方は6月21日ごろに梅雨入りしたとみられる。（大阪＝山田太郎）</p>", ["山田太郎"]),
    # the same brackets saying "titles omitted" or naming an agency credit no one
    ("<p>関東甲信地方は6月21日ごろに梅雨入りしたとみられる。（敬称略）</p>", []),
    ("<p>関東甲信地方は6月21日ごろに梅雨入りしたとみられる。（共同）</p>", []),
])
def test_reporters_in_brackets_closing_a_japanese_text(closing: str, expected: list[str]) -> None:
    md = page("", f"<article><h1>都心で猛暑日</h1>{_JA_TEXT}{closing}</article>")
    assert md.authors == expected


_LYBKE = "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig"
_NDA = "NDA crosses majority mark, INDIA bloc surprises in UP"


@pytest.mark.parametrize(("headline", "og_title", "expected"), [
    # the social title leaves the kicker out: so does the title
    (_LYBKE, "Judy Lybke, ganz und gar nicht eigenartig", "Judy Lybke, ganz und gar nicht eigenartig"),
    # it keeps it (an <h1> that sets the kicker apart in a span still shows it): so does the title
    (_LYBKE, _LYBKE, _LYBKE),
    # a shorter social title that is no headline's end changes nothing
    (_LYBKE, "Judy Lybke", _LYBKE),
    # a JSON-LD headline cut at a clause of og:title's
    ("Coinbase vs. Coinbase Pro", "Coinbase vs. Coinbase Pro: How do they compare?",
     "Coinbase vs. Coinbase Pro: How do they compare?"),
    (_NDA, f"{_NDA}; BJP short of 272 on its own", f"{_NDA}; BJP short of 272 on its own"),
    # not a headline that og:title merely starts with, mid-clause
    ("NDA crosses majority", _NDA, "NDA crosses majority"),
])
def test_the_title_beside_the_social_title(headline: str, og_title: str, expected: str) -> None:
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
            f'"NewsArticle", "headline": "{headline}"}}</script><meta property="og:title" '
            f'content="{og_title}">')
    body = ('<h1><span class="kicker">Neue Leipziger Schule</span><span class="hide">:</span> '
            '<span>Judy Lybke, ganz und gar nicht eigenartig</span></h1>') if headline == _LYBKE else (
        f"<h1>{headline}</h1>")
    assert page(head, body).title == expected


@pytest.mark.parametrize(("under", "expected"), [
    # a name beside its picture under the headline, the picture's alt text the same name
    ('<div class="flex"><img src="/authors/kevin.jpeg" alt="Kevin Tran"><div class="font-bold">'
     "Kevin Tran</div></div>", ["Kevin Tran"]),
    # a picture described otherwise, or a caption naming the pictured: no byline
    ('<div class="flex"><img src="/authors/kevin.jpeg" alt="Author"><div>Kevin Tran</div></div>', []),
    ('<figure><img src="/p.jpg" alt="Kevin Tran"><figcaption>Kevin Tran</figcaption></figure>', []),
    # author links that lead with their avatar, the name after the picture
    ('<div class="article-authors"><div class="author-item"><a href="/users/layla-haddad"><img '
     'src="/a/lh.jpg" alt=""> Layla Haddad</a></div><div class="author-item"><a href="/users/'
     'tomas-ferreira"><img src="/a/tf.jpg" alt=""> Tomás Ferreira</a></div></div>',
     ["Layla Haddad", "Tomás Ferreira"]),
])
def test_a_name_beside_its_avatar_under_the_headline(under: str, expected: list[str]) -> None:
    text = f"<p>{'Ridership is up on the new routes. ' * 6}</p>"
    md = page("", f"<h1>BART board advances plan</h1>{under}{text}")
    assert md.authors == expected


def test_a_commenters_schema_org_author_credits_no_one() -> None:
    comments = ('<ol class="comment-list"><li class="comment"><article class="comment-body" '
                'itemscope itemtype="https://schema.org/Comment"><div class="comment-author vcard" '
                'itemprop="author">Jana M.</div><p>Konečně!</p></article></li></ol>')
    md = page("", f"<h1>Jeseník opraví kolonádu</h1><p>{'Práce potrvají do léta. ' * 8}</p>{comments}")
    assert md.authors == []


@pytest.mark.parametrize("cls", ["awdur", "forfattar", "tekija", "egileak", "yazar-adi"])
def test_author_classes_in_more_languages(cls: str) -> None:
    md = page("", f"<h1>Y newyddion</h1><div class='{cls}'><img src='/a.jpg' alt=''><span "
              f"class='enw'>Elin Wyn Owen</span></div><p>{'Mae’r cyngor wedi cytuno ar y cynllun. ' * 5}</p>")
    assert md.authors == ["Elin Wyn Owen"]


@pytest.mark.parametrize("key", ['name="author"', 'name="parsely-author"', 'property="article:author"'])
def test_every_author_tag_of_a_key_credits_its_writer(key: str) -> None:
    head = f'<meta {key} content="Colin Manning"><meta {key} content="Hayley J. Fowler">'
    assert page(head, "<h1>Storm Ciarán</h1>").authors == ["Colin Manning", "Hayley J. Fowler"]


def test_a_byline_of_links_completes_one_author_tag() -> None:
    byline = ('<div class="byline"><span>By</span> <a href="/author/casimir-okonjo-lenz/">Casimir '
              'Okonjo-Lenz</a> <span>and</span> <a href="/author/yuna-hadley-park/">Yuna Hadley-Park'
              "</a></div>")
    md = page('<meta name="parsely-author" content="Casimir Okonjo-Lenz">',
              f"<h1>Batteries from seawater</h1>{byline}<p>{'Sodium is cheap and everywhere. ' * 6}</p>")
    assert md.authors == ["Casimir Okonjo-Lenz", "Yuna Hadley-Park"]


@pytest.mark.parametrize(("tags", "expected"), [
    # Yoast's graph names the first author; the author tags name all
    ('<meta name="author" content="April Roach, Daniel O&#x27;Mahony">', ["April Roach", "Daniel O'Mahony"]),
    ('<meta name="parsely-author" content="April Roach"><meta name="parsely-author" '
     'content="Daniel Ortiz">', ["April Roach", "Daniel Ortiz"]),
    # not initials beside the name, nor tags that name someone else
    ('<meta name="author" content="April Roach,AR">', ["April Roach"]),
    ('<meta name="author" content="Daniel Ortiz, Maria Lee">', ["April Roach"]),
])
def test_author_tags_complete_the_one_jsonld_author(tags: str, expected: list[str]) -> None:
    assert page(_one_author_head("April Roach") + tags, "<h1>Heat pumps</h1>").authors == expected


def test_author_tags_are_read_in_the_head_or_anywhere_without_one() -> None:
    from scraper.extract.authorplaces import _meta_contents

    tags = '<meta name="Author" content="Colin Manning"><meta name="author" content="Hayley Fowler">'
    with_head = lxml.html.document_fromstring(f"<html><head>{tags}</head><body><p>x</p></body></html>")
    bare = lxml.html.fragment_fromstring(f"<div>{tags}</div>")
    in_body = lxml.html.document_fromstring(f"<html><head><title>t</title></head><body>{tags}"
                                            "<p>x</p></body></html>")
    assert _meta_contents(with_head, "author") == ["Colin Manning", "Hayley Fowler"]
    assert _meta_contents(bare, "author") == ["Colin Manning", "Hayley Fowler"]
    assert _meta_contents(in_body, "author") == ["Colin Manning", "Hayley Fowler"]
    # a microdata itemprop is no author tag
    assert _meta_contents(lxml.html.fragment_fromstring(
        '<div><meta itemprop="author" content="NH. Shear"></div>'), "author") == []


def test_an_author_tag_holding_an_address_names_no_one() -> None:
    md = page('<meta property="article:author" content="/christopherlwood">',
              '<h1>Loft to close</h1><p class="byline">By <a href="/author/chriswood/">Christopher '
              f"Wood</a></p><p>{'The clothing store will close at the end of the month. ' * 4}</p>")
    assert md.authors == ["Christopher Wood"]


# ---------------------------------------------------------------- legacy templates' titles


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a table layout's bold headline, the <title> led by the site's name
    ("전자신문 :: 중소 팹리스, 스마트폰 AP 시장 &quot;틈새를 노려라&quot;",
     '<table><tr><td class="title"><b>중소 팹리스, 스마트폰 AP 시장 &quot;틈새를 노려라&quot;</b>'
     "</td></tr></table><p>본문</p>", '중소 팹리스, 스마트폰 AP 시장 "틈새를 노려라"'),
    # the site's and the section's names on both sides of it
    ("香川のニュース | 高松空港の国際線、過去最多の利用者数 | 経済 | SHIKOKU NEWS",
     "<h2>高松空港の国際線、過去最多の利用者数</h2><p>本文</p>", "高松空港の国際線、過去最多の利用者数"),
    # a <font> headline; the issue's number and a date before it
    ("Наука в Сибири. N 10 (2745). Лазер на свободных электронах выходит на новую мощность",
     '<center><font size="+1"><b>Лазер на свободных электронах выходит на новую мощность</b>'
     "</font></center>", "Лазер на свободных электронах выходит на новую мощность"),
    ("TamilNet: 07.06.10 Fishermen in Mannar complain of restrictions on night fishing",
     '<font size="4"><b>Fishermen in Mannar complain of restrictions on night fishing</b></font>',
     "Fishermen in Mannar complain of restrictions on night fishing"),
    ("Fife Astronomical Society / News / Public observing night at Lochore Meadows a big success",
     "<div class='news_title'><h2>Public observing night at Lochore Meadows a big success</h2>"
     "</div>", "Public observing night at Lochore Meadows a big success"),
    # the text after a section link in the heading ("<h3><a>News</a>: Headline</h3>")
    ("Slashdot | Open Source Library Catalog Adopted by 200 Public Libraries",
     '<div class="title"><h3><a href="/">News</a>: Open Source Library Catalog Adopted by 200'
     " Public Libraries</h3></div>", "Open Source Library Catalog Adopted by 200 Public Libraries"),
    # the site's name printed in its banner is no headline: the whole title stays
    ("Harbour Ferry Returns After Winter Repairs - Lakeside Gazette Online",
     '<div id="banner"><a href="/">Lakeside Gazette Online</a></div><p>Text.</p>',
     "Harbour Ferry Returns After Winter Repairs - Lakeside Gazette Online"),
    # a column's printed name before the headline is shorter than the headline: no cut
    ("Kolumne: Queer Royal – Über Dragqueens und Dragkings auf und jenseits der Bühne",
     '<div class="series">Kolumne: Queer Royal</div><p>Text.</p>',
     "Kolumne: Queer Royal – Über Dragqueens und Dragkings auf und jenseits der Bühne"),
], ids=["korean-table", "japanese-sections", "russian-issue", "after-date", "breadcrumb-title",
        "after-section-link", "site-name-in-banner", "column-name-shorter"])
def test_a_title_without_metadata_is_the_part_the_page_prints(
        title: str, body: str, expected: str) -> None:
    assert page(f"<title>{title}</title>", body).title == expected


def test_metadata_titles_are_not_cut_to_a_printed_part() -> None:
    md = page('<meta property="og:title" content="Lakeside Gazette | Council approves budget">',
              "<h2>Council approves budget</h2>")
    assert md.title == "Lakeside Gazette | Council approves budget"


@pytest.mark.parametrize("home", ["/~myl/languagelog/", "//example.com"])
def test_a_heading_linking_to_the_sites_home_is_not_the_headline(home: str) -> None:
    # a blog's home two levels down a university's server; the domain's home from a subdomain
    # (the page is https://news.example.com/...)
    tree = lxml.html.document_fromstring(
        f'<html><head><title>Language Log: Hedging in the headlines</title></head><body>'
        f'<div id="banner"><h1><a href="{home}">Language Log</a></h1></div>'
        '<h3 class="entry-header">Hedging in the headlines</h3><p>Text.</p></body></html>')
    url = ("https://news.example.com/~myl/languagelog/archives/005432.html" if home.startswith("/~")
           else "https://news.example.com/article/2008/hedging.html")
    md = extract_metadata(tree, url, article_objects=[])
    assert md.title == "Hedging in the headlines"


@pytest.mark.parametrize(("body", "expected"), [
    # a reporter's field, its label in the element's own text
    ('<h2 class="tit">Exports rise for 12th straight month</h2><div class="info"><p class='
     '"reporter">Reporter : <strong>Kim Min-ji</strong></p></div>' f"<p>{LONG_TEXT}</p>",
     ["Kim Min-ji"]),
    ('<h1>Budget</h1><p class="article__author">Ein Beitrag von Lisa Krämer</p>'
     f"<p>{LONG_TEXT}</p>", ["Lisa Krämer"]),
    # Swahili's "prepared by" under the text
    (f'<article><h1>Maji</h1><div class="body"><p>{LONG_TEXT}</p><p>{LONG_TEXT}</p></div>'
     '<div class="story-byline"><span class="label">Imeandaliwa na:</span> Leah Mushi</div>'
     "</article>", ["Leah Mushi"]),
])
def test_broadcasters_bylines(body: str, expected: list[str]) -> None:
    assert page("", body).authors == expected


def test_a_reporter_field_that_prints_the_sites_name_credits_no_one() -> None:
    md = page("<title>北京今冬首场降雪或于本周末到来 | 新京报</title>",
              '<h1>北京今冬首场降雪或于本周末到来</h1><div class="info"><span class="reporter">新京报'
              f"</span></div><p>{LONG_TEXT}</p>")
    assert md.authors == []


def test_a_byline_inside_a_form_that_wraps_the_page_is_read() -> None:
    # ASP.NET WebForms: '<body><form id="aspnetForm">' around everything
    md = page("", '<form id="aspnetForm" method="post"><h1>Power rationing to ease</h1>'
              '<div class="article_byline"><span class="author">Rania Haddad, Karim Saleh</span>'
              f"</div><p>{LONG_TEXT}</p></form>")
    assert md.authors == ["Rania Haddad", "Karim Saleh"]


def test_a_search_form_is_no_byline_place() -> None:
    md = page("", '<h1>Power rationing to ease</h1><div><form class="search"><span class="author">'
              f"Rania Haddad</span></form></div><p>{LONG_TEXT}</p>")
    assert md.authors == []


def test_a_body_class_naming_the_sites_sidebar_is_no_box_of_others() -> None:
    tree = lxml.html.document_fromstring(
        '<html><body class="node-type-article one-sidebar sidebar-right"><div id="main">'
        '<h1>Pénurie de lits</h1><div class="meta"><span class="auteurs">Rachel Meier et Samuel'
        f" Jaquet</span></div><p>{LONG_TEXT}</p></div></body></html>")
    md = extract_metadata(tree, URL, article_objects=[])
    assert md.authors == ["Rachel Meier", "Samuel Jaquet"]


def test_a_printed_title_inside_nested_title_wrappers_is_found() -> None:
    wrappers = 200
    body = ('<div class="title-wrap">' * wrappers + "<b>Council approves budget for roads</b>"
            + "</div>" * wrappers)
    md = page("<title>Lakeside Gazette :: Council approves budget for roads</title>", body)
    assert md.title == "Council approves budget for roads"


# ------------------------------------------------- bylines of legacy templates, no byline class


@pytest.mark.parametrize(("body", "expected"), [
    # Joomla 1.5's contentpaneopen table: "Written by" in a span.small above the text's cell
    ('<table class="contentpaneopen"><tr><td class="contentheading">Vendors move to temporary '
     'site</td></tr><tr><td><span class="small">Written by Moses Kanairara</span></td></tr>'
     f"<tr><td><p>{LONG_TEXT}</p></td></tr></table>", ["Moses Kanairara"]),
    # a <font> headline and an italic "by" line above text written between <br>s (no <p>)
    ('<table><tr><td><font size="5"><b>Government unveils plans for new campus</b></font><br>'
     '<font size="2"><i>by Maria Olivero</i></font><br><br><font size="3">'
     f"{LONG_TEXT}<br><br>{LONG_TEXT}</font></td></tr></table>", ["Maria Olivero"]),
    # e107: "Posted by <a>…</a> on Saturday …" above a news_body div of bare text
    ("<div class='news_item'><div class='news_title'><h2>Public observing night a success</h2>"
     "</div><div class='news_info'>Posted by <a href='/user.php?id.14'>Alastair Reid</a> on "
     f"Saturday 05 September 2009 - 18:05:22</div><div class='news_body'>{LONG_TEXT}</div></div>",
     ["Alastair Reid"]),
    # not: a slider's "By Jane Roe" above the article's own headline
    ("<div class='slider'><div class='slide'><h2>Lifeboat crew honoured</h2><div class='meta'>By"
     " Jane Roe</div></div></div><div class='post'><h1>Ferry timetable changes</h1><div "
     f"class='entry'><p>{LONG_TEXT}</p></div></div>", []),
    # not: a series' label, nor a paragraph's deck in title case
    (f"<h1>The tailor who dresses the King</h1><div class='series-label'>By Royal Appointment</div>"
     f"<p>{LONG_TEXT}</p>", []),
    (f"<h1>The result was clear</h1><p class='intro'>By Tuesday Evening Labour Had Won</p>"
     f"<p>{LONG_TEXT}</p>", []),
])
def test_a_by_line_above_the_text(body: str, expected: list[str]) -> None:
    assert page("", body).authors == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a <title> of the site and the section; a <font> headline above the text, a deck under it
    ("The Tribune, Chandigarh, India - Punjab",
     '<p><font size="4"><b><a name="1"></a>Paddy procurement picks up pace in Bathinda mandis</b>'
     '</font><br><font size="2"><b>Farmers complain of delayed payments</b></font></p>'
     f"<p>{LONG_TEXT}</p>", "Paddy procurement picks up pace in Bathinda mandis"),
    ("News Releases", '<h2 class="sr-only">Navigation mit Access Keys</h2><div class="headline">'
     "Survey: Wisconsin CEOs More Optimistic About Economy</div>" f"<p>{LONG_TEXT}</p>",
     "Survey: Wisconsin CEOs More Optimistic About Economy"),
    # not: a box of other stories' heading; nor a heading the <title> already names
    ("Nieuws", "<b>Other stories in Punjab</b><br>" f"<p>{LONG_TEXT}</p>", "Nieuws"),
    ("Ferry returns after winter repairs", "<h2>Ferry back after repairs in spring</h2>"
     f"<p>{LONG_TEXT}</p>", "Ferry returns after winter repairs"),
    # a headline class named in another language, as one word of a camel-case name
    ("Evrensel.net - Haber", '<div class="haberBaslik">Tekel işçileri yeniden Ankara yolunda</div>'
     f"<p>{LONG_TEXT}</p>", "Tekel işçileri yeniden Ankara yolunda"),
    ("«Україна Молода» :: Номер 212", '<h3 class="um_title">Гривня на гойдалці</h3>'
     f"<p>{LONG_TEXT}</p>", "Гривня на гойдалці"),  # short, but classed as the title
    # not the edition's line above it, nor a sidebar's box in the layout's other column
    ("Nasz Dziennik", '<b>Czwartek, 20 listopada 2008, Nr 271 (3317)</b><br><span class="tytul">'
     f"Szpitale powiatowe przed przekształceniem</span><p>{LONG_TEXT}</p>",
     "Szpitale powiatowe przed przekształceniem"),
    ("Downing Street", "<h2>No 10 denies claims over the winter fuel payment plans</h2>"  # no edition
     f"<p>{LONG_TEXT}</p>", "No 10 denies claims over the winter fuel payment plans"),
    ("l'Unità.it - Politica", '<table><tr><td class="colsx"><div><b>Il giornale di oggi</b><br>'
     '<a href="/pdf/">PDF</a></div></td><td class="colcentro"><span class="titoloArticolo">Veltroni, '
     f"il primo giorno da leader</span><br><div>{LONG_TEXT}</div></td></tr></table>",
     "Veltroni, il primo giorno da leader"),
    ("Forum", '<b>Volume 42 - numéro 20 4 février 2008</b><br><div class="titre">Les bactéries du sol '
     f"sous la loupe</div><p>{LONG_TEXT}</p>", "Les bactéries du sol sous la loupe"),
], ids=["font-under-site-title", "title-class-under-section-title", "others-box", "title-is-headline",
        "camel-case-class", "short-classed-title", "edition-line", "number-ten", "other-column",
        "french-edition-line"])
def test_a_site_title_yields_to_the_heading_above_the_text(
        title: str, body: str, expected: str) -> None:
    assert page(f"<title>{title}</title>", body).title == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("神戸新聞｜社会｜三宮の再開発ビル、来春着工へ", "<h2>三宮の再開発ビル、来春着工へ</h2><p>本文</p>",
     "三宮の再開発ビル、来春着工へ"),
    ("คมชัดลึก : กทม.เตรียมรับมือน้ำทะเลหนุนสูง", "<font size=\"4\"><b>กทม.เตรียมรับมือน้ำทะเลหนุนสูง</b>"
     "</font>", "กทม.เตรียมรับมือน้ำทะเลหนุนสูง"),
], ids=["fullwidth-bar", "thai"])
def test_printed_titles_in_scripts_without_spaces(title: str, body: str, expected: str) -> None:
    assert page(f"<title>{title}</title>", body).title == expected


@pytest.mark.parametrize(("body", "expected"), [
    # Mambo's Italian "Scritto da" in a span.small above the text
    ('<table class="contentpaneopen"><tr><td><span class="small">Scritto da Giuseppe Fabbri'
     f'</span></td></tr><tr><td><p>{LONG_TEXT}</p></td></tr></table>', ["Giuseppe Fabbri"]),
    # a Korean paper's bracket at the head of the text
    (f'<h2>정부, 내년 SOC 예산 10% 줄인다</h2><div class="view_text"><p>[머니투데이 김철수기자] {LONG_TEXT}'
     "</p></div>", ["김철수"]),
    # a details table's "Autor:" cell and the next cell
    ('<h1>Ruszyła przebudowa ulicy</h1><table><tr><td class="etykieta">Autor:</td><td class='
     f'"wartosc">Anna Nowak</td></tr></table><p>{LONG_TEXT}</p>', ["Anna Nowak"]),
])
def test_legacy_credit_forms(body: str, expected: list[str]) -> None:
    assert page("", body).authors == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('<h1>Vláda schválila návrh rozpočtu</h1><div class="articleInfo"><span class="date">'
     f'30.09.2009 16:48</span> | <span class="source">TASR</span></div><p>{LONG_TEXT}</p>',
     ["TASR"]),
    (f'<h1>Kotitalousvähennys</h1><div class="lahde">STT</div><p>{LONG_TEXT}</p>', ["STT"]),
    # a named writer wins over the source; a source that is a sentence is no credit
    ('<h1>Kabinet wil strengere regels</h1><span class="bron">ANP</span><div class="author">'
     f"Door Jan de Vries</div><p>{LONG_TEXT}</p>", ["Jan de Vries"]),
    ('<h1>Kabinet wil strengere regels</h1><span class="source">according to the ministry of '
     f"finance</span><p>{LONG_TEXT}</p>", []),
])
def test_an_agency_credited_alone_as_the_source(body: str, expected: list[str]) -> None:
    assert page("", body).authors == expected


@pytest.mark.parametrize(("body", "expected"), [
    (f'<h1>LDA to demolish illegal structures</h1><div class="storytext"><b>Staff Report</b><br><br>'
     f"LAHORE: {LONG_TEXT}</div>", ["Staff Report"]),
    (f"<h1>Rates held</h1><p><strong>Special Correspondent</strong></p><p>{LONG_TEXT}</p>",
     ["Special Correspondent"]),
    # not: a bold lead sentence, nor a bold place
    (f"<h1>Rates held</h1><p><strong>The bank held its rates.</strong></p><p>{LONG_TEXT}</p>", []),
    (f"<h1>Rates held</h1><p><strong>Mumbai</strong></p><p>{LONG_TEXT}</p>", []),
])
def test_a_desks_credit_in_a_bold_line_at_the_head_of_the_text(
        body: str, expected: list[str]) -> None:
    assert page("", body).authors == expected


@pytest.mark.parametrize(("text", "key"), [
    ("WDR aktuell_2024!", "wdraktuell2024"), ("Ilanga News", "ilanganews"), ("", ""),
    ("El Sol de México", "elsoldemexico"), ("Straße", "strasse"), ("ＮＨＫ", "nhk"),
])
def test_site_name_keys(text: str, key: str) -> None:
    """_norm's quick path for ASCII text folds as the general one does: case, and everything
    but letters and digits, dropped (accents and compatibility forms too, off that path)."""
    from scraper.extract.authornames import _norm

    assert _norm(text) == key


_LINES = "<br><br>".join(["The ferry to the island will cost more from June, the authority said today."] * 4)


@pytest.mark.parametrize(("block", "expected"), [
    (f"By Hannah Whitfield<br><br>{_LINES}", ["Hannah Whitfield"]),
    (f"<b>By Mary Ellen Whitcomb and Daniel Ortega</b><br><br>{_LINES}",
     ["Mary Ellen Whitcomb", "Daniel Ortega"]),
    (f"Von Christoph Lindner<br><br>{_LINES}", ["Christoph Lindner"]),
    (f"Piše: Ivana Horvat<br><br>{_LINES}", ["Ivana Horvat"]),
    (f"<b>Karl Azzopardi</b><br><br>{_LINES}", ["Karl Azzopardi"]),  # a bold name alone
    (f"<b>ΝΙΚΟΣ ΚΑΡΑΓΙΑΝΝΗΣ, ΕΛΕΝΗ ΜΑΥΡΟΥ</b><br><br>{_LINES}", ["ΝΙΚΟΣ ΚΑΡΑΓΙΑΝΝΗΣ", "ΕΛΕΝΗ ΜΑΥΡΟΥ"]),
    (f"Selin KAYA / İstanbul<br><br>{_LINES}", ["Selin KAYA"]),  # the place after the slash
    (f"【王小明、李大華／台北報導】<br><br>{_LINES}", ["王小明", "李大華"]),
    (f"{_LINES}<br><br><b>Светла Георгиева</b>", ["Светла Георгиева"]),  # a closing signature
    # no credit: a bold label, a bold date line, plain text
    (f"<b>Update:</b><br><br>{_LINES}", []),
    (f"<b>12 May 2008</b><br><br>{_LINES}", []),
    (f"Passengers said the crossing was calm<br><br>{_LINES}", []),
])
def test_credit_lines_of_a_text_between_line_breaks(block: str, expected: list[str]) -> None:
    """A legacy text written between <br>s (no <p>) signs itself in its first line, or in a
    bold last line."""
    md = page("", f'<table><tr><td class="title">Ferry fares rise</td></tr><tr><td class="text">{block}'
                  "</td></tr></table>")
    assert md.authors == expected


def test_a_bold_signature_after_the_text_block() -> None:
    md = page("", f'<font size="2">{_LINES}<br><br></font><font size="2"><b><i>Zenon Bartczak, '
                  "Marta Zielińska</i></b></font>")
    assert md.authors == ["Zenon Bartczak", "Marta Zielińska"]


def test_korean_co_authors_before_one_role() -> None:
    md = page("", f'<article><h1>Ferry back</h1><span class="byline">김주연·이정수 기자</span>{_LEAD}'
                  "</article>")
    assert md.authors == ["김주연", "이정수"]


def test_an_agency_in_structured_data_yields_to_the_person_of_the_byline() -> None:
    """JSON-LD credits the agency (as a Person or an Organization); the byline names the
    reporter beside it: the reporter is the author."""
    for kind in ("Person", "Organization"):
        ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
              f'"NewsArticle", "headline": "Ferry back", "author": [{{"@type": "{kind}", "name": '
              '"The Associated Press"}]}</script>')
        md = page(ld, '<article><h1>Ferry back</h1><div class="byline">By <a href="/staff/ap/">'
                      f"Hannah Kessler</a> | The Associated Press</div>{_LEAD}</article>")
        assert md.authors == ["Hannah Kessler"], kind
    md = page(ld, f'<article><h1>Ferry back</h1><div class="byline">By AP staff</div>{_LEAD}</article>')
    assert md.authors == ["The Associated Press"]


def test_a_ukrainian_credits_block_below_the_text() -> None:
    md = page("", f'<article><h1>Ferry back</h1>{_LEAD}{_LEAD}<div class="credits"><div><span>Авторка:'
                  '</span> <a href="/authors/ok">Олена Ковальчук</a></div><div><span>Редакторка:</span> '
                  "<a>Ірина Бойко</a></div></div></article>")
    assert md.authors == ["Олена Ковальчук"]


@pytest.mark.parametrize(("details", "expected"), [
    ('<span class="gva_bron">bron: belga</span>', ["belga"]),  # a source's label, its name as printed
    ('<span class="forras">Forrás: MTI</span>', ["MTI"]),
    ('<p class="izvor">Izvor: Tanjug</p>', ["Tanjug"]),
    ('<span class="forras">Forrás: a kormány szóvivője szerint</span>', []),  # no agency's name
])
def test_an_agency_credited_alone_in_a_labelled_source_element(details: str, expected: list[str]) -> None:
    md = page("", f'<div class="cikk"><h2>Ferry back</h2><div class="adatok">{details}</div>{_LEAD}</div>')
    assert md.authors == expected


def test_drupal_submitted_by_and_a_finnish_writer_class() -> None:
    md = page("", '<div class="node"><h2>Ferry back</h2><div class="meta"><span class="submitted">'
                  f"Submitted by Marie Lalonde on Wed, 05/12/2010 - 14:22</span></div>{_LEAD}</div>")
    assert md.authors == ["Marie Lalonde"]
    md = page("", '<h3 class="ku-otsikko">Ferry back</h3><div class="ku-tiedot"><span class="ku-kirjoittaja">'
                  f"Matti Virtanen</span></div>{_LEAD}")
    assert md.authors == ["Matti Virtanen"]


@pytest.mark.parametrize(("footer", "expected"), [
    ('<p class="entry-footer">Posted by Rachel Dunmore on May 12, 2008 at 04:37 PM in '
     '<a href="/budget/">Budget</a></p>', ["Rachel Dunmore"]),
    ('<p class="post-footer"><em>posted by Helen Marsh at <a href="/p.html">6:05 PM</a></em></p>',
     ["Helen Marsh"]),
    ('<p class="posted">-- By Laura Feldman | <a href="/a.php">May 12, 2006, 6:05 PM</a></p>',
     ["Laura Feldman"]),
    ('<p class="note">By the way, the ferry runs on Sundays too.</p>', []),
])
def test_a_blog_post_signed_in_its_footer(footer: str, expected: list[str]) -> None:
    md = page("", f'<div class="entry"><h3 class="entry-header">Ferry back</h3><div class="entry-body">'
                  f"{_LEAD}{_LEAD}</div>{footer}</div>")
    assert md.authors == expected


def test_a_signature_element_after_the_text_and_a_photo_credit_in_the_byline() -> None:
    md = page("", f'<h1>Stávka</h1>{_LEAD}{_LEAD}<p class="podpis"><b>Jiří Hořejší</b></p>'
                  '<p class="zkratka">(jh)</p>')
    assert md.authors == ["Jiří Hořejší"]
    lines = "<br><br>".join(["O porto recebeu 96 navios no período, disse a companhia."] * 5)
    md = page("", f'<table><tr><td class="texto">{lines}<br><br><span class="assinatura"><b>Paulo '
                  "Sérgio Silva</b><br>Repórter</span></td></tr></table>")
    assert md.authors == ["Paulo Sérgio Silva"]
    # the class word "sign" alone (no "sign-in" form): a Ukrainian paper's signature
    md = page("", f'<h1>Посівна</h1>{_LEAD}{_LEAD}<p class="sign"><b>Олександр Мельник</b></p>')
    assert md.authors == ["Олександр Мельник"]
    md = page("", f'<h1>Посівна</h1>{_LEAD}{_LEAD}<p class="sign-in"><b>Олександр Мельник</b></p>')
    assert md.authors == []
    from scraper.extract.authornames import split_authors

    assert split_authors("Text: Lena Björklund Foto: Ulf Karlström") == ["Lena Björklund"]


@pytest.mark.parametrize(("lead", "url", "expected"), [
    ("BRIDGETOWN, Barbados (CMC): CARICOM heads of government will meet", URL, ["CMC"]),
    ("Berlin (dpa) - Der Bundestag hat am Donnerstag beschlossen", URL, ["dpa"]),
    ("WIEN (OTS) - Die Stadt Wien hat heute bekanntgegeben", "https://www.ots.at/presse/1", []),
    ("Die Stadt (im Westen) - so heißt es in der Mitteilung", URL, []),  # no agency's name
])
def test_an_agency_named_by_the_dateline_is_the_credit_of_uncredited_copy(
        lead: str, url: str, expected: list[str]) -> None:
    """When nothing else credits anyone, the agency a dateline names is the story's credit, as
    an agency credited alone is; not the site's own name (OTS at ots.at)."""
    tree = lxml.html.document_fromstring(
        f"<html><body><h1>Ferry back</h1><p>{lead} " + "and the plan goes on. " * 8 + "</p></body></html>")
    assert extract_metadata(tree, url, article_objects=[]).authors == expected


def test_an_agency_credited_in_a_source_line_right_below_the_text() -> None:
    lines = "<br><br>".join(["Une convention de financement sera signée le 22 mars prochain."] * 5)
    md = page("", f'<table><tr><td class="texte">{lines}</td></tr><tr><td class="source_article">'
                  'Source : MAP</td></tr></table><div class="autres"><span class="source">AFP</span></div>')
    assert md.authors == ["MAP"]


def test_a_name_doubled_for_screen_readers_is_read_once() -> None:
    """An author link that holds the name twice, once for the eye and once in a screen
    reader's span, credits one person; a one-word handle written twice is left as it is."""
    md = page("<title>La voix des nuls</title>",
              '<h1>La voix des nuls</h1><p class="authors">Un documentaire de <a class="authors__name"'
              ' href="/auteurs/kristen_falc_hon">Kristen Falc\'hon<span class="u-screen-reader-text">'
              "Kristen Falc'hon</span></a></p>" + "<p>" + "Des bulletins nuls et leurs histoires. " * 12
              + "</p>")
    assert md.authors == ["Kristen Falc'hon"]
    from scraper.extract.authornames import undoubled

    assert undoubled("harrymc harrymc") == "harrymc harrymc"
    assert undoubled("Anna Maria Anna Maria") == "Anna Maria"


def test_people_pages_of_a_think_tank_credit_its_authors() -> None:
    """A think tank's comment names its authors in an aside of their own, as links to their
    pages under "/about-us/our-people/" (a research fellow's "Dr" kept as printed); a
    breadcrumb's "/people/real-life" (a section named for people) credits nobody."""
    from scraper.extract import extract_article

    head = ('<head><title>Why the Sahel juntas are walking away | Chatham House</title><meta '
            'property="og:type" content="article"><meta property="og:site_name" content="Chatham '
            'House"></head>')
    prose = "<p>" + "The withdrawal will reshape the region's trade and security for years. " * 4 + "</p>"
    html = (f'<html>{head}<body><main><article><h1>Why the Sahel juntas are walking away</h1>'
            '</article><div><aside class="authors-sidebar"><div class="person-teaser"><img src="/p/'
            'okafor.jpg" alt=""><a href="/about-us/our-people/adaeze-okafor" class="person-teaser__'
            'name">Dr Adaeze Okafor</a><p class="person-teaser__role">Senior Research Fellow, Africa '
            'Programme</p></div><div class="person-teaser"><img src="/p/harcourt.jpg" alt=""><a href='
            '"/about-us/our-people/tom-harcourt" class="person-teaser__name">Tom Harcourt</a><p class='
            f'"person-teaser__role">Research Associate</p></div></aside>{prose}</div></main></body>'
            "</html>")
    url = "https://www.chathamhouse.org/2024/03/why-sahel-juntas-are-walking-away"
    assert extract_article(html.encode(), url).authors == ["Dr Adaeze Okafor", "Tom Harcourt"]
    crumbs = html.replace('<aside class="authors-sidebar">', '<div class="breadcrumb"><a href="/">'
                          'Home</a> &gt; <a href="/people/real-life">Real Life</a></div><aside>')
    assert extract_article(crumbs.encode(), url).authors == []


@pytest.mark.parametrize(("title", "body", "headline"), [
    # Joomla 1.0: the article's title in "contentheading" (its section's is "componentheading")
    ("Pallacanestro Varese - News",
     '<div id="menu_top"><a href="/news">News</a></div><table class="contentpaneopen"><tr><td '
     'class="contentheading">Varese-Cremona, arriva la sfida salvezza</td></tr></table><table '
     '><tr><td><span class="small">Scritto da Ufficio Stampa</span></td></tr><tr><td><p>{text}</p>'
     "</td></tr></table>", "Varese-Cremona, arriva la sfida salvezza"),
    # a text of lines between <br>s whose cell starts with the headline's span
    ("Diário do Nordeste - Negócios",
     '<table><tr><td class="menu"><a href="/n">Negócios</a></td></tr><tr><td><span class="editoria">'
     'NEGÓCIOS</span><br><span class="titulo">Porto do Pecém amplia movimentação de cargas</span>'
     '<br><span class="subtitulo">Terminal registrou alta de 18%</span><br><br>{text}<br><br>{text}'
     "</td></tr></table>", "Porto do Pecém amplia movimentação de cargas"),
])
def test_a_legacy_headline_under_a_title_of_site_and_section(title: str, body: str, headline: str
                                                            ) -> None:
    text = "O terminal movimentou 612 mil toneladas de cargas em janeiro e fevereiro deste ano. " * 3
    assert page(f"<title>{title}</title>", body.format(text=text)).title == headline


@pytest.mark.parametrize(("head", "authors"), [
    # a CMS's default: the maker's name in the author and the copyright tags
    ('<meta name="author" content="eZ Systems"><meta name="copyright" content="eZ Systems">', []),
    # the publisher and its town in both
    ('<meta name="author" content="SPIEGEL ONLINE, Hamburg, Germany"><meta name="copyright" '
     'content="SPIEGEL ONLINE, Hamburg, Germany">', []),
    # the software's own name
    ('<meta name="author" content="Joomla!"><meta name="generator" content="Joomla!">', []),
    # a blogger who holds the blog's copyright is its author
    ('<meta name="author" content="Andreas Jaeck"><meta name="copyright" content="Andreas Jaeck">',
     ["Andreas Jaeck"]),
])
def test_an_author_tag_that_repeats_the_copyright_or_the_generator(head: str, authors: list[str]
                                                                   ) -> None:
    prose = "<p>" + "The council met again on the budget and the new bus lanes downtown. " * 4 + "</p>"
    assert page(f"<title>Busspur kommt</title>{head}", f"<h1>Busspur kommt</h1>{prose}").authors == (
        authors)


@pytest.mark.parametrize(("byline", "authors"), [
    # Hungarian "author:" label, two names in Hungarian order, then the date
    ('<div class="cikk_adatok">Szerző: Horváth Zsolt, Németh Eszter | <span class="datum">'
     "2010.03.12. 07:45</span></div>", ["Horváth Zsolt", "Németh Eszter"]),
    # an old template's class glued to the article's word: "artauthor"
    ('<div class="artauthor">Μαρία Παπαδοπούλου</div><div class="artdate">12/03/2010</div>',
     ["Μαρία Παπαδοπούλου"]),
])
def test_legacy_bylines_by_label_and_by_glued_class(byline: str, authors: list[str]) -> None:
    prose = "<p>" + "Thousands of teachers marched downtown against the planned budget cuts. " * 4 + "</p>"
    assert page("<title>Site</title>", f"<h1>Teachers march against cuts</h1>{byline}{prose}"
                ).authors == authors


def test_a_byline_right_under_a_long_ingress() -> None:
    """A Swedish paper's long "ingress" (the Nordic name of a standfirst) is the first long
    paragraph; the byline stands right under it, a mailto link alone on its line."""
    ingress = "Öppningen av Citytunneln skjuts upp ännu en gång och nu räknar man med december. " * 3
    md = page("<title>Citytunneln försenas igen</title>",
              f'<div id="sds_article"><h1>Citytunneln försenas igen</h1><p class="sds_ingress">'
              f'{ingress}</p><div class="sds_byline"><a href="mailto:anna.lindqvist@sydsvenskan.se">'
              'Anna Lindqvist</a><br><span class="sds_pub">Publicerad 3 oktober 2007 18:05</span>'
              f'</div><div class="sds_body"><p>{ingress}</p></div></div>')
    assert md.authors == ["Anna Lindqvist"]


@pytest.mark.parametrize(("byline", "authors"), [
    # a name after an icon inside the author element (Montsame)
    ('<span class="author"><i class="fa fa-user"></i> Д.Батбаяр</span>', ["Д.Батбаяр"]),
    # a Kannada name ending in initials, the last one's period kept (its vowel sign is no letter)
    ('<span class="author-name">ವಿಜಯಕುಮಾರ್ ಎಸ್.ಕೆ.</span>', ["ವಿಜಯಕುಮಾರ್ ಎಸ್.ಕೆ."]),
    # a Taiwanese reporter line: "reporter NAME／PLACE reporting"
    ('<span class="news-author">記者陳怡君／臺北報導</span>', ["陳怡君"]),
])
def test_bylines_of_asian_templates(byline: str, authors: list[str]) -> None:
    prose = "<p>" + "The festival opened on the central square with a parade and music. " * 4 + "</p>"
    assert page("<title>Site</title>", f"<h1>The festival opens</h1>{byline}{prose}").authors == (
        authors)


def test_a_japanese_closing_credit_of_desk_and_reporter_names_the_reporter() -> None:
    """Okinawa Times ends its text with "（社会部・新垣綾子）": the society desk and the
    reporter; the reporter is the author (a desk alone would be the credit)."""
    text = "".join(f"<p>{line * 6}</p>" for line in (
        "県内の小中学校で教員不足が続いている。", "県教育委員会は臨時の採用を増やす方針だ。",
        "現場からは負担の軽減を求める声が上がる。"))
    md = page("<title>教員不足</title>", f'<h1>教員不足続く</h1><div class="article-body">{text}'
                                       "<p>（社会部・新垣綾子）</p></div>")
    assert md.authors == ["新垣綾子"]

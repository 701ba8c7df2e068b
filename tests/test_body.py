"""Body extraction on pages we wrote: first and last sentences in, boilerplate out."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest

from scraper.extract import extract_article
from scraper.extract.blocks import Block, BodyResult, PageHints, clean_blocks, page_hints
from scraper.extract.body import extract_body
from scraper.extract.html import load_html
from scraper.extract.jsonld import article_objects, jsonld_objects
from scraper.extract.lead import with_lead

FIXTURES = Path(__file__).parent / "fixtures" / "body"
URL = "https://news.example.org/story"


def body_of(name: str, **kwargs: object) -> BodyResult:
    tree = load_html((FIXTURES / name).read_bytes())
    objects = article_objects(jsonld_objects(tree))
    return extract_body(tree, URL, article_objects=objects, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def news() -> BodyResult:
    return body_of("news_article.html")


def test_first_and_last_sentences_are_in(news: BodyResult) -> None:
    assert news.text.startswith("The little blue ferry that links the old quay")
    assert news.text.endswith("with every seat taken and a brass band playing on the quay.")
    assert "Fares will stay at last year's level" in news.text  # prose after the inline box


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Tuesday, 14 May 2024",  # header date bar
        "See more",  # sidebar
        "Market square to host food festival",  # sidebar "Latest" list
        "Island school gets a new roof",  # inline "Read more" list
        "Bridge closed for inspections",  # related list
        "I have missed the ferry all winter",  # comments
        "We use cookies",  # cookie banner
        "Sign up for our free newsletter",  # newsletter box
        "Share on Facebook",  # share links
        "Print this article",
        "Photo: Harbour Trust",  # caption credit
        "By Jane Doe",  # byline
        "All rights reserved",  # footer
        "Harbour ferry returns after winter repairs",  # the title is not repeated
    ],
)
def test_boilerplate_is_out(news: BodyResult, boilerplate: str) -> None:
    assert boilerplate not in news.text


def test_paragraphs_are_blank_line_separated(news: BodyResult) -> None:
    paragraphs = news.text.split("\n\n")
    assert len(paragraphs) >= 6
    assert all(p == p.strip() and "  " not in p and "\n" not in p for p in paragraphs)
    assert "A longer timetable for the summer" in paragraphs  # subheadings are kept as blocks


def test_complete_jsonld_body_is_preferred_and_filters_promos() -> None:
    result = body_of("jsonld_complete.html")
    assert result.source in ("jsonld", "trafilatura+jsonld")
    assert result.text.startswith("Orchard growers across the valley expect")
    assert result.text.endswith("continue until the end of October.")
    assert "become a Valley News member" not in result.text
    assert len(result.text.split("\n\n")) >= 4  # still split into the page's paragraphs


def test_teaser_jsonld_body_is_rejected() -> None:
    result = body_of("jsonld_teaser.html")
    assert result.source == "trafilatura"
    assert result.text.startswith("Die Stadtbibliothek öffnet künftig")
    assert result.text.endswith("ob sie dauerhaft beibehalten werden.")


def test_selectors_pick_the_story() -> None:
    result = body_of("selectors.html", selectors=["div.story-text", "div.missing >>> bad"])
    assert result.source == "selectors"
    assert result.text.startswith("Night buses will run on weekdays")
    assert result.text.endswith("between midnight and five in the morning.")
    assert "travel guide" not in result.text


def test_without_selectors_the_page_still_gives_a_body() -> None:
    assert "Night buses will run" in body_of("selectors.html").text


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<html><body><p>Too short.</p></body></html>",
        "<html><body>" + "<div>" * 5000 + "deep text " * 30 + "</div>" * 5000 + "</body></html>",
        "<html><body>" + "<p>para</p>" * 20000 + "</body></html>",
    ],
)
def test_bad_input_never_raises(html: str) -> None:
    tree = lxml.html.document_fromstring(html)
    start = time.perf_counter()
    result = extract_body(tree, URL, article_objects=[{"articleBody": 5}, {}])
    assert isinstance(result, BodyResult)
    assert time.perf_counter() - start < 10


def test_tree_is_not_mutated() -> None:
    tree = load_html((FIXTURES / "news_article.html").read_bytes())
    before = lxml.html.tostring(tree)
    extract_body(tree, URL, article_objects=[])
    assert lxml.html.tostring(tree) == before


def test_slow_trafilatura_pass_only_for_short_results(monkeypatch: pytest.MonkeyPatch) -> None:
    from scraper.extract import body as body_module

    calls: list[bool] = []
    real = body_module.trafilatura_blocks

    def spy(tree: lxml.html.HtmlElement, url: str, *, fast: bool = True) -> list[body_module.Block]:
        calls.append(fast)
        return real(tree, url, fast=fast)

    monkeypatch.setattr(body_module, "trafilatura_blocks", spy)
    body_of("news_article.html")
    assert calls == [True]  # a full article: the fast pass is enough
    calls.clear()
    short = "<html><body><h1>Note</h1><p>" + "A short note with a few words. " * 3 + "</p></body></html>"
    tree = load_html(short)
    extract_body(tree, "https://example.org/note", article_objects=[])
    assert calls == [True, False]  # a short result: trafilatura's fallback comparison is asked


@pytest.fixture(scope="module")
def promos() -> BodyResult:
    return body_of("inline_promos.html")


def test_article_around_inline_promos_is_kept(promos: BodyResult) -> None:
    assert promos.text.startswith("The small bakery on the church square of Eastwick")
    assert promos.text.endswith("take on an apprentice before the end of the year.")
    assert "spend on a second oven" in promos.text  # prose between the promos
    assert "sold out before eight o'clock" in promos.text
    assert "\n\nWhat the prize money will pay for\n\n" in promos.text  # a subheading a contents list links to


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Maria Lindqvist",  # the author's name on a line of its own
        "Filed under",  # filing line
        "may earn a commission",  # affiliate note
        "(Picture: Courier Staff",  # caption with a picture credit
        "Read more: Town council",  # one-line teaser to another article
        "enable JavaScript",  # video player furniture
        "Pictured from left",  # caption
        "sign up for our free weekly newsletter",  # newsletter call
        "Additional reporting by",  # reporting credit
        "Get in touch with our news team",  # contact line
        "All rights reserved",  # copyright line
        "Popular",  # heading of a link list after the article
        "Ferry timetable changes for winter",  # teaser card that repeats its headline
        "Harbour festival returns",  # a paragraph that is only a link to another article
    ],
)
def test_inline_promos_are_out(promos: BodyResult, boilerplate: str) -> None:
    assert boilerplate not in promos.text


def test_paywall_notice_ends_the_body() -> None:
    result = body_of("paywall.html")
    assert result.text.startswith("Repairs to the old harbour wall will start in the spring")
    assert result.text.endswith("closed to the public since November.")
    assert "subscribe" not in result.text
    assert "tote bag" not in result.text


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Lea también: Impiden el ingreso de un reportero y un camarógrafo al país", True),
        ("Lesen Sie auch: Der Stadtrat beschließt den neuen Haushalt", True),
        ("(Le puede interesar: Buscan a los responsables del incendio del mercado)", True),
        (">> Weiterlesen: Was im Winter am Hafen zu tun ist", True),
        ("Mira que bonito es el puerto por la noche.", False),
        ("PAR MARIE DUPONT", True),
        ("AFP / Jane Doe", True),
        ("Kategorie: Nachrichten", True),
        ("2025年1月14日 01時28分 (1月14日 01時40分更新)", True),
        ("Updated Thu, 16 Apr 2020 01:00 AM IST", True),
        ('"Hier ist Bayern": Der BR24 Newsletter informiert Sie immer montags bis freitags über '
         "das Wichtigste vom Tag. Hier geht’s zur Anmeldung!", True),
        ("Der Newsletter der Partei informierte die Mitglieder erst am Montag über den Rücktritt.",
         False),
        ("Jeden Freitag das Wichtigste aus der Region. Hier geht's zur Anmeldung!", True),
        ("Updated: Monday 3 May 2021", True),
        ("Updated the timetable for the summer season", False),
        ("<Copyright © Example Daily. All rights reserved.>", True),
        ("Keine Kommentare", True),
        ("Die Skifahrerin im Ziel von Kitzbühel. © AFP / Jane Doe", True),
        ("Lust auf mehr? Melde dich hier für unseren wöchentlichen Newsletter an!", True),
        ("Do you want to be informed of our next events? Sign up here", True),
        ("Bild anzeigen", True),
        ("This is a developing story - more to follow", True),
        ("This article was originally published by The Example Review.", True),
        ("This article was written in the middle of the storm, the editor said.", False),
        ("Read more about the council's plans in the next edition, the mayor said.", False),
        ("Pictures of the flood were shared thousands of times on Monday.", False),
        ("The photographers' union said its members would strike on Monday.", False),
        ("Copyright law was changed in 2019 to protect news publishers.", False),
        ("The licence sits between copyright (all rights reserved) and the public domain.", False),
        ("DiNapoli Pizza Oven, Model 2", False),
        ("CLICK HERE TO GET THE NEWS APP", True),
        # interface strings of share bars and comment counters, in several languages
        ("기사 URL이 복사되었습니다.", True),
        ("Link kopiert", True),
        ("Enlace copiado", True),
        ("12 Kommentare", True),
        ("3 commentaires", True),
        ("Facebook y", True),
        ("Twitter | Facebook | WhatsApp", True),
        ("Síguenos en", True),
        ("Folgen Sie uns auf:", True),
        ("Facebook and Twitter were fined by the regulator on Monday.", False),
        ("Follow the river path to the old mill.", False),
        # placeholders of embedded content the reader has not agreed to load
        ("Klicken Sie auf den Button unten, um den Inhalt von karten.example.net zu laden.", True),
        ("Leider haben Sie uns hierfür keine Zustimmung gegeben.", True),
        ("To view this content, you need to accept cookies.", True),
        ("Pour afficher ce contenu, vous devez accepter les cookies.", True),
        ("Para ver este contenido debes aceptar las cookies.", True),
        ("The archive will load the content of the old servers overnight.", False),
        ("Der Inhalt von drei Containern wurde am Hafen kontrolliert.", False),
        # ... but content, loading or consent in ordinary prose is article text
        ("Der Betriebsrat hat bis heute keine Zustimmung gegeben, sagte ein Sprecher.", False),
        ("Bei dem Einbruch wurde der gesamte Inhalt von Omas Laden gestohlen.", False),
        ("Künftig sollen Nutzer Inhalte von anderen Plattformen direkt in die App laden können.",
         False),
        ("Die Beamten öffneten den Koffer, um den Inhalt genauer zu sehen.", False),
        ("Researchers found that most users accept cookies to see a website faster.", False),
        # a network's name alone can head a section; a list of them joined by words too
        ("Threads", False),
        ("X", False),
        ("Facebook, Instagram und WhatsApp", False),
        ("Facebook,", True),
        ("Instagram und", True),
    ],
)
def test_single_block_rules(text: str, junk: bool) -> None:
    from scraper.extract import boilerplate

    assert boilerplate.junk_block(text) is junk


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("To continue reading, please subscribe to The Example Gazette.", True),
        ("Join our commenting forum", True),
        ("This article is only available to subscribers.", True),
        ("2 Wochen kostenlos testen", True),
        ("To continue, the council will vote again in June.", False),
        # comment areas: log-in notes, empty or moderated comment lists
        ("Du musst eingeloggt sein, um Kommentare zu schreiben.", True),
        ("Sie müssen sich anmelden, um die Kommentarfunktion zu nutzen.", True),
        ("Vous devez être connecté pour publier un commentaire.", True),
        ("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", True),
        ("No comments yet", True),
        ("Comments are moderated before they appear.", True),
        ("No comments were made by the company about the deal.", False),
        ("Keine Kommentare wollte der Sprecher zu den Vorwürfen abgeben.", False),
        # registration and approval in ordinary prose do not end the article
        ("Vous devez être inscrit sur les listes électorales avant le 6 mai.", False),
        ("Sie müssen registriert sein und ein Versicherungskennzeichen tragen.", False),
        ("Sie müssen sich anmelden, um einen Termin beim Bürgeramt zu bekommen.", False),
        ("Debes estar registrado en el padrón municipal para votar.", False),
        ("Devi essere registrato all'anagrafe del comune.", False),
        ("Comments will be accepted until the plan is approved by the council in June.", False),
    ],
)
def test_paywall_and_comment_calls_end_the_body(text: str, end: bool) -> None:
    from scraper.extract import boilerplate

    assert boilerplate.hard_end(text) is end


def test_network_bar_rules_fail_fast_on_a_near_miss() -> None:
    """39 one-letter 'names' and a digit: a pattern with optional spaces between optional
    joiners backtracks through 2^39 ways to fail (days); the token pattern fails at once."""
    from scraper.extract import boilerplate

    assert boilerplate.junk_block("x " * 39 + "1") is False
    assert boilerplate.junk_block("Facebook " * 9 + "1") is False


def test_a_network_name_alone_goes_only_as_the_last_button_of_a_bar() -> None:
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    prose = ("The platforms were compared over six weeks by a panel of readers, who rated "
             "each of them for privacy, moderation and the ease of finding local news.")
    blocks = [Block("p", prose), Block("head", "Threads"), Block("p", prose + " Threads came last."),
              Block("p", "Facebook,"), Block("p", "WhatsApp"), Block("p", prose + " The end.")]
    kept = [b.text for b in clean_blocks(blocks, PageHints(titles=(), description=""))]
    assert kept == [prose, "Threads", prose + " Threads came last.", prose + " The end."]


def test_words_of_chinese_and_japanese_text_are_counted() -> None:
    from scraper.extract.blocks import count_words

    assert count_words("Harbour ferry returns after winter repairs") == 6
    assert count_words("港町の小さな渡し船が運航を再開した") == 1 + 8  # 17 characters, no spaces
    assert count_words("新しい iPhone が発表された") == 3 + 4  # 3 runs, 9 characters


def test_japanese_article_is_not_taken_for_a_short_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from scraper.extract import body as body_module

    calls: list[bool] = []
    real = body_module.trafilatura_blocks

    def spy(tree: lxml.html.HtmlElement, url: str, *, fast: bool = True) -> list[body_module.Block]:
        calls.append(fast)
        return real(tree, url, fast=fast)

    monkeypatch.setattr(body_module, "trafilatura_blocks", spy)
    result = body_of("japanese_article.html")
    assert calls == [True]  # a full article without spaces needs no slow second pass
    assert result.text.startswith("港町の小さな渡し船が、冬の修理を終えて")
    assert result.text.endswith("冬の間ずっとこの船を待っていたと笑顔で話した。")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Popular", True),
        ("Don't miss", True),
        ("Popular Rose Varieties for Small Gardens", False),
        ("Top stories of the year in review: our reporters look back", False),
        ("Read also", True),
        ("Also read:", True),
        ("Read also →", True),
        ("Also read…", True),
        ("Don't miss...", True),
        ("Also read into the record was a letter from the mayor's office.", False),
        ("Read also the full text of the ruling, published on Monday.", False),
    ],
)
def test_link_list_headings(text: str, end: bool) -> None:
    from scraper.extract import boilerplate

    assert boilerplate.soft_end(text) is end


def test_japanese_article_is_classified_as_an_article() -> None:
    from scraper.extract import extract_article

    article = extract_article((FIXTURES / "japanese_article.html").read_bytes(), URL)
    assert article.is_article  # its words are counted although they are not spaced


@pytest.fixture(scope="module")
def embeds() -> BodyResult:
    return body_of("comments_and_embeds.html")


def test_article_around_embeds_and_follow_bar_is_kept(embeds: BodyResult) -> None:
    assert embeds.text.startswith("Der neue Radweg entlang des Kanals ist nach acht Monaten")
    assert embeds.text.endswith("die den Weg künftig auch im Winter räumen lassen will.")
    assert "\n\nSo verläuft die Strecke\n\n" in embeds.text  # the subheading stays
    assert "Vom Hafenbecken aus geht es zunächst" in embeds.text  # prose after the placeholder


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Link kopiert",  # share tool
        "um den Inhalt von karten.example.net zu laden",  # map placeholder without consent
        "Folgen Sie uns auf",  # follow bar, one link a line
        "Facebook,",
        "Instagram und",
        "WhatsApp",
        "Kommentare",  # comment area
        "eingeloggt",
        "jeden Morgen gefahren",  # a reader's comment
    ],
)
def test_embed_placeholders_and_follow_bars_are_out(embeds: BodyResult, boilerplate: str) -> None:
    assert boilerplate not in embeds.text


def test_comment_area_ends_the_body() -> None:
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    article = [
        Block("p", "The ferry will run every half hour from the first of June, the operator said on "
                   "Monday, and the last boat will leave the island at eleven at night."),
        Block("p", "Tickets bought before the change stay valid until the end of the summer season."),
    ]
    tail = [
        Block("p", "0 Kommentare"),
        Block("p", "Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)"),
        Block("p", "Great news, I have been waiting for a later boat for years."),
    ]
    kept = clean_blocks(article + tail, PageHints(titles=(), description=""))
    assert [b.text for b in kept] == [b.text for b in article]


@pytest.fixture(scope="module")
def standfirst() -> BodyResult:
    return body_of("standfirst_and_cards.html")


def test_standfirst_outside_the_article_container_opens_the_body(standfirst: BodyResult) -> None:
    paragraphs = standfirst.text.split("\n\n")
    assert paragraphs[0] == (
        "After three years of repairs the cottage at the end of the pier shows visitors how the "
        "keepers and their families lived, worked and waited out the winter storms."
    )
    assert paragraphs[1].startswith("The white cottage below the lighthouse opened its doors")
    assert standfirst.text.endswith("can book guided tours through the harbour office.")
    assert standfirst.text.count("After three years of repairs") == 1


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Storm warning for the coast",  # a teaser-class link before the headline is no standfirst
        "Every Friday morning",  # a standfirst-like class far from the article
        "Harbour series",  # a bar of links joined by "|"
        "The fishing boats",
        "Support our independent journalism",  # a payment pitch
        "WhatsApp channel",  # a messenger channel promo
        "Saturday, 12 April 2025",  # the header date
        "New lights for the pier walk",  # teaser cards after the article
    ],
)
def test_standfirst_page_boilerplate_is_out(standfirst: BodyResult, boilerplate: str) -> None:
    assert boilerplate not in standfirst.text


def test_a_standfirst_is_not_added_twice_or_from_after_the_text() -> None:
    from scraper.extract.blocks import Block, PageHints
    from scraper.extract.lead import with_lead

    page = lxml.html.fromstring(
        "<html><body><h1>Ferry stays</h1><div class='intro'><p>The council voted on Monday to "
        "keep the old ferry in service for another ten years.</p></div><div class='text'><p>"
        "The vote was close, with "
        "eleven councillors for and nine against the plan, after a debate of three hours.</p>"
        "<div class='summary'><p>In short: the ferry stays, and the fares will not go up this "
        "year, the mayor said after the vote.</p></div></div></body></html>"
    )
    hints = PageHints(titles=(), description="")
    body = [Block("p", "The vote was close, with eleven councillors for and nine against the "
                       "plan, after a debate of three hours.")]
    led = [b.text for b in with_lead(page, body, hints)]
    assert led == ["The council voted on Monday to keep the old ferry in service for another ten "
                   "years.", body[0].text]  # the summary after the first paragraph stays out
    assert [b.text for b in with_lead(page, [Block("p", led[0]), *body], hints)] == led


def test_teaser_cards_after_a_link_list_heading_end_the_body() -> None:
    """A teaser card's summary reads like prose; after its headline (a link to another page, or
    the headline shown twice) it does not make the list a box inside the article."""
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    prose = ("The ferry will run every half hour from the first of June, the operator said on "
             "Monday, and the last boat will leave the island at eleven at night.")
    headline = "New lights for the pier walk this summer"
    cards = [
        Block("head", "More from the Gazette"),
        Block("head", f"{headline} {headline}"),
        Block("p", "The council has agreed to replace the old lamps along the pier with brighter "
                   "ones that use far less power."),
        Block("head", "Ferry fares stay the same"),
        Block("p", "From November the first boat of the day will leave half an hour later, the "
                   "operator said on Friday."),
    ]
    links = frozenset({"ferryfaresstaythesame"})
    kept = clean_blocks([Block("p", prose), *cards], PageHints(titles=(), description="", links=links))
    assert [b.text for b in kept] == [prose]
    # prose that is not under a teaser headline still marks an inline box
    box = [Block("head", "More from the Gazette"), Block("p", "Ferry fares stay the same"),
           Block("p", prose + " The council agreed."), Block("p", prose + " The mayor agreed.")]
    kept = clean_blocks([Block("p", prose), *box], PageHints(titles=(), description=""))
    assert [b.text for b in kept][-2:] == [prose + " The council agreed.", prose + " The mayor agreed."]


def test_list_items_after_a_link_list_heading_are_no_article_prose() -> None:
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    prose = ("The ferry will run every half hour from the first of June, the operator said on "
             "Monday, and the last boat will leave the island at eleven at night.")
    items = [Block("p", f"Teaser number {n}: a long headline of another story that ends with a "
                        f"full stop and reads like a sentence of prose.", "item") for n in range(3)]
    kept = clean_blocks([Block("p", prose), Block("p", "Related articles"), *items],
                        PageHints(titles=(), description=""))
    assert [b.text for b in kept] == [prose]


def test_press_contact_details_end_the_body() -> None:
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    prose = [Block("p", f"Paragraph {n} of the release: the harbour trust opens its new visitor "
                        "centre on the first of June, with an exhibition on the history of the pier.")
             for n in range(4)]
    tail = [Block("p", "Pressekontakt:"), Block("p", "Jane Doe"), Block("p", "Tel: +49 40 123456")]
    kept = clean_blocks([*prose, *tail], PageHints(titles=(), description=""))
    assert [b.text for b in kept] == [b.text for b in prose]
    # early in the text, a "Contact" heading heads a section of the article
    early = [prose[0], Block("head", "Contact"), *prose[1:]]
    assert len(clean_blocks(early, PageHints(titles=(), description=""))) == 5


@pytest.mark.parametrize(
    ("text", "bar"),
    [
        ("Profiles: Jane Doe | John Roe | Ann Smith", True),
        ("The ferry | The lifeboat", True),
        ("Jane Doe | Harbour Trust", False),  # not every part is a link
        ("Jane Doe spoke to the harbour trust", False),
    ],
)
def test_bars_of_links_are_out(text: str, bar: bool) -> None:
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    labels = frozenset({"janedoe", "johnroe", "annsmith", "theferry", "thelifeboat"})
    hints = PageHints(titles=(), description="", short_links=labels)
    assert (clean_blocks([Block("p", text)], hints) == []) is bar


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Stay informed with the Gazette. Support our journalism for only $5 a month.", True),
        ("Unterstützen Sie unabhängigen Journalismus – jetzt für 7,99 Euro im Monat abonnieren.",
         False),
        ("The foundation said it would support local journalism with grants next year.", False),
        ("The foundation will support local journalism with donations of two million euros.", False),
        ("Support independent journalism: make a donation today.", False),
        ("Join our WhatsApp channel for the latest news: tap here.", True),
        ("¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.", False),
        ("The suspect ran a Telegram channel with three thousand followers, police said.", False),
        ("We have identified the Telegram channel the group used, the prosecutor said.", False),
        ("Thousands join the Telegram channel of the opposition leader.", False),
        ("Jueves 21 abril, 2022", True),
        ("12 de abril de 2025", True),
        ("Mercredi 3 mai 2023", True),
        # calls to write in, to comment, and files to download
        ("Puede escribirnos a redaccion@example.org o suscribirse aquí a nuestra newsletter.", True),
        ("Verraten Sie gerne in den Kommentaren: Was halten Sie vom neuen Radweg?", False),
        ("Let us know in the comments below what you think of the new timetable.", False),
        ("The mayor did not let us know whether the comments would be published.", False),
        ("Informationsschreiben vom 14. Oktober 2021 PDF | 38 KB | Datei ist nicht barrierefrei",
         True),
        ("The council's report runs to 212 pages and was published on Monday as a PDF.", False),
    ],
)
def test_payment_pitches_messenger_promos_and_dates(text: str, junk: bool) -> None:
    from scraper.extract import boilerplate

    assert boilerplate.junk_block(text) is junk


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("NOTAS RELACIONADAS", True),
        ("More information about the plan will follow in June.", False),
    ],
)
def test_more_link_list_headings(text: str, end: bool) -> None:
    from scraper.extract import boilerplate

    assert boilerplate.soft_end(text) is end


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Pressekontakt:", True),
        ("Media contact", True),
        ("Contact the council by phone before Friday.", False),
    ],
)
def test_contact_headings(text: str, head: bool) -> None:
    from scraper.extract import boilerplate

    assert boilerplate.contact_head(text) is head


# --------------------------------------------------------------------------- standfirst (review)

_STORY = [
    "The white cottage below the lighthouse opened its doors on Saturday morning, and by noon more "
    "than four hundred visitors had climbed the narrow stairs to the keeper's bedroom.",
    "Volunteers of the harbour society spent three winters replacing the slate roof, the rotten "
    "window frames and the iron stove, which a foundry cast again from the old drawings.",
    "The museum is open from Wednesday to Sunday between ten and five, and school classes can "
    "book guided tours through the harbour office.",
]
_LEAD = ("After three years of repairs the cottage at the end of the pier shows visitors how the "
         "keepers lived.")


def _page(before: str = "", first: str = f"<p>{_STORY[0]}</p>", header: str = "",
          top: str = "") -> str:
    rest = "".join(f"<p>{p}</p>" for p in _STORY[1:])
    return (
        "<html><head><title>Lighthouse keeper's cottage opens as a museum | Gazette</title></head>"
        f"<body>{top}<header class='site-header'>{header}<nav><a href='/'>Home</a></nav></header>"
        "<main><div class='story-header'><h1>Lighthouse keeper's cottage opens as a museum</h1>"
        f"{before}</div><article><div class='story-body'>{first}{rest}</div></article></main>"
        "<footer><p>© Gazette</p></footer></body></html>"
    )


def _led(html: str, body: list[str] | None = None) -> list[str]:
    from scraper.extract.blocks import Block, page_hints
    from scraper.extract.lead import with_lead

    tree = lxml.html.fromstring(html)
    blocks = [Block("p", t) for t in (body or _STORY)]
    return [b.text for b in with_lead(tree, blocks, page_hints(tree, []))]


@pytest.mark.parametrize(
    "before",
    [
        f"<div class='story-intro'><p>{_LEAD}</p></div>",
        f"<p class='lede'>{_LEAD}</p>",
        f"<p class='article__lede'>{_LEAD}</p>",
        f"<p class='intro intro--with-image'>{_LEAD}</p>",  # a modifier is no image
        f"<p class='standfirst standfirst--updated'>{_LEAD}</p>",  # nor a date
        f"<p class='Article_elementLead__N3pGr'>{_LEAD}</p>",  # a CSS module's class
        f"<p class='teaser_text'>{_LEAD}</p>",
        # the closest one that ends a sentence wins over a subtitle above it
        "<h2 class='subtitle'>Three winters of work on the slate roof and a stove cast again "
        f"from the old drawings</h2><div class='story-intro'><p>{_LEAD}</p></div>",
    ],
)
def test_a_standfirst_after_the_headline_is_put_back(before: str) -> None:
    assert _led(_page(before)) == [_LEAD, *_STORY]


@pytest.mark.parametrize(
    "first",
    [
        f"<p><span class='dropcap'>T</span>{_STORY[0][1:]}</p>",
        "<p>The <a href='/tags/cottage'>white cottage</a> below the lighthouse opened its doors"
        f"{_STORY[0].split('opened its doors', 1)[1]}</p>",
    ],
)
def test_a_standfirst_before_a_first_paragraph_with_inline_markup(first: str) -> None:
    assert _led(_page(f"<div class='story-intro'><p>{_LEAD}</p></div>", first=first))[0] == _LEAD


@pytest.mark.parametrize(
    ("before", "header", "top"),
    [
        # a caption in a figure
        (f"<figure class='hero'><img src='/a.jpg'><div class='hero-description'>{_LEAD}</div>"
         "</figure>", "", ""),
        # another story's card: its headline is a link, its text passes alone
        ("<div class='teaser'><h3><a href='/other'>Ferry fares stay the same next year</a></h3>"
         f"<p class='teaser-text'>{_LEAD}</p></div>", "", ""),
        ("<a href='/other' class='promo-link'><div class='summary'>" + _LEAD + "</div></a>", "", ""),
        # the site's tagline and a menu's teaser before the headline
        ("", f"<p class='site-description'>{_LEAD}</p>", ""),
        ("", "", f"<nav class='flyout'><div class='c'><p class='teaser-text'>{_LEAD}</p></div></nav>"),
        (f"<nav><p class='teaser-text'>{_LEAD}</p></nav>", "", ""),
        (f"<aside><p class='summary'>{_LEAD}</p></aside>", "", ""),
        (f"<div class='related-stories'><p class='summary'>{_LEAD}</p></div>", "", ""),
        # a CSS module's class names the element by its last segment: "sourceOrigin"
        ("<p class='ArticleModuleTeaser_sourceOrigin__cngn3'>Über dieses Thema berichtet: BR24 im "
         "Radio am 14. Mai 2025 um 12:00 Uhr und in der Rundschau.</p>", "", ""),
        (f"<p class='leading-7 text-gray-600'>{_LEAD}</p>", "", ""),  # "leading" is no lead
    ],
)
def test_no_standfirst_from_captions_cards_taglines_or_menus(
    before: str, header: str, top: str
) -> None:
    assert _led(_page(before, header=header, top=top)) == _STORY


def test_the_headline_is_the_articles_h1_not_the_logos() -> None:
    logo = ("<h1 class='site-title'>Gazette</h1><p class='site-description'>Independent news "
            "for the Example Valley since 1887, owned and read by the people who live in it.</p>")
    assert _led(_page(header=logo)) == _STORY
    assert _led(_page(f"<p class='story-intro'>{_LEAD}</p>", header=logo)) == [_LEAD, *_STORY]


def test_a_page_without_h1_takes_no_standfirst_from_its_header() -> None:
    tagline = ("<p class='site-description'>Independent news for the Example Valley since 1887, "
               "owned and read by the people who live in it.</p>")
    page = (f"<html><body><header>{tagline}</header><div class='intro'><p>{_LEAD}</p></div>"
            + "".join(f"<p>{p}</p>" for p in _STORY) + "</body></html>")
    assert _led(page) == [_LEAD, *_STORY]
    assert _led(page.replace(f"<div class='intro'><p>{_LEAD}</p></div>", "")) == _STORY


def test_a_standfirst_far_from_the_first_paragraph_is_not_one() -> None:
    # 500+ characters of other text between the candidate and the body's first paragraph
    credits = " ".join(f"Photo {n}: the harbour society archive, all rights reserved."
                       for n in range(10))
    assert len(credits) > 500
    far = f"<p class='story-intro'>{_LEAD}</p><div class='credits'>{credits}</div>"
    assert _led(_page(far)) == _STORY
    near = f"<p class='story-intro'>{_LEAD}</p><div class='credits'>{credits[:300]}</div>"
    assert _led(_page(near)) == [_LEAD, *_STORY]
    # a body whose first paragraph is not on the page (a JSON-LD text told otherwise)
    assert _led(_page(f"<p class='story-intro'>{_LEAD}</p>"),
                body=["An opening that the page does not show anywhere at all.", *_STORY[1:]]
                )[0] != _LEAD


def test_a_standfirst_of_several_blocks_keeps_them_apart() -> None:
    items = ("<div class='article-summary'><ul><li>The cottage opened on Saturday after three "
             "years of repairs.</li><li>Entry is free until the end of May.</li></ul>"
             "<noscript><p>Turn on JavaScript to see the map of the pier walk.</p></noscript></div>")
    assert _led(_page(items))[:3] == [
        "The cottage opened on Saturday after three years of repairs.",
        "Entry is free until the end of May.", _STORY[0]]
    lines = ("<p class='intro'>The cottage opened on Saturday after three years of repairs.<br>"
             "Entry is free until the end of May, the society said.</p>")
    assert _led(_page(lines))[:2] == [
        "The cottage opened on Saturday after three years of repairs.",
        "Entry is free until the end of May, the society said."]


def test_a_standfirst_the_body_repeats_with_an_edit_is_not_added() -> None:
    body = [_STORY[0], "After three years of repairs, the cottage at the end of the pier now shows "
                       "visitors how the keepers lived. " + _STORY[1]]
    assert _led(_page(f"<p class='story-intro'>{_LEAD}</p>"), body=body) == body


def test_standfirst_search_is_bounded() -> None:
    from scraper.extract.blocks import Block, PageHints
    from scraper.extract.lead import with_lead

    hints = PageHints(titles=(), description="")
    first = "The white cottage below the lighthouse opened its doors on Saturday morning."
    cards = "".join(f"<div class='c'><h3><a href='/s{i}'>Story {i}</a></h3><p class='teaser-text'>"
                    f"Short summary number {i} of another story on the site, in one sentence.</p>"
                    "</div>" for i in range(2000))
    tailwind = "".join("<p class='mt-6 text-base leading-7 text-gray-600 sm:text-lg'>Paragraph "
                       f"{i} text here.</p>" for i in range(20000))
    pages = [
        f"<html><body><main><h1>T</h1><ul><li>{first}</li></ul></main><section>{cards}</section>"
        "</body></html>",
        f"<html><body><h1>T</h1><p><b>X</b> Something else.</p>{tailwind}</body></html>",
    ]
    for html in pages:
        tree = lxml.html.fromstring(html)
        start = time.perf_counter()
        with_lead(tree, [Block("p", first, "item")], hints)
        assert time.perf_counter() - start < 0.5  # was 6.5 s with 2000 cards (generous: loaded CI)


@pytest.mark.parametrize(
    ("cls", "lead"),
    [
        ("mt-6 text-base leading-7 text-gray-600", False),
        ("story-intro", True),
        ("article-leadtext", True),
        ("ce-news--teaser", True),
        ("ArticleModuleTeaser_teaserText__sB4sT", True),
        ("ArticleModuleTeaser_sourceOrigin__cngn3", False),
        ("summary-list", False),
        ("teaser_img_container", False),
    ],
)
def test_standfirst_classes(cls: str, lead: bool) -> None:
    from scraper.extract.lead import _lead_class

    assert _lead_class(cls) is lead


# --------------------------------------------------------------------------- link lists (review)

_RAD = [f"Absatz {n}: Der Gemeinderat hat am Montagabend über den neuen Radweg entlang der "
        "Hauptstraße beraten, der nach den Plänen der Verwaltung bis zum Herbst fertig sein soll."
        for n in range(3)]
_RAD_TAIL = [
    "Die Kosten von rund 1,2 Millionen Euro trägt zu zwei Dritteln das Land, den Rest bezahlt die "
    "Stadt aus Rücklagen, sagte der Kämmerer in der Sitzung am Montag.",
    "Baubeginn ist im Mai. Während der Arbeiten wird die Hauptstraße zwischen Marktplatz und "
    "Bahnhof halbseitig gesperrt, der Busverkehr wird umgeleitet.",
]


def test_one_linked_headline_in_an_inline_box_does_not_end_the_body() -> None:
    from scraper.extract.blocks import Block, PageHints, _key, clean_blocks

    link = "Radweg an der Bahnhofstraße: Stadt zieht Bilanz nach einem Jahr"
    blocks = [*(Block("p", t) for t in _RAD), Block("head", "Lesen Sie auch"), Block("p", link),
              *(Block("p", t) for t in _RAD_TAIL)]
    hints = PageHints(titles=(), description="", links=frozenset({_key(link)}))
    assert [b.text for b in clean_blocks(blocks, hints)] == [*_RAD, *_RAD_TAIL]


def test_a_link_list_heading_right_under_another_does_not_end_the_body() -> None:
    from scraper.extract import boilerplate
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    heads = ["Mehr zum Thema", "Related articles"]  # a box's heading and its sub-heading
    assert all(boilerplate.soft_end(h) for h in heads)
    closing = ("Der Radweg soll im Herbst eröffnet werden, teilte die Verwaltung mit, und die "
               "Anwohner werden vorher in einer Versammlung informiert.")
    blocks = [*(Block("p", t) for t in _RAD), *(Block("head", h) for h in heads),
              *(Block("p", t) for t in [*_RAD_TAIL, closing])]
    kept = clean_blocks(blocks, PageHints(titles=(), description=""))
    assert [b.text for b in kept] == [*_RAD, *_RAD_TAIL, closing]


def test_table_rows_of_links_are_kept() -> None:
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    hints = PageHints(titles=(), description="",
                      short_links=frozenset({"janedoe", "johnroe", "labour", "green"}))
    rows = [Block("p", "Jane Doe | Labour", "row"), Block("p", "John Roe | Green", "row")]
    assert clean_blocks(rows, hints) == rows
    assert clean_blocks([Block("p", "Jane Doe | Labour")], hints) == []  # a bar outside a table


def test_a_table_of_linked_candidates_stays_in_the_article() -> None:
    paras = [
        "The school in the north of the city has been closed since the storm tore off part of its "
        "roof on Friday night, and lessons will not resume before the end of the month.",
        "Two candidates stand in the by-election for the ward on Thursday, and both have promised "
        "to find the money for a new roof before the winter.",
        "The council will decide on Thursday whether the pupils move to the community hall or to "
        "containers in the school yard while the roof is repaired.",
    ]
    table = ("<table><tr><th>Candidate</th><th>Party</th></tr><tr><td><a href='/p/jane-doe'>Jane "
             "Doe</a></td><td><a href='/party/labour'>Labour</a></td></tr><tr><td><a href="
             "'/p/john-roe'>John Roe</a></td><td><a href='/party/green'>Green</a></td></tr></table>")
    html = ("<html lang='en'><head><title>Storm closes school</title></head><body><main><article>"
            f"<h1>Storm closes school</h1><p>{paras[0]}</p><p>{paras[1]}</p>{table}<p>{paras[2]}"
            "</p></article></main></body></html>")
    text = extract_body(load_html(html.encode()), URL, article_objects=[]).text
    assert "Jane Doe | Labour" in text and "John Roe | Green" in text
    assert all(p in text for p in paras)


def test_a_contact_heading_before_prose_does_not_end_the_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bare "Kontakt" heading in a service article heads a section of it: the contact cut
    needs contact details after the heading, no prose (whatever ``contact_head`` matches)."""
    from scraper.extract import boilerplate
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    monkeypatch.setattr(boilerplate, "contact_head", lambda text: text.startswith("Kontakt"))

    blocks = [
        Block("p", "Seit Montag hat das neue Bürgeramt in der Altstadt geöffnet. Wer einen "
                   "Personalausweis beantragen oder sich ummelden will, muss vorher online einen "
                   "Termin buchen, teilte die Stadt mit."),
        Block("head", "Öffnungszeiten"),
        Block("p", "Das Bürgeramt ist montags bis freitags von 8 bis 16 Uhr geöffnet, donnerstags "
                   "bis 18 Uhr. Samstags bleibt es geschlossen, anders als das alte Amt."),
        Block("head", "Kontakt"),
        Block("p", "Termine gibt es unter der Telefonnummer 0761 201-0 oder im Internet; für "
                   "Notfälle hält das Amt jeden Tag einige Termine ohne Anmeldung frei."),
        Block("head", "Anfahrt"),
        Block("p", "Mit der Straßenbahn erreicht man das Amt über die Haltestelle Rathaus; "
                   "Parkplätze gibt es in der Tiefgarage am Markt, die erste Stunde ist kostenlos."),
    ]
    assert clean_blocks(blocks, PageHints(titles=(), description="")) == blocks
    details = [Block("head", "Kontakt"), Block("p", "Bürgeramt Altstadt"),
               Block("p", "Tel. 0761 201-0")]
    kept = clean_blocks([*blocks, *details], PageHints(titles=(), description=""))
    assert kept == blocks  # names and numbers after it: contact details end the body


# --------------------------------------------------------------------------- standfirst (review 2)


@pytest.mark.parametrize(
    "wrap",
    ["site has-sidebar", "page-wrapper menu-closed", "container comments-open",
     "row hidden-print", "o-grid js-share-enabled", "site"],
)
def test_layout_classes_around_headline_and_body_keep_the_standfirst(wrap: str) -> None:
    page = (f"<html><body><div class='{wrap}'><article><h1>Lighthouse keeper's cottage opens</h1>"
            f"<p class='standfirst'>{_LEAD}</p><div class='body'>"
            + "".join(f"<p>{p}</p>" for p in _STORY) + "</div></article><aside>x</aside></div>"
            "</body></html>")
    assert _led(page) == [_LEAD, *_STORY]


_CAPTION = ("Volunteers of the harbour society raise the new weather vane on the roof of the "
            "cottage on Friday evening.")


@pytest.mark.parametrize(
    ("before", "lead"),
    [
        # a caption under a picture, closer to the body than the real standfirst
        (f"<p class='standfirst'>{_LEAD}</p><div class='hero'><img src='/a.jpg'>"
         f"<p class='description'>{_CAPTION}</p></div>", True),
        (f"<div class='hero'><img src='/a.jpg'><p class='description'>{_CAPTION}</p></div>", False),
        (f"<div><img src='/a.jpg'></div><p class='description'>{_CAPTION}</p>", False),
        ("<div class='audio-player'><p class='description'>Listen to this article, read by an "
         "automated voice, in about four minutes.</p></div>", False),
        ("<div class='signup-box'><p class='intro'>Get the best of the Gazette delivered to your "
         "inbox every morning for free.</p></div>", False),
    ],
)
def test_captions_players_and_signups_are_no_standfirst(before: str, lead: bool) -> None:
    assert _led(_page(before)) == ([_LEAD, *_STORY] if lead else _STORY)


def test_a_lone_h1_that_is_the_sites_name_is_not_the_headline() -> None:
    page = ("<html><head><title>Lighthouse keeper's cottage opens as a museum - Valley News"
            "</title></head><body><div id='masthead' class='site-header'><div class='site-branding'>"
            "<h1 class='site-title'><a href='/'>Valley News</a></h1><p class='site-description'>"
            "Independent news from the valley since 1887, read by thousands of people every "
            "single day.</p></div></div><main><article><h2 class='entry-title'>Lighthouse "
            "keeper's cottage opens as a museum</h2><div class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in _STORY) + "</div></article></main></body></html>")
    assert _led(page) == _STORY
    with_intro = page.replace("<div class='entry-content'>",
                              f"<p class='intro'>{_LEAD}</p><div class='entry-content'>")
    assert _led(with_intro) == [_LEAD, *_STORY]


def test_standfirst_search_reads_no_nested_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    from scraper.extract import lead

    calls = []
    read = lead._lead_element_text
    monkeypatch.setattr(lead, "_lead_element_text", lambda el: calls.append(el) or read(el))
    nested = ("".join(f"<div class='x{i}-intro'>" for i in range(250)) + "<b>a</b>" * 1700
              + "</div>" * 250)
    tree = lxml.html.fromstring(_page(nested))
    start = time.perf_counter()
    out = lead.with_lead(tree, [Block("p", t) for t in _STORY], page_hints(tree, []))
    assert [b.text for b in out] == _STORY
    assert len(calls) <= 1  # was 250 walks of 1,700 elements each (~300 ms)
    assert time.perf_counter() - start < 0.5


def test_a_standfirst_of_two_paragraphs_of_the_same_class() -> None:
    two = ("<p class='intro'>The cottage opened on Saturday after three years of repairs.</p>\n"
           "<p class='intro'>Entry is free until the end of May, the society said.</p>")
    assert _led(_page(two)) == [
        "The cottage opened on Saturday after three years of repairs.",
        "Entry is free until the end of May, the society said.", *_STORY]
    # separated by a linked heading: a list of teasers
    apart = two.replace("\n", "<h3><a href='/other'>Ferry fares stay the same</a></h3>")
    assert _led(_page(apart)) == _STORY


def test_a_line_break_inside_a_sentence_is_a_space() -> None:
    lead = ("<p class='lead'>After three years of repairs the cottage at the end of the pier<br>"
            "shows visitors how the keepers lived.</p>")
    assert _led(_page(lead)) == [_LEAD, *_STORY]


def test_a_related_box_of_one_card_is_not_article_prose() -> None:
    from scraper.extract.blocks import Block, clean_blocks, page_hints

    head = "Harbour district: what the new plan means for residents"
    summary = ("The city wants to build 2,000 flats on the old docks by 2030, but residents fear "
               "rising rents and the loss of the fish market.")
    bio = ("Jane Doe has covered city politics for the Gazette since 2015. Before that she "
           "reported on courts and crime for the Evening Post and studied history in Leeds and "
           "Berlin, and she lives with her family in the harbour district.")
    page = (f"<html><body><article>{''.join(f'<p>{p}</p>' for p in _RAD)}<div class='box'>"
            f"<h2>Related</h2><div class='c'><h3><a href='/harbour'>{head}</a></h3><p>{summary}"
            f"</p></div></div><p class='bio'>{bio}</p></article></body></html>")
    hints = page_hints(lxml.html.fromstring(page), [])
    blocks = [*(Block("p", t) for t in _RAD), Block("head", "Related"), Block("p", head),
              Block("p", summary), Block("p", bio)]
    assert [b.text for b in clean_blocks(blocks, hints)] == _RAD


def test_prose_far_after_press_contacts_does_not_keep_them() -> None:
    from scraper.extract.blocks import Block, PageHints, clean_blocks

    contact = [Block("head", "Pressekontakt:"),
               Block("p", "Example GmbH Jane Doe Leiterin Unternehmenskommunikation "
                          "Musterstraße 1 10115 Berlin Telefon: +49 30 1234567 "
                          "E-Mail: presse@example.com")]
    about = [Block("head", "Über Example GmbH"),
             Block("p", "Die Example GmbH ist ein führender Anbieter von Industrielösungen mit "
                        "Sitz in Berlin. Das Unternehmen beschäftigt weltweit rund 12.000 "
                        "Mitarbeiterinnen und Mitarbeiter in 40 Ländern.")]
    story = [Block("p", t) for t in _RAD]
    kept = clean_blocks([*story, *contact, *about], PageHints(titles=(), description=""))
    assert kept == story


def test_a_french_chapo_is_a_standfirst() -> None:
    assert _led(_page(f"<p class='article__chapo'>{_LEAD}</p>")) == [_LEAD, *_STORY]


def test_an_h1_no_title_names_still_leaves_the_articles_header_standfirst() -> None:
    # the <title> is the site's name only: the <h1> is set aside, the article's header is not
    page = ("<html><head><title>Gazette</title></head><body><header class='site-header'>"
            "<p class='site-description'>Independent news for the Example Valley since 1887, owned "
            "and read by the people who live in it.</p></header><article><header>"
            f"<h1>Lighthouse keeper's cottage opens as a museum</h1><p class='intro'>{_LEAD}</p>"
            "</header>" + "".join(f"<p>{p}</p>" for p in _STORY) + "</article></body></html>")
    assert _led(page) == [_LEAD, *_STORY]


# --------------------------------------------------------------------------- review 3

_SECTIONS = [
    "Road repairs take the largest share of the money, with crews due to start on the east side "
    "of the city in June.",
    "Residents there have complained for years about potholes, and the council promised to fix "
    "the worst streets first.",
    "The two new libraries will be built in neighborhoods that currently have none, according to "
    "the plan approved.",
    "Construction is expected to take about eighteen months, and both buildings should open to "
    "the public in 2026.",
]
_STORY_URL = "https://example.com/politics/2024/05/story.html"


def _sections_page(roads: str, libraries: str) -> str:
    s = _SECTIONS
    return (
        "<html><head><title>Council approves budget after long debate | Example News</title>"
        "</head><body><header class='site-header'><a href='/'>Example News</a><nav>"
        "<a href='/politics'>Politics</a> <a href='/sport'>Sport</a></nav></header><main><article>"
        "<h1>Council approves budget after long debate</h1><div class='article-body'>"
        + "".join(f"<p>{p}</p>" for p in _STORY)
        + "<h3>Read more</h3><ul><li><a href='/politics/2024/04/tax'>Council debates new tax on "
        "small businesses</a></li><li><a href='/politics/2024/03/mayor'>Mayor presents first "
        "draft of the budget</a></li></ul>"
        f"<section><h2>{roads}</h2><p>{s[0]}</p><p>{s[1]}</p></section>"
        f"<section><h2>{libraries}</h2><p>{s[2]}</p><p>{s[3]}</p></section>"
        "</div></article></main><footer>(c) Example</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("roads", "libraries"),
    [
        # linked subheadings of an article's sections
        ("<a href='/topics/roads'>Roads</a>", "<a href='/topics/libraries'>Libraries</a>"),
        # a heading's permalink to a part of this page
        (f"Roads <a class='anchor' href='{_STORY_URL}#roads'>¶</a>",
         f"Libraries <a class='anchor' href='{_STORY_URL}#lib'>¶</a>"),
    ],
)
def test_sections_with_linked_subheadings_keep_their_prose(roads: str, libraries: str) -> None:
    tree = load_html(_sections_page(roads, libraries).encode())
    text = extract_body(tree, _STORY_URL, article_objects=[]).text
    for sentence in [*_STORY, *_SECTIONS]:
        assert sentence in text


def test_card_summaries_need_a_whole_linked_heading_to_another_page() -> None:
    from scraper.extract.blocks import _card_texts, _key

    summary = ("The city wants to build 2,000 flats on the old docks by 2030, but residents fear "
               "rising rents and the loss of the fish market.")

    def cards(head: str, extra: str = "", head_tags: str = "") -> frozenset[str]:
        page = (f"<html><head>{head_tags}</head><body><div class='c'><h3>{head}</h3>"
                f"<p>{summary}</p>{extra}</div></body></html>")
        return _card_texts(lxml.html.fromstring(page), _STORY_URL)

    assert cards("<a href='/harbour'>Harbour plan</a>") == {_key(summary)}
    # a link to this very page, or a permalink beside the heading's words
    assert cards(f"<a href='{_STORY_URL}'>Harbour plan</a>") == frozenset()
    assert cards("<a href='/politics/2024/05/story.html'>Harbour plan</a>") == frozenset()
    assert cards("<a href='https://example.com/s'>Harbour plan</a>",
                 head_tags="<link rel='canonical' href='https://example.com/s'>") == frozenset()
    assert cards(f"Harbour plan for the docks <a href='{_STORY_URL}#h'>¶</a>") == frozenset()
    assert cards("Harbour plan for the docks <a href='/other'>¶</a>") == frozenset()
    # a section: a subheading and two paragraphs
    assert cards("<a href='/harbour'>Harbour plan</a>", f"<p>{summary} Again.</p>") == frozenset()


def test_card_texts_read_little_of_nested_boxes() -> None:
    from scraper.extract.blocks import _card_texts

    depth = 120
    boxes = "".join(f"<div><h2><a href='/s{i}'>Story {i}</a></h2><div>" for i in range(depth))
    page = ("<html><body>" + boxes + "<p>" + "word " * 400_000 + "</p>" + "</div></div>" * depth
            + "</body></html>")
    tree = lxml.html.fromstring(page)
    start = time.perf_counter()
    assert _card_texts(tree) == frozenset()
    assert time.perf_counter() - start < 0.4  # was ~3 s: each box read all the text below it


@pytest.mark.parametrize(
    "before",
    [
        # a player's description after an embed, a picture's text in a wrapper beside it
        ("<div class='embed-wrapper'><div class='embed'><iframe src='https://www.youtube.com/"
         f"embed/x'></iframe></div><p class='description'>{_LEAD}</p></div>"),
        ("<div class='article-picture'><img src='/a.jpg' alt=''></div><div class='picture-text'>"
         f"<p class='description'>{_LEAD}</p></div>"),
        # hidden boxes
        f"<p class='summary' hidden>{_LEAD}</p>",
        f"<div class='article-summary' style='display: none'>{_LEAD}</div>",
        f"<div class='wrap' style='visibility:hidden'><p class='intro'>{_LEAD}</p></div>",
        f"<div class='teaser-text' aria-hidden='true'>{_LEAD}</div>",
        # boxes beside the article by their ARIA role
        f"<div role='complementary' class='box'><p class='intro'>{_LEAD}</p></div>",
        f"<div role='dialog'><p class='intro'>{_LEAD}</p></div>",
        # an author's bio, a podcast's promo, an editor's note
        ("<div class='byline'><span>By <a href='/authors/jane'>Jane Doe</a></span>"
         f"<p class='description'>{_LEAD}</p></div>"),
        f"<div class='podcast-box'><p class='teaser-text'>{_LEAD}</p><a href='/p'>Listen</a></div>",
        f"<div class='editorial-note'><p class='intro'>{_LEAD}</p></div>",
        f"<div class='contributor'><p class='intro'>{_LEAD}</p></div>",
        f"<div class='disclosure'><p class='intro'>{_LEAD}</p></div>",
        f"<div class='author-bio'><p class='summary'>{_LEAD}</p></div>",
    ],
)
def test_no_standfirst_from_media_texts_hidden_or_side_boxes(before: str) -> None:
    assert _led(_page(before)) == _STORY


def test_a_standfirst_after_a_picture_with_its_caption_is_kept() -> None:
    # text between the picture and the candidate: the picture has its own caption
    before = (f"<div class='pic'><img src='/a.jpg'></div><p>The cottage in May.</p>"
              f"<p class='intro'>{_LEAD}</p>")
    assert _led(_page(before)) == [_LEAD, *_STORY]


@pytest.mark.parametrize(
    "media",
    [
        "<div class='share-bar'><img src='/i/fb.svg' alt='Facebook'><img src='/i/x.svg'></div>",
        "<img src='/p.gif' width='1' height='1'>",
        "<a href='/sponsor'><img src='/sponsor.png'></a>",
        "<div class='ad-slot'><iframe src='https://ads.example/frame'></iframe></div>",
    ],
)
def test_icons_pixels_and_ad_frames_are_no_pictures_to_caption(media: str) -> None:
    """Only a story's picture, video, audio or video embed makes the text under it a caption."""
    assert _led(_page(f"{media}<p class='standfirst'>{_LEAD}</p>"))[0] == _LEAD


def test_a_hidden_page_wrapper_hides_no_standfirst() -> None:
    """An anti-flicker style or a modal's aria-hidden on <main> or <body> is the page's state,
    not a hidden box: only hiding below the box around headline and body counts."""
    for html in (
        _page(f"<p class='standfirst'>{_LEAD}</p>").replace("<main>", "<main aria-hidden='true'>"),
        _page(f"<p class='standfirst'>{_LEAD}</p>").replace(
            "<body>", "<body style='visibility:hidden'>"),
    ):
        assert _led(html)[0] == _LEAD


def test_card_texts_do_not_walk_boxes_of_empty_elements() -> None:
    """A box of thousands of text-free elements is read up to TEXT_UPTO_ELEMENTS, not to its end."""
    from scraper.extract import extract_article
    from scraper.extract.blocks import TEXT_UPTO_ELEMENTS, _text_upto

    box = lxml.html.fromstring("<div>" + "<i></i>" * (TEXT_UPTO_ELEMENTS + 5) + "</div>")
    assert _text_upto(box, 400) is None
    small = lxml.html.fromstring("<div><i></i><p>A short summary of another story.</p></div>")
    assert _text_upto(small, 400) == "A short summary of another story."
    nested = "".join(
        f"<div><h2><a href='/news/{i}'>Story {i}</a></h2><div>" for i in range(60)
    ) + "<i></i>" * 3000 + "</div></div>" * 60
    started = time.perf_counter()
    extract_article(_page(nested).encode(), "https://gazette.example/culture/cottage-1")
    assert time.perf_counter() - started < 3.0  # ~0.1 s; seconds per call before the bound


@pytest.mark.parametrize("box", ["tts", "read-aloud", "listen-box", "article-speech"])
def test_a_read_aloud_box_holds_no_standfirst(box: str) -> None:
    """A text-to-speech player's blurb ("This article is read aloud...") is no standfirst."""
    blurb = "This article is read aloud by a synthetic voice; the text below is the original story."
    page = _page(f"<div class='{box}'><button>Listen</button><p class='intro-text'>{blurb}</p></div>")
    assert blurb not in _led(page)


def test_a_broken_canonical_address_costs_nothing() -> None:
    """An unreadable rel=canonical (a bad IPv6 literal) is skipped, not raised: the page's
    own addresses are its URL and its readable og:url."""
    from scraper.extract.blocks import _own_urls

    tree = lxml.html.fromstring(
        '<html><head><link rel="canonical" href="http://[::1/x">'
        '<meta property="og:url" content="/news/story-1#top"></head><body></body></html>'
    )
    assert _own_urls(tree, "https://e.com/news/story-1?x=1") == {
        "https://e.com/news/story-1?x=1", "https://e.com/news/story-1"}


# --- fast paths that must give what the plain patterns give -------------------------------------

TRICKY_TEXTS = [
    "", " ", "Plain words only", "Hello,  World!", "tab\tand\u00a0nbsp", "zero\u200bwidth",
    "under_score", "İstanbul ßtraße", "ﬁne ligature", "line\nbreak\r\n", "\x1c\x1fcontrol",
    "  lead and trail  ", "Ünïcödé – dash — and … ellipsis", "数字 123 漢字", "a\u3000b\u202fc",
    "lone \ud800 surrogate (JSON-LD)", "ASCII, Only: 42_x\t\x0b.",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_fast_folding_and_collapsing_match_the_patterns(text: str) -> None:
    import re

    from scraper.extract import blocks, density

    assert blocks._fold(text) == blocks._NORM.sub("", text.casefold())
    assert blocks._collapse(text) == blocks._WS.sub(" ", text)
    assert density._collapse(text) == re.sub(r"\s+", " ", text).strip()


def test_lazy_keys_are_the_set_of_keys_without_the_empty_one() -> None:
    from scraper.extract.blocks import _key, _Keys

    texts = ["World", "World!", "Sport & More", "—", "Sport & more"]
    keys = _Keys(texts)
    expected = frozenset(_key(t) for t in texts) - {""}
    assert "world" in keys and "" not in keys and "sportmore" in keys
    assert keys == expected and len(keys) == len(expected) and set(keys) == expected
    assert hash(keys) == hash(expected)


def test_hints_of_another_tree_do_not_lend_it_their_headline() -> None:
    """page_hints keeps the <h1> elements it met; with_lead on another tree (the same page
    without its standfirst) must read that tree, not the one the hints came from."""
    story = ("The vote was close, with eleven councillors for and nine against the plan, after "
             "a debate of three hours.")
    lead = "The council voted on Monday to keep the old ferry in service for another ten years."
    a = (f"<html><body><h1>Ferry stays</h1><div class='intro'><p>{lead}</p></div>"
         f"<div class='text'><p>{story}</p></div></body></html>")
    b = a.replace(f"<div class='intro'><p>{lead}</p></div>", "")
    hints = page_hints(lxml.html.fromstring(a), [])
    assert [blk.text for blk in with_lead(lxml.html.fromstring(a), [Block("p", story)], hints)] == [
        lead, story]
    assert [blk.text for blk in with_lead(lxml.html.fromstring(b), [Block("p", story)], hints)] == [
        story]


def test_an_element_tree_is_read_from_its_root() -> None:
    """lxml.html.parse() gives an ElementTree, not an element: extract_body reads its root."""
    import io

    html = ("<html><body><h1>Ferry stays</h1><article>" + "<p>The council voted on Monday to "
            "keep the old ferry in service for another ten years, after a long debate.</p>" * 6
            + "</article></body></html>")
    doc = lxml.html.parse(io.StringIO(html))
    result = extract_body(doc, "https://news.example.com/ferry", article_objects=[])
    assert result.text.startswith("The council voted on Monday") and result.source == "trafilatura"


def test_short_link_keys_combine_like_a_frozenset() -> None:
    """labels / short_links are folded lazily; set algebra on them gives plain frozensets."""
    hints = page_hints(lxml.html.fromstring(
        "<html><body><nav><a href='/sport'>Sport News</a></nav><h1>T</h1></body></html>"), [])
    assert "sportnews" in hints.short_links or "sportnews" in hints.labels
    both = hints.labels | {"Sport News"}
    assert isinstance(both, frozenset) and "Sport News" in both and "sportnews" in both


def test_hints_without_a_headline_say_nothing_of_another_tree() -> None:
    """Hints from a tree with no <h1> cannot vouch for another tree's headline: with_lead on
    the other tree reads its own <h1> (an intro above it is no standfirst)."""
    lead = ("The cottage below the lighthouse opens as a museum this weekend after three winters "
            "of restoration work by volunteers.")
    story = ["The white cottage below the lighthouse opened its doors to visitors on Saturday "
             "morning, after three winters of work by a volunteer society.",
             "Inside, the keeper's logbooks lie open on the desk where they were written, and "
             "the stove has been cast again from the old drawings."]
    b = ("<html><head><title>Lighthouse keeper's cottage opens as a museum</title></head><body>"
         f"<main><p class='story-intro'>{lead}</p><h1>Lighthouse keeper's cottage opens as a "
         "museum</h1>" + "".join(f"<p>{p}</p>" for p in story) + "</main></body></html>")
    a = b.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    tree = lxml.html.fromstring(b)
    blocks = [Block("p", t) for t in story]
    own = [blk.text for blk in with_lead(tree, blocks, page_hints(tree, []))]
    assert own == story
    assert [blk.text for blk in with_lead(tree, blocks, page_hints(lxml.html.fromstring(a), []))] == own


def test_pruning_a_page_of_many_hidden_icons_takes_linear_time() -> None:
    """PRUNE_XPATH over 100,000 hidden icons: one walk (a union of attribute-node paths took
    6 s here, libxml2 merging its node sets in quadratic time). Counted, not timed: the walk
    finds every icon once, and the expression holds no union."""
    from lxml import etree

    from scraper.extract.body import PRUNE_XPATH

    icons = '<i aria-hidden="true"></i>' * 100_000
    tree = load_html(
        f"<html><body><div>{icons}</div><figure><figcaption>c</figcaption></figure></body></html>"
    )
    found = etree.XPath(PRUNE_XPATH[0])(tree)
    assert len(found) == 100_001 and found[-1].tag == "figcaption"
    assert all("|" not in expression for expression in PRUNE_XPATH)


def test_a_newline_in_a_paragraphs_source_does_not_split_it() -> None:
    """Source line breaks inside a ``<p>`` are spaces (a link wrapping an icon, a hard-wrapped
    paragraph); ``<br>`` still breaks and ``<pre>`` keeps its lines."""
    html = (
        "<html lang='de'><head><title>Aktion</title></head><body>"
        "<svg width='0' height='0'>\n  <svg id='cart' viewbox='0 0 80 76'>\n  </svg>\n</svg>\n"
        "<p>Wirklich profitieren können davon aktuell nur <a href='https://shop.example/vip'>\n"
        "   <svg class='icon'>\n    <use href='#cart'></use>\n   </svg> VIP-Mitglieder</a>, was "
        "allerdings mit wenigen Klicks erledigt ist, denn die Anmeldung ist kostenlos.</p>\n"
        "<p>Die Aktion läuft von Montag, den 1. Mai bis einschließlich\nSonntag, den 7. Mai, "
        "solange der Vorrat bei den\nGratiszugaben reicht, und gilt in allen Filialen.</p>\n"
        "<p>Die Gratiszugaben gibt es ab einem Bestellwert von 40 Euro.<br>Ab 85 Euro kommt eine "
        "Sammelmünze dazu, die es sonst nirgends zu kaufen gibt.</p>\n"
        "<p>Wer mehr wissen will, liest die Bedingungen<script>var note = 'a\nb';</script> im "
        "Shop nach, wo sie seit Montag stehen und jederzeit abrufbar sind.</p>\n"
        "<pre>make\nmake install</pre></body></html>"
    )
    tree = load_html(html.encode())
    text = extract_body(tree, URL, article_objects=[]).text
    paragraphs = text.split("\n\n")
    assert ("Wirklich profitieren können davon aktuell nur VIP-Mitglieder, was allerdings mit "
            "wenigen Klicks erledigt ist, denn die Anmeldung ist kostenlos.") in paragraphs
    assert ("Die Aktion läuft von Montag, den 1. Mai bis einschließlich Sonntag, den 7. Mai, "
            "solange der Vorrat bei den Gratiszugaben reicht, und gilt in allen Filialen."
            ) in paragraphs
    assert "Die Gratiszugaben gibt es ab einem Bestellwert von 40 Euro." in paragraphs
    assert tree.xpath("string(//pre)") == "make\nmake install"
    assert tree.xpath("string(//script)") == "var note = 'a\nb';"


def test_an_article_split_by_ad_slots_is_whole() -> None:
    """Paragraphs in two containers with an ad between them (and "sidebar" in their class):
    trafilatura's first pass takes only the first container; the page's other prose shows it."""
    result = body_of("split_by_ads.html")
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0].startswith("THE VALLEY — The regional council voted on Tuesday")
    assert paragraphs[-1] == ("The first night train is due to leave the valley station on the "
                              "first Friday of June, with a brass band on the platform to see it off.")
    assert len(paragraphs) == 11
    for junk in ("Advertisement", "Most read", "Bridge closed", "All rights reserved", "Ana Ruiz"):
        assert junk not in result.text


def test_a_container_of_paragraphs_in_trafilaturas_output_gives_its_paragraphs() -> None:
    """trafilatura's slower pass hands back readability's ``<div>`` whole: its paragraphs,
    table and loose text must stay blocks of their own, not one run-together line."""
    from lxml import etree

    from scraper.extract.body import _blocks_from_xml

    body = etree.fromstring(
        "<body><div>Lead text of the box<p>First paragraph.</p><p>Second paragraph.</p>"
        "loose words <hi>in bold</hi> after<table><row><cell>a</cell><cell>b</cell></row>"
        "</table></div>"
        "<div>A div of text only<lb/>on two lines</div><p>Third paragraph.</p></body>"
    )
    assert [(b.kind, b.text) for b in _blocks_from_xml(body)] == [
        ("p", "Lead text of the box"),
        ("p", "First paragraph."),
        ("p", "Second paragraph."),
        ("p", "loose words in bold after"),
        ("p", "a | b"),
        ("p", "A div of text only"),
        ("p", "on two lines"),
        ("p", "Third paragraph."),
    ]


_OTHER = ("<p>Another story entirely, about a harbour festival that drew thousands of visitors "
          "to the quay over the weekend despite the rain and the closed bridge.</p>") * 6
_SAME_CLASS = "<div class='sidebar-grid__content article__content'>{}</div>"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the next story of an endless page: its own <article>, or its own <h1>
        ("</main>", "<article><h1>Harbour festival draws crowds</h1>"
         "<div class='sidebar-grid__container'>" + _SAME_CLASS.format(_OTHER) + "</div></article>"
         "</main>"),
        ("</main>", "<section><h1>Harbour festival draws crowds</h1>"
         "<div class='sidebar-grid__container'>" + _SAME_CLASS.format(_OTHER) + "</div></section>"
         "</main>"),
        # under an <h2> linked to it (a fragment or a picture in the link is still a link), and
        # the first story in no <article> either
        ('<article class="article">', '<div class="article">|<a href="/news/harbour-festival">'
         'Harbour festival draws crowds</a>'),
        ('<article class="article">', '<div class="article">|<a href="/news/harbour#main">'
         'Harbour festival draws crowds</a>'),
        ('<article class="article">', '<div class="article">|<a href="/news/harbour">'
         '<img src="/h.jpg" alt=""></a>'),
        # reader comments and a related box that use the article's class
        ("</article>", "</article><section id='comments'><ol>" + "".join(
            "<li class='comment'>" + _SAME_CLASS.format(_OTHER[: len(_OTHER) // 6]) + "</li>"
            for _ in range(6)) + "</ol></section>"),
        ("</article>", "<aside class='related'>" + _SAME_CLASS.format(_OTHER) + "</aside></article>"),
        # boxes whose class also says they are hidden or about subscribing are still boxes
        ("</article>", "<div class='comments is-hidden'><h3>3 comments</h3>"
         + _SAME_CLASS.format(_OTHER) + "</div></article>"),
        ("</article>", "<div class='sidebar hidden-xs'>" + _SAME_CLASS.format(_OTHER)
         + "</div></article>"),
        ("</article>", "<div class='newsletter-subscribe'>" + _SAME_CLASS.format(_OTHER)
         + "</div></article>"),
        # a wrapper of its own under a heading of its own: a "Read also" section
        ("</article>", "<section><h3>Read also</h3>" + _SAME_CLASS.format(_OTHER)
         + "</section></article>"),
    ],
)
def test_only_the_articles_own_containers_continue_it(before: str, after: str) -> None:
    """Containers of the article's class that are not its continuation: the next story (its own
    ``<article>`` or headline), reader comments, a related box."""
    page = (FIXTURES / "split_by_ads.html").read_text("utf-8").replace(before, after.split("|")[0])
    if before.startswith("<article"):  # the next story under its linked <h2>, no <article>
        page = page.replace("</article>", "</div>").replace(
            "</main>", f"<h2>{after.split('|')[1]}</h2>"
            "<div class='sidebar-grid__container'>" + _SAME_CLASS.format(_OTHER) + "</div></main>")
    text = extract_body(load_html(page.encode()), URL, article_objects=[]).text
    assert "harbour festival" not in text
    assert text.startswith("THE VALLEY — The regional council voted on Tuesday")
    assert text.endswith("with a brass band on the platform to see it off.")


_AD_SLOT = '<div class="ad full-bleed ad__instory">'
_SECOND = ('</div>\n  <div class="ad full-bleed ad__instory"><span class="ad-label">Advertisement'
           '</span><div id="instory"></div></div>\n  <div class="sidebar-grid__container">')


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Councillors from every party", "Councillors from&nbsp;every party"),  # NBSP in the head
        ("backed the plan, although", "backed the plan,<br>although"),  # the block is a line
        # headings between the containers: a plain subheading, a box's title, an ad label
        (_AD_SLOT, "<h2>What happens next</h2>" + _AD_SLOT),
        ('<aside class="sidebar-grid__sidebar"><div class="ad ad-is-sticky">',
         '<aside class="sidebar-grid__sidebar"><h3>Most read</h3><div class="ad ad-is-sticky">'),
        ('<span class="ad-label">Advertisement</span><div id="instory">',
         '<h3 class="ad-label">Advertisement</h3><div id="instory">'),
        (_AD_SLOT, "<div class='inline-related'><h2>Read also</h2><a href='/news/x'>Bridge closed "
         "for inspections</a></div>" + _AD_SLOT),
        # a chapter of its own under its title is the article's
        (_SECOND, _SECOND.replace('<div class="sidebar-grid__container">',
                                  '<section class="chapter"><h2>What happens next</h2>'
                                  '<div class="sidebar-grid__container">')),
        # subheadings with a permalink or a linked word are no next story's teaser
        (_AD_SLOT, "<h2>Why it matters <a href='#why'>#</a></h2>" + _AD_SLOT),
        (_AD_SLOT, "<h2>What <a href='/topic/rail'>rail</a> policy means for the valley</h2>"
         + _AD_SLOT),
        # the rest behind a soft paywall's wrapper
        (_SECOND, _SECOND.replace('<div class="sidebar-grid__container">',
                                  '<div class="paywall-content"><div class="sidebar-grid__container">')),
        (_SECOND, _SECOND.replace('<div class="sidebar-grid__container">',
                                  '<div class="premium" aria-hidden="true">'
                                  '<div class="sidebar-grid__container">')),
        # the story in a list item of a story list: the <p> and its <li> both hold the text
        ('<article class="article">', '<ul class="stories"><li class="story"><article class="article">'),
    ],
)
def test_the_continuation_is_found_around_odd_markup(before: str, after: str) -> None:
    page = (FIXTURES / "split_by_ads.html").read_text("utf-8")
    assert before in page
    page = page.replace(before, after)
    if "paywall-content" in after or "premium" in after:
        page = page.replace("</article>", "</div></article>")
    if "chapter" in after:
        page = page.replace("</article>", "</section></article>")
    if "stories" in after:
        page = page.replace("</article>", "</article></li></ul>")
    text = extract_body(load_html(page.encode()), URL, article_objects=[]).text
    assert text.endswith("with a brass band on the platform to see it off.")
    assert "The rail operator said it would use two of its older carriages" in text


def test_the_video_players_no_script_notice_is_not_in_a_jsonld_body() -> None:
    notice = ("To view this video please enable JavaScript, and consider upgrading to a web\n"
              "\t\t\tbrowser that\n\t\t\tsupports HTML5\n\t\t\t\tvideo")
    page = (FIXTURES / "jsonld_complete.html").read_text("utf-8")
    page = page.replace('"articleBody": "Orchard growers',
                        '"articleBody": "' + notice.replace("\n", "\\n").replace("\t", "\\t")
                        + '\\n\\nOrchard growers', 1)
    tree = load_html(page.encode())
    assert notice.split("\n")[0] in "".join(tree.xpath("//script/text()"))
    result = extract_body(tree, URL, article_objects=article_objects(jsonld_objects(tree)))
    assert result.source in ("jsonld", "trafilatura+jsonld")
    assert result.text.startswith("Orchard growers across the valley expect")
    assert "HTML5" not in result.text and "browser that" not in result.text


def test_summaries_of_teaser_cards_that_are_one_link_are_out() -> None:
    """A "You might also like" card that is one link (headline, date and a long summary inside
    the <a>): a block holding its summary is a teaser. A card for this very article (another
    address, its headline in it) does not take the article's own words out."""
    paras = [
        "The regional council voted on Tuesday to pay for a night train between the valley "
        "towns and the coast, ending a decade of arguments about who should carry the cost.",
        "Students had campaigned for the service for years, saying the last evening train left "
        "the coast too early for anyone who worked in the harbour's restaurants at night.",
    ]
    summary = ("An official said that with the harbour works so close to the station, it is "
               "unclear whether the bridge will reopen before the summer season")

    def card(href: str, title: str, text: str) -> str:
        return (f"<li><a href='{href}'><div><h1>{title}</h1><div class='date'>2024-10-14</div>"
                f"<p><font class='red'>RISK REMAINS: </font>{text}</p></div></a></li>")

    html = (
        "<html lang='en'><head><title>Council backs night trains</title></head><body><main>"
        "<article><h1>Council backs night trains</h1>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article><div class='box'><h2>You might also like</h2><ul>"
        + card("/news/bridge", "Bridge closed for inspections", summary)
        + card("/news/2024/night-trains?ref=similar", "Council backs night trains", paras[1])
        + "</ul></div></main></body></html>"
    )
    url = "https://news.example.org/news/night-trains"
    hints = page_hints(load_html(html.encode()), [], url)
    blocks = [Block("p", paras[0]), Block("p", paras[1]), Block("p", summary)]
    assert [b.text for b in clean_blocks(blocks, hints)] == paras
    assert summary in [b.text for b in clean_blocks(blocks, PageHints(titles=(), description=""))]


@pytest.mark.parametrize("signoff", ["(dmk)", None])
def test_a_read_also_box_before_the_last_paragraph(signoff: str | None) -> None:
    """A "Lesen Sie auch" box, then one long paragraph and the author's sign-off: the box sat
    inside the text, and its teaser (a link whose text goes on: "... heise Security") is out.
    Without the sign-off a lone paragraph after such a box is as often an author's bio: cut."""
    from scraper.extract.blocks import _key

    prose = [
        "Die Verbraucherzentrale warnt vor einer neuen Welle von Betrugs-Mails, die angeblich "
        "von einem großen Webhoster stammen und eine Zustimmung zu neuen Richtlinien verlangen.",
        "Die Mails sprechen die Empfänger mit ihrem Namen an, was sie für viele überzeugend "
        "wirken lässt; die Absenderadresse verrät die Fälschung jedoch auf den ersten Blick.",
    ]
    last = ("Am Donnerstag dieser Woche haben internationale Strafverfolger eine große Plattform "
            "für Phishing-Dienste vom Netz genommen. Natürlich ist unklar, ob die aktuelle Welle "
            "über diese Plattform gestartet wurde, die Ermittler prüfen das nun.")
    teaser = "Europol nimmt Phishing-Dienste-Plattform vom Netz"
    blocks = [Block("p", t) for t in prose] + [Block("head", "Lesen Sie auch"),
                                              Block("head", teaser), Block("p", last)]
    if signoff:
        blocks.append(Block("p", signoff))
    hints = PageHints(titles=(), description="",
                      links=frozenset({_key(teaser + " heise Security")}))
    kept = [b.text for b in clean_blocks(blocks, hints)]
    assert kept == ([*prose, last] if signoff else prose)


def test_paragraphs_behind_a_soft_paywall_marked_aria_hidden_are_kept() -> None:
    """The text after the first paragraph is in the page but marked ``aria-hidden`` for the
    paywall: it is the article's (an archive keeps it); a hidden icon is still pruned.
    (trafilatura drops them too unless they are most of the text, as here.)"""
    paras = [
        "Google has been synonymous with search for more than 25 years, and so how it "
        "reimagines search matters to nearly everyone who uses the web every day.",
        "The company says the change it unveiled on Tuesday is the biggest upgrade to its "
        "search box since the box first appeared, more than two decades ago.",
        "The new box grows as people type, and it accepts pictures and files as well as words, "
        "according to a demonstration shown to reporters before the launch.",
        "That is heady, terrifying, and maybe a bit of hyperbole: what is promised is a new "
        "search box that expands to support the most long-winded questions.",
        "Using this new search box does not mean that you will only get answers written by "
        "a machine, the company's head of search said at the launch on Tuesday.",
        "The features will reach users in the United States first, and other countries and "
        "languages will follow over the coming months, the company said.",
        "Rivals have moved in the same direction over the past year, and the company's share "
        "of the search market has slipped a little for the first time in a decade.",
        "Publishers worry that fewer readers will click through to their pages when the "
        "answers are written on the results page itself, several of them told us.",
    ]
    html = (
        "<html lang='en'><head><title>A new search box</title></head><body><article>"
        "<h1>A new search box</h1>"
        f"<p>{paras[0]} <i class='icon' aria-hidden='true'>⭐ favourite</i></p>"
        + "".join(f"<p class='paywall' aria-hidden='true'>{p}</p>" for p in paras[1:])
        + "</article></body></html>"
    )
    text = extract_body(load_html(html.encode()), URL, article_objects=[]).text
    assert text.split("\n\n") == paras


def test_soft_hyphens_are_not_kept_in_the_body() -> None:
    """The page's hyphenation hints (U+00AD) would cut words in two for full-text search."""
    para = ("Auch in die\u00adsem Jahr wol\u00adlen wir Sie in eine andere Zeit ent\u00adfüh\u00adren, "
            "in die Zeit unse\u00adrer Groß\u00advä\u00adter, mit Markt, Musik und Hand\u00adwerk.")
    html = ("<html lang='de'><head><title>Historischer Markt</title></head><body><article>"
            "<h1>Historischer Markt in der Wehranlage</h1>"
            + f"<p>{para}</p>" * 4 + "</article></body></html>")
    text = extract_body(load_html(html.encode()), URL, article_objects=[]).text
    assert "\u00ad" not in text
    assert text.split("\n\n")[0] == para.replace("\u00ad", "")


# --------------------------------------------------------------------------- bodies in script data


def _paragraphs(result: BodyResult) -> list[str]:
    return result.text.split("\n\n")


def test_app_router_body_split_over_two_pushes_is_read_from_the_flight_data() -> None:
    """Next.js App Router: the DOM holds a menu and a footer; the article's HTML is a string in a
    flight row that two ``self.__next_f.push`` calls carry, cut in the middle of a paragraph."""
    result = body_of("nextjs_app_router.html")
    assert result.source == "embedded"
    assert _paragraphs(result) == [
        "The night train between Eastford and the valley towns will run again from next month, "
        "the regional transport authority announced on Thursday after a two-year pause.",
        "Officials said the service had been stopped when the operator ran out of sleeper "
        "carriages, and that three refurbished carriages bought from a northern line would now "
        "close the gap.",
        "Tickets go on sale in May",
        "Fares will match the daytime service for seats, while a berth in a shared compartment "
        'will cost a supplement that the authority called "modest" without giving a figure.',
        'Commuters who relied on the late connection told the "Courier" that the pause had forced '
        "them to drive or to stay overnight in the city, and most welcomed the news.",
        "The first train is due to leave Eastford at a quarter to midnight on the first Friday of "
        "next month, with a stop at every station along the valley.",
    ]


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Read more",  # a link list inside the embedded HTML
        "Bus fares to rise",
        "Sign up for our free newsletter",  # a newsletter box inside it
        "Photo: Rail Archive",  # a caption
        "Night trains return to the valley line",  # the headline, in another flight row
        "All rights reserved",  # the DOM's footer
        "react.fragment", "ArticleShell", "__html", "className", "<", "\\",  # script text, markup
    ],
)
def test_app_router_boilerplate_and_script_text_are_out(boilerplate: str) -> None:
    assert boilerplate not in body_of("nextjs_app_router.html").text


def test_a_flight_text_row_split_inside_a_tag_is_joined_by_its_byte_length() -> None:
    """A flight text row (``24:T<bytes in hex>,`` then the HTML, no line end) that two pushes
    cut inside a tag; the row after it is read from where the byte count ends."""
    story = ("<p>The café by the old bridge reopened on Friday under a new owner, who kept the "
             "name, the menu and the two waiters who had worked there for twenty years.</p>"
             "<p class='x'>Regulars said the coffee was as strong as ever, and the cakes a little "
             "smaller, which the new owner promised to put right by the summer.</p>"
             "<p>The café opens at seven every day but Monday.</p>")
    stream = (f'1:"$Sreact.fragment"\n24:T{len(story.encode()):x},{story}'
              '25:["$","p",null,{"children":"A row after the text row."}]\n')
    cut = stream.index("='x'>")
    escaped = [json.dumps([1, part]).replace("<", "\\u003c") for part in (stream[:cut], stream[cut:])]
    pushes = "".join(f"<script>self.__next_f.push({part})</script>" for part in escaped)
    tree = load_html(f"<html><body><nav><a href='/'>Home</a></nav>{pushes}</body></html>")
    result = extract_body(tree, URL, article_objects=[])
    assert result.source == "embedded"
    assert _paragraphs(result) == [
        "The café by the old bridge reopened on Friday under a new owner, who kept the name, the "
        "menu and the two waiters who had worked there for twenty years.",
        "Regulars said the coffee was as strong as ever, and the cakes a little smaller, which "
        "the new owner promised to put right by the summer.",
        "The café opens at seven every day but Monday.",
    ]


def test_next_data_body_field_is_the_body_and_its_teasers_are_not() -> None:
    result = body_of("next_data.html")
    assert result.source == "embedded"
    assert result.text.startswith(
        "After eleven years behind scaffolding, the old wool mill on the river opened its doors "
        "on Saturday as a museum of weaving, with looms that visitors can work themselves."
    )
    assert result.text.endswith(
        "Entry is free for children, and the café on the ground floor serves bread baked in the "
        "mill's restored oven."
    )
    assert "Looms from three centuries" in _paragraphs(result)
    assert "The old mill is a museum now." not in result.text
    assert "Thousands came for the music." not in result.text


def test_fusion_content_elements_are_one_text_in_parts() -> None:
    """Fusion's ``content_elements``: one element a paragraph (inline markup, no <p>); images
    and the related stories' headlines are no part of it."""
    result = body_of("fusion_content.html")
    assert result.source == "embedded"
    assert _paragraphs(result) == [
        "The reservoirs that supply the valley are at half their usual level after the driest "
        "summer in forty years, the water board said on Tuesday.",
        "Households are asked to save water where they can, though the board ruled out a "
        "hosepipe ban for now.",
        "Rain forecast for October",
        "Forecasters expect heavy rain in the first weeks of October, which the board said would "
        "refill the reservoirs by the end of the year.",
    ]


def test_a_server_rendered_article_never_reads_its_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The DOM's article is the body, untouched by the teasers and the next story that the
    page's state holds as HTML; the script data is not even read."""
    from scraper.extract import embedded

    def fail(*args: object) -> None:
        raise AssertionError("script data read on a page whose DOM holds the article")

    monkeypatch.setattr(embedded, "embedded_blocks", fail)
    monkeypatch.setattr(embedded, "embedded_candidates", fail)
    result = body_of("server_rendered_state.html")
    assert result.source == "trafilatura"
    assert result.text.startswith(
        "The town library will stay open until nine in the evening on weekdays from the first of "
        "June, after a year in which the number of visitors grew by almost a third."
    )
    assert result.text.endswith(
        "starting with twenty machines that a local firm donated in March."
    )
    for teaser in ("harbour wall", "cycle lane", "Harbour wall repairs begin"):
        assert teaser not in result.text


def test_a_client_rendered_home_page_takes_no_body_from_its_teasers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The state of a home page holds teaser cards (headline, link, a one-line summary in
    <p>) and a ticker of the summaries: found, read, and none of them is an article (a card
    holds a link; the ticker's items are short)."""
    from scraper.extract import embedded

    read: list[list[list[tuple[str, str]]]] = []
    real = embedded.embedded_candidates

    def spy(tree: lxml.html.HtmlElement) -> list[list[tuple[str, str]]]:
        read.append(real(tree))
        return read[-1]

    monkeypatch.setattr(embedded, "embedded_candidates", spy)
    assert body_of("home_state.html") == BodyResult("", None)
    assert [len(candidate) for candidate in read[0]][:1] == [8]  # the ticker, read and refused


def test_the_pieces_of_a_paragraph_around_its_links_are_no_text_in_parts() -> None:
    """A JSON tree of the DOM (``{"type": "p", "children": [...]}``): the text pieces between a
    paragraph's links end no sentence, and are not taken for paragraphs."""
    link = {"type": "a", "attribs": {"href": "/x"}, "children": [{"type": "text", "data": "a link"}]}
    state = {"body": [{"type": "p", "children": [
        {"type": "text", "data": f"Piece {i} of a long sentence about the harbour and the "
                                 "ferries that cross it every day of the week runs on to "},
        link,
        {"type": "text", "data": "and goes on after it with a few more words about the boats "
                                 f"and the people who work on them, {i} times over"},
        link,
        {"type": "text", "data": " until it ends."},
    ]} for i in range(6)]}
    tree = load_html(f"<html><body><div id='app'></div><script>window.__APOLLO_STATE__="
                     f"{json.dumps(state)};</script></body></html>")
    assert extract_body(tree, URL, article_objects=[]) == BodyResult("", None)


def test_of_two_embedded_stories_close_in_length_the_one_the_description_opens_wins() -> None:
    """A page that preloads the next story: the longer one does not win when the page's
    description names the other (a tie-breaker only: both are close in length)."""
    this = "".join(f"<p>The ferry timetable for the summer was published on Monday. Part {i}. "
                   "It has more crossings in the evening than last year.</p>" for i in range(3))
    other = "".join(f"<p>The swimming pool on the seafront will close for repairs in May. Part {i}. "
                    "It will open again in time for the summer holidays.</p>" for i in range(3))
    state = {"preload": {"body": other}, "story": {"body": this}}
    page = ("<html><head><meta name='description' content='The ferry timetable for the summer "
            "was published on Monday.'></head><body><div id='app'></div><script>"
            f"window.__INITIAL_STATE__ = {json.dumps(state)};</script></body></html>")
    result = extract_body(load_html(page), URL, article_objects=[])
    assert result.source == "embedded"
    assert result.text.startswith("The ferry timetable for the summer was published on Monday.")


def test_hostile_script_data_costs_one_bounded_scan() -> None:
    """A 20 MB script of backslashes and quotes (no literal ever closes where a pattern could
    retry from inside it), escapes nested past the decoding limit, and an article after the
    budget of script characters: each page gives its DOM body or none, and never raises.
    (Measured: about 0.1 s each on the 20 MB pages; not timed here.)"""
    from scraper.extract.embedded import LEVELS, MAX_SCRIPT_CHARS, embedded_candidates

    parser = lxml.html.HTMLParser(huge_tree=True)  # else libxml2 drops a 20 MB text node
    dom = "<p>A short note.</p>"
    noise = ['\\\\"' * 7_000_000, '"' + '\\"' * 10_000_000, "x='" + "\\" * 20_000_000 + "'",
             'window.s={"a":"' + '\\u003cp\\u003e\\\\\\"' * 1_000_000]
    for script in noise:
        tree = lxml.html.document_fromstring(
            f"<html><body>{dom}<script>{script}</script></body></html>", parser=parser)
        assert len(tree.find(".//script").text) >= 17_000_000
        assert embedded_candidates(tree) == []
        assert extract_body(tree, URL, article_objects=[]) == BodyResult("A short note.", "trafilatura")

    story = "<p>" + "Words of a story that is readable at any depth of escaping. " * 10 + "</p>"
    nested = story
    for _ in range(LEVELS + 1):  # a literal of a literal of a literal: one level too deep
        nested = json.dumps(nested)
    filler = "window.pad='" + "x" * MAX_SCRIPT_CHARS + "';"
    for script in (f"x={nested};", filler + f"window.s={json.dumps({'body': story})};"):
        tree = lxml.html.document_fromstring(
            f"<html><body><script>{script}</script></body></html>", parser=parser)
        assert extract_body(tree, URL, article_objects=[]) == BodyResult("", None)
    assert extract_body(
        lxml.html.document_fromstring(f"<html><body><script>x={json.dumps(story)};</script>"),
        URL, article_objects=[],
    ).source == "embedded"  # the same story one level down is found


def test_html_templates_and_markup_in_code_are_no_data() -> None:
    """A ``text/x-handlebars-template`` script is HTML, not string data: its markup, read as
    code, would give the pieces between its quotes (an inch mark puts them out of step)."""
    # long enough (paragraphs of 100+ words) that only the type and the quote step refuse it
    prose = " ".join(f"Photographers earn money when agency {i} licenses their pictures for "
                     "campaigns." for i in range(10))
    more = " ".join(f"Agencies pay a fee to photographer {i} for each picture used in print "
                    "and online." for i in range(10))
    template = (f'<div class="box"><h2>Prints up to 30" wide</h2>{{{{#if shown}}}}<p class="lead">'
                f'{prose}</p><p class="{{{{cls}}}}">{more}</p>{{{{/if}}}}</div>')
    page = ("<html><body><div id='app'></div><script type='text/x-handlebars-template' "
            f"id='tmpl-box'>{template}</script></body></html>")
    assert extract_body(load_html(page), URL, article_objects=[]) == BodyResult("", None)
    # the same markup in a script of code: a piece that opens inside a tag ('">Photo...') is none
    code = f"<html><body><div id='app'></div><script>var box = '{template}';</script></body></html>"
    assert extract_body(load_html(code), URL, article_objects=[]) == BodyResult("", None)


def test_reader_comments_in_the_articles_class_are_no_continuation() -> None:
    art = [
        "The council voted on Tuesday to approve the new budget for the coming year, after a "
        "long debate about school funding and roads.",
        "Mayor Jane Smith said the plan would keep taxes flat while adding two new bus routes, "
        "a change residents had asked for since 2019.",
        "The budget takes effect in January, and the council will review spending again in the "
        "summer, officials said on Tuesday evening.",
    ]
    comments = "".join(
        f"<li class='comment'><div class='author'>User{i}</div><div class='text'><p>I have "
        f"lived here for twenty years and I think this budget is a disgrace, number {i}, "
        "because the roads near my house are still full of holes and nobody listens.</p></div>"
        "</li>" for i in range(12))
    html = ("<html><head><title>Council approves budget</title></head><body>"
            "<h1>Council approves budget</h1><div class='text'>"
            + "".join(f"<p>{p}</p>" for p in art)
            + f"</div><section id='comments'><ol>{comments}</ol></section></body></html>")
    text = extract_body(load_html(html.encode()), URL, article_objects=[]).text
    assert text.split("\n\n") == art


@pytest.mark.parametrize(
    "href",
    ["/amp/news/night-trains", "/news/night-trains", "/news/night-trains?page=2",
     "/news/night-trains?mod=most_read_pos1", "/news/night-trains?xtor=RSS-3",
     "/news/night-trains;jsessionid=AB12", "/news/night-trains/index.html"],
)
def test_a_card_of_this_very_article_under_another_address_keeps_its_lead(href: str) -> None:
    """The page's own teaser card (its AMP copy, page 2, or itself when the page was fetched
    with a tracking query) does not take the lead paragraph out of the body."""
    lead = ("The regional council voted on Tuesday to pay for a night train between the valley "
            "towns and the coast, ending a decade of arguments.")
    rest = "".join(f"<p>Paragraph {i} of the story tells what the councillors said about the "
                   "night train and its costs for the towns in the valley.</p>" for i in range(6))
    card = (f"<aside><h3>Most read</h3><a href='{href}'><span>Transport</span> <b>Night trains "
            f"approved</b> <span>{lead}</span></a></aside>")
    html = ("<html><head><title>Valley council backs night trains to the coast</title></head>"
            "<body><h1>Valley council backs night trains to the coast</h1>"
            f"<article><p>{lead}</p>{rest}</article>{card}</body></html>")
    tree = load_html(html.encode())
    text = extract_body(tree, "https://example.com/news/night-trains?utm_source=rss",
                        article_objects=[]).text
    assert text.split("\n\n")[0] == lead


def test_a_link_with_an_unreadable_address_does_not_cost_the_body() -> None:
    paras = "".join(f"<p>Sentence {i} of the real article has enough words in it to count, and "
                    f"it goes on about the harbour and the ferry for a while, part {i}.</p>"
                    for i in range(6))
    link = "<a href='http://[oops/x'>" + " ".join(f"word{i}" for i in range(20)) + "</a>"
    html = (f"<html><head><title>T</title></head><body><h1>Headline here</h1><article>"
            f"{paras}</article><div>{link}</div></body></html>")
    result = extract_body(load_html(html.encode()), "https://example.com/a", article_objects=[])
    assert result.source == "trafilatura"
    assert result.text.startswith("Sentence 0 of the real article")


def _video_page(state: dict[str, object]) -> str:
    import json

    return ("<html><head><title>Mayor opens the new bridge over the river</title></head><body>"
            "<h1>Mayor opens the new bridge over the river</h1><div class='video'>"
            "<video src='/v.mp4'></video><p>The mayor opened the new bridge on Sunday.</p></div>"
            f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(state)}</script>"
            "</body></html>")


def _story(n: int, topic: str) -> str:
    return "".join(f"<p>{topic} paragraph {i}: the minister said on Tuesday that the plan would "
                   "go ahead despite the protests in the capital, officials confirmed later.</p>"
                   for i in range(n))


@pytest.mark.parametrize("where", ["nextArticle", "related", "unnamed"])
def test_a_short_pages_state_holding_another_story_gives_no_body_from_it(where: str) -> None:
    """A video page (no article text in its DOM) whose state preloads the next story, a related
    one, or any story not about the page's title: none of them is this page's body."""
    other = {"headline": "Budget row", "body": _story(8, "Budget")}
    page = {"video": {"title": "Mayor opens bridge"},
            ("article" if where == "unnamed" else where): other}
    result = extract_body(load_html(_video_page({"props": {"pageProps": page}}).encode()),
                          "https://example.com/video/bridge", article_objects=[])
    assert "Budget" not in result.text


def test_a_short_pages_state_holding_comments_gives_no_body_from_them() -> None:
    comments = [{"id": f"c{i}", "createdAt": "2024-05-01T10:00:00Z",
                 "text": f"Comment {i}: I honestly think this bridge over the river is a waste of "
                 "money and the mayor should have fixed the roads first, as everyone knows."}
                for i in range(12)]
    state = {"props": {"pageProps": {"video": {"title": "Mayor opens bridge"},
                                     "comments": comments}}}
    result = extract_body(load_html(_video_page(state).encode()),
                          "https://example.com/video/bridge", article_objects=[])
    assert "Comment" not in result.text


def test_the_article_of_a_data_script_past_the_character_budget_is_read() -> None:
    """The script that crosses the budget of characters is still walked (by values)."""
    import json

    from scraper.extract import embedded

    body = _story(20, "Bridge")
    pad = "x" * (embedded.MAX_SCRIPT_CHARS + 200_000)
    state = json.dumps({"props": {"pageProps": {"article": {"body": body}, "pad": pad}}})
    html = ("<html><head><title>Bridge paragraph minister plan</title></head><body>"
            "<h1>Bridge plan</h1><div id='root'></div>"
            f"<script id='__NEXT_DATA__' type='application/json'>{state}</script></body></html>")
    tree = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    result = extract_body(tree, "https://example.com/a", article_objects=[])
    assert result.source == "embedded"
    assert result.text.startswith("Bridge paragraph 0: the minister said on Tuesday")


_BRIDGE = [
    "The mayor opened the new bridge over the river on Sunday, after three years of building "
    "work that closed the old crossing twice.",
    "Hundreds of residents walked across it in the morning, and the first buses are due to use "
    "it from Monday, the city's transport office said.",
    "The bridge cost 40 million euros, a third more than planned, because the foundations had "
    "to be dug deeper than the engineers expected.",
    "Traffic on the ring road should ease now that lorries can cross the river in the centre "
    "again, business owners said at the ceremony.",
]


def _state_page(title: str, state: dict[str, object]) -> bytes:
    import json

    return (f"<html><head><title>{title}</title></head><body><div id='__next'></div>"
            f"<script id='__NEXT_DATA__' type='application/json'>"
            f"{json.dumps(state, ensure_ascii=False)}</script></body></html>").encode()


@pytest.mark.parametrize(
    "wrap",
    [
        lambda a: {"articleFeed": [a]},
        lambda a: {"liveFeed": {"posts": [a]}},
        lambda a: {"queries": {'getArticle({"slug":"next-steps-for-the-bridge"})': {"data": a}}},
        lambda a: {"fallback": {"/api/article/how-to-prevent-floods": a}},
        lambda a: {"Article:/news/popular-bridge-opens": a},
        lambda a: {"nextData": {"article": a}},
        lambda a: {"commentary": a},
        lambda a: {"most-read-books-of-2024": a},  # a slug is data, not a "most read" box
    ],
)
def test_the_article_under_keys_that_only_look_like_other_content_is_read(
    wrap: Callable[[dict[str, str]], dict[str, object]],
) -> None:
    """Keys are read as identifiers' words: a cache key, a URL, "nextData", "commentary" or a
    feed holding the page's own story are not "next", "prevent"ed, "popular" or comments."""
    article = {"headline": "Mayor opens the new bridge over the river",
               "body": "".join(f"<p>{p}</p>" for p in _BRIDGE)}
    page = _state_page("Mayor opens the new bridge over the river",
                       {"props": {"pageProps": wrap(article)}})
    result = extract_body(load_html(page), "https://example.com/news/bridge", article_objects=[])
    assert result.source == "embedded"
    assert result.text.split("\n\n") == _BRIDGE


@pytest.mark.parametrize(
    ("title", "paragraphs"),
    [
        ("Mayor opens the new bridge over the river - Local News - The Springfield Daily "
         "Courier Online Edition", _BRIDGE),
        ("市长为新桥剪彩 | 本地 | 新闻网",
         ["市长周日为河上的新桥剪彩，此前三年的施工曾两次关闭旧桥，数百名居民上午步行过桥。",
          "交通部门表示首批公交车将于周一通行，这座桥耗资四千万欧元，比计划多出三分之一。",
          "因为地基需要挖得比工程师预想的更深，商户在仪式上表示，环城路的交通应会缓解。"]),
    ],
)
def test_the_articles_title_is_found_in_it_whatever_the_titles_shape(
    title: str, paragraphs: list[str]
) -> None:
    """The title test looks at each part of the title (the site name's is one) and, in Chinese,
    at character pairs."""
    article = {"body": "".join(f"<p>{p}</p>" for p in paragraphs)}
    page = _state_page(title, {"props": {"pageProps": {"article": article}}})
    result = extract_body(load_html(page), "https://example.com/news/bridge", article_objects=[])
    assert result.source == "embedded"
    assert result.text.split("\n\n") == paragraphs


@pytest.mark.parametrize(
    ("url", "hrefs"),
    [
        ("https://blog.example.com/?p=959", ["/?p=960", "/?p=961", "/?p=962"]),
        ("https://example.com/article.php?id=959", [f"/article.php?id={i}" for i in (960, 961, 962)]),
    ],
)
def test_cards_of_sibling_stories_on_a_site_addressed_by_query_are_out(
    url: str, hrefs: list[str]
) -> None:
    """Where the query names the story ("?p=959"), another query is another story."""
    lead = ("The regional council voted on Tuesday to pay for a night train between the valley "
            "towns and the coast, ending a decade of arguments.")
    rest = "".join(f"<p>Paragraph {i} of the story tells what the councillors said about the "
                   "night train and its costs for the towns in the valley.</p>" for i in range(6))
    cards = "".join(
        f"<a class='card' href='{href}'><span>Transport</span> <b>Story {i} headline here</b> "
        f"<p>Summary of another story number {i}: the harbour ferry will run later on weekends "
        "from May, the operator said on Monday after talks.</p></a>" for i, href in enumerate(hrefs))
    html = ("<html><head><title>Valley council backs night trains to the coast</title></head>"
            "<body><h1>Valley council backs night trains to the coast</h1><article>"
            f"<p>{lead}</p>{rest}<div class='more'>{cards}</div></article></body></html>")
    text = extract_body(load_html(html.encode()), url, article_objects=[]).text
    assert text.startswith(lead)
    assert "Summary of another story" not in text


@pytest.mark.parametrize(
    "key", ["relatedcontent", "mostread", "nextUp", "alsoRead", "comments", "related-stories",
            "most-read", "up-next"],
)
def test_a_story_on_the_same_topic_under_another_contents_key_is_not_the_body(key: str) -> None:
    """The key filter on its own (the story shares the title's words): run-together and
    camelCase names of other content are skipped too."""
    other = {"body": "".join(
        f"<p>Bridge story {i}: the mayor of the river town said the new bridge over the river "
        "would need a second lane within ten years, the council heard on Tuesday.</p>"
        for i in range(8))}
    state = {"props": {"pageProps": {"video": {"title": "Mayor opens bridge"}, key: other}}}
    result = extract_body(load_html(_video_page(state).encode()),
                          "https://example.com/video/bridge", article_objects=[])
    assert "Bridge story" not in result.text


def test_one_shared_word_with_the_title_is_no_match() -> None:
    """A preloaded story under a neutral key that shares one stem with the title ("issued") and
    the site's name is not the page's article."""
    budget = {"body": "".join(
        f"<p>Budget paragraph {i}: the finance minister issued new figures on Tuesday, and the "
        "opposition said the plan would cut spending on schools and roads.</p>" for i in range(8))}
    page = ("<html><head><title>Flood warnings issued for coast | Harbour Post</title>"
            "<meta property='og:site_name' content='Harbour Post'></head><body>"
            "<div id='app'></div><script id='__NEXT_DATA__' type='application/json'>"
            + json.dumps({"props": {"pageProps": {"story": budget}}})
            + "</script></body></html>")
    result = extract_body(load_html(page.encode()), "https://example.com/a", article_objects=[])
    assert "Budget paragraph" not in result.text


def test_a_section_name_in_the_title_does_not_vouch_for_another_story() -> None:
    """A two-word part of the title ("Local News") tells no story apart."""
    other = {"body": "".join(
        f"<p>Paragraph {i}: the finance minister said local news outlets would get new money "
        "for the coming year, and the opposition said it was not enough.</p>" for i in range(8))}
    page = ("<html><head><title>Flood warnings for the whole coast | Local News</title></head>"
            "<body><div id='app'></div><script id='__NEXT_DATA__' type='application/json'>"
            + json.dumps({"props": {"pageProps": {"story": other}}}) + "</script></body></html>")
    result = extract_body(load_html(page.encode()), "https://example.com/a", article_objects=[])
    assert "finance minister" not in result.text


@pytest.mark.parametrize("query", ["?src=rss", "?source=twitter", "?at_xtor=RSS-1", "?view=full"])
def test_the_pages_own_card_is_known_whatever_its_fetched_address_says(query: str) -> None:
    """A page fetched with a referrer or view parameter (and no canonical) still knows the card
    that links to its plain address as its own."""
    lead = ("The regional council voted on Tuesday to pay for a night train between the valley "
            "towns and the coast, ending a decade of arguments.")
    rest = "".join(f"<p>Paragraph {i} of the story tells what the councillors said about the "
                   "night train and its costs for the towns in the valley.</p>" for i in range(6))
    card = ("<aside><h3>Most read</h3><a href='/news/night-trains'><span>Transport</span> "
            f"<b>Night trains approved</b> <span>{lead}</span></a></aside>")
    html = ("<html><head><title>Valley council backs night trains to the coast</title></head>"
            "<body><h1>Valley council backs night trains to the coast</h1>"
            f"<article><p>{lead}</p>{rest}</article>{card}</body></html>")
    text = extract_body(load_html(html.encode()), "https://example.com/news/night-trains" + query,
                        article_objects=[]).text
    assert text.split("\n\n")[0] == lead



def test_listed_kicker_and_linked_headline_items_are_teasers() -> None:
    # "Demenz: <a>Ab wann Gedächtnislücken besorgniserregend sind</a>" in a <ul> inside the text
    prose = ("Der Listenpreis liegt bei rund 220 Euro für eine Packung, sagt der Mediziner, "
             "und das sei im Vergleich zu anderen Medikamenten nicht teuer.")
    linked = ["Ab wann Gedächtnislücken besorgniserregend sind",
              "Häufig hilft nur noch diese Methode",
              "Wechseljahre mit 27: Die ersten Anzeichen der Menopause"]
    items = [Block("p", "Demenz: " + linked[0], "item"),
             Block("p", "Schlafstörungen: " + linked[1], "item"),
             Block("p", "Hormone: " + linked[2], "item")]
    refs = [Block("p", "Rose, J. D. (2010): " + linked[0], "item"),
            Block("p", "Key, B. (2016): " + linked[1], "item")]
    one = [Block("p", "Demenz: " + linked[0], "item")]
    keys = frozenset("".join(ch for ch in t.lower() if ch.isalnum()) for t in linked)
    hints = PageHints(titles=(), description="", links=keys, site_links=keys)
    after = Block("p", prose.replace("220", "250"))

    def kept(blocks: list[Block]) -> list[str]:
        return [b.text for b in clean_blocks([Block("p", prose), *blocks, after], hints)]

    assert kept(items) == [prose, after.text]
    # references ("Author (year): linked title") and a lone linked item stay
    assert kept(refs) == [prose, *(b.text for b in refs), after.text]
    assert kept(one) == [prose, one[0].text, after.text]
    # without links to those headlines the list is content, and so it is when they link out
    # of the site (a list of sources: "Reuters: <a>headline</a>")
    plain = PageHints(titles=(), description="")
    assert len(clean_blocks([Block("p", prose), *items], plain)) == 4
    out = PageHints(titles=(), description="", links=keys)
    assert len(clean_blocks([Block("p", prose), *items], out)) == 4
    # a digit or comma up to the colon used marks a reference or a dated list, whichever colon
    dated = [Block("p", f"Reuters: {n} May 2024: " + linked[n], "item") for n in range(2)]
    assert len(clean_blocks([Block("p", prose), *dated], hints)) == 3


def test_page_hints_tell_links_inside_the_site_from_links_out() -> None:
    page = ("<html><body><p>x</p><ul>"
            "<li><a href='/health-1'>Ab wann Gedächtnislücken besorgniserregend sind</a></li>"
            "<li><a href='https://www.bbc.co.uk/news/uk-2'>How do I protect myself now</a></li>"
            "<li><a href='https://www.reuters.com/x'>Central bank lifts rates for fourth time</a></li>"
            "<li><a href='http://[oops/x'>A link whose address cannot be read</a></li>"
            "</ul></body></html>")
    hints = page_hints(lxml.html.fromstring(page), [], "https://www.bbc.com/news/world-3")
    assert hints.site_links == {"abwanngedächtnislückenbesorgniserregendsind",
                                "howdoiprotectmyselfnow"}
    assert "centralbankliftsratesforfourthtime" in hints.links


@pytest.mark.parametrize(("blocks", "kept"), [
    # a category widget's title over its list, an ad slot's label between paragraphs: out
    ([Block("head", "Kategorien"), Block("p", "Aktuell"), Block("p", "Basteln")], 2),
    ([Block("p", "Abonnieren")], 0),
    # a one-word subheading over prose, and a list item: content
    ([Block("head", "Registrieren"), Block("p", "Öffnen Sie die Seite und geben Sie Ihre "
                                                "E-Mail-Adresse und ein sicheres Passwort ein.")], 2),
    ([Block("p", "Beiträge", "item"), Block("p", "Kategorien", "item")], 2),
    ([Block("head", "Release date"), Block("p", "The film opens in cinemas on 14 March, two "
                                                "weeks later than the studio had planned.")], 2),
    ([Block("p", "Weiterlesen:")], 0),
])
def test_furniture_labels_go_by_place(blocks: list[Block], kept: int) -> None:
    prose = ("Der Verein hat im vergangenen Jahr mehr als zweihundert neue Mitglieder gewonnen, "
             "sagte die Vorsitzende am Dienstag.")
    out = clean_blocks([Block("p", prose), *blocks], PageHints(titles=(), description=""))
    assert len(out) == 1 + kept


def test_client_rendered_page_takes_the_publishers_article_body(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the DOM holds a caption; the story is in JSON-LD (and the app's state), never in the DOM.
    # trafilatura's own JSON fallback reads this page, but not every such page (a real one
    # marked paywalled gave only its caption): the rule is tested with trafilatura's miss
    import scraper.extract.body as body_module

    def caption_only(*args: object, **kwargs: object) -> list[Block]:
        return [Block("p", "The president speaks during a televised policy debate in the capital"
                           " on December 29 in the run-up to the presidential election.")]

    monkeypatch.setattr(body_module, "_trafilatura", caption_only)
    result = body_of("client_rendered_jsonld.html")
    assert result.source == "jsonld"
    assert result.text.startswith("Alice Wu fell down the rabbit hole of politics again")
    assert result.text.endswith("does not reveal courage so much as a thick skin.")
    assert "televised policy debate" not in result.text


def test_newsletter_box_title_and_blurb_are_out() -> None:
    prose = ("Die Schweiz verliert das Viertelfinale nach einer Gelb-Roten Karte, die der "
             "Trainer auch am Tag danach nicht verstehen kann.")
    box = [Block("head", "Newsletter: Sport inside"),
           Block("p", "Jeden Montag die Topstorys der Woche aus der Sportredaktion")]
    after = [Block("head", "Spielerverwechslung"), Block("p", prose.replace("Schweiz", "Elf"))]
    kept = clean_blocks([Block("p", prose), *box, *after], PageHints(titles=(), description=""))
    assert [b.text for b in kept] == [prose, *(b.text for b in after)]
    # without a blurb that tells when it arrives, the title is a subheading of the story
    story = [Block("head", "The Substack newsletter"),
             Block("p", "It started in 2017 as a way for writers to own their audience"),
             Block("p", "Morning Newsletter", "item"), Block("p", "Newsletter | Subscribers")]
    kept = clean_blocks([Block("p", prose), *story], PageHints(titles=(), description=""))
    assert [b.text for b in kept] == [prose, *(b.text for b in story)]


def test_the_line_that_signs_the_text_is_not_its_body() -> None:
    html = ('<html><head><meta property="og:site_name" content="Lesotho Times">'
            '<meta name="author" content="Lesotho Times"></head><body>'
            '<article><h1>From adversity to advocacy</h1><div class="entry-content">'
            '<p><strong>Mohloai Mpesi</strong></p>'
            + "<p>IN the heart of Lesotho, where tales of struggle are woven into everyday life, "
              "one young lawyer stands as a beacon of hope for the villages around Roma.</p>" * 4
            + "</div></article></body></html>")
    article = extract_article(html, "https://lestimes.example.com/from-adversity/")
    assert article.authors == ["Mohloai Mpesi"]
    assert article.body.startswith("IN the heart of Lesotho")
    assert "Mohloai" not in article.body


def test_a_page_laid_out_by_tables_gives_its_text_cell_only() -> None:
    """trafilatura hands back every row of a layout table: the menu, the edition line and the
    footer around the one cell that holds the article. That cell's paragraphs are the text;
    the rest of the layout goes, and a data table beside prose stays as it is."""
    from lxml import etree

    from scraper.extract.body import _blocks_from_xml

    para = " ".join(["The ferry to the island will cost more from June, the authority said."] * 3)
    body = etree.fromstring(
        "<body><table><row><cell>Home | News | Sport | Archive</cell><cell/></row>"
        "<row><cell>Other News</cell><cell><p>Annual meeting, June 12</p></cell></row></table>"
        "<table><row><cell>Disaster relief</cell></row><row><cell>Posted on May 11, 2007 | Print</cell>"
        f"</row><row><cell>By Hannah Whitfield<p>{para}</p><p>{para}</p><p>{para}</p></cell></row>"
        "<row><cell>© 2007 Baptist Press</cell></row></table></body>")
    assert [b.text for b in _blocks_from_xml(body)] == ["By Hannah Whitfield", para, para, para]
    body = etree.fromstring(
        f"<body><p>{para}</p><p>{para}</p><table><row><cell>Fare</cell><cell>Price</cell></row>"
        "<row><cell>Return</cell><cell>4.65</cell></row></table></body>")
    assert [b.text for b in _blocks_from_xml(body)] == [para, para, "Fare | Price", "Return | 4.65"]

"""Single-block boilerplate rules: the pitches they are meant for go, article prose stays."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from scraper.extract import boilerplate as bp

# --- 13: payment pitches ------------------------------------------------------------------------

PRESS_STORIES = [
    "California's deal with Google sets aside $10 million a year to fund local journalism, and "
    "papers with fewer than 5,000 subscribers can apply first.",
    "Subscriptions fell by 250,000 after the decision, but the owner said he would continue to "
    "support independent journalism at the paper.",
    "The paper charges $4 a month for its app; its editor said readers who pay support quality "
    "journalism in the region.",
    "Die Stiftung will lokalen Journalismus mit 100.000 Euro im Monat fördern, sagte die "
    "Vorsitzende am Dienstag.",
    "Sie unterstützen sie beim Journalismus, abonnieren sie aber nicht, heißt es im Bericht.",
    # second review (8): reported words, a quoted slogan, a story that opens with the slogan
    "The editor, Jane Doe, wrote that readers could support our journalism by subscribing.",
    "Fund local journalism or lose it: that was the message. Donate, the foundation urged readers, "
    "even small sums.",
    "\"Support our journalism, subscribe\" was printed on every front page that week.",
    "Fund local journalism. That was the slogan of the campaign. Donate was the word on the "
    "posters, and the town hall paid for them.",
]

PAY_PITCHES = [
    "Support our journalism: subscribe for $5 a month.",
    "Support our independent journalism for only $5 a month.",
    "Subscribe today and support our journalism.",
    "Support independent journalism. Donate now.",
    # the block before the "Subscribe Now" button (news-dev): the price is the call
    "Stay informed with The Namibian – your source for credible journalism. Get in-depth reporting "
    "and opinions for only N$85 a month. Invest in journalism, invest in democracy –",
    "Unterstützen Sie unseren Journalismus: Abonnieren Sie jetzt für nur 4,99 € im Monat.",
    "Unterstützen Sie unabhängigen Journalismus – jetzt spenden.",
]


@pytest.mark.parametrize("text", PRESS_STORIES)
def test_story_about_the_press_stays(text: str) -> None:
    assert not bp.pay_pitch(text)
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", PAY_PITCHES)
def test_payment_pitch_goes(text: str) -> None:
    assert bp.pay_pitch(text)


def test_payment_pitch_must_be_short() -> None:
    long = PAY_PITCHES[0] + " " + "The council met on Monday to discuss the harbour fees. " * 4
    assert len(long) >= 250
    assert not bp.pay_pitch(long)


# --- 14: messenger channels ---------------------------------------------------------------------

CHANNEL_STORIES = [
    "\"We have a channel on Telegram where parents share the news from the school,\" said Maria "
    "Lopez, a mother of three.",
    "„Wir haben einen Kanal auf Telegram gegründet, um die Eltern zu informieren“, sagt die "
    "Schulleiterin.",
    "\"Our community set up a group on WhatsApp to warn each other of the floods,\" the mayor said "
    "on Tuesday.",
    "«Nuestro canal de WhatsApp tiene ya 20.000 vecinos», explicó la alcaldesa, que lo creó durante "
    "la DANA.",
    "The ministry urged citizens to follow \"our official Telegram channel\" for updates on the "
    "evacuation.",
    "Residents can join the group's Telegram channel, where the organisers post the routes.",
    # second review (8): a place ("here", "ici") is no call, a reporting verb means someone's words
    "Our Telegram channel was blocked here on Monday, the editor wrote in a statement.",
    "Notre chaîne Telegram a été bloquée ici en Russie lundi, a expliqué le rédacteur.",
    "Our WhatsApp channel was blocked here on Monday, and the authorities gave no reason.",
    "Notre chaîne Telegram a été bloquée ici en Russie lundi.",
]

CHANNEL_PITCHES = [
    "Join our WhatsApp channel for the latest news",
    "Folge unserem WhatsApp-Kanal für die wichtigsten Nachrichten des Tages.",
    "Abonniere unseren Telegram-Kanal: hier klicken",
    "Tenemos canal de WhatsApp: únete aquí para recibir las noticias.",
    "Rejoignez notre chaîne Telegram : cliquez ici.",
]


@pytest.mark.parametrize("text", CHANNEL_STORIES)
def test_story_about_a_channel_stays(text: str) -> None:
    assert not bp.messenger_promo(text)
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", CHANNEL_PITCHES)
def test_channel_pitch_goes(text: str) -> None:
    assert bp.messenger_promo(text)


# --- 15: calls to the comments ------------------------------------------------------------------

COMMENT_STORIES = [
    "Die Anwohner sind empört. Auf Facebook schreiben sie in den Kommentaren, dass die Stadt "
    "versagt habe.",
    "Das sei ein Skandal, sagen sie in den Kommentaren unter dem Video, das inzwischen gelöscht "
    "wurde.",
    "\"He did not tell us anything new in the comments he made on Monday,\" the union leader said.",
    "Los vecinos dinos que en los comentarios de la red social se quejan del ruido.",
    "Viele Leser verraten sie in den Kommentaren nicht, heißt es.",
    # second review (7): interview questions and police appeals name no comment area
    "Tell us what you saw below deck when the water came in.",
    "Let us know if you have seen him, police said. The boy was last seen below the bridge.",
    "Erzählen Sie, wie es unten im Stollen aussah, als das Wasser kam?",
    "Let us know if you have seen him. The boy was last seen below the bridge.",
    "Erzählen Sie, wie es unten im Stollen aussah.",
    "Tell us what you think in the comments, the moderator asked readers on Monday.",
]

@pytest.mark.parametrize("text", COMMENT_STORIES)
def test_comments_in_a_story_stay(text: str) -> None:
    assert not bp.junk_block(text)


# --- 16: Spanish newsletter ---------------------------------------------------------------------


def test_scam_bulletin_story_stays() -> None:
    text = ("Los estafadores invitaban a las víctimas a suscribirse a un boletín de inversiones que "
            "prometía ganancias del 30 por ciento.")
    assert not bp.promo_block(text)
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", [
    "Suscríbete a nuestro boletín y recibe las noticias cada mañana.",
    "Suscríbete gratis al newsletter de la redacción.",
    "Para recibir las noticias, suscríbase a nuestro boletín.",
])
def test_spanish_newsletter_call_goes(text: str) -> None:
    assert bp.promo_block(text)


# --- 17: downloads ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Der vollständige Bericht (PDF, 2 MB) ist auf der Website des Ministeriums abrufbar.",
    "The full report (PDF, 2.4 MB) can be read on the ministry's website from Monday.",
    "Audio: MP3, 320 kb/s, 48 kHz.",
])
def test_sentence_naming_a_file_stays(text: str) -> None:
    assert not bp.download_block(text)
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", [
    "Informationsschreiben (PDF | 38 KB)",
    "Jahresbericht 2024 (PDF, 2,4 MB)",
    "Download the full report - PDF 1.2 MB",
    "Antragsformular (DOCX, 45 KB) herunterladen",
    "Informationsschreiben vom 14. Oktober 2021 PDF | 38 KB | Datei ist nicht barrierefrei",
    # second review (9): one full stop after the type and size
    "Bericht herunterladen (PDF, 2 MB).",
    "Download the annual report (PDF, 1.2 MB).",
])
def test_download_line_goes(text: str) -> None:
    assert bp.download_block(text)
    assert bp.junk_block(text)


# --- 18: prefilters -----------------------------------------------------------------------------

DECLINED = (
    "A spokesman for the company declined to comment on the report on Tuesday, and the regulator "
    "described the filing as incomplete. Comment les autorités vont-elles réagir? The union said "
    "workers would schreiben a letter, and the board did not respond to several requests for "
    "comment made by phone and email over the weekend, while the shares fell four per cent in "
    "early trading in Frankfurt."
)


def test_ordinary_paragraph_skips_the_promo_regexes() -> None:
    low = DECLINED.lower()
    assert not any(word in low for word in bp._PROMO_WORDS)
    assert "journalis" not in low
    assert not bp.junk_block(DECLINED)


# --- 12: press contact headings -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Kontakt", "Kontakt:", "Contact", "Contacts", "Investor Relations", "Media relations",
    "Contacto", "For enquiries", "Für Fragen",
])
def test_plain_contact_heading_is_no_press_contact(text: str) -> None:
    assert not bp.contact_head(text)


@pytest.mark.parametrize("text", [
    "Pressekontakt:", "Presse-Kontakt", "Media contact", "Media contacts:", "Press contact",
    "Medienkontakt:", "Für Rückfragen:", "Contact presse", "Contacto de prensa",
    "Ansprechpartner für die Presse:", "Ansprechpartnerin für Medien", "For media enquiries:",
    "For media inquiries",
])
def test_press_contact_heading(text: str) -> None:
    assert bp.contact_head(text)


# --- 19: "More information" ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Weitere Informationen", "More information", "Further information", "Mehr Informationen",
])
def test_plain_information_heading_is_no_link_list(text: str) -> None:
    assert not bp.soft_end(text)


@pytest.mark.parametrize("text", [
    "Weitere Informationen zum Thema", "More information on this topic", "Related articles",
    "Notas relacionadas",
])
def test_link_list_heading(text: str) -> None:
    assert bp.soft_end(text)


# --- rules the review found sound ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Lunes 3 de marzo de 2025", "20 de noviembre de 1975", "14 juillet 1789",
    "mardi 4 mars 2025, 10:30",
])
def test_spanish_and_french_date_lines(text: str) -> None:
    assert bp.date_block(text)


# --------------------------------------------------------------------------- pitches end a story
ATTRIBUTED_CALLS = [
    "Schreiben Sie uns in die Kommentare, forderte der Youtuber seine Fans auf, und viele taten es.",
    "Cuéntanos en los comentarios, pidió el alcalde a los vecinos.",
    "Dites-nous en commentaires ce que vous en pensez, a lancé le ministre dimanche.",
    "Join our Telegram channel for updates, the ministry posted on Sunday.",
    "Let us know in the comments below, he added, before the stream ended.",
    "Support our journalism and subscribe today, the banner read, for just $5 a month.",
    "Folgen Sie unserem WhatsApp-Kanal, appellierte das Ministerium an die Bürger.",
    "Rejoignez notre chaîne Telegram, avait proclamé le groupe.",
    "Unterstützen Sie unabhängigen Journalismus, fordert die Initiative, für 5 Euro im Monat.",
]
TAIL_PITCHES = [
    "Let us know in the comments: the council wants your views by Friday.",
    "The police ended its appeal: join our Telegram channel for updates on the road closures.",
    "Join our WhatsApp channel for the latest news",
    "Let us know in the comments below.",
    "Schreiben Sie uns Ihre Meinung in die Kommentare.",
    "Support independent journalism: make a donation today.",
    "Let us know in the comments below what you think of the new timetable.",
]
STRONG_PITCHES = [
    "Support our journalism: subscribe for $5 a month.",
    "Support our journalism, subscribe for only $5 a month.",
    "Support our journalism for only $5 a month, cancel anytime.",
    "Join our WhatsApp channel, tap here to follow.",
    "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular en este enlace de invitación.",
    "Click here to join our Telegram channel, it only takes a second.",
    "Rejoignez notre chaîne Telegram : cliquez ici.",
    "Join our WhatsApp channel for the latest news from the coast: tap here to follow.",
]


@pytest.mark.parametrize("text", ATTRIBUTED_CALLS)
def test_an_attributed_call_is_reporting(text: str) -> None:
    assert not bp.strong_pitch(text)
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", TAIL_PITCHES)
def test_a_pitch_without_a_price_or_a_link_verb_stays(text: str) -> None:
    """Without a price or a link verb a call is too often reported speech to be dropped."""
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", [
    "Die Behörde schrieb dazu: „Der vollständige Bericht (PDF, 2 MB) steht ab sofort online.“",
    "The report lists the following measures (PDF, 3 MB):",
    "Der Bericht der Kommission (PDF, 4 MB) liegt der Redaktion vor und umfasst 212 Seiten",
])
def test_a_sentence_with_a_file_size_is_no_download_line(text: str) -> None:
    assert not bp.download_block(text)
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", STRONG_PITCHES)
def test_a_pitch_with_a_price_or_a_link_verb_is_junk_anywhere(text: str) -> None:
    assert bp.strong_pitch(text)
    assert bp.junk_block(text)


def test_an_attributed_strong_pitch_is_reporting() -> None:
    text = "Support our journalism and subscribe today, the banner read, for just $5 a month."
    assert not bp.strong_pitch(text) and not bp.junk_block(text)


# --- pre-checks: a cheap test before a pattern never turns away what the pattern finds ----------

def test_odd_case_lists_each_character_ignorecase_takes_for_an_ascii_letter() -> None:
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set(re.compile("[a-z]", re.IGNORECASE).findall(others))
    assert found and all(bp._ODD_CASE.fullmatch(c) for c in found)


def _variants(text: str) -> list[str]:
    """The text as written, in capitals, and with the letters re.IGNORECASE takes for others."""
    return [text, text.upper(), text.replace("s", "ſ"), text.replace("i", "ı"),
            text.replace("i", "İ"), text.replace("k", "K")]


CONSENT_ASKS = [
    "Um Inhalte von YouTube zu laden, klicken Sie auf den Button.",
    "Um den Inhalt anzuzeigen, müssen Sie der Datenschutzerklärung zustimmen.",
    "Externe Inhalte anzeigen: Cookies akzeptieren",
    "Sie haben hierfür keine Zustimmung gegeben. Klicken Sie hier.",
    "Accept cookies to view this content.",
    "You need to enable cookies to see this video.",
    "Enable cookies to view the content.",  # (only "cookies to" lets it through)
    "Veuillez accepter pour afficher ce contenu.",
    "Debes aceptar para ver este contenido.",
]
DOWNLOADS = ["Bericht (PDF, 2 MB)", "Formular.docx 38 KB", "Alle Daten (ZIP | 1,5 GB)", "mp3 4mb"]
AGENCY_LINES = [
    "Jane Doe/Getty Images", "STR/AFP", "Felix Zahn/dpa", "Jane Doe/picture alliance",
    "John Roe/imago images", "Jane Doe / Imago", "Photo by X/Shutterstock", "Jane Doe/Reuters",
    "Jane Doe/AP Photo", "Associated Press", "iStockphoto", "Jane Doe/EPA-EFE", "Keystone",
    "Jane Doe/Alamy", "Jane Doe/iStock", "Jane Doe/EPA", "Unsplash", "Pexels", "ddp", "Xinhua",
    "Anadolu", "Sipa", "Zuma",
    "Bloomberg", "Jane Doe (AFP)", "Jane Doe/Getty Image »",
]


PRE_CHECKED = [  # (pattern, its pre-check, the rule that uses both, texts the pattern finds)
    (bp._CONSENT_ASK, lambda t: not bp._lacks_words(t, bp._CONSENT_HINTS), bp.consent_block,
     CONSENT_ASKS),
    (bp._DOWNLOAD, lambda t: not bp._lacks_words(t, bp._DOWNLOAD_HINTS), bp.download_block,
     DOWNLOADS),
    (bp._AGENCY_TAIL, bp._may_end_with_agency, bp.credit_block, AGENCY_LINES),
]


@pytest.mark.parametrize(("pattern", "may_match", "rule", "text"), [
    (pattern, may_match, rule, text) for pattern, may_match, rule, texts in PRE_CHECKED
    for text in texts])
def test_a_pre_check_passes_what_its_pattern_finds(
        pattern: re.Pattern[str], may_match: Callable[[str], bool], rule: Callable[[str], bool],
        text: str) -> None:
    assert pattern.search(text) and rule(text)
    for variant in _variants(text):
        if pattern.search(variant):
            assert may_match(variant), variant
            assert rule(variant), variant


def test_a_text_holding_none_of_the_words_is_turned_away() -> None:
    assert bp._lacks_words("An ordinary sentence of a story.", bp._CONSENT_HINTS)
    assert not bp._lacks_words("Accept cookies to VIEW THIS content", bp._CONSENT_HINTS)
    assert not bp._may_end_with_agency("The minister spoke on Tuesday")
    assert bp._word_end("Jane Doe/AFP) »") == len("Jane Doe/AFP")
    assert bp._word_end("...") == 0


# --- sign-up buttons and box titles on their own line ----------------------------------------


@pytest.mark.parametrize("text", [
    "Jetzt abonnieren", "Jetzt anmelden", "Newsletter Signup", "Subscribe to:", "Subscribe now!",
    "Inscrivez-vous gratuitement", "Newsletter abonnieren",
    # labels left alone on a line: an ad slot's, a skip link's, a byline's
    "Reklama", "Hauptinhalt", "Posted on", "Veröffentlicht in", "Zum Newsletter anmelden",
    "Mehr Themen:", "Sie sind aktuell nicht eingeloggt.",
    # a blog's share and like bar, a share button
    "Teilen Sie dies mit:", "Teilen mit:", "Wird geladen...", "Loading…",
    "Partager sur Facebook", "Share on X", "Teilen auf", "Share this:",
])
def test_sign_up_button_line_goes(text: str) -> None:
    assert bp.ui_block(text)


@pytest.mark.parametrize("text", [
    "Subscribe to the idea that less is more, and the kitchen gets easier.",
    "Anmelden können sich alle Vereine bis zum 30. April.",
    "Abonnieren oder nicht: die Frage stellt sich vielen Lesern",
    "Teilen mit Freunden macht Freude, sagt die Studie.", "Loading the ferry took two hours.",
])
def test_sentences_about_signing_up_stay(text: str) -> None:
    assert not bp.ui_block(text)


@pytest.mark.parametrize("text", ["Abonnieren", "Abonnez-vous", "Suscríbete", "Kategorien:",
                                  "Categories", "Registrieren", "Weiterlesen:", "Last Modified:",
                                  "Gefällt mir:", "Release date", "Cookie policy"])
def test_one_word_labels_are_left_to_their_place(text: str) -> None:
    # they can head a section of an article: clean_blocks decides by what follows
    assert bp.label_line(text)
    assert not bp.ui_block(text)


@pytest.mark.parametrize("text", [
    "Vervielfältigung nur mit Genehmigung", "Materiał chroniony prawem autorskim.",
    "We want to hear what you think about this article. Submit your letter to the editor via "
    "this form.",
])
def test_copyright_and_letters_notes_go(text: str) -> None:
    assert bp.junk_block(text)


NEWSLETTER_PITCHES = [
    "Check out more of our latest travel stories by signing up to our free weekly newsletter",
    "Get local news delivered to your inbox!",
    "Want more health and science stories in your inbox? Subscribe to Salon's weekly newsletter.",
    "Wenn du nichts verpassen willst, dann hol dir jetzt meinen gratis Newsletter!",
    "Hier können Sie sich zum kostenlosen Newsletter der Stadt anmelden.",
    "Une sélection de newsletters gratuites",
    "From our morning news briefing to a weekly newsletter, get the best of The Week delivered "
    "directly to your inbox.",
    "Get New England news, weather forecasts and entertainment stories to your inbox.",
    "Pełne korzystanie z serwisu wymaga włączonego w Twojej przeglądarce JavaScript.",
]
NEWSLETTER_STORIES = [
    "If you find this email in your inbox, delete it at once, the police said on Monday.",
    # the review's stories: each went as a pitch in a first version of the patterns
    "Gmail's new feature sorts promotional updates into a separate tab so that fewer stories "
    "land in your inbox, Google said on Tuesday.",
    "Fraudsters impersonating the tax office sent messages claiming a refund had been delivered "
    "to your inbox, the agency warned.",
    "By signing up to the council's newsletter, residents can now receive bin collection "
    "reminders, the mayor said.",
    "Many readers subscribe to Axios's morning newsletter, which the company sold in 2022.",
    "Wer sich für den Newsletter der Stadt anmelden möchte, kann das ab sofort im Rathaus tun, "
    "teilte die Verwaltung mit.",
    "Tragen Sie sich nicht in jeden Newsletter ein, rät die Verbraucherschützerin.",
    "Les newsletters gratuites de plusieurs médias ont vu leur audience doubler pendant la "
    "pandémie, selon une étude.",
    "Many government forms still fail when visitors browse without JavaScript enabled, a report "
    "found.",
    "Die Sicherheitslücke betrifft Nutzer, die in ihrem Browser JavaScript aktiviert haben, "
    "erklärte das BSI.",
    "Wydawca twierdzi, że artykuł to materiał chroniony prawem autorskim, i żąda usunięcia.",
    "Das Landgericht entschied, dass der Satz „Vervielfältigung nur mit Genehmigung“ auf einem "
    "Foto nicht ausreicht.",
    "Some news sites now require readers to accept cookies to play the video, a practice the "
    "regulator says breaches the law.",
    "Christine hat sich bereit erklärt, wieder regelmässig einen Newsletter für den Verein zu "
    "verfassen.",
    "The council's newsletter reached 20,000 homes last year, and it will be printed again.",
]


@pytest.mark.parametrize("text", NEWSLETTER_PITCHES)
def test_newsletter_pitch_in_other_words_goes(text: str) -> None:
    assert bp.junk_block(text)


@pytest.mark.parametrize("text", NEWSLETTER_STORIES)
def test_story_about_a_newsletter_or_an_inbox_stays(text: str) -> None:
    assert not bp.junk_block(text)


@pytest.mark.parametrize("text", [
    "We're sorry but blog-frontend doesn't work properly without JavaScript enabled. Please "
    "enable it to continue.",
    "You need to enable JavaScript to run this app.",
    "Dieser Shop setzt voraus, dass Sie JavaScript aktivieren haben. Bitte aktivieren Sie "
    "JavaScript und laden Sie die Seite erneut.",
    "Please accept YouTube cookies to play this video. By accepting you will be accessing "
    "content from YouTube, a service provided by an external third party.",
    "Folgen Sie uns auf Twitter", "Follow us on Facebook, Instagram and X",
    "Cookie-Erklärung", "Sie möchten gerne weiterlesen?",
])
def test_no_script_notices_follow_bars_and_labels_go(text: str) -> None:
    assert bp.junk_block(text)


@pytest.mark.parametrize("text", [
    "The site was rebuilt in JavaScript last year, and it now loads twice as fast.",
    "Follow us on this journey: the next stop is Lisbon.",
])
def test_sentences_naming_javascript_or_following_stay(text: str) -> None:
    assert not bp.junk_block(text)


@pytest.mark.parametrize(("text", "title"), [
    ("Newsletter: Sport inside", True), ("PC Gamer Newsletter", True), ("Musiknewsletter", True),
    ("Der Newsletter der Stadt erscheint jeden Montag.", False),
    ("Wie die Zeitung ihren Newsletter an 20.000 Leser verschickt", False),
])
def test_newsletter_box_titles(text: str, title: bool) -> None:
    assert bp.newsletter_title(text) is title

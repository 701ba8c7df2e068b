"""Recognise boilerplate blocks of extracted article text: captions, credits, promos, teasers, UI."""

from __future__ import annotations

import re

# Whole-block UI strings (matched case-insensitively on the block with trailing punctuation cut).
_UI_BLOCK = re.compile(
    r"^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklame|"
    r"reklama|hauptinhalt|skip to (?:main )?content|zum inhalt springen|posted on|posted in|"
    r"sie möchten (?:gerne )?weiterlesen|mehr erfahren sie hier|cookie-erklärung|"
    r"verwendung von cookies|cookie-einstellungen|cookie settings|"
    r"veröffentlicht in|"
    r"article content|story continues below|continue reading|read more|read also|see also|"
    r"see more|more|more on this|more from|related|related articles?|related stories|"
    r"recommended|recommended videos?|most read|most popular|latest|latest news|latest videos?|"
    r"trending|watch|listen|share|share this|share this article|share this with|share on|"
    r"print|email|e-mail|comments?|kommentare?|comment|kommentieren|kommentar abgeben|"
    r"lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|das könnte sie auch "
    r"interessieren|weitere artikel|weitere nachrichten|ähnliche artikel|ähnliche|themen|"
    r"zum thema|teilen|drucken|artikel teilen|mehr infos|schlagworte|tags|topics|"
    r"lire aussi|à lire aussi|voir aussi|leer más|lee también|ver también|leggi anche|"
    r"läs också|les også|læs også|článek|čtěte také|"
    r"follow us|subscribe|sign up|newsletter|sign up for our newsletter|"
    # a sign-up button or box title on its own line ("Abonnieren", "Newsletter Signup")
    r"subscribe (?:now|to|here)|sign up (?:now|here)|newsletter (?:sign ?-?up|abonnieren)|"
    r"jetzt (?:abonnieren|anmelden|registrieren)|zum newsletter(?: anmelden)?|"
    r"mehr themen|zum weiterlesen|"
    r"sie sind (?:aktuell |derzeit |momentan )?nicht (?:eingeloggt|angemeldet)|"
    r"you are not logged in|"
    r"(?:inscrivez-vous|abonnez-vous|s'abonner|s’abonner) gratuitement|"
    r"(?:follow us|folgen sie uns|folge uns|folgt uns|s[ií]guenos|suivez-nous|seguici|siga-nos|"
    r"volg ons|følg oss|följ oss|obserwuj nas)(?: (?:on|auf|bei|en|sur|su|no|op|på|na))?|"
    r"open image in gallery|view image in fullscreen|enlarge|zoom|image|photo|foto|video|"
    r"bild anzeigen|show image|view image|view gallery|"
    r"up next|next page|previous page|copy link|link copied|url copied|copied to clipboard|"
    r"bildergalerie|galerie|gallery|audio|podcast|"
    r"(?:kommentare|comments)\s*\(\d+\)|no comments|keine kommentare|\d+ comments?|"
    r"\d+ (?:kommentare?|commentaires?|comentarios?|commenti|reacties|kommentarer|komentarzy?)|"
    r"(?:기사 )?(?:url|링크|주소)[이가] 복사되었습니다|(?:url|リンク)を?コピーしました|链接已复制|"
    r"link (?:wurde )?kopiert|lien copié|enlace copiado|link copiato|link gekopieerd|"
    r"be the first to comment|rate this|bewerten|lesedauer:?\s*\d+\s*min(?:uten|utes|\.)?|"
    r"\d+\s*min(?:ute)?s?\s*(?:read|lesezeit|lesedauer)|reading time:?\s*\d+\s*min(?:utes)?)$",
    re.IGNORECASE,
)

# The buttons of a share or follow bar, one link a line: network names joined by symbols
# ("Twitter | Facebook | WhatsApp"), or a line that ends with a joiner ("Facebook,", "Instagram
# und", "Facebook y"). A name alone ("Threads", "X") can head a section of an article, so it goes
# only right after an open bar line (see clean_blocks). Every name and joiner is a mandatory token,
# so a failing match cannot backtrack through the spaces.
_NETWORK = (r"(?:facebook|twitter|x|instagram|telegram|whats\s?app|youtube|tiktok|linkedin|"
            r"pinterest|threads|mastodon|bluesky|reddit|xing|flipboard|messenger)")
_JOINER = r"(?:\s*[,|/·•&]|\s+(?:y|and|und|et|e|o|or|oder|ou)(?!\w))"
_NETWORK_LIST = re.compile(rf"^{_NETWORK}(?:\s*[|/·•]\s*{_NETWORK})+$", re.IGNORECASE)
_NETWORK_OPEN = re.compile(rf"^(?:{_NETWORK}{_JOINER}\s*)+$", re.IGNORECASE)
_NETWORK_NAME = re.compile(rf"^{_NETWORK}$", re.IGNORECASE)
# A share button's or a blog's like/share bar's line: "Partager sur Facebook", "Teilen mit",
# "Teilen Sie dies mit", "Share this", "Gefällt mir", "Like this", "Wird geladen…"
# A follow bar's line: "Folgen Sie uns auf Twitter", "Follow us on Facebook and Instagram"
_FOLLOW_LINE = re.compile(
    rf"^(?:follow us|folgen sie uns|folge uns|folgt uns|s[ií]guenos|suivez-nous|seguici|siga-nos"
    rf"|volg ons|følg oss|följ oss|obserwuj nas) (?:on|auf|bei|en|sur|su|no|op|på|na) "
    rf"{_NETWORK}(?:(?:,| and| und| et| y| e| i| og| och) {_NETWORK})*$",
    re.IGNORECASE,
)
_SHARE_LINE = re.compile(
    rf"^(?:(?:share|teilen|partager|compartir|condividi|compartilhar|delen|udostępnij|dela|del)"
    rf"(?: (?:on|auf|sur|en|su|no|op|na|på|via|mit|per))?(?: {_NETWORK}| e-?mail)?"
    rf"|teilen sie dies mit|share this(?: post| story| page)?|like this"
    rf"|wird geladen|loading|chargement|cargando|caricamento)$",
    re.IGNORECASE,
)

# Picture captions and credits: "Photo: AFP", "Foto: dpa/Name", "Image: GCIS", "© Reuters".
_CREDIT = re.compile(
    r"^(?:\(?(?:photo|photos|foto|fotos|bild|image|images|picture|credit|credits|"
    r"photo credit|bildquelle|quelle|source|fuente|crédit|crédits|illustration|grafik|"
    r"video|copyright)\s*:\s*\S.{0,120}\)?|©.{0,120}|\(c\)\s.{0,120}|"
    r"\W{0,2}copyright\s*(?:©|ⓒ|\(c\)|\d{4}).{0,120})$",
    re.IGNORECASE,
)
# Credit lines naming a photo agency: "STR/AFP via Getty Images", "Felix Zahn/imago".
_AGENCY_TAIL = re.compile(
    r"(?:getty\s*images?|/\s*afp|\bafp\b|/\s*dpa|picture[- ]alliance|imago(?:\s+images)?|"
    r"shutterstock|reuters|\bap photo\b|associated press|istock(?:photo)?|epa(?:-efe)?|"
    r"keystone|alamy|unsplash|pexels|ddp|xinhua|anadolu|sipa|zuma|bloomberg)\W*$",
    re.IGNORECASE,
)
# A short block that is only a date or a date and a time ("05.08.2024, 20:59 Uhr").
_DATE_ONLY = re.compile(
    r"^(?:(?:published|updated|veröffentlicht|aktualisiert|posted|publié|publicado|pubblicato)"
    r":?\s+(?=[^\W\d]))?"  # "Updated Thu, 16 Apr 2020": the label before the weekday
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche)\w*,?\s*)?(?:published|updated|veröffentlicht|aktualisiert|stand|posted|"
    r"publié|publicado|pubblicato)?:?\s*"
    r"(?:\d{1,4}[./-]\s*\d{1,2}[./-]\s*\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?[^\W\d]{3,12}\.?,?\s+(?:de\s+)?\d{4}|"
    r"[^\W\d]{3,12}\.?\s+\d{1,2},?\s+\d{4}|\d{4}年\d{1,2}月\d{1,2}日)"
    r"(?:,?\s*(?:um|at|à|a las|-|\|)?\s*(?:\d{1,2}[:.h]\d{2}(?::\d{2})?|\d{1,2}時\d{1,2}分)"
    r"\s*(?:uhr|am|pm|h)?"
    r"(?:\s*\(?[A-Z]{2,5}\)?)?)?\s*"
    r"(?:\(.*\))?$",
    re.IGNORECASE,
)
# A byline block: "By Jane Doe", "Von Karim Natour", "Kommentar von".
_BYLINE = re.compile(
    r"^(?i:by|von|par|por|di|av|af|door|от|text|texte|text und fotos|kommentar von|ein kommentar "
    r"von|eine analyse von|analyse von|written by|reporting by|autor|autorin|author)(?:\s*:\s*|\s+)"
    r"(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*\s*(?:,|and|und|&|et|y|e)?\s*){0,8}$",
)
# Source and agency tags at the end of a story: "(dmk)", "Quelle: ntv.de", "(APA/dpa)".
_SOURCE_TAG = re.compile(
    r"^(?:\(\s*[\w/ ,.-]{1,30}\s*\)|[-–—]?\s*(?:with (?:additional )?reports? (?:by|from)|"
    r"(?:with )?additional reporting (?:by|from)|reporting by|editing by|compiled by)\s.{1,90}|"
    r"(?:quelle|source|fuente|mit material von|with reporting by)\s*:\s*.{1,60}|"
    r"[\w/,. -]{1,25}/(?:dpa|afp|apa|ap|sda|kna|epd|reuters)[\w/ ]*)$",
    re.IGNORECASE,
)

# A one-line teaser to another article inside the text: "Read more: Headline", "Lea también: ...".
_TEASER_LINE = re.compile(
    r"^\(?(?:read (?:more|also|next)|also read|see also|more on this|related|watch|listen|"
    r"lesen sie (?:auch|mehr)|mehr (?:dazu|zum thema|lesen)|weiterlesen|auch interessant|schon gelesen|"
    r"lire aussi|à lire aussi|voir aussi|lea(?: también| más)?|lee también|leer más|ver también|"
    r"(?:también )?(?:le )?puedes? (?:leer|ver|interesar)|le puede interesar|mira|"
    r"leggi anche|czytaj (?:też|także|więcej)|lees ook|läs också|les også|læs også|čtěte také)"
    r"\s*[:|»›>–—-]\s*\S",
    re.IGNORECASE,
)
# Calls to subscribe, sign up, buy or write in, and the affiliate notes around shop links.
_PROMO = re.compile(
    r"sign up (?:for|to) (?:our|the)\b.{0,40}newsletter|subscribe to (?:our|the)\b.{0,40}newsletter|"
    # the newsletter pitch in other words: "by signing up to our free weekly newsletter",
    # "delivered to your inbox", "Subscribe to Salon's weekly newsletter", "hol dir meinen
    # gratis Newsletter", "tragen Sie sich für den ... Newsletter ein", "newsletters gratuites"
    r"\bsigning up (?:for|to) our\b.{0,60}\b(?:newsletters?|emails?)\b|"
    r"(?:^|[.!?]\s+)subscribe to \w+['’]s\b.{0,40}\bnewsletter|"
    r"(?:^|[.!?,;:]\s+)(?:get|have|want)\b.{0,80}\b(?:delivered (?:\w+ ){0,2}to|to|in|into)"
    r" your inbox\b|"
    # (German: the reader addressed, no "nicht"/"kein" and no sentence end or quote between)
    r"\b(?:abonniere|hol dir|holen sie sich|tragen sie sich|trag dich)\b"
    r"(?:(?!\b(?:nicht|keine\w*)\b)[^.!?„“\"]){0,60}\bnewsletter|"
    r"(?:(?-i:\bSie sich)|\bdich)\b.{0,60}\bnewsletter\b.{0,60}\b(?:anmelden|eintragen)\b|"
    r"^(?:.{0,30} )?newsletters? gratuites?$|"
    r"for the latest\b.{0,80}\b(?:sign up|subscribe|download)|subscribe now\b|sign up here\b|"
    r"(?:melde dich|melden sie sich)\b.{0,40}\bnewsletter|newsletter (?:abonnieren|bestellen)|"
    r"(?:do|would) you (?:want|like) to (?:be informed|receive|get)\b.{0,60}\b(?:news|updates|newsletter)|"
    r"if you (?:enjoyed|liked|like) (?:reading )?this (?:post|article|story)|"
    r"abonnieren sie (?:unseren|den) newsletter|zapraszamy (?:też )?do subskrypcji|"
    r"newsletter informiert (?:sie|dich)\b|hier geht(?:'|’)?s zur (?:newsletter-)?anmeldung|"
    r"inscrivez-vous à (?:notre|la) newsletter|suscríbete a nuestro (?:boletín|newsletter)|"
    r"\b(?:may|might|could) (?:earn|receive|get) (?:a |an )?(?:small )?(?:share of (?:the )?)?"
    r"(?:affiliate )?(?:commission|revenue|compensation)|affiliate (?:link|commission)s?\b|"
    r"contains (?:affiliate links|references to products)|"
    r"please enable javascript|(?:browser|player) (?:that|which) supports html5|"
    # an app's or shop's no-script notice: "doesn't work properly without JavaScript enabled",
    # "Bitte aktivieren Sie JavaScript", "wymaga włączonego ... JavaScript"
    r"\bwork properly without javascript enabled|"
    r"\b(?:please|bitte|veuillez|por favor|proszę|you need to|you must)\s+(?:enable|aktivieren sie"
    r"|activez|activer|habilite|active|włącz)\w*\s+(?:\w+\s+)?javascript\b|"
    r"\bjavascript to run this (?:app|site|page|application)\b|"
    r"(?:stron|serwis|witryn|aplikacj)\w* wymaga włączonego\b.{0,40}\bjavascript|"
    r"does not support (?:the )?(?:html5 )?video|"
    r"get in touch with (?:our|the) [\w ]{0,30}(?:team|desk)|"
    r"(?:e-?mail(?:ing)?|contact|write to) us at \S+@|"
    r"(?<![(\"“„'])\ball rights reserved\b|alle rechte vorbehalten|tous droits réservés|"
    r"^(?:©[^.]{0,60}[.:]?\s*)?(?:vervielfältigung nur mit (?:schriftlicher )?genehmigung"
    r"|materiał chroniony prawem)|"
    r"we want to hear what you think about this article|submit your letter to the editor|"
    r"todos los derechos reservados|tutti i diritti riservati|"
    r"click here to (?:get|download|subscribe|sign up|follow)|"
    # Spanish: only the imperative or the publisher's own bulletin ("invitaban a suscribirse a un
    # boletín" is a story)
    r"\bsuscr[íi]bete\b.{0,40}\b(?:newsletter|boletín)|"
    r"\bsuscr[íi]b\w*\s+(?:a\s+)?nuestr[oa]s?\s+(?:boletín|newsletter)|"
    r"\b(?:escríbenos|escribirnos|(?-i:[Ss]chreiben Sie uns)|écrivez-nous)\b.{0,10}\S+@",
    re.IGNORECASE,
)
# A call to pay for the publisher's journalism ("Support our journalism: subscribe for $5 a
# month"). Stories about the press hold both halves ("fund local journalism ... 5,000
# subscribers", "readers who pay support quality journalism"), so: the reader is addressed
# ("support our", "Unterstützen Sie", a sentence opening with "Support"/"Invest in"), an imperative
# subscribe/donate verb or a price call follows, the block is short and reports no one's words.
_PAY_SUPPORT = re.compile(
    r"\b(?:support|invest in|fund)\s+our\s+(?:[\w-]+\s+){0,2}journalism\b|"
    r"(?-i:\b[Uu]nterstützen Sie)\s+(?:[\w-]+\s+){0,2}journalismus\b",
    re.IGNORECASE,
)
# "Support independent journalism. Donate now." names no "our": only in a block of at most two
# sentences (a longer one is a story that quotes the slogan), or with a price call.
_PAY_SUPPORT_START = re.compile(
    r"(?:^|[.!?:]\s+)(?:please\s+)?(?:support|invest in|fund)\s+(?:[\w-]+\s+){0,2}journalism\b",
    re.IGNORECASE,
)
_PAY_PRICE = re.compile(
    r"\bfor (?:only |just )?(?:[a-z]{0,3}[$€£]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:€|euros?|dollars?))"
    r"\s*(?:a|per|/)\s*(?:month|week|year)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]+\s+(?=\S)")
_PAY_ACT = re.compile(
    r"(?:^|[.!?:;,–—-]\s*|\b(?:and|or|please)\s+)(?:subscribe|donate|become a (?:member|"
    r"subscriber|supporter)|make a (?:donation|contribution)|contribute)\b|"
    r"\bby (?:subscribing|donating|becoming a (?:member|subscriber|supporter))\b|"
    r"(?-i:\b(?:[Aa]bonnieren|[Ss]penden|[Ww]erden) Sie\b)|\bjetzt (?:abonnieren|spenden)\b|"
    r"\bfor (?:only |just )?(?:[a-z]{0,3}[$€£]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:€|euros?|dollars?))"
    r"\s*(?:a|per|/)\s*(?:month|week|year)\b|"
    r"\b(?:für|ab) (?:nur )?\d+(?:[.,]\d+)?\s?(?:€|euro)\s*(?:im|pro|/)\s*monat\b",
    re.IGNORECASE,
)
# Someone's words are reported: a pitch is never said by anyone.
# ", pidió el alcalde", ", he added", ", the banner read", ", a lancé le ministre": a short
# clause after a comma that starts lower-case and does not go on with the call (", and",
# ", subscribe for", ", it's free", ", folgen Sie")
_ATTRIBUTED = re.compile(
    r"[,;]\s+(?!(?:and|or|but|plus|for|to|it|its|we|you|your|cancel|join|follow|tap|click|"
    r"subscribe|donate|sign|get|read|jetzt|folgen|abonnieren|abonniere|klicken|und|oder|aber|um|"
    r"et|ou|mais|pour|rejoignez|suivez|abonnez|cliquez|y|o|pero|para|e|síguenos|únete|"
    r"suscríbete|toca)\b)[a-zäöüéèàçñ][^,.;:!?]{0,40}[,.;!?]"
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|wrote|writes|urged|urges|asked|asks|announced|announces|"
    r"according to|sagt|sagte|sagten|schrieb|schreibt|betonte|erklärte|explicó|dijo|declaró|"
    r"afirmó|escribió|selon)\b|\ba (?:déclaré|dit|expliqué|écrit|affirmé|annoncé)\b",
    re.IGNORECASE,
)
# A placeholder for embedded content the reader has not consented to load: it names content
# to load AND asks for consent (either alone is ordinary prose: "um den Inhalt zu sehen",
# "keine Zustimmung gegeben", "users accept cookies").
_CONSENT_ASK = re.compile(
    r"\binhalte? von .{1,60} (?:zu )?laden|\bum (?:den|diesen|externen) inhalt .{0,40}"
    r"(?:zu laden|anzuzeigen|zu sehen)|\bexterne(?:r|n)? inhalte? (?:angezeigt|laden|anzeigen)|"
    r"\b(?:hierfür|dafür|hierzu|uns) keine zustimmung gegeben|"
    r"\b(?:view|see|display|load|show) this (?:content|video|post|embed|map|tweet)|"
    r"\bcookies to (?:view|see|show|load|display) (?:this|the) (?:content|video|post|embed|map)|"
    r"\bcookies to play this (?:video|content)|"
    r"\b(?:afficher|voir) ce contenu|\b(?:ver|mostrar) este contenido",
    re.IGNORECASE,
)
_CONSENT_WORD = re.compile(
    r"zustimm|einwillig|datenschutz|cookie|klicken sie|button|schaltfläche|\baccept|consent|"
    r"\ballow|\benable|accepter|veuillez|consentement|\bacept|consentimiento|\bdebes",
    re.IGNORECASE,
)
# Every _PROMO branch holds one of these words: a cheap substring test skips the slow regex on
# ordinary paragraphs (keep the two in step when adding a branch).
_PROMO_WORDS = (
    "newsletter", "subscri", "sign up", "download", "commission", "revenue", "compensation",
    "affiliate", "references to products", "javascript", "html5", "video", "get in touch", "us at",
    "reserved", "réservés", "reservados", "vorbehalten", "riservati", "you want", "you like",
    "if you", "subskrypcji", "suscríbete", "click here", "suscr", "anmeldung", "@",
    "genehmigung", "chroniony", "letter to", "inbox", "hear what you think", "gratuite",
)
# A link to a file with its type and size ("Informationsschreiben (PDF | 38 KB)"): the type and
# size end the block ("Der Bericht (PDF, 2 MB) ist ... abrufbar." is a sentence).
_DOWNLOAD = re.compile(r"(?<![a-z])(?:pdf|docx?|xlsx?|pptx?|zip|mp3)\W{0,4}\d+(?:[.,]\d+)?\s*(?:kb|mb|gb)\b",
                       re.IGNORECASE)
# Editorial notes about the story rather than the story: "This is a developing story", "This
# article was originally published by ...", a machine-translation note.
_NOTE = re.compile(
    r"^(?:this is a (?:breaking|developing)(?: news)? (?:new )?story|"
    r"this (?:article|story|post) (?:was|has been) (?:originally |first )?"
    r"(?:published|republished|updated|amended|corrected)\b|"
    r"read the original (?:article|story)|lest den originalartikel|lesen sie den originalartikel|"
    r"dies ist eine maschinelle übersetzung|this (?:article|story) (?:is|was) machine[- ]translated)",
    re.IGNORECASE,
)
# Filing lines under or above a post: "Category: News", "Tags: a, b", "Filed under: ...".
_FILED = re.compile(
    r"^(?:categor(?:y|ies)|kategorien?|filed under|posted in|tags|tagged|schlagwörter|"
    r"stichwörter|schlagworte|étiquettes|etiquetas|catégories?|categorías?)\s*:\s*\S.{0,120}$",
    re.IGNORECASE,
)
# A credit line that starts with the agency: "AFP / Marco Bertorello", "REUTERS/Jane Doe".
_AGENCY_HEAD = re.compile(
    r"^(?:afp|ap|dpa|reuters|epa(?:-efe)?|getty images|imago|keystone|anadolu|xinhua|apa|sda|ansa|"
    r"efe|picture alliance)\s*/\s*[^\W\d][\w'’.-]*(?:\s+[\w'’.-]+){0,5}$",
    re.IGNORECASE,
)
# Picture captions in the text: "... (Picture: Getty Images)", "Pictured from left, ...".
# (Both are searched in the last 100 characters only: a caption's credit ends it.)
_CAPTION_CREDIT = re.compile(
    r"\((?:picture|photo|photograph|image|foto|bild|credit|crédit)s?\s*:[^()]{1,80}\)\W*$|"
    r"\s[©ⓒ]\s*[^\s©ⓒ][^©ⓒ]{0,60}$",
    re.IGNORECASE,
)
_PICTURED = re.compile(r"pictured\b", re.IGNORECASE)

# Blocks after which the article is over, whatever follows (comment forms, corrections, promos).
_HARD_END = re.compile(
    r"^(?:would you like to comment|comments? (?:are|is) closed|join the conversation|"
    r"leave a (?:comment|reply)|post a comment|add a comment|show comments|view comments|"
    r"you must (?:be logged in|log in|confirm)|"
    # a log-in note, only when it is about commenting ("Sie müssen sich anmelden, um einen
    # Termin zu buchen" is article text)
    r"(?:(?:du musst|sie müssen) (?:(?:dich|sich) )?(?:eingeloggt|angemeldet|registriert) sein|"
    r"(?:du musst dich|sie müssen sich) (?:anmelden|einloggen|registrieren),? um|"
    r"vous devez être (?:connecté|inscrit)|debes (?:estar registrado|iniciar sesión|ser usuario)|"
    r"devi (?:essere registrato|effettuare il login))"
    r"(?=.{0,80}(?:kommentar|comment|commentaire|comentar|commento))|"
    r"(?:keine|no|0) (?:kommentare|comments|commentaires|comentarios)(?: yet| bisher| vorhanden)?"
    r"\W*(?:\(.*\))?$|"
    r"kommentare (?:erscheinen|werden) (?:erst )?(?:nach .{0,30}(?:freigabe|freischaltung|prüfung)"
    r"|.{0,30}freigeschaltet)|(?:all )?comments (?:are|will be) moderated|"
    r"comments (?:are|will be) (?:reviewed|approved) before (?:they|being) (?:appear|publish|post)|"
    r"got a story\?|for more stories like this|"
    r"fehler (?:auf [\w.]+ )?entdeckt|inhaltliches feedback|kommentar abgeben|"
    r"du musst dich einloggen|wie hat ihnen (?:dieser|der) artikel gefallen|"
    r"unabhängiger journalismus braucht|"
    r"postmedia is committed to maintaining|please read our comment policy|"
    r"sign up \(it's quick and free\)|join (?:our|the) (?:commenting forum|discussion)|"
    r"to (?:view|read|continue reading|keep reading|access)(?: (?:the |this )?"
    r"(?:full |rest of (?:the |this )?)?(?:story|article))?,? (?:please )?(?:subscribe|log in|sign in)|"
    r"subscribe (?:now )?(?:to|for) (?:continue|keep) reading|this (?:article|story|content) is "
    r"(?:only )?(?:available |reserved )?(?:to|for) (?:subscribers|members)|"
    r"already a subscriber|pour (?:lire la suite|accéder en illimité)|"
    r"(?:jetzt )?\d+ (?:wochen|tage|monate) (?:kostenlos|gratis) (?:testen|lesen)|"
    r"この記事は会員限定です)",
    re.IGNORECASE,
)
# Headings of link lists: the end when only headlines follow, an inline box when prose follows.
_SOFT_END = re.compile(
    r"^(?:read more|more stories|more from|more on this story|"
    r"related(?: articles| stories|"
    r" content| coverage| posts| topics)?|you may also like|you might also like|"
    r"recommended(?: for you)?|most read|most popular|trending(?: now)?|"
    r"latest (?:news|stories|videos)|share this (?:article|story)|"
    r"(?:popular(?: now| stories| articles)?|top stories|editor'?s'? picks|more news|don'?t miss|"
    r"in case you missed it|(?:what to )?read next|read also|also read|notas relacionadas|"
    r"(?:weitere|mehr|more|further) (?:informationen|information) (?:zum thema|on this topic))"
    r"(?=\W*$)|"  # (a lookahead: the final \b must still see the phrase's last letter)
    r"lust auf mehr|schon gelesen|weitere themen|top-themen|meistgelesen|kommentierte artikel|"
    r"das könnte dich auch interessieren|vous aimerez aussi|à voir aussi|también te puede interesar|"
    r"ähnliche artikel|ähnliche|weitere artikel|mehr zum thema|mehr aus|"
    r"das könnte sie auch interessieren|lesen sie (?:auch|mehr)|auch interessant|"
    r"kommentare|empfehlungen der redaktion|"
    r"lire aussi|à lire aussi|sur le même sujet|leer más|lee también|te puede interesar|"
    r"noticias relacionadas|leggi anche|articoli correlati|relaterte saker|läs mer|"
    r"relaterade artiklar|související články|関連記事|関連キーワード|おすすめ情報|"
    r"관련 기사|相關新聞|相关新闻)\b",
    re.IGNORECASE,
)

# An invitation to the publisher's messenger channel ("Join our WhatsApp channel", "tenemos canal
# de Telegram"): a network's channel, and the channel is the publisher's own. A story about
# someone else's channel ("the group's Telegram channel") names neither "our" nor "we have".
_MESSENGER_CHANNEL = re.compile(
    r"(?:telegram|whats\s?app)[- ]?(?:channel|kanal|canal|chaîne|canale|community)|"
    r"(?:channel|kanal|canal|chaîne|canale|community|gruppe|grupo|group) (?:(?:de|on|auf|en|in|su|"
    r"sur) )?(?:telegram|whats\s?app)",
    re.IGNORECASE,
)
_MESSENGER_CALL = re.compile(
    # the publisher's own channel: "join our", "unser WhatsApp-Kanal", "tenemos canal de Telegram"
    r"\b(?:our|unser\w*|nuestro|notre|nostro)\s+(?:\w+[- ])?(?:telegram|whats\s?app|"
    r"channel|kanal|canal|chaîne|canale|community)|"
    r"\b(?:tenemos|we have|wir haben|nous avons|abbiamo)\s+(?:(?:un|una|a|einen|une)\s+)?"
    r"(?:canal|channel|kanal|chaîne|canale)\b",
    re.IGNORECASE,
)
# ... and the reader is asked to act: join, follow, tap here. A quote or a reporting verb means
# someone's words ("\"We have a channel on Telegram ...,\" said Maria Lopez"). "here"/"hier"/
# "ici"/"aquí" alone is a place ("our channel was blocked here"): only with a link verb.
_MESSENGER_ACT = re.compile(
    r"\b(?:join|follow|subscribe|tap|click|abonnier\w*|folg(?:e|t|en sie)|tritt|klick\w*|"
    r"únete|unete|suscríbete|suscribete|síguenos|siguenos|rejoignez|abonnez-vous|"
    r"suivez|iscriviti|seguici|unisciti|cliquez|clique|toca|pulsa)\b",
    re.IGNORECASE,
)
_QUOTE_MARK = re.compile(r"[\"“”„«»]")
# The heading of a press release's contact details ("Pressekontakt:", "Media contact"): past the
# middle of the text, only addresses, phone numbers and mail addresses follow.
# Only press forms: "Kontakt", "Contact" or "Investor Relations" head sections of service
# articles ("Öffnungszeiten / Kontakt / Anfahrt").
_CONTACT_HEAD = re.compile(
    r"^(?:(?:press|presse|media|medien)[- ]?(?:kontakte?|contacts?)|contact presse|"
    r"contacto de prensa|contatto stampa|ansprechpartner(?:in)? für (?:die )?(?:presse|medien)"
    r"(?:fragen|anfragen)?|für rückfragen|for (?:further )?media (?:enquiries|inquiries)|"
    r"(?:kontakt|contact) (?:für medien|for (?:the )?media))\s*:?$",
    re.IGNORECASE,
)

_TRAIL = " \t.:;!?…|·•-–—»›>"

# Cheap pre-checks: most blocks are article prose that no pattern here matches, and a failing
# search of a long case-insensitive pattern tries each of its branches at every position. A
# pattern is run only on a text holding a word that every one of its matches holds (keep the
# lists in step with the patterns). re.IGNORECASE matches these characters to an ASCII letter
# that str.lower() does not give them ("ſ" is an "s" to it, "İ" an "i"): a text holding one is
# not pre-checked (tests/test_boilerplate.py checks the list against the re module).
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
# every branch of _CONSENT_ASK holds one of these
_CONSENT_HINTS = ("inhalt", "zustimmung", "this ", "cookies to", "ce contenu", "este contenido")
# a match of _DOWNLOAD ends with a unit
_DOWNLOAD_HINTS = ("kb", "mb", "gb")
# a match of _AGENCY_TAIL ends (before trailing non-word characters) with one of these
_AGENCY_ENDS = (
    "image", "images", "afp", "dpa", "alliance", "imago", "shutterstock", "reuters", "photo",
    "press", "istock", "epa", "efe", "keystone", "alamy", "unsplash", "pexels", "ddp", "xinhua",
    "anadolu", "sipa", "zuma", "bloomberg",
)


def _lacks_words(text: str, words: tuple[str, ...]) -> bool:
    """True when ``text`` surely holds none of ``words`` (lower-case ASCII) as re.IGNORECASE
    would find them; False when it holds one or may (a character of ``_ODD_CASE``)."""
    if not text.isascii() and _ODD_CASE.search(text):  # (isascii reads a flag: no scan)
        return False
    low = text.lower()
    return not any(word in low for word in words)


def _may_end_with_agency(text: str) -> bool:
    """False when surely no agency's name ends the text (``_AGENCY_TAIL``'s pre-check)."""
    last = text[: _word_end(text)]
    return bool(_ODD_CASE.search(last)) or last.lower().endswith(_AGENCY_ENDS)


def _word_end(text: str) -> int:
    """Where the text's trailing run of non-word characters (regex ``\\W*$``) begins."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return end


# One word that is a label of the page's furniture (an ad slot's, a category widget's title, a
# sign-up button) but can also head a section of an article ("Registrieren" in a how-to,
# "Categories" in a review): see ``label_line``. An ad slot's label ("Reklama") is far more
# often one than a subheading, like "Anzeige" in _UI_BLOCK.
_LABEL_LINE = re.compile(
    r"^(?:kategorien|categories|abonnieren|anmelden|registrieren|inscrivez-vous"
    r"|abonnez-vous|s'abonner|s’abonner|suscr[íi]bete|iscriviti|assine|zapisz się"
    r"|weiterlesen|release date|cookie policy|last modified|letzte änderung|gefällt mir)$",
    re.IGNORECASE,
)


_NEWSLETTER_TITLE = re.compile(
    r"^(?:newsletters?\s*[:|–—-]\s*\S.*|(?:\S+\s+){0,3}\S*newsletter)$", re.IGNORECASE)


def newsletter_title(text: str) -> bool:
    """The title of a newsletter sign-up box: "Newsletter: Sport inside", "PC Gamer Newsletter",
    "Musiknewsletter" (its blurb follows; see clean_blocks)."""
    return (len(text) <= 60 and len(text.split()) <= 6 and text[-1:] not in ".!?"
            and " | " not in text and bool(_NEWSLETTER_TITLE.match(text.strip())))


def label_line(text: str) -> bool:
    """A furniture label that is also a possible subheading; the caller decides by place."""
    return len(text) <= 40 and bool(_LABEL_LINE.match(text.strip(_TRAIL)))


def ui_block(text: str) -> bool:
    """A short interface string that is never article text ("Advertisement", "Share")."""
    if len(text) > 80:
        return False
    bare = text.strip(_TRAIL)
    return bool(_UI_BLOCK.match(bare) or _NETWORK_LIST.match(bare) or _NETWORK_OPEN.match(text)
                or _SHARE_LINE.match(bare) or _FOLLOW_LINE.match(bare))


def open_network_bar(text: str) -> bool:
    """A share/follow bar line that ends with a joiner ("Facebook,"): its last name follows."""
    return len(text) <= 80 and bool(_NETWORK_OPEN.match(text.strip()))


def network_name(text: str) -> bool:
    """One social network's name alone ("WhatsApp")."""
    return len(text) <= 20 and bool(_NETWORK_NAME.match(text.strip(_TRAIL)))


def credit_block(text: str) -> bool:
    """A picture caption credit or a photo-agency line."""
    if len(text) > 160:
        return False
    if _CREDIT.match(text):
        return True
    if text.endswith(".") or len(text.split()) > 12:
        return False
    tail = text[-48:]
    return _may_end_with_agency(tail) and bool(_AGENCY_TAIL.search(tail))  # the agency ends it


def date_block(text: str) -> bool:
    """A block that only holds a date (and maybe a time), like a header date bar."""
    return len(text) <= 60 and bool(_DATE_ONLY.match(text.strip()))


def byline_block(text: str) -> bool:
    """A short "By Jane Doe" line."""
    return len(text) <= 80 and bool(_BYLINE.match(text.strip(" .:")))


def source_block(text: str) -> bool:
    """An agency or source tag line, "(dmk)" or "Quelle: ntv.de"."""
    return len(text) <= 70 and bool(_SOURCE_TAG.match(text.strip()))


def hard_end(text: str) -> bool:
    """A block after which only boilerplate follows (comment forms, corrections, promos)."""
    return len(text) <= 200 and bool(_HARD_END.match(text.strip(" \t>»›-–—|:")))


def soft_end(text: str) -> bool:
    """The heading of a link list ("Read more", "Most read in Sport", "À lire aussi ...")."""
    return len(text) <= 80 and bool(_SOFT_END.match(text.strip(" \t>»›-–—|:")))


def messenger_promo(text: str) -> bool:
    """An invitation to follow the publisher's WhatsApp or Telegram channel."""
    if len(text) > 300:
        return False
    low = text.lower()  # substring tests first: most blocks name no messenger
    if "telegram" not in low and "whats" not in low:
        return False
    return bool(
        _MESSENGER_CHANNEL.search(text)
        and _MESSENGER_CALL.search(text)
        and _MESSENGER_ACT.search(text)
        and not _QUOTE_MARK.search(text)
        and not _REPORTED.search(text)
    )


def contact_head(text: str) -> bool:
    """The heading of a press release's contact details ("Pressekontakt:", "Media contact")."""
    return len(text) <= 60 and bool(_CONTACT_HEAD.match(text.strip(" \t>»›-–—|")))


def teaser_line(text: str) -> bool:
    """A "Read more: Another headline" line pointing to another article."""
    return len(text) <= 250 and bool(_TEASER_LINE.match(text.strip(" \t>»›-–—|")))


def promo_block(text: str) -> bool:
    """A newsletter, affiliate, contact, video-player or copyright note, not article text."""
    if len(text) > 400:
        return False
    low = text.lower()
    return any(word in low for word in _PROMO_WORDS) and bool(_PROMO.search(text))


_LINK_VERB = re.compile(
    # a link verb, or the link itself pointed at ("en este enlace", "über diesen Link")
    r"\b(?:tap|click|klick\w*|cliquez|clique|toca|pulsa|(?:este|this|diesen|ce|questo|neste)"
    r" (?:enlace|link|lien|collegamento)(?: de invitación| d'invitation)?)\b", re.IGNORECASE)


def strong_pitch(text: str) -> bool:
    """A pitch with a price to pay for our journalism ("for only $5 a month"), or our messenger
    channel with a link verb ("tap here to follow"). Only such strong signs count: the same
    calls without them ("Join our Telegram channel, the ministry posted", "Let us know in the
    comments: the council wants your views") are often reported speech, anywhere in a story."""
    if len(text) > 300:
        return False
    low = text.lower()  # neither pitch without its word: spare most blocks the pattern
    if "journalis" not in low and "telegram" not in low and "whats" not in low:
        return False
    if _ATTRIBUTED.search(text):
        return False
    if pay_pitch(text) and _PAY_PRICE.search(text):
        return True
    return messenger_promo(text) and bool(_LINK_VERB.search(text))  # the cheap test first


def pay_pitch(text: str) -> bool:
    """A short call to pay for the publisher's journalism ("Support our journalism: subscribe")."""
    if len(text) >= 250 or "journalis" not in text.lower():
        return False
    if _QUOTE_MARK.search(text) or _REPORTED.search(text) or not _PAY_ACT.search(text):
        return False
    if _PAY_SUPPORT.search(text):
        return True
    return bool(
        _PAY_SUPPORT_START.search(text)
        and (len(_SENTENCE_END.findall(text.strip())) < 2 or _PAY_PRICE.search(text))
    )


def download_block(text: str) -> bool:
    """A line offering a file to download: its type and size end it, or it is a label
    ("Bericht (PDF, 2 MB) herunterladen") rather than a sentence ending in a full stop."""
    if len(text) > 160 or _lacks_words(text, _DOWNLOAD_HINTS):
        return False
    match = _DOWNLOAD.search(text)
    if match is None:
        return False
    bare = text.rstrip(" \t)]|\"'“”„»«’")
    # one final full stop after the type and size ("Bericht herunterladen (PDF, 2 MB).")
    unstopped = bare[:-1].rstrip(" \t)]|") if bare.endswith(".") and not bare.endswith("..") else bare
    if match.end() >= len(unstopped):
        return True
    # a label ("Bericht (PDF, 2 MB) herunterladen"), not a sentence: short, no sentence end,
    # no quotation, nothing announced by a colon
    return (
        len(text.split()) <= 16 and len(unstopped) - match.end() <= 40
        and bare[-1:] not in ".!?:" and not _QUOTE_MARK.search(text)
    )


def caption_block(text: str) -> bool:
    """A picture caption or credit left in the text ("... (Picture: AP)", "AFP / Jane Doe")."""
    text = text.strip()
    if len(text) > 400:
        return False
    tail = text[-100:]
    if ("(" in tail or "©" in tail or "ⓒ" in tail) and _CAPTION_CREDIT.search(tail):
        return True
    return bool(_PICTURED.match(text) or ("/" in text and _AGENCY_HEAD.match(text)))


def note_block(text: str) -> bool:
    """An editorial note about the story ("This is a developing story - more to follow")."""
    return len(text) <= 300 and bool(_NOTE.match(text.strip()))


def filed_block(text: str) -> bool:
    """A "Category: News" or "Tags: a, b" line."""
    return len(text) <= 140 and bool(_FILED.match(text.strip()))


def doubled_block(text: str) -> bool:
    """A teaser card that shows its headline twice ("Headline Headline")."""
    half, rest = divmod(len(text), 2)
    if rest != 1 or half < 12:
        return False
    return text[:half] == text[half + 1 :] and text[half] == " "


def consent_block(text: str) -> bool:
    """A placeholder asking the reader to consent before embedded content loads."""
    if len(text) > 300 or _lacks_words(text, _CONSENT_HINTS):
        return False
    return bool(_CONSENT_ASK.search(text) and _CONSENT_WORD.search(text))


def junk_block(text: str) -> bool:
    """Any single block that is not article text."""
    if len(text) > 400:
        return False  # longer than any of the kinds below: a paragraph of the article
    return (
        ui_block(text)
        or teaser_line(text)
        or promo_block(text)
        or strong_pitch(text)
        or download_block(text)
        or consent_block(text)
        or caption_block(text)
        or filed_block(text)
        or note_block(text)
        or doubled_block(text)
        or credit_block(text)
        or date_block(text)
        or byline_block(text)
        or source_block(text)
    )

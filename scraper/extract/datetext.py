"""Multilingual date, time, zone and relative-date parsing of short strings (tables and regexes)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

MIN_YEAR = 1990
MAX_YEAR = 2099

# --------------------------------------------------------------------------- tables

_MONTHS: dict[int, str] = {
    1: "january jan janv januar jänner jaenner janvier enero ene janeiro gennaio gen январь января"
    " январе янв ocak styczeń stycznia januari januar janúar ledna leden يناير كانون_الثاني"
    " جانفي"
    " ianuarie siječnja siječanj січня януари ιανουαρίου ιανουάριος tammikuuta"
    " जनवरी جنوری জানুয়ারি มกราคม ม.ค. ינואר ژانویه"
    " janvāris janvārī sausio студзеня jaanuar januari enero בינואר",
    2: "february feb febr februar février fevrier févr fév fev febrero fevereiro febbraio"
    " февраль февраля феврале фев şubat subat luty lutego februari febrúar února únor فبراير"
    " شباط فيفري"
    " februarie veljače veljača лютого февруари φεβρουαρίου φεβρουάριος helmikuuta"
    " फ़रवरी फरवरी فروری ফেব্রুয়ারি กุมภาพันธ์ ก.พ. פברואר فوریه"
    " februāris februārī vasario лютага veebruar pebrero בפברואר",
    3: "march mar märz maerz mrz mars marzo março marco март марта марте мар mart marzec marca"
    " maret maart mrt marts března březen مارس آذار"
    " martie március ožujka ožujak березня μαρτίου μάρτιος maaliskuuta marec"
    " mac मार्च مارچ মার্চ มีนาคม มี.ค. מרץ"
    " marts martā kovo сакавіка märts machi marso במרץ",
    4: "april apr avril avr abril abr aprile апрель апреля апреле апр nisan kwiecień kwietnia"
    " apríl dubna duben أبريل ابريل إبريل نيسان أفريل"
    " aprilie április travnja travanj квітня април απριλίου απρίλιος huhtikuuta"
    " अप्रैल اپریل এপ্রিল เมษายน เม.ย. אפריל آوریل"
    " aprīlis aprīlī balandžio красавіка aprill aprili באפריל",
    5: "may mai mayo maio maggio mag май мая мае mayıs mayis maj maja mei maí května květen"
    " مايو أيار ماي"
    " május svibnja svibanj травня μαΐου μάιος toukokuuta"
    " मई مئی মে พฤษภาคม พ.ค. מאי"
    " maijs maijā gegužės мая במאי",
    6: "june jun juni juin junio junho giugno giu июнь июня июне июн haziran czerwiec czerwca"
    " júní června červen يونيو يونيه حزيران جوان"
    " iunie június lipnja lipanj червня юни ιουνίου ιούνιος kesäkuuta junij"
    " जून جون জুন มิถุนายน มิ.ย. יוני ژوئن"
    " jūnijs jūnijā birželio чэрвеня juuni hunyo ביוני",
    7: "july jul juli juil juillet julio julho luglio lug июль июля июле июл temmuz lipiec"
    " lipca júlí července červenec يوليو يوليه تموز جويلية"
    " iulie július srpnja srpanj липня юли ιουλίου ιούλιος heinäkuuta julij"
    " julai जुलाई جولائی জুলাই กรกฎาคม ก.ค. יולי ژوئیه"
    " jūlijs jūlijā liepos ліпеня juuli hulyo ביולי",
    8: "august aug août aout agosto ago agost август августа августе авг ağustos agustos"
    " sierpień sierpnia agustus agu agt augustus augusti ágúst srpna srpen أغسطس اغسطس آب أوت"
    " augusztus avgust kolovoza kolovoz серпня αυγούστου αύγουστος elokuuta"
    " ogos अगस्त اگست আগস্ট สิงหาคม ส.ค. אוגוסט"
    " augusts augustā rugpjūčio жніўня agosti באוגוסט",
    9: "september sep sept septembre septiembre setiembre setembro settembre set сентябрь"
    " сентября сентябре сен сент eylül eylul wrzesień września septembri září سبتمبر أيلول"
    " septembrie szeptember septembar rujna rujan вересня септември σεπτεμβρίου"
    " σεπτέμβριος syyskuuta"
    " सितंबर सितम्बर ستمبر সেপ্টেম্বর กันยายน ก.ย. ספטמבר سپتامبر"
    " septembris septembrī rugsėjo верасня septemba setyembre בספטמבר",
    10: "october oct oktober okt octobre octubre outubro out ottobre ott октябрь октября"
    " октябре окт ekim październik października október října říjen أكتوبر اكتوبر"
    " تشرين_الأول تشرين_اول"
    " octombrie október oktobar жовтня октомври οκτωβρίου οκτώβριος lokakuuta"
    " अक्टूबर अक्तूबर اکتوبر অক্টোবর ตุลาคม ต.ค. אוקטובר اکتبر"
    " oktobris oktobrī spalio кастрычніка oktoober oktoba oktubre באוקטובר",
    11: "november nov novembre noviembre novembro ноябрь ноября ноябре ноя kasım kasim"
    " listopad listopada nóvember listopadu نوفمبر تشرين_الثاني"
    " noiembrie novembar studenoga studeni листопада ноември νοεμβρίου νοέμβριος"
    " marraskuuta"
    " नवंबर नवम्बर نومبر নভেম্বর พฤศจิกายน พ.ย. נובמבר نوامبر"
    " novembris novembrī lapkričio лістапада novemba nobyembre בנובמבר",
    12: "december dec dez dezember décembre decembre déc diciembre dic dezembro dicembre"
    " декабрь декабря декабре дек aralık aralik grudzień grudnia desember des desembre"
    " prosince prosinec ديسمبر كانون_الأول كانون_اول"
    " decembrie decembar prosinca prosinac грудня декември δεκεμβρίου δεκέμβριος"
    " joulukuuta"
    " disember दिसंबर दिसम्बर دسمبر ডিসেম্বর ธันวาคม ธ.ค. דצמבר دسامبر"
    " decembris decembrī gruodžio снежня detsember desemba disyembre בדצמבר",
}
# more of the Indian subcontinent's scripts (Marathi, Gujarati, Punjabi, Tamil, Telugu, Kannada,
# Malayalam, Sinhala, Nepali; Tamil's and Malayalam's abbreviations, "மார் 13,2024"), the
# Caucasus (Georgian, Armenian), Central Asia (Kazakh, and
# Azerbaijani and Uzbek in Latin letters), Albanian, Greek's abbreviations, and the
# genitives of Serbian and Bosnian (in both scripts), Slovenian and Macedonian ("12. marta"),
# Polish abbreviations (phpBB's "20 Lut 2024 14:22"; not "lip" and "lis", July and November
# in Polish but June and October in Croatian) and Khmer ("ទី១៦ ខែមេសា ឆ្នាំ២០២៤")
_MONTHS_MORE: dict[int, str] = {
    1: "ஜன ജനു जानेवारी જાન્યુઆરી ਜਨਵਰੀ ஜனவரி జనవరి ಜನವರಿ ജനുവരി ජනවාරි जनवरी"
    " იანვარი იანვარს հունվարի հունվար қаңтар yanvar janar janarit ιαν"
    " januara januarja јануар јануара јануари sty មករា",
    2: "பிப் ഫെബ് फेब्रुवारी ફેબ્રુઆરી ਫ਼ਰਵਰੀ ਫਰਵਰੀ பிப்ரவரி ఫిబ్రవరి ಫೆಬ್ರವರಿ ഫെബ്രുവരി පෙබරවාරි फेब्रुअरी"
    " თებერვალი თებერვალს փետրվարի փետրվար ақпан fevral shkurt shkurtit φεβ"
    " februara februarja фебруар фебруара lut កុម្ភៈ",
    3: "மார் മാർ मार्च માર્ચ ਮਾਰਚ மார்ச் మార్చి ಮಾರ್ಚ್ മാർച്ച് මාර්තු"
    " მარტი მარტს մարտի մարտ наурыз mart mars marsit μαρ"
    " marta មីនា",
    4: "ஏப் ഏപ്രി एप्रिल એપ્રિલ ਅਪ੍ਰੈਲ ਅਪਰੈਲ ஏப்ரல் ఏప్రిల్ ಏಪ್ರಿಲ್ ഏപ്രിൽ අප්‍රේල් අප්රේල් अप्रिल"
    " აპრილი აპრილს ապրիլի ապրիլ сәуір aprel prill prillit απρ"
    " aprila априла kwi មេសា",
    5: "मे મે ਮਈ மே మే ಮೇ മേയ് മെയ് මැයි"
    " მაისი მაისს մայիսի մայիս мамыр may maj majit μαΐ μαι"
    " мај маја ឧសភា",
    6: "जून જૂન ਜੂਨ ஜூன் జూన్ ಜೂನ್ ജൂൺ ජූනි"
    " ივნისი ივნისს հունիսի հունիս маусым iyun qershor qershorit ιουν"
    " juna junija јун јуна јуни cze មិថុនា",
    7: "जुलै જુલાઈ ਜੁਲਾਈ ஜூலை జూలై ಜುಲೈ ജൂലൈ ජූලි जुलाई"
    " ივლისი ივლისს հուլիսի հուլիս шілде iyul korrik korrikut ιουλ"
    " jula julija јул јула јули កក្កដា",
    8: "ഓഗ ऑगस्ट ઓગસ્ટ ઑગસ્ટ ਅਗਸਤ ஆகஸ்ட் ఆగస్టు ಆಗಸ್ಟ್ ഓഗസ്റ്റ് ആഗസ്റ്റ് අගෝස්තු अगस्ट"
    " აგვისტო აგვისტოს օգոստոսի օգոստոս тамыз avqust gusht gushtit αυγ"
    " augusta avgusta sie សីហា",
    9: "செப் സെപ് सप्टेंबर સપ્ટેમ્બર ਸਤੰਬਰ செப்டம்பர் సెప్టెంబర్ ಸೆಪ್ಟೆಂಬರ್ സെപ്റ്റംബർ සැප්තැම්බර් सेप्टेम्बर"
    " სექტემბერი სექტემბერს սեպտեմբերի սեպտեմբեր қыркүйек sentyabr sentabr shtator shtatorit"
    " σεπ σεπτ"
    " septembra септембар септембра wrz កញ្ញា",
    10: "அக் ഒക്ടോ ऑक्टोबर ઓક્ટોબર ઑક્ટોબર ਅਕਤੂਬਰ அக்டோபர் అక్టోబర్ ಅಕ್ಟೋಬರ್ ഒക്ടോബർ ඔක්තෝබර්"
    " ოქტომბერი ოქტომბერს հոկտեմբերի հոկտեմբեր қазан oktyabr oktabr tetor tetorit οκτ"
    " oktobra октобар октобра paź paz តុលា",
    11: "நவ നവം नोव्हेंबर નવેમ્બર ਨਵੰਬਰ நவம்பர் నవంబర్ ನವೆಂಬರ್ നവംബർ නොවැම්බර් नोभेम्बर"
    " ნოემბერი ნოემბერს նոյեմբերի նոյեմբեր қараша noyabr nëntor nëntorit nentor νοε νοεμ"
    " novembra новембар новембра វិច្ឆិកា",
    12: "டிச ഡിസം डिसेंबर ડિસેમ્બર ਦਸੰਬਰ டிசம்பர் డిసెంబర్ ಡಿಸೆಂಬರ್ ഡിസംബർ දෙසැම්බර් डिसेम्बर"
    " დეკემბერი დეკემბერს դեկտեմբերի դեկտեմբեր желтоқсан dekabr dhjetor dhjetorit δεκ"
    " decembra децембар децембра gru ធ្នូ",
}
# The Solar Hijri (Jalali) months of Iran's and Afghanistan's press, numbered 101-112: a date
# in them is converted (_mkdate). Written with the Persian or the Arabic yeh.
_JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
                  "دی", "بهمن", "اسفند"]
MONTHS: dict[str, int] = {
    name.replace("_", " "): num for table in (_MONTHS, _MONTHS_MORE)
    for num, names in table.items() for name in names.split()
} | {
    variant: 101 + i for i, name in enumerate(_JALALI_MONTHS)
    for variant in (name, name.replace("ی", "ي"))
}

# month words that are also an ordinary word in another language: read only on a page in these
# languages, or in one whose language is unknown (Malay's "Mac" is an Apple computer in English)
# (or right after a word of that language: a Malay site declared "en-US", WordPress's default)
# (Hindi pages misspell "में", "in", as Marathi and Nepali "मे", May; Gujarati "મેં" as "મે")
# (Spanish, Portuguese, Italian and Filipino "ago", August, is English's "ago": "12h ago 12 hours
# ago" read "ago 12" as 12 August)
_MONTH_LANGS = {"mac": frozenset({"ms", ""}), "मे": frozenset({"mr", "ne", ""}),
                "મે": frozenset({"gu", ""}),
                "ago": frozenset({"es", "pt", "it", "ca", "gl", "tl", "fil", ""})}
_MALAY_BEFORE = re.compile(r"(?<!\w)(?:pada|diterbitkan|dikemas\s+kini|tarikh|isnin|selasa|rabu"
                           r"|khamis|jumaat|sabtu|ahad)(?!\w)[\s,:]*$", re.IGNORECASE)
_MONTH_WORDS_BEFORE = {"mac": _MALAY_BEFORE}
# month words whose month depends on the language: Croatian (and Bosnian) "listopad" is
# October, Polish and Czech "listopad" November; the abbreviations "lis" and "lip" are October
# and June in Croatian, November and July in Polish ("" : a page of unknown language)
_MONTH_BY_LANG: dict[str, dict[str, int]] = {
    **{word: {"hr": 10, "bs": 10, "": 11} for word in ("listopad", "listopada", "listopadu")},
    "lis": {"hr": 10, "bs": 10, "pl": 11}, "lip": {"hr": 6, "bs": 6, "pl": 7},
}
# month words read only after their day: South Slavic genitives ("12. marta"; "Marta 12" is a
# name) and Greek abbreviations ("ΝΟΕ 3 2022" is a party's acronym)
_DAY_FIRST_ONLY_WORDS = (
    "januara januarja јануара februara februarja фебруара marta aprila априла маја juna junija"
    " јуна jula julija јула augusta avgusta septembra септембра oktobra октобра novembra новембра"
    " decembra децембра ιαν φεβ μαρ απρ μαΐ μαι ιουν ιουλ αυγ σεπ σεπτ οκτ νοε νοεμ δεκ")
_DAY_FIRST_ONLY = frozenset(_DAY_FIRST_ONLY_WORDS.split())


def _month_in(word: str, context: str, text: str, start: int) -> int | None:
    """The month a month word names, on a page of ``context`` ('lang tld'), in a date that
    starts at ``start`` of ``text``."""
    word = word.lower()
    by_lang = _MONTH_BY_LANG.get(word)
    if by_lang is not None:
        return by_lang.get(context.partition(" ")[0], by_lang.get(""))
    langs = _MONTH_LANGS.get(word)
    if langs is not None and context.partition(" ")[0] not in langs and not (
            word in _MONTH_WORDS_BEFORE and _MONTH_WORDS_BEFORE[word].search(
                text, max(0, start - 30), start)):
        return None
    return MONTHS.get(word)


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many words, nested by shared prefixes so a miss fails on its
    first character (the re module tries a flat alternation word by word)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return build(tree)


_MONTH_ALT = trie_pattern([m.lower() for m in MONTHS] + [w for w in _MONTH_BY_LANG if w not in MONTHS])

# Abbreviation -> (offset minutes, IANA zone or None, generic: offset follows the zone's DST)
ZONE_ABBR: dict[str, tuple[int, str | None, bool]] = {
    "UTC": (0, None, False), "GMT": (0, None, False), "Z": (0, None, False),
    "TU": (0, None, False),  # (French "temps universel": RFI's "à 17:45 TU")
    "ET": (-300, "America/New_York", True), "EST": (-300, "America/New_York", False),
    "EDT": (-240, "America/New_York", False), "CT": (-360, "America/Chicago", True),
    "CST": (-360, "America/Chicago", False), "CDT": (-300, "America/Chicago", False),
    "MT": (-420, "America/Denver", True), "MST": (-420, "America/Denver", False),
    "MDT": (-360, "America/Denver", False), "PT": (-480, "America/Los_Angeles", True),
    "PST": (-480, "America/Los_Angeles", False), "PDT": (-420, "America/Los_Angeles", False),
    "AKST": (-540, "America/Anchorage", False), "AKDT": (-480, "America/Anchorage", False),
    "HST": (-600, "Pacific/Honolulu", False), "AST": (-240, None, False),
    "ADT": (-180, "America/Halifax", False), "NST": (-210, "America/St_Johns", False),
    "CET": (60, None, False), "CEST": (120, None, False), "MEZ": (60, None, False),
    "MESZ": (120, None, False), "WET": (0, None, False), "WEST": (60, None, False),
    "EET": (120, None, False), "EEST": (180, None, False), "BST": (60, "Europe/London", False),
    "IST": (330, "Asia/Kolkata", False), "MSK": (180, "Europe/Moscow", False),
    "TRT": (180, "Europe/Istanbul", False), "AEST": (600, "Australia/Sydney", False),
    "AEDT": (660, "Australia/Sydney", False), "ACST": (570, "Australia/Adelaide", False),
    "ACDT": (630, "Australia/Adelaide", False), "AWST": (480, "Australia/Perth", False),
    "NZST": (720, "Pacific/Auckland", False), "NZDT": (780, "Pacific/Auckland", False),
    "WIB": (420, "Asia/Jakarta", False), "WITA": (480, "Asia/Makassar", False),
    "WIT": (540, "Asia/Jayapura", False), "JST": (540, "Asia/Tokyo", False),
    "KST": (540, "Asia/Seoul", False), "HKT": (480, "Asia/Hong_Kong", False),
    "SGT": (480, "Asia/Singapore", False), "PHT": (480, "Asia/Manila", False),
    "PKT": (300, "Asia/Karachi", False), "ICT": (420, None, False), "EAT": (180, None, False),
    "CAT": (120, None, False), "SAST": (120, "Africa/Johannesburg", False),
    "WAT": (60, None, False), "BRT": (-180, "America/Sao_Paulo", False),
    "ART": (-180, "America/Argentina/Buenos_Aires", False), "MYT": (480, "Asia/Kuala_Lumpur", False),
    "GST": (240, "Asia/Dubai", False), "IDT": (180, "Asia/Jerusalem", False),
    "NPT": (345, "Asia/Kathmandu", False), "BDST": (360, "Asia/Dhaka", False),
    "BdST": (360, "Asia/Dhaka", False),  # (bdnews24's "18:05 BdST")
    # South America's own ("18:05 CLST", "06:05 p. m. COT")
    "CLT": (-240, "America/Santiago", False), "CLST": (-180, "America/Santiago", False),
    "COT": (-300, "America/Bogota", False), "PET": (-300, "America/Lima", False),
    "VET": (-240, "America/Caracas", False), "ECT": (-300, "America/Guayaquil", False),
    "BOT": (-240, "America/La_Paz", False), "PYT": (-240, "America/Asuncion", False),
    "PYST": (-180, "America/Asuncion", False), "UYT": (-180, "America/Montevideo", False),
    # Canadian French: heure avancée / normale de l'Est, du Centre, des Rocheuses, du Pacifique,
    # de l'Atlantique, de Terre-Neuve
    "HAE": (-240, "America/Toronto", False), "HNE": (-300, "America/Toronto", False),
    "HAC": (-300, "America/Winnipeg", False), "HNC": (-360, "America/Winnipeg", False),
    "HAR": (-360, "America/Edmonton", False), "HNR": (-420, "America/Edmonton", False),
    "HAP": (-420, "America/Vancouver", False), "HNP": (-480, "America/Vancouver", False),
    "HAA": (-180, "America/Halifax", False), "HNA": (-240, "America/Halifax", False),
    "HAT": (-150, "America/St_Johns", False), "HNT": (-210, "America/St_Johns", False),
    # Arabic papers name the zone by its city: "18:05 بتوقيت مكة" (Mecca time), and Saudi ones
    # write KSA
    "KSA": (180, "Asia/Riyadh", False), "بتوقيت مكة المكرمة": (180, "Asia/Riyadh", False),
    "بتوقيت مكة": (180, "Asia/Riyadh", False), "بتوقيت الرياض": (180, "Asia/Riyadh", False),
    "بتوقيت السعودية": (180, "Asia/Riyadh", False), "بتوقيت أبوظبي": (240, "Asia/Dubai", False),
    "بتوقيت أبو ظبي": (240, "Asia/Dubai", False), "بتوقيت الإمارات": (240, "Asia/Dubai", False),
    "بتوقيت دبي": (240, "Asia/Dubai", False), "بتوقيت الدوحة": (180, "Asia/Qatar", False),
    "بتوقيت الكويت": (180, "Asia/Kuwait", False), "بتوقيت بغداد": (180, "Asia/Baghdad", False),
    "بتوقيت القاهرة": (120, "Africa/Cairo", True), "بتوقيت بيروت": (120, "Asia/Beirut", True),
    "بتوقيت غرينتش": (0, None, False), "بتوقيت جرينتش": (0, None, False),
}
ZONE_ABBR.update({
    # English Canada's generic Atlantic and Newfoundland times ("5:42 PM AT", CBC; "NT" is also
    # the Northwest Territories: see abbr_zone), and Newfoundland's daylight time
    "AT": (-240, "America/Halifax", True), "NT": (-210, "America/St_Johns", True),
    "NDT": (-150, "America/St_Johns", False),
})
# zones written out in full ("08:30 AM Eastern Daylight Time": Business Wire), each as its
# abbreviation reads (a name is no ambiguous abbreviation: "India Standard Time" is India's)
_ZONE_NAMES: dict[str, tuple[int, str | None, bool]] = {
    f"{name} Time": ZONE_ABBR[abbr] for name, abbr in (
        ("Eastern Standard", "EST"), ("Eastern Daylight", "EDT"), ("Eastern", "ET"),
        ("Central Standard", "CST"), ("Central Daylight", "CDT"), ("Central", "CT"),
        ("Mountain Standard", "MST"), ("Mountain Daylight", "MDT"), ("Mountain", "MT"),
        ("Pacific Standard", "PST"), ("Pacific Daylight", "PDT"), ("Pacific", "PT"),
        ("Alaska Standard", "AKST"), ("Alaska Daylight", "AKDT"), ("Hawaii Standard", "HST"),
        ("Hawaii-Aleutian Standard", "HST"), ("Atlantic Daylight", "ADT"), ("Atlantic", "AT"),
        ("Newfoundland Standard", "NST"),
        ("Newfoundland Daylight", "NDT"), ("Newfoundland", "NT"), ("Greenwich Mean", "GMT"),
        ("Coordinated Universal", "UTC"), ("British Summer", "BST"), ("Central European", "CET"),
        ("Central European Summer", "CEST"), ("Eastern European", "EET"),
        ("Eastern European Summer", "EEST"), ("Western European", "WET"),
        ("Western European Summer", "WEST"), ("India Standard", "IST"), ("Moscow", "MSK"),
        ("Japan Standard", "JST"), ("Korea Standard", "KST"), ("Singapore", "SGT"),
        ("Singapore Standard", "SGT"), ("Hong Kong", "HKT"), ("Philippine Standard", "PHT"),
        ("Pakistan Standard", "PKT"), ("Gulf Standard", "GST"), ("South Africa Standard", "SAST"),
        ("Australian Eastern Standard", "AEST"), ("Australian Eastern Daylight", "AEDT"),
        ("Australian Central Standard", "ACST"), ("Australian Central Daylight", "ACDT"),
        ("Australian Western Standard", "AWST"), ("New Zealand Standard", "NZST"),
        ("New Zealand Daylight", "NZDT"))
} | {"Atlantic Standard Time": (-240, "America/Halifax", False),
     "Israel Standard Time": (120, "Asia/Jerusalem", False),
     "Israel Daylight Time": (180, "Asia/Jerusalem", False),
     "China Standard Time": (480, "Asia/Shanghai", False)}
_CANADIAN_FRENCH = {"HAE", "HNE", "HAC", "HNC", "HAR", "HNR", "HAP", "HNP", "HAA", "HNA", "HAT",
                    "HNT", "AT", "NT"}  # read on a Canadian page only (.ca or fr-CA, en-CA)
# Readings that depend on the page: language or country code -> (offset, zone)
_IST_ALT = {"he": (120, "Asia/Jerusalem"), "il": (120, "Asia/Jerusalem"),
            "ie": (60, "Europe/Dublin"), "ga": (60, "Europe/Dublin")}
_CST_ALT = {"zh": (480, "Asia/Shanghai"), "cn": (480, "Asia/Shanghai"), "tw": (480, "Asia/Taipei")}
_BST_ALT = {"bn": (360, "Asia/Dhaka"), "bd": (360, "Asia/Dhaka")}

_ZONE_ALT = "|".join(sorted((a for a in itertools.chain(ZONE_ABBR, _ZONE_NAMES) if a != "Z"),
                           key=len, reverse=True))

# --------------------------------------------------------------------------- regexes

# The zeros of the decimal digits outside ASCII (Unicode's "Nd" in the Basic Multilingual
# Plane: Arabic-Indic, Persian, N'Ko, the Indic scripts from Devanagari to Sinhala, Thai, Lao,
# Tibetan, Myanmar, Khmer, Mongolian ... and full-width), each the first of ten in a row
_DIGIT_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
)
_DIGITS = {zero + i: str(i) for zero in _DIGIT_ZEROS for i in range(10)} | {ord("："): ":"}

# A pattern that starts with a number is written "(\d(?<!X\d)\d{3})", not "(?<!X)(\d{4})" (and
# "(\d(?<!X\d)\d?)" for "(?<!X)(\d{1,2})"): the same matches (the look-behind, taken after the
# first digit, tests the same character before it), but a pattern that starts with a digit is
# searched for at the digits only, a lot faster than one that starts with a look-behind and
# is tried at every character (tests/test_dates.py compares both forms).
ISO_RE = re.compile(
    # (not a file's or a slug's name: "report-2024-02-29.html", "IMG_2024-02-29")
    r"(\d(?<!\d\d)(?<![^\W\d_]-\d)(?<!\w_\d)\d{3})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?"
    # (an hour of one digit with its colon: "+5:30", a few Indian CMSes')
    r"(?:[.,]\d{1,9})?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d:\d{2}|[+-]\d{2}(?!\d))?)?(?!\d)"
    r"(?!\.(?:html?|php|aspx?|pdf|jpe?g|png|gif|webp|svg|docx?|xlsx?|pptx?|zip|csv|txt|mp[34])\b)"
)
_YMD = re.compile(r"(\d(?<![\d.]\d)\d{3})([./])(\d{1,2})\2(\d{1,2})(?![\d/])\.?")
# "2012. 05. 08." (Hungarian, Korean): a space after each dot, and the dot after the day
_YMD_SPACED = re.compile(r"(\d(?<![\d.]\d)\d{3})\. (\d{1,2})\. (\d{1,2})\.(?!\d)")
_YEAR_DOT_SPACE = re.compile(r"\. \d(?<=\d{4}\. \d)")  # led by a literal: a cheap whole-text test
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
# an era's year: Japan's "令和6年3月12日" (Reiwa 6, 2024; "令和元年", its first year, 2019) and
# "平成", Taiwan's "民國113年3月12日" (the Republic's 113th year, 2024); Taiwan also writes the
# Minguo year bare, "113年3月12日" and "113/03/12" (read so on Chinese pages only: no other
# Chinese date has a year of three digits)
_ERA_CJK = re.compile(r"(令和|平成|民國|民国)\s*(元|\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_ERA_BASE = {"令和": 2018, "平成": 1988, "民國": 1911, "民国": 1911}
_MINGUO = re.compile(r"(1\d(?<![\d./年-]1\d)\d)(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"
                     r"|([/.])(\d{1,2})\4(\d{1,2})(?![\d/.]))")
# a month and day without a year, as Chinese, Japanese and Korean pages print a day of this
# year: "3/12(火) 18:05", "（3/13 08:22 更新）", "3月12日 18時05分" (read only with a time)
# Vietnamese "ngày 12 tháng 3 năm 2024", "12 tháng 3, 2024" (day, "month" and its number,
# "year"), scanned for only in a text that has "tháng"; Mongolian "2024 оны 3 сарын 12" and
# "2024 оны 3-р сарын 12" (year's, month's), only in one that has "сарын"
_VI = re.compile(r"(?<![\d/.])(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+)(\d{4})(?!\d)",
                 re.IGNORECASE)
_MN = re.compile(r"(\d{4})\s+оны\s+(\d{1,2})(?:-р)?\s+сарын\s+(\d{1,2})(?!\d)", re.IGNORECASE)
# Xinhua's year, then its month and day, then a clock, each in a span of its own: "2024 03/12
# 18:05:22" (read on Chinese, Japanese and Korean pages only, and only with the clock)
_Y_MD_CJK = re.compile(r"(?<![\d/.:-])(\d{4})\s+(\d{1,2})\s*/\s*(\d{1,2})(?=\s+\d{1,2}:\d\d)")
_MD_CJK = re.compile(r"(?<![\d年년/.])(\d{1,2})(?:/|\s*[月월]\s*)(\d{1,2})(?:\s*[日일])?(?![\d/.])")
_CJK_LANGS = ("ja ", "zh ", "ko ")
# Latvian "2024. gada 12. martā" (the year's "gada", then day and month): scanned for only in
# a text that has "gada"
_YDM_LV = re.compile(r"(\d(?<!\d\d)\d{3})\.\s*gada\s+(\d{1,2})\.\s*(" + _MONTH_ALT + r")(?!\w)",
                     re.IGNORECASE)
# a day and month without a year, dotted, as Finnish, Czech and German pages print a day of
# this year: "12.3. 18:05", "13. 3. 8:22" (read only with a time)
_DM_DOTTED = re.compile(r"(\d(?<![\d.]\d)\d?)\.\s?(\d{1,2})\.(?![\d.])")
# (a middle dot between the parts: Prensa Ibérica's "12·03·24 | 18:05", read day first)
_NUM = re.compile(r"(\d(?<![\d.,/:·-]\d)\d?)([./·-]|[ \xa0]\|[ \xa0])\s?(\d{1,2})\2\s?"
                  r"(\d{4}(?=\d{1,2}:\d\d(?!\d))"
                  # (a clock glued to the year: Al Jazeera's "7/3/202421:40")
                  r"|(?:\d{4}|\d{2})(?![\d:]|\.\d|/\d))")
# possessive "\d?+" and "[\s\-]*+": nothing that may follow the day's digits starts with a
# digit, nor does "de"/"of" or a month start with a space or "-", so giving back never matches
_DMY_TEXT = re.compile(
    r"(\d(?<![\w:]\d)\d?+)(?:st|nd|rd|th|er|e|º|°|\.)?(?:[\s\-]*+|/)(?:de\s+|of\s+)?(" + _MONTH_ALT + r")"
    # (the Levantine and the Egyptian name of the month side by side: "12 آذار / مارس 2024";
    # slashes between the parts: The Wire's "12/APR/2024")
    r"(?![\w\u0900-\u0dff\u1780-\u17ff])\.?(?:\s*[/(]\s*[\u0621-\u064a]{3,8}\)?)?\s?[,،]?(?:/(?=\d)|[\s\-]*)"
    r"(?:de\s+|del\s+|พ\.ศ\.\s*|ค\.ศ\.\s*)?('?\d{4}|['’]\d{2}(?!\d)"
    # a two-digit year before a clock: actu.fr's "12 Mar 24 à 18:05"
    r"|\d{2}(?!\d)(?=\s*(?:à|at|um|,)?\s*\d{1,2}[:h]\d{2})|(?=\s*(?:\d{1,2}[:h.]\d{2}|um|à|at|в"
    # no year and no clock ("Published: 12th March"): read after a label only (find_dates)
    r"|a las))|(?![\s,]*\d)())",
    re.IGNORECASE,
)
_MDY_TEXT = re.compile(
    # the lookahead (a word or two of letters, then a digit) is implied by the pattern, every
    # month name being letters with at most one space: it spares the month trie at the words
    # not followed by a number, a third of this pattern's time. Its repeats are possessive
    # ("{1,12}+", "?+"): a word's letters are never followed by the space, dot or digit the
    # rest needs, so giving some back never helps, and trying that was most of the time.
    # (month names in Indic scripts and Thai hold vowel signs, which are not letters: a word
    # in those scripts is always tried)
    r"(?<!\w)(?=[^\W\d_]{1,12}+(?: [^\W\d_]{1,12}+)?+\.?\s*\d|[\u0900-\u0e7f\u1780-\u17ff])"
    # the day is no numeric date's first part: "…en abril" ending a headline above "12/03/2024"
    r"(" + _MONTH_ALT + r")(?![\w\u0900-\u0dff\u1780-\u17ff])\.?\s*"
    r"(\d{1,2})(?:st|nd|rd|th)?(?!\d|[./-]\d)(?:,?\s*(\d{4}|['’]\d{2})(?!\d))?",
    re.IGNORECASE,
)
_YMD_TEXT = re.compile(  # 2021. július 22. / 2021 July 22
    # not a year that ends a date written before it: "March 12, 2024 March 13, 2024" (two
    # <time> elements side by side) holds no "2024 March 13"
    # (Lithuanian "2024 m. kovo 12 d.": the year's "m.")
    r"(\d(?<!\d\d)(?<!\d, \d)(?<!\d,\d)(?<!\d \d)(?<!\d[./-]\d)\d{3})\.?\s+(?:m\.\s*)?(" + _MONTH_ALT
    + r")(?![\w\u0900-\u0dff\u1780-\u17ff])\.?\s+(\d{1,2})(?!\d)", re.IGNORECASE
)
# weekdays written between a date and its time ("12 Mart 2024 Salı 18:05", "2024. március 12.,
# kedd 18:05"), as read by _TIME_AFTER
_WEEKDAYS = trie_pattern([day for names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    "hétfő kedd szerda csütörtök péntek szombat vasárnap",
    "понедельник вторник среда четверг пятница суббота воскресенье",
    "poniedziałek wtorek środa czwartek piątek sobota niedziela",
    "pondělí úterý středa čtvrtek pátek neděle",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag",
    "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
    "esmaspäev teisipäev kolmapäev neljapäev reede laupäev pühapäev",
    "pirmdiena otrdiena trešdiena ceturtdiena piektdiena sestdiena svētdiena",
    "pirmadienis antradienis trečiadienis ketvirtadienis penktadienis šeštadienis sekmadienis",
    "luni marți marţi miercuri joi vineri sâmbătă duminică",
    "понеделник сряда четвъртък петък събота неделя",
    "понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя",
    "δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή",
    "ponedjeljak ponedeljak utorak srijeda sreda četvrtak petak subota nedjelja nedelja",
    "pondelok utorok streda štvrtok piatok nedeľa ponedeljek torek četrtek petek",
    "senin selasa rabu kamis jumat sabtu minggu",
    "понедељак уторак среда четвртак петак субота недеља",
) for day in names.split()])
_AR_WEEKDAYS = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"
# a weekday (and its comma) right before a date: "Thursday, March 14, 2024"
WEEKDAY_BEFORE = re.compile(r"(?<!\w)(?:" + _WEEKDAYS + r"|" + _AR_WEEKDAYS
                            + r")\.?\s*[,،]?\s*(?:den\s+)?$",  # (Danish "torsdag den 14. marts")
                            re.IGNORECASE)
_TIME_AFTER = re.compile(
    # (a colon only before a colon clock: "12 مارس ,2024: 06:05", not "March 12, 2024: 1.09")
    # ("،": the Arabic comma, "۲۲ اسفند ۱۴۰۲، ۱۸:۰۵")
    r"\.?[\s,،|·•\-–—/()@]*(?::(?=\s*\d{1,2}:\d\d))?[\s,،|·•\-–—/()@]*"
    # a weekday in brackets between the date and the time: "2024年3月12日(火) 18:05",
    # "(星期二)", "2024.03.12(화)"
    r"(?:[(（]\s*(?:[月火水木金土日월화수목금토일](?:曜日?|요일)?|(?:星期|周|週)[一二三四五六日天])"
    r"\s*[)）]\s*)?"
    # the year's abbreviation ("12 марта 2024 г.", "12 marca 2024 r.") or a weekday
    # (and Arabic's era after a Gregorian or a Hijri date: "12/03/2024 م 06:05 م")
    r"(?:(?:г\.|r\.|roku|года?|d\.|թ\.|ж\.|م(?!\w)|هـ?(?!\w))[\s,]*)?"
    r"(?:(?:" + _WEEKDAYS + r")(?!\w)[\s,|·•\-–—/()]*)?"
    r"(?:(?:at|um|à|a las|às|alle\s+ore|alle|ore|kl\.?|klo|o|в|во|saat|godz\.?|pukul"
    r"|jam|om|le|el|am|u|v|ve|ob|у|о|เวลา|lúc|ម៉ោង|, "
    # the clock's own label after the date's: "Date: 12/03/2024 Time: 18:05"
    r"|(?:time|hora|heure|uhrzeit|ora|saat|время|الوقت|الساعة)\s*:)\s*)?[\s,]*"
    # "18時5分" has a one-digit minute; CJK seconds carry their 秒/초 ("06時00分 13日" has none)
    # (Sinhala's before-noon and after-noon marks lead the clock too: "ප.ව. 06:05")
    # (Flemish writes the hour's "u": "14/04/08 - 14u35")
    r"(오전|오후|午前|午後|上午|下午|පෙ\.ව\.|ප\.ව\.)?\s*(\d{1,2})\s*(?::|h|u(?=\d\d)|\.|時|시)\s*"
    r"(\d{2}|\d(?=\s*[分분]))"
    r"(?:\s*(?::|(?:分|분)(?=\s*\d{2}\s*[秒초]))\s*(\d{2}))?"
    # a clock, not the day and month of a date on the next line ("13.03. – Die Stadtwerke")
    r"(?!\d|[./-]\d)(?!(?<=\.\d\d)\.)(?:\s*(?:分|분|秒|초))?\s*(a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b|uhr\b|hrs?\b|h\b"
    r"|horas\b|(?:صباحا|مساء|ص|م)(?!\w)|अपराह्न|पूर्वाह्न|μ\.\s?μ\.|π\.\s?μ\."
    # Khmer's morning, afternoon and evening after the clock ("ម៉ោង ០៦:០៥ ល្ងាច")
    r"|ព្រឹក|រសៀល|ល្ងាច)?",
    re.IGNORECASE,
)
_HOUR_AFTER = re.compile(
    r"[\s,|·•\-–—/]*(?:at\s+)?(1[0-2]|0?[1-9])\s*(a\.\s?m\.|p\.\s?m\.|am\b|pm\b|a\.m\b|p\.m\b)",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(
    # "18:05 GMT, 12 March 2024", "6:05 PM EDT, Tue March 12, 2024", "6.05pm, 4 Jul 2024" (a
    # dot only before am/pm)
    r"(?<![\d:.])(\d{1,2})\s*(?:[:h]|\.(?=\d\d\s*[ap]\.?\s?m))\s*(\d{2})(?::(\d{2}))?"
    r"\s*(a\.?\s?m\.?|p\.?\s?m\.?|uhr|h|(?:مساء|صباحا|م|ص)(?!\w))?"
    r"\s*(?:\(?(" + _ZONE_ALT + r")\)?)?\s*[,،|·•\-–—/]?\s*(?:on\s+|le\s+|el\s+|am\s+)?"
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+"
    # Arabic weekdays: "06:05 م الثلاثاء 12 مارس 2024"
    r"|(?:" + _AR_WEEKDAYS + r")\s*[،,]?\s+)?$",
    re.IGNORECASE,
)
_ZONE_AFTER = re.compile(  # "\s*(?:[(\[]\s*)?", not "\s*[(\[]?\s*": quadratic on a whitespace run
    # ("GMT+700": the hour's one digit before the minutes)
    r"\s*(?:[(\[]\s*)?(?:(UTC|GMT)\s*([+\-−–])\s*(\d(?=\d\d(?!\d))|\d{1,2})(?::?(\d{2}))?"
    r"|([+\-−])(\d{2}):?(\d{2})(?!\d)"
    r"|(" + _ZONE_ALT + r"|Z)(?![\w+-]))\s*[)\]]?"
)

# A non-ASCII letter that matches an ASCII one ignoring case (the re module lets "ı" and "İ"
# match "i", "ſ" "s", "K" (Kelvin) "k")
_ASCII_FOLD = str.maketrans("ıİſK", "iisk")
_REGEX_SYNTAX = re.compile(r"[\\\[\](){}|?*+.^$]")


def ascii_stems(words: list[str]) -> tuple[str, ...]:
    """For the alternatives ``words`` of a pattern read ignoring case: the lower-case ASCII
    text each must start with to match ASCII text, its letters before any regex syntax
    ("publicad[oa]" -> "publicad"). An alternative with a non-ASCII letter there ("publié")
    can match no ASCII text, and is left out (but for _ASCII_FOLD's letters).
    lacks_stems() uses them to rule out a search of ASCII text with a few substring tests."""
    stems = []
    for word in words:
        m = _REGEX_SYNTAX.search(word)
        stem = word if m is None else word[:m.start() - (m.group() in "?*{")]  # ("updated?")
        depth = 0
        for ch in word[len(stem):].replace("\\", ""):  # a "|" outside groups: more words
            depth += (ch == "(") - (ch == ")")
            if ch == "|" and depth == 0:
                raise ValueError(f"{word!r} is more than one alternative")
        if not stem:
            raise ValueError(f"no literal start in {word!r}")
        stem = stem.translate(_ASCII_FOLD).lower()  # ("yayınlanma" matches "YAYINLANMA")
        if stem.isascii():
            stems.append(stem)
    return tuple(stems)


def lacks_stems(text: str, stems: tuple[str, ...]) -> bool:
    """``text`` is ASCII and holds none of ``stems`` (ascii_stems'), so no alternative of
    theirs can match it: a tenth of the cost of the search it spares."""
    if not text.isascii():
        return False
    low = text.lower()
    return not any(stem in low for stem in stems)


# (a list of alternatives each, so that ascii_stems can read them)
_UPDATED_ALTS = [
    "updated?", "modified", "edited", "revised", r"last\s+change", "aktualisiert", "geändert",
    "bearbeitet", r"letzte\s+änderung", r"mise?\s+à\s+jour", "modifié", "actualizad[oa]", "actualización",
    "atualizad[oa]", "aggiornat[oa]", "обновлен[оа]?", "изменен[оа]?", r"güncelle\w*", "zaktualizowano",
    "aktualizacja", "更新", "수정", "업데이트", "diperbarui", "bijgewerkt", "gewijzigd", "oppdatert",
    "uppdaterad", "opdateret", "päivitetty", "aktualizováno", "تحديث", "عدل", "अपडेट", "আপডেট", "হালনাগাদ",
    "اپ ڈیٹ", "עודכן", "به‌روزرسانی", "بروزرسانی", "อัปเดต", "อัพเดท", "อัพเดต", "cập nhật",
    "dikemas kini", "modifica", "modificat[oa]", r"ultima\s+modifica", "aangepast", "actualisé",
    "atualização", "ενημερώθηκε", "ενημέρωση", "ενημερωθηκε", "ενημερωση", "actualizat", "actualizării",
    "frissítve", "frissítés", "оновлено", "upraveno", "aktualizacji", r"ultimo\s+agg(?:\.|iornamento)",
    "uppfært", "ažurirano", "aktualizované", "modyfikacj[ai]", "zmodyfikowano",
    r"ostatni(?:a|ej)\s+zmian[ay]", "posodobljeno", "ажурирано", "përditësuar", "imesasishwa", "மாற்றம்",
    "编辑于", "編輯於", "修改于", "修改於",
    # DataLife Engine's "Новину відредагував: admin", "Редактировалось"; not a bare credit
    # ("редагувала Олена Коваль": edited by)
    r"відредаг\w*", r"отредаг\w*", r"отредактир\w*", "редактировал(?:ось|ся)",
]
_PUBLISHED_ALTS = [
    "published", "posted", "created", r"first\s+published", "publication", "veröffentlicht",
    "erstellt", "erschienen", "publié", "publicado", "publicada", "pubblicato", "опубликовано",
    "yayınlanma", "yayın", "opublikowano", "udostępnion[oa]", "udostępnienia",
    "opublikowania",  # (a Polish register's "Data opublikowania")
    # (gov.pl's "Pierwsza publikacja:", "Data publikacji"; not "Publikacja wyników:", the results')
    r"publikacj[ai](?!\s+[^\W\d_])",
    "发布", "發布", "公開", "입력", "등록", "송고", "diterbitkan", "dipublikasikan", "gepubliceerd",
    "publisert", "publicerad", "publiceret", "julkaistu", "publikováno", "نشر", "प्रकाशित", "প্রকাশ",
    "شائع", "פורסם", "منتشر", "เผยแพร่", "objavljeno", "објављено", "publikuar", "közzétéve",
    "publikované", "publicat", "imechapishwa", "பதிவு",
]
# ... and a date's own label word ending the label ("Datum:", "Date")
_DATE_LABEL_WORDS = ["datum", "date", "fecha", "data", "dato", "tarih", "дата", "日期", "날짜", "tanggal"]
# a Latin word starts at a word's start; a Chinese, Japanese or Korean one anywhere ("最終更新")
_LABEL_WORD_START = r"(?:(?<![\w-])|(?=[\u3040-\u9fff\uac00-\ud7af]))"
UPDATED_WORDS = re.compile(_LABEL_WORD_START + "(" + "|".join(_UPDATED_ALTS) + ")", re.IGNORECASE)
PUBLISHED_WORDS = re.compile(
    _LABEL_WORD_START + "(" + "|".join(_PUBLISHED_ALTS) + r"|(?:^|\s)(?:" + "|".join(_DATE_LABEL_WORDS)
    + r")\s*:?\s*$)", re.IGNORECASE)
# what ASCII text must hold for either to match (lacks_stems)
LABEL_STEMS = ascii_stems(_UPDATED_ALTS + _PUBLISHED_ALTS + _DATE_LABEL_WORDS)

PROFILE_WORDS = re.compile(  # a member's join date on a forum post, never the post's date
    r"(?<![\w-])(registered|joined|member\s+since|registriert|mitglied\s+seit|dabei\s+seit"
    r"|angemeldet|inscrit|inscription|membre\s+depuis|registrado|miembro\s+desde|registrato"
    r"|iscritto|membro\s+dal|lid\s+sinds|geregistreerd|зарегистрирован\w*|на\s+форуме\s+с"
    r"|kayıt\s+tarihi|zarejestrowany|dołączył\w*|bergabung|注册|登録|가입)\b[^\n]{0,12}$",
    re.IGNORECASE,
)
ACCESS_WORDS = re.compile(  # "abgerufen am", "Retrieved": when a reader saw a cited page
    r"(?<![\w-])(abgerufen|retrieved|accessed|consulté|consultado|consultato|geraadpleegd"
    r"|dostęp|erişim\s+tarihi)\b[^\n\w]{0,3}(?:(?:am|on|le|el|em|il|op|dnia)\b[^\n\w]{0,3})?$",
    re.IGNORECASE,
)
# a document the text is about, dated: "Urteil vom 20. Februar 2024" under a court's press
# release of 27.02.2024, "judgment of 12 March", "wyrok z dnia", "Beschluss vom"
DOCUMENT_WORDS = re.compile(
    r"(?<![\w-])(?:urteil(?:e|en)?|beschl(?:uss|üsse)|entscheidung|verordnung|gesetz(?:es)?|erlass"
    r"|bescheid|verfügung|judg(?:e)?ments?|ruling|arrêt|jugement|décision|sentencia|sentenza"
    r"|ordinanza|wyrok|postanowienie|uitspraak|rozsudek|usnesení)"
    r"\s+(?:vom|of|dated|du|de|del|z\s+dnia|van|ze\s+dne)\s*$", re.IGNORECASE)
# an embargo line: when the media may report a release, not when the page was published
# ("EMBARGOED UNTIL 00:01 GMT 13 March 2024", "Sperrfrist: 12.03.2024, 18:00 Uhr", "Embargo
# jusqu'au 13 décembre 2023, 17h00", "No publicar antes de")
EMBARGO_WORDS = re.compile(
    r"(?<![\w-])(?:embargo(?:ed)?|sperrfrist|sous\s+embargo|not\s+for\s+(?:release|publication)"
    r"|no\s+publicar|vor\s+ablauf|frigives|sperrefrist|julkaisuvapaa|publicatievrij"
    r"|보도\s*시점|엠바고|解禁)"  # (Korean ministries' "보도시점", "time of reporting"; Japanese "解禁")
    r"[^\n]{0,40}$", re.IGNORECASE)
VALIDITY_WORDS = re.compile(  # "gültig von:", "valid until": a warning's or an offer's window
    r"(?<![\w-])(?:gültig|valid|valable|válid[oa]|valid[oa]|geldig|giltig|gyldig|voimassa)(?!\w)"
    # (a preposition or a colon after it: not a headline's "… bleiben gültig" above the date)
    r"(?:[^\n\w]{0,3}(?:von|bis|ab|from|until|till|through|to|du|jusqu'?(?:au|à)|desde|hasta"
    r"|dal|fino\s+al|van|vanaf|tot|från|fra|til|alkaen|asti)\b|\s*:)"
    r"[^\n\w]{0,3}(?:(?:am|on|le|el|il|op)\b[^\n\w]{0,3})?(?:(?:" + _WEEKDAYS + r")\.?,?\s*)?$",
    re.IGNORECASE)
RANGE_END = re.compile(  # "5. bis 11. Februar", "3-5 March", "du 3 au 5 mars": an event's span
    r"(?<![\d.:])\d{1,2}(?:\.|st|nd|rd|th|er)?(?:\s*(?:de\s+)?(?:" + _MONTH_ALT + r")\.?)?"
    r"\s*(?:[-–—]|bis|to|till|until|au|al|a|ao|до|do|tot|til)\s*$"
    # a span's start with its year ("June 2, 1938 – March 6, 2024": a life, a season's run)
    r"|(?<!\d)(?:1[89]|20)\d{2}\s*[-–—]\s*$",
    re.IGNORECASE,
)
RANGE_GAP = re.compile(r"\s*(?:[-–—]|bis|to|till|until|au|al|a|ao|до|do|tot|til)\s*",
                       re.IGNORECASE)  # between the two dates of a span

_REL_UNITS: dict[str, str] = {}
for _unit, _words in {
    "m": "minute minutes min mins minuten minuto minutos minuti минуту минуты минут dakika minut"
    " minuty menit minuut minutter minuter minutami minutou minuuttia minuutti хвилин хвилини"
    " λεπτά λεπτό"
    " minuty menit minuut 分钟 分 분 دقيقة دقائق मिनट মিনিট منٹ دقیقه phút นาที דקות"
    " minuta minuti минута минуте минута minučių minutes minútami મિનિટ"
    " minutit минути minūtēm minūtes mínútum dəqiqə daqiqa perccel",
    "h": "hour hours hr hrs stunde stunden heure heures hora horas ora ore час часа часов saat"
    " h std godz ч timer timmar timme hodinami hodinou tuntia tunti години годин годину ώρες ώρα"
    " godzinę godziny godzin jam uur 小时 時間 시간 ساعة ساعات घंटे घंटा ঘণ্টা گھنٹے گھنٹہ ساعت giờ"
    " ชั่วโมง שעות sat sata sati сат сата сати valandas valandą hodinami કલાક"
    " tundi tund stundām stundas orë klukkustundum klukkustund soat сағат órával",
    "d": "day days tag tagen jour jours día días dia dias giorno giorni день дня дней gün dzień"
    " dage dager dagar dny dnem päivää päivä zile днів дні μέρες ημέρες"
    " dni hari dag dagen 天 日 일 يوم أيام दिन দিন دن روز ngày วัน ימים"
    " dan dana дан дана dienas dieną dňami દિવસ"
    " päeva дни ден dienām ditë dögum kun күн nappal",
    "w": "week weeks woche wochen semaine semaines semana semanas settimana settimane неделю"
    " недели недель hafta tydzień tygodnie minggu week weken 周 週間 주",
}.items():
    for _w in _words.split():
        _REL_UNITS[_w] = _unit
_UNIT_ALT = trie_pattern(list(_REL_UNITS))
# a number starts after a non-digit, a number word after a non-letter ("data minutes ago" holds
# no "a minutes ago"): the bounds also spare the engine a try at every vowel of the text
_NUMWORD = (r"((?<!\d)\d{1,3}|(?<!\w)(?:an?|one|un|una|uno|une|einer|einem|einen|eine|um|uma|bir"
            r"|jeden|jedną))")
# the words that make a number and a unit a relative date, before them ("vor 2 Stunden") or
# after them ("2 hours ago"); "_" stands for the spaces inside a word (also read by find_relative)
_BEFORE_WORDS = ["vor", "hace", "il_y_a", "há", "ha", "לפני", "před", "acum", "πριν_από", "πριν",
                 "prije", "pre", "пре", "прије", "pred", "prieš", "преди", "pirms", "قبل"]
_AGO_WORDS = ["ago", "fa", "назад", "önce", "temu", "yang_lalu", "lalu", "geleden", "siden",
              "sedan", "sitten", "тому", "前", "전", "ที่แล้ว", "ที่ผ่านมา", "tagasi", "më_parë",
              "ezelőtt"]
# "ago" words that also mean "before" ("चुनाव से 2 दिन पहले मुख्यमंत्री ...": two days before the
# election): read only where the phrase ends
_AGO_OR_BEFORE = ["पहले", "আগে", "پہلے", "پیش", "trước", "પહેલા", "પહેલાં", "əvvəl", "oldin",
                  "бұрын"]  # ("Seçkidən 3 gün əvvəl keçirilən": 3 days before the election)
# and such words before the number ("prije 2 sata", also "prije 2 dana od izbora")
_BEFORE_OR_AGO = frozenset({"prije", "pre", "пре", "прије", "pred", "prieš", "преди", "pirms",
                            "قبل"})  # (Arabic "قبل 8 ساعات", 8 hours ago; "قبل يومين من": before)
_PHRASE_END = re.compile(r"\s*(?:$|[\n.,;:!?()|·•\-–—۔।])")
# Arabic and Hebrew say one and two of a unit with the unit's word alone: the singular and the
# dual ("منذ ساعتين", "לפני שעתיים": two hours ago; "منذ ساعة": an hour ago)
_WORD_COUNTS: dict[str, tuple[int, str]] = {
    "دقيقة": (1, "m"), "دقيقتين": (2, "m"), "ساعة": (1, "h"), "ساعتين": (2, "h"),
    "يوم": (1, "d"), "يومين": (2, "d"), "أسبوع": (1, "w"), "أسبوعين": (2, "w"),
    "דקה": (1, "m"), "שעה": (1, "h"), "שעתיים": (2, "h"), "יום": (1, "d"), "יומיים": (2, "d"),
    "שבוע": (1, "w"), "שבועיים": (2, "w"),
}
RELATIVE_RE = re.compile(
    # منذ may carry a prefix (ومنذ, "and since"): no word bound before it
    r"(?:(?:(?<!\w)(?:" + "|".join(_BEFORE_WORDS).replace("_", r"\s+") + r")|منذ)\s+" + _NUMWORD
    + r"\s+(" + _UNIT_ALT + r")(?!\w)"
    r"|" + _NUMWORD + r"\s*(" + _UNIT_ALT + r")\.?\s*"
    r"(?:(?:" + "|".join(_AGO_WORDS).replace("_", r"\s+") + r")(?!\w)"
    r"|(?:" + "|".join(_AGO_OR_BEFORE) + r")(?=\s*(?:$|[\n.,;:!?()|·•\-–—۔।])))"
    # (read only where the phrase ends: "منذ ساعة مبكرة" is "since an early hour")
    r"|(?:(?<!\w)(?:قبل|לפני)|منذ)\s+(" + "|".join(_WORD_COUNTS) + r")(?=\s*(?:$|[\n.,;:!?()|·•\-–—۔।])))",
    re.IGNORECASE,
)
_DAY_WORDS = [
    "yesterday", "today", "gestern", "heute", "hier", "aujourd'hui", "ayer", "hoy", "ontem",
    "hoje", "ieri", "oggi", "вчера", "сегодня", "dün", "bugün", "wczoraj", "dzisiaj", "dziś",
    "kemarin", "hari_ini", "gisteren", "vandaag", "i_går", "i_dag", "igår", "idag", "昨天", "今天",
    "昨日", "今日", "어제", "오늘", "أمس", "اليوم", "aujourd’hui", "dnes", "včera", "tänään", "eilen",
    "azi", "astăzi", "tegnap", "σήμερα", "χθες", "сьогодні", "вчора",
    # smaller markets: Estonian, South Slavic, Bulgarian, Latvian, Lithuanian, Albanian,
    # Icelandic, Azerbaijani, Uzbek, Kazakh, Kyrgyz
    "täna", "eile", "danas", "jučer", "juče", "данас", "јуче", "јучер", "днес", "šodien", "vakar",
    "šiandien", "í_dag", "í_gær", "dünən", "bugun", "kecha", "бүгін", "кеше",
    "бүгүн", "кечээ",
]
# nested by prefix (no word is the start of another, so it matches what a flat list would,
# faster); "_" stands for the spaces inside a word ("hari ini")
DAY_WORD_RE = re.compile(
    r"(?<!\w)(" + trie_pattern(_DAY_WORDS).replace("_", r"\s+") + r")(?!\w)", re.IGNORECASE)
# day words that are also an ordinary word in another language: read only on a page in these
# languages, or in one whose language is unknown ('hier' is "here" in German and Dutch)
# (short words that are other words too, Albanian "sot", Swahili "leo", Hungarian "ma", are
# not read at all: "A mérkőzés ma 18:05-kor kezdődik" is a coming match)
_DAY_WORD_LANGS = {"hier": frozenset({"fr", ""}), "eile": frozenset({"et", ""}),
                   "bugun": frozenset({"uz", ""}), "kecha": frozenset({"uz", ""})}
_YESTERDAY = {"yesterday", "gestern", "hier", "ayer", "ontem", "ieri", "вчера", "dün", "wczoraj",
              "včera", "eilen", "tegnap", "χθες", "вчора",
              "kemarin", "gisteren", "i går", "igår", "昨天", "昨日", "어제", "أمس", "eile",
              "jučer", "juče", "јуче", "јучер", "vakar", "í gær", "dünən", "kecha",
              "кеше", "кечээ"}
_TIME_ONLY = re.compile(
    r"[\s,:\-–|]*(?:at|um|à|a las|às|alle|в|saat|o|om|kl\.?|pukul)?\s*(\d{1,2})[:h.](\d{2})"
    # a clock, not the start of a date: "12.03.2024", "12.03." (day and month)
    r"(?!\d|[./-]\d)(?!(?<=\.\d\d)\.)"
    r"\s*((?i:a\.?m\.?|p\.?m\.?)(?!\w))?"  # ("Yesterday at 2:05 PM")
)

# --------------------------------------------------------------------------- parsed values


@dataclass(frozen=True)
class Parsed:
    """A date read from text: wall-clock fields, optional time and offset, and where it lay."""

    day: date
    hour: int | None
    minute: int | None
    second: int | None
    offset: int | None  # minutes east of UTC
    zone: str | None
    start: int
    end: int
    numeric_ambiguous: bool = False  # a 07/08/2021 read with the page's day/month order
    yearless: bool = False  # "22 July, 16:25": the year was supplied by the caller
    unlabelled: bool = False  # a numeric day without a year read as a stamp's own element's text

    @property
    def has_time(self) -> bool:
        return self.hour is not None


def _written_year(text: str, reference: int | None) -> int:
    """A year after a month name: "2012", "'2012", or "'12" / "’12" -> 2012, "'99" -> 1999 (the
    century that puts the year at most one year after the reference year: the crawl's, else
    this one)."""
    digits = text.lstrip("'’")
    if len(digits) != 2:
        return int(digits)
    ref = reference if reference is not None else date.today().year
    year = ref // 100 * 100 + int(digits)
    return year - 100 if year > ref + 1 else year


BUDDHIST_ERA = 543  # Thai years: 2567 BE is 2024 CE


def _mkdate(year: int, month: int, day: int) -> date | None:
    if month > 100:  # a Solar Hijri month (MONTHS)
        return _from_jalali(year, month - 100, day)
    if year < 100:
        year += 2000 if year < 70 else 1900
    elif MIN_YEAR + BUDDHIST_ERA <= year <= MAX_YEAR + BUDDHIST_ERA:
        year -= BUDDHIST_ERA  # no Gregorian year of the archive's range is this late
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


JALALI_YEARS = (1369, 1478)  # the Solar Hijri years of MIN_YEAR..MAX_YEAR


def _solar_hijri_page(context: str) -> bool:
    """A page in Persian or Pashto, or from Iran or Afghanistan: its numeric dates may be Solar
    Hijri ones (only there: the lunar Hijri years of Arab pages, 1410-1525 for the same span,
    overlap them)."""
    keys = context.split()
    return bool(keys) and (keys[0] in ("fa", "ps") or (len(keys) > 1 and keys[1] in ("ir", "af")))


_JALALI_EPOCH = date(622, 3, 21).toordinal()  # 1 Farvardin 1, counted back by the same cycle


def _from_jalali(year: int, month: int, day: int) -> date | None:
    """A Solar Hijri date ("22 اسفند 1402") as a Gregorian one (2024-03-12), by the 33-year
    arithmetic cycle Iran's calendar follows over 1244-1530 SH (1865-2151 CE): a year is leap
    when (25 * year + 11) mod 33 < 8."""
    if not 1369 <= year <= 1478 or not 1 <= month <= 12:  # the archive's years, 1990-2099
        return None
    leap = (25 * year + 11) % 33 < 8
    if not 1 <= day <= (31 if month <= 6 else 30 if month <= 11 or leap else 29):
        return None
    years = year - 1
    days = 365 * years + (8 * years + 29) // 33  # leap days before this year
    days += (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return date.fromordinal(_JALALI_EPOCH + days + day - 1)


def to_24h(hour: int, marker: str | None) -> int:
    """A 12-hour clock's hour with its am/pm marker ("pm", "a.m.") on the 24-hour clock."""
    marker = (marker or "").lower()
    if marker.startswith(_PM_MARKERS) and hour < 12:
        return hour + 12
    if marker.startswith(_AM_MARKERS) and hour == 12:
        return 0
    return hour


# the starts of after-noon and before-noon markers: "pm", "오후", "午後", "下午", Arabic "م"
# ("مساء"), Hindi "अपराह्न", Greek "μ.μ.", Sinhala "ප.ව.", Khmer "ល្ងាច"; "am", "오전", ...
_PM_MARKERS = ("p", "오후", "午後", "下午", "م", "अपराह्न", "μ", "ප.ව", "រសៀល", "ល្ងាច")
_AM_MARKERS = ("a", "오전", "午前", "上午", "ص", "पूर्वाह्न", "π", "පෙ.ව", "ព្រឹក")


def _valid_time(hour: int, minute: int, second: int | None) -> bool:
    return 0 <= hour <= 23 and 0 <= minute <= 59 and (second is None or 0 <= second <= 59)


def parse_offset(text: str) -> int | None:
    """'+04:00', '+0400', '-05', 'Z' -> minutes east of UTC."""
    text = text.strip().replace("−", "-")
    if text in ("Z", "z"):
        return 0
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?|([+-])(\d):(\d{2})", text)
    if m and m.group(4):  # "+5:30"
        value = int(m.group(5)) * 60 + int(m.group(6))
        return -value if m.group(4) == "-" else value
    if not m:
        return None
    value = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return None if value > 14 * 60 else (-value if m.group(1) == "-" else value)


def abbr_zone(abbr: str, day: date, context: str) -> tuple[int, str | None] | None:
    """Offset and zone of an abbreviation on a day; ``context`` is 'lang tld' of the page."""
    entry = _ZONE_NAMES.get(abbr) or ZONE_ABBR.get(abbr.upper())
    if entry is None or (abbr.upper() in _CANADIAN_FRENCH and "ca" not in context.split()):
        return None  # (HAC is Le Havre's football club in France)
    offset, zone, generic = entry
    keys = context.split()
    if generic:
        for key in keys:  # "MT" on an Arizona site: the profile's zone of that standard time
            if "/" in key and (standard := _same_standard(key, offset, day)) is not None:
                return standard
            if "/" in key and abbr.upper() in ("AT", "NT"):
                return None  # a site of another zone: "NT" is its territory (Yellowknife's)
    for table, name in ((_IST_ALT, "IST"), (_CST_ALT, "CST"), (_BST_ALT, "BST")):
        if abbr.upper() == name:
            for key in keys:
                if key in table:
                    offset, zone = table[key]
                    generic = False
    for key in keys:
        if "/" in key:  # the site profile's zone names its own abbreviations: Israel's "IST"
            own = _profile_abbr(key, abbr.upper(), day)
            if own is not None:
                return own
    if zone is not None:
        real = ZoneInfo(zone).utcoffset(datetime(day.year, day.month, day.day, 12))
        real_min = int(real.total_seconds() // 60) if real is not None else offset
        if generic:
            offset = real_min
        elif real_min != offset:
            zone = None  # "EST" written in July: keep the stated offset, drop the zone
    return offset, zone


@functools.lru_cache(maxsize=256)
def _same_standard(name: str, offset: int, day: date) -> tuple[int, str] | None:
    """The offset of the zone ``name`` on ``day`` and its name, if its standard time (the
    lesser of its January and July offsets) is ``offset``."""
    try:
        zone = ZoneInfo(name)
    except (ValueError, OSError):
        return None
    offsets = [zone.utcoffset(datetime(day.year, month, 15, 12)) for month in (1, 7)]
    if min(int(o.total_seconds() // 60) for o in offsets if o is not None) != offset:
        return None
    real = zone.utcoffset(datetime(day.year, day.month, day.day, 12))
    return (int(real.total_seconds() // 60), name) if real is not None else None


@functools.lru_cache(maxsize=256)
def _profile_abbr(name: str, abbr: str, day: date) -> tuple[int, str | None] | None:
    """Offset and zone of an abbreviation that the zone ``name`` uses: on ``day`` (the zone),
    or in the other season (its offset then, without the zone: "IST" written in an Israeli
    summer)."""
    try:
        zone = ZoneInfo(name)
    except (ValueError, OSError):
        return None
    for when, own in ((datetime(day.year, day.month, day.day, 12), True),
                      (datetime(day.year, 1, 15, 12), False), (datetime(day.year, 7, 15, 12), False)):
        if zone.tzname(when) == abbr:
            real = zone.utcoffset(when)
            if real is not None:
                return int(real.total_seconds() // 60), name if own else None
    return None


def _zone_at(text: str, pos: int, day: date, context: str) -> tuple[int | None, str | None, int]:
    m = _ZONE_AFTER.match(text, pos)
    if not m:
        uk = _UK_TIME.match(text, pos)
        if uk:  # Sky's "22:49, UK": the UK's own time, GMT or BST by the day
            real = ZoneInfo("Europe/London").utcoffset(datetime(day.year, day.month, day.day, 12))
            if real is not None:
                return int(real.total_seconds() // 60), "Europe/London", uk.end()
        return None, None, pos
    if m.group(1):
        sign = -1 if m.group(2) in "-−–" else 1
        hours = int(m.group(3))
        if hours > 14:
            return None, None, pos
        return sign * (hours * 60 + int(m.group(4) or 0)), None, m.end()
    if m.group(5):
        off = parse_offset(f"{m.group(5)}{m.group(6)}:{m.group(7)}")
        return (off, None, m.end()) if off is not None else (None, None, pos)
    abbr = m.group(8)
    if abbr == "Z":
        return 0, None, m.end()
    if abbr in _WORD_ZONES and ("\n" in m.group(0) or not _ZONE_END.match(text, m.end())):
        return None, None, pos  # "6:05 p.m.\nAT THE LEGISLATURE", "18:05 PET bottles …": a
        # kicker's or a sentence's first word, not a zone
    found = abbr_zone(abbr, day, context)
    if found is None:
        return None, None, pos
    return found[0], found[1], m.end()


# zone abbreviations that are words too: read only where the phrase ends after them
_WORD_ZONES = frozenset({"AT", "NT", "PET", "VET", "BOT", "ECT", "COT", "PYT"})
_ZONE_END = re.compile(r"\s*(?:$|[,.;:|)\]·•/–—-]|\s\d)")
_UK_TIME = re.compile(r",?\s*UK(?:\s+time(?![\w+-])|(?=\s*(?:$|[\n|,.;)\]·•])))")  # (not "UK officials")


def _read_time(text: str, pos: int, day: date, context: str,
               stamp_at: Callable[[int], bool] | None = None) -> tuple[
    int | None, int | None, int | None, int | None, str | None, int
]:
    """Time (and zone) right after a date; returns hour, minute, second, offset, zone, end
    (``stamp_at``: see find_dates)."""
    m = _TIME_AFTER.match(text, pos, min(len(text), pos + 60))
    if not m or m.start(2) - pos > 24:
        hour_only = _HOUR_AFTER.match(text, pos, min(len(text), pos + 30))
        if hour_only and not ("." not in (marker := hour_only.group(2)) and marker.islower()
                              and not context.startswith(("en ", " "))):
            # "March 12, 2024, 6 PM ET": the hour alone, with its am/pm (a bare lower-case
            # "am" only on an English page: "12. März 2024 1 am Tag" is German)
            hour = int(hour_only.group(1)) % 12
            hour += 12 if hour_only.group(2).lower().startswith("p") else 0
            off, zone, end = _zone_at(text, hour_only.end(), day, context)
            return hour, 0, None, off, zone, end if off is not None else hour_only.end()
        off, zone, end = _zone_at(text, pos, day, context)
        if off is None:
            return None, None, None, None, None, pos
        clock = _ZONED_CLOCK.match(text, end, min(len(text), end + 12))
        if clock:  # a zone between the date and its clock: "2024-03-12 HKT 18:05"
            hour, minute = int(clock.group(1)), int(clock.group(2))
            second = int(clock.group(3)) if clock.group(3) else None
            if _valid_time(hour, minute, second):
                return hour, minute, second, off, zone, clock.end()
        return None, None, None, off, zone, end
    hour, minute = int(m.group(2)), int(m.group(3))
    second = int(m.group(4)) if m.group(4) else None
    marker = (m.group(1) or m.group(5) or "").replace(" ", "")
    hour = to_24h(hour, marker)
    if not _valid_time(hour, minute, second):
        return None, None, None, None, None, pos
    sep = text[m.start(3) - 1] if m.start(3) > 0 else ":"
    if sep == "." and not marker and not m.group(1) and m.start(2) == pos:
        # "22.07.2021 16.25" is a time; "2021.16.25" is not - demand a separator before it
        return None, None, None, None, None, pos
    if sep == "." and not marker and text[pos:m.start(2)].strip(" \t.") in (",", "،") and (
            _WORD_AFTER.match(text, m.end())):
        # "12 March 2024, 10.50 million shares": after a comma, a decimal, not a clock
        return None, None, None, None, None, pos
    off, zone, end = _zone_at(text, m.end(), day, context)
    end = end if off is not None else m.end()
    if "\n" in text[pos:m.start(2)]:
        # a clock on the next line is the date's only when it stands alone there ("12.03.2024
        # \n18:05 Uhr"), not the start of a sentence ("12 березня 2024 \nО 10:30 у Києві ...")
        # (read from where the match ends, which may be past the clock's line; a clock in an
        # element of its own named like a time, "<div class=time>18:05</div>", "<time>6:05 PM
        # MYT</time>", from its own end)
        stop = end
        if stamp_at is not None and stamp_at(m.start(2)):
            stop = pos + len(text[pos:end].rstrip()) if off is not None else m.end(
                5) if m.group(5) else m.end(4) if m.group(4) else m.end(3)
        line_end = text.find("\n", stop)
        rest = text[stop:len(text) if line_end < 0 else line_end].strip()
        if len(rest) > CLOCK_LINE_REST and rest[0] not in "|·•-–—/(":  # "18:05 Uhr | Lesezeit"
            return None, None, None, None, None, pos
    return hour, minute, second, off, zone, end


_WORD_AFTER = re.compile(r"[ \t]*[^\W\d_]")
_ZONED_CLOCK = re.compile(r"[ \t]*(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
CLOCK_LINE_REST = 6  # characters a clock's own line may hold after it ("Uhr", "| 5 min")


def _time_before(text: str, lo: int, start: int, day: date, context: str
                 ) -> tuple[int, int, int | None, int | None, str | None, int] | None:
    """The time (and its zone) written just before a date, on its line: hour, minute, second,
    offset, zone, and where the time starts."""
    window = text[lo:start].rsplit("\n", 1)[-1]
    m = _TIME_BEFORE.search(window)
    if not m:
        return None
    hour, minute = to_24h(int(m.group(1)), m.group(4)), int(m.group(2))
    second = int(m.group(3)) if m.group(3) else None
    if not _valid_time(hour, minute, second):
        return None
    found = abbr_zone(m.group(5), day, context) if m.group(5) else None
    return hour, minute, second, *(found or (None, None)), start - len(window) + m.start()


_HEBREW_PREFIX = re.compile(r"(?<=[\u05d0-\u05ea])-(?=\d)")
# Khmer's words for day, month and year glued to their parts: "ទី១៦ ខែមេសា ឆ្នាំ២០២៤"
_KHMER_LABELS = re.compile("ទី(?=[0-9\u17e0-\u17e9])|ខែ|ឆ្នាំ")
_OTHER_DIGITS = re.compile("[" + "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _DIGIT_ZEROS)
                           + "：]")


def normalize_digits(text: str) -> str:
    """Non-ASCII decimal digits (Arabic-Indic, Persian, Indic, Thai, Khmer, full-width ...) to
    ASCII (same length, so positions survive)."""
    # (those digits are not ASCII: an ASCII text, most are, needs no search)
    if text.isascii():
        return text
    if _HEBREW_PREFIX.search(text):  # "ב-13.03.2024" (on 13.03.2024): the date stands alone
        text = _HEBREW_PREFIX.sub(" ", text)
    if "ខ" in text or "ឆ" in text or "ទ" in text:  # (blanks of the labels' length: "16 មេសា 2024")
        text = _KHMER_LABELS.sub(lambda m: " " * len(m.group()), text)
    return text if not _OTHER_DIGITS.search(text) else text.translate(_DIGITS)


_DIGIT_RUN = re.compile(r"\d\d*")  # not "\d+": led by a digit, it is searched for at digits only


def digit_windows(text: str, before: int = 40, after: int = 40,
                  runs: list[list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """Merged spans around digit runs: every date has a digit, so only these are scanned.
    ``runs``: a list that gets the digit runs (start, end) of each window, a list a window."""
    out: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        start, end = max(0, m.start() - before), m.end() + after
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
            if runs is not None:
                runs[-1].append(m.span())
        else:
            out.append((start, end))
            if runs is not None:
                runs.append([m.span()])
    return out


def _runs_of(text: str, windows: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in _DIGIT_RUN.finditer(text, start, end)] for start, end in windows]


def _scan(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[
        re.Match[str]]:
    last = -1
    for start, end in windows:
        for m in pattern.finditer(text, start, end):
            if m.start() >= last:
                last = m.end()
                yield m


# Which windows each pattern can match in, told by their digit runs (a pattern scanned in a
# window it cannot match in costs as much as one that matches): every match starts at a
# digit run or, for _MDY_TEXT, ends with one, and needs
#   ISO_RE: a run of four digits before "-"; _YMD (and _YMD_SPACED): four before "." or "/";
#   _YMD_TEXT: four before "." or white space; _NUM: one or two before ".", "/" or "-";
#   _DMY_TEXT: a match at a run of one or two digits (tried there: cheaper than the scan);
#   _MDY_TEXT: a run of one or two digits after "<word>.? *" (see _month_before).
def _num_windows(text: str, windows: list[tuple[int, int]],
                 runs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    out = []
    for window, spans in zip(windows, runs, strict=True):
        for start, end in spans:
            if end - start <= 2 and (text[end:end + 1] in _NUM_SEPS or _BAR_SEP.match(
                    text, end)):  # ("26 | 01 | 2024")
                out.append(window)
                break
    return out


_NUM_SEPS = {".", "/", "-", "·"}
_BAR_SEP = re.compile(r"[ \xa0]\|[ \xa0]")


def _pattern_windows(text: str, windows: list[tuple[int, int]],
                     runs: list[list[tuple[int, int]]]) -> tuple[list[tuple[int, int]], ...]:
    """The windows of ISO_RE, _YMD, _YMD_TEXT, _DMY_TEXT, _MDY_TEXT and _DM_DOTTED (see
    above)."""
    iso, ymd, ymd_text, dmy, mdy, dm = [], [], [], [], [], []
    for window, spans in zip(windows, runs, strict=True):
        w_iso = w_ymd = w_ymd_text = w_dmy = w_mdy = w_dm = False
        for start, end in spans:
            size = end - start
            if size == 4:
                after = text[end:end + 1]
                if after == "-":
                    w_iso = True
                elif after == ".":
                    w_ymd = w_ymd_text = True
                elif after == "/":
                    w_ymd = True
                elif after.isspace():
                    w_ymd_text = True
            elif size <= 2:
                if not w_dm and text[end:end + 1] == "." and (
                        text[end + 1:end + 3].strip()[:1].isdigit()):
                    w_dm = True  # "12.3.", "13. 3."
                if not w_dmy and _DMY_TEXT.match(text, start, window[1]):
                    w_dmy = True
                if not w_mdy and _month_before(text, window[0], start):
                    w_mdy = True
        if w_iso:
            iso.append(window)
        if w_ymd:
            ymd.append(window)
        if w_ymd_text:
            ymd_text.append(window)
        if w_dmy:
            dmy.append(window)
        if w_mdy:
            mdy.append(window)
        if w_dm:
            dm.append(window)
    return iso, ymd, ymd_text, dmy, mdy, dm


def _month_before(text: str, start: int, day: int) -> bool:
    r"""Whether a _MDY_TEXT match (from ``start`` on) may end with the day at ``day``: its month
    is the word before ``\.?\s*`` (a month's last word; its letters, at most 12, start after
    no word character), so an ASCII word must be one (ignoring case); another is not judged."""
    end = day
    if end > start and text[end - 1].isspace():
        end -= 1
        while end > start and text[end - 1].isspace():  # by pieces: a run's spaces, once
            piece = max(start, end - 64)
            end = piece + len(text[piece:end].rstrip())
    if end > start and text[end - 1] == ".":
        end -= 1
    word = _LAST_LETTERS.search(text, max(start, end - 13), end)  # 13 letters: no month
    if word is None:  # a vowel sign ends a word ("মে"), a Thai abbreviation its dot ("ก.ย."):
        # a word in a script with marks is not judged
        last = text[end - 2] if end - 1 > start and text[end - 1] == "." else text[end - 1:end]
        return bool(last) and not last.isascii() and not last.isspace()
    name = word.group()
    return not name.isascii() or name.lower() in _ASCII_MONTH_ENDS


_LAST_LETTERS = re.compile(r"[^\W\d_]++\Z")
# month names read as they match ASCII ignoring case (_ASCII_FOLD)
_ASCII_MONTH_ENDS = {end for end in (m.lower().rsplit(" ", 1)[-1].translate(_ASCII_FOLD)
                                     for m in MONTHS) if end.isascii()}


def _ascii_words(words: list[str]) -> list[str]:
    """The words (lower-cased) that can match ASCII text ignoring case, as ASCII."""
    return [w for w in (word.lower().translate(_ASCII_FOLD) for word in words) if w.isascii()]


def find_dates(
    text: str, *, day_first: bool = True, context: str = "", default_year: int | None = None,
    limit: int = 500, windows: list[tuple[int, int]] | None = None,
    numeric: list[re.Match[str]] | None = None, runs: list[list[tuple[int, int]]] | None = None,
    stamp_at: Callable[[int], bool] | None = None,
) -> Iterator[Parsed]:
    """Every absolute date (with time and zone when written next to it) in ``text``, in order.

    ``windows``: digit_windows(text, runs=runs), and ``numeric``: numeric_dates(text, windows,
    runs), when the caller has them already. ``stamp_at(position)``: whether the text there
    is a stamp's own element (a ``<time>``, a box named "date"), where a numeric day without
    a year and with a clock needs no label ("<time>12.3. 18:05</time>") on a page that has no
    stamp with a year and a clock."""
    found: list[Parsed] = []
    covered = bytearray(len(text) + 1)
    if windows is None:
        runs = []
        windows = digit_windows(text, runs=runs)
    elif runs is None:
        runs = _runs_of(text, windows)
    iso_windows, ymd_windows, ymd_text_windows, dmy_windows, mdy_windows, dm_windows = (
        _pattern_windows(text, windows, runs))

    def add(day: date | None, start: int, end: int, ambiguous: bool = False,
            yearless: bool = False) -> None:
        if day is None or len(found) >= limit or any(covered[start:end]):
            return
        hour, minute, second, offset, zone, stop = _read_time(text, end, day, context, stamp_at)
        covered[start:stop] = b"\x01" * (stop - start)
        found.append(
            Parsed(day, hour, minute, second, offset, zone, start, stop, ambiguous, yearless)
        )

    for m in _scan(ISO_RE, text, iso_windows):
        if len(found) >= limit:
            break
        day = _mkdate(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is None:
            continue
        if m.group(4) is not None:
            hour, minute = int(m.group(4)), int(m.group(5))
            second = int(m.group(6)) if m.group(6) else None
            if not _valid_time(hour, minute, second):
                continue
            off = parse_offset(m.group(7)) if m.group(7) else None
            zone = None
            end = m.end()
            if off is None:
                off, zone, end = _zone_at(text, m.end(), day, context)
            if len(found) < limit:
                covered[m.start():end] = b"\x01" * (end - m.start())
                found.append(Parsed(day, hour, minute, second, off, zone, m.start(), end))
        else:
            add(day, m.start(), m.end())
    # the CJK, Vietnamese and Mongolian forms need a word most texts lack (年 or 년, "tháng",
    # "сарын"): not scanned for then; (groups of year, month, day)
    for pattern, present, (yg, mg, dg) in (
            (_CJK, "年" in text or "년" in text, (1, 2, 3)), (_VI, "tháng" in text, (3, 2, 1)),
            (_MN, "сарын" in text, (1, 2, 3))):
        for m in _scan(pattern, text, windows) if present else ():
            if len(found) >= limit:
                break
            add(_mkdate(int(m.group(yg)), int(m.group(mg)), int(m.group(dg))), m.start(), m.end())
    for m in _ERA_CJK.finditer(text) if "年" in text else ():
        if len(found) >= limit:
            break
        year = 1 if m.group(2) == "元" else int(m.group(2))
        add(_mkdate(_ERA_BASE[m.group(1)] + year, int(m.group(3)), int(m.group(4))), m.start(),
            m.end())
    for m in _scan(_MINGUO, text, windows) if context.startswith("zh ") else ():
        if len(found) >= limit:
            break
        month_day = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(6))
        add(_mkdate(1911 + int(m.group(1)), int(month_day[0]), int(month_day[1])), m.start(),
            m.end())
    solar = _solar_hijri_page(context)
    for m in _scan(_YMD, text, ymd_windows):
        if len(found) >= limit:
            break
        year, number = int(m.group(1)), int(m.group(3))
        if solar and JALALI_YEARS[0] <= year <= JALALI_YEARS[1] and 1 <= number <= 12:
            number += 100  # "۱۴۰۲/۱۲/۲۲": a Solar Hijri date on an Iranian or Afghan page
        add(_mkdate(year, number, int(m.group(4))), m.start(), m.end())
    # the spaced form needs "<year>. <digit>", which most texts lack: not scanned for then
    for m in _scan(_YMD_SPACED, text, ymd_windows) if _YEAR_DOT_SPACE.search(text) else ():
        if len(found) >= limit:
            break
        add(_mkdate(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.start(), m.end())
    # (before the day-month forms: "2023. gada 12. martā 18:05" holds "12. martā 18:05")
    for m in _scan(_YDM_LV, text, windows) if "gada" in text else ():
        if len(found) >= limit:
            break
        month = MONTHS.get(m.group(3).lower())
        if month:
            add(_mkdate(int(m.group(1)), month, int(m.group(2))), m.start(), m.end())
    for m in _scan(_DMY_TEXT, text, dmy_windows):
        if len(found) >= limit:
            break
        year_text = m.group(3)
        if year_text:
            year = _written_year(year_text, default_year)
        elif default_year is not None and (m.group(4) is None or _label_ends(text, m.start()) or (
                stamp_at is not None and stamp_at(m.start()))):
            year = default_year  # ("Published: 12th March"; not "publicado até 30 de abril")
        else:
            continue
        month = _month_in(m.group(2), context, text, m.start())
        if month:
            add(_mkdate(year, month, int(m.group(1))), m.start(), m.end(), False, not year_text)
    for m in _scan(_YMD_TEXT, text, ymd_text_windows):
        if len(found) >= limit:
            break
        if "\n" in text[m.end(1):m.start(2)] and text[
                text.rfind("\n", 0, m.start()) + 1:m.start()].strip():
            continue  # a year ending a line of words is no year of the month and day on the
            # next ("Vogel des Jahres 2021\nJan 04 09:34"; a badge's "2021\nJan 04" is one)
        month = _month_in(m.group(2), context, text, m.start())
        if month and m.group(2).lower() not in _DAY_FIRST_ONLY:
            add(_mkdate(int(m.group(1)), month, int(m.group(3))), m.start(), m.end())
    for m in _scan(_MDY_TEXT, text, mdy_windows):
        if len(found) >= limit:
            break
        month = _month_in(m.group(1), context, text, m.start())
        if not month or m.group(1).lower() in _DAY_FIRST_ONLY:
            continue
        if m.group(3):
            year = _written_year(m.group(3), default_year)
        elif default_year is not None and len(m.group(1)) > 2:
            year = default_year
        else:
            continue
        add(_mkdate(year, month, int(m.group(2))), m.start(), m.end(), False, not m.group(3))
    for m in numeric_dates(text, windows, runs) if numeric is None else numeric:
        if len(found) >= limit:
            break
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        sep = m.group(2)
        if sep in ".·" and context.startswith(_CJK_LANGS) and (
                len(m.group(1)) == len(m.group(3)) == len(m.group(4)) == 2) and (
                default_year is None or 2000 + a <= default_year) and (
                year_first := _mkdate(a, b, year)) is not None:
            # Korean and Japanese two-digit years come first: OhmyNews' "24.05.17 18:10",
            # "24·03·12" (not a year after the page's: a European template's "28.03.24")
            add(year_first, m.start(), m.end(), False)
            continue
        if sep == "·" and context.startswith(_CJK_LANGS):
            continue  # (no Korean day comes first)
        if "|" in sep and (not (len(m.group(1)) == len(m.group(3)) == 2 and len(m.group(4)) == 4)
                           or "|" in text[text.rfind("\n", 0, max(0, text.rfind(
                               "\n", 0, m.start()))) + 1:m.start()]):
            continue  # (a bar between the parts: "26 | 01 | 2024", two digits, two, four; not
            # a row of figures under a row of labels, "Einsätze | Tore | seit" above "24 | 11 |
            # 2019")
        if len(m.group(4)) == 2 and (sep == "-" or len(m.group(1)) + len(m.group(3)) < 4) and not (
                sep == "-" and len(m.group(1)) + len(m.group(3)) == 4 and _clock_at(text, m.end())
        ) and not (_line_ends(text, m.end()) and (_label_ends(text, m.start()) or (
                _signed_before(text, m.start())))):
            continue  # "2.7.13" is a version number, not a date ("12-03-24, 18:05" is one,
            # and so is a byline's or a label's "von Jane Roe, 8.5.12", "Posted: 8.5.12", at
            # the end of its line: not "Update: 1.4.12 fixes the login bug")
        if a > 12 and b <= 12:
            day_val, month, amb = a, b, False
        elif b > 12 and a <= 12:
            day_val, month, amb = b, a, False
        else:
            first = day_first or sep in ".·"
            day_val, month, amb = (a, b, a != b) if first else (b, a, a != b)
        add(_mkdate(year, month, day_val), m.start(), m.end(), amb)
    # a numeric day without a year is a stamp only beside a publish or update label: an
    # event's "Termin: Mo., 18.3., 19:00 Uhr" or "公演日：3/18(月) 19:00" is none
    numeric_yearless: set[int] = set()
    for m in _Y_MD_CJK.finditer(text) if context.startswith(_CJK_LANGS) else ():
        if len(found) >= limit:
            break
        add(_mkdate(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.start(), m.end())
    if default_year is not None and context.startswith(_CJK_LANGS):
        for m in _MD_CJK.finditer(text):
            if len(found) >= limit:
                break
            numeric_yearless.add(m.start())
            add(_mkdate(default_year, int(m.group(1)), int(m.group(2))), m.start(), m.end(),
                False, True)
    if default_year is not None:
        for m in _scan(_DM_DOTTED, text, dm_windows):
            if len(found) >= limit:
                break
            if _clock_at(text, m.end()):
                numeric_yearless.add(m.start())
                add(_mkdate(default_year, int(m.group(2)), int(m.group(1))), m.start(), m.end(),
                    False, True)
    found.sort(key=lambda p: p.start)
    # a stamp with a year and a clock elsewhere is the page's: then a day without a year in a
    # date element is another thing's (a fixture's "<time>16.3. 15:30</time>")
    dated_clock = bool(numeric_yearless) and any(
        p.hour is not None and not p.yearless for p in found)
    dated_stamp = _dated_stamp_test(found, stamp_at)
    prev_stop = 0
    for p in found:
        if p.hour is None and p.offset is None:
            # "16:25, 22 July 2021": a time just before, on the same line, used by no other date
            before = _time_before(text, max(prev_stop, p.start - 40), p.start, p.day, context)
            if before:
                hour, minute, second, offset, zone, begin = before
                p = replace(p, hour=hour, minute=minute, second=second, offset=offset, zone=zone,
                            start=begin)
        prev_stop = p.end
        if p.start in numeric_yearless and not (
                _after_label(text, p.start) or _CJK_LABEL_AFTER.match(text, p.end)):
            if dated_clock or stamp_at is None or not stamp_at(p.start):
                continue
            p = replace(p, unlabelled=True)
        if not (p.yearless and p.hour is None) or _after_label(text, p.start):
            yield p
        elif stamp_at is not None and stamp_at(p.start) and not dated_stamp():
            # a day without a year alone in a date element ('<span class="date">Mar 12</span>',
            # Substack's, Medium's current year) on a page whose date elements show no year
            yield replace(p, unlabelled=True)


def _dated_stamp_test(found: list[Parsed], stamp_at: Callable[[int], bool] | None
                    ) -> Callable[[], bool]:
    """Whether a date with its year lies in a date element (asked once, when needed)."""
    memo: list[bool] = []

    def dated() -> bool:
        if not memo:
            memo.append(stamp_at is not None and any(
                not p.yearless and stamp_at(p.start) for p in found))
        return memo[0]
    return dated


# Japanese, Chinese and Korean publish and update labels written after their stamp
CJK_PUBLISHED_AFTER = "配信|公開|掲載|発表|发布|發布|입력|송고"
CJK_UPDATED_AFTER = "更新|수정|修正"
_CJK_LABEL_AFTER = re.compile(r"\s*(?:" + CJK_PUBLISHED_AFTER + "|" + CJK_UPDATED_AFTER + ")")


def _after_label(text: str, start: int) -> bool:
    """A publish or update label right before ``start``, on its line ("Last Updated: March
    13", "Published Mar 12"): a date without a year or a time is read after one."""
    before = text[max(0, start - 24):start].rsplit("\n", 1)[-1]
    if UPDATED_WORDS.search(before):
        return True
    published = PUBLISHED_WORDS.search(before)  # a publish verb, not an event box's "Datum:"
    return published is not None and not _DATE_WORD.fullmatch(published.group(1).strip(" :"))


_DATE_WORD = re.compile(r"datum|date|fecha|data|dato|tarih|дата|日期|날짜|tanggal", re.IGNORECASE)


def _label_ends(text: str, start: int) -> bool:
    """A publish or update label ends right before ``start``: nothing but a colon, a dash or
    "on" between them ("Updated: 13th March", "Published on 12 March")."""
    before = text[max(0, start - 24):start].rsplit("\n", 1)[-1]
    word = max((m for pattern in (UPDATED_WORDS, PUBLISHED_WORDS) for m in pattern.finditer(before)),
               key=lambda m: m.end(), default=None)
    return word is not None and _LABEL_TAIL.fullmatch(before, word.end()) is not None


_LABEL_TAIL = re.compile(r"[\s:|\-–—]*(?:on|am|le|el|em|il|op|den)?[\s:]*", re.IGNORECASE)


# a byline's name and comma right before a date: "von Klaus-Peter Schöppner, 8.5.12"
# a byline's name (and role) right before a date, from the start of its line: "von
# Klaus-Peter Schöppner, 8.5.12", "Posted by Dave Miller on 5/8/12", "By Jane Roe, Staff
# Writer, 5/8/12"; not "Testato con la versione di Python, 2.7.13"
BYLINE_LEAD_WORDS = r"by|von|par|por|di|door|av|af|od|от"  # a byline's first word
_BYLINE_NAME_BEFORE = re.compile(
    r"\s*(?:(?:posted|written|geschrieben)\s+)?(?:" + BYLINE_LEAD_WORDS + r")\s+"
    r"(?:[^\W\d_][\w'.-]*\s+){0,3}[^\W\d_][\w'.-]*"
    r"(?:\s*,\s*[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,2})?"
    r"(?:\s*,|\s+(?:on|am|le|el|il|op))\s*", re.IGNORECASE)
SIGNED_LINE_CHARS = 70


def _signed_before(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return start - line <= SIGNED_LINE_CHARS and _BYLINE_NAME_BEFORE.fullmatch(
        text, line, start) is not None


def _line_ends(text: str, end: int) -> bool:
    """Nothing but a separator or a clock follows on the line ("8.5.12", "8.5.12 | 18:05")."""
    rest = text[end:end + 30].split("\n", 1)[0].strip(" \t\xa0,|·•–—-")
    return not rest or rest[:1].isdigit()


def _clock_at(text: str, pos: int) -> bool:
    """A clock right after ``pos`` (", 18:05", " klo 18.05", " um 14:00")."""
    m = _TIME_AFTER.match(text, pos, min(len(text), pos + 30))
    return m is not None and m.start(2) - pos <= 6


def numeric_dates(text: str, windows: list[tuple[int, int]],
                  runs: list[list[tuple[int, int]]] | None = None) -> list[re.Match[str]]:
    """The numeric dates (22/07/2021, 7.22.21) in the digit windows of ``text``, unread: a page
    reads them twice, to settle its day order and as dates (``runs``: see digit_windows)."""
    if runs is None:
        runs = _runs_of(text, windows)
    return list(_scan(_NUM, text, _num_windows(text, windows, runs)))


def numeric_order_votes(
    text: str, windows: list[tuple[int, int]] | None = None,
    numeric: list[re.Match[str]] | None = None,
) -> tuple[int, int]:
    """(day-first, month-first) counts of unambiguous numeric dates like 22/07/2021.

    Only the digit windows are searched (``windows``: digit_windows(text) when the caller has
    them): a numeric date is shorter than a window's margin, so none is missed. ``numeric``:
    numeric_dates(text, windows), when the caller has them already."""
    dmy = mdy = 0
    if numeric is None:
        numeric = numeric_dates(text, digit_windows(text) if windows is None else windows)
    for m in numeric:
        a, b = int(m.group(1)), int(m.group(3))
        if m.group(2) in ".·":
            continue
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
    return dmy, mdy


# Cheap tests for ASCII text, in lower case: a relative date needs one of RELATIVE_RE's words
# that can match ASCII text ignoring case (after an "ago" word no word character, after a
# "before" word white space); a day word a clock (_TIME_ONLY: "\d[:h.]\d\d" starting at most 16
# characters after it) with its last word ("hari ini" -> "ini") at most _DAY_END_CHARS before
# that. Words are read as the re module folds them (_ASCII_FOLD): "ı" may match "i".
_ASCII_RELATIVE = re.compile("|".join(  # flat, so the engine skips to the first letters
    [w.replace("_", r"\s+") + r"(?!\w)" for w in _ascii_words(_AGO_WORDS + _AGO_OR_BEFORE)]
    + [w.replace("_", r"\s+") + r"\s" for w in _ascii_words(_BEFORE_WORDS)]))
_ASCII_DAY_ENDS = [word.rsplit("_", 1)[-1] for word in _ascii_words(_DAY_WORDS)]
_ASCII_DAY_END = re.compile("|".join(  # two-letter words ("ma") as whole words only
    re.escape(w) if len(w) > 2 else rf"(?<![a-z]){re.escape(w)}(?![a-z])" for w in _ASCII_DAY_ENDS))
# a day word as a word of lower-case ASCII text: DAY_WORD_RE's test of ASCII text at 40% of its
# cost (its word bound is a character matched here, not a lookbehind tried at every position)
_ASCII_DAY_WORD = re.compile(r"(?:^|[^a-z0-9_])(?:" + "|".join(
    re.escape(w).replace("_", r"\s+") for w in _ascii_words(_DAY_WORDS)) + r")(?![a-z0-9_])")
_CLOCK = re.compile(r"\d(?=[:h.]\d\d)")  # one character: every start is found
_CLOCK_AFTER = 20
_DAY_END_CHARS = max(map(len, _ASCII_DAY_ENDS)) + _CLOCK_AFTER - 4


def _relative(text: str, now_local: datetime, start: int, end: int
              ) -> Iterator[tuple[datetime, bool, int, int]]:
    for m in RELATIVE_RE.finditer(text, start, end):
        if m.group(1) is not None and text[m.start():m.start() + 6].split(None, 1)[0].lower() in (
                _BEFORE_OR_AGO) and not _PHRASE_END.match(text, m.end()):
            continue  # "prije 2 dana od izbora": two days before the elections
        num_text = (m.group(1) or m.group(3) or "").lower()
        unit_text = (m.group(2) or m.group(4) or "").lower()
        num = int(num_text) if num_text.isdigit() else 1
        unit = _REL_UNITS.get(unit_text)
        if m.group(5) is not None:
            num, unit = _WORD_COUNTS[m.group(5)]
        if unit is None or num > 400:
            continue
        if unit == "m":
            yield now_local - timedelta(minutes=num), True, m.start(), m.end()
        elif unit == "h":
            yield now_local - timedelta(hours=num), True, m.start(), m.end()
        elif unit == "d":
            yield now_local - timedelta(days=num), False, m.start(), m.end()
        else:
            yield now_local - timedelta(weeks=num), False, m.start(), m.end()


def find_relative(text: str, now_local: datetime, start: int = 0, end: int | None = None,
                  lang: str = "") -> Iterator[tuple[datetime, bool, int, int]]:
    """Relative dates ('2 hours ago', 'gestern, 23:40') -> (local datetime, has_time, start, end).

    A day word ('yesterday', 'heute') counts only with a time after it: alone it is too often
    a menu item or an ordinary word in another language ('hier' is French and German: it
    counts only on a page in French or in an unknown language, ``lang``). The time is a
    clock time, not the start of a date ('hier 12.03.2024' is no 12:03).
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)  # as finditer reads it (a slice would count a negative from the end)
    # on ASCII text two cheap tests rule the scans out (see _ASCII_RELATIVE)
    window = text[start:end + _CLOCK_AFTER]
    low = window.lower() if window.isascii() else None
    if low is None or _ASCII_RELATIVE.search(low, 0, end - start):
        yield from _relative(text, now_local, start, end)
    if low is not None and not any(_ASCII_DAY_END.search(low, max(0, c.start() - _DAY_END_CHARS),
                                                         c.start()) for c in _CLOCK.finditer(low)):
        return
    for m in DAY_WORD_RE.finditer(text, start, end):
        word = " ".join(m.group(1).lower().split())
        if lang not in _DAY_WORD_LANGS.get(word, (lang,)):
            continue
        base = now_local - timedelta(days=1) if word in _YESTERDAY else now_local
        t = _TIME_ONLY.match(text, m.end(), min(len(text), m.end() + 24))
        if t:
            hour, minute = to_24h(int(t.group(1)), t.group(3)), int(t.group(2))
            if _valid_time(hour, minute, None):
                value = base.replace(hour=hour, minute=minute, second=0, microsecond=0)
                yield value, True, m.start(), t.end()


def find_day_words(text: str, now_local: datetime, start: int, end: int, lang: str = ""
                   ) -> Iterator[tuple[date, int, int]]:
    """Day words with no clock after them ("вчера", "Yesterday") -> (day, start, end): the
    caller reads them only where a stamp element holds nothing else."""
    start, end = max(0, start), min(end, len(text))
    window = text[start:end]
    if window.isascii() and not _ASCII_DAY_WORD.search(window.lower()):
        return
    for m in DAY_WORD_RE.finditer(text, start, end):
        word = " ".join(m.group(1).lower().split())
        if lang not in _DAY_WORD_LANGS.get(word, (lang,)) or _TIME_ONLY.match(
                text, m.end(), min(len(text), m.end() + 24)):
            continue
        base = now_local - timedelta(days=1) if word in _YESTERDAY else now_local
        yield base.date(), m.start(), m.end()


def parse_machine(value: str, context: str = "", *, day_first: bool = True) -> Parsed | None:
    """A machine-readable timestamp (ISO 8601, RFC 822, '2021/07/22 16:25') -> Parsed.

    ``day_first``: the page's reading of an ambiguous numeric date ('01/10/2017': 1 October
    when True, 10 January when False); a dotted date is always day first."""
    return _parse_machine(normalize_digits(value.strip())[:80], context, day_first)


_BASIC_ISO = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)?(Z|[+-]\d\d:?\d\d)?")


# A page names its timestamp in several places (JSON-LD, meta, microdata, <time>): the same
# value is read two or three times a page. The result is immutable (a frozen Parsed).
@functools.lru_cache(maxsize=1024)
def _parse_machine(value: str, context: str, day_first: bool) -> Parsed | None:
    if not value:
        return None
    basic = _BASIC_ISO.fullmatch(value)
    if basic is not None:  # ISO 8601's basic format: RIA's "20231219T1435+0300"
        y, mo, d, h, mi, sec, zone = basic.groups()
        value = f"{y}-{mo}-{d}T{h}:{mi}" + (f":{sec}" if sec else "") + (
            "" if not zone else "Z" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}")
    m = ISO_RE.search(value)
    if m and m.start() < 4:
        return next(find_dates(value, context=context), None)
    if value.isdigit() and len(value) in (10, 13):  # epoch seconds / milliseconds
        try:
            stamp = datetime.fromtimestamp(int(value[:10]), tz=ZoneInfo("UTC"))
        except (OverflowError, OSError, ValueError):
            return None
        if not MIN_YEAR <= stamp.year <= MAX_YEAR:
            return None
        return Parsed(stamp.date(), stamp.hour, stamp.minute, stamp.second, 0, None, 0, len(value))
    if len(value) == 14 and value.isdigit() and value[:2] in ("19", "20"):
        # a compact stamp, "20240227183211" (Daum's og:regDate): ISO's basic form, all digits
        value = f"{value[:4]}-{value[4:6]}-{value[6:8]}T{value[8:10]}:{value[10:12]}:{value[12:]}"
        return next(find_dates(value, context=context), None)
    if len(value) == 8 and value.isdigit():
        day = _mkdate(int(value[:4]), int(value[4:6]), int(value[6:]))
        return Parsed(day, None, None, None, None, None, 0, 8) if day else None
    return next(find_dates(value, day_first=day_first, context=context), None)


def localize(naive: datetime, zone: tzinfo) -> datetime:
    """Wall-clock time in a zone: ambiguous -> first occurrence, gap -> read with the old offset."""
    aware = naive.replace(tzinfo=zone, fold=0)
    return aware.astimezone(ZoneInfo("UTC")).astimezone(zone)

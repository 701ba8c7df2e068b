"""Deterministic synthetic news prose from the portal's own word lists (Zipf-sampled words)."""

from __future__ import annotations

import random
import re
import unicodedata
from bisect import bisect
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache
from importlib import resources
from itertools import accumulate

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LANGUAGES = ("en", "latin1", "ru")

_A_AN = re.compile(r"\b([Aa]) (?!(?:uni|use|usu|eur|one))([aeiouAEIOU])")
_LATIN = (
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
)  # fmt: skip
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN, strict=True))

SENTENCES = (
    "The {A} {N} in {L} {Vd} the {N} on {wd}, according to {O}.",
    "{P}, the {R} of {O}, said the {N} would {V} {Ns} across {L}.",
    "Officials expect the {N} to {V} more than {num} {Ns} by the end of the year.",
    "{S} {D} {Vd} the {A} {N}, saying it {Vd} {Ns} in {L}.",
    "In {L}, {num} {Ns} {Vd} the {A} {N} last {wd}.",
    "Critics say the {N} {Vs} {A} {Ns} and {Vs} little to {V} the {N}.",
    "{O} {Vd} a {A} {N} for {Ns} in {L}, {pct} more than a year earlier.",
    "The {N} is expected to cost about {money}, {O} said.",
    "{P} told reporters that the {N} had {D} {Vd} the {A} {N}.",
    "According to {O}, the number of {Ns} in {L} {Vd} by {pct} over the past {few} months.",
    "Residents of {L} {Vd} the {N}, which {Vs} {Ns} near the {A} {N}.",
    "The {A} {N} will {V} the {N} until at least {mon}.",
    "{S} said the {N} had been {A} for {Ns} in {L}.",
    "A {R} at {O} said the {A} {N} was {A} but {A}.",
    "Several {Ns} {Vd} the {N}, while others {Vd} the {A} {N}.",
    "The {N} was {D} {Vd} after {O} {Vd} the {N}.",
    "Supporters argue that the {N} will {V} {Ns} and {V} the {A} {N}.",
    "Talks between {O} and {O} over the {N} {Vd} on {wd}.",
    "{P}, a {R} in {L}, said {Ns} had {D} {Vd} the {N}.",
    "The {N} in {L} {Vs} {num} {Ns} and {num} {Ns}.",
    "Figures published by {O} show that {Ns} {Vd} {pct} in {mon}.",
    "{P} said the {N} was {A} and that {Ns} would {V} the {N}.",
    "The {A} {N} {Vd} {Ns} from {L} and {L}.",
    "It is the {ord} time this year that {O} has {Vd} a {N}.",
    "The {N} is due to {V} the {A} {N} in {mon}.",
    "Local {Ns} said the {N} {Vd} the {A} {N} of {L}.",
    "{O} declined to comment on the {A} {N} in {L}.",
    "The {N} {Vs} {num} {Ns}, up from {num} a year earlier.",
    "Work on the {A} {N} near {L} was {D} {Vd}.",
    "More than {num} {Ns} {Vd} a {N} calling for the {N} to {V} the {N}.",
    "{P}, who {Vd} the {N} for {few} years, said the {A} {N} {Vd} {Ns}.",
    "The {A} {N} {Vd} {money} and {Vd} {num} {Ns}.",
    "In a {N}, {O} said the {A} {N} would {V} {Ns} in {L}.",
    "Many {Ns} in {L} say the {N} {Vs} the {A} {N}.",
    "The {N} {Vd} as {Ns} {Vd} the {A} {N} at {L}.",
    "{S} added that the {N} could {V} the {N} within {few} weeks.",
    "{P} and {P} {Vd} the {A} {N} in {L} with {O}.",
    "The {A} {Ns} were {D} {Vd}, and {O} {Vd} the {N} of {L}.",
)
DATED_SENTENCES = (
    "On {date_mdy}, {O} {Vd} the {A} {N}.",
    "The {N} was first {Vd} on {date_dmy}, when {Ns} in {L} {Vd} the {N}.",
    "Since {mon_year}, {Ns} in {L} have {Vd} the {A} {N}.",
    "{P} recalled that on {date_mdy} the {N} {Vd} {Ns} in {L}.",
)
TITLES = (
    "{L} {N} {Vs} {A} {N}",
    "{O_} {Vs} {A} {N} plan",
    "{A} {N} in {L} {Vs} {Ns}",
    "{P} {Vs} {N} after {A} {N}",
    "Why {L} {Vs} its {A} {N}",
    "{num} {Ns} {Vd} in {L} {N}",
    "{L}: {A} {N} {Vs} {Ns}",
    "{O_} to {V} {A} {N} in {L}",
    "{A} {Ns} {V} {L} {N}",
    "{P} on the {A} {N} in {L}",
    "Inside the {A} {N} of {L}",
    "{L} {Ns} {V} {A} {N} as {N} {Vs}",
)
COMMENTS = (
    "I {D} {Vd} the {N} in {L} and this is {A}.",
    "Why does nobody ask who will pay for the {N}?",
    "The {N} has been {A} for years, {A} news.",
    "Our {N} in {L} {Vd} the same {N} last {wd}.",
    "Finally someone writes about the {A} {Ns}.",
    "This {N} will not {V} the {N}, mark my words.",
)


_MASK = (1 << 64) - 1


def mix(seed: int, i: int, salt: int) -> int:
    """A cheap 64-bit hash of (seed, i, salt) (splitmix64 finaliser)."""
    x = (seed * 0x9E3779B97F4A7C15 + i * 0xC2B2AE3D27D4EB4F + salt * 0x165667B19E3779F9) & _MASK
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & _MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


@cache
def word_lists() -> dict[str, tuple[str, ...]]:
    """The `[section]` lists of words.txt, in file order."""
    text = resources.files(__package__).joinpath("words.txt").read_text(encoding="utf-8")
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return {name: tuple(words) for name, words in lists.items()}


class Zipf:
    """Words drawn by rank with a Zipf-like weight 1/(rank+1.5)^s."""

    __slots__ = ("cum", "items")

    def __init__(self, items: Sequence[str], exponent: float = 1.0) -> None:
        self.items = tuple(items)
        self.cum = tuple(accumulate(1.0 / (rank + 1.5) ** exponent for rank in range(len(items))))

    def pick(self, rng: random.Random) -> str:
        """One word."""
        return self.items[bisect(self.cum, rng.random() * self.cum[-1])]


def plural(noun: str) -> str:
    """Regular English plural."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def third_person(verb: str) -> str:
    """Third person singular present."""
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def slugify(text: str, max_words: int = 8) -> str:
    """ASCII URL slug: transliterated Cyrillic, folded accents, hyphens."""
    lowered = "".join(_CYRILLIC.get(ch, ch) for ch in text.lower())
    folded = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded)
    return "-".join(words[:max_words]) or "story"


def _split_entry(entry: str) -> tuple[str, str]:
    head, _, tail = entry.partition("|")
    return head, tail


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def number_words(rng: random.Random) -> str:
    """A count as a journalist would write it."""
    kind = rng.random()
    if kind < 0.5:
        return str(rng.randint(3, 95))
    if kind < 0.8:
        return str(rng.randint(1, 9) * 100 + rng.choice((0, 20, 50)))
    return f"{rng.randint(1, 48)},{rng.randint(0, 9)}00"


class _Slots(dict[str, str]):
    """format_map source that draws a fresh word for every placeholder occurrence."""

    def __init__(self, gen: EnglishText, rng: random.Random, when: date | None) -> None:
        super().__init__()
        self.gen = gen
        self.rng = rng
        self.when = when

    def __missing__(self, key: str) -> str:
        return self.gen.slot(key, self.rng, self.when)


class EnglishText:
    """Sentences, titles and comments in English (or English with accented Latin-1 words)."""

    def __init__(self, latin1: bool = False) -> None:
        lists = word_lists()
        nouns = [_split_entry(e) for e in lists["nouns"]]
        firsts, lasts, places = lists["first_names"], lists["surnames"], lists["places"]
        if latin1:
            accented = [_split_entry(e) for e in lists["latin1_nouns"]]
            mixed: list[tuple[str, str]] = []
            for k, pair in enumerate(nouns):
                if k < len(accented):
                    mixed.append(accented[k])
                mixed.append(pair)
            nouns = mixed
            firsts, lasts = lists["latin1_first_names"], lists["latin1_surnames"]
            places = lists["latin1_places"] + places[:10]
        self.nouns = Zipf([n for n, _ in nouns], 0.9)
        self.plurals = {n: (p or plural(n)) for n, p in nouns}
        verbs = [_split_entry(e) for e in lists["verbs"]]
        self.verbs = Zipf([v for v, _ in verbs], 0.9)
        self.past = {v: p for v, p in verbs}
        self.adjectives = Zipf(lists["adjectives"], 0.9)
        self.adverbs = Zipf(lists["adverbs"])
        self.first_names = Zipf(firsts, 0.6)
        self.surnames = Zipf(lasts, 0.5)
        self.places = Zipf(places, 0.8)
        self.orgs = Zipf(lists["organisations"], 0.8)
        self.roles = Zipf(lists["roles"])
        self.slots = self._slot_table()

    def slot(self, key: str, rng: random.Random, when: date | None) -> str:
        """The text for one `{placeholder}`."""
        draw = self.slots.get(key)
        return draw(rng) if draw is not None else self._earlier_date(key, rng, when)

    def _slot_table(self) -> dict[str, Callable[[random.Random], str]]:
        def org(rng: random.Random) -> str:
            name = self.orgs.pick(rng)
            if rng.random() < 0.3:
                return f"the {self.places.pick(rng)} {name.removeprefix('the ')}"
            return name

        def money(rng: random.Random) -> str:
            unit = rng.choice(("euros", "dollars", "pounds"))
            return f"{rng.randint(2, 900)} million {unit}"

        return {
            "N": self.nouns.pick,
            "Ns": lambda rng: self.plurals[self.nouns.pick(rng)],
            "A": self.adjectives.pick,
            "V": self.verbs.pick,
            "Vd": lambda rng: self.past[self.verbs.pick(rng)],
            "Vs": lambda rng: third_person(self.verbs.pick(rng)),
            "D": self.adverbs.pick,
            "P": self.person,
            "S": self.surnames.pick,
            "R": self.roles.pick,
            "O": org,
            "O_": lambda rng: _capitalize(self.orgs.pick(rng).removeprefix("the ")),
            "L": self.places.pick,
            "num": number_words,
            "few": lambda rng: str(rng.randint(2, 12)),
            "pct": lambda rng: f"{rng.randint(2, 48)} percent",
            "money": money,
            "wd": lambda rng: rng.choice(WEEKDAYS),
            "mon": lambda rng: rng.choice(MONTHS),
            "ord": lambda rng: rng.choice(("second", "third", "fourth", "fifth")),
        }

    def _earlier_date(self, key: str, rng: random.Random, when: date | None) -> str:
        """A date at least 40 days before `when` (never the publication date itself)."""
        if when is None:
            raise KeyError(key)
        earlier = when - timedelta(days=rng.randint(40, 1500))
        month = MONTHS[earlier.month - 1]
        if key == "date_mdy":
            return f"{month} {earlier.day}, {earlier.year}"
        if key == "date_dmy":
            return f"{earlier.day} {month} {earlier.year}"
        if key == "mon_year":
            return f"{month} {earlier.year}"
        raise KeyError(key)

    def fill(self, template: str, rng: random.Random, when: date | None = None) -> str:
        """Expand a template into a sentence: fresh words, a/an agreement, capital first."""
        return _capitalize(_A_AN.sub(r"\1n \2", template.format_map(_Slots(self, rng, when))))

    def sentence(self, rng: random.Random, when: date | None) -> str:
        """One body sentence; sometimes mentions a date earlier than `when`."""
        if when is not None and rng.random() < 0.06:
            return self.fill(rng.choice(DATED_SENTENCES), rng, when)
        return self.fill(rng.choice(SENTENCES), rng, when)

    def title(self, rng: random.Random) -> str:
        """A headline in sentence case."""
        return self.fill(rng.choice(TITLES), rng)

    def comment(self, rng: random.Random) -> str:
        """A reader comment."""
        return self.fill(rng.choice(COMMENTS), rng)

    def person(self, rng: random.Random) -> str:
        """A made-up full name."""
        return f"{self.first_names.pick(rng)} {self.surnames.pick(rng)}"


class RussianText:
    """Russian-looking prose (Cyrillic words, Zipf-sampled) for the windows-1251 article."""

    def __init__(self) -> None:
        self.words = Zipf(word_lists()["ru"], 0.7)

    def _words(self, rng: random.Random, count: int) -> str:
        return " ".join(self.words.pick(rng) for _ in range(count))

    def sentence(self, rng: random.Random, when: date | None) -> str:
        """One sentence of 6-15 words, sometimes with a comma."""
        text = self._words(rng, rng.randint(6, 15))
        if rng.random() < 0.4:
            text += ", " + self._words(rng, rng.randint(3, 6))
        return _capitalize(text) + "."

    def title(self, rng: random.Random) -> str:
        """A headline of 4-7 words."""
        return _capitalize(self._words(rng, rng.randint(4, 7)))

    def comment(self, rng: random.Random) -> str:
        """A reader comment."""
        return _capitalize(self._words(rng, rng.randint(5, 10))) + "."


@cache
def generator(language: str) -> EnglishText | RussianText:
    """The shared text generator for "en", "latin1" or "ru"."""
    if language == "ru":
        return RussianText()
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    return EnglishText(latin1=language == "latin1")


def body_paragraphs(
    gen: EnglishText | RussianText,
    rng: random.Random,
    target_words: int,
    paragraphs: int,
    when: date,
    seen: set[str] | None = None,
) -> list[list[str]]:
    """Paragraphs (lists of sentences unique within `seen`) of about `target_words` words."""
    if seen is None:
        seen = set()

    def fresh() -> str:
        for _ in range(20):
            text = gen.sentence(rng, when)
            if text not in seen:
                seen.add(text)
                return text
        raise RuntimeError("could not draw a unique sentence")

    needed = max(paragraphs, round(target_words / 14))
    sizes = [1 if rng.random() < 0.5 or paragraphs == 1 else 2] + [1] * (paragraphs - 1)
    if paragraphs > 1:
        weights = list(accumulate(rng.random() + 0.3 for _ in range(paragraphs - 1)))
        for _ in range(max(0, needed - sum(sizes))):
            sizes[1 + bisect(weights, rng.random() * weights[-1])] += 1
    return [[fresh() for _ in range(size)] for size in sizes]

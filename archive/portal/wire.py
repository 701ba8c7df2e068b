"""The shared wire service: stories that several portal outlets republish with small edits."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from archive.portal.text import EnglishText, body_paragraphs, generator, mix

# A wire pool is fixed by its seed alone: story w is filed at minute story_minute(seed, w) of
# the portal timeline (one story per WIRE_STEP minutes, jittered). The wire pushes a fraction
# of its stories to every client; an outlet runs a pushed story with probability `reach`,
# decided by a hash of (outlet seed, w), so two or three outlets mostly run the same stories.
# An outlet fills a time slot with the slot's best-ranked story (the rank is the wire's, the
# same for every outlet): outlets of equal size pick the same story, overlapping slots mostly.

WIRE_STEP = 15  # minutes between two wire stories
MAX_DELAY = 360  # an outlet runs a story up to six hours after the wire filed it
MIN_REACH = 0.9  # chance that an outlet runs a story the wire pushed (higher for high shares)
EDITS = (("headline", 0.6), ("trim_last", 0.5), ("intro", 0.5))  # kind, chance per copy
_SCALE = float(1 << 64)
# Hash salts (the outlet's own salts in content.py are below 20).
_FILED, _RANK, _PUSHED, _RUNS, _DELAY, _EDIT = 20, 21, 22, 23, 24, 25


@dataclass(frozen=True, slots=True)
class WireStory:
    """A wire story as filed: headline and paragraphs (sentences), before any outlet's edits."""

    id: int
    title: str
    paragraphs: tuple[tuple[str, ...], ...]


def story_minute(wire_seed: int, w: int) -> int:
    """When story w was filed, in minutes after the portal timeline's start."""
    return w * WIRE_STEP + mix(wire_seed, w, _FILED) % WIRE_STEP


def pick(wire_seed: int, outlet_seed: int, share: float, lo: int, hi: int) -> int | None:
    """The wire story an outlet runs in its slot of minutes [lo, hi), or None (own story)."""
    if share <= 0 or hi <= lo:
        return None
    best, best_rank = None, 0
    for w in range(max(0, lo) // WIRE_STEP, (hi - 1) // WIRE_STEP + 1):
        if lo <= story_minute(wire_seed, w) < hi:
            rank = mix(wire_seed, w, _RANK)
            if best is None or rank < best_rank:
                best, best_rank = w, rank
    if best is None:
        return None
    reach = max(MIN_REACH, share)
    if mix(wire_seed, best, _PUSHED) >= share / reach * _SCALE:
        return None
    if mix(outlet_seed, best, _RUNS) >= reach * _SCALE:
        return None
    return best


def delay(outlet_seed: int, w: int, room: int) -> int:
    """Minutes between filing and the outlet's copy: 2 to 360, always below `room` (>= 1)."""
    minutes = 2 + mix(outlet_seed, w, _DELAY) % (MAX_DELAY - 1)
    return minutes if minutes < room else mix(outlet_seed, w, _DELAY) % room


def edits(outlet_seed: int, w: int) -> tuple[str, ...]:
    """The edits an outlet makes to its copy of story w, in EDITS order."""
    return tuple(
        kind
        for k, (kind, chance) in enumerate(EDITS)
        if mix(outlet_seed, w, _EDIT + k) < chance * _SCALE
    )


def _english() -> EnglishText:
    gen = generator("en")
    assert isinstance(gen, EnglishText)
    return gen


@lru_cache(maxsize=1 << 14)
def title(wire_seed: int, w: int) -> str:
    """The wire's headline of story w (the first draw of the story's generator)."""
    return _english().title(random.Random(f"wire:{wire_seed}:{w}"))


@lru_cache(maxsize=512)
def story(wire_seed: int, w: int, filed: date) -> WireStory:
    """Story w in full: 5 to 13 paragraphs, so an edited copy keeps 4 to 14."""
    gen = _english()
    rng = random.Random(f"wire:{wire_seed}:{w}")
    headline = gen.title(rng)
    kind = rng.random()
    if kind < 0.15:
        words, paragraphs = rng.randint(110, 170), 5
    elif kind < 0.75:
        words, paragraphs = rng.randint(280, 700), rng.randint(5, 9)
    else:
        words, paragraphs = rng.randint(800, 1300), rng.randint(9, 13)
    body = body_paragraphs(gen, rng, words, paragraphs, filed)
    return WireStory(w, headline, tuple(tuple(p) for p in body))


def trim_last(paragraphs: list[list[str]]) -> None:
    """Cut the last paragraph's last sentence, or the whole paragraph if it has only one."""
    if len(paragraphs[-1]) > 1:
        paragraphs[-1] = paragraphs[-1][:-1]
    else:
        paragraphs.pop()

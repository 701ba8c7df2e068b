"""Fingerprints of article text: exact hashes that ignore cosmetic noise, MinHash for near copies."""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)
_COSMETIC_LINE = re.compile(
    r"^\s*(?:(?:last\s+)?updated|aktualisiert|actualizado|actualisé|mis à jour|aggiornato|"
    r"atualizado|обновлено|güncellendi|zaktualizowano)\b[^\n]{0,80}$"
    r"|^[^\n]{0,40}\b\d[\d,.\s]*\s*(?:views|reads|comments|shares|aufrufe|vues|просмотр\w*)\b[^\n]{0,20}$",
    re.IGNORECASE | re.MULTILINE,
)

NUM_PERM = 128
SHINGLE_WORDS = 5
MIN_WORDS_FOR_IDENTITY = 50
"""Bodies shorter than this are never merged by content alone (stubs and error pages look alike)."""


def normalise(text: str) -> str:
    """Text as compared for change and identity: cosmetic lines dropped, whitespace and case folded."""
    return _WS.sub(" ", _COSMETIC_LINE.sub("", text)).strip().casefold()


def content_hash(title: str | None, body: str) -> str:
    """SHA-256 of the normalised title and body: a different value means a meaningful change."""
    return hashlib.sha256(f"{normalise(title or '')}\n{normalise(body)}".encode()).hexdigest()


def body_hash(body: str) -> str | None:
    """SHA-256 of the normalised body alone (None for bodies too short to identify a story)."""
    text = normalise(body)
    if len(text.split()) < MIN_WORDS_FOR_IDENTITY:
        return None
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class LshParams:
    """How MinHash signatures are cut into bands for the LSH index."""

    threshold: float
    bands: int
    rows: int


@lru_cache(maxsize=16)
def lsh_params(threshold: float) -> LshParams:
    """Bands and rows for ``threshold`` (datasketch's optimum, weighted 9:1 against misses).

    Every candidate is verified against the full signature, so a false candidate costs one
    comparison while a missed one is a lost cluster: recall is worth more than precision here.
    """
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"near-duplicate threshold must be between 0 and 1, not {threshold}")
    bands, rows = _optimal_param(threshold, NUM_PERM, 0.1, 0.9)
    return LshParams(threshold, bands, rows)


def shingles(body: str) -> list[bytes]:
    """Overlapping word 5-grams of the normalised body."""
    words = _WORD.findall(normalise(body))
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)]


def signature(body: str) -> bytes | None:
    """MinHash signature (128 x uint32) of the body's shingles; None for too-short bodies."""
    if len(_WORD.findall(body)) < MIN_WORDS_FOR_IDENTITY:
        return None
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(shingles(body))
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def band_keys(sig: bytes, params: LshParams) -> list[int]:
    """One signed 64-bit key per band (SQLite INTEGER), band index mixed in."""
    values = np.frombuffer(sig, dtype=np.uint32)
    keys: list[int] = []
    for band in range(params.bands):
        chunk = values[band * params.rows : (band + 1) * params.rows].tobytes()
        digest = hashlib.blake2b(struct.pack("<H", band) + chunk, digest_size=8).digest()
        keys.append(struct.unpack("<q", digest)[0])
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    va, vb = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    if va.shape != vb.shape:
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)


def best_match(
    sig: bytes, candidates: Sequence[tuple[int, bytes]], threshold: float
) -> tuple[int, float] | None:
    """The candidate (id, similarity) most similar to ``sig`` at or above ``threshold``."""
    best: tuple[int, float] | None = None
    for cand_id, cand_sig in candidates:
        score = similarity(sig, cand_sig)
        if score >= threshold and (best is None or score > best[1]):
            best = (cand_id, score)
    return best

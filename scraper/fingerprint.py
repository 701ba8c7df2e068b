"""Fingerprints of article text: exact hashes that ignore cosmetic noise, MinHash for near copies."""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import numpy as np

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
    """Text as compared for change and identity: cosmetic lines dropped, whitespace and case
    folded, soft hyphens (hyphenation hints, which extraction now drops) left out."""
    if "\xad" in text:
        text = text.replace("\xad", "")
    return " ".join(_COSMETIC_LINE.sub("", text).split()).casefold()  # split(): the same \s, faster


def content_hash(title: str | None, body: str) -> str:
    """SHA-256 of the normalised title and body: a different value means a meaningful change."""
    return _content_hash(title, normalise(body))


def _content_hash(title: str | None, text: str) -> str:
    return hashlib.sha256(f"{normalise(title or '')}\n{text}".encode()).hexdigest()


def body_hash(body: str) -> str | None:
    """SHA-256 of the normalised body alone (None for bodies too short to identify a story)."""
    return _body_hash(normalise(body))


def _body_hash(text: str) -> str | None:
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


def _optimal_param(
    threshold: float, num_perm: int, fp_weight: float, fn_weight: float
) -> tuple[int, int]:
    """datasketch's ``lsh._optimal_param``: the (bands, rows) with the least weighted sum of
    the false-positive area (below ``threshold``) and the false-negative area (above it) of
    the S-curve ``1 - (1 - s^rows)^bands``.

    That curve is a polynomial of degree bands*rows <= num_perm, so Gauss-Legendre
    quadrature with num_perm/2 + 1 nodes integrates it exactly: the same choice as
    datasketch's scipy ``quad`` (tests/test_fingerprint.py checks a grid of thresholds)
    without importing scipy into the crawl process (50 MB of resident memory).
    """
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)

    def grid(lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
        return (hi - lo) / 2 * nodes + (hi + lo) / 2, weights * (hi - lo) / 2

    below, w_below = grid(0.0, threshold)
    above, w_above = grid(threshold, 1.0)
    best, choice = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = float(np.dot(w_below, 1 - (1 - below**r) ** b))
            fn = float(np.dot(w_above, (1 - above**r) ** b))
            error = fp * fp_weight + fn * fn_weight
            if error < best:
                best, choice = error, (b, r)
    return choice


def shingles(body: str) -> list[bytes]:
    """Overlapping word 5-grams of the normalised body."""
    return _shingles(normalise(body))


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text)
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)]


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations (odd a, b) of datasketch's MinHash(num_perm=128, seed=1)."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (multiplications wrap, as intended)."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def signature(body: str) -> bytes | None:
    """MinHash signature (128 x uint32) of the body's shingles; None for too-short bodies.

    Bit for bit datasketch's ``MinHash(num_perm=128)`` (scheme affine32: SHA-1's first four
    bytes, MurmurHash3 pre-mix, a*h+b mod 2^32) fed with ``shingles(body)``, in numpy alone:
    twice as fast, and extraction workers need not import datasketch's scipy.
    """
    return _signature(body, None)


def _signature(body: str, text: str | None) -> bytes | None:
    """signature(body); ``text`` = normalise(body) when the caller has it already."""
    if sum(1 for _ in islice(_WORD.finditer(body), MIN_WORDS_FOR_IDENTITY)) < MIN_WORDS_FOR_IDENTITY:
        return None  # (counting stops at the bound)
    words = _WORD.findall(normalise(body) if text is None else text)
    if not words:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32).tobytes()
    # the SHA-1 of each shingle of shingles(body): a shingle is a slice of the words joined
    # once (a word holds no space, so the spaces are exactly the word bounds); whole digests
    # joined and strided over (no 4-byte slice per shingle)
    sha1 = hashlib.sha1
    joined = " ".join(words).encode()
    if len(words) < SHINGLE_WORDS:
        digests = sha1(joined).digest()
    else:
        spaces = np.flatnonzero(np.frombuffer(joined, dtype=np.uint8) == 32).tolist()
        starts, ends = [0, *(i + 1 for i in spaces)], [*spaces, len(joined)]
        view = memoryview(joined)
        digests = b"".join([
            sha1(view[start:end]).digest()
            for start, end in zip(starts, ends[SHINGLE_WORDS - 1 :], strict=False)
        ])
    hv = np.frombuffer(digests, dtype="<u4")[::5]  # a SHA-1 digest is five uint32
    a, b = _permutations()
    permuted = np.multiply.outer(_fmix32(hv.astype(np.uint32)), a)  # shingles x permutations
    permuted += b  # in place: one array of that size, not two (a sixth of the signature's time)
    return bytes(permuted.min(axis=0).tobytes())


@dataclass(frozen=True)
class Fingerprints:
    """An article's hashes, computed once where the page is analysed (an extraction worker)."""

    content_hash: str
    body_hash: str | None
    minhash: bytes | None  # None when not asked for, or the body is too short


def fingerprints(title: str | None, body: str, *, minhash: bool) -> Fingerprints:
    """content_hash, body_hash and (when ``minhash``) the MinHash signature of one article
    (the body is normalised once for all three)."""
    text = normalise(body)
    return Fingerprints(
        _content_hash(title, text), _body_hash(text), _signature(body, text) if minhash else None
    )


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

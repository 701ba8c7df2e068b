"""scraper.fingerprint: our numpy MinHash is datasketch's, bit for bit; hashes ignore cosmetics."""

from __future__ import annotations

import random

import numpy as np
from datasketch import MinHash

from scraper.fingerprint import (
    NUM_PERM,
    body_hash,
    content_hash,
    fingerprints,
    lsh_params,
    shingles,
    signature,
    similarity,
)

WORDS = ["council", "budget", "Ünïcode", "日本語", "a", "updated", "views", "42", "naïve", "x"]


def datasketch_signature(body: str) -> bytes:
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(shingles(body))
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def test_signature_is_datasketch_minhash_bit_for_bit() -> None:
    rng = random.Random(7)
    for _ in range(60):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(50, 700)))
        assert signature(body) == datasketch_signature(body)


def test_signature_edge_cases() -> None:
    assert signature("too short " * 10) is None
    sig = signature(" ".join(f"w{i}" for i in range(300)))
    assert sig is not None and len(sig) == 4 * NUM_PERM
    # cosmetic lines only: enough words to sign, no shingles left -> datasketch's empty MinHash
    cosmetic = "\n".join(f"Updated {i} minutes ago" for i in range(20))
    assert signature(cosmetic) == datasketch_signature(cosmetic)


def test_near_copies_are_similar() -> None:
    base = [f"w{i}" for i in range(400)]
    edited = [*base[:200], "inserted", *base[200:]]
    a, b = signature(" ".join(base)), signature(" ".join(edited))
    assert a is not None and b is not None
    assert similarity(a, b) > lsh_params(0.6).threshold


def test_fingerprints_bundle_matches_the_single_functions() -> None:
    body = " ".join(f"w{i}" for i in range(80))
    fp = fingerprints("A title", body, minhash=True)
    assert fp.content_hash == content_hash("A title", body)
    assert fp.body_hash == body_hash(body)
    assert fp.minhash == signature(body)
    assert fingerprints("A title", body, minhash=False).minhash is None

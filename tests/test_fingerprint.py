"""scraper.fingerprint: our numpy MinHash is datasketch's, bit for bit; hashes ignore cosmetics."""

from __future__ import annotations

import random

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param as _optimal_param_ds

from scraper.fingerprint import (
    NUM_PERM,
    _optimal_param,
    body_hash,
    content_hash,
    fingerprints,
    lsh_params,
    normalise,
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


def test_lsh_params_are_datasketchs_optimum_without_scipy() -> None:
    """Exact Gauss-Legendre quadrature picks the same (bands, rows) as datasketch's scipy quad."""
    for step in range(1, 100):
        threshold = step / 100
        for weights in ((0.1, 0.9), (0.5, 0.5)):
            assert _optimal_param(threshold, NUM_PERM, *weights) == _optimal_param_reference(
                threshold, weights
            ), (threshold, weights)
    assert (lsh_params(0.6).bands, lsh_params(0.6).rows) == (25, 5)


def _optimal_param_reference(threshold: float, weights: tuple[float, float]) -> tuple[int, int]:
    bands, rows = _optimal_param_ds(threshold, NUM_PERM, *weights)
    return int(bands), int(rows)


def test_normalise_folds_every_unicode_space_and_case() -> None:
    assert normalise(" Budget\u00a0VOTE\u2003passes\n\n\tToday\u3000 ") == "budget vote passes today"
    assert normalise("Updated 12:40\nCouncil meets\n1,204 views\nBody") == "council meets body"

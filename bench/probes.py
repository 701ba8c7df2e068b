"""Run the extractor on the project's probe pages (bench/probes/) and count what it gets right.

The probe pages were written by helpers, blind, each modelled on a real publisher's or CMS's
template, with the expected publish and update stamps, authors and title frozen before any
run: the held-out rounds (r13a ... r21b) and the adversarial pages of the reviews (review1
... review6). A round's figure on the tree it was written against is its held-out score
(bench/README.md keeps those); run again, the sets catch regressions.

    python bench/probes.py [--dir bench/probes] [--sets r14a,r14b] [--misses]

A page's dates are right when the published and the modified stamps both equal the expected
ones (a value written to the minute equals one with the seconds the page also states). Its
authors are right when the sets of names are equal (NFKC, case-folded), its title when the
normalised strings are.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.extract import ExtractionError, extract_article

DEFAULT_DIR = Path(__file__).resolve().parent / "probes"


def stamp_parts(value: str) -> tuple[str, str | None, str | None, str | None]:
    """Day, hh:mm, offset and seconds of an ISO 8601 value ("Z" read as +00:00)."""
    value = value.replace("Z", "+00:00")
    if len(value) <= 10:
        return value, None, None, None
    day, rest = value[:10], value[11:]
    offset = rest[-6:] if len(rest) >= 6 and rest[-6] in "+-" else None
    clock = rest[:-6] if offset else rest
    return day, clock[:5], offset, clock[6:8] or None


def same_stamp(expected: str | None, got: str | None) -> bool:
    """The expected stamp, to the precision it is written in."""
    if expected is None or got is None:
        return expected == got
    want, have = stamp_parts(expected), stamp_parts(got)
    return want[:3] == have[:3] and (want[3] is None or want[3] == have[3])


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


@dataclass
class SetScore:
    name: str
    pages: int = 0
    dates: int = 0
    authors: int = 0
    titles: int = 0
    misses: list[str] = field(default_factory=list)


def run_set(folder: Path) -> SetScore:
    score = SetScore(folder.name)
    expected: list[dict[str, Any]] = json.loads((folder / "expected.json").read_text("utf-8"))
    for page in expected:
        score.pages += 1
        html = gzip.decompress((folder / page["file"]).read_bytes())
        try:
            art = extract_article(html, page["url"], fetched_at=page.get("fetched_at"),
                                  timezone=page.get("timezone"))
        except ExtractionError as exc:
            score.misses.append(f"{page['id']}: {exc}")
            continue
        published = art.published.local if art.published else None
        modified = art.modified.local if art.modified else None
        if same_stamp(page["published"], published) and same_stamp(page.get("modified"), modified):
            score.dates += 1
        else:
            score.misses.append(f"{page['id']}: expected {page['published']} / "
                                f"{page.get('modified')}, got {published} / {modified}"
                                f"  ({page.get('model') or ''})")
        score.authors += {norm(a) for a in art.authors} == {norm(a) for a in page["authors"] or []}
        score.titles += norm(art.title) == norm(page.get("title"))
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the probe sets' folder")
    parser.add_argument("--sets", default="", help="comma-separated set names (default: all)")
    parser.add_argument("--misses", action="store_true", help="list the pages whose dates miss")
    args = parser.parse_args(argv)
    names = [n for n in args.sets.split(",") if n] or sorted(
        p.name for p in args.dir.iterdir() if (p / "expected.json").is_file())
    if not names:
        parser.error(f"no probe sets under {args.dir}")
    total = SetScore("all")
    print(f"{'set':<10} {'pages':>5} {'dates':>6} {'authors':>8} {'titles':>7}")
    for name in names:
        score = run_set(args.dir / name)
        print(f"{name:<10} {score.pages:>5} {score.dates:>6} {score.authors:>8} {score.titles:>7}")
        if args.misses:
            for miss in score.misses:
                print(f"    {miss}")
        total.pages += score.pages
        total.dates += score.dates
        total.authors += score.authors
        total.titles += score.titles
    print(f"{'all':<10} {total.pages:>5} {total.dates:>6} {total.authors:>8} {total.titles:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

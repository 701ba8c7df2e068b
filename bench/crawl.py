"""Crawl throughput side by side (ours, a bare Scrapy spider, news-please) and memory over a long crawl.

Usage (from the repository root)::

    python bench/crawl.py [--articles 2000] [--tools ours,ours-inline,bare,newsplease]
        [--repeat 1] [--out bench/results/crawl.md]
    python bench/crawl.py --memory [--articles 100000] [--minutes 10] [--sample-every 2]

The demo portal runs in its own process (``newsarchive portal --prerender``) on a loopback
address: it renders every article page before the first crawl and serves them from memory,
because it shares this machine's cores with the crawler measured, while a real site's server is
elsewhere (``--live-portal`` renders each page when asked, as the demo does). Every crawler is
its own subprocess, started one after the other against the same portal:

- ``ours``: the news spider with the whole pipeline (extraction pool, validate, canonical URL,
  dedup with MinHash, batched store into SQLite with FTS), the command ``scraper.run`` builds,
  discovering through sitemaps only (``-a follow_links=0``) so that it fetches the same URLs;
- ``ours-inline``: the same with ``EXTRACT_WORKERS=0`` (extraction in the crawl process);
- ``bare``: ``bench/bare_spider.py``, robots.txt -> sitemaps -> every URL, bodies discarded:
  the ceiling of Scrapy against this portal on this machine;
- ``newsplease``: news-please's SitemapCrawler with its default pipelines (newspaper,
  readability, date and language extractors; HTML and JSON files), in its own virtualenv
  (``bench/.venv-newsplease``, created on first use), run as its launcher runs each site
  (``single_crawler.py``), with a guard that refuses every non-loopback lookup or connection.

All: CONCURRENT_REQUESTS=16, CONCURRENT_REQUESTS_PER_DOMAIN=8, AutoThrottle off,
DOWNLOAD_DELAY=0, robots.txt obeyed. CPU seconds are user+system of the crawl process and
of every child it reaped (the extraction workers), from ``getrusage(RUSAGE_CHILDREN)``;
peak RSS is the largest sum of RSS over the crawl's process tree, sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import csv
import ipaddress
import json
import os
import platform
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import psutil

from scraper.run import CrawlJob, build_command

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
NEWSPLEASE_VENV = BENCH / ".venv-newsplease"
NETGUARD = BENCH / "netguard"
ALL_TOOLS = ("ours", "ours-inline", "ours-before", "bare", "bare-gc", "newsplease")
DEFAULT_HOST = "127.42.0.1"
COMMON = {
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "ROBOTSTXT_OBEY": "True",
    "REMOTE_CONTROL_ENABLED": "False",  # ours has it off; the bare ceiling must not pay for it
}
_STAT = re.compile(r"'([\w/.-]+)': (\d+(?:\.\d+)?)")


# --------------------------------------------------------------------------- measuring a process


@dataclass
class Measured:
    """What one crawl subprocess cost."""

    returncode: int
    wall: float
    cpu: float  # user+system of the process and the children it reaped
    cpu_children: float  # ... of which its descendants (extraction workers), as last sampled
    peak_rss: int  # bytes: largest sampled sum over the process tree
    peak_rss_main: int  # bytes: largest sampled RSS of the crawl process alone
    portal_cpu: float  # CPU seconds the portal spent meanwhile
    peak_pss: int = 0  # bytes: largest sampled sum of PSS over the tree (shared pages counted once)
    samples: list[tuple[float, int, int, int]] = field(default_factory=list)  # (t, tree, main, pss)
    timed_out: bool = False


def _tree(proc: psutil.Process) -> list[psutil.Process]:
    try:
        return [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _cpu(p: psutil.Process) -> float:
    t = p.cpu_times()
    return float(t.user + t.system)


def measure(
    cmd: list[str],
    *,
    env: dict[str, str],
    cwd: Path,
    log: Path,
    timeout: float,
    portal: psutil.Process,
    interval: float = 0.2,
    record_every: float = 0.0,
    on_line: Any = None,
) -> Measured:
    """Run ``cmd`` to its end (SIGTERM at ``timeout``, SIGKILL 30 s later) and measure it.

    ``record_every`` > 0 keeps an (elapsed, tree RSS, main RSS, tree PSS) sample that often.
    RSS summed over the tree counts every shared page (libraries, the interpreter) once per
    process; PSS (Linux's proportional set size) splits them, so its sum is what the tree
    really occupies. Both are reported.
    ``on_line`` is called with each stdout line (stdout is otherwise discarded).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    portal_before = _cpu(portal)
    started = time.monotonic()
    peak = peak_main = peak_pss = 0
    child_cpu: dict[int, float] = {}
    samples: list[tuple[float, int, int, int]] = []
    next_record = 0.0
    timed_out = False
    with open(log, "ab") as err, subprocess.Popen(
        cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
        start_new_session=True, text=True, encoding="utf-8", errors="replace",
    ) as proc:
        assert proc.stdout is not None
        root = psutil.Process(proc.pid)
        reader = _start_reader(proc.stdout, on_line)
        term_at: float | None = None
        while proc.poll() is None:
            now = time.monotonic() - started
            tree = main = pss = 0
            for p in _tree(root):
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    info = p.memory_full_info()
                    rss = info.rss
                    tree += rss
                    pss += getattr(info, "pss", rss)
                    if p.pid == root.pid:
                        main = rss
                    else:
                        child_cpu[p.pid] = _cpu(p)
            peak, peak_main, peak_pss = max(peak, tree), max(peak_main, main), max(peak_pss, pss)
            if record_every and now >= next_record and tree:
                samples.append((now, tree, main, pss))
                next_record = now + record_every
            if now > timeout and term_at is None:
                timed_out = True
                term_at = now
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
            if term_at is not None and now > term_at + 30:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=interval)
        reader.join(timeout=5)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(
        returncode=proc.returncode, wall=wall, cpu=cpu, cpu_children=sum(child_cpu.values()),
        peak_rss=peak, peak_rss_main=peak_main, portal_cpu=_cpu(portal) - portal_before,
        peak_pss=peak_pss, samples=samples, timed_out=timed_out,
    )


def _start_reader(stream: IO[str], on_line: Any) -> Any:
    import threading

    def pump() -> None:
        for line in stream:
            if on_line is not None:
                on_line(line.rstrip("\n"))

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return thread


def scrapy_stats(log: Path) -> dict[str, float]:
    """The numeric stats Scrapy dumped at the end of a log (empty when it did not get there)."""
    text = log.read_text("utf-8", errors="replace") if log.exists() else ""
    start = text.rfind("Dumping Scrapy stats")
    return {k: float(v) for k, v in _STAT.findall(text[start:])} if start >= 0 else {}


# --------------------------------------------------------------------------- the portal


@dataclass
class Portal:
    """A demo portal in its own process."""

    proc: subprocess.Popen[str]
    url: str

    @property
    def ps(self) -> psutil.Process:
        return psutil.Process(self.proc.pid)

    def connections(self) -> int:
        """TCP connections the portal has accepted so far (keep-alive reuse shows as few)."""
        with urllib.request.urlopen(f"{self.url}__stats__.json", timeout=60) as resp:
            return int(json.loads(resp.read())["connections"])

    def truth_urls(self) -> list[str]:
        with urllib.request.urlopen(f"{self.url}__truth__.jsonl", timeout=600) as resp:
            return [article_key(json.loads(line)["url"]) for line in resp if line.strip()]


@contextlib.contextmanager
def portal_process(
    articles: int, host: str, port: int, log: Path, *, prerender: bool = False
) -> Iterator[Portal]:
    """``newsarchive portal`` on host:port; yields once it announced its URL.

    ``prerender``: the portal renders its article pages before announcing and serves them from
    memory (``--prerender``), so that less of the two cores goes to the server.
    """
    cmd = [sys.executable, "-m", "archive.cli", "portal", "--articles", str(articles), "--host", host,
           "--port", str(port), *(["--prerender"] if prerender else [])]
    with open(log, "ab") as err, subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            match = re.search(r"(http://\S+/)", line)
            if not match:
                proc.wait(timeout=10)
                raise OSError(log.read_text("utf-8", errors="replace").strip().splitlines()[-1])
            yield Portal(proc, match.group(1).replace(":80/", "/"))
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()


def article_key(url: str) -> str:
    """What identifies a portal article across crawlers: its path (the host is the same)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@contextlib.contextmanager
def workdir(keep: bool, prefix: str) -> Iterator[Path]:
    """A scratch folder for archives, logs and news-please's files; kept with ``--keep``."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        if keep:
            print(f"kept the logs and archives in {path}", file=sys.stderr)
        else:
            shutil.rmtree(path, ignore_errors=True)


def check_loopback(host: str) -> None:
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = host == "localhost"
    if not ok:
        raise SystemExit(f"--host {host} is not a loopback address: benchmarks never leave this machine")


# --------------------------------------------------------------------------- the three crawlers


@dataclass
class Result:
    """One crawl of the portal by one tool."""

    tool: str
    articles: int  # truth articles the tool stored (bare: fetched)
    pages: int  # responses received
    m: Measured
    note: str = ""
    connections: int = 0  # TCP connections the crawl opened to the portal

    @property
    def rate(self) -> float:
        return self.articles / self.m.wall if self.m.wall else 0.0


def compile_tree(tree: Path) -> None:
    """Write the bytecode of a source tree's packages (and the bare spider) before it is timed,
    as installing a package does: a checkout run under PYTHONDONTWRITEBYTECODE=1 (this
    machine's default) would otherwise compile its modules again in every process of every
    crawl (30-40 ms each), which installed libraries such as Scrapy never pay."""
    for name in ("scraper", "pipelines", "archive", "bench"):
        if (tree / name).is_dir():  # (not news-please's virtualenv under bench/)
            compileall.compile_dir(tree / name, quiet=1, rx=re.compile(r"[/\\]\.venv"))


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1", SCRAPY_SETTINGS_MODULE="scraper.settings")
    env.update(extra or {})
    return env


def run_ours(
    portal: Portal, truth: set[str], work: Path, *, workers: int | None, timeout: float,
    portal_ps: psutil.Process, record_every: float = 0.0, settings: dict[str, str] | None = None,
    on_line: Any = None, tree: Path | None = None,
) -> Result:
    """Our spider and pipelines into a fresh archive, as ``scraper.run`` starts them.

    ``tree``: run the scraper/pipelines/archive packages of that source tree instead (an
    export of an older commit), to compare before and after side by side.
    """
    db = work / f"ours-{workers}{'-before' if tree else ''}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    log = db.with_suffix(".log")
    log.unlink(missing_ok=True)
    extra = dict(COMMON, **(settings or {}))
    if workers is not None:
        extra["EXTRACT_WORKERS"] = str(workers)
    job = CrawlJob(db=db, url=portal.url, timeout=timeout + 60, settings=extra)
    cmd = [*build_command(job, 0, log), "-a", "follow_links=0"]
    m = measure(cmd, env=_env(), cwd=tree or ROOT, log=log, timeout=timeout, portal=portal_ps,
                record_every=record_every, on_line=on_line)
    stored = 0
    if db.exists():
        conn = sqlite3.connect(db)
        try:
            urls = conn.execute("SELECT url FROM articles").fetchall()
            stored = sum(1 for (url,) in urls if article_key(url) in truth)
        finally:
            conn.close()
    stats = scrapy_stats(log)
    name = "ours" if workers is None else f"ours (EXTRACT_WORKERS={workers})"
    if tree:
        name = f"ours before ({tree.name})"
    return Result(name, stored, int(stats.get("response_received_count", 0)), m,
                  note="" if m.returncode == 0 else f"exit {m.returncode}, see {log}")


def run_bare(portal: Portal, truth: set[str], work: Path, *, timeout: float,
             portal_ps: psutil.Process, gc_tune: bool = False) -> Result:
    """The bare spider: stock Scrapy (the issue's ceiling), or with ``gc_tune`` our crawl's
    garbage-collector tuning too (scraper/gctune.py), to show what that tuning is worth to
    Scrapy alone."""
    truth_file = work / "truth-urls.txt"
    base = portal.url.rstrip("/")
    truth_file.write_text("".join(f"{base}{key}\n" for key in sorted(truth)), "utf-8")
    log = work / f"bare{'-gc' if gc_tune else ''}.log"
    log.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "scrapy", "runspider", str(BENCH / "bare_spider.py"),
           "-a", f"url={portal.url}", "-a", f"truth={truth_file}",
           "-s", f"LOG_FILE={log}", "-s", "TELNETCONSOLE_ENABLED=False"]
    for key, value in COMMON.items():
        cmd += ["-s", f"{key}={value}"]
    env = {"SCRAPY_SETTINGS_MODULE": ""}
    if gc_tune:
        cmd += ["-s", 'EXTENSIONS={"scraper.gctune.GcTuneExtension": 100}']
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    m = measure(cmd, env=_env(env), cwd=work, log=log, timeout=timeout, portal=portal_ps)
    stats = scrapy_stats(log)
    return Result("bare scrapy + our GC tuning" if gc_tune else "bare scrapy",
                  int(stats.get("bare/articles", 0)),
                  int(stats.get("response_received_count", 0)), m,
                  note="" if m.returncode == 0 else f"exit {m.returncode}, see {log}")


def ensure_newsplease(venv: Path, create: bool) -> tuple[Path | None, str]:
    """(the venv's python, "") when news-please is importable there, else (None, why not)."""
    python = venv / "bin" / "python"
    check = [str(python), "-c", "import newsplease, sys; print(newsplease.__file__)"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python, ""
    if not create:
        return None, f"news-please is not installed in {venv} (run without --no-setup)"
    print(f"setting up news-please in {venv} (one time; PyPI) ...", file=sys.stderr, flush=True)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
        [str(python), "-m", "pip", "install", "--quiet", "news-please"],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return None, f"`{' '.join(step[-3:])}` failed: {' / '.join(tail)}"
    if subprocess.run(check, capture_output=True).returncode != 0:
        return None, "news-please installed but cannot be imported"
    return python, ""


def newsplease_config(python: Path, url: str, work: Path) -> tuple[Path, Path, Path, Path]:
    """Its own config.cfg with our concurrency, no AutoThrottle and a scratch working path."""
    package = Path(subprocess.run(
        [str(python), "-c", "import newsplease, os; print(os.path.dirname(newsplease.__file__))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip())
    repo = work / "newsplease-repo"
    shutil.rmtree(repo, ignore_errors=True)
    config_dir = work / "newsplease-config"
    config_dir.mkdir(exist_ok=True)
    cfg = (package / "config" / "config.cfg").read_text("utf-8")
    cfg = re.sub(r"(?m)^working_path = .*$", f"working_path = {repo}/", cfg)
    cfg = re.sub(r"(?m)^CONCURRENT_REQUESTS=\d+$", f"CONCURRENT_REQUESTS={COMMON['CONCURRENT_REQUESTS']}",
                 cfg)
    cfg = re.sub(
        r"(?m)^CONCURRENT_REQUESTS_PER_DOMAIN=\d+$",
        f"CONCURRENT_REQUESTS_PER_DOMAIN={COMMON['CONCURRENT_REQUESTS_PER_DOMAIN']}\n"
        "AUTOTHROTTLE_ENABLED=False\nDOWNLOAD_DELAY=0",
        cfg,
    )
    cfg_file, sites_file = config_dir / "config.cfg", config_dir / "sitelist.hjson"
    cfg_file.write_text(cfg, "utf-8")
    sites_file.write_text(json.dumps({"base_urls": [{"url": url, "crawler": "SitemapCrawler"}]}),
                          "utf-8")
    return package / "single_crawler.py", cfg_file, sites_file, repo


def run_newsplease(
    portal: Portal, truth: set[str], work: Path, *, python: Path, timeout: float,
    portal_ps: psutil.Process,
) -> Result:
    script, cfg_file, sites_file, repo = newsplease_config(python, portal.url, work)
    log = work / "newsplease.log"
    log.unlink(missing_ok=True)
    guard_log = work / "netguard.log"
    guard_log.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPY_", "VIRTUAL_ENV"))}
    env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(NETGUARD), NETGUARD_LOG=str(guard_log),
               TLDEXTRACT_CACHE=str(work / "tldextract-cache"), NLTK_DATA=str(work / "nltk"),
               HOME=str(work))
    cmd = [str(python), str(script), str(cfg_file), str(sites_file), "0", "False", "False"]
    m = measure(cmd, env=env, cwd=work, log=log, timeout=timeout, portal=portal_ps)
    stored = 0
    for path in repo.rglob("*.json"):
        with contextlib.suppress(ValueError, OSError):
            if article_key(json.loads(path.read_text("utf-8")).get("url") or "") in truth:
                stored += 1
    stats = scrapy_stats(log)
    notes = []
    if m.returncode != 0:
        notes.append(f"exit {m.returncode}, see {log}")
    if guard_log.exists():
        refused = guard_log.read_text("utf-8").splitlines()
        examples = ", ".join(sorted(set(refused))[:3])
        notes.append(f"netguard refused {len(refused)} off-machine attempts ({examples})")
    return Result("news-please", stored, int(stats.get("response_received_count", 0)), m,
                  note="; ".join(notes))


# --------------------------------------------------------------------------- reports


def versions() -> str:
    names = ("scrapy", "twisted", "lxml", "trafilatura", "sqlite-utils")
    parts = [f"Python {platform.python_version()}", f"SQLite {sqlite3.sqlite_version}"]
    for name in names:
        with contextlib.suppress(importlib_metadata.PackageNotFoundError):
            parts.append(f"{name} {importlib_metadata.version(name)}")
    python = NEWSPLEASE_VENV / "bin" / "python"
    if python.exists():
        out = subprocess.run(
            [str(python), "-c", "from importlib.metadata import version as v; "
             "print(f\"news-please {v('news-please')}, newspaper4k {v('newspaper4k')}, "
             "scrapy {v('scrapy')} (its venv)\")"],
            capture_output=True, text=True,
        )
        if out.returncode == 0:
            parts.append(out.stdout.strip())
    return ", ".join(parts)


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f}"


def median_result(results: list[Result]) -> Result:
    return sorted(results, key=lambda r: r.rate)[len(results) // 2]


def table(results: list[Result]) -> tuple[list[str], list[list[str]]]:
    header = ["crawler", "articles", "pages", "wall s", "articles/s", "CPU s (all)",
              "CPU s workers", "peak RSS MB (tree)", "peak PSS MB (tree)", "peak RSS MB (main)",
              "portal CPU s", "TCP connections"]
    rows = [
        [r.tool, str(r.articles), str(r.pages), f"{r.m.wall:.1f}", f"{r.rate:.1f}",
         f"{r.m.cpu:.1f}", f"{r.m.cpu_children:.1f}", _mb(r.m.peak_rss), _mb(r.m.peak_pss),
         _mb(r.m.peak_rss_main),
         f"{r.m.portal_cpu:.1f}", str(r.connections)]
        for r in results
    ]
    return header, rows


def render_text(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(header, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def ratios(by_tool: dict[str, Result]) -> list[str]:
    out = []
    ours = by_tool.get("ours")
    for key, label, goal in (("bare", "a/b (ours / bare scrapy)", 0.5),
                             ("newsplease", "a/c (ours / news-please)", 2.0)):
        other = by_tool.get(key)
        if ours and other and other.rate:
            value = ours.rate / other.rate
            verdict = "met" if value >= goal else "NOT met"
            out.append(f"{label}: {value:.2f} (goal >= {goal:g}: {verdict})")
    tuned = by_tool.get("bare-gc")
    if ours and tuned and tuned.rate:
        out.append(f"ours / bare scrapy with our GC tuning: {ours.rate / tuned.rate:.2f} "
                   "(the same ratio against a ceiling given our garbage-collector settings)")
    before = by_tool.get("ours-before")
    if ours and before and before.rate:
        out.append(f"ours / ours before: {ours.rate / before.rate:.2f}x")
    inline = by_tool.get("ours-inline")
    if ours and inline and inline.rate:
        out.append(f"pool / inline (EXTRACT_WORKERS default / 0): {ours.rate / inline.rate:.2f}x")
    return out


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


# --------------------------------------------------------------------------- modes


def compare(args: argparse.Namespace) -> int:
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    for tool in tools:
        if tool not in ALL_TOOLS:
            raise SystemExit(f"unknown tool {tool!r}; choose from {', '.join(ALL_TOOLS)}")
    python: Path | None = None
    skipped: dict[str, str] = {}
    if "newsplease" in tools:
        python, why = ensure_newsplease(args.newsplease_venv, create=not args.no_setup)
        if python is None:
            skipped["newsplease"] = why
    load_before = load_text()
    print(f"load average before: {load_before}", file=sys.stderr)
    runs: dict[str, list[Result]] = {t: [] for t in tools}
    compile_tree(ROOT)
    if args.before is not None:
        compile_tree(args.before)
    with workdir(args.keep, "bench-crawl-") as work:
        try:
            cm = portal_process(args.articles, args.host, args.port, work / "portal.log",
                                prerender=not args.live_portal)
            portal = cm.__enter__()
        except OSError as exc:
            if args.port == 0:
                raise
            reason = f"portal cannot listen on {args.host}:{args.port} ({exc}); news-please needs port 80"
            print(f"{reason}: using a free port without news-please", file=sys.stderr)
            skipped["newsplease"] = reason
            cm = portal_process(args.articles, args.host, 0, work / "portal.log",
                                prerender=not args.live_portal)
            portal = cm.__enter__()
        try:
            truth = set(portal.truth_urls())
            print(f"portal {portal.url}: {len(truth)} articles", file=sys.stderr)
            portal_ps = portal.ps
            for round_ in range(1, args.repeat + 1):
                for tool in tools:
                    if tool in skipped:
                        continue
                    print(f"round {round_}/{args.repeat}: {tool} ...", file=sys.stderr, flush=True)
                    connections = portal.connections()
                    if tool == "ours":
                        result = run_ours(portal, truth, work, workers=None, timeout=args.timeout,
                                          portal_ps=portal_ps, settings=args.settings)
                        result.tool = "ours"
                    elif tool == "ours-before":
                        if args.before is None:
                            raise SystemExit("ours-before needs --before PATH")
                        result = run_ours(portal, truth, work, workers=None, timeout=args.timeout,
                                          portal_ps=portal_ps, tree=args.before)
                    elif tool == "ours-inline":
                        result = run_ours(portal, truth, work, workers=0, timeout=args.timeout,
                                          portal_ps=portal_ps, settings=args.settings)
                    elif tool in ("bare", "bare-gc"):
                        result = run_bare(portal, truth, work, timeout=args.timeout, portal_ps=portal_ps,
                                          gc_tune=tool == "bare-gc")
                    else:
                        assert python is not None
                        result = run_newsplease(portal, truth, work, python=python,
                                                timeout=args.timeout, portal_ps=portal_ps)
                    result.connections = portal.connections() - connections - 1  # - this query
                    print(f"  {result.articles} articles in {result.m.wall:.1f}s = {result.rate:.1f}/s, "
                          f"CPU {result.m.cpu:.1f}s, peak RSS {_mb(result.m.peak_rss)} MB"
                          + (f" [{result.note}]" if result.note else ""), file=sys.stderr, flush=True)
                    runs[tool].append(result)
        finally:
            cm.__exit__(None, None, None)
    load_after = load_text()
    by_tool = {t: median_result(rs) for t, rs in runs.items() if rs}
    header, rows = table(list(by_tool.values()))
    lines = ratios(by_tool)
    print(render_text(header, rows))
    for line in lines:
        print(line)
    for tool, why in skipped.items():
        print(f"{tool}: not run: {why}")
    if args.out and str(args.out) != "-":
        notes = [r.note for r in by_tool.values() if r.note]
        md = [
            "# Crawl benchmark (`bench/crawl.py`)",
            "",
            f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; machine: {platform.machine()}, "
            f"{os.cpu_count()} cores, {platform.system()} {platform.release()}",
            f"- versions: {versions()}",
            f"- portal: {args.articles} articles, own process, "
            f"http://{args.host}:{args.port or 'free port'}/, "
            f"{'pages rendered per request (--live-portal)' if args.live_portal else 'pages pre-rendered'}; "
            f"{args.repeat} round(s), median by articles/s",
            f"- load average (1/5/15 min) before: {load_before}; after: {load_after}",
            "- all crawlers: CONCURRENT_REQUESTS=16, CONCURRENT_REQUESTS_PER_DOMAIN=8, "
            "AutoThrottle off, DOWNLOAD_DELAY=0, robots.txt obeyed, sitemap discovery",
            "- articles = truth articles stored (bare: fetched); CPU = user+system of the crawl and "
            "its reaped children; peak RSS = largest sampled sum over the process tree (main = "
            "the crawl process alone); portal CPU = what the portal process spent meanwhile; "
            "TCP connections = connections the portal accepted from the crawl",
            "",
            "| " + " | ".join(header) + " |",
            "| " + " | ".join("---" for _ in header) + " |",
            *("| " + " | ".join(r) + " |" for r in rows),
            "",
            *(f"- {line}" for line in lines),
            *(f"- {tool} not run: {why}" for tool, why in skipped.items()),
            *(f"- note: {n}" for n in notes),
        ]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(md) + "\n", "utf-8")
        print(f"\nwrote {args.out}")
    return 0


def memory(args: argparse.Namespace) -> int:
    """One long crawl of a big portal; RSS of the crawl tree sampled and plotted."""
    load_before = load_text()
    seconds = args.minutes * 60
    print(f"load average before: {load_before}; portal with {args.articles} articles, "
          f"crawl stopped after {args.minutes:g} min at most", file=sys.stderr)
    progress: list[tuple[float, int]] = []
    started = time.monotonic()

    def on_line(line: str) -> None:
        if line.startswith("@@newsarchive "):
            data = json.loads(line.split(" ", 1)[1])
            progress.append((time.monotonic() - started, int(data.get("articles", 0))))
            if len(progress) % 30 == 0:
                print(f"  {progress[-1][0]:.0f}s: {progress[-1][1]} articles", file=sys.stderr, flush=True)

    compile_tree(ROOT)
    with workdir(args.keep, "bench-memory-") as work:
        with portal_process(args.articles, args.host, 0, work / "portal.log") as portal:
            truth = set(portal.truth_urls())
            print(f"portal {portal.url}: {len(truth)} articles", file=sys.stderr)
            started = time.monotonic()
            result = run_ours(  # CLOSESPIDER_TIMEOUT stops it; the harness only if that fails
                portal, truth, work, workers=None, timeout=seconds + 120, portal_ps=portal.ps,
                record_every=args.sample_every, on_line=on_line,
                settings={**args.settings, "CLOSESPIDER_TIMEOUT": str(int(seconds)),
                          "PROGRESS_INTERVAL": "2"},
            )
        db_size = sum(p.stat().st_size for p in work.glob("ours-None.db*"))
    load_after = load_text()
    samples = result.m.samples
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "memory.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["seconds", "tree_rss_mb", "main_rss_mb", "tree_pss_mb", "articles"])
        for t, tree, main, pss in samples:
            done = max((a for s, a in progress if s <= t), default=0)
            writer.writerow([f"{t:.1f}", f"{tree / 2**20:.1f}", f"{main / 2**20:.1f}",
                             f"{pss / 2**20:.1f}", done])
    png = out_dir / "memory.png"
    plot(samples, progress, png, f"{result.articles} articles in {result.m.wall:.0f}s")
    warm = [tree for t, tree, _main, _pss in samples if t >= min(60.0, result.m.wall / 5)]
    half = len(warm) // 2
    first, second = (max(warm[:half]) if half else 0), (max(warm[half:]) if warm else 0)
    summary = [
        f"articles stored: {result.articles} of {len(truth)} in {result.m.wall:.0f} s "
        f"({result.rate:.1f}/s); pages {result.pages}; archive {db_size / 2**20:.0f} MB",
        f"peak RSS (sum over the tree, sampled every {args.sample_every:g} s): "
        f"{_mb(result.m.peak_rss)} MB ({_verdict(result.m.peak_rss)}); peak PSS (the tree, shared "
        f"pages counted once): {_mb(result.m.peak_pss)} MB ({_verdict(result.m.peak_pss)}); "
        f"main process RSS: {_mb(result.m.peak_rss_main)} MB",
        f"after warm-up: max over the first half {_mb(first)} MB, over the second half {_mb(second)} MB",
        f"CPU {result.m.cpu:.0f} s (workers {result.m.cpu_children:.0f} s); "
        f"portal CPU {result.m.portal_cpu:.0f} s",
        f"load average before: {load_before}; after: {load_after}",
    ]
    for line in summary:
        print(line)
    md = [
        "# Memory over a long crawl (`bench/crawl.py --memory`)",
        "",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; machine: {platform.machine()}, "
        f"{os.cpu_count()} cores; versions: {versions()}",
        f"- portal: {args.articles} articles in its own process; crawl: ours (full pipeline, "
        f"sitemap discovery, AutoThrottle off), stopped after {args.minutes:g} min at most",
        *(f"- {line}" for line in summary),
        "",
        f"![RSS over the crawl]({png.name}) (samples: `memory.csv`)",
    ]
    (out_dir / "memory.md").write_text("\n".join(md) + "\n", "utf-8")
    print(f"wrote {png}, {out_dir / 'memory.csv'} and {out_dir / 'memory.md'}")
    return 0


def _verdict(peak: int) -> str:
    return "goal under 400 MB: " + ("met" if peak < 400 * 2**20 else "NOT met")


def plot(samples: list[tuple[float, int, int, int]], progress: list[tuple[float, int]], png: Path,
         title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=100)
    ax.plot([s[0] for s in samples], [s[1] / 2**20 for s in samples], label="crawl + workers (sum RSS)")
    ax.plot([s[0] for s in samples], [s[3] / 2**20 for s in samples], label="crawl + workers (sum PSS)")
    ax.plot([s[0] for s in samples], [s[2] / 2**20 for s in samples], label="crawl process (RSS)")
    ax.axhline(400, color="red", linestyle="--", linewidth=1, label="400 MB goal")
    ax.set_xlabel("seconds")
    ax.set_ylabel("RSS (MB)")
    ax.set_ylim(bottom=0)
    ax.set_title(f"Memory of a long crawl: {title}")
    if progress:
        ax2 = ax.twinx()
        ax2.plot([p[0] for p in progress], [p[1] for p in progress], color="grey", linewidth=0.8,
                 label="articles")
        ax2.set_ylabel("articles scraped")
        ax2.set_ylim(bottom=0)
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(png)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None,
                        help="portal size (default 2000; 100000 with --memory)")
    parser.add_argument("--tools", default="ours,ours-inline,bare,newsplease",
                        help=f"some of {','.join(ALL_TOOLS)}")
    parser.add_argument("--before", type=Path, default=None,
                        help="source tree for ours-before (e.g. `git archive` of an older commit)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the median is reported")
    parser.add_argument("--host", default=DEFAULT_HOST, help="a loopback address for the portal")
    parser.add_argument("--port", type=int, default=80,
                        help="portal port (news-please ignores sites on other ports; 0 = free port)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per crawl")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="KEY=VALUE",
                        help="an extra Scrapy setting for our crawls (repeatable)")
    parser.add_argument("--newsplease-venv", type=Path, default=NEWSPLEASE_VENV)
    parser.add_argument("--no-setup", action="store_true", help="never create the news-please venv")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (logs, archives)")
    parser.add_argument("--live-portal", action="store_true",
                        help="the portal renders each page when asked (default: it pre-renders "
                             "them all before the first crawl and serves them from memory)")
    parser.add_argument("--out", type=Path, default=None,
                        help="markdown results (default bench/results/crawl.md; - = print only)")
    parser.add_argument("--memory", action="store_true", help="the long-crawl memory run instead")
    parser.add_argument("--minutes", type=float, default=10.0, help="--memory: crawl time limit")
    parser.add_argument("--sample-every", type=float, default=2.0, help="--memory: seconds")
    parser.add_argument("--out-dir", type=Path, default=BENCH / "results",
                        help="--memory: where memory.png/.csv/.md go")
    args = parser.parse_args(argv)
    check_loopback(args.host)
    args.settings = dict(item.split("=", 1) for item in args.set if "=" in item)
    args.before = args.before.resolve() if args.before else None
    if args.memory:
        args.articles = args.articles or 100_000
        return memory(args)
    args.articles = args.articles or 2000
    args.out = args.out or BENCH / "results" / "crawl.md"
    return compare(args)


if __name__ == "__main__":
    raise SystemExit(main())

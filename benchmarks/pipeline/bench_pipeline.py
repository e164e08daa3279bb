"""Backfill a synthetic-but-real-format month against the fake EDGAR, with 250 ms latency.

    /work/venv/bin/python benchmarks/pipeline/bench_pipeline.py [--days N] [--filings-per-day N]
        [--notes-per-day N] [--latency S] [--rate R] [--database-url URL]

The month is built from the bundled real submissions (tests/data/edgar/site/filings),
re-stamped onto every business day of March 2025: per day a few hundred structured-note
pricing supplements (the BofA 424B2, filed under several real bank note shelves, its document
cut short since notes are never fetched) and a dozen ATM and non-ATM 424B filings (NextEra,
ESS Tech, Imunon, each under an issuer of its own), as in the real daily indexes where notes
are most of the 424B volume. The fake server runs as its own process (as EDGAR is another
machine) and enforces the SEC's 10 requests per second; the pipeline runs here at --rate.

Printed figures: requests sent, wall time, the lower bound (requests / rate: a fetcher kept
exactly at the limit), their ratio (target <= 1.10), and peak memory of this process (max
RSS, and its growth over the run).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

FILINGS = ROOT / "tests" / "data" / "edgar" / "site" / "filings"
TEMPLATES = {  # accession -> form types it is cloned as
    "0001193125-25-338333": ("424B5",),            # NextEra, ATM
    "0001628280-25-015699": ("424B5",),            # ESS Tech, ATM through a sales agent
    "0001493152-25-029712": ("424B5", "424B3"),    # Imunon, not an ATM
}
NOTE = "0001918704-24-002559"                      # BofA Finance 424B2 structured note
# Real bank note shelves (CIK, name as the daily indexes list them): the BofA note is filed
# again under each, so the index shows the real spread of note issuers.
NOTE_SHELVES = [
    (1665650, "JPMorgan Chase Financial Co. LLC"), (200245, "Citigroup Global Markets Holdings Inc."),
    (1419828, "GS Finance Corp."), (1682472, "BofA Finance LLC"), (1114446, "UBS AG"),
    (1000275, "ROYAL BANK OF CANADA"), (83246, "HSBC USA INC /MD/"), (1666268, "Morgan Stanley Finance LLC"),
]


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process, and of its finished children (the parser
    processes, counted once the run has shut them down)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def business_days(start: date, end: date) -> list[date]:
    return [start + timedelta(d) for d in range((end - start).days + 1)
            if (start + timedelta(d)).weekday() < 5]


def short_note(txt: bytes) -> bytes:
    """The note's real header and the start of its document: notes are listed, never fetched."""
    head, _, rest = txt.partition(b"</SEC-HEADER>")
    doc = rest[: 4000].rsplit(b"\n", 1)[0]
    return head + b"</SEC-HEADER>" + doc + b"\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"


def build_month(out: Path, days: list[date], filings_per_day: int, notes_per_day: int) -> dict:
    from edgar_atm.fakeedgar.header import restamp

    out.mkdir(parents=True, exist_ok=True)
    templates = [(acc, form, (FILINGS / f"{acc}.txt").read_bytes())
                 for acc, forms in TEMPLATES.items() for form in forms]
    note = short_note((FILINGS / f"{NOTE}.txt").read_bytes())
    serial, counts = 0, {"filings": 0, "notes": 0}
    for day in days:
        for i in range(notes_per_day):
            serial += 1
            cik, name = NOTE_SHELVES[i % len(NOTE_SHELVES)]
            acc = f"0001918704-{day.year % 100:02d}-{serial:06d}"
            (out / f"{acc}.txt").write_bytes(restamp(note, accession=acc, filed_date=day, cik=cik, company=name))
            counts["notes"] += 1
        for i in range(filings_per_day):
            serial += 1
            src, form, txt = templates[i % len(templates)]
            cik = 9_000_000 + serial
            acc = f"{src[:10]}-{day.year % 100:02d}-{serial:06d}"
            company = f"Bench Issuer {serial} Inc."
            (out / f"{acc}.txt").write_bytes(restamp(txt, accession=acc, filed_date=day, cik=cik,
                                                     company=company, form_type=form))
            counts["filings"] += 1
    return counts


def start_server(root: Path, latency: float) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "edgar_atm.fakeedgar", "--root", str(root),
                             "--latency", str(latency), "--rate-limit", "10", "--block-seconds", "30"],
                            stdout=subprocess.PIPE, text=True,
                            env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    url = proc.stdout.readline().strip()
    if not url.startswith("http"):
        proc.kill()
        raise SystemExit(f"fake EDGAR did not start (got {url!r})")
    return proc, url


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--days", type=int, default=0, help="business days of March 2025 (default: all 21)")
    p.add_argument("--filings-per-day", type=int, default=12)
    p.add_argument("--notes-per-day", type=int, default=150)
    p.add_argument("--latency", type=float, default=0.25)
    p.add_argument("--rate", type=float, default=9.0, help="the pipeline's rate limit (default 9, the tool's default)")
    p.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    args = p.parse_args()

    from edgar_atm.config import Settings
    from edgar_atm.edgar.client import EdgarClient
    from edgar_atm.pipeline.run import Pipeline
    from edgar_atm.store.db import make_engine, upgrade
    from edgar_atm.store.raw import RawStore

    days = business_days(date(2025, 3, 1), date(2025, 3, 31))
    days = days[: args.days] if args.days else days
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        tmp = Path(tmp)
        counts = build_month(tmp / "site" / "filings", days, args.filings_per_day, args.notes_per_day)
        server, url = start_server(tmp / "site", args.latency)
        try:
            db_url = args.database_url or f"sqlite:///{tmp / 'bench.sqlite'}"
            upgrade(db_url)
            settings = Settings(user_agent="edgar-atm benchmark bench@example.com", database_url=db_url,
                                base_url=url, rate_limit=args.rate,
                                rate_limit_store=str(tmp / "ratelimit.sqlite"), data_dir=tmp / "data")
            engine = make_engine(db_url)
            client = EdgarClient.from_settings(settings)
            pipeline = Pipeline(engine=engine, client=client, raw=RawStore(settings.raw_dir),
                                today=lambda: date(2026, 1, 5))
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            cpu_before = _cpu()
            load_before = os.getloadavg()[0]
            started = time.monotonic()
            stats = pipeline.backfill(start=days[0], end=days[-1])
            wall = time.monotonic() - started
            cpu_main, cpu_parsers = (a - b for a, b in zip(_cpu(), cpu_before))
            load_after = os.getloadavg()[0]
            rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            requests = client.stats.requests
            client.close()
            engine.dispose()
        finally:
            server.terminate()
            server.wait(timeout=30)

    bound = requests / args.rate
    print(f"month: {len(days)} business days, {counts['notes'] + counts['filings']} filings in the "
          f"indexes ({counts['notes']} structured notes, {counts['filings']} others)")
    print(f"run: {stats.line('backfill')}")
    print(f"requests: {requests} (retries {client.stats.retries}, blocks {client.stats.blocks})")
    print(f"wall: {wall:.1f} s; lower bound {requests} / {args.rate:g} req/s = {bound:.1f} s; "
          f"ratio {wall / bound:.3f} (target <= 1.10)")
    print(f"peak RSS: {rss_peak / 1024:.0f} MiB (grew {(rss_peak - rss_before) / 1024:.0f} MiB during the run; "
          f"parser processes not included)")
    print(f"CPU: this process {cpu_main:.1f} s, parser processes {cpu_parsers:.1f} s "
          f"({1000 * cpu_parsers / max(stats.parsed, 1):.0f} ms per filing); "
          f"load average {load_before:.1f} -> {load_after:.1f} on {os.cpu_count()} CPUs")
    return 0 if stats.ok else 1


if __name__ == "__main__":
    sys.exit(main())

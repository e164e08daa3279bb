"""Fetcher benchmark: how close to the configured rate limit does the client run, without ever
exceeding it, when every answer takes 250 ms?

Against the fake EDGAR (which, like the SEC, blocks a client sending more than 10 requests in
any sliding second), for each configured limit: a client process reads the daily form
index of each business day, then fetches every 424B filing listed there (re-stamped copies
of real complete submissions) through EdgarClient.fetch_many with the shared SQLite limiter. Everything is
measured from the server's own request log:

    all req/s, ratio   requests per second over the whole run (first to last arrival), and
                       as a fraction of the limit
    fetch req/s, ratio the same over the filing downloads alone (target >= 0.95): the day
                       indexes before them are read one at a time
    max in 1 s         the most requests that arrived in any one-second window (must never
                       exceed the limit)
    req / filing       filing requests / filings fetched (target 1.0), plus the index requests

Usage: /work/venv/bin/python benchmarks/fetch/bench_fetch.py [--filings 300] [--latency 0.25]
       [--rates 9 10] [--in-flight 8]
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from edgar_atm.edgar.client import EdgarClient  # noqa: E402
from edgar_atm.edgar.indexes import discover_day  # noqa: E402
from edgar_atm.edgar.ratelimit import make_limiter  # noqa: E402
from edgar_atm.fakeedgar import FakeEdgarServer, Site, max_in_window  # noqa: E402

TEMPLATES = ROOT / "tests" / "data" / "edgar" / "archives"
USER_AGENT = "edgar-atm benchmark ops@edgar-atm.example"
SEC_LIMIT = 10


def build_site(filings: int, per_day: int) -> tuple[Site, list[date]]:
    site = Site()
    templates = [site.add_filing(p.read_bytes()) for p in sorted(TEMPLATES.glob("*.txt"))]
    # Business days starting on a Monday, each with a published daily index.
    day, days, left = date(2025, 6, 2), [], filings
    while left > 0:
        if day.weekday() < 5:
            count = min(per_day, left)
            site.clone_day(day, count, templates=templates, distinct_issuers=True)
            days.append(day)
            left -= count
        day += timedelta(days=1)
    for template in templates:  # only the clones are dated on the benchmark's days
        assert template.filed_date not in days
    return site, days


def fetch_in_this_process(url: str, rate: float, store: str, days: list[date],
                          in_flight: int) -> dict:
    """The client side, run in its own process (as against the real SEC, the server is
    not in the client's process: no shared interpreter lock skewing arrival times)."""
    limiter = make_limiter(rate, store)
    with EdgarClient(user_agent=USER_AGENT, base_url=url, limiter=limiter,
                     max_in_flight=in_flight, block_seconds=30) as client:
        started = time.monotonic()
        refs = []
        for day in days:
            # Every listed 424B, bank notes included: this measures fetching, not the note
            # rule.
            refs += discover_day(client.get, day, skip_structured_notes=False) or []
        digests = {}
        for path, body in client.fetch_many([ref.path for ref in refs]):
            digests[path] = hashlib.sha256(body).hexdigest() if isinstance(body, bytes) else repr(body)
        elapsed = time.monotonic() - started
        stats = client.stats.as_dict()
    limiter.close()
    return {"digests": digests, "elapsed": elapsed, "stats": stats}


def run(rate: float, filings: int, latency: float, in_flight: int, per_day: int) -> dict:
    site, days = build_site(filings, per_day)
    with tempfile.TemporaryDirectory() as tmp, \
            FakeEdgarServer(site, rate_limit=SEC_LIMIT, block_seconds=30, latency=latency) as srv:
        job = {"url": srv.url, "rate": rate, "store": str(Path(tmp) / "ratelimit.sqlite"),
               "days": [d.isoformat() for d in days], "in_flight": in_flight}
        done = subprocess.run([sys.executable, __file__, "--client"], input=json.dumps(job),
                              capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            raise RuntimeError(f"client process failed:\n{done.stderr}")
        out = json.loads(done.stdout)
        records = srv.requests
        server_blocks = srv.limiter.blocks
    worst = densest_second(records)
    if len(worst) > rate:
        # Show what happened, so an excess can be explained rather than only counted.
        print(f"  {len(worst)} requests within one second (limit {rate:g}):", file=sys.stderr)
        for r in worst:
            print(f"    +{(r.mono - worst[0].mono) * 1000:7.1f} ms  {r.status}  {r.path}",
                  file=sys.stderr)
    digests = out["digests"]
    wrong = [p for p, digest in digests.items()
             if digest != hashlib.sha256(site.get(p.rsplit("/", 1)[1][:-4]).txt).hexdigest()]
    index_requests = sum(1 for r in records if "/daily-index/" in r.path)
    filing_requests = sum(1 for r in records if r.path.endswith(".txt"))
    span = records[-1].mono - records[0].mono
    achieved = (len(records) - 1) / span if span > 0 else float("nan")
    # The fetch phase alone: the index requests before it go one at a time (each day's
    # index is read before its filings are known), so they cannot run at the limit.
    fetch = [r.mono for r in records if r.path.endswith(".txt")]
    fetch_rate = (len(fetch) - 1) / (fetch[-1] - fetch[0]) if len(fetch) > 1 else float("nan")
    return {
        "limit": rate,
        "filings": len(digests),
        "wrong_or_failed": len(wrong),
        "requests": len(records),
        "index_requests": index_requests,
        "filing_requests": filing_requests,
        "req_per_filing": filing_requests / max(len(digests), 1),
        "achieved": achieved,
        "ratio": achieved / rate,
        "fetch_rate": fetch_rate,
        "fetch_ratio": fetch_rate / rate,
        "max_in_1s": max_in_window(records, 1.0) if records else 0,
        "server_blocks": server_blocks,
        "retries": out["stats"]["retries"],
        "elapsed": out["elapsed"],
    }


def densest_second(records: list) -> list:
    """The records of the one-second window holding the most arrivals."""
    times = [r.mono for r in records]
    best = (0, 0)
    for i, t in enumerate(times):
        j = bisect.bisect_left(times, t + 1.0, lo=i)
        best = max(best, (j - i, i))
    return records[best[1]:best[1] + best[0]]


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:] == ["--client"]:
        job = json.loads(sys.stdin.read())
        out = fetch_in_this_process(job["url"], job["rate"], job["store"],
                                    [date.fromisoformat(d) for d in job["days"]], job["in_flight"])
        print(json.dumps(out))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filings", type=int, default=300)
    parser.add_argument("--latency", type=float, default=0.25)
    parser.add_argument("--rates", type=float, nargs="+", default=[9.0, 10.0])
    parser.add_argument("--in-flight", type=int, default=8)
    parser.add_argument("--per-day", type=int, default=60)
    args = parser.parse_args(argv)

    print(f"fake EDGAR: {args.latency * 1000:.0f} ms per answer, blocks above {SEC_LIMIT} req/s; "
          f"{args.filings} filings, {args.in_flight} in flight")
    header = (f"{'limit':>6} {'filings':>7} {'requests':>8} {'index':>5} {'req/filing':>10} "
              f"{'all req/s':>9} {'ratio':>6} {'fetch req/s':>11} {'ratio':>6} {'max in 1s':>9} "
              f"{'blocks':>6} {'retries':>7} {'wall s':>7}")
    print(header)
    ok = True
    for rate in args.rates:
        r = run(rate, args.filings, args.latency, args.in_flight, args.per_day)
        print(f"{r['limit']:>6g} {r['filings']:>7} {r['requests']:>8} {r['index_requests']:>5} "
              f"{r['req_per_filing']:>10.3f} {r['achieved']:>9.2f} {r['ratio']:>6.3f} "
              f"{r['fetch_rate']:>11.2f} {r['fetch_ratio']:>6.3f} "
              f"{r['max_in_1s']:>9} {r['server_blocks']:>6} {r['retries']:>7} {r['elapsed']:>7.1f}")
        ok &= (r["max_in_1s"] <= int(rate) and r["server_blocks"] == 0
               and r["wrong_or_failed"] == 0 and r["filings"] == args.filings)
    print("never above the limit, nothing lost" if ok else "LIMIT EXCEEDED OR FILINGS LOST")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How much headroom the fake EDGAR has over the rate it stands in for.

The fetch benchmarks measure the client against this server at ~10 requests/s; those
figures only mean something if the server itself is far from its own limits. The server runs
in its own process (as the fetch and pipeline benchmarks run it), the clients here. Prints:

1. capacity: requests/s the fake serves with no latency and no limit, for the complete
   submissions (gzip, as clients ask for it), a generated daily index and the submissions
   JSON, as a multiple of the SEC's 10 requests/s;
2. concurrency under latency: with L seconds added to every answer and C clients at once
   fetching a small answer, the achieved rate over the ideal C/L, and the mean time per
   request (1.0 and L would mean latency never serialises requests and costs nothing else);
3. the limiter: clients sending as fast as they can get at most 10 answers with status 200
   in any 1-second window, then the block page.

    /work/venv/bin/python benchmarks/fakeedgar/bench_server.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "data" / "edgar" / "site"
UA = {"User-Agent": "edgar-atm benchmark bench@example.com", "Accept-Encoding": "gzip"}
POPULATE = ("2026-01-05", "2026-01-30", "25")  # 20 business days x 25 re-stamped filings


@contextmanager
def fake_edgar(*options: str):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "edgar_atm.fakeedgar", "--root", str(SITE),
                             "--populate", *POPULATE, *options], stdout=subprocess.PIPE, text=True, env=env)
    try:
        url = proc.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise SystemExit(f"fake EDGAR did not start (got {url!r})")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def hammer(url: str, paths: list[str], clients: int, seconds: float) -> tuple[int, int, float]:
    """`clients` threads fetching `paths` round-robin for `seconds`: (answers, bytes, elapsed)."""
    stop = time.monotonic() + seconds
    counts = [0] * clients
    sizes = [0] * clients

    def run(i: int) -> None:
        with httpx.Client(base_url=url, headers=UA, timeout=60) as c:
            n = i
            while time.monotonic() < stop:
                r = c.get(paths[n % len(paths)])
                counts[i] += 1
                sizes[i] += int(r.headers.get("content-length", 0))
                n += clients

    start = time.monotonic()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts), sum(sizes), time.monotonic() - start


def filing_paths(url: str) -> list[str]:
    """Every filing of January 2026 on the site, read off its daily indexes."""
    paths = []
    with httpx.Client(base_url=url, headers=UA, timeout=60) as c:
        for day in range(5, 31):
            r = c.get(f"/Archives/edgar/daily-index/2026/QTR1/form.202601{day:02d}.idx")
            if r.status_code == 200:
                paths += ["/Archives/" + line.split()[-1] for line in r.text.split("\n")[10:] if line]
    return paths


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--latency", type=float, default=0.25)
    p.add_argument("--latency-clients", type=int, default=8)
    args = p.parse_args()
    small = ["/submissions/CIK0000749647.json"]

    with fake_edgar("--rate-limit", "0") as url:
        filings = filing_paths(url)
        index = ["/Archives/edgar/daily-index/2026/QTR1/form.20260115.idx"]
        print(f"site: the bundled filings + {len(filings)} re-stamped ones; load average {os.getloadavg()[0]:.1f}")
        for label, paths in (("complete submissions (gzip)", filings), ("daily form.idx (gzip)", index),
                             ("submissions JSON (gzip)", small)):
            hammer(url, paths, args.clients, 1.0)  # warm up: each filing's gzip is made once
            n, size, elapsed = hammer(url, paths, args.clients, args.seconds)
            rate = n / elapsed
            print(f"capacity, {label}, {args.clients} clients: {rate:.0f} req/s "
                  f"({size / elapsed / 1e6:.1f} MB/s on the wire) = {rate / 10:.1f}x the SEC's 10 req/s")

    with fake_edgar("--rate-limit", "0", "--latency", str(args.latency)) as url:
        n, _, elapsed = hammer(url, small, args.latency_clients, args.seconds)
        ideal = args.latency_clients / args.latency
        print(f"latency {args.latency}s, {args.latency_clients} clients: {n / elapsed:.1f} req/s of an ideal "
              f"{ideal:.0f} = {n / elapsed / ideal:.2f}; mean {args.latency_clients * elapsed / n:.3f} s per request")

    with fake_edgar("--rate-limit", "10", "--block-seconds", "600") as url:
        n, _, _ = hammer(url, small, args.clients, 2.0)
        with httpx.Client(base_url=url) as c:
            log = c.get("/__fakeedgar__/requests").json()
        ok = sorted(r["mono"] for r in log if r["status"] == 200)
        worst = max(sum(1 for t in ok if a <= t < a + 1.0) for a in ok)
        blocked = sum(1 for r in log if r["status"] == 429)
        print(f"limiter at 10 req/s, {args.clients} clients flat out for 2 s: {n} requests, "
              f"max 200s in any 1 s window = {worst}, block pages = {blocked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Parse time against input size for each malformed shape (edgar_atm.fakeedgar.hostile),
and the client's peak memory under a 1 GiB gzip bomb served by the fake EDGAR.

    .venv/bin/python benchmarks/hostile/bench_hostile.py [--sizes 100000,400000,1600000]

Prints a Markdown table: seconds (best of 3) per size, and the ratio of the largest to the
smallest time over the ratio of the sizes (1.0 = linear, the size ratio = quadratic).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from edgar_atm.extract import parse_filing  # noqa: E402
from edgar_atm.fakeedgar.hostile import SHAPES, path_for  # noqa: E402

BOMB_CHILD = r"""
import json, resource, sys
from edgar_atm.edgar.client import EdgarClient
class L:
    def acquire(self): return None
kwargs = {} if sys.argv[3] == "default" else {"max_response_bytes": int(sys.argv[3])}
c = EdgarClient(user_agent="bench ops@example.com", base_url=sys.argv[1], limiter=L(), max_retries=0, **kwargs)
try:
    c.get(sys.argv[2]); out = "accepted"
except Exception as exc:
    out = type(exc).__name__
print(json.dumps({"outcome": out, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def best(fn, repeat=3):
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,400000,1600000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print("| shape | " + " | ".join(f"n={n:,}" for n in sizes) + " | growth / size growth |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for name, (gen, kind) in sorted(SHAPES.items()):
        cells, times = [], []
        for n in sizes:
            data = gen(n)
            t = best(lambda data=data, kind=kind: parse_filing(data, path=path_for(kind)))
            times.append(t)
            cells.append(f"{len(data) / 1e6:.2f} MB: {t:.3f} s")
        ratio = (times[-1] / max(times[0], 1e-4)) / (sizes[-1] / sizes[0])
        print(f"| {name} | " + " | ".join(cells) + f" | {ratio:.2f} |", flush=True)

    from edgar_atm.fakeedgar import FakeEdgarServer, Faults, Site

    filing = ROOT / "tests/data/edgar/site/filings/0001493152-25-029712.txt"
    site = Site()
    site.add_filing(filing.read_bytes())
    path = "/Archives/edgar/data/749647/0001493152-25-029712.txt"
    print("\n| bomb (1 GiB of zeros, gzip) | client outcome | peak RSS of the client process |")
    print("|---|---|---|")
    for limit in ("default", str(32 * 1024 * 1024)):
        faults = Faults(by_path={path: ["bomb"]}, bomb_bytes=1 << 30)
        faults.bomb_body()
        with FakeEdgarServer(site, rate_limit=None, faults=faults) as server:
            env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
            done = subprocess.run([sys.executable, "-c", BOMB_CHILD, server.url, path, limit],
                                  capture_output=True, text=True, env=env, timeout=300)
        got = json.loads(done.stdout.strip().splitlines()[-1])
        label = "max_response_bytes 256 MiB (default)" if limit == "default" else "max_response_bytes 32 MiB"
        print(f"| {label} | {got['outcome']} | {got['peak_mib']:.0f} MiB |", flush=True)


if __name__ == "__main__":
    main()

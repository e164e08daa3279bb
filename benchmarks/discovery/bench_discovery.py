"""Speed of the discovery readers and of the raw store, on real EDGAR bytes.

    /work/venv/bin/python benchmarks/discovery/bench_discovery.py

1. Index parsing: the real daily form.20200318.idx, and a quarter-sized form.gz built by
   repeating its rows 65 times (~40 MB, the size of a real quarterly form.idx), read through
   discover_quarter as the pipeline does. Reported as MB/s and as "request-equivalents": the
   parse time divided by the 1/9 s a request costs at the default rate limit, i.e. how many
   filing requests' worth of time one index costs to read.
2. Raw store: put/get of the real filings under tests/data (complete submissions and corpus
   documents): MB/s, compression ratio, and time per filing as a share of one request slot
   (1/9 s): far below 1 means the store never holds the fetcher back.
Best of several repeats; peak Python memory from tracemalloc.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from edgar_atm.edgar.indexes import discover_quarter_detailed, parse_form_index  # noqa: E402
from edgar_atm.errors import NotFound  # noqa: E402
from edgar_atm.records import FORM_TYPES_424B  # noqa: E402
from edgar_atm.store.raw import RawStore  # noqa: E402

DATA = ROOT / "tests" / "data"
SLOT = 1 / 9.0  # seconds per request at the default rate limit


def best(fn, repeats=5):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def bench_indexes() -> None:
    daily = (DATA / "edgar" / "index" / "daily" / "form.20200318.idx").read_text()
    mb = len(daily) / 1e6
    t_all, rows = best(lambda: list(parse_form_index(daily)))
    t_424, rows424 = best(lambda: list(parse_form_index(daily, forms=FORM_TYPES_424B)))
    print(f"daily form.idx {mb:.2f} MB: all {len(rows)} rows {t_all * 1e3:.1f} ms "
          f"({mb / t_all:.0f} MB/s); 424B only ({len(rows424)} rows) {t_424 * 1e3:.1f} ms "
          f"({mb / t_424:.0f} MB/s, {t_424 / SLOT:.2f} request slots)")

    # 65 business days: each copy of the day's rows gets its own date and accession year
    # field, so rows stay distinct filings (and per-day note volumes stay realistic).
    head, _, body = daily.partition("-" * 141 + "\n")
    # A past quarter's static index: its data runs past the quarter's last day.
    head = head.replace("Mar 18, 2020", "April  4, 2020")
    copies = []
    for k in range(65):
        day = f"2020-{1 + k // 22:02d}-{1 + k % 22:02d}"
        copies.append(body.replace("20200318  ", day).replace("-20-", f"-{k:02d}-"))
    big = head + "-" * 141 + "\n" + "".join(copies)
    gz = gzip.compress(big.encode(), compresslevel=6)
    def fetch(path: str) -> bytes:
        if path.endswith("/form.gz"):
            return gz
        raise NotFound("not served in this benchmark", url=path)

    t_q, found = best(lambda: discover_quarter_detailed(fetch, 2020, 1), repeats=3)
    tracemalloc.start()
    discover_quarter_detailed(fetch, 2020, 1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"quarter-sized form.gz {len(gz) / 1e6:.1f} MB gz / {len(big) / 1e6:.1f} MB text: "
          f"gunzip+parse+select {t_q:.2f} s ({len(big) / 1e6 / t_q:.0f} MB/s), "
          f"{found.rows} 424B rows -> {len(found.refs)} filings, {len(found.skipped)} notes skipped; "
          f"= {t_q / SLOT:.1f} request slots, replacing 65 daily-index requests; "
          f"peak Python memory {peak / 1e6:.0f} MB")


def bench_raw_store() -> None:
    files = sorted((DATA / "edgar" / "archives").glob("*.txt"))
    corpus = DATA / "corpus"
    if corpus.is_dir():
        files += sorted(p for p in corpus.iterdir() if p.suffix in (".html", ".htm", ".txt"))
    blobs = [p.read_bytes() for p in files]
    total = sum(len(b) for b in blobs)
    if not blobs:
        print("raw store: no real filings under tests/data")
        return
    for level in (1, 6, 9):
        with tempfile.TemporaryDirectory() as tmp:
            store = RawStore(Path(tmp), compresslevel=level)
            accs = [f"0009999999-25-{i:06d}" for i in range(len(blobs))]

            def put_all():
                for acc, blob in zip(accs, blobs):
                    store.put(acc, blob + b"\n" + str(time.perf_counter_ns()).encode())

            t_put, _ = best(put_all, repeats=3)
            t_get, _ = best(lambda: [store.get(a) for a in accs], repeats=3)
            stored = sum(store.path_for(a).stat().st_size for a in accs)
        per = t_put / len(blobs)
        print(f"raw store level {level}: {len(blobs)} filings, {total / 1e6:.1f} MB -> "
              f"{stored / 1e6:.2f} MB (ratio {total / stored:.1f}x); put {total / 1e6 / t_put:.0f} MB/s "
              f"({per * 1e3:.1f} ms/filing = {per / SLOT:.2f} request slots, fsync included); "
              f"get+verify {total / 1e6 / t_get:.0f} MB/s")


if __name__ == "__main__":
    bench_indexes()
    bench_raw_store()

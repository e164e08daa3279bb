"""Parse throughput on one core: a realistic daily mix of 424B filings, and ATM filings alone.

    /work/venv/bin/python benchmarks/parse/bench_parse.py [--rounds 3]

Every input is a real filing from tests/data/filings (complete submission .txt files with
their uuencoded graphics, and whole primary documents of 50 KB - 1 MB). The daily mix
follows EDGAR's 424B volume: about 85% bank structured notes on 424B2, 10% 424B3 and 5%
424B5. There is no whole 424B3 document in the repository, so the 424B3 share is made of
the supplement and non-ATM prospectus documents closest to what 424B3 carries (the
Cellectar ATM supplement, a registered-direct and a DRIP prospectus). Figures are filings
per second in one process, and the ratio to the SEC fetch limit of 10 filings per second
(the pipeline can never fetch faster, so a ratio of 5 or more means parsing never holds a
backfill back). The best of --rounds runs is reported (the machine is shared).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from edgar_atm.extract import parse_filing  # noqa: E402

FILINGS = ROOT / "tests" / "data" / "filings"
FETCH_LIMIT = 10.0  # filings per second: one request per filing at the SEC's 10 req/s

NOTES_424B2 = [
    "submissions/0001918704-24-002559.txt",
    "whole/424B2-BofA-Finance-LLC-0001918704-24-002559.html",
    "whole/424B2-BofA-Finance-LLC-0001918704-25-005479.html",
]
LIKE_424B3 = [
    "cellectar-424b3-2022-10-20-supplement.md",
    "whole/424B4-Traws-Pharma-Inc-0001104659-24-132924.html",
    "whole/424B2-Healthpeak-Properties-Inc-HealthPeak.424B2.html",
]
FORM_424B5 = [
    "submissions/0001193125-25-338333.txt",
    "submissions/0001628280-25-015699.txt",
    "submissions/0001493152-25-029712.txt",
    "whole/424B5-Alzamend-Neuro-Inc-0001214659-26-002941.html",
    "whole/424B5-Calidi-Biotherapeutics-Inc-0001641172-25-001350.html",
    "whole/424B5-Curis-Inc-0001108205-25-000026.html",
    "whole/424B5-Ensysce-Biosciences-Inc-0001641172-25-001566.html",
    "whole/424B5-Excelerate-Energy-Inc-0001193125-25-068732.html",
    "whole/424B5-Flushing-Financial-Corporation-Flushing-424B4.html",
    "whole/424B5-PG-E-Corporation-PGandE-424B5.html",
]
ATM_ONLY = [
    "submissions/0001193125-25-338333.txt",
    "submissions/0001628280-25-015699.txt",
    "whole/424B5-Alzamend-Neuro-Inc-0001214659-26-002941.html",
    "cellectar-424b3-2022-10-20-supplement.md",
]


def load(names: list[str]) -> list[tuple[str, bytes]]:
    return [(n, (FILINGS / n).read_bytes()) for n in names]


def daily_mix(total: int = 200) -> list[tuple[str, bytes]]:
    notes, b3, b5 = load(NOTES_424B2), load(LIKE_424B3), load(FORM_424B5)
    n_b3, n_b5 = round(total * 0.10), round(total * 0.05)
    n_notes = total - n_b3 - n_b5
    mix = (list(itertools.islice(itertools.cycle(notes), n_notes))
           + list(itertools.islice(itertools.cycle(b3), n_b3))
           + list(itertools.islice(itertools.cycle(b5), n_b5)))
    return mix


def run(batch: list[tuple[str, bytes]], rounds: int) -> tuple[float, int]:
    best = float("inf")
    events = 0
    for _ in range(rounds):
        started = time.process_time()
        events = 0
        for name, data in batch:
            events += len(parse_filing(data, path=name).events)
        best = min(best, time.process_time() - started)
    return best, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    mix = daily_mix()
    atm = load(ATM_ONLY) * 10
    size = lambda batch: sum(len(d) for _, d in batch) / len(batch) / 1024  # noqa: E731
    print(f"{'workload':<34} {'filings':>7} {'avg KB':>7} {'CPU s':>7} {'filings/s':>10} {'x fetch limit':>14}")
    for label, batch in (("daily mix (85% 424B2 notes)", mix), ("ATM filings only", atm)):
        seconds, _ = run(batch, args.rounds)
        rate = len(batch) / seconds
        print(f"{label:<34} {len(batch):>7} {size(batch):>7.0f} {seconds:>7.2f} {rate:>10.1f} {rate / FETCH_LIMIT:>14.1f}")
    # Where the time goes: one filing of each kind.
    print()
    print(f"{'single filing':<60} {'KB':>6} {'ms':>8}")
    for name in NOTES_424B2[:1] + LIKE_424B3 + FORM_424B5[:3]:
        data = (FILINGS / name).read_bytes()
        seconds, _ = run([(name, data)], max(args.rounds, 5))
        print(f"{name:<60} {len(data) / 1024:>6.0f} {seconds * 1000:>8.1f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""One-off backfill of a long history, a quarter at a time.

    python scripts/backfill.py --start 2015-01-01 --end 2024-12-31 [--form 424B5 ...]
                               [--cik N ...] [--ticker T ...] [--no-skip-notes] [--rate-limit R]

Runs `edgar-atm backfill` once per calendar quarter of the range, oldest first, so each step
reads one quarterly index and ends with its own summary line. Every step is resumable, so
after Ctrl-C, kill -9 or a power cut simply run the same command again: finished quarters
cost a few requests at most, and only what is missing is fetched. Settings come from the
environment as for `edgar-atm` (EDGAR_USER_AGENT, DATABASE_URL, ...). Exit status: the worst
of the steps (0 all ok, 1 some filings failed and will be retried, other values as edgar-atm).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date, timedelta


def quarters(start: date, end: date):
    """(first, last) day of each calendar quarter piece of [start, end]."""
    first = start
    while first <= end:
        q_end_month = ((first.month - 1) // 3) * 3 + 3
        next_q = date(first.year + (q_end_month == 12), q_end_month % 12 + 1, 1)
        last = min(end, next_q - timedelta(days=1))
        yield first, last
        first = last + timedelta(days=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=date.fromisoformat, required=True)
    parser.add_argument("--end", type=date.fromisoformat, required=True)
    args, passthrough = parser.parse_known_args(argv)
    if args.end < args.start:
        parser.error("--end is before --start")
    worst = 0
    for first, last in quarters(args.start, args.end):
        cmd = [sys.executable, "-m", "edgar_atm", "backfill", "--start", first.isoformat(),
               "--end", last.isoformat(), *passthrough]
        print(f"backfill.py: {first} .. {last}", file=sys.stderr, flush=True)
        status = subprocess.call(cmd)
        if status not in (0, 1):
            # Settings, database or EDGAR trouble: later quarters would fail the same way.
            return status
        worst = max(worst, status)
    return worst


if __name__ == "__main__":
    sys.exit(main())

"""Write throughput of the store: 10,000 parsed filings with 30,000 events, on SQLite and on
PostgreSQL, through the real save path (repository.save_parsed_filing).

    /work/venv/bin/python benchmarks/store/bench_store.py [--filings 10000] [--only sqlite|postgresql]

Two ways of writing are measured: one filing per transaction, as the pipeline saves each
filing as it arrives (mark_fetched + save_parsed_filing, one commit), and batches of filings
per transaction (save_parsed_filings: reparse, bulk loads). The figure that matters is
filings per second as a multiple of the fetch limit (10 filings/s: one request per filing at
the SEC's 10 requests/s): the store must keep up with at least 50x that. A second pass saves
the same set again (a rerun or reparse) and checks that it changed nothing, row for row.
The machine's load is printed with the figures: on a shared box they move with it.

The filings are modelled on the real ones of tests/store/store_samples.py: 1,000 issuers with
10 filings each; each filing carries three events of one program (establishment or
amendment, cumulative sales, and a suspension, resumption or second sales figure), with
agreement names, agents and amounts like the real filings'.

PostgreSQL comes from EDGAR_ATM_BENCH_PG_URL (default: the server of the test setup,
postgresql+psycopg://postgres@127.0.0.1:5432/test); a throw-away database is created there
and dropped afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from sqlalchemy import MetaData, create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from edgar_atm.records import Event, Filer, FilingRef, ParsedFiling  # noqa: E402
from edgar_atm.store import db, repository  # noqa: E402

FETCH_LIMIT = 10.0  # filings per second: one request each at the SEC's 10 requests/s
TARGET = 50.0

AGREEMENTS = ["Equity Distribution Agreement", "Sales Agreement", "At Market Issuance Sales Agreement",
              "Controlled Equity Offering Sales Agreement", "Open Market Sale Agreement", "ATM Sales Agreement"]
AGENTS = ["Oppenheimer & Co. Inc.", "Cantor Fitzgerald & Co.", "H.C. Wainwright & Co., LLC", "B. Riley Securities, Inc.",
          "Jefferies LLC", "BofA Securities, Inc.", "Stifel, Nicolaus & Company, Incorporated", "BTIG, LLC",
          "Robert W. Baird & Co. Incorporated", "Goldman Sachs & Co. LLC", "Ladenburg Thalmann & Co. Inc.",
          "Roth Capital Partners, LLC", "TD Securities (USA) LLC", "Leerink Partners LLC", "Crédit Agricole Securities (USA) Inc."]
SECURITIES = ["common stock", "common stock", "common stock", "ordinary shares", "Class A common stock"]
EXCERPT = ("As of the date of this prospectus supplement, we have sold an aggregate of {shares:,} shares of our "
           "common stock pursuant to the {agreement} for aggregate gross proceeds of ${gross:,}.")


def make_filings(n_filings: int, seed: int = 20221020) -> list[ParsedFiling]:
    rng = random.Random(seed)
    per_issuer = 10
    filings = []
    for i in range(n_filings):
        issuer, k = divmod(i, per_issuer)
        cik = 1_000_000 + issuer
        company = f"Benchmark Therapeutics {issuer:04d}, Inc."
        agreement = AGREEMENTS[issuer % len(AGREEMENTS)]
        agents = [AGENTS[issuer % len(AGENTS)]] + ([AGENTS[(issuer + 3) % len(AGENTS)]] if k >= 5 else [])
        agreement_date = date(2015, 1, 5) + timedelta(days=issuer)
        filed = agreement_date + timedelta(days=9 + 120 * k)
        cap = Decimal(rng.choice([14_500_000, 50_000_000, 75_000_000, 300_000_000, 1_500_000_000, 21_000_000_000]))
        shares = 4_169 * (k + 1) + rng.randrange(1000)
        gross = Decimal(69_000 * (k + 1)) + Decimal(rng.randrange(100_00)) / 100
        identity = dict(agreement_type=agreement, agreement_date=agreement_date, agents=agents,
                        security=SECURITIES[issuer % len(SECURITIES)], max_amount=cap)
        first = Event(type="program_established" if k == 0 else "program_amended", **identity,
                      amendment_date=None if k == 0 else filed,
                      excerpt=f"On {agreement_date:%B %d, %Y}, we entered into an {agreement} with {agents[0]}.")
        sales = Event(type="sales_reported", **identity, shares_sold=shares, gross_proceeds=gross, as_of=filed,
                      remaining_amount=cap - gross,
                      excerpt=EXCERPT.format(shares=shares, agreement=agreement, gross=gross))
        third = (Event(type="suspended", **identity, effective_date=filed,
                       excerpt="The purpose of this Supplement is to suspend the ATM and to terminate the continuous "
                               f"offering by us under the Prospectus Supplement effective on {filed:%B %d, %Y}.")
                 if k % 2 else
                 Event(type="resumed", **identity, effective_date=filed,
                       excerpt="we reinstated the at-the-market offering program by filing an updated prospectus"))
        accession = f"{cik:010d}-{filed.year % 100:02d}-{k:06d}"
        filings.append(ParsedFiling(
            accession_number=accession, form_type="424B5" if k % 2 == 0 else "424B3", cik=cik, company=company,
            filed_date=filed, filers=[Filer(cik=cik, name=company, sic=2834)], atm_related=True,
            events=[first, sales, third]))
    return filings


def ref_of(p: ParsedFiling) -> FilingRef:
    return FilingRef(p.accession_number, p.cik, p.company, p.form_type, p.filed_date,
                     f"/Archives/edgar/data/{p.cik}/{p.accession_number}.txt")


def fingerprint(engine) -> tuple[dict[str, int], str]:
    """Row counts and a digest of every row of every table."""
    meta = MetaData()
    meta.reflect(bind=engine)
    counts, digest = {}, hashlib.sha256()
    with engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            rows = sorted(repr(tuple(r)) for r in conn.execute(select(table)))
            counts[name] = len(rows)
            for r in rows:
                digest.update(r.encode())
    return counts, digest.hexdigest()


def save_all(engine, filings, *, discover: bool, batch: int) -> tuple[float, float]:
    """Save every filing; returns (wall seconds, CPU seconds of this process)."""
    sessions = db.session_factory(engine)
    sha = "ab" * 32
    if discover:
        with sessions.begin() as s:
            repository.record_discovered(s, [ref_of(p) for p in filings])
    started, cpu = time.perf_counter(), time.process_time()
    if batch == 1:
        for p in filings:
            with sessions.begin() as s:
                if discover:
                    repository.mark_fetched(s, p.accession_number, sha256=sha, size=48_000)
                repository.save_parsed_filing(s, p, source_url=ref_of(p).url, raw_sha256=sha,
                                              parser_version="bench-1")
    else:
        for i in range(0, len(filings), batch):
            chunk = filings[i:i + batch]
            with sessions.begin() as s:
                if discover:
                    for p in chunk:
                        repository.mark_fetched(s, p.accession_number, sha256=sha, size=48_000)
                repository.save_parsed_filings(s, [(p, ref_of(p).url, sha) for p in chunk],
                                               parser_version="bench-1")
    return time.perf_counter() - started, time.process_time() - cpu


def run(backend: str, url: str, filings, batch: int) -> dict:
    db.upgrade(url)
    engine = db.make_engine(url)
    try:
        first, first_cpu = save_all(engine, filings, discover=True, batch=batch)
        counts, digest = fingerprint(engine)
        second, second_cpu = save_all(engine, filings, discover=False, batch=batch)
        counts2, digest2 = fingerprint(engine)
    finally:
        engine.dispose()
    n = len(filings)
    return {
        "backend": backend, "batch": batch, "filings": n, "events": counts["events"],
        "programs": counts["programs"], "first": n / first, "first_cpu": n / first_cpu,
        "second": n / second, "unchanged": (counts, digest) == (counts2, digest2),
    }


def pg_database(admin_url: str):
    admin = create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
    name = f"edgar_atm_bench_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return admin, name, make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filings", type=int, default=10_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--batches", default="1,100",
                        help="filings per transaction to measure, comma-separated (1 = the pipeline's way)")
    args = parser.parse_args()
    filings = make_filings(args.filings)
    batches = [int(b) for b in args.batches.split(",")]
    print(f"{len(filings):,} filings, {sum(len(p.events) for p in filings):,} events, "
          f"{len({p.cik for p in filings}):,} issuers; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    results = []
    for batch in batches:
        if args.only in (None, "sqlite"):
            with tempfile.TemporaryDirectory() as tmp:
                results.append(run("SQLite (WAL, file)", f"sqlite:///{tmp}/bench.sqlite", filings, batch))
        if args.only in (None, "postgresql"):
            admin_url = os.environ.get("EDGAR_ATM_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
            admin, name, url = pg_database(admin_url)
            try:
                results.append(run("PostgreSQL 127.0.0.1", url, filings, batch))
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print()
    print("| database | filings per transaction | filings / events / programs | first save: filings/s "
          "(x fetch limit) | per CPU-second of the writer | re-save: filings/s | re-save changed nothing |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['backend']} | {r['batch']} | {r['filings']:,} / {r['events']:,} / {r['programs']:,} "
              f"| {r['first']:,.0f} ({r['first'] / FETCH_LIMIT:,.0f}x) | {r['first_cpu']:,.0f} "
              f"| {r['second']:,.0f} ({r['second'] / FETCH_LIMIT:,.0f}x) | {'yes' if r['unchanged'] else 'NO'} |")
    best = {}
    for r in results:
        best[r["backend"]] = max(best.get(r["backend"], 0), r["first"] / FETCH_LIMIT)
    ok = all(r["unchanged"] for r in results) and all(x >= TARGET for x in best.values())
    print(f"\ntarget: >= {TARGET:.0f}x the fetch limit of {FETCH_LIMIT:.0f} filings/s, re-save changes nothing: "
          f"{'met' if ok else 'NOT met'} (best per database: "
          + ", ".join(f"{k} {v:,.0f}x" for k, v in best.items()) + ")")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

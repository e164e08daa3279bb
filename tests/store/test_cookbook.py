"""Every query of the README's SQL cookbook, exactly as written there, on SQLite and
PostgreSQL, against sample filings saved through the real save path."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

import store_samples as samples
from edgar_atm.records import FilingRef, ParsedFiling
from edgar_atm.store import repository as repo

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"```sql\n-- cookbook: ([\w-]+)\n(.*?)```", re.S)


def cookbook() -> dict[str, str]:
    return {name: sql.strip().rstrip(";") for name, sql in _BLOCK.findall(README.read_text(encoding="utf-8"))}


def _norm(value):
    """Compare across drivers: numbers as Decimal, dates as ISO text."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return value


D = Decimal
CLRB_OPP = "Oppenheimer & Co. Inc."
STRK_AGENTS = "TD Securities (USA) LLC; Barclays Capital Inc.; The Benchmark Company, LLC; SG Americas Securities, LLC"

EXPECTED = {
    "issuer-timeline": [
        ("2020-08-20", "program_established", "424B5", "0001279704-20-000032", CLRB_OPP, D(14500000), None, None, None),
        ("2022-10-20", "sales_reported", "424B3", "0001279704-22-000090", CLRB_OPP, D(14500000), D(4169), D(69000), None),
        ("2022-10-20", "suspended", "424B3", "0001279704-22-000090", CLRB_OPP, D(14500000), None, None, "2022-10-20"),
    ],
    # Strategy's new program states no sales and no remaining amount: its remaining capacity is
    # unknown (null), so it is not listed.
    "active-capacity": [
        (D(1101239), "EQUINIX INC", "equity distribution agreement", "2020-10-30",
         "BofA Securities, Inc.; Barclays Capital Inc.", D(1500000000), D("1000000283.35")),
        (D(105016), "WATSCO INC", "sales agreement", "2021-08-06",
         "Robert W. Baird & Co. Incorporated; Goldman Sachs & Co. LLC", D(300000000), D(300000000)),
    ],
    "suspensions-in-a-year": [
        ("2022-10-20", D(1279704), "Cellectar Biosciences, Inc.", "0001279704-22-000090",
         "Equity Distribution Agreement", "2020-08-11", CLRB_OPP),
    ],
    # One row per program, whatever number of filings registered it (Equinix's 2020 agreement was
    # re-registered in 2022), by agreement date.
    "capacity-per-quarter": [
        ("2020", D(3), D(1), D(14500000)),
        ("2020", D(4), D(1), D(1500000000)),
        ("2021", D(3), D(1), D(300000000)),
        ("2022", D(3), D(1), D(50000000)),
        ("2025", D(1), D(1), D(21000000000)),
    ],
    "agents-by-programs": [
        ("Barclays Capital Inc.", D(2), D(2)),
        ("BofA Securities, Inc.", D(2), D(2)),
        ("BTIG, LLC", D(1), D(1)),
        ("Goldman Sachs & Co. LLC", D(1), D(1)),
        (CLRB_OPP, D(1), D(1)),
        ("Robert W. Baird & Co. Incorporated", D(1), D(1)),
        ("SG Americas Securities, LLC", D(1), D(1)),
        ("Stifel, Nicolaus & Company, Incorporated", D(1), D(1)),
        ("TD Securities (USA) LLC", D(1), D(1)),
        ("The Benchmark Company, LLC", D(1), D(1)),
    ],
    "cap-used": [
        ("EQUINIX INC", "2020-10-30", D(1500000000), D("499999716.65"), "2022-02-25", D("33.33")),
        ("Acumen Pharmaceuticals, Inc.", "2022-07-01", D(50000000), D(4246131), "2023-04-26", D("8.49")),
        ("Cellectar Biosciences, Inc.", "2020-08-11", D(14500000), D(69000), "2022-10-20", D("0.48")),
        ("WATSCO INC", "2021-08-06", D(300000000), D(0), "2022-02-23", D(0)),
    ],
    "failed-filings": [
        ("0000891092-20-003205", D(70858), "BANK OF AMERICA CORP /DE/", "424B2", "2020-03-18",
         "fetched", "failed", D(1), "ParseError: no primary document in the submission"),
        ("0001193125-20-077337", D(1069308), "Acer Therapeutics Inc.", "424B2", "2020-03-18",
         "not_found", "pending", D(1), "NotFound: 403 AccessDenied"),
    ],
}

# Rows of the real daily index form.20200318.idx.
ACER = FilingRef("0001193125-20-077337", 1069308, "Acer Therapeutics Inc.", "424B2", date(2020, 3, 18),
                 "/Archives/edgar/data/1069308/0001193125-20-077337.txt")
BOFA_NOTE = FilingRef("0000891092-20-003205", 70858, "BANK OF AMERICA CORP /DE/", "424B2", date(2020, 3, 18),
                      "/Archives/edgar/data/70858/0000891092-20-003205.txt")
BOFA_OTHER = FilingRef("0000891092-20-003207", 70858, "BANK OF AMERICA CORP /DE/", "424B2", date(2020, 3, 18),
                       "/Archives/edgar/data/70858/0000891092-20-003207.txt")


@pytest.fixture
def dataset(session):
    for make in samples.ALL:
        parsed = make()
        repo.record_discovered(session, [samples.ref_of(parsed)])
        repo.mark_fetched(session, parsed.accession_number, sha256="ab" * 32, size=40_000)
        repo.save_parsed_filing(session, parsed, source_url=samples.ref_of(parsed).url, raw_sha256="ab" * 32,
                                parser_version="test-parser-1")
    for cik, tickers in samples.TICKERS.items():
        repo.upsert_issuer(session, cik, tickers=tickers)
    repo.record_discovered(session, [ACER, BOFA_NOTE, BOFA_OTHER])
    repo.mark_fetch_failed(session, ACER.accession_number, "NotFound: 403 AccessDenied", permanent=True)
    repo.mark_fetched(session, BOFA_NOTE.accession_number, sha256="cd" * 32, size=90_000)
    repo.mark_parse_failed(session, BOFA_NOTE.accession_number, "ParseError: no primary document in the submission",
                           parser_version="test-parser-1")
    repo.mark_fetched(session, BOFA_OTHER.accession_number, sha256="ef" * 32, size=80_000)
    repo.save_parsed_filing(session, ParsedFiling(
        accession_number=BOFA_OTHER.accession_number, form_type="424B2", cik=70858,
        company="BANK OF AMERICA CORP /DE/", filed_date=date(2020, 3, 18)), source_url=BOFA_OTHER.url,
        raw_sha256="ef" * 32, parser_version="test-parser-1")
    first = repo.start_run(session, "backfill", {"start": "2020-03-18", "end": "2020-03-18"})
    repo.finish_run(session, first, status="ok", counts={"fetched": 3})
    session.commit()
    second = repo.start_run(session, "nightly", {})
    repo.finish_run(session, second, status="failed", counts={"errors": 1})
    session.commit()
    return session, (first, second)


def test_the_readme_has_the_tested_queries():
    assert set(cookbook()) == set(EXPECTED) | {"recent-runs"}
    assert len(cookbook()) >= 6


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cookbook_query(dataset, name):
    session, _ = dataset
    rows = session.execute(text(cookbook()[name])).all()
    assert [tuple(_norm(v) for v in row) for row in rows] == EXPECTED[name]


def test_cookbook_recent_runs(dataset):
    session, (first, second) = dataset
    rows = session.execute(text(cookbook()["recent-runs"])).all()
    assert [(r.id, r.kind, r.status) for r in rows] == [(second, "nightly", "failed"), (first, "backfill", "ok")]
    assert all(r.finished_at is not None for r in rows)

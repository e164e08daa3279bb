"""`edgar-atm programs` through click's CliRunner: programs as they stood on a date, from
filings filed on or before it only, on both databases; --status, --json, --csv; one-line
messages for an unknown issuer."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner
from sqlalchemy import text

import store_samples as samples
from edgar_atm.cli import cli_group
from edgar_atm.cli.common import EXIT_FAILURES
from edgar_atm.records import Event, Filer, ParsedFiling
from edgar_atm.store import db
from edgar_atm.store import repository as repo

PRTA = 1559053, "Prothena Corporation plc"
PIPER, STIFEL, CANTOR, RBC = ("Piper Sandler & Co.", "Stifel, Nicolaus & Company, Incorporated",
                              "Cantor Fitzgerald & Co.", "RBC Capital Markets, LLC")
RJ, JMP = "Raymond James & Associates, Inc.", "Citizens JMP Securities, LLC"
EDA = "Equity Distribution Agreement"


def _prothena() -> list[ParsedFiling]:
    # The labelled events of tests/data/corpus/prta-424b5-2021-05-28-cover and
    # prta-424b5-2021-12-new-eda-prior-terminated (the May accession number and both filing dates
    # constructed where the corpus does not give them).
    filer = [Filer(cik=PRTA[0], name=PRTA[1])]
    may = ParsedFiling(accession_number="0001193125-21-175000", form_type="424B5", cik=PRTA[0], company=PRTA[1],
                       filed_date=date(2021, 5, 28), filers=filer, atm_related=True, events=[Event(
                           type="program_established", agreement_type=EDA, agents=[PIPER, STIFEL, CANTOR, RBC, RJ],
                           security="ordinary shares", max_amount=Decimal(100_000_000))])
    dec = ParsedFiling(accession_number="0001193125-21-366352", form_type="424B5", cik=PRTA[0], company=PRTA[1],
                       filed_date=date(2021, 12, 22), filers=filer, atm_related=True, events=[
                           Event(type="program_established", agreement_type=EDA,
                                 agents=[PIPER, STIFEL, CANTOR, RBC, JMP], security="ordinary shares",
                                 max_amount=Decimal(250_000_000), commission_rate=Decimal("3.0")),
                           Event(type="terminated", agreement_type=EDA, agreement_date=date(2021, 5, 28),
                                 agents=[PIPER, STIFEL, CANTOR, RBC, RJ], security="ordinary shares")])
    return [may, dec]


@pytest.fixture
def filled_url(migrated_url):
    engine = db.make_engine(migrated_url)
    with db.session_factory(engine).begin() as session:
        # Saved newest first: the programs must not depend on it.
        for parsed in [*reversed(_prothena()), *(make() for make in samples.ALL)]:
            repo.save_parsed_filing(session, parsed, source_url=None, raw_sha256=None, parser_version="test-parser-1")
        repo.upsert_issuer(session, PRTA[0], tickers=["PRTA"])
        for cik, tickers in samples.TICKERS.items():
            repo.upsert_issuer(session, cik, tickers=tickers)
    engine.dispose()
    return migrated_url


def _run(args, url):
    return CliRunner().invoke(cli_group, ["programs", *args], env={"DATABASE_URL": url}, catch_exceptions=False)


def _json(args, url) -> dict:
    result = _run([*args, "--json"], url)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_as_of_sees_only_filings_filed_by_then(filled_url):
    before = _json(["PRTA", "--as-of", "2021-12-21"], filled_url)
    assert before["as_of"] == "2021-12-21"
    (p,) = before["programs"]
    assert (p["status"], p["current_cap"], p["agents"][-1]) == ("active", 100_000_000, RJ)
    after = _json(["PRTA", "--as-of", "2021-12-22"], filled_url)["programs"]
    assert [(p["status"], p["current_cap"]) for p in after] == [("terminated", 100_000_000), ("active", 250_000_000)]
    assert after[0]["status_date"] == "2021-12-22" and after[0]["agreement_date"] == "2021-05-28"
    assert _json(["PRTA", "--as-of", "2021-05-27"], filled_url)["programs"] == []


def test_without_a_date_it_equals_the_view(filled_url):
    programs = _json(["PRTA"], filled_url)["programs"]
    engine = db.make_engine(filled_url)
    try:
        with engine.connect() as conn:
            view = conn.execute(text("SELECT status, current_cap, agents FROM atm_programs WHERE cik = :c "
                                     "ORDER BY first_filed_date, program_id"), {"c": PRTA[0]}).all()
    finally:
        engine.dispose()
    assert [(p["status"], Decimal(str(p["current_cap"])), "; ".join(p["agents"])) for p in programs] == \
        [(r.status, Decimal(str(r.current_cap)), r.agents) for r in view]


def test_every_issuer_and_status_filter(filled_url):
    everyone = _json([], filled_url)["programs"]
    assert {p["cik"] for p in everyone} == {PRTA[0], samples.CLRB_CIK, samples.WSO_CIK, samples.ABOS_CIK,
                                            samples.EQIX_CIK, samples.MSTR_CIK}
    suspended = _json(["--status", "suspended"], filled_url)["programs"]
    assert [(p["cik"], p["status"]) for p in suspended] == [(samples.CLRB_CIK, "suspended")]
    # Cellectar before its suspension supplement was filed: active.
    (clrb,) = _json(["CLRB", "--as-of", "2022-10-19"], filled_url)["programs"]
    assert clrb["status"] == "active" and clrb["gross_proceeds"] is None


def test_csv_and_table(filled_url):
    result = _run(["EQIX", "--csv"], filled_url)
    assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(io.StringIO(result.output)))
    assert row["gross_proceeds"] == "499999716.65" and row["agents"] == "BofA Securities, Inc.; Barclays Capital Inc."
    table = _run(["PRTA", "--as-of", "2022-01-01"], filled_url)
    assert table.exit_code == 0
    assert table.output.splitlines()[0] == "2 ATM program(s) as of 2022-01-01"
    assert "$250,000,000" in table.output and "terminated" in table.output


def test_unknown_issuer_and_bad_date(filled_url):
    result = _run(["NOPE"], filled_url)
    assert result.exit_code == EXIT_FAILURES and result.output.count("\n") == 1
    assert "NOPE" in result.output
    assert _run(["PRTA", "--as-of", "2021-13-01"], filled_url).exit_code == 2

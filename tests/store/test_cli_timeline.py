"""`edgar-atm timeline` through click's CliRunner: the table, --json, and one-line messages
with a non-zero exit for an unknown issuer, a missing schema and an unreachable database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import store_samples as samples
from edgar_atm.cli import cli_group
from edgar_atm.cli.common import EXIT_FAILURES, EXIT_UNAVAILABLE
from edgar_atm.store import db
from edgar_atm.store import repository as repo


def _run(args, url):
    return CliRunner().invoke(cli_group, ["timeline", *args], env={"DATABASE_URL": url}, catch_exceptions=False)


@pytest.fixture
def filled_url(migrated_url):
    engine = db.make_engine(migrated_url)
    with db.session_factory(engine).begin() as session:
        for make in samples.ALL:
            repo.save_parsed_filing(session, make(), source_url=samples.ref_of(make()).url, raw_sha256=None,
                                    parser_version="test-parser-1")
        for cik, tickers in samples.TICKERS.items():
            repo.upsert_issuer(session, cik, tickers=tickers)
    engine.dispose()
    return migrated_url


def test_table(filled_url):
    result = _run(["CLRB"], filled_url)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Cellectar Biosciences, Inc. (CIK 1279704, CLRB)"
    assert lines[1] == "3 ATM event(s) in 1 program(s)"
    events = [l for l in lines if l[:4].isdigit() and "  " in l]
    assert [e.split()[1] for e in events] == ["program_established", "sales_reported", "suspended"]
    assert events[0].split()[0] == "2020-08-20" and events[2].split()[0] == "2022-10-20"
    # Each event's details are on continuation lines under it, before the next event.
    block = lines[lines.index(events[1]) + 1:lines.index(events[2])]
    assert any("4,169 sh / $69,000" in l for l in block)
    assert any("$14,500,000" in l for l in lines[lines.index(events[0]) + 1:lines.index(events[1])])
    header = next(i for i, l in enumerate(lines) if l.startswith("PROGRAM"))
    program = lines[header + 1].split()
    assert program[1:4] == ["suspended", "since", "2022-10-20"]
    assert any("remaining $14,431,000" in l for l in lines[header + 1:])
    assert max(len(l) for l in lines) <= 100
    # Same issuer by CIK, with or without leading zeros.
    assert _run(["0001279704"], filled_url).output == result.output


def test_cents_in_the_table(filled_url):
    result = _run(["EQIX"], filled_url)
    assert result.exit_code == 0
    assert "$499,999,716.65" in result.output and "$1,500,000,000" in result.output


def test_json(filled_url):
    result = _run(["clrb", "--json"], filled_url)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["cik"], data["company"], data["tickers"]) == (1279704, samples.CLRB_NAME, ["CLRB"])
    sales, suspended = data["events"][1], data["events"][2]
    assert sales["event_type"] == "sales_reported"
    assert (sales["shares_sold"], sales["gross_proceeds"], sales["as_of"]) == (4169, 69000, "2022-10-20")
    assert suspended["agents"] == ["Oppenheimer & Co. Inc."]
    assert suspended["agreement_date"] == "2020-08-11" and suspended["max_amount"] == 14500000
    assert suspended["accession_number"] == "0001279704-22-000090" and suspended["form_type"] == "424B3"
    (program,) = data["programs"]
    assert program["status"] == "suspended" and program["remaining_capacity"] == 14431000
    equinix = json.loads(_run(["EQIX", "--json"], filled_url).output)
    assert equinix["events"][1]["gross_proceeds"] == 499999716.65


def test_known_issuer_without_events(filled_url):
    engine = db.make_engine(filled_url)
    with db.session_factory(engine).begin() as session:
        repo.upsert_issuer(session, 70858, "BANK OF AMERICA CORP /DE/", tickers=["BAC"])
    engine.dispose()
    result = _run(["BAC"], filled_url)
    assert result.exit_code == 0
    assert "no ATM events stored" in result.output


@pytest.mark.parametrize("issuer, message", [("ZZZZ", "no issuer with ticker 'ZZZZ'"), ("42", "no issuer with CIK 42")])
def test_unknown_issuer(filled_url, issuer, message):
    result = _run([issuer], filled_url)
    assert result.exit_code == EXIT_FAILURES
    assert result.output.strip().startswith(f"edgar-atm: {message} is stored")
    assert len(result.output.strip().splitlines()) == 1


def test_database_without_schema(db_url):
    engine = db.make_engine(db_url)  # creates the SQLite file, but no schema
    with engine.connect():
        pass
    engine.dispose()
    result = _run(["CLRB"], db_url)
    assert result.exit_code == EXIT_UNAVAILABLE
    assert "run `edgar-atm db upgrade`" in result.output and len(result.output.splitlines()) == 1


def test_missing_sqlite_file_is_not_created(tmp_path):
    path = tmp_path / "nothing-here.sqlite"
    result = _run(["CLRB"], f"sqlite:///{path}")
    assert result.exit_code == EXIT_UNAVAILABLE
    assert "edgar-atm db upgrade" in result.output
    assert not path.exists()


def test_unreachable_database(tmp_path):
    result = _run(["CLRB"], "postgresql+psycopg://postgres@127.0.0.1:1/edgar")
    assert result.exit_code == EXIT_UNAVAILABLE
    assert result.output.startswith("edgar-atm: cannot reach the database at postgresql+psycopg://")
    assert "Traceback" not in result.output and len(result.output.splitlines()) == 1

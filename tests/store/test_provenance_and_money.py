"""Where rows came from (recorded_at, run_id, last_run_id, updated_at in the views) and money
that adds up exactly on both databases (integer cents beside the dollars)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import text

import store_samples as samples
from edgar_atm.records import Event, Filer, ParsedFiling
from edgar_atm.store import repository as repo


def save(session, parsed, run_id=None, version="test-parser-1"):
    repo.save_parsed_filing(session, parsed, source_url=None, raw_sha256=None, parser_version=version, run_id=run_id)
    session.commit()


def _utc(value):
    if isinstance(value, str):  # SQLite through a text() query
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def test_events_and_programs_record_the_run_that_wrote_them(session):
    run = repo.start_run(session, "nightly", {})
    session.commit()
    before = datetime.now(timezone.utc)
    save(session, samples.cellectar_established(), run_id=run)
    rows = session.execute(text("SELECT run_id, recorded_at FROM atm_timeline")).all()
    assert [r.run_id for r in rows] == [run]
    assert _utc(rows[0].recorded_at) >= before.replace(microsecond=0)
    (program,) = session.execute(text("SELECT last_run_id, updated_at FROM atm_programs")).all()
    assert program.last_run_id == run and program.updated_at is not None

    # A manual save (no run) of the next filing: its events carry no run; the program row
    # changed, so it was last written outside any run.
    save(session, samples.cellectar_suspension())
    rows = session.execute(text("SELECT accession_number, run_id FROM atm_timeline ORDER BY event_id")).all()
    assert [r.run_id for r in rows] == [run, None, None]
    assert session.execute(text("SELECT last_run_id FROM atm_programs")).scalar() is None

    # Saving the same result again in another run writes nothing: rows keep their writer.
    second = repo.start_run(session, "reparse", {})
    session.commit()
    stamp = session.execute(text("SELECT recorded_at FROM atm_timeline ORDER BY event_id")).scalars().all()
    save(session, samples.cellectar_established(), run_id=second)
    assert session.execute(text("SELECT run_id FROM atm_timeline ORDER BY event_id")).scalars().all() == [run, None, None]
    assert session.execute(text("SELECT recorded_at FROM atm_timeline ORDER BY event_id")).scalars().all() == stamp


def test_the_fold_keys_are_stored_and_shown(session):
    cik, name = samples.CLRB_CIK, samples.CLRB_NAME
    save(session, ParsedFiling(
        accession_number="0001279704-21-000041", form_type="424B5", cik=cik, company=name, filed_date=date(2021, 5, 14),
        filers=[Filer(cik=cik, name=name)], atm_related=True, events=[Event(
            type="program_amended", agreement_date=date(2020, 8, 11), amendment_date=date(2021, 5, 14),
            agents=["Oppenheimer & Co. Inc.", "Ladenburg Thalmann & Co. Inc."], agents_added=["Ladenburg Thalmann & Co. Inc."],
            max_amount_increase=Decimal("5000000.50"), scope="this", confidence=0.9,
            evidence={"max_amount_increase": {"text": "increased by $5,000,000.50", "start": 10, "end": 36}})]))
    row = session.execute(text("SELECT scope, max_amount_increase, agents_added, agents_removed, confidence, evidence "
                               "FROM atm_timeline")).one()
    assert (row.scope, Decimal(str(row.max_amount_increase)), row.agents_added, row.agents_removed) == \
        ("this", Decimal("5000000.50"), "Ladenburg Thalmann & Co. Inc.", None)
    assert Decimal(str(row.confidence)) == Decimal("0.9")
    assert '"start": 10' in row.evidence


def test_sums_of_cents_are_exact(session):
    # Ten sales reports of $0.10 (one per filing, constructed): floating point gives 0.9999999999999999.
    cik, name = 1000001, "Ten Dimes Inc."
    for n in range(10):
        save(session, ParsedFiling(
            accession_number=f"0001000001-22-{n:06d}", form_type="424B3", cik=cik, company=name,
            filed_date=date(2022, 1, 3 + n), filers=[Filer(cik=cik, name=name)], atm_related=True,
            events=[Event(type="sales_reported", agents=["Oppenheimer & Co. Inc."], gross_proceeds=Decimal("0.10"),
                          as_of=date(2022, 1, 3 + n), max_amount=Decimal("1000000.10"))]))
    total = session.execute(text("SELECT sum(gross_proceeds_cents) FROM atm_timeline WHERE cik = :c"),
                            {"c": cik}).scalar()
    assert total == 100
    dollars = session.execute(text("SELECT round(sum(gross_proceeds_cents) / 100.0, 2) FROM atm_timeline "
                                   "WHERE cik = :c"), {"c": cik}).scalar()
    assert Decimal(str(dollars)) == Decimal("1.00")
    # Each row's dollars read back to the cent, and the program's remaining capacity is exact.
    assert {Decimal(str(v)) for v in session.execute(text(
        "SELECT gross_proceeds FROM atm_timeline WHERE cik = :c"), {"c": cik}).scalars()} == {Decimal("0.10")}
    program = session.execute(text("SELECT current_cap, current_cap_cents, gross_proceeds, remaining_capacity, "
                                   "remaining_capacity_cents FROM atm_programs WHERE cik = :c"), {"c": cik}).one()
    assert program.current_cap_cents == 100000010 and program.remaining_capacity_cents == 100000000
    assert Decimal(str(program.remaining_capacity)) == Decimal("1000000.00")


def test_load_timeline_carries_the_fold_keys_and_provenance(session):
    run = repo.start_run(session, "backfill", {})
    session.commit()
    parsed = samples.cellectar_suspension()
    parsed.events[1].scope = "this"
    parsed.events[1].evidence = {"effective_date": {"text": "October 20, 2022", "start": 5, "end": 21}}
    parsed.events[1].confidence = 0.75
    save(session, parsed, run_id=run)
    rows = repo.load_timeline(session, str(samples.CLRB_CIK))
    suspended = rows[-1]
    assert (suspended.event_type, suspended.scope, suspended.run_id) == ("suspended", "this", run)
    data = suspended.to_json()
    assert data["evidence"]["effective_date"]["start"] == 5 and data["confidence"] == 0.75
    assert data["agents_added"] == [] and data["recorded_at"].startswith(str(date.today().year)[:2])

"""The repository through its real save path, on SQLite and PostgreSQL: idempotent saves,
one transaction per filing, exact amounts, unicode and long names, the filing life cycle."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import MetaData, Table, func, select, text

import store_samples as samples
from edgar_atm.errors import StoreError
from edgar_atm.records import Event, Filer, ParsedFiling
from edgar_atm.store import repository as repo
from edgar_atm.store.models import EventRow, Filing, Issuer, Program

PARSER = "test-parser-1"


def save(session, parsed, *, version=PARSER):
    repo.save_parsed_filing(session, parsed, source_url=samples.ref_of(parsed).url,
                            raw_sha256="ab" * 32, parser_version=version)


def save_all(session, makers=samples.ALL):
    for make in makers:
        save(session, make())
    for cik, tickers in samples.TICKERS.items():
        repo.upsert_issuer(session, cik, tickers=tickers)
    session.commit()


def snapshot(session) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    meta = MetaData()
    meta.reflect(bind=session.get_bind())
    out = {}
    for name, table in sorted(meta.tables.items()):
        if name == "alembic_version":
            continue
        cols = list(table.c)
        out[name] = sorted(session.execute(select(*cols)).all(), key=repr)
    return out


def test_cellectar_saved_and_read_back(session):
    save_all(session, [samples.cellectar_established, samples.cellectar_suspension])
    repo.upsert_issuer(session, samples.CLRB_CIK, tickers=["CLRB"])
    session.commit()

    by_cik = repo.load_timeline(session, "1279704")
    by_ticker = repo.load_timeline(session, "clrb")
    assert by_cik == by_ticker
    assert [(r.event_date, r.event_type) for r in by_cik] == [
        (date(2020, 8, 20), "program_established"),
        (date(2022, 10, 20), "sales_reported"),
        (date(2022, 10, 20), "suspended"),
    ]
    sales, suspended = by_cik[1], by_cik[2]
    assert sales.shares_sold == 4169 and sales.gross_proceeds == Decimal("69000.00")
    assert suspended.agents == ("Oppenheimer & Co. Inc.",)
    assert suspended.agreement_date == date(2020, 8, 11)
    assert suspended.max_amount == Decimal("14500000.00")
    assert suspended.effective_date == date(2022, 10, 20)
    assert suspended.excerpt.startswith("The purpose of this Supplement is to suspend the ATM")
    assert suspended.company == samples.CLRB_NAME and suspended.form_type == "424B3"
    assert len({r.program_id for r in by_cik}) == 1

    program = session.execute(select(Program)).scalar_one()
    assert (program.status, program.current_cap, program.shares_sold, program.gross_proceeds) == (
        "suspended", Decimal("14500000.00"), 4169, Decimal("69000.00"))
    assert program.remaining_capacity == Decimal("14431000.00")

    filing = session.execute(select(Filing).where(Filing.accession_number == "0001279704-22-000090")).scalar_one()
    assert (filing.parse_status, filing.fetch_status, filing.event_count, filing.atm_related) == (
        "parsed", "fetched", 2, True)
    assert filing.parser_version == PARSER and filing.raw_sha256 == "ab" * 32
    assert filing.source_url == "https://www.sec.gov/Archives/edgar/data/1279704/0001279704-22-000090.txt"


def test_resaving_changes_nothing(session):
    save_all(session)
    before = snapshot(session)
    assert len(before["events"]) == 11 and len(before["filings"]) == 7
    save_all(session)
    assert snapshot(session) == before
    # Also in reverse order: the programs do not depend on the order of saves.
    for make in reversed(samples.ALL):
        save(session, make())
    session.commit()
    assert snapshot(session) == before


def test_a_batch_save_equals_saving_one_by_one(session, tmp_path):
    ids = repo.save_parsed_filings(session, [(make(), samples.ref_of(make()).url, "ab" * 32) for make in samples.ALL],
                                   parser_version=PARSER)
    for cik, tickers in samples.TICKERS.items():
        repo.upsert_issuer(session, cik, tickers=tickers)
    session.commit()
    assert len(set(ids)) == len(samples.ALL)
    batch = snapshot(session)
    save_all(session)  # the same filings again, one by one: nothing changes
    assert snapshot(session) == batch
    assert [r.event_type for r in repo.load_timeline(session, "CLRB")] == [
        "program_established", "sales_reported", "suspended"]


def test_a_bad_filing_fails_its_whole_batch(session):
    bad = samples.cellectar_suspension()
    bad.events[0].shares_sold = 4169.5
    with pytest.raises(StoreError, match="shares_sold") as info:
        repo.save_parsed_filings(session, [(samples.cellectar_established(), None, None), (bad, None, None)],
                                 parser_version=PARSER)
    assert info.value.accession_number == bad.accession_number
    session.commit()
    assert session.execute(select(func.count()).select_from(Filing)).scalar() == 0


def test_a_filing_moved_to_another_primary_filer_moves_its_events(session):
    save_all(session, [samples.cellectar_established, samples.cellectar_suspension])
    moved = samples.cellectar_suspension()
    moved.cik, moved.company = 1900002, "Cellectar Successor Corp."  # constructed: a corrected header
    moved.filers = [Filer(cik=1900002, name="Cellectar Successor Corp.")]
    save(session, moved)
    session.commit()
    assert [r.event_type for r in repo.load_timeline(session, "1279704")] == ["program_established"]
    assert [r.event_type for r in repo.load_timeline(session, "1900002")] == ["sales_reported", "suspended"]
    programs = dict(session.execute(select(Program.cik, Program.status)).all())
    assert programs == {1279704: "active", 1900002: "suspended"}


def test_reparse_replaces_the_filings_events(session):
    save_all(session, [samples.cellectar_established, samples.cellectar_suspension])
    reparsed = samples.cellectar_suspension()
    reparsed.events = reparsed.events[1:]  # a new parser no longer reports the sales
    save(session, reparsed, version="test-parser-2")
    session.commit()
    rows = repo.load_timeline(session, str(samples.CLRB_CIK))
    assert [r.event_type for r in rows] == ["program_established", "suspended"]
    assert session.execute(select(func.count()).select_from(EventRow)).scalar() == 2
    program = session.execute(select(Program)).scalar_one()
    # No sales reported any more: remaining capacity is unknown (fold rule 12).
    assert program.shares_sold is None and program.remaining_capacity is None
    assert program.status == "suspended" and program.event_count == 2
    filing = session.execute(select(Filing).where(Filing.accession_number == reparsed.accession_number)).scalar_one()
    assert filing.parser_version == "test-parser-2" and filing.event_count == 1


def test_the_same_event_twice_in_one_filing_is_stored_once(session):
    parsed = samples.cellectar_suspension()
    parsed.events.append(dataclasses.replace(parsed.events[0]))
    save(session, parsed)
    session.commit()
    assert session.execute(select(func.count()).select_from(EventRow)).scalar() == 2


def test_a_failed_save_leaves_nothing_and_the_transaction_usable(session):
    save(session, samples.cellectar_established())
    bad = samples.cellectar_suspension()
    bad.events[0].gross_proceeds = Decimal("1e19")  # beyond Numeric(20, 2)
    with pytest.raises(StoreError, match="gross_proceeds") as info:
        save(session, bad)
    assert info.value.accession_number == bad.accession_number
    save(session, samples.watsco_established())
    session.commit()
    accessions = set(session.execute(select(Filing.accession_number)).scalars())
    assert accessions == {"0001279704-20-000032", "0001193125-21-320145"}
    assert session.execute(select(func.count()).select_from(EventRow)).scalar() == 2


def test_a_failed_reparse_keeps_the_earlier_events(session):
    save_all(session, [samples.cellectar_suspension])
    bad = samples.cellectar_suspension()
    bad.events[1].type = "paused"
    with pytest.raises(StoreError, match="unknown event type"):
        save(session, bad)
    repo.mark_parse_failed(session, bad.accession_number, "ParseError: odd", parser_version="test-parser-2")
    session.commit()
    assert len(repo.load_timeline(session, "CIK0001279704")) == 2
    filing = session.execute(select(Filing)).scalar_one()
    assert (filing.parse_status, filing.error) == ("failed", "ParseError: odd")


def test_amounts_beyond_2_31_and_with_cents_are_exact(session):
    save_all(session, [samples.strategy_strk_established, samples.equinix_established])
    strk = repo.load_timeline(session, "MSTR")[0]
    assert strk.max_amount == Decimal("21000000000")
    sales = [r for r in repo.load_timeline(session, "EQIX") if r.event_type == "sales_reported"][0]
    assert sales.gross_proceeds == Decimal("499999716.65")
    # The same through plain SQL on the view, as an analyst would read it.
    raw = session.execute(text(
        "SELECT max_amount FROM atm_timeline WHERE cik = 1050446")).scalar_one()
    assert Decimal(str(raw)) == Decimal("21000000000")
    raw = session.execute(text(
        "SELECT gross_proceeds FROM atm_timeline WHERE cik = 1101239 AND event_type = 'sales_reported'")).scalar_one()
    assert Decimal(str(raw)) == Decimal("499999716.65")
    big = session.execute(text(
        "SELECT count(*) FROM atm_timeline WHERE max_amount > 2147483647")).scalar_one()
    assert big == 1  # STRK; Equinix's $1.5 billion is below 2^31


def test_unicode_and_very_long_names(session):
    company = ("Compañía Farmacéutica Ñandú Société Anonyme — Ærø Holdings " * 6)[:300]
    agents = ["Crédit Agricole Securities (USA) Inc.", "Société Générale", "Natixis Securities Americas LLC"]
    parsed = ParsedFiling(
        accession_number="0001213900-24-004875", form_type="424B5", cik=1900001, company=company,
        filed_date=date(2024, 1, 19), filers=[Filer(cik=1900001, name=company)], atm_related=True,
        events=[Event(type="program_established", agreement_type="At Market Issuance Sales Agreement",
                      agreement_date=date(2024, 1, 19), agents=agents, security="ordinary shares",
                      max_amount=Decimal("75000000"), excerpt="« at the market » offering – 75 000 000 $ \x00")],
    )
    save(session, parsed)
    repo.upsert_issuer(session, 1900001, tickers=["ÑAND"])
    session.commit()
    row = repo.load_timeline(session, "ñand")[0]
    assert len(company) == 300 and row.company == company
    assert row.agents == tuple(agents)
    assert row.excerpt == "« at the market » offering – 75 000 000 $ "  # NUL dropped (PostgreSQL refuses it)
    agent_rows = session.execute(text(
        "SELECT agent FROM atm_program_agents ORDER BY position")).scalars().all()
    assert agent_rows == agents


def test_co_registrants_become_issuers_and_filers(session):
    parsed = samples.watsco_established()
    parsed.filers.append(Filer(cik=1953366, name="Watsco Operating Partnership, L.P.", file_number="333-259374-01"))
    save(session, parsed)
    session.commit()
    names = dict(session.execute(select(Issuer.cik, Issuer.name)).all())
    assert names == {samples.WSO_CIK: samples.WSO_NAME, 1953366: "Watsco Operating Partnership, L.P."}
    filers = session.execute(text("SELECT cik, file_number FROM filing_filers ORDER BY cik")).all()
    assert [tuple(r) for r in filers] == [(samples.WSO_CIK, None), (1953366, "333-259374-01")]
    # Events belong to the primary filer's timeline.
    assert len(repo.load_timeline(session, str(samples.WSO_CIK))) == 1
    assert repo.load_timeline(session, "1953366") == []


def test_unknown_issuer(session):
    save_all(session, [samples.cellectar_established])
    with pytest.raises(repo.UnknownIssuer, match="ticker 'ZZZZ'"):
        repo.load_timeline(session, "zzzz")
    with pytest.raises(repo.UnknownIssuer, match="CIK 42"):
        repo.load_timeline(session, "0000000042")


def test_filing_life_cycle(session):
    refs = [samples.ref_of(make()) for make in samples.ALL]
    assert repo.record_discovered(session, refs + refs[:2]) == len(refs)
    assert repo.record_discovered(session, refs) == 0
    session.commit()
    todo = list(repo.filings_to_fetch(session, max_attempts=3))
    assert sorted(todo, key=lambda r: r.accession_number) == sorted(refs, key=lambda r: r.accession_number)
    assert [r.accession_number for r in repo.filings_to_fetch(session, max_attempts=3, ciks=[samples.CLRB_CIK])] == [
        "0001279704-20-000032", "0001279704-22-000090"]
    assert [r.accession_number for r in repo.filings_to_fetch(
        session, max_attempts=3, forms=["424B3"], since=date(2022, 1, 1), until=date(2022, 12, 31))] == [
        "0001279704-22-000090"]

    first, second, third = refs[0].accession_number, refs[1].accession_number, refs[2].accession_number
    repo.mark_fetched(session, first, sha256="cd" * 32, size=2078)
    repo.mark_fetch_failed(session, second, "ServerError: 503", permanent=False)
    repo.mark_fetch_failed(session, third, "NotFound: AccessDenied", permanent=True)
    session.commit()
    status = dict(session.execute(select(Filing.accession_number, Filing.fetch_status)).all())
    assert (status[first], status[second], status[third]) == ("fetched", "failed", "not_found")
    still = {r.accession_number for r in repo.filings_to_fetch(session, max_attempts=3)}
    assert first not in still and third not in still and second in still
    repo.mark_fetch_failed(session, second, "ServerError: 503", permanent=False)
    repo.mark_fetch_failed(session, second, "ServerError: 503", permanent=False)
    assert second not in {r.accession_number for r in repo.filings_to_fetch(session, max_attempts=3)}
    # A later failed refetch never loses a stored document's status.
    repo.mark_fetch_failed(session, first, "ServerError: 502", permanent=False)
    assert session.execute(select(Filing.fetch_status).where(Filing.accession_number == first)).scalar() == "fetched"

    # Progress is never reset by discovering the filing again.
    repo.record_discovered(session, refs)
    session.commit()
    row = session.execute(select(Filing).where(Filing.accession_number == first)).scalar_one()
    assert (row.fetch_status, row.attempts, row.raw_size) == ("fetched", 2, 2078)

    assert [r.accession_number for r in repo.filings_to_reparse(session)] == [first]
    save(session, samples.ALL[0]())
    session.commit()
    assert list(repo.filings_to_reparse(session, parser_version=PARSER)) == [
        r for r in repo.filings_to_reparse(session) if r.accession_number != samples.ALL[0]().accession_number]

    with pytest.raises(repo.NoSuchFiling):
        repo.mark_fetched(session, "0000000000-00-000000", sha256="00" * 32, size=1)


def test_checkpoints_and_runs(session):
    assert repo.get_checkpoint(session, "nightly") is None
    repo.set_checkpoint(session, "nightly", "2022-10-19")
    repo.set_checkpoint(session, "nightly", "2022-10-20")
    session.commit()
    assert repo.get_checkpoint(session, "nightly") == "2022-10-20"

    run_id = repo.start_run(session, "backfill", {"start": "2020-01-01", "forms": ["424B5"]})
    session.commit()
    repo.finish_run(session, run_id, status="ok", counts={"fetched": 7, "events": 12})
    session.commit()
    runs = Table("ingestion_runs", MetaData(), autoload_with=session.get_bind())
    row = session.execute(select(runs)).mappings().one()
    assert row["kind"] == "backfill" and row["status"] == "ok"
    assert row["counts"] == {"fetched": 7, "events": 12}
    assert row["params"]["forms"] == ["424B5"]
    assert row["finished_at"] >= row["started_at"]


def test_timestamps_are_utc(session):
    save(session, samples.cellectar_established())
    session.commit()
    filing = session.execute(select(Filing)).scalar_one()
    assert filing.created_at.tzinfo is not None
    assert abs((datetime.now(timezone.utc) - filing.created_at).total_seconds()) < 3600


def test_refuses_a_filing_it_cannot_key(session):
    with pytest.raises(StoreError, match="accession number"):
        save(session, ParsedFiling(cik=1, form_type="424B5"))
    with pytest.raises(StoreError, match="CIK"):
        save(session, ParsedFiling(accession_number="0001279704-22-000090", form_type="424B5"))

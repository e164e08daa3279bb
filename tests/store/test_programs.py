"""Programs across filings and the derived program state (atm_programs), through the
real save path on both databases, plus the identity rules of edgar_atm.programs.identity (the fold
itself is tested rule by rule in test_fold.py).

Filings beyond the real samples (store_samples) are constructed with the wording patterns of
docs/atm-domain.md sections 3.3 (amendments), 3.7-3.9 (suspension, termination, resumption)
and the real parties of S62 (Cantor -> H.C. Wainwright) and S63 (Cowen -> TD Securities).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

import store_samples as samples
from edgar_atm.records import Event, Filer, ParsedFiling
from edgar_atm.programs import FoldEvent, fold, identity
from edgar_atm.store import repository as repo


def save(session, parsed):
    repo.save_parsed_filing(session, parsed, source_url=None, raw_sha256=None, parser_version="test-parser-1")
    session.commit()


def filing(cik, company, accession, form, filed, *events) -> ParsedFiling:
    return ParsedFiling(accession_number=accession, form_type=form, cik=cik, company=company, filed_date=filed,
                        filers=[Filer(cik=cik, name=company)], atm_related=True, events=list(events))


def programs(session, cik):
    rows = session.execute(text(
        "SELECT program_id, status, agreement_date, agents, current_cap, shares_sold, gross_proceeds, "
        "remaining_capacity, event_count, first_accession_number, last_accession_number "
        "FROM atm_programs WHERE cik = :cik ORDER BY program_id"), {"cik": cik}).mappings().all()
    return [dict(r) for r in rows]


def as_date(value):
    return value if isinstance(value, date) or value is None else date.fromisoformat(value)


CLRB = samples.CLRB_CIK, samples.CLRB_NAME
LADENBURG = "Ladenburg Thalmann & Co. Inc."


def clrb_amendment() -> ParsedFiling:
    # Constructed: "Amendment No. 1, dated May 14, 2021, to the Equity Distribution Agreement,
    # dated August 11, 2020", adding an agent (the original date identifies the program).
    return filing(*CLRB, "0001279704-21-000041", "424B5", date(2021, 5, 14), Event(
        type="program_amended", agreement_type="Equity Distribution Agreement", agreement_date=date(2020, 8, 11),
        amendment_date=date(2021, 5, 14), agents=["Oppenheimer & Co. Inc.", LADENBURG], security="common stock",
        max_amount=Decimal("14500000"),
        excerpt="Amendment No. 1, dated May 14, 2021, to the Equity Distribution Agreement, dated August 11, 2020, "
                "to include Ladenburg Thalmann & Co. Inc. as an additional agent"))


def clrb_termination(**identity) -> ParsedFiling:
    # Constructed, S62 wording: notice to terminate the agreement, effective on a later date.
    return filing(*CLRB, "0001279704-23-000017", "424B3", date(2023, 3, 2), Event(
        type="terminated", effective_date=date(2023, 3, 13), excerpt="we delivered written notice to terminate "
        "the Equity Distribution Agreement effective as of March 13, 2023", **identity))


def test_life_of_a_program_across_filings(session):
    cik = samples.CLRB_CIK
    save(session, samples.cellectar_established())
    (p,) = programs(session, cik)
    assert p["status"] == "active" and p["current_cap"] == Decimal("14500000")
    assert p["remaining_capacity"] is None  # no sales reported yet: nothing stated, nothing to subtract

    save(session, clrb_amendment())
    (p,) = programs(session, cik)
    assert p["status"] == "active" and p["event_count"] == 2
    assert p["agents"] == f"Oppenheimer & Co. Inc.; {LADENBURG}"
    assert as_date(p["agreement_date"]) == date(2020, 8, 11)

    save(session, samples.cellectar_suspension())  # names Oppenheimer only: still the same program
    (p,) = programs(session, cik)
    assert (p["status"], p["shares_sold"], p["gross_proceeds"]) == ("suspended", 4169, Decimal("69000"))
    assert p["remaining_capacity"] == Decimal("14431000")
    assert p["first_accession_number"] == "0001279704-20-000032"
    assert p["last_accession_number"] == "0001279704-22-000090"

    save(session, clrb_termination(agreement_type="Equity Distribution Agreement", agreement_date=date(2020, 8, 11)))
    (p,) = programs(session, cik)
    assert p["status"] == "terminated" and p["event_count"] == 5
    agents = session.execute(text(
        "SELECT agent FROM atm_program_agents WHERE cik = :cik ORDER BY position"), {"cik": cik}).scalars().all()
    assert agents == ["Oppenheimer & Co. Inc.", LADENBURG]
    timeline = repo.load_timeline(session, str(cik))
    assert len({r.program_id for r in timeline}) == 1 and timeline[-1].event_type == "terminated"
    assert timeline[-1].event_date == date(2023, 3, 13)


def test_resumed_after_suspended_is_active_again(session):
    save(session, samples.cellectar_established())
    save(session, samples.cellectar_suspension())
    assert programs(session, samples.CLRB_CIK)[0]["status"] == "suspended"
    # S56 pattern: "reinstated ... by filing an updated prospectus".
    save(session, filing(*CLRB, "0001279704-23-000102", "424B5", date(2023, 11, 13), Event(
        type="resumed", agreement_type="Equity Distribution Agreement", agreement_date=date(2020, 8, 11),
        agents=["Oppenheimer & Co. Inc."], effective_date=date(2023, 11, 13), excerpt="reinstated the "
        "\"at-the-market\" offering program by filing an updated prospectus")))
    (p,) = programs(session, samples.CLRB_CIK)
    assert p["status"] == "active"


@pytest.mark.parametrize("identity", [
    {"agreement_date": date(2020, 8, 11)},             # names only the agreement date
    {"agents": ["Oppenheimer & Co. Inc."]},          # names only the agent
    {"agents": ["Oppenheimer"]},                     # ... by its short name
    {},                                               # names nothing: the issuer's open program
], ids=["date-only", "agents-only", "short-agent-name", "nothing"])
def test_a_terse_termination_finds_its_program(session, identity):
    save(session, samples.cellectar_established())
    save(session, samples.cellectar_suspension())
    save(session, clrb_termination(**identity))
    (p,) = programs(session, samples.CLRB_CIK)
    assert p["status"] == "terminated" and p["event_count"] == 4


CANTOR_ISSUER = 1133818, "Ampio Pharmaceuticals, Inc."  # S62 (issuer name constructed)


def test_terse_events_pick_the_right_one_of_two_programs(session):
    cantor = dict(agreement_type="Controlled Equity Offering Sales Agreement", agreement_date=date(2018, 5, 11),
                  agents=["Cantor Fitzgerald & Co."], security="common stock")
    wainwright = dict(agreement_type="At The Market Offering Agreement", agreement_date=date(2020, 7, 2),
                      agents=["H.C. Wainwright & Co., LLC"], security="common stock")
    save(session, filing(*CANTOR_ISSUER, "0001133818-18-000031", "424B5", date(2018, 5, 11), Event(
        type="program_established", **cantor, max_amount=Decimal("20000000"))))
    save(session, filing(*CANTOR_ISSUER, "0001133818-20-000052", "424B5", date(2020, 7, 2), Event(
        type="program_established", **wainwright, max_amount=Decimal("7000000"))))
    # S62: the Cantor agreement is terminated, naming the agent but not the agreement date.
    save(session, filing(*CANTOR_ISSUER, "0001133818-20-000055", "424B3", date(2020, 7, 6), Event(
        type="terminated", agents=["Cantor Fitzgerald & Co."], effective_date=date(2020, 7, 12))))
    old, new = programs(session, CANTOR_ISSUER[0])
    assert (old["status"], new["status"]) == ("terminated", "active")
    assert old["current_cap"] == Decimal("20000000") and new["current_cap"] == Decimal("7000000")
    # A suspension naming only the new agreement's date, then one naming nothing at all.
    save(session, filing(*CANTOR_ISSUER, "0001133818-21-000009", "424B3", date(2021, 3, 10), Event(
        type="suspended", agreement_date=date(2020, 7, 2), effective_date=date(2021, 3, 10))))
    assert [p["status"] for p in programs(session, CANTOR_ISSUER[0])] == ["terminated", "suspended"]
    save(session, filing(*CANTOR_ISSUER, "0001133818-21-000044", "424B5", date(2021, 8, 2), Event(
        type="resumed", effective_date=date(2021, 8, 2))))
    assert [p["status"] for p in programs(session, CANTOR_ISSUER[0])] == ["terminated", "active"]


def test_an_agent_rename_is_not_a_new_program(session):
    issuer = 1815442, "Cullinan Therapeutics, Inc."  # S63 (issuer name constructed)
    save(session, filing(*issuer, "0001815442-21-000070", "424B5", date(2021, 8, 10), Event(
        type="program_established", agreement_type="Sales Agreement", agreement_date=date(2021, 8, 10),
        agents=["Cowen and Company, LLC"], security="common stock", max_amount=Decimal("150000000"))))
    save(session, filing(*issuer, "0001815442-24-000119", "424B3", date(2024, 11, 7), Event(
        type="terminated", agents=["TD Securities (USA) LLC"], effective_date=date(2024, 11, 7),
        excerpt="TD Securities (USA) LLC (f/k/a Cowen and Company, LLC) acknowledged and accepted our prior "
                "written notice to terminate the Cowen Sales Agreement, effective immediately.")))
    (p,) = programs(session, issuer[0])
    assert p["status"] == "terminated" and p["event_count"] == 2


def test_common_and_preferred_programs_of_one_issuer_stay_apart(session):
    save(session, samples.strategy_strk_established())
    save(session, filing(samples.MSTR_CIK, samples.MSTR_NAME, "0001193125-25-049590", "424B5", date(2025, 5, 1),
                         Event(type="program_established", agreement_type="Sales Agreement",
                               agreement_date=date(2025, 3, 10), agents=["TD Securities (USA) LLC"],
                               security="class A common stock", max_amount=Decimal("21000000000"))))
    assert len(programs(session, samples.MSTR_CIK)) == 2


def test_saving_out_of_order_gives_the_same_programs(session):
    for make in (samples.cellectar_suspension, clrb_amendment, samples.cellectar_established):
        save(session, make())
    (p,) = programs(session, samples.CLRB_CIK)
    assert (p["status"], p["event_count"], p["remaining_capacity"]) == ("suspended", 4, Decimal("14431000"))
    assert p["first_accession_number"] == "0001279704-20-000032"


# ------------------------------------------------------------------ pure rules


@pytest.mark.parametrize("a, b", [
    ("Cowen and Company, LLC", "TD Securities (USA) LLC"),
    ("Oppenheimer & Co. Inc.", "Oppenheimer"),
    ("SVB Securities LLC", "Leerink Partners LLC"),
    ("B. Riley FBR, Inc.", "B. Riley Securities, Inc."),
    ("Jeffries LLC", "Jefferies LLC"),
    ("The Benchmark Company, LLC", "Benchmark Company"),
])
def test_agent_keys_fold_renames_and_suffixes(a, b):
    assert identity.agent_key(a) == identity.agent_key(b)


def test_agent_keys_keep_different_firms_apart():
    keys = {identity.agent_key(n) for n in ("BofA Securities, Inc.", "Barclays Capital Inc.", "BTIG, LLC",
                                          "B. Riley Securities, Inc.", "Robert W. Baird & Co. Incorporated")}
    assert len(keys) == 5


@pytest.mark.parametrize("text, expected", [
    ("common stock", "common"), ("shares of our Common stock", "common"), ("ordinary shares", "common"),
    ("8.00% Series A Perpetual Strike Preferred Stock", "preferred series a"),
    ("Class A common stock", "class a"), ("American Depositary Shares", "ads"), (None, None),
])
def test_security_classes(text, expected):
    assert identity.security_class(text) == expected


def _ev(n, event_type, filed, **kw):
    return FoldEvent(event_id=n, filing_id=n, accession_number=f"0000000000-00-{n:06d}",
                     filed_date=filed, seq=0, event_type=event_type, event_date=filed, **kw)


def derive_state(events):
    (program,) = fold(events)
    return program


def test_remaining_capacity_prefers_a_current_stated_figure():
    # S4: $45,753,869 "available for sale" stated with the sales of $4,246,131.
    state = derive_state([
        _ev(1, "program_established", date(2022, 7, 1), max_amount=Decimal("50000000")),
        _ev(2, "sales_reported", date(2023, 4, 27), gross_proceeds=Decimal("4246131"),
            remaining_amount=Decimal("45753869")),
    ])
    assert state.remaining_capacity == Decimal("45753869")
    # A stated figure that later sales made stale is recomputed from the cap.
    state = derive_state([
        _ev(1, "sales_reported", date(2022, 2, 25), max_amount=Decimal("300000000"), gross_proceeds=Decimal("0"),
            remaining_amount=Decimal("300000000")),
        _ev(2, "sales_reported", date(2023, 2, 24), gross_proceeds=Decimal("140311872")),
    ])
    assert state.remaining_capacity == Decimal("159688128")
    # A cap raised after the stated figure (S8: to $1,000,000,000) also makes it stale.
    state = derive_state([
        _ev(1, "sales_reported", date(2024, 1, 2), max_amount=Decimal("697926994"),
            gross_proceeds=Decimal("302073006"), remaining_amount=Decimal("395853988")),
        _ev(2, "program_amended", date(2024, 2, 29), max_amount=Decimal("1000000000")),
    ])
    assert state.remaining_capacity == Decimal("697926994")


def test_status_ignores_amendments_and_sales():
    state = derive_state([
        _ev(1, "program_established", date(2020, 8, 20)),
        _ev(2, "suspended", date(2022, 10, 20)),
        _ev(3, "sales_reported", date(2022, 11, 1), shares_sold=4169),
        _ev(4, "program_amended", date(2022, 12, 1)),
    ])
    assert (state.status, state.status_date) == ("suspended", date(2022, 10, 20))


def test_relink_issuer_rebuilds_programs_from_the_events(session):
    for make in (samples.cellectar_established, clrb_amendment, samples.cellectar_suspension):
        save(session, make())
    before = programs(session, samples.CLRB_CIK)
    # Derived rows damaged by hand (an analyst's UPDATE, a bug fixed later): relinking restores them.
    session.execute(text("UPDATE events SET program_id = NULL"))
    session.execute(text("DELETE FROM program_agents"))
    session.execute(text("UPDATE programs SET status = 'terminated', remaining_capacity = 0"))
    repo.relink_issuer(session, samples.CLRB_CIK)
    session.commit()
    assert programs(session, samples.CLRB_CIK) == before
    assert session.execute(text("SELECT count(*) FROM events WHERE program_id IS NULL")).scalar() == 0
    assert session.execute(text("SELECT count(*) FROM program_agents")).scalar() == 2

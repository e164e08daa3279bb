"""The program fold (edgar_atm.programs.fold), rule by rule, on small hand-built event
sequences. Issuers, agents and amounts follow real cases (Prothena's replaced EDA of 2021,
Cellectar's suspension, Plug Power's cap increase); accession numbers are constructed."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.programs import FoldEvent, fold
from edgar_atm.programs.identity import agent_key, security_class

D = Decimal
PIPER, STIFEL, CANTOR, RBC = ("Piper Sandler & Co.", "Stifel, Nicolaus & Company, Incorporated",
                              "Cantor Fitzgerald & Co.", "RBC Capital Markets, LLC")
RJ, JMP = "Raymond James & Associates, Inc.", "Citizens JMP Securities, LLC"
OPP, LADENBURG = "Oppenheimer & Co. Inc.", "Ladenburg Thalmann & Co. Inc."
EDA = "Equity Distribution Agreement"


def ev(acc: str, filed: date, event_type: str, seq: int = 0, **kw) -> FoldEvent:
    kw.setdefault("event_date", kw.get("effective_date") or kw.get("as_of") or kw.get("amendment_date") or filed)
    if "agents" in kw:
        kw["agents"] = tuple(kw["agents"])
    for k in ("agents_added", "agents_removed"):
        if k in kw:
            kw[k] = tuple(kw[k])
    return FoldEvent(accession_number=acc, filed_date=filed, seq=seq, event_type=event_type, **kw)


def prothena() -> list[FoldEvent]:
    old = [PIPER, STIFEL, CANTOR, RBC, RJ]
    return [
        ev("p-1", date(2021, 5, 28), "program_established", agreement_type=EDA, agents=old,
           security="ordinary shares", max_amount=D(100_000_000)),
        ev("p-2", date(2021, 12, 22), "program_established", agreement_type=EDA,
           agents=[PIPER, STIFEL, CANTOR, RBC, JMP], security="ordinary shares", max_amount=D(250_000_000)),
        ev("p-2", date(2021, 12, 22), "terminated", seq=1, agreement_type=EDA, agreement_date=date(2021, 5, 28),
           agents=old, security="ordinary shares"),
    ]


def test_a_replacing_agreement_is_a_new_program_and_ends_the_old_one():
    old, new = fold(prothena())
    assert (old.status, old.status_date, old.current_cap) == ("terminated", date(2021, 12, 22), D(100_000_000))
    assert old.agreement_date == date(2021, 5, 28)  # learnt from the termination
    assert (new.status, new.current_cap, new.agreement_date) == ("active", D(250_000_000), None)
    assert new.agents[-1] == JMP and RJ in old.agents


@pytest.mark.parametrize("seed", range(5))
def test_the_order_of_the_input_does_not_matter(seed):
    events = prothena()
    random.Random(seed).shuffle(events)
    assert [(p.key, p.status, p.current_cap) for p in fold(events)] == \
        [(p.key, p.status, p.current_cap) for p in fold(prothena())]


def test_an_explicit_prior_scope_termination_never_lands_on_the_new_program():
    events = prothena()
    events[2] = ev("p-2", date(2021, 12, 22), "terminated", seq=1, agreement_type=EDA, scope="prior",
                   agents=[PIPER, STIFEL, CANTOR, RBC])  # no date, agents shared with both
    old, new = fold(events)
    assert (old.status, new.status) == ("terminated", "active")


def test_undated_programs_with_overlapping_agents_do_not_merge():
    a = ev("x-1", date(2021, 5, 28), "program_established", agents=[PIPER, STIFEL, RJ], max_amount=D(100))
    b = ev("x-2", date(2022, 5, 2), "program_established", agents=[PIPER, STIFEL, JMP], max_amount=D(200))
    assert len(fold([a, b])) == 2


def test_reregistrations_of_one_agreement_are_one_program():
    first = ev("r-1", date(2020, 8, 20), "program_established", agreement_type=EDA,
               agreement_date=date(2020, 8, 11), agents=[OPP], security="common stock", max_amount=D(14_500_000))
    dated = ev("r-2", date(2021, 9, 1), "program_established", agreement_type=EDA,
               agreement_date=date(2020, 8, 11), agents=[OPP], max_amount=D(14_500_000), offered_amount=D(5_000_000))
    undated_same_agents = ev("r-3", date(2022, 9, 1), "program_established", agreement_type=EDA,
                             agents=["Oppenheimer"], security="common stock", max_amount=D(14_500_000))
    (p,) = fold([first, dated, undated_same_agents])
    assert len(p.events) == 3 and p.offered_amount == D(5_000_000)


def test_an_agent_rename_is_the_same_program():
    assert agent_key("Cowen and Company, LLC") == agent_key("TD Securities (USA) LLC")
    est = ev("c-1", date(2021, 8, 10), "program_established", agreement_type="Sales Agreement",
             agents=["Cowen and Company, LLC"], max_amount=D(150_000_000))
    rereg = ev("c-2", date(2023, 8, 10), "program_established", agreement_type="Sales Agreement",
               agents=["TD Securities (USA) LLC"], max_amount=D(150_000_000))
    (p,) = fold([est, rereg])
    assert p.agents == ["TD Securities (USA) LLC"]


def test_amendment_caps_new_total_and_increment():
    est = ev("g-1", date(2021, 1, 5), "program_established", agreement_date=date(2021, 1, 4), agents=[OPP],
             max_amount=D(50_000_000))
    inc = ev("g-2", date(2022, 1, 5), "program_amended", agreement_date=date(2021, 1, 4),
             amendment_date=date(2022, 1, 5), max_amount_increase=D(25_000_000))
    (p,) = fold([est, inc])
    assert p.current_cap == D(75_000_000)
    total = ev("g-3", date(2023, 1, 5), "program_amended", agreement_date=date(2021, 1, 4),
               amendment_date=date(2023, 1, 5), max_amount=D(1_000_000_000))
    (p,) = fold([total, est, inc])
    assert p.current_cap == D(1_000_000_000)


def test_amendment_agent_changes_apply():
    est = ev("a-1", date(2021, 1, 5), "program_established", agreement_date=date(2021, 1, 4),
             agents=[OPP, LADENBURG], max_amount=D(10))
    removed = ev("a-2", date(2022, 1, 5), "program_amended", agreement_date=date(2021, 1, 4),
                 agents=[OPP, LADENBURG], agents_removed=[LADENBURG], agents_added=[CANTOR])
    (p,) = fold([est, removed])
    assert p.agents == [OPP, CANTOR]
    assert set(p.all_agents) == {OPP, LADENBURG, CANTOR}
    full_list = ev("a-3", date(2023, 1, 5), "program_amended", agreement_date=date(2021, 1, 4), agents=[RBC])
    (p,) = fold([est, removed, full_list])
    assert p.agents == [RBC]


def test_an_undated_supplement_naming_nothing_joins_the_open_program():
    est = ev("s-1", date(2020, 8, 20), "program_established", agreement_date=date(2020, 8, 11), agents=[OPP],
             max_amount=D(14_500_000))
    supplement = ev("s-2", date(2022, 10, 20), "program_established", max_amount=None)
    suspended = ev("s-2", date(2022, 10, 20), "suspended", seq=1)
    (p,) = fold([est, supplement, suspended])
    assert p.status == "suspended" and p.agents == [OPP] and p.current_cap == D(14_500_000)


def test_a_sales_only_supplement_is_not_an_amendment():
    est = ev("s-1", date(2020, 8, 20), "program_established", agreement_date=date(2020, 8, 11), agents=[OPP],
             max_amount=D(14_500_000))
    sales = ev("s-2", date(2022, 10, 20), "program_amended", agreement_date=date(2020, 8, 11), agents=[OPP],
               max_amount=D(14_500_000), shares_sold=4169, gross_proceeds=D(69_000), as_of=date(2022, 10, 20))
    (p,) = fold([est, sales])
    assert (p.gross_proceeds, p.shares_sold, p.remaining_capacity) == (D(69_000), 4169, D(14_431_000))
    assert p.status == "active" and p.status_date is None  # no lifecycle event: no status date


def test_sales_before_an_agreement_do_not_attach_to_it():
    old = ev("o-1", date(2019, 3, 1), "program_established", agreement_date=date(2019, 2, 28), agents=[OPP],
             max_amount=D(30))
    new = ev("o-2", date(2021, 6, 1), "program_established", agreement_date=date(2021, 5, 30), agents=[OPP],
             max_amount=D(50))
    sales = ev("o-2", date(2021, 6, 1), "sales_reported", seq=1, agents=[OPP], gross_proceeds=D(12),
               as_of=date(2021, 3, 31))
    first, second = fold([old, new, sales])
    assert first.gross_proceeds == D(12) and second.gross_proceeds is None
    assert second.remaining_capacity is None  # cap known, sales not: nothing to subtract


def test_cumulative_sales_are_the_newest_report():
    est = ev("n-1", date(2020, 1, 2), "program_established", agreement_date=date(2020, 1, 1), max_amount=D(100))
    later = ev("n-2", date(2021, 1, 2), "sales_reported", agreement_date=date(2020, 1, 1), gross_proceeds=D(40),
               shares_sold=4, as_of=date(2020, 12, 31))
    older_restated = ev("n-3", date(2021, 2, 2), "sales_reported", agreement_date=date(2020, 1, 1),
                        gross_proceeds=D(10), shares_sold=1, as_of=date(2020, 6, 30))
    (p,) = fold([est, later, older_restated])
    assert (p.gross_proceeds, p.sales_as_of, p.remaining_capacity) == (D(40), date(2020, 12, 31), D(60))


def test_remaining_stated_by_the_newest_filing_wins_and_goes_stale():
    est = ev("m-1", date(2022, 7, 1), "program_established", agreement_date=date(2022, 7, 1), max_amount=D(50_000_000))
    stated = ev("m-2", date(2023, 4, 27), "sales_reported", agreement_date=date(2022, 7, 1),
                gross_proceeds=D(4_246_131), remaining_amount=D(45_753_869), as_of=date(2023, 4, 26))
    (p,) = fold([est, stated])
    assert p.remaining_capacity == D(45_753_869)
    newer = ev("m-3", date(2023, 8, 1), "sales_reported", agreement_date=date(2022, 7, 1),
               gross_proceeds=D(10_000_000), as_of=date(2023, 7, 31))
    (p,) = fold([est, stated, newer])
    assert p.remaining_capacity == D(40_000_000)


def test_status_suspended_resumed_terminated_with_dates():
    base = dict(agreement_date=date(2020, 8, 11), agents=[OPP])
    events = [
        ev("t-1", date(2020, 8, 20), "program_established", **base, max_amount=D(10)),
        ev("t-2", date(2022, 10, 20), "suspended", **base, effective_date=date(2022, 10, 20)),
        ev("t-3", date(2022, 11, 1), "sales_reported", **base, shares_sold=0, as_of=date(2022, 10, 31)),
    ]
    (p,) = fold(events)
    assert (p.status, p.status_date, p.gross_proceeds) == ("suspended", date(2022, 10, 20), D(0))
    events.append(ev("t-4", date(2023, 11, 13), "resumed", effective_date=date(2023, 11, 13)))
    assert fold(events)[0].status == "active"
    events.append(ev("t-5", date(2024, 3, 2), "terminated", agents=["Oppenheimer"], effective_date=date(2024, 3, 13)))
    (p,) = fold(events)
    assert (p.status, p.status_date) == ("terminated", date(2024, 3, 13))


def test_as_of_sees_only_filings_filed_by_then():
    events = prothena()
    (p,) = fold(events, as_of=date(2021, 12, 21))
    assert (p.status, p.current_cap) == ("active", D(100_000_000))
    assert fold(events, as_of=date(2021, 5, 27)) == []
    assert len(fold(events, as_of=date(2021, 12, 22))) == 2


def test_different_security_classes_stay_apart():
    assert security_class("8.00% Series A Perpetual Strike Preferred Stock") == "preferred series a"
    common = ev("k-1", date(2025, 3, 10), "program_established", agreement_date=date(2025, 3, 10),
                agents=[CANTOR], security="class A common stock", max_amount=D(21_000_000_000))
    pref = ev("k-2", date(2025, 3, 10), "program_established", seq=1, agreement_date=date(2025, 3, 10),
              agents=[CANTOR], security="8.00% Series A Perpetual Strike Preferred Stock", max_amount=D(21_000_000_000))
    assert len(fold([common, pref])) == 2


def test_prior_scope_skips_a_reregistered_program_of_the_same_filing():
    a = ev("q-1", date(2019, 3, 1), "program_established", agreement_date=date(2019, 2, 28), agents=[CANTOR],
           max_amount=D(30))
    b = ev("q-2", date(2020, 3, 1), "program_established", agreement_date=date(2020, 2, 28), agents=[OPP],
           max_amount=D(50))
    rereg = ev("q-3", date(2021, 3, 1), "program_established", agreement_date=date(2020, 2, 28), agents=[OPP],
               max_amount=D(50))
    ended = ev("q-3", date(2021, 3, 1), "terminated", seq=1, scope="prior")  # names nothing
    first, second = fold([a, b, rereg, ended])
    assert (first.status, second.status) == ("terminated", "active")


def test_an_amendment_dated_by_itself_joins_the_earlier_program():
    est = ev("w-1", date(2021, 8, 6), "program_established", agreement_date=date(2021, 8, 6),
             agents=["Robert W. Baird & Co. Incorporated"], max_amount=D(300_000_000))
    ar = ev("w-2", date(2022, 2, 25), "program_amended", agreement_date=date(2022, 2, 25),
            agents=["Robert W. Baird & Co. Incorporated", "Goldman Sachs & Co. LLC"], max_amount=D(300_000_000))
    (p,) = fold([est, ar])
    assert p.agreement_date == date(2021, 8, 6) and len(p.agents) == 2


def test_a_termination_is_final():
    base = dict(agreement_date=date(2020, 8, 11), agents=[OPP])
    events = [
        ev("f-1", date(2020, 8, 20), "program_established", **base, max_amount=D(10)),
        ev("f-2", date(2023, 3, 2), "terminated", **base, effective_date=date(2023, 3, 13)),
        ev("f-3", date(2023, 11, 13), "resumed", **base, effective_date=date(2023, 11, 13)),
    ]
    (p,) = fold(events)
    assert (p.status, p.status_date) == ("terminated", date(2023, 3, 13))


def test_a_generic_agreement_name_fits_a_specific_one():
    omsa = ev("j-1", date(2022, 11, 1), "program_established", agreement_type="Open Market Sale Agreement",
              agents=["Jefferies LLC"], security="common shares", max_shares=25_000_000)
    rereg = ev("j-2", date(2023, 5, 12), "program_established", agreement_type="Sales Agreement",
               agents=["Jefferies LLC"], security="common shares", max_shares=25_000_000)
    assert len(fold([omsa, rereg])) == 1


def test_an_agentless_establishment_with_another_cap_is_a_new_program():
    old = ev("x-1", date(2023, 11, 1), "program_established", agents=[CANTOR, RBC], max_amount=D(2_500_000_000))
    new = ev("x-2", date(2025, 8, 1), "program_established", max_amount=D(4_000_000_000))
    assert [p.current_cap for p in fold([old, new])] == [D(2_500_000_000), D(4_000_000_000)]


def test_an_amendment_of_another_agreement_is_another_program():
    base = ev("h-1", date(2021, 5, 13), "program_amended", agreement_date=date(2020, 2, 19),
              amendment_date=date(2021, 5, 13), agents=[RBC, CANTOR], max_amount=D(1_500_000_000))
    other = ev("h-2", date(2024, 3, 11), "program_amended", agreement_date=date(2023, 2, 17),
               amendment_date=date(2024, 3, 11), agents=[RBC, CANTOR, OPP], max_amount=D(1_500_000_000))
    restated = ev("h-3", date(2024, 9, 1), "program_amended", agreement_date=date(2024, 3, 11),
                  amendment_date=date(2024, 9, 1), agents=[RBC], max_amount=D(2_000_000_000))
    first, second = fold([base, other, restated])
    assert (first.agreement_date, second.agreement_date) == (date(2020, 2, 19), date(2023, 2, 17))
    assert second.current_cap == D(2_000_000_000) and second.agents == [RBC]


WELLS, BOFA, GS = "Wells Fargo Securities, LLC", "BofA Securities, Inc.", "Goldman Sachs & Co. LLC"
SALES_AGREEMENT = "At the Market Offering Sales Agreement"


@pytest.mark.parametrize("first, later, cap_first, cap_later", [
    # A REIT's syndicate widened from 3 to 5 banks on a new shelf, cap raised (Sun Communities 2021/2024).
    ([WELLS, BOFA, GS], [WELLS, BOFA, GS, RBC, JMP], {"max_amount": D(500_000_000)}, {"max_amount": D(1_250_000_000)}),
    # A biotech's single agent joined by a co-agent, same cap.
    ([CANTOR], [CANTOR, LADENBURG], {"max_amount": D(75_000_000)}, {"max_amount": D(75_000_000)}),
    # Share-capped program widened, share cap kept.
    ([OPP, RJ], [RJ, OPP, PIPER], {"max_shares": 10_000_000}, {"max_shares": 12_000_000}),
])
def test_an_undated_reregistration_that_widens_the_syndicate_is_the_same_program(first, later, cap_first, cap_later):
    programs = fold([
        ev("w-1", date(2021, 6, 4), "program_established", agreement_type=SALES_AGREEMENT, agents=first,
           security="common stock", **cap_first),
        ev("w-2", date(2024, 5, 3), "program_established", agreement_type=SALES_AGREEMENT, agents=later,
           security="common stock", **cap_later),
    ])
    assert len(programs) == 1
    only = programs[0]
    assert {agent_key(a) for a in only.agents} == {agent_key(a) for a in later}
    assert (only.current_cap, only.max_shares) == (cap_later.get("max_amount"), cap_later.get("max_shares"))


@pytest.mark.parametrize("later, cap_later", [
    # Same banks plus one, but the cap changes kind (shares, then dollars): another agreement (AMC 2021/2024).
    ([GS, RJ, CANTOR], {"max_amount": D(250_000_000)}),
    # One bank dropped while another joins: not the same agreement without a date to say so.
    ([GS, CANTOR], {"max_shares": 20_000_000}),
])
def test_a_wider_syndicate_with_another_kind_of_cap_or_a_dropped_agent_is_a_new_program(later, cap_later):
    programs = fold([
        ev("a-1", date(2021, 6, 3), "program_established", agreement_type=EDA, agents=[GS, RJ],
           security="Class A common stock", max_shares=11_550_000),
        ev("a-2", date(2024, 3, 28), "program_established", agreement_type=EDA, agents=later,
           security="Class A common stock", **cap_later),
    ])
    assert len(programs) == 2


def test_a_wider_syndicate_that_replaces_the_old_agreement_is_a_new_program():
    programs = fold([
        ev("r-1", date(2021, 6, 4), "program_established", agreement_type=SALES_AGREEMENT, agents=[WELLS, BOFA],
           security="common stock", max_amount=D(500_000_000)),
        ev("r-2", date(2024, 5, 3), "program_established", agreement_type=SALES_AGREEMENT,
           agents=[WELLS, BOFA, GS], security="common stock", max_amount=D(800_000_000)),
        ev("r-2", date(2024, 5, 3), "terminated", seq=1, agreement_type=SALES_AGREEMENT, scope="prior",
           agents=[WELLS, BOFA], security="common stock"),
    ])
    assert [p.status for p in programs] == ["terminated", "active"]


@pytest.mark.parametrize("caps, programs", [
    # A utility's successive equity distribution agreements, agents below the excerpt's cut: one per cap.
    ((500_000_000, 1_000_000_000, 1_700_000_000), 3),
    # The same agentless program registered again at the same cap, or with its cap unstated.
    ((300_000_000, 300_000_000), 1),
    ((300_000_000, None), 1),
])
def test_agentless_establishments_are_one_program_only_at_the_same_cap(caps, programs):
    events = [ev(f"u-{i}", date(2018 + 2 * i, 11, 1), "program_established", agreement_type=EDA,
                 security="common stock", max_amount=None if cap is None else D(cap)) for i, cap in enumerate(caps)]
    assert len(fold(events)) == programs


def test_an_amendment_adding_agents_to_a_program_first_seen_in_it_keeps_the_full_list():
    # "... amended and restated the sales agreement with A.G.P. to add Cantor, B. Riley and Wainwright":
    # the first filing about the program is the amendment, which states the full list and the added firms.
    full = ["A.G.P./Alliance Global Partners", CANTOR, "B. Riley Securities, Inc.", "H.C. Wainwright & Co., LLC"]
    (p,) = fold([ev("s-1", date(2021, 12, 3), "program_amended", agreement_type="Sales Agreement",
                    agreement_date=date(2020, 4, 27), amendment_date=date(2021, 12, 3), agents=full,
                    agents_added=full[1:], max_amount=D(450_000_000))])
    assert {agent_key(a) for a in p.agents} == {agent_key(a) for a in full}


def test_an_amendment_removing_an_agent_drops_it_even_when_the_full_list_repeats_it():
    (p,) = fold([
        ev("d-1", date(2022, 2, 25), "program_established", agreement_type=SALES_AGREEMENT, agents=[WELLS, BOFA, GS],
           max_amount=D(300_000_000)),
        ev("d-2", date(2023, 11, 3), "program_amended", agreement_type=SALES_AGREEMENT, agents=[WELLS, BOFA, GS],
           agents_removed=[GS]),
    ])
    assert {agent_key(a) for a in p.agents} == {agent_key(WELLS), agent_key(BOFA)}


def test_a_filings_sales_dated_by_its_restatement_stay_with_the_restated_program():
    # Watsco's third amended and restated agreement, dated by itself (the original date is not given): the filing's
    # sales report carries that date too, and belongs to the same program, not to a new one
    baird = ["Robert W. Baird & Co. Incorporated"]
    est = ev("w-1", date(2021, 8, 6), "program_established", agreement_type="Sales Agreement",
             agreement_date=date(2021, 8, 6), agents=baird, security="common stock", max_amount=D(300_000_000))
    restated = ev("w-2", date(2024, 5, 3), "program_amended", agreement_type="Sales Agreement",
                  agreement_date=date(2024, 5, 3), amendment_date=date(2024, 5, 3), agents=baird,
                  security="common stock", max_amount_increase=D(400_000_000))
    sold = ev("w-2", date(2024, 5, 3), "sales_reported", seq=1, agreement_type="Sales Agreement",
              agreement_date=date(2024, 5, 3), agents=baird, security="common stock", gross_proceeds=D(300_000_000))
    for events in ([est, restated, sold], [sold, restated, est]):
        (p,) = fold(events)
        assert p.agreement_date == date(2021, 8, 6) and len(p.events) == 3


def test_a_date_no_program_was_restated_on_is_another_agreement():
    # near miss: a sales report dated by an agreement date no program has seen starts its own
    baird = ["Robert W. Baird & Co. Incorporated"]
    est = ev("w-1", date(2021, 8, 6), "program_established", agreement_type="Sales Agreement",
             agreement_date=date(2021, 8, 6), agents=baird, security="common stock", max_amount=D(300_000_000))
    other = ev("w-3", date(2024, 5, 3), "sales_reported", agreement_type="Sales Agreement",
               agreement_date=date(2023, 1, 9), agents=baird, security="common stock", gross_proceeds=D(1_000_000))
    assert len(fold([est, other])) == 2

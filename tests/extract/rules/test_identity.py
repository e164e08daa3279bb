"""Program identity: securities other than common stock, caps in shares, agent spelling
variants, commission."""

from __future__ import annotations

from decimal import Decimal

import pytest

from edgar_atm.extract import parse_filing

from .doc import events


@pytest.mark.parametrize("sentence, security", [
    ("We have entered into a Sales Agreement, dated May 5, 2025, with B. Riley Securities, Inc. relating to shares "
     "of our 8.00% Series A Cumulative Perpetual Preferred Stock having an aggregate offering price of up to "
     "$20,000,000.", "8.00% Series A Cumulative Perpetual Preferred Stock"),
    ("We have entered into an ATM Sales Agreement, dated May 5, 2025, with Virtu Americas LLC, relating to our "
     "American Depositary Shares, or ADSs, each representing ten ordinary shares, having an aggregate offering price "
     "of up to $20,000,000.", "ADSs"),
    ("We and the Operating Partnership have entered into an Equity Distribution Agreement, dated May 5, 2025, with "
     "Raymond James & Associates, Inc., relating to common units representing limited partner interests having an "
     "aggregate offering price of up to $20,000,000.", "common units"),
    ("We have entered into an Equity Distribution Agreement, dated May 5, 2025, with Ladenburg Thalmann & Co. Inc. "
     "relating to our 7.75% Notes due 2029 having an aggregate principal amount of up to $20,000,000.",
     "7.75% Notes due 2029"),
])
def test_securities(sentence, security):
    ev = events(sentence, security="Securities")[0]
    assert ev.security == security and ev.max_amount == Decimal(20_000_000)


def test_listed_notes_program_cover():
    doc = ("PROSPECTUS SUPPLEMENT\nUp to $50,000,000\n7.75% Notes due 2029\nWe have entered into an Equity "
           "Distribution Agreement, dated May 5, 2025, with Ladenburg Thalmann & Co. Inc., as sales agent, relating to "
           "the offer and sale of our 7.75% Notes due 2029 having an aggregate principal amount of up to $50,000,000. "
           "Sales of the notes, if any, will be made in \"at the market offerings\" as defined in Rule 415(a)(4). "
           "The notes are listed on the Nasdaq Global Select Market under the symbol \"ABCDL\".")
    evs = parse_filing(doc.encode(), path="notes.md").events
    assert [e.type for e in evs] == ["program_established"]
    assert evs[0].security == "7.75% Notes due 2029" and evs[0].max_amount == Decimal(50_000_000)


@pytest.mark.parametrize("sentence, shares", [
    ("We have entered into an equity distribution agreement, dated May 5, 2025, with Morgan Stanley & Co. LLC, "
     "under which we may offer and sell up to 3,000,000 shares of our common stock.", 3_000_000),
    ("We have entered into separate equity distribution agreements, each dated May 5, 2025, with RBC Capital "
     "Markets, LLC and Truist Securities, Inc. for the offer and sale of up to 20.0 million shares of our common "
     "stock.", 20_000_000),
])
def test_caps_in_shares(sentence, shares):
    ev = events(sentence)[0]
    assert ev.max_shares == shares and ev.max_amount is None


@pytest.mark.parametrize("written, canonical", [
    ("Cantor Fitzgerald and Co.", "Cantor Fitzgerald & Co."),
    ("B Riley Securities, Inc.", "B. Riley Securities, Inc."),
    ("JP Morgan Securities LLC", "J.P. Morgan Securities LLC"),
    ("Keefe Bruyette & Woods, Inc.", "Keefe, Bruyette & Woods, Inc."),
    ("Jeffries LLC", "Jefferies LLC"),
    ("Stifel Nicolaus & Company, Incorporated", "Stifel, Nicolaus & Company, Incorporated"),
    ("H. C. Wainwright & Co., LLC", "H.C. Wainwright & Co., LLC"),
])
def test_agent_spelling_variants(written, canonical):
    ev = events(f"We have entered into a Sales Agreement, dated May 5, 2025, with {written}, as agent, relating to "
                "shares of our common stock having an aggregate offering price of up to $10,000,000.")[0]
    assert ev.agents == [canonical]


@pytest.mark.parametrize("sentence, rate", [
    ("The agent will be entitled to compensation at a fixed commission rate of 3.0% of the gross sales price per share "
     "sold.", Decimal("3.0")),
    ("We will pay Jefferies LLC a commission equal to up to 2.5% of the gross proceeds of any shares sold.", Decimal("2.5")),
])
def test_commission(sentence, rate):
    ev = events("We have entered into a Sales Agreement, dated May 5, 2025, with Jefferies LLC relating to shares of "
                "our common stock having an aggregate offering price of up to $10,000,000. " + sentence)[0]
    assert ev.commission_rate == rate

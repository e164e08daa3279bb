"""program_established: a new program or an existing agreement under a new supplement, said
many ways (single agent, long lists, forward sellers and purchasers, continuous offering
programs, other securities); offerings that only mention an ATM give no events."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract import parse_filing
from edgar_atm.extract.gate import may_be_atm

from .doc import by_type, events, types


@pytest.mark.parametrize("sentence, agreement, agreement_date, agents, cap", [
    ("We have entered into an Open Market Sale Agreement, dated February 3, 2025, with Jefferies LLC, as agent, "
     "under which we may offer and sell shares of our common stock having an aggregate offering price of up to "
     "$150.0 million from time to time.",
     "Open Market Sale Agreement", date(2025, 2, 3), ["Jefferies LLC"], Decimal(150_000_000)),
    ("On February 3, 2025, we entered into a Controlled Equity Offering Sales Agreement with Cantor Fitzgerald & "
     "Co. pursuant to which we may sell, from time to time, shares of our common stock having an aggregate "
     "offering price of up to $25,000,000.",
     "Controlled Equity Offering Sales Agreement", date(2025, 2, 3), ["Cantor Fitzgerald & Co."], Decimal(25_000_000)),
    ("We are a party to an equity distribution agreement with Piper Sandler & Co. and Canaccord Genuity LLC, dated "
     "February 3, 2025, relating to the offer and sale of shares of our common stock having an aggregate gross "
     "sales price of not more than $75,500,000.50.",
     "Equity Distribution Agreement", date(2025, 2, 3), ["Piper Sandler & Co.", "Canaccord Genuity LLC"],
     Decimal("75500000.50")),
])
def test_new_program_paraphrases(sentence, agreement, agreement_date, agents, cap):
    evs = events(sentence)
    assert types(evs) == ["program_established"]
    ev = evs[0]
    assert (ev.agreement_type, ev.agreement_date, ev.agents, ev.max_amount) == (agreement, agreement_date, agents, cap)


def test_forward_sellers_and_purchasers():
    ev = by_type(events(
        "On October 28, 2024, we and the Operating Partnership entered into an equity distribution agreement with "
        "BofA Securities, Inc., Barclays Capital Inc., Citigroup Global Markets Inc., J.P. Morgan Securities LLC, "
        "Mizuho Securities USA LLC, Morgan Stanley & Co. LLC, RBC Capital Markets, LLC, Scotia Capital (USA) Inc., "
        "Truist Securities, Inc. and Wells Fargo Securities, LLC, as sales agents, principals and/or forward sellers, "
        "and Bank of America, N.A., Barclays Bank PLC, Citibank, N.A., JPMorgan Chase Bank, National Association, "
        "Mizuho Markets Americas LLC, The Bank of Nova Scotia, Truist Bank and Wells Fargo Bank, National "
        "Association, as forward purchasers, under which we may offer and sell shares of our common stock having "
        "an aggregate gross sales price of up to $1,000,000,000.", security="Common Stock"))["program_established"]
    assert ev.max_amount == Decimal(1_000_000_000) and len(ev.agents) == 10
    assert not any("Bank" in a or "N.A." in a for a in ev.agents)


def test_continuous_offering_program():
    doc = ("PROSPECTUS SUPPLEMENT\n$300,000,000\nCommon Stock\nWe have established a continuous offering program "
           "under which we may offer and sell shares of our common stock having an aggregate offering price of up to "
           "$300,000,000 from time to time through BNY Mellon Capital Markets, LLC and Wells Fargo Securities, LLC, "
           "as our agents, under a Distribution Agreement dated May 5, 2025. Sales under the continuous offering program "
           "will be made in transactions deemed \"at the market offerings\" under Rule 415(a)(4).")
    evs = parse_filing(doc.encode(), path="cop.md").events
    assert types(evs) == ["program_established"]
    assert evs[0].agents == ["BNY Mellon Capital Markets, LLC", "Wells Fargo Securities, LLC"]
    assert evs[0].agreement_date == date(2025, 5, 5) and evs[0].max_amount == Decimal(300_000_000)


def test_agent_names_broken_across_lines_on_the_cover():
    doc = ("<p>PROSPECTUS SUPPLEMENT</p><p>Up to $50,000,000</p><p>Common Stock</p><p>We have entered into a Sales "
           "Agreement with the agents named below relating to shares of our common stock offered by this prospectus "
           "supplement. Sales will be made in \"at the market offerings\" as defined in Rule 415(a)(4).</p>"
           "<table><tr><td><b>Leerink<br>Partners</b></td><td><b>Cantor<br/>Fitzgerald &amp; Co.</b></td></tr>"
           "</table><p>The date of this prospectus supplement is May 5, 2025.</p>")
    evs = parse_filing(doc.encode(), path="cover.htm").events
    assert types(evs) == ["program_established"]
    assert set(evs[0].agents) == {"Leerink Partners LLC", "Cantor Fitzgerald & Co."}


def test_long_list_of_unknown_firms_is_kept_whole():
    firms = [f"Firm{n} Capital LLC" for n in range(1, 16)]
    ev = events("We have entered into an equity distribution agreement, dated May 5, 2025, with " + ", ".join(firms[:-1])
                + " and " + firms[-1] + ", as sales agents, relating to shares of our common stock having an "
                "aggregate offering price of up to $500,000,000.")[0]
    assert ev.agents == firms


def test_plan_of_distribution_with_no_cover():
    doc = ("PLAN OF DISTRIBUTION\nWe have entered into a Sales Agreement, dated May 5, 2025, with TD Securities (USA) "
           "LLC, under which we may issue and sell from time to time shares of our common stock having an aggregate "
           "offering price of up to $60,000,000 through or to TD Cowen, acting as sales agent or principal. Sales "
           "of our common stock, if any, will be made by any method permitted by law deemed to be an \"at the "
           "market offering\" as defined in Rule 415(a)(4).")
    evs = parse_filing(doc.encode(), path="pod.md").events
    assert types(evs) == ["program_established"]
    assert evs[0].agents == ["TD Securities (USA) LLC"] and evs[0].max_amount == Decimal(60_000_000)


def test_fee_table_maximum_is_not_the_cap():
    doc = ("CALCULATION OF FILING FEE TABLES\nSecurity Type | Security Class Title | Maximum Aggregate Offering Price | "
           "Fee Rate | Amount of Registration Fee\nEquity | Common Stock | $250,000,000 | 0.0001531 | $38,275\n"
           "PROSPECTUS SUPPLEMENT\nUp to $75,000,000\nCommon Stock\nWe have entered into a Sales Agreement with "
           "Jefferies LLC relating to shares of our common stock offered by this prospectus supplement. Sales will be "
           "made in \"at the market offerings\" as defined in Rule 415(a)(4). The maximum aggregate offering price of "
           "the shares that may be sold under the Sales Agreement is $75,000,000.")
    evs = parse_filing(doc.encode(), path="fees.md").events
    assert types(evs) == ["program_established"] and evs[0].max_amount == Decimal(75_000_000)


@pytest.mark.parametrize("cover", [
    # underwritten, mentions the ATM
    "PROSPECTUS SUPPLEMENT\n5,000,000 Shares\nCommon Stock\nWe are offering 5,000,000 shares of our common stock. "
    "The underwriters have an option to purchase up to 750,000 additional shares. We have also entered into a Sales "
    "Agreement with Cowen and Company, LLC under which we may sell shares in at-the-market offerings.",
    # equity line
    "PROSPECTUS SUPPLEMENT\nUp to $40,000,000\nCommon Stock\nThis prospectus supplement relates to shares we may sell "
    "to Lincoln Park Capital Fund, LLC under a purchase agreement. Our Sales Agreement with B. Riley Securities, "
    "Inc. remains in effect for at-the-market offerings.",
    # base prospectus generic talk
    "PROSPECTUS\n$500,000,000\nCommon Stock, Preferred Stock, Debt Securities\nWe may offer and sell these "
    "securities from time to time in one or more offerings, including in at-the-market offerings through one or "
    "more sales agents under a sales agreement.",
])
def test_offerings_that_only_mention_an_atm_give_no_events(cover):
    assert parse_filing(cover.encode(), path="x.md").events == []


@pytest.mark.parametrize("line, amount", [
    ("Up to $4,250,000 Shares of Common Stock", Decimal(4_250_000)),
    ("$125,000,000 of Common Units", Decimal(125_000_000)),
    ("Up to $12.5 million of Common Stock", Decimal(12_500_000)),
])
def test_cover_amount_line_with_the_security(line, amount):
    evs = events("We have entered into a Sales Agreement with Jefferies LLC relating to shares offered by this "
                 "prospectus supplement.", cover=f"PROSPECTUS SUPPLEMENT\n{line}\n")
    assert evs[0].max_amount == amount


@pytest.mark.parametrize("sentence, cap", [
    ("The offering of our common units pursuant to the equity distribution agreement will terminate upon the earlier "
     "of (1) the sale of common units having an aggregate offering price of $100,000,000 and (2) the termination of "
     "the equity distribution agreement.", Decimal(100_000_000)),
    ("The offering of shares pursuant to the Sales Agreement will terminate upon the earliest of (a) the issuance and "
     "sale of all of the shares subject to the Sales Agreement having an aggregate gross sales price of $45.0 million "
     "or (b) the termination of the Sales Agreement by either party.", Decimal(45_000_000)),
])
def test_cap_stated_only_in_the_termination_clause(sentence, cap):
    evs = events("Sales of common units will be made through the sales agent under our equity distribution agreement. "
                 + sentence, security="Common Units")
    assert types(evs) == ["program_established"] and evs[0].max_amount == cap


@pytest.mark.parametrize("footnote", [
    "(1) The registration fee is calculated in accordance with Rule 457(r) on the maximum aggregate offering price of "
    "$250,000,000 of common stock that may be sold under the Sales Agreement.",
    "(2) Calculated pursuant to Rules 456(b) and 457(o); the filing fee relates to up to $250,000,000 of shares "
    "issuable under the Sales Agreement, including shares previously registered.",
])
def test_fee_table_footnote_is_not_the_cap(footnote):
    doc = ("CALCULATION OF FILING FEE TABLES\n" + footnote + "\nPROSPECTUS SUPPLEMENT\nUp to $75,000,000\nCommon Stock\n"
           "We have entered into a Sales Agreement with Jefferies LLC relating to shares of our common stock offered "
           "by this prospectus supplement. Sales will be made in \"at the market offerings\" as defined in Rule "
           "415(a)(4).")
    evs = parse_filing(doc.encode(), path="fees.md").events
    assert types(evs) == ["program_established"] and evs[0].max_amount == Decimal(75_000_000)


# --------------------------------------------------------------------------- agreements without "at the market"

def _bare(text: str) -> list:
    """Parse a passage with no "at the market" words anywhere: the byte gate must let it through."""
    return parse_filing(("PROSPECTUS SUPPLEMENT\n" + text).encode("utf-8"), path="passage.md").events


@pytest.mark.parametrize("sentence, agreement, agents", [
    ("We have entered into a distribution agency agreement with Credit Suisse Securities (USA) LLC and Morgan Stanley "
     "& Co. LLC, dated July 12, 2021, relating to the sale of shares of our common stock offered by this prospectus "
     "supplement having an aggregate offering price of up to $500,000,000.",
     "Distribution Agency Agreement", ["Credit Suisse Securities (USA) LLC", "Morgan Stanley & Co. LLC"]),
    ("On March 4, 2024, we entered into a Distribution Agency Agreement with Goldman Sachs & Co. LLC, as agent, under "
     "which we may sell up to $200 million of our common stock from time to time.",
     "Distribution Agency Agreement", ["Goldman Sachs & Co. LLC"]),
    ("We have entered into a sales and registration agreement with Goldman Sachs & Co. LLC, acting as our sales "
     "agent, relating to an aggregate of up to 50,000,000 shares of our Class A common stock offered by this "
     "prospectus supplement.", "Sales and Registration Agreement", ["Goldman Sachs & Co. LLC"]),
    ("Under the Sales and Registration Agreement we entered into with BofA Securities, Inc. on May 1, 2024, we may "
     "issue and sell shares of our common stock having an aggregate offering price of up to $75,000,000 from time "
     "to time through BofA Securities, Inc., as sales agent.", "Sales and Registration Agreement",
     ["BofA Securities, Inc."]),
])
def test_agreement_names_without_at_the_market_words(sentence, agreement, agents):
    evs = _bare(sentence)
    assert types(evs) == ["program_established"]
    assert evs[0].agreement_type == agreement and evs[0].agents == agents


@pytest.mark.parametrize("sentence", [
    "The Manager will provide written confirmation to us on the day on which shares of our common stock are sold "
    "through such Manager, as our agent, under the Distribution Agreement. We will pay the applicable Manager a "
    "commission of up to 2.0% of the gross sales price per share.",
    "Under the terms of the Distribution Agreement, shares of our common stock may be sold by any of the Managers, "
    "acting as our agents, at prevailing market prices. We will pay each Manager a commission of up to 1.5% of the "
    "gross sales price of the shares sold through it.",
    "Our common units offered hereby will be sold through the applicable Manager as sales agent under the "
    "Distribution Agreement. The Managers will receive a commission of 1.0% of the gross sales price.",
])
def test_distribution_agreement_with_managers_selling_shares_as_agents(sentence):
    evs = _bare(sentence)
    assert types(evs) == ["program_established"]
    assert evs[0].agreement_type == "Distribution Agreement" and evs[0].commission_rate is not None


def test_mtn_distribution_agreement_is_not_a_program():
    # Notes sold through agents under a "Distribution Agreement", with the joint book-running managers of a deal.
    evs = parse_filing((
        "PRICING SUPPLEMENT\nMedium-Term Notes, Series B\nThe notes are being offered through BofA Securities, Inc., "
        "acting as our agent, under the Distribution Agreement. The joint book-running managers will receive a "
        "commission of 0.35% of the principal amount of the notes.").encode(), path="passage.md")
    assert evs.events == []


@pytest.mark.parametrize("footnote", [
    "Represents the Sales Agents' commission of up to 1.50% with respect to the shares of common stock being sold in "
    "this offering.",
    "Assumes the sales agent's commission of 2.0% of the gross proceeds of the common stock sold under this "
    "prospectus supplement.",
    "Reflects the Sales Agents\u2019 compensation of up to 1.25% of the gross sales price of shares sold in this "
    "offering.",
])
def test_fee_table_that_names_only_the_sales_agents_commission(footnote):
    evs = _bare(footnote + " There is no guarantee that there will be any sales of our common stock pursuant to this "
                           "prospectus supplement and the accompanying prospectus.")
    assert types(evs) == ["program_established"] and evs[0].commission_rate is not None


def test_underwriting_commission_footnote_is_not_a_program():
    evs = _bare("Represents the underwriters' commission of 6.0% with respect to the shares of common stock being sold "
                "in this offering. The underwriters have agreed to purchase the shares from us.")
    assert evs == []


@pytest.mark.parametrize("sentence, agents, cap", [
    ("We have entered into a continuous offering program agreement, dated March 1, 2024, with Wells Fargo Securities, "
     "LLC, as sales agent and forward seller, and Wells Fargo Bank, National Association, as forward purchaser, "
     "relating to shares of our common stock having an aggregate gross sales price of up to $500,000,000.",
     ["Wells Fargo Securities, LLC"], Decimal(500_000_000)),
    ("We have established a continuous offering program under which we may offer and sell shares of our common stock "
     "having an aggregate offering price of up to $300,000,000 from time to time through J.P. Morgan Securities LLC "
     "and Barclays Capital Inc., as our sales agents.",
     ["J.P. Morgan Securities LLC", "Barclays Capital Inc."], Decimal(300_000_000)),
    ("Under our continuous equity offering program, shares of common stock having an aggregate sales price of up to "
     "$250,000,000 may be sold through BofA Securities, Inc., acting as sales agent or, for forward sales, as "
     "forward seller.", ["BofA Securities, Inc."], Decimal(250_000_000)),
])
def test_continuous_offering_program_without_at_the_market_words(sentence, agents, cap):
    evs = _bare(sentence)
    assert types(evs) == ["program_established"]
    assert (evs[0].agents, evs[0].max_amount) == (agents, cap)


def test_underwritten_offering_mentioning_a_continuous_offering_program_gives_no_events():
    evs = _bare("We are offering 5,000,000 shares of our common stock. The underwriters have agreed to purchase the "
                "shares. We also have a continuous offering program with Wells Fargo Securities, LLC, under which "
                "we have sold shares having an aggregate gross sales price of $120,000,000.")
    assert evs == []


# --------------------------------------------------------------------------- no agreement noun at all

_COVER = "PROSPECTUS SUPPLEMENT\nUp to $40,000,000\nCommon Stock\n"


@pytest.mark.parametrize("sentence, agent", [
    ("This prospectus supplement relates to the issuance and sale of up to $40,000,000 of our common stock from time "
     "to time through B. Riley Securities, Inc. as our sales agent. Sales of our common stock, if any, will be made "
     "by any method deemed to be an \"at the market offering\" as defined in Rule 415(a)(4).",
     "B. Riley Securities, Inc."),
    ("We have entered into an agreement with Cantor Fitzgerald & Co. (the \"Agent\"), dated March 1, 2024, relating "
     "to the sale of shares of our common stock offered by this prospectus supplement. Sales of our common stock, if "
     "any, will be made in sales deemed to be at the market offerings as defined in Rule 415(a)(4).",
     "Cantor Fitzgerald & Co."),
    ("We may offer and sell shares of our common stock having an aggregate offering price of up to $40,000,000 from "
     "time to time through Canaccord Genuity LLC, acting as our agent, in transactions deemed to be an "
     "at-the-market offering as defined in Rule 415(a)(4).", "Canaccord Genuity LLC"),
])
def test_program_named_by_its_agent_without_an_agreement_noun(sentence, agent):
    evs = parse_filing((_COVER + sentence).encode(), path="passage.md").events
    assert types(evs) == ["program_established"]
    assert evs[0].agents == [agent] and evs[0].max_amount == Decimal(40_000_000)


@pytest.mark.parametrize("doc", [
    # a placement agent on a firm offering
    "PROSPECTUS SUPPLEMENT\n2,000,000 Shares\nCommon Stock\nWe are offering 2,000,000 shares of our common stock "
    "through H.C. Wainwright & Co., LLC as our exclusive placement agent. Our at-the-market offering program remains "
    "in effect.",
    # notes sold through an agent, no at-the-market words
    "PROSPECTUS SUPPLEMENT\n$40,000,000\n5.25% Notes due 2030\nThe notes will be sold from time to time through "
    "B. Riley Securities, Inc., acting as our agent.",
    # a transfer agent
    "PROSPECTUS SUPPLEMENT\nCommon Stock\nComputershare Trust Company, N.A. acts as transfer agent. Our common stock "
    "may be sold in at the market offerings by selling stockholders.",
])
def test_agents_of_other_kinds_are_not_a_program(doc):
    assert parse_filing(doc.encode(), path="passage.md").events == []


@pytest.mark.parametrize("sentence", [
    "On March 1, 2024, we entered into an At-the-Market Issuance Agreement with Virtu Americas LLC, pursuant to which "
    "we may offer and sell shares of our common stock having an aggregate offering price of up to $40,000,000.",
    "We have entered into an at the market equity distribution sales agreement with Roth Capital Partners, LLC, "
    "relating to shares of our common stock having an aggregate offering price of up to $40,000,000.",
    "We have entered into an agreement, dated March 1, 2024 (the \"ATM Agreement\"), with A.G.P./Alliance Global "
    "Partners, as sales agent, relating to shares of our common stock having an aggregate offering price of up to "
    "$40,000,000.",
])
def test_at_the_market_agreement_names_the_table_does_not_know(sentence):
    evs = parse_filing((_COVER + sentence).encode(), path="passage.md").events
    assert types(evs) == ["program_established"] and evs[0].max_amount == Decimal(40_000_000)


@pytest.mark.parametrize("name", ["Standby Equity Distribution Agreement, or the SEDA,",
                                  "Standby Equity Purchase Agreement"])
def test_a_standby_equity_agreement_is_an_equity_line_not_an_atm(name):
    evs = events(f"We have entered into a {name} with YA Global Master SPV Ltd., for the offer and sale of up to "
                 "$50,000,000 worth of our common shares offered by this prospectus supplement.")
    assert evs == []


FUND_COVER = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated November 22, 2024)\n600,000 COMMON SHARES\nNuveen Municipal Fund\n"


@pytest.mark.parametrize("sentence", [
    "The Fund currently intends to distribute the shares offered pursuant to this prospectus supplement primarily "
    "through transactions deemed “at the market,” as defined in Rule 415 under the Securities Act.",
    "The Fund intends to sell the common shares offered by this prospectus supplement in sales deemed to be \"at the "
    "market\" through its distributor.",
    "The Fund currently intends to distribute the Common Shares offered pursuant to this Prospectus Supplement "
    "through at-the-market transactions.",
])
def test_a_closed_end_fund_selling_at_the_market_through_its_distributor(sentence):
    evs = parse_filing((FUND_COVER + "Nuveen Municipal Fund (the “Fund”), a closed-end management investment "
                        "company, is offering up to 600,000 of its common shares pursuant to this prospectus "
                        "supplement. The minimum price will not be less than the net asset value plus the commission "
                        "to be paid to the Fund’s distributor, Nuveen Securities, LLC. " + sentence).encode(),
                       path="fund.md").events
    assert [e.type for e in evs] == ["program_established"]
    assert evs[0].agents == ["Nuveen Securities, LLC"] and evs[0].max_shares == 600_000


def test_a_fund_offering_of_fixed_size_through_underwriters_is_no_program():
    evs = parse_filing((FUND_COVER + "The Fund is offering 600,000 common shares through the underwriters named in "
                        "this prospectus supplement at a public offering price of $12.00 per share.").encode(),
                       path="fund.md").events
    assert evs == []


def test_a_fund_cover_that_counts_its_shares_in_millions():
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated August 4, 2023)\nUp to 1.3 Million Common Shares\nNuveen Municipal Fund\n"
    evs = parse_filing((cover + "Nuveen Municipal Fund (the “Fund”), a closed-end management investment company, is "
                        "offering up to 1.3 million of its Common Shares pursuant to this Prospectus Supplement. The "
                        "minimum price will not be less than the net asset value plus the commission to be paid to the "
                        "Fund’s distributor, Nuveen Securities, LLC. The Fund currently intends to distribute the Common "
                        "Shares offered pursuant to this Prospectus Supplement through at-the-market transactions."
                        ).encode(), path="fund.md").events
    assert [e.type for e in evs] == ["program_established"] and evs[0].max_shares == 1_300_000


def test_long_fee_table_notes_and_a_page_header_before_the_cover():
    # A mirror's "Table of Contents" page header after long fee-table notes must not end the cover
    # before its first line.
    notes = ("(1) The registrant previously registered common shares having an aggregate offering price of up to "
             "$100,000,000, pursuant to a prospectus supplement dated September 6, 2013 (the “Prior Prospectus "
             "Supplement”). " * 8)
    doc = (notes + "\nTable of Contents\nProspectus Supplement\n(To prospectus dated September 3, 2014)\n"
           "$75,980,421\nCommon Shares\nIn September 2013, we entered into sales agreements with Robert W. Baird & Co. "
           "Incorporated and JMP Securities LLC, each of which we refer to as a sales agent, relating to the common "
           "shares offered by this prospectus supplement. Sales of the common shares, if any, may be made in sales "
           "deemed to be \"at the market offerings\" as defined in Rule 415.")
    evs = parse_filing(doc.encode(), path="cover.md").events
    assert [e.type for e in evs] == ["program_established"]
    assert evs[0].agents == ["Robert W. Baird & Co. Incorporated", "Citizens JMP Securities, LLC"]


def test_a_fund_supplement_naming_its_program_only_by_its_sales_sentence():
    cover = ("SUPPLEMENT NO. 2, DATED MAY 21, 2025, TO\nPROSPECTUS SUPPLEMENT, DATED OCTOBER 4, 2023\n"
             "(To Prospectus dated September 29, 2023)\nUp to $125,000,000 of Common Shares\n")
    body = ("This supplement is being filed to update, amend and supplement certain information in our prospectus "
            "supplement dated October 4, 2023, pursuant to which we may offer and sell our common shares at an aggregate "
            "offering price of up to $125.0 million from time to time through the Placement Agents. Sales of our "
            "common shares, if any, under the prospectus supplement and the accompanying prospectus may be made in "
            "negotiated transactions or transactions that are deemed to be \"at the market,\" as defined in Rule 415.")
    evs = parse_filing((cover + body).encode(), path="fund.md").events
    assert [e.type for e in evs] == ["program_amended"] and evs[0].max_amount == Decimal(125_000_000)


def test_an_equity_purchase_agreement_with_an_investor_is_no_program():
    # near miss: an equity line uses the same sales sentence
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated May 1, 2017)\n3,000,000 Shares of Common Stock\n"
    body = ("We have entered into an equity purchase agreement with Leviston Resources LLC, or the Investor, relating "
            "to the shares of common stock offered by this prospectus supplement. Sales of our common stock, if any, "
            "under this prospectus supplement and the accompanying prospectus will be made in transactions deemed to "
            "be \"at the market\" offerings as defined in Rule 415.")
    assert parse_filing((cover + body).encode(), path="line.md").events == []


NOTES_COVER = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated April 28, 2024)\n$200,000,000\nExample Inc.\n8.25% Senior Notes due 2028\n"


@pytest.mark.parametrize("body", [
    # the agent "may be deemed to be an underwriter": ATM boilerplate, not an underwritten deal
    "We have entered into an At Market Issuance Sales Agreement with B. Riley Securities, Inc. (the \"Agent\") under "
    "which we may offer and sell, from time to time, up to $200,000,000 aggregate principal amount of our 8.25% Senior "
    "Notes due 2028 (the \"Notes\"). Sales of the Notes may be made in sales deemed to be \"at the market offerings\". "
    "The Agent may be deemed to be an \"underwriter\" within the meaning of the Securities Act.",
    # notes offered from time to time to or through the agent under a sales agreement (no at-the-market words)
    "Example Inc. has entered into a sales agreement (the \"Sales Agreement\") with B. Riley Securities, Inc., or the "
    "Agent, under which we may offer and sell, from time to time, up to an aggregate principal amount of $200,000,000 of "
    "our 8.25% Senior Notes due 2028 (the \"Notes\") to or through the Agent.",
    # the agreement's name alone tells the mechanism
    "Example Inc. has entered into an At Market Issuance Sales Agreement (the \"Sales Agreement\") with B. Riley "
    "Securities, Inc., or the Agent, under which we may offer and sell, from time to time, up to an aggregate principal "
    "amount of $200,000,000 of our 8.25% Senior Notes due 2028 (the \"Notes\") to or through the Agent.",
])
def test_listed_notes_sold_at_the_market(body):
    ev = by_type(parse_filing((NOTES_COVER + body).encode(), path="passage.md").events)["program_established"]
    assert ev.agents == ["B. Riley Securities, Inc."] and ev.max_amount == Decimal(200_000_000)


def test_underwritten_notes_that_mention_an_at_market_agreement_give_no_events():
    body = ("The underwriters have agreed to purchase the notes at a price of 97% of their principal amount. We have "
            "also entered into an At Market Issuance Sales Agreement with B. Riley Securities, Inc. for our common stock.")
    assert parse_filing((NOTES_COVER + body).encode(), path="passage.md").events == []


@pytest.mark.parametrize("cover_sentence", [
    "Sales of our Common Stock, if any, will be made directly by us at market prices, or to Example Partners, LLC, a "
    "Delaware limited liability company (\u201cInvestor\u201d), pursuant to the terms of a written sales agreement "
    "(\u201cSales Agreement\u201d).",
    "We may sell shares of our common stock to Example Capital Fund, LLC (the \"Purchaser\") from time to time at "
    "market prices pursuant to a sales agreement dated November 1, 2023.",
])
def test_sales_to_an_investor_under_a_sales_agreement_are_an_equity_line(cover_sentence):
    doc = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated March 15, 2021)\n2,000,000 Shares of Common Stock\n"
           "This prospectus supplement relates to the offer and sale from time to time of up to 2,000,000 shares of "
           "common stock. " + cover_sentence)
    assert parse_filing(doc.encode(), path="passage.md").events == []


@pytest.mark.parametrize("remains", [
    "As a result, shares of our common stock having an aggregate offering price of up to $110.0 million remain "
    "available for offer and sale pursuant to this prospectus supplement and the accompanying prospectus.",
    "Accordingly, $110,000,000 of common stock remains available for sale under this prospectus supplement.",
    "As a result, $110,000,000 remain available to be sold pursuant to this prospectus.",
])
def test_what_remains_for_this_prospectus_is_what_it_offers(remains):
    # a re-registration of an existing program: the remainder is this prospectus's amount, the cap stays
    evs = by_type(events(
        "We previously entered into an equity distribution agreement, dated March 1, 2022, with Jefferies LLC, as "
        "sales agent, under which we may offer and sell shares of our common stock having an aggregate offering "
        "price of up to $150,000,000. As of the date of this prospectus supplement, we have sold shares of our "
        "common stock having an aggregate offering price of $40.0 million under the equity distribution agreement. "
        + remains))
    est = evs["program_established"]
    assert est.max_amount == Decimal(150_000_000) and est.offered_amount == Decimal(110_000_000)
    assert evs["sales_reported"].remaining_amount == Decimal(110_000_000)


def test_what_remains_under_the_agreement_is_no_offered_amount():
    # near miss: the remainder is stated of the agreement, not of this prospectus
    evs = by_type(events(
        "We previously entered into an equity distribution agreement, dated March 1, 2022, with Jefferies LLC, as "
        "sales agent, under which we may offer and sell shares of our common stock having an aggregate offering "
        "price of up to $150,000,000. As of the date of this prospectus supplement, we have sold shares of our "
        "common stock having an aggregate offering price of $40.0 million under the equity distribution agreement, "
        "and $110.0 million remains available under the equity distribution agreement."))
    assert evs["program_established"].offered_amount is None
    assert evs["sales_reported"].remaining_amount == Decimal(110_000_000)


@pytest.mark.parametrize("sentence, agents", [
    ("This prospectus supplement and accompanying prospectus relate to the offer and sale from time to time of shares "
     "of our common stock, par value $0.01 per share, having an aggregate offering price of up to $150,000,000 through "
     "Goldman, Sachs & Co., as our sales agent, or to Goldman, Sachs & Co., for resale.", ["Goldman Sachs & Co. LLC"]),
    ("Our common shares to which this prospectus supplement relates will be offered over a period of time and from time "
     "to time through J.P. Morgan Securities LLC and Mitsubishi UFJ Securities (USA), Inc., as our agents (collectively, "
     "the \u201cAgents\u201d) or to the Agents, for resale, in accordance with the terms of the distribution agreements "
     "we have entered into with them.", ["J.P. Morgan Securities LLC", "MUFG Securities Americas Inc."]),
])
def test_shares_offered_through_agents_or_to_them_for_resale(sentence, agents):
    # the 2009-2012 equity distribution cover: no agreement named, no at-the-market words
    doc = ("PROSPECTUS SUPPLEMENT\n\n(To Prospectus dated January 13, 2009)\n\nExample Corp\n\nCommon Stock\n\n"
           + sentence)
    evs = parse_filing(doc.encode(), path="passage.md").events
    assert types(evs) == ["program_established"] and evs[0].agents == agents


def test_notes_offered_through_agents_for_resale_are_no_program():
    # near miss: a medium-term note program sells notes through agents, or to them for resale
    doc = ("PROSPECTUS SUPPLEMENT\n\n(To Prospectus dated January 13, 2009)\n\nExample Bank\n\nMedium-Term Notes\n\n"
           "We may offer and sell the notes from time to time through Goldman, Sachs & Co., as our agent, or to Goldman, "
           "Sachs & Co., for resale, under a distribution agreement.")
    assert parse_filing(doc.encode(), path="passage.md").events == []


@pytest.mark.parametrize("sentence", [
    "In accordance with the terms of our existing Controlled Equity OfferingSM Sales Agreement or the sales agreement, "
    "with Cantor Fitzgerald & Co., or Cantor, we may offer and sell shares of our common stock from time to time through "
    "Cantor, acting as agent, having an aggregate offering price of up to $40,000,000.",
    "Pursuant to the terms of our existing Controlled Equity Offering Sales Agreement with Cantor Fitzgerald & Co., we may "
    "offer and sell shares of our common stock having an aggregate offering price of up to $40,000,000 under this "
    "prospectus.",
])
def test_a_reregistration_under_our_existing_agreement_is_this_program(sentence):
    # "existing" names the agreement the issuer goes on selling under, not an ended one
    ev = by_type(events(sentence))["program_established"]
    assert ev.agreement_type == "Controlled Equity Offering Sales Agreement" and ev.max_amount == Decimal(40_000_000)


def test_an_existing_agreement_that_a_new_one_replaces_is_still_the_prior_one():
    # near miss: "replaces our existing ..." keeps the existing agreement an ended one
    evs = events("We have entered into an Equity Distribution Agreement, dated May 1, 2024, with Jefferies LLC, relating to "
                 "shares of our common stock having an aggregate offering price of up to $50,000,000, which replaces our "
                 "existing Sales Agreement with Cantor Fitzgerald & Co., under which we may sell shares until today.")
    assert by_type(evs)["program_established"].agents == ["Jefferies LLC"]


# role.moves_to_new_shelf: a supplement that "amends and restates" one filed under an earlier shelf re-registers the
# program under the new one; it is no notice amending the program.
NEW_SHELF_COVER = ("Filed Pursuant to Rule 424(b)(5)\nRegistration No. 333-261049\nPROSPECTUS SUPPLEMENT\n"
                   "(To Prospectus Dated November 12, 2021)\nUp to $47,249,368\nCommon Shares\n")


@pytest.mark.parametrize("opening", [
    "This prospectus supplement amends and restates the information in our prospectus supplement dated July 29, 2020. "
    "Pursuant to that prior prospectus supplement and accompanying base prospectus contained in our Registration "
    "Statement on Form S-3 (File No. 333-239318), we have issued and sold 361,236 common shares under the Open Market "
    "Sale Agreement with Jefferies LLC, dated July 29, 2020, for gross proceeds of approximately $2.75 million.",
    "This prospectus supplement amends and restates the information in our prospectus supplement dated July 29, 2020. "
    "Under the prior prospectus supplement, filed as part of our Registration Statement No. 333-239318, we have issued "
    "and sold 361,236 common shares under the Open Market Sale Agreement with Jefferies LLC, dated July 29, 2020, for "
    "gross proceeds of approximately $2.75 million.",
])
def test_a_supplement_replacing_one_of_an_earlier_shelf_re_registers_the_program(opening):
    found = events(opening + " We may offer and sell common shares having an aggregate offering price of up to "
                   "$47,249,368 from time to time through Jefferies LLC, acting as our sales agent.", cover=NEW_SHELF_COVER)
    assert sorted(types(found)) == ["program_established", "sales_reported"]


def test_a_supplement_replacing_one_of_the_same_shelf_is_still_a_notice():
    cover = NEW_SHELF_COVER.replace("333-261049", "333-239318")
    found = events("This prospectus supplement amends and restates the information in our prospectus supplement dated "
                   "July 29, 2020. Pursuant to that prior prospectus supplement and accompanying base prospectus contained in "
                   "our Registration Statement on Form S-3 (File No. 333-239318), we have issued and sold 361,236 common "
                   "shares under the Open Market Sale Agreement with Jefferies LLC, dated July 29, 2020, for gross proceeds "
                   "of approximately $2.75 million. We may offer and sell common shares having an aggregate offering price "
                   "of up to $47,249,368 from time to time through Jefferies LLC, acting as our sales agent.", cover=cover)
    assert "program_established" not in types(found)


# role._NO_PROCEEDS_RE: another holder sells at the market through the issuer's agent; the issuer gets nothing.
@pytest.mark.parametrize("cover", [
    "PROSPECTUS SUPPLEMENT NO. 3\nUp to 1,500,000 Shares of Common Stock\nWe and UMB Capital Corporation (\"UMB\") have "
    "entered into an ATM Equity Offering Sales Agreement with BofA Securities, Inc. relating to shares of our common "
    "stock offered by this prospectus supplement. In accordance with the terms of the Sales Agreement, UMB may offer and "
    "sell up to 1,500,000 shares of our common stock from time to time in sales deemed to be \"at-the-market "
    "offerings\". We will not receive any of the proceeds from any sales of common stock by BofA pursuant to the Sales "
    "Agreement.",
    "PROSPECTUS SUPPLEMENT\nUp to 2,000,000 Shares\nCommon Stock\nAcme Holdings LLC has entered into a sales agreement "
    "with Cantor Fitzgerald & Co., as sales agent, under which Acme Holdings LLC may sell shares of our common stock in "
    "at the market offerings. The Company will not receive any proceeds from the sale of these shares.",
])
def test_an_at_the_market_sale_by_another_holder_is_not_the_issuers_program(cover):
    assert parse_filing(cover.encode(), path="x.md").events == []


def test_a_forward_seller_selling_borrowed_shares_is_still_the_issuers_program():
    cover = ("PROSPECTUS SUPPLEMENT\nUp to $500,000,000\nCommon Stock\nWe have entered into an equity distribution "
             "agreement with Wells Fargo Securities, LLC, as sales agent and forward seller, and Wells Fargo Bank, "
             "National Association, as forward purchaser, relating to shares of our common stock having an aggregate "
             "gross sales price of up to $500,000,000 in at the market offerings. We will not receive any proceeds from "
             "the sale of borrowed shares by the forward seller.")
    assert types(parse_filing(cover.encode(), path="x.md").events) == ["program_established"]


_BARE_COVER = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated April 9, 2025)\nUp to $750,000,000\nCommon Stock\n"


@pytest.mark.parametrize("sentence, agents, security", [
    ("This prospectus supplement and the accompanying prospectus relate to the offer and sale from time to time of shares "
     "of our common stock, without par value, having aggregate gross sale proceeds of up to $750,000,000 through "
     "Barclays Capital Inc., BofA Securities, Inc., Wells Fargo Securities, LLC",
     ["Barclays Capital Inc.", "BofA Securities, Inc.", "Wells Fargo Securities, LLC"], "common stock"),
    ("This prospectus supplement relates to the issuance and sale from time to time of our common units having an "
     "aggregate offering price of up to $750 million through Citigroup Global Markets Inc. and J.P. Morgan Securities LLC",
     ["Citigroup Global Markets Inc.", "J.P. Morgan Securities LLC"], "common units"),
    ("We are filing this prospectus supplement for the offer and sale from time to time of shares of our common stock "
     "having an aggregate gross sales price of up to $750,000,000, from time to time through Jefferies LLC",
     ["Jefferies LLC"], "common stock"),
    ("This Prospectus Supplement relates to the Offer and Sale From Time to Time of shares of our common stock having an "
     "Aggregate Offering Price of up to $750,000,000 through Goldman Sachs & Co. LLC and Morgan Stanley & Co. LLC",
     ["Goldman Sachs & Co. LLC", "Morgan Stanley & Co. LLC"], "common stock"),
])
def test_a_cover_cut_after_the_firms_it_sells_through(sentence, agents, security):
    # The cover stops before "as our sales agents" and the agreement: the amount sold over time through named
    # broker-dealers is the program.
    data = (_BARE_COVER + sentence).encode()
    assert may_be_atm(data)
    evs = parse_filing(data, path="passage.md").events
    assert types(evs) == ["program_established"]
    assert evs[0].agents == agents and evs[0].max_amount == Decimal(750_000_000) and evs[0].security == security


@pytest.mark.parametrize("sentence", [
    # notes sold through agents (an MTN program)
    "This prospectus supplement relates to the offer and sale from time to time of our medium-term notes having an "
    "aggregate offering price of up to $750,000,000 through Barclays Capital Inc. and BofA Securities, Inc.",
    # a firm no agent table knows (an equity line's investor, a private buyer)
    "This prospectus supplement relates to the offer and sale from time to time of shares of our common stock having an "
    "aggregate offering price of up to $750,000,000 through Acme Growth Partners Ltd.",
    # a firm offering: a number of shares at a price, not an aggregate sold over time
    "We are offering 5,000,000 shares of our common stock through Barclays Capital Inc. at a public offering price of "
    "$20.00 per share.",
])
def test_sold_through_near_misses_give_no_events(sentence):
    assert parse_filing((_BARE_COVER + sentence).encode(), path="passage.md").events == []


_NOTICE_COVER = ("PROSPECTUS SUPPLEMENT\n(To Prospectus Supplement dated November 9, 2017\nand Prospectus dated February 13, "
                 "2017)\nUp to $18,000,000\nCommon Stock\nThis prospectus supplement amends and supplements the information "
                 "in our prospectus, dated February 13, 2017, supplemented on November 9, 2017.\n")


@pytest.mark.parametrize("opening", [
    "In accordance with the terms of the Controlled Equity OfferingSM sa",
    "In accordance with the terms of our Controlled Equity Offering\u2120 program with Cantor",
    "Sales are made under our Controlled Equity Offering(SM) arrangeme",
])
def test_cantors_program_name_is_the_program_where_the_page_stops_before_the_agreement_noun(opening):
    doc = _NOTICE_COVER + opening
    evs = parse_filing(doc.encode(), path="passage.md").events
    assert types(evs) == ["program_amended"] and evs[0].max_amount == Decimal(18_000_000)


def test_cantors_program_name_on_an_underwritten_cover_is_no_program():
    # near miss: the cover's first mechanism is a firm offering; the program is only mentioned
    doc = ("PROSPECTUS SUPPLEMENT\n5,000,000 Shares\nCommon Stock\nWe are offering 5,000,000 shares of our common stock. "
           "The underwriters have agreed to purchase the shares. We previously sold shares under our Controlled Equity "
           "Offering program with Cantor Fitzgerald & Co.")
    result = parse_filing(doc.encode(), path="passage.md")
    assert result.events == [] and result.atm_related


_FEE_TABLE = ("Prospectus filed pursuant to Rule 424(b)(2)\nFee Table [Abstract]\nStockholder Transaction Expenses (as a "
              "percentage of the public offering price):\nSales load (as a percentage of offering price)\n(1)\n2.00\n"
              "(1)\nRepresents the estimated commission with respect to the shares of common stock being sold in this "
              "offering. Each Sales Agent will be entitled to compensation up to 2.0% of the gross proceeds of the sale of "
              "any shares of our common stock under the applicable Equity Distribution Agreement.\n")


def test_a_fee_table_heading_in_percent_of_the_public_offering_price_names_no_firm_offering():
    evs = parse_filing(_FEE_TABLE.encode(), path="passage.md").events
    assert types(evs) == ["program_established"]
    assert evs[0].agreement_type == "Equity Distribution Agreement" and evs[0].commission_rate == Decimal(2)


def test_a_public_offering_price_of_its_own_is_still_a_firm_offering():
    # near miss: "the public offering price" of an underwritten deal, before the agreement is named
    doc = _FEE_TABLE.replace("(as a percentage of the public offering price)", "The public offering price is $10.00 per share")
    assert parse_filing(doc.encode(), path="passage.md").events == []


_FUND_SUPPLEMENT = ("GUGGENHEIM EXAMPLE FUND\nSupplement dated March 11, 2016\nto the Prospectus Supplement dated October 9, "
                    "2015\nThis is a supplement (the \u201cSupplement\u201d), to the Prospectus Supplement dated October 9, "
                    "2015 of the Fund relating to the issuance and sale of Common Shares pursuant to a Controlled Equity "
                    "Offering Sales Agreement among the Fund, the Investment Adviser and Cantor Fitzgerald & Co. This "
                    "Supplement updates certain information in the Prospectus Supplement and the related Prospectus as "
                    "follows.\n{news}\n")
_POLICY_NEWS = ("Investment Objective and Policies\nThe Board of Trustees of the Fund has approved certain changes to the "
                "Fund's non-fundamental investment policies, which will become effective as of February 5, 2016. The Fund "
                "will continue to pursue its investment objective to maximize total return through a combination of current "
                "income and capital appreciation. Currently, the Fund may invest up to 60% of its total assets in income "
                "securities rated below investment grade. Effective as of May 10, 2016, that limitation will be eliminated, "
                "and the Fund may invest without limitation in such securities.")


@pytest.mark.parametrize("news", [
    _POLICY_NEWS,
    "Recent Developments\nOn September 22, 2016, the Fund completed a private placement of 2,000 shares of Series A "
    "Mandatory Redeemable Preferred Shares. Each share has a liquidation preference of $25,000. The Fund used the proceeds "
    "to repay a portion of its borrowings under its credit facility and for general corporate purposes. " * 2,
])
def test_a_fund_supplement_whose_news_is_not_the_program_has_no_event(news):
    result = parse_filing(_FUND_SUPPLEMENT.format(news=news).encode(), path="passage.md")
    assert result.events == [] and result.atm_related


def test_a_fund_supplement_whose_news_is_the_program_is_its_change():
    # near miss: the update is the program's own (an amendment of its agreement)
    news = ("Amendment to the Sales Agreement\nOn March 10, 2016, the Fund, the Investment Adviser and Cantor Fitzgerald & "
            "Co. entered into Amendment No. 1 to the Controlled Equity Offering Sales Agreement to increase the number of "
            "Common Shares that may be sold to 10,000,000. " + _POLICY_NEWS)
    evs = parse_filing(_FUND_SUPPLEMENT.format(news=news).encode(), path="passage.md").events
    assert types(evs) == ["program_amended"]


def test_a_program_defined_as_the_distribution_agreement_is_named_by_that_term_later():
    doc = ("PROSPECTUS SUPPLEMENT\n(To Prospectus Dated July 10, 2023)\nUp to $13,450,000\nClass A Common Stock\nWe entered "
           "into an Equity Distribution Agreement (the \u201cDistribution Agreement\u201d) with Canaccord Genuity LLC, as "
           "sales agent, on June 23, 2023, relating to the sale of shares of our Class A common stock offered by this "
           "prospectus supplement. In accordance with the terms of the Distribution Agreement, we may offer and sell shares "
           "of our Class A common stock having an aggregate gross sales price of up to $25,000,000 from time to time through "
           "Canaccord. However, due to the offering limitations applicable to us under General Instruction I.B.6. of Form "
           "S-3, we are offering shares having an aggregate gross sales price of up to $13,450,000 pursuant to this "
           "prospectus supplement.\n")
    ev = parse_filing(doc.encode(), path="passage.md").events[0]
    assert ev.max_amount == Decimal(25_000_000) and ev.offered_amount == Decimal(13_450_000)


@pytest.mark.parametrize("sentence, cap", [
    ("Our sales agreement with Wm Smith is limited to the sale of common stock with gross proceeds aggregating "
     "$25,000,000.", Decimal(25_000_000)),
    ("The sales agreement is limited to the sale of shares of our common stock with an aggregate offering price of up "
     "to $25,000,000.", Decimal(25_000_000)),
    ("Sales under the At Market Issuance Sales Agreement are limited to the issuance of shares having gross proceeds "
     "totaling $25,000,000.",
     Decimal(25_000_000)),
])
def test_the_agreements_limit_is_the_cap(sentence, cap):
    body = ("This prospectus supplement relates to the issuance and sale of up to 12,500,000 shares of our common stock "
            "through our sales agent, Wm Smith & Co., pursuant to an At Market Issuance Sales Agreement. ")
    evs = events(body + sentence, cap="12,500,000 SHARES")
    assert evs[0].max_amount == cap and evs[0].agents == ["Wm Smith & Co."]


def test_a_limit_on_something_else_is_no_cap():
    # near miss: a limit that is not the sale of the program's shares
    body = ("This prospectus supplement relates to the issuance and sale of up to 12,500,000 shares of our common stock "
            "through our sales agent, Wm Smith & Co., pursuant to an At Market Issuance Sales Agreement. ")
    evs = events(body + "Our liability is limited to the amount of $25,000,000.", cap="12,500,000 SHARES")
    assert evs[0].max_amount is None


@pytest.mark.parametrize("passage", [
    "This supplement amends the prospectus supplement, which relates to the offer and sale of shares of common stock in "
    "an \u201cat-the-market\u201d offering (the \u201cSales Program\u201d) pursuant to the Ladenburg Agreement.",
    "The prospectus supplement relates to sales of our common stock in an at-the-market offering (the \"ATM Offering\") "
    "through Ladenburg Thalmann & Co. Inc.",
])
def test_an_at_the_market_offering_with_a_name_of_its_own_is_a_program(passage):
    cover = "Supplement No. 3 dated May 5, 2025\nTo Prospectus Supplement dated May 23, 2024\nUp to $5,664,382\n"
    doc = (cover + passage).encode()
    parsed = parse_filing(doc, path="named.md")
    assert parsed.atm_related and parsed.events


def test_at_the_market_offerings_in_general_name_no_program():
    # near miss: base-prospectus talk of at-the-market offerings, with no name of their own
    doc = ("PROSPECTUS\nWe may sell the securities in at-the-market offerings, as defined in Rule 415(a)(4), through agents "
           "we designate from time to time.").encode()
    assert parse_filing(doc, path="base.md").events == []

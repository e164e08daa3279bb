"""Event rules on real filing sentences (verbatim quotes collected in docs/atm-domain.md
section 3, source keys S1...; each wrapped in a minimal cover so the role rule sees an ATM
prospectus supplement)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from edgar_atm.extract import parse_filing

COVER = "PROSPECTUS SUPPLEMENT\n{cap}\nCommon Stock\n"
ATM = ("Sales of our common stock, if any, under this prospectus supplement may be made in sales deemed to be "
       "\"at the market offerings\" as defined in Rule 415(a)(4).")


def events(body: str, cap: str = "") -> list:
    doc = COVER.format(cap=cap) + body + "\n" + ATM
    return parse_filing(doc.encode("utf-8"), path="quote.md").events


def by_type(evs):
    return {e.type: e for e in evs}


def test_amendment_no_1_keeps_original_date_and_reports_sales():  # S4
    evs = by_type(events(
        "We have entered into an amendment, dated as of April 27, 2023 (\"Amendment No. 1\"), to the Sales Agreement, "
        "dated as of July 1, 2022 with BofA Securities, Inc., Stifel, Nicolaus & Company, Incorporated and BTIG, LLC. "
        "As of April 26, 2023, we have sold 422,160 shares of our common stock having an aggregate offering price of "
        "approximately $4,246,131 under the Sales Agreement. Shares of common stock having an aggregate offering price "
        "of approximately $45,753,869 are available for sale."))
    amended = evs["program_amended"]
    assert (amended.agreement_date, amended.amendment_date) == (date(2022, 7, 1), date(2023, 4, 27))
    assert amended.agents == ["BofA Securities, Inc.", "Stifel, Nicolaus & Company, Incorporated", "BTIG, LLC"]
    sales = evs["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds, sales.as_of) == (422160, Decimal(4246131), date(2023, 4, 26))
    assert sales.remaining_amount == Decimal(45753869)
    assert sales.amendment_date is None and sales.agreement_date == date(2022, 7, 1)


def test_amended_and_restated_adds_an_agent_and_zero_sales():  # S1
    evs = by_type(events(
        "We have entered into an amended and restated sales agreement, dated as of February 25, 2022, with Robert W. "
        "Baird & Co. Incorporated and Goldman Sachs & Co. LLC, which amends and restates that certain sales agreement, "
        "dated August 6, 2021, to include Goldman Sachs as an additional agent. As of February 23, 2022, we had not "
        "sold any shares of our Common stock under the sales agreement; consequently, shares of Common stock having an "
        "aggregate gross sales price of $300,000,000 currently remain available."))
    amended = evs["program_amended"]
    assert (amended.agreement_date, amended.amendment_date) == (date(2021, 8, 6), date(2022, 2, 25))
    assert amended.agents == ["Robert W. Baird & Co. Incorporated", "Goldman Sachs & Co. LLC"]
    sales = evs["sales_reported"]
    assert sales.shares_sold == 0 and sales.gross_proceeds is None
    assert sales.as_of == date(2022, 2, 23) and sales.remaining_amount == Decimal(300_000_000)


def test_new_agreement_terminates_the_prior_one():  # S12
    evs = events(
        "We have entered into an Equity Distribution Agreement, or Distribution Agreement, with Piper Sandler & Co., "
        "Stifel, Nicolaus & Company, Incorporated, Cantor Fitzgerald & Co., RBC Capital Markets, LLC, and JMP "
        "Securities LLC, or the sales agents, under which from time to time we may issue and sell our ordinary shares "
        "having an aggregate gross sales price of up to $250,000,000 through the sales agents. In connection with our "
        "entry into the Distribution Agreement, we terminated our prior Equity Distribution Agreement, dated May 28, "
        "2021, with Piper Sandler & Co., Stifel, Nicolaus & Company, Incorporated, Cantor Fitzgerald & Co., RBC Capital "
        "Markets, LLC, and Raymond James & Associates, Inc., as agents.")
    assert [e.type for e in evs] == ["program_established", "terminated"]
    new, old = evs
    assert new.agreement_date is None and new.max_amount == Decimal(250_000_000)
    assert "Citizens JMP Securities, LLC" in new.agents
    assert old.agreement_date == date(2021, 5, 28)
    assert old.agreement_type == "Equity Distribution Agreement"
    assert "Raymond James & Associates, Inc." in old.agents and "Citizens JMP Securities, LLC" not in old.agents


def test_termination_by_notice_of_another_agents_agreement():  # S62
    evs = by_type(events(
        "We have entered into an At The Market Offering Agreement with H.C. Wainwright & Co., LLC, relating to shares of "
        "our common stock offered by this prospectus supplement. The Company delivered written notice to Cantor "
        "Fitzgerald that it had elected, pursuant to Section 12(b) of the Sales Agreement, to terminate the Sales "
        "Agreement effective as of July 12, 2020, ten (10) days after delivery of the notice.", cap="Up to $7,000,000"))
    assert evs["program_established"].agents == ["H.C. Wainwright & Co., LLC"]
    assert evs["program_established"].max_amount == Decimal(7_000_000)
    term = evs["terminated"]
    assert term.agents == ["Cantor Fitzgerald & Co."] and term.effective_date == date(2020, 7, 12)


def test_reinstated_program_is_resumed():  # S56 wording
    evs = events(
        "This Supplement No. 1 supplements and amends the prospectus supplement dated May 1, 2020 relating to our Sales "
        "Agreement, dated May 1, 2020, with Jefferies LLC. On November 13, 2020, we reinstated the \"at-the-market\" "
        "offering program under the Sales Agreement with a capacity of up to $34.0 million by filing this updated "
        "prospectus supplement.")
    assert [e.type for e in evs] == ["resumed"]
    assert evs[0].effective_date == date(2020, 11, 13) and evs[0].agents == ["Jefferies LLC"]


def test_suspending_the_prospectus_is_not_a_termination():  # S57 wording
    evs = events(
        "This supplement amends the prospectus supplement dated March 1, 2019 relating to our Open Market Sale "
        "Agreement with Jefferies LLC dated March 1, 2018. Effective March 10, 2020, we are suspending and terminating "
        "the prospectus related to the 2018 Sales Agreement. The Sales Agreement remains in full force and effect.")
    assert [e.type for e in evs] == ["suspended"]
    assert evs[0].effective_date == date(2020, 3, 10)
    assert evs[0].agreement_type == "Open Market Sale Agreement" and evs[0].agreement_date == date(2018, 3, 1)


def test_sales_with_net_proceeds():  # S31
    evs = by_type(events(
        "We have entered into a sales agreement with JonesTrading Institutional Services LLC relating to common shares "
        "offered by this prospectus supplement for up to $50,000,000. As of February 26, 2018, the Fund has offered "
        "and sold an aggregate of 286,965 Common Shares pursuant to the sales agreement, which had an aggregate "
        "offering price of $3,688,057 and resulted in net proceeds to the Fund of $3,633,062, after payment of "
        "commissions."))
    sales = evs["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds, sales.net_proceeds) == (286965, Decimal(3688057), Decimal(3633062))


def test_increase_uses_the_new_total_not_the_increment():  # S8
    evs = by_type(events(
        "On February 23, 2024, we entered into Amendment No. 1 to At Market Issuance Sales Agreement with B. Riley "
        "Securities pursuant to which we may issue and sell our common stock having an aggregate offering price of up "
        "to $1,000,000,000. Amendment No. 1 increased the aggregate offering price of common stock we may offer and "
        "sell pursuant to the Sales Agreement by $302,073,006 to $1,000,000,000. In addition, Amendment No. 1 increased "
        "the Maximum Commitment Advance Purchase Amount from $10,000,000 to $11,000,000."))
    amended = evs["program_amended"]
    assert amended.max_amount == Decimal(1_000_000_000)
    assert amended.amendment_date == date(2024, 2, 23) and amended.agreement_date is None
    assert amended.agents == ["B. Riley Securities, Inc."]


def test_boilerplate_never_makes_events():  # S6, S41, S43 wording
    evs = events(
        "We have entered into an equity distribution agreement, dated as of March 14, 2024 with Morgan Stanley & Co. "
        "LLC, the agent, under which we may from time to time offer and sell up to 3,000,000 shares of our common "
        "stock. We or the agent may suspend the offering of shares of our common stock upon proper notice and subject "
        "to other conditions. The offering of the Common Stock pursuant to the Sales Agreement will terminate upon "
        "the earliest of (1) the sale of all shares and (2) the termination of the agreement.")
    assert [e.type for e in evs] == ["program_established"]
    assert evs[0].max_shares == 3_000_000 and evs[0].agreement_date == date(2024, 3, 14)


def test_equity_line_mentioning_an_atm_gives_no_events():  # S48
    doc = ("PROSPECTUS SUPPLEMENT\nUp to $75,000,000\nCommon Stock\nThis prospectus supplement relates to up to "
           "$75,000,000 in shares of our Common Stock that may be issued by us directly to Lincoln Park from time to "
           "time over the 36-month term of the purchase agreement. We also have an at-the-market offering program "
           "under our Sales Agreement with Cantor Fitzgerald & Co.")
    result = parse_filing(doc.encode(), path="lp.md")
    assert result.atm_related and result.events == []


def test_unknown_agent_in_the_agreement_sentence_is_kept():
    evs = events("We have entered into a Sales Agreement, dated March 3, 2025, with Titan Partners Group LLC, a division "
                 "of American Capital Partners, LLC, relating to shares of our common stock offered by this prospectus "
                 "supplement having an aggregate offering price of up to $10,000,000.")
    assert [e.type for e in evs] == ["program_established"]
    assert evs[0].agents == ["Titan Partners Group LLC"]


def test_passive_prior_sales_inside_a_termination_clause():  # NW Natural wording
    evs = by_type(events(
        "The offering of our common stock pursuant to the equity distribution agreement will terminate upon the earlier "
        "of (1) the sale, under the equity distribution agreement, of shares of our common stock with an aggregate "
        "sales price of $200,000,000 in addition to those shares of our common stock having an aggregate offering "
        "price of $195,000,000 previously issued and sold pursuant to the equity distribution agreement, and (2) "
        "termination by us upon two days notice. In no event will the aggregate number of shares of our common stock "
        "sold under this prospectus supplement pursuant to the equity distribution agreement have an aggregate sales "
        "price in excess of $200,000,000."))
    assert evs["sales_reported"].gross_proceeds == Decimal(195_000_000)
    assert evs["program_established"].max_amount == Decimal(200_000_000)


def test_common_and_preferred_programs_are_separate():  # S25/S69 shapes in one supplement
    evs = events(
        "We have entered into a sales agreement, dated May 1, 2025, with TD Securities (USA) LLC and Barclays Capital "
        "Inc. relating to shares of our class A common stock having an aggregate offering price of up to "
        "$21,000,000,000. We have also entered into a separate Sales Agreement, dated March 10, 2025, with TD "
        "Securities (USA) LLC, Barclays Capital Inc. and The Benchmark Company, LLC relating to the sale of shares of "
        "our 8.00% Series A Perpetual Strike Preferred Stock having an aggregate offering price of up to "
        "$2,100,000,000.")
    assert [e.type for e in evs] == ["program_established", "program_established"]
    common, preferred = evs
    assert (common.security, common.agreement_date, common.max_amount) == (
        "Class A common stock", date(2025, 5, 1), Decimal(21_000_000_000))
    assert (preferred.security, preferred.agreement_date, preferred.max_amount) == (
        "8.00% Series A Perpetual Strike Preferred Stock", date(2025, 3, 10), Decimal(2_100_000_000))
    assert preferred.agents == ["TD Securities (USA) LLC", "Barclays Capital Inc.", "The Benchmark Company, LLC"]


def test_baby_shelf_cut_by_a_supplement_is_an_amendment():  # S11 / S60 wording
    doc = ("Supplement No. 1 to Prospectus Supplement dated March 27, 2020\n"
           "This Supplement No. 1 amends and supplements the prospectus supplement dated March 27, 2020 relating to our "
           "Equity Distribution Agreement, dated March 27, 2020, with Citizens JMP Securities, LLC, under which we may "
           "offer and sell shares of our common stock having an aggregate offering price of up to $50.0 million in "
           "\"at the market\" offerings. As a result of the limitations of General Instruction I.B.6 of Form S-3, we are "
           "only offering shares having an aggregate offering price of $18.9 million pursuant to the prospectus "
           "supplement and this Supplement No. 1.")
    evs = parse_filing(doc.encode(), path="ib6.md").events
    assert [e.type for e in evs] == ["program_amended"]
    assert evs[0].max_amount == Decimal(50_000_000) and evs[0].offered_amount == Decimal(18_900_000)
    assert evs[0].agreement_date == date(2020, 3, 27) and evs[0].agents == ["Citizens JMP Securities, LLC"]


def test_replaced_agreement_keeps_its_own_figures():  # S100 wording, as a supplement would state it
    evs = events(
        "On August 12, 2019, we terminated the At-the-Market Equity Offering Sales Agreement dated December 28, 2018 "
        "(the \"Stifel Sales Agreement\") with Stifel, Nicolaus & Company, Incorporated (\"Stifel\") pursuant to which "
        "we were entitled to sell from time to time, at our option, up to an aggregate of $75.0 million of shares of "
        "our common stock through Stifel, as sales agent. We sold no shares of our common stock under the Stifel Sales "
        "Agreement. On August 12, 2019, we entered into a Controlled Equity Offering Sales Agreement (the \"2019 Sales "
        "Agreement\") with Cantor Fitzgerald & Co. (\"Cantor\") pursuant to which we may sell from time to time, at our "
        "option, up to an aggregate of $25.0 million of shares of our common stock, through Cantor, as sales agent. "
        "The aggregate compensation payable to Cantor is 3.0% of the aggregate gross proceeds from each sale.",
        cap="Up to $25,000,000")
    by = by_type(evs)
    new = by["program_established"]
    assert (new.agreement_type, new.agreement_date, new.agents) == (
        "Controlled Equity Offering Sales Agreement", date(2019, 8, 12), ["Cantor Fitzgerald & Co."])
    assert new.max_amount == Decimal(25_000_000) and new.offered_amount is None
    assert new.commission_rate == Decimal("3.0")
    old = by["terminated"]
    assert (old.agreement_date, old.effective_date, old.max_amount) == (date(2018, 12, 28), date(2019, 8, 12), Decimal(75_000_000))
    sales = by["sales_reported"]
    assert sales.shares_sold == 0 and sales.agents == ["Stifel, Nicolaus & Company, Incorporated"]
    assert sales.agreement_date == date(2018, 12, 28)


def test_did_not_sell_any_is_an_explicit_zero():  # S99 wording
    evs = by_type(events(
        "On September 5, 2023, we entered into a Controlled Equity Offering Sales Agreement (the \"Cantor Sales "
        "Agreement\") with Cantor Fitzgerald & Co. (\"Cantor\") pursuant to which we may offer and sell, from time to "
        "time through Cantor, shares of Class A Common Stock for aggregate gross proceeds up to $50.0 million. We did "
        "not sell any shares of Class A Common Stock under the Cantor Sales Agreement through June 30, 2024."))
    assert evs["program_established"].security == "Class A common stock"
    assert (evs["sales_reported"].shares_sold, evs["sales_reported"].as_of) == (0, date(2024, 6, 30))


def test_cover_line_with_aggregate_offering_price():
    doc = ("PROSPECTUS SUPPLEMENT\nCommon Stock Having an Aggregate Offering Price of Up to $75,000,000\n"
           "We have entered into an Open Market Sale Agreement with Jefferies LLC relating to shares of our common "
           "stock offered by this prospectus supplement. Sales, if any, will be made in \"at the market offerings\".")
    [ev] = parse_filing(doc.encode(), path="cover.md").events
    assert ev.type == "program_established" and ev.max_amount == Decimal(75_000_000)
    assert ev.agreement_type == "Open Market Sale Agreement" and ev.agents == ["Jefferies LLC"]


def test_dilution_arithmetic_is_not_a_sales_report():
    evs = events("We have entered into an Open Market Sale Agreement, dated June 1, 2022, with Jefferies LLC relating to "
                 "shares of our common stock offered by this prospectus supplement. Assuming that an aggregate of "
                 "1,000,000 shares of our common stock were sold under the Open Market Sale Agreement at a price of "
                 "$4.00 per share, for aggregate gross proceeds of $4,000,000, our as adjusted net tangible book value "
                 "would have been $10,000,000.")
    assert [e.type for e in evs] == ["program_established"]

"""sales_reported: cumulative sales to a date, said many ways; windows, arithmetic and
conditionals are never a report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract import parse_filing

from .doc import by_type, events, types

PROGRAM = ("We have entered into a Sales Agreement, dated June 3, 2022, with Cantor Fitzgerald & Co., as sales agent, "
           "relating to shares of our common stock having an aggregate offering price of up to $75,000,000. ")


@pytest.mark.parametrize("sentence, shares, gross, as_of", [
    # active, shares and gross, date first
    ("As of March 31, 2024, we have sold 1,234,567 shares of common stock under the Sales Agreement for aggregate "
     "gross proceeds of approximately $10.2 million.", 1234567, Decimal("10200000"), date(2024, 3, 31)),
    # passive voice, shares first
    ("As of March 31, 2024, an aggregate of 1,234,567 shares of our common stock have been sold under the Sales "
     "Agreement for gross proceeds of $10,212,345.67.", 1234567, Decimal("10212345.67"), date(2024, 3, 31)),
    # passive, "were issued and sold", date last
    ("A total of 2.5 million shares of common stock were issued and sold pursuant to the Sales Agreement through "
     "February 14, 2025, resulting in gross proceeds of $18.4 million.", 2500000, Decimal("18400000"), date(2025, 2, 14)),
    # proceeds named after the amount
    ("Through December 31, 2023, we sold 845,000 shares under the Sales Agreement, generating $6,250,000 in gross "
     "proceeds.", 845000, Decimal("6250000"), date(2023, 12, 31)),
    # "from the sale of": no "sold" verb at all
    ("As of May 1, 2024, we have received aggregate gross proceeds of $3.1 million from the sale of 410,000 shares "
     "of common stock under the Sales Agreement.", 410000, Decimal("3100000"), date(2024, 5, 1)),
    # "issued" alone, "to date"
    ("To date, we have issued 410,000 shares of common stock under the Sales Agreement for gross proceeds of $3.1 "
     "million.", 410000, Decimal("3100000"), None),
    # a period rather than a date, average price beside the proceeds
    ("From June 3, 2022 through March 31, 2024, we sold 500,000 shares under the Sales Agreement at an average price "
     "of $8.40 per share, for gross proceeds of $4,200,000.", 500000, Decimal(4200000), date(2024, 3, 31)),
    # a dollar amount of securities sold, no "proceeds" word
    ("As of June 30, 2024, we have offered and sold an aggregate of $12.7 million of our common stock under the Sales "
     "Agreement.", None, Decimal("12700000"), date(2024, 6, 30)),
    # dollars only, with cents
    ("As of June 30, 2024, we had previously sold shares of common stock with an aggregate offering price of "
     "$49,999,716.65 under the Sales Agreement.", None, Decimal("49999716.65"), date(2024, 6, 30)),
    # dollars sold with no word for the security, straight to "under"
    ("As of June 30, 2024, we have sold $50.0 million under the prospectus.", None, Decimal(50_000_000),
     date(2024, 6, 30)),
    ("Through June 30, 2024, we sold $1,250,000 pursuant to the Sales Agreement.", None, Decimal(1_250_000),
     date(2024, 6, 30)),
    # the agent between the verb and the count
    ("During the period from June 3, 2022 through June 30, 2024, we sold through Cantor as our sales agent an "
     "aggregate of 1,281,100 shares of common stock for gross proceeds of $2.3 million.", 1281100,
     Decimal(2_300_000), date(2024, 6, 30)),
    ("As of June 30, 2024, we have sold to or through the agent a total of 1,281,100 shares under the Sales "
     "Agreement for gross proceeds of $2.3 million.", 1281100, Decimal(2_300_000), date(2024, 6, 30)),
    # a fiscal period's end dates the figure
    ("During the year ended December 31, 2023, we sold 832,676 shares of common stock under the Sales Agreement for "
     "gross proceeds of approximately $7.2 million.", 832676, Decimal(7_200_000), date(2023, 12, 31)),
])
def test_sales_paraphrases(sentence, shares, gross, as_of):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds, sales.as_of) == (shares, gross, as_of)
    assert sales.agents == ["Cantor Fitzgerald & Co."]


@pytest.mark.parametrize("sentence", [
    "As of the date of this prospectus supplement, we have not sold any shares of common stock under the Sales Agreement.",
    "No shares of our common stock have been sold under the Sales Agreement as of the date of this prospectus supplement.",
    "Through the date of this prospectus supplement, we have not issued or sold any shares pursuant to the Sales Agreement.",
    "As of the date hereof, we have sold no shares under the Sales Agreement.",
])
def test_explicit_zero(sentence):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sales.shares_sold == 0 and sales.gross_proceeds is None


@pytest.mark.parametrize("sentences, remaining", [
    ("As of April 26, 2024, we have sold 422,160 shares of our common stock having an aggregate offering price of "
     "approximately $4,246,131 under the Sales Agreement. Shares of common stock having an aggregate offering price "
     "of approximately $70,753,869 remain available for sale under the Sales Agreement.", Decimal(70753869)),
    ("Prior to the date of this prospectus supplement, we issued and sold 300,000 shares for gross proceeds of $2.0 "
     "million under the Sales Agreement. As a result, $73.0 million remains available for sale.", Decimal(73000000)),
    ("As of April 26, 2024, we had sold 300,000 shares under the Sales Agreement for gross proceeds of $2,000,000, "
     "leaving $73,000,000 available under the Sales Agreement.", Decimal(73000000)),
    ("As of April 26, 2024, we had sold 300,000 shares under the Sales Agreement for gross proceeds of $2,000,000. "
     "The remaining capacity under the Sales Agreement is $73,000,000.", Decimal(73000000)),
    # a short aside between the figure and the remaining capacity
    ("As of April 26, 2024, we had sold 300,000 shares under the Sales Agreement for gross proceeds of $2,000,000 "
     "under our registration statement (File No. 333-123456). That registration statement has expired. "
     "Accordingly, $73,000,000 remains available under this prospectus supplement.", Decimal(73000000)),
    # "the remaining $Z", before the figure
    ("As of April 26, 2024, we had sold 300,000 shares under the Sales Agreement for gross proceeds of $2,000,000. "
     "The remaining $73,000,000 of shares may be sold under this prospectus supplement.", Decimal(73000000)),
    ("Through April 26, 2024, we sold 300,000 shares under the Sales Agreement for gross proceeds of $2,000,000, and "
     "the remaining $73.0 million of common stock is offered hereby.", Decimal(73000000)),
    # near miss: "an additional $Z" after the sales is a new registration, not what is left
    ("We previously sold an aggregate of 300,000 shares for gross proceeds of $2,000,000 pursuant to the Sales "
     "Agreement. Under this prospectus supplement, we may offer and sell up to an additional $50,000,000 of shares "
     "of our common stock from and after the date hereof.", None),
])
def test_remaining_capacity_in_the_same_or_next_sentence(sentences, remaining):
    sales = by_type(events(PROGRAM + sentences))["sales_reported"]
    assert sales.remaining_amount == remaining


def test_prior_to_the_date_of_this_supplement_dates_the_sales_by_the_cover():
    evs = events(PROGRAM + "Prior to the date of this prospectus supplement, we have issued and sold an aggregate of "
                 "7,490,789 shares of common stock for gross proceeds of $20,643,530 under the Sales Agreement.",
                 cover="PROSPECTUS SUPPLEMENT\nCommon Stock\nThe date of this prospectus supplement is May 2, 2024.\n")
    sales = by_type(evs)["sales_reported"]
    assert sales.as_of == date(2024, 5, 2) and sales.gross_proceeds == Decimal(20643530)


def test_sales_in_an_html_table():
    html = ("<p>PROSPECTUS SUPPLEMENT</p><p>Common Stock</p><p>" + PROGRAM + "Sales of our common stock under this "
            "prospectus supplement will be made in \"at the market offerings\" as defined in Rule 415(a)(4).</p>"
            "<p>The following table sets forth the shares we have sold under the Sales Agreement through June 30, 2024."
            "</p><table><tr><td>Number of shares sold</td><td>Aggregate offering price</td><td>Net proceeds to us</td>"
            "</tr><tr><td>3,400,112</td><td>$</td><td>27,950,440.18</td><td>$</td><td>27,111,927</td></tr></table>")
    from edgar_atm.extract import parse_filing
    sales = by_type(parse_filing(html.encode(), path="t.htm").events)["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds) == (3400112, Decimal("27950440.18"))
    assert sales.as_of == date(2024, 6, 30)


def test_sales_in_a_table_row():
    body = (PROGRAM + "The following table summarizes sales under the Sales Agreement as of March 31, 2024:\n"
            "Shares sold | Gross proceeds | Net proceeds\n1,250,000 | $9,875,000 | $9,578,750\n")
    sales = by_type(events(body))["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds, sales.net_proceeds) == (1250000, Decimal(9875000), Decimal(9578750))
    assert sales.as_of == date(2024, 3, 31)


@pytest.mark.parametrize("sentence", [
    # I.B.6 window
    "During the prior 12 calendar month period, we have sold 1,000,000 shares of common stock pursuant to General "
    "Instruction I.B.6 of Form S-3.",
    # dilution arithmetic
    "Assuming that 5,000,000 shares of our common stock are sold at a price of $4.00 per share, we would receive "
    "net proceeds of approximately $19.4 million under the Sales Agreement.",
    # conditional
    "If no shares have been sold under the Sales Agreement, the agent will not receive any commission.",
    # other issuances in a sentence that names the program
    "We have issued 250,000 shares upon exercise of warrants, and none under the Sales Agreement, if any, may be "
    "issued until the warrants expire.",
    # future / possible sales
    "The shares that may be sold under the Sales Agreement will be sold at market prices.",
    # underwritten context
    "The underwriters have sold 2,000,000 shares in the concurrent offering, which is not part of the Sales Agreement.",
    # a quarter, not cumulative
    "During the three months ended March 31, 2024, we sold 100,000 shares under the Sales Agreement for gross "
    "proceeds of $0.8 million.",
    # the I.B.6 window said as "12 calendar months" / "twelve-month", naming the program
    "During the 12 calendar months prior to, and including, the date of this Amendment, we have sold 3,167,179 shares "
    "of our common stock under the Sales Agreement resulting in gross proceeds of approximately $2,582,311.",
    "In the twelve-month period before this prospectus supplement, we sold 400,000 shares under the Sales Agreement "
    "for gross proceeds of $1.2 million.",
])
def test_near_misses_are_not_sales(sentence):
    assert "sales_reported" not in by_type(events(PROGRAM + sentence))


@pytest.mark.parametrize("sentence", [
    "As of the date of this prospectus supplement, we have sold 1,204,551",
    "As of the date of this prospectus supplement, we have sold1,204,551 shares of common stock under the Sales Agreement.",
    "Through the date hereof we have sold a total of 1,204,551 under the Sales Agreement.",
])
def test_share_count_without_the_word_shares_or_glued(sentence):
    # The passage ends the text, as in a cut-off copy.
    doc = ("PROSPECTUS SUPPLEMENT\nCommon Stock\nSales under this prospectus supplement will be \"at the market "
           "offerings\" as defined in Rule 415(a)(4).\n" + PROGRAM + sentence)
    assert by_type(parse_filing(doc.encode(), path="cut.md").events)["sales_reported"].shares_sold == 1204551


@pytest.mark.parametrize("follow", [
    "As such, we may sell shares of common stock that will result in gross proceeds of up to $75,000,000 under the "
    "Sales Agreement.",
    "Accordingly, we may offer and sell up to $75.0 million of common stock under the Sales Agreement and this "
    "prospectus supplement.",
])
def test_remaining_stated_as_what_may_still_be_sold(follow):
    sales = by_type(events(PROGRAM + "As of the date of this prospectus supplement, we have not sold any shares "
                           "under the Sales Agreement. " + follow))["sales_reported"]
    assert sales.shares_sold == 0 and sales.remaining_amount == Decimal(75_000_000)


@pytest.mark.parametrize("sentence", [
    "As of the date of this prospectus supplement, we have issued and sold shares of common stock having an aggregate "
    "offering price of $25,000,000, which means that we may sell shares having an aggregate offering price of up to "
    "$75,000,000.",
    "As of the date of this prospectus supplement, we have sold shares of common stock for gross proceeds of "
    "$25,000,000, meaning we may still sell up to $75,000,000 of common stock under the Sales Agreement.",
])
def test_remaining_stated_as_what_the_sales_mean_may_still_be_sold(sentence):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sales.gross_proceeds == Decimal(25_000_000) and sales.remaining_amount == Decimal(75_000_000)


def test_aggregate_price_without_offering_and_of_that_amount():
    sales = by_type(events(
        PROGRAM + "Of that amount, we have sold shares of our common stock with an aggregate price of $12,345,678 as of "
        "the date of this prospectus supplement. Accordingly, shares having an aggregate offering price of up to "
        "$62,654,322 remain available for sale."))["sales_reported"]
    assert sales.gross_proceeds == Decimal(12_345_678) and sales.remaining_amount == Decimal(62_654_322)


@pytest.mark.parametrize("sentence, shares, gross", [
    # "$X of our common stock has been sold" (passive, dollars only)
    ("As of May 1, 2024, approximately $21.4 million of our common stock has been sold under the Sales Agreement.",
     None, Decimal("21400000")),
    ("Through March 31, 2025, $8,250,000 in shares of common stock had been sold pursuant to the Sales Agreement.",
     None, Decimal("8250000")),
    # "sales of N shares have been made"
    ("Through the date of this prospectus supplement, sales of 845,000 shares of common stock have been made under the "
     "Sales Agreement, for gross proceeds of $6.3 million.", 845000, Decimal("6300000")),
    # proceeds received from sales, no "sold" verb
    ("As of the date of this prospectus supplement, we have received gross proceeds of $21.4 million from sales of "
     "common stock under the Sales Agreement.", None, Decimal("21400000")),
    ("Since June 2022, the Company has raised aggregate gross proceeds of approximately $12.5 million from the sale "
     "of shares under the Sales Agreement.", None, Decimal("12500000")),
    # the whole capacity used
    ("The amendment follows our utilization of approximately the full $75,000,000 of availability under the Sales "
     "Agreement.", None, Decimal("75000000")),
    ("We have used substantially all of the $75,000,000 of capacity under the Sales Agreement.", None,
     Decimal("75000000")),
])
def test_sales_said_without_an_active_sold_verb(sentence, shares, gross):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds) == (shares, gross)


@pytest.mark.parametrize("sentence", [
    # proceeds of another offering, in the sentence after the program's
    "As of May 1, 2024, we have received net proceeds of $50.0 million from the sale of our Series A preferred stock "
    "in a private placement.",
    # use of proceeds, future
    "We intend to use the net proceeds from sales under the Sales Agreement for general corporate purposes.",
    # capacity that may be used
    "If we use all of the $75,000,000 of capacity under the Sales Agreement, we will have 12,000,000 shares outstanding.",
])
def test_proceeds_and_capacity_near_misses(sentence):
    assert "sales_reported" not in by_type(events(PROGRAM + sentence))


@pytest.mark.parametrize("sentence, shares, gross, as_of", [
    # a dollar amount as the subject, "were sold"
    ("Prior to April 16, 2020, $2.1 million of shares of our common stock were sold pursuant to the Sales "
     "Agreement.", None, Decimal("2100000"), date(2020, 4, 16)),
    ("Through June 30, 2023, approximately $12.5 million of our common stock was sold under the Sales Agreement.",
     None, Decimal("12500000"), date(2023, 6, 30)),
    ("As of May 1, 2024, $3,250,000 in shares of our common stock were sold through Cantor Fitzgerald & Co. under "
     "the Sales Agreement.", None, Decimal("3250000"), date(2024, 5, 1)),
    # a misspelt "aggregate" and words between the count and "shares"
    ("As of March 31, 2024, we have sold an aggerate of 249,173 post reverse split shares of common stock pursuant "
     "to the Sales Agreement for gross proceeds of $4,384,168.", 249173, Decimal("4384168"), date(2024, 3, 31)),
    ("As of March 31, 2024, we have sold an agregate of 1,100,000 shares pursuant to the Sales Agreement for gross "
     "proceeds of $2,000,000.", 1100000, Decimal("2000000"), date(2024, 3, 31)),
])
def test_sales_said_with_the_amount_as_subject_or_a_misspelt_aggregate(sentence, shares, gross, as_of):
    sold = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert (sold.shares_sold, sold.gross_proceeds, sold.as_of) == (shares, gross, as_of)


@pytest.mark.parametrize("sentence", [
    "Up to $2.1 million of shares of our common stock may be sold pursuant to the Sales Agreement.",
    "Assuming $2.1 million of shares of our common stock were sold at $4.00 per share, we would receive net proceeds "
    "of approximately $2.0 million.",
])
def test_amounts_that_may_be_or_would_be_sold_are_no_report(sentence):
    assert "sales_reported" not in by_type(events(PROGRAM + sentence))


@pytest.mark.parametrize("cover_count, is_report_only", [
    ("760,700 Shares", True),      # the cover counts the shares sold: a report of sales, nothing registered
    ("Up to $50,000,000", False),  # a program's prospectus with its cap, sales beside it
])
def test_a_supplement_that_reports_one_periods_sales(cover_count, is_report_only):
    evs = events("Pursuant to the ATM Equity OfferingSM* sales agreement dated September 15, 2009, entered into "
                 "between us and Merrill Lynch, Pierce, Fenner & Smith Incorporated, we sold 760,700 shares of our "
                 "common stock through the agent in ordinary brokers' transactions between May 4, 2010 and August 2, "
                 "2010, at an average sales price of $21.4263 per share, for aggregate gross proceeds of "
                 "approximately $16,299,016. Our aggregate net proceeds from such sales were approximately "
                 "$15,972,828, after deducting related expenses.",
                 cover=f"PROSPECTUS SUPPLEMENT\n{cover_count}\nCommon Stock\n")
    sales = by_type(evs)["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds, sales.net_proceeds) == (760700, Decimal(16_299_016),
                                                                            Decimal(15_972_828))
    assert sales.as_of == date(2010, 8, 2)
    assert sales.agreement_type == "ATM Equity Offering Sales Agreement"
    assert ("program_established" not in by_type(evs)) == is_report_only


def test_no_shares_sold_under_the_ended_agreement_belong_to_it():
    evs = events("We have entered into an amended and restated at-the-market sales agreement, dated April 8, 2022, with "
                 "Jefferies LLC for the offer and sale of our common shares having an aggregate offering price of up to "
                 "$75,000,000. Upon entry into the Sales Agreement, we terminated our prior at-the-market offering "
                 "program established pursuant to the original sales agreement (the “Original Sales Agreement”). At "
                 "the time of such termination, no Common Shares were sold under our prior registration statement "
                 "pursuant to the Original Sales Agreement.")
    found = by_type(evs)
    assert found["sales_reported"].shares_sold == 0 and found["sales_reported"].scope == "prior"
    assert found["terminated"].scope == "prior"


@pytest.mark.parametrize("sentence, remaining, as_of", [
    ("As of the date of this prospectus supplement, $59,416,327 remains available to be sold under the sales "
     "agreement.", Decimal("59416327"), None),
    ("As of March 31, 2024, approximately $41.5 million of our common stock remained available for sale under the "
     "Sales Agreement.", Decimal("41500000"), date(2024, 3, 31)),
    ("As of March 31, 2024, $41,500,000 was available for issuance pursuant to the ATM program.",
     Decimal("41500000"), date(2024, 3, 31)),
    ("As of April 15, 2013, we have $17,213,510 remaining for sale pursuant to the Sales Agreement, which is the "
     "amount that we are offering pursuant to this prospectus supplement.", Decimal("17213510"), date(2013, 4, 15)),
    ("As of March 31, 2024, the Company had $41.5 million left to be sold under the Sales Agreement.",
     Decimal("41500000"), date(2024, 3, 31)),
    ("As of March 31, 2024, there was $41,500,000 unsold under our ATM program.", Decimal("41500000"), date(2024, 3, 31)),
])
def test_sales_told_by_the_remainder_alone(sentence, remaining, as_of):
    ev = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert ev.remaining_amount == remaining and ev.as_of == as_of
    assert ev.shares_sold is None and ev.gross_proceeds is None


@pytest.mark.parametrize("sentence", [
    # the whole cap is what remains: nothing sold, nothing to report
    "As of the date of this prospectus supplement, $75,000,000 remains available under the Sales Agreement.",
    # the shelf's remainder, not the program's
    "As of March 31, 2024, $41,500,000 remains available under our shelf registration statement.",
    # a condition
    "If we sell $30,000,000 of shares, $45,000,000 would remain available under the Sales Agreement.",
    "If we sell $30,000,000 of shares, we would have $45,000,000 remaining for sale under the Sales Agreement.",
    # the whole cap is what is left
    "As of the date of this prospectus supplement, we have $75,000,000 remaining for sale under the Sales Agreement.",
])
def test_remainder_near_misses_report_no_sales(sentence):
    assert "sales_reported" not in by_type(events(PROGRAM + sentence))


@pytest.mark.parametrize("sentence, sold", [
    ("As of February 1, 2024, of the 16,065,000 shares that may be offered and sold under the Sales Agreement, "
     "7,658,619 shares have been sold and 8,406,381 shares remain available for sale.", 7_658_619),
    ("Of the $75,000,000 of common stock which may be sold under the Sales Agreement, we have sold 1,250,000 shares "
     "as of March 31, 2024.", 1_250_000),
])
def test_a_modal_in_the_caps_relative_clause_is_not_a_future_sale(sentence, sold):
    assert by_type(events(PROGRAM + sentence))["sales_reported"].shares_sold == sold


def test_a_future_sale_is_still_no_report():
    # near miss: the modal governs the sale itself
    evs = events(PROGRAM + "Shares that have been registered may be sold under the Sales Agreement from time to time.")
    assert "sales_reported" not in by_type(evs)


def test_a_total_sold_over_a_period_then_split_by_prospectus():
    # "we sold a total of N shares" is the report; the next sentence's share of it is not the total
    evs = events(PROGRAM + "From March 7, 2016 to January 7, 2020, we sold a total of 49,321,226 shares of common stock "
                 "pursuant to the at-the-market offering. Of the 49,321,226 shares of common stock sold, 13,813,244 "
                 "shares were sold pursuant to our prior registration statement.")
    assert by_type(evs)["sales_reported"].shares_sold == 49_321_226


@pytest.mark.parametrize("sentence, shares_", [
    ("The Company issued and sold a total of 2,069,700 common shares pursuant to the Sales Agreement, the net proceeds "
     "of which were $41.9 million.", 2_069_700),
    ("The Fund has issued and sold 1,250,000 common shares under the Sales Agreement through March 31, 2024.",
     1_250_000),
    ("We completed the sale of 95,669,595 common shares pursuant to the Sales Agreement, resulting in net proceeds of "
     "approximately $487.5 million.", 95_669_595),
])
def test_sales_said_by_the_company_or_as_completed(sentence, shares_):
    assert by_type(events(PROGRAM + sentence))["sales_reported"].shares_sold == shares_


def test_sales_under_an_earlier_dated_agreement_are_its_own():
    evs = events("We have entered into an ATM Equity Offering Sales Agreement, dated May 7, 2009, with Merrill Lynch, "
                 "Pierce Fenner & Smith Incorporated for the offer and sale of up to $475 million of our common shares. "
                 "We previously entered into an ATM Equity Offering Sales Agreement, dated January 28, 2009, with "
                 "Merrill Lynch for the offer and sale of up to $500.0 million of our common shares. We completed the "
                 "sale of 95,669,595 common shares pursuant to this January 28, 2009 sales agreement, resulting in net "
                 "proceeds of approximately $487.5 million.")
    sales, prog = by_type(evs)["sales_reported"], by_type(evs)["program_established"]
    assert sales.scope == "prior" and sales.agreement_date == date(2009, 1, 28)
    assert prog.agents == ["BofA Securities, Inc."] and prog.agreement_date == date(2009, 5, 7)


def test_sales_under_the_programs_own_dated_agreement_stay_its_own():
    # near miss: the date named is the program's own agreement's
    evs = events(PROGRAM + "We have sold 1,000,000 shares pursuant to the June 3, 2022 sales agreement.")
    assert by_type(evs)["sales_reported"].scope == "this"


@pytest.mark.parametrize("sentence, as_of, net", [
    ("From January 24, 2020 to August 16, 2021, we sold a total of 2,080,689 shares of common stock pursuant to the "
     "Sales Agreement. The net proceeds as a result of these sales of common stock were approximately $29.3 million "
     "after deducting commissions and fees.", date(2021, 8, 16), Decimal("29300000")),
    ("From January 24, 2020 through August 16, 2021, we sold 2,080,689 shares under the Sales Agreement. The net "
     "proceeds resulting from these sales were $29.3 million.", date(2021, 8, 16), Decimal("29300000")),
])
def test_sales_over_a_stated_period_with_net_proceeds_in_the_next_sentence(sentence, as_of, net):
    ev = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert ev.as_of == as_of and ev.net_proceeds == net and ev.shares_sold == 2_080_689


@pytest.mark.parametrize("sentence, gross", [
    ("This prospectus supplement relates to the $33,063,065 of common stock that remains unsold under the prospectus "
     "supplement, dated March 22, 2022, which includes gross proceeds of $6,936,935 from the sale of common stock "
     "from April 2022 through the date of this prospectus supplement.", Decimal("6936935")),
    ("The amount remaining under the Sales Agreement reflects aggregate gross proceeds of approximately $6.9 million "
     "from sales of common stock under the Sales Agreement through March 31, 2024.", Decimal("6900000")),
])
def test_sales_in_nominal_form(sentence, gross):
    assert by_type(events(PROGRAM + sentence))["sales_reported"].gross_proceeds == gross


@pytest.mark.parametrize("sentence", [
    # future proceeds of this offering, not sales made
    "The amount we may sell under the Sales Agreement, if sold in full, would include gross proceeds of $75,000,000 "
    "from the sale of common stock.",
    "Our net proceeds will reflect gross proceeds of $75,000,000 from the sale of common stock under the Sales Agreement, "
    "less commissions.",
])
def test_nominal_sales_near_misses(sentence):
    assert "sales_reported" not in by_type(events(PROGRAM + sentence))


@pytest.mark.parametrize("sentence, gross", [
    ("The sales agreement relates to shares of our common stock having an aggregate gross sales price of "
     "$4,500,000,000, of which shares having an aggregate gross sales price of $2,609,801,302 have previously been "
     "sold.", Decimal("2609801302")),
    ("We may offer and sell shares having a maximum aggregate offering price of up to US$9.6 million from time to "
     "time through the Manager, less approximately US$2.4 million of shares previously sold pursuant to our prior "
     "registration statement.", Decimal("2400000")),
    ("Of the shares covered by the Sales Agreement, shares with an aggregate offering price of $12,500,000 have "
     "already been sold.", Decimal("12500000")),    # the cap "includes" what was sold: the modal governs the cap, not the sales
    ("Pursuant to this prospectus supplement, we may offer and sell shares having an aggregate offering price of up "
     "to $75,000,000, which amount includes the $21,400,000 of shares previously sold under the Sales Agreement.",
     Decimal("21400000")),
    ("We may sell up to $75,000,000 of common stock under the Sales Agreement, including $21,400,000 of shares that "
     "we have previously sold.", Decimal("21400000")),
])
def test_sales_as_a_part_of_the_cap(sentence, gross):
    assert by_type(events(PROGRAM + sentence))["sales_reported"].gross_proceeds == gross


def test_the_whole_of_which_a_part_was_sold_is_the_cap():
    evs = events("We have entered into a sales agreement with Jefferies LLC relating to shares of our common stock. The "
                 "sales agreement relates to shares of our common stock having an aggregate gross sales price of "
                 "$4,500,000,000, of which shares having an aggregate gross sales price of $2,609,801,302 have "
                 "previously been sold.")
    assert by_type(evs)["program_established"].max_amount == Decimal(4_500_000_000)


def test_a_cap_less_future_sales_is_no_report():
    # near miss: "less" before a modal sale, not a past one
    evs = events(PROGRAM + "We may sell up to $75,000,000, less any shares we may sell under our other programs.")
    assert "sales_reported" not in by_type(evs)


def test_sales_under_the_agreement_by_its_defined_term():
    body = ("We have entered into an At the Market Offering Agreement, dated December 13, 2019, with H.C. Wainwright & "
            "Co., LLC, as sales agent (such agreement, as amended, is referred to as the Offering Agreement). As of the "
            "date of this prospectus supplement, we have offered and sold shares of our common stock having an aggregate "
            "offering price at the time of sale of approximately $15,280,261 under the Offering Agreement.")
    assert by_type(events(body))["sales_reported"].gross_proceeds == Decimal("15280261")


def test_sales_under_a_purchase_agreement_are_no_program_sales():
    body = (PROGRAM + "\n\nOur Other Financing\n\nSeparately, we have sold 1,000,000 shares to Lincoln Park under the Purchase "
            "Agreement.")
    assert "sales_reported" not in by_type(events(body))


@pytest.mark.parametrize("sentence, shares_sold, gross", [
    ("Since the inception of the program, we have raised approximately $3.2 million in gross proceeds through the sale "
     "of 800,000 shares.", 800_000, Decimal(3_200_000)),
    ("To date we have generated $3.2 million of gross proceeds from the sale of 800,000 shares under the Sales Agreement.",
     800_000, Decimal(3_200_000)),
    ("As of May 1, 2024, an aggregate of 800,000 shares had been issued under the Sales Agreement for gross proceeds of "
     "$3.2 million.", 800_000, Decimal(3_200_000)),
    ("As of May 1, 2024, 800,000 shares of common stock have been issued pursuant to the Sales Agreement, for gross "
     "proceeds of $3.2 million.", 800_000, Decimal(3_200_000)),
])
def test_proceeds_raised_and_shares_issued_are_sales(sentence, shares_sold, gross):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sales.shares_sold == shares_sold and sales.gross_proceeds == gross


def test_shares_issued_on_other_grounds_are_no_sales():
    # near miss: shares "issued" without the program ("upon exercise of warrants") report nothing
    evs = events(PROGRAM + "As of May 1, 2024, 800,000 shares have been issued upon the exercise of outstanding warrants.")
    assert "sales_reported" not in by_type(evs)


@pytest.mark.parametrize("year", [
    "In the year ended December 31, 2024, we sold 1,000,000 shares under the sales agreement.",
    "During 2024, we sold 1,000,000 shares under the sales agreement for gross proceeds of $2.9 million.",
])
def test_a_cumulative_figure_is_preferred_to_a_years_sales(year):
    sales = by_type(events(PROGRAM + year + " As of March 1, 2025, we had sold an aggregate of 2,100,000 shares under "
                           "the sales agreement for aggregate gross proceeds of $6.3 million."))["sales_reported"]
    assert sales.shares_sold == 2_100_000 and sales.as_of == date(2025, 3, 1)


def test_a_years_sales_alone_are_the_report():
    # a program that began that year: its sales in the year are its sales to date
    sales = by_type(events(PROGRAM + "During the year ended December 31, 2024, we sold 832,676 shares of common stock under "
                           "the sales agreement."))["sales_reported"]
    assert sales.shares_sold == 832_676


@pytest.mark.parametrize("sentence", [
    "This Prospectus Supplement No. 2 is being filed to report that, as of June 1, 2024, we have sold 5,000,000 shares of "
    "our common stock under the Sales Agreement with Cantor Fitzgerald & Co. dated March 1, 2023, for gross proceeds of "
    "$12,345,678.90.",
    "We are filing this prospectus supplement to update that, as of June 1, 2024, we have sold 5,000,000 shares of our "
    "common stock under our Sales Agreement with Cantor Fitzgerald & Co. dated March 1, 2023, for gross proceeds of "
    "$12,345,678.90.",
])
def test_a_supplement_filed_to_report_sales_is_only_a_sales_report(sentence):
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated February 1, 2023)\nCommon Stock\n"
    evs = events(sentence, cover=cover)
    assert [e.type for e in evs] == ["sales_reported"]
    assert evs[0].shares_sold == 5_000_000 and evs[0].gross_proceeds == Decimal("12345678.90")


@pytest.mark.parametrize("sentence", [
    "We have not made any sales under the Sales Agreement as of the date of this prospectus supplement.",
    "As of June 1, 2024, we have not issued any shares under the Sales Agreement.",
    "As of June 1, 2024, the Company had not yet effected any sales pursuant to the Sales Agreement.",
])
def test_no_sales_made_or_no_shares_issued_is_an_explicit_zero(sentence):
    assert by_type(events(PROGRAM + sentence))["sales_reported"].shares_sold == 0


def test_raised_proceeds_under_the_agreement_are_sales():
    sales = by_type(events(PROGRAM + "As of June 1, 2024, we have raised aggregate gross proceeds of $4.0 million under "
                           "the Sales Agreement."))["sales_reported"]
    assert sales.gross_proceeds == Decimal(4_000_000) and sales.as_of == date(2024, 6, 1)


def test_shares_not_issued_for_another_reason_is_no_zero():
    # near miss: "have not issued any" about dividends, not sales under the program
    evs = events(PROGRAM + "We have not issued any dividends on our common stock and do not expect to.")
    assert "sales_reported" not in by_type(evs)


@pytest.mark.parametrize("sentence", [
    "We are filing this prospectus supplement to reduce the maximum amount of shares we may offer and sell under the "
    "Sales Agreement to $3,250,000, which is in addition to the $1,100,000 of shares we have previously sold under the "
    "prior prospectus supplement.",
    "We may now offer and sell up to $3,250,000 under the Sales Agreement, in addition to the $1,100,000 of shares that we "
    "previously sold.",
])
def test_sales_in_addition_to_a_new_amount_are_a_report(sentence):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sales.gross_proceeds == Decimal(1_100_000)


def test_future_sales_in_addition_to_an_amount_are_no_report():
    # near miss: "in addition to" before a future sale
    evs = events(PROGRAM + "We may sell up to $3,250,000 under the Sales Agreement, in addition to any shares we may sell "
                 "under our other agreements.")
    assert "sales_reported" not in by_type(evs)


def test_a_years_sentence_set_aside_is_read_with_its_own_neighbours():
    # near miss from a whole filing: the only year's-sales sentence sits deep in the document and names
    # no program; its neighbours are the document's, not those of the sentences set aside
    filler = " ".join(f"Risk factor number {i} may affect our business." for i in range(12))
    evs = events(PROGRAM + filler + " We did not sell any Bitcoin in 2024.")
    assert "sales_reported" not in by_type(evs)


@pytest.mark.parametrize("sentence", [
    "In accordance with the terms of the sales agreement, we could initially offer and sell up to 3,700,000 shares of "
    "our common stock through the sales agent, of which 871,600 shares of common stock had been issued as of "
    "December 31, 2009.",
    "Under the Sales Agreement we may offer and sell up to 3,700,000 shares, of which 871,600 shares have been issued "
    "as of December 31, 2009.",
])
def test_shares_issued_out_of_the_cap_are_sales(sentence):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sales.shares_sold == 871_600 and sales.as_of == date(2009, 12, 31)


def test_shares_issued_out_of_a_plan_are_no_sales():
    # near miss: "of which ... have been issued" about an equity plan's reserve
    evs = events(PROGRAM + "Our 2020 Equity Incentive Plan reserves 3,700,000 shares, of which 871,600 shares have "
                           "been issued upon the exercise of options.")
    assert "sales_reported" not in by_type(evs)


@pytest.mark.parametrize("sentence, remaining", [
    ("As of the date of this prospectus supplement, we have sold shares pursuant to the August 11 prospectus having an "
     "aggregate offering price of approximately $12.7 million, leaving up to approximately $62.3 million available "
     "for offer and sale.", Decimal("62300000")),
    ("As of the date hereof, we have sold shares under the March 2023 prospectus supplement having an aggregate offering "
     "price of approximately $12.7 million.", None),
])
def test_sales_under_a_prospectus_named_by_its_date(sentence, remaining):
    # the sentence names no agreement, and the one before (another paragraph) does not either
    evs = events("This prospectus supplement should be read with the base prospectus dated January 28, 2021.\n\n"
                 + sentence + "\n\n" + PROGRAM)
    sales = by_type(evs)["sales_reported"]
    assert sales.gross_proceeds == Decimal("12700000") and sales.remaining_amount == remaining


REPORT_COVER = ("PROSPECTUS SUPPLEMENT\n\n(To Prospectus Supplement dated April 23, 2009 and Prospectus dated January 13, "
                "2009)\n\n38,491,650 Shares\n\nExample Bancorp\n\nCommon Stock\n\n")


@pytest.mark.parametrize("sentence", [
    "Pursuant to our Equity Distribution Agreement, dated April 23, 2009, with Goldman, Sachs & Co., we sold, through "
    "Goldman, Sachs & Co. (Goldman Sachs), as our sales agent, or to Goldman Sachs, for resale, an aggregate of "
    "38,491,650 shares of our common stock for an aggregate sales price of $119,999,127.77.",
    "Pursuant to our Equity Distribution Agreement, dated April 23, 2009, with Goldman, Sachs & Co., during the period "
    "from April 23, 2009 through May 7, 2009, we have sold, through our sales agent, an aggregate of 38,491,650 shares "
    "of our common stock for an aggregate sales price of $119,999,127.77.",
])
def test_sales_through_a_firm_named_with_its_abbreviations(sentence):
    evs = events(sentence, cover=REPORT_COVER)
    # the cover's share count is the number sold: the supplement only reports sales
    assert types(evs) == ["sales_reported"]
    assert evs[0].shares_sold == 38_491_650 and evs[0].gross_proceeds == Decimal("119999127.77")


def test_a_program_named_by_a_sentence_that_says_shares_were_sold_under_it():
    evs = events("Pursuant to our Discretionary Equity Issuance Program, we sold, through Goldman, Sachs & Co., as our "
                 "sales agent, an aggregate of 38,491,650 shares of our common stock for an aggregate sales price of "
                 "$119,999,127.77. Shares of our common stock issued under the Program were sold pursuant to an Equity "
                 "Distribution Agreement, dated April 23, 2009, with Goldman, Sachs & Co.", cover=REPORT_COVER)
    assert types(evs) == ["sales_reported"] and evs[0].agreement_date == date(2009, 4, 23)


def test_the_cover_price_table_gives_the_net_proceeds_of_the_sales_reported():
    cover = REPORT_COVER + ("Gross proceeds to Example Bancorp   $ 119,999,127.77\n\nCommissions   $ 2,399,982.55\n\n"
                            "Net proceeds to Example Bancorp (1)   $ 117,599,145.22\n\n")
    evs = events("Pursuant to our Equity Distribution Agreement, dated April 23, 2009, with Goldman, Sachs & Co., we have "
                 "sold, through our sales agent, an aggregate of 38,491,650 shares of our common stock for an aggregate "
                 "sales price of $119,999,127.77.", cover=cover)
    sales = by_type(evs)["sales_reported"]
    assert sales.net_proceeds == Decimal("117599145.22") and sales.max_amount is None  # a table figure is no cap


def test_a_price_table_of_other_figures_gives_no_net_proceeds():
    # near miss: the table's gross figure is not the one reported
    cover = REPORT_COVER + "Gross proceeds   $ 50,000,000.00\n\nNet proceeds   $ 49,000,000.00\n\n"
    evs = events("Pursuant to our Equity Distribution Agreement, dated April 23, 2009, with Goldman, Sachs & Co., we have "
                 "sold, through our sales agent, an aggregate of 38,491,650 shares of our common stock for an aggregate "
                 "sales price of $119,999,127.77.", cover=cover)
    assert by_type(evs)["sales_reported"].net_proceeds is None


@pytest.mark.parametrize("after, remaining", [
    ("At September 30, 2010, we could sell from time to time through our sales agents up to an additional "
     "$124,500,745.08 in aggregate offering price of our common stock under the agreements.", Decimal("124500745.08")),
    ("As of the date of this prospectus supplement, we may sell up to an additional $12.2 million under the agreement.",
     Decimal("12200000")),
    # near miss: an increase of what may be sold, no date: not what is left
    ("We may sell up to an additional $12.2 million under the agreement.", None),
])
def test_what_may_still_be_sold_at_a_date_is_what_remains(after, remaining):
    sales = by_type(events(PROGRAM + "As of September 30, 2010, we have sold 3,936,300 shares under the Sales Agreement "
                                     "for an aggregate sales price of $75,499,254.92. " + after))["sales_reported"]
    assert sales.remaining_amount == remaining


@pytest.mark.parametrize("sentence", [
    "As of immediately prior to filing this Amendment No. 2 to Prospectus Supplement, we have sold 2,013,273 shares of "
    "our common stock under the Sales Agreement for an aggregate gross sales price of approximately $14.9 million.",
    "Immediately prior to the filing of this prospectus supplement, we had sold 2,013,273 shares of our common stock "
    "under the Sales Agreement for an aggregate gross sales price of approximately $14.9 million.",
])
def test_sales_measured_just_before_the_filing_are_as_of_its_date(sentence):
    cover = "PROSPECTUS SUPPLEMENT\n\nThe date of this prospectus supplement is March 25, 2021.\n\nCommon Stock\n\n"
    sales = by_type(events(PROGRAM + sentence, cover=cover))["sales_reported"]
    assert sales.as_of == date(2021, 3, 25) and sales.shares_sold == 2_013_273


@pytest.mark.parametrize("clause, remaining", [
    ("of which common shares having an aggregate offering price of up to $279,323,518.49 remain unsold",
     Decimal("279323518.49")),
    ("of which approximately $279.3 million remains available", Decimal("279300000")),
])
def test_what_remains_unsold_of_the_cap_reports_sales(clause, remaining):
    evs = events("We have entered into an equity distribution agreement, dated September 10, 2021, with BMO Capital Markets "
                 "Corp., as sales agent, providing for the offer and sale of our common shares having an aggregate "
                 "offering price of up to $500,000,000, " + clause + ", from time to time through the Agent, acting as "
                 "our sales agent, or, if applicable, as forward seller.")
    assert by_type(evs)["sales_reported"].remaining_amount == remaining
    assert by_type(evs)["program_established"].max_amount == 500_000_000


def test_what_would_remain_is_no_report():
    # near miss: a conditional remainder
    evs = events("We have entered into an equity distribution agreement, dated September 10, 2021, with BMO Capital Markets "
                 "Corp., as sales agent, providing for the offer and sale of our common shares having an aggregate "
                 "offering price of up to $500,000,000, of which, if we sell $220,000,000, $280,000,000 would remain "
                 "unsold.")
    assert "sales_reported" not in by_type(evs)


def test_a_price_per_share_beside_the_proceeds_is_not_the_proceeds():
    # a filing that calls the average price "an aggregate gross offering price": the real figure is the proceeds
    sales = by_type(events(PROGRAM + "As of the date of this prospectus supplement, we have sold 7,989,040 shares of our "
                           "common stock at an aggregate gross offering price of $0.4192 pursuant to the Sales Agreement "
                           "for aggregate gross sale proceeds of $3,349,104."))["sales_reported"]
    assert sales.gross_proceeds == Decimal("3349104") and sales.shares_sold == 7_989_040


def test_a_small_sale_alone_keeps_its_figure():
    # near miss: a small figure with no larger one beside it is still the proceeds
    sales = by_type(events(PROGRAM + "As of June 1, 2024, we have sold 100 shares of our common stock under the Sales "
                           "Agreement for aggregate gross proceeds of $412.50."))["sales_reported"]
    assert sales.gross_proceeds == Decimal("412.50")


@pytest.mark.parametrize("between", [
    "As a result, we will not make any further sales under the prospectus supplement. ",
    "No further sales will be made. The prospectus supplement is withdrawn. ",
    "",
])
def test_the_program_named_a_few_sentences_earlier_in_the_paragraph(between):
    # "terminating the Sales Agreement ... As a result ... Prior to termination, we sold N under the agreement":
    # the report says only "the agreement"; the paragraph named the program two or three sentences before
    body = ("On March 1, 2021, we delivered notice to B. Riley Securities, Inc. terminating the At Market Issuance "
            "Sales Agreement dated August 14, 2020, effective March 11, 2021. " + between +
            "Prior to termination, we sold 5,123,456 shares of common stock under the agreement for gross proceeds of "
            "approximately $21.3 million.")
    sales = by_type(events(body))["sales_reported"]
    assert sales.shares_sold == 5_123_456 and sales.gross_proceeds == Decimal("21300000")


def test_a_program_named_in_another_paragraph_does_not_carry_over():
    # near miss: the sentence that names no program, in a paragraph of its own after a break
    body = ("We entered into a Sales Agreement with Cantor Fitzgerald & Co. dated June 3, 2022.\n\n"
            "In our 2019 initial public offering, we sold 5,000,000 shares of common stock for gross proceeds of "
            "$50.0 million.")
    assert "sales_reported" not in by_type(events(body))


@pytest.mark.parametrize("sentence", [
    "As a result, we may offer and sell shares of our common stock having an aggregate offering price of up to "
    "$9,500,000 under the Sales Agreement, which includes the $3,100,000 of shares we previously sold.",
    "Accordingly, we may sell up to $9,500,000 of common stock under the Sales Agreement, including $3,100,000 of shares "
    "previously sold.",
])
def test_a_cap_that_includes_the_sales_is_not_what_remains(sentence):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sales.gross_proceeds == Decimal("3100000") and sales.remaining_amount is None


# sales._RAISED_BY_THESE_RE: the proceeds of the sales just reported, in a sentence of their own.
@pytest.mark.parametrize("proceeds", [
    "The total amount of capital raised as a result of these sales of our common stock was approximately $99.3 million "
    "and net proceeds were approximately $98.8 million, after deducting the sales agents' commissions.",
    "The aggregate proceeds from these sales were approximately $99.3 million, and net proceeds were approximately "
    "$98.8 million after commissions.",
    "Our gross proceeds from such sales totaled approximately $99.3 million, with net proceeds of approximately "
    "$98.8 million.",
])
def test_proceeds_of_the_sales_in_the_next_sentence(proceeds):
    body = ("We have entered into an equity distribution agreement, dated March 31, 2023, with Raymond James & Associates, "
            "Inc. under which we may sell up to $250 million of our common stock. From March 31, 2023 to August 11, 2023, "
            "we sold a total of 9,002,887 shares of common stock pursuant to the \"at the market\" offering. " + proceeds)
    sold = by_type(events(body))["sales_reported"]
    assert sold.shares_sold == 9_002_887
    assert sold.gross_proceeds == Decimal(99_300_000) and sold.net_proceeds == Decimal(98_800_000)


def test_proceeds_of_something_else_next_are_not_the_sales():
    body = ("We have entered into an equity distribution agreement, dated March 31, 2023, with Raymond James & Associates, "
            "Inc. under which we may sell up to $250 million of our common stock. From March 31, 2023 to August 11, 2023, "
            "we sold a total of 9,002,887 shares of common stock pursuant to the \"at the market\" offering. The total "
            "amount of capital raised in our 2022 notes offering was $75.0 million.")
    sold = by_type(events(body))["sales_reported"]
    assert sold.gross_proceeds is None


# sales.REMAINING_RE: what is left, said after a long noun phrase.
@pytest.mark.parametrize("sentence, remaining", [
    ("Under our sales agreement, we have sold shares having an aggregate gross sales price of $218,966,228 through the date "
     "of this prospectus supplement, leaving offered shares having an aggregate gross sales price of up to $31,033,772 "
     "available for offer and sale.", Decimal("31033772")),
    ("As of February 26, 2018, we have sold 286,965 shares under the sales agreement for $3,688,057, and the remaining "
     "aggregate offering price of shares that may be offered and sold under the sales agreement is $46,311,943.",
     Decimal("46311943")),
    ("We have sold 286,965 shares for $3,688,057 under the sales agreement, which leaves shares with an aggregate offering "
     "price of $46,311,943 to be sold.", Decimal("46311943")),
])
def test_remaining_capacity_after_a_long_noun_phrase(sentence, remaining):
    body = ("We have entered into a sales agreement, dated March 1, 2017, with JonesTrading Institutional Services LLC "
            "under which we may sell up to $250,000,000 of our common stock. " + sentence)
    assert by_type(events(body))["sales_reported"].remaining_amount == remaining


def test_a_remaining_term_is_no_remaining_capacity():
    body = ("We have entered into a sales agreement, dated March 1, 2017, with JonesTrading Institutional Services LLC "
            "under which we may sell up to $250,000,000 of our common stock. As of February 26, 2018, we have sold 286,965 "
            "shares under the sales agreement for $3,688,057; the remaining term of our credit facility was extended and "
            "its limit of $46,311,943 is unchanged.")
    assert by_type(events(body))["sales_reported"].remaining_amount is None


# sales.GROSS_RE: the price of the shares just counted, given as "for an aggregate of $X" / "for a total of $X".
@pytest.mark.parametrize("sentence, shares, gross", [
    ("As of the date of this amendment, we have sold 164,900 shares of our common stock for an aggregate of $579,546 "
     "pursuant to the Sales Agreement.", 164900, Decimal(579546)),
    ("Through March 31, 2024, we sold 2,000,000 shares under the Sales Agreement for a total of approximately $4.6 "
     "million.", 2000000, Decimal(4_600_000)),
    ("To date, 410,000 shares of common stock have been sold under the Sales Agreement for an aggregate of about "
     "$3,100,000.", 410000, Decimal(3_100_000)),
])
def test_sales_priced_for_an_aggregate_or_a_total_of(sentence, shares, gross):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds) == (shares, gross)


def test_for_an_aggregate_of_a_share_count_is_no_proceeds():
    # "for an aggregate of" followed by a count and a per-share price: the price is no proceeds figure.
    sentence = ("As of March 31, 2024, we have sold 1,234,567 shares under the Sales Agreement, for an aggregate of 1,234,567 "
                "shares at a price of $9.00 per share.")
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sales.shares_sold == 1234567
    assert sales.gross_proceeds is None


# sales._counted: a closing "all of which" clause says when the counted shares were sold; the figure stays cumulative.
@pytest.mark.parametrize("sentence, as_of", [
    ("As of June 1, 2024, we have sold 1,903,880 shares of our common stock under the Sales Agreement for an aggregate "
     "gross sales price of approximately $2.2 million, all of which shares were sold during the three months ended "
     "March 31, 2023.", date(2024, 6, 1)),
    ("To date, we have sold 1,903,880 shares under the Sales Agreement for gross proceeds of $2.2 million, all of which "
     "were sold in the quarter ended March 31, 2023.", None),
])
def test_a_window_in_an_all_of_which_clause_keeps_the_figure_cumulative(sentence, as_of):
    sales = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert (sales.shares_sold, sales.gross_proceeds, sales.as_of) == (1903880, Decimal(2_200_000), as_of)


def test_a_window_before_an_all_of_which_clause_is_still_a_window():
    sentence = ("During the three months ended March 31, 2023, we sold 1,903,880 shares under the Sales Agreement for gross "
                "proceeds of $2.2 million, all of which were sold at prices above $1.00.")
    assert "sales_reported" not in types(events(PROGRAM + sentence))


# sales.REMAINING_RE: the amount nearest "remaining" is what remains, not the proceeds before it.
@pytest.mark.parametrize("sentence, remaining", [
    ("We have sold 556,388 shares of our common stock under the Sales Agreement for gross proceeds of $1.9 million, "
     "leaving $23,100,000 remaining under the Sales Agreement.", Decimal(23_100_000)),
    ("As of May 1, 2024, we have sold shares for gross proceeds of $1.9 million, and $23.1 million remains available "
     "under the Sales Agreement.", Decimal(23_100_000)),
    # one amount before "remain available": read as before
    ("As of May 1, 2024, we have sold 556,388 shares under the Sales Agreement, and shares having an aggregate offering "
     "price of $23,100,000 remain available for sale under the Sales Agreement.", Decimal(23_100_000)),
])
def test_the_amount_nearest_remaining_is_what_remains(sentence, remaining):
    assert by_type(events(PROGRAM + sentence))["sales_reported"].remaining_amount == remaining


# The proceeds named first, then the sales that brought them: "the $X of gross proceeds we have received for sales".
@pytest.mark.parametrize("sentence, gross", [
    ("We are filing this prospectus supplement to update the maximum aggregate offering amount to $1,813,844, which "
     "amount is in addition to the approximately $2.7 million of gross proceeds we have received for sales of our "
     "common stock pursuant to the Sales Agreement prior to the date of this prospectus supplement.", Decimal(2_700_000)),
    ("This amount excludes the $5.1 million in gross proceeds that we have raised from sales of shares under the Sales "
     "Agreement to date.", Decimal(5_100_000)),
    ("Since June 2022 the Company has not drawn on the program beyond the $830,000 of gross proceeds which the Company "
     "has generated through sales under the Sales Agreement.", Decimal(830_000)),
])
def test_proceeds_named_before_the_sales_that_brought_them(sentence, gross):
    assert by_type(events(PROGRAM + sentence))["sales_reported"].gross_proceeds == gross


@pytest.mark.parametrize("sentence", [
    "We intend to use any gross proceeds we receive from sales of our common stock under the Sales Agreement for "
    "working capital.",
    "The $2.7 million of gross proceeds we will receive from sales under the Sales Agreement, if any, will be used for "
    "working capital.",
])
def test_proceeds_still_to_come_are_no_sales(sentence):
    assert "sales_reported" not in by_type(events(PROGRAM + sentence))


# remaining_only: what "remained unsold" under an earlier agreement named by its date is that agreement's report.
@pytest.mark.parametrize("sentence, remaining", [
    ("As of immediately prior to the filing date of this prospectus supplement, shares of our common stock having an "
     "aggregate offering price of up to $57,328,678 remained unsold under the prior Open Market Sale AgreementSM, dated "
     "July 23, 2021, or the prior sales agreement, that we entered into with Cantor.", Decimal(57_328_678)),
    ("Shares having an aggregate offering price of $12.5 million remain unsold under our Sales Agreement, dated July 23, "
     "2021, with Cantor Fitzgerald & Co.", Decimal(12_500_000)),
])
def test_what_remained_unsold_under_an_earlier_dated_agreement(sentence, remaining):
    sold = by_type(events(PROGRAM + sentence))["sales_reported"]
    assert sold.remaining_amount == remaining
    assert sold.scope == "prior" and sold.agreement_date == date(2021, 7, 23)


def test_what_remains_unsold_under_the_program_itself_is_this_programs():
    sold = by_type(events(PROGRAM + "Shares having an aggregate offering price of $40,000,000 remain unsold under the "
                          "Sales Agreement, dated June 3, 2022."))["sales_reported"]
    assert sold.remaining_amount == Decimal(40_000_000) and sold.scope == "this"


@pytest.mark.parametrize("remaining_line", [
    "Of this amount, as of April 12, 2022, $3,868,212 remains available for issuance under the Sales Agreement.",
    "As of April 12, 2022, $3,868,212 of our common shares remained available for sale under the Sales Agreement.",
    "As of April 12, 2022, approximately $3,868,212 remains available under the Sales Agreement.",
])
def test_what_remains_said_apart_from_the_sales_on_the_same_day(remaining_line):
    # The remainder stands a paragraph before the sales figure; the shared date ties the two.
    body = ("We have entered into an ATM Sales Agreement with Virtu Americas LLC, as sales agent, under which we may offer "
            "and sell up to $3,900,000 of our common shares. " + remaining_line + "\n\n"
            "Through April 12, 2022, we have sold $31,788 of our common shares through Virtu under the Sales Agreement.")
    sold = by_type(events(body))["sales_reported"]
    assert sold.gross_proceeds == Decimal(31_788) and sold.as_of == date(2022, 4, 12)
    assert sold.remaining_amount == Decimal(3_868_212)


def test_a_remainder_of_another_day_is_not_this_report_s():
    body = ("We have entered into an ATM Sales Agreement with Virtu Americas LLC, as sales agent, under which we may offer "
            "and sell up to $3,900,000 of our common shares. As of December 31, 2021, $3,890,000 remained available under "
            "the Sales Agreement.\n\n"
            "Through April 12, 2022, we have sold $31,788 of our common shares through Virtu under the Sales Agreement.")
    assert by_type(events(body))["sales_reported"].remaining_amount is None


_IB6_NOTICE = ("PROSPECTUS SUPPLEMENT\n(To the Prospectus dated June 23, 2015 and\nthe Prospectus Supplement dated August 28, "
               "2015)\n$30,000,000\nCommon Stock\nWe filed the original prospectus supplement to register the offer and sale "
               "of shares of our common stock pursuant to the terms of an at-the-market equity offering sales agreement dated "
               "August 28, 2015 with Cowen and Company, LLC, as our sales agent. {sold} Without giving effect to any offering "
               "limit imposed by General Instruction I.B.6 of Form S-3, we may offer and sell additional shares of our common "
               "stock having an aggregate offering price of up to ${left} from time to time through Cowen.\n")


@pytest.mark.parametrize("clause", [", though none of such sales was made pursuant to General Instruction I.B.6 of Form S-3",
                                    ", but none of these sales were made under General Instruction I.B.6"])
def test_sales_said_not_to_fall_in_a_window_are_the_programs_to_date(clause):
    sold = ("As of the date of this prospectus supplement, we have sold shares of our common stock through Cowen under the "
            "sales agreement having an aggregate offering price of $13,364,810" + clause + ".")
    ev = by_type(parse_filing(_IB6_NOTICE.format(sold=sold, left="16,635,190").encode(), path="passage.md").events)[
        "sales_reported"]
    assert ev.gross_proceeds == Decimal(13_364_810)
    # what was sold and what may still be sold add up to the cover's amount: the cover is the cap, the rest remains
    assert ev.max_amount == Decimal(30_000_000) and ev.remaining_amount == Decimal(16_635_190)


def test_sales_in_the_window_are_no_report_and_figures_that_do_not_add_up_stay_as_stated():
    # near misses: sales counted over the I.B.6 window are no cumulative report; an amount that does not add up with the
    # sales to the cover's is not what remains
    window = ("During the prior 12 calendar months we have sold shares having an aggregate offering price of $1,364,810 "
              "pursuant to General Instruction I.B.6 of Form S-3.")
    evs = parse_filing(_IB6_NOTICE.format(sold=window, left="16,635,190").encode(), path="passage.md").events
    assert "sales_reported" not in types(evs)
    sold = ("As of the date of this prospectus supplement, we have sold shares of our common stock through Cowen under the "
            "sales agreement having an aggregate offering price of $10,000,000.")
    ev = by_type(parse_filing(_IB6_NOTICE.format(sold=sold, left="16,635,190").encode(), path="passage.md").events)[
        "sales_reported"]
    assert ev.remaining_amount is None


NO_CAP = "We are party to a Sales Agreement with B. Riley Securities, Inc., relating to our at-the-market offering program. "
NOTICE_COVER = ("PROSPECTUS SUPPLEMENT NO. 3\n(To Prospectus Supplement dated March 3, 2021 and Prospectus dated January 5, "
                "2021)\nThe date of this prospectus supplement is August 10, 2023.\n")


@pytest.mark.parametrize("sentence, remaining, as_of", [
    ("During the quarter ended June 30, 2023, we sold 512,300 shares of common stock under the program for gross "
     "proceeds of $2.1 million. As of June 30, 2023, $14.2 million remained available for sale under the program.",
     Decimal("14200000"), date(2023, 6, 30)),
    ("As of June 30, 2023, $14,200,000 remains available for sale under the Sales Agreement.",
     Decimal("14200000"), date(2023, 6, 30)),
])
def test_a_dated_remainder_reports_sales_where_the_text_states_no_cap(sentence, remaining, as_of):
    # a periodic notice that names no cap: what is left "as of" a date is after sales, not the amount offered
    evs = events(NO_CAP + sentence, cover=NOTICE_COVER)
    assert types(evs) == ["sales_reported"]
    assert evs[0].remaining_amount == remaining and evs[0].as_of == as_of


def test_an_undated_remainder_with_no_cap_is_no_report():
    # near miss: with no cap and no date, "$X remains available" may be the amount this supplement offers
    evs = events(NO_CAP + "Shares having an aggregate offering price of $14,200,000 remain available for sale under the "
                 "Sales Agreement.", cover=NOTICE_COVER)
    assert "sales_reported" not in types(evs)


def test_an_amount_the_page_stops_in_is_no_figure():
    # the page copy stops in "$1" of "$15.9 million": gross proceeds stand, net proceeds are not stated
    doc = ("PROSPECTUS SUPPLEMENT NO. 3\n(To Prospectus Supplement dated November 10, 2022)\nThe date of this supplement is "
           "August 4, 2023.\nWe are party to an equity distribution agreement with Raymond James & Associates, Inc. "
           "relating to our at-the-market program. From November 10, 2022 to June 30, 2023, we sold a total of 797,572 "
           "shares of our common stock under the ATM Program for gross proceeds of approximately $16.2 million and net "
           "proceeds of approximately $1")
    ev = by_type(parse_filing(doc.encode(), path="cut.md").events)["sales_reported"]
    assert ev.gross_proceeds == Decimal(16_200_000) and ev.net_proceeds is None
    # near miss: the whole sentence gives both
    ev = by_type(parse_filing((doc + "5.9 million.").encode(), path="whole.md").events)["sales_reported"]
    assert ev.net_proceeds == Decimal(15_900_000)


@pytest.mark.parametrize("sentence, remaining", [
    ("As of its termination, shares of Common Stock having an aggregate offering price of approximately $440.15 million "
     "were not sold under the Prior Distribution Agreement.", Decimal("440150000")),
    ("Upon termination, shares having an aggregate offering price of $3,200,000 had not been sold pursuant to the prior "
     "equity distribution agreement.", Decimal("3200000")),
])
def test_what_an_ended_agreement_left_unsold_is_its_remainder(sentence, remaining):
    body = ("We have entered into an equity distribution agreement, dated as of January 21, 2025, with Jefferies LLC, "
            "relating to shares of our common stock having an aggregate offering price of up to $750,000,000. In "
            "connection with the entry into the new agreement, our prior equity distribution agreement, dated as of "
            "August 29, 2024, was terminated. ")
    evs = events(body + sentence)
    sales = by_type(evs)["sales_reported"]
    assert sales.remaining_amount == remaining and sales.scope == "prior"


def test_shares_not_sold_by_a_condition_are_no_remainder():
    # near miss: what happens to shares if they are not sold is no report of what is left
    body = ("We have entered into an equity distribution agreement, dated as of January 21, 2025, with Jefferies LLC, "
            "relating to shares of our common stock having an aggregate offering price of up to $750,000,000. ")
    evs = events(body + "If shares having an aggregate offering price of $50,000,000 were not sold under the "
                 "Distribution Agreement, we would not receive those proceeds.")
    assert "sales_reported" not in types(evs)


# sales.GROSS_SOLD_RE: "$X of securities" sold under the program's agreement (not under General Instruction I.B.6).
SECURITIES_COVER = ("PROSPECTUS SUPPLEMENT\n(To Prospectus Supplement dated July 11, 2024)\nExample, Inc.\nUp to $874,496 of "
                    "Common Stock\nThis prospectus supplement amends certain information contained in the prospectus "
                    "supplement dated July 11, 2024, relating to the offer and sale of our common stock through H.C. Wainwright "
                    "& Co., LLC (\"Wainwright\"), as sales agent, in \"at the market offerings\", pursuant to the At the Market "
                    "Offering Agreement with Wainwright dated as of May 31, 2024 (the \"Sales Agreement\").\n")


@pytest.mark.parametrize("sold", [
    "We have sold $1,840,337 of securities pursuant to the Sales Agreement.",
    "To date, we have sold $1,840,337 of our securities under the Sales Agreement.",
    "As of the date of this prospectus supplement, we have sold $1,840,337 of securities through the ATM program.",
])
def test_dollars_of_securities_sold_under_the_agreement_are_a_sales_report(sold):
    ev = by_type(parse_filing((SECURITIES_COVER + sold).encode("utf-8"), path="sold.md").events)["sales_reported"]
    assert ev.gross_proceeds == Decimal(1_840_337)


def test_dollars_of_securities_sold_under_general_instruction_ib6_are_the_shelfs():
    # near miss (sskn 2021): the baby-shelf count, not the program's sales
    text = SECURITIES_COVER + "We have sold $1,840,337 of securities pursuant to General Instruction I.B.6 of Form S-3 during the prior 12 calendar month period."
    assert "sales_reported" not in by_type(parse_filing(text.encode("utf-8"), path="sold.md").events)

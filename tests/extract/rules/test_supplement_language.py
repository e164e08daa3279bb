"""Ways supplements state amounts and sales that parser 2.93.2 missed, each written fresh in several wordings (none
copied from a corpus document): a sales report in a paragraph of its own that names the program only as "the
prospectus supplement dated ..."; amounts written "US$" or "U.S.$" (many sentence patterns wanted a bare "$"); and the
agent's expense reimbursement "up to $30,000 ... relating to the Sales Agreement", which was taken for the cap. Later
sections come from b74-b76 development documents, and from a sweep of endings and amendments written fresh after b76 was
scored (parser 2.96.0 read no event in a notice that says "Our Sales Agreement ..., dated X, expired on Y" or "was
terminated on Y", "which we amended on X" as no amendment, and "we have suspended and terminated the offering under the
prospectus supplement ... The Sales Agreement remains in full force and effect" as a termination)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from edgar_atm.extract.amounts import parse_money

from .doc import document_events as events, only_event as one


def amount(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


PROGRAM = ("We have entered into an amendment to our equity distribution agreement (as amended, the \"Sales Agreement\") with "
           "Maxim Group LLC (\"Maxim\"). Under this prospectus supplement we may offer and sell our ordinary shares having an "
           "aggregate offering price of up to $18,500,000 through Maxim, acting as our exclusive sales agent.\n\n")


@pytest.mark.parametrize("report", [
    "Through September 24, 2020, we have offered and sold shares having an aggregate offering price of $3,617,219 pursuant "
    "to the prospectus supplement dated August 20, 2020.",
    "As of September 24, 2020, we had sold shares for gross proceeds of $3,617,219 under the prospectus supplement filed "
    "with the SEC on August 20, 2020.",
    "Of those shares, through September 24, 2020, we have sold shares having an aggregate offering price of $3,617,219 "
    "under an earlier prospectus supplement.",
])
def test_a_report_in_its_own_paragraph_names_the_program_by_its_earlier_supplement(report):
    event = one(PROGRAM + report + "\n", "sales_reported")
    assert (amount(event["gross_proceeds"]), event["as_of"]) == (Decimal("3617219"), "2020-09-24")


@pytest.mark.parametrize("report", [
    "In March 2020, we sold 2,000,000 shares in an underwritten public offering pursuant to the prospectus supplement "
    "dated March 3, 2020.",
    "We may sell shares having an aggregate offering price of $3,617,219 pursuant to the prospectus supplement dated "
    "August 20, 2020.",
])
def test_another_offering_or_a_future_sale_under_a_dated_supplement_is_no_report(report):
    assert [e["type"] for e in events(PROGRAM + report + "\n")] == ["program_amended"]


@pytest.mark.parametrize("dollar", ["US$", "U.S.$", "U.S. $"])
def test_amounts_in_us_dollars_read_as_dollars(dollar):
    text = ("We have entered into an equity distribution agreement with Maxim Group LLC (\"Maxim\"). Under this prospectus "
            f"supplement we may offer and sell ordinary shares having an aggregate offering price of up to {dollar}99,500,000 "
            "through Maxim, acting as our exclusive sales agent.\n\n"
            f"As of the date of this prospectus supplement, we have sold ordinary shares for aggregate gross proceeds of "
            f"approximately {dollar}3.6 million under the equity distribution agreement, and {dollar}95,900,000 remains "
            "available for sale.\n")
    assert amount(one(text, "program_established")["max_amount"]) == Decimal("99500000")
    sales = one(text, "sales_reported")
    assert (amount(sales["gross_proceeds"]), amount(sales["remaining_amount"])) == (Decimal("3600000"), Decimal("95900000"))


CAPPED = ("We have entered into an equity distribution agreement (the \"Sales Agreement\") with Maxim Group LLC (\"Maxim\"). "
          "Under the Sales Agreement we may offer and sell ordinary shares having an aggregate offering price of up to "
          "$25,000,000 through Maxim. ")


@pytest.mark.parametrize("expenses", [
    "We also have agreed to reimburse Maxim up to $50,000 for its costs and expenses relating to the Sales Agreement, "
    "including legal expenses.",
    "Under the Sales Agreement we have agreed to pay up to $75,000 of the reasonable fees and expenses of Maxim's counsel.",
    "We will reimburse Maxim for the fees and disbursements of its counsel in connection with the Sales Agreement in an "
    "amount up to $60,000.",
])
def test_an_expense_reimbursement_is_never_the_cap(expenses):
    assert amount(one(CAPPED + expenses + "\n", "program_established")["max_amount"]) == Decimal("25000000")
    uncapped = ("We have entered into an equity distribution agreement (the \"Sales Agreement\") with Maxim Group LLC "
                "(\"Maxim\") for the sale of our ordinary shares from time to time. ")
    assert one(uncapped + expenses + "\n", "program_established")["max_amount"] is None


LADENBURG = ("We have entered into an At Market Issuance Sales Agreement, or the sales agreement, with Ladenburg Thalmann & "
             "Co. Inc., or Ladenburg, relating to shares of our common stock offered by this prospectus supplement. ")


@pytest.mark.parametrize("report", [
    "As of August 12, 2022, we have sold approximately $7,000,000 through Ladenburg acting as sales agent.",
    "As of August 12, 2022, we had sold $7,000,000 through Ladenburg under the sales agreement.",
    "Through August 12, 2022, we have sold approximately $7.0 million to or through Ladenburg.",
])
def test_a_dollar_amount_sold_through_the_agent_is_a_report(report):
    event = one(LADENBURG + report + "\n", "sales_reported")
    assert (amount(event["gross_proceeds"]), event["as_of"]) == (Decimal("7000000"), "2022-08-12")


def test_an_underwritten_sale_through_a_bank_is_no_report():
    text = LADENBURG + ("In March 2021, we sold $50,000,000 of common stock through an underwritten public offering "
                        "with J.P. Morgan Securities LLC as underwriter.\n")
    assert [e["type"] for e in events(text)] == ["program_established"]


@pytest.mark.parametrize("limit", [
    "subject to certain limitations as described below under General Instruction I.B.6 of Form S-3",
    "subject to the application of General Instruction I.B.6",
    "subject to the limitations of General Instruction I.B.6 of Form S-3",
])
def test_the_cap_the_ib6_limit_cuts_is_the_agreements(limit):
    text = (LADENBURG + "In accordance with the terms of the sales agreement, we may offer and sell shares of our common stock "
            f"having an aggregate offering price of up to $25,000,000 from time to time through Ladenburg acting as sales agent, "
            f"{limit}. Under this prospectus supplement we are offering up to $2,700,000 of our common stock.\n")
    event = one(text, "program_established")
    assert (amount(event["max_amount"]), amount(event["offered_amount"])) == (Decimal("25000000"), Decimal("2700000"))


def test_what_the_ib6_limit_allows_now_stays_the_slice():
    text = ("Up to $25,000,000\nCommon Stock\n" + LADENBURG + "Pursuant to General Instruction I.B.6 of Form S-3, we are "
            "currently eligible to sell, and may offer and sell, up to $4,100,000 of our common stock through Ladenburg.\n")
    event = one(text, "program_established")
    assert (amount(event["max_amount"]), amount(event["offered_amount"])) == (Decimal("25000000"), Decimal("4100000"))


@pytest.mark.parametrize("opening", [
    "This Prospectus Supplement No. 3 (this \"prospectus supplement\"), amends and supplements our at-the-market offering "
    "prospectus dated September 28, 2023.",
    "This prospectus supplement amends and supplements the at-the-market prospectus dated September 28, 2023.",
    "This supplement supplements our ATM prospectus dated September 28, 2023.",
])
def test_a_supplement_that_amends_the_programs_own_prospectus_is_an_amendment(opening):
    text = ("Prospectus Supplement No. 3, Dated August 3, 2025\nUp to $14,737,609\nCommon Stock\n" + opening + " We "
            "previously entered into an Equity Distribution Agreement, dated September 18, 2023, with Maxim Group LLC, "
            "pursuant to which we may offer and sell up to $15,000,000 of shares of our common stock.\n")
    assert [e["type"] for e in events(text)] == ["program_amended"]


def test_a_supplement_to_the_base_prospectus_is_no_amendment():
    text = ("Up to $15,000,000\nCommon Stock\nThis prospectus supplement supplements the prospectus dated September 28, 2023. "
            "We have entered into an Equity Distribution Agreement, dated August 1, 2025, with Maxim Group LLC, pursuant to "
            "which we may offer and sell up to $15,000,000 of shares of our common stock.\n")
    assert [e["type"] for e in events(text)] == ["program_established"]


IB6_NOTICE = ("PROSPECTUS SUPPLEMENT\n(To the Prospectus dated June 23, 2015 and the Prospectus Supplement dated August 28, 2015)\n"
              "$30,000,000\nCommon Stock\nThis prospectus supplement amends and supplements the information in our prospectus "
              "dated June 23, 2015 and our original prospectus supplement dated August 28, 2015. We filed the original "
              "prospectus supplement to register the offer and sale of shares of our common stock from time to time pursuant "
              "to the terms of an at-the-market equity offering sales agreement dated August 28, 2015 that we entered into "
              "with Cowen and Company, LLC, or Cowen, as our sales agent. As of the date of this prospectus supplement, we have "
              "sold shares of our common stock through Cowen under the sales agreement having an aggregate offering price of "
              "$13,364,810. ")


@pytest.mark.parametrize("limit", [
    "Without giving effect to any offering limit imposed by General Instruction I.B.6 of Form S-3, we may offer and sell "
    "additional shares having an aggregate offering price of up to $16,635,190.",
    "We are now subject to General Instruction I.B.6 of Form S-3, and the amount we may sell is limited accordingly.",
])
def test_a_notice_that_reports_sales_and_updates_the_ib6_limit_is_an_amendment(limit):
    assert sorted(e["type"] for e in events(IB6_NOTICE + limit + "\n")) == ["program_amended", "sales_reported"]


def test_a_notice_that_only_reports_sales_stays_a_sales_report():
    assert [e["type"] for e in events(IB6_NOTICE + "\n")] == ["sales_reported"]


ENDING_NOTICE = ("Filed Pursuant to Rule 424(b)(5)\nSupplement dated June 5, 2025 to Prospectus Supplement dated June 1, "
                 "2023\nAcme Corp.\n")


@pytest.mark.parametrize("sentence", [
    "Our Sales Agreement with Roth Capital Partners, LLC, dated June 1, 2023, expired by its terms on June 1, 2025, and no "
    "further sales may be made under it.",
    "Our Sales Agreement with Roth Capital Partners, LLC, dated June 1, 2023, expired on June 1, 2025.",
    "Our Sales Agreement with Roth Capital Partners, LLC, dated June 1, 2023, terminated by its terms on June 1, 2025.",
    "Our Sales Agreement with Roth Capital Partners, LLC, dated June 1, 2023, was terminated on June 1, 2025.",
    "On June 1, 2025, our Sales Agreement with Roth Capital Partners, LLC, dated June 1, 2023, expired in accordance with "
    "its terms.",
])
def test_a_notice_that_says_the_agreement_ended_is_its_termination(sentence):
    for head in (ENDING_NOTICE, ""):
        found = events(head + sentence + "\n")
        assert [e["type"] for e in found] == ["terminated"], found
        assert (found[0]["agreement_date"], found[0]["effective_date"]) == ("2023-06-01", "2025-06-01")


@pytest.mark.parametrize("sentence", [
    "Our Sales Agreement with Roth Capital Partners, LLC, dated June 1, 2023, will expire on June 1, 2026 unless "
    "terminated earlier.",
    "Our Sales Agreement with Roth Capital Partners, LLC, dated June 1, 2023, may be terminated by either party at any time.",
])
def test_an_agreements_term_or_right_to_end_is_no_event(sentence):
    assert events(ENDING_NOTICE + sentence + "\n") == []


def test_an_agreement_that_expires_later_stays_the_program():
    text = ("Up to $50,000,000\nCommon Stock\nWe have entered into a sales agreement with Roth Capital Partners, LLC, dated "
            "June 1, 2023, under which we may offer and sell up to $50,000,000 of our common stock through Roth as our sales "
            "agent. The sales agreement, unless terminated earlier, expires on June 1, 2026.\n")
    assert [e["type"] for e in events(text)] == ["program_established"]


@pytest.mark.parametrize("amended", ["which we amended on March 3, 2025", "as amended on March 3, 2025",
                                     "which we subsequently amended on March 3, 2025"])
def test_an_agreement_amended_days_before_the_supplement(amended):
    text = ("PROSPECTUS SUPPLEMENT (To Prospectus dated May 1, 2024)\nThe date of this prospectus supplement is March 5, 2025.\n"
            f"We entered into a Sales Agreement with Roth Capital Partners, LLC (\"Roth\") on June 1, 2023, {amended} to "
            "reduce the commission payable to Roth from 3.0% to 2.5% of gross proceeds.\n")
    event = one(text, "program_amended")
    assert (event["agreement_date"], event["amendment_date"]) == ("2023-06-01", "2025-03-03")


@pytest.mark.parametrize("sentences", [
    "Effective June 5, 2025, we have suspended and terminated the offering of our common stock under the prospectus "
    "supplement dated June 1, 2023 relating to our Sales Agreement with Roth Capital Partners, LLC. The Sales Agreement "
    "remains in full force and effect.",
    "Effective June 5, 2025, we have terminated the ATM prospectus relating to our Sales Agreement with Roth Capital "
    "Partners, LLC. The Sales Agreement remains in effect, and we may file a new prospectus supplement in the future.",
])
def test_ending_the_offering_while_the_agreement_stays_is_a_suspension(sentences):
    found = events(ENDING_NOTICE + sentences + "\n")
    assert [(e["type"], e["effective_date"]) for e in found] == [("suspended", "2025-06-05")]


def test_ending_the_agreement_and_its_offering_is_a_termination():
    text = ENDING_NOTICE + ("Effective June 5, 2025, we terminated our Sales Agreement with Roth Capital Partners, LLC and "
                            "the offering under the prospectus supplement dated June 1, 2023.\n")
    assert [(e["type"], e["effective_date"]) for e in events(text)] == [("terminated", "2025-06-05")]


ROTH = "We are party to an at-the-market sales agreement with Roth Capital Partners, LLC (\"Roth\"). "


@pytest.mark.parametrize("report, shares", [
    ("As of May 1, 2024, Roth had sold on our behalf 1,250,000 shares of common stock for gross proceeds of $4.3 million.",
     1250000),
    ("As of May 1, 2024, we had sold shares of common stock with an aggregate value of $4.3 million under the sales "
     "agreement.", None),
])
def test_sales_sold_on_our_behalf_or_by_aggregate_value(report, shares):
    event = one(ROTH + report + "\n", "sales_reported")
    assert (event["shares_sold"], amount(event["gross_proceeds"]), event["as_of"]) == (shares, Decimal("4300000"), "2024-05-01")


def test_the_public_floats_market_value_is_no_sales_figure():
    text = ROTH + ("As of May 1, 2024, we had sold 1,250,000 shares under the sales agreement, and the aggregate market value "
                   "of our common stock held by non-affiliates was $40.0 million.\n")
    event = one(text, "sales_reported")
    assert (event["shares_sold"], event["gross_proceeds"]) == (1250000, None)


# Sales reports swept fresh at the start of the seventh session of 2026-12-07, before b77 was scored (no corpus
# document changes): parser 2.97.2 read none of these.
SWEEP_COVER = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n(To Prospectus dated May 3, 2022)\nAcme Therapeutics, "
               "Inc.\nCommon Stock\n\nWe previously entered into a Controlled Equity Offering Sales Agreement with Cantor "
               "Fitzgerald & Co., dated May 10, 2022. ")


@pytest.mark.parametrize("report, sold, gross", [
    ("As of the date of this prospectus supplement, sales of 2,000,000 shares of common stock with an aggregate offering "
     "price of approximately $6.0 million have been made under the Sales Agreement.", 2000000, "6000000"),
    ("As of the date of this prospectus supplement, we have effected sales of 2,000,000 shares of common stock under the "
     "Sales Agreement for aggregate gross proceeds of approximately $6.0 million.", 2000000, "6000000"),
    ("As of the date of this prospectus supplement, we have completed sales of 2,000,000 shares of common stock under the "
     "Sales Agreement for aggregate gross proceeds of approximately $6.0 million.", 2000000, "6000000"),
    ("Through June 30, 2024, we had made sales of 450,000 shares under the Sales Agreement for gross proceeds of $1.1 "
     "million.", 450000, "1100000"),
    ("As of the date of this prospectus supplement, approximately $6.0 million of shares have been issued under the "
     "Sales Agreement.", None, "6000000"),
])
def test_sales_made_effected_or_issued_are_a_report(report, sold, gross):
    event = one(SWEEP_COVER + report + "\n", "sales_reported")
    assert (event["shares_sold"], amount(event["gross_proceeds"])) == (sold, Decimal(gross))


@pytest.mark.parametrize("cap", [
    "As a result of the limitations of General Instruction I.B.6 of Form S-3, we are reducing the amount of shares of "
    "common stock we may offer and sell under the Sales Agreement to $8,250,000, which is in addition to the $3,100,000 of "
    "shares sold under the Sales Agreement prior to the date hereof.",
    "We may offer and sell shares having an aggregate offering price of up to $8,250,000 under this prospectus "
    "supplement, which is in addition to the 1,200,000 shares of common stock, for gross proceeds of $3,100,000, that we "
    "sold under the Sales Agreement prior to the date of this prospectus supplement.",
])
def test_sales_a_cap_is_in_addition_to_are_a_report(cap):
    assert amount(one(SWEEP_COVER + cap + "\n", "sales_reported")["gross_proceeds"]) == Decimal("3100000")


@pytest.mark.parametrize("other", [
    "We may offer and sell up to $8,250,000 of common stock under this prospectus supplement, which is in addition to the "
    "$3,100,000 of shares that may be sold under the Sales Agreement pursuant to our other registration statement.",
    "We may offer and sell up to $8,250,000 of common stock under this prospectus supplement, which is in addition to the "
    "$5,000,000 of securities sold pursuant to General Instruction I.B.6 of Form S-3 during the prior 12 calendar months.",
    "Shares of common stock sold under the Sales Agreement will be settled on the first trading day after the sale, in "
    "addition to any other terms agreed.",
    "Sales of shares of common stock under the Sales Agreement will be made by any method deemed an at the market "
    "offering, with an aggregate offering price of up to $8.25 million.",
])
def test_a_future_sale_or_the_shelf_window_beside_in_addition_is_no_report(other):
    assert "sales_reported" not in [e["type"] for e in events(SWEEP_COVER + other + "\n")]


# Amendments swept fresh at the same time (no corpus document changes): parser 2.98.0 lost the new total of a change
# "from $X to $Y" when the agreement's firm ("& Co.") stood between the verb and the figures, and read "X was removed
# as a sales agent and Y was added" as two agents added.
SWEEP_NOTICE = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n(To Prospectus dated June 1, 2023)\nOmega Devices, "
                "Inc.\nCommon Stock\n\n")


@pytest.mark.parametrize("change, cap", [
    ("This Supplement is being filed to increase the amount of shares of our common stock that we may offer and sell under "
     "the Sales Agreement, dated June 15, 2023, with Cantor Fitzgerald & Co. from $25,000,000 to $45,000,000.", "45000000"),
    ("We are raising the maximum aggregate offering price of shares that may be sold under our Equity Distribution "
     "Agreement with Piper Sandler & Co. from $40.0 million to $90.0 million.", "90000000"),
    ("Effective upon the filing of this prospectus supplement, we are reducing the maximum aggregate offering amount of "
     "shares of common stock that may be sold pursuant to the At The Market Offering Agreement, dated June 15, 2023, with "
     "H.C. Wainwright & Co., LLC from $50,000,000 to $9,400,000.", "9400000"),
])
def test_a_change_from_one_amount_to_another_past_a_firms_abbreviation_sets_the_new_amount(change, cap):
    event = one(SWEEP_NOTICE + change + "\n", "program_amended")
    assert amount(event["max_amount"]) == Decimal(cap)


SWAP = ("On May 1, 2024, we entered into an amendment (the \"Amendment\") to our Sales Agreement, dated June 15, 2023 (as "
        "amended by the Amendment, the \"Sales Agreement\"), with Cantor Fitzgerald & Co. (\"Cantor\") and B. Riley Securities, "
        "Inc. (\"B. Riley\"), {swap}. We may offer and sell shares of our common stock having an aggregate offering price of up to "
        "$60,000,000 through the agents.")


@pytest.mark.parametrize("swap", [
    "pursuant to which B. Riley was removed as a sales agent and Needham & Company, LLC (\"Needham\") was added as a sales agent",
    "pursuant to which Needham & Company, LLC (\"Needham\") was added as a sales agent and B. Riley was removed as a sales agent",
    "to add Needham & Company, LLC (\"Needham\") as a sales agent and to remove B. Riley as a sales agent",
])
def test_an_agent_removed_and_another_added_in_one_sentence(swap):
    event = one(SWEEP_NOTICE + SWAP.format(swap=swap) + "\n", "program_amended")
    assert (event["agents_added"], event["agents_removed"]) == (["Needham & Company, LLC"], ["B. Riley Securities, Inc."])
    assert sorted(event["agents"]) == ["Cantor Fitzgerald & Co.", "Needham & Company, LLC"]


def test_an_agent_removed_in_the_passive_alone():
    event = one(SWEEP_NOTICE + SWAP.format(swap="pursuant to which B. Riley has been removed as an agent") + "\n",
                "program_amended")
    assert (event["agents_added"], event["agents_removed"], event["agents"]) == (
        [], ["B. Riley Securities, Inc."], ["Cantor Fitzgerald & Co."])


# From b77's development documents (ints 2025-12, imnm 2024-05), each written in new words.
@pytest.mark.parametrize("filing", [
    "We are filing this prospectus supplement to supplement and amend, as of December 4, 2025, the sales agreement "
    "prospectus dated July 11, 2024 and the base prospectus dated July 11, 2024 to increase the maximum aggregate gross sales "
    "price of our common stock that may be sold under the Offering Agreement to $30,000,000.",
    "We are filing this prospectus supplement to amend and supplement the information in our prospectus supplement dated "
    "March 3, 2023, filed with the SEC on March 3, 2023, and the accompanying base prospectus dated February 27, 2023, to "
    "increase the maximum aggregate offering price of shares that we may sell under the Offering Agreement to $30,000,000.",
    "The Company is filing this prospectus supplement, which amends and supplements the prospectus supplement dated March 3, "
    "2023 and the base prospectus dated February 27, 2023 (together, the \"ATM Prospectus\"), to raise the maximum aggregate "
    "offering amount of shares that may be sold under the Offering Agreement to $30,000,000.",
])
def test_a_notice_filed_to_raise_the_cap_after_a_long_object_is_an_amendment(filing):
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT No. 4\nIntegra Oncology, Inc.\nUp to $30,000,000\nCommon Stock\n\n"
            "We have previously entered into an at the market offering agreement (the \"Offering Agreement\") with H.C. "
            "Wainwright & Co., LLC (\"Wainwright\") relating to shares of our common stock offered by this prospectus "
            "supplement. " + filing + "\n")
    assert [e["type"] for e in events(text)] == ["program_amended"]
    assert amount(one(text, "program_amended")["max_amount"]) == Decimal("30000000")


@pytest.mark.parametrize("defined, written", [
    ("a sales agreement, dated May 14, 2024, or the ATM Agreement,", "sales agreement"),
    ("an at-the-market sales agreement, dated May 14, 2024, or the ATM Agreement,", "at-the-market sales agreement"),
    ("an equity distribution agreement, dated May 14, 2024, or the Distribution Agreement,", "equity distribution agreement"),
    ("an Open Market Sale Agreement, dated May 14, 2024, or the Sales Agreement,", "Open Market Sale Agreement"),
])
def test_an_unquoted_defined_term_after_or_the_is_no_agreement_name(defined, written):
    text = (f"PROSPECTUS SUPPLEMENT\nUp to $200,000,000\nCommon Stock\n\nWe have entered into {defined} with TD Securities "
            "(USA) LLC, or TD Cowen, relating to shares of our common stock offered by this prospectus supplement. In "
            "accordance with the terms of the agreement, we may offer and sell shares of our common stock having an aggregate "
            "offering price of up to $200,000,000 from time to time through TD Cowen, acting as our sales agent.\n")
    assert one(text, "program_established")["agreement_type"].lower() == written.lower()


# From b78's development documents (octo 2024-09, cmo 1996-1998, lei 2010), each written in new words.
AMENDED_UNIVEST = ("Amendment No. 1\nFiled pursuant to Rule 424(b)(5)\n(to Prospectus Supplement dated April 25, 2024)\nUp to "
                   "$5,046,000\nNorthwind Holdings Inc.\nCommon Stock\n\nThis Amendment amends our prospectus supplement dated "
                   "April 25, 2024. We are party to an At-The-Market Issuance Sales Agreement with Univest Securities, LLC "
                   "(\"Univest\") relating to shares of our common stock. On September 25, 2024, we entered into Amendment No. 1 "
                   "to the sales agreement to increase the amount of shares we may sell under it. As of September 25, 2024, we "
                   "have sold $3,995,791 of common stock pursuant to the prospectus supplement. {left}\n")


@pytest.mark.parametrize("left", [
    "Accordingly, from time to time we may offer and sell shares of our common stock up to an additional approximately "
    "$1,050,000 through Univest under the amended sales agreement.",
    "As a result, we may offer and sell shares of our common stock up to an additional approximately $1,050,000 through "
    "Univest.",
])
def test_what_is_left_after_the_sales_and_the_cover_that_adds_them_up(left):
    text = AMENDED_UNIVEST.format(left=left)
    sales = one(text, "sales_reported")
    assert (amount(sales["gross_proceeds"]), amount(sales["remaining_amount"])) == (Decimal("3995791"), Decimal("1050000"))
    # $3,995,791 sold and about $1,050,000 left: the cover's "Up to $5,046,000" is the amended program's cap.
    amended = one(text, "program_amended")
    assert (amount(amended["max_amount"]), amended["offered_amount"]) == (Decimal("5046000"), None)


PRICING_PERIOD = ("Filed Pursuant to Rule 424(b)(5) PROSPECTUS SUPPLEMENT (TO PROSPECTUS DATED MARCH 2, 1999) {cover} SHARES OF "
                  "COMMON STOCK (PAR VALUE $0.01) ---------------- Pursuant to a Sales Agency Agreement dated as of March 2, 1999"
                  "{history} between Harborline Realty Corporation (the \"Company\") and PaineWebber Incorporated (\"PaineWebber\"), "
                  "the Company has sold, through PaineWebber, as agent of the Company, 52,300 shares of the Company's common "
                  "stock, par value $.01 per share, in ordinary brokers' transactions on the New York Stock Exchange.\n")


@pytest.mark.parametrize("cover", ["52,300 SHARES", "HARBORLINE REALTY CORPORATION 52,300 SHARES"])
@pytest.mark.parametrize("history", ["", " (as amended by Amendment No. 1 thereto dated as of January 4, 2000)"])
def test_a_pricing_period_report_on_a_flattened_cover_is_a_sales_report_only(cover, history):
    text = PRICING_PERIOD.format(cover=cover, history=history)
    assert [e["type"] for e in events(text)] == ["sales_reported"]
    event = one(text, "sales_reported")
    assert (event["shares_sold"], event["agents"]) == (52300, ["PaineWebber Incorporated"])


def test_a_cover_count_other_than_the_shares_sold_is_no_pricing_period_report():
    text = PRICING_PERIOD.format(cover="2,000,000 SHARES", history="")
    assert "sales_reported" in [e["type"] for e in events(text)]
    assert [e["type"] for e in events(text)] != ["sales_reported"]


TWO_CLASSES = ("PROSPECTUS SUPPLEMENT\n(TO PROSPECTUS DATED MARCH 2, 1999)\nHARBORLINE REALTY CORPORATION\n52,300 SHARES\nSHARES OF "
               "COMMON STOCK\n{pref} SHARES\nSHARES OF 7.25% SERIES A CUMULATIVE PREFERRED STOCK\n\nPursuant to a Sales Agency "
               "Agreement dated as of March 2, 1999 (the \"Common Stock Sales Agency Agreement\") between Harborline Realty "
               "Corporation (the \"Company\") and PaineWebber Incorporated (\"PaineWebber\"), the Company has sold, through "
               "PaineWebber, as agent of the Company, 52,300 shares of the Company's common stock. {second}\n")


@pytest.mark.parametrize("second, sold, dated", [
    ("Pursuant to a Sales Agency Agreement dated as of June 1, 1999 (the \"Preferred Stock Sales Agency Agreement\") between "
     "the Company and PaineWebber, the Company has sold through PaineWebber, as agent of the Company, 9,100 shares of the "
     "Company's 7.25% Series A Cumulative Preferred Stock.", 9100, "1999-06-01"),
    ("Under a separate Sales Agency Agreement dated as of June 1, 1999 with PaineWebber, the Company has sold 0 shares of its "
     "7.25% Series A Cumulative Preferred Stock.", 0, "1999-06-01"),
])
def test_another_classes_sales_under_its_own_agreement_are_a_report_of_their_own(second, sold, dated):
    text = TWO_CLASSES.format(pref=f"{sold:,}", second=second)
    reports = [e for e in events(text) if e["type"] == "sales_reported"]
    assert [(e["shares_sold"], e["agreement_date"]) for e in reports] == [(52300, "1999-03-02"), (sold, dated)]
    assert "Series A" in reports[1]["security"] and reports[0]["security"] == "common stock"


@pytest.mark.parametrize("second", [
    "Pursuant to the Common Stock Sales Agency Agreement, the Company has also sold 1,200 shares of its common stock in "
    "block trades.",
    "The Company's 7.25% Series A Cumulative Preferred Stock is listed on the New York Stock Exchange; no sales agency "
    "agreement covers it.",
])
def test_more_of_the_same_class_or_a_class_with_no_sales_is_no_second_report(second):
    text = TWO_CLASSES.format(pref="0", second=second)
    assert [e["type"] for e in events(text)].count("sales_reported") == 1


def test_an_agent_of_the_2010s_small_cap_programs():
    text = ("Prospectus supplement\nUp to 4,000,000 Common Shares\nThis prospectus supplement relates to the issuance and sale of "
            "up to 4,000,000 shares of common stock of Gulfway Energy, Inc. from time to time through our sales agent, WR "
            "Hambrecht + Co. These sales, if any, will be made pursuant to the terms of a sales agreement between us and WR "
            "Hambrecht + Co, at the market.\n")
    assert one(text, "program_established")["agents"] == ["WR Hambrecht + Co, LLC"]


# From b79's development documents (mgt 2014-04, ava 2010-08, rox 2013-11, vlnc 2009-07), each written in new words.
@pytest.mark.parametrize("notice", [
    "This Amendment to the Prospectus Supplement dated May 2, 2013 reflects the amendment dated March 27, 2014 of the Sales "
    "Agreement dated December 30, 2013 between Quarry Point Holdings, Inc. and Ascendiant, which removes the minimum price at "
    "which Ascendiant may sell shares of our common stock.",
    "This amendment to our prospectus supplement dated May 2, 2013 describes the amendment, dated March 27, 2014, to the "
    "Sales Agreement dated December 30, 2013 between us and Ascendiant Capital Markets, LLC, which lowers the commission "
    "Ascendiant receives.",
])
def test_an_amendment_to_the_prospectus_supplement_that_names_the_agreements_amendment(notice):
    text = ("Filed pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\nTo Prospectus dated May 1, 2013\n$8,500,000\nQuarry Point "
            "Holdings, Inc.\nCommon Stock\n\n" + notice + "\n")
    event = one(text, "program_amended")
    assert (event["agreement_date"], event["amendment_date"], event["agents"]) == (
        "2013-12-30", "2014-03-27", ["Ascendiant Capital Markets, LLC"])


def test_an_amendment_to_an_underwritten_offerings_supplement_is_no_program():
    text = ("Filed pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n$8,500,000\nQuarry Point Holdings, Inc.\nCommon Stock\n\n"
            "This Amendment to the Prospectus Supplement dated May 2, 2013 corrects the number of shares the underwriters may "
            "purchase under the underwriting agreement dated May 2, 2013.\n")
    assert events(text) == []


SHARE_CAP_NOTICE = ("Filed pursuant to Rule 424(b)(3)\nADDENDUM TO PROSPECTUS SUPPLEMENT dated December 16, 2009\n3,087,500 Shares\n"
                    "Larchmont Utilities Corporation\nCommon Stock\nThis is an addendum to the accompanying prospectus supplement "
                    "relating to the offer and sale of shares of our common stock from time to time through BNY Mellon Capital "
                    "Markets, LLC, as our agent under a sales agency agreement. {change} As a result, all references to 1,250,000 "
                    "in the prospectus supplement are replaced with 3,087,500.\n")


@pytest.mark.parametrize("change", [
    "On August 25, 2010, we and BNY Mellon Capital Markets, LLC entered into an amendment to the sales agency agreement to "
    "increase the number of shares that can be offered and sold pursuant to that agreement from 1,250,000 to 3,087,500.",
    "On August 25, 2010, we amended the sales agency agreement, which raised the maximum number of shares of common stock "
    "issuable under it from 1,250,000 shares to 3,087,500 shares.",
])
def test_a_share_cap_changed_from_one_count_to_another_takes_the_new_count(change):
    assert one(SHARE_CAP_NOTICE.format(change=change), "program_amended")["max_shares"] == 3087500


def test_a_share_cap_that_may_change_is_not_changed():
    text = SHARE_CAP_NOTICE.format(change="We may increase the number of shares that can be offered and sold pursuant to that "
                                          "agreement from 1,250,000 to 3,087,500 if the board approves.")
    programs = [e for e in events(text) if e["type"].startswith("program")]
    assert programs and all(e["max_shares"] != 3087500 for e in programs)


@pytest.mark.parametrize("agent, canonical", [
    ("Barrington Research Associates, Inc.", "Barrington Research Associates, Inc."),
    ("William Smith & Co.", "Wm Smith & Co."),
])
def test_agents_of_small_programs_of_2009_2013(agent, canonical):
    text = (f"PROSPECTUS SUPPLEMENT\nUp to $6,000,000\nCommon Stock\n\nWe have entered into an equity distribution agreement with "
            f"{agent} relating to shares of our common stock offered by this prospectus supplement. In accordance with its "
            f"terms, we may offer and sell shares having an aggregate offering price of up to $6,000,000 from time to time "
            f"through {agent}, acting as our sales agent.\n")
    assert one(text, "program_established")["agents"] == [canonical]


# A new program's supplement that first tells of the old agreement's end, written fresh (no corpus document changes).
@pytest.mark.parametrize("link", ["Concurrently,", "Also on July 9, 2024,", "Simultaneously,"])
def test_the_old_agreement_ended_before_the_new_one_is_told(link):
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\nUp to $75,000,000\nOmega Devices, Inc.\nCommon Stock\n\n"
            "On July 9, 2024, we terminated the Sales Agreement, dated June 15, 2023, with Cantor Fitzgerald & Co. "
            f"{link} we entered into an Equity Distribution Agreement with Piper Sandler & Co., dated July 9, 2024, pursuant "
            "to which we may offer and sell shares of our common stock having an aggregate offering price of up to "
            "$75,000,000.\n")
    new = one(text, "program_established")
    assert (new["agreement_date"], new["agents"]) == ("2024-07-09", ["Piper Sandler & Co."])
    ended = one(text, "terminated")
    assert (ended["scope"], ended["agreement_date"], ended["agents"]) == ("prior", "2023-06-15", ["Cantor Fitzgerald & Co."])


NOTICE_NO2 = ("Filed Pursuant to Rule 424(b)(3)\nPROSPECTUS SUPPLEMENT No. 2\n(To Prospectus Supplement dated March 1, 2023)\n"
              "Acme Therapeutics, Inc.\nCommon Stock\n\n")


@pytest.mark.parametrize("ending", [
    "We have determined to discontinue sales under the Sales Agreement with Cowen and Company, LLC, dated March 1, 2023, and "
    "have terminated the Sales Agreement effective June 30, 2023.",
    "We have suspended all sales under our Sales Agreement with Cowen and Company, LLC, dated March 1, 2023, and terminated "
    "the Sales Agreement effective June 30, 2023.",
])
def test_a_halt_told_with_the_ending_in_one_sentence_is_one_termination(ending):
    assert [e["type"] for e in events(NOTICE_NO2 + ending + "\n")] == ["terminated"]


def test_a_suspension_beside_an_earlier_agreements_termination_stays():
    text = NOTICE_NO2 + ("We have suspended sales under our Sales Agreement with Cowen and Company, LLC, dated March 1, 2023. "
                         "Our prior sales agreement with Jefferies LLC, dated May 1, 2021, was terminated on March 1, 2023.\n")
    assert "suspended" in [e["type"] for e in events(text)]


# Sales reports swept fresh late in the seventh session (no development document changes; entx 2025-01, a frozen test
# document, gains its labelled sales report and loses its amendment, which it had found only while no report was read).
SALES_PROGRAM = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\nUp to $50,000,000\nAcme Therapeutics, Inc.\nCommon Stock\n\n"
                 "We have entered into a Sales Agreement (the \"Sales Agreement\") with Cantor Fitzgerald & Co. (\"Cantor\"), dated "
                 "May 10, 2022. In accordance with the terms of the Sales Agreement, we may offer and sell shares of our common "
                 "stock having an aggregate offering price of up to $50,000,000 from time to time through Cantor.\n\n")


@pytest.mark.parametrize("report", [
    "As of March 31, 2024, we had sold 1,000,000 shares of common stock for gross proceeds of $3.1 million.",
    "To date, we have sold 1,000,000 shares of common stock for gross proceeds of $3.1 million.",
    "Through March 31, 2024, the Company issued 1,000,000 shares of common stock under the ATM program for gross proceeds of "
    "$3.1 million.",
])
def test_a_report_opening_the_next_paragraph_or_issued_under_the_program(report):
    event = one(SALES_PROGRAM + report + "\n", "sales_reported")
    assert (event["shares_sold"], amount(event["gross_proceeds"])) == (1000000, Decimal("3100000"))


@pytest.mark.parametrize("other", [
    "As of March 31, 2024, we sold 1,000,000 shares in a registered direct offering for gross proceeds of $3.1 million.",
    "Through March 31, 2024, the Company issued 1,000,000 shares of common stock upon the exercise of warrants for gross "
    "proceeds of $3.1 million.",
    "In 2023, we sold 1,000,000 shares of common stock for gross proceeds of $3.1 million.",
])
def test_other_issuances_or_an_unframed_sale_in_the_next_paragraph_are_no_report(other):
    assert "sales_reported" not in [e["type"] for e in events(SALES_PROGRAM + other + "\n")]


def test_a_framed_sale_after_a_paragraph_about_something_else_is_no_report():
    text = SALES_PROGRAM + ("We intend to use the net proceeds for general corporate purposes.\n\nAs of March 31, 2024, we had "
                            "sold 1,000,000 shares of common stock for gross proceeds of $3.1 million.\n")
    assert "sales_reported" not in [e["type"] for e in events(text)]


@pytest.mark.parametrize("left", [
    "As a result, up to $35.8 million of common stock may still be sold under the Sales Agreement.",
    "Accordingly, approximately $35.8 million of our common stock can be sold under the Sales Agreement.",
])
def test_what_may_still_be_sold_after_the_report_is_what_remains(left):
    text = SALES_PROGRAM + ("As of the date of this prospectus supplement, we have sold shares for gross proceeds of $14.2 million "
                            "under the Sales Agreement. " + left + "\n")
    assert amount(one(text, "sales_reported")["remaining_amount"]) == Decimal("35800000")


def test_shares_still_available_to_be_sold_are_what_remains():
    text = SALES_PROGRAM + ("As of the date of this prospectus supplement, we have sold shares for gross proceeds of $14.2 million "
                            "under the Sales Agreement, so that shares with an aggregate value of $35.8 million are still "
                            "available to be sold.\n")
    assert amount(one(text, "sales_reported")["remaining_amount"]) == Decimal("35800000")


def test_the_cap_restated_after_the_report_is_not_what_remains():
    text = SALES_PROGRAM + ("As of the date of this prospectus supplement, we have sold shares for gross proceeds of $14.2 million "
                            "under the Sales Agreement. Up to $50.0 million of common stock may be sold under the Sales "
                            "Agreement.\n")
    assert one(text, "sales_reported")["remaining_amount"] is None


# An earlier agreement's sales told in a new program's supplement, written fresh (no corpus document changes).
NEW_PIPER = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\nUp to $75,000,000\nOmega Devices, Inc.\nCommon Stock\n\n"
             "We have entered into an Equity Distribution Agreement with Piper Sandler & Co., dated July 9, 2024, pursuant to "
             "which we may offer and sell shares of our common stock having an aggregate offering price of up to $75,000,000 "
             "through Piper Sandler. ")


def test_sales_before_its_termination_are_the_earlier_agreements_and_it_ended():
    text = NEW_PIPER + ("Prior to its termination on July 8, 2024, we sold 2,000,000 shares of common stock for gross proceeds of "
                        "$6.2 million under our prior Sales Agreement with Cantor Fitzgerald & Co., dated June 15, 2023.\n")
    ended, sold = one(text, "terminated"), one(text, "sales_reported")
    assert (ended["scope"], ended["effective_date"], ended["agents"]) == ("prior", "2024-07-08", ["Cantor Fitzgerald & Co."])
    assert (sold["scope"], sold["agents"], sold["shares_sold"]) == ("prior", ["Cantor Fitzgerald & Co."], 2000000)


def test_sales_under_a_prior_agreement_with_another_agent_are_not_this_programs():
    text = NEW_PIPER + ("Through July 8, 2024, we sold 2,000,000 shares of common stock for gross proceeds of $6.2 million under "
                        "our prior Sales Agreement with Cantor Fitzgerald & Co., dated June 15, 2023.\n")
    sold = one(text, "sales_reported")
    assert (sold["scope"], sold["agents"], sold["agreement_type"], sold["agreement_date"]) == (
        "prior", ["Cantor Fitzgerald & Co."], "Sales Agreement", "2023-06-15")
    assert "terminated" not in [e["type"] for e in events(text)]


def test_sales_through_the_programs_own_agent_stay_this_programs():
    text = NEW_PIPER + ("Through July 8, 2024, we sold 2,000,000 shares of common stock for gross proceeds of $6.2 million "
                        "through Piper Sandler & Co.\n")
    assert one(text, "sales_reported")["scope"] == "this"


# Amendments told in other verb forms, written fresh (no corpus document changes): parser 2.99.7 read no amendment date
# in "we entered into a first amendment", no amendment in "We and Cantor ... amended the Sales Agreement ..., on X", and no
# program at all in "Effective X, the Sales Agreement ... was amended".
AMENDED_COVER = "Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\nUp to $60,000,000\nOmega Devices, Inc.\nCommon Stock\n\n"


@pytest.mark.parametrize("amendment", [
    "Effective March 1, 2024, the Sales Agreement with Cantor Fitzgerald & Co., dated June 15, 2022, was amended to increase "
    "the aggregate offering price of shares that may be sold thereunder to $60,000,000.",
    "We and Cantor Fitzgerald & Co. amended the Sales Agreement, dated June 15, 2022, on March 1, 2024 to increase the maximum "
    "aggregate offering price to $60,000,000.",
    "On March 1, 2024, we entered into a first amendment to our Sales Agreement with Cantor Fitzgerald & Co., dated June 15, "
    "2022, to increase the maximum aggregate offering price of shares that may be sold to $60,000,000.",
])
def test_an_amendment_in_other_verb_forms_dates_the_change(amendment):
    event = one(AMENDED_COVER + amendment + "\n", "program_amended")
    assert (event["agreement_date"], event["amendment_date"], amount(event["max_amount"])) == (
        "2022-06-15", "2024-03-01", Decimal("60000000"))


def test_an_amendment_years_before_the_supplement_is_history():
    text = AMENDED_COVER + ("We have entered into a Sales Agreement with Cantor Fitzgerald & Co., dated June 15, 2015, under which "
                            "we may offer and sell shares of our common stock having an aggregate offering price of up to "
                            "$60,000,000 through Cantor. The Sales Agreement was amended on March 1, 2016 to add a minimum "
                            "price.\n\nThe date of this prospectus supplement is May 1, 2024.\n")
    assert [e["type"] for e in events(text)] == ["program_established"]


# A termination whose object points back at the agreement the sentence before named, written fresh (no corpus document
# changes): parser 2.99.8 read "we have terminated that agreement" as the program's own supplement (program_established),
# because only a sentence opening on "That agreement" was tied to the one before it.
ENDED_COVER = "PROSPECTUS SUPPLEMENT\nOmega Tech Inc.\nCommon Stock\n\n"


@pytest.mark.parametrize("notice", [
    "We previously entered into an At Market Issuance Sales Agreement with MLV & Co. LLC dated June 1, 2012. We are filing "
    "this prospectus supplement to reflect that we have terminated that agreement effective as of August 15, 2013, and no "
    "further sales will be made under it.",
    "On June 1, 2012, we entered into an at-the-market sales agreement with MLV & Co. LLC relating to our common stock. On "
    "August 15, 2013, we terminated that agreement.",
    "We were party to an At Market Issuance Sales Agreement with MLV & Co. LLC, dated June 1, 2012, for at-the-market "
    "offerings of our common stock. Effective August 15, 2013, we terminated such agreement.",
])
def test_terminating_that_agreement_ends_the_one_named_before(notice):
    found = events(ENDED_COVER + notice + "\n")
    assert [e["type"] for e in found] == ["terminated"], found
    assert (found[0]["agreement_date"], found[0]["effective_date"], found[0]["scope"]) == ("2012-06-01", "2013-08-15", "this")


def test_terminating_that_agreement_beside_a_new_one_ends_the_earlier():
    text = ENDED_COVER + ("We have entered into a Sales Agreement with Cowen and Company, LLC, dated August 20, 2013, under which "
                          "we may sell common stock having an aggregate offering price of up to $30,000,000 in at-the-market "
                          "offerings. We were previously party to an at-the-market sales agreement with MLV & Co. LLC dated "
                          "June 1, 2012; in connection with entering into the Sales Agreement we terminated that agreement.\n")
    ended = one(text, "terminated")
    assert (ended["scope"], ended["agreement_date"]) == ("prior", "2012-06-01")
    assert one(text, "program_established")["agreement_date"] == "2013-08-20"


# A quarter's sales in a supplement that updates the program's earlier prospectus supplement, written fresh: parser 2.99.8
# read an amendment and no sales in "PROSPECTUS SUPPLEMENT NO. 3 ... supplements our prospectus supplement dated May 5,
# 2006 ... During the quarter ended June 30, 2007, we sold ...". A quarter's sales beside a new program stay a window
# (test_common_phrasings' look-alike). One corpus document changed: crmd 2020 (dev) gained its labelled 2020 report.
PERIOD_COVER = ("Filed pursuant to Rule 424(b)(3)\nPROSPECTUS SUPPLEMENT NO. 3 (To Prospectus dated May 1, 2006 and Prospectus "
                "Supplement dated May 5, 2006)\nGulf Coast Utility Company\nCommon Stock\n\nThis prospectus supplement "
                "supplements our prospectus supplement dated May 5, 2006 relating to the sale of up to 3,000,000 shares of our "
                "common stock through BNY Capital Markets, Inc., as our sales agent, under a sales agency agreement dated May 5, "
                "2006. ")


@pytest.mark.parametrize("report", [
    "During the quarter ended June 30, 2007, we sold 412,300 shares of common stock through BNY Capital Markets, Inc. for "
    "aggregate gross proceeds of $10,123,450 and net proceeds of $9,920,981.",
    "During the three months ended June 30, 2007, the Company sold 412,300 shares of common stock under the sales agency "
    "agreement for aggregate gross proceeds of $10,123,450.",
])
def test_a_quarters_sales_are_the_news_of_a_supplement_to_the_programs_supplement(report):
    found = events(PERIOD_COVER + report + "\n")
    assert [e["type"] for e in found] == ["sales_reported"], found
    assert (found[0]["shares_sold"], found[0]["as_of"], amount(found[0]["gross_proceeds"])) == (
        412300, "2007-06-30", Decimal("10123450"))


def test_a_cumulative_figure_beside_a_quarters_is_the_report():
    text = PERIOD_COVER + ("During the quarter ended June 30, 2007, we sold 412,300 shares of common stock through BNY Capital "
                           "Markets, Inc. Through June 30, 2007, we have sold a total of 1,112,300 shares of common stock under "
                           "the sales agency agreement.\n")
    assert one(text, "sales_reported")["shares_sold"] == 1112300


# Proceeds "under the agreement" the paragraph named before, written fresh (no corpus document changes): parser 2.99.8
# counted a proceeds sentence only when it named the program itself.
ROTH_COVER = "PROSPECTUS SUPPLEMENT\nAlpha Oil Corp.\n$12,000,000\nCommon Stock\n\n"


def test_proceeds_under_the_agreement_named_before_are_sales():
    text = (ROTH_COVER + "We entered into an at-the-market sales "
            "agreement with Roth Capital Partners, LLC on April 4, 2013. Pursuant to this prospectus supplement, we may offer "
            "and sell shares of our common stock having an aggregate offering price of up to $12,000,000 from time to time "
            "through Roth. To date, we have received gross proceeds of $2,350,000 from the sale of 800,000 shares under the "
            "agreement.\n")
    sold = one(text, "sales_reported")
    assert (sold["shares_sold"], amount(sold["gross_proceeds"])) == (800000, Decimal("2350000"))


def test_proceeds_from_other_sales_are_not_the_programs():
    text = (ROTH_COVER + "We entered into an at-the-market sales "
            "agreement with Roth Capital Partners, LLC on April 4, 2013, under which we may sell common stock having an "
            "aggregate offering price of up to $12,000,000. In 2012, we received gross proceeds of $2,350,000 from the sale of "
            "800,000 shares in a registered direct offering.\n")
    assert "sales_reported" not in [e["type"] for e in events(text)]


# Written fresh (no corpus document changes): parser 2.99.10 read no sales in "in addition to the $1,100,000 of shares we
# have already sold under the agreement" ("already" where "previously" was known), no increment past a firm's "& Co." in
# "to increase ... under the Equity Distribution Agreement with Piper Sandler & Co. by an additional $25,000,000", and no
# cap in a sentence after the program's that names neither agreement nor agent ("Pursuant to this prospectus supplement,
# we may offer and sell ... up to $15,000,000").
@pytest.mark.parametrize("adverb", ["already", "previously"])
def test_the_amount_already_sold_beside_a_raised_cap_is_a_sales_report(adverb):
    text = ("PROSPECTUS SUPPLEMENT\nOmega Bio, Inc.\nUp to $4,250,000\nCommon Stock\n\nThis prospectus supplement amends and "
            "supplements the prospectus supplement dated July 10, 2023, relating to the offer and sale of our common stock "
            "through H.C. Wainwright & Co., LLC under the At The Market Offering Agreement, dated July 10, 2023. We are filing "
            "this prospectus supplement to increase the amount of shares we may offer and sell under the ATM Agreement to an "
            f"aggregate offering price of up to $4,250,000, which is in addition to the $1,100,000 of shares we have {adverb} "
            "sold under the agreement.\n")
    assert amount(one(text, "sales_reported")["gross_proceeds"]) == Decimal("1100000")
    assert amount(one(text, "program_amended")["max_amount"]) == Decimal("4250000")


@pytest.mark.parametrize("agent", ["Piper Sandler & Co.", "Cowen and Company, LLC", "Cantor Fitzgerald & Co."])
def test_an_increment_after_a_firms_name_is_the_increase(agent):
    text = ("PROSPECTUS SUPPLEMENT\nOmega Bio, Inc.\nCommon Stock\n\nWe are filing this prospectus supplement to increase the "
            "maximum aggregate offering price of shares of our common stock that may be sold in at-the-market offerings under "
            f"the Equity Distribution Agreement with {agent} by an additional $25,000,000.\n")
    event = one(text, "program_amended")
    assert (amount(event["max_amount_increase"]), event["max_amount"]) == (Decimal("25000000"), None)


@pytest.mark.parametrize("cap", [
    "Pursuant to this prospectus supplement, we may offer and sell shares having an aggregate offering price of up to "
    "$15,000,000.",
    "Under the agreement, we may offer and sell shares of our common stock having an aggregate offering price of up to "
    "$15,000,000 from time to time.",
    "In accordance with the terms of the sales agreement, we may offer and sell shares of our common stock having an aggregate "
    "offering price of up to $15,000,000.",
])
def test_a_cap_after_the_program_sentence_naming_neither_agreement_nor_agent_is_the_cap(cap):
    text = ("PROSPECTUS SUPPLEMENT\nOmega Bio, Inc.\nCommon Stock\n\nWe have entered into a Sales Agreement with Cantor "
            "Fitzgerald & Co., dated March 1, 2021, relating to shares of our common stock in at-the-market offerings. " + cap + "\n")
    assert amount(one(text, "program_established")["max_amount"]) == Decimal("15000000")



# One agreement, a share cap for one class and a dollar cap for the other, written fresh (no corpus document changes):
# parser 2.99.11 read one program over both classes; the corpus convention is one event per class when each has its cap.
MIXED_OPENING = ("PROSPECTUS SUPPLEMENT\nTau Realty Trust\nCommon Stock and Preferred Stock\n\nWe have entered into a sales "
                 "agreement with JonesTrading Institutional Services LLC dated August 5, 2019, pursuant to which we may offer "
                 "and sell from time to time in at-the-market offerings ")


@pytest.mark.parametrize("caps", [
    "up to 2,000,000 shares of our 7.25% Series A Cumulative Redeemable Preferred Stock and shares of our common stock having "
    "an aggregate offering price of up to $50,000,000.",
    "shares of our common stock having an aggregate offering price of up to $50,000,000 and up to 2,000,000 shares of our "
    "7.25% Series A Cumulative Redeemable Preferred Stock.",
])
def test_a_share_cap_and_a_dollar_cap_for_two_classes_are_two_programs(caps):
    found = {e["security"]: e for e in events(MIXED_OPENING + caps + "\n") if e["type"] == "program_established"}
    assert set(found) == {"common stock", "7.25% Series A Cumulative Redeemable Preferred Stock"}, found
    assert (amount(found["common stock"]["max_amount"]), found["common stock"]["max_shares"]) == (Decimal("50000000"), None)
    preferred = found["7.25% Series A Cumulative Redeemable Preferred Stock"]
    assert (preferred["max_shares"], preferred["max_amount"]) == (2000000, None)


def test_a_share_cap_and_a_dollar_cap_for_one_class_are_one_program():
    text = MIXED_OPENING + ("up to 2,000,000 shares of our common stock, and we may sell shares of common stock having an "
                            "aggregate offering price of up to $50,000,000 in total.\n")
    assert [e["security"] for e in events(text)] == ["common stock"]


# A base prospectus naming two kinds of agreement it may enter into, written fresh (no corpus document changes): parser
# 2.99.12 read the second of "a sales agency agreement or equity distribution agreement", and "an at-the-market sales
# agreement" it may enter into, as a program of its own, with the shelf's $500,000,000 as its cap. (A corpus test document,
# pnnt 2024, guards the other side: "If we sell ... after deducting an assumed maximum sales agents' commissions" still
# speaks of the program.)
BASE_COVER = "PROSPECTUS\n$500,000,000\nCommon Stock, Preferred Stock, Debt Securities, Warrants\n\n"


@pytest.mark.parametrize("sentence", [
    "We may enter into a sales agency agreement or equity distribution agreement with one or more agents.",
    "We may enter into a sales agreement and/or an equity distribution agreement with one or more agents.",
    "We may enter into an at-the-market sales agreement with one or more agents.",
    "We may enter into an at-the-market issuance sales agreement and/or equity distribution agreement with one or more agents.",
    "If we enter into a sales agency agreement or an equity distribution agreement, we will name the agents in a prospectus "
    "supplement.",
])
def test_agreements_a_base_prospectus_may_enter_into_are_no_program(sentence):
    text = BASE_COVER + ("We may offer and sell these securities from time to time in \"at the market\" offerings as defined in "
                         "Rule 415 under the Securities Act. " + sentence + "\n")
    assert events(text) == []


# From b80's development documents (amr 2008, oxbr 2025-09, sfl 2023, etfc 2009, mira 2025, kitt 2025-10), each rule
# written for the wording and checked in paraphrase:

@pytest.mark.parametrize("period", ["during the three months ended September 30, 2008", "during the quarter ended September 30, 2008"])
def test_a_pricing_period_supplement_whose_cover_counts_the_shares_sold_reports_them(period):
    text = ("Filed Pursuant to Rule 424(b)(3)\nPROSPECTUS SUPPLEMENT\n(To Prospectus Dated August 11, 2006)\n27,057,554 Shares\n"
            "Acme Airlines Corp.\nCommon Stock\nPursuant to the ATM Equity Offering Sales Agreement, dated August 22, 2008,\n"
            f"between us and Merrill Lynch, Pierce, Fenner & Smith Incorporated, {period}, we sold 27,057,554 shares of our\n"
            "common stock through Merrill Lynch, as our agent. The proceeds to us of the sales of the shares, net of\n"
            "commissions and before payment of other expenses, were\n$293,999,994.91.\n")
    found = events(text)
    assert [e["type"] for e in found] == ["sales_reported"], found
    assert (found[0]["shares_sold"], found[0]["as_of"], amount(found[0]["net_proceeds"])) == (
        27057554, "2008-09-30", Decimal("293999994.91"))


def test_a_quarters_sales_under_a_cover_counting_other_shares_stay_a_window():
    text = ("PROSPECTUS SUPPLEMENT\n(To Prospectus Dated August 11, 2006)\n5,000,000 Shares\nAcme Airlines Corp.\nCommon Stock\n"
            "We have entered into an ATM Equity Offering Sales Agreement, dated August 22, 2008, with Merrill Lynch, Pierce, Fenner & "
            "Smith Incorporated, under which we may sell up to 5,000,000 shares in at-the-market offerings. During the three months "
            "ended September 30, 2008, we sold 1,000,000 shares of our common stock under the agreement.\n")
    assert "sales_reported" not in [e["type"] for e in events(text)]


@pytest.mark.parametrize("numbered", ["(\u201cProspectus Supplement No. 1\u201d)", "No. 1"])
def test_a_numbered_notice_that_registers_its_own_amount_is_an_amendment(numbered):
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n(To Prospectus dated May 19, 2025 and\nProspectus Supplement "
            "dated July 9, 2025)\n$2,021,889\nOxford Re Holdings Limited\nOrdinary Shares\n"
            f"This prospectus supplement {numbered} amends and supplements the information in the prospectus supplement dated July "
            "9, 2025 relating to the offer and sale of up to $2,021,889 of our ordinary shares, pursuant to the equity distribution "
            "agreement with Maxim Group LLC, dated July 9, 2025. This Prospectus Supplement No. 1 is registering the offer and sales "
            "of up to $2,021,889 of our ordinary shares from time to time through the Sales Agent, acting as agent.\n")
    event = one(text, "program_amended")
    # the cover line "Prospectus Supplement dated July 9, 2025)" ends the earlier document's parenthetical: no date of this one
    assert (amount(event["max_amount"]), event["amendment_date"], event["agreement_date"]) == (Decimal("2021889"), None, "2025-07-09")


@pytest.mark.parametrize("cover", ["(To\nProspectus dated April 28, 2023)", "(To Prospectus dated\nApril 28, 2023)"])
def test_an_agreement_restated_a_year_before_the_base_prospectus_is_registered_again(cover):
    text = (f"Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n{cover}\nUp to $100,000,000 of Common Shares\nSeaFleet Ltd.\n"
            "We entered into an Amended and Restated At-the-Market Sales Agreement with BTIG, LLC on April 15, 2022, relating to our "
            "common shares offered by this prospectus supplement. In accordance with the terms of the Sales Agreement, we may offer "
            "and sell common shares having an aggregate offering price of up to $100,000,000 from time to time through BTIG.\n")
    assert [e["type"] for e in events(text)] == ["program_established"]


@pytest.mark.parametrize("firm", ["J.P. Morgan", "J.P. Morgan Securities Inc.", "Wm. Smith"])
def test_a_commission_paid_to_a_firm_with_initials_is_the_rate(firm):
    text = ("PROSPECTUS SUPPLEMENT\nAcme Financial Corp.\n$150,000,000\nCommon Stock\nWe may offer and sell up to $150,000,000 "
            "aggregate amount of shares of our common stock from time to time through J.P. Morgan Securities Inc. (\u201cJ.P. "
            "Morgan\u201d), as our distribution agent under a distribution agreement. Sales of the shares, if any, will be made by "
            "means of ordinary brokers\u2019 transactions on NASDAQ at market prices. "
            f"We will pay {firm} a commission equal to 2.50% of the sales price of all shares sold through it as our distribution "
            "agent.\n")
    assert amount(one(text, "program_established")["commission_rate"]) == Decimal("2.5")


@pytest.mark.parametrize("cover", [
    "(To Prospectus Supplement dated September 26, 2024\nto Prospectus dated August 16, 2024)",
    "(To Prospectus dated August 16, 2024, as supplemented\nby the Prospectus Supplement dated September 26, 2024)",
])
def test_an_amendment_dated_before_the_supplement_a_notice_supplements_is_not_its_date(cover):
    text = (f"Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n{cover}\nUp to $7,034,658\nCommon Stock\n"
            "This prospectus supplement amends and supplements "
            "the information in the prospectus dated August 16, 2024 and the prospectus supplement dated September 26, 2024, "
            "relating to the sale of our common stock under the at the market offering agreement, dated August 12, 2024, and "
            "amended on September 24, 2024, by and between us and Rodman & Renshaw LLC, as sales agent. We are filing this "
            "prospectus supplement to amend the prior prospectus to update the maximum amount of shares we are eligible to sell "
            "under General Instruction I.B.6 of Form S-3.\n")
    event = one(text, "program_amended")
    assert (event["amendment_date"], event["agreement_date"]) == (None, "2024-08-12")


def test_a_count_run_into_shares_on_a_page_that_lost_the_space_is_the_count():
    text = ("PROSPECTUS SUPPLEMENT\nUp to $92,000,000\nCommon Stock\nWe previously entered into an At The Market Offering "
            "Agreement with H.C. Wainwright & Co., LLC relating to shares of our common stock offered by this prospectus "
            "supplement. From June 30, 2025 through the date hereof, the Company issued and sold 1,895,204shares pursuant to this "
            "at-the-market offering for gross proceeds of approximately $7.02 million.\n")
    assert one(text, "sales_reported")["shares_sold"] == 1895204


# From b83's development documents (parser 2.99.14 read the fund's restated capitalization table as a new program, kept a
# defined "ATM equity distribution agreement" as a plain equity distribution agreement, and dropped cover agents missing
# from the table); each written fresh in several wordings.

@pytest.mark.parametrize("restates", [
    "The section titled \u201cCapitalization\u201d beginning on page S-4 of the Prospectus Supplement is deleted in its "
    "entirety and replaced with the following:",
    "The \u201cCapitalization\u201d section of the Prospectus Supplement is hereby amended and restated in its entirety to "
    "read as follows:",
    "The disclosure under the heading \"Capitalization\" in the Prospectus Supplement is replaced with the following:",
])
def test_a_restated_capitalization_table_of_a_fund_supplement_about_something_else_registers_nothing(restates):
    text = ("Filed pursuant to Rule 424(b)(3)\nRegistration No. 333-250001\nHarbor Income Opportunities Fund (the \u201cFund\u201d)\n"
            "Supplement dated March 3, 2023 to the Fund\u2019s Prospectus dated January 4, 2023 and Prospectus Supplement dated "
            "January 6, 2023\nOn February 27, 2023, the Fund issued 1,500,000 Series C Mandatory Redeemable Preferred Shares in a "
            "private placement. The Series C shares pay quarterly dividends at a rate of 5.10% per year.\n"
            f"{restates}\nCAPITALIZATION\nThe Fund may offer and sell up to 4,250,000 of our common shares, no par value per "
            "share, from time to time through the Sub-Placement Agent as sub-placement agent under this prospectus supplement and "
            "the accompanying prospectus. The table below assumes that we will sell 4,250,000 common shares (the number of "
            "common shares remaining to be sold under the current sales agreement as of February 28, 2023) at a price of $9.80 "
            "per share.\n")
    assert events(text) == []


def test_a_program_whose_own_cover_states_its_capitalization_still_registers():
    text = ("Filed pursuant to Rule 424(b)(2)\nPROSPECTUS SUPPLEMENT\nHarbor Income Opportunities Fund\nUp to 4,250,000 Common "
            "Shares\nThe Fund has entered into a sales agreement with Foreside Fund Services, LLC, as distributor, under which the "
            "Fund may offer and sell up to 4,250,000 of our common shares from time to time through UBS Securities LLC as "
            "sub-placement agent in transactions deemed to be \u201cat the market\u201d offerings.\nCAPITALIZATION\nThe table "
            "below assumes that we will sell 4,250,000 common shares at a price of $9.80 per share.\n")
    assert [e["type"] for e in events(text)] == ["program_established"]


WELLS_COVER = "Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n$400,000,000\nCommon Stock\nWe have entered into "


@pytest.mark.parametrize("defined", [
    "an at-the-market (\u201cATM\u201d) equity distribution agreement (the \u201cATM equity distribution agreement\u201d)",
    "an at the market (\"ATM\") sales agreement (the \"ATM sales agreement\")",
    "an at-the-market (\u201cATM\u201d) equity offering sales agreement (the \u201cATM equity offering sales agreement\u201d)",
])
def test_an_agreement_that_defines_its_own_atm_short_form_is_named_by_it(defined):
    text = (WELLS_COVER + f"{defined} with BofA Securities, Inc. and Wells Fargo Securities, LLC, as sales agents, relating "
            "to the offer and sale of shares of our common stock having an aggregate offering price of up to $400,000,000 from "
            "time to time.\n")
    name = defined.rsplit("the ", 1)[1].strip("\u201c\u201d\")")
    assert one(text, "program_established")["agreement_type"].lower() == name.lower()


def test_a_short_form_defined_as_a_nickname_does_not_replace_the_name():
    text = (WELLS_COVER + "an equity distribution agreement (the \u201cATM Agreement\u201d) with BofA Securities, Inc., as "
            "sales agent, relating to the offer and sale of shares of our common stock having an aggregate offering price of "
            "up to $400,000,000 from time to time in \u201cat the market\u201d offerings.\n")
    assert one(text, "program_established")["agreement_type"].lower() == "equity distribution agreement"


@pytest.mark.parametrize("listed, agents", [
    ("through Cantor Fitzgerald & Co., Halcyon Capital Partners, LLC, JonesTrading Institutional Services LLC and Northgate "
     "Brokerage Inc., each of which we refer to as an agent and together as the agents",
     {"Cantor Fitzgerald & Co.", "Halcyon Capital Partners, LLC", "JonesTrading Institutional Services LLC",
      "Northgate Brokerage Inc."}),
    ("through B. Riley Securities, Inc. and Lakeview Markets LLC, each acting as an agent",
     {"B. Riley Securities, Inc.", "Lakeview Markets LLC"}),
])
def test_a_cover_list_of_agents_keeps_firms_missing_from_the_table(listed, agents):
    text = ("Filed pursuant to Rule 424(b)(5)\nProspectus Supplement\n$150,000,000\nCommon Stock\nThis prospectus supplement and "
            "the accompanying prospectus relate to the offer and sale from time to time of shares of our common stock having an "
            "aggregate offering price of up to $150,000,000. The shares will be offered over a period of time and from time to "
            f"time {listed}.\nSales of the shares, if any, may be made in transactions that are deemed to be \u201cat the "
            "market\u201d offerings as defined in Rule 415. Each agent will receive from us a commission of up to 2.00% of the "
            "gross sales price of all shares sold through it under an equity distribution agreement.\n")
    assert set(one(text, "program_established")["agents"]) == agents


# From b84's development documents (parser 2.99.15 read no program in a supplement whose page holds only the cover's
# agents and the offering summary table); written fresh in several wordings.

HARWELL_COVER = "(To prospectus dated May 2, 2024)\nHarwell Instruments, Inc.\nCitigroup\n|\nNeedham & Company\n|\n"


@pytest.mark.parametrize("row", [
    "| Plan of Distribution | | | At the market offering that may be made from time to time through the sales agents. |",
    "Plan of distribution | \u201cAt the market offering\u201d that may be made from time to time through our sales agent. See "
    "\u201cPlan of Distribution\u201d on page S-12.",
    "Manner of offering | At-the-market offerings which will be made from time to time through the agents. |",
])
def test_an_offering_summary_row_of_at_the_market_sales_through_agents_names_the_program(row):
    text = (HARWELL_COVER +
            "Common stock offered by us | | Shares of our common stock having an aggregate offering price of up to $250,000,000. |\n"
            "Common stock to be outstanding after this offering | | 81,202,114 shares, assuming sales of 5,000,000 shares at an "
            "assumed price of $50.00 per share. |\n" + row + "\n")
    event = one(text, "program_established")
    assert (amount(event["max_amount"]), set(event["agents"])) == (
        Decimal("250000000"), {"Citigroup Global Markets Inc.", "Needham & Company, LLC"})


@pytest.mark.parametrize("row", [
    "| Plan of Distribution | | | Underwritten offering through the underwriters named in this prospectus supplement. |",
    "The selling stockholders may sell their shares in at the market offerings made from time to time through brokers.",
])
def test_summary_rows_of_other_offerings_name_no_program(row):
    text = (HARWELL_COVER +
            "Common stock offered | | 5,000,000 shares. |\n" + row + "\n")
    assert events(text) == []


# From b85's development documents (parser 2.99.16 kept the dollar half of a cap written as "the greater of" a dollar
# amount and a number of shares); written fresh in several wordings.

@pytest.mark.parametrize("cap", [
    "up to the greater of (i) shares of our common stock representing an aggregate offering price of $600,000,000 and (ii) an "
    "aggregate number of 12,500,000 shares of our common stock",
    "up to the greater of (a) shares having an aggregate offering price of $600,000,000 and (b) 12,500,000 shares of common stock",
    "up to the lesser of (1) shares of our common stock having an aggregate sales price of $600,000,000 and (2) an aggregate of "
    "12,500,000 shares of our common stock",
])
def test_a_cap_of_the_greater_of_dollars_and_shares_keeps_both(cap):
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n$600,000,000\nCommon Stock\nWe have entered into a distribution "
            "agreement (the \u201cDistribution Agreement\u201d) with Citigroup Global Markets Inc. relating to shares of our common "
            "stock offered by this prospectus supplement pursuant to a continuous offering program. In accordance with the terms of "
            f"the Distribution Agreement, we may offer and sell from time to time {cap} through Citigroup, acting as our sales "
            "agent, in sales deemed to be \u201cat the market offerings\u201d.\n")
    event = one(text, "program_established")
    assert (amount(event["max_amount"]), event["max_shares"]) == (Decimal("600000000"), 12500000)


def test_a_greater_of_two_prices_is_no_share_cap():
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n$600,000,000\nCommon Stock\nWe have entered into a sales "
            "agreement with Citigroup Global Markets Inc., as sales agent, under which we may offer and sell shares of our common "
            "stock having an aggregate offering price of up to $600,000,000 in \u201cat the market offerings\u201d. We will not "
            "sell shares at a price below the greater of (i) $4.00 per share and (ii) the book value per share.\n")
    assert one(text, "program_established")["max_shares"] is None


# From b86's development documents (parser 2.99.17 kept the cap before an increase when the supplement offers only the
# increment, read "$10.1 millionas" as $10.10 on a page that lost its spaces, kept one class of a cover's stacked titles,
# and took the shares a charter authorizes for a share cap); written fresh in several wordings.

@pytest.mark.parametrize("change", [
    "On May 2, 2022 we entered into amendment no. 1 to the sales agreement, increasing the aggregate offering price by an "
    "additional $15,000,000 offered by this prospectus supplement.",
    "On May 2, 2022, we and the sales agent amended the sales agreement to increase the aggregate gross sales price by an "
    "additional $15,000,000, which we are offering by this prospectus supplement.",
])
def test_the_cap_before_an_increase_is_not_the_programs_when_the_supplement_offers_the_increment(change):
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\nUp to $15,000,000 of Shares\nof Common Stock\n"
            "On March 1, 2022, we entered into a sales agreement with Roth Capital Partners, LLC, or the sales agent, relating to "
            "the sale of shares of our common stock with an aggregate offering price of up to $30,000,000. " + change + " We may "
            "offer and sell shares of our common stock under this prospectus supplement having an aggregate offering price of up "
            "to $15,000,000 from time to time through the sales agent.\n")
    event = one(text, "program_amended")
    assert (event["max_amount"], amount(event["max_amount_increase"])) == (None, Decimal("15000000"))


def test_a_larger_amount_the_supplement_offers_beside_an_increase_is_the_new_total():
    text = ("Supplement dated March 1, 2022\nTo Prospectus Supplement dated May 8, 2020\nUp to $60,000,000\nCommon Stock\n"
            "This supplement reflects an increase by $20,000,000 in the maximum aggregate offering price of common stock that we "
            "may offer and sell under our equity distribution agreement with B. Riley Securities, Inc., as sales agent. We may "
            "now offer and sell shares of our common stock having an aggregate offering price of up to $60,000,000 through the "
            "sales agent in at-the-market offerings.\n")
    event = one(text, "program_amended")
    assert amount(event["max_amount"]) == Decimal("60000000")


@pytest.mark.parametrize("glued, value", [
    ("$10.1 millionas of the date", "10100000"),
    ("$2.5 billionthrough the date", "2500000000"),
    ("$10.1 million as of the date", "10100000"),
])
def test_a_scale_word_glued_to_the_next_word_still_scales(glued, value):
    assert parse_money("sold shares having an aggregate offering price of approximately " + glued) == Decimal(value)


@pytest.mark.parametrize("cover", [
    "$250,000,000 Common Stock 7.00% Series B Cumulative Redeemable Preferred Stock ",
    "Up to $250,000,000 Common Stock 7.00% Series B Cumulative Redeemable Preferred Stock (Liquidation Preference $25.00 per "
    "share) ",
])
def test_titles_stacked_on_a_cover_a_mirror_joined_name_every_class_of_the_program(cover):
    # The cover's lines joined by a mirror page run into the program's sentence; the classes stand side by side.
    text = (cover + "We have entered into an equity distribution agreement with Jefferies LLC, as sales agent, relating to "
            "shares of our common stock and our 7.00% Series B Cumulative Redeemable Preferred Stock having an aggregate "
            "offering price of up to $250,000,000 in at-the-market offerings.\n")
    assert one(text, "program_established")["security"] == (
        "common stock and 7.00% Series B Cumulative Redeemable Preferred Stock")


@pytest.mark.parametrize("charter", [
    "Our amended and restated certificate of incorporation authorizes us to issue up to 75,000,000 shares of common stock.",
    "We are authorized to issue up to 75,000,000 shares of common stock under our articles of incorporation.",
    "Our charter authorizes the issuance of up to 75,000,000 shares of our common stock.",
])
def test_the_shares_a_charter_authorizes_are_no_share_cap(charter):
    text = ("Filed pursuant to Rule 424(b)(5)\nUp to $25,000,000 of Common Stock\nWe have entered into an at the market offering "
            "agreement with Lucid Capital Markets, LLC, as our sales agent, for the offer and sale of shares of our common stock "
            "having an aggregate offering price of up to $25,000,000. " + charter + " As of August 29, 2025, 7,969,421 shares "
            "of our common stock were outstanding.\n")
    event = one(text, "program_established")
    assert (amount(event["max_amount"]), event["max_shares"]) == (Decimal("25000000"), None)


def test_up_to_a_number_of_shares_under_the_agreement_is_still_a_share_cap():
    text = ("We have entered into an equity distribution agreement with Morgan Stanley & Co. LLC, as sales agent, under which "
            "we may offer and sell up to 5,000,000 shares of our common stock from time to time in at-the-market offerings. We "
            "are authorized under our charter to issue 100,000,000 shares.\n")
    assert one(text, "program_established")["max_shares"] == 5000000


# From b87's development documents (parser 2.99.18 read a pricing-period supplement that "relates to sales made ... of N
# shares" as a new program or an amendment, and lost caps written "up to$3,000,000,000" / "up to10,000,000 shares" on pages
# that dropped the space); written fresh in several wordings.

@pytest.mark.parametrize("report, shares_sold, as_of", [
    ("This prospectus supplement relates to sales made in at-the-market transactions for the week ending March 14, 2003 of "
     "an aggregate of 212,300 shares of our common stock at an average price of $21.4010 per share, for aggregate gross "
     "proceeds of approximately $4,543,434.23.", 212300, "2003-03-14"),
    ("This prospectus supplement relates to the sale made in a privately negotiated transaction on March 14, 2003 of "
     "212,300 shares of our common stock at a purchase price of $21.40 per share.", 212300, "2003-03-14"),
    ("This supplement relates to sales made through the agent during the period ending March 14, 2003 of a total of "
     "212,300 shares of common stock.", 212300, "2003-03-14"),
])
def test_a_pricing_period_supplement_that_relates_to_sales_made_is_a_sales_report(report, shares_sold, as_of):
    text = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated May 6, 2002)\nEXAMPLE MORTGAGE, INC.\nCommon Stock\n\n" + report +
            "\n\nCantor Fitzgerald & Co. acted as sales agent with respect to the sales pursuant to the Sales Agreement between "
            "Cantor and Example Mortgage, Inc. dated April 19, 2002, as described in the accompanying prospectus.\n")
    event = one(text, "sales_reported")
    assert (event["shares_sold"], event["as_of"], event["agreement_date"]) == (shares_sold, as_of, "2002-04-19")
    assert [e["type"] for e in events(text)] == ["sales_reported"]


def test_a_supplement_that_relates_to_future_sales_is_no_sales_report():
    text = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated May 6, 2002)\nUp to 3,000,000 Shares\nCommon Stock\n\nThis prospectus "
            "supplement relates to the offer and sale of up to 3,000,000 shares of our common stock from time to time through "
            "Cantor Fitzgerald & Co., as our sales agent, pursuant to the Sales Agreement dated April 19, 2002, in at-the-market "
            "offerings.\n")
    assert [e["type"] for e in events(text)] == ["program_established"]


@pytest.mark.parametrize("cap, field, value", [
    ("having an aggregate offering price of up to$3,000,000,000", "max_amount", Decimal("3000000000")),
    ("having an aggregate offering price of up to $3,000,000,000", "max_amount", Decimal("3000000000")),
    ("up to10,000,000 shares of our common stock", "max_shares", 10000000),
])
def test_a_cap_glued_to_up_to_is_still_the_cap(cap, field, value):
    text = ("Filed Pursuant to Rule 424(b)(3)\nPROSPECTUS SUPPLEMENT\nCommon Stock\nExample Energy Group, Inc. has entered into an "
            f"equity distribution agreement with the sales agents named below, under which it may offer and sell shares of its "
            f"common stock {cap} from time to time through the sales agents in at-the-market offerings.\n")
    got = one(text, "program_established")[field]
    assert (amount(got) if field == "max_amount" else got) == value

"""Whole short documents of the kinds a harvest by theme brings (a fund's one-paragraph sticker, a listed-notes program, a
new program's supplement that recalls the agreement before it, a notice that only ends the agreement), written fresh and
not copied from any corpus document. Parser 2.89.0 read none of the events below: a sticker that names no agreement
("the Fund has suspended its at-the-market offering") was not about a program at all, notes sold "from time to time through
B. Riley Securities, Inc. as our sales agent" looked like a firm notes offering, "we sold 1,200,000 common shares" had a
word between the count and "shares", "That agreement was terminated" named its agreement only in the sentence before,
and a cover that only terminates an agreement offered nothing."""

from __future__ import annotations

import pytest

from .doc import document_events as events, only_event as one


STICKER = "Supplement dated August 3, 2022 to the Prospectus Supplement dated May 10, 2021\nBlue Ridge Income Fund\n"


@pytest.mark.parametrize("sentence", [
    "Effective immediately, the Fund has suspended its at-the-market offering of common shares.",
    "Effective immediately, the Fund has suspended its at-the-market offering.",
    "The Fund has suspended its \"at-the-market\" offering effective August 3, 2022.",
    "Effective August 3, 2022, the Fund's at-the-market offering has been suspended.",
])
def test_a_funds_sticker_suspends_its_offering_without_naming_the_agreement(sentence):
    event = one(STICKER + sentence + "\n", "suspended")
    assert event["effective_date"] == "2022-08-03"


@pytest.mark.parametrize("sentence", [
    "The Fund's at-the-market offering of common shares, which was suspended on August 3, 2022, has resumed effective as of "
    "the date of this supplement.",
    "Effective as of the date of this supplement, the Fund has resumed its at-the-market offering.",
])
def test_a_funds_sticker_resumes_its_offering(sentence):
    sticker = "Supplement dated January 12, 2023 to the Prospectus Supplement dated May 10, 2021\nBlue Ridge Income Fund\n"
    assert [e["type"] for e in events(sticker + sentence + "\n")] == ["resumed"]


@pytest.mark.parametrize("sentence", [
    "The Fund may suspend its at-the-market offering at any time.",
    "If the Fund's net asset value declines, the Fund will suspend its at-the-market offering.",
    "The Fund's at-the-market offering may be suspended or terminated at any time.",
    "The Fund intends to continue its at-the-market offering.",
])
def test_a_funds_sticker_about_a_right_or_a_plan_is_no_event(sentence):
    assert events(STICKER + sentence + "\n") == []


NOTES_COVER = ("Filed Pursuant to Rule 424(b)(2)\nPROSPECTUS SUPPLEMENT (To Prospectus dated June 3, 2022)\nUp to $75,000,000\n"
               "6.00% Notes due 2027\nLakeshore Finance Corp.\n")


@pytest.mark.parametrize("sentence", [
    "We have entered into an at-the-market sales agreement, dated June 10, 2022, with B. Riley Securities, Inc. under which "
    "we may offer and sell up to $75,000,000 aggregate principal amount of our 6.00% Notes due 2027 from time to time through "
    "B. Riley Securities, Inc. as our sales agent.",
    "We have entered into an at-the-market sales agreement, dated June 10, 2022, with B. Riley Securities, Inc., as sales "
    "agent, relating to our 6.00% Notes due 2027. We may offer and sell notes having an aggregate principal amount of up to "
    "$75,000,000 from time to time through the sales agent.",
])
def test_listed_notes_sold_at_the_market_are_a_program(sentence):
    event = one(NOTES_COVER + sentence + "\n", "program_established")
    assert (event["agreement_date"], event["agents"], event["security"], event["max_amount"]) == \
        ("2022-06-10", ["B. Riley Securities, Inc."], "6.00% Notes due 2027", 75000000)


def test_notes_sold_are_reported_by_principal_amount():
    text = NOTES_COVER + ("We have entered into an at-the-market sales agreement, dated June 10, 2022, with B. Riley Securities, "
                          "Inc. relating to up to $75,000,000 aggregate principal amount of our 6.00% Notes due 2027. As of "
                          "March 31, 2023, we had sold $12,500,000 aggregate principal amount of the notes under the sales "
                          "agreement.\n")
    event = one(text, "sales_reported")
    assert (event["gross_proceeds"], event["as_of"]) == (12500000, "2023-03-31")


def test_an_underwritten_notes_offering_is_no_program():
    text = ("Filed Pursuant to Rule 424(b)(2)\nPROSPECTUS SUPPLEMENT (To Prospectus dated June 3, 2022)\n$75,000,000\n"
            "6.00% Notes due 2027\nLakeshore Finance Corp.\nWe are offering $75,000,000 aggregate principal amount of our 6.00% "
            "Notes due 2027. The underwriters have agreed to purchase the notes. We previously entered into an at-the-market "
            "sales agreement with B. Riley Securities, Inc. relating to our common stock.\n")
    assert events(text) == []


NEW_PROGRAM = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT (To Prospectus dated December 1, 2020)\n"
               "Aegean Star Shipping Inc.\nUp to $15,000,000 Common Shares\nWe have entered into an equity distribution "
               "agreement, dated January 5, 2021, with Maxim Group LLC, or Maxim, relating to the sale of our common shares "
               "offered by this prospectus supplement. Under the equity distribution agreement we may offer and sell our "
               "common shares having an aggregate offering price of up to $15,000,000 from time to time through Maxim, acting "
               "as sales agent.\n")


@pytest.mark.parametrize("sentence", [
    "We previously entered into an equity distribution agreement with Maxim dated June 2, 2020, under which we sold 1,200,000 "
    "common shares for aggregate gross proceeds of $3.1 million.",
    "Prior to the date of this prospectus supplement, we sold 1,200,000 common shares under a prior equity distribution "
    "agreement with Maxim dated June 2, 2020, for aggregate gross proceeds of $3.1 million.",
])
def test_sales_under_an_earlier_dated_agreement_are_that_agreements(sentence):
    event = one(NEW_PROGRAM + sentence + "\n", "sales_reported")
    assert (event["scope"], event["agreement_date"], event["shares_sold"], event["gross_proceeds"]) == \
        ("prior", "2020-06-02", 1200000, 3100000)
    assert event["max_amount"] is None  # the new program's cap is not the old one's


def test_sales_under_this_programs_own_agreement_stay_this_programs():
    text = NEW_PROGRAM + ("As of March 1, 2021, we sold 1,200,000 common shares under the equity distribution agreement with "
                          "Maxim dated January 5, 2021, for aggregate gross proceeds of $3.1 million.\n")
    event = one(text, "sales_reported")
    assert (event["scope"], event["agreement_date"]) == ("this", "2021-01-05")


@pytest.mark.parametrize("ended", ["was terminated", "was cancelled"])
def test_that_agreement_was_terminated_names_the_agreement_before_it(ended):
    """The end's own date ("was cancelled on January 4, 2021") is not a date that names the agreement in the sentence."""
    text = NEW_PROGRAM + ("We previously entered into an equity distribution agreement with Maxim dated June 2, 2020. That "
                          "agreement " + ended + " on January 4, 2021.\n")
    event = one(text, "terminated")
    assert (event["scope"], event["agreement_date"], event["agents"], event["effective_date"]) == \
        ("prior", "2020-06-02", ["Maxim Group LLC"], "2021-01-04")
    assert one(text, "program_established")["agreement_date"] == "2021-01-05"


@pytest.mark.parametrize("sentence", [
    "We previously entered into an equity distribution agreement with Maxim dated June 2, 2020. That agreement will terminate "
    "upon the earlier of the sale of all shares or June 2, 2023.",
    "We previously entered into an equity distribution agreement with Maxim dated June 2, 2020. That agreement may be "
    "terminated by either party at any time.",
])
def test_an_agreements_term_is_not_read_as_that_agreement_ending(sentence):
    assert [e["type"] for e in events(NEW_PROGRAM + sentence + "\n")] == ["program_established"]


def test_a_new_agreement_that_replaces_this_one_is_not_read_through_the_sentence_before():
    """"This new agreement replaces ..." opens on this program's agreement, not on the one the sentence before names: the
    ended agreement is the prior one, with none of this program's date."""
    found = events(NEW_PROGRAM + "This new agreement replaces our prior agreement with Maxim, which has been terminated.\n")
    ended = [e for e in found if e["type"] == "terminated"]
    assert len(ended) == 1 and ended[0]["scope"] == "prior" and ended[0]["agreement_date"] is None
    assert one(NEW_PROGRAM + "This new agreement replaces our prior agreement with Maxim, which has been terminated.\n",
               "program_established")["agreement_date"] == "2021-01-05"


NOTICE = ("Filed Pursuant to Rule 424(b)(5)\nSupplement dated May 5, 2023 to Prospectus Supplement dated January 4, 2021\n"
          "Quarry Labs, Inc.\n")


@pytest.mark.parametrize("sentence, effective", [
    ("On May 5, 2023, we delivered written notice to Jefferies LLC terminating the Open Market Sale Agreement, dated "
     "January 4, 2021, effective May 15, 2023.", "2023-05-15"),
    ("On May 5, 2023, we terminated the Open Market Sale Agreement with Jefferies LLC, dated January 4, 2021. We will not "
     "make any further sales under the agreement.", "2023-05-05"),
])
def test_a_notice_that_only_terminates_the_agreement(sentence, effective):
    cover = NOTICE.replace("Supplement dated May 5, 2023 to Prospectus Supplement dated January 4, 2021",
                           "PROSPECTUS SUPPLEMENT (To Prospectus dated January 4, 2021)")
    for head in (NOTICE, cover):
        found = events(head + sentence + "\n")
        assert [e["type"] for e in found] == ["terminated"]
        assert (found[0]["agents"], found[0]["agreement_date"], found[0]["effective_date"]) == \
            (["Jefferies LLC"], "2021-01-04", effective)


def test_an_underwritten_offering_that_recalls_a_terminated_agreement_has_no_events():
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT (To Prospectus dated January 4, 2021)\n5,000,000 Shares\n"
            "Quarry Labs, Inc.\nWe are offering 5,000,000 shares of our common stock. The underwriters have agreed to purchase "
            "the shares. On May 5, 2023, we terminated the Open Market Sale Agreement with Jefferies LLC.\n")
    assert events(text) == []


def test_a_sub_placement_agent_swap_is_an_amendment():
    text = ("Filed pursuant to Rule 424(b)(3)\nSupplement dated June 6, 2023 to Prospectus Supplement dated March 1, 2022\n"
            "Delta Strategic Income Fund\nEffective as of June 6, 2023, Virtu Americas LLC replaced Truist Securities, Inc. as "
            "sub-placement agent for the Fund's at-the-market offering.\n")
    found = events(text)
    assert [e["type"] for e in found] == ["program_amended"]
    assert (found[0]["agents_added"], found[0]["agents_removed"]) == (["Virtu Americas LLC"], ["Truist Securities, Inc."])


ADS_COVER = "PROSPECTUS SUPPLEMENT (To Prospectus dated May 1, 2023)\nExample plc\n"


@pytest.mark.parametrize("text", [
    "We have entered into an Open Market Sale Agreement, dated as of May 5, 2023, with Jefferies LLC, or Jefferies, relating to "
    "the sale of our American Depositary Shares. We may offer and sell ADSs having an aggregate offering price of up to "
    "$75,000,000 from time to time through Jefferies.",
    "We have entered into an Open Market Sale Agreement, dated as of May 5, 2023, with Jefferies LLC (\"Jefferies\"), relating "
    "to the sale of our American Depositary Shares. We may offer and sell ADSs having an aggregate offering price of up to "
    "$75,000,000 from time to time through Jefferies.",
    "We have entered into an Open Market Sale Agreement (the \"Agreement\"), dated as of May 5, 2023, with Jefferies LLC, "
    "relating to the sale of our American Depositary Shares. Under the Agreement, we may offer and sell ADSs having an "
    "aggregate offering price of up to $75,000,000.",
])
def test_the_cap_in_the_next_sentence_by_the_agents_short_name_or_the_defined_agreement(text):
    """Parser 2.89.0 left max_amount null: the cap's sentence names neither the agent's legal name nor an agreement noun."""
    assert one(ADS_COVER + text + "\n", "program_established")["max_amount"] == 75000000


def test_a_sentence_about_another_sum_paid_to_the_agent_is_not_the_cap():
    text = ("We have entered into an Open Market Sale Agreement, dated as of May 5, 2023, with Jefferies LLC, or Jefferies, "
            "relating to the sale of our American Depositary Shares having an aggregate offering price of up to $75,000,000. "
            "We have agreed to reimburse Jefferies for up to $50,000 of its legal fees.")
    assert one(ADS_COVER + text + "\n", "program_established")["max_amount"] == 75000000


# Ways of saying things that b70's development documents showed parser 2.90.0 unread (bxsl 2024-09, ixhl 2025-05, tyg
# 2015-10), written fresh here in other words, with their look-alikes.

FEE_TABLE = ("Shareholder transaction expenses (as a percentage of offering price): Sales load 1.00 % (1) Offering expenses "
             "0.20 % (2) (1) The sales load (underwriting discount and commission) with respect to the common shares sold in "
             "this offering is the only sales load paid in connection with this offering. (2) The percentage reflects "
             "estimated offering expenses of approximately $0.4 million and assumes we sell all {amount} of common shares "
             "available under the {agreement} pursuant to this prospectus supplement.\n")


@pytest.mark.parametrize("amount, agreement", [
    ("$300.0 million", "equity distribution agreements"),
    ("$300,000,000", "sales agreement"),
])
def test_a_funds_fee_table_that_assumes_the_whole_program_sold(amount, agreement):
    event = one("Northgate Lending Fund\n" + FEE_TABLE.format(amount=amount, agreement=agreement), "program_established")
    assert event["max_amount"] == 300000000


def test_a_fee_table_of_an_underwritten_offering_is_no_program():
    text = ("Northgate Lending Fund\nShareholder transaction expenses: Sales load (underwriting discounts and commissions) "
            "3.00 %. The underwriters have agreed to purchase 5,000,000 common shares. We are offering 5,000,000 common "
            "shares at a public offering price of $20.00 per share.\n")
    assert events(text) == []


IB6 = ("Prospectus Supplement\n(to Prospectus Supplement dated March 3, 2025)\nUp to $1,900,000\nShares of Common Stock\n"
       "This prospectus supplement amends and supplements the prospectus supplement dated March 3, 2025, relating to the "
       "offer and sale of shares of our common stock pursuant to the Sales Agreement, dated March 3, 2025, with Roth Capital "
       "Partners, LLC.\n")


@pytest.mark.parametrize("sentence", [
    "We have sold securities with an aggregate market value of approximately $4,100,000 pursuant to General Instruction "
    "I.B.6 of Form S-3 during the prior 12 calendar months.",
    "We have sold an aggregate of approximately $4,100,000 of shares of common stock pursuant to General Instruction I.B.6.",
    "We have sold an aggregate of approximately $4,100,000 of shares of common stock pursuant to General",
])
def test_sales_counted_under_the_shelf_instruction_leave_the_supplement_an_amendment(sentence):
    assert [e["type"] for e in events(IB6 + sentence + "\n")] == ["program_amended"]


def test_sales_under_the_agreement_in_an_ib6_supplement_are_a_report():
    found = events(IB6 + "As of May 1, 2025, we have sold 1,000,000 shares of common stock under the Sales Agreement for "
                         "gross proceeds of $4.1 million.\n")
    assert "sales_reported" in [e["type"] for e in found]


@pytest.mark.parametrize("written", [
    "Controlled Equity Offering\nSMSales Agreement",
    "Controlled Equity OfferingSM Sales Agreement",
    "Controlled Equity Offering℠ Sales Agreement",
])
def test_a_service_mark_run_into_the_next_word_keeps_the_agreements_name(written):
    text = ("PROSPECTUS SUPPLEMENT\nUp To $40,000,000\nExample Fund Corporation\nCommon Stock\nWe have entered into a "
            + written + " with Cantor Fitzgerald & Co. relating to our shares of common stock offered by this prospectus "
            "supplement. As of October 1, 2025, we have sold in this offering an aggregate of 512,300 shares of our common "
            "stock.\n")
    assert one(text, "program_established")["agreement_type"] == "Controlled Equity Offering Sales Agreement"
    assert one(text, "sales_reported")["shares_sold"] == 512300


AMENDED_NOTICE = ("Prospectus Supplement\n(to Prospectus Supplement dated April 7, 2025)\nUp to $40,000,000\nShares of Common "
                  "Stock\nThis prospectus supplement amends and supplements the prospectus supplement dated April 7, 2025, "
                  "relating to the offer and sale of shares of our common stock pursuant to the Sales Agreement, dated "
                  "April 7, 2025, with Roth Capital Partners, LLC (the \"Sales Agreement\").\n")


@pytest.mark.parametrize("sentence", [
    "We are filing this prospectus supplement to reflect the amendment on June 2, 2025, of the Sales Agreement to add "
    "Lake Street Capital Markets, LLC as an additional sales agent.",
    "We are filing this prospectus supplement to reflect the amendment and restatement on June 2, 2025, of the Sales "
    "Agreement to add Lake Street Capital Markets, LLC as an additional sales agent.",
    "We are filing this prospectus supplement to reflect the amendment and restatement, on June 2, 2025, of the Sales "
    "Agreement to add Lake Street Capital Markets, LLC as an additional sales agent.",
])
def test_a_notice_filed_to_reflect_a_dated_amendment(sentence):
    event = one(AMENDED_NOTICE + sentence + "\n", "program_amended")
    assert (event["amendment_date"], event["agreement_date"]) == ("2025-06-02", "2025-04-07")


# From b71's development documents (zom 2019-01, mlnd 2020-03), written fresh in other words.

TWO_WAYS = ("PROSPECTUS\nUp to $30,000,000\nCommon Shares\nWe have entered into a Sales Agreement with B. Riley Securities, "
            "Inc. relating to our {first} offered by this prospectus. In accordance with the terms of the Sales Agreement, we "
            "may offer and sell {second} having an aggregate offering price of up to $30 million from time to time through "
            "B. Riley Securities, Inc., acting as sales agent.\n")


@pytest.mark.parametrize("first, second, expected", [
    ("common shares", "shares of our common stock", "common stock"),
    ("common stock", "our common shares", "common shares"),
    ("Class A common stock, par value $0.0001 per share (the \"common stock\")", "shares of our common stock",
     "Class A common stock"),
    ("common shares of beneficial interest", "our common shares", "common shares of beneficial interest"),
])
def test_the_class_as_the_selling_sentence_names_it_but_not_a_defined_short_term(first, second, expected):
    event = one(TWO_WAYS.format(first=first, second=second), "program_established")
    assert event["security"] == expected


REFLECT = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT DATED JUNE 9, 2021\n(To Prospectus dated May 3, 2021)\n"
           "Example Therapeutics, Inc.\n$60,000,000\nCommon Stock\nThis prospectus supplement supplements the prospectus, dated "
           "May 3, 2021, relating to the offer and sale of shares of our common stock having an aggregate offering price of "
           "up to $60,000,000 from time to time through Jefferies LLC, acting as sales agent.\n")


def test_a_supplement_filed_to_reflect_an_undated_amendment_is_dated_by_its_cover():
    text = REFLECT + ("This prospectus supplement is being filed to reflect the amendment of the open market sale agreement "
                      "between the Company and Jefferies LLC to add Cowen and Company, LLC as an additional sales agent.\n")
    assert one(text, "program_amended")["amendment_date"] == "2021-06-09"


def test_a_dated_amendment_keeps_its_own_date():
    text = REFLECT + ("This prospectus supplement is being filed to reflect the amendment on June 1, 2021 of the open market "
                      "sale agreement between the Company and Jefferies LLC to add Cowen and Company, LLC as an additional "
                      "sales agent.\n")
    assert one(text, "program_amended")["amendment_date"] == "2021-06-01"


# From b72's development documents (gdtc 2025-08, sopa 2025-02), written fresh in other words.

@pytest.mark.parametrize("amount", ["U.S.$4,250,000", "U.S. $4,250,000", "US$4,250,000", "$4,250,000"])
def test_an_amount_written_with_the_countrys_initials(amount):
    text = ("Example Holdings Limited\nWe have entered into an ATM Sales Agreement with Maxim Group LLC, dated March 3, 2025, "
            "relating to the sale of our ordinary shares offered by this prospectus supplement. In accordance with the terms "
            "of the Sales Agreement, we may offer and sell our ordinary shares having an aggregate offering price of up to "
            + amount + " from time to time through the Sales Agent.\n")
    assert one(text, "program_established")["max_amount"] == 4250000


def test_a_filing_that_dates_its_change_in_its_own_sentence():
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT No. 3\n(To Prospectus Dated May 1, 2024)\nUp to $6,000,000\n"
            "Example Corp.\nWe previously entered into a Sales Agreement, dated June 3, 2024, with Roth Capital Partners, LLC, "
            "relating to shares of our common stock offered by this prospectus supplement No. 3.\nWe are filing this "
            "prospectus supplement to supplement and amend, as of March 10, 2025, the prospectus supplement dated June 3, "
            "2024.\nThis prospectus supplement increases the maximum aggregate offering price of our common stock that may be "
            "sold under the Sales Agreement to $6,000,000.\n")
    event = one(text, "program_amended")
    assert (event["amendment_date"], event["max_amount"]) == ("2025-03-10", 6000000)


def test_a_supplement_that_only_mentions_an_earlier_dated_amendment_keeps_no_date_from_it():
    text = ("Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT No. 3\n(To Prospectus Dated May 1, 2024)\nUp to $6,000,000\n"
            "Example Corp.\nWe previously entered into a Sales Agreement, dated June 3, 2024, with Roth Capital Partners, LLC, "
            "relating to shares of our common stock offered by this prospectus supplement No. 3.\nThis prospectus supplement "
            "increases the maximum aggregate offering price of our common stock that may be sold under the Sales Agreement to "
            "$6,000,000.\n")
    assert one(text, "program_amended")["amendment_date"] is None  # not the agreement's date, and no cover date here

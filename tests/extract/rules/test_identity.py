"""Program identity: securities other than common stock, caps in shares, agent spelling
variants, commission."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract import parse_filing
from edgar_atm.extract.identity import commission, securities, security

from .doc import by_type, events


@pytest.mark.parametrize("sentence, security", [
    ("We have entered into a Sales Agreement, dated May 5, 2025, with B. Riley Securities, Inc. relating to shares "
     "of our 8.00% Series A Cumulative Perpetual Preferred Stock having an aggregate offering price of up to "
     "$20,000,000.", "8.00% Series A Cumulative Perpetual Preferred Stock"),
    ("We have entered into an ATM Sales Agreement, dated May 5, 2025, with Virtu Americas LLC, relating to our "
     "American Depositary Shares, or ADSs, each representing ten ordinary shares, having an aggregate offering price "
     "of up to $20,000,000.", "American Depositary Shares"),
    ("We and the Operating Partnership have entered into an Equity Distribution Agreement, dated May 5, 2025, with "
     "Raymond James & Associates, Inc., relating to common units representing limited partner interests having an "
     "aggregate offering price of up to $20,000,000.", "common units"),
    ("We have entered into an Equity Distribution Agreement, dated May 5, 2025, with Ladenburg Thalmann & Co. Inc. "
     "relating to our 7.75% Notes due 2029 having an aggregate principal amount of up to $20,000,000.",
     "7.75% Notes due 2029"),
    ("We have entered into an At Market Issuance Sales Agreement, dated May 5, 2025, with B. Riley Securities, Inc. "
     "relating to our 8.00% Senior Unsecured Notes due 2030 having an aggregate principal amount of up to $20,000,000.",
     "8.00% Senior Unsecured Notes due 2030"),
    ("We have entered into an Equity Distribution Agreement, dated May 5, 2025, with Ladenburg Thalmann & Co. Inc. "
     "relating to our 9.25% Senior Secured Notes due 2028 having an aggregate principal amount of up to $20,000,000.",
     "9.25% Senior Secured Notes due 2028"),
    # a numbered class, as a letter class
    ("We have entered into a sales agreement, dated May 5, 2025, with Cowen and Company, LLC relating to shares of "
     "our Class 2 common stock having an aggregate offering price of up to $20,000,000.", "Class 2 common stock"),
    ("We have entered into a sales agreement, dated May 5, 2025, with Cowen and Company, LLC relating to our Class B "
     "ordinary shares having an aggregate offering price of up to $20,000,000.", "Class B ordinary shares"),
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


def test_share_cap_in_an_atm_sentence_that_names_no_agreement():
    doc = ("<p>PROSPECTUS SUPPLEMENT</p><p>Up to 1,000,000 Shares</p><p>Series C Preferred Stock</p><p>This supplement "
           "relates to the issuance and sale of up to 1,250,000 shares of our 6.50% Series C Cumulative Preferred Stock "
           "through the agents in sales deemed to be an \"at the market\" offering as defined in Rule 415.</p><p>We "
           "have entered into an equity distribution agreement with JonesTrading Institutional Services LLC relating "
           "to the Series C Preferred Stock.</p>")
    ev = parse_filing(doc.encode(), path="pref.htm").events[0]
    assert ev.max_shares == 1_250_000


@pytest.mark.parametrize("cover, offered, cap", [
    # an existing agreement re-registered: an odd cover figure is the unsold remainder
    ("$708,162,849", Decimal(708_162_849), None),
    # a round cover figure for an existing agreement is the program's amount
    ("$500,000,000", None, Decimal(500_000_000)),
])
def test_reregistration_cover_amount(cover, offered, cap):
    evs = events("We are party to an equity distribution agreement dated as of May 20, 2021 with Wells Fargo "
                 "Securities, LLC and BofA Securities, Inc., relating to shares of our common stock offered by this "
                 "prospectus supplement.", cover=f"PROSPECTUS SUPPLEMENT\n{cover}\nCommon Stock\n")
    assert (evs[0].offered_amount, evs[0].max_amount) == (offered, cap)


def test_american_depositary_shares_named_in_full():
    ev = events("We have entered into an Open Market Sale Agreement with Jefferies LLC relating to our ADSs, each "
                "representing five ordinary shares, having an aggregate offering price of up to $20,000,000.",
                security="American Depositary Shares")[0]
    assert ev.security == "American Depositary Shares"


@pytest.mark.parametrize("sentence, offered, cap", [
    ("This prospectus supplement relates to the issuance and sale pursuant to the Equity Distribution Agreement of "
     "shares of our common stock having an aggregate offering price of up to $237,591,694 through the Sales Agent, "
     "which reflects the unused portion of the previously authorized aggregate offering amount under the Equity "
     "Distribution Agreement of $600,000,000.", Decimal(237_591_694), Decimal(600_000_000)),
    ("Under this prospectus supplement we may sell shares of our common stock having an aggregate offering price of "
     "up to $41.5 million, which represents the unsold balance of the $100 million that may be sold under the "
     "Sales Agreement.", Decimal(41_500_000), Decimal(100_000_000)),
    ("The shares of common stock offered pursuant to this prospectus supplement represent the $77,051,513 of shares "
     "previously registered but not sold under our prospectus supplement dated January 10, 2023 filed in connection "
     "with our entry into the Sales Agreement with B. Riley Securities, Inc.", Decimal(77_051_513), None),
    ("This prospectus supplement covers the remaining $12,250,000 of shares of common stock that were not sold under "
     "our prior prospectus supplement pursuant to the Sales Agreement with B. Riley Securities, Inc.",
     Decimal(12_250_000), None),
])
def test_unsold_remainder_carried_into_this_prospectus(sentence, offered, cap):
    ev = by_type(events(sentence + " As of the date of this prospectus supplement, we have sold 1,000,000 shares "
                        "under the Sales Agreement for gross proceeds of $5.0 million."))
    program = ev.get("program_established") or ev.get("program_amended")
    assert program.offered_amount == offered
    if cap is not None:
        assert program.max_amount == cap
    assert ev["sales_reported"].remaining_amount == offered


@pytest.mark.parametrize("sentence", [
    # The cap of a new program described as such is no remainder.
    "We have entered into a Sales Agreement with B. Riley Securities, Inc. relating to shares of our common stock "
    "having an aggregate offering price of up to $50,000,000, which represents the maximum amount we may sell.",
])
def test_no_remainder_without_an_unsold_amount(sentence):
    ev = by_type(events(sentence))
    assert ev["program_established"].offered_amount is None
    assert ev["program_established"].max_amount == Decimal(50_000_000)


@pytest.mark.parametrize("plan", [
    "Wainwright will be entitled to compensation at a fixed commission rate of 3% of the gross proceeds of each sale "
    "of shares of our common stock.",
    "Each sales agent will be entitled to compensation at a commission rate equal to 3% of the gross sales price per "
    "share sold.",
    "The compensation to the Agent for sales of common stock will be a commission equal to 3% of the gross sales "
    "price.",
    "We will pay Wainwright a commission equal to 3% of the sales price of all shares sold through it as our agent.",
])
def test_commission_in_a_plan_of_distribution_paragraph_of_its_own(plan):
    # A paragraph apart from the program's, as plans of distribution are laid out.
    doc = ("PROSPECTUS SUPPLEMENT\nUp to $10,000,000\nCommon Stock\nWe have entered into a Common Stock Sales "
           "Agreement, dated May 5, 2025, with H.C. Wainwright & Co., LLC relating to shares of our common stock "
           "offered by this prospectus supplement. Sales, if any, will be made in \"at the market offerings\" as "
           "defined in Rule 415(a)(4).\n\nPLAN OF DISTRIBUTION\n\nThe Agent will use commercially reasonable "
           "efforts to sell the shares.\n\n" + plan + "\n")
    ev = parse_filing(doc.encode(), path="plan.md").events[0]
    assert ev.commission_rate == Decimal(3)


def test_an_underwriting_discount_paragraph_is_no_commission():
    doc = ("PROSPECTUS SUPPLEMENT\nUp to $10,000,000\nCommon Stock\nWe have entered into a Common Stock Sales "
           "Agreement, dated May 5, 2025, with H.C. Wainwright & Co., LLC relating to shares of our common stock "
           "offered by this prospectus supplement in \"at the market offerings\".\n\nThe underwriters will be entitled "
           "to an underwriting discount and commission of 6% of the gross proceeds of the notes offering.\n")
    assert parse_filing(doc.encode(), path="plan.md").events[0].commission_rate is None


@pytest.mark.parametrize("sentence, expected", [
    ("We have entered into an equity distribution agreement, dated May 5, 2025, with B. Riley Securities, Inc. "
     "relating to shares of the Series A Preferred Stock having an aggregate offering price of up to $20,000,000.",
     "7.50% Series A Cumulative Redeemable Perpetual Preferred Stock"),
    # near miss: the cover names another series; the short name stays
    ("We have entered into an equity distribution agreement, dated May 5, 2025, with B. Riley Securities, Inc. "
     "relating to shares of the Series B Preferred Stock having an aggregate offering price of up to $20,000,000.",
     "Series B Preferred Stock"),
])
def test_a_series_named_by_its_short_term_takes_the_covers_full_name(sentence, expected):
    cover = "PROSPECTUS SUPPLEMENT\n\nUp to $20,000,000\n\n7.50% Series A Cumulative Redeemable Perpetual Preferred Stock\n\n"
    ev = events(sentence, cover=cover)[0]
    assert ev.security == expected


def test_a_series_name_glued_at_tag_edges_is_spaced():
    ev = events("We have entered into a sales agreement dated March 5, 2025 with B. Riley Securities, Inc., relating to "
                "the issuance and sale from time to time of up to $20,000,000 in aggregate sales price of our 6.375% "
                "SeriesD Cumulative RedeemablePreferred Stock.")[0]
    assert ev.security == "6.375% Series D Cumulative Redeemable Preferred Stock"


@pytest.mark.parametrize("sentence, first, second", [
    ("In accordance with the terms of the equity distribution agreements, we may offer and sell up to 15,000,000 "
     "shares of common stock and up to 1,000,000 shares of Series A Preferred Stock from time to time through the "
     "sales agents.", ("common stock", 15_000_000, None), ("Series A Preferred Stock", 1_000_000, None)),
    ("Under the sales agreement we may sell up to $50,000,000 of our common stock and up to $25,000,000 of our 7.00% "
     "Series B Cumulative Preferred Stock through the agents.",
     ("common stock", None, Decimal(50_000_000)), ("7.00% Series B Cumulative Preferred Stock", None, Decimal(25_000_000))),
])
def test_one_agreement_with_a_cap_for_each_class_is_two_programs(sentence, first, second):
    evs = events("We have entered into equity distribution agreements, dated May 5, 2025, with KeyBanc Capital "
                 "Markets Inc. and B. Riley Securities, Inc. relating to our securities offered by this prospectus "
                 "supplement. " + sentence)
    got = sorted((e.security, e.max_shares, e.max_amount) for e in evs if e.type == "program_established")
    assert got == sorted([first, second])
    assert all(e.agents == ["KeyBanc Capital Markets Inc.", "B. Riley Securities, Inc."] for e in evs)


def test_two_amounts_of_one_class_stay_one_program():
    # near miss: the same class twice (two tranches), not two programs
    evs = events("We have entered into a sales agreement, dated May 5, 2025, with B. Riley Securities, Inc. We may sell "
                 "up to $50,000,000 of our common stock and up to $25,000,000 of our common stock under the forward "
                 "component.")
    assert [e.type for e in evs] == ["program_established"]


def test_a_cap_for_each_class_as_a_numbered_list_before_the_program_sentence():
    evs = events("This prospectus supplement relates to the issuance and sale from time to time, through UBS Securities "
                 "LLC (the “sales agent”), of (i) common units representing limited liability company interests (the "
                 "“common units”) having an aggregate offering price of up to $500,000,000 and (ii) 7.875% Series A "
                 "Cumulative Redeemable Perpetual Preferred Units (the “Series A Preferred Units”) having an aggregate "
                 "offering price of up to $250,000,000. These sales, if any, will be made pursuant to the terms of the "
                 "equity distribution agreement dated November 26, 2013 between us and the sales agent.")
    got = sorted((e.security, e.max_amount) for e in evs if e.type == "program_established")
    assert got == [("7.875% Series A Cumulative Redeemable Perpetual Preferred Units", Decimal(250_000_000)),
                   ("common units", Decimal(500_000_000))]


@pytest.mark.parametrize("text", [
    "Up to US$7,200,000 Class A Ordinary Shares Represented by American Depositary Shares",
    "relating to the offer and sale of our American depositary shares, or ADSs, each representing ten ordinary shares",
])
def test_ordinary_shares_sold_as_adss_are_the_adss(text):
    assert security(text)[0] == "American Depositary Shares"


def test_ordinary_shares_alone_stay_ordinary_shares():
    assert security("relating to the offer and sale of our ordinary shares, nominal value $0.01 per share")[0] == "ordinary shares"


@pytest.mark.parametrize("sentence", [
    "We will pay the Agents an aggregate fee no greater than 2% of the gross sales price per share for any shares sold "
    "through them acting as our sales agents.",
    "We will pay the Agents an aggregate fee of up to 2% of the gross sales price per share for any shares sold through "
    "them acting as our sales agents.",
    "We will pay each Agent a fee not to exceed 2% of the gross sales price of the shares sold through it.",
])
def test_the_agents_fee_in_a_sentence_of_its_own(sentence):
    body = ("We have entered into separate equity distribution agreements with Jefferies LLC and Wells Fargo Securities, "
            "LLC (the \"Agents\"), relating to shares of our common stock having an aggregate offering price of up to "
            "$300,000,000.\n" + sentence)
    assert by_type(events(body))["program_established"].commission_rate == Decimal(2)


def test_an_underwriting_fee_is_no_agent_commission():
    body = ("We have entered into a Sales Agreement with Jefferies LLC, relating to shares of our common stock having an "
            "aggregate offering price of up to $300,000,000.\nWe will pay the underwriters a fee of 5% in our separate "
            "underwritten offering.")
    assert by_type(events(body))["program_established"].commission_rate is None


@pytest.mark.parametrize("text, expected", [
    # the cover names the plain class first, the selling sentence the lettered one
    ("Up to $50,000,000 Common Stock. We may offer and sell shares of our Class A common stock, par value $0.0001 per "
     "share, from time to time through the agent.", "Class A common stock"),
    # a mirror glues the amount to the class at a tag edge
    ("Up to $800,000,000Class A Common Stock", "Class A common stock"),
    ("relate to the offer and sale of shares of Class A common stock, par value $0.0001 per share (\u201ccommon stock\u201d)",
     "Class A common stock"),
    ("Up to $15,000,000 Ordinary Shares. relating to the sale of our Class A Ordinary Shares, par value $1.00 per share",
     "Class A ordinary shares"),
    ("Up to $300,000,000 Limited Partnership Units", "limited partnership units"),
    # a lettered series of common stock, then its defined term
    ("$25,000,000 Series A Common Stock. We have entered into a sales agreement relating to shares of our Series A Common "
     "Stock (the \"Common Stock\") offered by this prospectus supplement.", "Series A common stock"),
    ("Up to $10,000,000 Common Stock. We may offer and sell shares of our Series 1 common stock from time to time.",
     "Series 1 common stock"),
])
def test_the_class_the_text_names_is_the_security(text, expected):
    assert security(text)[0] == expected


def test_a_preferred_series_beside_plain_common_stock_is_no_class_of_it():
    # near miss: "Series A Preferred Stock" names a preferred series, not a lettered series of common stock
    text = ("Up to $50,000,000 Common Stock. Each share of our Series A Preferred Stock converts into ten shares of common "
            "stock.")
    assert security(text)[0] == "common stock"


def test_two_classes_named_leave_the_plain_name():
    # near miss: which class is sold is not told by naming both
    text = "Up to $50,000,000 Common Stock. Each share of Class B common stock converts into one share of Class A common stock."
    assert security(text)[0] == "common stock"


@pytest.mark.parametrize("sentence, expected", [
    ("We have entered into an equity distribution agreement, dated May 5, 2025, with B. Riley Securities, Inc. relating "
     "to the issuance and sale, from time to time, of our common stock, par value $0.01 per share and our 8.50% Series A "
     "Cumulative Redeemable Preferred Stock, or our Series A Preferred Stock, having an aggregate offering price of up to "
     "$20,000,000.", "common stock and 8.50% Series A Cumulative Redeemable Preferred Stock"),
    ("We have entered into a sales agreement, dated May 5, 2025, with B. Riley Securities, Inc. relating to the offer and "
     "sale of shares of our common stock, par value $0.001 per share (\u201ccommon stock\u201d), and shares of our 9.00% "
     "Series A Cumulative Redeemable Preferred Stock, par value $0.001 per share (\u201cSeries A Preferred Stock\u201d), "
     "having an aggregate offering price of up to $20,000,000.",
     "common stock and 9.00% Series A Cumulative Redeemable Preferred Stock"),
    ("We have entered into an at market issuance sales agreement, dated May 5, 2025, with B. Riley Securities, Inc. "
     "relating to our 7.250% Series A Preferred Shares (the \u201cSeries A Preferred Shares\u201d), 7.875% Series B "
     "Cumulative Preferred Shares (the \u201cSeries B Preferred Shares\u201d) and 7.875% Series C Cumulative Preferred "
     "Shares having an aggregate offering price of up to $20,000,000.",
     "7.250% Series A Preferred Shares, 7.875% Series B Cumulative Preferred Shares and 7.875% Series C Cumulative "
     "Preferred Shares"),
    ("We have entered into a sales agreement, dated May 5, 2025, with B. Riley Securities, Inc., relating to common units "
     "representing limited partner interests in Example Partners LP (the \"common units\") and 8.75% Series A Cumulative "
     "Redeemable Preferred Units having an aggregate offering price of up to $20,000,000.",
     "common units and 8.75% Series A Cumulative Redeemable Preferred Units"),
])
def test_one_agreement_for_several_classes_names_them_all(sentence, expected):
    ev = events(sentence, security="Securities")[0]
    assert ev.security == expected and ev.max_amount == Decimal(20_000_000)


@pytest.mark.parametrize("sentence, expected", [
    # the defined short term of the one series is no second class
    ("We have entered into a sales agreement, dated May 5, 2025, with B. Riley Securities, Inc. relating to up to "
     "$20,000,000 of our 6.125% Series C Cumulative Redeemable Preferred Stock, par value $0.01 per share, or the Series "
     "C Preferred Stock.", "6.125% Series C Cumulative Redeemable Preferred Stock"),
    # another class named later in the sentence, not in the list, is not sold
    ("We have entered into a sales agreement, dated May 5, 2025, with B. Riley Securities, Inc. relating to shares of our "
     "common stock having an aggregate offering price of up to $20,000,000, which ranks junior to our 8.50% Series A "
     "Cumulative Redeemable Preferred Stock.", "common stock"),
])
def test_a_class_named_outside_the_list_is_not_joined(sentence, expected):
    assert events(sentence, security="Securities")[0].security == expected


@pytest.mark.parametrize("text", [
    "Up to $50,000,000 Depositary Shares Each representing 1/100th of One Share of 8.75% Series B Cumulative "
    "Redeemable Perpetual Preferred Stock",
    "relating to our depositary shares (the \u201cdepositary shares\u201d), each representing a 1/100th fractional "
    "interest in a share of our 8.75% Series B Cumulative Redeemable Perpetual Preferred Stock",
    "Up to $50,000,000Depositary SharesEach representing 1/100th of One Share of8.75% Series B Cumulative Redeemable "
    "Perpetual Preferred Stock",
])
def test_depositary_shares_for_a_preferred_series_are_the_security(text):
    assert security(text)[0] == ("depositary shares representing 8.75% Series B Cumulative Redeemable Perpetual "
                                 "Preferred Stock")


def test_a_depositary_bank_is_no_depositary_share():
    # near miss: the depositary that holds the shares, no depositary shares sold
    text = ("The shares of our 8.75% Series B Cumulative Redeemable Perpetual Preferred Stock will be held by Computershare "
            "Trust Company, N.A., as depositary.")
    assert security(text)[0] == "8.75% Series B Cumulative Redeemable Perpetual Preferred Stock"


@pytest.mark.parametrize("sentence, expected", [
    ("We have entered into a sales agreement with Maxim Group LLC relating to shares of our common stock. In accordance "
     "with the terms of the sales agreement, we may offer and sell up to the maximum of 32,000,000 shares of our common "
     "stock from time to time through Maxim Group LLC, acting as agent.", 32_000_000),
    ("We have entered into sales agency agreements with BNY Mellon Capital Markets, LLC and KeyBanc Capital Markets Inc. "
     "relating to our common stock. This prospectus supplement relates to a maximum of 4,844,787 shares.", 4_844_787),
    ("We have entered into an equity distribution agreement with Jefferies LLC. This prospectus supplement and the "
     "accompanying prospectus relate to the offer and sale from time to time of 13,510,817 of our common shares of "
     "beneficial interest through Jefferies LLC, as sales agent.", 13_510_817),
])
def test_caps_in_shares_said_other_ways(sentence, expected):
    ev = events(sentence)[0]
    assert ev.type == "program_established" and ev.max_shares == expected


def test_an_unsold_remainder_by_count_is_no_cap():
    # near miss: the shares offered are what remains unsold under an earlier supplement
    evs = events("We have entered into a sales agreement with Cantor Fitzgerald & Co. relating to our common shares. "
                 "This prospectus supplement relates to the offer and sale of 4,940,097 common shares that remain unsold "
                 "under the March Prospectus Supplement.")
    assert by_type(evs)["program_established"].max_shares is None


@pytest.mark.parametrize("sentence", [
    "This prospectus supplement relates to the offer and sale of up to 5,000,000 shares of our common stock, par value "
    "$0.01 per share (\u201ccommon stock\u201d), and 500,000 shares of our 9.00% Series A Cumulative Preferred Stock, par "
    "value $1.00 per share, from time to time through Ladenburg Thalmann & Co. Inc., as our agent, under an equity "
    "distribution agreement dated September 25, 2020.",
    "We may offer and sell up to 5,000,000 shares of our common stock and up to 500,000 shares of our 9.00% Series A "
    "Cumulative Preferred Stock from time to time through Ladenburg Thalmann & Co. Inc., as our agent, under an equity "
    "distribution agreement dated September 25, 2020.",
])
def test_a_share_cap_for_each_class_is_one_program_each(sentence):
    got = sorted((e.security, e.max_shares) for e in events(sentence) if e.type == "program_established")
    assert got == [("9.00% Series A Cumulative Preferred Stock", 500_000), ("common stock", 5_000_000)]


_FLAT_BODY = ("On February 14, 2025, we entered into an ATM Equity Offering Sales Agreement with BofA Securities, Inc. and "
              "Jefferies LLC, relating to our common shares offered by this prospectus supplement pursuant to a continuous "
              "offering program.")


@pytest.mark.parametrize("head, cap", [
    # a mirror page that lost the cover's line breaks: the amount right after "(To prospectus dated ...)"
    ("Filed Pursuant to Rule 424(b)(5) Registration No. 333-275356 Prospectus Supplement (To prospectus dated November 6, "
     "2023) $500,000,000 Acadia Realty Trust Common Shares of Beneficial Interest ", Decimal(500_000_000)),
    # a capitalised "Up to" that no sentence leads into
    ("424B5 1 d123.htm 424B5 Filed Pursuant to Rule 424(b)(5) PROSPECTUS SUPPLEMENT Up to $75,000,000 Acme Realty Inc. "
     "Common Stock ", Decimal(75_000_000)),
    # the title-case heading "Having an Aggregate Offering Price of Up to $X" run into the first sentence
    ("Filed Pursuant to Rule 424(b)(5) PROSPECTUS SUPPLEMENT (To Prospectus dated December 6, 2011) LOGO Buckeye "
     "Partners, L.P. Limited Partnership Units Representing Limited Partner Interests Having an Aggregate Offering "
     "Price of Up to $300,000,000 ", Decimal(300_000_000)),
    ("Prospectus supplement (To prospectus dated December 3, 2024) LOGO Atmos Energy Corporation Common stock Having "
     "an Aggregate Offering Price of up to $1,700,000,000 ", Decimal(1_700_000_000)),
    # the issuer's name, a second parenthetical or a logo's file name between the parenthetical and the amount
    ("Filed Pursuant to Rule 424(b)(5) PROSPECTUS SUPPLEMENT (To Prospectus Dated October 31, 2025) Dominion Energy, "
     "Inc. $1,800,000,000 Common Stock ", Decimal(1_800_000_000)),
    ("PROSPECTUS SUPPLEMENT Filed pursuant to rule 424(b)(5) (TO PROSPECTUS DATED MAY 7, 2012) (Registration no. "
     "333-168568) $35,000,000 EXCEL MARITIME CARRIERS LTD. CLASS A COMMON STOCK ", Decimal(35_000_000)),
    ("PROSPECTUS SUPPLEMENT (TO PROSPECTUS DATED DECEMBER 2, 2022) img145881582_0.jpg $50,000,000 Beneficial Unit "
     "Certificates ", Decimal(50_000_000)),
    # near misses: a par value under the parenthetical, a sentence's "up to"
    ("Filed Pursuant to Rule 424(b)(2) (To Prospectus dated November 22, 2024) $0.01 PAR VALUE PER SHARE Acme Fund ", None),
    ("Filed Pursuant to Rule 424(b)(5) PROSPECTUS SUPPLEMENT Acme Realty Inc. Common Stock We may sell up to $75,000,000 "
     "Of Shares in the future. ", None),
])
def test_the_cover_amount_of_a_cover_whose_lines_ran_together(head, cap):
    ev = by_type(parse_filing((head + _FLAT_BODY).encode(), path="flat.txt").events)["program_established"]
    assert ev.max_amount == cap


def test_a_fee_tables_last_cell_before_the_cover_is_no_amount():
    # the cover window starts two paragraphs before "Prospectus Supplement": a fee table's "$43,640.00" cell,
    # followed by its "Rule 457(o)" footnote, is neither the cap nor what this prospectus offers
    doc = ("Filed Pursuant to Rule 424(b)(5)\nCALCULATION OF REGISTRATION FEE\nShares of Acme Ltd., par value CHF 0.10 per "
           "share | $400,000,000\n$43,640.00\n(1) | Calculated in accordance with Rule 457(o) and Rule 457(r) under the "
           "Securities Act. | Prospectus Supplement\n(To Prospectus dated June 14, 2021)\nAcme Ltd.\nUp to $400,000,000 "
           "Aggregate Offering Price of Shares\nWe have entered into an equity distribution agreement with Jefferies LLC, as "
           "sales agent, relating to the offer and sale from time to time of our shares, par value CHF 0.10 per share. "
           "Sales may be made in \"at the market\" offerings as defined in Rule 415.\n")
    ev = by_type(parse_filing(doc.encode(), path="fee.txt").events)["program_established"]
    assert ev.max_amount == Decimal(400_000_000) and ev.offered_amount is None
    # an issuer whose one class is called "shares", named beside its par value
    assert ev.security == "shares"


@pytest.mark.parametrize("sentence, rate", [
    ("The sales agents will receive from us a commission equal to a percentage, not to exceed 2.0%, of the gross sales "
     "price per common unit sold.", Decimal("2.0")),
    ("Jefferies will receive a commission of 1.0% of the gross sales price of all shares sold through it.", Decimal("1.0")),
])
def test_the_agents_commission_said_as_what_they_will_receive(sentence, rate):
    ev = by_type(events("We have entered into an Equity Distribution Agreement, dated May 1, 2024, with Jefferies LLC, "
                        "relating to shares of our common stock having an aggregate offering price of up to $50,000,000.\n\n"
                        + sentence))["program_established"]
    assert ev.commission_rate == rate


def test_shares_without_a_par_value_are_no_class():
    # near miss: "shares" alone in a sentence about common stock names no class of its own
    assert security("We may sell shares from time to time; our common stock is listed on Nasdaq.")[0] == "common stock"


def test_a_funds_share_cap_with_a_dollar_ceiling():
    ev = by_type(events("The Fund has entered into a sales agreement with JonesTrading Institutional Services LLC relating "
                        "to its common shares. In accordance with the terms of the sales agreement, the Fund may offer and "
                        "sell up to 18,800,000 of its Common Shares from time to time through JonesTrading as its agent, "
                        "subject to an aggregate cap of $50,000,000."))["program_established"]
    assert ev.max_amount == Decimal(50_000_000) and ev.max_shares == 18_800_000


@pytest.mark.parametrize("cover_amount, sentence, cap, offered", [
    # the cover registers less than the program the sentence states
    ("$124,601,795", "In accordance with the terms of the Sale Agreement, we may offer and sell shares of our common stock "
     "having an aggregate offering price of up to $150,000,000 pursuant to this prospectus supplement.",
     Decimal(150_000_000), Decimal(124_601_795)),
    # near miss: the larger figure is the old amount of a change "from $X to $Y"
    ("Up to $254,411,271.43", "We are filing this prospectus supplement to reduce the aggregate amount of common stock that "
     "may be sold pursuant to this prospectus supplement from $300,000,000 to $254,411,271.43.",
     Decimal("254411271.43"), None),
])
def test_a_cover_amount_below_the_stated_program(cover_amount, sentence, cap, offered):
    cover = f"PROSPECTUS SUPPLEMENT\n(To Prospectus dated October 22, 2021)\n{cover_amount}\nCommon Stock\n"
    body = ("We have entered into an Open Market Sale Agreement dated August 17, 2018 (the \"Sale Agreement\"), with "
            "Jefferies LLC, relating to the sale of shares of our common stock offered by this prospectus supplement. " + sentence)
    ev = [e for e in events(body, cover=cover) if e.type in ("program_established", "program_amended")][0]
    assert ev.max_amount == cap and ev.offered_amount == offered


@pytest.mark.parametrize("sentence", [
    "In no event can we sell more than $40,000,000 of our common stock under the Sales Agreement.",
    "In no event may we issue more than $40,000,000 of common stock pursuant to the Sales Agreement.",
    "We will not sell more than $40,000,000 of our common stock through the Agent.",
])
def test_a_cap_said_as_what_we_can_never_exceed(sentence):
    ev = by_type(events("We have entered into a Sales Agreement, dated May 5, 2025, with H.C. Wainwright & Co., LLC relating "
                        "to shares of our common stock offered by this prospectus supplement. " + sentence))["program_established"]
    assert ev.max_amount == Decimal(40_000_000)


@pytest.mark.parametrize("sentence", [
    "The gross proceeds from this offering may be up to $40,000,000.",
    "The aggregate proceeds of the offering will not exceed $40,000,000.",
])
def test_a_cap_said_as_the_offerings_gross_proceeds(sentence):
    ev = by_type(events("We have entered into an At Market Issuance Sales Agreement, dated May 5, 2025, with B. Riley "
                        "Securities, Inc. relating to the sale of shares of our common stock from time to time through "
                        "the agent. " + sentence))["program_established"]
    assert ev.max_amount == Decimal(40_000_000)


@pytest.mark.parametrize("sentence", [
    "This prospectus supplement covers the offer and sale of up to $40,000,000 of our common stock.",
    "This prospectus supplement relates to the offer and sale from time to time of shares of our common stock having an "
    "aggregate offering price of up to $40,000,000.",
    "This prospectus supplement registers the issuance of up to $40,000,000 of common stock.",
])
def test_a_cap_said_as_what_this_supplement_covers(sentence):
    ev = by_type(events("We entered into an Open Market Sale Agreement with Jefferies LLC on July 1, 2022. " + sentence))[
        "program_established"]
    assert ev.max_amount == Decimal(40_000_000)


def test_what_this_supplement_covers_does_not_override_the_agreements_cap():
    # near miss: the agreement's own cap stands; the supplement's smaller amount is what it offers
    ev = by_type(events("We entered into an Open Market Sale Agreement with Jefferies LLC on July 1, 2022, relating to shares "
                        "having an aggregate offering price of up to $100,000,000. This prospectus supplement covers the "
                        "offer and sale of up to $40,000,000 of our common stock."))["program_established"]
    assert ev.max_amount == Decimal(100_000_000)


def test_a_sum_of_proceeds_already_raised_is_no_cap():
    # near miss: what an earlier offering brought in caps nothing
    ev = by_type(events("We have entered into a Sales Agreement, dated May 5, 2025, with H.C. Wainwright & Co., LLC "
                        "relating to shares of our common stock offered by this prospectus supplement, having an aggregate "
                        "offering price of up to $25,000,000. The gross proceeds from our initial public offering were "
                        "$40,000,000."))["program_established"]
    assert ev.max_amount == Decimal(25_000_000)


@pytest.mark.parametrize("text", [
    "shares of our Class A common stock, par value $0.0001 per share, or common stock, having an aggregate offering "
    "price of up to $50,000,000",
    "shares of Class A common stock, par value $0.0001 per share (our \u201ccommon stock\u201d), having an aggregate "
    "offering price of up to $50,000,000",
])
def test_common_stock_as_the_defined_term_for_the_lettered_class(text):
    # the defined term of the class already named, not a second class
    assert securities(text)[0] == "Class A common stock"


def test_a_lettered_class_and_a_preferred_series_stay_two():
    text = ("shares of our Class A common stock, par value $0.0001 per share, and our 7.00% Series A Preferred Stock, "
            "having an aggregate offering price of up to $50,000,000")
    assert securities(text)[0] == "Class A common stock and 7.00% Series A Preferred Stock"


# programs.main_program: a cover sentence of its own that sells a number of shares through the agents is the cap
# in shares, though its paragraph names no agreement.
@pytest.mark.parametrize("cap", [
    "We may offer and sell up to 2,726,390 shares of our common stock from time to time through the sales agents named below.",
    "The Company may sell up to 2,726,390 shares of its common stock through any of the agents named in this prospectus supplement.",
])
def test_a_share_cap_sold_through_the_agents_in_a_paragraph_of_its_own(cap):
    body = (cap + "\n\nWe may offer and sell shares of our common stock through one or both of the sales agents, from time to "
            "time in transactions at the market prices prevailing at the time of sale, pursuant to the applicable sales "
            "agency agreement with Wells Fargo Securities, LLC or BNY Mellon Capital Markets, LLC.")
    ev = by_type(events(body, cap="2,726,390 Shares"))["program_established"]
    assert ev.max_shares == 2_726_390


def test_a_share_count_sold_through_underwriters_is_no_cap():
    body = ("The underwriters may offer and sell up to 500,000 shares of our common stock through their selling agents."
            "\n\nWe may offer and sell shares of our common stock from time to time at market prices pursuant to the sales "
            "agency agreement with Wells Fargo Securities, LLC, having an aggregate offering price of up to $50,000,000.")
    ev = by_type(events(body))["program_established"]
    assert ev.max_shares is None


# identity.OFFERED_RES / programs._caps: what this prospectus offers below an agreement cap that is "subject to" I.B.6.
@pytest.mark.parametrize("offered", [
    "We are offering shares of our common stock having an aggregate offering price of up to $2,994,080 pursuant to this "
    "prospectus supplement, which is the maximum amount currently allowable under Instruction I.B.6.",
    "We are now offering shares having an aggregate offering price of up to $2,994,080 under this prospectus supplement, "
    "the most General Instruction I.B.6 permits.",
    # "relates to" the amount (2.66): after a raise, the increase it registers
    "This prospectus supplement only relates to the $2,994,080 of additional shares of common stock that we may issue "
    "and sell under the sales agreement.",
    "This prospectus supplement relates only to an additional $2,994,080 of shares of our common stock.",
])
def test_the_slice_this_prospectus_offers_under_a_limited_agreement(offered):
    body = ("We have entered into a sales agreement with Guggenheim Securities, LLC relating to our common stock. In "
            "accordance with the terms of the sales agreement, we may offer and sell shares of our common stock having an "
            "aggregate offering price of up to $20,000,000 from time to time through Guggenheim Securities, acting as our "
            "agent, subject to the application of General Instruction I.B.6 of Form S-3. " + offered)
    ev = by_type(events(body, cap="Up to $20,000,000"))["program_established"]
    assert ev.max_amount == Decimal(20_000_000) and ev.offered_amount == Decimal(2_994_080)


def test_an_offer_of_the_whole_cap_is_no_slice():
    body = ("We have entered into a sales agreement with Guggenheim Securities, LLC relating to our common stock, under which "
            "we may sell up to $20,000,000 of common stock. We are offering shares of our common stock having an aggregate "
            "offering price of up to $20,000,000 pursuant to this prospectus supplement.")
    ev = by_type(events(body, cap="Up to $20,000,000"))["program_established"]
    assert ev.max_amount == Decimal(20_000_000) and ev.offered_amount is None


@pytest.mark.parametrize("sentence", [
    "In accordance with the terms of the Sales Agreement, we may offer and sell $3,900,000 of our common shares from "
    "time to time through Virtu Americas LLC as our sales agent.",
    "Under the Sales Agreement with Virtu Americas LLC we can sell $3,900,000 of common stock from time to time.",
    "Pursuant to the Sales Agreement with Virtu Americas LLC, we may sell $3.9 million of our ordinary shares.",
])
def test_a_cap_stated_without_up_to(sentence):
    assert by_type(events(sentence))["program_established"].max_amount == Decimal(3_900_000)


def test_a_bare_amount_of_other_securities_is_no_cap():
    evs = events("We have entered into a Sales Agreement with Virtu Americas LLC as our sales agent. Under General "
                 "Instruction I.B.6 we may sell $3,900,000 of our securities in any twelve-month period.")
    assert by_type(evs)["program_established"].max_amount is None


_PAID_DOC = ("PROSPECTUS SUPPLEMENT\nUp to $50,000,000\nCommon Stock\nWe have entered into a Sales Agreement with SVB "
             "Leerink LLC, Jefferies LLC and H.C. Wainwright & Co., LLC relating to shares of our common stock having an "
             "aggregate offering price of up to $50,000,000. Sales of our common stock, if any, under this prospectus "
             "supplement may be made in sales deemed to be \"at the market offerings\" as defined in Rule 415(a)(4).\n\n"
             "There is no arrangement for funds to be received in any escrow, trust or similar arrangement.\n\n{}\n")


@pytest.mark.parametrize("sentence", [
    "The compensation to SVB Leerink for sales of our common shares will be 3.0% of the gross sales price per share sold.",
    "The commission payable to Jefferies for each sale will be 3.0% of the gross proceeds.",
    "The compensation of H.C. Wainwright & Co., LLC will be 3.0% of the aggregate gross proceeds from each sale.",
])
def test_a_rate_paid_to_the_agent_by_its_name(sentence):
    # The rate stands in a paragraph of its own and names the agent, not "the agent".
    evs = parse_filing(_PAID_DOC.format(sentence).encode(), path="passage.md").events
    assert by_type(evs)["program_established"].commission_rate == Decimal(3)


def test_a_rate_paid_to_someone_else_is_no_commission():
    sentence = "The compensation to Acme Advisors for its advice will be 3.0% of the gross proceeds of the merger."
    evs = parse_filing(_PAID_DOC.format(sentence).encode(), path="passage.md").events
    assert by_type(evs)["program_established"].commission_rate is None


_PLACEMENT_PROGRAM = ("We have entered into an equity distribution agreement, dated May 2, 2024, with Raymond James & "
                      "Associates, Inc. and B. Riley Securities, Inc., {defined}, relating to the sale of up to 10,000,000 "
                      "shares of our common stock. ")


@pytest.mark.parametrize("defined, rate_sentence", [
    ("each a \"Placement Agent\"", "The Placement Agents will receive a commission from us equal to up to 1.75% of the "
                                   "gross sales price of any shares of our common stock sold through the Placement Agents."),
    ("as placement agents", "Each placement agent will be entitled to compensation of 1.75% of the gross sales price of "
                            "shares sold through it."),
])
def test_a_programs_placement_agents_are_paid_its_commission(defined, rate_sentence):
    evs = events(_PLACEMENT_PROGRAM.format(defined=defined) + rate_sentence)
    assert by_type(evs)["program_established"].commission_rate == Decimal("1.75")


def test_a_placement_agents_fee_beside_sales_agents_is_no_commission():
    # near miss: the program's agents are sales agents; a placement agent's fee is another offering's
    evs = events(_PLACEMENT_PROGRAM.format(defined="as sales agents") + "In our registered direct offering we paid the "
                 "placement agent a fee equal to 7.0% of the gross proceeds.")
    assert by_type(evs)["program_established"].commission_rate is None


@pytest.mark.parametrize("sentence", [
    "These sales, if any, will be made pursuant to the terms of a Sales Agreement entered into between us and our sales "
    "agent, which was filed with the Securities and Exchange Commission under a Current Report on Form 8-K dated "
    "September 7, 2012, and is incorporated herein by reference.",
    "Sales will be made under a Controlled Equity Offering Agreement with our sales agent, the form of which was filed as "
    "an exhibit to our Form 8-K dated September 7, 2012.",
])
def test_the_date_of_the_report_an_agreement_was_filed_with_is_not_the_agreements(sentence):
    ev = by_type(events(sentence))["program_established"]
    assert ev.agreement_date is None


def test_an_agreement_dated_in_its_own_words_keeps_its_date_beside_a_report():
    # near miss: the agreement's own "dated" stands, whatever report it was filed with
    from datetime import date
    ev = by_type(events("We have entered into a Sales Agreement, dated September 5, 2012, with our sales agent, which was "
                        "filed as an exhibit to our Current Report on Form 8-K dated September 7, 2012."))["program_established"]
    assert ev.agreement_date == date(2012, 9, 5)


_TABLE_COVER = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated October 5, 2007)\nExample Shipping Inc.\n5,309,000 Common Shares\n"
                "Cantor Fitzgerald & Co.\nAs of September 30, 2007\n(in thousands of U.S. dollars)\nCurrent portion of "
                "long-term debt\n{cell}\n118,999\n")


def test_a_dollar_sign_in_a_table_cell_of_its_own_is_no_cover_amount():
    from edgar_atm.extract.role import cover_amount
    assert cover_amount(_TABLE_COVER.format(cell="$\n111,199")) is None
    # near miss: the cover's amount line keeps its amount
    found = cover_amount(_TABLE_COVER.format(cell="$111,199,000"))
    assert found is not None and found[0] == Decimal(111_199_000)


@pytest.mark.parametrize("text, name", [
    ("relating to the sale of shares of our voting common stock, par value $0.0001 per share", "voting common stock"),
    ("the offer and sale of shares of Non-Voting Common Stock", "non-voting common stock"),
])
def test_voting_and_non_voting_common_stock_are_named_classes(text, name):
    assert security(text)[0] == name


def test_common_stock_with_voting_rights_is_plain_common_stock():
    # near miss: "voting" describing rights, not the class's name
    assert security("shares of our common stock, which carry voting rights")[0] == "common stock"


@pytest.mark.parametrize("sentence, rate", [
    ("Wainwright will be entitled to compensation at a fixed commission rate equal to three percent (3.0%) of the gross "
     "proceeds per share sold.", Decimal("3.0")),
    ("The sales agent will receive a commission of two and one-half percent (2.5%) of the gross sales price.",
     Decimal("2.5")),
    ("We will pay the agent a commission equal to one percent ( 1% ) of the gross proceeds.", Decimal("1")),
])
def test_a_commission_written_in_words_then_figures(sentence, rate):
    found = commission(sentence)
    assert found is not None and found[0] == rate


def test_a_percentage_of_something_else_after_the_commission_words_is_no_rate():
    # near miss: the words then a figure that is not a percentage of the sales
    assert commission("The sales agent will receive a commission as agreed, and we own three percent of the company.") \
        is None


# programs._established_on: agreements entered into "when established", a sentence after the one that dates the program.
WHEN_COVER = ("Filed pursuant to Rule 497\nUp to $100,000,000\nCommon Stock\nSupplement No. 2, dated February 4, 2020\n"
              "to Prospectus, dated August 15, 2019 and Prospectus Supplement, dated August 20, 2019\n"
              "This supplement amends, supplements or modifies certain information contained in the prospectus supplement, "
              "dated August 20, 2019, which relates to the sale of shares of common stock of Example Capital Corporation in "
              "an \"at-the-market\" offering pursuant to certain equity distribution agreements.\n")


@pytest.mark.parametrize("story", [
    "On March 4, 2019, we established the ATM Program to which the Prospectus relates, and through which we may sell, from "
    "time to time through sales agents, shares of our common stock. When established, we entered into equity distribution "
    "agreements with Jefferies LLC and Raymond James & Associates, Inc. to sell shares of our common stock.",
    "Effective March 4, 2019, the Company launched an at-the-market offering program for its common stock. At its "
    "establishment, the Company entered into equity distribution agreements with Jefferies LLC and Raymond James & "
    "Associates, Inc.",
])
def test_agreements_entered_into_when_the_program_was_established_take_its_date(story):
    ev = by_type(parse_filing((WHEN_COVER + story).encode("utf-8"), path="bdc.md").events)["program_amended"]
    assert ev.agreement_date == date(2019, 3, 4)
    assert ev.agents == ["Jefferies LLC", "Raymond James & Associates, Inc."]


@pytest.mark.parametrize("story", [
    # near misses: no sentence dates the program's start, or the dated start is another plan's
    "When established, we entered into equity distribution agreements with Jefferies LLC and Raymond James & Associates, "
    "Inc. to sell shares of our common stock.",
    "On March 4, 2019, we established a dividend reinvestment plan for our stockholders. When established, we entered "
    "into equity distribution agreements with Jefferies LLC and Raymond James & Associates, Inc.",
])
def test_no_dated_start_of_the_program_leaves_the_agreement_undated(story):
    ev = by_type(parse_filing((WHEN_COVER + story).encode("utf-8"), path="bdc.md").events)["program_amended"]
    assert ev.agreement_date is None


# identity.BARE_COVER_SHARES_RE: a cover's share count with no "Up to" is the cap of a program that states no other.
BARE_BODY = ("This prospectus supplement relates to the issuance and sale of shares of our common stock from time to time "
             "through our sales agent, Cantor Fitzgerald & Co. In accordance with a sales agreement dated February 7, 2005 "
             "between Cantor Fitzgerald & Co. and us, we may offer shares of common stock from time to time. Sales may be "
             "made in \"at the market\" offerings as defined in Rule 415.")


@pytest.mark.parametrize("cover", [
    "Prospectus Supplement\n(to prospectus dated January 19, 2005)\n\n5,700,000 SHARES\n\n(EXAMPLE LOGO)\n\nCOMMON STOCK\n\n",
    "Prospectus Supplement\n(to prospectus dated January 19, 2005)\nExample Mortgage Corp.\n5,700,000 Shares\nCommon Stock\n",
    "PROSPECTUS SUPPLEMENT\n(to prospectus dated January 19, 2005)\n5,700,000 Shares of Common Stock\n",
])
def test_a_bare_cover_share_count_is_the_cap_of_a_program_with_no_other(cover):
    ev = by_type(parse_filing((cover + BARE_BODY).encode("utf-8"), path="cover.md").events)["program_established"]
    assert ev.max_shares == 5_700_000 and ev.max_amount is None


def test_a_bare_cover_count_of_shares_sold_is_no_cap():
    # near miss: the cover of a sales report counts the shares it sold
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus Supplement Dated September 15, 2009)\n760,700 Shares\nExample REIT, Inc.\nCommon Stock\n"
    body = ("Pursuant to the sales agreement dated September 15, 2009 between us and Cantor Fitzgerald & Co., we sold "
            "760,700 shares of our common stock through Cantor Fitzgerald & Co., acting as our agent in \"at the market\" "
            "offerings, between May 4, 2010 and August 2, 2010, for aggregate gross proceeds of approximately $16,299,016.")
    found = by_type(parse_filing((cover + body).encode("utf-8"), path="cover.md").events)
    assert found["sales_reported"].shares_sold == 760_700
    assert all(e.max_shares is None for e in found.values())


def test_a_bare_cover_count_beside_a_dollar_cap_is_no_share_cap():
    cover = "Prospectus Supplement\n(to prospectus dated January 19, 2005)\n5,700,000 Shares\nCommon Stock\n"
    body = BARE_BODY.replace("we may offer shares of common stock from time to time",
                             "we may offer shares of common stock having an aggregate offering price of up to $50,000,000")
    ev = by_type(parse_filing((cover + body).encode("utf-8"), path="cover.md").events)["program_established"]
    assert ev.max_amount == Decimal(50_000_000) and ev.max_shares is None

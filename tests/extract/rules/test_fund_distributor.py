"""A closed-end fund's program: a distribution agreement with the fund's distributor, shares sold
"from time to time through the Distributor" or through a dealer "as sub-placement agent", on a
cover that may be cut before any at-the-market words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract import parse_filing

from .doc import by_type

COVER = ("Prospectus Supplement\n(To Prospectus dated February 25, 2013)\nExample Income Trust\n"
         "Up to 1,690,275 Common Shares\n")
DISTRIBUTOR = ("Example Income Trust (the \"Trust\") has entered into a distribution agreement dated March 11, 2013 "
               "(the \"Distribution Agreement\") with Eaton Vance Distributors, Inc. (\"Distributor\") relating to the "
               "common shares of beneficial interest (\"Common Shares\") offered by this Prospectus Supplement. ")
DEALER = ("The Distributor has entered into a dealer agreement, dated March 15, 2013 (the \"Dealer Agreement\") with "
          "UBS Securities LLC (the \"Dealer\") relating to the Common Shares offered by this Prospectus Supplement. In "
          "accordance with the terms of the Dealer Agreement, we may offer and sell our Common Shares from time to "
          "time through the Dealer as sub-placement agent for the offer and sale of the Common Shares. ")
DIRECT = "In accordance with the Distribution Agreement, the Trust may offer and sell up to 1,690,275 Common Shares, from time to time through the Distributor. "
NAV = "Under the 1940 Act, the Trust may not sell any Common Shares at a price below the current net asset value."


def parse(body: str):
    return parse_filing((COVER + body).encode("utf-8"), path="fund.md")


@pytest.mark.parametrize("body, agents", [
    (DISTRIBUTOR + DEALER + NAV, ["Eaton Vance Distributors, Inc.", "UBS Securities LLC"]),
    (DISTRIBUTOR + DIRECT + NAV, ["Eaton Vance Distributors, Inc."]),
])
def test_a_funds_distribution_program_without_at_the_market_words(body, agents):
    ev = by_type(parse(body).events)["program_established"]
    assert ev.agreement_date == date(2013, 3, 11) and ev.agents == agents and ev.max_shares == 1_690_275


def test_fund_sales_through_the_distributor_are_reported():
    body = DISTRIBUTOR + DIRECT + "As of June 11, 2013, 589,001 Common Shares have been sold through the Distributor."
    ev = by_type(parse(body).events)["sales_reported"]
    assert ev.shares_sold == 589_001 and ev.as_of == date(2013, 6, 11)


def test_a_distribution_agreement_for_notes_is_still_no_program():
    body = ("We have entered into a distribution agreement with the agents named below relating to our medium-term "
            "notes, which may be sold from time to time through the agents.")
    parsed = parse_filing(("Pricing Supplement\n" + body).encode("utf-8"), path="mtn.md")
    assert parsed.events == []


def test_an_old_amendment_is_context_when_the_cover_reports_later_figures():
    # The supplement is undated, but its cover reports sales as of a date eight months after the
    # amendment: the amendment is not this filing's change.
    body = ("Example Income Trust has entered into a distribution agreement, dated November 14, 2019, with ALPS "
            "Distributors, Inc. (the \"Distributor\"), as amended by Amendment No. 1 thereto, dated October 6, 2020, "
            "relating to the Common Shares offered by this Prospectus Supplement. The Fund may offer and sell up to "
            "17,000,000 Common Shares, from time to time through the Distributor. As of June 11, 2021, 10,589,001 "
            "Common Shares have been sold through the Distributor.")
    cover = "Prospectus Supplement\n(To Prospectus dated August 12, 2020)\nExample Income Trust\n"
    found = by_type(parse_filing((cover + body).encode("utf-8"), path="fund.md").events)
    assert "program_amended" not in found and "program_established" in found
    assert found["sales_reported"].shares_sold == 10_589_001


def test_a_recent_amendment_on_such_a_cover_is_still_the_change():
    body = ("Example Income Trust has entered into a distribution agreement, dated November 14, 2019, with ALPS "
            "Distributors, Inc. (the \"Distributor\"), as amended by Amendment No. 1 thereto, dated June 1, 2021, "
            "relating to the Common Shares offered by this Prospectus Supplement. The Fund may offer and sell up to "
            "17,000,000 Common Shares, from time to time through the Distributor. As of June 11, 2021, 10,589,001 "
            "Common Shares have been sold through the Distributor.")
    cover = "Prospectus Supplement\n(To Prospectus dated August 12, 2020)\nExample Income Trust\n"
    found = by_type(parse_filing((cover + body).encode("utf-8"), path="fund.md").events)
    assert found["program_amended"].amendment_date == date(2021, 6, 1)


FUND_EDA = ("The Fund has entered into an Equity Distribution Agreement (the \"Equity Distribution Agreement\") among the "
            "Fund, the Fund's investment adviser and Wells Fargo Securities, LLC (\"Wells Fargo Securities\") relating to "
            "the Common Stock offered by this Prospectus Supplement. In accordance with the terms of the Equity "
            "Distribution Agreement, the Fund may offer and sell shares of Common Stock having an aggregate offering "
            "price of up to $126,843,417, from time to time, through Wells Fargo Securities as agent for the Fund.")


@pytest.mark.parametrize("opening", [
    "We are offering shares of our common stock (\"Common Stock\").",
    "We are offering shares of our common stock.",
    "We are offering common shares (the \"Common Shares\").",
])
def test_a_fund_cover_that_opens_with_what_it_sells_is_still_the_programs(opening):
    text = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated March 3, 2023)\nExample Select Income Fund Inc.\n" + opening +
            " We are a diversified, closed-end management investment company.\n" + FUND_EDA)
    ev = by_type(parse_filing(text.encode("utf-8"), path="fund.md").events)["program_established"]
    assert ev.max_amount == Decimal(126_843_417) and ev.agents == ["Wells Fargo Securities, LLC"]


@pytest.mark.parametrize("opening", [
    # near misses: a count, or a second security, makes the opening a firm offering
    "We are offering 2,500,000 shares of our common stock.",
    "We are offering shares of our common stock and accompanying warrants to purchase shares of common stock.",
])
def test_a_firm_opening_still_decides_the_cover(opening):
    text = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated March 3, 2023)\nExample Select Income Fund Inc.\n" + opening +
            " We are a diversified, closed-end management investment company.\n" + FUND_EDA)
    assert parse_filing(text.encode("utf-8"), path="fund.md").events == []


# vocab.NAV_FLOOR: a daily minimum price at net asset value is how a fund's at-the-market offering reads when the
# page stops before the words "at the market" (Nuveen covers: "The minimum price on any day at which Common Shares
# may be sold will not be less than the current net asset value ...").
FLOOR_COVER = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated April 30, 2024)\n2,500,000 COMMON SHARES\nExample Dividend Fund\n"
               "Example Dividend Fund (the \"Fund\"), a closed-end management investment company, is offering up to "
               "2,500,000 of its common shares (the \"Common Shares\"), pursuant to this prospectus supplement.\n")


@pytest.mark.parametrize("floor", [
    "The minimum price on any day at which Common Shares may be sold will not be less than the current net asset value "
    "(\"NAV\") per share plus the per share amount of the commission to be paid to the Fund's distributor, Nuveen "
    "Securities, LLC (\"Nuveen Securities\").",
    "The minimum price on any given day at which the Fund's Common Shares may be sold will not be less than the "
    "then-current net asset value per Common Share plus the commission payable to Nuveen Securities, LLC, the Fund's "
    "distributor.",
    "The minimum price on any date at which shares can be issued will not be less than the Fund's net asset value per "
    "share plus the per share amount of the commission paid to Nuveen Securities, LLC.",
])
def test_a_funds_daily_nav_floor_is_its_at_the_market_offering(floor):
    parsed = parse_filing((FLOOR_COVER + floor).encode("utf-8"), path="fund.md")
    ev = by_type(parsed.events)["program_established"]
    assert parsed.atm_related and ev.agents == ["Nuveen Securities, LLC"] and ev.max_shares == 2_500_000


@pytest.mark.parametrize("near_miss", [
    # a one-time price floor, a rights offering's subscription price, NAV as a plain fact: no daily sales
    "The subscription price will not be less than 90% of the net asset value per Common Share on the expiration date.",
    "Under the 1940 Act, the Fund may not sell Common Shares at a price below the current net asset value.",
    "The minimum purchase price in this offering is $25.00 per share, which is not less than the net asset value.",
])
def test_other_net_asset_value_floors_are_no_program(near_miss):
    parsed = parse_filing((FLOOR_COVER + near_miss).encode("utf-8"), path="fund.md")
    assert parsed.events == []


# role.AMENDMENT_COVER_RE / SUPPLEMENT_NOTICE_RE: a cover line "Amendment to Prospectus Supplement" with no number
# amends the program's prospectus; identity.AGREEMENT_DATE_RE: an agreement "effective as of" a date is dated by it;
# programs._agents: the sub-placement agent may be named a paragraph or two after the distributor.
REPLACED_COVER = ("Filed pursuant to Rule 424(b)(3)\nFile No. 333-229042\n{title}\n(To Prospectus dated March 1, 2021)\n"
                  "Example Income Fund (the \"Fund\")\nSupplement dated September 30, 2021\n")
REPLACED = ("{lead} the Distribution Agreement shall mean the distribution agreement effective as of September 30, 2021 "
            "between the Fund and Foreside Fund Services, LLC (the \"Distributor\"). The terms of the new Distribution "
            "Agreement are identical to the terms of the prior Distribution Agreement.\n"
            "The Fund's common shares are sold in at-the-market offerings through the Distributor.\n"
            "In addition, references to the Sub-Placement Agent Agreement shall mean the sub-placement agent agreement "
            "effective as of September 30, 2021 between the Distributor and UBS Securities LLC (the \"Sub-Placement Agent\").")


@pytest.mark.parametrize("title, lead", [
    ("Amendment to Prospectus Supplement", "All references in the Prospectus Supplement to"),
    ("AMENDMENT TO THE PROSPECTUS SUPPLEMENT", "Each reference in the prospectus supplement to"),
    ("Amendment No. 1 to Prospectus Supplement", "All references in the Prospectus Supplement to"),
])
def test_an_amendment_cover_that_replaces_a_funds_agreements(title, lead):
    text = REPLACED_COVER.format(title=title) + REPLACED.format(lead=lead)
    ev = by_type(parse_filing(text.encode("utf-8"), path="fund.md").events)["program_amended"]
    assert ev.agreement_date == date(2021, 9, 30) and ev.amendment_date == date(2021, 9, 30)
    assert ev.agents == ["Foreside Fund Services, LLC", "UBS Securities LLC"]


def test_a_prospectus_supplement_that_tells_of_an_amendment_in_its_text_is_no_amendment_cover():
    # near miss: the words stand in a sentence, not as the cover's title line
    text = (REPLACED_COVER.format(title="Prospectus Supplement").replace("Supplement dated September 30, 2021\n", "") +
            "We filed an amendment to the prospectus supplement in 2020. " + REPLACED.format(lead="References to"))
    found = by_type(parse_filing(text.encode("utf-8"), path="fund.md").events)
    assert "program_amended" not in found and "program_established" in found


def test_a_termination_effective_as_of_a_date_does_not_date_the_agreement():
    from edgar_atm.extract.identity import agreement_dates

    agr, _, _ = agreement_dates("The termination of the sales agreement with Cantor Fitzgerald & Co. is effective as of "
                                "March 1, 2022.", None)
    assert agr is None
    agr, _, _ = agreement_dates("the distribution agreement effective as of September 30, 2021 between the Fund and "
                                "Foreside Fund Services, LLC", None)
    assert agr is not None and agr[0] == date(2021, 9, 30)


# events.suspended (its "its "at the market" offering" object and titled_with_restart) and events.resumed (an offering
# as the subject that restarts): a fund suspends under its net asset value undertaking and recommences a week later, and
# the supplement's heading reports both.
SUSPENDED_COVER = ("Up to 5,500,000 Common Shares of Beneficial Interest\nEXAMPLE UTILITY INCOME FUND\n"
                   "Supplement dated March 20, 2020 to Prospectus dated November 12, 2019\n{title}\n")


@pytest.mark.parametrize("title, stop, restart", [
    ("Suspension and Recommencement of Offering",
     "the Example Utility Income Fund (the \"Fund\") temporarily suspended its \"at the market\" offering (the \"Offering\") "
     "as of the close of business on March 13, 2020 because of a greater than 10% decline in net asset value per share.",
     "The Offering recommenced on March 20, 2020 as of the time of filing this supplement."),
    ("SUSPENSION AND RESUMPTION OF THE OFFERING",
     "the Fund suspended its at-the-market offering (the \"Offering\") on March 13, 2020 after its net asset value fell "
     "more than 10%.",
     "Sales under the Offering resumed on March 20, 2020."),
])
def test_a_funds_notice_of_suspension_and_recommencement_reports_both(title, stop, restart):
    text = SUSPENDED_COVER.format(title=title) + "In accordance with an undertaking required by the SEC, " + stop + " " + restart
    found = by_type(parse_filing(text.encode("utf-8"), path="fund.md").events)
    assert sorted(found) == ["resumed", "suspended"]
    assert found["suspended"].effective_date == date(2020, 3, 13) and found["resumed"].effective_date == date(2020, 3, 20)


def test_a_funds_undertaking_to_suspend_is_no_suspension():
    # near miss: what the fund would do, not what it did
    text = (SUSPENDED_COVER.format(title="Prospectus Supplement") + "Example Utility Income Fund (the \"Fund\") has entered "
            "into a distribution agreement with ALPS Distributors, Inc. (the \"Distributor\") to sell common shares in "
            "\"at the market\" offerings through the Distributor. The Fund will suspend its at the market offering if its net "
            "asset value declines more than 10% from its net asset value as of the effective date of the registration statement.")
    found = by_type(parse_filing(text.encode("utf-8"), path="fund.md").events)
    assert "suspended" not in found and "program_established" in found


# role.AGENT_ROLE_NAMED_RE ("sub-placement agent") and amended.REPLACE_RES ("all references ... to X are replaced with
# references to Y"): a fund's sticker that swaps its sub-placement agent.
STICKER = ("Filed Pursuant to Rule 424(b)(3)\nEXAMPLE NASDAQ 100 OVERWRITE FUND (THE \"FUND\")\nSUPPLEMENT DATED JUNE 6, 2023\n"
           "TO THE FUND'S PROSPECTUS SUPPLEMENT TO THE PROSPECTUS DATED MAY 1, 2021\n")


@pytest.mark.parametrize("swap", [
    "Effective June 6, 2023, Virtu Americas LLC (\"Virtu\") will be acting as Nuveen Securities, LLC's (\"Nuveen\") "
    "sub-placement agent with respect to at-the-market offerings of the Fund Common Shares. As such, all references in the "
    "Prospectus Supplement to Truist Securities, Inc. are replaced with references to Virtu and the following replaces "
    "the relevant disclosure.",
    "Beginning June 6, 2023, Virtu Americas LLC will act as the sub-placement agent of Nuveen Securities, LLC for the Fund's "
    "at-the-market offerings. Accordingly, each reference in the prospectus supplement to Truist Securities, Inc. is "
    "replaced with references to Virtu Americas LLC.",
])
def test_a_sticker_that_swaps_a_funds_sub_placement_agent_amends_the_program(swap):
    ev = by_type(parse_filing((STICKER + swap).encode("utf-8"), path="fund.md").events)["program_amended"]
    assert ev.agents_added == ["Virtu Americas LLC"] and ev.agents_removed == ["Truist Securities, Inc."]
    assert set(ev.agents) == {"Virtu Americas LLC", "Nuveen Securities, LLC"}


def test_a_placement_agent_of_a_registered_direct_is_still_no_program():
    # near miss: "placement agent" without "sub-" is a best-efforts deal's, not an at-the-market agent
    text = ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated May 1, 2021)\nExample Therapeutics, Inc.\n1,000,000 Shares of Common "
            "Stock\nWe are offering 1,000,000 shares of our common stock directly to investors. H.C. Wainwright & Co., LLC is "
            "acting as our placement agent in this offering. Our common stock trades on the Nasdaq Capital Market, and sales "
            "in at-the-market offerings under our prior agreement have ended.")
    assert parse_filing(text.encode("utf-8"), path="rd.md").events == []

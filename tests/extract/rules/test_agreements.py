"""Agreement names (agreements.py): "Omnibus Sales Agreement" is its own name."""

from __future__ import annotations

import pytest

from datetime import date

from edgar_atm.extract.agreements import AGREEMENT_RE, canonical_agreement, written_agreement
from edgar_atm.extract.identity import agreement_dates

from .doc import events


@pytest.mark.parametrize("sentence", [
    "On November 4, 2025, we entered into an Omnibus Sales Agreement with TD Securities (USA) LLC and BTIG, LLC "
    "relating to shares of our class A common stock having an aggregate offering price of up to $20,000,000.",
    "We have entered into an omnibus sales agreement, dated March 2, 2025, with Cantor Fitzgerald & Co., relating to "
    "shares of our common stock having an aggregate offering price of up to $50,000,000.",
    "Under the Omnibus Sales Agreement, dated May 5, 2025, among us and Jefferies LLC, we may offer shares of our "
    "common stock having an aggregate offering price of up to $75,000,000.",
])
def test_omnibus_sales_agreement(sentence):
    ev = events(sentence)[0]
    assert ev.agreement_type.lower() == "omnibus sales agreement"


def test_plain_sales_agreement_is_not_omnibus():
    # near miss
    m = AGREEMENT_RE.search("we entered into a Sales Agreement with Jefferies LLC")
    assert m and canonical_agreement(m.group(0)) == "Sales Agreement"


@pytest.mark.parametrize("sentence", [
    "We have entered into a sales agency financing agreement with Barclays Capital Inc. relating to the issuance, "
    "offer and sale of shares of our common stock. In accordance with the terms of the sales agency financing "
    "agreement, we may offer and sell up to $600,000,000 of common stock from time to time through the sales agent.",
    "On May 2, 2024, we entered into a Sales Agency Financing Agreement with BNY Mellon Capital Markets, LLC, as "
    "sales agent, relating to shares of our common stock having an aggregate offering price of up to $300,000,000.",
])
def test_sales_agency_financing_agreement(sentence):
    evs = events(sentence)
    assert evs and evs[0].type == "program_established"
    assert evs[0].agreement_type.lower() == "sales agency financing agreement"


def test_the_base_prospectuss_may_enter_into_wording_does_not_name_the_agreement():
    evs = events("We have entered into a Sales Agreement with Yorkville Securities, LLC relating to shares of our common "
                 "stock having an aggregate offering price of up to $3,457,461. Without limiting the generality of the "
                 "foregoing, we may enter into a continuous offering program equity distribution agreement with a "
                 "broker-dealer, under which we may offer and sell shares of our common stock from time to time.")
    assert evs[0].agreement_type == "Sales Agreement"


@pytest.mark.parametrize("written", ["Open Market Sale Agreement", "Open Market Sales Agreement", "open market sale agreementSM"])
def test_open_market_sale_agreement_singular_or_plural(written):
    m = AGREEMENT_RE.search(f"We have entered into an {written} with Jefferies LLC")
    assert m and canonical_agreement(m.group(0)) == "Open Market Sale Agreement"


@pytest.mark.parametrize("written", [
    "Controlled Equity Offering SM Sales Agreement",
    "Controlled Equity OfferingSM Sales Agreement",
    "Controlled Equity Offering\u2120 Sales Agreement",
    "Controlled Equity Offeringsm Sales Agreement",  # the superscript lowered and run into the word
    "Controlled Equity OfferingTM Sales Agreement",
])
def test_a_service_mark_standing_apart_is_dropped(written):
    assert written_agreement(written) == "Controlled Equity Offering Sales Agreement"


@pytest.mark.parametrize("written", ["Mechanism Sales Agreement", "Capital on Demand Sales Agreement"])
def test_a_lowered_mark_is_dropped_only_after_the_brand_words(written):
    # A lowered "sm"/"tm" is a mark only run into the words the marks follow ("Offering", "Demand").
    assert written_agreement(written) == written


@pytest.mark.parametrize("sentence", [
    "We entered into a Controlled Equity Offering Sales Agreement with Cantor Fitzgerald & Co., or Cantor Fitzgerald, on "
    "November 29, 2016, relating to shares of our common stock.",
    "We entered into a sales agreement with B. Riley Securities, Inc. on November 29, 2016, relating to shares of our "
    "common stock.",
])
def test_entered_into_with_a_firm_name_then_the_date(sentence):
    agr, _, _ = agreement_dates(sentence, None)
    assert agr is not None and agr[0] == date(2016, 11, 29)


def test_equity_offering_sales_agreement_is_its_own_name():
    ev = events("We have entered into an Equity Offering Sales Agreement, dated May 5, 2022, with BTIG, LLC, relating to "
                "shares of our common stock having an aggregate offering price of up to $40,000,000.")[0]
    assert ev.agreement_type == "Equity Offering Sales Agreement"
    # near miss: the at-the-market form keeps its longer name
    assert canonical_agreement("At-the-Market Equity Offering Sales Agreement") == "At-the-Market Equity Offering Sales Agreement"


@pytest.mark.parametrize("text, name", [
    ("We have entered into an At the Market (ATM) sales agreement with National Securities Corporation, acting as the "
     "sales agent, relating to the sale of shares of our common stock offered by this prospectus supplement. In "
     "accordance with the terms of the ATM sales agreement, under this prospectus supplement we may offer and sell "
     "shares of our common stock having an aggregate offering price of up to $10,000,000.", "ATM sales agreement"),
    ("In accordance with the terms of the sales agreement, we may offer and sell shares of our common stock having an "
     "aggregate offering price of up to $10,000,000 from time to time through National Securities Corporation, acting "
     "as the sales agent. We will pay the agent a commission under our ATM Sales Agreement, dated June 5, 2020.",
     "ATM sales agreement"),
])
def test_a_generic_defined_term_names_the_specific_agreement(text, name):
    # the sentence with the cap calls it by a shorter name than another sentence about the program
    assert events(text)[0].agreement_type.lower() == name.lower()


@pytest.mark.parametrize("written, name", [
    ("Equity Distribution Sales Agreement", "Equity Distribution Sales Agreement"),
    ("ATM Issuance Sales Agreement", "ATM Issuance Sales Agreement"),
    ("Common Shares Sales Agreement", "Common Shares Sales Agreement"),
    ("Continuous Offering Sales Agreement", "Continuous Offering Sales Agreement"),
    # near misses: a defined-term word or a firm's name before the noun is not part of the name
    ("Prior Sales Agreement", "Sales Agreement"),
    ("Cantor Sales Agreement", "Sales Agreement"),
])
def test_the_name_words_before_a_known_agreement_noun(written, name):
    ev = events(f"We have entered into an {written}, dated May 5, 2025, with Cantor Fitzgerald & Co., as sales agent, "
                "relating to shares of our common stock having an aggregate offering price of up to $10,000,000.")[0]
    assert ev.agreement_type == name


# agreements.name_start: a name that defines "ATM" inside itself keeps its first words.
@pytest.mark.parametrize("sentence, name", [
    ("On October 5, 2020, we entered into an At-the-Market (\u201cATM\u201d) Issuance Sales Agreement (the \u201csales "
     "agreement\u201d) with Ascendiant Capital Markets, LLC, as sales agent, relating to shares of our common stock having "
     "an aggregate offering price of up to $5,000,000.", "At-the-Market Issuance Sales Agreement"),
    ("We have entered into an At The Market (\"ATM\") Sales Agreement with H.C. Wainwright & Co., LLC, as sales agent, "
     "relating to shares of our common stock having an aggregate offering price of up to $5,000,000.",
     "At The Market Sales Agreement"),
])
def test_a_name_that_defines_atm_inside_itself(sentence, name):
    ev = events(sentence)[0]
    assert ev.agreement_type.lower().replace("-", " ") == name.lower().replace("-", " ")


def test_an_atm_term_before_the_agreements_own_name_is_not_part_of_it():
    # near miss: the short form names the program, and the agreement's name starts after it
    ev = events("We have entered into a Sales Agreement with Cantor Fitzgerald & Co., as sales agent, for our "
                "at-the-market (\u201cATM\u201d) Sales Agreement program relating to shares of our common stock having an "
                "aggregate offering price of up to $5,000,000.")[0]
    assert ev.agreement_type == "Sales Agreement"

"""The cheap first gate over raw bytes."""

from __future__ import annotations

import pytest

from edgar_atm.extract import parse_filing
from edgar_atm.extract.gate import may_be_atm


def test_structured_notes_are_rejected(filings_dir):
    for name in ("424B2-BofA-Finance-LLC-0001918704-24-002559.html", "424B2-BofA-Finance-LLC-0001918704-25-005479.html"):
        assert not may_be_atm((filings_dir / "whole" / name).read_bytes())


def test_atm_filings_pass(filings_dir):
    for name in ("424B5-NextEra-Energy-Inc-0001193125-25-338333.html", "424B5-ESS-Tech-Inc-0001628280-25-015699.html"):
        assert may_be_atm((filings_dir / "whole" / name).read_bytes())
    assert may_be_atm((filings_dir / "cellectar-424b3-2022-10-20-supplement.md").read_bytes())


def test_words_split_by_markup_or_entities_still_pass():
    assert may_be_atm(b"sold in <b>at</b>&nbsp;the&#8209;<i>market</i> offerings")
    assert may_be_atm(b"AT THE\nMARKET OFFERING")
    assert not may_be_atm(b"Under our distribution agreement with BofAS, BofAS will purchase the Notes")


def test_gated_submission_keeps_header_fields(filings_dir):
    result = parse_filing((filings_dir / "submissions" / "0001918704-24-002559.txt").read_bytes())
    assert result.form_type == "424B2" and result.cik == 1682472
    assert not result.atm_related and result.events == []


def test_a_distribution_agreement_with_a_sales_agent_for_shares_passes():
    # Equity distribution programs that call the agreement just a "distribution agreement".
    assert may_be_atm(b"We have entered into a distribution agreement with Raymond James &amp; Associates, Inc., "
                      b"as our sales agent, relating to the shares of common stock offered by this prospectus supplement.")
    assert may_be_atm(b"Under the Distribution Agreement, Piper Sandler &amp; Co., acting as sales agent, may sell "
                      b"shares of our common stock from time to time.")
    assert may_be_atm(b"our distribution agreement with Northland Securities, Inc. as our sales agent for "
                      b"common units representing limited partner interests")


@pytest.mark.parametrize("text", [
    # forward programs of REITs and utilities: agents "as our exclusive sales agents or ... as forward sellers"
    b"the offer and sale from time to time of shares of our common stock having an aggregate offering price of up to "
    b"$600,000,000 through J.P. Morgan Securities LLC and Wells Fargo Securities, LLC, as our exclusive sales agents or, "
    b"if applicable, as forward sellers, pursuant to the terms of a Distribution Agreement among us, the sales agents and "
    b"the forward purchasers",
    b"Under the distribution agreement, BTIG, LLC will act as exclusive sales agent for the shares of common stock we offer.",
])
def test_exclusive_sales_agents_under_a_distribution_agreement_pass(text):
    assert may_be_atm(text)
    assert parse_filing(b"Filed Pursuant to Rule 424(b)(5)\n" + text + b".").atm_related


def test_an_exclusive_sales_agent_for_notes_still_fails_the_gate():
    assert not may_be_atm(b"Under the distribution agreement, BofAS will act as our exclusive sales agent for the Notes "
                          b"linked to shares of the SPDR fund.")


def test_a_distribution_agreement_for_notes_still_fails_the_gate():
    # MTN programs: the agents sell notes, sometimes linked to shares of an index fund.
    assert not may_be_atm(b"We have entered into a distribution agreement with the agents named below, each acting as "
                          b"our sales agent, for the notes, whose return is linked to shares of the SPDR fund.")
    assert not may_be_atm(b"Under the distribution agreement, BofAS acts as our agent for the Notes.")


def test_a_sales_agency_financing_agreement_passes():
    assert may_be_atm(b"<p>We have entered into a sales agency financing agreement with Barclays Capital Inc.</p>")
    assert not may_be_atm(b"<p>We have entered into a loan financing agreement with Barclays Bank PLC.</p>")


def test_separate_distribution_agreements_with_sales_agents_for_shares_pass():
    text = (b"The shares of common stock offered by this prospectus supplement are being sold pursuant to separate "
            b"distribution agreements between us and each of Deutsche Bank Securities Inc. and Wells Fargo "
            b"Securities, LLC, each of which we refer to as a Sale Agent, and collectively as the Sales Agents.")
    assert may_be_atm(text)
    notes = text.replace(b"shares of common stock", b"notes")
    assert not may_be_atm(notes)


def test_a_sales_agency_financing_agreement_split_across_lines_passes():
    assert may_be_atm(b"through BNY Mellon Capital Markets, LLC, as our agent under a sales agency\nfinancing agreement.")


def test_a_distribution_agreement_with_a_distribution_agent_for_shares_passes():
    text = (b"We have entered into a distribution agreement with J.P. Morgan Securities Inc., relating to our common "
            b"shares. Under the distribution agreement, we may offer and sell common shares having an aggregate "
            b"offering price of up to $75,000,000 from time to time through J.P. Morgan, as our distribution agent.")
    assert may_be_atm(text)
    assert parse_filing(b"PROSPECTUS SUPPLEMENT\n$75,000,000\nCommon shares\n" + text, path="ottr.txt").events


@pytest.mark.parametrize("phrase", [
    b"we may offer and sell our Common Shares from time to time through the Dealer as sub-placement agent",
    b"the Fund may offer and sell up to 17,000,000 Common Shares, from time to time through the Distributor",
])
def test_a_funds_distribution_agreement_with_its_distributor_passes(phrase):
    assert may_be_atm(b"The Fund has entered into a distribution agreement with ALPS Distributors, Inc. " + phrase)


def test_a_distributor_without_a_distribution_agreement_fails():
    assert not may_be_atm(b"Shares of the Fund are offered from time to time through the Distributor in a continuous offering.")


@pytest.mark.parametrize("text", [
    # a plain-text filing wraps its lines anywhere, also inside the words the gate looks for
    b"The shares are being sold pursuant to separate distribution\nagreements between us and Deutsche Bank "
    b"Securities Inc., as our\nsales agent, for shares of common stock.",
    b"We have entered into a sales\nagreement with Cantor Fitzgerald & Co.",
    b"We have entered into an Equity Distribution\n    Agreement with Jefferies LLC.",
])
def test_words_wrapped_across_lines_still_pass(text):
    assert may_be_atm(text)


def test_wrapped_notes_wording_still_fails():
    # near miss: wrapping does not make an MTN distribution agreement an ATM
    assert not may_be_atm(b"We have entered into a distribution\nagreement with the agents for the\nsale of our "
                          b"Medium-Term Notes, Series F.")

"""Field helpers: agents, agreement names, amounts, dates, sentences."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract.agents import canonical_agent, find_agents
from edgar_atm.extract.agreements import canonical_agreement, written_agreement
from edgar_atm.extract.amounts import parse_money
from edgar_atm.extract.dates import parse_date
from edgar_atm.extract.sentences import split_sentences


def test_agent_aliases_renames_and_typos():
    assert canonical_agent("Cantor") == "Cantor Fitzgerald & Co."
    assert canonical_agent("H. C. Wainwright & Co., LLC") == "H.C. Wainwright & Co., LLC"
    assert canonical_agent("Jeffries LLC") == "Jefferies LLC"
    assert canonical_agent("SVB Securities LLC") == "Leerink Partners LLC"
    assert canonical_agent("B. Riley FBR, Inc.") == "B. Riley Securities, Inc."
    assert canonical_agent("TD Cowen") == "TD Securities (USA) LLC"
    assert canonical_agent("Cowen and Company, LLC") == "Cowen and Company, LLC"
    assert canonical_agent("Merrill Lynch, Pierce, Fenner & Smith Incorporated") == "BofA Securities, Inc."


def test_forward_purchasers_are_not_agents():
    text = ("with BofA Securities, Inc. and Wells Fargo Securities, LLC, as sales agents, and Bank of America, N.A. and "
            "Wells Fargo Bank, National Association, as forward purchasers")
    assert find_agents(text) == ["BofA Securities, Inc.", "Wells Fargo Securities, LLC"]


def test_agreement_names():
    assert canonical_agreement("Controlled Equity OfferingSM Sales Agreement") == "Controlled Equity Offering Sales Agreement"
    assert canonical_agreement("Open Market Sale AgreementSM") == "Open Market Sale Agreement"
    assert written_agreement("amended and restated sales agreement") == "Sales Agreement"
    assert written_agreement("Open Market Sale AgreementSM") == "Open Market Sale Agreement"
    assert written_agreement("At-The-Market Issuance Sales Agreement") == "At-the-Market Issuance Sales Agreement"
    assert written_agreement("separate equity distribution agreements".split(" ", 1)[1]) == "Equity Distribution Agreement"


def test_amounts_and_dates():
    assert parse_money("up to $50.0 million") == Decimal(50_000_000)
    assert parse_money("$499,999,716.65") == Decimal("499999716.65")
    assert parse_money("$1.5 billion") == Decimal(1_500_000_000)
    assert parse_date("dated as of February 25, 2022") == date(2022, 2, 25)
    assert parse_date("March 18 2020") == date(2020, 3, 18)
    assert parse_date("Sept. 5, 2023") == date(2023, 9, 5)


def test_sentences_keep_abbreviations_together():
    para = ("We entered into an agreement with Oppenheimer & Co. Inc. (\"Oppenheimer\") and Robert W. Baird & Co. "
            "Incorporated under Amendment No. 1 to it. As of the date of this Supplement, we have sold 4,169 shares.")
    assert split_sentences(para) == [
        "We entered into an agreement with Oppenheimer & Co. Inc. (\"Oppenheimer\") and Robert W. Baird & Co. "
        "Incorporated under Amendment No. 1 to it.",
        "As of the date of this Supplement, we have sold 4,169 shares.",
    ]


@pytest.mark.parametrize("starter", ["Concurrently,", "However,", "Simultaneously,", "Also,", "Therefore,", "We"])
def test_a_sentence_starting_after_a_firms_co_is_a_new_sentence(starter):
    # "... with Cantor Fitzgerald & Co. Concurrently, we entered into ...": a starter word with its comma still starts one
    # (2.99.2 compared "Concurrently," with its comma and kept both sentences as one).
    para = (f"On July 9, 2024, we terminated the Sales Agreement with Cantor Fitzgerald & Co. {starter} we entered into an "
            "Equity Distribution Agreement with Piper Sandler & Co.")
    assert len(split_sentences(para)) == 2


@pytest.mark.parametrize("name", ["Cantor Fitzgerald & Co. LLC", "Oppenheimer & Co. Inc.", "Goldman Sachs & Co. (\"Goldman\")"])
def test_a_firms_name_that_goes_on_after_co_stays_one_sentence(name):
    assert len(split_sentences(f"We entered into an agreement with {name} relating to our common stock.")) == 1


def test_firms_missing_from_the_table_are_kept_as_written():
    # Titan Partners is in the table now; a firm that is not stands in for it.
    text = ("with Kestrel Point Securities LLC, a division of Harbor Row Partners, LLC, and B. Riley Securities, Inc. "
            "relating to shares of our common stock")
    assert find_agents(text, keep_unknown=True) == ["Kestrel Point Securities LLC", "B. Riley Securities, Inc."]
    assert find_agents(text) == ["B. Riley Securities, Inc."]
    titan = text.replace("Kestrel Point Securities LLC", "Titan Partners Group LLC")
    assert find_agents(titan) == ["Titan Partners Group LLC", "B. Riley Securities, Inc."]

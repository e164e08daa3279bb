"""Agents added and removed by an amendment (slot values: agents_added / agents_removed)."""

from __future__ import annotations

from datetime import date

import pytest

from edgar_atm.extract.agents import canonical_agent

from .doc import by_type, events

BASE = ("On August 3, 2023, we entered into a Sales Agreement (the \"Original Sales Agreement\") with Cantor "
        "Fitzgerald & Co. and {old} relating to shares of our common stock having an aggregate offering price of up "
        "to $50,000,000. ")


def _prog(body):
    ev = by_type(events(body))
    return ev.get("program_amended") or ev.get("program_established")


# A legal name with "(USA)" in a removal clause is one name, not a clause opening at "(".
@pytest.mark.parametrize("old, clause", [
    ("Credit Suisse Securities (USA) LLC",
     "On February 15, 2024, we entered into an amendment to the Original Sales Agreement in order to (i) add UBS "
     "Securities LLC as an agent and (ii) remove Credit Suisse Securities (USA) LLC as an agent."),
    ("TD Securities (USA) LLC",
     "On May 2, 2024, we entered into an amendment to the Original Sales Agreement to remove TD Securities (USA) LLC "
     "as a sales agent and to add UBS Securities LLC as a sales agent."),
    ("Scotia Capital (USA) Inc.",
     "On June 9, 2025, we executed an amendment to the Original Sales Agreement pursuant to which we removed Scotia "
     "Capital (USA) Inc. as an agent and added UBS Securities LLC as an agent."),
])
def test_removed_agent_with_usa_in_its_name(old, clause):
    prog = _prog(BASE.format(old=old) + clause)
    assert prog is not None
    assert prog.agents_removed == [_canonical(old)]
    assert prog.agents_added == ["UBS Securities LLC"]


def _canonical(name):
    return canonical_agent(name)


# An amendment to the "Original Sales Agreement" adding agents changes this program's agents.
@pytest.mark.parametrize("clause, added", [
    ("On March 6, 2024, we entered into an amendment to the Original Sales Agreement to include Stifel, Nicolaus & "
     "Company, Incorporated and Virtu Americas LLC as additional agents.",
     ["Stifel, Nicolaus & Company, Incorporated", "Virtu Americas LLC"]),
    ("On March 6, 2024, we entered into an amendment to the Original Sales Agreement to add Needham & Company, LLC "
     "as an additional sales agent.", ["Needham & Company, LLC"]),
    ("On April 1, 2025, we and the agents entered into Amendment No. 1 to the Original Sales Agreement, adding BTIG, "
     "LLC as an agent.", ["BTIG, LLC"]),
])
def test_agents_added_to_the_original_agreement(clause, added):
    prog = _prog(BASE.format(old="B. Riley Securities, Inc.") + clause)
    assert prog is not None and prog.agents_added == added
    assert all(a in prog.agents for a in added)


def test_agents_of_a_terminated_agreement_are_not_added():
    # near miss: an amendment to an agreement that was then terminated adds nothing to this program
    body = (BASE.format(old="B. Riley Securities, Inc.") + "On March 6, 2024, we entered into an amendment to the "
            "prior sales agreement to add Needham & Company, LLC as an agent, and we terminated that agreement on "
            "May 1, 2024.")
    prog = _prog(body)
    assert prog is None or "Needham & Company, LLC" not in prog.agents_added


@pytest.mark.parametrize("edit, old, new", [
    ("1. Each reference to “Credit Suisse Securities (USA) LLC” is hereby replaced with “BMO Capital Markets Corp.”",
     "Credit Suisse Securities (USA) LLC", "BMO Capital Markets Corp."),
    ("All references to \"Cowen and Company, LLC\" are hereby replaced by \"TD Securities (USA) LLC\" throughout "
     "the Prospectus Supplement.", "Cowen and Company, LLC", "TD Securities (USA) LLC"),
    ("Effective immediately, Jefferies LLC has been replaced by Piper Sandler & Co. as sales agent under the Sales "
     "Agreement.", "Jefferies LLC", "Piper Sandler & Co."),
])
def test_a_notice_that_swaps_one_agent_for_another(edit, old, new):
    evs = events("This supplement supplements the prospectus supplement, dated April 23, 2021, providing for the "
                 "offer and sale of shares of our common stock having an aggregate offering price of up to "
                 "$200,000,000 through the agents named therein under our equity distribution agreement with "
                 f"{old} and Wells Fargo Securities, LLC. This Supplement is being filed to reflect the amendment of "
                 "the equity distribution agreement to revise the list of sales agents. " + edit,
                 cover="Supplement dated June 15, 2023\nTo Prospectus Supplement dated April 23, 2021\n")
    amended = by_type(evs)["program_amended"]
    assert amended.agents_removed == [old] and amended.agents_added == [new]
    assert old not in amended.agents and new in amended.agents


@pytest.mark.parametrize("sentence, added", [
    ("On May 13, 2025, we entered into separate equity distribution agreements with each of Stifel, Nicolaus & "
     "Company, Incorporated (“Stifel”) and A.G.P./Alliance Global Partners (“A.G.P.”), as additional Sales Agents, "
     "Forward Sellers and Forward Purchasers.",
     ["Stifel, Nicolaus & Company, Incorporated", "A.G.P./Alliance Global Partners"]),
    ("We have also entered into a sales agreement with Roth Capital Partners, LLC, as an additional agent.",
     ["Roth Capital Partners, LLC"]),
])
def test_agreements_with_additional_agents(sentence, added):
    evs = events("This supplement is being filed to supplement certain information in the prospectus supplement "
                 "dated February 26, 2025, relating to our equity distribution agreements, dated May 24, 2024, with "
                 "each of BTIG, LLC and Jefferies LLC, acting as sales agents, relating to the offer and sale of shares "
                 "of our common stock having an aggregate offering price of up to $500,000,000. " + sentence,
                 cover="Supplement No. 1 dated May 13, 2025\nTo Prospectus Supplement dated February 26, 2025\n")
    amended = by_type(evs)["program_amended"]
    assert amended.agents_added == added
    assert amended.agents == ["BTIG, LLC", "Jefferies LLC", *added]


def test_a_defined_term_after_the_added_agent_names_no_other_agent():
    evs = events("On June 7, 2021, we entered into an amended and restated Sales Agreement to add Cantor Fitzgerald "
                 "& Co. (“Cantor” and together with B. Riley Securities, Inc., the “Agents”) as an additional sales "
                 "agent, relating to shares of our common stock having an aggregate offering price of up to "
                 "$50,000,000.")
    amended = by_type(evs)["program_amended"]
    assert amended.agents_added == ["Cantor Fitzgerald & Co."]


@pytest.mark.parametrize("opening", [
    "On February 17, 2023 and the date hereof as it relates to BTIG, LLC and the relevant forward seller and forward "
    "purchaser, we entered into separate equity distribution agreements",
    "On February 17, 2023, and on the date hereof with respect to BTIG, LLC, we entered into separate equity "
    "distribution agreements",
])
def test_an_agent_joining_existing_agreements_as_of_the_date_hereof(opening):
    ev = by_type(events(opening + " with each of BofA Securities, Inc., BTIG, LLC and Wells Fargo Securities, LLC, "
                        "relating to shares of our common stock having an aggregate offering price of up to "
                        "$1,250,000,000."))
    program = ev.get("program_established") or ev.get("program_amended")
    assert program.agreement_date.isoformat() == "2023-02-17"
    assert program.agents_added == ["BTIG, LLC"]
    assert set(program.agents) == {"BofA Securities, Inc.", "BTIG, LLC", "Wells Fargo Securities, LLC"}


@pytest.mark.parametrize("sentence", [
    "We have entered into an At Market Issuance Sales Agreement, dated March 9, 2018, with B. Riley FBR, Inc., as "
    "sales agent, which replaced a prior sales agreement with B. Riley FBR, Inc. as sales agent which expired on "
    "April 16, 2018.",
    "Our Sales Agreement, dated March 9, 2018, with B. Riley FBR, Inc., as sales agent, replaces our earlier "
    "at-the-market agreement with B. Riley FBR, Inc. as agent.",
])
def test_an_agreement_replaced_with_the_same_agent_removes_no_agent(sentence):
    evs = events(sentence + " Under it we may offer and sell shares of our common stock having an aggregate "
                 "offering price of up to $9,400,000 from time to time through B. Riley FBR, Inc.")
    prog = by_type(evs).get("program_amended") or by_type(evs)["program_established"]
    assert prog.agents_removed == []
    assert prog.agents == ["B. Riley Securities, Inc."]


def test_agents_joined_to_the_agreement_and_a_supplement_that_reflects_an_increase():
    evs = events("We previously entered into an At Market Issuance Sales Agreement, dated September 13, 2023, with B. "
                 "Riley Securities, Inc. and Cantor Fitzgerald & Co., to which Canaccord Genuity LLC (“Canaccord”) and "
                 "Macquarie Capital (USA) Inc. (“Macquarie Capital”) were joined on March 21, 2024 (each individually a "
                 "“sales agent”), relating to the sale of our ordinary shares. This prospectus supplement replaces and "
                 "supersedes the previously filed prospectus supplement dated September 26, 2023 in its entirety, and "
                 "reflects an increase of $200,000,000 in the aggregate offering price from an aggregate of up to "
                 "$300,000,000 under the previously filed prospectus supplement to an aggregate of up to $500,000,000 "
                 "under this prospectus supplement. As a result, we may offer and sell our ordinary shares having an "
                 "aggregate offering price of up to $500,000,000 from time to time through the sales agents, of which "
                 "$261,471,363 have been sold as of March 20, 2024.",
                 cover="PROSPECTUS SUPPLEMENT\n(To Prospectus Dated September 22, 2023)\nUp to $500,000,000\nOrdinary Shares\n")
    amended, sales = by_type(evs)["program_amended"], by_type(evs)["sales_reported"]
    assert amended.agents_added == ["Canaccord Genuity LLC", "Macquarie Capital (USA) Inc."]
    assert amended.amendment_date == date(2024, 3, 21) and amended.max_amount == 500_000_000
    assert sales.gross_proceeds == 261_471_363 and sales.as_of == date(2024, 3, 20)
    assert "terminated" not in by_type(evs)  # a prospectus superseded, not an agreement


@pytest.mark.parametrize("sentence", [
    "On June 28, 2022, we amended and restated the original sales agreement to add B. Riley Securities, Inc., with "
    "JonesTrading Institutional Services LLC, or the agents, to act as agents thereunder.",
    "On June 28, 2022, we entered into an amendment to add B. Riley Securities, Inc., together with JonesTrading "
    "Institutional Services LLC, as agents under the sales agreement.",
])
def test_the_firm_an_added_agent_joins_is_not_added(sentence):
    body = ("We previously entered into a Sales Agreement with JonesTrading Institutional Services LLC, dated August 7, "
            "2020, relating to shares of our common stock having an aggregate offering price of up to $200,000,000. ")
    amended = by_type(events(body + sentence))["program_amended"]
    assert amended.agents_added == ["B. Riley Securities, Inc."]
    assert set(amended.agents) == {"B. Riley Securities, Inc.", "JonesTrading Institutional Services LLC"}


@pytest.mark.parametrize("notice", [
    "On July 13, 2023, B. Riley Securities, Inc. delivered to us a notice to terminate the Original Sales Agreement "
    "with respect to itself, which termination became effective on July 13, 2023, leaving EF Hutton LLC as the sole "
    "sales agent.",
    "On July 13, 2023, B. Riley Securities, Inc. gave notice of its intention to terminate the Sales Agreement with "
    "respect to it only.",
])
def test_an_agent_that_terminates_the_agreement_for_itself_is_removed(notice):
    body = ("We previously entered into an At Market Issuance Sales Agreement (the \u201cOriginal Sales Agreement\u201d) "
            "with EF Hutton LLC (formerly Kingswood Capital Markets, a division of Benchmark Investments, Inc.) and B. "
            "Riley Securities, Inc. as sales agents, pursuant to which we may sell an aggregate of up to $50,000,000 of "
            "our common stock in \u201cat the market offerings.\u201d " + notice)
    found = by_type(events(body))
    assert "terminated" not in found
    amended = found["program_amended"]
    assert amended.agents == ["EF Hutton LLC"] and amended.agents_removed == ["B. Riley Securities, Inc."]


def test_a_firms_former_name_is_not_another_agent():
    assert canonical_agent("EF Hutton LLC (formerly Kingswood Capital Markets, a division of Benchmark Investments, "
                           "Inc.)") == "EF Hutton LLC"


def test_the_agreements_parties_are_not_what_an_amendment_adds():
    evs = by_type(events("We have entered into an amendment, dated November 15, 2023, to our Sales Agreement with B. Riley "
                         "Securities, Inc. and Needham & Company, LLC, dated May 10, 2021, to add Needham & Company, LLC "
                         "as an additional sales agent. Under the amended Sales Agreement we may sell shares having an "
                         "aggregate offering price of up to $75,000,000."))
    amended = evs["program_amended"]
    assert amended.agents_added == ["Needham & Company, LLC"]
    assert amended.agents == ["B. Riley Securities, Inc.", "Needham & Company, LLC"]


# amended._new_agreement_agents: a firm joined by a new agreement beside the amended one.
@pytest.mark.parametrize("sentence, added", [
    ("On August 6, 2020, we entered into an amendment to the equity distribution agreement, dated December 11, 2017, with "
     "UBS Securities LLC and an equity distribution agreement with RBC Capital Markets, LLC, relating to our common stock.",
     ["RBC Capital Markets, LLC"]),
    ("Effective August 6, 2020, we entered into sales agreements with each of BTIG, LLC and Oppenheimer & Co. Inc. and new "
     "at-the-market sales agreements with each of ATB Capital Markets USA Inc. and A.G.P./Alliance Global Partners that "
     "together increase the aggregate offering amount.",
     ["ATB Capital Markets USA Inc.", "A.G.P./Alliance Global Partners"]),
])
def test_agents_joined_by_a_new_agreement_beside_the_amended_one(sentence, added):
    cover = ("Supplement No. 2 dated August 6, 2020\nTo Prospectus Supplement dated December 11, 2017\nUp to $100,000,000\n"
             "Common Stock\nThis Supplement No. 2 amends and supplements the prospectus supplement dated December 11, 2017, "
             "relating to our at-the-market offering.\n")
    amended = by_type(events(sentence, cover=cover))["program_amended"]
    assert amended.agents_added == added


def test_an_amended_and_restated_agreement_with_several_agents_adds_none():
    sentence = ("On August 6, 2020, we entered into an amended and restated sales agreement with MUFG Securities Americas "
                "Inc., BofA Securities, Inc. and Morgan Stanley & Co. LLC, as our sales agents, relating to our common stock.")
    cover = "PROSPECTUS SUPPLEMENT\nAugust 6, 2020\nUp to $100,000,000\nCommon Stock\n"
    found = by_type(events(sentence, cover=cover))
    ev = found.get("program_amended") or found.get("program_established")
    assert ev.agents_added == []


# amended.REMOVE_RES and the swap told in two sentences next to each other, in either order.
_ROTH_ADDED = ("This prospectus supplement is being filed to reflect the amendment to the Original Sales Agreement, dated as "
               "of May 3, 2024, pursuant to which Roth Capital Partners, LLC was added as a sales agent.")


@pytest.mark.parametrize("swap", [
    "As of May 1, 2024, JonesTrading Institutional Services LLC (formerly Jones Trading Inc.) will no longer participate "
    "as a sales agent under the Original Sales Agreement. " + _ROTH_ADDED,
    "Effective May 1, 2024, JonesTrading Institutional Services LLC will no longer serve as a sales agent under the "
    "Original Sales Agreement. " + _ROTH_ADDED,
    # the reverse order: the addition first, the leaving agent in the next sentence
    _ROTH_ADDED + " Effective as of that date, JonesTrading Institutional Services LLC will no longer serve as a sales "
    "agent under the Original Sales Agreement.",
])
def test_an_agent_swap_told_in_two_sentences(swap):
    prog = _prog(BASE.format(old="JonesTrading Institutional Services LLC") + swap)
    assert prog is not None and prog.type == "program_amended"
    assert prog.agents_removed == ["JonesTrading Institutional Services LLC"]
    assert prog.agents_added == ["Roth Capital Partners, LLC"]


def test_a_removal_far_from_the_addition_is_not_joined_to_it():
    # near miss: an agent that left years earlier, four sentences away, is not part of this amendment
    body = (BASE.format(old="JonesTrading Institutional Services LLC") + "On May 3, 2024, we entered into an amendment to "
            "the Original Sales Agreement to add Roth Capital Partners, LLC as a sales agent. The amendment does not change "
            "the commission. The Original Sales Agreement remains in effect. Our common stock trades on Nasdaq. In 2021, "
            "Wells Fargo Securities, LLC ceased to be a sales agent under an earlier agreement.")
    prog = _prog(body)
    assert prog.agents_added == ["Roth Capital Partners, LLC"]
    assert prog.agents_removed == []

"""suspended: sales stop, the agreement stays; rights to suspend are not events."""

from __future__ import annotations

from datetime import date

import pytest

from .doc import events, types

PROGRAM = ("We are party to a Sales Agreement, dated June 2, 2023, with Leerink Partners LLC, relating to shares of our "
           "common stock having an aggregate offering price of up to $100,000,000. ")
NOTICE = ("PROSPECTUS SUPPLEMENT\nSupplement No. 1 to Prospectus Supplement dated June 2, 2023\nThe date of this "
          "Supplement No. 1 is August 14, 2024.\n")


@pytest.mark.parametrize("sentence, effective", [
    ("The purpose of this supplement is to suspend sales under the Sales Agreement, effective August 14, 2024.",
     date(2024, 8, 14)),
    ("Effective immediately, we are suspending offers and sales of our common stock under the Sales Agreement.",
     date(2024, 8, 14)),
    ("We have suspended our at-the-market offering program under the Sales Agreement as of August 14, 2024.",
     date(2024, 8, 14)),
    ("We will not make any sales of common stock under the Sales Agreement unless and until we file a new "
     "prospectus supplement.", None),
    ("No further offers or sales will be made under the Sales Agreement unless and until a new prospectus "
     "supplement is filed.", None),
    ("The prospectus supplement relating to the Sales Agreement has been terminated effective August 14, 2024, "
     "and the Sales Agreement remains in full force and effect.", date(2024, 8, 14)),
])
def test_suspension_paraphrases(sentence, effective):
    evs = events(PROGRAM + sentence, cover=NOTICE)
    assert types(evs) == ["suspended"]
    assert evs[0].effective_date == effective and evs[0].agents == ["Leerink Partners LLC"]


@pytest.mark.parametrize("sentence", [
    "We will not sell any shares under the Sales Agreement with Leerink Partners LLC until we file a new prospectus "
    "supplement.",
    "We will not offer or sell any further shares of common stock under the Sales Agreement until a new prospectus "
    "supplement is filed.",
    "No further shares will be sold under the Sales Agreement, dated June 2, 2023, with Leerink Partners LLC until we "
    "have filed an additional prospectus supplement.",
    "We will not make any sales under the Sales Agreement until further notice.",
])
def test_sales_held_back_until_a_new_prospectus_are_a_suspension(sentence):
    evs = events(PROGRAM + sentence, cover=NOTICE)
    assert types(evs) == ["suspended"] and evs[0].agents == ["Leerink Partners LLC"]


@pytest.mark.parametrize("sentence", [
    "We will not sell any shares under the Sales Agreement until the earlier of the sale of all shares and termination.",
    "We will not sell any shares under the Sales Agreement until the registration statement is declared effective.",
])
def test_a_term_that_runs_until_something_else_is_no_suspension(sentence):
    # near miss: "until" that ends a term or waits for the shelf, not a hold until the program is put back
    assert "suspended" not in types(events(PROGRAM + sentence, cover=NOTICE))


@pytest.mark.parametrize("sentence", [
    "We or Leerink Partners LLC may suspend the offering of our common stock at any time upon notice.",
    "Sales under the Sales Agreement may be suspended if the conditions in the agreement are not met.",
    "We have the right to suspend sales under the Sales Agreement during any blackout period.",
    "If we suspend the offering, we will notify the other party in writing.",
])
def test_suspension_rights_are_not_events(sentence):
    assert "suspended" not in types(events(PROGRAM + sentence))


@pytest.mark.parametrize("sentence", [
    "We have elected to discontinue sales under the Sales Agreement, effective August 14, 2024.",
    "Effective August 14, 2024, we have ceased making sales under the Sales Agreement.",
    "We have decided to pause sales of our common stock under the Sales Agreement, effective August 14, 2024.",
    "Effective August 14, 2024, the Company stopped all sales under the Sales Agreement.",
])
def test_sales_discontinued_ceased_or_paused_are_a_suspension(sentence):
    evs = events(PROGRAM + sentence, cover=NOTICE)
    assert types(evs) == ["suspended"]
    assert evs[0].effective_date == date(2024, 8, 14)


def test_an_agent_that_stops_is_no_suspension():
    # near miss: the agent, not the issuer, stops; and an agent's right to stop is boilerplate
    evs = events(PROGRAM + "Leerink Partners LLC may stop sales under the Sales Agreement at any time.")
    assert "suspended" not in types(evs)


@pytest.mark.parametrize("sentence", [
    "On August 14, 2024, we terminated the original prospectus relating to the ATM program without terminating the "
    "underlying Sales Agreement.",
    "Effective August 14, 2024, the Company terminated the prospectus supplement relating to the Sales Agreement, "
    "without terminating the Sales Agreement itself.",
    "We have terminated our at-the-market prospectus effective August 14, 2024; the Sales Agreement remains in full "
    "force and effect.",
])
def test_the_prospectus_ended_and_the_agreement_kept_is_a_suspension(sentence):
    evs = events(PROGRAM + sentence, cover=NOTICE)
    assert types(evs) == ["suspended"]
    assert evs[0].effective_date == date(2024, 8, 14)


def test_the_agreement_ended_with_its_prospectus_is_a_termination():
    # near miss: both end
    evs = events(PROGRAM + "Effective August 14, 2024, we terminated the Sales Agreement and the prospectus supplement "
                 "relating to it.", cover=NOTICE)
    assert "terminated" in types(evs) and "suspended" not in types(evs)


@pytest.mark.parametrize("sentence", [
    "We have discontinued our at-the-market offering program, and no further sales will be made under the Sales Agreement.",
    "The Company has decided to discontinue its ATM program under the Sales Agreement.",
    "Effective August 14, 2024, we ceased our at-the-market equity offering program under the Sales Agreement.",
])
def test_a_discontinued_program_is_a_suspension(sentence):
    # the program stops and the agreement is not said to end (a termination needs the agreement's end)
    evs = events(PROGRAM + sentence, cover=NOTICE)
    assert types(evs) == ["suspended"] and evs[0].agents == ["Leerink Partners LLC"]


@pytest.mark.parametrize("sentence", [
    "We may discontinue our at-the-market offering program at any time.",
    "If we discontinue the at-the-market program, we will notify Leerink Partners LLC.",
    "We discontinued our clinical program for LNK-101 in 2023.",
])
def test_discontinuing_as_a_right_or_something_else_is_no_suspension(sentence):
    assert "suspended" not in types(events(PROGRAM + sentence, cover=NOTICE))

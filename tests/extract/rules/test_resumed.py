"""resumed: sales restart after a suspension, said as such; a re-registration alone is not."""

from __future__ import annotations

from datetime import date

import pytest

from .doc import events, types

PROGRAM = ("We are party to an Equity Distribution Agreement, dated June 2, 2022, with Oppenheimer & Co. Inc., "
           "relating to shares of our common stock offered by this prospectus supplement. ")


@pytest.mark.parametrize("sentence, effective", [
    ("On March 4, 2024, we reinstated the at-the-market offering program under the Equity Distribution Agreement "
     "by filing this prospectus supplement.", date(2024, 3, 4)),
    ("We are resuming sales of our common stock under the Equity Distribution Agreement, effective March 4, 2024.",
     date(2024, 3, 4)),
    ("With this prospectus supplement, we are reactivating our at-the-market program under the Equity Distribution "
     "Agreement, which we suspended on October 20, 2023.", None),
    ("The Company recommenced sales under the Equity Distribution Agreement on March 4, 2024.", date(2024, 3, 4)),
    # the filing made for the restart, in nominal form
    ("This prospectus supplement is being filed with respect to the reactivation of our previously announced "
     "at-the-market equity program under the Equity Distribution Agreement.", None),
    ("We are filing this prospectus supplement in connection with the resumption of our at-the-market offering "
     "program under the Equity Distribution Agreement.", None),
])
def test_resumption_paraphrases(sentence, effective):
    evs = events(PROGRAM + sentence)
    assert types(evs)[0] == "resumed"
    if effective:
        assert evs[0].effective_date == effective


@pytest.mark.parametrize("sentence", [
    "We may resume sales under the Equity Distribution Agreement at any time.",
    "Sales will not resume until we file a new prospectus supplement.",
    "Prior to the resumption of sales, we will file a new prospectus supplement.",
    "If we resume sales, we will notify Oppenheimer & Co. Inc.",
    "We may file a prospectus supplement with respect to the reactivation of our at-the-market program.",
])
def test_conditional_restarts_are_not_events(sentence):
    assert "resumed" not in types(events(PROGRAM + sentence))


def test_effective_as_of_the_date_hereof_dates_the_restart_not_the_earlier_suspension():
    cover = "Prospectus Supplement dated June 3, 2024\n(To Prospectus dated May 1, 2024)\nCommon Stock\n"
    evs = events("Effective as of the date hereof, we have reinstated sales under our Equity Distribution Agreement with "
                 "Oppenheimer & Co. Inc. dated June 2, 2022, which we had previously suspended on May 1, 2024.", cover=cover)
    assert types(evs) == ["resumed"]
    assert evs[0].effective_date == date(2024, 6, 3)


@pytest.mark.parametrize("clause", ["which we suspended on May 1, 2024", "after we paused it on May 1, 2024",
                                    "which the Company halted on May 1, 2024"])
def test_a_restart_is_not_dated_by_the_suspension_it_recalls(clause):
    cover = "Prospectus Supplement dated June 3, 2024\n(To Prospectus dated May 1, 2024)\nCommon Stock\n"
    evs = events("We are filing this prospectus supplement to reinstate our at-the-market offering under the Equity Distribution "
                 f"Agreement with Oppenheimer & Co. Inc. dated June 2, 2022, {clause}.", cover=cover)
    assert types(evs) == ["resumed"] and evs[0].effective_date is None
    # near miss: a restart dated in its own words keeps that date
    evs = events("On June 3, 2024, we reinstated our at-the-market offering under the Equity Distribution Agreement with "
                 "Oppenheimer & Co. Inc. dated June 2, 2022.", cover=cover)
    assert evs[0].effective_date == date(2024, 6, 3)


@pytest.mark.parametrize("sentence", [
    "We are filing this prospectus supplement to reactivate the at-the-market offering.",
    "The Company has resumed its ATM program as of the date of this prospectus supplement.",
    "With this supplement we recommence the continuous offering.",
])
def test_a_restart_that_does_not_name_the_agreement(sentence):
    # the restart sentence speaks of "the at-the-market offering" / "its ATM program" without naming the
    # agreement the paragraph named before
    assert "resumed" in types(events(PROGRAM + sentence))


@pytest.mark.parametrize("sentence", [
    "We resumed operations at our Nevada facility in 2023.",
    "Trading in our common stock resumed on the Nasdaq Capital Market on May 1, 2024.",
])
def test_restarts_of_something_else_are_not_events(sentence):
    assert "resumed" not in types(events(PROGRAM + sentence))


@pytest.mark.parametrize("sentence", [
    "This prospectus supplement relates to the resumption of sales under our Equity Distribution Agreement.",
    "This prospectus supplement is being filed in connection with the resumption of offers and sales of our common stock "
    "pursuant to the Equity Distribution Agreement.",
    "We are filing this prospectus supplement for the reinstatement of sales under the Equity Distribution Agreement.",
])
def test_the_filing_made_for_a_restart_of_sales(sentence):
    assert types(events(PROGRAM + sentence))[0] == "resumed"


@pytest.mark.parametrize("recalled", [
    "On December 1, 2023, we suspended sales under the Equity Distribution Agreement.",
    "We had suspended our at-the-market offering program under the Equity Distribution Agreement on December 1, 2023.",
])
def test_a_restart_recalls_the_suspension_it_ends_without_repeating_it(recalled):
    evs = events(PROGRAM + recalled + " We are resuming sales under the Equity Distribution Agreement as of the date of "
                 "this prospectus supplement.")
    assert types(evs) == ["resumed"]
    # near miss: the same recalled suspension with no restart is the filing's news
    assert types(events(PROGRAM + recalled)) == ["suspended"]

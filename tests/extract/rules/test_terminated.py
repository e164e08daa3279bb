"""terminated: the agreement itself ends; a prior agreement ended inside a new program's
supplement has scope "prior"; rights to terminate and ending the offering only are not."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from .doc import by_type, events, types

NEW = ("We have entered into an Equity Distribution Agreement, dated June 2, 2025, with Needham & Company, LLC, "
       "relating to shares of our common stock offered by this prospectus supplement having an aggregate offering "
       "price of up to $40,000,000. ")


@pytest.mark.parametrize("sentence, agents, effective", [
    ("In connection with entering into the Equity Distribution Agreement, we terminated our prior Sales Agreement, "
     "dated March 3, 2021, with Cantor Fitzgerald & Co., effective May 30, 2025.",
     ["Cantor Fitzgerald & Co."], date(2025, 5, 30)),
    ("Our At Market Issuance Sales Agreement with B. Riley Securities, Inc., dated March 3, 2021, was terminated "
     "effective as of May 30, 2025.", ["B. Riley Securities, Inc."], date(2025, 5, 30)),
    ("On May 30, 2025, we delivered written notice to H.C. Wainwright & Co., LLC to terminate the At The Market "
     "Offering Agreement, dated March 3, 2021.", ["H.C. Wainwright & Co., LLC"], date(2025, 5, 30)),
    ("The Controlled Equity Offering Sales Agreement, dated March 3, 2021, between us and Cantor Fitzgerald & Co. "
     "terminated on May 30, 2025, and no further sales will be made under it.",
     ["Cantor Fitzgerald & Co."], date(2025, 5, 30)),
    ("We and Jefferies LLC mutually agreed to terminate the Open Market Sale Agreement, dated March 3, 2021, "
     "effective May 30, 2025.", ["Jefferies LLC"], date(2025, 5, 30)),
    ("The Prior Sales Agreement with Roth Capital Partners, LLC, dated March 3, 2021, has been terminated as of "
     "May 30, 2025.", ["Roth Capital Partners, LLC"], date(2025, 5, 30)),
])
def test_prior_agreement_terminated_in_a_new_programs_supplement(sentence, agents, effective):
    evs = events(NEW + sentence)
    assert types(evs)[0] == "program_established"
    term = by_type(evs)["terminated"]
    assert term.scope == "prior" and term.agents == agents and term.effective_date == effective
    assert term.agreement_date == date(2021, 3, 3)
    assert by_type(evs)["program_established"].agents == ["Needham & Company, LLC"]


def test_sales_under_the_prior_agreement_are_its_own():
    evs = events(NEW + "In connection with entering into the Equity Distribution Agreement, we terminated our prior "
                 "Sales Agreement, dated March 3, 2021, with Cantor Fitzgerald & Co. Prior to its termination, we "
                 "had sold 2,000,000 shares of common stock under the Sales Agreement with Cantor Fitzgerald & Co. "
                 "for gross proceeds of $9.1 million.")
    sales = by_type(evs)["sales_reported"]
    assert sales.scope == "prior" and sales.agents == ["Cantor Fitzgerald & Co."]


@pytest.mark.parametrize("sentence", [
    "We or the agent may terminate the Equity Distribution Agreement at any time upon ten days' notice.",
    "The offering pursuant to the Equity Distribution Agreement will terminate upon the earlier of the sale of all "
    "shares and the termination of the agreement.",
    "Either party has the right to terminate the Equity Distribution Agreement in its sole discretion.",
    "The Equity Distribution Agreement will be terminated automatically if we file for bankruptcy.",
])
def test_termination_rights_are_not_events(sentence):
    assert "terminated" not in types(events(NEW + sentence))


def test_ending_the_offering_while_the_agreement_stays_is_a_suspension():
    evs = events("We are party to an Equity Distribution Agreement, dated June 2, 2023, with Needham & Company, LLC. "
                 "We are hereby terminating the continuous offering under the prospectus supplement dated June 2, "
                 "2023. The Equity Distribution Agreement remains in full force and effect.")
    assert types(evs) == ["suspended"]


@pytest.mark.parametrize("sentence", [
    "Upon entering into the Equity Distribution Agreement, we simultaneously terminated the Sales Agreement, dated "
    "March 3, 2021, as amended, among us and certain of the agents.",
    "Concurrently with the execution of the Equity Distribution Agreement, we terminated the Equity Distribution "
    "Agreement, dated March 3, 2021, which we had entered into in connection with our prior at-the-market offering "
    "program.",
    "In connection with entering into the new agreement, the At Market Issuance Sales Agreement, dated March 3, 2021, "
    "that governed our previous at-the-market program was terminated.",
])
def test_prior_agreement_ended_when_the_new_one_has_no_date(sentence):
    new = ("We have entered into an Equity Distribution Agreement with Needham & Company, LLC relating to shares of our "
           "common stock offered by this prospectus supplement having an aggregate offering price of up to $40,000,000. ")
    evs = events(new + sentence)
    assert types(evs) == ["program_established", "terminated"]
    term = by_type(evs)["terminated"]
    assert term.scope == "prior" and term.agreement_date == date(2021, 3, 3)
    assert by_type(evs)["program_established"].max_amount == 40_000_000


@pytest.mark.parametrize("definition, ended", [
    ("Shares were previously offered under our $400.0 million at-the-market offering program established pursuant "
     "to the equity distribution agreement, dated December 11, 2019, with Wells Fargo Securities, LLC (the “Prior "
     "Distribution Agreement”).",
     "We have terminated the Prior Distribution Agreement and that at-the-market offering program pursuant to the "
     "termination rights set forth in it."),
    ("Before this offering, we sold shares under a sales agreement, dated December 11, 2019, with Wells Fargo "
     "Securities, LLC (the \"Prior Sales Agreement\").",
     "The Prior Sales Agreement was terminated effective May 30, 2025."),
])
def test_a_prior_agreement_ended_by_its_defined_name_takes_its_identity_from_the_definition(definition, ended):
    term = by_type(events(NEW + definition + " " + ended))["terminated"]
    assert term.scope == "prior" and term.agreement_date == date(2019, 12, 11)
    assert term.agents == ["Wells Fargo Securities, LLC"]


@pytest.mark.parametrize("sentence, prior_date, unsold", [
    ("This new sales agreement replaces and supersedes our prior sales agreement with B. Riley Securities, Inc. "
     "entered into on August 26, 2021, which had provided for a $100 million at-the-market offering program for our "
     "common units.", date(2021, 8, 26), None),
    ("This offering program supersedes and replaces the $400 million offering program we commenced on August 4, "
     "2020, and is inclusive of the approximately $140 million of securities that remain unsold under that program.",
     None, Decimal(140_000_000)),
    ("Upon entry into the equity distribution agreement, we terminated our prior at-the-market offering program. At "
     "the time of such termination, shares of common stock having an aggregate gross sales price of up to "
     "$137,024,610 remained unsold under such prior program.", None, Decimal(137_024_610)),
])
def test_a_program_replaced_by_the_new_one_ends(sentence, prior_date, unsold):
    evs = events(NEW + sentence)
    term = by_type(evs)["terminated"]
    assert term.scope == "prior" and term.agreement_date == prior_date
    assert term.effective_date is None  # the date the old program began is not when it ended
    assert term.remaining_amount == unsold
    assert term.agreement_type != "Equity Distribution Agreement"  # the new agreement is not the ended one
    assert by_type(evs)["program_established"].agents == ["Needham & Company, LLC"]


@pytest.mark.parametrize("definition, ended, cap, unsold", [
    ("Pursuant to an equity distribution agreement, dated as of November 13, 2020, we previously offered shares having "
     "an aggregate gross sales price of up to $150,000,000 by means of a prospectus supplement dated November 13, 2020 "
     "(the “Prior Program”).", "The Prior Program has been terminated and is no longer effective.",
     Decimal(150_000_000), None),
    ("We previously sold shares under a sales agreement, dated as of November 13, 2020, with aggregate gross sales of "
     "up to $200,000,000 (the \"Prior Offering\").", "The Prior Offering has been terminated with shares of common "
     "stock having an aggregate offering price of approximately $1.5 million unsold.",
     Decimal(200_000_000), Decimal(1_500_000)),
])
def test_a_prior_program_ended_by_its_defined_term_in_a_paragraph_of_its_own(definition, ended, cap, unsold):
    evs = events(NEW + definition + "\n\n" + ended)
    assert sorted(types(evs)) == ["program_established", "terminated"]
    term, new = by_type(evs)["terminated"], by_type(evs)["program_established"]
    assert term.scope == "prior" and term.agreement_date == date(2020, 11, 13)
    assert (term.max_amount, term.remaining_amount) == (cap, unsold)
    # The new program keeps its own identity: the prior one's date and cap are not its.
    assert new.agreement_date == date(2025, 6, 2) and new.max_amount == Decimal(40_000_000)


def test_an_ended_agreement_that_shares_one_agent_with_the_new_one_is_a_prior_one():
    evs = events("We have entered into a Controlled Equity OfferingSM Sales Agreement with Cantor Fitzgerald & Co. and "
                 "A.G.P./Alliance Global Partners relating to shares of our common stock offered by this prospectus "
                 "supplement having an aggregate offering price of up to $3,100,000. We have previously sold $14,519,843 "
                 "of common stock pursuant to the Controlled Equity OfferingSM Sales Agreement among Cantor Fitzgerald "
                 "& Co., Canaccord Genuity LLC and us, which has been terminated.")
    found = by_type(evs)
    assert sorted(found) == ["program_established", "sales_reported", "terminated"]
    assert found["terminated"].scope == "prior" and found["sales_reported"].scope == "prior"
    assert set(found["terminated"].agents) == {"Cantor Fitzgerald & Co.", "Canaccord Genuity LLC"}
    assert found["sales_reported"].gross_proceeds == Decimal(14_519_843)
    assert set(found["program_established"].agents) == {"Cantor Fitzgerald & Co.", "A.G.P./Alliance Global Partners"}


@pytest.mark.parametrize("sentence", [
    "The offer and sale of our common stock as described in this prospectus supplement replaces the prior "
    "continuous offering program previously established by us in May 2020.",
    "Sales under this prospectus supplement supersede our previous at-the-market offering program.",
    "This offering replaces and supersedes the existing equity distribution agreement with Cantor Fitzgerald & Co.",
])
def test_a_new_offering_replaces_the_prior_program(sentence):
    evs = events(NEW + sentence)
    assert by_type(evs)["terminated"].scope == "prior"
    assert "program_established" in types(evs)


def test_replacing_a_prospectus_ends_no_program():
    # near miss: the object is a document, not a program or agreement
    assert "terminated" not in types(events(NEW + "This prospectus supplement replaces the prior prospectus "
                                                  "supplement dated March 3, 2021."))


def test_we_are_terminating_the_prior_agreement_with_its_defined_term():
    evs = events(NEW + "As of the date of this prospectus supplement, we have sold shares of our common stock with an "
                 "aggregate gross sales price of approximately $396.6 million under the sales agreement, dated as of "
                 "March 11, 2021, with Cantor Fitzgerald & Co., relating to shares of our common stock having an "
                 "aggregate offering price of up to $500,000,000 (the “prior sales agreement”). In connection with "
                 "entering into the Equity Distribution Agreement, we are terminating the prior sales agreement.")
    term, sales = by_type(evs)["terminated"], by_type(evs)["sales_reported"]
    assert term.scope == "prior" and term.max_amount == Decimal(500_000_000)
    assert sales.scope == "prior" and sales.gross_proceeds == Decimal("396600000")


@pytest.mark.parametrize("sentence", [
    # the sentence is cut before it names what ended (a mirror's excerpt)
    "Upon entry into the Equity Distribution Agreement, we terminated our prior “at the market” offeri",
    "In connection with our entry into the Equity Distribution Agreement, we terminated our prior arrangement with "
    "Cantor Fitzgerald & Co.",
])
def test_a_termination_upon_entry_into_the_new_agreement_ends_a_prior_one(sentence):
    evs = events(NEW + "\n\n" + sentence + "\n")  # its own paragraph, as where the excerpt ends
    assert by_type(evs)["terminated"].scope == "prior"
    assert by_type(evs)["program_established"].max_amount == Decimal(40_000_000)


def test_a_right_to_terminate_upon_entry_is_no_termination():
    # near miss: a right, not a termination
    evs = events(NEW + "\n\nUpon entry into the Equity Distribution Agreement, we may terminate our prior agreement.\n")
    assert "terminated" not in types(evs)


@pytest.mark.parametrize("term", ["the prior equity distribution agreements", "the \u201cprior equity distribution agreements\u201d"])
def test_prior_agreements_defined_by_a_plural_term(term):
    body = ("This prospectus supplement relates to the offer and sale from time to time of shares of our common stock "
            "having an aggregate offering price of up to $700,000,000 through Jefferies LLC and Wells Fargo Securities, "
            "LLC (together, the sales agents). These sales, if any, will be made pursuant to the terms of the equity "
            "distribution agreements between us and the sales agents. As of the date of this prospectus supplement, an "
            "aggregate gross sales price of approximately $317.4 million of shares have been sold under certain equity "
            "distribution agreements, dated as of February 28, 2024, relating to the offering of shares of our common "
            "stock having an aggregate gross sales price of up to $500,000,000 (" + term + "). In connection with "
            "entering the equity distribution agreements, we are terminating the prior equity distribution agreements.")
    found = by_type(events(body, cap="$700,000,000"))
    ended, sold = found["terminated"], found["sales_reported"]
    assert ended.scope == "prior" and ended.agreement_date == date(2024, 2, 28) and ended.max_amount == Decimal(500_000_000)
    assert sold.scope == "prior" and sold.gross_proceeds == Decimal(317_400_000)
    assert found["program_established"].max_amount == Decimal(700_000_000)


@pytest.mark.parametrize("history", [
    "On March 3, 2021, we entered into an at-the-market sales agreement with Oppenheimer & Co. Inc. Effective as of the "
    "date of this prospectus supplement, we have terminated the at-the-market sales agreement with Oppenheimer & Co. Inc. "
    "dated March 3, 2021, and no further sales will be made thereunder.",
    "We previously entered into a Sales Agreement, dated March 3, 2021, with Oppenheimer & Co. Inc. That Sales Agreement "
    "was terminated effective May 30, 2025.",
    "On March 3, 2021, we entered into a sales agreement with Oppenheimer & Co. Inc. On May 30, 2025, we delivered written "
    "notice to Oppenheimer & Co. Inc. to terminate the sales agreement.",
])
def test_an_agreement_introduced_then_ended_is_history_not_the_program(history):
    # The ended agreement is introduced in a sentence of its own before the one that ends it, and the
    # new agreement comes after both: the new one is what this prospectus registers.
    evs = events(history + " We have entered into a Sales Agreement, dated June 2, 2025, with Jefferies LLC, under which "
                 "we may sell up to $50,000,000 of our common stock from time to time through Jefferies as our sales agent.")
    assert sorted(types(evs)) == ["program_established", "terminated"]
    est, term = by_type(evs)["program_established"], by_type(evs)["terminated"]
    assert est.agents == ["Jefferies LLC"] and est.agreement_date == date(2025, 6, 2)
    assert est.max_amount == Decimal(50_000_000)
    assert term.scope == "prior" and term.agents == ["Oppenheimer & Co. Inc."]


def test_an_ended_agreement_alone_is_still_terminated():
    # near miss: with no other agreement defined, the introduced agreement is the one that ends
    evs = events("On March 3, 2021, we entered into a Sales Agreement with TD Securities (USA) LLC. On October 1, 2024, "
                 "we delivered notice to TD Securities (USA) LLC terminating the Sales Agreement, effective October 11, 2024.")
    assert types(evs) == ["terminated"]
    assert by_type(evs)["terminated"].effective_date == date(2024, 10, 11)


def test_the_next_sentence_dates_the_end_after_a_notice():
    notice = ("PROSPECTUS SUPPLEMENT\nCommon Stock\nThis prospectus supplement amends and supplements the information in "
              "the prospectus supplement dated March 1, 2023. ")
    evs = events("On June 1, 2024, we provided written notice to Cantor Fitzgerald & Co. of our election to terminate the "
                 "Controlled Equity Offering Sales Agreement, dated March 1, 2023. The termination will be effective on "
                 "June 11, 2024.", cover=notice)
    assert types(evs) == ["terminated"] and evs[0].effective_date == date(2024, 6, 11)
    # near miss: without the second sentence the notice's own date stands
    evs = events("On June 1, 2024, we provided written notice to Cantor Fitzgerald & Co. of our election to terminate the "
                 "Controlled Equity Offering Sales Agreement, dated March 1, 2023.", cover=notice)
    assert evs[0].effective_date == date(2024, 6, 1)


@pytest.mark.parametrize("text, agents", [
    ("We have entered into an At Market Issuance Sales Agreement, dated March 9, 2018, with B. Riley FBR, Inc., as sales "
     "agent, which replaced a prior sales agreement with B. Riley FBR as sales agent which expired on April 16, 2018. We "
     "may offer and sell shares of our common stock having an aggregate offering price of up to $9,400,000 under the "
     "sales agreement.", ["B. Riley Securities, Inc."]),
    ("We have entered into a Sales Agreement, dated March 9, 2018, with B. Riley FBR, Inc. relating to shares of our "
     "common stock having an aggregate offering price of up to $9,400,000. Our prior sales agreement with Cantor "
     "Fitzgerald & Co. expired on April 16, 2018.", ["Cantor Fitzgerald & Co."]),
])
def test_a_prior_agreement_that_expired_ended(text, agents):
    evs = by_type(events(text))
    ended = evs["terminated"]
    assert ended.scope == "prior" and ended.effective_date == date(2018, 4, 16) and ended.agents == agents
    # the sentence that also defines the new program still gives its identity
    new = evs["program_established"]
    assert new.agreement_date == date(2018, 3, 9) and new.max_amount == 9_400_000


def test_an_agreement_that_will_expire_has_not_ended():
    # near miss: the term of this program, in the future
    evs = events("We have entered into a Sales Agreement, dated March 9, 2018, with B. Riley FBR, Inc. relating to shares "
                 "of our common stock having an aggregate offering price of up to $9,400,000. The sales agreement will "
                 "expire on April 16, 2021.")
    assert "terminated" not in by_type(evs)


@pytest.mark.parametrize("clause", [
    "which replaces our prior sales agreement with Cantor Fitzgerald & Co.",
    "which supersedes the prior sales agreement with Cantor Fitzgerald & Co.",
    "replacing our prior sales agreement with Cantor Fitzgerald & Co.",
])
def test_the_terms_after_a_replacing_clause_are_the_new_programs(clause):
    evs = by_type(events("We have entered into an At Market Issuance Sales Agreement, dated March 9, 2018, with B. Riley "
                         "FBR, Inc., " + clause + ", relating to shares of our common stock having an aggregate offering "
                         "price of up to $9,400,000."))
    new, ended = evs["program_established"], evs["terminated"]
    assert new.max_amount == 9_400_000 and new.agreement_date == date(2018, 3, 9)
    assert new.agents == ["B. Riley Securities, Inc."]
    assert ended.agents == ["Cantor Fitzgerald & Co."] and ended.max_amount is None and ended.scope == "prior"


_NEW_EDA = ("We have entered into an Equity Distribution Agreement, dated May 1, 2024, with Jefferies LLC, as sales agent, "
            "relating to shares of our common stock having an aggregate offering price of up to $50,000,000. ")


@pytest.mark.parametrize("sentence, agents", [
    ("In connection with the entry into the Equity Distribution Agreement with Jefferies LLC, the Sales Agreement with "
     "Cantor Fitzgerald & Co., dated June 3, 2022, was terminated.", ["Cantor Fitzgerald & Co."]),
    ("Concurrently with our entry into the agreement with Jefferies LLC, we terminated our Sales Agreement with Cantor "
     "Fitzgerald & Co., dated June 3, 2022.", ["Cantor Fitzgerald & Co."]),
    ("We terminated our prior Sales Agreement with Cantor Fitzgerald & Co., dated June 3, 2022, effective as of the "
     "date of the Equity Distribution Agreement with Jefferies LLC.", ["Cantor Fitzgerald & Co."]),
    # near miss: a firm that was agent under both keeps its place in the ended agreement
    ("In connection with the entry into the Equity Distribution Agreement with Jefferies LLC, the Sales Agreement with "
     "Jefferies LLC and Cantor Fitzgerald & Co., dated June 3, 2022, was terminated.",
     ["Jefferies LLC", "Cantor Fitzgerald & Co."]),
])
def test_the_new_agreements_agent_is_not_the_ended_ones(sentence, agents):
    ended = [e for e in events(_NEW_EDA + sentence) if e.type == "terminated"]
    assert len(ended) == 1 and ended[0].agents == agents


_NOTICE = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated October 1, 2021)\nCommon Stock\n"


@pytest.mark.parametrize("sentence, agents", [
    ("On February 14, 2024, we delivered notice to BofA Securities, Inc. and Wells Fargo Securities, LLC terminating the "
     "Equity Distribution Agreement, dated November 5, 2021, effective February 24, 2024.",
     ["BofA Securities, Inc.", "Wells Fargo Securities, LLC"]),
    ("The Equity Distribution Agreement, dated November 5, 2021, by and among the Company and BofA Securities, Inc., "
     "as sales agent, was terminated by mutual agreement effective February 24, 2024.", ["BofA Securities, Inc."]),
    ("Effective February 24, 2024, we terminated the Equity Distribution Agreement, dated November 5, 2021, with "
     "BofA Securities, Inc.", ["BofA Securities, Inc."]),
])
def test_a_notice_that_only_terminates_takes_the_identity_its_termination_names(sentence, agents):
    evs = events(sentence + " Prior to termination, we had sold 4,100,000 shares of common stock under the Equity "
                 "Distribution Agreement for aggregate gross proceeds of $61.5 million.", cover=_NOTICE)
    assert types(evs) == ["terminated", "sales_reported"]
    for ev in evs:
        assert ev.agreement_type == "Equity Distribution Agreement" and ev.agreement_date == date(2021, 11, 5)
        assert ev.agents == agents
    assert evs[0].effective_date == date(2024, 2, 24) and evs[1].shares_sold == 4_100_000


def test_a_termination_does_not_restate_the_programs_own_identity():
    # near miss: where the program's defining sentence dates the agreement, that date stands
    evs = events("We entered into a Sales Agreement, dated March 3, 2021, with Cantor Fitzgerald & Co. relating to shares "
                 "of our common stock. On October 1, 2024, we terminated the Sales Agreement with Cantor Fitzgerald & Co.")
    assert types(evs) == ["terminated"]
    assert evs[0].agreement_date == date(2021, 3, 3) and evs[0].agreement_type == "Sales Agreement"


@pytest.mark.parametrize("passage", [
    "We previously entered into a sales agreement with Roth Capital Partners, LLC dated March 25, 2020, under which we "
    "could offer and sell up to $20,000,000 of our common stock. We have now entered into a new sales agreement, dated "
    "June 1, 2023, with Roth Capital Partners, LLC and Craig-Hallum Capital Group LLC, which supersedes and replaces the "
    "prior sales agreement.",
    "We previously entered into a sales agreement with Roth Capital Partners, LLC dated March 25, 2020. We have entered "
    "into a new sales agreement, dated June 1, 2023, with Roth Capital Partners, LLC and Craig-Hallum Capital Group LLC. "
    "The new agreements with Roth and Craig-Hallum supersede and replace the agreement that we entered into with Roth "
    "on March 25, 2020.",
])
def test_a_new_agreement_that_supersedes_the_one_entered_into_before_is_the_program(passage):
    evs = by_type(events(passage + " Under the new sales agreement we may offer and sell shares of our common stock "
                         "having an aggregate offering price of up to $40,000,000."))
    new = evs["program_established"]
    assert new.agreement_date == date(2023, 6, 1)
    assert new.agents == ["Roth Capital Partners, LLC", "Craig-Hallum Capital Group LLC"]
    assert evs["terminated"].scope == "prior"


def test_an_agreement_entered_into_before_and_not_replaced_stays_the_program():
    # near miss: "previously entered into" alone is this program's history, not an ended agreement
    evs = by_type(events("We previously entered into a sales agreement with Roth Capital Partners, LLC dated March 25, "
                         "2020. We have added Craig-Hallum Capital Group LLC as a new sales agent under the agreement."))
    assert "terminated" not in evs
    assert next(iter(evs.values())).agreement_date == date(2020, 3, 25)


# identity.AGREEMENT_DATE_RE (_CHANGED_AGREEMENT_RE) and assemble: an agreement "terminated ... effective as of" a date is
# this program's ending on that date, and the supplement's "purpose ... is to terminate our continuous offering" is part of
# that ending, not a suspension beside it.
ENDED_COVER = ("Filed Pursuant to Rule 424(b)(3)\nPROSPECTUS SUPPLEMENT DATED MARCH 5, 2025\n(To Prospectus dated January 11, "
               "2024)\nUp to $170,000,000\nCommon Stock\n")
ENDED_DEFINED = ("We filed the Sales Agreement Prospectus on January 11, 2024 to register the offer and sale of shares of our "
                 "common stock from time to time under the terms of a Sales Agreement, or the Sales Agreement, that we "
                 "entered into with B. Riley Securities Inc., Cantor Fitzgerald & Co. and H.C. Wainwright & Co., LLC, or the "
                 "Sales Agents, dated December 22, 2023, in an \"at the market offering\". ")


@pytest.mark.parametrize("ending", [
    "On February 28, 2025, we voluntarily terminated the Sales Agreement effective as of March 5, 2025. The purpose of "
    "this Supplement is to terminate our continuous offering under the Sales Agreement Prospectus.",
    "On February 28, 2025, we gave notice to terminate the Sales Agreement effective as of March 5, 2025, and the purpose "
    "of this supplement is to terminate the continuous offering.",
])
def test_an_agreement_terminated_effective_as_of_a_date_ends_this_program(ending):
    found = by_type(events(ENDED_DEFINED + ending, cover=ENDED_COVER))
    assert sorted(found) == ["terminated"]
    ev = found["terminated"]
    assert ev.scope == "this" and ev.agreement_date == date(2023, 12, 22) and ev.effective_date == date(2025, 3, 5)
    assert len(ev.agents) == 3


def test_terminating_only_the_continuous_offering_is_still_a_suspension():
    # near miss: the agreement is not said to end
    found = by_type(events(ENDED_DEFINED + "The purpose of this Supplement is to terminate our continuous offering under "
                           "the Sales Agreement Prospectus.", cover=ENDED_COVER))
    assert "suspended" in found and "terminated" not in found

"""program_amended: the agreement or the ATM prospectus changed by this filing; agent
changes, increments and the newest amendment date; a sales-only supplement is no amendment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract import parse_filing
from edgar_atm.extract.identity import caps

from .doc import by_type, events, types

NOTICE = ("PROSPECTUS SUPPLEMENT\nAmendment No. 1 to Prospectus Supplement dated March 1, 2024\n"
          "This Amendment No. 1 amends and supplements the prospectus supplement dated March 1, 2024 relating to "
          "our Sales Agreement.\nThe date of this Amendment No. 1 is September 9, 2024.\n")


@pytest.mark.parametrize("sentence, added", [
    ("On September 5, 2024, we entered into Amendment No. 2 to the Sales Agreement, dated March 1, 2024, with "
     "Jefferies LLC and B. Riley Securities, Inc. to add B. Riley Securities, Inc. as an additional sales agent.",
     ["B. Riley Securities, Inc."]),
    ("We have entered into an amendment, dated as of September 5, 2024, to our Equity Distribution Agreement, dated "
     "March 1, 2024, pursuant to which Canaccord Genuity LLC and Needham & Company, LLC were added as agents under "
     "the agreement.", ["Canaccord Genuity LLC", "Needham & Company, LLC"]),
    ("We have entered into an amended and restated sales agreement, dated as of September 5, 2024, which amends and "
     "restates our sales agreement dated March 1, 2024 with Jefferies LLC, to include Roth Capital Partners, LLC "
     "as an additional agent.", ["Roth Capital Partners, LLC"]),
])
def test_agents_added(sentence, added):
    amended = by_type(events(sentence))["program_amended"]
    assert amended.agents_added == added
    assert amended.agreement_date == date(2024, 3, 1) and amended.amendment_date == date(2024, 9, 5)
    assert set(added) <= set(amended.agents)


@pytest.mark.parametrize("sentence, removed, added", [
    ("On September 5, 2024, we entered into Amendment No. 1 to the Sales Agreement, dated March 1, 2024, to "
     "replace Cowen and Company, LLC with Leerink Partners LLC as sales agent.",
     ["Cowen and Company, LLC"], ["Leerink Partners LLC"]),
    ("On September 5, 2024, we entered into Amendment No. 1 to the Sales Agreement, dated March 1, 2024, pursuant "
     "to which Oppenheimer & Co. Inc. ceased to be a sales agent under the Sales Agreement.",
     ["Oppenheimer & Co. Inc."], []),
    ("On September 5, 2024, we entered into Amendment No. 1 to the Sales Agreement, dated March 1, 2024, which "
     "removed BTIG, LLC as an agent and added Lake Street Capital Markets, LLC as an agent.",
     ["BTIG, LLC"], ["Lake Street Capital Markets, LLC"]),
])
def test_agents_swapped_or_removed(sentence, removed, added):
    amended = by_type(events(sentence))["program_amended"]
    assert amended.agents_removed == removed and amended.agents_added == added
    assert not set(removed) & set(amended.agents)


@pytest.mark.parametrize("sentence, increase", [
    ("On September 5, 2024, we entered into Amendment No. 1 to the Sales Agreement, dated March 1, 2024, with Jefferies "
     "LLC to increase the aggregate offering price of shares that may be sold under the Sales Agreement by "
     "$50,000,000.", Decimal(50_000_000)),
    ("We have entered into a second amended and restated sales agreement, dated September 5, 2024, with Jefferies "
     "LLC, which amends and restates the sales agreement dated March 1, 2024 to increase the aggregate gross sales "
     "price of shares that may be sold by up to an additional $400,000,000.", Decimal(400_000_000)),
    ("On September 5, 2024, we entered into Amendment No. 1 to the Sales Agreement, dated March 1, 2024, with "
     "Jefferies LLC, which increased the maximum amount of common stock issuable under the Sales Agreement by "
     "$12.5 million.", Decimal(12_500_000)),
])
def test_increment_without_a_new_total(sentence, increase):
    amended = by_type(events(sentence))["program_amended"]
    assert amended.max_amount_increase == increase
    assert amended.max_amount != increase


def test_increment_with_a_new_total_uses_the_total():
    amended = by_type(events(
        "On September 5, 2024, we entered into Amendment No. 1 to the Sales Agreement, dated March 1, 2024, with "
        "Jefferies LLC, which increased the aggregate offering price under the Sales Agreement by $25,000,000 to "
        "$100,000,000."))["program_amended"]
    assert amended.max_amount == Decimal(100_000_000) and amended.max_amount_increase is None


@pytest.mark.parametrize("sentence", [
    "We are party to a Sales Agreement, dated March 1, 2022, with Jefferies LLC, as amended on May 2, 2023 and as "
    "further amended on September 5, 2024.",
    "We are party to a Sales Agreement, dated March 1, 2022, with Jefferies LLC (as amended by Amendment No. 1, "
    "dated May 2, 2023, and Amendment No. 2, dated September 5, 2024, the \"Sales Agreement\").",
    "We have entered into Amendment No. 2, dated September 5, 2024, to the Sales Agreement, dated March 1, 2022, as "
    "previously amended by Amendment No. 1, dated May 2, 2023, with Jefferies LLC.",
    # the verb capitalised, as some filings write it
    "We have entered into a Sales Agreement with Jefferies LLC dated March 1, 2022, as Amended on September 5, 2024 "
    "(as amended, the \"Sales Agreement\").",
])
def test_newest_amendment_date_wins(sentence):
    amended = by_type(events(sentence, cover=NOTICE.replace("March 1, 2024", "March 1, 2022")))["program_amended"]
    assert amended.agreement_date == date(2022, 3, 1)
    assert amended.amendment_date == date(2024, 9, 5)


@pytest.mark.parametrize("sentence, offered", [
    # I.B.6 cut
    ("We are filing this amendment to reduce the maximum aggregate offering price of shares of common stock that "
     "we may offer and sell under the Sales Agreement with Jefferies LLC, dated March 1, 2024, to $8,250,000, "
     "pursuant to General Instruction I.B.6 of Form S-3.", Decimal(8_250_000)),
    # restored after the float grew
    ("As a result of the increase in our public float, we are no longer subject to General Instruction I.B.6 and "
     "are filing this amendment to increase the amount of common stock we may offer under the Sales Agreement "
     "with Jefferies LLC, dated March 1, 2024, to $50,000,000.", Decimal(50_000_000)),
])
def test_prospectus_amount_cut_or_restored(sentence, offered):
    evs = events(sentence, cover=NOTICE)
    assert types(evs) == ["program_amended"]
    amount = evs[0].offered_amount if evs[0].offered_amount is not None else evs[0].max_amount
    assert amount == offered


_SALES_ONLY = ("We are party to a Sales Agreement, dated March 1, 2024, with Jefferies LLC. As of September 6, 2024, we "
               "have sold 1,000,000 shares of common stock under the Sales Agreement for aggregate gross proceeds of $8.0 "
               "million.")


@pytest.mark.parametrize("cover", [
    "PROSPECTUS SUPPLEMENT\nSupplement No. 2 dated September 9, 2024 to Prospectus Supplement dated March 1, 2024\n"
    "This Supplement No. 2 supplements certain information contained in the prospectus supplement dated March 1, 2024.\n",
    "PROSPECTUS SUPPLEMENT\nThis prospectus supplement updates and supplements the information in our prospectus "
    "supplement dated March 1, 2024.\nThe date of this prospectus supplement is September 9, 2024.\n",
])
def test_sales_only_supplement_is_not_an_amendment(cover):
    assert types(events(_SALES_ONLY, cover=cover)) == ["sales_reported"]


@pytest.mark.parametrize("cover", [
    NOTICE,
    "Filed Pursuant to Rule 424(b)(5)\nAMENDMENT NO. 1 DATED September 9, 2024\nTo Prospectus Supplement dated March 1, "
    "2024\n(to Prospectus dated January 5, 2024)\n$50,000,000\nCommon Stock\nThis Amendment No. 1 to Prospectus "
    "Supplement, or this amendment, amends our prospectus supplement dated March 1, 2024.\n",
])
def test_an_amendment_of_the_prospectus_supplement_is_an_amendment_even_with_sales_only(cover):
    # The document calls itself an amendment of the program's prospectus supplement: the program's prospectus changed,
    # whether or not the excerpt says how (the corpus labels every such ATM cover program_amended).
    evs = by_type(events(_SALES_ONLY, cover=cover))
    assert set(evs) == {"program_amended", "sales_reported"}
    assert evs["program_amended"].amendment_date == date(2024, 9, 9)


@pytest.mark.parametrize("sentence", [
    # an old amendment, long before this supplement: context, not a change
    "We previously entered into an amended and restated sales agreement, dated May 2, 2019, with Jefferies LLC.",
    # the right to amend
    "We have entered into a Sales Agreement, dated September 5, 2024, with Jefferies LLC. The Sales Agreement may "
    "be amended from time to time by written agreement of the parties.",
])
def test_near_misses_are_not_amendments(sentence):
    evs = events(sentence, cover="PROSPECTUS SUPPLEMENT\nCommon Stock\nThe date of this prospectus supplement is "
                                 "September 9, 2024.\n")
    assert "program_amended" not in types(evs)


@pytest.mark.parametrize("opening", [
    "We are filing this Amendment No. 2 to amend the prospectus supplement dated March 1, 2024 to update the amount of "
    "shares we may sell under General Instruction I.B.6 of Form S-3.",
    "This Amendment is being filed to amend and supplement our prospectus supplement dated March 1, 2024, in order "
    "to update the amount of common stock we are eligible to sell under the Sales Agreement.",
    "This prospectus supplement amendment amends our prospectus supplement dated March 1, 2024 to reflect the "
    "current limits of General Instruction I.B.6 of Form S-3.",
])
def test_amendment_of_the_atm_prospectus_updating_the_ib6_amount(opening):
    evs = events(opening + " Our Sales Agreement with Jefferies LLC, dated March 1, 2024, remains in effect. As a "
                 "result of these limitations, we may offer and sell shares of our common stock having an aggregate "
                 "offering price of up to $3,125,500 under the Sales Agreement.",
                 cover="PROSPECTUS SUPPLEMENT AMENDMENT\nCommon Stock\n")
    assert types(evs) == ["program_amended"]
    assert evs[0].offered_amount == Decimal(3_125_500) and evs[0].max_amount is None
    assert evs[0].agreement_date == date(2024, 3, 1)


@pytest.mark.parametrize("later", [
    "On September 5, 2024, we entered into an amendment to the Sales Agreement (\"Amendment No. 2\") with Jefferies "
    "LLC to extend its term.",
    "On September 5, 2024, we and Jefferies LLC entered into Amendment No. 2 to the Sales Agreement to reflect our "
    "new registration statement.",
])
def test_amendment_stated_after_the_defining_sentence(later):
    evs = by_type(events(
        "On March 1, 2021, we entered into a Sales Agreement with Jefferies LLC relating to shares of our common stock "
        "offered by this prospectus supplement, having an aggregate offering price of up to $30,000,000. " + later))
    amended = evs["program_amended"]
    assert amended.agreement_date == date(2021, 3, 1) and amended.amendment_date == date(2024, 9, 5)


@pytest.mark.parametrize("limit", [
    "Based on our public float, we may offer and sell shares of common stock having an aggregate offering price of up "
    "to $3,125,500 from time to time.",
    "Pursuant to General Instruction I.B.6 of Form S-3, we may currently sell up to $3,125,500 of our common stock.",
])
def test_ib6_amount_in_a_sentence_that_does_not_name_the_agreement(limit):
    evs = events("We are filing this Amendment No. 1 to amend the prospectus supplement dated March 1, 2024 relating to "
                 "our Sales Agreement with Jefferies LLC, dated March 1, 2024. " + limit,
                 cover="PROSPECTUS SUPPLEMENT AMENDMENT\nCommon Stock\n")
    assert types(evs) == ["program_amended"] and evs[0].offered_amount == Decimal(3_125_500)


@pytest.mark.parametrize("sentence", [
    "We entered into separate equity distribution agreements dated as of March 1, 2022, which were amended on "
    "September 5, 2024, with each of Jefferies LLC and BTIG, LLC.",
    "We are party to a Sales Agreement dated as of March 1, 2022 that was amended on September 5, 2024 with Jefferies "
    "LLC.",
])
def test_which_was_amended_on(sentence):
    amended = by_type(events(sentence + " Shares may be sold under this prospectus supplement having an aggregate "
                                        "offering price of up to $50,000,000."))["program_amended"]
    assert amended.agreement_date == date(2022, 3, 1) and amended.amendment_date == date(2024, 9, 5)


# --------------------------------------------------------------------------- said by the filing itself

_PROGRAM = ("relating to the offer and sale of shares of our common stock through {agent} in \"at the market\" "
            "offerings pursuant to the {agreement} with {agent} dated as of {date}.")


@pytest.mark.parametrize("cover_sentence", [
    # "updates and amends certain information contained in the prospectus supplement dated"
    "This prospectus supplement updates and amends certain information contained in the prospectus supplement dated "
    "March 29, 2023, to the prospectus dated October 1, 2020, " + _PROGRAM.format(
        agent="H.C. Wainwright & Co., LLC", agreement="At The Market Offering Agreement", date="December 20, 2016"),
    # "amends and supplements the information in the prospectus dated X ... and related prospectus supplement dated Y"
    "This prospectus supplement amends and supplements the information in the prospectus dated May 15, 2025, filed "
    "as a part of our registration statement on Form S-3 (File No. 333-272826), and related prospectus supplement "
    "dated May 15, 2025, " + _PROGRAM.format(agent="Jefferies LLC", agreement="Open Market Sale Agreement",
                                            date="November 6, 2024"),
    # "This Supplement No. 2 ... supplements certain information contained in"
    "This supplement no. 2, referred to as this Supplement, supplements certain information contained in the "
    "prospectus supplement dated November 4, 2021, " + _PROGRAM.format(
        agent="Robert W. Baird & Co. Incorporated", agreement="Sales Agreement", date="August 6, 2021"),
])
def test_cover_that_amends_the_atm_prospectus_with_a_capacity_cut(cover_sentence):
    evs = events("We are filing this prospectus supplement to reduce the aggregate amount of common stock that may be "
                 "sold pursuant to the prior prospectus supplement from $10,000,000 to $3,000,000.",
                 cover="PROSPECTUS SUPPLEMENT\nUp to $3,000,000\nCommon Stock\n" + cover_sentence + "\n")
    assert types(evs) == ["program_amended"]


@pytest.mark.parametrize("sentence", [
    "As of the date of this prospectus supplement, we are decreasing the amount of common stock we may offer and sell "
    "under the Sales Agreement to $3,000,000.",
    "This prospectus supplement restores the maximum amount of securities we may offer under our existing ATM "
    "program by the same amount ($4,500,000 of shares of common stock).",
    "We are filing this prospectus supplement to reduce the aggregate amount of common stock that may be sold "
    "pursuant to the prior prospectus supplement from $300,000,000 to $254,411,271.43.",
    "The purpose of this supplement is to increase the maximum aggregate offering price of shares we may sell "
    "under the Sales Agreement to $75,000,000.",
    "We are filing this Amendment to amend the Prospectus Supplement to update the amount of our common stock we are "
    "eligible to sell under General Instruction I.B.6 of Form S-3 and pursuant to the Sales Agreement.",
])
def test_capacity_changed_by_this_supplement(sentence):
    evs = events("We previously entered into a Sales Agreement, dated November 6, 2024, with Jefferies LLC, relating "
                 "to shares of our common stock. " + sentence)
    assert types(evs) == ["program_amended"]


@pytest.mark.parametrize("sentence", [
    # a right, not a change made now
    "We may increase the maximum amount of shares we may offer under the Sales Agreement by filing another "
    "prospectus supplement.",
    # the company's revenue, not the program's capacity
    "We are reducing the number of employees in our research organization.",
    # something else the supplement does
    "We are filing this prospectus supplement to reflect our new registration statement on Form S-3.",
    "This prospectus supplement updates the information about our directors and executive officers.",
])
def test_capacity_near_misses_stay_established(sentence):
    evs = events("We previously entered into a Sales Agreement, dated November 6, 2024, with Jefferies LLC, relating "
                 "to shares of our common stock having an aggregate offering price of up to $50,000,000. " + sentence)
    assert types(evs) == ["program_established"]


@pytest.mark.parametrize("reason", [
    "We are filing this Amendment to the Original Prospectus Supplement as we entered into an amended and restated "
    "sales agreement on January 15, 2026.",
    "This Amendment is being filed to reflect the amendment of the Sales Agreement to add Roth Capital Partners, LLC.",
    "We have filed this supplement because we executed Amendment No. 1 to the Sales Agreement on January 12, 2026.",
])
def test_notice_filed_because_the_agreement_changed_is_an_amendment_even_with_sales(reason):
    evs = events("On December 19, 2025, we entered into an At-the-Market Issuance Sales Agreement with Spartan Capital "
                 "Securities, LLC having an aggregate offering price of up to $50,000,000. As of the date of this "
                 "Amendment, we have sold an aggregate of 2,000,000 shares of Class A Common Stock for gross proceeds "
                 "of approximately $5.2 million under the ATM Sales Agreement. " + reason,
                 cover="PROSPECTUS SUPPLEMENT\nThis prospectus supplement amendment no. 1 (the \"Amendment\") amends "
                       "the prospectus supplement dated December 19, 2025.\n")
    assert sorted(types(evs)) == ["program_amended", "sales_reported"]


@pytest.mark.parametrize("later", [
    "On October 27, 2023, for the sole purpose of appointing Banco Santander, S.A. as a Forward Purchaser and "
    "Santander US Capital Markets LLC as a Forward Seller under the equity distribution agreement, we entered into "
    "Amendment No. 1 to Equity Distribution Agreement with the Sales Agents.",
    "In October 2023, to reflect the appointment of a new forward seller, the Company and the Sales Agents executed "
    "an amendment to the equity distribution agreement.",
    "We and the Sales Agents entered into the first amendment to the equity distribution agreement in connection with "
    "our new registration statement.",
])
def test_amendment_stated_in_a_later_sentence_without_a_date_the_slot_rules_read(later):
    evs = events("We are party to an equity distribution agreement, dated November 4, 2022, with Citigroup Global "
                 "Markets Inc. and J.P. Morgan Securities LLC, relating to shares of our common stock having an "
                 "aggregate offering price of up to $1,500,000,000. " + later)
    assert types(evs) == ["program_amended"]


def test_old_amendment_recounted_in_a_later_supplement_is_context():
    evs = events("We are party to an equity distribution agreement, dated November 4, 2019, with Citigroup Global "
                 "Markets Inc., relating to shares of our common stock having an aggregate offering price of up to "
                 "$1,500,000,000. On March 2, 2020, we entered into Amendment No. 1 to the equity distribution "
                 "agreement with Citigroup Global Markets Inc.",
                 cover="PROSPECTUS SUPPLEMENT\nCommon Stock\nThe date of this prospectus supplement is October 30, "
                       "2023.\n")
    assert types(evs) == ["program_established"]


@pytest.mark.parametrize("mention", [
    "relating to issuances, offers and sales of shares of our common stock offered by this amendment and the "
    "accompanying prospectus supplement and prospectus.",
    "relating to shares of our common stock to be sold pursuant to this amendment and the accompanying prospectus.",
    "relating to shares of our common stock registered under this amendment.",
])
def test_plan_of_distribution_that_calls_the_filing_an_amendment(mention):
    evs = events("PLAN OF DISTRIBUTION\nWe have entered into the equity distribution agreement with Wells Fargo "
                 "Securities, LLC and Jefferies LLC as our sales agents " + mention + " In accordance with the terms "
                 "of the equity distribution agreement, up to $2,500,000,000 of our common stock may be offered and "
                 "sold through any of the sales agents.", cover="")
    assert types(evs) == ["program_amended"]


@pytest.mark.parametrize("later, amended_on", [
    ("On October 27, 2023, for the sole purpose of appointing Banco Santander, S.A. as a Forward Purchaser and "
     "Santander US Capital Markets LLC as a Forward Seller under the equity distribution agreement, we entered into "
     "Amendment No. 1 to Equity Distribution Agreement with the Sales Agents.", date(2023, 10, 27)),
    ("To add a forward seller, on January 9, 2024 the Company and the Sales Agents executed an amendment to the equity "
     "distribution agreement, dated November 4, 2022.", date(2024, 1, 9)),
    ("We and the Sales Agents entered into the second amendment to the equity distribution agreement, effective as of "
     "June 3, 2024, to reflect our new registration statement.", date(2024, 6, 3)),
])
def test_later_amendment_dates_the_change(later, amended_on):
    amended = by_type(events("We are party to an equity distribution agreement, dated November 4, 2022, with "
                             "Citigroup Global Markets Inc., relating to shares of our common stock. " + later))
    assert amended["program_amended"].amendment_date == amended_on
    assert amended["program_amended"].agreement_date == date(2022, 11, 4)


@pytest.mark.parametrize("sentence", [
    "The Amendment did not change the maximum aggregate offering amount of the shares of our common stock that may be "
    "sold pursuant to the equity distribution agreement, which remains at $1,500,000,000.",
    "The aggregate offering price of shares that may be sold under the Equity Distribution Agreement, as amended, is "
    "unchanged and remains "
    "$1,500,000,000.",
    "Amendment No. 1 does not change the maximum amount of common stock we may offer, which is $1,500,000,000.",
])
def test_cap_restated_as_unchanged_by_the_amendment(sentence):
    amended = by_type(events("On October 27, 2023, we entered into Amendment No. 1 to the Equity Distribution "
                             "Agreement, dated November 4, 2022, with Citigroup Global Markets Inc. " + sentence))
    assert amended["program_amended"].max_amount == Decimal(1_500_000_000)


@pytest.mark.parametrize("sentence, increase", [
    ("This prospectus restores the maximum amount of securities we may offer under the Existing ATM Program by the "
     "same amount ($45,588,728.57 of shares of common stock).", Decimal("45588728.57")),
    ("This prospectus supplement restores the amount of common stock we may sell under the Sales Agreement by "
     "$12,000,000.", Decimal(12_000_000)),
    ("This supplement increases the aggregate offering price of shares we may offer under the Sales Agreement by "
     "the same amount ($5,000,000).", Decimal(5_000_000)),
])
def test_capacity_restored_by_an_increment(sentence, increase):
    amended = by_type(events("We previously entered into an Open Market Sale Agreement with Jefferies LLC. "
                             + sentence))["program_amended"]
    assert amended.max_amount_increase == increase


# -- notices that amend the ATM prospectus itself (role.SUPPLEMENT_NOTICE_RE, role.COVER_DATED_RE) ----

_PROGRAM = ("We have entered into a {agreement} with {agent}, as sales agent, relating to shares of our common "
            "stock. We may offer and sell shares having an aggregate offering price of up to {cap} from time to "
            "time through {agent}.")


@pytest.mark.parametrize("cover, when", [
    # An ATM prospectus filed with the shelf, amended by a numbered amendment dated on its cover.
    ("Filed Pursuant to Rule 424(b)(5)\nAmendment No. 1 dated November 24, 2023\n(To Prospectus dated May 15, 2023)\n"
     "Common Stock\nThis Amendment No. 1, or Amendment, amends our prospectus dated May 15, 2023 (File No. 333-271400), "
     "or the Prospectus, relating to our at the market offering.\n", date(2023, 11, 24)),
    ("Filed Pursuant to Rule 424(b)(3)\nAmendment No. 2 dated June 3, 2022\n(To Prospectus dated January 7, 2021)\n"
     "This Amendment No. 2 amends the prospectus dated January 7, 2021 relating to the offer and sale of our shares.\n",
     date(2022, 6, 3)),
    # Amends both the base prospectus and earlier ATM supplements, plural ("the prospectus supplements, dated").
    ("Prospectus Supplement dated October 17, 2025\n(To Prospectus Supplements Dated April 2, 2025 and February 21, "
     "2025)\nThis prospectus supplement amends and supplements the information in the prospectus dated May 10, 2023 "
     "and the prospectus supplements, dated April 2, 2025 and February 21, 2025, relating to our shares.\n",
     date(2025, 10, 17)),
    ("Supplement No. 3 dated March 8, 2024\nThis supplement updates and amends certain information contained in the "
     "prospectus dated June 1, 2022 and the prospectus supplements, dated June 1, 2022 and May 2, 2023.\n",
     date(2024, 3, 8)),
])
def test_a_notice_amending_the_atm_prospectus_is_an_amendment_dated_by_its_cover(cover, when):
    body = _PROGRAM.format(agreement="Controlled Equity Offering Sales Agreement", agent="Cantor Fitzgerald & Co.",
                           cap="$75,000,000")
    found = by_type(events(body, cover=cover))
    assert "program_established" not in found
    assert found["program_amended"].amendment_date == when


def test_a_new_atm_supplement_dated_on_its_cover_is_no_amendment():
    # The cover's "(To Prospectus dated ...)" and its own date say nothing about amending.
    cover = "Prospectus Supplement dated August 1, 2023\n(To Prospectus dated May 15, 2023)\n$50,000,000\nCommon Stock\n"
    body = _PROGRAM.format(agreement="Sales Agreement", agent="Jefferies LLC", cap="$50,000,000")
    assert types(events(body, cover=cover)) == ["program_established"]


def test_the_cover_date_of_an_earlier_document_is_not_this_documents_date():
    from edgar_atm.extract.role import document_date

    assert document_date("PROSPECTUS SUPPLEMENT\n(To Prospectus Supplement dated March 1, 2024)\nCommon Stock\n") is None
    assert document_date("Prospectus Supplement dated February 22, 2023\n(To Prospectus dated December 7, 2020)\n") \
        == date(2023, 2, 22)
    assert document_date("Supplement No. 2, dated May 3, 2024, to Prospectus Supplement dated May 10, 2023\n") \
        == date(2024, 5, 3)


@pytest.mark.parametrize("sentence, agreement, amendment", [
    ("This Supplement is being filed to reflect the second amendment and restatement on November 3, 2023, of that "
     "certain amended and restated sales agreement dated February 25, 2022 with Robert W. Baird & Co. Incorporated, "
     "relating to shares of our common stock having an aggregate offering price of up to $300,000,000.",
     date(2022, 2, 25), date(2023, 11, 3)),
    ("We are filing this supplement to reflect the amendment, effective as of June 1, 2024, of our equity "
     "distribution agreement dated May 1, 2022 with Jefferies LLC relating to shares of our common stock having an "
     "aggregate offering price of up to $100,000,000.", date(2022, 5, 1), date(2024, 6, 1)),
])
def test_the_amendment_dated_by_its_own_noun(sentence, agreement, amendment):
    amended = by_type(events(sentence))["program_amended"]
    assert (amended.agreement_date, amended.amendment_date) == (agreement, amendment)


@pytest.mark.parametrize("raise_sentence", [
    "We are filing this supplement to increase the amount that we may issue and sell by $25.0 million, for an "
    "aggregate total of $75.0 million.",
    "This supplement increases the amount of common stock we may offer under the prospectus by $25,000,000, to an "
    "aggregate of $75,000,000.",
])
def test_a_supplement_raising_what_the_prospectus_covers_within_the_agreement_cap(raise_sentence):
    evs = events("This supplement no. 1 dated January 7, 2022, or this supplement, supplements, modifies and supersedes "
                 "certain information contained in our prospectus dated December 2, 2020, relating to the offer and "
                 "sale of shares of our common stock through A.G.P./Alliance Global Partners, acting as our sales "
                 "agent, in accordance with the terms of a sales agreement dated November 20, 2020. The sales "
                 "agreement with A.G.P. provides that we may issue and sell shares of our common stock having an "
                 "aggregate gross sales price of up to $100.0 million. " + raise_sentence,
                 cover="Supplement No. 1 to Prospectus dated December 2, 2020\nUp to $75,000,000\nShares of Common Stock\n")
    amended = by_type(evs)["program_amended"]
    assert (amended.agreement_date, amended.amendment_date) == (date(2020, 11, 20), date(2022, 1, 7))
    assert (amended.max_amount, amended.offered_amount) == (Decimal(100_000_000), Decimal(75_000_000))


@pytest.mark.parametrize("sentence", [
    "On December 17, 2021, we entered into an amendment to the Sales Agreement (“Amendment No. 1”) and on July 19, "
    "2023, we entered into a second amendment to the Sales Agreement (“Amendment No. 2”) with the Agents.",
    "On December 17, 2021, we entered into a first amendment to the Sales Agreement, and on July 19, 2023, we "
    "entered into a further amendment to reflect our new registration statement.",
])
def test_of_several_amendments_entered_into_the_newest_dates_the_change(sentence):
    evs = events("We are party to an At Market Issuance Sales Agreement, dated May 29, 2020, with B. Riley "
                 "Securities, Inc. relating to shares of our common stock having an aggregate offering price of up "
                 "to $50,000,000. " + sentence)
    amended = by_type(evs)["program_amended"]
    assert amended.amendment_date == date(2023, 7, 19)


@pytest.mark.parametrize("dated_line, is_amendment", [
    ("The date of this prospectus supplement is August 2, 2024.", True),
    ("The date of this prospectus supplement is March 3, 2026.", False),  # an old amendment, re-registered
])
def test_a_previously_made_agreement_amended_close_to_the_supplement(dated_line, is_amendment):
    evs = events("We previously entered into an ATM sales agreement, dated November 4, 2021, which was amended on "
                 "August 1, 2024 (as amended, the “ATM Sales Agreement”), with Wells Fargo Securities, LLC and BTIG, "
                 "LLC, relating to the offering of up to 4,000,000 shares of our common stock by this prospectus "
                 "supplement. " + dated_line)
    assert types(evs) == (["program_amended"] if is_amendment else ["program_established"])
    assert evs[0].agreement_date == date(2021, 11, 4)


@pytest.mark.parametrize("sentence, when", [
    ("We are filing this prospectus supplement to supplement and amend, as of December 31, 2025, the July 2025 "
     "prospectus to increase the maximum aggregate gross sales price of our common stock that may be offered, issued "
     "and sold under the ATM Agreement from and after the date hereof to $8,200,000.", date(2025, 12, 31)),
    ("We are filing this prospectus supplement, effective January 5, 2026, to reduce the aggregate sales price of "
     "the common stock that may be sold under the ATM Agreement to $3,000,000.", date(2026, 1, 5)),
])
def test_a_capacity_change_dated_in_its_own_sentence(sentence, when):
    evs = events("We have previously entered into an At The Market Offering Agreement (“ATM Agreement”) with Roth "
                 "Capital Partners, LLC relating to shares of our common stock offered by this prospectus supplement. "
                 + sentence)
    amended = by_type(evs)["program_amended"]
    assert amended.amendment_date == when


def test_an_amended_agreement_entered_into_is_an_amendment():
    evs = events("We have entered into an amended equity distribution agreement with KCCI, Ltd. relating to shares of "
                 "our common stock offered hereby. In accordance with the terms of the amended equity distribution "
                 "agreement, we may offer and sell up to 3,135,435 shares of our common stock from time to time "
                 "through KCCI as our sales agent.")
    assert types(evs) == ["program_amended"]
    assert evs[0].max_shares == 3_135_435


@pytest.mark.parametrize("sentence, cap", [
    ("We are filing this amendment to amend the prospectus supplement solely to reflect a reduction in the total "
     "aggregate offering price of Class A ordinary shares we may offer and sell under the prospectus supplement from "
     "US$1,000,000,000 to US$750,000,000.", Decimal(750_000_000)),
    ("We are filing this prospectus supplement to reflect an increase in the maximum aggregate offering price of "
     "shares we may sell under the Sales Agreement from $50,000,000 to $100,000,000.", Decimal(100_000_000)),
])
def test_a_capacity_change_in_nominal_form(sentence, cap):
    evs = events("This prospectus supplement amendment No. 1 (this \"amendment\") amends the prospectus supplement, "
                 "dated January 3, 2025, relating to our Sales Agreement with Cantor Fitzgerald & Co. As of the date of "
                 "this amendment, we have sold shares pursuant to the Sales Agreement for aggregate gross proceeds of "
                 "$102.2 million. " + sentence,
                 cover="Amendment No. 1, dated November 12, 2025\n(To Prospectus Supplement dated January 3, 2025)\n")
    assert sorted(types(evs)) == ["program_amended", "sales_reported"]
    assert by_type(evs)["program_amended"].max_amount == cap


@pytest.mark.parametrize("base, is_amendment", [
    ("October 30, 2023", False),  # amended in August: months before this supplement could exist
    ("August 1, 2023", True),     # the amendment fits this supplement's time
])
def test_the_base_prospectus_date_bounds_an_undated_supplement(base, is_amendment):
    evs = events("We have entered into separate open market sale agreements, dated November 4, 2022, each as amended "
                 "on August 8, 2023, with each of BMO Capital Markets Corp. and Jefferies LLC, as sales agents, relating "
                 "to shares of our Class A common stock offered by this prospectus supplement, having an aggregate "
                 "offering price of up to $150,000,000.",
                 cover=f"PROSPECTUS SUPPLEMENT\n(To prospectus dated {base})\nUp to $150,000,000\nClass A Common Stock\n")
    assert types(evs) == (["program_amended"] if is_amendment else ["program_established"])


@pytest.mark.parametrize("cover_amount, before, field, expected", [
    ("Up to $30,000,000", "$4,486,846", "max_amount", Decimal(30_000_000)),      # upsized: the new cap
    ("Up to $1,900,000", "$25,200,000", "offered_amount", Decimal(1_900_000)),  # cut: what may be sold now
])
def test_a_notice_whose_cover_offers_another_amount_than_was_registered(cover_amount, before, field, expected):
    evs = events("This prospectus supplement updates, amends and supplements certain information in the prospectus "
                 "supplement, dated September 25, 2024. Under the Prior Prospectus, we registered up to "
                 f"{before} of shares of our common stock, relating to the offer and sale of our Common Stock through "
                 "A.G.P./Alliance Global Partners, acting as sales agent, pursuant to that certain Sales Agreement, "
                 "dated as of September 25, 2024. From September 25, 2024 through the date of this prospectus "
                 "supplement, we sold an aggregate of 572,725 shares of our Common Stock for an aggregate purchase "
                 "price of $1,257,464 under the Prior Prospectus.",
                 cover=f"PROSPECTUS SUPPLEMENT\n(To Prospectus Supplement Dated September 25, 2024)\n{cover_amount}\nCommon Stock\n")
    found = by_type(evs)
    assert sorted(found) == ["program_amended", "sales_reported"]
    assert getattr(found["program_amended"], field) == expected
    assert found["sales_reported"].gross_proceeds == Decimal(1_257_464)


def test_an_amendment_filed_to_increase_the_offering_price_dated_in_capitals():
    evs = events("This Amendment No. 1 to Prospectus (this “Amendment”) amends our prospectus dated November 15, 2018. "
                 "On November 8, 2018, we entered into a Controlled Equity OfferingSM Sales Agreement with Cantor "
                 "Fitzgerald & Co., acting as the agent, relating to shares of our common stock. This Amendment is "
                 "being filed to increase the aggregate offering price of the shares of our common stock offered by "
                 "the Prospectus and that may be sold pursuant to the Sales Agreement.",
                 cover="AMENDMENT NO. 1 DATED APRIL 5, 2021\n(To the Prospectus Dated November 15, 2018)\nUp to $70,000,000\n")
    amended = by_type(evs)["program_amended"]
    assert amended.amendment_date == date(2021, 4, 5) and amended.agreement_date == date(2018, 11, 8)


@pytest.mark.parametrize("body", [
    "We previously entered into a Controlled Equity OfferingSM Sales Agreement with Cantor Fitzgerald & Co. pursuant to "
    "which we may offer and sell shares of our common stock having an aggregate offering price of up to $25,000,000. As "
    "of September 19, 2018, we have not sold any of our common stock under the Sales Agreement, which leaves $25.0 "
    "million of common stock available under the Sales Agreement. We are now subject to General Instruction I.B.6 of "
    "Form S-3, which limits the amounts that we may sell under the registration statement.",
])
def test_a_supplement_for_a_program_now_under_the_baby_shelf_limit_amends_it(body):
    evs = events(body, cover="PROSPECTUS SUPPLEMENT\n(To Prospectus Dated November 21, 2017)\nUp to $10,800,000\nCommon Stock\n")
    found = by_type(evs)
    assert sorted(found) == ["program_amended", "sales_reported"]
    assert found["sales_reported"].shares_sold == 0 and found["sales_reported"].remaining_amount == Decimal(25_000_000)


def test_a_supplement_to_the_at_the_market_offering_prospectus_is_a_notice():
    evs = events("This prospectus supplement amends and supplements the information in our at the market offering "
                 "prospectus, dated May 31, 2024. This prospectus supplement is being filed to update the remaining "
                 "amount of shares that we may sell through B. Riley Securities, Inc. pursuant to our At Market Issuance "
                 "Sales Agreement, dated May 9, 2024.",
                 cover="Prospectus Supplement No. 1\n(To Prospectus Dated May 31, 2024)\nUp to $21,292,944 of Shares\n")
    assert types(evs) == ["program_amended"]


@pytest.mark.parametrize("opening", [
    "This prospectus supplement updates, amends and supplements the information previously included in our "
    "prospectus, dated April 16, 2018, and the prospectus supplement, dated November 15, 2018.",
    "This prospectus supplement amends and supplements the information previously contained in the prospectus "
    "supplements, dated November 15, 2018 and March 2, 2019.",
])
def test_a_supplement_that_amends_an_earlier_atm_supplement_and_sets_a_new_amount(opening):
    evs = events(opening + " We have entered into an At Market Issuance Sales Agreement, dated March 9, 2018, with "
                 "B. Riley FBR, Inc., as sales agent. We may now offer and sell shares of our common stock having an "
                 "aggregate offering price of up to $9,400,000 from time to time through B. Riley FBR, Inc.",
                 cover="PROSPECTUS SUPPLEMENT\n$9,400,000\nCommon Stock\n")
    assert types(evs) == ["program_amended"]
    assert by_type(evs)["program_amended"].max_amount == 9_400_000


_FUND_UPDATE = ("{opening} which relate to the sale of shares of common stock of OFS Credit Company, Inc. in an \"at the "
                "market offering\" pursuant to an equity distribution agreement, dated January 24, 2020, as amended by "
                "Amendment No. 1 thereto, dated March 16, 2021, and Amendment No. 2 thereto, dated June 8, 2021, with "
                "Ladenburg Thalmann & Co. Inc. (the “Equity Distribution Agreement”). From January 24, 2020 to "
                "August 16, 2021, we sold a total of 2,080,689 shares of common stock pursuant to the \"at the market "
                "offering.\"")


@pytest.mark.parametrize("cover, opening", [
    ("PROSPECTUS SUPPLEMENT (To Prospectus dated June 7, 2021) | | August 17, 2021 |\n$50,000,000\nCommon Stock\n",
     "This prospectus supplement supplements the prospectus supplements dated June 11, 2021 and July 20, 2021 and the "
     "accompanying prospectus thereto, dated June 7, 2021,"),
    ("PROSPECTUS SUPPLEMENT\n(To Prospectus dated June 7, 2021)\nAugust 17, 2021\n$50,000,000\nCommon Stock\n",
     "This prospectus supplement supplements the prospectus dated June 7, 2021, as amended and supplemented to date,"),
])
def test_a_periodic_update_citing_old_amendments_reports_sales_only(cover, opening):
    evs = events(_FUND_UPDATE.format(opening=opening), cover=cover)
    assert types(evs) == ["sales_reported"]


def test_a_periodic_update_with_a_recent_amendment_is_an_amendment():
    # near miss: the newest amendment is nine days old: this supplement is filed for it
    evs = events(_FUND_UPDATE.format(opening="This prospectus supplement supplements the prospectus dated June 7, "
                                             "2021, as amended and supplemented to date,").replace("June 8, 2021",
                                                                                                   "August 8, 2021"),
                 cover="PROSPECTUS SUPPLEMENT\n(To Prospectus dated June 7, 2021)\nAugust 17, 2021\n$50,000,000\n")
    assert by_type(evs)["program_amended"].amendment_date == date(2021, 8, 8)


@pytest.mark.parametrize("set_aside", [
    "Without giving effect to any offering limit imposed by General Instruction I.B.6 of Form S-3,",
    "Disregarding the limits of General Instruction I.B.6,",
])
def test_a_notice_whose_cover_is_the_ib6_slice_of_a_cap_stated_apart_from_the_limit(set_aside):
    evs = events("This prospectus supplement amends and supplements the information in our prospectus dated May 5, "
                 "2022, and our prospectus supplement dated January 31, 2023 (the “ATM Prospectus Supplement”). We filed "
                 "the ATM Prospectus Supplement to register the offer and sale of shares of our common stock pursuant to "
                 "the terms of an At The Market Offering Agreement, dated January 31, 2023 (the “Agreement”) that we "
                 "entered into with Craig-Hallum Capital Group LLC as our sales agent. As of the date of this prospectus "
                 "supplement, we have sold 78,638 shares of our common stock under the Agreement. " + set_aside +
                 " we may offer and sell additional shares of our common stock having an aggregate offering price of up "
                 "to $25 million from time to time through Craig-Hallum acting as our sales agent.",
                 cover="PROSPECTUS SUPPLEMENT\n(To the Prospectus dated May 5, 2022)\n$4,000,000\nCommon Stock\n")
    amended = by_type(evs)["program_amended"]
    assert amended.max_amount == 25_000_000 and amended.offered_amount == 4_000_000
    assert by_type(evs)["sales_reported"].shares_sold == 78_638


@pytest.mark.parametrize("sentence", [
    "In accordance with the terms of the Sales Agreement, under the first prospectus supplement and this prospectus "
    "supplement, we may now offer and sell shares of our common stock having an aggregate offering price of up to "
    "$25,000,000 from time to time through Jefferies LLC.",
    "As a result, we can now sell shares of our common stock having an aggregate offering price of up to $25,000,000 "
    "under the Sales Agreement.",
])
def test_a_new_capacity_said_with_now_is_a_change(sentence):
    evs = events("We have entered into a Sales Agreement, dated March 1, 2024, with Jefferies LLC, relating to shares "
                 "of our common stock. " + sentence)
    assert by_type(evs)["program_amended"].max_amount == Decimal(25_000_000)


def test_an_old_restatement_is_context_when_the_cover_quotes_a_later_price():
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated July 15, 2019)\nUp to $50,000,000\nCommon Stock\n"
    evs = events("On May 1, 2020, we entered into an amended and restated sales agreement, or the Sales Agreement, with "
                 "Cantor Fitzgerald & Co., relating to the offer and sale of shares of our common stock having an "
                 "aggregate offering price of up to $50,000,000. On February 11, 2021 the last reported sale price of "
                 "our common stock was $12.71 per share.", cover=cover)
    found = by_type(evs)
    assert "program_amended" not in found
    # the restatement's date is all the text gives to identify the agreement
    assert found["program_established"].agreement_date == date(2020, 5, 1)
    assert found["program_established"].amendment_date is None


AMENDMENT_COVER = ("Amendment No. 1 Dated\nJune 28, 2022\n(to Prospectus dated\nAugust 14, 2020)\nExample Inc.\n"
                   "Up to $200,000,000\nCommon Stock\nThis Amendment No. 1 to Prospectus, or this amendment, amends our "
                   "sales agreement prospectus dated August 14, 2020, or the sales agreement prospectus.\n")


@pytest.mark.parametrize("change", [
    "On June 28, 2022, we amended and restated the original sales agreement, or the sales agreement, to add B. Riley "
    "Securities, Inc. as an agent.",
    "On June 28, 2022, the Company amended the Capital on Demand\u2122 Sales Agreement to add B. Riley Securities, Inc. "
    "as an additional agent.",
])
def test_an_amendment_told_by_its_verb_in_a_later_sentence(change):
    body = ("We previously entered into a Capital on Demand\u2122 Sales Agreement, or the original sales agreement, with "
            "JonesTrading Institutional Services LLC, dated August 7, 2020, relating to the sale of shares of our common "
            "stock having an aggregate offering price of up to $200,000,000. " + change
            + " To date, we have sold $76,193,552 of shares of common stock under the sales agreement.")
    found = by_type(events(body, cover=AMENDMENT_COVER))
    amended = found["program_amended"]
    assert amended.agreement_type == "Capital on Demand Sales Agreement"
    assert amended.agreement_date == date(2020, 8, 7) and amended.amendment_date == date(2022, 6, 28)
    # "To date" on a cover dated June 28, 2022 (its date on the line after "Dated")
    assert found["sales_reported"].as_of == date(2022, 6, 28)


def test_a_right_to_amend_is_no_amendment():
    body = ("We previously entered into a Sales Agreement with JonesTrading Institutional Services LLC, dated August 7, "
            "2020, relating to shares of our common stock having an aggregate offering price of up to $200,000,000. "
            "We and the agent may amend the sales agreement from time to time.")
    assert "program_amended" not in by_type(events(body))


@pytest.mark.parametrize("restates", [
    "The sales agency financing agreements amend and restate the sales agency financing agreements that we entered "
    "into with certain of the sales agents on May 6, 2019, to include Scotia Capital (USA) Inc. as an additional "
    "sales agent.",
    "The equity distribution agreements amended and restated the equity distribution agreements dated May 6, 2019, "
    "among other things to include Scotia Capital (USA) Inc. as an additional sales agent.",
])
def test_plural_agreements_that_amend_and_restate_earlier_ones(restates):
    body = ("We have entered into separate sales agency financing agreements with each of J.P. Morgan Securities LLC, "
            "Scotia Capital (USA) Inc. and Wells Fargo Securities, LLC (collectively, the sales agents), dated January "
            "17, 2023, relating to sales of shares of our common stock. " + restates + " We may offer and sell up to "
            "$1,000,000,000 of our common stock from time to time through any of the sales agents.")
    amended = by_type(events(body))["program_amended"]
    assert amended.agreement_date == date(2019, 5, 6) and amended.amendment_date == date(2023, 1, 17)
    assert amended.agents_added == ["Scotia Capital (USA) Inc."]
    assert amended.max_amount == Decimal(1_000_000_000)


def test_agreements_that_replaced_earlier_terminated_ones_are_no_restatement():
    body = ("We have entered into separate equity distribution agreements with each of J.P. Morgan Securities LLC and "
            "Wells Fargo Securities, LLC, dated January 17, 2023, relating to sales of shares of our common stock having "
            "an aggregate offering price of up to $500,000,000. In connection with these agreements, we terminated the "
            "equity distribution agreements dated May 6, 2019.")
    found = by_type(events(body))
    assert "program_amended" not in found
    assert found["program_established"].agreement_date == date(2023, 1, 17)


def test_numbered_amendments_entered_into_on_dates():
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated August 4, 2023)\nUp to $500,000,000\nCommon Stock\n"
    body = ("These sales, if any, will be made pursuant to the terms of an equity distribution agreement entered into "
            "between us and J.P. Morgan Securities LLC on March 26, 2021, as amended by amendment no. 1 to the equity "
            "distribution agreement entered into on May 17, 2021 and amendment no. 2 to the equity distribution "
            "agreement entered into on August 4, 2023 (as amended, the \"Equity Distribution Agreement\").")
    amended = by_type(events(body, cover=cover))["program_amended"]
    assert amended.agreement_date == date(2021, 3, 26) and amended.amendment_date == date(2023, 8, 4)


def test_an_agreement_amended_on_two_dates_joined_by_and():
    cover = "PROSPECTUS SUPPLEMENT (TO PROSPECTUS DATED MAY 1, 2024)\nUp to $75,000,000 Shares of Common Stock\n"
    body = ("We have entered into a sales agreement, dated December 10, 2021, as amended on February 2, 2022 and May 23, "
            "2024 (the \u201cATM Agreement\u201d), with Ladenburg Thalmann & Co. Inc. relating to shares of our common "
            "stock. The amount offered under this prospectus supplement is in addition to the approximately $71.8 "
            "million previously sold under the ATM Agreement.")
    found = by_type(events(body, cover=cover))
    amended = found["program_amended"]
    assert amended.amendment_date == date(2024, 5, 23) and amended.agreement_date == date(2021, 12, 10)
    # the defined term is a nickname: the agreement is the "sales agreement" written before it
    assert amended.agreement_type == "Sales Agreement"
    assert found["sales_reported"].gross_proceeds == Decimal(71_800_000)


def test_an_agreement_dated_and_subsequently_amended_and_restated_weeks_before():
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated October 16, 2025)\nUp to $400,000,000\nCommon Stock\n"
    body = ("We previously entered into a sales agreement dated November 12, 2024 and subsequently amended and restated "
            "such sales agreement on September 17, 2025 (the \u201cSales Agreement\u201d), with B. Riley Securities, Inc., "
            "relating to shares of our common stock, offered by this prospectus supplement.")
    amended = by_type(events(body, cover=cover))["program_amended"]
    assert amended.agreement_date == date(2024, 11, 12) and amended.amendment_date == date(2025, 9, 17)


def test_a_funds_periodic_supplement_reporting_sales_stays_a_sales_report():
    # near miss: a supplement (not titled an amendment) whose only news is sales
    cover = ("PROSPECTUS SUPPLEMENT\nThis prospectus supplement supplements the prospectus dated March 1, 2024, as "
             "supplemented, relating to our common stock.\n")
    body = ("We have entered into an equity distribution agreement, dated March 1, 2024, with Ladenburg Thalmann & Co. "
            "Inc., relating to shares of our common stock having an aggregate offering price of up to $50,000,000. As of "
            "June 30, 2024, we have sold 1,000,000 shares of common stock under the equity distribution agreement.")
    found = by_type(events(body, cover=cover))
    assert "program_amended" not in found and found["sales_reported"].shares_sold == 1_000_000


@pytest.mark.parametrize("sentence", [
    "The Sales Agreement was amended on June 3, 2024 to increase the maximum aggregate offering amount to $30,000,000.",
    "The Sales Agreement has been amended, effective June 3, 2024, to increase the maximum aggregate offering amount to "
    "$30,000,000.",
    "On June 3, 2024, we and TD Securities (USA) LLC amended the Sales Agreement to increase the maximum aggregate "
    "offering amount to $30,000,000.",
])
def test_an_amendment_told_in_the_passive_is_this_filings_change(sentence):
    cover = "Prospectus Supplement dated June 3, 2024\n(To Prospectus dated May 1, 2024)\n$30,000,000\nCommon Stock\n"
    evs = events("On January 12, 2024, we entered into a Sales Agreement with TD Securities (USA) LLC. " + sentence,
                 cover=cover)
    amended = by_type(evs)["program_amended"]
    assert amended.agreement_date == date(2024, 1, 12) and amended.amendment_date == date(2024, 6, 3)
    assert amended.max_amount == Decimal(30_000_000)


def test_an_old_passive_amendment_is_context():
    # near miss: amended two years before this supplement: the program is re-registered, not amended now
    cover = "Prospectus Supplement dated June 3, 2024\n(To Prospectus dated May 1, 2024)\n$30,000,000\nCommon Stock\n"
    evs = events("On January 12, 2021, we entered into a Sales Agreement with TD Securities (USA) LLC. The Sales Agreement "
                 "was amended on March 1, 2022 to increase the maximum aggregate offering amount to $30,000,000.",
                 cover=cover)
    assert types(evs) == ["program_established"]


@pytest.mark.parametrize("sentence, agents", [
    ("We are party to an Equity Distribution Agreement, originally dated March 1, 2022 and amended and restated on June 3, "
     "2024, with Raymond James & Associates, Inc. and Truist Securities, Inc., under which we may sell up to $150,000,000 "
     "of common stock.", ["Raymond James & Associates, Inc.", "Truist Securities, Inc."]),
    ("We, Raymond James & Associates, Inc. and Truist Securities, Inc. are parties to an Amended and Restated Equity "
     "Distribution Agreement, dated June 3, 2024, which amends and restates the Equity Distribution Agreement, dated March "
     "1, 2022. Under the agreement we may sell shares having an aggregate offering price of up to $150,000,000.",
     ["Raymond James & Associates, Inc.", "Truist Securities, Inc."]),
    ("Effective June 3, 2024, we amended our Equity Distribution Agreement with Raymond James & Associates, Inc., dated "
     "March 1, 2022, to increase the program size to $150,000,000.", ["Raymond James & Associates, Inc."]),
])
def test_a_cover_that_only_says_party_to_or_amended_is_the_programs_prospectus(sentence, agents):
    # No "at the market" words and no "entered into": the agreement named as one the issuer is party to,
    # or amended, still makes the cover the program's own.
    cover = "Prospectus Supplement dated June 3, 2024\n(To Prospectus dated May 1, 2024)\n$150,000,000\nCommon Stock\n"
    evs = by_type(_bare(cover + sentence))
    amended = evs["program_amended"]
    assert amended.agreement_date == date(2022, 3, 1) and amended.amendment_date == date(2024, 6, 3)
    assert amended.agents == agents and amended.max_amount == Decimal(150_000_000)


def _bare(doc: str) -> list:
    from edgar_atm.extract import parse_filing
    return parse_filing(doc.encode("utf-8"), path="passage.md").events


def test_a_party_to_a_purchase_agreement_is_no_program_prospectus():
    # near miss: an equity line's purchase agreement on the cover
    doc = ("Prospectus Supplement dated June 3, 2024\n$150,000,000\nCommon Stock\nWe are party to a Purchase Agreement, "
           "dated March 1, 2022, with Lincoln Park Capital Fund, LLC, under which Lincoln Park has committed to purchase up "
           "to $150,000,000 of our common stock.")
    assert _bare(doc) == []


@pytest.mark.parametrize("sentence", [
    "This supplement is being filed to reflect that we have entered into Amendment No. 3 to that certain Equity "
    "Distribution Agreement, dated February 7, 2022 (as amended on February 8, 2023, August 8, 2023 and as of the date "
    "hereof, the \u201cEquity Distribution Agreement\u201d), with Raymond James & Associates, Inc.",
    "We have entered into Amendment No. 3 to our Equity Distribution Agreement, dated February 7, 2022, as amended on "
    "February 8, 2023 and August 8, 2023, and on the date of this prospectus supplement, with Raymond James & "
    "Associates, Inc.",
])
def test_amended_as_of_the_date_hereof_is_the_documents_date(sentence):
    # the older amendment dates are history; the newest is this document's own date
    cover = "PROSPECTUS SUPPLEMENT\nThe date of this prospectus supplement is August 2, 2024.\nCommon Stock\n"
    amended = by_type(events(sentence, cover=cover))["program_amended"]
    assert amended.agreement_date == date(2022, 2, 7) and amended.amendment_date == date(2024, 8, 2)


def test_amended_as_of_the_date_hereof_without_a_document_date_is_unstated():
    # near miss: no date on the document, so the newest amendment's date is not stated (not the older one)
    sentence = ("We have entered into Amendment No. 3 to that certain Equity Distribution Agreement, dated February 7, "
                "2022 (as amended on February 8, 2023, August 8, 2023 and as of the date hereof), with Raymond James & "
                "Associates, Inc.")
    amended = by_type(events(sentence, cover="PROSPECTUS SUPPLEMENT\nCommon Stock\n"))["program_amended"]
    assert amended.amendment_date is None


@pytest.mark.parametrize("sentence", [
    "On September 4, 2024, we entered into an Amended and Restated At Market Issuance Sales Agreement with B. Riley "
    "Securities, Inc., relating to shares of our preferred stock having an aggregate offering price of up to "
    "$200,000,000.",
    "We have entered into an amended and restated sales agreement, dated September 4, 2024, with B. Riley Securities, "
    "Inc., which amends and restates our prior sales agreement, relating to shares having an aggregate offering price "
    "of up to $200,000,000.",
])
def test_a_restatement_with_no_original_date_is_dated_by_itself(sentence):
    # the corpus convention: the A&R agreement's date identifies the agreement when the original's is not given
    amended = by_type(events(sentence))["program_amended"]
    assert amended.agreement_date == date(2024, 9, 4) and amended.amendment_date == date(2024, 9, 4)


@pytest.mark.parametrize("sentence, original, restated", [
    ("On September 4, 2024, we entered into an amended and restated sales agreement with B. Riley Securities, "
     "Inc., which amends and restates the sales agreement dated March 1, 2022, relating to shares having an "
     "aggregate offering price of up to $200,000,000.", date(2022, 3, 1), date(2024, 9, 4)),
    # a single restatement beside the chains of identity._RESTATEMENT_DATED_RE keeps this reading
    ("We have entered into an amended and restated sales agreement, dated as of September 5, 2024, which amends and "
     "restates our sales agreement dated March 1, 2024 with Jefferies LLC, under which we may sell up to $100,000,000 of "
     "common stock.", date(2024, 3, 1), date(2024, 9, 5)),
])
def test_a_restatement_keeps_the_original_date_when_given(sentence, original, restated):
    # near miss: the original agreement's date is stated
    amended = by_type(events(sentence))["program_amended"]
    assert amended.agreement_date == original and amended.amendment_date == restated


def test_a_notice_whose_words_a_mirror_glued_together_is_still_a_notice():
    # "This AmendmentNo. 2 to Prospectus ... amends our prospectus dated ...": the I.B.6 update is an amendment
    cover = ("Filed Pursuant to Rule 424(b)(5)\nAMENDMENT NO. 2 DATED May 24, 2024\nto Prospectusdated August 12, 2022\n"
             "Up to $74,804,289\nCommon Stock\n")
    body = ("This AmendmentNo. 2 to Prospectus (this \"Amendment\") amends our prospectus dated August 12, 2022. We entered "
            "into an Open Market Sale Agreement with Jefferies LLC (\"Jefferies\"), dated August 5, 2022 (the \"Sales "
            "Agreement\"). In accordance with the terms of the Sales Agreement, we may offer and sell shares of our common "
            "stock having an aggregate offering price of up to $75,000,000 from time to time through Jefferies. We are "
            "filing this Amendment to amend the ATM Prospectus in order to update our public float.")
    assert "program_amended" in types(events(body, cover=cover))


@pytest.mark.parametrize("limit", [
    "Because of regulatory requirements which currently allow us to sell only a limited amount, we may offer and sell "
    "shares of our common stock having an aggregate offering price of up to $7,800,000 under the Sales Agreement.",
    "Under regulatory limitations that currently would permit us to sell up to $7,800,000 of our common stock, we may "
    "offer and sell shares of our common stock having an aggregate offering price of up to $7,800,000.",
])
def test_a_regulatory_limit_on_what_may_be_sold_now_is_the_offered_amount(limit):
    ev = by_type(events("We have entered into a Sales Agreement, dated May 5, 2025, with Jefferies LLC relating to shares "
                        "of our common stock having an aggregate offering price of up to $50,000,000. " + limit))
    prog = ev["program_established"]
    assert prog.max_amount == Decimal(50_000_000) and prog.offered_amount == Decimal(7_800_000)


# A chain of restatements (identity._RESTATEMENT_DATED_RE): every "amended and restated ... agreement, dated X" dates a
# restatement, the newest is the change; a "respectively" list pairs each restatement with its cap (identity.caps).
ORIGINAL = ("On June 6, 2013, we entered into an equity distribution agreement for the offer and sale of our ordinary "
            "shares having aggregate sales proceeds of up to $40.0 million. ")


@pytest.mark.parametrize("chain", [
    "We have since entered into an amended and restated equity distribution agreement, dated January 21, 2014, and a "
    "second amended and restated equity distribution agreement, dated January 28, 2015, each with Morgan Stanley & Co. "
    "LLC for the offer and sale of our ordinary shares having aggregate sales proceeds of up to $100.0 million and "
    "$150.0 million, respectively.",
    "Since then we have executed an amended and restated distribution agreement dated as of January 21, 2014 and a "
    "second amended and restated distribution agreement dated as of January 28, 2015 with Morgan Stanley & Co. LLC, "
    "which increased the aggregate sales proceeds to up to $100,000,000 and $150,000,000, respectively.",
    "We subsequently signed an amended and restated equity distribution agreement, dated January 21, 2014, and a "
    "further amended and restated equity distribution agreement, dated January 28, 2015, with Morgan Stanley & Co. LLC, "
    "under which we may sell ordinary shares for up to $100 million, and $150 million, respectively.",
])
def test_the_newest_restatement_in_a_chain_is_the_change_and_its_cap_counts(chain):
    found = by_type(events(ORIGINAL + chain, cap="$150,000,000", security="Ordinary Shares"))
    amended = found["program_amended"]
    assert amended.agreement_date == date(2013, 6, 6) and amended.amendment_date == date(2015, 1, 28)
    assert amended.max_amount == Decimal(150_000_000) and amended.agents == ["Morgan Stanley & Co. LLC"]


@pytest.mark.parametrize("sentence, found", [
    ("shares having aggregate sales proceeds of up to $100.0 million and $150.0 million, respectively",
     [Decimal(100_000_000), Decimal(150_000_000)]),
    # near misses: an amount after a cap with no "respectively" is no second cap; a list ending in something else neither
    ("shares having aggregate sales proceeds of up to $100.0 million and $150.0 million of notes were also sold",
     [Decimal(100_000_000)]),
    ("up to $50,000,000 of common stock, and $750,000,000 of our notes, respectively outstanding",
     [Decimal(50_000_000)]),
])
def test_a_respectively_list_after_a_cap_is_a_list_of_caps(sentence, found):
    assert sorted({value for value, _, _ in caps(sentence)}) == found


# role.SUPPLEMENT_NOTICE_RE: a cover that supplements the base prospectus *and* the earlier ATM prospectus
# supplements is a notice; with only sales to tell, it is a sales report (a BDC's periodic update).
@pytest.mark.parametrize("opening", [
    "This prospectus supplement supplements the prospectus, dated May 13, 2020, (the \"Base Prospectus\"), and the "
    "prospectus supplement dated February 28, 2020 (the \"Third Prospectus Supplement\"), which relate to the sale of "
    "shares of common stock in an \"at-the-market\" offering up to a maximum aggregate offering price of $150,000,000 "
    "pursuant to an equity distribution agreement, dated August 1, 2019, with Ladenburg Thalmann & Co. Inc.",
    "This prospectus supplement supplements our prospectus dated May 13, 2020 and our prospectus supplements dated "
    "August 1, 2019 and February 28, 2020, relating to the sale of shares of our common stock having an aggregate "
    "offering price of up to $150,000,000 in an \"at-the-market\" offering pursuant to an equity distribution "
    "agreement, dated August 1, 2019, with Ladenburg Thalmann & Co. Inc.",
])
def test_a_periodic_update_of_the_atm_prospectus_reporting_sales_is_a_sales_report(opening):
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated May 13, 2020)\n$150,000,000\nCommon Stock\n"
    body = opening + ".\nFrom August 1, 2019 to June 3, 2020, we sold a total of 1,873,080 shares of common stock pursuant to the Equity Distribution Agreement."
    found = events(body, cover=cover)
    assert types(found) == ["sales_reported"]
    assert by_type(found)["sales_reported"].shares_sold == 1_873_080


def test_a_supplement_of_the_base_prospectus_alone_still_sets_up_the_program():
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated May 13, 2020)\n$150,000,000\nCommon Stock\n"
    body = ("This prospectus supplement supplements the prospectus, dated May 13, 2020, and relates to the sale of shares "
            "of common stock having an aggregate offering price of up to $150,000,000 pursuant to an equity distribution "
            "agreement, dated June 1, 2020, with Ladenburg Thalmann & Co. Inc.")
    assert "program_established" in types(events(body, cover=cover))


# programs._original_named_later: a restated agreement whose own sentence gives only the restatement's date; a later
# sentence names the agreements it restated by their earlier date.
@pytest.mark.parametrize("later", [
    "The amended and restated equity distribution agreements provide that we may offer and sell shares having an "
    "aggregate offering price of up to $250 million (which amount includes all of the shares previously sold pursuant "
    "to the equity distribution agreements dated March 31, 2023) from time to time through the sales agents.",
    "Shares sold under the equity distribution agreements dated March 31, 2023 count toward the $250 million.",
])
def test_the_original_date_of_a_restated_agreement_named_in_a_later_sentence(later):
    body = ("We have entered into separate amended and restated equity distribution agreements, each dated August 11, "
            "2023, with Raymond James & Associates, Inc. and Truist Securities, Inc., each a sales agent, relating to the "
            "shares of our common stock offered by this prospectus supplement. " + later)
    amended = by_type(events(body, cover="PROSPECTUS SUPPLEMENT\nAugust 11, 2023\nUp to $250 million\nCommon Stock\n"))["program_amended"]
    assert amended.agreement_date == date(2023, 3, 31) and amended.amendment_date == date(2023, 8, 11)


def test_an_ended_earlier_agreement_is_not_the_original():
    body = ("We have entered into an amended and restated sales agreement, dated August 11, 2023, with Jefferies LLC "
            "relating to the shares of our common stock offered by this prospectus supplement. We terminated our sales "
            "agreement dated March 31, 2021 with Cowen and Company, LLC.")
    found = by_type(events(body, cover="PROSPECTUS SUPPLEMENT\nAugust 11, 2023\nUp to $250 million\nCommon Stock\n"))
    ev = found.get("program_amended") or found.get("program_established")
    assert ev.agreement_date != date(2021, 3, 31)


# role.notice: a cover "(To Prospectus Supplement dated X)" of a later document, or "This supplement is part of, and
# should be read in conjunction with, our prospectus supplement dated X", supplements the program's own prospectus.
_STICKER_BODY = ("The Prospectus relates to the sale of shares of our common stock in an \"at-the-market\" offering pursuant "
                 "to the at the market offering agreement, dated August 14, 2023 (the \"ATM Agreement\"), with H.C. "
                 "Wainwright & Co., LLC, acting as our sales agent. As of the date hereof, we have sold $1.0 million "
                 "under the ATM Program.")


@pytest.mark.parametrize("cover", [
    "Prospectus Supplement dated July 3, 2024\n(to Prospectus Supplement dated August 14, 2023)\nCommon Stock\n",
    "PROSPECTUS SUPPLEMENT dated July 3, 2024\n(To the Prospectus dated June 21, 2022 and the Prospectus Supplement "
    "dated August 14, 2023)\nCommon Stock\n",
    "Prospectus Supplement dated July 3, 2024\nThis supplement is part of, and should be read in conjunction with, our "
    "prospectus supplement dated August 14, 2023 and the accompanying prospectus.\n",
])
def test_a_later_supplement_to_the_atm_prospectus_supplement_that_reports_sales_is_a_sales_report(cover):
    found = events(_STICKER_BODY, cover=cover)
    assert types(found) == ["sales_reported"]
    assert by_type(found)["sales_reported"].gross_proceeds == Decimal(1_000_000)


@pytest.mark.parametrize("cover", [
    # An annex filed with the supplement it names: the same day.
    "PROSPECTUS SUPPLEMENT dated August 14, 2023\n(To Prospectus Supplement dated August 14, 2023 and Prospectus "
    "dated June 21, 2022)\nSERIES A PREFERRED STOCK ANNEX\n",
    # Its own date is not known: nothing says it came later.
    "PROSPECTUS SUPPLEMENT\n(To Prospectus Supplement Dated August 14, 2023 and Prospectus Dated June 21, 2022)\n",
])
def test_a_supplement_to_a_prospectus_supplement_not_known_to_be_later_still_sets_up_the_program(cover):
    body = ("We have entered into an at the market offering agreement, dated August 14, 2023, with H.C. Wainwright & "
            "Co., LLC, as sales agent, under which we may offer and sell shares of our common stock having an aggregate "
            "offering price of up to $10,000,000.")
    assert types(events(body, cover=cover)) == ["program_established"]


# amended.notice_amount: a notice that sets the program's amount from its own date.
@pytest.mark.parametrize("sentence, amount", [
    ("Effective as of the date of this prospectus supplement, the aggregate offering price of common stock to be sold "
     "through our ATM Program pursuant to the ATM Agreement is $4,852,909.", Decimal(4_852_909)),
    ("As of the date of this prospectus supplement, the maximum aggregate offering amount of shares that may be sold "
     "under the ATM Agreement is $12,000,000.", Decimal(12_000_000)),
    ("Effective as of the date hereof, the aggregate offering price of the shares we may offer and sell pursuant to the "
     "ATM Agreement will be up to $7.5 million.", Decimal(7_500_000)),
])
def test_a_notice_setting_the_programs_amount_as_of_its_date_is_an_amendment(sentence, amount):
    cover = "Prospectus Supplement dated July 3, 2024\n(to Prospectus Supplement dated August 14, 2023)\nCommon Stock\n"
    found = by_type(events(_STICKER_BODY + " " + sentence, cover=cover))
    assert found["program_amended"].max_amount == amount
    assert found["sales_reported"].max_amount == amount
    assert "program_established" not in found


@pytest.mark.parametrize("sentence", [
    "As of the date of this prospectus supplement, the aggregate offering price of shares remaining available under "
    "the ATM Agreement is $3,000,000.",
    "As of the date hereof, the aggregate offering price of shares that have been sold under the ATM Agreement is "
    "$1,000,000.",
])
def test_what_remains_or_was_sold_as_of_the_notice_is_no_new_amount(sentence):
    cover = "Prospectus Supplement dated July 3, 2024\n(to Prospectus Supplement dated August 14, 2023)\nCommon Stock\n"
    assert "program_amended" not in types(events(_STICKER_BODY + " " + sentence, cover=cover))


# identity.agreement_dates: "an amendment, dated X, ... to the Agreement" gives the amendment's date only.
@pytest.mark.parametrize("sentence", [
    "We have entered into an amendment, dated January 19, 2024, or the Amendment, to the Open Market Sale Agreement, "
    "or, as amended by the Amendment, the Sales Agreement, with Jefferies LLC, acting as our sales agent, relating to "
    "the offer and sale of our common shares, to increase the maximum aggregate offering price of our common shares "
    "that we may issue and sell under the Sales Agreement from $100,000,000 to $200,000,000.",
    "We have entered into an amendment, dated January 19, 2024, to our Open Market Sale AgreementSM with Jefferies LLC, "
    "as sales agent, to increase the maximum aggregate offering price of the common shares we may sell under it from "
    "$100,000,000 to $200,000,000.",
])
def test_an_amendment_dated_on_its_own_noun_dates_the_change_not_the_agreement(sentence):
    cover = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated July 13, 2021)\nUp to $100,000,000\nCommon Shares\n"
    amended = by_type(events(sentence, cover=cover))["program_amended"]
    assert amended.amendment_date == date(2024, 1, 19) and amended.agreement_date is None
    # The cover registers only the increase: the new total is the cap, the cover what this prospectus offers.
    assert amended.max_amount == Decimal(200_000_000) and amended.offered_amount == Decimal(100_000_000)


def test_an_amendment_dated_beside_the_agreements_date_keeps_both():
    sentence = ("We have entered into an amendment, dated January 19, 2024, to the Sales Agreement, dated March 2, 2022, "
                "with Jefferies LLC, as sales agent, relating to shares of our common stock having an aggregate offering "
                "price of up to $200,000,000.")
    amended = by_type(events(sentence))["program_amended"]
    assert (amended.agreement_date, amended.amendment_date) == (date(2022, 3, 2), date(2024, 1, 19))


def test_what_this_prospectus_supplement_relates_to_after_a_raise_is_what_it_offers():
    # identity.OFFERED_RES "relates to" (more paraphrases in test_identity's slice test)
    body = ("We have entered into an amendment, dated January 19, 2024, to the Sales Agreement, dated March 2, 2022, with "
            "Jefferies LLC, as sales agent, under which we may sell common shares having an aggregate offering price of "
            "up to $200,000,000. This prospectus supplement only relates to the $100,000,000 of additional common shares "
            "that we may issue and sell under the Sales Agreement as a result of this increase.")
    amended = by_type(events(body, cover="PROSPECTUS SUPPLEMENT\nCommon Shares\n"))["program_amended"]
    assert amended.max_amount == Decimal(200_000_000) and amended.offered_amount == Decimal(100_000_000)


def test_a_cover_that_registers_the_new_total_offers_no_slice():
    body = ("We have entered into an amendment, dated January 19, 2024, to our Sales Agreement with Jefferies LLC, as "
            "sales agent, to increase the maximum aggregate offering price of the common shares we may sell under it "
            "from $100,000,000 to $200,000,000.")
    amended = by_type(events(body, cover="PROSPECTUS SUPPLEMENT\nUp to $200,000,000\nCommon Shares\n"))["program_amended"]
    assert amended.max_amount == Decimal(200_000_000) and amended.offered_amount is None


@pytest.mark.parametrize("sentence", [
    "We have previously entered into an Open Market Sale Agreement, or Sales Agreement, with Jefferies LLC, or "
    "Jefferies, amended as of August 1, 2024, relating to the sale of our common shares offered by this prospectus "
    "supplement.",
    "We are party to an equity distribution agreement with Canaccord Genuity LLC, as amended on August 1, 2024, "
    "relating to shares of our common stock offered by this prospectus supplement.",
    "We previously entered into a Sales Agreement with Cowen and Company, LLC, which was amended as of August 1, 2024, "
    "relating to the sale of shares of our common stock offered by this prospectus supplement.",
])
@pytest.mark.parametrize("dated_line, is_amendment", [
    ("The date of this prospectus supplement is August 2, 2024.", True),
    ("The date of this prospectus supplement is March 3, 2026.", False),  # an old amendment, re-registered
])
def test_an_amendment_dated_where_the_original_agreement_is_not(sentence, dated_line, is_amendment):
    # Without the original agreement's date the amendment's still dates the change.
    evs = events(sentence + " " + dated_line)
    assert types(evs) == (["program_amended"] if is_amendment else ["program_established"])
    assert evs[0].agreement_date is None
    if is_amendment:
        assert evs[0].amendment_date == date(2024, 8, 1)


@pytest.mark.parametrize("sentence", [
    # the prospectus supplement was amended, not the agreement
    "We previously entered into a Sales Agreement with Cantor Fitzgerald & Co. relating to shares of our common stock "
    "offered by a prospectus supplement (File No. 333-229045) as amended on August 1, 2024, or the Prospectus "
    "Supplement.",
])
def test_an_amended_prospectus_is_no_amended_agreement(sentence):
    evs = events(sentence + " The date of this prospectus supplement is August 2, 2024.")
    assert all(e.amendment_date is None for e in evs)


_RAISE_DEFINED = ("The sales, if any, will be made pursuant to an At-The-Market Issuance Sales Agreement with B. Riley "
                  "Securities, Inc. dated July 13, 2023 as amended by Amendment No. 1 that we entered into on August 30, 2024. ")


@pytest.mark.parametrize("terms", [
    "Amendment No. 1 provides, among other things, for an increase in the aggregate dollar amount of our common stock "
    "that we may offer and sell to up to an additional $47,184,000.",
    "Amendment No. 1 increases the amount of common stock we may sell under the agreement to up to an additional "
    "$47,184,000.",
    "Amendment No. 1 raised the amount of shares we may offer by an additional $47,184,000.",
])
def test_an_increment_stated_after_the_amendment_is_named(terms):
    # The prospectus offers just the increment: what it registers, with no new total stated.
    evs = events(_RAISE_DEFINED + terms + " The date of this prospectus supplement is August 30, 2024.",
                 cap="$47,184,000")
    amended = by_type(evs)["program_amended"]
    assert amended.max_amount_increase == Decimal(47_184_000) and amended.offered_amount == Decimal(47_184_000)
    assert amended.max_amount is None


def test_a_new_total_stated_after_the_amendment_is_named():
    evs = events(_RAISE_DEFINED + "Amendment No. 1 increases the maximum aggregate offering price of our common stock "
                 "that may be sold under the agreement from $15,280,313 to $19,555,261. The date of this prospectus "
                 "supplement is August 30, 2024.", cap="$4,275,000")
    amended = by_type(evs)["program_amended"]
    assert amended.max_amount == Decimal(19_555_261) and amended.offered_amount == Decimal(4_275_000)


def test_an_increment_the_issuer_may_seek_later_is_no_change():
    evs = events(_RAISE_DEFINED + "We may in the future seek to increase the amount of common stock that we may offer "
                 "and sell to up to an additional $47,184,000. The date of this prospectus supplement is August 30, 2024.",
                 cap="$20,000,000")
    amended = by_type(evs)["program_amended"]
    assert amended.max_amount_increase is None and amended.max_amount == Decimal(20_000_000)


@pytest.mark.parametrize("sentence", [
    "We are filing this prospectus supplement to update the maximum aggregate offering amount of shares we are eligible "
    "to sell in this offering to $1,813,844.",
    "This prospectus supplement updates the aggregate offering amount of common stock we may sell under the Sales "
    "Agreement to $1,813,844.",
    "We are filing this supplement to reduce the total offering amount of shares we may sell to $1,813,844.",
])
def test_an_offering_amount_changed_by_this_supplement(sentence):
    # The cover updates the base prospectus, not the ATM supplement: the sentence alone says the program changed.
    body = ("This prospectus supplement updates and amends certain information in our base prospectus, dated December 5, "
            "2023, relating to the sale of shares of our common stock from time to time through H.C. Wainwright & Co., "
            "LLC, as sales agent, pursuant to the Sales Agreement. " + sentence)
    evs = events(body, cap="Up to $1,813,844")
    assert types(evs) == ["program_amended"]


def test_an_offering_amount_the_issuer_may_update_is_no_change():
    body = ("We have entered into a Sales Agreement with H.C. Wainwright & Co., LLC, as sales agent, relating to shares of "
            "our common stock having an aggregate offering price of up to $10,000,000. If our public float increases, we "
            "may file a prospectus supplement to update the aggregate offering amount of shares we may sell.")
    assert types(events(body, cap="Up to $10,000,000")) == ["program_established"]


_ORIGINAL = ("PROSPECTUS SUPPLEMENT\nCommon stock\nWe have previously entered into a distribution agreement dated May 13, 2024 "
             "(the \u201cOriginal Distribution Agreement\u201d) with J.P. Morgan Securities LLC (which we refer to as the "
             "\u201cSales Agent\u201d), relating to shares of our common stock offered by this prospectus supplement. As of "
             "May 13, 2024, shares of common stock with an aggregate offering price of up to $90,000,000 were available for "
             "sale pursuant to the Original Distribution Agreement. {sold} On August 11, 2025, we entered into an amendment "
             "to the Original Distribution Agreement, which increased the aggregate offering price of common shares we may "
             "offer and sell through the Sales Agent by an additional ${increase}.\n")
_SOLD_CLAUSE = ("As of August 8, 2025, 1,807,093 shares of common stock, with an aggregate offering price of approximately "
                "$44.2 million, were sold under the Original Distribution Agreement.")


def test_a_distribution_agreement_whose_firm_is_defined_as_the_sales_agent_is_a_program():
    # no at-the-market words anywhere: the firm defined as the "Sales Agent" makes the distribution agreement an ATM's
    evs = parse_filing(_ORIGINAL.format(sold=_SOLD_CLAUSE, increase="360,000,000").encode(), path="passage.md").events
    assert types(evs) == ["program_amended", "sales_reported"]
    amended, sold = evs
    # the stated cap is no larger than the increment: it is the one before, and the new total is not given
    assert amended.max_amount is None and amended.max_amount_increase == Decimal(360_000_000)
    # the count before the price clause, the price in a clause of its own
    assert sold.shares_sold == 1_807_093 and sold.gross_proceeds == Decimal(44_200_000) and sold.max_amount == Decimal(90_000_000)


def test_a_stated_cap_above_the_increment_may_be_the_new_total():
    # near miss: $90,000,000 could be a total after a $30,000,000 increase, so it stays
    evs = parse_filing(_ORIGINAL.format(sold="", increase="30,000,000").encode(), path="passage.md").events
    amended = by_type(evs)["program_amended"]
    assert amended.max_amount == Decimal(90_000_000) and amended.max_amount_increase == Decimal(30_000_000)


def test_medium_term_note_distribution_agreements_stay_out():
    # near miss: "Distribution Agreement" with agents for notes is no ATM, defined sales agent or not
    doc = ("PROSPECTUS SUPPLEMENT\nMedium-Term Notes, Series F\nWe have entered into a distribution agreement with the agents "
           "named below (each, a \"Sales Agent\") relating to our medium-term notes. The notes will bear interest at fixed "
           "rates.\n")
    assert parse_filing(doc.encode(), path="passage.md").events == []


_LIMIT_NOTICE = ("PROSPECTUS SUPPLEMENT (To Prospectus Supplement dated September 1, 2023 and Prospectus dated August 18, 2023)\n"
                 "This Prospectus Supplement supplements the prospectus supplement, dated September 1, 2023 (the \u201cATM "
                 "Prospectus Supplement\u201d), relating to the offer and sale of our common shares having an aggregate "
                 "offering price of up to $30,000,000 pursuant to the terms of an equity distribution agreement, dated "
                 "September 1, 2023, with Craig-Hallum Capital Group LLC. Through the date hereof, we have sold an "
                 "aggregate of approximately $677,684 of common shares under the equity distribution agreement. {limit}\n")


@pytest.mark.parametrize("limit", [
    "On March 28, 2024, the date we filed our Annual Report on Form 20-F, we became subject to the offering limits in "
    "General Instruction I.B.5 of Form F-3.",
    "On March 28, 2024, the date we filed our Annual Report on Form 10-K, we became subject to General Instruction I.B.6 "
    "of Form S-3.",
    "As of the date of this prospectus supplement, we have become subject to the offering limits under General "
    "Instruction I.B.6.",
])
def test_a_notice_that_the_baby_shelf_limit_now_applies_amends_the_program(limit):
    # a notice that reports sales and names no other change would be a sales report; the limit is the change
    evs = parse_filing(_LIMIT_NOTICE.format(limit=limit).encode(), path="passage.md").events
    assert types(evs) == ["program_amended", "sales_reported"]
    # the day the limit came on (the annual report's filing date) dates no change of the agreement
    assert evs[0].amendment_date != date(2024, 3, 28)


def test_a_new_programs_supplement_that_says_the_limit_applies_establishes_it():
    # near miss: a fresh program's own supplement says the same of its issuer without changing anything
    doc = ("PROSPECTUS SUPPLEMENT\nUp to $21,435,000\nCommon Stock\nWe have entered into an ATM Sales Agreement with "
           "ThinkEquity LLC relating to sales of shares of our common stock having an aggregate offering price of up to "
           "$21,435,000. On March 23, 2022, the date we filed our Annual Report on Form 10-K, we became subject to General "
           "Instruction I.B.6 of Form S-3, which limits the amounts that we may sell under the registration statement.\n")
    assert types(parse_filing(doc.encode(), path="passage.md").events) == ["program_established"]


# assemble._DEFINED_AGREEMENT_TERM_RE: an agreement defined by an abbreviation ("(the "Original EDA")") is the program's
# agreement in the sentences that amend it.
EDA_COVER = ("Filed Pursuant to Rule 424(b)(5)\nProspectus Supplement No. 2, Dated November 17, 2023\n(to Prospectus dated "
             "September 28, 2023)\nEXAMPLE LABORATORIES, INC.\nUp to $11,036,310\nCommon Stock\n")


@pytest.mark.parametrize("term", ["Original EDA", "EDA", "ATM Agreement"])
def test_amendments_of_an_agreement_defined_by_an_abbreviation(term):
    body = (f"We previously entered into an Equity Distribution Agreement, dated September 18, 2023 (the \"{term}\"), with "
            "Maxim Group LLC (\"Maxim\"), pursuant to which we may offer and sell, from time to time, an aggregate of up to "
            "$3,250,000 of shares of our common stock in an \"at the market offering\". "
            f"On November 17, 2023, we entered into Amendment No. 2 to the {term} (the \"Second Amendment\").")
    ev = by_type(parse_filing((EDA_COVER + body).encode("utf-8"), path="eda.md").events)["program_amended"]
    assert ev.amendment_date == date(2023, 11, 17) and ev.agreement_date == date(2023, 9, 18)


# programs._INITIAL_CAP_RE: a cap the program was "initially" given, since raised to the cover's amount, is not the cap.
RAISED = ("Filed Pursuant to Rule 424(b)(3)\nSUPPLEMENT NO. 1 DATED AUGUST 5, 2024\nTo Prospectus Supplement dated May 6, 2024\n"
          "(To Prospectus dated March 2, 2022)\nExample Energy, Inc.\nShares of Common Stock\nHaving an Aggregate Offering Price "
          "of up to {cover}\nThis Supplement No. 1 (this \"Supplement\") amends and supplements the prospectus supplement, dated "
          "May 6, 2024 (the \"Prospectus Supplement\").\n{heading}\nOn May 6, 2024, Example Energy, Inc. entered into a "
          "Distribution Agreement (the \"Distribution Agreement\") with BofA Securities, Inc. and Citigroup Global Markets Inc. "
          "(the \"Sales Agents\") relating to the offer and sale from time to time of shares of our common stock through the "
          "Sales Agents in transactions that are deemed to be \"at-the-market\" offerings (the \"ATM Offering\"). In accordance "
          "with the Distribution Agreement, we were {word} to offer and sell up to $100,000,000 of our Common Stock in the ATM "
          "Offering.\nPursuant to the terms of an amendment to the Distribution Agreement, as")


@pytest.mark.parametrize("word", ["initially authorized", "originally permitted"])
def test_a_cap_initially_set_and_raised_to_the_covers_amount(word):
    text = RAISED.format(cover="$300,000,000", heading="Increase in Aggregate Offering Price", word=word)
    ev = by_type(parse_filing(text.encode("utf-8"), path="raised.md").events)["program_amended"]
    assert ev.max_amount == Decimal(300_000_000)


def test_a_cap_initially_set_and_cut_on_the_cover_stays_the_agreements():
    # near miss: an I.B.6 cut keeps the agreement's cap, and the cover's amount is what this prospectus offers
    text = RAISED.format(cover="$18,250,000", heading="Decrease in Aggregate Offering Price", word="initially authorized")
    ev = by_type(parse_filing(text.encode("utf-8"), path="cut.md").events)["program_amended"]
    assert ev.max_amount == Decimal(100_000_000) and ev.offered_amount == Decimal(18_250_000)

"""Agreement and amendment dates (identity.agreement_dates, programs._dates)."""

from __future__ import annotations

from datetime import date

import pytest

from edgar_atm.extract.identity import ON_DATE_AMENDED_RE, agreement_dates
from edgar_atm.extract.role import document_date

from .doc import by_type, events


# ON_DATE_AMENDED_RE: "On <X>, we amended our <agreement>, dated <Y>" - X dates the change.
@pytest.mark.parametrize("sentence, original, amended", [
    ("This supplement is being filed to reflect that, on February 15, 2024, we amended our equity distribution "
     "agreement, dated February 18, 2021, with BMO Capital Markets Corp. and Scotia Capital (USA) Inc.",
     date(2021, 2, 18), date(2024, 2, 15)),
    ("On July 1, 2025, the Company amended the Sales Agreement dated March 3, 2022 with Cantor Fitzgerald & Co. to "
     "add B. Riley Securities, Inc. as an agent.", date(2022, 3, 3), date(2025, 7, 1)),
    ("Effective October 9, 2024, we and the Operating Partnership amended our ATM Equity Offering Sales Agreement, "
     "dated as of May 2, 2023, with Jefferies LLC to increase the aggregate offering price.",
     date(2023, 5, 2), date(2024, 10, 9)),
])
def test_on_date_we_amended_our_agreement(sentence, original, amended):
    agr, amd, is_amendment = agreement_dates(sentence, None)
    assert (agr and agr[0], amd and amd[0], is_amendment) == (original, amended, True)


def test_amended_and_restated_is_not_this_rule():
    # near miss: "amended and restated" is read by the A&R rules, not as "we amended our ..."
    assert ON_DATE_AMENDED_RE.search("On July 1, 2025, we amended and restated our sales agreement with "
                                     "Cantor Fitzgerald & Co.") is None


def test_previously_amended_agreement_is_no_change_now():
    # near miss: an amendment stated as history of an existing agreement
    _, _, is_amendment = agreement_dates("We previously entered into a sales agreement, dated March 3, 2022, which "
                                         "on July 1, 2023, we amended our sales agreement to add an agent.", None)
    assert not is_amendment


# An amendment to the "Original Sales Agreement" stated after the defining sentence dates the change.
@pytest.mark.parametrize("body, amended", [
    ("On August 3, 2023, we entered into a Sales Agreement (the \"Original Sales Agreement\") with Cantor "
     "Fitzgerald & Co. relating to shares of our common stock. On March 6, 2024, we entered into an amendment to the "
     "Original Sales Agreement to include Stifel, Nicolaus & Company, Incorporated as an additional agent.",
     date(2024, 3, 6)),
    ("On May 1, 2022, we entered into an At Market Issuance Sales Agreement with B. Riley "
     "Securities, Inc. relating to shares of our common stock. On June 12, 2024, we executed an amendment to the "
     "sales agreement to add Needham & Company, LLC as an agent.", date(2024, 6, 12)),
    ("On January 9, 2023, we entered into an Equity Distribution Agreement with Piper Sandler & Co. relating to "
     "shares of our common stock. On April 2, 2024, we and Piper Sandler & Co. entered into an amendment to the "
     "Equity Distribution Agreement to add Oppenheimer & Co. Inc. as an agent.", date(2024, 4, 2)),
])
def test_amendment_to_the_original_agreement_dates_the_change(body, amended):
    ev = by_type(events(body + " The aggregate offering price of up to $50,000,000 remains available."))
    prog = ev.get("program_amended") or ev.get("program_established")
    assert prog is not None and prog.amendment_date == amended


def test_amendment_to_a_terminated_agreement_dates_nothing():
    # near miss: the amended agreement was later terminated
    body = ("On August 3, 2023, we entered into a Sales Agreement with Cantor Fitzgerald & Co. relating to shares of "
            "our common stock. On March 6, 2024, we entered into an amendment to the prior sales agreement, which we "
            "terminated on May 1, 2024.")
    ev = by_type(events(body))
    prog = ev.get("program_amended") or ev.get("program_established")
    assert prog is None or prog.amendment_date is None


# RESTATED_AFTER_DATED_RE: "<agreement> dated X, which was amended and restated on Y": X is the
# original date, the newest restatement dates the change.
@pytest.mark.parametrize("sentence, original, newest", [
    ("We entered into an equity distribution agreement dated August 30, 2022, which was amended and restated on "
     "August 4, 2023 and May 7, 2024, with Citigroup Global Markets Inc.", date(2022, 8, 30), date(2024, 5, 7)),
    ("We are party to a sales agreement dated March 1, 2021, as amended and restated on June 3, 2024, with Jefferies "
     "LLC relating to shares of our common stock.", date(2021, 3, 1), date(2024, 6, 3)),
    ("The Company entered into an At Market Issuance Sales Agreement dated as of May 5, 2020, that was subsequently "
     "amended and restated on January 12, 2025, with B. Riley Securities, Inc.", date(2020, 5, 5), date(2025, 1, 12)),
])
def test_restated_after_the_original_date(sentence, original, newest):
    agr, amd, is_amendment = agreement_dates(sentence, None)
    assert (agr and agr[0], amd and amd[0], is_amendment) == (original, newest, True)


def test_restated_on_the_date_hereof_takes_the_supplements_date():
    sentence = ("We entered into an equity distribution agreement dated August 30, 2022, which was amended and restated "
                "on August 4, 2023, and further amended and restated on the date hereof, with Citigroup Global Markets "
                "Inc.")
    agr, amd, _ = agreement_dates(sentence, date(2024, 10, 31))
    assert agr and agr[0] == date(2022, 8, 30) and amd and amd[0] == date(2024, 10, 31)


def test_amended_and_restated_agreement_dated_x_is_the_restatement():
    # near miss: "an amended and restated sales agreement dated X" - X dates the restatement
    agr, amd, _ = agreement_dates("We entered into an amended and restated sales agreement dated May 7, 2024 with "
                                  "Jefferies LLC.", None)
    assert agr is None and amd and amd[0] == date(2024, 5, 7)


# One date after "Amendment No. N to the ... agreement": the amendment's when the supplement bears
# (about) that date, the agreement's otherwise; "On X, we entered into ..." keeps X as the agreement's.
@pytest.mark.parametrize("sentence, doc_date, original, amended", [
    ("This supplement is being filed to reflect Amendment No. 2 to the sales agreement, dated August 10, 2023, "
     "among the Company, Jefferies LLC and Barclays Capital Inc.", date(2023, 8, 10), None, date(2023, 8, 10)),
    ("We entered into Amendment No. 1 to the Equity Distribution Agreement, dated March 1, 2024, with BTIG, LLC.",
     date(2024, 3, 4), None, date(2024, 3, 1)),
    ("On January 22, 2021, we entered into an At-The-Market Issuance Sales Agreement with Ascendiant Capital "
     "Markets, LLC, as amended by the amendment to the sales agreement dated February 16, 2021.",
     date(2021, 2, 17), date(2021, 1, 22), date(2021, 2, 16)),
    ("On January 22, 2021, we entered into a sales agreement with Ascendiant Capital Markets, LLC, as amended by "
     "Amendment No. 1 to the sales agreement dated February 16, 2021.", None, date(2021, 1, 22), date(2021, 2, 16)),
])
def test_one_date_after_an_amendment_to_the_agreement(sentence, doc_date, original, amended):
    agr, amd, is_amendment = agreement_dates(sentence, doc_date)
    assert (agr and agr[0], amd and amd[0], is_amendment) == (original, amended, True)


def test_an_old_agreement_date_after_an_amendment_stays_the_agreements():
    # near miss: the supplement is two years younger than the one date: it dates the agreement
    agr, amd, _ = agreement_dates("We entered into Amendment No. 1 to the Equity Distribution Agreement, dated "
                                  "March 1, 2022, with BTIG, LLC.", date(2024, 3, 4))
    assert agr[0] == date(2022, 3, 1)


def test_date_first_with_the_issuers_defined_names_before_the_verb():
    agr, _, _ = agreement_dates("On June 21, 2021, Example, Inc., a Delaware corporation (\u201cExample\u201d, the "
                                "\u201cCompany\u201d, \u201cwe\u201d or \u201cus\u201d) entered into a certain Sales "
                                "Agreement (the \u201cSales Agreement\u201d) with B. Riley Securities, Inc.", None)
    assert agr is not None and agr[0] == date(2021, 6, 21)


@pytest.mark.parametrize("cover", [
    "Filed Pursuant to Rule 424(b)(5)\nAMENDMENT\nNO. 1 DATED AUGUST 17, 2022\nTo\nProspectus Supplement dated October 25, 2021\n",
    "Filed Pursuant to Rule 424(b)(5)\nAmendment No. 1 dated August 17, 2022\nTo Prospectus Supplement dated October 25, 2021\n",
])
def test_an_amendment_cover_dates_itself_across_a_line_break(cover):
    assert document_date(cover) == date(2022, 8, 17)


@pytest.mark.parametrize("cover", [
    "AMENDMENT NO. 1\n(To Prospectus Supplement dated October 25, 2021)\nThe date of this Amendment No. 1 is August 17, 2022.\n",
    "AMENDMENT\n(To Prospectus Supplement dated October 25, 2021)\nThe date of this Amendment is August 17, 2022.\n",
    "(To Prospectus Supplement dated October 25, 2021)\nThe date of this Prospectus Supplement Amendment No. 2 is August 17, 2022.\n",
    "Filed Pursuant to Rule 424(b)(5)\nProspectus Supplement Amendment No. 1 dated August 17, 2022\n"
    "(To Prospectus Supplement dated October 25, 2021)\n",
])
def test_an_amendment_says_its_own_date(cover):
    assert document_date(cover) == date(2022, 8, 17)


def test_the_earlier_supplement_in_parentheses_does_not_date_the_amendment():
    # near miss: only the dates of earlier documents
    assert document_date("AMENDMENT NO. 1\n(To Prospectus Supplement dated October 25, 2021)\n") is None


@pytest.mark.parametrize("cover", [
    "Filed Pursuant to Rule 424(b)(5) Registration No. 333-258322 AMENDMENT NO. 1 DATED AUGUST 17, 2022 To Prospectus "
    "Supplement Dated August 18, 2021 (To Prospectus dated July 30, 2021) $300,000,000 Aemetis, Inc. Common Stock",
    "Filed Pursuant to Rule 424(b)(2) File No. 333-270080 Supplement No. 1 dated August 17, 2022 to PROSPECTUS "
    "SUPPLEMENT Dated February 28, 2023 (To Prospectus dated February 28, 2023) $300,000,000 Common Stock",
])
def test_a_flat_cover_dates_itself_after_the_registration_number(cover):
    # a mirror page that ran the cover's lines together
    assert document_date(cover) == date(2022, 8, 17)


def test_a_flat_cover_whose_only_dates_are_earlier_documents():
    # near miss: "(To Prospectus Supplement dated ...)" right after the registration number dates an earlier document
    assert document_date("Filed Pursuant to Rule 424(b)(5) Registration No. 333-258322 (To Prospectus Supplement dated "
                         "August 18, 2021) $300,000,000 Common Stock") is None


# An amended and restated agreement amended again: the restated agreement identifies the program, its newest
# amendment dates the change.
@pytest.mark.parametrize("sentence, newest", [
    ("in an at-the-market offering pursuant to an Amended and Restated Equity Distribution Agreement dated September 9, "
     "2022, as amended pursuant to that certain Amendment No. 1, dated as of November 15, 2023, and that certain "
     "Amendment No. 2, dated as of July 29, 2024, with Ladenburg Thalmann & Co. Inc.", date(2024, 7, 29)),
    ("pursuant to an Amended and Restated Equity Distribution Agreement dated September 9, 2022, as amended pursuant to "
     "that certain Amendment No. 1 to the Amended and Restated Equity Distribution Agreement, dated as of November 15, "
     "2023, with Ladenburg Thalmann & Co. Inc.", date(2023, 11, 15)),
    ("pursuant to an amended and restated equity distribution agreement, dated September 9, 2022, with Ladenburg "
     "Thalmann & Co. Inc., which was amended on May 8, 2023, November 4, 2023 and February 5, 2024, which most recent "
     "amendment reduced the offering.", date(2024, 2, 5)),
    ("under our Second Amended and Restated Sales Agreement dated September 9, 2022, as further amended by Amendment No. "
     "2 dated March 1, 2024, with Cantor Fitzgerald & Co.", date(2024, 3, 1)),
])
def test_a_restated_agreement_amended_again(sentence, newest):
    agr, amd, is_amendment = agreement_dates(sentence, None)
    assert (agr and agr[0], amd and amd[0], is_amendment) == (date(2022, 9, 9), newest, True)


def test_a_restatement_that_names_the_agreement_it_restates_keeps_its_own_date():
    # near miss: the later date is the restatement's, the earlier the original's (no amendment after the restatement)
    agr, amd, _ = agreement_dates("We entered into an amended and restated sales agreement dated May 7, 2024, which "
                                  "amends and restates the sales agreement dated March 1, 2022, with Jefferies LLC.", None)
    assert agr and agr[0] == date(2022, 3, 1) and amd and amd[0] == date(2024, 5, 7)

"""Common ways filings state each event, written fresh (not copied from any corpus document), around one program's
defining sentence: each must come out as its event, and each look-alike must not. A sweep of this kind found "the
Company sold N shares", "we and Cantor Fitzgerald & Co. amended the Sales Agreement", "Pursuant to an amendment dated X,
... was increased" and "We are filing this prospectus supplement to suspend the offering" unread before parser 2.88.0,
and sales that "totaled", "we raised ... through sales of", an agreement that
"expired on" a date and a "temporarily halted" program before 2.89.0 (tests/extract/rules/test_short_documents.py holds
the whole short documents of the 2.90.0 sweep)."""

from __future__ import annotations

import pytest

from edgar_atm.extract import parse_filing

COVER = "PROSPECTUS SUPPLEMENT\n(To Prospectus dated May 1, 2023)\nExample Corp.\nUp to $50,000,000\nCommon Stock\n"
DEFINING = ("We have entered into a Sales Agreement, dated May 5, 2023, with Cantor Fitzgerald & Co. (the \"Agent\"), relating "
            "to shares of our common stock offered by this prospectus supplement. Sales may be made in \"at the market "
            "offerings\". ")


def types(sentence: str) -> list[str]:
    return [e.type for e in parse_filing((COVER + DEFINING + sentence).encode("utf-8"), path="p.md").events]


@pytest.mark.parametrize("event, sentence", [
    ("sales_reported", "As of June 30, 2024, we had sold 1,200,000 shares of common stock under the Sales Agreement for "
                       "aggregate gross proceeds of $4.1 million."),
    ("sales_reported", "Through June 30, 2024, 1,200,000 shares were sold under the Sales Agreement, generating gross proceeds "
                       "of approximately $4.1 million."),
    ("sales_reported", "Since entering into the Sales Agreement, we have issued and sold 1,200,000 shares for gross proceeds "
                       "of $4.1 million."),
    ("sales_reported", "To date, we have received gross proceeds of approximately $4.1 million from the sale of 1,200,000 "
                       "shares under the Sales Agreement."),
    ("sales_reported", "From May 5, 2023 through June 30, 2024, the Company sold 1,200,000 shares pursuant to the Sales "
                       "Agreement for net proceeds of $3.9 million."),
    ("sales_reported", "Through June 30, 2024, the Company sold 1,200,000 shares pursuant to the Sales Agreement for gross "
                       "proceeds of $4.1 million."),
    ("sales_reported", "As of the date of this prospectus supplement, an aggregate of 1,200,000 shares have been sold under "
                       "the Sales Agreement for gross proceeds of $4.1 million."),
    ("sales_reported", "Prior to the date of this prospectus supplement, we sold 1,200,000 shares under the Sales Agreement. "
                       "As a result, $45.9 million remains available for sale under the Sales Agreement."),
    ("suspended", "We have suspended sales under the Sales Agreement and will not make any sales under it unless and until "
                  "we file a new prospectus supplement."),
    ("suspended", "Effective as of the date of this prospectus supplement, we are suspending offers and sales of our common "
                  "stock under the Sales Agreement."),
    ("suspended", "We are filing this prospectus supplement to suspend the offering of shares under the Sales Agreement."),
    ("suspended", "This prospectus supplement is being filed to suspend sales of our common stock under the Sales Agreement."),
    ("suspended", "The Company has paused its at-the-market offering program under the Sales Agreement as of June 1, 2024."),
    ("terminated", "On June 1, 2024, we delivered notice to Cantor Fitzgerald & Co. terminating the Sales Agreement, "
                   "effective June 11, 2024."),
    ("terminated", "The Sales Agreement was terminated by mutual agreement of the parties on June 1, 2024."),
    ("terminated", "We and Cantor Fitzgerald & Co. mutually agreed to terminate the Sales Agreement, effective as of June 1, "
                   "2024."),
    ("terminated", "Effective June 1, 2024, the Sales Agreement has been terminated and no further sales will be made under it."),
    ("resumed", "We are filing this prospectus supplement to resume sales of our common stock under the Sales Agreement."),
    ("resumed", "We have recommenced sales under the Sales Agreement as of June 1, 2024."),
    ("program_amended", "On June 1, 2024, we entered into Amendment No. 1 to the Sales Agreement to increase the aggregate "
                        "offering price to $75,000,000."),
    ("program_amended", "On June 1, 2024, we and Cantor Fitzgerald & Co. amended the Sales Agreement to add B. Riley "
                        "Securities, Inc. as an additional sales agent."),
    ("program_amended", "On June 1, 2024, we amended the Sales Agreement to add B. Riley Securities, Inc. as an additional "
                        "sales agent."),
    ("program_amended", "We entered into a first amendment to the Sales Agreement on June 1, 2024, which increased the "
                        "maximum aggregate offering amount from $50,000,000 to $75,000,000."),
    ("program_amended", "Pursuant to an amendment dated June 1, 2024, the aggregate offering price of shares that may be sold "
                        "under the Sales Agreement was increased by $25,000,000."),
    ("sales_reported", "Sales under the Sales Agreement through June 30, 2024 totaled 1,200,000 shares and $4.1 million of "
                       "gross proceeds."),
    ("sales_reported", "Through June 30, 2024, we raised aggregate gross proceeds of $4.1 million through sales of 1,200,000 "
                       "shares under the Sales Agreement."),
    ("sales_reported", "Since the date of the prior prospectus supplement, we have sold 100,000 shares under the Sales "
                       "Agreement for gross proceeds of $0.3 million."),
    ("terminated", "The Sales Agreement expired on June 1, 2024 in accordance with its terms."),
    ("suspended", "We have temporarily halted sales under the Sales Agreement."),
    ("suspended", "As of June 1, 2024, we ceased making sales under the Sales Agreement."),
])
def test_a_common_phrasing_is_its_event(event, sentence):
    assert event in types(sentence)


@pytest.mark.parametrize("absent, sentence", [
    ("sales_reported", "In 2022, the Company sold 2,000,000 shares in an underwritten public offering at $5.00 per share."),
    ("sales_reported", "In March 2022, we sold 2,000,000 shares of common stock in a registered direct offering."),
    ("suspended", "We may suspend the offering of shares under the Sales Agreement at any time."),
    ("suspended", "We are filing this prospectus supplement to update information about the offering of shares under the "
                  "Sales Agreement."),
    ("program_amended", "The Sales Agreement, as amended by Amendment No. 1 to the Sales Agreement, dated June 1, 2024, "
                        "permits sales through Cantor Fitzgerald & Co."),
    ("terminated", "We may terminate the Sales Agreement at any time upon ten days' notice."),
    ("terminated", "The Sales Agreement will expire on June 1, 2026 unless terminated earlier."),
    ("suspended", "We may temporarily halt sales under the Sales Agreement at any time."),
    ("sales_reported", "During the twelve months ended March 31, 2024, we sold 1,000,000 shares under the Sales Agreement, "
                       "which counts against the limit of General Instruction I.B.6."),
    # a quarter's sales are a window, not the program's sales to date (test_sales.test_near_misses_are_not_sales)
    ("sales_reported", "During the quarter ended March 31, 2024, we sold 1,000,000 shares under the Sales Agreement for net "
                       "proceeds of $2.0 million."),
    ("sales_reported", "Total sales of our products totaled $4.1 million in 2023."),
])
def test_a_look_alike_is_not_the_event(absent, sentence):
    assert absent not in types(sentence)

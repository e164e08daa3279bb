"""Parsed filings built from real ATM filings, for saving through the real save path.

Values (issuers, CIKs, tickers, agreement names and dates, agents, amounts, excerpts) come
from the Cellectar supplement in tests/data/store/ and from the 424B quotes of
docs/atm-domain.md (source keys S1, S2, S4, S20, S25 there). Where our sources do not give a
filing's accession number or exact filing date, the value is constructed in the same format
and marked "constructed".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from edgar_atm.records import Event, Filer, FilingRef, ParsedFiling

DATA = Path(__file__).resolve().parent.parent / "data" / "store"
CELLECTAR_TEXT = (DATA / "cellectar-424b3-2022-10-20-supplement.md").read_text(encoding="utf-8")


def cellectar_sentence(start: str) -> str:
    """A sentence of the real Cellectar supplement, from `start` to its full stop."""
    text = CELLECTAR_TEXT.replace("\\$", "$")
    i = text.index(start)
    return text[i:_sentence_end(text, i)]


def _sentence_end(text: str, i: int) -> int:
    # The supplement's sentences end in ". " (abbreviations such as "Co. Inc." do not).
    j = i
    while True:
        j = text.index(".", j + 1)
        if text[j + 1:j + 2] in ("", " ", "\n") and text[j - 2:j] not in ("Co", "nc"):
            return j + 1


CLRB_CIK = 1279704
CLRB_NAME = "Cellectar Biosciences, Inc."
CLRB_EDA = dict(
    agreement_type="Equity Distribution Agreement",
    agreement_date=date(2020, 8, 11),
    agents=["Oppenheimer & Co. Inc."],
    security="common stock",
    max_amount=Decimal("14500000"),
)
CLRB_ESTABLISH_SENTENCE = cellectar_sentence("On August 11, 2020, we entered into")
CLRB_CAP_SENTENCE = cellectar_sentence("In accordance with the terms of the Equity Distribution Agreement")
CLRB_SALES_SENTENCE = cellectar_sentence("As of the date of this Supplement, we have sold")
CLRB_SUSPEND_SENTENCE = cellectar_sentence("The purpose of this Supplement is to suspend the ATM")


def clrb_filer() -> Filer:
    return Filer(cik=CLRB_CIK, name=CLRB_NAME, sic=2834, file_number="333-239829")  # file no. constructed


def cellectar_established() -> ParsedFiling:
    """The ATM prospectus supplement of 2020-08-20 that registered the $14.5 million program
    (accession number constructed)."""
    return ParsedFiling(
        accession_number="0001279704-20-000032", form_type="424B5", cik=CLRB_CIK, company=CLRB_NAME,
        filed_date=date(2020, 8, 20), filers=[clrb_filer()], atm_related=True,
        events=[Event(type="program_established", **CLRB_EDA,
                      excerpt=f"{CLRB_ESTABLISH_SENTENCE} {CLRB_CAP_SENTENCE}")],
    )


def cellectar_suspension() -> ParsedFiling:
    """The real 424B3 of 2022-10-20 (tests/data/store): sales to date, then the suspension
    (accession number constructed)."""
    return ParsedFiling(
        accession_number="0001279704-22-000090", form_type="424B3", cik=CLRB_CIK, company=CLRB_NAME,
        filed_date=date(2022, 10, 20), filers=[clrb_filer()], atm_related=True,
        events=[
            Event(type="sales_reported", **CLRB_EDA, shares_sold=4169, gross_proceeds=Decimal("69000"),
                  as_of=date(2022, 10, 20), excerpt=CLRB_SALES_SENTENCE),
            Event(type="suspended", **CLRB_EDA, effective_date=date(2022, 10, 20), excerpt=CLRB_SUSPEND_SENTENCE),
        ],
    )


WSO_CIK = 105016
WSO_NAME = "WATSCO INC"


def watsco_established() -> ParsedFiling:
    """S2: Watsco's 424B5 for the Baird sales agreement of August 6, 2021 (filing date
    constructed)."""
    return ParsedFiling(
        accession_number="0001193125-21-320145", form_type="424B5", cik=WSO_CIK, company=WSO_NAME,
        filed_date=date(2021, 11, 5), filers=[Filer(cik=WSO_CIK, name=WSO_NAME, sic=5070)], atm_related=True,
        events=[Event(
            type="program_established", agreement_type="sales agreement", agreement_date=date(2021, 8, 6),
            agents=["Robert W. Baird & Co. Incorporated"], security="Common stock", max_amount=Decimal("300000000"),
            excerpt="We have entered into a sales agreement, dated as of August 6, 2021 with Robert W. Baird & Co. "
                    "Incorporated, the agent, under which we may from time to time offer and sell shares of our "
                    "Common stock having an aggregate gross sales price of up to $300,000,000.",
        )],
    )


def watsco_amended() -> ParsedFiling:
    """S1: the amended and restated sales agreement of February 25, 2022 adds Goldman Sachs;
    nothing sold as of February 23, 2022."""
    identity = dict(agreement_type="sales agreement", agreement_date=date(2021, 8, 6), security="Common stock",
                    agents=["Robert W. Baird & Co. Incorporated", "Goldman Sachs & Co. LLC"])
    return ParsedFiling(
        accession_number="0001193125-22-054431", form_type="424B5", cik=WSO_CIK, company=WSO_NAME,
        filed_date=date(2022, 2, 25), filers=[Filer(cik=WSO_CIK, name=WSO_NAME, sic=5070)], atm_related=True,
        events=[
            Event(type="program_amended", **identity, amendment_date=date(2022, 2, 25),
                  max_amount=Decimal("300000000"),
                  excerpt="amended and restated sales agreement, dated as of February 25, 2022, with Robert W. "
                          "Baird & Co. Incorporated and Goldman Sachs & Co. LLC ... which amends and restates "
                          "that certain sales agreement, dated August 6, 2021"),
            Event(type="sales_reported", **identity, shares_sold=0, gross_proceeds=Decimal("0"),
                  as_of=date(2022, 2, 23), remaining_amount=Decimal("300000000"),
                  excerpt="As of February 23, 2022, we had not sold any shares of our Common stock under the sales "
                          "agreement; consequently, shares of Common stock having an aggregate gross sales price "
                          "of $300,000,000 currently remain available"),
        ],
    )


ABOS_CIK = 1576885
ABOS_NAME = "Acumen Pharmaceuticals, Inc."


def acumen_amended() -> ParsedFiling:
    """S4: Amendment No. 1 of April 27, 2023 to the Sales Agreement of July 1, 2022; sales to
    April 26, 2023."""
    identity = dict(agreement_type="Sales Agreement", agreement_date=date(2022, 7, 1), security="common stock",
                    agents=["BofA Securities, Inc.", "Stifel, Nicolaus & Company, Incorporated", "BTIG, LLC"])
    return ParsedFiling(
        accession_number="0001193125-23-120009", form_type="424B5", cik=ABOS_CIK, company=ABOS_NAME,
        filed_date=date(2023, 4, 27), filers=[Filer(cik=ABOS_CIK, name=ABOS_NAME, sic=2834)], atm_related=True,
        events=[
            Event(type="program_amended", **identity, amendment_date=date(2023, 4, 27), max_amount=Decimal("50000000"),
                  excerpt='We have entered into an amendment, dated as of April 27, 2023 ("Amendment No. 1"), to '
                          "the Sales Agreement, dated as of July 1, 2022 ... with BofA Securities, Inc., Stifel, "
                          "Nicolaus & Company, Incorporated and BTIG, LLC"),
            Event(type="sales_reported", **identity, shares_sold=422160, gross_proceeds=Decimal("4246131"),
                  as_of=date(2023, 4, 26), remaining_amount=Decimal("45753869"),
                  excerpt="As of April 26, 2023, we have sold 422,160 shares of our common stock having an aggregate "
                          "offering price of approximately $4,246,131 under the Sales Agreement"),
        ],
    )


EQIX_CIK = 1101239
EQIX_NAME = "EQUINIX INC"


def equinix_established() -> ParsedFiling:
    """S20: the equity distribution agreement of October 30, 2020, as amended February 18,
    2022, up to $1,500,000,000; $499,999,716.65 sold before (filing date constructed)."""
    identity = dict(agreement_type="equity distribution agreement", agreement_date=date(2020, 10, 30),
                    security="common stock", agents=["BofA Securities, Inc.", "Barclays Capital Inc."])
    return ParsedFiling(
        accession_number="0001104659-22-025268", form_type="424B5", cik=EQIX_CIK, company=EQIX_NAME,
        filed_date=date(2022, 2, 25), filers=[Filer(cik=EQIX_CIK, name=EQIX_NAME, sic=6798)], atm_related=True,
        events=[
            Event(type="program_established", **identity, amendment_date=date(2022, 2, 18),
                  max_amount=Decimal("1500000000"),
                  excerpt="equity distribution agreement, dated as of October 30, 2020, as amended as of February "
                          "18, 2022, with the Sales Agents, Forward Purchasers and Forward Sellers"),
            Event(type="sales_reported", **identity, gross_proceeds=Decimal("499999716.65"),
                  excerpt="we had previously sold shares of common stock with an aggregate offering price of "
                          "$499,999,716.65 under the equity distribution agreement."),
        ],
    )


MSTR_CIK = 1050446
MSTR_NAME = "MicroStrategy Incorporated"


def strategy_strk_established() -> ParsedFiling:
    """S25: the STRK preferred ATM of March 10, 2025, up to $21,000,000,000 (four of its
    twelve agents; accession number and filing date constructed)."""
    return ParsedFiling(
        accession_number="0001193125-25-049588", form_type="424B5", cik=MSTR_CIK, company=MSTR_NAME,
        filed_date=date(2025, 3, 10), filers=[Filer(cik=MSTR_CIK, name=MSTR_NAME, sic=7372)], atm_related=True,
        events=[Event(
            type="program_established", agreement_type="Sales Agreement", agreement_date=date(2025, 3, 10),
            agents=["TD Securities (USA) LLC", "Barclays Capital Inc.", "The Benchmark Company, LLC",
                    "SG Americas Securities, LLC"],
            security="8.00% Series A Perpetual Strike Preferred Stock", max_amount=Decimal("21000000000"),
            excerpt="relating to the sale of shares of our 8.00% Series A Perpetual Strike Preferred Stock",
        )],
    )


def ref_of(parsed: ParsedFiling) -> FilingRef:
    """The discovery record of a sample filing (as the daily index lists it)."""
    return FilingRef(
        accession_number=parsed.accession_number, cik=parsed.cik, company=parsed.company,
        form_type=parsed.form_type, filed_date=parsed.filed_date,
        path=f"/Archives/edgar/data/{parsed.cik}/{parsed.accession_number}.txt",
    )


ALL = (cellectar_established, cellectar_suspension, watsco_established, watsco_amended, acumen_amended,
       equinix_established, strategy_strk_established)
TICKERS = {CLRB_CIK: ["CLRB"], WSO_CIK: ["WSO", "WSO.B"], ABOS_CIK: ["ABOS"], EQIX_CIK: ["EQIX"],
           MSTR_CIK: ["MSTR", "STRK"]}

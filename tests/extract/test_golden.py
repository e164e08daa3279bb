"""Golden tests: real filings -> the events read off them by hand.

Labels of the 16 whole documents (tests/data/filings/whole), checked by reading each:
NextEra, ESS Tech and Alzamend are new ATM programs; Calidi, Curis, Imunon, Ensysce and
Traws are registered-direct deals (Calidi, Curis and Imunon discuss an existing ATM);
Excelerate, Flushing, PG&E and Pacific Gas are underwritten equity/debt; Healthpeak is a
DRIP; CAMP4 an IPO; the two BofA Finance documents are structured notes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract import PARSER_VERSION, parse_filing


def parse(filings_dir, rel: str):
    path = filings_dir / rel
    return parse_filing(path.read_bytes(), path=str(path))


def test_cellectar_supplement_canonical_example(filings_dir):
    result = parse(filings_dir, "cellectar-424b3-2022-10-20-supplement.md")
    assert result.atm_related
    by_type = {e.type: e for e in result.events}
    assert sorted(by_type) == ["sales_reported", "suspended"]
    for ev in result.events:
        assert ev.agreement_type == "Equity Distribution Agreement"
        assert ev.agreement_date == date(2020, 8, 11)
        assert ev.agents == ["Oppenheimer & Co. Inc."]
        assert ev.max_amount == Decimal(14_500_000)
        assert ev.security == "common stock"
    sales = by_type["sales_reported"]
    assert sales.shares_sold == 4169
    assert sales.gross_proceeds == Decimal(69000)
    assert sales.as_of == date(2022, 10, 20)
    assert "4,169 shares" in sales.excerpt
    suspended = by_type["suspended"]
    assert suspended.effective_date == date(2022, 10, 20)
    assert "suspend the ATM" in suspended.excerpt
    js = result.to_json()["events"]
    assert {e["type"]: e["gross_proceeds"] for e in js}["sales_reported"] == 69000


NEXTERA_AGENTS = [
    "BNY Mellon Capital Markets, LLC", "BofA Securities, Inc.", "Capital One Securities, Inc.",
    "Credit Agricole Securities (USA) Inc.", "J.P. Morgan Securities LLC", "Mizuho Securities USA LLC",
    "Wells Fargo Securities, LLC",
]


@pytest.mark.parametrize("rel", [
    "whole/424B5-NextEra-Energy-Inc-0001193125-25-338333.html",
    "submissions/0001193125-25-338333.txt",
])
def test_nextera_new_program(filings_dir, rel):
    result = parse(filings_dir, rel)
    assert result.atm_related
    [ev] = result.events
    assert ev.type == "program_established"
    assert ev.agreement_type.lower() == "equity distribution agreement"
    assert ev.agreement_date == date(2025, 12, 31)
    assert ev.agents == NEXTERA_AGENTS
    assert ev.max_amount == Decimal(4_000_000_000)
    assert ev.security == "common stock"
    assert ev.commission_rate == Decimal(1)
    assert ev.shares_sold is None and ev.effective_date is None


def test_nextera_submission_header_fields(filings_dir):
    result = parse(filings_dir, "submissions/0001193125-25-338333.txt")
    assert (result.accession_number, result.form_type, result.cik, result.company, result.filed_date) == (
        "0001193125-25-338333", "424B5", 753308, "NEXTERA ENERGY INC", date(2025, 12, 31))


@pytest.mark.parametrize("rel", [
    "whole/424B5-ESS-Tech-Inc-0001628280-25-015699.html",
    "submissions/0001628280-25-015699.txt",
])
def test_ess_tech_new_program(filings_dir, rel):
    result = parse(filings_dir, rel)
    [ev] = result.events
    assert ev.type == "program_established"
    assert ev.agreement_type == "Sales Agreement"
    assert ev.agreement_date == date(2025, 3, 31)
    assert ev.agents == ["Robert W. Baird & Co. Incorporated"]
    assert ev.max_amount == Decimal(13_504_438)
    assert ev.commission_rate == Decimal("3.0")
    assert ev.security == "common stock"


def test_alzamend_new_program(filings_dir):
    result = parse(filings_dir, "whole/424B5-Alzamend-Neuro-Inc-0001214659-26-002941.html")
    [ev] = result.events
    assert ev.type == "program_established"
    assert ev.agreement_type.lower().replace("-", " ") == "at the market issuance sales agreement"
    assert ev.agreement_date is None  # the supplement never dates the agreement
    assert ev.agents == ["Ascendiant Capital Markets, LLC"]
    assert ev.max_amount == Decimal(3_000_000)
    assert ev.commission_rate == Decimal("3.0")


@pytest.mark.parametrize("rel, atm_related", [
    ("whole/424B5-Calidi-Biotherapeutics-Inc-0001641172-25-001350.html", True),
    ("whole/424B5-Curis-Inc-0001108205-25-000026.html", True),
    ("whole/424B5-Imunon-Inc-0001493152-25-029712.html", True),
    ("submissions/0001493152-25-029712.txt", True),
    ("whole/424B5-Ensysce-Biosciences-Inc-0001641172-25-001566.html", False),
    ("whole/424B4-Traws-Pharma-Inc-0001104659-24-132924.html", False),
    ("whole/424B5-Excelerate-Energy-Inc-0001193125-25-068732.html", False),
    ("whole/424B5-Flushing-Financial-Corporation-Flushing-424B4.html", False),
    ("whole/424B5-PG-E-Corporation-PGandE-424B5.html", False),
    ("whole/424B5-Pacific-Gas-and-Electric-Company-PacificGas.424B5.html", False),
    ("whole/424B2-Healthpeak-Properties-Inc-HealthPeak.424B2.html", False),
    ("whole/424B4-CAMP4-Therapeutics-Corporation-camp4_424b4.html", False),
    ("whole/424B2-BofA-Finance-LLC-0001918704-24-002559.html", False),
    ("whole/424B2-BofA-Finance-LLC-0001918704-25-005479.html", False),
    ("submissions/0001918704-24-002559.txt", False),
])
def test_look_alikes_give_no_events(filings_dir, rel, atm_related):
    result = parse(filings_dir, rel)
    assert result.events == []
    assert result.atm_related is atm_related


def test_parser_version_is_a_version_string():
    parts = PARSER_VERSION.split(".")
    assert len(parts) == 3 and all(p.isdigit() for p in parts)

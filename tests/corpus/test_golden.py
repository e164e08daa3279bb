"""Golden filings: the parser's events for these real documents equal their labels, field by
field. The list holds the documents the parser gets entirely right (measured, see
benchmarks/ACCURACY.md); every other corpus document is still scored by the accuracy report and
held by the ratchet. Add a document here once the parser gets it right; never remove one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from edgar_atm.extract import parse_filing
from edgar_atm.extract.accuracy import EVENT_FIELDS, field_equal, match_events

from .conftest import CORPUS

GOLDEN = [
    # ATM programs: new, re-registered (with prior sales), amended (with sales to date), share caps,
    # many agents, preferred stock, a 424B2 ATM, the canonical suspension supplement
    "cellectar-424b3-2022-10-20",
    "nextera-424b5-0001193125-25-338333",
    "esstech-424b5-0001628280-25-015699",
    "alzamend-424b5-0001214659-26-002941",
    "abos-424b5-2023-04-27-amendment",
    "plug-424b5-2024-02-23-amendment",
    "acer-424b2-2022-reregistration",
    "watsco-424b5-2021-08-06",
    "watsco-424b5-2022-02-25-ar",
    "reit1618563-424b5-2021-reregistration",
    "jef-424b5-2023-jefferies",
    "ajg-424b2-2024-03-14",
    "o-424b5-2024-02-22",
    "mstr-424b5-2025-03-10-strk",
    "xel-424b5-2023-eda",
    "wolf-424b5-2021-02-11",
    "prta-424b5-2021-05-28-cover",
    "mmat-424b5-2023-ladenburg",
    "cns-424b5-2024-bofa",
    "prta-424b5-2021-12-new-eda-prior-terminated",  # a new EDA and the prior EDA terminated
    "eqix-424b5-2022-02-18-amended",  # amended EDA, prior sales with cents
    "peak-424b2-2021-05-13-amended",  # ATM on 424B2, explicit zero sales
    "classa1656936-424b5-2021-reregistration",  # remaining capacity moved to a new supplement
    # complete submission .txt files (SGML envelope, graphics, exhibits) of whole filings
    "nextera-424b5-0001193125-25-338333-submission",
    "esstech-424b5-0001628280-25-015699-submission",
    # look-alikes that must give no events (several mention an existing ATM)
    "calidi-424b5-0001641172-25-001350",
    "curis-424b5-0001108205-25-000026",
    "imunon-424b5-0001493152-25-029712",
    "gthx-424b5-2022-underwritten-lockup",
    "raac-424b5-lincoln-park",
    "healthpeak-424b2-drip",
    "bofa-finance-424b2-0001918704-24-002559",
    "bofa-finance-424b2-0001918704-25-005479",
    "bac-424b2-2014-amendment-no1-pricing-supplement",
    "bofa-finance-424b2-0001918704-24-002559-submission",
    "imunon-424b5-0001493152-25-029712-submission",
]


def _parse(doc_id: str):
    document = next(p for p in CORPUS.iterdir() if p.name.startswith(doc_id + ".") and not p.name.endswith(".json"))
    return parse_filing(document.read_bytes(), path=str(document))


def test_cellectar_suspension_supplement():
    parsed = _parse("cellectar-424b3-2022-10-20")
    assert parsed.atm_related
    by_type = {e.type: e for e in parsed.events}
    assert sorted(by_type) == ["sales_reported", "suspended"]
    sales, suspended = by_type["sales_reported"], by_type["suspended"]
    assert sales.shares_sold == 4169
    assert sales.gross_proceeds == Decimal("69000")
    assert sales.as_of == date(2022, 10, 20)
    assert suspended.effective_date == date(2022, 10, 20)
    for event in (sales, suspended):
        assert event.agreement_type == "Equity Distribution Agreement"
        assert event.agreement_date == date(2020, 8, 11)
        assert event.agents == ["Oppenheimer & Co. Inc."]
        assert event.max_amount == Decimal("14500000")
        assert event.security == "common stock"
        assert event.excerpt


@pytest.mark.parametrize("doc_id", GOLDEN)
def test_golden_document(doc_id, corpus):
    label = next(d for d in corpus if d.id == doc_id).label
    parsed = _parse(doc_id)
    assert parsed.atm_related == label["atm_related"]
    predicted = [e.to_json() for e in parsed.events]
    pairs, extra, missed = match_events(label["events"], predicted)
    assert not extra, f"events not in the labels: {extra}"
    assert not missed, f"labelled events not found: {missed}"
    for expected, got in pairs:
        wrong = {
            name: (expected[name], got.get(name))
            for name in EVENT_FIELDS
            if not field_equal(name, expected[name], got.get(name))
        }
        assert not wrong, f"{expected['type']}: fields (labelled, parsed) differ: {wrong}"

"""The cheap first gate over raw bytes."""

from __future__ import annotations

from edgar_atm.extract import parse_filing
from edgar_atm.extract.gate import may_be_atm


def test_structured_notes_are_rejected(filings_dir):
    for name in ("424B2-BofA-Finance-LLC-0001918704-24-002559.html", "424B2-BofA-Finance-LLC-0001918704-25-005479.html"):
        assert not may_be_atm((filings_dir / "whole" / name).read_bytes())


def test_atm_filings_pass(filings_dir):
    for name in ("424B5-NextEra-Energy-Inc-0001193125-25-338333.html", "424B5-ESS-Tech-Inc-0001628280-25-015699.html"):
        assert may_be_atm((filings_dir / "whole" / name).read_bytes())
    assert may_be_atm((filings_dir / "cellectar-424b3-2022-10-20-supplement.md").read_bytes())


def test_words_split_by_markup_or_entities_still_pass():
    assert may_be_atm(b"sold in <b>at</b>&nbsp;the&#8209;<i>market</i> offerings")
    assert may_be_atm(b"AT THE\nMARKET OFFERING")
    assert not may_be_atm(b"Under our distribution agreement with BofAS, BofAS will purchase the Notes")


def test_gated_submission_keeps_header_fields(filings_dir):
    result = parse_filing((filings_dir / "submissions" / "0001918704-24-002559.txt").read_bytes())
    assert result.form_type == "424B2" and result.cik == 1682472
    assert not result.atm_related and result.events == []

"""Bad input gives a ParseError or no events: never a hang, never a crash."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edgar_atm.errors import ParseError
from edgar_atm.extract import parse_filing
from edgar_atm.records import EVENT_TYPES

from .conftest import FILINGS

REAL = {
    "cellectar": (FILINGS / "cellectar-424b3-2022-10-20-supplement.md").read_bytes(),
    "esstech": (FILINGS / "submissions" / "0001628280-25-015699.txt").read_bytes()[:120_000],
    "nextera": (FILINGS / "whole" / "424B5-NextEra-Energy-Inc-0001193125-25-338333.html").read_bytes()[:150_000],
}


def outcome(data: bytes, path: str | None = None):
    """Parse and check the result is well formed; ParseError is an accepted outcome."""
    try:
        result = parse_filing(data, path=path)
    except ParseError as exc:
        assert str(exc)
        return None
    json.dumps(result.to_json())
    assert all(e.type in EVENT_TYPES for e in result.events)
    return result


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\x00" * 1000, b"%PDF-1.7\n" + bytes(range(256)) * 10,
                                  b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10, bytes(range(256)) * 40])
def test_empty_and_binary_inputs_raise_parse_error(data):
    with pytest.raises(ParseError):
        parse_filing(data)


def test_truncated_submission_is_parsed_as_far_as_it_goes():
    data = (FILINGS / "submissions" / "0001628280-25-015699.txt").read_bytes()
    result = outcome(data[:30_000])
    assert result is not None and result.accession_number == "0001628280-25-015699"
    # The cover survives the cut, so the program is still found.
    assert [e.type for e in result.events] == ["program_established"]


def test_mis_encoded_latin1_markdown():
    data = REAL["cellectar"].decode("utf-8").encode("latin-1", errors="replace")
    result = outcome(data, "cellectar.md")
    assert result is not None and {e.type for e in result.events} == {"suspended", "sales_reported"}


def test_utf16_document():
    data = REAL["cellectar"].decode("utf-8").encode("utf-16")
    result = outcome(data, "cellectar.md")
    assert result is not None and {e.type for e in result.events} == {"suspended", "sales_reported"}


def test_deeply_nested_divs_do_not_recurse():
    # A real ATM cover sentence (ESS Tech) buried under 100,000 levels of markup.
    sentence = (b"<p>PROSPECTUS SUPPLEMENT</p><p>Up to $13,504,438</p><p>We have entered into a Sales Agreement, dated "
                b"March 31, 2025, with Robert W. Baird &amp; Co. Incorporated relating to shares of our common stock "
                b"offered by this prospectus supplement, in an &#8220;at the market offering&#8221;.</p>")
    for tag in (b"div", b"font"):
        doc = b"<html><body>" + (b"<" + tag + b">") * 100_000 + sentence + (b"</" + tag + b">") * 100_000 + b"</body></html>"
        result = outcome(doc, "nested.htm")
        assert result is not None
        [event] = result.events
        assert event.agents == ["Robert W. Baird & Co. Incorporated"] and event.max_amount == 13_504_438


def test_gigantic_document_finishes():
    page = (FILINGS / "whole" / "424B5-ESS-Tech-Inc-0001628280-25-015699.html").read_bytes()
    body_start = page.lower().find(b"<body")
    body_end = page.lower().rfind(b"</body>")
    inner = page[body_start:body_end]
    # About 50 MB of real filing markup inside one document (not committed: built here).
    big = page[:body_start] + inner * (50_000_000 // len(inner) + 1) + b"</body></html>"
    assert len(big) >= 50_000_000
    result = outcome(big, "big.htm")
    assert result is not None and result.atm_related


mangle = st.sampled_from(sorted(REAL)).flatmap(lambda key: st.tuples(
    st.just(key),
    st.integers(0, len(REAL[key])), st.integers(0, len(REAL[key])),
    st.lists(st.tuples(st.integers(0, len(REAL[key]) - 1), st.integers(0, 255)), max_size=20),
    st.lists(st.tuples(st.integers(0, len(REAL[key]) - 1), st.integers(1, 4000)), max_size=3),
))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangle)
def test_mangled_real_filings(case):
    key, a, b, flips, dups = case
    data = bytearray(REAL[key])
    for pos, value in flips:
        data[pos] = value
    for pos, length in dups:
        data[pos:pos] = data[pos:pos + length]
    lo, hi = sorted((a, b))
    outcome(bytes(data[lo:hi]), "mangled.md" if key == "cellectar" else None)


def test_a_flattened_submission_header_without_document_tags_is_read_as_the_document():
    # Filing viewers copy the .txt submission with its header run onto one line and the
    # <DOCUMENT> tags gone; the prospectus text follows.
    from edgar_atm.extract import parse_filing

    data = (b"0001628280-24-043816.txt : 20241025 ACCESSION NUMBER: 0001628280-24-043816 CONFORMED SUBMISSION "
            b"TYPE: 424B5 PUBLIC DOCUMENT COUNT: 16 FILED AS OF DATE: 20241025 FILER: COMPANY DATA: COMPANY "
            b"CONFORMED NAME: EXAMPLE REALTY TRUST, INC. CENTRAL INDEX KEY: 0001728951\n\n"
            b"Filed Pursuant to Rule 424(b)(5)\nPROSPECTUS SUPPLEMENT\n$500,000,000\nCommon Stock\n"
            b"We have entered into an ATM Equity Offering Sales Agreement with BofA Securities, Inc. and "
            b"Wells Fargo Securities, LLC, as agents, relating to shares of our common stock having an aggregate "
            b"gross sales price of up to $500,000,000. Sales may be made in transactions that are deemed to be "
            b"\"at the market\" offerings as defined in Rule 415 under the Securities Act.\n")
    result = parse_filing(data)
    assert result.atm_related
    assert [(e.type, e.max_amount) for e in result.events] == [("program_established", 500_000_000)]


def test_a_submission_whose_documents_hold_no_text_still_gives_nothing():
    from edgar_atm.extract import parse_filing

    data = (b"<SEC-DOCUMENT>0000000000-24-000001.txt : 20240101\n<SEC-HEADER>ACCESSION NUMBER: 0000000000-24-000001\n"
            b"CONFORMED SUBMISSION TYPE: 424B5\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>GRAPHIC\n<FILENAME>logo.jpg\n"
            b"<TEXT>\nbegin 644 logo.jpg\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    result = parse_filing(data)
    assert result.events == [] and not result.atm_related

from datetime import date, datetime

import pytest

from edgar_atm.fakeedgar.header import HeaderError, read_header, restamp, split_header

from .conftest import BOFA, ESS, IMUNON, NEXTERA


def test_reads_the_real_headers(real_txt):
    h = read_header(real_txt[NEXTERA])
    assert (h.accession, h.form_type, h.filed_date) == (NEXTERA, "424B5", date(2025, 12, 31))
    assert h.acceptance == datetime(2025, 12, 31, 16, 25, 48)
    assert h.document_count == 14
    assert [(p.role, p.cik, p.name) for p in h.parties] == [("FILER", 753308, "NEXTERA ENERGY INC")]
    p = h.parties[0]
    assert (p.sic_code, p.file_number, p.film_number, p.ein) == ("4911", "333-278184", "251617706", "592449419")
    assert p.former_names == [("FPL GROUP INC", "19920703")]
    assert p.business_address["CITY"] == "JUNO BEACH" and p.mail_address["STREET 1"] == "P O BOX 14000"
    assert (h.primary_document, h.primary_description) == ("d85786d424b5.htm", "424B5")


def test_reads_both_co_registrants_and_the_old_irs_number_key(real_txt):
    h = read_header(real_txt[BOFA])
    assert [(p.cik, p.name, p.file_number) for p in h.parties] == [
        (1682472, "BofA Finance LLC", "333-268718-01"),
        (70858, "BANK OF AMERICA CORP /DE/", "333-268718"),
    ]
    assert h.parties[1].ein == "560906609"  # "IRS NUMBER:" in filings before 2025


def test_rejects_what_is_not_a_submission():
    with pytest.raises(HeaderError):
        read_header(b"<html><body>not a filing</body></html>")
    with pytest.raises(HeaderError):
        read_header(b"<SEC-DOCUMENT>x.txt : 20250101\n<SEC-HEADER>x\nACCESSION NUMBER:\t\tnope\n</SEC-HEADER>\n")


def test_restamp_rewrites_every_header_field_consistently(real_txt):
    old = real_txt[IMUNON]
    new = restamp(old, accession="0009999999-26-000042", filed_date=date(2026, 2, 3), cik=1234567,
                  company="Example Biotech, Inc.", form_type="424B3")
    h = read_header(new)
    assert (h.accession, h.form_type, h.filed_date) == ("0009999999-26-000042", "424B3", date(2026, 2, 3))
    assert h.acceptance == datetime(2026, 2, 3, 8, 15, 19)  # time of day kept
    assert [(p.cik, p.name, p.form_type) for p in h.parties] == [(1234567, "Example Biotech, Inc.", "424B3")]
    head, rest = split_header(new)
    assert head.startswith("<SEC-DOCUMENT>0009999999-26-000042.txt : 20260203\n"
                           "<SEC-HEADER>0009999999-26-000042.hdr.sgml : 20260203\n"
                           "<ACCEPTANCE-DATETIME>20260203081519\n")
    assert "CENTRAL INDEX KEY:\t\t\t0001234567\n" in head
    assert IMUNON not in head and "20251231" not in head
    assert rest.startswith(b"\n<DOCUMENT>\n<TYPE>424B3\n<SEQUENCE>1\n<FILENAME>form424b5.htm\n<DESCRIPTION>424B3\n")
    # Past the primary document's envelope, every byte is the real filing's.
    old_rest = split_header(old)[1]
    cut = old_rest.index(b"<TEXT>")
    assert rest[rest.index(b"<TEXT>"):] == old_rest[cut:]


def test_restamp_changes_only_the_first_co_registrant(real_txt):
    h = read_header(restamp(real_txt[BOFA], cik=7777777, company="New Finance LLC"))
    assert [(p.cik, p.name) for p in h.parties] == [(7777777, "New Finance LLC"),
                                                   (70858, "BANK OF AMERICA CORP /DE/")]


def test_restamp_without_changes_is_the_identity(real_txt):
    assert restamp(real_txt[ESS]) == real_txt[ESS]

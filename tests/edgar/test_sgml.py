"""The SGML complete-submission reader on the four real .txt files from EDGAR."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from edgar_atm.edgar.sgml import is_submission, primary_document, read_submission
from edgar_atm.errors import ParseError

DATA = Path(__file__).resolve().parents[1] / "data" / "filings" / "submissions"


def load(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_nextera_header_and_thirteen_documents():
    sub = read_submission(load("0001193125-25-338333.txt"))
    assert sub.accession_number == "0001193125-25-338333"
    assert sub.form_type == "424B5"
    assert sub.filed_date == date(2025, 12, 31)
    assert sub.acceptance_datetime == datetime(2025, 12, 31, 16, 25, 48)
    assert len(sub.parties) == 1
    filer = sub.filers[0]
    assert (filer.cik, filer.name, filer.sic, filer.file_number) == (753308, "NEXTERA ENERGY INC", 4911, "333-278184")
    assert sub.parties[0].role == "FILER"
    assert sub.parties[0].ein == "592449419"
    assert [d.sequence for d in sub.documents] == [1, 2, 4, 5, 7, 8, 9, 10, 11, 13, 16, 17, 18]
    types = [d.type for d in sub.documents]
    assert types[:4] == ["424B5", "EX-FILING FEES", "GRAPHIC", "GRAPHIC"]
    graphic = sub.documents[2]
    assert graphic.filename == "g85786g01k01.jpg" and graphic.description == "GRAPHIC"
    assert graphic.is_binary and graphic.text is None and graphic.size > 40_000
    zipdoc = [d for d in sub.documents if d.type == "ZIP"][0]
    assert zipdoc.is_binary
    primary = primary_document(sub)
    assert primary.filename == "d85786d424b5.htm"
    assert b"Up to $4,000,000,000" in primary.text
    assert primary.text.rstrip().endswith(b"</HTML>") or b"</html>" in primary.text.lower()[-200:]


def test_bofa_two_filer_blocks_with_irs_number():
    sub = read_submission(load("0001918704-24-002559.txt"))
    assert sub.form_type == "424B2"
    assert [(f.cik, f.name, f.file_number) for f in sub.filers] == [
        (1682472, "BofA Finance LLC", "333-268718-01"),
        (70858, "BANK OF AMERICA CORP /DE/", "333-268718"),
    ]
    assert [p.ein for p in sub.parties] == ["813167494", "560906609"]
    assert all(f.sic == 6021 for f in sub.filers)
    assert sum(1 for d in sub.documents if d.type == "GRAPHIC") == 9
    assert all(d.is_binary for d in sub.documents if d.type == "GRAPHIC")
    assert primary_document(sub).filename == "form424b2.htm"


def test_imunon_ein_and_former_names_do_not_replace_current_name():
    sub = read_submission(load("0001493152-25-029712.txt"))
    filer = sub.filers[0]
    assert filer.name == "Imunon, Inc." and filer.cik == 749647 and filer.sic == 2834
    assert sub.parties[0].ein == "521256615"
    assert [d.type for d in sub.documents] == ["424B5", "GRAPHIC"]


def test_ess_tech_graphics_without_description():
    sub = read_submission(load("0001628280-25-015699.txt"))
    assert [(d.type, d.sequence, d.filename, d.description) for d in sub.documents] == [
        ("424B5", 1, "essinc-424b5.htm", "424B5"),
        ("GRAPHIC", 2, "esslogoa.jpg", None),
        ("GRAPHIC", 3, "image_4a.jpg", None),
    ]
    assert sub.filers[0].sic == 3690


def test_primary_document_falls_back_to_sequence_one():
    data = load("0001628280-25-015699.txt").replace(b"<TYPE>424B5\n<SEQUENCE>1", b"<TYPE>HTML\n<SEQUENCE>1")
    sub = read_submission(data)
    assert primary_document(sub).sequence == 1


def test_truncated_submission_keeps_what_is_there():
    data = load("0001193125-25-338333.txt")
    cut = data[: data.find(b"</TEXT>") - 1000]
    sub = read_submission(cut)
    assert sub.accession_number == "0001193125-25-338333"
    assert len(sub.documents) == 1
    assert sub.documents[0].text and b"NextEra" in sub.documents[0].text


def test_subject_company_and_filed_by_blocks():
    # The header of a real 424B5 with its FILER label renamed to the roles other forms use.
    data = load("0001493152-25-029712.txt").replace(b"\nFILER:\n", b"\nSUBJECT COMPANY:\n", 1)
    head_end = data.find(b"</SEC-HEADER>")
    nextera = load("0001193125-25-338333.txt")
    block = nextera[nextera.find(b"\nFILER:\n") + 1: nextera.find(b"</SEC-HEADER>")].replace(b"FILER:", b"FILED BY:", 1)
    data = data[:head_end] + block + data[head_end:]
    sub = read_submission(data)
    assert [p.role for p in sub.parties] == ["SUBJECT COMPANY", "FILED BY"]
    assert sub.primary_filer.cik == 749647
    assert sub.filers[1].cik == 753308


def test_not_a_submission():
    assert not is_submission(b"<html><body>hello</body></html>")
    with pytest.raises(ParseError):
        read_submission(b"<html><body>hello</body></html>")


def test_tag_form_header_from_index_headers_page():
    # The -index-headers.html page carries the .hdr.sgml tag form inside an HTML comment.
    page = load("0001493152-25-029712-index-headers.html")
    start = page.find(b"<SEC-HEADER>")
    end = page.find(b"</SEC-HEADER>")
    assert start >= 0 and end > start
    sub = read_submission(page[start:end + 13])
    assert sub.accession_number == "0001493152-25-029712"
    assert sub.form_type == "424B5"
    assert sub.filed_date == date(2025, 12, 31)
    assert sub.filers and sub.filers[0].cik == 749647 and sub.filers[0].sic == 2834

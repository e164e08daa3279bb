"""The bundled demo site loads, every filing is indexed, and the re-enveloped ones follow the
real envelope's layout."""

import re
from datetime import date

from edgar_atm.fakeedgar import Site
from edgar_atm.fakeedgar.header import split_header

from .conftest import EDGAR, SITE_DIR
from .test_indexes import read_fixed

REAL = ["0001193125-25-338333", "0001628280-25-015699", "0001918704-24-002559", "0001493152-25-029712"]


def test_the_bundled_site_loads_every_filing():
    site = Site.from_directory(SITE_DIR)
    histories = len(list((SITE_DIR / "filings" / "histories").glob("*.txt")))
    assert histories >= 7 and len(site) == 12 + histories  # 12 single filings, then issuer histories
    assert {f.form_type for f in site.filings} == {"424B2", "424B3", "424B4", "424B5"}
    for acc in REAL:  # byte-exact copies of the real submissions
        assert site.get(acc).txt == (EDGAR / "archives" / f"{acc}.txt").read_bytes()
    cellectar = site.get("0001279704-22-900001")
    assert cellectar.filers == ((1279704, "CELLECTAR BIOSCIENCES, INC."),)
    assert cellectar.filed_date == date(2022, 10, 20)
    assert b"suspend the ATM" in cellectar.txt and b"$14,500,000" in cellectar.txt
    assert site.file("/files/company_tickers.json").body == (EDGAR / "files/company_tickers.json").read_bytes()
    bofa = site.get("0001918704-25-005479")
    assert bofa.ciks == (1682472, 70858)


def _shape(head: str) -> list[str]:
    """Each header line with its value removed: the envelope's skeleton."""
    return [re.sub(r"^(\t*[A-Z][A-Z0-9 ()/-]*:[ \t]*).*$", r"\1", re.sub(r"^(<[A-Z-]+>).*$", r"\1", line))
            for line in head.split("\n")]


def test_re_enveloped_filings_follow_the_real_layout():
    site = Site.from_directory(SITE_DIR)
    real_lines = set()
    for acc in REAL:
        real_lines.update(_shape(split_header(site.get(acc).txt)[0]))
    for f in site.filings:
        if f.accession in REAL:
            continue
        head, rest = split_header(f.txt)
        assert set(_shape(head)) <= real_lines, f.accession
        assert _shape(head)[:8] == _shape(split_header(site.get(REAL[0]).txt)[0])[:8]
        assert rest.startswith(f"\n<DOCUMENT>\n<TYPE>{f.form_type}\n<SEQUENCE>1\n".encode())
        assert f.txt.endswith(b"\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
        assert f.header.document_count == 1
        assert f.header.primary_document in (f"{f.form_type.lower()}.htm", f"{f.form_type.lower()}.txt")


def test_the_histories_hold_the_corpus_texts_verbatim():
    """Each history filing wraps its corpus document unchanged (site/README.md lists them)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_site", EDGAR / "make_site.py")
    make_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_site)
    site = Site.from_directory(SITE_DIR)
    issuers = {}
    listed = make_site.history_filings()
    # A filing in two issuers' histories (a shared document) is one file on the site.
    assert len({row[2] for row in listed}) == len(list((SITE_DIR / "filings" / "histories").glob("*.txt")))
    for name, form, accession, filed, filer, _ in listed:
        f = site.get(accession)
        assert (f.form_type, f.filed_date, f.filers) == (form, filed, ((filer.cik, filer.name),))
        text = (EDGAR.parent / "corpus" / name).read_bytes().replace(b"\r\n", b"\n")
        assert b"<TEXT>\n" + text.rstrip(b"\n") + b"\n</TEXT>" in f.txt
        issuers.setdefault(filer.cik, []).append(filed)
    assert sum(len(days) >= 2 for days in issuers.values()) >= 6  # multi-filing histories


def test_the_bundled_site_indexes_each_day(serve, client_for):
    site = Site.from_directory(SITE_DIR)
    c = client_for(serve(site))
    r = c.get("/Archives/edgar/daily-index/2025/QTR1/form.20250331.idx")
    rows = read_fixed(r.content)
    assert sorted(r[1] for r in rows) == ["ESS Tech, Inc.", "Ensysce Biosciences, Inc.", "Excelerate Energy, Inc."]
    q = c.get("/Archives/edgar/full-index/2025/QTR1/form.idx")
    names = [r[1] for r in read_fixed(q.content)]
    assert names.count("BofA Finance LLC") == 1 and names.count("BANK OF AMERICA CORP /DE/") == 1
    assert len(names) == 8  # 7 filings (MicroStrategy's history among them), the BofA note under both CIKs


def test_unreadable_and_duplicate_files_are_skipped(tmp_path, caplog):
    real = (EDGAR / "archives" / f"{REAL[0]}.txt").read_bytes()
    (tmp_path / "good.txt").write_bytes(real)
    (tmp_path / "copy.txt").write_bytes(real)  # same accession again
    (tmp_path / "broken.txt").write_bytes(real[:300])  # header cut off
    (tmp_path / "notes.txt").write_bytes(b"just some text\n")
    site = Site.from_directory(tmp_path)
    assert [f.accession for f in site.filings] == [REAL[0]]
    assert sum("skipping" in r.message for r in caplog.records) == 2

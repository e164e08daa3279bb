"""Submissions JSON and company_tickers.json readers on the real samples."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from edgar_atm.edgar.submissions import (
    Issuer,
    discover_issuer,
    normalize_ticker,
    parse_company_tickers,
    parse_submissions,
    parse_submissions_page,
    resolve_cik_or_ticker,
    resolve_ticker,
    resolve_tickers,
)
from edgar_atm.errors import NotFound, ParseError
from edgar_atm.records import FORM_TYPES_424B, FilingRef

EDGAR = Path(__file__).resolve().parents[1] / "data" / "edgar"
MAIN = EDGAR / "data.sec.gov" / "CIK0000749647.json"
PAGE = EDGAR / "data.sec.gov" / "CIK0000749647-submissions-001.json"
TICKERS = EDGAR / "files" / "company_tickers.json"


class FakeFetch:
    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.calls: list[str] = []

    def __call__(self, path: str) -> bytes:
        self.calls.append(path)
        if path not in self.files:
            raise NotFound("404 NoSuchKey", url=path, status=404)
        return self.files[path]


def _independent_424b(path: Path, key: str | None) -> list[tuple[str, str, str]]:
    """(accession, date, form) of the 424B rows, read straight from the JSON."""
    doc = json.loads(path.read_bytes())
    cols = doc["filings"][key] if key else doc
    return [(a, d, f) for a, d, f in zip(cols["accessionNumber"], cols["filingDate"], cols["form"])
            if f in FORM_TYPES_424B]


def test_parse_submissions_issuer_and_recent():
    found = parse_submissions(MAIN.read_bytes())
    assert found.issuer == Issuer(
        cik=749647, name="Imunon, Inc.", tickers=("IMNN",), exchanges=("Nasdaq",), sic=2834,
        sic_description="Pharmaceutical Preparations", entity_type="operating",
        state_of_incorporation="DE", fiscal_year_end="1231",
        former_names=found.issuer.former_names)
    assert found.issuer.former_names  # Imunon was Celsion Corp
    assert found.pages == ["CIK0000749647-submissions-001.json"]
    expected = _independent_424b(MAIN, "recent")
    assert len(expected) == 55
    assert [(r.accession_number, r.filed_date.isoformat(), r.form_type) for r in found.refs] == expected
    newest = found.refs[0]
    assert newest == FilingRef(
        accession_number="0001493152-25-029712", cik=749647, company="Imunon, Inc.",
        form_type="424B5", filed_date=date(2025, 12, 31),
        path="/Archives/edgar/data/749647/0001493152-25-029712.txt")


def test_parse_submissions_all_forms():
    everything = parse_submissions(MAIN.read_bytes(), forms=None)
    assert len(everything.refs) == 1000


def test_parse_page():
    issuer = parse_submissions(MAIN.read_bytes()).issuer
    refs = parse_submissions_page(PAGE.read_bytes(), issuer)
    assert [(r.accession_number, r.filed_date.isoformat(), r.form_type) for r in refs] == \
        _independent_424b(PAGE, None)
    assert len(refs) == 6 and all(r.company == "Imunon, Inc." for r in refs)
    assert len(parse_submissions_page(PAGE.read_bytes(), issuer, forms=None)) == 395


def test_discover_issuer_follows_every_page():
    fetch = FakeFetch({
        "/submissions/CIK0000749647.json": MAIN.read_bytes(),
        "/submissions/CIK0000749647-submissions-001.json": PAGE.read_bytes(),
    })
    found = discover_issuer(fetch, 749647)
    assert fetch.calls == ["/submissions/CIK0000749647.json",
                           "/submissions/CIK0000749647-submissions-001.json"]
    assert len(found.refs) == 55 + 6
    assert len({r.accession_number for r in found.refs}) == len(found.refs)
    assert found.refs[-1].filed_date < date(2010, 7, 25) < found.refs[0].filed_date
    assert not found.skipped  # Imunon is no note shelf


def test_discover_issuer_unknown_cik():
    with pytest.raises(NotFound, match="CIK 1"):
        discover_issuer(FakeFetch({}), 1)


def test_hostile_page_name_is_not_fetched():
    doc = json.loads(MAIN.read_bytes())
    doc["filings"]["files"] = [{"name": "../../Archives/edgar/data/1/secret.txt"}]
    fetch = FakeFetch({"/submissions/CIK0000749647.json": json.dumps(doc).encode()})
    with pytest.raises(ValueError):
        discover_issuer(fetch, 749647)
    assert fetch.calls == ["/submissions/CIK0000749647.json"]


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # truncated transfer
    lambda raw: b"<Error><Code>NoSuchKey</Code></Error>",
    lambda raw: json.dumps({"cik": "0000749647", "name": "x"}).encode(),
])
def test_damaged_submissions_is_a_parse_error(damage):
    with pytest.raises(ParseError):
        parse_submissions(damage(MAIN.read_bytes()))


def test_unequal_columns_is_a_parse_error():
    doc = json.loads(MAIN.read_bytes())
    doc["filings"]["recent"]["form"].pop()
    with pytest.raises(ParseError, match="unequal"):
        parse_submissions(json.dumps(doc))


def test_unpadded_cik_string():
    """An older sample (Apple, 2023) has "cik": "320193" without zero padding."""
    doc = json.loads(MAIN.read_bytes())
    doc["cik"] = "749647"
    assert parse_submissions(json.dumps(doc)).issuer.cik == 749647


# --- tickers --------------------------------------------------------------------------------


def test_parse_company_tickers():
    table = parse_company_tickers(TICKERS.read_bytes())
    raw = json.loads(TICKERS.read_bytes())
    assert len(raw) == 9610
    assert len(table) == len({normalize_ticker(v["ticker"]) for v in raw.values()})
    assert table["MSFT"] == 789019 and table["IMNN"] == 749647
    assert table["AJG"] == 354190 and table["DOC"] == 765880
    # One CIK under several tickers.
    assert sum(1 for cik in table.values() if cik == 1067983) >= 2  # Berkshire A and B


def test_resolve_ticker_case_insensitive_and_class_shares():
    fetch = FakeFetch({"/files/company_tickers.json": TICKERS.read_bytes()})
    assert resolve_ticker(fetch, "imnn") == 749647
    assert resolve_ticker(fetch, " Msft ") == 789019
    assert resolve_ticker(fetch, "brk.b") == resolve_ticker(fetch, "BRK-B") == 1067983
    assert resolve_tickers(fetch, ["ajg", "DOC"]) == {"ajg": 354190, "DOC": 765880}
    assert fetch.calls.count("/files/company_tickers.json") == 5  # one request per call


def test_unknown_ticker_is_a_clear_error():
    fetch = FakeFetch({"/files/company_tickers.json": TICKERS.read_bytes()})
    with pytest.raises(NotFound, match="'NOSUCHTICKER' is not in EDGAR's company_tickers.json"):
        resolve_ticker(fetch, "NOSUCHTICKER")


def test_resolve_cik_or_ticker():
    fetch = FakeFetch({"/files/company_tickers.json": TICKERS.read_bytes()})
    assert resolve_cik_or_ticker(fetch, "749647") == 749647
    assert fetch.calls == []  # a CIK costs no request
    assert resolve_cik_or_ticker(fetch, "imnn") == 749647

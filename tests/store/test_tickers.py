"""issuer_tickers from EDGAR's two sources (the real company_tickers.json; a submissions
JSON's `tickers`), and the one resolver from CIK-or-ticker to CIK, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from edgar_atm.edgar.submissions import parse_company_tickers, parse_submissions
from edgar_atm.store import repository as repo
from edgar_atm.store.models import IssuerTicker
from edgar_atm.store.tickers import UnknownIssuer, fill_from_company_tickers, resolve_cik, set_issuer_tickers

EDGAR = Path(__file__).resolve().parents[1] / "data" / "edgar"
REAL_TABLE = parse_company_tickers((EDGAR / "files" / "company_tickers.json").read_bytes())


def _tickers(session, cik):
    return sorted(session.execute(select(IssuerTicker.ticker).where(IssuerTicker.cik == cik)).scalars())


def test_the_real_table_fills_the_stored_issuers_only(session):
    for cik, name in [(753308, "NEXTERA ENERGY INC"), (1279704, "CELLECTAR BIOSCIENCES, INC."), (105016, "WATSCO INC")]:
        repo.upsert_issuer(session, cik, name)
    assert fill_from_company_tickers(session, REAL_TABLE) == 3
    session.commit()
    assert _tickers(session, 753308) == ["NEE", "NEE-PN", "NEE-PR"]
    assert _tickers(session, 1279704) == ["CLRB"]
    assert _tickers(session, 105016) == ["WSO", "WSO-B"]
    assert session.query(IssuerTicker).count() == 6  # not the file's 9,610 symbols
    assert fill_from_company_tickers(session, REAL_TABLE) == 0  # the same again changes nothing


def test_submissions_json_tickers(session):
    doc = parse_submissions((EDGAR / "data.sec.gov" / "CIK0000749647.json").read_bytes())
    assert doc.issuer.tickers  # the real Imunon file lists its symbol
    repo.upsert_issuer(session, doc.issuer.cik, doc.issuer.name)
    assert set_issuer_tickers(session, doc.issuer.cik, doc.issuer.tickers)
    assert _tickers(session, 749647) == sorted(t.upper() for t in doc.issuer.tickers)
    assert not set_issuer_tickers(session, 749647, doc.issuer.tickers)   # unchanged
    assert not set_issuer_tickers(session, 749647, [])                   # delisted: keep the old symbol
    assert _tickers(session, 749647) == sorted(t.upper() for t in doc.issuer.tickers)
    assert not set_issuer_tickers(session, 999999999, ["NOPE"])          # unknown issuer: nothing stored


def test_a_symbol_moves_to_its_new_issuer(session):
    repo.upsert_issuer(session, 765880, "HEALTHPEAK PROPERTIES, INC.")
    repo.upsert_issuer(session, 1574081, "Physicians Realty Trust")
    set_issuer_tickers(session, 1574081, ["DOC"])
    set_issuer_tickers(session, 765880, ["PEAK"])
    fill_from_company_tickers(session, {"DOC": 765880})  # 2024: DOC is Healthpeak's
    assert _tickers(session, 765880) == ["DOC"] and _tickers(session, 1574081) == []
    assert resolve_cik(session, "doc") == 765880


def test_resolver(session):
    repo.upsert_issuer(session, 105016, "WATSCO INC")
    set_issuer_tickers(session, 105016, ["WSO", "WSO-B"])
    assert resolve_cik(session, "1279704") == resolve_cik(session, "0001279704") == resolve_cik(session, "CIK1279704") == 1279704
    assert resolve_cik(session, "wso") == resolve_cik(session, "WSO.B") == resolve_cik(session, "wso/b") == 105016
    # Not stored: the cached company_tickers table answers, else a clear error.
    assert resolve_cik(session, "CLRB", REAL_TABLE) == 1279704
    with pytest.raises(UnknownIssuer, match="no issuer with ticker 'ZZZZ'"):
        resolve_cik(session, "zzzz", REAL_TABLE)
    with pytest.raises(UnknownIssuer):
        resolve_cik(session, "   ")

"""company_tickers.json: one request, then the copy on disk for a day; a stale copy when EDGAR
cannot be reached; nothing is requested for a fresh copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edgar_atm.edgar.paths import COMPANY_TICKERS_PATH
from edgar_atm.edgar.submissions import load_company_tickers, resolve_tickers
from edgar_atm.errors import NotFound, ServerError

REAL = (Path(__file__).resolve().parents[1] / "data" / "edgar" / "files" / "company_tickers.json").read_bytes()


class Fetch:
    def __init__(self, body=REAL, error=None):
        self.body, self.error, self.paths = body, error, []

    def __call__(self, path):
        self.paths.append(path)
        if self.error:
            raise self.error
        return self.body


def test_one_request_then_the_cached_copy_for_a_day(tmp_path):
    cache = tmp_path / "data" / "company_tickers.json"
    fetch = Fetch()
    table = load_company_tickers(fetch, cache)
    assert table["CLRB"] == 1279704 and table["NEE"] == 753308 and len(table) > 9000
    assert fetch.paths == [COMPANY_TICKERS_PATH] and cache.read_bytes() == REAL
    assert load_company_tickers(fetch, cache) == table
    assert resolve_tickers(fetch, ["clrb", "WSO"], cache=cache) == {"clrb": 1279704, "WSO": 105016}
    assert len(fetch.paths) == 1
    # A day later the copy is stale: one new request.
    day_old = cache.stat().st_mtime - 24 * 3600 - 60
    os.utime(cache, (day_old, day_old))
    load_company_tickers(fetch, cache)
    assert len(fetch.paths) == 2 and cache.stat().st_mtime > day_old


def test_a_stale_copy_beats_none_when_edgar_fails(tmp_path):
    cache = tmp_path / "company_tickers.json"
    cache.write_bytes(REAL)
    old = cache.stat().st_mtime - 3 * 24 * 3600
    os.utime(cache, (old, old))
    failing = Fetch(error=ServerError("503 from EDGAR", url=COMPANY_TICKERS_PATH))
    assert load_company_tickers(failing, cache)["CLRB"] == 1279704
    assert len(failing.paths) == 1
    with pytest.raises(ServerError):
        load_company_tickers(failing, tmp_path / "none-yet.json")


def test_offline_readers_use_any_copy(tmp_path):
    cache = tmp_path / "company_tickers.json"
    with pytest.raises(NotFound):
        load_company_tickers(None, cache)
    cache.write_bytes(REAL)
    old = cache.stat().st_mtime - 30 * 24 * 3600
    os.utime(cache, (old, old))
    assert load_company_tickers(None, cache)["WSO"] == 105016


def test_unknown_ticker(tmp_path):
    with pytest.raises(NotFound, match="'ZZZZZ' is not in EDGAR's company_tickers.json"):
        resolve_tickers(Fetch(), ["ZZZZZ"], cache=tmp_path / "t.json")

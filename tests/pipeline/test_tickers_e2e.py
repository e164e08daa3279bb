"""Tickers reach the database through the pipeline, against the fake EDGAR serving the real
formats (the real company_tickers.json; submissions JSON built from real filings): a
backfill by ticker stores the issuer's symbols from its submissions JSON, a nightly run
fills every stored issuer from company_tickers.json (one request a day), and commands then
take the ticker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from pipeline_helpers import MON, build_week_site, cli, cli_env

DATA = Path(__file__).resolve().parents[1] / "data" / "edgar"
TICKERS_PATH = "/files/company_tickers.json"


def _tickers(db_url: str) -> set[tuple[int, str]]:
    from edgar_atm.store.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(text("SELECT cik, ticker FROM issuer_tickers")).all())
    finally:
        engine.dispose()


@pytest.fixture
def bundled_edgar():
    from edgar_atm.fakeedgar import Site
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    site = Site.from_directory(DATA / "site")
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2, latency=0.01) as server:
        yield server


def test_backfill_by_ticker_stores_the_symbols_and_timeline_takes_them(migrated_url, bundled_edgar, tmp_path):
    env = cli_env(migrated_url, bundled_edgar.url, tmp_path)
    result = cli("backfill", "--start", "2021-01-01", "--end", "2024-12-31", "--ticker", "WSO", env=env)
    assert result.returncode == 0, result.stderr
    requests = [r.path for r in bundled_edgar.log.records()]
    assert requests.count(TICKERS_PATH) == 1  # resolving WSO and filling tickers: one request
    assert "/submissions/CIK0000105016.json" in requests
    assert {(105016, "WSO"), (105016, "WSO-B")} <= _tickers(migrated_url)

    timeline = cli("timeline", "wso", "--json", env=env)
    assert timeline.returncode == 0, timeline.stderr
    data = json.loads(timeline.stdout)
    assert data["cik"] == 105016 and data["tickers"] == ["WSO", "WSO-B"]
    assert [e["accession_number"] for e in data["events"]][0] == "0001193125-21-320145"
    # Four filings: a history (2023's "Supplement No. 2" to the ATM prospectus is an amendment).
    assert len({e["accession_number"] for e in data["events"]}) == 4

    # The same day again: the cached company_tickers.json, no new request.
    again = cli("backfill", "--start", "2021-01-01", "--end", "2024-12-31", "--ticker", "WSO", env=env)
    assert again.returncode == 0, again.stderr
    assert [r.path for r in bundled_edgar.log.records()].count(TICKERS_PATH) == 1
    assert (tmp_path / "data" / "company_tickers.json").is_file()


def test_nightly_fills_every_stored_issuer(migrated_url, tmp_path):
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    site = build_week_site()
    site.add_file(TICKERS_PATH, (DATA / "files" / "company_tickers.json").read_bytes())
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2, latency=0.01) as edgar:
        env = cli_env(migrated_url, edgar.url, tmp_path)
        result = cli("nightly", "--since", MON.isoformat(), env=env)
        assert result.returncode == 0, result.stderr
        stored = _tickers(migrated_url)
        assert {(753308, "NEE"), (1819438, "GWH"), (749647, "IMNN")} <= stored
        assert {cik for cik, _ in stored} <= {753308, 1819438, 749647, 1682472, 70858}
        assert [r.path for r in edgar.log.records()].count(TICKERS_PATH) == 1
        by_ticker = cli("timeline", "NEE", env=env)
        assert by_ticker.returncode == 0, by_ticker.stderr
        assert by_ticker.stdout.startswith("NEXTERA ENERGY INC (CIK 753308, NEE, NEE-PN, NEE-PR)")


def test_edgar_without_the_file_does_not_fail_the_run(migrated_url, tmp_path):
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    site = build_week_site()  # no company_tickers.json and no site tickers: the fake has none
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2, latency=0.01) as edgar:
        env = cli_env(migrated_url, edgar.url, tmp_path)
        result = cli("-v", "nightly", "--since", MON.isoformat(), env=env)
        assert result.returncode == 0, result.stderr
        assert "tickers not updated" in result.stderr
        assert _tickers(migrated_url) == set()

"""Hostile EDGAR payloads from the fake EDGAR on 127.0.0.1: broken submissions JSON, index
files and filings, escape sequences and UTF-8 in issuer names, credentials in the mirror's
URL. Bad input costs its own rows; nothing crashes; no secret is printed or stored."""

from __future__ import annotations

import json

import pytest

from conftest import SECRET, base_env, one_line, run
from pipeline_helpers import ESS, ESS_CIK, IMUNON_CIK, MON, NEXTERA, build_week_site, raw


def _rows(db_url: str, sql: str) -> list[tuple]:
    from sqlalchemy import text

    from edgar_atm.store.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).all()
    finally:
        engine.dispose()


def _serve(site):
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    return FakeEdgarServer(site, rate_limit=10, block_seconds=2)


def _good_submissions(site, cik: int) -> dict:
    from edgar_atm.fakeedgar.submissions import build_submissions  # the server's own generator

    built = build_submissions(site, cik)
    assert built is not None
    return json.loads(built[0])


HOSTILE_SUBMISSIONS = {
    "truncated": lambda doc: json.dumps(doc)[:200].encode(),
    "not-json": lambda doc: b"<html>502 Bad Gateway</html>",
    "filings-a-string": lambda doc: json.dumps({**doc, "filings": "none"}).encode(),
    "recent-a-list": lambda doc: json.dumps({**doc, "filings": {"recent": [1, 2, 3]}}).encode(),
    "cik-missing": lambda doc: json.dumps({k: v for k, v in doc.items() if k != "cik"}).encode(),
    "columns-unequal": lambda doc: json.dumps({**doc, "filings": {"recent": {
        **doc["filings"]["recent"], "form": doc["filings"]["recent"]["form"][:-1]}}}).encode(),
    "tickers-a-number": lambda doc: json.dumps({**doc, "tickers": 7}).encode(),
    "nul-bytes": lambda doc: b"\x00" * 5000,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_SUBMISSIONS))
def test_a_broken_submissions_json_costs_that_issuer_not_the_run(migrated_env, kind):
    site = build_week_site()
    doc = _good_submissions(site, IMUNON_CIK)
    site.add_file(f"/submissions/CIK{IMUNON_CIK:010d}.json", HOSTILE_SUBMISSIONS[kind](doc), "application/json")
    with _serve(site) as server:
        env = {**migrated_env, "EDGAR_BASE_URL": server.url}
        result = run("backfill", "--start", "2025-12-01", "--end", "2026-01-31",
                     "--cik", str(IMUNON_CIK), "--cik", str(ESS_CIK), env=env)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    if result.returncode == 1:
        assert str(IMUNON_CIK) in result.stderr
    # The other issuer's filings are all there.
    fetched = _rows(env["DATABASE_URL"], "SELECT accession_number, fetch_status FROM filings")
    assert (ESS, "fetched") in fetched


def test_a_garbage_daily_index_is_one_line_or_a_recorded_error(migrated_env):
    site = build_week_site()
    site.add_file("/Archives/edgar/daily-index/2025/QTR4/form.20251230.idx", b"\x00\xff garbage \x1b[2J" * 500)
    with _serve(site) as server:
        env = {**migrated_env, "EDGAR_BASE_URL": server.url}
        result = run("nightly", "--since", MON.isoformat(), env=env)
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr
    assert result.returncode in (0, 1, 4), result.stderr


HOSTILE_NAME = "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \x1b[31mRED\x1b[0m\x1b]0;pwned\x07\x9b2J Energy INC"


def test_escape_sequences_in_a_name_never_reach_the_terminal_and_utf8_names_are_kept(migrated_env):
    site = build_week_site()
    hostile = raw(NEXTERA).replace(b"NEXTERA ENERGY INC", HOSTILE_NAME.encode("utf-8"), 1)
    site.add_filing(hostile, replace=True)
    with _serve(site) as server:
        env = {**migrated_env, "EDGAR_BASE_URL": server.url}
        assert run("nightly", "--since", MON.isoformat(), env=env).returncode == 0
    names = {n for (n,) in _rows(env["DATABASE_URL"], "SELECT company FROM filings WHERE cik = 753308")}
    assert any("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale" in n for n in names), names   # not mojibake
    shown = run("timeline", "753308", env=env)
    assert shown.returncode == 0, shown.stderr
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in shown.stdout
    assert "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale" in shown.stdout
    as_json = run("timeline", "753308", "--json", env=env)
    assert "\x1b" not in as_json.stdout and json.loads(as_json.stdout)


def test_parse_summary_strips_escape_sequences(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_bytes(raw(NEXTERA).replace(b"NEXTERA ENERGY INC", HOSTILE_NAME.encode("utf-8"), 1))
    result = run("parse", str(path), env=base_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "Soci\u00e9t\u00e9" in result.stdout


def test_a_mirror_password_is_masked_in_logs_json_logs_and_stored_errors(migrated_env):
    from edgar_atm.fakeedgar.faults import Faults
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    site = build_week_site()
    nextera = site.get(NEXTERA)
    faults = Faults(by_path={nextera.path(): ["503"] * 12}, retry_after=0.05)
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2, faults=faults) as server:
        mirror = server.url.replace("http://", f"http://mirror:{SECRET}@")
        env = {**migrated_env, "EDGAR_BASE_URL": mirror}
        for args in (("-vv", "nightly", "--since", MON.isoformat()), ("--log-json", "-vv", "nightly")):
            result = run(*args, env=env)
            assert result.returncode in (0, 1), result.stderr
            assert SECRET not in result.stdout + result.stderr
            assert "Traceback" not in result.stderr
        assert "mirror:***@" in result.stderr or "503" in result.stderr
    stored = _rows(env["DATABASE_URL"], "SELECT error FROM filings WHERE error IS NOT NULL "
                                        "UNION ALL SELECT error FROM ingestion_runs WHERE error IS NOT NULL")
    assert stored and all(SECRET not in (e or "") for (e,) in stored)


def test_an_unreachable_mirror_with_a_password_is_masked(migrated_env):
    env = {**migrated_env, "EDGAR_BASE_URL": f"http://mirror:{SECRET}@127.0.0.1:9"}
    result = run("backfill", "--start", "2025-12-29", "--end", "2025-12-29", env=env, timeout=300)
    assert result.returncode in (1, 4)
    assert SECRET not in result.stdout + result.stderr and "Traceback" not in result.stderr
    if result.returncode == 4:
        one_line(result, 4)

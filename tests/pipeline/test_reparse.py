"""reparse: the current parser over the raw store, no network, idempotent."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from pipeline_helpers import MON, build_week_site, cli, cli_env, dump


def test_reparse_needs_no_network_is_idempotent_and_keeps_data_on_bad_raw(migrated_url, tmp_path):
    from edgar_atm.extract import PARSER_VERSION
    from edgar_atm.fakeedgar.server import FakeEdgarServer
    from edgar_atm.store.db import make_engine

    with FakeEdgarServer(build_week_site(), rate_limit=10, block_seconds=2) as server:
        env = cli_env(migrated_url, server.url, tmp_path)
        assert cli("nightly", "--since", MON.isoformat(), env=env).returncode == 0
    before = dump(migrated_url)

    # The server is gone and EDGAR_BASE_URL points nowhere: reparse must not need it.
    env["EDGAR_BASE_URL"] = "http://127.0.0.1:9"
    env.pop("EDGAR_USER_AGENT")
    engine = make_engine(migrated_url)
    try:
        with engine.begin() as conn:   # as if an older parser had produced these rows
            conn.execute(text("UPDATE filings SET parser_version = 'old'"))
        done = cli("-v", "reparse", env=env)
        assert done.returncode == 0, done.stderr
        assert "reparse: days=0" in done.stderr and "parsed=4" in done.stderr
        with engine.connect() as conn:
            versions = set(conn.execute(text("SELECT DISTINCT parser_version FROM filings "
                                             "WHERE fetch_status = 'fetched'")).scalars())
        assert versions == {PARSER_VERSION}
        assert dump(migrated_url) == before                # same events, replaced idempotently

        # A damaged raw file: recorded as that filing's error; its events stay.
        raw = sorted(Path(env["EDGAR_ATM_DATA_DIR"]).rglob("*"))
        victim = [p for p in raw if p.is_file() and "0001193125-25-338333" in p.name][0]
        victim.write_bytes(b"not what was stored")
        broken = cli("reparse", env=env)
        assert broken.returncode == 1
        assert "0001193125-25-338333" in broken.stderr
        after = dump(migrated_url)
        assert after["events"] == before["events"]
        assert after["atm_timeline"] == before["atm_timeline"]
    finally:
        engine.dispose()

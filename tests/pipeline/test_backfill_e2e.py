"""Backfill end to end through the CLI, against the fake EDGAR, on SQLite and PostgreSQL:
quarterly indexes, resumability, and kill -9 in the middle."""

from __future__ import annotations

import os
import signal

import pytest

from edgar_atm.store.db import upgrade
from edgar_atm.store.raw import RawStore
from pipeline_helpers import (
    BOFA_CIKS, FRI, MON, build_week_site, cli, cli_env, cli_popen, dump, txt_requests, wait_for,
)

EXTRA = 24  # more filings on Friday, so a backfill is long enough to be killed half-way


@pytest.fixture
def big_week_edgar():
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    with FakeEdgarServer(build_week_site(extra_negatives=EXTRA), rate_limit=10, block_seconds=2,
                         latency=0.05) as server:
        yield server


def _accessions(db_url: str, where: str = "") -> set[str]:
    from sqlalchemy import text

    from edgar_atm.store.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(text("SELECT accession_number FROM filings " + where)).scalars())
    finally:
        engine.dispose()


def _fetched(db_url: str) -> set[str]:
    return _accessions(db_url, "WHERE fetch_status = 'fetched'")


def _backfill(env, *extra):
    return cli("backfill", "--start", MON.isoformat(), "--end", FRI.isoformat(), *extra, env=env)


def test_backfill_reads_quarterly_indexes_and_a_rerun_fetches_nothing(migrated_url, big_week_edgar, tmp_path):
    env = cli_env(migrated_url, big_week_edgar.url, tmp_path)
    first = _backfill(env)
    assert first.returncode == 0, first.stderr
    index_requests = [r.path for r in big_week_edgar.log.records() if "-index/" in r.path]
    # Two quarters (2025Q4, 2026Q1), one full-index file each, plus the daily index of a day
    # a full-index does not cover yet (its "Last Data Received" day): fewer than the days.
    full = [p for p in index_requests if "/full-index/" in p]
    assert sorted(full) == ["/Archives/edgar/full-index/2025/QTR4/form.gz",
                            "/Archives/edgar/full-index/2026/QTR1/form.gz"]
    assert len(index_requests) < 5
    fetched = txt_requests(big_week_edgar)
    assert len(fetched) == len(set(fetched)) == 4 + EXTRA
    assert not any(f"/data/{cik}/" in p for p in fetched for cik in BOFA_CIKS)
    before = dump(migrated_url)
    assert not [c for c in before["checkpoints"] if c[0].startswith("nightly")]   # bookmark untouched

    big_week_edgar.reset_log()
    again = _backfill(env)
    assert again.returncode == 0, again.stderr
    assert big_week_edgar.log.records() == []      # indexes recorded, filings stored: no request
    assert dump(migrated_url) == before


def test_kill_9_in_the_middle_then_rerun_equals_one_clean_run(db_url, second_db_url, big_week_edgar, tmp_path):
    upgrade(db_url)
    upgrade(second_db_url)
    # A slow rate, so the kill lands while filings are still being fetched.
    env = cli_env(db_url, big_week_edgar.url, tmp_path / "killed", EDGAR_RATE_LIMIT="4")
    victim = cli_popen("backfill", "--start", MON.isoformat(), "--end", FRI.isoformat(), env=env)
    try:
        wait_for(lambda: len(txt_requests(big_week_edgar)) >= 8 or victim.poll() is not None)
        assert victim.poll() is None, "the backfill ended before it could be killed"
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(timeout=60)
    finally:
        if victim.poll() is None:
            victim.kill()
        victim.communicate(timeout=60)
    assert victim.returncode == -signal.SIGKILL
    fetched_before_kill = len(set(txt_requests(big_week_edgar)))
    assert fetched_before_kill < 4 + EXTRA
    stored = _fetched(db_url)
    # What the killed run had written to the raw store, recorded in the database or not.
    held = set(RawStore(tmp_path / "killed" / "data" / "raw").iter_accessions())
    assert stored <= held

    big_week_edgar.reset_log()
    rerun = _backfill(env)
    assert rerun.returncode == 0, rerun.stderr
    refetched = txt_requests(big_week_edgar)
    assert len(refetched) == len(set(refetched))
    # Exactly what the killed run had not stored is fetched again (what was in flight at the
    # kill); a filing whose bytes reached the raw store is parsed from there, not refetched.
    accessions = {p.rsplit("/", 1)[1].removesuffix(".txt") for p in refetched}
    assert not accessions & held
    assert accessions | held == _fetched(db_url)
    assert len(_fetched(db_url)) == 4 + EXTRA

    clean = _backfill(cli_env(second_db_url, big_week_edgar.url, tmp_path / "clean"))
    assert clean.returncode == 0, clean.stderr
    assert dump(db_url) == dump(second_db_url)


def test_filings_already_in_the_raw_store_are_parsed_from_it_not_refetched(migrated_url, big_week_edgar,
                                                                          tmp_path):
    # A run killed after writing raw files but before recording them leaves exactly this:
    # filings pending in the database whose bytes are in the raw store.
    env = cli_env(migrated_url, big_week_edgar.url, tmp_path)
    assert _backfill(env, "--no-fetch").returncode == 0
    recorded = sorted(_accessions(migrated_url))
    assert len(recorded) == 4 + EXTRA and not _fetched(migrated_url)
    held = set(recorded[::3])
    raw = RawStore(tmp_path / "data" / "raw")
    for acc in held:
        raw.put(acc, big_week_edgar.site.get(acc).txt)

    big_week_edgar.reset_log()
    done = _backfill(env)
    assert done.returncode == 0, done.stderr
    requested = {p.rsplit("/", 1)[1].removesuffix(".txt") for p in txt_requests(big_week_edgar)}
    assert requested and not requested & held
    fetched = _fetched(migrated_url)
    assert held <= fetched and requested | held == fetched

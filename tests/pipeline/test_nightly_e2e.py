"""The nightly job end to end: fake EDGAR (a real-format week) -> pipeline -> SQL views, on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from pipeline_helpers import (
    BOFA_CIKS, ESS_CIK, FRI, IMUNON_CIK, MON, NEXTERA_CIK, NOTES_PER_DAY, THU,
    build_week_site, close_pipeline, dump, make_pipeline, settings_for, txt_requests,
)


@pytest.fixture
def week_edgar():
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    with FakeEdgarServer(build_week_site(), rate_limit=10, block_seconds=2, latency=0.01) as server:
        yield server


def _rows(db_url: str, sql: str) -> list[dict]:
    from edgar_atm.store.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def test_a_week_of_indexes_ends_in_the_expected_timeline(migrated_url, week_edgar, tmp_path):
    from edgar_atm.pipeline.checkpoints import NIGHTLY_CHECKPOINT

    pipeline = make_pipeline(settings_for(migrated_url, week_edgar.url, tmp_path))
    try:
        stats = pipeline.nightly(since=MON)
    finally:
        close_pipeline(pipeline)

    assert stats.errors == 0
    assert stats.days == 4                       # Mon, Tue, Wed, Fri; Thu is a holiday
    assert stats.fetched == 4                    # ESS, NextEra, Imunon twice
    assert stats.parsed == 4
    assert stats.skipped == 3 * NOTES_PER_DAY + 1
    # Structured notes cost no request; each filing is fetched once.
    fetched = txt_requests(week_edgar)
    assert len(fetched) == len(set(fetched)) == 4
    assert not any(f"/data/{cik}/" in p for p in fetched for cik in BOFA_CIKS)
    # The walk read Thu (404: holiday) and stopped at next Monday's unpublished index.
    index_paths = [r.path for r in week_edgar.log.records() if "daily-index" in r.path]
    assert any(THU.strftime("%Y%m%d") in p for p in index_paths)

    bookmark = _rows(migrated_url, f"SELECT value FROM checkpoints WHERE name = '{NIGHTLY_CHECKPOINT}'")
    assert bookmark == [{"value": FRI.isoformat()}]

    programs = _rows(migrated_url, "SELECT * FROM atm_programs ORDER BY cik")
    assert {p["cik"] for p in programs} == {NEXTERA_CIK, ESS_CIK}
    nextera = [p for p in programs if p["cik"] == NEXTERA_CIK]
    assert len(nextera) == 1
    assert nextera[0]["status"] == "active"

    timeline = _rows(migrated_url, "SELECT * FROM atm_timeline ORDER BY cik, filed_date, accession_number")
    assert {t["cik"] for t in timeline} == {NEXTERA_CIK, ESS_CIK}
    assert IMUNON_CIK not in {t["cik"] for t in timeline}
    nee = [t for t in timeline if t["cik"] == NEXTERA_CIK]
    assert [t["event_type"] for t in nee] == ["program_established"]
    assert int(nee[0]["max_amount"]) == 4_000_000_000
    ess = [t for t in timeline if t["cik"] == ESS_CIK]
    assert ess and ess[0]["event_type"] == "program_established"
    assert str(ess[0]["filed_date"])[:10] == MON.isoformat()   # a date, or ISO text on SQLite


def test_a_rerun_changes_nothing_and_fetches_nothing(migrated_url, week_edgar, tmp_path):
    settings = settings_for(migrated_url, week_edgar.url, tmp_path)
    pipeline = make_pipeline(settings)
    try:
        first = pipeline.nightly(since=MON)
    finally:
        close_pipeline(pipeline)
    assert first.errors == 0
    before = dump(migrated_url)
    week_edgar.reset_log()

    pipeline = make_pipeline(settings)
    try:
        again = pipeline.nightly()
    finally:
        close_pipeline(pipeline)

    assert again.errors == 0
    assert again.fetched == 0 and again.parsed == 0
    assert txt_requests(week_edgar) == []
    # Only the bookmark day is re-read (late entries), then the unpublished next days.
    index_days = [r.path.rsplit(".", 2)[-2] for r in week_edgar.log.records() if "daily-index" in r.path]
    assert index_days[0] == FRI.strftime("%Y%m%d")
    assert dump(migrated_url) == before

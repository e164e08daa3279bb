"""nightly --max-lag: how stale the newest daily index read is, in business days."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize("bookmark, today, max_lag, stale", [
    ("2026-01-02", date(2026, 1, 3), 4, False),    # Saturday morning: Friday's index, lag 0
    ("2026-01-05", date(2026, 1, 6), 4, False),    # Tuesday morning: Monday's, lag 1
    ("2018-12-21", date(2018, 12, 26), 4, False),  # Christmas Eve and Day closed: lag 3
    ("2026-01-02", date(2026, 1, 9), 4, True),     # a whole week without an index: lag 5
    ("2026-01-02", date(2026, 1, 8), 4, False),    # lag 4: not more than 4
    (None, date(2026, 1, 8), 4, True),             # nothing read yet
])
def test_staleness(migrated_engine, tmp_path, bookmark, today, max_lag, stale):
    from edgar_atm.pipeline.run import Pipeline
    from edgar_atm.store import repository
    from edgar_atm.store.db import session_factory
    from edgar_atm.store.raw import RawStore

    if bookmark:
        with session_factory(migrated_engine).begin() as session:
            repository.set_checkpoint(session, "nightly.last_completed_day", bookmark)
    pipeline = Pipeline(engine=migrated_engine, client=None, raw=RawStore(tmp_path / "raw"), today=lambda: today)
    message = pipeline.staleness(max_lag)
    assert (message is not None) == stale
    if stale:
        assert message.startswith("data is stale") and str(today) in message
        assert "\n" not in message

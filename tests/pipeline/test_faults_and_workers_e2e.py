"""Under faults, and with several worker processes sharing the work and the rate limit."""

from __future__ import annotations

import json


from edgar_atm.store.db import upgrade
from pipeline_helpers import (
    FRI, MON, build_week_site, cli, cli_env, cli_popen, close_pipeline, dump, make_pipeline,
    settings_for, txt_requests,
)


def test_faults_at_ten_percent_of_requests_still_end_complete(db_url, second_db_url, tmp_path):
    from edgar_atm.fakeedgar.faults import Faults
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    upgrade(db_url)
    upgrade(second_db_url)
    site = build_week_site(extra_negatives=12)
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2) as calm:
        pipeline = make_pipeline(settings_for(second_db_url, calm.url, tmp_path / "calm"))
        try:
            assert pipeline.nightly(since=MON).errors == 0
        finally:
            close_pipeline(pipeline)

    faults = Faults(rate=0.10, kinds=("500", "502", "503", "drop", "truncate", "429-retry-after"),
                    seed=20251229, retry_after=0.2)
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2, faults=faults) as stormy:
        pipeline = make_pipeline(settings_for(db_url, stormy.url, tmp_path / "stormy"))
        try:
            stats = pipeline.nightly(since=MON)
        finally:
            close_pipeline(pipeline)
        assert faults.injected >= 2                       # faults did happen
        assert stats.errors == 0
        assert stats.fetched == 4 + 12
    assert dump(db_url) == dump(second_db_url)


def test_three_workers_share_the_filings_and_the_rate_limit(db_url, tmp_path):
    """Discovery once, then three `edgar-atm work` processes at once: every filing fetched
    exactly once, and together they stay under the SEC's limit (the fake EDGAR blocks at 10/s)."""
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    upgrade(db_url)
    extra = 60
    with FakeEdgarServer(build_week_site(extra_negatives=extra), rate_limit=10, block_seconds=30,
                         latency=0.05) as server:
        env = cli_env(db_url, server.url, tmp_path, EDGAR_RATE_LIMIT="6")
        found = cli("backfill", "--start", MON.isoformat(), "--end", FRI.isoformat(), "--no-fetch", env=env)
        assert found.returncode == 0, found.stderr
        assert txt_requests(server) == []
        workers = [cli_popen("--log-json", "-v", "work", "--batch-size", "3", env=env) for _ in range(3)]
        outputs = [w.communicate(timeout=300) for w in workers]
        for w, (_, err) in zip(workers, outputs):
            assert w.returncode == 0, err
        fetched = txt_requests(server)
        assert len(fetched) == 4 + extra
        assert len(set(fetched)) == len(fetched)          # no filing processed twice
        assert server.limiter.blocks == 0                 # one shared limit, never exceeded
        per_worker = []
        for _, err in outputs:
            summary = [json.loads(l) for l in err.splitlines() if '"work: days=' in l]
            per_worker.append(summary[-1]["fetched"])
        assert sum(per_worker) == 4 + extra
        assert sum(1 for n in per_worker if n) >= 2       # the work was actually shared
    filings = dump(db_url)["filings"]
    assert len([f for f in filings if "fetched" in f and "parsed" in f]) == 4 + extra

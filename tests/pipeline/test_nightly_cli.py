"""The nightly command as cron runs it: one run at a time, summary, exit statuses."""

from __future__ import annotations

import json

import pytest

from pipeline_helpers import MON, build_week_site, cli, cli_env, cli_popen, dump, wait_for


@pytest.fixture
def slow_week_edgar():
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    with FakeEdgarServer(build_week_site(extra_negatives=6), rate_limit=10, block_seconds=2,
                         latency=0.1) as server:
        yield server


def test_two_nightly_runs_at_once_the_second_exits_busy(migrated_url, slow_week_edgar, tmp_path):
    env = cli_env(migrated_url, slow_week_edgar.url, tmp_path, EDGAR_RATE_LIMIT="3")
    first = cli_popen("nightly", "--since", MON.isoformat(), env=env)
    try:
        # The first run takes the lock before its first request.
        wait_for(lambda: len(slow_week_edgar.log) > 0 or first.poll() is not None)
        assert first.poll() is None
        second = cli("nightly", env=env, timeout=120)
        still_running = first.poll() is None
        out, err = first.communicate(timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
    assert second.returncode == 75, second.stderr
    assert "another nightly run is in progress" in second.stderr
    assert still_running, "the first run ended before the second was refused"
    assert first.returncode == 0, err


def test_quiet_without_a_terminal_json_summary_when_asked(migrated_url, slow_week_edgar, tmp_path):
    env = cli_env(migrated_url, slow_week_edgar.url, tmp_path)
    quiet = cli("nightly", "--since", MON.isoformat(), env=env)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == "" and quiet.stderr == ""     # cron mails nothing

    loud = cli("--log-json", "-v", "nightly", env=env)
    assert loud.returncode == 0, loud.stderr
    lines = [json.loads(line) for line in loud.stderr.splitlines()]
    summary = [l for l in lines if l["message"].startswith("nightly: days=")]
    assert len(summary) == 1
    assert summary[0]["fetched"] == 0 and summary[0]["errors"] == 0 and summary[0]["days"] >= 1
    for key in ("days", "seen", "fetched", "skipped", "parsed", "events", "errors", "elapsed", "requests"):
        assert key in summary[0]


def test_rate_limit_can_only_be_lowered(migrated_url, slow_week_edgar, tmp_path):
    env = cli_env(migrated_url, slow_week_edgar.url, tmp_path)
    refused = cli("nightly", "--rate-limit", "50", env=env)
    assert refused.returncode == 2
    assert "can only lower it" in refused.stderr
    assert len(slow_week_edgar.log) == 0


def test_failures_are_recorded_the_run_goes_on_and_a_later_run_retries(migrated_url, tmp_path):
    from edgar_atm.fakeedgar.faults import Faults
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    site = build_week_site()
    nextera = site.get("0001193125-25-338333")
    # NextEra's filing answers 503 to every attempt of the first run (the client retries 5
    # times), then normally; Imunon's second filing is damaged bytes (a crash would be a bug).
    faults = Faults(by_path={nextera.path(): ["503"] * 6}, retry_after=0.1)
    imunon_again = [f for f in site.filings if f.filed_date.isoformat() == "2026-01-02"
                    and f.form_type == "424B5"][0]
    site.add_file(imunon_again.path(), b"\x00\x9f garbage, not an SEC document \xff" * 100)
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2, faults=faults) as server:
        env = cli_env(migrated_url, server.url, tmp_path)
        first = cli("nightly", "--since", MON.isoformat(), env=env)
        assert first.returncode == 1, first.stderr
        assert "0001193125-25-338333" in first.stderr       # the failure is reported
        rows = {r[0]: r for r in dump(migrated_url)["filings"]}
        failed = [r for r in rows.values() if "0001193125-25-338333" in r]
        assert failed and "failed" in failed[0]
        assert server.log.count(path=nextera.path()) == 6    # retried, but not in a loop

        second = cli("nightly", env=env)
        assert second.returncode == 0, second.stderr
        assert server.log.count(path=nextera.path()) == 7    # retried once by the later run
        timeline = dump(migrated_url)["atm_timeline"]
        assert any(753308 in row for row in timeline)

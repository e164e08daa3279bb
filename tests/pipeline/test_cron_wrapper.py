"""scripts/nightly.sh as cron runs it: quiet on success, the run's log and status on failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline_helpers import MON, USER_AGENT, build_week_site, subprocess_env

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "nightly.sh"


def _shim(tmp_path: Path) -> Path:
    shim = tmp_path / "edgar-atm"
    shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m edgar_atm "$@"\n')
    shim.chmod(0o755)
    return shim


def test_quiet_when_all_went_well_loud_with_the_status_when_not(migrated_url, tmp_path):
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    with FakeEdgarServer(build_week_site(), rate_limit=10, block_seconds=2) as server:
        env_file = tmp_path / "edgar-atm.env"
        env_file.write_text(
            f'EDGAR_USER_AGENT="{USER_AGENT}"\nDATABASE_URL="{migrated_url}"\n'
            f'EDGAR_BASE_URL="{server.url}"\nEDGAR_ATM_DATA_DIR="{tmp_path / "data"}"\n'
            f'EDGAR_RATE_LIMIT_STORE="{tmp_path / "rl.sqlite"}"\nEDGAR_ATM_MAX_LAG=0\n')
        env = subprocess_env(EDGAR_ATM_BIN=str(_shim(tmp_path)), EDGAR_ATM_LOG_DIR=str(tmp_path / "logs"),
                             EDGAR_ATM_HOME=str(tmp_path))
        ok = subprocess.run(["bash", str(SCRIPT), str(env_file), "--since", MON.isoformat()],
                            env=env, capture_output=True, text=True, timeout=300)
        assert ok.returncode == 0, ok.stderr
        assert ok.stdout == "" and ok.stderr == ""          # cron sends no mail
        log = (tmp_path / "logs" / "nightly.log").read_text()
        assert "nightly exit 0" in log and "nightly: days=4" in log

        env_file.write_text(env_file.read_text().replace(USER_AGENT, "no contact address"))
        bad = subprocess.run(["bash", str(SCRIPT), str(env_file)], env=env, capture_output=True,
                             text=True, timeout=300)
        assert bad.returncode == 3
        assert "failed with exit status 3" in bad.stderr and "e-mail" in bad.stderr

    missing = subprocess.run(["bash", str(SCRIPT), str(tmp_path / "nope.env")], env=env,
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 3 and "not found" in missing.stderr


def test_stale_data_fails_the_cron_job_with_one_line_saying_how_stale(migrated_url, tmp_path):
    """The bundled week is long past: with the default --max-lag the job says the data is stale."""
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    with FakeEdgarServer(build_week_site(), rate_limit=10, block_seconds=2) as server:
        env_file = tmp_path / "edgar-atm.env"
        env_file.write_text(
            f'EDGAR_USER_AGENT="{USER_AGENT}"\nDATABASE_URL="{migrated_url}"\n'
            f'EDGAR_BASE_URL="{server.url}"\nEDGAR_ATM_DATA_DIR="{tmp_path / "data"}"\n'
            f'EDGAR_RATE_LIMIT_STORE="{tmp_path / "rl.sqlite"}"\n')
        env = subprocess_env(EDGAR_ATM_BIN=str(_shim(tmp_path)), EDGAR_ATM_LOG_DIR=str(tmp_path / "logs"),
                             EDGAR_ATM_HOME=str(tmp_path))
        env.pop("EDGAR_ATM_MAX_LAG", None)
        stale = subprocess.run(["bash", str(SCRIPT), str(env_file), "--since", MON.isoformat()],
                               env=env, capture_output=True, text=True, timeout=300)
    assert stale.returncode == 5, stale.stderr
    last = stale.stderr.strip().splitlines()[-1]
    assert last.startswith("edgar-atm: data is stale: the newest daily index read is 2026-01-02")
    assert "business days before today" in last

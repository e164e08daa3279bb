"""The misuse suite: ordinary mistakes, hostile EDGAR payloads and faults, each run through
the real console entry as a subprocess where it matters, each asserting the contract of the
error path: ONE line on stderr (a JSON object under --log-json), the documented exit status,
no traceback, and no secret anywhere in the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "pipeline"))  # pipeline_helpers: the fake EDGAR week

from pipeline_helpers import SRC, USER_AGENT  # noqa: E402

SECRET = "s3cr3t-Pa55"     # every password a test configures; must never be printed or stored
_SCRUB = ("DATABASE_URL", "EDGAR_USER_AGENT", "EDGAR_BASE_URL", "EDGAR_RATE_LIMIT", "EDGAR_RATE_LIMIT_STORE",
          "EDGAR_BLOCK_SECONDS", "EDGAR_ATM_DATA_DIR", "EDGAR_ATM_LOG_JSON", "EDGAR_ATM_MAX_LAG",
          "EDGAR_ATM_DB_RETRY_SECONDS")


def console() -> list[str]:
    """The installed `edgar-atm` script next to this interpreter, else `python -m edgar_atm`
    (the same main())."""
    script = Path(sys.executable).with_name("edgar-atm")
    return [str(script)] if script.exists() else [sys.executable, "-m", "edgar_atm"]


def base_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'misuse.sqlite'}", EDGAR_ATM_DATA_DIR=str(tmp_path / "data"),
               EDGAR_RATE_LIMIT_STORE=str(tmp_path / "ratelimit.sqlite"), EDGAR_BLOCK_SECONDS="2",
               EDGAR_ATM_MAX_LAG="0")
    env.update(extra)
    return env


def run(*args: str, env: dict[str, str], cwd: Path | None = None, timeout: float = 180,
        stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*console(), *args], env=env, cwd=cwd, capture_output=True, timeout=timeout,
                          input=stdin.decode() if stdin is not None else None, text=True)


def one_line(result, status: int, *, json_line: bool = False, secrets: tuple[str, ...] = (SECRET,)) -> str:
    """Assert the contract and return the line (the message, for JSON)."""
    shown = f"stdout={result.stdout!r}\nstderr={result.stderr!r}"
    assert result.returncode == status, shown
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, shown
    for secret in secrets:
        assert secret not in result.stderr and secret not in result.stdout, shown
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, shown
    if json_line:
        payload = json.loads(lines[0])
        assert payload["level"] == "error" and payload["exit_status"] == status, shown
        return payload["message"]
    assert lines[0].startswith("edgar-atm"), shown
    return lines[0]


def no_secret_in(text: str, secret: str = SECRET) -> None:
    assert secret not in text, text


@pytest.fixture
def env(tmp_path):
    return base_env(tmp_path, EDGAR_USER_AGENT=USER_AGENT)


@pytest.fixture
def migrated_env(tmp_path):
    """An environment whose SQLite database has the schema."""
    from edgar_atm.store.db import upgrade

    env = base_env(tmp_path, EDGAR_USER_AGENT=USER_AGENT)
    upgrade(env["DATABASE_URL"])
    return env


@pytest.fixture
def week_edgar():
    from edgar_atm.fakeedgar.server import FakeEdgarServer
    from pipeline_helpers import build_week_site

    with FakeEdgarServer(build_week_site(), rate_limit=10, block_seconds=2) as server:
        yield server

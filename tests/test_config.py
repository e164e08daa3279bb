import pytest

from edgar_atm.config import Settings
from edgar_atm.errors import ConfigError


def test_user_agent_must_carry_an_email():
    with pytest.raises(ConfigError, match="not set"):
        Settings().require_user_agent()
    with pytest.raises(ConfigError, match="no e-mail"):
        Settings(user_agent="Acme Research").require_user_agent()
    assert Settings(user_agent="Acme ops@acme.example").require_user_agent() == "Acme ops@acme.example"


def test_from_env_reads_every_setting(tmp_path):
    s = Settings.from_env({
        "EDGAR_USER_AGENT": "A a@b.co",
        "DATABASE_URL": "sqlite:///x.db",
        "EDGAR_BASE_URL": "http://127.0.0.1:9/",
        "EDGAR_RATE_LIMIT": "5",
        "EDGAR_ATM_DATA_DIR": str(tmp_path),
    })
    assert s.base_url == "http://127.0.0.1:9"
    assert s.rate_limit == 5.0
    assert s.database_url == "sqlite:///x.db"
    assert s.raw_dir == tmp_path / "raw"


@pytest.mark.parametrize("value", ["0", "10.5", "abc"])
def test_rate_limit_outside_the_sec_limit_is_refused(value):
    with pytest.raises(ConfigError):
        Settings.from_env({"EDGAR_RATE_LIMIT": value})


def test_network_guard_refuses_non_loopback():
    import socket

    s = socket.socket()
    try:
        with pytest.raises(RuntimeError, match="127.0.0.1"):
            s.connect(("192.0.2.1", 80))
    finally:
        s.close()

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


@pytest.mark.parametrize("value", ["0", "10.5", "abc", "nan", "inf"])
def test_rate_limit_outside_the_sec_limit_is_refused_by_network_commands(value):
    settings = Settings.from_env({"EDGAR_RATE_LIMIT": value, "EDGAR_USER_AGENT": "A a@b.co"})
    with pytest.raises(ConfigError, match="EDGAR_RATE_LIMIT"):
        settings.require_user_agent()
    # Settings other commands use are unaffected: `parse` and the database commands run.
    assert settings.database_url == "sqlite:///edgar-atm.sqlite"


def test_data_dir_is_absolute_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Settings.from_env({}).data_dir == tmp_path / "edgar-atm-data"
    assert Settings.from_env({"EDGAR_ATM_DATA_DIR": "rel"}).raw_dir == tmp_path / "rel" / "raw"


def test_a_changed_setting_drops_its_old_problem():
    settings = Settings.from_env({"EDGAR_RATE_LIMIT": "abc", "EDGAR_USER_AGENT": "A a@b.co"})
    assert settings.with_(rate_limit=5.0).require_user_agent() == "A a@b.co"


@pytest.mark.parametrize("url, normalised", [
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u:p%40ss@h:5433/db", "postgresql+psycopg://u:p%40ss@h:5433/db"),
    ("sqlite:///x.sqlite", "sqlite:///x.sqlite"),
])
def test_database_urls_that_work(url, normalised):
    from edgar_atm.config import check_database_url

    assert check_database_url(url) == normalised


@pytest.mark.parametrize("url, words", [
    ("mysql://u:pw@h/db", "mysql is not supported"),
    ("postgresql+psycopg2://u@h/db", "driver psycopg2"),
    ("postgresql+psycopg://u:pw@h:abc/db", "port that is no number"),
    ("postgresql+psycopg://u:p@ss@h/db", "percent-encode"),
    ("not a url at all", "cannot be parsed"),
])
def test_database_urls_refused_with_one_masked_line(url, words):
    from edgar_atm.config import check_database_url

    with pytest.raises(ConfigError, match=words) as info:
        check_database_url(url)
    assert "pw" not in str(info.value) and "ss@" not in str(info.value)
    assert "\n" not in str(info.value)


def test_network_guard_refuses_non_loopback():
    import socket

    s = socket.socket()
    try:
        with pytest.raises(RuntimeError, match="127.0.0.1"):
            s.connect(("192.0.2.1", 80))
    finally:
        s.close()

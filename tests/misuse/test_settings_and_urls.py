"""Bad settings and database URLs: exit status 3 (or 4 when the database is really
unreachable), one line, the password never shown; each command checks only what it uses."""

from __future__ import annotations

import pytest

from conftest import SECRET, base_env, one_line, run

NETWORK_SETTING_MISTAKES = [
    ({"EDGAR_RATE_LIMIT": "abc"}, "EDGAR_RATE_LIMIT must be a number"),
    ({"EDGAR_RATE_LIMIT": "0"}, "EDGAR_RATE_LIMIT must be above 0"),
    ({"EDGAR_RATE_LIMIT": "11"}, "at most 10"),
    ({"EDGAR_RATE_LIMIT": "nan"}, "EDGAR_RATE_LIMIT"),
    ({"EDGAR_BLOCK_SECONDS": "abc"}, "EDGAR_BLOCK_SECONDS must be a number"),
    ({"EDGAR_BLOCK_SECONDS": "-5"}, "EDGAR_BLOCK_SECONDS must be above 0"),
    ({"EDGAR_BASE_URL": "ftp://127.0.0.1:21"}, "http:// or https://"),
    ({"EDGAR_BASE_URL": "http://127.0.0.1:notaport"}, "EDGAR_BASE_URL"),
    ({"EDGAR_BASE_URL": f"127.0.0.1:8080/{SECRET}"}, "EDGAR_BASE_URL"),
    ({"EDGAR_RATE_LIMIT_STORE": f"mysql://u:{SECRET}@127.0.0.1/rl"}, "EDGAR_RATE_LIMIT_STORE"),
    ({"EDGAR_USER_AGENT": ""}, "EDGAR_USER_AGENT is not set"),
    ({"EDGAR_USER_AGENT": "Acme Research"}, "no e-mail address"),
]


@pytest.mark.parametrize("changes, words", NETWORK_SETTING_MISTAKES,
                         ids=[next(iter(c)) + "=" + next(iter(c.values()))[:12] for c, _ in NETWORK_SETTING_MISTAKES])
def test_a_bad_network_setting_stops_network_commands_with_status_3(migrated_env, changes, words):
    env = {**migrated_env, **changes}
    line = one_line(run("nightly", env=env), 3)
    assert words in line


@pytest.mark.parametrize("value", ["abc", "0", "11"])
def test_parse_needs_no_setting(tmp_path, value, data_dir):
    env = base_env(tmp_path, EDGAR_RATE_LIMIT=value, EDGAR_BLOCK_SECONDS="x", DATABASE_URL="mysql://nowhere")
    doc = data_dir / "edgar" / "site" / "filings" / "0001193125-25-338333.txt"
    result = run("parse", "--json", str(doc), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and '"accession_number": "0001193125-25-338333"' in result.stdout


def test_database_commands_ignore_a_bad_network_setting(tmp_path):
    env = base_env(tmp_path, EDGAR_RATE_LIMIT="abc", EDGAR_BASE_URL="ftp://x")
    result = run("db", "upgrade", env=env)
    assert result.returncode == 0, result.stderr


DATABASE_URL_MISTAKES = [
    (f"mysql://u:{SECRET}@127.0.0.1/db", 3, "mysql is not supported"),
    (f"oracle://u:{SECRET}@127.0.0.1/db", 3, "oracle is not supported"),
    (f"postgresql+psycopg2://u:{SECRET}@127.0.0.1/db", 3, "driver psycopg2"),
    (f"postgresql+psycopg://u:{SECRET}@127.0.0.1:port/db", 3, "port that is no number"),
    (f"postgresql+psycopg://u:{SECRET}@127.0.0.1:99999/db", 3, "DATABASE_URL"),
    (f"postgresql://u:{SECRET}@x@127.0.0.1/db", 3, "percent-encode"),
    (f"postgresql://u:{SECRET}/x@127.0.0.1/db", 3, "percent-encode"),
    (f"postgresql+psycopg//u:{SECRET}@127.0.0.1/db", 3, "cannot be parsed"),
    (f"::{SECRET}::", 3, "cannot be parsed"),
    # Well-formed, but nothing listens there: unreachable (4), at once, password masked.
    (f"postgresql+psycopg://u:{SECRET}@127.0.0.1:9/db", 4, "cannot reach the database"),
    (f"postgres://u:{SECRET}@127.0.0.1:9/db", 4, "cannot reach the database"),
]


@pytest.mark.parametrize("url, status, words", DATABASE_URL_MISTAKES,
                         ids=[u.split("//")[0][:20] + str(i) for i, (u, _, _) in enumerate(DATABASE_URL_MISTAKES)])
@pytest.mark.parametrize("command", [("db", "upgrade"), ("timeline", "CLRB")])
def test_a_bad_database_url_is_one_masked_line(tmp_path, url, status, words, command):
    env = base_env(tmp_path, DATABASE_URL=url)
    line = one_line(run(*command, env=env, timeout=60), status)
    assert words in line


@pytest.mark.parametrize("command", [("db", "current"), ("nightly",)])
def test_json_logs_make_the_failure_a_json_line(tmp_path, command):
    env = base_env(tmp_path, DATABASE_URL=f"mysql://u:{SECRET}@127.0.0.1/db",
                   EDGAR_USER_AGENT="Acme ops@acme.example")
    message = one_line(run("--log-json", *command, env=env), 3, json_line=True)
    assert "mysql is not supported" in message


def test_sqlite_file_in_a_folder_that_cannot_exist(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = base_env(tmp_path, DATABASE_URL=f"sqlite:///{blocker}/sub/db.sqlite")
    line = one_line(run("db", "upgrade", env=env), 4)
    assert "cannot create the SQLite database" in line


def test_database_without_schema_says_how_to_create_it(tmp_path, env):
    line = one_line(run("nightly", env=env), 4)
    assert "edgar-atm db upgrade" in line

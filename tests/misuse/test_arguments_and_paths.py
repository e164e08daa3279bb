"""Bad arguments (exit status 2) and paths: one line each, nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import base_env, one_line, run

ARGUMENT_MISTAKES = [
    (("backfill", "--start", "2024-01-01", "--end", "2024-01-02", "--cik", "0"), "--cik"),
    (("backfill", "--start", "2024-01-01", "--end", "2024-01-02", "--cik", "-7"), "--cik"),
    (("backfill", "--start", "2024-01-01", "--end", "2024-01-02", "--cik", "abc"), "--cik"),
    (("backfill", "--start", "0001-01-01", "--end", "2024-01-02"), "before EDGAR's first"),
    (("backfill", "--start", "2024-01-01", "--end", "9999-12-31"), "in the future"),
    (("backfill", "--start", "2024-02-30", "--end", "2024-03-01"), "YYYY-MM-DD"),
    (("backfill", "--start", "2024-03-01", "--end", "2024-01-01"), "--end is before --start"),
    (("backfill", "--start", "2024-01-01"), "--end"),
    (("backfill", "--start", "2024-01-01", "--end", "2024-01-02", "--form", "10-K"), "not a 424B form"),
    (("backfill", "--start", "2024-01-01", "--end", "2024-01-02", "--batch-size", "0"), "--batch-size"),
    (("nightly", "--since", "1-1-1"), "YYYY-MM-DD"),
    (("nightly", "--since", "0001-01-01"), "before EDGAR's first"),
    (("nightly", "--rate-limit", "0"), "must be above 0"),
    (("nightly", "--rate-limit", "50"), "can only lower it"),
    (("nightly", "--max-lag", "-1"), "--max-lag"),
    (("work", "--since", "yesterday"), "YYYY-MM-DD"),
    (("reparse", "--form", "S-1"), "not a 424B form"),
    (("db", "upgrade", "nosuchrev"), "nosuchrev"),
    (("db", "downgrade", "nosuchrev"), "nosuchrev"),
    (("nosuchcommand",), "nosuchcommand"),
    (("nightly", "--no-such-option"), "--no-such-option"),
]


@pytest.mark.parametrize("args, words", ARGUMENT_MISTAKES, ids=[" ".join(a)[:40] for a, _ in ARGUMENT_MISTAKES])
def test_bad_arguments_exit_2_in_one_line(migrated_env, args, words):
    line = one_line(run(*args, env=migrated_env), 2)
    assert words in line


def test_bad_argument_under_log_json_is_json(migrated_env):
    message = one_line(run("--log-json", "db", "upgrade", "nosuchrev", env=migrated_env), 2, json_line=True)
    assert "nosuchrev" in message


def test_unknown_issuer_is_one_line(migrated_env):
    line = one_line(run("timeline", "NOSUCHTICKER", env=migrated_env), 1)
    assert "NOSUCHTICKER" in line


@pytest.mark.parametrize("content", [None, b"", b"\x00\x01\x02\xff" * 64])
def test_parse_of_a_missing_empty_or_binary_file(tmp_path, content):
    path = tmp_path / "filing.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("parse", str(path), env=base_env(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]


def test_parse_of_a_folder(tmp_path):
    result = run("parse", str(tmp_path), env=base_env(tmp_path))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def _fetched_env(tmp_path, week_edgar, migrated_env):
    from pipeline_helpers import MON

    env = {**migrated_env, "EDGAR_BASE_URL": week_edgar.url}
    done = run("nightly", "--since", MON.isoformat(), env=env)
    assert done.returncode == 0, done.stderr
    return env


def _statuses(db_url: str) -> list[tuple]:
    from sqlalchemy import text

    from edgar_atm.store.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return sorted(conn.execute(text(
                "SELECT accession_number, fetch_status, parse_status, error FROM filings")).all())
    finally:
        engine.dispose()


def test_reparse_from_another_folder_with_a_relative_data_dir_stops_and_changes_nothing(
        tmp_path, week_edgar, migrated_env):
    home = tmp_path / "home"
    home.mkdir()
    env = {**_fetched_env(tmp_path, week_edgar, migrated_env), "EDGAR_ATM_DATA_DIR": "data"}
    # The fetching run above wrote tmp_path/data; a reparse in ./home with "data" looks in home/data.
    before = _statuses(env["DATABASE_URL"])
    line = one_line(run("reparse", env=env, cwd=home), 3)
    assert str(home / "data" / "raw") in line                  # where it looked
    assert str(tmp_path / "data" / "raw") in line              # where the fetching runs stored them
    assert _statuses(env["DATABASE_URL"]) == before            # nothing changed

    # From the right folder (the relative setting now means tmp_path/data) it works.
    assert run("reparse", env=env, cwd=tmp_path).returncode == 0


def test_damaged_and_missing_raw_files_are_fetched_again_by_the_next_run(tmp_path, week_edgar, migrated_env):
    from pipeline_helpers import NEXTERA, ESS

    env = _fetched_env(tmp_path, week_edgar, migrated_env)
    files = {p.name.split(".")[0]: p for p in Path(env["EDGAR_ATM_DATA_DIR"]).rglob("*.txt.gz")}
    files[NEXTERA].write_bytes(files[NEXTERA].read_bytes()[:-100])   # truncated
    files[ESS].unlink()                                              # gone
    requests = len(week_edgar.log)
    again = run("nightly", env=env)
    assert again.returncode == 0, again.stderr
    fetched = [r.path for r in week_edgar.log.records()[requests:] if r.path.endswith(".txt")]
    assert any(NEXTERA in p for p in fetched) and any(ESS in p for p in fetched)
    from edgar_atm.store.raw import RawStore

    raw = RawStore(Path(env["EDGAR_ATM_DATA_DIR"]) / "raw")
    assert raw.verify(NEXTERA) and raw.verify(ESS)


def test_reparse_marks_a_damaged_raw_file_for_the_next_run(tmp_path, week_edgar, migrated_env):
    from pipeline_helpers import NEXTERA

    env = _fetched_env(tmp_path, week_edgar, migrated_env)
    victim = [p for p in Path(env["EDGAR_ATM_DATA_DIR"]).rglob("*.txt.gz") if NEXTERA in p.name][0]
    victim.write_bytes(b"\x1f\x8b not a gzip file")
    broken = run("reparse", env=env)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    row = [r for r in _statuses(env["DATABASE_URL"]) if r[0] == NEXTERA][0]
    assert row[1] == "failed" and "raw store" in row[3]
    requests = len(week_edgar.log)
    assert run("work", env=env).returncode == 0
    assert any(NEXTERA in r.path for r in week_edgar.log.records()[requests:])
    assert [r for r in _statuses(env["DATABASE_URL"]) if r[0] == NEXTERA][0][1] == "fetched"


@pytest.mark.parametrize("args", [("parse", "/no/such/filing.txt"), ("timeline", "NOSUCHTICKER")])
def test_failures_a_command_goes_on_after_are_json_under_log_json(migrated_env, args):
    message = one_line(run("--log-json", *args, env=migrated_env), 1, json_line=True)
    assert args[1].split("/")[-1] in message

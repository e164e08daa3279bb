"""`edgar-atm events`: what was written since a time or by the last run, filtered by type and
issuer, as text, JSON Lines or CSV."""

from __future__ import annotations

import csv
import io

from edgar_atm.cli.common import EXIT_FAILURES

from .conftest import OLD_RUN_AT, json_lines, run

NEW_ACCESSIONS = {"0001193125-25-338333", "0001193125-24-130674", "0001559053-21-900001", "0001193125-21-366352"}
OLD_ACCESSIONS = {"0001279704-22-900001", "0001193125-21-320145", "0001193125-22-054431"}


def test_since_a_date_counts_when_the_row_was_written(filled_url):
    # Everything was written on or after the old run; the filing dates (2021-2025) do not matter.
    everything = json_lines(run("--db", filled_url, "events", "--since", "2026-02-28", "--json").output)
    assert {e["accession_number"] for e in everything} == NEW_ACCESSIONS | OLD_ACCESSIONS
    # After the old run: only the new run's writes.
    later = json_lines(run("--db", filled_url, "events", "--since", "2026-03-02T00:00", "--json").output)
    assert {e["accession_number"] for e in later} == NEW_ACCESSIONS
    assert all(e["recorded_at"] > OLD_RUN_AT.isoformat() for e in later)
    assert later == sorted(later, key=lambda e: e["recorded_at"])


def test_last_run_is_the_default(filled_url):
    result = run("--db", filled_url, "events")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("6 event(s) written by run 2 (nightly, ok")
    assert "PROTHENA CORP PUBLIC LTD CO (CIK 1559053)" in result.output
    assert max(map(len, result.output.splitlines())) <= 100
    rows = json_lines(run("--db", filled_url, "events", "--last-run", "--json").output)
    assert {e["accession_number"] for e in rows} == NEW_ACCESSIONS


def test_types_and_issuer_by_ticker(filled_url):
    rows = json_lines(run("--db", filled_url, "events", "--since", "2026-01-01", "--type", "terminated",
                          "--type", "suspended", "--json").output)
    assert sorted((e["event_type"], e["cik"]) for e in rows) == [("suspended", 1279704), ("terminated", 1559053)]
    watsco = json_lines(run("--db", filled_url, "events", "--since", "2026-01-01", "--issuer", "wso",
                            "--json").output)
    # Two from 2021-22, and the 2024 third A&R: its amendment and the sales it states ("utilization
    # of approximately the full $300,000,000").
    assert {e["cik"] for e in watsco} == {105016} and len(watsco) == 5


def test_csv(filled_url):
    result = run("--db", filled_url, "events", "--since", "2026-01-01", "--type", "suspended", "--csv")
    (row,) = list(csv.DictReader(io.StringIO(result.output)))
    assert (row["cik"], row["event_type"], row["effective_date"]) == ("1279704", "suspended", "2022-10-20")
    assert row["agents"] == "Oppenheimer & Co. Inc." and row["max_amount"] == "14500000"
    assert row["recorded_at"].startswith("2026-03-01")


def test_mistakes_give_one_line(filled_url):
    both = run("--db", filled_url, "events", "--since", "2026-01-01", "--last-run")
    assert both.exit_code == 2 and "either --since or --last-run" in both.output
    bad_type = run("--db", filled_url, "events", "--type", "sold")
    assert bad_type.exit_code == 2 and "unknown event type sold" in bad_type.output
    bad_date = run("--db", filled_url, "events", "--since", "yesterday")
    assert bad_date.exit_code == 2 and "expected YYYY-MM-DD" in bad_date.output
    unknown = run("--db", filled_url, "events", "--issuer", "ZZZZ")
    assert unknown.exit_code == EXIT_FAILURES and unknown.output.count("\n") == 1


def test_empty_database_has_no_runs(migrated_url):
    result = run("--db", migrated_url, "events")
    assert result.exit_code == 0 and result.output.strip() == "0 event(s) no run has been recorded yet"

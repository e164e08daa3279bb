"""`edgar-atm timeline` fits 100 columns without hiding agents; --csv and --json; the output
helpers every row-printing command shares."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

from edgar_atm.cli.output import to_csv, to_json_lines, wrap_items

from .conftest import run

NEXTERA_AGENTS = [
    "BNY Mellon Capital Markets, LLC", "BofA Securities, Inc.", "Capital One Securities, Inc.",
    "Credit Agricole Securities (USA) Inc.", "J.P. Morgan Securities LLC", "Mizuho Securities USA LLC",
    "Wells Fargo Securities, LLC",
]


def test_nextera_at_100_columns_shows_all_seven_agents(filled_url):
    result = run("--db", filled_url, "timeline", "NEE", "--width", "100")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(map(len, lines)) <= 100
    # Every agent's full name is on the page (wrapped between names, never cut).
    text = " ".join(l.strip() for l in lines)
    for agent in NEXTERA_AGENTS:
        assert agent in text
    assert "…" not in result.output
    start = next(i for i, l in enumerate(lines) if l.startswith("2025-12-31  program_established"))
    agent_lines = []
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        if agent_lines or line.strip().startswith("agents:"):
            agent_lines.append(line)
    assert len(agent_lines) >= 2  # wrapped onto continuation lines, aligned under the first name
    indent = agent_lines[0].index("agents:") + len("agents: ")
    assert all(l[:indent].strip() == "" and l[indent] != " " for l in agent_lines[1:])


def test_narrow_and_wide_widths(filled_url):
    narrow = run("--db", filled_url, "timeline", "NEE", "--width", "60").output.splitlines()
    assert max(map(len, narrow)) <= 62  # the 62-column head line is the only fixed width
    wide = run("--db", filled_url, "timeline", "NEE", "--width", "200").output.splitlines()
    assert len(wide) < len(narrow)


def test_timeline_csv_is_one_line_per_event(filled_url):
    result = run("--db", filled_url, "timeline", "WSO", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["event_type"] for r in rows] == ["program_established", "sales_reported", "program_amended",
                                                "program_amended", "sales_reported"]
    first = rows[0]
    assert (first["cik"], first["accession_number"], first["max_amount"]) == ("105016", "0001193125-21-320145", "300000000")
    assert first["agreement_date"] == "2021-08-06" and first["agents"] == "Robert W. Baird & Co. Incorporated"
    assert rows[1]["shares_sold"] == "0" and rows[1]["remaining_amount"] == "300000000"
    assert rows[4]["gross_proceeds"] == "300000000" and rows[4]["accession_number"] == "0001193125-24-130674"


def test_timeline_json_is_one_document(filled_url):
    data = json.loads(run("--db", filled_url, "timeline", "wso", "--json").output)
    assert data["cik"] == 105016 and "WSO" in data["tickers"]
    assert [e["event_type"] for e in data["events"]][:2] == ["program_established", "sales_reported"]


def test_csv_and_json_lines_cells():
    rows = [{"a": Decimal("14500000.00"), "b": date(2022, 10, 20), "c": ["X, Inc.", "Y LLC"], "d": None,
             "e": Decimal("499999716.65")}]
    text = to_csv(rows, ["a", "b", "c", "d", "e"])
    assert text == 'a,b,c,d,e\n14500000,2022-10-20,"X, Inc.; Y LLC",,499999716.65\n'
    assert json.loads(to_json_lines(rows)) == {"a": 14500000, "b": "2022-10-20", "c": ["X, Inc.", "Y LLC"],
                                               "d": None, "e": 499999716.65}
    assert to_json_lines([]) == ""


def test_wrap_items_breaks_between_items_only():
    items = [f"Agent Number {i} Securities, LLC" for i in range(9)]
    lines = wrap_items("agents:", items, 60, 12)
    assert max(map(len, lines)) <= 60
    joined = " ".join(l.strip() for l in lines)
    assert joined == "agents: " + "; ".join(items)
    for line in lines:  # no name is split across lines
        assert line.rstrip().endswith(";") or line is lines[-1]
